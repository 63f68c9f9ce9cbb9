//! Raw checklist -> validated model, with every problem as a diagnostic pointing into the file.
//!
//! `checklist lint` shows all diagnostics; loading a checklist fails on any error.

use super::model::*;
use super::raw::{RawChecklist, RawItem, RawText, FORMAT_VERSION};
use crate::diagnostic::{Arg, Diagnostic, Location, MessageRef, Severity, Typed};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

/// The four parts of the Guideline (6.0 and later) a reference may name.
pub const GUIDELINE_PARTS: &[&str] = &["概説編", "経営管理編", "企画管理編", "システム運用編"];

/// Parse and validate one checklist file. Returns the model when there is no error-level
/// diagnostic, and every diagnostic found either way.
pub fn parse(file: &str, source: &str) -> (Option<Checklist>, Vec<Diagnostic>) {
    parse_with(file, source, true)
}

/// [`parse`] without the warnings: what loading a checklist needs. Commands that load one
/// never show its warnings (`checklist lint` does), and putting each into words took a tenth
/// of a command's start-up.
pub fn parse_errors_only(file: &str, source: &str) -> (Option<Checklist>, Vec<Diagnostic>) {
    parse_with(file, source, false)
}

fn parse_with(file: &str, source: &str, warnings: bool) -> (Option<Checklist>, Vec<Diagnostic>) {
    let mut v = Validator {
        file,
        source,
        diags: Vec::new(),
        warnings,
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
                        crate::msg_ref!(
                            "lint-unsupported-format-version-newer",
                            found = found,
                            supported = FORMAT_VERSION
                        ),
                    );
                    return (None, v.diags);
                }
            }
            v.error(
                "parse-error",
                err.span(),
                crate::msg_ref!("lint-parse-error", detail = err.message().trim_end()),
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
    /// Whether warnings are kept (errors always are).
    warnings: bool,
}

