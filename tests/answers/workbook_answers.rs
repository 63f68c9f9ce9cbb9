//! `medsec answer FILE --import filled.xlsx`: answers read off a filled checklist workbook,
//! in several plausible layouts built here (the real FY2026 layout is not known), filled as a
//! person would (○ in a column, a value chosen from a drop-down, Excel dates in 和暦 formats).
//! The wording in these workbooks is test data, not checklist text.

use crate::common;
use common::*;
use rust_xlsxwriter::{DataValidation, Format, Workbook};
use std::path::{Path, PathBuf};

/// A cell to write.
#[derive(Clone)]
enum V<'a> {
    S(&'a str),
    /// An Excel date (serial) shown in this number format.
    D(f64, &'a str),
    B(bool),
}

/// A sheet: name, cells (row, column, value; 0-based), merged ranges, and a drop-down list
/// (first row, column, last row, choices).
struct Spec<'a> {
    name: &'a str,
    cells: Vec<(u32, u16, V<'a>)>,
    merges: Vec<(u32, u16, u32, u16, &'a str)>,
    list: Option<(u32, u16, u32, Vec<&'a str>)>,
}

/// A workbook of one sheet, `Sheet1`, with these cells and nothing merged.
fn one_sheet(cells: Vec<(u32, u16, V)>) -> Vec<u8> {
    workbook(&[Spec {
        name: "Sheet1",
        cells,
        merges: vec![],
        list: None,
    }])
}

fn workbook(sheets: &[Spec<'_>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    for spec in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(spec.name).unwrap();
        for &(r0, c0, r1, c1, text) in &spec.merges {
            ws.merge_range(r0, c0, r1, c1, text, &plain).unwrap();
        }
        for (r, c, v) in &spec.cells {
            match v {
                V::S(t) => ws.write_string(*r, *c, *t).map(|_| ()).unwrap(),
                V::D(serial, f) => ws
                    .write_number_with_format(*r, *c, *serial, &Format::new().set_num_format(*f))
                    .map(|_| ())
                    .unwrap(),
                V::B(b) => ws.write_boolean(*r, *c, *b).map(|_| ()).unwrap(),
            }
        }
        if let Some((r0, c, r1, choices)) = &spec.list {
            let dv = DataValidation::new().allow_list_strings(choices).unwrap();
            ws.add_data_validation(*r0, *c, *r1, *c, &dv).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Serials of the dates used: 2026-06-03, 2026-06-10, 2027-01-15.
const JUNE3: f64 = 46176.0;
const JUNE10: f64 = 46183.0;
const JAN15: f64 = 46402.0;
/// 和暦 number formats as Japanese Excel writes them.
const WAREKI: &str = "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"";
const WAREKI_SHORT: &str = "[$-411]ge.m.d";

fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A folder with the checklist imported from `blank` and an answers file made by init.
struct Setup {
    dir: tempfile::TempDir,
    checklist: PathBuf,
    answers: PathBuf,
}

impl Setup {
    fn new(blank: &[u8], import_args: &[&str], form: &str) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let wb = save(dir.path(), "blank.xlsx", blank);
        let checklist = dir.path().join("checklist.toml");
        let r = run(medsec()
            .args(["checklist", "import"])
            .arg(&wb)
            .arg("--out")
            .arg(&checklist)
            .args(import_args));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let answers = dir.path().join("answers.toml");
        let r = run(medsec()
            .arg("--checklist")
            .arg(&checklist)
            .args(["init", "--form", form, "--out"])
            .arg(&answers));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        Setup {
            dir,
            checklist,
            answers,
        }
    }

    fn medsec(&self) -> assert_cmd::Command {
        let mut cmd = medsec();
        cmd.arg("--checklist").arg(&self.checklist);
        cmd
    }

    fn import(&self, name: &str, filled: &[u8], lang: &str) -> Run {
        let wb = save(self.dir.path(), name, filled);
        run(self
            .medsec()
            .args(["--lang", lang, "answer"])
            .arg(&self.answers)
            .arg("--import")
            .arg(wb))
    }

    /// `answer --layout official --export` of the answers to `name` in the folder: its path and
    /// the run.
    fn export_official(&self, name: &str) -> (PathBuf, Run) {
        let path = self.dir.path().join(name);
        let r = run(self
            .medsec()
            .args(["answer"])
            .arg(&self.answers)
            .args(["--layout", "official", "--export"])
            .arg(&path));
        (path, r)
    }

    /// The institution's details and "no vendor contract", as a person fills them in.
    fn fill_institution(&self) {
        let text = self.answers_text();
        let mut out = String::new();
        for line in text.lines() {
            let key = line.split(" = ").next().unwrap_or("");
            let value = match key {
                "name" if line.contains("\"\"") => Some("\"さくら内科クリニック\""),
                "code" if line.contains("\"\"") => Some("\"1310123458\""),
                "prefecture" => Some("\"東京都\""),
                "kind" => Some("\"clinic\""),
                "manager" => Some("\"山田太郎\""),
                "security_manager" | "answered_by" => Some("\"佐藤花子\""),
                "contract" => Some("false"),
                _ => None,
            };
            match value {
                Some(v) => out.push_str(&format!("{key} = {v}\n")),
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        std::fs::write(&self.answers, out).unwrap();
    }

    fn answers_text(&self) -> String {
        std::fs::read_to_string(&self.answers).unwrap()
    }

    /// `status --format json`: exit code and, per item ID and round, the answer and dates.
    fn status(&self) -> (i32, serde_json::Value) {
        let r = run(self
            .medsec()
            .args(["status", "--format", "json", "--as-of", "2026-07-01"])
            .arg(&self.answers));
        (
            r.code.unwrap(),
            serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stderr)),
        )
    }
}

/// The entries of an answers file as (item, round, answer, checked_on, target_date).
fn entries(text: &str) -> Vec<(String, i64, String, String, String)> {
    let v: toml::Table = toml::from_str(text).unwrap();
    let mut out: Vec<_> = v["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            a.get("answer")
                .and_then(|x| x.as_str())
                .is_some_and(|x| !x.is_empty())
        })
        .map(|a| {
            let s = |k: &str| {
                a.get(k)
                    .map(|x| x.to_string().trim_matches('"').to_owned())
                    .unwrap_or_default()
            };
            (
                s("item"),
                a.get("round").and_then(|r| r.as_integer()).unwrap_or(1),
                s("answer"),
                s("checked_on"),
                s("target_date"),
            )
        })
        .collect();
    out.sort();
    out
}

fn e(
    item: &str,
    round: i64,
    answer: &str,
    checked: &str,
    target: &str,
) -> (String, i64, String, String, String) {
    (
        item.into(),
        round,
        answer.into(),
        checked.into(),
        target.into(),
    )
}

/// Layout A: a title, two header rows (1回目/2回目 merged over はい/いいえ/確認日), sections
/// merged across, circled numbers inline in the wording, scope in the wording, a note row.
fn layout_a<'a>(filled: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    let mut cells = vec![
        (
            0,
            0,
            V::S("テスト用サイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関確認用"),
        ),
        (3, 1, V::S("はい")),
        (3, 2, V::S("いいえ")),
        (3, 3, V::S("確認日")),
        (3, 4, V::S("はい")),
        (3, 5, V::S("いいえ")),
        (3, 6, V::S("確認日")),
        (5, 0, V::S("① 試験用の責任者を置いている。")),
        (6, 0, V::S("②　試験用の連絡体制を整えている。")),
        (9, 0, V::S("① 試験用の台帳を作っている。(サーバ)")),
        (10, 0, V::S("① 試験用の台帳を作っている。(端末PC)")),
        (
            11,
            0,
            V::S("② 試験用のパッチを適用している。(医療情報システム全般)"),
        ),
        (13, 0, V::S("※ 試験用の注記です。")),
    ];
    cells.extend(filled);
    workbook(&[Spec {
        name: "チェックリスト",
        cells,
        merges: vec![
            (2, 0, 3, 0, "チェック項目"),
            (2, 1, 2, 3, "1回目"),
            (2, 4, 2, 6, "2回目"),
            (2, 7, 3, 7, "備考"),
            (4, 0, 4, 7, "1 体制構築"),
            (8, 0, 8, 7, "2 医療情報システムの管理・運用"),
        ],
        list: None,
    }])
}

/// Layout B: a number column with parenthesised and full-width numbers, a scope column, one
/// header row, section rows by a bare number, a 目標日 column.
fn layout_b<'a>(filled: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    let mut cells = vec![
        (0, 0, V::S("No.")),
        (0, 1, V::S("確認項目")),
        (0, 2, V::S("対象")),
        (0, 3, V::S("はい")),
        (0, 4, V::S("いいえ")),
        (0, 5, V::S("確認日")),
        (0, 6, V::S("目標日")),
        (1, 0, V::S("1")),
        (1, 1, V::S("体制構築")),
        (2, 0, V::S("1-(1)")),
        (2, 1, V::S("試験用の責任者を置いている。")),
        (3, 0, V::S("（２）")),
        (3, 1, V::S("試験用の規程を定めている。")),
        (4, 0, V::S("２")),
        (4, 1, V::S("管理・運用")),
        (5, 0, V::S("2-(1)")),
        (5, 1, V::S("試験用のログを確認している。")),
        (5, 2, V::S("サーバ")),
        (6, 0, V::S("２－（１）")),
        (6, 1, V::S("試験用のログを確認している。")),
        (6, 2, V::S("端末PC")),
    ];
    cells.extend(filled);
    one_sheet(cells)
}

