//! Where a checklist sits on its sheet: the header row(s), found by their words, and the
//! columns of the number, the wording, the section and the scope; or the same stated by the
//! user with `--map`.

use super::error::{CandidateRow, ClueRole, Clues, Missed};
use super::grid::{column_index, column_name, Grid};
use super::number::{lead, Lead, Sub};
use std::collections::BTreeMap;

/// Rows searched from the top for a header.
const HEADER_SEARCH_ROWS: usize = 60;
/// Header rows after the first that still belong to the header (a two- or three-row header).
const HEADER_MAX_EXTRA_ROWS: usize = 2;
/// A header cell is short; longer text (a note above the table) is not taken for one.
const HEADER_MAX_CHARS: usize = 20;

/// The layout of a checklist on its sheet (0-based rows and columns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// First row of the header (the title rows above it are searched for the form's title).
    pub header_start: usize,
    /// First row after the header.
    pub data_start: usize,
    /// Column of printed numbers; without one, numbers lead the wording (`① …`).
    pub number: Option<usize>,
    /// Column of the wording.
    pub text: usize,
    /// Column naming each row's section (often merged down).
    pub section: Option<usize>,
    /// Column of scope labels (サーバ, 端末PC, 医療情報システム全般).
    pub scope: Option<usize>,
}

/// What a header cell says its column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Number,
    Section,
    Scope,
    Text,
    Answer,
}

fn role(text: &str) -> Option<Role> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > HEADER_MAX_CHARS {
        return None;
    }
    // A numbered heading (「1．区分1」, 「2 体制構築」) is a section row, whatever words it holds.
    if matches!(
        lead(text.trim()),
        Some(Lead::Section { rest, .. }) if !rest.is_empty()
    ) {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if matches!(
        t.as_str(),
        "番号" | "項番" | "No" | "No." | "NO" | "NO." | "№" | "項目番号" | "通し番号" | "#"
    ) {
        Some(Role::Number)
    } else if has(&["大項目", "分類", "区分", "カテゴリ", "分野"]) {
        Some(Role::Section)
    } else if t.contains("対象") && !t.contains("対象外") && !t.contains("項目") {
        Some(Role::Scope)
    } else if has(&["項目", "内容", "確認事項", "設問", "質問"]) {
        Some(Role::Text)
    } else if has(&[
        "はい",
        "いいえ",
        "確認日",
        "目標日",
        "回目",
        "備考",
        "対象外",
        "実施状況",
        "回答",
        "チェック",
        "記入日",
        "結果",
        "実施",
    ]) {
        Some(Role::Answer)
    } else {
        None
    }
}

/// Candidate header rows named in the error when no header is found (per sheet).
const CLUE_MAX_ROWS: usize = 4;
/// Rows under a guessed header looked at to guess the wording and number columns.
const GUESS_ROWS: usize = 200;

/// Find the header and the columns by their words.
pub fn detect(grid: &Grid) -> Result<(Layout, String), Clues> {
    let rows = grid.rows.len().min(HEADER_SEARCH_ROWS);
    for r in 0..rows {
        let roles = row_roles(grid, r);
        let Some((&text_col, _)) = roles.iter().find(|(_, &role)| role == Role::Text) else {
            continue;
        };
        let answers_near = (r..=r + HEADER_MAX_EXTRA_ROWS)
            .any(|rr| row_roles(grid, rr).values().any(|&x| x == Role::Answer));
        if !answers_near {
            continue;
        }
        let end = header_end(grid, r);
        let mut columns: BTreeMap<usize, Role> = BTreeMap::new();
        for rr in r..end {
            for (c, role) in row_roles(grid, rr) {
                columns.entry(c).or_insert(role);
            }
        }
        let first = |want: Role| columns.iter().find(|(_, &x)| x == want).map(|(&c, _)| c);
        let layout = Layout {
            header_start: r,
            data_start: end,
            number: first(Role::Number),
            text: first(Role::Text).unwrap_or(text_col),
            section: first(Role::Section),
            scope: first(Role::Scope),
        };
        return Ok((layout, grid.name(r, text_col)));
    }
    Err(clues(grid, rows))
}

/// The first row after a header that starts at `r`: the rows below that still name columns
/// and hold no item number belong to it (up to [`HEADER_MAX_EXTRA_ROWS`]).
fn header_end(grid: &Grid, r: usize) -> usize {
    let mut end = r + 1;
    while end <= r + HEADER_MAX_EXTRA_ROWS
        && !row_roles(grid, end).is_empty()
        && !row_has_item_number(grid, end)
    {
        end += 1;
    }
    end
}

