//! Answers kept in a spreadsheet: reading CSV (UTF-8 with or without BOM, Shift_JIS/CP932,
//! UTF-16LE/BE with or without BOM; comma or tab separated) and XLSX into [`super::store::Update`]s, and
//! the columns the export writes.
//!
//! Columns, by header (Japanese or English, any order; others ignored), see [`Column`]:
//! 項目番号 (`number`: the number as printed, `2-④`, also `２－④`, `2-(4)`, `2-4`, or with its
//! scope, `2-④ サーバ`), 対象 (`scope`), 項目ID (`item`: the stable ID), 回答 (`answer`:
//! はい/いいえ/対象外, yes/no/na), 確認日 (`checked_on`), 目標日 (`target_date`), 理由
//! (`reason`), 備考 (`note`), 回 (`round`, default 1). A sheet without a number or ID column
//! may name items in a 項目 column. Dates are in any form [`crate::dates::parse_date_for_people`]
//! reads, or date cells in XLSX. A number shared by several rows of the form (2-④ for サーバ and
//! 端末PC) needs its scope; without one it is an error naming the rows. Every problem of every
//! row is collected in one pass ([`read_updates`]) and names the row as Excel numbers it and the
//! cell ([`Place`]); the walk-through's checks ([`check_imported`]) serve this sheet and filled
//! workbooks alike.

use super::messages::labels;
use super::model::*;
use super::store::{FieldValue, Update};
use super::AnswersError;
use crate::checklist::{Checklist, Item, Lang, Scope, Text};
use crate::dates::{parse_date_for_people as parse_date, DateError};
use crate::limits::workbook::WorkbookError;
use crate::limits::InputKind;
use std::collections::BTreeMap;
use std::path::Path;

/// Text encodings a CSV may come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    ShiftJis,
}

/// Decode CSV bytes: BOMs first, then UTF-8, then Shift_JIS (CP932).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), SheetProblem> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec())
            .map(|s| (s, Encoding::Utf8Bom))
            .map_err(|_| SheetProblem::BadUtf8Bom);
    }
    for (bom, enc, tag) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, Encoding::Utf16Le),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, Encoding::Utf16Be),
    ] {
        if bytes.starts_with(bom) {
            let (text, _, errors) = enc.decode(bytes);
            if errors {
                return Err(SheetProblem::BadUtf16);
            }
            return Ok((text.into_owned(), tag));
        }
    }
    if let Some(utf16) = utf16_without_bom(bytes) {
        return Ok(utf16);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), Encoding::Utf8));
    }
    let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    if errors {
        return Err(SheetProblem::UnknownEncoding);
    }
    Ok((text.into_owned(), Encoding::ShiftJis))
}

/// The text of UTF-16 written without a byte order mark (Excel's "Unicode text" has one; other
/// tools do not) and its byte order; `None` for other bytes. UTF-16 holds a NUL byte in every
/// ASCII character (the commas and line end of every row, the digits of dates), all on one
/// side of the pairs: the side gives the byte order. UTF-8 and Shift_JIS text holds a NUL only
/// by a slip (a stray byte, a tail of zeros): too few, or on both sides. The text must also
/// decode cleanly, without a NUL character. Shared with the key and Get-HotFix CSV readers.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<(String, Encoding)> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        if let [a, b] = pair {
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    let (enc, tag, nuls, other_side) = if odd > even {
        (encoding_rs::UTF_16LE, Encoding::Utf16Le, odd, even)
    } else {
        (encoding_rs::UTF_16BE, Encoding::Utf16Be, even, odd)
    };
    // At least one character in 16 is ASCII (a row of long Japanese cells still has its
    // commas and line end), and at least two thirds of the NULs are on one side: on the
    // other are characters such as 一 (U+4E00) or the ideographic space (U+3000), a few.
    let units = bytes.len() / 2;
    if nuls == 0 || nuls * 16 < units || other_side * 2 > nuls {
        return None;
    }
    let (text, errors) = enc.decode_without_bom_handling(bytes);
    (!errors && !text.contains('\0')).then(|| (text.into_owned(), tag))
}

/// A cell as read: text, or a date from an XLSX date cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as typed (spaces around it are not part of the value).
    Text(String),
    /// Text that the CSV export had quoted against formula injection: exactly the value,
    /// leading tab or carriage return included.
    Verbatim(String),
    Date(jiff::civil::Date),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.trim().to_owned(),
            Cell::Verbatim(s) => s.clone(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

/// Rows of a sheet (the first is the header), with their 1-based row numbers. The file is
/// read within [`crate::limits::SHEET_MAX_BYTES`], an XLSX within the workbook limits.
pub fn read_rows(path: &Path) -> Result<Rows, AnswersError> {
    let err = |problem: SheetProblem| AnswersError::Sheet {
        path: path.to_owned(),
        problems: vec![problem],
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "tsv" | "txt" => {
            let bytes = crate::limits::read(path, InputKind::Sheet)?;
            let (text, _) = decode(&bytes).map_err(err)?;
            csv_rows(&text).map(Rows::csv).map_err(err)
        }
        "xlsx" | "xlsm" => {
            let bytes = crate::limits::read(path, InputKind::Sheet)?;
            xlsx_rows(&bytes).map_err(|error| AnswersError::Workbook {
                path: path.to_owned(),
                error,
            })
        }
        _ => Err(err(SheetProblem::UnknownType)),
    }
}

/// Rows of CSV text, comma or tab separated (`delimiter_of`), with a quote that
/// [`crate::render::sheet`] put before a formula-like value taken off again (see
/// [`unquote_formula`]). A NUL character is no text (a stray byte no spreadsheet shows) and is
/// dropped.
pub fn csv_rows(text: &str) -> Result<Vec<(usize, Vec<Cell>)>, SheetProblem> {
    let text = &text.replace('\0', "");
    let mut reader = csv_reader(text, delimiter_of(text));
    let starts = row_starts(text);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| SheetProblem::Csv(e.to_string()))?;
        // The row as Excel numbers it: records, not lines (a quoted cell may hold line breaks,
        // and CRLF, LF and CR all end one row).
        let line = record.position().map_or(0, |p| {
            // The reader may place a record after CRLF at its LF: step past line ends.
            let mut byte = usize::try_from(p.byte()).unwrap_or(usize::MAX);
            while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
                byte += 1;
            }
            starts.partition_point(|&s| s <= byte)
        });
        rows.push((
            line,
            record
                .iter()
                .map(|c| match unquote_formula(c) {
                    unquoted if unquoted.len() < c.len() => Cell::Verbatim(unquoted.to_owned()),
                    _ => Cell::Text(c.to_owned()),
                })
                .collect(),
        ));
    }
    Ok(rows)
}

fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// The separator of CSV `text`, comma or tab: the one that splits the header (the first row)
/// into more of the sheet's columns ([`Column::of`]), as a tab pasted into a header cell of a
/// comma-separated sheet, or a comma typed into one of a tab-separated sheet, splits it into
/// fewer. A header neither splits into columns is read by its tabs only when it has no comma.
fn delimiter_of(text: &str) -> u8 {
    let columns = |delimiter: u8| {
        let mut reader = csv_reader(text, delimiter);
        let header = reader.records().next().and_then(Result::ok);
        header.map_or(0, |header| {
            let known: std::collections::BTreeSet<Column> =
                header.iter().filter_map(Column::of).collect();
            known.len()
        })
    };
    match columns(b'\t').cmp(&columns(b',')) {
        std::cmp::Ordering::Greater => b'\t',
        std::cmp::Ordering::Less => b',',
        std::cmp::Ordering::Equal => {
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            if first.contains('\t') && !first.contains(',') {
                b'\t'
            } else {
                b','
            }
        }
    }
}

/// The byte offset where each row of CSV `text` starts: after a line end (CRLF, LF or a lone
/// CR) outside a quoted cell. Row n (1-based) starts at `starts[n - 1]`.
fn row_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut quoted = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => quoted = !quoted,
            b'\r' if !quoted => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                starts.push(i + 1);
            }
            b'\n' if !quoted => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP's list).
pub const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Whether a value, after any quotes it starts with, starts like a formula.
fn formula_like(value: &str) -> bool {
    value.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// The CSV export's guard against formula injection (OWASP): a value that starts with one of
/// [`FORMULA_STARTS`], or with quotes and then one of them, gets one more `'` in front, so
/// that Excel shows it as text.
pub fn quote_formula(value: &str) -> std::borrow::Cow<'_, str> {
    if formula_like(value) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// The inverse of [`quote_formula`] for CSV import: one `'` is taken off a value that starts
/// with `'` and, after its quotes, with one of [`FORMULA_STARTS`], which is exactly where the
/// export added one. Any other `'` is the user's and stays.
pub fn unquote_formula(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => value,
    }
}

fn xlsx_rows(bytes: &[u8]) -> Result<Rows, WorkbookError> {
    use calamine::Data;
    let (sheet, rows) = crate::limits::workbook::read_sheet(bytes, None)?;
    let rows = rows
        .into_iter()
        .enumerate()
        .filter(|(_, row)| !row.is_empty())
        .map(|(i, row)| {
            let cells = row
                .iter()
                .map(|c| match c {
                    Data::DateTime(dt) => crate::limits::workbook::excel_date(dt)
                        .map_or_else(|| Cell::Text(c.to_string()), Cell::Date),
                    Data::DateTimeIso(s) => Cell::Text(s.get(..10).unwrap_or(s).to_owned()),
                    Data::Float(f) if f.fract() == 0.0 => Cell::Text(format!("{}", *f as i64)),
                    Data::Empty => Cell::Text(String::new()),
                    other => Cell::Text(other.to_string()),
                })
                .collect();
            (i + 1, cells)
        })
        .collect();
    Ok(Rows {
        sheet: Some(sheet),
        rows,
    })
}

/// A column of the answers sheet. The export writes them in [`Column::EXPORT`] order with
/// headers in the reader's language; the import reads Japanese and English headers, the old
/// English ones included (`item,number,text,round,answer,checked_on,target_date,note`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    /// The number as printed on the form (2-④).
    Number,
    /// The device kind a row is for (サーバ, 端末PC); tells rows with one number apart.
    Scope,
    /// The item's wording (export only; an import without number or ID reads items from it).
    Text,
    Round,
    Answer,
    CheckedOn,
    TargetDate,
    Reason,
    Note,
    /// The stable ID.
    Item,
}

impl Column {
    /// The columns of an exported sheet, in order.
    pub const EXPORT: [Column; 10] = [
        Column::Number,
        Column::Scope,
        Column::Text,
        Column::Round,
        Column::Answer,
        Column::CheckedOn,
        Column::TargetDate,
        Column::Reason,
        Column::Note,
        Column::Item,
    ];

    /// The header in `lang`.
    pub fn header(self, lang: Lang) -> String {
        match self {
            Column::Number => crate::tr!(lang, "answers-sheet-column-number"),
            Column::Scope => crate::tr!(lang, "answers-sheet-column-scope"),
            Column::Text => crate::tr!(lang, "answers-sheet-column-text"),
            Column::Round => crate::tr!(lang, "answers-sheet-column-round"),
            Column::Answer => crate::tr!(lang, "answers-sheet-column-answer"),
            Column::CheckedOn => crate::tr!(lang, "answers-sheet-column-checked-on"),
            Column::TargetDate => crate::tr!(lang, "answers-sheet-column-target-date"),
            Column::Reason => crate::tr!(lang, "answers-sheet-column-reason"),
            Column::Note => crate::tr!(lang, "answers-sheet-column-note"),
            Column::Item => crate::tr!(lang, "answers-sheet-column-item"),
        }
    }

