//! Issue #12, the reviewer's leftovers: what `check`, `status`, `verify`, `summarize` and
//! `render` say (and where) in the corners a first review missed, in Japanese and English.

use crate::common;

use common::{fixture, keygen, stderr_of, stdout_of, with_fixtures};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
const AS_OF: &str = "2025-11-01";

/// `medsec --lang LANG ARGS` with the fixture checklists: (exit code, stdout, stderr).
fn run<S: AsRef<OsStr>>(lang: &str, args: &[S]) -> (i32, String, String) {
    let o = with_fixtures()
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// As [`run`], with only the checklists `given` (not the fixture institution form).
fn run_given<S: AsRef<OsStr>>(given: &[&str], lang: &str, args: &[S]) -> (i32, String, String) {
    let mut cmd = common::medsec();
    for c in given {
        cmd.arg("--checklist").arg(c);
    }
    let o = cmd.args(["--lang", lang]).args(args).output().unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// The `エラー:`/`error:` prefix of a line that stops a command.
fn prefix(lang: &str) -> &'static str {
    if lang == "ja" {
        "エラー: "
    } else {
        "error: "
    }
}

/// A signed bundle made by `medsec report` from the complete answers: `(tmp, bundle, pubkey)`.
fn bundle() -> (tempfile::TempDir, PathBuf, PathBuf) {
    bundle_with(|s| s.to_owned())
}

/// As [`bundle`], with the answers file changed by `change` first.
fn bundle_with(change: impl Fn(&str) -> String) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let answers = common::complete_answers_in(tmp.path());
    let text = std::fs::read_to_string(&answers).unwrap();
    std::fs::write(&answers, change(&text)).unwrap();
    let key = tmp.path().join("hospital");
    keygen(&key);
    let out = tmp.path().join("bundle");
    let o = with_fixtures()
        .arg("report")
        .arg("--answers")
        .arg(&answers)
        .arg("--sign")
        .arg(key.with_extension("key"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    (tmp, out, key.with_extension("pub"))
}

fn p(path: &Path) -> &OsStr {
    path.as_os_str()
}

// ---- 5: errors that stop a command: standard error, with the prefix ----

#[test]
fn problems_that_stop_a_command_are_errors_on_standard_error() {
    let (tmp, bundle, pubkey) = bundle();
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    // A tampered copy of the bundle.
    let tampered = tmp.path().join("tampered");
    std::fs::create_dir_all(&tampered).unwrap();
    for entry in std::fs::read_dir(&bundle).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), tampered.join(entry.file_name())).unwrap();
        }
    }
    let report = tampered.join("report.json");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        text.replacen("\"fiscal_year\": 2025", "\"fiscal_year\": 2024", 1),
    )
    .unwrap();
    let json = tmp.path().join("json");
    std::fs::create_dir_all(&json).unwrap();
    let broken = json.join("report.json");
    std::fs::write(&broken, "{").unwrap();
    let cases: Vec<(Vec<&OsStr>, i32)> = vec![
        (vec![OsStr::new("status"), p(&empty)], 2),
        (vec![OsStr::new("status"), p(&tampered)], 3),
        (vec![OsStr::new("status"), p(&broken)], 2),
        (vec![OsStr::new("render"), p(&tampered)], 3),
        (vec![OsStr::new("render"), p(&empty)], 2),
        (
            vec![
                OsStr::new("summarize"),
                OsStr::new("--pubkey"),
                p(&pubkey),
                p(&empty),
            ],
            2,
        ),
        (vec![OsStr::new("verify"), p(&bundle)], 2),
        (vec![OsStr::new("summarize"), p(&bundle)], 2),
        (
            vec![
                OsStr::new("verify"),
                OsStr::new("--pubkey"),
                p(&empty),
                p(&bundle),
            ],
            2,
        ),
        (
            vec![OsStr::new("report"), OsStr::new("--answers"), p(&empty)],
            2,
        ),
    ];
    for lang in ["ja", "en"] {
        for (args, want) in &cases {
            let (code, out, err) = run(lang, args);
            assert_eq!(code, *want, "{lang} {args:?}: {out}{err}");
            let first = err.lines().next().unwrap_or_default();
            assert!(first.starts_with(prefix(lang)), "{lang} {args:?}: {err}");
            assert!(!out.contains(prefix(lang)), "{lang} {args:?}: {out}");
        }
    }
}

