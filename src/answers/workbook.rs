//! Answers read off a filled checklist workbook (the official MHLW workbook, or any workbook
//! laid out like the checklist it answers): `medsec answer FILE --import filled.xlsx`.
//!
//! The sheet and its items are found as `checklist import` finds them
//! ([`crate::checklist::import::find_sheet`]); the answer columns by the words of their header
//! (はい, いいえ, 対象外, 回答, 確認日, 目標日, 理由, 備考, under 1回目 or 2回目). はい/いいえ are
//! marked by ○, ◯, 〇, レ, ✓, ✔, x or X (or the column's own word, or a ticked check box) in
//! either column, or chosen in one answer column (a drop-down list). Dates are Excel date cells
//! in any number format, or text in any form [`crate::dates::parse_date_for_people`] reads.
//! Every row's answer lands on its item by printed number and scope. Any problem (both はい
//! and いいえ marked, a mark on a row that is no item, a number the checklist does not have)
//! names its cell, and nothing is imported.
//!
//! This module reads files and never prints or writes.

use super::messages::labels;
use super::model::Response;
use super::store::{FieldValue, Update};
use crate::checklist::import::{
    find_sheet, layout_of, row_of, ColumnKind, FoundItem, FoundSheet, ImportError, RecordedLayout,
    Role,
};
use crate::checklist::{Checklist, Item, Lang, Text};
use crate::dates::{parse_date_for_people, DateError};
use crate::limits::{InputKind, LimitError};
use crate::tr;
use calamine::Data;
use std::collections::BTreeMap;
use std::path::Path;

/// Whether a cell of a はい/いいえ/対象外 column is marked: `Some(true)` for a mark, `Some(false)`
/// for nothing (empty, a dash), `None` for something that is no mark.
fn mark(value: &Data, own_word: &str) -> Option<bool> {
    match value {
        Data::Empty => Some(false),
        Data::Bool(b) => Some(*b),
        Data::String(s) => {
            let t = s.trim();
            Some(match t {
                "" | "-" | "－" | "―" | "ー" | "‐" => false,
                "○" | "◯" | "〇" | "レ" | "ﾚ" | "✓" | "✔" | "☑" | "x" | "X" | "ｘ" | "Ｘ" => {
                    true
                }
                _ if t == own_word => true,
                _ => return None,
            })
        }
        _ => None,
    }
}

/// A cell's value as text (for messages and for text columns).
fn text_of(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        other => other.to_string(),
    }
}

/// One problem with a filled workbook: the cell, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// More than one answer marked for one item and round.
    Ambiguous {
        cells: Vec<String>,
        item: Text,
        round: u8,
    },
    /// A value in a mark column that is no mark.
    BadMark {
        cell: String,
        value: String,
    },
    /// A value in an answer column that is not はい/いいえ/対象外.
    BadAnswer {
        cell: String,
        value: String,
    },
    /// A mark or answer on a row that is no item.
    OutsideItem {
        cell: String,
        value: String,
    },
    /// An item number the checklist does not have (with this scope).
    UnknownItem {
        cell: String,
        number: String,
        checklist: String,
    },
    /// A number on several rows of the checklist, and no scope on the row to choose one.
    AmbiguousItem {
        cell: String,
        number: String,
        candidates: Vec<Text>,
    },
    /// Two rows of the workbook for one item.
    Twice {
        cell: String,
        first: String,
        item: Text,
    },
    BadDate {
        cell: String,
        error: DateError,
    },
    /// A date or note on a row whose answer is not marked.
    NoAnswer {
        cell: String,
        item: Text,
        round: u8,
    },
}

