//! Issue #12 (chk12): a `medsec check` that stops partway takes back what it wrote in its
//! folder and says truthfully what is left; `summarize` ends with the `medsec verify` command
//! for the bundles with findings, with the user's trust flag, that runs as printed.

use crate::common;
use common::{medsec, stderr_of};
use std::path::{Path, PathBuf};

/// The example clinic copied into `tmp`, without the ledger its answers cite as evidence.
fn clinic_without_evidence(tmp: &Path) -> PathBuf {
    let dir = tmp.join("clinic");
    std::fs::create_dir_all(dir.join("backup")).unwrap();
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
