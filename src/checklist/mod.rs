//! The MHLW checklist as versioned, validated data.
//!
//! raw (serde, spans) -> validate -> model; bundled files are registered in `registry`;
//! a `Catalog` holds the bundled checklists plus those added to the user's folder and any given
//! by path, and resolves `ID[@EDITION]`; `import` reads a checklist workbook into a file.
//! The catalog is lazy: a bundled file is known by its precompiled [`Summary`] and parsed only
//! when a command needs its items; files from the user's folder or given by path are parsed and
//! validated when the catalog is made, as before.
//! This module reads files but never prints.

#[rustfmt::skip]
mod bundled_index;
pub mod digest;
pub mod edition;
pub mod extends;
pub mod import;
pub mod model;
pub mod raw;
pub mod registry;
pub mod scaffold;
pub mod validate;
pub mod wording;

pub use extends::{BaseRef, Extends, OutOfScope};
pub use model::*;

use crate::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Why a checklist could not be had. `Display` is English; people read
/// [`localize`](Self::localize) in their language.
#[derive(Debug)]
pub enum ChecklistError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Too large, not a regular file, or unreadable (the limits module says which).
    Limit(crate::limits::LimitError),
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    /// An Excel workbook given where a checklist file is expected.
    Workbook {
        path: PathBuf,
    },
    Invalid {
        diagnostics: Vec<Diagnostic>,
    },
    NotFound {
        spec: String,
        known: Vec<String>,
    },
    NoEdition {
        id: String,
        edition: String,
        known: Vec<String>,
    },
    FormConflict {
        spec: String,
        named: Form,
        /// Who the named checklist serves: names a merged form as such.
        serves: Vec<InstitutionKind>,
        asked: Form,
    },
    Digest {
        file: String,
        source: serde_json::Error,
    },
}

impl ChecklistError {
    /// The message for people in `lang`, from the catalog.
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            ChecklistError::Read { path, source } => {
                let [(_, kind), (_, code)] = crate::i18n::io_error_args(source);
                crate::tr!(
                    lang,
                    "checklist-read",
                    path = path.display().to_string(),
                    kind = kind,
                    code = code
                )
            }
            ChecklistError::Limit(e) => e.message(lang),
            ChecklistError::NotUtf8 { path, line, column } => crate::tr!(
                lang,
                "checklist-not-utf8",
                path = path.display().to_string(),
                line = (*line),
                column = (*column)
            ),
            ChecklistError::Workbook { path } => workbook_message(path, lang),
            ChecklistError::Invalid { diagnostics } => invalid_message(diagnostics, lang),
            ChecklistError::NotFound { spec, known } => crate::tr!(
                lang,
                "checklist-not-found",
                spec = spec.as_str(),
                known = crate::i18n::join_code(lang, known)
            ),
            ChecklistError::NoEdition { id, edition, known } => crate::tr!(
                lang,
                "checklist-no-edition",
                id = id.as_str(),
                edition = edition.as_str(),
                known = crate::i18n::join_code(lang, known)
            ),
            ChecklistError::FormConflict {
                spec,
                named,
                serves,
                asked,
            } => crate::tr!(
                lang,
                "checklist-form-conflict",
                spec = spec.as_str(),
                named = named.label_serving(serves, lang),
                asked = asked.label(lang)
            ),
            ChecklistError::Digest { file, source } => crate::tr!(
                lang,
                "checklist-digest",
                file = file.as_str(),
                detail = crate::i18n::detail::text(lang, &source.to_string())
            ),
        }
    }
}

