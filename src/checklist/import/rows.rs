//! The rows under the header read into sections and items, with their stable IDs.

use super::error::ImportError;
use super::grid::Grid;
use super::layout::{GateSpec, Layout};
use super::number::{lead, lead_in_number_column, normalise, scopes, trailing_scope, Lead, Sub};
use crate::checklist::Scope;
use std::collections::BTreeMap;

/// A section as found: its number and heading (when the sheet prints one).
#[derive(Debug, Clone)]
pub(super) struct SectionFound {
    pub(super) id: String,
    pub(super) title: Option<String>,
}

#[derive(Debug, Clone)]
pub(super) struct ItemFound {
    pub(super) id: String,
    pub(super) number: String,
    pub(super) section: String,
    pub(super) scope: Vec<Scope>,
    /// The cell the scope was read from: the scope column's, or the wording's for a label in
    /// the text; `None` without a scope.
    pub(super) scope_cell: Option<String>,
    pub(super) text: String,
    pub(super) cell: String,
    /// The 0-based row.
    pub(super) row: usize,
    /// The gate question (医療情報システムの有無).
    pub(super) gate: bool,
    /// The number as the sheet prints it when it prints no section in it (`①`, `(3)`, `3`).
    pub(super) bare: Option<String>,
    /// The number with its section (`2-①`), whether or not `number` keeps it.
    pub(super) sectioned: String,
}

/// How the gate question (医療情報システムの有無) was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) enum GateFound {
    /// Not found: the form may not print one, or prints it where it cannot be told.
    #[default]
    NotFound,
    /// Found by its place and wording; the cell of its wording.
    Detected { cell: String },
    /// A numbered item whose wording says the rest need not be filled in when it is answered
    /// いいえ (「「いいえ」の場合、以下のチェック項目は記入不要」); the cell of its wording.
    Instructed { cell: String },
    /// Named by `--map gate=`; the cell of its wording and the value as written.
    Mapped { cell: String, value: String },
    /// `--map gate=none`: the form has none.
    StatedNone,
}

#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub(super) sections: Vec<SectionFound>,
    pub(super) items: Vec<ItemFound>,
    pub(super) skipped: Vec<String>,
    pub(super) gate: GateFound,
}

/// The ID of a gate question found without a number of its own (the bundled editions' ID).
pub(super) const GATE_ID: &str = "medical-information-system";

/// The wording that marks the gate question, as the facts describe it (R6 manual: heading
/// 「医療情報システムの有無」, question 「医療情報システムを導入、運用している。」).
const SYSTEM: &str = "医療情報システム";

/// A question about whether a medical information system is in use: a sentence naming
/// 医療情報システム with 導入, 運用 or 有無.
fn asks_about_system(text: &str) -> bool {
    text.contains(SYSTEM) && ["導入", "運用", "有無"].iter().any(|w| text.contains(w))
}

/// Wording that says the other items need not be filled in when this one is answered いいえ:
/// いいえ, a word for the rest (以下, 以降, ほか/他の, 残り, すべて/全て) and one for not needed
/// (不要, 必要ありません/必要はありません, 要しません). The words of the real FY2026 sheet were not
/// seen; these are the ways the R6 manual (「以下すべての項目は確認不要です」) and forms like it
/// say it (docs/checklist-format.md, "Gate question").
fn switches_the_rest_off(text: &str) -> bool {
    const REST: &[&str] = &["以下", "以降", "ほか", "他の", "残り", "すべて", "全て"];
    const NOT_NEEDED: &[&str] = &["不要", "必要ありません", "必要はありません", "要しません"];
    text.contains("いいえ")
        && REST.iter().any(|w| text.contains(w))
        && NOT_NEEDED.iter().any(|w| text.contains(w))
}

/// A note such as 「※ 本チェックリストは立入検査時に確認します。」: never a heading or an item.
fn is_note(text: &str) -> bool {
    text.starts_with(['※', '注', '＊', '*'])
}

/// The gate's heading (「医療情報システムの有無」): short, no sentence.
fn is_gate_heading(text: &str) -> bool {
    text.contains(SYSTEM)
        && text.contains("有無")
        && !text.contains('。')
        && text.chars().count() <= 40
}

