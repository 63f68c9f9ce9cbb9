//! Signed bundles: keygen, sign, verify; tampering; interoperability with the stock minisign.

use crate::common;

use common::{fixture, in_ci, keygen, medsec, stderr_of, stdout_of};
use medsec::signing::{self, trusted::TrustedKeys, verify};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command as Process;

const HOSPITAL: &str = "0110113719";
const AS_OF: &str = "2025-11-01";
/// The one note after an integrity failure: the report's content is not shown.
const UNTRUSTED: &str = "content-untrusted";

fn checklist_path(fy: i16) -> PathBuf {
    fixture(&format!("signing/checklist-fy{fy}.toml"))
}

/// A report.json for `code` following the fixture checklist of `fy`, with `findings`.
fn report(code: &str, fy: i16, findings: Value) -> String {
    let mut value = common::bundle::report_value(code, fy);
    value["findings"] = findings;
    serde_json::to_string_pretty(&value).unwrap() + "\n"
}

fn make_bundle(dir: &Path, code: &str, fy: i16) {
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    std::fs::write(dir.join("report.json"), report(code, fy, json!([]))).unwrap();
    std::fs::write(
        dir.join("evidence/backup-log.txt"),
        "2025-10-01 backup ok\n",
    )
    .unwrap();
}

fn sign(dir: &Path, key: &Path) {
    let out = medsec()
        .arg("sign")
        .arg(dir)
        .arg("--key")
        .arg(key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}

/// Run verify with the fixture checklists; returns (exit code, JSON).
fn verify_json(dirs: &[&Path], trust: &[&str]) -> (i32, Value) {
    let out = medsec()
        .arg("--checklist")
        .arg(checklist_path(2025))
        .arg("--checklist")
        .arg(checklist_path(2024))
        .arg("verify")
        .args(dirs)
        .args(trust)
        .args(["--as-of", AS_OF, "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    (out.status.code().unwrap(), json)
}

fn codes(json: &Value, bundle: usize) -> Vec<String> {
    json["bundles"][bundle]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

struct Setup {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    bundle: PathBuf,
    key: PathBuf,
    pubkey: PathBuf,
}

fn signed_bundle() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_owned();
    let bundle = root.join("bundle");
    make_bundle(&bundle, HOSPITAL, 2025);
    keygen(&root.join("hospital"));
    sign(&bundle, &root.join("hospital.key"));
    Setup {
        _tmp: tmp,
        bundle,
        key: root.join("hospital.key"),
        pubkey: root.join("hospital.pub"),
        root,
    }
}

fn pubkey_arg(s: &Setup) -> [String; 2] {
    ["--pubkey".into(), s.pubkey.display().to_string()]
}

#[test]
fn round_trip_is_valid() {
    let s = signed_bundle();
    let trust = pubkey_arg(&s);
    let (code, json) = verify_json(&[&s.bundle], &[&trust[0], &trust[1]]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["exit_code"], 0);
    assert_eq!(json["bundles"][0]["files"], 2);
    assert_eq!(json["bundles"][0]["institution"]["code"], HOSPITAL);
    assert_eq!(json["bundles"][0]["signature"]["verified"], true);
    let tc = json["bundles"][0]["signature"]["trusted_comment"]
        .as_str()
        .unwrap();
    assert!(tc.contains(&format!("institution:{HOSPITAL}")), "{tc}");
    assert!(tc.contains("checklist:testpub-institution@fy2025"), "{tc}");

    // The human table says so at a glance.
    let out = medsec()
        .arg("--checklist")
        .arg(checklist_path(2025))
        .args(["verify", "--as-of", AS_OF, "--lang", "en", "--pubkey"])
        .arg(&s.pubkey)
        .arg(&s.bundle)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table = stdout_of(&out);
    assert!(
        table.contains("VALID") && table.contains("1 bundle: 1 valid"),
        "{table}"
    );
    let manifest = std::fs::read_to_string(s.bundle.join("MANIFEST.sha256")).unwrap();
    assert_eq!(
        manifest.lines().map(|l| &l[66..]).collect::<Vec<_>>(),
        ["evidence/backup-log.txt", "report.json"]
    );
}

/// Flip bytes of one file in place and verify in-process; every change must be refused.
fn assert_every_change_refused(s: &Setup, name: &str, variants: &[u8]) {
    let keys = TrustedKeys::single(signing::keys::read_public_key(&s.pubkey).unwrap());
    let mut catalog = medsec::checklist::Catalog::default();
    catalog.add(medsec::checklist::load_path(&checklist_path(2025)).unwrap());
    let opts = verify::Options {
        keys: &keys,
        catalog: &catalog,
        expected_institution: None,
        today: AS_OF.parse().unwrap(),
        lang: medsec::checklist::Lang::En,
        expect: None,
    };
    assert_eq!(verify::verify_bundle(&s.bundle, &opts).exit_code, 0);
    let path = s.bundle.join(name);
    let original = std::fs::read(&path).unwrap();
    let mut checked = 0;
    for i in 0..original.len() {
        for &v in variants {
            let mut changed = original.clone();
            changed[i] = if v == 0 { original[i] } else { original[i] ^ v };
            if changed == original {
                continue;
            }
            std::fs::write(&path, &changed).unwrap();
            let r = verify::verify_bundle(&s.bundle, &opts);
            assert_eq!(
                r.exit_code, 3,
                "{name}: byte {i} changed from {:#04x} to {:#04x} was not refused: {:?}",
                original[i], changed[i], r.findings
            );
            checked += 1;
        }
    }
    std::fs::write(&path, &original).unwrap();
    assert!(checked >= original.len());
}

#[test]
fn every_changed_byte_of_the_signature_is_refused() {
    let s = signed_bundle();
    // The whole bundle, a few changes per byte.
    assert_every_change_refused(&s, "MANIFEST.sha256.minisig", &[0x01, 0x04, 0x20, 0x80]);
    // In memory, every possible value at every position.
    let keys = TrustedKeys::single(signing::keys::read_public_key(&s.pubkey).unwrap());
    let manifest = std::fs::read(s.bundle.join("MANIFEST.sha256")).unwrap();
    let sig = std::fs::read(s.bundle.join("MANIFEST.sha256.minisig")).unwrap();
    let (key, findings) = verify::check_signature_bytes(&manifest, &sig, &keys);
    assert!(key.is_some() && findings.is_empty(), "{findings:?}");
    for i in 0..sig.len() {
        for v in 0..=255u8 {
            if v == sig[i] {
                continue;
            }
            let mut changed = sig.clone();
            changed[i] = v;
            let (key, findings) = verify::check_signature_bytes(&manifest, &changed, &keys);
            assert!(
                key.is_none() && !findings.is_empty(),
                "byte {i} changed from {:#04x} to {v:#04x} was accepted",
                sig[i]
            );
        }
    }
}

#[test]
fn every_changed_byte_of_the_manifest_is_refused() {
    let s = signed_bundle();
    assert_every_change_refused(&s, "MANIFEST.sha256", &[0x01, 0x04, 0x20, 0x80]);
    // In memory, every possible value at every position.
    let keys = TrustedKeys::single(signing::keys::read_public_key(&s.pubkey).unwrap());
    let manifest = std::fs::read(s.bundle.join("MANIFEST.sha256")).unwrap();
    let sig = std::fs::read(s.bundle.join("MANIFEST.sha256.minisig")).unwrap();
    for i in 0..manifest.len() {
        for v in (0..=255u8).filter(|&v| v != manifest[i]) {
            let mut changed = manifest.clone();
            changed[i] = v;
            let (key, _) = verify::check_signature_bytes(&changed, &sig, &keys);
            assert!(
                key.is_none(),
                "manifest byte {i} changed to {v:#04x} was accepted"
            );
        }
    }
}

#[test]
fn every_changed_byte_of_report_json_is_refused() {
    let s = signed_bundle();
    assert_every_change_refused(&s, "report.json", &[0x01, 0x02, 0x20, 0x40, 0x80, 0xff]);
}

#[test]
fn extra_deleted_and_changed_files_are_refused() {
    let s = signed_bundle();
    let trust = pubkey_arg(&s);
    let t = [trust[0].as_str(), trust[1].as_str()];

    std::fs::write(s.bundle.join("evidence/extra.txt"), "x").unwrap();
    let (code, json) = verify_json(&[&s.bundle], &t);
    assert_eq!(
        (code, codes(&json, 0)),
        (3, vec!["file-extra".to_owned(), UNTRUSTED.to_owned()])
    );
    std::fs::remove_file(s.bundle.join("evidence/extra.txt")).unwrap();

    std::fs::write(
        s.bundle.join("evidence/backup-log.txt"),
        "2025-10-01 backup FAILED\n",
    )
    .unwrap();
    let (code, json) = verify_json(&[&s.bundle], &t);
    assert_eq!(
        (code, codes(&json, 0)),
        (3, vec!["file-changed".to_owned(), UNTRUSTED.to_owned()])
    );

    std::fs::remove_file(s.bundle.join("evidence/backup-log.txt")).unwrap();
    let (code, json) = verify_json(&[&s.bundle], &t);
    assert_eq!(
        (code, codes(&json, 0)),
        (3, vec!["file-missing".to_owned(), UNTRUSTED.to_owned()])
    );

    std::fs::remove_file(s.bundle.join("MANIFEST.sha256.minisig")).unwrap();
    let (code, json) = verify_json(&[&s.bundle], &t);
    assert_eq!(code, 3);
    assert!(codes(&json, 0).contains(&"signature-missing".to_owned()));
}

#[cfg(unix)]
#[test]
fn symlinks_are_refused_when_signing_and_verifying() {
    let s = signed_bundle();
    std::os::unix::fs::symlink("/etc/hostname", s.bundle.join("evidence/link")).unwrap();
    let trust = pubkey_arg(&s);
    let (code, json) = verify_json(&[&s.bundle], &[&trust[0], &trust[1]]);
    assert_eq!(
        (code, codes(&json, 0)),
        (3, vec!["file-unsafe".to_owned(), UNTRUSTED.to_owned()])
    );
    let out = medsec()
        .arg("sign")
        .arg(&s.bundle)
        .arg("--key")
        .arg(&s.key)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("symbolic link"),
        "{}",
        stderr_of(&out)
    );
}

/// A bundle's report.html that is a FIFO or a link is not rewritten before signing (the page
/// states the signature): `sign` neither waits on the FIFO for a writer nor writes through
/// the link to a file outside the bundle; it refuses either, as the manifest refuses them.
#[cfg(unix)]
#[test]
fn a_page_that_is_a_fifo_or_a_link_is_refused_without_waiting_or_writing_through() {
    let s = signed_bundle();
    let page = s.bundle.join("report.html");
    let sign = || {
        let started = std::time::Instant::now();
        let out = medsec()
            .arg("sign")
            .arg(&s.bundle)
            .arg("--key")
            .arg(&s.key)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert!(
            started.elapsed() < std::time::Duration::from_secs(15),
            "sign waited"
        );
        (out.status.code(), stderr_of(&out))
    };
    let c = std::ffi::CString::new(page.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let (code, err) = sign();
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("report.html") && err.contains("not a regular file"),
        "{err}"
    );
    std::fs::remove_file(&page).unwrap();
    let outside = s.root.join("outside.html");
    std::fs::write(&outside, "<p>not the bundle's</p>\n").unwrap();
    // Written through, the file would be replaced and put back: a new modification time.
    let old_time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&outside)
        .unwrap()
        .set_modified(old_time)
        .unwrap();
    std::os::unix::fs::symlink(&outside, &page).unwrap();
    let (code, err) = sign();
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(
        std::fs::metadata(&outside).unwrap().modified().unwrap(),
        old_time,
        "written through"
    );
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "<p>not the bundle's</p>\n"
    );
}

