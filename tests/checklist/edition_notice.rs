//! When the newest edition known is older than this fiscal year, the commands that pick an
//! edition say so, name where this year's official workbook is and the commands that register
//! it; once a checklist of this year is known, they are quiet.

use crate::common;
use common::*;

/// The fiscal year (April–March, Japan) of today.
fn current_fiscal_year() -> i16 {
    medsec::dates::fiscal_year_of(medsec::dates::today_in_japan())
}

#[test]
fn init_status_and_report_say_this_years_form_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    let out = medsec()
        .current_dir(dir.path())
        .args(["--lang", "ja", "init", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr_of(&out);
    assert!(err.contains("注意:"), "{err}");
    assert!(err.contains("medsec checklist import"), "{err}");
    assert!(err.contains("medsec checklist add"), "{err}");
    assert!(
        err.contains(&format!("FY{}", current_fiscal_year())),
        "{err}"
    );
    for args in [vec!["status"], vec!["answer", "--export", "x.csv"]] {
        let out = medsec()
            .current_dir(dir.path())
            .args(["--lang", "en"])
            .args(&args[..1])
            .arg(&file)
            .args(&args[1..])
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert!(err.contains("medsec checklist import"), "{args:?}: {err}");
    }
    // JSON for scripts is unchanged: the notice is on standard error only.
    let out = medsec()
        .args(["status", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!stdout_of(&out).contains("checklist import"));
}

#[test]
fn a_checklist_of_this_year_quiets_the_notice() {
    let year = current_fiscal_year();
    let text = std::fs::read_to_string(format!(
        "{}/checklists/mhlw/fy2025/institution.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace("fy2025", &format!("fy{year}"))
    .replace("fiscal_year = 2025", &format!("fiscal_year = {year}"));
    let dir = tempfile::tempdir().unwrap();
    let current = dir.path().join("current.toml");
    std::fs::write(&current, text).unwrap();
    let out = medsec()
        .current_dir(dir.path())
        .args(["--lang", "ja", "--checklist"])
        .arg(&current)
        .args(["init", "--out", "a.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(!stderr_of(&out).contains("注意:"), "{}", stderr_of(&out));
    let written = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    assert!(
        written.contains(&format!("edition = \"fy{year}\"")),
        "{written}"
    );
}