    /// The column a header names, in either language.
    fn of(header: &str) -> Option<Column> {
        let h = header
            .trim()
            .trim_start_matches('\u{feff}')
            .to_ascii_lowercase();
        Some(match h.as_str() {
            "item" | "id" | "item id" | "item_id" | "項目id" | "項目ｉｄ" => Column::Item,
            "number" | "no" | "no." | "番号" | "項目番号" => Column::Number,
            "scope" | "対象" | "対象機器" => Column::Scope,
            "項目" | "text" | "項目の内容" | "内容" => Column::Text,
            "answer" | "回答" => Column::Answer,
            "checked_on" | "checked on" | "確認日" => Column::CheckedOn,
            "target_date" | "target date" | "目標日" => Column::TargetDate,
            "note" | "備考" | "メモ" => Column::Note,
            "round" | "回" | "回目" => Column::Round,
            "reason" | "理由" => Column::Reason,
            _ => return None,
        })
    }
}

/// Whether `header` is the header row of an answers sheet as [`read_updates`] reads it: an
/// answer column, and a column that names the items. medsec's own words for that column
/// (項目番号, 項目ID, `number`, `item`) say so at once; the shorter words a checklist's own
/// workbook uses too (項目, 番号, No.) only when every other header is one of the sheet's, since a
/// checklist layout (大項目, チェック項目, numbers per section) is read by the workbook reader.
pub(crate) fn is_answers_header<S: AsRef<str>>(header: &[S]) -> bool {
    let words: Vec<&str> = header
        .iter()
        .map(|h| h.as_ref().trim())
        .filter(|h| !h.is_empty())
        .collect();
    let cols: Vec<Option<Column>> = words.iter().map(|h| Column::of(h)).collect();
    if !cols.contains(&Some(Column::Answer)) {
        return false;
    }
    let own = words.iter().any(|h| {
        matches!(
            h.trim_start_matches('\u{feff}').to_lowercase().as_str(),
            "項目番号" | "項目id" | "項目ｉｄ" | "number" | "item" | "id" | "item id" | "item_id"
        )
    });
    let names_items = cols
        .iter()
        .any(|c| matches!(c, Some(Column::Item | Column::Number | Column::Text)));
    own || (names_items && cols.iter().all(Option::is_some))
}

/// Whether `header` is the header row medsec writes on an answers sheet (`answer --export`):
/// columns for the item's ID, the round and the answer, which no checklist workbook has.
pub(crate) fn is_answers_export_header<S: AsRef<str>>(header: &[S]) -> bool {
    let cols: Vec<Option<Column>> = header.iter().map(|h| Column::of(h.as_ref())).collect();
    [Column::Item, Column::Round, Column::Answer]
        .iter()
        .all(|want| cols.contains(&Some(*want)))
}

/// One problem with a sheet; any problem means nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    UnknownType,
    BadUtf8Bom,
    BadUtf16,
    UnknownEncoding,
    Csv(String),
    Empty,
    /// The header row has no column for this.
    NoColumn(Column),
    /// No item of the form has this number or ID (with this scope).
    UnknownItem {
        at: Place,
        item: String,
        checklist: String,
    },
    /// A row with an answer and nothing in the column that names its item.
    EmptyNumber {
        at: Place,
        column: Column,
    },
    /// A number on several rows of the form, and no scope to choose one: the candidates'
    /// labels, and an example of a number with its scope.
    AmbiguousItem {
        at: Place,
        item: String,
        candidates: Vec<Text>,
        example: Box<Text>,
    },
    /// A scope (in the 対象 column, or after the number) that none of the number's rows has:
    /// the cell holding the scope, and the labels of the number's rows.
    UnknownScope {
        at: Place,
        number: String,
        scope: String,
        candidates: Vec<Text>,
    },
    BadRound {
        at: Place,
        item: Text,
        value: String,
    },
    BadAnswer {
        at: Place,
        item: Text,
        value: String,
    },
    BadDate {
        at: Place,
        item: Text,
        column: Column,
        error: DateError,
        /// The form's fiscal year, for the example dates.
        fiscal_year: i16,
    },
    Twice {
        at: Place,
        item: Text,
        round: u8,
        first: usize,
    },
    /// A value the walk-through refuses (a target date outside the fiscal year, a 確認日 in
    /// the future, 対象外 where the form has none), found by the inspection's rules.
    Refused(RowNote),
    /// Something the import would have warned about, listed with the problems so that one
    /// run shows everything to fix (not counted as a problem).
    Warning(RowNote),
}

impl SheetProblem {
    /// Whether the problem is about the file as a whole (not listed under a count).
    fn whole_file(&self) -> bool {
        matches!(
            self,
            SheetProblem::UnknownType
                | SheetProblem::BadUtf8Bom
                | SheetProblem::BadUtf16
                | SheetProblem::UnknownEncoding
                | SheetProblem::Csv(_)
                | SheetProblem::Empty
        )
    }

    /// Whether this is a warning listed beside the problems, not a problem.
    pub fn is_warning(&self) -> bool {
        matches!(self, SheetProblem::Warning(_))
    }

    /// The row the problem is on (0 for the file as a whole), for sorting.
    pub fn row(&self) -> usize {
        match self {
            SheetProblem::UnknownItem { at, .. }
            | SheetProblem::EmptyNumber { at, .. }
            | SheetProblem::AmbiguousItem { at, .. }
            | SheetProblem::UnknownScope { at, .. }
            | SheetProblem::BadRound { at, .. }
            | SheetProblem::BadAnswer { at, .. }
            | SheetProblem::BadDate { at, .. }
            | SheetProblem::Twice { at, .. } => at.row,
            SheetProblem::Refused(note) | SheetProblem::Warning(note) => note.at.row,
            _ => 0,
        }
    }