/// A file or folder `sign` refuses is named as a path of the platform: on Windows
/// `bundle\deep\d\…`, never the bundle's `/` joined to the folder (docs/windows.md, Paths).
#[test]
fn a_folder_sign_cannot_read_is_named_in_the_platforms_form() {
    let s = signed_bundle();
    let mut deep = s.bundle.join("deep");
    for _ in 0..70 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    let out = medsec()
        .args(["--lang", "en", "sign"])
        .arg(&s.bundle)
        .arg("--key")
        .arg(&s.key)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let sep = std::path::MAIN_SEPARATOR;
    let named = format!("{}{sep}deep{sep}d{sep}d{sep}", s.bundle.display());
    assert!(err.contains(&named), "{named} in: {err}");
    assert!(err.contains("folders deep; not read"), "{err}");
}

#[test]
fn wrong_untrusted_and_unknown_keys_are_refused() {
    let s = signed_bundle();
    keygen(&s.root.join("other"));
    let other = s.root.join("other.pub");
    let (code, json) = verify_json(&[&s.bundle], &["--pubkey", other.to_str().unwrap()]);
    assert_eq!(
        (code, codes(&json, 0)),
        (3, vec!["key-wrong".to_owned(), UNTRUSTED.to_owned()])
    );

    let b64 = |p: &Path| {
        std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .nth(1)
            .unwrap()
            .to_owned()
    };
    let keys = s.root.join("keys.toml");
    // The hospital's key is listed, but for another institution.
    std::fs::write(
        &keys,
        format!(
            "format_version = 1\n[institutions.0110113720]\nkeys = [\"{}\"]\n[institutions.{HOSPITAL}]\nname = \"札幌中央病院\"\nkeys = [\"{}\"]\n",
            b64(&s.pubkey),
            b64(&other)
        ),
    )
    .unwrap();
    let (code, json) = verify_json(&[&s.bundle], &["--trusted", keys.to_str().unwrap()]);
    assert_eq!(
        (code, codes(&json, 0)),
        (3, vec!["key-untrusted".to_owned(), UNTRUSTED.to_owned()])
    );

    std::fs::write(
        &keys,
        format!(
            "format_version = 1\n[vendors.\"X\"]\nkeys = [\"{}\"]\n",
            b64(&other)
        ),
    )
    .unwrap();
    let (code, json) = verify_json(&[&s.bundle], &["--trusted", keys.to_str().unwrap()]);
    assert_eq!(
        (code, codes(&json, 0)),
        (3, vec!["key-unknown".to_owned(), UNTRUSTED.to_owned()])
    );

    std::fs::write(
        &keys,
        format!(
            "format_version = 1\n[institutions.{HOSPITAL}]\nkeys = [\"{}\"]\n",
            b64(&s.pubkey)
        ),
    )
    .unwrap();
    let (code, _) = verify_json(&[&s.bundle], &["--trusted", keys.to_str().unwrap()]);
    assert_eq!(code, 0);
}

