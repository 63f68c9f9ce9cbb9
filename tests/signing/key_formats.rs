//! Keys and signatures made by the stock `minisign` tool, as its Unix and Windows builds write
//! them: a UTF-8 byte order mark, CRLF line ends, no final line end (issue 13). With CI=true a
//! missing minisign fails these tests; elsewhere they are skipped.

use crate::common;
use common::bundle::*;
use common::*;
use std::path::Path;
use std::process::Command as Process;

/// The stock minisign tool, or None (skip) outside CI.
#[allow(clippy::print_stderr)]
fn minisign() -> Option<()> {
    if Process::new("minisign").arg("-v").output().is_ok() {
        return Some(());
    }
    assert!(
        !in_ci(),
        "minisign is not installed (apt-get install -y minisign)"
    );
    eprintln!("skipped: minisign is not installed");
    None
}

/// How another tool may have written a key or signature file.
const SHAPES: &[&str] = &[
    "unix",
    "bom",
    "crlf",
    "no-final-newline",
    "bom-crlf-no-final-newline",
];

fn reshape(text: &str, shape: &str) -> Vec<u8> {
    let mut t = text.to_owned();
    if shape.contains("crlf") {
        t = t.replace('\n', "\r\n");
    }
    if shape.contains("no-final-newline") {
        t = t.trim_end_matches(['\r', '\n']).to_owned();
    }
    let mut out = Vec::new();
    if shape.contains("bom") {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    out.extend_from_slice(t.as_bytes());
    out
}

fn run_ok(cmd: &mut Process) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
}

/// A bundle with its manifest, and a minisign key pair (unencrypted) beside it.
fn bundle_and_minisign_keys(root: &Path) -> (std::path::PathBuf, String, String) {
    let bundle = root.join("bundle");
    write_bundle(&bundle, &report_value(HOSPITAL, 2025));
    let manifest = medsec::signing::manifest::build(&bundle).unwrap();
    std::fs::write(bundle.join("MANIFEST.sha256"), manifest.render()).unwrap();
    run_ok(
        Process::new("minisign")
            .args(["-G", "-W", "-p"])
            .arg(root.join("m.pub"))
            .arg("-s")
            .arg(root.join("m.key")),
    );
    let public = std::fs::read_to_string(root.join("m.pub")).unwrap();
    let secret = std::fs::read_to_string(root.join("m.key")).unwrap();
    (bundle, public, secret)
}

#[test]
fn stock_minisign_files_verify_whatever_their_bom_and_line_ends() {
    if minisign().is_none() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, public, _) = bundle_and_minisign_keys(tmp.path());
    run_ok(
        Process::new("minisign")
            .args(["-S", "-s"])
            .arg(tmp.path().join("m.key"))
            .args(["-m", "MANIFEST.sha256", "-t", &comment_for(&bundle, None)])
            .current_dir(&bundle),
    );
    let sig_path = bundle.join("MANIFEST.sha256.minisig");
    let signature = std::fs::read_to_string(&sig_path).unwrap();
    let pub_path = tmp.path().join("shaped.pub");
    for key_shape in SHAPES {
        for sig_shape in SHAPES {
            std::fs::write(&pub_path, reshape(&public, key_shape)).unwrap();
            std::fs::write(&sig_path, reshape(&signature, sig_shape)).unwrap();
            let (code, json) = verify(&[&bundle], &pubkey(&pub_path));
            assert_eq!(code, 0, "key {key_shape}, signature {sig_shape}: {json:#}");
        }
    }
    // Line ends mixed within one file are an edited file, not another tool's: refused.
    let mixed = signature.replacen('\n', "\r\n", 1);
    std::fs::write(&sig_path, mixed).unwrap();
    let (code, json) = verify(&[&bundle], &pubkey(&pub_path));
    assert_eq!(code, 3, "{json:#}");
    assert!(has(&codes(&json, 0), "signature-malformed"), "{json:#}");
}

#[test]
fn stock_minisign_secret_keys_sign_whatever_their_bom_and_line_ends() {
    if minisign().is_none() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, public, secret) = bundle_and_minisign_keys(tmp.path());
    std::fs::remove_file(bundle.join("MANIFEST.sha256")).unwrap();
    let key_path = tmp.path().join("shaped.key");
    for shape in SHAPES {
        std::fs::write(&key_path, reshape(&secret, shape)).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&key_path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let out = medsec()
            .arg("sign")
            .arg(&bundle)
            .arg("--key")
            .arg(&key_path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{shape}: {}", stderr_of(&out));
        let pub_path = tmp.path().join("m.pub");
        std::fs::write(&pub_path, reshape(&public, shape)).unwrap();
        let (code, json) = verify(&[&bundle], &pubkey(&pub_path));
        assert_eq!(code, 0, "{shape}: {json:#}");
    }
}

