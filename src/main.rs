#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
use std::io::Write;
use std::process::ExitCode;

#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    let cli = medsec::cli::Cli::parse_args(std::env::args_os());
    let lang = medsec::app::lang(&cli);
    match medsec::app::run(cli) {
        Ok(outcome) => {
            for notice in &outcome.notices {
                // Notices quote file names and file content: controls are shown, not obeyed.
                eprintln!("{}", medsec::render::text::escape_message(notice));
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
            eprintln!("{}", medsec::app::error_line(&err, lang));
            medsec::exit::Exit::Unusable.into()
        }
    }
}
