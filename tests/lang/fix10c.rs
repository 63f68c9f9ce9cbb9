//! Issue #10, the NITs left (fix10c): no space before 「(」 in Japanese headers built in code,
//! identifiers alone in Markdown code spans, fill-in rules that say what is not known, and the
//! walk-through saying what it saved when quit during the details.

use crate::common;
use common::*;

fn show(lang: &str, extra: &[&str], checklist: &str) -> String {
    let out = medsec()
        .args(["--lang", lang, "checklist", "show", checklist])
        .args(extra)
        .output()
        .expect("medsec runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    stdout_of(&out)
}

fn line<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line {start} in\n{text}"))
}

#[test]
fn checklist_show_puts_no_space_before_a_parenthesis_in_japanese_only() {
    let ja = show("ja", &[], "mhlw-institution@fy2025");
    assert_eq!(
        line(&ja, "版: "),
        "版: mhlw-institution@fy2025(令和7年度、医療機関確認用)"
    );
    let en = show("en", &[], "mhlw-institution@fy2025");
    assert!(
        line(&en, "Edition: ").starts_with("Edition: mhlw-institution@fy2025 (FY2025"),
        "{en}"
    );
}

#[test]
fn checklist_show_markdown_puts_only_identifiers_in_code_spans() {
    for lang in ["ja", "en"] {
        let md = show(lang, &["--format", "md"], "mhlw-vendor@fy2025");
        for l in md.lines().filter(|l| l.starts_with("- ")) {
            // Every code span holds ASCII only: an ID, a digest, never Japanese words.
            for (i, span) in l.split('`').enumerate() {
                if i % 2 == 1 {
                    assert!(span.is_ascii(), "{lang}: code span `{span}` in {l}");
                }
            }
        }
        assert!(md.contains("`mhlw-vendor@fy2025`"), "{md}");
    }
    let ja = show("ja", &["--format", "md"], "mhlw-vendor@fy2025");
    assert!(
        ja.contains("- 版: `mhlw-vendor@fy2025`(令和7年度、事業者確認用)"),
        "{ja}"
    );
}

#[test]
fn fill_in_rules_say_what_the_form_is_not_known_to_have() {
    let ja = show("ja", &[], "mhlw-institution@fy2025");
    let rules = line(&ja, "記入のルール: ");
    // 「未確認」 read as if the user had not checked something.
    assert!(!rules.contains("未確認"), "{rules}");
    assert!(rules.contains("2回目: 様式にあるかは不明"), "{rules}");
    assert!(rules.contains("前提の質問: 様式にあるかは不明"), "{rules}");
    let ja24 = show("ja", &[], "mhlw-institution@fy2024");
    assert!(!line(&ja24, "記入のルール: ").contains("未確認"), "{ja24}");
    let en = show("en", &[], "mhlw-institution@fy2025");
    let rules = line(&en, "Fill-in rules: ");
    assert!(
        rules.contains("2nd round: not known whether the form has it"),
        "{rules}"
    );
    assert!(!rules.contains("not confirmed"), "{rules}");
}

#[cfg(unix)]
mod walk {
    use super::*;
    use expectrl::session::OsSession as Session;
    use expectrl::Expect;
    use std::process::Command;
    use std::time::Duration;

    const INST: &str = "tests/fixtures/checklist-fy2025-institution.toml";

    /// `answer` on a new answers file in `lang`: the title, the kind prompt, then q after the
    /// name; what it printed.
    fn quit_after_name(lang: &str, header: &str, kind_prompt: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("k2.toml");
        medsec()
            .args(["--lang", lang, "--checklist", INST, "init", "--out"])
            .arg(&file)
            .assert()
            .success();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
        cmd.env_remove("LC_ALL")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .current_dir(root())
            .args(["--lang", lang, "--checklist", INST, "answer"])
            .arg(&file);
        let mut s = Session::spawn(cmd).expect("spawn in a pty");
        s.set_expect_timeout(Some(Duration::from_secs(20)));
        let title = s.expect(header).unwrap();
        let mut seen = String::from_utf8_lossy(title.before()).into_owned();
        seen.push_str(&String::from_utf8_lossy(title.get(0).unwrap()));
        // The first field is the name; then the kind is asked.
        s.send_line("テスト診療所").unwrap();
        let kind = s.expect(kind_prompt).unwrap();
        seen.push_str(&String::from_utf8_lossy(kind.before()));
        seen.push_str(&String::from_utf8_lossy(kind.get(0).unwrap()));
        s.send_line("q").unwrap();
        seen.push_str(&pty_output(&mut s));
        seen.replace("\r\n", "\n")
    }

    #[test]
    fn japanese_walk_through_headers_have_no_space_before_a_parenthesis_and_quit_says_what_was_saved(
    ) {
        let ja = quit_after_name("ja", "医療機関等の情報が未記入です", "種別(");
        assert!(
            ja.contains("k2.toml — ") && ja.contains("(test-institution@fy2025)"),
            "{ja}"
        );
        assert!(!ja.contains(" (test-institution@fy2025)"), "{ja}");
        assert!(!ja.contains("種別 ("), "{ja}");
        // The name was saved: 「0件の回答を保存しました」 alone read as if nothing was.
        assert!(
            ja.contains("名称などの情報1項目と、0件の回答を保存しました。"),
            "{ja}"
        );
        let en = quit_after_name("en", "institution details are not filled in", "kind (");
        assert!(en.contains(" (test-institution@fy2025)"), "{en}");
        assert!(
            en.contains("saved 1 detail (name, kind, code…) and 0 answers"),
            "{en}"
        );
    }
}

#[test]
fn every_overwrite_refusal_says_the_same_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("次 年度.toml");
    std::fs::write(&out, "x").unwrap();
    for (lang, words) in [
        ("ja", "上書きするには`--force`"),
        ("en", "`--force` to overwrite it"),
    ] {
        let run = medsec()
            .args([
                "--lang",
                lang,
                "checklist",
                "new",
                "--from",
                "mhlw-institution@fy2025",
            ])
            .args(["--edition", "fy2026", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert_ne!(run.status.code(), Some(0));
        assert!(
            stderr_of(&run).contains(words),
            "{lang}: {}",
            stderr_of(&run)
        );
    }
    // The kind, not only this instance: one wording in the whole catalog.
    for (file, other) in [
        ("i18n/ja/medsec.ftl", "置き換えるには"),
        ("i18n/en/medsec.ftl", "to replace it"),
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        assert!(!text.contains(other), "{file}: {other}");
    }
}
