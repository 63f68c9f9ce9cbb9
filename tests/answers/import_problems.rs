//! `answer --import` reports every problem of a sheet in one run (issue 13): parse errors of
//! every row, unknown, ambiguous and empty numbers, bad dates and answers, rows twice, and the
//! walk-through's checks, each naming the row as Excel numbers it and the cell; then nothing
//! is written (errors) or the answers are written and the warnings listed under one count.
use crate::common;
use common::*;
use std::path::{Path, PathBuf};

/// A fresh answers file for the bundled FY2025 institution form (2-④ is printed for サーバ and
/// for 端末PC) in `dir`, as `init` writes it.
fn answers_in(dir: &Path) -> PathBuf {
    let file = dir.join("answers.toml");
    medsec()
        .args(["--checklist", "mhlw-institution@fy2025", "init", "--out"])
        .arg(&file)
        .assert()
        .success();
    file
}

/// Import `bytes` saved as `name` beside `file`, with `--lang lang`: exit code and stderr.
fn import(file: &Path, name: &str, bytes: &[u8], lang: &str) -> (Option<i32>, String) {
    let sheet = file.parent().unwrap().join(name);
    std::fs::write(&sheet, bytes).unwrap();
    let out = medsec()
        .args(["--lang", lang, "answer"])
        .arg(file)
        .arg("--import")
        .arg(&sheet)
        .output()
        .unwrap();
    (out.status.code(), stderr_of(&out))
}

/// The lines of a message listed under its head line (indented by two spaces).
fn listed(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("  ")).collect()
}

/// Ten rows with a problem of every kind, CRLF line ends as Excel writes them: every one is
/// reported in the first run, in row order, each with its cell.
const EVERY_KIND: &str = "項目番号,対象,回答,確認日,目標日,回\r\n\
1-①,,済,2025/6/2,,\r\n\
2-④,,はい,2025/6/2,,\r\n\
9-⑨,,はい,2025/6/2,,\r\n\
,,はい,2025/6/2,,\r\n\
2-⑥,,はい,2025/13/2,,\r\n\
2-⑦,,はい,2025/6/2,,3\r\n\
2-⑪,,いいえ,2025/6/2,2027/1/5,\r\n\
2-⑪,,はい,2025/6/2,,\r\n\
2-⑧,,いいえ,2025/6/2,,\r\n\
2-⑨,,はい,,,\r\n";

#[test]
fn every_problem_of_the_sheet_is_reported_in_one_run_naming_row_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let before = std::fs::read(&file).unwrap();
    let (code, err) = import(&file, "s.csv", EVERY_KIND.as_bytes(), "en");
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing is written");
    let lines = listed(&err);
    let want = [
        "row 2 (C2):",            // 済 is no answer
        "row 3 (A3):",            // 2-④ is on two rows of the form
        "row 4 (A4):",            // 9-⑨ is no item
        "row 5 (A5):",            // the number cell is empty
        "row 6 (D6):",            // 2025/13/2 is no date
        "row 7 (F7):",            // round 3
        "row 8 (E8):",            // the target date is outside FY2025 (the walk-through's check)
        "row 9 (A9):",            // 2-⑪ again
        "warning: row 10 (E10):", // いいえ without 目標日
        "warning: row 11 (D11):", // はい without 確認日
    ];
    assert_eq!(lines.len(), want.len(), "{err}");
    for (line, start) in lines.iter().zip(want) {
        assert!(line.trim_start().starts_with(start), "{start}: {err}");
    }
    assert!(
        err.contains("8 problems in the sheet; nothing was changed (also 2 warnings):"),
        "{err}"
    );
    assert!(
        err.contains("2027-01-05") && err.contains("outside"),
        "{err}"
    );
    assert!(err.contains("(first in row 8)"), "{err}");
    // The same in Japanese: the same rows and cells, the count and the warnings.
    let (code, err) = import(&file, "s.csv", EVERY_KIND.as_bytes(), "ja");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("シートに問題が8件あるため、何も変更していません(ほかに警告が2件あります):"),
        "{err}"
    );
    for cell in ["2行目(C2)", "5行目(A5)", "8行目(E8)", "警告: 11行目(D11)"] {
        assert!(err.contains(cell), "{cell}: {err}");
    }
}

