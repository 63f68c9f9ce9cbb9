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
    super::refuse_stdout("--export", args.export.as_deref(), ctx.lang)?;
    let catalog = super::init::catalog(ctx)?;
    let file = match &args.file {
        Some(f) => f.clone(),
        None => find_answers_file(Path::new("."), ctx.lang, LookingFor::Answer)?,
    };
    let lang = ctx.lang;
    // An import holds the file's write lock from before it reads the file until it has written
    // it, so two imports at once both land (the second waits) or the second stops (exit 2).
    let held = match &args.import {
        Some(_) => Some(store::lock(&file).map_err(|e| e.in_lang(lang))?),
        None => None,
    };
    let (loaded, checklist) = answers::open(&file, catalog, lang).map_err(|e| e.in_lang(lang))?;

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
        let read = match answers::workbook::read(sheet_path, &checklist.checklist, &found_in)
            .map_err(|mut e| {
                if let answers::workbook::WorkbookAnswersError::OtherForm(other) = &mut e {
                    let fiscal_year = checklist.checklist.fiscal_year;
                    other.set_init_command(init_of_form(
                        catalog,
                        other.book_form(),
                        fiscal_year,
                        sheet_path,
                    ));
                }
                anyhow!(e.localize(lang))
            })? {
            Some(workbook) => Read::Workbook(workbook),
            None => {
                let rows = sheet::read_rows(sheet_path).map_err(|e| e.in_lang(lang))?;
                Read::Sheet(
                    sheet::read_updates(sheet_path, &rows, &checklist.checklist)
                        .map_err(|e| e.in_lang(lang))?,
                )
            }
        };
        let imported = read.imported();
        // What the walk-through would say about these answers, before anything is written:
        // every problem of the whole sheet is reported in one run.
        let checked = store::apply(&loaded, &imported.updates)
            .and_then(|text| answers::load_str(&file, loaded.format, text, lang))
            .map(|preview| {
                let form = answers::rules::FormInput {
                    answers: &preview,
                    checklist,
                };
                sheet::check_imported(
                    imported,
                    &form,
                    &answers::rules::Options::new(ctx.today, lang),
                )
            });
        let (refused, mut notes) = match checked {
            Ok(checked) => checked,
            // The rows' own problems come first; the file's problem is for after them.
            Err(_) if read.has_problems() => (Vec::new(), Vec::new()),
            Err(e) => return Err(e.in_lang(lang).into()),
        };
        notes.extend(imported.warnings.iter().cloned());
        notes.sort_by_key(|n| n.at.row);
        if read.has_problems() || !refused.is_empty() {
            return Err(read.error(refused, notes, sheet_path, lang));
        }
        let saved =
            store::save_locked(held, &loaded, &imported.updates).map_err(|e| e.in_lang(lang))?;
        // What the file now says differently, not the rows that carry an answer: importing the
        // same workbook again changes nothing, and says so.
        let count = imported
            .updates
            .iter()
            .filter(|u| loaded.set.answer(&u.item, u.round) != saved.set.answer(&u.item, u.round))
            .count();
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
        // An unfilled workbook (or the blank form given by mistake) imports nothing: said, so
        // that 「0件」 is not taken for a success.
        if imported.updates.is_empty() {
            outcome = outcome.notice(tr!(
                lang,
                "answers-import-nothing-marked",
                sheet = sheet_path.display().to_string()
            ));
        } else if count == 0 {
            outcome = outcome.notice(tr!(
                lang,
                "answers-import-unchanged",
                sheet = sheet_path.display().to_string(),
                path = file.display().to_string()
            ));
        }
        if let Read::Workbook(answers::workbook::ReadWorkbook {
            file,
            chosen_sheet: Some((sheet, sheets)),
            ..
        }) = &read
        {
            outcome = outcome.notice(tr!(
                lang,
                "import-recorded-sheet",
                file = file.as_str(),
                sheet = sheet.as_str(),
                sheets = crate::i18n::join_code(lang, sheets)
            ));
        }
        if !notes.is_empty() {
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
                tr!(lang, "answers-import-attention", count = notes.len()),
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
        // The re-import command is copied into a shell: both paths as one word each.
        let path = crate::render::command_word(&file.display().to_string());
        let sheet_word = crate::render::command_word(&shown);
        let msg = if args.layout == crate::cli::answer::SheetLayout::Official {
            let done = tr!(
                lang,
                "answers-workbook-export-done",
                sheet = shown.clone(),
                sheet_word = sheet_word,
                path = path,
                global = ctx.global_suffix()
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
                sheet_word = sheet_word,
                path = path,
                global = ctx.global_suffix()
            )
        };
        return Ok(Outcome::text(String::new(), Exit::Ok).notice(msg));
    }

    if !std::io::stdin().is_terminal() {
        return Err(anyhow!(tr!(
            lang,
            "answers-need-terminal",
            path = crate::render::command_word(&file.display().to_string())
        )));
    }
    let path = crate::render::command_word(&file.display().to_string());
    // How to go on, said whenever the walk stops before the end: the same command again.
    let resume = {
        let round = match args.round {
            1 => String::new(),
            n => format!(" --round {n}"),
        };
        let global = ctx.global_flags();
        let global = if global.is_empty() {
            global
        } else {
            format!(" {global}")
        };
        format!("medsec answer {path}{round}{global}")
    };
    // Ctrl-C (or a closed terminal) ends the process at whatever prompt it is: every step
    // entered before is saved already, and this says so.
    let _stopped = walk::arm_stop_sentence(lang, &file, &resume);
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
    // Details typed before quitting are saved too: say so, not only the answers' count.
    let saved = if summary.fields_saved > 0 {
        tr!(
            lang,
            "answers-walk-saved-count-details",
            count = summary.saved,
            fields = summary.fields_saved,
            path = path
        )
    } else {
        tr!(
            lang,
            "answers-walk-saved-count",
            count = summary.saved,
            path = path
        )
    };
    let mut said = Vec::new();
    if summary.input_ended {
        said.push(tr!(lang, "walk-stopped-input-ended"));
    }
    said.push(saved);
    if summary.quit || summary.input_ended {
        said.push(tr!(lang, "walk-resume", command = resume.as_str()));
    }
    Ok(said
        .into_iter()
        .fold(Outcome::text(String::new(), Exit::Ok), Outcome::notice))
}

