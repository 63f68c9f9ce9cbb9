//! `medsec verify DIR...`

use super::{Context, Outcome};
use crate::checklist::{self, Catalog};
use crate::cli::verify::{VerifyArgs, VerifyFormat};
use crate::exit::Exit;
use crate::render;
use crate::signing::keys;
use crate::signing::trusted::TrustedKeys;
use crate::signing::verify::{self, Options};

pub fn run(args: VerifyArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let keys = match (&args.pubkey, &args.trusted) {
        (Some(path), _) => TrustedKeys::single(keys::read_public_key(path)?),
        (None, Some(path)) => TrustedKeys::read_in(path, ctx.lang)?,
        (None, None) => {
            anyhow::bail!("give the key to trust with --pubkey FILE or --trusted keys.toml")
        }
    };
    let mut notices: Vec<String> = keys
        .warnings()
        .iter()
        .map(|w| match ctx.lang {
            checklist::Lang::Ja => format!("注意: {w}"),
            checklist::Lang::En => format!("warning: {w}"),
        })
        .collect();
    // The bundled checklists are tested at build time; if they fail to load here, checking
    // can still go on with those given by path (unknown digests then fail, never pass).
    let mut catalog = Catalog::bundled().unwrap_or_else(|e| {
        notices.push(format!("warning: the bundled checklists could not be loaded ({e}); only checklists given with --checklist are known"));
        Catalog::default()
    });
    for path in &ctx.checklist_paths {
        catalog.add(checklist::load_path(path)?);
    }
    let opts = Options {
        keys: &keys,
        catalog: &catalog,
        expected_institution: args.institution.as_deref(),
        today: args.as_of.unwrap_or(ctx.today),
        lang: ctx.lang,
    };
    let results = verify::verify_all(&args.dirs, &opts);
    let exit = results.iter().map(|r| r.exit()).max().unwrap_or(Exit::Ok);
    let out = match args.format {
        VerifyFormat::Table => render::signing::verify_table(&results, ctx.lang, ctx.color),
        VerifyFormat::Json => render::signing::verify_json(&results, exit),
    };
    let mut outcome = Outcome::text(out, exit);
    outcome.notices = notices;
    Ok(outcome)
}
