//! The walk-through in a pseudo-terminal, as a clinic meets it (issue #10): the checklist's
//! notes shown as notes, the answers named in English on English screens, and Ctrl-C or Ctrl-D
//! at a question said in words (what was saved, how to go on), in Japanese and English.
#![cfg(unix)]
use crate::common;
use common::*;
use expectrl::session::OsSession as Session;
use expectrl::Expect;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn spawn_in(dir: &Path, args: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
    cmd.env_remove("LC_ALL")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("MEDSEC_DATA_DIR", root().join("target/test-no-user-data"))
        .current_dir(dir)
        .args(args);
    let mut s = Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s
}

/// The fixture's complete answers cut before 2-② with the details filled in: the walk-through
/// starts at `[3/5] 2-②`, whose note is 「事業者と契約していない場合は記入不要です。」.
fn answered_to_2_1(dir: &Path) -> PathBuf {
    let file = dir.join("answers.toml");
    let text = std::fs::read_to_string(fixture("answers/complete.toml")).unwrap();
    let cut = text
        .find("[[answers]]\nitem = \"remote-maintenance\"")
        .unwrap();
    let text = text[..cut].replace("forms = [\"vendor-a.toml\"]", "forms = []");
    std::fs::write(&file, text).unwrap();
    file
}

fn walk(dir: &Path, lang: &str) -> Session {
    let inst = root().join(INST).display().to_string();
    spawn_in(
        dir,
        &[
            "--lang",
            lang,
            "--checklist",
            &inst,
            "answer",
            "answers.toml",
        ],
    )
}

/// `check --as-of 2025-09-01` in `lang` over the answers of [`answered_to_2_1`] made in `dir`,
/// at its walk-through's first question (2-②).
fn check_at_2_2(dir: &Path, lang: &str) -> Session {
    answered_to_2_1(dir);
    let inst = root().join(INST).display().to_string();
    let mut s = spawn_in(
        dir,
        &[
            "--lang",
            lang,
            "--checklist",
            &inst,
            "check",
            "--as-of",
            "2025-09-01",
        ],
    );
    s.expect("2-②").unwrap();
    s.expect("> ").unwrap();
    s
}

