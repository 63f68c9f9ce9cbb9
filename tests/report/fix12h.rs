//! Issue #12, what the second reviewer found (rerev12): a second check into the same folder
//! says it replaced the signed bundle (by its old report's SHA-256); the overdue target dates
//! are counted by one rule in every format and in summarize; probes whose items are all 対象外
//! by the gate question do not fail the check; sentences end as sentences.

use crate::common;
use common::{fill_institution, medsec, stderr_of, stdout_of};
use std::path::Path;

fn sha256_of(path: &Path) -> String {
    use sha2::Digest;
    let bytes = std::fs::read(path).unwrap();
    sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn check_example(lang: &str, out: &Path, extra: &[&str]) -> std::process::Output {
    medsec()
        .args(["--lang", lang, "check", "--non-interactive"])
        .args(["--answers", "examples/clinic/answers.toml"])
        .args(["--probes", "examples/clinic/probes.toml"])
        .args(["--as-of", "2025-11-01", "--out"])
        .arg(out)
        .args(extra)
        .current_dir(common::root())
        .output()
        .unwrap()
}

/// A second `check` into the same `--out` replaces the signed bundle: a notice says so with
/// the earlier report's SHA-256 (a printout of the first no longer matches), and JSON names it.
/// Before, only the replaced evidence.json was said. The notice is on standard error, as the
/// replaced evidence.json's is (it was on stdout, the other on stderr).
#[test]
fn a_second_check_into_the_same_folder_says_the_bundle_was_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let first = check_example("en", &out, &[]);
    assert!(
        matches!(first.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&first)
    );
    assert!(
        !stderr_of(&first).contains("It replaces the signed report bundle"),
        "{}",
        stderr_of(&first)
    );
    let report = out.join("bundle/report.json");
    let mut old = sha256_of(&report);
    for (lang, said, printout) in [
        (
            "en",
            "It replaces the signed report bundle an earlier check wrote there (report SHA-256 ",
            "a printed `report.html` of that one does not match this bundle, whose report SHA-256 is ",
        ),
        (
            "ja",
            "前のチェックが同じ場所に書き出した署名付きの報告書一式(報告書のSHA-256 ",
            "前のものを印刷した`report.html`はこの一式とは一致しません。この報告書のSHA-256は",
        ),
    ] {
        // A second apart at least: the signed time differs, so does the report.
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let again = check_example(lang, &out, &[]);
        let text = stderr_of(&again);
        assert!(matches!(again.status.code(), Some(0 | 1)), "{text}");
        assert!(!stdout_of(&again).contains(said), "{lang}: on stdout");
        let new = sha256_of(&report);
        assert_ne!(old, new);
        assert!(text.contains(&format!("{said}{old}")), "{lang}: {text}");
        assert!(text.contains(&format!("{printout}{new}")), "{lang}: {text}");
        old = new;
    }
    let json = check_example("en", &out, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["replaced_report_sha256"], old.as_str(), "{v}");
}

/// An item いいえ in 1回目 with a passed target date and はい in 2回目, beside an item いいえ
/// with a passed target date: the printed page, Markdown and CSV count one overdue item, as
/// summarize does on the same day, labelled by items at their latest round. Before, the
/// formats counted 2 (every round) and summarize 1.
#[test]
fn overdue_target_dates_are_counted_by_one_rule_in_render_and_summarize() {
    use common::bundle::{checklist_args, report_value, signed};
    use serde_json::Value;
    let mut report = report_value("0111111111", 2025);
    let answers = report["answers"]["answers"]["answers"]
        .as_array_mut()
        .unwrap();
    answers[0]["response"] = Value::from("no");
    answers[0]["target_date"] = Value::from("2025-10-01");
    answers[1]["response"] = Value::from("no");
    answers[1]["target_date"] = Value::from("2025-10-15");
    let mut second = answers[1].clone();
    second["round"] = Value::from(2);
    second["response"] = Value::from("yes");
    second["target_date"] = Value::Null;
    answers.push(second);
    let b = signed(&report);
    let key = b.key.public.to_str().unwrap().to_owned();
    let as_of = ["--as-of", "2025-11-01"];
    let run = |lang: &str, args: &[&str]| {
        let o = medsec()
            .args(checklist_args())
            .args(["--lang", lang])
            .args(args)
            .arg(&b.bundle)
            .args(["--pubkey", &key])
            .args(as_of)
            .output()
            .unwrap();
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
        stdout_of(&o)
    };
    let summary = run("en", &["summarize", "--format", "json"]);
    let rows: Value = serde_json::from_str(&summary).unwrap();
    let row = rows
        .get("bundles")
        .and_then(|b| b.get(0))
        .or_else(|| rows.get(0))
        .unwrap_or(&rows);
    assert_eq!(row["overdue_target_dates"], 1, "{summary}");
    for (lang, label) in [
        ("ja", "目標日超過(項目数、最新の回): 1"),
        ("en", "Target date passed (items, latest round): 1"),
    ] {
        let md = run(lang, &["render", "--format", "md"]);
        assert!(md.contains(label), "{lang}: {md}");
        let html = run(lang, &["render", "--format", "html"]);
        assert!(html.contains(label), "{lang}: {html}");
        // One row per item and round: only the latest round of the いいえ item is overdue.
        let csv = run(lang, &["render", "--format", "csv"]);
        let rows: Vec<Vec<String>> = csv.lines().map(csv_cells).collect();
        let column = rows
            .iter()
            .find_map(|r| r.iter().position(|c| c == "目標日超過" || c == "Overdue"))
            .unwrap_or_else(|| panic!("{lang}: {csv}"));
        let flagged = rows
            .iter()
            .filter(|r| {
                r.get(column)
                    .is_some_and(|c| c == "はい" || c.eq_ignore_ascii_case("yes"))
            })
            .count();
        assert_eq!(flagged, 1, "{lang}: {csv}");
    }
}

