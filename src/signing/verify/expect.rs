//! `verify --expect`: the SHA-256 (and signing key ID) a printed report carries in its footer
//! and QR code, checked against the bundle, so a paper can be tied to the signed bundle.

use super::{Class, Finding};
use crate::checklist::Lang;
use crate::report;
use crate::signing::SIGNATURE;
use crate::tr;

/// What `--expect` gives: the SHA-256 of report.json as any printed form shows it (bare hex in
/// either case, `sha256:<hex>`, the footer's `SHA-256 <hex>`, the header's
/// `SHA-256 (report.json): <hex>`), or the QR code's whole text `medsec:sha256=<hex>;key=<KEYID>`
/// (then the key ID must match too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// Lowercase hex.
    pub sha256: String,
    /// Uppercase hex, from the QR text.
    pub key_id: Option<String>,
}

/// Why a value of `--expect` is refused, said in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpectError {
    /// Neither a SHA-256 nor the QR code's text (an unknown `medsec:` part, nothing given).
    Unreadable { value: String },
    /// The SHA-256 (or the key ID) has `count` hex digits, not `wanted`.
    WrongLength {
        value: String,
        part: &'static str,
        count: usize,
        wanted: usize,
    },
    /// A character that is not a hex digit.
    NotHex {
        value: String,
        part: &'static str,
        found: char,
    },
}

impl ExpectError {
    pub fn localize(&self, lang: Lang) -> String {
        let forms = tr!(lang, "verify-expect-forms");
        match self {
            ExpectError::Unreadable { value } => {
                tr!(
                    lang,
                    "verify-expect-invalid",
                    value = value.as_str(),
                    forms = forms
                )
            }
            ExpectError::WrongLength {
                value,
                part,
                count,
                wanted,
            } => {
                let (count, wanted, part): (usize, usize, &str) = (*count, *wanted, part);
                tr!(
                    lang,
                    "verify-expect-wrong-length",
                    value = value.as_str(),
                    part = part,
                    count = count,
                    wanted = wanted,
                    forms = forms
                )
            }
            ExpectError::NotHex { value, part, found } => tr!(
                lang,
                "verify-expect-not-hex",
                value = value.as_str(),
                part = part.to_string(),
                found = found.to_string(),
                forms = forms
            ),
        }
    }
}

impl std::fmt::Display for ExpectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for ExpectError {}

/// `text` without a leading `prefix`, compared without regard to case.
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// `text` without the label a printed form puts before the digest: `sha256:`, `sha256=`,
/// `SHA-256 `, `SHA-256: `, `SHA-256 (report.json): `.
fn strip_digest_label(text: &str) -> &str {
    let Some(rest) = strip_prefix_ci(text, "sha-256").or_else(|| strip_prefix_ci(text, "sha256"))
    else {
        return text;
    };
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("(report.json)")
        .map_or(rest, str::trim_start);
    rest.strip_prefix([':', '=']).map_or(rest, str::trim_start)
}

/// `value` with full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space (U+3000) as
/// their ASCII characters.
fn fold_full_width(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// The hex digits of `value` (spaces from a wrapped line dropped), checked to be `wanted` long.
fn hex_digits(
    text: &str,
    value: &str,
    part: &'static str,
    wanted: usize,
) -> Result<String, ExpectError> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(found) = digits.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Err(ExpectError::NotHex {
            value: value.to_owned(),
            part,
            found,
        });
    }
    if digits.len() != wanted {
        return Err(ExpectError::WrongLength {
            value: value.to_owned(),
            part,
            count: digits.len(),
            wanted,
        });
    }
    Ok(digits)
}

