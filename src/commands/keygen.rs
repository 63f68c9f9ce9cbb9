//! `medsec keygen --out NAME`

use super::{passphrase, Context, Outcome};
use crate::cli::keygen::KeygenArgs;
use crate::exit::Exit;
use crate::signing::keys::{self, KeyFiles, Protection};
use crate::signing::SigningError;
use crate::tr;

pub fn run(args: KeygenArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    let files = KeyFiles::for_name(&args.out);
    if !args.force {
        for p in [&files.secret, &files.public] {
            if p.exists() {
                let e = SigningError::Exists { path: p.clone() };
                return Err(anyhow::Error::msg(e.localize(lang)));
            }
        }
    }
    let protection = if args.unencrypted {
        Protection::Unencrypted
    } else {
        Protection::Passphrase(passphrase::read(
            args.passphrase_env.as_deref(),
            &tr!(lang, "signing-prompt-new-key"),
            true,
            lang,
        )?)
    };
    let g = keys::generate(&files, &protection, args.force)
        .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
    let (secret, public) = (
        g.files.secret.display().to_string(),
        g.files.public.display().to_string(),
    );
    let text = [
        tr!(lang, "signing-keygen-key-id", key = g.key_id.as_str()),
        tr!(lang, "signing-keygen-secret", path = secret.as_str()),
        tr!(lang, "signing-keygen-public", path = public.as_str()),
    ]
    .map(|line| line + "\n")
    .concat();
    let mut outcome = Outcome::text(text, Exit::Ok);
    if !g.encrypted {
        outcome = outcome.notice(tr!(lang, "signing-keygen-unencrypted", path = secret));
    }
    Ok(outcome)
}
