//! The checklist digest: SHA-256 of a canonical form of the validated content.
//!
//! Canonical form: the validated model as JSON with object keys sorted and no insignificant
//! whitespace. Comments, key order and whitespace in the TOML therefore do not change it;
//! any change to wording, numbers, rules or metadata does.

use super::model::Checklist;
use sha2::{Digest, Sha256};

/// The canonical bytes a digest is taken over. The model's derived `Serialize` has string keys
/// only, so this does not fail; the error is passed on rather than assumed away.
pub fn canonical_bytes(checklist: &Checklist) -> Result<Vec<u8>, serde_json::Error> {
    // serde_json's Map is a BTreeMap (no preserve_order feature), so keys come out sorted.
    let value = serde_json::to_value(checklist)?;
    serde_json::to_vec(&value)
}

/// `sha256:` followed by 64 lowercase hex digits.
pub fn digest(checklist: &Checklist) -> Result<String, serde_json::Error> {
    Ok(format!(
        "sha256:{}",
        hex(&Sha256::digest(canonical_bytes(checklist)?))
    ))
}

/// The digest `checklist` had before fill-in rules were data: the same content without its
/// `[rules]` block (answers files and reports of that time name it). `None` when the checklist
/// has no `[rules]` block, its digest being unchanged.
pub fn without_rules(checklist: &Checklist) -> Option<String> {
    checklist.rules.as_ref()?;
    let mut old = checklist.clone();
    old.rules = None;
    digest(&old).ok()
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

#[cfg(test)]
mod tests {
    use crate::checklist::{load_str, Origin};

    const FIXTURE: &str =
        include_str!("../../tests/fixtures/checklists/good/fy2026-institution.toml");

    fn digest_of(source: &str) -> String {
        load_str("t.toml", source, Origin::File("t.toml".into()))
            .unwrap()
            .digest
    }

    #[test]
    fn digest_is_sha256_hex() {
        let d = digest_of(FIXTURE);
        assert!(d.starts_with("sha256:"));
        assert_eq!(d.len(), 71);
        assert!(d[7..]
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    }

    #[test]
    fn whitespace_comments_and_layout_do_not_change_the_digest() {
        let reformatted = FIXTURE
            .replace(" = ", "   =   ")
            .replace("\n[[items]]", "\n# a comment\n\n[[items]]")
            .replace(
                "{ ja = \"テスト用。\", en = \"For tests.\" }",
                "{ en = \"For tests.\", ja = \"テスト用。\" }",
            );
        assert_ne!(reformatted, FIXTURE);
        assert_eq!(digest_of(&reformatted), digest_of(FIXTURE));
    }

    #[test]
    fn any_content_change_changes_the_digest() {
        let base = digest_of(FIXTURE);
        for (from, to) in [
            ("テスト用の項目。", "テスト用の項目"),
            ("number = \"1-①\"", "number = \"1-②\""),
            ("probes = [\"accounts\"]", "probes = []"),
            ("verified = true", "verified = false"),
            ("published = 2026-06-01", "published = 2026-06-02"),
        ] {
            let changed = FIXTURE.replace(from, to);
            assert_ne!(changed, FIXTURE, "{from}");
            assert_ne!(digest_of(&changed), base, "{from} -> {to}");
        }
    }
}
