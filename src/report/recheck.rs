//! Re-running the inspection on a report: what `verify` does instead of trusting the findings
//! report.json records.
//!
//! The answers inside report.json are checked again with the checklist whose digest the report
//! names (bundled, or given with `--checklist`), as of the day the report was made (Japan
//! time), and the answer/probe contradictions are looked for again in the embedded probe
//! evidence. Error-level findings are compared with those recorded: any difference means the
//! report does not say what its own answers say. Rules that read the file system
//! (`evidence-missing`) are replaced by a check against the report's attachment list
//! (`evidence-not-attached`); warnings found only while reading a file (e.g. unknown fields)
//! cannot be re-derived and are not compared. Never prints.

use super::{Finding, FindingSource, Form, Report};
use crate::answers::{self, rules, AnswerSet, FileFormat};
use crate::checklist::{Catalog, Lang};
use crate::diagnostic::Severity;
use crate::probes::contradictions;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The result of a re-run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recheck {
    /// The findings of the re-run, as a report records them.
    pub findings: Vec<Finding>,
    /// Recorded findings that the re-run does not find (error level).
    pub only_recorded: Vec<Finding>,
    /// Re-run findings that the report does not record (error level).
    pub only_rerun: Vec<Finding>,
}

impl Recheck {
    pub fn agrees(&self) -> bool {
        self.only_recorded.is_empty() && self.only_rerun.is_empty()
    }
}

/// Why the inspection could not be re-run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecheckError {
    /// A form names a checklist digest that is not known.
    UnknownChecklist {
        file: String,
        checklist: String,
        digest: String,
    },
    /// `generated_at` is not an RFC 3339 time (its value).
    BadTime(String),
}

/// Re-run the inspection's rules and the contradiction check on `report`. Its answer sets are
/// lent to the rules (moved into what the rules read, and back before this returns), not
/// copied: verify re-runs thousands of reports. `report` is whole again when this returns.
pub fn recheck(
    report: &mut Report,
    catalog: &Catalog,
    lang: Lang,
) -> Result<Recheck, RecheckError> {
    let made: jiff::Timestamp = report
        .generated_at
        .parse()
        .map_err(|_| RecheckError::BadTime(report.generated_at.clone()))?;
    // The day the report was judged on (`as_of` when recorded), as make judged it.
    let today = report
        .judged_on()
        .ok_or_else(|| RecheckError::BadTime(report.generated_at.clone()))?;
    let mut checklists = Vec::new();
    for form in std::iter::once(&report.answers).chain(&report.vendor_forms) {
        let checklist = catalog.by_digest(&form.checklist.digest).ok_or_else(|| {
            RecheckError::UnknownChecklist {
                file: form.file.clone(),
                checklist: form.checklist.full_id(),
                digest: form.checklist.digest.clone(),
            }
        })?;
        checklists.push(checklist);
    }
    let forms = std::iter::once(&mut report.answers).chain(&mut report.vendor_forms);
    let mut opened: Vec<answers::Loaded> = forms
        .map(|form| {
            let path = PathBuf::from(&form.file);
            answers::Loaded {
                format: FileFormat::of(&path).unwrap_or(FileFormat::Toml),
                path,
                source: String::new(),
                bom: false,
                set: std::mem::replace(&mut form.answers, lent()),
                warnings: Vec::new(),
                lang,
            }
        })
        .collect();
    let found = rerun(report, &opened, &checklists, made, today, lang);
    let forms = std::iter::once(&mut report.answers).chain(&mut report.vendor_forms);
    for (form, loaded) in forms.zip(&mut opened) {
        form.answers = std::mem::replace(&mut loaded.set, lent());
    }
    Ok(found)
}

/// What stands in a form's place while its answer set is lent (no allocation).
fn lent() -> AnswerSet {
    AnswerSet {
        format_version: 0,
        checklist: answers::ChecklistRef {
            id: String::new(),
            edition: String::new(),
            digest: None,
        },
        institution: None,
        vendor: None,
        vendors: None,
        answers: Vec::new(),
    }
}

