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

/// A place in a user's file: 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The line and column of byte `offset` in `source`.
    pub fn at(file: &str, source: &str, offset: usize) -> Self {
        let offset = offset.min(source.len());
        let before = source.get(..offset).unwrap_or(source);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
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
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
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
/// item = "2-⑥ セキュリティパッチ" } }`. Arguments are text; digits-only values are given to the
/// catalog as numbers (so plural forms work).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRef {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
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
