//! `medsec checklist lint` for CI systems: SARIF checked against the official 2.1.0 schema,
//! JUnit parsed back, --deny/--allow and medsec-lint.toml, the title-year rule, and the one
//! word for the human format.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;

const FY2025: &str = "checklists/mhlw/fy2025/institution.toml";

/// A folder with a clean copy of the FY2025 institution form and a copy whose title names
/// FY2024 (令和6年度) while its fiscal_year is 2025.
fn folder_with_a_bad_title() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(FY2025)).unwrap();
    std::fs::write(dir.path().join("good.toml"), &text).unwrap();
    let bad = text.replacen("(令和7年度版)", "(令和6年度版)", 1);
    // Another ID, so that the copies are not duplicate definitions.
    let bad = bad.replacen("id = \"mhlw-institution\"", "id = \"group-institution\"", 1);
    let bad = bad.replacen("publisher = \"mhlw\"", "publisher = \"group\"", 1);
    std::fs::write(dir.path().join("bad-title.toml"), bad).unwrap();
    dir
}

fn lint(args: &[&str], dir: &Path) -> std::process::Output {
    medsec()
        .args(["checklist", "lint"])
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_title_naming_another_fiscal_year_is_an_error_at_the_title() {
    let dir = folder_with_a_bad_title();
    let out = lint(&["--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let diags: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<&Value> = diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "title-year-mismatch")
        .collect();
    assert_eq!(found.len(), 1, "{diags:#}");
    assert!(found[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("bad-title.toml"));
    // `ja = "…(令和6年度版)…"` is on line 16 of the copy, its value at column 6.
    assert_eq!(
        (found[0]["line"].as_u64(), found[0]["column"].as_u64()),
        (Some(16), Some(6))
    );
    assert!(found[0]["message"].as_str().unwrap().contains("令和6年度"));
    // The other ways a Japanese title names a year: FY2024, FY 2024, Ｒ６年度 (full-width).
    let text = std::fs::read_to_string(root().join(FY2025)).unwrap();
    for written in ["(FY2024)", "(FY 2024)", "(Ｒ６年度版)"] {
        let other = tempfile::tempdir().unwrap();
        std::fs::write(
            other.path().join("t.toml"),
            text.replacen("(令和7年度版)", written, 1),
        )
        .unwrap();
        let out = lint(&["--format", "json"], other.path());
        assert_eq!(out.status.code(), Some(1), "{written}: {}", stdout_of(&out));
        assert!(stdout_of(&out).contains("title-year-mismatch"), "{written}");
    }
    // The bundled checklists agree with themselves.
    let out = medsec()
        .args(["checklist", "lint", "checklists/", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!stdout_of(&out).contains("title-year-mismatch"));
}

#[test]
fn sarif_is_valid_against_the_official_schema_with_rules_and_regions() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("sarif/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    // The schema does reject what is not SARIF 2.1.0.
    assert!(!validator.is_valid(&serde_json::json!({ "version": "2.0.0", "runs": [] })));
    assert!(!validator.is_valid(&serde_json::json!({ "version": "2.1.0", "runs": [{}] })));
    let dir = folder_with_a_bad_title();
    for lang in ["en", "ja"] {
        let out = lint(&["--format", "sarif", "--lang", lang], dir.path());
        assert_eq!(out.status.code(), Some(1));
        let log: Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{lang}: {errors:?}");
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let rule = rules
            .iter()
            .find(|r| r["id"] == "title-year-mismatch")
            .expect("rule metadata");
        let short = rule["shortDescription"]["text"].as_str().unwrap();
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
        if lang == "ja" {
            assert!(short.contains("タイトル"), "{short}");
            assert!(full.contains("既定の重大度"), "{full}");
        } else {
            assert!(short.contains("title"), "{short}");
            assert!(full.contains("--allow title-year-mismatch"), "{full}");
        }
        let result = run["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ruleId"] == "title-year-mismatch")
            .unwrap();
        assert_eq!(result["level"], "error");
        assert_eq!(
            rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
            "title-year-mismatch"
        );
        let loc = &result["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("bad-title.toml"));
        assert_eq!(loc["region"]["startLine"], 16);
        assert_eq!(loc["region"]["startColumn"], 6);
        // The warnings are there too, as warnings.
        assert!(run["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["ruleId"] == "unverified-wording" && r["level"] == "warning"));
    }
    // The repository's own checklists, as the GitHub workflow lints them.
    let out = medsec()
        .args(["checklist", "lint", "checklists/", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(validator.is_valid(&log));
    assert!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("checklists/mhlw/")
    );
}

/// (test case name, failure types, has system-out) for every test case of a JUnit report.
fn parse_junit(xml: &str) -> Vec<(String, Vec<String>, bool)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut cases = Vec::new();
    let decoder = reader.decoder();
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &[u8]| -> String {
        e.attributes()
            .map(|a| a.unwrap())
            .find(|a| a.key.as_ref() == name)
            .map(|a| a.decode_and_unescape_value(decoder).unwrap().into_owned())
            .unwrap_or_default()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"testcase" => {
                cases.push((attr(&e, b"name"), Vec::new(), false));
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"failure" => {
                cases.last_mut().unwrap().1.push(attr(&e, b"type"));
            }
            Event::Start(e) if e.name().as_ref() == b"system-out" => {
                cases.last_mut().unwrap().2 = true;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    cases
}

#[test]
fn junit_has_one_case_per_file_and_one_failure_per_error() {
    let dir = folder_with_a_bad_title();
    let out = lint(&["--format", "junit"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let xml = stdout_of(&out);
    let cases = parse_junit(&xml);
    assert_eq!(cases.len(), 2, "{xml}");
    let bad = cases
        .iter()
        .find(|c| c.0.ends_with("bad-title.toml"))
        .unwrap();
    let good = cases.iter().find(|c| c.0.ends_with("good.toml")).unwrap();
    assert_eq!(bad.1, ["title-year-mismatch"]);
    assert!(good.1.is_empty(), "warnings are not failures: {good:?}");
    assert!(good.2, "warnings are listed in the case's output");
    // With --deny warnings every warning is a failure, and the run fails.
    let out = lint(&["--format", "junit", "--deny", "warnings"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let cases = parse_junit(&stdout_of(&out));
    let good = cases.iter().find(|c| c.0.ends_with("good.toml")).unwrap();
    assert!(!good.1.is_empty());
    assert!(good.1.iter().all(|t| t == "unverified-wording"));
}

#[test]
fn deny_warnings_and_allow_change_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(FY2025), dir.path().join("a.toml")).unwrap();
    assert_eq!(lint(&[], dir.path()).status.code(), Some(0));
    let denied = lint(&["--deny", "warnings"], dir.path());
    assert_eq!(denied.status.code(), Some(1));
    assert!(stdout_of(&denied).contains("error[unverified-wording]"));
    let allowed = lint(
        &["--deny", "warnings", "--allow", "unverified-wording"],
        dir.path(),
    );
    assert_eq!(allowed.status.code(), Some(0), "{}", stdout_of(&allowed));
    assert!(stdout_of(&allowed).contains("0 errors, 0 warnings"));
}

#[test]
fn settings_file_next_to_the_checklists_is_read_and_strictly_parsed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(FY2025), dir.path().join("a.toml")).unwrap();
    let settings = dir.path().join("medsec-lint.toml");
    std::fs::write(&settings, "deny = [\"warnings\"]\n").unwrap();
    let out = lint(&[], dir.path());
    assert_eq!(out.status.code(), Some(1), "deny from the file");
    // Not linted as a checklist.
    assert!(
        stdout_of(&out).contains("1 file checked"),
        "{}",
        stdout_of(&out)
    );
    std::fs::write(
        &settings,
        "deny = [\"warnings\"]\nallow = [\"unverified-wording\"]\n",
    )
    .unwrap();
    assert_eq!(lint(&[], dir.path()).status.code(), Some(0));
    // Naming a file reads the settings of its folder too.
    let out = medsec()
        .args(["checklist", "lint"])
        .arg(dir.path().join("a.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // An unknown key: exit 2, the file, line and column and the key named, in Japanese too.
    std::fs::write(&settings, "allow = []\ndeny-warnings = true\n").unwrap();
    for lang in ["en", "ja"] {
        let out = lint(&["--lang", lang], dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
        let text = stderr_of(&out);
        assert!(text.contains("medsec-lint.toml:2:1"), "{text}");
        assert!(text.contains("[invalid-lint-config]"), "{text}");
        assert!(text.contains("deny-warnings"), "{text}");
        // A problem that stops the command: standard output stays empty (no summary, no
        // "settings used").
        assert_eq!(stdout_of(&out), "", "{lang}");
    }
    // A value that is not known.
    std::fs::write(&settings, "deny = [\"warning\"]\n").unwrap();
    let out = lint(&[], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("medsec-lint.toml:1:"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn table_is_the_human_format_word_and_human_still_works() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(FY2025), dir.path().join("a.toml")).unwrap();
    let table = lint(&["--format", "table"], dir.path());
    let human = lint(&["--format", "human"], dir.path());
    let default = lint(&[], dir.path());
    assert_eq!(table.stdout, human.stdout);
    assert_eq!(table.stdout, default.stdout);
    // The old word is hidden from --help, like every other command's formats.
    for cmd in ["lint", "diff"] {
        let help = medsec()
            .args(["checklist", cmd, "--help"])
            .output()
            .unwrap();
        let help = stdout_of(&help);
        assert!(help.contains("table"), "{help}");
        assert!(!help.contains("human"), "{help}");
    }
    let out = medsec()
        .args([
            "checklist",
            "diff",
            "mhlw-institution@fy2024",
            "mhlw-institution@fy2025",
            "--format",
            "human",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn check_takes_table_too_and_keeps_text() {
    use medsec::cli::check::CheckFormat;
    for word in ["table", "text"] {
        let cli = medsec::cli::Cli::try_parse_args(["medsec", "check", "--format", word]).unwrap();
        match cli.command {
            medsec::cli::Command::Check(args) => assert_eq!(args.format, CheckFormat::Text),
            other => panic!("{other:?}"),
        }
    }
    let help = medsec().args(["check", "--help"]).output().unwrap();
    let help = stdout_of(&help);
    assert!(help.contains("[possible values: table, json]"), "{help}");
}

#[test]
fn an_allowed_code_that_no_rule_has_is_refused_with_the_closest_codes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(FY2025), dir.path().join("a.toml")).unwrap();
    for (lang, words) in [("en", "did you mean"), ("ja", "のことですか")] {
        let out = lint(
            &["--allow", "unverified-wordings", "--lang", lang],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2), "{}", stdout_of(&out));
        let err = stderr_of(&out);
        assert!(err.contains("`--allow`"), "{err}");
        assert!(err.contains("`unverified-wordings`"), "{err}");
        assert!(
            err.contains(words) && err.contains("`unverified-wording`"),
            "{err}"
        );
        assert!(out.stdout.is_empty(), "nothing linted");
    }
    // Nothing close: the code alone, and the codes there are (no docs page an install lacks).
    let out = lint(&["--allow", "zzzz-qqqq"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("`unverified-wording`") && !stderr_of(&out).contains("docs/"),
        "{}",
        stderr_of(&out)
    );
    // The same in the settings file: at its file and line, with every other problem.
    std::fs::write(
        dir.path().join("medsec-lint.toml"),
        "deny = [\"warning\"]\nallow = [\"title-year-mismatch\", \"unverified-wordin\"]\ncolor = true\n",
    )
    .unwrap();
    let out = lint(&[], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let text = stderr_of(&out);
    assert_eq!(text.matches("[invalid-lint-config]").count(), 3, "{text}");
    assert!(text.contains("medsec-lint.toml:1:9"), "{text}");
    assert!(text.contains("medsec-lint.toml:2:33"), "{text}");
    assert!(text.contains("`unverified-wording`"), "{text}");
    assert!(text.contains("medsec-lint.toml:3:1"), "{text}");
    assert!(text.contains("`color`"), "{text}");
}

#[test]
fn settings_are_found_in_parent_folders_up_to_the_repository_root_and_named_in_json() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let own = repo.join("checklists/own");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::create_dir(repo.join(".git")).unwrap();
    std::fs::copy(root().join(FY2025), own.join("a.toml")).unwrap();
    // Above the repository root: not read.
    std::fs::write(
        tmp.path().join("medsec-lint.toml"),
        "deny = [\"warnings\"]\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        medsec()
            .current_dir(&repo)
            .args(["checklist", "lint", "checklists/own/a.toml"])
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(run(&[]).status.code(), Some(0));
    let json: Value = serde_json::from_slice(&run(&["--format", "json"]).stdout).unwrap();
    assert_eq!(json["config"], serde_json::json!([]));
    // At the repository root: read for a file two folders down, and named (relative).
    std::fs::write(repo.join("medsec-lint.toml"), "deny = [\"warnings\"]\n").unwrap();
    let out = run(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["config"], serde_json::json!(["medsec-lint.toml"]));
    // A nearer one wins over the root's.
    std::fs::write(
        repo.join("checklists/medsec-lint.toml"),
        "allow = [\"unverified-wording\"]\n",
    )
    .unwrap();
    let out = run(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["config"],
        serde_json::json!([native("checklists/medsec-lint.toml")])
    );
    assert_eq!(json["diagnostics"], serde_json::json!([]));
}

/// In a folder search, a subfolder with its own medsec-lint.toml follows it, not its parent's;
/// the table names the settings files used (in Japanese too).
#[test]
fn a_subfolder_with_its_own_settings_follows_them_and_the_table_names_them() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    std::fs::create_dir(repo.join(".git")).unwrap();
    let own = repo.join("checklists/own");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::copy(root().join(FY2025), repo.join("checklists/a.toml")).unwrap();
    // The same form under another ID, so that the copies are not duplicate definitions.
    let other = std::fs::read_to_string(root().join(FY2025))
        .unwrap()
        .replacen("id = \"mhlw-institution\"", "id = \"group-institution\"", 1)
        .replacen("publisher = \"mhlw\"", "publisher = \"group\"", 1);
    std::fs::write(own.join("b.toml"), other).unwrap();
    std::fs::write(
        repo.join("checklists/medsec-lint.toml"),
        "deny = [\"warnings\"]\nallow = [\"unverified-wording\"]\n",
    )
    .unwrap();
    std::fs::write(own.join("medsec-lint.toml"), "deny = [\"warnings\"]\n").unwrap();
    let run = |args: &[&str]| {
        medsec()
            .current_dir(repo)
            .args(["checklist", "lint", "checklists"])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout_of(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["config"],
        serde_json::json!([
            native("checklists/medsec-lint.toml"),
            native("checklists/own/medsec-lint.toml")
        ])
    );
    // The subfolder's file does not allow unverified-wording: its warnings are errors. The
    // parent folder's file allows them for a.toml.
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        assert_eq!(d["file"], native("checklists/own/b.toml").as_str(), "{d}");
        assert_eq!(d["code"], "unverified-wording", "{d}");
        assert_eq!(d["severity"], "error", "{d}");
    }
    let (parent, sub) = (
        native("checklists/medsec-lint.toml"),
        native("checklists/own/medsec-lint.toml"),
    );
    let text = stdout_of(&run(&["--lang", "en"]));
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("settings used: `{parent}`, `{sub}`"))),
        "{text}"
    );
    let text = stdout_of(&run(&["--lang", "ja"]));
    assert!(
        text.contains(&format!("設定ファイル`{parent}`、`{sub}`を使いました")),
        "{text}"
    );
    // From the subfolder, given `.`: the parent folder's file is named relative too.
    let out = medsec()
        .current_dir(repo.join("checklists"))
        .args(["checklist", "lint", ".", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["config"],
        serde_json::json!(["medsec-lint.toml", native("own/medsec-lint.toml")]),
        "{json:#}"
    );
    let out = medsec()
        .current_dir(&own)
        .args(["checklist", "lint", "..", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["config"],
        serde_json::json!([native("../medsec-lint.toml"), "medsec-lint.toml"]),
        "{json:#}"
    );
}

/// `git` in `dir`; `false` when git is missing outside CI (the test is then skipped).
#[allow(clippy::print_stderr)]
fn git(dir: &Path, args: &[&str]) -> bool {
    match std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args(args)
        .current_dir(dir)
        .output()
    {
        Ok(o) => {
            assert!(o.status.success(), "git {args:?}: {}", stderr_of(&o));
            true
        }
        Err(e) if !in_ci() => {
            eprintln!("skipped: git not found ({e})");
            false
        }
        Err(e) => panic!("git is needed in CI: {e}"),
    }
}

#[test]
fn base_lints_only_what_changed_and_catches_a_breaking_change_in_the_same_edition() {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    if !git(dir, &["init", "-q", "-b", "main"]) {
        return;
    }
    let folder = dir.join("checklists");
    std::fs::create_dir(&folder).unwrap();
    for form in ["institution", "vendor"] {
        std::fs::copy(
            root().join(format!("checklists/mhlw/fy2025/{form}.toml")),
            folder.join(format!("{form}.toml")),
        )
        .unwrap();
    }
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "checklists"]);
    let run = |args: &[&str]| {
        medsec()
            .current_dir(dir)
            .args(["checklist", "lint", "checklists/", "--base", "main"])
            .args(args)
            .output()
            .unwrap()
    };
    // Nothing changed: nothing linted.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        stdout_of(&out).contains("0 files checked"),
        "{}",
        stdout_of(&out)
    );
    // One file reworded: that file alone.
    let file = folder.join("institution.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let reworded = text.replacen(
        "パスワードの使い回しを禁止している。",
        "パスワードの使い回しを禁止し、周知している。",
        1,
    );
    assert_ne!(reworded, text);
    std::fs::write(&file, &reworded).unwrap();
    let out = run(&["--format", "junit"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let junit = stdout_of(&out);
    assert_eq!(junit.matches("<testcase ").count(), 1, "{junit}");
    assert!(junit.contains("institution.toml"), "{junit}");
    // An untracked new file is linted too.
    std::fs::write(folder.join("broken.toml"), "format_version = 1\n").unwrap();
    let out = run(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["file"] == "checklists/broken.toml"),
        "{json:#}"
    );
    std::fs::remove_file(folder.join("broken.toml")).unwrap();
    // An item removed, edition kept: an error at the edition line, in both languages.
    let cut = text.rfind("[[items]]").unwrap();
    std::fs::write(&file, &text[..cut]).unwrap();
    let edition_line = text.lines().position(|l| l.starts_with("edition")).unwrap() + 1;
    for (lang, words) in [
        ("en", "give the file a new edition"),
        ("ja", "新しい版にする"),
    ] {
        let out = run(&["--lang", lang]);
        assert_eq!(out.status.code(), Some(1), "{}", stdout_of(&out));
        let text = stdout_of(&out);
        assert!(
            text.contains(&format!("checklists/institution.toml:{edition_line}:1: "))
                && text.contains("[breaking-change-same-edition]"),
            "{text}"
        );
        assert!(text.contains(words) && text.contains("main:"), "{text}");
    }
    // With a new edition, the same removal passes lint.
    let next = text[..cut]
        .replacen("edition = \"fy2025\"", "edition = \"fy2026\"", 1)
        .replacen("fiscal_year = 2025", "fiscal_year = 2026", 1)
        .replace("令和7年度版", "令和8年度版")
        .replace("FY2025", "FY2026");
    std::fs::write(&file, next).unwrap();
    let out = run(&["--format", "json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "breaking-change-same-edition"),
        "{json:#}"
    );
    // A path that does not exist: exit 2, named (not "nothing changed").
    let out = medsec()
        .current_dir(dir)
        .args(["checklist", "lint", "checklist/", "--base", "main"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("checklist/"),
        "{}",
        stderr_of(&out)
    );
    // A revision git does not know: exit 2, named.
    let out = medsec()
        .current_dir(dir)
        .args([
            "checklist",
            "lint",
            "checklists/",
            "--base",
            "no-such-branch",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("no-such-branch"),
        "{}",
        stderr_of(&out)
    );
}

/// `--allow breaking-change-same-edition` is refused (diff says it always fails), and
/// `--base` outside a repository gives lint's advice.
#[test]
fn the_same_edition_rule_cannot_be_allowed_and_base_outside_git_is_advised() {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    if !git(dir, &["init", "-q", "-b", "main"]) {
        return;
    }
    let folder = dir.join("checklists");
    std::fs::create_dir(&folder).unwrap();
    let text =
        std::fs::read_to_string(root().join("checklists/mhlw/fy2025/institution.toml")).unwrap();
    std::fs::write(folder.join("institution.toml"), &text).unwrap();
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "checklists"]);
    let cut = text.rfind("[[items]]").unwrap();
    std::fs::write(folder.join("institution.toml"), &text[..cut]).unwrap();
    let out = medsec()
        .current_dir(dir)
        .args([
            "checklist",
            "lint",
            "checklists/",
            "--base",
            "main",
            "--allow",
            "breaking-change-same-edition",
        ])
        .output()
        .unwrap();
    // Refused with a word (exit 2), never accepted silently.
    assert_eq!(out.status.code(), Some(2), "{}", stdout_of(&out));
    assert!(
        stderr_of(&out).contains("`breaking-change-same-edition` cannot be allowed"),
        "{}",
        stderr_of(&out)
    );
    let out = medsec()
        .current_dir(dir)
        .args(["checklist", "lint", "checklists/", "--base", "main"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout_of(&out));
    assert!(stdout_of(&out).contains("breaking-change-same-edition"));
    let outside = tempfile::tempdir().unwrap();
    for lang in ["en", "ja"] {
        let out = medsec()
            .current_dir(outside.path())
            .args(["checklist", "lint", ".", "--base", "main", "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr_of(&out);
        assert!(
            err.contains("`--base`")
                && !err.contains("two folders")
                && !err.contains("フォルダ同士"),
            "{err}"
        );
    }
}
