//! The columns beside a checklist where people answer it, by the words of their header (はい,
//! いいえ, 対象外, 回答, 確認日, 目標日, 理由, 備考, under 1回目 or 2回目), and the layout of a
//! checklist workbook as recorded in the checklist it was imported into, so that answers can
//! be written back into the same layout (`answer --export --layout official`).

use std::collections::BTreeMap;

/// What a column beside the checklist holds, by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Marked when the answer is はい.
    Yes,
    /// Marked when the answer is いいえ.
    No,
    /// Marked when the answer is 対象外.
    NotApplicable,
    /// The answer chosen or typed (はい/いいえ/対象外).
    Answer,
    CheckedOn,
    TargetDate,
    Reason,
    Note,
}

/// The role and round of a column from its header texts (all header rows, merged cells
/// filled): `None` for a column that holds no answer.
pub fn column_role(header: &str) -> Option<(Role, u8)> {
    let h: String = header
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '１' => '1',
            '２' => '2',
            _ => c,
        })
        .collect();
    let round = if h.contains("2回目") { 2 } else { 1 };
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    let role = if has(&["目標日", "目標", "予定日"]) {
        Role::TargetDate
    } else if has(&["確認日", "記入日", "確認年月日", "実施日"]) {
        Role::CheckedOn
    } else if has(&["理由"]) {
        Role::Reason
    } else if has(&["備考", "メモ"]) {
        Role::Note
    } else if has(&["はい"]) && has(&["いいえ"]) {
        Role::Answer
    } else if has(&["いいえ"]) {
        Role::No
    } else if has(&["はい"]) {
        Role::Yes
    } else if has(&["対象外"]) {
        Role::NotApplicable
    } else if has(&["回答", "実施状況", "結果", "チェック", "回目"]) {
        Role::Answer
    } else {
        return None;
    };
    Some((role, round))
}

impl Role {
    const ALL: [Role; 8] = [
        Role::Yes,
        Role::No,
        Role::NotApplicable,
        Role::Answer,
        Role::CheckedOn,
        Role::TargetDate,
        Role::Reason,
        Role::Note,
    ];

    /// The name in a recorded layout.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Yes => "yes",
            Role::No => "no",
            Role::NotApplicable => "na",
            Role::Answer => "answer",
            Role::CheckedOn => "checked_on",
            Role::TargetDate => "target_date",
            Role::Reason => "reason",
            Role::Note => "note",
        }
    }

    fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// The answer columns of a sheet: those not in `structure` whose header (rows
/// `header_start..data_start`, merged cells filled) names an answer, with role and round.
pub(super) fn answer_columns(
    grid: &super::grid::Grid,
    header_start: usize,
    data_start: usize,
    structure: &[usize],
) -> Vec<(usize, Role, u8)> {
    let width = grid.rows.first().map_or(0, Vec::len);
    let headings: Vec<Vec<&str>> = (header_start..data_start)
        .map(|r| round_headings_carried((0..width).map(|c| grid.text(r, c))))
        .collect();
    let found: Vec<(usize, Role, u8, bool)> = (0..width)
        .filter(|c| !structure.contains(c))
        .filter_map(|c| {
            // A column with no header of its own is no answer column, whatever heading
            // stands to its left.
            if (header_start..data_start).all(|r| grid.text(r, c).is_empty()) {
                return None;
            }
            let header: Vec<&str> = headings
                .iter()
                .filter_map(|row| row.get(c).copied())
                .collect();
            let header = header.join(" ");
            let named = names_round(&header);
            column_role(&header).map(|(role, round)| (c, role, round, named))
        })
        .collect();
    target_rounds(found)
}

/// The texts of one header row with a round heading (1回目, 2回目) carried right over the
/// empty cells after it, so that a heading written in its group's first cell only (not merged)
/// names the whole group, as a merged one does. Any other text ends the carry; a column with
/// no header text of its own is skipped by the caller.
fn round_headings_carried<'a>(row: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut carried: Option<&'a str> = None;
    row.map(|text| {
        if text.is_empty() {
            return carried.unwrap_or(text);
        }
        carried = names_round(text).then_some(text);
        text
    })
    .collect()
}

/// Whether a header names its round (1回目, 2回目).
fn names_round(header: &str) -> bool {
    header.contains("回目")
}

