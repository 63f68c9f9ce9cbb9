//! `medsec checklist import WORKBOOK` and `medsec checklist add FILE`.

use super::{Context, Outcome};
use crate::atomic::{self, Replace};
use crate::checklist::import::{self, ImportOptions, Map, Provenance};
use crate::checklist::{registry, Form, Lang};
use crate::cli::checklist::ImportArgs;
use crate::diagnostic::Severity;
use crate::exit::Exit;
use crate::limits::{self, InputKind};
use crate::tr;
use std::path::Path;

fn fail(message: String) -> anyhow::Error {
    anyhow::Error::msg(message)
}

/// The `--map` value: a TOML file when one exists at that path (or it ends in .toml), else
/// `key=value` pairs.
pub(super) fn read_map(spec: &str, lang: Lang) -> anyhow::Result<Map> {
    let path = Path::new(spec);
    let parsed = if path.is_file() || spec.ends_with(".toml") {
        let text = limits::read_text_io(path, InputKind::Settings).map_err(|e| {
            fail(tr!(
                lang,
                "workbook-read-failed",
                path = path.display().to_string(),
                reason = crate::i18n::io_error(lang, &e)
            ))
        })?;
        Map::parse_toml(&text)
    } else {
        Map::parse_spec(spec)
    };
    parsed.map_err(|e| fail(import::ImportError::Map(e).localize(lang)))
}

pub fn import(mut args: ImportArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    args.out = super::out_file(args.out);
    let map = args.map.as_deref().map(|m| read_map(m, lang)).transpose()?;
    let bytes =
        limits::read(&args.workbook, InputKind::Sheet).map_err(|e| fail(e.message(lang)))?;
    let file_name = args
        .workbook
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let opts = ImportOptions {
        file_name: file_name.clone(),
        id: args.id,
        edition: args
            .edition
            .map(|e| crate::checklist::edition::for_people(&e, ctx.today))
            .transpose()
            .map_err(|e| fail(e.localize(lang)))?,
        form: args.form.map(Into::into),
        sheet: args.sheet,
        map,
        ids_from: args
            .ids_from
            .as_deref()
            .map(|spec| ids_from(spec, ctx))
            .transpose()?,
    };
    let imported = import::import(&bytes, &opts).map_err(|e| match e {
        // The command to run names the file as the user gave it, folder and all.
        import::ImportError::AnswersSheet { sheet, .. } => fail(
            import::ImportError::AnswersSheet {
                file: args.workbook.display().to_string(),
                sheet,
            }
            .localize(lang),
        ),
        e => fail(e.localize(lang)),
    })?;
    if let Some(from) = &opts.ids_from {
        let vendor = |f: Form| f == Form::Vendor;
        if vendor(from.checklist.form) != vendor(imported.form) {
            return Err(fail(tr!(
                lang,
                "import-ids-other-form",
                from = from.checklist.full_id(),
                from_form = from.checklist.form.label(lang),
                form = imported.form.label(lang)
            )));
        }
    }
    let mut notices = vec![tr!(
        lang,
        "workbook-imported",
        items = imported.items,
        sections = imported.sections,
        checklist = imported.checklist.as_str(),
        header = imported.header.as_str(),
        layout = imported.layout.as_str()
    )];
    notices.push(match &imported.provenance {
        Provenance::Official(w) => tr!(
            lang,
            "workbook-official",
            file = file_name.as_str(),
            form = w.form_ja.as_str(),
            edition = w.edition.as_str()
        ),
        Provenance::HashDiffers(w) => tr!(
            lang,
            "workbook-hash-differs",
            file = file_name.as_str(),
            sha256 = imported.sha256.as_str(),
            official = w.sha256.as_str()
        ),
        Provenance::Other => tr!(lang, "workbook-unofficial", file = file_name.as_str()),
    });
    if imported.id_from_file {
        notices.push(tr!(
            lang,
            "checklist-import-id-from-file",
            file = file_name.as_str(),
            checklist = imported.checklist.as_str(),
            form = imported.form.to_string()
        ));
    }
    // The gate is a question of the institution's form (【医療機関確認用】, facts §1.1): a
    // vendor form without one is not worth a notice.
    match &imported.gate {
        Some((cell, number)) => notices.push(tr!(
            lang,
            "checklist-import-gate-found",
            cell = cell.as_str(),
            number = number.as_str()
        )),
        None if imported.form != crate::checklist::Form::Vendor => {
            notices.push(tr!(lang, "checklist-import-gate-not-found"));
        }
        None => {}
    }
    if !imported.untitled_sections.is_empty() {
        notices.push(tr!(
            lang,
            "checklist-import-untitled-sections",
            sections = imported
                .untitled_sections
                .join(&tr!(lang, "common-list-separator")),
            count = imported.untitled_sections.len()
        ));
    }
    if let Some(book) = imported.title_year_differs {
        notices.push(tr!(
            lang,
            "import-edition-title-differs",
            book = book,
            book_wareki = i16::try_from(book)
                .map(crate::dates::wareki_fiscal_year)
                .unwrap_or_default(),
            checklist = imported.checklist.as_str()
        ));
    }
    if let (Some(summary), Some(from)) = (&imported.ids, &opts.ids_from) {
        notices.extend(ids_notices(summary, &from.checklist, &imported.toml, lang));
    }
    // A column the checklist format has no place for (the vendor form's 責任分界) is said
    // with its cells, never dropped silently.
    for column in &imported.not_imported {
        let cells = column.cells.join(&tr!(lang, "common-list-separator"));
        notices.push(if column.header.is_empty() {
            tr!(
                lang,
                "workbook-column-not-imported-unnamed",
                cell = column.header_cell.as_str(),
                cells = cells
            )
        } else {
            tr!(
                lang,
                "workbook-column-not-imported",
                header = column.header.as_str(),
                cell = column.header_cell.as_str(),
                cells = cells
            )
        });
    }
    if !imported.skipped.is_empty() {
        notices.push(tr!(
            lang,
            "workbook-skipped",
            cells = imported.skipped.join(&tr!(lang, "common-list-separator"))
        ));
    }
    // A note about 目標日 the window was read from, or could not be: said either way.
    if let Some(note) = &imported.target_note {
        let (cell, text) = (note.cell.as_str(), note.text.as_str());
        notices.push(if note.window.is_some() {
            tr!(lang, "workbook-target-note-read", cell = cell, note = text)
        } else {
            tr!(
                lang,
                "workbook-target-note-unread",
                cell = cell,
                note = text
            )
        });
    }
    let outcome = match &args.out {
        Some(out) => {
            let replace = if args.force {
                Replace::Allow
            } else {
                Replace::Refuse
            };
            let path = out.display().to_string();
            atomic::write(out, imported.toml.as_bytes(), None, replace).map_err(|e| {
                fail(if e.kind() == std::io::ErrorKind::AlreadyExists {
                    tr!(lang, "workbook-out-exists", path = path.as_str())
                } else {
                    tr!(
                        lang,
                        "workbook-write-failed",
                        path = path.as_str(),
                        reason = crate::i18n::io_error(lang, &e)
                    )
                })
            })?;
            notices.push(tr!(
                lang,
                "workbook-written",
                path = path.as_str(),
                path_word = crate::render::command_word(&path)
            ));
            Outcome::text(String::new(), Exit::Ok)
        }
        None => Outcome::text(imported.toml, Exit::Ok),
    };
    Ok(notices.into_iter().fold(outcome, Outcome::notice))
}

