//! The two sides of `checklist diff` when they are sets of files: two folders, or the files
//! under some paths at two git revisions (read through the `git` command: `git ls-tree` and
//! `git show REV:PATH`). Files are paired by id, form and edition, then what is left by id and
//! form (so `fy2024/` against `fy2025/` pairs each form with its next edition), then a new
//! file with the newest older edition of its id and form on the old side (a new `fy2026/`
//! beside the `fy2025/` kept); the rest are added or removed files.

use crate::checklist::{self, ChecklistError, Lang, Loaded, Origin};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a side could not be read. `Display` is English; people read
/// [`localize`](Self::localize).
#[derive(Debug)]
pub enum DiffError {
    /// The `git` command could not be started: the I/O error's kind and OS number
    /// ([`crate::i18n::io_error_args`]).
    GitMissing { kind: String, code: String },
    /// The current folder is not inside a git repository (revisions cannot be read at all).
    NotARepository { detail: String },
    /// `git` does not know the revision.
    /// `git rev-parse --verify` refused it (git only ever says "needed a single revision").
    UnknownRevision { revision: String },
    /// `git` failed for another reason (not a repository, a path it cannot show).
    Git {
        revision: String,
        path: String,
        detail: String,
    },
    /// A checklist in a folder or at a revision did not load.
    Checklist {
        place: String,
        source: ChecklistError,
    },
    /// A workbook at a revision did not import (read as `checklist import` reads it).
    Workbook {
        place: String,
        source: crate::checklist::import::ImportError,
    },
    /// One side is a folder and the other is not.
    Mixed { old: String, new: String },
    /// Neither revision has a checklist file under the paths given (a mistyped path must not
    /// pass a CI gate as "nothing changed").
    NoChecklists {
        old: String,
        new: String,
        paths: Vec<String>,
    },
}

impl DiffError {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            DiffError::GitMissing { kind, code } => {
                let detail = crate::tr!(
                    lang,
                    "common-io-error",
                    kind = kind.as_str(),
                    code = code.as_str()
                );
                crate::tr!(lang, "diff-ci-git-missing", detail = detail)
            }
            DiffError::NotARepository { detail } => crate::tr!(
                lang,
                "diff-ci-not-a-repository",
                detail = git_says(lang, detail)
            ),
            DiffError::UnknownRevision { revision } => crate::tr!(
                lang,
                "diff-ci-unknown-revision",
                revision = revision.as_str()
            ),
            DiffError::Git {
                revision,
                path,
                detail,
            } => crate::tr!(
                lang,
                "diff-ci-git-failed",
                revision = revision.as_str(),
                path = path.as_str(),
                detail = git_says(lang, detail)
            ),
            DiffError::NoChecklists { old, new, paths } => crate::tr!(
                lang,
                "diff-ci-no-checklists",
                old = old.as_str(),
                new = new.as_str(),
                paths = crate::i18n::join_code(lang, paths)
            ),
            DiffError::Checklist { place, source } => crate::tr!(
                lang,
                "diff-ci-checklist-failed",
                place = place.as_str(),
                detail = source.localize(lang)
            ),
            DiffError::Workbook { place, source } => crate::tr!(
                lang,
                "diff-ci-checklist-failed",
                place = place.as_str(),
                detail = source.localize(lang)
            ),
            DiffError::Mixed { old, new } => crate::tr!(
                lang,
                "diff-ci-mixed-sides",
                old = old.as_str(),
                new = new.as_str()
            ),
        }
    }
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for DiffError {}

/// One file of a side: where it is (a path, or `REV:PATH`) and the checklist in it.
#[derive(Debug, Clone)]
pub struct SideFile {
    pub place: String,
    pub loaded: Loaded,
}

/// The files of both sides, paired.
#[derive(Debug, Default)]
pub struct Paired {
    pub pairs: Vec<(SideFile, SideFile)>,
    pub added: Vec<SideFile>,
    pub removed: Vec<SideFile>,
}

