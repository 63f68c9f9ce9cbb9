//! The report as pure data: `report.json` in a bundle, and the canonical bytes that get signed
//! (through the manifest).
//!
//! `report.json` is deterministic: struct fields in a fixed order, maps ordered, pretty JSON
//! with two-space indents and a final newline, so the same content gives the same bytes on
//! every platform. Readers name a report of another `format_version` as such. `verify` reads
//! only the parts it needs ([`ReportView`]), so later additions to the report do not break
//! older inspectors.
//! This module never prints.

pub mod bundle;
pub mod evidence_check;
pub mod make;
pub mod recheck;
pub mod stage;

use crate::answers::AnswerSet;
use crate::checklist::Lang;
use crate::diagnostic::MessageRef;
use crate::probes::Evidence;
use crate::tr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The version of the report format written by this medsec. Version 3 records each finding's
/// message free of any language: a catalog ID and its arguments, items by ID, dates, fiscal
/// years and answers by their codes ([`crate::diagnostic::Typed`]). Version 2 recorded the
/// same IDs with arguments already in Japanese (item labels, 和暦), version 1 a sentence in the
/// signer's language; both are still read and shown as recorded.
pub const FORMAT_VERSION: u32 = 3;
/// The oldest report format this medsec reads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;
/// The language of what little a report records in words: `message` where a finding has no
/// catalog message, and a parser's detail in a reading warning. Fixed, so the same answers
/// give the same report.json bytes whatever `--lang` the signer used.
pub const RECORD_LANG: Lang = Lang::Ja;
/// File name of the report inside a bundle.
pub const FILE_NAME: &str = "report.json";

#[derive(Debug)]
pub enum ReportError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    Version {
        path: PathBuf,
        found: Option<String>,
    },
    /// A JSON document without what every medsec report has (`{}`, another tool's JSON): the
    /// fields it lacks, named.
    NotAReport {
        path: PathBuf,
        missing: Vec<&'static str>,
    },
    Serialize(serde_json::Error),
}

impl ReportError {
    /// The message for people in `lang` (the `Display` form is English).
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            ReportError::Read { path, source } => tr!(
                lang,
                "report-read",
                path = path.display().to_string(),
                reason = crate::signing::io_error_text(lang, source)
            ),
            ReportError::Json {
                path,
                line,
                column,
                message,
            } => tr!(
                lang,
                "report-json",
                path = path.display().to_string(),
                line = (*line),
                column = (*column),
                error = crate::i18n::detail::text(lang, message)
            ),
            ReportError::Version { path, found } => tr!(
                lang,
                "report-version",
                path = path.display().to_string(),
                found = found
                    .clone()
                    .unwrap_or_else(|| tr!(lang, "report-version-missing")),
                supported = (OLDEST_FORMAT_VERSION..=FORMAT_VERSION)
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join(&tr!(lang, "common-list-separator"))
            ),
            ReportError::NotAReport { path, missing } => tr!(
                lang,
                "report-not-a-report",
                path = path.display().to_string(),
                missing = missing.join(&tr!(lang, "common-list-separator"))
            ),
            ReportError::Serialize(e) => tr!(lang, "report-serialize", error = e.to_string()),
        }
    }
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for ReportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReportError::Read { source, .. } => Some(source),
            ReportError::Serialize(e) => Some(e),
            _ => None,
        }
    }
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
    /// The checklist file carried in the bundle (`checklists/ID-EDITION.toml`) when it is not
    /// one bundled into medsec (imported, added, or given with `--checklist`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// An own checklist: the checklist it extends (the MHLW edition), with that one's digest.
    /// Absent for a checklist that extends nothing (and in reports of older medsec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<crate::checklist::BaseRef>,
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
    /// Stable kebab-case code (the codes of `medsec status`, and `answer-contradicted-by-probe`).
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    pub source: FindingSource,
    /// The answers file (its `file` name in the report) the finding is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The line in that file, when the finding points at one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The checklist item ID, when the finding is about one item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The round (1 or 2), when the finding is about one answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<u8>,
    /// The message as a catalog ID and its arguments (formats 2 and 3), rendered in the
    /// reader's language when shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<MessageRefSchema>")]
    pub text: Option<MessageRef>,
    /// The message as a sentence: what format 1 reports record (in the signer's language),
    /// and, later, only for a finding whose maker gives no catalog message (in
    /// [`RECORD_LANG`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

