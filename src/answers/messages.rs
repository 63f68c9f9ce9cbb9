//! Every message the answers module gives about a file, by stable code, with its text from the
//! message catalog (`## answers` in i18n/{ja,en}/medsec.ftl).
//!
//! A [`Msg`] is one problem with its facts; [`Msg::code`] is its stable kebab-case code (never
//! renamed: scripts match on them), [`Msg::severity`] how bad it is, and [`Msg::text`] the
//! sentence in the language asked for. Findings and reading problems are made only through
//! [`Msg::diagnostic`], which also records the catalog ID and arguments
//! ([`MessageRef`]) so a finding can be shown again later.
//!
//! Items are named for people by their printed number and short title
//! (`2-⑥ セキュリティパッチ`, [`crate::checklist::Item::label`]); stable IDs stay in JSON.

use super::model::{InstitutionField, Response, Review, VendorField};
use crate::checklist::{InstitutionKind, Item, Lang, NotApplicableRule, Text};
use crate::dates::for_people;
pub use crate::dates::DateError;
use crate::diagnostic::{Arg, Diagnostic, Location, MessageRef, Severity, Typed};
use fluent::FluentValue;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// A catalog message in `lang` and the same message as a [`MessageRef`]: `msg!(lang, "id",
/// name = value, …)`. Each value is a [`ToArg`]: said in `lang` for the sentence, recorded
/// language-free for the reference. The ID and argument names are checked at compile time
/// (through `tr!`).
macro_rules! msg {
    ($lang:expr, $id:literal) => {
        (
            crate::tr!($lang, $id),
            MessageRef {
                id: $id.to_owned(),
                args: BTreeMap::new(),
            },
        )
    };
    ($lang:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {{
        #[allow(unused_parens)]
        let ($($k,)+) = ($($v,)+);
        let args: BTreeMap<String, Arg> =
            [$((stringify!($k).to_owned(), ToArg::arg(&$k))),+].into_iter().collect();
        (
            crate::tr!($lang, $id, $($k = ToArg::value(&$k, $lang)),+),
            MessageRef {
                id: $id.to_owned(),
                args,
            },
        )
    }};
}

/// An argument of a message: said in a language for the sentence now, and recorded free of any
/// language ([`Arg`]) for a finding shown again later.
pub trait ToArg {
    fn value(&self, lang: Lang) -> FluentValue<'static>;
    fn arg(&self) -> Arg;
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        (**self).value(lang)
    }
    fn arg(&self) -> Arg {
        (**self).arg()
    }
}

/// A parser's own (English) text: recorded as it is, said in the catalog's words in `lang`.
struct LibraryDetail<'a>(&'a str);

impl ToArg for LibraryDetail<'_> {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        crate::i18n::detail::text(lang, self.0).into()
    }
    fn arg(&self) -> Arg {
        Arg::Text(self.0.to_owned())
    }
}

/// An edition ID (`fy2024`): recorded as its fiscal year and said as 令和6年度 / FY2024 (the
/// message adds 版 / "edition"); an ID of another shape as it is.
struct EditionArg<'a>(&'a str);

impl EditionArg<'_> {
    fn fiscal_year(&self) -> Option<i16> {
        self.0.strip_prefix("fy").and_then(|y| y.parse().ok())
    }
}

/// An edition ID for people: `fy2024` -> 令和6年度 / FY2024 (the sentence adds 版 / "edition").
pub(crate) fn edition_for_people(edition: &str, lang: Lang) -> String {
    crate::i18n::render_arg(lang, &EditionArg(edition).arg(), None)
}

impl ToArg for EditionArg<'_> {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        crate::i18n::render_arg(lang, &self.arg(), None).into()
    }
    fn arg(&self) -> Arg {
        match self.fiscal_year() {
            Some(year) => Arg::Typed(Typed::FiscalYear(year)),
            None => Arg::Text(self.0.to_owned()),
        }
    }
}

impl ToArg for String {
    fn value(&self, _: Lang) -> FluentValue<'static> {
        self.clone().into()
    }
    fn arg(&self) -> Arg {
        Arg::Text(self.clone())
    }
}

impl ToArg for str {
    fn value(&self, _: Lang) -> FluentValue<'static> {
        self.to_owned().into()
    }
    fn arg(&self) -> Arg {
        Arg::Text(self.to_owned())
    }
}

macro_rules! number_arg {
    ($($t:ty),+) => {$(
        impl ToArg for $t {
            fn value(&self, _: Lang) -> FluentValue<'static> {
                (*self).into()
            }
            fn arg(&self) -> Arg {
                Arg::Text(self.to_string())
            }
        }
    )+};
}
number_arg!(u8, u32, usize);

impl ToArg for Typed {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        crate::i18n::render_arg(lang, &Arg::Typed(self.clone()), None).into()
    }
    fn arg(&self) -> Arg {
        Arg::Typed(self.clone())
    }
}

impl ToArg for MessageRef {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        crate::i18n::render(lang, self).into()
    }
    fn arg(&self) -> Arg {
        Arg::Typed(Typed::Message(self.clone()))
    }
}

impl ToArg for ItemRef {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        self.text(lang).into()
    }
    fn arg(&self) -> Arg {
        Arg::Typed(Typed::Item {
            id: self.id.clone(),
            round: self.round,
        })
    }
}

/// A date as recorded: `YYYY-MM-DD`, shown with 和暦 in Japanese.
fn day(d: &Date) -> Typed {
    Typed::Date(d.to_string())
}

/// A fiscal year as recorded, shown as 令和7年度 or FY2025.
fn fy_arg(y: &i16) -> Typed {
    Typed::FiscalYear(*y)
}

/// The code of an answer in recorded messages (as JSON names it).
pub fn response_code(r: Response) -> &'static str {
    match r {
        Response::Yes => "yes",
        Response::No => "no",
        Response::NotApplicable => "not-applicable",
    }
}

/// The answer of a recorded code ([`response_code`]).
pub fn response_of_code(code: &str) -> Option<Response> {
    [Response::Yes, Response::No, Response::NotApplicable]
        .into_iter()
        .find(|r| response_code(*r) == code)
}

/// An answer as the file writes it (はい) as a recorded argument, said in the reader's words.
fn answer_arg(file_text: &str) -> Arg {
    match Response::parse(file_text) {
        Some(r) => Arg::Typed(Typed::Answer(response_code(r).to_owned())),
        None => Arg::Text(file_text.to_owned()),
    }
}