/// Layout C: a section column merged down, a number column of circled numbers, one 回答
/// column with a drop-down list, dates and a target date.
fn layout_c<'a>(filled: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    let mut cells = vec![
        (0, 0, V::S("大項目")),
        (0, 1, V::S("番号")),
        (0, 2, V::S("チェック項目")),
        (0, 3, V::S("回答")),
        (0, 4, V::S("確認日")),
        (0, 5, V::S("目標日")),
        (1, 1, V::S("①")),
        (1, 2, V::S("試験用の責任者を置いている。")),
        (2, 1, V::S("②")),
        (2, 2, V::S("試験用の連絡体制を整えている。")),
        (4, 1, V::S("①")),
        (4, 2, V::S("試験用の権限を設定している。(サーバ、端末PC)")),
        (5, 1, V::S("②")),
        (5, 2, V::S("試験用のバックアップを取っている。")),
    ];
    cells.extend(filled);
    workbook(&[Spec {
        name: "R8",
        cells,
        merges: vec![(1, 0, 2, 0, "1 体制構築"), (3, 0, 5, 0, "2 管理・運用")],
        list: Some((1, 3, 5, vec!["はい", "いいえ", "対象外"])),
    }])
}

/// Layout D: a vendor workbook with an extra column (責任分界), headings 「１．…」, numbers
/// 1-①, check boxes (TRUE/FALSE) in the はい column.
fn layout_d<'a>(filled: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    let mut cells = vec![
        (
            0,
            0,
            V::S("テスト用チェックリスト(令和8年度版) 事業者確認用"),
        ),
        (2, 0, V::S("番号")),
        (2, 1, V::S("チェック項目")),
        (2, 2, V::S("責任分界")),
        (2, 3, V::S("はい")),
        (2, 4, V::S("いいえ")),
        (2, 5, V::S("確認日")),
        (2, 6, V::S("備考")),
        (3, 0, V::S("１．体制構築")),
        (4, 0, V::S("1-①")),
        (4, 1, V::S("試験用の窓口を置いている。")),
        (4, 2, V::S("事業者")),
        (5, 0, V::S("２．管理・運用")),
        (6, 0, V::S("2-①")),
        (6, 1, V::S("試験用の保守記録を残している。")),
        (6, 2, V::S("医療機関")),
    ];
    cells.extend(filled);
    workbook(&[Spec {
        name: "事業者確認用",
        cells,
        merges: vec![],
        list: None,
    }])
}

#[test]
fn layout_a_marks_in_two_rounds_with_wareki_dates() {
    let s = Setup::new(&layout_a(vec![]), &[], "institution");
    let filled = layout_a(vec![
        (5, 1, V::S("○")),
        (5, 3, V::D(JUNE3, WAREKI)),
        (6, 2, V::S("✓")),
        (6, 3, V::S("令和8年6月3日")),
        (9, 1, V::S("◯")),
        (9, 3, V::D(JUNE3, WAREKI_SHORT)),
        (10, 1, V::S("〇")),
        (10, 3, V::S("R8.6.3")),
        (11, 1, V::S("レ")),
        (11, 3, V::S("2026/6/3")),
        (11, 7, V::S("試験用の備考")),
        // Round 2 of 1-①.
        (5, 4, V::S("x")),
        (5, 6, V::D(JUNE10, "yyyy/m/d")),
    ]);
    let r = s.import("filled.xlsx", &filled, "ja");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("6件"), "{}", r.stderr);
    let got = entries(&s.answers_text());
    assert_eq!(
        got,
        vec![
            e("s1-01", 1, "はい", "2026-06-03", ""),
            e("s1-01", 2, "はい", "2026-06-10", ""),
            e("s1-02", 1, "いいえ", "2026-06-03", ""),
            e("s2-01-server", 1, "はい", "2026-06-03", ""),
            e("s2-01-terminal", 1, "はい", "2026-06-03", ""),
            e("s2-02", 1, "はい", "2026-06-03", ""),
        ]
    );
    assert!(s.answers_text().contains("試験用の備考"));
}

#[test]
fn layout_b_scope_column_and_target_dates() {
    let s = Setup::new(
        &layout_b(vec![]),
        &["--edition", "fy2026", "--id", "clinic-institution"],
        "institution",
    );
    let filled = layout_b(vec![
        (2, 3, V::S("○")),
        (2, 5, V::D(JUNE3, WAREKI)),
        (3, 4, V::S("○")),
        (3, 5, V::D(JUNE3, WAREKI)),
        (3, 6, V::D(JAN15, WAREKI_SHORT)),
        (5, 3, V::S("X")),
        (5, 5, V::S("令和8年6月3日")),
        (6, 3, V::S("はい")),
        (6, 5, V::S("2026-06-03")),
    ]);
    let r = s.import("filled.xlsx", &filled, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "はい", "2026-06-03", ""),
            e("s1-02", 1, "いいえ", "2026-06-03", "2027-01-15"),
            e("s2-01-server", 1, "はい", "2026-06-03", ""),
            e("s2-01-terminal", 1, "はい", "2026-06-03", ""),
        ]
    );
    // The rest of the year as a person does it: details, status, a signed report, verify.
    s.fill_institution();
    let (code, json) = s.status();
    assert_eq!(code, 0, "every item answered: {json:#}");
    assert_eq!(json["complete"], true, "{json:#}");
    let key = s.dir.path().join("clinic");
    keygen(&key);
    let bundle = s.dir.path().join("bundle");
    let r = run(s
        .medsec()
        .args(["report", "--answers"])
        .arg(&s.answers)
        .arg("--out")
        .arg(&bundle)
        .arg("--sign")
        .arg(key.with_extension("key")));
    assert!(matches!(r.code, Some(0 | 1)), "{}", r.stderr);
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("report.json")).unwrap()).unwrap();
    assert!(report.to_string().contains("2027-01-15"), "{report:#}");
    // The inspector imports the same workbook: the same checklist.
    let r = run(s
        .medsec()
        .args(["verify", "--as-of", "2026-07-01", "--pubkey"])
        .arg(key.with_extension("pub"))
        .arg(&bundle));
    assert_eq!(r.code, Some(0), "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("1 valid"), "{}", r.stdout);
}

#[test]
fn layout_c_a_value_chosen_from_a_drop_down() {
    let s = Setup::new(&layout_c(vec![]), &["--edition", "fy2026"], "institution");
    let filled = |s2_01: &'static str| {
        layout_c(vec![
            (1, 3, V::S("はい")),
            (1, 4, V::D(JUNE3, WAREKI)),
            (2, 3, V::S("いいえ")),
            (2, 4, V::D(JUNE3, WAREKI)),
            (2, 5, V::S("令和9年1月15日")),
            (4, 3, V::S(s2_01)),
            (4, 4, V::D(JUNE3, WAREKI)),
            (5, 3, V::S("はい")),
            (5, 4, V::D(JUNE3, WAREKI)),
        ])
    };
    // The checklist allows 対象外 nowhere: chosen from the drop-down, it is refused as the
    // walk-through and status refuse it, naming row and cell; nothing is imported.
    let before = s.answers_text();
    let r = s.import("filled.xlsx", &filled("対象外"), "en");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("row 5 (R8!D5)") && r.stderr.contains("not allowed"),
        "{}",
        r.stderr
    );
    assert_eq!(s.answers_text(), before);
    let r = s.import("filled.xlsx", &filled("いいえ"), "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // いいえ without a 目標日 is imported with a warning naming the empty cell.
    assert!(
        r.stderr.contains("1 thing needs attention") && r.stderr.contains("row 5 (R8!F5)"),
        "{}",
        r.stderr
    );
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "はい", "2026-06-03", ""),
            e("s1-02", 1, "いいえ", "2026-06-03", "2027-01-15"),
            e("s2-01", 1, "いいえ", "2026-06-03", ""),
            e("s2-02", 1, "はい", "2026-06-03", ""),
        ]
    );
}

#[test]
fn layout_d_vendor_with_an_extra_column_and_check_boxes() {
    let s = Setup::new(&layout_d(vec![]), &[], "vendor");
    let filled = layout_d(vec![
        (4, 3, V::B(true)),
        (4, 4, V::B(false)),
        (4, 5, V::D(JUNE3, WAREKI)),
        (6, 3, V::B(false)),
        (6, 4, V::B(true)),
        (6, 5, V::D(JUNE3, WAREKI_SHORT)),
    ]);
    let r = s.import("filled.xlsx", &filled, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "はい", "2026-06-03", ""),
            e("s2-01", 1, "いいえ", "2026-06-03", ""),
        ]
    );
}

/// The import must fail with exit 2, name every needle, and leave the answers file as it was.
fn refused(s: &Setup, name: &str, bytes: &[u8], needles: &[&str]) {
    let before = s.answers_text();
    let r = s.import(name, bytes, "en");
    assert_eq!(r.code, Some(2), "{}\n{}", r.stdout, r.stderr);
    for n in needles {
        assert!(r.stderr.contains(n), "{n:?} not in {}", r.stderr);
    }
    assert_eq!(s.answers_text(), before, "nothing written");
}

#[test]
fn both_answers_marked_is_an_error_naming_the_cells() {
    let s = Setup::new(&layout_a(vec![]), &[], "institution");
    let filled = layout_a(vec![
        (5, 1, V::S("○")),
        (5, 2, V::S("○")),
        (6, 1, V::S("○")),
    ]);
    refused(
        &s,
        "both.xlsx",
        &filled,
        &["チェックリスト!B6", "チェックリスト!C6", "1-①"],
    );
    let r = s.import("both.xlsx", &filled, "ja");
    assert!(r.stderr.contains("複数の回答"), "{}", r.stderr);
}

