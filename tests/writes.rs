//! Writing user files: answers files under a lock and atomically, bundles replaced only when
//! they are bundles, secret keys kept private, trusted-key lists that mean what they say.
mod common;
use common::*;
use std::path::{Path, PathBuf};

const INST: &str = "tests/fixtures/checklist-fy2025-institution.toml";
const VEND: &str = "tests/fixtures/checklist-fy2025-vendor.toml";

fn with_fixtures() -> assert_cmd::Command {
    let mut cmd = medsec();
    cmd.args(["--checklist", INST, "--checklist", VEND]);
    cmd
}

const ITEMS: [&str; 5] = [
    "medical-information-system",
    "security-manager",
    "remote-maintenance",
    "access-log-server",
    "two-factor-authentication",
];

/// A copy of the complete answers fixture (with its vendor form and evidence) in `dir`.
fn answers_in(dir: &Path) -> PathBuf {
    let file = dir.join("answers.toml");
    std::fs::copy(fixture("answers/complete.toml"), &file).unwrap();
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    std::fs::write(dir.join("evidence/appointment.txt"), "x").unwrap();
    std::fs::copy(fixture("answers/vendor-a.toml"), dir.join("vendor-a.toml")).unwrap();
    file
}

/// A one-row sheet answering `item` in `round` with the note `note`.
fn sheet(dir: &Path, item: &str, round: u8, note: &str) -> PathBuf {
    let path = dir.join(format!("{note}.csv"));
    std::fs::write(
        &path,
        format!("item,round,answer,checked_on,target_date,note\n{item},{round},はい,2025-06-01,,{note}\n"),
    )
    .unwrap();
    path
}

fn import(file: &Path, sheet: &Path) -> assert_cmd::Command {
    let mut cmd = with_fixtures();
    cmd.arg("answer").arg(file).arg("--import").arg(sheet);
    cmd
}

/// Names in `dir` other than the ones a test made.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

// ---- fault 5: concurrent writers ----

#[test]
fn concurrent_imports_lose_nothing_and_losers_stop_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let jobs: Vec<(String, PathBuf)> = (0..10)
        .map(|k| {
            let item = ITEMS[k % ITEMS.len()];
            let round = if k < ITEMS.len() { 1 } else { 2 };
            let note = format!("writer-{k}");
            let s = sheet(dir.path(), item, round, &note);
            (note, s)
        })
        .collect();
    let children: Vec<_> = jobs
        .iter()
        .map(|(_, s)| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("medsec"));
            cmd.env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("LANG", "C")
                .current_dir(root())
                .args(["--checklist", INST, "--checklist", VEND, "answer"])
                .arg(&file)
                .arg("--import")
                .arg(s);
            cmd.stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let text = std::fs::read_to_string(&file).unwrap();
    let mut won = 0;
    for ((note, _), out) in jobs.iter().zip(&outputs) {
        match out.status.code() {
            Some(0) => {
                won += 1;
                assert!(
                    text.contains(&format!("note = \"{note}\"")),
                    "{note} said it imported, but its answer is not in the file:\n{text}"
                );
            }
            Some(2) => {
                let err = stderr_of(out);
                assert!(
                    err.contains("is being written by another medsec")
                        || err.contains("was changed by someone else"),
                    "{err}"
                );
            }
            other => panic!("{note}: exit {other:?}: {}", stderr_of(out)),
        }
    }
    assert!(won >= 1, "no import succeeded");
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    with_fixtures().arg("status").arg(&file).assert().code(0);
}

#[test]
fn a_writer_that_cannot_get_the_lock_stops_with_exit_2_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let s = sheet(dir.path(), "security-manager", 1, "late");
    let before = std::fs::read(&file).unwrap();
    let held = medsec::answers::store::lock(&file).unwrap();
    assert!(dir.path().join(".answers.toml.lock").exists());
    let out = import(&file, &s).assert().code(2);
    let err = stderr_of(out.get_output());
    assert!(
        err.contains(
            "answers.toml is being written by another medsec (waited 3 s); nothing was written"
        ),
        "{err}"
    );
    let out = import(&file, &s).args(["--lang", "ja"]).assert().code(2);
    let err = stderr_of(out.get_output());
    assert!(
        err.contains(
            "answers.toml はほかの medsec が書き込み中です(3 秒待ちました)。何も書き込んでいません"
        ),
        "{err}"
    );
    // init --force is a writer too.
    let out = with_fixtures()
        .args(["init", "--force", "--out"])
        .arg(&file)
        .assert()
        .code(2);
    let err = stderr_of(out.get_output());
    assert!(err.contains("being written by another medsec"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    drop(held);
    assert!(!dir.path().join(".answers.toml.lock").exists());
    import(&file, &s).assert().success();
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("note = \"late\""));
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}
