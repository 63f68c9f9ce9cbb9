//! `--help` in Japanese. The English help is the clap doc comments of this folder; the Japanese
//! texts are in `i18n/ja/help.ftl`, one per command, argument and value, by IDs made from the
//! command tree:
//!
//! - `about-PATH`, `long-about-PATH`, `after-PATH` for a command (PATH: the subcommand names
//!   joined by `-`, e.g. `checklist-import`; `medsec` for the top level),
//! - `arg-PATH-ARG` and `long-arg-PATH-ARG` for an argument (`arg-verify-as-of`; a global
//!   argument is `arg-medsec-ARG` everywhere), `value-PATH-ARG-VALUE` for a value's help,
//! - `clap-…` for clap's own help and version flags and `help` subcommand, `heading-…` for the
//!   headings (使い方, 引数, オプション, コマンド, 選択肢).
//!
//! Help is printed while parsing, so the language is found in the raw arguments (`--lang`) and
//! the locale before clap runs. tests/lang/help_ja.rs checks both ways: every text has a Japanese
//! entry, and every entry names a text.

use super::Cli;
use crate::checklist::Lang;
use clap::builder::PossibleValue;
use clap::{Arg, Command, CommandFactory};
use std::collections::BTreeSet;
use std::ffi::OsString;

/// The language for help: the first `--lang ja|en` (or `--lang=…`) before a `--`, else the
/// locale (`lookup` reads LC_ALL, LC_MESSAGES, LANG; `ja*` gives Japanese).
pub fn lang_of(args: &[OsString], lookup: impl Fn(&str) -> Option<String>) -> Lang {
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            it.next()
        } else {
            arg.strip_prefix("--lang=")
        };
        match value {
            Some("ja") => return Lang::Ja,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_locale(lookup)
}

/// The command tree for parsing, its help in `lang`. English is the doc comments as they are.
pub fn command(lang: Lang) -> Command {
    tree(lang, true)
}

/// The command tree for the man page, its help in `lang`, unwrapped: the man reader fills the
/// lines to its own width (a line break inside Japanese would read as a space there).
pub fn man_command(lang: Lang) -> Command {
    tree(lang, false)
}

fn tree(lang: Lang, wrap: bool) -> Command {
    let mut cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    // Built first, so that clap's own help and version flags and `help` subcommand exist and
    // are translated too.
    cmd.build();
    let width = help_width();
    walk(cmd, "medsec", false, &mut |id: &str| {
        // Help of arguments is printed indented (2 + 8 columns) under the argument.
        let room = if id.starts_with("arg-") || id.starts_with("long-arg-") {
            width.saturating_sub(10)
        } else {
            width
        };
        crate::i18n::help_ja(id).map(|t| if wrap { wrap_to_width(&t, room) } else { t })
    })
}

/// The width clap wraps help at: the terminal's, else `COLUMNS`, else 100.
fn help_width() -> usize {
    terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0))
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(100)
}

/// Japanese text wrapped to lines of at most `width` display columns (a full-width character
/// counts two). clap wraps only at spaces, which Japanese has few of: here a line may break
/// between any two Japanese characters, never inside a Latin word, option, path or ID, and
/// never before closing punctuation (、。」）).
pub fn wrap_to_width(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut current = String::new();
        let mut used = 0;
        for unit in units(line) {
            let w = unit.width();
            if used + w > width && used > 0 && !is_closing(unit) {
                out.push_str(current.trim_end());
                out.push('\n');
                current.clear();
                used = 0;
                if unit == " " {
                    continue;
                }
            }
            current.push_str(unit);
            used += w;
        }
        out.push_str(&current);
    }
    out
}

/// The pieces a line may break between: a `code span` and a run of visible ASCII (a Latin
/// word, an option, a path) stay whole; a space and every other character are pieces of their
/// own.
fn units(line: &str) -> Vec<&str> {
    let mut units = Vec::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let len = if c == '`' {
            rest.get(1..)
                .and_then(|r| r.find('`'))
                .map_or(rest.len(), |j| j + 2)
        } else if c.is_ascii() && c != ' ' {
            let word = rest
                .find(|ch: char| !ch.is_ascii() || ch == ' ' || ch == '`')
                .unwrap_or(rest.len());
            word.max(date_len(rest))
        } else {
            date_len(rest).max(c.len_utf8())
        };
        let Some((unit, after)) = rest.split_at_checked(len.max(1)) else {
            units.push(rest);
            break;
        };
        units.push(unit);
        rest = after;
    }
    units
}

