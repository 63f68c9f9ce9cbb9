//! Bounds on everything medsec reads from outside: how large a file of each kind may be, how
//! deep its nesting, how far a spreadsheet may reach and how much a zip may inflate. Every
//! bound is a named constant here, so that docs/security.md can list them, and every check
//! refuses in time linear in the input, before the input is parsed or allocated for.
//!
//! This module reads files but never prints.

pub mod date_formats;
pub mod workbook;
pub mod yaml;

use crate::checklist::Lang;
use std::io::Read;
use std::path::{Path, PathBuf};

const MIB: u64 = 1024 * 1024;

/// Answers files (TOML or YAML) and vendor forms.
pub const ANSWERS_MAX_BYTES: u64 = 16 * MIB;
/// Spreadsheets read by `answer --import` and the asset-ledger probe (CSV or XLSX file size).
pub const SHEET_MAX_BYTES: u64 = 16 * MIB;
/// Checklist TOML files.
pub const CHECKLIST_MAX_BYTES: u64 = 16 * MIB;
/// Small settings files: probe configuration, keys.toml, public and secret keys, signatures
/// (and what a tool run by a probe prints on standard error).
pub const SETTINGS_MAX_BYTES: u64 = MIB;
/// report.json, probe evidence JSON and bundle manifests.
pub const REPORT_MAX_BYTES: u64 = 256 * MIB;
/// System package databases (dpkg status, apt lists) and what a tool run by a probe prints
/// (restic's and borg's JSON).
pub const SYSTEM_MAX_BYTES: u64 = 512 * MIB;

/// A bundle's `MANIFEST.sha256` (about 400,000 files), read by `verify`.
pub const MANIFEST_MAX_BYTES: u64 = 32 * MIB;
/// A minisign signature file inside a bundle (minisign's are under 1 KiB).
pub const SIGNATURE_MAX_BYTES: u64 = 64 * 1024;
/// A vendor form inside a bundle (they are a few KiB).
pub const VENDOR_FORM_MAX_BYTES: u64 = MIB;

/// Rows a spreadsheet may reach (its declared range and every cell in it).
pub const SHEET_MAX_ROWS: u32 = 65_536;
/// Columns a spreadsheet may reach (`IV`, the 256th).
pub const SHEET_MAX_COLUMNS: u32 = 256;
/// Cells kept from one sheet, counting the blanks before a cell in its row.
pub const SHEET_MAX_CELLS: usize = 1_000_000;
/// Entries in a workbook's zip archive.
pub const ZIP_MAX_ENTRIES: usize = 1_000;
/// Bytes all entries of a workbook may inflate to, as declared and as inflated.
pub const ZIP_MAX_INFLATED: u64 = 128 * MIB;

/// Deepest nesting of lists and tables accepted in a YAML file (flow and block together).
pub const YAML_MAX_DEPTH: usize = 64;

/// What kind of input a file is, which decides its size limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// An answers file or vendor form.
    Answers,
    /// A spreadsheet (CSV, XLSX).
    Sheet,
    /// A checklist file.
    Checklist,
    /// Probe configuration, keys.toml, a public or secret key, or a signature.
    Settings,
    /// report.json, probe evidence or a manifest.
    Report,
    /// A system package database or a backup tool's output.
    System,
}

impl InputKind {
    /// The most bytes medsec reads of this kind.
    pub const fn max_bytes(self) -> u64 {
        match self {
            InputKind::Answers => ANSWERS_MAX_BYTES,
            InputKind::Sheet => SHEET_MAX_BYTES,
            InputKind::Checklist => CHECKLIST_MAX_BYTES,
            InputKind::Settings => SETTINGS_MAX_BYTES,
            InputKind::Report => REPORT_MAX_BYTES,
            InputKind::System => SYSTEM_MAX_BYTES,
        }
    }

    /// The stable key of this kind, for the catalog's `common-input-kind`.
    fn key(self) -> &'static str {
        match self {
            InputKind::Answers => "answers",
            InputKind::Sheet => "sheet",
            InputKind::Checklist => "checklist",
            InputKind::Settings => "settings",
            InputKind::Report => "report",
            InputKind::System => "system",
        }
    }
}

/// An input beyond a limit, or one that cannot be read. `Display` is English; people read
/// [`message`](Self::message) in their language.
#[derive(Debug)]
pub enum LimitError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    NotAFile {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        kind: InputKind,
        limit: u64,
    },
}

