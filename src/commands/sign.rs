//! `medsec sign DIR --key FILE` and `medsec sign --form FILE --key FILE`

use super::{passphrase, Context, Outcome};
use crate::cli::sign::SignArgs;
use crate::exit::Exit;
use crate::signing::keys::SecretKeyFile;
use crate::signing::{sign, vendor};

pub fn run(args: SignArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let file = SecretKeyFile::read(&args.key).map_err(|e| anyhow::anyhow!(e.message(ctx.lang)))?;
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
    let now = jiff::Timestamp::now().as_second();
    if let Some(form) = &args.form {
        let signed = vendor::sign_form(form, &key, now)?;
        return Ok(Outcome::text(
            crate::render::signing::form_signed(form, &signed),
            Exit::Ok,
        ));
    }
    let Some(dir) = &args.dir else {
        anyhow::bail!("give the bundle folder DIR, or --form FILE to sign a vendor form");
    };
    let signed = sign::sign_bundle(dir, &key, now)?;
    Ok(Outcome::text(
        crate::render::signing::signed(dir, &signed),
        Exit::Ok,
    ))
}
