//! `checklist lint` on input it cannot use (issue #15, fix15a): paths without any checklist
//! file fail (exit 2) as `checklist diff` does; the rules about unusable input and
//! `breaking-change-same-edition` cannot be allowed, on the command line or in
//! `medsec-lint.toml`, and SARIF offers `--allow` only for the rules that can be.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn lint_in(dir: &Path, args: &[&str]) -> Run {
    run(medsec()
        .current_dir(dir)
        .env("MEDSEC_DATA_DIR", dir.join("no-user-data"))
        .args(["checklist", "lint"])
        .args(args))
}

#[test]
fn a_folder_without_checklists_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::create_dir(w.join("空 フォルダ")).unwrap();
    std::fs::write(w.join("空 フォルダ/readme.txt"), "not a checklist").unwrap();
    for (lang, said) in [
        (
            "ja",
            "error_ja: `空 フォルダ`にチェックリストのファイル(`.toml`)がありません。パスを確かめてください。",
        ),
        (
            "en",
            "error[no-checklist-files]: `空 フォルダ` holds no checklist file (`.toml`); check the path",
        ),
    ] {
        let r = lint_in(w, &["--lang", lang, "空 フォルダ"]);
        assert_eq!(r.code, Some(2), "{lang}: {}{}", r.stdout, r.stderr);
        let said = said.replace("error_ja: ", "エラー[no-checklist-files]: ");
        assert!(r.stderr.contains(&said), "{lang}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "no '0 files, 0 errors': {}", r.stdout);
    }
    let r = lint_in(w, &["--format", "sarif", "空 フォルダ"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    let sarif: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"][0]["ruleId"], "no-checklist-files",
        "{sarif:#}"
    );
}

#[test]
fn input_rules_and_the_same_edition_rule_cannot_be_allowed() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::write(w.join("empty.toml"), "").unwrap();
    for code in [
        "unreadable",
        "parse-error",
        "invalid-lint-config",
        "breaking-change-same-edition",
    ] {
        for (lang, said) in [
            ("ja", format!("`--allow`の指定: `{code}`は外せません。")),
            ("en", format!("`--allow`: `{code}` cannot be allowed")),
        ] {
            let r = lint_in(w, &["--lang", lang, "--allow", code, "empty.toml"]);
            assert_eq!(r.code, Some(2), "{code} {lang}: {}{}", r.stdout, r.stderr);
            assert!(r.stderr.contains(&said), "{code} {lang}: {}", r.stderr);
            assert!(!r.stdout.contains("0 errors") && !r.stdout.contains("エラー0件"));
        }
    }
    // A typo close to a rule that cannot be allowed is not pointed at it (it would be refused
    // next): `parse-eror` gets no "did you mean `parse-error`".
    let r = lint_in(w, &["--lang", "en", "--allow", "parse-eror", "empty.toml"]);
    assert_eq!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("parse-eror"), "{}", r.stderr);
    assert!(!r.stderr.contains("`parse-error`"), "{}", r.stderr);
    // In the settings file: an invalid-lint-config error, exit 2, no summary.
    let folder = w.join("checklists");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        root().join("checklists/mhlw/fy2025/vendor.toml"),
        folder.join("vendor.toml"),
    )
    .unwrap();
    std::fs::write(
        folder.join("medsec-lint.toml"),
        "allow = [\"invalid-lint-config\", \"unverified-wording\"]\n",
    )
    .unwrap();
    let r = lint_in(w, &["--lang", "en", "checklists"]);
    assert_eq!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("error[invalid-lint-config]")
            && r.stderr.contains("`invalid-lint-config` cannot be allowed"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    // SARIF: `--allow` offered for a rule that can be allowed, not for the others.
    std::fs::write(folder.join("medsec-lint.toml"), "allow = []\n").unwrap();
    std::fs::write(folder.join("broken.toml"), "format_version = 1\nid = [\n").unwrap();
    let r = lint_in(w, &["--format", "sarif", "--lang", "en", "checklists"]);
    let sarif: Value = serde_json::from_str(&r.stdout).unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let full = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| r["fullDescription"]["text"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("{id}: {sarif:#}"))
    };
    assert!(full("unverified-wording").contains("--allow unverified-wording"));
    for id in ["parse-error", "unreadable", "breaking-change-same-edition"] {
        let text = full(id);
        assert!(
            !text.contains("Silence it with") && text.contains("Neither `--allow` nor"),
            "{id}: {text}"
        );
    }
}

/// An empty file is said to be empty (a `parse-error`, exit 1), not "a key is missing".
#[test]
fn an_empty_file_is_said_to_be_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::write(w.join("empty.toml"), "\n").unwrap();
    for (lang, said) in [
        ("ja", "エラー[parse-error]: ファイルが空です。"),
        ("en", "error[parse-error]: the file is empty;"),
    ] {
        let r = lint_in(w, &["--lang", lang, "empty.toml"]);
        assert_eq!(r.code, Some(1), "{lang}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains(said), "{lang}: {}", r.stdout);
    }
}

/// An own checklist against the MHLW edition it extends: its other ID is what an extension is
/// (minor), not a breaking change that fails the run.
#[test]
fn an_extension_against_its_base_is_not_breaking_for_its_id() {
    let example = root().join("examples/own-checklist.toml");
    for (lang, said) in [
        ("en", "minor [checklist-id-changed]"),
        ("ja", "軽微 [checklist-id-changed]"),
    ] {
        let r = run(medsec().args([
            "checklist",
            "diff",
            "--lang",
            lang,
            "mhlw-institution@fy2025",
            example.to_str().unwrap(),
        ]));
        assert_eq!(r.code, Some(0), "{lang}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains(said), "{lang}: {}", r.stdout);
    }
}

/// `checklist new` to an ID and edition that exists already (FY2023 advanced to FY2024, which
/// is bundled) writes the draft but says the existing one, where it is and what to do; a new
/// edition (FY2026) says nothing of the kind.
#[test]
fn checklist_new_to_an_edition_that_exists_says_so() {
    let w = tempfile::tempdir().unwrap();
    for (lang, said) in [
        ("ja", "`mhlw-institution@fy2024`はすでにあります(`checklists/mhlw/fy2024/institution.toml`)。"),
        ("en", "`mhlw-institution@fy2024` exists already (`checklists/mhlw/fy2024/institution.toml`)"),
    ] {
        let out = medsec()
            .current_dir(w.path())
            .args(["--lang", lang, "checklist", "new", "--from", "mhlw-institution@fy2023"])
            .args(["--edition", "fy2024", "--force", "--out", "n24.toml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert!(stderr_of(&out).contains(said), "{lang}: {}", stderr_of(&out));
        assert!(w.path().join("n24.toml").exists());
    }
    let out = medsec()
        .current_dir(w.path())
        .args([
            "--lang",
            "en",
            "checklist",
            "new",
            "--from",
            "mhlw-institution@fy2025",
        ])
        .args(["--edition", "fy2026", "--out", "n26.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        !stderr_of(&out).contains("exists already"),
        "{}",
        stderr_of(&out)
    );
}
