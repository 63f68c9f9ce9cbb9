//! `MANIFEST.sha256`: one line per file, `<sha256 hex>  <path>`, exactly what `sha256sum`
//! writes and `sha256sum -c` reads. Paths are relative to the bundle, with `/`, sorted by
//! bytes. Every regular file in the folder is listed except the manifest and its signature;
//! symbolic links and special files are refused, so nothing outside the folder is covered
//! or read.

use super::{SigningError, Unsafe, MANIFEST, SIGNATURE};
use crate::checklist::Lang;
use crate::tr;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Folders deeper than this inside a bundle are not walked (reported as unreadable).
pub const MAX_DEPTH: usize = 64;

/// Why a file of a bundle was not read.
#[derive(Debug)]
pub enum OpenError {
    /// A symbolic link, FIFO, device, socket or folder: never opened for reading.
    NotRegular,
    /// Larger than the limit for that kind of file.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(std::io::Error),
}

impl From<std::io::Error> for OpenError {
    fn from(e: std::io::Error) -> Self {
        OpenError::Io(e)
    }
}

impl OpenError {
    /// The same problem as a [`FileProblem`] (which can be kept and compared).
    pub fn problem(&self) -> FileProblem {
        match self {
            OpenError::NotRegular => FileProblem::NotRegular,
            OpenError::TooLarge { size, limit } => FileProblem::TooLarge {
                size: *size,
                limit: *limit,
            },
            OpenError::Io(e) => FileProblem::Io(e.kind(), e.to_string()),
        }
    }
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.problem().text(Lang::En))
    }
}

impl std::error::Error for OpenError {}

/// Why a path may not appear in a manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathProblem {
    Empty,
    Absolute,
    BackslashOrControl,
    DotComponent,
}

impl PathProblem {
    pub fn text(self, lang: Lang) -> String {
        match self {
            PathProblem::Empty => tr!(lang, "signing-path-empty"),
            PathProblem::Absolute => tr!(lang, "signing-path-absolute"),
            PathProblem::BackslashOrControl => tr!(lang, "signing-path-backslash"),
            PathProblem::DotComponent => tr!(lang, "signing-path-dot"),
        }
    }
}

impl std::fmt::Display for PathProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Why a manifest line is not one `sha256sum` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestProblem {
    NoFinalNewline,
    NotALine,
    HashNotHex,
    NoTwoSpaces,
    BadPath { path: String, problem: PathProblem },
    OwnFile(String),
    Twice(String),
}

impl ManifestProblem {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            ManifestProblem::NoFinalNewline => tr!(lang, "signing-manifest-no-final-newline"),
            ManifestProblem::NotALine => tr!(lang, "signing-manifest-not-a-line"),
            ManifestProblem::HashNotHex => tr!(lang, "signing-manifest-hash-not-hex"),
            ManifestProblem::NoTwoSpaces => tr!(lang, "signing-manifest-no-two-spaces"),
            ManifestProblem::BadPath { path, problem } => tr!(
                lang,
                "signing-manifest-bad-path",
                path = path.as_str(),
                reason = problem.text(lang)
            ),
            ManifestProblem::OwnFile(path) => {
                tr!(lang, "signing-manifest-own-file", path = path.as_str())
            }
            ManifestProblem::Twice(path) => {
                tr!(lang, "signing-manifest-twice", path = path.as_str())
            }
        }
    }
}

impl std::fmt::Display for ManifestProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Why a file or folder of a bundle was refused or not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    NameNotUtf8,
    SymbolicLink,
    NotRegular,
    Path(PathProblem),
    Loop,
    /// Deeper than [`MAX_DEPTH`].
    TooDeep,
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// An I/O error: its kind and the system's text.
    Io(std::io::ErrorKind, String),
}

