//! Content: what a trusted report says, checked again: the fiscal year, the vendor forms and
//! the re-run of the inspection's rules. Reached only when integrity and trust hold.
//!
//! Findings are shown in the inspector's language: the re-run makes them in it, and a finding
//! only the report records is rendered from its recorded catalog message (format 2) or shown
//! as recorded (format 1). Items are named by their printed number and short title.

use super::{Bundle, Checked, Class, Finding, Options};
use crate::checklist::{Catalog, Lang};
use crate::report::recheck::{Recheck, RecheckError};
use crate::report::{self, Report};
use crate::tr;

pub(super) fn check(b: &mut Bundle<'_>, report: &Report, checked: &Checked, opts: &Options<'_>) {
    let name = report::FILE_NAME;
    let lang = b.lang;
    let current = crate::dates::fiscal_year_of(opts.today);
    if report.fiscal_year != current {
        let message = tr!(
            lang,
            "verify-fiscal-year-other",
            fy = crate::signing::fiscal_year_text(lang, report.fiscal_year),
            now = crate::signing::fiscal_year_text(lang, current)
        );
        b.push("fiscal-year-other", Class::Finding, Some(name), message);
    }
    if let Some(manifest) = &checked.manifest {
        let forms = crate::signing::vendor::check_forms(b.dir, manifest, report, opts.keys, b.lang);
        b.findings.extend(forms);
    }
    // A vendor form that is not what it claims makes the report's answers untrusted too.
    if b.has_integrity_failure() {
        b.content_untrusted();
        return;
    }
    // Contradictions are looked for only in probe evidence the report carries: its absence
    // is said, so leaving evidence out never hides them unnoticed.
    if report.probe_evidence.is_none() {
        let message = tr!(lang, "verify-no-probe-evidence");
        b.push("no-probe-evidence", Class::Note, Some(name), message);
    }
    match crate::report::recheck::recheck(report, opts.catalog, opts.lang) {
        Ok(rerun) => {
            push_rerun(b, report, &rerun, opts.catalog);
            b.rerun = Some(rerun);
        }
        Err(RecheckError::UnknownChecklist {
            file,
            checklist,
            digest,
        }) => {
            let message = tr!(
                lang,
                "verify-checklist-unknown-in-file",
                file = file.as_str(),
                checklist = checklist.as_str(),
                digest = digest.as_str()
            );
            b.push("checklist-unknown", Class::Integrity, Some(name), message);
            b.content_untrusted();
        }
        Err(RecheckError::BadTime(value)) => {
            let message = tr!(lang, "verify-generated-at-bad", value = value.as_str());
            b.push("report-unreadable", Class::Unusable, Some(name), message);
            push_recorded(b, report, opts.catalog);
        }
    }
}

/// The label of an item for people, from the first of the report's checklists that has it.
fn label_of(report: &Report, catalog: &Catalog, item: &str, lang: Lang) -> String {
    std::iter::once(&report.answers)
        .chain(&report.vendor_forms)
        .filter_map(|f| catalog.by_digest(&f.checklist.digest))
        .find_map(|l| l.checklist.item(item).map(|i| i.label(lang)))
        .unwrap_or_else(|| item.to_owned())
}

fn finding_of(f: &report::Finding, report: &Report, catalog: &Catalog, lang: Lang) -> Finding {
    Finding {
        code: f.code.clone(),
        class: if f.severity == "error" {
            Class::Finding
        } else {
            Class::Note
        },
        file: Some(
            f.file
                .clone()
                .unwrap_or_else(|| report::FILE_NAME.to_owned()),
        ),
        item: f.item.clone(),
        item_label: f
            .item
            .as_deref()
            .map(|i| label_of(report, catalog, i, lang)),
        message: f.message_in(lang),
    }
}

/// Findings as the report records them (when the inspection cannot be re-run).
fn push_recorded(b: &mut Bundle<'_>, report: &Report, catalog: &Catalog) {
    for f in &report.findings {
        let mut shown = finding_of(f, report, catalog, b.lang);
        shown.file = Some(report::FILE_NAME.to_owned());
        b.findings.push(shown);
    }
}

/// The re-run's findings, the warnings only the report knows, and every disagreement.
fn push_rerun(b: &mut Bundle<'_>, report: &Report, rerun: &Recheck, catalog: &Catalog) {
    let lang = b.lang;
    let warnings = report.findings.iter().filter(|f| {
        f.severity != "error"
            && !rerun
                .findings
                .iter()
                .any(|r| r.code == f.code && r.item == f.item && r.file == f.file)
    });
    for f in rerun.findings.iter().chain(warnings) {
        b.findings.push(finding_of(f, report, catalog, lang));
    }
    // Recorded but not found again, then found again but not recorded: one finding each.
    let recorded = rerun.only_recorded.iter().map(|f| (f, true));
    let found = rerun.only_rerun.iter().map(|f| (f, false));
    for (f, only_recorded) in recorded.chain(found) {
        let item = f
            .item
            .as_deref()
            .map(|i| label_of(report, catalog, i, lang));
        let place = match (&item, &f.file) {
            (Some(item), Some(file)) => tr!(
                lang,
                "verify-place-item-in-file",
                item = item.as_str(),
                file = file.as_str()
            ),
            (Some(item), None) => item.clone(),
            (None, Some(file)) => file.clone(),
            (None, None) => report::FILE_NAME.to_owned(),
        };
        let message = if only_recorded {
            tr!(
                lang,
                "verify-findings-disagree-recorded",
                code = f.code.as_str(),
                place = place
            )
        } else {
            tr!(
                lang,
                "verify-findings-disagree-rerun",
                code = f.code.as_str(),
                place = place
            )
        };
        b.findings.push(Finding {
            code: "findings-disagree".into(),
            class: Class::Finding,
            file: Some(report::FILE_NAME.to_owned()),
            item: f.item.clone(),
            item_label: item,
            message,
        });
    }
}
