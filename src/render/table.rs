//! Tables for people: box-drawing borders, columns sized and text wrapped by display width.
//!
//! comfy-table draws the table; the wrapping is ours, because its own splits Latin words
//! (`apt-transp|ort-https`) and IDs (`mhlw-institution@fy202|5`) wherever the column ends, and
//! knows nothing of Japanese line-breaking rules. Here a line breaks only at a space, between
//! two Japanese characters, or between a Latin word and Japanese text. Never broken: a Latin
//! word, an ID, a path or a code; a term of the forms (医療機関確認用, 医療機関コード: see
//! `TERMS`) or a katakana word (ガイドライン); a command in backquotes that fits a line; a
//! short word or name between spaces (テスト診療所, up to 12 columns); a date or a number with
//! its unit (令和7年度, 令和8年3月31日, 1回目). When columns must narrow, short lines wrap
//! first, then prose. A table that cannot fit with every word whole is, on a terminal (or with
//! `COLUMNS` set), shown as one "field: value" block per row that fits (a path or ID wider than the screen
//! stands whole on a line of its own below its label, wider than the screen, never cut). Piped to a file or a
//! program with no `COLUMNS`, the width is unknown and nothing is wrapped: every line of a cell
//! stays one line of the table, however wide, as those readers want one line a row (`grep`
//! finds a name whole) rather than words people copy (paths, IDs, keys, names) cut. A 、 or 。 (or a closing bracket, a small kana, a
//! long-vowel mark) never starts a line, nor does an opening bracket end one (kinsoku). Widths
//! are display columns: a full-width character counts 2, colour escape sequences count 0.

use std::fmt;
use std::io::IsTerminal;
use unicode_width::UnicodeWidthChar;

/// A table to fill row by row and print with `{}`.
#[derive(Debug, Clone)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    width: usize,
    /// The width is the reader's (a terminal, `COLUMNS`): a table that cannot fit it even with
    /// its cells wrapped is shown as one "field: value" block per row instead.
    stack: bool,
}

/// A line up to this wide counts as one word when columns are sized (kept whole if possible).
const SHORT_LINE: usize = 16;

/// Text between spaces up to this wide is one word, kept on one line: a name (テスト診療所), an
/// era year (令和7年度), a number (0110113719).
const SHORT_WORD: usize = 12;

/// The narrowest a column of prose is made while another column is too wide.
const MIN_PROSE: usize = 6;

/// Width when the output is not a terminal and `COLUMNS` says none (pipes, files, tests): no
/// limit, so nothing wraps that the cell does not break itself.
const UNKNOWN_WIDTH: usize = usize::MAX;

/// Width on a terminal that reports no size (0 columns: `script`, some containers) when
/// `COLUMNS` says none either: a person reads it, so lines are kept to a usual width.
const TERMINAL_WITHOUT_SIZE: usize = 120;

impl Table {
    /// A table with this header, as wide as the terminal; off a terminal as `COLUMNS` says,
    /// else as wide as its widest row (nothing wrapped).
    pub fn new<S: Into<String>>(header: Vec<S>) -> Self {
        let terminal = comfy_table::Table::new().width();
        let columns = std::env::var("COLUMNS").ok();
        Self::for_reader(
            header,
            terminal.map(usize::from),
            columns.as_deref(),
            std::io::stdout().is_terminal(),
        )
    }

    /// A table for a reader whose terminal is `terminal` columns wide (`None` off a terminal, or
    /// 0 when it reports no size), with `COLUMNS` set to `columns`; `on_terminal` when standard
    /// output is one.
    fn for_reader<S: Into<String>>(
        header: Vec<S>,
        terminal: Option<usize>,
        columns: Option<&str>,
        on_terminal: bool,
    ) -> Self {
        let reader = terminal
            .filter(|w| *w > 0)
            .or_else(|| columns?.trim().parse().ok())
            .filter(|w| *w > 0);
        let width = match reader {
            Some(w) => w,
            None if on_terminal => TERMINAL_WITHOUT_SIZE,
            None => UNKNOWN_WIDTH,
        };
        Table {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            width,
            stack: reader.is_some(),
        }
    }

    /// Add a row; cells may hold line breaks of their own.
    pub fn add_row<S: Into<String>>(&mut self, row: Vec<S>) -> &mut Self {
        self.rows.push(row.into_iter().map(Into::into).collect());
        self
    }

    /// The total width to fit, borders included.
    pub fn set_width(&mut self, width: u16) -> &mut Self {
        self.width = usize::from(width);
        self
    }

    /// Whether a table too wide for its width even with its cells wrapped is shown as one
    /// "field: value" block per row (`true`), or wider than asked (`false`, for pipes and
    /// files, where nothing wraps the lines). On by default when the width is the reader's.
    pub fn set_stacking(&mut self, stack: bool) -> &mut Self {
        self.stack = stack;
        self
    }

    fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(self.header.len()))
            .max()
            .unwrap_or(0)
    }

    fn cells(&self) -> impl Iterator<Item = &Vec<String>> {
        std::iter::once(&self.header).chain(&self.rows)
    }

    /// The content width of each column.
    fn widths(&self) -> Vec<usize> {
        let n = self.columns();
        let mut natural = vec![0usize; n];
        let mut least = vec![1usize; n];
        // The widest word (a Latin word, an ID, a path, a short word or name, a date, one
        // Japanese character with its punctuation) of each column: never broken.
        let mut word = vec![1usize; n];
        for row in self.cells() {
            for (i, cell) in row.iter().enumerate() {
                for line in cell.split('\n') {
                    let widest = units(line).iter().map(Atom::floor).max().unwrap_or(0);
                    if let Some(w) = natural.get_mut(i) {
                        *w = (*w).max(display_width(line));
                    }
                    if let Some(w) = least.get_mut(i) {
                        // A short line (a label such as パッチ適用状況) is kept whole too.
                        *w = (*w).max(widest).max(display_width(line).min(SHORT_LINE));
                    }
                    if let Some(w) = word.get_mut(i) {
                        *w = (*w).max(widest);
                    }
                }
            }
        }
        // Each column has a border and a space either side: `│ a ┆ b │`.
        let budget = self.width.saturating_sub(3 * n + 1).max(n);
        if natural.iter().sum::<usize>() <= budget {
            return natural;
        }
        let mut widths: Vec<usize> = least
            .iter()
            .zip(&natural)
            .map(|(l, n)| (*l).min(*n).max(1))
            .collect();
        // Too narrow for every short line whole: first the short lines wrap, then prose wraps
        // down to a few characters a line; no word is broken.
        let unwrapped = widths.clone();
        let excess = widths.iter().sum::<usize>().saturating_sub(budget);
        let prose_floor: Vec<usize> = word.iter().map(|w| (*w).max(MIN_PROSE)).collect();
        let excess = shrink_to(&mut widths, &prose_floor, excess);
        if excess == 0 {
            return share_left(widths, &natural, budget);
        }
        // Prose down to its widest word when that makes the table fit; when it cannot fit
        // anyway, the table is wider than asked and nothing wraps that need not.
        if shrink_to(&mut widths, &word, excess) == 0 {
            return widths;
        }
        unwrapped
    }
}

/// Share what is left of `budget` among the columns narrower than their natural width.
fn share_left(mut widths: Vec<usize>, natural: &[usize], budget: usize) -> Vec<usize> {
    let mut left = budget.saturating_sub(widths.iter().sum());
    while left > 0 {
        let wanting = widths.iter().zip(natural).filter(|(w, n)| w < n).count();
        if wanting == 0 {
            break;
        }
        let share = (left / wanting).max(1);
        for (w, n) in widths.iter_mut().zip(natural) {
            if left == 0 {
                break;
            }
            if *w < *n {
                let add = share.min(*n - *w).min(left);
                *w += add;
                left -= add;
            }
        }
    }
    widths
}

/// Values beside their labels when at least this many columns are left for them; else below.
const MIN_STACKED_VALUE: usize = 16;

/// The indent of a value below its label.
const BELOW_INDENT: usize = 2;

impl Table {
    /// One block per row, a line per non-empty cell: its column's header, a colon, the value
    /// (wrapped like a cell, to the width left beside the labels, or below them when little
    /// is left); a blank line between rows.
    fn stacked(&self) -> String {
        let labels: Vec<String> = (0..self.columns())
            .map(|i| {
                let label = self.header.get(i).map_or("", String::as_str);
                format!(
                    "{}:",
                    label.split('\n').collect::<Vec<_>>().join(" ").trim()
                )
            })
            .collect();
        let label_width = labels.iter().map(|l| display_width(l)).max().unwrap_or(0);
        let beside = label_width + 1 + MIN_STACKED_VALUE <= self.width;
        let indent = label_width + 1;
        let value_width = self.width.saturating_sub(indent);
        let mut blocks: Vec<String> = Vec::new();
        for row in &self.rows {
            let mut block: Vec<String> = Vec::new();
            for (label, cell) in labels.iter().zip(row) {
                if cell.trim().is_empty() {
                    continue;
                }
                // A word (a path, an ID) wider than the room beside the labels: this value
                // goes below its label, where it has the whole width.
                let widest = cell
                    .split('\n')
                    .flat_map(units)
                    .map(|u| u.floor())
                    .max()
                    .unwrap_or(0);
                if beside && widest <= value_width {
                    let pad = " ".repeat(indent - display_width(label));
                    let lines = cell.split('\n').flat_map(|line| wrap(line, value_width));
                    for (k, line) in lines.enumerate() {
                        let lead = if k == 0 {
                            format!("{label}{pad}")
                        } else {
                            " ".repeat(indent)
                        };
                        block.push(format!("{lead}{line}").trim_end().to_owned());
                    }
                } else {
                    block.push(label.clone());
                    // A path or ID wider than the line overflows it, never cut.
                    let below = self.width.saturating_sub(BELOW_INDENT);
                    let lines = cell.split('\n').flat_map(|line| {
                        let widest = units(line).iter().map(Atom::floor).max().unwrap_or(0);
                        wrap(line, below.max(widest))
                    });
                    block.extend(lines.map(|line| format!("{}{line}", " ".repeat(BELOW_INDENT))));
                }
            }
            blocks.push(block.join("\n"));
        }
        blocks.join("\n\n")
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let widths = self.widths();
        // Each column has a border and a space either side: `│ a ┆ b │`.
        let total = widths.iter().sum::<usize>() + 3 * widths.len() + 1;
        if self.stack && total > self.width && !self.rows.is_empty() {
            return f.write_str(&self.stacked());
        }
        let fill = |row: &[String]| -> Vec<String> {
            widths
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let cell = row.get(i).map_or("", String::as_str);
                    cell.split('\n')
                        .flat_map(|line| wrap(line, *w))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect()
        };
        let mut t = comfy_table::Table::new();
        t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(comfy_table::ContentArrangement::Disabled)
            .set_header(fill(&self.header));
        for row in &self.rows {
            t.add_row(fill(row));
        }
        write!(f, "{t}")
    }
}

