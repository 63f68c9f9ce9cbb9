//! Issue #12 (ev12): one truth about a report made without probe evidence (`report`, `render`,
//! `status` say the same computed warning, never recorded), and `render` refuses an unknown
//! checklist digest as `status` does.

use crate::common;

use common::{complete_answers_in, medsec, stderr_of, stdout_of};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn checklist_args() -> Vec<String> {
    [
        "checklist-fy2025-institution.toml",
        "checklist-fy2025-vendor.toml",
    ]
    .iter()
    .flat_map(|f| {
        [
            "--checklist".to_owned(),
            common::fixture(f).display().to_string(),
        ]
    })
    .collect()
}

fn run(lang: &str, args: &[&str], paths: &[&Path]) -> std::process::Output {
    medsec()
        .args(checklist_args())
        .args(["--lang", lang])
        .args(args)
        .args(paths)
        .output()
        .unwrap()
}

/// A bundle made from the complete answers, with `--evidence` or without.
fn bundle(root: &Path, evidence: bool) -> (std::process::Output, PathBuf) {
    let answers = complete_answers_in(root);
    let out = root.join("bundle");
    let mut cmd = medsec();
    cmd.args(checklist_args())
        .args(["--lang", "ja", "report", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out);
    if evidence {
        cmd.arg("--evidence")
            .arg(common::fixture("report/evidence.json"));
    }
    (cmd.output().unwrap(), out)
}

const JA_WARNING: &str = "この報告書にはプローブの証跡がありません";
const EN_WARNING: &str = "the report carries no probe evidence";

#[test]
fn report_counts_and_says_the_missing_probe_evidence_in_ja_and_en() {
    for (lang, count, said) in [
        (
            "ja",
            "エラー0件、警告3件(うち2件を報告書に記録しました。",
            "警告[no-probe-evidence]: ",
        ),
        (
            "en",
            "0 errors, 3 warnings (2 of them recorded in the report;",
            "warning[no-probe-evidence]: ",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let answers = complete_answers_in(tmp.path());
        let out = tmp.path().join("bundle");
        let o = run(lang, &["report", "--answers"], &[&answers]);
        assert_eq!(o.status.code(), Some(2), "needs --out: {}", stdout_of(&o));
        let o = report_to(lang, &answers, &out);
        assert_eq!(o.status.code(), Some(0), "{lang}: {}", stderr_of(&o));
        let text = stdout_of(&o);
        assert!(text.contains(count), "{lang}: {text}");
        assert!(text.contains(said), "{lang}: {text}");
        // Not recorded: report.json keeps no such finding (verify's re-run would show it twice).
        let json: Value =
            serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
        let recorded = json["findings"].as_array().unwrap();
        assert_eq!(recorded.len(), 2, "{json:#}");
        assert!(
            recorded.iter().all(|f| f["code"] != "no-probe-evidence"),
            "{json:#}"
        );
    }
}

#[test]
fn report_with_probe_evidence_does_not_say_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (o, _) = bundle(tmp.path(), true);
    let text = stdout_of(&o);
    assert!(!text.contains("no-probe-evidence"), "{text}");
}

#[test]
fn render_md_and_html_show_the_computed_warning_in_ja_and_en() {
    let tmp = tempfile::tempdir().unwrap();
    let (o, dir) = bundle(tmp.path(), false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    for (lang, none, source, warning) in [
        (
            "ja",
            "指摘はありません",
            "今回の確認で判明(`report.json`には記録なし)",
            JA_WARNING,
        ),
        (
            "en",
            "No findings.",
            "found now (not recorded in `report.json`)",
            EN_WARNING,
        ),
    ] {
        for format in ["md", "html"] {
            let o = run(lang, &["render", "--format", format], &[&dir]);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{lang} {format}: {}",
                stderr_of(&o)
            );
            let page = stdout_of(&o);
            assert!(
                page.contains("no-probe-evidence"),
                "{lang} {format}: {page}"
            );
            // The file name is code: backticks in Markdown, <code> in HTML (issue #10).
            let source = match format {
                "html" => source
                    .replacen('`', "<code>", 1)
                    .replacen('`', "</code>", 1),
                _ => source.to_owned(),
            };
            assert!(page.contains(&source), "{lang} {format}: {page}");
            assert!(page.contains(warning), "{lang} {format}: {page}");
            assert!(!page.contains(none), "{lang} {format}: {page}");
        }
    }
    // The HTML written into the bundle by `report` says it too.
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.contains("no-probe-evidence"), "{html}");
}

