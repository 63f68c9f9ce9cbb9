//! Where a passphrase comes from: an environment variable named with --passphrase-env, or
//! the terminal without echo. Never from arguments (they show in `ps`), never printed.

use anyhow::{bail, Context as _};
use std::io::IsTerminal;

/// Read a passphrase; `confirm` asks twice on a terminal (for new keys).
pub fn read(env_var: Option<&str>, prompt: &str, confirm: bool) -> anyhow::Result<String> {
    if let Some(var) = env_var {
        return match std::env::var(var) {
            Ok(v) => Ok(v),
            Err(std::env::VarError::NotPresent) => {
                bail!("--passphrase-env {var}: the environment variable {var} is not set")
            }
            Err(std::env::VarError::NotUnicode(_)) => {
                bail!("--passphrase-env {var}: the value is not valid UTF-8")
            }
        };
    }
    if !std::io::stdin().is_terminal() {
        bail!(
            "a passphrase is needed and there is no terminal to ask on; use --passphrase-env VAR"
        );
    }
    let first = rpassword::prompt_password(prompt)
        .context("cannot read the passphrase from the terminal")?;
    if confirm {
        let again = rpassword::prompt_password("Passphrase (again): ")
            .context("cannot read the passphrase from the terminal")?;
        if again != first {
            bail!("the two passphrases differ; nothing was written");
        }
    }
    Ok(first)
}
