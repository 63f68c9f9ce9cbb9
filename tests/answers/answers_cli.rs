//! File-driven answering: init, status, import/export, bad input.
use crate::common;
use common::*;
use std::path::Path;

/// The inspection day the status tests check as on (`--as-of`), so they do not depend on
/// today's date: inside FY2025, after every date checked in the fixtures but one.
const INSPECTION_DAY: &str = "2025-09-01";

fn status_json(files: &[&str]) -> (i32, serde_json::Value) {
    status_json_with(files, &["--as-of", INSPECTION_DAY])
}

fn status_json_with(files: &[&str], extra: &[&str]) -> (i32, serde_json::Value) {
    let out = with_fixtures()
        .args(["status", "--format", "json"])
        .args(extra)
        .args(files)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    (out.status.code().unwrap(), json)
}

fn codes(json: &serde_json::Value) -> Vec<String> {
    let mut all = Vec::new();
    for f in json["forms"].as_array().unwrap() {
        for x in f["findings"].as_array().unwrap() {
            all.push(x["code"].as_str().unwrap().to_owned());
        }
    }
    for x in json["findings"].as_array().unwrap() {
        all.push(x["code"].as_str().unwrap().to_owned());
    }
    for x in json["unusable"].as_array().unwrap() {
        all.push(x["code"].as_str().unwrap().to_owned());
    }
    all
}

#[test]
fn complete_answers_exit_0_and_read_the_vendor_forms_they_list() {
    let (code, json) = status_json(&["tests/fixtures/answers/complete.toml"]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["complete"], true);
    assert_eq!(
        json["forms"].as_array().unwrap().len(),
        2,
        "the vendor form listed is read"
    );
    assert_eq!(json["forms"][1]["role"], "vendor");
    assert_eq!(codes(&json), vec!["unknown-field"]);
    let open = &json["forms"][0]["open_items"][0];
    assert_eq!(open["item"], "access-log-server");
    assert_eq!(open["target_date"], "2026-03-31");
}

#[test]
fn incomplete_answers_exit_1_with_stable_codes_items_and_places() {
    let (code, json) = status_json(&["tests/fixtures/answers/incomplete.toml"]);
    assert_eq!(code, 1, "{json:#}");
    let codes = codes(&json);
    for expected in [
        "carried-forward-unconfirmed",
        "date-in-future",
        "target-date-outside-fiscal-year",
        "evidence-missing",
        "vendor-form-missing",
    ] {
        assert!(
            codes.iter().any(|c| c == expected),
            "{expected} missing in {codes:?}"
        );
    }
    let findings = json["forms"][0]["findings"].as_array().unwrap();
    let future = findings
        .iter()
        .find(|f| f["code"] == "date-in-future")
        .unwrap();
    assert_eq!(future["item"], "remote-maintenance");
    assert_eq!(future["round"], 1);
    assert_eq!(future["severity"], "error");
    assert!(future["file"]
        .as_str()
        .unwrap()
        .ends_with("incomplete.toml"));
    assert!(future["line"].as_u64().unwrap() > 30);
    assert!(
        future["message"]
            .as_str()
            .unwrap()
            .contains("after 2025-09-01"),
        "{future}"
    );
}

#[test]
fn as_of_sets_the_date_the_rules_are_checked_on() {
    let file = "tests/fixtures/answers/incomplete.toml";
    let future = |json: &serde_json::Value| codes(json).iter().any(|c| c == "date-in-future");
    // Checked on 2025-09-02: in the future the day before, not on the day itself.
    let (_, json) = status_json_with(&[file], &["--as-of", "2025-09-01"]);
    assert!(future(&json));
    let (_, json) = status_json_with(&[file], &["--as-of", "2025/9/2"]);
    assert!(!future(&json), "{json:#}");
    // Bad dates are usage errors.
    let out = with_fixtures()
        .args(["status", "--as-of", "2025-02-30", file])
        .assert()
        .code(2);
    assert!(stderr_of(out.get_output()).contains("no such day"));
}

