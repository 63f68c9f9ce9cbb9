//! The one message catalog: every sentence a person reads, in Japanese and English.
//!
//! The sentences live in Project Fluent files, `i18n/ja/medsec.ftl` and `i18n/en/medsec.ftl`,
//! embedded at build time; a Japanese reviewer edits them without reading Rust. Code names a
//! message by its stable ID through [`tr!`](crate::tr), which checks the ID and its arguments
//! against the Japanese file at compile time (i18n-embed-fl's `fl!`). A test checks that both
//! files hold the same IDs with the same arguments.
//!
//! Codes, file names, values and JSON stay outside the catalog: they do not change with the
//! language.

use crate::checklist::{Checklist, Lang};
use crate::diagnostic::{Arg, MessageRef, Typed};
use i18n_embed::fluent::{fluent_language_loader, FluentLanguageLoader};
use i18n_embed::LanguageLoader;
use rust_embed::RustEmbed;
use std::sync::LazyLock;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Catalog;

fn load(tag: &str) -> FluentLanguageLoader {
    // The language asked for is its own fallback, so one file is parsed, not two: both files
    // hold every message (tests/catalog.rs), and parsing the catalog is most of start-up.
    let loader: FluentLanguageLoader = match tag.parse() {
        Ok(id) => FluentLanguageLoader::new("medsec", id),
        Err(_) => fluent_language_loader!(),
    };
    // Both files are embedded at build time and checked by tests; a failure here could only
    // leave the catalog empty (messages show their IDs), never a panic.
    let _ = loader.load_fallback_language(&Catalog);
    // Fluent wraps arguments in Unicode isolation marks by default; a terminal shows them as
    // stray characters and they would end up in CSV cells, so they are off (set after loading:
    // it applies to the bundles loaded).
    loader.set_use_isolating(false);
    loader
}

static JA: LazyLock<FluentLanguageLoader> = LazyLock::new(|| load("ja"));
static EN: LazyLock<FluentLanguageLoader> = LazyLock::new(|| load("en"));

/// The loader for `lang`, for [`tr!`](crate::tr).
pub fn loader(lang: Lang) -> &'static FluentLanguageLoader {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// The text of catalog message `$id` in `$lang`, with named arguments:
/// `tr!(lang, "answers-missing-target-date", item = label)`.
///
/// The ID and argument names are checked at compile time against `i18n/ja/medsec.ftl`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        i18n_embed_fl::fl!($crate::i18n::loader($lang), $id)
    };
    ($lang:expr, $id:literal, $($args:tt)*) => {
        i18n_embed_fl::fl!($crate::i18n::loader($lang), $id, $($args)*)
    };
}

/// The text of a recorded message in `lang`, items named by their IDs (no checklist at hand);
/// see [`render_with`].
pub fn render(lang: Lang, message: &MessageRef) -> String {
    render_with(lang, message, None)
}

/// The text of a recorded message in `lang` (for findings stored language-free, such as a
/// signed report's). Typed arguments are put into words here: an item by its printed number
/// and short title from `checklist` (its ID when the checklist is not at hand or lacks it), a
/// date with 和暦 in Japanese, a fiscal year as 令和7年度 or FY2025, an answer as はい or yes.
/// Plain text is shown as recorded; digits-only text is passed as a number. An ID the catalog
/// does not hold (a report from a newer medsec) gives the ID and its arguments, never a panic.
pub fn render_with(lang: Lang, message: &MessageRef, checklist: Option<&Checklist>) -> String {
    let loader = loader(lang);
    if !loader.has(&message.id) {
        let args: Vec<String> = message
            .args
            .iter()
            .map(|(k, v)| format!("{k}={}", render_arg(lang, v, checklist)))
            .collect();
        return format!("{} {}", message.id, args.join(" "))
            .trim_end()
            .to_owned();
    }
    let args: std::collections::HashMap<&str, fluent::FluentValue<'_>> = message
        .args
        .iter()
        .map(|(k, v)| {
            let text = render_arg(lang, v, checklist);
            let value = match text.parse::<i64>() {
                // A leading zero marks a code (医療機関コード 0110113719), not a number.
                Ok(n)
                    if matches!(v, Arg::Text(_))
                        && text.bytes().all(|b| b.is_ascii_digit())
                        && (text == "0" || !text.starts_with('0')) =>
                {
                    n.into()
                }
                _ => text.into(),
            };
            (k.as_str(), value)
        })
        .collect();
    loader.get_args_concrete(&message.id, args)
}