/// The round of each 目標日 column whose header names none, on a form with a 2回目, decided
/// from the layout:
/// - inside the 1回目 group it is round 1's. The group is the span of the columns headed 1回目
///   (a merged 1回目 heading names its columns); when no column names round 1, the first round
///   is everything from its first answer column up to the first 2回目 column, so a 目標日 standing
///   among or after the first round's はい/いいえ/確認日 and before the 2回目 columns is round 1's;
/// - otherwise the only 目標日 column (after both groups, between a headed 1回目 group and the
///   2回目 group, or before both) is shared by both rounds ([`SHARED_ROUND`]);
/// - one after the first 2回目 column, when another 目標日 column serves round 1, is round 2's.
///
/// Others keep round 1.
fn target_rounds(found: Vec<(usize, Role, u8, bool)>) -> Vec<(usize, Role, u8)> {
    let first_round_2 = found
        .iter()
        .filter(|(_, _, round, _)| *round == 2)
        .map(|(c, _, _, _)| *c)
        .min();
    let round_1: Vec<(usize, bool)> = found
        .iter()
        .filter(|(_, role, round, _)| *round == 1 && *role != Role::TargetDate)
        .map(|&(c, _, _, named)| (c, named))
        .collect();
    let headed = round_1.iter().any(|(_, named)| *named);
    let group: Vec<usize> = round_1
        .iter()
        .filter(|(_, named)| !headed || *named)
        .map(|(c, _)| *c)
        .collect();
    let inside_round_1 = |c: usize, first_round_2: usize| {
        let (Some(&start), Some(&end)) = (group.iter().min(), group.iter().max()) else {
            return false;
        };
        let end = if headed { end } else { first_round_2 };
        start < c && c < end && c < first_round_2
    };
    let targets: Vec<(usize, u8, bool)> = found
        .iter()
        .filter(|(_, role, _, _)| *role == Role::TargetDate)
        .map(|&(c, _, round, named)| (c, round, named))
        .collect();
    found
        .iter()
        .map(|&(c, role, round, named)| {
            let Some(first_round_2) = first_round_2 else {
                return (c, role, round);
            };
            if role != Role::TargetDate || named {
                return (c, role, round);
            }
            let others: Vec<&(usize, u8, bool)> =
                targets.iter().filter(|(tc, _, _)| *tc != c).collect();
            let round = if inside_round_1(c, first_round_2) {
                1
            } else if others.is_empty() {
                SHARED_ROUND
            } else if c > first_round_2
                && others
                    .iter()
                    .any(|(tc, r, _)| *r == 1 && *tc < first_round_2)
            {
                2
            } else {
                round
            };
            (c, role, round)
        })
        .collect()
}

/// The round of a 目標日 column both rounds share: its date belongs to the round answered
/// いいえ (both, when both are), or to round 1 when neither is.
pub const SHARED_ROUND: u8 = 0;

/// The layout of `grid` under `layout`, to record.
pub(super) fn record(grid: &super::grid::Grid, layout: &super::layout::Layout) -> RecordedLayout {
    let mut columns = BTreeMap::new();
    // The wording first: a number inline in it shares its column.
    columns.insert(layout.text, ColumnKind::Text);
    for (col, kind) in [
        (layout.number, ColumnKind::Number),
        (layout.section, ColumnKind::Section),
        (layout.scope, ColumnKind::Scope),
    ] {
        if let Some(c) = col {
            columns.entry(c).or_insert(kind);
        }
    }
    let structure: Vec<usize> = columns.keys().copied().collect();
    for (c, role, round) in answer_columns(grid, layout.header_start, layout.data_start, &structure)
    {
        columns.insert(c, ColumnKind::Answer(role, round));
    }
    RecordedLayout {
        sheet: grid.sheet.clone(),
        header_start: layout.header_start,
        data_start: layout.data_start,
        columns,
    }
}

/// A column beside the checklist with content in item rows that medsec's checklist format has
/// no place for (the vendor form's 責任分界, a hospital's own column): not imported, and said
/// on import with its cells, never dropped silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotImported {
    /// The header's words (all header rows), empty when the column has none.
    pub header: String,
    /// The header's cell (the last header row), or the first cell with content.
    pub header_cell: String,
    /// The cells with content in item rows, in order.
    pub cells: Vec<String>,
}

