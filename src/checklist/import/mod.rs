//! `checklist import`: a checklist workbook (XLSX) read into a checklist file.
//!
//! The layout is found, not assumed (see `layout`): the header by its words, items by their
//! printed numbers, sections by their headings, merged cells filled, blank rows skipped. The
//! wording is taken from the cells as it is (line breaks inside a cell joined). The output is
//! deterministic: the same workbook bytes and options give the same file bytes everywhere.
//!
//! This module reads bytes it is given and never prints or writes files.

mod columns;
mod error;
mod grid;
mod ids;
mod layout;
mod number;
pub use number::{
    circled as circled_number, circled_only as circled_number_only, comparable as comparable_number,
};
pub mod official;
mod output;
mod printed;
pub use printed::{printed_cells, PrintedCell};
mod rows;
mod rules;
mod target_note;
pub use target_note::TargetNote;

pub use columns::{
    column_role, layout_of, row_of, row_source, ColumnKind, NotImported, RecordedLayout, Role,
    SHARED_ROUND,
};
pub use error::{CandidateRow, ClueRole, Clues, ImportError, Missed, SheetClue, ZipHolds};
pub use ids::{wording_key, IdSummary, IdsFrom};
pub use layout::{GateSpec, Map};
pub use official::OfficialWorkbook;

use crate::checklist::{Form, Lang};
use crate::tr;
use grid::Grid;
use layout::Layout;
use output::{metadata, title_of, write, Output};
use rows::parse_rows;
use sha2::{Digest, Sha256};

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
    /// `--ids-from`: the earlier checklist whose IDs matching items take (`ids`).
    pub ids_from: Option<IdsFrom>,
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
    /// The header's cell in the wording column (`Sheet1!B3`; with a `--map` of several header
    /// rows, their range: `Sheet1!B1:B3`).
    pub header: String,
    /// The layout, as a `--map` would state it.
    pub layout: String,
    pub items: usize,
    pub sections: usize,
    pub provenance: Provenance,
    /// Rows under the header that have text but no number, left out (first cell of each).
    pub skipped: Vec<String>,
    /// The cell of the gate question (医療情報システムの有無), when one was found or named, and
    /// its number as the checklist file holds it (`0`, `0-①`).
    pub gate: Option<(String, String)>,
    pub form: Form,
    /// The checklist was named after the workbook's file (no `--id`, not an official one).
    pub id_from_file: bool,
    /// Sections the sheet prints no heading for (given medsec's default title).
    pub untitled_sections: Vec<String>,
    /// The fiscal year the sheet's title names (令和8年度版), when `--edition` says another.
    pub title_year_differs: Option<i32>,
    /// What `--ids-from` matched.
    pub ids: Option<IdSummary>,
    /// Columns with content that the checklist format has no place for (責任分界…).
    pub not_imported: Vec<NotImported>,
    /// The note about 目標日 that `target_date` was read from, or could not be (no 目標日
    /// header named the window).
    pub target_note: Option<TargetNote>,
}

/// The first bytes of an OLE compound file (encrypted workbooks, old .xls).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether a file extension (no dot, any case) names a spreadsheet: `.xlsx` and the others a
/// user may hand over (`.xls`, `.xlsm`, `.xlsb`, `.ods`), which the import reads or refuses
/// naming what the file is.
pub fn is_workbook_extension(extension: &str) -> bool {
    ["xlsx", "xls", "xlsm", "xlsb", "ods"]
        .iter()
        .any(|x| extension.eq_ignore_ascii_case(x))
}

