//! A clinic whose gate question (前提の質問, 医療情報システムの有無) is いいえ: every other item is
//! 対象外, so `probe --answers` runs no probe that checks only such items (as `check` does), the
//! evidence records what it left out, and verify says why no probe ran instead of warning that
//! the evidence is empty. A claim of the gate in evidence whose answers do not say いいえ is not
//! taken: the warning stays.

use crate::common;
use common::{medsec, stderr_of, stdout_of};
use serde_json::Value;
use std::path::Path;

fn gate_answers(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("gate.toml");
    std::fs::copy(common::fixture("answers").join("gate-none.toml"), &path).unwrap();
    path
}

fn probe(dir: &Path, lang: &str, answers: &Path, out: &str) -> std::process::Output {
    medsec()
        .current_dir(dir)
        .args(["--lang", lang, "probe", "--no-progress", "--answers"])
        .arg(answers)
        .args(["--out", out])
        .output()
        .unwrap()
}

fn json_of(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Signs a report of `answers` with `evidence` into `dir/bundle` and verifies it (JSON).
fn report_and_verify(dir: &Path, answers: &Path, evidence: &Path) -> (i32, Value) {
    let key = dir.join("k");
    if !dir.join("k.pub").exists() {
        common::keygen(&key);
    }
    let o = medsec()
        .current_dir(dir)
        .arg("report")
        .arg("--answers")
        .arg(answers)
        .arg("--evidence")
        .arg(evidence)
        .args(["--force", "--sign"])
        .arg(dir.join("k.key"))
        .arg("--out")
        .arg(dir.join("bundle"))
        .output()
        .unwrap();
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr_of(&o));
    let o = medsec()
        .current_dir(dir)
        .args([
            "verify",
            "--format",
            "json",
            "--as-of",
            "2025-11-01",
            "--pubkey",
        ])
        .arg(dir.join("k.pub"))
        .arg(dir.join("bundle"))
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        serde_json::from_slice(&o.stdout).unwrap(),
    )
}

fn codes(json: &Value) -> Vec<String> {
    json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn probe_with_answers_whose_gate_is_no_runs_none_and_verify_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = gate_answers(tmp.path());
    for (lang, said) in [
        ("ja", "」が「いいえ」なので、ほかの項目はすべて対象外です。対象外の項目だけを確かめる実機確認("),
        ("en", "is answered No, so every other item is out of scope (対象外): the "),
    ] {
        let out = format!("ev-{lang}.json");
        let o = probe(tmp.path(), lang, &answers, &out);
        assert_eq!(o.status.code(), Some(0), "{lang}: {}{}", stdout_of(&o), stderr_of(&o));
        // Said once, in place of an empty table; with JSON on standard output, on standard error.
        assert_eq!(stdout_of(&o).matches(said).count(), 1, "{lang}: {}", stdout_of(&o));
        assert!(!stdout_of(&o).contains('┌'), "{lang}: {}", stdout_of(&o));
        let o = medsec()
            .current_dir(tmp.path())
            .args(["--lang", lang, "probe", "--format", "json", "--answers"])
            .arg(&answers)
            .output()
            .unwrap();
        assert_eq!(stderr_of(&o).matches(said).count(), 1, "{lang}: {}", stderr_of(&o));
        let json: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(json["skipped_by_gate"].is_object(), "{json}");
        let evidence = json_of(&tmp.path().join(&out));
        assert_eq!(evidence["results"].as_array().map(Vec::len), Some(0), "{evidence}");
        assert_eq!(
            evidence["skipped_by_gate"]["item"], "medical-information-system",
            "{evidence}"
        );
        assert!(evidence["skipped_by_gate"]["probes"].as_u64().unwrap() >= 1, "{evidence}");
    }
    // Without the answers, the same probes run: it is the gate that left them out.
    let o = medsec()
        .current_dir(tmp.path())
        .args(["probe", "--no-progress", "--out", "ev-all.json"])
        .output()
        .unwrap();
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr_of(&o));
    let all = json_of(&tmp.path().join("ev-all.json"));
    assert!(!all["results"].as_array().unwrap().is_empty(), "{all}");
    assert!(all.get("skipped_by_gate").is_none(), "{all}");

    // The inspector is told why no probe ran (a note), not that the evidence is empty.
    let (code, json) = report_and_verify(tmp.path(), &answers, &tmp.path().join("ev-ja.json"));
    let found = codes(&json);
    assert_eq!(code, 0, "{json}");
    assert!(
        found.contains(&"probes-skipped-gate".to_owned()),
        "{found:?}"
    );
    assert!(
        !found.contains(&"no-probe-evidence".to_owned()),
        "{found:?}"
    );
    for lang in ["ja", "en"] {
        let o = medsec()
            .args([
                "--lang",
                lang,
                "verify",
                "--as-of",
                "2025-11-01",
                "--pubkey",
            ])
            .arg(tmp.path().join("k.pub"))
            .arg(tmp.path().join("bundle"))
            .output()
            .unwrap();
        let text = stdout_of(&o);
        let said = if lang == "ja" {
            "確かめる機器がないためで、証跡が欠けているのではありません。"
        } else {
            "there is no system to check, not evidence missing"
        };
        assert!(text.contains(said), "{lang}: {text}");
        // The report itself says why its probe section is empty (not 「添付されていません」).
        for format in ["md", "html"] {
            let o = medsec()
                .args(["--lang", lang, "render", "--format", format])
                .arg(tmp.path().join("bundle"))
                .output()
                .unwrap();
            let page = stdout_of(&o);
            let (said, absent) = if lang == "ja" {
                (
                    "それだけを確かめるプローブ(",
                    "実機確認の結果は添付されていません",
                )
            } else {
                (
                    "probes that check only such items were",
                    "No probe evidence is attached",
                )
            };
            assert!(page.contains(said), "{lang} {format}: {page}");
            assert!(!page.contains(absent), "{lang} {format}: {page}");
        }
    }
}

