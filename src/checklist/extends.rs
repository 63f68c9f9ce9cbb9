//! Own checklists: a file that extends another checklist (`extends = "mhlw-institution@fy2025"`)
//! with an institution's or group's own items, and leaves base items out with a reason
//! (`[[out_of_scope]]`).
//!
//! A file is validated alone first (`from_raw`: the `extends` value, its own items' ID prefix,
//! the out-of-scope list); the catalog then links it to its base ([`Catalog::link`]): the
//! effective checklist is the base's sections and items, minus those out of scope, plus the
//! file's own. One level only: a base that itself extends another is an error
//! (`extends-chain`). The digest of an own checklist stays the digest of its own file's content;
//! the base's digest is recorded beside it ([`BaseRef`]) so reports and verify name both.

use super::model::{Checklist, Item, Lang, Text};
use super::raw::RawChecklist;
use super::{Catalog, ChecklistError, Loaded};
use crate::diagnostic::{Diagnostic, Location, MessageRef, Severity};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What an own checklist extends and leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extends {
    /// The base as written: `ID@EDITION`.
    pub base: String,
    /// Base items not used here, each with its reason, in file order.
    pub out_of_scope: Vec<OutOfScope>,
    /// The base found when linked (absent from the digest, which is taken before linking).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<BaseRef>,
    /// Where things are in the file, for errors found when linking.
    #[serde(skip)]
    pub places: Places,
}

/// A base item left out: shown as 対象外 with the reason, never asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutOfScope {
    /// The base item's stable ID.
    pub item: String,
    pub reason: Text,
    /// The base item, once linked (its number and label for people).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(skip)]
    pub base_item: Option<Box<Item>>,
}

impl OutOfScope {
    /// The base item as people name it (`2-⑥ セキュリティパッチ`), or its ID before linking.
    pub fn label(&self, lang: Lang) -> String {
        self.base_item
            .as_ref()
            .map_or_else(|| self.item.clone(), |i| i.label(lang))
    }

    /// Whether the base's form asks every institution to answer this item, so that leaving it
    /// out leaves unanswered what an inspection checks: a required item that is not the gate
    /// question and that the form does not excuse without a vendor contract (2-②, 2-③). The
    /// gate's 「いいえ」 (no medical information system) excuses every item alike and is the
    /// form's own way to say so. A next-year or recommended item may be left out.
    pub fn required_of_all(&self) -> bool {
        self.base_item.as_ref().is_some_and(|i| {
            i.requirement == super::model::Requirement::Required
                && !i.gate
                && !i
                    .not_applicable_when
                    .contains(&super::model::NotApplicableRule::NoVendorContract)
        })
    }
}

/// The code of a base item every institution must answer that an own checklist leaves out:
/// one rule ([`OutOfScope::required_of_all`]) said by `checklist lint`, `status`, `report`
/// and `verify` alike.
pub const REQUIRED_OUT_OF_SCOPE: &str = "base-item-required-out-of-scope";

impl Extends {
    /// The base items left out that the base's form asks every institution to answer
    /// ([`OutOfScope::required_of_all`]), in file order; none before linking.
    pub fn required_left_out(&self) -> impl Iterator<Item = &OutOfScope> {
        self.out_of_scope.iter().filter(|o| o.required_of_all())
    }

    /// The own checklist's `ID@EDITION` and the base's, for messages: the base as linked
    /// (`resolved`) or as written.
    pub fn base_name(&self) -> String {
        self.resolved
            .as_ref()
            .map_or_else(|| self.base.clone(), BaseRef::full_id)
    }
}

