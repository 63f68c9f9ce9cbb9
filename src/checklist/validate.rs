//! Raw checklist -> validated model, with every problem as a diagnostic pointing into the file.
//!
//! `checklist lint` shows all diagnostics; loading a checklist fails on any error.

use super::model::*;
use super::raw::{RawChecklist, RawItem, RawText, FORMAT_VERSION};
use crate::diagnostic::{Diagnostic, Location, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

/// The four parts of the Guideline (6.0 and later) a reference may name.
pub const GUIDELINE_PARTS: &[&str] = &["概説編", "経営管理編", "企画管理編", "システム運用編"];

/// Parse and validate one checklist file. Returns the model when there is no error-level
/// diagnostic, and every diagnostic found either way.
pub fn parse(file: &str, source: &str) -> (Option<Checklist>, Vec<Diagnostic>) {
    let mut v = Validator {
        file,
        source,
        diags: Vec::new(),
    };
    let raw: RawChecklist = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(err) => {
            // A wrong format version explains a schema mismatch better than the mismatch does.
            if let Some(found) = format_version_of(source) {
                if found != i64::from(FORMAT_VERSION) {
                    v.error(
                        "unsupported-format-version",
                        None,
                        format!(
                            "format_version {found} is not supported; this medsec reads format_version {FORMAT_VERSION} (a newer medsec may read it)"
                        ),
                    );
                    return (None, v.diags);
                }
            }
            v.error(
                "parse-error",
                err.span(),
                err.message().trim_end().to_owned(),
            );
            return (None, v.diags);
        }
    };
    let checklist = v.checklist(raw);
    let ok = !v.diags.iter().any(|d| d.severity == Severity::Error);
    (ok.then_some(checklist), v.diags)
}

fn format_version_of(source: &str) -> Option<i64> {
    let table: toml::Table = toml::from_str(source).ok()?;
    table.get("format_version")?.as_integer()
}

