//! Workbooks where a checklist is read besides `checklist import`: at git revisions
//! (`checklist diff REV1 REV2 -- PATHS`) and under any spreadsheet extension
//! (`verify --checklist FILE.xls`): each read as a workbook, or refused naming what it is.
//!
//! TEST DATA: the workbook is not the FY2026 form; rows are made-up test wording marked 試験用.

use crate::common::{git, git_repository, keygen, medsec, run, stderr_of, stdout_of};
use rust_xlsxwriter::Workbook;

fn workbook(rows: &[&str]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("R8").unwrap();
    ws.write_string(
        0,
        0,
        "試験用サイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関確認用",
    )
    .unwrap();
    for (c, h) in ["チェック項目", "はい", "いいえ", "確認日", "目標日"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, u16::try_from(c).unwrap(), *h).unwrap();
    }
    ws.write_string(3, 0, "1 体制構築").unwrap();
    for (r, text) in rows.iter().enumerate() {
        ws.write_string(4 + u32::try_from(r).unwrap(), 0, *text)
            .unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_at_two_revisions_is_read_as_a_workbook() {
    let Some(repo) = git_repository() else {
        return;
    };
    let dir = repo.path();
    let folder = dir.join("checklists");
    std::fs::create_dir(&folder).unwrap();
    let first = ["① 試験用の責任者の項目です。"];
    std::fs::write(folder.join("form.xlsx"), workbook(&first)).unwrap();
    git(dir, &["add", "."]).unwrap();
    git(dir, &["commit", "-q", "-m", "one"]).unwrap();
    let second = ["① 試験用の責任者の項目です。", "② 試験用の新しい項目です。"];
    std::fs::write(folder.join("form.xlsx"), workbook(&second)).unwrap();
    git(dir, &["commit", "-q", "-am", "two"]).unwrap();
    let diff = |lang: &str, args: &[&str]| {
        medsec()
            .current_dir(dir)
            .args(["--lang", lang, "checklist", "diff", "main~1", "main"])
            .args(args)
            .args(["--", "checklists/"])
            .output()
            .unwrap()
    };
    let out = diff("en", &["--format", "json"]);
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr_of(&out)));
    assert_eq!(
        json["files"][0]["old"]["place"],
        "main~1:checklists/form.xlsx"
    );
    let codes: Vec<&str> = json["files"][0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["code"].as_str())
        .collect();
    assert!(codes.contains(&"item-added"), "{json:#}");
    for lang in ["en", "ja"] {
        let out = diff(lang, &[]);
        let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
        assert!(!stderr.contains("UTF-8"), "{lang}: {stderr}");
        assert!(
            stdout.contains("試験用の新しい項目です"),
            "{lang}: {stdout}{stderr}"
        );
    }
}

#[test]
fn a_pdf_named_xlsx_at_a_revision_is_said_for_what_it_is() {
    let Some(repo) = git_repository() else {
        return;
    };
    let dir = repo.path();
    let folder = dir.join("checklists");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("form.xlsx"), b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").unwrap();
    git(dir, &["add", "."]).unwrap();
    git(dir, &["commit", "-q", "-m", "one"]).unwrap();
    git(dir, &["commit", "-q", "--allow-empty", "-m", "two"]).unwrap();
    for (lang, said) in [
        (
            "en",
            "is a PDF file (it starts with `%PDF`), not an Excel workbook",
        ),
        (
            "ja",
            "はPDFファイル(先頭が`%PDF`)で、Excelのブックではありません",
        ),
    ] {
        let out = medsec()
            .current_dir(dir)
            .args([
                "--lang",
                lang,
                "checklist",
                "diff",
                "main~1",
                "main",
                "--",
                "checklists/",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
        let stderr = stderr_of(&out);
        assert!(stderr.contains(said), "{lang}: {stderr}");
        assert!(
            stderr.contains("main~1:checklists/form.xlsx"),
            "{lang}: {stderr}"
        );
        assert!(!stderr.contains("UTF-8"), "{lang}: {stderr}");
    }
}

/// An old `.xls` (an OLE compound file) and an OpenDocument `.ods` given to `verify
/// --checklist` go to the workbook reader, which names what each file is.
#[test]
fn verify_checklist_of_any_spreadsheet_extension_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("clinic");
    keygen(&key);
    let bundle = dir.path().join("bundle");
    std::fs::create_dir(&bundle).unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    for name in ["old.xls", "OLD.XLS", "macro.xlsm", "binary.xlsb"] {
        let path = dir.path().join(name);
        std::fs::write(&path, &ole).unwrap();
        for (lang, said) in [
            (
                "en",
                "is not an XLSX (zip) file but an OLE compound file (it starts with `D0 CF 11 E0`)",
            ),
            (
                "ja",
                "はXLSX(zip)ではなくOLE複合ファイル(先頭が`D0 CF 11 E0`)です",
            ),
        ] {
            let r = run(medsec()
                .args(["--lang", lang, "verify"])
                .arg(&bundle)
                .arg("--pubkey")
                .arg(key.with_extension("pub"))
                .arg("--checklist")
                .arg(&path));
            assert_eq!(r.code, Some(2), "{name} {lang}: {}", r.stderr);
            assert!(r.stderr.contains(said), "{name} {lang}: {}", r.stderr);
            assert!(
                r.stderr.contains(&format!("`{name}`")),
                "{name} {lang}: {}",
                r.stderr
            );
        }
    }
}
