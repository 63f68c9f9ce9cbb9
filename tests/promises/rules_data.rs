//! Fill-in rules as data (`[rules]` in the checklist file): status follows the rules of the
//! edition it checks, overdue target dates are findings, and lint checks the rules block.
use crate::common;
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
        text.contains("目標日2025-09-30(令和7年9月30日)を過ぎています"),
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

/// A signed report made against `checklist` (a file, not bundled into medsec), with the
/// security-manager item answered いいえ with `target`. Returns the work folder.
fn signed_report_with(checklist: &Path, target: jiff::civil::Date) -> tempfile::TempDir {
    signed_report_of(
        checklist,
        &format!(
            "item,answer,checked_on,target_date,note\n0,はい,2026-06-02,,\nsecurity-manager,いいえ,2026-06-02,{target},\n"
        ),
    )
}

/// As [`signed_report_with`], the answers imported from the sheet `csv`.
fn signed_report_of(checklist: &Path, csv: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    keygen(&w.join("hospital"));
    let c = w.join("own-checklist.toml");
    std::fs::copy(checklist, &c).unwrap();
    let o = medsec()
        .current_dir(w)
        .arg("--checklist")
        .arg(&c)
        .args(["init", "--out", "clinic.toml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let text = std::fs::read_to_string(w.join("clinic.toml"))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト診療所\"")
        .replace("code = \"\"", "code = \"0110113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"clinic\"")
        .replace("manager = \"\"", "manager = \"山田太郎\"")
        .replace("security_manager = \"\"", "security_manager = \"佐藤花子\"")
        .replace("answered_by = \"\"", "answered_by = \"佐藤花子\"")
        .replace("contract = \"\"", "contract = false");
    std::fs::write(w.join("clinic.toml"), text).unwrap();
    std::fs::write(w.join("sheet.csv"), csv).unwrap();
    let o = medsec()
        .current_dir(w)
        .arg("--checklist")
        .arg(&c)
        .args(["answer", "clinic.toml", "--import", "sheet.csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let o = medsec()
        .current_dir(w)
        .arg("--checklist")
        .arg(&c)
        .args([
            "report",
            "--answers",
            "clinic.toml",
            "--out",
            "bundle",
            "--sign",
            "hospital.key",
        ])
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)) && w.join("bundle/report.json").is_file(),
        "{}{}",
        stdout_of(&o),
        stderr_of(&o)
    );
    // The inspector has only medsec: the checklist file is not on their machine.
    std::fs::remove_file(&c).unwrap();
    tmp
}

/// `verify --format json` of the bundle in `w`, as of `as_of`: exit code and the findings.
fn verify_in(w: &Path, as_of: &str) -> (i32, Vec<(String, String)>) {
    verify_with(w, "hospital.pub", as_of)
}

