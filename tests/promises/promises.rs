//! The promises of docs/answers.md, docs/probes.md and docs/exit-codes.md, each through the
//! binary as users meet it, each set up so that it fails when its promise is broken: every
//! status rule on an otherwise clean form, the worst exit code over several files, sheet import
//! and export, backup ages, counts and placement, a closed output pipe.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A clean institution form: every required item answered, no finding at all as on
/// 2025-09-01. Each rule test changes one thing in it.
const CLEAN: &str = r#"format_version = 1

[checklist]
id = "test-institution"
edition = "fy2025"
digest = "sha256:857dfe004e509c1b527212788bfa84277adc5024c7c6ba736986f1ae93696148"

[institution]
name = "テスト診療所"
code = "0110113719"
prefecture = "北海道"
kind = "clinic"
manager = "山田太郎"
security_manager = "佐藤花子"
answered_by = "佐藤花子"

[vendors]
contract = true
forms = ["vendor-a.toml"]

[[answers]]
item = "medical-information-system"
answer = "はい"
checked_on = 2025-06-02

[[answers]]
item = "security-manager"
answer = "はい"
checked_on = 2025-06-02

[[answers]]
item = "remote-maintenance"
answer = "はい"
checked_on = 2025-06-03

[[answers]]
item = "access-log-server"
answer = "いいえ"
checked_on = 2025-06-03
target_date = 2026-03-31
"#;

const GATE_YES: &str =
    "item = \"medical-information-system\"\nanswer = \"はい\"\nchecked_on = 2025-06-02\n";
const GATE_NO: &str =
    "item = \"medical-information-system\"\nanswer = \"いいえ\"\nchecked_on = 2025-06-02\ntarget_date = 2026-03-31\n";
const MANAGER_YES: &str =
    "item = \"security-manager\"\nanswer = \"はい\"\nchecked_on = 2025-06-02\n";
const REMOTE_YES: &str =
    "item = \"remote-maintenance\"\nanswer = \"はい\"\nchecked_on = 2025-06-03\n";
const CONTRACT: &str = "contract = true\nforms = [\"vendor-a.toml\"]\n";
const NO_CONTRACT: &str = "contract = false\nforms = []\n";