/// Why a report's own checklist cannot be read as the report was made: its base is not known
/// here (`extends-unknown-base`, in the words `checklist lint` and every command that loads
/// the file use), or it is linked to another base than `recorded`, the base the report records
/// (`checklist-base-changed`, each base as `ID@EDITION (sha256:…)`, `-` for none). `verify`
/// says these, and `status` and `render` of a report refuse it with the same code and words.
pub fn base_problem(
    catalog: &Catalog,
    loaded: &Loaded,
    recorded: Option<&BaseRef>,
) -> Option<(&'static str, MessageRef)> {
    let extends = loaded.checklist.extends.as_ref();
    if let Some(e) = extends.filter(|e| e.resolved.is_none()) {
        return Some((
            "extends-unknown-base",
            crate::msg_ref!(
                "checklist-extends-unknown-base",
                base = e.base,
                known = crate::i18n::list(catalog.known_bases())
            ),
        ));
    }
    let current = extends.and_then(|e| e.resolved.as_ref());
    if current == recorded {
        return None;
    }
    // Japanese sets no space before 「(」.
    let describe = |base: Option<&BaseRef>| match base {
        None => crate::diagnostic::Typed::Bilingual {
            ja: "-".to_owned(),
            en: "-".to_owned(),
        },
        Some(b) => crate::diagnostic::Typed::Bilingual {
            ja: format!("{}({})", b.full_id(), b.digest),
            en: format!("{} ({})", b.full_id(), b.digest),
        },
    };
    Some((
        "checklist-base-changed",
        crate::msg_ref!(
            "checklist-extends-base-changed",
            checklist = loaded.checklist.full_id(),
            recorded = describe(recorded),
            current = describe(current)
        ),
    ))
}

impl Checklist {
    /// The item with this ID as people name it: one of this checklist's items, or a base item
    /// an own checklist leaves out (not asked, but named in findings about it).
    pub fn named_item(&self, id: &str) -> Option<&Item> {
        self.item(id).or_else(|| {
            self.extends
                .as_ref()?
                .out_of_scope
                .iter()
                .find(|o| o.item == id)?
                .base_item
                .as_deref()
        })
    }
}

/// The item of `base` whose ID looks most like `id` (a misspelling), if any looks alike.
fn closest_item<'a>(base: &'a Checklist, id: &str) -> Option<&'a Item> {
    base.items
        .iter()
        .map(|i| (strsim::normalized_damerau_levenshtein(id, &i.id), i))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i)| i)
}

/// The checklist an own checklist was linked to: what reports record beside the extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaseRef {
    pub id: String,
    pub edition: String,
    /// `sha256:` + 64 hex digits: the base checklist's digest.
    pub digest: String,
}

impl BaseRef {
    /// `id@edition`.
    pub fn full_id(&self) -> String {
        format!("{}@{}", self.id, self.edition)
    }
}

/// Places in the file: `extends`, each out-of-scope entry, own item IDs and own sections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    pub extends: Option<Location>,
    pub out_of_scope: BTreeMap<String, Location>,
    pub items: BTreeMap<String, Location>,
    pub sections: BTreeMap<String, Location>,
}

/// An error diagnostic with its English message and its catalog reference.
fn error(code: &'static str, location: Location, text: MessageRef) -> Diagnostic {
    Diagnostic {
        code,
        severity: Severity::Error,
        location,
        message: crate::i18n::render(Lang::En, &text),
        text: Some(text),
    }
}

