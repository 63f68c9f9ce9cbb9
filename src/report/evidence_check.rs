//! Whether probe evidence belongs to the answers it is given with: the institution recorded
//! in it (by `medsec probe --answers`), and when it was made (in the fiscal year, before the
//! report). `status --evidence`, `report --evidence` and verify's re-run share these checks,
//! so the three say the same. Pure: no files, no printing.

use crate::diagnostic::{Arg, MessageRef, Severity, Typed};
use crate::probes::Evidence;
use jiff::Timestamp;

/// Evidence of another institution (医療機関コード, else name, differs): an error.
pub const OTHER_INSTITUTION: &str = "evidence-other-institution";
/// Evidence that records no institution (made without `--answers`, or by an older medsec).
pub const NO_INSTITUTION: &str = "evidence-no-institution";
/// Evidence made before the fiscal year of the answers began: an error.
pub const BEFORE_FISCAL_YEAR: &str = "evidence-before-fiscal-year";
/// Evidence that finished after the report was made: an error.
pub const AFTER_REPORT: &str = "evidence-after-report";

/// Evidence may come from another machine, whose clock may be ahead of the report's: so
/// much later is not yet "after the report".
pub const CLOCK_SLACK_SECONDS: i64 = 600;

/// Every code these checks give, so callers can tell them from other findings.
pub const CODES: [&str; 4] = [
    OTHER_INSTITUTION,
    NO_INSTITUTION,
    BEFORE_FISCAL_YEAR,
    AFTER_REPORT,
];

/// One problem with the evidence: a stable code, a severity, and its language-free message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFinding {
    pub code: &'static str,
    pub severity: Severity,
    pub text: MessageRef,
}

/// What the evidence is checked against.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    /// The answers' 医療機関コード and name (empty when not filled in).
    pub code: &'a str,
    pub name: &'a str,
    /// The fiscal year of the answers' checklist.
    pub fiscal_year: i16,
    /// When the report was made (None for `status`, which makes no report).
    pub made: Option<Timestamp>,
}

fn message(id: &str, args: Vec<(&str, Arg)>) -> MessageRef {
    MessageRef {
        id: id.to_owned(),
        args: args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
    }
}

/// The problems of `evidence` for the answers described by `expected`, in a fixed order.
pub fn check(evidence: &Evidence, expected: &Expected<'_>) -> Vec<EvidenceFinding> {
    let mut out = Vec::new();
    match &evidence.institution {
        None => out.push(EvidenceFinding {
            code: NO_INSTITUTION,
            severity: Severity::Warning,
            text: message("inspector-evidence-no-institution", vec![]),
        }),
        Some(recorded) => {
            let (code, name) = (recorded.code.trim(), recorded.name.trim());
            let (want_code, want_name) = (expected.code.trim(), expected.name.trim());
            // The code decides when both have one; the name only when a code is missing.
            let other = if !code.is_empty() && !want_code.is_empty() {
                code != want_code
            } else {
                !name.is_empty() && !want_name.is_empty() && name != want_name
            };
            if other {
                out.push(EvidenceFinding {
                    code: OTHER_INSTITUTION,
                    severity: Severity::Error,
                    text: message(
                        "inspector-evidence-other-institution",
                        vec![
                            ("evidence_code", code.into()),
                            ("evidence_name", name.into()),
                            ("code", want_code.into()),
                            ("name", want_name.into()),
                        ],
                    ),
                });
            }
        }
    }
    let (first_day, _) = crate::dates::fiscal_year_bounds(expected.fiscal_year);
    let started = crate::dates::date_in_japan(evidence.started);
    if started < first_day {
        out.push(EvidenceFinding {
            code: BEFORE_FISCAL_YEAR,
            severity: Severity::Error,
            text: message(
                "inspector-evidence-before-fiscal-year",
                vec![
                    ("date", Typed::Date(started.to_string()).into()),
                    ("fy", Typed::FiscalYear(expected.fiscal_year).into()),
                ],
            ),
        });
    }
    if let Some(made) = expected.made {
        if evidence.finished.as_second() > made.as_second() + CLOCK_SLACK_SECONDS {
            out.push(EvidenceFinding {
                code: AFTER_REPORT,
                severity: Severity::Error,
                text: message(
                    "inspector-evidence-after-report",
                    vec![
                        ("finished", evidence.finished.to_string().into()),
                        ("made", made.to_string().into()),
                    ],
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probes::evidence::InstitutionRecord;

    fn evidence(institution: Option<(&str, &str)>, started: &str) -> Evidence {
        let json = format!(
            r#"{{"format_version":1,"tool":{{"name":"medsec","version":"0"}},
            "host":{{"name":"pc01","os":"linux"}},
            "started":"{started}","finished":"{started}","root":"/","results":[]}}"#
        );
        let mut e: Evidence = serde_json::from_str(&json).unwrap();
        e.institution = institution.map(|(code, name)| InstitutionRecord {
            code: code.to_owned(),
            name: name.to_owned(),
        });
        e
    }

    fn codes(e: &Evidence, made: Option<&str>) -> Vec<&'static str> {
        let expected = Expected {
            code: "0110113719",
            name: "テスト診療所",
            fiscal_year: 2025,
            made: made.map(|m| m.parse().unwrap()),
        };
        check(e, &expected).into_iter().map(|p| p.code).collect()
    }

    #[test]
    fn the_institution_is_compared_by_code_then_name() {
        let at = "2025-10-01T01:00:00Z";
        let same = evidence(Some(("0110113719", "別名")), at);
        assert!(codes(&same, None).is_empty(), "the code decides");
        let other = evidence(Some(("1310000001", "テスト診療所")), at);
        assert_eq!(codes(&other, None), [OTHER_INSTITUTION]);
        let by_name = evidence(Some(("", "別の病院")), at);
        assert_eq!(codes(&by_name, None), [OTHER_INSTITUTION]);
        let nothing = evidence(Some(("", "")), at);
        assert!(codes(&nothing, None).is_empty());
        assert_eq!(codes(&evidence(None, at), None), [NO_INSTITUTION]);
    }

    #[test]
    fn evidence_is_of_the_fiscal_year_and_before_the_report() {
        let inst = Some(("0110113719", "テスト診療所"));
        // 2025-03-31T15:00Z is April 1 in Japan: the first day of FY2025.
        let first = evidence(inst, "2025-03-31T15:00:00Z");
        assert!(codes(&first, None).is_empty());
        let before = evidence(inst, "2025-03-31T14:59:59Z");
        assert_eq!(codes(&before, None), [BEFORE_FISCAL_YEAR]);
        let late = evidence(inst, "2025-10-02T00:00:00Z");
        assert_eq!(codes(&late, Some("2025-10-01T00:00:00Z")), [AFTER_REPORT]);
        assert!(codes(&late, Some("2025-10-03T00:00:00Z")).is_empty());
        // Within the clock slack of another machine: not after.
        assert!(codes(&late, Some("2025-10-01T23:55:00Z")).is_empty());
    }
}