/// A folder holding `inst.toml` (CLEAN with each `(from, to)` replaced; every `from` must be
/// there) and the vendor form it lists.
fn form(changes: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut text = CLEAN.to_owned();
    for (from, to) in changes {
        assert!(text.contains(from), "the clean form has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    // An answer removed leaves its empty `[[answers]]` header behind: drop it.
    text = text.replace("[[answers]]\n\n", "");
    if let Some(t) = text.strip_suffix("[[answers]]\n") {
        text = t.to_owned();
    }
    let file = dir.path().join("inst.toml");
    std::fs::write(&file, text).unwrap();
    std::fs::copy(
        fixture("answers/vendor-a.toml"),
        dir.path().join("vendor-a.toml"),
    )
    .unwrap();
    (dir, file)
}

/// `medsec status --format json --as-of 2025-09-01 FILE...`: exit code and JSON.
fn status(files: &[&Path]) -> (i32, Value) {
    let out = with_fixtures()
        .args(["status", "--format", "json", "--as-of", "2025-09-01"])
        .args(files)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    (out.status.code().unwrap(), json)
}

/// Every finding and unusable-file diagnostic as (code, item).
fn findings(json: &Value) -> Vec<(String, String)> {
    let mut all = Vec::new();
    let mut take = |list: &Value| {
        for x in list.as_array().into_iter().flatten() {
            all.push((
                x["code"].as_str().unwrap_or_default().to_owned(),
                x["item"].as_str().unwrap_or_default().to_owned(),
            ));
        }
    };
    for f in json["forms"].as_array().into_iter().flatten() {
        take(&f["findings"]);
    }
    take(&json["findings"]);
    take(&json["unusable"]);
    all
}

fn codes(json: &Value) -> Vec<String> {
    findings(json).into_iter().map(|(c, _)| c).collect()
}

/// The form with these changes has exactly these findings (code, item; item "" for none) and
/// exits with `exit`.
fn assert_findings(changes: &[(&str, &str)], expected: &[(&str, &str)], exit: i32) {
    let (_dir, file) = form(changes);
    let (code, json) = status(&[&file]);
    let mut got = findings(&json);
    got.sort();
    let mut want: Vec<(String, String)> = expected
        .iter()
        .map(|(c, i)| ((*c).to_owned(), (*i).to_owned()))
        .collect();
    want.sort();
    assert_eq!(got, want, "{changes:?}: {json:#}");
    assert_eq!(code, exit, "{changes:?}: {json:#}");
}

#[test]
fn the_clean_form_has_no_finding() {
    assert_findings(&[], &[], 0);
}

#[test]
fn a_no_without_a_target_date_is_an_error() {
    assert_findings(
        &[("target_date = 2026-03-31\n", "")],
        &[("missing-target-date", "access-log-server")],
        1,
    );
}

#[test]
fn an_answer_without_its_date_checked_is_an_error() {
    assert_findings(
        &[(
            REMOTE_YES,
            "item = \"remote-maintenance\"\nanswer = \"はい\"\n",
        )],
        &[("missing-checked-on", "remote-maintenance")],
        1,
    );
}

#[test]
fn a_date_checked_before_the_fiscal_year_is_a_warning() {
    assert_findings(
        &[(
            REMOTE_YES,
            "item = \"remote-maintenance\"\nanswer = \"はい\"\nchecked_on = 2025-03-31\n",
        )],
        &[("checked-before-fiscal-year", "remote-maintenance")],
        0,
    );
    // The first day of the fiscal year is inside it.
    assert_findings(
        &[(
            REMOTE_YES,
            "item = \"remote-maintenance\"\nanswer = \"はい\"\nchecked_on = 2025-04-01\n",
        )],
        &[],
        0,
    );
}

#[test]
fn not_applicable_on_an_item_that_does_not_allow_it_is_an_error() {
    assert_findings(
        &[(
            "answer = \"いいえ\"\nchecked_on = 2025-06-03\ntarget_date = 2026-03-31\n",
            "answer = \"対象外\"\nchecked_on = 2025-06-03\nreason = \"サーバなし\"\n",
        )],
        &[("not-applicable-not-allowed", "access-log-server")],
        1,
    );
}

#[test]
fn not_applicable_needs_its_condition_stated_in_the_file() {
    let remote_na =
        "item = \"remote-maintenance\"\nanswer = \"対象外\"\nchecked_on = 2025-06-03\nreason = \"契約なし\"\n";
    // Allowed only without a vendor contract: the file says there is one.
    assert_findings(
        &[(REMOTE_YES, remote_na)],
        &[("not-applicable-condition-unmet", "remote-maintenance")],
        1,
    );
    // The file says there is none: the condition holds.
    assert_findings(&[(REMOTE_YES, remote_na), (CONTRACT, NO_CONTRACT)], &[], 0);

    // Allowed only without a medical information system: the gate says there is one.
    let manager_na =
        "item = \"security-manager\"\nanswer = \"対象外\"\nchecked_on = 2025-06-02\nreason = \"システムなし\"\n";
    assert_findings(
        &[(MANAGER_YES, manager_na)],
        &[("not-applicable-condition-unmet", "security-manager")],
        1,
    );
    assert_findings(&[(GATE_YES, GATE_NO), (MANAGER_YES, manager_na)], &[], 0);
}

#[test]
fn not_applicable_without_a_reason_is_a_warning() {
    assert_findings(
        &[
            (CONTRACT, NO_CONTRACT),
            (
                REMOTE_YES,
                "item = \"remote-maintenance\"\nanswer = \"対象外\"\nchecked_on = 2025-06-03\n",
            ),
        ],
        &[("not-applicable-without-reason", "remote-maintenance")],
        0,
    );
}

#[test]
fn the_gate_question_answered_no_switches_the_other_items_off() {
    let others = [(MANAGER_YES, ""), (REMOTE_YES, ""), (
        "[[answers]]\nitem = \"access-log-server\"\nanswer = \"いいえ\"\nchecked_on = 2025-06-03\ntarget_date = 2026-03-31\n",
        "",
    )];
    let mut closed = vec![(GATE_YES, GATE_NO)];
    closed.extend(others);
    assert_findings(&closed, &[], 0);
    // いいえ to the gate needs no target date: an institution without a medical information
    // system can reach "complete".
    const GATE_NO_WITHOUT_TARGET: &str =
        "item = \"medical-information-system\"\nanswer = \"いいえ\"\nchecked_on = 2025-06-02\n";
    let mut closed = vec![(GATE_YES, GATE_NO_WITHOUT_TARGET)];
    closed.extend(others);
    assert_findings(&closed, &[], 0);
    // Answered はい, the same empty items are missing.
    assert_findings(
        &others,
        &[
            ("unanswered", "security-manager"),
            ("unanswered", "remote-maintenance"),
            ("unanswered", "access-log-server"),
        ],
        1,
    );
}

#[test]
fn without_a_vendor_contract_the_vendor_items_are_not_required() {
    assert_findings(&[(CONTRACT, NO_CONTRACT), (REMOTE_YES, "")], &[], 0);
    assert_findings(
        &[(REMOTE_YES, "")],
        &[("unanswered", "remote-maintenance")],
        1,
    );
}

#[test]
fn the_checklist_digest_is_checked() {
    let digest =
        "digest = \"sha256:857dfe004e509c1b527212788bfa84277adc5024c7c6ba736986f1ae93696148\"\n";
    assert_findings(
        &[(digest, "digest = \"sha256:0000000000000000000000000000000000000000000000000000000000000000\"\n")],
        &[("checklist-digest-mismatch", "")],
        1,
    );
    assert_findings(&[(digest, "")], &[("checklist-digest-missing", "")], 0);
}

#[test]
fn institution_details_are_checked() {
    assert_findings(
        &[("manager = \"山田太郎\"\n", "")],
        &[("missing-institution-field", "")],
        1,
    );
    for bad in ["0110113", "0190113719"] {
        let (_dir, file) = form(&[("code = \"0110113719\"", &format!("code = \"{bad}\""))]);
        let (code, json) = status(&[&file]);
        assert!(
            codes(&json).contains(&"invalid-institution-code".to_owned()),
            "{bad}: {json:#}"
        );
        assert_eq!(code, 1, "{bad}");
    }
    // A pharmacy on the institution form (which serves hospitals and clinics).
    let (_dir, file) = form(&[("kind = \"clinic\"", "kind = \"pharmacy\"")]);
    let (code, json) = status(&[&file]);
    assert!(
        codes(&json).contains(&"kind-not-served".to_owned()),
        "{json:#}"
    );
    // ... whose fee-table digit (1, medical) does not fit a pharmacy (4).
    assert!(
        codes(&json).contains(&"institution-code-kind-mismatch".to_owned()),
        "{json:#}"
    );
    assert_eq!(code, 1);
    // A wrong check digit is a warning only (the rule is not from a primary source).
    assert_findings(
        &[("code = \"0110113719\"", "code = \"0110113718\"")],
        &[("institution-code-check-digit", "")],
        0,
    );
}

#[test]
fn the_vendor_contract_must_be_stated() {
    assert_findings(
        &[(CONTRACT, "forms = []\n"), (REMOTE_YES, "")],
        &[
            ("vendor-contract-unspecified", ""),
            ("unanswered", "remote-maintenance"),
        ],
        1,
    );
}

#[test]
fn vendor_forms_name_the_vendor() {
    let (dir, file) = form(&[]);
    let vendor = dir.path().join("vendor-a.toml");
    let text = std::fs::read_to_string(&vendor).unwrap();
    let without = text.replace("contact = \"03-0000-0000\"\n", "");
    assert_ne!(text, without);
    std::fs::write(&vendor, without).unwrap();
    let (code, json) = status(&[&file]);
    assert_eq!(codes(&json), vec!["missing-vendor-field"], "{json:#}");
    assert_eq!(json["forms"][1]["role"], "vendor");
    assert_eq!(code, 1);
}

#[test]
fn the_status_table_lists_every_finding_with_its_place() {
    let (dir, file) = form(&[
        ("target_date = 2026-03-31\n", ""),
        ("manager = \"山田太郎\"\n", ""),
    ]);
    let out = with_fixtures()
        .args(["status", "--as-of", "2025-09-01"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout_of(&out);
    let inst = dir.path().join("inst.toml").display().to_string();
    for code in ["missing-target-date", "missing-institution-field"] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&inst) && l.contains(&format!("error[{code}]"))),
            "{code}: {text}"
        );
    }
    assert!(text.contains("incomplete: 2 errors"), "{text}");
}