/// The file's own checks of `extends` and `[[out_of_scope]]`, before any base is known.
pub(super) fn from_raw(
    file: &str,
    source: &str,
    raw: &RawChecklist,
) -> (Option<Extends>, Vec<Diagnostic>) {
    let at = |span: std::ops::Range<usize>| Location::at(file, source, span.start);
    let mut diags = Vec::new();
    let Some(base) = &raw.extends else {
        if let Some(first) = raw.out_of_scope.first() {
            diags.push(error(
                "extends-out-of-scope-without-base",
                at(first.span()),
                crate::msg_ref!("checklist-extends-out-of-scope-without-base"),
            ));
        }
        return (None, diags);
    };
    let well_formed = base.get_ref().split_once('@').is_some_and(|(id, edition)| {
        !id.is_empty() && super::validate::parse_edition(edition).is_some()
    });
    if !well_formed {
        diags.push(error(
            "extends-invalid",
            at(base.span()),
            crate::msg_ref!("checklist-extends-invalid", base = base.get_ref()),
        ));
    }
    let mut places = Places {
        extends: Some(at(base.span())),
        ..Places::default()
    };
    let prefix = format!("{}-", raw.publisher.get_ref());
    for item in &raw.items {
        let id = &item.get_ref().id;
        places.items.insert(id.get_ref().clone(), at(id.span()));
        if !id.get_ref().starts_with(&prefix) {
            diags.push(error(
                "extends-item-prefix",
                at(id.span()),
                crate::msg_ref!(
                    "checklist-extends-item-prefix",
                    id = id.get_ref(),
                    prefix = prefix
                ),
            ));
        }
    }
    for section in &raw.sections {
        let id = &section.get_ref().id;
        places.sections.insert(id.get_ref().clone(), at(id.span()));
    }
    let mut out_of_scope = Vec::new();
    for entry in &raw.out_of_scope {
        let e = entry.get_ref();
        let item = e.item.get_ref().clone();
        if places.out_of_scope.contains_key(&item) {
            diags.push(error(
                "extends-duplicate-out-of-scope",
                at(e.item.span()),
                crate::msg_ref!("checklist-extends-duplicate-out-of-scope", item = item),
            ));
            continue;
        }
        let reason = Text {
            ja: e.reason.ja.get_ref().trim().to_owned(),
            en: e.reason.en.get_ref().trim().to_owned(),
        };
        if reason.ja.is_empty() || reason.en.is_empty() {
            diags.push(error(
                "extends-missing-reason",
                at(e.item.span()),
                crate::msg_ref!("checklist-extends-missing-reason", item = item),
            ));
        }
        places.out_of_scope.insert(item.clone(), at(e.item.span()));
        out_of_scope.push(OutOfScope {
            item,
            reason,
            number: None,
            base_item: None,
        });
    }
    let extends = Extends {
        base: base.get_ref().clone(),
        out_of_scope,
        resolved: None,
        places,
    };
    (Some(extends), diags)
}

impl Catalog {
    /// The `ID@EDITION` of every checklist here that an own checklist may extend (one that
    /// extends none), for the `extends-unknown-base` advice.
    pub fn known_bases(&self) -> Vec<String> {
        self.all()
            .iter()
            .filter(|l| l.checklist.extends.is_none())
            .map(|l| l.checklist.full_id())
            .collect()
    }

    /// Link every own checklist in the catalog to its base, so that lookups give the
    /// effective checklist. Every problem of every own checklist is one `Invalid` error.
    pub fn link(&mut self) -> Result<(), ChecklistError> {
        // Through the catalog's public lookups only, whatever its storage.
        let mut diagnostics = Vec::new();
        let mut linked = Vec::new();
        for entry in self.loaded_from_files() {
            let unlinked = entry
                .checklist
                .extends
                .as_ref()
                .is_some_and(|e| e.resolved.is_none());
            if unlinked {
                match self.linked(entry) {
                    Ok(l) => linked.push(l),
                    Err(d) => diagnostics.extend(d),
                }
            }
        }
        if !diagnostics.is_empty() {
            return Err(ChecklistError::Invalid { diagnostics });
        }
        for l in linked {
            self.add(l);
        }
        Ok(())
    }