// ---- 7: verify and summarize without a key say which flag gives it ----

#[test]
fn verify_without_a_key_says_in_words_which_flag_gives_it() {
    let (_tmp, bundle, _) = bundle();
    for (lang, said) in [
        ("ja", "信頼する公開鍵が指定されていません"),
        ("en", "no key to trust was given"),
    ] {
        for command in ["verify", "summarize"] {
            let (code, out, err) = run(lang, &[OsStr::new(command), p(&bundle)]);
            assert_eq!(code, 2, "{lang}: {err}");
            assert!(out.is_empty(), "{out}");
            assert!(err.starts_with(prefix(lang)), "{lang}: {err}");
            assert!(err.contains(said), "{lang}: {err}");
            assert!(
                err.contains("--pubkey") && err.contains("--trusted"),
                "{err}"
            );
            assert!(
                err.contains(&format!("`medsec {command} --pubkey hospital.pub bundle/`")),
                "{lang}: {err}"
            );
            // Not clap's syntax.
            assert!(
                !err.contains("Usage:") && !err.contains("<--pubkey"),
                "{err}"
            );
        }
    }
}

// ---- 6: `{}` is not a medsec report; a real newer format_version is a newer medsec's ----

#[test]
fn an_empty_json_object_is_not_a_report_and_a_newer_version_is_newer() {
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("report.json");
    for lang in ["ja", "en"] {
        std::fs::write(&report, "{}").unwrap();
        for command in ["status", "render"] {
            let (code, out, err) = run(lang, &[OsStr::new(command), p(&report)]);
            assert_eq!(code, 2, "{lang} {command}: {err}");
            assert!(out.is_empty(), "{out}");
            assert!(err.starts_with(prefix(lang)), "{err}");
            let said = if lang == "ja" {
                "はmedsecの報告書ではありません"
            } else {
                "is not a medsec report"
            };
            assert!(err.contains(said), "{lang} {command}: {err}");
            // The fields it lacks are named; nothing says a newer medsec made it.
            let fields = if lang == "ja" {
                "format_version、generator、generated_at、fiscal_year"
            } else {
                "format_version, generator, generated_at, fiscal_year"
            };
            assert!(err.contains(fields), "{err}");
            assert!(
                !err.contains("newer") && !err.contains("新しいmedsec"),
                "{err}"
            );
        }
        std::fs::write(&report, r#"{"format_version": 9}"#).unwrap();
        let (code, _, err) = run(lang, &[OsStr::new("status"), p(&report)]);
        assert_eq!(code, 2, "{err}");
        let newer = if lang == "ja" {
            "新しいmedsecなら読める場合があります"
        } else {
            "a newer medsec may read it"
        };
        assert!(err.contains("format_version 9"), "{err}");
        assert!(err.contains(newer), "{lang}: {err}");
    }
}

// ---- 2: a contradiction found with --evidence is a finding, not incompleteness ----

#[test]
fn status_with_a_contradiction_stays_complete_and_says_the_finding() {
    let tmp = tempfile::tempdir().unwrap();
    for f in ["complete.toml", "vendor-a.toml"] {
        std::fs::copy(fixture("answers").join(f), tmp.path().join(f)).unwrap();
    }
    let answers = tmp.path().join("complete.toml");
    let evidence = fixture("report/evidence.json");
    for (lang, complete, incomplete) in [
        ("ja", "記入完了です。ただし指摘があります", "未完了"),
        ("en", "complete, but with findings: 1 error", "incomplete"),
    ] {
        let args = [
            OsStr::new("status"),
            p(&answers),
            OsStr::new("--evidence"),
            p(&evidence),
            OsStr::new("--as-of"),
            OsStr::new(AS_OF),
        ];
        let (code, out, err) = run(lang, &args);
        // Exit 1 (docs/exit-codes.md: answers contradicted by --evidence are findings).
        assert_eq!(code, 1, "{lang}: {out}{err}");
        assert!(out.contains("answer-contradicted-by-probe"), "{out}");
        let verdict = out.lines().last().unwrap_or_default();
        assert!(verdict.contains(complete), "{lang}: {verdict}");
        assert!(!verdict.contains(incomplete), "{lang}: {verdict}");
        // No next step while a finding is open.
        assert!(!out.contains("次は") && !out.contains("Next:"), "{out}");
    }
}

// ---- 3: one severity a code, in status and verify alike ----

#[test]
fn a_code_has_one_severity_in_status_and_verify() {
    // 0110113719 is a 北海道 code: given as 東京都, the prefecture does not match.
    let (_tmp, bundle, pubkey) =
        bundle_with(|s| s.replace("prefecture = \"北海道\"", "prefecture = \"東京都\""));
    for (lang, warning) in [("ja", "警告"), ("en", "warning")] {
        let (_, status, err) = run(
            lang,
            &[
                OsStr::new("status"),
                p(&bundle),
                OsStr::new("--as-of"),
                OsStr::new(AS_OF),
            ],
        );
        let (_, verify, err2) = run(
            lang,
            &[
                OsStr::new("verify"),
                p(&bundle),
                OsStr::new("--pubkey"),
                p(&pubkey),
                OsStr::new("--as-of"),
                OsStr::new(AS_OF),
            ],
        );
        for code in ["no-probe-evidence", "institution-code-prefecture-mismatch"] {
            let tag = format!("{warning}[{code}]");
            assert!(status.contains(&tag), "status {lang} {code}: {status}{err}");
            assert!(
                verify.contains(&tag),
                "verify {lang} {code}: {verify}{err2}"
            );
        }
    }
    let (code, json, _) = run(
        "en",
        &[
            OsStr::new("verify"),
            p(&bundle),
            OsStr::new("--pubkey"),
            p(&pubkey),
            OsStr::new("--as-of"),
            OsStr::new(AS_OF),
            OsStr::new("--format"),
            OsStr::new("json"),
        ],
    );
    assert!(matches!(code, 0 | 1), "{json}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    for f in json["bundles"][0]["findings"].as_array().unwrap() {
        if f["code"] == "no-probe-evidence" || f["code"] == "institution-code-prefecture-mismatch" {
            assert_eq!(f["class"], "warning", "{f}");
        }
    }
}

// ---- 4: --expect names one printed report: over several bundles it is refused in words ----

#[test]
fn verify_expect_over_several_bundles_is_refused_in_words() {
    let (tmp, bundle, pubkey) = bundle();
    // A second bundle beside the first, under one folder.
    let second = tmp.path().join("bundle-2");
    std::fs::create_dir_all(&second).unwrap();
    for entry in std::fs::read_dir(&bundle).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), second.join(entry.file_name())).unwrap();
        }
    }
    for dir in ["answers", "hospital.key"] {
        let _ = std::fs::remove_dir_all(tmp.path().join(dir));
        let _ = std::fs::remove_file(tmp.path().join(dir));
    }
    let sha = medsec::signing::manifest::sha256_bytes(
        &std::fs::read(bundle.join("report.json")).unwrap(),
    );
    for (lang, said) in [
        ("ja", "報告書一式が2件見つかりました"),
        ("en", "but 2 bundles were found"),
    ] {
        let (code, out, err) = run(
            lang,
            &[
                OsStr::new("verify"),
                tmp.path().as_os_str(),
                OsStr::new("--pubkey"),
                p(&pubkey),
                OsStr::new("--expect"),
                OsStr::new(&sha),
            ],
        );
        assert_eq!(code, 2, "{lang}: {out}{err}");
        assert!(out.is_empty(), "nothing verified: {out}");
        assert!(err.starts_with(prefix(lang)), "{err}");
        assert!(err.contains(said), "{lang}: {err}");
        assert!(!err.contains("expect-mismatch"), "{err}");
        // One bundle: matched as before.
        let (code, out, err) = run(
            lang,
            &[
                OsStr::new("verify"),
                p(&bundle),
                OsStr::new("--pubkey"),
                p(&pubkey),
                OsStr::new("--expect"),
                OsStr::new(&sha),
                OsStr::new("--as-of"),
                OsStr::new(AS_OF),
            ],
        );
        assert!(matches!(code, 0 | 1), "{lang}: {out}{err}");
        assert!(out.contains("[expect-matched]"), "{out}");
    }
}

