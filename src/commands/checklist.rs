//! `medsec checklist list|show|lint|schema`.

use super::{Context, Outcome};
use crate::checklist::{self, Catalog};
use crate::cli::checklist::{ChecklistCommand, FailOn, LintFormat, ListFormat, ShowFormat};
use crate::diagnostic::Severity;
use crate::diff::Impact;
use crate::exit::Exit;
use crate::render;

pub fn run(cmd: ChecklistCommand, ctx: &Context) -> anyhow::Result<Outcome> {
    match cmd {
        ChecklistCommand::List { format } => {
            let catalog = Catalog::with_files(&ctx.checklist_paths)?;
            let entries = catalog.all();
            let out = match format {
                ListFormat::Table => render::checklist::list_table(&entries, ctx.lang),
                ListFormat::Json => render::checklist::list_json(&entries),
            };
            Ok(Outcome::text(out, Exit::Ok).with_staleness(&catalog, ctx))
        }
        ChecklistCommand::Show(args) => {
            let catalog = Catalog::with_files(&ctx.checklist_paths)?;
            let loaded = catalog.resolve(&args.spec, args.form.map(Into::into))?;
            let out = match args.format {
                ShowFormat::Table => render::checklist::show_table(loaded, ctx.lang),
                ShowFormat::Md => render::checklist::show_markdown(loaded, ctx.lang),
                ShowFormat::Json => render::checklist::show_json(loaded),
            };
            Ok(Outcome::text(out, Exit::Ok).with_staleness(&catalog, ctx))
        }
        ChecklistCommand::Lint { paths, format } => {
            let report = crate::lint::lint_paths(&paths);
            // Files that could not be read stop the command: on standard error (and in the
            // JSON, which records every diagnostic); findings are the result, on standard output.
            let (problems, findings): (Vec<_>, Vec<_>) = report
                .diagnostics
                .iter()
                .cloned()
                .partition(|d| matches!(d.code, "unreadable" | "not-utf8"));
            let out = match format {
                LintFormat::Human => {
                    render::diagnostics::human(&findings, report.files, ctx.lang, ctx.color)
                }
                LintFormat::Json => render::json(&report.diagnostics),
            };
            let exit = if report.unreadable {
                Exit::Unusable
            } else if report.count(Severity::Error) > 0 {
                Exit::Findings
            } else {
                Exit::Ok
            };
            let mut outcome = Outcome::text(out, exit);
            outcome.notices = render::diagnostics::problem_lines(&problems, ctx.lang);
            Ok(outcome)
        }
        ChecklistCommand::Diff {
            old,
            new,
            format,
            fail_on,
        } => {
            let catalog = Catalog::with_files(&ctx.checklist_paths)?;
            let old = load_either(&catalog, &old)?;
            let new = load_either(&catalog, &new)?;
            let changes = crate::diff::diff(&old.checklist, &new.checklist);
            let out = match format {
                LintFormat::Human => render::diff::human(&old, &new, &changes, ctx.lang),
                LintFormat::Json => render::diff::json(&old, &new, &changes),
            };
            let threshold = match fail_on {
                FailOn::Never => None,
                FailOn::Breaking => Some(Impact::Breaking),
                FailOn::Review => Some(Impact::Review),
                FailOn::Any => Some(Impact::Minor),
            };
            let failed = threshold.is_some_and(|t| changes.iter().any(|c| c.impact >= t));
            Ok(Outcome::text(
                out,
                if failed { Exit::Findings } else { Exit::Ok },
            ))
        }
        ChecklistCommand::Import(args) => super::checklist_import::import(args, ctx),
        ChecklistCommand::Add { file, force } => super::checklist_import::add(&file, force, ctx),
        ChecklistCommand::Schema => {
            let schema = schemars::schema_for!(checklist::raw::RawChecklist);
            Ok(Outcome::text(render::json(&schema), Exit::Ok))
        }
    }
}

/// A checklist named by file path (when such a file exists or the name ends in .toml) or by
/// `ID[@EDITION]`.
fn load_either(catalog: &Catalog, name: &str) -> anyhow::Result<checklist::Loaded> {
    let path = std::path::Path::new(name);
    if path.is_file() || name.ends_with(".toml") {
        Ok(checklist::load_path(path)?)
    } else {
        Ok(catalog.resolve(name, None)?.clone())
    }
}