#[test]
fn render_with_probe_evidence_shows_no_computed_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, dir) = bundle(tmp.path(), true);
    let o = run("en", &["render", "--format", "md"], &[&dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(!stdout_of(&o).contains("no-probe-evidence"));
}

#[test]
fn status_lists_the_warning_apart_from_the_recorded_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, dir) = bundle(tmp.path(), false);
    for (lang, recorded, computed, warning) in [
        (
            "ja",
            "`report.json`に記録された指摘:",
            "今回の確認で見つかった指摘(`report.json`には記録されていません):",
            "警告[no-probe-evidence]",
        ),
        (
            "en",
            "Recorded in `report.json`:",
            "Found now (not recorded in `report.json`):",
            "warning[no-probe-evidence]",
        ),
    ] {
        let o = run(lang, &["status", "--as-of", "2025-11-01"], &[&dir]);
        assert_eq!(o.status.code(), Some(0), "{lang}: {}", stderr_of(&o));
        let out = stdout_of(&o);
        assert!(!out.contains(recorded), "{lang}: {out}");
        let at = out
            .find(computed)
            .unwrap_or_else(|| panic!("{lang}: {out}"));
        let line = out.find(warning).unwrap_or_else(|| panic!("{lang}: {out}"));
        assert!(line > at, "{lang}: {out}");
    }
    let o = run(
        "en",
        &["status", "--as-of", "2025-11-01", "--format", "json"],
        &[&dir],
    );
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["report"]["recorded_findings"], serde_json::json!([]));
    assert_eq!(
        json["report"]["computed_findings"][0]["code"], "no-probe-evidence",
        "{json:#}"
    );
}

#[test]
fn render_refuses_a_lone_report_json_with_an_unknown_checklist_as_status_does() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, dir) = bundle(tmp.path(), false);
    let lone = tmp.path().join("lone");
    std::fs::create_dir_all(&lone).unwrap();
    let mut json: Value =
        serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap();
    json["checklist"]["digest"] = Value::String("0".repeat(64));
    let file = lone.join("report.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    for lang in ["ja", "en"] {
        let status = run(lang, &["status"], &[&file]);
        assert_eq!(status.status.code(), Some(2), "{}", stderr_of(&status));
        let said = stderr_of(&status);
        let said = said
            .lines()
            .find(|l| l.contains("unknown-checklist"))
            .unwrap_or_else(|| panic!("{lang}: {said}"));
        for format in ["md", "html"] {
            let o = run(lang, &["render", "--format", format], &[&file]);
            assert_eq!(
                o.status.code(),
                Some(2),
                "{lang} {format}: {}",
                stdout_of(&o)
            );
            assert!(o.stdout.is_empty(), "{lang} {format}: {}", stdout_of(&o));
            let err = stderr_of(&o);
            assert!(err.contains(said), "{lang} {format}: {err}\nstatus: {said}");
        }
    }
}

