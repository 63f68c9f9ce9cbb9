//! Findings a report records are free of any language (issue #10): report.json holds catalog
//! IDs with items by ID, ISO dates, fiscal years and answers by code, so the same answers give
//! the same bytes whatever `--lang` the signer used, and every reader (`render`, `status
//! bundle/`, `verify`) says them in the reader's language. Older reports (format 2: arguments
//! already in Japanese) are still shown as recorded and still verify.

use crate::common;

use common::{fixture, medsec, stderr_of, stdout_of};
use serde_json::Value;
use std::path::{Path, PathBuf};

const INST: &str = "checklist-fy2025-institution.toml";
const VEND: &str = "checklist-fy2025-vendor.toml";

/// `medsec --lang LANG` with the fixture checklists.
fn medsec_in(lang: &str) -> assert_cmd::Command {
    let mut cmd = medsec();
    cmd.args(["--lang", lang]);
    for c in [INST, VEND] {
        cmd.arg("--checklist").arg(fixture(c));
    }
    cmd
}

fn is_japanese(c: char) -> bool {
    ('\u{3040}'..='\u{30ff}').contains(&c)
        || ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// Japanese left in `line` once the data of the fixture (the institution's and vendor's
/// names) and the form's own words quoted in English messages (はい/いいえ) are taken out.
fn japanese_outside_form_text(line: &str) -> bool {
    let mut rest = line.to_owned();
    for quoted in [
        "テスト診療所",
        "株式会社テストシステム",
        "(はい/いいえ)",
        "はい",
        "いいえ",
    ] {
        rest = rest.replace(quoted, "");
    }
    rest.chars().any(is_japanese)
}

/// The answers fixtures, probe evidence whose failure has a reason code, and a key.
struct Setup {
    tmp: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("answers");
        std::fs::create_dir_all(dir.join("evidence")).unwrap();
        for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
            std::fs::copy(fixture("answers").join(f), dir.join(f)).unwrap();
        }
        let mut evidence: Value =
            serde_json::from_slice(&std::fs::read(fixture("report/evidence.json")).unwrap())
                .unwrap();
        evidence["results"][0]["reason_code"] = "backup-too-old".into();
        evidence["results"][0]["reason_details"] = serde_json::json!([
            {"code": "backup-too-old", "params": {"age_seconds": 3_542_400, "max_age": "7d"}}
        ]);
        std::fs::write(
            tmp.path().join("evidence.json"),
            serde_json::to_vec_pretty(&evidence).unwrap(),
        )
        .unwrap();
        let o = medsec()
            .args(["keygen", "--unencrypted", "--out"])
            .arg(tmp.path().join("k"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr_of(&o));
        Setup { tmp }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// A signed bundle made with `report --lang LANG` in `out`.
    fn report(&self, lang: &str, out: &str) -> PathBuf {
        let bundle = self.path(out);
        let o = medsec_in(lang)
            .arg("report")
            .arg("--answers")
            .arg(self.path("answers/complete.toml"))
            .arg("--evidence")
            .arg(self.path("evidence.json"))
            .arg("--out")
            .arg(&bundle)
            .arg("--sign")
            .arg(self.path("k.key"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
        bundle
    }
}

/// report.json with its one volatile line (the time it was made) taken out: the test's fixed
/// time.
fn report_without_time(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("report.json"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("\"generated_at\""))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn report_json_is_the_same_bytes_under_ja_and_en_and_its_findings_hold_no_words() {
    let s = Setup::new();
    let ja = s.report("ja", "ja");
    let en = s.report("en", "en");
    let text = report_without_time(&ja);
    assert_eq!(
        text,
        report_without_time(&en),
        "report.json differs between --lang ja and --lang en"
    );
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["format_version"], 3);
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.len() >= 3, "{findings:?}");
    // No word of any language in what the findings record: IDs, codes, dates, numbers.
    let recorded = serde_json::to_string(&report["findings"]).unwrap();
    assert!(!recorded.chars().any(is_japanese), "{recorded}");
    let by_code = |code: &str| {
        findings
            .iter()
            .find(|f| f["code"] == code)
            .unwrap_or_else(|| panic!("{code} in {findings:?}"))
    };
    let overdue = &by_code("target-date-overdue")["text"]["args"];
    assert!(overdue["item"]["item"]["id"].is_string(), "{overdue}");
    assert_eq!(overdue["date"]["date"], "2026-03-31", "{overdue}");
    let contradiction = &by_code("answer-contradicted-by-probe")["text"]["args"];
    assert_eq!(
        contradiction["item"]["item"]["id"], "remote-maintenance",
        "{contradiction}"
    );
    assert_eq!(contradiction["probe"]["probe"], "backup-freshness");
    assert_eq!(
        contradiction["reason"]["probe-reason"]["details"][0]["code"],
        "backup-too-old"
    );
}

/// The lines of `out` that show a recorded finding (its code in brackets).
fn finding_lines<'a>(out: &'a str, codes: &[&str]) -> Vec<&'a str> {
    out.lines()
        .filter(|l| codes.iter().any(|c| l.contains(&format!("[{c}]"))))
        .collect()
}