#[test]
fn last_years_and_another_institutions_reports() {
    let s = signed_bundle();
    let old = s.root.join("old");
    make_bundle(&old, HOSPITAL, 2024);
    sign(&old, &s.key);
    let trust = pubkey_arg(&s);
    let (code, json) = verify_json(&[&old], &[&trust[0], &trust[1]]);
    assert_eq!(
        (code, codes(&json, 0)),
        (
            1,
            vec![
                "fiscal-year-other".to_owned(),
                "no-probe-evidence".to_owned()
            ]
        )
    );

    let (code, json) = verify_json(
        &[&s.bundle],
        &[&trust[0], &trust[1], "--institution", "0110113720"],
    );
    // Genuine, but another institution's: said as such (no content-untrusted note), with the
    // institution it is for.
    assert_eq!(
        (code, codes(&json, 0)),
        (3, vec!["institution-mismatch".to_owned()])
    );
    assert_eq!(
        json["bundles"][0]["institution"]["code"], "0110113719",
        "{json}"
    );
}

#[test]
fn worst_code_wins_and_every_bundle_is_checked() {
    let s = signed_bundle();
    let old = s.root.join("old");
    make_bundle(&old, HOSPITAL, 2024);
    sign(&old, &s.key);
    let bad = s.root.join("bad");
    make_bundle(&bad, HOSPITAL, 2025);
    sign(&bad, &s.key);
    std::fs::write(
        bad.join("report.json"),
        report("0110113720", 2025, json!([])),
    )
    .unwrap();
    let trust = pubkey_arg(&s);
    let (code, json) = verify_json(&[&s.bundle, &old, &bad], &[&trust[0], &trust[1]]);
    assert_eq!(code, 3);
    let per: Vec<i64> = (0..3)
        .map(|i| json["bundles"][i]["exit_code"].as_i64().unwrap())
        .collect();
    assert_eq!(per, [0, 1, 3]);
    let (code, _) = verify_json(&[&s.bundle, &old], &[&trust[0], &trust[1]]);
    assert_eq!(code, 1);
    let missing = s.root.join("nowhere");
    let (code, json) = verify_json(&[&s.bundle, &missing], &[&trust[0], &trust[1]]);
    assert_eq!(
        (code, codes(&json, 1)),
        (2, vec!["bundle-unreadable".to_owned()])
    );
}

