//! The one dispatch: `Command` -> `commands::<x>::run` -> `Outcome`. Also decides the context
//! (language, colour, today) once, from the environment.

use crate::checklist::Lang;
use crate::cli::{Cli, Command, LangArg};
use crate::commands::{self, Context, Outcome};
use std::io::IsTerminal;

/// The language of this run: `--lang`, else the locale.
pub fn lang(cli: &Cli) -> Lang {
    match cli.lang {
        Some(LangArg::Ja) => Lang::Ja,
        Some(LangArg::En) => Lang::En,
        None => locale_lang(),
    }
}

/// The locale's language: LC_ALL, LC_MESSAGES or LANG (see [`locale_var`]).
fn locale_lang() -> Lang {
    Lang::from_locale(locale_var)
}

/// A locale variable (LC_ALL, LC_MESSAGES, LANG) as the language choice reads it. On Windows,
/// where these are usually unset, LANG reads as the user's display language when none of the
/// three is set, so Japanese Windows gives Japanese messages and help.
pub fn locale_var(name: &str) -> Option<String> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    #[cfg(windows)]
    if name == "LANG"
        && ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .all(|k| var(k).is_none())
    {
        // SAFETY: no arguments; returns a language ID.
        let id = unsafe { windows_sys::Win32::Globalization::GetUserDefaultUILanguage() };
        // The primary language is the low 10 bits; 0x11 is LANG_JAPANESE.
        return Some(if id & 0x3ff == 0x11 { "ja" } else { "en" }.to_owned());
    }
    var(name)
}

