//! What medsec says about unverified wording is in the reader's language and names what the
//! wording is yet to be checked against: the official PDF for the bundled checklists, the
//! workbook a checklist was imported from. The notes themselves stay data.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};

/// A checklist workbook not known as official (test data, not checklist text): a number
/// column, the wording, one header row.
fn own_workbook(dir: &Path) -> PathBuf {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("R8").unwrap();
    let cells: [(u32, u16, &str); 11] = [
        (0, 0, "テスト用チェックリスト(令和8年度版) 医療機関確認用"),
        (1, 0, "番号"),
        (1, 1, "チェック項目"),
        (1, 2, "はい"),
        (1, 3, "いいえ"),
        (1, 4, "確認日"),
        (2, 0, "1 体制構築"),
        (3, 0, "1-①"),
        (3, 1, "試験用の責任者を置いている。"),
        (4, 0, "1-②"),
        (4, 1, "試験用の連絡体制を整えている。"),
    ];
    for (r, c, text) in cells {
        ws.write_string(r, c, text).unwrap();
    }
    let path = dir.join("group-list.xlsx");
    std::fs::write(&path, wb.save_to_buffer().unwrap()).unwrap();
    path
}

#[test]
fn lint_says_what_is_unverified_in_the_readers_language() {
    let file = root().join("checklists/mhlw/fy2025/institution.toml");
    let ja = medsec()
        .args(["--lang", "ja", "checklist", "lint"])
        .arg(&file)
        .output()
        .unwrap();
    let out = stdout_of(&ja) + &stderr_of(&ja);
    assert!(
        out.contains("文言または番号を公式PDFとまだ照合していません"),
        "{out}"
    );
    assert!(out.contains("`unverified`の注記(英語)"), "{out}");
    // The bundled notes are English data: not put inside Japanese sentences.
    for english in [
        "not yet checked",
        "The gate is in the R6 manual",
        "official PDF",
    ] {
        assert!(!out.contains(english), "{english}: {out}");
    }
    let en = medsec()
        .args(["--lang", "en", "checklist", "lint"])
        .arg(&file)
        .output()
        .unwrap();
    let out = stdout_of(&en) + &stderr_of(&en);
    assert!(
        out.contains("not yet checked against the official PDF: The gate is in the R6 manual"),
        "{out}"
    );
}

#[test]
fn an_imported_workbook_is_named_not_the_official_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = own_workbook(dir.path());
    let checklist = dir.path().join("group.toml");
    let out = medsec()
        .args(["checklist", "import"])
        .arg(&workbook)
        .arg("--out")
        .arg(&checklist)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let spec = "group-list-institution@fy2026";

    // lint
    let ja = medsec()
        .args(["--lang", "ja", "checklist", "lint"])
        .arg(&checklist)
        .output()
        .unwrap();
    let text = stdout_of(&ja) + &stderr_of(&ja);
    assert!(
        text.contains("`group-list.xlsx`から取り込んだ文言です"),
        "{text}"
    );
    for wrong in ["公式PDF", "公式 PDF", "Imported from", "official"] {
        assert!(!text.contains(wrong), "{wrong}: {text}");
    }
    let en = medsec()
        .args(["--lang", "en", "checklist", "lint"])
        .arg(&checklist)
        .output()
        .unwrap();
    let text = stdout_of(&en) + &stderr_of(&en);
    assert!(
        text.contains("wording imported from `group-list.xlsx`"),
        "{text}"
    );
    assert!(!text.contains("official PDF"), "{text}");

    // show (table and Markdown)
    for (lang, format, legend) in [
        (
            "ja",
            "table",
            "文言または番号が`group-list.xlsx`(medsecが知っている公式ブックではありません)とまだ照合されていない",
        ),
        (
            "en",
            "md",
            "not yet checked against `group-list.xlsx` (not an official workbook known to medsec)",
        ),
    ] {
        let out = medsec()
            .args(["--lang", lang, "--checklist"])
            .arg(&checklist)
            .args(["checklist", "show", spec, "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let shown = stdout_of(&out);
        assert!(shown.contains(legend), "{lang}: {shown}");
        assert!(!shown.contains("PDF"), "{lang}: {shown}");
    }

    // The answers file init writes says the same beside each item.
    let answers = dir.path().join("a.toml");
    let out = medsec()
        .args(["--lang", "ja", "--checklist"])
        .arg(&checklist)
        .args(["init", "--out"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let written = std::fs::read_to_string(&answers).unwrap();
    assert!(
        written.contains(
            "文言は`group-list.xlsx`(medsecが知っている公式ブックではありません)とまだ照合していません"
        ),
        "{written}"
    );
    assert!(!written.contains("公式PDF"), "{written}");
}