    /// The problem for people in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use crate::tr;
        let sep = tr!(lang, "answers-list-separator");
        match self {
            SheetProblem::UnknownType => tr!(lang, "answers-sheet-unknown-type"),
            SheetProblem::BadUtf8Bom => tr!(lang, "answers-sheet-bad-utf8-bom"),
            SheetProblem::BadUtf16 => tr!(lang, "answers-sheet-bad-utf16"),
            SheetProblem::UnknownEncoding => tr!(lang, "answers-sheet-unknown-encoding"),
            SheetProblem::Csv(reason) => tr!(lang, "answers-sheet-csv", reason = reason.as_str()),
            SheetProblem::Empty => tr!(lang, "answers-sheet-empty"),
            SheetProblem::NoColumn(c) => {
                tr!(lang, "answers-sheet-no-column", column = c.header(lang))
            }
            SheetProblem::UnknownItem {
                at,
                item,
                checklist,
            } => tr!(
                lang,
                "answers-sheet-unknown-item",
                row = at.localize(lang),
                item = item.as_str(),
                checklist = checklist.as_str()
            ),
            SheetProblem::EmptyNumber { at, column } => tr!(
                lang,
                "answers-import-empty-number",
                place = at.localize(lang),
                column = column.header(lang)
            ),
            SheetProblem::AmbiguousItem {
                at,
                item,
                candidates,
                example,
            } => tr!(
                lang,
                "answers-sheet-ambiguous-item",
                row = at.localize(lang),
                item = item.as_str(),
                candidates = candidates
                    .iter()
                    .map(|c| c.get(lang))
                    .collect::<Vec<_>>()
                    .join(&sep),
                example = example.get(lang)
            ),
            SheetProblem::UnknownScope {
                at,
                number,
                scope,
                candidates,
            } => tr!(
                lang,
                "answers-import-unknown-scope",
                row = at.localize(lang),
                number = number.as_str(),
                scope = scope.as_str(),
                candidates = candidates
                    .iter()
                    .map(|c| c.get(lang))
                    .collect::<Vec<_>>()
                    .join(&sep)
            ),
            SheetProblem::BadRound { at, item, value } => tr!(
                lang,
                "answers-sheet-bad-round",
                row = at.localize(lang),
                item = item.get(lang),
                value = value.as_str()
            ),
            SheetProblem::BadAnswer { at, item, value } => tr!(
                lang,
                "answers-sheet-bad-answer",
                row = at.localize(lang),
                item = item.get(lang),
                value = value.as_str()
            ),
            SheetProblem::BadDate {
                at,
                item,
                column,
                error,
                fiscal_year,
            } => tr!(
                lang,
                "answers-sheet-bad-date",
                row = at.localize(lang),
                item = item.get(lang),
                column = column.header(lang),
                error = crate::dates::date_hint(error, lang, Some(*fiscal_year))
            ),
            SheetProblem::Twice {
                at,
                item,
                round,
                first,
            } => tr!(
                lang,
                "answers-sheet-twice",
                row = at.localize(lang),
                item = item.get(lang),
                round = round,
                first = first
            ),
            SheetProblem::Refused(note) => note.message(lang),
            SheetProblem::Warning(note) => tr!(
                lang,
                "answers-field-import-warning",
                message = note.message(lang)
            ),
        }
    }
}

/// The message of [`AnswersError::Sheet`]: one problem with the file, or the count of problems
/// and each on its own line.
pub fn problems_message(path: &Path, problems: &[SheetProblem], lang: Lang) -> String {
    let body = match problems {
        [one] if one.whole_file() => one.message(lang),
        _ => {
            let warnings = problems.iter().filter(|p| p.is_warning()).count();
            let head = crate::tr!(
                lang,
                "answers-import-problems",
                count = problems.len().saturating_sub(warnings),
                warnings = warnings
            );
            let lines: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
            format!("{head}\n  {}", lines.join("\n  "))
        }
    };
    crate::tr!(
        lang,
        "answers-error-sheet",
        path = path.display().to_string(),
        reason = body
    )
}

/// The two numbers of a printed item number, however it is written: `2-④`, `2-(4)`, `2-4`,
/// `２－④`, `２－（４）` all give `(2, Some(4))`; `0` gives `(0, None)`. Returns the rest of the
/// text after the number (a scope, as in `2-④ サーバ`).
fn number_key(text: &str) -> Option<((u32, Option<u32>), String)> {
    let mut t = String::with_capacity(text.len());
    let mut after_digit = false;
    for c in text.trim().chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            // The long-sound mark typed as a dash, only after a digit (サーバ keeps its own).
            '\u{30fc}' | '\u{ff70}' if after_digit => '-',
            '\u{3000}' => ' ',
            _ => c,
        };
        after_digit = c.is_ascii_digit();
        t.push(c);
    }
    let digits = |s: &str| -> (Option<u32>, usize) {
        let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        (s.get(..end).and_then(|d| d.parse().ok()), end)
    };
    // A number printed without its section (`①`, `(3)`), as an imported checklist keeps it
    // where the sheet numbers straight through.
    if let Some(n) = t
        .chars()
        .next()
        .and_then(crate::checklist::import::circled_number)
    {
        let len = t.chars().next().map_or(0, char::len_utf8);
        return Some(((n, None), t.get(len..).unwrap_or("").trim().to_owned()));
    }
    if let Some(inner) = t.strip_prefix('(') {
        let (n, end) = digits(inner);
        let rest = inner.get(end..)?.strip_prefix(')')?;
        return Some(((n?, None), rest.trim().to_owned()));
    }
    let (major, end) = digits(&t);
    let major = major?;
    let rest = t.get(end..).unwrap_or("").trim_start();
    let Some(after_dash) = rest.strip_prefix('-') else {
        return Some(((major, None), rest.to_owned()));
    };
    let after_dash = after_dash.trim_start();
    let circled = after_dash
        .chars()
        .next()
        .and_then(crate::checklist::import::circled_number);
    if let Some(minor) = circled {
        let len = after_dash.chars().next().map_or(0, char::len_utf8);
        let rest = after_dash.get(len..).unwrap_or("");
        return Some(((major, Some(minor)), rest.trim().to_owned()));
    }
    if let Some(inner) = after_dash.strip_prefix('(') {
        let (minor, end) = digits(inner);
        let rest = inner.get(end..)?.strip_prefix(')')?;
        return Some(((major, Some(minor?)), rest.trim().to_owned()));
    }
    let (minor, end) = digits(after_dash);
    let rest = after_dash.get(end..).unwrap_or("");
    Some(((major, Some(minor?)), rest.trim().to_owned()))
}

