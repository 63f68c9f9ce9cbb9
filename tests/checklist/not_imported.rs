//! A column of a checklist workbook that medsec's checklist format has no place for (the
//! vendor form's 責任分界, a column of a hospital's own) is never dropped silently: the import
//! names it and its cells, in the reader's language.

use crate::common;
use common::*;

/// A vendor workbook with a 責任分界 column and a column without a header (test data, not
/// checklist text).
fn vendor_workbook(dir: &std::path::Path) -> std::path::PathBuf {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("事業者確認用").unwrap();
    let cells: [(u32, u16, &str); 15] = [
        (0, 0, "テスト用チェックリスト(令和8年度版) 事業者確認用"),
        (2, 0, "番号"),
        (2, 1, "チェック項目"),
        (2, 2, "責任分界"),
        (2, 3, "はい"),
        (2, 4, "いいえ"),
        (2, 5, "確認日"),
        (3, 0, "１．体制構築"),
        (4, 0, "1-①"),
        (4, 1, "試験用の窓口を置いている。"),
        (4, 2, "事業者"),
        (5, 0, "1-②"),
        (5, 1, "試験用の保守記録を残している。"),
        (5, 2, "医療機関"),
        (5, 7, "試験用の書き込み"),
    ];
    for (r, c, text) in cells {
        ws.write_string(r, c, text).unwrap();
    }
    let path = dir.join("vendor.xlsx");
    std::fs::write(&path, wb.save_to_buffer().unwrap()).unwrap();
    path
}

#[test]
fn a_column_medsec_has_no_place_for_is_named_with_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = vendor_workbook(dir.path());
    for (lang, words) in [
        (
            "ja",
            [
                "列「責任分界」(事業者確認用!C3)はmedsecのチェックリスト形式に置き場所のない列のため、取り込みませんでした。内容のあるセル: 事業者確認用!C5、事業者確認用!C6",
                "見出しのない列に内容があります(事業者確認用!H6など)",
            ],
        ),
        (
            "en",
            [
                "Column 「責任分界」 (事業者確認用!C3) was not imported",
                "Cells with content: 事業者確認用!H6",
            ],
        ),
    ] {
        let out = medsec()
            .args(["--lang", lang, "checklist", "import"])
            .arg(&workbook)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(0), "{err}");
        for word in words {
            assert!(err.contains(word), "{lang}: {word:?} not in {err}");
        }
        // The items are imported all the same; the column's words are not taken as wording.
        let toml = stdout_of(&out);
        assert!(toml.contains("form = \"vendor\""), "{toml}");
        assert!(!toml.contains("\"事業者\"\n"), "{toml}");
    }
}

#[test]
fn a_workbook_without_such_columns_says_nothing_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, c, text) in [
        (0, 0, "番号"),
        (0, 1, "チェック項目"),
        (0, 2, "はい"),
        (0, 3, "いいえ"),
        (1, 0, "1"),
        (1, 1, "体制構築"),
        (2, 0, "1-(1)"),
        (2, 1, "試験用の責任者を置いている。"),
        (2, 2, "○"),
    ] {
        ws.write_string(r, c, text).unwrap();
    }
    let path = dir.path().join("plain.xlsx");
    std::fs::write(&path, wb.save_to_buffer().unwrap()).unwrap();
    let out = medsec()
        .args(["--lang", "en", "checklist", "import"])
        .arg(&path)
        .args(["--edition", "R8"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("not imported"), "{err}");
    // `--edition` in people's words on import too.
    assert!(stdout_of(&out).contains("edition = \"fy2026\""));
}
