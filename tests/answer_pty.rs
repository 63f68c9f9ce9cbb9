//! The interactive walk-through, driven through a pseudo-terminal: answers are saved one by
//! one, a kill -9 mid-answer loses only that answer, and a new session resumes.
#![cfg(unix)]
mod common;
use common::*;
use expectrl::session::OsSession as Session;
use expectrl::Expect;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const INST: &str = "tests/fixtures/checklist-fy2025-institution.toml";

fn spawn(file: &Path) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
    cmd.env_remove("LC_ALL")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .current_dir(root())
        .args(["--lang", "en", "--checklist", INST, "answer"])
        .arg(file);
    let mut s = Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

fn answer_yes(s: &mut Session, note: &str) {
    s.send_line("y").unwrap();
    s.expect("date checked [").unwrap();
    s.send_line("").unwrap();
    s.expect("note").unwrap();
    s.send_line(note).unwrap();
    s.expect("evidence").unwrap();
    s.send_line("").unwrap();
    s.expect("saved.").unwrap();
}

#[test]
fn kill_9_mid_answer_keeps_every_confirmed_answer_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    medsec()
        .args([
            "--lang",
            "ja",
            "--checklist",
            "test-institution@fy2025",
            "--checklist",
            INST,
            "init",
            "--out",
        ])
        .arg(&file)
        .assert()
        .success();
    // A comment and a field medsec does not know, to be kept.
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\n# my own comment\n[local]\nowner = \"IT room\"\n");
    std::fs::write(&file, text).unwrap();

    let mut s = spawn(&file);
    s.expect("[1/5] 0 ").unwrap();
    answer_yes(&mut s, "レセコンと電子カルテ");
    s.expect("[2/5] 1-①").unwrap();
    answer_yes(&mut s, "");
    s.expect("[3/5] 2-②").unwrap();
    s.send_line("n").unwrap();
    s.expect("date checked [").unwrap();
    s.send_line("").unwrap();
    s.expect("target date").unwrap();
    s.send_line("2026-03-01").unwrap();
    s.expect("note").unwrap();
    // Killed while typing the note of the third answer.
    let pid = s.get_process().pid().to_string();
    let status = Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert!(status.success());
    drop(s);

    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("note = \"レセコンと電子カルテ\""), "{text}");
    assert_eq!(text.matches("answer = \"はい\"").count(), 2, "{text}");
    assert!(
        !text.contains("いいえ\""),
        "the answer being typed is not saved: {text}"
    );
    assert!(text.contains("# my own comment\n[local]\nowner = \"IT room\""));
    assert!(text.contains("# 1-① 医療情報システム安全管理責任者を設置している。"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");

    // A new session resumes at the first unanswered item.
    let mut s = spawn(&file);
    s.expect("2 of 5 items answered").unwrap();
    s.expect("[3/5] 2-②").unwrap();
    s.send_line("maybe").unwrap();
    s.expect("is not understood").unwrap();
    s.send_line("n").unwrap();
    s.expect("date checked [").unwrap();
    s.send_line("2099-01-01").unwrap();
    s.expect("cannot be in the future").unwrap();
    s.send_line("").unwrap();
    s.expect("target date").unwrap();
    s.send_line("2030-01-01").unwrap();
    s.expect("within the fiscal year").unwrap();
    s.send_line("2026-03-01").unwrap();
    s.expect("note").unwrap();
    s.send_line("手順書を作成中").unwrap();
    s.expect("evidence").unwrap();
    s.send_line("").unwrap();
    s.expect("saved.").unwrap();
    s.expect("[4/5]").unwrap();
    s.send_line("q").unwrap();
    s.expect("saved 1 answers").unwrap();

    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("answer = \"はい\"").count(), 2, "{text}");
    assert!(text.contains("answer = \"いいえ\""));
    assert!(text.contains("target_date = 2026-03-01"));
    assert!(text.contains("note = \"手順書を作成中\""));
    assert!(text.contains("owner = \"IT room\""));
}