#[test]
fn japanese_findings_in_json_keep_their_codes() {
    let out = with_fixtures()
        .args([
            "--lang",
            "ja",
            "status",
            "--format",
            "json",
            "--as-of",
            INSPECTION_DAY,
            "tests/fixtures/answers/incomplete.toml",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["forms"][0]["findings"].as_array().unwrap();
    let future = findings
        .iter()
        .find(|f| f["code"] == "date-in-future")
        .unwrap();
    // JSON is the same bytes whatever `--lang` (issue #10): the message in English.
    assert_eq!(
        future["message"],
        "2-② Asked the vendor which devices… (round 1): the date checked 2025-09-02 is after 2025-09-01 (the date checked against, Japan time)"
    );
    let outside = findings
        .iter()
        .find(|f| f["code"] == "target-date-outside-fiscal-year")
        .unwrap();
    assert!(outside["message"]
        .as_str()
        .unwrap()
        .contains("outside FY2025"));
    // LANG=ja_JP.UTF-8 gives Japanese too, also for unusable files.
    let out = with_fixtures()
        .env("LANG", "ja_JP.UTF-8")
        .args(["status", "tests/fixtures/answers/duplicate.toml"])
        .assert()
        .code(2);
    // An unusable file stops the command: its problems are on standard error.
    let text = stderr_of(out.get_output());
    assert!(
        text.contains(
            "エラー[duplicate-answer]: 1-① 医療情報システム安全管理責任者を…の1回目が2回回答されています"
        ),
        "{text}"
    );
}

#[test]
fn reading_errors_are_in_japanese_with_lang_ja() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "format_version = 1\n[checklist]\nid = \"test-institution\"\nedition = \"fy2025\"\n[[answers]]\nitem = \"security-manager\"\nanswer = \"たぶん\"\n",
    )
    .unwrap();
    let out = with_fixtures()
        .args(["--lang", "ja", "answer"])
        .arg(&file)
        .args(["--export"])
        .arg(dir.path().join("s.csv"))
        .assert()
        .code(2);
    let err = stderr_of(out.get_output());
    assert!(
        err.contains("使用できない回答ファイルです(エラー1件)"),
        "{err}"
    );
    // The item by its printed number (from the checklist given by --checklist), not its ID.
    assert!(
        err.contains(":7:10: エラー[invalid-answer]: 1-① ")
            && err.contains("(1回目): 回答`たぶん`は"),
        "{err}"
    );
    assert!(!err.contains("security-manager"), "{err}");
}

/// Read-time errors of an answers file name the item as the form prints it, in both languages
/// (bundled checklist), and keep the file's ID only where the item is unknown.
#[test]
fn reading_errors_name_items_by_their_printed_number() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "format_version = 1\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2025\"\n\
         [[answers]]\nitem = \"security-patches\"\nanswer = \"maybe\"\n\
         [[answers]]\nitem = \"security-patches\"\nround = 3\n",
    )
    .unwrap();
    for (lang, want) in [
        ("ja", "2-⑥ セキュリティパッチ(1回目): 回答`maybe`"),
        ("en", "2-⑥ Security patches (round 1): answer `maybe`"),
    ] {
        let out = medsec()
            .args(["--lang", lang, "status"])
            .arg(&file)
            .assert()
            .code(2);
        let err = stderr_of(out.get_output());
        assert!(err.contains(want), "{lang}: {err}");
        assert!(!err.contains("security-patches"), "{lang}: {err}");
    }
}

#[test]
fn round_two_progress_shows_when_answered_or_asked_for() {
    let rounds = |json: &serde_json::Value| -> Vec<u64> {
        let mut r: Vec<u64> = json["forms"][0]["progress"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["round"].as_u64().unwrap())
            .collect();
        r.dedup();
        r
    };
    let file = "tests/fixtures/answers/complete.toml";
    let (_, json) = status_json(&[file]);
    assert_eq!(rounds(&json), [1]);
    let (code, json) = status_json_with(&[file], &["--as-of", INSPECTION_DAY, "--round", "2"]);
    assert_eq!(code, 0, "round 2 is optional: {json:#}");
    assert_eq!(rounds(&json), [1, 2]);
    let round2 = &json["forms"][0]["progress"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (round2["required"].as_u64(), round2["answered"].as_u64()),
        (Some(0), Some(0))
    );

    // One round-2 answer is enough to show round 2.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("a.toml");
    let mut text = std::fs::read_to_string(fixture("answers/complete.toml")).unwrap();
    text.push_str("\n[[answers]]\nitem = \"security-manager\"\nround = 2\nanswer = \"はい\"\nchecked_on = 2025-08-01\n");
    std::fs::write(&copy, text).unwrap();
    std::fs::create_dir_all(dir.path().join("evidence")).unwrap();
    std::fs::write(dir.path().join("evidence/appointment.txt"), "x").unwrap();
    std::fs::copy(
        fixture("answers/vendor-a.toml"),
        dir.path().join("vendor-a.toml"),
    )
    .unwrap();
    let (_, json) = status_json(&[copy.to_str().unwrap()]);
    assert_eq!(rounds(&json), [1, 2]);

    // Round 1 is shown even before anything is answered.
    let empty = dir.path().join("empty.toml");
    std::fs::write(
        &empty,
        "format_version = 1\n[checklist]\nid = \"test-institution\"\nedition = \"fy2025\"\n",
    )
    .unwrap();
    let (code, json) = status_json(&[empty.to_str().unwrap()]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(rounds(&json), [1], "{json:#}");
}

#[test]
fn checklists_given_before_and_after_the_subcommand_both_count() {
    // The institution form lists a vendor form: both checklists are needed.
    medsec()
        .args(["--checklist", INST, "status", "--checklist", VEND])
        .args([
            "--as-of",
            INSPECTION_DAY,
            "tests/fixtures/answers/complete.toml",
        ])
        .assert()
        .code(0);
}

#[test]
fn status_table_shows_wareki_in_japanese() {
    let out = with_fixtures()
        .args([
            "--lang",
            "ja",
            "status",
            "--as-of",
            INSPECTION_DAY,
            "tests/fixtures/answers/complete.toml",
        ])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.contains("2026-03-31(令和8年3月31日)"), "{text}");
    assert!(text.contains("記入完了"), "{text}");
}

