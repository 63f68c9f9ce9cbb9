//! Issue 11, what a fresh reviewer found: a pharmacy moves to the merged FY2026 form, `checklist
//! add` says how the default checklist is picked, a workbook where a checklist file is expected,
//! and the smaller findings of the same review.
//!
//! TEST DATA: the workbooks built here are not the FY2026 form (its wording was not seen). The
//! rows copy FY2025 bundled wording; nothing here is shipped as checklist text.

use super::workbooks::titled_sheet;
use crate::common;
use common::*;
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

/// A merged-form workbook (医療機関・薬局確認用) in its title, rows in FY2025 wording.
pub(super) fn merged_workbook() -> Vec<u8> {
    merged_workbook_titled(
        "試験用サイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関・薬局確認用",
    )
}

fn merged_workbook_titled(title: &str) -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = titled_sheet(
        &mut wb,
        "チェックリスト",
        title,
        &["チェック項目", "はい", "いいえ", "確認日", "目標日"],
    );
    ws.merge_range(3, 0, 3, 4, "1 体制構築", &plain).unwrap();
    ws.write_string(4, 0, "① 医療情報システム安全管理責任者を設置している。")
        .unwrap();
    ws.merge_range(5, 0, 5, 4, "2 医療情報システムの管理・運用", &plain)
        .unwrap();
    ws.write_string(
        6,
        0,
        "① サーバ、端末PC、ネットワーク機器の台帳管理を行っている。(医療情報システム全般)",
    )
    .unwrap();
    wb.save_to_buffer().unwrap()
}

pub(super) struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    pub(super) fn new() -> Self {
        Setup {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub(super) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub(super) fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    pub(super) fn medsec(&self, lang: &str) -> assert_cmd::Command {
        let mut cmd = medsec();
        cmd.env("MEDSEC_DATA_DIR", self.path("data"))
            .current_dir(self.dir.path())
            .args(["--lang", lang]);
        cmd
    }
}

/// Import the merged workbook with last year's IDs into `r8.toml`.
pub(super) fn import_merged(s: &Setup) -> PathBuf {
    let book = s.write("r8.xlsx", &merged_workbook());
    let out = s.path("r8.toml");
    let r = run(s
        .medsec("en")
        .args(["checklist", "import"])
        .arg(&book)
        .args(["--ids-from", "mhlw-institution@fy2025", "--out"])
        .arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let toml = std::fs::read_to_string(&out).unwrap();
    assert!(
        toml.contains("serves = [\"hospital\", \"clinic\", \"pharmacy\"]"),
        "{toml}"
    );
    out
}

/// Last year's pharmacy answers (mhlw-pharmacy@fy2025), 1-① answered はい.
fn pharmacy_answers(s: &Setup) -> PathBuf {
    let p = s.path("p.toml");
    let r = run(s
        .medsec("en")
        .args(["--checklist", "mhlw-pharmacy@fy2025", "init", "--out"])
        .arg(&p));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let text = std::fs::read_to_string(&p).unwrap();
    let from = "item = \"security-manager\"\nround = 1\nanswer = \"\"\nchecked_on = \"\"";
    assert!(text.contains(from), "{text}");
    let text = text.replace(
        from,
        "item = \"security-manager\"\nround = 1\nanswer = \"はい\"\nchecked_on = \"2025-06-03\"",
    );
    let text = text.replace("kind = \"\"", "kind = \"pharmacy\"");
    std::fs::write(&p, text).unwrap();
    p
}

/// The `[[answers]]` block of `item` in an answers file.
fn answer_block<'a>(toml: &'a str, item: &str) -> &'a str {
    toml.split("[[answers]]")
        .find(|b| b.contains(&format!("\nitem = \"{item}\"\n")))
        .unwrap_or_else(|| panic!("{item} in {toml}"))
}

#[test]
fn a_pharmacy_starts_the_merged_form_from_last_years_pharmacy_answers() {
    let s = Setup::new();
    let checklist = import_merged(&s);
    let last = pharmacy_answers(&s);
    for lang in ["ja", "en"] {
        let out = s.path(&format!("p26-{lang}.toml"));
        let r = run(s
            .medsec(lang)
            .arg("--checklist")
            .arg(&checklist)
            .args(["init", "--out"])
            .arg(&out)
            .arg("--from")
            .arg(&last));
        assert_eq!(r.code, Some(0), "{lang}: {}", r.stderr);
        let toml = std::fs::read_to_string(&out).unwrap();
        assert!(toml.contains("kind = \"pharmacy\""), "{toml}");
        let block = answer_block(&toml, "security-manager");
        assert!(block.contains("answer = \"はい\""), "{block}");
        assert!(block.contains("carried_from = \"fy2025\""), "{block}");
    }
}

