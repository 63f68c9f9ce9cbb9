//! A prefecture's batch: many bundles checked in one run. One bad signature among many good
//! ones is named on exactly that bundle, whichever of the two Ed25519 signatures of a minisign
//! file is broken, and every other bundle still verifies.

use crate::common;

use common::bundle::{codes, pubkey, report_value, signed, verify, write_bundle, HOSPITAL};
use serde_json::Value;
use std::path::PathBuf;

const BUNDLES: usize = 40;
const BAD: usize = 23;

/// How the one bad bundle's signature is broken.
#[derive(Debug, Clone, Copy)]
enum Break {
    /// A valid signature by the trusted key, of other bytes than this manifest.
    ManifestSignature,
    /// The trusted comment changed after signing (its global signature no longer holds).
    TrustedComment,
    /// The first signature's `R` replaced by bytes that encode no point of the curve (well
    /// formed otherwise): a batch takes it, fails, and its claims are checked one by one.
    NotAPoint,
}

/// The signature file `sig` with the `R` of its first signature replaced by the first
/// canonical encoding, from `y = 2` up, that is no point of the curve.
fn with_r_not_a_point(sig: &str) -> String {
    use ct_codecs::{Base64, Decoder, Encoder};
    let line = sig.lines().nth(1).unwrap();
    let mut bin = Base64::decode_to_vec(line, None).unwrap();
    let r = (2u8..=255)
        .map(|y| {
            let mut r = [0u8; 32];
            r[0] = y;
            r
        })
        .find(|r| {
            curve25519_dalek::edwards::CompressedEdwardsY(*r)
                .decompress()
                .is_none()
        })
        .unwrap();
    bin[10..42].copy_from_slice(&r);
    sig.replacen(line, &Base64::encode_to_string(&bin).unwrap(), 1)
}

fn batch_with_one_bad(how: Break) -> (i32, Value) {
    let first = signed(&report_value(HOSPITAL, 2025));
    let mut dirs: Vec<PathBuf> = vec![first.bundle.clone()];
    for i in 1..BUNDLES {
        let dir = first.root.join(format!("b{i}"));
        write_bundle(&dir, &report_value(HOSPITAL, 2025));
        first.key.sign_bundle(&dir, None);
        dirs.push(dir);
    }
    let sig_path = dirs[BAD].join("MANIFEST.sha256.minisig");
    let sig = std::fs::read_to_string(&sig_path).unwrap();
    let broken = match how {
        Break::ManifestSignature => {
            let comment = sig.lines().nth(2).unwrap();
            let comment = comment.strip_prefix("trusted comment: ").unwrap();
            first.key.sign_bytes(b"not this manifest\n", comment)
        }
        Break::TrustedComment => sig.replacen("timestamp:1759276800", "timestamp:1759276801", 1),
        Break::NotAPoint => with_r_not_a_point(&sig),
    };
    assert_ne!(broken, sig);
    std::fs::write(&sig_path, broken).unwrap();
    let dirs: Vec<&std::path::Path> = dirs.iter().map(PathBuf::as_path).collect();
    verify(&dirs, &pubkey(&first.key.public))
}

