//! The `[rules]` block `checklist import` writes from the layout it finds, and the round trip
//! that follows it: import → lint clean → init → the walk-through in a pseudo-terminal honours
//! the rules (no 確認日 where the form has none, no round the form lacks, the target-date
//! window) → status → report → verify. The wording in these workbooks is test data, not
//! checklist text.
#![cfg(unix)]
use crate::common;
use common::*;
use expectrl::session::OsSession as Session;
use expectrl::Expect;
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn workbook(sheet: &str, cells: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for &(r, c, text) in cells {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// Two rounds, a 確認日 column and a 目標日 column whose header names the fiscal year.
fn two_rounds() -> Vec<u8> {
    workbook(
        "R8",
        &[
            (0, 0, "番号"),
            (0, 1, "チェック項目"),
            (0, 2, "1回目 はい"),
            (0, 3, "1回目 いいえ"),
            (0, 4, "1回目 確認日"),
            (0, 5, "目標日（令和8年度中）"),
            (0, 6, "2回目 はい"),
            (0, 7, "2回目 いいえ"),
            (1, 0, "1"),
            (1, 1, "体制構築"),
            (2, 0, "①"),
            (2, 1, "試験用の責任者を置いている。"),
            (3, 0, "②"),
            (3, 1, "試験用の連絡体制を整えている。"),
        ],
    )
}

/// One round, no 確認日 column, a 目標日 column that names no window.
fn one_round() -> Vec<u8> {
    workbook(
        "Sheet1",
        &[
            (0, 0, "番号"),
            (0, 1, "チェック項目"),
            (0, 2, "はい"),
            (0, 3, "いいえ"),
            (0, 4, "目標日"),
            (0, 5, "備考"),
            (1, 0, "1"),
            (1, 1, "体制構築"),
            (2, 0, "①"),
            (2, 1, "試験用の責任者を置いている。"),
            (3, 0, "②"),
            (3, 1, "試験用の連絡体制を整えている。"),
            (4, 0, "2"),
            (4, 1, "管理・運用"),
            (5, 0, "①"),
            (5, 1, "試験用のログを確認している。"),
        ],
    )
}

fn import(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let wb = dir.join(name);
    std::fs::write(&wb, bytes).unwrap();
    let out = dir.join(format!("{name}.toml"));
    let o = medsec()
        .args(["checklist", "import"])
        .arg(&wb)
        .args(["--edition", "fy2026", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    out
}

/// The `[rules]` block of a checklist file, from its comment to its last key.
fn rules_block(text: &str) -> String {
    let start = text.find("\n# ").unwrap();
    let end = text.find("\n[[sections]]").unwrap();
    text[start..end].to_owned()
}

/// Lint codes of a file; asserts exit 0 (no errors).
fn lint_codes(path: &Path) -> Vec<String> {
    let o = medsec()
        .args(["checklist", "lint", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stdout_of(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn import_writes_rules_read_from_the_columns_with_where_each_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let two = import(dir.path(), "two.xlsx", &two_rounds());
    let text = std::fs::read_to_string(&two).unwrap();
    let block = rules_block(&text);
    for want in [
        "checked_on = \"required\"",
        "target_date = \"fiscal-year\"",
        "round_2 = \"on-form\"",
        "gate = \"unknown\"",
        "reference_only = []",
        "sources = [\"workbook:two.xlsx#sha256=",
        // Where each value came from, in both languages, naming the cells.
        "# checked_on: a 確認日 column at R8!E1",
        "# checked_on: R8!E1に確認日の列があるため",
        "(“目標日（令和8年度中）”) names this fiscal year",
        "# round_2: 2回目 columns at R8!G1, R8!H1.",
        "not an official workbook known to medsec",
    ] {
        assert!(block.contains(want), "{want} in {block}");
    }
    let codes = lint_codes(&two);
    assert!(!codes.iter().any(|c| c.starts_with("rules-")), "{codes:?}");

    let one_bytes = one_round();
    let one = import(dir.path(), "one.xlsx", &one_bytes);
    let text = std::fs::read_to_string(&one).unwrap();
    let block = rules_block(&text);
    for want in [
        "checked_on = \"not-on-form\"",
        "target_date = \"unknown\"",
        "round_2 = \"not-on-form\"",
        "# target_date: a 目標日 column at Sheet1!E1; its header names no window",
        "# round_2: answer columns at Sheet1!C1, Sheet1!D1, Sheet1!E1, Sheet1!F1, for 1回目 only.",
    ] {
        assert!(block.contains(want), "{want} in {block}");
    }
    let codes = lint_codes(&one);
    assert!(!codes.iter().any(|c| c.starts_with("rules-")), "{codes:?}");

    // Deterministic: the same workbook gives the same bytes, rules and comments included.
    let dir2 = tempfile::tempdir().unwrap();
    let elsewhere = import(dir2.path(), "one.xlsx", &one_bytes);
    assert_eq!(std::fs::read(elsewhere).unwrap(), text.as_bytes());
}

fn spawn(dir: &Path, checklist: &Path, args: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("MEDSEC_DATA_DIR", dir.join("data"))
        .current_dir(dir)
        .args(["--lang", "en", "--checklist"])
        .arg(checklist)
        .args(args);
    let mut s = Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s
}

/// Text shown before `needle`, after sending `line`.
fn send_then(s: &mut Session, line: &str, needle: &str) -> String {
    s.send_line(line).unwrap();
    let found = s.expect(needle).unwrap();
    String::from_utf8_lossy(found.before()).into_owned()
}

fn run_in(dir: &Path, checklist: &Path, args: &[&str]) -> std::process::Output {
    medsec()
        .env("MEDSEC_DATA_DIR", dir.join("data"))
        .current_dir(dir)
        .arg("--checklist")
        .arg(checklist)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn walk_through_status_report_and_verify_follow_the_imported_rules() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path();
    let checklist = import(w, "one.xlsx", &one_round());
    let o = run_in(w, &checklist, &["init", "--out", "clinic.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let text = std::fs::read_to_string(w.join("clinic.toml"))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト診療所\"")
        .replace("code = \"\"", "code = \"0110113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"clinic\"")
        .replace("manager = \"\"", "manager = \"山田太郎\"")
        .replace("security_manager = \"\"", "security_manager = \"佐藤花子\"")
        .replace("answered_by = \"\"", "answered_by = \"佐藤花子\"")
        .replace("contract = \"\"", "contract = false");
    std::fs::write(w.join("clinic.toml"), &text).unwrap();

    // The form has no 2回目: the walk-through refuses round 2 and leaves the file alone.
    let mut s = spawn(w, &checklist, &["answer", "clinic.toml", "--round", "2"]);
    s.expect("has no round 2 (2nd round) on its form").unwrap();
    s.expect(expectrl::Eof).unwrap();
    let status = s.get_process_mut().wait().unwrap();
    // A run that cannot go on: exit 2 (docs/exit-codes.md).
    assert!(format!("{status:?}").ends_with(", 2)"), "{status:?}");
    assert_eq!(
        std::fs::read_to_string(w.join("clinic.toml")).unwrap(),
        text
    );

    let mut s = spawn(w, &checklist, &["answer", "clinic.toml"]);
    s.expect("no check date is asked").unwrap();
    s.expect("[1/3] 1-①").unwrap();
    // No 確認日 on this form: straight from the answer to the note.
    let before = send_then(&mut s, "y", "note:");
    assert!(!before.contains("date checked ["), "{before}");
    send_then(&mut s, "", "evidence");
    send_then(&mut s, "", "saved.");
    s.expect("[2/3] 1-②").unwrap();
    send_then(&mut s, "n", "target date (2026-04-01 to 2027-03-31)");
    // The window is not confirmed for this form: kept, with the warning status gives.
    send_then(
        &mut s,
        "2027-05-01",
        "whether this form allows that is not confirmed",
    );
    send_then(&mut s, "", "evidence");
    send_then(&mut s, "", "saved.");
    s.expect("[3/3] 2-①").unwrap();
    send_then(&mut s, "y", "note:");
    send_then(&mut s, "", "evidence");
    send_then(&mut s, "", "saved.");
    s.expect("3 of 3 items answered").unwrap();
    s.expect(expectrl::Eof).unwrap();

    // status reads the same rules: complete, no 確認日 asked, the window a warning.
    let o = run_in(
        w,
        &checklist,
        &[
            "status",
            "clinic.toml",
            "--format",
            "json",
            "--as-of",
            "2026-12-01",
        ],
    );
    let out = stdout_of(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr_of(&o));
    assert!(out.contains("target-date-window-unconfirmed"), "{out}");
    assert!(!out.contains("missing-checked-on"), "{out}");
    assert!(!out.contains("checked-on-unconfirmed"), "{out}");

    keygen(&w.join("hospital"));
    let o = run_in(
        w,
        &checklist,
        &[
            "report",
            "--answers",
            "clinic.toml",
            "--out",
            "bundle",
            "--sign",
            "hospital.key",
        ],
    );
    assert!(
        matches!(o.status.code(), Some(0 | 1)) && w.join("bundle/report.json").is_file(),
        "{}{}",
        stdout_of(&o),
        stderr_of(&o)
    );
    let o = medsec()
        .current_dir(w)
        .args([
            "verify",
            "bundle",
            "--pubkey",
            "hospital.pub",
            "--format",
            "json",
            "--as-of",
            "2026-12-01",
        ])
        .output()
        .unwrap();
    let out = stdout_of(&o);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{out}{}",
        stderr_of(&o)
    );
    for absent in [
        "findings-disagree",
        "checklist-unknown",
        "missing-checked-on",
    ] {
        assert!(!out.contains(absent), "{absent}: {out}");
    }
    assert!(out.contains("checklist-not-official"), "{out}");
}

#[test]
fn an_official_workbook_gets_rules_from_its_own_columns_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = two_rounds();
    let sha = {
        use sha2::Digest;
        sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    // A test-only registry entry for this workbook (docs/checklist-format.md).
    let registry = dir.path().join("official-test.toml");
    std::fs::write(
        &registry,
        format!(
            "[[workbook]]\nfile = \"009999998.xlsx\"\nbytes = {}\nsha256 = \"{sha}\"\npublisher = \"mhlw\"\nedition = \"fy2026\"\nform = \"institution\"\nform_ja = \"医療機関・薬局確認用\"\nserves = [\"hospital\", \"clinic\", \"pharmacy\"]\nguideline_version = \"7.0\"\npublished = \"2026-06\"\ntitle_ja = \"試験用の公式チェックリスト\"\nsource_url = \"https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html\"\n",
            bytes.len()
        ),
    )
    .unwrap();
    let wb = dir.path().join("009999998.xlsx");
    std::fs::write(&wb, &bytes).unwrap();
    let out = dir.path().join("official.toml");
    let o = medsec()
        .env("MEDSEC_TEST_OFFICIAL_WORKBOOKS", &registry)
        .args(["checklist", "import"])
        .arg(&wb)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let block = rules_block(&std::fs::read_to_string(&out).unwrap());
    for want in [
        "# Fill-in rules read from the columns of the official workbook `009999998.xlsx`",
        "# 記入ルールは公式ブック`009999998.xlsx`",
        "medsec's sources do not confirm it for fy2026",
        "checked_on = \"required\"",
        "round_2 = \"on-form\"",
        "gate = \"unknown\"",
        &format!("sources = [\"workbook:009999998.xlsx#sha256={sha}\"]"),
    ] {
        assert!(block.contains(want), "{want} in {block}");
    }
    let codes = lint_codes(&out);
    assert!(!codes.iter().any(|c| c.starts_with("rules-")), "{codes:?}");
}

/// A titled form: the title (naming the fiscal year) on row 1, the header on row 3.
fn titled(year: &str) -> Vec<u8> {
    workbook(
        "R8",
        &[
            (0, 0, &*format!("試験用チェックリスト({year}年度版)")),
            (2, 0, "番号"),
            (2, 1, "チェック項目"),
            (2, 2, "はい"),
            (2, 3, "いいえ"),
            (2, 4, "目標日"),
            (3, 0, "1"),
            (3, 1, "体制構築"),
            (4, 0, "①"),
            (4, 1, "試験用の責任者を置いている。"),
            (5, 0, "②"),
            (5, 1, "試験用の連絡体制を整えている。"),
        ],
    )
}

#[test]
fn a_filled_workbook_titled_for_another_year_is_refused_by_its_imported_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path();
    let checklist = import(w, "r8.xlsx", &titled("令和8"));
    let o = run_in(w, &checklist, &["init", "--out", "clinic.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let before = std::fs::read_to_string(w.join("clinic.toml")).unwrap();
    // The checklist replays its recorded layout as a map from row 1: the title rows are among
    // its header rows, and are read all the same.
    std::fs::write(w.join("r7-filled.xlsx"), titled("令和7")).unwrap();
    for (lang, want) in [
        ("en", "R8!A1 names the form of"),
        ("ja", "R8!A1の表題によると"),
    ] {
        let o = run_in(
            w,
            &checklist,
            &[
                "--lang",
                lang,
                "answer",
                "clinic.toml",
                "--import",
                "r7-filled.xlsx",
            ],
        );
        assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
        assert!(stderr_of(&o).contains(want), "{}", stderr_of(&o));
        assert_eq!(
            std::fs::read_to_string(w.join("clinic.toml")).unwrap(),
            before
        );
    }
    // The workbook of the checklist's own year is read.
    std::fs::write(w.join("r8-filled.xlsx"), titled("令和8")).unwrap();
    let o = run_in(
        w,
        &checklist,
        &["answer", "clinic.toml", "--import", "r8-filled.xlsx"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
}
