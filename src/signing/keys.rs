//! Minisign keys: generate a pair, read secret and public keys, name them by key ID.
//!
//! Secret keys are Ed25519, encrypted with a passphrase through scrypt exactly as minisign
//! does (the `minisign` crate's parameters), written 0600 (on Windows: an access list for the
//! owner only, see `acl.rs`) and never replaced silently.

use super::{KeyKind, KeyProblem, SigningError};
use crate::atomic::{self, Replace};
use ct_codecs::{Base64, Decoder};
use std::path::{Path, PathBuf};

/// How the secret key is protected.
#[derive(Clone)]
pub enum Protection {
    Passphrase(String),
    /// No passphrase: anyone who can read the file can sign.
    Unencrypted,
}

impl std::fmt::Debug for Protection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never show a passphrase, not even in debug output.
        f.write_str(match self {
            Protection::Passphrase(_) => "Passphrase(..)",
            Protection::Unencrypted => "Unencrypted",
        })
    }
}

/// The two files of a key pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFiles {
    pub secret: PathBuf,
    pub public: PathBuf,
}

impl KeyFiles {
    /// `NAME.key` and `NAME.pub` (a trailing `.key` or `.pub` on NAME is dropped).
    pub fn for_name(name: &Path) -> Self {
        let stem = match name.extension().and_then(|e| e.to_str()) {
            Some("key" | "pub") => name.with_extension(""),
            _ => name.to_owned(),
        };
        let with = |ext: &str| {
            let mut s = stem.clone().into_os_string();
            s.push(ext);
            PathBuf::from(s)
        };
        KeyFiles {
            secret: with(".key"),
            public: with(".pub"),
        }
    }
}

/// A generated key pair: where it went and its ID.
#[derive(Debug, Clone)]
pub struct Generated {
    pub files: KeyFiles,
    pub key_id: String,
    pub public_key: String,
    pub encrypted: bool,
}

/// Generate a key pair and write it. Fails if either file exists, unless `force`.
pub fn generate(
    files: &KeyFiles,
    protection: &Protection,
    force: bool,
) -> Result<Generated, SigningError> {
    if !force {
        for path in [&files.secret, &files.public] {
            if path.exists() {
                return Err(SigningError::Exists { path: path.clone() });
            }
        }
    }
    let (pair, comment, encrypted) = match protection {
        Protection::Passphrase(p) if p.is_empty() => return Err(SigningError::EmptyPassphrase),
        Protection::Passphrase(p) => (
            minisign::KeyPair::generate_encrypted_keypair(Some(p.clone())),
            "medsec encrypted secret key",
            true,
        ),
        Protection::Unencrypted => (
            minisign::KeyPair::generate_unencrypted_keypair(),
            "medsec secret key (not encrypted)",
            false,
        ),
    };
    let pair = pair.map_err(|e| SigningError::Sign(e.to_string()))?;
    let sk_box = pair
        .sk
        .to_box(Some(comment))
        .map_err(|e| SigningError::Sign(e.to_string()))?;
    let pk_box = pair
        .pk
        .to_box()
        .map_err(|e| SigningError::Sign(e.to_string()))?;
    let replace = if force {
        Replace::Allow
    } else {
        Replace::Refuse
    };
    let write = |path: &Path, bytes: &[u8], mode: u32| {
        atomic::write(path, bytes, Some(mode), replace).map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                SigningError::Exists {
                    path: path.to_owned(),
                }
            } else {
                SigningError::Write {
                    path: path.to_owned(),
                    source,
                }
            }
        })
    };
    write(&files.secret, &sk_box.to_bytes(), 0o600)?;
    write(&files.public, &pk_box.to_bytes(), 0o644)?;
    let public_key = pair.pk.to_base64();
    Ok(Generated {
        files: files.clone(),
        key_id: key_id_of_base64(&public_key).unwrap_or_default(),
        public_key,
        encrypted,
    })
}

/// A public key: minisign-verify's key, its base64 form and its ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub key: minisign_verify::PublicKey,
    /// The base64 line of a `.pub` file.
    pub base64: String,
    /// Key ID as minisign prints it: 16 uppercase hex digits.
    pub key_id: String,
}

impl PublicKey {
    /// From the base64 line of a `.pub` file.
    pub fn from_base64(b64: &str) -> Result<Self, KeyProblem> {
        let b64 = b64.trim();
        // Say what is wrong in words before the key library's own text: a public key line is
        // 42 bytes ("Ed", the key ID, the key).
        let raw = Base64::decode_to_vec(b64, None).map_err(|_| KeyProblem::NotBase64)?;
        if raw.len() != 42 {
            return Err(KeyProblem::WrongLength { bytes: raw.len() });
        }
        if raw.get(..2) != Some(b"Ed".as_slice()) {
            return Err(KeyProblem::Unsupported);
        }
        let key = minisign_verify::PublicKey::from_base64(b64)
            .map_err(|e| KeyProblem::Detail(e.to_string()))?;
        let key_id = key_id_of_base64(b64).ok_or(KeyProblem::Unsupported)?;
        Ok(PublicKey {
            key,
            base64: b64.to_owned(),
            key_id,
        })
    }

