//! `medsec status FILE... [--format table|json]`

use super::{Context, Outcome};
use crate::answers::{self, rules, AnswersError};
use crate::checklist::Lang;
use crate::cli::status::{StatusArgs, StatusFormat};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::exit::Exit;
use crate::render;
use std::collections::BTreeSet;
use std::path::PathBuf;

pub fn run(args: StatusArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    if super::status_bundle::is_report_input(&args.files) {
        return super::status_bundle::run(&args, ctx);
    }
    let as_of = ctx.as_of(args.as_of.as_deref())?;
    let catalog = super::init::catalog(ctx)?;
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
        match answers::open(&path, &catalog, ctx.lang) {
            Ok((loaded, checklist)) => {
                // Vendor forms listed by the institution are read as if given.
                if let Some(v) = &loaded.set.vendors {
                    let base = path.parent().map(PathBuf::from).unwrap_or_default();
                    queue.extend(v.forms.iter().map(|f| base.join(f)));
                }
                opened.push((loaded, checklist));
            }
            Err(err) => unusable.extend(as_diagnostics(&path, &err, ctx.lang)),
        }
    }
    let inputs: Vec<rules::FormInput> = opened
        .iter()
        .map(|(answers, checklist)| rules::FormInput { answers, checklist })
        .collect();
    let options = rules::Options {
        as_of,
        lang: ctx.lang,
        show_round_2: args.round == Some(2),
    };
    let inspection = rules::inspect(&inputs, &options);
    let exit = if !unusable.is_empty() {
        Exit::Unusable
    } else if !inspection.complete {
        Exit::Findings
    } else {
        Exit::Ok
    };
    let out = match args.format {
        StatusFormat::Table => render::status::table(&inspection, &unusable, ctx.lang, ctx.color),
        StatusFormat::Json => render::status::json(&inspection, &unusable),
    };
    Ok(Outcome::text(out, exit))
}

/// An error as diagnostics, so unusable files show up in the same list as findings.
pub fn as_diagnostics(path: &std::path::Path, err: &AnswersError, lang: Lang) -> Vec<Diagnostic> {
    let diags = err.diagnostics();
    if !diags.is_empty() {
        return diags.to_vec();
    }
    let code = match err {
        AnswersError::Checklist { .. } => "unknown-checklist",
        AnswersError::UnknownFormat { .. } => "unknown-file-type",
        _ => "unreadable",
    };
    vec![Diagnostic {
        code,
        severity: Severity::Error,
        location: Location {
            file: path.display().to_string(),
            line: 1,
            column: 1,
        },
        message: err.message(lang),
        text: None,
    }]
}
