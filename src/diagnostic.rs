//! Findings with a stable code, a severity, a place and a message.
//!
//! Lint, status and verify all speak in these. Codes are kebab-case and never renamed:
//! outside scripts match on them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A place in a user's file: 1-based line and column (columns count characters, not bytes);
/// line 0 when only the file is known ([`Location::file_only`]): shown as the file alone, and
/// JSON then has no `line` or `column`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub file: String,
    #[serde(skip_serializing_if = "is_zero")]
    pub line: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub column: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Location {
    /// The file, with no place in it known (rather than a made-up 1:1).
    pub fn file_only(file: &str) -> Self {
        Location {
            file: file.to_owned(),
            line: 0,
            column: 0,
        }
    }

    /// The line and column of byte `offset` in `source`.
    pub fn at(file: &str, source: &str, offset: usize) -> Self {
        let offset = offset.min(source.len());
        let before = source.get(..offset).unwrap_or(source);
        // Bytes, not chars: counted many at a time (status places every answer).
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before
            .bytes()
            .rposition(|b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location {
            file: file.to_owned(),
            line,
            column,
        }
    }

    /// The start of `span` in `source`, if there is a span.
    pub fn of_span(file: &str, source: &str, span: Option<Range<usize>>) -> Self {
        Self::at(file, source, span.map_or(0, |s| s.start))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.file),
            (line, 0) => write!(f, "{}:{line}", self.file),
            (line, column) => write!(f, "{}:{line}:{column}", self.file),
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    #[serde(flatten)]
    pub location: Location,
    /// The message in the language of the command that made it.
    pub message: String,
    /// The same message as a catalog ID and its arguments, free of any language, where the
    /// maker gives one: what a signed report records, rendered in the reader's language later
    /// ([`crate::i18n::render`]).
    #[serde(skip)]
    pub text: Option<MessageRef>,
}

/// A catalog message and its arguments, language-free: `{ id = "answers-unanswered", args = {
/// item = { item = { id = "security-patches", round = 1 } } } }`. Each argument is plain text
/// (codes, paths, values from the user's file; digits-only text is given to the catalog as a
/// number, so plural forms work) or a value marked with its kind ([`Typed`]: an item, a date,
/// a fiscal year, an answer…) that is put into words in the reader's language when shown
/// ([`crate::i18n::render_with`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRef {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

/// One argument of a [`MessageRef`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    /// Text shown as it is. Reports of format 2 hold only these, some already in Japanese
    /// (item labels, 和暦 dates), and are shown as recorded.
    Text(String),
    /// A value said in the reader's language when shown.
    Typed(Typed),
}

/// A value of a known kind, recorded free of any language: JSON `{"KIND": VALUE}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Typed {
    /// A checklist item by its stable ID, and the round of its answer when said; shown by its
    /// printed number and short title (`2-⑥ セキュリティパッチ(1回目)`) from the checklist.
    Item {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        round: Option<u8>,
    },
    /// A date, `YYYY-MM-DD`; shown with 和暦 in Japanese.
    Date(String),
    /// A fiscal year by its first calendar year (2025); shown as 令和7年度 or FY2025.
    FiscalYear(i16),
    /// An answer by its code as JSON names it: `yes`, `no` or `not-applicable`; shown as
    /// はい/いいえ/対象外 or yes/no/not applicable.
    Answer(String),
    /// A kind of institution by its code (`clinic`); shown as 診療所 or clinic.
    Kind(String),
    /// A kind of probe by its code (`backup-freshness`); shown by its label.
    Probe(String),
    /// A field of the answers file by its table (`institution` or `vendor`) and key; shown
    /// by its label and key (`医療機関コード(code)`).
    Field { table: String, key: String },
    /// A catalog message inside the message (a condition, a field's name).
    Message(MessageRef),
    /// Several arguments joined with the catalog's separator `separator` (a message ID).
    List { separator: String, items: Vec<Arg> },
    /// A name the input gives in both languages (an item of a checklist being linted, by its
    /// number and short title): shown in the reader's.
    Bilingual { ja: String, en: String },
    /// Why a probe failed, as its evidence records it (codes with parameters), with the
    /// evidence's English text for codes this medsec does not know.
    ProbeReason {
        details: Vec<crate::probes::messages::Coded>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        fallback: String,
    },
}

impl From<Typed> for Arg {
    fn from(t: Typed) -> Self {
        Arg::Typed(t)
    }
}

impl From<MessageRef> for Arg {
    fn from(m: MessageRef) -> Self {
        Arg::Typed(Typed::Message(m))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl MessageRef {
    /// The text of argument `name`, when it is plain text.
    pub fn text_arg(&self, name: &str) -> Option<&str> {
        match self.args.get(name)? {
            Arg::Text(t) => Some(t),
            Arg::Typed(_) => None,
        }
    }

    /// Whether an argument, at any depth, is a checklist item (named for people only with
    /// the checklist at hand).
    pub fn names_items(&self) -> bool {
        fn item(a: &Arg) -> bool {
            match a {
                Arg::Typed(Typed::Item { .. }) => true,
                Arg::Typed(Typed::Message(m)) => m.names_items(),
                Arg::Typed(Typed::List { items, .. }) => items.iter().any(item),
                _ => false,
            }
        }
        self.args.values().any(item)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.location, self.severity, self.code, self.message
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_and_characters() {
        let src = "a = 1\nあい = 2\n";
        let at = Location::at("f.toml", src, src.find('=').unwrap());
        assert_eq!((at.line, at.column), (1, 3));
        let second = src.rfind('=').unwrap();
        let at = Location::at("f.toml", src, second);
        assert_eq!((at.line, at.column), (2, 4));
    }

    #[test]
    fn location_past_end_is_clamped() {
        let at = Location::at("f", "ab", 99);
        assert_eq!((at.line, at.column), (1, 3));
    }
}
