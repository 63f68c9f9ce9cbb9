//! Fill-in rules as data (`[rules]` in the checklist file): status follows the rules of the
//! edition it checks, overdue target dates are findings, and lint checks the rules block.
mod common;
use common::*;
use std::path::{Path, PathBuf};

/// An answers file for `checklist` (`ID@EDITION`) with these `[[answers]]` tables.
fn answers(dir: &Path, checklist: &str, answers: &str) -> PathBuf {
    let (id, edition) = checklist.split_once('@').unwrap();
    let path = dir.join("answers.toml");
    std::fs::write(
        &path,
        format!(
            "format_version = 1\n[checklist]\nid = \"{id}\"\nedition = \"{edition}\"\n{answers}"
        ),
    )
    .unwrap();
    path
}

fn answer(item: &str, response: &str, extra: &str) -> String {
    format!("[[answers]]\nitem = \"{item}\"\nanswer = \"{response}\"\n{extra}")
}

/// `(code, severity, item)` of every finding of `status --format json`.
fn findings(file: &Path, as_of: &str, checklists: &[&Path]) -> Vec<(String, String, String)> {
    let mut cmd = medsec();
    for c in checklists {
        cmd.arg("--checklist").arg(c);
    }
    let out = cmd
        .args(["status", "--format", "json", "--as-of", as_of])
        .arg(file)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    let mut all = Vec::new();
    for f in json["forms"].as_array().unwrap() {
        for x in f["findings"].as_array().unwrap() {
            all.push((
                x["code"].as_str().unwrap().to_owned(),
                x["severity"].as_str().unwrap().to_owned(),
                x["item"].as_str().unwrap_or("").to_owned(),
            ));
        }
    }
    all
}

fn has(found: &[(String, String, String)], code: &str, item: &str) -> bool {
    found.iter().any(|(c, _, i)| c == code && i == item)
}

fn severity_of<'a>(found: &'a [(String, String, String)], code: &str) -> &'a str {
    found
        .iter()
        .find(|(c, _, _)| c == code)
        .map_or("", |(_, s, _)| s.as_str())
}

#[test]
fn a_missing_date_checked_follows_the_editions_rule() {
    let dir = tempfile::tempdir().unwrap();
    // FY2025 has a 確認日 for each item (S4a, S19): its absence is an error.
    let f = answers(
        dir.path(),
        "mhlw-institution@fy2025",
        &answer("security-manager", "はい", ""),
    );
    let found = findings(&f, "2025-09-01", &[]);
    assert!(
        has(&found, "missing-checked-on", "security-manager"),
        "{found:?}"
    );
    assert!(!found.iter().any(|(c, _, _)| c == "checked-on-unconfirmed"));
    // FY2024: not confirmed that the form has one: one warning for the form, no error.
    let f = answers(
        dir.path(),
        "mhlw-institution@fy2024",
        &(answer("security-manager", "はい", "") + &answer("asset-ledger", "はい", "")),
    );
    let found = findings(&f, "2024-09-01", &[]);
    assert!(
        !found.iter().any(|(c, _, _)| c == "missing-checked-on"),
        "{found:?}"
    );
    let unconfirmed: Vec<_> = found
        .iter()
        .filter(|(c, _, _)| c == "checked-on-unconfirmed")
        .collect();
    assert_eq!(unconfirmed.len(), 1, "{found:?}");
    assert_eq!(severity_of(&found, "checked-on-unconfirmed"), "warning");
}

#[test]
fn target_date_windows_follow_the_editions_rule() {
    let dir = tempfile::tempdir().unwrap();
    // FY2023: an item listed for FY2024 may carry an FY2024 target; a required item's window
    // is not confirmed, so a date outside FY2023 is a warning.
    let f = answers(
        dir.path(),
        "mhlw-institution@fy2023",
        &(answer(
            "access-rights-terminal",
            "いいえ",
            "checked_on = 2023-07-01\ntarget_date = 2025-03-31\n",
        ) + &answer(
            "security-manager",
            "いいえ",
            "checked_on = 2023-07-01\ntarget_date = 2024-06-30\n",
        ) + &answer(
            "asset-ledger",
            "いいえ",
            "checked_on = 2023-07-01\ntarget_date = 2025-04-01\n",
        )),
    );
    let found = findings(&f, "2023-09-01", &[]);
    assert!(
        !has(
            &found,
            "target-date-outside-fiscal-year",
            "access-rights-terminal"
        ) && !has(
            &found,
            "target-date-window-unconfirmed",
            "access-rights-terminal"
        ),
        "{found:?}"
    );
    assert!(
        has(&found, "target-date-window-unconfirmed", "security-manager"),
        "{found:?}"
    );
    assert_eq!(
        severity_of(&found, "target-date-window-unconfirmed"),
        "warning"
    );
    assert!(
        has(&found, "target-date-window-unconfirmed", "asset-ledger"),
        "{found:?}"
    );
    // FY2025: the window is the fiscal year (「令和7年度中」, S4a): outside is an error.
    let f = answers(
        dir.path(),
        "mhlw-institution@fy2025",
        &answer(
            "security-manager",
            "いいえ",
            "checked_on = 2025-07-01\ntarget_date = 2026-04-01\n",
        ),
    );
    let found = findings(&f, "2025-09-01", &[]);
    assert!(
        has(
            &found,
            "target-date-outside-fiscal-year",
            "security-manager"
        ),
        "{found:?}"
    );
    assert_eq!(
        severity_of(&found, "target-date-outside-fiscal-year"),
        "error"
    );
}