#[test]
fn findings_point_at_the_table_they_concern() {
    let line_of = |changes: &[(&str, &str)], code: &str| -> u64 {
        let (_dir, file) = form(changes);
        let (_, json) = status(&[&file]);
        let f = json["forms"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .chain(json["findings"].as_array().unwrap())
            .find(|f| f["code"] == code)
            .unwrap_or_else(|| panic!("no {code}: {json:#}"))
            .clone();
        f["line"].as_u64().unwrap()
    };
    // [checklist] is line 3, [institution] line 8, [vendors] line 17 of the clean form.
    let digest =
        "digest = \"sha256:857dfe004e509c1b527212788bfa84277adc5024c7c6ba736986f1ae93696148\"\n";
    assert_eq!(line_of(&[(digest, "")], "checklist-digest-missing"), 3);
    assert_eq!(
        line_of(
            &[("manager = \"山田太郎\"\n", "")],
            "missing-institution-field"
        ),
        8
    );
    assert_eq!(
        line_of(&[(CONTRACT, "forms = []\n")], "vendor-contract-unspecified"),
        17
    );
    assert_eq!(
        line_of(
            &[(CONTRACT, "contract = true\nforms = []\n")],
            "vendor-form-missing"
        ),
        17
    );
    // An answer's finding points at its entry.
    assert_eq!(
        line_of(&[("target_date = 2026-03-31\n", "")], "missing-target-date"),
        36
    );
}

#[test]
fn the_report_records_the_status_findings() {
    let (dir, file) = form(&[("target_date = 2026-03-31\n", "")]);
    let bundle = dir.path().join("bundle");
    let out = with_fixtures()
        .args(["report", "--answers"])
        .arg(&file)
        .arg("--out")
        .arg(&bundle)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let report: Value =
        serde_json::from_slice(&std::fs::read(bundle.join("report.json")).unwrap()).unwrap();
    let found: Vec<(&str, &str, &str, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["item"].as_str().unwrap_or_default(),
                f["file"].as_str().unwrap_or_default(),
                f["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![("missing-target-date", "access-log-server", "inst.toml", 36)]
    );
}

#[test]
fn reading_problems_make_the_file_unusable_with_their_codes() {
    for (change, code) in [
        (
            (
                "item = \"remote-maintenance\"\n",
                "item = \"remote-maintenance\"\nround = 3\n",
            ),
            "invalid-round",
        ),
        (("kind = \"clinic\"", "kind = \"zoo\""), "invalid-value"),
        (("item = \"remote-maintenance\"\n", ""), "missing-field"),
        (("contract = true", "contract = \"yes\""), "wrong-type"),
    ] {
        let (_dir, file) = form(&[change]);
        let (exit, json) = status(&[&file]);
        assert_eq!(exit, 2, "{code}: {json:#}");
        assert_eq!(json["usable"], false, "{code}");
        assert!(codes(&json).contains(&code.to_owned()), "{code}: {json:#}");
    }
}

#[test]
fn yaml_findings_point_at_their_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inst.yaml");
    std::fs::write(
        &file,
        "format_version: 1\nchecklist:\n  id: test-institution\n  edition: fy2025\n  \
         digest: \"sha256:857dfe004e509c1b527212788bfa84277adc5024c7c6ba736986f1ae93696148\"\n\
         institution:\n  name: テスト診療所\n  code: \"0110113719\"\n  prefecture: 北海道\n  \
         kind: clinic\n  security_manager: 佐藤花子\n  answered_by: 佐藤花子\n\
         vendors:\n  forms: []\n\
         answers:\n  - item: medical-information-system\n    answer: はい\n    checked_on: 2025-06-02\n",
    )
    .unwrap();
    let (code, json) = status(&[&file]);
    assert_eq!(code, 1);
    let mut lines: Vec<(String, u64)> = json["forms"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    lines.sort();
    lines.dedup();
    assert_eq!(
        lines,
        [
            ("missing-institution-field".to_owned(), 6),
            ("unanswered".to_owned(), 2),
            ("vendor-contract-unspecified".to_owned(), 13),
        ],
        "{json:#}"
    );
}

#[test]
fn over_several_files_the_worst_exit_code_wins() {
    let (_dir, incomplete) = form(&[("target_date = 2026-03-31\n", "")]);
    let unusable = fixture("answers/not-utf8.toml");
    let clean = form(&[]);
    for files in [
        [incomplete.as_path(), unusable.as_path()],
        [unusable.as_path(), incomplete.as_path()],
    ] {
        let (code, json) = status(&files);
        assert_eq!(
            code, 2,
            "unusable wins over incomplete: {files:?}: {json:#}"
        );
    }
    for files in [
        [incomplete.as_path(), clean.1.as_path()],
        [clean.1.as_path(), incomplete.as_path()],
    ] {
        let (code, _) = status(&files);
        assert_eq!(code, 1, "incomplete wins over complete: {files:?}");
    }
}

// ---- Sheets: import and export ----

/// Import `sheet` (CSV text) into a form with these changes: exit code, stderr, the file after.
fn import(changes: &[(&str, &str)], sheet: &str) -> (i32, String, String, tempfile::TempDir) {
    let (dir, file) = form(changes);
    let csv = dir.path().join("sheet.csv");
    std::fs::write(&csv, sheet).unwrap();
    let out = with_fixtures()
        .arg("answer")
        .arg(&file)
        .arg("--import")
        .arg(&csv)
        .output()
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    (out.status.code().unwrap(), stderr_of(&out), text, dir)
}

#[test]
fn duplicate_rows_in_a_sheet_change_nothing() {
    // The same item by ID and by number, in the same round.
    let sheet = "item,answer,checked_on\nsecurity-manager,はい,2025-07-01\n1-①,いいえ,2025-07-02\n";
    let (code, err, text, _dir) = import(&[], sheet);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("answered twice") && err.contains("row 2"),
        "{err}"
    );
    assert_eq!(text, CLEAN, "nothing is written");
    // Different rounds of one item are not duplicates.
    let sheet =
        "item,answer,checked_on,round\nsecurity-manager,はい,2025-07-01,1\n1-①,はい,2025-07-02,2\n";
    let (code, err, _, _dir) = import(&[], sheet);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn japanese_headers_with_round_and_reason_columns() {
    let sheet = "回,項目,回答,確認日,目標日,備考,理由\n\
                 2,2-⑩,いいえ,2025-08-20,2026-02-28,二回目,\n\
                 1,remote-maintenance,対象外,2025-07-01,,,契約なし\n";
    let (code, err, text, dir) = import(&[(CONTRACT, NO_CONTRACT)], sheet);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("round = 2"), "{text}");
    assert!(text.contains("target_date = 2026-02-28"), "{text}");
    assert!(text.contains("note = \"二回目\""), "{text}");
    assert!(text.contains("reason = \"契約なし\""), "{text}");
    let (code, json) = status(&[&dir.path().join("inst.toml")]);
    assert_eq!(code, 0, "{json:#}");
    let open: Vec<(u64, &str)> = json["forms"][0]["open_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["round"].as_u64().unwrap(),
                o["target_date"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(open, vec![(1, "2026-03-31"), (2, "2026-02-28")], "{json:#}");
}

#[test]
fn import_clears_the_carried_forward_marks() {
    let carried = "item = \"security-manager\"\ncarried_from = \"fy2024\"\nreview = \"reworded\"\nanswer = \"はい\"\n";
    let (_dir, file) = form(&[(MANAGER_YES, carried)]);
    let (code, json) = status(&[&file]);
    assert_eq!(code, 1);
    let before = codes(&json);
    assert!(
        before.contains(&"carried-forward-unconfirmed".to_owned()),
        "{json:#}"
    );
    assert!(before.contains(&"needs-review".to_owned()), "{json:#}");

    let sheet = "item,answer,checked_on\nsecurity-manager,はい,2025-07-01\n";
    let (code, err, text, dir) = import(&[(MANAGER_YES, carried)], sheet);
    assert_eq!(code, 0, "{err}");
    assert!(!text.contains("carried_from"), "{text}");
    assert!(!text.contains("review ="), "{text}");
    let (code, json) = status(&[&dir.path().join("inst.toml")]);
    assert_eq!(code, 0, "{json:#}");
    assert!(codes(&json).is_empty(), "{json:#}");
}

#[test]
fn csv_export_is_utf8_with_a_bom_and_imports_back() {
    let (dir, file) = form(&[]);
    let csv = dir.path().join("out.csv");
    with_fixtures()
        .arg("answer")
        .arg(&file)
        .arg("--export")
        .arg(&csv)
        .assert()
        .success();
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "number,scope,text,round,answer,checked_on,target_date,reason,note,item"
    );
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.iter().any(|r| r.starts_with("2-⑩,servers,")
            && r.contains(",1,いいえ,2025-06-03,2026-03-31,")
            && r.ends_with(",access-log-server")),
        "{text}"
    );
    // Exporting over an existing file needs --force.
    with_fixtures()
        .arg("answer")
        .arg(&file)
        .arg("--export")
        .arg(&csv)
        .assert()
        .code(2);

    // Changed in the sheet and imported back.
    let changed = text.replace(
        ",1,いいえ,2025-06-03,2026-03-31,",
        ",1,いいえ,2025-06-03,2026-01-15,",
    );
    assert_ne!(changed, text);
    std::fs::write(&csv, changed).unwrap();
    with_fixtures()
        .arg("answer")
        .arg(&file)
        .arg("--import")
        .arg(&csv)
        .assert()
        .success();
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(after.contains("target_date = 2026-01-15"), "{after}");
}

// ---- Probes: backup ages, counts, placement ----

fn probe(config: &str, root: Option<&Path>, path_prefix: Option<&Path>) -> (Value, i32) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    let mut cmd = medsec();
    cmd.args(["probe", "--format", "json", "--config"])
        .arg(&cfg);
    if let Some(r) = root {
        cmd.arg("--root").arg(r);
    }
    if let Some(p) = path_prefix {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut all = vec![p.to_owned()];
        all.extend(std::env::split_paths(&path));
        cmd.env("PATH", std::env::join_paths(all).unwrap());
    }
    let out = cmd.output().unwrap();
    let ev =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&out)));
    (ev, out.status.code().unwrap())
}