// ---- 1: check --as-of: the report's findings and its rows are judged on one day ----

#[test]
fn check_as_of_judges_findings_and_rows_on_the_same_day() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), tmp.path().join(f)).unwrap();
    }
    // complete.toml answers いいえ with the target date 2026-03-31: not passed on 2025-11-01,
    // passed on the day the test runs (2026-04 onwards).
    let overdue_today = medsec::dates::today_in_japan() > jiff::civil::date(2026, 3, 31);
    for lang in ["ja", "en"] {
        let out = tmp.path().join(format!("out-{lang}"));
        let o = with_fixtures()
            .args(["--lang", lang, "check", "--non-interactive", "--answers"])
            .arg(tmp.path().join("complete.toml"))
            .args(["--probes", "examples/clinic/probes.toml", "--as-of", AS_OF])
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        let said = format!("{}{}", stdout_of(&o), stderr_of(&o));
        assert!(out.join("bundle/report.json").is_file(), "{said}");
        let report: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("bundle/report.json")).unwrap())
                .unwrap();
        // The day is recorded, and the findings are judged on it, as status was.
        assert_eq!(report["as_of"], AS_OF, "{report:#}");
        let codes: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["code"].as_str())
            .collect();
        assert!(!codes.contains(&"target-date-overdue"), "{codes:?}");
        // The rows of the printed report agree: no target date highlighted as passed.
        let html = std::fs::read_to_string(out.join("bundle/report.html")).unwrap();
        assert!(
            !html.contains("small overdue"),
            "rows and findings disagree"
        );
        // And verify re-runs the rules on the same day: no disagreement.
        assert!(!said.contains("findings-disagree"), "{said}");
        assert!(!said.contains("target-date-overdue"), "{said}");
    }
    // Without --as-of, the report is judged on its making day and records no as_of.
    if overdue_today {
        let out = tmp.path().join("today");
        let o = with_fixtures()
            .args(["check", "--non-interactive", "--answers"])
            .arg(tmp.path().join("complete.toml"))
            .args(["--probes", "examples/clinic/probes.toml", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        let said = format!("{}{}", stdout_of(&o), stderr_of(&o));
        let report: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("bundle/report.json")).unwrap())
                .unwrap_or_else(|_| panic!("{said}"));
        assert!(report.get("as_of").is_none(), "{report:#}");
        let html = std::fs::read_to_string(out.join("bundle/report.html")).unwrap();
        let recorded = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "target-date-overdue");
        assert_eq!(recorded, html.contains("small overdue"), "{said}");
    }
}

