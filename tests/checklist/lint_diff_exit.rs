//! `checklist diff` over folders: the exit code follows docs/lint.md for every kind of change
//! (added and removed files, items, breaking changes in a file that kept its edition), and the
//! summary counts changes, not the same-edition verdict on them.

use crate::common;
use common::*;
use std::path::Path;

const FY2025: &str = "checklists/mhlw/fy2025";

fn copy(form: &str, to: &Path) {
    std::fs::copy(
        root().join(FY2025).join(format!("{form}.toml")),
        to.join(format!("{form}.toml")),
    )
    .unwrap();
}

fn diff(old: &Path, new: &Path, fail_on: Option<&str>) -> (i32, String) {
    let mut cmd = medsec();
    cmd.args(["checklist", "diff"]).arg(old).arg(new);
    if let Some(f) = fail_on {
        cmd.args(["--fail-on", f]);
    }
    let out = cmd.output().unwrap();
    (out.status.code().unwrap_or(-1), stdout_of(&out))
}

fn folders(old: &[&str], new: &[&str]) -> (tempfile::TempDir, tempfile::TempDir) {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for f in old {
        copy(f, a.path());
    }
    for f in new {
        copy(f, b.path());
    }
    (a, b)
}

#[test]
fn a_removed_checklist_file_is_breaking() {
    let (old, new) = folders(&["institution", "vendor"], &["institution"]);
    let (old, new) = (old.path(), new.path());
    // Default --fail-on breaking: exit 1.
    let (code, out) = diff(old, new, None);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("file removed"), "{out}");
    assert_eq!(diff(old, new, Some("review")).0, 1);
    assert_eq!(diff(old, new, Some("any")).0, 1);
    assert_eq!(diff(old, new, Some("never")).0, 0);
}

#[test]
fn an_added_checklist_file_is_to_review() {
    let (old, new) = folders(&["institution"], &["institution", "vendor"]);
    let (old, new) = (old.path(), new.path());
    let (code, out) = diff(old, new, None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("new file"), "{out}");
    assert_eq!(diff(old, new, Some("review")).0, 1);
    assert_eq!(diff(old, new, Some("any")).0, 1);
    assert_eq!(diff(old, new, Some("never")).0, 0);
}

#[test]
fn unchanged_folders_pass_at_every_level() {
    let (old, new) = folders(&["institution", "vendor"], &["institution", "vendor"]);
    for fail_on in ["breaking", "review", "any", "never"] {
        assert_eq!(
            diff(old.path(), new.path(), Some(fail_on)).0,
            0,
            "{fail_on}"
        );
    }
}

#[test]
fn item_changes_follow_their_impact() {
    let (old, new) = folders(&["institution"], &["institution"]);
    let file = new.path().join("institution.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // A reworded item: review.
    let reworded = text.replacen(
        "パスワードの使い回しを禁止している。",
        "パスワードの使い回しを禁止し、周知している。",
        1,
    );
    assert_ne!(reworded, text);
    std::fs::write(&file, &reworded).unwrap();
    assert_eq!(diff(old.path(), new.path(), None).0, 0);
    assert_eq!(diff(old.path(), new.path(), Some("review")).0, 1);
    // An item removed, edition kept: breaking and the same-edition error, exit 1 even with
    // --fail-on never; the summary counts the one change that happened, not the verdict.
    let cut = text.rfind("[[items]]").unwrap();
    std::fs::write(&file, &text[..cut]).unwrap();
    let (code, out) = diff(old.path(), new.path(), Some("never"));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[breaking-change-same-edition]"), "{out}");
    assert!(
        out.contains("1 change: 1 breaking, 0 to review, 0 minor"),
        "{out}"
    );
}