#[test]
fn bad_input_is_unusable_with_file_line_and_item() {
    let (code, json) = status_json(&["tests/fixtures/answers/duplicate.toml"]);
    assert_eq!(code, 2);
    let unusable = json["unusable"].as_array().unwrap();
    let dup = unusable
        .iter()
        .find(|d| d["code"] == "duplicate-answer")
        .unwrap();
    // Named by the form's number and title; the ID stays in the JSON's `item` fields.
    assert!(dup["message"].as_str().unwrap().contains("1-① "), "{dup}");
    assert!(dup["line"].as_u64().unwrap() > 40);
    assert!(unusable.iter().any(|d| d["code"] == "unknown-item"));

    let (code, json) = status_json(&["tests/fixtures/answers/not-utf8.toml"]);
    assert_eq!(code, 2);
    assert_eq!(json["unusable"][0]["code"], "not-utf8");
}

#[test]
fn an_edition_mismatch_between_forms_is_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let inst = dir.path().join("i.toml");
    with_fixtures()
        .args(["--checklist", "test-institution@fy2024", "init", "--out"])
        .arg(&inst)
        .assert()
        .success();
    let v = dir.path().join("v.toml");
    with_fixtures()
        .args(["--checklist", "test-vendor@fy2025", "init", "--out"])
        .arg(&v)
        .assert()
        .success();
    let (code, json) = status_json(&[inst.to_str().unwrap(), v.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(codes(&json).contains(&"vendor-edition-mismatch".to_owned()));
}

#[test]
fn init_writes_every_item_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.toml", "a.yaml"] {
        let out = dir.path().join(name);
        with_fixtures()
            .args([
                "--lang",
                "ja",
                "--checklist",
                "test-institution@fy2025",
                "init",
                "--out",
            ])
            .arg(&out)
            .assert()
            .success();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.contains("# 1-① 医療情報システム安全管理責任者を設置している。"),
            "{text}"
        );
        assert_eq!(text.matches("security-manager").count(), 1);
        let before = text.clone();
        let err = with_fixtures()
            .args(["--checklist", "test-institution@fy2025", "init", "--out"])
            .arg(&out)
            .assert()
            .code(2);
        assert!(stderr_of(&err.get_output().clone()).contains("--force"));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), before);
        // A fresh file is incomplete, not unusable.
        let (code, _) = status_json(&[out.to_str().unwrap()]);
        assert_eq!(code, 1);
    }
}

