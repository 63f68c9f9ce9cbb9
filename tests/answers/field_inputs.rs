//! Inputs as the field produces them (issue 13): sheets filled in by people and other tools,
//! answers files typed by hand. Each case is rebuilt from its description and run through the
//! binary.
use crate::common;
use common::*;
use std::path::{Path, PathBuf};

/// A fresh copy of the complete fixture (and the vendor form it lists) in `dir`.
fn answers_in(dir: &Path) -> PathBuf {
    let file = dir.join("answers.toml");
    std::fs::copy(fixture("answers/complete.toml"), &file).unwrap();
    std::fs::copy(fixture("answers/vendor-a.toml"), dir.join("vendor-a.toml")).unwrap();
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    std::fs::write(dir.join("evidence/appointment.txt"), "x").unwrap();
    file
}

/// Import `sheet` (written as `bytes`) into `file`; the output.
fn import(file: &Path, name: &str, bytes: &[u8], lang: &str) -> std::process::Output {
    let sheet = file.parent().unwrap().join(name);
    std::fs::write(&sheet, bytes).unwrap();
    with_fixtures()
        .env("LANG", lang)
        .arg("answer")
        .arg(file)
        .arg("--import")
        .arg(&sheet)
        .output()
        .unwrap()
}

fn entry<'t>(text: &'t str, item: &str) -> &'t str {
    let start = text
        .find(&format!("item = \"{item}\""))
        .unwrap_or_else(|| panic!("{item} not in {text}"));
    let rest = &text[start..];
    &rest[..rest.find("[[answers]]").unwrap_or(rest.len())]
}

const HEADER: &str = "項目番号,対象,回答,確認日,目標日,理由\n";

#[test]
fn a_target_date_outside_the_fiscal_year_is_refused_naming_row_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let before = std::fs::read(&file).unwrap();
    let sheet = format!("{HEADER}1-①,,いいえ,2025/6/2,2027/1/5,\n2-⑪,,はい,2025/6/2,,\n");
    let out = import(&file, "s.csv", sheet.as_bytes(), "C");
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("row 2 (E2)") && err.contains("2027-01-05") && err.contains("outside"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing is written");
    // In Japanese, the same place.
    let out = import(&file, "s.csv", sheet.as_bytes(), "ja_JP.UTF-8");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("2行目(E2)"), "{}", stderr_of(&out));
}

#[test]
fn a_date_checked_in_the_future_and_not_applicable_where_none_is_allowed_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let sheet = format!("{HEADER}2-⑪,,はい,2099/1/1,,\n2-⑩,,対象外,2025/6/2,,理由\n");
    let out = import(&file, "s.csv", sheet.as_bytes(), "C");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("row 2 (D2)") && err.contains("2099-01-01"),
        "{err}"
    );
    assert!(err.contains("row 3 (C3)"), "{err}");
}