fn verify_with(w: &Path, pubkey: &str, as_of: &str) -> (i32, Vec<(String, String)>) {
    let out = medsec()
        .current_dir(w)
        .args([
            "verify", "bundle", "--pubkey", pubkey, "--format", "json", "--as-of", as_of,
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    let mut found = Vec::new();
    let bundles = json["bundles"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| vec![json.clone()]);
    for b in bundles {
        for f in b["findings"].as_array().unwrap() {
            found.push((
                f["code"].as_str().unwrap().to_owned(),
                f["class"].as_str().unwrap_or("").to_owned(),
            ));
        }
    }
    (out.status.code().unwrap(), found)
}

fn today_in_japan() -> jiff::civil::Date {
    medsec::dates::date_in_japan(jiff::Timestamp::now())
}

#[test]
fn a_report_carries_its_checklist_and_verify_uses_it_and_says_it_is_not_official() {
    let target = today_in_japan()
        .checked_add(jiff::Span::new().days(30))
        .unwrap();
    let tmp = signed_report_with(&fixture("checklists/good/fy2026-institution.toml"), target);
    let w = tmp.path();
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(w.join("bundle/report.json")).unwrap()).unwrap();
    let carried = report["answers"]["checklist"]["file"].as_str().unwrap();
    assert_eq!(carried, "checklists/mhlw-institution-fy2026.toml");
    assert_eq!(report["checklist"]["file"], carried);
    let manifest = std::fs::read_to_string(w.join("bundle/MANIFEST.sha256")).unwrap();
    assert!(
        manifest.contains(carried),
        "listed in the signed manifest: {manifest}"
    );

    // Checked now: the carried checklist is used (no checklist-unknown), and said to be no
    // official form; the target date has not passed.
    let today = today_in_japan().to_string();
    let (code, found) = verify_in(w, &today);
    // 0, or 1 once the fiscal year of the report is past (`fiscal-year-other`).
    assert!(code <= 1, "{found:?}");
    assert!(
        !found.iter().any(|(c, _)| c == "checklist-unknown"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(c, _)| c == "checklist-not-official"),
        "{found:?}"
    );
    assert!(!found
        .iter()
        .any(|(c, _)| c == "target-date-passed-since-signing"));
    assert!(
        !found.iter().any(|(c, _)| c == "findings-disagree"),
        "{found:?}"
    );

    // Checked after the target date: a note, never a disagreement with the signed findings
    // (the re-run judges "overdue" as of the report's own date).
    let later = target
        .checked_add(jiff::Span::new().days(30))
        .unwrap()
        .to_string();
    let (code, found) = verify_in(w, &later);
    assert!(code <= 1, "{found:?}");
    assert!(
        found
            .iter()
            .any(|(c, k)| c == "target-date-passed-since-signing" && k == "note"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(c, _)| c == "findings-disagree"),
        "{found:?}"
    );
}

#[test]
fn a_carried_checklist_from_a_known_official_workbook_is_said_to_be_so() {
    let dir = tempfile::tempdir().unwrap();
    let official = "workbook:001716187.xlsx#sha256=b811208b1d29fe0f3310adf810aa3b072e6272eb3669de768b79949b6872c987";
    let text = std::fs::read_to_string(fixture("checklists/good/fy2026-institution.toml"))
        .unwrap()
        .replace(
            "[[items]]\n",
            &format!("[[items]]\nsources = [\"{official}\"]\n"),
        );
    let path = dir.path().join("imported.toml");
    std::fs::write(&path, text).unwrap();
    let target = today_in_japan()
        .checked_add(jiff::Span::new().days(30))
        .unwrap();
    let tmp = signed_report_with(&path, target);
    let (code, found) = verify_in(tmp.path(), &today_in_japan().to_string());
    // Its wording is not confirmed against the workbook until the inspector gives it.
    assert_eq!(code, 1, "{found:?}");
    assert!(
        found
            .iter()
            .any(|(c, k)| c == "checklist-official-unconfirmed" && k == "finding"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(c, _)| c == "checklist-not-official"),
        "{found:?}"
    );
}

#[test]
fn without_the_checklist_file_an_unknown_checklist_is_said() {
    let target = today_in_japan()
        .checked_add(jiff::Span::new().days(30))
        .unwrap();
    let tmp = signed_report_with(&fixture("checklists/good/fy2026-institution.toml"), target);
    let w = tmp.path();
    // A bundle as an older medsec made it: no checklist file carried, none named. Re-signed
    // so that only the missing checklist is at issue.
    let mut report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(w.join("bundle/report.json")).unwrap()).unwrap();
    let carried = report["checklist"]["file"].as_str().unwrap().to_owned();
    report["checklist"].as_object_mut().unwrap().remove("file");
    report["answers"]["checklist"]
        .as_object_mut()
        .unwrap()
        .remove("file");
    std::fs::write(
        w.join("bundle/report.json"),
        serde_json::to_vec_pretty(&report).unwrap(),
    )
    .unwrap();
    std::fs::remove_file(w.join("bundle").join(&carried)).unwrap();
    let key = common::bundle::TestKey::new(w, "resigned");
    key.sign_bundle(&w.join("bundle"), None);
    let (code, found) = verify_with(w, "resigned.pub", &today_in_japan().to_string());
    assert!(
        found.iter().any(|(c, _)| c == "checklist-unknown"),
        "{code} {found:?}"
    );
}

