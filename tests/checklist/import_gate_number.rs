//! `checklist import --map gate=①`: the gate question (医療情報システムの有無) named by the number
//! printed on a sheet numbered straight through (①…④ over two sections), and the errors for
//! a number the sheet does not have (file, sheet and the cells of its numbers named) or one it
//! prints in several sections.
//!
//! TEST DATA: made-up wording marked 試験用, not the FY2026 form (its wording was not seen).

use crate::common;
use common::*;
use rust_xlsxwriter::{Format, Workbook};

/// A sheet whose items are numbered ①, ②… under two section headings, straight through
/// (`restart`: ① again under the second heading).
fn workbook(restart: bool) -> Vec<u8> {
    let second = if restart {
        ["①", "②"]
    } else {
        ["③", "④"]
    };
    let rows: [(u32, String); 4] = [
        (
            4,
            "① 試験用: 医療情報システムを導入、運用している。".to_owned(),
        ),
        (5, "② 試験用の責任者の項目です。".to_owned()),
        (7, format!("{} 試験用の台帳の項目です。", second[0])),
        (8, format!("{} 試験用のパッチの項目です。", second[1])),
    ];
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("自院").unwrap();
    ws.write_string(0, 0, "試験用チェックリスト(令和8年度版)")
        .unwrap();
    for (c, h) in ["チェック項目", "はい", "いいえ", "確認日"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, u16::try_from(c).unwrap(), *h).unwrap();
    }
    ws.merge_range(3, 0, 3, 3, "1 体制構築", &plain).unwrap();
    ws.merge_range(6, 0, 6, 3, "2 管理・運用", &plain).unwrap();
    for (r, text) in rows {
        ws.write_string(r, 0, &text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// `checklist import own.xlsx --map MAP --out out.toml` in `lang`: (exit code, stderr, the
/// file written if any).
fn import(restart: bool, map: &str, lang: &str) -> (Option<i32>, String, Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("own.xlsx");
    std::fs::write(&book, workbook(restart)).unwrap();
    let out = dir.path().join("out.toml");
    let o = medsec()
        .env("MEDSEC_DATA_DIR", dir.path())
        .args(["--lang", lang, "checklist", "import"])
        .arg(&book)
        .args(["--map", map, "--out"])
        .arg(&out)
        .output()
        .unwrap();
    (
        o.status.code(),
        stderr_of(&o),
        std::fs::read_to_string(&out).ok(),
    )
}

#[test]
fn the_gate_is_named_by_its_printed_number_on_a_sheet_numbered_straight_through() {
    let (code, err, toml) = import(false, "gate=①", "en");
    assert_eq!(code, Some(0), "{err}");
    let toml = toml.unwrap();
    let gate = toml
        .split("[[items]]")
        .find(|b| b.contains("gate = true"))
        .unwrap_or_else(|| panic!("{toml}"));
    assert!(gate.contains("number = \"①\""), "{gate}");
    assert!(gate.contains("試験用: 医療情報システムを導入"), "{gate}");
    assert_eq!(toml.matches("gate = true").count(), 1, "{toml}");
    assert!(toml.contains("gate = \"on-form\""), "{toml}");
    // The other numbers stay as printed.
    assert!(toml.contains("number = \"④\""), "{toml}");
    assert!(err.contains("自院!A5"), "{err}");
    // Full-width brackets and the parenthesised kind are read as the import reads numbers.
    let (code, err, _) = import(false, "gate=（１）", "en");
    assert_eq!(code, Some(2), "(1) is not ①: {err}");
}

#[test]
fn a_number_the_sheet_does_not_have_is_refused_naming_file_sheet_and_cells() {
    let (code, err, toml) = import(false, "gate=⑨", "en");
    assert_eq!(code, Some(2), "{err}");
    assert!(toml.is_none(), "nothing is written");
    assert!(
        err.contains(
            "`--map gate=⑨`: no item of sheet `自院` in `own.xlsx` is numbered ⑨. Its items are numbered from ① (自院!A5) to ④ (自院!A9), as printed"
        ),
        "{err}"
    );
    let (code, err, _) = import(false, "gate=⑨", "ja");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("`own.xlsx`のシート`自院`に、番号が⑨の項目はありません。このシートの項目番号は、印刷どおり①(自院!A5)から④(自院!A9)までです。"),
        "{err}"
    );
}

#[test]
fn a_number_printed_in_several_sections_asks_for_its_section() {
    let (code, err, toml) = import(true, "gate=①", "en");
    assert_eq!(code, Some(2), "{err}");
    assert!(toml.is_none());
    assert!(
        err.contains("several items of the sheet are numbered ①: 自院!A5 (1-①), 自院!A8 (2-①). Name one with its section (gate=1-①)"),
        "{err}"
    );
    // With its section it is found.
    let (code, err, toml) = import(true, "gate=2-①", "en");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(toml.unwrap().matches("gate = true").count(), 1);
}
