//! The answers as validated data: what status, reports and verification build on.
//!
//! Every type here serialises (serde) to the JSON that `medsec status --format json` and
//! report.json embed. Field names are stable; new fields may be added, none renamed.

use crate::checklist::{InstitutionKind, Lang};
use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The one answers-file format version this binary reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The rounds a form may be checked in (1回目, 2回目). Inspectors look at round 1.
pub const ROUNDS: [u8; 2] = [1, 2];

/// One answers file: one form (institution, pharmacy or vendor) of one checklist edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AnswerSet {
    pub format_version: u32,
    /// The checklist these answers belong to.
    pub checklist: ChecklistRef,
    /// The institution (医療機関等). On a vendor form: the institution it is filled in for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub institution: Option<Institution>,
    /// The vendor (事業者); only on a vendor form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Vendor>,
    /// Vendor contracts and the vendor forms handed back; only on an institution or pharmacy form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendors: Option<VendorContracts>,
    /// One entry per item and round, in file order.
    pub answers: Vec<Answer>,
}

impl AnswerSet {
    /// The answer for `item` in `round`, if the file has one.
    pub fn answer(&self, item: &str, round: u8) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|a| a.item == item && a.round == round)
    }
}

/// Which checklist edition the answers were made against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ChecklistRef {
    pub id: String,
    pub edition: String,
    /// `sha256:…` digest of the checklist content (see `checklist::digest`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

impl ChecklistRef {
    /// `id@edition`.
    pub fn full_id(&self) -> String {
        format!("{}@{}", self.id, self.edition)
    }
}

/// The institution that answers (or, on a vendor form, is answered for).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Institution {
    pub name: Option<String>,
    /// 医療機関コード: 10 digits.
    pub code: Option<String>,
    pub prefecture: Option<String>,
    pub kind: Option<InstitutionKind>,
    /// 管理者.
    pub manager: Option<String>,
    /// 医療情報システム安全管理責任者.
    pub security_manager: Option<String>,
    /// The person who filled in the answers.
    pub answered_by: Option<String>,
}

/// A field of `[institution]`, in the order people fill them in. The one list that the
/// reader, the rules (`missing-institution-field`) and the walk-through share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InstitutionField {
    Name,
    Kind,
    Code,
    Prefecture,
    Manager,
    SecurityManager,
    AnsweredBy,
}

impl InstitutionField {
    pub const ALL: [InstitutionField; 7] = [
        InstitutionField::Name,
        InstitutionField::Kind,
        InstitutionField::Code,
        InstitutionField::Prefecture,
        InstitutionField::Manager,
        InstitutionField::SecurityManager,
        InstitutionField::AnsweredBy,
    ];

    /// The key in the answers file.
    pub fn key(self) -> &'static str {
        match self {
            InstitutionField::Name => "name",
            InstitutionField::Kind => "kind",
            InstitutionField::Code => "code",
            InstitutionField::Prefecture => "prefecture",
            InstitutionField::Manager => "manager",
            InstitutionField::SecurityManager => "security_manager",
            InstitutionField::AnsweredBy => "answered_by",
        }
    }

    /// A label for people.
    pub fn label(self, lang: Lang) -> String {
        match self {
            InstitutionField::Name => crate::tr!(lang, "answers-institution-name"),
            InstitutionField::Kind => crate::tr!(lang, "answers-institution-kind"),
            InstitutionField::Code => crate::tr!(lang, "answers-institution-code"),
            InstitutionField::Prefecture => crate::tr!(lang, "answers-institution-prefecture"),
            InstitutionField::Manager => crate::tr!(lang, "answers-institution-manager"),
            InstitutionField::SecurityManager => {
                crate::tr!(lang, "answers-institution-security-manager")
            }
            InstitutionField::AnsweredBy => crate::tr!(lang, "answers-institution-answered-by"),
        }
    }

    /// Whether `inst` has this field filled in.
    pub fn is_set(self, inst: &Institution) -> bool {
        match self {
            InstitutionField::Kind => inst.kind.is_some(),
            other => other.text(inst).is_some(),
        }
    }

    /// The text of a text field (`None` for `Kind` and for empty fields).
    pub fn text(self, inst: &Institution) -> Option<&str> {
        match self {
            InstitutionField::Name => inst.name.as_deref(),
            InstitutionField::Kind => None,
            InstitutionField::Code => inst.code.as_deref(),
            InstitutionField::Prefecture => inst.prefecture.as_deref(),
            InstitutionField::Manager => inst.manager.as_deref(),
            InstitutionField::SecurityManager => inst.security_manager.as_deref(),
            InstitutionField::AnsweredBy => inst.answered_by.as_deref(),
        }
    }

    /// Whether an institution of `kind` must fill it in. Midwifery homes are not given a
    /// 医療機関コード by the fee tables.
    pub fn required_for(self, kind: Option<InstitutionKind>) -> bool {
        !(self == InstitutionField::Code && kind == Some(InstitutionKind::MidwiferyHome))
    }
}