impl FileProblem {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FileProblem::NameNotUtf8 => tr!(lang, "signing-refused-name-not-utf8"),
            FileProblem::SymbolicLink => tr!(lang, "signing-refused-symlink"),
            FileProblem::NotRegular => tr!(lang, "signing-refused-not-regular"),
            FileProblem::Path(p) => p.text(lang),
            FileProblem::Loop => tr!(lang, "signing-unreadable-loop"),
            FileProblem::TooDeep => tr!(lang, "signing-unreadable-too-deep", max = MAX_DEPTH),
            FileProblem::TooLarge { size, limit } => tr!(
                lang,
                "signing-too-large",
                size = size.to_string(),
                limit = limit.to_string()
            ),
            FileProblem::Io(kind, raw) => super::io_text(lang, *kind, raw),
        }
    }
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Open a file that must be a regular file, without following a symbolic link and without
/// blocking (a FIFO put in place of a checked file opens at once and is refused), then check
/// through the open handle that it is a regular file. Returns the file and its size.
pub fn open_regular(path: &Path) -> Result<(File, u64), OpenError> {
    // Checked before opening: a device or FIFO is never opened at all.
    if !std::fs::symlink_metadata(path)?.file_type().is_file() {
        return Err(OpenError::NotRegular);
    }
    open_walked(path)
}

/// As [`open_regular`], for a file that the walk of its folder has just found to be a regular
/// file (the type in the folder's entry): not looked up a second time before it is opened.
/// The checks after opening are the same.
fn open_walked(path: &Path) -> Result<(File, u64), OpenError> {
    let file = open_no_follow(path).map_err(|e| {
        // O_NOFOLLOW on a link swapped in after the check: ELOOP.
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return OpenError::NotRegular;
        }
        OpenError::Io(e)
    })?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(OpenError::NotRegular);
    }
    Ok((file, meta.len()))
}

/// Open for reading without following a final symbolic link (ELOOP) and without blocking
/// on a FIFO with no writer.
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Read the file `name` at the top of `dir` (the manifest or its signature) as [`read_bounded`]
/// does, by the type `found` the walk of the folder gave it ([`Scan::top_manifest`]): missing
/// when the walk did not find it, refused unless a regular file, and not looked up again
/// before it is opened (the checks after opening are the same).
pub fn read_found(
    dir: &Path,
    name: &str,
    found: Option<std::fs::FileType>,
    limit: u64,
) -> Result<Vec<u8>, OpenError> {
    match found {
        None => Err(OpenError::Io(std::io::ErrorKind::NotFound.into())),
        Some(t) if !t.is_file() => Err(OpenError::NotRegular),
        Some(_) => read_opened(open_walked(&dir.join(name))?, limit),
    }
}

/// Read a regular file whole, refusing one larger than `limit` bytes before reading it, and
/// reading at most `limit` bytes even if it grows meanwhile.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, OpenError> {
    read_opened(open_regular(path)?, limit)
}

