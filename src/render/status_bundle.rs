//! `medsec status BUNDLE|report.json`: the status table of the report's answers, then the
//! findings the report records that the rules alone do not show.

use crate::answers::rules::Inspection;
use crate::checklist::Lang;
use crate::diagnostic::Diagnostic;
use crate::tr;

pub fn table(
    inspection: &Inspection,
    unusable: &[Diagnostic],
    recorded: &[Diagnostic],
    computed: &[Diagnostic],
    lang: Lang,
    color: bool,
) -> String {
    let mut out = super::status::body(inspection, lang, color);
    // What report.json records, then, apart, what is found now and never recorded.
    for (heading, list) in [
        (tr!(lang, "verify-status-recorded"), recorded),
        (tr!(lang, "report-evidence-status-computed"), computed),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&heading);
        out.push('\n');
        for d in list {
            // The message as made in `lang` (with the items' numbers and titles from the checklist);
            // the severity in the reader's words (警告/エラー).
            let plain = Diagnostic {
                text: None,
                ..d.clone()
            };
            out.push_str(&super::diagnostics::line(&plain, lang, color));
            out.push('\n');
        }
        out.push('\n');
    }
    // One verdict, after everything it counts.
    let all: Vec<Diagnostic> = recorded.iter().chain(computed).cloned().collect();
    out.push_str(&super::status::summary(inspection, unusable, &all, lang));
    out
}

/// status's JSON, with `report`: report.json's SHA-256, the findings it records and, apart,
/// those found now from it (`no-probe-evidence`), which it never records.
pub fn json(
    inspection: &Inspection,
    unusable: &[Diagnostic],
    recorded: &[Diagnostic],
    computed: &[Diagnostic],
    sha256: &str,
) -> String {
    let text = super::status::json(inspection, unusable);
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert(
            "report".to_owned(),
            serde_json::json!({
                "sha256": sha256,
                "recorded_findings": recorded,
                "computed_findings": computed,
            }),
        );
    }
    super::json(&value)
}
