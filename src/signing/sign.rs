//! `sign`: (re)write a bundle's manifest and its signature, then verify what was written.

use super::comment::Claims;
use super::keys::SecretKey;
use super::manifest::{self, Manifest};
use super::trusted::TrustedKeys;
use super::{SigningError, MANIFEST, SIGNATURE};
use crate::atomic::{self, Replace};
use crate::report::{self, ReportView};
use std::path::Path;

/// The untrusted comment medsec writes. It is not covered by the signature, so `verify`
/// accepts only this one and the defaults of minisign and rsign (see `verify`).
pub const UNTRUSTED_COMMENT: &str = "signature from medsec secret key";

/// What was signed.
#[derive(Debug, Clone)]
pub struct Signed {
    pub key_id: String,
    pub files: usize,
    pub claims: Claims,
    pub trusted_comment: String,
}

/// Sign the bundle in `dir`: hash every file (report.json must be there), write
/// `MANIFEST.sha256` and `MANIFEST.sha256.minisig`, and check the result.
pub fn sign_bundle(dir: &Path, key: &SecretKey, timestamp: i64) -> Result<Signed, SigningError> {
    let report_path = dir.join(report::FILE_NAME);
    // A folder without report.json is no bundle: said of the folder, not as a missing file.
    if !dir.is_dir() || std::fs::symlink_metadata(&report_path).is_err() {
        return Err(SigningError::NotABundle {
            path: dir.to_owned(),
        });
    }
    let report_bytes = crate::limits::read_io(&report_path, crate::limits::InputKind::Report)
        .map_err(SigningError::io(&report_path))?;
    let report = ReportView::parse(&report_path, &report_bytes)?;
    let claims = Claims {
        institution: report.institution.code.clone(),
        checklist: report.checklist.full_id(),
        report_sha256: manifest::sha256_bytes(&report_bytes),
    };
    for value in [&claims.institution, &claims.checklist] {
        if !Claims::check_value(value) {
            return Err(SigningError::Unsafe {
                path: report_path,
                reason: super::Unsafe::Claim(value.clone()),
            });
        }
    }
    let manifest: Manifest = manifest::build(dir)?;
    if manifest.entries.get(report::FILE_NAME) != Some(&claims.report_sha256) {
        return Err(SigningError::ReportChanged);
    }
    let manifest_text = manifest.render();
    let trusted_comment = claims.to_comment(timestamp);
    let signature = minisign::sign(
        Some(&key.pk),
        &key.sk,
        manifest_text.as_bytes(),
        Some(&trusted_comment),
        Some(UNTRUSTED_COMMENT),
    )
    .map_err(|e| SigningError::Sign(e.to_string()))?;
    let manifest_path = dir.join(MANIFEST);
    let signature_path = dir.join(SIGNATURE);
    atomic::write(
        &manifest_path,
        manifest_text.as_bytes(),
        None,
        Replace::Allow,
    )
    .map_err(SigningError::write(&manifest_path))?;
    atomic::write(
        &signature_path,
        signature.to_string().as_bytes(),
        None,
        Replace::Allow,
    )
    .map_err(SigningError::write(&signature_path))?;

    // Read back what is on disk and check it as an inspector would (signature and files).
    let keys = TrustedKeys::single(key.public.clone());
    let problems = super::verify::check_integrity(dir, &keys, crate::checklist::Lang::En);
    if let Some(first) = problems.first() {
        let _ = std::fs::remove_file(&signature_path);
        return Err(SigningError::SelfCheck(first.code.clone()));
    }
    Ok(Signed {
        key_id: key.public.key_id.clone(),
        files: manifest.entries.len(),
        claims,
        trusted_comment,
    })
}