const CODES: [&str; 3] = [
    "target-date-overdue",
    "answer-contradicted-by-probe",
    "unknown-field",
];

#[test]
fn status_of_a_bundle_says_recorded_findings_in_the_readers_language() {
    let s = Setup::new();
    let bundle = s.report("ja", "bundle");
    let status = |lang: &str| {
        let o = medsec_in(lang).arg("status").arg(&bundle).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
        stdout_of(&o)
    };
    let en = status("en");
    let lines = finding_lines(&en, &CODES[..2]);
    assert_eq!(lines.len(), 2, "{en}");
    for line in &lines {
        assert!(!japanese_outside_form_text(line), "Japanese in: {line}");
    }
    assert!(
        en.contains("answered Yes to 2-② Asked the vendor which devices"),
        "{en}"
    );
    assert!(en.contains("2026-03-31"), "{en}");

    let ja = status("ja");
    assert!(
        ja.contains("2-② リモートメンテナンスに「はい」と回答していますが"),
        "{ja}"
    );
    assert!(ja.contains("2026-03-31(令和8年3月31日)"), "{ja}");
}

#[test]
fn render_shows_recorded_findings_in_the_readers_language() {
    let s = Setup::new();
    let bundle = s.report("ja", "bundle");
    let render = |lang: &str| {
        let o = medsec_in(lang)
            .arg("render")
            .arg(&bundle)
            .args(["--format", "md", "--pubkey"])
            .arg(s.path("k.pub"))
            .args(["--as-of", "2025-10-01"])
            .output()
            .unwrap();
        assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr_of(&o));
        stdout_of(&o)
    };
    // The findings table names each code in a cell of its own: | `code` | …
    let rows = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| CODES.iter().any(|c| l.starts_with(&format!("| `{c}`"))))
            .map(str::to_owned)
            .collect()
    };
    let en = render("en");
    let lines = rows(&en);
    assert_eq!(lines.len(), 3, "{en}");
    for line in &lines {
        assert!(!japanese_outside_form_text(line), "Japanese in: {line}");
    }
    let ja = render("ja");
    let overdue = rows(&ja)
        .into_iter()
        .find(|l| l.contains("target-date-overdue"))
        .unwrap_or_else(|| panic!("{ja}"));
    assert!(overdue.contains("令和8年3月31日"), "{overdue}");
    assert!(
        ja.contains("2-② リモートメンテナンスに「はい」と回答していますが"),
        "{ja}"
    );
}

