//! Each verify finding triggered through the binary, with its exit code; vendor forms whose
//! signature is missing or does not say what the form says; the worst code across bundles.

use crate::common;

use common::bundle::{
    checklist_ref, codes, has, pubkey, report_value, signed, vendor_bundle, verify, write_bundle,
    write_report, TestKey, HOSPITAL, VENDOR,
};
use serde_json::{json, Value};

#[test]
fn trusted_comment_naming_another_institution() {
    let s = signed(&report_value(HOSPITAL, 2025));
    assert_eq!(s.verify_codes().0, 0);
    s.key.sign_bundle(&s.bundle, Some("9999999999"));
    let (code, c) = s.verify_codes();
    assert_eq!(code, 3, "{c:?}");
    assert!(has(&c, "trusted-comment-mismatch"), "{c:?}");
}

#[test]
fn checklist_digest_of_another_edition() {
    let mut r = report_value(HOSPITAL, 2025);
    r["checklist"]["digest"] = checklist_ref("signing/checklist-fy2024.toml")["digest"].clone();
    let (code, c) = signed(&r).verify_codes();
    assert_eq!(code, 3, "{c:?}");
    assert!(has(&c, "checklist-mismatch"), "{c:?}");
}

#[test]
fn report_for_another_year_than_its_checklist() {
    let mut r = report_value(HOSPITAL, 2025);
    r["fiscal_year"] = json!(2024);
    let (code, c) = signed(&r).verify_codes();
    assert_eq!(code, 1, "{c:?}");
    assert!(has(&c, "checklist-other-year"), "{c:?}");
}

/// A report whose checklist the bundle also carries, though the inspector knows it already:
/// the checklist is checked once (by trust, with the inspector's own), not again once content
/// has read the carried copy, so its finding is said once.
#[test]
fn a_carried_checklist_the_inspector_knows_is_checked_once() {
    let mut r = report_value(HOSPITAL, 2025);
    r["fiscal_year"] = json!(2024);
    let name = "checklists/test-fy2025.toml";
    r["checklist"]["file"] = json!(name);
    let s = signed(&r);
    std::fs::create_dir_all(s.bundle.join("checklists")).unwrap();
    std::fs::copy(
        common::fixture("signing/checklist-fy2025.toml"),
        s.bundle.join(name),
    )
    .unwrap();
    s.key.sign_bundle(&s.bundle, None);
    let (code, c) = s.verify_codes();
    assert_eq!(code, 1, "{c:?}");
    let n = c.iter().filter(|c| *c == "checklist-other-year").count();
    assert_eq!(n, 1, "{c:?}");
}

/// Warnings the report records: one the re-run finds again (a date checked before the fiscal
/// year) is shown once, from the re-run; one only the report can know (`evidence-missing`: the
/// re-run cannot look at the signer's disk) is shown once, as recorded. Neither is dropped or
/// doubled, though both are about the same item of the same file.
#[test]
fn recorded_warnings_are_shown_once_each() {
    let mut r = report_value(HOSPITAL, 2025);
    r["answers"]["answers"]["answers"][1]["checked_on"] = json!("2025-03-01");
    let warning = |code: &str| {
        json!({
            "code": code, "severity": "warning", "source": "status",
            "file": "institution.toml", "item": "security-manager", "round": 1,
            "message": code
        })
    };
    r["findings"] = json!([
        warning("evidence-missing"),
        warning("checked-before-fiscal-year")
    ]);
    let (code, c) = signed(&r).verify_codes();
    assert_eq!(code, 0, "{c:?}");
    for warning in ["evidence-missing", "checked-before-fiscal-year"] {
        let n = c.iter().filter(|c| *c == warning).count();
        assert_eq!(n, 1, "{warning}: {c:?}");
    }
}

