//! `medsec status`: the only answers file in the folder by default, answer/probe contradictions
//! with `--evidence`, and the next step once complete.

use crate::common;

use common::{fixture, root, stderr_of, stdout_of, INST, INST24, VEND};
use std::path::Path;

const AS_OF: &str = "2026-04-10";

/// `medsec --lang LANG status --as-of AS_OF ARGS...` run in `dir`, with the fixture checklists.
fn status(dir: &Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    let mut cmd = common::medsec();
    cmd.current_dir(dir).args(["--lang", lang]);
    for c in [INST, VEND, INST24] {
        cmd.arg("--checklist").arg(root().join(c));
    }
    let o = cmd
        .args(["status", "--as-of", AS_OF])
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// A folder with the complete answers fixture and its vendor form.
fn answers_folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), tmp.path().join(f)).unwrap();
    }
    tmp
}

#[test]
fn without_a_file_status_reads_the_only_answers_file_here() {
    let tmp = answers_folder();
    // vendor-a.toml is the vendor form complete.toml lists: read with it, not a second file.
    let (code, given, _) = status(tmp.path(), "en", &["complete.toml"]);
    let (code2, found, err) = status(tmp.path(), "en", &[]);
    assert_eq!((code, code2), (0, 0), "{found}{err}");
    assert_eq!(given, found);
    // One answers file (its vendor form in a sub-folder): that one is read.
    std::fs::create_dir_all(tmp.path().join("vendors")).unwrap();
    std::fs::rename(
        tmp.path().join("vendor-a.toml"),
        tmp.path().join("vendors/vendor-a.toml"),
    )
    .unwrap();
    let text = std::fs::read_to_string(tmp.path().join("complete.toml")).unwrap();
    std::fs::write(
        tmp.path().join("complete.toml"),
        text.replace("\"vendor-a.toml\"", "\"vendors/vendor-a.toml\""),
    )
    .unwrap();
    let (code, given, _) = status(tmp.path(), "en", &["complete.toml"]);
    let (code2, found, err) = status(tmp.path(), "en", &[]);
    assert_eq!((code, code2), (0, 0), "{found}{err}");
    assert_eq!(given, found);
    // None here: the same error as `answer`.
    let empty = tempfile::tempdir().unwrap();
    let (code, out, err) = status(empty.path(), "ja", &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("回答ファイルがありません"), "{err}");
}

#[test]
fn a_complete_status_says_the_next_step() {
    let tmp = answers_folder();
    let (code, out, err) = status(tmp.path(), "ja", &["complete.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("次は`medsec probe --answers complete.toml --out evidence.json --checklist ")
            // The check repeats the --as-of status judged on (fix12f).
            && out.contains(&format!(
                "`medsec check --answers complete.toml --as-of {AS_OF} --checklist "
            ))
            && out.contains(" --lang ja`"),
        "{out}"
    );
    let (_, out, _) = status(tmp.path(), "en", &["complete.toml"]);
    assert!(
        out.contains("Next: check the machines with `medsec probe"),
        "{out}"
    );
    // Incomplete: no next step, the findings say what to do.
    let (code, out, _) = status(&root(), "en", &["tests/fixtures/answers/incomplete.toml"]);
    assert_eq!(code, 1);
    assert!(!out.contains("Next:"), "{out}");
}

