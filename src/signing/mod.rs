//! Keys, signatures, manifests and trusted-key lists for report bundles.
//!
//! A bundle is a folder with `MANIFEST.sha256` (the `sha256sum` format) covering every other
//! file, and `MANIFEST.sha256.minisig`, a minisign signature of the manifest whose trusted
//! comment names the institution, the checklist edition and the SHA-256 of report.json.
//! Keys and signatures are minisign's own formats (the `minisign` crate makes them, the
//! `minisign-verify` crate checks them), so the stock `minisign` tool reads them too.
//! This module reads and writes files but never prints and never prompts.

#[cfg(windows)]
pub mod acl;
pub mod batch;
pub mod comment;
pub mod keys;
pub mod manifest;
pub mod release;
pub mod sign;
pub mod signature_file;
pub mod trusted;
pub mod vendor;
pub mod verify;

use crate::checklist::Lang;
use crate::tr;
use std::path::PathBuf;

/// File name of the manifest inside a bundle.
pub const MANIFEST: &str = "MANIFEST.sha256";
/// File name of the manifest's signature inside a bundle.
pub const SIGNATURE: &str = "MANIFEST.sha256.minisig";

/// Why a key, a manifest or a signature could not be made or read. `Display` gives the
/// English text; [`SigningError::localize`] gives it in the user's language.
#[derive(Debug)]
pub enum SigningError {
    /// A file or folder that could not be read (or looked at).
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file or folder medsec makes that could not be written there: named as given.
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A folder given to sign that holds no report.json: not a bundle.
    NotABundle {
        path: PathBuf,
    },
    Exists {
        path: PathBuf,
    },
    /// A key file that could not be read at all (missing, not allowed).
    KeyUnreadable {
        path: PathBuf,
        what: KeyKind,
        source: std::io::Error,
    },
    BadKey {
        path: PathBuf,
        what: KeyKind,
        reason: KeyProblem,
    },
    WrongPassphrase {
        path: PathBuf,
    },
    PassphraseNeeded {
        path: PathBuf,
    },
    EmptyPassphrase,
    Unsafe {
        path: PathBuf,
        reason: Unsafe,
    },
    Report(crate::report::ReportError),
    /// The signing library failed (its own text).
    Sign(String),
    ReportChanged,
    /// The signature just written did not verify: the code of the first finding.
    SelfCheck(String),
    KeyNotPrivate {
        path: PathBuf,
        mode: u32,
    },
    /// keys.toml: the reason is given in the language the list was read in.
    TrustedKeys {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
}

/// Which half of a key pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Public,
    Secret,
}

impl KeyKind {
    /// 公開鍵 / public key.
    fn text(self, lang: Lang) -> String {
        match self {
            KeyKind::Public => tr!(lang, "signing-what-public-key"),
            KeyKind::Secret => tr!(lang, "signing-what-secret-key"),
        }
    }
}

/// Why a key file is not a minisign key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    Empty,
    NoComment,
    NoKeyLine,
    NotBase64,
    Unsupported,
    /// A public key (`NAME.pub`) given where the secret key is wanted.
    PublicKeyGiven,
    /// Bytes that are not text in UTF-8 or UTF-16 (with or without BOM).
    NotText,
    /// A key line of another length than a public key's (a secret key given as public, a
    /// truncated line).
    WrongLength {
        bytes: usize,
    },
    /// The key library's own text.
    Detail(String),
}

/// Why a file or a value cannot go into a signature or a bundle.
#[derive(Debug)]
pub enum Unsafe {
    /// A file the bundle may not hold (remove it before signing).
    Refused(manifest::FileProblem),
    /// A file or folder of the bundle that could not be read.
    Unreadable(manifest::FileProblem),
    /// A value for the trusted comment that is empty or holds control characters.
    Claim(String),
    /// A vendor form that is not a usable answers file.
    NotAnswers(Box<crate::answers::AnswersError>),
    NotVendorForm,
    /// A vendor form whose `[vendor]` table has no name (or an empty one).
    VendorNameEmpty,
    /// A file that cannot be attached under this name.
    Attach {
        name: String,
        why: AttachProblem,
    },
}

