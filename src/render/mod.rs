//! The only place that formats output for people and scripts.

pub mod check;
pub mod checklist;
pub mod diagnostics;
pub mod diff;
pub mod html;
pub mod probe;
pub mod sheet;
pub mod signing;
pub mod status;
pub mod templates;
pub mod text;
pub mod view;
pub mod xlsx;

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

/// A table with box-drawing borders; Japanese (full-width) text is measured by display width.
pub fn table(header: Vec<&str>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header(header);
    // On a terminal the table fits its width; elsewhere (pipes, tests) a fixed 120 columns.
    if t.width().is_none() {
        t.set_width(120);
    }
    t
}
