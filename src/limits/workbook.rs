//! Reading an XLSX workbook without trusting it: the zip's declared and real inflated sizes
//! are checked before calamine opens it, and the sheet is read cell by cell, so a cell at
//! `XFD1048576` or a declared range of a billion cells is refused instead of allocated.

use super::{
    SHEET_MAX_CELLS, SHEET_MAX_COLUMNS, SHEET_MAX_ROWS, ZIP_MAX_ENTRIES, ZIP_MAX_INFLATED,
};
use crate::checklist::Lang;
use calamine::{Data, Reader, Xlsx};
use std::io::{Cursor, Read};

/// Why a workbook was refused. Serialized language-free (probe evidence records it) and said
/// in the reader's language by [`WorkbookError::message`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkbookError {
    /// Not a zip archive (the reader's detail).
    NotZip(String),
    /// A zip archive calamine cannot read as a workbook (its detail).
    Unreadable(String),
    /// A sheet calamine cannot read (its detail).
    SheetUnreadable { sheet: String, detail: String },
    /// The archive holds more entries than [`ZIP_MAX_ENTRIES`].
    TooManyEntries { count: usize },
    /// The archive inflates (by its own declaration, or in fact) past [`ZIP_MAX_INFLATED`].
    Inflates { entry: String },
    /// No sheet of that name (or no sheet at all).
    NoSheet {
        wanted: Option<String>,
        names: Vec<String>,
    },
    /// The sheet's declared range reaches past the limits.
    DeclaredRange { sheet: String, cell: String },
    /// A cell lies past the limits.
    CellOutside { sheet: String, cell: String },
    /// More cells than [`SHEET_MAX_CELLS`].
    TooManyCells { sheet: String },
}

impl WorkbookError {
    /// The message for people in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let last = cell_name(SHEET_MAX_ROWS - 1, SHEET_MAX_COLUMNS - 1);
        let mib = ZIP_MAX_INFLATED / (1024 * 1024);
        match self {
            // A broken zip is said once, plainly: its own text adds nothing for people.
            WorkbookError::NotZip(e) if crate::i18n::detail::is_broken_zip(e) => {
                crate::tr!(lang, "details-zip-invalid")
            }
            WorkbookError::NotZip(e) => {
                crate::tr!(
                    lang,
                    "common-workbook-not-zip",
                    detail = crate::i18n::detail::text(lang, e)
                )
            }
            WorkbookError::Unreadable(e) => {
                crate::tr!(
                    lang,
                    "common-workbook-unreadable",
                    detail = crate::i18n::detail::text(lang, e)
                )
            }
            WorkbookError::SheetUnreadable { sheet, detail } => crate::tr!(
                lang,
                "common-workbook-sheet-unreadable",
                sheet = sheet.as_str(),
                detail = crate::i18n::detail::text(lang, detail)
            ),
            WorkbookError::TooManyEntries { count } => crate::tr!(
                lang,
                "common-workbook-too-many-entries",
                count = (*count),
                limit = ZIP_MAX_ENTRIES
            ),
            WorkbookError::Inflates { entry } => crate::tr!(
                lang,
                "common-workbook-inflates",
                entry = entry.as_str(),
                limit = mib
            ),
            WorkbookError::NoSheet {
                wanted: Some(s),
                names,
            } => crate::tr!(
                lang,
                "common-workbook-no-sheet",
                sheet = s.as_str(),
                names = crate::i18n::join_code(lang, names)
            ),
            WorkbookError::NoSheet { wanted: None, .. } => {
                crate::tr!(lang, "common-workbook-no-sheets")
            }
            WorkbookError::DeclaredRange { sheet, cell } => crate::tr!(
                lang,
                "common-workbook-declared-range",
                sheet = sheet.as_str(),
                cell = cell.as_str(),
                last = last.as_str(),
                rows = SHEET_MAX_ROWS,
                columns = SHEET_MAX_COLUMNS
            ),
            WorkbookError::CellOutside { sheet, cell } => crate::tr!(
                lang,
                "common-workbook-cell-outside",
                sheet = sheet.as_str(),
                cell = cell.as_str(),
                last = last.as_str(),
                rows = SHEET_MAX_ROWS,
                columns = SHEET_MAX_COLUMNS
            ),
            WorkbookError::TooManyCells { sheet } => crate::tr!(
                lang,
                "common-workbook-too-many-cells",
                sheet = sheet.as_str(),
                limit = SHEET_MAX_CELLS
            ),
        }
    }
}

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A sheet's rows from the top (row 1 is index 0), each from column A; empty rows are empty.
pub type Rows = Vec<Vec<Data>>;