fn set_mtime(path: &Path, ago: std::time::Duration) {
    let when = std::time::SystemTime::now() - ago;
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

const DAY: u64 = 86_400;

fn backup_folder(files: &[(&str, usize, u64)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, size, age_secs) in files {
        let p = dir.path().join(name);
        std::fs::write(&p, vec![b'x'; *size]).unwrap();
        set_mtime(&p, std::time::Duration::from_secs(*age_secs));
    }
    dir
}

fn folder_config(path: &Path, extra: &str) -> String {
    format!(
        "[[probe]]\nkind = \"backup-freshness\"\npath = '{}'\n{extra}",
        path.display()
    )
}

// Windows keeps no change time (ctime): a copy that kept old file times looks old there.
#[cfg(unix)]
#[test]
fn a_copy_with_old_file_times_is_fresh_by_its_change_time() {
    // Copy tools keep the source's mtime; the ctime says when the copy was made (now).
    let dir = backup_folder(&[("karte.dump", 10, 40 * DAY)]);
    let (ev, code) = probe(&folder_config(dir.path(), "max_age = \"7d\"\n"), None, None);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "pass", "{r}");
    // On the machine's own root filesystem (no --root), the backup is online: said so.
    assert!(
        r["warning_details"]
            .to_string()
            .contains("\"on-root-filesystem\"")
            || r["observed"]["placement"]["separate_mount"] == true,
        "{r}"
    );
    assert_eq!(code, 0);
    assert!(
        r["observed"]["newest_age_seconds"].as_u64().unwrap() < DAY,
        "{r}"
    );
    // Judged by mtime alone, the same folder is 40 days old.
    let (ev, code) = probe(
        &folder_config(dir.path(), "max_age = \"7d\"\ntime_basis = \"mtime\"\n"),
        None,
        None,
    );
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert_eq!(r["parameters"]["time_basis"], "mtime", "{r}");
    assert_eq!(code, 1);
}

