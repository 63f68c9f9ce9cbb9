//! `checklist import`: a checklist workbook (XLSX) read into a checklist file.
//!
//! The layout is found, not assumed (see `layout`): the header by its words, items by their
//! printed numbers, sections by their headings, merged cells filled, blank rows skipped. The
//! wording is taken from the cells as it is (line breaks inside a cell joined). The output is
//! deterministic: the same workbook bytes and options give the same file bytes everywhere.
//!
//! This module reads bytes it is given and never prints or writes files.

mod error;
mod grid;
mod layout;
mod number;
pub mod official;

pub use error::{ImportError, SheetClue};
pub use layout::Map;
pub use official::OfficialWorkbook;

use crate::checklist::{Form, Lang, Scope};
use crate::tr;
use grid::Grid;
use layout::Layout;
use number::{lead, normalise, scopes, trailing_scope, Lead, Sub};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// What the user said about the import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The workbook's file name (no folder): recorded as the source.
    pub file_name: String,
    pub id: Option<String>,
    pub edition: Option<String>,
    pub form: Option<Form>,
    pub sheet: Option<String>,
    pub map: Option<Map>,
}

/// How the workbook relates to the official ones medsec knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance {
    /// Its SHA-256 is that of an official workbook.
    Official(OfficialWorkbook),
    /// Named like an official workbook, but another SHA-256: not the published file.
    HashDiffers(OfficialWorkbook),
    /// Any other workbook.
    Other,
}

/// An imported checklist: the file text and what the import found.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The checklist file, TOML.
    pub toml: String,
    /// SHA-256 of the workbook, lower-case hex.
    pub sha256: String,
    /// `ID@EDITION`.
    pub checklist: String,
    /// The cell where the header (or, with `--map`, the text column) starts: `Sheet1!B3`.
    pub header: String,
    /// The layout, as a `--map` would state it.
    pub layout: String,
    pub items: usize,
    pub sections: usize,
    pub provenance: Provenance,
    /// Rows under the header that have text but no number, left out (first cell of each).
    pub skipped: Vec<String>,
}

