//! Answers read off a filled checklist workbook (the official MHLW workbook, or any workbook
//! laid out like the checklist it answers): `medsec answer FILE --import filled.xlsx`.
//!
//! The sheet and its items are found as `checklist import` finds them
//! ([`crate::checklist::import::find_sheet`]); the answer columns by the words of their header
//! (はい, いいえ, 対象外, 回答, 確認日, 目標日, 理由, 備考, under 1回目 or 2回目). はい/いいえ are
//! marked by ●, ○, ◯, 〇, レ, ✓, ✔, x, X, 1 or TRUE (or the column's own word, or a ticked check
//! box) in the column they stand for, or chosen in one answer column (a drop-down list). Dates are Excel date cells
//! in any number format, or text in any form [`crate::dates::parse_date_for_people`] reads.
//! Every row's answer lands on its item by printed number and scope. Every problem of every
//! row (both はい and いいえ marked, a mark on a row that is no item, a number the checklist does
//! not have) is collected in one pass and names its row and cell ([`Place`]); the command then
//! runs the walk-through's checks on the answers as it does for medsec's own sheet
//! ([`super::sheet::check_imported`]), and any problem means nothing is imported.
//!
//! `export` writes answers back into the workbook's layout (`--export --layout official`).
//!
//! This module reads files and makes bytes; it never prints or writes files.

mod export;
pub use export::{export_official, Exported};

use super::messages::labels;
use super::model::Response;
use super::sheet::{Column, Imported, Origin, Place, RowNote};
use super::store::{FieldValue, Update};
use crate::checklist::import::FormPlace;
use crate::checklist::import::{
    find_sheet, FoundItem, FoundSheet, GateSpec, ImportError, Map, Role, SHARED_ROUND,
};
use crate::checklist::{Checklist, Item, Lang, Text};
use crate::dates::{parse_date_for_people, DateError};
use crate::limits::{InputKind, LimitError};
use crate::tr;
use calamine::Data;
use std::collections::BTreeMap;
use std::path::Path;

