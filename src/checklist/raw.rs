//! The checklist file as written: serde structs that keep spans, so every finding can point
//! at file:line:column. Nothing here is validated; `validate` turns these into the model.
//!
//! The JSON Schema of the file format (`medsec checklist schema`) is generated from these types.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// The one format version this binary reads.
pub const FORMAT_VERSION: u32 = 1;

/// A checklist file: one edition of one form.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "medsec checklist file")]
pub struct RawChecklist {
    /// Format version of this file (not the edition). This binary reads version 1.
    #[schemars(with = "u32")]
    pub format_version: Spanned<u32>,
    /// Checklist ID, `PUBLISHER-FORM`, e.g. `mhlw-institution`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Edition, `fyYYYY` for the fiscal year it applies to, e.g. `fy2025` (令和7年度版).
    #[schemars(with = "String")]
    pub edition: Spanned<String>,
    /// Fiscal year (April to March, Japan time) the edition applies to; must agree with `edition`.
    #[schemars(with = "i64")]
    pub fiscal_year: Spanned<i64>,
    /// Which form: 医療機関確認用 (`institution`), 薬局確認用 (`pharmacy`), 事業者確認用 (`vendor`).
    #[schemars(with = "FormName")]
    pub form: Spanned<String>,
    /// An own checklist: the checklist it extends, `ID@EDITION` (`mhlw-institution@fy2025`).
    /// Its items are added to the base's; see docs/checklist-format.md.
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub extends: Option<Spanned<String>>,
    /// Items of the base checklist an own checklist does not use, each with a reason.
    #[schemars(with = "Vec<RawOutOfScope>")]
    #[serde(default)]
    pub out_of_scope: Vec<Spanned<RawOutOfScope>>,
    /// Publisher, e.g. `mhlw`.
    #[schemars(with = "String")]
    pub publisher: Spanned<String>,
    /// Version of 「医療情報システムの安全管理に関するガイドライン」 the edition derives from, e.g. `6.0`.
    #[schemars(with = "String")]
    pub guideline_version: Spanned<String>,
    /// Kinds of institution the form serves.
    #[schemars(with = "Vec<InstitutionKindName>")]
    pub serves: Spanned<Vec<Spanned<String>>>,
    /// Publication date, `YYYY-MM-DD`.
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub published: Option<Spanned<toml::value::Datetime>>,
    /// Where the official document is published.
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub source_url: Option<Spanned<String>>,
    /// Official title.
    pub title: RawText,
    /// Notes on the edition (what is unconfirmed, what changed).
    #[serde(default)]
    pub notes: Option<RawText>,
    /// Sections, in printed order.
    #[schemars(with = "Vec<RawSection>")]
    pub sections: Vec<Spanned<RawSection>>,
    /// Check items, in printed order.
    #[schemars(with = "Vec<RawItem>")]
    pub items: Vec<Spanned<RawItem>>,
    /// Fill-in rules of this edition (docs/checklist-format.md "Fill-in rules by edition").
    #[serde(default)]
    pub rules: Option<RawRules>,
}

/// The `[rules]` block: how the edition's form is filled in, as far as the sources show.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRules {
    /// A 確認日 for each item: `required`, `not-on-form` or `unknown`.
    #[schemars(with = "String")]
    pub checked_on: Spanned<String>,
    /// Window for いいえ target dates: `fiscal-year` (the edition's) or `unknown`.
    #[schemars(with = "String")]
    pub target_date: Spanned<String>,
    /// Window for target dates of `next-year` items: `fiscal-year`, `next-fiscal-year` or
    /// `unknown`; absent: as `target_date`.
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub next_year_target: Option<Spanned<String>>,
    /// The 2回目 column: `on-form`, `not-on-form` or `unknown`.
    #[schemars(with = "String")]
    pub round_2: Spanned<String>,
    /// The gate question: `on-form`, `not-on-form` or `unknown`.
    #[schemars(with = "String")]
    pub gate: Spanned<String>,
    /// What the gate answered いいえ switches off: `all-other-items`.
    #[schemars(with = "String")]
    pub gate_switches_off: Spanned<String>,
    /// Requirements whose items are reference-only (not checked as required): e.g.
    /// `["next-year", "recommended"]`.
    #[schemars(with = "Vec<String>")]
    pub reference_only: Spanned<Vec<Spanned<String>>>,
    /// Source IDs behind these rules.
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
}

