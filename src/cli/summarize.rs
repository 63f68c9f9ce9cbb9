//! `medsec summarize`

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Summarise many signed report bundles, one row each, for an inspector or a prefecture:
/// institution code and name, prefecture, edition, the verification result and its worst
/// finding, complete or not, No (いいえ) answers, overdue target dates, probe failures and
/// contradictions, signed date.
///
/// Folders of folders are walked (links are never followed); a folder holding MANIFEST.sha256,
/// its signature or report.json is a bundle. Every bundle is verified as `medsec verify` does
/// (run it on one bundle for every finding). Exit codes as verify's: the worst bundle wins.
#[derive(Debug, Args)]
#[command(about = "Summarise many signed bundles, one row each (table, CSV, XLSX or JSON)")]
#[command(group(clap::ArgGroup::new("trust").args(["pubkey", "trusted"])))]
pub struct SummarizeArgs {
    /// Bundle folders, or folders holding bundles at any depth.
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
    /// Trust the keys listed per institution code and vendor in this file (see docs/signing.md).
    #[arg(long, value_name = "FILE")]
    pub trusted: Option<PathBuf>,
    /// Trust this one public key (a .pub file) for every bundle.
    #[arg(long, value_name = "FILE")]
    pub pubkey: Option<PathBuf>,
    /// Judge the fiscal year and overdue target dates as of this date in Japan instead of
    /// today: 2026-06-03, 2026/6/3, 令和8年6月3日 or R8.6.3.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Output format: a table for people, CSV, XLSX (needs --out), or JSON [default: from the
    /// --out file's extension (.txt, .csv, .xlsx, .json), else table]; a format the --out
    /// file's extension contradicts is refused.
    #[arg(long, value_enum)]
    pub format: Option<SummaryFormat>,
    /// Write to FILE instead of standard output (required for xlsx; an existing file only with
    /// --force, never a file inside a report bundle); `-` is standard output (xlsx: only when
    /// it is not a terminal).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the --out file if it exists (never a file inside a report bundle).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Table,
    Csv,
    Xlsx,
    Json,
}