#[test]
fn a_mark_on_a_row_that_is_no_item_is_an_error() {
    let s = Setup::new(&layout_a(vec![]), &[], "institution");
    let filled = layout_a(vec![(5, 1, V::S("○")), (13, 1, V::S("○"))]);
    refused(&s, "note.xlsx", &filled, &["チェックリスト!B14", "no item"]);
}

#[test]
fn a_value_that_is_no_mark_and_a_bad_date_name_their_cells() {
    let s = Setup::new(&layout_a(vec![]), &[], "institution");
    let filled = layout_a(vec![
        (5, 1, V::S("済")),
        (6, 1, V::S("○")),
        (6, 3, V::S("2026/13/40")),
    ]);
    refused(
        &s,
        "bad.xlsx",
        &filled,
        &[
            "row 6 (チェックリスト!B6)",
            "済",
            "row 7 (チェックリスト!D7)",
            "2 problems",
        ],
    ); // One problem a line, each line indented under the head line, row and cell named.
    let r = s.import("bad.xlsx", &filled, "ja");
    assert!(r.stderr.contains("2件あるため"), "{}", r.stderr);
    assert!(
        r.stderr.contains("\n  6行目(チェックリスト!B6)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("\n  7行目(チェックリスト!D7)"),
        "{}",
        r.stderr
    );
}

/// A refused mark with a date beside it is one problem, its cause: no second, follow-on
/// "a date but no answer" for the same row (issue #11, re-review), in en and ja.
#[test]
fn a_refused_mark_beside_a_date_is_one_problem() {
    let s = Setup::new(&layout_a(vec![]), &[], "institution");
    let filled = layout_a(vec![(5, 1, V::S("済")), (5, 3, V::S("2026/6/3"))]);
    refused(
        &s,
        "done.xlsx",
        &filled,
        &["row 6 (チェックリスト!B6)", "済"],
    );
    for (lang, follow_on) in [
        ("en", "but no はい, いいえ or 対象外 marked"),
        ("ja", "の印がありません"),
    ] {
        let r = s.import("done.xlsx", &filled, lang);
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains("済"), "{lang}: {}", r.stderr);
        assert!(!r.stderr.contains(follow_on), "{lang}: {}", r.stderr);
        assert!(
            !r.stderr.contains("チェックリスト!D6"),
            "{lang}: {}",
            r.stderr
        );
    }
    // The date alone, without the refused mark, is still said.
    let dated = layout_a(vec![(5, 3, V::S("2026/6/3"))]);
    refused(
        &s,
        "dated.xlsx",
        &dated,
        &["but no はい, いいえ or 対象外 marked"],
    );
}