#[test]
fn manifest_missing_malformed_or_without_the_report() {
    let s = signed(&report_value(HOSPITAL, 2025));
    let comment = common::bundle::comment_for(&s.bundle, None);

    // A manifest signed by the trusted key that does not list report.json.
    let manifest = std::fs::read_to_string(s.bundle.join("MANIFEST.sha256")).unwrap();
    let without: String = manifest
        .lines()
        .filter(|l| !l.ends_with("  report.json"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::remove_file(s.bundle.join("report.json")).unwrap();
    s.key.sign_manifest(&s.bundle, &without, &comment);
    let (code, c) = s.verify_codes();
    assert_eq!(code, 3, "{c:?}");
    assert!(has(&c, "report-missing"), "{c:?}");

    // A signed manifest that is not in sha256sum's format.
    s.key.sign_manifest(&s.bundle, "not a manifest\n", &comment);
    let (code, c) = s.verify_codes();
    assert_eq!(code, 3, "{c:?}");
    assert!(has(&c, "manifest-malformed"), "{c:?}");

    std::fs::remove_file(s.bundle.join("MANIFEST.sha256")).unwrap();
    let (code, c) = s.verify_codes();
    assert_eq!(code, 3, "{c:?}");
    assert!(has(&c, "manifest-missing"), "{c:?}");
}

#[test]
fn evidence_named_but_not_attached() {
    let mut r = report_value(HOSPITAL, 2025);
    r["answers"]["answers"]["answers"][1]["evidence"] = json!(["evidence/appointment.txt"]);
    let (code, c) = signed(&r).verify_codes();
    assert_eq!(code, 1, "{c:?}");
    assert!(has(&c, "evidence-not-attached"), "{c:?}");
}

#[test]
fn a_bundle_that_is_a_file_is_unusable() {
    let s = signed(&report_value(HOSPITAL, 2025));
    let file = s.root.join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let (code, json) = verify(&[&file], &pubkey(&s.key.public));
    assert_eq!(code, 2);
    assert_eq!(codes(&json, 0), ["bundle-unreadable"]);
    // Verified as given (a root that is no folder), not walked as a folder that cannot be opened.
    assert_eq!(
        json["bundles"][0]["findings"][0]["message"], "not a folder",
        "{json}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_listed_file() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let s = signed(&report_value(HOSPITAL, 2025));
    let log = s.bundle.join("evidence/backup-log.txt");
    std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o000)).unwrap();
    let is_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let out = if is_root {
        // Permissions do not stop root: run verify as nobody (as CI runs the tests as root).
        std::fs::set_permissions(&s.root, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::process::Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
            .arg(assert_cmd::cargo::cargo_bin("medsec"))
            .args(common::bundle::checklist_args())
            .arg("verify")
            .arg(&s.bundle)
            .arg("--pubkey")
            .arg(&s.key.public)
            .args(["--as-of", "2025-11-01", "--format", "json"])
            .env("LANG", "C")
            .current_dir(common::root())
            .output()
            .expect("setpriv (util-linux) runs the test as nobody")
    } else {
        common::medsec()
            .args(common::bundle::checklist_args())
            .arg("verify")
            .arg(&s.bundle)
            .arg("--pubkey")
            .arg(&s.key.public)
            .args(["--as-of", "2025-11-01", "--format", "json"])
            .output()
            .unwrap()
    };
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", common::stderr_of(&out)));
    assert_eq!(out.status.code(), Some(2), "{json:#}");
    assert!(has(&codes(&json, 0), "file-unreadable"), "{json:#}");
    std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// verify run as a user whom permissions stop: as `nobody` when the tests run as root (as CI
/// runs them), since permissions do not stop root.
#[cfg(unix)]
fn verify_as_unprivileged(s: &common::bundle::Signed) -> (i32, Value) {
    verify_path_as_unprivileged(s, &s.bundle)
}

/// [`verify_as_unprivileged`] of `path` (a folder under `s.root`).
#[cfg(unix)]
fn verify_path_as_unprivileged(s: &common::bundle::Signed, path: &std::path::Path) -> (i32, Value) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let is_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let out = if is_root {
        std::fs::set_permissions(&s.root, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::process::Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
            .arg(assert_cmd::cargo::cargo_bin("medsec"))
            .args(common::bundle::checklist_args())
            .arg("verify")
            .arg(path)
            .arg("--pubkey")
            .arg(&s.key.public)
            .args(["--as-of", "2025-11-01", "--format", "json"])
            .env("LANG", "C")
            .current_dir(common::root())
            .output()
            .expect("setpriv (util-linux) runs the test as nobody")
    } else {
        common::medsec()
            .args(common::bundle::checklist_args())
            .arg("verify")
            .arg(path)
            .arg("--pubkey")
            .arg(&s.key.public)
            .args(["--as-of", "2025-11-01", "--format", "json"])
            .output()
            .unwrap()
    };
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", common::stderr_of(&out)));
    (out.status.code().unwrap_or(-1), json)
}

/// A manifest that is there but cannot be read is said as unreadable (exit 2), not as
/// missing (which would be an integrity failure, exit 3).
#[cfg(unix)]
#[test]
fn an_unreadable_manifest_is_not_called_missing() {
    use std::os::unix::fs::PermissionsExt;
    let s = signed(&report_value(HOSPITAL, 2025));
    let manifest = s.bundle.join("MANIFEST.sha256");
    std::fs::set_permissions(&manifest, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (code, json) = verify_as_unprivileged(&s);
    std::fs::set_permissions(&manifest, std::fs::Permissions::from_mode(0o644)).unwrap();
    let c = codes(&json, 0);
    assert_eq!(code, 2, "{json:#}");
    assert!(has(&c, "file-unreadable"), "{json:#}");
    assert!(!has(&c, "manifest-missing"), "{json:#}");
}

/// A folder given to verify that cannot be opened is said as such (`bundle-unreadable`, exit
/// 2), not verified as if it were a bundle whose files are all unreadable: only a root that is
/// no folder at all is verified as given.
#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_opened_is_said_not_verified_as_a_bundle() {
    use std::os::unix::fs::PermissionsExt;
    let s = signed(&report_value(HOSPITAL, 2025));
    let locked = s.root.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (code, json) = verify_path_as_unprivileged(&s, &locked);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 2, "{json:#}");
    assert_eq!(
        codes(&json, 0),
        vec!["bundle-unreadable".to_owned()],
        "{json:#}"
    );
}

/// A signature that is there but cannot be read is said as unreadable (exit 2), not as
/// missing (which would be an integrity failure, exit 3).
#[cfg(unix)]
#[test]
fn an_unreadable_signature_is_not_called_missing() {
    use std::os::unix::fs::PermissionsExt;
    let s = signed(&report_value(HOSPITAL, 2025));
    let signature = s.bundle.join("MANIFEST.sha256.minisig");
    std::fs::set_permissions(&signature, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (code, json) = verify_as_unprivileged(&s);
    std::fs::set_permissions(&signature, std::fs::Permissions::from_mode(0o644)).unwrap();
    let c = codes(&json, 0);
    assert_eq!(code, 2, "{json:#}");
    assert!(has(&c, "file-unreadable"), "{json:#}");
    assert!(!has(&c, "signature-missing"), "{json:#}");
    assert!(!has(&c, "no-bundle"), "{json:#}");
}

/// A bundle folder that can be listed but not searched (`r--`): its manifest and signature
/// cannot be read, and it is verified as the bundle it is (`file-unreadable`, exit 2), never
/// said to hold no bundle; its listing alone tells that it is one.
#[cfg(unix)]
#[test]
fn a_bundle_whose_files_cannot_be_looked_at_is_not_said_to_be_none() {
    use std::os::unix::fs::PermissionsExt;
    let s = signed(&report_value(HOSPITAL, 2025));
    std::fs::set_permissions(&s.bundle, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, json) = verify_as_unprivileged(&s);
    std::fs::set_permissions(&s.bundle, std::fs::Permissions::from_mode(0o755)).unwrap();
    let c = codes(&json, 0);
    assert_eq!(code, 2, "{json:#}");
    assert!(has(&c, "file-unreadable"), "{json:#}");
    for wrong in ["no-bundle", "manifest-missing", "signature-missing"] {
        assert!(!has(&c, wrong), "{wrong}: {json:#}");
    }
    let unreadable: Vec<&str> = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "file-unreadable")
        .filter_map(|f| f["file"].as_str())
        .collect();
    assert!(unreadable.contains(&"MANIFEST.sha256"), "{json:#}");
    assert!(unreadable.contains(&"MANIFEST.sha256.minisig"), "{json:#}");
}

/// A bundle folder that can be searched but not listed (`--x`): its files open by name, so it
/// is a bundle whose listing is refused, not "not a folder" (its metadata says it is one).
#[cfg(unix)]
#[test]
fn a_bundle_that_cannot_be_listed_is_still_a_folder() {
    use std::os::unix::fs::PermissionsExt;
    let s = signed(&report_value(HOSPITAL, 2025));
    std::fs::set_permissions(&s.bundle, std::fs::Permissions::from_mode(0o111)).unwrap();
    let (code, json) = verify_as_unprivileged(&s);
    std::fs::set_permissions(&s.bundle, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 2, "{json:#}");
    assert_eq!(codes(&json, 0), ["bundle-unreadable"], "{json:#}");
    let refused_listing = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["message"].as_str())
        .all(|m| m.contains("permission denied") && !m.contains("not a folder"));
    assert!(refused_listing, "{json:#}");
}

/// A folder of folders that can be listed but not searched (`r--`) and names no bundle file:
/// its files are passed by unlooked-at (a file is no bundle), and the folder in it, which
/// cannot be opened, is said once (`bundle-unreadable`, exit 2).
#[cfg(unix)]
#[test]
fn a_folder_that_can_be_listed_but_not_searched_says_only_its_folders() {
    use std::os::unix::fs::PermissionsExt;
    let s = signed(&report_value(HOSPITAL, 2025));
    let listed = s.root.join("listed");
    std::fs::create_dir_all(listed.join("inner")).unwrap();
    std::fs::write(listed.join("notes.txt"), "x").unwrap();
    std::fs::set_permissions(&listed, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, json) = verify_path_as_unprivileged(&s, &listed);
    std::fs::set_permissions(&listed, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 2, "{json:#}");
    let bundles = json["bundles"].as_array().unwrap();
    assert_eq!(bundles.len(), 1, "{json:#}");
    assert_eq!(codes(&json, 0), ["bundle-unreadable"], "{json:#}");
    assert!(
        bundles[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("inner")),
        "{json:#}"
    );
}

/// A report.json changed after signing is not read at all: nothing it says is looked at, not
/// even to say that it cannot be parsed or names another institution than `--institution`
/// (only `file-changed`, then `content-untrusted`).
#[test]
fn a_changed_report_json_is_not_read() {
    let s = signed(&report_value(HOSPITAL, 2025));
    let path = s.bundle.join("report.json");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"garbage");
    std::fs::write(&path, bytes).unwrap();
    let key = pubkey(&s.key.public);
    let (code, json) = verify(
        &[&s.bundle],
        &[key[0], key[1], "--institution", "9999999999"],
    );
    assert_eq!(code, 3, "{json:#}");
    assert_eq!(
        codes(&json, 0),
        ["file-changed", "content-untrusted"],
        "{json:#}"
    );
}

