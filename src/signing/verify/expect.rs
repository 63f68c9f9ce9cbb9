//! `verify --expect`: the SHA-256 (and signing key ID) a printed report carries in its footer
//! and QR code, checked against the bundle, so a paper can be tied to the signed bundle.

use super::{Class, Finding};
use crate::checklist::Lang;
use crate::report;
use crate::signing::SIGNATURE;
use crate::tr;

/// What `--expect` gives: the bare 64-hex SHA-256 of report.json, or the QR code's whole text
/// `medsec:sha256=<hex>;key=<KEYID>` (then the key ID must match too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// Lowercase hex.
    pub sha256: String,
    /// Uppercase hex, from the QR text.
    pub key_id: Option<String>,
}

impl Expected {
    /// Parse the value of `--expect`; `None` when it is neither form.
    pub fn parse(text: &str) -> Option<Expected> {
        let text = text.trim();
        let (hex, key) = match text.strip_prefix("medsec:") {
            Some(rest) => {
                let mut hex = None;
                let mut key = None;
                for part in rest.split(';') {
                    match part.split_once('=') {
                        Some(("sha256", v)) if hex.is_none() => hex = Some(v),
                        Some(("key", v)) if key.is_none() => key = Some(v),
                        _ => return None,
                    }
                }
                (hex?, key)
            }
            None => (text, None),
        };
        let is_hex =
            |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit());
        if !is_hex(hex, 64) || key.is_some_and(|k| !is_hex(k, 16)) {
            return None;
        }
        Some(Expected {
            sha256: hex.to_ascii_lowercase(),
            key_id: key.map(str::to_ascii_uppercase),
        })
    }

    /// The finding when the bundle's report.json (`report_bytes`, as the manifest lists it)
    /// or its signing key (`key_id`) is not what the paper says.
    pub(super) fn check(
        &self,
        report_bytes: &[u8],
        key_id: Option<&str>,
        lang: Lang,
    ) -> Option<Finding> {
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
                _ => return None,
            }
        };
        Some(Finding {
            code: "expect-mismatch".into(),
            class: Class::Integrity,
            file: Some(file.to_owned()),
            item: None,
            item_label: None,
            message,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_hex_and_qr_text_are_read() {
        let hex = "ab".repeat(32);
        let e = Expected::parse(&hex.to_uppercase()).unwrap();
        assert_eq!((e.sha256.as_str(), e.key_id), (hex.as_str(), None));
        let e = Expected::parse(&format!("medsec:sha256={hex};key=0123456789abcdef")).unwrap();
        assert_eq!(e.key_id.as_deref(), Some("0123456789ABCDEF"));
        let e = Expected::parse(&format!("medsec:sha256={hex}")).unwrap();
        assert_eq!(e.key_id, None);
        for bad in [
            "",
            "abc",
            &format!("{hex}0"),
            &format!("medsec:sha256={hex};key=XYZ"),
            &format!("medsec:sha256={hex};other=1"),
            "medsec:key=0123456789ABCDEF",
        ] {
            assert_eq!(Expected::parse(bad), None, "{bad}");
        }
    }
}
