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
    let unchecked = check_vendor_signatures(&made, &args.vendor_keys, lang)?;
    let overwrite = if args.force {
        Overwrite::Bundle
    } else {
        Overwrite::Refuse
    };
    // The bundle's report.html names items from the same checklists (--checklist too).
    let written = crate::render::html::with_catalog(catalog, || {
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
    let signed = written.signed;
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
        .chain(
            unchecked
                .iter()
                .map(|form| vendor_unchecked_notice(form, lang)),
        )
        .chain(stale_removed_notice(&written.removed_stale, lang))
        .collect();
    Ok(outcome)
}

/// The stale staging folders of an earlier, killed run that writing the bundle removed, said
/// with their paths (none: nothing said).
pub(super) fn stale_removed_notice(
    removed: &[PathBuf],
    lang: crate::checklist::Lang,
) -> Option<String> {
    (!removed.is_empty()).then(|| {
        let paths: Vec<String> = removed.iter().map(|p| p.display().to_string()).collect();
        tr!(
            lang,
            "report-stale-stage-removed",
            paths = crate::i18n::join_code(lang, &paths)
        )
    })
}

/// The signed vendor forms' signatures checked against their own files with the vendor keys
/// given (`--vendor-key`), before anything is written: a form changed after its vendor signed
/// it (or signed with none of those keys) is refused, since the inspector's `verify` would
/// call the bundle invalid. A vendor's signature cannot be checked without its key (Ed25519):
/// with no key given, the signed forms are returned, left unchecked, for the caller to say so.
pub(super) fn check_vendor_signatures(
    made: &make::Made,
    key_files: &[PathBuf],
    lang: crate::checklist::Lang,
) -> anyhow::Result<Vec<PathBuf>> {
    let keys = key_files
        .iter()
        .map(|p| {
            crate::signing::keys::read_public_key(p)
                .map_err(|e| anyhow::Error::msg(e.localize(lang)))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let source = |bundled: &str| {
        made.attachments
            .iter()
            .find(|a| a.path == bundled)
            .map(|a| a.source.clone())
    };
    let mut unchecked = Vec::new();
    for form in &made.report.vendor_forms {
        let (Some(bundled), Some(signature)) = (form.bundled.as_deref(), form.signature.as_deref())
        else {
            continue;
        };
        let (Some(form_path), Some(sig_path)) = (source(bundled), source(signature)) else {
            continue;
        };
        if keys.is_empty() {
            unchecked.push(form_path);
            continue;
        }
        let read = |p: &Path| {
            std::fs::read(p).map_err(|e| anyhow::Error::new(e).context(p.display().to_string()))
        };
        let (form_bytes, sig_bytes) = (read(&form_path)?, read(&sig_path)?);
        let mut verified_with_one = false;
        let mut problem: Option<(String, String)> = None;
        // A key that did not make the signature (one key given: `key-wrong`) says less than
        // the key that did (the file changed).
        let other_key = |code: &str| code == "key-unknown" || code == "key-wrong";
        for key in &keys {
            let (verified, _, problems) = crate::signing::verify::check_signature_bytes_in(
                &form_bytes,
                &sig_bytes,
                &crate::signing::trusted::TrustedKeys::single(key.clone()),
                bundled,
                lang,
            );
            if verified.is_some() {
                verified_with_one = true;
                break;
            }
            // The key the signature names says why best (the file changed); else any key's.
            let first = problems.into_iter().next().map(|f| (f.code, f.message));
            if problem.is_none() || first.as_ref().is_some_and(|(c, _)| !other_key(c)) {
                problem = first.or(problem);
            }
        }
        if !verified_with_one {
            let (code, message) = problem.unwrap_or_default();
            let text = if other_key(&code) {
                tr!(
                    lang,
                    "report-vendor-signature-other-key",
                    form = form_path.display().to_string(),
                    problem = message
                )
            } else {
                tr!(
                    lang,
                    "report-vendor-signature-invalid",
                    form = form_path.display().to_string(),
                    problem = message
                )
            };
            return Err(anyhow::Error::msg(text));
        }
    }
    Ok(unchecked)
}

/// A signed vendor form whose signature nobody checked (no `--vendor-key`).
pub(super) fn vendor_unchecked_notice(form: &Path, lang: crate::checklist::Lang) -> String {
    tr!(
        lang,
        "report-vendor-signature-unchecked",
        form = form.display().to_string()
    )
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
