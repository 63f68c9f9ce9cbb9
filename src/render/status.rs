//! `medsec status` for people (tables) and scripts (JSON).

use super::text::escape_controls as esc;
use crate::answers::rules::{FormStatus, Inspection, Role};
use crate::checklist::Lang;
use crate::dates::fiscal_year_for_people;
use crate::diagnostic::{Diagnostic, Severity};
use crate::tr;
use jiff::civil::Date;
use serde::Serialize;

/// The JSON of `medsec status --format json`.
#[derive(Serialize)]
struct StatusJson<'a> {
    /// No error-level finding and no unusable file.
    complete: bool,
    /// Every file could be read and bound to its checklist.
    usable: bool,
    /// Why files could not be used (exit 2).
    unusable: &'a [Diagnostic],
    forms: &'a [FormStatus],
    /// Findings across forms.
    findings: &'a [crate::answers::rules::Finding],
}

pub fn json(inspection: &Inspection, unusable: &[Diagnostic]) -> String {
    let errors = inspection
        .all_findings()
        .any(|f| f.severity() == Severity::Error);
    super::json(&StatusJson {
        complete: inspection.complete && unusable.is_empty() && !errors,
        usable: unusable.is_empty(),
        unusable,
        forms: &inspection.forms,
        findings: &inspection.findings,
    })
}

/// A date for people: Western form, and in Japanese also 和暦.
pub fn date(d: Date, lang: Lang) -> String {
    crate::answers::messages::date(d, lang)
}

pub fn table(inspection: &Inspection, unusable: &[Diagnostic], lang: Lang, color: bool) -> String {
    let mut out = body(inspection, lang, color);
    out.push_str(&summary(inspection, unusable, &[], lang));
    out
}

