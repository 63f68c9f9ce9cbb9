//! Answers as a spreadsheet for `medsec answer FILE --export SHEET.xlsx|.csv`: one row per item
//! (and per second-round answer), the columns `answers::sheet` reads back.

use crate::answers::sheet::{quote_formula, COLUMNS};
use crate::answers::{AnswerSet, Response};
use crate::checklist::{Checklist, Lang};

/// One row: values in `COLUMNS` order.
fn rows(set: &AnswerSet, checklist: &Checklist, lang: Lang) -> Vec<[String; 8]> {
    let mut out = Vec::new();
    for round in crate::answers::ROUNDS {
        for item in &checklist.items {
            let a = set.answer(&item.id, round);
            if round > 1 && a.is_none() {
                continue;
            }
            let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
            out.push([
                item.id.clone(),
                item.number.clone(),
                item.text.get(lang).to_owned(),
                round.to_string(),
                a.and_then(|a| a.response)
                    .map(Response::as_file_str)
                    .unwrap_or_default()
                    .to_owned(),
                date(a.and_then(|a| a.checked_on)),
                date(a.and_then(|a| a.target_date)),
                a.and_then(|a| a.note.clone()).unwrap_or_default(),
            ]);
        }
    }
    out
}

/// CSV, UTF-8 with a BOM so that Excel opens it as UTF-8. A value that Excel would take for
/// a formula gets a `'` in front ([`quote_formula`]); the import takes it off again.
pub fn csv(set: &AnswerSet, checklist: &Checklist, lang: Lang) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing into a Vec cannot fail.
    let _ = w.write_record(COLUMNS);
    for r in rows(set, checklist, lang) {
        let _ = w.write_record(r.iter().map(|v| quote_formula(v).into_owned()));
    }
    w.into_inner().unwrap_or_default()
}

/// XLSX with a はい/いいえ/対象外 drop-down on the answer column.
pub fn xlsx(
    set: &AnswerSet,
    checklist: &Checklist,
    lang: Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DataValidation, Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("answers")?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (c, h) in (0u16..).zip(COLUMNS) {
        ws.write_string_with_format(0, c, *h, &bold)?;
    }
    let rows = rows(set, checklist, lang);
    let mut last = 1u32;
    for (r, row) in (1u32..).zip(&rows) {
        for (c, v) in (0u16..).zip(row) {
            // Text cells: never a formula, and dates read back exactly (typed dates are read too).
            ws.write_string_with_format(r, c, v, &text)?;
        }
        last = r;
    }
    let answer_col = (0u16..)
        .zip(COLUMNS)
        .find(|(_, c)| **c == "answer")
        .map_or(4, |(i, _)| i);
    let dv = DataValidation::new()
        .allow_list_strings(&["はい", "いいえ", "対象外"])?
        .set_error_title("はい / いいえ / 対象外")?
        .set_error_message("はい、いいえ、対象外 のいずれかを選んでください。")?;
    ws.add_data_validation(1, answer_col, last, answer_col, &dv)?;
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 8)?;
    ws.set_column_width(2, 60)?;
    ws.set_column_width(3, 6)?;
    ws.set_column_width(4, 10)?;
    ws.set_column_width(5, 12)?;
    ws.set_column_width(6, 12)?;
    ws.set_column_width(7, 40)?;
    ws.set_freeze_panes(1, 0)?;
    wb.save_to_buffer()
}