impl Problem {
    pub fn localize(&self, lang: Lang) -> String {
        let sep = tr!(lang, "answers-list-separator");
        match self {
            Problem::Ambiguous { cells, item, round } => tr!(
                lang,
                "answers-workbook-ambiguous",
                cells = cells.join(&sep),
                item = item.get(lang),
                round = round
            ),
            Problem::BadMark { cell, value } => tr!(
                lang,
                "answers-workbook-bad-mark",
                cell = cell.as_str(),
                value = value.as_str()
            ),
            Problem::BadAnswer { cell, value } => tr!(
                lang,
                "answers-workbook-bad-answer",
                cell = cell.as_str(),
                value = value.as_str()
            ),
            Problem::OutsideItem { cell, value } => tr!(
                lang,
                "answers-workbook-outside-item",
                cell = cell.as_str(),
                value = value.as_str()
            ),
            Problem::UnknownItem {
                cell,
                number,
                checklist,
            } => tr!(
                lang,
                "answers-workbook-unknown-item",
                cell = cell.as_str(),
                number = number.as_str(),
                checklist = checklist.as_str()
            ),
            Problem::AmbiguousItem {
                cell,
                number,
                candidates,
            } => tr!(
                lang,
                "answers-workbook-ambiguous-item",
                cell = cell.as_str(),
                number = number.as_str(),
                candidates = candidates
                    .iter()
                    .map(|t| t.get(lang).to_owned())
                    .collect::<Vec<_>>()
                    .join(&sep)
            ),
            Problem::Twice { cell, first, item } => tr!(
                lang,
                "answers-workbook-twice",
                cell = cell.as_str(),
                first = first.as_str(),
                item = item.get(lang)
            ),
            Problem::BadDate { cell, error } => tr!(
                lang,
                "answers-workbook-bad-date",
                cell = cell.as_str(),
                error = error.localize(lang)
            ),
            Problem::NoAnswer { cell, item, round } => tr!(
                lang,
                "answers-workbook-no-answer",
                cell = cell.as_str(),
                item = item.get(lang),
                round = round
            ),
        }
    }
}

/// Why a filled workbook could not be imported (nothing was), or answers could not be
/// exported in the official layout.
#[derive(Debug)]
pub enum WorkbookAnswersError {
    Read(LimitError),
    /// The workbook is not laid out like a checklist (as `checklist import` says it).
    Layout {
        file: String,
        error: ImportError,
    },
    /// No column beside the checklist says はい, いいえ or 回答.
    NoAnswerColumn {
        sheet: String,
        header: String,
    },
    Problems {
        file: String,
        problems: Vec<Problem>,
    },
    /// `--layout official` for a checklist with no recorded workbook layout.
    NoLayout {
        checklist: String,
    },
    /// An answer the recorded layout has no column for.
    NoColumn {
        item: Text,
        round: u8,
        answer: String,
    },
    /// The workbook could not be made (rust_xlsxwriter's reason).
    Write(String),
}

impl WorkbookAnswersError {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            WorkbookAnswersError::Read(e) => e.message(lang),
            WorkbookAnswersError::Layout { file, error } => tr!(
                lang,
                "answers-workbook-layout",
                file = file.as_str(),
                reason = error.localize(lang)
            ),
            WorkbookAnswersError::NoAnswerColumn { sheet, header } => tr!(
                lang,
                "answers-workbook-no-answer-column",
                sheet = sheet.as_str(),
                header = header.as_str()
            ),
            WorkbookAnswersError::Problems { file, problems } => {
                let lines: Vec<String> = problems.iter().map(|p| p.localize(lang)).collect();
                let head = tr!(
                    lang,
                    "answers-workbook-problems",
                    file = file.as_str(),
                    count = problems.len()
                );
                // One indented line per problem, as the sheet import lists them.
                format!("{head}\n  {}", lines.join("\n  "))
            }
            WorkbookAnswersError::NoLayout { checklist } => tr!(
                lang,
                "answers-workbook-no-layout",
                checklist = checklist.as_str()
            ),
            WorkbookAnswersError::NoColumn {
                item,
                round,
                answer,
            } => tr!(
                lang,
                "answers-workbook-no-column",
                item = item.get(lang),
                round = round,
                answer = answer.as_str()
            ),
            WorkbookAnswersError::Write(reason) => {
                tr!(lang, "answers-workbook-write", reason = reason.as_str())
            }
        }
    }
}

impl std::fmt::Display for WorkbookAnswersError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for WorkbookAnswersError {}

