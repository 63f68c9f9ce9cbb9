//! The validated checklist: what every other module works with.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Text in Japanese (official wording) and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
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
}

/// Macro to declare a closed set of kebab-case names with Japanese and English labels.
macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal, $ja:literal, $en:literal;)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

            /// A label for people.
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::Ja) => $ja, ($name::$variant, Lang::En) => $en,)+
                }
            }

            /// All names, for messages.
            pub fn names() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
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
        Institution = "institution", "医療機関確認用", "institution";
        Pharmacy = "pharmacy", "薬局確認用", "pharmacy";
        Vendor = "vendor", "事業者確認用", "vendor";
    }
}

named_enum! {
    /// A kind of institution a form serves.
    InstitutionKind {
        Hospital = "hospital", "病院", "hospital";
        Clinic = "clinic", "診療所", "clinic";
        Pharmacy = "pharmacy", "薬局", "pharmacy";
        MidwiferyHome = "midwifery-home", "助産所", "midwifery home";
    }
}

named_enum! {
    /// What an item covers.
    Scope {
        General = "general", "医療情報システム全般", "all medical information systems";
        Server = "server", "サーバ", "servers";
        Terminal = "terminal", "端末PC", "terminal PCs";
        Network = "network", "ネットワーク機器", "network devices";
    }
}

named_enum! {
    /// Whether an item is checked as required in its edition.
    Requirement {
        Required = "required", "必須", "required";
        NextYear = "next-year", "次年度項目", "next-year item";
        Recommended = "recommended", "推奨", "recommended";
    }
}

named_enum! {
    /// When an item may be answered not-applicable.
    NotApplicableRule {
        NoMedicalInformationSystem = "no-medical-information-system", "医療情報システムがない", "no medical information system";
        NoVendorContract = "no-vendor-contract", "事業者と契約していない", "no vendor contract";
    }
}

named_enum! {
    /// A kind of local probe that gives evidence.
    ProbeKind {
        PatchLevel = "patch-level", "パッチ適用状況", "patch level";
        BackupFreshness = "backup-freshness", "バックアップの鮮度", "backup freshness";
        Accounts = "accounts", "アカウント", "accounts";
        Services = "services", "サービス・ポート", "services and ports";
        AssetLedger = "asset-ledger", "機器台帳", "asset ledger";
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

impl Item {
    /// The scope for people: labels joined, or empty for organisation-level items.
    pub fn scope_label(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::Ja => "、",
            Lang::En => ", ",
        };
        self.scope
            .iter()
            .map(|s| s.label(lang))
            .collect::<Vec<_>>()
            .join(sep)
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
}

impl Checklist {
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

    /// The section with this ID.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
