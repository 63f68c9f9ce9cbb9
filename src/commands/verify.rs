//! `medsec verify DIR...`

use super::{Context, Outcome};
use crate::checklist::{self, Catalog};
use crate::cli::verify::{VerifyArgs, VerifyFormat};
use crate::exit::Exit;
use crate::render;
use crate::signing::keys;
use crate::signing::trusted::TrustedKeys;
use crate::signing::verify::{self, Options};
use crate::tr;

pub fn run(args: VerifyArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    // A usage problem first: the date is checked before any file is read.
    let today = ctx.as_of(args.as_of.as_deref())?;
    let (keys, catalog, notices) =
        trust_and_catalog(args.pubkey.as_deref(), args.trusted.as_deref(), ctx)?;
    let expect = match &args.expect {
        Some(value) => {
            Some(verify::Expected::parse(value).map_err(|e| anyhow::Error::msg(e.localize(lang)))?)
        }
        None => None,
    };
    let opts = Options {
        keys: &keys,
        catalog: &catalog,
        expected_institution: args.institution.as_deref(),
        today,
        lang,
        expect: expect.as_ref(),
    };
    let results = verify::verify_all(&args.dirs, &opts);
    let exit = results.iter().map(|r| r.exit()).max().unwrap_or(Exit::Ok);
    let out = match args.format {
        VerifyFormat::Table => render::signing::verify_table(&results, lang, ctx.color),
        VerifyFormat::Json => render::signing::verify_json(&results, exit),
    };
    let mut outcome = Outcome::text(out, exit);
    outcome.notices = notices;
    // What stopped a bundle from being checked: on standard error (and in the JSON).
    outcome
        .notices
        .extend(render::signing::verify_problems(&results, lang));
    outcome
        .notices
        .extend(args.dirs.iter().filter_map(|d| hint(d, lang)));
    Ok(outcome)
}

/// What to give instead, for a path that is not a bundle: the bundle folder of a report.json,
/// or, for a folder of bundles, `summarize` or each bundle.
fn hint(path: &std::path::Path, lang: crate::checklist::Lang) -> Option<String> {
    let shown = path.display().to_string();
    if path.is_file() {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty())?;
        return parent.join(crate::signing::MANIFEST).is_file().then(|| {
            tr!(
                lang,
                "inspector-verify-give-folder",
                path = shown,
                dir = parent.display().to_string()
            )
        });
    }
    if !path.is_dir() || path.join(crate::signing::MANIFEST).exists() {
        return None;
    }
    let holds_bundles = std::fs::read_dir(path)
        .ok()?
        .filter_map(Result::ok)
        .take(10_000)
        .any(|e| e.path().join(crate::signing::MANIFEST).is_file());
    holds_bundles.then(|| tr!(lang, "inspector-verify-folder-of-bundles", path = shown))
}

/// The keys to trust (`--pubkey` or `--trusted`) and the known checklists, with the notices
/// to show about them; shared with `summarize`.
pub(super) fn trust_and_catalog(
    pubkey: Option<&std::path::Path>,
    trusted: Option<&std::path::Path>,
    ctx: &Context,
) -> anyhow::Result<(TrustedKeys, Catalog, Vec<String>)> {
    let lang = ctx.lang;
    let localized = |e: crate::signing::SigningError| anyhow::Error::msg(e.localize(lang));
    let keys = match (pubkey, trusted) {
        (Some(path), _) => TrustedKeys::single(keys::read_public_key(path).map_err(localized)?),
        (None, Some(path)) => TrustedKeys::read_in(path, lang).map_err(localized)?,
        (None, None) => return Err(anyhow::Error::msg(tr!(lang, "verify-need-key"))),
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
    for path in &ctx.checklist_paths {
        catalog.add(checklist::load_path(path)?);
    }
    catalog.link()?;
    Ok((keys, catalog, notices))
}