#[test]
fn an_empty_number_cell_is_said_to_be_empty() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let sheet = "項目番号,回答,確認日\n2-⑪,はい,2025/6/2\n　,はい,2025/6/2\n";
    let (code, err) = import(&file, "s.csv", sheet.as_bytes(), "ja");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("3行目(A3): 「項目番号」が空です。"), "{err}");
    assert!(!err.contains("項目「」"), "{err}");
    let (_, err) = import(&file, "s.csv", sheet.as_bytes(), "en");
    assert!(
        err.contains("row 3 (A3): the number cell is empty"),
        "{err}"
    );
    // A row with neither a number nor an answer is passed over, as a row without an answer.
    let sheet = "項目番号,回答,備考\n2-⑪,はい,\n,,メモ\n";
    let (code, err) = import(&file, "s.csv", sheet.as_bytes(), "en");
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn excel_rows_are_records_in_a_cp932_crlf_sheet_with_a_line_break_in_a_cell() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    for (text, row) in [
        ("項目,回答,確認日\r\n1-①,はい,2025/6/2\r\n1-②,済,2025/6/2\r\n", "row 3 (B3)"),
        ("項目,回答,確認日\n1-①,はい,2025/6/2\n1-②,済,2025/6/2\n", "row 3 (B3)"),
        (
            "項目,回答,確認日,備考\r\n1-①,はい,2025/6/2,\"一行目\r\n二行目\"\r\n1-②,済,2025/6/2,\r\n",
            "row 3 (B3)",
        ),
    ] {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let (code, err) = import(&file, "s.csv", &bytes, "en");
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(&format!("{row}: ")), "{text:?}: {err}");
        assert!(err.contains("`済`"), "{err}");
    }
}

#[test]
fn the_attention_count_counts_the_warning_lines() {
    // Row 2: いいえ without 目標日. Row 3: 対象外 without a reason, whose condition the file
    // does not state (two warnings on one row). Row 4: a dash, not imported.
    let sheet = "項目番号,回答,確認日,目標日,理由\n1-①,いいえ,2025/6/2,,\n2-②,対象外,2025/6/2,,\n2-⑪,－,,,\n";
    for (lang, head, warning) in [
        ("en", "4 things need attention:", "  warning: "),
        ("ja", "確認が必要な点が4件あります:", "  警告: "),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = answers_in(dir.path());
        let (code, err) = import(&file, "s.csv", sheet.as_bytes(), lang);
        assert_eq!(code, Some(0), "{err}");
        assert!(err.contains(head), "{err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with(warning)).count(),
            4,
            "{err}"
        );
    }
}

#[test]
fn an_xlsx_sheet_names_its_cells_with_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("回答").unwrap();
    for (c, h) in ["項目番号", "回答", "確認日"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "2-⑪").unwrap();
    ws.write_string(1, 1, "済").unwrap();
    ws.write_string(2, 1, "はい").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let (code, err) = import(&file, "s.xlsx", &bytes, "ja");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("2行目(回答!B2)"), "{err}");
    assert!(err.contains("3行目(回答!A3)"), "{err}");
}