/// Why a file cannot be attached to a bundle under a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachProblem {
    Path(manifest::PathProblem),
    OwnFile,
    Taken,
}

impl KeyProblem {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            KeyProblem::Empty => tr!(lang, "signing-key-empty"),
            KeyProblem::NoComment => tr!(lang, "signing-key-no-comment"),
            KeyProblem::NoKeyLine => tr!(lang, "signing-key-no-key-line"),
            KeyProblem::NotBase64 => tr!(lang, "signing-key-not-base64"),
            KeyProblem::Unsupported => tr!(lang, "signing-key-unsupported"),
            KeyProblem::PublicKeyGiven => tr!(lang, "signing-key-public-given"),
            KeyProblem::NotText => tr!(lang, "signing-key-not-text"),
            KeyProblem::WrongLength { bytes } => {
                tr!(lang, "signing-key-wrong-length", bytes = (*bytes))
            }
            KeyProblem::Detail(detail) => {
                let detail = crate::i18n::detail::text(lang, detail);
                tr!(lang, "signing-key-detail", detail = detail)
            }
        }
    }
}

impl Unsafe {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Unsafe::Refused(p) => tr!(lang, "signing-unsafe-remove", reason = p.text(lang)),
            Unsafe::Unreadable(p) => {
                tr!(lang, "signing-unsafe-unreadable", reason = p.text(lang))
            }
            Unsafe::Claim(value) => tr!(lang, "signing-unsafe-claim", value = value.as_str()),
            Unsafe::NotAnswers(e) => {
                tr!(lang, "signing-unsafe-not-answers", reason = e.message(lang))
            }
            Unsafe::NotVendorForm => tr!(lang, "signing-unsafe-not-vendor-form"),
            Unsafe::VendorNameEmpty => tr!(lang, "signing-unsafe-vendor-name-empty"),
            Unsafe::Attach { name, why } => {
                let reason = match why {
                    AttachProblem::Path(p) => p.text(lang),
                    AttachProblem::OwnFile => tr!(lang, "signing-attach-own-file"),
                    AttachProblem::Taken => tr!(lang, "signing-attach-taken"),
                };
                tr!(
                    lang,
                    "signing-unsafe-attach",
                    name = name.as_str(),
                    reason = reason
                )
            }
        }
    }
}

/// An I/O error for people: the common kinds in `lang`, others with the system's text.
pub(crate) fn io_text(lang: Lang, kind: std::io::ErrorKind, raw: &str) -> String {
    match kind {
        std::io::ErrorKind::NotFound => tr!(lang, "verify-io-not-found"),
        std::io::ErrorKind::PermissionDenied => tr!(lang, "verify-io-permission-denied"),
        _ => tr!(lang, "verify-io-other", error = raw),
    }
}

/// Why `path` could not be written: its folder missing (or not a folder) said as such, else
/// the system's reason.
pub(crate) fn write_reason(lang: Lang, path: &std::path::Path, e: &std::io::Error) -> String {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    match folder {
        Some(folder) if e.kind() == std::io::ErrorKind::NotFound && !folder.exists() => tr!(
            lang,
            "verify-io-folder-missing",
            folder = folder.display().to_string()
        ),
        _ => io_error_text(lang, e),
    }
}

/// [`io_text`] of an error.
pub(crate) fn io_error_text(lang: Lang, e: &std::io::Error) -> String {
    if let Some(limit) = e
        .get_ref()
        .and_then(|e| e.downcast_ref::<crate::limits::LimitError>())
    {
        return limit.message(lang);
    }
    match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => {
            io_text(lang, e.kind(), &e.to_string())
        }
        // The catalog's words for the kind (フォルダではありません, …), not the system's English.
        _ => crate::i18n::io_error(lang, e),
    }
}