#[test]
fn the_age_limit_is_the_limit_given() {
    let cfg = |dir: &Path| folder_config(dir, "max_age = \"10d\"\ntime_basis = \"mtime\"\n");
    let inside = backup_folder(&[("a.dump", 10, 10 * DAY - 600)]);
    let (ev, _) = probe(&cfg(inside.path()), None, None);
    assert_eq!(ev["results"][0]["verdict"], "pass", "{}", ev["results"][0]);
    let over = backup_folder(&[("a.dump", 10, 10 * DAY + 600)]);
    let (ev, code) = probe(&cfg(over.path()), None, None);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert!(
        r["reason"]
            .as_str()
            .unwrap()
            .contains("older than `max_age = 10d`"),
        "{r}"
    );
    assert_eq!(r["reason_code"], "backup-too-old", "{r}");
    assert_eq!(code, 1);
}

#[test]
fn min_files_and_min_bytes_are_lower_bounds() {
    let dir = backup_folder(&[("a.dump", 4, 0), ("b.dump", 6, 0)]);
    let run = |extra: &str| {
        let (ev, _) = probe(&folder_config(dir.path(), extra), None, None);
        ev["results"][0].clone()
    };
    let r = run("min_files = 2\nmin_bytes = 10\n");
    assert_eq!(r["verdict"], "pass", "{r}");
    assert_eq!(r["reason_code"], "backup-fresh", "{r}");
    assert_eq!(r["observed"]["walk_complete"], true, "{r}");
    assert!(
        !r["warning_details"].to_string().contains("walk-problems"),
        "a clean walk has no walk problems: {r}"
    );
    // The evidence records the limits it was judged by.
    let p = &r["parameters"];
    assert_eq!(p["path"], dir.path().display().to_string(), "{p}");
    assert_eq!(p["format"], "auto", "{p}");
    assert_eq!(
        (p["min_files"].as_u64(), p["min_bytes"].as_u64()),
        (Some(2), Some(10))
    );
    assert_eq!(p["min_snapshots"], 1, "{p}");
    assert_eq!(
        (p["max_age"].as_str(), p["max_age_seconds"].as_u64()),
        (Some("36h"), Some(129_600))
    );
    assert_eq!(p["time_basis"], "change", "{p}");
    assert_eq!(p["follow_links"], false, "{p}");
    assert_eq!(p["protects"], serde_json::json!([]), "{p}");
    let r = run("min_files = 3\n");
    assert_eq!(r["verdict"], "fail", "{r}");
    assert!(
        r["reason"]
            .as_str()
            .unwrap()
            .contains("2 files found, fewer than the 3 that `min_files` asks for"),
        "{r}"
    );
    assert_eq!(r["reason_code"], "too-few-files", "{r}");
    let r = run("min_bytes = 11\n");
    assert_eq!(r["verdict"], "fail", "{r}");
    assert!(
        r["reason"]
            .as_str()
            .unwrap()
            .contains("10 bytes, less than `min_bytes = 11`"),
        "{r}"
    );
    assert_eq!(r["reason_code"], "too-few-bytes", "{r}");
}

