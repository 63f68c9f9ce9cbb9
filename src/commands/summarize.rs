//! `medsec summarize DIR... (--trusted keys.toml | --pubkey FILE) [--as-of DATE]
//! [--format table|csv|xlsx|json] [--out FILE]`
//!
//! One row per bundle found under the folders given. Each bundle goes through verify's own
//! work (signatures checked in batches, the rest per bundle, in parallel); the row is read from the report verify parsed and the re-run
//! it made, never from a second parse.

use super::{Context, Outcome};
use crate::answers::{Answer, Response};
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
    if args.format == SummaryFormat::Xlsx {
        match &args.out {
            None => return Err(anyhow::Error::msg(tr!(lang, "summarize-xlsx-needs-out"))),
            Some(p) if super::is_stdout(p) && std::io::stdout().is_terminal() => {
                return Err(anyhow::Error::msg(tr!(lang, "summarize-xlsx-to-terminal")))
            }
            Some(_) => {}
        }
    }
    args.out = super::out_file(args.out);
    if let Some(out) = &args.out {
        let inputs: Vec<&std::path::Path> = args.dirs.iter().map(PathBuf::as_path).collect();
        super::render::guard_out(out, args.force, &inputs, lang)?;
    }
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
    let mut verified = verify::verify_all_with(&bundles, &opts, |v| row_of(v, as_of))
        .into_iter()
        .zip(&bundles)
        .map(|(row, dir)| {
            row.unwrap_or_else(|| row_of_result(verify::internal_error_result(dir, lang)))
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
                Some(row_of_result(r))
            }
        })
        .collect();
    shorten_paths(&mut rows, &args.dirs);
    let exit = rows.iter().map(|r| r.exit).max().unwrap_or(Exit::Ok);
    let bytes = match args.format {
        SummaryFormat::Table => summary::table(&rows, lang, ctx.color).into_bytes(),
        SummaryFormat::Json => summary::json(&rows, exit, as_of).into_bytes(),
        SummaryFormat::Csv => summary::csv(&rows, lang)?,
        SummaryFormat::Xlsx => summary::xlsx(&rows, lang)?,
    };
    let mut outcome = match &args.out {
        Some(path) => {
            crate::atomic::write(path, &bytes, None, crate::atomic::Replace::Allow)
                .map_err(|e| anyhow::Error::new(e).context(path.display().to_string()))?;
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
            } else {
                tr!(lang, "polish-summarize-unusable", path = path, code = code)
            };
            tr!(lang, "cli-error", message = message)
        }));
    Ok(outcome)
}

/// The table's paths, shorter: relative to the folder given (with that folder's name in front
/// when several were given, or when the folder is the bundle itself), so the table's width goes
/// to what differs. Full paths where two rows would look alike.
fn shorten_paths(rows: &mut [Row], roots: &[PathBuf]) {
    let several = roots.len() > 1;
    // The deepest folder given that holds the row: looked up by each of the row's folders,
    // deepest first (a search through every folder given per row was quadratic: at 10,000
    // bundles given one by one it took most of summarize's time). Paths compare by their
    // components, as `Path::starts_with` does; folders given twice are alike.
    let given: HashSet<&Path> = roots.iter().map(PathBuf::as_path).collect();
    for row in rows.iter_mut() {
        let path = Path::new(&row.path);
        let root = path
            .ancestors()
            .chain(std::iter::once(Path::new("")))
            .find(|a| given.contains(a));
        if let Some(root) = root {
            row.shown_path = shown_path(path, root, several);
        }
    }
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    let alike = rows.iter().any(|r| {
        seen.insert(r.shown_path.as_str(), r.path.as_str())
            .is_some_and(|other| other != r.path)
    });
    if alike {
        for row in rows.iter_mut() {
            row.shown_path.clone_from(&row.path);
        }
    }
}

fn shown_path(path: &Path, root: &Path, several: bool) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = PathBuf::new();
    if several || rel.as_os_str().is_empty() {
        if let Some(name) = root.file_name() {
            out.push(name);
        }
    }
    out.push(rel);
    if out.as_os_str().is_empty() {
        return path.display().to_string();
    }
    out.display().to_string()
}