/// Why `bytes` are no XLSX workbook, when that can be told from their first bytes: an OLE
/// compound file (a password-protected workbook or an old `.xls`), a PDF, a ZIP archive that
/// holds no workbook (a Word document, an OpenDocument file), text (a CSV saved from Excel,
/// UTF-8 with or without a BOM, UTF-16 with one, or Shift_JIS), or bytes of no kind known.
/// A ZIP that holds `xl/workbook.xml` (or is too broken to list) is left to the reader.
fn not_a_workbook(bytes: &[u8], file: &str) -> Option<ImportError> {
    const UTF16_BOMS: [&[u8]; 2] = [&[0xFF, 0xFE], &[0xFE, 0xFF]];
    if bytes.is_empty() {
        return Some(ImportError::Empty {
            file: file.to_owned(),
        });
    }
    let file = file.to_owned();
    if bytes.starts_with(OLE_MAGIC) {
        return Some(ImportError::Encrypted { file });
    }
    if bytes.starts_with(b"%PDF") {
        return Some(ImportError::Pdf { file });
    }
    if bytes.starts_with(b"PK") {
        return zip_holding(bytes).map(|holds| ImportError::ZipNotWorkbook { file, holds });
    }
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    if head.is_empty() {
        return None;
    }
    if UTF16_BOMS.iter().any(|bom| bytes.starts_with(bom)) || looks_like_text(head) {
        return Some(ImportError::Text { file });
    }
    let first: Vec<String> = head.iter().take(8).map(|b| format!("{b:02X}")).collect();
    Some(ImportError::Binary {
        file,
        head: first.join(" "),
    })
}

/// Text as a CSV saved from Excel is: no control byte but tab, line breaks and form feed, and
/// valid UTF-8 or Shift_JIS (the last character may be cut off at the end of `head`).
fn looks_like_text(head: &[u8]) -> bool {
    let control = |b: &u8| (*b < 0x20 && !matches!(*b, b'\t' | b'\n' | b'\r' | 0x0C)) || *b == 0x7F;
    if head.iter().any(control) {
        return false;
    }
    let utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    let sjis = |bytes: &[u8]| {
        encoding_rs::SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    };
    utf8 || sjis(head) || head.split_last().is_some_and(|(_, rest)| sjis(rest))
}

/// What a ZIP archive that is no XLSX workbook holds (`None` when it holds `xl/workbook.xml`,
/// cannot be listed, or lists more entries than a workbook may have: the reader says why).
fn zip_holding(bytes: &[u8]) -> Option<ZipHolds> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    if zip.len() > crate::limits::ZIP_MAX_ENTRIES {
        return None;
    }
    let names: Vec<&str> = zip.file_names().collect();
    let any = |f: &dyn Fn(&str) -> bool| names.iter().any(|n| f(n));
    if any(&|n| n.eq_ignore_ascii_case("xl/workbook.xml")) {
        return None;
    }
    Some(if any(&|n| n.starts_with("word/")) {
        ZipHolds::Word
    } else if any(&|n| n.starts_with("ppt/")) {
        ZipHolds::PowerPoint
    } else if any(&|n| n == "mimetype") && any(&|n| n == "content.xml") {
        ZipHolds::OpenDocument
    } else {
        ZipHolds::Other
    })
}

/// Import the workbook in `bytes`.
/// Whether the first filled row of `grid` is the header medsec writes on an answers sheet
/// (`answer --export`): answers to import with `answer --import`, not a checklist.
fn is_answers_export(grid: &Grid) -> bool {
    grid.rows
        .iter()
        .find(|row| row.iter().any(|c| !c.text.trim().is_empty()))
        .is_some_and(|row| {
            let words: Vec<&str> = row.iter().map(|c| c.text.trim()).collect();
            crate::answers::sheet::is_answers_export_header(&words)
        })
}