/// A stand-in `restic` on PATH that lists these snapshot times (RFC 3339).
#[cfg(unix)]
fn fake_restic(times: &[String]) -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().unwrap();
    let list: Vec<String> = times
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{{\"time\":\"{t}\",\"id\":\"snap{i}\",\"short_id\":\"s{i}\"}}"))
        .collect();
    let script = format!("#!/bin/sh\ncat <<'EOF'\n[{}]\nEOF\n", list.join(","));
    let p = bin.path().join("restic");
    std::fs::write(&p, script).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

#[cfg(unix)]
fn ago(secs: u64) -> String {
    let t = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(secs as i64);
    t.to_string()
}

#[test]
fn a_remote_repository_needs_its_format_named() {
    let cfg = "[[probe]]\nkind = \"backup-freshness\"\npath = \"sftp:backup@nas:/srv/restic\"\n";
    let (ev, code) = probe(cfg, None, None);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "unknown", "{r}");
    assert_eq!(r["reason_code"], "remote-needs-format", "{r}");
    assert!(r["observed"].get("placement").is_none(), "{r}");
    assert_eq!(code, 0);
}

#[test]
fn a_backup_path_that_cannot_be_read_is_unknown_not_missing() {
    // A path through a file: not "missing" (ENOENT) but unreadable (ENOTDIR). Windows has no
    // ENOTDIR: it says such a path is not found (ERROR_PATH_NOT_FOUND).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    #[cfg(unix)]
    {
        let (ev, code) = probe(&folder_config(&file.join("backup"), ""), None, None);
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "unknown", "{r}");
        assert_eq!(r["reason_code"], "cannot-read", "{r}");
        assert_eq!(code, 0);
    }
    // A file where a folder is expected.
    let (ev, _) = probe(&folder_config(&file, ""), None, None);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "unknown", "{r}");
    assert_eq!(r["reason_code"], "backup-not-a-folder", "{r}");
}