    /// From the text of a `.pub` file: `untrusted comment: ...` and the base64 line.
    /// A file holding only the base64 line is accepted too.
    pub fn from_text(text: &str) -> Result<Self, KeyProblem> {
        let text = as_minisign_writes(text);
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let first = lines.next().ok_or(KeyProblem::Empty)?;
        let b64 = if first.starts_with("untrusted comment:") {
            lines.next().ok_or(KeyProblem::NoKeyLine)?
        } else {
            first
        };
        Self::from_base64(b64)
    }
}

/// Key and signature text as minisign writes it on Unix: what minisign and its Windows builds
/// also write or accept (a UTF-8 byte order mark, CRLF line ends, no final line end) is
/// brought to that form. Mixed line ends are left as they are, for the caller to refuse: only
/// a file written consistently one way is another tool's file rather than an edited one.
pub fn as_minisign_writes(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let crlf = text.matches("\r\n").count();
    let mut out =
        if crlf > 0 && crlf == text.matches('\n').count() && crlf == text.matches('\r').count() {
            text.replace("\r\n", "\n")
        } else {
            text.to_owned()
        };
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The text of a key or signature file: UTF-8 (with or without BOM) or UTF-16 with or
/// without BOM (Notepad's "Unicode"), told as for answers CSVs.
pub fn key_text(bytes: &[u8]) -> Result<String, KeyProblem> {
    for (bom, enc) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, errors) = enc.decode_without_bom_handling(rest);
            return if errors {
                Err(KeyProblem::NotText)
            } else {
                Ok(text.into_owned())
            };
        }
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| KeyProblem::NotText);
    }
    if let Some((text, _)) = crate::answers::sheet::utf16_without_bom(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| KeyProblem::NotText)
}

/// Read a `.pub` file.
pub fn read_public_key(path: &Path) -> Result<PublicKey, SigningError> {
    let bytes =
        crate::limits::read_io(path, crate::limits::InputKind::Settings).map_err(|source| {
            SigningError::KeyUnreadable {
                path: path.to_owned(),
                what: KeyKind::Public,
                source,
            }
        })?;
    key_text(&bytes)
        .and_then(|text| PublicKey::from_text(&text))
        .map_err(|reason| SigningError::BadKey {
            path: path.to_owned(),
            what: KeyKind::Public,
            reason,
        })
}

/// The key ID (16 uppercase hex digits, as minisign prints it) of key or signature bytes
/// that start with a 2-byte algorithm and an 8-byte little-endian key number.
pub fn key_id_of_bytes(bytes: &[u8]) -> Option<String> {
    let num: [u8; 8] = bytes.get(2..10)?.try_into().ok()?;
    Some(format!("{:016X}", u64::from_le_bytes(num)))
}

fn key_id_of_base64(b64: &str) -> Option<String> {
    let bytes = Base64::decode_to_vec(b64.trim(), None).ok()?;
    (bytes.len() == 42)
        .then(|| key_id_of_bytes(&bytes))
        .flatten()
}

/// A secret key other users can read is refused (checked on the open file, so what is
/// checked is what is read).
#[cfg(unix)]
fn check_private(path: &Path, file: &std::fs::File) -> Result<(), SigningError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = file
        .metadata()
        .map_err(SigningError::io(path))?
        .permissions()
        .mode()
        & 0o7777;
    if mode & 0o077 != 0 {
        return Err(SigningError::KeyNotPrivate {
            path: path.to_owned(),
            mode,
        });
    }
    Ok(())
}

/// Windows has no mode bits. keygen gives the key an owner-only access list; a key file from
/// elsewhere (minisign, a copy) is read with whatever access list it has.
#[cfg(not(unix))]
fn check_private(_path: &Path, _file: &std::fs::File) -> Result<(), SigningError> {
    Ok(())
}

/// A secret key file, read but not yet decrypted.
pub struct SecretKeyFile {
    path: PathBuf,
    text: String,
    bytes: Vec<u8>,
    encrypted: bool,
}

/// Whether a key file's text is a minisign public key: its key line is "Ed", the key ID and
/// the 32-byte key (42 bytes).
fn is_public_key_text(text: &str) -> bool {
    let mut lines = text.lines();
    let comment_ok = lines
        .next()
        .is_some_and(|c| c.starts_with("untrusted comment:"));
    let key = lines
        .next()
        .and_then(|l| Base64::decode_to_vec(l.trim(), None).ok());
    comment_ok && key.is_some_and(|k| k.len() == 42 && k.starts_with(b"Ed"))
}

