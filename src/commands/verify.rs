//! `medsec verify DIR...`

use super::{Context, Outcome};
use crate::checklist::{self, Catalog, Lang};
use crate::cli::verify::{VerifyArgs, VerifyFormat};
use crate::exit::Exit;
use crate::render;
use crate::signing::keys;
use crate::signing::trusted::TrustedKeys;
use crate::signing::verify::{self, BundleResult, Found, Options};
use crate::tr;
use std::path::PathBuf;

pub fn run(args: VerifyArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    // A usage problem first: the date is checked before any file is read.
    let today = ctx.as_of(args.as_of.as_deref())?;
    let (keys, catalog, notices) = trust_and_catalog(
        "verify",
        args.pubkey.as_deref(),
        args.trusted.as_deref(),
        ctx,
    )?;
    // The code as keygen and keys.toml read it (full-width digits as ASCII); a malformed one
    // is a usage problem (2), not another institution's bundle (3).
    let institution = args
        .institution
        .as_deref()
        .map(crate::answers::code::ascii_digits);
    if let Some(code) = &institution {
        if code.len() != 10 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(anyhow::Error::msg(tr!(
                lang,
                "verify-keygen-code-invalid",
                code = code.as_str()
            )));
        }
    }
    let expect = match &args.expect {
        Some(value) => {
            Some(verify::Expected::parse(value).map_err(|e| anyhow::Error::msg(e.localize(lang)))?)
        }
        None => None,
    };
    // Full-width digits (１３１０…, as a Japanese input method types them) read as ASCII, as
    // answers files, keys.toml and `keygen --institution` read a 医療機関コード.
    let institution = args
        .institution
        .as_deref()
        .map(crate::answers::code::ascii_digits);
    let opts = Options {
        keys: &keys,
        catalog: &catalog,
        expected_institution: institution.as_deref(),
        today,
        lang,
        expect: expect.as_ref(),
    };
    let found = verify::find_bundles(&args.dirs);
    // `--expect` names one printed report: over several bundles it would call every other one
    // a mismatch. Refused in words (2) before anything is verified.
    let bundles = found
        .iter()
        .filter(|f| matches!(f, Found::Bundle(_)))
        .count();
    if expect.is_some() && bundles > 1 {
        return Err(anyhow::Error::msg(tr!(
            lang,
            "verify-expect-several-bundles",
            count = bundles
        )));
    }
    // JSON is the same bytes whatever `--lang`: its messages in English (scripts match `code`),
    // so the bundles are verified once, in English; what reaches standard error stays in the
    // reader's language (only the bundles that could not be checked are said again there).
    let json = args.format == VerifyFormat::Json;
    let results = verify_found(
        found.clone(),
        &Options {
            lang: if json { Lang::En } else { lang },
            ..opts
        },
    );
    let exit = results.iter().map(|r| r.exit()).max().unwrap_or(Exit::Ok);
    let out = match args.format {
        VerifyFormat::Table => render::signing::verify_table(&results, lang, ctx.color),
        VerifyFormat::Json => render::signing::verify_json(&results, exit),
    };
    let problems = if !json || lang == Lang::En {
        render::signing::verify_problems(&results, lang)
    } else {
        let unusable: Vec<Found> = found
            .iter()
            .zip(&results)
            .filter(|(_, r)| {
                r.findings
                    .iter()
                    .any(|f| f.class == verify::Class::Unusable)
            })
            .map(|(f, _)| f.clone())
            .collect();
        render::signing::verify_problems(&verify_found(unusable, &opts), lang)
    };
    let mut outcome = Outcome::text(out, exit);
    outcome.notices = notices;
    // What stopped a bundle from being checked: on standard error (and in the JSON).
    outcome.notices.extend(problems);
    // Only a path that could not be opened as a folder may be a file given for its folder:
    // the bundles that were read are not looked at again (a stat each, thousands in a batch).
    let unopened: std::collections::HashSet<&str> = results
        .iter()
        .filter(|r| r.findings.iter().any(|f| f.code == "bundle-unreadable"))
        .map(|r| r.path.as_str())
        .collect();
    if !unopened.is_empty() {
        outcome.notices.extend(
            args.dirs
                .iter()
                .filter(|d| unopened.contains(d.display().to_string().as_str()))
                .filter_map(|d| hint(d, lang)),
        );
    }
    Ok(outcome)
}

