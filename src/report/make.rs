//! Making a report from the user's files: the institution's answers file, the vendor forms
//! (given and listed under `[vendors] forms`), and the probe evidence. Every evidence file an
//! answer names must exist; the findings of the inspection's rules and of answer/probe
//! contradictions are recorded. Returns the report and the files to attach; writing the
//! bundle is [`super::bundle`]'s job. Never prints.

use super::bundle::{Attachment, AttachmentKind};
use super::{
    ChecklistRef, Finding, FindingSource, Form, Generator, Institution, Report, FORMAT_VERSION,
    RECORD_LANG,
};
use crate::answers::{self, rules, AnswersError};
use crate::checklist::{self, Catalog, Lang};
use crate::probes::contradictions;
use crate::probes::{Evidence, EVIDENCE_FORMAT_VERSION};
use crate::tr;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Where the probe evidence file goes in the bundle.
pub const PROBE_EVIDENCE_PATH: &str = "probes/evidence.json";
/// The folder of vendor forms in the bundle.
pub const VENDOR_FORMS_DIR: &str = "vendor-forms";
/// The bundle folder of checklist files that are not bundled into medsec.
pub const CHECKLISTS_DIR: &str = "checklists";
/// The extension of a vendor's signature beside its form (`vendor-a.toml.minisig`).
pub const SIGNATURE_SUFFIX: &str = ".minisig";

/// Why a report could not be made. `Display` gives English; [`MakeError::localize`] the
/// user's language.
#[derive(Debug)]
pub enum MakeError {
    Answers(AnswersError),
    NotInstitutionForm {
        path: PathBuf,
        form: checklist::Form,
    },
    NotVendorForm {
        path: PathBuf,
        form: checklist::Form,
    },
    MissingInstitution {
        path: PathBuf,
        field: InstitutionField,
    },
    Evidence {
        file: String,
        line: usize,
        item: Box<ItemName>,
        round: u8,
        named: String,
        problem: EvidenceProblem,
    },
    EvidenceClash {
        file: String,
        line: usize,
        item: Box<ItemName>,
        named: String,
        path: String,
    },
    FormNameClash {
        name: String,
        first: PathBuf,
        second: PathBuf,
    },
    ProbeEvidence {
        path: PathBuf,
        problem: ProbeEvidenceProblem,
    },
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// An item as errors name it: its label in both languages (the error is shown later, in the
/// user's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemName {
    pub id: String,
    ja: String,
    en: String,
}

impl ItemName {
    fn of(checklist: &checklist::Checklist, id: &str) -> Self {
        ItemName {
            id: id.to_owned(),
            ja: super::item_label(Some(checklist), id, Lang::Ja),
            en: super::item_label(Some(checklist), id, Lang::En),
        }
    }

    pub fn label(&self, lang: Lang) -> &str {
        // Both labels come from the checklist; this only picks the one for `lang`.
        if lang == Lang::Ja {
            &self.ja
        } else {
            &self.en
        }
    }
}

/// A field of `[institution]` a report needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstitutionField {
    Code,
    Name,
}

/// Why an evidence file an answer names cannot be attached.
#[derive(Debug)]
pub enum EvidenceProblem {
    NotAFile,
    NotFound(PathBuf),
    Unreadable(std::io::Error),
    NotStorable(crate::signing::manifest::PathProblem),
}

/// Why a probe evidence document cannot be read.
#[derive(Debug)]
pub enum ProbeEvidenceProblem {
    NotJson(serde_json::Error),
    Version(Option<u64>),
    Shape(serde_json::Error),
}

impl From<AnswersError> for MakeError {
    fn from(e: AnswersError) -> Self {
        MakeError::Answers(e)
    }
}