#[test]
fn a_carried_checklist_that_is_not_the_one_the_report_names_is_refused() {
    let target = today_in_japan()
        .checked_add(jiff::Span::new().days(30))
        .unwrap();
    let tmp = signed_report_with(&fixture("checklists/good/fy2026-institution.toml"), target);
    let w = tmp.path();
    let bundle = w.join("bundle");
    let carried = bundle.join("checklists/mhlw-institution-fy2026.toml");
    let original = std::fs::read_to_string(&carried).unwrap();
    let key = common::bundle::TestKey::new(w, "resigned");
    // Other wording, signed as it is now: its digest is not the one report.json names.
    std::fs::write(
        &carried,
        original.replace("テスト用の項目。", "書き換えた項目。"),
    )
    .unwrap();
    key.sign_bundle(&bundle, None);
    let (code, found) = verify_with(w, "resigned.pub", &today_in_japan().to_string());
    assert_eq!(code, 3, "{found:?}");
    assert!(
        found
            .iter()
            .any(|(c, k)| c == "checklist-file-mismatch" && k == "integrity"),
        "{found:?}"
    );
    // Not a checklist at all.
    std::fs::write(&carried, "this is not a checklist").unwrap();
    key.sign_bundle(&bundle, None);
    let (code, found) = verify_with(w, "resigned.pub", &today_in_japan().to_string());
    assert!(
        found.iter().any(|(c, _)| c == "checklist-file-invalid"),
        "{code} {found:?}"
    );
    assert!(code >= 2, "{found:?}");
}

