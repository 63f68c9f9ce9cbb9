//! Reading the printed numbers, section headings and scope labels of a checklist sheet.
//!
//! Numbers are read in every notation the MHLW forms and hand-made copies use (`①`, `(1)`,
//! `（１）`, `1-①`, `２－（３）`) and written in the notation the checklist format accepts,
//! keeping the printed kind: a circled number stays circled, a parenthesised one stays
//! parenthesised. Item wording is never changed here, only cut where a number or a trailing
//! scope label ends.

use crate::checklist::Scope;

/// The sub-number of an item as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sub {
    /// `①`..`⑳`, `㉑`..`㊿`.
    Circled(u32),
    /// `(1)`, `（１）`, or the second part of `1-1`.
    Paren(u32),
}

impl Sub {
    pub fn value(self) -> u32 {
        match self {
            Sub::Circled(n) | Sub::Paren(n) => n,
        }
    }

    /// The number in the checklist format, under section `section`: `2-⑥`, `2-(3)`.
    pub fn printed(self, section: &str) -> String {
        match self {
            Sub::Circled(n) => {
                let c = circled_char(n).unwrap_or('?');
                format!("{section}-{c}")
            }
            Sub::Paren(n) => format!("{section}-({n})"),
        }
    }
}

/// What the start of a cell is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lead {
    /// An item number (with its section when printed, as in `1-①`), and the text after it.
    Item {
        section: Option<u32>,
        sub: Sub,
        rest: String,
    },
    /// A section number and the heading after it (`1 体制構築`, `１．体制構築`).
    Section { number: u32, rest: String },
}

/// Full-width digits, brackets, dots and dashes as their ASCII forms (for reading numbers only).
fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
        '（' => '(',
        '）' => ')',
        '．' => '.',
        '－' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | 'ｰ' => '-',
        '　' => ' ',
        _ => c,
    }
}

/// The value of a circled number: `①`..`⑳` (U+2460..), `㉑`..`㉟` (U+3251..) and
/// `㊱`..`㊿` (U+32B1..), three runs in Unicode.
pub fn circled(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(u32::from(c) - 0x2460 + 1),
        '㉑'..='㉟' => Some(u32::from(c) - 0x3251 + 21),
        '㊱'..='㊿' => Some(u32::from(c) - 0x32B1 + 36),
        _ => None,
    }
}

/// A printed number in a form that compares equal across notations: `2-(4)`, `2-④`, `２－（４）`
/// and `2-㉑`/`2-(21)` give `2-4` and `2-21`. Used wherever two numbers are compared (checklist
/// diff, workbook import), so every reader knows the same circled numbers (①–㊿).
pub fn comparable(number: &str) -> String {
    let mut out = String::new();
    for c in number.trim().chars().map(fold) {
        match circled(c) {
            Some(n) => out.push_str(&n.to_string()),
            None if matches!(c, '(' | ')' | ' ') => {}
            None => out.push(c),
        }
    }
    out
}

/// Whether `s` is one circled number and nothing else (`①`).
pub fn circled_only(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(
        (chars.next().and_then(circled), chars.next()),
        (Some(_), None)
    )
}

/// The circled character for 1..=50.
fn circled_char(n: u32) -> Option<char> {
    let code = match n {
        1..=20 => 0x2460 + n - 1,
        21..=35 => 0x3251 + n - 21,
        36..=50 => 0x32B1 + n - 36,
        _ => return None,
    };
    char::from_u32(code)
}

/// A small cursor over the folded characters of a cell.
struct Cursor {
    chars: Vec<char>,
    at: usize,
}

impl Cursor {
    fn new(s: &str) -> Self {
        Cursor {
            chars: s.trim().chars().map(fold).collect(),
            at: 0,
        }
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek();
        self.at += 1;
        c
    }
    fn digits(&mut self) -> Option<u32> {
        let start = self.at;
        let mut n: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            n = n.checked_mul(10)?.checked_add(d)?;
            self.at += 1;
            if self.at - start > 4 {
                return None;
            }
        }
        (self.at > start).then_some(n)
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }
    /// `①` or `(N)`.
    fn sub(&mut self) -> Option<Sub> {
        let save = self.at;
        if let Some(n) = self.peek().and_then(circled) {
            self.at += 1;
            return Some(Sub::Circled(n));
        }
        if self.eat('(') {
            if let Some(n) = self.digits() {
                if self.eat(')') {
                    return Some(Sub::Paren(n));
                }
            }
        }
        self.at = save;
        None
    }
    fn at_end(&self) -> bool {
        self.at >= self.chars.len()
    }
}

