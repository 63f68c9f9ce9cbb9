//! The round of each answer column follows the nearest 1回目/2回目 heading to its left, merged
//! across its group or written in the group's first cell only (review of issue #10: an
//! unmerged 「2回目」 in G3 made H4 確認日 round 1's, and `answer --import` dropped the second
//! round's dates). The wording is test data, not checklist text.

use crate::common;
use common::*;
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

/// A sheet with headings 1回目 (D3) and 2回目 (G3) over はい/いいえ, 確認日, 目標日 in row 4;
/// the headings merged across their groups when `merged`, answers filled when `filled`.
fn workbook(merged: bool, filled: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("チェックリスト").unwrap();
    let mut cells: Vec<(u32, u16, &str)> =
        vec![
        (0, 0, "試験用チェックリスト(令和8年度版) 医療機関・薬局確認用"),
        (2, 0, "番号"),
        (2, 1, "確認項目"),
        (3, 3, "はい/いいえ"),
        (3, 4, "確認日"),
        (3, 5, "目標日"),
        (3, 6, "はい/いいえ"),
        (3, 7, "確認日"),
        (3, 8, "目標日"),
        (4, 0, "0"),
        (
            4,
            1,
            "医療情報システムを導入、運用している。(「いいえ」の場合、以下すべての項目は記入不要)",
        ),
        (5, 0, "1 体制構築"),
        (6, 0, "①"),
        (6, 1, "試験用の責任者を置いている。"),
        (7, 0, "②"),
        (7, 1, "試験用の規程を整えている。"),
    ];
    if filled {
        cells.extend([
            (4, 3, "はい"),
            (4, 4, "R8.7.1"),
            (4, 6, "はい"),
            (4, 7, "R8.11.1"),
            (6, 3, "はい"),
            (6, 4, "令和8年7月1日"),
            (6, 6, "はい"),
            (6, 7, "令和8年11月2日"),
            (7, 3, "いいえ"),
            (7, 4, "2026/7/1"),
            (7, 5, "R9.3.1"),
            (7, 6, "はい"),
            (7, 7, "2026/11/3"),
        ]);
    }
    if merged {
        let plain = Format::new();
        ws.merge_range(2, 3, 2, 5, "1回目", &plain).unwrap();
        ws.merge_range(2, 6, 2, 8, "2回目", &plain).unwrap();
    } else {
        cells.extend([(2, 3, "1回目"), (2, 6, "2回目")]);
    }
    for &(r, c, text) in &cells {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn medsec_in(data: &Path, lang: &str) -> assert_cmd::Command {
    let mut cmd = medsec();
    cmd.env("MEDSEC_DATA_DIR", data).args(["--lang", lang]);
    cmd
}

/// Import the blank sheet, write answers for it and import the filled sheet into them: the
/// checklist's recorded layout and the second round's 確認日.
fn import_both(merged: bool, lang: &str) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let blank = save(d, "blank.xlsx", &workbook(merged, false));
    let filled = save(d, "filled.xlsx", &workbook(merged, true));
    let checklist = d.join("c.toml");
    let r = run(medsec_in(d, lang)
        .args(["checklist", "import"])
        .arg(&blank)
        .arg("--out")
        .arg(&checklist));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let text = std::fs::read_to_string(&checklist).unwrap();
    assert!(
        text.contains("G=answer2;H=checked_on2;I=target_date2"),
        "merged={merged}: {text}"
    );
    assert!(
        text.contains("D=answer1;E=checked_on1;F=target_date1"),
        "{text}"
    );

    let answers = d.join("a.toml");
    let r = run(medsec_in(d, lang)
        .arg("--checklist")
        .arg(&checklist)
        .args(["init", "--out"])
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = run(medsec_in(d, lang)
        .arg("--checklist")
        .arg(&checklist)
        .arg("answer")
        .arg(&answers)
        .arg("--import")
        .arg(&filled));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stderr.contains("checked_on"), "{}", r.stderr);
    let v: toml::Value = toml::from_str(&std::fs::read_to_string(&answers).unwrap()).unwrap();
    let second: Vec<String> = v["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["round"].as_integer() == Some(2))
        .map(|a| {
            a.get("checked_on")
                .map(ToString::to_string)
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        second,
        ["2026-11-01", "2026-11-02", "2026-11-03"],
        "merged={merged}"
    );
}

#[test]
fn an_unmerged_round_heading_names_the_columns_to_its_right() {
    import_both(false, "ja");
    import_both(false, "en");
}

#[test]
fn a_merged_round_heading_names_the_columns_it_covers() {
    import_both(true, "ja");
    import_both(true, "en");
}