impl MakeError {
    /// The message for people in `lang`.
    pub fn localize(&self, lang: Lang) -> String {
        let shown = |p: &Path| p.display().to_string();
        match self {
            MakeError::Answers(e) => e.message(lang),
            MakeError::NotInstitutionForm { path, form } => tr!(
                lang,
                "report-not-institution-form",
                path = shown(path),
                form = form.label(lang)
            ),
            MakeError::NotVendorForm { path, form } => tr!(
                lang,
                "report-not-vendor-form",
                path = shown(path),
                form = form.label(lang)
            ),
            MakeError::MissingInstitution { path, field } => tr!(
                lang,
                "report-missing-institution",
                path = shown(path),
                field = match field {
                    InstitutionField::Code => tr!(lang, "report-field-code"),
                    InstitutionField::Name => tr!(lang, "report-field-name"),
                }
            ),
            MakeError::Evidence {
                file,
                line,
                item,
                round,
                named,
                problem,
            } => {
                let problem = match problem {
                    EvidenceProblem::NotAFile => tr!(lang, "report-evidence-not-a-file"),
                    EvidenceProblem::NotFound(p) => {
                        tr!(lang, "report-evidence-not-found", path = shown(p))
                    }
                    EvidenceProblem::Unreadable(e) => tr!(
                        lang,
                        "report-evidence-unreadable",
                        reason = crate::signing::io_error_text(lang, e)
                    ),
                    EvidenceProblem::NotStorable(p) => {
                        tr!(lang, "report-evidence-not-storable", reason = p.text(lang))
                    }
                };
                tr!(
                    lang,
                    "report-evidence",
                    file = file.as_str(),
                    line = (*line),
                    item = item.label(lang),
                    round = (*round),
                    named = named.as_str(),
                    problem = problem
                )
            }
            MakeError::EvidenceClash {
                file,
                line,
                item,
                named,
                path,
            } => tr!(
                lang,
                "report-evidence-clash",
                file = file.as_str(),
                line = (*line),
                item = item.label(lang),
                named = named.as_str(),
                path = path.as_str()
            ),
            MakeError::FormNameClash {
                name,
                first,
                second,
            } => tr!(
                lang,
                "report-form-name-clash",
                name = name.as_str(),
                first = shown(first),
                second = shown(second)
            ),
            MakeError::ProbeEvidence { path, problem } => {
                let reason = match problem {
                    ProbeEvidenceProblem::NotJson(e) => tr!(
                        lang,
                        "report-probe-evidence-not-json",
                        line = super::json_place(e).0,
                        column = super::json_place(e).1,
                        error = crate::i18n::detail::text(lang, &e.to_string())
                    ),
                    ProbeEvidenceProblem::Version(found) => tr!(
                        lang,
                        "report-probe-evidence-version",
                        expected = EVIDENCE_FORMAT_VERSION,
                        found = found
                            .map_or_else(|| tr!(lang, "report-version-missing"), |v| v.to_string())
                    ),
                    ProbeEvidenceProblem::Shape(e) => {
                        let error = crate::i18n::detail::text(lang, &e.to_string());
                        tr!(lang, "report-probe-evidence-shape", error = error)
                    }
                };
                tr!(
                    lang,
                    "report-probe-evidence",
                    path = shown(path),
                    reason = reason
                )
            }
            MakeError::Read { path, source } => tr!(
                lang,
                "report-read",
                path = shown(path),
                reason = crate::signing::io_error_text(lang, source)
            ),
        }
    }
}

impl std::fmt::Display for MakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for MakeError {}

/// What a report is made from.
#[derive(Debug, Clone)]
pub struct Inputs<'a> {
    /// The institution's (or pharmacy's) answers file.
    pub answers: &'a Path,
    /// Vendor forms given on the command line (those listed in the answers file are added).
    pub vendors: &'a [PathBuf],
    /// `medsec probe --out` evidence.
    pub evidence: Option<&'a Path>,
    pub catalog: &'a Catalog,
    /// The language of finding messages recorded in the report.
    pub lang: Lang,
    /// When the report is made; its date in Japan is "today" for the rules.
    pub now: jiff::Timestamp,
    /// The day the report is "as of" when it is not the making day (`check --as-of`): the
    /// rules judge the answers on it, and report.json records it for verify and the HTML.
    pub as_of: Option<jiff::civil::Date>,
}

/// A report and the files to attach to its bundle.
#[derive(Debug, Clone)]
pub struct Made {
    pub report: Report,
    pub attachments: Vec<Attachment>,
    /// Vendor forms that are not signed: the form and the signature looked for beside it.
    pub unsigned_vendor_forms: Vec<(PathBuf, PathBuf)>,
}

