//! Release downloads signed with medsec's own keys (scripts/package.sh): `FILE.minisig`
//! beside `FILE`, in minisign's format, so a download is checked the same way as a report:
//! `minisign -Vm FILE -p release.pub`.

use super::keys::SecretKey;
use super::sign::UNTRUSTED_COMMENT;
use super::SigningError;
use crate::atomic::{self, Replace};
use std::path::{Path, PathBuf};

/// The version of the release comment layout.
pub const RELEASE_VERSION: &str = "1";

/// Sign `file`: writes `FILE.minisig` (replacing an older one) after checking the new
/// signature against the key's public half. The trusted comment names the file and its
/// SHA-256, so a renamed download is noticed by whoever reads the comment.
pub fn sign_file(file: &Path, key: &SecretKey, timestamp: i64) -> Result<PathBuf, SigningError> {
    let bytes = std::fs::read(file).map_err(SigningError::io(file))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !super::comment::Claims::check_value(&name) {
        return Err(SigningError::Unsafe {
            path: file.to_owned(),
            reason: super::Unsafe::Claim(name),
        });
    }
    let sha256 = super::manifest::sha256_bytes(&bytes);
    let trusted_comment = format!(
        "timestamp:{timestamp}\tfile:{name}\tsha256:{sha256}\tmedsec-release:{RELEASE_VERSION}"
    );
    let signature = minisign::sign(
        Some(&key.pk),
        &key.sk,
        bytes.as_slice(),
        Some(&trusted_comment),
        Some(UNTRUSTED_COMMENT),
    )
    .map_err(|e| SigningError::Sign(e.to_string()))?;
    let text = signature.to_string();
    let checked = minisign_verify::Signature::decode(&text)
        .and_then(|sig| key.public.key.verify(&bytes, &sig, false));
    if checked.is_err() {
        return Err(SigningError::SelfCheck("signature-invalid".to_owned()));
    }
    let mut sig_path = file.as_os_str().to_owned();
    sig_path.push(".minisig");
    let sig_path = PathBuf::from(sig_path);
    atomic::write(&sig_path, text.as_bytes(), None, Replace::Allow)
        .map_err(SigningError::write(&sig_path))?;
    Ok(sig_path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::keys::{generate, KeyFiles, Protection, SecretKeyFile};

    #[test]
    fn a_signed_file_verifies_and_a_changed_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let files = KeyFiles::for_name(&dir.path().join("release"));
        generate(&files, &Protection::Unencrypted, false).unwrap();
        let key = SecretKeyFile::read(&files.secret)
            .unwrap()
            .unlock(None)
            .unwrap();
        let file = dir.path().join("medsec-0.1.0.zip");
        std::fs::write(&file, b"zip bytes").unwrap();
        let sig = sign_file(&file, &key, 1_700_000_000).unwrap();
        assert_eq!(sig, dir.path().join("medsec-0.1.0.zip.minisig"));
        let text = std::fs::read_to_string(&sig).unwrap();
        let sig = minisign_verify::Signature::decode(&text).unwrap();
        assert!(sig.trusted_comment().contains("file:medsec-0.1.0.zip\t"));
        assert!(key.public.key.verify(b"zip bytes", &sig, false).is_ok());
        assert!(key.public.key.verify(b"zip bytez", &sig, false).is_err());
    }
}
