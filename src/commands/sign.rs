//! `medsec sign DIR --key FILE` and `medsec sign --form FILE --key FILE`

use super::{passphrase, Context, Outcome};
use crate::cli::sign::SignArgs;
use crate::exit::Exit;
use crate::signing::keys::{SecretKey, SecretKeyFile};
use crate::signing::{sign, vendor};
use crate::tr;

pub fn run(args: SignArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    let key = unlock(&args.key, args.passphrase_env.as_deref(), ctx)?;
    let now = jiff::Timestamp::now().as_second();
    if let Some(form) = &args.form {
        let signed = vendor::sign_form(form, &key, now, lang)
            .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
        return Ok(Outcome::text(
            crate::render::signing::form_signed(form, &signed, lang),
            Exit::Ok,
        ));
    }
    let Some(dir) = &args.dir else {
        return Err(anyhow::Error::msg(tr!(lang, "signing-need-dir")));
    };
    let signed =
        sign::sign_bundle(dir, &key, now).map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
    Ok(Outcome::text(
        crate::render::signing::signed(dir, &signed, lang),
        Exit::Ok,
    ))
}

/// Read and decrypt a secret key, asking for its passphrase when it has one. Errors are in
/// the user's language.
pub(super) fn unlock(
    path: &std::path::Path,
    passphrase_env: Option<&str>,
    ctx: &Context,
) -> anyhow::Result<SecretKey> {
    let lang = ctx.lang;
    let file = SecretKeyFile::read(path).map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
    let passphrase = if file.is_encrypted() {
        Some(passphrase::read(
            passphrase_env,
            &tr!(
                lang,
                "signing-prompt-key",
                path = path.display().to_string()
            ),
            false,
            lang,
        )?)
    } else {
        None
    };
    file.unlock(passphrase.as_deref())
        .map_err(|e| anyhow::Error::msg(e.localize(lang)))
}
