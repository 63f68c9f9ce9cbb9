//! `medsec report`

use clap::{Args, Subcommand};
use std::path::PathBuf;

/// Make a report bundle: report.json (answers of every round, vendor forms, probe evidence,
/// findings), the evidence files the answers name, and MANIFEST.sha256; signed with --sign.
///
/// Vendor forms listed in the answers file ([vendors] forms) are included with those given by
/// --vendor; a vendor's signature FORM.minisig beside a form is copied with it. The bundle is
/// written to a new folder and moved into place at the end; an existing bundle is replaced
/// only with --force. Check it with `medsec verify`, or with the stock tools:
/// `minisign -Vm MANIFEST.sha256 -p KEY.pub && sha256sum -c MANIFEST.sha256`.
#[derive(Debug, Args)]
#[command(about = "Make a report bundle (report.json, evidence, manifest), signed with --sign")]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ReportArgs {
    #[command(subcommand)]
    pub command: Option<ReportCommand>,
    /// The institution's (医療機関確認用) or pharmacy's (薬局確認用) answers file.
    #[arg(long, value_name = "FILE", required = true)]
    pub answers: Option<PathBuf>,
    /// A vendor form (事業者確認用) answers file (repeatable).
    #[arg(long = "vendor", value_name = "FILE")]
    pub vendors: Vec<PathBuf>,
    /// A vendor's public key (VENDOR.pub from `medsec keygen`; repeatable): each signed vendor
    /// form (事業者確認用) is checked with it before anything is signed, and one changed after
    /// its vendor signed it stops the report (exit 2). Without it, a vendor's signature is
    /// left unchecked (said, and marked (未検証) in report.html).
    #[arg(long = "vendor-key", value_name = "FILE")]
    pub vendor_keys: Vec<PathBuf>,
    /// Probe evidence written by `medsec probe --out evidence.json`.
    #[arg(long, value_name = "FILE")]
    pub evidence: Option<PathBuf>,
    /// The bundle folder to write (new, empty, or an existing bundle with --force).
    #[arg(long, value_name = "DIR", required = true)]
    pub out: Option<PathBuf>,
    /// Sign the bundle with this secret key (NAME.key from `medsec keygen`).
    #[arg(long, value_name = "KEY")]
    pub sign: Option<PathBuf>,
    /// Read the key's passphrase from environment variable VAR instead of the terminal.
    #[arg(long, value_name = "VAR", requires = "sign")]
    pub passphrase_env: Option<String>,
    /// Replace an existing bundle in DIR: only a bundle exactly as its MANIFEST.sha256 lists it
    /// (a folder with anything else, a file or a symbolic link is refused).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Print the JSON Schema of report.json (format_version 2).
    Schema,
}