/// What `--import` read: medsec's own sheet (CSV or XLSX) or a filled checklist workbook.
/// Both give answers with the rows and cells they came from, and both are checked the same
/// way; only their problems are told in their own words.
enum Read {
    Sheet(sheet::ReadSheet),
    Workbook(answers::workbook::ReadWorkbook),
}

impl Read {
    fn imported(&self) -> &sheet::Imported {
        match self {
            Read::Sheet(read) => &read.imported,
            Read::Workbook(read) => &read.imported,
        }
    }

    fn has_problems(&self) -> bool {
        match self {
            Read::Sheet(read) => !read.problems.is_empty(),
            Read::Workbook(read) => !read.problems.is_empty(),
        }
    }

    /// The error listing every problem of the rows, the values the walk-through refuses, and
    /// then the warnings: nothing is imported.
    fn error(
        self,
        refused: Vec<sheet::RowNote>,
        warnings: Vec<sheet::RowNote>,
        path: &Path,
        lang: Lang,
    ) -> anyhow::Error {
        match self {
            Read::Sheet(read) => {
                let mut problems = read.problems;
                problems.extend(refused.into_iter().map(sheet::SheetProblem::Refused));
                problems.sort_by_key(sheet::SheetProblem::row);
                problems.extend(warnings.into_iter().map(sheet::SheetProblem::Warning));
                AnswersError::Sheet {
                    path: path.to_owned(),
                    problems,
                }
                .in_lang(lang)
                .into()
            }
            Read::Workbook(read) => {
                use answers::workbook::Problem;
                let mut problems = read.problems.clone();
                problems.extend(refused.into_iter().map(Problem::Refused));
                problems.extend(warnings.into_iter().map(Problem::Warning));
                anyhow!(read.error(problems).localize(lang))
            }
        }
    }
}

/// What the only answers file in a folder is looked for to do: the words of the message when
/// there are several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LookingFor {
    Answer,
    Status,
}

