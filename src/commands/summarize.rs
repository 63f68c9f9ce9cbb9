//! `medsec summarize DIR... (--trusted keys.toml | --pubkey FILE) [--as-of DATE]
//! [--format table|csv|xlsx|json] [--out FILE]`
//!
//! One row per bundle found under the folders given. Each bundle goes through verify's own
//! work (signatures checked in batches, the rest per bundle, in parallel); the row is read from the report verify parsed and the re-run
//! it made, never from a second parse.

use super::{Context, Outcome};
use crate::answers::{Answer, Response};
use crate::checklist::Lang;
use crate::cli::summarize::{SummarizeArgs, SummaryFormat};
use crate::exit::Exit;
use crate::render::summary::{self, Row, UnverifiedInstitution};
use crate::report::{FindingSource, Report};
use crate::signing::verify::{self, BundleResult, Class, Found, Options, Verified};
use crate::tr;
use jiff::civil::Date;
use std::collections::{BTreeMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn run(mut args: SummarizeArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    // A file that must not be replaced is said first, whatever its name says of the format.
    if let Some(out) = super::out_file(args.out.clone()) {
        let inputs: Vec<&std::path::Path> = args.dirs.iter().map(PathBuf::as_path).collect();
        super::render::guard_out(&out, args.force, &inputs, lang)?;
    }
    let format = super::output_format(
        args.format,
        args.out.as_deref(),
        &[
            ("txt", SummaryFormat::Table),
            ("csv", SummaryFormat::Csv),
            ("xlsx", SummaryFormat::Xlsx),
            ("json", SummaryFormat::Json),
        ],
        SummaryFormat::Table,
        lang,
    )?;
    if format == SummaryFormat::Xlsx {
        match &args.out {
            None => return Err(anyhow::Error::msg(tr!(lang, "summarize-xlsx-needs-out"))),
            Some(p) if super::is_stdout(p) && std::io::stdout().is_terminal() => {
                return Err(anyhow::Error::msg(tr!(lang, "summarize-xlsx-to-terminal")))
            }
            Some(_) => {}
        }
    }
    args.out = super::out_file(args.out);
    let as_of = ctx.as_of(args.as_of.as_deref())?;
    let (keys, catalog, notices) = super::verify::trust_and_catalog(
        "summarize",
        args.pubkey.as_deref(),
        args.trusted.as_deref(),
        ctx,
    )?;
    let opts = Options {
        keys: &keys,
        catalog: &catalog,
        expected_institution: None,
        today: as_of,
        lang,
        expect: None,
    };
    let found = verify::find_bundles(&args.dirs);
    let bundles: Vec<std::path::PathBuf> = found
        .iter()
        .filter_map(|f| match f {
            Found::Bundle(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    // Signatures checked in batches, as verify checks them.
    let mut verified = verify::verify_all_with(&bundles, &opts, |v| row_of(v, as_of, lang))
        .into_iter()
        .zip(&bundles)
        .map(|(row, dir)| {
            row.unwrap_or_else(|| row_of_result(verify::internal_error_result(dir, lang), lang))
        });
    // Rows in the order found; places that are no bundle keep their place.
    let mut rows: Vec<Row> = found
        .iter()
        .filter_map(|f| match f.finding(lang) {
            None => verified.next(),
            Some(finding) => {
                let mut r = BundleResult {
                    path: f.path().display().to_string(),
                    exit_code: finding.class.exit().code(),
                    signature: None,
                    institution: None,
                    checklist: None,
                    fiscal_year: None,
                    report_sha256: None,
                    files: 0,
                    extends: None,
                    findings: Vec::new(),
                };
                r.findings.push(finding);
                Some(row_of_result(r, lang))
            }
        })
        .collect();
    shorten_paths(&mut rows);
    let exit = rows.iter().map(|r| r.exit).max().unwrap_or(Exit::Ok);
    let bytes = match format {
        SummaryFormat::Table => {
            summary::table(&rows, lang, ctx.color, &verify_flags(&args, ctx)).into_bytes()
        }
        SummaryFormat::Json => summary::json(&rows, exit, as_of).into_bytes(),
        SummaryFormat::Csv => summary::csv(&rows, lang)?,
        SummaryFormat::Xlsx => summary::xlsx(&rows, lang)?,
    };
    let mut outcome = match &args.out {
        Some(path) => {
            crate::atomic::write(path, &bytes, None, crate::atomic::Replace::Allow).map_err(
                |e| anyhow::Error::msg(crate::signing::SigningError::write(path)(e).localize(lang)),
            )?;
            Outcome::text(
                tr!(
                    lang,
                    "summarize-written",
                    path = path.display().to_string(),
                    count = rows.len()
                ) + "\n",
                exit,
            )
        }
        None => Outcome {
            stdout: bytes,
            notices: Vec::new(),
            exit,
        },
    };
    outcome.notices = notices;
    // Bundles that could not be read stop their row: said on standard error too.
    outcome
        .notices
        .extend(rows.iter().filter(|r| r.exit == Exit::Unusable).map(|r| {
            let path = r.path.as_str();
            let code = r.worst_finding.as_deref().unwrap_or("-");
            let message = if code == "no-bundle" {
                tr!(lang, "summarize-no-bundle-here", path = path, code = code)
            } else if std::fs::symlink_metadata(path)
                .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
            {
                tr!(lang, "summarize-path-missing", path = path, code = code)
            } else if Path::new(path).is_file() {
                // A file (a report.json, an answers file) is readable: not "could not be read".
                tr!(lang, "summarize-not-a-folder", path = path, code = code)
            } else {
                tr!(
                    lang,
                    "polish-summarize-unusable",
                    path = path,
                    path_word = crate::render::command_word(path),
                    code = code
                )
            };
            tr!(
                lang,
                "cli-error",
                message = crate::i18n::end_sentence(lang, &message)
            )
        }));
    // A report.json inside a bundle: the folder to give instead, as verify says it.
    outcome.notices.extend(
        args.dirs
            .iter()
            .filter_map(|d| super::verify::hint(d, lang)),
    );
    Ok(outcome)
}

/// The table's paths, shorter, by one rule for every row: the last N parts of each path (the
/// bundle's folder name, then the folders above it), with the smallest N that tells every row
/// apart, so the width goes to what differs and all rows read alike (`good` and `hostile`, or
/// `a/clinic` and `b/clinic` when two folders hold a bundle of the same name). A path with
/// fewer parts than N is shown whole. Which folders were given plays no part.
fn shorten_paths(rows: &mut [Row]) {
    let parts: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            // `.` or `..` (or a path ending in one) names its folder by what it resolves to,
            // so the row reads `clinic-a`, not `.`.
            let given = Path::new(&r.path);
            let resolved = match given.components().next_back() {
                Some(std::path::Component::Normal(_)) | None => None,
                Some(_) => std::fs::canonicalize(given).ok(),
            };
            resolved
                .as_deref()
                .unwrap_or(given)
                .components()
                .filter(|c| !matches!(c, std::path::Component::CurDir))
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect()
        })
        .collect();
    let longest = parts.iter().map(Vec::len).max().unwrap_or(0);
    let trailing = |p: &[String], n: usize| -> Option<String> {
        p.get(p.len().checked_sub(n)?..)
            .map(|tail| tail.join(std::path::MAIN_SEPARATOR_STR))
    };
    // The distinct paths (a folder given twice is one row each, shown alike).
    let distinct: HashSet<&[String]> = parts.iter().map(Vec::as_slice).collect();
    let n = (1..=longest)
        .find(|&n| {
            let mut seen = HashSet::new();
            distinct
                .iter()
                .all(|p| seen.insert(trailing(p, n).unwrap_or_else(|| p.join("\0"))))
        })
        .unwrap_or(longest);
    for (row, p) in rows.iter_mut().zip(&parts) {
        // A bundle folder with the name `report` and `check` give it (`bundle`) says nothing
        // of whose it is: shown with the folder above it (`c/bundle`), as under the folder
        // summarized, so that its row is told apart from the others'.
        let n = if p.last().map(String::as_str) == Some("bundle") {
            n.max(2)
        } else {
            n
        };
        row.shown_path = match trailing(p, n) {
            Some(tail) if n < p.len() => tail,
            _ => row.path.clone(),
        };
    }
}

/// The row of a bundle whose content could not be read (only verify's result).
fn row_of_result(result: BundleResult, lang: Lang) -> Row {
    row_of(
        Verified {
            result,
            report: None,
            rerun: None,
        },
        Date::constant(2000, 1, 1),
        lang,
    )
}

/// The worst finding for people, in the language verify spoke: a contradiction by its kind
/// (as the report page heads it), any other by its message's first sentence. The code stays
/// in JSON, CSV and XLSX.
fn worst_label(
    code: &str,
    message: &str,
    item: Option<&str>,
    lang: Lang,
) -> crate::render::summary::Label {
    use crate::render::summary::Label;
    if code == "answer-contradicted-by-probe" {
        return Label::Contradiction;
    }
    let first = message
        .split_inclusive(['。', ';'])
        .next()
        .unwrap_or(message)
        .trim_end_matches(';')
        .trim();
    if first.is_empty() {
        return Label::Code(code.to_owned());
    }
    // The row names the item the finding is about (verify shows it in a column of its own),
    // unless the sentence names it already.
    match item.filter(|i| !i.is_empty() && !first.contains(*i)) {
        Some(item) => Label::Text(tr!(
            lang,
            "summarize-finding-of-item",
            item = item,
            finding = first
        )),
        None => Label::Text(first.to_owned()),
    }
}

/// The row of one verified bundle; `as_of` decides which target dates are overdue.
fn row_of(v: Verified, as_of: Date, lang: Lang) -> Row {
    let r = &v.result;
    let exit = r.exit();
    // The first finding of the worst class, when it is more than a note; of that class, a
    // checklist that claims to be the official form without being it (or without its wording
    // confirmed against the official workbook, or with another gate question) first, since
    // the whole report's wording then rests on it.
    let top = r.findings.iter().map(|f| f.class).max();
    let worst = top.filter(|c| *c >= Class::Warning).and_then(|top| {
        let mut of_top = r.findings.iter().filter(|f| f.class == top);
        of_top
            .clone()
            .find(|f| {
                matches!(
                    f.code.as_str(),
                    "checklist-not-official"
                        | "checklist-workbook-not-official"
                        | "checklist-official-unconfirmed"
                        | "checklist-gate-not-workbooks"
                )
            })
            .or_else(|| of_top.next())
    });
    let signature = r.signature.as_ref().filter(|s| s.verified);
    let mut row = Row {
        path: r.path.clone(),
        shown_path: r.path.clone(),
        exit,
        worst_finding: worst.map(|f| f.code.clone()),
        worst_label: worst.map(|f| worst_label(&f.code, &f.message, f.item_label.as_deref(), lang)),
        institution_code: r.institution.as_ref().map(|i| i.code.clone()),
        institution_name: r.institution.as_ref().map(|i| i.name.clone()),
        prefecture: None,
        code_prefecture_mismatch: None,
        unverified_institution: None,
        checklist: None,
        edition: None,
        fiscal_year: r.fiscal_year,
        complete: None,
        out_of_scope: r.extends.as_ref().map(|e| e.out_of_scope.len()),
        extends: r.extends.as_ref().map(|e| e.base.full_id()),
        no_answers: None,
        overdue_target_dates: None,
        probe_evidence: None,
        probe_failures: None,
        contradictions: None,
        evidence_findings: Vec::new(),
        // One rule for every bundle whose signature carries a time: shown, and marked
        // unverified unless a trusted key verified it and nothing failed (an untrusted key as
        // much as a changed file).
        signed_at: r.signature.as_ref().and_then(|s| s.signed_at.clone()),
        signed_at_unverified: r.signature.as_ref().is_some_and(|s| s.signed_at.is_some())
            && !r.signed_at_trusted(),
        key_id: signature.map(|s| s.key_id.clone()),
        report_sha256: r.report_sha256.clone(),
        notes: notes_to_show(&r.findings),
    };
    if let Some(report) = &v.report {
        row.prefecture = report
            .answers
            .answers
            .institution
            .as_ref()
            .and_then(|i| i.prefecture.clone());
        row.code_prefecture_mismatch = row.prefecture.as_deref().and_then(|given| {
            crate::answers::code::prefecture_mismatch(&report.institution.code, given)
                .map(|(_, name)| name.to_owned())
        });
        row.checklist = Some(report.checklist.id.clone());
        row.edition = Some(report.checklist.edition.clone());
        let (no, overdue) = open_answers(report, as_of);
        row.no_answers = Some(no);
        row.overdue_target_dates = Some(overdue);
        row.probe_evidence = Some(report.probe_results().is_some());
        if let Some(evidence) = &report.probe_evidence {
            row.probe_failures = Some(
                evidence
                    .results
                    .iter()
                    .filter(|p| p.verdict == crate::probes::Verdict::Fail)
                    .count(),
            );
        }
        if let Some(rerun) = &v.rerun {
            row.complete = Some(
                !rerun
                    .findings
                    .iter()
                    .any(|f| f.severity == "error" && f.source == FindingSource::Status),
            );
            row.evidence_findings = rerun
                .findings
                .iter()
                .filter(|f| crate::report::evidence_check::CODES.contains(&f.code.as_str()))
                .map(|f| f.code.clone())
                .collect();
            if report.probe_results().is_some() {
                row.contradictions = Some(
                    rerun
                        .findings
                        .iter()
                        .filter(|f| {
                            f.source == FindingSource::Contradiction
                                && !crate::report::evidence_check::CODES.contains(&f.code.as_str())
                        })
                        .count(),
                );
            }
        }
    }
    if v.report.is_none() && row.institution_code.is_none() {
        row.unverified_institution = unverified_institution(Path::new(&r.path));
    }
    row
}

/// verify's notes that say nothing a row does not already show: the content not trusted (the
/// result says it), a printed report that matched (`--expect`, not given here), a checklist's
/// wording confirmed against an official or given workbook (the ordinary case).
const NOTES_NOT_SHOWN: &[&str] = &[
    "content-untrusted",
    "expect-matched",
    "checklist-official-source",
    "checklist-workbook-matched",
];

/// The codes of a bundle's notes an inspector must see in the summary (once each, in
/// verify's order): every note but those in [`NOTES_NOT_SHOWN`], so a new note shows.
fn notes_to_show(findings: &[crate::signing::verify::Finding]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for f in findings.iter().filter(|f| f.class == Class::Note) {
        if !NOTES_NOT_SHOWN.contains(&f.code.as_str()) && !codes.contains(&f.code) {
            codes.push(f.code.clone());
        }
    }
    codes
}

/// Whose bundle a bundle that did not verify claims to be: the institution its report.json
/// names, read as plain JSON (no link followed, within verify's size limit), for the row to
/// show marked as unverified. `None` when report.json cannot be read or names none.
fn unverified_institution(dir: &Path) -> Option<UnverifiedInstitution> {
    let bytes = crate::signing::manifest::read_bounded(
        &dir.join(crate::report::FILE_NAME),
        crate::limits::REPORT_MAX_BYTES,
    )
    .ok()?;
    let json: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let text = |pointer: &str| {
        json.pointer(pointer)
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    };
    let found = UnverifiedInstitution {
        code: text("/institution/code").or_else(|| text("/answers/answers/institution/code")),
        name: text("/institution/name").or_else(|| text("/answers/answers/institution/name")),
        prefecture: text("/answers/answers/institution/prefecture"),
    };
    (found != UnverifiedInstitution::default()).then_some(found)
}

/// Items whose latest answered round is いいえ, in the institution's form and the vendor
/// forms it carries, and how many of them have a target date before `as_of`.
fn open_answers(report: &Report, as_of: Date) -> (usize, usize) {
    let (mut no, mut overdue) = (0, 0);
    for form in std::iter::once(&report.answers).chain(&report.vendor_forms) {
        let mut latest: BTreeMap<&str, &Answer> = BTreeMap::new();
        for a in form.answers.answers.iter().filter(|a| a.response.is_some()) {
            match latest.get(a.item.as_str()) {
                Some(b) if b.round >= a.round => {}
                _ => {
                    latest.insert(a.item.as_str(), a);
                }
            }
        }
        for a in latest.values() {
            if a.response == Some(Response::No) {
                no += 1;
                overdue += usize::from(a.target_date.is_some_and(|d| d < as_of));
            }
        }
    }
    (no, overdue)
}

/// The flags of `medsec verify` that repeat every option of this summary that changes the
/// result, quoted for the shell: `--pubkey FILE` or `--trusted FILE`, `--as-of DATE`, each
/// global `--checklist` (an imported edition the bundles were made on), and `--lang` when it
/// was given rather than taken from the locale.
fn verify_flags(args: &SummarizeArgs, ctx: &Context) -> String {
    let word = |s: &str| crate::render::command_word(s);
    let mut flags = Vec::new();
    for (flag, path) in [("--pubkey", &args.pubkey), ("--trusted", &args.trusted)] {
        if let Some(p) = path {
            flags.push(format!("{flag} {}", word(&p.display().to_string())));
        }
    }
    if let Some(d) = &args.as_of {
        flags.push(format!("--as-of {}", word(d)));
    }
    let global = ctx.global_flags();
    if !global.is_empty() {
        flags.push(global);
    }
    flags.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_at(path: &str) -> Row {
        let mut r = crate::signing::verify::internal_error_result(Path::new(path), Lang::En);
        r.findings.clear();
        row_of_result(r, Lang::En)
    }

    use crate::checklist::Lang;

    fn shown(paths: &[&str]) -> Vec<String> {
        let mut rows: Vec<Row> = paths.iter().map(|p| row_at(p)).collect();
        shorten_paths(&mut rows);
        rows.into_iter()
            .map(|r| r.shown_path.replace(std::path::MAIN_SEPARATOR, "/"))
            .collect()
    }

    #[test]
    fn every_row_shows_the_same_number_of_trailing_parts() {
        // Distinct names: the bundle folder alone, whatever the folder above.
        assert_eq!(
            shown(&["/r/good/", "/r/b/hostile", "./x/y/late"]),
            ["good", "hostile", "late"]
        );
        // A name twice in different folders: every row shows its folder too.
        assert_eq!(
            shown(&["/r/a/clinic", "/r/b/clinic", "/r/b/other"]),
            ["a/clinic", "b/clinic", "b/other"]
        );
        // Folders of folders: as many parts as it takes to tell them apart.
        assert_eq!(
            shown(&["/r/x/a/clinic", "/r/y/a/clinic", "/r/y/b/c"]),
            ["x/a/clinic", "y/a/clinic", "y/b/c"]
        );
        // A path shorter than that is shown whole; one row is its folder name.
        assert_eq!(
            shown(&["a/clinic", "/r/b/a/clinic"]),
            ["a/clinic", "b/a/clinic"]
        );
        assert_eq!(shown(&["/r/only/"]), ["only"]);
        // A folder named `bundle` (as `check --out` writes it) is shown with its folder.
        assert_eq!(
            shown(&["/r/inbox2/c/bundle", "/r/inbox2/midori"]),
            ["c/bundle", "midori"]
        );
        assert_eq!(shown(&["/r/inbox2/c/bundle"]), ["c/bundle"]);
        // The same folder given twice is shown alike, not made long.
        assert_eq!(shown(&["/r/a", "/r/./a", "/r/b"]), ["a", "a", "b"]);
    }

    #[test]
    fn many_rows_are_shortened_in_linear_time() {
        // Only the shortening is timed: making 10,000 rows (a localized message each) is not
        // what this measures, and under Wine on a loaded machine it alone took over 5 s.
        let mut rows: Vec<Row> = (0..10_000)
            .map(|i| row_at(&format!("/r/p{}/b{i}", i % 7)))
            .collect();
        let started = std::time::Instant::now();
        shorten_paths(&mut rows);
        let elapsed = started.elapsed();
        assert_eq!(rows.first().map(|r| r.shown_path.as_str()), Some("b0"));
        assert!(elapsed < std::time::Duration::from_secs(5), "{elapsed:?}");
    }
}