pub fn import(bytes: &[u8], opts: &ImportOptions) -> Result<Imported, ImportError> {
    let file = opts.file_name.clone();
    if let Some(error) = not_a_workbook(bytes, &file) {
        return Err(error);
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
    if grids.iter().all(is_answers_export) {
        return Err(ImportError::AnswersSheet {
            file,
            sheet: grids.first().map(|g| g.sheet.clone()).unwrap_or_default(),
        });
    }
    let (grid, layout, header) = choose(&grids, opts)?;
    let mut parsed =
        parse_rows(grid, &layout, gate_spec(opts.map.as_ref())).map_err(|e| e.in_file(&file))?;
    if parsed.items.is_empty() {
        return Err(no_items(grid, &layout, opts.map.as_ref(), header));
    }
    let (ids, assigned, section_english) = match &opts.ids_from {
        Some(from) => {
            let mut assigned = ids::assign(&mut parsed.items, &from.checklist);
            let section_english = ids::section_english(&parsed.sections, &from.checklist);
            assigned.summary.section_titles_carried = section_english.keys().cloned().collect();
            (Some(assigned.summary.clone()), assigned, section_english)
        }
        None => (
            None,
            ids::Assigned::default(),
            std::collections::BTreeMap::new(),
        ),
    };
    let official = match &provenance {
        Provenance::Official(w) => Some(w),
        _ => None,
    };
    // An official workbook is recorded under its published name, whatever the download was
    // renamed to: the same file gives the same checklist and digest on every machine. Any
    // other workbook is recorded under its own name (its checklist ID is made from it).
    let file = official.map_or(file, |w| w.file.clone());
    let title = title_of(grid, &layout)
        .or_else(|| official.map(|w| w.title_ja.clone()))
        .unwrap_or_else(|| tr!(Lang::Ja, "workbook-default-title", file = file.as_str()));
    let meta = metadata(opts, official, &title, &file)?;
    let title_year_differs = title_of(grid, &layout)
        .and_then(|t| output::reiwa_year(&t))
        .filter(|y| *y != meta.fiscal_year);
    let source = format!("workbook:{file}#sha256={sha256}");
    let recorded_layout = columns::record(grid, &layout);
    let recorded = recorded_layout.to_source();
    let printed = printed::record(grid, &recorded_layout, &parsed.items);
    let headers = answer_headers(grid, &layout, &recorded_layout);
    let item_rows: Vec<usize> = parsed.items.iter().map(|i| i.row).collect();
    let not_imported = columns::not_imported(grid, &recorded_layout, &item_rows);
    let target_note = target_note::find(grid, meta.fiscal_year);
    let inferred = rules::infer(&rules::Input {
        layout: &recorded_layout,
        headers: &headers,
        official,
        file: &file,
        edition: &meta.edition,
        fiscal_year: meta.fiscal_year,
        gate: &parsed.gate,
        form: meta.form,
        target_note: target_note.as_ref(),
    });
    let rules_block = rules::block(&inferred, &source);
    let toml = write(&Output {
        meta: &meta,
        title: &title,
        file: &file,
        sheet: &grid.sheet,
        sha256: &sha256,
        source: &source,
        layout: &recorded,
        printed: &printed,
        official,
        parsed: &parsed,
        rules: &rules_block,
        replaces: &assigned.replaces,
        english: &assigned.english,
        section_english: &section_english,
        ids_from: opts.ids_from.as_ref(),
    });
    let id_from_file = opts.id.is_none() && official.is_none();
    let untitled_sections = parsed
        .sections
        .iter()
        .filter(|s| s.title.is_none() && s.id != "0")
        .map(|s| s.id.clone())
        .collect();
    Ok(Imported {
        toml,
        sha256,
        checklist: format!("{}@{}", meta.id, meta.edition),
        header,
        layout: layout::describe(&layout),
        items: parsed.items.len(),
        sections: parsed.sections.len(),
        provenance,
        gate: match &parsed.gate {
            rows::GateFound::Detected { cell }
            | rows::GateFound::Instructed { cell }
            | rows::GateFound::Mapped { cell, .. } => {
                let number = parsed
                    .items
                    .iter()
                    .find(|i| i.gate)
                    .map(|i| i.number.clone());
                Some((cell.clone(), number.unwrap_or_else(|| "0".to_owned())))
            }
            _ => None,
        },
        skipped: parsed.skipped,
        form: meta.form,
        id_from_file,
        untitled_sections,
        title_year_differs,
        ids,
        not_imported,
        target_note: inferred.target_note,
    })
}

/// A sheet laid out like a checklist, found in a workbook, for reading what a person filled in
/// beside its items (`answer --import`, src/answers/workbook.rs): where its header and items
/// are, and its cells as read.
#[derive(Debug, Clone)]
pub struct FoundSheet {
    grid: Grid,
    /// The sheet's cells as read (dates and booleans kept), rows from the top.
    values: Vec<Vec<calamine::Data>>,
    /// First row of the header and first row after it (0-based).
    pub header_start: usize,
    pub data_start: usize,
    /// The columns where people answer: column, role, round.
    pub answer_columns: Vec<(usize, Role, u8)>,
    pub items: Vec<FoundItem>,
}

/// An item row of a [`FoundSheet`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundItem {
    /// 0-based row.
    pub row: usize,
    /// The number in the checklist format (`2-④`, `1-(2)`, or `①` as printed where the sheet
    /// numbers straight through).
    pub number: String,
    /// The number with its section (`2-④`), to match a checklist that keeps sections in its
    /// numbers when this sheet alone does not need them.
    pub sectioned: String,
    pub scope: Vec<crate::checklist::Scope>,
    /// The cell of the number (`Sheet1!A6`).
    pub cell: String,
    /// The cell the scope was read from (a scope column's, or the wording's for a label in
    /// the text); `None` without a scope.
    pub scope_cell: Option<String>,
}

