//! Answers as a spreadsheet for `medsec answer FILE --export SHEET.xlsx|.csv`: one row per item
//! (and per second-round answer), the columns `answers::sheet` reads back, with headers in the
//! reader's language and a scope column (対象) that tells apart the rows sharing a number
//! (2-④ サーバ / 端末PC).

use crate::answers::sheet::{quote_formula, Column};
use crate::answers::{AnswerSet, Response};
use crate::checklist::{Checklist, Lang};

/// The header row in `lang`, in [`Column::EXPORT`] order.
fn headers(lang: Lang) -> Vec<String> {
    Column::EXPORT.iter().map(|c| c.header(lang)).collect()
}

/// One row per item and round: values in [`Column::EXPORT`] order.
fn rows(set: &AnswerSet, checklist: &Checklist, lang: Lang) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for round in crate::answers::ROUNDS {
        for item in &checklist.items {
            let a = set.answer(&item.id, round);
            if round > 1 && a.is_none() {
                continue;
            }
            // As the form prints dates (Western and 和暦 in Japanese); the import reads it back.
            let date = |d: Option<jiff::civil::Date>| {
                d.map(|d| crate::dates::for_people(d, lang))
                    .unwrap_or_default()
            };
            let row = Column::EXPORT
                .iter()
                .map(|c| match c {
                    Column::Number => item.number.clone(),
                    Column::Scope => item.scope_label(lang),
                    Column::Text => item.text.get(lang).to_owned(),
                    Column::Round => round.to_string(),
                    Column::Answer => a
                        .and_then(|a| a.response)
                        .map(Response::as_file_str)
                        .unwrap_or_default()
                        .to_owned(),
                    Column::CheckedOn => date(a.and_then(|a| a.checked_on)),
                    Column::TargetDate => date(a.and_then(|a| a.target_date)),
                    Column::Reason => a.and_then(|a| a.reason.clone()).unwrap_or_default(),
                    Column::Note => a.and_then(|a| a.note.clone()).unwrap_or_default(),
                    Column::Item => item.id.clone(),
                })
                .collect();
            out.push(row);
        }
    }
    out
}

/// CSV, UTF-8 with a BOM so that Excel opens it as UTF-8. A value that Excel would take for
/// a formula gets a `'` in front ([`quote_formula`]); the import takes it off again.
pub fn csv(set: &AnswerSet, checklist: &Checklist, lang: Lang) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing into a Vec cannot fail.
    let _ = w.write_record(headers(lang));
    for r in rows(set, checklist, lang) {
        let _ = w.write_record(r.iter().map(|v| quote_formula(v).into_owned()));
    }
    w.into_inner().unwrap_or_default()
}

/// The width of a column in the workbook, in characters.
fn width(column: Column) -> f64 {
    match column {
        Column::Number => 10.0,
        Column::Scope => 12.0,
        Column::Text => 60.0,
        Column::Round => 6.0,
        Column::Answer => 10.0,
        Column::CheckedOn | Column::TargetDate => 12.0,
        Column::Reason | Column::Note => 30.0,
        Column::Item => 28.0,
    }
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
    ws.set_name(crate::tr!(lang, "answers-sheet-name"))?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (c, h) in (0u16..).zip(headers(lang)) {
        ws.write_string_with_format(0, c, h, &bold)?;
    }
    // Dates are real Excel dates, shown as the form prints them: 和暦 too in Japanese.
    let date = Format::new().set_num_format(if lang == Lang::Ja {
        r#"[$-ja-JP-x-gannen]yyyy-mm-dd"("ggge"年"m"月"d"日)""#
    } else {
        "yyyy-mm-dd"
    });
    let rows = rows(set, checklist, lang);
    let mut last = 1u32;
    for (r, row) in (1u32..).zip(&rows) {
        for ((c, v), column) in (0u16..).zip(row).zip(Column::EXPORT) {
            let day = matches!(column, Column::CheckedOn | Column::TargetDate)
                .then(|| crate::dates::parse_date_for_people(v).ok())
                .flatten()
                .and_then(|d| {
                    rust_xlsxwriter::ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).ok()?,
                        u8::try_from(d.month()).ok()?,
                        u8::try_from(d.day()).ok()?,
                    )
                    .ok()
                });
            match day {
                Some(day) => {
                    ws.write_date_with_format(r, c, &day, &date)?;
                }
                // Text cells: never a formula, and read back exactly.
                None => {
                    ws.write_string_with_format(r, c, v, &text)?;
                }
            }
        }
        last = r;
    }
    let answer_col = (0u16..)
        .zip(Column::EXPORT)
        .find(|(_, c)| *c == Column::Answer)
        .map_or(4, |(i, _)| i);
    let dv = DataValidation::new()
        .allow_list_strings(&["はい", "いいえ", "対象外"])?
        .set_error_title("はい / いいえ / 対象外")?
        .set_error_message(crate::tr!(lang, "answers-sheet-answer-choices"))?;
    ws.add_data_validation(1, answer_col, last, answer_col, &dv)?;
    for (c, column) in (0u16..).zip(Column::EXPORT) {
        ws.set_column_width(c, width(column))?;
    }
    ws.set_freeze_panes(1, 0)?;
    wb.save_to_buffer()
}
