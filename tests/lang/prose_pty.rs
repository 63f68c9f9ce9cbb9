//! Prose on a terminal: an error, a notice or a next-step hint wider than the terminal wraps at
//! its width (words, IDs, paths, commands and the forms' terms whole; continued lines
//! indented), and never when piped, whatever `COLUMNS` says.
#![cfg(unix)]
use crate::common;
use common::*;
use expectrl::session::OsSession as Session;
use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The pseudo-terminal's width: ptyprocess sets 80 columns on both sides when it spawns (a
/// size set by the test would race with it).
const COLUMNS: usize = 80;

/// `medsec ARGS…` in `dir` on a pseudo-terminal [`COLUMNS`] wide; everything it printed.
fn on_terminal(dir: &Path, args: &[&str]) -> String {
    on_terminal_with(dir, args, &[])
}

/// [`on_terminal`] with more environment variables set.
fn on_terminal_with(dir: &Path, args: &[&str], envs: &[(&str, &Path)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
    cmd.envs(envs.iter().copied());
    cmd.args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("COLUMNS")
        .env("LANG", "C")
        .env("NO_COLOR", "1");
    let mut s = Session::spawn(cmd).expect("spawn in a pty");
    let mut out = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut buf = [0u8; 4096];
    while Instant::now() < deadline {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            // EIO: the pty's other side closed, the program ended.
            Err(_) => break,
        }
    }
    String::from_utf8_lossy(&out).replace("\r\n", "\n")
}

/// The words of `text` (spaces and line breaks aside), to compare a wrapped text with the
/// text as one line.
fn letters(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_long_error_wraps_at_the_terminal_width_and_never_when_piped() {
    let outside = tempfile::tempdir().unwrap();
    let args = |lang: &'static str| {
        [
            "--lang",
            lang,
            "checklist",
            "diff",
            "HEAD~1",
            "HEAD",
            "--",
            "checklists/",
        ]
    };
    for (lang, head, whole) in [
        (
            "ja",
            "エラー: ",
            &["リポジトリ", "フォルダ同士", "ファイル同士"][..],
        ),
        ("en", "error: ", &["repository.", "folders"][..]),
    ] {
        // Piped, even with COLUMNS: one line, as a program reads it.
        let piped = medsec()
            .current_dir(outside.path())
            .env("COLUMNS", "40")
            .args(args(lang))
            .output()
            .unwrap();
        let piped = stderr_of(&piped);
        assert_eq!(piped.trim_end().lines().count(), 1, "{piped}");
        assert!(display(&piped) > COLUMNS, "{piped}");

        let shown = on_terminal(outside.path(), &args(lang));
        let lines: Vec<&str> = shown.trim_end().lines().collect();
        assert!(lines.len() > 1, "not wrapped:\n{shown}");
        assert!(lines[0].starts_with(head), "{shown}");
        for line in &lines {
            assert!(
                display(line) <= COLUMNS,
                "{} wide: {line}\n{shown}",
                display(line)
            );
        }
        for line in &lines[1..] {
            assert!(
                line.starts_with("  "),
                "a continued line not indented:\n{shown}"
            );
            assert!(!line.trim_start().starts_with(['、', '。']), "{shown}");
        }
        for word in whole {
            assert!(shown.contains(word), "`{word}` split:\n{shown}");
        }
        assert_eq!(letters(&shown), letters(&piped), "{shown}");
    }
}

#[test]
fn the_next_step_after_status_wraps_on_a_terminal() {
    let w = tempfile::tempdir().unwrap();
    for f in ["complete.toml", "vendor-a.toml"] {
        std::fs::copy(fixture(&format!("answers/{f}")), w.path().join(f)).unwrap();
    }
    let evidence = w.path().join("evidence");
    std::fs::create_dir_all(&evidence).unwrap();
    for e in std::fs::read_dir(fixture("answers/evidence")).unwrap() {
        let e = e.unwrap().path();
        std::fs::copy(&e, evidence.join(e.file_name().unwrap())).unwrap();
    }
    // The test checklists added to the user's folder, so that the commands said (which repeat
    // a global `--checklist`) are short enough to fit.
    let data = w.path().join("data");
    for c in [INST, VEND] {
        let o = medsec()
            .env("MEDSEC_DATA_DIR", &data)
            .args(["checklist", "add"])
            .arg(root().join(c))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stdout_of(&o));
    }
    let args = [
        "--lang",
        "ja",
        "status",
        "complete.toml",
        "--as-of",
        "2025-11-01",
    ];
    let shown = on_terminal_with(w.path(), &args, &[("MEDSEC_DATA_DIR", &data)]);
    // The heading, the tables, the findings and the next step all fit.
    for line in shown.lines() {
        assert!(
            display(line) <= COLUMNS,
            "{} wide: {line}\n{shown}",
            display(line)
        );
    }
    assert!(shown.contains("警告[unknown-field]"), "{shown}");
    // The commands in backquotes are kept whole, each on one line.
    for command in [
        "`medsec probe --answers complete.toml --out evidence.json --lang ja`",
        "`medsec check --answers complete.toml --as-of 2025-11-01 --lang ja`",
    ] {
        assert!(shown.contains(command), "`{command}` split:\n{shown}");
    }
    let piped = medsec()
        .env("MEDSEC_DATA_DIR", &data)
        .current_dir(w.path())
        .args(args)
        .output()
        .unwrap();
    let piped = stdout_of(&piped);
    let next = piped.lines().find(|l| l.starts_with("次は")).unwrap();
    assert!(display(next) > COLUMNS, "{piped}");
}

