//! `medsec answer [FILE] [--round N] [--import SHEET | --export SHEET]`

use super::{Context, Outcome};
use crate::answers::{self, sheet, store, walk, AnswersError};
use crate::checklist::Lang;
use crate::cli::answer::AnswerArgs;
use crate::exit::Exit;
use crate::render;
use anyhow::{bail, Context as _};
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
    let ja = lang == Lang::Ja;

    if let (Some(sheet_path), Some(held)) = (&args.import, &held) {
        let rows = sheet::read_rows(sheet_path).map_err(|e| e.in_lang(lang))?;
        let updates = sheet::updates_from_rows(sheet_path, &rows, &checklist.checklist)
            .map_err(|e| e.in_lang(lang))?;
        let saved = store::save_locked(held, &loaded, &updates).map_err(|e| e.in_lang(lang))?;
        let bound = answers::bind(&saved, &checklist.checklist);
        if !bound.is_empty() {
            // Cannot happen (updates name known items), but never leave a bad file unreported.
            return Err(AnswersError::Invalid { diagnostics: bound }
                .in_lang(lang)
                .into());
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
        crate::atomic::replace(sheet_path, &bytes)
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
        let f = file.display();
        if ja {
            bail!(
                "`medsec answer` を --import なしで使うには標準入力が端末である必要があります。端末がない場合は {f} を直接編集するか(`medsec answer {f} --import SHEET.csv` でシートを取り込むこともできます)、`medsec status {f}` で確認してください"
            );
        }
        bail!(
            "`medsec answer` without --import needs a terminal on standard input; without one, edit {f} by hand (or import a sheet with `medsec answer {f} --import SHEET.csv`) and check it with `medsec status {f}`"
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
    .map_err(|e| match e {
        walk::WalkError::Answers(e) => anyhow::Error::from(e.in_lang(lang)),
        other => anyhow::Error::from(other),
    })?;
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
fn find_answers_file(dir: &Path, lang: Lang) -> anyhow::Result<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).context("cannot list the current folder")? {
        let path = entry?.path();
        if answers::FileFormat::of(&path).is_ok() && answers::load(&path, lang).is_ok() {
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