#[test]
fn a_target_date_before_the_day_of_the_check_is_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let no = answer(
        "security-manager",
        "いいえ",
        "checked_on = 2025-07-01\ntarget_date = 2025-09-30\n",
    );
    let f = answers(dir.path(), "mhlw-institution@fy2025", &no);
    let found = findings(&f, "2025-10-01", &[]);
    assert!(
        has(&found, "target-date-overdue", "security-manager"),
        "{found:?}"
    );
    assert_eq!(severity_of(&found, "target-date-overdue"), "warning");
    // On the target day itself it is not yet overdue.
    let found = findings(&f, "2025-09-30", &[]);
    assert!(
        !has(&found, "target-date-overdue", "security-manager"),
        "{found:?}"
    );
    // A later round that answers the item again settles it.
    let f = answers(
        dir.path(),
        "mhlw-institution@fy2025",
        &(no.clone()
            + &answer(
                "security-manager",
                "はい",
                "round = 2\nchecked_on = 2025-09-29\n",
            )),
    );
    let found = findings(&f, "2025-10-01", &[]);
    assert!(
        !has(&found, "target-date-overdue", "security-manager"),
        "{found:?}"
    );
}

#[test]
fn overdue_is_said_in_japanese_with_both_dates() {
    let dir = tempfile::tempdir().unwrap();
    let f = answers(
        dir.path(),
        "mhlw-institution@fy2025",
        &answer(
            "security-manager",
            "いいえ",
            "checked_on = 2025-07-01\ntarget_date = 2025-09-30\n",
        ),
    );
    let out = medsec()
        .env("LANG", "ja_JP.UTF-8")
        .args(["status", "--as-of", "2025-10-01"])
        .arg(&f)
        .output()
        .unwrap();
    let text = stdout_of(&out) + &stderr_of(&out);
    assert!(
        text.contains("目標日 2025-09-30(令和7年9月30日) を過ぎています"),
        "{text}"
    );
}

/// The test fixture checklist with a `[rules]` block (and `extra` lines in it).
fn checklist_with_rules(dir: &Path, rules: &str) -> PathBuf {
    let base = std::fs::read_to_string(fixture("checklist-fy2025-institution.toml")).unwrap();
    let text = base.replacen(
        "\n[[sections]]",
        &format!("\n[rules]\n{rules}\n[[sections]]"),
        1,
    );
    let path = dir.join("with-rules.toml");
    std::fs::write(&path, text).unwrap();
    path
}

const RULES: &str = "checked_on = \"not-on-form\"\ntarget_date = \"fiscal-year\"\nround_2 = \"not-on-form\"\ngate = \"on-form\"\ngate_switches_off = \"all-other-items\"\nreference_only = []\n";

#[test]
fn a_form_without_a_second_round_or_a_date_checked_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let c = checklist_with_rules(dir.path(), RULES);
    let f = answers(
        dir.path(),
        "test-institution@fy2025",
        &(answer("security-manager", "はい", "")
            + &answer(
                "security-manager",
                "はい",
                "round = 2\nchecked_on = 2025-08-01\n",
            )),
    );
    let found = findings(&f, "2025-09-01", &[&c]);
    assert!(
        has(&found, "round-not-on-form", "security-manager"),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(c, _, _)| c == "missing-checked-on" || c == "checked-on-unconfirmed"),
        "{found:?}"
    );
}

#[test]
fn the_digest_changes_with_the_rules_and_not_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let digest = |path: &Path| {
        let out = medsec()
            .arg("--checklist")
            .arg(path)
            .args([
                "checklist",
                "show",
                "--format",
                "json",
                "test-institution@fy2025",
            ])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
        json["digest"].as_str().unwrap().to_owned()
    };
    // A file without [rules] keeps the digest it had before rules were data (the signed v1
    // fixture and every answers file that names it depend on that).
    assert_eq!(
        digest(&fixture("checklist-fy2025-institution.toml")),
        "sha256:857dfe004e509c1b527212788bfa84277adc5024c7c6ba736986f1ae93696148"
    );
    let a = checklist_with_rules(dir.path(), RULES);
    let da = digest(&a);
    let b = checklist_with_rules(
        dir.path(),
        &RULES.replace("round_2 = \"not-on-form\"", "round_2 = \"unknown\""),
    );
    assert_ne!(da, digest(&b));
}

