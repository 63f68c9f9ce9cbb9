//! The one place where a library's English error text (toml, serde, serde_json, YAML, zip,
//! SQLite) becomes the catalog's words. Libraries' messages have fixed English shapes; the
//! families people meet are parsed here and said in words of the `## details` catalog section.
//! In Japanese an unmapped text never reaches the reader: a generic sentence and the position
//! stand for it (the raw text stays in JSON output and under `--lang en`).

use crate::checklist::Lang;
use crate::tr;

/// A library's error text for people in `lang`. Known families are said in the catalog's words,
/// the position kept (`3行目 5文字目`); under English an unknown text stays as it is, under
/// Japanese it becomes a generic sentence with its position.
pub fn text(lang: Lang, raw: &str) -> String {
    text_for_key(lang, raw, None)
}

/// Like [`text`], naming `key` (the setting the error is about, when the caller knows it) in
/// the sentences about a value or its type.
pub fn text_for_key(lang: Lang, raw: &str, key: Option<&str>) -> String {
    let (message, position) = split_position(raw);
    // A parser's English is mapped first, even when it quotes Japanese from the file
    // (unknown variant `いいえ`); other text with Japanese in it is already medsec's own words.
    let said = mapped(lang, message.trim(), key);
    if said.is_none() && !raw.is_ascii() && raw.chars().any(|c| c as u32 >= 0x3000) {
        return raw.to_owned();
    }
    // English keeps a text it cannot map as it is; Japanese never shows it.
    let keep_raw = matches!(lang, Lang::En);
    let said = match said {
        Some(said) => said,
        None if keep_raw => return raw.trim().to_owned(),
        None => tr!(lang, "details-unmapped"),
    };
    match position {
        // Column 0 is serde_json's place of an empty input: no place to show.
        Some((line, column)) if column > 0 => tr!(
            lang,
            "details-at",
            text = said,
            line = line,
            column = column
        ),
        _ => said,
    }
}

/// A path that is no regular file, said plainly: a folder (the usual mistake) or else a
/// device or a pipe.
pub fn not_a_file(lang: Lang, path: &std::path::Path) -> String {
    let shown = path.display().to_string();
    if path.is_dir() {
        tr!(lang, "details-is-folder", path = shown)
    } else {
        tr!(lang, "details-not-regular", path = shown)
    }
}

/// [`not_a_file`]'s English (as evidence records it, and as older medsec said it) in `lang`.
fn recorded_not_a_file(lang: Lang, message: &str) -> Option<String> {
    // The path sits inside the sentence (a code span: `` `/a` is a folder; give a file ``):
    // what comes before and after it in the catalog's English, matched on both sides.
    const MARK: &str = "\u{1}";
    let around = |text: String| -> (String, String) {
        match text.split_once(MARK) {
            Some((before, after)) => (before.to_owned(), after.to_owned()),
            None => (String::new(), text),
        }
    };
    let path = [
        tr!(Lang::En, "details-is-folder", path = MARK),
        tr!(Lang::En, "details-not-regular", path = MARK),
    ]
    .into_iter()
    .find_map(|text| {
        let (before, after) = around(text);
        message
            .strip_prefix(before.as_str())?
            .strip_suffix(after.as_str())
            .map(str::to_owned)
    })
    .or_else(|| {
        message
            .strip_suffix(" is not a regular file; medsec reads only regular files here")
            .map(str::to_owned)
    })?;
    Some(not_a_file(lang, std::path::Path::new(&path)))
}

/// The key of the `key = value` line that holds byte `offset` of `source` (TOML), if any: the
/// setting a type error is about.
pub fn key_at(source: &str, offset: usize) -> Option<String> {
    let start = source.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line = source.get(start..)?.lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_owned())
}