/// Whether `text` names `scope`: its label in either language, its name in files, or the
/// start of one (端末 for 端末PC), in brackets or not.
fn names_scope(text: &str, scope: Scope) -> bool {
    let t: String = text
        .trim()
        .trim_matches(|c| matches!(c, '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】'))
        .trim()
        .to_lowercase();
    if t.is_empty() {
        return false;
    }
    [
        scope.label(Lang::Ja).to_lowercase(),
        scope.label(Lang::En).to_lowercase(),
        scope.as_str().to_owned(),
    ]
    .iter()
    .any(|name| *name == t || name.starts_with(&t) || t.starts_with(name.as_str()))
}

/// Whether `text` names `item` by its number in any spelling (`2-⑥`, `2-6`, `２－⑥`,
/// `2-(6)`), followed by its scope where given (`2-④ サーバ`).
pub fn names_item(item: &Item, text: &str) -> bool {
    let (Some((key, rest)), Some((own, _))) = (number_key(text), number_key(&item.number)) else {
        return false;
    };
    key == own && (rest.is_empty() || item.scope.iter().any(|s| names_scope(&rest, *s)))
}

/// The item a row names: by ID, or by number (and scope, where the number is on several rows).
/// The ID column may hold a number too (sheets of earlier versions had one `item` column).
fn find_item<'c>(
    checklist: &'c Checklist,
    id: &str,
    number: &str,
    scope: &str,
    at: &Place,
    scope_at: &Place,
) -> Result<&'c Item, SheetProblem> {
    let unknown = |item: &str| SheetProblem::UnknownItem {
        at: at.clone(),
        item: item.to_owned(),
        checklist: checklist.full_id(),
    };
    if let Some(item) = checklist.item(id).or_else(|| checklist.item(number)) {
        return Ok(item);
    }
    // The ID column of older sheets (`item`) held numbers as well.
    let number = if number.is_empty() { id } else { number };
    let (key, rest) = number_key(number).ok_or_else(|| unknown(number))?;
    let same: Vec<&Item> = checklist
        .items
        .iter()
        .filter(|i| number_key(&i.number).is_some_and(|(k, _)| k == key))
        .collect();
    let scope_text = if scope.is_empty() {
        rest.as_str()
    } else {
        scope
    };
    let chosen: Vec<&Item> = if scope_text.is_empty() {
        same.clone()
    } else {
        same.iter()
            .copied()
            .filter(|i| i.scope.iter().any(|s| names_scope(scope_text, *s)))
            .collect()
    };
    match chosen.as_slice() {
        [one] => Ok(one),
        // The number is the form's; the scope is not one of its rows': name the scope's cell.
        [] if !same.is_empty() => Err(SheetProblem::UnknownScope {
            at: if scope.is_empty() {
                at.clone()
            } else {
                scope_at.clone()
            },
            number: number.to_owned(),
            scope: scope_text.to_owned(),
            candidates: same.iter().map(|i| labels(i)).collect(),
        }),
        [] => Err(unknown(number)),
        many => {
            let example = many
                .first()
                .map(|i| Text {
                    ja: format!("{} {}", i.number, i.scope_label(Lang::Ja)),
                    en: format!("{} {}", i.number, i.scope_label(Lang::En)),
                })
                .unwrap_or_default();
            Err(SheetProblem::AmbiguousItem {
                at: at.clone(),
                item: number.to_owned(),
                candidates: many.iter().map(|i| labels(i)).collect(),
                example: Box::new(example),
            })
        }
    }
}

/// Turn sheet rows into updates for `checklist`. Every problem names the sheet, row and cell;
/// any problem means no update at all.
pub fn updates_from_rows(
    sheet: &Path,
    rows: &[(usize, Vec<Cell>)],
    checklist: &Checklist,
) -> Result<Vec<Update>, AnswersError> {
    let read = read_updates(sheet, &Rows::csv(rows.to_vec()), checklist)?;
    if read.problems.is_empty() {
        Ok(read.imported.updates)
    } else {
        Err(AnswersError::Sheet {
            path: sheet.to_owned(),
            problems: read.problems,
        })
    }
}

/// Rows of a sheet as read, and the name of the XLSX sheet they are on (cells are then named
/// `Sheet1!C3`; in a CSV `C3`).
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    pub sheet: Option<String>,
    /// 1-based row number as Excel shows it, and the row's cells from column A.
    pub rows: Vec<(usize, Vec<Cell>)>,
}

impl Rows {
    /// Rows of a CSV file (no sheet name).
    pub fn csv(rows: Vec<(usize, Vec<Cell>)>) -> Rows {
        Rows { sheet: None, rows }
    }

    /// The name of the cell at 0-based column `col` of row `row` (`C3`, `Sheet1!C3`).
    fn cell(&self, col: usize, row: usize) -> String {
        match &self.sheet {
            Some(sheet) => format!("{sheet}!{}", cell_name(col, row)),
            None => cell_name(col, row),
        }
    }
}

/// Where in a sheet something was read: the row as Excel numbers it and, where known, the
/// cell (`C3`; in an XLSX `Sheet1!C3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub row: usize,
    pub cell: Option<String>,
}

impl Place {
    /// 「3行目(C3)」, `row 3 (C3)`; the row alone where no cell is known.
    pub fn localize(&self, lang: Lang) -> String {
        let row = crate::tr!(lang, "answers-sheet-row", row = self.row);
        match &self.cell {
            Some(cell) => crate::tr!(
                lang,
                "answers-field-row-cell",
                row = row,
                cell = cell.as_str()
            ),
            None => row,
        }
    }
}

/// Where one update came from: its row, the cell of each column it was read from, and the
/// columns whose cell was a problem (no finding is added about those).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    pub row: usize,
    pub cells: BTreeMap<Column, String>,
    pub bad: Vec<Column>,
}

