//! `medsec render DIR|report.json --format html|md|csv|xlsx [--out FILE]`
//!
//! A bundle folder is checked before anything in it is shown, with verify's own code
//! (read-only use of `signing::verify`): the files against the signed manifest and, when a
//! trusted key is given, the signature. A failed check renders nothing (exit 3).

use super::{Context, Outcome};
use crate::checklist::{Catalog, Lang};
use crate::cli::render::{RenderArgs, RenderFormat};
use crate::exit::Exit;
use crate::render::view::{self, CheckFinding, Verification, VerificationState};
use crate::report::{self, Report};
use crate::signing::keys;
use crate::signing::manifest::{self, Manifest};
use crate::signing::trusted::TrustedKeys;
use crate::signing::verify::{self, Class, Options};
use crate::signing::{MANIFEST, SIGNATURE};
use std::io::IsTerminal;
use std::path::Path;

pub fn run(mut args: RenderArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    // A file that must not be replaced is said first, whatever its name says of the format.
    if let Some(out) = super::out_file(args.out.clone()) {
        guard_out(&out, args.force, &[&args.input], lang)?;
    }
    let format = super::output_format(
        args.format,
        args.out.as_deref(),
        &[
            ("html", RenderFormat::Html),
            ("htm", RenderFormat::Html),
            ("md", RenderFormat::Md),
            ("markdown", RenderFormat::Md),
            ("csv", RenderFormat::Csv),
            ("xlsx", RenderFormat::Xlsx),
        ],
        RenderFormat::Html,
        lang,
    )?;
    if format == RenderFormat::Xlsx {
        match &args.out {
            None => {
                return Err(anyhow::Error::msg(crate::tr!(
                    lang,
                    "report-html-xlsx-needs-out"
                )))
            }
            Some(p) if super::is_stdout(p) && std::io::stdout().is_terminal() => {
                return Err(anyhow::Error::msg(crate::tr!(
                    lang,
                    "render-xlsx-to-terminal"
                )))
            }
            Some(_) => {}
        }
    }
    args.out = super::out_file(args.out);
    let as_of = ctx.as_of(args.as_of.as_deref())?;
    let localized = |e: crate::signing::SigningError| anyhow::Error::msg(e.localize(lang));
    let keys = match (&args.pubkey, &args.trusted) {
        (Some(path), _) => Some(TrustedKeys::single(
            keys::read_public_key(path).map_err(localized)?,
        )),
        (None, Some(path)) => Some(TrustedKeys::read_in(path, lang).map_err(localized)?),
        (None, None) => None,
    };
    // The checklists `status` reads: ours, the user's folder, and `--checklist`.
    let catalog = super::init::catalog(ctx)?.clone();
    let input = &args.input;
    let is_dir = std::fs::metadata(input)
        .map_err(|e| anyhow::Error::msg(crate::signing::SigningError::io(input)(e).localize(lang)))?
        .is_dir();
    // A folder with neither report.json nor a manifest is no bundle (2), as `status` says.
    if is_dir
        && !input.join(report::FILE_NAME).exists()
        && !input.join(crate::signing::MANIFEST).exists()
    {
        return Err(anyhow::Error::msg(crate::tr!(
            lang,
            "report-render-not-a-bundle",
            path = input.display().to_string()
        )));
    }
    // A report.json with the signed manifest beside it is read as its bundle, as `status` does.
    let bundle_dir = super::status_bundle::bundle_of(input);
    let (bytes, verification) = if let Some(dir) = bundle_dir {
        match check_bundle(dir, keys.as_ref(), &catalog, as_of, lang) {
            Ok(checked) => checked,
            Err((exit, findings)) => {
                let mut outcome = Outcome::text(String::new(), exit);
                let path = input.display().to_string();
                // Named by its cause: a bundle whose signature and files hold is never said
                // to have failed them.
                let cause = verify::untrusted_cause(findings.iter().map(|f| {
                    let class = match f.class {
                        "integrity" => Class::Integrity,
                        "unusable" => Class::Unusable,
                        _ => Class::Note,
                    };
                    (f.code.as_str(), class)
                }));
                let message = match cause {
                    verify::Untrusted::SignatureOrFiles => {
                        crate::tr!(lang, "report-html-refused", path = path)
                    }
                    verify::Untrusted::Checklist(codes) => crate::tr!(
                        lang,
                        "report-html-refused-checklist",
                        path = path,
                        codes = crate::i18n::join_code(lang, &codes)
                    ),
                    verify::Untrusted::Unreadable => {
                        crate::tr!(lang, "report-html-refused-unreadable", path = path)
                    }
                };
                outcome.notices.push(crate::tr!(
                    lang,
                    "cli-error",
                    message = crate::i18n::end_sentence(lang, &message)
                ));
                outcome.notices.extend(findings.iter().map(|f| {
                    let file = f
                        .file
                        .as_deref()
                        .map(|p| format!(" {p}"))
                        .unwrap_or_default();
                    let message = if f.message.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", f.message)
                    };
                    crate::render::escape_controls(&format!("  {}{file}{message}", f.code))
                        .into_owned()
                }));
                return Ok(outcome);
            }
        }
    } else {
        let bytes =
            crate::limits::read_io(input, crate::limits::InputKind::Report).map_err(|e| {
                anyhow::Error::msg(crate::signing::SigningError::io(input)(e).localize(lang))
            })?;
        let verification = Verification {
            state: VerificationState::NotChecked,
            key_id: None,
            signed_at: None,
            findings: Vec::new(),
            worst: None,
            vendor_keys: Default::default(),
        };
        (bytes, verification)
    };
    let report_path = if let Some(dir) = bundle_dir {
        dir.join(report::FILE_NAME)
    } else if is_dir {
        input.join(report::FILE_NAME)
    } else {
        input.clone()
    };
    // In the reader's language, as `status` says it (the parser's detail last).
    let report =
        Report::parse(&report_path, &bytes).map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
    // A checklist the bundle carries (an imported one, digest-checked) is used as `status` uses it.
    let mut catalog = catalog;
    super::status_bundle::add_carried(
        &mut catalog,
        &report,
        bundle_dir.or_else(|| report_path.parent()),
    );
    // A checklist digest medsec does not know: refused as `status` refuses it (2, the same
    // words), never shown in other wording.
    let unknown = super::status_bundle::unknown_checklists(&report, &catalog, &report_path, lang);
    if !unknown.is_empty() {
        let mut outcome = Outcome::text(String::new(), Exit::Unusable);
        outcome.notices = crate::render::diagnostics::problem_lines_as_made(&unknown, lang);
        return Ok(outcome);
    }
    let sha = manifest::sha256_bytes(&bytes);
    let view = view::build(&report, &sha, verification, &catalog, lang, as_of);
    let out = match format {
        RenderFormat::Html => crate::render::html::html(&view, lang)?.into_bytes(),
        RenderFormat::Md => crate::render::html::markdown(&view, lang)?.into_bytes(),
        RenderFormat::Csv => crate::render::html::csv(&view, lang)?,
        RenderFormat::Xlsx => crate::render::xlsx::xlsx(&view, lang)?,
    };
    match &args.out {
        Some(path) => {
            crate::atomic::write(path, &out, None, crate::atomic::Replace::Allow).map_err(|e| {
                anyhow::Error::msg(crate::signing::SigningError::write(path)(e).localize(lang))
            })?;
            Ok(Outcome::text(
                crate::tr!(
                    lang,
                    "report-html-written",
                    path = path.display().to_string()
                ) + "\n",
                Exit::Ok,
            ))
        }
        None => Ok(Outcome {
            stdout: out,
            notices: Vec::new(),
            exit: Exit::Ok,
        }),
    }
}

