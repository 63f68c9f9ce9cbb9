//! Integration tests of one area in one test binary (CI links a few binaries, not one per
//! file). Each module below was a file tests/<module>.rs of its own; tests/common is shared.

#[path = "../common/mod.rs"]
mod common;

mod check;
mod check_notice_pty;
mod chk12;
mod escaping;
mod ev12;
mod finding_sources;
mod findings_language;
mod fix11i;
mod fix12;
mod fix12f;
mod fix12g;
mod fix12h;
mod gaps12;
mod gaps12c;
mod gate_probes;
mod inspector_view;
mod leftovers12;
mod nits12;
mod render;
mod report;
mod review12;
mod review12b;
mod review12d;
mod summarize;
mod table12;
