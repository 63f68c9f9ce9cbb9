//! `medsec render`

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Render a report for people: a printable HTML page (A4, like the official form), Markdown for
/// mail, CSV (one row per item and round) or XLSX.
///
/// Give a bundle folder or a report.json. A bundle folder is checked first: every file against
/// its manifest and, with --trusted or --pubkey, the signature against a trusted key; a bundle
/// that fails is not rendered (exit 3), so tampered content is never shown as valid. The page
/// states what was checked. A report.json given alone is rendered with the note that nothing
/// was checked. Labels follow --lang. See docs/render.md.
#[derive(Debug, Args)]
#[command(
    about = "Render a report bundle or report.json as HTML (printable), Markdown, CSV or XLSX"
)]
pub struct RenderArgs {
    /// A bundle folder (from `medsec report`) or a report.json.
    #[arg(value_name = "DIR|report.json")]
    pub input: PathBuf,
    /// Output format [default: from the --out file's extension (.html, .md, .csv, .xlsx), else
    /// html]; a format the --out file's extension contradicts is refused.
    #[arg(long, value_enum)]
    pub format: Option<RenderFormat>,
    /// Write to FILE instead of standard output (an existing file only with --force, never a
    /// file inside a report bundle); `-` is standard output (xlsx: only when it is not a
    /// terminal).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the --out file if it exists (never a file inside a report bundle).
    #[arg(long)]
    pub force: bool,
    /// Check the bundle's signature with this one public key (a .pub file).
    #[arg(long, value_name = "FILE", conflicts_with = "trusted")]
    pub pubkey: Option<PathBuf>,
    /// Check the bundle's signature with the keys listed in this file (see docs/signing.md).
    #[arg(long, value_name = "FILE")]
    pub trusted: Option<PathBuf>,
    /// Mark target dates before this date (Japan) as overdue, instead of today: 2026-06-03,
    /// 2026/6/3, 令和8年6月3日 or R8.6.3.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Html,
    Md,
    Csv,
    Xlsx,
}