/// The first bytes of an OLE compound file (encrypted workbooks, old .xls).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Import the workbook in `bytes`.
pub fn import(bytes: &[u8], opts: &ImportOptions) -> Result<Imported, ImportError> {
    let file = opts.file_name.clone();
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ImportError::Encrypted { file });
    }
    let sha256 = hex(&Sha256::digest(bytes));
    let known = official::known().map_err(|e| ImportError::Registry {
        path: e.path,
        reason: e.reason,
    })?;
    let provenance = match official::by_sha256(&known, &sha256) {
        Some(w) => Provenance::Official(w.clone()),
        None => match official::by_file(&known, &file) {
            Some(w) => Provenance::HashDiffers(w.clone()),
            None => Provenance::Other,
        },
    };
    let sheets =
        crate::limits::workbook::read_sheets(bytes).map_err(|error| ImportError::Workbook {
            file: file.clone(),
            error,
        })?;
    let grids = sheets
        .iter()
        .filter(|s| opts.sheet.as_deref().is_none_or(|want| s.name == want))
        .map(|s| {
            Grid::new(s).ok_or_else(|| ImportError::TooManyCells {
                sheet: s.name.clone(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if grids.is_empty() {
        return Err(ImportError::Workbook {
            file,
            error: crate::limits::workbook::WorkbookError::NoSheet {
                wanted: opts.sheet.clone(),
                names: sheets.iter().map(|s| s.name.clone()).collect(),
            },
        });
    }
    let (grid, layout, header) = choose(&grids, opts)?;
    let parsed = parse_rows(grid, &layout)?;
    if parsed.items.is_empty() {
        return Err(ImportError::NoItems {
            header,
            layout: layout::describe(&layout),
        });
    }
    let official = match &provenance {
        Provenance::Official(w) => Some(w),
        _ => None,
    };
    let title = title_of(grid, &layout)
        .or_else(|| official.map(|w| w.title_ja.clone()))
        .unwrap_or_else(|| tr!(Lang::Ja, "workbook-default-title", file = file.as_str()));
    let meta = metadata(opts, official, &title, &file)?;
    let source = format!("workbook:{file}#sha256={sha256}");
    let toml = write(&Output {
        meta: &meta,
        title: &title,
        file: &file,
        sheet: &grid.sheet,
        sha256: &sha256,
        source: &source,
        official,
        parsed: &parsed,
    });
    Ok(Imported {
        toml,
        sha256,
        checklist: format!("{}@{}", meta.id, meta.edition),
        header,
        layout: layout::describe(&layout),
        items: parsed.items.len(),
        sections: parsed.sections.len(),
        provenance,
        skipped: parsed.skipped,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The sheet and layout: from `--map`, else the one sheet whose header is found.
fn choose<'g>(
    grids: &'g [Grid],
    opts: &ImportOptions,
) -> Result<(&'g Grid, Layout, String), ImportError> {
    let mut found = Vec::new();
    let mut clues = Vec::new();
    for g in grids {
        match layout::detect(g) {
            Ok((layout, header)) => found.push((g, layout, header)),
            Err(c) => clues.push(SheetClue {
                sheet: g.sheet.clone(),
                text_cell: c.text_cell.map(|(cell, t)| format!("{cell} {t}")),
                answer_cell: c.answer_cell.map(|(cell, t)| format!("{cell} {t}")),
            }),
        }
    }
    if let Some(map) = &opts.map {
        let grid = match (grids, found.as_slice()) {
            ([only], _) => only,
            (_, [(g, _, _)]) => *g,
            _ => {
                return Err(ImportError::SeveralSheets {
                    sheets: grids.iter().map(|g| g.sheet.clone()).collect(),
                })
            }
        };
        let layout = map.layout();
        let header = grid.name(layout.data_start, layout.text);
        return Ok((grid, layout, header));
    }
    match found.len() {
        0 => Err(ImportError::NoChecklist {
            file: opts.file_name.clone(),
            clues,
        }),
        1 => Ok(found.remove(0)),
        _ => Err(ImportError::SeveralSheets {
            sheets: found.iter().map(|(g, _, _)| g.sheet.clone()).collect(),
        }),
    }
}

/// A section as found: its number and heading (when the sheet prints one).
#[derive(Debug, Clone)]
struct SectionFound {
    id: String,
    title: Option<String>,
}

#[derive(Debug, Clone)]
struct ItemFound {
    id: String,
    number: String,
    section: String,
    scope: Vec<Scope>,
    text: String,
    cell: String,
}

#[derive(Debug, Default)]
struct Parsed {
    sections: Vec<SectionFound>,
    items: Vec<ItemFound>,
    skipped: Vec<String>,
}

impl Parsed {
    fn section(&mut self, id: &str, title: Option<String>) {
        match self.sections.iter_mut().find(|s| s.id == id) {
            Some(s) => {
                if s.title.is_none() {
                    s.title = title;
                }
            }
            None => self.sections.push(SectionFound {
                id: id.to_owned(),
                title,
            }),
        }
    }
}

fn section_id(grid: &Grid, r: usize, c: usize, n: u32) -> Result<String, ImportError> {
    if n > 9 {
        return Err(ImportError::SectionTooLarge {
            cell: grid.name(r, c),
            section: n,
        });
    }
    Ok(n.to_string())
}

/// Read the rows under the header into sections and items.
fn parse_rows(grid: &Grid, layout: &Layout) -> Result<Parsed, ImportError> {
    let mut out = Parsed::default();
    let mut current: Option<String> = None;
    // (number, scopes) -> first cell, to find duplicates.
    let mut seen: BTreeMap<(String, Vec<Scope>), String> = BTreeMap::new();
    let mut subs: Vec<(String, Sub)> = Vec::new();
    for r in layout.data_start..grid.rows.len() {
        let row_empty = grid
            .rows
            .get(r)
            .is_none_or(|row| row.iter().all(|c| c.text.trim().is_empty()));
        if row_empty {
            continue;
        }
        // A section column names the section of every row it covers.
        if let Some(sc) = layout.section {
            let v = normalise(grid.text(r, sc));
            if !v.is_empty() {
                let id = match lead(&v) {
                    Some(Lead::Section { number, rest }) => {
                        let id = section_id(grid, r, sc, number)?;
                        out.section(&id, (!rest.is_empty()).then_some(rest));
                        id
                    }
                    _ => match out.sections.iter().find(|s| s.title.as_deref() == Some(&v)) {
                        Some(s) => s.id.clone(),
                        None => {
                            let id = (out.sections.len() + 1).to_string();
                            out.section(&id, Some(v.clone()));
                            id
                        }
                    },
                };
                current = Some(id);
            }
        }
        let text_cell = grid.cell(r, layout.text).cloned().unwrap_or_default();
        let (number_col, text_col, lead_found, text) = match layout.number {
            Some(nc) => {
                let lead_found = lead(grid.text(r, nc));
                let text = normalise(&text_cell.text);
                let text = match &lead_found {
                    Some(Lead::Item { rest, .. }) if text.is_empty() => rest.clone(),
                    _ => text,
                };
                (nc, layout.text, lead_found, text)
            }
            None => inline_number(grid, layout, r, normalise(&text_cell.text)),
        };
        match lead_found {
            Some(Lead::Item { section, sub, .. }) => {
                // A row inside the same merged number cell continues the item above, unless
                // its scope says it is the same item for another kind of device.
                let continued = grid
                    .cell(r, number_col)
                    .and_then(|c| c.merged_from)
                    .is_some_and(|(r0, _)| r0 < r);
                let scope_cell = layout.scope.map(|sc| (sc, normalise(grid.text(r, sc))));
                let scope_merged = layout
                    .scope
                    .and_then(|sc| grid.cell(r, sc))
                    .is_none_or(|c| c.merged_from.is_some() || c.text.trim().is_empty());
                if continued && scope_merged {
                    continue;
                }
                let section = match section {
                    Some(n) => section_id(grid, r, number_col, n)?,
                    None => current.clone().unwrap_or_else(|| "1".to_owned()),
                };
                out.section(&section, None);
                let number = sub.printed(&section);
                let (text, text_scope) = trailing_scope(&text);
                let scope = match scope_cell {
                    Some((sc, v)) if !v.is_empty() => {
                        scopes(&v).ok_or_else(|| ImportError::UnknownScope {
                            cell: grid.name(r, sc),
                            value: v.clone(),
                        })?
                    }
                    _ => text_scope,
                };
                let cell = grid.name(r, text_col);
                if text.trim().is_empty() {
                    return Err(ImportError::EmptyText { cell, number });
                }
                if !has_japanese(&text) {
                    return Err(ImportError::NotJapanese { cell, number });
                }
                let mut key_scope = scope.clone();
                key_scope.sort();
                let key = (number.clone(), key_scope);
                let here = grid.name(r, number_col);
                if let Some(first) = seen.get(&key) {
                    return Err(ImportError::DuplicateNumber {
                        cell: here,
                        number,
                        first: first.clone(),
                    });
                }
                seen.insert(key, here);
                subs.push((section.clone(), sub));
                out.items.push(ItemFound {
                    id: String::new(),
                    number,
                    section,
                    scope,
                    text,
                    cell,
                });
            }
            Some(Lead::Section { number, rest }) => {
                let id = section_id(grid, r, number_col, number)?;
                let title = if rest.is_empty() { text } else { rest };
                out.section(&id, (!title.is_empty()).then_some(title));
                current = Some(id);
            }
            None => {
                // A heading such as 「1 体制構築」 in the row's first cell.
                let first = grid.rows.get(r).and_then(|row| {
                    row.iter()
                        .enumerate()
                        .find(|(_, c)| !c.text.trim().is_empty())
                });
                match first.map(|(c, cell)| (c, lead(&normalise(&cell.text)))) {
                    Some((c, Some(Lead::Section { number, rest }))) if !rest.is_empty() => {
                        let id = section_id(grid, r, c, number)?;
                        out.section(&id, Some(rest));
                        current = Some(id);
                    }
                    // A bare section number, its heading in the next filled cell right of it.
                    Some((c, Some(Lead::Section { number, .. })))
                        if heading_right_of(grid, r, c).is_some() =>
                    {
                        let id = section_id(grid, r, c, number)?;
                        out.section(&id, heading_right_of(grid, r, c));
                        current = Some(id);
                    }
                    Some((c, _)) if layout.section != Some(c) => {
                        out.skipped.push(grid.name(r, c));
                    }
                    _ => {}
                }
            }
        }
    }
    assign_ids(&mut out.items, &subs);
    Ok(out)
}

/// Without a number column: the number leads the wording (`① …`); or the wording column's
/// header also covers a column of bare numbers, the wording then being just right of them; or
/// the numbers stand in an unnamed column just left of the wording.
/// Gives the number's column, the wording's column, what leads, and the wording.
fn inline_number(
    grid: &Grid,
    layout: &Layout,
    r: usize,
    t: String,
) -> (usize, usize, Option<Lead>, String) {
    let tc = layout.text;
    match lead(&t) {
        Some(Lead::Item { section, sub, rest }) if rest.is_empty() => {
            let right = (tc + 1..tc + 3).find(|&c| has_japanese(grid.text(r, c)));
            let lead = Some(Lead::Item {
                section,
                sub,
                rest: String::new(),
            });
            match right {
                Some(c) => (tc, c, lead, normalise(grid.text(r, c))),
                None => (tc, tc, lead, String::new()),
            }
        }
        Some(Lead::Item { section, sub, rest }) => (
            tc,
            tc,
            Some(Lead::Item {
                section,
                sub,
                rest: rest.clone(),
            }),
            rest,
        ),
        Some(Lead::Section { number, rest }) if !rest.is_empty() => (
            tc,
            tc,
            Some(Lead::Section {
                number,
                rest: rest.clone(),
            }),
            rest,
        ),
        _ => {
            let left = (tc.saturating_sub(2)..tc)
                .rev()
                .find_map(|c| match lead(grid.text(r, c)) {
                    Some(Lead::Item { section, sub, rest }) if rest.is_empty() => {
                        Some((c, section, sub))
                    }
                    _ => None,
                });
            match left {
                Some((c, section, sub)) if !t.is_empty() => (
                    c,
                    tc,
                    Some(Lead::Item {
                        section,
                        sub,
                        rest: String::new(),
                    }),
                    t,
                ),
                _ => (tc, tc, None, t),
            }
        }
    }
}

/// The heading next to a bare section number: the first of the two cells right of it that
/// holds Japanese.
fn heading_right_of(grid: &Grid, r: usize, c: usize) -> Option<String> {
    (c + 1..c + 3)
        .map(|x| grid.text(r, x))
        .find(|t| has_japanese(t))
        .map(normalise)
}

/// Stable IDs from the printed numbers: `s2-06` for 2-⑥ (or 2-(6)); items sharing a number
/// (one row per kind of device) add their scopes, `s2-04-server`; a clash left after that
/// adds `-2`, `-3` in printed order.
fn assign_ids(items: &mut [ItemFound], subs: &[(String, Sub)]) {
    let mut per_number: BTreeMap<String, usize> = BTreeMap::new();
    for item in items.iter() {
        *per_number.entry(item.number.clone()).or_default() += 1;
    }
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    for (item, (section, sub)) in items.iter_mut().zip(subs) {
        let mut id = format!("s{section}-{:02}", sub.value());
        if per_number.get(&item.number).copied().unwrap_or(0) > 1 && !item.scope.is_empty() {
            for s in &item.scope {
                id.push('-');
                id.push_str(s.as_str());
            }
        }
        let n = used.entry(id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            id = format!("{id}-{n}");
        }
        item.id = id;
    }
}

fn has_japanese(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
    })
}

/// The form's title: the first cell above the header that names a checklist (チェックリスト).
fn title_of(grid: &Grid, layout: &Layout) -> Option<String> {
    (0..layout.header_start).find_map(|r| {
        grid.rows.get(r)?.iter().find_map(|c| {
            let t = normalise(&c.text);
            (c.merged_from.is_none() && t.contains("チェックリスト")).then_some(t)
        })
    })
}

/// The checklist's top-level fields.
struct Meta {
    id: String,
    publisher: String,
    edition: String,
    fiscal_year: i32,
    form: Form,
    serves: Vec<String>,
    guideline_version: String,
    source_url: Option<String>,
}

fn metadata(
    opts: &ImportOptions,
    official: Option<&OfficialWorkbook>,
    title: &str,
    file: &str,
) -> Result<Meta, ImportError> {
    let form = opts
        .form
        .or_else(|| official.and_then(|w| Form::parse(&w.form)))
        .unwrap_or(if title.contains("事業者") {
            Form::Vendor
        } else if title.contains("薬局確認用") && !title.contains("医療機関") {
            Form::Pharmacy
        } else {
            Form::Institution
        });
    let edition = match (&opts.edition, official) {
        (Some(e), _) => e.clone(),
        (None, Some(w)) => w.edition.clone(),
        (None, None) => reiwa_year(title)
            .map(|fy| format!("fy{fy}"))
            .ok_or_else(|| ImportError::NoEdition {
                file: file.to_owned(),
            })?,
    };
    let fiscal_year = edition
        .strip_prefix("fy")
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse::<i32>().ok())
        .ok_or_else(|| ImportError::BadEdition {
            edition: edition.clone(),
        })?;
    let publisher_default = official.map_or("mhlw", |w| w.publisher.as_str());
    let id = opts
        .id
        .clone()
        .unwrap_or_else(|| format!("{publisher_default}-{form}"));
    let publisher = id
        .strip_suffix(&format!("-{form}"))
        .filter(|p| !p.is_empty())
        .ok_or_else(|| ImportError::BadId {
            id: id.clone(),
            form: form.to_string(),
        })?
        .to_owned();
    let serves = match (official, form) {
        (Some(w), _) => w.serves.clone(),
        (None, Form::Pharmacy) => vec!["pharmacy".into()],
        (None, _) if title.contains("薬局") => {
            vec!["hospital".into(), "clinic".into(), "pharmacy".into()]
        }
        (None, _) => vec!["hospital".into(), "clinic".into()],
    };
    // Guideline 7.0 came with the FY2026 form; earlier forms derive from 6.0.
    let guideline_version = official.map_or_else(
        || if fiscal_year >= 2026 { "7.0" } else { "6.0" }.to_owned(),
        |w| w.guideline_version.clone(),
    );
    Ok(Meta {
        id,
        publisher,
        edition,
        fiscal_year,
        form,
        serves,
        guideline_version,
        source_url: official.map(|w| w.source_url.clone()),
    })
}

/// The fiscal year of a 「令和N年度」 (digits ASCII or full-width, 元 for 1) in `text`.
fn reiwa_year(text: &str) -> Option<i32> {
    let at = text.find("令和")?;
    let rest = text.get(at + "令和".len()..)?;
    let mut n = 0i32;
    let mut digits = 0;
    let mut chars = rest.chars();
    for c in chars.by_ref() {
        let d = match c {
            '0'..='9' => c as i32 - '0' as i32,
            '０'..='９' => c as i32 - '０' as i32,
            '元' if digits == 0 => {
                digits = 1;
                n = 1;
                break;
            }
            _ => break,
        };
        n = n * 10 + d;
        digits += 1;
        if digits > 2 {
            return None;
        }
    }
    let after: String = rest.chars().skip(digits).take(2).collect();
    (digits > 0 && after == "年度").then_some(2018 + n)
}

struct Output<'a> {
    meta: &'a Meta,
    title: &'a str,
    file: &'a str,
    sheet: &'a str,
    sha256: &'a str,
    source: &'a str,
    official: Option<&'a OfficialWorkbook>,
    parsed: &'a Parsed,
}

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// English for an imported text: the Japanese, marked untranslated (medsec never invents a
/// translation of official wording).
fn untranslated(ja: &str) -> String {
    tr!(Lang::En, "workbook-untranslated", text = ja)
}

fn write(o: &Output<'_>) -> String {
    use std::fmt::Write as _;
    let m = o.meta;
    let mut s = String::new();
    let _ = writeln!(s, "# medsec checklist import: {} {}", o.file, o.sha256);
    let _ = writeln!(s, "format_version = 1");
    let _ = writeln!(s, "id = {}", q(&m.id));
    let _ = writeln!(s, "edition = {}", q(&m.edition));
    let _ = writeln!(s, "fiscal_year = {}", m.fiscal_year);
    let _ = writeln!(s, "form = {}", q(m.form.as_str()));
    let _ = writeln!(s, "publisher = {}", q(&m.publisher));
    let _ = writeln!(s, "guideline_version = {}", q(&m.guideline_version));
    let serves: Vec<String> = m.serves.iter().map(|v| q(v)).collect();
    let _ = writeln!(s, "serves = [{}]", serves.join(", "));
    if let Some(url) = &m.source_url {
        let _ = writeln!(s, "source_url = {}", q(url));
    }
    let _ = writeln!(
        s,
        "\n[title]\nja = {}\nen = {}",
        q(o.title),
        q(&untranslated(o.title))
    );
    let notes = |lang: Lang| {
        let imported = tr!(
            lang,
            "workbook-notes-imported",
            sheet = o.sheet,
            file = o.file,
            sha256 = o.sha256
        );
        let provenance = match o.official {
            Some(w) => tr!(
                lang,
                "workbook-notes-official",
                form = w.form_ja.as_str(),
                published = w.published.as_str()
            ),
            None => tr!(lang, "workbook-notes-unofficial"),
        };
        tr!(
            lang,
            "workbook-notes",
            imported = imported,
            provenance = provenance
        )
    };
    let _ = writeln!(
        s,
        "\n[notes]\nja = {}\nen = {}",
        q(&notes(Lang::Ja)),
        q(&notes(Lang::En))
    );
    for sec in &o.parsed.sections {
        let ja = sec
            .title
            .clone()
            .unwrap_or_else(|| tr!(Lang::Ja, "workbook-default-section"));
        let en = match &sec.title {
            Some(t) => untranslated(t),
            None => tr!(Lang::En, "workbook-default-section"),
        };
        let _ = writeln!(
            s,
            "\n[[sections]]\nid = {}\ntitle = {{ ja = {}, en = {} }}",
            q(&sec.id),
            q(&ja),
            q(&en)
        );
    }
    let guidance_ja = tr!(Lang::Ja, "workbook-guidance");
    let guidance_en = tr!(Lang::En, "workbook-guidance");
    let unverified = tr!(
        Lang::En,
        "workbook-unverified",
        file = o.file,
        sha256 = o.sha256
    );
    for item in &o.parsed.items {
        let _ = writeln!(s, "\n# {}", item.cell);
        let _ = writeln!(s, "[[items]]");
        let _ = writeln!(s, "id = {}", q(&item.id));
        let _ = writeln!(s, "number = {}", q(&item.number));
        let _ = writeln!(s, "section = {}", q(&item.section));
        if !item.scope.is_empty() {
            let scope: Vec<String> = item.scope.iter().map(|x| q(x.as_str())).collect();
            let _ = writeln!(s, "scope = [{}]", scope.join(", "));
        }
        let _ = writeln!(s, "requirement = \"required\"");
        let _ = writeln!(s, "text.ja = {}", q(&item.text));
        let _ = writeln!(s, "text.en = {}", q(&untranslated(&item.text)));
        let _ = writeln!(s, "guidance.ja = {}", q(&guidance_ja));
        let _ = writeln!(s, "guidance.en = {}", q(&guidance_en));
        let _ = writeln!(s, "verified = {}", o.official.is_some());
        let _ = writeln!(s, "sources = [{}]", q(o.source));
        if o.official.is_none() {
            let _ = writeln!(s, "unverified = {}", q(&unverified));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reiwa_years() {
        assert_eq!(reiwa_year("チェックリスト(令和8年度版)"), Some(2026));
        assert_eq!(reiwa_year("令和１０年度"), Some(2028));
        assert_eq!(reiwa_year("令和元年度"), Some(2019));
        assert_eq!(reiwa_year("令和8年6月"), None);
        assert_eq!(reiwa_year("チェックリスト"), None);
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(q("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(q("\u{7}"), "\"\\u0007\"");
    }
}