/// Whether the first filled row of the first sheet is the header of medsec's own answers
/// sheet (`answer --export`): an answer column and a number or ID column, by their exact
/// words in either language.
fn is_answers_sheet(bytes: &[u8]) -> bool {
    let Ok((_, rows)) = crate::limits::workbook::read_sheet(bytes, None) else {
        return false;
    };
    let Some(header) = rows.iter().find(|r| r.iter().any(|c| *c != Data::Empty)) else {
        return false;
    };
    let words: Vec<String> = header.iter().map(|c| text_of(c).to_lowercase()).collect();
    let has = |names: &[&str]| words.iter().any(|w| names.contains(&w.as_str()));
    has(&["回答", "answer"]) && has(&["項目番号", "項目id", "number", "item", "id"])
}

/// Where the checklist is in a workbook, when the user says: `--sheet`, `--map`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Where<'a> {
    pub sheet: Option<&'a str>,
    pub map: Option<&'a crate::checklist::import::Map>,
}

/// The answers in the filled workbook at `path` for `checklist`; `Ok(None)` when `path` is no
/// workbook (CSV) or is medsec's own answers sheet, which [`super::sheet`] reads.
pub fn read(
    path: &Path,
    checklist: &Checklist,
    found_in: &Where<'_>,
) -> Result<Option<Vec<Update>>, WorkbookAnswersError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !matches!(ext.as_str(), "xlsx" | "xlsm") {
        return Ok(None);
    }
    let bytes = crate::limits::read(path, InputKind::Sheet).map_err(WorkbookAnswersError::Read)?;
    let file = path.display().to_string();
    // An encrypted workbook is no zip: say so here, not as the sheet reader's "not a zip".
    let encrypted = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if !encrypted && found_in.map.is_none() && is_answers_sheet(&bytes) {
        return Ok(None);
    }
    let name = path
        .file_name()
        .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
    let found = find_sheet(&bytes, &name, found_in.sheet, found_in.map).map_err(|error| {
        WorkbookAnswersError::Layout {
            file: file.clone(),
            error,
        }
    })?;
    updates(&found, checklist, &file).map(Some)
}

/// The checklist item a workbook row names, by number and scope.
fn item_of<'c>(checklist: &'c Checklist, row: &FoundItem) -> Result<&'c Item, Problem> {
    let same: Vec<&Item> = checklist
        .items
        .iter()
        .filter(|i| super::sheet::names_item(i, &row.number))
        .collect();
    let sorted = |s: &[crate::checklist::Scope]| {
        let mut v = s.to_vec();
        v.sort();
        v
    };
    let chosen: Vec<&Item> = if same.len() > 1 {
        same.iter()
            .copied()
            .filter(|i| sorted(&i.scope) == sorted(&row.scope))
            .collect()
    } else {
        same
    };
    match chosen.as_slice() {
        [one] => Ok(one),
        [] => Err(Problem::UnknownItem {
            cell: row.cell.clone(),
            number: row.number.clone(),
            checklist: checklist.full_id(),
        }),
        many => Err(Problem::AmbiguousItem {
            cell: row.cell.clone(),
            number: row.number.clone(),
            candidates: many.iter().map(|i| labels(i)).collect(),
        }),
    }
}

/// A date cell: an Excel date in any number format, or text; `Ok(None)` for empty cells and
/// text without a digit (a printed 「年　月　日」 waiting to be filled).
fn date_of(value: &Data) -> Result<Option<jiff::civil::Date>, DateError> {
    match value {
        Data::Empty => Ok(None),
        Data::DateTime(dt) => match crate::limits::workbook::excel_date(dt) {
            Some(d) => Ok(Some(d)),
            None => Err(DateError::NotADate(value.to_string())),
        },
        Data::DateTimeIso(s) => parse_date_for_people(s.get(..10).unwrap_or(s)).map(Some),
        other => {
            let t = text_of(other);
            if !t
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            {
                return Ok(None);
            }
            parse_date_for_people(&t).map(Some)
        }
    }
}

