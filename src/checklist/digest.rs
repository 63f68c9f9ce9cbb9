//! The checklist digest: SHA-256 of a canonical form of the validated content.
//!
//! Canonical form: the validated model as JSON with object keys sorted and no insignificant
//! whitespace. Comments, key order and whitespace in the TOML therefore do not change it;
//! any change to wording, numbers, rules or metadata does.

use super::model::Checklist;
use sha2::{Digest, Sha256};

/// The canonical bytes a digest is taken over.
pub fn canonical_bytes(checklist: &Checklist) -> Vec<u8> {
    // serde_json's Map is a BTreeMap (no preserve_order feature), so keys come out sorted.
    let value = serde_json::to_value(checklist).expect("the checklist model always serialises");
    serde_json::to_vec(&value).expect("a JSON value always serialises")
}

/// `sha256:` followed by 64 lowercase hex digits.
pub fn digest(checklist: &Checklist) -> String {
    format!(
        "sha256:{}",
        hex(&Sha256::digest(canonical_bytes(checklist)))
    )
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