impl ToArg for Arg {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        crate::i18n::render_arg(lang, self, None).into()
    }
    fn arg(&self) -> Arg {
        self.clone()
    }
}

/// A date for people: the Western form, and in Japanese also 和暦 (`2025-04-01(令和7年4月1日)`).
pub fn date(d: Date, lang: Lang) -> String {
    for_people(d, lang)
}

/// Where in a file a problem is: the part of the file, for the start of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole file.
    File,
    /// The top level of the file.
    TopLevel,
    /// A table such as `[institution]` (the name with brackets).
    Table(&'static str),
    /// An entry of `answers` before its item is known.
    Entry,
    /// The answer to `item` (in `round`, once known): the item as people know it
    /// (`2-⑥ セキュリティパッチ`) when its checklist is known, else the file's ID in backticks.
    Answer { item: String, round: Option<u8> },
}

impl Place {
    /// The place as a recorded argument: a catalog message, or the table's name as it is.
    fn arg(&self) -> Arg {
        match self {
            Place::File => crate::msg_ref!("answers-place-file").into(),
            Place::TopLevel => crate::msg_ref!("answers-place-top-level").into(),
            Place::Table(t) => Arg::Text((*t).to_owned()),
            Place::Entry => crate::msg_ref!("answers-place-entry").into(),
            Place::Answer { item, round: None } => {
                crate::msg_ref!("answers-place-answer", item = item).into()
            }
            Place::Answer {
                item,
                round: Some(r),
            } => crate::msg_ref!("answers-place-answer-round", item = item, round = r).into(),
        }
    }
}

/// What a value should have been, for `wrong-type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Table,
    Text,
    Date,
    Bool,
    ListOfText,
    TextInList,
    AnswersList,
    /// A whole number (`format_version = 1`).
    Integer,
    /// `round`: the integer 1 or 2.
    Round,
    /// `code`: a 医療機関コード is text (its leading zeros count).
    Code,
}

impl Expected {
    fn message(self) -> MessageRef {
        match self {
            Expected::Table => crate::msg_ref!("answers-expected-table"),
            Expected::Text | Expected::TextInList => crate::msg_ref!("answers-expected-text"),
            Expected::Date => crate::msg_ref!("answers-expected-date"),
            Expected::Bool => crate::msg_ref!("answers-expected-bool"),
            Expected::ListOfText => crate::msg_ref!("answers-expected-list-of-text"),
            Expected::AnswersList => crate::msg_ref!("answers-expected-answers-list"),
            Expected::Integer => crate::msg_ref!("answers-field-expected-integer"),
            Expected::Round => crate::msg_ref!("answers-expected-round"),
            Expected::Code => crate::msg_ref!("answers-expected-code"),
        }
    }
}

/// An item and the round of its answer, for rule messages: named for people by its printed
/// number and short title (`1-① 医療情報システム安全管理責任者…(1回目)`), by ID in JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    pub id: String,
    /// [`Item::label`] in both languages.
    pub label: Text,
    /// `None` where the message is about round 1 implicitly.
    pub round: Option<u8>,
}

impl ItemRef {
    /// `item` in `round` (`None`: round 1, not said).
    pub fn new(item: &Item, round: Option<u8>) -> Self {
        ItemRef {
            id: item.id.clone(),
            label: labels(item),
            round,
        }
    }

    fn text(&self, lang: Lang) -> String {
        let label = self.label.get(lang);
        match self.round {
            None => label.to_owned(),
            Some(r) => crate::tr!(lang, "answers-item-round", item = label, round = r),
        }
    }
}

/// How people name `item` ([`Item::label`]), in both languages.
pub fn labels(item: &Item) -> Text {
    Text {
        ja: label(item, Lang::Ja),
        en: label(item, Lang::En),
    }
}

/// How a finding names `item` in `lang`: [`Item::label`], except in English for an item
/// whose checklist gives no English text (empty, the Japanese again, or marked untranslated
/// by `checklist import`): its number (and scope) only, no Japanese inside English.
pub fn label(item: &Item, lang: Lang) -> String {
    let full = item.label(lang);
    if lang == Lang::Ja {
        return full;
    }
    let (ja, en) = (item.text.ja.trim(), item.text.en.trim());
    let untranslated = crate::tr!(Lang::En, "workbook-untranslated", text = ja);
    if !en.is_empty() && en != ja && en != untranslated.trim() {
        return full;
    }
    full.strip_suffix(&item.short_title(lang))
        .map_or_else(|| full.clone(), |s| s.trim_end().to_owned())
}

/// An item of the checklist named for people, for messages that name one found by number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SameNumber {
    pub id: String,
    pub label: Text,
}