#[test]
fn findings_recorded_in_the_report_and_unknown_checklists() {
    let s = signed_bundle();
    // A recorded finding that the answers do not bear out: verify checks again, not trusts.
    let findings = json!([{"code": "unanswered", "severity": "error", "source": "status", "file": "institution.toml", "item": "security-manager", "round": 1, "message": "no answer"}]);
    std::fs::write(
        s.bundle.join("report.json"),
        report(HOSPITAL, 2025, findings.clone()),
    )
    .unwrap();
    sign(&s.bundle, &s.key);
    let trust = pubkey_arg(&s);
    let (code, json) = verify_json(&[&s.bundle], &[&trust[0], &trust[1]]);
    assert_eq!(
        (code, codes(&json, 0)),
        // A report made without probe evidence says so (a note).
        (
            1,
            vec![
                "no-probe-evidence".to_owned(),
                "findings-disagree".to_owned()
            ]
        )
    );
    assert_eq!(
        json["bundles"][0]["findings"][1]["item"],
        "security-manager"
    );

    // The answer really is missing and the report says so: the re-run agrees.
    let mut value: Value = serde_json::from_str(&report(HOSPITAL, 2025, findings)).unwrap();
    value["answers"]["answers"]["answers"]
        .as_array_mut()
        .unwrap()
        .pop();
    std::fs::write(
        s.bundle.join("report.json"),
        serde_json::to_string_pretty(&value).unwrap() + "\n",
    )
    .unwrap();
    sign(&s.bundle, &s.key);
    let (code, json) = verify_json(&[&s.bundle], &[&trust[0], &trust[1]]);
    assert_eq!(
        (code, codes(&json, 0)),
        (
            1,
            vec!["no-probe-evidence".to_owned(), "unanswered".to_owned()]
        )
    );

    // It is missing and the report hides it.
    value["findings"] = json!([]);
    std::fs::write(
        s.bundle.join("report.json"),
        serde_json::to_string_pretty(&value).unwrap() + "\n",
    )
    .unwrap();
    sign(&s.bundle, &s.key);
    let (code, json) = verify_json(&[&s.bundle], &[&trust[0], &trust[1]]);
    assert_eq!(
        (code, codes(&json, 0)),
        (
            1,
            vec![
                "no-probe-evidence".to_owned(),
                "unanswered".to_owned(),
                "findings-disagree".to_owned()
            ]
        )
    );

    // Without the checklist file, its digest is unknown: an integrity failure.
    let out = medsec()
        .args(["verify", "--as-of", AS_OF, "--format", "json", "--pubkey"])
        .arg(&s.pubkey)
        .arg(&s.bundle)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stdout_of(&out).contains("checklist-unknown"));
}

