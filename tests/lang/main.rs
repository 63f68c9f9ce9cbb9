//! Integration tests of one area in one test binary (CI links a few binaries, not one per
//! file). Each module below was a file tests/<module>.rs of its own; tests/common is shared.

#[path = "../common/mod.rs"]
mod common;

mod catalog;
mod codes_covered;
mod dates_rounds;
mod examples;
mod fix10c;
mod fix10f;
mod help_ja;
mod lang_items;
mod lang_sweep;
mod lint_messages;
mod lists;
mod prose_pty;
mod sentence_ends;
mod streams;
mod sweep_examples;
mod tables;
mod words;