/// Take up to `excess` columns from the widest columns first, none below its `floor`; what is
/// still missing is returned.
fn shrink_to(widths: &mut [usize], floor: &[usize], mut excess: usize) -> usize {
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by_key(|i| {
        let w = widths.get(*i).copied().unwrap_or(0);
        std::cmp::Reverse(w.saturating_sub(floor.get(*i).copied().unwrap_or(w)))
    });
    for i in order {
        if excess == 0 {
            break;
        }
        if let (Some(w), Some(f)) = (widths.get_mut(i), floor.get(i)) {
            let take = excess.min(w.saturating_sub(*f));
            *w -= take;
            excess -= take;
        }
    }
    excess
}

/// Display width: full-width characters count 2, controls and colour escapes 0.
pub fn display_width(s: &str) -> usize {
    let mut width = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            skip_escape(&mut chars);
            continue;
        }
        width += c.width().unwrap_or(0);
    }
    width
}

/// Skip the rest of an escape sequence (`[1;31m`) after its ESC.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    if chars.peek() == Some(&'[') {
        chars.next();
        for c in chars.by_ref() {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                break;
            }
        }
    }
}

/// Characters that may not start a line (行頭禁則).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
            | '）'
            | ')'
            | ']'
            | '}'
            | '>'
            | '/'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '］'
            | '｝'
            | '・'
            | 'ー'
            | '々'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | '！'
            | '？'
            | '：'
            | '；'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | '…'
            | '‥'
    )
}

/// Characters that may not end a line (行末禁則).
fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '（' | '「' | '『' | '【' | '〔' | '〈' | '《' | '［' | '｛' | '(' | '[' | '※' | '/'
    )
}

/// A Japanese (or other full-width) character: a line may break before and after it.
fn breaks_around(c: char) -> bool {
    c.width() == Some(2) || ('\u{ff61}'..='\u{ff9f}').contains(&c)
}

/// A piece of text never broken inside (unless wider than the column): a Latin word, an ID, a
/// path, a date, or one Japanese character with the punctuation that must stay with it; or, as
/// a unit (see [`units`]), a short word between spaces made of several of these.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Atom {
    text: String,
    width: usize,
    /// A space came before it (kept between atoms on one line, dropped at a break).
    space_before: bool,
    /// The atoms of a unit, to wrap one by one when the unit is wider than the column.
    parts: Vec<Atom>,
    /// Where it begins in the line, in characters (spaces before it not counted in).
    start: usize,
}

impl Atom {
    /// The narrowest a column can be for this: its width, but for a code span with spaces in
    /// it (a command) its widest word, as a command may go on over lines in a narrow column.
    fn floor(&self) -> usize {
        if self.text.starts_with('`') && self.parts.iter().skip(1).any(|p| p.space_before) {
            self.parts
                .iter()
                .map(Atom::floor)
                .max()
                .unwrap_or(self.width)
        } else {
            self.width
        }
    }
}

fn atoms(line: &str) -> Vec<Atom> {
    let chars: Vec<char> = line.chars().collect();
    let together = kept_together(&chars);
    let mut out: Vec<Atom> = Vec::new();
    let mut space = false;
    // The last atom ends in a Latin character (a word goes on), or in an opening bracket.
    let mut latin = false;
    let mut bracket = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        if c == ' ' {
            space = true;
            continue;
        }
        let start = i - 1;
        let mut text = String::from(c);
        if c == '\x1b' {
            let end = escape_end(&chars, i);
            text.extend(chars.get(i..end).unwrap_or_default());
            i = end;
        }
        let date = together.get(i - 1).copied().unwrap_or(false);
        let width = display_width(&text);
        let wide = breaks_around(c);
        let glue = !space
            && !out.is_empty()
            && (bracket || (latin && !wide) || no_line_start(c) || width == 0 || date);
        match out.last_mut() {
            Some(last) if glue => {
                last.text.push_str(&text);
                last.width += width;
            }
            _ => out.push(Atom {
                text,
                width,
                space_before: space && !out.is_empty(),
                parts: Vec::new(),
                start,
            }),
        }
        space = false;
        if width > 0 {
            latin = !wide;
            bracket = no_line_end(c);
        }
    }
    out
}

/// Atoms made one: their text, their width, the space before the first.
fn joined(parts: Vec<Atom>) -> Atom {
    // The spaces inside (a code span's) stay.
    let inner = |k: usize, a: &Atom| k > 0 && a.space_before;
    Atom {
        text: parts
            .iter()
            .enumerate()
            .flat_map(|(k, a)| [if inner(k, a) { " " } else { "" }, a.text.as_str()])
            .collect(),
        width: parts
            .iter()
            .enumerate()
            .map(|(k, a)| a.width + usize::from(inner(k, a)))
            .sum(),
        space_before: parts.first().is_some_and(|a| a.space_before),
        start: parts.first().map_or(0, |a| a.start),
        parts,
    }
}

/// The atoms of a line, those of one [term](term_spans) (医療機関確認用, ガイドライン) made one
/// unit, with the punctuation glued to them (医療機関確認用、).
fn terms(line: &str) -> Vec<Atom> {
    let chars: Vec<char> = line.chars().collect();
    let spans = term_spans(&chars);
    let mut out: Vec<Atom> = Vec::new();
    let mut group: Vec<Atom> = Vec::new();
    let mut group_end = 0;
    let mut spans = spans.into_iter().peekable();
    for atom in atoms(line) {
        if !group.is_empty() && atom.start < group_end {
            group.push(atom);
            continue;
        }
        if !group.is_empty() {
            out.push(flush(&mut group));
        }
        while spans.peek().is_some_and(|(_, e)| *e <= atom.start) {
            spans.next();
        }
        let end = atom.start + atom.text.chars().count();
        match spans.peek() {
            Some(&(s, e)) if atom.start < e && end > s => {
                group_end = e;
                group.push(atom);
            }
            _ => out.push(atom),
        }
    }
    if !group.is_empty() {
        out.push(flush(&mut group));
    }
    out
}

