//! Exit codes docs/exit-codes.md documents that no other test made happen (the table of which
//! test makes each one happen is in tests/lang/codes_covered.rs).

use crate::common;

use common::{medsec, stderr_of, stdout_of};

#[test]
fn completions_and_man_usage_errors_are_exit_2() {
    for args in [&["completions", "nosuchshell"][..], &["man", "--bogus"]] {
        let out = medsec().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert!(stdout_of(&out).is_empty(), "{args:?}");
        assert!(stderr_of(&out).starts_with("error:"), "{args:?}");
    }
}

#[test]
fn status_of_an_unparsable_report_json_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    std::fs::write(&report, "{\"format_version\": 1,\n").unwrap();
    let out = medsec().arg("status").arg(&report).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(stdout_of(&out).is_empty());
    let err = stderr_of(&out);
    assert!(err.contains("report.json:2:"), "{err}");
}

/// `verify --expect` takes one SHA-256 and at most one key: a QR text naming either twice is
/// neither form (a usage error, 2), never read as one of its values.
#[test]
fn an_expect_value_naming_a_field_twice_is_a_usage_error() {
    let hex = "ab".repeat(32);
    let dir = tempfile::tempdir().unwrap();
    let pubkey = common::fixture("report/v1/signer.pub");
    for value in [
        format!("medsec:sha256={hex};sha256={hex}"),
        format!("medsec:sha256={hex};key=0123456789ABCDEF;key=0123456789ABCDEF"),
    ] {
        let out = medsec()
            .arg("verify")
            .arg("--pubkey")
            .arg(&pubkey)
            .arg("--expect")
            .arg(&value)
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{value}: {}", stderr_of(&out));
        assert!(stderr_of(&out).contains("--expect"), "{}", stderr_of(&out));
    }
}