/// One recorded argument in words in `lang` (items named from `checklist`).
pub fn render_arg(lang: Lang, arg: &Arg, checklist: Option<&Checklist>) -> String {
    let typed = match arg {
        Arg::Text(t) => return t.clone(),
        Arg::Typed(t) => t,
    };
    match typed {
        Typed::Item { id, round } => {
            let label = checklist
                .and_then(|c| c.item(id))
                .map_or_else(|| id.clone(), |i| crate::answers::messages::label(i, lang));
            match round {
                Some(r) => {
                    let round: u8 = *r;
                    tr!(lang, "answers-item-round", item = label, round = round)
                }
                None => label,
            }
        }
        Typed::Date(d) => d
            .parse::<jiff::civil::Date>()
            .map_or_else(|_| d.clone(), |date| crate::dates::for_people(date, lang)),
        Typed::FiscalYear(y) => crate::dates::fiscal_year_for_people(*y, lang),
        Typed::Answer(code) => match crate::answers::messages::response_of_code(code) {
            Some(r) => r.label(lang),
            None => code.clone(),
        },
        Typed::Kind(code) => crate::checklist::InstitutionKind::parse(code)
            .map_or_else(|| code.clone(), |k| k.label(lang).to_owned()),
        Typed::Probe(code) => crate::checklist::ProbeKind::parse(code)
            .map_or_else(|| code.clone(), |k| k.label(lang).to_owned()),
        Typed::Field { table, key } => {
            crate::answers::messages::field_text(table, key, lang).unwrap_or_else(|| key.clone())
        }
        Typed::Message(m) => render_with(lang, m, checklist),
        Typed::List { separator, items } => {
            let sep = if loader(lang).has(separator) {
                loader(lang).get(separator)
            } else {
                tr!(lang, "common-list-separator")
            };
            items
                .iter()
                .map(|a| render_arg(lang, a, checklist))
                .collect::<Vec<_>>()
                .join(&sep)
        }
        Typed::ProbeReason { details, fallback } => {
            crate::probes::messages::join_coded(details, lang, fallback)
        }
    }
}

/// The raw text of both catalog files, for tests and the reviewer's tools: `(language, text)`.
pub fn sources() -> Vec<(&'static str, String)> {
    ["ja", "en"]
        .into_iter()
        .filter_map(|l| {
            let file = Catalog::get(&format!("{l}/medsec.ftl"))?;
            Some((l, String::from_utf8_lossy(&file.data).into_owned()))
        })
        .collect()
}

/// A catalog message as a [`MessageRef`](crate::diagnostic::MessageRef), language-free, for
/// findings rendered later in the reader's language: `msg_ref!("lint-invalid-edition", edition
/// = e)`. Values are kept as text (`to_string`). The ID and argument names are checked at
/// compile time like [`tr!`](crate::tr).
#[macro_export]
macro_rules! msg_ref {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {{
        if false {
            // Never run: makes `fl!` check the ID and the argument names at compile time.
            let _ = $crate::tr!($crate::checklist::Lang::En, $id $(, $k = "")*);
        }
        $crate::diagnostic::MessageRef {
            id: $id.to_owned(),
            args: [$((
                stringify!($k).to_owned(),
                $crate::diagnostic::Arg::Text(($v).to_string()),
            )),*]
            .into_iter()
            .collect(),
        }
    }};
}