#[test]
fn the_worst_code_wins_in_any_order() {
    let valid = signed(&report_value(HOSPITAL, 2025));
    let key = pubkey(&valid.key.public);
    let missing = valid.root.join("nowhere");
    let tampered = valid.root.join("tampered");
    write_bundle(&tampered, &report_value(HOSPITAL, 2025));
    valid.key.sign_bundle(&tampered, None);
    std::fs::write(tampered.join("evidence/backup-log.txt"), "changed\n").unwrap();
    let old = valid.root.join("old");
    write_bundle(&old, &report_value(HOSPITAL, 2024));
    valid.key.sign_bundle(&old, None);
    let v = valid.bundle.as_path();
    for (dirs, expected) in [
        (vec![missing.as_path(), v], 2),
        (vec![v, missing.as_path()], 2),
        (vec![v, tampered.as_path()], 3),
        (vec![tampered.as_path(), v], 3),
        (vec![tampered.as_path(), missing.as_path()], 3),
        (vec![missing.as_path(), tampered.as_path()], 3),
        (vec![old.as_path(), v], 1),
        (vec![v, old.as_path()], 1),
        (vec![v, v], 0),
    ] {
        let (code, json) = verify(&dirs, &key);
        assert_eq!(code, expected, "{dirs:?}");
        assert_eq!(json["exit_code"], json!(expected), "{dirs:?}");
        // A bundle named twice is one result.
        let distinct = dirs.iter().collect::<std::collections::BTreeSet<_>>().len();
        assert_eq!(json["bundles"].as_array().map(Vec::len), Some(distinct));
    }
}

// Vendor forms.

fn vendor_codes(setup: &common::bundle::VendorSetup) -> (i32, Vec<String>) {
    let (code, json) = verify(&[&setup.bundle], &setup.trusted());
    (code, codes(&json, 0))
}

/// Change the vendor's name in the bundled form and in report.json alike.
fn rename_vendor(setup: &common::bundle::VendorSetup, to: &str) {
    let form = setup.bundle.join("vendor-forms/vendor-a.toml");
    let text = std::fs::read_to_string(&form).unwrap();
    std::fs::write(&form, text.replace(VENDOR, to)).unwrap();
    let mut report = setup.report();
    report["vendor_forms"][0]["answers"]["vendor"]["name"] = json!(to);
    write_report(&setup.bundle, &report);
}

#[test]
fn a_vendor_form_whose_signature_was_deleted_is_not_valid() {
    // The attack of the issue: change the form and report.json alike, delete the vendor's
    // signature, sign the bundle again with the hospital's trusted key.
    let setup = vendor_bundle();
    assert_eq!(vendor_codes(&setup).0, 0);
    rename_vendor(&setup, "株式会社ニセモノ");
    std::fs::remove_file(setup.bundle.join("vendor-forms/vendor-a.toml.minisig")).unwrap();
    setup.resign();
    let (code, c) = vendor_codes(&setup);
    assert_eq!(code, 3, "{c:?}");
    assert!(has(&c, "vendor-signature-missing"), "{c:?}");

    // report.json then also says the form is unsigned: an unsigned form, exit 1 at least.
    setup.change_report_and_resign(|r| {
        r["vendor_forms"][0]
            .as_object_mut()
            .unwrap()
            .remove("signature");
    });
    let (code, c) = vendor_codes(&setup);
    assert_eq!(code, 1, "{c:?}");
    assert!(has(&c, "vendor-form-unsigned"), "{c:?}");

    // report.json names a form the bundle does not hold.
    setup.change_report_and_resign(|r| {
        r["vendor_forms"][0]["bundled"] = json!("vendor-forms/elsewhere.toml");
    });
    let (code, c) = vendor_codes(&setup);
    assert_eq!(code, 3, "{c:?}");
    assert!(has(&c, "vendor-form-missing"), "{c:?}");
}