/// The checklist `--ids-from` names: a checklist file, or `ID@EDITION` (bundled, added, or
/// given with `--checklist`).
fn ids_from(spec: &str, ctx: &Context) -> anyhow::Result<import::IdsFrom> {
    let path = Path::new(spec);
    let loaded = if path.is_file() || spec.to_ascii_lowercase().ends_with(".toml") {
        crate::checklist::load_path(path)?
    } else {
        crate::checklist::Catalog::with_files(
            &super::init::split_checklist_args(&ctx.checklist_paths).0,
        )?
        .resolve(spec, None)?
        .clone()
    };
    Ok(import::IdsFrom {
        checklist: loaded.checklist,
        digest: loaded.digest,
    })
}

/// The summary of `--ids-from`, items named by number and short title.
fn ids_notices(
    summary: &import::IdSummary,
    earlier: &crate::checklist::Checklist,
    toml: &str,
    lang: Lang,
) -> Vec<String> {
    let imported = crate::checklist::load_str(
        "import",
        toml,
        crate::checklist::Origin::File(std::path::PathBuf::new()),
    )
    .ok();
    let new_label = |id: &str| {
        imported
            .as_ref()
            .and_then(|l| l.checklist.item(id))
            .map_or_else(|| id.to_owned(), |i| i.label(lang))
    };
    let old_label = |id: &str| {
        earlier
            .item(id)
            .map_or_else(|| id.to_owned(), |i| i.label(lang))
    };
    let sep = tr!(lang, "common-list-separator");
    let mut notices = vec![tr!(
        lang,
        "import-ids-summary",
        from = summary.from.as_str(),
        same = summary.same.len(),
        reworded = summary.reworded.len(),
        new = summary.new.len(),
        missing = summary.not_found.len()
    )];
    if !summary.reworded.is_empty() {
        let items: Vec<String> = summary
            .reworded
            .iter()
            .map(|(new, old)| {
                tr!(
                    lang,
                    "import-ids-reworded-item",
                    new = new_label(new),
                    old = old_label(old)
                )
            })
            .collect();
        notices.push(tr!(lang, "import-ids-reworded", items = items.join(&sep)));
    }
    if !summary.scope_changed.is_empty() {
        let items: Vec<String> = summary
            .scope_changed
            .iter()
            .map(|(new, old)| {
                tr!(
                    lang,
                    "import-ids-scope-changed-item",
                    new = new_label(new),
                    old = old_label(old)
                )
            })
            .collect();
        notices.push(tr!(
            lang,
            "import-ids-scope-changed",
            items = items.join(&sep)
        ));
    }
    if !summary.new.is_empty() {
        let items: Vec<String> = summary.new.iter().map(|id| new_label(id)).collect();
        notices.push(tr!(lang, "import-ids-new", items = items.join(&sep)));
    }
    if !summary.not_found.is_empty() {
        let items: Vec<String> = summary.not_found.iter().map(|id| old_label(id)).collect();
        notices.push(tr!(
            lang,
            "import-ids-not-found",
            from = summary.from.as_str(),
            items = items.join(&sep)
        ));
    }
    let (items, sections) = (
        summary.english_carried.len(),
        summary.section_titles_carried.len(),
    );
    if items + sections > 0 {
        notices.push(tr!(
            lang,
            "import-ids-english-carried",
            from = summary.from.as_str(),
            items = items,
            sections = sections
        ));
    }
    notices
}