/// One message about an answers file. The variant decides the code and severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    // ---- Reading: these make a file unusable (exit 2), except `unknown-field`. ----
    NotUtf8 {
        byte: usize,
    },
    ParseError {
        detail: String,
    },
    /// Lists and tables nested deeper than the limit (checked before the file is parsed).
    TooDeep {
        limit: usize,
    },
    MissingFormatVersion {
        supported: u32,
        /// The file has nothing in it (no key at all): said as an empty file.
        empty: bool,
    },
    UnsupportedFormatVersion {
        found: String,
        supported: u32,
    },
    MissingChecklistTable,
    MissingChecklistField {
        key: &'static str,
    },
    MissingItem,
    UnknownField {
        place: Place,
        key: String,
        known: Vec<String>,
    },
    WrongType {
        place: Place,
        key: Option<String>,
        expected: Expected,
        found: &'static str,
    },
    InvalidDate {
        place: Place,
        key: &'static str,
        error: DateError,
        /// The form's fiscal year, for the example dates (this fiscal year when unknown).
        fiscal_year: Option<i16>,
    },
    InvalidKind {
        value: String,
    },
    InvalidReview {
        place: Place,
        value: String,
    },
    InvalidAnswer {
        place: Place,
        value: String,
    },
    InvalidRound {
        place: Place,
        value: String,
    },
    UnknownItem {
        item: String,
        checklist: String,
        same_number: Option<SameNumber>,
        /// A base item the own checklist takes out of scope: its label and the reason (the
        /// file is for this edition, so `init --from` is no advice here).
        out_of_scope: Option<(Text, Text)>,
    },
    DuplicateAnswer {
        /// The item named for people ([`Item::label`]), or its ID if unknown.
        item: Text,
        round: u8,
        first_line: usize,
    },

    // ---- Status findings (the inspection's rules). ----
    Unanswered {
        item: ItemRef,
    },
    CarriedForwardUnconfirmed {
        item: ItemRef,
        answer: &'static str,
        from: String,
    },
    MissingCheckedOn {
        item: ItemRef,
        answer: &'static str,
    },
    DateInFuture {
        item: ItemRef,
        date: Date,
        as_of: Date,
    },
    CheckedBeforeFiscalYear {
        item: ItemRef,
        date: Date,
        fiscal_year: i16,
        start: Date,
    },
    CheckedAfterFiscalYear {
        item: ItemRef,
        date: Date,
        fiscal_year: i16,
        end: Date,
    },
    MissingTargetDate {
        item: ItemRef,
        fiscal_year: i16,
        start: Date,
        end: Date,
    },
    TargetDateOutsideFiscalYear {
        item: ItemRef,
        date: Date,
        fiscal_year: i16,
        start: Date,
        end: Date,
    },
    /// いいえ with a 目標日 before its own 確認日: the plan was already late when checked.
    TargetBeforeCheckedOn {
        item: ItemRef,
        date: Date,
        checked_on: Date,
    },
    /// Answers without a 確認日 on a form where whether it has one is not known.
    CheckedOnUnconfirmed {
        count: usize,
        fiscal_year: i16,
    },
    /// A target date outside the edition's fiscal year, where that window is not confirmed.
    TargetDateWindowUnconfirmed {
        item: ItemRef,
        date: Date,
        fiscal_year: i16,
        start: Date,
        end: Date,
    },
    /// いいえ with a target date before the day of the check.
    TargetDateOverdue {
        item: ItemRef,
        date: Date,
        as_of: Date,
    },
    /// A 2回目 answer on a form without a 2回目 column.
    RoundNotOnForm {
        item: ItemRef,
        fiscal_year: i16,
    },
    NotApplicableNotAllowed {
        item: ItemRef,
    },
    NotApplicableConditionUnmet {
        item: ItemRef,
        when: Vec<NotApplicableRule>,
    },
    NotApplicableWithoutReason {
        item: ItemRef,
    },
    NeedsReview {
        item: ItemRef,
        review: Review,
    },
    EvidenceMissing {
        item: ItemRef,
        path: String,
    },
    ChecklistDigestMissing {
        digest: String,
    },
    ChecklistDigestMismatch {
        checklist: String,
        theirs: String,
        ours: String,
    },
    MissingInstitutionField {
        fields: Vec<InstitutionField>,
    },
    KindNotServed {
        kind: InstitutionKind,
        checklist: String,
        serves: Vec<InstitutionKind>,
    },
    InstitutionCodeShape {
        code: String,
    },
    InstitutionCodeFeeTable {
        code: String,
        digit: char,
    },
    InstitutionCodeCheckDigit {
        code: String,
        expected: u8,
        found: u8,
    },
    InstitutionCodeKindMismatch {
        code: String,
        digit: char,
    },
    /// The code's first two digits (JIS X 0401) name another prefecture than the one given.
    InstitutionCodePrefectureUnknown {
        code: String,
        digits: String,
    },
    InstitutionCodePrefectureMismatch {
        code: String,
        number: u8,
        expected: &'static str,
        given: String,
    },
    /// `prefecture` names none of the 47 prefectures (東京都, 東京, Tokyo or 13 would).
    InstitutionPrefectureUnknown {
        given: String,
    },
    VendorContractUnspecified,
    MissingVendorField {
        fields: Vec<VendorField>,
    },
    VendorFormMissing,
    VendorEditionMismatch {
        vendor_fy: i16,
        vendor: String,
        institution_fy: i16,
        institution: String,
    },
    /// A base item the form asks every institution to answer, left out by the own checklist
    /// `checklist` (over `base`) with `reason` (see [`crate::checklist::OutOfScope::required_of_all`]).
    BaseItemRequiredOutOfScope {
        item: ItemRef,
        checklist: String,
        base: String,
        reason: Text,
    },
}

