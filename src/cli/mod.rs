//! What the user types: clap structs only. Doc comments are the --help text.

// Doc comments here are written for --help, not rustdoc: `ID[@EDITION]` is not a link.
#![allow(rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]

pub mod answer;
pub mod check;
pub mod checklist;
pub mod help_ja;
pub mod init;
pub mod keygen;
pub mod probe;
pub mod render;
pub mod report;
pub mod sign;
pub mod status;
pub mod summarize;
pub mod verify;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// medsec: the cybersecurity self-check that hospitals, clinics and pharmacies do every fiscal
/// year on the MHLW checklist, and that inspectors verify; each edition as versioned data.
#[derive(Debug, Parser)]
#[command(name = "medsec", version, after_help = crate::exit::TABLE, max_term_width = 100)]
// Usage lines say `medsec` on Windows too, not the `medsec.exe` (or full path) it was started by.
#[cfg_attr(windows, command(bin_name = "medsec"))]
pub struct Cli {
    /// Language for people: ja or en. Default: from LC_ALL/LC_MESSAGES/LANG (ja* gives Japanese).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Also use this checklist file (repeatable, before or after the subcommand); it replaces a
    /// bundled one with the same id@edition.
    #[arg(long = "checklist", global = true, value_name = "PATH")]
    pub checklists: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parse `args` (the program name first), exiting with clap's message on bad usage.
    pub fn parse_args<I, T>(args: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        Self::try_parse_args(args).unwrap_or_else(|e| e.exit())
    }

    /// Parse `args` (the program name first). Every `--checklist` counts, whether given before
    /// or after the subcommand: clap keeps only the subcommand's values of a global argument
    /// (clap-rs/clap#3938), so they are collected from the arguments clap accepted.
    pub fn try_parse_args<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
        // Help is printed while parsing: its language is settled first (see help_ja).
        let lang = help_ja::lang_of(&args, crate::app::locale_var);
        // Parsed with the English tree first: the Japanese one (every text of every command
        // translated) is built only when clap has text to print (help, version, a usage error).
        let english = lang == crate::checklist::Lang::En;
        let matches = match Self::command().try_get_matches_from(&args) {
            Ok(matches) => matches,
            Err(e) if english => return Err(e),
            Err(_) => help_ja::command(lang).try_get_matches_from(&args)?,
        };
        let mut cli = <Self as clap::FromArgMatches>::from_arg_matches(&matches)
            .map_err(|e| e.format(&mut Self::command()))?;
        if let Some(all) = every_checklist_arg(&args) {
            cli.checklists = all;
        }
        Ok(cli)
    }
}

/// Every `--checklist PATH` and `--checklist=PATH` before a `--`, in order; `None` when an
/// argument is not Unicode (then clap's own values are kept).
fn every_checklist_arg(args: &[OsString]) -> Option<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        let arg = arg.to_str()?;
        if arg == "--" {
            break;
        }
        if arg == "--checklist" {
            if let Some(value) = it.next() {
                out.push(PathBuf::from(value));
            }
        } else if let Some(value) = arg.strip_prefix("--checklist=") {
            out.push(PathBuf::from(value));
        }
    }
    Some(out)
}

/// The one-line `about` of a subcommand is on its arguments struct (`#[command(about)]`), not
/// a doc comment on the variant here: a variant's doc would hide the struct's long help.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, show, lint, compare checklists and print their JSON Schema.
    #[command(subcommand)]
    Checklist(checklist::ChecklistCommand),
    Init(init::InitArgs),
    Answer(answer::AnswerArgs),
    Status(status::StatusArgs),
    /// Gather evidence from this machine (patch level, backups, accounts, services, ledger).
    Probe(probe::ProbeArgs),
    Report(report::ReportArgs),
    Render(render::RenderArgs),
    Keygen(keygen::KeygenArgs),
    Sign(sign::SignArgs),
    Verify(verify::VerifyArgs),
    Summarize(summarize::SummarizeArgs),
    Check(check::CheckArgs),
    /// Print shell completions for SHELL to stdout.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout.
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checklists_before_and_after_the_subcommand_add_up() {
        let cli = Cli::try_parse_args([
            "medsec",
            "--checklist",
            "a.toml",
            "status",
            "--checklist=b.toml",
            "f.toml",
            "--checklist",
            "c.toml",
        ])
        .unwrap();
        assert_eq!(
            cli.checklists,
            ["a.toml", "b.toml", "c.toml"].map(PathBuf::from)
        );
        let cli = Cli::try_parse_args(["medsec", "status", "--", "--checklist"]).unwrap();
        assert!(cli.checklists.is_empty());
    }
}