/// `--out FILE` of render and summarize: an existing file is replaced only with `--force`, and
/// a file inside a report bundle (or one of `inputs`) never, so a bundle's signed files and the
/// file being read stay as they are. Refusals are usage problems (exit 2), in words.
pub(super) fn guard_out(
    out: &std::path::Path,
    force: bool,
    inputs: &[&std::path::Path],
    lang: crate::checklist::Lang,
) -> anyhow::Result<()> {
    let shown = out.display().to_string();
    let full = |p: &std::path::Path| {
        std::fs::canonicalize(p)
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_owned())
    };
    let target = match (out.parent(), out.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => full(parent).join(name),
        _ => full(out),
    };
    if inputs.iter().any(|i| full(i) == target) {
        return Err(anyhow::Error::msg(crate::tr!(
            lang,
            "report-out-is-input",
            path = shown
        )));
    }
    if let Some(bundle) = target
        .ancestors()
        .skip(1)
        .find(|dir| dir.join(crate::signing::MANIFEST).is_file())
    {
        return Err(anyhow::Error::msg(crate::tr!(
            lang,
            "report-out-in-bundle",
            path = shown,
            bundle = bundle.display().to_string()
        )));
    }
    if !force && std::fs::symlink_metadata(out).is_ok() {
        return Err(anyhow::Error::msg(crate::tr!(
            lang,
            "report-out-exists",
            path = shown
        )));
    }
    Ok(())
}

/// Why a bundle is not rendered: the exit code and verify's findings.
type Refused = (Exit, Vec<CheckFinding>);

/// A finding of verify as the page and the refusal show it (only the fields read, so
/// verify's own type may grow).
fn check_finding(f: &verify::Finding) -> CheckFinding {
    CheckFinding {
        code: f.code.clone(),
        file: f.file.clone(),
        message: f.message.clone(),
        class: match f.class {
            verify::Class::Note => "note",
            verify::Class::Warning => "warning",
            verify::Class::Finding => "finding",
            verify::Class::Unusable => "unusable",
            verify::Class::Integrity => "integrity",
        },
    }
}

