//! Output of `sign` and `verify`: a table an inspector reads at a glance, and JSON.

use super::text::escape_controls as esc;
use super::text::shell_word;
use crate::checklist::Lang;
use crate::exit::Exit;
use crate::report::NoProbeEvidence;
use crate::signing::sign::Signed;
use crate::signing::verify::{BundleResult, Class};
use crate::tr;
use serde::Serialize;
use std::path::Path;

/// The version of `verify --format json` output.
pub const VERIFY_JSON_VERSION: u32 = 1;

/// What `sign` says when it is done. `public` is the public key file of the key that signed
/// (`NAME.pub` beside `NAME.key`, or the one `check` wrote), named in the line that checks the
/// bundle with the stock tools; `KEY.pub` stands for it when medsec knows of none.
pub fn signed(dir: &Path, s: &Signed, public: Option<&Path>, lang: Lang) -> String {
    let dir = dir.display().to_string();
    let dir = esc(&dir);
    let check = bundle_check_command(&dir, &public_key_text(public), cfg!(windows));
    lines(&[
        tr!(
            lang,
            "signing-signed-bundle",
            dir = dir.as_ref().to_owned(),
            files = s.files,
            key = esc(&s.key_id).into_owned()
        ),
        signature_record(&s.trusted_comment, lang),
        tr!(lang, "signing-check-with", command = check),
    ])
}

/// What the signature records (its trusted comment), field by field for a person: the signed
/// time in the reader's form, the institution code or vendor, the checklist and the report's
/// SHA-256. A comment medsec did not write is shown as it is (`minisign -V` prints it too).
fn signature_record(comment: &str, lang: Lang) -> String {
    use crate::signing::comment::{parse, parse_vendor, Parsed, VendorParsed};
    let time = comment
        .split('\t')
        .find_map(|f| f.strip_prefix("timestamp:"))
        .and_then(|t| t.parse::<i64>().ok())
        .and_then(|t| jiff::Timestamp::from_second(t).ok())
        .map(|t| crate::dates::time_for_people(t, lang));
    let code = |v: &str| format!("`{}`", esc(v));
    let fields: Vec<(String, String)> = match (parse(comment), parse_vendor(comment)) {
        (Parsed::Medsec { claims, .. }, _) => vec![
            (
                tr!(lang, "signing-record-institution"),
                esc(&claims.institution).into_owned(),
            ),
            (
                tr!(lang, "signing-record-checklist"),
                code(&claims.checklist),
            ),
            (
                tr!(lang, "signing-record-report"),
                esc(&claims.report_sha256).into_owned(),
            ),
        ],
        (_, VendorParsed::Medsec { vendor, checklist }) => vec![
            (
                tr!(lang, "signing-record-vendor"),
                esc(&vendor).into_owned(),
            ),
            (tr!(lang, "signing-record-checklist"), code(&checklist)),
        ],
        _ => {
            return tr!(
                lang,
                "signing-trusted-comment",
                comment = trusted_comment(comment)
            )
        }
    };
    let mut out = tr!(lang, "signing-record-heading");
    for (label, value) in time
        .map(|t| (tr!(lang, "signing-record-time"), t))
        .into_iter()
        .chain(fields)
    {
        out.push_str(&format!("\n  {label}: {value}"));
    }
    out
}

/// The public key file as the check line names it, controls escaped (quoted by the caller).
fn public_key_text(public: Option<&Path>) -> String {
    public.map_or_else(
        || "KEY.pub".to_owned(),
        |p| esc(&p.display().to_string()).into_owned(),
    )
}

/// The line that checks a signed bundle with the stock tools, for the user's shell: a POSIX
/// shell on Unix; PowerShell on Windows, which has no `sha256sum` (its `Get-FileHash` reads
/// the manifest's `/` names; 5.1 has no `&&`; the manifest is UTF-8 without BOM, which 5.1
/// reads as the ANSI code page unless told). Paths are quoted as the shell needs them
/// ([`shell_word`]).
fn bundle_check_command(dir: &str, public: &str, powershell: bool) -> String {
    let public = shell_word(public, powershell);
    if powershell {
        let dir = dir.replace('\'', "''");
        format!(
            "minisign -Vm '{dir}\\MANIFEST.sha256' -p {public}; if ($LASTEXITCODE -eq 0) {{ \
             Get-Content -Encoding UTF8 '{dir}\\MANIFEST.sha256' | ForEach-Object {{ \
             $h, $f = $_ -split '  ', 2; \
             $ok = (Get-FileHash -Algorithm SHA256 -LiteralPath (Join-Path '{dir}' $f)).Hash -eq $h; \
             \"${{f}}: $(if ($ok) {{ 'OK' }} else {{ 'FAILED' }})\" }} }}"
        )
    } else {
        let manifest = format!("{dir}/MANIFEST.sha256");
        format!(
            "minisign -Vm {} -p {public} && (cd {} && sha256sum -c MANIFEST.sha256)",
            shell_word(&manifest, false),
            shell_word(dir, false)
        )
    }
}

