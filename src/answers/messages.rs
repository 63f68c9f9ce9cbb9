//! Every message the answers module gives about a file, in Japanese and English, in one place.
//!
//! A [`Msg`] is one problem with its facts; [`Msg::code`] is its stable kebab-case code (never
//! renamed: scripts match on it), [`Msg::severity`] how bad it is, and [`Msg::text`] the
//! sentence in the language asked for. Findings and reading problems are made only through
//! [`Msg::diagnostic`], so a new code cannot be added without both texts.

use super::model::{InstitutionField, Review, VendorField};
use crate::checklist::{InstitutionKind, Lang, NotApplicableRule};
use crate::dates::wareki;
use crate::diagnostic::{Diagnostic, Location, Severity};
use jiff::civil::Date;

/// A date for people: the Western form, and in Japanese also 和暦 (`2025-04-01(令和7年4月1日)`).
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{d}({})", wareki(d)),
        Lang::En => d.to_string(),
    }
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
    /// The answer to `item` (in `round`, once known).
    Answer { item: String, round: Option<u8> },
}

impl Place {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Place::File, Lang::Ja) => "回答ファイル".to_owned(),
            (Place::File, Lang::En) => "the answers file".to_owned(),
            (Place::TopLevel, Lang::Ja) => "最上位".to_owned(),
            (Place::TopLevel, Lang::En) => "top level".to_owned(),
            (Place::Table(t), _) => (*t).to_owned(),
            (Place::Entry, Lang::Ja) => "answers の項目".to_owned(),
            (Place::Entry, Lang::En) => "answers entry".to_owned(),
            (Place::Answer { item, round: None }, Lang::Ja) => format!("項目 `{item}`"),
            (Place::Answer { item, round: None }, Lang::En) => format!("item `{item}`"),
            (
                Place::Answer {
                    item,
                    round: Some(r),
                },
                Lang::Ja,
            ) => format!("項目 `{item}` {r}回目"),
            (
                Place::Answer {
                    item,
                    round: Some(r),
                },
                Lang::En,
            ) => format!("item `{item}` round {r}"),
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
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date; write YYYY-MM-DD")]
    NotADate(String),
    #[error("`{0}`: the year {1} is not a possible date here")]
    YearOutOfRange(String, i16),
    #[error("`{0}` is not a possible date (no such day)")]
    NoSuchDay(String),
}

impl DateError {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (DateError::NotADate(t), Lang::Ja) => {
                format!("`{t}` は日付ではありません。YYYY-MM-DD の形で書いてください")
            }
            (DateError::YearOutOfRange(t, y), Lang::Ja) => {
                format!("`{t}`: {y}年はここでは使えない年です")
            }
            (DateError::NoSuchDay(t), Lang::Ja) => {
                format!("`{t}` は存在しない日付です")
            }
        }
    }
}

/// An item and the round of its answer, for rule messages: `1-① \`security-manager\``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    pub number: String,
    pub id: String,
    /// `None` where the message is about round 1 implicitly.
    pub round: Option<u8>,
}

impl ItemRef {
    fn text(&self, lang: Lang) -> String {
        match (self.round, lang) {
            (None, _) => format!("{} `{}`", self.number, self.id),
            (Some(r), Lang::Ja) => format!("{} `{}`({r}回目)", self.number, self.id),
            (Some(r), Lang::En) => format!("{} `{}` (round {r})", self.number, self.id),
        }
    }
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
        known: String,
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
        same_number: Option<String>,
    },
    DuplicateAnswer {
        item: String,
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
}

fn kind_text(found: &str, lang: Lang) -> &str {
    match (lang, found) {
        (Lang::En, _) => found,
        (Lang::Ja, "null") => "null",
        (Lang::Ja, "a boolean") => "真偽値",
        (Lang::Ja, "an integer") => "整数",
        (Lang::Ja, "a number") => "数値",
        (Lang::Ja, "a string") => "文字列",
        (Lang::Ja, "a date") => "日付",
        (Lang::Ja, "a list") => "リスト",
        (Lang::Ja, "a table") => "テーブル",
        (Lang::Ja, other) => other,
    }
}

