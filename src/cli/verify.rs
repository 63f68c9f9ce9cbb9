//! `medsec verify`

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Verify signed report bundles offline: signature, every file, trusted key, checklist,
/// fiscal year, institution and the findings the report records.
///
/// Exit 0 valid and complete; 1 valid with findings (incomplete, another fiscal year, ...);
/// 3 signature or integrity failure (tampered, missing or extra file, a link or special file,
/// wrong or untrusted key, unknown checklist digest, another institution, a vendor signature
/// the bundle does not hold); 2 unusable input (an unreadable file or folder, a file over
/// verify's size limits). Nothing a failed bundle's report.json says is shown. With several
/// bundles, every one is checked and the worst code wins. See docs/security.md.
#[derive(Debug, Args)]
#[command(about = "Verify signed report bundles offline")]
#[command(group(clap::ArgGroup::new("trust").args(["pubkey", "trusted"])))]
pub struct VerifyArgs {
    /// Bundle folders.
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
    /// Trust this one public key (a .pub file) for every bundle.
    #[arg(long, value_name = "FILE")]
    pub pubkey: Option<PathBuf>,
    /// Trust the keys listed per institution code and vendor in this file (see docs/signing.md).
    #[arg(long, value_name = "FILE")]
    pub trusted: Option<PathBuf>,
    /// The institution code every bundle must be for.
    #[arg(long, value_name = "CODE")]
    pub institution: Option<String>,
    /// Judge the fiscal year as of this date in Japan instead of today: 2026-06-03, 2026/6/3,
    /// 令和8年6月3日 or R8.6.3 (as `status --as-of` takes).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// The SHA-256 the printed report carries, as it is printed (`SHA-256 <hex>`, `sha256:<hex>`
    /// or the 64 hex digits, any case), or the whole text of its QR code
    /// (`medsec:sha256=<hex>;key=<KEYID>`, then the key must match too): a bundle whose
    /// report.json differs is an integrity failure (exit 3), the paper is not this bundle's.
    #[arg(long, value_name = "SHA256")]
    pub expect: Option<String>,
    /// Output format: a table for people, or JSON.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Table)]
    pub format: VerifyFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    Table,
    Json,
}
