//! examples/ci/: every `medsec` command of the GitHub Actions workflow and the GitLab CI job,
//! exactly as written there, run by `sh` on a git copy of the repository's checklists/ with a
//! pull request on top, with the CI variables those lines use; exit codes and outputs checked.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The shell lines of a CI file that run medsec: `run: medsec …`, `- medsec …`, or a line of a
/// `run: |` block.
fn medsec_lines(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            l.trim_start_matches("- ")
                .trim_start_matches("run: ")
                .to_owned()
        })
        .filter(|l| l.starts_with("medsec "))
        .collect()
}

#[allow(clippy::print_stderr)]
fn git(dir: &Path, args: &[&str]) -> bool {
    match Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args(args)
        .current_dir(dir)
        .output()
    {
        Ok(o) => {
            assert!(o.status.success(), "git {args:?}: {}", stderr_of(&o));
            true
        }
        Err(e) if !in_ci() => {
            eprintln!("skipped: git not found ({e})");
            false
        }
        Err(e) => panic!("git is needed in CI: {e}"),
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A repository with the checklists on `main`, a branch that rewords one item of the FY2025
/// institution form, and `origin` pointing at itself (so `origin/main` exists, as in CI).
fn pull_request_repo() -> Option<tempfile::TempDir> {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    if !git(dir, &["init", "-q", "-b", "main"]) {
        return None;
    }
    copy_dir(&root().join("checklists"), &dir.join("checklists"));
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "checklists"]);
    git(dir, &["remote", "add", "origin", dir.to_str().unwrap()]);
    git(dir, &["fetch", "-q", "origin"]);
    git(dir, &["checkout", "-q", "-b", "reword"]);
    let file = dir.join("checklists/mhlw/fy2025/institution.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let changed = text.replacen(
        "パスワードの使い回しを禁止している。",
        "パスワードの使い回しを禁止し、周知している。",
        1,
    );
    assert_ne!(text, changed, "the item to reword is in the file");
    std::fs::write(&file, changed).unwrap();
    git(dir, &["commit", "-q", "-am", "reword"]);
    Some(repo)
}

/// Run one CI line with `sh` in `dir`, medsec first on PATH and the CI variables set.
fn run_line(line: &str, dir: &Path) -> (i32, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_medsec")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_owned()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    // GitHub's expressions are filled in before the shell runs; GitLab's are variables.
    let line = line.replace("${{ github.base_ref }}", "main");
    let out = Command::new("sh")
        .args(["-c", &line])
        .current_dir(dir)
        .env("PATH", path)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env("NO_COLOR", "1")
        .env("MEDSEC_DATA_DIR", dir.join(".no-user-data"))
        .env("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), stderr_of(&out))
}

#[test]
fn github_workflow_commands_run() {
    let lines = medsec_lines("examples/ci/github-actions.yml");
    assert_eq!(lines.len(), 2, "{lines:?}");
    let Some(repo) = pull_request_repo() else {
        return;
    };
    let dir = repo.path();
    for line in &lines {
        let (code, err) = run_line(line, dir);
        assert_eq!(code, 0, "{line}: {err}");
    }
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("medsec-lint.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("sarif/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    assert!(jsonschema::validator_for(&schema).unwrap().is_valid(&sarif));
    let md = std::fs::read_to_string(dir.join("checklist-diff.md")).unwrap();
    assert!(md.starts_with("## Checklist changes"), "{md}");
    assert!(
        md.contains("`item-reworded`") && md.contains("周知している"),
        "{md}"
    );
    assert!(md.contains("9 files compared, 0 added, 0 removed"), "{md}");
}

#[test]
fn gitlab_job_commands_run() {
    let lines = medsec_lines("examples/ci/gitlab-ci.yml");
    assert_eq!(lines.len(), 2, "{lines:?}");
    let Some(repo) = pull_request_repo() else {
        return;
    };
    let dir = repo.path();
    for line in &lines {
        let (code, err) = run_line(line, dir);
        assert_eq!(code, 0, "{line}: {err}");
    }
    let junit = std::fs::read_to_string(dir.join("medsec-lint.junit.xml")).unwrap();
    assert!(junit.starts_with("<?xml"), "{junit}");
    assert_eq!(
        junit.matches("<testcase ").count(),
        9,
        "one case per checklist file"
    );
    assert!(
        !junit.contains("<failure"),
        "the bundled checklists have no errors"
    );
    let md = std::fs::read_to_string(dir.join("checklist-diff.md")).unwrap();
    assert!(md.contains("`item-reworded`"), "{md}");
}

#[test]
fn a_breaking_pull_request_fails_the_diff_step() {
    let lines = medsec_lines("examples/ci/github-actions.yml");
    let diff = lines.iter().find(|l| l.contains("checklist diff")).unwrap();
    let Some(repo) = pull_request_repo() else {
        return;
    };
    let dir = repo.path();
    // Remove an item from the FY2025 form without a new edition.
    let file = dir.join("checklists/mhlw/fy2025/institution.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let cut = text.rfind("[[items]]").unwrap();
    std::fs::write(&file, &text[..cut]).unwrap();
    git(dir, &["commit", "-q", "-am", "remove"]);
    let (code, _) = run_line(diff, dir);
    assert_eq!(code, 1);
    let md = std::fs::read_to_string(dir.join("checklist-diff.md")).unwrap();
    assert!(md.contains("`breaking-change-same-edition`"), "{md}");
}
