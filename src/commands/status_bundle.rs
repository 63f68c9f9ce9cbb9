//! `medsec status BUNDLE|report.json`: the status table of the answers a report carries, as
//! for an answers file, and the findings the report records that status alone never shows
//! (answer/probe contradictions, a report made without probe evidence).
//!
//! A bundle folder is read through verify's integrity check (the files against the signed
//! manifest; no key is needed to read the status): a tampered bundle shows nothing (exit 3).
//! The rules are checked as on the day the report was made, unless `--as-of` is given.

use super::{Context, Outcome};
use crate::answers::{self, rules, FileFormat};
use crate::cli::status::{StatusArgs, StatusFormat};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::exit::Exit;
use crate::report::{self, Report};
use crate::signing::manifest::{self, Manifest};
use crate::signing::trusted::TrustedKeys;
use crate::signing::verify::{self, Class};
use crate::signing::MANIFEST;
use crate::tr;
use std::path::{Path, PathBuf};

/// Whether `status` was given bundles or report.json files (every path a folder or `.json`).
pub(super) fn is_report_input(files: &[PathBuf]) -> bool {
    !files.is_empty()
        && files.iter().all(|p| {
            p.is_dir()
                || p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
}

pub(super) fn run(args: &StatusArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let catalog = super::init::catalog(ctx)?;
    let lang = ctx.lang;
    let mut stdout = String::new();
    let mut notices = Vec::new();
    let mut exit = Exit::Ok;
    let mut counts = Counts {
        errors: 0,
        warnings: 0,
        complete: true,
    };
    for path in &args.files {
        // A report.json with the signed manifest beside it is read as its bundle (the same
        // integrity check, the same carried checklists); a lone one is shown, said unverified.
        let bundle_dir = bundle_of(path);
        let report_path = if path.is_dir() {
            path.join(report::FILE_NAME)
        } else {
            path.clone()
        };
        // A folder with neither report.json nor a manifest is no bundle at all (an empty or
        // wrong folder): a usage problem (2), not a failed integrity check (3).
        if path.is_dir() && !path.join(report::FILE_NAME).exists() && !path.join(MANIFEST).exists()
        {
            exit = exit.max(Exit::Unusable);
            // A problem that stops this folder: said as an error, as every command says one.
            let message = not_a_bundle(path, lang);
            notices.push(tr!(
                lang,
                "cli-error",
                message = crate::i18n::end_sentence(lang, &message)
            ));
            continue;
        }
        let bytes = if let Some(dir) = bundle_dir {
            match read_checked(dir, lang) {
                Ok((bytes, unsigned)) => {
                    // status takes no key: the files matched the manifest, but who signed it
                    // is for `medsec verify` with the key, given the bundle folder.
                    let bundle = crate::render::command_word(&dir.display().to_string());
                    let path = path.display().to_string();
                    notices.push(if unsigned {
                        tr!(lang, "inspector-status-unsigned", path = path.as_str())
                    } else {
                        tr!(
                            lang,
                            "inspector-status-signature-not-checked",
                            path = path,
                            bundle = bundle
                        )
                    });
                    bytes
                }
                Err((worst, findings)) => {
                    exit = exit.max(worst);
                    // Only the files are checked here: what could not be read is said so,
                    // not called a failed integrity check.
                    let message = if worst == Exit::Unusable {
                        tr!(
                            lang,
                            "verify-status-refused-unreadable",
                            path = path.display().to_string()
                        )
                    } else {
                        tr!(
                            lang,
                            "verify-status-refused",
                            path = path.display().to_string()
                        )
                    };
                    notices.push(tr!(
                        lang,
                        "cli-error",
                        message = crate::i18n::end_sentence(lang, &message)
                    ));
                    notices.extend(findings.iter().map(|f| {
                        let file = f.file.as_deref().unwrap_or_default();
                        crate::render::escape_controls(&format!(
                            "  {} {file}: {}",
                            f.code, f.message
                        ))
                        .into_owned()
                    }));
                    continue;
                }
            }
        } else {
            notices.push(tr!(
                lang,
                "inspector-report-not-verified",
                path = path.display().to_string()
            ));
            crate::limits::read_io(path, crate::limits::InputKind::Report).map_err(|e| {
                anyhow::Error::msg(crate::signing::SigningError::io(path)(e).localize(lang))
            })?
        };
        let report = Report::parse(&report_path, &bytes)
            .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
        let as_of = match &args.as_of {
            Some(_) => ctx.as_of(args.as_of.as_deref())?,
            None => report.judged_on().unwrap_or(ctx.today),
        };
        let mut unusable = Vec::new();
        let mut opened = Vec::new();
        // A checklist the bundle carries (checked against the manifest above, or, beside a lone
        // report.json, by its digest alone) joins ours.
        let mut catalog = catalog.clone();
        let carried_in = bundle_dir.or_else(|| report_path.parent());
        add_carried(&mut catalog, &report, carried_in);
        // JSON holds the same bytes whatever `--lang` (its messages in English); standard
        // error speaks the reader's language.
        let data_lang = match args.format {
            StatusFormat::Json => crate::checklist::Lang::En,
            StatusFormat::Table => lang,
        };
        unusable.extend(unknown_checklists(
            &report,
            &catalog,
            &report_path,
            data_lang,
        ));
        for form in std::iter::once(&report.answers).chain(&report.vendor_forms) {
            let named_unknown = form
                .answers
                .checklist
                .digest
                .as_deref()
                .is_some_and(|d| d != form.checklist.digest && catalog.by_digest(d).is_none());
            if named_unknown {
                continue;
            }
            let Some(checklist) = catalog.by_digest(&form.checklist.digest) else {
                continue;
            };
            let file = PathBuf::from(&form.file);
            let loaded = answers::Loaded {
                format: FileFormat::of(&file).unwrap_or(FileFormat::Toml),
                path: file,
                source: String::new(),
                bom: false,
                set: form.answers.clone(),
                warnings: Vec::new(),
                lang: data_lang,
            };
            opened.push((loaded, checklist));
        }
        let mut inspection = super::status::inspect_opened(&opened, args, as_of, data_lang);
        // The rules look for evidence files beside the answers file, which a bundle does not
        // have: whether the bundle carries them is verify's `evidence-not-attached`.
        for form in &mut inspection.forms {
            form.findings.retain(|f| f.code() != "evidence-missing");
        }
        // The answers file is not in the bundle: each finding is placed at its answer in
        // report.json, or at report.json alone.
        let text = String::from_utf8_lossy(&bytes);
        place_in_report(&mut inspection, &report, &report_path, &text);
        let recorded = recorded_findings(&report, &report_path, &catalog, data_lang, &text);
        let computed = computed_findings(&report, &report_path, data_lang);
        let this = if !unusable.is_empty() {
            Exit::Unusable
        } else if !inspection.complete || recorded.iter().any(|d| d.severity == Severity::Error) {
            Exit::Findings
        } else {
            Exit::Ok
        };
        exit = exit.max(this);
        notices.extend(crate::render::diagnostics::problem_lines_as_made(
            &if data_lang == lang {
                unusable.clone()
            } else {
                unknown_checklists(&report, &catalog, &report_path, lang)
            },
            lang,
        ));
        // The count line of several bundles, as for several answers files.
        let all = inspection
            .all_findings()
            .map(|f| f.severity())
            .chain(recorded.iter().chain(&computed).map(|d| d.severity));
        for severity in all {
            if severity == Severity::Error {
                counts.errors += 1;
            } else {
                counts.warnings += 1;
            }
        }
        counts.complete &= inspection.complete && unusable.is_empty();
        // Each block is headed by the bundle's report.json as its findings are placed (the
        // answers file is not in the bundle), so two bundles of one answers file are told apart.
        if args.format == StatusFormat::Table {
            let answers_file = report.answers.file.clone();
            for form in &mut inspection.forms {
                if form.file == answers_file {
                    form.file = report_path.display().to_string();
                }
            }
        }
        let sha = manifest::sha256_bytes(&bytes);
        stdout.push_str(&match args.format {
            StatusFormat::Table => crate::render::status_bundle::table(
                &inspection,
                &unusable,
                &recorded,
                &computed,
                lang,
                ctx.color,
            ),
            StatusFormat::Json => crate::render::status_bundle::json(
                &inspection,
                &unusable,
                &recorded,
                &computed,
                &sha,
            ),
        });
    }
    if args.format == StatusFormat::Table && args.files.len() > 1 {
        let files = args.files.len();
        stdout.push('\n');
        let complete = counts.complete && exit != Exit::Unusable;
        stdout.push_str(&if complete && counts.errors > 0 {
            tr!(
                lang,
                "status-files-complete-with-findings",
                files = files,
                errors = counts.errors,
                warnings = counts.warnings
            )
        } else if complete {
            tr!(
                lang,
                "status-files-complete",
                files = files,
                warnings = counts.warnings
            )
        } else {
            tr!(
                lang,
                "status-files-incomplete",
                files = files,
                errors = counts.errors,
                warnings = counts.warnings
            )
        });
        stdout.push('\n');
    }
    let mut outcome = Outcome::text(stdout, exit);
    outcome.notices = notices;
    // No edition notice: it tells whoever fills in a form which edition to fill in, and an
    // inspector reading a bundle fills in nothing (the bundle's own edition is in its table).
    Ok(outcome)
}

/// Adds to `catalog` the checklists a bundle (or the folder of a lone report.json) carries for
/// the report's forms, each only when its digest is the one the report names. `status` and
/// `render` read an imported checklist from the bundle the same way. An own checklist is linked
/// to its base (bundled, or carried as `checklists/ID-EDITION.toml`, first) as `report` linked
/// it, so the base's items are shown with the own ones.
pub(super) fn add_carried(
    catalog: &mut crate::checklist::Catalog,
    report: &Report,
    dir: Option<&Path>,
) {
    let Some(dir) = dir else {
        return;
    };
    let forms = || {
        std::iter::once(&report.checklist)
            .chain(std::iter::once(&report.answers.checklist))
            .chain(report.vendor_forms.iter().map(|f| &f.checklist))
    };
    let bases: Vec<(String, String)> = forms()
        .filter_map(|r| r.extends.as_ref())
        .map(|b| (crate::report::make::base_file_name(b), b.digest.clone()))
        .collect();
    let own: Vec<(String, String)> = forms()
        .filter_map(|r| Some((r.file.clone()?, r.digest.clone())))
        .collect();
    for (file, digest) in bases.into_iter().chain(own) {
        if catalog.by_digest(&digest).is_some()
            || crate::signing::manifest::check_path(&file).is_err()
        {
            continue;
        }
        if let Ok(l) = crate::checklist::load_path(&dir.join(&file)) {
            if l.digest == digest {
                let linked = catalog.linked(&l).unwrap_or(l);
                catalog.add(linked);
            }
        }
    }
}

/// The bundle folder `path` stands for: the folder itself, or the folder of a `report.json`
/// with the signed manifest beside it. None for a lone report.json.
pub(super) fn bundle_of(path: &Path) -> Option<&Path> {
    if path.is_dir() {
        return Some(path);
    }
    let parent = path.parent()?;
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let named_report = path
        .file_name()
        .is_some_and(|n| n == std::ffi::OsStr::new(report::FILE_NAME));
    (named_report && parent.join(MANIFEST).is_file()).then_some(parent)
}

/// Every checklist digest the report names must be one medsec knows, and an own checklist's
/// base the one the report records: a report whose wording is unknown or changed is not shown
/// against other wording (an inspector cannot update a digest), as docs/exit-codes.md says (2).
/// `status` and `render` refuse such a report with these.
pub(super) fn unknown_checklists(
    report: &Report,
    catalog: &crate::checklist::Catalog,
    report_path: &Path,
    lang: crate::checklist::Lang,
) -> Vec<Diagnostic> {
    let unknown = |file: &str, checklist: String, digest: &str| Diagnostic {
        code: "unknown-checklist",
        severity: Severity::Error,
        location: Location {
            file: report_path.display().to_string(),
            line: 1,
            column: 1,
        },
        message: tr!(
            lang,
            "verify-checklist-unknown-in-file",
            file = file,
            checklist = checklist,
            digest = digest
        ),
        text: None,
    };
    let mut out = Vec::new();
    match catalog.by_digest(&report.checklist.digest) {
        None => out.push(unknown(
            report::FILE_NAME,
            report.checklist.full_id(),
            &report.checklist.digest,
        )),
        // An own checklist whose base is not known here, or is another than the report
        // records: its answers would be shown against other wording. Said as verify says it.
        Some(l) => {
            if let Some((code, text)) = crate::checklist::extends::base_problem(
                catalog,
                l,
                report.checklist.extends.as_ref(),
            ) {
                out.push(Diagnostic {
                    code,
                    severity: Severity::Error,
                    location: Location {
                        file: report_path.display().to_string(),
                        line: 1,
                        column: 1,
                    },
                    message: crate::i18n::render(lang, &text),
                    text: Some(text),
                });
            }
        }
    }
    for form in std::iter::once(&report.answers).chain(&report.vendor_forms) {
        if let Some(named) = form
            .answers
            .checklist
            .digest
            .as_deref()
            .filter(|d| *d != form.checklist.digest && catalog.by_digest(d).is_none())
        {
            out.push(unknown(&form.file, form.answers.checklist.full_id(), named));
        } else if catalog.by_digest(&form.checklist.digest).is_none() {
            out.push(unknown(
                &form.file,
                form.checklist.full_id(),
                &form.checklist.digest,
            ));
        }
    }
    out
}

/// What a report records that the status rules do not find: contradictions between answers
/// and probes (and the checks of the evidence).
fn recorded_findings(
    report: &Report,
    path: &Path,
    catalog: &crate::checklist::Catalog,
    lang: crate::checklist::Lang,
    text: &str,
) -> Vec<Diagnostic> {
    let file = path.display().to_string();
    report
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.source == report::FindingSource::Contradiction)
        .map(|(i, f)| Diagnostic {
            // The checks of the evidence itself keep their codes (another institution's, …).
            code: crate::report::evidence_check::CODES
                .into_iter()
                .find(|c| *c == f.code)
                .unwrap_or("answer-contradicted-by-probe"),
            severity: if f.severity == "error" {
                Severity::Error
            } else {
                Severity::Warning
            },
            // Where report.json records it.
            location: located(&file, text, &["findings".to_owned(), i.to_string()]),
            message: f.message_in(lang, report.checklist_of(f, catalog)),
            text: f.text.clone(),
        })
        .collect()
}

/// What status finds now from report.json and does not read from it: that no probe evidence
/// was given (verify computes it the same way; it is never recorded, so it is never twice).
fn computed_findings(
    report: &Report,
    path: &Path,
    lang: crate::checklist::Lang,
) -> Vec<Diagnostic> {
    let file = path.display().to_string();
    let mut out = Vec::new();
    if let Some(lack) = report.no_probe_evidence() {
        out.push(Diagnostic {
            code: "no-probe-evidence",
            severity: Severity::Warning,
            location: Location::file_only(&file),
            message: lack.message(lang),
            text: Some(crate::diagnostic::MessageRef {
                id: lack.message_id().to_owned(),
                args: Default::default(),
            }),
        });
    }
    out
}

/// Places the findings of the rules, made from answers that are not a file here, in
/// report.json: at the answer of the finding's item and round when report.json has one, else
/// at report.json with no line (never a made-up 1:1).
fn place_in_report(inspection: &mut rules::Inspection, report: &Report, path: &Path, text: &str) {
    let file = path.display().to_string();
    for form in &mut inspection.forms {
        let base: Option<Vec<String>> = if form.file == report.answers.file {
            Some(vec!["answers".into(), "answers".into(), "answers".into()])
        } else {
            report
                .vendor_forms
                .iter()
                .position(|v| v.file == form.file)
                .map(|k| {
                    vec![
                        "vendor_forms".into(),
                        k.to_string(),
                        "answers".into(),
                        "answers".into(),
                    ]
                })
        };
        let answers = std::iter::once(&report.answers)
            .chain(&report.vendor_forms)
            .find(|f| f.file == form.file)
            .map(|f| f.answers.answers.as_slice())
            .unwrap_or_default();
        for f in &mut form.findings {
            let index = f.item.as_deref().and_then(|item| {
                answers
                    .iter()
                    .position(|a| a.item == item && f.round.is_none_or(|r| a.round == r))
            });
            f.diagnostic.location = match (&base, index) {
                (Some(base), Some(i)) => {
                    // The line that names the item.
                    let mut pointer = base.clone();
                    pointer.extend([i.to_string(), "item".to_owned()]);
                    located(&file, text, &pointer)
                }
                // What is about the institution (its code, prefecture): its block.
                (Some(base), None) if f.code().starts_with("institution-") => {
                    let mut pointer = base.clone();
                    pointer.pop();
                    pointer.push("institution".to_owned());
                    located(&file, text, &pointer)
                }
                _ => Location::file_only(&file),
            };
        }
    }
    for f in &mut inspection.findings {
        f.diagnostic.location = Location::file_only(&file);
    }
}

/// The place of the JSON value at `pointer` (object keys and array indexes) in `text`, or the
/// file alone when it is not found.
fn located(file: &str, text: &str, pointer: &[String]) -> Location {
    match value_offset(text, pointer) {
        Some(offset) => Location::at(file, text, offset),
        None => Location::file_only(file),
    }
}

/// The byte offset where the JSON value at `pointer` starts in `text`: a scan of the tokens
/// that keeps the path to the current value (serde_json keeps no places).
fn value_offset(text: &str, pointer: &[String]) -> Option<usize> {
    enum Frame {
        /// The key of the value being read; `None` while a key is expected.
        Object(Option<String>),
        Array(usize),
    }
    fn at(stack: &[Frame], pointer: &[String]) -> bool {
        stack.len() == pointer.len()
            && stack.iter().zip(pointer).all(|(frame, want)| match frame {
                Frame::Object(key) => key.as_deref() == Some(want.as_str()),
                Frame::Array(i) => i.to_string() == *want,
            })
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'"' => {
                let start = i;
                i += 1;
                while let Some(&b) = bytes.get(i) {
                    match b {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                let content = text.get(start + 1..i).unwrap_or_default();
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = Some(content.to_owned());
                } else if at(&stack, pointer) {
                    return Some(start);
                }
            }
            b'{' | b'[' => {
                if at(&stack, pointer) {
                    return Some(i);
                }
                stack.push(if c == b'{' {
                    Frame::Object(None)
                } else {
                    Frame::Array(0)
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(n)) => *n += 1,
                None => {}
            },
            b':' => {}
            c if c.is_ascii_whitespace() => {}
            _ => {
                // A number, true, false or null.
                if at(&stack, pointer) {
                    return Some(i);
                }
                while bytes
                    .get(i + 1)
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    i += 1;
                }
            }
        }
        i += 1;
    }
    None
}

/// report.json of a bundle, read only if every file matches the signed manifest, and whether
/// the bundle is unsigned; otherwise the worst exit and the findings.
fn read_checked(
    dir: &Path,
    lang: crate::checklist::Lang,
) -> Result<(Vec<u8>, bool), (Exit, Vec<verify::Finding>)> {
    // Who signed needs a trusted key (`medsec verify`); the files must match in any case.
    let all = verify::check_integrity(dir, &TrustedKeys::default(), lang);
    let unsigned = all.iter().any(|f| f.code == "signature-missing");
    let findings: Vec<verify::Finding> = all
        .into_iter()
        .filter(|f| f.code != "key-unknown" && f.code != "signature-missing")
        .collect();
    let worst = findings
        .iter()
        .map(|f| f.class)
        .max()
        .unwrap_or(Class::Note);
    if worst >= Class::Unusable {
        return Err((worst.exit(), findings));
    }
    let refused = |code: &str, file: &str| {
        (
            Exit::Integrity,
            vec![verify::Finding {
                code: code.to_owned(),
                class: Class::Integrity,
                file: Some(file.to_owned()),
                item: None,
                item_label: None,
                message: String::new(),
            }],
        )
    };
    let manifest = manifest::read_bounded(&dir.join(MANIFEST), verify::MAX_MANIFEST_BYTES)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|t| Manifest::parse(&t).ok())
        .ok_or_else(|| refused("manifest-malformed", MANIFEST))?;
    verify::read_listed(dir, &manifest, report::FILE_NAME, verify::MAX_REPORT_BYTES)
        .map(|bytes| (bytes, unsigned))
        .map_err(|_| refused("report-missing", report::FILE_NAME))
}

