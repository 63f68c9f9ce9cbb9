//! Diagnostics for people (one line each, like a compiler) and as JSON.

use super::text::escape_controls as esc;
use crate::diagnostic::{Diagnostic, Severity};

/// `file:line:col: error[code]: message` lines and a summary line.
pub fn human(diags: &[Diagnostic], files: usize, color: bool) -> String {
    let mut out = String::new();
    for d in diags {
        let sev = match (d.severity, color) {
            (Severity::Error, true) => "\x1b[1;31merror\x1b[0m".to_owned(),
            (Severity::Warning, true) => "\x1b[1;33mwarning\x1b[0m".to_owned(),
            (s, false) => s.to_string(),
        };
        out.push_str(&format!(
            "{}: {sev}[{}]: {}\n",
            esc(&d.location.to_string()),
            d.code,
            esc(&d.message)
        ));
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    out.push_str(&format!(
        "{files} file{} checked: {errors} error{}, {warnings} warning{}\n",
        plural(files),
        plural(errors),
        plural(warnings)
    ));
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