/// The length of a date or a counted number at the start of `s` (令和8年6月3日, 2026年6月,
/// 令和7年度), which a line must not break inside; 0 when `s` starts with none.
fn date_len(s: &str) -> usize {
    let era = ["令和", "平成", "昭和"]
        .into_iter()
        .find(|e| s.starts_with(e))
        .map_or(0, str::len);
    let mut at = era;
    loop {
        let rest = s.get(at..).unwrap_or_default();
        let digits = rest
            .find(|ch: char| !ch.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            break;
        }
        let after = rest.get(digits..).unwrap_or_default();
        match ["年度", "年", "月", "日"]
            .into_iter()
            .find(|u| after.starts_with(u))
        {
            Some(unit) => at += digits + unit.len(),
            None => {
                at += digits;
                break;
            }
        }
    }
    if at == era {
        0
    } else {
        at
    }
}

/// Punctuation that must not start a line (禁則).
fn is_closing(unit: &str) -> bool {
    matches!(
        unit,
        "、" | "。" | "，" | "．" | "）" | "」" | "』" | "】" | "！" | "？" | "：" | "・" | "ー"
    )
}

/// Every ID the Japanese help needs: one per command, argument and value that has English help.
pub fn ids() -> BTreeSet<String> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut ids = BTreeSet::new();
    let _ = walk(cmd, "medsec", false, &mut |id: &str| {
        ids.insert(id.to_owned());
        None
    });
    ids
}

fn join(path: &str, name: &str) -> String {
    if path == "medsec" {
        name.to_owned()
    } else {
        format!("{path}-{name}")
    }
}

/// `cmd` at `path` with every text `text` gives replaced (`None` keeps the English). For clap's
/// `help` subcommand, `path` is its parent's: its own subcommands are copies of the real ones,
/// with the same texts.
fn walk(
    mut cmd: Command,
    path: &str,
    help_command: bool,
    text: &mut dyn FnMut(&str) -> Option<String>,
) -> Command {
    let (about, long_about, after) = if help_command {
        ("clap-help-command".to_owned(), None, None)
    } else {
        (
            format!("about-{path}"),
            Some(format!("long-about-{path}")),
            Some(format!("after-{path}")),
        )
    };
    if cmd.get_about().is_some() {
        if let Some(t) = text(&about) {
            cmd = cmd.about(t);
        }
    }
    if let (Some(_), Some(id)) = (cmd.get_long_about(), long_about) {
        if let Some(t) = text(&id) {
            cmd = cmd.long_about(t);
        }
    }
    if let (Some(_), Some(id)) = (cmd.get_after_help(), after) {
        if let Some(t) = text(&id) {
            cmd = cmd.after_help(t);
        }
    }
    if let Some(usage) = text("heading-usage") {
        cmd = cmd.help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ));
    }
    if cmd.has_subcommands() {
        if let Some(t) = text("heading-commands") {
            cmd = cmd.subcommand_help_heading(t);
        }
    }
    let arguments = text("heading-arguments");
    let options = text("heading-options");
    let arg_path = if help_command {
        join(path, "help")
    } else {
        path.to_owned()
    };
    cmd = cmd.mut_args(|arg| {
        // In a heading of their own, arguments are sorted by display order, then name: keep
        // positionals in their order.
        let (arg, heading) = if arg.is_positional() {
            let order = arg.get_index().unwrap_or_default();
            (arg.display_order(order), arguments.clone())
        } else {
            (arg, options.clone())
        };
        let arg = match heading {
            Some(h) => arg.help_heading(h),
            None => arg,
        };
        walk_arg(arg, &arg_path, text)
    });
    cmd.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            walk(sub, path, true, text)
        } else {
            let sub_path = join(path, sub.get_name());
            walk(sub, &sub_path, false, text)
        }
    })
}

