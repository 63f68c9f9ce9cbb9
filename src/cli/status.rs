//! `medsec status`

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Check answers files against the inspection's rules: progress per section and round, the
/// No (いいえ) items with their target dates, and every problem.
///
/// Give the institution's answers file and the vendor forms (事業者確認用) together; vendor
/// forms listed in the vendors table (forms = [...]) of the institution's file are read too.
///
/// Round 1 is always shown; round 2 (optional) once any round-2 answer exists, or with
/// --round 2. Finding messages (also `message` in JSON) are in the --lang language; codes are
/// stable.
///
/// Exit 0 complete (warnings allowed), 1 incomplete (findings), 2 unusable input.
#[derive(Debug, Args)]
#[command(
    about = "Check answers against the inspection's rules (exit 0 complete, 1 incomplete, 2 unusable)"
)]
pub struct StatusArgs {
    /// Answers files (.toml, .yaml, .yml), or report bundle folders or report.json files (the
    /// status of the answers the report carries; a bundle that fails its integrity check: exit 3).
    /// Default: the only answers file in the current folder.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Probe evidence written by `medsec probe --out evidence.json`: Yes (はい) answers that a failed
    /// probe contradicts are shown as errors (`answer-contradicted-by-probe`), as `medsec
    /// report` records them.
    #[arg(long, value_name = "FILE")]
    pub evidence: Option<PathBuf>,
    /// Output format: a table for people, or JSON.
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
    /// Check the rules as on this date in Japan, e.g. the inspection day: 2026-06-03,
    /// 2026/6/3, 令和8年6月3日 or R8.6.3. Default: today in Japan. Dates checked after it are
    /// `date-in-future`.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Also show progress of this round (2: round 2 even before any round-2 answer).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub round: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
}
