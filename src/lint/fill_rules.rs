//! `checklist lint`: does the `[rules]` block fit the checklist's items? (Its values are
//! checked when the file is read, in `checklist::validate`.)
//!
//! | code | severity | when |
//! |---|---|---|
//! | `rules-gate-mismatch` | error | `gate = "not-on-form"` but an item is the gate, or `gate = "on-form"` and none is |
//! | `rules-reference-only-required` | error | `reference_only` lists `required` |
//! | `rules-requirement-unlisted` | error | an item's requirement is neither `required` nor listed in `reference_only` |
//! | `rules-next-year-without-items` | warning | `next_year_target` is set but no item is `next-year` |
//! | `rules-missing` | warning | a bundled-style checklist (publisher `mhlw`) without a `[rules]` block |

use crate::checklist::{Checklist, OnForm, Requirement};
use crate::diagnostic::{Diagnostic, Location, MessageRef, Severity};

/// Diagnostics about the `[rules]` block of a valid checklist.
pub fn check(file: &str, source: &str, checklist: &Checklist) -> Vec<Diagnostic> {
    let at = source
        .find("\n[rules]")
        .map_or(0, |i| i + 1)
        .min(source.len());
    let location = Location::at(file, source, at);
    let mut out = Vec::new();
    let mut push = |severity, code, text: MessageRef| {
        out.push(Diagnostic {
            code,
            severity,
            location: location.clone(),
            message: crate::i18n::render(crate::checklist::Lang::En, &text),
            text: Some(text),
        });
    };
    let Some(rules) = &checklist.rules else {
        if checklist.publisher == "mhlw" {
            push(
                Severity::Warning,
                "rules-missing",
                crate::msg_ref!("rules-data-lint-missing", checklist = checklist.full_id()),
            );
        }
        return out;
    };
    let gate = checklist.items.iter().find(|i| i.gate);
    match (rules.gate, gate) {
        (OnForm::NotOnForm, Some(item)) => push(
            Severity::Error,
            "rules-gate-mismatch",
            crate::msg_ref!("rules-data-lint-gate-not-on-form", item = item.id.as_str()),
        ),
        (OnForm::OnForm, None) => push(
            Severity::Error,
            "rules-gate-mismatch",
            crate::msg_ref!("rules-data-lint-gate-missing"),
        ),
        _ => {}
    }
    if rules.reference_only.contains(&Requirement::Required) {
        push(
            Severity::Error,
            "rules-reference-only-required",
            crate::msg_ref!("rules-data-lint-reference-only-required"),
        );
    }
    let mut unlisted: Vec<Requirement> = checklist
        .items
        .iter()
        .map(|i| i.requirement)
        .filter(|r| *r != Requirement::Required && !rules.reference_only.contains(r))
        .collect();
    unlisted.sort();
    unlisted.dedup();
    for r in unlisted {
        push(
            Severity::Error,
            "rules-requirement-unlisted",
            crate::msg_ref!(
                "rules-data-lint-requirement-unlisted",
                requirement = r.as_str()
            ),
        );
    }
    let has_next_year = checklist
        .items
        .iter()
        .any(|i| i.requirement == Requirement::NextYear);
    if rules.next_year_target.is_some() && !has_next_year {
        push(
            Severity::Warning,
            "rules-next-year-without-items",
            crate::msg_ref!("rules-data-lint-next-year-without-items"),
        );
    }
    out
}