impl Expected {
    /// Parse the value of `--expect`, in any form a printed report shows it.
    pub fn parse(value: &str) -> Result<Expected, ExpectError> {
        // Typed on a Japanese keyboard: full-width letters, digits, `:` `;` `=` and the
        // ideographic space are their ASCII selves.
        let folded = fold_full_width(value);
        let text = folded.trim();
        let unreadable = || ExpectError::Unreadable {
            value: value.to_owned(),
        };
        let (hex, key) = match strip_prefix_ci(text, "medsec:") {
            Some(rest) => {
                let mut hex = None;
                let mut key = None;
                for part in rest.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                    match part.split_once('=').map(|(k, v)| (k.trim(), v)) {
                        Some((k, v)) if k.eq_ignore_ascii_case("sha256") && hex.is_none() => {
                            hex = Some(v)
                        }
                        Some((k, v)) if k.eq_ignore_ascii_case("key") && key.is_none() => {
                            key = Some(v)
                        }
                        _ => return Err(unreadable()),
                    }
                }
                (hex.ok_or_else(unreadable)?, key)
            }
            None => (strip_digest_label(text), None),
        };
        if hex.trim().is_empty() {
            return Err(unreadable());
        }
        let sha256 = hex_digits(hex, value, "sha256", 64)?.to_ascii_lowercase();
        let key_id = match key {
            Some(k) => Some(hex_digits(k, value, "key", 16)?.to_ascii_uppercase()),
            None => None,
        };
        Ok(Expected { sha256, key_id })
    }

    /// What the paper says against the bundle: `expect-mismatch` when its report.json
    /// (`report_bytes`, as the manifest lists it) or its signing key (`key_id`) is not what the
    /// paper says, else the note `expect-matched`, so a match is said, not left to silence.
    pub(super) fn check(&self, report_bytes: &[u8], key_id: Option<&str>, lang: Lang) -> Finding {
        let actual = crate::signing::manifest::sha256_bytes(report_bytes);
        let (file, message) = if actual != self.sha256 {
            (
                report::FILE_NAME,
                tr!(
                    lang,
                    "verify-expect-sha256-mismatch",
                    expected = self.sha256.as_str(),
                    actual = actual.as_str()
                ),
            )
        } else {
            match (&self.key_id, key_id) {
                (Some(expected), actual) if actual != Some(expected.as_str()) => (
                    SIGNATURE,
                    tr!(
                        lang,
                        "verify-expect-key-mismatch",
                        expected = expected.as_str(),
                        actual = actual.unwrap_or("-")
                    ),
                ),
                (Some(expected), _) => {
                    return matched(tr!(
                        lang,
                        "verify-expect-matched-key",
                        sha256 = self.sha256.as_str(),
                        key = expected.as_str()
                    ))
                }
                (None, _) => {
                    return matched(tr!(
                        lang,
                        "verify-expect-matched",
                        sha256 = self.sha256.as_str()
                    ))
                }
            }
        };
        Finding {
            code: "expect-mismatch".into(),
            class: Class::Integrity,
            file: Some(file.to_owned()),
            item: None,
            item_label: None,
            message,
        }
    }
}

fn matched(message: String) -> Finding {
    Finding {
        code: "expect-matched".into(),
        class: Class::Note,
        file: Some(report::FILE_NAME.to_owned()),
        item: None,
        item_label: None,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_printed_form_is_read() {
        let hex = "ab".repeat(32);
        let e = Expected::parse(&hex.to_uppercase()).unwrap();
        assert_eq!((e.sha256.as_str(), e.key_id), (hex.as_str(), None));
        for form in [
            format!("sha256:{hex}"),
            format!("SHA256:{}", hex.to_uppercase()),
            format!("sha256={hex}"),
            format!("SHA-256 {hex}"),
            format!("SHA-256: {hex}"),
            format!("SHA-256 (report.json): {hex}"),
            format!("  {} {}\n", &hex[..32], &hex[32..]),
        ] {
            let e = Expected::parse(&form).unwrap_or_else(|e| panic!("{form}: {e}"));
            assert_eq!(
                (e.sha256.as_str(), e.key_id),
                (hex.as_str(), None),
                "{form}"
            );
        }
        let e = Expected::parse(&format!("medsec:sha256={hex};key=0123456789abcdef")).unwrap();
        assert_eq!(e.key_id.as_deref(), Some("0123456789ABCDEF"));
        let e = Expected::parse(&format!("medsec:sha256={hex}")).unwrap();
        assert_eq!(e.key_id, None);
        // Full-width, as typed on a Japanese keyboard.
        let wide: String =
            format!("ｍｅｄｓｅｃ：sha256＝{hex}；ｋｅｙ＝０１２３４５６７８９ＡＢＣＤＥＦ")
                .chars()
                .map(|c| match c {
                    'a'..='f' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                    c => c,
                })
                .collect();
        let e = Expected::parse(&wide).unwrap_or_else(|e| panic!("{wide}: {e}"));
        assert_eq!(e.sha256, hex);
        assert_eq!(e.key_id.as_deref(), Some("0123456789ABCDEF"));
    }

    #[test]
    fn what_is_wrong_is_said() {
        let hex = "ab".repeat(32);
        let short = format!("sha256:{}", &hex[..63]);
        assert!(matches!(
            Expected::parse(&short),
            Err(ExpectError::WrongLength {
                count: 63,
                wanted: 64,
                ..
            })
        ));
        assert!(matches!(
            Expected::parse(&format!("{}g", &hex[..63])),
            Err(ExpectError::NotHex { found: 'g', .. })
        ));
        assert!(matches!(
            Expected::parse(&format!("medsec:sha256={hex};key=XYZ")),
            Err(ExpectError::NotHex {
                part: "key",
                found: 'X',
                ..
            })
        ));
        assert!(matches!(
            Expected::parse(&format!("medsec:sha256={hex};key=ABC")),
            Err(ExpectError::WrongLength {
                part: "key",
                count: 3,
                ..
            })
        ));
        for bad in [
            "",
            &format!("medsec:sha256={hex};other=1"),
            "medsec:key=0123456789ABCDEF",
        ] {
            assert!(
                matches!(Expected::parse(bad), Err(ExpectError::Unreadable { .. })),
                "{bad}"
            );
        }
        let err = Expected::parse(&short).unwrap_err();
        let said = err.localize(Lang::En);
        assert!(said.contains("63"), "{said}");
        assert_eq!(err.to_string(), said);
    }
}
