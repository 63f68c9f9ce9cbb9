//! The message catalog (i18n/{ja,en}/medsec.ftl) is whole: both files parse, hold the same
//! message IDs with the same arguments, and no room of the source builds sentences for people
//! outside it.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

fn catalog(lang: &str) -> String {
    let path = format!("{}/i18n/{lang}/medsec.ftl", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn variables_in_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => variables_in_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_in_inline(a, out);
            }
            for a in &arguments.named {
                variables_in_inline(&a.value, out);
            }
        }
        _ => {}
    }
}

fn variables_in_expression(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => variables_in_inline(i, out),
        Expression::Select { selector, variants } => {
            variables_in_inline(selector, out);
            for v in variants {
                variables_in_pattern(&v.value, out);
            }
        }
    }
}

fn variables_in_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            variables_in_expression(expression, out);
        }
    }
}

/// Message ID -> the variables it uses (in its value and attributes).
fn messages(lang: &str, text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("i18n/{lang}/medsec.ftl does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    variables_in_pattern(v, &mut vars);
                }
                for a in &m.attributes {
                    variables_in_pattern(&a.value, &mut vars);
                }
                let id = m.id.name.to_owned();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "i18n/{lang}/medsec.ftl: message `{id}` is defined twice"
                );
            }
            Entry::Junk { content } => panic!("i18n/{lang}/medsec.ftl: junk: {content}"),
            _ => {}
        }
    }
    out
}

#[test]
fn both_languages_hold_the_same_messages_with_the_same_arguments() {
    let ja_text = catalog("ja");
    let en_text = catalog("en");
    let ja = messages("ja", &ja_text);
    let en = messages("en", &en_text);
    let only_ja: Vec<_> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !ja.contains_key(*k)).collect();
    assert!(only_ja.is_empty(), "only in Japanese: {only_ja:?}");
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    for (id, vars) in &ja {
        assert_eq!(
            Some(vars),
            en.get(id),
            "message `{id}` uses different arguments in ja and en"
        );
    }
}

#[test]
fn japanese_messages_are_japanese() {
    // A message whose Japanese text has no kana or kanji was left untranslated.
    let text = catalog("ja");
    let resource = fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(r, _)| r);
    let mut untranslated = vec![];
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        let Some(value) = &m.value else { continue };
        let mut literal = String::new();
        collect_text(value, &mut literal);
        let japanese = literal.chars().any(|c| {
            matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xff00..=0xffef | 0x3000..=0x303f)
        });
        let has_letters = literal.chars().filter(|c| c.is_ascii_alphabetic()).count() > 3;
        if has_letters && !japanese && !ALLOWED_LATIN_ONLY.contains(&m.id.name) {
            untranslated.push(m.id.name.to_owned());
        }
    }
    assert!(
        untranslated.is_empty(),
        "Japanese catalog messages without Japanese: {untranslated:?}"
    );
}

/// Messages whose Japanese text is Latin only on purpose (a command line, a unit).
const ALLOWED_LATIN_ONLY: &[&str] = &[];

fn collect_text(p: &Pattern<&str>, out: &mut String) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => {
                for v in variants {
                    collect_text(&v.value, out);
                }
            }
            PatternElement::Placeable { .. } => {}
        }
    }
}

/// Sentences for people built in Rust instead of the catalog, counted per file (see
/// [`HAND_BUILT`], and thiserror `#[error("…")]` texts). These counts may
/// only go down (shrink the table as rooms move into the catalog); a file not listed must have
/// none.
const NOT_YET_IN_CATALOG: &[(&str, usize)] = &[];

/// What a sentence built in Rust looks like: a branch on the language, a pair of texts handed to
/// a chooser, an English error made on the spot.
const HAND_BUILT: &[&str] = &[
    "Lang::Ja =>",
    "Lang::En =>",
    "Lang::Ja) =>",
    "Lang::En) =>",
    "bail!(\"",
    "anyhow!(\"",
    "context(\"",
    "context(|| \"",
    "context(|| format!(\"",
    "context(format!(\"",
    "say(lang",
    "pick(lang",
    "say(ctx.lang",
];

fn count_outside_catalog(text: &str) -> usize {
    text.lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with("//"))
        .filter(|l| {
            HAND_BUILT.iter().any(|p| l.contains(p))
                || (l.starts_with("#[error(\"") && l.chars().any(|c| c.is_ascii_alphabetic()))
        })
        .count()
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn sentences_for_people_come_from_the_catalog() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![];
    rust_files(&root.join("src"), &mut files);
    let mut grown = vec![];
    let mut english = vec![];
    for path in files {
        let rel = path
            .strip_prefix(root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "src/i18n.rs" || rel.starts_with("src/fuzzing") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        // Unit tests may spell out both languages.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for literal in english_format_literals(code) {
            if !ENGLISH_FORMAT_ALLOWED
                .iter()
                .any(|(f, start, _)| *f == rel && literal.starts_with(start))
            {
                english.push(format!("{rel}: format!(\"{literal}\")"));
            }
        }
        let found = count_outside_catalog(code);
        let allowed = NOT_YET_IN_CATALOG
            .iter()
            .find(|(f, _)| *f == rel)
            .map_or(0, |(_, n)| *n);
        if found > allowed {
            grown.push(format!("{rel}: {found} (allowed {allowed})"));
        }
    }
    assert!(
        grown.is_empty(),
        "sentences for people built outside i18n/*.ftl; use tr!(lang, \"id\", …) instead:\n{}",
        grown.join("\n")
    );
    assert!(
        english.is_empty(),
        "format!(\"…\") with an English sentence (three or more English words in a row); move it to \
         i18n/*.ftl and use tr!(lang, \"id\", …), or add it to ENGLISH_FORMAT_ALLOWED with a reason:\n{}",
        english.join("\n")
    );
}