/// Every bundle under the paths given, found as `summarize` finds them (a folder that is no
/// bundle is walked; a bundle is not looked into), one result each in the order found; a
/// folder holding none, a link not followed and a folder that cannot be read are results of
/// their own (unusable, exit 2, as a missing bundle is).
fn verify_found(found: Vec<Found>, opts: &Options<'_>) -> Vec<BundleResult> {
    let bundles: Vec<PathBuf> = found
        .iter()
        .filter_map(|f| match f {
            Found::Bundle(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    let mut verified = verify::verify_all(&bundles, opts).into_iter();
    found
        .iter()
        .filter_map(|f| match f.finding(opts.lang) {
            None => verified.next(),
            Some(finding) => Some(BundleResult {
                path: f.path().display().to_string(),
                exit_code: finding.class.exit().code(),
                signature: None,
                institution: None,
                checklist: None,
                fiscal_year: None,
                report_sha256: None,
                files: 0,
                extends: None,
                findings: vec![finding],
            }),
        })
        .collect()
}

/// What to give instead, for a file that is not a bundle: the bundle folder of a report.json.
pub(super) fn hint(path: &std::path::Path, lang: Lang) -> Option<String> {
    let shown = path.display().to_string();
    if !path.is_file() {
        return None;
    }
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty())?;
    parent.join(crate::signing::MANIFEST).is_file().then(|| {
        tr!(
            lang,
            "inspector-verify-give-folder",
            path = shown,
            dir = parent.display().to_string()
        )
    })
}

/// The keys to trust (`--pubkey` or `--trusted`) and the known checklists, with the notices
/// to show about them; shared with `summarize` (`command`, named when no key was given).
pub(super) fn trust_and_catalog(
    command: &str,
    pubkey: Option<&std::path::Path>,
    trusted: Option<&std::path::Path>,
    ctx: &Context,
) -> anyhow::Result<(TrustedKeys, Catalog, Vec<String>)> {
    let lang = ctx.lang;
    let localized = |e: crate::signing::SigningError| anyhow::Error::msg(e.localize(lang));
    let keys = match (pubkey, trusted) {
        (Some(path), _) => TrustedKeys::single(keys::read_public_key(path).map_err(localized)?),
        (None, Some(path)) => TrustedKeys::read_in(path, lang).map_err(localized)?,
        // Said in words with the usual command, not as clap's syntax.
        (None, None) => {
            return Err(anyhow::Error::msg(tr!(
                lang,
                "verify-no-key-given",
                command = command
            )))
        }
    };
    let mut notices: Vec<String> = keys
        .warnings()
        .iter()
        .map(|w| tr!(lang, "verify-keys-warning", warning = w.as_str()))
        .collect();
    // The bundled checklists are tested at build time; if they fail to load here, checking
    // can still go on with those given by path (unknown digests then fail, never pass).
    let mut catalog = Catalog::bundled().unwrap_or_else(|e| {
        notices.push(tr!(
            lang,
            "verify-bundled-checklists-failed",
            error = e.localize(lang)
        ));
        Catalog::default()
    });
    // The inspector's own checklists: those added with `checklist add`, then those given.
    // A folder that cannot be read is said, and verify goes on with the others.
    let added = checklist::registry::user_files().unwrap_or_else(|e| {
        notices.push(tr!(
            lang,
            "verify-added-checklists-unreadable",
            path = checklist::registry::user_dir()
                .unwrap_or_default()
                .display()
                .to_string(),
            error = crate::i18n::io_error(lang, &e)
        ));
        Vec::new()
    });
    for path in &added {
        catalog.add(checklist::load_path(path)?);
    }
    for path in &ctx.checklist_paths {
        catalog.add(given_checklist(path, lang)?);
    }
    catalog.link()?;
    Ok((keys, catalog, notices))
}

/// A checklist given with `--checklist`: a checklist file, or a workbook (`.xlsx`) imported in
/// memory ([`super::workbook_checklist`]), so an inspector needs no step before verify.
fn given_checklist(path: &std::path::Path, lang: Lang) -> anyhow::Result<checklist::Loaded> {
    if super::is_workbook(path) {
        return super::workbook_checklist(path, lang);
    }
    Ok(checklist::load_path(path)?)
}
