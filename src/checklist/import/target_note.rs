//! A note on the sheet that states the window for 目標日 (「※ 目標日は令和９年３月末までの日付を
//! 記入」), read into the rules' `target_date`: only what the cell says, in 和暦 or 西暦, with
//! full-width digits, as a fiscal year (令和8年度中, 令和8年度末, 2026年度) or as the last day of
//! one (令和9年3月末, 2027年3月31日, R9.3.31). A note whose window is not the edition's fiscal
//! year, or that names no day or year medsec can read, is said and leaves `unknown`.

use super::grid::Grid;
use super::number::normalise;

/// A note about 目標日 found on the sheet: its cell and its text (line breaks joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetNote {
    pub cell: String,
    pub text: String,
    /// The window it states for the edition: `Some("fiscal-year")`, else `None` (not read, or
    /// not a window the rules can state).
    pub window: Option<&'static str>,
}

/// The first note on `grid` that speaks of 目標日 (a cell starting with ※, 注, ＊ or *), read
/// for the edition of `fiscal_year`.
pub(super) fn find(grid: &Grid, fiscal_year: i32) -> Option<TargetNote> {
    grid.rows.iter().enumerate().find_map(|(r, row)| {
        row.iter().enumerate().find_map(|(c, cell)| {
            if cell.merged_from.is_some() {
                return None;
            }
            let text = normalise(&cell.text);
            let note = text.starts_with(['※', '注', '＊', '*']) && text.contains("目標日");
            note.then(|| TargetNote {
                cell: grid.name(r, c),
                window: window(&text, fiscal_year),
                text,
            })
        })
    })
}

/// The window a note states, when it is the edition's fiscal year: every year or day it names
/// is of that fiscal year (a 年度, its first day, or its last day), and at least one is.
fn window(text: &str, fiscal_year: i32) -> Option<&'static str> {
    let found = fiscal_years(text)?;
    (!found.is_empty() && found.iter().all(|fy| *fy == fiscal_year)).then_some("fiscal-year")
}

/// The fiscal year of each year or day the text names, in order; `None` when it names a day
/// that neither starts nor ends a fiscal year (a window the rules cannot state).
fn fiscal_years(text: &str) -> Option<Vec<i32>> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' => '/',
            '．' => '.',
            other => other,
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (year, next) = match year_at(&chars, i) {
            Some(found) => found,
            None => {
                i += 1;
                continue;
            }
        };
        i = next;
        let rest: String = chars.get(i..).unwrap_or_default().iter().collect();
        if rest.starts_with("年度") {
            out.push(year);
            i += 2;
            continue;
        }
        // A day: 年M月末, 年M月D日, or Y/M/D, Y.M.D.
        let sep = chars.get(i).copied();
        if !matches!(sep, Some('年' | '/' | '.' | '-')) {
            continue;
        }
        let (month, after) = number_at(&chars, i + 1)?;
        i = after;
        let day = match chars.get(i) {
            Some('月') if chars.get(i + 1) == Some(&'末') => {
                i += 2;
                None
            }
            Some('月' | '/' | '.' | '-') => {
                let (d, after) = number_at(&chars, i + 1)?;
                i = after;
                if chars.get(i) == Some(&'日') {
                    i += 1;
                }
                Some(d)
            }
            _ => return None,
        };
        match (month, day) {
            (3, None | Some(31)) => out.push(year - 1),
            (4, Some(1)) => out.push(year),
            _ => return None,
        }
    }
    Some(out)
}

/// A year at `i`: 令和N (元), R N, or four digits; the year and where it ends.
fn year_at(chars: &[char], i: usize) -> Option<(i32, usize)> {
    let starts = |word: &str| {
        word.chars()
            .enumerate()
            .all(|(k, w)| chars.get(i + k) == Some(&w))
    };
    if starts("令和") {
        if chars.get(i + 2) == Some(&'元') {
            return Some((2019, i + 3));
        }
        let (n, end) = number_at(chars, i + 2)?;
        return Some((2018 + n, end));
    }
    if matches!(chars.get(i), Some('R' | 'r'))
        && !chars
            .get(i.wrapping_sub(1))
            .is_some_and(char::is_ascii_alphanumeric)
    {
        let (n, end) = number_at(chars, i + 1)?;
        return (n < 100).then_some((2018 + n, end));
    }
    if i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let (n, end) = number_at(chars, i)?;
    (end - i == 4 && (2000..2100).contains(&n)).then_some((n, end))
}

/// ASCII digits at `i` (at most four): their value and where they end.
fn number_at(chars: &[char], i: usize) -> Option<(i32, usize)> {
    let digits: String = chars
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .take(4)
        .collect();
    let n = digits.parse().ok()?;
    Some((n, i + digits.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_read_from_notes() {
        for (text, want) in [
            (
                "※ 目標日は令和９年３月末までの日付を記入",
                Some("fiscal-year"),
            ),
            (
                "※目標日は令和8年度中の日付を記入してください。",
                Some("fiscal-year"),
            ),
            ("※ 目標日は令和８年度末までとする", Some("fiscal-year")),
            ("※ 目標日は2027年3月31日までの日付", Some("fiscal-year")),
            ("※ 目標日は2026年度中", Some("fiscal-year")),
            ("※ 目標日はR9.3.31まで", Some("fiscal-year")),
            ("※ 目標日は2027/03/31まで", Some("fiscal-year")),
            (
                "※ 目標日は令和8年4月1日から令和9年3月31日までの日付",
                Some("fiscal-year"),
            ),
            // Another fiscal year, a day that ends none, or no day at all: not read.
            ("※ 目標日は令和10年3月末までの日付を記入", None),
            ("※ 目標日は令和9年9月末まで", None),
            ("※ 目標日は改善予定の日付を記入", None),
            ("※ 目標日は令和7年度中", None),
        ] {
            assert_eq!(window(text, 2026), want, "{text}");
        }
    }
}
