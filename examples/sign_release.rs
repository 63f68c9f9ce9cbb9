//! Release helper for scripts/package.sh: sign downloads with medsec's own signing
//! (`medsec::signing::release::sign_file`), writing FILE.minisig beside each FILE.
//!
//! `cargo run --example sign_release -- KEY [PASSPHRASE_ENV_VAR|-] FILE...`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use medsec::signing::keys::SecretKeyFile;
use std::path::Path;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [key, passphrase_env, files @ ..] = args.as_slice() else {
        eprintln!("usage: sign_release KEY PASSPHRASE_ENV_VAR|- FILE...");
        return std::process::ExitCode::from(2);
    };
    let passphrase = (passphrase_env != "-")
        .then(|| std::env::var(passphrase_env).ok())
        .flatten();
    let key =
        match SecretKeyFile::read(Path::new(key)).and_then(|f| f.unlock(passphrase.as_deref())) {
            Ok(key) => key,
            Err(e) => {
                eprintln!("error: {e}");
                return std::process::ExitCode::from(2);
            }
        };
    let now = jiff::Timestamp::now().as_second();
    for file in files {
        match medsec::signing::release::sign_file(Path::new(file), &key, now) {
            Ok(sig) => println!("signed {file} -> {}", sig.display()),
            Err(e) => {
                eprintln!("error: {file}: {e}");
                return std::process::ExitCode::from(2);
            }
        }
    }
    std::process::ExitCode::SUCCESS
}
