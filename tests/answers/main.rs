//! Integration tests of one area in one test binary (CI links a few binaries, not one per
//! file). Each module below was a file tests/<module>.rs of its own; tests/common is shared.

#[path = "../common/mod.rs"]
mod common;

mod answer_pty;
mod answers_cli;
mod answers_i18n;
mod checklist_place;
mod date_props;
mod edition_notice_pty;
mod field_inputs;
mod import_problems;
mod other_form;
mod rules_mutants;
mod stop_pty;
mod workbook_answers;
mod write_place;
mod writes;
mod yaml_edits;
