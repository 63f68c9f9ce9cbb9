//! The validated checklist: what every other module works with.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Text in Japanese (official wording) and English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        // File data in the language asked for (not a sentence of medsec's own).
        if lang == Lang::Ja {
            &self.ja
        } else {
            &self.en
        }
    }
}

/// The language shown to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// Japanese when the locale (LC_ALL, then LC_MESSAGES, then LANG) starts with `ja`.
    pub fn from_locale(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| lookup(k))
            .find(|v| !v.is_empty());
        match locale {
            Some(v) if v.starts_with("ja") => Lang::Ja,
            _ => Lang::En,
        }
    }

    /// What goes before an opening parenthesis that follows a word: nothing in Japanese
    /// (「版: mhlw-institution@fy2025(令和7年度…)」, the glossary rule), a space in English.
    pub fn paren_gap(self) -> String {
        crate::tr!(self, "common-paren-gap")
    }

    /// `note` in parentheses after a word, with the gap this language puts before them.
    pub fn aside(self, note: &str) -> String {
        format!("{}({note})", self.paren_gap())
    }
}

/// Macro to declare a closed set of kebab-case names with labels for people from the message
/// catalog (one message ID per value, e.g. `scope-server`).
macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal, $label:literal;)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in files and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parse the name used in files and JSON.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }

            /// Parse what a person may write: the name (any case) or its label in either
            /// language (`clinic`, `Clinic`, `診療所`).
            pub fn parse_for_people(s: &str) -> Option<Self> {
                let t = s.trim();
                // The name first: a file that says `hospital` reads no message catalog.
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(t))
                    .or_else(|| Self::ALL.iter().copied().find(|v| v.label(Lang::Ja) == t))
                    .or_else(|| {
                        Self::ALL
                            .iter()
                            .copied()
                            .find(|v| v.label(Lang::En).eq_ignore_ascii_case(t))
                    })
            }

            /// A label for people, from the message catalog (read once per language, and only
            /// the language asked for).
            pub fn label(self, lang: Lang) -> &'static str {
                static JA: std::sync::LazyLock<Vec<String>> =
                    std::sync::LazyLock::new(|| vec![$(crate::tr!(Lang::Ja, $label)),+]);
                static EN: std::sync::LazyLock<Vec<String>> =
                    std::sync::LazyLock::new(|| vec![$(crate::tr!(Lang::En, $label)),+]);
                let labels = if lang == Lang::Ja { &JA } else { &EN };
                labels.get(self as usize).map_or_else(|| self.as_str(), String::as_str)
            }

            /// All names, for messages: a list joined in the reader's language.
            pub fn names() -> crate::diagnostic::Typed {
                crate::i18n::list(Self::ALL.iter().map(|v| v.as_str()))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

named_enum! {
    /// Which form of the checklist.
    Form {
        Institution = "institution", "form-institution";
        Pharmacy = "pharmacy", "form-pharmacy";
        Vendor = "vendor", "form-vendor";
    }
}

named_enum! {
    /// A kind of institution a form serves.
    InstitutionKind {
        Hospital = "hospital", "institution-kind-hospital";
        Clinic = "clinic", "institution-kind-clinic";
        Pharmacy = "pharmacy", "institution-kind-pharmacy";
        MidwiferyHome = "midwifery-home", "institution-kind-midwifery-home";
    }
}

named_enum! {
    /// What an item covers.
    Scope {
        General = "general", "scope-general";
        Server = "server", "scope-server";
        Terminal = "terminal", "scope-terminal";
        Network = "network", "scope-network";
    }
}

named_enum! {
    /// Whether an item is checked as required in its edition.
    Requirement {
        Required = "required", "requirement-required";
        NextYear = "next-year", "requirement-next-year";
        Recommended = "recommended", "requirement-recommended";
    }
}

named_enum! {
    /// When an item may be answered not-applicable.
    NotApplicableRule {
        NoMedicalInformationSystem = "no-medical-information-system", "not-applicable-no-medical-information-system";
        NoVendorContract = "no-vendor-contract", "not-applicable-no-vendor-contract";
    }
}

named_enum! {
    /// A kind of local probe that gives evidence.
    ProbeKind {
        PatchLevel = "patch-level", "probe-kind-patch-level";
        BackupFreshness = "backup-freshness", "probe-kind-backup-freshness";
        Accounts = "accounts", "probe-kind-accounts";
        Services = "services", "probe-kind-services";
        AssetLedger = "asset-ledger", "probe-kind-asset-ledger";
    }
}

named_enum! {
    /// Whether the form has a 確認日 (date checked) for each item (`[rules] checked_on`).
    CheckedOnRule {
        Required = "required", "rules-data-checked-on-required";
        NotOnForm = "not-on-form", "rules-data-checked-on-not-on-form";
        Unknown = "unknown", "rules-data-checked-on-unknown";
    }
}

named_enum! {
    /// The window a いいえ answer's 目標日 (target date) must fall in (`[rules] target_date`,
    /// `next_year_target`).
    TargetWindow {
        FiscalYear = "fiscal-year", "rules-data-target-fiscal-year";
        NextFiscalYear = "next-fiscal-year", "rules-data-target-next-fiscal-year";
        Unknown = "unknown", "rules-data-target-unknown";
    }
}

named_enum! {
    /// Whether something (the 2回目 column, the gate question) is printed on the form.
    OnForm {
        OnForm = "on-form", "rules-data-on-form";
        NotOnForm = "not-on-form", "rules-data-not-on-form";
        Unknown = "unknown", "rules-data-unknown";
    }
}

named_enum! {
    /// What the gate question answered いいえ switches off (`[rules.gate] switches_off`).
    GateSwitchesOff {
        AllOtherItems = "all-other-items", "rules-data-gate-all-other-items";
    }
}

/// The fill-in rules of an edition (`[rules]`): what the form asks for, as the sources show
/// it. `unknown` where the sources do not say; docs/checklist-format.md says what medsec then
/// does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rules {
    /// A 確認日 for each answered item.
    pub checked_on: CheckedOnRule,
    /// The window for いいえ target dates of required items.
    pub target_date: TargetWindow,
    /// The window for target dates of items listed for the next fiscal year; `None`: as
    /// `target_date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_year_target: Option<TargetWindow>,
    /// The 2回目 (second round) column. Round 1 (1回目) is always on the form.
    pub round_2: OnForm,
    /// The gate question (医療情報システムの有無).
    pub gate: OnForm,
    /// What the gate answered いいえ switches off.
    pub gate_switches_off: GateSwitchesOff,
    /// Requirements whose items are reference-only: shown and answerable, not checked as
    /// required in this edition.
    pub reference_only: Vec<Requirement>,
    /// Source IDs behind these rules (see docs/checklist-sources.md).
    pub sources: Vec<String>,
}