#[test]
fn init_from_last_year_carries_answers_forward_unconfirmed() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("last.toml");
    let src = std::fs::read_to_string(fixture("answers/complete.toml"))
        .unwrap()
        .replace("edition = \"fy2025\"", "edition = \"fy2024\"")
        .replace("2025-06-0", "2024-06-0")
        .replace("2025/06/03", "2024/06/03")
        .replace("2026-03-31", "2025-03-31");
    let src = src
        .lines()
        .filter(|l| !l.starts_with("digest"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&last, src).unwrap();
    let new = dir.path().join("new.toml");
    with_fixtures()
        .args(["--checklist", "test-institution@fy2025", "init", "--from"])
        .arg(&last)
        .arg("--out")
        .arg(&new)
        .assert()
        .success();
    let text = std::fs::read_to_string(&new).unwrap();
    assert!(text.contains("name = \"テスト診療所\""));
    assert!(text.contains("carried_from = \"fy2024\""));
    assert!(
        text.contains("review = \"reworded\""),
        "access-log-server was reworded"
    );
    assert!(
        text.contains("review = \"new\""),
        "two-factor-authentication is new"
    );
    assert!(
        !text.contains("2024-06-0"),
        "last year's dates do not carry over"
    );
    let (code, json) = status_json(&[new.to_str().unwrap()]);
    assert_eq!(code, 1);
    let codes = codes(&json);
    assert!(codes.contains(&"carried-forward-unconfirmed".to_owned()));
    assert!(codes.contains(&"needs-review".to_owned()));
    // People read the edition as the form prints it, never the ID `fy2024` (issue #10).
    for (lang, want) in [
        (
            "ja",
            "は令和6年度版から引き継いだもので、確認するまで数えません。",
        ),
        (
            "en",
            "was carried forward from the FY2024 edition and does not count",
        ),
    ] {
        let out = with_fixtures()
            .args([
                "--lang",
                lang,
                "--checklist",
                "test-institution@fy2025",
                "status",
            ])
            .arg(&new)
            .assert()
            .code(1);
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains(want), "{lang}: {text}");
        assert!(!text.contains("fy2024"), "{lang}: {text}");
    }
}

fn fresh(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("answers.toml");
    let mut text = std::fs::read_to_string(fixture("answers/complete.toml")).unwrap();
    // Clear two answers so the import fills them in.
    text = text.replace(
        "item = \"security-manager\"\nround = 1\nanswer = \"はい\"\nchecked_on = 2025-06-02\n",
        "item = \"security-manager\"\nround = 1\nanswer = \"\"   # keep this comment\nchecked_on = \"\"\n",
    );
    std::fs::write(&file, text).unwrap();
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    std::fs::write(dir.join("evidence/appointment.txt"), "x").unwrap();
    std::fs::copy(fixture("answers/vendor-a.toml"), dir.join("vendor-a.toml")).unwrap();
    file
}

#[test]
fn import_reads_utf8_bom_cp932_and_utf16_sheets() {
    for sheet in ["utf8.csv", "bom.csv", "cp932.csv", "utf16le.txt"] {
        let dir = tempfile::tempdir().unwrap();
        let file = fresh(dir.path());
        with_fixtures()
            .args(["answer"])
            .arg(&file)
            .arg("--import")
            .arg(fixture(&format!("answers/sheets/{sheet}")))
            .assert()
            .success();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("answer = \"はい\"   # keep this comment"),
            "{sheet}: {text}"
        );
        assert!(text.contains("checked_on = 2025-06-01"), "{sheet}");
        assert!(text.contains("note = \"辞令あり\""), "{sheet}");
        assert!(
            text.contains("extra_note = \"kept\"  # unknown to medsec: kept"),
            "{sheet}"
        );
        assert!(text.contains("target_date = 2026-01-31"), "{sheet}");
    }
}