fn condition_text(rule: NotApplicableRule, lang: Lang) -> &'static str {
    match (rule, lang) {
        (NotApplicableRule::NoMedicalInformationSystem, Lang::Ja) => {
            "医療情報システムの有無(ゲートの質問)が「いいえ」"
        }
        (NotApplicableRule::NoMedicalInformationSystem, Lang::En) => {
            "the gate question (医療情報システムの有無) is answered いいえ"
        }
        (NotApplicableRule::NoVendorContract, Lang::Ja) => {
            "[vendors] contract = false(事業者と契約していない)"
        }
        (NotApplicableRule::NoVendorContract, Lang::En) => {
            "[vendors] contract = false (no vendor contract)"
        }
    }
}

/// What a review mark means, for people (also the note `medsec init --from` writes).
pub fn review_text(review: Review, lang: Lang) -> &'static str {
    match (review, lang) {
        (Review::New, Lang::Ja) => "今年度の新しい項目",
        (Review::Reworded, Lang::Ja) => "昨年度から文言が変わった項目",
        (Review::Replaced, Lang::Ja) => "昨年度の項目を置き換えた項目",
        (Review::New, Lang::En) => "new in this edition",
        (Review::Reworded, Lang::En) => "reworded since last year",
        (Review::Replaced, Lang::En) => "replaces last year's item(s)",
    }
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
            Msg::MissingTargetDate { .. } => "missing-target-date",
            Msg::TargetDateOutsideFiscalYear { .. } => "target-date-outside-fiscal-year",
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
            Msg::VendorContractUnspecified => "vendor-contract-unspecified",
            Msg::MissingVendorField { .. } => "missing-vendor-field",
            Msg::VendorFormMissing => "vendor-form-missing",
            Msg::VendorEditionMismatch { .. } => "vendor-edition-mismatch",
        }
    }

    /// How bad it is.
    pub fn severity(&self) -> Severity {
        match self {
            Msg::UnknownField { .. }
            | Msg::ChecklistDigestMissing { .. }
            | Msg::InstitutionCodeCheckDigit { .. }
            | Msg::InstitutionCodeKindMismatch { .. }
            | Msg::CheckedBeforeFiscalYear { .. }
            | Msg::NotApplicableWithoutReason { .. }
            | Msg::NeedsReview { .. }
            | Msg::EvidenceMissing { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The diagnostic at `location`, with the message in `lang`.
    pub fn diagnostic(&self, location: Location, lang: Lang) -> Diagnostic {
        Diagnostic {
            code: self.code(),
            severity: self.severity(),
            location,
            message: self.text(lang),
            text: None,
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let d = |x: &Date| date(*x, lang);
        match self {
            Msg::NotUtf8 { byte } => {
                if ja {
                    format!("UTF-8 のテキストではありません(バイト {byte})。UTF-8 で保存してください(Shift_JIS は CSV シートからのみ読み込めます)")
                } else {
                    format!("the file is not UTF-8 text (byte {byte}); save it as UTF-8 (Shift_JIS is read only from CSV sheets)")
                }
            }
            Msg::TooDeep { limit } => {
                if ja {
                    format!("リストや表の入れ子が {limit} 段を超えています。読み込む前に止めました(回答ファイルの入れ子はふつう 4 段ほどです)")
                } else {
                    format!("lists and tables nest more than {limit} levels deep; the file was refused before parsing (an answers file nests about 4)")
                }
            }
            Msg::ParseError { detail } => {
                if ja {
                    format!("構文エラー: {detail}")
                } else {
                    detail.clone()
                }
            }
            Msg::MissingFormatVersion { supported } => {
                if ja {
                    format!("`format_version` がありません。この medsec が読めるのは format_version {supported} です")
                } else {
                    format!(
                        "`format_version` is missing; this medsec reads format_version {supported}"
                    )
                }
            }
            Msg::UnsupportedFormatVersion { found, supported } => {
                if ja {
                    format!("format_version {found} には対応していません。この medsec が読めるのは format_version {supported} です(新しい medsec なら読める可能性があります)")
                } else {
                    format!("format_version {found} is not supported; this medsec reads format_version {supported} (a newer medsec may read it)")
                }
            }
            Msg::MissingChecklistTable => {
                if ja {
                    "[checklist] テーブル(id, edition, digest)がありません。`medsec init` が書き込みます".to_owned()
                } else {
                    "the [checklist] table (id, edition, digest) is missing; `medsec init` writes it".to_owned()
                }
            }
            Msg::MissingChecklistField { key } => {
                if ja {
                    format!("[checklist]: `{key}` がないか空です")
                } else {
                    format!("[checklist]: `{key}` is missing or empty")
                }
            }
            Msg::MissingItem => {
                if ja {
                    "answers の項目に `item`(項目の固定ID)がありません".to_owned()
                } else {
                    "answers entry without `item` (the item's stable ID)".to_owned()
                }
            }
            Msg::UnknownField { place, key, known } => {
                if ja {
                    format!(
                        "{}: 不明なフィールド `{key}`(そのまま残します。既知のフィールド: {known})",
                        place.text(lang)
                    )
                } else {
                    format!(
                        "{}: unknown field `{key}` (kept as is; known fields: {known})",
                        place.text(lang)
                    )
                }
            }
            Msg::WrongType {
                place,
                key,
                expected,
                found,
            } => {
                let p = place.text(lang);
                let found = kind_text(found, lang);
                let subject = match (key, ja) {
                    (Some(k), _) => format!("{p}: `{k}`"),
                    (None, _) => p,
                };
                let want = match (expected, ja) {
                    (Expected::Table, true) => "テーブル",
                    (Expected::Table, false) => "a table",
                    (Expected::Text, true) => "文字列",
                    (Expected::Text, false) => "text",
                    (Expected::Date, true) => "日付(YYYY-MM-DD)",
                    (Expected::Date, false) => "a date (YYYY-MM-DD)",
                    (Expected::Bool, true) => "true か false",
                    (Expected::Bool, false) => "true or false",
                    (Expected::ListOfText, true) => "文字列のリスト",
                    (Expected::ListOfText, false) => "a list of text",
                    (Expected::TextInList, true) => "文字列を並べたもの",
                    (Expected::TextInList, false) => "list text",
                    (Expected::AnswersList, true) => "項目のリスト(TOML では [[answers]])",
                    (Expected::AnswersList, false) => "a list of entries ([[answers]] in TOML)",
                };
                if ja {
                    format!("{subject} は{want}にしてください({found}になっています)")
                } else if *expected == Expected::TextInList {
                    format!("{subject} must list text, not {found}")
                } else {
                    format!("{subject} must be {want}, not {found}")
                }
            }
            Msg::InvalidDate { place, key, error } => {
                format!("{}: `{key}`: {}", place.text(lang), error.text(lang))
            }
            Msg::InvalidKind { value } => {
                let names = InstitutionKind::ALL
                    .iter()
                    .map(|k| {
                        if ja {
                            format!("{}({})", k.as_str(), k.label(lang))
                        } else {
                            k.as_str().to_owned()
                        }
                    })
                    .collect::<Vec<_>>();
                if ja {
                    format!(
                        "[institution]: 種別 `{value}` は不明です。次のいずれかにしてください: {}",
                        names.join("、")
                    )
                } else {
                    format!(
                        "[institution]: unknown kind `{value}`; expected one of: {}",
                        names.join(", ")
                    )
                }
            }
            Msg::InvalidReview { place, value } => {
                if ja {
                    format!(
                        "{}: review `{value}` は new、reworded、replaced のいずれでもありません",
                        place.text(lang)
                    )
                } else {
                    format!(
                        "{}: review `{value}` is not one of new, reworded, replaced",
                        place.text(lang)
                    )
                }
            }
            Msg::InvalidAnswer { place, value } => {
                if ja {
                    format!("{}: 回答 `{value}` は はい、いいえ、対象外(または yes、no、na)のいずれでもありません", place.text(lang))
                } else {
                    format!(
                        "{}: answer `{value}` is not one of はい, いいえ, 対象外 (or yes, no, na)",
                        place.text(lang)
                    )
                }
            }
            Msg::InvalidRound { place, value } => {
                if ja {
                    format!(
                        "{}: `round` は 1 か 2 です({value} になっています)",
                        place.text(lang)
                    )
                } else {
                    format!("{}: `round` must be 1 or 2, not {value}", place.text(lang))
                }
            }
            Msg::UnknownItem {
                item,
                checklist,
                same_number,
            } => {
                let hint = match (same_number, ja) {
                    (Some(id), true) => format!("(その番号の項目は `{id}` です)"),
                    (Some(id), false) => format!(" (number {item} is item `{id}`)"),
                    (None, _) => String::new(),
                };
                if ja {
                    format!("項目 `{item}` は {checklist} にありません{hint}。別の版の回答は `medsec init --from` で引き継いでください")
                } else {
                    format!("item `{item}` is not in {checklist}{hint}; answers for another edition need `medsec init --from`")
                }
            }
            Msg::DuplicateAnswer {
                item,
                round,
                first_line,
            } => {
                if ja {
                    format!("項目 `{item}` の{round}回目が2回回答されています(最初は {first_line} 行目)。1つにしてください")
                } else {
                    format!("item `{item}` round {round} is answered twice (first at line {first_line}); keep one entry")
                }
            }

            Msg::Unanswered { item } => {
                if ja {
                    format!(
                        "{}: 1回目の回答(はい/いいえ)がまだありません",
                        item.text(lang)
                    )
                } else {
                    format!(
                        "{}: no first-round answer (はい/いいえ) yet",
                        item.text(lang)
                    )
                }
            }
            Msg::CarriedForwardUnconfirmed { item, answer, from } => {
                if ja {
                    format!("{}: 回答「{answer}」は {from} から引き継いだもので、確認するまで数えません。確認し直して checked_on を入れ、`carried_from` を消してください", item.text(lang))
                } else {
                    format!("{}: the answer {answer} was carried forward from {from} and does not count until confirmed; check it again, set checked_on, and remove `carried_from`", item.text(lang))
                }
            }
            Msg::MissingCheckedOn { item, answer } => {
                if ja {
                    format!(
                        "{}: 「{answer}」と回答されていますが確認日(checked_on)がありません",
                        item.text(lang)
                    )
                } else {
                    format!(
                        "{}: answered {answer} but no date checked (checked_on)",
                        item.text(lang)
                    )
                }
            }
            Msg::DateInFuture {
                item,
                date: x,
                as_of,
            } => {
                if ja {
                    format!(
                        "{}: 確認日 {} が基準日 {}(日本時間)より後です",
                        item.text(lang),
                        d(x),
                        d(as_of)
                    )
                } else {
                    format!("{}: the date checked {} is after {} (the date checked against, Japan time)", item.text(lang), d(x), d(as_of))
                }
            }
            Msg::CheckedBeforeFiscalYear {
                item,
                date: x,
                fiscal_year,
                start,
            } => {
                if ja {
                    format!(
                        "{}: 確認日 {} は{}の始まり({})より前です。今年度の確認ですか?",
                        item.text(lang),
                        d(x),
                        crate::dates::wareki_fiscal_year(*fiscal_year),
                        d(start)
                    )
                } else {
                    format!("{}: checked on {}, before FY{fiscal_year} began ({}); is this this year's check?", item.text(lang), d(x), d(start))
                }
            }
            Msg::MissingTargetDate {
                item,
                fiscal_year,
                start,
                end,
            } => {
                if ja {
                    format!(
                        "{}: いいえ には{}中({} から {} まで)の目標日(target_date)が必要です",
                        item.text(lang),
                        crate::dates::wareki_fiscal_year(*fiscal_year),
                        d(start),
                        d(end)
                    )
                } else {
                    format!("{}: いいえ needs a target date (target_date) within FY{fiscal_year} ({} to {})", item.text(lang), d(start), d(end))
                }
            }
            Msg::TargetDateOutsideFiscalYear {
                item,
                date: x,
                fiscal_year,
                start,
                end,
            } => {
                if ja {
                    format!(
                        "{}: 目標日 {} が{}({} から {} まで、日本時間)の外です",
                        item.text(lang),
                        d(x),
                        crate::dates::wareki_fiscal_year(*fiscal_year),
                        d(start),
                        d(end)
                    )
                } else {
                    format!(
                        "{}: the target date {} is outside FY{fiscal_year} ({} to {}, Japan time)",
                        item.text(lang),
                        d(x),
                        d(start),
                        d(end)
                    )
                }
            }
            Msg::NotApplicableNotAllowed { item } => {
                if ja {
                    format!(
                        "{}: この項目は対象外にできません。はい か いいえ で回答してください",
                        item.text(lang)
                    )
                } else {
                    format!(
                        "{}: 対象外 is not allowed for this item; answer はい or いいえ",
                        item.text(lang)
                    )
                }
            }
            Msg::NotApplicableConditionUnmet { item, when } => {
                let conditions: Vec<&str> = when.iter().map(|r| condition_text(*r, lang)).collect();
                if ja {
                    format!(
                        "{}: 対象外にできるのは {} の場合だけです",
                        item.text(lang),
                        conditions.join("、または ")
                    )
                } else {
                    format!(
                        "{}: 対象外 only when {}",
                        item.text(lang),
                        conditions.join(", or ")
                    )
                }
            }
            Msg::NotApplicableWithoutReason { item } => {
                if ja {
                    format!(
                        "{}: 対象外の理由がありません。`reason` に書いてください",
                        item.text(lang)
                    )
                } else {
                    format!(
                        "{}: 対象外 without a reason; say why in `reason`",
                        item.text(lang)
                    )
                }
            }
            Msg::NeedsReview { item, review } => {
                if ja {
                    format!("{}: 引継ぎ時に「{}」(`{}`)とされました。項目を読み直してから `review` を消してください", item.text(lang), review_text(*review, lang), review.as_str())
                } else {
                    format!("{}: marked `{}` ({}) when carried forward; read the item again, then remove `review`", item.text(lang), review.as_str(), review_text(*review, lang))
                }
            }
            Msg::EvidenceMissing { item, path } => {
                if ja {
                    format!(
                        "{}: 証跡 `{path}` がありません(パスは回答ファイルからの相対パスです)",
                        item.text(lang)
                    )
                } else {
                    format!("{}: evidence `{path}` does not exist (paths are relative to the answers file)", item.text(lang))
                }
            }
            Msg::ChecklistDigestMissing { digest } => {
                if ja {
                    format!("[checklist] に digest がありません。この文言に結び付けるため digest = \"{digest}\" を加えてください")
                } else {
                    format!("[checklist] names no digest; add digest = \"{digest}\" so the answers are tied to this wording")
                }
            }
            Msg::ChecklistDigestMismatch {
                checklist,
                theirs,
                ours,
            } => {
                if ja {
                    format!("回答は {checklist} のダイジェスト {theirs} に対して作られていますが、このチェックリストのダイジェストは {ours} です(文言が違います)。今の文言で回答を確認してから digest を更新してください")
                } else {
                    format!("the answers were made against {checklist} with digest {theirs}, but this checklist's digest is {ours}: its wording differs; check the answers against the current wording, then update the digest")
                }
            }
            Msg::MissingInstitutionField { fields } => {
                let names: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        if f.key() == f.label(lang) {
                            f.key().to_owned()
                        } else if ja {
                            format!("{}({})", f.label(lang), f.key())
                        } else {
                            format!("{} ({})", f.key(), f.label(lang))
                        }
                    })
                    .collect();
                if ja {
                    format!("[institution]: {} を記入してください", names.join("、"))
                } else {
                    format!("[institution]: fill in {}", names.join(", "))
                }
            }
            Msg::KindNotServed {
                kind,
                checklist,
                serves,
            } => {
                let serves: Vec<&str> = serves.iter().map(|k| k.as_str()).collect();
                if ja {
                    format!("{}は {checklist} を使いません(対象: {})。`medsec init --form` で正しい様式を選んでください", kind.label(lang), serves.join("、"))
                } else {
                    format!("a {} does not use {checklist} (it serves: {}); choose the right form with `medsec init --form`", kind.label(lang), serves.join(", "))
                }
            }
            Msg::InstitutionCodeShape { code } => {
                if ja {
                    format!("医療機関コード `{code}` が10桁の数字ではありません")
                } else {
                    format!("医療機関コード `{code}` is not 10 digits")
                }
            }
            Msg::InstitutionCodeFeeTable { code, digit } => {
                if ja {
                    format!("医療機関コード `{code}`: 3桁目が {digit} です。1(医科)、3(歯科)、4(調剤)のいずれかです")
                } else {
                    format!("医療機関コード `{code}`: the third digit is {digit}; it is 1 (医科), 3 (歯科) or 4 (調剤)")
                }
            }
            Msg::InstitutionCodeCheckDigit {
                code,
                expected,
                found,
            } => {
                if ja {
                    format!("医療機関コード `{code}`: 検証番号が {found} ですが、計算では {expected} です。コードを確認してください(この規則は一次資料で確認できていません)")
                } else {
                    format!("医療機関コード `{code}`: the check digit is {found}, expected {expected}; check the code (this rule is not from a primary source)")
                }
            }
            Msg::InstitutionCodeKindMismatch { code, digit } => {
                if ja {
                    format!("医療機関コード `{code}`: 3桁目 {digit} が医療機関等の種別と合いません")
                } else {
                    format!("医療機関コード `{code}`: the third digit {digit} does not fit the kind of institution")
                }
            }
            Msg::VendorContractUnspecified => {
                if ja {
                    "[vendors]: 事業者との契約の有無を書いてください(contract = true または false)。契約がなければ事業者確認用は不要です".to_owned()
                } else {
                    "[vendors]: say whether there is a vendor contract (contract = true or false); without one, the vendor form (事業者確認用) is not required".to_owned()
                }
            }
            Msg::MissingVendorField { fields } => {
                let names: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        if ja {
                            format!("{}({})", f.label(lang), f.key())
                        } else {
                            f.key().to_owned()
                        }
                    })
                    .collect();
                if ja {
                    format!("[vendor]: {} を記入してください", names.join("、"))
                } else {
                    format!("[vendor]: fill in {}", names.join(", "))
                }
            }
            Msg::VendorFormMissing => {
                if ja {
                    "事業者との契約がありますが、事業者確認用の回答ファイルがありません。[vendors] forms に事業者ごとの回答ファイルを書くか、`medsec status` に一緒に渡してください".to_owned()
                } else {
                    "the institution has a vendor contract, but no vendor form (事業者確認用) was given; list each vendor's answers file under [vendors] forms, or give it to `medsec status`".to_owned()
                }
            }
            Msg::VendorEditionMismatch {
                vendor_fy,
                vendor,
                institution_fy,
                institution,
            } => {
                if ja {
                    format!("事業者確認用は{}({vendor})、医療機関等の回答は{}({institution})のものです。事業者確認用は医療機関等と同じ版にしてください", crate::dates::wareki_fiscal_year(*vendor_fy), crate::dates::wareki_fiscal_year(*institution_fy))
                } else {
                    format!("the vendor form is for FY{vendor_fy} ({vendor}), the institution form for FY{institution_fy} ({institution}); vendor forms must match the institution's edition")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    fn item() -> ItemRef {
        ItemRef {
            number: "1-①".into(),
            id: "security-manager".into(),
            round: Some(1),
        }
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
            Msg::MissingFormatVersion { supported: 1 },
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
                known: "a, b".into(),
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
            },
            Msg::DuplicateAnswer {
                item: "x".into(),
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
        ]
    }

    #[test]
    fn every_message_has_japanese_and_english() {
        for m in every_variant() {
            let (ja, en) = (m.text(Lang::Ja), m.text(Lang::En));
            assert_ne!(ja, en, "{}", m.code());
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
        assert!(ja.contains("1-① `security-manager`(1回目)"), "{ja}");
    }
}
