//! Checklist changes for people and as JSON.

use super::text::escape_controls as esc;
use crate::checklist::{Lang, Loaded, Origin};
use crate::diff::sides::SideFile;
use crate::diff::{Change, Impact};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// The two checklists, one line per change (impact, code, the item by its number and short
/// title, what changed) and a summary line, in `lang`.
pub fn human(old: &Loaded, new: &Loaded, changes: &[Change], lang: Lang) -> String {
    let mut out = crate::tr!(
        lang,
        "diff-header",
        old = esc(&old.checklist.full_id()).into_owned(),
        old_origin = esc(&origin(old, lang)).into_owned(),
        new = esc(&new.checklist.full_id()).into_owned(),
        new_origin = esc(&origin(new, lang)).into_owned()
    );
    out.push('\n');
    let label = |i: Impact| impact_label(i, lang);
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
    // The same-edition rule is a verdict on the changes, not one more change.
    let counted: Vec<&Change> = changes
        .iter()
        .filter(|c| c.code != crate::diff::BREAKING_SAME_EDITION)
        .collect();
    let count = |i: Impact| counted.iter().filter(|c| c.impact == i).count();
    out.push_str(&crate::tr!(
        lang,
        "diff-summary",
        count = counted.len(),
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
        if c.code == "serves-changed" {
            let kinds = |l: &Loaded| labels(l.checklist.serves.iter().map(|k| k.label(lang)), lang);
            return crate::tr!(
                lang,
                "diff-serves-changed",
                old = kinds(old),
                new = kinds(new)
            );
        }
        return crate::i18n::render(lang, &c.text);
    };
    // Lists of kinds, scopes, rules and probes in the reader's words (the codes stay in JSON).
    if let (Some(before), Some(after)) = (old.checklist.item(id), new.checklist.item(id)) {
        let pair = match c.code {
            "item-scope-changed" => Some((
                "diff-item-scope-changed",
                labels(before.scope.iter().map(|s| s.label(lang)), lang),
                labels(after.scope.iter().map(|s| s.label(lang)), lang),
            )),
            "item-not-applicable-changed" => Some((
                "diff-item-not-applicable-changed",
                labels(
                    before.not_applicable_when.iter().map(|r| r.label(lang)),
                    lang,
                ),
                labels(
                    after.not_applicable_when.iter().map(|r| r.label(lang)),
                    lang,
                ),
            )),
            "item-probes-changed" => Some((
                "diff-item-probes-changed",
                labels(before.probes.iter().map(|p| p.label(lang)), lang),
                labels(after.probes.iter().map(|p| p.label(lang)), lang),
            )),
            _ => None,
        };
        if let Some((message, was, now)) = pair {
            let text = match message {
                "diff-item-scope-changed" => {
                    crate::tr!(lang, "diff-item-scope-changed", old = was, new = now)
                }
                "diff-item-not-applicable-changed" => {
                    crate::tr!(
                        lang,
                        "diff-item-not-applicable-changed",
                        old = was,
                        new = now
                    )
                }
                _ => crate::tr!(lang, "diff-item-probes-changed", old = was, new = now),
            };
            return format!("{}: {text}", after.label(lang));
        }
    }
    // An item removed or taken out of scope is named as the old side asked it; a base item out
    // of scope on both sides (its reason changed) as the own checklist names it.
    let gone = matches!(c.code, "item-removed" | "item-out-of-scope");
    let item = if gone {
        old.checklist
            .named_item(id)
            .or_else(|| new.checklist.named_item(id))
    } else {
        new.checklist
            .named_item(id)
            .or_else(|| old.checklist.named_item(id))
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

/// Labels as a list for people (`病院、診療所`), or `なし` when there are none.
fn labels<'a>(labels: impl Iterator<Item = &'a str>, lang: Lang) -> String {
    let list: Vec<&str> = labels.collect();
    if list.is_empty() {
        return crate::tr!(lang, "diff-list-none");
    }
    list.join(&crate::tr!(lang, "common-list-separator"))
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

/// Text safe in one Markdown table cell or heading: controls escaped, `|` and `\` escaped,
/// `<` and `>` as entities (a pull-request comment renders HTML). Backquotes in pairs are the
/// catalog's code spans (内蔵:`checklists/…`) and stay; a lone one is escaped.
fn md(text: &str) -> String {
    let spans = text.matches('`').count() % 2 == 0;
    let mut out = String::new();
    for c in esc(text).chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '`' if !spans => out.push_str("\\`"),
            c => out.push(c),
        }
    }
    out
}

fn impact_label(i: Impact, lang: Lang) -> String {
    match i {
        Impact::Breaking => crate::tr!(lang, "diff-impact-breaking"),
        Impact::Review => crate::tr!(lang, "diff-impact-review"),
        Impact::Minor => crate::tr!(lang, "diff-impact-minor"),
    }
}

/// One pair as a Markdown section: a heading naming both sides and a table of changes.
fn markdown_pair(old: &Loaded, new: &Loaded, changes: &[Change], lang: Lang) -> String {
    let mut out = format!(
        "### {}\n\n",
        crate::tr!(
            lang,
            "diff-md-header",
            old = md(&old.checklist.full_id()),
            old_origin = md(&origin(old, lang)),
            new = md(&new.checklist.full_id()),
            new_origin = md(&origin(new, lang))
        )
    );
    if changes.is_empty() {
        out.push_str(&crate::tr!(lang, "diff-ci-md-no-changes"));
        out.push_str("\n\n");
        return out;
    }
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        crate::tr!(lang, "diff-ci-md-impact"),
        crate::tr!(lang, "diff-md-code"),
        crate::tr!(lang, "diff-ci-md-change")
    ));
    for c in changes {
        let impact = impact_label(c.impact, lang);
        let impact = if c.impact == Impact::Breaking {
            format!("**{impact}**")
        } else {
            impact
        };
        out.push_str(&format!(
            "| {impact} | `{}` | {} |\n",
            c.code,
            md(&description(old, new, c, lang))
        ));
    }
    // The same-edition rule is a verdict on the changes, not one more change.
    let counted: Vec<&Change> = changes
        .iter()
        .filter(|c| c.code != crate::diff::BREAKING_SAME_EDITION)
        .collect();
    let count = |i: Impact| counted.iter().filter(|c| c.impact == i).count();
    out.push('\n');
    out.push_str(&crate::tr!(
        lang,
        "diff-summary",
        count = counted.len(),
        breaking = count(Impact::Breaking),
        review = count(Impact::Review),
        minor = count(Impact::Minor)
    ));
    out.push_str("\n\n");
    out
}