/// The columns of `grid` that `recorded` has no kind for but that hold text in `item_rows`
/// (0-based). A cell covered by another's merged region is that cell's, not its column's.
pub(super) fn not_imported(
    grid: &super::grid::Grid,
    recorded: &RecordedLayout,
    item_rows: &[usize],
) -> Vec<NotImported> {
    let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    let own_text = |r: usize, c: usize| {
        grid.cell(r, c)
            .filter(|cell| cell.merged_from.is_none())
            .is_some_and(|cell| !cell.text.trim().is_empty())
    };
    (0..width)
        .filter(|c| !recorded.columns.contains_key(c))
        .filter_map(|c| {
            let cells: Vec<String> = item_rows
                .iter()
                .filter(|&&r| own_text(r, c))
                .map(|&r| grid.name(r, c))
                .collect();
            let first = cells.first()?.clone();
            let header: Vec<&str> = (recorded.header_start..recorded.data_start)
                .map(|r| grid.text(r, c))
                .filter(|t| !t.is_empty())
                .collect();
            let last = recorded
                .data_start
                .saturating_sub(1)
                .max(recorded.header_start);
            Some(NotImported {
                header_cell: if header.is_empty() {
                    first
                } else {
                    grid.name(last, c)
                },
                header: header.join(" "),
                cells,
            })
        })
        .collect()
}

/// What a column of a checklist workbook holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Number,
    Text,
    Section,
    Scope,
    /// An answer column and its round.
    Answer(Role, u8),
}

/// The layout of a checklist workbook, as `checklist import` records it in every item's
/// `sources`: `workbook-layout:rows=3-4;A=text;B=yes1;…;sheet=NAME`, and the item's row as
/// `workbook-row:6` (Excel's numbers, from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedLayout {
    pub sheet: String,
    /// First header row and first row after the header, 0-based.
    pub header_start: usize,
    pub data_start: usize,
    /// Columns, 0-based, in order.
    pub columns: BTreeMap<usize, ColumnKind>,
}

const LAYOUT_PREFIX: &str = "workbook-layout:";
const ROW_PREFIX: &str = "workbook-row:";

impl RecordedLayout {
    /// The source entry that records this layout.
    pub fn to_source(&self) -> String {
        let mut parts = vec![format!(
            "rows={}-{}",
            self.header_start + 1,
            self.data_start
        )];
        for (&c, kind) in &self.columns {
            let k = match kind {
                ColumnKind::Number => "number".to_owned(),
                ColumnKind::Text => "text".to_owned(),
                ColumnKind::Section => "section".to_owned(),
                ColumnKind::Scope => "scope".to_owned(),
                ColumnKind::Answer(role, round) => format!("{}{round}", role.as_str()),
            };
            parts.push(format!("{}={k}", super::grid::column_name(c)));
        }
        format!("{LAYOUT_PREFIX}{};sheet={}", parts.join(";"), self.sheet)
    }

    /// The layout a source entry records.
    pub fn from_source(source: &str) -> Option<RecordedLayout> {
        let rest = source.strip_prefix(LAYOUT_PREFIX)?;
        let (spec, sheet) = rest.split_once(";sheet=")?;
        let mut layout = RecordedLayout {
            sheet: sheet.to_owned(),
            header_start: 0,
            data_start: 0,
            columns: BTreeMap::new(),
        };
        for part in spec.split(';') {
            let (key, value) = part.split_once('=')?;
            if key == "rows" {
                let (a, b) = value.split_once('-')?;
                layout.header_start = a.parse::<usize>().ok()?.checked_sub(1)?;
                layout.data_start = b.parse().ok()?;
                continue;
            }
            let col = super::grid::column_index(key)?;
            let kind = match value {
                "number" => ColumnKind::Number,
                "text" => ColumnKind::Text,
                "section" => ColumnKind::Section,
                "scope" => ColumnKind::Scope,
                other => {
                    let (name, round) = other.split_at(other.len().checked_sub(1)?);
                    ColumnKind::Answer(Role::parse(name)?, round.parse().ok()?)
                }
            };
            layout.columns.insert(col, kind);
        }
        (layout.data_start > layout.header_start).then_some(layout)
    }
}

/// The source entry that records an item's row (0-based `row`).
pub fn row_source(row: usize) -> String {
    format!("{ROW_PREFIX}{}", row + 1)
}

/// The 0-based row an item's source entries record.
pub fn row_of(sources: &[String]) -> Option<usize> {
    sources.iter().find_map(|s| {
        s.strip_prefix(ROW_PREFIX)?
            .parse::<usize>()
            .ok()?
            .checked_sub(1)
    })
}