/// `format!` literals with English words in a row that never reach a person, each with the
/// reason: (file, how the literal starts, why). Keep it short; the ratchet is at 0 otherwise.
const ENGLISH_FORMAT_ALLOWED: &[(&str, &str, &str)] = &[
    (
        "src/signing/verify/official.rs",
        "medsec checklist diff",
        "a command line the finding's message quotes as code",
    ),
    (
        "src/signing/verify/content.rs",
        "medsec checklist diff",
        "a command line the finding's message quotes as code",
    ),
    (
        "src/checklist/scaffold.rs",
        "# medsec checklist new",
        "a command line in a TOML comment",
    ),
    (
        "src/probes/walk.rs",
        "symbolic link loop",
        "detail of `symlink-loop`; probes-io-problem shows the catalog text for that code",
    ),
    (
        "src/probes/patch/dpkg.rs",
        "newest Release file",
        "a JSON evidence value (`last_list_update_source`)",
    ),
    (
        "src/lint/mod.rs",
        "{}@{} is also defined",
        "English `message` for JSON; people read `text` (lint-duplicate-checklist)",
    ),
    (
        "src/lint/mod.rs",
        "cannot read folder",
        "English `message` for JSON; people read `text` (lint-unreadable-folder)",
    ),
    (
        "src/lint/mod.rs",
        "cannot list folder",
        "English `message` for JSON; people read `text` (lint-unlistable-folder)",
    ),
    (
        "src/render/templates.rs",
        "no catalog message",
        "template engine error for a template author (a bug)",
    ),
    (
        "src/render/mod.rs",
        "cannot write the output as JSON",
        "JSON output stays English",
    ),
    (
        "src/render/junit.rs",
        "<testsuites name=",
        "JUnit XML for CI",
    ),
    (
        "src/render/junit.rs",
        "  <testsuite name=",
        "JUnit XML for CI",
    ),
];

/// The literals of `format!("…")` calls (also on the next line) holding three or more English
/// words in a row, outside `{…}` placeholders and `code` spans.
fn english_format_literals(code: &str) -> Vec<String> {
    let mut out = vec![];
    let mut rest = code;
    while let Some(at) = rest.find("format!(") {
        rest = &rest[at + "format!(".len()..];
        let after = rest.trim_start();
        let Some(body) = after.strip_prefix('"') else {
            continue;
        };
        let mut literal = String::new();
        let mut escaped = false;
        for c in body.chars() {
            if escaped {
                escaped = false;
                literal.push(' ');
                continue;
            }
            match c {
                '\\' => escaped = true,
                '"' => break,
                _ => literal.push(c),
            }
        }
        if english_words_in_a_row(&literal) >= 3 {
            out.push(literal);
        }
    }
    out
}

/// The longest run of English words (letters only, optionally ending in , ; : . ) in a row, outside
/// `{…}` and `code`.
fn english_words_in_a_row(literal: &str) -> usize {
    let mut plain = String::new();
    let (mut braces, mut code) = (0usize, false);
    for c in literal.chars() {
        match c {
            '{' => braces += 1,
            '}' => braces = braces.saturating_sub(1),
            '`' => code = !code,
            _ if braces == 0 && !code => plain.push(c),
            _ => {}
        }
        if braces > 0 || code || c == '}' || c == '`' {
            plain.push('\u{1}');
        }
    }
    let (mut best, mut run) = (0, 0);
    for token in plain.split([' ', '\u{1}']) {
        let word = token.trim_end_matches([',', ';', ':', '.']);
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic()) {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// The selectors of a pattern: (the variable selected on, the keys of its variants).
fn selectors(p: &Pattern<&str>, out: &mut Vec<(String, Vec<String>)>) {
    for el in &p.elements {
        if let PatternElement::Placeable {
            expression: Expression::Select { selector, variants },
        } = el
        {
            let on = match selector {
                InlineExpression::VariableReference { id } => id.name.to_owned(),
                other => format!("{other:?}"),
            };
            let keys = variants
                .iter()
                .map(|v| match &v.key {
                    fluent_syntax::ast::VariantKey::Identifier { name } => (*name).to_owned(),
                    fluent_syntax::ast::VariantKey::NumberLiteral { value } => (*value).to_owned(),
                })
                .collect();
            out.push((on, keys));
            for v in variants {
                selectors(&v.value, out);
            }
        }
    }
}

/// The lint messages are plain sentences, one message per case: a selector in `## lint` only
/// chooses a plural form (`one`, `other`), never between sentences, nouns or languages
/// (`{ $ja -> *[other] { $en } }` showed one argument and hid the other).
#[test]
fn lint_messages_select_only_plural_forms() {
    for lang in ["ja", "en"] {
        let text = catalog(lang);
        let resource = fluent_syntax::parser::parse(text.as_str()).expect("parses");
        let mut section = String::new();
        let mut found = vec![];
        for entry in &resource.body {
            match entry {
                Entry::GroupComment(c) => section = c.content.join(" ").trim().to_owned(),
                Entry::Message(m) if section == "lint" => {
                    let mut sel = vec![];
                    if let Some(v) = &m.value {
                        selectors(v, &mut sel);
                    }
                    for (on, keys) in sel {
                        // One variant only chooses nothing: it hides an argument.
                        let plural = |k: &String| {
                            ["zero", "one", "two", "few", "many", "other"].contains(&k.as_str())
                        };
                        if keys.len() < 2 || !keys.iter().all(plural) {
                            found.push(format!("{}: on ${on}: {keys:?}", m.id.name));
                        }
                    }
                }
                _ => {}
            }
        }
        assert!(
            found.is_empty(),
            "i18n/{lang}/medsec.ftl `## lint`: selectors that switch sentences:\n{}",
            found.join("\n")
        );
    }
}

/// The text of a message as a reader sees it, placeables as `\u{1}` (their values are not
/// catalog text), select variants one after the other.
fn flat_text(p: &Pattern<&str>, out: &mut String) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => {
                for v in variants {
                    flat_text(&v.value, out);
                }
            }
            // A literal (`{" "}`) is catalog text like any other.
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => out.push_str(value),
            PatternElement::Placeable { .. } => out.push('\u{1}'),
        }
    }
}