/// The re-run on `report`, whose forms' answer sets are lent to `opened` (one each, the
/// institution's first, then the vendor forms in order), with their checklists.
fn rerun(
    report: &Report,
    opened: &[answers::Loaded],
    checklists: &[&crate::checklist::Loaded],
    made: jiff::Timestamp,
    today: jiff::civil::Date,
    lang: Lang,
) -> Recheck {
    let forms: Vec<&Form> = std::iter::once(&report.answers)
        .chain(&report.vendor_forms)
        .collect();
    let opened: Vec<(&Form, &answers::Loaded, &crate::checklist::Loaded)> = forms
        .iter()
        .zip(opened)
        .zip(checklists)
        .map(|((form, loaded), checklist)| (*form, loaded, *checklist))
        .collect();

    let mut findings = Vec::new();
    // Problems that make a file unusable: a report made by medsec never has them.
    for (form, loaded, checklist) in &opened {
        for d in answers::bind(loaded, &checklist.checklist) {
            findings.push(Finding {
                code: d.code.to_owned(),
                severity: d.severity.to_string(),
                source: FindingSource::Status,
                file: Some(form.file.clone()),
                line: None,
                item: None,
                round: None,
                text: d.text.clone(),
                message: d.message,
            });
        }
    }
    let inputs: Vec<rules::FormInput> = opened
        .iter()
        .map(|(_, answers, checklist)| rules::FormInput { answers, checklist })
        .collect();
    for f in rules::inspect_findings(&inputs, &rules::Options::new(today, lang)) {
        if f.code() == "evidence-missing" {
            continue;
        }
        findings.push(Finding {
            code: f.code().to_owned(),
            severity: f.severity().to_string(),
            source: FindingSource::Status,
            file: Some(f.diagnostic.location.file),
            line: None,
            item: f.item,
            round: f.round,
            text: f.diagnostic.text,
            message: f.diagnostic.message,
        });
    }
    for (form, loaded, checklist) in &opened {
        for a in &loaded.set.answers {
            for named in &a.evidence {
                let attached = report.evidence.iter().any(|e| {
                    e.form.as_deref() == Some(form.file.as_str())
                        && e.named_as.as_deref() == Some(named.as_str())
                });
                if !attached {
                    findings.push(Finding {
                        code: "evidence-not-attached".into(),
                        severity: Severity::Error.to_string(),
                        source: FindingSource::Status,
                        file: Some(form.file.clone()),
                        line: None,
                        item: Some(a.item.clone()),
                        round: Some(a.round),
                        text: None,
                        message: crate::tr!(
                            lang,
                            "verify-evidence-not-attached",
                            item = super::item_label(Some(&checklist.checklist), &a.item, lang),
                            round = a.round,
                            named = named.as_str()
                        ),
                    });
                }
            }
        }
    }
    // The institution's form is always the first.
    if let (Some(evidence), Some((_, answers, checklist))) =
        (&report.probe_evidence, opened.first())
    {
        let institution = Some(&checklist.checklist);
        for c in contradictions::check(&evidence.results, &answers.set) {
            let text = super::contradiction_text(&c, &evidence.results);
            findings.push(Finding {
                code: c.code.clone(),
                severity: Severity::Error.to_string(),
                source: FindingSource::Contradiction,
                file: Some(report.answers.file.clone()),
                line: None,
                item: Some(c.item.clone()),
                round: None,
                message: crate::i18n::render_with(lang, &text, institution),
                text: Some(text),
            });
        }
        let expected = super::evidence_check::Expected {
            code: &report.institution.code,
            name: &report.institution.name,
            fiscal_year: report.fiscal_year,
            made: Some(made),
        };
        for p in super::evidence_check::check(evidence, &expected) {
            findings.push(Finding {
                code: p.code.to_owned(),
                severity: p.severity.to_string(),
                source: FindingSource::Contradiction,
                file: Some(super::make::PROBE_EVIDENCE_PATH.to_owned()),
                line: None,
                item: None,
                round: None,
                message: crate::i18n::render(lang, &p.text),
                text: Some(p.text),
            });
        }
    }

    // The evidence checks are derived from the signed evidence alone, and a required base
    // item an own checklist leaves out from the checklist alone: shown from the re-run;
    // reports of older medsec did not record them, so they are not compared.
    let compared = |f: &&Finding| {
        f.severity == "error"
            && !super::evidence_check::CODES.contains(&f.code.as_str())
            && f.code != crate::checklist::extends::REQUIRED_OUT_OF_SCOPE
    };
    let errors = |list: &[Finding]| -> BTreeMap<Key, Vec<Finding>> {
        let mut map: BTreeMap<Key, Vec<Finding>> = BTreeMap::new();
        for f in list.iter().filter(compared) {
            map.entry(key(f)).or_default().push(f.clone());
        }
        map
    };
    let recorded = errors(&report.findings);
    let again = errors(&findings);
    let surplus = |a: &BTreeMap<Key, Vec<Finding>>, b: &BTreeMap<Key, Vec<Finding>>| {
        let mut out = Vec::new();
        for (k, fs) in a {
            let other = b.get(k).map_or(0, Vec::len);
            out.extend(fs.iter().skip(other).cloned());
        }
        out
    };
    Recheck {
        only_recorded: surplus(&recorded, &again),
        only_rerun: surplus(&again, &recorded),
        findings,
    }
}

type Key = (
    FindingSource,
    Option<String>,
    String,
    Option<String>,
    Option<u8>,
);

fn key(f: &Finding) -> Key {
    (
        f.source,
        f.file.clone(),
        f.code.clone(),
        f.item.clone(),
        f.round,
    )
}
