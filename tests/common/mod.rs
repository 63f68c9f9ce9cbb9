//! Shared helpers for the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::PathBuf;

/// The medsec binary with a quiet, predictable environment.
pub fn medsec() -> Command {
    let mut cmd = Command::cargo_bin("medsec").expect("binary built");
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        // Tables are as wide as `COLUMNS` says off a terminal: the usual 120 in tests.
        .env_remove("COLUMNS")
        // No checklists added on this machine (`checklist add`) take part in tests.
        .env("MEDSEC_DATA_DIR", root().join("target/test-no-user-data"))
        .env_remove("MEDSEC_TEST_OFFICIAL_WORKBOOKS")
        .current_dir(root());
    cmd
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

pub fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// True when running in CI, where a missing external tool is a failure, not a skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// `medsec keygen --out NAME --unencrypted`: NAME.key and NAME.pub, or the test fails.
pub fn keygen(name: &std::path::Path) {
    let out = medsec()
        .arg("keygen")
        .arg("--out")
        .arg(name)
        .arg("--unencrypted")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}
pub mod bundle;

/// The fixture checklists: FY2025 institution and vendor forms, FY2024 institution form.
pub const INST: &str = "tests/fixtures/checklist-fy2025-institution.toml";
pub const INST24: &str = "tests/fixtures/checklist-fy2024-institution.toml";
pub const VEND: &str = "tests/fixtures/checklist-fy2025-vendor.toml";

/// `medsec` with the fixture checklists given by `--checklist`.
pub fn with_fixtures() -> assert_cmd::Command {
    let mut cmd = medsec();
    for c in [INST, VEND, INST24] {
        cmd.args(["--checklist", c]);
    }
    cmd
}

/// One utmp record as glibc on x86-64 writes it to /var/log/wtmp (384 bytes): a user process
/// (type 7) of `user` from `host` at `secs` (Unix time).
#[allow(dead_code)]
pub fn wtmp_record(user: &str, host: &str, secs: u32) -> Vec<u8> {
    let mut r = vec![0u8; 384];
    r[0..2].copy_from_slice(&7i16.to_le_bytes());
    r[8..13].copy_from_slice(b"pts/0");
    r[44..44 + user.len()].copy_from_slice(user.as_bytes());
    r[76..76 + host.len()].copy_from_slice(host.as_bytes());
    r[340..344].copy_from_slice(&secs.to_le_bytes());
    r
}