/// The sheet `rows` (first row the header) as an XLSX workbook, one sheet named `Sheet1`.
fn xlsx_of(rows: &[&[&str]]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// 13-3r: one sheet saved as CSV or as XLSX gives the same result, whatever word of the CSV
/// reader names the items: a number on two rows of the form (2-④) is an error naming both,
/// and one bad cell is one problem.
#[test]
fn an_xlsx_sheet_is_read_as_the_same_csv_whatever_its_header_words() {
    for word in [
        "項目",
        "項目番号",
        "番号",
        "No.",
        "number",
        "項目ID",
        "item",
    ] {
        let rows: [&[&str]; 3] = [
            &[word, "回答", "確認日"],
            &["2-④", "はい", "2025/6/2"],
            &["1-②", "済", "2025/6/2"],
        ];
        let csv: String = rows.iter().map(|r| r.join(",") + "\r\n").collect();
        for lang in ["ja", "en"] {
            let dir = tempfile::tempdir().unwrap();
            let file = answers_in(dir.path());
            let before = std::fs::read(&file).unwrap();
            let (code, from_csv) = import(&file, "s.csv", csv.as_bytes(), lang);
            assert_eq!(code, Some(2), "{word}: {from_csv}");
            let (code, from_xlsx) = import(&file, "s.xlsx", &xlsx_of(&rows), lang);
            assert_eq!(code, Some(2), "{word}: {from_xlsx}");
            assert_eq!(std::fs::read(&file).unwrap(), before, "nothing is written");
            let problems = |err: &str| -> Vec<String> {
                listed(err)
                    .iter()
                    .map(|l| l.replace("Sheet1!", "").replace("s.xlsx", "s.csv"))
                    .collect()
            };
            assert_eq!(problems(&from_xlsx), problems(&from_csv), "{word} {lang}");
            assert_eq!(listed(&from_xlsx).len(), 2, "{word}: {from_xlsx}");
            let ambiguous = listed(&from_xlsx)[0];
            let (server, terminal) = if lang == "ja" {
                ("2-④(サーバ)", "2-④(端末PC)")
            } else {
                ("2-④ (servers)", "2-④ (terminal PCs)")
            };
            assert!(
                ambiguous.contains(server) && ambiguous.contains(terminal),
                "{word}: {from_xlsx}"
            );
            assert!(!from_xlsx.contains("not in the checklist"), "{from_xlsx}");
        }
    }
    // The scope named: the row lands on the terminal row of 2-④.
    let rows: [&[&str]; 2] = [
        &["項目", "対象", "回答", "確認日"],
        &["2-④", "端末PC", "はい", "2025/6/2"],
    ];
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let (code, err) = import(&file, "s.xlsx", &xlsx_of(&rows), "ja");
    assert_eq!(code, Some(0), "{err}");
    let text = std::fs::read_to_string(&file).unwrap();
    let answered: Vec<&str> = text
        .split("[[answers]]")
        .filter(|e| e.contains("answer = \"はい\""))
        .collect();
    assert_eq!(answered.len(), 1, "{text}");
    assert!(answered[0].contains("terminal"), "{}", answered[0]);
}

/// 13-3r: a scope none of the number's rows has names the cell that holds the scope (the 対象
/// cell, or the number cell when the scope is written after the number), CSV and XLSX alike.
#[test]
fn an_unknown_scope_names_the_scope_cell() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let rows: [&[&str]; 2] = [
        &["項目番号", "対象", "回答", "確認日"],
        &["2-④", "プリンタ", "はい", "2025/6/2"],
    ];
    let csv: String = rows.iter().map(|r| r.join(",") + "\r\n").collect();
    for (lang, csv_cell, xlsx_cell, says) in [
        (
            "ja",
            "2行目(B2): ",
            "2行目(Sheet1!B2): ",
            "対象「プリンタ」は項目番号「2-④」のどの行にも当たりません",
        ),
        (
            "en",
            "row 2 (B2): ",
            "row 2 (Sheet1!B2): ",
            "the scope `プリンタ` fits no row of number `2-④`",
        ),
    ] {
        let (code, err) = import(&file, "s.csv", csv.as_bytes(), lang);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(&format!("{csv_cell}{says}")), "{err}");
        assert!(
            err.contains("端末PC") || err.contains("terminal PCs"),
            "{err}"
        );
        let (code, err) = import(&file, "s.xlsx", &xlsx_of(&rows), lang);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(&format!("{xlsx_cell}{says}")), "{err}");
    }
    // The scope after the number: the number cell holds it.
    let csv = "項目番号,回答,確認日\r\n2-④ プリンタ,はい,2025/6/2\r\n";
    let (code, err) = import(&file, "s.csv", csv.as_bytes(), "en");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("row 2 (A2): the scope `プリンタ`"), "{err}");
}

