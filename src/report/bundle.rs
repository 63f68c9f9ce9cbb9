//! Writing a bundle folder: attached files copied in, `report.json` in its canonical bytes,
//! and `MANIFEST.sha256`; signed when a key is given.
//!
//! The bundle is made in a fresh folder beside the target and renamed into place at the end,
//! so a failure never leaves a half-written bundle, and an existing bundle is replaced only
//! when asked (`--force`). A folder is replaced only when it is a medsec bundle exactly as its
//! manifest lists it; anything else (a folder with other files, a file, a symbolic link) is
//! refused with the reason ([`NotReplaced`]).

use super::{EvidenceFile, Report, FILE_NAME};
use crate::atomic::{self, Replace};
use crate::checklist::Lang;
use crate::signing::keys::SecretKey;
use crate::signing::manifest;
use crate::signing::sign::{self, Signed};
use crate::signing::{AttachProblem, SigningError, Unsafe, MANIFEST, SIGNATURE};
use crate::tr;
use std::path::{Path, PathBuf};

/// A file to attach: where it is now, and its path inside the bundle.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub source: PathBuf,
    /// Relative path inside the bundle, with `/` (e.g. `evidence/institution/log.txt`).
    pub path: String,
    pub kind: AttachmentKind,
}

/// Whether report.json lists the file in `evidence`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentKind {
    /// Listed in `evidence`, with the form that names it and the name it gives.
    Evidence {
        form: Option<String>,
        named_as: Option<String>,
    },
    /// Not listed there (vendor forms and their signatures, which `vendor_forms` names).
    Plain,
}

/// Whether an existing bundle at the target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Refuse,
    /// Replace an existing bundle (never a folder holding other files).
    Bundle,
}

/// What [`write()`] did: what was signed (when a key was given), and the stale staging folders
/// of an earlier, killed run it removed beside the bundle ([`super::stage`]).
#[derive(Debug)]
pub struct Written {
    pub signed: Option<Signed>,
    pub removed_stale: Vec<PathBuf>,
}

/// Write the bundle into `dir`.
pub fn write(
    dir: &Path,
    report: &Report,
    attachments: &[Attachment],
    key: Option<&SecretKey>,
    timestamp: i64,
    overwrite: Overwrite,
) -> Result<Written, BundleError> {
    let existing = check_target(dir, overwrite)?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    // Every failure to write is said of the bundle folder as given (the staging folder
    // beside it is ours, not a name the user knows).
    std::fs::create_dir_all(&parent).map_err(SigningError::write(dir))?;
    let removed_stale = super::stage::remove_stale(&parent);
    let stage = tempfile::Builder::new()
        .prefix(super::stage::PREFIX)
        .tempdir_in(&parent)
        .map_err(SigningError::write(dir))?;
    super::stage::mark(stage.path()).map_err(SigningError::write(dir))?;
    // The bundle is made in a folder of the staging folder, beside the marker.
    let staged = stage.path().join(super::stage::BUNDLE);
    std::fs::create_dir(&staged).map_err(SigningError::write(dir))?;
    let signed = fill(&staged, report, attachments, key, timestamp)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&staged, std::fs::Permissions::from_mode(0o755))
            .map_err(SigningError::write(dir))?;
    }
    // Swap: move an old bundle aside, move the new one in, then remove the old one.
    let aside = match existing {
        Existing::None => None,
        Existing::EmptyFolder => {
            std::fs::remove_dir(dir).map_err(SigningError::write(dir))?;
            None
        }
        Existing::Bundle => {
            let aside = tempfile::Builder::new()
                .prefix(".medsec-old-bundle-")
                .tempdir_in(&parent)
                .map_err(SigningError::write(dir))?;
            let old = aside.path().join("bundle");
            std::fs::rename(dir, &old).map_err(SigningError::write(dir))?;
            Some((aside, old))
        }
    };
    if let Err(e) = std::fs::rename(&staged, dir) {
        if let Some((_, old)) = &aside {
            let _ = std::fs::rename(old, dir);
        }
        return Err(SigningError::write(dir)(e).into());
    }
    drop(aside);
    drop(stage);
    Ok(Written {
        signed,
        removed_stale,
    })
}