// ---- 8, 9: the spreadsheets say what the table, CSV, HTML and Markdown say ----

fn sheet_rows(bytes: &[u8], sheet: &str) -> Vec<Vec<calamine::Data>> {
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn summarize_xlsx_has_a_real_signed_date_and_marks_an_untrusted_bundle() {
    let (tmp, bundle, pubkey) = bundle();
    let other = tmp.path().join("other");
    keygen(&other);
    // Japanese puts no space before 「(」.
    for (lang, sheet, signed, mark) in [
        ("ja", "報告書一式の一覧", "署名日", "(未検証)"),
        ("en", "bundles", "signed", " (unverified)"),
    ] {
        // Trusted: 署名日 is a date cell.
        let (code, _, err) = run(
            lang,
            &[
                OsStr::new("summarize"),
                p(&bundle),
                OsStr::new("--pubkey"),
                p(&pubkey),
                OsStr::new("--as-of"),
                OsStr::new(AS_OF),
                OsStr::new("--format"),
                OsStr::new("xlsx"),
                OsStr::new("--out"),
                p(&tmp.path().join("s.xlsx")),
                // Each language writes over the last one's workbook.
                OsStr::new("--force"),
            ],
        );
        assert!(matches!(code, 0 | 1), "{err}");
        let rows = sheet_rows(&std::fs::read(tmp.path().join("s.xlsx")).unwrap(), sheet);
        let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
        let col = header.iter().position(|h| h == signed).unwrap();
        match &rows[1][col] {
            calamine::Data::DateTime(d) => assert!(d.is_datetime(), "{d:?}"),
            other => panic!("{lang}: 署名日 is not a date: {other:?}"),
        }
        // Another key: the institution cells are marked as the CSV marks them.
        let o = with_fixtures()
            .args(["--lang", lang, "summarize"])
            .arg(&bundle)
            .arg("--pubkey")
            .arg(other.with_extension("pub"))
            .args(["--as-of", AS_OF, "--format", "csv"])
            .output()
            .unwrap();
        let csv = stdout_of(&o);
        assert!(csv.contains(&format!("0110113719{mark}")), "{csv}");
        let (code, _, _) = run(
            lang,
            &[
                OsStr::new("summarize"),
                p(&bundle),
                OsStr::new("--pubkey"),
                p(&other.with_extension("pub")),
                OsStr::new("--as-of"),
                OsStr::new(AS_OF),
                OsStr::new("--format"),
                OsStr::new("xlsx"),
                OsStr::new("--out"),
                p(&tmp.path().join("u.xlsx")),
                OsStr::new("--force"),
            ],
        );
        assert_eq!(code, 3);
        let rows = sheet_rows(&std::fs::read(tmp.path().join("u.xlsx")).unwrap(), sheet);
        let cells: Vec<String> = rows[1].iter().map(|c| c.to_string()).collect();
        assert!(cells.contains(&format!("0110113719{mark}")), "{cells:?}");
        assert!(cells.contains(&format!("テスト診療所{mark}")), "{cells:?}");
    }
}

#[test]
fn render_xlsx_heads_the_items_with_the_institution_and_marks_unverified_wording() {
    // The first item's wording not checked against the official form.
    let (tmp, bundle, pubkey) = super::gaps12::bundle_with_checklist(|t| {
        t.replacen("verified = true", "verified = false", 1)
    });
    for (lang, sheet, code_label) in [
        ("ja", "チェック項目", "医療機関コード"),
        ("en", "Checklist items", "Institution code"),
    ] {
        let out = tmp.path().join(format!("r-{lang}.xlsx"));
        // The inspector holds no other copy of this checklist (the bundle carries it): a
        // copy of its id@edition with another text would be `checklist-not-inspectors`.
        let (code, _, err) = run_given(
            &[common::VEND, common::INST24],
            lang,
            &[
                OsStr::new("render"),
                p(&bundle),
                OsStr::new("--pubkey"),
                p(&pubkey),
                OsStr::new("--as-of"),
                OsStr::new(AS_OF),
                OsStr::new("--format"),
                OsStr::new("xlsx"),
                OsStr::new("--out"),
                p(&out),
            ],
        );
        assert_eq!(code, 0, "{err}");
        let rows = sheet_rows(&std::fs::read(&out).unwrap(), sheet);
        let text: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        // The institution before the items: name and 医療機関コード with their values.
        let header = text
            .iter()
            .position(|r| r.iter().any(|c| c == "※"))
            .unwrap();
        let head: Vec<&Vec<String>> = text.iter().take(header).collect();
        assert!(
            head.iter()
                .any(|r| r[0] == code_label && r[1] == "0110113719"),
            "{lang}: {head:?}"
        );
        assert!(
            head.iter().any(|r| r.iter().any(|c| c == "テスト診療所")),
            "{head:?}"
        );
        // The ※ column: the fixture's items are not checked against the official form.
        let mark = text[header].iter().position(|c| c == "※").unwrap();
        let marked: Vec<&String> = text
            .iter()
            .skip(header + 1)
            .filter(|r| r[mark] == "※")
            .map(|r| &r[1])
            .collect();
        assert_eq!(marked, ["0"], "{lang}: {text:?}");
    }
}
