//! Answer sets: the answers file (TOML or YAML), rounds, vendor forms, the inspection's
//! rules, and the atomic store that rewrites a file without losing what the tool does not know.
//!
//! Reading: file -> `node` tree with offsets -> `parse` -> [`AnswerSet`] ->
//! [`bind`] against its checklist (unknown items, duplicates) -> [`rules`] (status findings).
//! Writing: [`store`] applies [`store::Update`]s to the original text (toml_edit for TOML,
//! line edits checked by a re-parse for YAML) and replaces the file atomically.
//!
//! This module reads and writes files but never prints.

pub mod code;
pub mod messages;
pub mod model;
mod node;
mod parse;
pub mod rules;
pub mod sheet;
pub mod store;
pub mod template;
pub mod walk;
pub mod workbook;

pub use crate::dates::parse_date_for_people as parse_date;
pub use messages::{DateError, Msg};
pub use model::*;

use crate::checklist::{Catalog, Checklist, Lang};
use crate::diagnostic::{Diagnostic, Location, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why an answers file could not be used. [`AnswersError::message`] says it in the reader's
/// language (from the catalog); `Display` is the English one.
#[derive(Debug)]
pub enum AnswersError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    UnknownFormat {
        path: PathBuf,
    },
    Invalid {
        diagnostics: Vec<Diagnostic>,
    },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    Exists {
        path: PathBuf,
    },
    /// The file cannot be rewritten as it is.
    Unsafe {
        path: PathBuf,
        problem: store::EditProblem,
    },
    /// The held write lock is for another file (a bug in the caller).
    LockMismatch {
        path: PathBuf,
        held: PathBuf,
    },
    /// The checklist the file names is not known; `at`: where the file names it.
    Checklist {
        path: PathBuf,
        source: crate::checklist::ChecklistError,
        at: Box<Location>,
    },
    /// Problems with a spreadsheet: nothing was imported.
    Sheet {
        path: PathBuf,
        problems: Vec<sheet::SheetProblem>,
    },
    /// A file past a size limit, or not a regular file.
    Limit(crate::limits::LimitError),
    /// A workbook refused by the spreadsheet limits.
    Workbook {
        path: PathBuf,
        error: crate::limits::workbook::WorkbookError,
    },
    Changed {
        path: PathBuf,
    },
    Locked {
        path: PathBuf,
        waited: u64,
    },
    ReadOnly {
        path: PathBuf,
    },
}

impl From<crate::limits::LimitError> for AnswersError {
    fn from(e: crate::limits::LimitError) -> Self {
        AnswersError::Limit(e)
    }
}

impl std::fmt::Display for AnswersError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AnswersError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AnswersError::Read { source, .. } | AnswersError::Write { source, .. } => Some(source),
            AnswersError::Checklist { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl AnswersError {
    /// The diagnostics behind an `Invalid` error (empty for other errors).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            AnswersError::Invalid { diagnostics } => diagnostics,
            _ => &[],
        }
    }

    /// The message for people in `lang` after a location that already names the file
    /// (`a.toml:1:1: …`): the same as [`Self::message`] without the path in front.
    pub fn message_in_place(&self, lang: Lang) -> String {
        match self {
            AnswersError::Checklist { source, .. } => crate::tr!(
                lang,
                "answers-error-checklist-here",
                reason = source.localize(lang)
            ),
            _ => self.message(lang),
        }
    }

    /// The message for people in `lang`. Diagnostics inside are in the language the file was
    /// read in.
    pub fn message(&self, lang: Lang) -> String {
        use crate::tr;
        let p = |path: &Path| path.display().to_string();
        match self {
            AnswersError::Read { path, source } => tr!(
                lang,
                "answers-error-read",
                path = p(path),
                reason = io_reason(source, lang)
            ),
            AnswersError::UnknownFormat { path } => {
                tr!(lang, "answers-error-unknown-format", path = p(path))
            }
            AnswersError::Invalid { diagnostics } => invalid_message(diagnostics, lang),
            AnswersError::Write { path, source } => tr!(
                lang,
                "answers-error-write",
                path = p(path),
                reason = io_reason(source, lang)
            ),
            AnswersError::Exists { path } => tr!(lang, "answers-error-exists", path = p(path)),
            AnswersError::Unsafe { path, problem } => tr!(
                lang,
                "answers-error-unsafe",
                path = p(path),
                reason = problem.message(lang)
            ),
            AnswersError::LockMismatch { path, held } => {
                let reason = tr!(lang, "answers-error-lock-mismatch", path = p(held));
                tr!(
                    lang,
                    "answers-error-unsafe",
                    path = p(path),
                    reason = reason
                )
            }
            AnswersError::Checklist { path, source, .. } => tr!(
                lang,
                "answers-error-checklist",
                path = p(path),
                reason = source.localize(lang)
            ),
            AnswersError::Sheet { path, problems } => sheet::problems_message(path, problems, lang),
            AnswersError::Limit(e) => e.message(lang),
            AnswersError::Workbook { path, error } => {
                format!("{}: {}", path.display(), error.message(lang))
            }
            AnswersError::Changed { path } => tr!(lang, "answers-error-changed", path = p(path)),
            AnswersError::Locked { path, waited } => tr!(
                lang,
                "answers-error-locked",
                path = p(path),
                waited = waited
            ),
            AnswersError::ReadOnly { path } => {
                tr!(lang, "answers-error-read-only", path = p(path))
            }
        }
    }

    /// This error with its message in `lang`, for printing at the top.
    pub fn in_lang(self, lang: Lang) -> LocalizedError {
        LocalizedError {
            message: self.message(lang),
            error: self,
        }
    }
}