/// The atoms gathered, as one unit when they are several.
fn flush(group: &mut Vec<Atom>) -> Atom {
    let mut parts = std::mem::take(group);
    if parts.len() == 1 {
        if let Some(one) = parts.pop() {
            return one;
        }
    }
    joined(parts)
}

/// The atoms of a line, each run of them between spaces that is at most [`SHORT_WORD`] wide
/// made one unit (a name such as テスト診療所 is not broken while prose can be).
fn units(line: &str) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    let mut run: Vec<Atom> = Vec::new();
    // `None` ends the last run.
    for atom in terms(line)
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None))
    {
        if atom.as_ref().is_none_or(|a| a.space_before) {
            let width: usize = run.iter().map(|a| a.width).sum();
            if run.len() > 1 && width <= SHORT_WORD {
                out.push(joined(std::mem::take(&mut run)));
            } else {
                out.append(&mut run);
            }
        }
        run.extend(atom);
    }
    out
}

/// The terms of the forms and of docs/glossary.md, never broken inside (longest first where
/// one begins another). A katakana word (ガイドライン, セキュリティパッチ) is kept whole by
/// [`katakana_end`] without being listed.
const TERMS: &[&str] = &[
    "医療機関・薬局確認用",
    "医療情報システム安全管理責任者",
    "医療機関確認用",
    "医療機関コード",
    "医療情報システム",
    "安全管理ガイドライン",
    "安全管理責任者",
    "信頼済みコメント",
    "事業者確認用",
    "薬局確認用",
    "報告書一式",
    "立入検査",
    "記入完了",
    "前提の質問",
    "医療機関",
    "事業者",
    "報告書",
    "確認日",
    "目標日",
    "未確認",
    "未検証",
    "対象外",
    "要確認",
    "秘密鍵",
    "公開鍵",
    "署名日時",
    "署名",
    "証跡",
    "様式",
    "年度",
    "項目",
];

/// Which characters stay with the one before them because they are inside one [term](TERMS),
/// katakana word, code span, date or counted number: a cut before such a character splits it
/// (used by `Item::short_title` to cut a title where the tables would break a line).
pub(crate) fn inside_a_word(chars: &[char]) -> Vec<bool> {
    let mut inside = kept_together(chars);
    for (start, end) in term_spans(chars) {
        for t in inside.iter_mut().take(end).skip(start + 1) {
            *t = true;
        }
    }
    inside
}

/// Which characters stay with the one before: those of a date or a number with its unit
/// (令和7年度, 令和8年3月31日, 2026年6月3日, 3月31日, 1回目, 12件).
fn kept_together(chars: &[char]) -> Vec<bool> {
    let mut together = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        match date_or_count_end(chars, i) {
            Some(end) if end > i + 1 => {
                for t in together.iter_mut().take(end).skip(i + 1) {
                    *t = true;
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    // A path with Japanese folder names (`2025/さくら内科クリニック/bundle`) is one word too.
    let mut i = 0;
    while i < chars.len() {
        match path_end(chars, i) {
            Some(end) => {
                for t in together.iter_mut().take(end).skip(i + 1) {
                    *t = true;
                }
                i = end;
            }
            None => i += 1,
        }
    }
    together
}

/// Where a path starting at `i` ends: a run of characters between spaces (or brackets and
/// Japanese punctuation) holding a `/` or `\` next to a Latin letter, digit or `.-_~`, so
/// that a path whose folders have Japanese names is not broken, while 「はい/いいえ」 may be.
fn path_end(chars: &[char], i: usize) -> Option<usize> {
    let stop = |c: char| c.is_whitespace() || "、。「」『』（）()［］[]，,：;；`".contains(c);
    if i > 0 && chars.get(i - 1).is_some_and(|c| !stop(*c)) {
        return None;
    }
    let end = i + chars
        .get(i..)?
        .iter()
        .position(|c| stop(*c))
        .unwrap_or(chars.len() - i);
    let run = chars.get(i..end)?;
    let latin =
        |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || "._-~".contains(*c));
    let is_path = run.iter().enumerate().any(|(k, c)| {
        matches!(c, '/' | '\\')
            && (latin(k.checked_sub(1).and_then(|p| run.get(p))) || latin(run.get(k + 1)))
    });
    (is_path && end > i + 1).then_some(end)
}

/// The spans `(start, end)` of characters that are one term: a [term of the forms](TERMS), a
/// katakana word, or a code span with its backquotes (`` `medsec check --out r` ``, spaces and
/// all), longest first, not overlapping.
fn term_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let end =
            code_span_end(chars, i).or_else(|| term_end(chars, i).max(katakana_end(chars, i)));
        match end {
            Some(end) if end > i + 1 => {
                spans.push((i, end));
                i = end;
            }
            _ => i += 1,
        }
    }
    spans
}

/// Where a code span (`` `…` ``) starting at `i` ends, just after its closing backquote.
fn code_span_end(chars: &[char], i: usize) -> Option<usize> {
    if chars.get(i) != Some(&'`') {
        return None;
    }
    let close = chars.get(i + 1..)?.iter().position(|c| *c == '`')?;
    Some(i + close + 2)
}

/// Where the longest [term](TERMS) starting at `i` ends, if one does.
fn term_end(chars: &[char], i: usize) -> Option<usize> {
    TERMS
        .iter()
        .filter(|term| {
            term.chars()
                .enumerate()
                .all(|(k, c)| chars.get(i + k) == Some(&c))
        })
        .map(|term| i + term.chars().count())
        .max()
}