/// The next step names the institution's form even when a vendor form is given first.
#[test]
fn the_next_step_names_the_institutions_form_given_after_a_vendor_form() {
    let tmp = answers_folder();
    let (code, out, err) = status(tmp.path(), "en", &["vendor-a.toml", "complete.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("`medsec probe --answers complete.toml --out evidence.json --checklist "),
        "{out}"
    );
}

#[test]
fn status_with_evidence_shows_answer_probe_contradictions() {
    let tmp = answers_folder();
    let evidence = fixture("report/evidence.json");
    let evidence = evidence.to_str().unwrap();
    let (code, out, err) = status(tmp.path(), "ja", &["complete.toml", "--evidence", evidence]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("answer-contradicted-by-probe"), "{out}");
    assert!(out.contains("「はい」と回答していますが"), "{out}");
    assert!(!out.contains("次は"), "{out}");
    let (code, json, _) = status(
        tmp.path(),
        "en",
        &["complete.toml", "--evidence", evidence, "--format", "json"],
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["complete"], false);
    let found = v["findings"].as_array().unwrap();
    assert!(
        found
            .iter()
            .any(|f| f["code"] == "answer-contradicted-by-probe" && f["item"].is_string()),
        "{json}"
    );
    // The same contradictions as the report records.
    let bundle = tmp.path().join("bundle");
    let o = common::with_fixtures()
        .arg("report")
        .arg("--answers")
        .arg(tmp.path().join("complete.toml"))
        .arg("--evidence")
        .arg(evidence)
        .arg("--out")
        .arg(&bundle)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("report.json")).unwrap()).unwrap();
    let recorded: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "answer-contradicted-by-probe")
        .map(|f| f["item"].as_str().unwrap())
        .collect();
    let shown: Vec<&str> = found
        .iter()
        .filter(|f| f["code"] == "answer-contradicted-by-probe")
        .map(|f| f["item"].as_str().unwrap())
        .collect();
    assert!(!shown.is_empty());
    assert_eq!(shown, recorded);
    // Evidence that cannot be read: exit 2, on standard error.
    let (code, out, err) = status(
        tmp.path(),
        "en",
        &["complete.toml", "--evidence", "nope.json"],
    );
    assert_eq!(code, 2);
    assert!(out.is_empty() && err.contains("nope.json"), "{out}{err}");
}

/// The 医療機関コード's first two digits (JIS X 0401) against the prefecture given: a mismatch
/// is a warning in status (still complete) and a finding the report records.
#[test]
fn a_code_of_another_prefecture_is_a_warning_in_status_and_report() {
    let tmp = answers_folder();
    let file = tmp.path().join("complete.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("prefecture = \"北海道\"") && text.contains("0110113719"));
    let (code, out, err) = status(tmp.path(), "ja", &["complete.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        !out.contains("institution-code-prefecture-mismatch"),
        "{out}"
    );
    std::fs::write(
        &file,
        text.replace("prefecture = \"北海道\"", "prefecture = \"東京都\""),
    )
    .unwrap();
    let (code, out, err) = status(tmp.path(), "ja", &["complete.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("警告[institution-code-prefecture-mismatch]")
            && out.contains("先頭2桁01は北海道ですが、都道府県は「東京都」と記入されています"),
        "{out}"
    );
    let (_, out, _) = status(tmp.path(), "en", &["complete.toml"]);
    assert!(
        out.contains("warning[institution-code-prefecture-mismatch]"),
        "{out}"
    );
    let bundle = tmp.path().join("bundle");
    let o = common::with_fixtures()
        .args(["report", "--answers"])
        .arg(&file)
        .arg("--out")
        .arg(&bundle)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("report.json")).unwrap()).unwrap();
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "institution-code-prefecture-mismatch"
                && f["severity"] == "warning"),
        "{report}"
    );
}

/// A 医療機関コード whose first two digits are no prefecture number (00, 48, 99) is a warning too,
/// never passed in silence; the file stays complete.
#[test]
fn a_code_naming_no_prefecture_is_a_warning() {
    let tmp = answers_folder();
    let file = tmp.path().join("complete.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    for bad in ["0010113719", "4810113719", "9910123455"] {
        std::fs::write(&file, text.replace("0110113719", bad)).unwrap();
        let (code, out, err) = status(tmp.path(), "ja", &["complete.toml"]);
        assert_eq!(code, 0, "{bad}: {out}{err}");
        assert!(
            out.contains("警告[institution-code-prefecture-unknown]")
                && out.contains(&format!("先頭2桁{}は都道府県番号", &bad[..2])),
            "{bad}: {out}"
        );
        let (_, out, _) = status(tmp.path(), "en", &["complete.toml"]);
        assert!(
            out.contains("warning[institution-code-prefecture-unknown]")
                && out.contains("are no prefecture number"),
            "{bad}: {out}"
        );
    }
    std::fs::write(&file, text.replace("0110113719", "4710113719")).unwrap();
    let (_, out, _) = status(tmp.path(), "en", &["complete.toml"]);
    assert!(
        !out.contains("institution-code-prefecture-unknown"),
        "{out}"
    );
}

/// An answers file naming an edition medsec does not know (FY2026 before its workbook is
/// imported and added): exit 2, the reason in the reader's language, and what to do.
#[test]
fn an_unknown_edition_is_said_in_the_readers_language_with_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("a.toml"),
        "format_version = 1\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2099\"\n",
    )
    .unwrap();
    for (lang, wants) in [
        (
            "ja",
            &["版`fy2099`はありません", "medsec checklist add"][..],
        ),
        (
            "en",
            &["has no edition `fy2099`", "medsec checklist add"][..],
        ),
    ] {
        let (code, out, err) = status(tmp.path(), lang, &["a.toml"]);
        assert_eq!(code, 2, "{out}{err}");
        for want in wants {
            assert!(err.contains(want), "{lang}: {want}: {err}");
        }
        if lang == "ja" {
            assert!(!err.contains("has no edition"), "{err}");
        }
    }
}

/// `status --evidence`: what the evidence check finds counts by its severity. A warning
/// (evidence tied to no institution) leaves a complete status complete, exit 0, with the next
/// step naming the evidence; an error (evidence made before the fiscal year) makes it
/// incomplete, exit 1, with no next step.
#[test]
fn evidence_warnings_keep_a_status_complete_and_evidence_errors_do_not() {
    let tmp = answers_folder();
    let mut ev: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("report/evidence.json")).unwrap()).unwrap();
    // The fixture's backup probe passed this time: nothing contradicts the answers.
    ev["results"][0]["verdict"] = "pass".into();
    ev["results"][0]["reason"] = "the newest backup file is 1 day old (limit 7)".into();
    assert!(ev.get("institution").is_none(), "{ev:#}");
    std::fs::write(
        tmp.path().join("passing.json"),
        serde_json::to_vec(&ev).unwrap(),
    )
    .unwrap();
    let (code, out, err) = status(
        tmp.path(),
        "en",
        &["complete.toml", "--evidence", "passing.json"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("warning[evidence-no-institution]"), "{out}");
    assert!(
        out.contains(
            "Next: make the report with `medsec report --answers complete.toml --evidence passing.json --out bundle --checklist "
        ),
        "{out}"
    );
    ev["started"] = "2025-03-01T01:00:00Z".into();
    ev["finished"] = "2025-03-01T01:00:02Z".into();
    std::fs::write(
        tmp.path().join("old.json"),
        serde_json::to_vec(&ev).unwrap(),
    )
    .unwrap();
    let (code, out, err) = status(
        tmp.path(),
        "en",
        &["complete.toml", "--evidence", "old.json"],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("error[evidence-before-fiscal-year]"), "{out}");
    assert!(!out.contains("Next:"), "{out}");
}