#[test]
fn a_signature_beside_the_form_is_checked_even_when_the_report_hides_it() {
    let setup = vendor_bundle();
    rename_vendor(&setup, "株式会社ニセモノ");
    let mut report = setup.report();
    report["vendor_forms"][0]
        .as_object_mut()
        .unwrap()
        .remove("signature");
    write_report(&setup.bundle, &report);
    setup.resign();
    let (code, c) = vendor_codes(&setup);
    assert_eq!(code, 3, "{c:?}");
    assert!(
        has(&c, "vendor-signature-invalid") || has(&c, "vendor-key-untrusted"),
        "{c:?}"
    );
}

#[test]
fn the_vendors_trusted_comment_must_name_the_form() {
    let setup = vendor_bundle();
    // A vendor key trusted for the vendor signs the form with a comment naming another
    // vendor, or another checklist.
    let vendor = TestKey::new(&setup.root, "vendor2");
    let line = std::fs::read_to_string(&vendor.public)
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .to_owned();
    let keys = std::fs::read_to_string(&setup.keys).unwrap();
    let keys = keys.replace(
        &format!("[vendors.\"{VENDOR}\"]\nkeys = [\""),
        &format!("[vendors.\"{VENDOR}\"]\nkeys = [\"{line}\", \""),
    );
    std::fs::write(&setup.keys, keys).unwrap();
    let form = setup.bundle.join("vendor-forms/vendor-a.toml");
    let bytes = std::fs::read(&form).unwrap();
    let sig = setup.bundle.join("vendor-forms/vendor-a.toml.minisig");
    let sign = |comment: &str| {
        std::fs::write(&sig, vendor.sign_bytes(&bytes, comment)).unwrap();
        setup.resign();
        vendor_codes(&setup)
    };
    let good = format!(
        "timestamp:1\tfile:vendor-a.toml\tmedsec-vendor-form:1\tvendor:{VENDOR}\tchecklist:test-vendor@fy2025"
    );
    let (code, c) = sign(&good);
    assert_eq!(code, 0, "{c:?}");
    assert!(!c.iter().any(|c| c.starts_with("vendor-")), "{c:?}");
    for bad in [
        "timestamp:1\tfile:vendor-a.toml\tmedsec-vendor-form:1\tvendor:別の事業者\tchecklist:test-vendor@fy2025".to_owned(),
        format!("timestamp:1\tfile:vendor-a.toml\tmedsec-vendor-form:1\tvendor:{VENDOR}\tchecklist:test-vendor@fy2024"),
        format!("timestamp:1\tmedsec-vendor-form:9\tvendor:{VENDOR}"),
    ] {
        let (code, c) = sign(&bad);
        assert_eq!(code, 3, "{bad}: {c:?}");
        assert!(has(&c, "vendor-comment-mismatch"), "{bad}: {c:?}");
    }
    let (code, c) = sign("timestamp:1\tfile:vendor-a.toml");
    assert_eq!(code, 1, "{c:?}");
    assert!(has(&c, "vendor-comment-plain"), "{c:?}");
}

#[test]
fn vendor_signatures_are_unchecked_with_only_pubkey() {
    let setup = vendor_bundle();
    let hospital_pub = setup.root.join("hospital.pub");
    let (code, json) = verify(&[&setup.bundle], &pubkey(&hospital_pub));
    let c = codes(&json, 0);
    assert_eq!(code, 0, "{c:?}");
    assert!(has(&c, "vendor-signature-unchecked"), "{c:?}");
}

#[test]
fn a_signature_that_is_not_minisigns_is_malformed() {
    let s = signed(&report_value(HOSPITAL, 2025));
    let sig = s.bundle.join("MANIFEST.sha256.minisig");
    let good = std::fs::read_to_string(&sig).unwrap();
    let other_comment = good.replacen(
        "untrusted comment: signature from",
        "untrusted comment: VERIFIED by",
        1,
    );
    let cases: [(&str, Vec<u8>); 3] = [
        ("not UTF-8", vec![0xff, 0xfe, 0x00, 0x41]),
        ("not a signature", b"hello\n".to_vec()),
        (
            "an untrusted comment medsec does not accept",
            other_comment.into_bytes(),
        ),
    ];
    for (what, bytes) in cases {
        std::fs::write(&sig, &bytes).unwrap();
        let (code, c) = s.verify_codes();
        assert_eq!(code, 3, "{what}: {c:?}");
        assert!(has(&c, "signature-malformed"), "{what}: {c:?}");
    }
}

#[test]
fn a_trusted_comment_that_names_medsec_but_lacks_its_fields_is_malformed() {
    let s = signed(&report_value(HOSPITAL, 2025));
    let manifest = std::fs::read_to_string(s.bundle.join("MANIFEST.sha256")).unwrap();
    s.key.sign_manifest(
        &s.bundle,
        &manifest,
        "timestamp:1764000000\tfile:MANIFEST.sha256\tmedsec-bundle:1",
    );
    let (code, c) = s.verify_codes();
    assert_eq!(code, 3, "{c:?}");
    assert!(has(&c, "trusted-comment-malformed"), "{c:?}");
}

#[test]
fn a_signed_report_with_a_time_that_is_not_rfc3339_is_unreadable() {
    let mut r = report_value(HOSPITAL, 2025);
    r["generated_at"] = json!("yesterday afternoon");
    let (code, c) = signed(&r).verify_codes();
    assert_eq!(code, 2, "{c:?}");
    assert!(has(&c, "report-unreadable"), "{c:?}");
}

/// The vendor findings of bundle 0 as (code, file, message), and the whole output.
fn vendor_findings(
    setup: &common::bundle::VendorSetup,
) -> (i32, Vec<(String, String, String)>, String) {
    let (code, json) = verify(&[&setup.bundle], &setup.trusted());
    let findings = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("vendor-"))
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (s("code"), s("file"), s("message"))
        })
        .collect();
    (code, findings, json.to_string())
}

