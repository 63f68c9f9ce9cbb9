//! Passphrases typed at a terminal (issue #10): a retry notice is a line of its own with the
//! prompt under it, and keygen gives two passphrases that differ three tries, as `sign` gives a
//! wrong one, saying so.
#![cfg(unix)]
use crate::common;
use common::*;
use expectrl::session::OsSession as Session;
use expectrl::Expect;
use std::path::Path;
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

fn ended(s: &mut Session) -> String {
    format!("{:?}", s.get_process_mut().wait().unwrap())
}

#[test]
fn keygen_asks_again_when_the_two_passphrases_differ() {
    for (lang, first, again, differ) in [
        (
            "ja",
            "新しい秘密鍵のパスフレーズ: ",
            "もう一度パスフレーズを入力してください: ",
            "2回入力したパスフレーズが一致しません。最初からもう一度入力してください(あと2回)。",
        ),
        (
            "en",
            "Passphrase for the new secret key: ",
            "Passphrase (again): ",
            "The two passphrases differ; type it again from the start (2 tries left).",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = spawn_in(dir.path(), &["--lang", lang, "keygen", "--out", "clinic"]);
        s.expect(first).unwrap();
        s.send_line("one passphrase").unwrap();
        s.expect(again).unwrap();
        s.send_line("another passphrase").unwrap();
        // The notice on its own line, the first prompt again under it.
        s.expect(format!("\r\n{differ}\r\n{first}")).unwrap();
        s.send_line("the same passphrase").unwrap();
        s.expect(again).unwrap();
        s.send_line("the same passphrase").unwrap();
        let tail = pty_output(&mut s);
        let how = ended(&mut s);
        assert!(how.ends_with(", 0)"), "{lang}: {how}: {tail}");
        assert!(dir.path().join("clinic.key").is_file(), "{lang}: {tail}");

        // Three times two that differ: nothing is written (exit 2).
        let dir = tempfile::tempdir().unwrap();
        let mut s = spawn_in(dir.path(), &["--lang", lang, "keygen", "--out", "clinic"]);
        for n in 0..3 {
            s.expect(first).unwrap();
            s.send_line(format!("first {n}")).unwrap();
            s.expect(again).unwrap();
            s.send_line(format!("second {n}")).unwrap();
        }
        let tail = pty_output(&mut s);
        let how = ended(&mut s);
        assert!(how.ends_with(", 2)"), "{lang}: {how}: {tail}");
        assert!(
            std::fs::read_dir(dir.path()).unwrap().next().is_none(),
            "{lang}: {tail}"
        );
    }
}

#[test]
fn a_wrong_passphrase_notice_is_a_line_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let made = medsec()
        .env("PASSPHRASE_PTY", "right passphrase")
        .current_dir(dir.path())
        .args([
            "keygen",
            "--out",
            "clinic",
            "--passphrase-env",
            "PASSPHRASE_PTY",
        ])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", stderr_of(&made));
    for (lang, wrong, prompt) in [
        (
            "ja",
            "パスフレーズが違います。もう一度入力してください(あと2回)。",
            "`clinic.key`のパスフレーズ: ",
        ),
        (
            "en",
            "Wrong passphrase; try again (2 tries left).",
            "Passphrase for `clinic.key`: ",
        ),
    ] {
        // `check` asks for the passphrase before anything else, as `sign` does.
        let mut s = spawn_in(
            dir.path(),
            &["--lang", lang, "check", "--key", "clinic.key"],
        );
        s.expect(prompt).unwrap();
        s.send_line("wrong").unwrap();
        s.expect(format!("\r\n{wrong}\r\n{prompt}")).unwrap();
        s.send("\x03").unwrap();
        pty_output(&mut s);
        ended(&mut s);
    }
}