/// The message and its `(line, column)`: toml's report (`TOML parse error at line 2, column
/// 11` … message on its last line) or serde's suffix (` at line 1 column 0`).
fn split_position(raw: &str) -> (&str, Option<(u64, u64)>) {
    let raw = raw.trim();
    if let Some(rest) = raw.strip_prefix("TOML parse error at line ") {
        let first = rest.lines().next().unwrap_or_default();
        let position = first
            .split_once(", column ")
            .and_then(|(l, c)| Some((l.trim().parse().ok()?, c.trim().parse().ok()?)));
        let message = raw
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('|'))
            .unwrap_or(raw);
        return (message, position);
    }
    if let Some(i) = raw.rfind(" at line ") {
        let (message, tail) = raw.split_at(i);
        let tail = tail.trim_start_matches(" at line ");
        if let Some((l, c)) = tail.split_once(" column ") {
            if let (Ok(l), Ok(c)) = (l.trim().parse(), c.trim().parse()) {
                return (message, Some((l, c)));
            }
        }
    }
    (raw, None)
}

/// The catalog's sentence for a known family, or `None`.
fn mapped(lang: Lang, message: &str, key: Option<&str>) -> Option<String> {
    serde_data(lang, message, key)
        .or_else(|| recorded_not_a_file(lang, message))
        .or_else(|| toml_syntax(lang, message))
        .or_else(|| other_library(lang, message))
}

/// Whether `message` is one of serde's data errors about a value (its type or its value), not
/// about the syntax.
pub fn is_data_error(message: &str) -> bool {
    let m = message.trim();
    m.starts_with("invalid type: ") || m.starts_with("invalid value: ")
}

/// serde's standard data errors (`serde::de::Error`'s fixed English shapes).
fn serde_data(lang: Lang, message: &str, key: Option<&str>) -> Option<String> {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        let (found_kind, found_value) = unexpected(found);
        let found = tr!(
            lang,
            "details-found",
            kind = found_kind,
            value = found_value
        );
        let kind = kind_of(expected);
        return Some(match key {
            Some(key) => tr!(
                lang,
                "details-invalid-type-key",
                key = key,
                kind = kind,
                found = found
            ),
            None => tr!(lang, "details-invalid-type", kind = kind, found = found),
        });
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let found = rest.split_once(", expected ").map_or(rest, |(f, _)| f);
        let (found_kind, found_value) = unexpected(found);
        let found = tr!(
            lang,
            "details-found",
            kind = found_kind,
            value = found_value
        );
        return Some(match key {
            Some(key) => tr!(lang, "details-invalid-value-key", key = key, found = found),
            None => tr!(lang, "details-invalid-value", found = found),
        });
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let length = rest.split(',').next().unwrap_or_default().trim();
        return Some(tr!(lang, "details-invalid-length", length = length));
    }
    if let Some(name) = quoted(message, "missing field `") {
        return Some(tr!(lang, "details-missing-field", key = name));
    }
    if let Some(name) = quoted(message, "duplicate field `") {
        return Some(tr!(lang, "details-duplicate-field", key = name));
    }
    if let Some(name) = quoted(message, "unknown field `") {
        return Some(match one_of(lang, message) {
            Some(expected) => tr!(
                lang,
                "details-unknown-field",
                key = name,
                expected = expected
            ),
            None => tr!(lang, "details-unknown-field-none", key = name),
        });
    }
    if let Some(name) = quoted(message, "unknown variant `") {
        let expected = one_of(lang, message).unwrap_or_default();
        return Some(tr!(
            lang,
            "details-unknown-variant",
            value = name,
            expected = expected
        ));
    }
    None
}

/// The text between `prefix` and the next backquote.
fn quoted<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.split('`').next()
}

/// The names after `expected one of ` (or `expected `), as written: `` `a`, `b` ``.
pub(crate) fn one_of(lang: Lang, message: &str) -> Option<String> {
    let (_, list) = message.split_once("expected ")?;
    let list = list.strip_prefix("one of ").unwrap_or(list);
    // serde says two names as "`a` or `b`" and more as "one of `a`, `b`, `c`": each name,
    // joined again in `lang` (never an English "or" inside a Japanese sentence).
    let names: Vec<&str> = list
        .split(", ")
        .flat_map(|n| n.split(" or "))
        .map(str::trim)
        .filter(|n| n.starts_with('`') && n.ends_with('`'))
        .collect();
    (!names.is_empty()).then(|| super::join(lang, &names))
}