enum Existing {
    None,
    EmptyFolder,
    Bundle,
}

/// Why a folder given as the bundle's place is not replaced, even with `--force`.
#[derive(Debug)]
pub enum NotReplaced {
    /// A file (or something else) that is not a folder.
    NotAFolder,
    /// A symbolic link (to a folder or not): what it points to is not ours to replace.
    SymbolicLink,
    /// No `MANIFEST.sha256` at the top.
    NoManifest,
    /// `MANIFEST.sha256` is not a manifest (line, reason).
    BadManifest(usize, manifest::ManifestProblem),
    /// The manifest does not list `report.json`.
    NoReportListed,
    /// report.json is not a medsec report.
    NotAReport(super::ReportError),
    /// Files or folders the manifest does not list (the first few).
    Unlisted(Vec<String>),
    /// Files the manifest lists but report.json does not name (the first few): a manifest
    /// medsec did not write.
    NotNamed(Vec<String>),
    /// Files changed or missing since the manifest was written (the first few).
    Changed(Vec<String>),
    /// Something in the folder could not be read: what, and why.
    Unreadable(String, manifest::FileProblem),
}

fn few(lang: Lang, names: &[String]) -> String {
    let mut shown: Vec<&str> = names.iter().take(5).map(String::as_str).collect();
    if names.len() > 5 {
        shown.push("…");
    }
    crate::i18n::join(lang, &shown)
}

impl NotReplaced {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            NotReplaced::NotAFolder => tr!(lang, "report-not-replaced-not-folder"),
            NotReplaced::SymbolicLink => tr!(lang, "report-not-replaced-symlink"),
            NotReplaced::NoManifest => {
                tr!(lang, "report-not-replaced-no-manifest", manifest = MANIFEST)
            }
            NotReplaced::BadManifest(line, why) => tr!(
                lang,
                "report-not-replaced-bad-manifest",
                manifest = MANIFEST,
                line = (*line),
                reason = why.text(lang)
            ),
            NotReplaced::NoReportListed => tr!(
                lang,
                "report-not-replaced-not-report",
                reason = tr!(
                    lang,
                    "report-not-replaced-no-report-listed",
                    file = FILE_NAME
                )
            ),
            NotReplaced::NotAReport(e) => tr!(
                lang,
                "report-not-replaced-not-report",
                reason = e.localize(lang)
            ),
            NotReplaced::Unlisted(names) => tr!(
                lang,
                "report-not-replaced-unlisted",
                count = names.len(),
                names = few(lang, names)
            ),
            NotReplaced::NotNamed(names) => tr!(
                lang,
                "report-not-replaced-not-named",
                count = names.len(),
                names = few(lang, names)
            ),
            NotReplaced::Changed(names) => tr!(
                lang,
                "report-not-replaced-changed",
                count = names.len(),
                names = few(lang, names)
            ),
            NotReplaced::Unreadable(what, why) => tr!(
                lang,
                "report-not-replaced-unreadable",
                reason = format!("{what}: {}", why.text(lang))
            ),
        }
    }
}

/// Why a bundle was not written.
#[derive(Debug)]
pub enum BundleError {
    NotReplaced { path: PathBuf, why: NotReplaced },
    Signing(SigningError),
}

impl From<SigningError> for BundleError {
    fn from(e: SigningError) -> Self {
        BundleError::Signing(e)
    }
}

impl BundleError {
    /// The message for people in `lang` (the `Display` form is English).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BundleError::NotReplaced { path, why } => tr!(
                lang,
                "report-not-replaced",
                path = path.display().to_string(),
                reason = why.text(lang)
            ),
            BundleError::Signing(e) => e.localize(lang),
        }
    }
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BundleError {}

