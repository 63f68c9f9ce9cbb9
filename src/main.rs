#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
use std::io::Write;
use std::process::ExitCode;

#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match medsec::cli::Cli::try_parse_args(args.clone()) {
        Ok(cli) => cli,
        Err(e) => match medsec::app::usage_error(&e, medsec::app::lang_from_args(&args)) {
            Some(text) => {
                eprintln!("{text}");
                return medsec::exit::Exit::Unusable.into();
            }
            None => e.exit(),
        },
    };
    let lang = medsec::app::lang(&cli);
    match medsec::app::run(cli) {
        Ok(outcome) => {
            for notice in &outcome.notices {
                // Notices quote file names and file content: controls are shown, not obeyed.
                eprintln!(
                    "{}",
                    medsec::render::prose::for_stderr(&medsec::render::text::escape_message(
                        notice
                    ))
                );
            }
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(&outcome.stdout)
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`medsec ... | head`) is not a failure.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("{}", medsec::app::write_error_line(&e, lang));
                    medsec::exit::Exit::Unusable.into()
                }
                _ => outcome.exit.into(),
            }
        }
        Err(err) => {
            eprintln!(
                "{}",
                medsec::render::prose::for_stderr(&medsec::app::error_line(&err, lang))
            );
            medsec::exit::Exit::Unusable.into()
        }
    }
}
