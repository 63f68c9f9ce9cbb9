//! `medsec report ...`

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Print the JSON Schema of report.json (format_version 1).
    Schema,
}
