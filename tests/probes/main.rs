//! Integration tests of one area in one test binary (CI links a few binaries, not one per
//! file). Each module below was a file tests/<module>.rs of its own; tests/common is shared.

#[path = "../common/mod.rs"]
mod common;
mod fix10f_probes;

mod answers_given;
mod backup_guards;
mod patch_evidence;
mod probe_cli;
mod probe_codes;
mod probe_i18n;
mod probe_inputs;
mod probe_pty;
mod probe_real;
mod probe_windows;