impl std::fmt::Display for ChecklistError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for ChecklistError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ChecklistError::Read { source, .. } => Some(source),
            ChecklistError::Limit(e) => Some(e),
            ChecklistError::Digest { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// An Excel workbook where a checklist file is expected: what it is, and the import that makes a
/// checklist file of it.
pub fn workbook_message(path: &Path, lang: Lang) -> String {
    let (quoted, out) = workbook_import_words(path);
    crate::tr!(
        lang,
        "checklist-is-workbook",
        path = path.display().to_string(),
        workbook = quoted,
        out = out
    )
}

/// The workbook and the checklist file to write, as words of a `checklist import` command.
pub fn workbook_import_words(path: &Path) -> (String, String) {
    let out = path
        .file_stem()
        .map(|s| format!("{}.toml", s.to_string_lossy()))
        .unwrap_or_else(|| "checklist.toml".to_owned());
    (
        crate::render::text::command_word(&path.display().to_string()),
        crate::render::text::command_word(&out),
    )
}

/// Whether these bytes (read from `path`) are an Excel workbook rather than text: a zip (.xlsx,
/// .xlsm), an OLE2 file (.xls, a password-protected .xlsx), or undecodable bytes under such a name.
fn is_workbook_bytes(path: &Path, bytes: &[u8]) -> bool {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    let named = path.extension().is_some_and(|x| {
        let x = x.to_string_lossy().to_ascii_lowercase();
        matches!(x.as_str(), "xlsx" | "xlsm" | "xls")
    });
    bytes.starts_with(ZIP)
        || bytes.starts_with(OLE)
        || (named && std::str::from_utf8(bytes).is_err())
}

/// The head line and one indented line per error, each in `lang` where the diagnostic carries
/// its catalog message.
fn invalid_message(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .map(|d| crate::render::diagnostics::line(d, lang, false))
        .collect();
    format!(
        "{}\n  {}",
        crate::tr!(lang, "checklist-invalid", count = errors.len()),
        errors.join("\n  ")
    )
}

/// Where a checklist came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into the binary; the path is its place in the repository.
    Bundled(&'static str),
    /// Given by path on the command line.
    File(PathBuf),
}

impl Origin {
    pub fn describe(&self) -> String {
        match self {
            Origin::Bundled(p) => format!("bundled:{p}"),
            Origin::File(p) => p.display().to_string(),
        }
    }
}

/// A validated checklist with its digest and origin.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub checklist: Checklist,
    pub digest: String,
    pub origin: Origin,
    /// Warnings found while loading: none, as loading looks for errors only (they make it
    /// fail); `checklist lint` shows warnings.
    pub warnings: Vec<Diagnostic>,
}

/// What a catalog knows of a checklist without its items: what `checklist list`, resolving
/// `ID[@EDITION]`, the staleness notice and a digest lookup need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary<'a> {
    pub id: &'a str,
    pub edition: &'a str,
    pub fiscal_year: i16,
    pub form: Form,
    pub publisher: &'a str,
    pub title_ja: &'a str,
    pub title_en: &'a str,
    pub guideline_version: &'a str,
    pub serves: &'a [InstitutionKind],
    /// How many items, and how many of them are unverified.
    pub items: usize,
    pub unverified: usize,
    pub digest: &'a str,
}

impl<'a> Summary<'a> {
    /// The summary of a loaded checklist.
    pub fn of(loaded: &'a Loaded) -> Self {
        let c = &loaded.checklist;
        Summary {
            id: &c.id,
            edition: &c.edition,
            fiscal_year: c.fiscal_year,
            form: c.form,
            publisher: &c.publisher,
            title_ja: &c.title.ja,
            title_en: &c.title.en,
            guideline_version: &c.guideline_version,
            serves: &c.serves,
            items: c.items.len(),
            unverified: c.unverified_count(),
            digest: &loaded.digest,
        }
    }

    /// `id@edition`.
    pub fn full_id(&self) -> String {
        format!("{}@{}", self.id, self.edition)
    }
}

/// One row of `checklist list`: the summary and where the checklist came from.
#[derive(Debug, Clone)]
pub struct Listed<'a> {
    pub summary: Summary<'a>,
    pub origin: Origin,
}

/// Parse and validate checklist text. Only errors are looked for: `checklist lint` shows
/// the warnings.
pub fn load_str(file: &str, source: &str, origin: Origin) -> Result<Loaded, ChecklistError> {
    let (checklist, diagnostics) = validate::parse_errors_only(file, source);
    match checklist {
        Some(checklist) => Ok(Loaded {
            digest: digest::digest(&checklist).map_err(|source| ChecklistError::Digest {
                file: file.to_owned(),
                source,
            })?,
            checklist,
            origin,
            warnings: diagnostics,
        }),
        None => Err(ChecklistError::Invalid { diagnostics }),
    }
}

