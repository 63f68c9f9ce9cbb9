//! What the user types: clap structs only. Doc comments are the --help text.

// Doc comments here are written for --help, not rustdoc: `ID[@EDITION]` is not a link.
#![allow(rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]

pub mod checklist;
pub mod probe;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// medsec: the MHLW cybersecurity self-check (医療機関におけるサイバーセキュリティ対策チェックリスト)
/// for hospitals, clinics and pharmacies, as versioned data.
#[derive(Debug, Parser)]
#[command(name = "medsec", version, after_help = crate::exit::TABLE, max_term_width = 100)]
pub struct Cli {
    /// Language for people: ja or en. Default: from LC_ALL/LC_MESSAGES/LANG (ja* gives Japanese).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Also use this checklist file (repeatable); it replaces a bundled one with the same id@edition.
    #[arg(long = "checklist", global = true, value_name = "PATH")]
    pub checklists: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, show, lint checklists and print their JSON Schema.
    #[command(subcommand)]
    Checklist(checklist::ChecklistCommand),
    /// Print shell completions for SHELL to stdout.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout.
    Man,
    /// Gather evidence from this machine (patch level, backups, accounts, services, ledger).
    Probe(probe::ProbeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}
