//! `medsec status FILE... [--format table|json]`

use super::{Context, Outcome};
use crate::answers::{self, rules, AnswersError};
use crate::checklist::Lang;
use crate::cli::status::{StatusArgs, StatusFormat};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::exit::Exit;
use crate::render;
use crate::tr;
use std::collections::BTreeSet;
use std::path::PathBuf;

pub fn run(args: StatusArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    status(args, ctx, true)
}

/// Whether `status` reads bundles or report.json files, which say themselves whether this
/// year's form is missing (counting the checklists they carry).
pub fn reads_bundles(args: &StatusArgs) -> bool {
    super::status_bundle::is_report_input(&args.files)
}

/// status as a step of `medsec check`, which takes the next steps itself (no "next" line).
pub(super) fn run_in_check(args: StatusArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    status(args, ctx, false)
}

fn status(mut args: StatusArgs, ctx: &Context, say_next: bool) -> anyhow::Result<Outcome> {
    if args.files.is_empty() {
        // As `medsec answer` does: the only answers file in the current folder.
        let found = super::answer::find_answers_file(
            std::path::Path::new("."),
            ctx.lang,
            super::answer::LookingFor::Status,
        )?;
        // Named as the user would name it: `complete.toml`, not `./complete.toml`.
        let found = found.strip_prefix(".").map(PathBuf::from).unwrap_or(found);
        args.files.push(found);
    }
    if super::status_bundle::is_report_input(&args.files) {
        return super::status_bundle::run(&args, ctx);
    }
    // Answers files and bundles in one run: said, each list named, rather than reading a
    // bundle folder as an answers file of an unknown type.
    let (bundles, answers_files): (Vec<&PathBuf>, Vec<&PathBuf>) = args
        .files
        .iter()
        .partition(|p| super::status_bundle::is_report_input(std::slice::from_ref(*p)));
    if !bundles.is_empty() {
        let list = |v: &[&PathBuf]| {
            let names: Vec<String> = v.iter().map(|p| p.display().to_string()).collect();
            crate::i18n::join_code(ctx.lang, &names)
        };
        return Err(anyhow::anyhow!(crate::tr!(
            ctx.lang,
            "status-mixed-inputs",
            answers = list(&answers_files),
            bundles = list(&bundles)
        )));
    }
    let as_of = ctx.as_of(args.as_of.as_deref())?;
    let catalog = super::init::catalog(ctx)?;
    // The files named on the command line, each once: the verdict counts them when several.
    let named = args
        .files
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect::<BTreeSet<_>>()
        .len();
    // JSON is the same bytes whatever `--lang`: its messages in English (scripts match `code`),
    // so the files are read once, in English, for it.
    let json = args.format == StatusFormat::Json;
    let read_in = if json { Lang::En } else { ctx.lang };
    let (opened, inspection, unusable) = inspect_files(&args, catalog, as_of, read_in)?;
    let exit = if !unusable.is_empty() {
        Exit::Unusable
    } else if !inspection.complete
        || inspection
            .all_findings()
            .any(|f| f.severity() == Severity::Error)
    {
        // A contradiction found with `--evidence` is a finding (1), not incompleteness: the
        // answers stay 記入完了 and the verdict line says the findings beside it.
        Exit::Findings
    } else {
        Exit::Ok
    };
    // Files that could not be used stop the command: on standard error (the JSON records them
    // too, as `unusable`); the status of the others is the result, on standard output.
    // (Said in the reader's language: read again in it only when a file was unusable.)
    let problems = if read_in == ctx.lang || unusable.is_empty() {
        render::diagnostics::problem_lines_as_made(&unusable, ctx.lang)
    } else {
        let (_, _, unusable) = inspect_files(&args, catalog, as_of, ctx.lang)?;
        render::diagnostics::problem_lines_as_made(&unusable, ctx.lang)
    };
    let out = match args.format {
        StatusFormat::Table => {
            let mut out =
                render::status::table_of_files(&inspection, &unusable, named, ctx.lang, ctx.color);
            if exit == Exit::Ok && say_next {
                out.push_str(&render::prose::for_stdout(&next_step(
                    &opened,
                    args.evidence.as_deref(),
                    args.as_of.as_deref(),
                    &ctx.global_flags(),
                    ctx.lang,
                )));
                out.push('\n');
            }
            out
        }
        StatusFormat::Json => render::status::json(&inspection, &unusable),
    };
    let mut outcome = Outcome::text(out, exit);
    outcome.notices = problems;
    Ok(outcome)
}