/// An answers file opened with its checklist.
struct Opened<'c> {
    path: PathBuf,
    /// The file name the report uses.
    name: String,
    loaded: answers::Loaded,
    checklist: &'c checklist::Loaded,
}

/// Make the report.
pub fn make(inputs: &Inputs<'_>) -> Result<Made, MakeError> {
    let institution = open(inputs.answers, inputs.catalog, inputs.lang)?;
    if rules::role_of(institution.checklist.checklist.form) != rules::Role::Institution {
        return Err(MakeError::NotInstitutionForm {
            path: inputs.answers.to_owned(),
            form: institution.checklist.checklist.form,
        });
    }
    let inst = institution
        .loaded
        .set
        .institution
        .clone()
        .unwrap_or_default();
    let missing = |field| MakeError::MissingInstitution {
        path: inputs.answers.to_owned(),
        field,
    };
    let report_institution = Institution {
        code: inst
            .code
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| missing(InstitutionField::Code))?,
        name: inst
            .name
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| missing(InstitutionField::Name))?,
    };

    // Vendor forms: given ones first, then those the institution lists, each once.
    let mut vendor_paths: Vec<PathBuf> = inputs.vendors.to_vec();
    if let Some(v) = &institution.loaded.set.vendors {
        let base = base_of(inputs.answers);
        vendor_paths.extend(v.forms.iter().map(|f| base.join(f)));
    }
    let mut seen = BTreeSet::new();
    seen.insert(canonical(inputs.answers));
    let mut vendors = Vec::new();
    for path in vendor_paths {
        if !seen.insert(canonical(&path)) {
            continue;
        }
        let opened = open(&path, inputs.catalog, inputs.lang)?;
        if rules::role_of(opened.checklist.checklist.form) != rules::Role::Vendor {
            return Err(MakeError::NotVendorForm {
                path,
                form: opened.checklist.checklist.form,
            });
        }
        vendors.push(opened);
    }
    let mut names: BTreeMap<&str, &Path> = BTreeMap::new();
    for o in std::iter::once(&institution).chain(&vendors) {
        if let Some(first) = names.insert(&o.name, &o.path) {
            return Err(MakeError::FormNameClash {
                name: o.name.clone(),
                first: first.to_owned(),
                second: o.path.clone(),
            });
        }
    }

    // Whole seconds, as generated_at records it: `verify` re-runs the rules as of that day.
    let now = jiff::Timestamp::from_second(inputs.now.as_second()).unwrap_or(inputs.now);
    let today = inputs
        .as_of
        .unwrap_or_else(|| crate::dates::date_in_japan(now));
    let forms: Vec<rules::FormInput> = std::iter::once(&institution)
        .chain(&vendors)
        .map(|o| rules::FormInput {
            answers: &o.loaded,
            checklist: o.checklist,
        })
        .collect();
    // Recorded in one language whatever the signer's (see RECORD_LANG).
    let inspection = rules::inspect(&forms, &rules::Options::new(today, RECORD_LANG));
    let by_location: BTreeMap<String, &str> = std::iter::once(&institution)
        .chain(&vendors)
        .map(|o| (o.loaded.file_name(), o.name.as_str()))
        .collect();
    let mut findings: Vec<Finding> = inspection
        .all_findings()
        .map(|f| {
            let (text, message) = Finding::texts_of(&f.diagnostic);
            Finding {
                code: f.code().to_owned(),
                severity: f.severity().to_string(),
                source: FindingSource::Status,
                file: by_location
                    .get(&f.diagnostic.location.file)
                    .map(|n| (*n).to_owned()),
                line: Some(f.diagnostic.location.line),
                item: f.item.clone(),
                round: f.round,
                text,
                message,
            }
        })
        .collect();

    // Evidence files named by answers.
    let mut attachments = Vec::new();
    let mut taken: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
    for o in std::iter::once(&institution).chain(&vendors) {
        attach_answer_evidence(o, &mut attachments, &mut taken)?;
    }

    // Vendor forms are copied with their signatures.
    let mut unsigned_vendor_forms = Vec::new();
    let mut vendor_forms = Vec::new();
    for o in &vendors {
        let bundled = format!("{VENDOR_FORMS_DIR}/{}", o.name);
        attachments.push(Attachment {
            source: o.path.clone(),
            path: bundled.clone(),
            kind: AttachmentKind::Plain,
        });
        let sig_path = signature_path(&o.path);
        let signature = if sig_path.is_file() {
            let rel = format!("{bundled}{SIGNATURE_SUFFIX}");
            attachments.push(Attachment {
                source: sig_path,
                path: rel.clone(),
                kind: AttachmentKind::Plain,
            });
            Some(rel)
        } else {
            unsigned_vendor_forms.push((o.path.clone(), sig_path));
            None
        };
        let mut form = form_of(o);
        form.bundled = Some(bundled);
        form.signature = signature;
        vendor_forms.push(form);
    }

    // Probe evidence, and answers it contradicts.
    let probe_evidence = match inputs.evidence {
        Some(path) => {
            let evidence = read_evidence(path)?;
            for c in contradictions::check(&evidence.results, &institution.loaded.set) {
                let text = super::contradiction_text(&c, &evidence.results);
                // The line of the contradicted answer (its latest answered round), as status
                // places it.
                let line = institution
                    .loaded
                    .set
                    .answers
                    .iter()
                    .filter(|a| a.item == c.item && a.response.is_some())
                    .max_by_key(|a| a.round)
                    .map(|a| institution.loaded.location(a.at).line);
                findings.push(Finding {
                    code: c.code.clone(),
                    severity: "error".into(),
                    source: FindingSource::Contradiction,
                    file: Some(institution.name.clone()),
                    line,
                    item: Some(c.item.clone()),
                    round: None,
                    text: Some(text),
                    message: String::new(),
                });
            }
            // Evidence of another institution, of another year, or made after the report.
            let expected = super::evidence_check::Expected {
                code: &report_institution.code,
                name: &report_institution.name,
                fiscal_year: institution.checklist.checklist.fiscal_year,
                made: Some(now),
            };
            for p in super::evidence_check::check(&evidence, &expected) {
                findings.push(Finding {
                    code: p.code.to_owned(),
                    severity: p.severity.to_string(),
                    source: FindingSource::Contradiction,
                    // About the probe evidence itself, as the bundle carries it.
                    file: Some(PROBE_EVIDENCE_PATH.to_owned()),
                    line: None,
                    item: None,
                    round: None,
                    text: Some(p.text),
                    message: String::new(),
                });
            }
            attachments.push(Attachment {
                source: path.to_owned(),
                path: PROBE_EVIDENCE_PATH.into(),
                kind: AttachmentKind::Evidence {
                    form: None,
                    named_as: None,
                },
            });
            Some(evidence)
        }
        None => None,
    };

    // A checklist that is not bundled into medsec (imported, added or given by path) travels
    // in the bundle, signed with it, so the inspector's medsec re-runs the same rules.
    let mut carried: BTreeMap<String, String> = BTreeMap::new();
    for o in std::iter::once(&institution).chain(&vendors) {
        let l = o.checklist;
        if let checklist::Origin::File(path) = &l.origin {
            if carried.contains_key(&l.digest) {
                continue;
            }
            let taken = carried.len();
            let name = if taken == 0 {
                format!(
                    "{CHECKLISTS_DIR}/{}-{}.toml",
                    l.checklist.id, l.checklist.edition
                )
            } else {
                format!(
                    "{CHECKLISTS_DIR}/{}-{}-{taken}.toml",
                    l.checklist.id, l.checklist.edition
                )
            };
            attachments.push(Attachment {
                source: path.clone(),
                path: name.clone(),
                kind: AttachmentKind::Plain,
            });
            carried.insert(l.digest.clone(), name);
        }
    }
    // The base of an own checklist travels too when it is not bundled (an imported edition),
    // as `checklists/ID-EDITION.toml`: verify finds it there by the digest the report records.
    let bases = std::iter::once(&institution)
        .chain(&vendors)
        .filter_map(|o| o.checklist.checklist.extends.as_ref()?.resolved.as_ref());
    for base in bases {
        let Some(l) = inputs.catalog.by_digest(&base.digest) else {
            continue;
        };
        if let checklist::Origin::File(path) = &l.origin {
            let name = base_file_name(base);
            // Verify looks for a base by this name only. A base another form uses itself is
            // carried under that form's name already: it travels under this one too. No other
            // checklist can hold this name: the catalog has one checklist an ID and edition,
            // and the `-N` names of the others end in a number, never in an edition.
            if carried.values().any(|n| *n == name) {
                continue;
            }
            attachments.push(Attachment {
                source: path.clone(),
                path: name.clone(),
                kind: AttachmentKind::Plain,
            });
            carried.entry(l.digest.clone()).or_insert(name);
        }
    }
    let carry = |mut r: ChecklistRef| {
        r.file = carried.get(&r.digest).cloned();
        r
    };
    let mut answers_form = form_of(&institution);
    answers_form.checklist = carry(answers_form.checklist);
    let vendor_forms: Vec<Form> = vendor_forms
        .into_iter()
        .map(|mut f| {
            f.checklist = carry(f.checklist);
            f
        })
        .collect();

    let c = &institution.checklist.checklist;
    let report = Report {
        format_version: FORMAT_VERSION,
        generator: Generator::this(),
        generated_at: now.to_string(),
        as_of: inputs.as_of.map(|d| d.to_string()),
        fiscal_year: c.fiscal_year,
        institution: report_institution,
        checklist: carry(checklist_ref(institution.checklist)),
        answers: answers_form,
        vendor_forms,
        probe_evidence,
        evidence: Vec::new(),
        findings,
    };
    Ok(Made {
        report,
        attachments,
        unsigned_vendor_forms,
    })
}