struct Validator<'a> {
    file: &'a str,
    source: &'a str,
    diags: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Option<Range<usize>>,
        message: String,
    ) {
        self.diags.push(Diagnostic {
            code,
            severity,
            location: Location::of_span(self.file, self.source, span),
            message,
            text: None,
        });
    }

    fn error(&mut self, code: &'static str, span: Option<Range<usize>>, message: String) {
        self.push(Severity::Error, code, span, message);
    }

    fn warning(&mut self, code: &'static str, span: Option<Range<usize>>, message: String) {
        self.push(Severity::Warning, code, span, message);
    }

    fn named<T>(
        &mut self,
        value: &Spanned<String>,
        parse: fn(&str) -> Option<T>,
        code: &'static str,
        what: &str,
        names: String,
    ) -> Option<T> {
        let parsed = parse(value.get_ref());
        if parsed.is_none() {
            self.error(
                code,
                Some(value.span()),
                format!(
                    "unknown {what} `{}`; expected one of: {names}",
                    value.get_ref()
                ),
            );
        }
        parsed
    }

    fn named_list<T>(
        &mut self,
        values: &[Spanned<String>],
        parse: fn(&str) -> Option<T>,
        code: &'static str,
        what: &str,
        names: fn() -> String,
    ) -> Vec<T> {
        values
            .iter()
            .filter_map(|v| self.named(v, parse, code, what, names()))
            .collect()
    }

    fn text(&mut self, raw: &RawText, what: &str) -> Text {
        for (lang, value) in [("ja", &raw.ja), ("en", &raw.en)] {
            if value.get_ref().trim().is_empty() {
                self.error(
                    "missing-translation",
                    Some(value.span()),
                    format!(
                        "{what}: the `{lang}` text is empty; both Japanese and English are needed"
                    ),
                );
            }
        }
        if !raw.ja.get_ref().trim().is_empty() && !has_japanese(raw.ja.get_ref()) {
            self.error(
                "ja-not-japanese",
                Some(raw.ja.span()),
                format!("{what}: the `ja` text has no Japanese characters"),
            );
        }
        Text {
            ja: raw.ja.get_ref().trim().to_owned(),
            en: raw.en.get_ref().trim().to_owned(),
        }
    }

    fn checklist(&mut self, raw: RawChecklist) -> Checklist {
        if *raw.format_version.get_ref() != FORMAT_VERSION {
            self.error(
                "unsupported-format-version",
                Some(raw.format_version.span()),
                format!(
                    "format_version {} is not supported; this medsec reads format_version {FORMAT_VERSION}",
                    raw.format_version.get_ref()
                ),
            );
        }
        if !is_kebab(raw.id.get_ref()) {
            self.error(
                "invalid-id",
                Some(raw.id.span()),
                format!(
                    "checklist id `{}` must be kebab-case, e.g. `mhlw-institution`",
                    raw.id.get_ref()
                ),
            );
        }
        if !is_kebab(raw.publisher.get_ref()) {
            self.error(
                "invalid-id",
                Some(raw.publisher.span()),
                format!(
                    "publisher `{}` must be kebab-case, e.g. `mhlw`",
                    raw.publisher.get_ref()
                ),
            );
        }
        let form = self.named(
            &raw.form,
            Form::parse,
            "unknown-form",
            "form",
            Form::names(),
        );
        if let Some(form) = form {
            let expected = format!("{}-{}", raw.publisher.get_ref(), form);
            if *raw.id.get_ref() != expected {
                self.error(
                    "id-form-mismatch",
                    Some(raw.id.span()),
                    format!(
                        "checklist id `{}` should be `{expected}` (PUBLISHER-FORM)",
                        raw.id.get_ref()
                    ),
                );
            }
        }
        let fiscal_year = *raw.fiscal_year.get_ref();
        let fiscal_year = match i16::try_from(fiscal_year) {
            Ok(y) if (2000..=2100).contains(&y) => y,
            _ => {
                self.error(
                    "invalid-fiscal-year",
                    Some(raw.fiscal_year.span()),
                    format!("fiscal_year {fiscal_year} is not a year between 2000 and 2100"),
                );
                0
            }
        };
        match parse_edition(raw.edition.get_ref()) {
            None => self.error(
                "invalid-edition",
                Some(raw.edition.span()),
                format!(
                    "edition `{}` must be `fyYYYY`, e.g. `fy2025`",
                    raw.edition.get_ref()
                ),
            ),
            Some(year) if year != i64::from(fiscal_year) && fiscal_year != 0 => self.error(
                "edition-year-mismatch",
                Some(raw.edition.span()),
                format!(
                    "edition `{}` disagrees with fiscal_year {fiscal_year}",
                    raw.edition.get_ref()
                ),
            ),
            Some(_) => {}
        }
        if !is_version(raw.guideline_version.get_ref()) {
            self.error(
                "invalid-guideline-version",
                Some(raw.guideline_version.span()),
                format!(
                    "guideline_version `{}` must look like `6.0`",
                    raw.guideline_version.get_ref()
                ),
            );
        }
        let serves = self.named_list(
            raw.serves.get_ref(),
            InstitutionKind::parse,
            "unknown-institution-kind",
            "institution kind",
            InstitutionKind::names,
        );
        if raw.serves.get_ref().is_empty() {
            self.error(
                "missing-field",
                Some(raw.serves.span()),
                "serves: name at least one kind of institution".into(),
            );
        }
        let published = raw.published.as_ref().and_then(|p| {
            let dt = p.get_ref();
            match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => Some(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
                _ => {
                    self.error(
                        "invalid-date",
                        Some(p.span()),
                        format!("published `{dt}` must be a plain date such as 2025-05-16"),
                    );
                    None
                }
            }
        });
        if let Some(url) = &raw.source_url {
            if !url.get_ref().starts_with("https://") && !url.get_ref().starts_with("http://") {
                self.error(
                    "invalid-url",
                    Some(url.span()),
                    format!("source_url `{}` must be an http(s) URL", url.get_ref()),
                );
            }
        }
        let title = self.text(&raw.title, "title");
        let notes = raw.notes.as_ref().map(|n| self.text(n, "notes"));

        let mut sections = Vec::new();
        let mut section_ids = BTreeSet::new();
        for s in &raw.sections {
            let s = s.get_ref();
            if !section_ids.insert(s.id.get_ref().clone()) {
                self.error(
                    "duplicate-section-id",
                    Some(s.id.span()),
                    format!("section id `{}` is declared twice", s.id.get_ref()),
                );
            }
            let title = self.text(&s.title, &format!("section {}", s.id.get_ref()));
            sections.push(Section {
                id: s.id.get_ref().clone(),
                title,
            });
        }

        let mut items = Vec::new();
        let mut ids: BTreeMap<String, Range<usize>> = BTreeMap::new();
        let mut numbers: BTreeMap<(String, Vec<Scope>), String> = BTreeMap::new();
        let mut gates = 0;
        for item in &raw.items {
            let span = item.span();
            let item = self.item(item.get_ref(), &section_ids);
            if ids.insert(item.id.clone(), span.clone()).is_some() {
                let id_span = raw
                    .items
                    .iter()
                    .rev()
                    .find(|i| *i.get_ref().id.get_ref() == item.id)
                    .map(|i| i.get_ref().id.span());
                self.error(
                    "duplicate-item-id",
                    id_span,
                    format!(
                        "item id `{}` is used twice; item ids must be unique",
                        item.id
                    ),
                );
            }
            let mut scope = item.scope.clone();
            scope.sort();
            if let Some(other) = numbers.insert((item.number.clone(), scope), item.id.clone()) {
                self.error(
                    "duplicate-number",
                    Some(span.clone()),
                    format!(
                        "item `{}` has number {} and the same scope as item `{other}`",
                        item.id, item.number
                    ),
                );
            }
            if item.gate {
                gates += 1;
                if gates > 1 {
                    self.error(
                        "multiple-gates",
                        Some(span),
                        format!(
                            "item `{}` is a second gate question; a form has at most one",
                            item.id
                        ),
                    );
                }
            }
            items.push(item);
        }
        if items.is_empty() {
            self.error(
                "missing-field",
                None,
                "the checklist has no [[items]]".into(),
            );
        }
        for (item, raw_item) in items.iter().zip(&raw.items) {
            for r in &raw_item.get_ref().replaces {
                if ids.contains_key(r.get_ref()) {
                    self.error(
                        "invalid-replaces",
                        Some(r.span()),
                        format!(
                            "item `{}` replaces `{}`, which is still an item of this edition",
                            item.id,
                            r.get_ref()
                        ),
                    );
                }
            }
        }

        Checklist {
            format_version: *raw.format_version.get_ref(),
            id: raw.id.get_ref().clone(),
            edition: raw.edition.get_ref().clone(),
            fiscal_year,
            form: form.unwrap_or(Form::Institution),
            publisher: raw.publisher.get_ref().clone(),
            guideline_version: raw.guideline_version.get_ref().clone(),
            serves,
            published,
            source_url: raw.source_url.map(Spanned::into_inner),
            title,
            notes,
            sections,
            items,
        }
    }

    fn item(&mut self, raw: &RawItem, sections: &BTreeSet<String>) -> Item {
        let id = raw.id.get_ref().clone();
        if !is_kebab(&id) {
            self.error(
                "invalid-id",
                Some(raw.id.span()),
                format!("item id `{id}` must be kebab-case (a-z, 0-9 and -)"),
            );
        }
        let number = raw.number.get_ref().trim().to_owned();
        if !is_item_number(&number) {
            self.error(
                "invalid-number",
                Some(raw.number.span()),
                format!(
                    "item `{id}`: number `{number}` is not well formed; expected e.g. `2-(4)`, `2-④` or `0` for the gate"
                ),
            );
        }
        if !sections.contains(raw.section.get_ref()) {
            self.error(
                "unknown-section",
                Some(raw.section.span()),
                format!(
                    "item `{id}`: section `{}` is not declared in [[sections]]",
                    raw.section.get_ref()
                ),
            );
        } else if !number.is_empty() && !number.starts_with(raw.section.get_ref().as_str()) {
            self.warning(
                "number-section-mismatch",
                Some(raw.number.span()),
                format!(
                    "item `{id}`: number `{number}` does not start with its section `{}`",
                    raw.section.get_ref()
                ),
            );
        }
        let scope = self.named_list(
            &raw.scope,
            Scope::parse,
            "unknown-scope",
            "scope",
            Scope::names,
        );
        let requirement = self
            .named(
                &raw.requirement,
                Requirement::parse,
                "unknown-requirement",
                "requirement",
                Requirement::names(),
            )
            .unwrap_or(Requirement::Required);
        let text = self.text(&raw.text, &format!("item `{id}` text"));
        let guidance = self.text(&raw.guidance, &format!("item `{id}` guidance"));
        for r in &raw.guideline_refs {
            let known = GUIDELINE_PARTS.iter().any(|part| {
                r.get_ref()
                    .strip_prefix(part)
                    .is_some_and(|rest| rest.starts_with(' ') && !rest.trim().is_empty())
            });
            if !known {
                self.error(
                    "unknown-guideline-ref",
                    Some(r.span()),
                    format!(
                        "item `{id}`: guideline reference `{}` must name a part of the Guideline ({}) and a place, e.g. `システム運用編 8.1`",
                        r.get_ref(),
                        GUIDELINE_PARTS.join(", ")
                    ),
                );
            }
        }
        let not_applicable_when = self.named_list(
            &raw.not_applicable_when,
            NotApplicableRule::parse,
            "unknown-not-applicable-rule",
            "not-applicable rule",
            NotApplicableRule::names,
        );
        let probes = self.named_list(
            &raw.probes,
            ProbeKind::parse,
            "unknown-probe-kind",
            "probe kind",
            ProbeKind::names,
        );
        for r in &raw.replaces {
            if !is_kebab(r.get_ref()) || *r.get_ref() == id {
                self.error(
                    "invalid-replaces",
                    Some(r.span()),
                    format!(
                        "item `{id}`: replaces `{}` must be another item's stable id",
                        r.get_ref()
                    ),
                );
            }
        }
        let verified = *raw.verified.get_ref();
        if verified && raw.unverified.is_some() {
            self.warning(
                "verified-with-note",
                raw.unverified.as_ref().map(|u| u.span()),
                format!("item `{id}` is verified = true but still has an `unverified` note"),
            );
        }
        if !verified {
            let note = raw
                .unverified
                .as_ref()
                .map(|u| u.get_ref().trim())
                .unwrap_or("");
            self.warning(
                "unverified-wording",
                Some(raw.verified.span()),
                if note.is_empty() {
                    format!("item `{id}` ({number}): wording or number not yet checked against the official PDF; add an `unverified` note saying what")
                } else {
                    format!("item `{id}` ({number}): not yet checked against the official PDF: {note}")
                },
            );
        }
        Item {
            id,
            number,
            section: raw.section.get_ref().clone(),
            text,
            scope,
            requirement,
            required: requirement == Requirement::Required,
            gate: raw.gate,
            guidance,
            guideline_refs: raw
                .guideline_refs
                .iter()
                .map(|r| r.get_ref().clone())
                .collect(),
            not_applicable_when,
            probes,
            verified,
            sources: raw.sources.iter().map(|s| s.get_ref().clone()).collect(),
            unverified: raw
                .unverified
                .as_ref()
                .map(|u| u.get_ref().trim().to_owned()),
            replaces: raw.replaces.iter().map(|r| r.get_ref().clone()).collect(),
        }
    }
}