/// Whether a cell of a はい/いいえ/対象外 column is marked: `Some(true)` for a mark, `Some(false)`
/// for nothing (empty, a dash, 0, FALSE, an unticked check box), `None` for something that is
/// no mark. A mark stands for the column it is in (● in the はい column is はい); the marks are
/// those people put in Excel: ● ○ ◯ 〇 ✓ ✔ ☑ レ x X, 1 and TRUE (typed, or a ticked check box's
/// cell), and the column's own word. × is no mark here: on Japanese forms it often means いいえ.
fn mark(value: &Data, own_word: &str) -> Option<bool> {
    match value {
        Data::Empty => Some(false),
        Data::Bool(b) => Some(*b),
        Data::Int(1) => Some(true),
        Data::Int(0) => Some(false),
        Data::Float(f) if *f == 1.0 => Some(true),
        Data::Float(f) if *f == 0.0 => Some(false),
        Data::String(s) => {
            let t = s.trim();
            Some(match t {
                "" | "-" | "－" | "―" | "ー" | "‐" | "0" | "０" => false,
                _ if t.eq_ignore_ascii_case("false") || t == "ＦＡＬＳＥ" => false,
                "●" | "○" | "◯" | "〇" | "レ" | "ﾚ" | "✓" | "✔" | "☑" | "x" | "X" | "ｘ" | "Ｘ"
                | "1" | "１" => true,
                _ if t.eq_ignore_ascii_case("true") || t == "ＴＲＵＥ" => true,
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

/// One problem with a filled workbook: the row and cell, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// More than one answer marked for one item and round (the cells are on `row`).
    Ambiguous {
        row: usize,
        cells: Vec<String>,
        item: Text,
        round: u8,
    },
    /// A value in a mark column that is no mark.
    BadMark { at: Place, value: String },
    /// A value in an answer column that is not はい/いいえ/対象外.
    BadAnswer { at: Place, value: String },
    /// A mark or answer on a row that is no item.
    OutsideItem { at: Place, value: String },
    /// An item number the checklist does not have (with this scope).
    UnknownItem {
        at: Place,
        number: String,
        checklist: String,
    },
    /// A number the checklist has, but not for the scope the row names (at its scope cell).
    UnknownScope {
        at: Place,
        number: String,
        scope: Vec<crate::checklist::Scope>,
        candidates: Vec<Text>,
    },
    /// A number on several rows of the checklist, and no scope on the row to choose one.
    AmbiguousItem {
        at: Place,
        number: String,
        candidates: Vec<Text>,
    },
    /// Two rows of the workbook for one item.
    Twice {
        at: Place,
        first: String,
        item: Text,
    },
    BadDate {
        at: Place,
        error: DateError,
        /// The form's fiscal year, for the example dates.
        fiscal_year: i16,
    },
    /// A date or note on a row whose answer is not marked.
    NoAnswer { at: Place, item: Text, round: u8 },
    /// A value the walk-through refuses, found by the inspection's rules (as for a sheet).
    Refused(RowNote),
    /// A warning listed beside the problems (not counted as one).
    Warning(RowNote),
}

impl Problem {
    /// Whether this is a warning listed beside the problems, not a problem.
    pub fn is_warning(&self) -> bool {
        matches!(self, Problem::Warning(_))
    }

    /// The row the problem is on, for sorting.
    fn row(&self) -> usize {
        match self {
            Problem::Ambiguous { row, .. } => *row,
            Problem::BadMark { at, .. }
            | Problem::BadAnswer { at, .. }
            | Problem::OutsideItem { at, .. }
            | Problem::UnknownItem { at, .. }
            | Problem::UnknownScope { at, .. }
            | Problem::AmbiguousItem { at, .. }
            | Problem::Twice { at, .. }
            | Problem::BadDate { at, .. }
            | Problem::NoAnswer { at, .. } => at.row,
            Problem::Refused(note) | Problem::Warning(note) => note.at.row,
        }
    }

    pub fn localize(&self, lang: Lang) -> String {
        let sep = tr!(lang, "answers-list-separator");
        match self {
            Problem::Ambiguous {
                row,
                cells,
                item,
                round,
            } => tr!(
                lang,
                "answers-workbook-ambiguous",
                cells = Place {
                    row: *row,
                    cell: Some(cells.join(&sep)),
                }
                .localize(lang),
                item = item.get(lang),
                round = round
            ),
            Problem::BadMark { at, value } => tr!(
                lang,
                "answers-workbook-bad-mark",
                cell = at.localize(lang),
                value = value.as_str()
            ),
            Problem::BadAnswer { at, value } => tr!(
                lang,
                "answers-workbook-bad-answer",
                cell = at.localize(lang),
                value = value.as_str()
            ),
            Problem::OutsideItem { at, value } => tr!(
                lang,
                "answers-workbook-outside-item",
                cell = at.localize(lang),
                value = value.as_str()
            ),
            Problem::UnknownItem {
                at,
                number,
                checklist,
            } => tr!(
                lang,
                "answers-workbook-unknown-item",
                cell = at.localize(lang),
                number = number.as_str(),
                checklist = checklist.as_str()
            ),
            Problem::UnknownScope {
                at,
                number,
                scope,
                candidates,
            } => tr!(
                lang,
                "answers-workbook-unknown-scope",
                cell = at.localize(lang),
                number = number.as_str(),
                scope = scope
                    .iter()
                    .map(|s| s.label(lang))
                    .collect::<Vec<_>>()
                    .join(&sep),
                candidates = candidates
                    .iter()
                    .map(|t| t.get(lang).to_owned())
                    .collect::<Vec<_>>()
                    .join(&sep)
            ),
            Problem::AmbiguousItem {
                at,
                number,
                candidates,
            } => tr!(
                lang,
                "answers-workbook-ambiguous-item",
                cell = at.localize(lang),
                number = number.as_str(),
                candidates = candidates
                    .iter()
                    .map(|t| t.get(lang).to_owned())
                    .collect::<Vec<_>>()
                    .join(&sep)
            ),
            Problem::Twice { at, first, item } => tr!(
                lang,
                "answers-workbook-twice",
                cell = at.localize(lang),
                first = first.as_str(),
                item = item.get(lang)
            ),
            Problem::BadDate {
                at,
                error,
                fiscal_year,
            } => tr!(
                lang,
                "answers-workbook-bad-date",
                cell = at.localize(lang),
                error = crate::dates::date_hint(error, lang, Some(*fiscal_year))
            ),
            Problem::NoAnswer { at, item, round } => tr!(
                lang,
                "answers-workbook-no-answer",
                cell = at.localize(lang),
                item = item.get(lang),
                round = round
            ),
            Problem::Refused(note) => note.message(lang),
            Problem::Warning(note) => tr!(
                lang,
                "answers-field-import-warning",
                message = note.message(lang)
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
    /// The workbook's title names another fiscal year than the answers file's checklist: its
    /// answers would land on another year's items by number.
    OtherYear {
        cell: String,
        book_year: i32,
        checklist: String,
        year: i16,
    },
    /// The workbook is the vendor form (事業者確認用) and the answers file an institution's, or
    /// the reverse: its answers would land on the other form's items by number. `place` is what
    /// names the workbook's form.
    OtherForm(Box<OtherForm>),
}

/// A workbook of another form than the answers file's (see [`WorkbookAnswersError::OtherForm`]).
#[derive(Debug)]
pub struct OtherForm {
    file: String,
    place: FormPlace,
    book_form: crate::checklist::Form,
    /// The workbook's form's name for people, ja and en.
    book_label: (String, String),
    checklist: String,
    /// The answers file's form's name for people, ja and en.
    form: (String, String),
    /// The command that makes an answers file of the workbook's form: `medsec init --form F`
    /// unless the command layer, which knows the checklists, names a better one.
    init: String,
}

impl OtherForm {
    /// The workbook's form.
    pub fn book_form(&self) -> crate::checklist::Form {
        self.book_form
    }

    /// Name the command that makes an answers file of the workbook's form (one with
    /// `--checklist ID`, or the import of the workbook first).
    pub fn set_init_command(&mut self, command: String) {
        self.init = command;
    }
}

impl WorkbookAnswersError {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            WorkbookAnswersError::Read(e) => e.message(lang),
            // A PDF given for answers: what `answer --import` reads is a workbook or a CSV.
            WorkbookAnswersError::Layout {
                error: ImportError::Pdf { file },
                ..
            } => tr!(lang, "answers-import-pdf", file = file.as_str()),
            // A file that is no workbook at all: said once, with its name (not as a layout).
            WorkbookAnswersError::Layout {
                error:
                    error @ (ImportError::Workbook { .. }
                    | ImportError::Encrypted { .. }
                    | ImportError::Empty { .. }
                    | ImportError::Text { .. }
                    | ImportError::ZipNotWorkbook { .. }
                    | ImportError::Binary { .. }),
                ..
            } => error.localize(lang),
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
                let warnings = problems.iter().filter(|p| p.is_warning()).count();
                let head = tr!(
                    lang,
                    "answers-import-workbook-problems",
                    file = file.as_str(),
                    count = problems.len().saturating_sub(warnings),
                    warnings = warnings
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
            WorkbookAnswersError::OtherYear {
                cell,
                book_year,
                checklist,
                year,
            } => tr!(
                lang,
                "import-answers-other-year",
                cell = cell.as_str(),
                book = book_year,
                book_wareki = i16::try_from(*book_year)
                    .map(crate::dates::wareki_fiscal_year)
                    .unwrap_or_default(),
                checklist = checklist.as_str(),
                year = year
            ),
            WorkbookAnswersError::OtherForm(other) => {
                let OtherForm {
                    file,
                    place,
                    book_form: _,
                    book_label,
                    checklist,
                    form,
                    init,
                } = &**other;
                tr!(
                    lang,
                    "import-answers-other-form",
                    file = file.as_str(),
                    place = match place {
                        FormPlace::Cell(cell) => {
                            tr!(lang, "import-answers-form-place-cell", cell = cell.as_str())
                        }
                        FormPlace::Sheet(sheet) => {
                            tr!(
                                lang,
                                "import-answers-form-place-sheet",
                                sheet = sheet.as_str()
                            )
                        }
                        FormPlace::Official => tr!(lang, "import-answers-form-place-official"),
                    },
                    book_form = if lang == Lang::Ja {
                        book_label.0.as_str()
                    } else {
                        book_label.1.as_str()
                    },
                    init = init.as_str(),
                    checklist = checklist.as_str(),
                    form = if lang == Lang::Ja {
                        form.0.as_str()
                    } else {
                        form.1.as_str()
                    }
                )
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

/// Whether the first filled row of the first sheet is the header of an answers sheet as the
/// CSV reader reads it (an answer column and a column naming the items, by any of the words
/// it accepts: 項目番号, 番号, 項目ID, or 項目 when neither is there), so that one sheet gives
/// the same result saved as CSV or as XLSX.
fn is_answers_sheet(bytes: &[u8]) -> bool {
    let Ok((_, rows)) = crate::limits::workbook::read_sheet(bytes, None) else {
        return false;
    };
    let Some(header) = rows.iter().find(|r| r.iter().any(|c| *c != Data::Empty)) else {
        return false;
    };
    let words: Vec<String> = header.iter().map(text_of).collect();
    super::sheet::is_answers_header(&words)
}

/// Where the checklist is in a workbook, when the user says: `--sheet`, `--map`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Where<'a> {
    pub sheet: Option<&'a str>,
    pub map: Option<&'a crate::checklist::import::Map>,
}

/// What a filled workbook gives: the answers that could be read (each with the row and cells
/// it came from), and every problem of every row, found in one pass.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadWorkbook {
    /// The workbook as named in messages.
    pub file: String,
    pub imported: Imported,
    pub problems: Vec<Problem>,
    /// Several sheets look like checklists (a 記入例 beside the form) and no `--sheet` was
    /// given: the one the checklist was imported from was read, and these were the candidates.
    pub chosen_sheet: Option<(String, Vec<String>)>,
}

impl ReadWorkbook {
    /// The error that lists `problems` (warnings included), sorted by row; nothing is imported.
    pub fn error(&self, mut problems: Vec<Problem>) -> WorkbookAnswersError {
        problems.sort_by_key(|p| (p.is_warning(), p.row()));
        WorkbookAnswersError::Problems {
            file: self.file.clone(),
            problems,
        }
    }
}

/// The answers in the filled workbook at `path` for `checklist`; `Ok(None)` when `path` is no
/// workbook (CSV) or is medsec's own answers sheet, which [`super::sheet`] reads.
pub fn read(
    path: &Path,
    checklist: &Checklist,
    found_in: &Where<'_>,
) -> Result<Option<ReadWorkbook>, WorkbookAnswersError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    // An old `.xls` is read here too, to be named as what it is (not "unknown sheet type").
    if !matches!(ext.as_str(), "xlsx" | "xlsm" | "xls") {
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
    // The vendor form's workbook into an institution's answers, or the reverse, is said as
    // such before its layout is read (the recorded gate row would name another form's item).
    if let Some((book_form, serves, place)) = crate::checklist::import::workbook_form(&bytes) {
        let vendor = crate::checklist::Form::Vendor;
        if (book_form == vendor) != (checklist.form == vendor) {
            return Err(WorkbookAnswersError::OtherForm(Box::new(OtherForm {
                file: name,
                place,
                book_form,
                book_label: (
                    book_form.label_serving(&serves, Lang::Ja),
                    book_form.label_serving(&serves, Lang::En),
                ),
                checklist: format!("{}@{}", checklist.id, checklist.edition),
                form: (
                    checklist.form_label(Lang::Ja),
                    checklist.form_label(Lang::En),
                ),
                init: format!("medsec init --form {book_form}"),
            })));
        }
    }
    // The gate question where the checklist recorded it at import (a row named with `--map
    // gate=`, or none), unless the user says otherwise now.
    let with_gate;
    // Without `--map`, the layout `checklist import` recorded: a filled workbook's answers
    // (はい/いいえ written in the rows) must not be taken for more header rows.
    let recorded = found_in
        .map
        .is_none()
        .then(|| recorded_map(checklist))
        .flatten();
    let base = found_in.map.or(recorded.as_ref());
    let map = match (base, recorded_gate(checklist)) {
        (Some(m), _) if m.gate.is_some() => Some(m),
        (base, None) => base,
        (base, Some(gate)) => {
            with_gate = Map {
                gate: Some(gate),
                ..base.cloned().unwrap_or(Map {
                    number: None,
                    text: None,
                    section: None,
                    scope: None,
                    header_rows: 1,
                    gate: None,
                })
            };
            Some(&with_gate)
        }
    };
    // A recorded layout or row that no longer fits the workbook (rows or columns inserted
    // since) is searched for as at import instead.
    let find = |sheet: Option<&str>| match find_sheet(&bytes, &name, sheet, map) {
        Err(_) if map != found_in.map => find_sheet(&bytes, &name, sheet, found_in.map),
        other => other,
    };
    // Several candidate sheets (a 記入例 sheet beside the form, a copy): without `--sheet`, the
    // sheet the checklist was imported from, when the workbook has it.
    let recorded_sheet = found_in
        .sheet
        .is_none()
        .then(|| {
            checklist
                .items
                .iter()
                .find_map(|i| crate::checklist::import::layout_of(&i.sources))
                .map(|l| l.sheet)
        })
        .flatten();
    let mut chosen_sheet = None;
    let found = match find(found_in.sheet) {
        Err(ImportError::SeveralSheets { sheets } | ImportError::MapNeedsSheet { sheets })
            if recorded_sheet.as_ref().is_some_and(|r| sheets.contains(r)) =>
        {
            let recorded = recorded_sheet.unwrap_or_default();
            let found = find(Some(&recorded));
            chosen_sheet = Some((recorded, sheets));
            found
        }
        other => other,
    }
    .map_err(|error| WorkbookAnswersError::Layout {
        file: file.clone(),
        error,
    })?;
    if let Some((cell, book_year)) = found.title_fiscal_year() {
        if book_year != i32::from(checklist.fiscal_year) {
            return Err(WorkbookAnswersError::OtherYear {
                cell,
                book_year,
                checklist: format!("{}@{}", checklist.id, checklist.edition),
                year: checklist.fiscal_year,
            });
        }
    }
    let (imported, problems) = updates(&found, checklist)?;
    Ok(Some(ReadWorkbook {
        file,
        imported,
        problems,
        chosen_sheet,
    }))
}

/// The layout `checklist import` recorded for an imported checklist, as a map: its number,
/// wording, section and scope columns and its header rows. `None` for a checklist not
/// imported from a workbook.
fn recorded_map(checklist: &Checklist) -> Option<Map> {
    use crate::checklist::import::ColumnKind;
    let layout = checklist
        .items
        .iter()
        .find_map(|i| crate::checklist::import::layout_of(&i.sources))?;
    let column = |want: ColumnKind| {
        layout
            .columns
            .iter()
            .find(|(_, k)| **k == want)
            .map(|(&c, _)| c)
    };
    Some(Map {
        number: column(ColumnKind::Number),
        text: Some(column(ColumnKind::Text)?),
        section: column(ColumnKind::Section),
        scope: column(ColumnKind::Scope),
        header_rows: layout.data_start,
        gate: None,
    })
}

/// Where an imported checklist has its gate question: the row recorded for its gate item, or
/// none when its rules say the form has none. `None` for a checklist not imported from a
/// workbook, or whose gate was not found (the sheet is then searched as at import).
fn recorded_gate(checklist: &Checklist) -> Option<GateSpec> {
    if !checklist
        .items
        .iter()
        .any(|i| crate::checklist::import::layout_of(&i.sources).is_some())
    {
        return None;
    }
    if checklist
        .rules
        .as_ref()
        .is_some_and(|r| r.gate == crate::checklist::OnForm::NotOnForm)
    {
        return Some(GateSpec::None);
    }
    checklist
        .items
        .iter()
        .find(|i| i.gate)
        .and_then(|i| crate::checklist::import::row_of(&i.sources))
        .map(GateSpec::Row)
}

/// The place of an item row's number cell.
fn place_of(row: &FoundItem) -> Place {
    Place {
        row: row.row + 1,
        cell: Some(row.cell.clone()),
    }
}

/// The checklist item a workbook row names, by number and scope.
fn item_of<'c>(checklist: &'c Checklist, row: &FoundItem) -> Result<&'c Item, Problem> {
    let same: Vec<&Item> = checklist
        .items
        .iter()
        .filter(|i| {
            super::sheet::names_item(i, &row.number) || super::sheet::names_item(i, &row.sectioned)
        })
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
        same.clone()
    };
    match chosen.as_slice() {
        [one] => Ok(one),
        // The number is there, for other scopes: the scope cell is what to correct.
        [] if !same.is_empty() && !row.scope.is_empty() => Err(Problem::UnknownScope {
            at: Place {
                row: row.row + 1,
                cell: Some(row.scope_cell.clone().unwrap_or_else(|| row.cell.clone())),
            },
            number: row.number.clone(),
            scope: row.scope.clone(),
            candidates: same.iter().map(|i| labels(i)).collect(),
        }),
        // The number is on several rows and the row names no scope to choose one.
        [] if same.len() > 1 => Err(Problem::AmbiguousItem {
            at: place_of(row),
            number: row.number.clone(),
            candidates: same.iter().map(|i| labels(i)).collect(),
        }),
        [] => Err(Problem::UnknownItem {
            at: place_of(row),
            number: row.number.clone(),
            checklist: checklist.full_id(),
        }),
        many => Err(Problem::AmbiguousItem {
            at: place_of(row),
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
        // TRUE/FALSE or a formula's error (#DIV/0!) in a date column is never a date, and never
        // a blank to pass over in silence.
        Data::Bool(_) | Data::Error(_) => Err(DateError::NotADate(value.to_string())),
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

/// Whether the row is answered いいえ in `round` (a mark in its いいえ column, or いいえ in its
/// answer column).
fn answered_no(found: &FoundSheet, row: usize, columns: &[(usize, Role, u8)], round: u8) -> bool {
    columns
        .iter()
        .filter(|(_, _, n)| *n == round)
        .any(|&(c, role, _)| {
            let value = found.value(row, c);
            match role {
                Role::No => mark(value, "いいえ") == Some(true),
                Role::Answer => Response::parse(&text_of(value)) == Some(Response::No),
                _ => false,
            }
        })
}

/// The column of medsec's answers sheet that a workbook column's role fills.
fn column_of(role: Role) -> Column {
    match role {
        Role::Yes | Role::No | Role::NotApplicable | Role::Answer => Column::Answer,
        Role::CheckedOn => Column::CheckedOn,
        Role::TargetDate => Column::TargetDate,
        Role::Reason => Column::Reason,
        Role::Note => Column::Note,
    }
}

/// Every answer of the sheet `found`, and every problem of every row.
fn updates(
    found: &FoundSheet,
    checklist: &Checklist,
) -> Result<(Imported, Vec<Problem>), WorkbookAnswersError> {
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
    // The reason column's header as the workbook writes it (its lowest line when several).
    let reason_header = columns
        .iter()
        .find(|(_, role, _)| matches!(role, Role::Reason))
        .and_then(|&(c, _, _)| {
            (found.header_start..found.data_start)
                .rev()
                .map(|r| found.text(r, c).trim())
                .find(|t| !t.is_empty())
                .map(str::to_owned)
        });
    let mut imported = Imported {
        reason_header,
        ..Imported::default()
    };
    let at = |r: usize, c: usize| Place {
        row: r + 1,
        cell: Some(found.name(r, c)),
    };
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
                    at: at(r, c),
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
                at: place_of(row),
                first,
                item: labels(item),
            });
            continue;
        }
        // A 目標日 column both rounds share goes with the round answered いいえ.
        let no_rounds: Vec<u8> = super::model::ROUNDS
            .into_iter()
            .filter(|&round| answered_no(found, row.row, &columns, round))
            .collect();
        for round in super::model::ROUNDS {
            let shares = if no_rounds.is_empty() {
                round == 1
            } else {
                no_rounds.contains(&round)
            };
            let here: Vec<(usize, Role)> = columns
                .iter()
                .filter(|(_, _, n)| *n == round || (shares && *n == SHARED_ROUND))
                .map(|&(c, role, _)| (c, role))
                .collect();
            if here.is_empty() {
                continue;
            }
            let mut responses: Vec<(Response, String)> = Vec::new();
            let mut set: Vec<(&'static str, FieldValue)> = Vec::new();
            let mut other_cell = None;
            // An answer cell refused (「済」) is the cause: no follow-on "date but no answer".
            let mut refused = false;
            let mut origin = Origin {
                row: row.row + 1,
                cells: BTreeMap::from([(Column::Number, row.cell.clone())]),
                bad: Vec::new(),
            };
            for (c, role) in here {
                let value = found.value(row.row, c);
                let cell = found.name(row.row, c);
                if column_of(role) != Column::Answer {
                    origin
                        .cells
                        .entry(column_of(role))
                        .or_insert_with(|| cell.clone());
                }
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
                            at: at(row.row, c),
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
                                None => Some(Problem::BadAnswer {
                                    at: at(row.row, c),
                                    value: t,
                                }),
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
                        Err(error) => {
                            origin.bad.push(column_of(role));
                            Some(Problem::BadDate {
                                at: at(row.row, c),
                                error,
                                fiscal_year: checklist.fiscal_year,
                            })
                        }
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
                refused |= matches!(
                    problem,
                    Some(Problem::BadMark { .. } | Problem::BadAnswer { .. })
                );
                problems.extend(problem);
            }
            responses.sort_by(|a, b| a.1.cmp(&b.1));
            let mut kinds: Vec<Response> = responses.iter().map(|(r, _)| *r).collect();
            kinds.dedup();
            match kinds.as_slice() {
                [] if refused => {}
                [] => {
                    if let Some(cell) = other_cell {
                        problems.push(Problem::NoAnswer {
                            at: Place {
                                row: row.row + 1,
                                cell: Some(cell),
                            },
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
                    if let Some((_, cell)) = responses.first() {
                        origin.cells.insert(Column::Answer, cell.clone());
                    }
                    imported.updates.push(Update {
                        item: item.id.clone(),
                        round,
                        set,
                        remove: vec!["carried_from", "review"],
                    });
                    imported.origins.push(origin);
                }
                _ => problems.push(Problem::Ambiguous {
                    row: row.row + 1,
                    cells: responses.into_iter().map(|(_, c)| c).collect(),
                    item: labels(item),
                    round,
                }),
            }
        }
    }
    Ok((imported, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_of_every_kind() {
        for m in [
            "●", "○", "◯", "〇", "レ", "✓", "✔", "x", "X", " ○ ", "1", "TRUE", "true",
        ] {
            assert_eq!(mark(&Data::String(m.into()), "はい"), Some(true), "{m}");
        }
        for m in ["0", "FALSE", "", "－"] {
            assert_eq!(mark(&Data::String(m.into()), "はい"), Some(false), "{m}");
        }
        assert_eq!(mark(&Data::Float(1.0), "はい"), Some(true));
        assert_eq!(mark(&Data::Float(0.0), "はい"), Some(false));
        assert_eq!(mark(&Data::Bool(false), "はい"), Some(false));
        assert_eq!(mark(&Data::String("×".into()), "はい"), None);
        assert_eq!(mark(&Data::Float(2.0), "はい"), None);
        assert_eq!(mark(&Data::String("はい".into()), "はい"), Some(true));
        assert_eq!(mark(&Data::Bool(true), "はい"), Some(true));
        assert_eq!(mark(&Data::Empty, "はい"), Some(false));
        assert_eq!(mark(&Data::String("－".into()), "はい"), Some(false));
        assert_eq!(mark(&Data::String("いいえ".into()), "はい"), None);
    }

    #[test]
    fn a_truth_value_or_a_formula_error_in_a_date_column_is_refused() {
        assert!(date_of(&Data::Bool(true)).is_err());
        assert!(date_of(&Data::Error(calamine::CellErrorType::Div0)).is_err());
        assert_eq!(date_of(&Data::String("年　月　日".into())).ok(), Some(None));
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