/// The cells of one CSV line (quoted cells with `""` inside).
fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

/// A clinic whose gate question is いいえ (every other item 対象外) runs `check` with the
/// default probes: none of them is run (each checks only 対象外 items), it is said once, and
/// the check does not fail (exit 0, nothing missing but the throwaway key). Before, the
/// patch-level probe failed 2-⑥ and the check exited 1.
#[test]
fn probes_of_items_out_of_scope_by_the_gate_do_not_fail_the_check() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::fixture("answers").join("gate-none.toml"),
        tmp.path().join("gate.toml"),
    )
    .unwrap();
    for (lang, said, failed) in [
        (
            "ja",
            "」が「いいえ」なので、ほかの項目はすべて対象外です。対象外の項目だけを確かめる実機確認(",
            "不合格",
        ),
        (
            "en",
            "is answered No, so every other item is out of scope (対象外): the ",
            "failed",
        ),
    ] {
        let out = tmp.path().join(format!("out-{lang}"));
        let o = medsec()
            .current_dir(tmp.path())
            .args(["--lang", lang, "check", "--non-interactive"])
            .args(["--answers", "gate.toml", "--as-of", "2025-11-01", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        let text = stdout_of(&o);
        assert_eq!(o.status.code(), Some(0), "{lang}: {text}{}", stderr_of(&o));
        assert_eq!(text.matches(said).count(), 1, "{lang}: {text}");
        let missing = text.split(['\n']).skip_while(|l| !l.starts_with(if lang == "ja" { "足りないもの" } else { "Missing" }));
        let missing: Vec<&str> = missing.take_while(|l| !l.starts_with(if lang == "ja" { "次に" } else { "Next" })).collect();
        assert_eq!(missing.len(), 2, "{lang}: only the throwaway key: {text}");
        assert!(!missing.iter().any(|l| l.contains(failed)), "{lang}: {text}");
        let evidence: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("evidence.json")).unwrap()).unwrap();
        assert_eq!(evidence["results"].as_array().map(Vec::len), Some(0), "{evidence}");
    }
}

/// summarize shows a bundle's signed date by one rule: a bundle signed with a key the
/// inspector does not trust shows the date its signature claims, marked unverified, as a
/// changed (tampered) bundle does. Before, the untrusted key's row had no date at all.
#[test]
fn summarize_marks_an_untrusted_keys_signed_date_as_a_tampered_one() {
    use common::bundle::{checklist_args, report_value, signed};
    let b = signed(&report_value("0111111111", 2025));
    let other = b.root.join("other");
    common::keygen(&other);
    for (lang, mark) in [("ja", "(未検証)"), ("en", "(unverified)")] {
        let o = medsec()
            .args(checklist_args())
            .args(["--lang", lang, "summarize"])
            .arg(&b.bundle)
            .args(["--pubkey", other.with_extension("pub").to_str().unwrap()])
            .args(["--format", "csv", "--as-of", "2025-11-01"])
            .output()
            .unwrap();
        let csv = stdout_of(&o);
        assert!(matches!(o.status.code(), Some(1..=3)), "{lang}: {csv}");
        let rows: Vec<Vec<String>> = csv.lines().map(csv_cells).collect();
        let dated = rows
            .iter()
            .skip(1)
            .flatten()
            .any(|c| c.ends_with(mark) && c.starts_with("20"));
        assert!(dated, "{lang}: {csv}");
    }
    let o = medsec()
        .args(checklist_args())
        .args(["summarize"])
        .arg(&b.bundle)
        .args(["--pubkey", other.with_extension("pub").to_str().unwrap()])
        .args(["--format", "json", "--as-of", "2025-11-01"])
        .output()
        .unwrap();
    let text = stdout_of(&o);
    assert!(text.contains("\"signed_at_unverified\": true"), "{text}");
}

