//! medsec: the MHLW cybersecurity self-check as data.
//!
//! Library code returns values and typed errors; only `main.rs`, `app.rs` and `render/`
//! write to the terminal. Nothing read from outside may make it panic: `unwrap`, `expect` and
//! indexing that can panic are denied outside tests (see docs/security.md).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]
pub mod answers;
pub mod app;
pub mod atomic;
pub mod checklist;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod diagnostic;
pub mod diff;
pub mod exit;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod interrupt;
pub mod limits;
pub mod lint;
pub mod probes;
pub mod render;
pub mod report;
pub mod signing;