/// Read a file as UTF-8 text (a BOM is dropped), with errors that name it.
pub fn read_text(path: &Path) -> Result<String, ChecklistError> {
    let bytes =
        crate::limits::read(path, crate::limits::InputKind::Checklist).map_err(|e| match e {
            crate::limits::LimitError::Io { source, .. } => ChecklistError::Read {
                path: path.to_owned(),
                source,
            },
            other => ChecklistError::Limit(other),
        })?;
    if is_workbook_bytes(path, &bytes) {
        return Err(ChecklistError::Workbook {
            path: path.to_owned(),
        });
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .to_vec();
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let text = String::from_utf8_lossy(bytes.get(..valid).unwrap_or(bytes)).into_owned();
        let at = crate::diagnostic::Location::at("", &text, valid);
        ChecklistError::NotUtf8 {
            path: path.to_owned(),
            line: at.line,
            column: at.column,
        }
    })
}

/// Read, parse and validate a checklist file.
pub fn load_path(path: &Path) -> Result<Loaded, ChecklistError> {
    let source = read_text(path)?;
    load_str(
        &path.display().to_string(),
        &source,
        Origin::File(path.to_owned()),
    )
}

/// Every checklist known to this run: bundled ones and those given by path.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    /// What [`Catalog::resolve`] found this run: the edition notice judges by the checklist a
    /// command used (an answers file's, an `ID@EDITION`), not only by what is registered.
    used: Used,
}

/// The `ID@EDITION`s resolved, in order.
#[derive(Debug, Default)]
struct Used(std::sync::Mutex<Vec<String>>);

impl Used {
    fn note(&self, full_id: String) {
        if let Ok(mut list) = self.0.lock() {
            if !list.contains(&full_id) {
                list.push(full_id);
            }
        }
    }

    fn list(&self) -> Vec<String> {
        self.0.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Clone for Used {
    fn clone(&self) -> Self {
        Used(std::sync::Mutex::new(self.list()))
    }
}

/// A checklist of the catalog: bundled and known by the index until asked for, or loaded.
#[derive(Debug, Clone)]
enum Entry {
    Indexed {
        indexed: &'static registry::Indexed,
        source: &'static str,
        /// Parsed on first use; `None` if the file does not validate (the test suite fails
        /// first).
        loaded: OnceLock<Option<Loaded>>,
        /// The same checklist without its `[rules]` block, as medsec bundled it before fill-in
        /// rules were data: reports signed then name this digest. Made on first use.
        legacy: OnceLock<Option<Box<Loaded>>>,
    },
    Loaded(Loaded),
}

impl Entry {
    fn summary(&self) -> Summary<'_> {
        match self {
            Entry::Indexed { indexed, .. } => indexed.summary,
            Entry::Loaded(l) => Summary::of(l),
        }
    }

    fn origin(&self) -> Origin {
        match self {
            Entry::Indexed { indexed, .. } => Origin::Bundled(indexed.path),
            Entry::Loaded(l) => l.origin.clone(),
        }
    }

    /// The checklist, parsed now if it was not yet.
    fn get(&self) -> Result<&Loaded, ChecklistError> {
        let (indexed, source, loaded) = match self {
            Entry::Loaded(l) => return Ok(l),
            Entry::Indexed {
                indexed,
                source,
                loaded,
                ..
            } => (*indexed, *source, loaded),
        };
        let path = indexed.path;
        // The digest is the index's: tests/checklist/checklist_registry.rs fails when it is not
        // the file's, so a run does not hash what the build already did.
        let parse = || {
            let (checklist, diagnostics) = validate::parse_errors_only(path, source);
            match checklist {
                Some(checklist) => Ok(Loaded {
                    digest: indexed.summary.digest.to_owned(),
                    checklist,
                    origin: Origin::Bundled(path),
                    warnings: diagnostics,
                }),
                None => Err(ChecklistError::Invalid { diagnostics }),
            }
        };
        match loaded.get_or_init(|| parse().ok()) {
            Some(l) => Ok(l),
            // Only when a bundled file is invalid, which tests rule out: parse again for why.
            None => Err(parse().err().unwrap_or(ChecklistError::Invalid {
                diagnostics: Vec::new(),
            })),
        }
    }
}

impl Entry {
    /// A bundled checklist as it was before its `[rules]` block was added: the same items and
    /// wording, checked with the rules medsec applied to every edition then, under the digest
    /// reports of that time name (docs/checklist-format.md, "Fill-in rules by edition").
    fn legacy(&self) -> Option<&Loaded> {
        let Entry::Indexed { legacy, .. } = self else {
            return None;
        };
        legacy
            .get_or_init(|| {
                let l = self.get().ok()?;
                let digest = digest::without_rules(&l.checklist)?;
                let mut checklist = l.checklist.clone();
                checklist.rules = None;
                Some(Box::new(Loaded {
                    checklist,
                    digest,
                    origin: l.origin.clone(),
                    warnings: Vec::new(),
                }))
            })
            .as_deref()
    }
}

impl Catalog {
    /// The bundled checklists, known by the index and parsed only when asked for (they are
    /// validated by the test suite). A file whose length differs from the index's (edited
    /// since the index was made) is parsed here.
    pub fn bundled() -> Result<Self, ChecklistError> {
        let mut entries = Vec::with_capacity(registry::BUNDLED.len());
        for b in registry::BUNDLED {
            let indexed = registry::INDEX
                .iter()
                .find(|i| i.path == b.path && i.source_len == b.source.len());
            entries.push(match indexed {
                Some(indexed) => Entry::Indexed {
                    indexed,
                    source: b.source,
                    loaded: OnceLock::new(),
                    legacy: OnceLock::new(),
                },
                None => Entry::Loaded(load_str(b.path, b.source, Origin::Bundled(b.path))?),
            });
        }
        Ok(Catalog {
            entries,
            used: Used::default(),
        })
    }