#[test]
fn a_missing_backup_folder_is_unknown_and_has_no_placement() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = folder_config(&dir.path().join("not-there"), "");
    let (ev, code) = probe(&cfg, None, None);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "unknown", "{r}");
    assert_eq!(r["reason_code"], "backup-missing", "{r}");
    assert_eq!(r["observed"]["exists"], false, "{r}");
    assert!(r["observed"].get("placement").is_none(), "{r}");
    assert_eq!(r["warnings"], serde_json::json!([]), "{r}");
    assert_eq!(code, 0);
}

#[cfg(unix)]
#[test]
fn min_snapshots_and_the_snapshot_age_limit() {
    let repo = tempfile::tempdir().unwrap();
    let cfg = |extra: &str| {
        format!(
            "[[probe]]\nkind = \"backup-freshness\"\npath = '{}'\nformat = \"restic\"\nmax_age = \"10d\"\n{extra}",
            repo.path().display()
        )
    };
    let two = fake_restic(&[ago(20 * DAY), ago(10 * DAY - 600)]);
    let (ev, code) = probe(&cfg("min_snapshots = 2\n"), None, Some(two.path()));
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "pass", "{r}");
    assert_eq!(r["observed"]["snapshots"], 2, "{r}");
    assert_eq!(r["reason_code"], "snapshots-fresh", "{r}");
    assert_eq!(code, 0);
    let (ev, _) = probe(&cfg("min_snapshots = 3\n"), None, Some(two.path()));
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert!(
        r["reason"]
            .as_str()
            .unwrap()
            .contains("fewer than the 3 that `min_snapshots` asks for"),
        "{r}"
    );
    assert_eq!(r["reason_code"], "too-few-snapshots", "{r}");

    let pw = repo.path().join("password");
    std::fs::write(&pw, "secret\n").unwrap();
    let (ev, _) = probe(
        &cfg(&format!("password_file = '{}'\n", pw.display())),
        None,
        Some(two.path()),
    );
    let r = &ev["results"][0];
    assert_eq!(
        r["parameters"]["password_file"],
        pw.display().to_string(),
        "{r}"
    );
    assert_eq!(r["parameters"]["format"], "restic", "{r}");
    assert_eq!(r["parameters"]["time_basis"], "change", "{r}");
    assert!(
        !ev.to_string().contains("secret"),
        "the password is not evidence"
    );

    let old = fake_restic(&[ago(10 * DAY + 600)]);
    let (ev, code) = probe(&cfg(""), None, Some(old.path()));
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert_eq!(r["reason_code"], "snapshot-too-old", "{r}");
    assert_eq!(code, 1);
}