/// The 回 column takes the round as the form prints it: full-width digits and 「1回目」/「２回目」
/// as well as 1 and 2 (issue #10: full-width input is accepted everywhere), in ja and en.
#[test]
fn a_round_in_full_width_or_as_kaime_is_accepted() {
    for lang in ["ja", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let file = answers_in(dir.path());
        let sheet = "項目番号,対象,回答,確認日,目標日,回\r\n\
            1-①,,はい,2025/6/2,,1回目\r\n\
            1-①,,はい,2025/11/4,,２\r\n\
            1-②,,はい,2025/6/2,,１\r\n\
            1-②,,はい,2025/11/5,,２回目\r\n";
        let (code, err) = import(&file, "r.csv", sheet.as_bytes(), lang);
        assert_eq!(code, Some(0), "{lang}: {err}");
        let v: toml::Value = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let second: Vec<String> = v["answers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["round"].as_integer() == Some(2))
            .map(|a| a["checked_on"].to_string())
            .collect();
        assert_eq!(second, ["2025-11-04", "2025-11-05"], "{lang}: {err}");
        // A third round is still refused, naming the cell as written.
        let (code, err) = import(
            &file,
            "r3.csv",
            "項目番号,対象,回答,確認日,目標日,回\r\n1-①,,はい,2025/6/2,,３回目\r\n".as_bytes(),
            lang,
        );
        assert_eq!(code, Some(2), "{lang}: {err}");
        assert!(err.contains("３回目"), "{lang}: {err}");
    }
}

/// A number typed with another dash than `-` (the minus sign U+2212, the hyphen U+2010, the em
/// dash U+2014, as a Japanese input method or a copied PDF gives them) names the same item.
#[test]
fn a_number_typed_with_a_minus_sign_or_another_dash_names_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let sheet = "項目番号,回答,確認日\r\n\
        1\u{2212}①,はい,2025/6/2\r\n\
        1\u{2010}②,はい,2025/6/3\r\n\
        2\u{2014}⑥,はい,2025/6/4\r\n";
    let (code, err) = import(&file, "dashes.csv", sheet.as_bytes(), "en");
    assert_eq!(code, Some(0), "{err}");
    let v: toml::Value = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let checked: Vec<(String, String)> = v["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a.get("answer").and_then(toml::Value::as_str) == Some("はい"))
        .map(|a| (a["item"].to_string(), a["checked_on"].to_string()))
        .collect();
    assert_eq!(
        checked,
        [
            ("\"security-manager\"".to_owned(), "2025-06-02".to_owned()),
            ("\"operating-rules\"".to_owned(), "2025-06-03".to_owned()),
            ("\"security-patches\"".to_owned(), "2025-06-04".to_owned()),
        ],
        "{err}"
    );
}

/// On a sheet that names each item twice, by number and by ID (as `answer --export` writes
/// it), a row's problem names the number's cell, as the form prints it; the ID's cell only on
/// a row where the ID alone is filled.
#[test]
fn a_row_named_by_number_and_id_is_said_at_the_number_cell() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let sheet = "項目番号,対象,項目,回,回答,確認日,目標日,理由,備考,項目ID\r\n\
        1-①,,,1,はい,2025/6/2,,,,security-manager\r\n\
        1-①,,,1,はい,2025/6/3,,,,security-manager\r\n\
        ,,,1,はい,2025/6/2,,,,no-such-item\r\n";
    let (code, err) = import(&file, "export.csv", sheet.as_bytes(), "en");
    assert_eq!(code, Some(2), "{err}");
    let lines = listed(&err);
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].trim_start().starts_with("row 3 (A3):"), "{err}");
    assert!(lines[1].trim_start().starts_with("row 4 (J4):"), "{err}");
}

/// A second sheet for round 2 changes the round-2 entry the first one wrote, in TOML and YAML
/// answers files: never a second round-2 entry, never the round-1 entry.
#[test]
fn a_second_import_of_round_two_changes_that_entry_and_no_other() {
    for ext in ["toml", "yaml"] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("answers.{ext}"));
        medsec()
            .args(["--checklist", "mhlw-institution@fy2025", "init", "--out"])
            .arg(&file)
            .assert()
            .success();
        let first = "項目番号,対象,回答,確認日,目標日,回\r\n\
            1-①,,はい,2025/6/2,,1\r\n\
            1-①,,はい,2025/11/4,,2\r\n";
        let (code, err) = import(&file, "r1.csv", first.as_bytes(), "en");
        assert_eq!(code, Some(0), "{ext}: {err}");
        let second = "項目番号,対象,回答,確認日,目標日,回\r\n1-①,,はい,2025/11/20,,2\r\n";
        let (code, err) = import(&file, "r2.csv", second.as_bytes(), "en");
        assert_eq!(code, Some(0), "{ext}: {err}");
        let text = std::fs::read_to_string(&file).unwrap();
        // (round, checked_on) of each 1-① entry, in file order.
        let manager: Vec<(i64, String)> = if ext == "toml" {
            let v: toml::Value = toml::from_str(&text).unwrap();
            v["answers"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|a| a["item"].as_str() == Some("security-manager"))
                .map(|a| {
                    let round = a.get("round").and_then(toml::Value::as_integer);
                    (round.unwrap_or(1), a["checked_on"].to_string())
                })
                .collect()
        } else {
            let v: serde_norway::Value = serde_norway::from_str(&text).unwrap();
            v["answers"]
                .as_sequence()
                .unwrap()
                .iter()
                .filter(|a| a["item"].as_str() == Some("security-manager"))
                .map(|a| {
                    let round = a.get("round").and_then(serde_norway::Value::as_i64);
                    let on = a["checked_on"].as_str().unwrap_or_default();
                    (round.unwrap_or(1), on.to_owned())
                })
                .collect()
        };
        assert_eq!(
            manager,
            [(1, "2025-06-02".to_owned()), (2, "2025-11-20".to_owned())],
            "{ext}:\n{text}"
        );
    }
}