    /// Bundled checklists, those added with `checklist add` (the user's folder) and files
    /// given by path, each taking the place of an earlier one with the same id and edition.
    pub fn with_files(paths: &[PathBuf]) -> Result<Self, ChecklistError> {
        let mut catalog = Self::bundled()?;
        let user = registry::user_files().map_err(|source| ChecklistError::Read {
            path: registry::user_dir().unwrap_or_default(),
            source,
        })?;
        for path in &user {
            catalog.add(load_path(path)?);
        }
        for path in paths {
            catalog.add(load_path(path)?);
        }
        catalog.link()?;
        Ok(catalog)
    }

    /// Add a checklist, replacing one with the same id and edition.
    pub fn add(&mut self, loaded: Loaded) {
        self.entries.retain(|e| {
            let s = e.summary();
            !(s.id == loaded.checklist.id && s.edition == loaded.checklist.edition)
        });
        self.entries.push(Entry::Loaded(loaded));
    }

    /// All checklists, ordered by id then edition. This parses every bundled one: to list
    /// them, [`list`](Self::list) needs none.
    pub fn all(&self) -> Vec<&Loaded> {
        let mut all: Vec<&Loaded> = self.entries.iter().filter_map(|e| e.get().ok()).collect();
        all.sort_by(|a, b| {
            (&a.checklist.id, a.checklist.fiscal_year)
                .cmp(&(&b.checklist.id, b.checklist.fiscal_year))
        });
        all
    }

    /// The checklists loaded from files (the user's data folder, `--checklist`), not the
    /// bundled ones: only these can extend another (no bundled file does; tests lint them), so
    /// linking them parses no bundled file it does not need.
    pub(crate) fn loaded_from_files(&self) -> Vec<&Loaded> {
        self.entries
            .iter()
            .filter_map(|e| match e {
                Entry::Loaded(l) => Some(l),
                Entry::Indexed { .. } => None,
            })
            .collect()
    }

    /// What `checklist list` shows of every checklist, ordered by id then edition, without
    /// parsing any bundled one.
    pub fn list(&self) -> Vec<Listed<'_>> {
        let mut all: Vec<Listed<'_>> = self
            .entries
            .iter()
            .map(|e| Listed {
                summary: e.summary(),
                origin: e.origin(),
            })
            .collect();
        all.sort_by(|a, b| {
            (a.summary.id, a.summary.fiscal_year).cmp(&(b.summary.id, b.summary.fiscal_year))
        });
        all
    }

    /// The checklist with this digest.
    pub fn by_digest(&self, digest: &str) -> Option<&Loaded> {
        // The index names the candidate; its digest is checked once parsed.
        let known = self
            .entries
            .iter()
            .filter(|e| e.summary().digest == digest)
            .filter_map(|e| e.get().ok())
            .find(|l| l.digest == digest);
        // An index out of date (the test suite fails then) must not hide a known checklist.
        known
            .or_else(|| {
                self.entries
                    .iter()
                    .filter(|e| matches!(e, Entry::Indexed { .. }))
                    .filter_map(|e| e.get().ok())
                    .find(|l| l.digest == digest)
            })
            // A report signed before the bundled files carried their fill-in rules.
            .or_else(|| {
                self.entries
                    .iter()
                    .filter_map(Entry::legacy)
                    .find(|l| l.digest == digest)
            })
    }