/// serde's `Unexpected` (`string "90"`, `integer `5``) as a kind key and the value.
fn unexpected(found: &str) -> (&'static str, String) {
    let found = found.trim();
    let (head, value) = match found.find([' ', '`', '"', '\'']) {
        Some(i) => found.split_at(i),
        None => (found, ""),
    };
    let value = value.trim();
    let kind = match head {
        "string" | "char" => "string",
        "integer" => "integer",
        "floating" => "float",
        "boolean" => "boolean",
        "sequence" => "array",
        "map" => "table",
        _ => "other",
    };
    let value = value.strip_prefix("point ").unwrap_or(value);
    let value = if kind == "other" { "" } else { value };
    (kind, value.to_owned())
}

/// What serde says it expected (`i64`, `a string`, `struct Config`) as a kind key.
fn kind_of(expected: &str) -> &'static str {
    let e = expected.trim();
    let e = e
        .strip_prefix("a ")
        .or_else(|| e.strip_prefix("an "))
        .unwrap_or(e);
    match e {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128"
        | "usize" | "integer" => "integer",
        "f32" | "f64" | "float" | "number" => "float",
        "string" | "str" | "char" | "borrowed string" => "string",
        "bool" | "boolean" => "boolean",
        "sequence" | "array" | "tuple" | "list" => "array",
        "map" | "table" => "table",
        "datetime" | "date" | "local date" | "offset datetime" | "TOML datetime" => "date",
        _ if e.starts_with("struct ") || e.starts_with("map ") => "table",
        _ if e.starts_with("sequence") || e.starts_with("tuple") => "array",
        _ if e.starts_with("date") || e.contains("YYYY-MM-DD") => "date",
        _ => "other",
    }
}

/// toml's syntax errors: a description, then `, expected …` tokens.
fn toml_syntax(lang: Lang, message: &str) -> Option<String> {
    let (description, expected) = match message.split_once(", expected ") {
        Some((d, e)) => (d.trim(), Some(e.trim())),
        None => (message.trim(), None),
    };
    let description = description.trim_end_matches(':');
    let said = if description == "unclosed table" {
        tr!(lang, "details-toml-unclosed-table")
    } else if description == "unclosed array table" {
        tr!(lang, "details-toml-unclosed-array-table")
    } else if description == "unclosed inline table" {
        tr!(lang, "details-toml-unclosed-inline-table")
    } else if description == "unclosed array" {
        tr!(lang, "details-toml-unclosed-array")
    } else if description.starts_with("duplicate key") {
        match description.split('`').nth(1).filter(|k| !k.is_empty()) {
            Some(key) => tr!(lang, "details-toml-duplicate-key-named", key = key),
            None => tr!(lang, "details-toml-duplicate-key"),
        }
    } else if let Some(what) = description.strip_prefix("invalid ") {
        tr!(lang, "details-toml-invalid", what = invalid_kind(what))
    } else if description == "string values must be quoted" {
        tr!(lang, "details-toml-unquoted-string")
    } else if description.contains("overflowed") || description.contains("too large") {
        tr!(lang, "details-number-too-large")
    } else if [
        "missing ",
        "extra ",
        "unexpected ",
        "unquoted keys",
        "unterminated",
        "keys cannot",
        "key with no value",
        "carriage return",
        "integers with a radix",
        "radix must",
        "redundant ",
        "too few unicode",
        "`_` may only",
    ]
    .iter()
    .any(|p| description.starts_with(p))
    {
        // The wrapping message already says the TOML is wrong: say only what is wrong here,
        // the token toml expected when it names one.
        return Some(match expected_tokens(expected) {
            Some(tokens) => tr!(lang, "details-toml-expected", tokens = tokens),
            None => tr!(lang, "details-toml-syntax", what = syntax_kind(description)),
        });
    } else {
        return None;
    };
    Some(match expected_tokens(expected) {
        Some(tokens) => tr!(lang, "details-with-expected", text = said, tokens = tokens),
        None => said,
    })
}