fn updates(
    found: &FoundSheet,
    checklist: &Checklist,
    file: &str,
) -> Result<Vec<Update>, WorkbookAnswersError> {
    let columns = found.answer_columns.clone();
    if !columns
        .iter()
        .any(|(_, r, _)| matches!(r, Role::Yes | Role::No | Role::Answer))
    {
        return Err(WorkbookAnswersError::NoAnswerColumn {
            sheet: found.sheet().to_owned(),
            header: found.name(found.header_start, 0),
        });
    }
    let mut problems = Vec::new();
    let mut updates = Vec::new();
    let item_rows: BTreeMap<usize, &FoundItem> = found.items.iter().map(|i| (i.row, i)).collect();
    // Marks on rows that are no item.
    for r in found.data_start..found.height() {
        if item_rows.contains_key(&r) {
            continue;
        }
        for &(c, role, _) in &columns {
            if !matches!(
                role,
                Role::Yes | Role::No | Role::NotApplicable | Role::Answer
            ) || found.merged_copy(r, c)
            {
                continue;
            }
            let v = found.value(r, c);
            if mark(v, "") != Some(false) {
                problems.push(Problem::OutsideItem {
                    cell: found.name(r, c),
                    value: text_of(v),
                });
            }
        }
    }
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for row in &found.items {
        let item = match item_of(checklist, row) {
            Ok(i) => i,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        if let Some(first) = seen.insert(item.id.clone(), row.cell.clone()) {
            problems.push(Problem::Twice {
                cell: row.cell.clone(),
                first,
                item: labels(item),
            });
            continue;
        }
        for round in super::model::ROUNDS {
            let here: Vec<(usize, Role)> = columns
                .iter()
                .filter(|(_, _, n)| *n == round)
                .map(|&(c, role, _)| (c, role))
                .collect();
            if here.is_empty() {
                continue;
            }
            let mut responses: Vec<(Response, String)> = Vec::new();
            let mut set: Vec<(&'static str, FieldValue)> = Vec::new();
            let mut other_cell = None;
            for (c, role) in here {
                let value = found.value(row.row, c);
                let cell = found.name(row.row, c);
                let marked =
                    |word: &str, response: Response, out: &mut Vec<(Response, String)>| match mark(
                        value, word,
                    ) {
                        Some(true) => {
                            out.push((response, cell.clone()));
                            None
                        }
                        Some(false) => None,
                        None => Some(Problem::BadMark {
                            cell: cell.clone(),
                            value: text_of(value),
                        }),
                    };
                let problem = match role {
                    Role::Yes => marked("はい", Response::Yes, &mut responses),
                    Role::No => marked("いいえ", Response::No, &mut responses),
                    Role::NotApplicable => {
                        marked("対象外", Response::NotApplicable, &mut responses)
                    }
                    Role::Answer => {
                        let t = text_of(value);
                        if t.is_empty() {
                            None
                        } else {
                            match Response::parse(&t) {
                                Some(r) => {
                                    responses.push((r, cell.clone()));
                                    None
                                }
                                None => Some(Problem::BadAnswer { cell, value: t }),
                            }
                        }
                    }
                    Role::CheckedOn | Role::TargetDate => match date_of(value) {
                        Ok(Some(d)) => {
                            let key = if role == Role::CheckedOn {
                                "checked_on"
                            } else {
                                "target_date"
                            };
                            if !set.iter().any(|(k, _)| *k == key) {
                                set.push((key, FieldValue::Date(d)));
                                other_cell.get_or_insert(cell);
                            }
                            None
                        }
                        Ok(None) => None,
                        Err(error) => Some(Problem::BadDate { cell, error }),
                    },
                    Role::Reason | Role::Note => {
                        let t = text_of(value);
                        let key = if role == Role::Reason {
                            "reason"
                        } else {
                            "note"
                        };
                        if !t.is_empty() && !set.iter().any(|(k, _)| *k == key) {
                            set.push((key, FieldValue::Text(t)));
                            other_cell.get_or_insert(cell);
                        }
                        None
                    }
                };
                problems.extend(problem);
            }
            responses.sort_by(|a, b| a.1.cmp(&b.1));
            let mut kinds: Vec<Response> = responses.iter().map(|(r, _)| *r).collect();
            kinds.dedup();
            match kinds.as_slice() {
                [] => {
                    if let Some(cell) = other_cell {
                        problems.push(Problem::NoAnswer {
                            cell,
                            item: labels(item),
                            round,
                        });
                    }
                }
                [one] => {
                    set.insert(
                        0,
                        ("answer", FieldValue::Text(one.as_file_str().to_owned())),
                    );
                    updates.push(Update {
                        item: item.id.clone(),
                        round,
                        set,
                        remove: vec!["carried_from", "review"],
                    });
                }
                _ => problems.push(Problem::Ambiguous {
                    cells: responses.into_iter().map(|(_, c)| c).collect(),
                    item: labels(item),
                    round,
                }),
            }
        }
    }
    if problems.is_empty() {
        Ok(updates)
    } else {
        Err(WorkbookAnswersError::Problems {
            file: file.to_owned(),
            problems,
        })
    }
}

/// The number format of dates written into the official layout: 令和8年6月3日.
const WAREKI_FORMAT: &str = "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"";

/// What an export in the official layout left out: values the layout has no column for
/// (reasons, notes, dates), counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub left_out: usize,
}

/// The header word of a column (the form's own terms, always Japanese: the official form is).
fn header_word(kind: ColumnKind) -> String {
    let l = Lang::Ja;
    match kind {
        ColumnKind::Number => tr!(l, "answers-workbook-header-number"),
        ColumnKind::Text => tr!(l, "answers-workbook-header-text"),
        ColumnKind::Section => tr!(l, "answers-workbook-header-section"),
        ColumnKind::Scope => tr!(l, "answers-workbook-header-scope"),
        ColumnKind::Answer(role, _) => match role {
            Role::Yes => tr!(l, "answers-workbook-header-yes"),
            Role::No => tr!(l, "answers-workbook-header-no"),
            Role::NotApplicable => tr!(l, "answers-workbook-header-na"),
            Role::Answer => tr!(l, "answers-workbook-header-answer"),
            Role::CheckedOn => tr!(l, "answers-workbook-header-checked-on"),
            Role::TargetDate => tr!(l, "answers-workbook-header-target-date"),
            Role::Reason => tr!(l, "answers-workbook-header-reason"),
            Role::Note => tr!(l, "answers-workbook-header-note"),
        },
    }
}

/// Whether a column's header names its round (1回目/2回目 above it).
fn has_round(kind: ColumnKind) -> bool {
    matches!(kind, ColumnKind::Answer(r, _) if !matches!(r, Role::Reason | Role::Note))
}

/// The answers of `set` written into the workbook layout recorded for `checklist` at
/// `checklist import` (see [`RecordedLayout`]): the form people recognise, with ○ in the
/// はい/いいえ/対象外 columns (or the answer in a 回答 column) and dates as Excel dates shown
/// 令和8年6月3日. A checklist with no recorded layout (a bundled one) is an error.
pub fn export_official(
    set: &super::AnswerSet,
    checklist: &Checklist,
) -> Result<Exported, WorkbookAnswersError> {
    use rust_xlsxwriter::{DataValidation, Format, FormatAlign, Workbook};
    let no_layout = || WorkbookAnswersError::NoLayout {
        checklist: checklist.full_id(),
    };
    let layout: RecordedLayout = checklist
        .items
        .iter()
        .find_map(|i| layout_of(&i.sources))
        .ok_or_else(no_layout)?;
    let rows: Vec<(usize, &Item)> = checklist
        .items
        .iter()
        .map(|i| row_of(&i.sources).map(|r| (r, i)))
        .collect::<Option<_>>()
        .ok_or_else(no_layout)?;
    let xl = |e: rust_xlsxwriter::XlsxError| WorkbookAnswersError::Write(e.to_string());
    let r32 = |r: usize| u32::try_from(r).unwrap_or(u32::MAX);
    let c16 = |c: usize| u16::try_from(c).unwrap_or(u16::MAX);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(&layout.sheet).map_err(xl)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center);
    let date = Format::new().set_num_format(WAREKI_FORMAT);
    let last_col = layout.columns.keys().copied().max().unwrap_or(0);
    if layout.header_start > 0 {
        ws.write_string(0, 0, &checklist.title.ja).map_err(xl)?;
    }
    // The header: round labels over their columns when there are two rows and two rounds.
    let top = layout.header_start;
    let bottom = layout.data_start.saturating_sub(1).max(top);
    let two_rounds = layout
        .columns
        .values()
        .any(|k| matches!(k, ColumnKind::Answer(_, 2)));
    let split = two_rounds && bottom > top;
    let mut runs: Vec<(u8, usize, usize)> = Vec::new();
    for (&c, &kind) in &layout.columns {
        let word = header_word(kind);
        match kind {
            ColumnKind::Answer(_, round) if has_round(kind) && split => {
                ws.write_string_with_format(r32(bottom), c16(c), &word, &bold)
                    .map_err(xl)?;
                match runs.last_mut() {
                    Some((n, _, end)) if *n == round && *end + 1 == c => *end = c,
                    _ => runs.push((round, c, c)),
                }
            }
            ColumnKind::Answer(_, round) if has_round(kind) && two_rounds => {
                let word = format!(
                    "{}{word}",
                    tr!(Lang::Ja, "answers-workbook-header-round", round = round)
                );
                ws.write_string_with_format(r32(bottom), c16(c), &word, &bold)
                    .map_err(xl)?;
            }
            _ if bottom > top => {
                ws.merge_range(r32(top), c16(c), r32(bottom), c16(c), &word, &bold)
                    .map_err(xl)?;
            }
            _ => {
                ws.write_string_with_format(r32(bottom), c16(c), &word, &bold)
                    .map_err(xl)?;
            }
        }
    }
    for (round, first, last) in runs {
        let word = tr!(Lang::Ja, "answers-workbook-header-round", round = round);
        if first == last {
            ws.write_string_with_format(r32(top), c16(first), &word, &bold)
                .map_err(xl)?;
        } else {
            ws.merge_range(r32(top), c16(first), r32(top), c16(last), &word, &bold)
                .map_err(xl)?;
        }
    }
    let col_of = |want: ColumnKind| {
        layout
            .columns
            .iter()
            .find(|(_, &k)| k == want)
            .map(|(&c, _)| c)
    };
    let number_col = col_of(ColumnKind::Number);
    let text_col = col_of(ColumnKind::Text).unwrap_or(0);
    let scope_col = col_of(ColumnKind::Scope);
    let section_col = col_of(ColumnKind::Section);
    ws.set_column_width(c16(text_col), 60).map_err(xl)?;
    // Section headings: in their column, or on the row above a section's first item.
    let item_rows: std::collections::BTreeSet<usize> = rows.iter().map(|(r, _)| *r).collect();
    let section_title = |id: &str| {
        checklist
            .section(id)
            .map_or_else(|| id.to_owned(), |s| format!("{} {}", s.id, s.title.ja))
    };
    let mut seen_sections = std::collections::BTreeSet::new();
    for (row, item) in &rows {
        let title = section_title(&item.section);
        if let Some(sc) = section_col {
            ws.write_string_with_format(r32(*row), c16(sc), &title, &wrap)
                .map_err(xl)?;
        } else if seen_sections.insert(item.section.clone()) {
            let above = row
                .checked_sub(1)
                .filter(|r| *r >= layout.data_start && !item_rows.contains(r));
            if let Some(h) = above {
                if last_col > 0 {
                    ws.merge_range(r32(h), 0, r32(h), c16(last_col), &title, &Format::new())
                        .map_err(xl)?;
                } else {
                    ws.write_string(r32(h), 0, &title).map_err(xl)?;
                }
            }
        }
        let scope_ja: Vec<String> = item
            .scope
            .iter()
            .map(|s| s.label(Lang::Ja).to_owned())
            .collect();
        let mut text = item.text.ja.clone();
        match scope_col {
            Some(c) => {
                ws.write_string_with_format(r32(*row), c16(c), scope_ja.join("\n"), &wrap)
                    .map_err(xl)?;
            }
            None if !scope_ja.is_empty() => {
                text = format!("{text}({})", scope_ja.join("、"));
            }
            None => {}
        }
        match number_col {
            Some(c) if c != text_col => {
                ws.write_string_with_format(r32(*row), c16(c), &item.number, &wrap)
                    .map_err(xl)?;
            }
            _ => text = format!("{} {text}", item.number),
        }
        ws.write_string_with_format(r32(*row), c16(text_col), &text, &wrap)
            .map_err(xl)?;
    }
    // The answers.
    let mut left_out = 0usize;
    // The mark the official forms ask for.
    let mark = "○";
    for (row, item) in &rows {
        let r = r32(*row);
        for round in super::model::ROUNDS {
            let Some(a) = set.answer(&item.id, round) else {
                continue;
            };
            let at = |role: Role| col_of(ColumnKind::Answer(role, round));
            if let Some(resp) = a.response {
                let role = match resp {
                    Response::Yes => Role::Yes,
                    Response::No => Role::No,
                    Response::NotApplicable => Role::NotApplicable,
                };
                match (at(role), at(Role::Answer)) {
                    (Some(c), _) => ws.write_string(r, c16(c), mark).map_err(xl)?,
                    (None, Some(c)) => {
                        ws.write_string(r, c16(c), resp.as_file_str()).map_err(xl)?
                    }
                    (None, None) => {
                        return Err(WorkbookAnswersError::NoColumn {
                            item: labels(item),
                            round,
                            answer: resp.as_file_str().to_owned(),
                        })
                    }
                };
            }
            for (value, role) in [
                (a.checked_on, Role::CheckedOn),
                (a.target_date, Role::TargetDate),
            ] {
                let Some(d) = value else { continue };
                match at(role) {
                    Some(c) => {
                        let serial = excel_serial(d);
                        ws.write_number_with_format(r, c16(c), serial, &date)
                            .map_err(xl)?;
                    }
                    None => left_out += 1,
                }
            }
            for (value, role) in [(&a.reason, Role::Reason), (&a.note, Role::Note)] {
                let Some(t) = value.as_deref().filter(|t| !t.is_empty()) else {
                    continue;
                };
                match at(role) {
                    Some(c) => {
                        ws.write_string_with_format(r, c16(c), t, &wrap)
                            .map_err(xl)?;
                    }
                    None => left_out += 1,
                }
            }
        }
    }
    // A drop-down in 回答 columns, as the form may have.
    let last_row = item_rows.iter().max().copied().unwrap_or(layout.data_start);
    for (&c, kind) in &layout.columns {
        if matches!(kind, ColumnKind::Answer(Role::Answer, _)) {
            let dv = DataValidation::new()
                .allow_list_strings(&["はい", "いいえ", "対象外"])
                .map_err(xl)?;
            ws.add_data_validation(r32(layout.data_start), c16(c), r32(last_row), c16(c), &dv)
                .map_err(xl)?;
        }
    }
    let bytes = wb.save_to_buffer().map_err(xl)?;
    Ok(Exported { bytes, left_out })
}

