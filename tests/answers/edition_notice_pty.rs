//! The walk-through (`answer FILE` on a terminal) says that this fiscal year's form is not
//! registered before its first question, not after it ends, and once: judged by the checklist
//! the answers file names (last year's bundled edition here), in the user's language.
#![cfg(unix)]
use crate::common;
use common::*;
use expectrl::session::OsSession as Session;
use expectrl::Expect;
use std::process::Command;
use std::time::Duration;

/// The fiscal year (April–March, Japan) of today.
fn current_fiscal_year() -> i16 {
    medsec::dates::fiscal_year_of(medsec::dates::today_in_japan())
}

/// What the session prints until the program ends (at most 60 s).
fn rest_of(s: &mut Session) -> String {
    crate::common::pty_output(s)
}

#[test]
fn the_walk_through_says_this_years_form_is_missing_before_its_first_question() {
    let year = current_fiscal_year();
    // The newest bundled edition is FY2025: from FY2026 on, the notice is due.
    assert!(year > 2025, "the test assumes a fiscal year after FY2025");
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    medsec()
        .env("MEDSEC_DATA_DIR", data.path())
        .args(["--lang", "ja", "init", "--out"])
        .arg(&file)
        .assert()
        .success();
    let wareki = medsec::dates::wareki_fiscal_year(year);
    for (lang, notice, question) in [
        (
            "ja",
            format!("注意: 今年度({wareki}、FY{year})の様式がまだ登録されていません"),
            "医療機関等の情報が未記入です",
        ),
        (
            "en",
            format!("note: this fiscal year's form (FY{year}"),
            "The institution details are not filled in yet",
        ),
    ] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
        cmd.env_remove("LC_ALL")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env("MEDSEC_DATA_DIR", data.path())
            .current_dir(dir.path())
            .args(["--lang", lang, "answer"])
            .arg(&file);
        let mut s = Session::spawn(cmd).expect("spawn in a pty");
        s.set_expect_timeout(Some(Duration::from_secs(20)));
        // The notice, then the first question: in that order.
        let seen = s.expect(notice.as_str()).unwrap();
        let before = String::from_utf8_lossy(seen.before()).into_owned();
        assert!(!before.contains(question), "{lang}: {before}");
        s.expect("medsec checklist import 001716187.xlsx").unwrap();
        s.expect(question).unwrap();
        // Quitting does not say it again.
        s.send_line("q").unwrap();
        let rest = rest_of(&mut s);
        assert!(
            !rest.contains(notice.as_str()),
            "{lang}: said twice: {rest}"
        );
    }
}