/// A field of `[vendor]` on a vendor form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VendorField {
    Name,
    System,
    Contact,
    AnsweredBy,
}

impl VendorField {
    pub const ALL: [VendorField; 4] = [
        VendorField::Name,
        VendorField::System,
        VendorField::Contact,
        VendorField::AnsweredBy,
    ];

    /// The key in the answers file.
    pub fn key(self) -> &'static str {
        match self {
            VendorField::Name => "name",
            VendorField::System => "system",
            VendorField::Contact => "contact",
            VendorField::AnsweredBy => "answered_by",
        }
    }

    /// A label for people.
    pub fn label(self, lang: Lang) -> String {
        match self {
            VendorField::Name => crate::tr!(lang, "answers-vendor-name"),
            VendorField::System => crate::tr!(lang, "answers-vendor-system"),
            VendorField::Contact => crate::tr!(lang, "answers-vendor-contact"),
            VendorField::AnsweredBy => crate::tr!(lang, "answers-vendor-answered-by"),
        }
    }

    /// The field's text in `v`, if filled in.
    pub fn text(self, v: &Vendor) -> Option<&str> {
        match self {
            VendorField::Name => v.name.as_deref(),
            VendorField::System => v.system.as_deref(),
            VendorField::Contact => v.contact.as_deref(),
            VendorField::AnsweredBy => v.answered_by.as_deref(),
        }
    }
}

/// The vendor (事業者) that fills in a vendor form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Vendor {
    pub name: Option<String>,
    /// The system the vendor provides (one vendor form per vendor and system).
    pub system: Option<String>,
    pub contact: Option<String>,
    pub answered_by: Option<String>,
}

/// Whether the institution has vendor contracts, and the vendor forms it got back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VendorContracts {
    /// `Some(false)`: no vendor contract, so no vendor form is required (事業者確認用は不要).
    pub contract: Option<bool>,
    /// Paths of vendor answer files, relative to the institution's answers file.
    pub forms: Vec<String>,
}

/// はい, いいえ or 対象外.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Response {
    Yes,
    No,
    NotApplicable,
}

impl Response {
    /// The form written to answers files: はい, いいえ, 対象外.
    pub fn as_file_str(self) -> &'static str {
        match self {
            Response::Yes => "はい",
            Response::No => "いいえ",
            Response::NotApplicable => "対象外",
        }
    }

    /// Read はい/いいえ/対象外, yes/no/na (any case, full-width or not) and the marks people put
    /// in a sheet's answer column: ○ 〇 ◯ ◎ ✓ for はい, × ✕ ☓ x for いいえ. A dash (－ ー — -) is
    /// none of them: see [`Response::is_dash`].
    pub fn parse(s: &str) -> Option<Self> {
        let t = narrow(s.trim());
        match t.as_str() {
            "はい" | "ハイ" | "ﾊｲ" | "○" | "〇" | "◯" | "⭕" | "◎" | "✓" | "✔" | "☑" | "レ" => {
                return Some(Response::Yes)
            }
            "いいえ" | "イイエ" | "ｲｲｴ" | "×" | "✕" | "✖" | "☓" | "╳" => {
                return Some(Response::No)
            }
            "対象外" | "該当なし" | "非該当" | "該当しない" => {
                return Some(Response::NotApplicable)
            }
            _ => {}
        }
        match t.to_lowercase().as_str() {
            "yes" | "y" => Some(Response::Yes),
            "no" | "n" | "x" => Some(Response::No),
            "na" | "n/a" | "not-applicable" | "not applicable" => Some(Response::NotApplicable),
            _ => None,
        }
    }

    /// Whether an answer cell holds only a dash (－, ー, —, -, …). On paper forms a dash means
    /// "nothing to write", which is not 対象外 (that needs its condition and a reason): import
    /// reads it as unanswered and says so, as the walk-through reads an empty answer.
    pub fn is_dash(s: &str) -> bool {
        let t = s.trim();
        !t.is_empty()
            && t.chars().all(|c| {
                matches!(
                    c,
                    '-' | '\u{2010}'
                        ..='\u{2015}' | '\u{2212}' | '\u{ff0d}' | '\u{30fc}' | '\u{ff70}'
                )
            })
    }

    /// A label for people.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Response::Yes => crate::tr!(lang, "answers-response-yes"),
            Response::No => crate::tr!(lang, "answers-response-no"),
            Response::NotApplicable => crate::tr!(lang, "answers-response-not-applicable"),
        }
    }
}