impl SecretKeyFile {
    /// Read a minisign secret key file (ours or one made by `minisign -G`). On Unix a file that
    /// other users can read (group or world bits) is refused, as ssh refuses such keys. Like
    /// a public key, it is read only when it is a regular file within the settings limit: a
    /// FIFO given as the key is refused rather than waited on.
    pub fn read(path: &Path) -> Result<Self, SigningError> {
        let (file, raw) =
            crate::limits::read_io_with_file(path, crate::limits::InputKind::Settings).map_err(
                |source| SigningError::KeyUnreadable {
                    path: path.to_owned(),
                    what: KeyKind::Secret,
                    source,
                },
            )?;
        let bad = |reason: KeyProblem| SigningError::BadKey {
            path: path.to_owned(),
            what: KeyKind::Secret,
            reason,
        };
        let text = as_minisign_writes(&key_text(&raw).map_err(bad)?);
        // A public key given as the secret key is said so before its (usual, harmless)
        // permissions are judged as a secret key's.
        if is_public_key_text(&text) {
            return Err(bad(KeyProblem::PublicKeyGiven));
        }
        check_private(path, &file)?;
        let mut lines = text.lines();
        let comment = lines.next().ok_or_else(|| bad(KeyProblem::Empty))?;
        if !comment.starts_with("untrusted comment:") {
            return Err(bad(KeyProblem::NoComment));
        }
        let b64 = lines.next().ok_or_else(|| bad(KeyProblem::NoKeyLine))?;
        let bytes =
            Base64::decode_to_vec(b64.trim(), None).map_err(|_| bad(KeyProblem::NotBase64))?;
        // Layout: signature algorithm "Ed", KDF algorithm ("Sc" = scrypt, or two zero bytes).
        let encrypted = match bytes.get(..4) {
            Some([b'E', b'd', b'S', b'c']) => true,
            Some([b'E', b'd', 0, 0]) => false,
            _ => return Err(bad(KeyProblem::Unsupported)),
        };
        Ok(SecretKeyFile {
            path: path.to_owned(),
            text,
            bytes,
            encrypted,
        })
    }

    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Decrypt (when encrypted) with `passphrase`.
    pub fn unlock(&self, passphrase: Option<&str>) -> Result<SecretKey, SigningError> {
        let sk_box = minisign::SecretKeyBox::from_string(&self.text)
            .map_err(|e| SigningError::Sign(e.to_string()))?;
        let sk = if self.encrypted {
            let Some(passphrase) = passphrase else {
                return Err(SigningError::PassphraseNeeded {
                    path: self.path.clone(),
                });
            };
            // Always pass Some: with None the crate would prompt on stdout by itself.
            minisign::SecretKey::from_box(sk_box, Some(passphrase.to_owned())).map_err(
                |e| match e.kind() {
                    minisign::ErrorKind::Verify => SigningError::WrongPassphrase {
                        path: self.path.clone(),
                    },
                    _ => SigningError::BadKey {
                        path: self.path.clone(),
                        what: KeyKind::Secret,
                        reason: KeyProblem::Detail(e.to_string()),
                    },
                },
            )?
        } else {
            match minisign::SecretKey::from_unencrypted_box(sk_box) {
                Ok(sk) => sk,
                // `minisign -G -W` (0.11) leaves the checksum of an unencrypted key zero. Such a
                // key is read as is; signing checks it against its own public half anyway.
                Err(_)
                    if self.bytes.len() == 158
                        && self
                            .bytes
                            .get(126..)
                            .is_some_and(|t| t.iter().all(|&b| b == 0)) =>
                {
                    minisign::SecretKey::from_bytes(&self.bytes).map_err(|e| {
                        SigningError::BadKey {
                            path: self.path.clone(),
                            what: KeyKind::Secret,
                            reason: KeyProblem::Detail(e.to_string()),
                        }
                    })?
                }
                Err(e) => {
                    return Err(SigningError::BadKey {
                        path: self.path.clone(),
                        what: KeyKind::Secret,
                        reason: KeyProblem::Detail(e.to_string()),
                    })
                }
            }
        };
        let pk = minisign::PublicKey::from_secret_key(&sk).map_err(|e| SigningError::BadKey {
            path: self.path.clone(),
            what: KeyKind::Secret,
            reason: KeyProblem::Detail(e.to_string()),
        })?;
        let public =
            PublicKey::from_base64(&pk.to_base64()).map_err(|reason| SigningError::BadKey {
                path: self.path.clone(),
                what: KeyKind::Secret,
                reason,
            })?;
        Ok(SecretKey { sk, pk, public })
    }
}