/// The answers files in `dir`, sorted, without the vendor forms (事業者確認用) that another
/// file there lists in `[vendors] forms`: those are read with the institution's file, so a
/// clinic's folder (clinic.toml and the vendor-karte.toml it lists) has one answers file.
///
/// A file that reads as an answers file (its `[checklist]`, `[[answers]]`, … tables) but does
/// not load (a typo) is one of them all the same: the command then names it and says where it
/// fails, rather than making a new file or using another one beside it.
pub(super) fn answers_files_in(dir: &Path, lang: Lang) -> Vec<PathBuf> {
    let mut loaded: Vec<(PathBuf, answers::Loaded)> = Vec::new();
    let mut unreadable: Vec<PathBuf> = Vec::new();
    let candidates = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && answers::FileFormat::of(p).is_ok());
    for p in candidates {
        match answers::load(&p, lang) {
            Ok(l) => loaded.push((p, l)),
            Err(_) if looks_like_answers(&p) => unreadable.push(p),
            // Another TOML or YAML file (probes.toml, keys.toml, a checklist): not answers.
            Err(_) => {}
        }
    }
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
    let listed: std::collections::BTreeSet<PathBuf> = loaded
        .iter()
        .filter_map(|(p, l)| Some((p, l.set.vendors.as_ref()?)))
        .flat_map(|(p, v)| {
            let base = p.parent().map(Path::to_owned).unwrap_or_default();
            v.forms.iter().map(move |f| canonical(&base.join(f)))
        })
        .collect();
    loaded.retain(|(p, l)| l.set.vendor.is_none() || !listed.contains(&canonical(p)));
    let mut found: Vec<PathBuf> = loaded.into_iter().map(|(p, _)| p).collect();
    found.extend(
        unreadable
            .into_iter()
            .filter(|p| !listed.contains(&canonical(p))),
    );
    found.sort();
    found
}

/// Whether a file that did not load was meant as an answers file
/// ([`crate::answers::looks_like_answers`]).
fn looks_like_answers(path: &Path) -> bool {
    let Ok(bytes) = crate::limits::read(path, crate::limits::InputKind::Answers) else {
        return false;
    };
    crate::answers::looks_like_answers(&String::from_utf8_lossy(&bytes))
}

/// The only answers file in `dir` (a vendor form the institution's file lists is not another).
pub(super) fn find_answers_file(
    dir: &Path,
    lang: Lang,
    looking_for: LookingFor,
) -> anyhow::Result<PathBuf> {
    let mut found = answers_files_in(dir, lang);
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(anyhow!(tr!(lang, "answers-no-file-here"))),
        _ => {
            let names: Vec<String> = found.iter().map(|p| p.display().to_string()).collect();
            let files = crate::i18n::join_code(lang, &names);
            Err(anyhow!(match looking_for {
                LookingFor::Answer => tr!(lang, "answers-several-files-here", files = files),
                LookingFor::Status =>
                    tr!(lang, "report-review-several-files-status", files = files),
            }))
        }
    }
}

/// The command that makes an answers file of `form` for the workbook at `workbook`, of
/// `fiscal_year`: `medsec init --form F` when that makes it on the one checklist of that form and
/// year medsec knows, `medsec --checklist ID init` when init would pick another, and the import of
/// the workbook first when medsec knows none (init would make last year's form).
fn init_of_form(
    catalog: &crate::checklist::Catalog,
    form: crate::checklist::Form,
    fiscal_year: i16,
    workbook: &std::path::Path,
) -> String {
    let word = |s: &str| crate::render::text::command_word(s);
    let known: Vec<String> = catalog
        .list()
        .into_iter()
        .filter(|l| l.summary.form == form && l.summary.fiscal_year == fiscal_year)
        .map(|l| l.summary.full_id())
        .collect();
    let default = super::init::default_for(catalog, form).map(|l| l.checklist.full_id());
    match known.as_slice() {
        [one] if default.as_ref() == Some(one) => format!("medsec init --form {form}"),
        [one] => format!("medsec --checklist {} init", word(one)),
        _ => {
            let (book, out) = crate::checklist::workbook_import_words(workbook);
            // A command line, not a sentence: the words joined.
            [
                "medsec",
                "checklist",
                "import",
                &book,
                "--out",
                &out,
                "&&",
                "medsec",
                "--checklist",
                &out,
                "init",
            ]
            .join(" ")
        }
    }
}
