//! `medsec probe`: run the configured probes, render the evidence, write it atomically.

use super::{Context, Outcome};
use crate::answers::AnswerSet;
use crate::checklist::Checklist;
use crate::cli::probe::{ProbeArgs, ProbeFormat};
use crate::exit::Exit;
use crate::probes::{self, contradictions, FileRecord, RunOptions};
use crate::render;
use crate::tr;
use std::io::IsTerminal;

pub fn run(args: ProbeArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    if !args.root.is_dir() {
        return Err(anyhow::anyhow!(tr!(
            lang,
            "probes-root-not-a-folder",
            path = args.root.display().to_string(),
            exists = if args.root.exists() { "yes" } else { "no" }
        )));
    }
    // Validate every input before any probe runs.
    let (mut config, config_record) = match &args.config {
        Some(path) => {
            let (config, bytes) =
                probes::config::load(path).map_err(|e| anyhow::anyhow!(e.localize(lang)))?;
            (config, Some(FileRecord::of_bytes(path, &bytes)))
        }
        None => (probes::default_config(), None),
    };
    let answers = match &args.answers {
        Some(path) => {
            let loaded = crate::answers::load(path, lang).map_err(|e| e.in_lang(lang))?;
            let record = FileRecord::of_file(path).map_err(|e| {
                anyhow::anyhow!(tr!(
                    lang,
                    "probes-cannot-read-file",
                    path = path.display().to_string(),
                    error = probes::messages::detail(lang, &e.to_string())
                ))
            })?;
            Some((loaded.set, record))
        }
        None => None,
    };

    // The gate question answered いいえ makes every other item 対象外: a probe that checks
    // only such items is not run (as `check` does), and the evidence says so.
    let gate_checklist = answers.as_ref().and_then(|(set, _)| {
        checklist_in_use(ctx, Some(set))
            .filter(|c| c.id == set.checklist.id && c.edition == set.checklist.edition)
    });
    let skipped = match (&answers, &gate_checklist) {
        (Some((set, _)), Some(checklist)) => probes::skip_for_gate(&mut config, set, checklist),
        _ => None,
    };
    let gate_said = skipped
        .as_ref()
        .map(|(gate, skip)| render::probe::skipped_by_gate(gate, skip, lang));

    let show_progress =
        !args.no_progress && args.format == ProbeFormat::Table && std::io::stderr().is_terminal();
    let options = RunOptions {
        root: args.root.clone(),
    };
    let mut evidence = if show_progress {
        let bar = render::probe::TerminalProgress::new(lang);
        probes::run_all(&config, &options, &bar)
    } else {
        probes::run_all(&config, &options, &probes::NoProgress)
    };
    evidence.config = config_record;
    let checklist = match args.format {
        ProbeFormat::Table => checklist_in_use(ctx, answers.as_ref().map(|(set, _)| set)),
        ProbeFormat::Json => None,
    };
    if let Some((answers, record)) = answers {
        evidence.contradictions = contradictions::check(&evidence.results, &answers);
        evidence.answers = Some(record);
        // Tied to the institution, so evidence of another one is told at report and verify.
        evidence.institution = probes::evidence::InstitutionRecord::of_answers(&answers);
    }
    evidence.skipped_by_gate = skipped.map(|(_, skip)| skip);

    let json = render::json(&evidence);
    // `--out -`: the evidence JSON is what standard output gets.
    let to_stdout = args.out.as_deref().is_some_and(super::is_stdout);
    if let Some(out) = args.out.as_ref().filter(|_| !to_stdout) {
        crate::atomic::replace(out, json.as_bytes()).map_err(|e| {
            anyhow::anyhow!(tr!(
                lang,
                "probes-cannot-write-evidence",
                path = out.display().to_string(),
                error = probes::messages::detail(lang, &e.to_string())
            ))
        })?;
    }
    let stdout = match args.format {
        _ if to_stdout => json,
        ProbeFormat::Json => json,
        ProbeFormat::Table => {
            // The gate's sentence first; no empty table when every probe was left out.
            let mut text = String::new();
            if let Some(said) = &gate_said {
                text.push_str(&render::prose::for_stdout(said));
                text.push('\n');
            }
            if gate_said.is_none() || !evidence.results.is_empty() {
                text.push_str(&render::probe::table(&evidence, checklist.as_ref(), lang));
            }
            text
        }
    };
    let table = args.format == ProbeFormat::Table && !to_stdout;
    let exit = if evidence.has_findings() {
        Exit::Findings
    } else {
        Exit::Ok
    };
    let mut outcome = Outcome::text(stdout, exit);
    // JSON on standard output: the sentence goes to standard error.
    outcome.notices = gate_said.filter(|_| !table).into_iter().collect();
    Ok(outcome)
}

/// The form whose items the table names: the answers file's checklist and edition, else the
/// one named with `--checklist ID[@EDITION]`, else the newest bundled institution form.
fn checklist_in_use(ctx: &Context, answers: Option<&AnswerSet>) -> Option<Checklist> {
    let catalog = super::init::catalog(ctx).ok()?;
    let named = answers
        .map(|a| format!("{}@{}", a.checklist.id, a.checklist.edition))
        .into_iter()
        .chain(super::init::split_checklist_args(&ctx.checklist_paths).1)
        .chain(std::iter::once("mhlw-institution".to_owned()));
    for spec in named {
        if let Ok(loaded) = catalog.resolve(&spec, None) {
            return Some(loaded.checklist.clone());
        }
    }
    None
}
