//! `medsec keygen --out NAME`

use super::{passphrase, Context, Outcome};
use crate::checklist::Lang;
use crate::cli::keygen::KeygenArgs;
use crate::exit::Exit;
use crate::signing::keys::{self, KeyFiles, Protection};

pub fn run(args: KeygenArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let ja = ctx.lang == Lang::Ja;
    let files = KeyFiles::for_name(&args.out);
    if !args.force {
        for p in [&files.secret, &files.public] {
            if p.exists() {
                if ja {
                    anyhow::bail!(
                        "{} はすでにあります。上書きするには --force を付けてください",
                        p.display()
                    );
                }
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
    let (secret, public) = (g.files.secret.display(), g.files.public.display());
    let text = if ja {
        format!(
            "鍵ID {}\n秘密鍵: {secret}(本人だけが読めるように保管してください。モード 0600)\n公開鍵: {public}(検査する側に渡してください)\n",
            g.key_id
        )
    } else {
        format!(
            "key ID {}\nsecret key: {secret} (keep it private; mode 0600)\npublic key: {public} (give it to the inspectors)\n",
            g.key_id
        )
    };
    let mut outcome = Outcome::text(text, Exit::Ok);
    if !g.encrypted {
        outcome = outcome.notice(if ja {
            format!("注意: {secret} は暗号化されていません。このファイルを読める人は誰でもあなたの名前で署名できます")
        } else {
            format!("warning: {secret} is not encrypted: anyone who can read it can sign in your name")
        });
    }
    Ok(outcome)
}
