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
    lang: Lang,
    color: bool,
) -> String {
    let mut out = super::status::body(inspection, lang, color);
    if !recorded.is_empty() {
        out.push('\n');
        out.push_str(&tr!(lang, "verify-status-recorded"));
        out.push('\n');
        for d in recorded {
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
    out.push_str(&super::status::summary(
        inspection, unusable, recorded, lang,
    ));
    out
}

/// status's JSON, with `report`: report.json's SHA-256 and the findings it records.
pub fn json(
    inspection: &Inspection,
    unusable: &[Diagnostic],
    recorded: &[Diagnostic],
    sha256: &str,
) -> String {
    let text = super::status::json(inspection, unusable);
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert(
            "report".to_owned(),
            serde_json::json!({ "sha256": sha256, "recorded_findings": recorded }),
        );
    }
    super::json(&value)
}
