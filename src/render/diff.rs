//! Checklist changes for people and as JSON.

use super::text::escape_controls as esc;
use crate::checklist::{Lang, Loaded, Origin};
use crate::diff::{Change, Impact};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// The two checklists, one line per change (impact, code, the item by its number and short
/// title, what changed) and a summary line, in `lang`.
pub fn human(old: &Loaded, new: &Loaded, changes: &[Change], lang: Lang) -> String {
    let mut out = format!(
        "{} ({}) -> {} ({})\n",
        esc(&old.checklist.full_id()),
        esc(&origin(old, lang)),
        esc(&new.checklist.full_id()),
        esc(&origin(new, lang))
    );
    let label = |i: Impact| match i {
        Impact::Breaking => crate::tr!(lang, "diff-impact-breaking"),
        Impact::Review => crate::tr!(lang, "diff-impact-review"),
        Impact::Minor => crate::tr!(lang, "diff-impact-minor"),
    };
    let width = [Impact::Breaking, Impact::Review, Impact::Minor]
        .into_iter()
        .map(|i| label(i).width())
        .max()
        .unwrap_or(0);
    for c in changes {
        let impact = label(c.impact);
        let pad = " ".repeat(width.saturating_sub(impact.width()));
        out.push_str(&format!(
            "{pad}{impact} [{}] {}\n",
            c.code,
            esc(&description(old, new, c, lang))
        ));
    }
    let count = |i: Impact| changes.iter().filter(|c| c.impact == i).count();
    out.push_str(&crate::tr!(
        lang,
        "diff-summary",
        count = changes.len(),
        breaking = count(Impact::Breaking),
        review = count(Impact::Review),
        minor = count(Impact::Minor)
    ));
    out.push('\n');
    out
}

fn origin(l: &Loaded, lang: Lang) -> String {
    match &l.origin {
        Origin::Bundled(p) => crate::tr!(lang, "render-origin-bundled-path", path = (*p)),
        Origin::File(p) => p.display().to_string(),
    }
}

/// What changed, in `lang`: an item is named by its label (number and short title), never by
/// its ID.
fn description(old: &Loaded, new: &Loaded, c: &Change, lang: Lang) -> String {
    let Some(id) = &c.item else {
        return crate::i18n::render(lang, &c.text);
    };
    let removed = c.code == "item-removed";
    let item = if removed {
        old.checklist.item(id)
    } else {
        new.checklist.item(id)
    };
    let Some(item) = item else {
        return crate::i18n::render(lang, &c.text);
    };
    let text = if c.code == "item-replaced" {
        let sep = crate::tr!(lang, "common-list-separator");
        let replaced = item
            .replaces
            .iter()
            .filter_map(|r| old.checklist.item(r))
            .map(|r| r.label(lang))
            .collect::<Vec<_>>()
            .join(&sep);
        crate::tr!(lang, "diff-item-replaced", replaced = replaced)
    } else {
        crate::i18n::render(lang, &c.text)
    };
    format!("{}: {text}", item.label(lang))
}

pub fn json(old: &Loaded, new: &Loaded, changes: &[Change]) -> String {
    #[derive(Serialize)]
    struct Side<'a> {
        id: &'a str,
        edition: &'a str,
        digest: &'a str,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        old: Side<'a>,
        new: Side<'a>,
        changes: &'a [Change],
    }
    fn side(l: &Loaded) -> Side<'_> {
        Side {
            id: &l.checklist.id,
            edition: &l.checklist.edition,
            digest: &l.digest,
        }
    }
    super::json(&Out {
        old: side(old),
        new: side(new),
        changes,
    })
}
