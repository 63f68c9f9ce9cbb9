//! The runnable examples README points at really run, with this build of medsec: once without
//! minisign (everything but the stock-tool check, tamper checks included) and once with it.

// The examples are bash scripts using Unix tools: Unix only (scripts/windows-e2e.sh runs the
// same story with medsec.exe).
#![cfg(unix)]

use crate::common;
use common::*;
use std::path::{Path, PathBuf};

fn run_example(script: &str, path_var: Option<&std::ffi::OsStr>) -> (bool, String) {
    let mut cmd = std::process::Command::new("bash");
    cmd.arg(root().join(script))
        .arg(env!("CARGO_BIN_EXE_medsec"))
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .current_dir(root());
    if let Some(p) = path_var {
        cmd.env("PATH", p);
    }
    let out = cmd.output().unwrap();
    let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
    (out.status.success(), text)
}

fn which(tool: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(tool))
            .find(|p| p.is_file())
    })
}

/// The tool is there, or the test is skipped (and fails under CI=true).
fn need(tool: &str) -> bool {
    if which(tool).is_some() {
        return true;
    }
    assert!(
        !in_ci(),
        "{tool} must be installed in CI (apt-get install -y {tool})"
    );
    false
}

/// A PATH of one folder that links every program on this PATH except `hidden`.
fn path_without(hidden: &str, into: &Path) -> std::ffi::OsString {
    let paths = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&paths) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let link = into.join(&name);
            if name == hidden || link.exists() {
                continue;
            }
            #[cfg(unix)]
            let _ = std::os::unix::fs::symlink(e.path(), &link);
        }
    }
    into.as_os_str().to_owned()
}

const EXAMPLES: [&str; 2] = [
    "examples/report/run.sh",
    "examples/signing/sign-and-verify.sh",
];

#[test]
fn the_examples_run_without_minisign_and_catch_tampering() {
    if !need("python3") {
        return;
    }
    let bin = tempfile::tempdir().unwrap();
    let path = path_without("minisign", bin.path());
    for script in EXAMPLES {
        let (ok, text) = run_example(script, Some(&path));
        assert!(ok, "{script}: {text}");
        // The example's probe names the clinic (`--answers`): its evidence is the clinic's.
        assert!(
            !text.contains("evidence-no-institution"),
            "{script}: {text}"
        );
        assert!(
            text.contains("skipping the stock-tool check"),
            "{script}: {text}"
        );
        assert!(
            text.contains("verify of the tampered copy: exit 3"),
            "{script}: {text}"
        );
    }
}

#[test]
fn the_examples_check_the_bundle_with_the_stock_tools() {
    if !need("python3") || !need("minisign") {
        return;
    }
    for script in EXAMPLES {
        let (ok, text) = run_example(script, None);
        assert!(ok, "{script}: {text}");
        assert!(
            text.contains("Signature and comment signature verified"),
            "{script}: {text}"
        );
        assert!(text.contains("report.json: OK"), "{script}: {text}");
        assert!(
            text.contains("verify of the tampered copy: exit 3"),
            "{script}: {text}"
        );
    }
}