/// The JSON shape of a recorded catalog message, for the schema.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct MessageRefSchema {
    /// The message's ID in i18n/{ja,en}/medsec.ftl.
    id: String,
    /// Its arguments, by name: text as it is, or a value marked with its kind, e.g.
    /// `{"item": {"id": "security-patches", "round": 1}}`, `{"date": "2025-06-01"}`,
    /// `{"fiscal-year": 2025}`, `{"answer": "yes"}` (see docs/report.md).
    #[serde(default)]
    args: std::collections::BTreeMap<String, serde_json::Value>,
}

impl Finding {
    /// The message for people in `lang`: the catalog message when recorded (its items named
    /// from `checklist`, see [`Report::checklist_of`]), else the sentence as recorded.
    pub fn message_in(
        &self,
        lang: Lang,
        checklist: Option<&crate::checklist::Checklist>,
    ) -> String {
        match &self.text {
            Some(text) => crate::i18n::render_with(lang, text, checklist),
            None => self.message.clone(),
        }
    }

    /// The recorded text of a diagnostic: its catalog message when it has one, else its
    /// sentence.
    pub fn texts_of(d: &crate::diagnostic::Diagnostic) -> (Option<MessageRef>, String) {
        match &d.text {
            Some(text) => (Some(text.clone()), String::new()),
            None => (None, d.message.clone()),
        }
    }
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

fn json_error(path: &Path) -> impl Fn(serde_json::Error) -> ReportError + '_ {
    move |e| {
        let (line, column) = json_place(&e);
        ReportError::Json {
            path: path.to_owned(),
            line,
            column,
            message: e.to_string(),
        }
    }
}

/// Where a JSON error is, 1-based as people count: serde_json says column 0 for the end of
/// the input right after a newline (and line 0 for errors of no place), which no editor shows.
pub fn json_place(e: &serde_json::Error) -> (usize, usize) {
    (e.line().max(1), e.column().max(1))
}

/// The top-level fields every report.json of every format version has.
const REQUIRED_FIELDS: [&str; 7] = [
    "format_version",
    "generator",
    "generated_at",
    "fiscal_year",
    "institution",
    "checklist",
    "answers",
];

/// A report type that records the format version it was read in.
trait Versioned {
    fn format_version(&self) -> u32;
}

impl Versioned for Report {
    fn format_version(&self) -> u32 {
        self.format_version
    }
}

impl Versioned for ReportView {
    fn format_version(&self) -> u32 {
        self.format_version
    }
}

