//! `medsec sign DIR --key FILE`

use super::{passphrase, Context, Outcome};
use crate::cli::sign::SignArgs;
use crate::exit::Exit;
use crate::signing::keys::SecretKeyFile;
use crate::signing::sign;

pub fn run(args: SignArgs, _ctx: &Context) -> anyhow::Result<Outcome> {
    let file = SecretKeyFile::read(&args.key)?;
    let passphrase = if file.is_encrypted() {
        Some(passphrase::read(
            args.passphrase_env.as_deref(),
            &format!("Passphrase for {}: ", args.key.display()),
            false,
        )?)
    } else {
        None
    };
    let key = file.unlock(passphrase.as_deref())?;
    let signed = sign::sign_bundle(&args.dir, &key, jiff::Timestamp::now().as_second())?;
    Ok(Outcome::text(
        crate::render::signing::signed(&args.dir, &signed),
        Exit::Ok,
    ))
}