#[test]
fn bad_workbooks_name_the_sheet_and_cell() {
    let s = Setup::new(&layout_a(vec![]), &[], "institution");
    // Not a checklist.
    let other = workbook(&[Spec {
        name: "名簿",
        cells: vec![
            (0, 0, V::S("氏名")),
            (0, 1, V::S("チェック項目")),
            (1, 0, V::S("山田")),
        ],
        merges: vec![],
        list: None,
    }]);
    refused(&s, "names.xlsx", &other, &["names.xlsx", "名簿!B1"]);
    // Two candidate sheets.
    let sheet = |name| Spec {
        name,
        cells: vec![
            (0, 0, V::S("チェック項目")),
            (0, 1, V::S("はい")),
            (0, 2, V::S("いいえ")),
            (1, 0, V::S("① 試験用の責任者を置いている。")),
            (1, 1, V::S("○")),
        ],
        merges: vec![],
        list: None,
    };
    refused(
        &s,
        "two.xlsx",
        &workbook(&[sheet("令和7年度"), sheet("令和8年度")]),
        &["令和7年度", "令和8年度"],
    );
    // --sheet chooses one, as with `checklist import`.
    let r = run(s
        .medsec()
        .args(["answer"])
        .arg(&s.answers)
        .arg("--import")
        .arg(s.dir.path().join("two.xlsx"))
        .args(["--sheet", "令和8年度"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(s.answers_text().contains("answer = \"はい\""));
    // Password-protected (an OLE compound file).
    let mut locked = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    locked.resize(4096, 0);
    refused(&s, "locked.xlsx", &locked, &["password"]);
    // Duplicate numbers.
    let dup = layout_a(vec![(10, 0, V::S("① 試験用の台帳を作っている。(サーバ)"))]);
    refused(
        &s,
        "dup.xlsx",
        &dup,
        &["チェックリスト!A11", "チェックリスト!A10"],
    );
    // A number the checklist does not have.
    let extra = layout_a(vec![
        (12, 0, V::S("③ 試験用の追加項目です。")),
        (12, 1, V::S("○")),
    ]);
    refused(&s, "extra.xlsx", &extra, &["チェックリスト!A13", "2-③"]);
}

#[test]
fn medsecs_own_sheet_still_imports() {
    let s = Setup::new(&layout_a(vec![]), &[], "institution");
    let out = s.dir.path().join("sheet.xlsx");
    let r = run(s
        .medsec()
        .args(["answer"])
        .arg(&s.answers)
        .arg("--export")
        .arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = run(s
        .medsec()
        .args(["answer"])
        .arg(&s.answers)
        .arg("--import")
        .arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// Export in the official layout, then import that file into a fresh answers file: the same
/// answers come back.
fn round_trip_official(s: &Setup) {
    let (official, r) = s.export_official("official.xlsx");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("official"), "{}", r.stderr);
    let fresh = s.dir.path().join("fresh.toml");
    let form = if s.answers_text().contains("[vendor]") {
        "vendor"
    } else {
        "institution"
    };
    let r = run(s
        .medsec()
        .args(["init", "--form", form, "--out"])
        .arg(&fresh));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = run(s
        .medsec()
        .args(["answer"])
        .arg(&fresh)
        .arg("--import")
        .arg(&official));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&std::fs::read_to_string(&fresh).unwrap()),
        entries(&s.answers_text())
    );
    // The official layout again, as a checklist workbook: the same checklist.
    let again = s.dir.path().join("again.toml");
    let r = run(medsec()
        .args(["checklist", "import"])
        .arg(&official)
        .args(["--edition", "fy2026", "--out"])
        .arg(&again));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// Cells to write (row, column, value; 0-based).
type Cells = Vec<(u32, u16, V<'static>)>;
/// A workbook layout, filled with the cells given.
type Layout = fn(Cells) -> Vec<u8>;

/// A checklist imported from `layout`'s blank workbook (with `import_args`), a `form` answers
/// file filled from the workbook with `filled` cells, then [`round_trip_official`].
fn round_trips(layout: Layout, import_args: &[&str], form: &str, filled: Cells) {
    let s = Setup::new(&layout(vec![]), import_args, form);
    let r = s.import("filled.xlsx", &layout(filled), "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    round_trip_official(&s);
}

#[test]
fn the_official_layout_round_trips_in_every_layout() {
    round_trips(
        layout_a,
        &[],
        "institution",
        vec![
            (5, 1, V::S("○")),
            (5, 3, V::D(JUNE3, WAREKI)),
            (5, 4, V::S("○")),
            (5, 6, V::D(JUNE10, WAREKI)),
            (6, 2, V::S("○")),
            (6, 3, V::D(JUNE3, WAREKI)),
            (9, 1, V::S("○")),
            (10, 2, V::S("○")),
            (11, 1, V::S("○")),
            (11, 7, V::S("試験用の備考")),
        ],
    );
    round_trips(
        layout_b,
        &["--edition", "fy2026"],
        "institution",
        vec![
            (2, 3, V::S("○")),
            (3, 4, V::S("○")),
            (3, 6, V::D(JAN15, WAREKI)),
            (6, 3, V::S("○")),
        ],
    );
    round_trips(
        layout_c,
        &["--edition", "fy2026"],
        "institution",
        vec![
            (1, 3, V::S("はい")),
            (2, 3, V::S("いいえ")),
            (2, 5, V::D(JAN15, WAREKI)),
            (4, 3, V::S("はい")),
        ],
    );
    round_trips(
        layout_d,
        &[],
        "vendor",
        vec![(4, 3, V::S("レ")), (6, 4, V::S("✓"))],
    );
}

/// #13: a filled workbook is checked as medsec's own sheet is, by the same code: はい without
/// 確認日 and いいえ without 目標日 are imported with the same warnings, a target date outside the
/// fiscal year is refused with the same message and exit code; each names row and cell.
#[test]
fn a_filled_workbook_is_checked_as_the_sheet_is() {
    // What follows the place in each listed line.
    fn said(err: &str) -> Vec<String> {
        err.lines()
            .filter(|l| l.starts_with("  "))
            .map(|l| l.split_once("): ").map_or(l, |(_, m)| m).to_owned())
            .collect()
    }
    let args = ["--edition", "fy2026"];
    // The 目標日 header names the fiscal year, so the import writes a `fiscal-year` window for
    // target dates (an unconfirmed window would only warn).
    let layout_b = |mut cells: Vec<(u32, u16, V<'static>)>| {
        cells.push((0, 6, V::S("目標日（令和8年度中）")));
        layout_b(cells)
    };
    // Warnings only: written, warned about.
    let wb = Setup::new(&layout_b(vec![]), &args, "institution");
    let r = wb.import(
        "filled.xlsx",
        &layout_b(vec![
            (2, 3, V::S("○")),
            (3, 4, V::S("○")),
            (3, 5, V::D(JUNE3, WAREKI)),
        ]),
        "en",
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("2 things need attention:"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("warning: row 3 (Sheet1!F3)")
            && r.stderr.contains("no date checked")
            && r.stderr.contains("warning: row 4 (Sheet1!G4)")
            && r.stderr.contains("needs a target date"),
        "{}",
        r.stderr
    );
    let csv = Setup::new(&layout_b(vec![]), &args, "institution");
    let sheet = "項目番号,対象,回答,確認日,目標日\n1-(1),,はい,,\n1-(2),,いいえ,2026/6/3,\n";
    let r2 = csv.import("sheet.csv", sheet.as_bytes(), "en");
    assert_eq!(r2.code, Some(0), "{}", r2.stderr);
    assert!(
        r2.stderr.contains("row 2 (D2)") && r2.stderr.contains("row 3 (E3)"),
        "{}",
        r2.stderr
    );
    assert_eq!(said(&r.stderr), said(&r2.stderr));
    assert_eq!(entries(&wb.answers_text()), entries(&csv.answers_text()));
    // A target date outside FY2026: refused, nothing written, in both languages.
    let filled = layout_b(vec![
        (3, 4, V::S("○")),
        (3, 5, V::D(JUNE3, WAREKI)),
        (3, 6, V::S("2028/1/1")),
    ]);
    let before = wb.answers_text();
    for (lang, place) in [("en", "row 4 (Sheet1!G4)"), ("ja", "4行目(Sheet1!G4)")] {
        let r = wb.import("late.xlsx", &filled, lang);
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(
            r.stderr.contains(place) && r.stderr.contains("2028-01-01"),
            "{}",
            r.stderr
        );
        assert_eq!(wb.answers_text(), before, "nothing written");
    }
    let r = wb.import("late.xlsx", &filled, "en");
    let sheet = "項目番号,対象,回答,確認日,目標日\n1-(2),,いいえ,2026/6/3,2028/1/1\n";
    let r2 = csv.import("late.csv", sheet.as_bytes(), "en");
    assert_eq!(r2.code, Some(2), "{}", r2.stderr);
    assert_eq!(said(&r.stderr), said(&r2.stderr));
}

#[test]
fn the_official_layout_needs_a_recorded_layout() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("a.toml");
    let r = run(with_fixtures()
        .args(["init", "--form", "institution", "--out"])
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = dir.path().join("official.xlsx");
    for lang in ["en", "ja"] {
        let r = run(with_fixtures()
            .args(["--lang", lang, "answer"])
            .arg(&answers)
            .args(["--layout", "official", "--export"])
            .arg(&out));
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains("checklist import"), "{}", r.stderr);
        assert!(!out.exists());
    }
}

/// #13 item 2: in medsec's own sheet (XLSX and CSV alike), a date cell is a date whatever its
/// number format, and dates typed as text are read in every form people write them.
#[test]
fn sheet_dates_in_wareki_formats_and_as_text() {
    let s = Setup::new(&layout_a(vec![]), &[], "institution");
    let sheet = workbook(&[Spec {
        name: "回答",
        cells: vec![
            (0, 0, V::S("項目番号")),
            (0, 1, V::S("対象")),
            (0, 2, V::S("回答")),
            (0, 3, V::S("確認日")),
            (1, 0, V::S("1-①")),
            (1, 2, V::S("はい")),
            (1, 3, V::D(JUNE3, WAREKI)),
            (2, 0, V::S("1-②")),
            (2, 2, V::S("はい")),
            (2, 3, V::D(JUNE3, WAREKI_SHORT)),
            (3, 0, V::S("2-①")),
            (3, 1, V::S("サーバ")),
            (3, 2, V::S("はい")),
            (3, 3, V::D(JUNE3, "[$-ja-JP]ggge\"年\"")),
            (4, 0, V::S("2-①")),
            (4, 1, V::S("端末PC")),
            (4, 2, V::S("はい")),
            (4, 3, V::S("令和8年6月3日")),
            (5, 0, V::S("2-②")),
            (5, 2, V::S("はい")),
            (5, 3, V::S("R8.6.3")),
        ],
        merges: vec![],
        list: None,
    }]);
    let r = s.import("sheet.xlsx", &sheet, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let want = vec![
        e("s1-01", 1, "はい", "2026-06-03", ""),
        e("s1-02", 1, "はい", "2026-06-03", ""),
        e("s2-01-server", 1, "はい", "2026-06-03", ""),
        e("s2-01-terminal", 1, "はい", "2026-06-03", ""),
        e("s2-02", 1, "はい", "2026-06-03", ""),
    ];
    assert_eq!(entries(&s.answers_text()), want);

    let t = Setup::new(&layout_a(vec![]), &[], "institution");
    let csv = "項目番号,対象,回答,確認日\r\n1-①,,はい,令和8年6月3日\r\n1-②,,はい,R8.6.3\r\n2-①,サーバ,はい,2026/6/3\r\n2-①,端末PC,はい,２０２６／６／３\r\n2-②,,はい,2026-06-03\r\n";
    let r = t.import("sheet.csv", csv.as_bytes(), "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(entries(&t.answers_text()), want);
}

#[test]
fn map_states_a_layout_that_cannot_be_found() {
    let s = Setup::new(&layout_a(vec![]), &[], "institution");
    // 「文言」 names no wording column: the layout is not found without --map.
    let filled = workbook(&[Spec {
        name: "独自様式",
        cells: vec![
            (0, 0, V::S("No")),
            (0, 1, V::S("文言")),
            (0, 2, V::S("はい")),
            (0, 3, V::S("いいえ")),
            (1, 0, V::S("1-①")),
            (1, 1, V::S("試験用の責任者を置いている。")),
            (1, 2, V::S("○")),
            (2, 0, V::S("1-②")),
            (2, 1, V::S("試験用の連絡体制を整えている。")),
            (2, 3, V::S("○")),
        ],
        merges: vec![],
        list: None,
    }]);
    refused(&s, "own.xlsx", &filled, &["--map"]);
    let r = run(s
        .medsec()
        .args(["answer"])
        .arg(&s.answers)
        .arg("--import")
        .arg(s.dir.path().join("own.xlsx"))
        .args(["--map", "number=A,text=B,header-rows=1"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "はい", "", ""),
            e("s1-02", 1, "いいえ", "", "")
        ]
    );
}

/// A form with the gate question printed without a number before section 1.
fn gate_layout(filled: Cells) -> Vec<u8> {
    gate_form("試験用の医療情報システムを導入している。", filled)
}

/// The same form with `gate` as the wording of row 2.
fn gate_form(gate: &'static str, filled: Cells) -> Vec<u8> {
    let mut cells: Cells = vec![
        (0, 0, V::S("番号")),
        (0, 1, V::S("チェック項目")),
        (0, 2, V::S("はい")),
        (0, 3, V::S("いいえ")),
        (0, 4, V::S("確認日")),
        (0, 5, V::S("目標日")),
        (1, 1, V::S(gate)),
        (2, 0, V::S("1")),
        (2, 1, V::S("体制構築")),
        (3, 0, V::S("①")),
        (3, 1, V::S("試験用の責任者を置いている。")),
        (4, 0, V::S("②")),
        (4, 1, V::S("試験用の台帳を作っている。")),
    ];
    cells.extend(filled);
    one_sheet(cells)
}

/// The gate question found on import is answered from the filled workbook: いいえ marked ○ with
/// a 和暦 date needs no target date and switches every other item off, so status is complete
/// with nothing else answered; the official layout round trips with it.
#[test]
fn a_gate_answered_no_in_the_workbook_switches_the_other_items_off() {
    let s = Setup::new(
        &gate_layout(vec![]),
        &["--edition", "fy2026"],
        "institution",
    );
    let text = std::fs::read_to_string(&s.checklist).unwrap();
    assert!(text.contains("gate = \"on-form\""), "{text}");
    s.fill_institution();
    let (code, _) = s.status();
    assert_eq!(code, 1, "unanswered is incomplete");
    let filled = gate_layout(vec![(1, 3, V::S("○")), (1, 4, V::D(JUNE3, WAREKI))]);
    let r = s.import("filled.xlsx", &filled, "ja");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![e(
            "medical-information-system",
            1,
            "いいえ",
            "2026-06-03",
            ""
        )]
    );
    let (code, json) = s.status();
    assert_eq!(code, 0, "{json}");
    let text = json.to_string();
    assert!(!text.contains("missing-target-date"), "{text}");
    assert!(!text.contains("unanswered"), "{text}");
    // The gate いいえ is no gap: not listed with the いいえ items and their target dates.
    assert_eq!(
        json["forms"][0]["open_items"],
        serde_json::json!([]),
        "{json}"
    );
    for (lang, heading) in [("ja", "いいえの項目と目標日"), ("en", "target date")] {
        let r = run(s
            .medsec()
            .args(["--lang", lang, "status", "--as-of", "2026-07-01"])
            .arg(&s.answers));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(!r.stdout.contains(heading), "{lang}: {}", r.stdout);
    }
    round_trip_official(&s);
}

/// A gate named with `--map gate=2` at import is read from its recorded row when the filled
/// workbook is imported, without the map again; one stated absent (`gate=none`) is not looked
/// for.
#[test]
fn a_gate_named_at_import_is_read_from_its_row_without_the_map() {
    let plain = "試験用のシステムを使っている。";
    let s = Setup::new(
        &gate_form(plain, vec![]),
        &["--edition", "fy2026", "--map", "gate=2"],
        "institution",
    );
    s.fill_institution();
    let filled = gate_form(
        plain,
        vec![(1, 3, V::S("○")), (1, 4, V::S("令和8年6月3日"))],
    );
    let r = s.import("filled.xlsx", &filled, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![e(
            "medical-information-system",
            1,
            "いいえ",
            "2026-06-03",
            ""
        )]
    );
    assert_eq!(s.status().0, 0);

    // Stated absent: a row that looks like a gate is not taken for one.
    let s = Setup::new(
        &gate_layout(vec![]),
        &["--edition", "fy2026", "--map", "gate=none"],
        "institution",
    );
    let text = std::fs::read_to_string(&s.checklist).unwrap();
    assert!(text.contains("gate = \"not-on-form\""), "{text}");
    let filled = gate_layout(vec![(3, 2, V::S("○")), (3, 4, V::S("R8.6.3"))]);
    let r = s.import("filled.xlsx", &filled, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![e("s1-01", 1, "はい", "2026-06-03", "")]
    );
}

/// Rows inserted above the gate since the import: its recorded row now holds a note, so the
/// gate is searched for as at import, and its answer still lands on it.
#[test]
fn a_gate_moved_by_inserted_rows_is_still_found() {
    let s = Setup::new(
        &gate_layout(vec![]),
        &["--edition", "fy2026"],
        "institution",
    );
    let shifted = workbook(&[Spec {
        name: "Sheet1",
        cells: vec![
            (0, 0, V::S("番号")),
            (0, 1, V::S("チェック項目")),
            (0, 2, V::S("はい")),
            (0, 3, V::S("いいえ")),
            (0, 4, V::S("確認日")),
            (0, 5, V::S("目標日")),
            (1, 1, V::S("※ 試験用の注記です。")),
            (2, 1, V::S("試験用の医療情報システムを導入している。")),
            (2, 2, V::S("○")),
            (2, 4, V::S("R8.6.3")),
            (3, 0, V::S("1")),
            (3, 1, V::S("体制構築")),
            (4, 0, V::S("①")),
            (4, 1, V::S("試験用の責任者を置いている。")),
            (5, 0, V::S("②")),
            (5, 1, V::S("試験用の台帳を作っている。")),
        ],
        merges: vec![],
        list: None,
    }]);
    let r = s.import("filled.xlsx", &shifted, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![e("medical-information-system", 1, "はい", "2026-06-03", "")]
    );
}

/// An own list on sheet 独自: a one-row `header` over three items numbered `numbers` in
/// column A, their texts in column B, and the cells `filled`.
fn own_list<'a>(
    header: [&'a str; 3],
    numbers: [&'a str; 3],
    filled: Vec<(u32, u16, V<'a>)>,
) -> Vec<u8> {
    let mut cells = vec![
        (0, 0, V::S(header[0])),
        (0, 1, V::S(header[1])),
        (0, 2, V::S(header[2])),
        (1, 0, V::S(numbers[0])),
        (1, 1, V::S("試験用の責任者を置いている。")),
        (2, 0, V::S(numbers[1])),
        (2, 1, V::S("試験用の台帳を作っている。")),
        (3, 0, V::S(numbers[2])),
        (3, 1, V::S("試験用の訓練をしている。")),
    ];
    cells.extend(filled);
    workbook(&[Spec {
        name: "独自",
        cells,
        merges: vec![],
        list: None,
    }])
}

/// An own list numbered 1/2/3 in a `No.` column under a one-row header, answered in one
/// 実施状況 column: the answers import uses the layout the checklist import recorded (the
/// はい/いいえ written in the rows are no header rows) and the plain numbers it accepted.
fn plain_numbers<'a>(filled: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    own_list(["No.", "確認項目", "実施状況"], ["1", "2", "3"], filled)
}

#[test]
fn an_own_list_with_plain_numbers_takes_its_answers_back() {
    let s = Setup::new(
        &plain_numbers(vec![]),
        &["--edition", "fy2026", "--id", "own-institution"],
        "institution",
    );
    let filled = plain_numbers(vec![
        (1, 2, V::S("はい")),
        (2, 2, V::S("いいえ")),
        (3, 2, V::S("はい")),
    ]);
    let r = s.import("own_filled.xlsx", &filled, "ja");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "はい", "", ""),
            e("s1-02", 1, "いいえ", "", ""),
            e("s1-03", 1, "はい", "", ""),
        ]
    );
}

/// A row whose number the checklist has, but for other scopes, is refused naming its scope
/// cell (what to correct), not the number cell, and the items that number has (ja/en).
#[test]
fn a_scope_the_checklist_lacks_names_the_scope_cell() {
    let s = Setup::new(
        &layout_b(vec![]),
        &["--edition", "fy2026", "--id", "clinic-institution"],
        "institution",
    );
    let filled = layout_b(vec![
        (5, 3, V::S("○")),
        (6, 2, V::S("ネットワーク機器")),
        (6, 3, V::S("○")),
    ]);
    refused(
        &s,
        "filled.xlsx",
        &filled,
        &[
            "Sheet1!C7",
            "2-(1) has no item for the scope",
            "Correct the scope",
        ],
    );
    let r = s.import("filled-ja.xlsx", &filled, "ja");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("Sheet1!C7") && r.stderr.contains("の項目がありません"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("Sheet1!A7"), "{}", r.stderr);
}

/// Two rounds and 目標日 columns after both: a 目標日 headed without a round, the only one,
/// is shared by the rounds (its date goes to the round answered いいえ, to both when both
/// are); one after the 2回目 columns, where another under 1回目 serves round 1, is round 2's.
fn targets_after_both_rounds<'a>(round_1_target: bool, filled: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    let mut cells = vec![
        (1, 1, V::S("はい")),
        (1, 2, V::S("いいえ")),
        (1, 4, V::S("はい")),
        (1, 5, V::S("いいえ")),
        (2, 0, V::S("1 体制構築")),
        (3, 0, V::S("① 試験用の責任者を置いている。")),
        (4, 0, V::S("② 試験用の規程を定めている。")),
        (5, 0, V::S("③ 試験用の台帳を作っている。")),
    ];
    cells.push(if round_1_target {
        (1, 3, V::S("目標日"))
    } else {
        (1, 3, V::S("確認日"))
    });
    cells.push((1, 6, V::S("確認日")));
    cells.extend(filled);
    workbook(&[Spec {
        name: "Sheet1",
        cells,
        merges: vec![
            (0, 0, 1, 0, "チェック項目"),
            (0, 1, 0, 3, "1回目"),
            (0, 4, 0, 6, "2回目"),
            (0, 7, 1, 7, "目標日"),
        ],
        list: None,
    }])
}

#[test]
fn a_target_date_column_after_both_rounds_lands_on_the_right_round() {
    // One 目標日 column for both rounds.
    let s = Setup::new(
        &targets_after_both_rounds(false, vec![]),
        &["--edition", "fy2026", "--id", "own-institution"],
        "institution",
    );
    let filled = targets_after_both_rounds(
        false,
        vec![
            // ①: いいえ in round 1 only.
            (3, 2, V::S("○")),
            (3, 7, V::D(JAN15, WAREKI)),
            // ②: はい in round 1, いいえ in round 2.
            (4, 1, V::S("○")),
            (4, 5, V::S("○")),
            (4, 7, V::D(JUNE10, WAREKI_SHORT)),
            // ③: いいえ in both rounds.
            (5, 2, V::S("○")),
            (5, 5, V::S("○")),
            (5, 7, V::D(JAN15, WAREKI)),
        ],
    );
    let r = s.import("filled.xlsx", &filled, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "いいえ", "", "2027-01-15"),
            e("s1-02", 1, "はい", "", ""),
            e("s1-02", 2, "いいえ", "", "2026-06-10"),
            e("s1-03", 1, "いいえ", "", "2027-01-15"),
            e("s1-03", 2, "いいえ", "", "2027-01-15"),
        ]
    );

    // A 目標日 under 1回目 and another after the 2回目 columns.
    let s = Setup::new(
        &targets_after_both_rounds(true, vec![]),
        &["--edition", "fy2026", "--id", "own-institution"],
        "institution",
    );
    let filled = targets_after_both_rounds(
        true,
        vec![
            (3, 2, V::S("○")),
            (3, 3, V::D(JUNE10, WAREKI)),
            (3, 5, V::S("○")),
            (3, 7, V::D(JAN15, WAREKI)),
            (4, 1, V::S("○")),
            (4, 5, V::S("○")),
            (4, 7, V::D(JAN15, WAREKI_SHORT)),
        ],
    );
    let r = s.import("filled.xlsx", &filled, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "いいえ", "", "2026-06-10"),
            e("s1-01", 2, "いいえ", "", "2027-01-15"),
            e("s1-02", 1, "はい", "", ""),
            e("s1-02", 2, "いいえ", "", "2027-01-15"),
        ]
    );
    // Written back in the official layout, the dates go to the same columns.
    let (_, r) = s.export_official("back.xlsx");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// One header row, no 1回目 heading, a single 目標日 standing after the first round's columns
