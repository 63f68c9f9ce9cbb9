//! `medsec probe` on a pseudo-terminal: the progress spinner shows on a terminal in table mode,
//! never with `--format json` or `--no-progress`, and the output stays whole either way.
//!
//! The probe is held still by a real named pipe: the asset ledger is a FIFO, so the probe
//! blocks reading it until the test writes the ledger, after it has looked at the terminal.
#![cfg(unix)]
use crate::common;
use common::*;
use expectrl::session::OsSession as Session;
use expectrl::Expect;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const SPINNER_TEXT: &str = "asset ledger (slow-ledger)";

struct Held {
    _dir: tempfile::TempDir,
    fifo: PathBuf,
    config: PathBuf,
}

/// A configuration whose one probe reads its ledger from a named pipe.
fn held_probe() -> Held {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("ledger.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let config = dir.path().join("probes.toml");
    std::fs::write(
        &config,
        format!(
            "[[probe]]\nkind = \"asset-ledger\"\nname = \"slow-ledger\"\npath = '{}'\nhostname = \"SV-KARTE01.clinic.local\"\n",
            fifo.display()
        ),
    )
    .unwrap();
    Held {
        _dir: dir,
        fifo,
        config,
    }
}

/// Let the blocked probe read the ledger.
fn release(fifo: &Path) {
    let ledger = std::fs::read(fixture("probes/ledger/ledger.csv")).unwrap();
    let mut w = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
    w.write_all(&ledger).unwrap();
}

fn spawn(held: &Held, extra: &[&str]) -> Session {
    spawn_in("en", held, extra)
}

fn spawn_in(lang: &str, held: &Held, extra: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
    cmd.env_remove("LC_ALL")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .args(["probe", "--lang", lang, "--root", "/", "--config"])
        .arg(&held.config)
        .args(extra);
    let mut s = Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

/// Everything the session prints until it exits.
fn rest(s: &mut Session) -> String {
    let mut out = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut buf = [0u8; 4096];
    while Instant::now() < deadline {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            // EIO: the pty's other side closed, the program ended.
            Err(_) => break,
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether `out` holds a spinner line: the running probe and the time it has taken.
fn spinner_line(out: &str) -> bool {
    out.lines()
        .any(|l| l.contains(SPINNER_TEXT) && l.contains("s]"))
}

/// Watch the terminal for `d`; what was printed in that time.
fn watch(s: &mut Session, d: Duration) -> String {
    s.set_expect_timeout(Some(d));
    let seen = match s.expect(SPINNER_TEXT) {
        Ok(found) => format!(
            "{}{}",
            String::from_utf8_lossy(found.before()),
            SPINNER_TEXT
        ),
        Err(_) => String::new(),
    };
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    seen
}

#[test]
fn the_spinner_shows_on_a_terminal_in_table_mode_and_the_table_follows() {
    let held = held_probe();
    let mut s = spawn(&held, &[]);
    s.expect(SPINNER_TEXT)
        .expect("the spinner names the running probe");
    release(&held.fifo);
    s.expect("Verdict").unwrap();
    let tail = rest(&mut s);
    assert!(tail.contains("asset ledger"), "{tail}");
    assert!(tail.contains("pass"), "{tail}");
    assert!(
        tail.contains("1 passed, 0 failed, 0 could not tell"),
        "{tail}"
    );
    // The spinner was cleared, not left inside the table (the notes under the table name the
    // probe too, but without the spinner's elapsed time).
    assert!(!spinner_line(&tail), "{tail}");
    let status = format!("{:?}", s.get_process_mut().wait().unwrap());
    assert!(
        status.starts_with("Exited(") && status.ends_with(", 0)"),
        "{status}"
    );
}

#[test]
fn no_spinner_with_json_or_no_progress() {
    for extra in [&["--format", "json"][..], &["--no-progress"][..]] {
        let held = held_probe();
        let mut s = spawn(&held, extra);
        let seen = watch(&mut s, Duration::from_millis(1500));
        assert!(
            seen.is_empty(),
            "{extra:?}: a spinner on the terminal: {seen}"
        );
        release(&held.fifo);
        let out = rest(&mut s);
        assert!(!spinner_line(&out), "{extra:?}: {out}");
        if extra[0] == "--format" {
            let json: serde_json::Value = serde_json::from_str(out.trim())
                .unwrap_or_else(|e| panic!("not JSON alone ({e}): {out:?}"));
            assert_eq!(json["results"][0]["verdict"], "pass", "{json}");
            assert_eq!(json["results"][0]["reason_code"], "ledger-complete");
        } else {
            assert!(
                out.contains("1 passed, 0 failed, 0 could not tell"),
                "{out}"
            );
        }
    }
}

#[test]
fn the_spinner_and_the_table_are_japanese_with_lang_ja() {
    let held = held_probe();
    let mut s = spawn_in("ja", &held, &[]);
    s.expect("機器台帳「slow-ledger」")
        .expect("the spinner names the running probe in Japanese");
    release(&held.fifo);
    s.expect("判定").unwrap();
    let tail = rest(&mut s);
    assert!(tail.contains("2-①"), "{tail}");
    assert!(tail.contains("合格1件、不合格0件、不明0件"), "{tail}");
    assert!(
        tail.contains("機器台帳「slow-ledger」の注意: 種別がサーバ・端末PC・ネットワーク機器のどれでもない行が1行あり"),
        "{tail}"
    );
}
