//! Test workbooks shared by the import and diff tests of this area.

use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// A one-sheet workbook (sheet `R8`) laid out like an institution checklist of 令和8年度:
/// title, one header row whose last column is `target` (the 目標日 heading), sections 1 and 2
/// merged across rows 3 and 6, and each `(row, text)` of `rows` in the first column.
pub(super) fn institution_workbook(target: &str, rows: &[(u32, &str)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = titled_sheet(
        &mut wb,
        "R8",
        "試験用サイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関確認用",
        &["チェック項目", "はい", "いいえ", "確認日", target],
    );
    ws.merge_range(3, 0, 3, 4, "1 体制構築", &plain).unwrap();
    ws.merge_range(6, 0, 6, 4, "2 医療情報システムの管理・運用", &plain)
        .unwrap();
    for &(r, text) in rows {
        ws.write_string(r, 0, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// A new sheet `name` in `wb` with `title` in A1 and one header row, `headers`, in row 3.
pub(super) fn titled_sheet<'w>(
    wb: &'w mut Workbook,
    name: &str,
    title: &str,
    headers: &[&str],
) -> &'w mut Worksheet {
    let ws = wb.add_worksheet();
    ws.set_name(name).unwrap();
    ws.write_string(0, 0, title).unwrap();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(2, u16::try_from(c).unwrap(), *h).unwrap();
    }
    ws
}