/// What `sign --form` says when it is done; `public` as for [`signed`].
pub fn form_signed(
    form: &Path,
    s: &crate::signing::vendor::SignedForm,
    public: Option<&Path>,
    lang: Lang,
) -> String {
    let form = form.display().to_string();
    let form = esc(&form);
    let check = format!(
        "minisign -Vm {} -p {}",
        shell_word(&form, cfg!(windows)),
        shell_word(&public_key_text(public), cfg!(windows))
    );
    lines(&[
        tr!(
            lang,
            "signing-signed-form",
            form = form.as_ref().to_owned(),
            key = esc(&s.key_id).into_owned(),
            signature = esc(&s.signature.display().to_string()).into_owned()
        ),
        signature_record(&s.trusted_comment, lang),
        tr!(lang, "signing-check-with", command = check),
    ])
}

/// Lines, each ended by a newline.
fn lines(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// The trusted comment as minisign writes it: its fields apart by tabs, each field escaped.
fn trusted_comment(comment: &str) -> String {
    comment.split('\t').map(esc).collect::<Vec<_>>().join("\t")
}

/// What `report` says when the bundle is written; `global` is the run's global flags, which
/// the commands it suggests repeat.
pub fn report_written(
    dir: &Path,
    report: &crate::report::Report,
    attached: usize,
    signature: Option<&Signed>,
    public: Option<&Path>,
    global: &str,
    lang: Lang,
) -> String {
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == "error")
        .count();
    let warnings = report.findings.len() - errors;
    // Not recorded, found from the report as verify and status find it (the same count).
    let lack = report.no_probe_evidence();
    let no_evidence = lack.is_some();
    let warnings_now: usize = warnings + usize::from(no_evidence);
    // The folder inside the commands people copy (`medsec status DIR`), quoted where needed.
    let dir_word = shell_word(&esc(&dir.display().to_string()), cfg!(windows)).into_owned();
    let mut out = lines(&[
        tr!(
            lang,
            "report-written",
            dir = esc(&dir.display().to_string()).into_owned(),
            code = esc(&report.institution.code).into_owned(),
            name = esc(&report.institution.name).into_owned(),
            checklist = esc(&report.checklist.full_id()).into_owned(),
            fy = crate::signing::fiscal_year_text(lang, report.fiscal_year),
            vendors = report.vendor_forms.len(),
            attached = attached
        ),
        if (errors > 0 || warnings > 0) && no_evidence {
            tr!(
                lang,
                "report-evidence-findings-recorded",
                dir = dir_word.clone(),
                errors = errors,
                warnings = warnings_now,
                recorded = report.findings.len()
            )
        } else if errors > 0 || warnings > 0 {
            tr!(
                lang,
                "report-findings-recorded",
                dir = dir_word.clone(),
                errors = errors,
                warnings = warnings
            )
        } else {
            tr!(
                lang,
                "report-findings",
                errors = errors,
                warnings = usize::from(no_evidence)
            )
        },
    ]);
    match lack {
        Some(NoProbeEvidence::NotAttached) => {
            out.push_str(&lines(&[tr!(lang, "report-evidence-none")]));
        }
        Some(NoProbeEvidence::Empty) => {
            out.push_str(&lines(&[tr!(lang, "report-evidence-empty")]));
        }
        Some(NoProbeEvidence::NoItemCovered) => {
            out.push_str(&lines(&[tr!(lang, "report-evidence-no-item")]));
        }
        None => {}
    }
    match signature {
        Some(s) => out.push_str(&signed(dir, s, public, lang)),
        None => {
            // The run's global flags (`--checklist`, `--lang`), so that the command reads the
            // same checklist.
            let mut command = format!("medsec sign {dir_word} --key KEY");
            if !global.is_empty() {
                command = format!("{command} {global}");
            }
            out.push_str(&lines(&[tr!(lang, "report-not-signed", command = command)]));
        }
    }
    out
}