/// and before the 2回目 columns: it is round 1's (docs/checklist-format.md), not shared.
fn target_before_round_2<'a>(filled: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    let mut cells = vec![
        (0, 0, V::S("チェック項目")),
        (0, 1, V::S("はい")),
        (0, 2, V::S("いいえ")),
        (0, 3, V::S("確認日")),
        (0, 4, V::S("目標日")),
        (0, 5, V::S("2回目 はい")),
        (0, 6, V::S("2回目 いいえ")),
        (0, 7, V::S("2回目 確認日")),
        (1, 0, V::S("1 体制構築")),
        (2, 0, V::S("① 試験用の責任者を置いている。")),
        (3, 0, V::S("② 試験用の規程を定めている。")),
    ];
    cells.extend(filled);
    one_sheet(cells)
}

#[test]
fn a_single_target_date_before_the_second_round_is_the_first_rounds() {
    let s = Setup::new(
        &target_before_round_2(vec![]),
        &["--edition", "fy2026", "--id", "own-institution"],
        "institution",
    );
    let filled = target_before_round_2(vec![
        // ①: いいえ in both rounds, one date in the 目標日 column before 2回目.
        (2, 2, V::S("○")),
        (2, 3, V::D(JUNE3, WAREKI)),
        (2, 4, V::D(JAN15, WAREKI)),
        (2, 6, V::S("レ")),
        (2, 7, V::D(JUNE10, WAREKI_SHORT)),
        // ②: はい in round 1.
        (3, 1, V::S("✓")),
        (3, 3, V::D(JUNE3, WAREKI_SHORT)),
    ]);
    let r = s.import("filled.xlsx", &filled, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "いいえ", "2026-06-03", "2027-01-15"),
            e("s1-01", 2, "いいえ", "2026-06-10", ""),
            e("s1-02", 1, "はい", "2026-06-03", ""),
        ]
    );
}