/// Each message (value and attributes) of a catalog file: (ID, its flat text).
fn flat_messages(file: &str) -> Vec<(String, String)> {
    let path = format!("{}/i18n/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{path} does not parse: {errors:?}"));
    let mut out = vec![];
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        let mut flat = String::new();
        if let Some(v) = &m.value {
            flat_text(v, &mut flat);
        }
        for a in &m.attributes {
            flat.push('\n');
            flat_text(&a.value, &mut flat);
        }
        out.push((m.id.name.to_owned(), flat));
    }
    out
}

/// The parts of a text outside code spans (`…`), where prose rules apply.
fn outside_code(text: &str) -> Vec<&str> {
    text.split('`').step_by(2).collect()
}

/// One style of brackets in Japanese text: ASCII `(` `)` everywhere (詳細は(…), 1(医科),
/// 2-④(サーバ), 令和7年度(FY2025), as dates and labels built in Rust write them), never
/// full-width （）; a question ends with a full-width ？ (ASCII `?` only inside code spans).
/// See docs/glossary.md, "Writing Japanese".
#[test]
fn japanese_brackets_are_one_style() {
    assert_no_message_has(
        &["ja/medsec.ftl", "ja/help.ftl"],
        "full-width brackets or an ASCII question mark in Japanese text (write (), ？, or put code in `…`)",
        |text| {
            let full_width = text.contains(['（', '）']);
            let ascii_question = outside_code(text).iter().any(|p| p.contains('?'));
            if full_width || ascii_question {
                vec![text.trim().to_owned()]
            } else {
                vec![]
            }
        },
    );
}

/// Fails naming every message of `files` (as `file id: part`) in which `wrong` finds parts.
fn assert_no_message_has(files: &[&str], what: &str, wrong: impl Fn(&str) -> Vec<String>) {
    let mut found = vec![];
    for file in files {
        for (id, text) in flat_messages(file) {
            found.extend(
                wrong(&text)
                    .into_iter()
                    .map(|part| format!("{file} {id}: {part}")),
            );
        }
    }
    assert!(found.is_empty(), "{what}:\n{}", found.join("\n"));
}