impl Validator<'_> {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Option<Range<usize>>,
        text: MessageRef,
    ) {
        // The message (and JSON) in English; people read `text` in their language.
        self.diags.push(Diagnostic {
            code,
            severity,
            location: Location::of_span(self.file, self.source, span),
            message: crate::i18n::render(Lang::En, &text),
            text: Some(text),
        });
    }

    fn error(&mut self, code: &'static str, span: Option<Range<usize>>, text: MessageRef) {
        self.push(Severity::Error, code, span, text);
    }

    fn warning(&mut self, code: &'static str, span: Option<Range<usize>>, text: MessageRef) {
        if self.warnings {
            self.push(Severity::Warning, code, span, text);
        }
    }

    /// `unknown` is the finding when `value` is none of the names (it gets the value and the
    /// names it could be).
    fn named<T>(
        &mut self,
        value: &Spanned<String>,
        parse: fn(&str) -> Option<T>,
        code: &'static str,
        unknown: Unknown,
        names: Typed,
    ) -> Option<T> {
        let parsed = parse(value.get_ref());
        if parsed.is_none() {
            self.error(code, Some(value.span()), unknown(value.get_ref(), names));
        }
        parsed
    }

    fn named_list<T>(
        &mut self,
        values: &[Spanned<String>],
        parse: fn(&str) -> Option<T>,
        code: &'static str,
        unknown: Unknown,
        names: fn() -> Typed,
    ) -> Vec<T> {
        values
            .iter()
            .filter_map(|v| self.named(v, parse, code, unknown, names()))
            .collect()
    }

    fn text(&mut self, raw: &RawText, field: TextField<'_>) -> Text {
        for (lang, value) in [("ja", &raw.ja), ("en", &raw.en)] {
            if value.get_ref().trim().is_empty() {
                self.error(
                    "missing-translation",
                    Some(value.span()),
                    field.missing(lang),
                );
            }
        }
        if !raw.ja.get_ref().trim().is_empty() && !has_japanese(raw.ja.get_ref()) {
            self.error("ja-not-japanese", Some(raw.ja.span()), field.not_japanese());
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
                crate::msg_ref!(
                    "lint-unsupported-format-version",
                    found = raw.format_version.get_ref(),
                    supported = FORMAT_VERSION
                ),
            );
        }
        if !is_kebab(raw.id.get_ref()) {
            self.error(
                "invalid-id",
                Some(raw.id.span()),
                crate::msg_ref!("lint-invalid-id-checklist", id = raw.id.get_ref()),
            );
        }
        if !is_kebab(raw.publisher.get_ref()) {
            self.error(
                "invalid-id",
                Some(raw.publisher.span()),
                crate::msg_ref!(
                    "lint-invalid-id-publisher",
                    publisher = raw.publisher.get_ref()
                ),
            );
        }
        let form = self.named(
            &raw.form,
            Form::parse,
            "unknown-form",
            |value, names| crate::msg_ref!("lint-unknown-form", value = value, names = names),
            Form::names(),
        );
        if let Some(form) = form {
            let expected = format!("{}-{}", raw.publisher.get_ref(), form);
            if *raw.id.get_ref() != expected {
                self.error(
                    "id-form-mismatch",
                    Some(raw.id.span()),
                    crate::msg_ref!(
                        "lint-id-form-mismatch",
                        id = raw.id.get_ref(),
                        expected = expected
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
                    crate::msg_ref!("lint-invalid-fiscal-year", year = fiscal_year),
                );
                0
            }
        };
        match parse_edition(raw.edition.get_ref()) {
            None => self.error(
                "invalid-edition",
                Some(raw.edition.span()),
                crate::msg_ref!("lint-invalid-edition", edition = raw.edition.get_ref()),
            ),
            Some(year) if year != i64::from(fiscal_year) && fiscal_year != 0 => self.error(
                "edition-year-mismatch",
                Some(raw.edition.span()),
                crate::msg_ref!(
                    "lint-edition-year-mismatch",
                    edition = raw.edition.get_ref(),
                    year = fiscal_year
                ),
            ),
            Some(_) => {}
        }
        if !is_version(raw.guideline_version.get_ref()) {
            self.error(
                "invalid-guideline-version",
                Some(raw.guideline_version.span()),
                crate::msg_ref!(
                    "lint-invalid-guideline-version",
                    version = raw.guideline_version.get_ref()
                ),
            );
        }
        let serves = self.named_list(
            raw.serves.get_ref(),
            InstitutionKind::parse,
            "unknown-institution-kind",
            |value, names| {
                crate::msg_ref!(
                    "lint-unknown-institution-kind",
                    value = value,
                    names = names
                )
            },
            InstitutionKind::names,
        );
        if raw.serves.get_ref().is_empty() {
            self.error(
                "missing-field",
                Some(raw.serves.span()),
                crate::msg_ref!("lint-missing-serves"),
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
                        crate::msg_ref!("lint-invalid-date", value = dt),
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
                    crate::msg_ref!("lint-invalid-url", url = url.get_ref()),
                );
            }
        }
        let title = self.text(&raw.title, TextField::Title);
        let notes = raw.notes.as_ref().map(|n| self.text(n, TextField::Notes));

        let mut sections = Vec::new();
        let mut section_ids = BTreeSet::new();
        for s in &raw.sections {
            let s = s.get_ref();
            if !section_ids.insert(s.id.get_ref().clone()) {
                self.error(
                    "duplicate-section-id",
                    Some(s.id.span()),
                    crate::msg_ref!("lint-duplicate-section-id", section = s.id.get_ref()),
                );
            }
            let title = self.text(&s.title, TextField::Section(s.id.get_ref()));
            sections.push(Section {
                id: s.id.get_ref().clone(),
                title,
            });
        }

        let mut items = Vec::new();
        let mut ids: BTreeMap<String, Range<usize>> = BTreeMap::new();
        // Each number and scope, with the place in `items` of the item that has it (named only
        // when another has the same: naming every item was a fifth of a command's start-up).
        let mut numbers: BTreeMap<(String, Vec<Scope>), usize> = BTreeMap::new();
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
                    crate::msg_ref!("lint-duplicate-item-id", id = item.id),
                );
            }
            let mut scope = item.scope.clone();
            scope.sort();
            let other = numbers
                .insert((item.number.clone(), scope), items.len())
                .and_then(|i| items.get(i))
                .map(name_of);
            if let Some(other) = other {
                let text = crate::msg_ref!("lint-duplicate-number", item = "", other = "");
                self.error(
                    "duplicate-number",
                    Some(span.clone()),
                    with_item(with_item(text, "item", name_of(&item)), "other", other),
                );
            }
            if item.gate {
                gates += 1;
                if gates > 1 {
                    self.error(
                        "multiple-gates",
                        Some(span),
                        with_item(
                            crate::msg_ref!("lint-multiple-gates", item = ""),
                            "item",
                            name_of(&item),
                        ),
                    );
                }
            }
            items.push(item);
        }
        let (extends, diags) = super::extends::from_raw(self.file, self.source, &raw);
        self.diags.extend(diags);
        // A section no item is in is a row taken for a heading (a note 「※…」) or one left over.
        if extends.is_none() {
            for s in &raw.sections {
                let id = s.get_ref().id.get_ref();
                if section_ids.contains(id) && !items.iter().any(|i| i.section == *id) {
                    self.warning(
                        "empty-section",
                        Some(s.get_ref().id.span()),
                        crate::msg_ref!("lint-empty-section", section = id),
                    );
                }
            }
        }
        // An own checklist may only leave base items out.
        if items.is_empty() && extends.is_none() {
            self.error("missing-field", None, crate::msg_ref!("lint-missing-items"));
        }
        for (item, raw_item) in items.iter().zip(&raw.items) {
            for r in &raw_item.get_ref().replaces {
                if ids.contains_key(r.get_ref()) {
                    self.error(
                        "invalid-replaces",
                        Some(r.span()),
                        with_item(
                            crate::msg_ref!(
                                "lint-replaces-current-item",
                                item = "",
                                replaced = r.get_ref()
                            ),
                            "item",
                            name_of(item),
                        ),
                    );
                }
            }
        }

        let rules = raw.rules.as_ref().map(|r| self.rules(r));
        Checklist {
            format_version: *raw.format_version.get_ref(),
            id: raw.id.get_ref().clone(),
            edition: raw.edition.get_ref().clone(),
            fiscal_year,
            form: form.unwrap_or(Form::Institution),
            extends,
            publisher: raw.publisher.get_ref().clone(),
            guideline_version: raw.guideline_version.get_ref().clone(),
            serves,
            published,
            source_url: raw.source_url.map(Spanned::into_inner),
            title,
            notes,
            sections,
            items,
            rules,
        }
    }

    /// The `[rules]` block: names checked here; how it fits the items, in `lint::rules`.
    fn rules(&mut self, raw: &super::raw::RawRules) -> Rules {
        let checked_on = self
            .rule_value(&raw.checked_on, "checked_on", CheckedOnRule::ALL)
            .unwrap_or(CheckedOnRule::Unknown);
        // The edition's own items are due in its own fiscal year, or the window is unknown.
        let target_date = self
            .rule_value(
                &raw.target_date,
                "target_date",
                &[TargetWindow::FiscalYear, TargetWindow::Unknown],
            )
            .unwrap_or(TargetWindow::Unknown);
        let next_year_target = raw
            .next_year_target
            .as_ref()
            .and_then(|v| self.rule_value(v, "next_year_target", TargetWindow::ALL));
        let round_2 = self
            .rule_value(&raw.round_2, "round_2", OnForm::ALL)
            .unwrap_or(OnForm::Unknown);
        let gate = self
            .rule_value(&raw.gate, "gate", OnForm::ALL)
            .unwrap_or(OnForm::Unknown);
        let gate_switches_off = self
            .rule_value(
                &raw.gate_switches_off,
                "gate_switches_off",
                GateSwitchesOff::ALL,
            )
            .unwrap_or(GateSwitchesOff::AllOtherItems);
        let reference_only = raw
            .reference_only
            .get_ref()
            .iter()
            .filter_map(|v| self.rule_value(v, "reference_only", Requirement::ALL))
            .collect();
        Rules {
            checked_on,
            target_date,
            next_year_target,
            round_2,
            gate,
            gate_switches_off,
            reference_only,
            sources: raw.sources.iter().map(|s| s.get_ref().clone()).collect(),
        }
    }

    /// One value of the `[rules]` block, among `allowed`.
    fn rule_value<T: Copy + std::fmt::Display + PartialEq>(
        &mut self,
        value: &Spanned<String>,
        field: &str,
        allowed: &[T],
    ) -> Option<T> {
        let found = allowed
            .iter()
            .copied()
            .find(|v| v.to_string() == *value.get_ref());
        if found.is_none() {
            let names = crate::i18n::list(allowed);
            self.error(
                "unknown-rule-value",
                Some(value.span()),
                crate::msg_ref!(
                    "rules-data-unknown-value",
                    field = field,
                    value = value.get_ref(),
                    names = names
                ),
            );
        }
        found
    }

    fn item(&mut self, raw: &RawItem, sections: &BTreeSet<String>) -> Item {
        // Messages below name the item by its ID until the item is built, then by its number
        // and title (see the end of this function).
        let first_diag = self.diags.len();
        let id = raw.id.get_ref().clone();
        if !is_kebab(&id) {
            self.error(
                "invalid-id",
                Some(raw.id.span()),
                crate::msg_ref!("lint-invalid-id-item", id = id),
            );
        }
        let number = raw.number.get_ref().trim().to_owned();
        if !is_item_number(&number) {
            self.error(
                "invalid-number",
                Some(raw.number.span()),
                crate::msg_ref!("lint-invalid-number", id = id, number = number),
            );
        }
        if !sections.contains(raw.section.get_ref()) {
            self.error(
                "unknown-section",
                Some(raw.section.span()),
                crate::msg_ref!(
                    "lint-unknown-section",
                    item = id,
                    section = raw.section.get_ref()
                ),
            );
        } else if number.contains('-') && !number.starts_with(raw.section.get_ref().as_str()) {
            self.warning(
                "number-section-mismatch",
                Some(raw.number.span()),
                crate::msg_ref!(
                    "lint-number-section-mismatch",
                    item = id,
                    section = raw.section.get_ref()
                ),
            );
        }
        let scope = self.named_list(
            &raw.scope,
            Scope::parse,
            "unknown-scope",
            |value, names| crate::msg_ref!("lint-unknown-scope", value = value, names = names),
            Scope::names,
        );
        let requirement = self
            .named(
                &raw.requirement,
                Requirement::parse,
                "unknown-requirement",
                |value, names| {
                    crate::msg_ref!("lint-unknown-requirement", value = value, names = names)
                },
                Requirement::names(),
            )
            .unwrap_or(Requirement::Required);
        let text = self.text(&raw.text, TextField::ItemText(&id));
        let guidance = self.text(&raw.guidance, TextField::ItemGuidance(&id));
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
                    crate::msg_ref!(
                        "lint-unknown-guideline-ref",
                        item = id,
                        reference = r.get_ref(),
                        parts = crate::i18n::list(GUIDELINE_PARTS)
                    ),
                );
            }
        }
        let not_applicable_when = self.named_list(
            &raw.not_applicable_when,
            NotApplicableRule::parse,
            "unknown-not-applicable-rule",
            |value, names| {
                crate::msg_ref!(
                    "lint-unknown-not-applicable-rule",
                    value = value,
                    names = names
                )
            },
            NotApplicableRule::names,
        );
        let probes = self.named_list(
            &raw.probes,
            ProbeKind::parse,
            "unknown-probe-kind",
            |value, names| crate::msg_ref!("lint-unknown-probe-kind", value = value, names = names),
            ProbeKind::names,
        );
        for r in &raw.replaces {
            if !is_kebab(r.get_ref()) || *r.get_ref() == id {
                self.error(
                    "invalid-replaces",
                    Some(r.span()),
                    crate::msg_ref!("lint-invalid-replaces", item = id, replaced = r.get_ref()),
                );
            }
        }
        let verified = *raw.verified.get_ref();
        if verified && raw.unverified.is_some() {
            self.warning(
                "verified-with-note",
                raw.unverified.as_ref().map(|u| u.span()),
                crate::msg_ref!("lint-verified-with-note", item = id),
            );
        }
        if !verified {
            let note = raw
                .unverified
                .as_ref()
                .map(|u| u.get_ref().trim())
                .unwrap_or("");
            let sources: Vec<&str> = raw.sources.iter().map(|s| s.get_ref().as_str()).collect();
            let against = CheckedAgainst::of_sources(&sources);
            // The note is data, as its author wrote it (the bundled ones in English): shown to
            // readers of its language; the sentence about it is the catalog's.
            let message = match (&against, note) {
                // medsec's own note on import says what the catalog says: not repeated.
                (CheckedAgainst::Workbook { file }, _) => {
                    crate::msg_ref!("lint-unverified-workbook", item = id, file = file)
                }
                (_, "") => with_item(
                    crate::msg_ref!("lint-unverified-wording", item = id, against = ""),
                    "against",
                    against_arg(&against),
                ),
                (_, note) => {
                    let shown = if written_in_japanese(note) {
                        Arg::Text(note.to_owned())
                    } else {
                        Typed::Bilingual {
                            ja: crate::tr!(Lang::Ja, "lint-unverified-note-in-english"),
                            en: note.to_owned(),
                        }
                        .into()
                    };
                    let message = crate::msg_ref!(
                        "lint-unverified-wording-note",
                        item = id,
                        against = "",
                        note = ""
                    );
                    with_item(
                        with_item(message, "against", against_arg(&against)),
                        "note",
                        shown,
                    )
                }
            };
            self.warning("unverified-wording", Some(raw.verified.span()), message);
        }
        let item = Item {
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
        };
        if self.diags.len() == first_diag {
            return item;
        }
        let name = name_of(&item);
        for d in self.diags.iter_mut().skip(first_diag) {
            if let Some(text) = d
                .text
                .as_mut()
                .filter(|t| NAMES_ITEM.contains(&t.id.as_str()))
            {
                text.args.insert("item".to_owned(), name.clone());
                d.message = crate::i18n::render(Lang::En, text);
            }
        }
        item
    }
}