#[test]
fn list_and_show_give_the_guideline_version_and_the_rules() {
    let out = medsec()
        .env("LANG", "ja_JP.UTF-8")
        .args(["checklist", "list"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.contains("ガイドライン"), "{text}");
    assert!(text.contains("6.0"), "{text}");
    let out = medsec()
        .env("LANG", "ja_JP.UTF-8")
        .args(["checklist", "show", "mhlw-institution@fy2024"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("記入のルール: 確認日: 項目ごとの確認日の欄が様式にあるかは不明、目標日: 期間は様式からは不明、2回目: 様式にあるかは不明、前提の質問: 様式にあり"),
        "{text}"
    );
}

#[test]
fn init_refuses_a_form_that_does_not_serve_the_institutions_kind() {
    let dir = tempfile::tempdir().unwrap();
    let last = answers(
        dir.path(),
        "mhlw-institution@fy2024",
        &answer("security-manager", "はい", "checked_on = 2024-07-01\n"),
    );
    let text = std::fs::read_to_string(&last).unwrap()
        + "[institution]\nname = \"テスト薬局\"\nkind = \"pharmacy\"\n";
    std::fs::write(&last, text).unwrap();
    let out = medsec()
        .current_dir(dir.path())
        .args(["init", "--from", "answers.toml", "--out", "new.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("does not serve"),
        "{}",
        stderr_of(&out)
    );
    assert!(!dir.path().join("new.toml").exists(), "nothing is written");
    // The same answers on the institution form, as status sees them: kind-not-served.
    let found = findings(&last, "2024-09-01", &[]);
    assert!(
        found.iter().any(|(c, _, _)| c == "kind-not-served"),
        "{found:?}"
    );
}

#[test]
fn status_of_a_bundle_uses_the_checklist_it_carries() {
    let target = today_in_japan()
        .checked_add(jiff::Span::new().days(30))
        .unwrap();
    let tmp = signed_report_with(&fixture("checklists/good/fy2026-institution.toml"), target);
    let out = medsec()
        .current_dir(tmp.path())
        .args(["status", "--format", "json", "bundle"])
        .output()
        .unwrap();
    let text = stdout_of(&out) + &stderr_of(&out);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{text}");
    assert!(!text.contains("unknown-checklist"), "{text}");
}

/// An answers file made before the bundled checklists carried `[rules]` names the digest of the
/// same wording without them (FY2025 institution form, `sha256:fa264c9f…`): status accepts it as
/// the same checklist; any other digest is still a mismatch.
#[test]
fn an_answers_file_naming_the_digest_from_before_the_rules_block_is_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let before_rules = "sha256:fa264c9fe4dcab7cebfeb1e78fe2294c0648c3f9b1c666a40906260c4ae5ccd9";
    let codes = |digest: &str| -> Vec<String> {
        let file = answers(
            tmp.path(),
            "mhlw-institution@fy2025",
            &format!("digest = \"{digest}\"\n"),
        );
        findings(&file, "2025-11-01", &[])
            .into_iter()
            .map(|(code, _, _)| code)
            .collect()
    };
    let old = codes(before_rules);
    assert!(
        !old.contains(&"checklist-digest-mismatch".to_owned()),
        "{old:?}"
    );
    let other = codes(&before_rules.replace("ccd9", "ccd8"));
    assert!(
        other.contains(&"checklist-digest-mismatch".to_owned()),
        "{other:?}"
    );
}

/// A いいえ whose target date is the report's own day was not overdue when it was signed; once
/// that day has passed, verify says so (the note), on the first day after it and later, and
/// not on the day itself.
#[test]
fn a_target_date_on_the_day_of_signing_is_said_once_it_has_passed() {
    let today = today_in_japan();
    let tmp = signed_report_with(&fixture("checklists/good/fy2026-institution.toml"), today);
    let w = tmp.path();
    let passed = |as_of: jiff::civil::Date| {
        let (code, found) = verify_in(w, &as_of.to_string());
        assert!(code <= 1, "{found:?}");
        assert!(
            !found.iter().any(|(c, _)| c == "findings-disagree"),
            "{found:?}"
        );
        found
            .iter()
            .any(|(c, k)| c == "target-date-passed-since-signing" && k == "note")
    };
    assert!(!passed(today));
    assert!(passed(today.tomorrow().unwrap()));
}

/// A いいえ answered again in a later round (はい) is no longer open: no note that its target
/// date has passed.
#[test]
fn a_target_date_answered_in_a_later_round_is_not_said_to_have_passed() {
    let today = today_in_japan();
    let tmp = signed_report_of(
        &fixture("checklists/good/fy2026-institution.toml"),
        &format!(
            "item,round,answer,checked_on,target_date,note\n0,1,はい,2026-06-02,,\nsecurity-manager,1,いいえ,2026-06-02,{today},\nsecurity-manager,2,はい,{today},,\n"
        ),
    );
    let (code, found) = verify_in(tmp.path(), &today.tomorrow().unwrap().to_string());
    assert!(code <= 1, "{found:?}");
    assert!(
        !found
            .iter()
            .any(|(c, _)| c == "target-date-passed-since-signing" || c == "findings-disagree"),
        "{found:?}"
    );
}

/// `status` of a bundle that carries this year's checklist does not say this year's form is
/// not registered (the checklist is right there); without the bundle, `status` of an answers
/// file on the bundled editions still says it.
#[test]
fn status_of_a_bundle_carrying_this_years_checklist_has_no_edition_notice() {
    let target = today_in_japan()
        .checked_add(jiff::Span::new().days(30))
        .unwrap();
    let tmp = signed_report_with(&fixture("checklists/good/fy2026-institution.toml"), target);
    let w = tmp.path();
    // The fixture is FY2026: once that year is past, its bundle is no longer this year's.
    let this_year = medsec::dates::fiscal_year_of(today_in_japan()) == 2026;
    for lang in ["en", "ja"] {
        let o = medsec()
            .current_dir(w)
            .args(["--lang", lang, "status", "bundle"])
            .output()
            .unwrap();
        let err = stderr_of(&o);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{err}");
        assert!(!stdout_of(&o).is_empty(), "{err}");
        if this_year {
            assert!(!err.contains("checklist import"), "{lang}: {err}");
        }
    }
    let o = medsec()
        .current_dir(w)
        .args(["--lang", "en", "status", "bundle/report.json"])
        .output()
        .unwrap();
    if this_year {
        assert!(
            !stderr_of(&o).contains("checklist import"),
            "{}",
            stderr_of(&o)
        );
    }
    // An answers file on a bundled (older) edition: the notice is there.
    let o = medsec()
        .current_dir(w)
        .args(["--lang", "en", "init", "--out", "old.toml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let o = medsec()
        .current_dir(w)
        .args(["--lang", "en", "status", "old.toml"])
        .output()
        .unwrap();
    assert!(
        stderr_of(&o).contains("checklist import"),
        "{}",
        stderr_of(&o)
    );
}

/// Dates on the boundary of each date rule are inside it: a 確認日 on the evaluation date is not
/// in the future, a 目標日 on the first day of the fiscal year (and on its own 確認日) is
/// neither outside the year nor before the check; a day further is a finding.
#[test]
fn dates_on_the_boundary_of_each_rule_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let codes_of = |extra: &str, as_of: &str| -> Vec<String> {
        let f = answers(
            dir.path(),
            "mhlw-institution@fy2025",
            &answer("security-manager", "いいえ", extra),
        );
        findings(&f, as_of, &[])
            .into_iter()
            .filter(|(_, _, item)| item == "security-manager")
            .map(|(code, _, _)| code)
            .collect()
    };
    let first_day = "checked_on = 2025-04-01\ntarget_date = 2025-04-01\n";
    let found = codes_of(first_day, "2025-04-01");
    for code in [
        "date-in-future",
        "checked-before-fiscal-year",
        "target-date-outside-fiscal-year",
        "target-before-checked-on",
        "target-date-overdue",
    ] {
        assert!(!found.iter().any(|c| c == code), "{code}: {found:?}");
    }
    // A 確認日 one day after the evaluation date is in the future.
    let found = codes_of(first_day, "2025-03-31");
    assert!(found.iter().any(|c| c == "date-in-future"), "{found:?}");
    // A 目標日 one day before its 確認日 was already past when the item was checked.
    let found = codes_of(
        "checked_on = 2025-04-02\ntarget_date = 2025-04-01\n",
        "2025-04-02",
    );
    assert!(
        found.iter().any(|c| c == "target-before-checked-on"),
        "{found:?}"
    );
    // A 確認日 on the last day of the fiscal year is inside it; a day later, last year's form
    // is being answered this year (a warning, before verify's `fiscal-year-other`).
    let last_day = "checked_on = 2026-03-31\ntarget_date = 2026-03-31\n";
    let found = codes_of(last_day, "2026-12-01");
    assert!(
        !found.iter().any(|c| c == "checked-after-fiscal-year"),
        "{found:?}"
    );
    let found = codes_of(
        "checked_on = 2026-04-01\ntarget_date = 2026-03-31\n",
        "2026-12-01",
    );
    assert!(
        found.iter().any(|c| c == "checked-after-fiscal-year"),
        "{found:?}"
    );
}

/// The gate question switches the other items off as the edition's `[rules] gate` says: on the
/// form (or unknown), いいえ leaves nothing unanswered; `not-on-form`, the gate is not asked and
/// the items stay required. An item whose requirement is not `required` is never unanswered,
/// even where `reference_only` lists nothing.
#[test]
fn the_gate_and_the_reference_only_items_follow_the_editions_rules() {
    let dir = tempfile::tempdir().unwrap();
    let gate_no = answer("medical-information-system", "いいえ", "");
    let unanswered = |rules: &str, answers_text: &str| -> Vec<String> {
        let c = checklist_with_rules(dir.path(), rules);
        let f = answers(dir.path(), "test-institution@fy2025", answers_text);
        findings(&f, "2025-09-01", &[&c])
            .into_iter()
            .filter(|(code, _, _)| code == "unanswered")
            .map(|(_, _, item)| item)
            .collect()
    };
    assert_eq!(unanswered(RULES, &gate_no), Vec::<String>::new());
    let not_on_form = RULES.replace("gate = \"on-form\"", "gate = \"not-on-form\"");
    assert!(
        unanswered(&not_on_form, &gate_no).contains(&"security-manager".to_owned()),
        "{:?}",
        unanswered(&not_on_form, &gate_no)
    );
    // The bundled FY2025 form: the gate's place is not confirmed (`unknown`), it still counts.
    let f = answers(dir.path(), "mhlw-institution@fy2025", &gate_no);
    let found = findings(&f, "2025-09-01", &[]);
    assert!(
        !found.iter().any(|(c, _, _)| c == "unanswered"),
        "{found:?}"
    );
    // Every required item answered; the recommended two-factor-authentication is not.
    let all_yes: String = [
        "medical-information-system",
        "security-manager",
        "remote-maintenance",
        "access-log-server",
    ]
    .iter()
    .map(|item| answer(item, "はい", ""))
    .collect();
    assert_eq!(unanswered(RULES, &all_yes), Vec::<String>::new());
}

/// 対象外 on a vendor form is not judged against the institution's conditions (the vendor
/// form cannot state them; its reason must): no `not-applicable-condition-unmet` there.
#[test]
fn not_applicable_on_a_vendor_form_is_not_judged_by_the_institutions_conditions() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[vendor]\nname = \"株式会社テストシステム\"\nsystem = \"電子カルテ\"\ncontact = \"03-0000-0000\"\nanswered_by = \"鈴木一郎\"\n".to_owned()
        + &answer(
            "security-manager",
            "対象外",
            "checked_on = 2025-07-01\nreason = \"保守契約の対象外の機器のみ\"\n",
        );
    let f = answers(dir.path(), "mhlw-vendor@fy2025", &text);
    let found = findings(&f, "2025-09-01", &[]);
    assert!(
        !found
            .iter()
            .any(|(c, _, _)| c.starts_with("not-applicable-")),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(c, _, _)| c == "missing-vendor-field"),
        "{found:?}"
    );
}

/// An own checklist leaving out an item every institution answers (`asset-ledger`, FY2025):
/// `status` says `base-item-required-out-of-scope` for it, an error; the gate question
/// answered いいえ (no medical information system) excuses it, as it excuses every item.
#[test]
fn a_required_base_item_left_out_is_a_finding_unless_the_gate_says_there_is_no_system() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("own.toml");
    let text = std::fs::read_to_string(fixture("own-checklist.toml"))
        .unwrap()
        .replacen(
            "[[sections]]",
            "[[out_of_scope]]\nitem = \"asset-ledger\"\nreason = { ja = \"当院の判断です。\", en = \"Our own decision.\" }\n\n[[sections]]",
            1,
        );
    std::fs::write(&own, text).unwrap();
    let left_out = |answers_text: &str| -> Vec<(String, String)> {
        let f = answers(dir.path(), "own-institution@fy2025", answers_text);
        findings(&f, "2025-09-01", &[&own])
            .into_iter()
            .filter(|(code, _, _)| code == "base-item-required-out-of-scope")
            .map(|(_, severity, item)| (severity, item))
            .collect()
    };
    let gate = |response: &str| {
        answer(
            "medical-information-system",
            response,
            "checked_on = 2025-07-01\n",
        )
    };
    let said = [("error".to_owned(), "asset-ledger".to_owned())];
    assert_eq!(left_out(&gate("はい")), said);
    assert_eq!(left_out(""), said);
    assert_eq!(left_out(&gate("いいえ")), []);
}