fn display(s: &str) -> usize {
    medsec::render::table::display_width(s)
}

#[test]
fn verify_findings_wrap_on_a_terminal() {
    let w = tempfile::tempdir().unwrap();
    let d = w.path();
    for f in ["complete.toml", "vendor-a.toml"] {
        std::fs::copy(fixture(&format!("answers/{f}")), d.join(f)).unwrap();
    }
    std::fs::create_dir_all(d.join("evidence")).unwrap();
    for e in std::fs::read_dir(fixture("answers/evidence")).unwrap() {
        let e = e.unwrap().path();
        std::fs::copy(&e, d.join("evidence").join(e.file_name().unwrap())).unwrap();
    }
    let (inst, vend) = (
        root().join(INST).display().to_string(),
        root().join(VEND).display().to_string(),
    );
    let with = |args: &[&str]| -> Vec<String> {
        ["--checklist", &inst, "--checklist", &vend]
            .iter()
            .chain(args)
            .map(|s| (*s).to_owned())
            .collect()
    };
    for args in [
        with(&["keygen", "--out", "k", "--unencrypted"]),
        with(&[
            "report",
            "--answers",
            "complete.toml",
            "--out",
            "b",
            "--sign",
            "k.key",
        ]),
    ] {
        let out = medsec().current_dir(d).args(&args).output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    }
    // A changed report.json: the note that its content is not trusted is longer than the
    // terminal.
    let report = d.join("b/report.json");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replacen("テスト診療所", "テスト医院", 1)).unwrap();
    let args = with(&["--lang", "ja", "verify", "b", "--pubkey", "k.pub"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let piped = medsec().current_dir(d).args(&args).output().unwrap();
    let piped = stdout_of(&piped);
    let long = piped
        .lines()
        .find(|l| l.starts_with("b: ") && display(l) > COLUMNS)
        .unwrap_or_else(|| panic!("no long finding line:\n{piped}"));
    let shown = on_terminal(d, &args);
    for line in shown.lines() {
        assert!(
            display(line) <= COLUMNS,
            "{} wide: {line}\n{shown}",
            display(line)
        );
    }
    assert!(letters(&shown).contains(&letters(long)), "{shown}");
}

/// A terminal that reports its columns but 0 rows (`stty rows 0`, as under `script`) still
/// wraps prose at its columns, as the tables do (issue #10).
#[cfg(target_os = "linux")]
#[test]
fn prose_wraps_on_a_terminal_with_columns_but_no_rows() {
    let bin = env!("CARGO_BIN_EXE_medsec");
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/clinic/answers.toml");
    let inner = format!(
        "stty cols 70 rows 0; '{bin}' --lang ja status '{}'",
        answers.display()
    );
    // `script` (util-linux) gives the pseudo-terminal whose size `stty` sets.
    let out = Command::new("script")
        .args(["-qec", &inner, "/dev/null"])
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .output()
        .expect("script (util-linux) runs");
    let text = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    assert!(text.contains("医療機関コード"), "{text}");
    for line in text.lines() {
        let width = line
            .chars()
            .map(|c| match c as u32 {
                0x1100..=0x115f
                | 0x2e80..=0xa4cf
                | 0xac00..=0xd7a3
                | 0xf900..=0xfaff
                | 0xfe30..=0xfe4f
                | 0xff00..=0xff60
                | 0xffe0..=0xffe6 => 2,
                _ => 1,
            })
            .sum::<usize>();
        assert!(width <= 70, "{width} columns: {line}\n{text}");
    }
}