/// The original text of `s` (trimmed) from its `n`th character on, with separators trimmed.
fn rest_of(s: &str, n: usize) -> String {
    let rest: String = s.trim().chars().skip(n).collect();
    rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '．' | '、' | ':' | '：' | ')' | '）')
    })
    .trim()
    .to_owned()
}

/// Read the number at the start of a cell. A bare number (`1`, `1.`, `１．`) is a section;
/// `①`, `(1)`, `1-①`, `1-(1)` and `1-1` are items. `None` when the cell starts otherwise.
pub fn lead(s: &str) -> Option<Lead> {
    let mut c = Cursor::new(s);
    if let Some(sub) = c.sub() {
        return Some(Lead::Item {
            section: None,
            sub,
            rest: rest_of(s, c.at),
        });
    }
    let number = c.digits()?;
    let after_digits = c.at;
    if c.eat('-') {
        if let Some(sub) = c.sub() {
            return Some(Lead::Item {
                section: Some(number),
                sub,
                rest: rest_of(s, c.at),
            });
        }
        if let Some(n) = c.digits() {
            return Some(Lead::Item {
                section: Some(number),
                sub: Sub::Paren(n),
                rest: rest_of(s, c.at),
            });
        }
        return None;
    }
    c.at = after_digits;
    // A section heading needs a separator after its number (or nothing at all), so that
    // wording such as 「2要素認証」 is not taken for section 2.
    if c.at_end() {
        return Some(Lead::Section {
            number,
            rest: String::new(),
        });
    }
    match c.bump() {
        Some(' ' | '.' | '、' | ':' | '：' | ')') => Some(Lead::Section {
            number,
            rest: rest_of(s, after_digits),
        }),
        _ => None,
    }
}

/// What leads a cell of a number column: as [`lead`], or a number after a label of Latin
/// letters (`No.1`, `No 12`, `Q3`, `Ｑ３`, `#4`, `№5`), as an institution's own list numbers its
/// rows. The label is dropped: `No.1` is the plain number 1. Only in a number column, where the
/// header (or `--map number=`) says the cell holds the number; wording is never read this way.
pub fn lead_in_number_column(s: &str) -> Option<Lead> {
    lead(s).or_else(|| {
        let t = s.trim();
        let start = t
            .char_indices()
            .find(|&(_, c)| {
                !(c.is_ascii_alphabetic()
                    || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '.' | '．' | '#' | '＃' | '№' | ' ' | '　'))
            })
            .map(|(i, _)| i)?;
        let label = &t[..start];
        let labelled = label
            .chars()
            .any(|c| c.is_alphabetic() || matches!(c, '#' | '＃' | '№'));
        if !labelled || label.chars().count() > 4 {
            return None;
        }
        lead(&t[start..])
    })
}

