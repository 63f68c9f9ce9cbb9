//! `medsec report schema`

use super::{Context, Outcome};
use crate::cli::report::ReportCommand;
use crate::exit::Exit;
use crate::report::Report;

pub fn run(cmd: ReportCommand, _ctx: &Context) -> anyhow::Result<Outcome> {
    match cmd {
        ReportCommand::Schema => Ok(Outcome::text(
            crate::render::json(&Report::schema()),
            Exit::Ok,
        )),
    }
}
