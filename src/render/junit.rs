//! `checklist lint --format junit`: JUnit XML for CI systems that show test reports (GitLab's
//! `artifacts:reports:junit`). One test case per file, one failure per error; warnings are
//! failures only when denied (they arrive here as errors), else listed in the case's output.

use crate::checklist::Lang;
use crate::diagnostic::{Diagnostic, Severity};
use std::collections::BTreeMap;

/// Text safe inside XML text and attribute values: the five special characters as entities,
/// controls (not allowed in XML 1.0) shown escaped.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in super::text::escape_controls(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The report for the linted `files` and their `diags`, messages in `lang`.
pub fn junit(files: &[String], diags: &[Diagnostic], lang: Lang) -> String {
    let mut cases: BTreeMap<&str, Vec<&Diagnostic>> =
        files.iter().map(|f| (f.as_str(), Vec::new())).collect();
    for d in diags {
        cases.entry(d.location.file.as_str()).or_default().push(d);
    }
    let failed_cases = cases
        .values()
        .filter(|ds| ds.iter().any(|d| d.severity == Severity::Error))
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"medsec checklist lint\" tests=\"{}\" failures=\"{failed_cases}\" errors=\"0\">\n",
        cases.len()
    ));
    out.push_str(&format!(
        "  <testsuite name=\"medsec checklist lint\" tests=\"{}\" failures=\"{failed_cases}\" errors=\"0\" skipped=\"0\">\n",
        cases.len()
    ));
    for (file, ds) in &cases {
        out.push_str(&format!(
            "    <testcase classname=\"medsec.checklist.lint\" name=\"{0}\" file=\"{0}\">\n",
            xml(file)
        ));
        let mut warnings = Vec::new();
        for d in ds {
            let line = super::diagnostics::line(d, lang, false);
            if d.severity == Severity::Error {
                out.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                    xml(d.code),
                    xml(&super::diagnostics::message(d, lang)),
                    xml(&line)
                ));
            } else {
                warnings.push(xml(&line));
            }
        }
        if !warnings.is_empty() {
            out.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                warnings.join("\n")
            ));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(xml("a<b>&\"'\u{1b}"), "a&lt;b&gt;&amp;&quot;&apos;\\u{1b}");
    }
}
