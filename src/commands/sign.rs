//! `medsec sign DIR --key FILE` and `medsec sign --form FILE --key FILE`

use super::{passphrase, Context, Outcome};
use crate::cli::sign::SignArgs;
use crate::exit::Exit;
use crate::signing::keys::{SecretKey, SecretKeyFile};
use crate::signing::{sign, vendor};
use crate::tr;

pub fn run(args: SignArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    // A folder that is no bundle is said before the passphrase is asked for (after a key
    // file that is no secret key, which is said first whatever the folder).
    if let (None, Some(dir)) = (&args.form, &args.dir) {
        SecretKeyFile::read(&args.key).map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
        if !dir.join(crate::report::FILE_NAME).exists() {
            let e = crate::signing::SigningError::NotABundle { path: dir.clone() };
            return Err(anyhow::Error::msg(e.localize(lang)));
        }
    }
    let key = unlock(&args.key, args.passphrase_env.as_deref(), ctx)?;
    let now = jiff::Timestamp::now().as_second();
    if let Some(form) = &args.form {
        let signed = vendor::sign_form(form, &key, now, lang)
            .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
        return Ok(Outcome::text(
            crate::render::signing::form_signed(
                form,
                &signed,
                super::report::public_key_beside(&args.key, &signed.key_id).as_deref(),
                lang,
            ),
            Exit::Ok,
        ));
    }
    let Some(dir) = &args.dir else {
        return Err(anyhow::Error::msg(tr!(lang, "signing-need-dir")));
    };
    // The page for people states the signature: rewrite it before the manifest is made, so the
    // printed page names the key that signs the bundle (an unsigned bundle's page says "-").
    let restore = restate_page(dir, &key, now, ctx)?;
    let signed = match sign::sign_bundle(dir, &key, now) {
        Ok(signed) => signed,
        Err(e) => {
            if let Some((path, old)) = restore {
                let _ = crate::atomic::write(&path, &old, None, crate::atomic::Replace::Allow);
            }
            return Err(anyhow::Error::msg(e.localize(lang)));
        }
    };
    Ok(Outcome::text(
        crate::render::signing::signed(
            dir,
            &signed,
            super::report::public_key_beside(&args.key, &signed.key_id).as_deref(),
            lang,
        ),
        Exit::Ok,
    ))
}

/// Rewrite the bundle's report.html (when it has one) as signed by `key` at `timestamp`.
/// Returns the page's old bytes, to put back when signing fails.
fn restate_page(
    dir: &std::path::Path,
    key: &SecretKey,
    timestamp: i64,
    ctx: &Context,
) -> anyhow::Result<Option<(std::path::PathBuf, Vec<u8>)>> {
    let lang = ctx.lang;
    let page = dir.join(crate::render::html::BUNDLE_FILE);
    // Only a regular file is rewritten: a FIFO would be waited on for ever and a link written
    // through, outside the bundle. Either is left for the manifest, which refuses it.
    if !std::fs::symlink_metadata(&page).is_ok_and(|m| m.is_file()) {
        return Ok(None);
    }
    let Ok(old) = crate::limits::read(&page, crate::limits::InputKind::Report) else {
        return Ok(None);
    };
    let report_path = dir.join(crate::report::FILE_NAME);
    let report_bytes = crate::limits::read_io(&report_path, crate::limits::InputKind::Report)
        .map_err(|e| {
            anyhow::Error::msg(crate::signing::SigningError::io(&report_path)(e).localize(lang))
        })?;
    let report = crate::report::Report::parse(&report_path, &report_bytes)
        .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
    let catalog = super::init::catalog(ctx)?;
    let files = crate::render::html::with_catalog(catalog, || {
        crate::render::html::bundle_files(
            &report,
            &report_bytes,
            Some(key.public.key_id.as_str()),
            timestamp,
            dir,
        )
    });
    for (name, bytes) in files {
        let path = dir.join(name);
        crate::atomic::write(&path, &bytes, None, crate::atomic::Replace::Allow).map_err(|e| {
            anyhow::Error::msg(crate::signing::SigningError::write(&path)(e).localize(lang))
        })?;
    }
    Ok(Some((page, old)))
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
    if !file.is_encrypted() {
        return file
            .unlock(None)
            .map_err(|e| anyhow::Error::msg(e.localize(lang)));
    }
    // Typed at a terminal, a wrong passphrase may be typed again: three tries in all (as sudo
    // and ssh allow). From --passphrase-env it is wrong once and for all.
    let tries = if passphrase_env.is_none() {
        passphrase::TRIES
    } else {
        1
    };
    let ask = tr!(
        lang,
        "signing-prompt-key",
        path = path.display().to_string()
    );
    let mut prompt = ask.clone();
    let mut left = tries;
    loop {
        let passphrase = passphrase::read(passphrase_env, &prompt, false, lang)?;
        left -= 1;
        match file.unlock(Some(&passphrase)) {
            Err(crate::signing::SigningError::WrongPassphrase { .. }) if left > 0 => {
                // The notice on a line of its own, the prompt under it.
                let wrong = tr!(lang, "signing-passphrase-wrong-retry", left = left);
                prompt = format!("{wrong}\n{ask}");
            }
            other => return other.map_err(|e| anyhow::Error::msg(e.localize(lang))),
        }
    }
}