#[test]
fn one_bad_signature_among_many_is_named_on_that_bundle_alone() {
    for how in [
        Break::ManifestSignature,
        Break::TrustedComment,
        Break::NotAPoint,
    ] {
        let (code, json) = batch_with_one_bad(how);
        assert_eq!(code, 3, "{how:?}: {json:#}");
        let bundles = json["bundles"].as_array().unwrap();
        assert_eq!(bundles.len(), BUNDLES);
        for (i, bundle) in bundles.iter().enumerate() {
            let verified = bundle["signature"]["verified"].as_bool();
            if i == BAD {
                assert_eq!(verified, Some(false), "{how:?}: {bundle:#}");
                assert_eq!(bundle["exit_code"], 3, "{how:?}: {bundle:#}");
                let bad: Vec<&Value> = bundle["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|f| f["code"] == "signature-invalid")
                    .collect();
                assert_eq!(bad.len(), 1, "{how:?}: {bundle:#}");
                assert_eq!(bad[0]["file"], "MANIFEST.sha256.minisig");
            } else {
                assert_eq!(verified, Some(true), "{how:?} bundle {i}: {bundle:#}");
                assert_eq!(bundle["exit_code"], 0, "{how:?} bundle {i}: {bundle:#}");
                assert!(
                    !codes(&json, i).iter().any(|c| c == "signature-invalid"),
                    "{how:?} bundle {i}"
                );
            }
        }
    }
}

/// A report.json given among bundle folders (an inspector's `*/report.json`): exit 2 for that
/// path, and the hint names its bundle folder, once; the folders given, which were read as
/// bundles, get no hint.
#[test]
fn a_file_given_among_folders_is_pointed_at_its_folder() {
    let first = signed(&report_value(HOSPITAL, 2025));
    let second = first.root.join("b1");
    write_bundle(&second, &report_value(HOSPITAL, 2025));
    first.key.sign_bundle(&second, None);
    let file = second.join("report.json");
    let out = common::medsec()
        .args(common::bundle::checklist_args())
        .arg("verify")
        .arg(&first.bundle)
        .arg(&file)
        .arg(&second)
        .args(pubkey(&first.key.public))
        .args(["--as-of", common::bundle::AS_OF, "--lang", "en"])
        .output()
        .unwrap();
    let stderr = common::stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let hints: Vec<&str> = stderr.lines().filter(|l| l.contains("hint:")).collect();
    assert_eq!(hints.len(), 1, "{stderr}");
    assert!(
        hints[0].contains(&format!("give the bundle folder `{}`", second.display())),
        "{stderr}"
    );
}

/// A trusted key that is the identity point (a "weak" key: `[k]A` is the identity for every
/// `k`, so `[s]B = R` holds for any `R = [s]B` anyone can make) is never taken into a batch:
/// a batch would vouch for such a forgery, while one-by-one verification (minisign-verify)
/// refuses the key. A forged signature "by" it is invalid (exit 3), alone or among others.
#[test]
fn a_forgery_by_a_weak_key_is_not_vouched_for_by_a_batch() {
    use ct_codecs::{Base64, Encoder};
    use curve25519_dalek::{constants::ED25519_BASEPOINT_POINT, scalar::Scalar};
    let first = signed(&report_value(HOSPITAL, 2025));
    let key_id = [7u8, 1, 2, 3, 4, 5, 6, 7];
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let b64 = |bytes: &[u8]| Base64::encode_to_string(bytes).unwrap();
    let weak_pub = first.root.join("weak.pub");
    std::fs::write(
        &weak_pub,
        format!(
            "untrusted comment: minisign public key 0706050403020107\n{}\n",
            b64(&[b"Ed".as_slice(), &key_id, &identity].concat())
        ),
    )
    .unwrap();
    // `s` reduced and `R = [s]B` canonical and of prime order: minisign's exact form.
    let forged = |s: u64| {
        let s = Scalar::from(s);
        let r = (ED25519_BASEPOINT_POINT * s).compress().to_bytes();
        [r, s.to_bytes()].concat()
    };
    let mut dirs = vec![first.bundle.clone()];
    for i in 1..3 {
        let dir = first.root.join(format!("b{i}"));
        write_bundle(&dir, &report_value(HOSPITAL, 2025));
        dirs.push(dir);
    }
    for (i, dir) in dirs.iter().enumerate() {
        let manifest = medsec::signing::manifest::build(dir).unwrap().render();
        std::fs::write(dir.join("MANIFEST.sha256"), &manifest).unwrap();
        let sig = format!(
            "untrusted comment: {}\n{}\ntrusted comment: {}\n{}\n",
            medsec::signing::sign::UNTRUSTED_COMMENT,
            b64(&[b"ED".as_slice(), &key_id, &forged(1000 + i as u64)].concat()),
            common::bundle::comment_for(dir, None),
            b64(&forged(2000 + i as u64)),
        );
        std::fs::write(dir.join("MANIFEST.sha256.minisig"), sig).unwrap();
    }
    for n in [1, 3] {
        let given: Vec<&std::path::Path> = dirs[..n].iter().map(PathBuf::as_path).collect();
        let (code, json) = verify(&given, &pubkey(&weak_pub));
        assert_eq!(code, 3, "{json:#}");
        for i in 0..n {
            assert_eq!(
                json["bundles"][i]["signature"]["verified"].as_bool(),
                Some(false),
                "{json:#}"
            );
            assert!(
                codes(&json, i).iter().any(|c| c == "signature-invalid"),
                "{json:#}"
            );
        }
    }
}
