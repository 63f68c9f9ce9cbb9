//! `medsec status` for people (tables) and scripts (JSON).

use super::text::escape_controls as esc;
use crate::answers::rules::{FormStatus, Inspection, Role};
use crate::checklist::Lang;
use crate::dates::wareki_fiscal_year;
use crate::diagnostic::{Diagnostic, Severity};
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
    super::json(&StatusJson {
        complete: inspection.complete && unusable.is_empty(),
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
    let ja = lang == Lang::Ja;
    let mut out = String::new();
    for form in &inspection.forms {
        let c = &form.checklist;
        let fy = if ja {
            wareki_fiscal_year(c.fiscal_year)
        } else {
            format!("FY{}", c.fiscal_year)
        };
        out.push_str(&format!(
            "{} — {}@{} ({}, {fy})\n",
            esc(&form.file),
            esc(&c.id),
            esc(&c.edition),
            c.form.label(lang)
        ));
        match form.role {
            Role::Institution => {
                if let Some(i) = &form.institution {
                    let name = esc(i.name.as_deref().unwrap_or("?"));
                    let code = esc(i.code.as_deref().unwrap_or("-"));
                    out.push_str(&if ja {
                        format!("  医療機関: {name}(医療機関コード {code})\n")
                    } else {
                        format!("  institution: {name} (code {code})\n")
                    });
                }
            }
            Role::Vendor => {
                if let Some(v) = &form.vendor {
                    let name = esc(v.name.as_deref().unwrap_or("?"));
                    let system = esc(v.system.as_deref().unwrap_or("-"));
                    out.push_str(&if ja {
                        format!("  事業者: {name}(システム: {system})\n")
                    } else {
                        format!("  vendor: {name} (system: {system})\n")
                    });
                }
            }
        }
        let header = if ja {
            vec!["節", "回", "必須", "回答済", "はい", "いいえ", "対象外"]
        } else {
            vec![
                "Section", "Round", "Required", "Answered", "Yes", "No", "N/A",
            ]
        };
        let mut t = super::table(header);
        for p in &form.progress {
            t.add_row(vec![
                format!("{} {}", esc(&p.section), esc(p.title.get(lang))),
                if ja {
                    format!("{}回目", p.round)
                } else {
                    p.round.to_string()
                },
                p.required.to_string(),
                format!("{}/{}", p.answered, p.items),
                p.yes.to_string(),
                p.no.to_string(),
                p.not_applicable.to_string(),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        if !form.open_items.is_empty() {
            out.push_str(if ja {
                "いいえの項目と目標日:\n"
            } else {
                "Items answered no, with target dates:\n"
            });
            let header = if ja {
                vec!["番号", "回", "項目", "目標日"]
            } else {
                vec!["Number", "Round", "Item", "Target date"]
            };
            let mut t = super::table(header);
            for o in &form.open_items {
                t.add_row(vec![
                    esc(&o.number).into_owned(),
                    o.round.to_string(),
                    esc(o.text.get(lang)).into_owned(),
                    o.target_date
                        .map_or_else(|| "-".to_owned(), |d| date(d, lang)),
                ]);
            }
            out.push_str(&t.to_string());
            out.push('\n');
        }
        for f in &form.findings {
            out.push_str(&line(&f.diagnostic, color));
        }
        out.push('\n');
    }
    for f in &inspection.findings {
        out.push_str(&line(&f.diagnostic, color));
    }
    for d in unusable {
        out.push_str(&line(d, color));
    }
    let errors = inspection
        .all_findings()
        .filter(|f| f.severity() == Severity::Error)
        .count();
    let warnings = inspection.all_findings().count() - errors;
    let summary = if !unusable.is_empty() {
        if ja {
            format!("使用できないファイルがあります({}件)。\n", unusable.len())
        } else {
            format!(
                "unusable input: {} problem{}\n",
                unusable.len(),
                if unusable.len() == 1 { "" } else { "s" }
            )
        }
    } else if inspection.complete {
        if ja {
            format!("記入完了(警告 {warnings}件)。\n")
        } else {
            format!(
                "complete ({warnings} warning{})\n",
                if warnings == 1 { "" } else { "s" }
            )
        }
    } else if ja {
        format!("未完了: エラー {errors}件、警告 {warnings}件。\n")
    } else {
        format!(
            "incomplete: {errors} error{}, {warnings} warning{}\n",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        )
    };
    out.push_str(&summary);
    out
}

fn line(d: &Diagnostic, color: bool) -> String {
    let sev = match (d.severity, color) {
        (Severity::Error, true) => "\x1b[1;31merror\x1b[0m".to_owned(),
        (Severity::Warning, true) => "\x1b[1;33mwarning\x1b[0m".to_owned(),
        (s, false) => s.to_string(),
    };
    format!(
        "{}: {sev}[{}]: {}\n",
        esc(&d.location.to_string()),
        d.code,
        esc(&d.message)
    )
}
