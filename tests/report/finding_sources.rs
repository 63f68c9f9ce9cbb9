//! Where a finding comes from, as the report for people says it (issue #12): the evidence
//! checks (`evidence-no-institution`, …) are recorded in report.json with the source
//! `contradiction`, for older readers, but the HTML names them probe evidence, by their code.

use crate::common;

use common::{fixture, keygen, stderr_of, with_fixtures};

#[test]
fn evidence_findings_have_their_own_source_label_in_japanese_and_english() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = common::complete_answers_in(tmp.path());
    let key = tmp.path().join("hospital");
    keygen(&key);
    let out = tmp.path().join("bundle");
    // The fixture evidence records no institution and fails a probe answered はい.
    let o = with_fixtures()
        .arg("report")
        .arg("--answers")
        .arg(&answers)
        .arg("--evidence")
        .arg(fixture("report/evidence.json"))
        .arg("--out")
        .arg(&out)
        .arg("--sign")
        .arg(key.with_extension("key"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));

    // report.json keeps the source older readers know.
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let source_of = |code: &str| {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {report:#}"))["source"]
            .clone()
    };
    assert_eq!(source_of("evidence-no-institution"), "contradiction");
    assert_eq!(source_of("answer-contradicted-by-probe"), "contradiction");

    for (lang, evidence, contradiction) in [
        ("ja", "プローブの証跡", "回答と実機確認の矛盾"),
        ("en", "probe evidence", "answer contradicted by a probe"),
    ] {
        let o = with_fixtures()
            .args(["--lang", lang, "render", "--format", "html"])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
        let html = String::from_utf8(o.stdout).unwrap();
        let label_of = |code: &str| {
            let start = format!("<code>{code}</code><div class=\"small\">");
            let at = html
                .find(&start)
                .unwrap_or_else(|| panic!("no finding {code} in:\n{html}"));
            let rest = &html[at + start.len()..];
            rest[..rest.find("</div>").unwrap()].to_owned()
        };
        assert_eq!(label_of("evidence-no-institution"), evidence, "{lang}");
        assert_eq!(
            label_of("answer-contradicted-by-probe"),
            contradiction,
            "{lang}"
        );
    }
}
