//! `medsec answer [FILE] [--round N] [--import SHEET | --export SHEET]`

use super::{Context, Outcome};
use crate::answers::{self, sheet, store, walk, AnswersError};
use crate::checklist::{Catalog, Lang};
use crate::cli::answer::AnswerArgs;
use crate::exit::Exit;
use crate::render;
use anyhow::{bail, Context as _};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn run(args: AnswerArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let catalog = Catalog::with_files(&super::init::split_checklist_args(&ctx.checklist_paths).0)?;
    let file = match &args.file {
        Some(f) => f.clone(),
        None => find_answers_file(Path::new("."))?,
    };
    let (loaded, checklist) = answers::open(&file, &catalog)?;
    let ja = ctx.lang == Lang::Ja;

    if let Some(sheet_path) = &args.import {
        let rows = sheet::read_rows(sheet_path)?;
        let updates = sheet::updates_from_rows(sheet_path, &rows, &checklist.checklist)?;
        let saved = store::save(&loaded, &updates)?;
        let bound = answers::bind(&saved, &checklist.checklist);
        if !bound.is_empty() {
            // Cannot happen (updates name known items), but never leave a bad file unreported.
            return Err(AnswersError::Invalid { diagnostics: bound }.into());
        }
        let msg = if ja {
            format!(
                "{} から {} 件の回答を {} に取り込みました。",
                sheet_path.display(),
                updates.len(),
                file.display()
            )
        } else {
            format!(
                "imported {} answers from {} into {}",
                updates.len(),
                sheet_path.display(),
                file.display()
            )
        };
        return Ok(Outcome::text(String::new(), Exit::Ok).notice(msg));
    }

    if let Some(sheet_path) = &args.export {
        let ext = sheet_path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let bytes = match ext.as_str() {
            "xlsx" => render::sheet::xlsx(&loaded.set, &checklist.checklist, ctx.lang)
                .map_err(|e| anyhow::anyhow!("cannot build the workbook: {e}"))?,
            "csv" => render::sheet::csv(&loaded.set, &checklist.checklist, ctx.lang),
            _ => bail!(
                "{}: unknown sheet type; use .xlsx or .csv",
                sheet_path.display()
            ),
        };
        if sheet_path.exists() && !args.force {
            bail!(
                "{} already exists; use --force to overwrite it",
                sheet_path.display()
            );
        }
        store::write_atomic(sheet_path, &bytes)
            .with_context(|| format!("cannot write {}", sheet_path.display()))?;
        let msg = if ja {
            format!(
                "{} に書き出しました。記入後 `medsec answer {} --import {}` で取り込めます。",
                sheet_path.display(),
                file.display(),
                sheet_path.display()
            )
        } else {
            format!(
                "wrote {}; fill it in, then `medsec answer {} --import {}`",
                sheet_path.display(),
                file.display(),
                sheet_path.display()
            )
        };
        return Ok(Outcome::text(String::new(), Exit::Ok).notice(msg));
    }

    if !std::io::stdin().is_terminal() {
        bail!(
            "`medsec answer` without --import needs a terminal on standard input; without one, edit {} by hand (or import a sheet with `medsec answer {} --import SHEET.csv`) and check it with `medsec status {}`",
            file.display(),
            file.display(),
            file.display()
        );
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
    .map_err(anyhow::Error::from)?;
    let msg = if ja {
        format!(
            "{} 件の回答を保存しました。確認: medsec status {}",
            summary.saved,
            file.display()
        )
    } else {
        format!(
            "saved {} answers; check with `medsec status {}`",
            summary.saved,
            file.display()
        )
    };
    Ok(Outcome::text(String::new(), Exit::Ok).notice(msg))
}

/// The only answers file in `dir`.
fn find_answers_file(dir: &Path) -> anyhow::Result<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).context("cannot list the current folder")? {
        let path = entry?.path();
        if answers::FileFormat::of(&path).is_ok() && answers::load(&path).is_ok() {
            found.push(path);
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!("no answers file here; name one, or create it with `medsec init`"),
        _ => {
            found.sort();
            let names: Vec<String> = found.iter().map(|p| p.display().to_string()).collect();
            bail!(
                "several answers files here ({}); name the one to answer",
                names.join(", ")
            )
        }
    }
}