impl Rules {
    /// The rules of a checklist without a `[rules]` block: what medsec applied to every
    /// edition before rules were data (so such checklists keep their digest and findings).
    pub fn without_block() -> Self {
        Rules {
            checked_on: CheckedOnRule::Required,
            target_date: TargetWindow::FiscalYear,
            next_year_target: None,
            round_2: OnForm::OnForm,
            gate: OnForm::OnForm,
            gate_switches_off: GateSwitchesOff::AllOtherItems,
            reference_only: vec![Requirement::NextYear, Requirement::Recommended],
            sources: Vec::new(),
        }
    }

    /// The target-date window for an item of this requirement.
    pub fn target_window(&self, requirement: Requirement) -> TargetWindow {
        match (requirement, self.next_year_target) {
            (Requirement::NextYear, Some(w)) => w,
            _ => self.target_date,
        }
    }
}

/// A section of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
}

/// One check item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    pub number: String,
    pub section: String,
    pub text: Text,
    pub scope: Vec<Scope>,
    pub requirement: Requirement,
    /// `requirement == required`, spelled out for scripts.
    pub required: bool,
    pub gate: bool,
    pub guidance: Text,
    pub guideline_refs: Vec<String>,
    pub not_applicable_when: Vec<NotApplicableRule>,
    pub probes: Vec<ProbeKind>,
    pub verified: bool,
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
    pub replaces: Vec<String>,
}

/// What an item's wording is, or is yet to be, checked against: the source kind its `sources`
/// name. Bundled and hand-written checklists are checked against the official PDF; an imported
/// one against the workbook it came from (`workbook:FILE#sha256=HEX`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckedAgainst {
    /// The publisher's PDF of the form (the bundled checklists, hand-written ones).
    OfficialPdf,
    /// An official workbook, known to medsec by its SHA-256.
    OfficialWorkbook { file: String },
    /// A workbook medsec does not know as official: named by its file.
    Workbook { file: String },
}