/// An [`AnswersError`] whose `Display` is in the language chosen for people. Its message
/// already says everything the error does, so it is the end of an error chain: the English
/// error it was made from is kept in `error` for code, never shown after it.
#[derive(Debug)]
pub struct LocalizedError {
    message: String,
    pub error: AnswersError,
}

impl std::fmt::Display for LocalizedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LocalizedError {}

/// Whether a text is an answers file: it has a table only an answers file has (`[checklist]`,
/// `[[answers]]`, `[institution]`, `[vendor]`, `[vendors]`, or their YAML keys), which
/// probes.toml, keys.toml and checklists do not.
pub fn looks_like_answers(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_end();
        let table = line.trim_start().replace(' ', "");
        matches!(
            table.as_str(),
            "[checklist]" | "[[answers]]" | "[institution]" | "[vendor]" | "[vendors]"
        ) || ["checklist:", "answers:", "institution:", "vendor:"]
            .iter()
            .any(|key| line.starts_with(key))
    })
}

/// Why a file could not be read or written, for people in `lang` (the one helper for OS
/// errors, [`crate::i18n::io_error`]: the catalog's words for its kind, never the OS's English).
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    crate::i18n::io_error(lang, e)
}

fn invalid_message(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| crate::render::diagnostics::line(d, lang, false))
        .collect();
    let head = crate::tr!(lang, "answers-error-invalid", count = errors.len());
    format!("{head}\n  {}", errors.join("\n  "))
}

/// TOML or YAML, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Toml,
    Yaml,
}

impl FileFormat {
    /// By extension: `.toml`, `.yaml`, `.yml` (any case).
    pub fn of(path: &Path) -> Result<Self, AnswersError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("toml") => Ok(FileFormat::Toml),
            Some("yaml" | "yml") => Ok(FileFormat::Yaml),
            _ => Err(AnswersError::UnknownFormat {
                path: path.to_owned(),
            }),
        }
    }
}

/// An answers file as read: the set, its text and where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub format: FileFormat,
    /// The file's text (without a BOM), as it was read.
    pub source: String,
    /// The file began with a UTF-8 byte order mark (kept when the file is rewritten).
    pub bom: bool,
    pub set: AnswerSet,
    /// Warnings found while reading (errors make loading fail).
    pub warnings: Vec<Diagnostic>,
    /// The language of the messages about this file.
    pub lang: Lang,
}

impl Loaded {
    /// The file name used in locations.
    pub fn file_name(&self) -> String {
        self.path.display().to_string()
    }

    /// The place of byte `offset` in the file.
    pub fn location(&self, offset: usize) -> Location {
        Location::at(&self.file_name(), &self.source, offset)
    }

    /// The file's bytes as they are written: the text, after a BOM if the file had one.
    pub fn bytes_of(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 3);
        if self.bom {
            out.extend_from_slice(UTF8_BOM);
        }
        out.extend_from_slice(text.as_bytes());
        out
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of answers-file bytes: UTF-8, with or without a BOM (`true` when there was one).
fn decode(path: &Path, bytes: Vec<u8>, lang: Lang) -> Result<(String, bool), AnswersError> {
    let (bytes, bom) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest.to_vec(), true),
        None => (bytes, false),
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, bom)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let valid = String::from_utf8_lossy(bytes.get(..offset).unwrap_or(bytes)).into_owned();
            let location = Location::at(&path.display().to_string(), &valid, offset);
            Err(AnswersError::Invalid {
                diagnostics: vec![Msg::NotUtf8 { byte: offset }.diagnostic(location, lang)],
            })
        }
    }
}

