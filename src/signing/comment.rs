//! The signature's trusted comment: what the signer vouches for beside the manifest.
//!
//! minisign signs the trusted comment together with the signature, and `minisign -V` prints
//! it, so an inspector with only the stock tool sees whose report it is. Format: tab-separated
//! `key:value` pairs, starting like minisign's own default comment:
//!
//! `timestamp:1764000000<TAB>file:MANIFEST.sha256<TAB>medsec-bundle:1<TAB>institution:0110113719<TAB>checklist:mhlw-institution@fy2025<TAB>report-sha256:<64 hex>`

use std::collections::BTreeMap;

/// The version of this comment layout.
pub const BUNDLE_VERSION: &str = "1";

/// What a medsec signature claims about its bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    /// The medical institution code (or a vendor's name, for vendor forms).
    pub institution: String,
    /// The checklist as `id@edition`.
    pub checklist: String,
    /// SHA-256 of report.json, lowercase hex.
    pub report_sha256: String,
}

impl Claims {
    /// The trusted comment for these claims, signed at `timestamp` (Unix seconds).
    pub fn to_comment(&self, timestamp: i64) -> String {
        format!(
            "timestamp:{timestamp}\tfile:{}\tmedsec-bundle:{BUNDLE_VERSION}\tinstitution:{}\tchecklist:{}\treport-sha256:{}",
            super::MANIFEST,
            self.institution,
            self.checklist,
            self.report_sha256
        )
    }

    /// A value may not hold what would break the comment's layout.
    pub fn check_value(value: &str) -> bool {
        !value.is_empty() && !value.chars().any(char::is_control)
    }
}

/// Why a trusted comment that says it is medsec's is not well formed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentProblem {
    /// A field given twice.
    Twice(String),
    /// A field that is missing.
    Missing(String),
    /// `field:version` of a version this medsec does not read.
    Version { found: String, reads: &'static str },
}

impl CommentProblem {
    pub fn text(&self, lang: crate::checklist::Lang) -> String {
        match self {
            CommentProblem::Twice(field) => {
                crate::tr!(lang, "verify-comment-twice", field = field.as_str())
            }
            CommentProblem::Missing(field) => {
                crate::tr!(lang, "verify-comment-missing", field = field.as_str())
            }
            CommentProblem::Version { found, reads } => crate::tr!(
                lang,
                "verify-comment-version",
                found = found.as_str(),
                reads = (*reads)
            ),
        }
    }
}

/// A trusted comment, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// A medsec comment with every field.
    Medsec {
        claims: Claims,
        timestamp: Option<i64>,
    },
    /// Not a medsec comment (e.g. minisign's default `timestamp:...<TAB>file:...`).
    Plain,
    /// Says it is a medsec comment but is not well formed.
    Malformed(CommentProblem),
}

/// Read a trusted comment.
pub fn parse(comment: &str) -> Parsed {
    let mut fields = BTreeMap::new();
    for part in comment.split('\t') {
        if let Some((k, v)) = part.split_once(':') {
            if fields.insert(k, v).is_some() {
                return if comment.contains("medsec-bundle:") {
                    Parsed::Malformed(CommentProblem::Twice(k.to_owned()))
                } else {
                    Parsed::Plain
                };
            }
        }
    }
    let Some(version) = fields.get("medsec-bundle") else {
        return Parsed::Plain;
    };
    if *version != BUNDLE_VERSION {
        return Parsed::Malformed(CommentProblem::Version {
            found: format!("medsec-bundle:{version}"),
            reads: BUNDLE_VERSION,
        });
    }
    let get = |k: &str| {
        fields
            .get(k)
            .map(|v| (*v).to_owned())
            .ok_or_else(|| CommentProblem::Missing(k.to_owned()))
    };
    let claims = (|| {
        Ok::<_, CommentProblem>(Claims {
            institution: get("institution")?,
            checklist: get("checklist")?,
            report_sha256: get("report-sha256")?,
        })
    })();
    match claims {
        Ok(claims) => Parsed::Medsec {
            claims,
            timestamp: fields.get("timestamp").and_then(|t| t.parse().ok()),
        },
        Err(e) => Parsed::Malformed(e),
    }
}

/// A vendor form signature's trusted comment, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VendorParsed {
    /// `medsec-vendor-form:1` with the vendor and the checklist it names.
    Medsec { vendor: String, checklist: String },
    /// Not a medsec vendor-form comment.
    Plain,
    /// Says it is one but is not well formed.
    Malformed(CommentProblem),
}

/// Read a vendor form signature's trusted comment
/// (`timestamp:…<TAB>file:…<TAB>medsec-vendor-form:1<TAB>vendor:…<TAB>checklist:…`).
pub fn parse_vendor(comment: &str) -> VendorParsed {
    let mut fields = BTreeMap::new();
    for part in comment.split('\t') {
        if let Some((k, v)) = part.split_once(':') {
            if fields.insert(k, v).is_some() {
                return if comment.contains("medsec-vendor-form:") {
                    VendorParsed::Malformed(CommentProblem::Twice(k.to_owned()))
                } else {
                    VendorParsed::Plain
                };
            }
        }
    }
    let Some(version) = fields.get("medsec-vendor-form") else {
        return VendorParsed::Plain;
    };
    if *version != super::vendor::VENDOR_FORM_VERSION {
        return VendorParsed::Malformed(CommentProblem::Version {
            found: format!("medsec-vendor-form:{version}"),
            reads: super::vendor::VENDOR_FORM_VERSION,
        });
    }
    match (fields.get("vendor"), fields.get("checklist")) {
        (Some(v), Some(c)) => VendorParsed::Medsec {
            vendor: (*v).to_owned(),
            checklist: (*c).to_owned(),
        },
        (None, _) => VendorParsed::Malformed(CommentProblem::Missing("vendor".into())),
        (_, None) => VendorParsed::Malformed(CommentProblem::Missing("checklist".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_plain() {
        let c = Claims {
            institution: "0110113719".into(),
            checklist: "mhlw-institution@fy2025".into(),
            report_sha256: "ab".repeat(32),
        };
        let text = c.to_comment(1_764_000_000);
        assert_eq!(
            parse(&text),
            Parsed::Medsec {
                claims: c,
                timestamp: Some(1_764_000_000)
            }
        );
        assert_eq!(parse("timestamp:1555779966\tfile:test"), Parsed::Plain);
        assert!(matches!(
            parse("medsec-bundle:2\tinstitution:x"),
            Parsed::Malformed(_)
        ));
        assert!(matches!(
            parse("medsec-bundle:1\tinstitution:x"),
            Parsed::Malformed(_)
        ));
    }

    #[test]
    fn vendor_comments() {
        assert_eq!(
            parse_vendor("timestamp:1\tfile:a.toml\tmedsec-vendor-form:1\tvendor:株式会社A\tchecklist:mhlw-vendor@fy2025"),
            VendorParsed::Medsec {
                vendor: "株式会社A".into(),
                checklist: "mhlw-vendor@fy2025".into()
            }
        );
        assert_eq!(
            parse_vendor("timestamp:1\tfile:a.toml"),
            VendorParsed::Plain
        );
        for bad in [
            "medsec-vendor-form:2\tvendor:a\tchecklist:b",
            "medsec-vendor-form:1\tchecklist:b",
            "medsec-vendor-form:1\tvendor:a",
            "medsec-vendor-form:1\tvendor:a\tvendor:b\tchecklist:c",
        ] {
            assert!(
                matches!(parse_vendor(bad), VendorParsed::Malformed(_)),
                "{bad}"
            );
        }
    }
}