impl CheckedAgainst {
    /// The source kind in words: 公式 PDF, 公式ブック FILE, or the file named.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            CheckedAgainst::OfficialPdf => crate::tr!(lang, "checklist-against-pdf"),
            CheckedAgainst::OfficialWorkbook { file } => crate::tr!(
                lang,
                "checklist-against-official-workbook",
                file = file.as_str()
            ),
            CheckedAgainst::Workbook { file } => {
                crate::tr!(lang, "checklist-against-workbook", file = file.as_str())
            }
        }
    }
}

impl CheckedAgainst {
    /// The source kind an item's `sources` name.
    pub fn of_sources<S: AsRef<str>>(sources: &[S]) -> Self {
        let Some((file, sha256)) = sources
            .iter()
            .find_map(|s| super::import::official::parse_source(s.as_ref()))
        else {
            return CheckedAgainst::OfficialPdf;
        };
        let known = super::import::official::known().unwrap_or_default();
        let file = file.to_owned();
        if super::import::official::by_sha256(&known, sha256).is_some() {
            CheckedAgainst::OfficialWorkbook { file }
        } else {
            CheckedAgainst::Workbook { file }
        }
    }
}

impl Item {
    /// What this item's wording is checked against, from the workbook its `sources` name.
    pub fn checked_against(&self) -> CheckedAgainst {
        CheckedAgainst::of_sources(&self.sources)
    }

    /// The longest short title, in display columns (a full-width character counts 2), before
    /// its `…`.
    const SHORT_TITLE_WIDTH: usize = 32;

    /// A short title for people, cut from the item's own wording (never re-worded): the text up
    /// to its first bracket or full stop (`セキュリティパッチ(最新ファームウェアや更新プログラム)を
    /// 適用している。` gives `セキュリティパッチ`). Where that is wider than 32 display columns it
    /// is cut with `…`: before the last 、 or `,` within the limit when that keeps at least half
    /// of it (an earlier comma would leave a fragment: 「サーバ、端末PC…」 reads as a scope), else
    /// at the limit, never inside a term of the forms, a katakana or Latin word, a date or a
    /// number (the places the tables never break a line either).
    pub fn short_title(&self, lang: Lang) -> String {
        let text = self.text.get(lang).trim();
        let end = text
            .char_indices()
            .find(|&(i, c)| i > 0 && matches!(c, '(' | '（' | '。' | '.' | '「' | '\n'))
            .map_or(text.len(), |(i, _)| i);
        let head = text.get(..end).unwrap_or(text).trim_end();
        let chars: Vec<char> = head.chars().collect();
        let width = |c: &char| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
        // How many characters fit, and the width of each prefix.
        let mut prefix_width = vec![0];
        for c in &chars {
            let next = prefix_width.last().copied().unwrap_or(0) + width(c);
            if next > Self::SHORT_TITLE_WIDTH {
                break;
            }
            prefix_width.push(next);
        }
        let fit = prefix_width.len() - 1;
        if fit == chars.len() {
            return head.to_owned();
        }
        let inside = crate::render::table::inside_a_word(&chars);
        let latin = |k: usize| {
            chars
                .get(k)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, '-' | '\'' | '/' | '_'))
        };
        let at_comma = (1..=fit).rev().find(|&k| {
            matches!(chars.get(k), Some('、' | ','))
                && prefix_width.get(k).copied().unwrap_or(0) * 2 >= Self::SHORT_TITLE_WIDTH
        });
        let between_words =
            |k: usize| !(inside.get(k).copied().unwrap_or(false) || latin(k - 1) && latin(k));
        // Japanese has no spaces: a word ends where the script changes (「不要な|ソフトウェア」,
        // 「禁止|している」), never inside a run of kanji (事業継続計画) or of kana.
        let script = |k: usize| chars.get(k).map(|&c| Script::of(c));
        let at_limit = (1..=fit)
            .rev()
            .find(|&k| between_words(k) && script(k - 1) != script(k))
            .or_else(|| (1..=fit).rev().find(|&k| between_words(k)));
        let cut = at_comma.or(at_limit).unwrap_or(fit);
        let kept: String = chars.iter().take(cut).collect();
        let kept = kept
            .trim_end()
            .trim_end_matches(['、', ',', ';', ':', '・'])
            .trim_end();
        format!("{kept}…")
    }

    /// How people name the item: its printed number, the scope where it is one device kind
    /// (the form prints 2-④ once for サーバ and once for 端末PC), and the short title:
    /// `2-⑥ セキュリティパッチ`, `2-④(サーバ) ログ管理…`. The stable ID is for files and JSON.
    pub fn label(&self, lang: Lang) -> String {
        match self.scope.as_slice() {
            [one] if *one != Scope::General => crate::tr!(
                lang,
                "checklist-item-label-scoped",
                number = self.number.as_str(),
                scope = one.label(lang),
                title = self.short_title(lang)
            ),
            _ => crate::tr!(
                lang,
                "checklist-item-label",
                number = self.number.as_str(),
                title = self.short_title(lang)
            ),
        }
    }

    /// The scope for people: labels joined, or empty for organisation-level items.
    pub fn scope_label(&self, lang: Lang) -> String {
        let sep = crate::tr!(lang, "common-list-separator");
        self.scope
            .iter()
            .map(|s| s.label(lang))
            .collect::<Vec<_>>()
            .join(&sep)
    }
}

