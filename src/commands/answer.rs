//! `medsec answer [FILE] [--round N] [--import SHEET | --export SHEET]`

use super::{Context, Outcome};
use crate::answers::{self, sheet, store, walk, AnswersError};
use crate::checklist::Lang;
use crate::cli::answer::AnswerArgs;
use crate::exit::Exit;
use crate::render;
use crate::tr;
use anyhow::anyhow;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn run(args: AnswerArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let catalog = super::init::catalog(ctx)?;
    let file = match &args.file {
        Some(f) => f.clone(),
        None => find_answers_file(Path::new("."), ctx.lang)?,
    };
    let lang = ctx.lang;
    // An import holds the file's write lock from before it reads the file until it has written
    // it, so two imports at once both land (the second waits) or the second stops (exit 2).
    let held = match &args.import {
        Some(_) => Some(store::lock(&file).map_err(|e| e.in_lang(lang))?),
        None => None,
    };
    let (loaded, checklist) = answers::open(&file, &catalog, lang).map_err(|e| e.in_lang(lang))?;

    if let (Some(sheet_path), Some(held)) = (&args.import, &held) {
        // A filled checklist workbook (the official form), else medsec's own sheet.
        let map = args
            .map
            .as_deref()
            .map(|m| super::checklist_import::read_map(m, lang))
            .transpose()?;
        let found_in = answers::workbook::Where {
            sheet: args.sheet_name.as_deref(),
            map: map.as_ref(),
        };
        let (saved, count, notes) =
            match answers::workbook::read(sheet_path, &checklist.checklist, &found_in)
                .map_err(|e| anyhow!(e.localize(lang)))?
            {
                Some(updates) => {
                    let saved =
                        store::save_locked(held, &loaded, &updates).map_err(|e| e.in_lang(lang))?;
                    (saved, updates.len(), Vec::new())
                }
                None => {
                    let rows = sheet::read_rows(sheet_path).map_err(|e| e.in_lang(lang))?;
                    let imported = sheet::read_updates(sheet_path, &rows, &checklist.checklist)
                        .map_err(|e| e.in_lang(lang))?;
                    // What the walk-through would say about these answers, before anything is written.
                    let preview = answers::load_str(
                        &file,
                        loaded.format,
                        store::apply(&loaded, &imported.updates).map_err(|e| e.in_lang(lang))?,
                        lang,
                    )
                    .map_err(|e| e.in_lang(lang))?;
                    let form = answers::rules::FormInput {
                        answers: &preview,
                        checklist,
                    };
                    let (refused, findings) = sheet::check_imported(
                        &imported,
                        &form,
                        &answers::rules::Options::new(ctx.today, lang),
                    );
                    if !refused.is_empty() {
                        return Err(AnswersError::Sheet {
                            path: sheet_path.clone(),
                            problems: refused,
                        }
                        .in_lang(lang)
                        .into());
                    }
                    let saved = store::save_locked(held, &loaded, &imported.updates)
                        .map_err(|e| e.in_lang(lang))?;
                    let count = imported.updates.len();
                    let mut notes = imported.warnings;
                    notes.extend(findings);
                    (saved, count, notes)
                }
            };
        let bound = answers::bind(&saved, &checklist.checklist);
        if !bound.is_empty() {
            // Cannot happen (updates name known items), but never leave a bad file unreported.
            return Err(AnswersError::Invalid { diagnostics: bound }
                .in_lang(lang)
                .into());
        }
        let msg = tr!(
            lang,
            "answers-import-done",
            sheet = sheet_path.display().to_string(),
            count = count,
            path = file.display().to_string()
        );
        let mut outcome = Outcome::text(String::new(), Exit::Ok).notice(msg);
        let mut notes: Vec<&sheet::RowNote> = notes.iter().collect();
        notes.sort_by_key(|n| n.row);
        if !notes.is_empty() {
            let mut rows: Vec<usize> = notes.iter().map(|n| n.row).collect();
            rows.dedup();
            let lines: Vec<String> = notes
                .iter()
                .map(|n| {
                    let line = tr!(
                        lang,
                        "answers-field-import-warning",
                        message = n.message(lang)
                    );
                    format!("  {line}")
                })
                .collect();
            outcome = outcome.notice(format!(
                "{}\n{}",
                tr!(lang, "answers-field-import-attention", count = rows.len()),
                lines.join("\n")
            ));
        }
        return Ok(outcome);
    }

    if let Some(sheet_path) = &args.export {
        let ext = sheet_path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let shown = sheet_path.display().to_string();
        let mut left_out = 0;
        let bytes = match ext.as_str() {
            "xlsx" if args.layout == crate::cli::answer::SheetLayout::Official => {
                let exported =
                    answers::workbook::export_official(&loaded.set, &checklist.checklist)
                        .map_err(|e| anyhow!(e.localize(lang)))?;
                left_out = exported.left_out;
                exported.bytes
            }
            _ if args.layout == crate::cli::answer::SheetLayout::Official => {
                return Err(anyhow!(tr!(
                    lang,
                    "answers-workbook-xlsx-only",
                    path = shown
                )));
            }
            "xlsx" => {
                render::sheet::xlsx(&loaded.set, &checklist.checklist, ctx.lang).map_err(|e| {
                    anyhow!(tr!(lang, "answers-export-workbook", reason = e.to_string()))
                })?
            }
            "csv" => render::sheet::csv(&loaded.set, &checklist.checklist, ctx.lang),
            _ => {
                return Err(AnswersError::Sheet {
                    path: sheet_path.clone(),
                    problems: vec![sheet::SheetProblem::UnknownType],
                }
                .in_lang(lang)
                .into())
            }
        };
        if sheet_path.exists() && !args.force {
            return Err(anyhow!(tr!(lang, "answers-export-exists", path = shown)));
        }
        crate::atomic::replace(sheet_path, &bytes).map_err(|e| {
            anyhow!(tr!(
                lang,
                "answers-export-write",
                path = shown.clone(),
                reason = answers::io_reason(&e, lang)
            ))
        })?;
        let path = file.display().to_string();
        let msg = if args.layout == crate::cli::answer::SheetLayout::Official {
            let done = tr!(
                lang,
                "answers-workbook-export-done",
                sheet = shown.clone(),
                path = path
            );
            match left_out {
                0 => done,
                n => format!(
                    "{done}\n{}",
                    tr!(lang, "answers-workbook-export-left-out", count = n)
                ),
            }
        } else {
            tr!(
                lang,
                "answers-export-done",
                sheet = shown.clone(),
                path = path
            )
        };
        return Ok(Outcome::text(String::new(), Exit::Ok).notice(msg));
    }

    if !std::io::stdin().is_terminal() {
        return Err(anyhow!(tr!(
            lang,
            "answers-need-terminal",
            path = file.display().to_string()
        )));
    }
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let summary = walk::run(
        loaded,
        &checklist.checklist,
        args.round,
        ctx.lang,
        ctx.today,
        stdin.lock(),
        stdout.lock(),
    )
    .map_err(|e| match e {
        walk::WalkError::Answers(e) => anyhow::Error::from(e.in_lang(lang)),
        other => anyhow!(other.localize(lang)),
    })?;
    let msg = tr!(
        lang,
        "answers-walk-saved-count",
        count = summary.saved,
        path = file.display().to_string()
    );
    Ok(Outcome::text(String::new(), Exit::Ok).notice(msg))
}

/// The only answers file in `dir`.
pub(super) fn find_answers_file(dir: &Path, lang: Lang) -> anyhow::Result<PathBuf> {
    let mut found = Vec::new();
    let cannot_list = |e: std::io::Error| {
        anyhow!(tr!(
            lang,
            "answers-cannot-list-folder",
            reason = crate::i18n::io_error(lang, &e)
        ))
    };
    for entry in std::fs::read_dir(dir).map_err(cannot_list)? {
        let path = entry.map_err(cannot_list)?.path();
        if answers::FileFormat::of(&path).is_ok() && answers::load(&path, lang).is_ok() {
            found.push(path);
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(anyhow!(tr!(lang, "answers-no-file-here"))),
        _ => {
            found.sort();
            let names: Vec<String> = found.iter().map(|p| p.display().to_string()).collect();
            Err(anyhow!(tr!(
                lang,
                "answers-several-files-here",
                files = names.join(&tr!(lang, "answers-list-separator"))
            )))
        }
    }
}