impl fmt::Display for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_file_str())
    }
}

/// Full-width ASCII (ＹＥＳ, ｙｅｓ, Ｎ／Ａ) and the ideographic space as their narrow forms.
pub(crate) fn narrow(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Why an item carried forward from last year needs a fresh look.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Review {
    /// The item is new in this edition.
    New,
    /// The item's wording changed since last year's edition.
    Reworded,
    /// The item replaces one or more items of last year's edition.
    Replaced,
}

impl Review {
    pub fn as_str(self) -> &'static str {
        match self {
            Review::New => "new",
            Review::Reworded => "reworded",
            Review::Replaced => "replaced",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "new" => Some(Review::New),
            "reworded" => Some(Review::Reworded),
            "replaced" => Some(Review::Replaced),
            _ => None,
        }
    }
}

/// The answer to one item in one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Answer {
    /// Stable item ID of the checklist.
    pub item: String,
    /// 1 or 2.
    pub round: u8,
    /// `None`: not answered yet.
    pub response: Option<Response>,
    /// The date checked (確認日), Japan time.
    #[schemars(with = "Option<String>")]
    pub checked_on: Option<Date>,
    /// For いいえ: the target date (目標日), inside the edition's fiscal year.
    #[schemars(with = "Option<String>")]
    pub target_date: Option<Date>,
    /// For 対象外: why.
    pub reason: Option<String>,
    pub note: Option<String>,
    /// Evidence file paths, relative to the answers file.
    pub evidence: Vec<String>,
    /// Set by `init --from`: the edition this answer was carried from. It does not count as
    /// this year's check until confirmed (the field removed).
    pub carried_from: Option<String>,
    /// Set by `init --from` on new, reworded or replaced items.
    pub review: Option<Review>,
    /// Byte offset of the entry in its file, for locations in findings.
    #[serde(skip)]
    pub at: usize,
}

impl Answer {
    /// An empty answer for `item` in `round`.
    pub fn empty(item: &str, round: u8) -> Self {
        Answer {
            item: item.to_owned(),
            round,
            response: None,
            checked_on: None,
            target_date: None,
            reason: None,
            note: None,
            evidence: Vec::new(),
            carried_from: None,
            review: None,
            at: 0,
        }
    }

    /// Answered and confirmed for this year (not a carried-forward value awaiting confirmation).
    pub fn is_confirmed(&self) -> bool {
        self.response.is_some() && self.carried_from.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_parse_in_both_languages() {
        assert_eq!(Response::parse("はい"), Some(Response::Yes));
        assert_eq!(Response::parse(" YES "), Some(Response::Yes));
        assert_eq!(Response::parse("いいえ"), Some(Response::No));
        assert_eq!(Response::parse("no"), Some(Response::No));
        assert_eq!(Response::parse("対象外"), Some(Response::NotApplicable));
        assert_eq!(Response::parse("N/A"), Some(Response::NotApplicable));
        assert_eq!(Response::parse("maybe"), None);
        assert_eq!(Response::parse(""), None);
    }

    #[test]
    fn marks_and_full_width_spellings_parse() {
        for yes in [
            "○",
            "〇",
            "◯",
            "◎",
            "✓",
            "ＹＥＳ",
            "ｙｅｓ",
            "Ｙ",
            "　はい　",
        ] {
            assert_eq!(Response::parse(yes), Some(Response::Yes), "{yes}");
        }
        for no in ["×", "✕", "☓", "ＮＯ", "ｎｏ", "x", "Ｘ"] {
            assert_eq!(Response::parse(no), Some(Response::No), "{no}");
        }
        for na in ["Ｎ／Ａ", "ｎａ", "非該当"] {
            assert_eq!(Response::parse(na), Some(Response::NotApplicable), "{na}");
        }
        for dash in ["－", "ー", "—", "-", "―", "−", "--"] {
            assert_eq!(Response::parse(dash), None, "{dash}");
            assert!(Response::is_dash(dash), "{dash}");
        }
        assert!(!Response::is_dash(""));
        assert!(!Response::is_dash("対象外"));
    }
}