#[test]
fn legacy_signatures_are_refused_and_say_so() {
    if minisign().is_none() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, _, _) = bundle_and_minisign_keys(tmp.path());
    // `-l`: the legacy, not pre-hashed signature older minisign versions made by default.
    run_ok(
        Process::new("minisign")
            .args(["-S", "-l", "-s"])
            .arg(tmp.path().join("m.key"))
            .args(["-m", "MANIFEST.sha256", "-t", &comment_for(&bundle, None)])
            .current_dir(&bundle),
    );
    let pub_path = tmp.path().join("m.pub");
    let (code, json) = verify(&[&bundle], &pubkey(&pub_path));
    assert_eq!(code, 3, "{json:#}");
    assert!(has(&codes(&json, 0), "signature-invalid"), "{json:#}");
    let text = json.to_string();
    assert!(text.contains("legacy (not pre-hashed)"), "{json:#}");
    let out = medsec()
        .args(["--lang", "ja"])
        .args(checklist_args())
        .arg("verify")
        .arg(&bundle)
        .args(pubkey(&pub_path))
        .args(["--as-of", AS_OF])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("旧形式"), "{}", stdout_of(&out));
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut push = |u: u16| {
        out.extend(if little_endian {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        })
    };
    if bom {
        push(0xFEFF);
    }
    text.encode_utf16().for_each(push);
    out
}

/// 13-12r: a signature file saved as UTF-16 (LE or BE, with or without BOM, CRLF or not) is
/// read as the key files are; a truncated or malformed one is said in words naming the file
/// and the line, in ja and en, never minisign's "Invalid encoding in minisign data".
#[test]
fn utf16_signatures_verify_and_cut_ones_name_the_line() {
    if minisign().is_none() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, _, _) = bundle_and_minisign_keys(tmp.path());
    run_ok(
        Process::new("minisign")
            .args(["-S", "-s"])
            .arg(tmp.path().join("m.key"))
            .args(["-m", "MANIFEST.sha256", "-t", &comment_for(&bundle, None)])
            .current_dir(&bundle),
    );
    let sig_path = bundle.join("MANIFEST.sha256.minisig");
    let signature = std::fs::read_to_string(&sig_path).unwrap();
    let pub_path = tmp.path().join("m.pub");
    for le in [true, false] {
        for bom in [true, false] {
            for text in [signature.clone(), signature.replace('\n', "\r\n")] {
                std::fs::write(&sig_path, utf16(&text, le, bom)).unwrap();
                let (code, json) = verify(&[&bundle], &pubkey(&pub_path));
                assert_eq!(code, 0, "le {le} bom {bom}: {json:#}");
            }
        }
    }
    let lines: Vec<&str> = signature.lines().collect();
    let upto = |n: usize| lines[..n].join("\n") + "\n";
    let cases = [
        // Cut inside the signature line, after the trusted comment, inside the global line.
        (
            format!("{}\n{}", lines[0], &lines[1][..40]),
            "line 2 (the signature line:",
            "2行目(署名の行)の途中で切れています",
        ),
        (upto(3), "line 4 (the global signature line) is missing", "4行目(全体の署名の行)がありません"),
        (
            format!("{}{}", upto(3), &lines[3][..20]),
            "cut short in line 4",
            "4行目(全体の署名の行)の途中で切れています",
        ),
        (
            signature.replacen("trusted comment:", "trusted-comment:", 2),
            "line 1 of the signature file `MANIFEST.sha256.minisig` is not the `untrusted comment:` line",
            "1行目が「untrusted comment:」の行になっていません",
        ),
    ];
    for (bytes, en, ja) in cases {
        for encoded in [bytes.as_bytes().to_vec(), utf16(&bytes, true, true)] {
            std::fs::write(&sig_path, &encoded).unwrap();
            let (code, json) = verify(&[&bundle], &pubkey(&pub_path));
            assert_eq!(code, 3, "{bytes:?}: {json:#}");
            assert!(has(&codes(&json, 0), "signature-malformed"), "{json:#}");
            let said = json.to_string();
            assert!(
                said.contains("MANIFEST.sha256.minisig") && said.contains(en),
                "{en}\n{json:#}"
            );
            assert!(!said.contains("Invalid encoding"), "{json:#}");
            let out = medsec()
                .args(["--lang", "ja"])
                .args(checklist_args())
                .arg("verify")
                .arg(&bundle)
                .args(pubkey(&pub_path))
                .args(["--as-of", AS_OF])
                .output()
                .unwrap();
            let text: String = (stdout_of(&out) + &stderr_of(&out))
                .chars()
                .filter(|c| !c.is_whitespace() && !"│┆|".contains(*c))
                .collect();
            let want: String = ja.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(text.contains(&want), "{ja}\n{}", stdout_of(&out));
        }
    }
}