/// Parse `T` from report bytes; a report of a version this medsec does not read is named as
/// such rather than as a shape mismatch, and JSON that is no report says what it lacks.
fn parse_versioned<T: serde::de::DeserializeOwned + Versioned>(
    path: &Path,
    bytes: &[u8],
) -> Result<T, ReportError> {
    let readable = u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION);
    // The usual case first: the whole report in one pass, its version checked after (an
    // inspector verifies thousands of bundles; reading the version first was a second pass
    // over every byte). Anything else takes the path below, which says what is wrong: what
    // it returns for a readable version is this same parse.
    if let Ok(parsed) = serde_json::from_slice::<T>(bytes) {
        if readable.contains(&u64::from(parsed.format_version())) {
            return Ok(parsed);
        }
    }
    let head: serde_json::Value = serde_json::from_slice(bytes).map_err(json_error(path))?;
    let version = head.get("format_version");
    match version.and_then(serde_json::Value::as_u64) {
        Some(v) if readable.contains(&v) => serde_json::from_slice(bytes).map_err(json_error(path)),
        // Only a real newer format is "made by a newer medsec".
        Some(v) if v > u64::from(FORMAT_VERSION) => Err(ReportError::Version {
            path: path.to_owned(),
            found: version.map(ToString::to_string),
        }),
        // No usable version (`{}`, another tool's JSON): not a medsec report; what it lacks.
        _ => {
            let has = |field: &str| head.get(field).is_some();
            let mut missing: Vec<&'static str> = REQUIRED_FIELDS
                .iter()
                .copied()
                .filter(|f| *f != "format_version" && !has(f))
                .collect();
            if version.is_some() && missing.is_empty() {
                // Every field there but a version no medsec wrote (0, "3"): said as such.
                return Err(ReportError::Version {
                    path: path.to_owned(),
                    found: version.map(ToString::to_string),
                });
            }
            if version.and_then(serde_json::Value::as_u64).is_none() {
                missing.insert(0, "format_version");
            }
            Err(ReportError::NotAReport {
                path: path.to_owned(),
                missing,
            })
        }
    }
}

impl ReportView {
    /// Parse report bytes; `path` names the file in errors.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Self, ReportError> {
        parse_versioned(path, bytes)
    }

    /// Read `report.json` from a file.
    pub fn read(path: &Path) -> Result<Self, ReportError> {
        let bytes =
            crate::limits::read_io(path, crate::limits::InputKind::Report).map_err(|source| {
                ReportError::Read {
                    path: path.to_owned(),
                    source,
                }
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

/// The program that wrote a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Generator {
    pub name: String,
    pub version: String,
}

impl Generator {
    /// This medsec.
    pub fn this() -> Self {
        Generator {
            name: env!("CARGO_PKG_NAME").to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

/// A file attached to the bundle, with its digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceFile {
    /// Path inside the bundle, with `/` (`evidence/FORM/...` or `probes/evidence.json`).
    pub path: String,
    /// SHA-256, lowercase hex.
    pub sha256: String,
    pub size: u64,
    /// The answers file (its `file` name) that names this evidence; absent for probe evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// The path as written in that answers file (relative to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named_as: Option<String>,
}

/// One answers file in the report: the institution's (or pharmacy's) form, or a vendor form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// The answers file's name (without its folder), as findings name it.
    pub file: String,
    /// The checklist the answers were checked against, with its digest.
    pub checklist: ChecklistRef,
    /// Where the file itself lies in the bundle (vendor forms: `vendor-forms/NAME`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundled: Option<String>,
    /// The vendor's minisign signature of that file in the bundle (`vendor-forms/NAME.minisig`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Every answer of every round, and the file's header, as the answers model reads them.
    pub answers: AnswerSet,
}

/// Where a recorded finding comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum FindingSource {
    /// The inspection's rules (`medsec status`).
    Status,
    /// An answer はい contradicted by a failed probe.
    Contradiction,
}

/// The whole report, format version 3, as written to `report.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// [`FORMAT_VERSION`] when written (1 in reports of older medsec).
    pub format_version: u32,
    pub generator: Generator,
    /// When the report was made, RFC 3339 UTC (`2025-10-01T09:00:00Z`).
    pub generated_at: String,
    /// The day (Japan, `YYYY-MM-DD`) the findings were judged on when it is not the day of
    /// `generated_at` (`medsec check --as-of`); verify re-runs the rules on it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The fiscal year (April–March, Japan) the answers are for.
    pub fiscal_year: i16,
    pub institution: Institution,
    /// The checklist of the institution's (or pharmacy's) form.
    pub checklist: ChecklistRef,
    /// The institution's (or pharmacy's) answers: every answer of every round.
    pub answers: Form,
    /// The vendor forms (事業者確認用) received, in the order given.
    #[serde(default)]
    pub vendor_forms: Vec<Form>,
    /// The probe evidence document (`medsec probe --out evidence.json`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe_evidence: Option<Evidence>,
    /// Attached files, sorted by path.
    #[serde(default)]
    pub evidence: Vec<EvidenceFile>,
    /// Findings of `status` and of answer/probe contradictions when the report was made.
    #[serde(default)]
    pub findings: Vec<Finding>,
}

/// Why a report's answers could not be checked against probe evidence (the warning
/// `no-probe-evidence`, found from report.json by verify, status and render, never recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoProbeEvidence {
    /// The report was made without `medsec probe` evidence.
    NotAttached,
    /// Evidence is attached but holds no probe result (an empty probe configuration): it
    /// proves nothing, and must not hide a contradiction any more than no evidence would.
    Empty,
    /// Every probe result names only items the answers do not hold (a form whose item IDs the
    /// probes do not know, such as an imported FY2026 checklist without `--ids-from`): no
    /// answer was checked against a probe, so "0 contradictions" would mean nothing.
    NoItemCovered,
}