/// The checklist files in `folder` (searched for `*.toml` without following links, the lint
/// settings file left out), loaded.
pub fn folder(folder: &Path) -> Result<Vec<SideFile>, DiffError> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
        let entry = entry.map_err(|e| DiffError::Checklist {
            place: folder.display().to_string(),
            source: ChecklistError::Read {
                path: e.path().map_or_else(|| folder.to_owned(), Path::to_owned),
                source: e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("loop")),
            },
        })?;
        let path = entry.path();
        if !entry.file_type().is_file() || !is_checklist_name(path) {
            continue;
        }
        let loaded = checklist::load_path(path).map_err(|source| DiffError::Checklist {
            place: path.display().to_string(),
            source,
        })?;
        out.push(SideFile {
            place: path.display().to_string(),
            loaded,
        });
    }
    Ok(out)
}

/// A workbook's name (`.xlsx` and the other spreadsheet extensions, any case): imported in
/// memory, as `checklist diff WORKBOOK` imports a file path.
fn is_workbook_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| crate::checklist::import::is_workbook_extension(&x.to_string_lossy()))
}

fn is_checklist_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
        && path
            .file_name()
            .is_some_and(|n| n != crate::lint::CONFIG_FILE)
}

/// What git said on stderr, in `lang` ([`crate::i18n::detail::git`]).
fn git_says(lang: Lang, stderr: &str) -> String {
    crate::i18n::detail::git(lang, stderr)
}

fn git(args: &[&str]) -> Result<std::process::Output, DiffError> {
    Command::new("git")
        .args(args)
        // git's own messages in its fixed English, which medsec then says in words.
        .env("LC_ALL", "C")
        .env_remove("LANGUAGE")
        .output()
        .map_err(|e| {
            let [(_, kind), (_, code)] = crate::i18n::io_error_args(&e);
            DiffError::GitMissing { kind, code }
        })
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_owned()
}

/// The checklist files under `paths` at git revision `rev` (paths relative to the current
/// folder, as git takes them), loaded.
pub fn revision(rev: &str, paths: &[PathBuf]) -> Result<Vec<SideFile>, DiffError> {
    check_revision(rev)?;
    let mut args = vec!["ls-tree", "-r", "-z", "--name-only", rev, "--"];
    let path_texts: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    args.extend(path_texts.iter().map(String::as_str));
    let listed = git(&args)?;
    if !listed.status.success() {
        return Err(DiffError::Git {
            revision: rev.to_owned(),
            path: path_texts.join(" "),
            detail: stderr_of(&listed),
        });
    }
    let mut out = Vec::new();
    for name in listed.stdout.split(|b| *b == 0) {
        let Ok(name) = std::str::from_utf8(name) else {
            continue;
        };
        if name.is_empty()
            || !(is_checklist_name(Path::new(name)) || is_workbook_name(Path::new(name)))
        {
            continue;
        }
        out.push(load_at(rev, name)?);
    }
    Ok(out)
}

/// Whether `name` names a commit of the git repository of the current folder (false without
/// git or a repository).
pub fn is_revision(name: &str) -> bool {
    check_revision(name).is_ok()
}

/// That the current folder is in a git repository and `rev` names a commit in it.
fn check_revision(rev: &str) -> Result<(), DiffError> {
    // `--end-of-options` keeps a revision such as `--output=x` from being read as an option.
    let repository = git(&["rev-parse", "--git-dir"])?;
    if !repository.status.success() {
        return Err(DiffError::NotARepository {
            detail: stderr_of(&repository),
        });
    }
    let commit = format!("{rev}^{{commit}}");
    let check = git(&["rev-parse", "--verify", "--end-of-options", &commit])?;
    if !check.status.success() {
        return Err(DiffError::UnknownRevision {
            revision: rev.to_owned(),
        });
    }
    Ok(())
}