/// Where a run of katakana (with its long-vowel marks and middle dots) starting at `i` ends.
fn katakana_end(chars: &[char], i: usize) -> Option<usize> {
    let katakana = |c: &char| ('ァ'..='ヺ').contains(c) || matches!(c, 'ー' | 'ヽ' | 'ヾ');
    if !chars.get(i).is_some_and(katakana) {
        return None;
    }
    let mut j = i + 1;
    while chars
        .get(j)
        .is_some_and(|c| katakana(c) || (*c == '・' && chars.get(j + 1).is_some_and(katakana)))
    {
        j += 1;
    }
    Some(j)
}

/// Where a date or a counted number starting at `i` ends, if one does.
fn date_or_count_end(chars: &[char], i: usize) -> Option<usize> {
    let at = |j: usize, word: &str| -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| chars.get(j + k) == Some(&c))
    };
    let digits_from = |j: usize| -> usize {
        let mut k = j;
        while chars
            .get(k)
            .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        {
            k += 1;
        }
        k
    };
    // `NN` followed by `unit`: the end, if both are there.
    let number_then = |j: usize, unit: char| -> Option<usize> {
        let k = digits_from(j);
        (k > j && chars.get(k) == Some(&unit)).then_some(k + 1)
    };
    let era = ["令和", "平成", "昭和"].iter().any(|e| at(i, e));
    let mut j = if era { i + 2 } else { i };
    let number_end = digits_from(j);
    if number_end > j {
        j = number_end;
    } else if era && chars.get(j) == Some(&'元') {
        j += 1;
    } else {
        return None;
    }
    if chars.get(j) == Some(&'年') {
        j += 1;
        if chars.get(j) == Some(&'度') {
            return Some(j + 1);
        }
        if let Some(k) = number_then(j, '月') {
            return Some(number_then(k, '日').unwrap_or(k));
        }
        return Some(j);
    }
    if era {
        return Some(j);
    }
    if chars.get(j) == Some(&'月') {
        return Some(number_then(j + 1, '日').unwrap_or(j + 1));
    }
    [
        "回目", "行目", "件", "回", "日", "か月", "年度", "台", "名", "個",
    ]
    .iter()
    .find(|unit| at(j, unit))
    .map(|unit| j + unit.chars().count())
}

/// Where the escape sequence whose ESC is just before `i` ends (`[1;31m`).
fn escape_end(chars: &[char], i: usize) -> usize {
    if chars.get(i) != Some(&'[') {
        return i;
    }
    let mut j = i + 1;
    while let Some(c) = chars.get(j) {
        j += 1;
        if ('\u{40}'..='\u{7e}').contains(c) {
            break;
        }
    }
    j
}

/// The rest of an escape sequence (`[1;31m`) after its ESC.
fn take_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut out = String::new();
    if chars.peek() == Some(&'[') {
        out.push('[');
        chars.next();
        for c in chars.by_ref() {
            out.push(c);
            if ('\u{40}'..='\u{7e}').contains(&c) {
                break;
            }
        }
    }
    out
}

/// Lines being filled, each at most `width` display columns.
struct Lines {
    width: usize,
    lines: Vec<String>,
    current: String,
    current_width: usize,
}

impl Lines {
    /// Put `unit` on the lines whole when it fits a line, else its parts one by one (and
    /// theirs in turn).
    fn push_unit(&mut self, unit: &Atom) {
        if unit.width <= self.width || unit.parts.is_empty() {
            self.push(unit);
            return;
        }
        for (k, part) in unit.parts.iter().enumerate() {
            let mut part = part.clone();
            if k == 0 {
                part.space_before = unit.space_before;
            }
            self.push_unit(&part);
        }
    }

    /// Put `atom` on the current line, or begin a new one; an atom wider than the whole line
    /// is cut by characters, the only case where a word is split.
    fn push(&mut self, atom: &Atom) {
        let gap = usize::from(atom.space_before && self.current_width > 0);
        if self.current_width + gap + atom.width <= self.width {
            if gap == 1 {
                self.current.push(' ');
            }
            self.current.push_str(&atom.text);
            self.current_width += gap + atom.width;
            return;
        }
        if self.current_width > 0 {
            self.lines.push(std::mem::take(&mut self.current));
            self.current_width = 0;
        }
        if atom.width <= self.width {
            self.current.push_str(&atom.text);
            self.current_width = atom.width;
            return;
        }
        // Wider than the column: cut, after a `/`, `-`, `_`, `.` or `@` where one is near the
        // end of the piece, else by characters (escape sequences stay whole).
        self.lines.extend(cut(&atom.text, self.width));
        if let Some(last) = self.lines.pop() {
            self.current_width = display_width(&last);
            self.current = last;
        }
    }
}

/// `line` in lines of at most `width` display columns, broken only between atoms, and between
/// the atoms of a short word only when it is wider than the column.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    if display_width(line) <= width {
        return vec![line.to_owned()];
    }
    let mut out = Lines {
        width,
        lines: Vec::new(),
        current: String::new(),
        current_width: 0,
    };
    for unit in units(line) {
        out.push_unit(&unit);
    }
    let mut lines = out.lines;
    if !out.current.is_empty() || lines.is_empty() {
        lines.push(out.current);
    }
    lines
}

