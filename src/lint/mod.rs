//! `checklist lint`: every diagnostic for a set of checklist files or folders.
//!
//! Folders are searched for `*.toml` without following symbolic links, so a looping tree
//! ends; unreadable files and folders become `unreadable` diagnostics.

pub mod config;
mod extends;
mod fill_rules;
pub mod rules;
mod title;

pub use config::{Deny, LintOptions, UnknownCode, CONFIG_FILE};

use crate::checklist::{read_text, validate, ChecklistError};
use crate::diagnostic::{Diagnostic, Location, MessageRef, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What lint found.
#[derive(Debug, Default)]
pub struct LintReport {
    pub files: usize,
    /// The files linted, as named in diagnostics, in order.
    pub file_names: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Some input could not be read at all (exit 2 rather than 1).
    pub unreadable: bool,
    /// The `medsec-lint.toml` files whose settings were used, as named in output.
    pub config_files: Vec<String>,
}

impl LintReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// The code of a run whose paths hold no checklist file (a folder of other files, an empty
/// one): unreadable input, as `checklist diff` refuses it, so a mistyped or moved folder in a
/// CI job cannot pass as "0 files, 0 errors".
pub const NO_CHECKLISTS: &str = "no-checklist-files";

/// Lint files and folders with `options` and the `medsec-lint.toml` files next to them: allowed
/// codes dropped, warnings raised to errors when denied. An unreadable or invalid settings file
/// counts as unreadable input.
pub fn lint_with(paths: &[PathBuf], options: LintOptions) -> LintReport {
    let mut report = lint_paths_over(paths, &options.bases);
    if report.files == 0 && !report.unreadable {
        report.unreadable = true;
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let text = crate::msg_ref!(
            "lint-no-checklist-files",
            paths = crate::i18n::list(named.iter().map(|p| format!("`{p}`")))
        );
        report.diagnostics.push(Diagnostic {
            code: NO_CHECKLISTS,
            severity: Severity::Error,
            location: Location {
                file: named.first().cloned().unwrap_or_default(),
                line: 1,
                column: 1,
            },
            message: crate::i18n::render(crate::checklist::Lang::En, &text),
            text: Some(text),
        });
    }
    let linted: Vec<PathBuf> = report.file_names.iter().map(PathBuf::from).collect();
    let mut loaded = options.with_files_for(paths, &linted);
    if !loaded.problems.is_empty() {
        report.unreadable = true;
    }
    let mut diagnostics = std::mem::take(&mut loaded.problems);
    diagnostics.append(&mut report.diagnostics);
    report.diagnostics = loaded.apply(diagnostics);
    report.config_files = loaded.files;
    report
}

/// `lint --base REV`: lint only the checklist files under `paths` that changed since git
/// revision `rev` (settings found as for `paths`), and report `breaking-change-same-edition`
/// where a changed file breaks answers (an item removed without `replaces`, a gate question
/// changed…) while keeping the edition and format version it had at `rev`.
pub fn lint_since(
    rev: &str,
    paths: &[PathBuf],
    options: LintOptions,
) -> Result<LintReport, crate::diff::DiffError> {
    let changed = crate::diff::sides::changed_since(rev, paths)?;
    let bases = options.bases.clone();
    let mut loaded = options.with_files_for(paths, &changed);
    let mut report = lint_paths_among(&changed, &bases, paths);
    // A path that does not exist is unreadable input, as without --base: a mistyped path must
    // not pass as "nothing changed".
    let missing: Vec<PathBuf> = paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .cloned()
        .collect();
    if !missing.is_empty() {
        let mut gone = lint_paths(&missing);
        report.unreadable = true;
        report.diagnostics.append(&mut gone.diagnostics);
    }
    // Own checklists are compared as used (linked to their base: at `rev` the base as it was
    // there, in the work tree the one beside it now), so a base item taken out of scope counts.
    let mut work_tree: Option<crate::checklist::Catalog> = None;
    let mut at_rev: Option<Vec<crate::diff::sides::SideFile>> = None;
    for file in &changed {
        let Ok(source) = read_text(file) else {
            continue;
        };
        let name = file.display().to_string();
        let (Some(new), _) = validate::parse(&name, &source) else {
            continue;
        };
        let Some(old) = crate::diff::sides::file_at(rev, file)? else {
            continue;
        };
        let mut pair = (old.loaded.checklist.clone(), new.clone());
        if new.extends.is_some() && old.loaded.checklist.extends.is_some() {
            let catalog = work_tree.get_or_insert_with(|| extends::catalog_with(&bases, paths));
            let then = at_rev.get_or_insert_with(|| {
                crate::diff::sides::revision(rev, paths)
                    .and_then(|files| {
                        crate::diff::sides::linked(files, || {
                            crate::checklist::Catalog::with_files(&bases)
                        })
                    })
                    .unwrap_or_default()
            });
            let old_linked = then
                .iter()
                .find(|f| f.place == old.place)
                .or_else(|| {
                    then.iter()
                        .find(|f| f.loaded.checklist.full_id() == old.loaded.checklist.full_id())
                })
                .filter(|f| {
                    f.loaded
                        .checklist
                        .extends
                        .as_ref()
                        .is_some_and(|e| e.resolved.is_some())
                });
            if let (Some(o), Some(n)) = (old_linked, extends::linked_in(&new, &name, catalog)) {
                pair = (o.loaded.checklist.clone(), n);
            }
        }
        let (old_checklist, new) = pair;
        let changes = crate::diff::diff(&old_checklist, &new);
        if changes
            .iter()
            .any(|c| c.code == crate::diff::BREAKING_SAME_EDITION)
        {
            // Each breaking change with the item it is about, as people name it (2-② …).
            let label = |id: &str, lang| {
                old_checklist
                    .named_item(id)
                    .or_else(|| new.named_item(id))
                    .map_or_else(|| id.to_owned(), |i| i.label(lang))
            };
            let breaking = changes
                .iter()
                .filter(|c| {
                    c.impact == crate::diff::Impact::Breaking
                        && c.code != crate::diff::BREAKING_SAME_EDITION
                })
                .map(|c| match &c.item {
                    Some(id) => crate::diagnostic::Typed::Bilingual {
                        ja: format!("{} {}", c.code, label(id, crate::checklist::Lang::Ja)),
                        en: format!("{} {}", c.code, label(id, crate::checklist::Lang::En)),
                    },
                    None => crate::diagnostic::Typed::Bilingual {
                        ja: c.code.to_owned(),
                        en: c.code.to_owned(),
                    },
                })
                .map(crate::diagnostic::Arg::from)
                .collect::<Vec<_>>();
            let breaking = crate::diagnostic::Typed::List {
                separator: "common-list-separator".to_owned(),
                items: breaking,
            };
            let at = source.find("\nedition").map_or(0, |i| i + 1);
            let text = crate::msg_ref!(
                "lint-breaking-same-edition",
                base = old.place,
                changes = breaking,
                edition = new.edition
            );
            report.diagnostics.push(Diagnostic {
                code: crate::diff::BREAKING_SAME_EDITION,
                severity: Severity::Error,
                location: Location::at(&name, &source, at),
                message: crate::i18n::render(crate::checklist::Lang::En, &text),
                text: Some(text),
            });
        }
    }
    if !loaded.problems.is_empty() {
        report.unreadable = true;
    }
    let mut diagnostics = std::mem::take(&mut loaded.problems);
    diagnostics.append(&mut report.diagnostics);
    report.diagnostics = loaded.apply(diagnostics);
    report.config_files = loaded.files;
    Ok(report)
}

/// Lint files and folders.
pub fn lint_paths(paths: &[PathBuf]) -> LintReport {
    lint_paths_over(paths, &[])
}

/// Lint files and folders; an own checklist's base is looked up among `bases` (`--checklist`)
/// too, beside the bundled and added checklists.
pub fn lint_paths_over(paths: &[PathBuf], bases: &[PathBuf]) -> LintReport {
    lint_paths_among(paths, bases, paths)
}

/// Lint files and folders `paths`; an own checklist's base is looked up among `bases`, the
/// bundled and added checklists, and the checklists under `run` (the paths of this run, of
/// which `--base` lints only those changed).
fn lint_paths_among(paths: &[PathBuf], bases: &[PathBuf], run: &[PathBuf]) -> LintReport {
    let mut catalog: Option<crate::checklist::Catalog> = None;
    let mut report = LintReport::default();
    let mut files = Vec::new();
    for path in paths {
        collect(path, true, &mut files, &mut report);
    }
    files.sort();
    files.dedup();
    let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
    for file in files {
        report.files += 1;
        let name = file.display().to_string();
        report.file_names.push(name.clone());
        let source = match read_text(&file) {
            Ok(s) => s,
            Err(ChecklistError::NotUtf8 { line, column, .. }) => {
                report.unreadable = true;
                report.diagnostics.push(Diagnostic {
                    code: "not-utf8",
                    severity: Severity::Error,
                    location: Location {
                        file: name,
                        line,
                        column,
                    },
                    message: "not UTF-8 text; save the file as UTF-8".into(),
                    text: Some(crate::msg_ref!("lint-not-utf8")),
                });
                continue;
            }
            Err(err) => {
                report.unreadable = true;
                report
                    .diagnostics
                    .push(unreadable(&name, &err, text_of(&err)));
                continue;
            }
        };
        // An empty file (a truncated copy, a placeholder) said as empty, not as TOML missing a key.
        if source.trim().is_empty() {
            let text = crate::msg_ref!("lint-empty-file");
            report.diagnostics.push(Diagnostic {
                code: "parse-error",
                severity: Severity::Error,
                location: Location {
                    file: name,
                    line: 1,
                    column: 1,
                },
                message: crate::i18n::render(crate::checklist::Lang::En, &text),
                text: Some(text),
            });
            continue;
        }
        let (checklist, diags) = validate::parse(&name, &source);
        // An answers file given where a checklist is expected: said for what it is, with the
        // command that checks it, as a workbook is (not as 17 keys a checklist may have).
        if checklist.is_none() && crate::answers::looks_like_answers(&source) {
            report.unreadable = true;
            let command = format!("medsec status {}", crate::render::command_word(&name));
            let text = crate::msg_ref!("lint-answers-file", path = name.clone(), command = command);
            let message = crate::i18n::render(crate::checklist::Lang::En, &text);
            report
                .diagnostics
                .push(unreadable(&name, &message, Some(text)));
            continue;
        }
        report.diagnostics.extend(diags);
        if let Some(c) = &checklist {
            report.diagnostics.extend(title::check(&name, &source, c));
            report
                .diagnostics
                .extend(fill_rules::check(&name, &source, c));
        }
        if checklist.as_ref().is_some_and(|c| c.extends.is_some()) {
            let catalog = catalog.get_or_insert_with(|| extends::catalog_with(bases, run));
            report
                .diagnostics
                .extend(extends::lint(checklist.as_ref(), &name, catalog));
        }
        if let Some(c) = checklist {
            let key = (c.id.clone(), c.edition.clone());
            if let Some(first) = seen.insert(key, name.clone()) {
                report.diagnostics.push(Diagnostic {
                    code: "duplicate-checklist",
                    severity: Severity::Error,
                    location: Location::at(
                        &name,
                        &source,
                        source.find("\nid").map_or(0, |i| i + 1),
                    ),
                    message: format!("{}@{} is also defined in {first}", c.id, c.edition),
                    text: Some(crate::msg_ref!(
                        "lint-duplicate-checklist",
                        checklist = c.full_id(),
                        first = first
                    )),
                });
            }
        }
    }
    report
}

/// The catalog message for a checklist that cannot be read: a read error by its kind and OS
/// number; a limit by its own text (rendered in Japanese and English alike only through
/// `message`, so none is recorded).
fn text_of(err: &ChecklistError) -> Option<MessageRef> {
    match err {
        ChecklistError::Read { path, source } => Some(io_ref(
            "lint-unreadable",
            &path.display().to_string(),
            source,
        )),
        ChecklistError::Workbook { path } => {
            let (workbook, out) = crate::checklist::workbook_import_words(path);
            Some(crate::msg_ref!(
                "checklist-is-workbook",
                path = path.display().to_string(),
                workbook = workbook,
                out = out
            ))
        }
        _ => None,
    }
}

fn io_ref(id: &'static str, path: &str, err: &std::io::Error) -> MessageRef {
    let [(_, kind), (_, code)] = crate::i18n::io_error_args(err);
    match id {
        "lint-unreadable-folder" => {
            crate::msg_ref!(
                "lint-unreadable-folder",
                path = path,
                kind = kind,
                code = code
            )
        }
        "lint-unlistable-folder" => {
            crate::msg_ref!(
                "lint-unlistable-folder",
                path = path,
                kind = kind,
                code = code
            )
        }
        _ => crate::msg_ref!("lint-unreadable", path = path, kind = kind, code = code),
    }
}

fn unreadable(name: &str, err: &dyn std::fmt::Display, text: Option<MessageRef>) -> Diagnostic {
    Diagnostic {
        code: "unreadable",
        severity: Severity::Error,
        location: Location {
            file: name.to_owned(),
            line: 1,
            column: 1,
        },
        message: err.to_string(),
        text,
    }
}

fn collect(path: &Path, named: bool, files: &mut Vec<PathBuf>, report: &mut LintReport) {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(source) => {
            report.unreadable = true;
            let err = ChecklistError::Read {
                path: path.to_owned(),
                source,
            };
            let text = text_of(&err);
            report
                .diagnostics
                .push(unreadable(&path.display().to_string(), &err, text));
            return;
        }
    };
    // A link named on the command line is followed once; links met inside folders are not.
    let is_dir = if meta.file_type().is_symlink() {
        named && path.is_dir()
    } else {
        meta.is_dir()
    };
    if !is_dir {
        let settings = path.file_name().is_some_and(|n| n == CONFIG_FILE);
        if named || path.extension().is_some_and(|e| e == "toml") && meta.is_file() && !settings {
            files.push(path.to_owned());
        }
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(e) => e,
        Err(err) => {
            report.unreadable = true;
            let name = path.display().to_string();
            report.diagnostics.push(unreadable(
                &name,
                &format!("cannot read folder {}: {err}", path.display()),
                Some(io_ref("lint-unreadable-folder", &name, &err)),
            ));
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => children.push(e.path()),
            Err(err) => {
                report.unreadable = true;
                let name = path.display().to_string();
                report.diagnostics.push(unreadable(
                    &name,
                    &format!("cannot list folder {}: {err}", path.display()),
                    Some(io_ref("lint-unlistable-folder", &name, &err)),
                ));
            }
        }
    }
    children.sort();
    for child in children {
        collect(&child, false, files, report);
    }
}