impl Origin {
    /// The place of `column` in this row.
    pub fn place(&self, column: Column) -> Place {
        Place {
            row: self.row,
            cell: self.cells.get(&column).cloned(),
        }
    }
}

/// What a sheet or a filled workbook gives: the updates, where each came from, and what was
/// read but deserves a word (a dash in the answer column).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    pub updates: Vec<Update>,
    /// Where each update came from (same order).
    pub origins: Vec<Origin>,
    pub warnings: Vec<RowNote>,
    /// The header of the reason column as the sheet writes it (「理由」, 「対象外の理由」):
    /// what a person filling the sheet is told to fill, never the file's key `reason`.
    pub reason_header: Option<String>,
}

/// [`read_updates`]' result: what could be read, and every problem of the sheet (all rows).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadSheet {
    pub imported: Imported,
    pub problems: Vec<SheetProblem>,
}

/// Something about one row of a sheet, named by row and, where known, cell (`D5`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowNote {
    pub at: Place,
    pub what: RowNoteKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowNoteKind {
    /// A dash in the answer column: read as unanswered.
    Dash { value: String },
    /// One of the inspection's findings about the answer the row gives, in the language the
    /// rules were run in (its item label in that language, as `status` shows it).
    Finding(String),
}

impl RowNote {
    /// The note for people in `lang`: row, cell, what.
    pub fn message(&self, lang: Lang) -> String {
        let place = self.at.localize(lang);
        match &self.what {
            RowNoteKind::Dash { value } => crate::tr!(
                lang,
                "answers-field-dash-unanswered",
                place = place,
                value = value.as_str()
            ),
            RowNoteKind::Finding(message) => crate::tr!(
                lang,
                "answers-field-row-finding",
                place = place,
                message = message.as_str()
            ),
        }
    }
}

/// The round a 回 cell names: 1 or 2, in half- or full-width digits, alone or as 「2回目」/「2回」
/// (the form's own heading words).
fn round_number(text: &str) -> Option<u8> {
    let digits: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            _ => c,
        })
        .collect();
    let digits = digits
        .strip_suffix("回目")
        .or_else(|| digits.strip_suffix('回'))
        .unwrap_or(&digits);
    digits.trim().parse().ok()
}

