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

pub mod detail;
#[cfg(test)]
mod split;

use crate::checklist::{Checklist, Lang};
use crate::diagnostic::{Arg, MessageRef, Typed};
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::LanguageLoader;
use rust_embed::RustEmbed;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Catalog;

/// One language's catalog: its file split into messages without parsing them, each message
/// parsed the first time it is asked for. A command says a few dozen of the catalog's
/// thousand messages, and parsing the whole file was most of start-up.
///
/// A message that names another (`{ common-io-error }`) is loaded with it. A test checks that
/// each message parses alone to the same syntax tree as in the whole file, and says the same
/// text loaded this way as from the whole file.
///
/// Making the catalog costs nothing at start-up: the file is embedded and read in place, and
/// its index (each message's ID and place, sorted by ID) is made by build.rs from the same
/// file; no loader is made until a message is said.
pub struct Messages {
    lang: Lang,
    /// The whole file as embedded.
    file: &'static str,
    /// `(ID, start, end)` of each message's source (from its first line to the next entry) in
    /// `file`, sorted by ID.
    index: &'static [(&'static str, usize, usize)],
    /// The loader of each message of `index`, made when it is first said (boxed: a loader is
    /// large, and most are never made).
    loaders: Vec<OnceLock<Box<FluentLanguageLoader>>>,
    /// What an unknown ID gets: a loader with no messages (it says the ID is missing).
    empty: OnceLock<FluentLanguageLoader>,
}

/// The catalog files, embedded at build time (checked by tests/catalog.rs).
const JA_FILE: &str = include_str!("../i18n/ja/medsec.ftl");
const EN_FILE: &str = include_str!("../i18n/en/medsec.ftl");

// `JA_INDEX` and `EN_INDEX`, made by build.rs with `split::split_messages`.
include!(concat!(env!("OUT_DIR"), "/i18n_index.rs"));

impl Messages {
    fn new(lang: Lang) -> Self {
        let (file, index) = match lang {
            Lang::Ja => (JA_FILE, JA_INDEX),
            Lang::En => (EN_FILE, EN_INDEX),
        };
        let loaders = std::iter::repeat_with(OnceLock::new)
            .take(index.len())
            .collect();
        Messages {
            lang,
            file,
            index,
            loaders,
            empty: OnceLock::new(),
        }
    }

    /// The place of message `id` in `index`.
    fn find(&self, id: &str) -> Option<usize> {
        self.index.binary_search_by(|(k, _, _)| (*k).cmp(id)).ok()
    }

    /// The source of message `i`, as in the file.
    fn source(&self, i: usize) -> Option<&'static str> {
        let (_, start, end) = self.index.get(i)?;
        self.file.get(*start..*end)
    }

    /// The source of message `i`, and of the messages it names (`{ other-message }`), and of
    /// theirs: what a bundle needs to format it.
    fn source_with_references(&self, i: usize) -> String {
        let mut todo = vec![i];
        let mut done = Vec::new();
        let mut out = String::new();
        while let Some(i) = todo.pop() {
            if done.contains(&i) {
                continue;
            }
            done.push(i);
            let Some(source) = self.source(i) else {
                continue;
            };
            out.push_str(source);
            out.push('\n');
            todo.extend(references(source).filter_map(|id| self.find(id)));
        }
        // A checkout with Windows line ends: the messages are read with `\n` ends.
        if out.contains('\r') {
            out = out.replace("\r\n", "\n");
        }
        out
    }

    /// The loader holding no message.
    fn empty(&self) -> &FluentLanguageLoader {
        self.empty.get_or_init(|| new_loader("medsec", self.lang))
    }

    /// The loader holding message `id` (parsed now if it was not yet), or one holding none.
    fn loader(&self, id: &str) -> &FluentLanguageLoader {
        let Some(i) = self.find(id) else {
            return self.empty();
        };
        let Some(cell) = self.loaders.get(i) else {
            return self.empty();
        };
        cell.get_or_init(|| {
            let source = self.source_with_references(i);
            let loader = new_loader("medsec", self.lang);
            // The message was checked by tests; a failure leaves it missing, never a panic.
            let _ = loader.load_languages(&OneFile(source.as_bytes()), &[language_id(self.lang)]);
            // Fluent wraps arguments in Unicode isolation marks by default; a terminal shows
            // them as stray characters and they would end up in CSV cells, so they are off
            // (set after loading: it applies to the bundles loaded).
            loader.set_use_isolating(false);
            Box::new(loader)
        })
    }

    /// Whether the catalog holds message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.loader(id).has(id)
    }

    /// Message `id` without arguments.
    pub fn get(&self, id: &str) -> String {
        self.loader(id).get(id)
    }

    /// Message `id` with arguments (what [`tr!`](crate::tr) calls).
    pub fn get_args_concrete<'args>(
        &self,
        id: &str,
        args: HashMap<&'args str, fluent::FluentValue<'args>>,
    ) -> String {
        self.loader(id).get_args_concrete(id, args)
    }

    /// Message `id` with arguments given as a map.
    pub fn get_args<'a, S, V>(&self, id: &str, args: HashMap<S, V>) -> String
    where
        S: Into<Cow<'a, str>> + Clone,
        V: Into<fluent::FluentValue<'a>> + Clone,
    {
        self.loader(id).get_args(id, args)
    }
}