impl NoProbeEvidence {
    /// The catalog message ID of the warning's text.
    pub fn message_id(self) -> &'static str {
        match self {
            NoProbeEvidence::NotAttached => "verify-no-probe-evidence",
            NoProbeEvidence::Empty => "verify-empty-probe-evidence",
            NoProbeEvidence::NoItemCovered => "verify-probe-evidence-covers-no-item",
        }
    }

    /// The warning's text in `lang`.
    pub fn message(self, lang: Lang) -> String {
        match self {
            NoProbeEvidence::NotAttached => tr!(lang, "verify-no-probe-evidence"),
            NoProbeEvidence::Empty => tr!(lang, "verify-empty-probe-evidence"),
            NoProbeEvidence::NoItemCovered => tr!(lang, "verify-probe-evidence-covers-no-item"),
        }
    }
}

impl Report {
    /// The probe evidence answers can be checked against: `None` when the report carries
    /// none, or carries evidence without a single probe result.
    pub fn probe_results(&self) -> Option<&Evidence> {
        self.probe_evidence
            .as_ref()
            .filter(|_| self.no_probe_evidence().is_none())
    }

    /// Why this report's answers were not checked against probe evidence, if they were not.
    pub fn no_probe_evidence(&self) -> Option<NoProbeEvidence> {
        match &self.probe_evidence {
            None => Some(NoProbeEvidence::NotAttached),
            // Every probe left out by the gate question answered いいえ (and the answers say
            // so): nothing was there to check.
            Some(e) if e.results.is_empty() && self.gate_skipped_probes(e) => None,
            Some(e) if e.results.is_empty() => Some(NoProbeEvidence::Empty),
            Some(e)
                if !e
                    .results
                    .iter()
                    .flat_map(|r| &r.items)
                    .any(|i| self.answers.answers.answers.iter().any(|a| &a.item == i)) =>
            {
                Some(NoProbeEvidence::NoItemCovered)
            }
            Some(_) => None,
        }
    }

    /// True when `evidence` says its probes were left out by the gate question and this
    /// report's round-1 answer to that item is a confirmed いいえ.
    fn gate_skipped_probes(&self, evidence: &Evidence) -> bool {
        evidence.skipped_by_gate.as_ref().is_some_and(|skip| {
            self.answers.answers.answer(&skip.item, 1).is_some_and(|a| {
                a.is_confirmed() && a.response == Some(crate::answers::Response::No)
            })
        })
    }

    /// The day the report was made (Japan): the day of `generated_at`, which the signature
    /// covers; `None` when it cannot be read.
    pub fn made_on(&self) -> Option<jiff::civil::Date> {
        self.generated_at
            .parse::<jiff::Timestamp>()
            .ok()
            .map(crate::dates::date_in_japan)
    }