/// Line breaks inside a cell joined: each line trimmed, joined with nothing (Japanese runs on
/// without spaces) unless both sides are ASCII letters or digits, then with one space.
pub fn normalise(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::new();
    for line in s.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        let join = out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if join {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// The scopes named by a label such as `サーバ`, `端末PC`, `サーバ、端末PC` or
/// `医療情報システム全般`; `None` when any part is not a scope.
pub fn scopes(label: &str) -> Option<Vec<Scope>> {
    let mut out = Vec::new();
    for part in label
        .split(['、', '・', ',', '，', '/', '／', ' ', '　', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let folded: String = part
            .chars()
            .map(|c| match c {
                'Ｐ' => 'P',
                'Ｃ' => 'C',
                _ => c,
            })
            .collect();
        let scope = match folded.as_str() {
            "サーバ" | "サーバー" => Scope::Server,
            "端末PC" | "端末" | "端末機器" => Scope::Terminal,
            "ネットワーク機器" | "ネットワーク" => Scope::Network,
            "医療情報システム全般" | "全般" => Scope::General,
            _ => return None,
        };
        if !out.contains(&scope) {
            out.push(scope);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Trailing scope labels in brackets cut from the text: `…適用している。(医療情報システム全般)`
/// gives the text before the bracket and `[general]`; several labels one after another
/// (`…（サーバ）（端末PC）`) give every scope, in printed order. Text without one is returned
/// whole.
pub fn trailing_scope(text: &str) -> (String, Vec<Scope>) {
    let (mut head, mut found) = last_scope(text);
    while !found.is_empty() {
        let (before, more) = last_scope(&head);
        if more.is_empty() {
            break;
        }
        head = before;
        let mut all = more;
        for s in found {
            if !all.contains(&s) {
                all.push(s);
            }
        }
        found = all;
    }
    (head, found)
}

/// The last bracketed scope label of the text, cut off (see [`trailing_scope`]).
fn last_scope(text: &str) -> (String, Vec<Scope>) {
    let trimmed = text.trim_end();
    let close = trimmed.chars().last();
    let open = match close {
        Some(')') => '(',
        Some('）') => '（',
        _ => return (text.to_owned(), Vec::new()),
    };
    let Some(start) = trimmed.rfind(open) else {
        return (text.to_owned(), Vec::new());
    };
    let inner_start = start + open.len_utf8();
    let inner_end = trimmed.len() - close.map_or(0, char::len_utf8);
    let Some(inner) = trimmed.get(inner_start..inner_end) else {
        return (text.to_owned(), Vec::new());
    };
    match (scopes(inner), trimmed.get(..start)) {
        (Some(s), Some(head)) if !head.trim().is_empty() => (head.trim_end().to_owned(), s),
        _ => (text.to_owned(), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(section: Option<u32>, sub: Sub, rest: &str) -> Option<Lead> {
        Some(Lead::Item {
            section,
            sub,
            rest: rest.into(),
        })
    }

    #[test]
    fn numbers_in_every_notation() {
        assert_eq!(lead("① 責任者"), item(None, Sub::Circled(1), "責任者"));
        assert_eq!(lead("⑳"), item(None, Sub::Circled(20), ""));
        assert_eq!(lead("㉑ 試験"), item(None, Sub::Circled(21), "試験"));
        assert_eq!(lead("2-㉟"), item(Some(2), Sub::Circled(35), ""));
        assert_eq!(lead("㊱"), item(None, Sub::Circled(36), ""));
        assert_eq!(lead("㊿"), item(None, Sub::Circled(50), ""));
        assert_eq!(lead("(3)台帳"), item(None, Sub::Paren(3), "台帳"));
        assert_eq!(lead("（１２）　台帳"), item(None, Sub::Paren(12), "台帳"));
        assert_eq!(lead("1-① 責任者"), item(Some(1), Sub::Circled(1), "責任者"));
        assert_eq!(lead("２－（３）"), item(Some(2), Sub::Paren(3), ""));
        assert_eq!(lead("2-4"), item(Some(2), Sub::Paren(4), ""));
        assert_eq!(
            lead("１．体制構築"),
            Some(Lead::Section {
                number: 1,
                rest: "体制構築".into()
            })
        );
        assert_eq!(
            lead("2 医療情報システムの管理・運用"),
            Some(Lead::Section {
                number: 2,
                rest: "医療情報システムの管理・運用".into()
            })
        );
        assert_eq!(lead("2要素認証を導入している。"), None);
        assert_eq!(lead("チェック項目"), None);
        assert_eq!(lead("99999999999"), None);
    }

    #[test]
    fn printed_numbers() {
        assert_eq!(Sub::Circled(6).printed("2"), "2-⑥");
        assert_eq!(Sub::Paren(3).printed("1"), "1-(3)");
        for n in 1..=50 {
            let printed = Sub::Circled(n).printed("2");
            assert_eq!(lead(&printed), item(Some(2), Sub::Circled(n), ""), "{n}");
        }
        assert_eq!(Sub::Circled(21).printed("2"), "2-㉑");
        assert_eq!(Sub::Circled(36).printed("2"), "2-㊱");
    }

    #[test]
    fn line_breaks_are_joined() {
        assert_eq!(
            normalise("医療情報システム\r\n安全管理責任者"),
            "医療情報システム安全管理責任者"
        );
        assert_eq!(normalise("USB\nmemory"), "USB memory");
    }

    #[test]
    fn scope_labels() {
        assert_eq!(
            scopes("サーバ、端末ＰＣ"),
            Some(vec![Scope::Server, Scope::Terminal])
        );
        assert_eq!(scopes("事業者"), None);
        assert_eq!(
            trailing_scope("パッチを適用している。(医療情報システム全般)"),
            ("パッチを適用している。".into(), vec![Scope::General])
        );
        assert_eq!(
            trailing_scope("台帳(紙)を作る"),
            ("台帳(紙)を作る".into(), vec![])
        );
        assert_eq!(
            trailing_scope("ログを確認している（サーバ）"),
            ("ログを確認している".into(), vec![Scope::Server])
        );
        assert_eq!(
            trailing_scope("ログを確認している。（サーバ）（端末PC）"),
            (
                "ログを確認している。".into(),
                vec![Scope::Server, Scope::Terminal]
            )
        );
        assert_eq!(
            trailing_scope("台帳(紙)を作る（サーバ） (端末PC)"),
            (
                "台帳(紙)を作る".into(),
                vec![Scope::Server, Scope::Terminal]
            )
        );
    }
}