fn clue_role(role: Role) -> ClueRole {
    match role {
        Role::Number => ClueRole::Number,
        Role::Section => ClueRole::Section,
        Role::Scope => ClueRole::Scope,
        Role::Text => ClueRole::Wording,
        Role::Answer => ClueRole::Answer,
    }
}

/// What the header search saw in the first `rows` rows of a sheet where it found no header:
/// the rows that name columns, what was missing, and the `--map` that would state a layout
/// guessed from the rows below.
fn clues(grid: &Grid, rows: usize) -> Clues {
    let named: Vec<(usize, BTreeMap<usize, Role>)> = (0..rows)
        .map(|r| (r, row_roles(grid, r)))
        .filter(|(_, roles)| !roles.is_empty())
        .collect();
    let first_with = |want: Role| {
        named
            .iter()
            .find(|(_, roles)| roles.values().any(|&x| x == want))
            .map(|(r, roles)| (*r, roles))
    };
    let wording = first_with(Role::Text);
    let answers = first_with(Role::Answer);
    let missed = match (wording, answers) {
        (Some(_), Some(_)) => Missed::Apart,
        (Some(_), None) => Missed::Answers,
        (None, Some(_)) => Missed::Wording,
        (None, None) if named.is_empty() => Missed::Everything,
        (None, None) => Missed::Both,
    };
    // Each merged header cell once, at its first cell (not again on every cell it covers).
    let first_of_merge = |r: usize, c: usize| {
        grid.rows
            .get(r)
            .and_then(|row| row.get(c))
            .is_some_and(|cell| cell.merged_from.is_none())
    };
    let candidates = named
        .iter()
        .map(|(r, roles)| CandidateRow {
            row: r + 1,
            cells: roles
                .iter()
                .filter(|(&c, _)| first_of_merge(*r, c))
                .map(|(&c, &role)| {
                    (
                        grid.name(*r, c),
                        grid.text(*r, c).to_owned(),
                        clue_role(role),
                    )
                })
                .collect(),
        })
        .filter(|row: &CandidateRow| !row.cells.is_empty())
        .take(CLUE_MAX_ROWS)
        .collect();
    // The header guessed: down to the lower of the wording's and the answers' rows (either,
    // when only one was found), else the rows above the first item number.
    let header_rows = match (wording, answers) {
        (Some((w, _)), Some((a, _))) => Some(header_end(grid, w.max(a))),
        (Some((r, _)), None) | (None, Some((r, _))) => Some(header_end(grid, r)),
        (None, None) => (0..grid.rows.len()).find(|&r| row_has_item_number(grid, r)),
    };
    let map = header_rows.and_then(|data_start| {
        let text = wording
            .and_then(|(_, roles)| roles.iter().find(|(_, &x)| x == Role::Text))
            .map(|(&c, _)| c)
            .or_else(|| busiest_column(grid, data_start, is_wording))?;
        let number = busiest_column(grid, data_start, is_bare_number).filter(|&c| c != text);
        let layout = Layout {
            header_start: 0,
            data_start,
            number,
            text,
            section: None,
            scope: None,
        };
        Some(describe(&layout))
    });
    Clues {
        candidates,
        missed,
        map,
    }
}

/// The column below row `from` with the most cells that `test` accepts; `None` when no cell is.
fn busiest_column(grid: &Grid, from: usize, test: fn(&str) -> bool) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for (r, row) in grid.rows.iter().enumerate().skip(from).take(GUESS_ROWS) {
        for c in 0..row.len() {
            if row.get(c).is_some_and(|cell| cell.merged_from.is_none()) && test(grid.text(r, c)) {
                *counts.entry(c).or_default() += 1;
            }
        }
    }
    // The leftmost of the busiest columns.
    let most = counts.values().copied().max()?;
    counts.into_iter().find(|&(_, n)| n == most).map(|(c, _)| c)
}

/// Wording of an item: a sentence with Japanese in it.
fn is_wording(text: &str) -> bool {
    text.chars().count() >= 8 && text.chars().any(|c| u32::from(c) >= 0x3040)
}

/// A cell that holds only an item number (`①`, `(1)`, `1-①`).
fn is_bare_number(text: &str) -> bool {
    matches!(lead(text), Some(Lead::Item { rest, .. }) if rest.is_empty())
}

fn row_roles(grid: &Grid, r: usize) -> BTreeMap<usize, Role> {
    let Some(row) = grid.rows.get(r) else {
        return BTreeMap::new();
    };
    row.iter()
        .enumerate()
        .filter_map(|(c, cell)| role(&cell.text).map(|x| (c, x)))
        .collect()
}