/// A cell's name as Excel shows it: column letters and row number (`D5`, `AA12`).
fn cell_name(col: usize, row: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

/// The inspection's findings about the answers a sheet or a filled workbook gives, as the
/// walk-through would meet them, each named by the row and cell it came from. `after` is the
/// answers file with the updates applied (not yet written). A value the walk-through refuses
/// is refused (the first list: nothing is imported); the rest are warnings (the second):
/// something missing (a 目標日, a 確認日, a reason), a 確認日 before the fiscal year, or 対象外
/// whose condition the file does not state yet (a sheet has no place to state a vendor
/// contract). Findings about a cell that is already a problem are left out.
pub fn check_imported(
    imported: &Imported,
    after: &super::rules::FormInput<'_>,
    options: &super::rules::Options,
) -> (Vec<RowNote>, Vec<RowNote>) {
    let mut refused = Vec::new();
    let mut warnings = Vec::new();
    for finding in super::rules::check_form(after, options) {
        let (Some(item), Some(round)) = (&finding.item, finding.round) else {
            continue;
        };
        let Some(origin) = imported
            .updates
            .iter()
            .zip(&imported.origins)
            .find(|(u, _)| u.item == *item && u.round == round)
            .map(|(_, origin)| origin)
        else {
            continue;
        };
        let (column, is_refused) = match finding.code() {
            "date-in-future" => (Column::CheckedOn, true),
            "target-date-outside-fiscal-year" => (Column::TargetDate, true),
            "not-applicable-not-allowed" => (Column::Answer, true),
            "missing-checked-on" | "checked-before-fiscal-year" | "checked-after-fiscal-year" => {
                (Column::CheckedOn, false)
            }
            "missing-target-date" | "target-before-checked-on" => (Column::TargetDate, false),
            "not-applicable-condition-unmet" => (Column::Answer, false),
            "not-applicable-without-reason" => (Column::Reason, false),
            _ => continue,
        };
        if origin.bad.contains(&column) {
            continue;
        }
        let message = match (&finding.diagnostic.text, column) {
            // A missing reason names the sheet's column, not the answers file's key.
            (Some(text), Column::Reason) => {
                let mut text = text.clone();
                text.id = "answers-sheet-not-applicable-without-reason".into();
                let header = imported
                    .reason_header
                    .clone()
                    .unwrap_or_else(|| Column::Reason.header(options.lang));
                text.args
                    .insert("column".into(), crate::diagnostic::Arg::Text(header));
                crate::i18n::render_with(options.lang, &text, Some(&after.checklist.checklist))
            }
            _ => finding.diagnostic.message.clone(),
        };
        let note = RowNote {
            at: origin.place(column),
            what: RowNoteKind::Finding(message),
        };
        if is_refused {
            refused.push(note);
        } else {
            warnings.push(note);
        }
    }
    refused.sort_by_key(|n| n.at.row);
    warnings.sort_by_key(|n| n.at.row);
    (refused, warnings)
}

/// Read every row of a sheet into updates for `checklist`, keeping where each came from.
/// Only a sheet that cannot be read at all (empty, no answer column) is an error; every
/// problem of a row (an unknown, ambiguous or empty number, a bad answer, round or date, a row
/// twice) is collected in [`ReadSheet::problems`], all rows in one pass.
pub fn read_updates(
    sheet: &Path,
    rows: &Rows,
    checklist: &Checklist,
) -> Result<ReadSheet, AnswersError> {
    let fail = |problems: Vec<SheetProblem>| AnswersError::Sheet {
        path: sheet.to_owned(),
        problems,
    };
    let Some((_, header)) = rows.rows.first() else {
        return Err(fail(vec![SheetProblem::Empty]));
    };
    let mut cols: BTreeMap<Column, usize> = BTreeMap::new();
    for (i, h) in header.iter().enumerate() {
        if let Some(c) = Column::of(&h.text()) {
            cols.entry(c).or_insert(i);
        }
    }
    // Items are named by ID or number; a 項目 column names them when neither is there.
    let names_items = cols.contains_key(&Column::Item) || cols.contains_key(&Column::Number);
    let number_col = if names_items {
        Column::Number
    } else {
        Column::Text
    };
    let mut problems: Vec<SheetProblem> = Vec::new();
    if !names_items && !cols.contains_key(&Column::Text) {
        problems.push(SheetProblem::NoColumn(Column::Number));
    }
    if !cols.contains_key(&Column::Answer) {
        problems.push(SheetProblem::NoColumn(Column::Answer));
    }
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    let mut imported = Imported {
        reason_header: cols
            .get(&Column::Reason)
            .and_then(|i| header.get(*i))
            .map(|h| h.text().trim().to_owned()),
        ..Imported::default()
    };
    let mut seen: BTreeMap<(String, u8), usize> = BTreeMap::new();
    for (line, row) in rows.rows.iter().skip(1) {
        let line = *line;
        let get = |c: Column| cols.get(&c).and_then(|i| row.get(*i));
        let text = |c: Column| get(c).map(Cell::text).unwrap_or_default();
        let place = |c: Column| Place {
            row: line,
            cell: cols.get(&c).map(|i| rows.cell(*i, line)),
        };
        if row.iter().all(|c| c.text().is_empty()) {
            continue;
        }
        let answer = text(Column::Answer);
        let (id, number) = (text(Column::Item), text(number_col));
        // The cell that names the item: the ID's when only it is filled, else the number's.
        let name_col = if number.is_empty() && !id.is_empty() {
            Column::Item
        } else if cols.contains_key(&number_col) {
            number_col
        } else {
            Column::Item
        };
        if id.is_empty() && number.is_empty() {
            // Nothing names the item: a row with an answer cannot land anywhere.
            if !answer.is_empty() {
                problems.push(SheetProblem::EmptyNumber {
                    at: place(name_col),
                    column: name_col,
                });
            }
            continue;
        }
        let item = match find_item(
            checklist,
            &id,
            &number,
            &text(Column::Scope),
            &place(name_col),
            &place(Column::Scope),
        ) {
            Ok(item) => item,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let name = labels(item);
        let round = match text(Column::Round).as_str() {
            "" => 1,
            r => match round_number(r) {
                Some(n) if ROUNDS.contains(&n) => n,
                _ => {
                    problems.push(SheetProblem::BadRound {
                        at: place(Column::Round),
                        item: name,
                        value: r.to_owned(),
                    });
                    continue;
                }
            },
        };
        if answer.is_empty() {
            // A row without an answer changes nothing.
            continue;
        }
        if Response::is_dash(&answer) {
            // A dash is "nothing written", as an empty answer (see Response::is_dash).
            imported.warnings.push(RowNote {
                at: place(Column::Answer),
                what: RowNoteKind::Dash { value: answer },
            });
            continue;
        }
        let Some(response) = Response::parse(&answer) else {
            problems.push(SheetProblem::BadAnswer {
                at: place(Column::Answer),
                item: name,
                value: answer,
            });
            continue;
        };
        if let Some(first) = seen.insert((item.id.clone(), round), line) {
            problems.push(SheetProblem::Twice {
                at: place(name_col),
                item: name,
                round,
                first,
            });
            continue;
        }
        let mut origin = Origin {
            row: line,
            cells: cols
                .iter()
                .map(|(c, i)| (*c, rows.cell(*i, line)))
                .collect(),
            bad: Vec::new(),
        };
        let mut set = vec![(
            "answer",
            FieldValue::Text(response.as_file_str().to_owned()),
        )];
        for (column, key) in [
            (Column::CheckedOn, "checked_on"),
            (Column::TargetDate, "target_date"),
        ] {
            match get(column) {
                Some(Cell::Date(d)) => set.push((key, FieldValue::Date(*d))),
                Some(c) if !c.text().is_empty() => match parse_date(&c.text()) {
                    Ok(d) => set.push((key, FieldValue::Date(d))),
                    Err(error) => {
                        origin.bad.push(column);
                        problems.push(SheetProblem::BadDate {
                            at: place(column),
                            item: name.clone(),
                            column,
                            error,
                            fiscal_year: checklist.fiscal_year,
                        });
                    }
                },
                _ => {}
            }
        }
        for (column, key) in [(Column::Note, "note"), (Column::Reason, "reason")] {
            let v = text(column);
            if !v.is_empty() {
                set.push((key, FieldValue::Text(v)));
            }
        }
        imported.updates.push(Update {
            item: item.id.clone(),
            round,
            set,
            // An answer typed into the sheet is this year's: carry-forward marks go.
            remove: vec!["carried_from", "review"],
        });
        imported.origins.push(origin);
    }
    Ok(ReadSheet { imported, problems })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        let text = "item,answer\nsecurity-manager,はい\n";
        assert_eq!(decode(text.as_bytes()).unwrap().1, Encoding::Utf8);
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap(), (text.to_owned(), Encoding::Utf8Bom));
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        assert_eq!(
            decode(&sjis).unwrap(),
            (text.to_owned(), Encoding::ShiftJis)
        );
        let mut utf16 = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(
            decode(&utf16).unwrap(),
            (text.to_owned(), Encoding::Utf16Le)
        );
        assert!(decode(b"\x81\x20\xff").is_err());
        // Without a byte order mark, in either order.
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap(), (text.to_owned(), Encoding::Utf16Le));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).unwrap(), (text.to_owned(), Encoding::Utf16Be));
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_nuls_and_a_stray_nul_is_not() {
        // Japanese cells long and short, with 一 and the ideographic space (their NUL is on
        // the other side): UTF-16 in either order.
        let note = "情報セキュリティに関する一部の規程を見直し、統一した様式で一覧にまとめた。";
        let text = format!(
            "項目番号,回答,確認日,備考\r\n2-⑪,はい,2025/6/2,{}\r\n1-①,はい,2025/6/3,　一\r\n",
            note.repeat(4)
        );
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            utf16_without_bom(&le),
            Some((text.clone(), Encoding::Utf16Le))
        );
        assert_eq!(
            utf16_without_bom(&be),
            Some((text.clone(), Encoding::Utf16Be))
        );
        assert_eq!(utf16_without_bom(b""), None);
        assert_eq!(utf16_without_bom(b"ab"), None, "no NUL");
        assert_eq!(utf16_without_bom(b"a\0b"), None, "an odd length");
        // A stray NUL in UTF-8 or CP932: too few NULs; the sheet is read as it is.
        let stray = "項目番号,回答,確認日\r\n2-⑪,はい,2025/6/2,\0\r\n";
        let mut utf8 = stray.as_bytes().to_vec();
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(stray);
        for bytes in [&utf8[..], &sjis] {
            assert_eq!(bytes.len() % 2, 0);
            assert_eq!(utf16_without_bom(bytes), None);
        }
        assert_eq!(decode(&utf8).unwrap().1, Encoding::Utf8);
        assert_eq!(decode(&sjis).unwrap().1, Encoding::ShiftJis);
        // One character in 16 ASCII is enough, fewer is not.
        let edge = |cjk: usize| -> Vec<u8> {
            let text = "あ".repeat(cjk) + ",";
            text.encode_utf16().flat_map(u16::to_le_bytes).collect()
        };
        assert_eq!(
            utf16_without_bom(&edge(15)),
            Some(("あ".repeat(15) + ",", Encoding::Utf16Le))
        );
        assert_eq!(utf16_without_bom(&edge(16)), None);
        // A tail of zeros: NULs on both sides.
        utf8.extend([0; 16]);
        assert_eq!(utf16_without_bom(&utf8), None);
        // NULs on both sides, though not a third on the other; a NUL character; a lone
        // surrogate (U+D800): not UTF-16.
        assert_eq!(utf16_without_bom(b"a\0b\0c\0\0d\0e"), None);
        assert_eq!(
            utf16_without_bom(b"a\0b\0\0c"),
            Some(("ab挀".to_owned(), Encoding::Utf16Le)),
            "two thirds on one side"
        );
        assert_eq!(utf16_without_bom(b"a\0b\0c\0\0\0"), None);
        assert_eq!(utf16_without_bom(b"a\0\0\xD8b\0"), None);
        // A NUL character is dropped from the rows, wherever the text came from.
        let rows = csv_rows(&String::from_utf8(utf8).unwrap()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].1[1], Cell::Text("はい".into()));
        assert_eq!(rows[1].1[3], Cell::Text(String::new()));
    }

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name(0, 1), "A1");
        assert_eq!(cell_name(3, 5), "D5");
        assert_eq!(cell_name(25, 2), "Z2");
        assert_eq!(cell_name(26, 2), "AA2");
        assert_eq!(cell_name(27, 9), "AB9");
    }

    #[test]
    fn formula_quotes_round_trip() {
        for v in [
            "=cmd|' /C calc'!A0",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=already",
            "''@x",
            "'plain",
            "plain",
            "",
            "'",
            "a=b",
        ] {
            let exported = quote_formula(v);
            assert!(!exported.starts_with(FORMULA_STARTS), "{v:?}");
            assert_eq!(unquote_formula(&exported), v);
        }
        assert_eq!(quote_formula("=1"), "'=1");
        assert_eq!(unquote_formula("'plain"), "'plain");
    }

    #[test]
    fn printed_numbers_in_every_spelling() {
        let four = Some(((2, Some(4)), String::new()));
        for text in [
            "2-④",
            "2-(4)",
            "2-4",
            "２－④",
            "２－（４）",
            "2ー4",
            " 2 - ④ ",
        ] {
            assert_eq!(number_key(text), four, "{text}");
        }
        assert_eq!(number_key("0"), Some(((0, None), String::new())));
        assert_eq!(
            number_key("2-④ サーバ"),
            Some(((2, Some(4)), "サーバ".to_owned()))
        );
        assert_eq!(
            number_key("2-④(端末PC)"),
            Some(((2, Some(4)), "(端末PC)".to_owned()))
        );
        assert_eq!(number_key("2-⑳"), Some(((2, Some(20)), String::new())));
        assert_eq!(number_key("2-㊿"), Some(((2, Some(50)), String::new())));
        assert_eq!(number_key("security-patches"), None);
        assert_eq!(number_key("2-"), None);
        assert!(names_scope("(端末PC)", Scope::Terminal));
        assert!(names_scope("端末", Scope::Terminal));
        assert!(names_scope("Servers", Scope::Server));
        assert!(names_scope("サーバー", Scope::Server));
        assert!(!names_scope("サーバ", Scope::Terminal));
        assert!(!names_scope("", Scope::Server));
    }

    #[test]
    fn tab_separated_unicode_text_is_read() {
        let rows = csv_rows("item\tanswer\nx\tはい\n").unwrap();
        assert_eq!(rows[1].1[1], Cell::Text("はい".into()));
    }

    #[test]
    fn the_header_decides_the_separator() {
        for (text, delimiter) in [
            ("項目番号,回答\t,確認日\n", b','),
            ("項目番号\t回答\t備考,メモ\n", b'\t'),
            ("項目番号\t回答\t確認日\t備考,理由,メモ\n", b'\t'),
            ("項目番号,回答,確認日,備考\t理由\tメモ\n", b','),
            ("\n\n項目番号\t回答\n", b'\t'),
            // No column names: tabs only without a comma.
            ("a\tb\n", b'\t'),
            ("a\tb,c\n", b','),
            ("\na\tb\n", b'\t'),
            ("", b','),
        ] {
            assert_eq!(delimiter_of(text), delimiter, "{text:?}");
        }
    }
}