/// Check a bundle folder and read its report.json as the manifest lists it.
fn check_bundle(
    dir: &Path,
    keys: Option<&TrustedKeys>,
    catalog: &Catalog,
    as_of: jiff::civil::Date,
    lang: Lang,
) -> Result<(Vec<u8>, Verification), Refused> {
    let mut verification = Verification {
        state: VerificationState::IntegrityOnly,
        key_id: None,
        signed_at: None,
        findings: Vec::new(),
        worst: None,
        vendor_keys: Default::default(),
    };
    let kept: Vec<verify::Finding> = match keys {
        Some(keys) => {
            let result = verify::verify_bundle(
                dir,
                &Options {
                    keys,
                    catalog,
                    expected_institution: None,
                    today: as_of,
                    lang,
                    expect: None,
                },
            );
            refuse_if_failed(&result.findings)?;
            verification.state = VerificationState::Verified;
            if let Some(sig) = &result.signature {
                verification.key_id = Some(sig.key_id.clone());
                verification.signed_at = sig.signed_at.as_deref().map(|t| {
                    t.parse::<jiff::Timestamp>()
                        .map_or_else(|_| t.to_owned(), |t| view::japan_time(t, lang))
                });
            }
            result.findings
        }
        None => {
            // Files against the manifest only: who signed cannot be known without a key.
            let findings = verify::check_integrity(dir, &TrustedKeys::default(), lang);
            let unsigned = findings.iter().any(|f| f.code == "signature-missing");
            let rest: Vec<verify::Finding> = findings
                .into_iter()
                .filter(|f| f.code != "key-unknown" && f.code != "signature-missing")
                .collect();
            refuse_if_failed(&rest)?;
            if unsigned {
                verification.state = VerificationState::Unsigned;
            } else {
                // Who signed, and when, are the signature's claims until a key checks them:
                // the time is marked so (a changed trusted comment changes only the claim).
                let (key_id, signed_at) = signature_claims(dir, lang);
                verification.key_id = key_id;
                verification.signed_at = signed_at.map(|t| unverified(&t, lang));
            }
            rest
        }
    };
    verification.findings = kept.iter().map(check_finding).collect();
    verification.worst = crate::render::view::worst_class(&verification.findings);
    // report.json as the manifest lists it: read once, and only if it still has the
    // manifest's SHA-256 (a change since the check is refused, not shown).
    let refused = |code: &str, file: &str| -> Refused {
        (
            Exit::Integrity,
            vec![CheckFinding {
                code: code.to_owned(),
                file: Some(file.to_owned()),
                message: String::new(),
                class: "integrity",
            }],
        )
    };
    let manifest = manifest::read_bounded(&dir.join(MANIFEST), verify::MAX_MANIFEST_BYTES)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|t| Manifest::parse(&t).ok())
        .ok_or_else(|| refused("manifest-malformed", MANIFEST))?;
    let bytes = verify::read_listed(dir, &manifest, report::FILE_NAME, verify::MAX_REPORT_BYTES)
        .map_err(|_| refused("report-missing", report::FILE_NAME))?;
    // Vendors' key IDs, from signature files the manifest lists unchanged.
    if let Ok(report) = Report::parse(&dir.join(report::FILE_NAME), &bytes) {
        for sig in report
            .vendor_forms
            .iter()
            .filter_map(|f| f.signature.as_deref())
        {
            if let Ok(b) = verify::read_listed(dir, &manifest, sig, verify::MAX_SIGNATURE_BYTES) {
                if let Some(claims) = view::signature_claims(&b, lang) {
                    verification.vendor_keys.insert(sig.to_owned(), claims);
                }
            }
        }
    }
    // A vendor's signature is checked only with a key, as the bundle's is: verified when the
    // bundle verified with keys and no vendor finding (unchecked, untrusted, …) names it.
    if verification.state == VerificationState::Verified {
        for (sig, claims) in verification.vendor_keys.iter_mut() {
            claims.verified = !verification
                .findings
                .iter()
                .any(|f| f.code.starts_with("vendor-") && f.file.as_deref() == Some(sig.as_str()));
        }
    }
    Ok((bytes, verification))
}

/// A time not checked by any key, with the unverified mark.
fn unverified(time: &str, lang: Lang) -> String {
    format!("{time}{}", crate::tr!(lang, "summarize-unverified"))
}

fn refuse_if_failed(findings: &[verify::Finding]) -> Result<(), Refused> {
    let worst = findings
        .iter()
        .map(|f| f.class)
        .max()
        .unwrap_or(Class::Note);
    if worst >= Class::Unusable {
        return Err((worst.exit(), findings.iter().map(check_finding).collect()));
    }
    Ok(())
}

fn signature_claims(dir: &Path, lang: Lang) -> (Option<String>, Option<String>) {
    let Ok(bytes) = manifest::read_bounded(&dir.join(SIGNATURE), verify::MAX_SIGNATURE_BYTES)
    else {
        return (None, None);
    };
    match view::signature_claims(&bytes, lang) {
        Some(c) => (Some(c.key_id), c.signed_at),
        None => (None, None),
    }
}
