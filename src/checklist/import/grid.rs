//! A sheet as a grid of cell texts, with merged regions filled from their first cell, so that
//! a section name merged down a column or a heading merged across a row is seen on every row
//! and column it covers.

use crate::limits::workbook::{cell_name, Sheet};
use crate::limits::SHEET_MAX_CELLS;
use calamine::Data;

/// One cell: its text (line breaks kept) and, when it is covered by a merged region but is
/// not the region's first cell, that first cell's (row, column).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub merged_from: Option<(usize, usize)>,
}

/// The cells of one sheet.
#[derive(Debug, Clone)]
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// The grid of `sheet`. Merged regions are filled only within the cells the sheet really
    /// holds, and never past [`SHEET_MAX_CELLS`]; `None` when that many would be needed.
    pub fn new(sheet: &Sheet) -> Option<Grid> {
        let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
        let height = sheet.rows.len();
        if width.saturating_mul(height) > SHEET_MAX_CELLS {
            return None;
        }
        let mut rows: Vec<Vec<Cell>> = sheet
            .rows
            .iter()
            .map(|row| {
                let mut cells: Vec<Cell> = row
                    .iter()
                    .map(|d| Cell {
                        text: text_of(d),
                        merged_from: None,
                    })
                    .collect();
                cells.resize(width, Cell::default());
                cells
            })
            .collect();
        for &((r0, c0), (r1, c1)) in &sheet.merged {
            let (r0, c0) = (r0 as usize, c0 as usize);
            let origin = rows
                .get(r0)
                .and_then(|r| r.get(c0))
                .map(|c| c.text.clone())
                .unwrap_or_default();
            let r_end = (r1 as usize).min(height.saturating_sub(1));
            let c_end = (c1 as usize).min(width.saturating_sub(1));
            for r in r0..=r_end {
                for c in c0..=c_end {
                    if (r, c) == (r0, c0) {
                        continue;
                    }
                    if let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(c)) {
                        *cell = Cell {
                            text: origin.clone(),
                            merged_from: Some((r0, c0)),
                        };
                    }
                }
            }
        }
        Some(Grid {
            sheet: sheet.name.clone(),
            rows,
        })
    }

    /// The text of a cell, trimmed; empty outside the grid.
    pub fn text(&self, row: usize, col: usize) -> &str {
        self.cell(row, col).map_or("", |c| c.text.trim())
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(col))
    }

    /// `Sheet1!B3` for 0-based row and column.
    pub fn name(&self, row: usize, col: usize) -> String {
        let r = u32::try_from(row).unwrap_or(u32::MAX);
        let c = u32::try_from(col).unwrap_or(u32::MAX);
        format!("{}!{}", self.sheet, cell_name(r, c))
    }
}

/// A cell's value as text: strings as they are, whole numbers without a decimal point, other
/// values (dates, errors) as nothing, since a checklist's structure never lies in them.
fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e9 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        _ => String::new(),
    }
}

/// A column's letters from its 0-based index (`A`, `AA`).
pub fn column_name(col: usize) -> String {
    let name = cell_name(0, u32::try_from(col).unwrap_or(u32::MAX));
    name.trim_end_matches(|c: char| c.is_ascii_digit())
        .to_owned()
}

/// A column's 0-based index from its letters (`B` = 1); `None` unless 1–3 letters A–Z.
pub fn column_index(letters: &str) -> Option<usize> {
    let letters = letters.trim();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut n = 0usize;
    for b in letters.bytes() {
        let b = b.to_ascii_uppercase();
        if !b.is_ascii_uppercase() {
            return None;
        }
        n = n * 26 + usize::from(b - b'A') + 1;
    }
    Some(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns() {
        assert_eq!(column_index("A"), Some(0));
        assert_eq!(column_index("b"), Some(1));
        assert_eq!(column_index("AA"), Some(26));
        assert_eq!(column_index("1"), None);
        assert_eq!(column_name(26), "AA");
    }

    #[test]
    fn merged_regions_fill_their_cells() {
        let sheet = Sheet {
            name: "S".into(),
            rows: vec![
                vec![Data::String("1 体制構築".into()), Data::Empty],
                vec![Data::Empty, Data::String("x".into())],
            ],
            merged: vec![((0, 0), (1, 1))],
        };
        let g = Grid::new(&sheet).unwrap();
        assert_eq!(g.text(1, 0), "1 体制構築");
        assert_eq!(g.cell(1, 1).unwrap().merged_from, Some((0, 0)));
        assert_eq!(g.cell(0, 0).unwrap().merged_from, None);
        assert_eq!(g.name(1, 1), "S!B2");
    }
}
