//! Items are named for people by their printed number and short title, in both languages;
//! the English text says Yes/No, not the form's はい/いいえ, outside quoted form text.

mod common;
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
        ja.contains("[unknown-section]: 1-① テスト用の項目: 節 `9`"),
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
        ja.contains("[invalid-number]: 項目 `security-manager`: 番号 `1.1`"),
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