#[test]
fn init_form_pharmacy_takes_a_merged_form_by_id_and_refuses_a_vendor_form_naming_it() {
    let s = Setup::new();
    let checklist = import_merged(&s);
    let r = run(s.medsec("en").args(["checklist", "add"]).arg(&checklist));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let id = "r8-institution@fy2026";
    let out = s.path("p26.toml");
    let r = run(s
        .medsec("ja")
        .args(["--checklist", id, "init", "--form", "pharmacy", "--out"])
        .arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains(&format!("id = \"{}\"", id.split('@').next().unwrap())));

    // A form that is not the pharmacy's is still refused, named as it is.
    for (lang, said) in [
        (
            "ja",
            "`mhlw-vendor@fy2025`は事業者確認用の様式ですが、`--form`では薬局確認用が指定されています。",
        ),
        (
            "en",
            "`mhlw-vendor@fy2025` names the vendor form but `--form` asks for pharmacy",
        ),
    ] {
        let r = run(s.medsec(lang).args([
            "--checklist",
            "mhlw-vendor@fy2025",
            "init",
            "--form",
            "pharmacy",
            "--out",
            "v.toml",
        ]));
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        assert!(!Path::new(&s.path("v.toml")).exists());
    }
}

#[test]
fn an_added_checklist_of_a_later_year_is_what_init_makes_a_file_on_as_add_says() {
    let s = Setup::new();
    let checklist = import_merged(&s);
    for (lang, said) in [
        ("ja", "今後は`--checklist`なしで使えます(`medsec init`はこのチェックリストで回答ファイルを作ります)。"),
        ("en", "commands now find it without `--checklist` (`medsec init` makes an answers file on it)."),
    ] {
        // Added anew in each language (the same file again is said otherwise).
        let _ = std::fs::remove_dir_all(s.path("data"));
        let r = run(s.medsec(lang).args(["checklist", "add"]).arg(&checklist));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
    }
    for (lang, said) in [
        ("ja", "`medsec checklist add`で登録された`r8-institution@fy2026`(令和8年度、FY2026)が`mhlw-institution@fy2025`より新しいため、こちらで作成します。"),
        ("en", "`r8-institution@fy2026` (令和8年度, FY2026), added with `medsec checklist add`, is newer than `mhlw-institution@fy2025`: the file is made on it."),
    ] {
        let out = s.path(&format!("i-{lang}.toml"));
        let r = run(s.medsec(lang).args(["init", "--out"]).arg(&out));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        let toml = std::fs::read_to_string(&out).unwrap();
        assert!(toml.contains("id = \"r8-institution\""), "{toml}");
    }

    // A second checklist of the same year: init does not choose between them, and add says so.
    let other = s.write("r8b.xlsx", &merged_workbook());
    let r = run(s
        .medsec("en")
        .args(["checklist", "import"])
        .arg(&other)
        .args(["--out", "r8b.toml"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for (lang, said) in [
        ("ja", "`medsec init`はmhlw-institution@fy2025で作成します(登録したチェックリストと同じ年度のものがほかにも登録されているため)。このチェックリストで作るときは`medsec --checklist r8b-institution@fy2026 init`を使ってください。"),
        ("en", "but `medsec init` makes a new file on mhlw-institution@fy2025 (another added checklist is of the same fiscal year as the one added). To make one on this checklist, use `medsec --checklist r8b-institution@fy2026 init`."),
    ] {
        let _ = std::fs::remove_file(s.path("data/checklists/r8b-institution@fy2026.toml"));
        let r = run(s.medsec(lang).args(["checklist", "add", "r8b.toml"]));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
    }
    let r = run(s.medsec("en").args(["init", "--out", "i2.toml"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let toml = std::fs::read_to_string(s.path("i2.toml")).unwrap();
    assert!(!toml.contains("id = \"r8-institution\""), "{toml}");
}

/// An added checklist of no later year than init's default is told that reason alone.
#[test]
fn checklist_add_of_an_older_year_says_only_that_reason() {
    let s = Setup::new();
    let title = "試験用サイバーセキュリティ対策チェックリスト(令和7年度版) 医療機関確認用";
    let wb = s.write("old.xlsx", &merged_workbook_titled(title));
    let r = run(s
        .medsec("en")
        .args(["checklist", "import"])
        .arg(&wb)
        .args(["--out", "old.toml"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for (lang, said, not) in [
        (
            "ja",
            "(登録したチェックリストがmhlw-institution@fy2025より新しい年度のものではないため)。",
            "同じ年度",
        ),
        (
            "en",
            "(the checklist added is not of a later fiscal year than mhlw-institution@fy2025).",
            "same fiscal year",
        ),
    ] {
        let _ = std::fs::remove_dir_all(s.path("data"));
        let r = run(s.medsec(lang).args(["checklist", "add", "old.toml"]));
        assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        assert!(!r.stderr.contains(not), "{lang}: {}", r.stderr);
    }
}

#[test]
fn a_workbook_where_a_checklist_file_is_expected_is_named_with_the_import_command() {
    let s = Setup::new();
    s.write("記入済み 2026.xlsx", &merged_workbook());
    let runs: [&[&str]; 3] = [
        &["checklist", "add", "記入済み 2026.xlsx"],
        &[
            "--checklist",
            "記入済み 2026.xlsx",
            "init",
            "--out",
            "x.toml",
        ],
        &["checklist", "lint", "記入済み 2026.xlsx"],
    ];
    // The words of the command are quoted as the platform's shell needs (POSIX quotes here).
    let (book, out) = if cfg!(windows) {
        ("\"記入済み 2026.xlsx\"", "\"記入済み 2026.toml\"")
    } else {
        ("'記入済み 2026.xlsx'", "'記入済み 2026.toml'")
    };
    for args in runs {
        for (lang, said) in [
            (
                "ja",
                format!("`記入済み 2026.xlsx`はExcelのブックで、チェックリストのファイル(TOML)ではありません。`medsec checklist import {book} --out {out}`でチェックリストのファイルにしてから、そのファイルを指定してください。"),
            ),
            (
                "en",
                format!("`記入済み 2026.xlsx` is an Excel workbook, not a checklist file (TOML): make one with `medsec checklist import {book} --out {out}` and give that file."),
            ),
        ] {
            let r = run(s.medsec(lang).args(args));
            assert_eq!(r.code, Some(2), "{args:?}: {}{}", r.stdout, r.stderr);
            let all = format!("{}{}", r.stdout, r.stderr);
            if cfg!(windows) {
                let head = said.split("`medsec").next().unwrap_or_default();
                assert!(all.contains(head), "{args:?} {lang}: {all}");
            } else {
                assert!(all.contains(&said), "{args:?} {lang}: {all}");
            }
            assert!(!all.contains("UTF-8"), "{all}");
        }
    }
    assert!(!s.path("x.toml").exists());
    assert!(!s.path("data").exists());
}

/// The merged form as review 11 built it: numbers in their own column, section 0 with the gate
/// question carrying its printed instruction in the same cell.
fn gate_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = titled_sheet(
        &mut wb,
        "チェックリスト",
        "試験用サイバーセキュリティ対策チェックリスト（令和８年度版）",
        &["項番", "チェック項目", "はい", "いいえ", "確認日", "目標日"],
    );
    ws.merge_range(3, 0, 3, 5, "０．医療情報システムの有無", &plain)
        .unwrap();
    ws.write_string(4, 0, "0-①").unwrap();
    ws.write_string(
        4,
        1,
        "医療情報システムを導入、運用している。\n（「いいえ」の場合、以下の項目は記入不要）",
    )
    .unwrap();
    ws.merge_range(5, 0, 5, 5, "１．体制構築", &plain).unwrap();
    ws.write_string(6, 0, "1-①").unwrap();
    ws.write_string(6, 1, "医療情報システム安全管理責任者を設置している。")
        .unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn ids_from_matches_the_gate_question_printed_with_its_instruction() {
    let s = Setup::new();
    let book = s.write("gate.xlsx", &gate_workbook());
    let out = s.path("gate.toml");
    let r = run(s
        .medsec("en")
        .args(["checklist", "import"])
        .arg(&book)
        .args(["--ids-from", "mhlw-institution@fy2025", "--out"])
        .arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let toml = std::fs::read_to_string(&out).unwrap();
    let gate = toml
        .split("[[items]]")
        .find(|b| b.contains("number = \"0-①\""))
        .unwrap_or_else(|| panic!("{toml}"));
    assert!(
        gate.contains("id = \"medical-information-system\""),
        "{gate}"
    );
    assert!(gate.contains("gate = true"), "{gate}");
    assert!(toml.contains("id = \"security-manager\""), "{toml}");
}

/// A section heading right under the header that holds a header word (区分) is a section, not
/// more header.
#[test]
fn a_heading_with_a_header_word_under_the_header_is_a_section() {
    let s = Setup::new();
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("チェックリスト").unwrap();
    for (c, h) in ["チェック項目", "はい", "いいえ", "確認日"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
    }
    ws.merge_range(1, 0, 1, 3, "1．区分1", &plain).unwrap();
    ws.write_string(2, 0, "① 試験用の責任者を置いている。")
        .unwrap();
    ws.merge_range(3, 0, 3, 3, "2．区分2", &plain).unwrap();
    ws.write_string(4, 0, "① 試験用の台帳を作っている。")
        .unwrap();
    let book = s.write("t1.xlsx", &wb.save_to_buffer().unwrap());
    let out = s.path("t1.toml");
    let r = run(s
        .medsec("en")
        .args(["checklist", "import"])
        .arg(&book)
        .args(["--edition", "fy2026", "--out"])
        .arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let toml = std::fs::read_to_string(&out).unwrap();
    assert!(toml.contains("\"区分1\""), "{toml}");
    assert!(toml.contains("\"区分2\""), "{toml}");
    assert_eq!(toml.matches("[[items]]").count(), 2, "{toml}");
}
