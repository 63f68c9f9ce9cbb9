//! The one dispatch: `Command` -> `commands::<x>::run` -> `Outcome`. Also decides the context
//! (language, colour, today) once, from the environment.

use crate::checklist::Lang;
use crate::cli::{Cli, Command, LangArg};
use crate::commands::{self, Context, Outcome};
use std::io::IsTerminal;

/// Build the context from the arguments and the environment.
pub fn context(cli: &Cli) -> Context {
    let lang = match cli.lang {
        Some(LangArg::Ja) => Lang::Ja,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_locale(|k| std::env::var(k).ok()),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Context {
        lang,
        checklist_paths: cli.checklists.clone(),
        color: !no_color && std::io::stdout().is_terminal(),
        today: crate::dates::today_in_japan(),
    }
}

/// Run one command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let ctx = context(&cli);
    match cli.command {
        Command::Checklist(cmd) => commands::checklist::run(cmd, &ctx),
        Command::Answer(args) => commands::answer::run(args, &ctx),
        Command::Init(args) => commands::init::run(args, &ctx),
        Command::Status(args) => commands::status::run(args, &ctx),
        Command::Completions { shell } => Ok(commands::generate::completions(shell)),
        Command::Man => commands::generate::man(),
        Command::Keygen(args) => commands::keygen::run(args, &ctx),
        Command::Report(cmd) => commands::report::run(cmd, &ctx),
        Command::Render(args) => commands::render::run(args, &ctx),
        Command::Sign(args) => commands::sign::run(args, &ctx),
        Command::Verify(args) => commands::verify::run(args, &ctx),
        Command::Probe(args) => commands::probe::run(args, &ctx),
        Command::Check(args) => commands::check::run(args, &ctx),
    }
}

/// The error and its causes on one line, each cause once: typed errors often repeat their
/// source in their own message, and the user should read it once. Errors quote file names and
/// file content, so control characters are shown escaped, never sent to the terminal.
pub fn error_message(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    crate::render::text::escape_message(&message).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_are_said_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory");
        let err = anyhow::Error::new(io).context("cannot read a.toml: No such file or directory");
        assert_eq!(
            error_message(&err),
            "cannot read a.toml: No such file or directory"
        );
        let err = anyhow::anyhow!("inner").context("outer");
        assert_eq!(error_message(&err), "outer: inner");
    }

    #[test]
    fn controls_from_input_are_escaped() {
        let err = anyhow::anyhow!("cannot read evil\n1 valid\u{1b}[2J.toml");
        assert_eq!(
            error_message(&err),
            "cannot read evil\\n1 valid\\u{1b}[2J.toml"
        );
    }
}