/// An old .xls or a password-protected workbook, and a CSV renamed .xlsx, given to
/// `answer --import`: named as what they are, exit 2, the answers file untouched.
#[test]
fn an_xls_or_a_text_file_given_as_the_filled_workbook_is_named_as_such() {
    let s = Setup::new(
        &layout_a(vec![]),
        &["--edition", "fy2026", "--id", "own-institution"],
        "institution",
    );
    let before = s.answers_text();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    for name in ["old.xls", "locked.xlsx"] {
        let r = s.import(name, &ole, "en");
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(
            r.stderr.contains(name) && r.stderr.contains("OLE compound file"),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("unknown sheet type"), "{}", r.stderr);
    }
    let r = s.import("old.xls", &ole, "ja");
    assert!(r.stderr.contains("パスワード"), "{}", r.stderr);
    let r = s.import(
        "list.xlsx",
        "チェック項目,はい,いいえ\n① 試験用の責任者を置いている。,○,\n".as_bytes(),
        "en",
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("`list.xlsx` is a text file (such as a CSV)"),
        "{}",
        r.stderr
    );
    assert_eq!(s.answers_text(), before, "nothing written");
}

/// A workbook as some forms come: a filled-in example sheet (記入例) before the form itself.
fn with_example<'a>(example: Vec<(u32, u16, V<'a>)>, form: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    let sheet = |name, filled: Vec<(u32, u16, V<'a>)>| {
        let mut cells = vec![
            (0, 0, V::S("チェック項目")),
            (0, 1, V::S("はい")),
            (0, 2, V::S("いいえ")),
            (0, 3, V::S("確認日")),
            (1, 0, V::S("1 体制構築")),
            (2, 0, V::S("① 試験用の責任者を置いている。")),
            (3, 0, V::S("② 試験用の規程を定めている。")),
        ];
        cells.extend(filled);
        Spec {
            name,
            cells,
            merges: vec![],
            list: None,
        }
    };
    workbook(&[sheet("記入例", example), sheet("チェックリスト", form)])
}

#[test]
fn beside_an_example_sheet_the_sheet_imported_from_is_read() {
    let s = Setup::new(
        &with_example(vec![], vec![]),
        &[
            "--edition",
            "fy2026",
            "--id",
            "own-institution",
            "--sheet",
            "チェックリスト",
        ],
        "institution",
    );
    let example = vec![(2, 1, V::S("○")), (3, 1, V::S("○"))];
    let form = vec![
        (2, 1, V::S("○")),
        (2, 3, V::D(JUNE3, WAREKI)),
        (3, 2, V::S("○")),
        (3, 3, V::D(JUNE3, WAREKI_SHORT)),
    ];
    let filled = with_example(example, form);
    let r = s.import("filled.xlsx", &filled, "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("several sheets that look like checklists (`記入例`, `チェックリスト`): the answers were read from `チェックリスト`"),
        "{}",
        r.stderr
    );
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "はい", "2026-06-03", ""),
            e("s1-02", 1, "いいえ", "2026-06-03", ""),
        ]
    );
    // --sheet reads another, and says nothing of a choice.
    let r = run(s
        .medsec()
        .args(["--lang", "en", "answer"])
        .arg(&s.answers)
        .arg("--import")
        .arg(s.dir.path().join("filled.xlsx"))
        .args(["--sheet", "記入例"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stderr.contains("several sheets"), "{}", r.stderr);
    assert!(entries(&s.answers_text()).contains(&e("s1-02", 1, "はい", "2026-06-03", "")));
}

/// This year's filled workbook given to an answers file of last year's checklist (made while
/// this year's form was not registered): refused naming the title cell and both years, not
/// landed on last year's items by number; nothing written.
#[test]
fn a_workbook_of_another_fiscal_year_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.toml");
    let r = run(medsec()
        .args(["--checklist", "mhlw-institution@fy2025", "init", "--out"])
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let before = std::fs::read_to_string(&answers).unwrap();
    // 令和8年度版 in its title (チェックリスト!A1).
    let filled = save(
        dir.path(),
        "filled.xlsx",
        &layout_a(vec![(5, 1, V::S("○")), (5, 3, V::D(JUNE3, WAREKI))]),
    );
    for (lang, needles) in [
        (
            "en",
            [
                "チェックリスト!A1 names the form of 令和8年度 (FY2026)",
                "`mhlw-institution@fy2025` (FY2025)",
            ],
        ),
        (
            "ja",
            [
                "チェックリスト!A1の表題によると、このブックは令和8年度(FY2026)の様式",
                "何も取り込んでいません",
            ],
        ),
    ] {
        let r = run(medsec()
            .args(["--lang", lang, "answer"])
            .arg(&answers)
            .arg("--import")
            .arg(&filled));
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        for n in needles {
            assert!(r.stderr.contains(n), "{n:?} not in {}", r.stderr);
        }
    }
    assert_eq!(std::fs::read_to_string(&answers).unwrap(), before);
}

/// The marks people put in a はい/いいえ column: a list numbered 1… under one header row, the
/// はい column C and the いいえ column D. `marks` are (row, column, value), rows from 1.
fn marks_sheet(rows: usize, marks: Cells) -> Vec<u8> {
    let texts: Vec<&'static str> = (1..=rows)
        .map(|k| &*Box::leak(format!("試験用の台帳{k}を整えている。").into_boxed_str()))
        .collect();
    let numbers: Vec<&'static str> = (1..=rows)
        .map(|k| &*Box::leak(k.to_string().into_boxed_str()))
        .collect();
    let mut cells: Cells = vec![
        (0, 0, V::S("No.")),
        (0, 1, V::S("確認項目")),
        (0, 2, V::S("はい")),
        (0, 3, V::S("いいえ")),
    ];
    for k in 0..rows {
        let r = u32::try_from(k + 1).unwrap();
        cells.push((r, 0, V::S(numbers[k])));
        cells.push((r, 1, V::S(texts[k])));
    }
    cells.extend(marks);
    workbook(&[Spec {
        name: "印",
        cells,
        merges: vec![],
        list: None,
    }])
}

/// #11: every common mark is read as the answer of the column it stands in (● in the はい
/// column is はい, TRUE of a check box in the いいえ column is いいえ); 0, FALSE, an unticked box
/// and a blank are no mark.
#[test]
fn common_marks_count_in_the_column_they_stand_in() {
    let yes = [
        V::S("●"),
        V::S("○"),
        V::S("◯"),
        V::S("〇"),
        V::S("✓"),
        V::S("✔"),
        V::S("レ"),
        V::S("x"),
        V::S("X"),
        V::S("1"),
        V::D(1.0, "General"),
        V::S("TRUE"),
        V::B(true),
    ];
    let mut marks: Cells = yes
        .iter()
        .enumerate()
        .map(|(k, v)| (u32::try_from(k + 1).unwrap(), 2, v.clone()))
        .collect();
    // いいえ, with "no mark" in the はい column beside it.
    let no: [(V<'static>, V<'static>); 4] = [
        (V::S("0"), V::S("○")),
        (V::B(false), V::S("●")),
        (V::S("FALSE"), V::D(1.0, "General")),
        (V::D(0.0, "General"), V::B(true)),
    ];
    for (k, (in_yes, in_no)) in no.into_iter().enumerate() {
        let r = u32::try_from(yes.len() + k + 1).unwrap();
        marks.push((r, 2, in_yes));
        marks.push((r, 3, in_no));
    }
    let rows = yes.len() + 4;
    for lang in ["ja", "en"] {
        let s = Setup::new(
            &marks_sheet(rows, vec![]),
            &["--edition", "fy2026"],
            "institution",
        );
        let r = s.import("marks.xlsx", &marks_sheet(rows, marks.clone()), lang);
        assert_eq!(r.code, Some(0), "{lang}: {}", r.stderr);
        let want: Vec<_> = (1..=rows)
            .map(|k| {
                let answer = if k <= yes.len() {
                    "はい"
                } else {
                    "いいえ"
                };
                e(&format!("s1-{k:02}"), 1, answer, "", "")
            })
            .collect();
        assert_eq!(entries(&s.answers_text()), want, "{lang}");
    }
}

/// #11: a row marked in both columns, and a value that is no mark (× means いいえ to some,
/// はい to none: it is not guessed), are refused naming the cell, what was found and what is
/// read as a mark; nothing is written.
#[test]
fn marks_in_both_columns_or_an_unknown_mark_are_refused() {
    let s = Setup::new(
        &marks_sheet(3, vec![]),
        &["--edition", "fy2026"],
        "institution",
    );
    let filled = marks_sheet(
        3,
        vec![
            (1, 2, V::S("●")),
            (1, 3, V::D(1.0, "General")),
            (2, 3, V::S("×")),
            (3, 2, V::S("○")),
        ],
    );
    refused(
        &s,
        "bad_marks.xlsx",
        &filled,
        &[
            "印!C2",
            "印!D2",
            "印!D3",
            "\"×\" is not a mark",
            "●, ○",
            "TRUE",
        ],
    );
    let before = s.answers_text();
    let r = s.import("bad_marks.xlsx", &filled, "ja");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    for needle in [
        "印!C2",
        "複数の回答",
        "印!D3",
        "「×」は印として読めません",
        "使える印は●",
    ] {
        assert!(r.stderr.contains(needle), "{needle:?} not in {}", r.stderr);
    }
    assert_eq!(s.answers_text(), before);
}

/// An official-like form: a merged title, a two-row header with 区分/項番/チェック項目/対象 merged
/// over both rows and 1回目/2回目 over their はい/いいえ/確認日, a shared 目標日, the gate
/// question numbered 0 under its own 区分, the 区分 column merged down each section, circled
/// numbers restarting per section in the 項番 column, scope in the 対象 column, a note below.
fn layout_official<'a>(filled: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    let mut cells = vec![
        (3, 4, V::S("はい")),
        (3, 5, V::S("いいえ")),
        (3, 6, V::S("確認日")),
        (3, 7, V::S("はい")),
        (3, 8, V::S("いいえ")),
        (3, 9, V::S("確認日")),
        (4, 0, V::S("医療情報システムの有無")),
        (4, 1, V::S("0")),
        (4, 2, V::S("試験用の医療情報システムを導入、運用している。")),
        (5, 1, V::S("①")),
        (5, 2, V::S("試験用の責任者を置いている。")),
        (6, 1, V::S("②")),
        (6, 2, V::S("試験用の連絡体制を\n整えている。")),
        (7, 1, V::S("①")),
        (7, 2, V::S("試験用の台帳を作っている。")),
        (7, 3, V::S("サーバ")),
        (8, 1, V::S("①")),
        (8, 2, V::S("試験用の台帳を作っている。")),
        (8, 3, V::S("端末PC")),
        (9, 1, V::S("②")),
        (9, 2, V::S("試験用のパッチを適用している。")),
        (9, 3, V::S("医療情報システム全般")),
        (11, 0, V::S("※ 試験用の注記です。")),
    ];
    cells.extend(filled);
    workbook(&[Spec {
        name: "医療機関確認用",
        cells,
        merges: vec![
            (
                0,
                0,
                0,
                10,
                "テスト用サイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関確認用",
            ),
            (2, 0, 3, 0, "区分"),
            (2, 1, 3, 1, "項番"),
            (2, 2, 3, 2, "チェック項目"),
            (2, 3, 3, 3, "対象"),
            (2, 4, 2, 6, "1回目"),
            (2, 7, 2, 9, "2回目"),
            (2, 10, 3, 10, "目標日"),
            (5, 0, 6, 0, "1 体制構築"),
            (7, 0, 9, 0, "2 医療情報システムの管理・運用"),
        ],
        list: None,
    }])
}