/// The finding for a value that is none of the names it could be: built from the value and
/// those names.
type Unknown = fn(&str, Typed) -> MessageRef;

/// A text of the checklist given in both languages, for the findings about it (one message
/// each, so every sentence reads whole in the catalog).
#[derive(Clone, Copy)]
enum TextField<'a> {
    Title,
    Notes,
    /// A section's title, by the section's ID.
    Section(&'a str),
    /// An item's text, by the item's ID.
    ItemText(&'a str),
    /// An item's guidance, by the item's ID.
    ItemGuidance(&'a str),
}

impl TextField<'_> {
    /// The `lang` text is empty.
    fn missing(self, lang: &str) -> MessageRef {
        match self {
            TextField::Title => crate::msg_ref!("lint-missing-translation-title", lang = lang),
            TextField::Notes => crate::msg_ref!("lint-missing-translation-notes", lang = lang),
            TextField::Section(section) => crate::msg_ref!(
                "lint-missing-translation-section",
                section = section,
                lang = lang
            ),
            TextField::ItemText(item) => {
                crate::msg_ref!(
                    "lint-missing-translation-item-text",
                    item = item,
                    lang = lang
                )
            }
            TextField::ItemGuidance(item) => crate::msg_ref!(
                "lint-missing-translation-item-guidance",
                item = item,
                lang = lang
            ),
        }
    }

    /// The `ja` text has no Japanese characters.
    fn not_japanese(self) -> MessageRef {
        match self {
            TextField::Title => crate::msg_ref!("lint-ja-not-japanese-title"),
            TextField::Notes => crate::msg_ref!("lint-ja-not-japanese-notes"),
            TextField::Section(section) => {
                crate::msg_ref!("lint-ja-not-japanese-section", section = section)
            }
            TextField::ItemText(item) => {
                crate::msg_ref!("lint-ja-not-japanese-item-text", item = item)
            }
            TextField::ItemGuidance(item) => {
                crate::msg_ref!("lint-ja-not-japanese-item-guidance", item = item)
            }
        }
    }
}

/// Item messages whose `item` argument is the item's name for people.
const NAMES_ITEM: &[&str] = &[
    "lint-unknown-section",
    "lint-number-section-mismatch",
    "lint-unknown-guideline-ref",
    "lint-invalid-replaces",
    "lint-verified-with-note",
    "lint-unverified-wording",
    "lint-unverified-wording-note",
    "lint-unverified-workbook",
];

/// What the wording is yet to be checked against, in both languages.
fn against_arg(against: &CheckedAgainst) -> Arg {
    Typed::Bilingual {
        ja: against.label(Lang::Ja),
        en: against.label(Lang::En),
    }
    .into()
}

/// A note written in Japanese: outside 「quoted」 wording and `code` spans, its Japanese
/// characters carry at least as much as its English letters (one kana or kanji weighs about
/// two letters). The bundled notes are English that names the forms (事業者確認用) and quotes
/// their wording: those words alone do not make a note Japanese.
fn written_in_japanese(note: &str) -> bool {
    let (mut japanese, mut english) = (0usize, 0usize);
    let mut closing: Option<char> = None;
    for c in note.chars() {
        match (closing, c) {
            (Some(end), c) if c == end => closing = None,
            (Some(_), _) => {}
            (None, '「') => closing = Some('」'),
            (None, '`') => closing = Some('`'),
            (None, c) if c.is_ascii_alphabetic() => english += 1,
            (None, c) if is_kana_or_kanji(c) => japanese += 1,
            _ => {}
        }
    }
    japanese > 0 && japanese * 2 >= english
}

/// Hiragana, katakana (full and half width) and kanji.
fn is_kana_or_kanji(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xf900..=0xfaff | 0xff66..=0xff9f)
}

