//! Changes between two checklists (usually two editions of one form), classified so that a
//! maintainer's CI can tell what a new file changes and whether answers still carry forward.

pub mod sides;

pub use sides::DiffError;

use crate::checklist::{Checklist, Item, Lang};
use crate::diagnostic::MessageRef;
use crate::msg_ref;
use serde::Serialize;

/// How much a change matters to people who carry answers forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Guidance, references, probe links, verification marks: answers stay valid.
    Minor,
    /// Wording, number, scope, requirement: carried answers need review.
    Review,
    /// An item gone with no replacement, or the form changed: answers cannot carry over.
    Breaking,
}

/// One classified change. `code` is stable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub code: &'static str,
    pub impact: Impact,
    /// The item's stable ID, when the change is about one item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// For `metadata-changed`: which field (`title.ja`, `title.en`, `published`, `source_url`,
    /// `notes.ja`, `notes.en`) and its old and new value (absent when the file has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// In English, with the item's number and ID in front (for scripts; JSON).
    pub message: String,
    /// What changed, as a catalog message without the item (people read the item's label in
    /// front of it, in their language).
    #[serde(skip)]
    pub text: MessageRef,
}

impl Change {
    fn about_checklist(code: &'static str, impact: Impact, text: MessageRef) -> Self {
        Change {
            code,
            impact,
            item: None,
            field: None,
            old: None,
            new: None,
            message: crate::i18n::render(Lang::En, &text),
            text,
        }
    }

    /// `sep` goes between the item and the text in the English message: `: ` for a change of
    /// an item, ` ` for one added, removed or replacing others.
    fn about_item(
        code: &'static str,
        impact: Impact,
        item: &Item,
        sep: &str,
        text: MessageRef,
    ) -> Self {
        Change {
            code,
            impact,
            item: Some(item.id.clone()),
            field: None,
            old: None,
            new: None,
            message: format!(
                "{} {}{sep}{}",
                item.number,
                item.id,
                crate::i18n::render(Lang::En, &text)
            ),
            text,
        }
    }
}

