//! Integration tests of one area in one test binary (CI links a few binaries, not one per
//! file). Each module below was a file tests/<module>.rs of its own; tests/common is shared.

#[path = "../common/mod.rs"]
mod common;

mod fix10b;
mod hostile_inputs;
mod promises;
mod review13;
mod rules_data;
mod status;
mod suggested_commands;