/// A file that is no answers file by its name (not .toml, .yaml, .yml): unusable, exit 2, with
/// its own code in the JSON (`unknown-file-type`, not the generic `unreadable`).
#[test]
fn a_file_of_an_unknown_type_is_unusable_with_its_code() {
    let tmp = answers_folder();
    std::fs::write(tmp.path().join("notes.txt"), "はい\n").unwrap();
    let (code, json, err) = status(tmp.path(), "en", &["notes.txt", "--format", "json"]);
    assert_eq!(code, 2, "{json}{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["usable"], false, "{json}");
    assert_eq!(v["unusable"][0]["code"], "unknown-file-type", "{json}");
    assert_eq!(v["unusable"][0]["file"], "notes.txt", "{json}");
    assert!(
        err.contains("notes.txt:1:1: error[unknown-file-type]"),
        "{err}"
    );
}

/// `status --format json` of a file that does not parse: the JSON is the same bytes in ja and en
/// (read once, in English), while standard error says the problem in the reader's language
/// (moved from tests/lang/words.rs: mutants.sh runs this binary for src/commands/status.rs).
#[test]
fn status_json_is_read_once_and_its_problem_is_said_in_the_readers_language() {
    let w = tempfile::tempdir().unwrap();
    std::fs::write(
        w.path().join("bad.toml"),
        "format_version = 1\n[checklist\n",
    )
    .unwrap();
    let mut json_of = Vec::new();
    for (lang, says) in [
        (
            "ja",
            "bad.toml:2:11: エラー[parse-error]: 書き方に誤りがあります",
        ),
        (
            "en",
            "bad.toml:2:11: error[parse-error]: the file is not written correctly here",
        ),
    ] {
        let out = common::medsec()
            .current_dir(w.path())
            .args(["--lang", lang, "status", "--format", "json", "bad.toml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr_of(&out).contains(says), "{}", stderr_of(&out));
        json_of.push(out.stdout);
    }
    assert_eq!(json_of[0], json_of[1], "JSON differs between ja and en");
    assert!(String::from_utf8_lossy(&json_of[0]).contains("the file is not written correctly"));
}

/// A backup copy beside the answers file (`complete.toml.bak`, an editor's `complete.toml~`)
/// is no answers file, however it reads: with no file named, `status` reads the one answers
/// file there, as if the copy were not.
#[test]
fn a_backup_copy_beside_the_answers_file_is_no_answers_file() {
    let tmp = answers_folder();
    let answers = std::fs::read(tmp.path().join("complete.toml")).unwrap();
    for copy in ["complete.toml.bak", "complete.toml~"] {
        std::fs::write(tmp.path().join(copy), &answers).unwrap();
    }
    let (code, given, _) = status(tmp.path(), "en", &["complete.toml"]);
    let (code2, found, err) = status(tmp.path(), "en", &[]);
    assert_eq!((code, code2), (0, 0), "{found}{err}");
    assert_eq!(given, found);
}
