//! `medsec keygen --out NAME`

use super::{passphrase, Context, Outcome};
use crate::cli::keygen::KeygenArgs;
use crate::exit::Exit;
use crate::signing::keys::{self, KeyFiles, Protection};
use crate::signing::SigningError;
use crate::tr;

pub fn run(mut args: KeygenArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    // Full-width digits are the same code: keys.toml gets the ASCII one a report holds.
    args.institution = args
        .institution
        .map(|c| crate::answers::code::ascii_digits(&c));
    super::refuse_stdout("--out", Some(&args.out), lang)?;
    if let Some(code) = &args.institution {
        if code.len() != 10 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(anyhow::Error::msg(tr!(
                lang,
                "verify-keygen-code-invalid",
                code = code.as_str()
            )));
        }
    }
    let files = KeyFiles::for_name(&args.out);
    if !args.force {
        for p in [&files.secret, &files.public] {
            if p.exists() {
                let e = SigningError::Exists { path: p.clone() };
                return Err(anyhow::Error::msg(e.localize(lang)));
            }
        }
    }
    // The folder the keys go in must be there before the passphrase is asked for twice.
    if let Some(folder) = files.secret.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !folder.is_dir() {
            let e = SigningError::write(&files.secret)(std::io::ErrorKind::NotFound.into());
            return Err(anyhow::Error::msg(e.localize(lang)));
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
        secret_key_line(&secret, lang),
        tr!(lang, "signing-keygen-public", path = public.as_str()),
    ]
    .map(|line| line + "\n")
    .concat()
        + &keys_toml_entry(&args, &g.public_key, lang);
    let mut outcome = Outcome::text(text, Exit::Ok);
    if !g.encrypted {
        outcome = outcome.notice(tr!(lang, "signing-keygen-unencrypted", path = secret));
    }
    Ok(outcome)
}

/// Where the secret key is and how it is kept private: mode 0600 on Unix; on Windows, mode bits
/// mean nothing and the key's access list lets only this Windows user read it
/// (`signing::acl`).
fn secret_key_line(path: &str, lang: crate::checklist::Lang) -> String {
    #[cfg(windows)]
    let line = tr!(lang, "signing-keygen-secret-windows", path = path);
    #[cfg(not(windows))]
    let line = tr!(lang, "signing-keygen-secret", path = path);
    line
}

/// The keys.toml entry an inspector adds for this key (docs/signing.md), with what to do with
/// it.
fn keys_toml_entry(args: &KeygenArgs, public_key: &str, lang: crate::checklist::Lang) -> String {
    const PLACEHOLDER: &str = "XXXXXXXXXX";
    let header = match (&args.institution, &args.vendor) {
        (Some(code), _) => format!("[institutions.{code}]"),
        (None, Some(vendor)) => format!("[vendors.{}]", toml::Value::from(vendor.as_str())),
        (None, None) => format!("[institutions.{PLACEHOLDER}]"),
    };
    let mut out = format!(
        "\n{}\n\n{header}\nkeys = [{}]\n",
        tr!(lang, "verify-keygen-entry"),
        toml::Value::from(public_key)
    );
    if args.institution.is_none() && args.vendor.is_none() {
        out.push_str(&format!(
            "\n{}\n",
            tr!(
                lang,
                "verify-keygen-entry-placeholder",
                placeholder = PLACEHOLDER
            )
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Lang;

    #[test]
    fn the_secret_key_line_says_how_this_os_keeps_the_key_private() {
        let (en, ja) = (
            secret_key_line(r"keys\a.key", Lang::En),
            secret_key_line(r"keys\a.key", Lang::Ja),
        );
        assert!(en.contains(r"keys\a.key") && ja.contains(r"keys\a.key"));
        if cfg!(windows) {
            assert!(en.contains("only this Windows user"), "{en}");
            assert!(ja.contains("このWindowsユーザーだけ"), "{ja}");
            assert!(!en.contains("0600") && !ja.contains("0600"), "{en} / {ja}");
        } else {
            assert!(en.contains("mode 0600"), "{en}");
            assert!(ja.contains("モード0600"), "{ja}");
        }
    }
}