fn walk_arg(mut arg: Arg, path: &str, text: &mut dyn FnMut(&str) -> Option<String>) -> Arg {
    let name = arg.get_id().as_str().replace('_', "-");
    let (short, long) = match name.as_str() {
        "help" if arg.get_long_help().is_some() => {
            ("clap-help-more".to_owned(), "clap-help-long".to_owned())
        }
        "help" => ("clap-help".to_owned(), String::new()),
        "version" => ("clap-version".to_owned(), String::new()),
        _ if arg.is_global_set() => (
            format!("arg-medsec-{name}"),
            format!("long-arg-medsec-{name}"),
        ),
        _ => (
            format!("arg-{path}-{name}"),
            format!("long-arg-{path}-{name}"),
        ),
    };
    let mut help = None;
    if arg.get_help().is_some() {
        help = text(&short);
        if let Some(t) = &help {
            arg = arg.help(t.clone());
        }
    }
    if arg.get_long_help().is_some() {
        if let Some(t) = text(&long) {
            arg = arg.long_help(t);
        }
    }
    // clap writes the possible values and the default in English (`[possible values: …]`,
    // `[default: …]`, and a list of the values' own help): written here from the Japanese texts.
    let takes_value = arg.get_num_args().is_some_and(|r| r.takes_values());
    if !takes_value || arg.is_hide_set() {
        return arg;
    }
    let shown: Vec<PossibleValue> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    let with_help = shown.iter().any(|v| v.get_help().is_some());
    let mut list = Vec::new();
    for v in shown.iter().filter(|v| v.get_help().is_some()) {
        let id = format!(
            "value-{}-{}",
            short.trim_start_matches("arg-"),
            v.get_name()
        );
        if let Some(t) = text(&id) {
            list.push(format!("  - {}: {t}", v.get_name()));
        }
    }
    let defaults: Vec<String> = if arg.is_hide_default_value_set() {
        Vec::new()
    } else {
        arg.get_default_values()
            .iter()
            .map(|d| d.to_string_lossy().into_owned())
            .collect()
    };
    let values_heading = (!shown.is_empty())
        .then(|| text("heading-values"))
        .flatten();
    let default_heading = (!defaults.is_empty())
        .then(|| text("heading-default"))
        .flatten();
    if values_heading.is_none() && default_heading.is_none() {
        return arg;
    }
    let mut marks = Vec::new();
    if let Some(h) = &default_heading {
        marks.push(format!("[{h}：{}]", defaults.join(" ")));
    }
    if let Some(h) = &values_heading {
        let names: Vec<&str> = shown.iter().map(PossibleValue::get_name).collect();
        marks.push(format!("[{h}：{}]", names.join("、")));
    }
    let help = help.unwrap_or_default();
    let short_help = format!("{help} {}", marks.join(" ")).trim().to_owned();
    arg = arg
        .hide_possible_values(true)
        .hide_default_value(true)
        .help(short_help.clone());
    if with_help {
        if let Some(h) = &values_heading {
            let mut long = format!("{help}\n\n{h}:\n{}", list.join("\n"));
            if let Some(d) = &default_heading {
                long.push_str(&format!("\n\n[{d}：{}]", defaults.join(" ")));
            }
            arg = arg.long_help(long.trim_start().to_owned());
        }
    } else if arg.get_long_help().is_some() {
        let long = arg
            .get_long_help()
            .map(ToString::to_string)
            .unwrap_or_default();
        arg = arg.long_help(format!("{long}\n\n{}", marks.join(" ")));
    }
    arg
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn japanese_help_wraps_by_display_width_at_character_boundaries() {
        let text =
            "回答ファイルを立入検査の基準で確認します。`medsec status FILE` を実行してください、\
                    mhlw-institution@fy2025 のような ID を指定します。";
        let wrapped = super::wrap_to_width(text, 20);
        for line in wrapped.lines() {
            // Over the width only by a closing mark kept on its line, or by one whole piece.
            let one_piece = super::units(line).len() == 1;
            assert!(line.width() <= 22 || one_piece, "{line:?} in\n{wrapped}");
            assert!(!line.starts_with(['、', '。', ' ']), "{wrapped}");
        }
        // Latin words, IDs and code spans are never split.
        assert!(wrapped.contains("mhlw-institution@fy2025"), "{wrapped}");
        assert!(wrapped.contains("`medsec status FILE`"), "{wrapped}");
        // Nothing is lost but the spaces a break replaces.
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squash(&wrapped), squash(text));
        assert!(wrapped.lines().count() > 3, "{wrapped}");
        // A date is never split, whatever the width.
        for width in 10..60 {
            let text = "この日（日本時間）時点で判断します（2026-06-03、2026/6/3、令和8年6月3日、R8.6.3）。\
                        令和7年度の様式です。";
            let wrapped = super::wrap_to_width(text, width);
            assert!(wrapped.contains("令和8年6月3日"), "{width}: {wrapped}");
            assert!(wrapped.contains("令和7年度"), "{width}: {wrapped}");
        }
        // Short text and existing line breaks stay as they are.
        assert_eq!(
            super::wrap_to_width("短い文です。\n\n次の段落", 40),
            "短い文です。\n\n次の段落"
        );
    }

    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_comes_from_the_arguments_then_the_locale() {
        let none = |_: &str| None;
        let ja = |k: &str| (k == "LANG").then(|| "ja_JP.UTF-8".to_owned());
        assert_eq!(
            lang_of(&args(&["m", "--lang", "ja", "--help"]), none),
            Lang::Ja
        );
        assert_eq!(
            lang_of(&args(&["m", "verify", "--lang=ja"]), none),
            Lang::Ja
        );
        assert_eq!(lang_of(&args(&["m", "--help"]), ja), Lang::Ja);
        assert_eq!(lang_of(&args(&["m", "--lang", "en"]), ja), Lang::En);
        assert_eq!(lang_of(&args(&["m", "--", "--lang", "ja"]), none), Lang::En);
        assert_eq!(lang_of(&args(&["m"]), none), Lang::En);
    }
}