type Opened<'c> = Vec<(answers::Loaded, &'c crate::checklist::Loaded)>;

/// The answers files named (and the vendor forms they list), read and inspected with their
/// messages in `lang`: the forms opened, their inspection, and the files that were unusable.
fn inspect_files<'c>(
    args: &StatusArgs,
    catalog: &'c crate::checklist::Catalog,
    as_of: jiff::civil::Date,
    lang: Lang,
) -> anyhow::Result<(Opened<'c>, rules::Inspection, Vec<Diagnostic>)> {
    let mut queue: Vec<PathBuf> = args.files.clone();
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    let mut opened = Vec::new();
    let mut unusable: Vec<Diagnostic> = Vec::new();
    let mut i = 0;
    while let Some(path) = queue.get(i).cloned() {
        i += 1;
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !seen.insert(key) {
            continue;
        }
        match answers::open(&path, catalog, lang) {
            Ok((loaded, checklist)) => {
                // Vendor forms listed by the institution are read as if given.
                if let Some(v) = &loaded.set.vendors {
                    let base = path.parent().map(PathBuf::from).unwrap_or_default();
                    queue.extend(v.forms.iter().map(|f| base.join(f)));
                }
                opened.push((loaded, checklist));
            }
            Err(err) => unusable.extend(as_diagnostics(&path, &err, lang)),
        }
    }
    let mut inspection = inspect_opened(&opened, args, as_of, lang);
    if let Some(path) = &args.evidence {
        add_contradictions(&mut inspection, &opened, path, lang)?;
    }
    Ok((opened, inspection, unusable))
}

/// The rules checked on the forms `opened` as on `as_of`, with round 2 shown when `--round 2`
/// asks for it: answers files and the answers a bundle carries are inspected alike.
pub(super) fn inspect_opened(
    opened: &[(answers::Loaded, &crate::checklist::Loaded)],
    args: &StatusArgs,
    as_of: jiff::civil::Date,
    lang: Lang,
) -> rules::Inspection {
    let inputs: Vec<rules::FormInput> = opened
        .iter()
        .map(|(answers, checklist)| rules::FormInput { answers, checklist })
        .collect();
    let options = rules::Options {
        as_of,
        lang,
        show_round_2: args.round == Some(2),
    };
    rules::inspect(&inputs, &options)
}

/// Answers はい that a failed probe in the evidence file contradicts, as errors of the
/// institution's form (the same check and message `medsec report` records). They leave the
/// answers complete: a contradiction is a finding, not a missing answer.
fn add_contradictions(
    inspection: &mut rules::Inspection,
    opened: &[(answers::Loaded, &crate::checklist::Loaded)],
    path: &std::path::Path,
    lang: Lang,
) -> anyhow::Result<()> {
    let bytes = crate::limits::read_io(path, crate::limits::InputKind::Report).map_err(|e| {
        anyhow::Error::msg(crate::signing::SigningError::io(path)(e).localize(lang))
    })?;
    let evidence = crate::report::make::parse_evidence(path, &bytes)
        .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
    let Some((loaded, bound)) = opened
        .iter()
        .find(|(_, b)| rules::role_of(b.checklist.form) == rules::Role::Institution)
    else {
        return Ok(());
    };
    for c in crate::probes::contradictions::check(&evidence.results, &loaded.set) {
        let text = crate::report::contradiction_text(&c, &evidence.results);
        // At the answer the probe contradicts (its latest answered round), as other findings
        // about an answer are placed.
        let entry = loaded
            .set
            .answers
            .iter()
            .filter(|a| a.item == c.item && a.response.is_some())
            .max_by_key(|a| a.round);
        inspection.findings.push(rules::Finding {
            diagnostic: Diagnostic {
                code: "answer-contradicted-by-probe",
                severity: Severity::Error,
                location: loaded.location(entry.map_or(0, |a| a.at)),
                message: crate::i18n::render_with(lang, &text, Some(&bound.checklist)),
                text: Some(text),
            },
            item: Some(c.item.clone()),
            round: entry.map(|a| a.round),
        });
    }
    // Evidence of another institution, or from before this fiscal year, as report records it.
    let institution = loaded.set.institution.clone().unwrap_or_default();
    let expected = crate::report::evidence_check::Expected {
        code: institution.code.as_deref().unwrap_or_default(),
        name: institution.name.as_deref().unwrap_or_default(),
        fiscal_year: bound.checklist.fiscal_year,
        made: None,
    };
    for p in crate::report::evidence_check::check(&evidence, &expected) {
        inspection.findings.push(rules::Finding {
            diagnostic: Diagnostic {
                code: p.code,
                severity: p.severity,
                location: Location {
                    file: path.display().to_string(),
                    line: 1,
                    column: 1,
                },
                message: crate::i18n::render(lang, &p.text),
                text: Some(p.text),
            },
            item: None,
            round: None,
        });
    }
    Ok(())
}

