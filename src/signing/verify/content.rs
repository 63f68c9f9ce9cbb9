//! Content: what a trusted report says, checked again: the fiscal year, the vendor forms and
//! the re-run of the inspection's rules. Reached only when integrity and trust hold.
//!
//! Findings are shown in the inspector's language: the re-run makes them in it, and a finding
//! only the report records is rendered from its recorded catalog message (format 2) or shown
//! as recorded (format 1). Items are named by their printed number and short title.

use super::integrity::{read_listed, read_refused, ListedError};
use super::{official, Bundle, Checked, Class, Finding, Options};
use crate::checklist::{Catalog, Lang};
use crate::render::text::command_word;
use crate::report::recheck::{Recheck, RecheckError};
use crate::report::{self, Report};
use crate::signing::manifest::Manifest;
use crate::tr;

pub(super) fn check(
    b: &mut Bundle<'_>,
    report: &mut Report,
    checked: &Checked,
    opts: &Options<'_>,
) {
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
    if let Some(lack) = report.no_probe_evidence() {
        b.push(
            "no-probe-evidence",
            Class::Warning,
            Some(name),
            lack.message(lang),
        );
    } else if let Some(skip) = report
        .probe_evidence
        .as_ref()
        .filter(|e| e.results.is_empty())
        .and_then(|e| e.skipped_by_gate.as_ref())
    {
        // No probe ran because the clinic has no medical information system: said, not missed.
        b.push(
            "probes-skipped-gate",
            Class::Note,
            Some(name),
            tr!(lang, "verify-probes-skipped-gate", count = skip.probes),
        );
    }
    // Checklists the bundle carries join the inspector's own for this report. Without any,
    // the inspector's catalog is used as it is: a copy per bundle would copy (or parse again)
    // the checklists already parsed.
    let carries = std::iter::once(&report.checklist)
        .chain(std::iter::once(&report.answers.checklist))
        .chain(report.vendor_forms.iter().map(|f| &f.checklist))
        .any(|r| r.file.is_some());
    // The workbooks given (`--checklist WORKBOOK.xlsx`, by path) that a carried checklist was
    // compared with, whatever the comparison found.
    let mut compared = Vec::new();
    let catalog = match &checked.manifest {
        Some(manifest) if carries => std::borrow::Cow::Owned(with_carried_checklists(
            b,
            report,
            manifest,
            opts.catalog,
            &mut compared,
        )),
        _ => std::borrow::Cow::Borrowed(opts.catalog),
    };
    official::push_workbooks_of_other_forms(b, report, opts.catalog, &catalog, &compared);
    // Not again for a carried checklist already found not to be the inspector's own.
    let not_inspectors = b
        .findings
        .iter()
        .any(|f| f.code == "checklist-not-inspectors");
    if report.checklist.file.is_some()
        && opts.catalog.by_digest(&report.checklist.digest).is_none()
        && !not_inspectors
    {
        super::trust::check_checklist(b, report, &catalog);
    }
    if b.has_integrity_failure() {
        b.content_untrusted();
        return;
    }
    let opts = &Options {
        catalog: &catalog,
        ..*opts
    };
    match crate::report::recheck::recheck(report, opts.catalog, opts.lang) {
        Ok(rerun) => {
            push_rerun(b, report, &rerun, opts.catalog);
            push_out_of_scope(b, report, opts.catalog);
            push_passed_since_signing(b, report, opts);
            push_judged_long_before_made(b, report);
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

/// An own checklist's base items left out: each said with the item and the reason (an
/// inspector sees every item the institution did not answer, and why), and the whole list in
/// the bundle's result. An item the form lets an institution leave out (no vendor contract, a
/// next-year or recommended item) is the warning `base-item-out-of-scope`: whether the reason
/// holds is the inspector's judgement. An item the form asks every institution to answer is the
/// finding `base-item-required-out-of-scope`, said by the re-run of the inspection's rules (as
/// `status` and `report` say it), not here: the MHLW form has no 対象外 for it, and an
/// inspection checks that every item is answered (facts file §2, S13, S17; §1.3).
fn push_out_of_scope(b: &mut Bundle<'_>, report: &Report, catalog: &Catalog) {
    let Some(own) = catalog.by_digest(&report.checklist.digest) else {
        return;
    };
    let Some(extends) = &own.checklist.extends else {
        return;
    };
    let Some(base) = extends.resolved.clone() else {
        return;
    };
    let lang = b.lang;
    let checklist = own.checklist.full_id();
    let mut out_of_scope = Vec::new();
    for o in &extends.out_of_scope {
        if !o.required_of_all() {
            let message = tr!(
                lang,
                "own-base-item-out-of-scope",
                checklist = checklist.as_str(),
                base = base.full_id(),
                reason = o.reason.get(lang)
            );
            b.findings.push(Finding {
                code: "base-item-out-of-scope".to_owned(),
                class: Class::Warning,
                file: Some(report::FILE_NAME.to_owned()),
                item: Some(o.item.clone()),
                item_label: Some(o.label(lang)),
                message,
            });
        }
        let title = o.base_item.as_ref().map_or_else(
            || crate::checklist::Text {
                ja: o.item.clone(),
                en: o.item.clone(),
            },
            |i| crate::checklist::Text {
                ja: i.short_title(Lang::Ja),
                en: i.short_title(Lang::En),
            },
        );
        out_of_scope.push(super::OutOfScopeInfo {
            item: o.item.clone(),
            number: o.number.clone().unwrap_or_default(),
            title,
            reason: o.reason.clone(),
        });
    }
    b.extends = Some(super::ExtendsInfo {
        checklist,
        digest: own.digest.clone(),
        base,
        out_of_scope,
    });
}

/// The label of an item for people, from the first of the report's checklists that has it.
fn label_of(report: &Report, catalog: &Catalog, item: &str, lang: Lang) -> String {
    std::iter::once(&report.answers)
        .chain(&report.vendor_forms)
        .filter_map(|f| catalog.by_digest(&f.checklist.digest))
        .find_map(|l| l.checklist.named_item(item).map(|i| i.label(lang)))
        .unwrap_or_else(|| item.to_owned())
}

/// A finding's place in the bundle: the answers file a report names is not in the bundle, so
/// the finding is about report.json, which records it; the file's recorded name joins the
/// item's label (「回答ファイル zz-inc.toml（report.json に記録）の 1-① …」).
fn place_in_bundle(
    file: Option<&str>,
    item: Option<String>,
    lang: Lang,
) -> (String, Option<String>) {
    // The probe evidence the bundle carries is a file of the bundle: named as it is.
    if file == Some(report::make::PROBE_EVIDENCE_PATH) {
        return (report::make::PROBE_EVIDENCE_PATH.to_owned(), item);
    }
    let file = file.filter(|f| *f != report::FILE_NAME);
    let label = match (file, item) {
        (Some(file), Some(item)) => Some(tr!(
            lang,
            "inspector-item-of-recorded-file",
            file = file,
            item = item
        )),
        (Some(file), None) => Some(tr!(lang, "inspector-recorded-file", file = file)),
        (None, item) => item,
    };
    (report::FILE_NAME.to_owned(), label)
}

fn finding_of(f: &report::Finding, report: &Report, catalog: &Catalog, lang: Lang) -> Finding {
    let (file, item_label) = place_in_bundle(
        f.file.as_deref(),
        f.item
            .as_deref()
            .map(|i| label_of(report, catalog, i, lang)),
        lang,
    );
    Finding {
        code: f.code.clone(),
        // The severity status gives the code: a warning there is a warning here.
        class: if f.severity == "error" {
            Class::Finding
        } else {
            Class::Warning
        },
        file: Some(file),
        item: f.item.clone(),
        item_label,
        message: f.message_in(lang, report.checklist_of(f, catalog)),
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
        let (_, item) = place_in_bundle(
            f.file.as_deref(),
            f.item
                .as_deref()
                .map(|i| label_of(report, catalog, i, lang)),
            lang,
        );
        let place = item.clone().unwrap_or_else(|| report::FILE_NAME.to_owned());
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

/// いいえ answers whose target date fell between the report's own date and the inspection
/// day (`--as-of`): a note. The re-run judges "overdue" as of the report's date only, so an
/// honest old bundle never disagrees with itself; this says what has happened since.
fn push_passed_since_signing(b: &mut Bundle<'_>, report: &Report, opts: &Options<'_>) {
    let Some(signed) = report.judged_on() else {
        return;
    };
    let lang = b.lang;
    for form in std::iter::once(&report.answers).chain(&report.vendor_forms) {
        let answers = &form.answers.answers;
        for a in answers {
            let Some(target) = a.target_date else {
                continue;
            };
            let answered_later = answers
                .iter()
                .any(|x| x.item == a.item && x.round > a.round && x.response.is_some());
            if a.response != Some(crate::answers::Response::No)
                || answered_later
                || target < signed
                || target >= opts.today
            {
                continue;
            }
            let label = label_of(report, opts.catalog, &a.item, lang);
            let message = match report.made_on().filter(|made| *made != signed) {
                // Judged on another day than it was made (`check --as-of`): both days said,
                // the one it was made on never taken from `as_of`.
                Some(made) => tr!(
                    lang,
                    "verify-target-passed-since-judged",
                    item = label.as_str(),
                    date = crate::dates::for_people(target, lang),
                    judged = crate::dates::for_people(signed, lang),
                    made = crate::dates::for_people(made, lang),
                    as_of = crate::dates::for_people(opts.today, lang)
                ),
                None => tr!(
                    lang,
                    "rules-data-verify-target-passed-since-signing",
                    item = label.as_str(),
                    date = crate::dates::for_people(target, lang),
                    signed = crate::dates::for_people(signed, lang),
                    as_of = crate::dates::for_people(opts.today, lang)
                ),
            };
            let (file, item_label) = place_in_bundle(Some(&form.file), Some(label), lang);
            b.findings.push(Finding {
                code: "target-date-passed-since-signing".into(),
                class: Class::Note,
                file: Some(file),
                item: Some(a.item.clone()),
                item_label,
                message,
            });
        }
    }
}

/// How many days a report may be judged before the day it was made (`check --as-of`) without
/// a word: a check finished a few weeks after its day is ordinary; months are not.
const JUDGED_BEFORE_MADE_DAYS: i32 = 31;

/// A report judged on a day (`as_of`) long before it was made (`generated_at`, inside the
/// signed report.json): a warning, so that a backdated report is never read as made then.
fn push_judged_long_before_made(b: &mut Bundle<'_>, report: &Report) {
    let (Some(judged), Some(made)) = (
        report
            .as_of
            .as_deref()
            .and_then(|d| d.parse::<jiff::civil::Date>().ok()),
        report.made_on(),
    ) else {
        return;
    };
    let Ok(span) = judged.until((jiff::Unit::Day, made)) else {
        return;
    };
    let days = span.get_days();
    if days <= JUDGED_BEFORE_MADE_DAYS {
        return;
    }
    let lang = b.lang;
    b.findings.push(Finding {
        code: "as-of-long-before-made".into(),
        class: Class::Warning,
        file: Some(report::FILE_NAME.to_owned()),
        item: None,
        item_label: None,
        message: tr!(
            lang,
            "verify-as-of-long-before-made",
            judged = crate::dates::for_people(judged, lang),
            made = crate::dates::for_people(made, lang),
            days = days
        ),
    });
}

/// The inspector's checklists and those the bundle carries (`checklists/…`, named by a
/// form's `checklist.file`): each read only through the signed manifest, used when its
/// digest is the one the report names, and said whether its recorded source is an official
/// workbook medsec knows by SHA-256.
fn with_carried_checklists(
    b: &mut Bundle<'_>,
    report: &Report,
    manifest: &Manifest,
    own: &Catalog,
    compared: &mut Vec<String>,
) -> Catalog {
    let lang = b.lang;
    let mut catalog = own.clone();
    let refs = std::iter::once(&report.checklist)
        .chain(std::iter::once(&report.answers.checklist))
        .chain(report.vendor_forms.iter().map(|f| &f.checklist));
    // The base of an own checklist, when the bundle carries it (not bundled into medsec): first,
    // so that the own checklist below is linked to it.
    let bases: Vec<crate::report::ChecklistRef> = refs
        .clone()
        .filter_map(|r| r.extends.as_ref())
        .filter(|base| catalog.by_digest(&base.digest).is_none())
        .map(|base| crate::report::ChecklistRef {
            id: base.id.clone(),
            edition: base.edition.clone(),
            digest: base.digest.clone(),
            form: String::new(),
            fiscal_year: 0,
            file: Some(crate::report::make::base_file_name(base))
                .filter(|name| manifest.entries.contains_key(name)),
            extends: None,
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    for r in bases.iter().chain(refs) {
        let Some(name) = r.file.as_deref() else {
            continue;
        };
        if !seen.insert((name.to_owned(), r.digest.clone())) {
            continue;
        }
        let bytes = match read_listed(b.dir, manifest, name, crate::limits::CHECKLIST_MAX_BYTES) {
            Ok(bytes) => bytes,
            Err(e) => {
                let field = "checklist.file";
                let (code, class, message) = match e {
                    ListedError::Open(e) => {
                        b.findings.push(read_refused(lang, field, name, &e));
                        continue;
                    }
                    ListedError::Changed => (
                        "file-changed",
                        Class::Integrity,
                        tr!(lang, "verify-file-changed"),
                    ),
                    ListedError::Unsafe(reason) => (
                        "report-path-unsafe",
                        Class::Integrity,
                        tr!(
                            lang,
                            "verify-vendor-path-unsafe",
                            field = field,
                            path = name,
                            reason = reason.text(lang)
                        ),
                    ),
                    ListedError::Unlisted => (
                        "report-path-unlisted",
                        Class::Integrity,
                        tr!(
                            lang,
                            "verify-vendor-path-unlisted",
                            field = field,
                            path = name
                        ),
                    ),
                };
                b.push(code, class, Some(name), message);
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let origin = crate::checklist::Origin::File(name.into());
        let loaded = match crate::checklist::load_str(name, &text, origin) {
            Ok(l) => l,
            Err(e) => {
                let message = tr!(
                    lang,
                    "rules-data-verify-checklist-file-invalid",
                    file = name,
                    reason = e.localize(lang)
                );
                b.push(
                    "checklist-file-invalid",
                    Class::Unusable,
                    Some(name),
                    message,
                );
                continue;
            }
        };
        if loaded.digest != r.digest {
            let message = tr!(
                lang,
                "rules-data-verify-checklist-file-mismatch",
                file = name,
                named = r.digest.as_str(),
                found = loaded.digest.as_str()
            );
            b.push(
                "checklist-file-mismatch",
                Class::Integrity,
                Some(name),
                message,
            );
            continue;
        }
        // The inspector holds this text (same digest), or gave a workbook to compare it with
        // by wording, or holds this id@edition with another text: then the institution
        // answered a text that is not theirs. Their copy stays in the catalog; the carried one
        // is not used. A copy held (added with `checklist add`, or a file given) does not stand
        // in for a workbook given beside it: that workbook is compared as it is without the copy.
        let held = own.by_digest(&loaded.digest);
        let mut confirmation = match held {
            Some(h) => match official::given_workbook(h) {
                Some(w) => official::Confirmation::Workbook(Box::new(w)),
                None => official::Confirmation::Held,
            },
            None => official::Confirmation::None,
        };
        if !matches!(confirmation, official::Confirmation::Workbook(_)) {
            if let Some(workbook) = official::workbook_for(own, &loaded) {
                let diff = crate::checklist::wording::compare(
                    &loaded.checklist,
                    &workbook.loaded.checklist,
                    workbook.stated_serves().as_deref(),
                );
                compared.push(workbook.path.clone());
                if !diff.same_wording() {
                    official::push_wording_differs(b, name, &loaded, &workbook, &diff);
                    official::push_if_not_the_official_file(b, name, &loaded, &workbook);
                    continue;
                }
                official::push_gate_note(b, name, &loaded, &diff, report);
                confirmation = official::Confirmation::Workbook(Box::new(workbook));
            } else if held.is_none() {
                if let Ok(yours) = own.resolve(&loaded.checklist.full_id(), None) {
                    push_not_inspectors(b, name, &loaded, yours);
                    continue;
                }
            }
        }
        let bundled_here =
            held.is_some_and(|l| matches!(l.origin, crate::checklist::Origin::Bundled(_)));
        if !bundled_here {
            official::push_source_note(b, name, &loaded, &confirmation);
        }
        if catalog.by_digest(&loaded.digest).is_none() {
            // An own checklist is linked to its base as every other command links it; one whose
            // base is not known here stays unlinked, which check_checklist reports.
            let linked = catalog.linked(&loaded).unwrap_or(loaded);
            catalog.add(linked);
        }
    }
    catalog
}

/// A carried checklist whose id@edition the inspector holds with another digest (given with
/// `--checklist`, added with `checklist add`, or bundled): both digests, whose is which, and
/// the command that shows the items that differ when the inspector's copy is a file.
fn push_not_inspectors(
    b: &mut Bundle<'_>,
    name: &str,
    carried: &crate::checklist::Loaded,
    yours: &crate::checklist::Loaded,
) {
    let lang = b.lang;
    let diff = match &yours.origin {
        crate::checklist::Origin::File(path) => format!(
            "medsec checklist diff {} {}",
            command_word(&path.display().to_string()),
            command_word(
                &crate::signing::manifest::in_bundle(b.dir, name)
                    .display()
                    .to_string()
            )
        ),
        crate::checklist::Origin::Bundled(_) => "none".to_owned(),
    };
    let message = tr!(
        lang,
        "verify-checklist-not-inspectors",
        checklist = carried.checklist.full_id(),
        file = name,
        theirs = carried.digest.as_str(),
        origin = match &yours.origin {
            // The inspector's copy bundled into medsec: named as such, not by an internal path.
            crate::checklist::Origin::Bundled(_) => {
                tr!(
                    lang,
                    "own-origin-bundled",
                    checklist = yours.checklist.full_id()
                )
            }
            // A file name is a code span, as every path in a message.
            crate::checklist::Origin::File(_) => format!("`{}`", yours.origin.describe()),
        },
        yours = yours.digest.as_str(),
        diff = diff
    );
    b.push(
        "checklist-not-inspectors",
        Class::Integrity,
        Some(name),
        message,
    );
}
