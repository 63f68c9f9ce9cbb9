//! Answers kept in a spreadsheet: reading CSV (UTF-8 with or without BOM, Shift_JIS/CP932,
//! UTF-16LE/BE with BOM; comma or tab separated) and XLSX into [`super::store::Update`]s.
//!
//! Columns, by header (English or Japanese, any order; others ignored):
//! `item` (項目: stable ID or official number), `answer` (回答: はい/いいえ/対象外, yes/no/na),
//! `checked_on` (確認日), `target_date` (目標日), `note` (備考), `round` (回, default 1),
//! `reason` (理由). Dates are YYYY-MM-DD or YYYY/MM/DD, or date cells in XLSX.

use super::model::*;
use super::parse::parse_date;
use super::store::{FieldValue, Update};
use super::AnswersError;
use crate::checklist::Checklist;
use crate::limits::workbook::WorkbookError;
use crate::limits::InputKind;
use std::collections::BTreeMap;
use std::path::Path;

/// The column names, in export order.
pub const COLUMNS: &[&str] = &[
    "item",
    "number",
    "text",
    "round",
    "answer",
    "checked_on",
    "target_date",
    "note",
];

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
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec())
            .map(|s| (s, Encoding::Utf8Bom))
            .map_err(|_| "starts with a UTF-8 BOM but is not UTF-8".to_owned());
    }
    for (bom, enc, tag) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, Encoding::Utf16Le),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, Encoding::Utf16Be),
    ] {
        if bytes.starts_with(bom) {
            let (text, _, errors) = enc.decode(bytes);
            if errors {
                return Err("is not valid UTF-16".to_owned());
            }
            return Ok((text.into_owned(), tag));
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), Encoding::Utf8));
    }
    let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    if errors {
        return Err(
            "is neither UTF-8 nor Shift_JIS (CP932) text; save it as CSV (UTF-8) from Excel"
                .to_owned(),
        );
    }
    Ok((text.into_owned(), Encoding::ShiftJis))
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
pub fn read_rows(path: &Path) -> Result<Vec<(usize, Vec<Cell>)>, AnswersError> {
    let err = |message: String| AnswersError::Sheet {
        path: path.to_owned(),
        message,
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
            csv_rows(&text).map_err(err)
        }
        "xlsx" | "xlsm" => {
            let bytes = crate::limits::read(path, InputKind::Sheet)?;
            xlsx_rows(&bytes).map_err(|error| AnswersError::Workbook {
                path: path.to_owned(),
                error,
            })
        }
        _ => Err(err("unknown sheet type; use .csv or .xlsx".to_owned())),
    }
}

/// Rows of CSV text, with a quote that [`crate::render::sheet`] put before a formula-like
/// value taken off again (see [`unquote_formula`]).
pub fn csv_rows(text: &str) -> Result<Vec<(usize, Vec<Cell>)>, String> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("CSV: {e}"))?;
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
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

/// Excel's day count (1900 date system, with its leap-year quirk) to a date.
fn excel_serial_date(serial: f64) -> Option<jiff::civil::Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = jiff::civil::date(1899, 12, 30);
    epoch
        .checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()
}

fn xlsx_rows(bytes: &[u8]) -> Result<Vec<(usize, Vec<Cell>)>, WorkbookError> {
    use calamine::Data;
    let (_, rows) = crate::limits::workbook::read_sheet(bytes, None)?;
    Ok(rows
        .into_iter()
        .enumerate()
        .filter(|(_, row)| !row.is_empty())
        .map(|(i, row)| {
            let cells = row
                .iter()
                .map(|c| match c {
                    Data::DateTime(dt) => excel_serial_date(dt.as_f64())
                        .map_or_else(|| Cell::Text(c.to_string()), Cell::Date),
                    Data::DateTimeIso(s) => Cell::Text(s.get(..10).unwrap_or(s).to_owned()),
                    Data::Float(f) if f.fract() == 0.0 => Cell::Text(format!("{}", *f as i64)),
                    Data::Empty => Cell::Text(String::new()),
                    other => Cell::Text(other.to_string()),
                })
                .collect();
            (i + 1, cells)
        })
        .collect())
}

fn column_of(header: &str) -> Option<&'static str> {
    let h = header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_ascii_lowercase();
    Some(match h.as_str() {
        "item" | "id" | "項目" | "項目id" | "番号" => "item",
        "answer" | "回答" => "answer",
        "checked_on" | "checked on" | "確認日" => "checked_on",
        "target_date" | "target date" | "目標日" => "target_date",
        "note" | "備考" | "メモ" => "note",
        "round" | "回" | "回目" => "round",
        "reason" | "理由" => "reason",
        _ => return None,
    })
}