/// The text of every cell of the first sheet of a workbook, by (row, column), and its merged
/// regions.
type Cells2 = std::collections::BTreeMap<(usize, usize), String>;
/// Merged regions: first and last (row, column).
type Merges = Vec<((u32, u32), (u32, u32))>;
fn cells_of(bytes: &[u8]) -> (String, Cells2, Merges) {
    let sheets = medsec::limits::workbook::read_sheets(bytes).unwrap();
    let sheet = &sheets[0];
    let mut cells = Cells2::new();
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let t = match v {
                calamine::Data::Empty => continue,
                calamine::Data::String(s) => s.clone(),
                other => other.to_string(),
            };
            cells.insert((r, c), t);
        }
    }
    let mut merged = sheet.merged.clone();
    merged.sort();
    (sheet.name.clone(), cells, merged)
}

/// #11: `answer --export --layout official` prints the form as the workbook it was imported
/// from: the same sheet name, title, header words (区分, 項番, 対象, 1回目 over はい…), header
/// rows and merges, section cells where they were, numbers as printed (①, the gate's 0), the
/// scope in its own cell, the wording with its line break, the note; only answer cells differ.
/// The export reads back to the same answers, whatever the language of the command.
#[test]
fn the_official_layout_prints_the_cells_of_the_form_imported() {
    let blank = layout_official(vec![]);
    let filled = vec![
        (4, 4, V::S("○")),
        (4, 6, V::D(JUNE3, WAREKI)),
        (5, 4, V::S("○")),
        (5, 6, V::D(JUNE3, WAREKI)),
        (5, 7, V::S("○")),
        (5, 9, V::D(JUNE10, WAREKI_SHORT)),
        (6, 5, V::S("●")),
        (6, 10, V::D(JAN15, WAREKI)),
        (7, 4, V::S("✓")),
        (7, 6, V::D(JUNE3, WAREKI)),
        (8, 4, V::S("TRUE")),
        (8, 6, V::D(JUNE3, WAREKI)),
        (9, 4, V::B(true)),
        (9, 6, V::D(JUNE3, WAREKI)),
    ];
    let s = Setup::new(&blank, &[], "institution");
    let r = s.import("filled.xlsx", &layout_official(filled.clone()), "ja");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let answered = entries(&s.answers_text());
    assert_eq!(answered.len(), 7, "{answered:?}");
    let (name, source, source_merged) = cells_of(&blank);
    // Answer cells: rows 5 on, columns E–K.
    let answer_cell = |(r, c): (usize, usize)| r >= 4 && (4..=10).contains(&c);
    for lang in ["ja", "en"] {
        let out = s.dir.path().join(format!("official-{lang}.xlsx"));
        let r = run(s
            .medsec()
            .args(["--lang", lang, "answer"])
            .arg(&s.answers)
            .args(["--layout", "official", "--export"])
            .arg(&out));
        assert_eq!(r.code, Some(0), "{lang}: {}", r.stderr);
        let bytes = std::fs::read(&out).unwrap();
        let (out_name, exported, merged) = cells_of(&bytes);
        assert_eq!(out_name, name);
        let printed: Cells2 = exported
            .iter()
            .filter(|(at, _)| !answer_cell(**at))
            .map(|(at, t)| (*at, t.clone()))
            .collect();
        assert_eq!(printed, source, "{lang}: the printed cells");
        assert_eq!(merged, source_merged, "{lang}: the merged regions");
        // The answers as filled: a mark in the column of the answer, dates as dates.
        assert_eq!(exported.get(&(6, 5)).map(String::as_str), Some("○"));
        assert_eq!(exported.get(&(6, 4)), None);
        // The exported form, filled as it is, reads back to the same answers.
        let fresh = s.dir.path().join(format!("fresh-{lang}.toml"));
        let r = run(s
            .medsec()
            .args(["init", "--form", "institution", "--out"])
            .arg(&fresh));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let r = run(s
            .medsec()
            .args(["--lang", lang, "answer"])
            .arg(&fresh)
            .arg("--import")
            .arg(&out));
        assert_eq!(r.code, Some(0), "{lang}: {}", r.stderr);
        assert_eq!(entries(&std::fs::read_to_string(&fresh).unwrap()), answered);
    }
    // Layout A (headings merged across rows, numbers and scope inline in the wording) prints
    // its cells as they were too.
    let blank_a = layout_a(vec![]);
    let s = Setup::new(&blank_a, &[], "institution");
    let (out, r) = s.export_official("official-a.xlsx");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let (_, source, source_merged) = cells_of(&blank_a);
    let (_, exported, merged) = cells_of(&std::fs::read(&out).unwrap());
    assert_eq!(exported, source);
    assert_eq!(merged, source_merged);
}

/// Numbers printed (1)…(4) straight through two sections (not restarting per section).
fn straight_through(filled: Cells) -> Vec<u8> {
    let mut cells: Cells = vec![
        (0, 0, V::S("No.")),
        (0, 1, V::S("確認項目")),
        (0, 2, V::S("はい")),
        (0, 3, V::S("いいえ")),
        (1, 0, V::S("1")),
        (1, 1, V::S("体制構築")),
        (2, 0, V::S("(1)")),
        (2, 1, V::S("試験用の責任者を置いている。")),
        (3, 0, V::S("(2)")),
        (3, 1, V::S("試験用の連絡体制を整えている。")),
        (4, 0, V::S("2")),
        (4, 1, V::S("管理・運用")),
        (5, 0, V::S("(3)")),
        (5, 1, V::S("試験用の台帳を作っている。")),
        (6, 0, V::S("(4)")),
        (6, 1, V::S("試験用のパッチを適用している。")),
    ];
    cells.extend(filled);
    one_sheet(cells)
}