/// A fiscal year for people: `令和7年度（FY2025）`, `FY2025`.
pub(crate) fn fiscal_year_text(lang: Lang, fiscal_year: i16) -> String {
    tr!(
        lang,
        "verify-fiscal-year",
        wareki = crate::dates::wareki_fiscal_year(fiscal_year),
        year = fiscal_year
    )
}

impl std::fmt::Display for SigningError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for SigningError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SigningError::Io { source, .. }
            | SigningError::Write { source, .. }
            | SigningError::KeyUnreadable { source, .. } => Some(source),
            SigningError::Report(e) => Some(e),
            _ => None,
        }
    }
}

impl From<crate::report::ReportError> for SigningError {
    fn from(e: crate::report::ReportError) -> Self {
        SigningError::Report(e)
    }
}

impl SigningError {
    /// The message for people in `lang` (the `Display` form is English).
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            // A limit (a folder given as a file) names the path itself.
            SigningError::Io { source, .. }
                if source
                    .get_ref()
                    .is_some_and(|e| e.is::<crate::limits::LimitError>()) =>
            {
                io_error_text(lang, source)
            }
            SigningError::Io { path, source } => tr!(
                lang,
                "signing-error-read",
                path = path.display().to_string(),
                reason = io_error_text(lang, source)
            ),
            SigningError::Write { path, source } => tr!(
                lang,
                "signing-error-write",
                path = path.display().to_string(),
                reason = write_reason(lang, path, source)
            ),
            SigningError::NotABundle { path } => tr!(
                lang,
                "signing-error-not-a-bundle",
                path = path.display().to_string()
            ),
            SigningError::KeyUnreadable { path, what, source } => tr!(
                lang,
                "signing-error-key-unreadable",
                what = what.text(lang),
                path = path.display().to_string(),
                detail = io_error_text(lang, source)
            ),
            SigningError::Exists { path } => {
                tr!(
                    lang,
                    "signing-error-exists",
                    path = path.display().to_string()
                )
            }
            SigningError::BadKey { path, what, reason } => {
                tr!(
                    lang,
                    "signing-error-bad-key",
                    path = path.display().to_string(),
                    what = what.text(lang),
                    reason = reason.text(lang)
                )
            }
            SigningError::WrongPassphrase { path } => tr!(
                lang,
                "signing-error-wrong-passphrase",
                path = path.display().to_string()
            ),
            SigningError::PassphraseNeeded { path } => tr!(
                lang,
                "signing-error-passphrase-needed",
                path = path.display().to_string()
            ),
            SigningError::EmptyPassphrase => tr!(lang, "signing-error-empty-passphrase"),
            SigningError::Unsafe { path, reason } => {
                format!("{}: {}", path.display(), reason.text(lang))
            }
            SigningError::Report(e) => e.localize(lang),
            SigningError::Sign(reason) => {
                tr!(lang, "signing-error-sign", reason = reason.as_str())
            }
            SigningError::ReportChanged => tr!(lang, "signing-error-report-changed"),
            SigningError::SelfCheck(code) => {
                tr!(lang, "signing-error-self-check", code = code.as_str())
            }
            SigningError::KeyNotPrivate { path, mode } => tr!(
                lang,
                "signing-error-key-not-private",
                path = path.display().to_string(),
                path_word = crate::render::command_word(&path.display().to_string()),
                mode = format!("{mode:04o}")
            ),
            SigningError::TrustedKeys {
                path,
                line,
                column,
                reason,
            } => format!("{}:{line}:{column}: {reason}", path.display()),
        }
    }

    /// The message for people in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.localize(lang)
    }

    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| SigningError::Io { path, source }
    }

    /// A failure to write `path` (a file or folder medsec makes), named as the user gave it.
    pub fn write(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| SigningError::Write { path, source }
    }
}