fn read_opened((file, size): (File, u64), limit: u64) -> Result<Vec<u8>, OpenError> {
    if size > limit {
        return Err(OpenError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The size the open file gave, no more: no read only to find the end (a system call a
    // file, thousands in a batch). What was read is what gets hashed or verified. A file
    // that says it is empty is read to its end, within the limit.
    let bound = if size > 0 {
        size
    } else {
        limit.saturating_add(1)
    };
    file.take(bound).read_to_end(&mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(OpenError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// A parsed or built manifest: path -> lowercase hex SHA-256.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub entries: BTreeMap<String, String>,
}

impl Manifest {
    /// The text of the manifest file.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (path, hash) in &self.entries {
            out.push_str(hash);
            out.push_str("  ");
            out.push_str(path);
            out.push('\n');
        }
        out
    }

    /// Parse manifest text. `*` (binary mode) is accepted as sha256sum accepts it.
    pub fn parse(text: &str) -> Result<Self, (usize, ManifestProblem)> {
        let mut entries = BTreeMap::new();
        if !text.is_empty() && !text.ends_with('\n') {
            return Err((text.lines().count(), ManifestProblem::NoFinalNewline));
        }
        for (i, line) in text.split_terminator('\n').enumerate() {
            let n = i + 1;
            let (hash, rest) = line
                .split_at_checked(64)
                .ok_or((n, ManifestProblem::NotALine))?;
            if !hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            {
                return Err((n, ManifestProblem::HashNotHex));
            }
            let path = rest
                .strip_prefix("  ")
                .or_else(|| rest.strip_prefix(" *"))
                .ok_or((n, ManifestProblem::NoTwoSpaces))?;
            check_path(path).map_err(|problem| {
                (
                    n,
                    ManifestProblem::BadPath {
                        path: path.to_owned(),
                        problem,
                    },
                )
            })?;
            if path == MANIFEST || path == SIGNATURE {
                return Err((n, ManifestProblem::OwnFile(path.to_owned())));
            }
            if entries.insert(path.to_owned(), hash.to_owned()).is_some() {
                return Err((n, ManifestProblem::Twice(path.to_owned())));
            }
        }
        Ok(Manifest { entries })
    }
}

/// A path as it may appear in a manifest: relative, `/`-separated, no `.` or `..`, and no
/// characters `sha256sum` would escape.
pub fn check_path(path: &str) -> Result<(), PathProblem> {
    if path.is_empty() {
        return Err(PathProblem::Empty);
    }
    if path.starts_with('/') {
        return Err(PathProblem::Absolute);
    }
    if path.chars().any(|c| c == '\\' || c.is_control()) {
        return Err(PathProblem::BackslashOrControl);
    }
    if path
        .split('/')
        .any(|c| c.is_empty() || c == "." || c == "..")
    {
        return Err(PathProblem::DotComponent);
    }
    Ok(())
}

/// The file a bundle name (`checklists/x.toml`, always `/`) names inside `dir`, in the
/// platform's form: on Windows `dir\checklists\x.toml`, never `dir\checklists/x.toml`, so a
/// path shown to people can be pasted into Explorer or PowerShell as it is (docs/windows.md).
pub fn in_bundle(dir: &Path, name: &str) -> std::path::PathBuf {
    let mut path = dir.to_path_buf();
    path.extend(name.split('/').filter(|part| !part.is_empty()));
    path
}

/// What is in a bundle folder: regular files by relative path, and what was refused.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub files: BTreeSet<String>,
    /// Path and reason: symbolic links, special files, names a manifest cannot hold.
    pub refused: Vec<(String, FileProblem)>,
    /// Path and reason: folders that could not be read or lie deeper than [`MAX_DEPTH`]. The
    /// walk goes on past them, so nothing else is hidden.
    pub unreadable: Vec<(String, FileProblem)>,
    /// The types of the manifest and of its signature at the top, as the folder's entries
    /// give them (`None`: not there); they are read by [`read_found`], not looked up again.
    pub top_manifest: Option<std::fs::FileType>,
    pub top_signature: Option<std::fs::FileType>,
}

impl Scan {
    /// Whether `name` lies inside a folder the walk could not read.
    pub fn inside_unreadable(&self, name: &str) -> bool {
        self.unreadable.iter().any(|(folder, _)| {
            name.strip_prefix(folder.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })
    }
}

fn relative_name(dir: &Path, path: &Path) -> Result<String, String> {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.to_str()
        .map(|s| s.replace(std::path::MAIN_SEPARATOR, "/"))
        .ok_or_else(|| rel.to_string_lossy().into_owned())
}

/// List every regular file under `dir` except the manifest and its signature at the top.
/// Only the folder itself failing to open is an error; anything unreadable inside it is
/// listed in [`Scan::unreadable`] and the walk goes on.
pub fn scan(dir: &Path) -> Result<Scan, SigningError> {
    // The folder is opened once: failing that is the scan's error; what it holds is walked.
    let top = std::fs::read_dir(dir).map_err(SigningError::io(dir))?;
    let mut scan = Scan::default();
    scan_folder(dir, dir, top, 1, &mut scan);
    Ok(scan)
}

/// The entries of `folder` (at `depth` below the bundle's top `dir`), in file-name order, each
/// by the type its folder entry gives (no lookup per file), a subfolder walked where it sorts
/// (depth first), links never followed. Reading a folder costs one open: a walk of every
/// bundle of a batch is mostly these system calls.
fn scan_folder(
    dir: &Path,
    folder: &Path,
    entries: std::fs::ReadDir,
    depth: usize,
    scan: &mut Scan,
) {
    let mut listed = Vec::new();
    for entry in entries {
        let entry = entry.and_then(|e| Ok((e.file_name(), e.file_type()?)));
        match entry {
            Ok(entry) => listed.push(entry),
            Err(e) => {
                let name = relative_name(dir, folder).unwrap_or_else(|lossy| lossy);
                scan.unreadable
                    .push((name, FileProblem::Io(e.kind(), e.to_string())));
            }
        }
    }
    listed.sort_by(|(a, _), (b, _)| a.cmp(b));
    for (file_name, ft) in listed {
        let path = folder.join(&file_name);
        let name = match relative_name(dir, &path) {
            Ok(name) => name,
            Err(lossy) => {
                // Not walked into either: nothing under a name a manifest cannot hold.
                scan.refused.push((lossy, FileProblem::NameNotUtf8));
                continue;
            }
        };
        if depth == 1 && name == MANIFEST {
            scan.top_manifest = Some(ft);
        } else if depth == 1 && name == SIGNATURE {
            scan.top_signature = Some(ft);
        }
        if ft.is_dir() {
            if depth >= MAX_DEPTH {
                scan.unreadable.push((name, FileProblem::TooDeep));
                continue;
            }
            match std::fs::read_dir(&path) {
                Ok(inner) => scan_folder(dir, &path, inner, depth + 1, scan),
                Err(e) => scan
                    .unreadable
                    .push((name, FileProblem::Io(e.kind(), e.to_string()))),
            }
            continue;
        }
        if ft.is_symlink() {
            scan.refused.push((name, FileProblem::SymbolicLink));
            continue;
        }
        if !ft.is_file() {
            scan.refused.push((name, FileProblem::NotRegular));
            continue;
        }
        if depth == 1 && (name == MANIFEST || name == SIGNATURE) {
            continue;
        }
        if let Err(reason) = check_path(&name) {
            scan.refused.push((name, FileProblem::Path(reason)));
            continue;
        }
        scan.files.insert(name);
    }
}

/// SHA-256 of a file, lowercase hex.
pub fn sha256_file(path: &Path) -> Result<String, OpenError> {
    sha256_opened(open_regular(path)?)
}

fn sha256_opened((file, size): (File, u64)) -> Result<String, OpenError> {
    let mut hasher = Sha256::new();
    // As `read_opened`: up to the size the open file gave (no read only to find the end),
    // to its end when it says it is empty.
    let mut file = file.take(if size > 0 { size } else { u64::MAX });
    // On the stack: verify hashes thousands of small files, and a zeroed heap buffer per file
    // costs more than hashing them.
    let mut buf = [0u8; 32 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(buf.get(..n).unwrap_or_default());
    }
    Ok(crate::checklist::digest::hex(&hasher.finalize()))
}

/// SHA-256 of bytes, lowercase hex.
pub fn sha256_bytes(bytes: &[u8]) -> String {
    crate::checklist::digest::hex(&Sha256::digest(bytes))
}

/// Build the manifest of a folder. Refused files are an error: a bundle must be clean to sign.
pub fn build(dir: &Path) -> Result<Manifest, SigningError> {
    let scan = scan(dir)?;
    if let Some((path, reason)) = scan.refused.first() {
        return Err(SigningError::Unsafe {
            path: in_bundle(dir, path),
            reason: Unsafe::Refused(reason.clone()),
        });
    }
    if let Some((path, reason)) = scan.unreadable.first() {
        return Err(SigningError::Unsafe {
            path: in_bundle(dir, path),
            reason: Unsafe::Unreadable(reason.clone()),
        });
    }
    let mut entries = BTreeMap::new();
    for name in scan.files {
        // The path goes into the error people read: the platform's form (docs/windows.md).
        let path = in_bundle(dir, &name);
        let hash = sha256_file(&path).map_err(|e| match e {
            OpenError::Io(source) => SigningError::Io { path, source },
            other => SigningError::Unsafe {
                path,
                reason: Unsafe::Refused(other.problem()),
            },
        })?;
        entries.insert(name, hash);
    }
    Ok(Manifest { entries })
}

/// How a folder differs from its manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Differences {
    pub missing: Vec<String>,
    pub changed: Vec<String>,
    pub extra: Vec<String>,
    pub refused: Vec<(String, FileProblem)>,
    /// Files and folders that could not be read, with the reason.
    pub unreadable: Vec<(String, FileProblem)>,
    /// The kept file, when it is larger than the limit given (it is then not hashed).
    pub too_large: Vec<(String, FileProblem)>,
}

impl Differences {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty()
            && self.changed.is_empty()
            && self.extra.is_empty()
            && self.refused.is_empty()
            && self.unreadable.is_empty()
            && self.too_large.is_empty()
    }
}

/// Compare a folder with a manifest. Only regular files found by the walk are read.
pub fn check(dir: &Path, manifest: &Manifest) -> Result<Differences, SigningError> {
    check_keeping(dir, manifest, "", 0).map(|(d, _)| d)
}

/// Like [`check`], and also hand back the bytes of the file named `keep` as they were hashed,
/// so a caller that goes on to parse it reads exactly what was checked (and reads it once).
/// The kept file is read only when it is at most `keep_limit` bytes; a larger one is listed
/// in [`Differences::too_large`] and neither read nor hashed.
pub fn check_keeping(
    dir: &Path,
    manifest: &Manifest,
    keep: &str,
    keep_limit: u64,
) -> Result<(Differences, Option<Vec<u8>>), SigningError> {
    check_scanned(dir, scan(dir)?, manifest, keep, keep_limit)
}

/// As [`check_keeping`], with the walk of `dir` made already (when its manifest was read).
pub fn check_scanned(
    dir: &Path,
    scan: Scan,
    manifest: &Manifest,
    keep: &str,
    keep_limit: u64,
) -> Result<(Differences, Option<Vec<u8>>), SigningError> {
    let mut kept = None;
    let mut d = Differences {
        refused: scan.refused.clone(),
        unreadable: scan.unreadable.clone(),
        ..Differences::default()
    };
    for (name, expected) in &manifest.entries {
        if !scan.files.contains(name) {
            // A refused entry (e.g. a symbolic link) is reported once, as refused; one inside
            // a folder that could not be read is reported with that folder.
            if !d.refused.iter().any(|(r, _)| r == name) && !scan.inside_unreadable(name) {
                d.missing.push(name.clone());
            }
            continue;
        }
        // Found by the walk as a regular file: opened without looking it up again.
        let path = in_bundle(dir, name);
        let hashed = if name == keep {
            open_walked(&path)
                .and_then(|opened| read_opened(opened, keep_limit))
                .map(|bytes| {
                    let hash = sha256_bytes(&bytes);
                    kept = Some(bytes);
                    hash
                })
        } else {
            open_walked(&path).and_then(sha256_opened)
        };
        match hashed {
            Ok(actual) if &actual == expected => {}
            Ok(_) => d.changed.push(name.clone()),
            Err(e @ OpenError::NotRegular) => d.refused.push((name.clone(), e.problem())),
            Err(e @ OpenError::TooLarge { .. }) => d.too_large.push((name.clone(), e.problem())),
            Err(e @ OpenError::Io(_)) => d.unreadable.push((name.clone(), e.problem())),
        }
    }
    d.extra = scan
        .files
        .into_iter()
        .filter(|f| !manifest.entries.contains_key(f))
        .collect();
    Ok((d, kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_name_is_a_path_in_the_platforms_form() {
        let path = in_bundle(
            Path::new("報告 2026"),
            "checklists/mhlw-institution-fy2026.toml",
        );
        let expected: std::path::PathBuf =
            ["報告 2026", "checklists", "mhlw-institution-fy2026.toml"]
                .iter()
                .collect();
        assert_eq!(path.display().to_string(), expected.display().to_string());
        let sep = std::path::MAIN_SEPARATOR;
        assert_eq!(
            path.display().to_string(),
            format!("報告 2026{sep}checklists{sep}mhlw-institution-fy2026.toml")
        );
    }

    #[test]
    fn render_parse_round_trip_matches_sha256sum_format() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("evidence")).unwrap();
        std::fs::write(dir.path().join("report.json"), b"{}\n").unwrap();
        std::fs::write(dir.path().join("evidence/a b.txt"), b"abc").unwrap();
        std::fs::write(dir.path().join(MANIFEST), b"old").unwrap();
        let m = build(dir.path()).unwrap();
        let text = m.render();
        assert_eq!(
            text,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  evidence/a b.txt\n\
             ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356  report.json\n"
        );
        assert_eq!(Manifest::parse(&text).unwrap(), m);
        assert!(check(dir.path(), &m).unwrap().is_empty());
    }

    #[test]
    fn check_keeping_hands_back_the_hashed_bytes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("report.json"), b"{}\n").unwrap();
        std::fs::write(dir.path().join("other.txt"), b"x").unwrap();
        let m = build(dir.path()).unwrap();
        let (d, kept) = check_keeping(dir.path(), &m, "report.json", 1024).unwrap();
        assert!(d.is_empty());
        assert_eq!(kept.as_deref(), Some(&b"{}\n"[..]));
        std::fs::write(dir.path().join("report.json"), b"{ }\n").unwrap();
        let (d, kept) = check_keeping(dir.path(), &m, "report.json", 1024).unwrap();
        assert_eq!(d.changed, ["report.json"]);
        assert_eq!(kept.as_deref(), Some(&b"{ }\n"[..]));
        let (_, kept) = check_keeping(dir.path(), &m, "absent.json", 1024).unwrap();
        assert!(kept.is_none());
    }

    #[test]
    fn parse_rejects_unsafe_and_malformed_lines() {
        let h = "a".repeat(64);
        for bad in [
            format!("{h}  ../x\n"),
            format!("{h}  /etc/passwd\n"),
            format!("{h}  a//b\n"),
            format!("{h} x\n"),
            format!("{}  x\n", "A".repeat(64)),
            format!("{h}  x"),
            format!("{h}  x\n{h}  x\n"),
            format!("{h}  {MANIFEST}\n"),
        ] {
            assert!(Manifest::parse(&bad).is_err(), "{bad:?}");
        }
        assert!(Manifest::parse(&format!("{h} *x\n")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_refused_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("report.json"), b"{}").unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("link")).unwrap();
        assert!(matches!(
            build(dir.path()),
            Err(SigningError::Unsafe { .. })
        ));
        let s = scan(dir.path()).unwrap();
        assert_eq!(s.refused.len(), 1);
        assert_eq!(s.files.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_opened_and_reads_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Returns at once: a FIFO is never opened, so nothing waits for a writer.
        assert!(matches!(
            read_bounded(&fifo, 10),
            Err(OpenError::NotRegular)
        ));
        assert!(matches!(sha256_file(&fifo), Err(OpenError::NotRegular)));
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("link")).unwrap();
        assert!(matches!(
            read_bounded(&dir.path().join("link"), 1 << 20),
            Err(OpenError::NotRegular)
        ));
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            Err(OpenError::NotRegular)
        ));
        std::fs::write(dir.path().join("big"), [0u8; 11]).unwrap();
        assert!(matches!(
            read_bounded(&dir.path().join("big"), 10),
            Err(OpenError::TooLarge {
                size: 11,
                limit: 10
            })
        ));
        assert_eq!(read_bounded(&dir.path().join("big"), 11).unwrap().len(), 11);
    }

    /// The open itself, for a link or FIFO swapped in after the type was checked.
    #[cfg(unix)]
    #[test]
    fn the_open_follows_no_link_and_does_not_block() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("link")).unwrap();
        let e = open_no_follow(&dir.path().join("link")).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ELOOP));
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let opened = open_no_follow(&fifo).unwrap();
        assert!(opened.metadata().unwrap().file_type().is_fifo());
    }

    #[test]
    fn the_walk_stops_at_the_depth_limit_and_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().join("deep");
        for _ in 0..MAX_DEPTH + 2 {
            deep.push("d");
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join("hidden"), b"x").unwrap();
        std::fs::write(dir.path().join("z-after"), b"x").unwrap();
        let s = scan(dir.path()).unwrap();
        assert_eq!(s.unreadable.len(), 1, "{:?}", s.unreadable);
        assert!(s.files.contains("z-after"));
        assert!(!s.files.iter().any(|f| f.ends_with("hidden")));
        let hidden = format!("deep/{}hidden", "d/".repeat(MAX_DEPTH + 2));
        assert!(s.inside_unreadable(&hidden));
        assert!(!s.inside_unreadable("z-after"));
        assert!(matches!(
            build(dir.path()),
            Err(SigningError::Unsafe { .. })
        ));
    }

    #[test]
    fn check_finds_missing_changed_extra() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a"), b"1").unwrap();
        std::fs::write(dir.path().join("b"), b"2").unwrap();
        let m = build(dir.path()).unwrap();
        std::fs::write(dir.path().join("a"), b"changed").unwrap();
        std::fs::remove_file(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("c"), b"3").unwrap();
        let d = check(dir.path(), &m).unwrap();
        assert_eq!(d.changed, ["a"]);
        assert_eq!(d.missing, ["b"]);
        assert_eq!(d.extra, ["c"]);
    }
}