#[test]
fn verify_agrees_with_a_language_free_bundle_in_either_language() {
    let s = Setup::new();
    let bundle = s.report("en", "bundle");
    for lang in ["ja", "en"] {
        let o = medsec_in(lang)
            .arg("verify")
            .arg(&bundle)
            .arg("--pubkey")
            .arg(s.path("k.pub"))
            .args(["--as-of", "2025-10-01", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stdout_of(&o));
        let out = stdout_of(&o);
        assert!(!out.contains("findings-disagree"), "{out}");
        let json: Value = serde_json::from_str(&out).unwrap();
        let contradiction = json["bundles"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "answer-contradicted-by-probe")
            .unwrap()["message"]
            .as_str()
            .unwrap()
            .to_owned();
        // JSON is the same in either language (issue #10): English, the item by its number.
        assert!(
            !japanese_outside_form_text(&contradiction),
            "{lang}: {contradiction}"
        );
        assert!(contradiction.contains("2-②"), "{lang}: {contradiction}");
    }
}

/// A bundle of format 2 (tests/fixtures/report/v2: made by medsec before this change, with
/// the arguments of its findings already in Japanese) still verifies in either language, and
/// its recorded findings are shown as recorded.
#[test]
fn a_format_2_bundle_still_verifies_and_shows_its_findings_as_recorded() {
    let dir = fixture("report/v2");
    let bundle = dir.join("bundle");
    let report: Value =
        serde_json::from_slice(&std::fs::read(bundle.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["format_version"], 2);
    for lang in ["ja", "en"] {
        let o = medsec()
            .args(["--lang", lang, "verify"])
            .arg(&bundle)
            .arg("--pubkey")
            .arg(dir.join("signer.pub"))
            .args(["--as-of", "2026-12-01", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stdout_of(&o));
        let json: Value = serde_json::from_slice(&o.stdout).unwrap();
        let findings = json["bundles"][0]["findings"].as_array().unwrap();
        let codes: Vec<&str> = findings
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(!codes.contains(&"findings-disagree"), "{codes:?}");
        assert!(codes.contains(&"answer-contradicted-by-probe"), "{codes:?}");
        assert!(codes.contains(&"unknown-field"), "{codes:?}");
        // The re-run speaks the reader's language.
        let contradiction = findings
            .iter()
            .find(|f| f["code"] == "answer-contradicted-by-probe")
            .unwrap()["message"]
            .as_str()
            .unwrap();
        if lang == "en" {
            assert!(
                !japanese_outside_form_text(contradiction),
                "{contradiction}"
            );
        }
    }
    // `status` shows what only the report knows as it was recorded: Japanese arguments.
    for lang in ["ja", "en"] {
        let o = medsec()
            .args(["--lang", lang, "status"])
            .arg(&bundle)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
        let out = stdout_of(&o);
        let line = finding_lines(&out, &["answer-contradicted-by-probe"]);
        assert_eq!(line.len(), 1, "{out}");
        assert!(line[0].contains("2-② リモートメンテナンス"), "{out}");
    }
    let o = medsec()
        .args(["--lang", "en", "render"])
        .arg(&bundle)
        .args(["--format", "md", "--pubkey"])
        .arg(dir.join("signer.pub"))
        .output()
        .unwrap();
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr_of(&o));
    assert!(
        stdout_of(&o).contains("answered Yes to 2-② リモートメンテナンス"),
        "{}",
        stdout_of(&o)
    );
}

/// The notice that this fiscal year's form is not registered yet is said once by `status`
/// over answers files (the commands that pick an edition add it), and never over a bundle: it
/// is advice for filling in a form, and an inspector reading a bundle fills in none
/// (`src/commands/status.rs` `reads_bundles`, which app.rs asks before adding it).
#[test]
fn status_says_the_edition_notice_once_over_answers_and_never_over_a_bundle() {
    let s = Setup::new();
    let bundle = s.report("en", "bundle");
    let notices = |o: &std::process::Output| {
        stderr_of(o)
            .lines()
            .filter(|l| l.contains("this fiscal year's"))
            .count()
    };
    // Whether a notice is due today: the bundled editions are older than the clock's fiscal
    // year (so from FY2026 until its edition is bundled; the fixture checklists are FY2025).
    let catalog = medsec::checklist::Catalog::bundled().unwrap();
    let (stale, _) = medsec::checklist::stale(&catalog, medsec::dates::today_in_japan());
    let due = usize::from(!stale.is_empty());
    let answers = medsec_in("en")
        .arg("status")
        .arg(s.path("answers/complete.toml"))
        .output()
        .unwrap();
    assert_eq!(notices(&answers), due, "{}", stderr_of(&answers));
    let of_bundle = medsec_in("en").arg("status").arg(&bundle).output().unwrap();
    assert_eq!(notices(&of_bundle), 0, "{}", stderr_of(&of_bundle));
}