/// toml's `expected` list when every entry is a quoted token: `` `=` `.` ``.
fn expected_tokens(expected: Option<&str>) -> Option<String> {
    expected.and_then(|e| {
        let tokens: Vec<&str> = e.split(", ").map(str::trim).collect();
        tokens
            .iter()
            .all(|t| t.starts_with('`') && t.ends_with('`'))
            .then(|| tokens.join(" "))
    })
}

/// The family of toml's other syntax descriptions, as a key of `details-toml-syntax`.
fn syntax_kind(description: &str) -> &'static str {
    if description.starts_with("missing value") || description == "key with no value" {
        "no-value"
    } else if description.starts_with("missing comma") {
        "no-comma"
    } else if description.starts_with("missing assignment")
        || description.starts_with("extra assignment")
        || description == "extra `=`"
    {
        "assignment"
    } else if description.starts_with("extra comma") {
        "extra-comma"
    } else if description.starts_with("unterminated")
        || description.starts_with("missing opening quote")
    {
        "unterminated"
    } else if description.starts_with("unquoted keys") || description.starts_with("keys cannot") {
        "key"
    } else {
        "unexpected"
    }
}

/// The family of toml's `invalid …` descriptions.
fn invalid_kind(what: &str) -> &'static str {
    if what.contains("key") {
        "key"
    } else if what.contains("string") {
        "string"
    } else if what.contains("date") || what.contains("time") {
        "date"
    } else if what.contains("boolean") {
        "boolean"
    } else if [
        "number", "integer", "float", "mantissa", "fraction", "exponent",
    ]
    .iter()
    .any(|w| what.contains(w))
    {
        "number"
    } else {
        "other"
    }
}

/// Whether `message` is the zip crate's (or calamine's) word for a file that is no zip archive
/// or a damaged one.
pub fn is_broken_zip(message: &str) -> bool {
    let m = message.trim();
    m.contains("invalid Zip archive")
        || m.contains("Could not find EOCD")
        || m.contains("Could not find central directory end")
        || m.starts_with("Zip error")
        || m.contains("unsupported Zip archive")
}

/// serde_json, YAML, zip and SQLite texts.
fn other_library(lang: Lang, message: &str) -> Option<String> {
    let m = message.trim();
    Some(if m.starts_with("EOF while parsing") {
        tr!(lang, "details-json-eof")
    } else if m.starts_with("expected ")
        || m.starts_with("trailing ")
        || m.starts_with("key must be a string")
        || m.starts_with("invalid escape")
        || m.starts_with("invalid unicode")
        || m.starts_with("control character")
        || m.starts_with("lone leading surrogate")
    {
        tr!(lang, "details-json-syntax")
    } else if m.contains("more than one document") {
        tr!(lang, "details-yaml-multiple-documents")
    } else if m.starts_with("did not find expected")
        || m.starts_with("found ")
        || m.starts_with("mapping values are not allowed")
        || m.starts_with("while parsing")
        || m.starts_with("while scanning")
        || m.starts_with("found character that cannot start")
    {
        tr!(lang, "details-yaml-syntax")
    } else if is_broken_zip(m) {
        tr!(lang, "details-zip-invalid")
    } else if m.starts_with("file is not a database") {
        tr!(lang, "details-sqlite-not-database")
    } else if m.starts_with("database disk image is malformed") {
        tr!(lang, "details-sqlite-corrupt")
    } else if m.starts_with("database is locked") {
        tr!(lang, "details-sqlite-busy")
    } else {
        return None;
    })
}

