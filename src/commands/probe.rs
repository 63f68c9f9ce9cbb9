//! `medsec probe`: run the configured probes, render the evidence, write it atomically.

use super::{Context, Outcome};
use crate::cli::probe::{ProbeArgs, ProbeFormat};
use crate::exit::Exit;
use crate::probes::{self, contradictions, FileRecord, RunOptions};
use crate::render;
use anyhow::Context as _;
use std::io::IsTerminal;

pub fn run(args: ProbeArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    if !args.root.is_dir() {
        anyhow::bail!("--root {}: not a folder", args.root.display());
    }
    // Validate every input before any probe runs.
    let (config, config_record) = match &args.config {
        Some(path) => {
            let (config, bytes) = probes::config::load(path)?;
            (config, Some(FileRecord::of_bytes(path, &bytes)))
        }
        None => (probes::default_config(), None),
    };
    let answers = match &args.answers {
        Some(path) => {
            let loaded = crate::answers::load(path, ctx.lang)?;
            let record = FileRecord::of_file(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Some((loaded.set, record))
        }
        None => None,
    };

    let show_progress =
        !args.no_progress && args.format == ProbeFormat::Table && std::io::stderr().is_terminal();
    let options = RunOptions {
        root: args.root.clone(),
    };
    let mut evidence = if show_progress {
        let bar = render::probe::TerminalProgress::new(ctx.lang);
        probes::run_all(&config, &options, &bar)
    } else {
        probes::run_all(&config, &options, &probes::NoProgress)
    };
    evidence.config = config_record;
    if let Some((answers, record)) = answers {
        evidence.contradictions = contradictions::check(&evidence.results, &answers);
        evidence.answers = Some(record);
    }

    let json = render::json(&evidence);
    if let Some(out) = &args.out {
        crate::atomic::replace(out, json.as_bytes())
            .with_context(|| format!("cannot write the evidence to {}", out.display()))?;
    }
    let stdout = match args.format {
        ProbeFormat::Json => json,
        ProbeFormat::Table => render::probe::table(&evidence, ctx.lang),
    };
    let exit = if evidence.has_findings() {
        Exit::Findings
    } else {
        Exit::Ok
    };
    Ok(Outcome::text(stdout, exit))
}
