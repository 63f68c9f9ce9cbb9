//! Text that came from files, made safe to show on a terminal.
//!
//! File names, institution and vendor names, item text, notes, probe output and error messages
//! quoting input may hold control characters: an ESC sequence clears the screen or moves the
//! cursor, a newline or carriage return forges a line (a fake `1 valid` summary), a bidi override
//! reorders what the reader sees. Everything shown to people goes through [`escape_controls`];
//! JSON output keeps the exact bytes.

use std::borrow::Cow;
use std::fmt::Write as _;

/// True for a character that must not reach a terminal as it is: C0 controls (tab and newline
/// included), DEL, C1 controls, Unicode bidi embeddings, overrides, isolates and marks, and the
/// line and paragraph separators.
pub fn is_hazard(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// The text with every [hazard](is_hazard) shown visibly: `\n`, `\r`, `\t`, and `\u{1b}` for the
/// others. Text without one is returned as it is, without a copy.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hazard) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_hazard(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// A path or value as one word of a command line people copy: as it is when it holds only
/// characters no shell reads specially, else in single quotes for a Unix shell. On Windows the
/// backslash is the path separator (PowerShell and cmd take it as it is), so it stays bare
/// there. Controls are escaped visibly, as everywhere on a terminal.
pub fn command_word(text: &str) -> String {
    shell_word(&escape_controls(text), cfg!(windows)).into_owned()
}

/// A message for people that may span lines (`error:` lines, notices): like
/// [`escape_controls`], except that a line break followed by an indent of two spaces, the layout
/// of medsec's own multi-line messages (a head line, then one indented line per problem), stays a
/// line break. Whatever the content holds, every line after the first starts indented, so no
/// line can pass for one of medsec's own (`error: …`, a summary line).
pub fn escape_message(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hazard) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' && chars.peek() == Some(&' ') {
            let rest = chars.clone();
            if rest.take(2).eq([' ', ' ']) {
                out.push('\n');
                continue;
            }
        }
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// `word` as one argument of a command line a person copies into their shell: as it is when
/// it has only letters (Japanese too), digits and `-_./:@+=,` (and `\`, the path separator, on
/// Windows, where PowerShell and cmd take it as it is); else in single quotes, with a quote
/// inside written as a POSIX shell reads it (`'\''`) or, on Windows, as PowerShell does (`''`).
pub fn shell_word(word: &str, windows: bool) -> Cow<'_, str> {
    let plain = |c: char| c.is_alphanumeric() || "-_./:@+=,".contains(c) || (windows && c == '\\');
    if !word.is_empty() && word.chars().all(plain) {
        return Cow::Borrowed(word);
    }
    let quote = if windows { "''" } else { "'\\''" };
    Cow::Owned(format!("'{}'", word.replace('\'', quote)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_are_quoted_only_when_a_shell_needs_it() {
        assert_eq!(shell_word("out/bundle", false), "out/bundle");
        assert_eq!(shell_word("報告書/さくら.pub", false), "報告書/さくら.pub");
        assert_eq!(shell_word("my keys/a.pub", false), "'my keys/a.pub'");
        assert_eq!(
            shell_word("医療\u{3000}鍵.pub", false),
            "'医療\u{3000}鍵.pub'"
        );
        assert_eq!(shell_word("it's.pub", false), "'it'\\''s.pub'");
        assert_eq!(shell_word("", false), "''");
        // A backslash: a Windows path as it is there, an escape a Unix shell must not read.
        assert_eq!(shell_word(r"C:\medsec\a.pub", true), r"C:\medsec\a.pub");
        assert_eq!(shell_word(r"a\b", false), r"'a\b'");
        assert_eq!(
            shell_word(r"C:\my keys\it's.pub", true),
            r"'C:\my keys\it''s.pub'"
        );
    }

    #[test]
    fn plain_text_is_borrowed() {
        let text = "札幌中央病院 evidence/a b.txt C:\\data";
        assert!(matches!(escape_controls(text), Cow::Borrowed(t) if t == text));
        assert!(matches!(escape_message(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn controls_are_shown_visibly() {
        assert_eq!(
            escape_controls("a\u{1b}[2J\nb\rc\td\u{0}e\u{7f}f\u{9b}g"),
            "a\\u{1b}[2J\\nb\\rc\\td\\u{0}e\\u{7f}f\\u{9b}g"
        );
    }

    #[test]
    fn bidi_controls_are_shown_visibly() {
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{061c}', '\u{2028}', '\u{2029}',
        ] {
            let escaped = escape_controls(&format!("x{c}y")).into_owned();
            assert_eq!(escaped, format!("x\\u{{{:x}}}y", u32::from(c)));
        }
        for c in ['\u{1f}', '\u{80}', '\u{9f}'] {
            assert!(is_hazard(c), "{c:?}");
        }
        // Neighbours that are ordinary text stay.
        for c in [
            ' ', '~', '\u{a0}', '\u{2027}', '\u{202f}', '\u{2065}', '\u{206a}',
        ] {
            assert!(!is_hazard(c), "{c:?}");
        }
        assert_eq!(
            escape_controls("\u{2030}\u{a0}\u{2065}"),
            "\u{2030}\u{a0}\u{2065}"
        );
    }

    #[test]
    fn messages_keep_only_indented_line_breaks() {
        assert_eq!(
            escape_message("head:\n  one\n  two\nfake\r\u{1b}[1A"),
            "head:\n  one\n  two\\nfake\\r\\u{1b}[1A"
        );
        assert_eq!(escape_message("a\n b\n"), "a\\n b\\n");
    }
}