fn row_has_item_number(grid: &Grid, r: usize) -> bool {
    grid.rows.get(r).is_some_and(|row| {
        row.iter()
            .any(|cell| matches!(lead(&cell.text), Some(Lead::Item { .. })))
    })
}

/// A layout stated by the user: `number=B,text=C,section=A,scope=D,header-rows=2`, or the
/// same keys in a small TOML file; `gate=ROW|NUMBER|none` says where the gate question is
/// (alone, it leaves the rest of the layout to be found).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Map {
    pub number: Option<usize>,
    /// The wording column; `None` when the map states only the gate.
    pub text: Option<usize>,
    pub section: Option<usize>,
    pub scope: Option<usize>,
    pub header_rows: usize,
    pub gate: Option<GateSpec>,
}

/// Where the user says the gate question (医療情報システムの有無) is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateSpec {
    /// On this row (0-based; written as Excel's row number, from 1).
    Row(usize),
    /// The item with this printed number (`0`, `1-①`).
    Number(String),
    /// The item printed with this number and no section (`①`, `(3)`), on a sheet numbered
    /// straight through.
    Bare(String),
    /// The form has none.
    None,
}

impl GateSpec {
    /// As written in `--map`: `gate=12`, `gate=1-①`, `gate=none`.
    pub fn as_written(&self) -> String {
        match self {
            GateSpec::Row(r) => (r + 1).to_string(),
            GateSpec::Number(n) | GateSpec::Bare(n) => n.clone(),
            GateSpec::None => "none".to_owned(),
        }
    }

    /// `12` is a row (Excel's number); `none` or `なし` says there is none; anything else
    /// (`0`, `1-①`, `1-(1)`, or `①`, `(3)` without a section) is a printed item number, read
    /// as the import reads numbers.
    fn parse(value: &str) -> Result<GateSpec, MapError> {
        let v = value.trim();
        if v.eq_ignore_ascii_case("none") || v == "なし" {
            return Ok(GateSpec::None);
        }
        if let Ok(n) = v.parse::<usize>() {
            return Ok(match n {
                0 => GateSpec::Number("0".to_owned()),
                n => GateSpec::Row(n - 1),
            });
        }
        match lead(v) {
            Some(Lead::Item {
                section: Some(s),
                sub,
                rest,
            }) if rest.is_empty() => Ok(GateSpec::Number(sub.printed(&s.to_string()))),
            Some(Lead::Item {
                section: None,
                sub,
                rest,
            }) if rest.is_empty() => Ok(GateSpec::Bare(match sub {
                Sub::Circled(_) => sub.printed("").trim_start_matches('-').to_owned(),
                Sub::Paren(n) => format!("({n})"),
            })),
            _ => Err(MapError::BadGate(value.to_owned())),
        }
    }
}

/// Why a `--map` was refused: the key and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapError {
    UnknownKey(String),
    BadColumn { key: String, value: String },
    BadRows(String),
    BadGate(String),
    NoText,
    Toml(String),
}

