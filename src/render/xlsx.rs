//! The report as a workbook: the official form's columns (one row per item) on the first
//! sheet, the findings on the second. Every cell is written as text, never as a formula, but
//! for 確認日 and 目標日: real Excel dates (`yyyy-mm-dd`), which sort and filter as dates.

use super::view::View;
use crate::checklist::Lang;
use crate::tr;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// A cell of the items sheet: text, or a date given as `YYYY-MM-DD` (empty: no date).
enum Cell<'a> {
    Text(String, &'a Format),
    Date(String, &'a Format),
}

/// A date as a real Excel date with `format`; text it cannot read stays text, as written.
fn write_date(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    iso: &str,
    format: &Format,
    text: &Format,
) -> Result<(), XlsxError> {
    if iso.is_empty() {
        return Ok(());
    }
    match ExcelDateTime::parse_from_str(iso) {
        Ok(date) => ws
            .write_date_with_format(row, col, &date, format)
            .map(|_| ()),
        Err(_) => ws.write_string_with_format(row, col, iso, text).map(|_| ()),
    }
}

/// The items sheet's head: the title, the form, the institution (label and value a row, as
/// the HTML shows them) and the legend of ※ when an item is marked; the next free row.
fn head(
    ws: &mut Worksheet,
    view: &View,
    lang: Lang,
    bold: &Format,
    text: &Format,
) -> Result<u32, XlsxError> {
    let i = &view.institution;
    // The form's line as the Markdown heads it: each part once.
    let m = &view.main;
    let guideline = m.guideline.clone();
    let form = [
        m.title.as_str(),
        if m.form_in_title { "" } else { m.form.as_str() },
        if m.edition_in_title {
            ""
        } else {
            m.edition_label.as_str()
        },
        if view.fiscal_year_is_edition {
            ""
        } else {
            view.fiscal_year.as_str()
        },
        guideline.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" / ");
    ws.write_string_with_format(0, 0, &view.heading, bold)?;
    ws.write_string_with_format(1, 0, form, text)?;
    let mut row = 2u32;
    for (label, value) in [
        (tr!(lang, "report-html-institution-name"), &i.name),
        (tr!(lang, "report-html-institution-code"), &i.code),
        (tr!(lang, "report-html-institution-kind"), &i.kind),
        (tr!(lang, "report-html-prefecture"), &i.prefecture),
        (tr!(lang, "report-html-manager"), &i.manager),
        (
            tr!(lang, "report-html-security-manager"),
            &i.security_manager,
        ),
        (tr!(lang, "report-html-answered-by"), &i.answered_by),
    ] {
        ws.write_string_with_format(row, 0, label, bold)?;
        ws.write_string_with_format(row, 1, value, text)?;
        row += 1;
    }
    if view.counts.unverified_wording > 0 {
        ws.write_string_with_format(row, 0, tr!(lang, "report-html-unverified-legend"), text)?;
        row += 1;
    }
    // One empty row before the table.
    Ok(row + 1)
}

/// The workbook's bytes.
pub fn xlsx(view: &View, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap().set_num_format("@");
    let no = Format::new()
        .set_bold()
        .set_font_color(rust_xlsxwriter::Color::Red)
        .set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let overdue = Format::new()
        .set_font_color(rust_xlsxwriter::Color::Red)
        .set_num_format("yyyy-mm-dd");
    let r1 = tr!(lang, "report-html-round-1");
    let r2 = tr!(lang, "report-html-round-2");
    let answer = tr!(lang, "report-html-csv-answer");
    let checked = tr!(lang, "report-html-checked-on");
    let target = tr!(lang, "report-html-target-date");
    let header = [
        tr!(lang, "report-html-csv-form"),
        tr!(lang, "report-html-col-number"),
        tr!(lang, "report-html-col-item"),
        tr!(lang, "report-html-col-scope"),
        format!("{r1} {answer}"),
        format!("{r1} {checked}"),
        format!("{r1} {target}"),
        format!("{r2} {answer}"),
        format!("{r2} {checked}"),
        format!("{r2} {target}"),
        tr!(lang, "report-html-note"),
        tr!(lang, "report-html-evidence"),
        tr!(lang, "report-html-csv-item-id"),
        // Marked ※ where the wording is not yet checked against the official form.
        "※".to_owned(),
    ];
    let ws = wb.add_worksheet();
    ws.set_name(tr!(lang, "report-html-items"))?;
    // The institution and the form first, as the HTML and Markdown head their items.
    let mut row = head(ws, view, lang, &bold, &wrap)?;
    let header_row = row;
    for (c, h) in (0u16..).zip(&header) {
        ws.write_string_with_format(header_row, c, h, &bold)?;
    }
    row += 1;
    for form in std::iter::once(&view.main).chain(&view.vendor_forms) {
        for item in form.sections.iter().flat_map(|s| &s.items) {
            let mut cells: Vec<Cell<'_>> = vec![
                Cell::Text(form.file.clone(), &wrap),
                Cell::Text(item.number.clone(), &wrap),
                Cell::Text(
                    if item.text.is_empty() {
                        item.label.clone()
                    } else {
                        item.text.clone()
                    },
                    &wrap,
                ),
                Cell::Text(item.scope.clone(), &wrap),
            ];
            let mut notes = Vec::new();
            let mut evidence = Vec::new();
            for r in &item.rounds {
                let format = if r.code == "no" { &no } else { &wrap };
                cells.push(Cell::Text(r.response.clone(), format));
                cells.push(Cell::Date(r.checked_on_iso.clone(), &date));
                cells.push(Cell::Date(
                    r.target_date_iso.clone(),
                    if r.overdue { &overdue } else { &date },
                ));
                notes.extend(
                    [r.reason.clone(), r.note.clone()]
                        .into_iter()
                        .filter(|s| !s.is_empty()),
                );
                evidence.extend(r.evidence.iter().map(|e| e.named_as.clone()));
            }
            cells.push(Cell::Text(notes.join("\n"), &wrap));
            cells.push(Cell::Text(evidence.join("\n"), &wrap));
            cells.push(Cell::Text(item.id.clone(), &wrap));
            cells.push(Cell::Text(
                if item.unverified { "※" } else { "" }.to_owned(),
                &wrap,
            ));
            for (c, cell) in (0u16..).zip(&cells) {
                match cell {
                    Cell::Text(v, f) => {
                        ws.write_string_with_format(row, c, v, f)?;
                    }
                    Cell::Date(iso, f) => write_date(ws, row, c, iso, f, &wrap)?,
                }
            }
            row += 1;
        }
    }
    for (c, w) in [14, 7, 60, 16, 8, 11, 11, 8, 11, 11, 30, 24, 24, 4]
        .into_iter()
        .enumerate()
    {
        ws.set_column_width(u16::try_from(c).unwrap_or(0), w)?;
    }
    ws.set_freeze_panes(header_row + 1, 0)?;
    let last_col = u16::try_from(header.len().saturating_sub(1)).unwrap_or(0);
    ws.autofilter(
        header_row,
        0,
        row.saturating_sub(1).max(header_row + 1),
        last_col,
    )?;

    let ws = wb.add_worksheet();
    ws.set_name(tr!(lang, "report-html-findings"))?;
    let header = [
        tr!(lang, "report-html-finding-code"),
        tr!(lang, "report-html-finding-severity"),
        tr!(lang, "report-html-col-item"),
        tr!(lang, "report-html-csv-round"),
        tr!(lang, "report-html-finding-message"),
    ];
    for (c, h) in (0u16..).zip(&header) {
        ws.write_string_with_format(0, c, h, &bold)?;
    }
    for (r, f) in (1u32..).zip(&view.findings) {
        // A cell shows backticks as written: the message's code spans go plain.
        let message = super::templates::code_spans_plain(&f.message);
        for (c, v) in (0u16..).zip([&f.code, &f.severity, &f.item, &f.round, &message]) {
            ws.write_string_with_format(r, c, v, &wrap)?;
        }
    }
    for (c, w) in [28, 10, 30, 6, 70].into_iter().enumerate() {
        ws.set_column_width(u16::try_from(c).unwrap_or(0), w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    wb.save_to_buffer()
}
