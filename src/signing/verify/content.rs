//! Content: what a trusted report says, checked again: the fiscal year, the vendor forms and
//! the re-run of the inspection's rules. Reached only when integrity and trust hold.

use super::{Bundle, Checked, Class, Finding, Options};
use crate::report::recheck::{Recheck, RecheckError};
use crate::report::{self, Report};

pub(super) fn check(b: &mut Bundle<'_>, report: &Report, checked: &Checked, opts: &Options<'_>) {
    let name = report::FILE_NAME;
    let current = crate::dates::fiscal_year_of(opts.today);
    if report.fiscal_year != current {
        let (fy, wareki, now) = (
            report.fiscal_year,
            crate::dates::wareki_fiscal_year(report.fiscal_year),
            crate::dates::wareki_fiscal_year(current),
        );
        let message = b.say(
            format!("the report is for FY{fy} ({wareki}), the current fiscal year is FY{current} ({now})"),
            format!("報告書は{wareki}（FY{fy}）のもので、今年度は{now}（FY{current}）です"),
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
    match crate::report::recheck::recheck(report, opts.catalog, opts.lang) {
        Ok(rerun) => push_rerun(b, report, &rerun),
        Err(RecheckError::UnknownChecklist {
            file,
            checklist,
            digest,
        }) => {
            let message = b.say(
                format!("{file}: checklist {checklist} with digest {digest} is not known; give its file with --checklist PATH"),
                format!("{file}: ダイジェスト {digest} のチェックリスト {checklist} は不明です。--checklist PATH でそのファイルを指定してください"),
            );
            b.push("checklist-unknown", Class::Integrity, Some(name), message);
            b.content_untrusted();
        }
        Err(RecheckError::BadTime(reason)) => {
            let message = b.say(
                format!("generated_at is not an RFC 3339 time: {reason}"),
                format!("generated_at が RFC 3339 の時刻ではありません: {reason}"),
            );
            b.push("report-unreadable", Class::Unusable, Some(name), message);
            push_recorded(b, &report.findings);
        }
    }
}

/// Findings as the report records them (when the inspection cannot be re-run).
fn push_recorded(b: &mut Bundle<'_>, findings: &[report::Finding]) {
    for f in findings {
        b.findings.push(Finding {
            code: f.code.clone(),
            class: if f.severity == "error" {
                Class::Finding
            } else {
                Class::Note
            },
            file: Some(report::FILE_NAME.to_owned()),
            item: f.item.clone(),
            message: f.message.clone(),
        });
    }
}

/// The re-run's findings, the warnings only the report knows, and every disagreement.
fn push_rerun(b: &mut Bundle<'_>, report: &Report, rerun: &Recheck) {
    let warnings = report.findings.iter().filter(|f| {
        f.severity != "error"
            && !rerun
                .findings
                .iter()
                .any(|r| r.code == f.code && r.item == f.item && r.file == f.file)
    });
    for f in rerun.findings.iter().chain(warnings) {
        b.findings.push(Finding {
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
            message: f.message.clone(),
        });
    }
    let describe = |f: &report::Finding| {
        format!(
            "{}{}{}",
            f.code,
            f.item
                .as_ref()
                .map(|i| format!(" on `{i}`"))
                .unwrap_or_default(),
            f.file
                .as_ref()
                .map(|i| format!(" in {i}"))
                .unwrap_or_default()
        )
    };
    // Recorded but not found again, then found again but not recorded: one finding each.
    let recorded = rerun.only_recorded.iter().map(|f| (f, true));
    let found = rerun.only_rerun.iter().map(|f| (f, false));
    for (f, only_recorded) in recorded.chain(found) {
        let what = describe(f);
        let message = if only_recorded {
            b.say(
                format!(
                    "report.json records {what}, which checking its answers again does not find"
                ),
                format!(
                    "report.json は {what} を記録していますが、回答を確認し直すと見つかりません"
                ),
            )
        } else {
            b.say(
                format!("checking the answers again finds {what}, which report.json does not record"),
                format!("回答を確認し直すと {what} が見つかりますが、report.json には記録されていません"),
            )
        };
        b.findings.push(Finding {
            code: "findings-disagree".into(),
            class: Class::Finding,
            file: Some(report::FILE_NAME.to_owned()),
            item: f.item.clone(),
            message,
        });
    }
}