    /// The day the report's findings were judged on (Japan): its recorded `as_of`, else the
    /// day of `generated_at`; `None` when neither can be read.
    pub fn judged_on(&self) -> Option<jiff::civil::Date> {
        if let Some(day) = &self.as_of {
            return day.parse().ok();
        }
        self.made_on()
    }

    /// Every file of the bundle this report names, as written in it (`/`-separated, relative
    /// to the bundle): the answers file and vendor forms with their signatures, and the
    /// attached evidence. A bundle medsec writes holds these, report.json and the manifest.
    pub fn named_files(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.answers)
            .chain(&self.vendor_forms)
            .flat_map(|f| {
                [
                    f.bundled.as_deref(),
                    f.signature.as_deref(),
                    f.checklist.file.as_deref(),
                ]
            })
            .flatten()
            .chain(self.checklist.file.as_deref())
            .chain(self.evidence.iter().map(|e| e.path.as_str()))
    }

    /// The checklist of the form `finding` is about (the one its `file` names, else the
    /// institution's), from `catalog` by digest: what names its items for people.
    pub fn checklist_of<'c>(
        &self,
        finding: &Finding,
        catalog: &'c crate::checklist::Catalog,
    ) -> Option<&'c crate::checklist::Checklist> {
        let form = self
            .vendor_forms
            .iter()
            .find(|f| finding.file.as_deref() == Some(f.file.as_str()))
            .unwrap_or(&self.answers);
        catalog
            .by_digest(&form.checklist.digest)
            .map(|l| &l.checklist)
    }

    /// Parse report bytes, checking `format_version` first; `path` names the file in errors.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Self, ReportError> {
        parse_versioned(path, bytes)
    }

    /// The bytes of `report.json`: the same content always gives the same bytes. Object keys
    /// inside the JSON values are sorted (serde_json's map is ordered), struct fields keep
    /// their declared order, two-space indents, `\n` line ends and a final newline.
    /// The report's derived `Serialize` has string keys only, so this does not fail; the error
    /// is passed on rather than assumed away.
    pub fn to_canonical_bytes(&self) -> Result<Vec<u8>, ReportError> {
        let mut report = self.clone();
        report.evidence.sort_by(|a, b| a.path.cmp(&b.path));
        let mut bytes = serde_json::to_vec_pretty(&report).map_err(ReportError::Serialize)?;
        bytes.push(b'\n');
        Ok(bytes)
    }

    /// The JSON Schema of report.json.
    pub fn schema() -> schemars::Schema {
        schemars::schema_for!(Report)
    }
}

#[cfg(test)]
mod report_tests {
    use super::*;

    fn sample() -> Report {
        Report {
            format_version: FORMAT_VERSION,
            generator: Generator::this(),
            generated_at: "2025-10-01T00:00:00Z".into(),
            as_of: None,
            fiscal_year: 2025,
            institution: Institution {
                code: "0110113719".into(),
                name: "札幌中央病院".into(),
            },
            checklist: ChecklistRef {
                id: "mhlw-institution".into(),
                edition: "fy2025".into(),
                digest: format!("sha256:{}", "0".repeat(64)),
                form: "institution".into(),
                fiscal_year: 2025,
                file: None,
                extends: None,
            },
            answers: Form {
                file: "institution.toml".into(),
                checklist: ChecklistRef {
                    id: "mhlw-institution".into(),
                    edition: "fy2025".into(),
                    digest: format!("sha256:{}", "0".repeat(64)),
                    form: "institution".into(),
                    fiscal_year: 2025,
                    file: None,
                    extends: None,
                },
                bundled: None,
                signature: None,
                answers: AnswerSet {
                    format_version: 1,
                    checklist: crate::answers::ChecklistRef {
                        id: "mhlw-institution".into(),
                        edition: "fy2025".into(),
                        digest: None,
                    },
                    institution: None,
                    vendor: None,
                    vendors: None,
                    answers: vec![crate::answers::Answer::empty("security-manager", 1)],
                },
            },
            vendor_forms: Vec::new(),
            probe_evidence: None,
            evidence: vec![
                EvidenceFile {
                    path: "evidence/b".into(),
                    sha256: "1".repeat(64),
                    size: 1,
                    form: None,
                    named_as: None,
                },
                EvidenceFile {
                    path: "evidence/a".into(),
                    sha256: "2".repeat(64),
                    size: 2,
                    form: Some("institution.toml".into()),
                    named_as: Some("a".into()),
                },
            ],
            findings: Vec::new(),
        }
    }