/// All changes from `old` to `new`, checklist-level first, then items in `new`'s order,
/// then removed items in `old`'s order.
pub fn diff(old: &Checklist, new: &Checklist) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut meta =
        |code, impact, text: MessageRef| changes.push(Change::about_checklist(code, impact, text));
    // An own checklist against the base it extends: its ID always differs (its own publisher's
    // prefix); that is what an extension is, not a change of form.
    let extends_old = new
        .extends
        .as_ref()
        .and_then(|e| e.resolved.as_ref())
        .is_some_and(|b| b.id == old.id && b.edition == old.edition);
    if old.id != new.id {
        meta(
            "checklist-id-changed",
            if extends_old {
                Impact::Minor
            } else {
                Impact::Breaking
            },
            msg_ref!("diff-checklist-id-changed", old = old.id, new = new.id),
        );
    }
    if old.form != new.form {
        meta(
            "form-changed",
            Impact::Breaking,
            msg_ref!("diff-form-changed", old = old.form, new = new.form),
        );
    }
    if old.edition != new.edition {
        meta(
            "edition-changed",
            Impact::Minor,
            msg_ref!(
                "diff-edition-changed",
                old = edition_for_people(&old.edition),
                new = edition_for_people(&new.edition)
            ),
        );
    }
    if old.guideline_version != new.guideline_version {
        meta(
            "guideline-version-changed",
            Impact::Review,
            msg_ref!(
                "diff-guideline-version-changed",
                old = old.guideline_version,
                new = new.guideline_version
            ),
        );
    }
    if old.serves != new.serves {
        meta(
            "serves-changed",
            Impact::Review,
            msg_ref!(
                "diff-serves-changed",
                old = join(&old.serves),
                new = join(&new.serves)
            ),
        );
    }
    // Two imports of one workbook downloaded under other names (or another copy of it): the
    // workbook's name and digest, said once; notes and sources that name it follow.
    let source = SourceWorkbook::change(old, new);
    if let Some(s) = &source {
        changes.push(s.said());
    }
    let same = |a: Option<&str>, b: Option<&str>| match (&source, a, b) {
        (Some(s), Some(a), Some(b)) => s.follow(a) == b,
        _ => a == b,
    };
    changes.extend(metadata_changes(old, new, &same));
    // A section heading changed (verify says 「節3の見出しが異なります」 and sends here).
    for section in &new.sections {
        let Some(before) = old.sections.iter().find(|s| s.id == section.id) else {
            continue;
        };
        if before.title.ja != section.title.ja {
            let mut change = Change::about_checklist(
                "section-title-changed",
                Impact::Minor,
                msg_ref!(
                    "diff-section-title-changed",
                    section = section.id,
                    old = before.title.ja,
                    new = section.title.ja
                ),
            );
            change.field = Some("section");
            change.old = Some(before.title.ja.clone());
            change.new = Some(section.title.ja.clone());
            changes.push(change);
        }
    }
    // Sources that only say where an item sat in the workbook (cells, layout): one line for
    // all items, not a dump per item; none when no item moved.
    let moved = new
        .items
        .iter()
        .filter_map(|i| old.item(&i.id).map(|o| (o, i)))
        .filter(|(o, i)| positions(&o.sources) != positions(&i.sources))
        .count();
    if moved > 0 {
        changes.push(Change::about_checklist(
            "workbook-positions-changed",
            Impact::Minor,
            msg_ref!("diff-workbook-positions-changed", count = moved),
        ));
    }

    // Items whose ID differs but whose printed number, section and scope are the same (one
    // import with `--ids-from`, one without): one item whose ID changed, not added and removed.
    let by_number = id_changes(old, new);
    for item in &new.items {
        let by_id = old
            .item(&item.id)
            .or_else(|| by_number.get(item.id.as_str()).copied());
        let replaced: Vec<&Item> = item.replaces.iter().filter_map(|r| old.item(r)).collect();
        match (by_id, replaced.is_empty()) {
            (Some(before), _) => {
                if before.id != item.id {
                    let mut change = Change::about_item(
                        "item-id-changed",
                        Impact::Review,
                        item,
                        ": ",
                        msg_ref!("diff-item-id-changed", old = before.id, new = item.id),
                    );
                    change.field = Some("id");
                    change.old = Some(before.id.clone());
                    change.new = Some(item.id.clone());
                    changes.push(change);
                }
                changes.extend(item_changes(before, item, &same));
            }
            (None, false) => changes.push(Change::about_item(
                "item-replaced",
                Impact::Review,
                item,
                " ",
                msg_ref!(
                    "diff-item-replaced",
                    replaced = join(
                        &replaced
                            .iter()
                            .map(|r| format!("{} {}", r.number, r.id))
                            .collect::<Vec<_>>()
                    )
                ),
            )),
            (None, true) => changes.push(Change::about_item(
                "item-added",
                Impact::Review,
                item,
                " ",
                msg_ref!("diff-item-added", text = item.text.ja),
            )),
        }
    }
    for item in &old.items {
        let kept =
            new.item(&item.id).is_some() || by_number.values().any(|before| before.id == item.id);
        let replaced_by = new.items.iter().find(|n| n.replaces.contains(&item.id));
        // A base item an own checklist leaves out: 対象外 with its reason, not a removal.
        let left_out = new
            .extends
            .as_ref()
            .and_then(|e| e.out_of_scope.iter().find(|o| o.item == item.id));
        if let (false, Some(o)) = (kept, left_out) {
            changes.push(Change::about_item(
                "item-out-of-scope",
                Impact::Review,
                item,
                " ",
                msg_ref!("diff-item-out-of-scope", reason = bilingual(&o.reason)),
            ));
        } else if !kept && replaced_by.is_none() {
            changes.push(Change::about_item(
                "item-removed",
                Impact::Breaking,
                item,
                " ",
                msg_ref!("diff-item-removed", text = item.text.ja),
            ));
        }
    }
    changes.extend(out_of_scope_reasons(old, new));
    // In the same edition, an item that is no longer asked (taken out of scope, or replaced)
    // leaves the answers already given to it unknown: `status` refuses the file, and
    // `init --from` carries answers between editions only. That breaks answers.
    if same_edition(old, new) {
        for c in &mut changes {
            if matches!(c.code, "item-out-of-scope" | "item-replaced") {
                c.impact = Impact::Breaking;
            }
        }
    }
    if let Some(c) = breaking_same_edition(old, new, &changes) {
        changes.insert(0, c);
    }
    changes
}