impl Map {
    /// Parse `key=value` pairs separated by commas.
    pub fn parse_spec(spec: &str) -> Result<Map, MapError> {
        let pairs = spec
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once('=') {
                Some((k, v)) => Ok((k.trim().to_owned(), v.trim().to_owned())),
                None => Err(MapError::UnknownKey(p.to_owned())),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Map::from_pairs(pairs)
    }

    /// Parse a TOML map file: `number = "B"`, `text = "C"`, `header-rows = 2` …
    pub fn parse_toml(source: &str) -> Result<Map, MapError> {
        let table: toml::Table =
            toml::from_str(source).map_err(|e| MapError::Toml(e.to_string()))?;
        let pairs = table
            .into_iter()
            .map(|(k, v)| {
                let v = match v {
                    toml::Value::String(s) => s,
                    other => other.to_string(),
                };
                (k, v)
            })
            .collect();
        Map::from_pairs(pairs)
    }

    fn from_pairs(pairs: Vec<(String, String)>) -> Result<Map, MapError> {
        let mut map = Map {
            number: None,
            text: None,
            section: None,
            scope: None,
            header_rows: 1,
            gate: None,
        };
        let mut states_layout = false;
        for (key, value) in pairs {
            let column = || {
                column_index(&value).ok_or_else(|| MapError::BadColumn {
                    key: key.clone(),
                    value: value.clone(),
                })
            };
            match key.as_str() {
                "number" => map.number = Some(column()?),
                "text" => map.text = Some(column()?),
                "section" => map.section = Some(column()?),
                "scope" => map.scope = Some(column()?),
                "header-rows" | "header_rows" => {
                    map.header_rows = value
                        .parse()
                        .ok()
                        .filter(|n| *n <= HEADER_SEARCH_ROWS)
                        .ok_or(MapError::BadRows(value.clone()))?;
                }
                "gate" => {
                    map.gate = Some(GateSpec::parse(&value)?);
                    continue;
                }
                _ => return Err(MapError::UnknownKey(key)),
            }
            states_layout = true;
        }
        if map.text.is_none() && (states_layout || map.gate.is_none()) {
            return Err(MapError::NoText);
        }
        Ok(map)
    }

    /// The layout the map states; `None` when it states only the gate (the layout is then
    /// found as without a map).
    pub fn layout(&self) -> Option<Layout> {
        Some(Layout {
            header_start: 0,
            data_start: self.header_rows,
            number: self.number,
            text: self.text?,
            section: self.section,
            scope: self.scope,
        })
    }
}

/// The columns of a layout for people: `number=B, text=C`.
pub fn describe(layout: &Layout) -> String {
    let mut parts = Vec::new();
    for (key, col) in [
        ("section", layout.section),
        ("number", layout.number),
        ("text", Some(layout.text)),
        ("scope", layout.scope),
    ] {
        if let Some(c) = col {
            parts.push(format!("{key}={}", column_name(c)));
        }
    }
    parts.push(format!("header-rows={}", layout.data_start));
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words() {
        assert_eq!(role("チェック項目"), Some(Role::Text));
        assert_eq!(role("確認項目"), Some(Role::Text));
        assert_eq!(role("大項目"), Some(Role::Section));
        assert_eq!(role("対象"), Some(Role::Scope));
        assert_eq!(role("対象外"), Some(Role::Answer));
        assert_eq!(role("1回目"), Some(Role::Answer));
        assert_eq!(role("No."), Some(Role::Number));
        assert_eq!(role("確認結果"), Some(Role::Answer));
        assert_eq!(role("チェック"), Some(Role::Answer));
        assert_eq!(role("設問"), Some(Role::Text));
        assert_eq!(role("本チェックリストの項目は毎年度見直されます。"), None);
    }

    #[test]
    fn maps() {
        let m = Map::parse_spec("number=B, text=C,section=A,header-rows=2").unwrap();
        assert_eq!(m.number, Some(1));
        assert_eq!(m.text, Some(2));
        assert_eq!(m.header_rows, 2);
        assert_eq!(Map::parse_spec("number=B"), Err(MapError::NoText));
        assert!(matches!(
            Map::parse_spec("text=C,colour=red"),
            Err(MapError::UnknownKey(_))
        ));
        assert!(matches!(
            Map::parse_spec("text=3"),
            Err(MapError::BadColumn { .. })
        ));
        let t = Map::parse_toml("text = \"D\"\nheader-rows = 3\n").unwrap();
        assert_eq!((t.text, t.header_rows), (Some(3), 3));
        assert_eq!(
            describe(&m.layout().unwrap()),
            "section=A,number=B,text=C,header-rows=2"
        );
    }

    #[test]
    fn a_map_may_state_only_the_gate() {
        let m = Map::parse_spec("gate=5").unwrap();
        assert_eq!((m.gate.clone(), m.layout()), (Some(GateSpec::Row(4)), None));
        for (spec, want) in [
            ("gate=0", GateSpec::Number("0".into())),
            ("gate=1-①", GateSpec::Number("1-①".into())),
            ("gate=２－（３）", GateSpec::Number("2-(3)".into())),
            ("gate=none", GateSpec::None),
            ("gate=①", GateSpec::Bare("①".into())),
            ("gate=（３）", GateSpec::Bare("(3)".into())),
            ("gate=なし", GateSpec::None),
        ] {
            assert_eq!(Map::parse_spec(spec).unwrap().gate, Some(want), "{spec}");
        }
        assert_eq!(
            Map::parse_spec("gate=x"),
            Err(MapError::BadGate("x".into()))
        );
        // A layout key without the wording column is still refused.
        assert_eq!(Map::parse_spec("gate=5,number=B"), Err(MapError::NoText));
        let t = Map::parse_toml("text = \"C\"\ngate = 7\n").unwrap();
        assert_eq!((t.text, t.gate), (Some(2), Some(GateSpec::Row(6))));
    }
}