/// A problem with the sheet as a whole (nothing in it, a type medsec does not read) is said
/// alone, in both languages: no count of problems in the sheet over one line.
#[test]
fn a_problem_with_the_whole_file_is_said_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let before = std::fs::read(&file).unwrap();
    for (name, bytes, lang, says) in [
        (
            "empty.csv",
            &b""[..],
            "en",
            "`: the sheet is empty; it needs a header row",
        ),
        ("empty.csv", &b""[..], "ja", "`: シートが空です。"),
        (
            "answers.ods",
            &b"PK"[..],
            "en",
            "`: unknown sheet type; use `.csv` or `.xlsx`",
        ),
        (
            "answers.ods",
            &b"PK"[..],
            "ja",
            "`: シートの種類がわかりません。",
        ),
    ] {
        let (code, err) = import(&file, name, bytes, lang);
        assert_eq!(code, Some(2), "{name} {lang}: {err}");
        assert!(err.contains(says), "{name} {lang}: {err}");
        assert!(
            !err.contains("problem in the sheet") && !err.contains("シートに問題が"),
            "{name} {lang}: {err}"
        );
        assert!(listed(&err).is_empty(), "{name} {lang}: {err}");
    }
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing is written");
}

/// A comma-separated sheet whose header holds a tab (pasted into a cell with the word) is
/// still read by its commas: a tab decides the separator only in a header without commas.
#[test]
fn a_comma_sheet_with_a_tab_in_its_header_is_read_by_its_commas() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let sheet = "項目番号,回答,確認日,備考\t\r\n2-⑪,はい,2025/6/2,\r\n";
    let (code, err) = import(&file, "s.csv", sheet.as_bytes(), "en");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("imported 1 changed answer "), "{err}");
}

/// Rows are numbered as Excel numbers them whatever the line ends: a sheet that starts with
/// an empty line has its header on row 2, and a row of one character (a number alone) is
/// named by its own row, with LF and with CR line ends.
#[test]
fn an_empty_first_line_and_a_row_of_one_character_keep_excel_row_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    for end in ["\n", "\r"] {
        let sheet = ["", "項目番号,回答,確認日", "9", "2-⑪,済,2025/6/2", ""].join(end);
        let (code, err) = import(&file, "s.csv", sheet.as_bytes(), "en");
        assert_eq!(code, Some(2), "{end:?}: {err}");
        let lines = listed(&err);
        assert_eq!(lines.len(), 2, "{end:?}: {err}");
        assert!(
            lines[0].trim_start().starts_with("row 3 (A3): item `9`"),
            "{end:?}: {err}"
        );
        assert!(
            lines[1].trim_start().starts_with("row 4 (B4): "),
            "{end:?}: {err}"
        );
    }
}