/// The kind of writing a character is in, for cutting Japanese between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Hiragana,
    Katakana,
    Kanji,
    Latin,
    Other,
}

impl Script {
    fn of(c: char) -> Self {
        match c {
            'ぁ'..='ゖ' | 'ゝ' | 'ゞ' => Script::Hiragana,
            'ァ'..='ヺ' | 'ー' | 'ヽ' | 'ヾ' => Script::Katakana,
            '一'..='鿿' | '々' | '〆' => Script::Kanji,
            _ if c.is_alphanumeric() => Script::Latin,
            _ => Script::Other,
        }
    }
}

/// One edition of one form, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checklist {
    pub format_version: u32,
    pub id: String,
    pub edition: String,
    pub fiscal_year: i16,
    pub form: Form,
    /// An own checklist: what it extends and leaves out (see `checklist::extends`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends: Option<super::extends::Extends>,
    pub publisher: String,
    pub guideline_version: String,
    pub serves: Vec<InstitutionKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    pub sections: Vec<Section>,
    pub items: Vec<Item>,
    /// The `[rules]` block; absent in files without one (their digest stays as it was).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<Rules>,
}

impl Form {
    /// The form's name for people, for a checklist serving `serves`: an institution form that
    /// also serves pharmacies is the merged 医療機関・薬局確認用 (FY2026 on).
    pub fn label_serving(self, serves: &[InstitutionKind], lang: Lang) -> String {
        let merged = self == Form::Institution
            && serves.contains(&InstitutionKind::Pharmacy)
            && serves
                .iter()
                .any(|k| matches!(k, InstitutionKind::Hospital | InstitutionKind::Clinic));
        if merged {
            crate::tr!(lang, "edition-notice-form-merged")
        } else {
            self.label(lang).to_owned()
        }
    }
}

impl Checklist {
    /// The name of this checklist's form for people (see [`Form::label_serving`]).
    pub fn form_label(&self, lang: Lang) -> String {
        self.form.label_serving(&self.serves, lang)
    }

    /// `id@edition`, the full name of this checklist.
    pub fn full_id(&self) -> String {
        format!("{}@{}", self.id, self.edition)
    }

    /// The item with this stable ID.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Items whose wording or number is not yet checked against the official PDF.
    pub fn unverified_count(&self) -> usize {
        self.items.iter().filter(|i| !i.verified).count()
    }

    /// What the unverified items are yet to be checked against (the first one's source kind;
    /// a checklist is imported from one workbook or written from the PDFs).
    pub fn checked_against(&self) -> CheckedAgainst {
        self.items
            .iter()
            .find(|i| !i.verified)
            .or_else(|| self.items.first())
            .map_or(CheckedAgainst::OfficialPdf, Item::checked_against)
    }

    /// The fill-in rules: the `[rules]` block, or [`Rules::without_block`].
    pub fn rules(&self) -> Rules {
        self.rules.clone().unwrap_or_else(Rules::without_block)
    }

