//! The official checklist workbooks medsec knows, by SHA-256: data in `official.toml` beside
//! this file, embedded at build time.
//!
//! For tests only, `MEDSEC_TEST_OFFICIAL_WORKBOOKS` may name one more file of the same format,
//! whose entries are added to the embedded ones (the real official workbooks are not in the
//! repository, so the official path could not be tested otherwise). It is documented as
//! test-only in docs/checklist-format.md, and read only by a debug build (the one `cargo test`
//! makes): a release build ignores it, so no environment can make a workbook official there.

use serde::Deserialize;

/// The embedded list.
const EMBEDDED: &str = include_str!("official.toml");

/// The environment variable naming an extra list, for tests.
pub const TEST_REGISTRY_ENV: &str = "MEDSEC_TEST_OFFICIAL_WORKBOOKS";

/// One official workbook.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct OfficialWorkbook {
    /// File name as published (`001716187.xlsx`).
    pub file: String,
    /// Size in bytes as published.
    pub bytes: u64,
    /// SHA-256, 64 lower-case hex digits.
    pub sha256: String,
    pub publisher: String,
    pub edition: String,
    pub form: String,
    /// The form's name as printed (`医療機関・薬局確認用`).
    pub form_ja: String,
    pub serves: Vec<String>,
    pub guideline_version: String,
    /// Month (or date) of publication as known, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: String,
    /// The checklist's title as published.
    pub title_ja: String,
    /// medsec's English for the title and the form (`checklist new` writes them); not
    /// published text.
    #[serde(default)]
    pub title_en: Option<String>,
    #[serde(default)]
    pub form_en: Option<String>,
    pub source_url: String,
    /// Source IDs of docs/checklist-sources.md that record this workbook.
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Registry {
    #[serde(default)]
    workbook: Vec<OfficialWorkbook>,
}

/// Why the registry could not be read (only the test-only extra file can fail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    pub path: String,
    pub reason: String,
}

/// The known official workbooks: the embedded list, plus, in a debug build only, the test-only
/// extra list when the environment names one.
pub fn known() -> Result<Vec<OfficialWorkbook>, RegistryError> {
    let mut all = parse(EMBEDDED).map_err(|reason| RegistryError {
        path: "official.toml".into(),
        reason,
    })?;
    let test_list =
        std::env::var_os(TEST_REGISTRY_ENV).filter(|p| cfg!(debug_assertions) && !p.is_empty());
    if let Some(path) = test_list {
        let path = std::path::PathBuf::from(path);
        let err = |reason: String| RegistryError {
            path: path.display().to_string(),
            reason,
        };
        let text = crate::limits::read_text_io(&path, crate::limits::InputKind::Settings)
            .map_err(|e| err(e.to_string()))?;
        all.extend(parse(&text).map_err(err)?);
    }
    Ok(all)
}

fn parse(text: &str) -> Result<Vec<OfficialWorkbook>, String> {
    let registry: Registry = toml::from_str(text).map_err(|e| e.to_string())?;
    Ok(registry.workbook)
}

/// The official workbook with this SHA-256.
pub fn by_sha256<'a>(known: &'a [OfficialWorkbook], sha256: &str) -> Option<&'a OfficialWorkbook> {
    known.iter().find(|w| w.sha256.eq_ignore_ascii_case(sha256))
}

/// An official workbook with this file name (to say plainly when a file named like an
/// official one has another SHA-256).
pub fn by_file<'a>(known: &'a [OfficialWorkbook], file: &str) -> Option<&'a OfficialWorkbook> {
    known.iter().find(|w| w.file == file)
}

/// The workbook an imported item names in its `sources`: `workbook:FILE#sha256=HEX` gives
/// `(FILE, HEX)`. For checking later whether an imported checklist's recorded source is a
/// known official workbook.
pub fn parse_source(source: &str) -> Option<(&str, &str)> {
    let rest = source.strip_prefix("workbook:")?;
    let (file, sha) = rest.rsplit_once("#sha256=")?;
    (sha.len() == 64 && sha.bytes().all(|b| b.is_ascii_hexdigit())).then_some((file, sha))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_sources_are_read_back() {
        let sha = "b811208b1d29fe0f3310adf810aa3b072e6272eb3669de768b79949b6872c987";
        let source = format!("workbook:001716187.xlsx#sha256={sha}");
        assert_eq!(parse_source(&source), Some(("001716187.xlsx", sha)));
        assert_eq!(parse_source("S1"), None);
        assert_eq!(parse_source("workbook:a.xlsx#sha256=abc"), None);
    }

    #[test]
    fn the_embedded_list_holds_the_two_fy2026_workbooks() {
        let all = parse(EMBEDDED).unwrap();
        assert_eq!(all.len(), 2);
        for w in &all {
            assert_eq!(w.sha256.len(), 64);
            assert!(w.sha256.bytes().all(|b| b.is_ascii_hexdigit()));
            assert_eq!(w.edition, "fy2026");
            assert_eq!(w.guideline_version, "7.0");
        }
        let inst = by_sha256(
            &all,
            "B811208B1D29FE0F3310ADF810AA3B072E6272EB3669DE768B79949B6872C987",
        )
        .unwrap();
        assert_eq!((inst.file.as_str(), inst.bytes), ("001716187.xlsx", 25655));
        assert_eq!(by_file(&all, "001716188.xlsx").unwrap().form, "vendor");
    }
}