impl Msg {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Msg::NotUtf8 { .. } => "not-utf8",
            Msg::ParseError { .. } => "parse-error",
            Msg::TooDeep { .. } => "too-deep",
            Msg::MissingFormatVersion { .. }
            | Msg::MissingChecklistTable
            | Msg::MissingChecklistField { .. }
            | Msg::MissingItem => "missing-field",
            Msg::UnsupportedFormatVersion { .. } => "unsupported-format-version",
            Msg::UnknownField { .. } => "unknown-field",
            Msg::WrongType { .. } => "wrong-type",
            Msg::InvalidDate { .. } => "invalid-date",
            Msg::InvalidKind { .. } | Msg::InvalidReview { .. } => "invalid-value",
            Msg::InvalidAnswer { .. } => "invalid-answer",
            Msg::InvalidRound { .. } => "invalid-round",
            Msg::UnknownItem { .. } => "unknown-item",
            Msg::DuplicateAnswer { .. } => "duplicate-answer",
            Msg::Unanswered { .. } => "unanswered",
            Msg::CarriedForwardUnconfirmed { .. } => "carried-forward-unconfirmed",
            Msg::MissingCheckedOn { .. } => "missing-checked-on",
            Msg::DateInFuture { .. } => "date-in-future",
            Msg::CheckedBeforeFiscalYear { .. } => "checked-before-fiscal-year",
            Msg::CheckedAfterFiscalYear { .. } => "checked-after-fiscal-year",
            Msg::MissingTargetDate { .. } => "missing-target-date",
            Msg::TargetDateOutsideFiscalYear { .. } => "target-date-outside-fiscal-year",
            Msg::TargetBeforeCheckedOn { .. } => "target-before-checked-on",
            Msg::CheckedOnUnconfirmed { .. } => "checked-on-unconfirmed",
            Msg::TargetDateWindowUnconfirmed { .. } => "target-date-window-unconfirmed",
            Msg::TargetDateOverdue { .. } => "target-date-overdue",
            Msg::RoundNotOnForm { .. } => "round-not-on-form",
            Msg::NotApplicableNotAllowed { .. } => "not-applicable-not-allowed",
            Msg::NotApplicableConditionUnmet { .. } => "not-applicable-condition-unmet",
            Msg::NotApplicableWithoutReason { .. } => "not-applicable-without-reason",
            Msg::NeedsReview { .. } => "needs-review",
            Msg::EvidenceMissing { .. } => "evidence-missing",
            Msg::ChecklistDigestMissing { .. } => "checklist-digest-missing",
            Msg::ChecklistDigestMismatch { .. } => "checklist-digest-mismatch",
            Msg::MissingInstitutionField { .. } => "missing-institution-field",
            Msg::KindNotServed { .. } => "kind-not-served",
            Msg::InstitutionCodeShape { .. } | Msg::InstitutionCodeFeeTable { .. } => {
                "invalid-institution-code"
            }
            Msg::InstitutionCodeCheckDigit { .. } => "institution-code-check-digit",
            Msg::InstitutionCodeKindMismatch { .. } => "institution-code-kind-mismatch",
            Msg::InstitutionCodePrefectureMismatch { .. } => "institution-code-prefecture-mismatch",
            Msg::InstitutionCodePrefectureUnknown { .. } => "institution-code-prefecture-unknown",
            Msg::InstitutionPrefectureUnknown { .. } => "institution-prefecture-unknown",
            Msg::VendorContractUnspecified => "vendor-contract-unspecified",
            Msg::MissingVendorField { .. } => "missing-vendor-field",
            Msg::VendorFormMissing => "vendor-form-missing",
            Msg::VendorEditionMismatch { .. } => "vendor-edition-mismatch",
            Msg::BaseItemRequiredOutOfScope { .. } => {
                crate::checklist::extends::REQUIRED_OUT_OF_SCOPE
            }
        }
    }

    /// How bad it is.
    pub fn severity(&self) -> Severity {
        match self {
            Msg::UnknownField { .. }
            | Msg::ChecklistDigestMissing { .. }
            | Msg::InstitutionCodeCheckDigit { .. }
            | Msg::InstitutionCodeKindMismatch { .. }
            | Msg::InstitutionCodePrefectureMismatch { .. }
            | Msg::InstitutionCodePrefectureUnknown { .. }
            | Msg::InstitutionPrefectureUnknown { .. }
            | Msg::CheckedBeforeFiscalYear { .. }
            | Msg::CheckedAfterFiscalYear { .. }
            | Msg::CheckedOnUnconfirmed { .. }
            | Msg::TargetDateWindowUnconfirmed { .. }
            | Msg::TargetDateOverdue { .. }
            | Msg::TargetBeforeCheckedOn { .. }
            | Msg::NotApplicableWithoutReason { .. }
            | Msg::NeedsReview { .. }
            | Msg::EvidenceMissing { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The diagnostic at `location`, with the message in `lang` and as a catalog reference.
    ///
    /// The reference is free of any language (so a signed record of the findings does not
    /// depend on the signer's language): items by ID, dates as `YYYY-MM-DD`, fiscal years and
    /// answers by their codes ([`Typed`]), put into words when shown
    /// ([`crate::i18n::render_with`]). Only problems that make a file unreadable, which no
    /// report records, keep a few words of `lang` (a parser's detail).
    pub fn diagnostic(&self, location: Location, lang: Lang) -> Diagnostic {
        let (message, text) = self.render(lang);
        Diagnostic {
            code: self.code(),
            severity: self.severity(),
            location,
            message,
            text: Some(text),
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.render(lang).0
    }

    /// The message as a catalog ID and arguments (see [`Msg::diagnostic`]).
    pub fn message_ref(&self, lang: Lang) -> MessageRef {
        self.render(lang).1
    }

    fn render(&self, lang: Lang) -> (String, MessageRef) {
        // The user's dates with 和暦 in Japanese; the bounds of a fiscal year, named by the
        // year itself (令和7年度), in the ISO form only.
        let sep = crate::tr!(lang, "answers-list-separator");
        match self {
            Msg::NotUtf8 { byte } => msg!(lang, "answers-not-utf8", byte = *byte),
            Msg::TooDeep { limit } => msg!(lang, "answers-too-deep", limit = *limit),
            Msg::ParseError { detail } => {
                msg!(lang, "answers-parse-error", detail = LibraryDetail(detail))
            }
            Msg::MissingFormatVersion { supported, empty } => msg!(
                lang,
                "answers-missing-format-version",
                supported = *supported,
                empty = if *empty { "yes" } else { "no" }
            ),
            Msg::UnsupportedFormatVersion { found, supported } => msg!(
                lang,
                "answers-unsupported-format-version",
                found = found.clone(),
                supported = *supported
            ),
            Msg::MissingChecklistTable => msg!(lang, "answers-missing-checklist-table"),
            Msg::MissingChecklistField { key } => {
                msg!(lang, "answers-missing-checklist-field", key = *key)
            }
            Msg::MissingItem => msg!(lang, "answers-missing-item"),
            Msg::UnknownField { place, key, known } => msg!(
                lang,
                "answers-unknown-field",
                place = place.arg(),
                key = key.clone(),
                known = Typed::List {
                    separator: "answers-list-separator".into(),
                    // Keys of the file, as code: `name`、`kind`.
                    items: known.iter().map(|k| Arg::Text(format!("`{k}`"))).collect(),
                }
            ),
            Msg::WrongType {
                place,
                key,
                expected,
                found,
            } => {
                // A reading problem, never recorded: the subject is said in `lang`.
                let p = crate::i18n::render_arg(lang, &place.arg(), None);
                let subject = match key {
                    Some(k) => format!("{p}: `{k}`"),
                    None => p,
                };
                let found = value_kind(found);
                if *expected == Expected::TextInList {
                    msg!(
                        lang,
                        "answers-wrong-type-in-list",
                        subject = subject,
                        found = found
                    )
                } else if *expected == Expected::Code {
                    // Two short sentences: what type, then how to keep the leading zeros.
                    msg!(
                        lang,
                        "answers-wrong-type-code",
                        subject = subject,
                        found = found
                    )
                } else if *expected == Expected::Round {
                    msg!(
                        lang,
                        "answers-wrong-type-round",
                        subject = subject,
                        found = found
                    )
                } else {
                    msg!(
                        lang,
                        "answers-wrong-type",
                        subject = subject,
                        want = expected.message(),
                        found = found
                    )
                }
            }
            Msg::InvalidDate {
                place,
                key,
                error,
                fiscal_year,
            } => msg!(
                lang,
                "answers-invalid-date",
                place = place.arg(),
                key = *key,
                error = crate::dates::date_hint(error, lang, *fiscal_year)
            ),
            Msg::InvalidKind { value } => {
                let kinds = InstitutionKind::ALL
                    .iter()
                    .map(|k| {
                        crate::tr!(
                            lang,
                            "answers-field-with-key",
                            label = k.label(lang),
                            key = k.as_str()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(&sep);
                msg!(
                    lang,
                    "answers-invalid-kind",
                    value = value.clone(),
                    kinds = kinds
                )
            }
            Msg::InvalidReview { place, value } => msg!(
                lang,
                "answers-invalid-review",
                place = place.arg(),
                value = value.clone()
            ),
            Msg::InvalidAnswer { place, value } => msg!(
                lang,
                "answers-invalid-answer",
                place = place.arg(),
                value = value.clone()
            ),
            Msg::InvalidRound { place, value } => msg!(
                lang,
                "answers-invalid-round",
                place = place.arg(),
                value = value.clone()
            ),
            Msg::UnknownItem {
                checklist,
                out_of_scope: Some((label, reason)),
                ..
            } => msg!(
                lang,
                "answers-unknown-item-out-of-scope",
                label = label.get(lang).to_owned(),
                checklist = checklist.clone(),
                reason = crate::i18n::end_sentence(lang, reason.get(lang))
            ),
            Msg::UnknownItem {
                item,
                checklist,
                same_number: None,
                ..
            } => msg!(
                lang,
                "answers-unknown-item",
                item = item.clone(),
                checklist = checklist.clone()
            ),
            Msg::UnknownItem {
                item,
                checklist,
                same_number: Some(same),
                ..
            } => msg!(
                lang,
                "answers-unknown-item-number",
                item = item.clone(),
                checklist = checklist.clone(),
                label = same.label.get(lang).to_owned(),
                id = same.id.clone()
            ),
            Msg::DuplicateAnswer {
                item,
                round,
                first_line,
            } => msg!(
                lang,
                "answers-duplicate-answer",
                item = item.get(lang).to_owned(),
                round = *round,
                first_line = *first_line
            ),
            Msg::Unanswered { item } => msg!(lang, "answers-unanswered", item = item),
            Msg::CarriedForwardUnconfirmed { item, answer, from } => msg!(
                lang,
                "answers-carried-forward-unconfirmed",
                item = item,
                answer = answer_arg(answer),
                from = EditionArg(from)
            ),
            Msg::MissingCheckedOn { item, answer } => msg!(
                lang,
                "answers-missing-checked-on",
                item = item,
                answer = answer_arg(answer)
            ),
            Msg::DateInFuture { item, date, as_of } => msg!(
                lang,
                "answers-date-in-future",
                item = item,
                date = day(date),
                as_of = day(as_of)
            ),
            Msg::CheckedBeforeFiscalYear {
                item,
                date,
                fiscal_year,
                start,
            } => msg!(
                lang,
                "answers-checked-before-fiscal-year",
                item = item,
                date = day(date),
                fiscal_year = fy_arg(fiscal_year),
                start = start.to_string()
            ),
            Msg::CheckedAfterFiscalYear {
                item,
                date,
                fiscal_year,
                end,
            } => msg!(
                lang,
                "answers-checked-after-fiscal-year",
                item = item,
                date = day(date),
                fiscal_year = fy_arg(fiscal_year),
                end = end.to_string()
            ),
            Msg::MissingTargetDate {
                item,
                fiscal_year,
                start,
                end,
            } => msg!(
                lang,
                "answers-missing-target-date",
                item = item,
                fiscal_year = fy_arg(fiscal_year),
                start = start.to_string(),
                end = end.to_string()
            ),
            Msg::TargetDateOutsideFiscalYear {
                item,
                date,
                fiscal_year,
                start,
                end,
            } => msg!(
                lang,
                "answers-target-date-outside-fiscal-year",
                item = item,
                date = day(date),
                fiscal_year = fy_arg(fiscal_year),
                start = start.to_string(),
                end = end.to_string()
            ),
            Msg::TargetBeforeCheckedOn {
                item,
                date,
                checked_on,
            } => msg!(
                lang,
                "answers-target-before-checked-on",
                item = item,
                date = day(date),
                checked_on = day(checked_on)
            ),
            Msg::CheckedOnUnconfirmed { count, fiscal_year } => msg!(
                lang,
                "rules-data-checked-on-unconfirmed",
                count = count,
                fiscal_year = fy_arg(fiscal_year)
            ),
            Msg::TargetDateWindowUnconfirmed {
                item,
                date,
                fiscal_year,
                start,
                end,
            } => msg!(
                lang,
                "rules-data-target-date-window-unconfirmed",
                item = item,
                date = day(date),
                fiscal_year = fy_arg(fiscal_year),
                start = start.to_string(),
                end = end.to_string()
            ),
            Msg::TargetDateOverdue { item, date, as_of } => msg!(
                lang,
                "rules-data-target-date-overdue",
                item = item,
                date = day(date),
                as_of = day(as_of)
            ),
            Msg::RoundNotOnForm { item, fiscal_year } => msg!(
                lang,
                "rules-data-round-not-on-form",
                item = item,
                fiscal_year = fy_arg(fiscal_year)
            ),
            Msg::NotApplicableNotAllowed { item } => {
                msg!(lang, "answers-not-applicable-not-allowed", item = item)
            }
            Msg::NotApplicableConditionUnmet { item, when } => msg!(
                lang,
                "answers-not-applicable-condition-unmet",
                item = item,
                conditions = Typed::List {
                    separator: "answers-or-separator".into(),
                    items: when.iter().map(|r| condition(*r).into()).collect(),
                }
            ),
            Msg::NotApplicableWithoutReason { item } => {
                msg!(lang, "answers-not-applicable-without-reason", item = item)
            }
            Msg::NeedsReview { item, review } => msg!(
                lang,
                "answers-needs-review",
                item = item,
                review = review_message(*review),
                code = review.as_str()
            ),
            Msg::EvidenceMissing { item, path } => msg!(
                lang,
                "answers-evidence-missing",
                item = item,
                path = path.clone()
            ),
            Msg::ChecklistDigestMissing { digest } => msg!(
                lang,
                "answers-checklist-digest-missing",
                digest = digest.clone()
            ),
            Msg::ChecklistDigestMismatch {
                checklist,
                theirs,
                ours,
            } => msg!(
                lang,
                "answers-checklist-digest-mismatch",
                checklist = checklist.clone(),
                theirs = theirs.clone(),
                ours = ours.clone()
            ),
            Msg::MissingInstitutionField { fields } => msg!(
                lang,
                "answers-missing-institution-field",
                fields = fields_arg(fields.iter().map(|f| (FieldOf::Institution, f.key())))
            ),
            Msg::KindNotServed {
                kind,
                checklist,
                serves,
            } => msg!(
                lang,
                "answers-kind-not-served",
                kind = Typed::Kind(kind.as_str().to_owned()),
                checklist = checklist.clone(),
                serves = Typed::List {
                    separator: "answers-list-separator".into(),
                    items: serves
                        .iter()
                        .map(|k| Typed::Kind(k.as_str().to_owned()).into())
                        .collect(),
                }
            ),
            Msg::InstitutionCodeShape { code } => {
                msg!(lang, "answers-institution-code-shape", code = code.clone())
            }
            Msg::InstitutionCodeFeeTable { code, digit } => msg!(
                lang,
                "answers-institution-code-fee-table",
                code = code.clone(),
                digit = digit.to_string()
            ),
            Msg::InstitutionCodeCheckDigit {
                code,
                expected,
                found,
            } => msg!(
                lang,
                "answers-institution-code-check-digit",
                code = code.clone(),
                expected = *expected,
                found = *found
            ),
            Msg::InstitutionCodeKindMismatch { code, digit } => msg!(
                lang,
                "answers-institution-code-kind-mismatch",
                code = code.clone(),
                digit = digit.to_string()
            ),
            Msg::InstitutionCodePrefectureMismatch {
                code,
                number,
                expected,
                given,
            } => msg!(
                lang,
                "polish-institution-code-prefecture-mismatch",
                code = code.clone(),
                number = format!("{number:02}"),
                expected = *expected,
                given = given.clone()
            ),
            Msg::InstitutionCodePrefectureUnknown { code, digits } => msg!(
                lang,
                "answers-institution-code-prefecture-unknown",
                code = code.clone(),
                digits = digits.clone()
            ),
            Msg::InstitutionPrefectureUnknown { given } => msg!(
                lang,
                "answers-institution-prefecture-unknown",
                given = given.clone()
            ),
            Msg::VendorContractUnspecified => msg!(lang, "answers-vendor-contract-unspecified"),
            Msg::MissingVendorField { fields } => msg!(
                lang,
                "answers-missing-vendor-field",
                fields = fields_arg(fields.iter().map(|f| (FieldOf::Vendor, f.key())))
            ),
            Msg::VendorFormMissing => msg!(lang, "answers-vendor-form-missing"),
            Msg::VendorEditionMismatch {
                vendor_fy,
                vendor,
                institution_fy,
                institution,
            } => msg!(
                lang,
                "answers-vendor-edition-mismatch",
                vendor_fy = fy_arg(vendor_fy),
                vendor = vendor.clone(),
                institution_fy = fy_arg(institution_fy),
                institution = institution.clone()
            ),
            Msg::BaseItemRequiredOutOfScope {
                item,
                checklist,
                base,
                reason,
            } => msg!(
                lang,
                "own-base-item-required-out-of-scope",
                item = item,
                checklist = checklist.clone(),
                base = base.clone(),
                reason = Typed::Bilingual {
                    ja: reason.ja.clone(),
                    en: reason.en.clone(),
                }
            ),
        }
    }
}

/// The kind of value found, as [`super::node`] names it, for people.
fn value_kind(found: &str) -> Arg {
    match found {
        "null" => crate::msg_ref!("answers-value-null").into(),
        "a boolean" => crate::msg_ref!("answers-value-bool").into(),
        "an integer" => crate::msg_ref!("answers-value-integer").into(),
        "a number" => crate::msg_ref!("answers-value-number").into(),
        "a string" => crate::msg_ref!("answers-value-string").into(),
        "a date" => crate::msg_ref!("answers-value-date").into(),
        "a list" => crate::msg_ref!("answers-value-list").into(),
        "a table" => crate::msg_ref!("answers-value-table").into(),
        other => Arg::Text(other.to_owned()),
    }
}

fn condition(rule: NotApplicableRule) -> MessageRef {
    match rule {
        NotApplicableRule::NoMedicalInformationSystem => {
            crate::msg_ref!("answers-condition-no-medical-information-system")
        }
        NotApplicableRule::NoVendorContract => {
            crate::msg_ref!("answers-condition-no-vendor-contract")
        }
    }
}

/// What a review mark means, as a catalog message.
fn review_message(review: Review) -> MessageRef {
    match review {
        Review::New => crate::msg_ref!("answers-review-new"),
        Review::Reworded => crate::msg_ref!("answers-review-reworded"),
        Review::Replaced => crate::msg_ref!("answers-review-replaced"),
    }
}

/// What a review mark means, for people (also the note `medsec init --from` writes).
pub fn review_text(review: Review, lang: Lang) -> String {
    crate::i18n::render(lang, &review_message(review))
}

/// The table a field of a recorded message belongs to.
#[derive(Debug, Clone, Copy)]
enum FieldOf {
    Institution,
    Vendor,
}

/// Fields named by their keys, as a recorded list.
fn fields_arg<'a>(fields: impl Iterator<Item = (FieldOf, &'a str)>) -> Typed {
    Typed::List {
        separator: "answers-list-separator".into(),
        items: fields
            .map(|(of, key)| {
                Typed::Field {
                    table: match of {
                        FieldOf::Institution => "institution",
                        FieldOf::Vendor => "vendor",
                    }
                    .to_owned(),
                    key: key.to_owned(),
                }
                .into()
            })
            .collect(),
    }
}

/// A field of the answers file for people: its label and its key (`医療機関コード(code)`), or
/// only the label where they are the same word. `None` for a field this medsec does not know.
pub fn field_text(table: &str, key: &str, lang: Lang) -> Option<String> {
    let label = match table {
        "institution" => InstitutionField::ALL
            .iter()
            .find(|f| f.key() == key)?
            .label(lang),
        "vendor" => VendorField::ALL
            .iter()
            .find(|f| f.key() == key)?
            .label(lang),
        _ => return None,
    };
    Some(if label == key {
        label
    } else {
        crate::tr!(lang, "answers-field-with-key", label = label, key = key)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    fn checklist() -> crate::checklist::Checklist {
        crate::checklist::Catalog::bundled()
            .unwrap()
            .resolve("mhlw-institution@fy2025", None)
            .unwrap()
            .checklist
            .clone()
    }

    fn item() -> ItemRef {
        ItemRef::new(checklist().item("security-patches").unwrap(), Some(1))
    }

    /// One message of every variant: every code has a Japanese and an English text that differ.
    fn every_variant() -> Vec<Msg> {
        let p = Place::Answer {
            item: "x".into(),
            round: Some(1),
        };
        vec![
            Msg::NotUtf8 { byte: 3 },
            Msg::ParseError {
                detail: "expected `=`".into(),
            },
            Msg::TooDeep { limit: 64 },
            Msg::MissingFormatVersion {
                supported: 1,
                empty: false,
            },
            Msg::MissingFormatVersion {
                supported: 1,
                empty: true,
            },
            Msg::UnsupportedFormatVersion {
                found: "2".into(),
                supported: 1,
            },
            Msg::MissingChecklistTable,
            Msg::MissingChecklistField { key: "id" },
            Msg::MissingItem,
            Msg::UnknownField {
                place: Place::TopLevel,
                key: "k".into(),
                known: vec!["a".into(), "b".into()],
            },
            Msg::WrongType {
                place: Place::Table("[vendors]"),
                key: Some("contract".into()),
                expected: Expected::Bool,
                found: "a string",
            },
            Msg::InvalidDate {
                place: p.clone(),
                key: "checked_on",
                error: DateError::NoSuchDay("2025-02-30".into()),
                fiscal_year: Some(2025),
            },
            Msg::InvalidKind {
                value: "zoo".into(),
            },
            Msg::InvalidReview {
                place: p.clone(),
                value: "v".into(),
            },
            Msg::InvalidAnswer {
                place: p.clone(),
                value: "たぶん".into(),
            },
            Msg::InvalidRound {
                place: Place::Answer {
                    item: "x".into(),
                    round: None,
                },
                value: "3".into(),
            },
            Msg::UnknownItem {
                item: "x".into(),
                checklist: "c@fy2025".into(),
                same_number: None,
                out_of_scope: None,
            },
            Msg::UnknownItem {
                item: "x".into(),
                checklist: "c@fy2025".into(),
                same_number: None,
                out_of_scope: Some((
                    Text {
                        ja: "2-③ x".into(),
                        en: "2-③ x".into(),
                    },
                    Text {
                        ja: "契約なし。".into(),
                        en: "No contract.".into(),
                    },
                )),
            },
            Msg::DuplicateAnswer {
                item: Text {
                    ja: "x".into(),
                    en: "x".into(),
                },
                round: 1,
                first_line: 4,
            },
            Msg::Unanswered { item: item() },
            Msg::CarriedForwardUnconfirmed {
                item: item(),
                answer: "はい",
                from: "fy2024".into(),
            },
            Msg::MissingCheckedOn {
                item: item(),
                answer: "はい",
            },
            Msg::DateInFuture {
                item: item(),
                date: d(2099, 1, 1),
                as_of: d(2025, 6, 1),
            },
            Msg::CheckedBeforeFiscalYear {
                item: item(),
                date: d(2025, 1, 1),
                fiscal_year: 2025,
                start: d(2025, 4, 1),
            },
            Msg::CheckedAfterFiscalYear {
                item: item(),
                date: d(2026, 12, 1),
                fiscal_year: 2025,
                end: d(2026, 3, 31),
            },
            Msg::MissingTargetDate {
                item: item(),
                fiscal_year: 2025,
                start: d(2025, 4, 1),
                end: d(2026, 3, 31),
            },
            Msg::TargetDateOutsideFiscalYear {
                item: item(),
                date: d(2026, 4, 1),
                fiscal_year: 2025,
                start: d(2025, 4, 1),
                end: d(2026, 3, 31),
            },
            Msg::TargetBeforeCheckedOn {
                item: item(),
                date: d(2025, 5, 1),
                checked_on: d(2025, 6, 2),
            },
            Msg::CheckedOnUnconfirmed {
                count: 3,
                fiscal_year: 2024,
            },
            Msg::TargetDateWindowUnconfirmed {
                item: item(),
                date: d(2025, 4, 1),
                fiscal_year: 2024,
                start: d(2024, 4, 1),
                end: d(2025, 3, 31),
            },
            Msg::TargetDateOverdue {
                item: item(),
                date: d(2025, 9, 30),
                as_of: d(2025, 10, 1),
            },
            Msg::RoundNotOnForm {
                item: item(),
                fiscal_year: 2025,
            },
            Msg::NotApplicableNotAllowed { item: item() },
            Msg::NotApplicableConditionUnmet {
                item: item(),
                when: vec![NotApplicableRule::NoVendorContract],
            },
            Msg::NotApplicableWithoutReason { item: item() },
            Msg::NeedsReview {
                item: item(),
                review: Review::New,
            },
            Msg::EvidenceMissing {
                item: item(),
                path: "a.pdf".into(),
            },
            Msg::ChecklistDigestMissing {
                digest: "sha256:1".into(),
            },
            Msg::ChecklistDigestMismatch {
                checklist: "c".into(),
                theirs: "a".into(),
                ours: "b".into(),
            },
            Msg::MissingInstitutionField {
                fields: InstitutionField::ALL.to_vec(),
            },
            Msg::KindNotServed {
                kind: InstitutionKind::Pharmacy,
                checklist: "c".into(),
                serves: vec![InstitutionKind::Clinic],
            },
            Msg::InstitutionCodeShape { code: "1".into() },
            Msg::InstitutionCodeFeeTable {
                code: "0120113719".into(),
                digit: '2',
            },
            Msg::InstitutionCodeCheckDigit {
                code: "0110113718".into(),
                expected: 9,
                found: 8,
            },
            Msg::InstitutionCodeKindMismatch {
                code: "0110113719".into(),
                digit: '1',
            },
            Msg::InstitutionCodePrefectureUnknown {
                code: "9910123455".into(),
                digits: "99".into(),
            },
            Msg::InstitutionPrefectureUnknown {
                given: "xyz".into(),
            },
            Msg::VendorContractUnspecified,
            Msg::MissingVendorField {
                fields: VendorField::ALL.to_vec(),
            },
            Msg::VendorFormMissing,
            Msg::VendorEditionMismatch {
                vendor_fy: 2024,
                vendor: "v".into(),
                institution_fy: 2025,
                institution: "i".into(),
            },
            Msg::BaseItemRequiredOutOfScope {
                item: item(),
                checklist: "own-institution@fy2025".into(),
                base: "mhlw-institution@fy2025".into(),
                reason: Text {
                    ja: "当院の判断です。".into(),
                    en: "Our own decision.".into(),
                },
            },
        ]
    }

    #[test]
    fn every_message_has_japanese_and_english() {
        for m in every_variant() {
            let (ja, en) = (m.text(Lang::Ja), m.text(Lang::En));
            assert_ne!(ja, en, "{}", m.code());
            for text in [&ja, &en] {
                // Every argument given: Fluent shows a missing one as `{$name}`.
                assert!(!text.contains("{$"), "{}: {text}", m.code());
            }
            // The recorded reference is the same whatever the language, and renders to the
            // same text in either with the checklist at hand.
            let r = m.message_ref(Lang::Ja);
            // Problems that make a file unreadable are never recorded; a few keep words of
            // the command's language (a parser's detail, the kinds to choose from).
            let reading = matches!(
                m,
                Msg::WrongType { .. }
                    | Msg::InvalidDate { .. }
                    | Msg::InvalidKind { .. }
                    | Msg::UnknownItem { .. }
                    | Msg::DuplicateAnswer { .. }
            );
            if !reading {
                assert_eq!(r, m.message_ref(Lang::En), "{}", m.code());
                let c = checklist();
                let (rja, ren) = (
                    crate::i18n::render_with(Lang::Ja, &r, Some(&c)),
                    crate::i18n::render_with(Lang::En, &r, Some(&c)),
                );
                assert_eq!(rja, ja, "{}", m.code());
                assert_eq!(ren, en, "{}", m.code());
            }
            assert!(!ja.contains("security-patches"), "{ja}");
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "{}: no kana in {ja}",
                m.code()
            );
            assert!(!m.code().is_empty());
        }
    }

    #[test]
    fn japanese_dates_carry_wareki() {
        let m = Msg::DateInFuture {
            item: item(),
            date: d(2099, 1, 1),
            as_of: d(2025, 6, 1),
        };
        let ja = m.text(Lang::Ja);
        assert!(ja.contains("2025-06-01(令和7年6月1日)"), "{ja}");
        assert!(ja.starts_with("2-⑥ セキュリティパッチ(1回目): "), "{ja}");
    }

    #[test]
    fn japanese_wording_of_issue_10() {
        let unmet = Msg::NotApplicableConditionUnmet {
            item: item(),
            when: vec![NotApplicableRule::NoMedicalInformationSystem],
        }
        .text(Lang::Ja);
        assert!(unmet.contains("「いいえ」の場合だけです"), "{unmet}");
        let outside = Msg::TargetDateOutsideFiscalYear {
            item: item(),
            date: d(2026, 4, 1),
            fiscal_year: 2025,
            start: d(2025, 4, 1),
            end: d(2026, 3, 31),
        }
        .text(Lang::Ja);
        assert!(outside.contains("令和7年度"), "{outside}");
        assert!(outside.ends_with("範囲外です。"), "{outside}");
    }

    #[test]
    fn diagnostics_carry_the_catalog_reference() {
        let diag = Msg::Unanswered { item: item() }.diagnostic(
            Location {
                file: "a.toml".into(),
                line: 1,
                column: 1,
            },
            Lang::En,
        );
        let r = diag.text.expect("a reference");
        assert_eq!(r.id, "answers-unanswered");
        // The same reference whatever the command's language.
        let ja = Msg::Unanswered { item: item() }.diagnostic(diag.location.clone(), Lang::Ja);
        assert_eq!(ja.text.as_ref(), Some(&r));
        assert_eq!(
            r.args.get("item"),
            Some(&Arg::Typed(Typed::Item {
                id: "security-patches".into(),
                round: Some(1)
            }))
        );
        let c = checklist();
        assert_eq!(crate::i18n::render_with(Lang::Ja, &r, Some(&c)), ja.message);
        let en = crate::i18n::render_with(Lang::En, &r, Some(&c));
        assert!(
            en.ends_with("(round 1): no first-round answer (Yes/No) yet"),
            "{en}"
        );
        assert!(!en.contains("セキュリティ"), "{en}");
        // Without the checklist the item is named by its ID, never a panic.
        assert!(crate::i18n::render(Lang::En, &r).starts_with("security-patches (round 1)"));
    }

    #[test]
    fn dates_fiscal_years_and_answers_are_recorded_by_code() {
        let m = Msg::TargetDateOutsideFiscalYear {
            item: item(),
            date: d(2026, 4, 1),
            fiscal_year: 2025,
            start: d(2025, 4, 1),
            end: d(2026, 3, 31),
        };
        let json = serde_json::to_string(&m.message_ref(Lang::Ja)).unwrap();
        assert!(json.contains(r#""date":{"date":"2026-04-01"}"#), "{json}");
        assert!(
            json.contains(r#""fiscal_year":{"fiscal-year":2025}"#),
            "{json}"
        );
        assert!(!json.chars().any(|c| c > '\u{2fff}'), "{json}");
        let m = Msg::MissingCheckedOn {
            item: item(),
            answer: "はい",
        };
        let r = m.message_ref(Lang::Ja);
        assert_eq!(
            r.args.get("answer"),
            Some(&Arg::Typed(Typed::Answer("yes".into())))
        );
        assert!(
            m.text(Lang::En).contains("answered yes"),
            "{}",
            m.text(Lang::En)
        );
        assert!(m.text(Lang::Ja).contains("「はい」"));
        // A message recorded by serde comes back the same.
        let back: MessageRef = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn an_item_without_english_text_is_named_by_its_number_in_english() {
        let c = checklist();
        let mut item = c.item("security-patches").unwrap().clone();
        assert_eq!(label(&item, Lang::En), item.label(Lang::En));
        let number = item.number.clone();
        for en in [
            String::new(),
            item.text.ja.clone(),
            crate::tr!(
                Lang::En,
                "workbook-untranslated",
                text = item.text.ja.as_str()
            ),
        ] {
            item.text.en = en;
            assert_eq!(label(&item, Lang::En), number, "{:?}", item.text.en);
            assert_eq!(label(&item, Lang::Ja), item.label(Lang::Ja));
        }
    }

    #[test]
    fn field_texts_say_label_and_key() {
        for f in InstitutionField::ALL {
            let t = field_text("institution", f.key(), Lang::Ja).unwrap();
            assert!(t.contains(&f.label(Lang::Ja)), "{t}");
        }
        assert_eq!(
            field_text("vendor", "contact", Lang::En).as_deref(),
            Some("contact")
        );
        assert_eq!(field_text("vendor", "nope", Lang::En), None);
    }
}