impl FoundSheet {
    pub fn sheet(&self) -> &str {
        &self.grid.sheet
    }

    /// Number of columns.
    pub fn width(&self) -> usize {
        self.grid.rows.first().map_or(0, Vec::len)
    }

    /// Number of rows.
    pub fn height(&self) -> usize {
        self.grid.rows.len()
    }

    /// A cell's text, trimmed, merged regions filled from their first cell.
    pub fn text(&self, row: usize, col: usize) -> &str {
        self.grid.text(row, col)
    }

    /// Whether the cell is covered by a merged region and is not its first cell.
    pub fn merged_copy(&self, row: usize, col: usize) -> bool {
        self.grid
            .cell(row, col)
            .is_some_and(|c| c.merged_from.is_some())
    }

    /// A cell's value as read (empty outside the sheet).
    pub fn value(&self, row: usize, col: usize) -> &calamine::Data {
        static EMPTY: calamine::Data = calamine::Data::Empty;
        self.values
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    /// `Sheet1!B3` for 0-based row and column.
    pub fn name(&self, row: usize, col: usize) -> String {
        self.grid.name(row, col)
    }

    /// The fiscal year the form's title names (「…(令和8年度版)」 above the header, as
    /// `checklist import` reads it), with the title's cell. Every row above the items is read:
    /// a layout replayed as a map (an imported checklist's, `--map`) counts the title rows as
    /// header rows from row 1, which are then no rows above the header.
    pub fn title_fiscal_year(&self) -> Option<(String, i32)> {
        (0..self.data_start.max(self.header_start)).find_map(|r| {
            self.grid
                .rows
                .get(r)?
                .iter()
                .enumerate()
                .find_map(|(c, cell)| {
                    let year = (cell.merged_from.is_none() && cell.text.contains("チェックリスト"))
                        .then(|| output::reiwa_year(&cell.text))??;
                    Some((self.grid.name(r, c), year))
                })
        })
    }
}

/// Which form a workbook says it is, before its layout is read: an official workbook known
/// by its SHA-256 is the form the registry gives it (`None` for the cell); otherwise the first
/// sheet name or cell among a sheet's first rows that names a form (事業者確認用 is the vendor
/// form; 医療機関確認用, 薬局確認用 and 医療機関・薬局確認用 an institution's), with that place.
/// The form comes with the institutions it serves as far as the name says (医療機関・薬局確認用
/// serves both). `None` when nothing names one.
pub fn workbook_form(
    bytes: &[u8],
) -> Option<(Form, Vec<crate::checklist::InstitutionKind>, FormPlace)> {
    use crate::checklist::InstitutionKind as Kind;
    let sha256 = hex(&Sha256::digest(bytes));
    if let Some(w) = official::known()
        .ok()
        .and_then(|known| official::by_sha256(&known, &sha256).cloned())
    {
        let serves = w.serves.iter().filter_map(|k| Kind::parse(k)).collect();
        return Form::parse(&w.form).map(|f| (f, serves, FormPlace::Official));
    }
    let named = |text: &str| {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if t.contains("事業者確認用") {
            Some((Form::Vendor, vec![]))
        } else if t.contains("医療機関確認用") || t.contains("薬局確認用") {
            Some(match (t.contains("医療機関"), t.contains("薬局")) {
                (true, true) => (
                    Form::Institution,
                    vec![Kind::Hospital, Kind::Clinic, Kind::Pharmacy],
                ),
                (true, false) => (Form::Institution, vec![Kind::Hospital, Kind::Clinic]),
                _ => (Form::Pharmacy, vec![Kind::Pharmacy]),
            })
        } else {
            None
        }
    };
    let sheets = crate::limits::workbook::read_sheets(bytes).ok()?;
    sheets.iter().find_map(|sheet| {
        if let Some((form, serves)) = named(&sheet.name) {
            return Some((form, serves, FormPlace::Sheet(sheet.name.clone())));
        }
        let grid = Grid::new(sheet)?;
        (0..grid.rows.len().min(FORM_NAME_ROWS)).find_map(|r| {
            grid.rows.get(r)?.iter().enumerate().find_map(|(c, cell)| {
                let (form, serves) = named(&cell.text).filter(|_| cell.merged_from.is_none())?;
                Some((form, serves, FormPlace::Cell(grid.name(r, c))))
            })
        })
    })
}

/// What says which form a workbook is (see [`workbook_form`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPlace {
    /// An official workbook known by its SHA-256.
    Official,
    /// The sheet's name.
    Sheet(String),
    /// A cell above the items (`チェックリスト!A2`).
    Cell(String),
}

