//! The inspector's list of trusted keys (`keys.toml`): which public key may sign for which
//! medical institution code, and for which vendor.
//!
//! ```toml
//! format_version = 1
//!
//! [institutions.0110113719]          # 医療機関コード
//! name = "札幌中央病院"                # optional, for people (verify does not use it)
//! keys = ["RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3"]
//!
//! [vendors."Example Medical Systems"]
//! keys = ["RWT..."]                  # the second line of the vendor's .pub file
//! ```
//!
//! A key may be listed for several institutions (e.g. a group of clinics); an institution may
//! list several keys (e.g. during a key change). An institution is named by its 10-digit code,
//! as report.json gives it; full-width digits (１３１２３４５６７８, as a Japanese input method
//! types them) are read as ASCII, as answers files and `keygen --institution` read them.
//! Nothing else is accepted, so no entry can stand for every institution. That meaning belongs to the one key given with `--pubkey`
//! ([`Signer::AnyInstitution`]), which no file can reach.

use super::keys::PublicKey;
use super::SigningError;
use crate::answers::code::{self, CodeProblem};
use crate::answers::Msg;
use crate::checklist::Lang;
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
    institutions: BTreeMap<Spanned<String>, RawEntry>,
    #[serde(default)]
    vendors: BTreeMap<Spanned<String>, RawEntry>,
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
    /// One institution, by its 10-digit code.
    Institution {
        code: String,
        name: Option<String>,
    },
    /// Whichever institution a bundle names: only the single key given with `--pubkey`
    /// ([`TrustedKeys::single`]); never an entry of keys.toml.
    AnyInstitution,
    Vendor {
        name: String,
    },
}

/// The trusted keys, read and checked.
#[derive(Debug, Clone, Default)]
pub struct TrustedKeys {
    entries: Vec<(Signer, PublicKey)>,
    warnings: Vec<String>,
}

/// Why an `[institutions]` key is not a code, in `lang`; `None` when it is one. `written` is
/// the key as the file writes it (named in the message), `key` the same with full-width digits
/// read as ASCII.
fn institution_key_problem(written: &str, key: &str, lang: Lang) -> Option<String> {
    if key.len() != 10 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return Some(crate::tr!(
            lang,
            "signing-trusted-institution-key",
            key = written
        ));
    }
    code::check(key, None).into_iter().find_map(|p| match p {
        CodeProblem::FeeTable(digit) => Some(
            Msg::InstitutionCodeFeeTable {
                code: key.to_owned(),
                digit,
            }
            .text(lang),
        ),
        _ => None,
    })
}

/// Warnings about a valid code (a check digit that does not match), in `lang`.
fn institution_key_warnings(key: &str, lang: Lang) -> Vec<String> {
    code::check(key, None)
        .into_iter()
        .filter_map(|p| match p {
            CodeProblem::CheckDigit { expected, found } => Some(
                Msg::InstitutionCodeCheckDigit {
                    code: key.to_owned(),
                    expected,
                    found,
                }
                .text(lang),
            ),
            _ => None,
        })
        .collect()
}

/// What to say when the text given as keys.toml is a minisign file instead: a public key
/// (use it with `--pubkey`, or list it in keys.toml), a signature (its first line, `signature
/// from … secret key`, names a secret key too) or a secret key (never to be handed over).
fn key_file(path: &Path, text: &str, lang: Lang) -> Option<String> {
    if let Ok(key) = crate::signing::keys::PublicKey::from_text(text) {
        return Some(crate::tr!(
            lang,
            "verify-trusted-is-public-key",
            key_id = key.key_id,
            key = key.base64,
            path_word = crate::render::command_word(&path.display().to_string())
        ));
    }
    let first = text.trim_start_matches('\u{feff}').lines().next()?;
    if !first.starts_with("untrusted comment:") {
        return None;
    }
    if minisign_verify::Signature::decode(&crate::signing::keys::as_minisign_writes(text)).is_ok() {
        return Some(crate::tr!(lang, "verify-trusted-is-signature"));
    }
    first
        .contains("secret key")
        .then(|| crate::tr!(lang, "verify-trusted-is-secret-key"))
}

impl TrustedKeys {
    /// Read keys.toml, with problems about institution codes in `lang`.
    pub fn read_in(path: &Path, lang: Lang) -> Result<Self, SigningError> {
        let text = crate::limits::read_text_io(path, crate::limits::InputKind::Settings)
            .map_err(SigningError::io(path))?;
        Self::parse_in(path, &text, lang)
    }

    /// Parse keys.toml text; errors point at file:line:column.
    pub fn parse(path: &Path, text: &str) -> Result<Self, SigningError> {
        Self::parse_in(path, text, Lang::En)
    }