/// Excel's day number of a date (1900 date system).
fn excel_serial(d: jiff::civil::Date) -> f64 {
    let epoch = jiff::civil::date(1899, 12, 30);
    (d - epoch).get_days() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_of_every_kind() {
        for m in ["○", "◯", "〇", "レ", "✓", "✔", "x", "X", " ○ "] {
            assert_eq!(mark(&Data::String(m.into()), "はい"), Some(true), "{m}");
        }
        assert_eq!(mark(&Data::String("はい".into()), "はい"), Some(true));
        assert_eq!(mark(&Data::Bool(true), "はい"), Some(true));
        assert_eq!(mark(&Data::Empty, "はい"), Some(false));
        assert_eq!(mark(&Data::String("－".into()), "はい"), Some(false));
        assert_eq!(mark(&Data::String("いいえ".into()), "はい"), None);
        assert_eq!(mark(&Data::Float(1.0), "はい"), None);
    }

    #[test]
    fn dates_in_cells_of_every_kind() {
        let june3 = Ok(Some(jiff::civil::date(2025, 6, 3)));
        for t in ["令和7年6月3日", "R7.6.3", "2025/6/3", "2025-06-03"] {
            assert_eq!(date_of(&Data::String(t.into())), june3, "{t}");
        }
        assert_eq!(date_of(&Data::String("令和　年　月　日".into())), Ok(None));
        assert!(date_of(&Data::Float(45811.0)).is_err());
    }
}
