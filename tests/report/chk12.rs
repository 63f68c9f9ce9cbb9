//! Issue #12 (chk12): a `medsec check` that stops partway takes back what it wrote in its
//! folder and says truthfully what is left; `summarize` ends with the `medsec verify` command
//! for the bundles with findings, with the user's trust flag, that runs as printed.

use crate::common;
use common::{medsec, stderr_of};
use std::path::{Path, PathBuf};

/// The example clinic copied into `tmp`, with a folder where the ledger its answers cite as
/// evidence belongs: status passes it by (the path is there), so the check writes its folder and
/// runs the probes before the report stops on it. (A missing ledger stops the check at once,
/// before anything is written.)
fn clinic_without_evidence(tmp: &Path) -> PathBuf {
    let dir = tmp.join("clinic");
    std::fs::create_dir_all(dir.join("backup")).unwrap();
    std::fs::create_dir_all(dir.join("ledger.csv")).unwrap();
    let src = common::root().join("examples/clinic");
    for f in ["answers.toml", "probes.toml"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    for e in std::fs::read_dir(src.join("backup")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("backup").join(e.file_name())).unwrap();
    }
    dir
}

fn check_fails(lang: &str, clinic: &Path, out: &Path) -> String {
    let o = medsec()
        .args([
            "--lang",
            lang,
            "check",
            "--non-interactive",
            "--as-of",
            "2025-11-01",
        ])
        .arg("--answers")
        .arg(clinic.join("answers.toml"))
        .arg("--probes")
        .arg(clinic.join("probes.toml"))
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
    stderr_of(&o)
}

#[test]
fn a_check_that_stops_leaves_no_new_folder() {
    for (lang, said) in [
        ("en", "Nothing this check wrote is left in"),
        (
            "ja",
            "に書いたものは残っていません(前からあったファイルはそのままです)。",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let clinic = clinic_without_evidence(tmp.path());
        let out = tmp.path().join("out");
        let err = check_fails(lang, &clinic, &out);
        assert!(err.contains("ledger.csv"), "{err}");
        assert!(err.contains(said), "{err}");
        assert!(!out.exists(), "{lang}: the folder this check made is gone");
    }
}

#[test]
fn a_check_that_stops_keeps_what_was_there() {
    for (lang, said) in [
        ("en", "Nothing this check wrote is left in"),
        ("ja", "に書いたものは残っていません"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let clinic = clinic_without_evidence(tmp.path());
        let out = tmp.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("evidence.json"), "earlier").unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        let err = check_fails(lang, &clinic, &out);
        assert!(err.contains(said), "{err}");
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["evidence.json", "notes.txt"],
            "{lang}: no throwaway key"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("evidence.json")).unwrap(),
            "earlier"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("notes.txt")).unwrap(),
            "mine"
        );
    }
}

/// Signed bundles under `root/all`: `good`, valid, and `names`, last year's reports that verify
/// with findings, each signed by the key returned.
fn bundles(root: &Path, names: &[&str]) -> (PathBuf, common::bundle::TestKey) {
    use common::bundle::{report_value, write_bundle, TestKey};
    let all = root.join("all");
    let key = TestKey::new(root, "hospital key");
    let good = all.join("good");
    write_bundle(&good, &report_value("0112345678", 2025));
    key.sign_bundle(&good, None);
    for name in names {
        let dir = all.join(name);
        // Last year's report, judged in FY2025: a finding (exit 1).
        write_bundle(&dir, &report_value("0112345678", 2024));
        key.sign_bundle(&dir, None);
    }
    (all, key)
}

/// `medsec --lang LANG summarize ALL --pubkey KEY --as-of DATE` in `cwd`: the last line.
fn summarize_last_line(lang: &str, cwd: &Path, all: &Path, key: &Path) -> String {
    let o = medsec()
        .current_dir(cwd)
        .args(common::bundle::checklist_args())
        .args(["--lang", lang, "summarize"])
        .arg(all)
        .arg("--pubkey")
        .arg(key)
        .args(["--as-of", "2025-11-01"])
        .output()
        .unwrap();
    let out = common::stdout_of(&o);
    out.lines().last().unwrap_or_default().to_owned()
}

/// The command between the backquotes of `line`, run as pasted into the shell in `cwd` (bash
/// on Unix, PowerShell's quoting on Windows: `common::shell::pasted`): its exit code.
/// Only `medsec` is this build: the fixture checklists the summary was given with the global
/// `--checklist` must be in the printed command itself.
fn run_printed(line: &str, cwd: &Path) -> (i32, String) {
    let command = line.split('`').nth(1).expect("a command in backquotes");
    assert!(command.starts_with("medsec verify "), "{line}");
    let bin = assert_cmd::cargo::cargo_bin("medsec");
    let o = common::shell::pasted(command, &bin, &[])
        .current_dir(cwd)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        common::stdout_of(&o) + &stderr_of(&o),
    )
}

#[test]
fn summarize_names_the_bundles_with_findings_in_a_command_that_runs() {
    for lang in ["en", "ja"] {
        let tmp = tempfile::tempdir().unwrap();
        let (all, key) = bundles(tmp.path(), &["さくら 内科", "it's"]);
        let line = summarize_last_line(lang, tmp.path(), Path::new("all"), &key.public);
        assert!(line.contains("medsec verify "), "{lang}: {line}");
        assert!(line.contains("--pubkey "), "{lang}: {line}");
        assert!(line.contains("--as-of 2025-11-01"), "{lang}: {line}");
        // Every global option that changes the result: the imported checklists, the language.
        assert_eq!(line.matches("--checklist ").count(), 4, "{lang}: {line}");
        assert!(line.contains(&format!("--lang {lang}")), "{lang}: {line}");
        assert!(
            !line.contains("all/good"),
            "{lang}: only bundles with findings: {line}"
        );
        assert!(!line.contains("DIR"), "{lang}: {line}");
        let (code, said) = run_printed(&line, tmp.path());
        assert_eq!(code, 1, "{lang}: {line}\n{said}");
        // The same findings as the summary's, in the summary's language (no unknown checklist).
        assert!(!said.contains("unknown-checklist"), "{said}");
        assert!(said.contains("fiscal-year-other"), "{said}");
        let word = if lang == "ja" {
            "要確認"
        } else {
            "FINDINGS"
        };
        assert!(said.contains(word), "{lang}: {said}");
        assert!(
            said.contains("さくら 内科") && said.contains("it's"),
            "{said}"
        );
        drop(all);
    }
}

#[test]
fn summarize_names_a_few_then_counts_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, key) = bundles(tmp.path(), &["a", "b", "c", "d", "e"]);
    for (lang, more) in [
        ("en", "(and 2 more bundles with findings…)."),
        ("ja", "(ほかに2件の報告書一式にも指摘があります…)。"),
    ] {
        let line = summarize_last_line(lang, tmp.path(), Path::new("all"), &key.public);
        assert!(line.ends_with(more), "{lang}: {line}");
        let (code, _) = run_printed(&line, tmp.path());
        assert_eq!(code, 1, "{lang}: the first three run as printed: {line}");
    }
}

#[test]
fn summarize_of_valid_bundles_says_no_command() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, key) = bundles(tmp.path(), &[]);
    let line = summarize_last_line("en", tmp.path(), Path::new("all"), &key.public);
    assert!(!line.contains("medsec verify"), "{line}");
}
