//! `checklist lint --format sarif`: SARIF 2.1.0 (GitHub code scanning), one run with the
//! rule metadata in the run's language and one result per finding at its file, line and column.

use crate::checklist::Lang;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::rules;
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn severity_word(s: Severity, lang: Lang) -> String {
    match s {
        Severity::Error => crate::tr!(lang, "lint-severity-error"),
        Severity::Warning => crate::tr!(lang, "lint-severity-warning"),
    }
}

/// A file name as a URI reference: relative paths stay relative (code scanning wants them
/// relative to the repository), absolute ones become `file://` URIs; bytes outside the
/// unreserved set and `/` are percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The SARIF log for `diags`, texts in `lang`.
pub fn sarif(diags: &[Diagnostic], lang: Lang) -> String {
    // Every known rule, then codes met that the table does not know (a newer rule).
    let mut codes: Vec<(String, Severity)> = rules::RULES
        .iter()
        .map(|(c, s)| ((*c).to_owned(), *s))
        .collect();
    for d in diags {
        if !codes.iter().any(|(c, _)| c == d.code) {
            codes.push((d.code.to_owned(), d.severity));
        }
    }
    let rules: Vec<Value> = codes
        .iter()
        .map(|(code, severity)| {
            let description = rules::description(code, lang).unwrap_or_else(|| {
                diags
                    .iter()
                    .find(|d| d.code == code)
                    .map_or_else(|| code.clone(), |d| super::diagnostics::message(d, lang))
            });
            // Rules no `--allow` silences are not offered to be allowed.
            let allowable = !crate::lint::config::NOT_ALLOWABLE.contains(&code.as_str());
            let full = if allowable {
                crate::tr!(
                    lang,
                    "lint-ci-rule-full",
                    description = description.as_str(),
                    severity = severity_word(*severity, lang),
                    code = code.as_str()
                )
            } else {
                crate::tr!(
                    lang,
                    "lint-ci-rule-full-not-allowable",
                    description = description.as_str(),
                    severity = severity_word(*severity, lang)
                )
            };
            json!({
                "id": code,
                "name": code,
                "shortDescription": { "text": description },
                "fullDescription": { "text": full },
                "help": { "text": crate::tr!(lang, "lint-ci-rule-help") },
                "defaultConfiguration": { "level": level(*severity) },
            })
        })
        .collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let index = codes.iter().position(|(c, _)| c == d.code).unwrap_or(0);
            json!({
                "ruleId": d.code,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": super::diagnostics::message(d, lang) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.location.file) },
                        "region": {
                            "startLine": d.location.line.max(1),
                            "startColumn": d.location.column.max(1),
                        }
                    }
                }],
            })
        })
        .collect();
    // A language tag (RFC 5646), not a sentence.
    let language = if lang == Lang::Ja { "ja-JP" } else { "en-US" };
    super::json(&json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "medsec",
                    "version": env!("CARGO_PKG_VERSION"),
                    "language": language,
                    "rules": rules,
                }
            },
            "language": language,
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_or_file_and_encoded() {
        assert_eq!(uri("checklists/a b.toml"), "checklists/a%20b.toml");
        assert_eq!(uri("/tmp/x.toml"), "file:///tmp/x.toml");
        assert_eq!(uri("様式.toml"), "%E6%A7%98%E5%BC%8F.toml");
    }
}