/// An own checklist leaving out a base item: summarize's row names the item (2-②) its
/// finding is about, as verify does in a column of its own. Before, the row said 「…で対象外
/// とした`mhlw-institution@fy2025`の項目です。」 without saying which.
#[test]
fn summarize_names_the_item_an_own_checklist_left_out() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let own = common::root().join("examples/own-checklist.toml");
    let own = own.to_str().unwrap();
    let run = |args: &[&str]| {
        let o = medsec()
            .current_dir(w)
            .args(["--checklist", own])
            .args(args)
            .output()
            .unwrap();
        (o.status.code(), stdout_of(&o), stderr_of(&o))
    };
    let (code, _, err) = run(&["init", "--out", "b.toml"]);
    assert_eq!(code, Some(0), "{err}");
    fill_institution(w, "b.toml");
    let (_, shown, _) = run(&[
        "checklist",
        "show",
        "example-institution@fy2025",
        "--format",
        "json",
    ]);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    let mut sheet = String::from("item,answer,checked_on,target_date,note\n");
    for item in shown["items"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        sheet.push_str(&format!("{id},はい,2025-06-02,,\n"));
    }
    std::fs::write(w.join("sheet.csv"), sheet).unwrap();
    let (code, out, err) = run(&["answer", "b.toml", "--import", "sheet.csv"]);
    assert_eq!(code, Some(0), "{out}{err}");
    common::keygen(&w.join("k"));
    // Probe evidence that checks two answers and passes: the worst finding is the item left out.
    let probes = common::root().join("examples/clinic/probes.toml");
    let (code, out, err) = run(&[
        "probe",
        "--config",
        probes.to_str().unwrap(),
        "--answers",
        "b.toml",
        "--format",
        "json",
        "--out",
        "evidence.json",
    ]);
    assert_eq!(code, Some(0), "{out}{err}");
    let (code, out, err) = run(&[
        "report",
        "--answers",
        "b.toml",
        "--evidence",
        "evidence.json",
        "--out",
        "bundle",
        "--sign",
        "k.key",
    ]);
    assert!(matches!(code, Some(0 | 1)), "{out}{err}");
    for (lang, said) in [
        ("ja", "2-② リモートメンテナンス: 独自のチェックリスト"),
        ("en", "2-② Confirmed with the vendor…: An item of"),
    ] {
        let (code, out, err) = run(&[
            "--lang",
            lang,
            "summarize",
            "bundle",
            "--pubkey",
            "k.pub",
            "--as-of",
            "2025-11-01",
        ]);
        assert_eq!(code, Some(0), "{lang}: {out}{err}");
        let table: String = out
            .lines()
            .map(|l| l.replace([' ', '│', '┆'], ""))
            .collect();
        assert!(table.contains(&said.replace(' ', "")), "{lang}: {out}");
    }
}

/// Japanese errors whose last part is a detail joined after 「: 」 end the sentence with 。
/// (a folder that is not there, a file that is not there); `--expect` with 16 hex digits says
/// the `--expect` value has 16, and 64 are needed.
#[test]
fn errors_end_their_sentences_and_expect_names_its_value() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nai/k");
    let cases: [(&[&str], &str); 2] = [
        (
            &[
                "keygen",
                "--unencrypted",
                "--out",
                missing.to_str().unwrap(),
            ],
            "がありません。",
        ),
        (&["render", "nai"], "ファイルまたはフォルダがありません。"),
    ];
    for (args, end) in cases {
        let o = medsec()
            .current_dir(tmp.path())
            .args(["--lang", "ja"])
            .args(args)
            .output()
            .unwrap();
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.trim_end().ends_with(end), "{args:?}: {err}");
        assert!(!err.contains("。。"), "{args:?}: {err}");
    }
    use common::bundle::{checklist_args, report_value, signed};
    let b = signed(&report_value("0111111111", 2025));
    let key = b.key.public.to_str().unwrap().to_owned();
    for (lang, said) in [
        (
            "ja",
            "`--expect`に指定されたSHA-256`0123456789abcdef`は16進数16桁です。64桁必要です。",
        ),
        (
            "en",
            "the SHA-256 `0123456789abcdef` given with `--expect` has 16 hex digits; 64 are needed.",
        ),
    ] {
        let o = medsec()
            .args(checklist_args())
            .args(["--lang", lang, "verify"])
            .arg(&b.bundle)
            .args(["--pubkey", &key, "--expect", "0123456789abcdef"])
            .output()
            .unwrap();
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        assert!(err.contains(said), "{lang}: {err}");
    }
}