/// The language of a run whose arguments clap refused: `--lang ja|en` (or `--lang=…`) where
/// given, else the locale.
pub fn lang_from_args(args: &[std::ffi::OsString]) -> Lang {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = it.next() {
        let value = match arg.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if arg == "--lang" => it.next(),
            None => None,
        };
        match value {
            Some("ja") => return Lang::Ja,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    locale_lang()
}

/// A command line clap refused, said in Japanese: what is wrong (a sentence of the catalog for
/// every kind of mistake; clap's English never shows), the usage line, and where to read more. `None` for help and version output, and
/// under English, where clap's own text is printed as it is.
pub fn usage_error(err: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::ErrorKind as K;
    if (lang == Lang::En && !is_round_error(err))
        || matches!(
            err.kind(),
            K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    let rendered = err.render().to_string();
    let message = usage_sentence(err, lang).unwrap_or_else(|| crate::tr!(lang, "cli-usage-error"));
    let mut out = crate::tr!(lang, "cli-error", message = message);
    if let Some(usage) = rendered.lines().find_map(|l| l.strip_prefix("Usage: ")) {
        out.push('\n');
        let usage = crate::render::text::escape_controls(usage.trim()).into_owned();
        out.push_str(&crate::tr!(lang, "cli-usage", usage = usage));
    }
    out.push('\n');
    out.push_str(&crate::tr!(lang, "cli-usage-more"));
    Some(out)
}

/// A `--round` the form does not have: said from the catalog in English too, as clap's own
/// text (`3 is not in 1..=2`) does not name the rounds.
fn is_round_error(err: &clap::Error) -> bool {
    use clap::error::{ContextKind as C, ContextValue as V};
    err.kind() == clap::error::ErrorKind::ValueValidation
        && matches!(err.get(C::InvalidArg), Some(V::String(arg)) if arg.starts_with("--round"))
}

/// What clap refused, as a sentence of the catalog, from the error's kind and context (the
/// argument, the value, what is allowed, clap's suggestion): `None` for a kind without one
/// (clap's formatting and I/O failures), said then as a command line not understood.
fn usage_sentence(err: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind as C, ErrorKind as K};
    let text = |kind: C| -> Option<String> {
        let value = match err.get(kind)? {
            clap::error::ContextValue::String(s) => s.clone(),
            clap::error::ContextValue::Strings(v) => crate::i18n::join(lang, v),
            clap::error::ContextValue::StyledStr(s) => s.to_string(),
            clap::error::ContextValue::StyledStrs(v) => {
                crate::i18n::join(lang, &v.iter().map(ToString::to_string).collect::<Vec<_>>())
            }
            clap::error::ContextValue::Number(n) => n.to_string(),
            _ => return None,
        };
        Some(crate::render::text::escape_controls(&value).into_owned())
    };
    let arg = text(C::InvalidArg).unwrap_or_default();
    let sentence = match err.kind() {
        K::MissingRequiredArgument => crate::tr!(lang, "cli-usage-missing", arg = arg),
        // An option medsec does not have, or a word where no (more) argument is taken.
        K::UnknownArgument if arg.starts_with('-') => {
            crate::tr!(lang, "cli-usage-unknown-argument", arg = arg)
        }
        K::UnknownArgument => crate::tr!(lang, "cli-usage-unexpected-argument", arg = arg),
        K::InvalidSubcommand => {
            let name = text(C::InvalidSubcommand)?;
            crate::tr!(lang, "cli-usage-unknown-subcommand", name = name)
        }
        K::MissingSubcommand => crate::tr!(lang, "cli-usage-missing-subcommand"),
        K::InvalidValue => {
            let value = text(C::InvalidValue).unwrap_or_default();
            let valid = text(C::ValidValue).unwrap_or_default();
            if value.is_empty() {
                crate::tr!(lang, "cli-usage-empty-value", arg = arg)
            } else if valid.is_empty() {
                crate::tr!(lang, "cli-usage-value-validation", arg = arg, value = value)
            } else {
                crate::tr!(
                    lang,
                    "cli-usage-invalid-value-of",
                    arg = arg,
                    value = value,
                    valid = valid
                )
            }
        }
        K::ArgumentConflict => {
            let prior = text(C::PriorArg).unwrap_or_default();
            if prior.is_empty() || prior == arg {
                crate::tr!(lang, "cli-usage-repeated", arg = arg)
            } else {
                crate::tr!(lang, "cli-usage-conflict", arg = arg, prior = prior)
            }
        }
        K::TooFewValues => crate::tr!(lang, "cli-usage-too-few", arg = arg),
        K::NoEquals => crate::tr!(lang, "cli-usage-no-equals", arg = arg),
        K::InvalidUtf8 => crate::tr!(lang, "cli-usage-invalid-utf8"),
        K::TooManyValues | K::WrongNumberOfValues => {
            crate::tr!(lang, "cli-usage-too-many", arg = arg)
        }
        // The form has two rounds: say them, whatever command took `--round`.
        K::ValueValidation if is_round_error(err) => {
            let value = text(C::InvalidValue).unwrap_or_default();
            crate::tr!(lang, "cli-usage-round", value = value)
        }
        K::ValueValidation => {
            let value = text(C::InvalidValue).unwrap_or_default();
            crate::tr!(lang, "cli-usage-value-validation", arg = arg, value = value)
        }
        _ => return None,
    };
    // Each suggestion is its own code span: `checklist`、`check`, not `checklist、check`.
    let spans = |kind: C| -> Option<String> {
        let values: Vec<String> = match err.get(kind)? {
            clap::error::ContextValue::String(s) => vec![s.clone()],
            clap::error::ContextValue::Strings(v) => v.clone(),
            clap::error::ContextValue::StyledStr(s) => vec![s.to_string()],
            clap::error::ContextValue::StyledStrs(v) => v.iter().map(ToString::to_string).collect(),
            _ => return None,
        };
        let values: Vec<String> = values
            .iter()
            .map(|v| format!("`{}`", crate::render::text::escape_controls(v)))
            .collect();
        (!values.is_empty()).then(|| crate::i18n::join(lang, &values))
    };
    let hint = spans(C::SuggestedArg)
        .or_else(|| spans(C::SuggestedSubcommand))
        .or_else(|| spans(C::SuggestedValue))
        .map(|suggestion| crate::tr!(lang, "cli-usage-did-you-mean", suggestion = suggestion));
    Some(match hint {
        Some(hint) => crate::tr!(
            lang,
            "cli-usage-with-hint",
            sentence = sentence,
            hint = hint
        ),
        None => sentence,
    })
}

/// Build the context from the arguments and the environment.
pub fn context(cli: &Cli) -> Context {
    let lang = lang(cli);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Context {
        lang,
        lang_given: cli.lang.is_some(),
        checklist_paths: cli.checklists.clone(),
        color: !no_color && std::io::stdout().is_terminal(),
        today: crate::dates::today_in_japan(),
        catalog: std::sync::OnceLock::new(),
    }
}

/// Run one command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let ctx = context(&cli);
    // The commands that pick an edition say when this year's is not known yet, from the
    // catalog the command built (none is built twice).
    let stale = |outcome: anyhow::Result<Outcome>| -> anyhow::Result<Outcome> {
        let outcome = outcome?;
        Ok(match commands::init::catalog(&ctx) {
            Ok(catalog) => outcome.with_staleness(catalog, &ctx),
            Err(_) => outcome,
        })
    };
    // The same notice printed at once, before a command that asks questions.
    let stale_now = || {
        if let Some(notice) = commands::init::catalog(&ctx)
            .ok()
            .and_then(|catalog| commands::stale_notice(catalog, &ctx))
        {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "{}",
                    crate::render::prose::for_stderr(&crate::render::text::escape_message(&notice))
                );
            }
        }
    };
    match cli.command {
        Command::Checklist(cmd) => commands::checklist::run(cmd, &ctx),
        Command::Answer(args)
            if args.import.is_none() && args.export.is_none() && std::io::stdin().is_terminal() =>
        {
            // The walk-through asks at once: the edition notice comes before the first
            // question, not after quitting, judged by the checklist the file names.
            commands::note_answers_checklist(&ctx, args.file.as_deref());
            stale_now();
            commands::answer::run(args, &ctx)
        }
        Command::Answer(args) => stale(commands::answer::run(args, &ctx)),
        Command::Init(args) => stale(commands::init::run(args, &ctx)),
        Command::Status(args) if commands::status::reads_bundles(&args) => {
            commands::status::run(args, &ctx)
        }
        Command::Status(args) => stale(commands::status::run(args, &ctx)),
        Command::Completions { shell } => Ok(commands::generate::completions(shell)),
        Command::Man => commands::generate::man(ctx.lang),
        Command::Keygen(args) => commands::keygen::run(args, &ctx),
        Command::Report(cmd) => stale(commands::report::run(cmd, &ctx)),
        Command::Render(args) => commands::render::run(args, &ctx),
        Command::Sign(args) => commands::sign::run(args, &ctx),
        Command::Verify(args) => commands::verify::run(args, &ctx),
        Command::Summarize(args) => commands::summarize::run(args, &ctx),
        Command::Probe(args) => commands::probe::run(args, &ctx),
        // In JSON too: the notice is on standard error, as status puts it.
        // On a terminal, check may walk through the open items: the notice comes first.
        Command::Check(args) if commands::check::may_ask(&args) => {
            stale_now();
            commands::check::run(args, &ctx)
        }
        Command::Check(args) => stale(commands::check::run(args, &ctx)),
    }
}