    #[test]
    fn canonical_bytes_are_stable_and_readable_by_verify() {
        let a = sample().to_canonical_bytes().unwrap();
        let mut other = sample();
        other.evidence.reverse();
        assert_eq!(a, other.to_canonical_bytes().unwrap());
        let text = String::from_utf8(a.clone()).unwrap();
        assert!(text.ends_with("}\n") && !text.contains('\r'));
        // Struct fields keep their declared order.
        assert!(text.find("\"format_version\"").unwrap() < text.find("\"generator\"").unwrap());
        let view = ReportView::parse(Path::new("report.json"), &a).unwrap();
        assert_eq!(view.institution.code, "0110113719");
        let back: Report = serde_json::from_slice(&a).unwrap();
        assert_eq!(back.to_canonical_bytes().unwrap(), a);
    }

    #[test]
    fn format_1_and_2_are_read_and_a_newer_one_is_named() {
        let p = Path::new("report.json");
        let mut value = serde_json::to_value(sample()).unwrap();
        for version in [1, 2, 3] {
            value["format_version"] = version.into();
            let bytes = serde_json::to_vec(&value).unwrap();
            assert!(Report::parse(p, &bytes).is_ok(), "{version}");
        }
        value["format_version"] = 4.into();
        let err = Report::parse(p, &serde_json::to_vec(&value).unwrap()).unwrap_err();
        assert!(
            err.to_string().contains(
                "format_version 4 is not supported; this medsec reads format_version 1, 2, 3"
            ),
            "{err}"
        );
        let ja = err.localize(Lang::Ja);
        assert!(ja.contains("format_version 4には対応していません"), "{ja}");
        assert!(ja.contains("format_version 1、2、3です"), "{ja}");
        assert!(ja.ends_with('。'), "{ja}");
    }

    #[test]
    fn a_report_parsed_before_its_version_is_checked_takes_the_same_paths() {
        // The fast path parses the whole report and checks its version after; every other case
        // (a string, a version no medsec wrote in a report of the right shape, not an object)
        // is still said by the full reading.
        let p = Path::new("report.json");
        let mut value = serde_json::to_value(sample()).unwrap();
        value["format_version"] = 0.into();
        let err = Report::parse(p, &serde_json::to_vec(&value).unwrap()).unwrap_err();
        assert!(matches!(err, ReportError::Version { .. }), "{err}");
        let err = ReportView::parse(p, &serde_json::to_vec(&value).unwrap()).unwrap_err();
        assert!(matches!(err, ReportError::Version { .. }), "{err}");
        value["format_version"] = "3".into();
        let err = Report::parse(p, &serde_json::to_vec(&value).unwrap()).unwrap_err();
        assert!(matches!(err, ReportError::Version { .. }), "{err}");
        let err = Report::parse(p, b"[1, 2]").unwrap_err();
        assert!(matches!(err, ReportError::NotAReport { .. }), "{err}");
        value["format_version"] = 3.into();
        let good = serde_json::to_vec(&value).unwrap();
        assert!(Report::parse(p, &good).is_ok());
    }