#[test]
fn a_vendor_signature_that_does_not_match_names_the_vendor_form() {
    // The form changed after its vendor signed it (answers unchanged, so report.json agrees).
    let setup = vendor_bundle();
    let form = setup.bundle.join("vendor-forms/vendor-a.toml");
    let mut text = std::fs::read_to_string(&form).unwrap();
    text.push_str("# changed after signing\n");
    std::fs::write(&form, text).unwrap();
    setup.resign();
    let (code, findings, _) = vendor_findings(&setup);
    assert_eq!(code, 3, "{findings:?}");
    assert!(
        findings
            .iter()
            .any(|(c, _, _)| c == "vendor-signature-invalid"),
        "{findings:?}"
    );
    for (c, file, message) in &findings {
        assert!(
            file.starts_with("vendor-forms/vendor-a.toml"),
            "{c}: {file}"
        );
        assert!(
            message.contains("vendor-forms/vendor-a.toml"),
            "{c}: {message}"
        );
        assert!(!message.contains("MANIFEST"), "{c}: {message}");
    }
    // In Japanese too (the table: JSON is English whatever `--lang`).
    let out = common::medsec()
        .args(["--lang", "ja"])
        .args(common::bundle::checklist_args())
        .arg("verify")
        .arg(&setup.bundle)
        .args(setup.trusted())
        .args(["--as-of", common::bundle::AS_OF])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("事業者確認用`vendor-forms/vendor-a.toml`: 署名が`vendor-forms/vendor-a.toml`と一致しません"),
        "{text}"
    );
}

#[test]
fn the_vendor_is_the_one_the_signed_form_names_not_report_json() {
    // Only report.json names another vendor: the form and its signature are the vendor's.
    let setup = vendor_bundle();
    setup.change_report_and_resign(|r| {
        r["vendor_forms"][0]["answers"]["vendor"]["name"] = json!("FROM-REPORT-JSON");
    });
    let (code, findings, out) = vendor_findings(&setup);
    assert_eq!(code, 3, "{findings:?}");
    let codes: Vec<&str> = findings.iter().map(|(c, _, _)| c.as_str()).collect();
    assert_eq!(codes, ["vendor-form-mismatch"], "{findings:?}");
    assert!(findings[0].2.contains(VENDOR), "{findings:?}");
    assert!(!out.contains("FROM-REPORT-JSON"), "{out}");

    // A key keys.toml lists for another vendor is not trusted for the vendor the form names,
    // whatever report.json says.
    let keys = std::fs::read_to_string(&setup.keys).unwrap();
    std::fs::write(&setup.keys, keys.replace(VENDOR, "FROM-REPORT-JSON")).unwrap();
    let (code, findings, _) = vendor_findings(&setup);
    assert_eq!(code, 3, "{findings:?}");
    assert!(
        findings
            .iter()
            .any(|(c, _, m)| c == "vendor-key-untrusted" && m.contains(VENDOR)),
        "{findings:?}"
    );
}

#[test]
fn a_vendor_form_too_deep_to_read_says_so_and_shows_nothing_of_report_json() {
    let setup = vendor_bundle();
    let deep = format!("a: {}{}\n", "[".repeat(200), "]".repeat(200));
    std::fs::write(setup.bundle.join("vendor-forms/deep.yaml"), deep).unwrap();
    setup.change_report_and_resign(|r| {
        let form = &mut r["vendor_forms"][0];
        form["bundled"] = json!("vendor-forms/deep.yaml");
        form["signature"] = Value::Null;
        form["file"] = json!("FROM-REPORT-JSON.yaml");
        form["answers"]["vendor"]["name"] = json!("FROM-REPORT-JSON");
    });
    let (code, findings, out) = vendor_findings(&setup);
    assert_eq!(code, 3, "{findings:?}");
    let mismatch = findings
        .iter()
        .find(|(c, _, _)| c == "vendor-form-mismatch")
        .unwrap_or_else(|| panic!("{findings:?}"));
    assert!(mismatch.2.contains("too-deep"), "{mismatch:?}");
    assert!(mismatch.2.contains("nest more than"), "{mismatch:?}");
    assert!(
        findings.iter().any(|(c, _, _)| c == "vendor-form-unsigned"),
        "{findings:?}"
    );
    assert!(!out.contains("FROM-REPORT-JSON"), "{out}");
}

#[test]
fn a_form_report_json_alone_names_is_shown_only_when_nothing_failed() {
    let setup = vendor_bundle();
    setup.change_report_and_resign(|r| {
        let form = r["vendor_forms"][0].as_object_mut().unwrap();
        form.remove("bundled");
        form.remove("signature");
        form["file"] = json!("FROM-REPORT-JSON.toml");
    });
    let (code, findings, out) = vendor_findings(&setup);
    assert_eq!(code, 1, "{findings:?}");
    assert!(out.contains("FROM-REPORT-JSON.toml"), "{out}");

    // With an integrity failure beside it, report.json's names are not shown.
    setup.change_report_and_resign(|r| {
        let mut second = r["vendor_forms"][0].clone();
        second["file"] = json!("vendor-a.toml");
        second["bundled"] = json!("vendor-forms/vendor-a.toml");
        second["answers"]["vendor"]["name"] = json!("FROM-REPORT-JSON-2");
        r["vendor_forms"].as_array_mut().unwrap().push(second);
    });
    let (code, findings, out) = vendor_findings(&setup);
    assert_eq!(code, 3, "{findings:?}");
    assert!(!out.contains("FROM-REPORT-JSON"), "{out}");
}

/// An official-like workbook (title row, header, items) and a test-only registry naming it
/// official by its SHA-256 (docs/checklist-format.md); the wording is test data.
pub(super) fn official_like(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let bytes = workbook_bytes("二要素認証を実装している。");
    let sha = medsec::signing::manifest::sha256_bytes(&bytes);
    let registry = dir.join("official-test.toml");
    std::fs::write(
        &registry,
        format!(
            "[[workbook]]\nfile = \"009999997.xlsx\"\nbytes = {}\nsha256 = \"{sha}\"\npublisher = \"mhlw\"\nedition = \"fy2026\"\nform = \"institution\"\nform_ja = \"医療機関・薬局確認用\"\nserves = [\"hospital\", \"clinic\", \"pharmacy\"]\nguideline_version = \"7.0\"\npublished = \"2026-06\"\ntitle_ja = \"試験用の公式チェックリスト\"\nsource_url = \"https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html\"\n",
            bytes.len()
        ),
    )
    .unwrap();
    let workbook = dir.join("009999997.xlsx");
    std::fs::write(&workbook, bytes).unwrap();
    (workbook, registry)
}