#[test]
fn keygen_protects_the_secret_key() {
    let tmp = tempfile::tempdir().unwrap();
    let name = tmp.path().join("hospital");
    let out = medsec()
        .arg("keygen")
        .arg("--out")
        .arg(&name)
        .args(["--passphrase-env", "MEDSEC_TEST_PASS"])
        .env("MEDSEC_TEST_PASS", "correct horse battery")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let secret = std::fs::read_to_string(tmp.path().join("hospital.key")).unwrap();
    let b64 = secret.lines().nth(1).unwrap();
    assert!(!stdout_of(&out).contains(b64) && !stderr_of(&out).contains(b64));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(tmp.path().join("hospital.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Never overwritten without --force.
    let again = medsec()
        .arg("keygen")
        .arg("--out")
        .arg(&name)
        .arg("--unencrypted")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr_of(&again).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("hospital.key")).unwrap(),
        secret
    );
    // --unencrypted warns.
    let forced = medsec()
        .arg("keygen")
        .arg("--out")
        .arg(&name)
        .args(["--unencrypted", "--force"])
        .output()
        .unwrap();
    assert!(forced.status.success());
    assert!(stderr_of(&forced).contains("not encrypted"));
    // No terminal and no --passphrase-env: a clear error, nothing written.
    let other = tmp.path().join("other");
    let out = medsec()
        .arg("keygen")
        .arg("--out")
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("--passphrase-env"),
        "{}",
        stderr_of(&out)
    );
    assert!(!tmp.path().join("other.key").exists());
}

#[test]
fn encrypted_key_with_wrong_passphrase_cannot_sign() {
    let tmp = tempfile::tempdir().unwrap();
    let name = tmp.path().join("hospital");
    let out = medsec()
        .arg("keygen")
        .arg("--out")
        .arg(&name)
        .args(["--passphrase-env", "P"])
        .env("P", "right passphrase")
        .output()
        .unwrap();
    assert!(out.status.success());
    let bundle = tmp.path().join("bundle");
    make_bundle(&bundle, HOSPITAL, 2025);
    let run = |pass: &str| {
        medsec()
            .arg("sign")
            .arg(&bundle)
            .arg("--key")
            .arg(tmp.path().join("hospital.key"))
            .args(["--passphrase-env", "P"])
            .env("P", pass)
            .output()
            .unwrap()
    };
    let out = run("wrong passphrase");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("wrong passphrase"),
        "{}",
        stderr_of(&out)
    );
    assert!(!bundle.join("MANIFEST.sha256.minisig").exists());
    let out = run("right passphrase");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let pubkey = tmp.path().join("hospital.pub");
    let (code, _) = verify_json(&[&bundle], &["--pubkey", pubkey.to_str().unwrap()]);
    assert_eq!(code, 0);
}

