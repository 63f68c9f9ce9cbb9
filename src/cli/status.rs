//! `medsec status`

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Check answers files against the inspection's rules: progress per section and round, the
/// いいえ items with their target dates, and every problem.
///
/// Give the institution's answers file and the vendor forms (事業者確認用) together; vendor
/// forms listed in the vendors table (forms = [...]) of the institution's file are read too.
///
/// Exit 0 complete (warnings allowed), 1 incomplete (findings), 2 unusable input.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Answers files (.toml, .yaml, .yml).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
}