/// The IDs a message's source may name as other messages: every `{ name }` and
/// `{ name.attribute }`. A word taken for one that is not (none is known) only adds a message
/// to the bundle.
fn references(source: &str) -> impl Iterator<Item = &str> {
    source.split('{').skip(1).filter_map(|after| {
        let after = after.trim_start();
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .count();
        let (name, rest) = after.split_at_checked(len)?;
        let rest = rest.trim_start();
        let starts_with_letter = name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
        (starts_with_letter && (rest.starts_with('}') || rest.starts_with('.'))).then_some(name)
    })
}

/// One message's source, served to i18n-embed as the language's whole file.
struct OneFile<'a>(&'a [u8]);

impl i18n_embed::I18nAssets for OneFile<'_> {
    fn get_files(&self, _file_path: &str) -> Vec<Cow<'_, [u8]>> {
        vec![Cow::Borrowed(self.0)]
    }

    fn filenames_iter(&self) -> Box<dyn Iterator<Item = String> + '_> {
        Box::new(std::iter::empty())
    }
}

/// The language's tag (`ja`, `en`), as `--lang` takes it.
pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    }
}

fn language_id(lang: Lang) -> i18n_embed::unic_langid::LanguageIdentifier {
    lang_tag(lang).parse().unwrap_or_default()
}

/// A loader for `domain` in `lang` alone: the language asked for is its own fallback, as both
/// files hold every message (tests/lang/catalog.rs).
fn new_loader(domain: &str, lang: Lang) -> FluentLanguageLoader {
    FluentLanguageLoader::new(domain, language_id(lang))
}

static JA: LazyLock<Messages> = LazyLock::new(|| Messages::new(Lang::Ja));
static EN: LazyLock<Messages> = LazyLock::new(|| Messages::new(Lang::En));

/// The catalog of `lang`, for [`tr!`](crate::tr).
pub fn loader(lang: Lang) -> &'static Messages {
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
        $crate::i18n::tidy(i18n_embed_fl::fl!($crate::i18n::loader($lang), $id))
    };
    ($lang:expr, $id:literal, $($args:tt)*) => {
        $crate::i18n::tidy(i18n_embed_fl::fl!($crate::i18n::loader($lang), $id, $($args)*))
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
            let text = match v {
                // An argument named `detail` holds a library's own text (a parser's error).
                Arg::Text(raw) if k == "detail" => detail::text(lang, raw),
                _ => render_arg(lang, v, checklist),
            };
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
    tidy(loader.get_args_concrete(&message.id, args))
}

/// A message with one 「。」 where a sentence put into another ends right before the
/// holder's own 「。」 (「…読めません: { $reason }。」 with a reason that ends with 。), and none
/// right before a closing bracket, where a part that ends with 。 sits in the holder's brackets
/// (「…読めません(詳細: { $detail })。」 with a detail that ends with 。 gives 「…(詳細: …)。」,
/// not 「…。)。」): every Japanese sentence of the catalog ends with 。, whether shown alone or
/// inside another.
pub fn tidy(text: String) -> String {
    const DOUBLED: [(&str, &str); 3] = [("。。", "。"), ("。)", ")"), ("。\u{ff09}", "\u{ff09}")];
    if !DOUBLED.iter().any(|(from, _)| text.contains(from)) {
        return text;
    }
    let mut out = text;
    for (from, to) in DOUBLED {
        while out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
}

/// A message shown alone as an error, its sentence ended: in Japanese, a message whose last
/// part is a detail joined after 「: 」 (an I/O error's words, a reason from another message)
/// gets the 。 that detail lacks (「…に書き込めません: フォルダ`x`がありません。」). Messages of
/// several lines (a list after its heading) and English are as given.
pub fn end_sentence(lang: Lang, message: &str) -> String {
    let message = message.trim_end();
    let ended = message.ends_with(['。', '？', '！', '?', '!']);
    if lang != Lang::Ja || ended || message.is_empty() || message.contains('\n') {
        return message.to_owned();
    }
    tidy(format!("{message}。"))
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
                .and_then(|c| c.named_item(id))
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
        Typed::Bilingual { ja, en } => match lang {
            Lang::Ja => ja.clone(),
            Lang::En => en.clone(),
        },
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
/// = e)`. Values are kept as text (`to_string`), or as given when typed ([`list`] for several
/// values). The ID and argument names are checked at compile time like [`tr!`](crate::tr).
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
                $crate::i18n::ToRecorded::recorded(&$v),
            )),*]
            .into_iter()
            .collect(),
        }
    }};
}