/// Read and parse an answers file (TOML or YAML by extension); messages in `lang`.
pub fn load(path: &Path, lang: Lang) -> Result<Loaded, AnswersError> {
    load_with(path, lang, None)
}

/// [`load`], naming items in messages from the checklists of `catalog` (own checklists too).
fn load_with(path: &Path, lang: Lang, catalog: Option<&Catalog>) -> Result<Loaded, AnswersError> {
    let format = FileFormat::of(path)?;
    let bytes = crate::limits::read(path, crate::limits::InputKind::Answers)?;
    let (source, bom) = decode(path, bytes, lang)?;
    let mut loaded = load_str_with(path, format, source, lang, catalog)?;
    loaded.bom = bom;
    Ok(loaded)
}

/// Parse answers text that came from `path`; messages in `lang`.
pub fn load_str(
    path: &Path,
    format: FileFormat,
    source: String,
    lang: Lang,
) -> Result<Loaded, AnswersError> {
    load_str_with(path, format, source, lang, None)
}

fn load_str_with(
    path: &Path,
    format: FileFormat,
    source: String,
    lang: Lang,
    catalog: Option<&Catalog>,
) -> Result<Loaded, AnswersError> {
    let file = path.display().to_string();
    if format == FileFormat::Yaml {
        // Deep YAML nesting costs libyaml quadratic time; refuse it in linear time first.
        if let Err(e) = crate::limits::yaml::check_depth(&source) {
            let location = Location::at(&file, &source, e.at);
            return Err(AnswersError::Invalid {
                diagnostics: vec![Msg::TooDeep { limit: e.limit }.diagnostic(location, lang)],
            });
        }
    }
    let root = match format {
        FileFormat::Toml => node::from_toml(&source),
        FileFormat::Yaml => node::from_yaml(&source),
    };
    let root = match root {
        Ok(root) => root,
        Err(e) => {
            let location = Location::at(&file, &source, e.at);
            return Err(AnswersError::Invalid {
                diagnostics: vec![Msg::ParseError { detail: e.message }.diagnostic(location, lang)],
            });
        }
    };
    let (set, diagnostics) = parse::read(&file, &source, &root, lang, catalog);
    match set {
        Some(set) => Ok(Loaded {
            path: path.to_owned(),
            format,
            source,
            bom: false,
            set,
            warnings: diagnostics,
            lang,
        }),
        None => Err(AnswersError::Invalid { diagnostics }),
    }
}

/// Where the file names its checklist: the value of `id` under `checklist` (in TOML from
/// toml_edit's spans; in YAML after the key the reader's tree places), else the `checklist`
/// key, else the start of the file.
fn checklist_location(loaded: &Loaded) -> Location {
    let source = loaded.source.as_str();
    let offset = match loaded.format {
        FileFormat::Toml => toml_edit::Document::parse(source)
            .ok()
            .and_then(|doc| {
                let checklist = doc.as_table().get("checklist")?;
                checklist
                    .get("id")
                    .and_then(toml_edit::Item::span)
                    .or_else(|| checklist.span())
            })
            .map(|span| span.start),
        FileFormat::Yaml => node::yaml_value_at(source, &["checklist", "id"]),
    };
    Location::at(&loaded.file_name(), source, offset.unwrap_or(0))
}

/// Load an answers file, find the checklist it names in `catalog`, and [`bind`] them.
pub fn open<'c>(
    path: &Path,
    catalog: &'c Catalog,
    lang: Lang,
) -> Result<(Loaded, &'c crate::checklist::Loaded), AnswersError> {
    let loaded = load_with(path, lang, Some(catalog))?;
    let checklist = catalog
        .resolve(&loaded.set.checklist.full_id(), None)
        .map_err(|source| AnswersError::Checklist {
            path: path.to_owned(),
            source,
            at: Box::new(checklist_location(&loaded)),
        })?;
    let diagnostics = bind(&loaded, &checklist.checklist);
    if diagnostics.is_empty() {
        Ok((loaded, checklist))
    } else {
        Err(AnswersError::Invalid { diagnostics })
    }
}

