//! The runnable examples README points at really run, with this build of medsec.

mod common;
use common::*;

fn run_example(script: &str) -> std::process::Output {
    std::process::Command::new("bash")
        .arg(root().join(script))
        .arg(env!("CARGO_BIN_EXE_medsec"))
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .current_dir(root())
        .output()
        .unwrap()
}

fn which(tool: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(tool))
            .find(|p| p.is_file())
    })
}

#[test]
fn the_report_example_runs_and_catches_tampering() {
    if which("minisign").is_none() {
        assert!(!in_ci(), "minisign must be installed in CI");
        return;
    }
    let out = run_example("examples/report/run.sh");
    let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("verify of the tampered copy: exit 3"),
        "{text}"
    );
}

#[test]
fn the_signing_example_runs() {
    if which("minisign").is_none() {
        assert!(!in_ci(), "minisign must be installed in CI");
        return;
    }
    let out = run_example("examples/signing/sign-and-verify.sh");
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
}