/// A value of [`msg_ref!`](crate::msg_ref): text (anything `Display`), or a typed value said in
/// the reader's language when shown.
pub trait ToRecorded {
    fn recorded(&self) -> Arg;
}

impl<T: std::fmt::Display + ?Sized> ToRecorded for T {
    fn recorded(&self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl ToRecorded for Typed {
    fn recorded(&self) -> Arg {
        Arg::Typed(self.clone())
    }
}

/// Several values as one argument, joined when shown with the catalog's
/// `common-list-separator` (「、」 in Japanese, ", " in English), never with a comma in Rust.
pub fn list<S: ToString>(items: impl IntoIterator<Item = S>) -> Typed {
    Typed::List {
        separator: "common-list-separator".to_owned(),
        items: items
            .into_iter()
            .map(|s| Arg::Text(s.to_string()))
            .collect(),
    }
}

/// Several values joined with the catalog's `common-list-separator` in `lang`, for a list
/// that goes into a sentence now.
pub fn join<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(&tr!(lang, "common-list-separator"))
}

/// Paths (or other code) for a sentence in `lang`: each a code span of its own, joined with
/// the catalog's `common-list-separator` (「`a.toml`、`b.toml`」), so a list never reads as one
/// path and each entry shows as `<code>` in HTML (docs/glossary.md, "Writing Japanese").
pub fn join_code<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let spans: Vec<String> = items.iter().map(|i| format!("`{}`", i.as_ref())).collect();
    join(lang, &spans)
}

/// The arguments of `common-io-error` for an I/O error: a stable key for its kind, and the
/// operating system's error number when the kind has no words of its own (`none` otherwise).
/// `std::io::Error`'s own text is English; people read the catalog's words, and the OS number
/// only where the words are the catch-all 「入出力エラーが起きました」.
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
    // The number only where the words cannot say more (kind `other`): 「ファイルまたはフォルダが
    // ありません」 needs no 「(OSのエラー番号2)」 after it, in any command.
    let code = err
        .raw_os_error()
        .filter(|_| kind == "other")
        .map_or_else(|| "none".to_owned(), |c| c.to_string());
    [("kind", kind.to_owned()), ("code", code)]
}