impl LimitError {
    /// The message for people in `lang`, from the catalog.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LimitError::Io { path, source } => {
                let [(_, kind), (_, code)] = crate::i18n::io_error_args(source);
                crate::tr!(
                    lang,
                    "common-limit-io",
                    path = path.display().to_string(),
                    kind = kind,
                    code = code
                )
            }
            LimitError::NotAFile { path } => crate::i18n::detail::not_a_file(lang, path),
            LimitError::TooLarge { path, kind, limit } => crate::tr!(
                lang,
                "common-limit-too-large",
                path = path.display().to_string(),
                kind = kind.key(),
                limit = (limit / MIB)
            ),
        }
    }
}

impl std::fmt::Display for LimitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LimitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LimitError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<LimitError> for std::io::Error {
    fn from(e: LimitError) -> Self {
        match e {
            LimitError::Io { source, .. } => source,
            other => std::io::Error::new(std::io::ErrorKind::InvalidData, other),
        }
    }
}

/// Read a whole file of `kind`, refusing anything but a regular file and stopping one byte
/// past the limit (a 3 GB file costs one limit's worth of reading, not 3 GB of memory).
pub fn read(path: &Path, kind: InputKind) -> Result<Vec<u8>, LimitError> {
    read_within(path, kind, true).map(|(_, bytes)| bytes)
}

/// [`read`] for callers whose errors carry a `std::io::Error` (the limit is said in its text).
pub fn read_io(path: &Path, kind: InputKind) -> std::io::Result<Vec<u8>> {
    read(path, kind).map_err(std::io::Error::from)
}

/// [`read_io`], with the file it read: for a caller that also judges the open file (a secret
/// key's permissions), so that what is judged is what was read.
pub fn read_io_with_file(
    path: &Path,
    kind: InputKind,
) -> std::io::Result<(std::fs::File, Vec<u8>)> {
    read_within(path, kind, true).map_err(std::io::Error::from)
}

/// [`read_io`] of a UTF-8 text file; text that is not UTF-8 is `InvalidData`.
pub fn read_text_io(path: &Path, kind: InputKind) -> std::io::Result<String> {
    String::from_utf8(read_io(path, kind)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// Like [`read`], but a pipe or device is read too (still only up to the limit): for the
/// files a probe's configuration names, where a probe's own time limit guards against a wait.
pub fn read_stream(path: &Path, kind: InputKind) -> Result<Vec<u8>, LimitError> {
    read_within(path, kind, false).map(|(_, bytes)| bytes)
}

fn read_within(
    path: &Path,
    kind: InputKind,
    regular_only: bool,
) -> Result<(std::fs::File, Vec<u8>), LimitError> {
    let io = |source| LimitError::Io {
        path: path.to_owned(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // A FIFO's open waits for a writer: open without waiting, then refuse it by its type
    // (O_NONBLOCK changes nothing for the regular files that are read).
    #[cfg(unix)]
    if regular_only {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| {
        // Windows refuses to open a folder as a file ("access denied"): say it is a folder.
        #[cfg(windows)]
        if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return LimitError::NotAFile {
                path: path.to_owned(),
            };
        }
        io(e)
    })?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() || (regular_only && !meta.is_file()) {
        return Err(LimitError::NotAFile {
            path: path.to_owned(),
        });
    }
    let limit = kind.max_bytes();
    let too_large = || LimitError::TooLarge {
        path: path.to_owned(),
        kind,
        limit,
    };
    if meta.len() > limit {
        return Err(too_large());
    }
    match read_capped(&file, limit, meta.len()) {
        Ok(bytes) => Ok((file, bytes)),
        Err(Capped::Io(source)) => Err(io(source)),
        Err(Capped::Over) => Err(too_large()),
    }
}

enum Capped {
    Io(std::io::Error),
    Over,
}

fn read_capped(reader: impl Read, limit: u64, hint: u64) -> Result<Vec<u8>, Capped> {
    let capacity = usize::try_from(hint.min(limit)).unwrap_or(0);
    let mut buf = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(Capped::Io)?;
    if buf.len() as u64 > limit {
        return Err(Capped::Over);
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_no_further() {
        let data = vec![b'a'; 100];
        assert_eq!(read_capped(&data[..], 100, 0).ok(), Some(data.clone()));
        assert!(matches!(read_capped(&data[..], 99, 0), Err(Capped::Over)));
    }

    #[test]
    fn refuses_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let e = read(dir.path(), InputKind::Answers).unwrap_err();
        assert!(matches!(e, LimitError::NotAFile { .. }), "{e}");
        assert!(e.message(Lang::Ja).contains("フォルダです"), "{e}");
    }

    #[test]
    fn a_file_over_the_limit_is_named_with_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.json");
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(SETTINGS_MAX_BYTES + 1).unwrap();
        let e = read(&p, InputKind::Settings).unwrap_err();
        assert!(e.to_string().contains("1 MiB"), "{e}");
        assert!(e.message(Lang::Ja).contains("上限1 MiB"));
    }
}