/// The checklist files under `paths` that differ from revision `rev` in the work tree (changed,
/// added or untracked; deleted ones are not there to lint), as paths relative to the current
/// folder. For `checklist lint --base REV`.
pub fn changed_since(rev: &str, paths: &[PathBuf]) -> Result<Vec<PathBuf>, DiffError> {
    check_revision(rev)?;
    let path_texts: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let listing = |args: &[&str]| -> Result<Vec<PathBuf>, DiffError> {
        let mut all: Vec<&str> = args.to_vec();
        all.push("--");
        all.extend(path_texts.iter().map(String::as_str));
        let out = git(&all)?;
        if !out.status.success() {
            return Err(DiffError::Git {
                revision: rev.to_owned(),
                path: path_texts.join(" "),
                detail: stderr_of(&out),
            });
        }
        Ok(out
            .stdout
            .split(|b| *b == 0)
            .filter_map(|n| std::str::from_utf8(n).ok())
            .filter(|n| !n.is_empty() && is_checklist_name(Path::new(n)))
            .map(PathBuf::from)
            .collect())
    };
    let mut files = listing(&[
        "diff",
        "--name-only",
        "--relative",
        "-z",
        "--diff-filter=d",
        "--end-of-options",
        rev,
    ])?;
    files.extend(listing(&[
        "ls-files",
        "-z",
        "--others",
        "--exclude-standard",
    ])?);
    files.sort();
    files.dedup();
    Ok(files)
}

/// The checklist at `path` (relative to the current folder) as it was at revision `rev`, or
/// `None` when the revision has no such file.
pub fn file_at(rev: &str, path: &Path) -> Result<Option<SideFile>, DiffError> {
    let name = path.display().to_string();
    let exists = git(&["cat-file", "-e", &format!("{rev}:./{name}")])?;
    if !exists.status.success() {
        return Ok(None);
    }
    load_at(rev, &name).map(Some)
}

