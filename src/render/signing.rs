//! Output of `sign` and `verify`: a table an inspector reads at a glance, and JSON.

use super::text::escape_controls as esc;
use crate::checklist::Lang;
use crate::exit::Exit;
use crate::signing::sign::Signed;
use crate::signing::verify::{BundleResult, Class};
use serde::Serialize;
use std::path::Path;

/// The version of `verify --format json` output.
pub const VERIFY_JSON_VERSION: u32 = 1;

/// What `sign` says when it is done.
pub fn signed(dir: &Path, s: &Signed) -> String {
    let dir = dir.display().to_string();
    let dir = esc(&dir);
    format!(
        "signed {}: {} file{} with key {}\ntrusted comment: {}\ncheck with: minisign -Vm {}/MANIFEST.sha256 -p KEY.pub && (cd {} && sha256sum -c MANIFEST.sha256)\n",
        dir,
        s.files,
        if s.files == 1 { "" } else { "s" },
        esc(&s.key_id),
        trusted_comment(&s.trusted_comment),
        dir,
        dir
    )
}

/// What `sign --form` says when it is done.
pub fn form_signed(form: &Path, s: &crate::signing::vendor::SignedForm) -> String {
    let form = form.display().to_string();
    let form = esc(&form);
    format!(
        "signed {} with key {}: wrote {}\ntrusted comment: {}\ncheck with: minisign -Vm {} -p KEY.pub\n",
        form,
        esc(&s.key_id),
        esc(&s.signature.display().to_string()),
        trusted_comment(&s.trusted_comment),
        form
    )
}

/// The trusted comment as minisign writes it: its fields apart by tabs, each field escaped.
fn trusted_comment(comment: &str) -> String {
    comment.split('\t').map(esc).collect::<Vec<_>>().join("\t")
}

/// What `report` says when the bundle is written.
pub fn report_written(
    dir: &Path,
    report: &crate::report::Report,
    attached: usize,
    signature: Option<&Signed>,
) -> String {
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == "error")
        .count();
    let warnings = report.findings.len() - errors;
    let mut out = format!(
        "wrote {}: {} {} ({}), {}, {} vendor form{}, {} attached file{}\n",
        esc(&dir.display().to_string()),
        esc(&report.institution.code),
        esc(&report.institution.name),
        esc(&report.checklist.full_id()),
        crate::dates::wareki_fiscal_year(report.fiscal_year),
        report.vendor_forms.len(),
        if report.vendor_forms.len() == 1 {
            ""
        } else {
            "s"
        },
        attached,
        if attached == 1 { "" } else { "s" },
    );
    out.push_str(&format!(
        "findings: {errors} error{}, {warnings} warning{}{}\n",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
        if errors > 0 {
            " (the report records them; see `medsec status`)"
        } else {
            ""
        }
    ));
    match signature {
        Some(s) => out.push_str(&signed(dir, s)),
        None => out.push_str("not signed; sign it with `medsec sign DIR --key KEY`\n"),
    }
    out
}

fn verdict(exit: Exit, lang: Lang) -> &'static str {
    match (exit, lang) {
        (Exit::Ok, Lang::En) => "VALID",
        (Exit::Findings, Lang::En) => "FINDINGS",
        (Exit::Unusable, Lang::En) => "UNUSABLE",
        (Exit::Integrity, Lang::En) => "INVALID",
        (Exit::Ok, Lang::Ja) => "有効",
        (Exit::Findings, Lang::Ja) => "要確認",
        (Exit::Unusable, Lang::Ja) => "確認不能",
        (Exit::Integrity, Lang::Ja) => "無効",
    }
}

fn paint(text: &str, exit: Exit, color: bool) -> String {
    if !color {
        return text.to_owned();
    }
    let code = match exit {
        Exit::Ok => "1;32",
        Exit::Findings => "1;33",
        Exit::Unusable | Exit::Integrity => "1;31",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// One row per bundle, then every finding, then a summary line.
pub fn verify_table(results: &[BundleResult], lang: Lang, color: bool) -> String {
    let header = match lang {
        Lang::En => vec![
            "Bundle",
            "Result",
            "Institution",
            "FY",
            "Checklist",
            "Key",
            "Signed",
        ],
        Lang::Ja => vec![
            "報告書",
            "結果",
            "医療機関",
            "年度",
            "チェックリスト",
            "鍵",
            "署名日時",
        ],
    };
    let mut table = super::table(header);
    for r in results {
        let exit = r.exit();
        table.add_row(vec![
            esc(&r.path).into_owned(),
            paint(verdict(exit, lang), exit, color),
            r.institution.as_ref().map_or_else(String::new, |i| {
                format!("{} {}", esc(&i.code), esc(&i.name))
            }),
            r.fiscal_year.map_or_else(String::new, |y| match lang {
                Lang::En => format!("FY{y}"),
                Lang::Ja => crate::dates::wareki_fiscal_year(y),
            }),
            r.checklist
                .as_deref()
                .map_or_else(String::new, |c| esc(c).into_owned()),
            r.signature
                .as_ref()
                .map_or_else(String::new, |s| esc(&s.key_id).into_owned()),
            r.signature
                .as_ref()
                .and_then(|s| s.signed_at.as_deref())
                .map_or_else(String::new, |t| {
                    esc(t.get(..16).unwrap_or(t)).replace('T', " ")
                }),
        ]);
    }
    let mut out = table.to_string();
    out.push('\n');
    for r in results {
        for f in &r.findings {
            let sev = match (f.class, lang) {
                (Class::Integrity, Lang::En) => "invalid",
                (Class::Unusable, Lang::En) => "unusable",
                (Class::Finding, Lang::En) => "finding",
                (Class::Note, Lang::En) => "note",
                (Class::Integrity, Lang::Ja) => "無効",
                (Class::Unusable, Lang::Ja) => "確認不能",
                (Class::Finding, Lang::Ja) => "要確認",
                (Class::Note, Lang::Ja) => "注記",
            };
            let path = esc(&r.path);
            let place = match (&f.file, &f.item) {
                (Some(file), Some(item)) => format!("{path}/{} [{}]", esc(file), esc(item)),
                (Some(file), None) => format!("{path}/{}", esc(file)),
                (None, _) => path.into_owned(),
            };
            out.push_str(&format!(
                "{place}: {}[{}]: {}\n",
                paint(sev, f.class.exit(), color),
                esc(&f.code),
                esc(&f.message)
            ));
        }
    }
    let count = |e: Exit| results.iter().filter(|r| r.exit() == e).count();
    out.push_str(&match lang {
        Lang::En => format!(
            "{} bundle{}: {} valid, {} with findings, {} invalid, {} unusable\n",
            results.len(),
            if results.len() == 1 { "" } else { "s" },
            count(Exit::Ok),
            count(Exit::Findings),
            count(Exit::Integrity),
            count(Exit::Unusable)
        ),
        Lang::Ja => format!(
            "{}件: 有効 {}、要確認 {}、無効 {}、確認不能 {}\n",
            results.len(),
            count(Exit::Ok),
            count(Exit::Findings),
            count(Exit::Integrity),
            count(Exit::Unusable)
        ),
    });
    out
}

#[derive(Serialize)]
struct VerifyJson<'a> {
    format_version: u32,
    exit_code: u8,
    bundles: &'a [BundleResult],
}

/// `{"format_version": 1, "exit_code": N, "bundles": [...]}`.
pub fn verify_json(results: &[BundleResult], exit: Exit) -> String {
    super::json(&VerifyJson {
        format_version: VERIFY_JSON_VERSION,
        exit_code: exit.code(),
        bundles: results,
    })
}
