//! `checklist import --ids-from ID@EDITION`: imported items take the stable IDs of an earlier
//! checklist, so that `init --from` carries last year's answers into a form read from a
//! workbook.
//!
//! Only what the two sheets show is compared, never a mapping medsec holds: an item whose
//! wording (normalised, see [`wording_key`]) and scope equal an earlier item's takes its ID; an
//! item whose printed number and wording equal those of one earlier item, one to one, but
//! whose scope differs gets a new ID that `replaces` the earlier one (scope changed); an item
//! whose printed number and scope equal an earlier item's but whose wording differs gets a new
//! ID that `replaces` the earlier one (reworded); every other item keeps the ID the import
//! made. An item whose Japanese wording is the earlier item's, character for character, takes
//! the earlier item's English (medsec never translates imported wording itself).
//! The result depends on the two checklists only (sheet order, then the earlier checklist's
//! order), so the same workbook and `--ids-from` give the same file.

use super::number::{circled, comparable, normalise};
use super::rows::ItemFound;
use crate::checklist::{Checklist, Scope};
use std::collections::{BTreeMap, BTreeSet};

/// The earlier checklist whose IDs imported items take.
#[derive(Debug, Clone)]
pub struct IdsFrom {
    pub checklist: Checklist,
    /// Its digest (`sha256:…`), recorded in the file's first comment.
    pub digest: String,
}

/// What `--ids-from` did, by item ID (new IDs for the imported items, old ones for the
/// earlier checklist's), each list in sheet order or the earlier checklist's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdSummary {
    /// `ID@EDITION` of the earlier checklist.
    pub from: String,
    /// Items whose wording and scope are the same: they took the earlier ID.
    pub same: Vec<String>,
    /// Items with the same number and scope but other wording: (new ID, earlier ID replaced).
    pub reworded: Vec<(String, String)>,
    /// Items with the same number and wording but another scope, one to one: (new ID,
    /// earlier ID replaced).
    pub scope_changed: Vec<(String, String)>,
    /// Items whose English was carried from the earlier item (the same Japanese wording,
    /// character for character, and an English that is a translation, not the Japanese
    /// marked untranslated).
    pub english_carried: Vec<String>,
    /// Sections whose English title was carried (the same Japanese title as an earlier
    /// section's, character for character, with a translation), by section ID.
    pub section_titles_carried: Vec<String>,
    /// Items matched to nothing: they keep the ID the import made.
    pub new: Vec<String>,
    /// Items of the earlier checklist no imported item matched.
    pub not_found: Vec<String>,
}

