//! examples/ci/: the GitHub Actions workflow and the GitLab CI job run as their CI would run
//! them. The files are parsed as YAML; every shell step is run whole (`set +e`, the status kept
//! in `$GITHUB_OUTPUT`, the step that fails on it, `git fetch`), by `bash -e` / `sh -e`, on a git
//! copy of the repository's checklists/ with a pull request on top, with the CI variables and
//! expressions those steps use. Only installing medsec (`cargo install`, already built here) is
//! not run, and `gh` is a stand-in that records what it was asked to post. A step the test does
//! not know how to run fails the test, so the files cannot run commands the test does not.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The shell lines of a CI file that run medsec (each `medsec …` line of its steps).
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

fn yaml(file: &str) -> serde_norway::Value {
    serde_norway::from_str(&std::fs::read_to_string(root().join(file)).unwrap()).unwrap()
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

/// PATH with medsec's folder and `stubs` first.
fn path_with(stubs: &Path) -> std::ffi::OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_medsec")).parent().unwrap();
    std::env::join_paths([stubs.to_owned(), bin.to_owned()].into_iter().chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap()
}

/// `gh` and `curl` stand-ins that append their arguments to `gh-calls.txt` and
/// `curl-calls.txt` in the current folder.
fn stubs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["gh", "curl"] {
        let stub = dir.path().join(name);
        std::fs::write(
            &stub,
            format!("#!/bin/sh\necho \"$@\" >> {name}-calls.txt\n"),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    dir
}

/// Run one script with `shell -e` in `dir`, medsec and the stubs first on PATH, `env` set.
fn run_script(
    shell: &str,
    script: &str,
    dir: &Path,
    stubs: &Path,
    env: &[(&str, String)],
) -> (i32, String) {
    let mut cmd = Command::new(shell);
    cmd.args(["-e", "-c", script])
        .current_dir(dir)
        .env("PATH", path_with(stubs))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env("NO_COLOR", "1")
        .env("MEDSEC_DATA_DIR", dir.join(".no-user-data"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (out.status.code().unwrap_or(-1), stderr_of(&out))
}

/// Installing medsec: the one kind of step the test does not run (medsec is built already).
fn is_install(script: &str) -> bool {
    script.trim().starts_with("cargo install --locked --path .")
        && script.trim().lines().count() == 1
}

#[allow(clippy::print_stderr)]
/// What a GitHub Actions job ended with: the exit code of the step that failed, else 0.
/// `outputs` collects `$GITHUB_OUTPUT` of the steps with an `id`.
fn run_github_job(job: &serde_norway::Value, dir: &Path, stubs: &Path) -> i32 {
    run_github_job_on(job, dir, stubs, &Event::PullRequest)
}

/// The event a workflow runs on: a pull request against `main`, or a push whose previous
/// commit is `before` (GitHub's `github.event.before`).
enum Event {
    PullRequest,
    Push { before: String },
}

#[allow(clippy::print_stderr)]
fn run_github_job_on(job: &serde_norway::Value, dir: &Path, stubs: &Path, event: &Event) -> i32 {
    let (event_env, before) = match event {
        Event::PullRequest => (
            vec![
                ("GITHUB_EVENT_NAME", "pull_request".to_owned()),
                ("GITHUB_BASE_REF", "main".to_owned()),
            ],
            String::new(),
        ),
        Event::Push { before } => (
            vec![("GITHUB_EVENT_NAME", "push".to_owned())],
            before.clone(),
        ),
    };
    let mut outputs: std::collections::BTreeMap<String, String> = Default::default();
    let mut failed = 0;
    for step in job["steps"].as_sequence().unwrap() {
        let Some(script) = step["run"].as_str() else {
            // `uses:` steps: checkout (the test's repository is the checkout) and the upload.
            let uses = step["uses"].as_str().unwrap();
            assert!(
                uses.starts_with("actions/checkout@")
                    || uses.starts_with("github/codeql-action/upload-sarif@"),
                "a step the test does not know: {uses}"
            );
            continue;
        };
        if is_install(script) {
            continue;
        }
        // Expressions: the few the workflow uses, filled in as GitHub does before the shell runs.
        let condition = step["if"].as_str().unwrap_or("success()");
        let status = outputs.get("diff.status").cloned().unwrap_or_default();
        let run_it = match condition {
            "always()" => true,
            "success()" => failed == 0,
            "steps.diff.outputs.status != '0'" => failed == 0 && status != "0",
            other => panic!("an `if:` the test does not know: {other}"),
        };
        if !run_it {
            continue;
        }
        let script = script
            .replace("${{ github.base_ref }}", "main")
            .replace("${{ github.event.pull_request.number }}", "7")
            .replace("${{ github.token }}", "token")
            .replace("${{ steps.diff.outputs.status }}", &status);
        assert!(
            !script.contains("${{"),
            "an expression the test does not know: {script}"
        );
        let output_file = dir.join(".github-output");
        std::fs::write(&output_file, "").unwrap();
        let mut env = vec![("GITHUB_OUTPUT", output_file.display().to_string())];
        env.extend(event_env.iter().cloned());
        if let Some(map) = step["env"].as_mapping() {
            for (k, v) in map {
                let v = v
                    .as_str()
                    .unwrap()
                    .replace("${{ github.token }}", "token")
                    .replace("${{ github.event.before }}", &before);
                assert!(
                    !v.contains("${{"),
                    "an expression the test does not know: {v}"
                );
                env.push((k.as_str().unwrap(), v));
            }
        }
        let (code, err) = run_script("bash", &script, dir, stubs, &env);
        if let Some(id) = step["id"].as_str() {
            for line in std::fs::read_to_string(&output_file).unwrap().lines() {
                if let Some((k, v)) = line.split_once('=') {
                    outputs.insert(format!("{id}.{k}"), v.to_owned());
                }
            }
        }
        if code != 0 && failed == 0 {
            eprintln!("step failed ({code}): {script}\n{err}");
            failed = code;
        }
    }
    failed
}

/// What a GitLab job ended with: the exit code of the first failing script line, else 0.
fn run_gitlab_job(job: &serde_norway::Value, dir: &Path, stubs: &Path) -> i32 {
    run_gitlab_job_on(job, dir, stubs, &[])
}

/// A GitLab job in a merge-request pipeline, with `extra` variables set over its defaults
/// (`CI_PIPELINE_SOURCE=push` and `CI_COMMIT_BEFORE_SHA` for a push pipeline).
#[allow(clippy::print_stderr)]
fn run_gitlab_job_on(
    job: &serde_norway::Value,
    dir: &Path,
    stubs: &Path,
    extra: &[(&str, String)],
) -> i32 {
    let mut env = vec![
        ("CI_PIPELINE_SOURCE", "merge_request_event".to_owned()),
        ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main".to_owned()),
        ("CI_API_V4_URL", "https://gitlab.example/api/v4".to_owned()),
        ("CI_PROJECT_ID", "42".to_owned()),
        ("CI_MERGE_REQUEST_IID", "7".to_owned()),
        ("MEDSEC_NOTE_TOKEN", "token".to_owned()),
    ];
    env.extend(extra.iter().cloned());
    for line in job["script"].as_sequence().unwrap() {
        let line = line.as_str().unwrap();
        assert!(
            !is_install(line),
            "installing belongs in before_script: {line}"
        );
        let (code, err) = run_script("sh", line, dir, stubs, &env);
        if code != 0 {
            eprintln!("line failed ({code}): {line}\n{err}");
            return code;
        }
    }
    0
}

const GITHUB: &str = "examples/ci/github-actions.yml";
const GITLAB: &str = "examples/ci/gitlab-ci.yml";

#[test]
fn the_files_run_medsec_where_the_test_expects() {
    assert_eq!(medsec_lines(GITHUB).len(), 3, "{:?}", medsec_lines(GITHUB));
    assert_eq!(medsec_lines(GITLAB).len(), 2, "{:?}", medsec_lines(GITLAB));
    let gitlab = yaml(GITLAB);
    for line in gitlab["default"]["before_script"].as_sequence().unwrap() {
        assert!(is_install(line.as_str().unwrap()), "{line:?}");
    }
    let jobs: Vec<&str> = gitlab
        .as_mapping()
        .unwrap()
        .keys()
        .filter_map(|k| k.as_str())
        .filter(|k| *k != "default")
        .collect();
    assert_eq!(jobs, ["checklist-lint", "checklist-diff"]);
    let github = yaml(GITHUB);
    let jobs: Vec<&str> = github["jobs"]
        .as_mapping()
        .unwrap()
        .keys()
        .filter_map(|k| k.as_str())
        .collect();
    assert_eq!(jobs, ["lint", "diff"]);
}

#[test]
fn github_workflow_runs() {
    let Some(repo) = pull_request_repo() else {
        return;
    };
    let dir = repo.path();
    let stubs = stubs();
    let github = yaml(GITHUB);
    assert_eq!(
        run_github_job(&github["jobs"]["lint"], dir, stubs.path()),
        0
    );
    assert_eq!(
        run_github_job(&github["jobs"]["diff"], dir, stubs.path()),
        0
    );
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("medsec-lint.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("sarif/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    assert!(jsonschema::validator_for(&schema).unwrap().is_valid(&sarif));
    // The changes against the base branch: linted, no breaking change.
    let changes: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("medsec-lint-changes.sarif")).unwrap(),
    )
    .unwrap();
    assert!(jsonschema::validator_for(&schema)
        .unwrap()
        .is_valid(&changes));
    assert!(
        !changes["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["ruleId"] == "breaking-change-same-edition"),
        "{changes:#}"
    );
    let md = std::fs::read_to_string(dir.join("checklist-diff.md")).unwrap();
    assert!(md.starts_with("## Checklist changes"), "{md}");
    assert!(
        md.contains("`item-reworded`") && md.contains("周知している"),
        "{md}"
    );
    assert!(md.contains("9 files compared, 0 added, 0 removed"), "{md}");
    // The comment was posted with the Markdown.
    let calls = std::fs::read_to_string(dir.join("gh-calls.txt")).unwrap();
    assert_eq!(calls.trim(), "pr comment 7 --body-file checklist-diff.md");
}

#[test]
fn gitlab_jobs_run() {
    let Some(repo) = pull_request_repo() else {
        return;
    };
    let dir = repo.path();
    let stubs = stubs();
    let gitlab = yaml(GITLAB);
    assert_eq!(
        run_gitlab_job(&gitlab["checklist-lint"], dir, stubs.path()),
        0
    );
    assert_eq!(
        run_gitlab_job(&gitlab["checklist-diff"], dir, stubs.path()),
        0
    );
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
    // The note was posted to the merge request with the Markdown.
    let calls = std::fs::read_to_string(dir.join("curl-calls.txt")).unwrap();
    assert!(
        calls.contains("PRIVATE-TOKEN: token")
            && calls.contains("body@checklist-diff.md")
            && calls.contains("https://gitlab.example/api/v4/projects/42/merge_requests/7/notes"),
        "{calls}"
    );
}

/// diff cannot run (a checklist that does not load: exit 2): both jobs post the error text,
/// never an empty body, and fail with 2.
#[test]
fn a_diff_that_cannot_run_posts_its_error_not_an_empty_comment() {
    let Some(repo) = pull_request_repo() else {
        return;
    };
    let dir = repo.path();
    std::fs::write(
        dir.join("checklists/mhlw/fy2025/institution.toml"),
        "format_version = 1\nid = [\n",
    )
    .unwrap();
    git(dir, &["commit", "-q", "-am", "broken"]);
    let stubs = stubs();
    let github = yaml(GITHUB);
    assert_eq!(
        run_github_job(&github["jobs"]["diff"], dir, stubs.path()),
        2
    );
    let md = std::fs::read_to_string(dir.join("checklist-diff.md")).unwrap();
    assert!(
        md.contains("could not run (exit 2)") && md.contains("institution.toml"),
        "{md}"
    );
    let calls = std::fs::read_to_string(dir.join("gh-calls.txt")).unwrap();
    assert!(calls.contains("pr comment"), "{calls}");
    std::fs::remove_file(dir.join("checklist-diff.md")).unwrap();
    let gitlab = yaml(GITLAB);
    assert_eq!(
        run_gitlab_job(&gitlab["checklist-diff"], dir, stubs.path()),
        2
    );
    let md = std::fs::read_to_string(dir.join("checklist-diff.md")).unwrap();
    assert!(
        md.contains("could not run (exit 2)") && md.contains("institution.toml"),
        "{md}"
    );
    let calls = std::fs::read_to_string(dir.join("curl-calls.txt")).unwrap();
    assert!(calls.contains("/notes"), "{calls}");
}

/// Remove the last item of the FY2025 form without a new edition, and commit it.
fn break_the_form(dir: &Path) {
    let file = dir.join("checklists/mhlw/fy2025/institution.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let cut = text.rfind("[[items]]").unwrap();
    std::fs::write(&file, &text[..cut]).unwrap();
    git(dir, &["commit", "-q", "-am", "remove"]);
}

/// A breaking change in an unchanged edition fails the lint job, on a pull request and on a
/// push to main (against the commit before the push), and reaches code scanning as a result.
#[test]
fn a_breaking_change_fails_the_lint_job_on_pull_requests_and_pushes() {
    let Some(repo) = pull_request_repo() else {
        return;
    };
    let dir = repo.path();
    let before = Command::new("git")
        .current_dir(dir)
        .args(["rev-parse", "HEAD"])
        .output()
        .unwrap();
    let before = String::from_utf8(before.stdout).unwrap().trim().to_owned();
    break_the_form(dir);
    let stubs = stubs();
    let github = yaml(GITHUB);
    for event in [
        Event::PullRequest,
        Event::Push {
            before: before.clone(),
        },
        // A branch's first push: no commit before it.
        Event::Push {
            before: "0000000000000000000000000000000000000000".to_owned(),
        },
    ] {
        assert_eq!(
            run_github_job_on(&github["jobs"]["lint"], dir, stubs.path(), &event),
            1
        );
        let sarif: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("medsec-lint-changes.sarif")).unwrap(),
        )
        .unwrap();
        let rules: Vec<&str> = sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["ruleId"].as_str())
            .collect();
        assert!(rules.contains(&"breaking-change-same-edition"), "{sarif:#}");
    }
    // GitLab's lint job likewise: a merge request, a push, a branch's first push.
    let gitlab = yaml(GITLAB);
    for extra in [
        vec![],
        vec![
            ("CI_PIPELINE_SOURCE", "push".to_owned()),
            ("CI_COMMIT_BEFORE_SHA", before.clone()),
        ],
        vec![
            ("CI_PIPELINE_SOURCE", "push".to_owned()),
            (
                "CI_COMMIT_BEFORE_SHA",
                "0000000000000000000000000000000000000000".to_owned(),
            ),
        ],
    ] {
        let _ = std::fs::remove_file(dir.join("medsec-lint-changes.junit.xml"));
        assert_eq!(
            run_gitlab_job_on(&gitlab["checklist-lint"], dir, stubs.path(), &extra),
            1,
            "{extra:?}"
        );
        let junit = std::fs::read_to_string(dir.join("medsec-lint-changes.junit.xml")).unwrap();
        assert!(junit.contains("breaking-change-same-edition"), "{junit}");
    }
}

#[test]
fn a_breaking_pull_request_fails_the_diff_job_after_commenting() {
    let Some(repo) = pull_request_repo() else {
        return;
    };
    let dir = repo.path();
    break_the_form(dir);
    let stubs = stubs();
    let github = yaml(GITHUB);
    assert_eq!(
        run_github_job(&github["jobs"]["diff"], dir, stubs.path()),
        1
    );
    let md = std::fs::read_to_string(dir.join("checklist-diff.md")).unwrap();
    assert!(md.contains("`breaking-change-same-edition`"), "{md}");
    let calls = std::fs::read_to_string(dir.join("gh-calls.txt")).unwrap();
    assert!(
        calls.contains("pr comment"),
        "the comment is posted first: {calls}"
    );
    let gitlab = yaml(GITLAB);
    assert_eq!(
        run_gitlab_job(&gitlab["checklist-diff"], dir, stubs.path()),
        1
    );
    let calls = std::fs::read_to_string(dir.join("curl-calls.txt")).unwrap();
    assert!(
        calls.contains("/notes"),
        "the note is posted first: {calls}"
    );
}
