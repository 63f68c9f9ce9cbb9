//! Diagnostics for people (one line each, like a compiler) and as JSON.

use super::text::escape_controls as esc;
use crate::checklist::Lang;
use crate::diagnostic::{Diagnostic, Severity};

/// A diagnostic's message in `lang`: its catalog message when it has one, else the message it
/// was made with. A message that names checklist items is the one made (in the command's
/// language, with the items' numbers and titles): without the checklist here, the reference
/// could name them only by ID.
pub fn message(d: &Diagnostic, lang: Lang) -> String {
    match &d.text {
        Some(t) if !t.names_items() => crate::i18n::render(lang, t),
        _ => d.message.clone(),
    }
}

/// `file:line:col: エラー[code]: message`, controls in the input escaped.
pub fn line(d: &Diagnostic, lang: Lang, color: bool) -> String {
    let sev = match d.severity {
        Severity::Error => crate::tr!(lang, "lint-severity-error"),
        Severity::Warning => crate::tr!(lang, "lint-severity-warning"),
    };
    let sev = match (d.severity, color) {
        (Severity::Error, true) => format!("\x1b[1;31m{sev}\x1b[0m"),
        (Severity::Warning, true) => format!("\x1b[1;33m{sev}\x1b[0m"),
        (_, false) => sev,
    };
    format!(
        "{}: {sev}[{}]: {}",
        esc(&d.location.to_string()),
        d.code,
        esc(&message(d, lang))
    )
}

/// Problems that stop a command, for standard error: one line each, without color (the lines
/// of [`line()`]).
pub fn problem_lines(diags: &[Diagnostic], lang: Lang) -> Vec<String> {
    diags
        .iter()
        .map(|d| line(d, lang, false).trim_end().to_owned())
        .collect()
}

/// As [`problem_lines`], with each diagnostic's `message` as it was made (already in `lang`):
/// for answers files, whose catalog references name items by ID for the signed record.
pub fn problem_lines_as_made(diags: &[Diagnostic], lang: Lang) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            let plain = Diagnostic {
                text: None,
                ..d.clone()
            };
            line(&plain, lang, false).trim_end().to_owned()
        })
        .collect()
}

/// One line per diagnostic and a summary line.
pub fn human(diags: &[Diagnostic], files: usize, lang: Lang, color: bool) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&super::prose::for_stdout(&line(d, lang, color)));
        out.push('\n');
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    out.push_str(&crate::tr!(
        lang,
        "lint-summary",
        files = files,
        errors = errors,
        warnings = warnings
    ));
    out.push('\n');
    out
}
