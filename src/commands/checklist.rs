//! `medsec checklist list|show|lint|schema`.

use super::{Context, Outcome};
use crate::checklist::{self, Catalog, Lang};
use crate::cli::checklist::{
    ChecklistCommand, DenyArg, DiffArgs, DiffFormat, FailOn, LintArgs, LintFormat, ListFormat,
    ShowFormat,
};
use crate::diagnostic::Severity;
use crate::diff::Impact;
use crate::exit::Exit;
use crate::render;
use std::path::Path;

pub fn run(cmd: ChecklistCommand, ctx: &Context) -> anyhow::Result<Outcome> {
    match cmd {
        ChecklistCommand::List { format } => {
            let catalog = Catalog::with_files(&ctx.checklist_paths)?;
            let entries = catalog.list();
            let out = match format {
                ListFormat::Table => render::checklist::list_table(&entries, ctx.lang),
                ListFormat::Json => render::checklist::list_json(&entries),
            };
            Ok(Outcome::text(out, Exit::Ok).with_staleness(&catalog, ctx))
        }
        ChecklistCommand::Show(args) => {
            let catalog = Catalog::with_files(&ctx.checklist_paths)?;
            // A file path is shown as lint and diff take it (an own checklist linked to its base).
            let loaded = if names_a_file(&args.spec) {
                load_either(&catalog, &args.spec, ctx.lang)?
            } else {
                catalog
                    .resolve(&args.spec, args.form.map(Into::into))?
                    .clone()
            };
            let out = match args.format {
                ShowFormat::Table => render::checklist::show_table(&loaded, ctx.lang),
                ShowFormat::Md => render::checklist::show_markdown(&loaded, ctx.lang),
                ShowFormat::Json => render::checklist::show_json(&loaded),
            };
            Ok(Outcome::text(out, Exit::Ok).with_staleness(&catalog, ctx))
        }
        ChecklistCommand::Lint(args) => lint(args, ctx),
        ChecklistCommand::Diff(args) => diff(args, ctx),
        ChecklistCommand::Import(args) => super::checklist_import::import(args, ctx),
        ChecklistCommand::New(args) => super::checklist_new::run(&args, ctx),
        ChecklistCommand::Add { file, force } => super::checklist_import::add(&file, force, ctx),
        ChecklistCommand::Schema => {
            let schema = schemars::schema_for!(checklist::raw::RawChecklist);
            Ok(Outcome::text(render::json(&schema), Exit::Ok))
        }
    }
}