/// `fy2025` -> 2025.
pub fn parse_edition(edition: &str) -> Option<i64> {
    let digits = edition.strip_prefix("fy")?;
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_version(s: &str) -> bool {
    let mut parts = s.split('.');
    let ok =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

/// `0` (the gate), `1`, `2-(4)`, `2-④`.
fn is_item_number(s: &str) -> bool {
    let mut chars = s.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let rest: String = chars.collect();
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('-') else {
        return false;
    };
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit());
    }
    let mut c = rest.chars();
    matches!((c.next(), c.next()), (Some('①'..='⑳'), None))
}

fn has_japanese(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_numbers() {
        for ok in ["0", "1", "2-(4)", "2-(13)", "2-④", "3-⑳"] {
            assert!(is_item_number(ok), "{ok}");
        }
        for bad in ["", "a", "2-", "2-()", "2-(x)", "2-④⑤", "12", "2(4)", "2-4"] {
            assert!(!is_item_number(bad), "{bad}");
        }
    }

    #[test]
    fn editions() {
        assert_eq!(parse_edition("fy2025"), Some(2025));
        assert_eq!(parse_edition("fy25"), None);
        assert_eq!(parse_edition("2025"), None);
    }

    #[test]
    fn kebab_and_versions() {
        assert!(is_kebab("mhlw-institution"));
        assert!(!is_kebab("Mhlw"));
        assert!(!is_kebab("a--b"));
        assert!(is_version("6.0"));
        assert!(!is_version("6"));
        assert!(!is_version("6.x"));
    }
}