/// A flag or command line in a sentence is code: `--answers FILE`, not --answers FILE, in both
/// languages (so a reader sees where the command line starts and ends).
#[test]
fn flags_are_written_as_code() {
    // The HTML report turns code spans into <code> (render/templates.rs `code_spans`), so no
    // message is exempt. A flag right after Japanese text (`は--force`) is bare too.
    assert_no_message_has(
        &["ja/medsec.ftl", "en/medsec.ftl", "ja/help.ftl"],
        "flags outside code spans (write `--flag VALUE`)",
        |text| {
            outside_code(text)
                .into_iter()
                .filter(|part| {
                    part.match_indices("--").any(|(i, _)| {
                        let after = part.get(i + 2..).and_then(|s| s.chars().next());
                        let before = part.get(..i).and_then(|s| s.chars().next_back());
                        after.is_some_and(|c| c.is_ascii_lowercase())
                            && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
                })
                .map(|part| part.trim().to_owned())
                .collect()
        },
    );
}

/// The probe settings named in messages (`min_files = 1`) are code in both languages, so a
/// wrapped line never splits `min_files` from its value (issue #10).
#[test]
fn probe_settings_in_messages_are_code() {
    for lang in ["ja", "en"] {
        for line in catalog(lang).lines().filter(|l| l.starts_with("probes-")) {
            for key in ["min_files", "min_bytes", "max_age"] {
                for (at, _) in line.match_indices(key) {
                    let before = line.get(..at).unwrap_or("");
                    assert!(
                        before.ends_with('`') || before.matches('`').count() % 2 == 1,
                        "{lang}: `{key}` outside a code span: {line}"
                    );
                }
            }
        }
    }
}

/// Kana, kanji, full-width punctuation (「」、。) and forms, circled numbers (①): the characters
/// next to which Japanese puts no space.
pub(crate) fn is_japanese(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30ff | 0x3400..=0x9fff | 0xf900..=0xfaff | 0xff00..=0xffef | 0x2460..=0x24ff)
}

/// The single spaces of a text, outside code spans, with a Japanese character on one side and
/// anything but a space on the other: 「{ $item } に」, 「3 件」, 「`--force` を付けて」,
/// 「「いいえ」 の場合」. A space stays between two ASCII words or code spans (`1 MiB`,
/// `TCP 443`), after an ASCII `:` `,` `;` (「詳細: …」), around an arrow (「済 → 未」), and in
/// runs of two or more (columns).
fn spaces_next_to_japanese(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = vec![];
    let mut in_code = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == '`' {
            in_code = !in_code;
        }
        if c != ' ' || in_code || i == 0 {
            continue;
        }
        let (Some(&before), Some(&after)) = (chars.get(i - 1), chars.get(i + 1)) else {
            continue;
        };
        if before.is_whitespace() || after.is_whitespace() {
            continue;
        }
        // An arrow keeps its spaces: 「済 → 未」.
        let arrow = |c: char| matches!(c, '→' | '←' | '⇒');
        let bad = (is_japanese(before) && !arrow(after))
            || (is_japanese(after) && !matches!(before, ':' | ',' | ';') && !arrow(before));
        if bad {
            let from = i.saturating_sub(12);
            let to = (i + 12).min(chars.len());
            let context: String = chars.get(from..to).unwrap_or_default().iter().collect();
            found.push(
                context
                    .replace(['\u{1}', '\u{2}'], "{…}")
                    .replace('\n', " "),
            );
        }
    }
    found
}