/// The complete answers with nothing the rules find (no unknown field, 2-⑩ answered はい).
fn clean_answers(root: &Path) -> PathBuf {
    let answers = complete_answers_in(root);
    let text = std::fs::read_to_string(&answers).unwrap();
    let clean = text
        .lines()
        .filter(|l| !l.starts_with("extra_note") && !l.starts_with("target_date = 2026-03-31"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(
            "item = \"access-log-server\"\nanswer = \"いいえ\"",
            "item = \"access-log-server\"\nanswer = \"はい\"",
        );
    assert_ne!(clean, text);
    std::fs::write(&answers, clean).unwrap();
    answers
}

/// The case: nothing recorded, so `report` no longer says 0 warnings while verify warns.
#[test]
fn a_report_with_nothing_recorded_counts_the_one_computed_warning() {
    for (lang, count, none) in [
        ("ja", "指摘: エラー0件、警告1件\n", "指摘はありません"),
        ("en", "findings: 0 errors, 1 warning\n", "No findings."),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let answers = clean_answers(tmp.path());
        let out = tmp.path().join("bundle");
        let o = report_to(lang, &answers, &out);
        assert_eq!(o.status.code(), Some(0), "{lang}: {}", stderr_of(&o));
        let text = stdout_of(&o);
        assert!(text.contains(count), "{lang}: {text}");
        assert!(text.contains("[no-probe-evidence]: "), "{lang}: {text}");
        let json: Value =
            serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
        assert_eq!(json["findings"], serde_json::json!([]), "{json:#}");
        let o = run(lang, &["render", "--format", "md"], &[&out]);
        let page = stdout_of(&o);
        assert!(page.contains("`no-probe-evidence`"), "{lang}: {page}");
        assert!(!page.contains(none), "{lang}: {page}");
    }
}

/// `medsec --lang LANG report --answers ANSWERS --out OUT` with the test checklists.
fn report_to(lang: &str, answers: &std::path::Path, out: &std::path::Path) -> std::process::Output {
    medsec()
        .args(checklist_args())
        .args(["--lang", lang, "report", "--answers"])
        .arg(answers)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

/// Probe evidence that holds no probe result (an empty probe configuration) proves nothing:
/// `report`, `verify`, `status`, `render` and `summarize` say it as they say no evidence, so an
/// empty configuration never hides a contradiction behind 有効.
#[test]
fn probe_evidence_without_a_single_result_is_said_like_no_evidence() {
    said_like_no_evidence(
        |e| e["results"] = Value::Array(Vec::new()),
        "この報告書のプローブの証跡には結果が1件もありません",
        "the report's probe evidence holds no probe result",
    );
}

/// Probe evidence whose results name only items the form does not have (an imported FY2026
/// checklist whose item IDs the probes do not know) checked no answer: said as no evidence,
/// never "0 contradictions".
#[test]
fn probe_evidence_that_names_no_item_of_the_form_is_said_like_no_evidence() {
    said_like_no_evidence(
        |e| {
            for r in e["results"].as_array_mut().unwrap() {
                r["items"] = serde_json::json!(["no-such-item"]);
            }
        },
        "この報告書のプローブの証跡は、この様式のどの項目にも対応していません",
        "the report's probe evidence names no item of this form",
    );
}

/// A signed bundle of the complete answers with the fixture evidence changed by `change`:
/// report, verify, status, render and summarize each say `no-probe-evidence` with `ja`/`en`.
fn said_like_no_evidence(change: impl Fn(&mut Value), ja: &str, en: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let answers = complete_answers_in(root);
    let mut evidence: Value =
        serde_json::from_slice(&std::fs::read(common::fixture("report/evidence.json")).unwrap())
            .unwrap();
    change(&mut evidence);
    let empty = root.join("evidence.json");
    std::fs::write(&empty, serde_json::to_vec_pretty(&evidence).unwrap()).unwrap();
    common::keygen(&root.join("hospital"));
    let dir = root.join("bundle");
    let o = medsec()
        .args(checklist_args())
        .args(["--lang", "ja", "report", "--answers"])
        .arg(&answers)
        .arg("--evidence")
        .arg(&empty)
        .arg("--sign")
        .arg(root.join("hospital.key"))
        .arg("--out")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    let text = stdout_of(&o);
    assert!(
        text.contains("警告[no-probe-evidence]: ") && text.contains(ja),
        "{text}"
    );
    let pubkey = root.join("hospital.pub");
    for (lang, want) in [("ja", ja), ("en", en)] {
        let o = run(
            lang,
            &["verify", "--as-of", "2025-11-01", "--pubkey"],
            &[&pubkey, &dir],
        );
        let out = stdout_of(&o);
        assert!(
            out.contains("[no-probe-evidence]") && out.contains(want),
            "{lang}: {out}"
        );
        let o = run(lang, &["status", "--as-of", "2025-11-01"], &[&dir]);
        assert!(stdout_of(&o).contains(want), "{lang}: {}", stdout_of(&o));
        let o = run(lang, &["render", "--format", "md"], &[&dir]);
        assert!(stdout_of(&o).contains(want), "{lang}: {}", stdout_of(&o));
    }
    let o = run(
        "en",
        &[
            "summarize",
            "--format",
            "json",
            "--as-of",
            "2025-11-01",
            "--pubkey",
        ],
        &[&pubkey, root],
    );
    let json: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {} {}", stdout_of(&o), stderr_of(&o)));
    let rows = json["bundles"].as_array().expect("bundles");
    assert_eq!(rows.len(), 1, "{json:#}");
    assert_eq!(rows[0]["probe_evidence"], false, "{json:#}");
}