/// What `git` said on stderr (run with `LC_ALL=C`, so in its fixed English), in `lang`: the
/// failures people meet in words; another message under English as git wrote it, under
/// Japanese its first line quoted as git's output.
pub fn git(lang: Lang, stderr: &str) -> String {
    let text = stderr.trim();
    let line = text.lines().next().unwrap_or("").trim();
    let message = line
        .trim_start_matches("fatal: ")
        .trim_start_matches("error: ");
    let quoted_after = |prefix: &str| -> Option<String> {
        let rest = message.strip_prefix(prefix)?;
        Some(rest.split('\'').next().unwrap_or(rest).to_owned())
    };
    if message.starts_with("not a git repository") {
        return tr!(lang, "details-git-not-a-repository");
    }
    if let Some(path) = quoted_after("detected dubious ownership in repository at '") {
        return tr!(lang, "details-git-dubious-ownership", path = path);
    }
    if let Some(path) = quoted_after("path '") {
        if message.contains("does not exist in") || message.contains("but not in") {
            return tr!(lang, "details-git-path-missing", path = path);
        }
    }
    if message == "Needed a single revision"
        || message.contains("unknown revision")
        || message.starts_with("bad revision")
        || message.starts_with("invalid object name")
        || message.starts_with("Not a valid object name")
    {
        return tr!(lang, "details-git-unknown-revision");
    }
    match lang {
        Lang::En if !text.is_empty() => text.to_owned(),
        _ if line.is_empty() => tr!(lang, "details-unmapped"),
        _ => tr!(lang, "details-git-said", text = line),
    }
}

