//! `medsec report`: bundles made from answers files, vendor forms and probe evidence.

mod common;

use common::{fixture, medsec, stderr_of, stdout_of};
use serde_json::Value;
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

/// Copy the answers fixtures into a fresh folder (tests may change them).
fn answers_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), dir.join(f)).unwrap();
    }
    (tmp, dir)
}

fn report(args: &[&str], out: &Path) -> std::process::Output {
    medsec()
        .args(checklist_args())
        .arg("report")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn report_json_snapshot() {
    let (tmp, dir) = answers_copy();
    let out = tmp.path().join("bundle");
    let answers = dir.join("complete.toml");
    let evidence = fixture("report/evidence.json");
    let o = report(
        &[
            "--answers",
            answers.to_str().unwrap(),
            "--evidence",
            evidence.to_str().unwrap(),
        ],
        &out,
    );
    // The contradiction is an error finding: the report is written, exit 1.
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    assert!(stdout_of(&o).contains("1 vendor form"), "{}", stdout_of(&o));
    // The bytes as written (field order, indentation), with the volatile fields redacted.
    let text = std::fs::read_to_string(out.join("report.json")).unwrap();
    insta::with_settings!({filters => vec![
        (r#""generated_at": "[^"]+""#, r#""generated_at": "[time]""#),
        (r#"("generator": \{\n    "name": "medsec",\n    "version": )"[^"]+""#, r#"$1"[version]""#),
    ]}, {
        insta::assert_snapshot!("report-json", text);
    });
    let mut files: Vec<String> = walk(&out);
    files.sort();
    assert_eq!(
        files,
        [
            "MANIFEST.sha256",
            "evidence/complete/evidence/appointment.txt",
            "probes/evidence.json",
            "report.json",
            "vendor-forms/vendor-a.toml",
        ]
    );
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out
}

#[test]
fn same_content_gives_the_same_bytes_and_matches_the_schema() {
    let (tmp, dir) = answers_copy();
    let answers = dir.join("complete.toml");
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    for out in [&a, &b] {
        let o = report(&["--answers", answers.to_str().unwrap()], out);
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    }
    let strip = |p: &Path| {
        let text = std::fs::read_to_string(p.join("report.json")).unwrap();
        text.lines()
            .filter(|l| !l.contains("\"generated_at\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&a), strip(&b));
    let text = std::fs::read_to_string(a.join("report.json")).unwrap();
    assert!(text.ends_with("}\n") && !text.contains('\r'));

    let schema = medsec().args(["report", "schema"]).output().unwrap();
    assert_eq!(schema.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(schema["title"], "Report");
    let validator = jsonschema::validator_for(&schema).unwrap();
    let report = read_json(&a.join("report.json"));
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn missing_evidence_names_the_file_line_and_item() {
    let (tmp, dir) = answers_copy();
    std::fs::remove_file(dir.join("evidence/appointment.txt")).unwrap();
    let out = tmp.path().join("bundle");
    let o = report(
        &["--answers", dir.join("complete.toml").to_str().unwrap()],
        &out,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr_of(&o);
    assert!(
        err.contains("complete.toml:29: item `security-manager` (round 1): evidence file `evidence/appointment.txt` does not exist"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "no temporary folder is left behind"
    );
}

#[test]
fn an_existing_bundle_is_replaced_only_with_force() {
    let (tmp, dir) = answers_copy();
    let answers = dir.join("complete.toml");
    let out = tmp.path().join("bundle");
    let args = ["--answers", answers.to_str().unwrap()];
    assert_eq!(report(&args, &out).status.code(), Some(0));
    let o = report(&args, &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_of(&o).contains("use --force"), "{}", stderr_of(&o));
    let o = report(&[args[0], args[1], "--force"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(out.join("report.json").is_file());

    // A folder that holds something else is never replaced, even with --force.
    let other = tmp.path().join("documents");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("letter.txt"), "keep me").unwrap();
    let o = report(&[args[0], args[1], "--force"], &other);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("not a report bundle"),
        "{}",
        stderr_of(&o)
    );
    assert_eq!(
        std::fs::read_to_string(other.join("letter.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn vendor_form_as_answers_is_refused() {
    let (tmp, dir) = answers_copy();
    let o = report(
        &["--answers", dir.join("vendor-a.toml").to_str().unwrap()],
        &tmp.path().join("b"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_of(&o).contains("--vendor"), "{}", stderr_of(&o));
}