/// The status of several answers files the user named together (`status a.toml b.toml`): the
/// same tables, and a verdict line that counts the files (`files`, as named, each once).
pub fn table_of_files(
    inspection: &Inspection,
    unusable: &[Diagnostic],
    files: usize,
    lang: Lang,
    color: bool,
) -> String {
    if files < 2 {
        return table(inspection, unusable, lang, color);
    }
    let mut out = body(inspection, lang, color);
    let errors = inspection
        .all_findings()
        .filter(|f| f.severity() == Severity::Error)
        .count();
    let warnings = inspection.all_findings().count() - errors;
    let line = if !unusable.is_empty() {
        let unusable_files = unusable
            .iter()
            .map(|d| d.location.file.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        tr!(
            lang,
            "status-files-unusable",
            files = files.max(unusable_files),
            unusable = unusable_files,
            count = unusable.len()
        )
    } else if inspection.complete && errors > 0 {
        tr!(
            lang,
            "status-files-complete-with-findings",
            files = files,
            errors = errors,
            warnings = warnings
        )
    } else if inspection.complete {
        tr!(
            lang,
            "status-files-complete",
            files = files,
            warnings = warnings
        )
    } else {
        tr!(
            lang,
            "status-files-incomplete",
            files = files,
            errors = errors,
            warnings = warnings
        )
    };
    out.push_str(&line);
    out.push('\n');
    out
}

/// The tables and findings of every form, without the verdict line.
pub(super) fn body(inspection: &Inspection, lang: Lang, color: bool) -> String {
    let mut out = String::new();
    for form in &inspection.forms {
        let c = &form.checklist;
        let fy = fiscal_year_for_people(c.fiscal_year, lang);
        out.push_str(&super::prose::for_stdout(&tr!(
            lang,
            "answers-status-form-heading",
            file = esc(&form.file).into_owned(),
            checklist = format!("{}@{}", esc(&c.id), esc(&c.edition)),
            form = c.form.label_serving(&c.serves, lang),
            fiscal_year = fy
        )));
        out.push('\n');
        match form.role {
            Role::Institution => {
                if let Some(i) = &form.institution {
                    let name = esc(i.name.as_deref().unwrap_or("?"));
                    let not_filled = tr!(lang, "answers-status-not-filled-in");
                    let code = match i.code.as_deref() {
                        Some(code) => esc(code).into_owned(),
                        None => not_filled,
                    };
                    out.push_str("  ");
                    out.push_str(&tr!(
                        lang,
                        "answers-status-institution",
                        name = name.into_owned(),
                        code = code
                    ));
                    out.push('\n');
                }
            }
            Role::Vendor => {
                if let Some(v) = &form.vendor {
                    let name = esc(v.name.as_deref().unwrap_or("?"));
                    let system = esc(v.system.as_deref().unwrap_or("-"));
                    out.push_str("  ");
                    out.push_str(&tr!(
                        lang,
                        "answers-status-vendor",
                        name = name.into_owned(),
                        system = system.into_owned()
                    ));
                    out.push('\n');
                }
            }
        }
        let header = [
            tr!(lang, "answers-status-section"),
            tr!(lang, "answers-status-round"),
            tr!(lang, "answers-status-required"),
            tr!(lang, "answers-status-answered"),
            tr!(lang, "answers-status-yes"),
            tr!(lang, "answers-status-no"),
            tr!(lang, "answers-status-not-applicable"),
        ];
        let mut t = super::table(header.iter().map(String::as_str).collect());
        for p in &form.progress {
            t.add_row(vec![
                format!("{} {}", esc(&p.section), esc(p.title.get(lang))),
                tr!(lang, "answers-status-round-n", round = p.round),
                p.required.to_string(),
                format!("{}/{}", p.answered, p.items),
                p.yes.to_string(),
                p.no.to_string(),
                p.not_applicable.to_string(),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        if let Some(base) = &c.extends {
            out.push_str(&super::extends::list_table(
                &base.full_id(),
                &c.out_of_scope,
                lang,
            ));
        }
        if !form.open_items.is_empty() {
            out.push_str(&tr!(lang, "answers-status-open-items"));
            out.push('\n');
            let header = [
                tr!(lang, "answers-status-item"),
                tr!(lang, "answers-status-round"),
                tr!(lang, "answers-status-target-date"),
            ];
            let mut t = super::table(header.iter().map(String::as_str).collect());
            for o in &form.open_items {
                t.add_row(vec![
                    esc(o.label.get(lang)).into_owned(),
                    tr!(lang, "answers-status-round-n", round = o.round),
                    o.target_date
                        .map_or_else(|| "-".to_owned(), |d| date(d, lang)),
                ]);
            }
            out.push_str(&t.to_string());
            out.push('\n');
        }
        for f in &form.findings {
            out.push_str(&line(&f.diagnostic, lang, color));
        }
        out.push('\n');
    }
    for f in &inspection.findings {
        out.push_str(&line(&f.diagnostic, lang, color));
    }
    out
}

/// The one verdict line, counting the findings a report records (`recorded`) with the rules'
/// own: answers complete with a recorded error are not said to be complete without a word.
pub(super) fn summary(
    inspection: &Inspection,
    unusable: &[Diagnostic],
    recorded: &[Diagnostic],
    lang: Lang,
) -> String {
    // The unusable files themselves are problems, for standard error (the caller's); only the
    // count is part of the status.
    let recorded_errors = recorded
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let errors = inspection
        .all_findings()
        .filter(|f| f.severity() == Severity::Error)
        .count()
        + recorded_errors;
    let warnings = inspection.all_findings().count() + recorded.len() - errors;
    let summary = if !unusable.is_empty() {
        tr!(lang, "answers-status-unusable", count = unusable.len())
    } else if inspection.complete && recorded_errors > 0 {
        tr!(
            lang,
            "inspector-status-complete-with-recorded-errors",
            errors = errors,
            warnings = warnings
        )
    } else if inspection.complete && errors > 0 {
        // Filled in, with errors beside (contradicted by `--evidence`): both said.
        tr!(
            lang,
            "status-complete-with-findings",
            errors = errors,
            warnings = warnings
        )
    } else if inspection.complete {
        tr!(lang, "answers-status-complete", warnings = warnings)
    } else {
        tr!(
            lang,
            "answers-status-incomplete",
            errors = errors,
            warnings = warnings
        )
    };
    format!("{summary}\n")
}

/// One finding, with its severity said as lint says it (`エラー[code]` under Japanese) and
/// the message as the rules wrote it in the reader's language.
fn line(d: &Diagnostic, lang: Lang, color: bool) -> String {
    let plain = Diagnostic {
        text: None,
        ..d.clone()
    };
    let mut out = super::prose::for_stdout(&super::diagnostics::line(&plain, lang, color));
    out.push('\n');
    out
}
