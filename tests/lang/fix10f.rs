//! Issue #10, the wording left command by command (fix10f): each through the binary, in
//! Japanese and English.

use crate::common;
use common::*;
use std::path::Path;

fn run_in(dir: &Path, lang: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = medsec()
        .current_dir(dir)
        .args(["--lang", lang])
        .args(args)
        .output()
        .expect("medsec runs");
    (out.status.code(), stdout_of(&out), stderr_of(&out))
}

fn init(dir: &Path, lang: &str, form: &str, file: &str) {
    let (code, _, err) = run_in(dir, lang, &["init", "--form", form, "--out", file]);
    assert_eq!(code, Some(0), "{err}");
}

/// `checklist list` names editions and guideline versions as `show` and `status` do
/// (令和5年度版, 第6.0版); JSON keeps the IDs.
#[test]
fn checklist_list_names_editions_and_guidelines_for_people() {
    let w = tempfile::tempdir().unwrap();
    let (code, ja, err) = run_in(w.path(), "ja", &["checklist", "list"]);
    assert_eq!(code, Some(0), "{err}");
    let row = ja
        .lines()
        .find(|l| l.contains("mhlw-institution") && l.contains("令和5年度版"))
        .unwrap_or_else(|| panic!("{ja}"));
    assert!(row.contains("第6.0版"), "{row}");
    assert!(!ja.contains("fy2023"), "{ja}");
    let (_, en, _) = run_in(w.path(), "en", &["checklist", "list"]);
    assert!(en.contains("FY2023"), "{en}");
    let (_, json, _) = run_in(w.path(), "ja", &["checklist", "list", "--format", "json"]);
    assert!(json.contains("\"edition\": \"fy2023\""), "{json}");
    assert!(json.contains("\"guideline_version\": \"6.0\""), "{json}");
}

/// A global `--checklist ID@EDITION` that does not exist stops every command with init's
/// error, `status` too (it answered the file's own checklist without a word).
#[test]
fn a_named_edition_that_does_not_exist_stops_status() {
    let w = tempfile::tempdir().unwrap();
    init(w.path(), "en", "vendor", "j.toml");
    for (lang, says) in [
        (
            "ja",
            "チェックリスト`mhlw-vendor`に版`fy2030`はありません。ある版は`fy2023`、`fy2024`、`fy2025`です。",
        ),
        (
            "en",
            "checklist `mhlw-vendor` has no edition `fy2030`",
        ),
    ] {
        let (code, out, err) = run_in(
            w.path(),
            lang,
            &["--checklist", "mhlw-vendor@fy2030", "status", "j.toml"],
        );
        assert_eq!(code, Some(2), "{out}{err}");
        assert!(err.contains(says), "{lang}: {err}");
        // The edition that exists is still fine.
        let (code, _, err) = run_in(
            w.path(),
            lang,
            &["--checklist", "mhlw-vendor@fy2025", "status", "j.toml"],
        );
        assert_eq!(code, Some(1), "{err}");
    }
}

/// An operating-system error is said in words without its number (「(OSのエラー番号2)」) in
/// status and for a `--checklist` file, as render says it.
#[test]
fn os_errors_are_said_in_words_without_their_number() {
    let w = tempfile::tempdir().unwrap();
    init(w.path(), "en", "institution", "a.toml");
    for lang in ["ja", "en"] {
        for args in [
            &["status", "nofile.toml"][..],
            &["--checklist", "no/such.toml", "status", "a.toml"][..],
        ] {
            let (code, out, err) = run_in(w.path(), lang, args);
            assert_eq!(code, Some(2), "{out}{err}");
            let words = if lang == "ja" {
                "ファイルまたはフォルダがありません"
            } else {
                "no such file or folder"
            };
            assert!(err.contains(words), "{lang} {args:?}: {err}");
            assert!(
                !err.contains("エラー番号") && !err.contains("os error"),
                "{lang} {args:?}: {err}"
            );
        }
    }
}

/// `checklist lint` of an answers file says it is one and gives `status`, exit 2 as for a
/// workbook given (not a parse error listing the keys a checklist may have).
#[test]
fn lint_of_an_answers_file_says_so_and_suggests_status() {
    let w = tempfile::tempdir().unwrap();
    init(w.path(), "en", "institution", "a.toml");
    for (lang, says) in [
        (
            "ja",
            "`a.toml`は回答ファイルで、チェックリストではありません。回答の記入状況は`medsec status a.toml`で確認できます。",
        ),
        (
            "en",
            "`a.toml` is an answers file, not a checklist; check the answers with `medsec status a.toml`",
        ),
    ] {
        let (code, out, err) = run_in(w.path(), lang, &["checklist", "lint", "a.toml"]);
        assert_eq!(code, Some(2), "{out}{err}");
        assert!(err.contains(says), "{lang}: {err}");
        assert!(!err.contains("format_version"), "{lang}: {err}");
    }
}

