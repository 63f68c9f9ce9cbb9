//! One rule for the whole tool (docs/exit-codes.md): problems that stop a command are on
//! standard error; results, findings included, are on standard output. One test per kind of
//! command: a checker of files (status, checklist lint), a checker of bundles (verify,
//! summarize), a writer of documents (render) and the annual job (check, in tests/report/check.rs).

use crate::common;

use common::{keygen, medsec, stderr_of, stdout_of, with_fixtures};

#[test]
fn status_findings_on_stdout_unusable_files_on_stderr() {
    // Findings of an incomplete file: the result.
    let o = with_fixtures()
        .args(["--lang", "en", "status", "--as-of", "2026-04-10"])
        .arg("tests/fixtures/answers/incomplete.toml")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout_of(&o).contains("error["), "{}", stdout_of(&o));
    assert!(!stderr_of(&o).contains("error["), "{}", stderr_of(&o));
    // An unusable file: the problem.
    let o = with_fixtures()
        .args([
            "--lang",
            "en",
            "status",
            "tests/fixtures/answers/duplicate.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("error[duplicate-answer]"),
        "{}",
        stderr_of(&o)
    );
    assert!(
        !stdout_of(&o).contains("duplicate-answer"),
        "{}",
        stdout_of(&o)
    );
}

#[test]
fn lint_findings_on_stdout_unreadable_files_on_stderr() {
    let o = medsec()
        .args([
            "--lang",
            "en",
            "checklist",
            "lint",
            "tests/fixtures/checklists/bad/syntax.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout_of(&o).contains("error[parse-error]"),
        "{}",
        stdout_of(&o)
    );
    assert!(stderr_of(&o).is_empty(), "{}", stderr_of(&o));
    let o = medsec()
        .args(["--lang", "en", "checklist", "lint", "no/such.toml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("error[unreadable]"),
        "{}",
        stderr_of(&o)
    );
    assert!(!stdout_of(&o).contains("unreadable"), "{}", stdout_of(&o));
}

#[test]
fn verify_and_summarize_results_on_stdout_unreadable_bundles_on_stderr() {
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("k");
    keygen(&key);
    let missing = tmp.path().join("no-bundle");
    for command in ["verify", "summarize"] {
        let o = medsec()
            .args(["--lang", "en", command, "--pubkey"])
            .arg(key.with_extension("pub"))
            .arg(&missing)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{command}");
        // The row of the table is the result; why it could not be checked is the problem.
        assert!(
            stdout_of(&o).contains("UNUSABLE"),
            "{command}: {}",
            stdout_of(&o)
        );
        assert!(
            stderr_of(&o).contains("bundle-unreadable"),
            "{command}: {}",
            stderr_of(&o)
        );
        // verify's finding lines are results; the unusable one is a problem. (summarize's
        // table names the worst finding's code in its row.)
        if command == "verify" {
            assert!(
                !stdout_of(&o).contains("[bundle-unreadable]"),
                "{}",
                stdout_of(&o)
            );
        }
        // A key that cannot be read stops the command before any result.
        let o = medsec()
            .args(["--lang", "en", command, "--pubkey"])
            .arg(tmp.path().join("nope.pub"))
            .arg(&missing)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{command}");
        assert!(stdout_of(&o).is_empty(), "{command}: {}", stdout_of(&o));
        assert!(
            stderr_of(&o).starts_with("error: "),
            "{command}: {}",
            stderr_of(&o)
        );
    }
}

#[test]
fn render_writes_the_document_on_stdout_and_problems_on_stderr() {
    let o = with_fixtures()
        .args([
            "--lang",
            "en",
            "render",
            "--format",
            "md",
            "tests/fixtures/no-such-bundle",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout_of(&o).is_empty(), "{}", stdout_of(&o));
    assert!(
        stderr_of(&o).starts_with("error: ") && stderr_of(&o).contains("no-such-bundle"),
        "{}",
        stderr_of(&o)
    );
}

/// A key file that is not there is named as a key, in the user's language: not only
/// "nokey.pub: no such file".
#[test]
fn a_missing_key_file_is_named_as_the_key() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, said) in [
        (
            "ja",
            "公開鍵`nokey.pub`を読めません(詳細: ファイルまたはフォルダがありません",
        ),
        (
            "en",
            "cannot read the public key `nokey.pub` (no such file or folder",
        ),
    ] {
        let o = medsec()
            .current_dir(dir.path())
            .args(["--lang", lang, "verify", "--pubkey", "nokey.pub", "."])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
        assert!(stderr_of(&o).contains(said), "{lang}: {}", stderr_of(&o));
        assert!(stdout_of(&o).is_empty(), "{}", stdout_of(&o));
    }
}

/// `checklist lint` and `checklist add` of a mistyped path say the file is missing and exit 2,
/// with no summary of "0 files checked".
#[test]
fn a_missing_checklist_file_is_said_without_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["lint", "add"] {
        let o = medsec()
            .current_dir(dir.path())
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path())
            .args(["--lang", "ja", "checklist", sub, "nofile.toml"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{sub}: {}", stderr_of(&o));
        assert!(stdout_of(&o).is_empty(), "{sub}: {}", stdout_of(&o));
        let err = stderr_of(&o);
        assert!(
            err.contains("`nofile.toml`を読めません: ファイルまたはフォルダがありません"),
            "{sub}: {err}"
        );
        assert!(!err.contains("0個"), "{sub}: {err}");
        assert!(!err.contains("登録しませんでした"), "{sub}: {err}");
    }
}

/// Output that cannot be written (a full disk: Linux's `/dev/full`) is a failure, said on
/// standard error in the reader's language as a sentence, exit 2; only a closed pipe is not
/// (tests/promises/promises.rs `a_closed_pipe_is_not_an_error`).
#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_said_as_an_error_with_exit_2() {
    // The OS error number is said where the platform gives it: not part of the test.
    for (lang, said, end) in [
        (
            "ja",
            "エラー: 出力を書き込めません: ディスクの空きがありません",
            "。",
        ),
        (
            "en",
            "error: cannot write output: no space left on the disk",
            "",
        ),
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        // std's Command: the output goes to the file given, not to a pipe the test reads.
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_medsec"))
            .env_remove("LC_ALL")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env(
                "MEDSEC_DATA_DIR",
                common::root().join("target/test-no-user-data"),
            )
            .args(["--lang", lang, "checklist", "list"])
            .stdout(full)
            .output()
            .unwrap();
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.starts_with(said) && last.ends_with(end),
            "{lang}: {err}"
        );
    }
}