#[test]
fn a_missing_target_date_is_imported_with_a_warning_and_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let sheet =
        format!("{HEADER}1-①,,いいえ,2025/6/2,,\n2-②,,対象外,2025/6/2,,\n2-⑪,,はい,2025/6/2,,\n");
    let out = import(&file, "s.csv", sheet.as_bytes(), "C");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("imported 3 changed answers"), "{err}");
    // One count, of the same things as the lines below it: three warnings on two rows.
    assert!(err.contains("3 things need attention:"), "{err}");
    assert_eq!(err.matches("\n  warning: ").count(), 3, "{err}");
    assert!(
        err.contains("warning: row 2 (E2)") && err.contains("needs a target date"),
        "{err}"
    );
    // 対象外 without a reason, and with a vendor contract in the file: its condition is unmet.
    assert!(err.contains("warning: row 3 (F3)"), "{err}");
    assert!(err.contains("warning: row 3 (C3)"), "{err}");
    assert!(
        !err.contains("row 4"),
        "a complete row is not mentioned: {err}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(entry(&text, "security-manager").contains("answer = \"いいえ\""));
    // In Japanese: the count.
    let out = import(&file, "s.csv", sheet.as_bytes(), "ja_JP.UTF-8");
    assert!(
        stderr_of(&out).contains("確認が必要な点が3件あります"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn marks_and_full_width_answers_are_read() {
    for (mark, want) in [
        ("◯", "はい"),
        ("○", "はい"),
        ("〇", "はい"),
        ("✓", "はい"),
        ("ＹＥＳ", "はい"),
        ("ｙｅｓ", "はい"),
        ("Ｙ", "はい"),
        ("×", "いいえ"),
        ("ＮＯ", "いいえ"),
        ("ｎｏ", "いいえ"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = answers_in(dir.path());
        let sheet = format!("{HEADER}2-⑪,,{mark},2025/6/2,2026/1/5,\n");
        let out = import(&file, "s.csv", sheet.as_bytes(), "C");
        assert_eq!(out.status.code(), Some(0), "{mark}: {}", stderr_of(&out));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            entry(&text, "two-factor-authentication").contains(&format!("answer = \"{want}\"")),
            "{mark}: {text}"
        );
    }
}

#[test]
fn a_dash_in_the_answer_column_is_unanswered_not_not_applicable() {
    for dash in ["－", "ー", "—", "-", "―"] {
        let dir = tempfile::tempdir().unwrap();
        let file = answers_in(dir.path());
        let before = std::fs::read_to_string(&file).unwrap();
        // 2-② allows 対象外; a dash must not make it so.
        let sheet = format!("{HEADER}2-②,,{dash},,,\n");
        let out = import(&file, "s.csv", sheet.as_bytes(), "C");
        assert_eq!(out.status.code(), Some(0), "{dash}: {}", stderr_of(&out));
        let err = stderr_of(&out);
        assert!(
            err.contains("imported 0 changed answers")
                && err.contains("row 2 (C2)")
                && err.contains("read as unanswered"),
            "{dash}: {err}"
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before, "{dash}");
    }
}

#[test]
fn utf16_sheets_without_a_byte_order_mark_are_read() {
    let text = format!("{HEADER}2-⑪,,はい,2025/6/2,,\n");
    for (name, bytes) in [
        (
            "le.csv",
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "be.csv",
            text.encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect::<Vec<u8>>(),
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = answers_in(dir.path());
        let out = import(&file, name, &bytes, "C");
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr_of(&out));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            entry(&text, "two-factor-authentication").contains("answer = \"はい\""),
            "{name}: {text}"
        );
    }
}

/// `status` on the complete fixture with `from` replaced by `to`: exit code and stderr.
fn status_with(from: &str, to: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
    let out = with_fixtures()
        .args(["status", "--as-of", "2025-09-01"])
        .arg(&file)
        .output()
        .unwrap();
    (
        out.status.code(),
        format!("{}{}", stdout_of(&out), stderr_of(&out)),
    )
}

#[test]
fn answers_files_are_strictly_typed() {
    for (from, to, key, want) in [
        (
            "evidence = [\"evidence/appointment.txt\"]",
            "evidence = \"evidence/appointment.txt\"",
            "evidence",
            "a list of text",
        ),
        (
            "note = \"ログ確認の手順を作成中\"",
            "note = 5",
            "note",
            "text",
        ),
        ("name = \"テスト診療所\"", "name = 5", "name", "text"),
        (
            "format_version = 1",
            "format_version = \"1\"",
            "format_version",
            "a whole number",
        ),
    ] {
        let (code, out) = status_with(from, to);
        assert_eq!(code, Some(2), "{to}: {out}");
        assert!(
            out.contains(key) && out.contains(want) && out.contains("wrong-type"),
            "{to}: {out}"
        );
        assert!(!out.contains("is not supported"), "{to}: {out}");
    }
    // A 医療機関コード typed without quotes has lost its leading zero: wrong-type, saying so
    // (issue 13, A1c).
    let (code, out) = status_with("code = \"0110113719\"", "code = 110113719");
    assert!(
        out.contains("wrong-type") && out.contains("leading zeros"),
        "{out}"
    );
    assert_eq!(code, Some(2), "{out}");
}

#[test]
fn an_xlsx_import_names_the_cell_of_a_refused_target_date() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    // Outside FY2025: status reports it; an import of it is refused like the walk-through.
    std::fs::write(
        &file,
        text.replace("target_date = 2026-03-31", "target_date = 2027-03-31"),
    )
    .unwrap();
    let sheet = dir.path().join("answers.xlsx");
    with_fixtures()
        .arg("answer")
        .arg(&file)
        .arg("--export")
        .arg(&sheet)
        .assert()
        .success();
    let before = std::fs::read(&file).unwrap();
    let out = with_fixtures()
        .arg("answer")
        .arg(&file)
        .arg("--import")
        .arg(&sheet)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    // Row 5 is 2-⑩ (the header, then items 0, 1-①, 2-②); 目標日 is column G of the sheet
    // the English export names `answers`.
    assert!(
        err.contains("row 5 (answers!G5)") && err.contains("2027-03-31"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}