/// Whether [`write()`] may write the bundle at `dir` (nothing there, an empty folder, or a bundle
/// it may replace), checked before anything else is written.
pub fn check_replaceable(dir: &Path, overwrite: Overwrite) -> Result<(), BundleError> {
    check_target(dir, overwrite).map(|_| ())
}

fn check_target(dir: &Path, overwrite: Overwrite) -> Result<Existing, BundleError> {
    let refuse = |why| BundleError::NotReplaced {
        path: dir.to_owned(),
        why,
    };
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::None),
        // The place to write is not usable (a file where a folder should be): said as a write.
        Err(e) => return Err(SigningError::write(dir)(e).into()),
    };
    if meta.file_type().is_symlink() {
        return Err(refuse(NotReplaced::SymbolicLink));
    }
    if !meta.is_dir() {
        return Err(refuse(NotReplaced::NotAFolder));
    }
    let mut entries = std::fs::read_dir(dir).map_err(SigningError::io(dir))?;
    if entries.next().is_none() {
        return Ok(Existing::EmptyFolder);
    }
    is_replaceable_bundle(dir).map_err(refuse)?;
    match overwrite {
        Overwrite::Bundle => Ok(Existing::Bundle),
        Overwrite::Refuse => Err(SigningError::Exists {
            path: dir.to_owned(),
        }
        .into()),
    }
}

/// A folder may be replaced only when it is a medsec bundle exactly as its manifest lists it:
/// the manifest reads, lists a medsec report.json, every listed file matches its hash, and
/// nothing else is there (the manifest's signature aside). Anything else may be someone's work.
fn is_replaceable_bundle(dir: &Path) -> Result<(), NotReplaced> {
    let manifest_path = dir.join(MANIFEST);
    match std::fs::symlink_metadata(&manifest_path) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err(NotReplaced::NoManifest),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(NotReplaced::NoManifest),
        Err(e) => return Err(unreadable(MANIFEST, &e)),
    }
    let text = crate::limits::read_text_io(&manifest_path, crate::limits::InputKind::Report)
        .map_err(|e| unreadable(MANIFEST, &e))?;
    let listed = manifest::Manifest::parse(&text)
        .map_err(|(line, why)| NotReplaced::BadManifest(line, why))?;
    if !listed.entries.contains_key(FILE_NAME) {
        return Err(NotReplaced::NoReportListed);
    }
    let d = manifest::check(dir, &listed).map_err(|e| match e {
        SigningError::Io { path, source } => unreadable(&path.display().to_string(), &source),
        other => NotReplaced::Unreadable(
            dir.display().to_string(),
            manifest::FileProblem::Io(std::io::ErrorKind::Other, other.to_string()),
        ),
    })?;
    if let Some((name, why)) = d.unreadable.first() {
        return Err(NotReplaced::Unreadable(name.clone(), why.clone()));
    }
    let mut unlisted: Vec<String> = d.extra;
    unlisted.extend(d.refused.into_iter().map(|(name, _)| name));
    unlisted.extend(unlisted_folders(dir, &listed)?);
    if !unlisted.is_empty() {
        unlisted.sort();
        return Err(NotReplaced::Unlisted(unlisted));
    }
    let mut changed = d.changed;
    changed.extend(d.missing);
    if !changed.is_empty() {
        changed.sort();
        return Err(NotReplaced::Changed(changed));
    }
    // The manifest's hash of report.json held just now; what it says must be a medsec report,
    // and every other file the manifest lists must be one the report names: a manifest made
    // by hand (`sha256sum * > MANIFEST.sha256`) over someone's files proves nothing.
    let report_path = dir.join(FILE_NAME);
    let bytes = crate::limits::read_io(&report_path, crate::limits::InputKind::Report)
        .map_err(|e| unreadable(FILE_NAME, &e))?;
    let report = Report::parse(&report_path, &bytes).map_err(NotReplaced::NotAReport)?;
    let named: std::collections::BTreeSet<&str> = report.named_files().collect();
    let not_named: Vec<String> = listed
        .entries
        .keys()
        .filter(|k| k.as_str() != FILE_NAME && k.as_str() != crate::render::html::BUNDLE_FILE)
        .filter(|k| !named.contains(k.as_str()))
        .cloned()
        .collect();
    if !not_named.is_empty() {
        return Err(NotReplaced::NotNamed(not_named));
    }
    Ok(())
}