/// A decrypted secret key with its public key. Its Debug output shows only the key ID.
pub struct SecretKey {
    pub(crate) sk: minisign::SecretKey,
    pub(crate) pk: minisign::PublicKey,
    pub public: PublicKey,
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretKey({})", self.public.key_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_of_other_tools_are_read_as_minisign_writes_them() {
        let unix = "untrusted comment: x\nRWQ\n";
        for other in [
            "\u{feff}untrusted comment: x\nRWQ\n",
            "untrusted comment: x\r\nRWQ\r\n",
            "untrusted comment: x\nRWQ",
            "\u{feff}untrusted comment: x\r\nRWQ",
        ] {
            assert_eq!(as_minisign_writes(other), unix, "{other:?}");
        }
        // Mixed or lone CRs stay, for the exact-encoding check to refuse.
        let mixed = "untrusted comment: x\r\nRWQ\n";
        assert_eq!(as_minisign_writes(mixed), mixed);
        assert_eq!(as_minisign_writes("a\rb\n"), "a\rb\n");
        assert_eq!(as_minisign_writes(""), "");
    }

    #[test]
    fn key_file_names() {
        let f = KeyFiles::for_name(Path::new("dir/hospital"));
        assert_eq!(f.secret, Path::new("dir/hospital.key"));
        assert_eq!(f.public, Path::new("dir/hospital.pub"));
        assert_eq!(
            KeyFiles::for_name(Path::new("h.key")),
            KeyFiles::for_name(Path::new("h"))
        );
    }

    #[test]
    fn unencrypted_round_trip_and_no_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let files = KeyFiles::for_name(&dir.path().join("k"));
        let g = generate(&files, &Protection::Unencrypted, false).unwrap();
        assert_eq!(g.key_id.len(), 16);
        assert!(matches!(
            generate(&files, &Protection::Unencrypted, false),
            Err(SigningError::Exists { .. })
        ));
        let sk = SecretKeyFile::read(&files.secret).unwrap();
        assert!(!sk.is_encrypted());
        let sk = sk.unlock(None).unwrap();
        let pk = read_public_key(&files.public).unwrap();
        assert_eq!(sk.public, pk);
        assert_eq!(pk.key_id, g.key_id);
        assert!(!format!("{sk:?}").contains(&pk.base64));
        assert_eq!(format!("{sk:?}"), format!("SecretKey({})", pk.key_id));
    }

    /// Debug output names how a key is protected, never the passphrase.
    #[test]
    fn a_passphrase_is_never_shown() {
        let p = Protection::Passphrase("correct horse".into());
        assert_eq!(format!("{p:?}"), "Passphrase(..)");
        assert_eq!(format!("{:?}", Protection::Unencrypted), "Unencrypted");
    }

    /// keygen's secret key has an access list for its owner only (the counterpart of 0600);
    /// the public key keeps the folder's.
    #[cfg(windows)]
    #[test]
    fn the_secret_key_is_private_to_its_owner_on_windows() {
        use std::os::windows::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().unwrap();
        let files = KeyFiles::for_name(&dir.path().join("k"));
        generate(&files, &Protection::Unencrypted, false).unwrap();
        let private = |p: &Path| {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .access_mode(
                    windows_sys::Win32::Storage::FileSystem::FILE_GENERIC_READ
                        | super::super::acl::EXTRA_ACCESS,
                )
                .open(p)
                .unwrap();
            super::super::acl::is_private(&file).unwrap()
        };
        assert!(private(&files.secret));
        assert!(!private(&files.public));
        // Still readable by its owner: the key signs.
        SecretKeyFile::read(&files.secret)
            .unwrap()
            .unlock(None)
            .unwrap();
    }

    #[test]
    fn encrypted_key_needs_the_right_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let files = KeyFiles::for_name(&dir.path().join("k"));
        generate(
            &files,
            &Protection::Passphrase("correct horse".into()),
            false,
        )
        .unwrap();
        let sk = SecretKeyFile::read(&files.secret).unwrap();
        assert!(sk.is_encrypted());
        assert!(matches!(
            sk.unlock(None),
            Err(SigningError::PassphraseNeeded { .. })
        ));
        assert!(matches!(
            sk.unlock(Some("wrong")),
            Err(SigningError::WrongPassphrase { .. })
        ));
        let key = sk.unlock(Some("correct horse")).unwrap();
        assert_eq!(key.public, read_public_key(&files.public).unwrap());
        assert!(matches!(
            generate(&files, &Protection::Passphrase(String::new()), true),
            Err(SigningError::EmptyPassphrase)
        ));
    }
}