fn lint(path: &Path) -> (i32, Vec<(String, String)>) {
    let out = medsec()
        .args(["checklist", "lint", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    let list = json["diagnostics"].as_array().or(json.as_array()).unwrap();
    let codes = list
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (out.status.code().unwrap(), codes)
}

#[test]
fn lint_checks_the_rules_block_against_the_items() {
    let dir = tempfile::tempdir().unwrap();
    let bad = RULES
        .replace("gate = \"on-form\"", "gate = \"not-on-form\"")
        .replace("reference_only = []", "reference_only = [\"required\"]")
        + "next_year_target = \"next-fiscal-year\"\n";
    let (code, found) = lint(&checklist_with_rules(dir.path(), &bad));
    assert_eq!(code, 1, "{found:?}");
    for (expected, severity) in [
        ("rules-gate-mismatch", "error"),
        ("rules-reference-only-required", "error"),
        ("rules-next-year-without-items", "warning"),
    ] {
        assert!(
            found.iter().any(|(c, s)| c == expected && s == severity),
            "{expected}: {found:?}"
        );
    }
    let no_gate_item = RULES.to_owned();
    let text = std::fs::read_to_string(checklist_with_rules(dir.path(), &no_gate_item))
        .unwrap()
        .replace("gate = true\n", "");
    let path = dir.path().join("no-gate.toml");
    std::fs::write(&path, text).unwrap();
    let (_, found) = lint(&path);
    assert!(
        found.iter().any(|(c, _)| c == "rules-gate-mismatch"),
        "{found:?}"
    );

    let unknown = RULES.replace("checked_on = \"not-on-form\"", "checked_on = \"sometimes\"");
    let (code, found) = lint(&checklist_with_rules(dir.path(), &unknown));
    assert_eq!(code, 1);
    assert!(
        found.iter().any(|(c, _)| c == "unknown-rule-value"),
        "{found:?}"
    );
}

#[test]
fn lint_wants_every_requirement_placed_and_mhlw_files_to_have_rules() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(checklist_with_rules(dir.path(), RULES))
        .unwrap()
        .replacen(
            "requirement = \"required\"",
            "requirement = \"recommended\"",
            2,
        );
    let path = dir.path().join("recommended.toml");
    std::fs::write(&path, &text).unwrap();
    let (_, found) = lint(&path);
    assert!(
        found.iter().any(|(c, _)| c == "rules-requirement-unlisted"),
        "{found:?}"
    );

    let mhlw = std::fs::read_to_string(fixture("checklist-fy2025-institution.toml"))
        .unwrap()
        .replace("id = \"test-institution\"", "id = \"mhlw-institution\"")
        .replace("publisher = \"test\"", "publisher = \"mhlw\"");
    let path = dir.path().join("mhlw.toml");
    std::fs::write(&path, mhlw).unwrap();
    let (_, found) = lint(&path);
    assert!(
        found
            .iter()
            .any(|(c, s)| c == "rules-missing" && s == "warning"),
        "{found:?}"
    );
}

#[test]
fn every_bundled_checklist_has_rules_that_say_unknown_where_the_facts_do() {
    let out = medsec()
        .args(["checklist", "lint", "checklists/", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    for (path, checked_on, target, gate) in [
        (
            "checklists/mhlw/fy2023/institution.toml",
            "unknown",
            "unknown",
            "unknown",
        ),
        (
            "checklists/mhlw/fy2024/institution.toml",
            "unknown",
            "unknown",
            "on-form",
        ),
        (
            "checklists/mhlw/fy2025/institution.toml",
            "required",
            "fiscal-year",
            "unknown",
        ),
        (
            "checklists/mhlw/fy2025/vendor.toml",
            "required",
            "fiscal-year",
            "not-on-form",
        ),
    ] {
        let table: toml::Table =
            toml::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap();
        let rules = table["rules"].as_table().unwrap();
        assert_eq!(rules["checked_on"].as_str(), Some(checked_on), "{path}");
        assert_eq!(rules["target_date"].as_str(), Some(target), "{path}");
        assert_eq!(rules["gate"].as_str(), Some(gate), "{path}");
        assert_eq!(rules["round_2"].as_str(), Some("unknown"), "{path}");
    }
}
