//! Writing a bundle folder: evidence files copied under `evidence/`, `report.json` in its
//! canonical bytes, and `MANIFEST.sha256`; signed when a key is given.

use super::{EvidenceFile, Report, FILE_NAME};
use crate::atomic::{self, Replace};
use crate::signing::keys::SecretKey;
use crate::signing::manifest;
use crate::signing::sign::{self, Signed};
use crate::signing::{SigningError, MANIFEST, SIGNATURE};
use std::path::{Path, PathBuf};

/// A file to attach: where it is now, and its name under `evidence/`.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub source: PathBuf,
    pub name: String,
}

/// Write the bundle into `dir` (created if missing; it must hold no other bundle's files).
/// Returns what was signed, when `key` is given.
pub fn write(
    dir: &Path,
    report: &Report,
    attachments: &[Attachment],
    key: Option<&SecretKey>,
    timestamp: i64,
) -> Result<Option<Signed>, SigningError> {
    std::fs::create_dir_all(dir.join("evidence")).map_err(SigningError::io(dir))?;
    let mut report = report.clone();
    report.evidence.clear();
    for a in attachments {
        let rel = format!("evidence/{}", a.name);
        manifest::check_path(&rel).map_err(|reason| SigningError::Unsafe {
            path: a.source.clone(),
            reason: format!("cannot attach as `{rel}`: {reason}"),
        })?;
        let bytes = std::fs::read(&a.source).map_err(SigningError::io(&a.source))?;
        let target = dir.join(&rel);
        atomic::write(&target, &bytes, None, Replace::Allow).map_err(SigningError::io(&target))?;
        report.evidence.push(EvidenceFile {
            path: rel,
            sha256: manifest::sha256_bytes(&bytes),
            size: bytes.len() as u64,
        });
    }
    let report_path = dir.join(FILE_NAME);
    atomic::write(
        &report_path,
        &report.to_canonical_bytes(),
        None,
        Replace::Allow,
    )
    .map_err(SigningError::io(&report_path))?;
    match key {
        Some(key) => sign::sign_bundle(dir, key, timestamp).map(Some),
        None => {
            // An old signature would no longer match: remove it with the manifest rewrite.
            let _ = std::fs::remove_file(dir.join(SIGNATURE));
            let m = manifest::build(dir)?;
            let path = dir.join(MANIFEST);
            atomic::write(&path, m.render().as_bytes(), None, Replace::Allow)
                .map_err(SigningError::io(&path))?;
            Ok(None)
        }
    }
}
