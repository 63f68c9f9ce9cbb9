//! The cells of a checklist workbook as printed, recorded at import so that
//! `answer --export --layout official` can print the same form: the title, the header words and
//! header rows, section heading rows and the section column, each item's number and scope cells
//! as printed (`①`, not `1-①`), notes, and their merged regions. Answer cells under the header are
//! not recorded (answers go there), nor an item's wording where the checklist holds it unchanged.
//!
//! Each cell is an entry of an item's `sources`, `workbook-cell:A3:A4=区分` (a merged region) or
//! `workbook-cell:B6=①`, on the item whose row it is on or the first item below it (cells below
//! the last item go with the last item), so that an item's entries stay beside it.

use super::columns::{ColumnKind, RecordedLayout};
use super::grid::{column_index, Grid};
use super::rows::ItemFound;
use crate::limits::workbook::cell_name;

const CELL_PREFIX: &str = "workbook-cell:";

/// A cell as printed: its text and the region it covers (0-based, inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedCell {
    pub row: usize,
    pub col: usize,
    pub last_row: usize,
    pub last_col: usize,
    pub text: String,
}

impl PrintedCell {
    /// Whether the cell is a merged region of more than one cell.
    pub fn merged(&self) -> bool {
        self.last_row > self.row || self.last_col > self.col
    }

    /// The source entry that records it.
    pub fn to_source(&self) -> String {
        let name = |r: usize, c: usize| {
            cell_name(
                u32::try_from(r).unwrap_or(u32::MAX),
                u32::try_from(c).unwrap_or(u32::MAX),
            )
        };
        let place = if self.merged() {
            format!(
                "{}:{}",
                name(self.row, self.col),
                name(self.last_row, self.last_col)
            )
        } else {
            name(self.row, self.col)
        };
        format!("{CELL_PREFIX}{place}={}", self.text)
    }

    /// The cell a source entry records.
    pub fn from_source(source: &str) -> Option<PrintedCell> {
        let rest = source.strip_prefix(CELL_PREFIX)?;
        let (place, text) = rest.split_once('=')?;
        let (first, last) = place.split_once(':').unwrap_or((place, place));
        let (row, col) = parse_cell(first)?;
        let (last_row, last_col) = parse_cell(last)?;
        (last_row >= row && last_col >= col).then(|| PrintedCell {
            row,
            col,
            last_row,
            last_col,
            text: text.to_owned(),
        })
    }
}

/// `B6` as 0-based (row, column).
fn parse_cell(name: &str) -> Option<(usize, usize)> {
    let split = name.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = name.split_at(split);
    let row = digits.parse::<usize>().ok()?.checked_sub(1)?;
    Some((row, column_index(letters)?))
}

/// The printed cells an item's source entries record.
pub fn printed_cells(sources: &[String]) -> Vec<PrintedCell> {
    sources
        .iter()
        .filter_map(|s| PrintedCell::from_source(s))
        .collect()
}

/// The printed cells of `grid` under `layout`, as source entries, per item (index into
/// `items`, which are in sheet order).
pub(super) fn record(
    grid: &Grid,
    layout: &RecordedLayout,
    items: &[ItemFound],
) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new(); items.len()];
    let answer_column = |c: usize| matches!(layout.columns.get(&c), Some(ColumnKind::Answer(..)));
    let wording_column = |c: usize| layout.columns.get(&c) == Some(&ColumnKind::Text);
    let height = grid.rows.len();
    let width = grid.rows.first().map_or(0, Vec::len);
    for (r, row) in grid.rows.iter().enumerate() {
        // The item on this row, or the first below it; the last item for rows after it.
        let owner = items
            .iter()
            .position(|i| i.row >= r)
            .or_else(|| items.len().checked_sub(1));
        let Some(owner) = owner else { break };
        for (c, cell) in row.iter().enumerate() {
            if cell.merged_from.is_some() || cell.text.trim().is_empty() {
                continue;
            }
            if r >= layout.data_start && answer_column(c) {
                continue;
            }
            let last_row = (r..height)
                .take_while(|&rr| {
                    rr == r || grid.cell(rr, c).and_then(|x| x.merged_from) == Some((r, c))
                })
                .last()
                .unwrap_or(r);
            let last_col = (c..width)
                .take_while(|&cc| {
                    cc == c || grid.cell(r, cc).and_then(|x| x.merged_from) == Some((r, c))
                })
                .last()
                .unwrap_or(c);
            let printed = PrintedCell {
                row: r,
                col: c,
                last_row,
                last_col,
                text: cell.text.clone(),
            };
            // An item's wording the checklist holds as it is printed is written from the
            // checklist (not twice in the file).
            let wording =
                wording_column(c) && items.iter().any(|i| i.row == r && i.text == cell.text);
            if wording && !printed.merged() {
                continue;
            }
            if let Some(entries) = out.get_mut(owner) {
                entries.push(printed.to_source());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_recorded_and_read_back() {
        let merged = PrintedCell {
            row: 2,
            col: 0,
            last_row: 3,
            last_col: 0,
            text: "区分=A\n".into(),
        };
        assert_eq!(merged.to_source(), "workbook-cell:A3:A4=区分=A\n");
        assert_eq!(PrintedCell::from_source(&merged.to_source()), Some(merged));
        let one = PrintedCell::from_source("workbook-cell:AB12=①").unwrap();
        assert_eq!((one.row, one.col, one.merged()), (11, 27, false));
        assert_eq!(PrintedCell::from_source("workbook-cell:B2:A1=x"), None);
        assert_eq!(PrintedCell::from_source("workbook-row:6"), None);
    }
}