/// The wording as compared: line breaks inside a cell joined as the import joins them, every
/// white space left out, full-width letters, digits and signs as their ASCII forms, and circled
/// numbers as digits (`①` and `1`, `（１）` and `(1)` compare equal). Nothing else is folded:
/// a changed word, particle or punctuation mark is a changed wording.
pub fn wording_key(text: &str) -> String {
    let mut out = String::new();
    for c in normalise(text).chars() {
        if c.is_whitespace() {
            continue;
        }
        if let Some(n) = circled(c) {
            out.push_str(&n.to_string());
            continue;
        }
        let folded = match u32::from(c) {
            code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        out.push(folded);
    }
    out
}

/// A question without the instruction printed in brackets after its last 「。」 (the gate's
/// 「（「いいえ」の場合、以下の項目は記入不要）」): `text` itself when there is none.
fn without_instruction(text: &str) -> &str {
    let t = text.trim_end();
    let Some(end) = t.rfind('。') else {
        return t;
    };
    let (question, rest) = t.split_at(end + '。'.len_utf8());
    let rest = rest.trim();
    let bracketed = (rest.starts_with('（') || rest.starts_with('('))
        && (rest.ends_with('）') || rest.ends_with(')'));
    if bracketed {
        question
    } else {
        t
    }
}

fn mark(used: &mut [bool], b: usize) {
    if let Some(u) = used.get_mut(b) {
        *u = true;
    }
}

fn scope_set(scope: &[Scope]) -> BTreeSet<Scope> {
    scope.iter().copied().collect()
}

/// What [`assign`] gives, by index into the imported items.
#[derive(Debug, Clone, Default)]
pub(super) struct Assigned {
    pub(super) summary: IdSummary,
    /// The earlier ID each reworded or scope-changed item replaces.
    pub(super) replaces: BTreeMap<usize, String>,
    /// The English carried from the earlier item with the same Japanese wording.
    pub(super) english: BTreeMap<usize, String>,
}

/// The English of an earlier item to carry to an imported one: only where the Japanese is
/// the same, character for character, and the English is a translation (an imported
/// checklist's English is its Japanese marked untranslated: nothing to carry).
fn english_to_carry(item: &ItemFound, earlier: &crate::checklist::Item) -> Option<String> {
    let en = earlier.text.en.trim();
    (item.text == earlier.text.ja
        && !en.is_empty()
        && en != super::output::untranslated(&earlier.text.ja))
    .then(|| earlier.text.en.clone())
}

/// The English titles of earlier sections to carry, by section ID: where a section's title
/// as printed is an earlier section's Japanese title, character for character, and that one
/// has a translation.
pub(super) fn section_english(
    sections: &[super::rows::SectionFound],
    base: &Checklist,
) -> BTreeMap<String, String> {
    sections
        .iter()
        .filter_map(|sec| {
            let title = sec.title.as_deref()?;
            let earlier = base.sections.iter().find(|b| b.title.ja == title)?;
            let en = earlier.title.en.trim();
            (!en.is_empty() && en != super::output::untranslated(title))
                .then(|| (sec.id.clone(), earlier.title.en.clone()))
        })
        .collect()
}

/// Give `items` the IDs of `base` where they match (see the module's doc).
pub(super) fn assign(items: &mut [ItemFound], base: &Checklist) -> Assigned {
    let mut taken: Vec<Option<usize>> = vec![None; items.len()];
    let mut base_used = vec![false; base.items.len()];
    let base_keys: Vec<String> = base.items.iter().map(|b| wording_key(&b.text.ja)).collect();
    let base_scopes: Vec<BTreeSet<Scope>> =
        base.items.iter().map(|b| scope_set(&b.scope)).collect();
    let base_numbers: Vec<String> = base.items.iter().map(|b| comparable(&b.number)).collect();

    // The same wording and scope: the earlier ID. Where several earlier items read the same,
    // the one with the same number first, then the earlier checklist's order.
    for (item, slot) in items.iter().zip(taken.iter_mut()) {
        let key = wording_key(&item.text);
        let scope = scope_set(&item.scope);
        let numbers = [comparable(&item.number), comparable(&item.sectioned)];
        let candidates = || {
            (0..base.items.len()).filter(|&b| {
                !base_used.get(b).copied().unwrap_or(true)
                    && base_keys.get(b) == Some(&key)
                    && base_scopes.get(b) == Some(&scope)
            })
        };
        let chosen = candidates()
            .find(|&b| base_numbers.get(b).is_some_and(|n| numbers.contains(n)))
            .or_else(|| candidates().next());
        if let Some(b) = chosen {
            mark(&mut base_used, b);
            *slot = Some(b);
        }
    }
    // The gate question (医療情報システムの有無) is the earlier checklist's gate whatever its
    // number (`0` there, `0-①` here), its wording compared without the instruction printed
    // after it (「（「いいえ」の場合、以下の項目は記入不要）」), which is no part of the question.
    if let Some(g) = base.items.iter().position(|b| b.gate) {
        for (item, slot) in items.iter().zip(taken.iter_mut()) {
            if !item.gate || slot.is_some() || base_used.get(g).copied().unwrap_or(true) {
                continue;
            }
            let same = base_keys.get(g) == Some(&wording_key(without_instruction(&item.text)))
                && base_scopes.get(g) == Some(&scope_set(&item.scope));
            if same {
                mark(&mut base_used, g);
                *slot = Some(g);
            }
        }
    }
    // The same number and wording, another scope, one to one (one earlier item left over and
    // one imported item left over read so under that number): a new ID replacing the earlier
    // one. Several on either side (one row split into one per device kind, or rows merged)
    // are not told apart: they stay new and not found.
    let numbers_of = |item: &ItemFound| [comparable(&item.number), comparable(&item.sectioned)];
    let keys: Vec<String> = items.iter().map(|i| wording_key(&i.text)).collect();
    let mut rescoped: Vec<Option<usize>> = vec![None; items.len()];
    for i in 0..items.len() {
        let (Some(item), Some(key)) = (items.get(i), keys.get(i)) else {
            continue;
        };
        if taken.get(i).is_some_and(Option::is_some) {
            continue;
        }
        let numbers = numbers_of(item);
        let same_number_and_wording = |b: usize| {
            !base_used.get(b).copied().unwrap_or(true)
                && base_keys.get(b) == Some(key)
                && base_numbers.get(b).is_some_and(|n| numbers.contains(n))
        };
        let earlier: Vec<usize> = (0..base.items.len())
            .filter(|&b| same_number_and_wording(b))
            .collect();
        let [b] = earlier.as_slice() else {
            continue;
        };
        let b = *b;
        let others = items
            .iter()
            .enumerate()
            .filter(|(j, other)| {
                taken.get(*j).is_some_and(Option::is_none)
                    && keys.get(*j) == Some(key)
                    && base_numbers
                        .get(b)
                        .is_some_and(|n| numbers_of(other).contains(n))
            })
            .count();
        if others == 1 {
            mark(&mut base_used, b);
            if let Some(slot) = rescoped.get_mut(i) {
                *slot = Some(b);
            }
        }
    }
    // The same number and scope, other wording: a new ID replacing the earlier one.
    let mut replaced: Vec<Option<usize>> = vec![None; items.len()];
    for (((item, slot), t), s) in items
        .iter()
        .zip(replaced.iter_mut())
        .zip(&taken)
        .zip(&rescoped)
    {
        if t.is_some() || s.is_some() {
            continue;
        }
        let scope = scope_set(&item.scope);
        // The number as printed, or with its section when the sheet prints it bare (①).
        let numbers = [comparable(&item.number), comparable(&item.sectioned)];
        let chosen = (0..base.items.len()).find(|&b| {
            let gates = item.gate && base.items.get(b).is_some_and(|e| e.gate);
            !base_used.get(b).copied().unwrap_or(true)
                && (gates
                    || (base_numbers.get(b).is_some_and(|n| numbers.contains(n))
                        && base_scopes.get(b) == Some(&scope)))
        });
        if let Some(b) = chosen {
            mark(&mut base_used, b);
            *slot = Some(b);
        }
    }

    // IDs: an earlier ID where taken; else the import's, unless that is an ID of the earlier
    // checklist (it would carry another item's answer) or already given: then `-2`, `-3`.
    let base_ids: BTreeSet<&str> = base.items.iter().map(|b| b.id.as_str()).collect();
    let mut reserved: BTreeSet<String> = base_ids.iter().map(|s| (*s).to_owned()).collect();
    reserved.extend(
        items
            .iter()
            .zip(&taken)
            .filter(|(_, t)| t.is_none())
            .map(|(item, _)| item.id.clone()),
    );
    let mut given: BTreeSet<String> = BTreeSet::new();
    let mut summary = IdSummary {
        from: base.full_id(),
        ..IdSummary::default()
    };
    let mut replaces = BTreeMap::new();
    let mut english = BTreeMap::new();
    let earlier = |b: &Option<usize>| b.and_then(|b| base.items.get(b));
    for (i, (((item, t), r), s)) in items
        .iter_mut()
        .zip(&taken)
        .zip(&replaced)
        .zip(&rescoped)
        .enumerate()
    {
        if let Some(en) = earlier(t)
            .or(earlier(s))
            .and_then(|b| english_to_carry(item, b))
        {
            english.insert(i, en);
        }
        if let Some(b) = earlier(t) {
            item.id = b.id.clone();
            given.insert(item.id.clone());
            summary.same.push(item.id.clone());
            if english.contains_key(&i) {
                summary.english_carried.push(item.id.clone());
            }
            continue;
        }
        if base_ids.contains(item.id.as_str()) || given.contains(&item.id) {
            let stem = item.id.clone();
            let free = (2..)
                .map(|n| format!("{stem}-{n}"))
                .find(|id| !reserved.contains(id) && !given.contains(id));
            if let Some(id) = free {
                item.id = id;
            }
        }
        given.insert(item.id.clone());
        if english.contains_key(&i) {
            summary.english_carried.push(item.id.clone());
        }
        match (earlier(s), earlier(r)) {
            (Some(b), _) => {
                replaces.insert(i, b.id.clone());
                summary.scope_changed.push((item.id.clone(), b.id.clone()));
            }
            (None, Some(b)) => {
                replaces.insert(i, b.id.clone());
                summary.reworded.push((item.id.clone(), b.id.clone()));
            }
            (None, None) => summary.new.push(item.id.clone()),
        }
    }
    summary.not_found = base
        .items
        .iter()
        .zip(&base_used)
        .filter(|(_, used)| !**used)
        .map(|(b, _)| b.id.clone())
        .collect();
    Assigned {
        summary,
        replaces,
        english,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(id: &str, number: &str, scope: &[Scope], text: &str) -> ItemFound {
        ItemFound {
            id: id.to_owned(),
            number: number.to_owned(),
            section: number.split('-').next().unwrap_or("1").to_owned(),
            scope: scope.to_vec(),
            scope_cell: None,
            text: text.to_owned(),
            cell: "R8!A1".to_owned(),
            row: 0,
            gate: false,
            bare: None,
            sectioned: number.to_owned(),
        }
    }

    fn fy2025() -> Checklist {
        crate::checklist::Catalog::bundled()
            .unwrap()
            .resolve("mhlw-institution@fy2025", None)
            .unwrap()
            .checklist
            .clone()
    }

    #[test]
    fn scope_tells_items_of_the_same_wording_apart() {
        let text = "利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。";
        let mut items = vec![
            found("s2-04-terminal", "2-④", &[Scope::Terminal], text),
            found("s2-04-server", "2-④", &[Scope::Server], text),
            // The same wording for every device: another scope, so new.
            found("s2-04", "2-(4)", &[Scope::General], text),
        ];
        let Assigned {
            summary, replaces, ..
        } = assign(&mut items, &fy2025());
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            ["access-rights-terminal", "access-rights-server", "s2-04"]
        );
        assert_eq!(summary.new, ["s2-04"]);
        assert!(replaces.is_empty());
        assert!(summary.not_found.contains(&"security-patches".to_owned()));
    }

    #[test]
    fn an_id_of_the_earlier_checklist_is_never_given_to_another_item() {
        let mut base = fy2025();
        // An earlier checklist that was itself imported: its IDs are made from numbers.
        for item in &mut base.items {
            if item.id == "security-patches" {
                item.id = "s2-06".to_owned();
            }
            if item.id == "password-reuse" {
                item.id = "s2-21".to_owned();
            }
        }
        let mut items = vec![
            found("s2-06", "2-(6)", &[Scope::General], "試験用の別の文言。"),
            found("s2-21", "2-㉑", &[Scope::General], "試験用の新しい項目。"),
            found(
                "s2-21-2",
                "2-㉒",
                &[Scope::General],
                "試験用のもう一つの項目。",
            ),
        ];
        let Assigned {
            summary, replaces, ..
        } = assign(&mut items, &base);
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["s2-06-2", "s2-21-3", "s2-21-2"]);
        assert_eq!(replaces.get(&0).map(String::as_str), Some("s2-06"));
        assert_eq!(
            summary.reworded,
            [("s2-06-2".to_owned(), "s2-06".to_owned())]
        );
        assert_eq!(summary.new, ["s2-21-3", "s2-21-2"]);
        assert!(summary.not_found.contains(&"s2-21".to_owned()));
    }

    #[test]
    fn a_scope_change_one_to_one_replaces_the_earlier_item_and_keeps_its_english() {
        // FY2025 2-⑥ is 医療情報システム全般; the same number and wording for servers only.
        let text = "セキュリティパッチ(最新ファームウェアや更新プログラム)を適用している。";
        let base = fy2025();
        let earlier = base.item("security-patches").unwrap();
        assert_eq!(earlier.text.ja, text, "the test copies FY2025's wording");
        let mut items = vec![found("s2-06", "2-⑥", &[Scope::Server], text)];
        let a = assign(&mut items, &base);
        assert_eq!(items[0].id, "s2-06");
        assert_eq!(
            a.summary.scope_changed,
            [("s2-06".to_owned(), "security-patches".to_owned())]
        );
        assert!(a.summary.new.is_empty() && a.summary.reworded.is_empty());
        assert_eq!(
            a.replaces.get(&0).map(String::as_str),
            Some("security-patches")
        );
        assert_eq!(a.english.get(&0), Some(&earlier.text.en));
        assert!(!a.summary.not_found.contains(&"security-patches".to_owned()));
    }

    #[test]
    fn a_row_split_by_scope_is_no_scope_change() {
        let text = "セキュリティパッチ(最新ファームウェアや更新プログラム)を適用している。";
        let mut items = vec![
            found("s2-06-server", "2-⑥", &[Scope::Server], text),
            found("s2-06-terminal", "2-⑥", &[Scope::Terminal], text),
        ];
        let a = assign(&mut items, &fy2025());
        assert!(a.summary.scope_changed.is_empty());
        assert_eq!(a.summary.new, ["s2-06-server", "s2-06-terminal"]);
        assert!(a.summary.not_found.contains(&"security-patches".to_owned()));
        assert!(a.english.is_empty());
    }

    #[test]
    fn english_is_carried_only_for_the_same_japanese() {
        let base = fy2025();
        let manager = base.item("security-manager").unwrap();
        let mut items = vec![
            found("s1-01", "1-①", &[], &manager.text.ja),
            // The same wording once normalised (a full-width space): the same ID, but the
            // Japanese is not the same text, so its English is not carried.
            found(
                "s2-08",
                "2-⑧",
                &[Scope::General],
                "パスワードの使い回しを禁止している。",
            ),
        ];
        items[1].text = base
            .item("password-reuse")
            .unwrap()
            .text
            .ja
            .replacen('を', "を　", 1);
        let a = assign(&mut items, &base);
        assert_eq!(a.summary.same, ["security-manager", "password-reuse"]);
        assert_eq!(a.english.get(&0), Some(&manager.text.en));
        assert_eq!(a.english.get(&1), None);
        assert_eq!(a.summary.english_carried, ["security-manager"]);

        // An earlier checklist that was itself imported: its English is the Japanese marked
        // untranslated, which is not carried as a translation.
        let mut imported = base.clone();
        for item in &mut imported.items {
            item.text.en = super::super::output::untranslated(&item.text.ja);
        }
        let mut items = vec![found("s1-01", "1-①", &[], &manager.text.ja)];
        let a = assign(&mut items, &imported);
        assert_eq!(a.summary.same, ["security-manager"]);
        assert!(a.english.is_empty() && a.summary.english_carried.is_empty());
    }

    #[test]
    fn the_carried_english_is_counted_without_sections_when_none() {
        let say = |sections: usize| {
            crate::tr!(
                crate::checklist::Lang::Ja,
                "import-ids-english-carried",
                from = "a@fy2025",
                items = 3usize,
                sections = sections
            )
        };
        assert!(say(0).starts_with("日本語の文言がa@fy2025とまったく同じ3項目は、"));
        assert!(say(2).contains("3項目と2節の見出しは、"));
    }

    #[test]
    fn wording_keys_fold_widths_spaces_lines_and_circled_numbers() {
        assert_eq!(
            wording_key(
                "パスワードは英数字、記号が混在した８文字以上とし、\n定期的に変更している。"
            ),
            wording_key("パスワードは英数字、記号が混在した8文字以上とし、定期的に変更している。")
        );
        assert_eq!(wording_key("①　ＵＳＢ 機器"), wording_key("1USB機器"));
        assert_eq!(wording_key("（ＭＤＳ／ＳＤＳ）"), wording_key("(MDS/SDS)"));
        assert_ne!(
            wording_key("不要なアカウントを削除している。"),
            wording_key("不要なアカウントを無効にしている。")
        );
        assert_ne!(wording_key("削除している。"), wording_key("削除している"));
    }
}
