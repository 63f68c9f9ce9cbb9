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

pub fn man() -> anyhow::Result<Outcome> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    Ok(Outcome {
        stdout: out,
        notices: Vec::new(),
        exit: Exit::Ok,
    })
}