/// Japanese puts no space between a placeholder, number, code span or ASCII word and Japanese
/// text: 「{ $item }に」, 「0件」, 「2回目」, 「`--force`を付けて」 (issue #10). The rule is
/// written at the top of i18n/ja/medsec.ftl and in docs/glossary.md.
#[test]
fn japanese_has_no_space_next_to_japanese() {
    for bad in [
        "{ $item } に",
        "「はい」 と",
        "と 3件",
        "3 件",
        "件 `--force`",
        "`--force` を",
        "JSON スキーマ",
    ] {
        assert_eq!(
            spaces_next_to_japanese(bad).len(),
            1,
            "the rule sees {bad:?}"
        );
    }
    for good in [
        "詳細: { $x }",
        "`a b`",
        "1 MiB",
        "TCP 443番",
        "0  成功",
        "`--round 2`の",
    ] {
        assert!(
            spaces_next_to_japanese(good).is_empty(),
            "the rule allows {good:?}"
        );
    }
    let mut found = vec![];
    for file in ["ja/medsec.ftl", "ja/help.ftl"] {
        for (id, text) in rendered_messages(file) {
            for at in spaces_next_to_japanese(&text) {
                found.push(format!("{file} {id}: …{at}…"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a space next to Japanese text (write 「{{ $item }}に」, 「3件」, 「`--force`を」):\n{}",
        found.join("\n")
    );
}

/// Japanese messages that are parts of other messages and end without 。, by the start of
/// their IDs: parser details (「(詳細: …)」) and operating-system errors in words, shown after
/// a colon or in brackets of the message that holds them.
pub(crate) const PARTS_WITHOUT_FULL_STOP: &[&str] = &[
    "details-",
    "probes-os-",
    "probes-io-",
    "verify-io-",
    "verify-wording-differs-",
];

/// The IDs of the messages another message of `file` names (`{ common-io-error }`): parts of
/// the sentence that holds them.
pub(crate) fn referenced_messages(file: &str) -> BTreeSet<String> {
    let path = format!("{}/i18n/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = BTreeSet::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find('{') {
        rest = rest.get(at + 1..).unwrap_or_default();
        let inner = rest.split('}').next().unwrap_or_default().trim();
        if inner.starts_with(|c: char| c.is_ascii_lowercase())
            && inner
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            out.insert(inner.to_owned());
        }
    }
    out
}

/// Every Japanese sentence ends with 。, also the last of a message and a message of one
/// sentence (「…を書き換えられません。」): a message that ends as a sentence does (です, ます,
/// ません, ください, でした, ました) ends with 。, after the bracket when one closes the message
/// (「…読めません(詳細: …)。」, see [`before_closing_bracket`]). Parts of other messages (named by another
/// message, or in [`PARTS_WITHOUT_FULL_STOP`]) end without it, unless they hold several
/// sentences (「…読めません。壊れているか、…ありません。」 is sentences wherever it stands); a message put into another
/// by the code may end with it, since the catalog's text never doubles it (`medsec::i18n::tidy`
/// makes 「…ません。。」 one 。). Labels, headings, cells and values end as words do, without
/// 。. In `i18n/ja/help.ftl` a one-line help is a label; help of several sentences ends with 。.
/// The rule is written at the top of i18n/ja/medsec.ftl and in docs/glossary.md.
#[test]
fn japanese_sentences_end_with_a_full_stop() {
    // A sentence that enters through a placeholder right before the closing bracket is held
    // to the rule as well: 「…: { $problem }(2行目)」 ends with 。 after the bracket.
    let sample = "a = 読めません: { $problem }(2行目)\n\
                  b = 読めません: { $problem }(2行目)。\n\
                  c = { $item }({ $round }回目)\n\
                  d = { $text }(未翻訳)\n";
    assert_eq!(
        missing_full_stops("sample", sample, &BTreeSet::new()),
        ["sample a: …読めません: {…}(2行目)"]
    );
    let mut found = vec![];
    for file in ["ja/medsec.ftl", "ja/help.ftl"] {
        let path = format!("{}/i18n/{file}", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        found.extend(missing_full_stops(
            file,
            &source,
            &referenced_messages(file),
        ));
    }
    assert!(
        found.is_empty(),
        "Japanese sentences without 。 at the end of a message:\n{}",
        found.join("\n")
    );
    assert_eq!(
        medsec::i18n::tidy("読めません: 空のパスです。。".to_owned()),
        "読めません: 空のパスです。"
    );
}

/// The placeholders that hold a sentence, or the part of one (a reason, a problem, a parser's
/// or the system's detail): a message whose closing bracket follows one right away
/// (「…: { $problem }(2行目)」) ends as a sentence does, with 。 after the bracket.
const SENTENCE_PLACEHOLDERS: &[&str] = &["problem", "reason", "error", "detail", "message"];

/// The messages of `source` (the file `file`, with `parts` the messages others name) that end
/// as a sentence does but without 。: `file id: …tail`.
fn missing_full_stops(file: &str, source: &str, parts: &BTreeSet<String>) -> Vec<String> {
    const ENDINGS: &[&str] = &["です", "ます", "ください", "ません", "でした", "ました"];
    let mut found = vec![];
    for (id, text) in rendered_messages_in(source) {
        let text = text.trim_end();
        let several = text.trim_end_matches(['。', '？']).contains('。');
        let must = if file == "ja/help.ftl" {
            several
        } else {
            // A part of several sentences is sentences, not a phrase: it ends with 。 too
            // (`details-zip-invalid` is also a whole message on its own).
            several
                || (!parts.contains(&id)
                    && !PARTS_WITHOUT_FULL_STOP.iter().any(|p| id.starts_with(p))
                    && !id.ends_with("-separator"))
        };
        let body = before_closing_bracket(text);
        let sentence_before_bracket = body.len() < text.len() && body.ends_with('\u{2}');
        if must
            && (sentence_before_bracket
                || ENDINGS
                    .iter()
                    .any(|e| text.ends_with(e) || body.ends_with(e)))
        {
            let shown = tail(text, 30).replace(['\u{1}', '\u{2}'], "{…}");
            found.push(format!("{file} {id}: …{shown}"));
        }
    }
    found
}

/// A part that ends with 。 put into a Japanese message never leaves 「。)」 or 「。。」: every
/// message said with each argument a sentence that ends with 。 (「空です。」) reads
/// 「…(詳細: 空です)。」, not 「…(詳細: 空です。)。」 (`medsec::i18n::tidy`, run by every
/// message the code says).
#[test]
fn a_sentence_put_into_brackets_leaves_no_full_stop_before_the_bracket() {
    let ja = catalog("ja");
    let loader = medsec::i18n::loader(medsec::checklist::Lang::Ja);
    let mut found = vec![];
    for (id, variables) in messages("ja", &ja) {
        let args: std::collections::HashMap<String, String> = variables
            .iter()
            .map(|v| (v.clone(), "空です。".to_owned()))
            .collect();
        let said = medsec::i18n::tidy(loader.get_args(&id, args));
        if said.contains("。)") || said.contains("。。") {
            found.push(format!("{id}: {said}"));
        }
    }
    assert!(
        found.is_empty(),
        "「。)」 or 「。。」 in a Japanese message with parts that end with 。:\n{}",
        found.join("\n")
    );
}

/// What a message says before the bracket it ends with: 「…読めません(…ありません)」 gives
/// 「…読めません」, so a sentence whose body ends before a closing `)`, full-width `)`
/// (U+FF09) or `」` is held to end with 。 after the bracket (「…読めません(…ありません)。」).
/// Text not ending with a closing bracket is given back as it is.
fn before_closing_bracket(text: &str) -> &str {
    let mut depth = 0usize;
    let mut closing = None;
    for (at, c) in text.char_indices().rev() {
        let pair = match c {
            ')' | '\u{ff09}' | '」' => Some(true),
            '(' | '\u{ff08}' | '「' => Some(false),
            _ => None,
        };
        if closing.is_none() {
            if pair != Some(true) {
                return text;
            }
            closing = Some(c);
        }
        match pair {
            Some(true) => depth += 1,
            Some(false) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return text.get(..at).unwrap_or_default().trim_end();
                }
            }
            None => {}
        }
    }
    text
}

fn tail(text: &str, n: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .get(chars.len().saturating_sub(n)..)
        .unwrap_or_default()
        .iter()
        .collect()
}

/// Each text a pattern can give, one per choice of its select variants (placeables as
/// `\u{1}`, those of [`SENTENCE_PLACEHOLDERS`] as `\u{2}`, string literals as their text).
fn renderings(p: &Pattern<&str>) -> Vec<String> {
    let mut out = vec![String::new()];
    for el in &p.elements {
        let parts: Vec<String> = match el {
            PatternElement::TextElement { value } => vec![(*value).to_owned()],
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => variants.iter().flat_map(|v| renderings(&v.value)).collect(),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => vec![(*value).to_owned()],
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } if SENTENCE_PLACEHOLDERS.contains(&id.name) => vec!["\u{2}".to_owned()],
            PatternElement::Placeable { .. } => vec!["\u{1}".to_owned()],
        };
        out = out
            .iter()
            .flat_map(|head| parts.iter().map(move |part| format!("{head}{part}")))
            .collect();
    }
    out
}

/// Each message value of a catalog file as each text it can give: (ID, text).
fn rendered_messages(file: &str) -> Vec<(String, String)> {
    let path = format!("{}/i18n/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    rendered_messages_in(&text)
}

/// Each message value of catalog text `text` as each text it can give: (ID, text).
fn rendered_messages_in(text: &str) -> Vec<(String, String)> {
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("catalog text does not parse: {errors:?}"));
    let mut out = vec![];
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        if let Some(v) = &m.value {
            for r in renderings(v) {
                out.push((m.id.name.to_owned(), r));
            }
        }
    }
    out
}

