//! Hostile bundles: what a sender holding a trusted key (or none) can put in a bundle, and
//! what `medsec verify` makes of it. Every attack ends in a finding with its exit code: no
//! hang, no file opened outside the bundle, nothing hidden behind what could not be read.

use crate::common;

use common::bundle::{codes, has, report_value, signed, verify, write_report, HOSPITAL};
#[cfg(unix)]
use common::bundle::{pubkey, write_bundle};
use common::medsec;
use serde_json::{json, Value};
#[cfg(unix)]
use std::path::Path;

/// The report with a vendor form entry (a copy of the institution's form) naming files.
fn with_vendor_form(bundled: Option<&str>, signature: Option<&str>) -> Value {
    let mut r = report_value(HOSPITAL, 2025);
    let mut form = r["answers"].clone();
    form["file"] = json!("vendor-a.toml");
    if let Some(b) = bundled {
        form["bundled"] = json!(b);
    }
    if let Some(s) = signature {
        form["signature"] = json!(s);
    }
    r["vendor_forms"] = json!([form]);
    r
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn names_outside_the_bundle_are_refused_not_opened() {
    // Every field of report.json that names a file, with every kind of name that is not a
    // relative path inside the bundle.
    for name in [
        "/etc/passwd",
        "/dev/zero",
        "/dev/stdin",
        "../outside.toml",
        "vendor-forms/../../outside.toml",
        "./report.json",
        "vendor-forms//a.toml",
        "C:\\Windows\\win.ini",
        "vendor-forms/a\u{1b}[2J.toml",
    ] {
        for field in [
            "vendor-bundled",
            "vendor-signature",
            "answers-bundled",
            "evidence",
        ] {
            let mut r = match field {
                "vendor-bundled" => with_vendor_form(Some(name), None),
                "vendor-signature" => with_vendor_form(Some("evidence/backup-log.txt"), Some(name)),
                _ => report_value(HOSPITAL, 2025),
            };
            match field {
                "answers-bundled" => r["answers"]["bundled"] = json!(name),
                "evidence" => {
                    r["evidence"] = json!([{"path": name, "sha256": "0".repeat(64), "size": 1}])
                }
                _ => {}
            }
            let s = signed(&r);
            let (code, json) = s.verify_json();
            let c = codes(&json, 0);
            assert_eq!(code, 3, "{field} = {name:?}: {json:#}");
            assert!(has(&c, "report-path-unsafe"), "{field} = {name:?}: {c:?}");
            assert!(has(&c, "content-untrusted"), "{field} = {name:?}: {c:?}");
            let text = json.to_string();
            assert!(!text.contains("root:x:0"), "/etc/passwd was read: {text}");
        }
    }
}

#[test]
fn names_the_signed_manifest_does_not_list_are_refused() {
    for (r, expected) in [
        (
            with_vendor_form(Some("vendor-forms/absent.toml"), None),
            "vendor-form-missing",
        ),
        (
            with_vendor_form(
                Some("evidence/backup-log.txt"),
                Some("vendor-forms/absent.toml.minisig"),
            ),
            "vendor-signature-missing",
        ),
        (
            {
                let mut r = report_value(HOSPITAL, 2025);
                r["evidence"] =
                    json!([{"path": "evidence/absent.txt", "sha256": "0".repeat(64), "size": 1}]);
                r
            },
            "report-path-unlisted",
        ),
        (
            {
                let mut r = report_value(HOSPITAL, 2025);
                r["answers"]["signature"] = json!("MANIFEST.sha256.minisig");
                r
            },
            "report-path-unlisted",
        ),
    ] {
        let s = signed(&r);
        let (code, json) = s.verify_json();
        let c = codes(&json, 0);
        assert_eq!(code, 3, "{expected}: {json:#}");
        assert!(has(&c, expected), "{expected}: {c:?}");
    }
}

#[test]
fn an_attached_files_recorded_digest_must_be_the_manifests() {
    let mut r = report_value(HOSPITAL, 2025);
    r["evidence"] =
        json!([{"path": "evidence/backup-log.txt", "sha256": "0".repeat(64), "size": 21}]);
    let s = signed(&r);
    let (code, json) = s.verify_json();
    assert_eq!(code, 3, "{json:#}");
    assert!(has(&codes(&json, 0), "evidence-digest-mismatch"));
    // With the right digest the same bundle is valid.
    let digest = medsec::signing::manifest::sha256_bytes(b"2025-10-01 backup ok\n");
    r["evidence"][0]["sha256"] = json!(digest);
    write_report(&s.bundle, &r);
    s.key.sign_bundle(&s.bundle, None);
    let (code, json) = s.verify_json();
    assert_eq!(code, 0, "{json:#}");
}

#[cfg(unix)]
#[test]
fn special_files_named_by_the_report_never_block() {
    // A FIFO where the vendor form should be: unlisted, then listed in a signed manifest.
    let s = signed(&with_vendor_form(Some("vendor-forms/p"), None));
    std::fs::create_dir_all(s.bundle.join("vendor-forms")).unwrap();
    mkfifo(&s.bundle.join("vendor-forms/p"));
    let (code, json) = s.verify_json();
    let c = codes(&json, 0);
    assert_eq!(code, 3, "{json:#}");
    assert!(
        has(&c, "file-unsafe") && has(&c, "vendor-form-missing"),
        "{c:?}"
    );

    let mut manifest = std::fs::read_to_string(s.bundle.join("MANIFEST.sha256")).unwrap();
    manifest.push_str(&format!("{}  vendor-forms/p\n", "0".repeat(64)));
    let comment = common::bundle::comment_for(&s.bundle, None);
    s.key.sign_manifest(&s.bundle, &manifest, &comment);
    let (code, json) = s.verify_json();
    assert_eq!(code, 3, "{json:#}");
    assert!(has(&codes(&json, 0), "file-unsafe"), "{json:#}");

    // A symbolic link to /etc/passwd, and one to /dev/zero, named as the vendor form.
    for target in ["/etc/passwd", "/dev/zero"] {
        let s = signed(&with_vendor_form(Some("vendor-forms/link"), None));
        std::fs::create_dir_all(s.bundle.join("vendor-forms")).unwrap();
        std::os::unix::fs::symlink(target, s.bundle.join("vendor-forms/link")).unwrap();
        let (code, json) = s.verify_json();
        let c = codes(&json, 0);
        assert_eq!(code, 3, "{json:#}");
        assert!(has(&c, "file-unsafe"), "{c:?}");
        assert!(!json.to_string().contains("root:x:0"));
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_in_one_bundle_does_not_stop_a_batch() {
    let good = signed(&report_value(HOSPITAL, 2025));
    let hostile = good.root.join("hostile");
    write_bundle(&hostile, &with_vendor_form(Some("vendor-forms/p"), None));
    good.key.sign_bundle(&hostile, None);
    std::fs::create_dir_all(hostile.join("vendor-forms")).unwrap();
    mkfifo(&hostile.join("vendor-forms/p"));
    // A FIFO standing in for report.json and for the manifest too.
    let fifo_report = good.root.join("fifo-report");
    write_bundle(&fifo_report, &report_value(HOSPITAL, 2025));
    good.key.sign_bundle(&fifo_report, None);
    std::fs::remove_file(fifo_report.join("report.json")).unwrap();
    mkfifo(&fifo_report.join("report.json"));
    let fifo_manifest = good.root.join("fifo-manifest");
    write_bundle(&fifo_manifest, &report_value(HOSPITAL, 2025));
    good.key.sign_bundle(&fifo_manifest, None);
    std::fs::remove_file(fifo_manifest.join("MANIFEST.sha256")).unwrap();
    mkfifo(&fifo_manifest.join("MANIFEST.sha256"));

    let dirs = [
        &good.bundle,
        &hostile,
        &good.bundle,
        &fifo_report,
        &fifo_manifest,
    ];
    let dirs: Vec<&Path> = dirs.iter().map(|p| p.as_path()).collect();
    let (code, json) = verify(&dirs, &pubkey(&good.key.public));
    assert_eq!(code, 3, "{json:#}");
    // The good bundle named twice is checked once (a bundle is one row however often named).
    let per: Vec<i64> = (0..4)
        .map(|i| json["bundles"][i]["exit_code"].as_i64().unwrap_or(-1))
        .collect();
    assert_eq!(per, [0, 3, 3, 3], "{json:#}");
    assert_eq!(
        json["bundles"].as_array().map(Vec::len),
        Some(4),
        "{json:#}"
    );
    assert!(has(&codes(&json, 2), "file-unsafe"));
    assert!(has(&codes(&json, 3), "file-unsafe"));
}

#[test]
fn a_tampered_bundle_shows_no_content_only_that_it_is_untrusted() {
    // A report whose re-run would find something (an unanswered item).
    let mut r = report_value(HOSPITAL, 2025);
    r["answers"]["answers"]["answers"][0]["response"] = json!(null);
    let s = signed(&r);
    let (code, json) = s.verify_json();
    assert_eq!(code, 1, "{json:#}");
    assert!(json["bundles"][0]["institution"].is_object());

    std::fs::write(s.bundle.join("evidence/backup-log.txt"), "changed\n").unwrap();
    let (code, json) = s.verify_json();
    assert_eq!(code, 3);
    assert_eq!(
        codes(&json, 0),
        ["file-changed", "content-untrusted"],
        "{json:#}"
    );
    assert!(json["bundles"][0].get("institution").is_none(), "{json:#}");

    // signature-invalid: the manifest changed under a valid signature.
    std::fs::write(
        s.bundle.join("evidence/backup-log.txt"),
        "2025-10-01 backup ok\n",
    )
    .unwrap();
    let manifest = std::fs::read_to_string(s.bundle.join("MANIFEST.sha256")).unwrap();
    std::fs::write(
        s.bundle.join("MANIFEST.sha256"),
        manifest.replace("  ", " *"),
    )
    .unwrap();
    let (code, json) = s.verify_json();
    assert_eq!(code, 3);
    assert_eq!(
        codes(&json, 0),
        ["signature-invalid", "content-untrusted"],
        "{json:#}"
    );

    // Said once, in the inspector's language, in the table.
    let out = medsec()
        .args(common::bundle::checklist_args())
        .args([
            "--lang",
            "ja",
            "verify",
            "--as-of",
            "2025-11-01",
            "--pubkey",
        ])
        .arg(&s.key.public)
        .arg(&s.bundle)
        .output()
        .unwrap();
    let text = common::stdout_of(&out);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(text.matches("content-untrusted").count(), 1, "{text}");
    assert!(
        text.contains("`report.json`の内容は信頼できません"),
        "{text}"
    );
    assert!(
        text.contains("署名が`MANIFEST.sha256`と一致しません"),
        "{text}"
    );
    assert!(!text.contains("unanswered"), "{text}");
}

/// Run verify as an unprivileged user when the tests run as root (CI), so that permissions
/// apply; the folders it reads are opened to everyone first.
#[cfg(unix)]
fn verify_unprivileged(root: &Path, bundle: &Path, key: &Path) -> (i32, Value) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let is_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    if !is_root {
        return verify(&[bundle], &pubkey(key));
    }
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
        .arg(assert_cmd::cargo::cargo_bin("medsec"))
        .args(common::bundle::checklist_args())
        .arg("verify")
        .arg(bundle)
        .arg("--pubkey")
        .arg(key)
        .args(["--as-of", "2025-11-01", "--format", "json"])
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .current_dir(common::root())
        .output()
        .expect("setpriv (util-linux) runs the test as nobody");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            common::stdout_of(&out),
            common::stderr_of(&out)
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_does_not_hide_a_changed_file() {
    use std::os::unix::fs::PermissionsExt;
    let s = signed(&report_value(HOSPITAL, 2025));
    let locked = s.bundle.join("evidence/locked");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::write(locked.join("inside.txt"), "x").unwrap();
    s.key.sign_bundle(&s.bundle, None);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();

    let (code, json) = verify_unprivileged(&s.root, &s.bundle, &s.key.public);
    let c = codes(&json, 0);
    assert_eq!(code, 2, "{json:#}");
    assert!(has(&c, "file-unreadable"), "{c:?}");
    assert!(
        !has(&c, "file-missing"),
        "a file in an unreadable folder is not missing: {c:?}"
    );

    std::fs::write(s.bundle.join("evidence/backup-log.txt"), "changed\n").unwrap();
    let (code, json) = verify_unprivileged(&s.root, &s.bundle, &s.key.public);
    let c = codes(&json, 0);
    assert_eq!(code, 3, "{json:#}");
    assert!(
        has(&c, "file-changed") && has(&c, "file-unreadable"),
        "{c:?}"
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_very_deep_folder_does_not_hide_a_changed_file() {
    let s = signed(&report_value(HOSPITAL, 2025));
    // 3,000 folders deep: deeper than a path may be spelt, so made one `cd` at a time.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("chunk=$(printf 'd/%.0s' $(seq 1000)); cd \"$1\" && for i in 1 2 3; do mkdir -p \"$chunk\" && cd -P \"$chunk\" || exit 1; done; echo x > f")
        .arg("sh")
        .arg(s.bundle.join("evidence"))
        .status()
        .unwrap();
    assert!(status.success());
    let (code, json) = s.verify_json();
    let c = codes(&json, 0);
    assert_eq!(code, 2, "{json:#}");
    assert!(has(&c, "file-unreadable"), "{c:?}");

    std::fs::write(s.bundle.join("evidence/backup-log.txt"), "changed\n").unwrap();
    let (code, json) = s.verify_json();
    let c = codes(&json, 0);
    assert_eq!(code, 3, "{json:#}");
    assert!(
        has(&c, "file-changed") && has(&c, "file-unreadable"),
        "{c:?}"
    );
}

#[test]
fn a_report_larger_than_the_limit_is_not_read() {
    let s = signed(&report_value(HOSPITAL, 2025));
    // Sparse: 300 MiB that take no space; the manifest's hash no longer matches, but the
    // size alone stops verify before it reads or hashes anything.
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(s.bundle.join("report.json"))
        .unwrap();
    f.set_len(300 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let (code, json) = s.verify_json();
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert_eq!(
        (code, codes(&json, 0)),
        (2, vec!["file-too-large".to_owned()])
    );
    // The message gives the file's size and the limit, as bytes.
    let message = json["bundles"][0]["findings"][0]["message"]
        .as_str()
        .unwrap();
    let limit = medsec::signing::verify::MAX_REPORT_BYTES.to_string();
    assert!(message.contains("314572800"), "{message}");
    assert!(message.contains(&limit), "{message}");
}

#[test]
fn a_vendor_form_larger_than_the_limit_is_not_read() {
    let setup = common::bundle::vendor_bundle();
    let form = setup.bundle.join("vendor-forms/vendor-a.toml");
    let mut text = std::fs::read_to_string(&form).unwrap();
    text.push_str(&format!("# {}\n", "x".repeat(2 * 1024 * 1024)));
    std::fs::write(&form, text).unwrap();
    setup.resign();
    let (code, json) = verify(&[&setup.bundle], &setup.trusted());
    let c = codes(&json, 0);
    assert_eq!(code, 2, "{c:?}");
    assert!(has(&c, "file-too-large"), "{c:?}");
}

#[cfg(unix)]
#[test]
fn sockets_and_links_to_folders_are_refused() {
    let s = signed(&report_value(HOSPITAL, 2025));
    let _listener =
        std::os::unix::net::UnixListener::bind(s.bundle.join("evidence/socket")).unwrap();
    std::os::unix::fs::symlink("/etc", s.bundle.join("evidence/etc")).unwrap();
    let (code, json) = s.verify_json();
    let c = codes(&json, 0);
    assert_eq!(code, 3, "{json:#}");
    assert_eq!(c.iter().filter(|c| *c == "file-unsafe").count(), 2, "{c:?}");
    assert!(!json.to_string().contains("passwd"), "{json}");
}

/// A socket standing in for the manifest is refused as no regular file (`file-unsafe`, exit
/// 3), as a FIFO, a link or a folder there are: known by its entry in the folder before any
/// open (a socket cannot be opened at all, which would be said as unreadable, exit 2).
#[cfg(unix)]
#[test]
fn a_socket_in_place_of_the_manifest_is_refused_not_unreadable() {
    let s = signed(&report_value(HOSPITAL, 2025));
    let manifest = s.bundle.join("MANIFEST.sha256");
    std::fs::remove_file(&manifest).unwrap();
    let _listener = std::os::unix::net::UnixListener::bind(&manifest).unwrap();
    let (code, json) = s.verify_json();
    let unsafe_files: Vec<&str> = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "file-unsafe")
        .filter_map(|f| f["file"].as_str())
        .collect();
    assert_eq!(unsafe_files, ["MANIFEST.sha256"], "{json:#}");
    assert!(!has(&codes(&json, 0), "file-unreadable"), "{json:#}");
    assert_eq!(code, 3, "{json:#}");
}