#[test]
fn a_bad_sheet_changes_nothing_and_names_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let file = fresh(dir.path());
    let before = std::fs::read(&file).unwrap();
    let out = with_fixtures()
        .args(["answer"])
        .arg(&file)
        .arg("--import")
        .arg(fixture("answers/sheets/bad.csv"))
        .assert()
        .code(2);
    let err = stderr_of(out.get_output());
    assert!(
        err.contains("row 2") && err.contains("no such day"),
        "{err}"
    );
    assert!(err.contains("row 3") && err.contains("nope"), "{err}");
    assert!(err.contains("row 4") && err.contains("たぶん"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
#[allow(clippy::print_stderr)]
fn xlsx_export_has_drop_downs_and_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src.toml");
    std::fs::copy(fixture("answers/complete.toml"), &src).unwrap();
    let sheet = dir.path().join("answers.xlsx");
    with_fixtures()
        .args(["answer"])
        .arg(&src)
        .arg("--export")
        .arg(&sheet)
        .assert()
        .success();
    // The drop-down is a list validation on the answer column.
    let bytes = std::fs::read(&sheet).unwrap();
    match std::process::Command::new("unzip")
        .arg("-p")
        .arg(&sheet)
        .arg("xl/worksheets/sheet1.xml")
        .output()
    {
        Ok(out) => {
            let xml = String::from_utf8_lossy(&out.stdout);
            assert!(xml.contains("type=\"list\""), "{xml}");
            assert!(xml.contains("はい,いいえ,対象外"), "{xml}");
        }
        Err(e) => {
            assert!(!in_ci(), "unzip is needed to look inside the workbook: {e}");
            eprintln!("skipping the drop-down check: unzip not found ({e})");
        }
    }
    assert!(bytes.starts_with(b"PK"));
    // Export refuses to overwrite.
    with_fixtures()
        .args(["answer"])
        .arg(&src)
        .arg("--export")
        .arg(&sheet)
        .assert()
        .code(2);
    // Import the export into a fresh file: same answers.
    let dst = fresh(dir.path());
    with_fixtures()
        .args(["answer"])
        .arg(&dst)
        .arg("--import")
        .arg(&sheet)
        .assert()
        .success();
    let text = std::fs::read_to_string(&dst).unwrap();
    assert!(
        text.contains("answer = \"はい\"   # keep this comment"),
        "{text}"
    );
    let (code, _) = status_json(&[dst.to_str().unwrap()]);
    assert_eq!(code, 0);
}

#[test]
fn answer_without_a_terminal_points_to_the_file_driven_path() {
    let out = with_fixtures()
        .args(["answer", "tests/fixtures/answers/complete.toml"])
        .write_stdin("")
        .assert()
        .code(2);
    let err = stderr_of(out.get_output());
    assert!(
        err.contains("needs a terminal") && err.contains("--import"),
        "{err}"
    );
}

#[test]
fn yaml_files_are_checked_like_toml() {
    let dir = tempfile::tempdir().unwrap();
    let y = dir.path().join("a.yml");
    with_fixtures()
        .args(["--checklist", "test-institution@fy2025", "init", "--out"])
        .arg(&y)
        .assert()
        .success();
    let csv = dir.path().join("s.csv");
    std::fs::write(
        &csv,
        "item,answer,checked_on\nsecurity-manager,yes,2025-06-01\n",
    )
    .unwrap();
    with_fixtures()
        .args(["answer"])
        .arg(&y)
        .arg("--import")
        .arg(&csv)
        .assert()
        .success();
    let text = std::fs::read_to_string(&y).unwrap();
    assert!(text.contains("# 1-① "), "comments stay: {text}");
    assert!(
        text.contains("    answer: \"はい\"\n    checked_on: \"2025-06-01\"\n"),
        "{text}"
    );
}

/// A bash script: Unix only (on Windows the same steps are in scripts/windows-e2e.sh).
#[cfg(unix)]
#[test]
fn the_answers_example_runs() {
    let status = std::process::Command::new("bash")
        .arg(root().join("examples/answers/run.sh"))
        .env("MEDSEC", env!("CARGO_BIN_EXE_medsec"))
        .env("NO_COLOR", "1")
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}{}",
        stdout_of(&status),
        stderr_of(&status)
    );
}

/// Display width as terminals count it: East Asian wide and full-width characters take two.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{303E}'
            | '\u{3041}'..='\u{33FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}' => 2,
            _ => 1,
        })
        .sum()
}

#[test]
fn japanese_status_tables_line_up() {
    let out = with_fixtures()
        .args([
            "--lang",
            "ja",
            "status",
            "tests/fixtures/answers/complete.toml",
        ])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    let mut tables = 0;
    let mut width: Option<usize> = None;
    for line in text.lines() {
        let boxed = line.starts_with(['┌', '│', '╞', '├', '└']);
        if !boxed {
            width = None;
            continue;
        }
        if line.starts_with('┌') {
            tables += 1;
            width = Some(display_width(line));
        }
        assert_eq!(
            Some(display_width(line)),
            width,
            "misaligned row: {line}\n{text}"
        );
    }
    assert!(tables >= 3, "{text}");
}

/// An answers file naming a checklist medsec does not know: the line names the file once (in
/// its location), in both languages.
#[test]
fn an_unknown_checklist_names_the_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "format_version = 1\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2031\"\n",
    )
    .unwrap();
    for (lang, want) in [
        (
            "ja",
            "エラー[unknown-checklist]: 回答ファイルが指定するチェックリストを使えません",
        ),
        (
            "en",
            "error[unknown-checklist]: the checklist the answers file names",
        ),
    ] {
        let out = medsec()
            .args(["--lang", lang, "status"])
            .arg(&file)
            .assert()
            .code(2);
        let err = stderr_of(out.get_output());
        let line = err
            .lines()
            .find(|l| l.contains("unknown-checklist"))
            .unwrap_or_else(|| panic!("{lang}: {err}"));
        assert!(line.contains(want), "{lang}: {line}");
        assert_eq!(line.matches("a.toml").count(), 1, "{lang}: {line}");
    }
}
