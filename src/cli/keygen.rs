//! `medsec keygen`

use clap::Args;
use std::path::PathBuf;

/// Make a signing key pair in minisign's formats: NAME.key (secret, mode 0600) and NAME.pub.
///
/// The secret key is encrypted with a passphrase (scrypt, as minisign does), asked without
/// echo on a terminal. Existing files are never replaced without --force. Give NAME.pub to the
/// inspectors (they list it in keys.toml); keep NAME.key to yourself.
#[derive(Debug, Args)]
#[command(about = "Make a signing key pair (minisign formats)")]
pub struct KeygenArgs {
    /// Base name of the files: writes NAME.key and NAME.pub.
    #[arg(long, value_name = "NAME")]
    pub out: PathBuf,
    /// Read the passphrase from environment variable VAR (for automation).
    #[arg(long, value_name = "VAR", conflicts_with = "unencrypted")]
    pub passphrase_env: Option<String>,
    /// Make a key without a passphrase: anyone who can read NAME.key can sign.
    #[arg(long)]
    pub unencrypted: bool,
    /// Replace existing key files.
    #[arg(long)]
    pub force: bool,
    /// The 医療機関コード (10 digits) this key signs for: the keys.toml entry printed for the
    /// inspectors names it.
    #[arg(long, value_name = "CODE", conflicts_with = "vendor")]
    pub institution: Option<String>,
    /// The vendor (事業者) this key signs vendor forms for, as its forms name it: the keys.toml
    /// entry printed is a `[vendors]` one.
    #[arg(long, value_name = "NAME")]
    pub vendor: Option<String>,
}
