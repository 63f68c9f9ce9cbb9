//! Checklists for people (tables, Markdown) and scripts (JSON).

use super::text::escape_controls as esc;
use crate::checklist::{Checklist, Lang, Listed, Loaded};
use crate::dates::wareki_fiscal_year;
use serde::Serialize;

/// One row of `checklist list --format json`.
#[derive(Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    edition: &'a str,
    fiscal_year: i16,
    form: &'a str,
    title: Title<'a>,
    guideline_version: &'a str,
    serves: Vec<&'a str>,
    items: usize,
    unverified: usize,
    digest: &'a str,
    origin: String,
}

/// A title as [`crate::checklist::Text`] serializes it.
#[derive(Serialize)]
struct Title<'a> {
    ja: &'a str,
    en: &'a str,
}

pub fn list_json(entries: &[Listed<'_>]) -> String {
    let rows: Vec<ListEntry> = entries
        .iter()
        .map(|l| ListEntry {
            id: l.summary.id,
            edition: l.summary.edition,
            fiscal_year: l.summary.fiscal_year,
            form: l.summary.form.as_str(),
            title: Title {
                ja: l.summary.title_ja,
                en: l.summary.title_en,
            },
            guideline_version: l.summary.guideline_version,
            serves: l.summary.serves.iter().map(|s| s.as_str()).collect(),
            items: l.summary.items,
            unverified: l.summary.unverified,
            digest: l.summary.digest,
            origin: l.origin.describe(),
        })
        .collect();
    super::json(&rows)
}

fn short_digest(digest: &str) -> &str {
    digest.get(..17).unwrap_or(digest)
}

pub fn list_table(entries: &[Listed<'_>], lang: Lang) -> String {
    let header: Vec<String> = [
        crate::tr!(lang, "render-list-id"),
        crate::tr!(lang, "render-list-edition"),
        crate::tr!(lang, "rules-data-list-guideline"),
        crate::tr!(lang, "render-list-form"),
        crate::tr!(lang, "render-list-items"),
        crate::tr!(lang, "render-list-unverified"),
        crate::tr!(lang, "render-list-digest"),
        crate::tr!(lang, "render-list-origin"),
    ]
    .into();
    let mut t = super::table(header.iter().map(String::as_str).collect());
    for l in entries {
        let c = &l.summary;
        let origin = match &l.origin {
            crate::checklist::Origin::Bundled(_) => crate::tr!(lang, "render-origin-bundled"),
            crate::checklist::Origin::File(p) => esc(&p.display().to_string()).into_owned(),
        };
        t.add_row(vec![
            esc(c.id).into_owned(),
            // As show and status print them (令和7年度版, 第6.0版); JSON keeps the IDs. The
            // edition names its fiscal year (they must agree), so it has no column of its own.
            esc(&super::summary::edition_for_people(c.edition, lang)).into_owned(),
            guideline_for_people(c.guideline_version, lang),
            c.form.label_serving(c.serves, lang),
            c.items.to_string(),
            c.unverified.to_string(),
            format!("{}…", short_digest(c.digest)),
            origin,
        ]);
    }
    format!("{t}\n")
}

/// A guideline version as the show screen prints it (第6.0版 / 6.0); none stays empty.
fn guideline_for_people(version: &str, lang: Lang) -> String {
    if version.is_empty() {
        return String::new();
    }
    let version = esc(version).into_owned();
    crate::tr!(lang, "render-guideline-version", version = version)
}

/// `checklist show --format json`: the checklist with its digest and origin.
pub fn show_json(loaded: &Loaded) -> String {
    #[derive(Serialize)]
    struct Shown<'a> {
        #[serde(flatten)]
        checklist: &'a Checklist,
        digest: &'a str,
        origin: String,
    }
    super::json(&Shown {
        checklist: &loaded.checklist,
        digest: &loaded.digest,
        origin: loaded.origin.describe(),
    })
}

/// A fiscal year for people: 令和7年度, FY2025.
fn fiscal_year(year: i16, lang: Lang) -> String {
    crate::tr!(
        lang,
        "render-fiscal-year",
        wareki = wareki_fiscal_year(year),
        year = year
    )
}

struct Words {
    number: String,
    scope: String,
    item: String,
    status: String,
    unverified_mark: String,
    edition: String,
    guideline: String,
    digest: String,
    serves: String,
}

fn words(lang: Lang) -> Words {
    Words {
        number: crate::tr!(lang, "render-show-number"),
        scope: crate::tr!(lang, "render-show-scope"),
        item: crate::tr!(lang, "render-show-item"),
        status: crate::tr!(lang, "render-show-status"),
        unverified_mark: crate::tr!(lang, "render-show-unverified-mark"),
        edition: crate::tr!(lang, "render-show-edition"),
        guideline: crate::tr!(lang, "render-show-guideline"),
        digest: crate::tr!(lang, "render-show-digest"),
        serves: crate::tr!(lang, "render-show-serves"),
    }
}

/// One line of the heading: a label, an identifier (shown as code in Markdown) and the words
/// after it.
struct HeadRow {
    label: String,
    code: String,
    text: String,
}

impl HeadRow {
    fn text(label: String, text: String) -> Self {
        HeadRow {
            label,
            code: String::new(),
            text,
        }
    }
}

fn heading(loaded: &Loaded, lang: Lang, w: &Words) -> Vec<HeadRow> {
    let c = &loaded.checklist;
    let fy = fiscal_year(c.fiscal_year, lang);
    let serves = c
        .serves
        .iter()
        .map(|s| s.label(lang))
        .collect::<Vec<_>>()
        .join(&crate::tr!(lang, "common-list-separator"));
    let mut rows = vec![
        HeadRow {
            label: w.edition.clone(),
            code: esc(&c.full_id()).into_owned(),
            text: lang.aside(&format!(
                "{fy}{}{}",
                crate::tr!(lang, "common-list-separator"),
                c.form_label(lang)
            )),
        },
        HeadRow::text(
            w.guideline.clone(),
            guideline_for_people(&c.guideline_version, lang),
        ),
        HeadRow::text(w.serves.clone(), serves),
        HeadRow {
            label: w.digest.clone(),
            code: esc(&loaded.digest).into_owned(),
            text: String::new(),
        },
    ];
    // The edition's fill-in rules, where the file states them.
    if let Some(r) = &c.rules {
        let next_year = r.next_year_target.map_or_else(String::new, |t| {
            crate::tr!(lang, "rules-data-show-next-year", window = t.label(lang))
        });
        rows.push(HeadRow::text(
            crate::tr!(lang, "rules-data-show-rules"),
            crate::tr!(
                lang,
                "rules-data-show-rules-value",
                checked_on = r.checked_on.label(lang),
                target = r.target_date.label(lang),
                next_year = next_year,
                round_2 = r.round_2.label(lang),
                gate = r.gate.label(lang)
            ),
        ));
    }
    rows.extend(
        super::extends::heading(c, lang)
            .into_iter()
            .map(|(label, code, text)| HeadRow { label, code, text }),
    );
    rows
}

/// What the unverified mark means, naming what the wording is yet to be checked against (the
/// official PDF, or the workbook the checklist was imported from).
fn legend(c: &crate::checklist::Checklist, lang: Lang) -> String {
    crate::tr!(
        lang,
        "render-show-legend",
        against = c.checked_against().label(lang)
    )
}

fn item_text(item: &crate::checklist::Item, lang: Lang, w: &Words) -> String {
    let mut text = esc(item.text.get(lang)).into_owned();
    if !item.verified {
        text = format!("{text} {}", w.unverified_mark);
    }
    text
}

pub fn show_table(loaded: &Loaded, lang: Lang) -> String {
    let c = &loaded.checklist;
    let w = words(lang);
    let mut out = format!("{}\n", esc(c.title.get(lang)));
    for row in heading(loaded, lang, &w) {
        out.push_str(&format!("{}: {}{}\n", row.label, row.code, row.text));
    }
    let mut t = super::table(vec![&w.number, &w.scope, &w.item, &w.status]);
    for item in &c.items {
        t.add_row(vec![
            esc(&item.number).into_owned(),
            esc(&item.scope_label(lang)).into_owned(),
            item_text(item, lang, &w),
            item.requirement.label(lang).to_owned(),
        ]);
    }
    out.push_str(&format!("{t}\n"));
    out.push_str(&super::extends::out_of_scope_table(c, lang));
    if c.unverified_count() > 0 {
        out.push_str(&legend(c, lang));
        out.push('\n');
    }
    out
}

pub fn show_markdown(loaded: &Loaded, lang: Lang) -> String {
    let c = &loaded.checklist;
    let w = words(lang);
    let mut out = format!("# {}\n\n", md(c.title.get(lang)));
    for row in heading(loaded, lang, &w) {
        let code = if row.code.is_empty() {
            String::new()
        } else {
            super::templates::markdown_code(&row.code, false)
        };
        out.push_str(&format!("- {}: {code}{}\n", row.label, md(&row.text)));
    }
    for section in &c.sections {
        let items: Vec<_> = c.items.iter().filter(|i| i.section == section.id).collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n## {} {}\n\n",
            md(&section.id),
            md(section.title.get(lang))
        ));
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n|---|---|---|---|\n",
            w.number, w.scope, w.item, w.status
        ));
        for item in items {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                md_cell(&item.number),
                md_cell(&item.scope_label(lang)),
                md_item_text(item, lang, &w),
                item.requirement.label(lang)
            ));
        }
    }
    out.push_str(&super::extends::out_of_scope_markdown(c, lang));
    if c.unverified_count() > 0 {
        out.push_str(&format!("\n{}\n", legend(c, lang)));
    }
    out
}

/// Text shown as written in Markdown: controls (line breaks included) shown escaped, then
/// every character with a meaning in Markdown or HTML (`|`, `*`, `_`, `<`, backticks…)
/// backslash-escaped, so cell text cannot break the table or format itself.
fn md(s: &str) -> String {
    super::templates::escape_markdown(&esc(s))
}

/// A Markdown table cell.
fn md_cell(s: &str) -> String {
    md(s)
}

/// An item's wording for a Markdown cell, with the unverified mark after it.
fn md_item_text(item: &crate::checklist::Item, lang: Lang, w: &Words) -> String {
    let text = md(item.text.get(lang));
    if item.verified {
        text
    } else {
        format!("{text} {}", w.unverified_mark)
    }
}
