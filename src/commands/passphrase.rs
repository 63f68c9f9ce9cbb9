//! Where a passphrase comes from: an environment variable named with --passphrase-env, or
//! the terminal without echo. Never from arguments (they show in `ps`), never printed.

use crate::checklist::Lang;
use crate::tr;
use std::io::IsTerminal;

/// Read a passphrase; `confirm` asks twice on a terminal (for new keys). `prompt` is shown
/// as given (a space is added after it); errors are in `lang`.
pub fn read(
    env_var: Option<&str>,
    prompt: &str,
    confirm: bool,
    lang: Lang,
) -> anyhow::Result<String> {
    if let Some(var) = env_var {
        return match std::env::var(var) {
            Ok(v) => Ok(v),
            Err(std::env::VarError::NotPresent) => Err(anyhow::Error::msg(tr!(
                lang,
                "signing-passphrase-env-unset",
                var = var
            ))),
            Err(std::env::VarError::NotUnicode(_)) => Err(anyhow::Error::msg(tr!(
                lang,
                "signing-passphrase-env-not-utf8",
                var = var
            ))),
        };
    }
    if !std::io::stdin().is_terminal() {
        return Err(anyhow::Error::msg(tr!(
            lang,
            "signing-passphrase-no-terminal"
        )));
    }
    let ask = |prompt: &str| {
        rpassword::prompt_password(format!("{prompt} ")).map_err(|e| {
            anyhow::Error::msg(tr!(
                lang,
                "signing-passphrase-unreadable",
                reason = crate::signing::io_error_text(lang, &e)
            ))
        })
    };
    if !confirm {
        return ask(prompt);
    }
    // Two passphrases that differ may be typed again: three tries in all, as `sign` gives for a
    // wrong passphrase. The notice on a line of its own, the first prompt under it.
    let mut first_prompt = prompt.to_owned();
    for left in (0..TRIES).rev() {
        let first = ask(&first_prompt)?;
        let again = ask(&tr!(lang, "signing-prompt-again"))?;
        if again == first {
            return Ok(first);
        }
        if left > 0 {
            let differ = tr!(lang, "signing-passphrase-differ-retry", left = left);
            first_prompt = format!("{differ}\n{prompt}");
        }
    }
    Err(anyhow::Error::msg(tr!(lang, "signing-passphrase-differ")))
}

/// How many times a passphrase may be typed at a terminal.
pub const TRIES: u32 = 3;