/// The wording of a row without an item number that could be the gate question: the wording
/// column's text (or the row's first Japanese text), never a note (「※…」). When `strict`,
/// only a sentence (「。」) not merged across the answer columns (an instruction is).
fn gate_wording(
    grid: &Grid,
    layout: &Layout,
    r: usize,
    text: &str,
    answer_cols: &[usize],
    strict: bool,
) -> Option<(usize, String)> {
    let row = grid.rows.get(r)?;
    let (col, wording) = if has_japanese(text) {
        (layout.text, text.to_owned())
    } else {
        row.iter()
            .enumerate()
            .find(|(_, c)| has_japanese(&c.text))
            .map(|(c, cell)| (c, normalise(&cell.text)))?
    };
    let note = wording.starts_with(['※', '注', '＊', '*']);
    if !strict {
        return (!note).then_some((col, wording));
    }
    let origin = grid
        .cell(r, col)
        .and_then(|c| c.merged_from)
        .unwrap_or((r, col));
    let spans_answers = answer_cols
        .iter()
        .any(|&ac| ac == origin.1 || grid.cell(r, ac).and_then(|c| c.merged_from) == Some(origin));
    (!note && wording.contains('。') && !spans_answers).then_some((col, wording))
}

/// The next row after `r` with any text.
fn next_filled_row(grid: &Grid, r: usize) -> Option<usize> {
    (r + 1..grid.rows.len()).find(|&x| {
        grid.rows
            .get(x)
            .is_some_and(|row| row.iter().any(|c| !c.text.trim().is_empty()))
    })
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

/// Read the rows under the header into sections and items. The gate question is where
/// `gate` (`--map gate=`) says, or, without it, found: a row numbered 0 whose wording is a
/// sentence, or a sentence without a number before the first item (outside any numbered
/// section but 0) that asks whether a medical information system is in use.
pub(super) fn parse_rows(
    grid: &Grid,
    layout: &Layout,
    gate: Option<&GateSpec>,
) -> Result<Parsed, ImportError> {
    let mut out = Parsed::default();
    let auto = gate.is_none();
    let gate_row = match gate {
        Some(GateSpec::Row(r)) => Some(*r),
        _ => None,
    };
    let gate_is_zero = matches!(gate, Some(GateSpec::Number(n)) if n == "0");
    let mapped = |cell: String| GateFound::Mapped {
        cell,
        value: gate.map(GateSpec::as_written).unwrap_or_default(),
    };
    let structure: Vec<usize> = [
        layout.number,
        Some(layout.text),
        layout.section,
        layout.scope,
    ]
    .into_iter()
    .flatten()
    .collect();
    let answer_cols: Vec<usize> =
        super::columns::answer_columns(grid, layout.header_start, layout.data_start, &structure)
            .into_iter()
            .map(|(c, _, _)| c)
            .collect();
    let mut current: Option<String> = None;
    // (number, scopes) -> first cell, to find duplicates.
    let mut seen: BTreeMap<(String, Vec<Scope>), (String, usize)> = BTreeMap::new();
    let mut subs: Vec<(String, Sub)> = Vec::new();
    let plain = plain_numbering(grid, layout);
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
            // A note 「※…」 in the section column is never a heading: it is named as skipped.
            let note = is_note(&v);
            if note && grid.cell(r, sc).and_then(|c| c.merged_from).is_none() {
                out.skipped.push(grid.name(r, sc));
            }
            if !v.is_empty() && !note {
                let id = match lead(&v) {
                    Some(Lead::Section { number, rest }) => {
                        let id = section_id(grid, r, sc, number)?;
                        out.section(&id, (!rest.is_empty()).then_some(rest));
                        id
                    }
                    // The gate's own heading, before any item: section 0.
                    _ if auto && out.items.is_empty() && is_gate_heading(&v) => {
                        out.section("0", Some(v.clone()));
                        "0".to_owned()
                    }
                    _ => match out.sections.iter().find(|s| s.title.as_deref() == Some(&v)) {
                        Some(s) => s.id.clone(),
                        None => {
                            let id = section_id(grid, r, sc, next_section(&out))?;
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
                let lead_found = lead_in_number_column(grid.text(r, nc));
                let text = normalise(&text_cell.text);
                let text = match &lead_found {
                    Some(Lead::Item { rest, .. }) if text.is_empty() => rest.clone(),
                    _ => text,
                };
                (nc, layout.text, lead_found, text)
            }
            None => inline_number(grid, layout, r, normalise(&text_cell.text)),
        };
        let plain_number = match &lead_found {
            Some(Lead::Section { number, .. }) if plain => Some(number.to_string()),
            _ => None,
        };
        let lead_found = match lead_found {
            Some(Lead::Section { number, rest }) if plain => Some(Lead::Item {
                section: None,
                sub: Sub::Paren(number),
                rest,
            }),
            other => other,
        };
        match lead_found {
            Some(Lead::Item { section, sub, .. }) => {
                // A row inside the same merged number cell continues the item above, unless
                // its scope says it is the same item for another kind of device.
                let continued = grid
                    .cell(r, number_col)
                    .and_then(|c| c.merged_from)
                    .is_some_and(|(r0, _)| r0 < r);
                // Line breaks separate labels here (サーバ / 端末PC on two lines); a dash or
                // なし means no scope.
                let scope_cell = layout
                    .scope
                    .map(|sc| (sc, grid.text(r, sc).to_owned()))
                    .filter(|(_, v)| !is_placeholder(v));
                let scope_merged = layout
                    .scope
                    .and_then(|sc| grid.cell(r, sc))
                    .is_none_or(|c| c.merged_from.is_some() || c.text.trim().is_empty());
                if continued && scope_merged {
                    continue;
                }
                let bare = match (section, sub) {
                    (Some(_), _) => None,
                    (None, _) if plain_number.is_some() => plain_number.clone(),
                    (None, Sub::Circled(_)) => sub.printed("").strip_prefix('-').map(str::to_owned),
                    (None, Sub::Paren(n)) => Some(format!("({n})")),
                };
                let section = match section {
                    Some(n) => section_id(grid, r, number_col, n)?,
                    None => current.clone().unwrap_or_else(|| "1".to_owned()),
                };
                out.section(&section, None);
                let number = sub.printed(&section);
                let (text, text_scope) = trailing_scope(&text);
                let (scope, scope_at) = match scope_cell {
                    Some((sc, v)) if !v.is_empty() => (
                        scopes(&v).ok_or_else(|| ImportError::UnknownScope {
                            cell: grid.name(r, sc),
                            value: v.clone(),
                        })?,
                        Some(grid.name(r, sc)),
                    ),
                    _ => {
                        let at = (!text_scope.is_empty()).then(|| grid.name(r, text_col));
                        (text_scope, at)
                    }
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
                if let Some((first, first_row)) = seen.get(&key) {
                    return Err(ImportError::DuplicateNumber {
                        cell: here,
                        number,
                        first: first.clone(),
                        scope_column: scope_column_between(grid, layout, gate, *first_row, r)
                            .map(Box::new),
                    });
                }
                seen.insert(key, (here, r));
                subs.push((section.clone(), sub));
                let is_gate = gate_row == Some(r) && out.gate == GateFound::NotFound;
                // Found without a map: the first item, or the first of section 0, whose
                // wording says the rest need not be filled in when it is answered いいえ.
                let instructed = auto
                    && out.gate == GateFound::NotFound
                    && (out.items.is_empty()
                        || (section == "0" && !out.items.iter().any(|i| i.section == "0")))
                    && switches_the_rest_off(&text);
                if is_gate {
                    out.gate = mapped(cell.clone());
                } else if instructed {
                    out.gate = GateFound::Instructed { cell: cell.clone() };
                }
                out.items.push(ItemFound {
                    id: String::new(),
                    number: number.clone(),
                    section,
                    scope,
                    scope_cell: scope_at,
                    text,
                    cell,
                    row: r,
                    gate: is_gate || instructed,
                    bare,
                    sectioned: number,
                });
            }
            Some(Lead::Section { number, rest }) => {
                let title = if rest.is_empty() { text } else { rest };
                // A row numbered 0 whose wording is a sentence is the gate question (the
                // format numbers it 0); a heading numbered 0 is the gate's section.
                let zero_gate = number == 0
                    && out.gate == GateFound::NotFound
                    && title.contains('。')
                    && ((auto && out.items.is_empty()) || gate_is_zero);
                // A row named by `--map gate=` holds a question, not a heading.
                let named =
                    gate_row == Some(r) && out.gate == GateFound::NotFound && title.contains('。');
                if zero_gate || named {
                    let cell = grid.name(r, text_col);
                    out.gate = if auto {
                        GateFound::Detected { cell: cell.clone() }
                    } else {
                        mapped(cell.clone())
                    };
                    push_gate(&mut out, &mut subs, &current, title, cell, r);
                    continue;
                }
                let id = section_id(grid, r, number_col, number)?;
                out.section(&id, (!title.is_empty()).then_some(title));
                current = Some(id);
            }
            None => {
                let in_gate_place = current.as_deref().is_none_or(|c| c == "0");
                if out.gate == GateFound::NotFound
                    && (gate_row == Some(r) || (auto && out.items.is_empty() && in_gate_place))
                {
                    let strict = gate_row != Some(r);
                    let found = gate_wording(grid, layout, r, &text, &answer_cols, strict).filter(
                        |(_, w)| !strict || asks_about_system(w) || current.as_deref() == Some("0"),
                    );
                    if let Some((col, wording)) = found {
                        let cell = grid.name(r, col);
                        out.gate = if strict {
                            GateFound::Detected { cell: cell.clone() }
                        } else {
                            mapped(cell.clone())
                        };
                        push_gate(&mut out, &mut subs, &current, wording, cell, r);
                        continue;
                    }
                    // The gate's heading on a row of its own, the question on the next.
                    let heading = normalise(grid.text(r, layout.text));
                    let heading = if heading.is_empty() {
                        grid.rows.get(r).and_then(|row| {
                            row.iter()
                                .find(|c| !c.text.trim().is_empty())
                                .map(|c| normalise(&c.text))
                        })
                    } else {
                        Some(heading)
                    };
                    if let Some(h) = heading.filter(|h| {
                        auto && current.is_none()
                            && is_gate_heading(h)
                            && next_filled_row(grid, r).is_some_and(|n| {
                                gate_wording(grid, layout, n, "", &answer_cols, true).is_some()
                            })
                    }) {
                        out.section("0", Some(h));
                        current = Some("0".to_owned());
                        continue;
                    }
                }
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
                    // A heading without a number, merged across the row: the next section.
                    Some((c, _)) if unnumbered_heading(grid, r, c).is_some() => {
                        let id = section_id(grid, r, c, next_section(&out))?;
                        out.section(&id, unnumbered_heading(grid, r, c));
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
    match gate {
        Some(GateSpec::None) => out.gate = GateFound::StatedNone,
        Some(spec @ (GateSpec::Number(n) | GateSpec::Bare(n)))
            if out.gate == GateFound::NotFound =>
        {
            let bare = matches!(spec, GateSpec::Bare(_));
            let named: Vec<usize> = (0..out.items.len())
                .filter(|&k| {
                    out.items.get(k).is_some_and(|i| {
                        if bare {
                            !i.gate && i.bare.as_deref() == Some(n.as_str())
                        } else {
                            &i.number == n
                        }
                    })
                })
                .collect();
            match named.as_slice() {
                [k] => {
                    if let Some(item) = out.items.get_mut(*k) {
                        item.gate = true;
                        out.gate = mapped(item.cell.clone());
                    }
                }
                [] => {
                    let printed =
                        |i: &ItemFound| i.bare.clone().unwrap_or_else(|| i.number.clone());
                    let (first, last) = (out.items.first(), out.items.last());
                    return Err(ImportError::GateNumberNotFound {
                        row: first.map_or(1, |i| i.row + 1),
                        file: String::new(),
                        sheet: grid.sheet.clone(),
                        value: n.clone(),
                        ends: Box::new(
                            [first, last].map(|i| {
                                i.map(|i| (printed(i), i.cell.clone())).unwrap_or_default()
                            }),
                        ),
                    });
                }
                several => {
                    return Err(ImportError::GateNumberAmbiguous {
                        row: several
                            .first()
                            .and_then(|&k| out.items.get(k))
                            .map_or(1, |i| i.row + 1),
                        value: n.clone(),
                        cells: several
                            .iter()
                            .filter_map(|&k| out.items.get(k))
                            .map(|i| (i.cell.clone(), i.number.clone()))
                            .collect(),
                    });
                }
            }
        }
        Some(GateSpec::Row(r)) if out.gate == GateFound::NotFound => {
            return Err(ImportError::GateNotFound {
                sheet: grid.sheet.clone(),
                value: (r + 1).to_string(),
            })
        }
        _ => {}
    }
    assign_ids(&mut out.items, &subs);
    keep_printed_numbers(&mut out.items);
    Ok(out)
}

/// The gate question as an item numbered 0, in section 0 (made without a heading when the
/// sheet prints none before it).
/// Where a layout without a scope column gives one number to two rows: the first column whose
/// cells in both rows are scope labels (サーバ, 端末PC) that differ, and the `--map` that states
/// the layout with it (the gate as the map named it).
fn scope_column_between(
    grid: &Grid,
    layout: &Layout,
    gate: Option<&GateSpec>,
    first: usize,
    second: usize,
) -> Option<(String, String)> {
    if layout.scope.is_some() {
        return None;
    }
    let width = [first, second]
        .iter()
        .filter_map(|&r| grid.rows.get(r).map(Vec::len))
        .max()?;
    let structure = [layout.number, Some(layout.text), layout.section];
    let column = (0..width)
        .filter(|c| !structure.contains(&Some(*c)))
        .find(|&c| {
            let a = normalise(grid.text(first, c));
            let b = normalise(grid.text(second, c));
            a != b && scopes(&a).is_some() && scopes(&b).is_some()
        })?;
    let mut map = super::layout::describe(&Layout {
        scope: Some(column),
        ..layout.clone()
    });
    if let Some(gate) = gate {
        map.push_str(&format!(",gate={}", gate.as_written()));
    }
    Some((super::grid::column_name(column), map))
}

fn push_gate(
    out: &mut Parsed,
    subs: &mut Vec<(String, Sub)>,
    current: &Option<String>,
    text: String,
    cell: String,
    row: usize,
) {
    if current.as_deref() != Some("0") {
        out.section("0", None);
    }
    subs.push(("0".to_owned(), Sub::Paren(0)));
    out.items.push(ItemFound {
        id: GATE_ID.to_owned(),
        number: "0".to_owned(),
        section: "0".to_owned(),
        scope: Vec::new(),
        scope_cell: None,
        text,
        cell,
        row,
        gate: true,
        bare: None,
        sectioned: "0".to_owned(),
    });
}

/// The number after the highest section number so far (1 for the first).
fn next_section(out: &Parsed) -> u32 {
    out.sections
        .iter()
        .filter_map(|s| s.id.parse::<u32>().ok())
        .max()
        .map_or(1, |m| m + 1)
}

/// Whether items are numbered with plain numbers (`1`, `2.`, `3 …`, as an institution's own
/// list often is): no item number of the usual kinds (①, (1), 1-①) anywhere in the number (or
/// wording) column, but plain ones. Those are then item numbers, written `(N)`.
fn plain_numbering(grid: &Grid, layout: &Layout) -> bool {
    let col = layout.number.unwrap_or(layout.text);
    let (mut items, mut plain) = (0usize, 0usize);
    for r in layout.data_start..grid.rows.len() {
        let text = normalise(grid.text(r, col));
        let found = match layout.number {
            Some(_) => lead_in_number_column(&text),
            None => lead(&text),
        };
        match found {
            Some(Lead::Item { .. }) => items += 1,
            Some(Lead::Section { .. }) => plain += 1,
            None => {}
        }
    }
    items == 0 && plain > 1
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
        if item.gate && item.number == "0" {
            // Keeps its ID (GATE_ID).
            continue;
        }
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

/// Numbers printed without their section (`①`, `(1)`, `1`) and unique across the sheet (run
/// straight through it, not restarting per section) are kept as printed: the label is what the
/// form prints. Where one repeats in another section (① under 1 and under 2), every number
/// gets its section (`1-①`, `2-①`), as it does when any item prints its section. The rows of
/// one number for several kinds of device count once. IDs are made before (`s2-03` either way).
fn keep_printed_numbers(items: &mut [ItemFound]) {
    // A gate question made item 0 has no printed number; one named on a numbered row
    // (`--map gate=①`, `gate=ROW`) is numbered like the others.
    let numbered = |i: &&mut ItemFound| !i.gate || i.bare.is_some();
    let mut sections_of: BTreeMap<String, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for item in items.iter().filter(|i| !i.gate || i.bare.is_some()) {
        let Some(bare) = &item.bare else {
            return;
        };
        sections_of
            .entry(super::number::comparable(bare))
            .or_default()
            .insert(&item.section);
    }
    if sections_of.values().any(|s| s.len() > 1) {
        return;
    }
    for item in items.iter_mut().filter(numbered) {
        if let Some(bare) = item.bare.clone() {
            item.number = bare;
        }
    }
}

/// A row holding one short Japanese text merged across it from cell `c` (not a note such as
/// 「※…」, not a sentence): a section heading printed without a number.
fn unnumbered_heading(grid: &Grid, r: usize, c: usize) -> Option<String> {
    let row = grid.rows.get(r)?;
    let origin = row.get(c)?;
    let text = normalise(&origin.text);
    let spans = row.iter().any(|x| x.merged_from == Some((r, c)));
    let alone = row
        .iter()
        .all(|x| x.text.trim().is_empty() || x.text == origin.text);
    // A note, or a sentence (a gate question printed without a number), is no heading.
    let note = text.starts_with(['※', '注', '＊', '*']) || text.contains('。');
    // A heading alone on its row, marked as one (【体制構築】, ■体制構築), needs no merge.
    let marked = (text.starts_with('【') && text.ends_with('】')) || text.starts_with('■');
    (origin.merged_from.is_none()
        && (spans || marked)
        && alone
        && !note
        && has_japanese(&text)
        && text.chars().count() <= 40)
        .then_some(text)
}

/// A cell that says "nothing here": a dash of any kind, なし, 該当なし, or a slash.
fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    t.is_empty()
        || matches!(t, "なし" | "該当なし" | "／" | "/")
        || t.chars()
            .all(|c| matches!(c, '-' | '－' | '―' | '‐' | '—' | '–' | 'ー' | '−'))
}

pub(super) fn has_japanese(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::workbook::Sheet;
    use calamine::Data;
    use proptest::prelude::*;

    /// Cell texts that look like parts of a checklist, and some that do not.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("チェック項目".to_owned()),
            Just("はい".to_owned()),
            Just("番号".to_owned()),
            Just("対象".to_owned()),
            Just("大項目".to_owned()),
            Just("1 体制構築".to_owned()),
            Just("１．".to_owned()),
            Just("①".to_owned()),
            Just("⑳ 試験(サーバ)".to_owned()),
            Just("2-(3) 試験".to_owned()),
            Just("（".to_owned()),
            Just("99 x".to_owned()),
            "\\PC{0,6}",
        ]
    }

    proptest! {
        /// Whatever the cells and merges, finding the layout and reading the rows never panics,
        /// and every item read has a number the checklist format accepts.
        #[test]
        fn any_grid_is_read_without_panic(
            cells in proptest::collection::vec(proptest::collection::vec(cell(), 0..6), 0..12),
            merges in proptest::collection::vec((0u32..14, 0u32..8, 0u32..14, 0u32..8), 0..4),
        ) {
            let sheet = Sheet {
                name: "S".into(),
                rows: cells
                    .iter()
                    .map(|r| r.iter().map(|c| Data::String(c.clone())).collect())
                    .collect(),
                merged: merges.iter().map(|&(a, b, c, d)| ((a, b), (c, d))).collect(),
            };
            let Some(grid) = Grid::new(&sheet) else { return Ok(()) };
            if let Ok((layout, _)) = super::super::layout::detect(&grid) {
                if let Ok(parsed) = parse_rows(&grid, &layout, None) {
                    for item in parsed.items.iter().filter(|i| !(i.gate && i.number == "0")) {
                        // With its section, or as printed where the sheet numbers straight through.
                        let mut c = item.sectioned.chars();
                        prop_assert!(c.next().is_some_and(|c| c.is_ascii_digit()), "{}", item.sectioned);
                        prop_assert_eq!(c.next(), Some('-'));
                        prop_assert!(item.number == item.sectioned || Some(&item.number) == item.bare.as_ref());
                    }
                }
            }
        }
    }
}
