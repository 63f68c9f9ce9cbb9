//! Lint findings about a checklist's names and texts: one plain message per case, in the
//! reader's language, items named by their number and short title.

use crate::common;
use common::*;

/// The fixture institution checklist with every kind of unknown name and bad text.
fn broken_checklist(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(root().join(INST)).unwrap();
    let text = text
        .replacen("form = \"institution\"", "form = \"clinic-form\"", 1)
        .replacen(
            "serves = [\"hospital\", \"clinic\"]",
            "serves = [\"hotel\"]",
            1,
        )
        .replacen(
            "ja = \"テスト用チェックリスト 医療機関確認用\"",
            "ja = \"Test list\"",
            1,
        )
        .replacen("title = { ja = \"体制構築\"", "title = { ja = \"\"", 1)
        .replacen("scope = [\"general\"]", "scope = [\"printers\"]", 1)
        .replacen(
            "requirement = \"required\"\ngate = true",
            "requirement = \"maybe\"\ngate = true",
            1,
        )
        .replacen(
            "not_applicable_when = [\"no-medical-information-system\"]",
            "not_applicable_when = [\"never\"]\nprobes = [\"x-ray\"]",
            1,
        )
        .replacen(
            "guidance.ja = \"任命の記録を残します。\"",
            "guidance.ja = \"Keep it.\"",
            1,
        );
    let path = dir.join("broken.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn every_unknown_name_and_bad_text_has_its_own_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let path = broken_checklist(dir.path());
    let lint = |lang: &str| {
        let out = medsec()
            .args(["--lang", lang, "checklist", "lint"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        format!("{}{}", stdout_of(&out), stderr_of(&out))
    };
    let ja = lint("ja");
    for want in [
        "様式`clinic-form`は使えません。使える値は",
        "施設の種類`hotel`は使えません。使える値は",
        "対象`printers`は使えません。使える値は",
        "区分`maybe`は使えません。使える値は",
        "対象外の条件`never`は使えません。使える値は",
        "プローブの種類`x-ray`は使えません。使える値は",
        "タイトル: `ja`のテキストに日本語の文字がありません",
        "節1の見出し: `ja`のテキストが空です。日本語と英語の両方が必要です",
        "項目`security-manager`の説明: `ja`のテキストに日本語の文字がありません",
    ] {
        assert!(ja.contains(want), "no {want:?} in\n{ja}");
    }
    let en = lint("en");
    for want in [
        "unknown form `clinic-form`; expected one of: ",
        "unknown institution kind `hotel`; expected one of: ",
        "unknown scope `printers`; expected one of: ",
        "unknown requirement `maybe`; expected one of: ",
        "unknown not-applicable rule `never`; expected one of: ",
        "unknown probe kind `x-ray`; expected one of: ",
        "title: the `ja` text has no Japanese characters",
        "section 1: the `ja` text is empty; both Japanese and English are needed",
        "item `security-manager` guidance: the `ja` text has no Japanese characters",
    ] {
        assert!(en.contains(want), "no {want:?} in\n{en}");
    }
}

/// An item is named by its number and short title in the reader's language, from the
/// checklist being linted (both languages are in the file).
#[test]
fn items_are_named_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(INST))
        .unwrap()
        .replacen("verified = true", "verified = false", 1);
    let path = dir.path().join("unverified.toml");
    std::fs::write(&path, text).unwrap();
    for (lang, want) in [
        ("ja", "0 医療情報システムを導入…"),
        ("en", "0 The institution has introduced"),
    ] {
        let out = medsec()
            .args(["--lang", lang, "checklist", "lint"])
            .arg(&path)
            .output()
            .unwrap();
        let text = stdout_of(&out) + &stderr_of(&out);
        let line = text
            .lines()
            .find(|l| l.contains("[unverified-wording]"))
            .unwrap_or_else(|| panic!("no unverified-wording finding:\n{text}"));
        assert!(line.contains(want), "{lang}: {line}");
    }
}
