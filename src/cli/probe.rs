//! `medsec probe`

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Gather evidence from this machine: patch level, backups, accounts, services, asset ledger.
#[derive(Debug, Args)]
#[command(
    after_help = "Probes only read; they never change the system. Without --config the probes \
that suit this machine run (patch-level, accounts, services).\n\n\
The configuration (TOML) holds one [[probe]] table a probe, named by its kind:\n  \
patch-level      updates: max_days_since_update = 30, max_pending_security = 0\n  \
backup-freshness a backup: path = a folder, a restic or a borg repository; max_age = \"8d\"\n  \
accounts         accounts that can log in: max_unused_days = 90, leavers = [\"tanaka\"]\n  \
services         allowed_services = [\"ssh\"], allowed_ports = [\"22/tcp\"]\n  \
asset-ledger     the device ledger: path = \"ledger.csv\" (CSV or XLSX)\n\
and, at the top, role = \"server\" or \"terminal\" (a PC) and timeout = \"10m\" (per probe). \
Each probe may have a name, shown in the table. Paths are relative to the configuration file; \
an unknown key is an error naming its line and column.\n\n\
Exit 0: no probe failed (unknown allowed); 1: a probe failed or an answer \
is contradicted; 2: unusable configuration, answers or arguments."
)]
pub struct ProbeArgs {
    /// Probe configuration (TOML): which probes run, with which limits (below).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Output on stdout: a table for people or the evidence JSON.
    #[arg(long, value_enum, default_value_t = ProbeFormat::Table)]
    pub format: ProbeFormat,

    /// Also write the evidence JSON to FILE (written atomically; replaced if it exists); `-`:
    /// the evidence JSON on standard output instead of the table.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Answers file: a Yes (はい) answer that a probe contradicts is reported as a finding.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Read the machine under DIR instead of / (a mounted disk image, or a fixture tree).
    #[arg(long, value_name = "DIR", default_value = "/")]
    pub root: PathBuf,

    /// Never show a progress bar (it is shown only on a terminal, and never with --format json).
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProbeFormat {
    Table,
    Json,
}