/// How a lint message names an item for people: its printed number, scope and short title in
/// the reader's language (the file holds both), or its ID (in `code`) when the number itself
/// is malformed. Recorded language-free, like every message.
fn name_of(item: &Item) -> Arg {
    if is_item_number(&item.number) {
        Typed::Bilingual {
            ja: item.label(Lang::Ja),
            en: item.label(Lang::En),
        }
        .into()
    } else {
        crate::msg_ref!("lint-item-id", id = item.id).into()
    }
}

/// `message` with its argument `key` set to the name `name`.
fn with_item(mut message: MessageRef, key: &str, name: Arg) -> MessageRef {
    message.args.insert(key.to_owned(), name);
    message
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
    // As printed without a section, where a sheet numbers straight through (`①`, `(3)`).
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit());
    }
    if crate::checklist::import::circled_number_only(s)
        || (s.len() > 1 && !s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
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
    matches!(
        (c.next(), c.next()),
        (Some('①'..='⑳' | '㉑'..='㉟' | '㊱'..='㊿'), None)
    )
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
        // As printed without a section (an imported sheet numbered straight through): ①, (3), 12.
        for ok in [
            "0", "1", "2-(4)", "2-(13)", "2-④", "3-⑳", "2-㉑", "2-㊿", "①", "(3)", "12",
        ] {
            assert!(is_item_number(ok), "{ok}");
        }
        for bad in [
            "", "a", "2-", "2-()", "2-(x)", "2-④⑤", "012", "2(4)", "2-4", "①②", "()",
        ] {
            assert!(!is_item_number(bad), "{bad}");
        }
    }

    #[test]
    fn a_note_is_japanese_by_its_share_of_japanese_not_by_its_first_letter() {
        assert!(!written_in_japanese(
            "事業者確認用 wording not seen; assumed the same as the 医療機関確認用 item \
             (sections 1 and 2 are tagged 【医療機関確認用・事業者確認用】, S1, S3, S10)."
        ));
        assert!(!written_in_japanese(
            "Split per target 「サーバ、端末PC」 on the form; wording not yet checked."
        ));
        assert!(written_in_japanese(
            "事業者確認用の文言は未確認。医療機関確認用の項目と同じとみなした(S1, S3, S10)。"
        ));
        assert!(written_in_japanese("PDFの2-⑥とは照合していない。"));
        assert!(!written_in_japanese("Not checked against the PDF."));
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