/// The vendor's signature of a form: the file name with `.minisig` added.
pub fn signature_path(form: &Path) -> PathBuf {
    let mut name = form.as_os_str().to_owned();
    name.push(SIGNATURE_SUFFIX);
    PathBuf::from(name)
}

/// Where the evidence a form names is stored in the bundle: `evidence/STEM/PATH`, with `..`
/// components spelt `_parent` and a leading `/` or drive dropped into `_absolute/`.
pub fn evidence_bundle_path(form_file: &str, named: &str) -> String {
    let stem = form_file
        .rsplit_once('.')
        .map_or(form_file, |(stem, _)| stem);
    let mut parts = vec!["evidence".to_owned(), stem.to_owned()];
    let normalized = named.replace('\\', "/");
    let absolute = normalized.starts_with('/')
        || normalized.as_bytes().get(1) == Some(&b':') && normalized.len() > 1;
    if absolute {
        parts.push("_absolute".into());
    }
    for part in normalized.split('/') {
        match part {
            "" | "." => {}
            ".." => parts.push("_parent".into()),
            p if absolute && p.ends_with(':') => {}
            p => parts.push(p.to_owned()),
        }
    }
    parts.join("/")
}

fn attach_answer_evidence(
    o: &Opened<'_>,
    attachments: &mut Vec<Attachment>,
    taken: &mut BTreeMap<String, (PathBuf, String)>,
) -> Result<(), MakeError> {
    let base = base_of(&o.path);
    for a in &o.loaded.set.answers {
        for named in &a.evidence {
            let line = o.loaded.location(a.at).line;
            let source = base.join(named);
            let err = |problem: EvidenceProblem| MakeError::Evidence {
                file: o.loaded.file_name(),
                line,
                item: Box::new(ItemName::of(&o.checklist.checklist, &a.item)),
                round: a.round,
                named: named.clone(),
                problem,
            };
            match std::fs::metadata(&source) {
                Ok(m) if m.is_file() => {}
                Ok(_) => return Err(err(EvidenceProblem::NotAFile)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(err(EvidenceProblem::NotFound(source.clone())))
                }
                Err(e) => return Err(err(EvidenceProblem::Unreadable(e))),
            }
            let path = evidence_bundle_path(&o.name, named);
            if let Err(reason) = crate::signing::manifest::check_path(&path) {
                return Err(err(EvidenceProblem::NotStorable(reason)));
            }
            let key = canonical(&source);
            match taken.get(&path) {
                Some((k, _)) if *k == key => continue,
                Some(_) => {
                    return Err(MakeError::EvidenceClash {
                        file: o.loaded.file_name(),
                        line,
                        item: Box::new(ItemName::of(&o.checklist.checklist, &a.item)),
                        named: named.clone(),
                        path,
                    })
                }
                None => {}
            }
            taken.insert(path.clone(), (key, named.clone()));
            attachments.push(Attachment {
                source,
                path,
                kind: AttachmentKind::Evidence {
                    form: Some(o.name.clone()),
                    named_as: Some(named.clone()),
                },
            });
        }
    }
    Ok(())
}