/// A sheet user is told to fill the sheet's own reason column (its header as found), never
/// the answers file's key `reason`; the gate is the glossary's 前提の質問.
#[test]
fn sheet_import_names_the_reason_column_as_the_sheet_calls_it() {
    let w = tempfile::tempdir().unwrap();
    for (lang, header, says) in [
        (
            "ja",
            "Reason",
            "対象外の理由がありません。「Reason」の列に書いてください。",
        ),
        ("en", "理由", "say why in the `理由` column"),
    ] {
        let file = format!("{lang}.toml");
        init(w.path(), lang, "institution", &file);
        std::fs::write(
            w.path().join("s.csv"),
            format!("番号,回答,確認日,{header}\n2-⑥,対象外,2025/06/01,\n"),
        )
        .unwrap();
        let (code, out, err) = run_in(w.path(), lang, &["answer", &file, "--import", "s.csv"]);
        let text = format!("{out}{err}");
        assert_eq!(code, Some(0), "{text}");
        assert!(text.contains(says), "{lang}: {text}");
        assert!(!text.contains("`reason`"), "{lang}: {text}");
        assert!(!text.contains("最初の質問"), "{lang}: {text}");
        if lang == "ja" {
            assert!(text.contains("前提の質問"), "{text}");
        }
    }
}

/// `medsec probe --help` says what a configuration holds itself: no pointer into docs/ (which an
/// installed binary does not have), in Japanese and English.
#[test]
fn probe_help_says_what_a_configuration_holds() {
    let w = tempfile::tempdir().unwrap();
    for (lang, says) in [
        ("ja", "`backup-freshness`(バックアップ)"),
        ("en", "backup-freshness a backup"),
    ] {
        let (code, out, err) = run_in(w.path(), lang, &["probe", "--help"]);
        assert_eq!(code, Some(0), "{err}");
        assert!(out.contains(says), "{lang}: {out}");
        assert!(!out.contains("docs/"), "{lang}: {out}");
    }
}

/// `sign` says what the signature records field by field, the signed time as a date in the
/// reader's form (和暦 in Japanese), never the raw `timestamp:1796090160` of the comment.
#[test]
fn sign_shows_the_trusted_comments_fields_for_a_person() {
    let w = tempfile::tempdir().unwrap();
    keygen(&w.path().join("k"));
    let key = w.path().join("k.key");
    for (lang, heading, time, institution) in [
        (
            "ja",
            "署名に記録した内容(信頼済みコメント):",
            "  署名日時: ",
            "  医療機関コード: 0110113719",
        ),
        (
            "en",
            "recorded in the signature (trusted comment):",
            "  signed at: ",
            "  institution code: 0110113719",
        ),
    ] {
        let dir = w.path().join(lang);
        common::bundle::write_bundle(&dir, &common::bundle::report_value("0110113719", 2025));
        let out = medsec()
            .args(["--lang", lang, "sign"])
            .arg(&dir)
            .arg("--key")
            .arg(&key)
            .output()
            .unwrap();
        let text = stdout_of(&out);
        assert_eq!(out.status.code(), Some(0), "{text}{}", stderr_of(&out));
        assert!(text.contains(heading), "{lang}: {text}");
        assert!(text.contains(institution), "{lang}: {text}");
        let time_line = text
            .lines()
            .find(|l| l.starts_with(time))
            .unwrap_or_else(|| panic!("{lang}: {text}"));
        if lang == "ja" {
            assert!(time_line.contains("(令和"), "{time_line}");
        }
        assert!(time_line.ends_with("+09:00"), "{time_line}");
        assert!(!text.contains("timestamp:"), "{lang}: {text}");
        assert!(!text.contains("medsec-bundle:"), "{lang}: {text}");
    }
}

/// One term set (docs/glossary.md): プローブ for probes and 指摘 for findings, in every command;
/// `check` said 診断(プローブ), 不合格の診断 and 要確認の所見 where the others say 指摘. (Its
/// screens are checked in tests/report/check.rs.)
#[test]
fn japanese_says_probe_and_finding_with_the_glossarys_words() {
    for file in ["i18n/ja/medsec.ftl", "i18n/ja/help.ftl"] {
        let text = std::fs::read_to_string(common::root().join(file)).unwrap();
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.contains("診断") && !line.contains("所見"),
                "{file}:{}: {line}",
                n + 1
            );
        }
    }
    let glossary = std::fs::read_to_string(common::root().join("docs/glossary.md")).unwrap();
    assert!(glossary.contains("| 指摘 | finding |"), "glossary");
}