/// The layout an item's source entries record.
pub fn layout_of(sources: &[String]) -> Option<RecordedLayout> {
    sources.iter().find_map(|s| RecordedLayout::from_source(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_their_header_words() {
        assert_eq!(column_role("1回目 はい"), Some((Role::Yes, 1)));
        assert_eq!(column_role("2回目 いいえ"), Some((Role::No, 2)));
        assert_eq!(column_role("２回目 確認日"), Some((Role::CheckedOn, 2)));
        assert_eq!(
            column_role("いいえの場合の目標日"),
            Some((Role::TargetDate, 1))
        );
        assert_eq!(column_role("はい・いいえ"), Some((Role::Answer, 1)));
        assert_eq!(column_role("2回目"), Some((Role::Answer, 2)));
        assert_eq!(column_role("対象外"), Some((Role::NotApplicable, 1)));
        assert_eq!(column_role("備考"), Some((Role::Note, 1)));
        assert_eq!(column_role("責任分界"), None);
    }

    #[test]
    fn layouts_are_recorded_and_read_back() {
        let layout = RecordedLayout {
            sheet: "チェック;sheet=リスト".into(),
            header_start: 2,
            data_start: 4,
            columns: BTreeMap::from([
                (0, ColumnKind::Text),
                (1, ColumnKind::Answer(Role::Yes, 1)),
                (4, ColumnKind::Answer(Role::CheckedOn, 2)),
                (26, ColumnKind::Answer(Role::NotApplicable, 1)),
            ]),
        };
        let source = layout.to_source();
        assert_eq!(
            source,
            "workbook-layout:rows=3-4;A=text;B=yes1;E=checked_on2;AA=na1;sheet=チェック;sheet=リスト"
        );
        assert_eq!(RecordedLayout::from_source(&source), Some(layout));
        assert_eq!(
            RecordedLayout::from_source("workbook:a.xlsx#sha256=00"),
            None
        );
        assert_eq!(row_of(&[row_source(5)]), Some(5));
    }

    /// The round of each unnamed 目標日 column in a row of headers (`named` marks a header that
    /// names its round, as under a merged 1回目/2回目).
    fn rounds(headers: &[(&str, bool)]) -> Vec<(usize, u8)> {
        let found = headers
            .iter()
            .enumerate()
            .filter_map(|(c, (h, named))| column_role(h).map(|(r, n)| (c, r, n, *named)))
            .collect();
        target_rounds(found)
            .into_iter()
            .filter(|(_, role, _)| *role == Role::TargetDate)
            .map(|(c, _, n)| (c, n))
            .collect()
    }

    #[test]
    fn a_target_column_goes_with_the_group_it_stands_in() {
        // No 1回目 heading: the first round runs up to the 2回目 columns.
        let unheaded = [
            ("はい", false),
            ("いいえ", false),
            ("確認日", false),
            ("目標日", false),
            ("2回目 はい", true),
            ("2回目 いいえ", true),
        ];
        assert_eq!(rounds(&unheaded), [(3, 1)]);
        // Among the 1回目 columns.
        let among = [
            ("1回目 はい", true),
            ("1回目 いいえ", true),
            ("目標日", false),
            ("1回目 確認日", true),
            ("2回目 はい", true),
            ("2回目 いいえ", true),
        ];
        assert_eq!(rounds(&among), [(2, 1)]);
        // Between a headed 1回目 group and the 2回目 group, after both, or before both: shared.
        let between = [
            ("1回目 はい", true),
            ("1回目 いいえ", true),
            ("目標日", false),
            ("2回目 はい", true),
            ("2回目 いいえ", true),
        ];
        assert_eq!(rounds(&between), [(2, SHARED_ROUND)]);
        let after = [
            ("はい", false),
            ("いいえ", false),
            ("2回目 はい", true),
            ("2回目 いいえ", true),
            ("目標日", false),
        ];
        assert_eq!(rounds(&after), [(4, SHARED_ROUND)]);
        let before = [
            ("目標日", false),
            ("はい", false),
            ("いいえ", false),
            ("2回目 はい", true),
        ];
        assert_eq!(rounds(&before), [(0, SHARED_ROUND)]);
        // One inside round 1 and one after both: round 1's and round 2's.
        let two = [
            ("はい", false),
            ("いいえ", false),
            ("目標日", false),
            ("2回目 はい", true),
            ("2回目 いいえ", true),
            ("目標日", false),
        ];
        assert_eq!(rounds(&two), [(2, 1), (5, 2)]);
    }
}