/// Open an answers file in [`RECORD_LANG`] (what the report records must not depend on the
/// signer's language); a file that cannot be used is opened again in `lang` for its error.
fn open<'c>(path: &Path, catalog: &'c Catalog, lang: Lang) -> Result<Opened<'c>, MakeError> {
    let (loaded, checklist) = match answers::open(path, catalog, RECORD_LANG) {
        Ok(opened) => opened,
        Err(e) if lang == RECORD_LANG => return Err(e.into()),
        Err(e) => return Err(answers::open(path, catalog, lang).err().unwrap_or(e).into()),
    };
    let name = path
        .file_name()
        .map_or_else(|| "answers".into(), |n| n.to_string_lossy().into_owned());
    Ok(Opened {
        path: path.to_owned(),
        name,
        loaded,
        checklist,
    })
}

fn form_of(o: &Opened<'_>) -> Form {
    Form {
        file: o.name.clone(),
        checklist: checklist_ref(o.checklist),
        bundled: None,
        signature: None,
        answers: o.loaded.set.clone(),
    }
}

/// The report's reference to a checklist.
pub fn checklist_ref(l: &checklist::Loaded) -> ChecklistRef {
    ChecklistRef {
        id: l.checklist.id.clone(),
        edition: l.checklist.edition.clone(),
        digest: l.digest.clone(),
        form: l.checklist.form.as_str().to_owned(),
        fiscal_year: l.checklist.fiscal_year,
        file: None,
        extends: l
            .checklist
            .extends
            .as_ref()
            .and_then(|e| e.resolved.clone()),
    }
}