/// Turn sheet rows into updates for `checklist`. Every problem names the sheet and row;
/// any problem means no update at all.
pub fn updates_from_rows(
    sheet: &Path,
    rows: &[(usize, Vec<Cell>)],
    checklist: &Checklist,
) -> Result<Vec<Update>, AnswersError> {
    let name = sheet.display();
    let mut problems: Vec<String> = Vec::new();
    let Some((_, header)) = rows.first() else {
        return Err(AnswersError::Sheet {
            path: sheet.to_owned(),
            message: "the sheet is empty; it needs a header row (item, answer, checked_on, target_date, note)".to_owned(),
        });
    };
    let mut cols: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (i, h) in header.iter().enumerate() {
        if let Some(c) = column_of(&h.text()) {
            cols.entry(c).or_insert(i);
        }
    }
    for needed in ["item", "answer"] {
        if !cols.contains_key(needed) {
            problems.push(format!(
                "{name}: row 1: no `{needed}` column; the header row needs item, answer, checked_on, target_date, note"
            ));
        }
    }
    if !problems.is_empty() {
        return Err(AnswersError::Sheet {
            path: sheet.to_owned(),
            message: problems.join("\n  "),
        });
    }
    let mut updates: Vec<Update> = Vec::new();
    let mut seen: BTreeMap<(String, u8), usize> = BTreeMap::new();
    for (line, row) in rows.iter().skip(1) {
        let get = |c: &str| cols.get(c).and_then(|i| row.get(*i));
        let text = |c: &str| get(c).map(Cell::text).unwrap_or_default();
        let item_text = text("item");
        if row.iter().all(|c| c.text().is_empty()) {
            continue;
        }
        let at = format!("{name}: row {line}");
        let Some(item) = checklist
            .item(&item_text)
            .or_else(|| checklist.items.iter().find(|i| i.number == item_text))
        else {
            problems.push(format!(
                "{at}: item `{item_text}` is not in {} (use the stable ID or the number as printed)",
                checklist.full_id()
            ));
            continue;
        };
        let round = match text("round").as_str() {
            "" => 1,
            r => match r.parse::<u8>() {
                Ok(n) if ROUNDS.contains(&n) => n,
                _ => {
                    problems.push(format!(
                        "{at}: item `{}`: round `{r}` is not 1 or 2",
                        item.id
                    ));
                    continue;
                }
            },
        };
        let answer = text("answer");
        if answer.is_empty() {
            // A row without an answer changes nothing.
            continue;
        }
        let Some(response) = Response::parse(&answer) else {
            problems.push(format!(
                "{at}: item `{}`: answer `{answer}` is not one of はい, いいえ, 対象外 (or yes, no, na)",
                item.id
            ));
            continue;
        };
        if let Some(first) = seen.insert((item.id.clone(), round), *line) {
            problems.push(format!(
                "{at}: item `{}` round {round} is answered twice (first in row {first})",
                item.id
            ));
            continue;
        }
        let mut set = vec![(
            "answer",
            FieldValue::Text(response.as_file_str().to_owned()),
        )];
        for key in ["checked_on", "target_date"] {
            match get(key) {
                Some(Cell::Date(d)) => set.push((key, FieldValue::Date(*d))),
                Some(c) if !c.text().is_empty() => match parse_date(&c.text()) {
                    Ok(d) => set.push((key, FieldValue::Date(d))),
                    Err(msg) => problems.push(format!("{at}: item `{}`: {key}: {msg}", item.id)),
                },
                _ => {}
            }
        }
        for key in ["note", "reason"] {
            let v = text(key);
            if !v.is_empty() {
                set.push((key, FieldValue::Text(v)));
            }
        }
        updates.push(Update {
            item: item.id.clone(),
            round,
            set,
            // An answer typed into the sheet is this year's: carry-forward marks go.
            remove: vec!["carried_from", "review"],
        });
    }
    if problems.is_empty() {
        Ok(updates)
    } else {
        Err(AnswersError::Sheet {
            path: sheet.to_owned(),
            message: format!(
                "{} problem{} in the sheet; nothing was changed:\n  {}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                problems.join("\n  ")
            ),
        })
    }
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
    }

    #[test]
    fn excel_serials_become_dates() {
        assert_eq!(
            excel_serial_date(45809.0),
            Some(jiff::civil::date(2025, 6, 1))
        );
        assert_eq!(excel_serial_date(-3.0), None);
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
    fn tab_separated_unicode_text_is_read() {
        let rows = csv_rows("item\tanswer\nx\tはい\n").unwrap();
        assert_eq!(rows[1].1[1], Cell::Text("はい".into()));
    }
}
