//! The lint rules by stable code: default severity and a one-line description for people
//! (SARIF rule metadata, docs/lint.md). A code missing here (a newer rule) still reports; its
//! description falls back to the finding's own message.

use crate::checklist::Lang;
use crate::diagnostic::Severity;

macro_rules! rules {
    ($($code:literal, $severity:ident, $id:literal;)+) => {
        /// Every lint code and its default severity, in the order of docs/lint.md.
        pub const RULES: &[(&str, Severity)] = &[$(($code, Severity::$severity)),+];

        /// What the rule checks, in `lang`.
        pub fn description(code: &str, lang: Lang) -> Option<String> {
            match code {
                $($code => Some(crate::tr!(lang, $id)),)+
                _ => None,
            }
        }
    };
}

rules! {
    "unreadable", Error, "lint-ci-rule-unreadable";
    "not-utf8", Error, "lint-ci-rule-not-utf8";
    "parse-error", Error, "lint-ci-rule-parse-error";
    "no-checklist-files", Error, "lint-ci-rule-no-checklist-files";
    "unsupported-format-version", Error, "lint-ci-rule-unsupported-format-version";
    "missing-field", Error, "lint-ci-rule-missing-field";
    "invalid-id", Error, "lint-ci-rule-invalid-id";
    "id-form-mismatch", Error, "lint-ci-rule-id-form-mismatch";
    "invalid-fiscal-year", Error, "lint-ci-rule-invalid-fiscal-year";
    "invalid-edition", Error, "lint-ci-rule-invalid-edition";
    "edition-year-mismatch", Error, "lint-ci-rule-edition-year-mismatch";
    "title-year-mismatch", Error, "lint-ci-rule-title-year-mismatch";
    "invalid-guideline-version", Error, "lint-ci-rule-invalid-guideline-version";
    "invalid-date", Error, "lint-ci-rule-invalid-date";
    "invalid-url", Error, "lint-ci-rule-invalid-url";
    "unknown-form", Error, "lint-ci-rule-unknown-form";
    "unknown-institution-kind", Error, "lint-ci-rule-unknown-institution-kind";
    "unknown-scope", Error, "lint-ci-rule-unknown-scope";
    "unknown-requirement", Error, "lint-ci-rule-unknown-requirement";
    "unknown-not-applicable-rule", Error, "lint-ci-rule-unknown-not-applicable-rule";
    "unknown-probe-kind", Error, "lint-ci-rule-unknown-probe-kind";
    "missing-translation", Error, "lint-ci-rule-missing-translation";
    "ja-not-japanese", Error, "lint-ci-rule-ja-not-japanese";
    "duplicate-section-id", Error, "lint-ci-rule-duplicate-section-id";
    "duplicate-item-id", Error, "lint-ci-rule-duplicate-item-id";
    "duplicate-number", Error, "lint-ci-rule-duplicate-number";
    "multiple-gates", Error, "lint-ci-rule-multiple-gates";
    "invalid-replaces", Error, "lint-ci-rule-invalid-replaces";
    "invalid-number", Error, "lint-ci-rule-invalid-number";
    "unknown-section", Error, "lint-ci-rule-unknown-section";
    "number-section-mismatch", Warning, "lint-ci-rule-number-section-mismatch";
    "empty-section", Warning, "lint-ci-rule-empty-section";
    "unknown-guideline-ref", Error, "lint-ci-rule-unknown-guideline-ref";
    "verified-with-note", Warning, "lint-ci-rule-verified-with-note";
    "unverified-wording", Warning, "lint-ci-rule-unverified-wording";
    "duplicate-checklist", Error, "lint-ci-rule-duplicate-checklist";
    "invalid-lint-config", Error, "lint-ci-rule-invalid-lint-config";
    "unknown-rule-value", Error, "lint-ci-rule-unknown-rule-value";
    "rules-gate-mismatch", Error, "lint-ci-rule-rules-gate-mismatch";
    "rules-reference-only-required", Error, "lint-ci-rule-rules-reference-only-required";
    "rules-requirement-unlisted", Error, "lint-ci-rule-rules-requirement-unlisted";
    "rules-next-year-without-items", Warning, "lint-ci-rule-rules-next-year-without-items";
    "rules-missing", Warning, "lint-ci-rule-rules-missing";
    "extends-invalid", Error, "lint-ci-rule-extends-invalid";
    "extends-out-of-scope-without-base", Error, "lint-ci-rule-extends-out-of-scope-without-base";
    "extends-item-prefix", Error, "lint-ci-rule-extends-item-prefix";
    "extends-duplicate-out-of-scope", Error, "lint-ci-rule-extends-duplicate-out-of-scope";
    "extends-missing-reason", Error, "lint-ci-rule-extends-missing-reason";
    "extends-unknown-base", Error, "lint-ci-rule-extends-unknown-base";
    "extends-chain", Error, "lint-ci-rule-extends-chain";
    "extends-other-form", Error, "lint-ci-rule-extends-other-form";
    "extends-other-edition", Error, "lint-ci-rule-extends-other-edition";
    "extends-same-publisher", Error, "lint-ci-rule-extends-same-publisher";
    "extends-item-collision", Error, "lint-ci-rule-extends-item-collision";
    "extends-item-shadows", Error, "lint-ci-rule-extends-item-shadows";
    "extends-number-collision", Error, "lint-ci-rule-extends-number-collision";
    "extends-section-collision", Error, "lint-ci-rule-extends-section-collision";
    "extends-unknown-out-of-scope", Error, "lint-ci-rule-extends-unknown-out-of-scope";
    "base-item-required-out-of-scope", Error, "lint-ci-rule-base-item-required-out-of-scope";
    "breaking-change-same-edition", Error, "lint-rule-breaking-change-same-edition";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_described_in_both_languages() {
        for (code, _) in RULES {
            for lang in [Lang::Ja, Lang::En] {
                let d = description(code, lang).unwrap_or_default();
                assert!(!d.is_empty() && !d.contains("lint-ci-rule"), "{code}: {d}");
            }
        }
    }
}