/// The arguments of `common-io-error` for an I/O error: a stable key for its kind, and the
/// operating system's error number (`none` when there is none). `std::io::Error`'s own text is
/// English; people read the catalog's words, with the OS number kept for the expert.
pub fn io_error_args(err: &std::io::Error) -> [(&'static str, String); 2] {
    use std::io::ErrorKind as K;
    let kind = match err.kind() {
        K::NotFound => "not-found",
        K::PermissionDenied => "permission-denied",
        K::AlreadyExists => "already-exists",
        K::IsADirectory => "is-a-directory",
        K::NotADirectory => "not-a-directory",
        K::DirectoryNotEmpty => "directory-not-empty",
        K::ReadOnlyFilesystem => "read-only",
        K::StorageFull => "storage-full",
        K::FileTooLarge => "file-too-large",
        K::InvalidData => "invalid-data",
        K::InvalidInput => "invalid-input",
        K::UnexpectedEof => "unexpected-eof",
        K::TimedOut => "timed-out",
        K::Interrupted => "interrupted",
        K::WouldBlock | K::ResourceBusy => "busy",
        K::BrokenPipe => "broken-pipe",
        K::CrossesDevices => "crosses-devices",
        K::OutOfMemory => "out-of-memory",
        K::Unsupported => "unsupported",
        _ => "other",
    };
    let code = err
        .raw_os_error()
        .map_or_else(|| "none".to_owned(), |c| c.to_string());
    [("kind", kind.to_owned()), ("code", code)]
}

/// An I/O error for people in `lang`: the catalog's words for its kind and the OS error number
/// in parentheses (`ファイルまたはフォルダがありません (OS エラー 2)`). An error made by medsec
/// itself around a limit says its own localized text.
pub fn io_error(lang: Lang, err: &std::io::Error) -> String {
    if let Some(limit) = err
        .get_ref()
        .and_then(|e| e.downcast_ref::<crate::limits::LimitError>())
    {
        return limit.message(lang);
    }
    let [(_, kind), (_, code)] = io_error_args(err);
    tr!(lang, "common-io-error", kind = kind, code = code)
}

/// The Japanese `--help` texts (`i18n/ja/help.ftl`, its own domain: the English side is the clap
/// doc comments in src/cli/, not a catalog file). Looked up by IDs made from the command tree
/// (see `crate::cli::help_ja`), so they are not checked at compile time; tests/help_ja.rs checks
/// that every command and argument has one and every one is used.
static HELP_JA: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let id: i18n_embed::unic_langid::LanguageIdentifier = "ja".parse().unwrap_or_default();
    let loader = FluentLanguageLoader::new("help", id.clone());
    // Embedded at build time and checked by tests; a failure leaves the English help.
    let _ = loader.load_languages(&Catalog, &[id]);
    loader.set_use_isolating(false);
    loader
});

/// The Japanese help text `id` from `i18n/ja/help.ftl`, if it holds one.
pub fn help_ja(id: &str) -> Option<String> {
    HELP_JA.has(id).then(|| HELP_JA.get(id))
}

/// The raw text of `i18n/ja/help.ftl`, for tests.
pub fn help_ja_source() -> String {
    Catalog::get("ja/help.ftl")
        .map(|f| String::from_utf8_lossy(&f.data).into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_load_and_differ() {
        let ja = tr!(Lang::Ja, "common-yes");
        let en = tr!(Lang::En, "common-yes");
        assert_eq!(ja, "はい");
        assert_eq!(en, "Yes");
    }

    #[test]
    fn arguments_have_no_isolation_marks() {
        let s = tr!(Lang::En, "common-count-items", count = 3);
        assert_eq!(s, "3 items");
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'));
        assert_eq!(tr!(Lang::En, "common-count-items", count = 1), "1 item");
        assert_eq!(tr!(Lang::Ja, "common-count-items", count = 1), "1 件");
    }

    #[test]
    fn recorded_messages_render_in_either_language() {
        let m = crate::diagnostic::MessageRef {
            id: "common-count-items".into(),
            args: [("count".to_owned(), Arg::Text("2".to_owned()))].into(),
        };
        assert_eq!(render(Lang::En, &m), "2 items");
        assert_eq!(render(Lang::Ja, &m), "2 件");
        let unknown = crate::diagnostic::MessageRef {
            id: "from-a-newer-medsec".into(),
            args: [("x".to_owned(), Arg::Text("1".to_owned()))].into(),
        };
        assert_eq!(render(Lang::Ja, &unknown), "from-a-newer-medsec x=1");
    }
}

#[cfg(test)]
mod io_error_tests {
    use super::*;

    #[test]
    fn io_errors_say_their_kind_in_the_language_and_keep_the_os_number() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(
            io_error(Lang::Ja, &e),
            "ファイルまたはフォルダがありません (OS エラー 2)"
        );
        assert_eq!(
            io_error(Lang::En, &e),
            "no such file or folder (os error 2)"
        );
        let e = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "x");
        assert_eq!(io_error(Lang::Ja, &e), "アクセスが許可されていません");
    }

    #[test]
    fn a_limit_inside_an_io_error_says_its_own_text() {
        let limit = crate::limits::LimitError::NotAFile { path: "a/b".into() };
        let e = std::io::Error::from(limit);
        assert!(io_error(Lang::Ja, &e).contains("通常のファイルではありません"));
    }

    #[test]
    fn recorded_numbers_with_a_leading_zero_stay_text() {
        let m = crate::msg_ref!("lint-invalid-number", id = "x", number = "007");
        assert!(render(Lang::En, &m).contains("`007`"));
    }
}