/// The checklist `name` (relative to the current folder) at revision `rev`, loaded.
fn load_at(rev: &str, name: &str) -> Result<SideFile, DiffError> {
    let place = format!("{rev}:{name}");
    let shown = git(&["show", &format!("{rev}:./{name}")])?;
    if !shown.status.success() {
        return Err(DiffError::Git {
            revision: rev.to_owned(),
            path: name.to_owned(),
            detail: stderr_of(&shown),
        });
    }
    if is_workbook_name(Path::new(name)) || looks_like_workbook(&shown.stdout) {
        return load_workbook_at(&place, name, &shown.stdout).map(|loaded| SideFile {
            place: place.clone(),
            loaded,
        });
    }
    let text = String::from_utf8(shown.stdout).map_err(|_| DiffError::Checklist {
        place: place.clone(),
        source: ChecklistError::NotUtf8 {
            path: PathBuf::from(&place),
            line: 1,
            column: 1,
        },
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let loaded = checklist::load_str(&place, text, Origin::File(PathBuf::from(&place))).map_err(
        |source| DiffError::Checklist {
            place: place.clone(),
            source,
        },
    )?;
    Ok(SideFile { place, loaded })
}

/// Whether bytes start as a zip (.xlsx) or an OLE2 file (.xls, an encrypted workbook).
fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// A workbook's bytes at a revision, imported as `checklist import` imports it with no option
/// (the same checklist a file path gives), loaded under `place` (`REV:PATH`).
fn load_workbook_at(place: &str, name: &str, bytes: &[u8]) -> Result<Loaded, DiffError> {
    let opts = checklist::import::ImportOptions {
        file_name: Path::new(name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        ..Default::default()
    };
    let imported =
        checklist::import::import(bytes, &opts).map_err(|source| DiffError::Workbook {
            place: place.to_owned(),
            source,
        })?;
    checklist::load_str(place, &imported.toml, Origin::File(PathBuf::from(place))).map_err(
        |source| DiffError::Checklist {
            place: place.to_owned(),
            source,
        },
    )
}

/// The files of one side with every own checklist linked to its base, as every command uses
/// it (and as `checklist diff OLD.toml NEW.toml` compares it): the base is looked up among the
/// side's own files first (a group's repository holds the imported base beside its extension),
/// then in `catalog` (bundled, added, `--checklist`). Without this, a base item taken out of
/// scope is no change at all.
pub fn linked(
    files: Vec<SideFile>,
    catalog: impl FnOnce() -> Result<checklist::Catalog, ChecklistError>,
) -> Result<Vec<SideFile>, DiffError> {
    let extends = |f: &SideFile| {
        f.loaded
            .checklist
            .extends
            .as_ref()
            .is_some_and(|e| e.resolved.is_none())
    };
    if !files.iter().any(extends) {
        return Ok(files);
    }
    let mut catalog = catalog().map_err(|source| DiffError::Checklist {
        place: files
            .iter()
            .find(|f| extends(f))
            .map(|f| f.place.clone())
            .unwrap_or_default(),
        source,
    })?;
    for f in files.iter().filter(|f| !extends(f)) {
        catalog.add(f.loaded.clone());
    }
    files
        .into_iter()
        .map(|f| {
            if !extends(&f) {
                return Ok(f);
            }
            match catalog.linked(&f.loaded) {
                Ok(loaded) => Ok(SideFile {
                    place: f.place,
                    loaded,
                }),
                Err(diagnostics) => Err(DiffError::Checklist {
                    place: f.place,
                    source: ChecklistError::Invalid { diagnostics },
                }),
            }
        })
        .collect()
}

/// Pair `old` and `new` files: same id, form and edition first, then same id and form where
/// exactly one file of each side is left with them.
pub fn pair(old: Vec<SideFile>, new: Vec<SideFile>) -> Paired {
    let full = |f: &SideFile| {
        let c = &f.loaded.checklist;
        (c.id.clone(), c.form, c.edition.clone())
    };
    let mut paired = Paired::default();
    let all_old = old.clone();
    let mut old_left: Vec<Option<SideFile>> = old.into_iter().map(Some).collect();
    let mut new_left: Vec<Option<SideFile>> = Vec::new();
    for n in new {
        let found = old_left
            .iter_mut()
            .find(|o| o.as_ref().is_some_and(|o| full(o) == full(&n)))
            .and_then(Option::take);
        match found {
            Some(o) => paired.pairs.push((o, n)),
            None => new_left.push(Some(n)),
        }
    }
    let id_form = |f: &SideFile| (f.loaded.checklist.id.clone(), f.loaded.checklist.form);
    let count = |side: &[Option<SideFile>], k: &(String, crate::checklist::Form)| {
        side.iter()
            .filter(|f| f.as_ref().is_some_and(|f| id_form(f) == *k))
            .count()
    };
    for i in 0..new_left.len() {
        let Some(k) = new_left.get(i).and_then(Option::as_ref).map(id_form) else {
            continue;
        };
        if count(&old_left, &k) != 1 || count(&new_left, &k) != 1 {
            continue;
        }
        let o = old_left
            .iter_mut()
            .find(|o| o.as_ref().is_some_and(|o| id_form(o) == k))
            .and_then(Option::take);
        let n = new_left.get_mut(i).and_then(Option::take);
        if let (Some(o), Some(n)) = (o, n) {
            paired.pairs.push((o, n));
        }
    }
    // A new edition beside the old one kept (`fy2026/` added where `fy2025/` stays): compared
    // with the newest older edition of its id and form on the old side, even one paired above,
    // so the comment shows what the new edition changes, not only that a file is new.
    for slot in &mut new_left {
        let Some(n) = slot.as_ref() else {
            continue;
        };
        let (id, form) = id_form(n);
        let year = n.loaded.checklist.fiscal_year;
        let previous = all_old
            .iter()
            .filter(|o| id_form(o) == (id.clone(), form) && o.loaded.checklist.fiscal_year < year)
            .max_by_key(|o| o.loaded.checklist.fiscal_year);
        if let Some(o) = previous {
            if let Some(n) = slot.take() {
                paired.pairs.push((o.clone(), n));
            }
        }
    }
    paired.added = new_left.into_iter().flatten().collect();
    paired.removed = old_left.into_iter().flatten().collect();
    paired
}