/// Read the sheet named `sheet` (or the first) of the XLSX workbook in `bytes`, within the
/// limits. Returns the sheet's name and its rows.
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<(String, Rows), WorkbookError> {
    check_zip(bytes, ZIP_MAX_INFLATED)?;
    let bytes = super::date_formats::with_dates_known(bytes)?;
    let mut wb: Xlsx<Cursor<&[u8]>> =
        Xlsx::new(Cursor::new(&bytes[..])).map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => names.iter().find(|n| n.as_str() == s).cloned(),
        None => names.first().cloned(),
    }
    .ok_or_else(|| WorkbookError::NoSheet {
        wanted: sheet.map(str::to_owned),
        names: names.clone(),
    })?;
    let rows = read_cells(&mut wb, &name)?;
    Ok((name, rows))
}

/// One sheet of a workbook: its name, its rows (as [`read_sheet`] gives them) and its merged
/// regions, each as 0-based `(row, column)` of its first and last cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Rows,
    pub merged: Vec<((u32, u32), (u32, u32))>,
}

/// Every sheet of the XLSX workbook in `bytes`, in workbook order, within the limits (the zip
/// is checked once).
pub fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, WorkbookError> {
    check_zip(bytes, ZIP_MAX_INFLATED)?;
    let bytes = super::date_formats::with_dates_known(bytes)?;
    let mut wb: Xlsx<Cursor<&[u8]>> =
        Xlsx::new(Cursor::new(&bytes[..])).map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in wb.sheet_names() {
        let rows = read_cells(&mut wb, &name)?;
        let merged = match wb.worksheet_merge_cells(&name) {
            Some(Ok(regions)) => regions.iter().map(|d| (d.start, d.end)).collect(),
            Some(Err(e)) => {
                return Err(WorkbookError::SheetUnreadable {
                    sheet: name.clone(),
                    detail: e.to_string(),
                })
            }
            None => Vec::new(),
        };
        sheets.push(Sheet { name, rows, merged });
    }
    Ok(sheets)
}

/// The cells of sheet `name`, within the limits.
fn read_cells(wb: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Rows, WorkbookError> {
    let name = name.to_owned();
    let mut cells =
        wb.worksheet_cells_reader(&name)
            .map_err(|e| WorkbookError::SheetUnreadable {
                sheet: name.clone(),
                detail: e.to_string(),
            })?;
    let declared = cells.dimensions();
    let (end_row, end_col) = declared.end;
    if end_row >= SHEET_MAX_ROWS || end_col >= SHEET_MAX_COLUMNS {
        return Err(WorkbookError::DeclaredRange {
            sheet: name,
            cell: cell_name(end_row, end_col),
        });
    }
    let mut rows: Rows = Vec::new();
    let mut kept = 0usize;
    while let Some(cell) = cells
        .next_cell()
        .map_err(|e| WorkbookError::SheetUnreadable {
            sheet: name.clone(),
            detail: e.to_string(),
        })?
    {
        let (r, c) = cell.get_position();
        if r >= SHEET_MAX_ROWS || c >= SHEET_MAX_COLUMNS {
            return Err(WorkbookError::CellOutside {
                sheet: name,
                cell: cell_name(r, c),
            });
        }
        let value = Data::from(cell.get_value().clone());
        if value == Data::Empty {
            continue;
        }
        // Both within the limits checked above, so these fit in usize.
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let Some(row) = rows.get_mut(r) else { continue };
        if row.len() <= c {
            kept += c + 1 - row.len();
            if kept > SHEET_MAX_CELLS {
                return Err(WorkbookError::TooManyCells { sheet: name });
            }
            row.resize(c + 1, Data::Empty);
        }
        if let Some(slot) = row.get_mut(c) {
            *slot = value;
        }
    }
    Ok(rows)
}

/// Refuse an archive with too many entries, or whose entries declare or really inflate to
/// more than the limit. Inflating stops one byte past what is left of the limit.
fn check_zip(bytes: &[u8], max_inflated: u64) -> Result<(), WorkbookError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| WorkbookError::NotZip(e.to_string()))?;
    if zip.len() > ZIP_MAX_ENTRIES {
        return Err(WorkbookError::TooManyEntries { count: zip.len() });
    }
    let mut declared = 0u64;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
        declared = declared.saturating_add(entry.size());
        if declared > max_inflated {
            return Err(WorkbookError::Inflates {
                entry: entry.name().to_owned(),
            });
        }
    }
    let mut inflated = 0u64;
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
        let name = entry.name().to_owned();
        let left = max_inflated.saturating_sub(inflated);
        let n = std::io::copy(&mut entry.take(left + 1), &mut std::io::sink())
            .map_err(|e| WorkbookError::Unreadable(format!("`{name}`: {e}")))?;
        if n > left {
            return Err(WorkbookError::Inflates { entry: name });
        }
        inflated += n;
    }
    Ok(())
}

