//! What `verify` and `sign` say, beyond the finding's code: why a path report.json names is
//! refused, which field a trusted comment lacks, what is wrong with a signature file that is
//! no signature or of another kind, a listed file that became a link said once as unsafe, and
//! a vendor name that would break the trusted comment refused before signing (issue 9: each
//! test fails on a mutant of `signing/manifest.rs`, `comment.rs` or `signature_file.rs` that
//! no test caught).

use crate::common;

use common::bundle::{codes, report_value, signed, HOSPITAL};
use serde_json::{json, Value};

/// The messages of bundle 0's findings with `code`.
fn messages(json: &Value, code: &str) -> Vec<String> {
    json["bundles"][0]["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings: {json:#}"))
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| f["message"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// An attached file named by an absolute path is refused with the reason, not only the code.
#[test]
fn a_path_report_json_names_outside_the_bundle_is_refused_saying_why() {
    let mut r = report_value(HOSPITAL, 2025);
    r["evidence"] = json!([{"path": "/etc/passwd", "sha256": "0".repeat(64), "size": 1}]);
    let (code, json) = signed(&r).verify_json();
    assert_eq!(code, 3, "{json:#}");
    let said = messages(&json, "report-path-unsafe");
    assert_eq!(said.len(), 1, "{json:#}");
    assert!(
        said[0].contains("names `/etc/passwd`: absolute path; only relative paths"),
        "{said:?}"
    );
}

/// A listed file replaced by a symbolic link is said once, as unsafe (not also as missing);
/// a deleted file is said missing though another file of the bundle is a link.
#[cfg(unix)]
#[test]
fn a_listed_file_that_became_a_link_is_said_once_and_a_deleted_one_still_missing() {
    let s = signed(&report_value(HOSPITAL, 2025));
    let log = s.bundle.join("evidence/backup-log.txt");
    std::fs::remove_file(&log).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", &log).unwrap();
    let (code, json) = s.verify_json();
    assert_eq!(code, 3, "{json:#}");
    assert_eq!(codes(&json, 0), ["file-unsafe", "content-untrusted"]);

    std::fs::remove_file(&log).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", s.bundle.join("evidence/link")).unwrap();
    let (code, json) = s.verify_json();
    assert_eq!(code, 3, "{json:#}");
    assert_eq!(
        codes(&json, 0),
        ["file-missing", "file-unsafe", "content-untrusted"]
    );
}

/// A medsec trusted comment without one of its fields names the field.
#[test]
fn a_trusted_comment_without_a_field_names_it() {
    let s = signed(&report_value(HOSPITAL, 2025));
    let manifest = std::fs::read_to_string(s.bundle.join("MANIFEST.sha256")).unwrap();
    s.key.sign_manifest(
        &s.bundle,
        &manifest,
        "timestamp:1764000000\tfile:MANIFEST.sha256\tmedsec-bundle:1\tinstitution:0110113719\tchecklist:testpub-institution@fy2025",
    );
    let (code, json) = s.verify_json();
    assert_eq!(code, 3, "{json:#}");
    let said = messages(&json, "trusted-comment-malformed");
    assert_eq!(
        said,
        ["the signature's trusted comment is malformed: `report-sha256` is missing"],
        "{json:#}"
    );
}

/// A signature file that holds no signature at all is said not to be one, not to be cut short
/// (which would send the inspector to copy it again).
#[test]
fn a_file_that_is_no_signature_is_not_said_to_be_cut_short() {
    let s = signed(&report_value(HOSPITAL, 2025));
    std::fs::write(s.bundle.join("MANIFEST.sha256.minisig"), "hello\n").unwrap();
    let (code, json) = s.verify_json();
    assert_eq!(code, 3, "{json:#}");
    let said = messages(&json, "signature-malformed");
    assert_eq!(
        said,
        ["line 1 of the signature file `MANIFEST.sha256.minisig` is not the `untrusted comment:` line: the file is no minisign signature, or was changed"],
        "{json:#}"
    );
}

/// A signature line of another kind than minisign's (`XX` in place of `ED`, its length kept) is
/// named by its kind.
#[test]
fn a_signature_of_another_kind_is_named_by_its_kind() {
    use ct_codecs::{Base64, Decoder, Encoder};
    let s = signed(&report_value(HOSPITAL, 2025));
    let path = s.bundle.join("MANIFEST.sha256.minisig");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut bytes = Base64::decode_to_vec(&lines[1], None).unwrap();
    assert_eq!(&bytes[..2], b"ED", "{text}");
    bytes[..2].copy_from_slice(b"XX");
    lines[1] = Base64::encode_to_string(&bytes).unwrap();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let (code, json) = s.verify_json();
    assert_eq!(code, 3, "{json:#}");
    let said = messages(&json, "signature-malformed");
    assert_eq!(
        said,
        ["the signature kind `XX` on line 2 of the signature file `MANIFEST.sha256.minisig` is not minisign's (Ed, ED)"],
        "{json:#}"
    );
}

/// A vendor name holding a tab would split the trusted comment's fields: `sign --form`
/// refuses it (exit 2) and writes no signature.
#[test]
fn a_vendor_name_holding_a_tab_is_not_signed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let form = root.join("vendor-a.toml");
    let text = std::fs::read_to_string(common::fixture("answers/vendor-a.toml")).unwrap();
    let text = text.replace(
        "name = \"株式会社テストシステム\"",
        "name = \"株式会社\\tテスト\"",
    );
    assert!(text.contains("\\t"), "{text}");
    std::fs::write(&form, text).unwrap();
    common::keygen(&root.join("vendor"));
    let out = common::medsec()
        .args(common::bundle::checklist_args())
        .args(["--lang", "en", "sign", "--form"])
        .arg(&form)
        .arg("--key")
        .arg(root.join("vendor.key"))
        .output()
        .unwrap();
    let err = common::stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "`株式会社\\tテスト` is empty or holds control characters; it cannot be signed"
        ),
        "{err}"
    );
    assert!(!root.join("vendor-a.toml.minisig").exists());
    // The same form with its plain name is signed: the tab alone was refused.
    std::fs::copy(common::fixture("answers/vendor-a.toml"), &form).unwrap();
    let out = common::medsec()
        .args(common::bundle::checklist_args())
        .args(["sign", "--form"])
        .arg(&form)
        .arg("--key")
        .arg(root.join("vendor.key"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr_of(&out));
    assert!(root.join("vendor-a.toml.minisig").is_file());
}