    /// Parse keys.toml text, with problems about institution codes in `lang`.
    pub fn parse_in(path: &Path, text: &str, lang: Lang) -> Result<Self, SigningError> {
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
        let raw: Raw = toml::from_str(text).map_err(|e| match key_file(path, text, lang) {
            // A key file given for the list: say so and how to use it, not the parser's text.
            Some(reason) => err(None, reason),
            None => {
                let detail = crate::i18n::detail::text(lang, e.message());
                let reason = crate::tr!(lang, "signing-trusted-toml", error = detail);
                err(e.span(), reason)
            }
        })?;
        if *raw.format_version.get_ref() != FORMAT_VERSION {
            return Err(err(
                Some(raw.format_version.span()),
                crate::tr!(
                    lang,
                    "signing-trusted-version",
                    found = raw.format_version.get_ref().to_string(),
                    supported = FORMAT_VERSION.to_string()
                ),
            ));
        }
        let mut entries = Vec::new();
        let mut warnings = Vec::new();
        let mut signers = Vec::new();
        // Codes as read (full-width digits as ASCII) and where each was first written: the same
        // code twice (`0110113719` and `０１１０１１３７１９`) is refused, so that removing a
        // revoked key from one entry never leaves it trusted through the other.
        let mut seen: BTreeMap<String, std::ops::Range<usize>> = BTreeMap::new();
        for (code, e) in raw.institutions {
            let span = code.span();
            let written = code.into_inner();
            let code = code::ascii_digits(&written);
            if let Some(reason) = institution_key_problem(&written, &code, lang) {
                return Err(err(Some(span), reason));
            }
            if let Some(first) = seen.get(&code) {
                let at = Location::of_span(&file, text, Some(first.clone()));
                return Err(err(
                    Some(span),
                    crate::tr!(
                        lang,
                        "signing-trusted-institution-twice",
                        code = code.as_str(),
                        first = at.line.to_string()
                    ),
                ));
            }
            seen.insert(code.clone(), span.clone());
            for w in institution_key_warnings(&code, lang) {
                let at = Location::of_span(&file, text, Some(span.clone()));
                warnings.push(format!("{}:{}:{}: {w}", file, at.line, at.column));
            }
            signers.push((Signer::Institution { code, name: e.name }, e.keys));
        }
        for (name, e) in raw.vendors {
            let span = name.span();
            let name = name.into_inner();
            if name.trim().is_empty() {
                return Err(err(
                    Some(span),
                    crate::tr!(lang, "signing-trusted-vendor-empty"),
                ));
            }
            signers.push((Signer::Vendor { name }, e.keys));
        }
        for (signer, keys) in signers {
            if keys.is_empty() {
                let reason = match &signer {
                    Signer::Vendor { name } => {
                        crate::tr!(lang, "signing-trusted-vendor-no-keys", name = name.as_str())
                    }
                    Signer::Institution { code, .. } => {
                        crate::tr!(
                            lang,
                            "signing-trusted-institution-no-keys",
                            code = code.as_str()
                        )
                    }
                    Signer::AnyInstitution => String::new(),
                };
                return Err(err(None, reason));
            }
            for key in keys {
                let pk = PublicKey::from_base64(key.get_ref()).map_err(|e| {
                    err(
                        Some(key.span()),
                        crate::tr!(
                            lang,
                            "signing-trusted-not-public-key",
                            reason = e.text(lang)
                        ),
                    )
                })?;
                entries.push((signer.clone(), pk));
            }
        }
        Ok(TrustedKeys { entries, warnings })
    }

    /// Warnings about the list (institution codes whose check digit does not match), each
    /// with its place, in the language it was read in.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// A list holding one key trusted for every institution (`--pubkey FILE`).
    pub fn single(key: PublicKey) -> Self {
        TrustedKeys {
            entries: vec![(Signer::AnyInstitution, key)],
            warnings: Vec::new(),
        }
    }

    /// The key ID of the single `--pubkey` key, when this list is one.
    pub fn single_key_id(&self) -> Option<&str> {
        match self.entries.as_slice() {
            [(Signer::AnyInstitution, k)] => Some(&k.key_id),
            _ => None,
        }
    }

    /// Every trusted key (a key listed for several signers comes once per listing).
    pub fn keys(&self) -> impl Iterator<Item = &PublicKey> {
        self.entries.iter().map(|(_, k)| k)
    }