/// Whether two files are one edition of one checklist in one format version (answers given to
/// one are read against the other as they are).
fn same_edition(old: &Checklist, new: &Checklist) -> bool {
    old.id == new.id && old.edition == new.edition && old.format_version == new.format_version
}

/// A reason in both languages, each reader's own.
fn bilingual(text: &crate::checklist::Text) -> crate::diagnostic::Typed {
    crate::diagnostic::Typed::Bilingual {
        ja: text.ja.clone(),
        en: text.en.clone(),
    }
}

/// Base items out of scope on both sides whose reason changed (what people read beside 対象外).
fn out_of_scope_reasons(old: &Checklist, new: &Checklist) -> Vec<Change> {
    let (Some(before), Some(after)) = (&old.extends, &new.extends) else {
        return Vec::new();
    };
    after
        .out_of_scope
        .iter()
        .filter_map(|o| {
            let was = before.out_of_scope.iter().find(|b| b.item == o.item)?;
            let item = o.base_item.as_deref().or(was.base_item.as_deref())?;
            (was.reason != o.reason).then(|| {
                let mut change = Change::about_item(
                    "item-out-of-scope-reason-changed",
                    Impact::Minor,
                    item,
                    ": ",
                    msg_ref!(
                        "diff-item-out-of-scope-reason-changed",
                        old = bilingual(&was.reason),
                        new = bilingual(&o.reason)
                    ),
                );
                change.field = Some("reason");
                change.old = Some(was.reason.ja.clone());
                change.new = Some(o.reason.ja.clone());
                change
            })
        })
        .collect()
}

/// The rule that a breaking change needs a new edition (or format version): people who carry
/// answers forward from `fy2025` cannot tell two different `fy2025` files apart. `None` when
/// there is no breaking change or the edition or format version changed.
fn breaking_same_edition(old: &Checklist, new: &Checklist, changes: &[Change]) -> Option<Change> {
    let breaking = changes
        .iter()
        .filter(|c| c.impact == Impact::Breaking)
        .count();
    (breaking > 0 && same_edition(old, new)).then(|| {
        Change::about_checklist(
            BREAKING_SAME_EDITION,
            Impact::Breaking,
            msg_ref!(
                "diff-ci-breaking-same-edition",
                count = breaking,
                edition = new.edition,
                version = new.format_version
            ),
        )
    })
}

/// The code of a breaking change in a file that kept its edition and format version: an error
/// (`checklist diff` exits 1 whatever --fail-on says). It is a verdict on the other changes,
/// not a change of its own: summaries do not count it.
pub const BREAKING_SAME_EDITION: &str = "breaking-change-same-edition";

/// The impact of a checklist file that only the new side has: new questions to answer.
pub const FILE_ADDED: Impact = Impact::Review;

/// The impact of a checklist file that only the old side has: its answers cannot carry forward.
pub const FILE_REMOVED: Impact = Impact::Breaking;

