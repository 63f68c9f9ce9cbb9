//! `medsec completions SHELL` and `medsec man`: generated from the clap definition.

use super::Outcome;
use crate::cli::Cli;
use crate::exit::Exit;
use clap::CommandFactory;

pub fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "medsec", &mut out);
    Outcome {
        stdout: out,
        notices: Vec::new(),
        exit: Exit::Ok,
    }
}

/// The man page in `lang`: in Japanese from the Japanese help tree (`i18n/ja/help.ftl`), as
/// `--help` is. clap_mangen writes the section headings NAME, SYNOPSIS and DESCRIPTION in
/// English whatever the texts; they stay so.
pub fn man(lang: crate::checklist::Lang) -> anyhow::Result<Outcome> {
    let mut out = Vec::new();
    clap_mangen::Man::new(crate::cli::help_ja::man_command(lang)).render(&mut out)?;
    Ok(Outcome {
        stdout: out,
        notices: Vec::new(),
        exit: Exit::Ok,
    })
}
