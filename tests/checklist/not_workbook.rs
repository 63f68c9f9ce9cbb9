//! A file that is no Excel workbook, renamed `.xlsx`, given where a workbook is read
//! (`checklist import`, `answer --import`, `verify --checklist`, `checklist diff`): said for
//! what its first bytes show (a PDF, a ZIP that holds no workbook, an old .xls or encrypted
//! workbook, bytes of no known kind, text), with the file as a code span and that an .xlsx
//! workbook is needed; exit 2, nothing written.

use crate::common::{keygen, medsec, run, Run};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A ZIP archive holding `names` (each with a line of text).
fn zip_of(names: &[&str]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for name in names {
        zip.start_file(*name, stored).unwrap();
        zip.write_all(b"<x/>").unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Bytes no reader knows: no magic, control bytes early, not UTF-8 nor Shift_JIS.
fn random_bytes() -> Vec<u8> {
    let mut state: u32 = 0x1234_5678;
    let mut out = vec![0x8D, 0xBE, 0xAF, 0x10];
    out.extend((0..400).map(|_| {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (state >> 24) as u8
    }));
    out
}

/// Each kind of file, the file name it is given under, and what the message says of it in
/// English and in Japanese.
fn kinds() -> Vec<(&'static str, Vec<u8>, [&'static str; 2])> {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    vec![
        (
            "form.xlsx",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec(),
            [
                "is a PDF file (it starts with `%PDF`), not an Excel workbook",
                "はPDFファイル(先頭が`%PDF`)で、Excelのブックではありません",
            ],
        ),
        (
            "letter.xlsx",
            zip_of(&["[Content_Types].xml", "word/document.xml"]),
            [
                "is a ZIP archive holding a Word document (.docx), not an Excel workbook: it has no `xl/workbook.xml`",
                "はZIPファイル(Wordの文書、.docx)で、Excelのブックではありません",
            ],
        ),
        (
            "archive.xlsx",
            zip_of(&["readme.txt"]),
            [
                "is a ZIP archive, not an Excel workbook: it has no `xl/workbook.xml`",
                "はZIPファイルで、Excelのブックではありません(`.xlsx`のブックなら必ずある`xl/workbook.xml`が入っていません)",
            ],
        ),
        (
            "old.xlsx",
            ole,
            [
                "is not an XLSX (zip) file but an OLE compound file (it starts with `D0 CF 11 E0`)",
                "はXLSX(zip)ではなくOLE複合ファイル(先頭が`D0 CF 11 E0`)です",
            ],
        ),
        (
            "noise.xlsx",
            random_bytes(),
            [
                "is not an Excel workbook but a binary file of no kind medsec knows by its first bytes (`8D BE AF 10",
                "はExcelのブックではなく、先頭のバイト(`8D BE AF 10",
            ],
        ),
    ]
}

/// What every message of this kind says besides: the .xlsx workbook needed.
const NEEDED: [&str; 2] = ["Excel workbooks (`.xlsx`)", "Excelのブック(`.xlsx`)"];

fn check(r: &Run, name: &str, said: &str, lang: usize, command: &str) {
    assert_eq!(r.code, Some(2), "{command} {name}: {}", r.stderr);
    for needle in [
        format!("`{name}`"),
        said.to_owned(),
        NEEDED[lang].to_owned(),
    ] {
        assert!(
            r.stderr.contains(&needle),
            "{command} {name}: {needle:?} not in {}",
            r.stderr
        );
    }
    assert!(
        !r.stderr.contains("text file") && !r.stderr.contains("テキストファイル"),
        "{command} {name}: called text: {}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "{command} {name}: {}", r.stdout);
}

fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn checklist_import_says_what_the_file_is() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, said) in kinds() {
        let wb = save(dir.path(), name, &bytes);
        let out = dir.path().join("out.toml");
        for (lang, code) in ["en", "ja"].iter().enumerate() {
            let r = run(medsec()
                .args(["--lang", code, "checklist", "import"])
                .arg(&wb)
                .arg("--out")
                .arg(&out));
            check(&r, name, said[lang], lang, "checklist import");
            assert!(!out.exists(), "nothing written");
        }
    }
}

#[test]
fn answer_import_says_what_the_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("a.toml");
    let r = run(medsec()
        .args(["init", "--form", "institution", "--out"])
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let before = std::fs::read(&answers).unwrap();
    for (name, bytes, said) in kinds() {
        let wb = save(dir.path(), name, &bytes);
        for (lang, code) in ["en", "ja"].iter().enumerate() {
            let r = run(medsec()
                .args(["--lang", code, "answer"])
                .arg(&answers)
                .arg("--import")
                .arg(&wb));
            check(&r, name, said[lang], lang, "answer --import");
            // answer --import reads a CSV too: a PDF is told both (second review of issue 11).
            if name == "form.xlsx" {
                let both = [
                    "(`.xlsx`) and CSV files (`.csv`)",
                    "(`.xlsx`)とCSVファイル(`.csv`)",
                ];
                assert!(r.stderr.contains(both[lang]), "{}", r.stderr);
            }
        }
    }
    assert_eq!(std::fs::read(&answers).unwrap(), before, "nothing written");
}

#[test]
fn verify_checklist_says_what_the_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("clinic");
    keygen(&key);
    let bundle = dir.path().join("bundle");
    std::fs::create_dir(&bundle).unwrap();
    for (name, bytes, said) in kinds() {
        let wb = save(dir.path(), name, &bytes);
        for (lang, code) in ["en", "ja"].iter().enumerate() {
            let r = run(medsec()
                .args(["--lang", code, "verify"])
                .arg(&bundle)
                .arg("--pubkey")
                .arg(key.with_extension("pub"))
                .arg("--checklist")
                .arg(&wb));
            check(&r, name, said[lang], lang, "verify --checklist");
        }
    }
}

#[test]
fn checklist_diff_says_what_the_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let other = crate::common::root().join(crate::common::INST);
    for (name, bytes, said) in kinds() {
        let wb = save(dir.path(), name, &bytes);
        for (lang, code) in ["en", "ja"].iter().enumerate() {
            let r = run(medsec()
                .args(["--lang", code, "checklist", "diff"])
                .arg(&other)
                .arg(&wb));
            check(&r, name, said[lang], lang, "checklist diff");
        }
    }
}

/// medsec's own answers sheet (`answer --export`, as .xlsx) given to `checklist import` is
/// said to be an answers sheet, with the `answer --import` command naming the file as given;
/// exit 2, nothing written (review of issue #10: the first item row was read as a header).
#[test]
fn an_exported_answers_sheet_is_refused_with_the_answer_import_command() {
    for (lang, says) in [
        ("ja", "medsecが書き出した回答の表"),
        ("en", "is an answers sheet as medsec writes it"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("a.toml");
        let r = run(medsec()
            .args(["--checklist", "mhlw-institution@fy2025", "init", "--out"])
            .arg(&answers));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let sheet = dir.path().join("回答 控え.xlsx");
        let r = run(medsec()
            .arg("answer")
            .arg(&answers)
            .arg("--export")
            .arg(&sheet));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let out = dir.path().join("c.toml");
        let r = run(medsec()
            .args(["--lang", lang, "checklist", "import"])
            .arg(&sheet)
            .arg("--out")
            .arg(&out));
        assert_eq!(r.code, Some(2), "{lang}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{lang}: {}", r.stderr);
        let command = format!(
            "`medsec answer ANSWERS.toml --import \"{}\"`",
            sheet.display()
        );
        assert!(r.stderr.contains(&command), "{lang}: {}", r.stderr);
        assert!(!out.exists());
    }
}