/// Whether a run ends with exit 1: a change (or an added or removed file, by [`FILE_ADDED`]
/// and [`FILE_REMOVED`]) at `threshold` or above, or a breaking change in a file that kept
/// its edition (always, even with no threshold).
pub fn fails(changes: &[&Change], added: usize, removed: usize, threshold: Option<Impact>) -> bool {
    let reaches = |impact: Impact| threshold.is_some_and(|t| impact >= t);
    changes
        .iter()
        .any(|c| reaches(c.impact) || c.code == BREAKING_SAME_EDITION)
        || (added > 0 && reaches(FILE_ADDED))
        || (removed > 0 && reaches(FILE_REMOVED))
}

/// Whether a source only says where an item sat in its workbook (an import's row, cells and
/// layout).
fn is_position(source: &str) -> bool {
    ["workbook-cell:", "workbook-layout:", "workbook-row:"]
        .iter()
        .any(|p| source.starts_with(p))
}

/// Where an item sat in its workbook: its layout and the addresses of its printed cells (a
/// cell's text is wording, said by the item's and the section's own changes).
fn positions(sources: &[String]) -> Vec<&str> {
    sources
        .iter()
        .filter(|s| is_position(s))
        .map(|s| match s.strip_prefix("workbook-cell:") {
            Some(cell) => cell.split_once('=').map_or(cell, |(at, _)| at),
            None => s.as_str(),
        })
        .collect()
}

/// The sources that name what an item was taken from (not where it sat).
fn not_positions(sources: &[String]) -> Vec<&String> {
    sources.iter().filter(|s| !is_position(s)).collect()
}

/// The workbook two imported checklists were taken from (`workbook:NAME#sha256=HEX` in their
/// items' sources), when the two differ.
struct SourceWorkbook {
    old_name: String,
    old_sha256: String,
    new_name: String,
    new_sha256: String,
}

impl SourceWorkbook {
    fn of(c: &Checklist) -> Option<(String, String)> {
        let source = c
            .items
            .iter()
            .flat_map(|i| &i.sources)
            .find_map(|s| s.strip_prefix("workbook:"))?;
        let (name, sha256) = source.rsplit_once("#sha256=")?;
        Some((name.to_owned(), sha256.to_owned()))
    }

    fn change(old: &Checklist, new: &Checklist) -> Option<Self> {
        let ((old_name, old_sha256), (new_name, new_sha256)) = (Self::of(old)?, Self::of(new)?);
        (old_name != new_name || old_sha256 != new_sha256).then_some(SourceWorkbook {
            old_name,
            old_sha256,
            new_name,
            new_sha256,
        })
    }

    /// `text` of the old checklist as it reads naming the new workbook.
    fn follow(&self, text: &str) -> String {
        let mut out = text.replace(&self.old_sha256, &self.new_sha256);
        if !self.old_name.is_empty() {
            out = out.replace(&self.old_name, &self.new_name);
        }
        out
    }

    fn said(&self) -> Change {
        let short = |h: &str| h.chars().take(12).collect::<String>();
        let mut change = Change::about_checklist(
            "source-workbook-changed",
            Impact::Minor,
            msg_ref!(
                "diff-source-workbook-changed",
                old = self.old_name,
                new = self.new_name,
                old_sha256 = short(&self.old_sha256),
                new_sha256 = short(&self.new_sha256),
                same = if self.old_sha256 == self.new_sha256 {
                    "yes"
                } else {
                    "no"
                }
            ),
        );
        change.field = Some("source");
        change.old = Some(format!("{}#sha256={}", self.old_name, self.old_sha256));
        change.new = Some(format!("{}#sha256={}", self.new_name, self.new_sha256));
        change
    }
}

