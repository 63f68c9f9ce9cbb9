//! `checklist import --ids-from ID@EDITION`: imported items take the stable IDs of an earlier
//! checklist, so that `init --from` carries last year's answers into a form read from a
//! workbook.
//!
//! Only what the two sheets show is compared, never a mapping medsec holds: an item whose
//! wording (normalised, see [`wording_key`]) and scope equal an earlier item's takes its ID; an
//! item whose printed number and scope equal an earlier item's but whose wording differs gets
//! a new ID that `replaces` the earlier one; every other item keeps the ID the import made.
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

fn mark(used: &mut [bool], b: usize) {
    if let Some(u) = used.get_mut(b) {
        *u = true;
    }
}

fn scope_set(scope: &[Scope]) -> BTreeSet<Scope> {
    scope.iter().copied().collect()
}

/// Give `items` the IDs of `base` where they match (see the module's doc). Returns the
/// summary and, by index into `items`, the earlier ID each reworded item replaces.
pub(super) fn assign(
    items: &mut [ItemFound],
    base: &Checklist,
) -> (IdSummary, BTreeMap<usize, String>) {
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
    // The same number and scope, other wording: a new ID replacing the earlier one.
    let mut replaced: Vec<Option<usize>> = vec![None; items.len()];
    for ((item, slot), t) in items.iter().zip(replaced.iter_mut()).zip(&taken) {
        if t.is_some() {
            continue;
        }
        let scope = scope_set(&item.scope);
        // The number as printed, or with its section when the sheet prints it bare (①).
        let numbers = [comparable(&item.number), comparable(&item.sectioned)];
        let chosen = (0..base.items.len()).find(|&b| {
            !base_used.get(b).copied().unwrap_or(true)
                && base_numbers.get(b).is_some_and(|n| numbers.contains(n))
                && base_scopes.get(b) == Some(&scope)
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
    let earlier = |b: &Option<usize>| b.and_then(|b| base.items.get(b));
    for (i, ((item, t), r)) in items.iter_mut().zip(&taken).zip(&replaced).enumerate() {
        if let Some(b) = earlier(t) {
            item.id = b.id.clone();
            given.insert(item.id.clone());
            summary.same.push(item.id.clone());
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
        match earlier(r) {
            Some(b) => {
                replaces.insert(i, b.id.clone());
                summary.reworded.push((item.id.clone(), b.id.clone()));
            }
            None => summary.new.push(item.id.clone()),
        }
    }
    summary.not_found = base
        .items
        .iter()
        .zip(&base_used)
        .filter(|(_, used)| !**used)
        .map(|(b, _)| b.id.clone())
        .collect();
    (summary, replaces)
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
        let (summary, replaces) = assign(&mut items, &fy2025());
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
        let (summary, replaces) = assign(&mut items, &base);
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
