//! `medsec init`

use super::checklist::FormArg;
use clap::Args;
use std::path::PathBuf;

/// Write a new answers file with every item of a form, ready to edit by hand.
///
/// The checklist is chosen with the global --checklist: an ID or ID@EDITION such as
/// mhlw-institution@fy2025, or a checklist file. Without it, the newest bundled edition of
/// --form. The format follows the extension of --out: .toml (default) or .yaml/.yml.
/// With --from LAST_YEAR.toml, last year's answers are carried forward by stable ID; they do
/// not count until confirmed, and new or reworded items are marked for review.
#[derive(Debug, Args)]
#[command(
    about = "Write a new answers file for a form (every item, commented), or carry last year's forward"
)]
pub struct InitArgs {
    /// Which form: institution (医療機関確認用), pharmacy (薬局確認用) or vendor (事業者確認用).
    #[arg(long, value_enum)]
    pub form: Option<FormArg>,
    /// Where to write. Default: FORM-EDITION.toml in the current folder.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Last year's answers file to carry forward.
    #[arg(long, value_name = "LAST_YEAR.toml")]
    pub from: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}
