//! Behaviours of the status rules (src/answers/rules.rs) and of `medsec status`
//! (src/commands/status.rs) that no other test looked at, found by mutation testing
//! (docs/testing.md, 2026-11-30 (5)): each test here fails on a mutant that survived the
//! rest of the suite. Through the binary, as users meet it (`status --format json`).
use crate::common;
use common::*;
use std::path::{Path, PathBuf};

/// `medsec status --format json --as-of 2025-09-01 ARGS...` with the fixture checklists (and
/// `checklists`): exit code and JSON.
fn status(args: &[&Path], checklists: &[&Path]) -> (i32, serde_json::Value) {
    let mut cmd = with_fixtures();
    for c in checklists {
        cmd.arg("--checklist").arg(c);
    }
    let out = cmd
        .args(["status", "--format", "json", "--as-of", "2025-09-01"])
        .args(args)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    (out.status.code().unwrap(), json)
}

/// An answers file on `checklist` (`ID@EDITION`) with `rest` (tables and `[[answers]]`).
fn answers_file(dir: &Path, checklist: &str, rest: &str) -> PathBuf {
    let (id, edition) = checklist.split_once('@').unwrap();
    let path = dir.join("answers.toml");
    std::fs::write(
        &path,
        format!("format_version = 1\n[checklist]\nid = \"{id}\"\nedition = \"{edition}\"\n{rest}"),
    )
    .unwrap();
    path
}

fn answer(item: &str, round: u8, response: &str, extra: &str) -> String {
    format!("[[answers]]\nitem = \"{item}\"\nround = {round}\nanswer = \"{response}\"\n{extra}")
}

/// Each section's count of items, required items, confirmed answers and はい/いいえ/対象外, per
/// round: round 1 counts what is required (a 対象外 allowed without a vendor contract is not,
/// nor a recommended item), round 2 counts answers only.
#[test]
fn progress_counts_each_answer_in_its_section_and_round() {
    let dir = tempfile::tempdir().unwrap();
    let dated = "checked_on = 2025-06-02\n";
    let no = "checked_on = 2025-06-02\ntarget_date = 2026-03-31\n";
    let text = "[vendors]\ncontract = false\nforms = []\n".to_owned()
        + &answer("medical-information-system", 1, "はい", dated)
        + &answer("security-manager", 1, "いいえ", no)
        + &answer(
            "remote-maintenance",
            1,
            "対象外",
            "checked_on = 2025-06-02\nreason = \"契約なし\"\n",
        )
        + &answer("access-log-server", 1, "はい", dated)
        + &answer("security-manager", 2, "はい", "checked_on = 2025-08-01\n")
        + &answer("access-log-server", 2, "いいえ", no);
    let file = answers_file(dir.path(), "test-institution@fy2025", &text);
    let (_, json) = status(&[&file], &[]);
    let got: Vec<(String, u64, [u64; 6])> = json["forms"][0]["progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let n = |k: &str| p[k].as_u64().unwrap();
            (
                p["section"].as_str().unwrap().to_owned(),
                n("round"),
                [
                    n("items"),
                    n("required"),
                    n("answered"),
                    n("yes"),
                    n("no"),
                    n("not_applicable"),
                ],
            )
        })
        .collect();
    let want: Vec<(String, u64, [u64; 6])> = [
        // items, required, answered, はい, いいえ, 対象外
        ("0", 1, [1, 1, 1, 1, 0, 0]),
        ("1", 1, [1, 1, 1, 0, 1, 0]),
        ("2", 1, [3, 1, 2, 1, 0, 1]),
        ("0", 2, [1, 0, 0, 0, 0, 0]),
        ("1", 2, [1, 0, 1, 1, 0, 0]),
        ("2", 2, [3, 0, 1, 0, 1, 0]),
    ]
    .into_iter()
    .map(|(s, r, n)| (s.to_owned(), r, n))
    .collect();
    assert_eq!(got, want, "{json:#}");
}

/// The test fixture checklist with a `[rules]` block.
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

/// `(code, item, round)` of each finding of the first form.
fn findings(json: &serde_json::Value) -> Vec<(String, String, u64)> {
    json["forms"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["item"].as_str().unwrap_or_default().to_owned(),
                f["round"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// `round-not-on-form` is said of a 2回目 answer on a form without a second round, never of a
/// 1回目 answer, and never where the form has a second round.
#[test]
fn round_not_on_form_is_said_of_round_two_only_where_the_form_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let both_rounds = answer("security-manager", 1, "はい", "checked_on = 2025-06-02\n")
        + &answer("security-manager", 2, "はい", "checked_on = 2025-08-01\n");
    let without_round_2 = checklist_with_rules(
        dir.path(),
        "checked_on = \"required\"\ntarget_date = \"fiscal-year\"\nround_2 = \"not-on-form\"\n\
         gate = \"on-form\"\ngate_switches_off = \"all-other-items\"\n\
         reference_only = [\"recommended\"]\n",
    );
    let file = answers_file(dir.path(), "test-institution@fy2025", &both_rounds);
    let (_, json) = status(&[&file], &[&without_round_2]);
    let said: Vec<_> = findings(&json)
        .into_iter()
        .filter(|(code, _, _)| code == "round-not-on-form")
        .collect();
    assert_eq!(
        said,
        [(
            "round-not-on-form".to_owned(),
            "security-manager".to_owned(),
            2
        )],
        "{json:#}"
    );
    // The fixture checklist (no `[rules]`: a second round is on the form).
    let (_, json) = status(&[&file], &[]);
    assert!(
        !findings(&json)
            .iter()
            .any(|(code, _, _)| code == "round-not-on-form"),
        "{json:#}"
    );
}

/// With `--evidence`, a contradiction is placed at the answer the probe contradicts (the
/// `[[answers]]` entry of that item), not at another answer.
#[test]
fn a_contradiction_is_placed_at_the_answer_it_contradicts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), dir.path().join(f)).unwrap();
    }
    let file = dir.path().join("complete.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // The line of the contradicted answer's entry (1-based): `[[answers]]` above its item.
    let entry_line = text
        .lines()
        .position(|l| l == "item = \"remote-maintenance\"")
        .unwrap() as u64;
    let evidence = fixture("report/evidence.json");
    let (code, json) = status(&[&file, Path::new("--evidence"), &evidence], &[]);
    assert_eq!(code, 1, "{json:#}");
    let placed: Vec<(String, u64, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "answer-contradicted-by-probe")
        .map(|f| {
            (
                f["item"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["round"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        placed,
        [("remote-maintenance".to_owned(), entry_line, 1)],
        "{json:#}"
    );
}

/// An answers file naming a checklist medsec does not know is unusable at the place that names
/// it (the `id` of `[checklist]`), not at the file's first line.
#[test]
fn an_unknown_checklist_is_placed_at_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_file(dir.path(), "mhlw-institution@fy2031", "");
    let (code, json) = status(&[&file], &[]);
    assert_eq!(code, 2, "{json:#}");
    let unusable = &json["unusable"][0];
    assert_eq!(unusable["code"], "unknown-checklist", "{json:#}");
    assert_eq!(
        (unusable["line"].as_u64(), unusable["column"].as_u64()),
        (Some(3), Some(6)),
        "{json:#}"
    );
}
