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

/// Lint files and folders with `options` and the `medsec-lint.toml` files next to them: allowed
/// codes dropped, warnings raised to errors when denied. An unreadable or invalid settings file
/// counts as unreadable input.
pub fn lint_with(paths: &[PathBuf], options: LintOptions) -> LintReport {
    let mut report = lint_paths_over(paths, &options.bases);
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
    let mut report = lint_paths_over(&changed, &bases);
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
        let changes = crate::diff::diff(&old.loaded.checklist, &new);
        if changes
            .iter()
            .any(|c| c.code == crate::diff::BREAKING_SAME_EDITION)
        {
            let breaking = changes
                .iter()
                .filter(|c| {
                    c.impact == crate::diff::Impact::Breaking
                        && c.code != crate::diff::BREAKING_SAME_EDITION
                })
                .map(|c| c.code)
                .collect::<std::collections::BTreeSet<_>>();
            let breaking = crate::i18n::list(breaking);
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
            let catalog = catalog.get_or_insert_with(|| extends::catalog(bases));
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