/// The official-like workbook's bytes, with `first` as the wording of its item ①.
pub(super) fn workbook_bytes(first: &str) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("R8").unwrap();
    for (r, c, text) in [
        (0, 0, "試験用チェックリスト(令和8年度版)"),
        (2, 0, "番号"),
        (2, 1, "チェック項目"),
        (2, 2, "はい"),
        (2, 3, "いいえ"),
        (2, 4, "確認日"),
        (2, 5, "目標日"),
        (3, 0, "1"),
        (3, 1, "体制構築"),
        (4, 0, "①"),
        (4, 1, first),
        (5, 0, "②"),
        (5, 1, "試験用の連絡体制を整えている。"),
        (6, 0, "③"),
        (6, 1, "医療情報システム安全管理責任者を設置している。"),
    ] {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// medsec in `dir` with the test registry, answering in `lang`.
pub(super) fn in_dir(
    dir: &std::path::Path,
    registry: &std::path::Path,
    lang: &str,
) -> assert_cmd::Command {
    let mut cmd = common::medsec();
    cmd.current_dir(dir)
        .env("MEDSEC_TEST_OFFICIAL_WORKBOOKS", registry)
        .args(["--lang", lang]);
    cmd
}

/// A key `k` in `dir`, the official-like registry, and the report `bundle` answered on
/// `FORGE.toml`: the imported `OFF.toml` with item ① reworded. Returns the registry.
pub(super) fn forged_report(dir: &std::path::Path, bundle: &str) -> std::path::PathBuf {
    common::keygen(&dir.join("k"));
    let (_, registry) = official_like(dir);
    import_to(dir, &registry, "009999997.xlsx", "OFF.toml", &[]);
    let forged = std::fs::read_to_string(dir.join("OFF.toml"))
        .unwrap()
        .replace(
            "二要素認証を実装している。",
            "二要素認証の実装を検討している。",
        );
    std::fs::write(dir.join("FORGE.toml"), forged).unwrap();
    report_against(dir, &registry, "FORGE.toml", bundle);
    registry
}

/// A report signed against `checklist`, in `dir/NAME`.
pub(super) fn report_against(
    dir: &std::path::Path,
    registry: &std::path::Path,
    checklist: &str,
    name: &str,
) {
    let answers = format!("{name}.toml");
    let o = in_dir(dir, registry, "en")
        .args(["--checklist", checklist, "init", "--out", &answers])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr_of(&o));
    let text = std::fs::read_to_string(dir.join(&answers))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト診療所\"")
        .replace("code = \"\"", "code = \"0110113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"clinic\"");
    std::fs::write(dir.join(&answers), text).unwrap();
    let o = in_dir(dir, registry, "en")
        .args(["--checklist", checklist, "report", "--answers", &answers])
        .args(["--out", name, "--sign", "k.key"])
        .output()
        .unwrap();
    assert!(
        dir.join(name).join("report.json").is_file(),
        "{}",
        common::stderr_of(&o)
    );
}