/// The stock minisign tool, or None (skip) outside CI.
#[allow(clippy::print_stderr)]
fn minisign() -> Option<()> {
    let found = Process::new("minisign").arg("-v").output().is_ok();
    if !found {
        assert!(
            !in_ci(),
            "minisign is not installed (CI installs it from Debian's packages)"
        );
        eprintln!("skipped: minisign is not installed (apt-get install -y minisign)");
        return None;
    }
    Some(())
}

#[test]
fn stock_minisign_and_sha256sum_verify_our_bundles() {
    if minisign().is_none() {
        return;
    }
    let s = signed_bundle();
    let out = Process::new("minisign")
        .args(["-Vm", "MANIFEST.sha256", "-p"])
        .arg(&s.pubkey)
        .current_dir(&s.bundle)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    assert!(
        stdout_of(&out).contains(&format!("institution:{HOSPITAL}")),
        "{}",
        stdout_of(&out)
    );
    let out = Process::new("sha256sum")
        .args(["-c", "MANIFEST.sha256"])
        .current_dir(&s.bundle)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    // And the stock tools notice tampering too.
    std::fs::write(s.bundle.join("report.json"), "{}").unwrap();
    let out = Process::new("sha256sum")
        .args(["-c", "MANIFEST.sha256"])
        .current_dir(&s.bundle)
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn we_verify_signatures_made_by_stock_minisign() {
    if minisign().is_none() {
        return;
    }
    let s = signed_bundle();
    let mkey = s.root.join("minisign.key");
    let mpub = s.root.join("minisign.pub");
    let out = Process::new("minisign")
        .args(["-G", "-W", "-p"])
        .arg(&mpub)
        .arg("-s")
        .arg(&mkey)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let ours = std::fs::read_to_string(s.bundle.join("MANIFEST.sha256.minisig")).unwrap();
    let comment = ours
        .lines()
        .nth(2)
        .unwrap()
        .trim_start_matches("trusted comment: ")
        .to_owned();
    let msign = |extra: &[&str]| {
        let out = Process::new("minisign")
            .args(["-S", "-s"])
            .arg(&mkey)
            .args(["-m", "MANIFEST.sha256"])
            .args(extra)
            .current_dir(&s.bundle)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    };
    // With medsec's trusted comment, the bundle is fully valid.
    msign(&["-t", &comment]);
    let (code, json) = verify_json(&[&s.bundle], &["--pubkey", mpub.to_str().unwrap()]);
    assert_eq!(code, 0, "{json:#}");
    // With minisign's default comment, the signature holds but the comment says nothing.
    msign(&[]);
    let (code, json) = verify_json(&[&s.bundle], &["--pubkey", mpub.to_str().unwrap()]);
    assert_eq!(
        (code, codes(&json, 0)),
        (
            1,
            vec![
                "trusted-comment-plain".to_owned(),
                "no-probe-evidence".to_owned()
            ]
        )
    );
    // Our key does not verify minisign's signature.
    let (code, json) = verify_json(&[&s.bundle], &["--pubkey", s.pubkey.to_str().unwrap()]);
    assert_eq!(
        (code, codes(&json, 0)),
        (3, vec!["key-wrong".to_owned(), UNTRUSTED.to_owned()])
    );
    // medsec signs with a key made by minisign.
    sign(&s.bundle, &mkey);
    let (code, _) = verify_json(&[&s.bundle], &["--pubkey", mpub.to_str().unwrap()]);
    assert_eq!(code, 0);
}

#[test]
fn bad_trusted_keys_file_is_unusable_input() {
    let s = signed_bundle();
    let keys = s.root.join("keys.toml");
    std::fs::write(
        &keys,
        "format_version = 1\n[institutions.0110113719]\nkeys = [\"nope\"]\n",
    )
    .unwrap();
    let out = medsec()
        .arg("verify")
        .arg(&s.bundle)
        .arg("--trusted")
        .arg(&keys)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("keys.toml:3:9"),
        "{}",
        stderr_of(&out)
    );
    let out = medsec().arg("verify").arg(&s.bundle).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
