//! `medsec checklist list|show|lint|schema`.

use super::{Context, Outcome};
use crate::checklist::{self, Catalog, Lang};
use crate::cli::checklist::{ChecklistCommand, LintFormat, ListFormat, ShowFormat};
use crate::diagnostic::Severity;
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
            Ok(with_staleness(Outcome::text(out, Exit::Ok), &catalog, ctx))
        }
        ChecklistCommand::Show(args) => {
            let catalog = Catalog::with_files(&ctx.checklist_paths)?;
            let loaded = catalog.resolve(&args.spec, args.form.map(Into::into))?;
            let out = match args.format {
                ShowFormat::Table => render::checklist::show_table(loaded, ctx.lang),
                ShowFormat::Md => render::checklist::show_markdown(loaded, ctx.lang),
                ShowFormat::Json => render::checklist::show_json(loaded),
            };
            Ok(with_staleness(Outcome::text(out, Exit::Ok), &catalog, ctx))
        }
        ChecklistCommand::Lint { paths, format } => {
            let report = crate::lint::lint_paths(&paths);
            let out = match format {
                LintFormat::Human => {
                    render::diagnostics::human(&report.diagnostics, report.files, ctx.color)
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
            Ok(Outcome::text(out, exit))
        }
        ChecklistCommand::Schema => {
            let schema = schemars::schema_for!(checklist::raw::RawChecklist);
            Ok(Outcome::text(render::json(&schema), Exit::Ok))
        }
    }
}

/// Say so when the newest checklist known is older than the current fiscal year.
fn with_staleness(outcome: Outcome, catalog: &Catalog, ctx: &Context) -> Outcome {
    match checklist::staleness(catalog, ctx.today) {
        None => outcome,
        Some((newest, current)) => outcome.notice(match ctx.lang {
            Lang::Ja => format!(
                "注意: 既知の最新のチェックリストは{}({newest}年度)で、今年度({})より古いものです。新しい版が公表されていれば、そのファイルを --checklist PATH で指定してください。",
                crate::dates::wareki_fiscal_year(newest),
                crate::dates::wareki_fiscal_year(current)
            ),
            Lang::En => format!(
                "note: the newest checklist known is for FY{newest}, older than the current fiscal year FY{current}; if a newer edition is published, give its file with --checklist PATH"
            ),
        }),
    }
}
