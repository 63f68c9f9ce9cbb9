//! What an inspector reads (issue #12): a report.json given directly is read as its bundle
//! when the signed manifest sits beside it; a lone one is shown with a warning that it is not
//! verified; evidence is tied to the institution it was made for.

mod common;

use common::{fixture, medsec, stderr_of, stdout_of};
use std::path::{Path, PathBuf};

fn checklist_args() -> Vec<String> {
    [
        "checklist-fy2025-institution.toml",
        "checklist-fy2025-vendor.toml",
    ]
    .iter()
    .flat_map(|f| ["--checklist".to_owned(), fixture(f).display().to_string()])
    .collect()
}

/// The answers fixtures copied into `dir/answers` (complete.toml, its vendor form, evidence).
fn answers_copy(dir: &Path) -> PathBuf {
    let answers = dir.join("answers");
    std::fs::create_dir_all(answers.join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), answers.join(f)).unwrap();
    }
    answers
}

/// Run medsec in `dir`; (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = medsec().current_dir(dir).args(args).output().unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// An unsigned bundle in `dir/bundle` made with the test checklists, which are not bundled
/// into medsec: the bundle carries them.
fn bundle(dir: &Path) -> PathBuf {
    let answers = answers_copy(dir);
    let out = dir.join("bundle");
    let o = medsec()
        .current_dir(dir)
        .args(checklist_args())
        .arg("report")
        .arg("--answers")
        .arg(answers.join("complete.toml"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}{}",
        stdout_of(&o),
        stderr_of(&o)
    );
    assert!(out
        .join("checklists/test-institution-fy2025.toml")
        .is_file());
    out
}

#[test]
fn a_report_json_in_its_bundle_is_read_as_the_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    bundle(w);
    for lang in ["ja", "en"] {
        let folder = run(w, &["--lang", lang, "status", "bundle"]);
        let file = run(w, &["--lang", lang, "status", "bundle/report.json"]);
        assert_ne!(folder.0, 2, "{folder:?}");
        assert_eq!(file.0, folder.0, "{lang}: {file:?}");
        assert_eq!(file.1, folder.1, "{lang}: the same table");
        assert!(!file.2.contains("unknown-checklist"), "{}", file.2);
        let json = run(w, &["status", "bundle/report.json", "--format", "json"]);
        assert_eq!(json.0, folder.0, "{json:?}");
    }
    // Run from inside the bundle: `report.json` alone still finds the manifest beside it.
    let inside = run(&w.join("bundle"), &["status", "report.json"]);
    assert_eq!(inside.0, run(w, &["status", "bundle"]).0, "{inside:?}");
    assert!(!inside.2.contains("not verified"), "{}", inside.2);
}

#[test]
fn a_tampered_report_json_given_directly_is_refused_as_its_bundle_is() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let b = bundle(w);
    let path = b.join("report.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen("テスト診療所", "別の診療所", 1);
    assert_ne!(text, changed);
    std::fs::write(&path, changed).unwrap();
    let (code, out, err) = run(w, &["status", "bundle/report.json"]);
    assert_eq!(code, 3, "{out}{err}");
    assert!(
        out.is_empty(),
        "nothing of a tampered report is shown: {out}"
    );
    assert!(err.contains("integrity"), "{err}");
    let (code, _, err) = run(w, &["--lang", "ja", "status", "bundle/report.json"]);
    assert_eq!(code, 3);
    assert!(err.contains("完全性"), "{err}");
}

#[test]
fn a_lone_report_json_is_shown_with_a_warning_and_its_carried_checklist() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let b = bundle(w);
    let (want, table, _) = run(w, &["status", "bundle"]);
    // Copied out of the bundle with the checklists it carries, but without the manifest.
    let lone = w.join("lone");
    std::fs::create_dir_all(lone.join("checklists")).unwrap();
    std::fs::copy(b.join("report.json"), lone.join("report.json")).unwrap();
    for entry in std::fs::read_dir(b.join("checklists")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            lone.join("checklists").join(entry.file_name()),
        )
        .unwrap();
    }
    let (code, out, err) = run(w, &["status", "lone/report.json"]);
    assert_eq!(code, want, "{out}{err}");
    assert_eq!(
        out.replace("lone/", "bundle/"),
        table,
        "the same table as the bundle's"
    );
    assert!(
        err.contains("lone/report.json") && err.contains("not in a signed bundle"),
        "{err}"
    );
    let (code, _, err) = run(w, &["--lang", "ja", "status", "lone/report.json"]);
    assert_eq!(code, want);
    assert!(err.contains("署名付きバンドルの中にありません"), "{err}");
    // Without the carried checklist it cannot be read: exit 2, saying which checklist.
    std::fs::remove_dir_all(lone.join("checklists")).unwrap();
    let (code, out, err) = run(w, &["status", "lone/report.json"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("test-institution@fy2025"), "{err}");
}
