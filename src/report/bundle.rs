//! Writing a bundle folder: attached files copied in, `report.json` in its canonical bytes,
//! and `MANIFEST.sha256`; signed when a key is given.
//!
//! The bundle is made in a fresh folder beside the target and renamed into place at the end,
//! so a failure never leaves a half-written bundle, and an existing bundle is replaced only
//! when asked (`--force`). A folder holding anything but a bundle is never replaced.

use super::{EvidenceFile, Report, FILE_NAME};
use crate::atomic::{self, Replace};
use crate::signing::keys::SecretKey;
use crate::signing::manifest;
use crate::signing::sign::{self, Signed};
use crate::signing::{SigningError, MANIFEST, SIGNATURE};
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

/// Write the bundle into `dir`. Returns what was signed, when `key` is given.
pub fn write(
    dir: &Path,
    report: &Report,
    attachments: &[Attachment],
    key: Option<&SecretKey>,
    timestamp: i64,
    overwrite: Overwrite,
) -> Result<Option<Signed>, SigningError> {
    let existing = check_target(dir, overwrite)?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(SigningError::io(&parent))?;
    let stage = tempfile::Builder::new()
        .prefix(".medsec-bundle-")
        .tempdir_in(&parent)
        .map_err(SigningError::io(&parent))?;
    let signed = fill(stage.path(), report, attachments, key, timestamp)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(stage.path(), std::fs::Permissions::from_mode(0o755))
            .map_err(SigningError::io(stage.path()))?;
    }
    // Swap: move an old bundle aside, move the new one in, then remove the old one.
    let aside = match existing {
        Existing::None => None,
        Existing::EmptyFolder => {
            std::fs::remove_dir(dir).map_err(SigningError::io(dir))?;
            None
        }
        Existing::Bundle => {
            let aside = tempfile::Builder::new()
                .prefix(".medsec-old-bundle-")
                .tempdir_in(&parent)
                .map_err(SigningError::io(&parent))?;
            let old = aside.path().join("bundle");
            std::fs::rename(dir, &old).map_err(SigningError::io(dir))?;
            Some((aside, old))
        }
    };
    let staged = stage.keep();
    if let Err(e) = std::fs::rename(&staged, dir) {
        if let Some((_, old)) = &aside {
            let _ = std::fs::rename(old, dir);
        }
        let _ = std::fs::remove_dir_all(&staged);
        return Err(SigningError::io(dir)(e));
    }
    drop(aside);
    Ok(signed)
}

enum Existing {
    None,
    EmptyFolder,
    Bundle,
}

fn check_target(dir: &Path, overwrite: Overwrite) -> Result<Existing, SigningError> {
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::None),
        Err(e) => return Err(SigningError::io(dir)(e)),
    };
    if !meta.is_dir() {
        return Err(SigningError::Unsafe {
            path: dir.to_owned(),
            reason: "exists and is not a folder; choose another --out".into(),
        });
    }
    let mut entries = std::fs::read_dir(dir).map_err(SigningError::io(dir))?;
    if entries.next().is_none() {
        return Ok(Existing::EmptyFolder);
    }
    let is_bundle = dir.join(FILE_NAME).is_file() || dir.join(MANIFEST).is_file();
    match (is_bundle, overwrite) {
        (true, Overwrite::Bundle) => Ok(Existing::Bundle),
        (true, Overwrite::Refuse) => Err(SigningError::Exists {
            path: dir.to_owned(),
        }),
        (false, _) => Err(SigningError::Unsafe {
            path: dir.to_owned(),
            reason:
                "holds files and is not a report bundle; choose an empty or new folder for --out"
                    .into(),
        }),
    }
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
        manifest::check_path(&a.path).map_err(|reason| SigningError::Unsafe {
            path: a.source.clone(),
            reason: format!("cannot attach as `{}`: {reason}", a.path),
        })?;
        if [FILE_NAME, MANIFEST, SIGNATURE].contains(&a.path.as_str()) {
            return Err(SigningError::Unsafe {
                path: a.source.clone(),
                reason: format!("cannot attach as `{}`: the bundle's own file", a.path),
            });
        }
        let bytes = std::fs::read(&a.source).map_err(SigningError::io(&a.source))?;
        let target = dir.join(&a.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(SigningError::io(parent))?;
        }
        atomic::write(&target, &bytes, None, Replace::Refuse).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                SigningError::Unsafe {
                    path: a.source.clone(),
                    reason: format!("cannot attach as `{}`: another file has that name", a.path),
                }
            } else {
                SigningError::io(&target)(e)
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
    atomic::write(
        &report_path,
        &report.to_canonical_bytes()?,
        None,
        Replace::Allow,
    )
    .map_err(SigningError::io(&report_path))?;
    match key {
        Some(key) => sign::sign_bundle(dir, key, timestamp).map(Some),
        None => {
            let m = manifest::build(dir)?;
            let path = dir.join(MANIFEST);
            atomic::write(&path, m.render().as_bytes(), None, Replace::Allow)
                .map_err(SigningError::io(&path))?;
            Ok(None)
        }
    }
}