    /// `loaded` with its base merged in, when it extends one (else unchanged): the base's
    /// sections and items (minus those out of scope) and then its own. The errors name the
    /// place in the own checklist's file.
    pub fn linked(&self, loaded: &Loaded) -> Result<Loaded, Vec<Diagnostic>> {
        let own = &loaded.checklist;
        let Some(extends) = own.extends.as_ref().filter(|e| e.resolved.is_none()) else {
            return Ok(loaded.clone());
        };
        let places = &extends.places;
        let top = places.extends.clone().unwrap_or_else(|| Location {
            file: loaded.origin.describe(),
            line: 1,
            column: 1,
        });
        // Its own publisher (checked before the lookup: a file with the base's id and edition
        // would take the base's place and be found instead).
        let base_id = extends.base.split('@').next().unwrap_or_default();
        if base_id.starts_with(&format!("{}-", own.publisher)) {
            return Err(vec![error(
                "extends-same-publisher",
                top,
                crate::msg_ref!(
                    "checklist-extends-same-publisher",
                    base = extends.base,
                    publisher = own.publisher
                ),
            )]);
        }
        let base = match self.resolve(&extends.base, None) {
            Ok(b) => b,
            Err(_) => {
                return Err(vec![error(
                    "extends-unknown-base",
                    top,
                    crate::msg_ref!(
                        "checklist-extends-unknown-base",
                        base = extends.base,
                        known = crate::i18n::list(self.known_bases())
                    ),
                )]);
            }
        };
        let b = &base.checklist;
        let mut diags = Vec::new();
        if b.extends.is_some() {
            diags.push(error(
                "extends-chain",
                top.clone(),
                crate::msg_ref!(
                    "checklist-extends-chain",
                    base = extends.base,
                    its_base = b.extends.as_ref().map_or("", |e| e.base.as_str())
                ),
            ));
            return Err(diags);
        }
        if b.form != own.form {
            diags.push(error(
                "extends-other-form",
                top.clone(),
                crate::msg_ref!(
                    "checklist-extends-other-form",
                    base = extends.base,
                    // The forms as people name them (医療機関確認用), in the reader's language.
                    base_form = crate::diagnostic::Typed::Bilingual {
                        ja: b.form.label(Lang::Ja).to_owned(),
                        en: b.form.label(Lang::En).to_owned(),
                    },
                    form = crate::diagnostic::Typed::Bilingual {
                        ja: own.form.label(Lang::Ja).to_owned(),
                        en: own.form.label(Lang::En).to_owned(),
                    }
                ),
            ));
        }
        if b.edition != own.edition {
            diags.push(error(
                "extends-other-edition",
                top.clone(),
                crate::msg_ref!(
                    "checklist-extends-other-edition",
                    base = extends.base,
                    edition = own.edition
                ),
            ));
        }
        let replaced: BTreeSet<&str> = b
            .items
            .iter()
            .flat_map(|i| i.replaces.iter().map(String::as_str))
            .collect();
        let place = |map: &BTreeMap<String, Location>, key: &str| {
            map.get(key).cloned().unwrap_or_else(|| top.clone())
        };
        for item in &own.items {
            if let Some(theirs) = b.item(&item.id) {
                diags.push(error(
                    "extends-item-collision",
                    place(&places.items, &item.id),
                    crate::msg_ref!(
                        "checklist-extends-item-collision",
                        id = item.id,
                        base = extends.base,
                        number = theirs.number
                    ),
                ));
            } else if let Some(theirs) = b.items.iter().find(|i| i.number == item.number) {
                // The printed number is how people, sheets and workbooks name an item: an own
                // item numbered like a base item makes every import by number ambiguous.
                diags.push(error(
                    "extends-number-collision",
                    place(&places.items, &item.id),
                    crate::msg_ref!(
                        "checklist-extends-number-collision",
                        id = item.id,
                        base = extends.base,
                        number = theirs.number,
                        theirs = theirs.id
                    ),
                ));
            } else if replaced.contains(item.id.as_str()) {
                diags.push(error(
                    "extends-item-shadows",
                    place(&places.items, &item.id),
                    crate::msg_ref!(
                        "checklist-extends-item-shadows",
                        id = item.id,
                        base = extends.base
                    ),
                ));
            }
        }
        for section in &own.sections {
            if b.section(&section.id).is_some() {
                diags.push(error(
                    "extends-section-collision",
                    place(&places.sections, &section.id),
                    crate::msg_ref!(
                        "checklist-extends-section-collision",
                        section = section.id,
                        base = extends.base
                    ),
                ));
            }
        }
        let mut out_of_scope = Vec::new();
        for o in &extends.out_of_scope {
            match b.item(&o.item) {
                Some(item) => out_of_scope.push(OutOfScope {
                    number: Some(item.number.clone()),
                    base_item: Some(Box::new(item.clone())),
                    ..o.clone()
                }),
                None => diags.push(error(
                    "extends-unknown-out-of-scope",
                    place(&places.out_of_scope, &o.item),
                    match closest_item(b, &o.item) {
                        // A misspelt ID: the base item it most looks like, by ID and number.
                        Some(near) => crate::msg_ref!(
                            "checklist-extends-unknown-out-of-scope-near",
                            item = o.item,
                            base = extends.base,
                            suggestion = near.id,
                            label = crate::diagnostic::Typed::Bilingual {
                                ja: near.label(Lang::Ja),
                                en: near.label(Lang::En),
                            }
                        ),
                        None => crate::msg_ref!(
                            "checklist-extends-unknown-out-of-scope",
                            item = o.item,
                            base = extends.base
                        ),
                    },
                )),
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let left_out: BTreeSet<&str> = out_of_scope.iter().map(|o| o.item.as_str()).collect();
        let mut effective: Checklist = own.clone();
        effective.sections = b.sections.iter().chain(&own.sections).cloned().collect();
        effective.items = b
            .items
            .iter()
            .filter(|i| !left_out.contains(i.id.as_str()))
            .chain(&own.items)
            .cloned()
            .collect();
        effective.extends = Some(Extends {
            out_of_scope,
            resolved: Some(BaseRef {
                id: b.id.clone(),
                edition: b.edition.clone(),
                digest: base.digest.clone(),
            }),
            ..extends.clone()
        });
        Ok(Loaded {
            checklist: effective,
            ..loaded.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{load_str, Origin};

    const OWN: &str = r#"
format_version = 1
id = "own-institution"
edition = "fy2025"
fiscal_year = 2025
form = "institution"
publisher = "own"
guideline_version = "6.0"
serves = ["hospital"]
extends = "mhlw-institution@fy2025"
title = { ja = "院内追加チェック", en = "Own checks" }

[[out_of_scope]]
item = "two-factor-authentication"
reason = { ja = "外部から接続する仕組みがありません。", en = "Nothing connects from outside." }

[[sections]]
id = "9"
title = { ja = "院内規程", en = "In-house rules" }

[[items]]
id = "own-restore-drill"
number = "9-(1)"
section = "9"
requirement = "required"
text = { ja = "年1回、復元の訓練を行っている。", en = "A restore is rehearsed once a year." }
guidance = { ja = "訓練の記録を残す。", en = "Keep a record of the drill." }
verified = true
"#;

    fn own(text: &str) -> Loaded {
        load_str("own.toml", text, Origin::File("own.toml".into())).unwrap()
    }

    #[test]
    fn the_effective_checklist_is_base_minus_out_of_scope_plus_own() {
        let catalog = Catalog::bundled().unwrap();
        let base = catalog.resolve("mhlw-institution@fy2025", None).unwrap();
        let linked = catalog.linked(&own(OWN)).unwrap();
        let c = &linked.checklist;
        assert_eq!(c.items.len(), base.checklist.items.len());
        assert!(c.item("two-factor-authentication").is_none());
        assert!(c.item("own-restore-drill").is_some());
        let e = c.extends.as_ref().unwrap();
        assert_eq!(e.resolved.as_ref().unwrap().digest, base.digest);
        assert!(e.out_of_scope[0].number.is_some());
        // The digest is the own file's, taken before linking.
        assert_eq!(linked.digest, own(OWN).digest);
    }

    #[test]
    fn link_errors_name_the_place_and_code() {
        let catalog = Catalog::bundled().unwrap();
        let cases: [(&[(&str, &str)], &str); 4] = [
            (
                &[("mhlw-institution@fy2025", "mhlw-nope@fy2025")],
                "extends-unknown-base",
            ),
            (
                &[
                    ("own-institution", "own-vendor"),
                    ("form = \"institution\"", "form = \"vendor\""),
                ],
                "extends-other-form",
            ),
            (
                &[("own-restore-drill", "security-patches")],
                "extends-item-prefix",
            ),
            (
                &[("item = \"two-factor-authentication\"", "item = \"nope\"")],
                "extends-unknown-out-of-scope",
            ),
        ];
        for (edits, code) in cases {
            let text = edits
                .iter()
                .fold(OWN.to_owned(), |t, (from, to)| t.replace(from, to));
            let result = load_str("own.toml", &text, Origin::File("own.toml".into()))
                .map_err(|e| match e {
                    ChecklistError::Invalid { diagnostics } => diagnostics,
                    other => panic!("{other}"),
                })
                .and_then(|l| catalog.linked(&l));
            let diags = result.expect_err(code);
            assert!(diags.iter().any(|d| d.code == code), "{code}: {diags:?}");
            assert!(diags.iter().all(|d| d.location.line > 1), "{diags:?}");
        }
    }
}