/// New items whose ID the old checklist does not hold (and that replace nothing), matched to
/// the one old item missing from the new checklist with the same printed number (in any
/// notation), section and scope: new ID -> old item.
fn id_changes<'a>(
    old: &'a Checklist,
    new: &Checklist,
) -> std::collections::BTreeMap<String, &'a Item> {
    let key = |i: &Item| {
        (
            i.section.clone(),
            normalised_number(&i.number),
            i.scope.clone(),
        )
    };
    let gone: Vec<&Item> = old
        .items
        .iter()
        .filter(|i| {
            new.item(&i.id).is_none() && !new.items.iter().any(|n| n.replaces.contains(&i.id))
        })
        .collect();
    let mut out = std::collections::BTreeMap::new();
    for item in new
        .items
        .iter()
        .filter(|i| old.item(&i.id).is_none() && i.replaces.is_empty())
    {
        let same: Vec<&&Item> = gone.iter().filter(|o| key(o) == key(item)).collect();
        let other_new = new
            .items
            .iter()
            .filter(|n| n.id != item.id && key(n) == key(item))
            .count();
        if let ([only], 0) = (same.as_slice(), other_new) {
            out.insert(item.id.clone(), **only);
        }
    }
    out
}

/// An edition as people name it: 令和6年度版 in Japanese, the edition (`fy2024`) in English.
fn edition_for_people(edition: &str) -> crate::diagnostic::Typed {
    let ja = match crate::checklist::validate::parse_edition(edition)
        .and_then(|y| i16::try_from(y).ok())
    {
        Some(year) => format!("{}版", crate::dates::wareki_fiscal_year(year)),
        None => edition.to_owned(),
    };
    crate::diagnostic::Typed::Bilingual {
        ja,
        en: edition.to_owned(),
    }
}