/// A number cell with a fraction in the 回 column of an XLSX sheet (1.5) is refused as the
/// value it holds, not cut to round 1 and imported; a whole number (2) is that round.
#[test]
fn a_round_typed_as_a_fraction_in_an_xlsx_sheet_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let before = std::fs::read(&file).unwrap();
    let sheet = |round: f64| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["項目番号", "回", "回答", "確認日"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "1-①").unwrap();
        ws.write_number(1, 1, round).unwrap();
        ws.write_string(1, 2, "はい").unwrap();
        ws.write_string(1, 3, "2025/11/4").unwrap();
        wb.save_to_buffer().unwrap()
    };
    let (code, err) = import(&file, "s.xlsx", &sheet(1.5), "en");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("row 2 (Sheet1!B2): ") && err.contains("round `1.5` is not 1 or 2"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing is written");
    let (code, err) = import(&file, "s.xlsx", &sheet(2.0), "en");
    assert_eq!(code, Some(0), "{err}");
    let v: toml::Value = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let second: Vec<String> = v["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["round"].as_integer() == Some(2))
        .map(|a| format!("{} {}", a["item"], a["checked_on"]))
        .collect();
    assert_eq!(second, ["\"security-manager\" 2025-11-04"], "{err}");
}

/// An XLSX answers sheet with a column of the user's own beside medsec's (担当者) imports as
/// the same sheet saved as CSV does: a header with 項目番号 is medsec's sheet whatever else
/// it holds.
#[test]
fn an_xlsx_sheet_with_a_column_of_its_own_imports_as_the_csv_does() {
    let rows: [&[&str]; 2] = [
        &["項目番号", "回答", "確認日", "担当者"],
        &["2-⑪", "はい", "2025/6/2", "山田"],
    ];
    let csv: String = rows.iter().map(|r| r.join(",") + "\r\n").collect();
    let mut written = Vec::new();
    for (name, bytes) in [("s.csv", csv.into_bytes()), ("s.xlsx", xlsx_of(&rows))] {
        let dir = tempfile::tempdir().unwrap();
        let file = answers_in(dir.path());
        let (code, err) = import(&file, name, &bytes, "en");
        assert_eq!(code, Some(0), "{name}: {err}");
        assert!(err.contains("imported 1 changed answer "), "{name}: {err}");
        written.push(std::fs::read_to_string(&file).unwrap());
    }
    assert_eq!(written[0], written[1]);
}

/// A tab-separated sheet whose header holds a comma (`担当者,副` typed into one cell) is read
/// by its tabs, even when its comma-split pieces are column names too (`理由`, `メモ`), as one
/// whose first line is empty: the separator is the one that splits the header into more of
/// the sheet's columns. The comma in a cell stays in its value.
#[test]
fn a_tab_sheet_with_a_comma_in_its_header_is_read_by_its_tabs() {
    for sheet in [
        "項目番号\t回答\t確認日\t担当者,副\t備考\r\n2-⑪\tはい\t2025/6/2\t山田,佐藤\t一行,二行\r\n",
        "項目番号\t回答\t確認日\t備考\t担当者,理由,メモ\r\n2-⑪\tはい\t2025/6/2\t一行,二行\t山田\r\n",
        "\r\n項目番号\t回答\t確認日\t備考\r\n2-⑪\tはい\t2025/6/2\t一行,二行\r\n",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = answers_in(dir.path());
        let (code, err) = import(&file, "s.tsv", sheet.as_bytes(), "en");
        assert_eq!(code, Some(0), "{sheet:?}: {err}");
        assert!(
            err.contains("imported 1 changed answer "),
            "{sheet:?}: {err}"
        );
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("一行,二行"), "{sheet:?}: {text}");
    }
}

/// A UTF-8 or CP932 sheet holding a stray NUL byte (a tool's slip; no spreadsheet shows it)
/// is read as what it is, not taken for UTF-16 without a byte order mark (whose ASCII
/// characters each carry a NUL): the NUL on an even byte or an odd one, the sheet imports and
/// the NUL is not carried into the answers file.
#[test]
fn a_sheet_with_a_stray_nul_byte_is_not_taken_for_utf16() {
    for cp932 in [false, true] {
        let mut sides = Vec::new();
        for pad in ["", "x"] {
            let text = format!("項目番号,回答,確認日,備考\r\n2-⑪,はい,2025/6/2,メモ{pad}\0\r\n");
            let mut bytes = if cp932 {
                encoding_rs::SHIFT_JIS.encode(&text).0.into_owned()
            } else {
                text.into_bytes()
            };
            if bytes.len() % 2 == 1 {
                // UTF-16 is whole pairs of bytes: a row of one space (passed over) evens it.
                bytes.push(b' ');
            }
            sides.push(bytes.iter().position(|&b| b == 0).unwrap() % 2);
            let dir = tempfile::tempdir().unwrap();
            let file = answers_in(dir.path());
            let (code, err) = import(&file, "s.csv", &bytes, "en");
            assert_eq!(code, Some(0), "cp932 {cp932} {pad:?}: {err}");
            assert!(err.contains("imported 1 changed answer "), "{err}");
            let written = std::fs::read_to_string(&file).unwrap();
            assert!(written.contains(&format!("\"メモ{pad}\"")), "{written}");
        }
        sides.sort_unstable();
        assert_eq!(sides, [0, 1], "the NUL on both sides, cp932 {cp932}");
    }
}