/// How many rows from the top of a sheet may name its form (title rows above the header).
const FORM_NAME_ROWS: usize = 6;

/// Find the one sheet of the workbook in `bytes` laid out like a checklist, and its items, as
/// `checklist import` does (the same errors: encrypted, not a checklist, several sheets,
/// duplicate numbers); `sheet` and `map` as `--sheet` and `--map` say. `file_name` names the
/// workbook in errors.
pub fn find_sheet(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    map: Option<&Map>,
) -> Result<FoundSheet, ImportError> {
    let file = file_name.to_owned();
    if let Some(error) = not_a_workbook(bytes, &file) {
        return Err(error);
    }
    let sheets =
        crate::limits::workbook::read_sheets(bytes).map_err(|error| ImportError::Workbook {
            file: file.clone(),
            error,
        })?;
    let chosen: Vec<&crate::limits::workbook::Sheet> = sheets
        .iter()
        .filter(|s| sheet.is_none_or(|want| s.name == want))
        .collect();
    let grids = chosen
        .iter()
        .map(|s| {
            Grid::new(s).ok_or_else(|| ImportError::TooManyCells {
                sheet: s.name.clone(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let opts = ImportOptions {
        file_name: file.clone(),
        sheet: sheet.map(str::to_owned),
        map: map.cloned(),
        ..ImportOptions::default()
    };
    if grids.is_empty() {
        return Err(ImportError::Workbook {
            file,
            error: crate::limits::workbook::WorkbookError::NoSheet {
                wanted: opts.sheet.clone(),
                names: sheets.iter().map(|s| s.name.clone()).collect(),
            },
        });
    }
    let (grid, layout, header) = choose(&grids, &opts)?;
    let parsed = parse_rows(grid, &layout, gate_spec(map)).map_err(|e| e.in_file(&file))?;
    if parsed.items.is_empty() {
        return Err(no_items(grid, &layout, map, header));
    }
    let values = chosen
        .iter()
        .find(|s| s.name == grid.sheet)
        .map(|s| s.rows.clone())
        .unwrap_or_default();
    let number_col = layout.number.unwrap_or(layout.text);
    let structure: Vec<usize> = [
        layout.number,
        Some(layout.text),
        layout.section,
        layout.scope,
    ]
    .into_iter()
    .flatten()
    .collect();
    let answer_columns =
        columns::answer_columns(grid, layout.header_start, layout.data_start, &structure);
    let items = parsed
        .items
        .iter()
        .map(|i| FoundItem {
            row: i.row,
            number: i.number.clone(),
            sectioned: i.sectioned.clone(),
            scope: i.scope.clone(),
            cell: grid.name(i.row, number_col),
            scope_cell: i.scope_cell.clone(),
        })
        .collect();
    Ok(FoundSheet {
        grid: grid.clone(),
        values,
        header_start: layout.header_start,
        data_start: layout.data_start,
        answer_columns,
        items,
    })
}

/// The header of each answer column: the cell of its last header row and the text of all
/// its header rows (merged cells filled).
fn answer_headers(
    grid: &Grid,
    layout: &Layout,
    recorded: &RecordedLayout,
) -> std::collections::BTreeMap<usize, rules::Header> {
    recorded
        .columns
        .iter()
        .filter(|(_, k)| matches!(k, ColumnKind::Answer(..)))
        .map(|(&c, _)| {
            let text: Vec<&str> = (layout.header_start..layout.data_start)
                .map(|r| grid.text(r, c))
                .filter(|t| !t.is_empty())
                .collect();
            let last = layout.data_start.saturating_sub(1).max(layout.header_start);
            let header = rules::Header {
                cell: grid.name(last, c),
                text: text.join(" "),
            };
            (c, header)
        })
        .collect()
}

/// The header a `--map` states, for the summary: its rows in the wording column
/// (`Sheet1!C1`, `Sheet1!C1:C3`); without header rows, the first cell of the wording.
fn mapped_header(grid: &Grid, layout: &Layout) -> String {
    let first = grid.name(layout.header_start, layout.text);
    match layout.data_start.saturating_sub(layout.header_start) {
        0 | 1 => first,
        _ => format!(
            "{first}:{}{}",
            grid::column_name(layout.text),
            layout.data_start
        ),
    }
}

/// No numbered item below the header. Where `--map number=` stated the number column, what
/// that column holds is said (its first values and their cells) instead of advice to use
/// `--map`, which was used.
fn no_items(grid: &Grid, layout: &Layout, map: Option<&Map>, header: String) -> ImportError {
    match (map.and_then(|m| m.number), layout.number) {
        (Some(_), Some(nc)) => ImportError::NoItemsInMappedColumn {
            column: grid.name(layout.data_start, nc),
            found: (layout.data_start..grid.rows.len())
                .filter(|&r| !grid.text(r, nc).trim().is_empty())
                .take(3)
                .map(|r| (grid.name(r, nc), number::normalise(grid.text(r, nc))))
                .collect(),
        },
        _ => ImportError::NoItems {
            header,
            layout: layout::describe(layout),
        },
    }
}

/// What `--map gate=` says, if anything.
fn gate_spec(map: Option<&Map>) -> Option<&GateSpec> {
    map.and_then(|m| m.gate.as_ref())
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
                clues: c,
                among_others: grids.len() > 1,
            }),
        }
    }
    // A map that states only the gate leaves the layout to be found.
    if let Some(layout) = opts.map.as_ref().and_then(Map::layout) {
        let grid = match (grids, found.as_slice()) {
            ([only], _) => only,
            (_, [(g, _, _)]) => *g,
            _ => {
                return Err(ImportError::MapNeedsSheet {
                    sheets: grids.iter().map(|g| g.sheet.clone()).collect(),
                })
            }
        };
        // The map counts its header rows from the sheet's top; where the header is found
        // ending on the same row, it starts where found: the same layout stated either way
        // gives the same bytes (the recorded `rows=`).
        let layout = match found
            .iter()
            .find(|(g, found, _)| g.sheet == grid.sheet && found.data_start == layout.data_start)
        {
            Some((_, found, _)) => Layout {
                header_start: found.header_start,
                ..layout
            },
            None => layout,
        };
        return Ok((grid, layout.clone(), mapped_header(grid, &layout)));
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