fn unreadable(what: &str, e: &std::io::Error) -> NotReplaced {
    NotReplaced::Unreadable(
        what.to_owned(),
        manifest::FileProblem::Io(e.kind(), e.to_string()),
    )
}

/// Folders that hold no file the manifest lists (an empty folder a user made is theirs).
fn unlisted_folders(dir: &Path, listed: &manifest::Manifest) -> Result<Vec<String>, NotReplaced> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false).min_depth(1) {
        let entry = entry.map_err(|e| {
            let what = e
                .path()
                .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
            match e.io_error() {
                Some(io) => unreadable(&what, io),
                None => NotReplaced::Unreadable(what, manifest::FileProblem::Loop),
            }
        })?;
        if !entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let name = rel
            .to_string_lossy()
            .replace(std::path::MAIN_SEPARATOR, "/");
        let prefix = format!("{name}/");
        if !listed.entries.keys().any(|k| k.starts_with(&prefix)) {
            out.push(format!("{name}/"));
        }
    }
    Ok(out)
}

/// Write the bundle's files into the (new, empty) folder `dir`.
fn fill(
    dir: &Path,
    report: &Report,
    attachments: &[Attachment],
    key: Option<&SecretKey>,
    timestamp: i64,
) -> Result<Option<Signed>, SigningError> {
    let mut report = report.clone();
    report.evidence.clear();
    for a in attachments {
        let attach = |why| SigningError::Unsafe {
            path: a.source.clone(),
            reason: Unsafe::Attach {
                name: a.path.clone(),
                why,
            },
        };
        manifest::check_path(&a.path).map_err(|p| attach(AttachProblem::Path(p)))?;
        if [FILE_NAME, MANIFEST, SIGNATURE].contains(&a.path.as_str()) {
            return Err(attach(AttachProblem::OwnFile));
        }
        let bytes = std::fs::read(&a.source).map_err(SigningError::io(&a.source))?;
        let target = dir.join(&a.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(SigningError::write(parent))?;
        }
        atomic::write(&target, &bytes, None, Replace::Refuse).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                attach(AttachProblem::Taken)
            } else {
                SigningError::write(&target)(e)
            }
        })?;
        if let AttachmentKind::Evidence { form, named_as } = &a.kind {
            report.evidence.push(EvidenceFile {
                path: a.path.clone(),
                sha256: manifest::sha256_bytes(&bytes),
                size: bytes.len() as u64,
                form: form.clone(),
                named_as: named_as.clone(),
            });
        }
    }
    let report_path = dir.join(FILE_NAME);
    let report_bytes = report.to_canonical_bytes()?;
    atomic::write(&report_path, &report_bytes, None, Replace::Allow)
        .map_err(SigningError::write(&report_path))?;
    // The page for people (report.html): listed in the manifest and signed with the rest.
    let key_id = key.map(|k| k.public.key_id.as_str());
    for (name, bytes) in
        crate::render::html::bundle_files(&report, &report_bytes, key_id, timestamp, dir)
    {
        let path = dir.join(name);
        atomic::write(&path, &bytes, None, Replace::Refuse).map_err(SigningError::write(&path))?;
    }
    match key {
        Some(key) => sign::sign_bundle(dir, key, timestamp).map(Some),
        None => {
            let m = manifest::build(dir)?;
            let path = dir.join(MANIFEST);
            atomic::write(&path, m.render().as_bytes(), None, Replace::Allow)
                .map_err(SigningError::write(&path))?;
            Ok(None)
        }
    }
}