/// The ", " of a text outside code spans, with what surrounds it.
fn commas_between_entries(text: &str) -> Vec<String> {
    outside_code(text)
        .iter()
        .flat_map(|part| part.match_indices(", ").map(move |(at, _)| (part, at)))
        .map(|(part, at)| {
            let before: String = part
                .get(..at)
                .unwrap_or_default()
                .chars()
                .rev()
                .take(8)
                .collect();
            let after: String = part
                .get(at..)
                .unwrap_or_default()
                .chars()
                .take(10)
                .collect();
            let before: String = before.chars().rev().collect();
            format!("{before}{after}").replace(['\u{1}', '\u{2}'], "{…}")
        })
        .collect()
}

/// Lists in Japanese text are joined with 「、」 (`common-list-separator`), never with ", ":
/// the catalog's Japanese holds no ", " outside code spans, and the Rust that joins a list
/// with ", " is only where the list is data (a YAML or TOML array, the evidence a person types
/// back as written, a column of codes), so a list that lands in a Japanese sentence takes the
/// catalog's separator (`medsec::i18n::join`, `medsec::i18n::list`).
#[test]
fn japanese_lists_are_joined_with_the_catalogs_separator() {
    assert_eq!(commas_between_entries("使える値: a, b").len(), 1);
    assert!(commas_between_entries("`a, b`と、c").is_empty());
    let mut found = vec![];
    for file in ["ja/medsec.ftl", "ja/help.ftl"] {
        for (id, text) in rendered_messages(file) {
            for at in commas_between_entries(&text) {
                found.push(format!("{file} {id}: …{at}…"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "\", \" between list entries in Japanese text (write 、):\n{}",
        found.join("\n")
    );

    // Where a list is data and keeps ", " whatever the language: file -> how many joins.
    const DATA_LISTS: &[(&str, usize)] = &[
        ("src/answers/store/edit_yaml.rs", 1),  // a YAML flow sequence
        ("src/answers/template.rs", 1),         // a YAML flow sequence
        ("src/answers/walk.rs", 1),             // the evidence, typed back comma-separated
        ("src/checklist/import/output.rs", 3),  // TOML arrays
        ("src/probes/windows/listeners.rs", 2), // the evidence's record of a socket
        ("src/render/summary.rs", 2),           // codes, as JSON's evidence_findings and notes
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![];
    rust_files(&root.join("src"), &mut files);
    let mut joins = vec![];
    for file in files {
        let code = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        // Unit tests at the end of a file are not shown to people.
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        let count = code.matches(r#"join(", ")"#).count();
        let name = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        let allowed = DATA_LISTS
            .iter()
            .find(|(f, _)| *f == name)
            .map_or(0, |(_, n)| *n);
        if count != allowed {
            joins.push(format!("{name}: {count} (expected {allowed})"));
        }
    }
    assert!(
        joins.is_empty(),
        "`join(\", \")` in a file whose lists are not data: join a list shown to people with \
         the catalog's separator (medsec::i18n::join or medsec::i18n::list); a list that is \
         data goes into DATA_LISTS with its reason:\n{}",
        joins.join("\n")
    );
}

/// A path in a Japanese sentence about a file that cannot be read or written is a code span
/// (「`x.toml`を読めません」), never bare against a particle (「x.tomlを読めません」): see
/// docs/glossary.md, "Writing Japanese".
#[test]
fn paths_in_japanese_file_errors_are_code() {
    const FILE_ERRORS: &[&str] = &["読めません", "書き込めません", "読み取れません"];
    let mut found = vec![];
    for line in catalog("ja").lines() {
        let Some((id, text)) = line.split_once(" = ") else {
            continue;
        };
        if !FILE_ERRORS.iter().any(|e| text.contains(e)) {
            continue;
        }
        for name in ["{ $path }", "{ $file }", "{ $source }"] {
            for (at, _) in text.match_indices(name) {
                let before = text.get(..at).unwrap_or_default();
                let after = text.get(at + name.len()..).unwrap_or_default();
                if !(before.ends_with('`') && after.starts_with('`')) {
                    found.push(format!("{id}: {text}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "a path outside a code span in a Japanese file error (write `{{ $path }}`を読めません):\n{}",
        found.join("\n")
    );
}

/// The placeholders that hold a path, a file name, a folder, a command line or the name of a
/// workbook's sheet (as Excel shows it on its tab, and `--sheet NAME` takes it), or a
/// checklist's `ID@EDITION` (`$checklist`, `$base`: what `--checklist` takes), by name: a
/// message puts each inside a code span (「`{ $path }`を作成しました」, "wrote `{ $path }`"),
/// in both languages, so a reader sees where the path starts and ends, and HTML shows it as
/// `<code>` (see docs/glossary.md, "Writing Japanese"). `$key` is a key ID, `$files` mostly
/// a count, `$form` mostly a form's name: not paths by name (the messages where they hold a
/// path write them as code too, or take a list of code spans from `i18n::join_code`).
const PATH_LIKE: &[&str] = &[
    "path",
    "paths",
    "file",
    "dir",
    "lock",
    "manifest",
    "bundle",
    "html",
    "public",
    "secret",
    "signature",
    "workbook",
    "source",
    "command",
    "drive",
    "sheet",
    "sheets",
    "checklist",
    "base",
];

/// Path-like placeholders that stay bare, each with its reason: (message, placeholder).
const BARE_PATHS: &[(&str, &str)] = &[
    // Written into the checklist file `checklist import` makes (its title and notes): data,
    // whose bytes and digest must not change between imports of the same workbook.
    ("workbook-default-title", "file"),
    ("workbook-unverified", "file"),
    // Microsoft's lifecycle page named as the source of a date, not a path.
    ("probes-windows-end-of-servicing", "source"),
    // A list whose entries the code makes code spans one by one (`i18n::join_code`, or the
    // probe's own list): one span around the list would read as one path.
    ("probes-backup-snapshot-paths", "paths"),
    ("diff-ci-no-checklists", "paths"),
    ("lint-no-checklist-files", "paths"),
    ("status-next-evidence-missing", "paths"),
    ("check-next-evidence-missing", "paths"),
    ("report-stale-stage-removed", "paths"),
    ("workbook-several-sheets", "sheets"),
    ("import-map-needs-sheet", "sheets"),
    ("import-recorded-sheet", "sheets"),
    // A line of the menu of forms: the checklist beside the form's name, as a label.
    ("check-form-choice", "checklist"),
    ("check-form-choice-default", "checklist"),
];

/// The path-like placeholders of a pattern outside code spans, by name. `ticks` counts the
/// backticks before the pattern (a select's variants start where the select stands). A
/// location `{ $path }:{ $line }` stays bare, as compilers write it, so editors and CI
/// problem matchers read `file:line:column` from the line.
fn bare_path_placeholders(p: &Pattern<&str>, ticks: usize, out: &mut Vec<String>) -> usize {
    let mut ticks = ticks;
    for (at, el) in p.elements.iter().enumerate() {
        match el {
            PatternElement::TextElement { value } => ticks += value.matches('`').count(),
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => {
                let mut after = ticks;
                for v in variants {
                    after = bare_path_placeholders(&v.value, ticks, out);
                }
                ticks = after;
            }
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => {
                let location = matches!(
                    (p.elements.get(at + 1), p.elements.get(at + 2)),
                    (
                        Some(PatternElement::TextElement { value: ":" }),
                        Some(PatternElement::Placeable {
                            expression: Expression::Inline(InlineExpression::VariableReference {
                                id: line
                            }),
                        }),
                    ) if line.name == "line"
                );
                if PATH_LIKE.contains(&id.name) && ticks % 2 == 0 && !location {
                    out.push(id.name.to_owned());
                }
            }
            PatternElement::Placeable { .. } => {}
        }
    }
    ticks
}

/// The bare path-like placeholders of each message of `source`: `id: $name`.
fn bare_paths_in(source: &str) -> Vec<String> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("does not parse: {errors:?}"));
    let mut found = vec![];
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        let mut names = vec![];
        if let Some(v) = &m.value {
            bare_path_placeholders(v, 0, &mut names);
        }
        for a in &m.attributes {
            bare_path_placeholders(&a.value, 0, &mut names);
        }
        let id = m.id.name;
        found.extend(
            names
                .into_iter()
                .filter(|n| !BARE_PATHS.contains(&(id, n.as_str())))
                .map(|n| format!("{id}: ${n}")),
        );
    }
    found
}

/// Every path, file name, folder and command line a message names is a code span, in both
/// languages: 「`{ $path }`を作成しました。」, "wrote `{ $path }`" (issue #10). The exceptions
/// are in [`BARE_PATHS`], each with its reason.
#[test]
fn paths_in_messages_are_code() {
    let sample = "a = `{ $path }`を読めません。\n\
                  b = { $path }を読めません。\n\
                  c = { $path }:{ $line }: 読めません。\n\
                  d = { $x ->\n    [one] `{ $file }`です。\n   *[other] { $file }です。\n}\n\
                  e = `medsec verify { $path }`で確かめ、{ $dir }を見てください。\n\
                  f = { $key }と{ $count }\n";
    assert_eq!(bare_paths_in(sample), ["b: $path", "d: $file", "e: $dir"]);
    let mut found = vec![];
    for lang in ["ja", "en"] {
        found.extend(
            bare_paths_in(&catalog(lang))
                .into_iter()
                .map(|f| format!("{lang} {f}")),
        );
    }
    assert!(
        found.is_empty(),
        "a path-like placeholder outside a code span (write `{{ $path }}`, or list the \
         message in BARE_PATHS with its reason):\n{}",
        found.join("\n")
    );
}

/// Message IDs no code names as a literal, each with why it is still used (built from a prefix
/// at run time, say). Empty: every message is named somewhere.
const USED_WITHOUT_LITERAL: &[(&str, &str)] = &[];

/// Every message of the catalog is used: its ID is a string literal in src/ (`"id"`) or a
/// template under templates/ (`"id"` or `'id'`), or another message names it (`{ id }`). A
/// message whose code was removed goes with it, so the catalog holds no sentence nobody sees.
#[test]
fn every_message_is_used() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for entry in std::fs::read_dir(root.join("templates")).expect("templates/") {
        files.push(entry.expect("entry").path());
    }
    let mut code = String::new();
    for f in &files {
        code.push_str(&std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f:?}: {e}")));
    }
    let text = catalog("en");
    let referenced = referenced_messages("en/medsec.ftl");
    let ids: Vec<String> = messages("en", &text).into_keys().collect();
    let unused: Vec<&String> = ids
        .iter()
        .filter(|id| {
            !code.contains(&format!("\"{id}\""))
                && !code.contains(&format!("'{id}'"))
                && !referenced.contains(id.as_str())
                && !USED_WITHOUT_LITERAL.iter().any(|(u, _)| u == id)
        })
        .collect();
    assert!(
        unused.is_empty(),
        "messages no code or template uses (remove them from both i18n/*/medsec.ftl, or list \
         them in USED_WITHOUT_LITERAL with why): {unused:?}"
    );
    for (id, _) in USED_WITHOUT_LITERAL {
        assert!(
            ids.iter().any(|i| i == id),
            "USED_WITHOUT_LITERAL lists `{id}`, which the catalog no longer has"
        );
    }
}

/// The extensions that make a word a file name in a sentence (`report.json`, `.minisig`).
const FILE_EXTENSIONS: &[&str] = &[
    "toml", "json", "sha256", "minisig", "xlsx", "xlsm", "xls", "csv", "html", "md", "pub", "key",
    "yaml", "yml",
];

/// Literal file names that stay bare, each with its reason: (message, name).
const BARE_FILE_NAMES: &[(&str, &str)] = &[
    // A column header of summarize's table, CSV and XLSX, where a code span would show its
    // backticks.
    ("summarize-col-sha256", "report.json"),
];

/// The literal file names and paths in a text outside code spans: a word ending in a known
/// extension (`report.json`, `.toml`, `docs/lint.md`) or starting with `/` or `~/`
/// (`/etc/passwd`). Placeholders are `\u{1}` in the text and never match.
fn bare_file_names(text: &str) -> Vec<String> {
    let in_word = |c: char| c.is_ascii_alphanumeric() || "_.-/~*".contains(c);
    let mut found = vec![];
    for part in outside_code(text) {
        for word in part.split(|c: char| !in_word(c)) {
            let word = word.trim_end_matches(['.', '-']);
            let extension = word
                .rsplit_once('.')
                .is_some_and(|(_, ext)| FILE_EXTENSIONS.contains(&ext));
            let mut chars = word.strip_prefix('~').unwrap_or(word).chars();
            let path =
                chars.next() == Some('/') && chars.next().is_some_and(|c| c.is_ascii_alphabetic());
            if extension || path {
                found.push(word.to_owned());
            }
        }
    }
    found
}

/// A literal file name or path in a sentence is a code span, in both languages: 「`report.json`を
/// 読めません」, "no folder holds `MANIFEST.sha256`", "(`.pub`)" (issue #10), as placeholders are
/// (see [`paths_in_messages_are_code`]). The exceptions are in [`BARE_FILE_NAMES`].
#[test]
fn file_names_in_messages_are_code() {
    assert_eq!(
        bare_file_names(
            "cannot read report.json, `keys.toml` or /etc/passwd; save as .xlsx. \
             はい/いいえ、2024/tcp、v1.2、see docs/lint.md. \u{1}.toml ~/x"
        ),
        [
            "report.json",
            "/etc/passwd",
            ".xlsx",
            "docs/lint.md",
            ".toml",
            "~/x"
        ]
    );
    let mut found = vec![];
    for file in ["ja/medsec.ftl", "en/medsec.ftl"] {
        for (id, text) in flat_messages(file) {
            found.extend(
                bare_file_names(&text)
                    .into_iter()
                    .filter(|name| !BARE_FILE_NAMES.contains(&(id.as_str(), name.as_str())))
                    .map(|name| format!("{file} {id}: {name}")),
            );
        }
    }
    assert!(
        found.is_empty(),
        "a literal file name or path outside a code span (write `report.json`, or list the \
         message in BARE_FILE_NAMES with its reason):\n{}",
        found.join("\n")
    );
}