/// Why a text is not a minisign signature ([`minisign_verify::Signature::decode`]'s error), in
/// words.
pub fn minisign(lang: Lang, err: &minisign_verify::Error) -> String {
    match err {
        minisign_verify::Error::InvalidEncoding => tr!(lang, "details-minisign-encoding"),
        minisign_verify::Error::UnsupportedAlgorithm
        | minisign_verify::Error::UnexpectedAlgorithm => {
            tr!(lang, "details-minisign-algorithm")
        }
        minisign_verify::Error::IoError(e) => {
            let [(_, kind), (_, code)] = crate::i18n::io_error_args(e);
            tr!(lang, "common-io-error", kind = kind, code = code)
        }
        _ => tr!(lang, "details-unmapped"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_given_as_a_file_keeps_its_reason_in_japanese() {
        let dir = tempfile::tempdir().unwrap();
        let en = not_a_file(Lang::En, dir.path());
        let ja = text(Lang::Ja, &en);
        assert_eq!(ja, not_a_file(Lang::Ja, dir.path()), "{en}");
        assert!(ja.contains("フォルダです"), "{ja}");
    }

    #[test]
    fn toml_syntax_is_said_in_words_with_its_expected_token() {
        let ja = text(Lang::Ja, "unclosed table, expected `]`");
        assert!(
            ja.contains("閉じられていません") && ja.contains("`]`"),
            "{ja}"
        );
        let en = text(Lang::En, "unclosed array table, expected `]]`");
        assert!(en.contains("`]]`"), "{en}");
    }

    #[test]
    fn a_type_error_names_the_key_and_the_kind_in_words() {
        let ja = text_for_key(
            Lang::Ja,
            "invalid type: string \"90\", expected i64",
            Some("max_unused_days"),
        );
        assert!(
            ja.contains("max_unused_days") && ja.contains("整数"),
            "{ja}"
        );
        assert!(!ja.contains("i64") && !ja.contains("invalid"), "{ja}");
    }

    #[test]
    fn serde_json_keeps_the_position_and_says_eof_plainly() {
        let ja = text(Lang::Ja, "EOF while parsing a value at line 3 column 7");
        assert!(
            ja.contains("途中で切れています") && ja.contains("3行目"),
            "{ja}"
        );
    }

    #[test]
    fn unmapped_text_stays_in_english_only() {
        assert_eq!(
            text(Lang::En, "some new library text"),
            "some new library text"
        );
        let ja = text(Lang::Ja, "some new library text at line 3 column 4");
        assert!(!ja.contains("library") && ja.contains("3行目"), "{ja}");
    }

    #[test]
    fn unknown_field_lists_the_known_ones() {
        let ja = text(
            Lang::Ja,
            "unknown field `colour`, expected one of `color`, `size`",
        );
        assert!(
            ja.contains("`colour`") && ja.contains("`color`、`size`"),
            "{ja}"
        );
        let en = text(
            Lang::En,
            "unknown field `colour`, expected one of `color`, `size`",
        );
        assert!(en.contains("`color`, `size`"), "{en}");
    }

    #[test]
    fn key_at_finds_the_setting_of_a_line() {
        let source = "[probe]\nmax_unused_days = \"90\"\n";
        let at = source.find("\"90\"").unwrap_or_default();
        assert_eq!(key_at(source, at).as_deref(), Some("max_unused_days"));
    }

    /// No run of two or more ASCII words outside `code` spans: what a Japanese reader meets.
    fn no_english(text: &str) -> bool {
        let outside: String = text
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, s)| s)
            .collect::<Vec<_>>()
            .join(" ");
        !outside
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w.iter().all(|t| t.chars().all(|c| c.is_ascii_alphabetic())))
    }

    #[test]
    fn git_failures_are_said_in_words() {
        let cases = [
            (
                "fatal: not a git repository (or any of the parent directories): .git",
                "gitリポジトリの中ではありません",
            ),
            (
                "fatal: Needed a single revision",
                "gitにそのリビジョンがありません",
            ),
            (
                "fatal: invalid object name 'main~9'.",
                "gitにそのリビジョンがありません",
            ),
            (
                "fatal: path 'checklists/a.toml' does not exist in 'HEAD'",
                "`checklists/a.toml`はそのリビジョンにありません",
            ),
            (
                "fatal: path 'a.toml' exists on disk, but not in 'HEAD~1'",
                "`a.toml`はそのリビジョンにありません",
            ),
            (
                "fatal: detected dubious ownership in repository at '/srv/c'\nTo add an exception…",
                "`/srv/c`のリポジトリは別のユーザーのもの",
            ),
            (
                "fatal: unable to read tree 0123abcd",
                "gitの出力: `fatal: unable to read tree 0123abcd`",
            ),
        ];
        for (stderr, ja) in cases {
            let said = git(Lang::Ja, stderr);
            assert!(said.contains(ja), "{stderr}: {said}");
            assert!(no_english(&said), "{stderr}: {said}");
            // The message around it, as `checklist diff` says it.
            let whole = tr!(
                Lang::Ja,
                "diff-ci-git-failed",
                revision = "HEAD",
                path = "checklists/",
                detail = said
            );
            assert!(no_english(&whole), "{whole}");
        }
        assert_eq!(
            git(Lang::En, "fatal: Needed a single revision"),
            "git knows no such revision"
        );
        assert_eq!(
            git(Lang::En, "fatal: unable to read tree 0123abcd"),
            "fatal: unable to read tree 0123abcd"
        );
    }

    #[test]
    fn a_signature_that_is_not_minisign_is_said_in_words() {
        for text in [
            "garbage",
            "untrusted comment: x\nAAAA\ntrusted comment: y\nAAAA\n",
        ] {
            let Err(e) = minisign_verify::Signature::decode(text) else {
                panic!("{text} decoded");
            };
            let ja = tr!(
                Lang::Ja,
                "verify-signature-not-minisign",
                error = minisign(Lang::Ja, &e)
            );
            assert!(ja.contains("minisignの形式ではありません"), "{ja}");
            assert!(no_english(&ja), "{ja}");
            let en = minisign(Lang::En, &e);
            assert!(en.contains("not minisign's"), "{en}");
        }
    }

    #[test]
    fn a_broken_digest_of_the_bundled_checklists_is_said_in_japanese() {
        let Err(source) = serde_json::from_str::<serde_json::Value>("{\"a\": ") else {
            panic!("parsed");
        };
        let err = crate::checklist::ChecklistError::Digest {
            file: "checklists/index.json".to_owned(),
            source,
        };
        let ja = tr!(
            Lang::Ja,
            "verify-bundled-checklists-failed",
            error = err.localize(Lang::Ja)
        );
        assert!(no_english(&ja), "{ja}");
        assert!(ja.contains("空か、途中で切れています"), "{ja}");
    }
}