/// An atom wider than `width` in pieces of at most `width`, each ending after a separator of
/// a path or ID when one falls in the last two thirds of the piece.
fn cut(text: &str, width: usize) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0;
    // Byte offset in `current` just after the last separator, and the width up to it.
    let mut split_at: Option<(usize, usize)> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mut piece = String::from(c);
        if c == '\x1b' {
            piece.push_str(&take_escape(&mut chars));
        }
        // A control shown escaped (`\n`, `\u{202e}`) is one unit, and a place to cut before.
        if c == '\\' {
            if chars.peek() == Some(&'u') {
                for c in chars.by_ref() {
                    piece.push(c);
                    if c == '}' {
                        break;
                    }
                }
            } else if let Some(next) = chars.next() {
                piece.push(next);
            }
            if current_width > 0 {
                split_at = Some((current.len(), current_width));
            }
        }
        let w = display_width(&piece);
        if current_width + w > width && current_width > 0 {
            match split_at {
                Some((at, at_width)) if at_width * 3 > width && at < current.len() => {
                    let rest = current.split_off(at);
                    pieces.push(std::mem::take(&mut current));
                    current_width -= at_width;
                    current = rest;
                }
                _ => {
                    pieces.push(std::mem::take(&mut current));
                    current_width = 0;
                }
            }
            split_at = None;
        }
        current.push_str(&piece);
        current_width += w;
        if matches!(c, '/' | '\\' | '-' | '_' | '.' | '@') {
            split_at = Some((current.len(), current_width));
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(header: Vec<&str>, rows: Vec<Vec<&str>>, width: u16) -> String {
        let mut t = Table::new(header);
        t.set_width(width);
        for r in rows {
            t.add_row(r);
        }
        t.to_string()
    }

    /// Every line of a rendered table has the same display width, and fits `width`.
    fn assert_aligned(table: &str, width: usize) {
        let widths: Vec<usize> = table.lines().map(display_width).collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "lines of different widths {widths:?}:\n{table}"
        );
        assert!(widths[0] <= width, "wider than {width}:\n{table}");
    }

    #[test]
    fn latin_words_ids_and_paths_are_never_split() {
        let rows = || {
            vec![
                vec![
                    "apt-transport-https",
                    "held back by apt; see /var/lib/apt/lists/deb.debian.org_dists",
                ],
                vec!["mhlw-institution@fy2025", "the newest edition known"],
            ]
        };
        let table = render(vec!["Package", "Note"], rows(), 70);
        assert_aligned(&table, 70);
        for word in [
            "apt-transport-https",
            "mhlw-institution@fy2025",
            "/var/lib/apt/lists/deb.debian.org_dists",
            "newest",
        ] {
            assert!(table.contains(word), "`{word}` split:\n{table}");
        }
        // Too narrow for the path: the table is wider than asked, and nothing is cut.
        let table = render(vec!["Package", "Note"], rows(), 44);
        let first = table.lines().next().unwrap();
        assert!(display_width(first) > 44, "{table}");
        assert_aligned(&table, display_width(first));
        for word in [
            "apt-transport-https",
            "mhlw-institution@fy2025",
            "/var/lib/apt/lists/deb.debian.org_dists",
            "newest",
        ] {
            assert!(table.contains(word), "`{word}` split:\n{table}");
        }
    }

    #[test]
    fn japanese_wraps_by_character_aligned_and_without_a_lone_comma_at_line_start() {
        let text = "セキュリティパッチ(最新ファームウェアや更新プログラム)を適用し、定期的に確認している。";
        for width in 20..=40u16 {
            let table = render(vec!["番号", "確認項目"], vec![vec!["2-⑥", text]], width);
            // The katakana word セキュリティパッチ is kept whole: narrower than it needs
            // (29 columns), the table is wider than asked.
            assert_aligned(&table, usize::from(width).max(29));
            assert!(table.contains("セキュリティパッチ"), "{table}");
            assert!(table.contains("ファームウェア"), "{table}");
            for line in table.lines() {
                let inner = line.trim_start_matches(['│', '┆', ' ']);
                let cell = inner.split('┆').nth(1).unwrap_or("").trim_start();
                assert!(
                    !cell.starts_with(['、', '。', ')']),
                    "a line starts with 、 or 。 at width {width}:\n{table}"
                );
            }
            let joined: String = table
                .lines()
                .filter_map(|l| l.split('┆').nth(1))
                .map(|c| c.trim_matches(['│', ' ']))
                .collect();
            assert!(joined.contains("適用し、定期的"), "{table}");
        }
    }

    #[test]
    fn a_path_with_japanese_folder_names_is_never_split() {
        let path = "very-long-folder-name-for-the-inspection-2025/さくら内科クリニック/bundle";
        let lines = wrap(&format!("報告書一式: {path}"), 80);
        assert!(lines.iter().any(|l| l.contains(path)), "{lines:?}");
        // 「はい/いいえ」 is no path: it may still break where Japanese does.
        assert_eq!(
            path_end(&"はい/いいえ".chars().collect::<Vec<_>>(), 0),
            None
        );
        // 未検証 is a term kept whole, as 未確認 is.
        let lines = wrap("09:20 +09:00(未検証)", 16);
        assert!(lines.iter().any(|l| l.contains("未検証")), "{lines:?}");
    }

    #[test]
    fn mixed_text_breaks_between_words_and_japanese() {
        assert_eq!(
            wrap("medsec を使います", 8),
            vec!["medsec", "を使いま", "す"]
        );
        assert_eq!(wrap("a b c", 3), vec!["a b", "c"]);
        assert_eq!(wrap("項目、です", 4), vec!["項", "目、", "です"]);
        assert_eq!(wrap("「はい」と", 4), vec!["「は", "い」", "と"]);
        // `有/無`, `はい/いいえ`: a slash keeps its neighbours.
        assert_eq!(wrap("ab 有/無", 5), vec!["ab", "有/無"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("ab ※未確認", 5), vec!["ab", "※未確", "認"]);
    }

    #[test]
    fn a_word_wider_than_the_column_is_cut_as_a_last_resort() {
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        // A path is cut after a `/` where one is near the end.
        assert_eq!(
            wrap("/home/user/tests/fixtures/checklist-fy2024.toml", 18),
            vec![
                "/home/user/tests/",
                "fixtures/",
                "checklist-fy2024.",
                "toml"
            ]
        );
        assert_eq!(wrap("x は /a/b/c/d", 6), vec!["x は", "/a/b/", "c/d"]);
        // A control shown escaped is never cut inside.
        for w in 3..12 {
            let lines = wrap("abc\\u{202e}def\\nghi", w);
            let joined = lines.join("|");
            assert!(
                joined.contains("\\u{202e}") && joined.contains("\\n"),
                "{w}: {joined}"
            );
        }
    }

    #[test]
    fn colour_escapes_take_no_width() {
        assert_eq!(display_width("\x1b[1;32m有効\x1b[0m"), 4);
        assert_eq!(
            wrap("\x1b[1;32m有効\x1b[0m", 4),
            vec!["\x1b[1;32m有効\x1b[0m"]
        );
    }

    #[test]
    fn prose_gives_way_before_paths_ids_and_codes() {
        let rows = || {
            vec![vec![
                "2025/sapporo-central-hospital-fy2025",
                "evidence-other-institution",
                "the probe evidence was made for another institution, not for this one",
                "mhlw-institution@fy2025",
            ]]
        };
        let header = || vec!["bundle", "finding", "what it means", "checklist"];
        // Just wide enough for the IDs whole when the prose wraps down to its longest word.
        let table = render(header(), rows(), 110);
        assert_aligned(&table, 110);
        for word in [
            "2025/sapporo-central-hospital-fy2025",
            "evidence-other-institution",
            "mhlw-institution@fy2025",
        ] {
            assert!(table.contains(word), "`{word}` split:\n{table}");
        }
        // Narrower than the IDs need: the table is wider than asked and no word is cut.
        let table = render(header(), rows(), 60);
        assert!(display_width(table.lines().next().unwrap()) > 60, "{table}");
        for word in [
            "2025/sapporo-central-hospital-fy2025",
            "evidence-other-institution",
            "mhlw-institution@fy2025",
            "institution,",
        ] {
            assert!(table.contains(word), "`{word}` split:\n{table}");
        }
    }

    #[test]
    fn short_words_names_and_dates_are_never_split() {
        // The verify table's cells: an institution code and name, an era year, a time.
        let row = || {
            vec![
                "bundles/2025/0110113719",
                "要確認",
                "0110113719 テスト診療所",
                "令和7年度",
                "mhlw-institution@fy2025",
                "E6733F40DB85B12C",
                "2026-11-30 15:22",
            ]
        };
        let header = || {
            vec![
                "報告書",
                "結果",
                "医療機関",
                "年度",
                "チェックリスト",
                "鍵",
                "署名日時",
            ]
        };
        for width in [40u16, 60, 80, 100, 120] {
            let table = render(header(), vec![row()], width);
            let first = display_width(table.lines().next().unwrap());
            assert_aligned(&table, first.max(usize::from(width)));
            for word in row().iter().flat_map(|c| c.split(' ')) {
                assert!(table.contains(word), "`{word}` split at {width}:\n{table}");
            }
        }
        // In prose, a date and a counted number stay whole; the prose around them wraps.
        let text =
            "報告書は令和7年度（FY2025）のもので、目標日 令和8年3月31日 を過ぎた項目が12件あります";
        for width in 16..=30 {
            let lines = wrap(text, width).join("|");
            for word in ["令和7年度", "令和8年3月31日", "12件", "FY2025"] {
                assert!(lines.contains(word), "`{word}` split at {width}: {lines}");
            }
            assert!(!lines.contains("|、") && !lines.contains("|。"), "{lines}");
        }
        // A short word wider than the column wraps by character, kinsoku kept.
        assert_eq!(wrap("テスト診療所", 8), vec!["テスト診", "療所"]);
    }

    #[test]
    fn terms_of_the_form_and_katakana_words_are_never_split() {
        // The `checklist list` form column: 医療機関確認用 is one term, never 医療機関確認|用.
        assert_eq!(wrap("医療機関確認用", 14), vec!["医療機関確認用"]);
        assert_eq!(
            wrap("様式は医療機関確認用です", 16),
            vec!["様式は", "医療機関確認用で", "す"]
        );
        assert_eq!(
            wrap("医療機関コードとガイドライン", 18),
            vec!["医療機関コードと", "ガイドライン"]
        );
        // A command in backquotes stays on one line when it fits one.
        assert_eq!(
            wrap("次は `medsec check --out r` を実行します", 24),
            vec!["次は", "`medsec check --out r`", "を実行します"]
        );
        assert_eq!(wrap("`a b c`", 3), vec!["`a", "b", "c`"]);
        // A term wider than the column is cut by character, kinsoku kept.
        assert_eq!(wrap("医療機関確認用、", 8), vec!["医療機関", "確認用、"]);
        let rows = || {
            vec![
                vec!["mhlw-institution", "令和7年度", "医療機関確認用", "22"],
                vec!["mhlw-vendor", "令和7年度", "事業者確認用", "18"],
            ]
        };
        let header = || vec!["ID", "年度", "様式", "項目数"];
        for width in 30..=70u16 {
            let out = stacked(header(), rows(), width);
            assert!(out.contains("医療機関確認用"), "{width}:\n{out}");
            for line in out.lines() {
                assert!(display_width(line) <= usize::from(width), "{width}:\n{out}");
            }
        }
    }

    fn stacked(header: Vec<&str>, rows: Vec<Vec<&str>>, width: u16) -> String {
        let mut t = Table::new(header);
        t.set_width(width).set_stacking(true);
        for r in rows {
            t.add_row(r);
        }
        t.to_string()
    }

    #[test]
    fn a_table_too_wide_for_the_reader_becomes_one_block_per_row() {
        let header = || vec!["報告書一式", "結果", "医療機関", "年度", "鍵"];
        let rows = || {
            vec![
                vec![
                    "bundles/2025/0110113719-test-clinic-fy2025-final",
                    "要確認",
                    "0110113719 テスト診療所",
                    "令和7年度",
                    "E6733F40DB85B12C",
                ],
                vec!["bundles/b", "有効", "", "令和7年度", "E6733F40DB85B12C"],
            ]
        };
        let out = stacked(header(), rows(), 56);
        assert_eq!(
            out,
            "報告書一式:\n  bundles/2025/0110113719-test-clinic-fy2025-final\n\
             結果:       要確認\n\
             医療機関:   0110113719 テスト診療所\n\
             年度:       令和7年度\n\
             鍵:         E6733F40DB85B12C\n\
             \n\
             報告書一式: bundles/b\n\
             結果:       有効\n\
             年度:       令和7年度\n\
             鍵:         E6733F40DB85B12C"
        );
        for line in out.lines() {
            assert!(display_width(line) <= 56, "{line}");
        }
        // Prose wraps beside its label, under the first line of the value.
        let out = stacked(
            vec!["Probe", "Reason"],
            vec![vec![
                "patch-status",
                "one security update is pending (at most 0): openssl:amd64 and more",
            ]],
            30,
        );
        assert_eq!(
            out,
            "Probe:  patch-status\n\
             Reason: one security update is\n        pending (at most 0):\n        openssl:amd64 and more"
        );
        // Off a terminal (no stacking) the same table is wider than asked, as before.
        let mut t = Table::new(header());
        t.set_width(60).set_stacking(false);
        for r in rows() {
            t.add_row(r);
        }
        let table = t.to_string();
        assert!(display_width(table.lines().next().unwrap()) > 60, "{table}");
    }

    #[test]
    fn a_table_that_fits_the_reader_is_not_stacked() {
        let out = stacked(vec!["ID", "版"], vec![vec!["mhlw-vendor", "fy2025"]], 60);
        assert!(out.starts_with('┌'), "{out}");
        // Wrapping is tried before stacking.
        let text = "セキュリティパッチを適用し、定期的に確認している。";
        let out = stacked(vec!["番号", "確認項目"], vec![vec!["2-⑥", text]], 30);
        assert!(out.starts_with('┌'), "{out}");
        assert_aligned(&out, 30);
    }

    /// The verify table's row of a bundle of さくら内科クリニック, wider than 120 columns.
    fn wide_rows() -> Vec<Vec<&'static str>> {
        vec![vec![
            "bundles/2025/tokyo/1310123458-sakura-naika-clinic-fy2025",
            "要確認",
            "1310123458 さくら内科クリニック",
            "令和7年度",
            "mhlw-institution@fy2025",
            "7C637CA721820C16",
            "2026-12-01 03:24 +09:00",
        ]]
    }

    fn for_reader(terminal: Option<usize>, columns: Option<&str>, on_terminal: bool) -> String {
        let mut t = Table::for_reader(
            vec![
                "報告書",
                "結果",
                "医療機関",
                "年度",
                "チェックリスト",
                "鍵",
                "署名日時",
            ],
            terminal,
            columns,
            on_terminal,
        );
        for r in wide_rows() {
            t.add_row(r);
        }
        t.to_string()
    }

    #[test]
    fn piped_with_no_width_every_row_is_one_line_however_wide() {
        for columns in [None, Some(""), Some("0"), Some("wide")] {
            let table = for_reader(None, columns, false);
            // Top border, header, rule, the row, bottom border: nothing wrapped.
            assert_eq!(table.lines().count(), 5, "{columns:?}:\n{table}");
            let first = display_width(table.lines().next().unwrap());
            assert!(first > 120, "{table}");
            // Full-width characters count two columns: every line is as wide as the borders.
            assert_aligned(&table, first);
            for cell in wide_rows().concat() {
                assert!(table.contains(cell), "`{cell}` wrapped:\n{table}");
            }
        }
    }

    #[test]
    fn a_known_width_is_kept_on_a_terminal_or_with_columns() {
        // `COLUMNS` off a terminal, or the terminal's own width: blocks that fit, as before.
        for (terminal, columns) in [(None, Some("80")), (Some(80), None), (Some(0), Some("80"))] {
            let out = for_reader(terminal, columns, terminal.is_some());
            assert!(!out.starts_with('┌'), "{out}");
            assert!(out.lines().all(|l| display_width(l) <= 80), "{out}");
            assert!(out.contains("1310123458 さくら内科クリニック"), "{out}");
        }
        // A wide terminal: the table, one line a row.
        let table = for_reader(Some(200), None, true);
        assert_eq!(table.lines().count(), 5, "{table}");
        // A terminal that reports no size and no `COLUMNS`: prose wrapped towards a person's
        // usual 120 columns, never stacked, as before.
        let table = for_reader(Some(0), None, true);
        assert!(table.starts_with('┌'), "{table}");
        assert_aligned(&table, display_width(table.lines().next().unwrap()));
        assert!(table.lines().count() > 5, "{table}");
    }

    #[test]
    fn a_table_that_fits_is_not_wrapped() {
        let table = render(vec!["ID", "版"], vec![vec!["mhlw-vendor", "fy2025"]], 120);
        assert_eq!(table.lines().count(), 5, "{table}");
    }

    #[test]
    fn ascii_punctuation_and_closing_brackets_never_start_a_line() {
        let text = "許可されていないポートで待ち受けています: 0.0.0.0 の TCP 2024(設定 [x]), 確認してください. 次; 終わり!";
        for width in 10..40 {
            for line in wrap(text, width) {
                assert!(
                    !line.starts_with([':', ')', ',', '.', ';', '!', ']', '}']),
                    "width {width}: {line:?} in {:?}",
                    wrap(text, width)
                );
            }
        }
    }
}