/// One `metadata-changed` per field that changed, with its old and new value. Notes are long:
/// their message says which language changed; JSON carries both texts. `same` says whether an
/// old and a new value are the same (once the source workbook's new name is taken into account).
fn metadata_changes(
    old: &Checklist,
    new: &Checklist,
    same: &dyn Fn(Option<&str>, Option<&str>) -> bool,
) -> Vec<Change> {
    let none = || "—".to_owned();
    let fields: [(&'static str, Option<&str>, Option<&str>); 6] = [
        ("title.ja", Some(&old.title.ja), Some(&new.title.ja)),
        ("title.en", Some(&old.title.en), Some(&new.title.en)),
        (
            "published",
            old.published.as_deref(),
            new.published.as_deref(),
        ),
        (
            "source_url",
            old.source_url.as_deref(),
            new.source_url.as_deref(),
        ),
        (
            "notes.ja",
            old.notes.as_ref().map(|n| n.ja.as_str()),
            new.notes.as_ref().map(|n| n.ja.as_str()),
        ),
        (
            "notes.en",
            old.notes.as_ref().map(|n| n.en.as_str()),
            new.notes.as_ref().map(|n| n.en.as_str()),
        ),
    ];
    let mut out = Vec::new();
    for (field, before, after) in fields {
        if same(before, after) {
            continue;
        }
        // Catalog selector keys cannot hold a dot.
        let key = field.replace('.', "-");
        let text = if let (true, Some(b), Some(a)) = (field.starts_with("notes"), before, after) {
            let (was, is) = differing_part(b, a);
            msg_ref!("diff-ci-notes-changed", field = key, old = was, new = is)
        } else if field.starts_with("notes") {
            msg_ref!("diff-ci-notes-added-or-removed", field = key)
        } else if field == "published" {
            // Dates said with 和暦 in Japanese.
            let date = |d: Option<&str>| -> crate::diagnostic::Arg {
                match d {
                    Some(d) => crate::diagnostic::Typed::Date(d.to_owned()).into(),
                    None => none().into(),
                }
            };
            let mut text = msg_ref!("diff-ci-metadata-changed", field = key, old = "", new = "");
            text.args.insert("old".to_owned(), date(before));
            text.args.insert("new".to_owned(), date(after));
            text
        } else {
            msg_ref!(
                "diff-ci-metadata-changed",
                field = key,
                old = before.map_or_else(none, str::to_owned),
                new = after.map_or_else(none, str::to_owned)
            )
        };
        let mut change = Change::about_checklist("metadata-changed", Impact::Minor, text);
        change.field = Some(field);
        change.old = before.map(str::to_owned);
        change.new = after.map(str::to_owned);
        out.push(change);
    }
    out
}

/// The part of two long texts that differs, with `…` where the texts go on alike: the same
/// beginning and end are left out, and a part longer than 80 characters is cut.
fn differing_part(old: &str, new: &str) -> (String, String) {
    const MAX: usize = 80;
    // Characters of the same text kept on each side, so an insertion reads in its place.
    const CONTEXT: usize = 12;
    let (o, n): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let head = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let rest = |chars: &[char]| {
        chars
            .iter()
            .skip(head)
            .rev()
            .copied()
            .collect::<Vec<char>>()
    };
    let tail = rest(&o)
        .iter()
        .zip(&rest(&n))
        .take_while(|(a, b)| a == b)
        .count();
    let (head, tail) = (head.saturating_sub(CONTEXT), tail.saturating_sub(CONTEXT));
    let part = |chars: &[char]| {
        let len = chars.len().saturating_sub(head + tail);
        let mut out = String::new();
        if head > 0 {
            out.push('…');
        }
        out.extend(chars.iter().skip(head).take(len.min(MAX)));
        if len > MAX || tail > 0 {
            out.push('…');
        }
        out
    };
    (part(&o), part(&n))
}

/// Values joined in the reader's language when shown (「、」 or ", ").
fn join<T: std::fmt::Display>(v: &[T]) -> crate::diagnostic::Typed {
    crate::i18n::list(v)
}

/// `2-(4)` and `2-④` are the same number in two notations (R5/R6 and R7); the import's reading
/// of numbers decides, so `㉑`..`㊿` count as well.
fn normalised_number(number: &str) -> String {
    crate::checklist::import::comparable_number(number)
}

fn item_changes(
    old: &Item,
    new: &Item,
    same: &dyn Fn(Option<&str>, Option<&str>) -> bool,
) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |code, impact, text: MessageRef| {
        out.push(Change::about_item(code, impact, new, ": ", text))
    };
    if old.text.ja != new.text.ja {
        push(
            "item-reworded",
            Impact::Review,
            msg_ref!("diff-item-reworded", old = old.text.ja, new = new.text.ja),
        );
    } else if old.text.en != new.text.en {
        push(
            "item-translation-changed",
            Impact::Minor,
            msg_ref!("diff-item-translation-changed"),
        );
    }
    if old.number != new.number {
        if normalised_number(&old.number) == normalised_number(&new.number) {
            push(
                "item-number-notation-changed",
                Impact::Minor,
                msg_ref!(
                    "diff-item-number-notation-changed",
                    old = old.number,
                    new = new.number
                ),
            );
        } else {
            push(
                "item-renumbered",
                Impact::Review,
                msg_ref!("diff-item-renumbered", old = old.number, new = new.number),
            );
        }
    }
    if old.section != new.section {
        push(
            "item-moved",
            Impact::Review,
            msg_ref!("diff-item-moved", old = old.section, new = new.section),
        );
    }
    if old.scope != new.scope {
        push(
            "item-scope-changed",
            Impact::Review,
            msg_ref!(
                "diff-item-scope-changed",
                old = join(&old.scope),
                new = join(&new.scope)
            ),
        );
    }
    if old.requirement != new.requirement {
        push(
            "item-requirement-changed",
            Impact::Review,
            msg_ref!(
                "diff-item-requirement-changed",
                old = old.requirement,
                new = new.requirement
            ),
        );
    }
    if old.gate != new.gate {
        push(
            "item-gate-changed",
            Impact::Breaking,
            msg_ref!("diff-item-gate-changed", old = old.gate, new = new.gate),
        );
    }
    if old.not_applicable_when != new.not_applicable_when {
        push(
            "item-not-applicable-changed",
            Impact::Review,
            msg_ref!(
                "diff-item-not-applicable-changed",
                old = join(&old.not_applicable_when),
                new = join(&new.not_applicable_when)
            ),
        );
    }
    if old.guidance != new.guidance {
        push(
            "item-guidance-changed",
            Impact::Minor,
            msg_ref!("diff-item-guidance-changed"),
        );
    }
    if old.guideline_refs != new.guideline_refs {
        push(
            "item-references-changed",
            Impact::Minor,
            msg_ref!(
                "diff-item-references-changed",
                old = join(&old.guideline_refs),
                new = join(&new.guideline_refs)
            ),
        );
    }
    if old.probes != new.probes {
        push(
            "item-probes-changed",
            Impact::Minor,
            msg_ref!(
                "diff-item-probes-changed",
                old = join(&old.probes),
                new = join(&new.probes)
            ),
        );
    }
    // Where the item sat in the workbook is said once for all items (`diff`), not here.
    let (old_sources, new_sources) = (not_positions(&old.sources), not_positions(&new.sources));
    let sources_same = old_sources.len() == new_sources.len()
        && old_sources
            .iter()
            .zip(&new_sources)
            .all(|(a, b)| same(Some(a), Some(b)));
    if !sources_same {
        push(
            "item-sources-changed",
            Impact::Minor,
            msg_ref!(
                "diff-ci-item-sources-changed",
                old = join(&old_sources),
                new = join(&new_sources)
            ),
        );
    }
    if old.verified != new.verified {
        push(
            "item-verified-changed",
            Impact::Minor,
            msg_ref!(
                "diff-item-verified-changed",
                old = old.verified,
                new = new.verified
            ),
        );
    }
    if !same(old.unverified.as_deref(), new.unverified.as_deref()) {
        // The note is English-only file data: people read which way it changed, JSON has both.
        let how = match (&old.unverified, &new.unverified) {
            (None, Some(_)) => "added",
            (Some(_), None) => "removed",
            _ => "changed",
        };
        let mut change = Change::about_item(
            "item-unverified-note-changed",
            Impact::Minor,
            new,
            ": ",
            msg_ref!("diff-ci-item-unverified-note-changed", how = how),
        );
        change.field = Some("unverified");
        change.old.clone_from(&old.unverified);
        change.new.clone_from(&new.unverified);
        out.push(change);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Catalog;

    fn get(spec: &str) -> Checklist {
        Catalog::bundled()
            .unwrap()
            .resolve(spec, None)
            .unwrap()
            .checklist
            .clone()
    }

    #[test]
    fn same_checklist_has_no_changes() {
        let c = get("mhlw-institution@fy2024");
        assert!(diff(&c, &c).is_empty());
    }

    #[test]
    fn fy2024_to_fy2025_shows_merged_patches_and_new_items() {
        let changes = diff(
            &get("mhlw-institution@fy2024"),
            &get("mhlw-institution@fy2025"),
        );
        let has = |code: &str, item: &str| {
            changes
                .iter()
                .any(|c| c.code == code && c.item.as_deref() == Some(item))
        };
        assert!(has("item-replaced", "security-patches"), "{changes:#?}");
        assert!(has("item-added", "password-policy"));
        assert!(has("item-number-notation-changed", "asset-ledger"));
        assert!(has("item-renumbered", "access-log-server"));
        assert!(
            !changes.iter().any(|c| c.code == "item-removed"),
            "R7 deleted no items: {changes:#?}"
        );
    }

    #[test]
    fn fy2023_to_fy2024_turns_next_year_items_required() {
        let changes = diff(
            &get("mhlw-institution@fy2023"),
            &get("mhlw-institution@fy2024"),
        );
        assert!(changes.iter().any(
            |c| c.code == "item-requirement-changed" && c.item.as_deref() == Some("cyber-bcp")
        ));
    }

    #[test]
    fn metadata_says_which_field_and_how() {
        let old = get("mhlw-institution@fy2024");
        let mut new = old.clone();
        new.published = Some("2024-06-01".into());
        new.title.en = "Another title".into();
        new.items[1].sources.push("S99".into());
        new.items[1].unverified = Some("number unchecked".into());
        let changes = diff(&old, &new);
        let meta: Vec<_> = changes
            .iter()
            .filter(|c| c.code == "metadata-changed")
            .map(|c| (c.field.unwrap_or(""), c.new.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            meta,
            [
                ("title.en", "Another title".to_owned()),
                ("published", "2024-06-01".to_owned())
            ]
        );
        let published = changes
            .iter()
            .find(|c| c.field == Some("published"))
            .unwrap();
        assert!(
            published.message.contains("2024-05-13") && published.message.contains("2024-06-01"),
            "{}",
            published.message
        );
        assert!(changes.iter().any(|c| c.code == "item-sources-changed"));
        assert!(changes
            .iter()
            .any(|c| c.code == "item-unverified-note-changed"));
    }

    #[test]
    fn an_item_with_another_id_is_matched_by_number_section_and_scope() {
        let old = get("mhlw-institution@fy2024");
        let mut new = old.clone();
        new.items[1].id = "another-id".into();
        let changes = diff(&old, &new);
        let codes: Vec<_> = changes.iter().map(|c| c.code).collect();
        assert_eq!(codes, ["item-id-changed"], "{changes:#?}");
        assert_eq!(changes[0].old.as_deref(), Some(old.items[1].id.as_str()));
        // Two new items with that number, section and scope: no guess, added and removed.
        let mut twice = new.clone();
        let mut copy = twice.items[1].clone();
        copy.id = "a-third-id".into();
        twice.items.push(copy);
        let codes: Vec<_> = diff(&old, &twice).iter().map(|c| c.code).collect();
        assert!(codes.contains(&"item-removed"), "{codes:?}");
        assert!(!codes.contains(&"item-id-changed"), "{codes:?}");
    }

    #[test]
    fn notes_are_said_by_the_part_that_differs() {
        assert_eq!(
            differing_part(
                "Imported from sheet R8. The workbook is official. Items are verified and kept.",
                "Imported from sheet R8. The workbook is not official. Items are verified and kept."
            ),
            (
                "…workbook is official. It…".to_owned(),
                "…workbook is not official. It…".to_owned()
            )
        );
        assert_eq!(
            differing_part("abc", "abd"),
            ("abc".to_owned(), "abd".to_owned())
        );
    }

    #[test]
    fn number_notations() {
        assert_eq!(normalised_number("2-(4)"), normalised_number("2-④"));
        assert_eq!(normalised_number("2-(13)"), normalised_number("2-⑬"));
        assert_ne!(normalised_number("2-(6)"), normalised_number("2-⑪"));
        assert_eq!(normalised_number("2-(21)"), normalised_number("2-㉑"));
        assert_eq!(normalised_number("2-(50)"), normalised_number("2-㊿"));
        assert_eq!(normalised_number("２－（３６）"), normalised_number("2-㊱"));
        assert_ne!(normalised_number("2-(21)"), normalised_number("2-⑳"));
    }

    #[test]
    fn removed_item_is_breaking() {
        let old = get("mhlw-institution@fy2024");
        let mut new = old.clone();
        new.items.retain(|i| i.id != "cyber-bcp");
        let changes = diff(&old, &new);
        let codes: Vec<_> = changes.iter().map(|c| (c.code, c.impact)).collect();
        assert_eq!(
            codes,
            [
                (BREAKING_SAME_EDITION, Impact::Breaking),
                ("item-removed", Impact::Breaking)
            ],
            "same edition: the breaking change is also an error"
        );
        let mut next = new.clone();
        next.edition = "fy2025".into();
        next.fiscal_year = 2025;
        assert!(!diff(&old, &next)
            .iter()
            .any(|c| c.code == BREAKING_SAME_EDITION));
    }
}
