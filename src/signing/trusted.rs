//! The inspector's list of trusted keys (`keys.toml`): which public key may sign for which
//! medical institution code, and for which vendor.
//!
//! ```toml
//! format_version = 1
//!
//! [institutions.0110113719]          # 医療機関コード
//! name = "札幌中央病院"                # optional, shown in tables
//! keys = ["RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3"]
//!
//! [vendors."Example Medical Systems"]
//! keys = ["RWT..."]                  # the second line of the vendor's .pub file
//! ```
//!
//! A key may be listed for several institutions (e.g. a group of clinics); an institution may
//! list several keys (e.g. during a key change).

use super::keys::PublicKey;
use super::SigningError;
use crate::diagnostic::Location;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

/// The version of the keys.toml format.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    format_version: Spanned<u32>,
    #[serde(default)]
    institutions: BTreeMap<String, RawEntry>,
    #[serde(default)]
    vendors: BTreeMap<String, RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    #[serde(default)]
    name: Option<String>,
    keys: Vec<Spanned<String>>,
}

/// Who a key signs for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Signer {
    Institution { code: String, name: Option<String> },
    Vendor { name: String },
}

/// The trusted keys, read and checked.
#[derive(Debug, Clone, Default)]
pub struct TrustedKeys {
    entries: Vec<(Signer, PublicKey)>,
}

impl TrustedKeys {
    /// Read keys.toml.
    pub fn read(path: &Path) -> Result<Self, SigningError> {
        let text = std::fs::read_to_string(path).map_err(SigningError::io(path))?;
        Self::parse(path, &text)
    }

    /// Parse keys.toml text; errors point at file:line:column.
    pub fn parse(path: &Path, text: &str) -> Result<Self, SigningError> {
        let file = path.display().to_string();
        let err = |span: Option<std::ops::Range<usize>>, reason: String| {
            let at = Location::of_span(&file, text, span);
            SigningError::TrustedKeys {
                path: path.to_owned(),
                line: at.line,
                column: at.column,
                reason,
            }
        };
        let raw: Raw =
            toml::from_str(text).map_err(|e| err(e.span(), e.message().trim_end().to_owned()))?;
        if *raw.format_version.get_ref() != FORMAT_VERSION {
            return Err(err(
                Some(raw.format_version.span()),
                format!(
                    "format_version {} is not supported; this medsec reads format_version {FORMAT_VERSION}",
                    raw.format_version.get_ref()
                ),
            ));
        }
        let mut entries = Vec::new();
        let signers = raw
            .institutions
            .into_iter()
            .map(|(code, e)| (Signer::Institution { code, name: e.name }, e.keys))
            .chain(
                raw.vendors
                    .into_iter()
                    .map(|(name, e)| (Signer::Vendor { name }, e.keys)),
            );
        for (signer, keys) in signers {
            if keys.is_empty() {
                return Err(err(None, format!("{signer:?} lists no keys")));
            }
            for key in keys {
                let pk = PublicKey::from_base64(key.get_ref()).map_err(|e| {
                    err(Some(key.span()), format!("not a minisign public key: {e}"))
                })?;
                entries.push((signer.clone(), pk));
            }
        }
        Ok(TrustedKeys { entries })
    }

    /// A list holding one key trusted for every institution (`--pubkey FILE`).
    pub fn single(key: PublicKey) -> Self {
        TrustedKeys {
            entries: vec![(
                Signer::Institution {
                    code: "*".into(),
                    name: None,
                },
                key,
            )],
        }
    }

    /// The key ID of the single `--pubkey` key, when this list is one.
    pub fn single_key_id(&self) -> Option<&str> {
        match self.entries.as_slice() {
            [(Signer::Institution { code, .. }, k)] if code == "*" => Some(&k.key_id),
            _ => None,
        }
    }

    /// Every key with this key ID, with who it signs for.
    pub fn with_key_id<'a>(
        &'a self,
        key_id: &'a str,
    ) -> impl Iterator<Item = &'a (Signer, PublicKey)> + 'a {
        self.entries.iter().filter(move |(_, k)| k.key_id == key_id)
    }

    /// Whether `key` is trusted for institution `code` (`*` is the single --pubkey key).
    pub fn trusts_for_institution(&self, key: &PublicKey, code: &str) -> bool {
        self.entries.iter().any(|(s, k)| {
            k == key && matches!(s, Signer::Institution { code: c, .. } if c == code || c == "*")
        })
    }

    /// The registered name of an institution, if the list gives one.
    pub fn institution_name(&self, code: &str) -> Option<&str> {
        self.entries.iter().find_map(|(s, _)| match s {
            Signer::Institution { code: c, name } if c == code => name.as_deref(),
            _ => None,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";

    #[test]
    fn parses_institutions_and_vendors() {
        let text = format!(
            "format_version = 1\n[institutions.0110113719]\nname = \"札幌中央病院\"\nkeys = [\"{KEY}\"]\n[vendors.\"Example\"]\nkeys = [\"{KEY}\"]\n"
        );
        let t = TrustedKeys::parse(Path::new("keys.toml"), &text).unwrap();
        let pk = PublicKey::from_base64(KEY).unwrap();
        assert!(t.trusts_for_institution(&pk, "0110113719"));
        assert!(!t.trusts_for_institution(&pk, "0110113720"));
        assert_eq!(t.with_key_id(&pk.key_id).count(), 2);
        assert_eq!(t.institution_name("0110113719"), Some("札幌中央病院"));
    }

    #[test]
    fn errors_point_at_the_place() {
        let text = "format_version = 1\n[institutions.1]\nkeys = [\"nope\"]\n";
        let e = TrustedKeys::parse(Path::new("keys.toml"), text)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("keys.toml:3:9: not a minisign public key"),
            "{e}"
        );
        let e = TrustedKeys::parse(Path::new("keys.toml"), "format_version = 2\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("keys.toml:1:18: format_version 2"), "{e}");
        let e = TrustedKeys::parse(Path::new("keys.toml"), "format_version = 1\nother = 1\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("keys.toml:2:1:"), "{e}");
    }
}