#[cfg(unix)]
#[test]
fn a_backup_on_the_same_filesystem_as_what_it_protects_is_warned_about() {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("backup")).unwrap();
    std::fs::write(root.path().join("backup/a.dump"), "x").unwrap();
    std::fs::create_dir_all(root.path().join("data")).unwrap();
    let cfg =
        "[[probe]]\nkind = \"backup-freshness\"\npath = \"/backup\"\nprotects = [\"/data\"]\n";
    let (ev, _) = probe(cfg, Some(root.path()), None);
    let warnings = ev["results"][0]["warnings"].to_string();
    assert!(
        warnings.contains("the backup is on the same filesystem as `/data`"),
        "{}",
        ev["results"][0]
    );
    // /data on another filesystem (/proc): no such warning.
    assert!(
        ev["results"][0]["warning_details"]
            .to_string()
            .contains("\"same-filesystem\""),
        "{}",
        ev["results"][0]
    );
    std::fs::remove_dir(root.path().join("data")).unwrap();
    std::os::unix::fs::symlink("/proc", root.path().join("data")).unwrap();
    let (ev, _) = probe(cfg, Some(root.path()), None);
    let warnings = ev["results"][0]["warnings"].to_string();
    assert!(
        !warnings.contains("same filesystem"),
        "{}",
        ev["results"][0]
    );
}

// ---- A closed output pipe ----

/// Run medsec with its standard output a pipe whose reading end is already closed: every
/// write fails with EPIPE, deterministically.
#[cfg(unix)]
fn run_into_a_closed_pipe(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Opening for reading and writing does not block on Linux; then a writer, then close both
    // reading ends: the pipe has no reader left.
    let reader = std::fs::File::options()
        .read(true)
        .write(true)
        .open(&fifo)
        .unwrap();
    let writer = std::fs::File::options().write(true).open(&fifo).unwrap();
    drop(reader);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_medsec"));
    cmd.env("LANG", "C")
        .env("NO_COLOR", "1")
        .current_dir(root())
        .args(args)
        .stdout(writer)
        .stderr(std::process::Stdio::piped());
    cmd.output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_an_error() {
    let answers = fixture("answers/complete.toml");
    for args in [
        vec![
            "checklist",
            "show",
            "mhlw-institution@fy2025",
            "--format",
            "json",
        ],
        vec!["completions", "bash"],
        vec![
            "--checklist",
            INST,
            "--checklist",
            VEND,
            "status",
            "--as-of",
            "2025-09-01",
            answers.to_str().unwrap(),
        ],
    ] {
        let out = run_into_a_closed_pipe(&args);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("error:"), "{args:?}: {err}");
        assert!(
            !err.to_lowercase().contains("broken pipe"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn an_entry_left_blank_is_unanswered() {
    // `medsec init` writes every item with `answer = ""`: such an entry is no answer.
    assert_findings(
        &[(
            "item = \"security-manager\"\nanswer = \"はい\"",
            "item = \"security-manager\"\nanswer = \"\"",
        )],
        &[("unanswered", "security-manager")],
        1,
    );
}
