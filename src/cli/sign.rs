//! `medsec sign`

use clap::Args;
use std::path::PathBuf;

/// (Re)write a bundle's MANIFEST.sha256 and its signature MANIFEST.sha256.minisig.
///
/// The manifest lists every file in DIR (sha256sum format); the signature's trusted comment
/// names the institution code, the checklist edition and the SHA-256 of report.json. The
/// result is verified before the command returns. Anyone can check it with the stock tools:
/// `minisign -Vm MANIFEST.sha256 -p KEY.pub && sha256sum -c MANIFEST.sha256`.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The bundle folder (holds report.json).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The secret key (NAME.key from `medsec keygen`, or a minisign secret key).
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
    /// Read the key's passphrase from environment variable VAR instead of the terminal.
    #[arg(long, value_name = "VAR")]
    pub passphrase_env: Option<String>,
}