/// Text in Japanese (official wording) and English.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    /// Japanese.
    #[schemars(with = "String")]
    pub ja: Spanned<String>,
    /// English.
    #[schemars(with = "String")]
    pub en: Spanned<String>,
}

/// A base item an own checklist does not use (shown as 対象外 with the reason).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOutOfScope {
    /// The base item's stable ID.
    #[schemars(with = "String")]
    pub item: Spanned<String>,
    /// Why it is not used here.
    pub reason: RawText,
}

/// A section of the form (1 体制構築, 2 医療情報システムの管理・運用, 3 インシデント発生に備えた対応).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    /// Section number as printed, e.g. `1`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Section title.
    pub title: RawText,
}

/// One check item (one row of the form).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    /// Stable ID, kept across editions when the item is carried over (kebab-case).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Official number as printed, e.g. `2-(4)` (R5/R6) or `2-④` (R7); the gate question is `0`.
    #[schemars(with = "String")]
    pub number: Spanned<String>,
    /// The section ID this item belongs to.
    #[schemars(with = "String")]
    pub section: Spanned<String>,
    /// What the item covers: `general` (医療情報システム全般), `server` (サーバ),
    /// `terminal` (端末PC), `network` (ネットワーク機器); empty for the organisation as a whole.
    #[schemars(with = "Vec<ScopeName>")]
    #[serde(default)]
    pub scope: Vec<Spanned<String>>,
    /// `required` in this edition, `next-year` (listed for the following fiscal year), or
    /// `recommended` (a goal, not checked as required).
    #[schemars(with = "RequirementName")]
    pub requirement: Spanned<String>,
    /// The gate question (医療情報システムの有無): answered いいえ, no other item needs checking.
    #[serde(default)]
    pub gate: bool,
    /// Official wording (ja) and a translation (en).
    pub text: RawText,
    /// What counts as done and what evidence to keep (our own text, not official).
    pub guidance: RawText,
    /// References into Guideline 6.0, e.g. `システム運用編 8.1`.
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub guideline_refs: Vec<Spanned<String>>,
    /// When the item may be answered not-applicable.
    #[schemars(with = "Vec<NotApplicableRuleName>")]
    #[serde(default)]
    pub not_applicable_when: Vec<Spanned<String>>,
    /// Kinds of local probe that can give evidence for this item.
    #[schemars(with = "Vec<ProbeKindName>")]
    #[serde(default)]
    pub probes: Vec<Spanned<String>>,
    /// Whether wording and number were checked against the official PDF.
    #[schemars(with = "bool")]
    pub verified: Spanned<bool>,
    /// Source IDs behind the wording (see docs/checklist-sources.md).
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    /// What is not yet confirmed about this item, when `verified = false`.
    #[schemars(with = "Option<String>")]
    #[serde(default)]
    pub unverified: Option<Spanned<String>>,
    /// Stable IDs (of an earlier edition) this item replaces.
    #[schemars(with = "Vec<String>")]
    #[serde(default)]
    pub replaces: Vec<Spanned<String>>,
}

// Names used only to give the JSON Schema its enums; the validator checks the same lists.

#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum FormName {
    Institution,
    Pharmacy,
    Vendor,
}

#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum InstitutionKindName {
    Hospital,
    Clinic,
    Pharmacy,
    MidwiferyHome,
}

#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum ScopeName {
    General,
    Server,
    Terminal,
    Network,
}

#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum RequirementName {
    Required,
    NextYear,
    Recommended,
}

#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum NotApplicableRuleName {
    NoMedicalInformationSystem,
    NoVendorContract,
}

#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum ProbeKindName {
    PatchLevel,
    BackupFreshness,
    Accounts,
    Services,
    AssetLedger,
}