pub fn add(file: &Path, force: bool, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    let path = file.display().to_string();
    let report = crate::lint::lint_paths(&[file.to_owned()]);
    // A file that cannot be read (missing, a folder) is said as such: no lint summary of
    // "0 files".
    if report.unreadable {
        let mut outcome = Outcome::text(String::new(), Exit::Unusable);
        outcome.notices = crate::render::diagnostics::problem_lines(&report.diagnostics, lang);
        return Ok(outcome);
    }
    if report.count(Severity::Error) > 0 {
        let out = crate::render::diagnostics::human(
            &report.diagnostics,
            report.files,
            ctx.lang,
            ctx.color,
        );
        return Ok(Outcome::text(out, Exit::Findings).notice(tr!(
            lang,
            "workbook-add-lint-failed",
            path = path.as_str()
        )));
    }
    let loaded = crate::checklist::load_path(file)?;
    let checklist = loaded.checklist.full_id();
    let bytes = limits::read(file, InputKind::Checklist).map_err(|e| fail(e.message(lang)))?;
    let dir = registry::user_dir().ok_or_else(|| fail(tr!(lang, "workbook-add-no-folder")))?;
    let dest = dir.join(format!(
        "{}@{}.toml",
        loaded.checklist.id, loaded.checklist.edition
    ));
    let dest_name = dest.display().to_string();
    let write_failed = |e: std::io::Error| {
        fail(tr!(
            lang,
            "workbook-write-failed",
            path = dest_name.as_str(),
            reason = crate::i18n::io_error(lang, &e)
        ))
    };
    match std::fs::read(&dest) {
        Ok(existing) if existing == bytes => {
            return Ok(Outcome::text(String::new(), Exit::Ok).notice(tr!(
                lang,
                "workbook-add-same",
                checklist = checklist.as_str(),
                path = dest_name.as_str()
            )));
        }
        Ok(_) if !force => {
            return Err(fail(tr!(
                lang,
                "workbook-add-exists",
                path = dest_name.as_str(),
                checklist = checklist.as_str()
            )));
        }
        _ => {}
    }
    std::fs::create_dir_all(&dir).map_err(write_failed)?;
    atomic::write(&dest, &bytes, None, Replace::Allow).map_err(write_failed)?;
    // Answers files name their checklist and find it in the folder; whether `init` makes a new
    // file on it without `--checklist` is what init's default says (the newest form added).
    let form = loaded.checklist.form;
    let default = crate::checklist::Catalog::with_files(&[])
        .ok()
        .and_then(|c| {
            super::init::default_for(&c, form)
                .map(|l| (l.checklist.full_id(), l.checklist.fiscal_year))
        });
    let said = match default {
        // Of a later year than the default and still not it: another added checklist of the
        // same year leaves the choice to `--checklist`; else it is not of a later year.
        Some((d, year)) if d != checklist => {
            let command = format!(
                "medsec --checklist {} init",
                crate::render::text::command_word(&checklist)
            );
            if loaded.checklist.fiscal_year > year {
                tr!(
                    lang,
                    "workbook-added-not-default-same-year",
                    checklist = checklist.as_str(),
                    path = dest_name.as_str(),
                    default = d,
                    command = command
                )
            } else {
                tr!(
                    lang,
                    "workbook-added-not-default",
                    checklist = checklist.as_str(),
                    path = dest_name.as_str(),
                    default = d,
                    command = command
                )
            }
        }
        _ => tr!(
            lang,
            "workbook-added",
            checklist = checklist.as_str(),
            path = dest_name.as_str(),
            command = match form {
                Form::Institution => "medsec init".to_owned(),
                other => format!("medsec init --form {other}"),
            }
        ),
    };
    Ok(Outcome::text(String::new(), Exit::Ok).notice(said))
}
