//! `medsec answer`

use clap::{ArgGroup, Args};
use std::path::PathBuf;

/// Answer item by item in a terminal, or merge/export answers kept in a spreadsheet.
///
/// In a terminal: first asks for the institution's details still empty (on a vendor form, the
/// vendor's; Enter skips one), then shows each item with its number, text and guidance and takes
/// はい/いいえ/対象外,
/// the date checked (default today, Japan time), for いいえ a target date, a note and evidence
/// paths. Every answer is saved at once (atomically); running it again resumes where you
/// stopped. Without a terminal, use --import, or edit FILE by hand and run `medsec status FILE`.
///
/// --import SHEET (.csv or .xlsx) merges the columns item, answer, checked_on, target_date, note
/// (and optional round) into FILE. CSV may be UTF-8 (with or without BOM), Shift_JIS/CP932 or
/// UTF-16. --export SHEET (.xlsx or .csv) writes those columns, with はい/いいえ drop-downs in XLSX.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("sheet").args(["import", "export"])))]
pub struct AnswerArgs {
    /// The answers file. Default: the only answers file in the current folder.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Which round (1回目 or 2回目) to answer.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub round: u8,
    /// Merge answers from a spreadsheet (.csv or .xlsx) into FILE.
    #[arg(long, value_name = "SHEET")]
    pub import: Option<PathBuf>,
    /// Write FILE's answers to a spreadsheet (.xlsx or .csv).
    #[arg(long, value_name = "SHEET")]
    pub export: Option<PathBuf>,
    /// With --export: overwrite SHEET if it exists.
    #[arg(long)]
    pub force: bool,
}
