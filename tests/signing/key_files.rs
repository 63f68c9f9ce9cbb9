//! Key files `sign` and `keygen` refuse, and what they say (issue 9: the promises of
//! src/signing/keys.rs, guarded in the test binary that runs for it). The same refusals are
//! also said in other binaries' tests: the key modes in full in
//! tests/answers/writes.rs, the public key given as `--key` in both languages in
//! tests/lang/words.rs.

use crate::common;

use common::bundle::{report_value, write_bundle, HOSPITAL};
use common::{keygen, medsec, stderr_of};
use ct_codecs::{Base64, Decoder, Encoder};
use std::path::Path;

/// `medsec sign BUNDLE --key KEY`: (exit code, stderr).
fn sign_with(bundle: &Path, key: &Path) -> (Option<i32>, String) {
    let out = medsec()
        .arg("sign")
        .arg(bundle)
        .arg("--key")
        .arg(key)
        .output()
        .unwrap();
    (out.status.code(), stderr_of(&out))
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// An unencrypted secret key whose checksum (the last 32 of its 158 bytes) no longer matches
/// its key is a damaged file, refused as the stock minisign refuses it, and nothing is
/// signed. (A key of `minisign -G -W`, whose checksum is all zeros, is read:
/// tests/signing/key_formats.rs.)
#[test]
fn a_secret_key_whose_checksum_does_not_match_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let bundle = tmp.path().join("bundle");
    write_bundle(&bundle, &report_value(HOSPITAL, 2025));
    keygen(&tmp.path().join("hospital"));
    let key = tmp.path().join("hospital.key");
    let text = std::fs::read_to_string(&key).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut bytes = Base64::decode_to_vec(&lines[1], None).unwrap();
    assert_eq!(bytes.len(), 158);
    assert!(
        bytes[126..].iter().any(|&b| b != 0),
        "medsec writes a checksum"
    );
    bytes[140] ^= 0x01;
    lines[1] = Base64::encode_to_string(&bytes).unwrap();
    std::fs::write(&key, lines.join("\n") + "\n").unwrap();
    #[cfg(unix)]
    set_mode(&key, 0o600);
    let (code, err) = sign_with(&bundle, &key);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("hospital.key") && err.contains("not a minisign secret key"),
        "{err}"
    );
    assert!(!bundle.join("MANIFEST.sha256.minisig").exists());
}

/// A public key given as `--key` is named as one, before its (usual, harmless) mode 0644 is
/// judged as a secret key's; a secret key others can read is refused with the command that
/// makes it private. Neither signs anything.
#[cfg(unix)]
#[test]
fn a_public_key_or_a_secret_key_others_can_read_does_not_sign() {
    let tmp = tempfile::tempdir().unwrap();
    let bundle = tmp.path().join("bundle");
    write_bundle(&bundle, &report_value(HOSPITAL, 2025));
    keygen(&tmp.path().join("hospital"));
    let public = tmp.path().join("hospital.pub");
    set_mode(&public, 0o644);
    let (code, err) = sign_with(&bundle, &public);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("this is a public key file") && !err.contains("other users"),
        "{err}"
    );
    let secret = tmp.path().join("hospital.key");
    set_mode(&secret, 0o640);
    let (code, err) = sign_with(&bundle, &secret);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("can be read by other users (mode 0640)") && err.contains("chmod 600"),
        "{err}"
    );
    assert!(!bundle.join("MANIFEST.sha256.minisig").exists());
}

/// A link to nothing where keygen would write the secret key is a file that exists: keygen
/// says so, with `--force`, and leaves the link as it was.
#[cfg(unix)]
#[test]
fn keygen_does_not_replace_a_link_to_nothing_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let name = tmp.path().join("hospital");
    let secret = tmp.path().join("hospital.key");
    let target = tmp.path().join("elsewhere.key");
    std::os::unix::fs::symlink(&target, &secret).unwrap();
    let out = medsec()
        .arg("keygen")
        .arg("--out")
        .arg(&name)
        .arg("--unencrypted")
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("hospital.key") && err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_link(&secret).unwrap(), target);
    assert!(!target.exists() && !tmp.path().join("hospital.pub").exists());
}
