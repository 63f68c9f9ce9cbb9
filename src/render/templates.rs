//! The report templates (templates/ at the top of the repository), embedded at build time, and
//! the one minijinja environment that renders them.
//!
//! Every value a template prints is escaped for its format, whatever the template says:
//! HTML (`.html`) by minijinja's auto-escaping, Markdown (`.md`) and CSV (`.csv`) by the
//! formatter below. Labels come from the message catalog through `t("report-html-…")`.

use crate::checklist::Lang;
use minijinja::{AutoEscape, Environment, Error, Output, State, Value};

/// `(name, source)` of every report template.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("report.html", include_str!("../../templates/report.html")),
    ("report.md", include_str!("../../templates/report.md")),
    ("report.csv", include_str!("../../templates/report.csv")),
];

const MARKDOWN: &str = "markdown";
const CSV: &str = "csv";

/// Markdown text that shows as written: characters with a meaning in Markdown (and HTML, which
/// mail readers render inside Markdown) are backslash-escaped, and line breaks become spaces,
/// so a value cannot break a table row or add a link or an image. GitHub-flavoured Markdown also
/// turns bare `http://…`, `www.…` and `name@host.domain` into links (its autolink extension): the
/// `:` before `//`, the `.` after `www` and an `@` before a dotted host name are escaped too, so
/// no such link can start (`ID@EDITION` has no dot after its `@` and stays as written).
pub fn escape_markdown(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let next_two = (chars.get(i + 1), chars.get(i + 2));
        let after_www = i >= 3
            && chars
                .get(i - 3..i)
                .is_some_and(|w| w.iter().all(|c| c.eq_ignore_ascii_case(&'w')));
        let dotted_host = c == '@' && {
            let host: Vec<&char> = chars
                .iter()
                .skip(i + 1)
                .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
                .collect();
            host.iter().rev().skip(1).any(|c| **c == '.')
        };
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '<' | '>' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            ':' if next_two == (Some(&'/'), Some(&'/')) => out.push_str("\\:"),
            '.' if after_www => out.push_str("\\."),
            '@' if dotted_host => out.push_str("\\@"),
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One CSV cell, quoted, with formula-like values neutralised the way the answers sheet does
/// ([`crate::answers::sheet::quote_formula`]).
pub fn csv_cell(s: &str) -> String {
    let neutral = crate::answers::sheet::quote_formula(s);
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

/// Message text for HTML: escaped first, then each pair of backticks the catalog writes around
/// a command, code or path (`` `medsec status` ``) becomes `<code>…</code>`. Escaping comes
/// first, so text from a file stays inert inside a code span too; a backtick without a partner
/// (or around nothing) stays as written.
pub fn code_spans_html(s: &str) -> String {
    let escaped = minijinja::HtmlEscape(s).to_string();
    let parts: Vec<&str> = escaped.split('`').collect();
    // With an even number of backticks (an odd count of parts) every backtick has a partner;
    // otherwise the last one has none and stays literal.
    let paired = if parts.len() % 2 == 1 {
        parts.len()
    } else {
        parts.len() - 1
    };
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i >= paired {
            out.push('`');
            out.push_str(part);
        } else if i % 2 == 1 && !part.is_empty() {
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else if i % 2 == 1 {
            out.push_str("``");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// One Markdown code span holding `s` as written (CommonMark: no escape works inside a code
/// span, so none is added): the fence is one backtick longer than any run of backticks in
/// `s`, padded with a space where `s` starts or ends with one; line breaks become spaces. In a
/// table cell (`in_table`), `|` is written `\|`, which GFM's table parser takes before the
/// span (a bare `|` would end the cell).
pub fn markdown_code(s: &str, in_table: bool) -> String {
    let mut text: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if in_table {
        text = text.replace('|', "\\|");
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Message text for Markdown: each pair of backticks the catalog writes around a command,
/// code or path becomes a code span ([`markdown_code`]), the rest is escaped
/// ([`escape_markdown`]); a backtick without a partner is escaped as written.
pub fn code_spans_markdown(s: &str, in_table: bool) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    let paired = if parts.len() % 2 == 1 {
        parts.len()
    } else {
        parts.len() - 1
    };
    let mut out = String::with_capacity(s.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i >= paired {
            out.push_str("\\`");
            out.push_str(&escape_markdown(part));
        } else if i % 2 == 1 && !part.is_empty() {
            out.push_str(&markdown_code(part, in_table));
        } else if i % 2 == 1 {
            out.push_str("\\`\\`");
        } else {
            out.push_str(&escape_markdown(part));
        }
    }
    out
}

/// Message text without the backticks the catalog writes around code spans, for cells of a
/// spreadsheet, where they would show as written. Only paired backticks are removed.
pub fn code_spans_plain(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    let paired = if parts.len() % 2 == 1 {
        parts.len()
    } else {
        parts.len() - 1
    };
    let mut out = String::with_capacity(s.len());
    for (i, part) in parts.iter().enumerate() {
        if i >= paired || (i % 2 == 1 && part.is_empty()) {
            out.push('`');
        }
        out.push_str(part);
        if i % 2 == 1 && i < paired && part.is_empty() {
            out.push('`');
        }
    }
    out
}

/// A CSS string literal: only characters that cannot end it or the `<style>` element pass;
/// every other character is written as a CSS escape.
pub fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_alphanumeric() && !c.is_control() || " :+-/.()年月日".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

fn formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    let escape: Option<fn(&str) -> String> = match state.auto_escape() {
        AutoEscape::Custom(name) if name == MARKDOWN => Some(escape_markdown),
        AutoEscape::Custom(name) if name == CSV => Some(csv_cell),
        _ => None,
    };
    match escape {
        Some(escape) if !value.is_safe() => {
            let text = if value.is_none() || value.is_undefined() {
                String::new()
            } else {
                value.to_string()
            };
            out.write_str(&escape(&text)).map_err(Error::from)
        }
        Some(_) => out
            .write_str(value.as_str().unwrap_or_default())
            .map_err(Error::from),
        None => minijinja::escape_formatter(out, state, value),
    }
}

/// The environment with every report template, for `lang`.
pub fn environment(lang: Lang) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| match name.rsplit('.').next() {
        Some("html") => AutoEscape::Html,
        Some("md") => AutoEscape::Custom(MARKDOWN.into()),
        Some("csv") => AutoEscape::Custom(CSV.into()),
        _ => AutoEscape::Html,
    });
    env.set_formatter(formatter);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    for (name, source) in TEMPLATES {
        // The templates are tested (tests/report/render.rs); a broken one shows when rendered.
        let _ = env.add_template(name, source);
    }
    env.add_function("t", move |id: String| -> Result<String, Error> {
        let loader = crate::i18n::loader(lang);
        if loader.has(&id) {
            Ok(loader.get(&id))
        } else {
            Err(Error::new(
                minijinja::ErrorKind::UndefinedError,
                format!("no catalog message {id}"),
            ))
        }
    });
    // Nothing before an opening parenthesis in Japanese, a space in English.
    env.add_function("paren_gap", move || lang.paren_gap());
    // Catalog message text in HTML: `code` spans as <code> (only the HTML template uses it).
    env.add_filter("code_spans", |v: Value| {
        let text = if v.is_none() || v.is_undefined() {
            String::new()
        } else {
            v.to_string()
        };
        Value::from_safe_string(code_spans_html(&text))
    });
    // In Markdown: message text with its code spans (`md_spans`), and a value as one code span
    // (`md_code`); `true` inside a table cell.
    env.add_filter("md_spans", |v: Value, in_table: Option<bool>| {
        let text = if v.is_none() || v.is_undefined() {
            String::new()
        } else {
            v.to_string()
        };
        Value::from_safe_string(code_spans_markdown(&text, in_table.unwrap_or(false)))
    });
    env.add_filter("md_code", |v: Value, in_table: Option<bool>| {
        Value::from_safe_string(markdown_code(&v.to_string(), in_table.unwrap_or(false)))
    });
    env.add_filter("css_string", |s: String| {
        Value::from_safe_string(css_string(&s))
    });
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Catalog IDs that a template names with `t("…")`.
    fn catalog_ids(source: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = source;
        while let Some(start) = rest.find("t(\"") {
            rest = rest.get(start + 3..).unwrap_or_default();
            if let Some(end) = rest.find('"') {
                out.push(rest.get(..end).unwrap_or_default().to_owned());
                rest = rest.get(end..).unwrap_or_default();
            }
        }
        out
    }

    #[test]
    fn every_label_a_template_names_is_in_the_catalog() {
        for (name, source) in TEMPLATES {
            let ids = catalog_ids(source);
            assert!(!ids.is_empty(), "{name}");
            for lang in [Lang::Ja, Lang::En] {
                for id in &ids {
                    assert!(crate::i18n::loader(lang).has(id), "{name}: {id}");
                }
            }
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape_markdown("a|b <x> [l](u)\nz"),
            "a\\|b \\<x\\> \\[l\\](u) z"
        );
        // GitHub's autolinks: no bare URL, www. address or e-mail address stays linkable.
        assert_eq!(
            escape_markdown("http://evil.example/ https://x www.evil.example WWW.x a@b.example"),
            "http\\://evil.example/ https\\://x www\\.evil.example WWW\\.x a\\@b.example"
        );
        assert_eq!(
            escape_markdown("10:30 w.x ww.y mhlw-institution@fy2025 a@b. @"),
            "10:30 w.x ww.y mhlw-institution@fy2025 a@b. @"
        );
        assert_eq!(csv_cell("=cmd|' /C calc'!A0"), "\"'=cmd|' /C calc'!A0\"");
        assert_eq!(csv_cell("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(css_string("ab\"</style>"), "\"ab\\22 \\3c /style\\3e \"");
    }

    #[test]
    fn markdown_code_spans_stay_code_and_the_rest_is_escaped() {
        // Inside a span nothing is escaped (a backslash would show); outside, as always.
        assert_eq!(
            code_spans_markdown("see `medsec status a_b.toml` and *x*", false),
            "see `medsec status a_b.toml` and \\*x\\*"
        );
        // A value holding backticks gets a longer fence; a pipe in a table cell is escaped.
        assert_eq!(markdown_code("a`b", false), "``a`b``");
        assert_eq!(markdown_code("`x", false), "`` `x ``");
        assert_eq!(markdown_code("a|b", true), "`a\\|b`");
        assert_eq!(markdown_code("a|b", false), "`a|b`");
        assert_eq!(code_spans_markdown("one ` alone", false), "one \\` alone");
        assert_eq!(code_spans_markdown("``", false), "\\`\\`");
    }

    #[test]
    fn code_spans_are_marked_after_escaping() {
        assert_eq!(
            code_spans_html("see `medsec status` and `a<b>`"),
            "see <code>medsec status</code> and <code>a&lt;b&gt;</code>"
        );
        assert_eq!(
            code_spans_html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"
        );
        assert_eq!(code_spans_html("one ` alone"), "one ` alone");
        assert_eq!(code_spans_html("`a` and `b"), "<code>a</code> and `b");
        assert_eq!(code_spans_html("empty `` here"), "empty `` here");
        assert_eq!(
            code_spans_plain("see `medsec status`."),
            "see medsec status."
        );
        assert_eq!(code_spans_plain("`a` and `b"), "a and `b");
        assert_eq!(code_spans_plain("empty `` here"), "empty `` here");
    }
}