/// What to do after a complete status: probe (unless evidence was given), then the report;
/// or all of it with `medsec check`. Each command repeats `global` (the run's `--checklist`
/// and `--lang`, [`super::Context::global_flags`]), so that it reads the same checklist.
fn next_step(
    opened: &[(answers::Loaded, &crate::checklist::Loaded)],
    evidence: Option<&std::path::Path>,
    as_of: Option<&str>,
    global: &str,
    lang: Lang,
) -> String {
    let institutions: Vec<String> = opened
        .iter()
        .filter(|(_, b)| rules::role_of(b.checklist.form) == rules::Role::Institution)
        .map(|(l, _)| l.path.display().to_string())
        .collect();
    if institutions.len() > 1 {
        // Each institution's file makes its own report: said once, for every file.
        let files = crate::i18n::join_code(lang, &institutions);
        return tr!(lang, "status-files-next", files = files);
    }
    let Some((loaded, _)) = opened
        .iter()
        .find(|(_, b)| rules::role_of(b.checklist.form) == rules::Role::Institution)
    else {
        // Only vendor forms (事業者確認用): the vendor's next step is its signature.
        let file = opened
            .first()
            .map(|(l, _)| crate::render::command_word(&l.path.display().to_string()))
            .unwrap_or_default();
        return tr!(lang, "report-review-status-next-vendor", file = file);
    };
    let file = crate::render::command_word(&loaded.path.display().to_string());
    // Evidence the answers cite but that is not there stops `report` and `check`: the first
    // thing to fix, before any command that would stop on it.
    let missing = rules::missing_evidence(loaded);
    if !missing.is_empty() {
        return tr!(
            lang,
            "status-next-evidence-missing",
            paths = crate::i18n::join_code(lang, &missing),
            file = loaded.path.display().to_string()
        );
    }
    let with_global = |command: String| {
        if global.is_empty() {
            command
        } else {
            format!("{command} {global}")
        }
    };
    // The day status judged on, which `check` takes too (`report` judges on the day it runs).
    let as_of = as_of
        .map(|d| format!(" --as-of {}", crate::render::command_word(d)))
        .unwrap_or_default();
    let check = with_global(format!("medsec check --answers {file}{as_of}"));
    match evidence {
        None => tr!(
            lang,
            "polish-status-next-probe",
            probe = with_global(format!("medsec probe --answers {file} --out evidence.json")),
            report = with_global(format!(
                "medsec report --answers {file} --evidence evidence.json --out bundle"
            )),
            check = check
        ),
        Some(e) => {
            let evidence = crate::render::command_word(&e.display().to_string());
            tr!(
                lang,
                "polish-status-next-report",
                report = with_global(format!(
                    "medsec report --answers {file} --evidence {evidence} --out bundle"
                )),
                check = check
            )
        }
    }
}

/// An error as diagnostics, so unusable files show up in the same list as findings.
pub fn as_diagnostics(path: &std::path::Path, err: &AnswersError, lang: Lang) -> Vec<Diagnostic> {
    let diags = err.diagnostics();
    if !diags.is_empty() {
        return diags.to_vec();
    }
    let location = match err {
        AnswersError::Checklist { at, .. } => (**at).clone(),
        _ => Location {
            file: path.display().to_string(),
            line: 1,
            column: 1,
        },
    };
    let code = match err {
        AnswersError::Checklist { .. } => "unknown-checklist",
        AnswersError::UnknownFormat { .. } => "unknown-file-type",
        _ => "unreadable",
    };
    vec![Diagnostic {
        code,
        severity: Severity::Error,
        location,
        message: err.message_in_place(lang),
        text: None,
    }]
}