/// The error and its causes on one line in `lang`, each cause once: typed errors often repeat
/// their source in their own message, and the user should read it once. Errors quote file
/// names and file content, so control characters are shown escaped, never sent to the terminal.
pub fn error_message(err: &anyhow::Error, lang: Lang) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        // A cause already quoted (in English by a context, or in `lang`) is not said again.
        let text = localize(cause, lang);
        if message.contains(&text) || message.contains(&cause.to_string()) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    crate::render::text::escape_message(&message).into_owned()
}

/// One error in `lang`: the errors that know their catalog message say it; `std::io::Error`
/// by its kind and OS number; any other by its own text.
fn localize(err: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if let Some(e) = err.downcast_ref::<crate::checklist::ChecklistError>() {
        e.localize(lang)
    } else if let Some(e) = err.downcast_ref::<crate::limits::LimitError>() {
        e.message(lang)
    } else if let Some(e) = err.downcast_ref::<crate::atomic::LockError>() {
        e.localize(lang)
    } else if let Some(e) = err.downcast_ref::<crate::diff::DiffError>() {
        e.localize(lang)
    } else if let Some(e) = err.downcast_ref::<std::io::Error>() {
        crate::i18n::io_error(lang, e)
    } else {
        err.to_string()
    }
}

/// The line printed for a failed run: `エラー: …` / `error: …`.
pub fn error_line(err: &anyhow::Error, lang: Lang) -> String {
    let message = crate::i18n::end_sentence(lang, &error_message(err, lang));
    crate::tr!(lang, "cli-error", message = message)
}