    /// Resolve `ID`, `ID@EDITION`, or with `form`, `PUBLISHER[@EDITION]` (e.g. `mhlw@fy2024`
    /// with form vendor). Without an edition, the newest one. Only the checklist found is
    /// parsed.
    pub fn resolve(&self, spec: &str, form: Option<Form>) -> Result<&Loaded, ChecklistError> {
        // `ID@令和8年度`, `ID@R8`, `ID@2026` name `ID@fy2026`.
        let canonical = edition::canonical_spec(spec);
        let (id, edition) = match canonical.split_once('@') {
            Some((id, edition)) => (id, Some(edition)),
            None => (spec, None),
        };
        let mut candidates: Vec<(&Entry, Summary<'_>)> = self
            .entries
            .iter()
            .map(|e| (e, e.summary()))
            .filter(|(_, s)| s.id == id)
            .collect();
        if candidates.is_empty() {
            if let Some(form) = form {
                let with_form = format!("{id}-{form}");
                candidates = self
                    .entries
                    .iter()
                    .map(|e| (e, e.summary()))
                    .filter(|(_, s)| s.id == with_form)
                    .collect();
            }
        }
        let Some((_, first)) = candidates.first() else {
            return Err(ChecklistError::NotFound {
                spec: spec.to_owned(),
                known: self.known_ids(),
            });
        };
        let found = match edition {
            Some(edition) => candidates.iter().find(|(_, s)| s.edition == edition),
            None => candidates.iter().max_by_key(|(_, s)| s.fiscal_year),
        };
        if let Some(form) = form {
            // The merged FY2026 form is an institution form that serves pharmacies too: a
            // pharmacy asks for it as its own form.
            let named = found.map_or(first, |(_, s)| s);
            if !form_fits(named, form) {
                return Err(ChecklistError::FormConflict {
                    spec: spec.to_owned(),
                    named: named.form,
                    serves: named.serves.to_vec(),
                    asked: form,
                });
            }
        }
        match found {
            Some((entry, _)) => {
                let loaded = entry.get()?;
                self.used.note(loaded.checklist.full_id());
                Ok(loaded)
            }
            None => {
                let mut known: Vec<String> = candidates
                    .iter()
                    .map(|(_, s)| s.edition.to_owned())
                    .collect();
                known.sort_unstable();
                Err(ChecklistError::NoEdition {
                    id: first.id.to_owned(),
                    edition: edition.unwrap_or_default().to_owned(),
                    known,
                })
            }
        }
    }

    /// Whether `--checklist ID[@EDITION]` (or `PUBLISHER[@EDITION]`) names a checklist this
    /// catalog holds: the error [`resolve`](Self::resolve) gives `init` for it, for every
    /// command, even one that answers another file's checklist (`status`). Nothing is parsed or
    /// noted as used.
    pub fn check_named(&self, spec: &str) -> Result<(), ChecklistError> {
        let canonical = edition::canonical_spec(spec);
        let (id, edition) = match canonical.split_once('@') {
            Some((id, edition)) => (id, Some(edition)),
            None => (canonical.as_str(), None),
        };
        let publisher = format!("{id}-");
        let exact: Vec<Summary<'_>> = self
            .entries
            .iter()
            .map(Entry::summary)
            .filter(|s| s.id == id)
            .collect();
        let candidates = if exact.is_empty() {
            self.entries
                .iter()
                .map(Entry::summary)
                .filter(|s| s.id.starts_with(&publisher))
                .collect()
        } else {
            exact
        };
        if candidates.is_empty() {
            return Err(ChecklistError::NotFound {
                spec: spec.to_owned(),
                known: self.known_ids(),
            });
        }
        match edition {
            Some(edition) if !candidates.iter().any(|s| s.edition == edition) => {
                let mut known: Vec<String> =
                    candidates.iter().map(|s| s.edition.to_owned()).collect();
                known.sort_unstable();
                known.dedup();
                Err(ChecklistError::NoEdition {
                    id: id.to_owned(),
                    edition: edition.to_owned(),
                    known,
                })
            }
            _ => Ok(()),
        }
    }

    /// The checklists [`resolve`](Self::resolve) found so far this run, in order.
    pub fn in_use(&self) -> Vec<Summary<'_>> {
        self.used
            .list()
            .iter()
            .filter_map(|full_id| {
                self.entries
                    .iter()
                    .map(Entry::summary)
                    .find(|s| s.full_id() == *full_id)
            })
            .collect()
    }