/// Check the answers against the checklist they name: every item known, none answered twice
/// in a round. These make the file unusable (exit 2), unlike the status rules. Messages are in
/// the language the file was read in.
pub fn bind(loaded: &Loaded, checklist: &Checklist) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut seen: BTreeMap<(&str, u8), usize> = BTreeMap::new();
    for a in &loaded.set.answers {
        if checklist.item(&a.item).is_none() {
            let msg = Msg::UnknownItem {
                item: a.item.clone(),
                checklist: checklist.full_id(),
                same_number: checklist
                    .items
                    .iter()
                    .find(|i| i.number == a.item)
                    .map(|i| messages::SameNumber {
                        id: i.id.clone(),
                        label: messages::labels(i),
                    }),
                out_of_scope: checklist
                    .extends
                    .as_ref()
                    .and_then(|e| e.out_of_scope.iter().find(|o| o.item == a.item))
                    .and_then(|o| {
                        let item = o.base_item.as_deref()?;
                        Some((messages::labels(item), o.reason.clone()))
                    }),
            };
            diags.push(msg.diagnostic(loaded.location(a.at), loaded.lang));
            continue;
        }
        if let Some(first) = seen.insert((a.item.as_str(), a.round), a.at) {
            let msg = Msg::DuplicateAnswer {
                item: checklist.item(&a.item).map_or_else(
                    || crate::checklist::Text {
                        ja: a.item.clone(),
                        en: a.item.clone(),
                    },
                    messages::labels,
                ),
                round: a.round,
                first_line: loaded.location(first).line,
            };
            diags.push(msg.diagnostic(loaded.location(a.at), loaded.lang));
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_toml(src: &str) -> Result<Loaded, AnswersError> {
        load_str(
            Path::new("a.toml"),
            FileFormat::Toml,
            src.to_owned(),
            Lang::En,
        )
    }

    const MINIMAL: &str = r#"format_version = 1
[checklist]
id = "mhlw-institution"
edition = "fy2025"

[[answers]]
item = "security-manager"
answer = "はい"
checked_on = 2025-06-01
colour = "blue"
"#;

    #[test]
    fn reads_a_minimal_file_and_warns_on_unknown_fields() {
        let loaded = load_toml(MINIMAL).unwrap();
        let a = &loaded.set.answers[0];
        assert_eq!(a.response, Some(Response::Yes));
        assert_eq!(a.round, 1);
        assert_eq!(a.checked_on, Some(jiff::civil::date(2025, 6, 1)));
        assert_eq!(loaded.warnings.len(), 1);
        assert_eq!(loaded.warnings[0].code, "unknown-field");
        assert_eq!(loaded.warnings[0].location.line, 10);
    }

    #[test]
    fn impossible_dates_name_the_line() {
        let src = MINIMAL.replace("2025-06-01", "\"2025-02-30\"");
        let err = load_toml(&src).unwrap_err();
        let d = err
            .diagnostics()
            .iter()
            .find(|d| d.severity == Severity::Error)
            .unwrap();
        assert_eq!((d.code, d.location.line), ("invalid-date", 9));
        // The item as the form prints it (bundled checklist), not its ID.
        assert!(d.message.starts_with("1-① "), "{}", d.message);
        assert!(!d.message.contains("security-manager"), "{}", d.message);
    }

    #[test]
    fn newer_format_versions_are_refused_first() {
        let err = load_toml("format_version = 2\nwhatever = [\n1]\n").unwrap_err();
        assert_eq!(err.diagnostics()[0].code, "unsupported-format-version");
    }

    #[test]
    fn yaml_reads_the_same() {
        let src = "format_version: 1\nchecklist:\n  id: mhlw-institution\n  edition: fy2025\nanswers:\n  - item: security-manager\n    answer: いいえ\n    checked_on: 2025/06/01\n    target_date: '2025-12-01'\n";
        let loaded = load_str(
            Path::new("a.yaml"),
            FileFormat::Yaml,
            src.to_owned(),
            Lang::En,
        )
        .unwrap();
        let a = &loaded.set.answers[0];
        assert_eq!(a.response, Some(Response::No));
        assert_eq!(a.target_date, Some(jiff::civil::date(2025, 12, 1)));
        assert_eq!(loaded.location(a.at).line, 6);
    }
}
