//! Answers written into the layout of the checklist workbook a checklist was imported from
//! (`answer --export --layout official`): the form people recognise, to print or hand over,
//! which reads back with `answer --import`.

use super::WorkbookAnswersError;
use crate::answers::messages::labels;
use crate::answers::model::Response;
use crate::checklist::import::{
    layout_of, printed_cells, row_of, ColumnKind, PrintedCell, RecordedLayout, Role, SHARED_ROUND,
};
use crate::checklist::{Checklist, Item, Lang};
use crate::tr;

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
    matches!(kind, ColumnKind::Answer(r, n) if n != SHARED_ROUND && !matches!(r, Role::Reason | Role::Note))
}

/// The answers of `set` written into the workbook layout recorded for `checklist` at
/// `checklist import` (see [`RecordedLayout`]): the form people recognise, with ○ in the
/// はい/いいえ/対象外 columns (or the answer in a 回答 column) and dates as Excel dates shown
/// 令和8年6月3日. A checklist with no recorded layout (a bundled one) is an error.
pub fn export_official(
    set: &crate::answers::AnswerSet,
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
    let printed: Vec<(&Item, Vec<PrintedCell>)> = checklist
        .items
        .iter()
        .map(|i| (i, printed_cells(&i.sources)))
        .collect();
    let replay = printed.iter().any(|(_, cells)| !cells.is_empty());
    let wording_col = layout
        .columns
        .iter()
        .find(|(_, &k)| k == ColumnKind::Text)
        .map_or(0, |(&c, _)| c);
    if replay {
        // The form as printed: every cell recorded at import, where it was.
        for (item, cells) in &printed {
            for p in cells {
                let format = if p.row < layout.data_start {
                    &bold
                } else {
                    &wrap
                };
                // A printed name label above the header (医療機関・薬局名：) takes the name the
                // answers file holds, after the label, as a person writes it in.
                let filled;
                let p = match name_for_label(p, layout.header_start, set) {
                    Some(name) => {
                        filled = PrintedCell {
                            text: format!("{}{name}", p.text),
                            ..p.clone()
                        };
                        &filled
                    }
                    None => p,
                };
                if p.merged() {
                    ws.merge_range(
                        r32(p.row),
                        c16(p.col),
                        r32(p.last_row),
                        c16(p.last_col),
                        &p.text,
                        format,
                    )
                    .map_err(xl)?;
                } else {
                    ws.write_string_with_format(r32(p.row), c16(p.col), &p.text, format)
                        .map_err(xl)?;
                }
            }
            // The wording the checklist holds as printed, on its row.
            let Some(row) = row_of(&item.sources) else {
                continue;
            };
            let covered = printed.iter().flat_map(|(_, c)| c).any(|p| {
                (p.row..=p.last_row).contains(&row) && (p.col..=p.last_col).contains(&wording_col)
            });
            if !covered {
                ws.write_string_with_format(r32(row), c16(wording_col), &item.text.ja, &wrap)
                    .map_err(xl)?;
            }
        }
    }
    if replay {
        // Written above.
    } else if layout.header_start > 0 {
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
    for (&c, &kind) in layout.columns.iter().filter(|_| !replay) {
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
    for (row, item) in rows.iter().filter(|_| !replay) {
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
        for round in crate::answers::model::ROUNDS {
            let Some(a) = set.answer(&item.id, round) else {
                continue;
            };
            // A 目標日 column both rounds share holds the latest round's date.
            let at = |role: Role| {
                col_of(ColumnKind::Answer(role, round)).or_else(|| {
                    (role == Role::TargetDate)
                        .then(|| col_of(ColumnKind::Answer(role, SHARED_ROUND)))
                        .flatten()
                })
            };
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

/// The name to write after a printed label such as 医療機関・薬局名： or 事業者名： in the rows
/// above the header: the vendor's name for a vendor label, else the institution's; none when the
/// answers file has no name or the label already holds text after its colon.
fn name_for_label<'s>(
    p: &PrintedCell,
    header_start: usize,
    set: &'s crate::answers::AnswerSet,
) -> Option<&'s str> {
    let label = p.text.trim_end();
    if p.row >= header_start || !(label.ends_with("名：") || label.ends_with("名:")) {
        return None;
    }
    let name = if label.contains("事業者") {
        set.vendor.as_ref().and_then(|v| v.name.as_deref())
    } else {
        set.institution.as_ref().and_then(|i| i.name.as_deref())
    };
    name.map(str::trim).filter(|n| !n.is_empty())
}

/// Excel's day number of a date (1900 date system).
fn excel_serial(d: jiff::civil::Date) -> f64 {
    let epoch = jiff::civil::date(1899, 12, 30);
    (d - epoch).get_days() as f64
}
