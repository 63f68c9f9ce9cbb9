//! What `checklist show` adds for an own checklist: the checklist it extends (with its digest)
//! and the base items it leaves out, shown as 対象外 with the reason.

use super::text::escape_controls as esc;
use crate::checklist::{Checklist, Lang, OutOfScope};

/// The heading line naming the base: `拡張元: mhlw-institution@fy2025(sha256:…)`, as label,
/// identifier and the words after it.
pub fn heading(c: &Checklist, lang: Lang) -> Vec<(String, String, String)> {
    let Some(e) = &c.extends else {
        return Vec::new();
    };
    let (code, text) = match &e.resolved {
        Some(b) => (esc(&b.full_id()).into_owned(), lang.aside(&esc(&b.digest))),
        None => (esc(&e.base).into_owned(), String::new()),
    };
    vec![(crate::tr!(lang, "checklist-extends-show-base"), code, text)]
}

/// The base items left out, one row each: number and title, 対象外, the reason.
fn rows(out_of_scope: &[OutOfScope], lang: Lang) -> Vec<[String; 3]> {
    out_of_scope
        .iter()
        .map(|o| {
            [
                esc(&o.label(lang)).into_owned(),
                crate::tr!(lang, "checklist-extends-show-out-of-scope"),
                esc(o.reason.get(lang)).into_owned(),
            ]
        })
        .collect()
}

fn out_of_scope_of(c: &Checklist) -> &[OutOfScope] {
    c.extends
        .as_ref()
        .map_or(&[][..], |e| e.out_of_scope.as_slice())
}

fn columns(lang: Lang) -> [String; 3] {
    [
        crate::tr!(lang, "render-show-item"),
        crate::tr!(lang, "render-show-status"),
        crate::tr!(lang, "checklist-extends-show-reason"),
    ]
}

/// The out-of-scope table under the items (empty when nothing is left out).
pub fn out_of_scope_table(c: &Checklist, lang: Lang) -> String {
    list_table(&base_name(c), out_of_scope_of(c), lang)
}

/// A heading naming `base` and a table of the items left out (empty when none is); `status`
/// shows it under a form's progress.
pub fn list_table(base: &str, out_of_scope: &[OutOfScope], lang: Lang) -> String {
    let rows = rows(out_of_scope, lang);
    if rows.is_empty() {
        return String::new();
    }
    let [a, b, r] = columns(lang);
    let mut t = super::table(vec![&a, &b, &r]);
    for row in rows {
        t.add_row(row.to_vec());
    }
    format!(
        "{}\n{t}\n",
        crate::tr!(
            lang,
            "checklist-extends-show-heading",
            base = esc(base).into_owned()
        )
    )
}

/// The same as a Markdown section.
pub fn out_of_scope_markdown(c: &Checklist, lang: Lang) -> String {
    let rows = rows(out_of_scope_of(c), lang);
    if rows.is_empty() {
        return String::new();
    }
    let [a, b, r] = columns(lang);
    let mut out = format!(
        "\n## {}\n\n| {a} | {b} | {r} |\n|---|---|---|\n",
        crate::tr!(lang, "checklist-extends-show-heading", base = base_name(c))
    );
    for row in rows {
        let cells: Vec<String> = row.iter().map(|s| s.replace('|', "\\|")).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

fn base_name(c: &Checklist) -> String {
    c.extends
        .as_ref()
        .map(|e| e.base.clone())
        .unwrap_or_default()
}