/// #11: numbers unique across the sheet are kept as printed, `(3)` not `2-(3)`, in the
/// checklist, in messages (ja and en) and in the exported form; a filled sheet's answers land
/// on them. (Numbers that restart per section get their section: layout A's `2-①`.)
#[test]
fn numbers_printed_straight_through_are_kept_as_printed() {
    let s = Setup::new(
        &straight_through(vec![]),
        &["--edition", "fy2026"],
        "institution",
    );
    let text = std::fs::read_to_string(&s.checklist).unwrap();
    assert!(
        text.contains("id = \"s2-03\"\nnumber = \"(3)\"\nsection = \"2\""),
        "{text}"
    );
    let filled = straight_through(vec![
        (2, 2, V::S("○")),
        (3, 2, V::S("○")),
        (5, 2, V::S("○")),
        (5, 3, V::S("○")),
    ]);
    for (lang, needle) in [("en", "for (3), round 1"), ("ja", ": (3) 試験用の台帳")] {
        let r = s.import("both.xlsx", &filled, lang);
        assert_eq!(r.code, Some(2), "{lang}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{lang}: {}", r.stderr);
        assert!(!r.stderr.contains("2-(3)"), "{lang}: {}", r.stderr);
    }
    let filled = straight_through(vec![
        (2, 2, V::S("○")),
        (3, 2, V::S("○")),
        (5, 2, V::S("○")),
        (6, 3, V::S("●")),
    ]);
    let r = s.import("filled.xlsx", &filled, "ja");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "はい", "", ""),
            e("s1-02", 1, "はい", "", ""),
            e("s2-03", 1, "はい", "", ""),
            e("s2-04", 1, "いいえ", "", ""),
        ]
    );
    round_trip_official(&s);
    let layout_a_checklist = Setup::new(&layout_a(vec![]), &[], "institution");
    let text = std::fs::read_to_string(&layout_a_checklist.checklist).unwrap();
    assert!(text.contains("number = \"2-①\""), "{text}");
}

/// Issue 11: a number the checklist has on several rows (2-(1) for サーバ and 端末PC), on a row
/// whose scope cell was left empty, is ambiguous (the candidates named), not unknown.
#[test]
fn a_number_on_several_rows_without_a_scope_names_the_candidates() {
    let s = Setup::new(
        &layout_b(vec![]),
        &["--edition", "fy2026", "--id", "clinic-institution"],
        "institution",
    );
    // Layout B with the 対象 cell of the 端末PC row left empty, and that row marked.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").unwrap();
    let rows: [&[&str]; 7] = [
        &[
            "No.",
            "確認項目",
            "対象",
            "はい",
            "いいえ",
            "確認日",
            "目標日",
        ],
        &["1", "体制構築"],
        &["1-(1)", "試験用の責任者を置いている。"],
        &["（２）", "試験用の規程を定めている。"],
        &["２", "管理・運用"],
        &["2-(1)", "試験用のログを確認している。", "サーバ"],
        &["２－（１）", "試験用のログを確認している。", "", "○"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    let filled = wb.save_to_buffer().unwrap();
    refused(
        &s,
        "filled.xlsx",
        &filled,
        &["Sheet1!A7", "belongs to several items", "サーバ", "端末PC"],
    );
    let r = s.import("filled-ja.xlsx", &filled, "ja");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("Sheet1!A7")
            && r.stderr.contains("は複数の項目にあります")
            && !r.stderr.contains("にありません"),
        "{}",
        r.stderr
    );
}

/// Issue 11: an own list numbered `No.1`, `Q2` (a label before the number) in the column
/// `--map number=` states: the label is dropped, the rows are items 1, 2, 3, and a filled copy
/// of the same list takes its answers back by the same column.
fn labelled_numbers<'a>(filled: Vec<(u32, u16, V<'a>)>) -> Vec<u8> {
    own_list(["番号", "内容", "回答"], ["No.1", "No.2", "Q3"], filled)
}

#[test]
fn numbers_with_a_label_in_the_mapped_number_column_are_items() {
    let map = "number=A,text=B,header-rows=1";
    let s = Setup::new(
        &labelled_numbers(vec![]),
        &[
            "--edition",
            "fy2026",
            "--id",
            "own-institution",
            "--map",
            map,
        ],
        "institution",
    );
    let toml = std::fs::read_to_string(&s.checklist).unwrap();
    assert_eq!(toml.matches("[[items]]").count(), 3, "{toml}");
    let filled = labelled_numbers(vec![(1, 2, V::S("はい")), (3, 2, V::S("いいえ"))]);
    let wb = save(s.dir.path(), "filled.xlsx", &filled);
    let r = run(s
        .medsec()
        .args(["--lang", "en", "answer"])
        .arg(&s.answers)
        .arg("--import")
        .arg(&wb)
        .args(["--map", map]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        entries(&s.answers_text()),
        vec![
            e("s1-01", 1, "はい", "", ""),
            e("s1-03", 1, "いいえ", "", ""),
        ]
    );
}

/// A `--map number=` column with no number in it says what it holds, not to use `--map`.
#[test]
fn a_mapped_number_column_without_numbers_says_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let wb = save(dir.path(), "own.xlsx", &labelled_numbers(vec![]));
    for (lang, said) in [
        ("ja", "`--map`で番号の列とした独自!B2から下に、項目番号として読めるもの(①、(1)、1-①、2-(3)、1、No.1、Q1)がありません。この列にあるのは「試験用の責任者を置いている。」(独自!B2)、「試験用の台帳を作っている。」(独自!B3)、「試験用の訓練をしている。」(独自!B4)です。"),
        ("en", "The number column stated with `--map` holds no item number (①, (1), 1-①, 2-(3), 1, No.1, Q1) from 独自!B2 down; it holds \"試験用の責任者を置いている。\" (独自!B2)"),
    ] {
        let r = run(medsec()
            .args(["--lang", lang, "checklist", "import"])
            .arg(&wb)
            .args(["--edition", "fy2026", "--map", "number=B,text=C,header-rows=1", "--out"])
            .arg(dir.path().join("own.toml")));
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        assert!(!r.stderr.contains("で配置を指定してください") && !r.stderr.contains("State the layout"), "{}", r.stderr);
        assert!(!dir.path().join("own.toml").exists());
    }
}

/// Issue 11: an unfilled workbook imports nothing and says so; a 0-byte workbook is said to be
/// empty, not broken.
#[test]
fn an_unfilled_or_empty_workbook_is_said_as_such() {
    let s = Setup::new(
        &layout_b(vec![]),
        &["--edition", "fy2026", "--id", "clinic-institution"],
        "institution",
    );
    for (lang, said) in [
        ("ja", "`blank-ja.xlsx`には回答がありませんでした。どの行にも「はい」「いいえ」「対象外」や○、レ、✓などの印がありません。"),
        ("en", "`blank-en.xlsx` holds no answer: no row has はい, いいえ, 対象外 or a mark such as ○, レ or ✓."),
    ] {
        save(s.dir.path(), &format!("blank-{lang}.xlsx"), &layout_b(vec![]));
        let r = run(s
            .medsec()
            .current_dir(s.dir.path())
            .args(["--lang", lang, "answer"])
            .arg(&s.answers)
            .args(["--import", &format!("blank-{lang}.xlsx")]));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
    }
    let before = s.answers_text();
    for (lang, said) in [
        ("ja", "`empty.xlsx`は空のファイル(0バイト)です。"),
        ("en", "`empty.xlsx` is an empty file (0 bytes)"),
    ] {
        save(s.dir.path(), "empty.xlsx", b"");
        let r = run(s
            .medsec()
            .current_dir(s.dir.path())
            .args(["--lang", lang, "answer"])
            .arg(&s.answers)
            .args(["--import", "empty.xlsx"]));
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        assert!(!r.stderr.contains("XLSX"), "{}", r.stderr);
        let r = run(medsec().current_dir(s.dir.path()).args([
            "--lang",
            lang,
            "checklist",
            "import",
            "empty.xlsx",
            "--out",
            "e.toml",
        ]));
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        assert!(!s.dir.path().join("e.toml").exists());
    }
    assert_eq!(s.answers_text(), before);
}

/// Issue 11: the official layout writes the institution's name after the printed label
/// 医療機関・薬局名： above the header, and the export still reads back.
#[test]
fn the_official_layout_fills_in_the_printed_name_label() {
    let form = |filled: Cells| {
        let mut cells: Cells = vec![
            (0, 0, V::S("試験用チェックリスト（令和8年度版）")),
            (1, 0, V::S("医療機関・薬局名：")),
            (3, 0, V::S("番号")),
            (3, 1, V::S("チェック項目")),
            (3, 2, V::S("はい")),
            (3, 3, V::S("いいえ")),
            (3, 4, V::S("確認日")),
            (4, 0, V::S("1")),
            (4, 1, V::S("体制構築")),
            (5, 0, V::S("①")),
            (5, 1, V::S("試験用の責任者を置いている。")),
        ];
        cells.extend(filled);
        one_sheet(cells)
    };
    let s = Setup::new(&form(vec![]), &["--edition", "fy2026"], "institution");
    s.fill_institution();
    let r = s.import("filled.xlsx", &form(vec![(5, 2, V::S("○"))]), "en");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let (official, r) = s.export_official("named.xlsx");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&official).unwrap()).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(
        strings.contains("医療機関・薬局名：さくら内科クリニック"),
        "{strings}"
    );
    round_trip_official(&s);
}