/// The line printed when the output cannot be written.
pub fn write_error_line(err: &std::io::Error, lang: Lang) -> String {
    crate::tr!(
        lang,
        "cli-error",
        message = crate::i18n::end_sentence(
            lang,
            &crate::tr!(
                lang,
                "cli-cannot-write-output",
                reason = crate::i18n::io_error(lang, err)
            )
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_are_said_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory");
        let err = anyhow::Error::new(io).context("cannot read a.toml: No such file or directory");
        assert_eq!(
            error_message(&err, Lang::En),
            "cannot read a.toml: No such file or directory"
        );
        let err = anyhow::anyhow!("inner").context("outer");
        assert_eq!(error_message(&err, Lang::En), "outer: inner");
    }

    #[test]
    fn usage_errors_are_said_in_japanese_with_clap_s_detail() {
        let args: Vec<std::ffi::OsString> = ["medsec", "--lang", "ja", "checklist", "show"]
            .iter()
            .map(Into::into)
            .collect();
        assert_eq!(lang_from_args(&args), Lang::Ja);
        let Err(err) = Cli::try_parse_args(args) else {
            panic!("a missing argument parses");
        };
        let text = usage_error(&err, Lang::Ja).unwrap();
        assert!(
            text.starts_with("エラー: 必要な指定がありません: `<ID[@EDITION]>`"),
            "{text}"
        );
        assert!(!text.contains("the following"), "{text}");
        for (args, said) in [
            (
                &["medsec", "--lang", "ja", "verfy"][..],
                "`verfy`というコマンドはありません。`verify`のことですか？",
            ),
            (
                &["medsec", "--lang", "ja", "keygen", "--no-passphrase"][..],
                "`--no-passphrase`という指定はありません。",
            ),
            (
                &["medsec", "--lang", "ja", "status", "--as-of"][..],
                "`--as-of <DATE>`に値を指定してください。",
            ),
            (
                &["medsec", "--lang", "ja", "checklist", "lint", "--format", "x", "f"][..],
                "`--format <FORMAT>`に`x`は指定できません(指定できる値: table、json、sarif、junit)。",
            ),
            (
                &["medsec", "--lang", "ja", "verify", "--pubkey", "a", "--trusted", "b", "d"][..],
                "`--pubkey <FILE>`と`--trusted <FILE>`は同時に指定できません。",
            ),
        ] {
            let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
            let Err(err) = Cli::try_parse_args(args) else {
                panic!("{said} parses");
            };
            let text = usage_error(&err, Lang::Ja).unwrap();
            assert!(text.starts_with(&format!("エラー: {said}")), "{text}");
        }
        assert!(text.contains("使い方: `medsec checklist show"), "{text}");
        assert!(usage_error(&err, Lang::En).is_none());
        let args: Vec<std::ffi::OsString> = ["medsec", "--lang=en", "x"]
            .iter()
            .map(Into::into)
            .collect();
        assert_eq!(lang_from_args(&args), Lang::En);
    }

    #[test]
    fn controls_from_input_are_escaped() {
        let err = anyhow::anyhow!("cannot read evil\n1 valid\u{1b}[2J.toml");
        assert_eq!(
            error_message(&err, Lang::En),
            "cannot read evil\\n1 valid\\u{1b}[2J.toml"
        );
    }
}
