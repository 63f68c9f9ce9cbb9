//! `answer --import` of another form's workbook (the vendor form's 事業者確認用 into an
//! institution's answers, and the reverse) is said as such, exit 2, nothing written; and the
//! commands `answer --export` suggests run as printed (paths quoted). Workbooks built here in
//! the plausible FY2026 layouts of review 11; the wording is test data, not checklist text.

use crate::common;
use common::*;
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

/// An institution and pharmacy form: title, form name in A2, a two-row header, a section
/// column with merged headings, numbers in their own column.
fn institution_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("チェックリスト").unwrap();
    for &(r0, c0, r1, c1, text) in &[
        (4u32, 0u16, 5u32, 0u16, "区分"),
        (4, 1, 5, 1, "項番"),
        (4, 2, 5, 2, "チェック項目"),
        (4, 3, 4, 6, "1回目"),
        (4, 7, 4, 10, "2回目"),
        (6, 0, 6, 10, "1 体制構築"),
        (9, 0, 9, 10, "2 医療情報システムの管理・運用"),
    ] {
        ws.merge_range(r0, c0, r1, c1, text, &plain).unwrap();
    }
    for &(r, c, text) in &[
        (0u32, 0u16, "試験用チェックリスト（令和8年度版）"),
        (1, 0, "医療機関・薬局確認用"),
        (5, 3, "はい"),
        (5, 4, "いいえ"),
        (5, 5, "確認日"),
        (5, 6, "目標日"),
        (5, 7, "はい"),
        (5, 8, "いいえ"),
        (5, 9, "確認日"),
        (5, 10, "目標日"),
        (7, 1, "①"),
        (7, 2, "試験用の責任者を置いている。"),
        (8, 1, "②"),
        (8, 2, "試験用の連絡体制を整えている。"),
        (10, 1, "①"),
        (10, 2, "試験用の台帳を作っている。"),
        (11, 1, "②"),
        (11, 2, "試験用の権限を設けている。"),
    ] {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// A vendor form (事業者確認用): its sheet named so, numbers 1-①, an extra column.
fn vendor_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("事業者確認用").unwrap();
    for &(r, c, text) in &[
        (
            0u32,
            0u16,
            "試験用チェックリスト（令和8年度版）事業者確認用",
        ),
        (2, 0, "項番"),
        (2, 1, "チェック項目"),
        (2, 2, "責任分界"),
        (2, 3, "はい"),
        (2, 4, "いいえ"),
        (2, 5, "確認日"),
        (2, 6, "目標日"),
        (3, 0, "１．体制構築"),
        (4, 0, "1-①"),
        (4, 1, "試験用の管理責任者を置いている。"),
        (5, 0, "２．医療情報システムの管理・運用"),
        (6, 0, "2-①"),
        (6, 1, "試験用の台帳を作っている。"),
        (7, 0, "2-②"),
        (7, 1, "試験用の脆弱性対策を行っている。"),
    ] {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Import `blank` as a checklist and make an answers file of `form` for it.
fn setup(dir: &Path, name: &str, blank: &[u8], form: &str) -> (PathBuf, PathBuf) {
    let wb = save(dir, &format!("{name}.xlsx"), blank);
    let checklist = dir.join(format!("{name}.toml"));
    let r = run(medsec()
        .args(["checklist", "import"])
        .arg(&wb)
        .arg("--out")
        .arg(&checklist));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let answers = dir.join(format!("{name}-answers.toml"));
    let r = run(medsec()
        .arg("--checklist")
        .arg(&checklist)
        .args(["init", "--form", form, "--out"])
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    (checklist, answers)
}

fn import(checklist: &Path, answers: &Path, workbook: &Path, lang: &str) -> Run {
    run(medsec()
        .arg("--checklist")
        .arg(checklist)
        .args(["--lang", lang, "answer"])
        .arg(answers)
        .arg("--import")
        .arg(workbook))
}

#[test]
fn the_vendor_workbook_into_institution_answers_is_named_as_the_vendor_form() {
    let dir = tempfile::tempdir().unwrap();
    let (checklist, answers) = setup(dir.path(), "inst", &institution_workbook(), "institution");
    let vendor = save(dir.path(), "001716188.xlsx", &vendor_workbook());
    let before = std::fs::read(&answers).unwrap();
    let r = import(&checklist, &answers, &vendor, "ja");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("`001716188.xlsx`は事業者確認用のブックです"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("シート名`事業者確認用`"), "{}", r.stderr);
    assert!(r.stderr.contains("医療機関確認用の回答"), "{}", r.stderr);
    assert!(
        r.stderr.contains("何も取り込んでいません。"),
        "{}",
        r.stderr
    );
    // Not a row-by-row error about item numbers.
    assert!(!r.stderr.contains("行目"), "{}", r.stderr);
    assert_eq!(std::fs::read(&answers).unwrap(), before);
    let r = import(&checklist, &answers, &vendor, "en");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("another form, vendor") && r.stderr.contains("nothing was imported"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_institution_workbook_into_vendor_answers_is_named_as_the_institution_form() {
    let dir = tempfile::tempdir().unwrap();
    let (checklist, answers) = setup(dir.path(), "vendor", &vendor_workbook(), "vendor");
    let inst = save(dir.path(), "001716187.xlsx", &institution_workbook());
    let before = std::fs::read(&answers).unwrap();
    let r = import(&checklist, &answers, &inst, "ja");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "`001716187.xlsx`は医療機関・薬局確認用のブックです(チェックリスト!A2の記載による)"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("事業者確認用の回答"), "{}", r.stderr);
    // No institution form of this year is known: the workbook is imported first (init alone
    // would make last year's form).
    assert!(
        r.stderr.contains("`medsec checklist import ")
            && r.stderr
                .contains(" --out 001716187.toml && medsec --checklist 001716187.toml init`"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&answers).unwrap(), before);
    // The form's own workbook still imports.
    let own = save(dir.path(), "own.xlsx", &vendor_workbook());
    let r = import(&checklist, &answers, &own, "ja");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// The command between the last pair of backticks that starts with `medsec answer`.
fn suggested(stderr: &str) -> String {
    stderr
        .split('`')
        .rfind(|s| s.starts_with("medsec answer"))
        .unwrap_or_else(|| panic!("no command in {stderr}"))
        .to_owned()
}

#[test]
fn the_re_import_command_export_suggests_runs_as_printed() {
    let dir = tempfile::tempdir().unwrap();
    let (checklist, answers) = setup(dir.path(), "inst", &institution_workbook(), "institution");
    // Both paths with a space, as people name their files.
    let spaced = dir.path().join("さくら 内科.toml");
    std::fs::rename(&answers, &spaced).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("medsec");
    for (sheet, layout) in [
        ("公式 様式.xlsx", Some("official")),
        ("回答 シート.csv", None),
    ] {
        let mut cmd = medsec();
        cmd.current_dir(dir.path())
            .arg("--checklist")
            .arg(&checklist)
            .args(["--lang", "ja", "answer"])
            .arg(&spaced)
            .args(["--export", sheet]);
        if let Some(l) = layout {
            cmd.args(["--layout", l]);
        }
        let r = run(&mut cmd);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let command = suggested(&r.stderr);
        assert!(command.contains(&format!("'{sheet}'")), "{command}");
        // Run it as a person pastes it into their shell (PowerShell's quoting on Windows).
        let out = shell::pasted(
            &command,
            &bin,
            &["--checklist".into(), checklist.clone().into()],
        )
        .current_dir(dir.path())
        .env("MEDSEC_DATA_DIR", dir.path().join("data"))
        .output()
        .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Issue 11: the command suggested for the workbook's form makes a file on that form of the
/// answers' year: `--checklist ID` when medsec knows it but init would pick another, plain
/// `init --form vendor` once it is added (init then takes the newer added form).
#[test]
fn the_vendor_workbook_names_the_command_that_makes_its_forms_file() {
    let dir = tempfile::tempdir().unwrap();
    let (checklist, answers) = setup(dir.path(), "inst", &institution_workbook(), "institution");
    let (vendor_checklist, _) = setup(dir.path(), "vend", &vendor_workbook(), "vendor");
    let vendor = save(dir.path(), "filled.xlsx", &vendor_workbook());
    let data = dir.path().join("data");
    let with = |lang: &str, given: bool| {
        let mut cmd = medsec();
        cmd.env("MEDSEC_DATA_DIR", &data)
            .arg("--checklist")
            .arg(&checklist);
        if given {
            cmd.arg("--checklist").arg(&vendor_checklist);
        }
        run(cmd
            .args(["--lang", lang, "answer"])
            .arg(&answers)
            .arg("--import")
            .arg(&vendor))
    };
    for (lang, said) in [
        (
            "ja",
            "(`medsec --checklist vend-vendor@fy2026 init`で作ります)",
        ),
        (
            "en",
            "(made with `medsec --checklist vend-vendor@fy2026 init`)",
        ),
    ] {
        let r = with(lang, true);
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
    }
    let r = run(medsec()
        .env("MEDSEC_DATA_DIR", &data)
        .args(["checklist", "add"])
        .arg(&vendor_checklist));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for (lang, said) in [
        ("ja", "(`medsec init --form vendor`で作ります)"),
        ("en", "(made with `medsec init --form vendor`)"),
    ] {
        let r = with(lang, false);
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
    }
}