    #[test]
    fn recorded_contradictions_render_from_the_catalog_in_both_languages() {
        let c = crate::probes::Contradiction {
            code: "answer-contradicted-by-probe".into(),
            item: "backup-and-restore".into(),
            answer: "はい".into(),
            kind: crate::checklist::ProbeKind::BackupFreshness,
            probe_name: None,
            verdict: crate::probes::Verdict::Fail,
            message: String::new(),
            result: None,
        };
        for name in [None, Some("nas")] {
            let c = crate::probes::Contradiction {
                probe_name: name.map(str::to_owned),
                ..c.clone()
            };
            let text = contradiction_text(&c, &[]);
            let ja = crate::i18n::render(Lang::Ja, &text);
            assert!(
                ja.starts_with(
                    "backup-and-restoreに「はい」と回答していますが、バックアップの鮮度"
                ),
                "{ja}"
            );
            let en = crate::i18n::render(Lang::En, &text);
            assert!(
                en.starts_with(
                    "answered Yes to backup-and-restore, but the backup freshness probe"
                ),
                "{en}"
            );
            assert_eq!(name.is_some(), en.contains("(nas)"), "{en}");
            // No probe result to quote: said so, never an empty reason after `: `.
            assert!(ja.ends_with("(その結果は証跡にありません)。"), "{ja}");
            assert!(en.ends_with("(its result is not in the evidence)"), "{en}");
        }
    }

    #[test]
    fn schema_names_the_fields_verify_needs() {
        let schema = serde_json::to_value(Report::schema()).unwrap();
        let required = schema["required"].as_array().unwrap();
        for field in ["format_version", "fiscal_year", "institution", "checklist"] {
            assert!(required.iter().any(|r| r == field), "{field}");
        }
    }
}

/// An item for people: its printed number and short title (`2-⑥ セキュリティパッチ`) when the
/// checklist knows it, else its ID.
pub fn item_label(checklist: Option<&crate::checklist::Checklist>, id: &str, lang: Lang) -> String {
    checklist
        .and_then(|c| c.named_item(id))
        .map_or_else(|| id.to_owned(), |i| i.label(lang))
}

/// The catalog message of an answer はい contradicted by a failed probe, language-free: the
/// item by its ID, the probe by its kind, and why it failed as the evidence records it (put
/// into the reader's words by [`crate::i18n::render_with`]).
pub fn contradiction_text(
    c: &crate::probes::Contradiction,
    results: &[crate::probes::ProbeResult],
) -> MessageRef {
    use crate::diagnostic::{Arg, Typed};
    let result = c.result_in(results);
    // An unnamed backup probe is told apart by its place (folder or repository), as in the
    // probe table: two of them failing give two findings that say which.
    let name = c.probe_name.clone().or_else(|| {
        result
            .and_then(crate::probes::ProbeResult::place)
            .map(|place| format!("`{place}`"))
    });
    let reason: Option<Arg> = result.map(|r| {
        Typed::ProbeReason {
            details: r.reason_details.clone(),
            fallback: r.reason.clone(),
        }
        .into()
    });
    let mut args: Vec<(&str, Arg)> = vec![
        (
            "item",
            Typed::Item {
                id: c.item.clone(),
                round: None,
            }
            .into(),
        ),
        ("probe", Typed::Probe(c.kind.as_str().to_owned()).into()),
    ];
    // Without the probe's result, the sentence says so instead of ending in an empty reason.
    let found = reason.is_some();
    args.extend(reason.map(|r| ("reason", r)));
    let id = match (&name, found) {
        (Some(name), _) => {
            args.push(("name", Arg::Text(name.clone())));
            if found {
                "report-answer-contradicted-by-probe"
            } else {
                "verify-contradicted-by-probe-no-result"
            }
        }
        (None, true) => "report-answer-contradicted-by-unnamed-probe",
        (None, false) => "verify-contradicted-by-unnamed-probe-no-result",
    };
    MessageRef {
        id: id.into(),
        args: args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
    }
}
