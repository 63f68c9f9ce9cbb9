//! Integration tests of one area in one test binary (CI links a few binaries, not one per
//! file). Each module below was a file tests/<module>.rs of its own; tests/common is shared.

#[path = "../common/mod.rs"]
mod common;

mod exit_rules;
mod fix11e;
mod fix11i;
mod fix15b;
mod hostile_bundle;
mod key_files;
mod key_formats;
mod official_source;
mod own_checklists;
mod own_setup;
mod passphrase_pty;
mod reasons;
mod reasons_said;
mod signing;
mod signing_lang;
mod verify_batch;
mod verify_findings;
mod verify_workbook;