/// Evidence that claims the gate left its probes out is not taken when the report's answers
/// do not answer the gate いいえ: the empty evidence is warned about as before.
#[test]
fn a_gate_claim_the_answers_do_not_make_keeps_the_empty_evidence_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = gate_answers(tmp.path());
    let o = probe(tmp.path(), "en", &answers, "ev.json");
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    copy_dir(
        &common::root().join("examples/clinic"),
        &tmp.path().join("clinic"),
    );
    let clinic = tmp.path().join("clinic").join("answers.toml");
    let (code, json) = report_and_verify(tmp.path(), &clinic, &tmp.path().join("ev.json"));
    let found = codes(&json);
    assert!(
        found.contains(&"no-probe-evidence".to_owned()),
        "{code} {found:?}"
    );
    assert!(
        !found.contains(&"probes-skipped-gate".to_owned()),
        "{found:?}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The gate sentence goes where the text goes, once: with the table on standard output (the
/// evidence written to `--out FILE`), not on standard error too; with the evidence JSON on
/// standard output (`--out -`), on standard error.
#[test]
fn the_gate_sentence_is_said_once_where_the_text_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = gate_answers(tmp.path());
    let said = "is answered No, so every other item is out of scope (対象外)";
    let o = probe(tmp.path(), "en", &answers, "ev.json");
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert_eq!(stdout_of(&o).matches(said).count(), 1, "{}", stdout_of(&o));
    assert!(!stderr_of(&o).contains(said), "{}", stderr_of(&o));
    let o = probe(tmp.path(), "en", &answers, "-");
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(json["skipped_by_gate"].is_object(), "{json}");
    assert_eq!(stderr_of(&o).matches(said).count(), 1, "{}", stderr_of(&o));
}

/// Answers on a form medsec does not know (here `mhlw-institution@fy2099`) say nothing of
/// which items the gate switches off: no other form's items stand in for its own (the newest
/// bundled form with the same ID names the table's items, not the gate's), so every probe runs.
#[test]
fn answers_on_an_unknown_form_leave_no_probe_out() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = gate_answers(tmp.path());
    let text = std::fs::read_to_string(&answers).unwrap();
    assert!(text.contains("\nedition = \"fy2025\"\n"), "{text}");
    std::fs::write(
        &answers,
        text.replacen("\nedition = \"fy2025\"\n", "\nedition = \"fy2099\"\n", 1),
    )
    .unwrap();
    let o = medsec()
        .current_dir(tmp.path())
        .args(["--lang", "en", "probe", "--format", "json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr_of(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(json.get("skipped_by_gate").is_none(), "{json}");
    assert!(!json["results"].as_array().unwrap().is_empty(), "{json}");
    assert!(
        !stderr_of(&o).contains("is answered No"),
        "{}",
        stderr_of(&o)
    );
}

/// Only the gate's sentence stands in place of the table: a configuration with no probe at all
/// still prints the (empty) table and its counts, not nothing.
#[test]
fn a_configuration_without_probes_still_prints_the_table_and_its_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("probes.toml");
    std::fs::write(&config, "role = \"server\"\n").unwrap();
    let o = medsec()
        .current_dir(tmp.path())
        .args(["--lang", "en", "probe", "--no-progress", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    let out = stdout_of(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr_of(&o));
    assert!(
        out.contains("0 passed, 0 failed, 0 could not tell"),
        "{out}"
    );
}