fn verdict(exit: Exit, lang: Lang) -> String {
    match exit {
        Exit::Ok => tr!(lang, "verify-verdict-valid"),
        Exit::Findings => tr!(lang, "verify-verdict-findings"),
        Exit::Unusable => tr!(lang, "verify-verdict-unusable"),
        Exit::Integrity => tr!(lang, "verify-verdict-invalid"),
    }
}

fn class_name(class: Class, lang: Lang) -> String {
    match class {
        Class::Integrity => tr!(lang, "verify-class-invalid"),
        Class::Unusable => tr!(lang, "verify-class-unusable"),
        Class::Finding => tr!(lang, "verify-class-finding"),
        Class::Note => tr!(lang, "verify-class-note"),
        Class::Warning => tr!(lang, "verify-class-warning"),
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

/// A finding's class word, coloured by what it asks of the reader, not by the exit code: a
/// warning (exit 0) is yellow like a finding, never green like a clean pass; a note is cyan.
fn paint_class(class: Class, lang: Lang, color: bool) -> String {
    let text = class_name(class, lang);
    let code = match class {
        Class::Note => "1;36",
        Class::Warning | Class::Finding => "1;33",
        Class::Unusable | Class::Integrity => "1;31",
    };
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text
    }
}

/// One row per bundle, then every finding, then a summary line.
pub fn verify_table(results: &[BundleResult], lang: Lang, color: bool) -> String {
    let header: Vec<String> = vec![
        tr!(lang, "verify-col-bundle"),
        tr!(lang, "verify-col-result"),
        tr!(lang, "verify-col-institution"),
        tr!(lang, "verify-col-fiscal-year"),
        tr!(lang, "verify-col-checklist"),
        tr!(lang, "verify-col-key"),
        tr!(lang, "verify-col-signed"),
    ];
    let mut table = super::table(header.iter().map(String::as_str).collect());
    for r in results {
        let exit = r.exit();
        table.add_row(vec![
            esc(&r.path).into_owned(),
            paint(&verdict(exit, lang), exit, color),
            r.institution.as_ref().map_or_else(String::new, |i| {
                format!("{} {}", esc(&i.code), esc(&i.name))
            }),
            // Short in the table: 令和7年度 or FY2025 (the findings say both in Japanese).
            r.fiscal_year.map_or_else(String::new, |y| {
                tr!(
                    lang,
                    "verify-table-fiscal-year",
                    wareki = crate::dates::wareki_fiscal_year(y),
                    year = y
                )
            }),
            r.checklist
                .as_deref()
                .map_or_else(String::new, |c| esc(c).into_owned()),
            r.signature
                .as_ref()
                .map_or_else(String::new, |s| esc(&s.key_id).into_owned()),
            // The time a signature that did not verify claims, or of files changed since, is
            // not this bundle's: marked as summarize marks it.
            r.signature
                .as_ref()
                .and_then(|s| s.signed_at.as_deref())
                .map_or_else(String::new, |t| {
                    let time = esc(&crate::dates::iso_for_people(t, lang)).into_owned();
                    if r.signed_at_trusted() {
                        time
                    } else {
                        format!("{time}{}", tr!(lang, "summarize-unverified"))
                    }
                }),
        ]);
    }
    let mut out = table.to_string();
    out.push('\n');
    // An own checklist is named with its digest beside the MHLW edition it extends, always.
    for r in results {
        if let Some(e) = &r.extends {
            let line = tr!(
                lang,
                "verify-extends-line",
                checklist = esc(&e.checklist).into_owned(),
                digest = esc(&e.digest).into_owned(),
                base = esc(&e.base.full_id()).into_owned(),
                base_digest = esc(&e.base.digest).into_owned()
            );
            out.push_str(&super::prose::for_stdout(&format!(
                "{}: {line}",
                esc(&r.path)
            )));
            out.push('\n');
        }
    }
    for r in results {
        // Bundles that could not be read: problems, for standard error (verify_problems).
        for f in r.findings.iter().filter(|f| f.class != Class::Unusable) {
            let path = esc(&r.path);
            let item = f.item_label.as_deref().or(f.item.as_deref());
            let place = match (&f.file, item) {
                (Some(file), Some(item)) => format!("{path}/{} [{}]", esc(file), esc(item)),
                (Some(file), None) => format!("{path}/{}", esc(file)),
                (None, _) => path.into_owned(),
            };
            out.push_str(&super::prose::for_stdout(&format!(
                "{place}: {}[{}]: {}",
                paint_class(f.class, lang, color),
                esc(&f.code),
                esc(&f.message)
            )));
            out.push('\n');
        }
    }
    let count = |e: Exit| results.iter().filter(|r| r.exit() == e).count();
    out.push_str(&tr!(
        lang,
        "verify-summary",
        count = results.len(),
        valid = count(Exit::Ok),
        findings = count(Exit::Findings),
        invalid = count(Exit::Integrity),
        unusable = count(Exit::Unusable)
    ));
    out.push('\n');
    out
}

/// What stopped verify from checking a bundle (an unreadable folder or file, a file over the
/// size limit), one line each, for standard error: `DIR/file: unusable[code]: message`.
pub fn verify_problems(results: &[BundleResult], lang: Lang) -> Vec<String> {
    results
        .iter()
        .flat_map(|r| {
            r.findings
                .iter()
                .filter(|f| f.class == Class::Unusable)
                .map(move |f| {
                    let place = match &f.file {
                        Some(file) => format!("{}/{}", esc(&r.path), esc(file)),
                        None => esc(&r.path).into_owned(),
                    };
                    format!(
                        "{place}: {}[{}]: {}",
                        class_name(f.class, lang),
                        esc(&f.code),
                        esc(&f.message)
                    )
                })
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::bundle_check_command;

    #[test]
    fn the_check_hint_is_a_posix_shell_line_on_unix() {
        assert_eq!(
            bundle_check_command("out/bundle", "KEY.pub", false),
            "minisign -Vm out/bundle/MANIFEST.sha256 -p KEY.pub && (cd out/bundle && sha256sum -c MANIFEST.sha256)"
        );
        // Paths with spaces (or a quote) are quoted; Japanese is left as it is.
        assert_eq!(
            bundle_check_command("令和7年度/報告 書", "鍵/さくら医院.pub", false),
            "minisign -Vm '令和7年度/報告 書/MANIFEST.sha256' -p 鍵/さくら医院.pub && (cd '令和7年度/報告 書' && sha256sum -c MANIFEST.sha256)"
        );
        assert_eq!(
            bundle_check_command("b", "my keys/o'brien.pub", false),
            "minisign -Vm b/MANIFEST.sha256 -p 'my keys/o'\\''brien.pub' && (cd b && sha256sum -c MANIFEST.sha256)"
        );
    }

    #[test]
    fn the_check_hint_is_a_powershell_line_on_windows() {
        assert_eq!(
            bundle_check_command(r"C:\medsec\2025 bundle", r"C:\medsec\keys\clinic.pub", true),
            r#"minisign -Vm 'C:\medsec\2025 bundle\MANIFEST.sha256' -p C:\medsec\keys\clinic.pub; if ($LASTEXITCODE -eq 0) { Get-Content -Encoding UTF8 'C:\medsec\2025 bundle\MANIFEST.sha256' | ForEach-Object { $h, $f = $_ -split '  ', 2; $ok = (Get-FileHash -Algorithm SHA256 -LiteralPath (Join-Path 'C:\medsec\2025 bundle' $f)).Hash -eq $h; "${f}: $(if ($ok) { 'OK' } else { 'FAILED' })" } }"#
        );
        // A quote in the folder's name is doubled inside PowerShell's single quotes.
        assert!(bundle_check_command(r"C:\o'brien", "KEY.pub", true)
            .contains(r"(Join-Path 'C:\o''brien' $f)"));
        // A key path with a space is quoted as PowerShell reads it.
        assert!(bundle_check_command("b", r"C:\my keys\a.pub", true)
            .contains(r"-p 'C:\my keys\a.pub';"));
    }

    #[test]
    fn the_hint_follows_the_platform() {
        let line = bundle_check_command("b", "KEY.pub", cfg!(windows));
        assert_eq!(line.contains("sha256sum"), !cfg!(windows));
        assert_eq!(line.contains("Get-FileHash"), cfg!(windows));
    }
}