/// (exit code, findings as (code, class), stdout) of `verify` in `dir`.
pub(super) fn verify_in(
    dir: &std::path::Path,
    registry: &std::path::Path,
    lang: &str,
    args: &[&str],
) -> (i32, Vec<(String, String)>, String) {
    let o = in_dir(dir, registry, lang)
        .args(args)
        .args([
            "--pubkey",
            "k.pub",
            "--format",
            "json",
            "--as-of",
            "2026-07-01",
        ])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", common::stderr_of(&o)));
    let found = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["class"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    // JSON is English whatever `--lang` (issue #10): what a Japanese reader is told is the
    // table's, one finding a line (`PLACE: 要確認[code]: message`).
    if lang != "en" {
        let t = in_dir(dir, registry, lang)
            .args(args)
            .args(["--pubkey", "k.pub", "--as-of", "2026-07-01"])
            .output()
            .unwrap();
        let said = common::stdout_of(&t) + &common::stderr_of(&t);
        return (o.status.code().unwrap(), found, said);
    }
    (o.status.code().unwrap(), found, common::stdout_of(&o))
}

#[test]
fn an_edited_official_checklist_is_not_the_inspectors_and_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (workbook, registry) = official_like(w);
    // The genuine import, and a copy with one item's wording changed.
    let o = in_dir(w, &registry, "en")
        .args(["checklist", "import"])
        .arg(&workbook)
        .args(["--out", "OFF.toml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr_of(&o));
    let genuine = std::fs::read_to_string(w.join("OFF.toml")).unwrap();
    let forged = genuine.replace(
        "二要素認証を実装している。",
        "二要素認証の実装を検討している。",
    );
    assert_ne!(genuine, forged);
    std::fs::write(w.join("FORGE.toml"), forged).unwrap();
    report_against(w, &registry, "FORGE.toml", "forged");
    report_against(w, &registry, "OFF.toml", "honest");

    // The inspector's copy: the imported file, the workbook itself, or one `checklist add`ed.
    std::fs::create_dir(w.join("data")).unwrap();
    let added = in_dir(w, &registry, "en")
        .env("MEDSEC_DATA_DIR", w.join("data"))
        .args(["checklist", "add", "OFF.toml"])
        .output()
        .unwrap();
    assert_eq!(
        added.status.code(),
        Some(0),
        "{}",
        common::stderr_of(&added)
    );
    let workbook = workbook.to_str().unwrap();
    for given in [
        vec!["verify", "forged", "--checklist", "OFF.toml"],
        vec!["verify", "forged", "--checklist", workbook],
    ] {
        let (code, found, out) = verify_in(w, &registry, "en", &given);
        assert_eq!(code, 3, "{given:?}: {found:?}");
        assert!(
            found.contains(&("checklist-not-inspectors".into(), "integrity".into())),
            "{found:?}"
        );
        assert!(!found.iter().any(|(c, _)| c == "checklist-official-source"));
        let off = serde_json::from_str::<Value>(&out).unwrap();
        let message = off["bundles"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "checklist-not-inspectors")
            .unwrap()["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(
            message.contains("is not the") && message.contains("you hold"),
            "{message}"
        );
        assert!(message.contains("medsec checklist diff"), "{message}");
    }
    let o = in_dir(w, &registry, "en")
        .env("MEDSEC_DATA_DIR", w.join("data"))
        .args([
            "verify",
            "forged",
            "--pubkey",
            "k.pub",
            "--as-of",
            "2026-07-01",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", common::stdout_of(&o));
    assert!(common::stdout_of(&o).contains("checklist-not-inspectors"));
    // In Japanese, whose copy is which.
    let (_, _, out) = verify_in(
        w,
        &registry,
        "ja",
        &["verify", "forged", "--checklist", "OFF.toml"],
    );
    assert!(
        out.contains("お手元の") && out.contains("別の文言に回答"),
        "{out}"
    );

    // The honest bundle against the inspector's workbook: the same text, said so.
    let (code, found, _) = verify_in(
        w,
        &registry,
        "en",
        &["verify", "honest", "--checklist", workbook],
    );
    assert!(code <= 1, "{found:?}");
    assert!(
        !found.iter().any(|(c, _)| c == "checklist-not-inspectors"),
        "{found:?}"
    );
    assert!(
        found.contains(&("checklist-official-source".into(), "note".into())),
        "{found:?}"
    );

    // Given nothing, the note says the one command that settles it.
    for (lang, want) in [
        ("en", "verify again"),
        ("ja", "ダウンロードした公式のブックを添えて"),
    ] {
        let o = in_dir(w, &registry, lang)
            .args([
                "verify",
                "forged",
                "--pubkey",
                "k.pub",
                "--as-of",
                "2026-07-01",
            ])
            .output()
            .unwrap();
        let out = common::stdout_of(&o);
        assert_eq!(o.status.code(), Some(1), "{out}");
        assert!(out.contains("checklist-official-unconfirmed"), "{out}");
        assert!(
            out.contains(want) && out.contains("`medsec verify forged --checklist 009999997.xlsx`"),
            "{out}"
        );
    }
}

/// Import `workbook` in `dir` with `extra` options into `out`.
pub(super) fn import_to(
    dir: &std::path::Path,
    registry: &std::path::Path,
    workbook: &str,
    out: &str,
    extra: &[&str],
) {
    let o = in_dir(dir, registry, "en")
        .args(["checklist", "import", workbook, "--out", out])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr_of(&o));
}

/// The message of the first finding with `code` in verify's JSON output.
pub(super) fn message_of(out: &str, code: &str) -> String {
    let Ok(json) = serde_json::from_str::<Value>(out) else {
        // A table for people: the message after the finding's `[code]: `.
        let mark = format!("[{code}]: ");
        return out
            .lines()
            .find_map(|l| l.split_once(mark.as_str()).map(|(_, m)| m.to_owned()))
            .unwrap_or_else(|| panic!("no {code}: {out}"));
    };
    json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code}: {out}"))["message"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The same official workbook gives the same checklist whatever the download is called (its
/// published name is recorded); imported with `--map gate=` or `--ids-from`, or renamed, an
/// honest report is confirmed by the inspector's workbook (exit 0, said so), never called
/// another text; without the workbook it is to be confirmed (exit 1).
#[test]
fn an_honest_import_is_confirmed_by_the_official_workbook_whatever_its_options() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (workbook, registry) = official_like(w);
    std::fs::copy(&workbook, w.join("令和8年度 チェックリスト.xlsx")).unwrap();
    import_to(w, &registry, "009999997.xlsx", "plain.toml", &[]);
    import_to(
        w,
        &registry,
        "令和8年度 チェックリスト.xlsx",
        "renamed.toml",
        &[],
    );
    assert_eq!(
        std::fs::read(w.join("plain.toml")).unwrap(),
        std::fs::read(w.join("renamed.toml")).unwrap(),
        "a renamed download gives another checklist"
    );
    import_to(
        w,
        &registry,
        "009999997.xlsx",
        "gate.toml",
        &["--map", "gate=5"],
    );
    import_to(
        w,
        &registry,
        "009999997.xlsx",
        "ids.toml",
        &["--ids-from", "mhlw-institution@fy2025"],
    );
    let ids = std::fs::read_to_string(w.join("ids.toml")).unwrap();
    assert!(ids.contains("id = \"security-manager\""), "{ids}");
    let gate = std::fs::read_to_string(w.join("gate.toml")).unwrap();
    assert!(gate.contains("gate = true"), "{gate}");
    for (checklist, bundle) in [
        ("renamed.toml", "b-renamed"),
        ("gate.toml", "b-gate"),
        ("ids.toml", "b-ids"),
    ] {
        report_against(w, &registry, checklist, bundle);
        // The inspector's download, under another name than the hospital's.
        let (code, found, out) = verify_in(
            w,
            &registry,
            "en",
            &["verify", bundle, "--checklist", "009999997.xlsx"],
        );
        assert!(code <= 1, "{bundle}: {found:?}");
        assert!(
            !found
                .iter()
                .any(|(c, _)| c == "checklist-not-inspectors"
                    || c == "checklist-official-unconfirmed"),
            "{bundle}: {found:?}"
        );
        assert!(
            found.contains(&("checklist-official-source".into(), "note".into())),
            "{bundle}: {found:?}"
        );
        let message = message_of(&out, "checklist-official-source");
        assert!(message.contains("its wording is confirmed"), "{message}");
        // Without the workbook: to be confirmed, with the command that confirms it.
        let (_, found, out) = verify_in(w, &registry, "ja", &["verify", bundle]);
        assert!(
            found.contains(&("checklist-official-unconfirmed".into(), "finding".into())),
            "{bundle}: {found:?}"
        );
        let message = message_of(&out, "checklist-official-unconfirmed");
        assert!(
            message.contains(&format!(
                "`medsec verify {bundle} --checklist 009999997.xlsx`"
            )) && message.contains("。"),
            "{message}"
        );
    }
    // The gate question named at import is said, as a note.
    let (_, found, out) = verify_in(
        w,
        &registry,
        "ja",
        &["verify", "b-gate", "--checklist", "009999997.xlsx"],
    );
    assert!(
        found.contains(&("checklist-gate-named-at-import".into(), "note".into())),
        "{found:?}"
    );
    let message = message_of(&out, "checklist-gate-named-at-import");
    assert!(
        message.contains("「① 二要素認証を実装している」") && message.contains("なし"),
        "{message}"
    );
    let message = message_of(&out, "checklist-official-source");
    assert!(message.contains("文言を確かめました"), "{message}");
}

/// A hand-edited checklist that claims the official workbook as its source: to be confirmed
/// (exit 1) without a workbook; another text than the official workbook's is named item by item
/// (exit 3); a workbook that is not the official file is said so and confirms nothing.
#[test]
fn a_hand_edited_official_checklist_is_never_valid_and_a_wrong_workbook_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let registry = forged_report(w, "報告 F");

    let (code, found, _) = verify_in(w, &registry, "en", &["verify", "報告 F"]);
    assert_eq!(code, 1, "{found:?}");
    assert!(
        found.contains(&("checklist-official-unconfirmed".into(), "finding".into())),
        "{found:?}"
    );
    // summarize shares verify's findings, and names this one first.
    let o = in_dir(w, &registry, "en")
        .args([
            "summarize",
            "報告 F",
            "--pubkey",
            "k.pub",
            "--format",
            "json",
        ])
        .args(["--as-of", "2026-07-01"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr_of(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["bundles"][0]["worst_finding"], "checklist-official-unconfirmed",
        "{json}"
    );

    // The official workbook: the item that differs is named.
    for lang in ["en", "ja"] {
        let (code, found, out) = verify_in(
            w,
            &registry,
            lang,
            &["verify", "報告 F", "--checklist", "009999997.xlsx"],
        );
        assert_eq!(code, 3, "{found:?}");
        let message = message_of(&out, "checklist-not-inspectors");
        assert!(message.contains("① 二要素認証を実装している"), "{message}");
        assert!(
            !message.contains('②') && !message.contains('③'),
            "{message}"
        );
    }

    // A workbook that is not the official file (another SHA-256) holding the forged text.
    std::fs::create_dir(w.join("other")).unwrap();
    std::fs::write(
        w.join("other/009999997.xlsx"),
        workbook_bytes("二要素認証の実装を検討している。"),
    )
    .unwrap();
    for lang in ["en", "ja"] {
        let (code, found, out) = verify_in(
            w,
            &registry,
            lang,
            &["verify", "報告 F", "--checklist", "other/009999997.xlsx"],
        );
        assert_eq!(code, 1, "{found:?}");
        assert!(
            found.contains(&("checklist-workbook-not-official".into(), "finding".into()))
                && found.contains(&("checklist-official-unconfirmed".into(), "finding".into())),
            "{found:?}"
        );
        assert!(!found.iter().any(|(c, _)| c == "checklist-official-source"));
        let message = message_of(&out, "checklist-workbook-not-official");
        let want = if lang == "en" {
            "is not the official `009999997.xlsx`"
        } else {
            "公式の`009999997.xlsx`"
        };
        assert!(
            message.contains(want) && message.contains("other/009999997.xlsx"),
            "{message}"
        );
    }
}

/// The command verify suggests to see what differs runs as printed: a bundle folder with a
/// space is quoted, and `checklist diff` reads the workbook.
#[test]
fn the_suggested_diff_runs_as_printed() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (_, registry) = official_like(w);
    import_to(w, &registry, "009999997.xlsx", "OFF.toml", &[]);
    let forged = std::fs::read_to_string(w.join("OFF.toml"))
        .unwrap()
        .replace(
            "試験用の連絡体制を整えている。",
            "試験用の連絡体制を検討している。",
        );
    std::fs::write(w.join("FORGE.toml"), forged).unwrap();
    report_against(w, &registry, "FORGE.toml", "報告 2026");
    let (code, _, out) = verify_in(
        w,
        &registry,
        "en",
        &["verify", "報告 2026", "--checklist", "009999997.xlsx"],
    );
    assert_eq!(code, 3, "{out}");
    let message = message_of(&out, "checklist-not-inspectors");
    let command = message
        .split('`')
        .find(|part| part.starts_with("medsec checklist diff"))
        .unwrap_or_else(|| panic!("{message}"))
        .to_owned();
    // The bundle's file in the platform's form (on Windows `報告 2026\checklists\…`).
    let sep = std::path::MAIN_SEPARATOR;
    assert!(
        command.contains(&format!("'報告 2026{sep}checklists{sep}")),
        "{command}"
    );
    // Run by the shell where there is one; on Windows (no `sh`, and no PowerShell under Wine)
    // its words, as PowerShell reads them, are the arguments.
    let binary = assert_cmd::cargo::cargo_bin("medsec");
    let mut run = common::shell::pasted(&command, &binary, &[]);
    let o = run
        .current_dir(w)
        .env("MEDSEC_TEST_OFFICIAL_WORKBOOKS", &registry)
        .env("LANG", "C")
        .output()
        .unwrap();
    let out = common::stdout_of(&o);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{command}: {out}{}",
        common::stderr_of(&o)
    );
    assert!(out.contains("試験用の連絡体制を検討している。"), "{out}");
}

/// A bundled form this medsec cannot read (too deep), signed by a key keys.toml trusts for
/// the vendor its verified trusted comment names: the form is said to be unreadable, and the
/// signature is checked against that vendor, so it is not also called untrusted.
#[test]
fn an_unreadable_form_is_checked_against_the_vendor_its_signed_comment_names() {
    let setup = vendor_bundle();
    let vendor = TestKey::new(&setup.root, "vendor2");
    let line = std::fs::read_to_string(&vendor.public)
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .to_owned();
    let keys = std::fs::read_to_string(&setup.keys).unwrap();
    std::fs::write(
        &setup.keys,
        keys.replace(
            &format!("[vendors.\"{VENDOR}\"]\nkeys = [\""),
            &format!("[vendors.\"{VENDOR}\"]\nkeys = [\"{line}\", \""),
        ),
    )
    .unwrap();
    let deep = format!("a: {}{}\n", "[".repeat(200), "]".repeat(200));
    std::fs::write(setup.bundle.join("vendor-forms/deep.yaml"), &deep).unwrap();
    let comment = format!(
        "timestamp:1\tfile:deep.yaml\tmedsec-vendor-form:1\tvendor:{VENDOR}\tchecklist:test-vendor@fy2025"
    );
    std::fs::write(
        setup.bundle.join("vendor-forms/deep.yaml.minisig"),
        vendor.sign_bytes(deep.as_bytes(), &comment),
    )
    .unwrap();
    setup.change_report_and_resign(|r| {
        let form = &mut r["vendor_forms"][0];
        form["bundled"] = json!("vendor-forms/deep.yaml");
        form["signature"] = json!("vendor-forms/deep.yaml.minisig");
    });
    let (code, findings, _) = vendor_findings(&setup);
    assert_eq!(code, 3, "{findings:?}");
    let codes: Vec<&str> = findings.iter().map(|(c, _, _)| c.as_str()).collect();
    assert_eq!(codes, ["vendor-form-mismatch"], "{findings:?}");
    assert!(findings[0].2.contains("too-deep"), "{findings:?}");
}
