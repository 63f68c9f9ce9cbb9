//! `medsec answer`

use clap::{ArgGroup, Args, ValueEnum};
use std::path::PathBuf;

/// Answer item by item in a terminal, or merge/export answers kept in a spreadsheet.
///
/// In a terminal: first asks for the institution's details still empty (on a vendor form, the
/// vendor's; Enter skips one), then shows each item with its number, text and guidance and takes
/// はい/いいえ/対象外,
/// the date checked (default today, Japan time), for いいえ a target date, a note and evidence
/// paths. Dates may be typed as 2026-06-03, 2026/6/3, 令和8年6月3日 or R8.6.3. Every answer is
/// saved at once (atomically); running it again resumes where you stopped. At a question: Enter
/// skips, b goes back, j NUMBER jumps, p shows progress, q quits; Ctrl-C or Ctrl-D also stop it,
/// keeping every answer given and saying how to go on. Without a terminal, use --import, or edit
/// FILE by hand and run `medsec status FILE`.
///
/// --export SHEET (.xlsx or .csv) writes one row per item with headers in the --lang language:
/// 項目番号 (number), 対象 (scope), 項目 (text), 回 (round), 回答 (answer), 確認日 (checked_on),
/// 目標日 (target_date), 理由 (reason), 備考 (note), 項目ID (item), with はい/いいえ/対象外
/// drop-downs in XLSX. --import SHEET (.csv or .xlsx) merges such a sheet into FILE, headers in
/// either language; items by number (2-④ サーバ, ２－④, 2-(4)) or ID. CSV may be UTF-8 (with or
/// without BOM), Shift_JIS/CP932 or UTF-16.
#[derive(Debug, Args)]
#[command(about = "Answer item by item in a terminal, or import/export answers as a spreadsheet")]
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
    /// With --import of a checklist workbook: the sheet to read, when several look like checklists.
    #[arg(long = "sheet", value_name = "NAME", requires = "import")]
    pub sheet_name: Option<String>,
    /// With --import of a checklist workbook: its layout instead of finding it, as
    /// `checklist import --map` takes it (`number=B,text=C,header-rows=2`, or a TOML file).
    #[arg(long, value_name = "MAP", requires = "import")]
    pub map: Option<String>,
    /// With --export: overwrite SHEET if it exists.
    #[arg(long)]
    pub force: bool,
    /// With --export: the sheet's layout. `official` writes the answers into the layout of the
    /// official workbook the checklist was imported from (`checklist import`), with ○ marks and
    /// dates shown as 令和8年6月3日, to print or hand over; it reads back with --import. The
    /// form is rebuilt from the recorded layout, not filled into a copy of the original
    /// workbook: its fonts, colours and printed instructions are not kept (why:
    /// docs/checklist-format.md).
    #[arg(long, value_enum, default_value_t = SheetLayout::Sheet, requires = "export")]
    pub layout: SheetLayout,
}

/// The layout of an exported sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetLayout {
    /// One row per item and round, medsec's own columns.
    Sheet,
    /// The layout of the official workbook (.xlsx only).
    Official,
}