/// Where a bundle carries the base an own checklist extends, when that base is not bundled
/// into medsec: `checklists/ID-EDITION.toml`.
pub fn base_file_name(base: &checklist::extends::BaseRef) -> String {
    format!("{CHECKLISTS_DIR}/{}-{}.toml", base.id, base.edition)
}

fn base_of(path: &Path) -> PathBuf {
    path.parent().map(PathBuf::from).unwrap_or_default()
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

fn read_evidence(path: &Path) -> Result<Evidence, MakeError> {
    let bytes =
        crate::limits::read_io(path, crate::limits::InputKind::Report).map_err(|source| {
            MakeError::Read {
                path: path.to_owned(),
                source,
            }
        })?;
    parse_evidence(path, &bytes)
}

/// Parse a probe evidence document, checking its format version first.
pub fn parse_evidence(path: &Path, bytes: &[u8]) -> Result<Evidence, MakeError> {
    let err = |problem: ProbeEvidenceProblem| MakeError::ProbeEvidence {
        path: path.to_owned(),
        problem,
    };
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| err(ProbeEvidenceProblem::NotJson(e)))?;
    match value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
    {
        Some(v) if v == u64::from(EVIDENCE_FORMAT_VERSION) => {}
        other => return Err(err(ProbeEvidenceProblem::Version(other))),
    }
    serde_json::from_value(value).map_err(|e| err(ProbeEvidenceProblem::Shape(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_paths_in_the_bundle_are_safe() {
        assert_eq!(
            evidence_bundle_path("institution.toml", "evidence/a.txt"),
            "evidence/institution/evidence/a.txt"
        );
        assert_eq!(
            evidence_bundle_path("i.toml", "../shared/./log.txt"),
            "evidence/i/_parent/shared/log.txt"
        );
        assert_eq!(
            evidence_bundle_path("i.toml", "/var/log/x"),
            "evidence/i/_absolute/var/log/x"
        );
        assert_eq!(
            evidence_bundle_path("i.toml", "C:\\logs\\x.txt"),
            "evidence/i/_absolute/logs/x.txt"
        );
    }
}