/// Two checklists as Markdown, for a pull-request comment.
pub fn markdown(old: &Loaded, new: &Loaded, changes: &[Change], lang: Lang) -> String {
    format!(
        "## {}\n\n{}",
        crate::tr!(lang, "diff-ci-md-title"),
        markdown_pair(old, new, changes, lang)
    )
}

/// The files of two folders or revisions: each pair compared, then added and removed files.
pub struct FileSet<'a> {
    pub pairs: Vec<(&'a SideFile, &'a SideFile, Vec<Change>)>,
    pub added: &'a [SideFile],
    pub removed: &'a [SideFile],
}

fn file_line(id: &'static str, f: &SideFile, lang: Lang) -> String {
    let checklist = f.loaded.checklist.full_id();
    match id {
        "added" => crate::tr!(
            lang,
            "diff-ci-file-added",
            place = f.place.as_str(),
            checklist = checklist
        ),
        _ => crate::tr!(
            lang,
            "diff-ci-file-removed",
            place = f.place.as_str(),
            checklist = checklist
        ),
    }
}

fn files_summary(set: &FileSet<'_>, lang: Lang) -> String {
    crate::tr!(
        lang,
        "diff-ci-files-summary",
        pairs = set.pairs.len(),
        added = set.added.len(),
        removed = set.removed.len()
    )
}

/// Every pair as [`human`] does it, then added and removed files and a summary line.
pub fn human_files(set: &FileSet<'_>, lang: Lang) -> String {
    let mut out = String::new();
    // Unchanged files are counted in the summary, not listed.
    for (old, new, changes) in set.pairs.iter().filter(|(_, _, c)| !c.is_empty()) {
        out.push_str(&human(&old.loaded, &new.loaded, changes, lang));
        out.push('\n');
    }
    for f in set.added {
        out.push_str(&esc(&file_line("added", f, lang)));
        out.push('\n');
    }
    for f in set.removed {
        out.push_str(&esc(&file_line("removed", f, lang)));
        out.push('\n');
    }
    out.push_str(&files_summary(set, lang));
    out.push('\n');
    out
}

/// Every pair as a Markdown section, then added and removed files.
pub fn markdown_files(set: &FileSet<'_>, lang: Lang) -> String {
    let mut out = format!("## {}\n\n", crate::tr!(lang, "diff-ci-md-title"));
    for (old, new, changes) in set.pairs.iter().filter(|(_, _, c)| !c.is_empty()) {
        out.push_str(&markdown_pair(&old.loaded, &new.loaded, changes, lang));
    }
    for f in set.added {
        out.push_str(&format!("- {}\n", md(&file_line("added", f, lang))));
    }
    for f in set.removed {
        out.push_str(&format!("- {}\n", md(&file_line("removed", f, lang))));
    }
    if !set.added.is_empty() || !set.removed.is_empty() {
        out.push('\n');
    }
    out.push_str(&files_summary(set, lang));
    out.push('\n');
    out
}

/// `{"files": [{old, new, changes}], "added": [...], "removed": [...]}`; each side with its
/// place (path or `REV:PATH`).
pub fn json_files(set: &FileSet<'_>) -> String {
    #[derive(Serialize)]
    struct Side<'a> {
        place: &'a str,
        id: &'a str,
        edition: &'a str,
        digest: &'a str,
    }
    #[derive(Serialize)]
    struct Pair<'a> {
        old: Side<'a>,
        new: Side<'a>,
        changes: &'a [Change],
    }
    #[derive(Serialize)]
    struct Out<'a> {
        files: Vec<Pair<'a>>,
        added: Vec<Side<'a>>,
        removed: Vec<Side<'a>>,
    }
    fn side(f: &SideFile) -> Side<'_> {
        Side {
            place: &f.place,
            id: &f.loaded.checklist.id,
            edition: &f.loaded.checklist.edition,
            digest: &f.loaded.digest,
        }
    }
    super::json(&Out {
        files: set
            .pairs
            .iter()
            .map(|(o, n, changes)| Pair {
                old: side(o),
                new: side(n),
                changes,
            })
            .collect(),
        added: set.added.iter().map(side).collect(),
        removed: set.removed.iter().map(side).collect(),
    })
}
