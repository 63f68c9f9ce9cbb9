//! `medsec report --answers FILE --out DIR [--sign KEY]` and `medsec report schema`

use super::{passphrase, Context, Outcome};
use crate::checklist::Catalog;
use crate::cli::report::{ReportArgs, ReportCommand};
use crate::exit::Exit;
use crate::report::bundle::{self, Overwrite};
use crate::report::make::{self, Inputs};
use crate::report::Report;
use crate::signing::keys::SecretKeyFile;

pub fn run(args: ReportArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    if let Some(ReportCommand::Schema) = args.command {
        return Ok(Outcome::text(
            crate::render::json(&Report::schema()),
            Exit::Ok,
        ));
    }
    let (Some(answers), Some(out)) = (&args.answers, &args.out) else {
        anyhow::bail!("give --answers FILE and --out DIR (or `medsec report schema`)");
    };
    // Unlock the key first: a wrong passphrase must not cost a half-made report.
    let key = match &args.sign {
        Some(path) => {
            let file =
                SecretKeyFile::read(path).map_err(|e| anyhow::anyhow!(e.message(ctx.lang)))?;
            let passphrase = if file.is_encrypted() {
                Some(passphrase::read(
                    args.passphrase_env.as_deref(),
                    &format!("Passphrase for {}: ", path.display()),
                    false,
                )?)
            } else {
                None
            };
            Some(file.unlock(passphrase.as_deref())?)
        }
        None => None,
    };
    let catalog = Catalog::with_files(&super::init::split_checklist_args(&ctx.checklist_paths).0)?;
    let now = jiff::Timestamp::now();
    let made = make::make(&Inputs {
        answers,
        vendors: &args.vendors,
        evidence: args.evidence.as_deref(),
        catalog: &catalog,
        lang: ctx.lang,
        now,
    })?;
    let overwrite = if args.force {
        Overwrite::Bundle
    } else {
        Overwrite::Refuse
    };
    // The bundle's report.html names items from the same checklists (--checklist too).
    let signed = crate::render::html::with_catalog(&catalog, || {
        bundle::write(
            out,
            &made.report,
            &made.attachments,
            key.as_ref(),
            now.as_second(),
            overwrite,
        )
    })
    .map_err(|e| anyhow::anyhow!(e.message(ctx.lang)))?;
    let has_errors = made.report.findings.iter().any(|f| f.severity == "error");
    let mut outcome = Outcome::text(
        crate::render::signing::report_written(
            out,
            &made.report,
            made.attachments.len(),
            signed.as_ref(),
        ),
        if has_errors { Exit::Findings } else { Exit::Ok },
    );
    outcome.notices = made.warnings;
    Ok(outcome)
}