/// The row of a bundle whose content could not be read (only verify's result).
fn row_of_result(result: BundleResult) -> Row {
    row_of(
        Verified {
            result,
            report: None,
            rerun: None,
        },
        Date::constant(2000, 1, 1),
    )
}

/// The row of one verified bundle; `as_of` decides which target dates are overdue.
fn row_of(v: Verified, as_of: Date) -> Row {
    let r = &v.result;
    let exit = r.exit();
    // The first finding of the worst class, when it is more than a note; of that class, a
    // checklist that claims to be the official form without being it first, since the whole
    // report's wording then rests on it.
    let top = r.findings.iter().map(|f| f.class).max();
    let worst = top.filter(|c| *c >= Class::Finding).and_then(|top| {
        let mut of_top = r.findings.iter().filter(|f| f.class == top);
        of_top
            .clone()
            .find(|f| f.code == "checklist-not-official")
            .or_else(|| of_top.next())
            .map(|f| f.code.clone())
    });
    let signature = r.signature.as_ref().filter(|s| s.verified);
    let mut row = Row {
        path: r.path.clone(),
        shown_path: r.path.clone(),
        exit,
        worst_finding: worst,
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
        no_answers: None,
        overdue_target_dates: None,
        probe_evidence: None,
        probe_failures: None,
        contradictions: None,
        evidence_findings: Vec::new(),
        signed_at: signature.and_then(|s| s.signed_at.clone()),
        key_id: signature.map(|s| s.key_id.clone()),
        report_sha256: r.report_sha256.clone(),
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
        row.probe_evidence = Some(report.probe_evidence.is_some());
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
            if report.probe_evidence.is_some() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row_at(path: &str) -> Row {
        let mut r = crate::signing::verify::internal_error_result(Path::new(path), Lang::En);
        r.findings.clear();
        row_of_result(r)
    }

    /// `shorten_paths` as it was: every folder given searched for every row (quadratic).
    fn shorten_by_search(rows: &mut [Row], roots: &[PathBuf]) {
        let several = roots.len() > 1;
        for row in rows.iter_mut() {
            let path = Path::new(&row.path);
            let root = roots
                .iter()
                .filter(|root| path.starts_with(root))
                .max_by_key(|root| root.components().count());
            if let Some(root) = root {
                row.shown_path = shown_path(path, root, several);
            }
        }
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        let alike = rows.iter().any(|r| {
            seen.insert(r.shown_path.as_str(), r.path.as_str())
                .is_some_and(|other| other != r.path)
        });
        if alike {
            for row in rows.iter_mut() {
                row.shown_path.clone_from(&row.path);
            }
        }
    }

    use crate::checklist::Lang;

    #[test]
    fn the_deepest_folder_given_shortens_a_path_as_a_search_of_every_folder_did() {
        let paths = [
            "/r/a/b1",
            "/r/a/b2/",
            "/r/a/x/b3",
            "/r/c",
            "/elsewhere/b",
            "rel/d/b4",
            "./rel/d/b5",
            "/r/a/./b6",
            "/r//a/b7",
        ];
        let root_sets: [&[&str]; 6] = [
            &["/r"],
            &["/r", "/r/a"],
            &["/r/a/", "/r", "/r/a", "/r/a/x"],
            &["rel", "./rel", "rel/d/b4", "/r/c", "/r/a/b1"],
            &["/", "/r/a/b2"],
            &[""],
        ];
        for roots in root_sets {
            let roots: Vec<PathBuf> = roots.iter().map(PathBuf::from).collect();
            let mut rows: Vec<Row> = paths.iter().map(|p| row_at(p)).collect();
            let mut expected = rows.clone();
            shorten_paths(&mut rows, &roots);
            shorten_by_search(&mut expected, &roots);
            let shown = |rows: &[Row]| {
                rows.iter()
                    .map(|r| r.shown_path.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(shown(&rows), shown(&expected), "{roots:?}");
        }
    }
}
