//! `medsec keygen --out NAME`

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

use super::{passphrase, Context, Outcome};
use crate::cli::keygen::KeygenArgs;
use crate::exit::Exit;
use crate::signing::keys::{self, KeyFiles, Protection};

pub fn run(args: KeygenArgs, _ctx: &Context) -> anyhow::Result<Outcome> {
    let files = KeyFiles::for_name(&args.out);
    if !args.force {
        for p in [&files.secret, &files.public] {
            if p.exists() {
                anyhow::bail!(
                    "{} already exists; use --force to overwrite it",
                    p.display()
                );
            }
        }
    }
    let protection = if args.unencrypted {
        Protection::Unencrypted
    } else {
        Protection::Passphrase(passphrase::read(
            args.passphrase_env.as_deref(),
            "Passphrase for the new secret key: ",
            true,
        )?)
    };
    let g = keys::generate(&files, &protection, args.force)?;
    let mut outcome = Outcome::text(
        format!(
            "key ID {}\nsecret key: {} (keep it private; mode 0600)\npublic key: {} (give it to the inspectors)\n",
            g.key_id,
            g.files.secret.display(),
            g.files.public.display()
        ),
        Exit::Ok,
    );
    if !g.encrypted {
        outcome = outcome.notice(format!(
            "warning: {} is not encrypted: anyone who can read it can sign in your name",
            g.files.secret.display()
        ));
    }
    Ok(outcome)
}
