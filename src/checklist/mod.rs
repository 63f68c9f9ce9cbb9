//! The MHLW checklist as versioned, validated data.
//!
//! raw (serde, spans) -> validate -> model; bundled files are registered in `registry`;
//! a `Catalog` holds the bundled checklists plus those added to the user's folder and any given
//! by path, and resolves `ID[@EDITION]`; `import` reads a checklist workbook into a file.
//! This module reads files but never prints.

pub mod digest;
pub mod extends;
pub mod import;
pub mod model;
pub mod raw;
pub mod registry;
pub mod scaffold;
pub mod validate;

pub use extends::{BaseRef, Extends, OutOfScope};
pub use model::*;

use crate::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};

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
    Invalid {
        diagnostics: Vec<Diagnostic>,
    },
    NotFound {
        spec: String,
        known: String,
    },
    NoEdition {
        id: String,
        edition: String,
        known: String,
    },
    FormConflict {
        spec: String,
        named: Form,
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
            ChecklistError::Invalid { diagnostics } => invalid_message(diagnostics, lang),
            ChecklistError::NotFound { spec, known } => crate::tr!(
                lang,
                "checklist-not-found",
                spec = spec.as_str(),
                known = known.as_str()
            ),
            ChecklistError::NoEdition { id, edition, known } => crate::tr!(
                lang,
                "checklist-no-edition",
                id = id.as_str(),
                edition = edition.as_str(),
                known = known.as_str()
            ),
            ChecklistError::FormConflict { spec, named, asked } => crate::tr!(
                lang,
                "checklist-form-conflict",
                spec = spec.as_str(),
                named = named.label(lang),
                asked = asked.label(lang)
            ),
            ChecklistError::Digest { file, source } => crate::tr!(
                lang,
                "checklist-digest",
                file = file.as_str(),
                detail = source.to_string()
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
    /// Warnings found while loading (errors make loading fail).
    pub warnings: Vec<Diagnostic>,
}

/// Parse and validate checklist text.
pub fn load_str(file: &str, source: &str, origin: Origin) -> Result<Loaded, ChecklistError> {
    let (checklist, diagnostics) = validate::parse(file, source);
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
    entries: Vec<Loaded>,
}

impl Catalog {
    /// The bundled checklists. They are linted by the test suite, so failing here is a bug.
    pub fn bundled() -> Result<Self, ChecklistError> {
        let entries = registry::BUNDLED
            .iter()
            .map(|b| load_str(b.path, b.source, Origin::Bundled(b.path)))
            .collect::<Result<_, _>>()?;
        Ok(Catalog { entries })
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
            !(e.checklist.id == loaded.checklist.id
                && e.checklist.edition == loaded.checklist.edition)
        });
        self.entries.push(loaded);
    }

    /// All checklists, ordered by id then edition.
    pub fn all(&self) -> Vec<&Loaded> {
        let mut all: Vec<&Loaded> = self.entries.iter().collect();
        all.sort_by(|a, b| {
            (&a.checklist.id, a.checklist.fiscal_year)
                .cmp(&(&b.checklist.id, b.checklist.fiscal_year))
        });
        all
    }

    /// The checklist with this digest.
    pub fn by_digest(&self, digest: &str) -> Option<&Loaded> {
        self.entries.iter().find(|e| e.digest == digest)
    }

    /// Resolve `ID`, `ID@EDITION`, or with `form`, `PUBLISHER[@EDITION]` (e.g. `mhlw@fy2024`
    /// with form vendor). Without an edition, the newest one.
    pub fn resolve(&self, spec: &str, form: Option<Form>) -> Result<&Loaded, ChecklistError> {
        let (id, edition) = match spec.split_once('@') {
            Some((id, edition)) => (id, Some(edition)),
            None => (spec, None),
        };
        let mut candidates: Vec<&Loaded> = self
            .entries
            .iter()
            .filter(|e| e.checklist.id == id)
            .collect();
        if candidates.is_empty() {
            if let Some(form) = form {
                let with_form = format!("{id}-{form}");
                candidates = self
                    .entries
                    .iter()
                    .filter(|e| e.checklist.id == with_form)
                    .collect();
            }
        }
        let Some(first) = candidates.first() else {
            return Err(ChecklistError::NotFound {
                spec: spec.to_owned(),
                known: self.known_ids(),
            });
        };
        if let Some(form) = form {
            if first.checklist.form != form {
                return Err(ChecklistError::FormConflict {
                    spec: spec.to_owned(),
                    named: first.checklist.form,
                    asked: form,
                });
            }
        }
        let found = match edition {
            Some(edition) => candidates.iter().find(|e| e.checklist.edition == edition),
            None => candidates.iter().max_by_key(|e| e.checklist.fiscal_year),
        };
        found.copied().ok_or_else(|| {
            let mut known: Vec<&str> = candidates
                .iter()
                .map(|e| e.checklist.edition.as_str())
                .collect();
            known.sort_unstable();
            ChecklistError::NoEdition {
                id: first.checklist.id.clone(),
                edition: edition.unwrap_or_default().to_owned(),
                known: known.join(", "),
            }
        })
    }

    fn known_ids(&self) -> String {
        let mut ids: Vec<&str> = self
            .entries
            .iter()
            .map(|e| e.checklist.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.join(", ")
    }
}

/// Checklists whose newest known edition is older than the fiscal year of `today`, as
/// `id@edition`, with the current fiscal year. A publisher with any checklist of this year is
/// current: forms are merged or renamed between years (FY2026 serves pharmacies with the
/// institution form), so an old form without a successor of its own is not missing. Empty when
/// every publisher has this year's edition.
pub fn stale(catalog: &Catalog, today: jiff::civil::Date) -> (Vec<String>, i16) {
    let current = crate::dates::fiscal_year_of(today);
    let current_publishers: std::collections::BTreeSet<&str> = catalog
        .entries
        .iter()
        .filter(|e| e.checklist.fiscal_year >= current)
        .map(|e| e.checklist.publisher.as_str())
        .collect();
    let mut newest: std::collections::BTreeMap<&str, &Checklist> =
        std::collections::BTreeMap::new();
    // An own checklist follows its base's edition; the base says whether it is stale.
    for e in catalog
        .entries
        .iter()
        .filter(|e| e.checklist.extends.is_none())
    {
        let c = &e.checklist;
        let slot = newest.entry(c.id.as_str()).or_insert(c);
        if c.fiscal_year > slot.fiscal_year {
            *slot = c;
        }
    }
    let stale = newest
        .values()
        .filter(|c| c.fiscal_year < current && !current_publishers.contains(c.publisher.as_str()))
        .map(|c| c.full_id())
        .collect();
    (stale, current)
}
