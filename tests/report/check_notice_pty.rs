//! `check` on a terminal (where it may ask through the open items) says that this fiscal
//! year's form is not registered before its first step, and not again at the end.
#![cfg(unix)]
use crate::common;
use common::*;
use expectrl::session::OsSession as Session;
use expectrl::Expect;
use std::process::Command;
use std::time::Duration;

/// What the session prints until the program ends (at most 60 s).
fn rest_of(s: &mut Session) -> String {
    crate::common::pty_output(s)
}

#[test]
fn check_on_a_terminal_says_this_years_form_is_missing_before_its_first_step() {
    let year = medsec::dates::fiscal_year_of(medsec::dates::today_in_japan());
    // The example clinic answered the FY2025 form, the newest bundled: from FY2026 on, the
    // notice is due.
    assert!(year > 2025, "the test assumes a fiscal year after FY2025");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out").display().to_string();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
    cmd.env_remove("LC_ALL")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("MEDSEC_DATA_DIR", tmp.path())
        .current_dir(root())
        .args([
            "--lang",
            "en",
            "check",
            "--answers",
            "examples/clinic/answers.toml",
            "--probes",
            "examples/clinic/probes.toml",
            "--as-of",
            "2025-11-01",
            "--out",
            &out,
        ]);
    let mut s = Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    let notice = format!("note: this fiscal year's form (FY{year}");
    let seen = s.expect(notice.as_str()).unwrap();
    let before = String::from_utf8_lossy(seen.before()).into_owned();
    assert!(!before.contains("[1/6]"), "{before}");
    s.expect("[1/6]").unwrap();
    let rest = rest_of(&mut s);
    assert!(rest.contains("[6/6]"), "{rest}");
    assert!(!rest.contains(notice.as_str()), "said twice: {rest}");
}