/// What the count line of several bundles says.
struct Counts {
    errors: usize,
    warnings: usize,
    complete: bool,
}

/// Why a folder is no bundle, and what to run instead: on the bundle inside it (`check --out`
/// writes one in `bundle/`), or `summarize` on a folder of bundles.
fn not_a_bundle(path: &Path, lang: crate::checklist::Lang) -> String {
    use crate::signing::verify::{find_bundles, Found};
    let shown = path.display().to_string();
    let bundles: Vec<PathBuf> = find_bundles(std::slice::from_ref(&path.to_path_buf()))
        .into_iter()
        .filter_map(|f| match f {
            Found::Bundle(p) => Some(p),
            _ => None,
        })
        .collect();
    match bundles.as_slice() {
        [] => tr!(lang, "verify-status-not-a-bundle", path = shown),
        [one] => {
            let inner = one.display().to_string();
            tr!(
                lang,
                "status-not-a-bundle-one-inside",
                path = shown,
                inner = inner.clone(),
                command = format!("medsec status {}", crate::render::command_word(&inner))
            )
        }
        many => tr!(
            lang,
            "status-not-a-bundle-many-inside",
            path = shown.clone(),
            count = many.len(),
            command = format!("medsec summarize {}", crate::render::command_word(&shown))
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_value_is_found_by_its_path() {
        let text = "{\n  \"a\": [1, {\"b\": \"x,]}\\\"\"}, true],\n  \"c\": {\"d\": null}\n}\n";
        let line_col = |pointer: &[&str]| {
            value_offset(text, &p(pointer)).map(|o| {
                let l = Location::at("f", text, o);
                (l.line, l.column)
            })
        };
        assert_eq!(line_col(&[]), Some((1, 1)));
        assert_eq!(line_col(&["a"]), Some((2, 8)));
        assert_eq!(line_col(&["a", "0"]), Some((2, 9)));
        assert_eq!(line_col(&["a", "1", "b"]), Some((2, 18)));
        assert_eq!(line_col(&["a", "2"]), Some((2, 29)));
        assert_eq!(line_col(&["c", "d"]), Some((3, 14)));
        assert_eq!(line_col(&["a", "3"]), None);
        assert_eq!(line_col(&["b"]), None);
    }
}