    fn known_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .entries
            .iter()
            .map(|e| e.summary().id.to_owned())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Whether a checklist of this summary is one of `form`: its own form, or for a pharmacy, an
/// institution form that serves pharmacies (the merged 医療機関・薬局確認用, FY2026 on).
pub fn form_fits(summary: &Summary<'_>, form: Form) -> bool {
    summary.form == form
        || (form == Form::Pharmacy
            && summary.form == Form::Institution
            && summary.serves.contains(&InstitutionKind::Pharmacy))
}

/// Checklists whose newest known edition is older than the fiscal year of `today`, as
/// `id@edition`, with the current fiscal year. A publisher with any checklist of this year is
/// current: forms are merged or renamed between years (FY2026 serves pharmacies with the
/// institution form), so an old form without a successor of its own is not missing. Empty when
/// every publisher has this year's edition.
pub fn stale(catalog: &Catalog, today: jiff::civil::Date) -> (Vec<String>, i16) {
    let current = crate::dates::fiscal_year_of(today);
    // An own checklist follows its base's edition; the base says whether it is stale.
    let own = |e: &&Entry| matches!(e, Entry::Loaded(l) if l.checklist.extends.is_some());
    let summaries: Vec<Summary<'_>> = catalog
        .entries
        .iter()
        .filter(|e| !own(e))
        .map(Entry::summary)
        .collect();
    let current_publishers: std::collections::BTreeSet<&str> = summaries
        .iter()
        .filter(|s| s.fiscal_year >= current)
        .map(|s| s.publisher)
        .collect();
    let mut newest: std::collections::BTreeMap<&str, &Summary<'_>> =
        std::collections::BTreeMap::new();
    for s in &summaries {
        let slot = newest.entry(s.id).or_insert(s);
        if s.fiscal_year > slot.fiscal_year {
            *slot = s;
        }
    }
    let stale = newest
        .values()
        .filter(|s| s.fiscal_year < current && !current_publishers.contains(s.publisher))
        .map(|s| s.full_id())
        .collect();
    (stale, current)
}

/// Whether the catalog holds a checklist of `form` of the current fiscal year (or later), from
/// any publisher.
pub fn has_current_form(catalog: &Catalog, today: jiff::civil::Date, form: Form) -> bool {
    let current = crate::dates::fiscal_year_of(today);
    catalog
        .entries
        .iter()
        .map(Entry::summary)
        .any(|s| s.form == form && s.fiscal_year >= current)
}

/// The checklists of the current fiscal year (or later) the catalog holds besides the stale
/// publishers' (an imported workbook not known as official is named after its file, not
/// `mhlw`): `ID@EDITION`, ordered. Said beside [`stale`], so that a hospital that imported
/// this year's workbook is not told that this year's form is missing without being shown it.
pub fn current_others(catalog: &Catalog, today: jiff::civil::Date) -> Vec<String> {
    let current = crate::dates::fiscal_year_of(today);
    let mut out: Vec<String> = catalog
        .entries
        .iter()
        .map(Entry::summary)
        .filter(|s| s.fiscal_year >= current)
        .map(|s| s.full_id())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The checklists of the current fiscal year (or later) that can take the place of `older`,
/// as `ID@EDITION`, ordered: the same form, or (for a form filled in by an institution) one
/// that serves every kind `older` serves (FY2026 serves pharmacies with the institution form).
pub fn current_successors(
    catalog: &Catalog,
    today: jiff::civil::Date,
    older: &Summary<'_>,
) -> Vec<String> {
    let current = crate::dates::fiscal_year_of(today);
    let mut out: Vec<String> = catalog
        .entries
        .iter()
        .map(Entry::summary)
        .filter(|s| s.fiscal_year >= current)
        .filter(|s| {
            s.form == older.form
                || (s.form != Form::Vendor
                    && older.form != Form::Vendor
                    && !older.serves.is_empty()
                    && older.serves.iter().all(|k| s.serves.contains(k)))
        })
        .map(|s| s.full_id())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::{Catalog, Entry};

    /// Linking (what every command does with the catalog) parses no bundled checklist: they
    /// never extend another, and start-up must not pay for them.
    #[test]
    fn linking_the_bundled_catalog_parses_none_of_it() {
        let mut catalog = Catalog::bundled().unwrap();
        catalog.link().unwrap();
        assert_eq!(parsed(&catalog), 0);
    }

    /// How many bundled checklists the catalog has parsed so far.
    fn parsed(catalog: &Catalog) -> usize {
        catalog
            .entries
            .iter()
            .filter(|e| matches!(e, Entry::Indexed { loaded, .. } if loaded.get().is_some()))
            .count()
    }

    #[test]
    fn reports_signed_before_the_rules_block_still_find_their_checklist() {
        // The bundled FY2025 form as it was before `[rules]`: the same file without the block.
        let path = "checklists/mhlw/fy2025/institution.toml";
        let source = super::registry::BUNDLED
            .iter()
            .find(|b| b.path == path)
            .unwrap()
            .source;
        let start = source.find("\n[rules]\n").unwrap() + 1;
        let end = start + source[start..].find("\n[[").unwrap() + 1;
        let old = format!("{}{}", &source[..start], &source[end..]);
        let old =
            super::load_str("old.toml", &old, super::Origin::File("old.toml".into())).unwrap();
        let catalog = Catalog::bundled().unwrap();
        let current = catalog.resolve("mhlw-institution@fy2025", None).unwrap();
        assert_ne!(old.digest, current.digest);
        let found = catalog.by_digest(&old.digest).unwrap();
        assert_eq!(found.digest, old.digest);
        assert_eq!(found.checklist.full_id(), "mhlw-institution@fy2025");
        assert!(found.checklist.rules.is_none());
        assert!(catalog.by_digest("sha256:0000").is_none());
    }

    /// Loading looks for errors only: the same checklist as lint's parse, none of its
    /// warnings, and an error still refused with the item named.
    #[test]
    fn loading_gives_lint_s_checklist_without_its_warnings() {
        let path = "checklists/mhlw/fy2025/institution.toml";
        let source = super::registry::BUNDLED
            .iter()
            .find(|b| b.path == path)
            .unwrap()
            .source;
        let (linted, warnings) = super::validate::parse(path, source);
        assert!(
            !warnings.is_empty(),
            "the bundled file has unverified wording"
        );
        let loaded = super::load_str(path, source, super::Origin::Bundled(path)).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(Some(&loaded.checklist), linted.as_ref());
        let broken = source.replacen("section = \"1\"", "section = \"9\"", 1);
        let Err(super::ChecklistError::Invalid { diagnostics }) =
            super::load_str(path, &broken, super::Origin::Bundled(path))
        else {
            panic!("an unknown section loads");
        };
        assert!(diagnostics
            .iter()
            .all(|d| d.severity == crate::diagnostic::Severity::Error));
        let unknown = diagnostics
            .iter()
            .find(|d| d.code == "unknown-section")
            .unwrap_or_else(|| panic!("{diagnostics:?}"));
        assert!(unknown.message.starts_with("1-"), "{unknown:?}");
    }

    #[test]
    fn the_bundled_catalog_parses_only_what_is_asked_for() {
        let catalog = Catalog::bundled().unwrap();
        assert!(catalog
            .entries
            .iter()
            .all(|e| matches!(e, Entry::Indexed { .. })));
        assert_eq!(catalog.list().len(), super::registry::BUNDLED.len());
        let _ = super::stale(&catalog, jiff::civil::date(2027, 4, 1));
        assert_eq!(parsed(&catalog), 0, "listing parses nothing");
        let shown = catalog.resolve("mhlw-institution", None).unwrap();
        assert_eq!(shown.checklist.full_id(), "mhlw-institution@fy2025");
        assert_eq!(parsed(&catalog), 1, "resolving parses the one found");
        let digest = shown.digest.clone();
        assert!(catalog.by_digest(&digest).is_some());
        assert_eq!(parsed(&catalog), 1, "found again without parsing another");
        assert!(catalog.by_digest("sha256:unknown").is_none());
        assert_eq!(catalog.all().len(), super::registry::BUNDLED.len());
    }
}
