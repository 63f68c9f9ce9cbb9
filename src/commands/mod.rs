//! One file per subcommand: turns arguments into domain calls and hands results to render.

pub mod answer;
pub mod check;
pub mod checklist;
pub mod checklist_import;
pub mod generate;
pub mod init;
pub mod keygen;
mod passphrase;
pub mod probe;
pub mod render;
pub mod report;
pub mod sign;
pub mod status;
mod status_bundle;
pub mod summarize;
pub mod verify;

use crate::checklist::Lang;
use crate::exit::Exit;
use std::path::PathBuf;

/// What a command needs from the environment, decided once in `app`.
#[derive(Debug, Clone)]
pub struct Context {
    pub lang: Lang,
    /// Checklist files given with --checklist.
    pub checklist_paths: Vec<PathBuf>,
    /// Colour is allowed on stdout (a terminal and NO_COLOR unset).
    pub color: bool,
    /// Today in Japan.
    pub today: jiff::civil::Date,
}

impl Context {
    /// The day a command judges by: `--as-of` in any form people write dates (2026-06-03,
    /// 2026/6/3, 令和8年6月3日, R8.6.3; see `dates::parse_date_for_people`), else today in
    /// Japan. Read here, not by clap, so that its error is in the reader's language.
    pub fn as_of(&self, arg: Option<&str>) -> anyhow::Result<jiff::civil::Date> {
        match arg {
            Some(text) => crate::dates::parse_date_for_people(text).map_err(|e| {
                anyhow::Error::msg(crate::tr!(
                    self.lang,
                    "answers-bad-as-of",
                    error = e.localize(self.lang)
                ))
            }),
            None => Ok(self.today),
        }
    }
}

/// What a command produced: text for stdout, notices for stderr, and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub notices: Vec<String>,
    pub exit: Exit,
}

impl Outcome {
    pub fn text(stdout: String, exit: Exit) -> Self {
        Outcome {
            stdout: stdout.into_bytes(),
            notices: Vec::new(),
            exit,
        }
    }

    pub fn notice(mut self, notice: impl Into<String>) -> Self {
        self.notices.push(notice.into());
        self
    }
}
