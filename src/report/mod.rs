//! The report as pure data: `report.json` in a bundle, and the canonical bytes that get signed
//! (through the manifest).
//!
//! `report.json` is deterministic: struct fields in a fixed order, maps ordered, pretty JSON
//! with two-space indents and a final newline, so the same content gives the same bytes on
//! every platform. Readers check `format_version` first. `verify` reads only the parts it
//! needs ([`ReportView`]), so later additions to the report do not break older inspectors.
//! This module never prints.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The version of the report format written by this medsec.
pub const FORMAT_VERSION: u32 = 1;
/// File name of the report inside a bundle.
pub const FILE_NAME: &str = "report.json";

#[derive(Debug, Error)]
pub enum ReportError {
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: not valid report JSON: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: format_version {found} is not supported; this medsec reads format_version {FORMAT_VERSION} (a newer medsec may read it)")]
    Version { path: PathBuf, found: String },
}

/// The medical institution (or, for a vendor form, the vendor) the report is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    /// 医療機関コード (10 digits) or 薬局コード; a vendor's registered name for vendor forms.
    pub code: String,
    /// The name as on the institution's registration.
    pub name: String,
}

/// Which checklist the answers follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistRef {
    pub id: String,
    pub edition: String,
    /// `sha256:` + 64 hex digits: the checklist's canonical digest.
    pub digest: String,
    pub form: String,
    pub fiscal_year: i16,
}

impl ChecklistRef {
    /// `id@edition`.
    pub fn full_id(&self) -> String {
        format!("{}@{}", self.id, self.edition)
    }
}

/// A finding recorded when the report was made (from `status` and evidence checks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable kebab-case code.
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// The checklist item ID, when the finding is about one item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub message: String,
}

/// The parts of a report that `verify` needs. Unknown fields are ignored on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ReportView {
    pub format_version: u32,
    pub fiscal_year: i16,
    pub institution: Institution,
    pub checklist: ChecklistRef,
    #[serde(default)]
    pub findings: Vec<Finding>,
}

impl ReportView {
    /// Parse report bytes; `path` names the file in errors.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Self, ReportError> {
        let json_err = |e: serde_json::Error| ReportError::Json {
            path: path.to_owned(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        };
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(json_err)?;
        match value.get("format_version") {
            Some(v) if v.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
            other => {
                return Err(ReportError::Version {
                    path: path.to_owned(),
                    found: other.map_or_else(|| "(missing)".to_owned(), ToString::to_string),
                })
            }
        }
        serde_json::from_value(value).map_err(json_err)
    }

    /// Read `report.json` from a file.
    pub fn read(path: &Path) -> Result<Self, ReportError> {
        let bytes = std::fs::read(path).map_err(|source| ReportError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(path, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_checked_first() {
        let p = Path::new("report.json");
        let err = ReportView::parse(p, br#"{"format_version": 9, "x": 1}"#).unwrap_err();
        assert!(
            err.to_string()
                .contains("format_version 9 is not supported"),
            "{err}"
        );
        let err = ReportView::parse(p, b"{nope").unwrap_err();
        assert!(err.to_string().starts_with("report.json:1:2:"), "{err}");
    }
}
