//! Items are named for people by their printed number and short title, in both languages;
//! the English text says Yes/No, not the form's はい/いいえ, outside quoted form text.

use crate::common;
use common::*;

fn run(lang: &str, args: &[&str]) -> (String, String, Option<i32>) {
    let out = medsec()
        .args(["--lang", lang])
        .args(args)
        .output()
        .expect("medsec runs");
    (stdout_of(&out), stderr_of(&out), out.status.code())
}

#[test]
fn lint_names_items_by_number_and_title_and_by_id_only_when_the_number_is_broken() {
    let files = [
        "tests/fixtures/checklists/bad/unknown-section.toml",
        "tests/fixtures/checklists/bad/unknown-ref.toml",
        "tests/fixtures/checklists/bad/bad-number.toml",
    ];
    let args: Vec<&str> = ["checklist", "lint"].into_iter().chain(files).collect();
    let (ja, _, code) = run("ja", &args);
    assert_eq!(code, Some(1), "{ja}");
    assert!(
        ja.contains("[unknown-section]: 1-① テスト用の項目: 節`9`"),
        "{ja}"
    );
    assert!(
        ja.contains("[unknown-guideline-ref]: 1-① テスト用の項目: "),
        "{ja}"
    );
    assert!(
        ja.contains("[unverified-wording]: 0 テスト用の前提質問: "),
        "{ja}"
    );
    assert!(
        ja.contains("[invalid-number]: 項目`security-manager`: 番号`1.1`"),
        "{ja}"
    );
    assert!(!ja.contains("`medical-information-system`"), "{ja}");

    let (en, _, code) = run("en", &args);
    assert_eq!(code, Some(1), "{en}");
    assert!(
        en.contains("[unknown-section]: 1-① Test item: section `9`"),
        "{en}"
    );
    assert!(
        en.contains("[unverified-wording]: 0 Test gate question: "),
        "{en}"
    );
    assert!(
        en.contains("[invalid-number]: item `security-manager`: number `1.1`"),
        "{en}"
    );
    assert!(!en.contains("テスト用"), "{en}");
}

#[test]
fn a_parse_error_says_what_is_wrong_before_the_parser_detail() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("answers.toml");
    std::fs::write(&file, "format_version = 1\n[checklist\nid = \"x\"\n").expect("write");
    let file = file.display().to_string();
    let (_, ja, code) = run("ja", &["status", &file]);
    assert_eq!(code, Some(2), "{ja}");
    assert!(
        ja.contains(":2:11: エラー[parse-error]: 書き方に誤りがあります(詳細: 表の見出しが閉じられていません"),
        "{ja}"
    );
    let (_, en, code) = run("en", &["status", &file]);
    assert_eq!(code, Some(2), "{en}");
    assert!(
        en.contains(":2:11: error[parse-error]: the file is not written correctly here (detail: the table header is not closed"),
        "{en}"
    );
    let (en, _, _) = run(
        "en",
        &[
            "checklist",
            "lint",
            "tests/fixtures/checklists/bad/syntax.toml",
        ],
    );
    assert!(
        en.contains("error[parse-error]: the TOML is not written correctly here (detail: write a string between `\"` quotes"),
        "{en}"
    );
}

#[test]
fn english_findings_say_yes_and_no_not_the_forms_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("answers.toml");
    std::fs::write(
        &file,
        "format_version = 1\n\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2025\"\n\n\
         [[answers]]\nitem = \"security-patches\"\nround = 1\nanswer = \"いいえ\"\nchecked_on = 2025-06-01\n\n\
         [[answers]]\nitem = \"security-manager\"\nround = 1\nanswer = \"対象外\"\nchecked_on = 2025-06-01\n",
    )
    .expect("write");
    let file = file.display().to_string();
    let (out, err, code) = run("en", &["status", "--as-of", "2025-07-01", &file]);
    assert_eq!(code, Some(1), "{err}");
    let text = format!("{out}{err}");
    for expected in [
        "no first-round answer (Yes/No) yet",
        "2-⑥ Security patches (round 1): the answer No needs a target date",
        "Not applicable only when the gate question (医療情報システムの有無) is answered No",
        "Not applicable without a reason",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    for line in text
        .lines()
        .filter(|l| l.contains("error[") || l.contains("warning["))
    {
        assert!(
            !line.contains("はい") && !line.contains("いいえ") && !line.contains("対象外"),
            "{line}"
        );
    }
    let (out, err, _) = run("ja", &["status", "--as-of", "2025-07-01", &file]);
    let text = format!("{out}{err}");
    assert!(text.contains("2-⑥ セキュリティパッチ(1回目)"), "{text}");
}

#[test]
fn a_probe_reason_recorded_only_in_english_is_quoted_as_such_under_japanese() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("evidence")).expect("mkdir");
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), dir.path().join(f)).expect("copy");
    }
    let answers = dir.path().join("complete.toml").display().to_string();
    let evidence = fixture("report/evidence.json").display().to_string();
    let inst = fixture("checklist-fy2025-institution.toml")
        .display()
        .to_string();
    let vend = fixture("checklist-fy2025-vendor.toml")
        .display()
        .to_string();
    let args = [
        "--checklist",
        &inst,
        "--checklist",
        &vend,
        "status",
        &answers,
        "--evidence",
        &evidence,
    ];
    let (ja, _, code) = run("ja", &args);
    assert_eq!(code, Some(1), "{ja}");
    assert!(
        ja.contains(
            "2-② リモートメンテナンスに「はい」と回答していますが、バックアップの鮮度(nas)の確認で問題が見つかりました: \
             理由は記録された英語のままです(詳細: the newest backup file is 41 days old (limit 7))"
        ),
        "{ja}"
    );
    let (en, _, _) = run("en", &args);
    assert!(
        en.contains("failed: the newest backup file is 41 days old (limit 7)")
            && !en.contains("詳細"),
        "{en}"
    );
}
