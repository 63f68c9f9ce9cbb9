//! `medsec report --answers FILE --out DIR [--sign KEY]` and `medsec report schema`

use super::{Context, Outcome};
use crate::cli::report::{ReportArgs, ReportCommand};
use crate::exit::Exit;
use crate::report::bundle::{self, Overwrite};
use crate::report::make::{self, Inputs};
use crate::report::Report;
use crate::tr;
use std::path::{Path, PathBuf};

pub fn run(args: ReportArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    super::refuse_stdout("--out", args.out.as_deref(), lang)?;
    if let Some(ReportCommand::Schema) = args.command {
        return Ok(Outcome::text(
            crate::render::json(&Report::schema()),
            Exit::Ok,
        ));
    }
    let (Some(answers), Some(out)) = (&args.answers, &args.out) else {
        return Err(anyhow::Error::msg(tr!(lang, "report-need-answers-out")));
    };
    // Unlock the key first: a wrong passphrase must not cost a half-made report.
    let key = match &args.sign {
        Some(path) => Some(super::sign::unlock(
            path,
            args.passphrase_env.as_deref(),
            ctx,
        )?),
        None => None,
    };
    let catalog = super::init::catalog(ctx)?;
    let now = jiff::Timestamp::now();
    let made = make::make(&Inputs {
        as_of: None,
        answers,
        vendors: &args.vendors,
        evidence: args.evidence.as_deref(),
        catalog,
        lang,
        now,
    })
    .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
    let overwrite = if args.force {
        Overwrite::Bundle
    } else {
        Overwrite::Refuse
    };
    // The bundle's report.html names items from the same checklists (--checklist too).
    let signed = crate::render::html::with_catalog(catalog, || {
        bundle::write(
            out,
            &made.report,
            &made.attachments,
            key.as_ref(),
            now.as_second(),
            overwrite,
        )
    })
    .map_err(|e| anyhow::Error::msg(e.message(lang)))?;
    let has_errors = made.report.findings.iter().any(|f| f.severity == "error");
    let public = match (&args.sign, &signed) {
        (Some(secret), Some(s)) => public_key_beside(secret, &s.key_id),
        _ => None,
    };
    let mut outcome = Outcome::text(
        crate::render::signing::report_written(
            out,
            &made.report,
            made.attachments.len(),
            signed.as_ref(),
            public.as_deref(),
            &ctx.global_flags(),
            lang,
        ),
        if has_errors { Exit::Findings } else { Exit::Ok },
    );
    outcome.notices = made
        .unsigned_vendor_forms
        .iter()
        .map(|(form, signature)| {
            tr!(
                lang,
                "report-vendor-unsigned",
                form = form.display().to_string(),
                signature = signature.display().to_string()
            )
        })
        .collect();
    Ok(outcome)
}

/// The public key file beside the secret key `secret` (`NAME.pub` for `NAME.key`, as `keygen`
/// writes them) when it is the public half of the key `key_id`: the file the inspector is
/// given, named in the line that checks the bundle. `None` when there is no such file or it is
/// another key's.
pub(super) fn public_key_beside(secret: &Path, key_id: &str) -> Option<PathBuf> {
    let public = crate::signing::keys::KeyFiles::for_name(secret).public;
    let key = crate::signing::keys::read_public_key(&public).ok()?;
    (key.key_id == key_id).then_some(public)
}