fn lint(args: LintArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let deny = args
        .deny
        .iter()
        .map(|d| match d {
            DenyArg::Warnings => crate::lint::Deny::Warnings,
        })
        .collect();
    let options = match crate::lint::LintOptions::from_args(deny, &args.allow) {
        Ok(o) => crate::lint::LintOptions {
            bases: super::init::split_checklist_args(&ctx.checklist_paths).0,
            ..o
        },
        Err(unknown) => {
            let mut outcome = Outcome::text(String::new(), Exit::Unusable);
            let message = unknown.localize(ctx.lang);
            outcome.notices = vec![crate::tr!(
                ctx.lang,
                "cli-error",
                message = crate::i18n::end_sentence(ctx.lang, &message)
            )];
            return Ok(outcome);
        }
    };
    let report = match &args.base {
        Some(rev) => match crate::lint::lint_since(rev, &args.paths, options) {
            Ok(r) => r,
            // lint's own advice: run inside a repository, or lint every file without --base.
            Err(crate::diff::DiffError::NotARepository { detail }) => {
                return Err(anyhow::Error::msg(crate::tr!(
                    ctx.lang,
                    "lint-base-not-a-repository",
                    detail = crate::i18n::detail::git(ctx.lang, &detail)
                )))
            }
            Err(e) => return Err(e.into()),
        },
        None => crate::lint::lint_with(&args.paths, options),
    };
    // Files that could not be read stop the command: on standard error (and in the JSON, SARIF
    // and JUnit, which record every diagnostic); findings are the result, on standard output.
    let (problems, findings): (Vec<_>, Vec<_>) =
        report.diagnostics.iter().cloned().partition(|d| {
            matches!(
                d.code,
                "unreadable" | "not-utf8" | "invalid-lint-config" | crate::lint::NO_CHECKLISTS
            )
        });
    // A settings file that cannot be used stops the command: its errors on standard error,
    // nothing on standard output (no summary, no "settings used").
    let config_broken = problems.iter().any(|d| d.code == "invalid-lint-config");
    // A file that is not UTF-8 was found but not read: it is counted with the unreadable ones,
    // not as a file checked with 0 errors.
    // So is a file found but not read (a workbook where a checklist file is expected): its
    // `unreadable` line must not stand beside "1 file checked: 0 errors".
    let not_read = problems
        .iter()
        .filter(|d| {
            d.code == "not-utf8"
                || (d.code == "unreadable" && Path::new(&d.location.file).is_file())
        })
        .count();
    let files_read = report.files.saturating_sub(not_read);
    let out = match args.format {
        // Nothing could be read (a mistyped path): the problems say so, no "0 files" summary.
        LintFormat::Table
            if config_broken
                || (files_read == 0 && findings.is_empty() && !problems.is_empty()) =>
        {
            String::new()
        }
        LintFormat::Table => {
            let mut out = render::diagnostics::human(&findings, files_read, ctx.lang, ctx.color);
            // The summary counts the files read; those that could not be read are said too,
            // so "0 errors" never stands alone beside an exit 2.
            if !problems.is_empty() {
                out.push_str(&crate::tr!(
                    ctx.lang,
                    "lint-summary-unreadable",
                    count = problems.len()
                ));
                out.push('\n');
            }
            if !report.config_files.is_empty() {
                let files: Vec<String> = report
                    .config_files
                    .iter()
                    .map(|f| format!("`{}`", render::text::escape_controls(f)))
                    .collect();
                out.push_str(&crate::tr!(
                    ctx.lang,
                    "lint-settings-used",
                    files = files.join(&crate::tr!(ctx.lang, "common-list-separator"))
                ));
                out.push('\n');
            }
            out
        }
        LintFormat::Json => render::json(&LintJson {
            config: &report.config_files,
            diagnostics: &report.diagnostics,
        }),
        LintFormat::Sarif => render::sarif::sarif(&report.diagnostics, ctx.lang),
        LintFormat::Junit => {
            render::junit::junit(&report.file_names, &report.diagnostics, ctx.lang)
        }
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

/// `checklist lint --format json`: the settings files used and every finding.
#[derive(serde::Serialize)]
struct LintJson<'a> {
    config: &'a [String],
    diagnostics: &'a [crate::diagnostic::Diagnostic],
}

/// The impact at which `--fail-on` ends the run with exit 1 (none for `never`).
fn threshold(fail_on: FailOn) -> Option<Impact> {
    match fail_on {
        FailOn::Never => None,
        FailOn::Breaking => Some(Impact::Breaking),
        FailOn::Review => Some(Impact::Review),
        FailOn::Any => Some(Impact::Minor),
    }
}

fn diff(args: DiffArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    use crate::diff::sides;
    let (old_path, new_path) = (Path::new(&args.old), Path::new(&args.new));
    // A path (not an ID@EDITION) that is not there: said as not found, not as an unknown ID.
    if args.paths.is_empty() {
        for (name, path) in [(&args.old, old_path), (&args.new, new_path)] {
            let looks_like_path =
                name.contains(['/', '\\']) || name.ends_with(".toml") || super::is_workbook(path);
            if looks_like_path && std::fs::symlink_metadata(path).is_err() {
                return Err(anyhow::Error::msg(crate::tr!(
                    ctx.lang,
                    "diff-path-not-found",
                    path = name.as_str()
                )));
            }
        }
    }
    let files = if !args.paths.is_empty() {
        let old = sides::revision(&args.old, &args.paths)?;
        let new = sides::revision(&args.new, &args.paths)?;
        if old.is_empty() && new.is_empty() {
            return Err(crate::diff::DiffError::NoChecklists {
                old: args.old.clone(),
                new: args.new.clone(),
                paths: args.paths.iter().map(|p| p.display().to_string()).collect(),
            }
            .into());
        }
        Some((old, new))
    } else if old_path.is_dir() || new_path.is_dir() {
        if !(old_path.is_dir() && new_path.is_dir()) {
            return Err(crate::diff::DiffError::Mixed {
                old: args.old.clone(),
                new: args.new.clone(),
            }
            .into());
        }
        let (old, new) = (sides::folder(old_path)?, sides::folder(new_path)?);
        // Two empty folders are refused as two revisions without checklists are: a mistyped
        // folder must not pass a CI gate as "nothing changed".
        if old.is_empty() && new.is_empty() {
            return Err(anyhow::Error::msg(crate::tr!(
                ctx.lang,
                "diff-empty-folders",
                old = args.old.as_str(),
                new = args.new.as_str()
            )));
        }
        Some((old, new))
    } else {
        None
    };
    let Some((old_files, new_files)) = files else {
        let catalog = Catalog::with_files(&ctx.checklist_paths)?;
        // Two git revisions without `-- PATH`: said as revisions that need paths, not as
        // unknown checklists.
        let unknown = |name: &str| {
            !Path::new(name).exists()
                && !name.ends_with(".toml")
                && catalog.resolve(name, None).is_err()
        };
        if unknown(&args.old)
            && unknown(&args.new)
            && sides::is_revision(&args.old)
            && sides::is_revision(&args.new)
        {
            return Err(anyhow::Error::msg(crate::tr!(
                ctx.lang,
                "diff-revisions-need-paths",
                old = args.old.as_str(),
                new = args.new.as_str()
            )));
        }
        // A workbook beside a checklist is imported under that checklist's ID: the ID the
        // in-memory import makes from the file name is no change of the form.
        let workbook = |name: &str| super::is_workbook(Path::new(name));
        let (old, new) = match (workbook(&args.old), workbook(&args.new)) {
            (false, true) => {
                let old = load_either(&catalog, &args.old, ctx.lang)?;
                let id = old.checklist.id.clone();
                let new = super::workbook_checklist_as(new_path, Some(&id), ctx.lang)?;
                (old, new)
            }
            (true, false) => {
                let new = load_either(&catalog, &args.new, ctx.lang)?;
                let id = new.checklist.id.clone();
                (
                    super::workbook_checklist_as(old_path, Some(&id), ctx.lang)?,
                    new,
                )
            }
            _ => (
                load_either(&catalog, &args.old, ctx.lang)?,
                load_either(&catalog, &args.new, ctx.lang)?,
            ),
        };
        let changes = crate::diff::diff(&old.checklist, &new.checklist);
        let out = match args.format {
            DiffFormat::Table => render::diff::human(&old, &new, &changes, ctx.lang),
            DiffFormat::Json => render::diff::json(&old, &new, &changes),
            DiffFormat::Md => render::diff::markdown(&old, &new, &changes, ctx.lang),
        };
        let all: Vec<&crate::diff::Change> = changes.iter().collect();
        let exit = if crate::diff::fails(&all, 0, 0, threshold(args.fail_on)) {
            Exit::Findings
        } else {
            Exit::Ok
        };
        return Ok(Outcome::text(out, exit));
    };
    // Own checklists compared as they are used: linked to their base (on the same side first).
    let bases = super::init::split_checklist_args(&ctx.checklist_paths).0;
    let catalog = || Catalog::with_files(&bases);
    let (old_files, new_files) = (
        sides::linked(old_files, catalog)?,
        sides::linked(new_files, catalog)?,
    );
    let paired = sides::pair(old_files, new_files);
    let set = render::diff::FileSet {
        pairs: paired
            .pairs
            .iter()
            .map(|(o, n)| {
                (
                    o,
                    n,
                    crate::diff::diff(&o.loaded.checklist, &n.loaded.checklist),
                )
            })
            .collect(),
        added: &paired.added,
        removed: &paired.removed,
    };
    let all: Vec<&crate::diff::Change> = set.pairs.iter().flat_map(|(_, _, c)| c).collect();
    let failed = crate::diff::fails(
        &all,
        set.added.len(),
        set.removed.len(),
        threshold(args.fail_on),
    );
    let out = match args.format {
        DiffFormat::Table => render::diff::human_files(&set, ctx.lang),
        DiffFormat::Json => render::diff::json_files(&set),
        DiffFormat::Md => render::diff::markdown_files(&set, ctx.lang),
    };
    Ok(Outcome::text(
        out,
        if failed { Exit::Findings } else { Exit::Ok },
    ))
}

/// `name` is a checklist file's path (such a file exists, or the name ends in .toml), not
/// `ID[@EDITION]`.
pub(super) fn names_a_file(name: &str) -> bool {
    Path::new(name).is_file() || name.ends_with(".toml")
}

/// A checklist named by file path (when such a file exists or the name ends in .toml) or by
/// `ID[@EDITION]`; a workbook (`.xlsx`) is imported in memory as `verify --checklist` imports
/// it, so the command verify suggests runs as printed.
fn load_either(catalog: &Catalog, name: &str, lang: Lang) -> anyhow::Result<checklist::Loaded> {
    let path = std::path::Path::new(name);
    if super::is_workbook(path) {
        return super::workbook_checklist(path, lang);
    }
    if names_a_file(name) {
        // An own checklist is compared as it is used: linked to its base.
        let loaded = checklist::load_path(path)?;
        Ok(catalog
            .linked(&loaded)
            .map_err(|diagnostics| checklist::ChecklistError::Invalid { diagnostics })?)
    } else {
        Ok(catalog.resolve(name, None)?.clone())
    }
}
