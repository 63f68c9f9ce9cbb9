//! The only place that formats output for people and scripts.

pub mod check;
pub mod checklist;
pub mod diagnostics;
pub mod diff;
pub mod extends;
pub mod html;
pub mod junit;
pub mod probe;
pub mod prose;
pub mod sarif;
pub mod sheet;
pub mod signing;
pub mod status;
pub mod status_bundle;
pub mod summary;
pub mod table;
pub mod templates;
pub mod text;
pub mod view;
pub mod xlsx;

pub use text::command_word;
pub use text::escape_controls;

use serde::Serialize;

/// Pretty JSON with a final newline. Output types derive `Serialize` with string keys only, so
/// this does not fail; should one ever fail, the output is still JSON and says why.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|e| {
        serde_json::json!({ "error": format!("cannot write the output as JSON: {e}") }).to_string()
    });
    s.push('\n');
    s
}

/// A table with box-drawing borders; columns sized and text wrapped by display width, never
/// inside a word, an ID or a path (see [`table::Table`]).
pub fn table(header: Vec<&str>) -> table::Table {
    table::Table::new(header)
}
