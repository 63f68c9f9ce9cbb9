//! `medsec sign`

use clap::Args;
use std::path::PathBuf;

/// (Re)write a bundle's MANIFEST.sha256 and its signature MANIFEST.sha256.minisig, or sign a
/// vendor form (--form).
///
/// The manifest lists every file in DIR (sha256sum format); the signature's trusted comment
/// names the institution code, the checklist edition and the SHA-256 of report.json. The
/// result is verified before the command returns. Anyone can check it with the stock tools:
/// `minisign -Vm MANIFEST.sha256 -p KEY.pub && sha256sum -c MANIFEST.sha256`.
///
/// A vendor signs its vendor form (事業者確認用) with `medsec sign --form vendor-a.toml --key
/// vendor.key`: this writes vendor-a.toml.minisig beside it (`minisign -Vm vendor-a.toml -p
/// vendor.pub` checks it). `medsec report` carries both into the hospital's bundle.
#[derive(Debug, Args)]
#[command(about = "Write and sign a bundle's manifest, or sign a vendor form (--form)")]
pub struct SignArgs {
    /// The bundle folder (holds report.json).
    #[arg(
        value_name = "DIR",
        required_unless_present = "form",
        conflicts_with = "form"
    )]
    pub dir: Option<PathBuf>,
    /// Sign this vendor form (an answers file with a [vendor] table) instead of a bundle.
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
    /// The secret key (NAME.key from `medsec keygen`, or a minisign secret key).
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
    /// Read the key's passphrase from environment variable VAR instead of the terminal.
    #[arg(long, value_name = "VAR")]
    pub passphrase_env: Option<String>,
}