/// `text` without its spaces and line breaks: a terminal 80 columns wide wraps long lines.
fn flat(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How the process ended, as the Debug text of its wait status.
fn ended(s: &mut Session) -> String {
    format!("{:?}", s.get_process_mut().wait().unwrap())
}

#[test]
fn ctrl_c_at_a_question_says_what_is_saved_and_how_to_go_on() {
    for (lang, notice, stopped, saved, resume) in [
        (
            "ja",
            "チェックリストの注記: 事業者と契約していない場合は記入不要です。",
            "中断しました。それまでに入力した",
            "それまでに入力した回答と情報は、すべて`answers.toml`に保存されています。",
            "続けるには`medsec answer answers.toml --checklist",
        ),
        (
            "en",
            "Note from the checklist: Not needed without a vendor contract.",
            "Stopped. Everything entered before",
            "Everything entered before is saved in `answers.toml`",
            "To go on, run `medsec answer answers.toml --checklist",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        answered_to_2_1(dir.path());
        let mut s = walk(dir.path(), lang);
        s.expect("[3/5] 2-②").unwrap();
        s.expect(notice).unwrap();
        s.send_line("y").unwrap();
        // Ctrl-C at the date checked: the answer given before it is kept.
        s.expect(if lang == "ja" {
            "確認日["
        } else {
            "date checked ["
        })
        .unwrap();
        s.send("\x03").unwrap();
        let tail = pty_output(&mut s);
        for said in [stopped, saved, resume] {
            assert!(
                flat(&tail).contains(&flat(said)),
                "{lang}: {said} in {tail}"
            );
        }
        // Dies of the signal, as documented (the shell shows 130).
        let how = ended(&mut s);
        assert!(how.contains("SIGINT"), "{lang}: {how}");
        let text = std::fs::read_to_string(dir.path().join("answers.toml")).unwrap();
        let entry = &text[text.find("item = \"remote-maintenance\"").unwrap()..];
        assert!(entry.contains("answer = \"はい\""), "{lang}: {text}");

        // The command said goes on where it stopped.
        let mut s = walk(dir.path(), lang);
        s.expect("[3/5] 2-②").unwrap();
        s.send_line("q").unwrap();
        pty_output(&mut s);
    }
}

#[test]
fn ctrl_d_at_a_question_stops_in_words_and_keeps_the_answers() {
    for (lang, stopped, resume) in [
        (
            "ja",
            "入力の終わり(Ctrl-D)を受け取ったため、ここで中断しました。",
            "続けるには`medsec answer answers.toml",
        ),
        (
            "en",
            "Input ended (Ctrl-D): the walk-through stopped here.",
            "To go on, run `medsec answer answers.toml",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        answered_to_2_1(dir.path());
        let mut s = walk(dir.path(), lang);
        s.expect("[3/5] 2-②").unwrap();
        s.send_line("n").unwrap();
        s.expect(if lang == "ja" {
            "確認日["
        } else {
            "date checked ["
        })
        .unwrap();
        s.send_line("2025-06-03").unwrap();
        s.expect(if lang == "ja" {
            "目標日"
        } else {
            "target date"
        })
        .unwrap();
        // Ctrl-D at the target date.
        s.send("\x04").unwrap();
        let tail = pty_output(&mut s);
        // On a line of its own, not after the prompt.
        assert!(tail.contains(&format!("\n{stopped}")), "{lang}: {tail}");
        assert!(flat(&tail).contains(&flat(resume)), "{lang}: {tail}");
        let how = ended(&mut s);
        assert!(how.ends_with(", 0)"), "{lang}: {how}: {tail}");
        let text = std::fs::read_to_string(dir.path().join("answers.toml")).unwrap();
        let entry = &text[text.find("item = \"remote-maintenance\"").unwrap()..];
        assert!(entry.contains("answer = \"いいえ\""), "{lang}: {text}");
        assert!(entry.contains("checked_on = 2025-06-03"), "{lang}: {text}");
    }
}

/// An English screen names the answers in English, the form's word in quotes: the keys, and
/// the checklist's note (`Answer はい if …`); a Japanese screen keeps the form's words.
#[test]
fn english_screens_name_the_answers_in_english_and_notes_are_labelled() {
    let dir = tempfile::tempdir().unwrap();
    let made = medsec()
        .current_dir(dir.path())
        .args([
            "--checklist",
            "mhlw-institution@fy2025",
            "init",
            "--out",
            "answers.toml",
        ])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", stderr_of(&made));
    // Details filled in, so the walk starts at the gate question.
    let file = dir.path().join("answers.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text
        .replacen("name = \"\"", "name = \"テスト診療所\"", 1)
        .replacen("code = \"\"", "code = \"0110113719\"", 1)
        .replacen("prefecture = \"\"", "prefecture = \"北海道\"", 1)
        .replacen("kind = \"\"", "kind = \"clinic\"", 1)
        .replacen("manager = \"\"", "manager = \"山田太郎\"", 1)
        .replacen(
            "security_manager = \"\"",
            "security_manager = \"佐藤花子\"",
            1,
        )
        .replacen("answered_by = \"\"", "answered_by = \"佐藤花子\"", 1)
        .replacen("contract = \"\"", "contract = true", 1);
    std::fs::write(&file, text).unwrap();
    for (lang, keys, note, not) in [
        (
            "en",
            "type: y = yes (\"はい\") / n = no (\"いいえ\") / na = not applicable (\"対象外\")",
            "Note from the checklist: Answer yes (\"はい\") if any information system",
            "Answer はい",
        ),
        (
            "ja",
            "入力: はい(y)、いいえ(n)、対象外(na)",
            "チェックリストの注記: 医療情報を扱う情報システム",
            "Answer",
        ),
    ] {
        let mut s = spawn_in(dir.path(), &["--lang", lang, "answer", "answers.toml"]);
        let shown = s.expect("\n> ").unwrap();
        let shown = String::from_utf8_lossy(shown.before()).into_owned();
        s.send_line("q").unwrap();
        let tail = pty_output(&mut s);
        let all = format!("{shown}{tail}");
        for said in [keys, "[1/", note] {
            assert!(flat(&all).contains(&flat(said)), "{lang}: {said} in {all}");
        }
        assert!(!all.contains(not), "{lang}: {all}");
        ended(&mut s);
    }
}

/// `check`'s form question: `q` and Ctrl-D quit without writing anything, said so (exit 2).
#[test]
fn the_form_question_of_check_quits_with_q_or_ctrl_d_and_writes_nothing() {
    for (lang, key, said) in [
        (
            "ja",
            "q",
            "様式を選ばずに終了しました。回答ファイルは作っておらず、何も書き込んでいません。",
        ),
        (
            "en",
            "\x04",
            "Quit without choosing a form: no answers file was made and nothing was written.",
        ),
        (
            "en",
            "Q",
            "Run `medsec check --lang en` again to choose one.",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = spawn_in(dir.path(), &["--lang", lang, "check"]);
        s.expect(if lang == "ja" {
            "番号[1](qで終了): "
        } else {
            "Number [1] (q quits): "
        })
        .unwrap();
        if key == "\x04" {
            s.send(key).unwrap();
        } else {
            s.send_line(key).unwrap();
        }
        let tail = pty_output(&mut s);
        assert!(flat(&tail).contains(&flat(said)), "{lang} {key:?}: {tail}");
        if key == "\x04" {
            assert!(tail.contains("\nInput ended (Ctrl-D)."), "{tail}");
        }
        let how = ended(&mut s);
        assert!(how.ends_with(", 2)"), "{lang}: {how}: {tail}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{lang} {key:?}: nothing written: {left:?}");
    }
}

/// Ctrl-C in `check`'s walk-through says how to go on with `check` itself.
#[test]
fn ctrl_c_in_the_walk_through_of_check_names_the_check_to_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = check_at_2_2(dir.path(), "ja");
    s.send("\x03").unwrap();
    let tail = pty_output(&mut s);
    assert!(
        flat(&tail).contains("中断しました。それまでに入力した"),
        "{tail}"
    );
    assert!(
        flat(&tail).contains("続けるには`medseccheck--as-of2025-09-01--checklist"),
        "{tail}"
    );
    let how = ended(&mut s);
    assert!(how.contains("SIGINT"), "{how}");
}

/// Ctrl-D in `check`'s walk-through: said, with the `check` that goes on; the check then stops
/// after status, as with `q` (exit 1), the answer given before kept.
#[test]
fn ctrl_d_in_the_walk_through_of_check_says_so_and_names_the_check_to_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = check_at_2_2(dir.path(), "en");
    s.send_line("y").unwrap();
    s.expect("date checked [").unwrap();
    s.send("\x04").unwrap();
    let tail = pty_output(&mut s);
    for said in [
        "Input ended (Ctrl-D): the walk-through stopped here.",
        "To go on, run `medsec check --as-of 2025-09-01 --checklist",
    ] {
        assert!(flat(&tail).contains(&flat(said)), "{said} in {tail}");
    }
    let how = ended(&mut s);
    assert!(how.ends_with(", 1)"), "{how}: {tail}");
    let text = std::fs::read_to_string(dir.path().join("answers.toml")).unwrap();
    let entry = &text[text.find("item = \"remote-maintenance\"").unwrap()..];
    assert!(entry.contains("answer = \"はい\""), "{text}");
}

/// `q` at a question quits as Ctrl-D does: the answers so far are saved and the command that
/// goes on is said (not only after Ctrl-D, whose input ended too), in Japanese and English.
#[test]
fn quitting_with_q_says_how_to_go_on() {
    for (lang, saved, resume) in [
        (
            "ja",
            "0件の回答を保存しました。",
            "続けるには`medsec answer answers.toml --checklist",
        ),
        (
            "en",
            "saved 0 answers",
            "To go on, run `medsec answer answers.toml --checklist",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        answered_to_2_1(dir.path());
        let mut s = walk(dir.path(), lang);
        s.expect("[3/5] 2-②").unwrap();
        s.send_line("q").unwrap();
        let tail = pty_output(&mut s);
        for said in [saved, resume] {
            assert!(
                flat(&tail).contains(&flat(said)),
                "{lang}: {said} in {tail}"
            );
        }
        let how = ended(&mut s);
        assert!(how.ends_with(", 0)"), "{lang}: {how}: {tail}");
    }
}
