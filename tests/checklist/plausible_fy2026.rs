//! `checklist import` of a plausible FY2026 医療機関・薬局確認用 layout (issue #11, review 11):
//! a title with （令和8年度版） in A1, two header rows, a section column with merged headings,
//! the gate question in its own section 0 numbered ① with 「いいえ」の場合、以下…記入不要, and a
//! note 「※…」 under the last item; and a vendor layout. The wording is test data, not
//! checklist text (the real FY2026 sheets were not seen).

use crate::common;
use common::*;
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

/// The layout the reviewer built (/tmp/rev11/official.py), with test wording.
fn institution_workbook() -> Vec<u8> {
    institution_workbook_with(&[])
}

/// The same layout with `extra` cells written last (a note above or below the items).
pub(super) fn institution_workbook_with(extra: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("チェックリスト").unwrap();
    let cells: &[(u32, u16, &str)] = &[
        (0, 0, "試験用サイバーセキュリティ対策チェックリスト（令和8年度版）"),
        (1, 0, "医療機関・薬局確認用"),
        (2, 0, "医療機関・薬局名："),
        (5, 3, "はい"),
        (5, 4, "いいえ"),
        (5, 5, "確認日"),
        (5, 6, "目標日"),
        (5, 7, "はい"),
        (5, 8, "いいえ"),
        (5, 9, "確認日"),
        (5, 10, "目標日"),
        (7, 1, "①"),
        (
            7,
            2,
            "医療情報システムを導入、運用している。\n（「いいえ」の場合、以下のチェック項目は記入不要）",
        ),
        (9, 1, "①"),
        (9, 2, "試験用の責任者を置いている。（医療情報システム全般）"),
        (10, 1, "②"),
        (10, 2, "試験用の連絡体制を整えている。（医療情報システム全般）"),
        (13, 1, "①"),
        (13, 2, "試験用の台帳を作っている。（サーバ）"),
        (14, 1, "①"),
        (14, 2, "試験用の台帳を作っている。（端末PC）"),
        (15, 1, "②"),
        (15, 2, "試験用の権限を設けている。（サーバ）"),
        (18, 1, "①"),
        (18, 2, "試験用の連絡図がある。"),
        (20, 0, "※ 本チェックリストは試験のための注記です。"),
    ];
    let merges: &[(u32, u16, u32, u16, &str)] = &[
        (4, 0, 5, 0, "区分"),
        (4, 1, 5, 1, "項番"),
        (4, 2, 5, 2, "チェック項目"),
        (4, 3, 4, 6, "1回目"),
        (4, 7, 4, 10, "2回目"),
        (4, 11, 5, 11, "備考"),
        (6, 0, 6, 11, "0 医療情報システムの有無"),
        (8, 0, 8, 11, "1 体制構築"),
        (12, 0, 12, 11, "2 医療情報システムの管理・運用"),
        (17, 0, 17, 11, "3 インシデント発生に備えた対応"),
    ];
    for &(r0, c0, r1, c1, text) in merges {
        ws.merge_range(r0, c0, r1, c1, text, &plain).unwrap();
    }
    for &(r, c, text) in cells.iter().chain(extra) {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// A vendor form (事業者確認用) with an extra column, as the reviewer's /tmp/rev11/vendor.py.
fn vendor_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("事業者確認用").unwrap();
    let cells: &[(u32, u16, &str)] = &[
        (0, 0, "試験用チェックリスト（令和8年度版）事業者確認用"),
        (2, 0, "項番"),
        (2, 1, "チェック項目"),
        (2, 2, "責任分界"),
        (2, 3, "はい"),
        (2, 4, "いいえ"),
        (2, 5, "確認日"),
        (2, 6, "目標日"),
        (2, 7, "備考"),
        (3, 0, "１．体制構築"),
        (4, 0, "1-①"),
        (4, 1, "試験用の管理責任者を置いている。"),
        (4, 2, "事業者"),
        (5, 0, "２．医療情報システムの管理・運用"),
        (6, 0, "2-①"),
        (6, 1, "試験用の台帳を作っている。"),
        (6, 2, "事業者"),
        (7, 0, "2-②"),
        (7, 1, "試験用の脆弱性対策を行っている。"),
        (7, 2, "事業者"),
    ];
    for &(r, c, text) in cells {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

pub(super) fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn medsec_in(data: &Path) -> assert_cmd::Command {
    let mut cmd = medsec();
    cmd.env("MEDSEC_DATA_DIR", data).env("LANG", "ja_JP.UTF-8");
    cmd
}

pub(super) fn import(dir: &Path, wb: &Path, out: &str, extra: &[&str]) -> (Run, PathBuf) {
    let out = dir.join(out);
    let r = run(medsec_in(dir)
        .args(["checklist", "import"])
        .arg(wb)
        .arg("--out")
        .arg(&out)
        .args(extra));
    (r, out)
}

pub(super) fn parsed(path: &Path) -> toml::Value {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_gate_in_its_own_section_is_found_and_named_by_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let wb = save(dir.path(), "fy2026.xlsx", &institution_workbook());
    let (r, out) = import(dir.path(), &wb, "a.toml", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v = parsed(&out);
    assert_eq!(v["rules"]["gate"].as_str(), Some("on-form"), "{}", r.stderr);
    let items = v["items"].as_array().unwrap();
    let gates: Vec<&toml::Value> = items
        .iter()
        .filter(|i| i.get("gate").and_then(toml::Value::as_bool) == Some(true))
        .collect();
    assert_eq!(gates.len(), 1, "{}", r.stderr);
    assert_eq!(gates[0]["number"].as_str(), Some("0-①"));
    assert_eq!(gates[0]["section"].as_str(), Some("0"));
    // The summary names the number as the file holds it, not 「番号0」.
    assert!(
        r.stderr.contains("チェックリスト!C8を前提の質問") && r.stderr.contains("(番号0-①)"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("見つかりませんでした"), "{}", r.stderr);
    // The file it wrote lints clean and the gate is what `status` switches the rest off by.
    let lint = run(medsec().args(["checklist", "lint"]).arg(&out));
    assert_eq!(lint.code, Some(0), "{}", lint.stdout);

    // `--map gate=8` names the same row: the message says 0-① too.
    let (r, _) = import(dir.path(), &wb, "b.toml", &["--map", "gate=8"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("(番号0-①)"), "{}", r.stderr);
    assert!(!r.stderr.contains("(番号0)"), "{}", r.stderr);
}

#[test]
fn a_wrong_gate_number_suggests_an_item_row_never_a_header_row() {
    let dir = tempfile::tempdir().unwrap();
    let wb = save(dir.path(), "fy2026.xlsx", &institution_workbook());
    // ① is printed in every section: the example row is the first of them (row 8), not 5.
    let (r, out) = import(dir.path(), &wb, "a.toml", &["--map", "gate=①"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(!out.exists());
    assert!(r.stderr.contains("gate=8)"), "{}", r.stderr);
    assert!(!r.stderr.contains("gate=5"), "{}", r.stderr);
    // A number no item has: the example row is the first item's.
    let (r, _) = import(dir.path(), &wb, "a.toml", &["--map", "gate=9-⑨"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("gate=8)"), "{}", r.stderr);
    assert!(!r.stderr.contains("gate=5"), "{}", r.stderr);
}

#[test]
fn a_note_row_is_never_a_section() {
    let dir = tempfile::tempdir().unwrap();
    let wb = save(dir.path(), "fy2026.xlsx", &institution_workbook());
    let (r, out) = import(dir.path(), &wb, "a.toml", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v = parsed(&out);
    let sections: Vec<&str> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(sections, ["0", "1", "2", "3"], "{}", r.stderr);
    assert!(v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| !s["title"]["ja"].as_str().unwrap_or("").contains('※')));
    // It is named as a row left out, so nothing disappears unseen.
    assert!(r.stderr.contains("4節"), "{}", r.stderr);
    assert!(r.stderr.contains("チェックリスト!A21"), "{}", r.stderr);
}

#[test]
fn an_empty_section_is_a_lint_warning() {
    let dir = tempfile::tempdir().unwrap();
    let wb = save(dir.path(), "fy2026.xlsx", &institution_workbook());
    let (_, out) = import(dir.path(), &wb, "a.toml", &[]);
    let text = std::fs::read_to_string(&out).unwrap();
    let text = text.replacen(
        "[[sections]]\nid = \"3\"",
        "[[sections]]\nid = \"4\"\ntitle = { ja = \"※ 注記\", en = \"※ note\" }\n\n[[sections]]\nid = \"3\"",
        1,
    );
    let edited = dir.path().join("edited.toml");
    std::fs::write(&edited, text).unwrap();
    let r = run(medsec().args(["checklist", "lint"]).arg(&edited));
    assert!(r.stdout.contains("[empty-section]"), "{}", r.stdout);
    assert!(r.stdout.contains("`4`"), "{}", r.stdout);
    let r = run(medsec()
        .args(["--lang", "ja", "checklist", "lint"])
        .arg(&edited));
    assert!(
        r.stdout.contains("節`4`には項目がありません。"),
        "{}",
        r.stdout
    );
    // The file as imported has none.
    let r = run(medsec().args(["checklist", "lint"]).arg(&out));
    assert!(!r.stdout.contains("empty-section"), "{}", r.stdout);
}

#[test]
fn a_map_keeps_the_edition_found_in_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let wb = save(dir.path(), "fy2026.xlsx", &institution_workbook());
    let (r, out) = import(
        dir.path(),
        &wb,
        "a.toml",
        &["--map", "section=A,number=B,text=C,header-rows=6"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(parsed(&out)["edition"].as_str(), Some("fy2026"));
    // A map file with a space in its name, as the reviewer wrote it.
    let map = dir.path().join("レイアウト 表.toml");
    std::fs::write(
        &map,
        "section = \"A\"\nnumber = \"B\"\ntext = \"C\"\nheader-rows = 6\n",
    )
    .unwrap();
    let (r, out) = import(dir.path(), &wb, "b.toml", &["--map", map.to_str().unwrap()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(parsed(&out)["edition"].as_str(), Some("fy2026"));
}

#[test]
fn a_vendor_import_records_no_gate_on_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let wb = save(dir.path(), "vendor.xlsx", &vendor_workbook());
    let (r, out) = import(dir.path(), &wb, "v.toml", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v = parsed(&out);
    assert_eq!(v["form"].as_str(), Some("vendor"));
    assert_eq!(v["rules"]["gate"].as_str(), Some("not-on-form"));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("# gate: 事業者確認用の様式のため"), "{text}");
    let lint = run(medsec().args(["checklist", "lint"]).arg(&out));
    assert_eq!(lint.code, Some(0), "{}", lint.stdout);
}

#[test]
fn digits_of_a_japanese_file_name_are_no_checklist_name() {
    let dir = tempfile::tempdir().unwrap();
    let wb = save(
        dir.path(),
        "令和8年度 チェックリスト.xlsx",
        &institution_workbook(),
    );
    let (r, out) = import(dir.path(), &wb, "a.toml", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v = parsed(&out);
    assert_eq!(v["id"].as_str(), Some("own-institution"), "{}", r.stderr);
    assert!(r.stderr.contains("own-institution@fy2026"), "{}", r.stderr);
    assert!(!r.stderr.contains("8-institution"), "{}", r.stderr);
}

#[test]
fn the_written_notice_quotes_a_path_with_a_space() {
    let dir = tempfile::tempdir().unwrap();
    let wb = save(dir.path(), "fy2026.xlsx", &institution_workbook());
    let (r, out) = import(dir.path(), &wb, "令和8年度 様式.toml", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let quoted = format!("'{}'", out.display());
    if !cfg!(windows) {
        assert!(
            r.stderr
                .contains(&format!("`medsec checklist add {quoted}`")),
            "{}",
            r.stderr
        );
    }
}

/// The fiscal year (April–March, Japan) of today.
fn current_fiscal_year() -> i16 {
    medsec::dates::fiscal_year_of(medsec::dates::today_in_japan())
}

#[test]
fn a_vendor_form_older_than_this_year_names_the_vendor_workbook() {
    let year = current_fiscal_year();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // This year's institution form is registered (imported under its file's name): the
    // vendor form is still last year's, and the notice says so for the vendor form.
    let wb = save(dir.path(), "institution.xlsx", &institution_workbook());
    let edition = format!("fy{year}");
    let (r, inst) = import(dir.path(), &wb, "inst.toml", &["--edition", &edition]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = run(medsec_in(&data).args(["checklist", "add"]).arg(&inst));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let vendor = dir.path().join("v.toml");
    let r = run(medsec_in(&data)
        .current_dir(dir.path())
        .args(["init", "--form", "vendor", "--out"])
        .arg(&vendor));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let check = |stderr: &str, what: &str| {
        assert!(stderr.contains("事業者確認用"), "{what}: {stderr}");
        assert!(!stderr.contains("institution@"), "{what}: {stderr}");
        if year == 2026 {
            // The official vendor workbook of FY2026 (facts file §9) and the import of it.
            assert!(stderr.contains("`001716188.xlsx`"), "{what}: {stderr}");
            assert!(
                stderr
                    .contains("`medsec checklist import 001716188.xlsx --out vendor-fy2026.toml`"),
                "{what}: {stderr}"
            );
            assert!(!stderr.contains("001716187"), "{what}: {stderr}");
        } else {
            assert!(
                stderr.contains("medsec checklist import"),
                "{what}: {stderr}"
            );
        }
    };
    check(&r.stderr, "init");
    let r = run(medsec_in(&data).arg("status").arg(&vendor));
    check(&r.stderr, "status");
    let r = run(medsec_in(&data)
        .current_dir(dir.path())
        .arg("answer")
        .arg(&vendor)
        .args(["--export", "v.csv"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    check(&r.stderr, "answer");
    // In English too.
    let r = run(medsec_in(&data)
        .args(["--lang", "en", "status"])
        .arg(&vendor));
    assert!(r.stderr.contains("vendor form"), "{}", r.stderr);
}