/// The day of an Excel date cell (1900 or 1904 date system); `None` outside Excel's range
/// (years 1900–9999) or for a duration.
pub fn excel_date(dt: &calamine::ExcelDateTime) -> Option<jiff::civil::Date> {
    if !dt.is_datetime() || !(0.0..2_958_466.0).contains(&dt.as_f64()) {
        return None;
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// A cell's A1 name from 0-based row and column (`XFD1048576` for the last Excel cell).
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = u64::from(col) + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(u64::from(row) + 1).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook(cells: &[(u32, u16, &str)]) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (r, c, v) in cells {
            ws.write_string(*r, *c, *v).unwrap();
        }
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
        assert_eq!(cell_name(9, 26), "AA10");
    }

    #[test]
    fn rows_come_back_from_a1() {
        let (name, rows) = read_sheet(&workbook(&[(0, 0, "item"), (2, 1, "x")]), None).unwrap();
        assert_eq!(name, "Sheet1");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], vec![Data::String("item".into())]);
        assert!(rows[1].is_empty());
        assert_eq!(rows[2], vec![Data::Empty, Data::String("x".into())]);
    }

    #[test]
    fn a_far_cell_is_refused_by_name() {
        let bytes = workbook(&[(0, 0, "item"), (1_048_575, 16_383, "x")]);
        let e = read_sheet(&bytes, None).unwrap_err();
        assert!(
            matches!(&e, WorkbookError::DeclaredRange { cell, .. } if cell == "XFD1048576"),
            "{e:?}"
        );
        assert!(e.message(Lang::Ja).contains("XFD1048576"));
    }

    #[test]
    fn a_named_sheet_that_is_missing_lists_the_sheets() {
        let e = read_sheet(&workbook(&[(0, 0, "a")]), Some("台帳")).unwrap_err();
        assert!(e.message(Lang::En).contains("Sheet1"));
    }

    /// A zip of one entry of `len` spaces whose headers declare `declared` bytes.
    fn lying_zip(len: usize, declared: u32) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        w.start_file(
            "xl/sharedStrings.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        w.write_all(&vec![b' '; len]).unwrap();
        let mut bytes = w.finish().unwrap().into_inner();
        for (sig, at) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let i = bytes.windows(4).position(|x| x == sig).unwrap();
            bytes[i + at..i + at + 4].copy_from_slice(&declared.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn declared_and_real_inflation_are_both_capped() {
        let limit = 1 << 20;
        // Honest headers: refused on the declaration, nothing inflated.
        assert!(matches!(
            check_zip(&lying_zip(2 << 20, 2 << 20), limit),
            Err(WorkbookError::Inflates { .. })
        ));
        // Headers that say 100 bytes: never more than the limit is inflated, whatever the zip
        // reader makes of the lie (it stops, or it fails the entry).
        match check_zip(&lying_zip(2 << 20, 100), limit) {
            Err(WorkbookError::Inflates { entry }) => assert_eq!(entry, "xl/sharedStrings.xml"),
            Err(WorkbookError::Unreadable(_)) => {}
            other => panic!("{other:?}"),
        }
        assert_eq!(check_zip(&lying_zip(1000, 1000), limit), Ok(()));
    }

    #[test]
    fn every_sheet_comes_with_its_merged_regions() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        wb.add_worksheet().write_string(0, 0, "a").unwrap();
        let ws = wb.add_worksheet();
        ws.merge_range(1, 0, 1, 3, "1 体制構築", &rust_xlsxwriter::Format::new())
            .unwrap();
        let sheets = read_sheets(&wb.save_to_buffer().unwrap()).unwrap();
        assert_eq!(sheets.len(), 2);
        assert!(sheets[0].merged.is_empty());
        assert_eq!(sheets[1].name, "Sheet2");
        assert_eq!(sheets[1].merged, vec![((1, 0), (1, 3))]);
        assert_eq!(sheets[1].rows[1][0], Data::String("1 体制構築".into()));
    }

    #[test]
    fn not_a_zip_is_unreadable() {
        assert!(matches!(
            read_sheet(b"item,answer\n", None),
            Err(WorkbookError::NotZip(_))
        ));
    }
}