    /// Every key with this key ID, with who it signs for.
    pub fn with_key_id<'a>(
        &'a self,
        key_id: &'a str,
    ) -> impl Iterator<Item = &'a (Signer, PublicKey)> + 'a {
        self.entries.iter().filter(move |(_, k)| k.key_id == key_id)
    }

    /// Whether `key` is trusted for institution `code`: listed for it, or the `--pubkey` key.
    pub fn trusts_for_institution(&self, key: &PublicKey, code: &str) -> bool {
        self.entries.iter().any(|(s, k)| {
            k == key
                && match s {
                    Signer::Institution { code: c, .. } => c == code,
                    Signer::AnyInstitution => true,
                    Signer::Vendor { .. } => false,
                }
        })
    }

    /// Whether `key` is listed for the vendor named `name`.
    pub fn trusts_for_vendor(&self, key: &PublicKey, name: &str) -> bool {
        self.entries
            .iter()
            .any(|(s, k)| k == key && matches!(s, Signer::Vendor { name: n } if n == name))
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
        let text = "format_version = 1\n[institutions.0110113719]\nkeys = [\"nope\"]\n";
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

    #[test]
    fn no_institution_key_stands_for_every_institution() {
        let pk = PublicKey::from_base64(KEY).unwrap();
        for key in [
            "\"*\"",
            "\"\"",
            "\"0000000000?\"",
            "\"?\"",
            "\"0110113719*\"",
            "\"０１１０１１３７１\"",
            "\"０１１０１１３７１９０\"",
            "\" 0110113719\"",
            "\"0110113719 \"",
            "\"011011371\"",
            "\"01101137190\"",
            "\"0110-113719\"",
            "\"\\u0000\"",
            "\"any\"",
        ] {
            let text = format!("format_version = 1\n[institutions.{key}]\nkeys = [\"{KEY}\"]\n");
            let e = TrustedKeys::parse(Path::new("keys.toml"), &text)
                .map(|t| t.trusts_for_institution(&pk, "0110113719"))
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("keys.toml:2:15:"), "{key}: {e}");
            assert!(e.contains("write its 10 digits"), "{key}: {e}");
            let e = TrustedKeys::parse_in(Path::new("keys.toml"), &text, Lang::Ja)
                .unwrap_err()
                .to_string();
            assert!(e.contains("数字10桁で書いてください"), "{key}: {e}");
        }
        // The third digit must be a fee table (1, 3 or 4).
        let text = format!("format_version = 1\n[institutions.0120113719]\nkeys = [\"{KEY}\"]\n");
        let e = TrustedKeys::parse(Path::new("keys.toml"), &text)
            .unwrap_err()
            .to_string();
        assert!(e.contains("the third digit is 2"), "{e}");
        // An empty vendor name is refused too.
        let text = format!("format_version = 1\n[vendors.\" \"]\nkeys = [\"{KEY}\"]\n");
        let e = TrustedKeys::parse(Path::new("keys.toml"), &text)
            .unwrap_err()
            .to_string();
        assert!(e.contains("is empty"), "{e}");
    }

    #[test]
    fn full_width_digits_are_read_as_ascii() {
        let pk = PublicKey::from_base64(KEY).unwrap();
        let text = format!(
            "format_version = 1\n[institutions.\"０１１０１１３７１９\"]\nkeys = [\"{KEY}\"]\n"
        );
        let t = TrustedKeys::parse(Path::new("keys.toml"), &text).unwrap();
        assert!(t.trusts_for_institution(&pk, "0110113719"));
        assert!(t.warnings().is_empty(), "{:?}", t.warnings());
    }

    #[test]
    fn the_same_code_twice_is_refused_whatever_its_digits() {
        let text = format!(
            "format_version = 1\n[institutions.0110113719]\nkeys = [\"{KEY}\"]\n[institutions.\"０１１０１１３７１９\"]\nkeys = [\"{KEY}\"]\n"
        );
        let e = TrustedKeys::parse(Path::new("keys.toml"), &text)
            .unwrap_err()
            .to_string();
        assert!(e.contains("keys.toml:4:"), "{e}");
        assert!(e.contains("0110113719 is listed twice"), "{e}");
        assert!(e.contains("first at line 2"), "{e}");
    }

    #[test]
    fn a_wrong_check_digit_is_a_warning_with_its_place() {
        let text = format!("format_version = 1\n[institutions.0110113710]\nkeys = [\"{KEY}\"]\n");
        let t = TrustedKeys::parse(Path::new("keys.toml"), &text).unwrap();
        assert_eq!(t.warnings().len(), 1);
        let w = &t.warnings()[0];
        assert!(w.starts_with("keys.toml:2:15: "), "{w}");
        assert!(w.contains("check digit is 0, expected 9"), "{w}");
        let pk = PublicKey::from_base64(KEY).unwrap();
        assert!(t.trusts_for_institution(&pk, "0110113710"));
        assert!(t.single_key_id().is_none());
    }

    #[test]
    fn only_the_pubkey_key_trusts_any_institution() {
        let pk = PublicKey::from_base64(KEY).unwrap();
        let single = TrustedKeys::single(pk.clone());
        assert_eq!(single.single_key_id(), Some(pk.key_id.as_str()));
        assert!(single.trusts_for_institution(&pk, "0110113719"));
        assert!(single.trusts_for_institution(&pk, "9999999999"));
        assert!(!single.trusts_for_vendor(&pk, "Example"));
        // A list with one institution is not the --pubkey list, whatever it names.
        let text = format!("format_version = 1\n[institutions.0110113719]\nkeys = [\"{KEY}\"]\n");
        let listed = TrustedKeys::parse(Path::new("keys.toml"), &text).unwrap();
        assert!(listed.single_key_id().is_none());
        assert!(!listed.trusts_for_institution(&pk, "9999999999"));
    }
}
