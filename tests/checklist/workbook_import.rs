//! `medsec checklist import` and `checklist add`, with workbooks built here in several
//! plausible layouts (the real FY2026 layout is not known). The wording in these workbooks is
//! test data, not checklist text.

use crate::common;
use common::*;
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

/// A sheet to build: its name, cells (row, column, text; 0-based) and merged ranges
/// (first row, first column, last row, last column, text).
struct SheetSpec<'a> {
    name: &'a str,
    cells: Vec<(u32, u16, &'a str)>,
    merges: Vec<(u32, u16, u32, u16, &'a str)>,
}

fn workbook(sheets: &[SheetSpec<'_>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    for spec in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(spec.name).unwrap();
        for &(r0, c0, r1, c1, text) in &spec.merges {
            ws.merge_range(r0, c0, r1, c1, text, &plain).unwrap();
        }
        for &(r, c, text) in &spec.cells {
            ws.write_string(r, c, text).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Layout A: a title, a two-row header (1回目/2回目 over はい/いいえ/確認日), section rows
/// merged across, circled numbers inline in the wording, scope in the wording, a line break
/// inside a cell, a blank spacer row and a note.
fn layout_a() -> Vec<u8> {
    workbook(&[SheetSpec {
        name: "チェックリスト",
        cells: vec![
            (
                0,
                0,
                "テスト用サイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関確認用",
            ),
            (3, 1, "はい"),
            (3, 2, "いいえ"),
            (3, 3, "確認日"),
            (3, 4, "はい"),
            (3, 5, "いいえ"),
            (3, 6, "確認日"),
            (5, 0, "① 試験用の責任者を置いている。"),
            (6, 0, "②　試験用の連絡体制を整えている。"),
            (9, 0, "① 試験用の台帳を作っている。(サーバ)"),
            (10, 0, "① 試験用の台帳を作っている。(端末PC)"),
            (
                11,
                0,
                "② 試験用のパッチを\r\n適用している。(医療情報システム全般)",
            ),
            (13, 0, "※ 試験用の注記です。"),
        ],
        merges: vec![
            (2, 0, 3, 0, "チェック項目"),
            (2, 1, 2, 3, "1回目"),
            (2, 4, 2, 6, "2回目"),
            (2, 7, 3, 7, "備考"),
            (4, 0, 4, 7, "1 体制構築"),
            (8, 0, 8, 7, "2 医療情報システムの管理・運用"),
        ],
    }])
}

/// Layout B: number column with parenthesised and full-width numbers, a scope column, one
/// header row, section rows by a bare number; no title.
fn layout_b(duplicate: bool) -> Vec<u8> {
    let last_scope = if duplicate { "サーバ" } else { "端末PC" };
    workbook(&[SheetSpec {
        name: "Sheet1",
        cells: vec![
            (0, 0, "No."),
            (0, 1, "確認項目"),
            (0, 2, "対象"),
            (0, 3, "はい"),
            (0, 4, "いいえ"),
            (0, 5, "目標日"),
            (1, 0, "1"),
            (1, 1, "体制構築"),
            (2, 0, "1-(1)"),
            (2, 1, "試験用の責任者を置いている。"),
            (3, 0, "（２）"),
            (3, 1, "試験用の規程を定めている。"),
            (3, 2, "－"),
            (4, 0, "２"),
            (4, 1, "管理・運用"),
            (5, 0, "2-(1)"),
            (5, 1, "試験用のログを確認している。"),
            (5, 2, "サーバ"),
            (6, 0, "２－（１）"),
            (6, 1, "試験用のログを確認している。"),
            (6, 2, last_scope),
            (7, 0, "2-(2)"),
            (7, 1, "試験用の機器を管理している。"),
            (7, 2, "サーバ\n端末PC"),
        ],
        merges: vec![],
    }])
}

/// Layout C: a section column merged down, a number column with circled numbers, scopes in
/// the wording, blank spacer rows.
fn layout_c() -> Vec<u8> {
    workbook(&[SheetSpec {
        name: "R8",
        cells: vec![
            (0, 0, "大項目"),
            (0, 1, "番号"),
            (0, 2, "チェック項目"),
            (0, 3, "はい"),
            (0, 4, "いいえ"),
            (0, 5, "確認日"),
            (0, 6, "目標日"),
            (1, 1, "①"),
            (1, 2, "試験用の責任者を置いている。"),
            (2, 1, "②"),
            (2, 2, "試験用の連絡体制を整えている。"),
            (4, 1, "①"),
            (4, 2, "試験用の権限を設定している。(サーバ、端末PC)"),
            (5, 1, "②"),
            (5, 2, "試験用のバックアップを取っている。"),
        ],
        merges: vec![(1, 0, 2, 0, "1 体制構築"), (3, 0, 5, 0, "2 管理・運用")],
    }])
}

/// Layout D: a vendor workbook with an extra column (責任分界), headings 「１．…」 and
/// numbers 1-①.
fn layout_d() -> Vec<u8> {
    workbook(&[SheetSpec {
        name: "事業者確認用",
        cells: vec![
            (0, 0, "テスト用チェックリスト 事業者確認用"),
            (2, 0, "番号"),
            (2, 1, "チェック項目"),
            (2, 2, "責任分界"),
            (2, 3, "はい"),
            (2, 4, "いいえ"),
            (2, 5, "確認日"),
            (2, 6, "備考"),
            (3, 0, "１．体制構築"),
            (4, 0, "1-①"),
            (4, 1, "試験用の窓口を置いている。"),
            (4, 2, "事業者"),
            (5, 0, "２．管理・運用"),
            (6, 0, "2-①"),
            (6, 1, "試験用の保守記録を残している。"),
            (6, 2, "医療機関"),
        ],
        merges: vec![],
    }])
}

fn medsec_in(data: &Path) -> assert_cmd::Command {
    let mut cmd = medsec();
    cmd.env("MEDSEC_DATA_DIR", data)
        .env_remove("MEDSEC_TEST_OFFICIAL_WORKBOOKS");
    cmd
}

fn import(dir: &Path, name: &str, bytes: &[u8], extra: &[&str]) -> (Run, PathBuf) {
    let wb = save(dir, name, bytes);
    let out = dir.join(format!("{name}.toml"));
    let r = run(medsec_in(dir)
        .args(["checklist", "import"])
        .arg(&wb)
        .arg("--out")
        .arg(&out)
        .args(extra));
    (r, out)
}

fn lint_clean(path: &Path) {
    let r = run(medsec().args(["checklist", "lint"]).arg(path));
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    assert!(r.stdout.contains(" 0 errors"), "{}", r.stdout);
}

fn show_json(dir: &Path, path: &Path, spec: &str) -> serde_json::Value {
    let r = run(medsec_in(dir).arg("--checklist").arg(path).args([
        "checklist",
        "show",
        spec,
        "--format",
        "json",
    ]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

fn items(json: &serde_json::Value) -> Vec<(String, String, Vec<String>, String)> {
    json["checklist"]["items"]
        .as_array()
        .or_else(|| json["items"].as_array())
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["number"].as_str().unwrap().to_owned(),
                i["scope"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_owned())
                    .collect(),
                i["text"]["ja"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn layout_a_two_header_rows_merged_sections_inline_circled_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (r, out) = import(dir.path(), "a.xlsx", &layout_a(), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("5 items in 2 sections"), "{}", r.stderr);
    assert!(
        r.stderr.contains("not an official workbook"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("チェックリスト!A14"),
        "the note row is named: {}",
        r.stderr
    );
    lint_clean(&out);
    let json = show_json(dir.path(), &out, "a-institution@fy2026");
    let got = items(&json);
    let want = [
        ("s1-01", "1-①", vec![], "試験用の責任者を置いている。"),
        ("s1-02", "1-②", vec![], "試験用の連絡体制を整えている。"),
        (
            "s2-01-server",
            "2-①",
            vec!["server"],
            "試験用の台帳を作っている。",
        ),
        (
            "s2-01-terminal",
            "2-①",
            vec!["terminal"],
            "試験用の台帳を作っている。",
        ),
        (
            "s2-02",
            "2-②",
            vec!["general"],
            "試験用のパッチを適用している。",
        ),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!(
            (g.0.as_str(), g.1.as_str(), g.2.clone(), g.3.as_str()),
            (w.0, w.1, w.2.iter().map(|s| s.to_string()).collect(), w.3)
        );
    }
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("title = { ja = \"体制構築\""), "{text}");
    assert!(text.contains("verified = false"));
    assert!(text.contains("(untranslated)"));
    assert!(text.contains("guideline_version = \"7.0\""));
    assert!(text.contains("workbook:a.xlsx#sha256="));
    // The layout, recorded for `answer --export --layout official`, and each item's row.
    assert!(
        text.contains("\"workbook-layout:rows=3-4;A=text;B=yes1;C=no1;D=checked_on1;E=yes2;F=no2;G=checked_on2;H=note1;sheet=チェックリスト\""),
        "{text}"
    );
    assert!(text.contains("\"workbook-row:6\""), "{text}");
    // The cells as printed, for the same: the header words, the heading rows, ① as printed.
    for cell in [
        "\"workbook-cell:A3:A4=チェック項目\"",
        "\"workbook-cell:B3:D3=1回目\"",
        "\"workbook-cell:A5:H5=1 体制構築\"",
    ] {
        assert!(text.contains(cell), "{cell} not in {text}");
    }
}

#[test]
fn layout_b_number_column_parenthesised_full_width_scope_column() {
    let dir = tempfile::tempdir().unwrap();
    // No title: the edition must be given.
    let (r, out) = import(dir.path(), "b.xlsx", &layout_b(false), &[]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("--edition"), "{}", r.stderr);
    assert!(!out.exists());
    let (r, out) = import(
        dir.path(),
        "b.xlsx",
        &layout_b(false),
        &["--edition", "fy2026", "--id", "clinic-institution"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    let got = items(&show_json(dir.path(), &out, "clinic-institution@fy2026"));
    let numbers: Vec<(&str, &str, Vec<String>)> = got
        .iter()
        .map(|g| (g.0.as_str(), g.1.as_str(), g.2.clone()))
        .collect();
    assert_eq!(
        numbers,
        [
            ("s1-01", "1-(1)", vec![]),
            ("s1-02", "1-(2)", vec![]),
            ("s2-01-server", "2-(1)", vec!["server".to_string()]),
            ("s2-01-terminal", "2-(1)", vec!["terminal".to_string()]),
            (
                "s2-02",
                "2-(2)",
                vec!["server".to_string(), "terminal".to_string()]
            ),
        ]
    );
}

#[test]
fn layout_c_section_column_merged_down() {
    let dir = tempfile::tempdir().unwrap();
    let (r, out) = import(dir.path(), "c.xlsx", &layout_c(), &["--edition", "fy2026"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    let got = items(&show_json(dir.path(), &out, "c-institution@fy2026"));
    let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(ids, ["s1-01", "s1-02", "s2-01", "s2-02"]);
    assert_eq!(got[2].2, ["server", "terminal"]);
    assert_eq!(got[2].3, "試験用の権限を設定している。");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("ja = \"管理・運用\""), "{text}");
}

#[test]
fn layout_d_vendor_with_an_extra_column() {
    let dir = tempfile::tempdir().unwrap();
    let (r, out) = import(dir.path(), "d.xlsx", &layout_d(), &["--edition", "fy2026"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // The gate is the institution form's question: no notice that a vendor form lacks it.
    assert!(!r.stderr.contains("gate question"), "{}", r.stderr);
    lint_clean(&out);
    let json = show_json(dir.path(), &out, "d-vendor@fy2026");
    let got = items(&json);
    assert_eq!(got.len(), 2);
    assert_eq!((got[0].1.as_str(), got[1].1.as_str()), ("1-①", "2-①"));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("form = \"vendor\""), "{text}");
    assert!(
        !text.contains("事業者\"\n"),
        "the extra column is not taken"
    );
}

#[test]
fn a_map_states_the_layout_when_it_cannot_be_found() {
    let dir = tempfile::tempdir().unwrap();
    // No header words at all: numbers in A, wording in B from row 2.
    let bytes = workbook(&[SheetSpec {
        name: "一覧",
        cells: vec![
            (0, 0, "番号なし"),
            (1, 0, "①"),
            (1, 1, "試験用の責任者を置いている。"),
            (2, 0, "②"),
            (2, 1, "試験用の台帳を作っている。"),
        ],
        merges: vec![],
    }]);
    let (r, out) = import(dir.path(), "m.xlsx", &bytes, &["--edition", "fy2026"]);
    assert_eq!(r.code, Some(2));
    // What was missed, and the map guessed from the rows below (the one used next).
    assert!(
        r.stderr
            .contains("sheet `一覧`: no header word at all in the first 60 rows"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("`--map number=A,text=B,header-rows=1`"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
    let (r, out) = import(
        dir.path(),
        "m.xlsx",
        &bytes,
        &[
            "--edition",
            "fy2026",
            "--map",
            "number=A,text=B,header-rows=1",
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    // The same as a map file.
    let map = dir.path().join("map.toml");
    std::fs::write(&map, "number = \"A\"\ntext = \"B\"\nheader-rows = 1\n").unwrap();
    let out2 = dir.path().join("m2.toml");
    let r = run(medsec_in(dir.path())
        .args(["checklist", "import"])
        .arg(dir.path().join("m.xlsx"))
        .args(["--edition", "fy2026", "--map"])
        .arg(&map)
        .arg("--out")
        .arg(&out2));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&out2).unwrap());
    // A bad map is named.
    let (r, _) = import(
        dir.path(),
        "m.xlsx",
        &bytes,
        &["--map", "number=A,colour=B"],
    );
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("colour"), "{}", r.stderr);
}

#[test]
fn the_same_workbook_gives_the_same_bytes_and_digest() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = layout_a();
    let first = run(medsec_in(dir.path())
        .args(["checklist", "import"])
        .arg(save(dir.path(), "a.xlsx", &bytes)));
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let other = tempfile::tempdir().unwrap();
    let second = run(medsec_in(other.path())
        .args(["--lang", "ja", "checklist", "import"])
        .arg(save(other.path(), "a.xlsx", &bytes)));
    assert_eq!(second.code, Some(0), "{}", second.stderr);
    assert_eq!(
        first.stdout, second.stdout,
        "same bytes in any language and folder"
    );
    let p1 = save(dir.path(), "one.toml", first.stdout.as_bytes());
    let p2 = save(other.path(), "two.toml", second.stdout.as_bytes());
    let d1 = show_json(dir.path(), &p1, "a-institution@fy2026");
    let d2 = show_json(other.path(), &p2, "a-institution@fy2026");
    assert!(d1["digest"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(d1["digest"], d2["digest"]);
}

#[test]
fn round_trip_import_lint_init_status() {
    let dir = tempfile::tempdir().unwrap();
    let (r, out) = import(dir.path(), "a.xlsx", &layout_a(), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    let answers = dir.path().join("answers.toml");
    let r = run(medsec_in(dir.path())
        .arg("--checklist")
        .arg(&out)
        .args(["init", "--form", "institution", "--out"])
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let text = std::fs::read_to_string(&answers).unwrap();
    assert!(text.contains("fy2026"), "{text}");
    assert!(text.contains("s2-01-terminal"), "{text}");
    let r = run(medsec_in(dir.path())
        .arg("--checklist")
        .arg(&out)
        .args(["status", "--format", "json"])
        .arg(&answers));
    assert_eq!(r.code, Some(1), "unanswered is incomplete: {}", r.stderr);
    assert!(r.stdout.contains("s1-01"), "{}", r.stdout);
}

#[test]
fn an_official_workbook_by_sha256_gives_verified_items() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = layout_c();
    let sha = {
        use sha2::Digest;
        sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    // A test-only registry entry for this workbook.
    let registry = dir.path().join("official-test.toml");
    std::fs::write(
        &registry,
        format!(
            "[[workbook]]\nfile = \"009999999.xlsx\"\nbytes = {}\nsha256 = \"{sha}\"\npublisher = \"mhlw\"\nedition = \"fy2026\"\nform = \"institution\"\nform_ja = \"医療機関・薬局確認用\"\nserves = [\"hospital\", \"clinic\", \"pharmacy\"]\nguideline_version = \"7.0\"\npublished = \"2026-06\"\ntitle_ja = \"試験用の公式チェックリスト\"\nsource_url = \"https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html\"\n",
            bytes.len()
        ),
    )
    .unwrap();
    let wb = save(dir.path(), "009999999.xlsx", &bytes);
    let out = dir.path().join("official.toml");
    let r = run(medsec_in(dir.path())
        .env("MEDSEC_TEST_OFFICIAL_WORKBOOKS", &registry)
        .args(["checklist", "import"])
        .arg(&wb)
        .arg("--out")
        .arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("is the official"), "{}", r.stderr);
    lint_clean(&out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("verified = true"));
    assert!(!text.contains("verified = false"));
    assert!(!text.contains("unverified ="));
    assert!(text.contains("serves = [\"hospital\", \"clinic\", \"pharmacy\"]"));
    assert!(text.contains(&format!("workbook:009999999.xlsx#sha256={sha}")));
    assert!(text.contains("title = ") || text.contains("ja = \"試験用の公式チェックリスト\""));

    // The same name with other bytes: said plainly, and unverified.
    std::fs::create_dir_all(dir.path().join("other")).unwrap();
    let wb2 = save(&dir.path().join("other"), "009999999.xlsx", &layout_a());
    let r = run(medsec_in(dir.path())
        .env("MEDSEC_TEST_OFFICIAL_WORKBOOKS", &registry)
        .args(["checklist", "import"])
        .arg(&wb2));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("not the official"), "{}", r.stderr);
    assert!(r.stdout.contains("verified = false"));
}

fn assert_unusable(r: &Run, out: &Path, needles: &[&str]) {
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    for n in needles {
        assert!(r.stderr.contains(n), "{n:?} not in {}", r.stderr);
    }
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn a_workbook_that_is_not_a_checklist_says_what_it_found() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = workbook(&[SheetSpec {
        name: "名簿",
        cells: vec![(0, 0, "氏名"), (0, 1, "チェック項目"), (1, 0, "山田")],
        merges: vec![],
    }]);
    let (r, out) = import(dir.path(), "n.xlsx", &bytes, &[]);
    assert_unusable(&r, &out, &["名簿!B1", "no answer column", "--map"]);
}

#[test]
fn two_candidate_sheets_are_named_and_sheet_chooses() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = |name| SheetSpec {
        name,
        cells: vec![
            (0, 0, "チェック項目"),
            (0, 1, "はい"),
            (0, 2, "いいえ"),
            (1, 0, "① 試験用の責任者を置いている。"),
        ],
        merges: vec![],
    };
    let bytes = workbook(&[sheet("令和7年度"), sheet("令和8年度")]);
    let (r, out) = import(dir.path(), "two.xlsx", &bytes, &["--edition", "fy2026"]);
    assert_unusable(&r, &out, &["令和7年度", "令和8年度", "--sheet"]);
    let (r, out) = import(
        dir.path(),
        "two.xlsx",
        &bytes,
        &["--edition", "fy2026", "--sheet", "令和8年度"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
}

#[test]
fn an_encrypted_workbook_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    let (r, out) = import(dir.path(), "locked.xlsx", &bytes, &[]);
    assert_unusable(&r, &out, &["OLE compound file", "password"]);
    let r = run(medsec_in(dir.path())
        .args(["--lang", "ja", "checklist", "import"])
        .arg(dir.path().join("locked.xlsx")));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("パスワード"), "{}", r.stderr);
}

#[test]
fn duplicate_numbers_name_both_cells() {
    let dir = tempfile::tempdir().unwrap();
    let (r, out) = import(
        dir.path(),
        "dup.xlsx",
        &layout_b(true),
        &["--edition", "fy2026"],
    );
    assert_unusable(&r, &out, &["Sheet1!A7", "Sheet1!A6", "2-(1)"]);
}

#[test]
fn an_existing_out_file_is_kept_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.xlsx.toml");
    std::fs::write(&out, "keep").unwrap();
    let (r, _) = import(dir.path(), "a.xlsx", &layout_a(), &[]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep");
    let (r, _) = import(dir.path(), "a.xlsx", &layout_a(), &["--force"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
}

#[test]
fn add_copies_into_the_user_folder_and_commands_find_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (r, out) = import(dir.path(), "a.xlsx", &layout_a(), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = run(medsec_in(data.path()).args(["checklist", "add"]).arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let added = data.path().join("checklists/a-institution@fy2026.toml");
    assert_eq!(std::fs::read(&added).unwrap(), std::fs::read(&out).unwrap());
    // Found without --checklist, and listed with where it comes from.
    let r = run(medsec_in(data.path()).args(["checklist", "show", "a-institution@fy2026"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = run(medsec_in(data.path()).args(["checklist", "list", "--format", "json"]));
    assert!(
        r.stderr.contains("mhlw-institution@fy2025"),
        "a workbook that is not MHLW's does not stand for MHLW's form of this year: {}",
        r.stderr
    );
    assert!(
        r.stdout.contains("a-institution@fy2026.toml"),
        "{}",
        r.stdout
    );
    // Adding it again is fine; another file for the same id@edition needs --force.
    let r = run(medsec_in(data.path()).args(["checklist", "add"]).arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let (_, other) = import(
        dir.path(),
        "c.xlsx",
        &layout_c(),
        &["--edition", "fy2026", "--id", "a-institution"],
    );
    let r = run(medsec_in(data.path())
        .args(["checklist", "add"])
        .arg(&other));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    let r = run(medsec_in(data.path())
        .args(["checklist", "add", "--force"])
        .arg(&other));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        std::fs::read(&added).unwrap(),
        std::fs::read(&other).unwrap()
    );
}

#[test]
fn add_refuses_a_file_with_lint_errors() {
    let data = tempfile::tempdir().unwrap();
    let bad = data.path().join("bad.toml");
    std::fs::write(&bad, "format_version = 1\nid = \"x\"\n").unwrap();
    let r = run(medsec_in(data.path()).args(["checklist", "add"]).arg(&bad));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("not added"), "{}", r.stderr);
    assert!(!data.path().join("checklists").exists());
}

/// Numbers in a column of their own without a header of their own: under a header merged
/// over number and wording, or in an unnamed column left of the wording.
#[test]
fn numbers_under_a_shared_header_or_an_unnamed_column() {
    let dir = tempfile::tempdir().unwrap();
    let shared = workbook(&[SheetSpec {
        name: "Sheet1",
        cells: vec![
            (0, 2, "はい"),
            (0, 3, "いいえ"),
            (1, 0, "1"),
            (1, 1, "体制構築"),
            (2, 0, "①"),
            (2, 1, "試験用の責任者を置いている。"),
            (3, 0, "②"),
            (3, 1, "試験用の台帳を作っている。"),
        ],
        merges: vec![(0, 0, 0, 1, "チェック項目")],
    }]);
    let unnamed = workbook(&[SheetSpec {
        name: "Sheet1",
        cells: vec![
            (0, 1, "チェック項目"),
            (0, 2, "はい"),
            (0, 3, "いいえ"),
            (1, 0, "1"),
            (1, 1, "体制構築"),
            (2, 0, "①"),
            (2, 1, "試験用の責任者を置いている。"),
            (3, 0, "②"),
            (3, 1, "試験用の台帳を作っている。"),
        ],
        merges: vec![],
    }]);
    for (name, bytes) in [("shared.xlsx", shared), ("unnamed.xlsx", unnamed)] {
        let (r, out) = import(dir.path(), name, &bytes, &["--edition", "fy2026"]);
        assert_eq!(r.code, Some(0), "{name}: {}", r.stderr);
        lint_clean(&out);
        let id = format!("{}-institution@fy2026", name.trim_end_matches(".xlsx"));
        let got = items(&show_json(dir.path(), &out, &id));
        let got: Vec<(&str, &str)> = got.iter().map(|g| (g.1.as_str(), g.3.as_str())).collect();
        assert_eq!(
            got,
            [
                ("①", "試験用の責任者を置いている。"),
                ("②", "試験用の台帳を作っている。")
            ],
            "{name}"
        );
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains("ja = \"体制構築\""), "{name}: {text}");
    }
}

/// A row under the header with wording but no number (a gate question printed without one, a
/// note) is not made into an item, and is named so it does not vanish unseen.
#[test]
fn unnumbered_rows_are_named_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = workbook(&[SheetSpec {
        name: "Sheet1",
        cells: vec![
            (0, 0, "チェック項目"),
            (0, 1, "はい"),
            (0, 2, "いいえ"),
            (1, 0, "試験用のシステムを導入している。"),
            (2, 0, "1 体制構築"),
            (3, 0, "① 試験用の責任者を置いている。"),
        ],
        merges: vec![],
    }]);
    let (r, out) = import(dir.path(), "g.xlsx", &bytes, &["--edition", "fy2026"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("Sheet1!A2"), "{}", r.stderr);
    assert!(
        r.stderr.contains("Imported 1 item in 1 section as"),
        "{}",
        r.stderr
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("text.ja = \"試験用のシステム"), "{text}");
    assert!(text.contains("number = \"①\""), "{text}");
}

/// Section headings printed without a number, merged across the row, number the sections in
/// order; a note merged across is not a heading.
#[test]
fn unnumbered_headings_merged_across_are_sections() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = workbook(&[SheetSpec {
        name: "Sheet1",
        cells: vec![
            (0, 0, "チェック項目"),
            (0, 1, "はい"),
            (0, 2, "いいえ"),
            (2, 0, "① 試験用の責任者を置いている。"),
            (4, 0, "① 試験用の台帳を作っている。"),
        ],
        merges: vec![
            (1, 0, 1, 2, "体制構築"),
            (3, 0, 3, 2, "管理・運用"),
            (5, 0, 5, 2, "※ 試験用の注記です。"),
        ],
    }]);
    let (r, out) = import(dir.path(), "h.xlsx", &bytes, &["--edition", "fy2026"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("Sheet1!A6"),
        "the note is named: {}",
        r.stderr
    );
    lint_clean(&out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("id = \"1\"\ntitle = { ja = \"体制構築\""),
        "{text}"
    );
    assert!(
        text.contains("id = \"2\"\ntitle = { ja = \"管理・運用\""),
        "{text}"
    );
    assert!(text.contains("number = \"2-①\""), "{text}");
}

/// An institution's own list numbered 1, 2, 3 (no ①, (1) or 1-① anywhere): plain numbers are
/// item numbers, written (N).
#[test]
fn plain_numbers_are_items_when_nothing_else_numbers_them() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = workbook(&[SheetSpec {
        name: "自院",
        cells: vec![
            (0, 0, "No."),
            (0, 1, "確認項目"),
            (0, 2, "実施状況"),
            (1, 0, "1"),
            (1, 1, "試験用の責任者を置いている。"),
            (2, 0, "2"),
            (2, 1, "試験用の台帳を作っている。"),
            (3, 0, "12"),
            (3, 1, "試験用の訓練をしている。"),
        ],
        merges: vec![],
    }]);
    let (r, out) = import(
        dir.path(),
        "own.xlsx",
        &bytes,
        &["--edition", "fy2026", "--id", "own-institution"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    let got = items(&show_json(dir.path(), &out, "own-institution@fy2026"));
    let got: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
    assert_eq!(
        got,
        // Numbered straight through the sheet: kept as printed (#11).
        [("s1-01", "1"), ("s1-02", "2"), ("s1-12", "12")]
    );
}

/// A sheet with the gate question where `gate_rows` put it, under a header 番号 | チェック項目 |
/// はい | いいえ | 確認日, followed by section 1 and one item.
fn gate_sheet(
    gate_rows: Vec<(u32, u16, &str)>,
    merges: Vec<(u32, u16, u32, u16, &str)>,
) -> Vec<u8> {
    let mut cells = vec![
        (0, 0, "番号"),
        (0, 1, "チェック項目"),
        (0, 2, "はい"),
        (0, 3, "いいえ"),
        (0, 4, "確認日"),
        (3, 0, "1"),
        (3, 1, "体制構築"),
        (4, 0, "①"),
        (4, 1, "試験用の責任者を置いている。"),
    ];
    cells.extend(gate_rows);
    workbook(&[SheetSpec {
        name: "Sheet1",
        cells,
        merges,
    }])
}

fn rules_gate(text: &str) -> &str {
    let at = text.find("\ngate = \"").unwrap() + "\ngate = \"".len();
    let end = text[at..].find('"').unwrap();
    &text[at..at + end]
}

/// The gate question (医療情報システムの有無) is found where a form prints it: a sentence
/// without a number before the first item, a row numbered 0, or a sentence under its heading;
/// an instruction merged across the answer columns is not one, and a workbook without one
/// says `gate = "unknown"` and how to name it.
#[test]
fn the_gate_question_is_found_by_its_place_and_wording() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "unnumbered",
            gate_sheet(
                vec![(1, 1, "試験用の医療情報システムを導入している。")],
                vec![],
            ),
            "Sheet1!B2",
        ),
        (
            "zero",
            gate_sheet(
                vec![
                    (2, 0, "０"),
                    (2, 1, "試験用の医療情報システムを運用している。"),
                ],
                vec![],
            ),
            "Sheet1!B3",
        ),
        (
            "heading",
            gate_sheet(
                vec![(2, 1, "試験用の医療情報システムを導入している。")],
                vec![(1, 0, 1, 4, "医療情報システムの有無")],
            ),
            "Sheet1!B3",
        ),
    ];
    for (name, bytes, cell) in cases {
        let (r, out) = import(
            dir.path(),
            &format!("{name}.xlsx"),
            &bytes,
            &["--edition", "fy2026"],
        );
        assert_eq!(r.code, Some(0), "{name}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("Imported {cell} as the gate question")),
            "{name}: {}",
            r.stderr
        );
        lint_clean(&out);
        let text = std::fs::read_to_string(&out).unwrap();
        assert_eq!(rules_gate(&text), "on-form", "{name}: {text}");
        assert!(
            text.contains(&format!(
                "# gate: the sentence at {cell} is taken as the gate question"
            )),
            "{name}: {text}"
        );
        assert!(
            text.contains("id = \"medical-information-system\"\nnumber = \"0\"\nsection = \"0\"\nrequirement = \"required\"\ngate = true\ntext.ja = \"試験用の医療情報システムを"),
            "{name}: {text}"
        );
        assert!(
            text.contains("id = \"0\"\ntitle = { ja = \"医療情報システムの有無\""),
            "{name}: {text}"
        );
        assert!(text.contains("number = \"①\""), "{name}: {text}");
        assert!(
            !r.stderr.contains("not imported") && !r.stderr.contains("Rows without"),
            "{name}: {}",
            r.stderr
        );
    }

    // An instruction merged across the answer columns, and a sentence that does not ask about
    // a medical information system, are not the gate: unknown, said so, rows named.
    let bytes = gate_sheet(
        vec![(2, 1, "試験用のシステムを使っている。")],
        vec![(
            1,
            1,
            1,
            4,
            "医療情報システムを導入していない場合は、以下は試験用です。",
        )],
    );
    let (r, out) = import(dir.path(), "none.xlsx", &bytes, &["--edition", "fy2026"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("No gate question (医療情報システムの有無) was found"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--map gate=ROW"), "{}", r.stderr);
    assert!(
        r.stderr.contains("Sheet1!B2") && r.stderr.contains("Sheet1!B3"),
        "{}",
        r.stderr
    );
    lint_clean(&out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(rules_gate(&text), "unknown", "{text}");
    assert!(!text.contains("gate = true"), "{text}");
    assert!(
        text.contains("# gate: no gate question (医療情報システムの有無) was found"),
        "{text}"
    );

    // --map gate= names it (by row, or by number), or says there is none; alone it keeps the
    // layout that was found.
    let (r, out) = import(
        dir.path(),
        "none.xlsx",
        &bytes,
        &["--edition", "fy2026", "--map", "gate=3", "--force"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(rules_gate(&text), "on-form", "{text}");
    assert!(text.contains("# gate: Sheet1!B3 is the gate question (医療情報システムの有無), as `--map gate=3` says."), "{text}");
    assert!(
        text.contains("gate = true\ntext.ja = \"試験用のシステムを使っている。\""),
        "{text}"
    );
    assert!(text.contains("number = \"①\""), "{text}");

    let (r, out) = import(
        dir.path(),
        "none.xlsx",
        &bytes,
        &["--edition", "fy2026", "--map", "gate=none", "--force"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(rules_gate(&text), "not-on-form", "{text}");

    let (r, out) = import(
        dir.path(),
        "none.xlsx",
        &bytes,
        &["--edition", "fy2026", "--map", "gate=1-①", "--force"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    let text = std::fs::read_to_string(&out).unwrap();
    // Named by its number with its section, it keeps the number as printed, as the others do.
    assert!(
        text.contains("number = \"①\"\nsection = \"1\"\nrequirement = \"required\"\ngate = true"),
        "{text}"
    );

    // A row with no wording is refused, naming the map and the sheet; nothing written.
    std::fs::remove_file(&out).unwrap();
    let (r, out) = import(
        dir.path(),
        "none.xlsx",
        &bytes,
        &["--lang", "ja", "--edition", "fy2026", "--map", "gate=9"],
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("--map gate=9") && r.stderr.contains("Sheet1"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
    let (r, _) = import(dir.path(), "none.xlsx", &bytes, &["--map", "gate=x"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("gate=`x`"), "{}", r.stderr);
}

/// Circled numbers beyond ⑳ (㉑–㊿, two other Unicode runs) are item numbers, not rows
/// without a number.
#[test]
fn circled_numbers_beyond_twenty_are_items() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = workbook(&[SheetSpec {
        name: "Sheet1",
        cells: vec![
            (0, 0, "番号"),
            (0, 1, "チェック項目"),
            (0, 2, "はい"),
            (0, 3, "いいえ"),
            (1, 0, "2"),
            (1, 1, "管理・運用"),
            (2, 0, "⑳"),
            (2, 1, "試験用の二十番目です。"),
            (3, 0, "㉑"),
            (3, 1, "試験用の二十一番目です。"),
            (4, 0, "2-㉒"),
            (4, 1, "試験用の二十二番目です。"),
            (5, 0, "㊱"),
            (5, 1, "試験用の三十六番目です。"),
            (6, 0, "２－㊿"),
            (6, 1, "試験用の五十番目です。"),
        ],
        merges: vec![],
    }]);
    let (r, out) = import(
        dir.path(),
        "circled.xlsx",
        &bytes,
        &["--edition", "fy2026", "--id", "own-institution"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("5 items"), "{}", r.stderr);
    assert!(!r.stderr.contains("left out"), "{}", r.stderr);
    lint_clean(&out);
    let got = items(&show_json(dir.path(), &out, "own-institution@fy2026"));
    let numbers: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(numbers, ["2-⑳", "2-㉑", "2-㉒", "2-㊱", "2-㊿"]);
    assert_eq!(got[4].3, "試験用の五十番目です。");
}

/// The summary of an import with `--map header-rows=N` names the N header rows, not the
/// first row after them.
#[test]
fn a_mapped_header_is_named_by_its_own_rows() {
    let dir = tempfile::tempdir().unwrap();
    for (rows, header) in [(1u32, "一覧!B1 "), (2, "一覧!B1:B2 "), (3, "一覧!B1:B3 ")] {
        let mut cells = vec![(0, 0, "表")];
        cells.extend([
            (rows, 0, "①"),
            (rows, 1, "試験用の責任者を置いている。"),
            (rows + 1, 0, "②"),
            (rows + 1, 1, "試験用の台帳を作っている。"),
        ]);
        let bytes = workbook(&[SheetSpec {
            name: "一覧",
            cells,
            merges: vec![],
        }]);
        let map = format!("number=A,text=B,header-rows={rows}");
        let (r, _) = import(
            dir.path(),
            "m.xlsx",
            &bytes,
            &["--edition", "fy2026", "--map", &map, "--force"],
        );
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(
            r.stderr.contains("2 items") && r.stderr.contains(&format!("the header at {header}")),
            "{rows}: {}",
            r.stderr
        );
        let (r, _) = import(
            dir.path(),
            "m.xlsx",
            &bytes,
            &[
                "--lang",
                "ja",
                "--edition",
                "fy2026",
                "--map",
                &map,
                "--force",
            ],
        );
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let ja = format!("{}の見出し", header.trim_end());
        assert!(r.stderr.contains(&ja), "{rows}: {}", r.stderr);
    }
}

/// `checklist show --format md` shows cell text as written: pipes, emphasis, HTML and code
/// spans in a workbook's wording are escaped, so they neither break the table nor format.
#[test]
fn markdown_show_escapes_cell_text() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = workbook(&[SheetSpec {
        name: "Sheet1",
        cells: vec![
            (0, 0, "試験用チェックリスト *星* <i>斜体</i>"),
            (1, 0, "番号"),
            (1, 1, "チェック項目"),
            (1, 2, "はい"),
            (1, 3, "いいえ"),
            (2, 0, "1"),
            (2, 1, "体制|構築_下線_"),
            (3, 0, "①"),
            (3, 1, "試験用の|縦線|と*強調*と__太字__です。"),
            (4, 0, "②"),
            (
                4,
                1,
                "試験用の<script>x</script>と`コード`と[リンク](http://x)です。",
            ),
            (5, 0, "③"),
            (5, 1, "試験用の\\逆斜線と~~取消~~と&amp;です。"),
        ],
        merges: vec![],
    }]);
    let (r, out) = import(
        dir.path(),
        "hostile.xlsx",
        &bytes,
        &["--edition", "fy2026", "--id", "own-institution"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = run(medsec_in(dir.path()).arg("--checklist").arg(&out).args([
        "checklist",
        "show",
        "own-institution@fy2026",
        "--format",
        "md",
    ]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // The digest changes with the workbook's creation time.
    let shown: String = r
        .stdout
        .lines()
        .filter(|l| !l.contains("sha256:"))
        .map(|l| format!("{l}\n"))
        .collect();
    insta::assert_snapshot!("show-md-hostile-cells", shown);
    let r = run(medsec_in(dir.path()).arg("--checklist").arg(&out).args([
        "--lang",
        "ja",
        "checklist",
        "show",
        "own-institution@fy2026",
        "--format",
        "md",
    ]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("| ① |  | 試験用の\\|縦線\\|と\\*強調\\*と\\_\\_太字\\_\\_です。 ※未確認 |"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("## 1 体制\\|構築\\_下線\\_\n"),
        "{}",
        r.stdout
    );
}

/// Where the edition's rules say the いいえ target-date window is unknown (an imported form
/// whose 目標日 header names no window, or FY2024), the answers file `init` makes does not
/// state a window as if it were known; where it is known (FY2025), it does.
#[test]
fn init_says_an_unconfirmed_target_window_is_unconfirmed() {
    let dir = tempfile::tempdir().unwrap();
    let (r, out) = import(dir.path(), "c.xlsx", &layout_c(), &["--edition", "fy2026"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("target_date = \"unknown\""), "{text}");
    let init = |lang: &str, checklist: &[&std::ffi::OsStr], name: &str| -> String {
        let r = run(medsec_in(dir.path())
            .current_dir(dir.path())
            .args(checklist)
            .args(["--lang", lang, "init", "--out", name]));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        std::fs::read_to_string(dir.path().join(name)).unwrap()
    };
    let imported = [std::ffi::OsStr::new("--checklist"), out.as_os_str()];
    let en = init("en", &imported, "en.toml");
    assert!(
        en.contains("This edition's window for it is unconfirmed: a date outside FY2026 (2026-04-01 to 2027-03-31) gets a warning"),
        "{en}"
    );
    assert!(!en.contains("the target date within"), "{en}");
    let ja = init("ja", &imported, "ja.toml");
    assert!(ja.contains("この版での期間は未確認です。"), "{ja}");
    assert!(!ja.contains("令和8年度中("), "{ja}");
    let fy2024 = [
        std::ffi::OsStr::new("--checklist"),
        std::ffi::OsStr::new("mhlw-institution@fy2024"),
    ];
    assert!(init("en", &fy2024, "fy2024.toml").contains("window for it is unconfirmed"));
    let fy2025 = [
        std::ffi::OsStr::new("--checklist"),
        std::ffi::OsStr::new("mhlw-institution@fy2025"),
    ];
    let known = init("en", &fy2025, "fy2025.toml");
    assert!(
        known.contains("target date within FY2025 (2025-04-01 to 2026-03-31)"),
        "{known}"
    );
}

/// A workbook that is not an official one, imported without `--id`, is never given MHLW's
/// identity: it is named after its file (or `own` for a name without letters), its publisher
/// is that name, and the summary says so and how to name it (ja/en).
#[test]
fn an_unofficial_workbook_is_named_after_its_file_not_mhlw() {
    let dir = tempfile::tempdir().unwrap();
    for (file, lang, id, said) in [
        (
            "Group Checklist 2026.xlsx",
            "en",
            "group-checklist-2026-institution",
            "so its checklist is named after the file, not after MHLW: `group-checklist-2026-institution@fy2026`",
        ),
        (
            "自院チェックリスト.xlsx",
            "ja",
            "own-institution",
            "ファイル名から`own-institution@fy2026`としました",
        ),
    ] {
        let (r, out) = import(
            dir.path(),
            file,
            &layout_c(),
            &["--lang", lang, "--edition", "fy2026"],
        );
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{}", r.stderr);
        assert!(r.stderr.contains("--id"), "{}", r.stderr);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains(&format!("id = \"{id}\"\n")), "{text}");
        assert!(!text.contains("publisher = \"mhlw\""), "{text}");
        assert!(!text.contains("\"mhlw-"), "{text}");
        lint_clean(&out);
    }
    // With --id, the name given, and nothing said about it.
    let (r, out) = import(
        dir.path(),
        "c.xlsx",
        &layout_c(),
        &[
            "--edition",
            "fy2026",
            "--id",
            "clinic-institution",
            "--force",
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stderr.contains("named after the file"), "{}", r.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("publisher = \"clinic\""), "{text}");
}

/// An item cell ending in two scope labels (「（サーバ）（端末PC）」) keeps both as its scope,
/// and the wording without them.
#[test]
fn two_inline_scope_labels_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = workbook(&[SheetSpec {
        name: "Sheet1",
        cells: vec![
            (0, 0, "チェック項目"),
            (0, 1, "はい"),
            (0, 2, "いいえ"),
            (1, 0, "1 管理・運用"),
            (2, 0, "① 試験用の機器を管理している。（サーバ）（端末PC）"),
            (3, 0, "② 試験用の台帳を作っている。(ネットワーク機器)"),
        ],
        merges: vec![],
    }]);
    let (r, out) = import(
        dir.path(),
        "scopes.xlsx",
        &bytes,
        &["--edition", "fy2026", "--id", "own-institution"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    let got = items(&show_json(dir.path(), &out, "own-institution@fy2026"));
    assert_eq!(got[0].2, ["server", "terminal"]);
    assert_eq!(got[0].3, "試験用の機器を管理している。");
    assert_eq!(got[1].2, ["network"]);
}

/// A vendor (事業者確認用) sheet: headings marked as such (【…】, ■…) alone on their rows are
/// its sections' titles, as merged headings are on the institution sheet; a sheet with no
/// headings at all is said to have none (ja/en), not silently titled 「チェック項目」.
#[test]
fn vendor_sections_take_the_sheets_headings_or_say_there_are_none() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = |headings: bool| {
        let mut cells = vec![
            (0, 0, "テスト用チェックリスト 事業者確認用"),
            (2, 0, "番号"),
            (2, 1, "チェック項目"),
            (2, 2, "責任分界"),
            (2, 3, "はい"),
            (2, 4, "いいえ"),
            (4, 0, "1-①"),
            (4, 1, "試験用の窓口を置いている。"),
            (4, 2, "事業者"),
            (6, 0, "2-①"),
            (6, 1, "試験用の保守記録を残している。"),
            (6, 2, "医療機関"),
        ];
        if headings {
            cells.push((3, 1, "【試験用の体制】"));
            cells.push((5, 1, "■試験用の保守"));
        }
        workbook(&[SheetSpec {
            name: "事業者確認用",
            cells,
            merges: vec![],
        }])
    };
    let (r, out) = import(
        dir.path(),
        "v.xlsx",
        &sheet(true),
        &["--edition", "fy2026", "--id", "own-vendor"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stderr.contains("no heading"), "{}", r.stderr);
    lint_clean(&out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("id = \"1\"\ntitle = { ja = \"【試験用の体制】\""),
        "{text}"
    );
    assert!(
        text.contains("id = \"2\"\ntitle = { ja = \"■試験用の保守\""),
        "{text}"
    );
    assert!(!text.contains("ja = \"チェック項目\""), "{text}");

    let (r, out) = import(
        dir.path(),
        "v.xlsx",
        &sheet(false),
        &["--edition", "fy2026", "--id", "own-vendor", "--force"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("The sheet prints no heading for sections 1, 2"),
        "{}",
        r.stderr
    );
    lint_clean(&out);
    let (r, _) = import(
        dir.path(),
        "v.xlsx",
        &sheet(false),
        &[
            "--lang",
            "ja",
            "--edition",
            "fy2026",
            "--id",
            "own-vendor",
            "--force",
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("の見出しがありません"), "{}", r.stderr);
}

/// The command a "no header" error proposes (between its last pair of backticks).
fn proposed(stderr: &str) -> Vec<String> {
    let mut parts = stderr.rsplit('`');
    parts.next();
    let command = parts.next().unwrap_or("");
    command.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn a_header_not_found_names_every_candidate_row_and_the_map_that_states_it() {
    let dir = tempfile::tempdir().unwrap();
    // A cover sheet, and a sheet whose wording header stands four rows above its answer words
    // (a note block in between): no header is found, on either sheet.
    let bytes = workbook(&[
        SheetSpec {
            name: "表紙",
            cells: vec![(0, 0, "令和8年度 試験用の表紙")],
            merges: vec![],
        },
        SheetSpec {
            name: "チェック",
            cells: vec![
                (1, 0, "チェック項目"),
                (5, 1, "はい"),
                (5, 2, "いいえ"),
                (6, 0, "1 体制構築"),
                (7, 0, "① 試験用の責任者を置いている。"),
                (8, 0, "② 試験用の台帳を作っている。"),
            ],
            merges: vec![],
        },
    ]);
    let (r, out) = import(dir.path(), "apart.xlsx", &bytes, &["--edition", "fy2026"]);
    assert_unusable(
        &r,
        &out,
        &[
            "sheet `表紙`: no header word at all",
            "row 2: チェック!A2 チェック項目 (wording)",
            "row 6: チェック!B6 はい (answer), チェック!C6 いいえ (answer)",
            "Missed: the wording column and the answer columns are more than two rows apart",
            "`--sheet チェック --map text=A,header-rows=6`",
        ],
    );
    // One line a sheet.
    assert!(
        r.stderr.contains("What it found:\n  sheet `表紙`"),
        "{}",
        r.stderr
    );
    // The proposed command imports it.
    let args = proposed(&r.stderr);
    let (r, out) = import(dir.path(), "apart.xlsx", &bytes, &{
        let mut a: Vec<&str> = vec!["--edition", "fy2026"];
        a.extend(args.iter().map(String::as_str));
        a
    });
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    lint_clean(&out);
    // A map without --sheet on a workbook of several sheets says to name one.
    std::fs::remove_file(&out).unwrap();
    let (r, out) = import(
        dir.path(),
        "apart.xlsx",
        &bytes,
        &["--edition", "fy2026", "--map", "text=A,header-rows=6"],
    );
    assert_unusable(&r, &out, &["several: `表紙`, `チェック`", "--sheet NAME"]);
    // In Japanese.
    let r = run(medsec_in(dir.path())
        .args(["--lang", "ja", "checklist", "import"])
        .arg(dir.path().join("apart.xlsx"))
        .args(["--edition", "fy2026"]));
    assert_eq!(r.code, Some(2));
    for needle in [
        "2行目: チェック!A2「チェック項目」(項目)",
        "6行目: チェック!B6「はい」(回答)",
        "項目の列と回答の列が3行以上離れています",
        "`--sheet チェック --map text=A,header-rows=6`で指定してください",
    ] {
        assert!(r.stderr.contains(needle), "{needle:?} not in {}", r.stderr);
    }
}

#[test]
fn a_csv_given_as_a_workbook_is_named_as_text() {
    // A hospital's list saved as CSV from Excel, given as is and renamed .xlsx.
    let dir = tempfile::tempdir().unwrap();
    let csv = "チェック項目,はい,いいえ\n① 試験用の責任者を置いている。,○,\n";
    for name in ["list.csv", "list.xlsx"] {
        let (r, out) = import(dir.path(), name, csv.as_bytes(), &["--edition", "fy2026"]);
        assert_unusable(
            &r,
            &out,
            &[
                name,
                "is a text file (such as a CSV), not an Excel workbook",
            ],
        );
    }
    // Shift_JIS text too (no NUL byte), and in Japanese.
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(csv);
    let wb = save(dir.path(), "sjis.csv", &sjis);
    let r = run(medsec_in(dir.path())
        .args(["--lang", "ja", "checklist", "import"])
        .arg(&wb)
        .args(["--edition", "fy2026"]));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("`sjis.csv`はテキストファイル(CSVなど)で、Excelのブックではありません"),
        "{}",
        r.stderr
    );
}

/// A hospital imports this year's workbook, but not the official file (saved again in Excel:
/// another SHA-256), and adds it: `init` makes the new file on it (the added checklist of a later
/// year than the bundled one, issue 11), and the commands reading a file of last year's form do
/// not just say this year's form is missing (and to import what was just imported); they name
/// the checklist registered and the `--checklist` that uses it.
#[test]
fn this_years_checklist_imported_under_its_file_name_is_named_in_the_notice() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (r, out) = import(dir.path(), "001716187.xlsx", &layout_a(), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("is not the official"), "{}", r.stderr);
    let r = run(medsec_in(data.path()).args(["checklist", "add"]).arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let answers = dir.path().join("a.toml");
    let r = run(medsec_in(data.path())
        .args(["--lang", "en", "init", "--out"])
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "`001716187-institution@fy2026` (令和8年度, FY2026), added with `medsec checklist add`, is newer than `mhlw-institution@fy2025`"
        ),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("is not registered yet"), "{}", r.stderr);
    assert!(std::fs::read_to_string(&answers)
        .unwrap()
        .contains("id = \"001716187-institution\""));
    // A file of last year's form names the checklist registered.
    let r = run(medsec_in(data.path())
        .args([
            "--lang",
            "en",
            "--checklist",
            "mhlw-institution@fy2025",
            "init",
            "--force",
            "--out",
        ])
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for needle in [
        "checklists registered are not the publisher's official edition: `001716187-institution@fy2026`",
        "give `--checklist 001716187-institution@fy2026`",
    ] {
        assert!(r.stderr.contains(needle), "{needle:?} not in {}", r.stderr);
    }
    let r = run(medsec_in(data.path())
        .args(["--lang", "ja", "status"])
        .arg(&answers));
    assert!(
        r.stderr
            .contains("`--checklist 001716187-institution@fy2026`を付けてください"),
        "{}",
        r.stderr
    );
    // The --checklist it names works.
    let r = run(medsec_in(data.path())
        .args([
            "--checklist",
            "001716187-institution@fy2026",
            "init",
            "--force",
            "--out",
        ])
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        std::fs::read_to_string(&answers)
            .unwrap()
            .contains("id = \"001716187-institution\""),
        "{}",
        r.stderr
    );
    // With this year's checklist in use (named, or given as a file), nothing is said about
    // older editions.
    assert!(!r.stderr.contains("--checklist 001716187"), "{}", r.stderr);
    for given in [
        out.as_os_str().to_owned(),
        "001716187-institution@fy2026".into(),
    ] {
        for lang in ["ja", "en"] {
            let r = run(medsec_in(data.path())
                .args(["--lang", lang, "--checklist"])
                .arg(&given)
                .arg("status")
                .arg(&answers));
            assert!(
                !r.stderr.contains("--checklist 001716187") && !r.stderr.contains("FY2025"),
                "{given:?} {lang}: {}",
                r.stderr
            );
        }
    }
}

#[test]
fn an_edition_other_than_the_titles_year_is_said() {
    let dir = tempfile::tempdir().unwrap();
    // The title says 令和8年度版; --edition says fy2025: imported as asked, and said.
    let (r, out) = import(dir.path(), "a.xlsx", &layout_a(), &["--edition", "fy2025"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("edition = \"fy2025\""));
    assert!(
        r.stderr.contains(
            "the sheet's title names the form of 令和8年度 (FY2026), but the checklist is `a-institution@fy2025`"
        ),
        "{}",
        r.stderr
    );
    // The title's own year: nothing said.
    let (r, _) = import(dir.path(), "a.xlsx", &layout_a(), &["--force"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stderr.contains("title names"), "{}", r.stderr);
}

#[test]
fn a_merged_header_cell_is_named_once_in_what_was_found() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = workbook(&[SheetSpec {
        name: "一覧",
        cells: vec![(2, 0, "① 試験用の責任者を置いている。")],
        merges: vec![(0, 0, 1, 1, "チェック項目")],
    }]);
    let (r, out) = import(dir.path(), "merged.xlsx", &bytes, &["--edition", "fy2026"]);
    assert_unusable(&r, &out, &["row 1: 一覧!A1 チェック項目 (wording)."]);
    for copy in ["一覧!B1", "一覧!A2", "row 2:"] {
        assert!(!r.stderr.contains(copy), "{copy:?} in {}", r.stderr);
    }
}
