//! Integration tests of one area in one test binary (CI links a few binaries, not one per
//! file). Each module below was a file tests/<module>.rs of its own; tests/common is shared.

#[path = "../common/mod.rs"]
mod common;

mod checklist_cli;
mod checklist_registry;
mod checklist_screens;
mod diff_cli;
mod diff_imports;
mod edition_notice;
mod edition_words;
mod examples_ci;
mod fix11i;
mod import_carry;
mod import_gate_number;
mod import_ids;
mod imported_rules;
mod lint_ci;
mod lint_diff_exit;
mod lint_inputs;
mod not_imported;
mod not_workbook;
mod own_ci;
mod plausible_fy2026;
mod review11;
mod review11b;
mod round_heading;
mod unverified_words;
mod workbook_import;
mod workbook_sides;
mod workbooks;
