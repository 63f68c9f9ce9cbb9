//! Test workbooks shared by the import and diff tests of this area.

use rust_xlsxwriter::{Format, Workbook};

/// A one-sheet workbook (sheet `R8`) laid out like an institution checklist of 令和8年度:
/// title, one header row whose last column is `target` (the 目標日 heading), sections 1 and 2
/// merged across rows 3 and 6, and each `(row, text)` of `rows` in the first column.
pub(super) fn institution_workbook(target: &str, rows: &[(u32, &str)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("R8").unwrap();
    ws.write_string(
        0,
        0,
        "試験用サイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関確認用",
    )
    .unwrap();
    for (c, h) in ["チェック項目", "はい", "いいえ", "確認日", target]
        .iter()
        .enumerate()
    {
        ws.write_string(2, u16::try_from(c).unwrap(), *h).unwrap();
    }
    ws.merge_range(3, 0, 3, 4, "1 体制構築", &plain).unwrap();
    ws.merge_range(6, 0, 6, 4, "2 医療情報システムの管理・運用", &plain)
        .unwrap();
    for &(r, text) in rows {
        ws.write_string(r, 0, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}