    /// The section with this ID.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(number: &str, ja: &str, en: &str, scope: Vec<Scope>) -> Item {
        Item {
            id: "x".into(),
            number: number.into(),
            section: "2".into(),
            text: Text {
                ja: ja.into(),
                en: en.into(),
            },
            scope,
            requirement: Requirement::Required,
            required: true,
            gate: false,
            guidance: Text::default(),
            guideline_refs: vec![],
            not_applicable_when: vec![],
            probes: vec![],
            verified: true,
            sources: vec![],
            unverified: None,
            replaces: vec![],
        }
    }

    #[test]
    fn label_is_number_scope_and_the_texts_own_head() {
        let patch = item(
            "2-⑥",
            "セキュリティパッチ(最新ファームウェアや更新プログラム)を適用している。",
            "Security patches (latest firmware and updates) are applied.",
            vec![Scope::General],
        );
        assert_eq!(patch.label(Lang::Ja), "2-⑥ セキュリティパッチ");
        assert_eq!(patch.label(Lang::En), "2-⑥ Security patches");
        let server = item(
            "2-④",
            "アクセスログを管理している。",
            "Access logs are managed.",
            vec![Scope::Server],
        );
        assert_eq!(
            server.label(Lang::Ja),
            "2-④(サーバ) アクセスログを管理している"
        );
        assert_eq!(
            server.label(Lang::En),
            "2-④ (servers) Access logs are managed"
        );
        let long = item(
            "1-①",
            "医療情報システム安全管理責任者を設置している。",
            "x",
            vec![],
        );
        assert_eq!(
            long.short_title(Lang::Ja),
            "医療情報システム安全管理責任者を…"
        );
    }

    #[test]
    fn short_titles_of_the_bundled_forms_end_between_words() {
        let catalog = crate::checklist::Catalog::bundled().unwrap();
        let all = catalog.all();
        assert!(all.iter().any(|l| l.checklist.edition == "fy2025"));
        for loaded in all {
            for item in &loaded.checklist.items {
                for lang in [Lang::Ja, Lang::En] {
                    let title = item.short_title(lang);
                    let text: Vec<char> = item.text.get(lang).trim().chars().collect();
                    let Some(kept) = title.strip_suffix('…') else {
                        assert!(item.text.get(lang).starts_with(&title), "{title}");
                        continue;
                    };
                    assert!(unicode_width::UnicodeWidthStr::width(kept) <= 32, "{title}");
                    // The item's own words, cut where no term, word or number goes on.
                    let cut = kept.chars().count();
                    assert_eq!(text.iter().take(cut).collect::<String>(), kept);
                    let inside = crate::render::table::inside_a_word(&text);
                    assert!(!inside[cut], "{} cut inside a word: {title}", item.number);
                    let latin = |c: char| c.is_ascii_alphanumeric();
                    assert!(!(latin(text[cut - 1]) && latin(text[cut])), "{title}");
                }
            }
        }
        let fy2025 = catalog.resolve("mhlw-institution@fy2025", None).unwrap();
        let patch = fy2025.checklist.item("security-patches").unwrap();
        assert_eq!(patch.short_title(Lang::Ja), "セキュリティパッチ");
        assert_eq!(patch.label(Lang::Ja), "2-⑥ セキュリティパッチ");
        // Cut where a word ends, not inside 事業継続計画 or 禁止している.
        let title = |id: &str| fy2025.checklist.item(id).unwrap().short_title(Lang::Ja);
        assert_eq!(title("cyber-bcp"), "サイバー攻撃を想定した…");
        assert_eq!(title("password-reuse"), "パスワードの使い回しを禁止…");
    }

    #[test]
    fn a_short_title_is_cut_between_words_never_inside_a_word_or_a_number() {
        let manual = item(
            "1-②",
            "x",
            "Preparation of operating-management rules for the systems.",
            vec![],
        );
        assert_eq!(manual.short_title(Lang::En), "Preparation of…");
        let year = item(
            "1-③",
            "医療情報システムの安全管理を2025年度までに行う。",
            "x",
            vec![],
        );
        assert_eq!(year.short_title(Lang::Ja), "医療情報システムの安全管理を…");
    }

    #[test]
    fn lang_follows_locale_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", ""), ("LANG", "ja")])),
            Lang::Ja
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn names_round_trip() {
        for s in Scope::ALL {
            assert_eq!(Scope::parse(s.as_str()), Some(*s));
        }
        assert_eq!(ProbeKind::parse("nope"), None);
        assert_eq!(Form::Institution.label(Lang::Ja), "医療機関確認用");
    }
}
