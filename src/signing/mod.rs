//! Keys, signatures, manifests and trusted-key lists for report bundles.
//!
//! A bundle is a folder with `MANIFEST.sha256` (the `sha256sum` format) covering every other
//! file, and `MANIFEST.sha256.minisig`, a minisign signature of the manifest whose trusted
//! comment names the institution, the checklist edition and the SHA-256 of report.json.
//! Keys and signatures are minisign's own formats (the `minisign` crate makes them, the
//! `minisign-verify` crate checks them), so the stock `minisign` tool reads them too.
//! This module reads and writes files but never prints and never prompts.

pub mod comment;
pub mod keys;
pub mod manifest;
pub mod sign;
pub mod trusted;
pub mod vendor;
pub mod verify;

use std::path::PathBuf;
use thiserror::Error;

/// File name of the manifest inside a bundle.
pub const MANIFEST: &str = "MANIFEST.sha256";
/// File name of the manifest's signature inside a bundle.
pub const SIGNATURE: &str = "MANIFEST.sha256.minisig";

/// Why a key, a manifest or a signature could not be made or read.
#[derive(Debug, Error)]
pub enum SigningError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} already exists; use --force to overwrite it")]
    Exists { path: PathBuf },
    #[error("{path}: not a minisign {what}: {reason}")]
    BadKey {
        path: PathBuf,
        what: &'static str,
        reason: String,
    },
    #[error("{path}: wrong passphrase for this secret key")]
    WrongPassphrase { path: PathBuf },
    #[error("{path} is encrypted; give its passphrase on a terminal or with --passphrase-env VAR")]
    PassphraseNeeded { path: PathBuf },
    #[error("the passphrase is empty; choose one, or use --unencrypted for a key without one")]
    EmptyPassphrase,
    #[error("{path}: {reason}")]
    Unsafe { path: PathBuf, reason: String },
    #[error("{path}:{line}: {reason}")]
    Manifest {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("{0}")]
    Report(#[from] crate::report::ReportError),
    #[error("signing failed: {0}")]
    Sign(String),
    #[error("the signature just written does not verify ({0}); the bundle was left unsigned")]
    SelfCheck(String),
    #[error("{path} can be read by other users (mode {mode:04o}); a secret key must be private. Run `chmod 600 {path}` (and make a new key if someone may have copied it)")]
    KeyNotPrivate { path: PathBuf, mode: u32 },
    #[error("{path}:{line}:{column}: {reason}")]
    TrustedKeys {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
}

impl SigningError {
    /// The message for people in `lang` (the `Display` form is English).
    pub fn message(&self, lang: crate::checklist::Lang) -> String {
        match (self, lang) {
            (SigningError::KeyNotPrivate { path, mode }, crate::checklist::Lang::Ja) => format!(
                "{} はほかのユーザーも読めます(モード {mode:04o})。秘密鍵は本人だけが読めるようにしてください: `chmod 600 {}`(ほかの人に写された恐れがあれば鍵を作り直してください)",
                path.display(),
                path.display()
            ),
            _ => self.to_string(),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| SigningError::Io { path, source }
    }
}
