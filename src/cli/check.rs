//! `medsec check`

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// The year's self-check in one command: answers, status, probes, the signed report bundle
/// (with report.html), and a verification of what was written.
///
/// In order: the answers file (on a terminal, made with `init` when there is none and answered
/// item by item where it is incomplete); its status (an incomplete file stops here, exit 1);
/// the probes; the report bundle DIR/bundle, signed with --key, with report.html in it; then
/// the bundle is verified with the key's public half. At the end: what was written, what is
/// missing, and the next step.
///
/// Without a terminal (or with --non-interactive) nothing is asked: a missing answers file or
/// passphrase is an error naming the flag that gives it (exit 2).
///
/// Writes into DIR: bundle/ (the signed report bundle), evidence.json (the probes' evidence)
/// and, without --key, a throwaway key pair throwaway.key/throwaway.pub. Those of an earlier
/// check in DIR are replaced (a bundle only if it is exactly as its manifest lists it; an
/// evidence.json that was there is said to be replaced). Stopped partway (Ctrl-C, SIGTERM),
/// the check removes the files and the folder it made.
#[derive(Debug, Args)]
#[command(
    about = "The year's self-check in one command: answers, status, probes, signed report, verify"
)]
#[command(
    after_help = "Exit 0: complete, no probe failed, the bundle is signed and verifies \
without findings; 1: findings (incomplete answers, a probe failed or contradicts an answer, \
findings in the bundle, a vendor signature not checked); 2: unusable input, or something to ask and no terminal; 3: the written \
bundle failed verification. See docs/check.md."
)]
pub struct CheckArgs {
    /// The institution's (医療機関確認用) or pharmacy's (薬局確認用) answers file. Default: the
    /// only answers file in the current folder; on a terminal a new one is made when there is
    /// none.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// The form to answer when check makes the answers file (there is none yet): institution
    /// (医療機関確認用), pharmacy (薬局確認用) or vendor (事業者確認用), as `medsec init --form`.
    /// Default: asked on a terminal, the institution form otherwise.
    #[arg(long, value_enum)]
    pub form: Option<super::checklist::FormArg>,

    /// Probe configuration (TOML; see examples/clinic/probes.toml). Its probes replace the
    /// defaults, as with `medsec probe --config`. Default: the probes that suit this machine
    /// (patch level, accounts, services).
    #[arg(long, value_name = "FILE")]
    pub probes: Option<PathBuf>,

    /// Sign with this secret key (NAME.key from `medsec keygen`). Default: a throwaway key made
    /// in DIR, good for a trial, not for the inspection.
    #[arg(long, value_name = "KEY")]
    pub key: Option<PathBuf>,

    /// Read the key's passphrase from environment variable VAR instead of the terminal.
    #[arg(long, value_name = "VAR", requires = "key")]
    pub passphrase_env: Option<String>,

    /// The folder to write (bundle/, evidence.json, the throwaway key). Default:
    /// report-EDITION in the current folder, e.g. report-fy2025.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// A vendor's public key (VENDOR.pub from `medsec keygen`; repeatable): each signed vendor
    /// form (事業者確認用) is checked with it before anything is signed, and one changed after
    /// its vendor signed it stops the report (exit 2). Without it, a vendor's signature is
    /// left unchecked (said, and marked (未検証) in report.html).
    #[arg(long = "vendor-key", value_name = "FILE")]
    pub vendor_keys: Vec<PathBuf>,

    /// Never ask anything, even on a terminal.
    #[arg(long)]
    pub non_interactive: bool,

    /// Judge the answers and the bundle as on this date in Japan (2026-06-03, 2026/6/3,
    /// 令和8年6月3日 or R8.6.3), e.g. the inspection day. Default: today in Japan. The probes
    /// always look at the machine now.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,

    /// Output on stdout: for people (table), or one JSON object (no progress, nothing asked).
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    // `table`, the word every command uses for the format people read; `text`, this command's
    // old word, is kept as a hidden alias so scripts do not break.
    #[value(name = "table", alias = "text")]
    Text,
    Json,
}