/// An I/O error for people in `lang`: the catalog's words for its kind (`ファイルまたはフォルダが
/// ありません`), the OS error number in parentheses only for a kind without words. An error made by medsec
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
/// (see `crate::cli::help_ja`), so they are not checked at compile time; tests/lang/help_ja.rs checks
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
    fn an_error_alone_ends_its_japanese_sentence() {
        for (given, ended) in [
            (
                "`/x/k.key`に書き込めません: フォルダ`/x`がありません",
                "`/x/k.key`に書き込めません: フォルダ`/x`がありません。",
            ),
            (
                "`nai`を読めません: ファイルまたはフォルダがありません (OS エラー 2)",
                "`nai`を読めません: ファイルまたはフォルダがありません (OS エラー 2)。",
            ),
            ("読めません。", "読めません。"),
            ("問題があります:\n  - a", "問題があります:\n  - a"),
        ] {
            assert_eq!(end_sentence(Lang::Ja, given), ended, "{given}");
        }
        assert_eq!(
            end_sentence(Lang::En, "cannot read `a`: gone"),
            "cannot read `a`: gone"
        );
    }

    #[test]
    fn tidy_leaves_one_full_stop_and_none_before_a_closing_bracket() {
        for (given, tidied) in [
            ("読めません: 空のパスです。。", "読めません: 空のパスです。"),
            (
                "読めません(詳細: 空のパスです。)。",
                "読めません(詳細: 空のパスです)。",
            ),
            (
                "読めません(詳細: 空です。。)。",
                "読めません(詳細: 空です)。",
            ),
            (
                "読めません(空です。\u{ff09}。",
                "読めません(空です\u{ff09}。",
            ),
            // Sentences inside brackets keep the 。 between them, and text without one is as given.
            (
                "(保管してください。モード0600)",
                "(保管してください。モード0600)",
            ),
            (
                "cannot read `a.toml` (empty.)",
                "cannot read `a.toml` (empty.)",
            ),
        ] {
            assert_eq!(tidy(given.to_owned()), tidied, "{given}");
        }
    }

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
        assert_eq!(tr!(Lang::Ja, "common-count-items", count = 1), "1件");
    }

    /// The catalog is split into messages without parsing it: each message alone must parse to
    /// what the whole file holds, and say the same text (a reference to another message or a
    /// term would not).
    #[test]
    fn each_message_alone_is_as_in_the_whole_file() {
        use fluent_syntax::ast::Entry;
        for lang in [Lang::Ja, Lang::En] {
            let catalog = loader(lang);
            let whole = fluent::FluentResource::try_new(catalog.file.to_owned())
                .unwrap_or_else(|(_, e)| panic!("{lang:?}: {e:?}"));
            let full = FluentLanguageLoader::new("medsec", language_id(lang));
            full.load_languages(&OneFile(catalog.file.as_bytes()), &[language_id(lang)])
                .unwrap();
            full.set_use_isolating(false);
            let mut seen = 0;
            for entry in whole.entries() {
                let Entry::Message(message) = entry else {
                    assert!(
                        matches!(
                            entry,
                            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_)
                        ),
                        "{lang:?}: only messages and comments: {entry:?}"
                    );
                    continue;
                };
                seen += 1;
                let id = message.id.name;
                let i = catalog
                    .find(id)
                    .unwrap_or_else(|| panic!("{lang:?}: {id} not split out"));
                let source = catalog.source(i).unwrap().replace("\r\n", "\n");
                let alone = fluent::FluentResource::try_new(source.clone())
                    .unwrap_or_else(|(_, e)| panic!("{lang:?} {id}: {e:?}"));
                let messages: Vec<_> = alone
                    .entries()
                    .filter_map(|e| match e {
                        Entry::Message(m) => Some(m),
                        _ => None,
                    })
                    .collect();
                assert_eq!(messages.len(), 1, "{lang:?} {id}: {source}");
                let m = messages[0];
                assert_eq!(
                    (&m.id, &m.value, &m.attributes),
                    (&message.id, &message.value, &message.attributes),
                    "{lang:?} {id}"
                );
                assert_eq!(catalog.get(id), full.get(id), "{lang:?} {id}");
            }
            assert_eq!(seen, catalog.index.len(), "{lang:?}");
            assert!(seen > 100, "{lang:?}: {seen} messages");
        }
    }

    /// The index build.rs made is the file's: every message, in its place, found by its ID.
    #[test]
    fn the_build_time_index_is_the_embedded_file_s() {
        for lang in [Lang::Ja, Lang::En] {
            let catalog = loader(lang);
            let split = split::split_messages(catalog.file);
            assert_eq!(split.len(), catalog.index.len(), "{lang:?}");
            for (id, source) in split {
                let id = &catalog.file[id];
                let i = catalog.find(id).unwrap_or_else(|| panic!("{lang:?}: {id}"));
                assert_eq!(
                    catalog.source(i),
                    catalog.file.get(source),
                    "{lang:?}: {id}"
                );
            }
            assert!(
                catalog.index.windows(2).all(|w| w[0].0 < w[1].0),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn an_unknown_id_is_missing_and_said_by_its_id() {
        assert!(!loader(Lang::Ja).has("from-a-newer-medsec"));
        assert!(loader(Lang::Ja)
            .get("from-a-newer-medsec")
            .contains("from-a-newer-medsec"));
        assert!(loader(Lang::En).has("common-yes"));
    }

    #[test]
    fn recorded_messages_render_in_either_language() {
        let m = crate::diagnostic::MessageRef {
            id: "common-count-items".into(),
            args: [("count".to_owned(), Arg::Text("2".to_owned()))].into(),
        };
        assert_eq!(render(Lang::En, &m), "2 items");
        assert_eq!(render(Lang::Ja, &m), "2件");
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
    fn io_errors_say_their_kind_in_words_and_the_os_number_only_without_words() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(io_error(Lang::Ja, &e), "ファイルまたはフォルダがありません");
        assert_eq!(io_error(Lang::En, &e), "no such file or folder");
        // A kind without words of its own keeps the number for the expert (EXDEV is
        // crosses-devices on Unix; an unusual errno such as ENOTSUP-like 95 is `other`).
        #[cfg(unix)]
        {
            let e = std::io::Error::from_raw_os_error(71);
            assert_eq!(
                io_error(Lang::Ja, &e),
                "入出力エラーが起きました(OSのエラー番号71)"
            );
        }
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
