//! Messages end as sentences: a Japanese message that ends in a value (「…使える値: { $names }」)
//! reads as a sentence cut short, so every message ending in a placeable is either a label of a
//! table cell or list line (named in [`LABELS_ENDING_IN_A_VALUE`]) or a sentence rewritten to end
//! with 。 (「使える値は{ $names }です。」, 「…読めません: { $reason }。」). English sentences that
//! start with a capital end with a period the same way; lower-case error lines
//! (`cannot read `x`: …`) follow the Rust convention of no period.

use super::catalog::{is_japanese, referenced_messages, PARTS_WITHOUT_FULL_STOP};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Messages with words of their own that end in a value on purpose: labels of a line, a table
/// cell or a list line, never sentences. Keep it short: a new message that ends in a value is a
/// sentence to end with 。 (Japanese) or `.` (English), unless it is one of these.
const LABELS_ENDING_IN_A_VALUE: &[&str] = &[
    // The walk-through's line above a question (「現在の回答: はい 令和8年6月3日」).
    "answers-walk-current",
    // The answers template's title and its comment line (「対象外にできる場合: …」).
    "answers-template-title",
    "answers-template-may-be-not-applicable",
    // keygen and sign: a label before a key ID or a signature's comment.
    "signing-keygen-key-id",
    "signing-trusted-comment",
    // verify's count line and summarize's cells (「不合格1・矛盾0」, 「注記: …」).
    "verify-summary",
    "summarize-cell-note",
    "summarize-probes",
    // `checklist show`'s rules cell (「確認日: 必須、目標日: …」).
    "rules-data-show-rules-value",
    // Lines of lists: an import's clue per row, its lists of items by kind of change, the
    // backup probe's snapshot parts, the item an inspector's finding names.
    "import-clue-row",
    "import-ids-new",
    "import-ids-not-found",
    "import-ids-reworded",
    "import-ids-scope-changed",
    "probes-backup-snapshot-host",
    "probes-backup-snapshot-paths",
    "inspector-item-of-recorded-file",
];

/// Placeables that hold whole sentences, each ending itself (a message said before, a hint, a
/// note): a label before one (「注意: { $message }」, 「以前の注記: { $note }」) is the line's label.
const SENTENCES_THAT_END_THEMSELVES: &[&str] = &[
    "message", "sentence", "hint", "note", "forms", "text", "warning",
];

/// Each text a pattern can give (one per choice of its select variants), each placeable written
/// as `\u{1}$NAME\u{2}` for a variable and `\u{1}ID\u{2}` for a message, string literals as
/// their text.
fn texts(p: &Pattern<&str>) -> Vec<String> {
    let mut out = vec![String::new()];
    for el in &p.elements {
        let parts: Vec<String> = match el {
            PatternElement::TextElement { value } => vec![(*value).to_owned()],
            PatternElement::Placeable { expression } => match expression {
                Expression::Select { variants, .. } => {
                    variants.iter().flat_map(|v| texts(&v.value)).collect()
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    vec![(*value).to_owned()]
                }
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    vec![format!("\u{1}${}\u{2}", id.name)]
                }
                Expression::Inline(InlineExpression::MessageReference { id, .. }) => {
                    vec![format!("\u{1}{}\u{2}", id.name)]
                }
                Expression::Inline(_) => vec!["\u{1}?\u{2}".to_owned()],
            },
        };
        out = out
            .iter()
            .flat_map(|head| parts.iter().map(move |part| format!("{head}{part}")))
            .collect();
    }
    out
}

/// How a text ends when it ends in a placeable: (the placeable's name, without the `$` of a
/// variable, and the text before it).
fn ending_value(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_end();
    let body = text.strip_suffix('\u{2}')?;
    let at = body.rfind('\u{1}')?;
    let name = body.get(at + 1..)?;
    Some((name.trim_start_matches('$'), body.get(..at)?))
}

/// The words of a text outside its placeables: a text with none (「{ $number } { $title }」,
/// 「{ $place }: { $message }」, 「[{ $step }/{ $steps }] { $what }」) only joins other parts.
fn has_own_words(text: &str) -> bool {
    let mut inside = false;
    text.chars().any(|c| {
        match c {
            '\u{1}' => inside = true,
            '\u{2}' => inside = false,
            _ => {}
        }
        !inside && (c.is_alphanumeric() || is_japanese(c))
    })
}

/// The messages of catalog `lang` (`ja` or `en`) that end in a value although they should end
/// as a sentence: `ID: …tail`.
fn ending_in_a_value(lang: &str, source: &str) -> Vec<String> {
    let parts = referenced_messages(&format!("{lang}/medsec.ftl"));
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("catalog text does not parse: {errors:?}"));
    let mut found = vec![];
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        let Some(value) = &m.value else { continue };
        let id = m.id.name;
        let is_part =
            parts.contains(id) || PARTS_WITHOUT_FULL_STOP.iter().any(|p| id.starts_with(p));
        if is_part || LABELS_ENDING_IN_A_VALUE.contains(&id) {
            continue;
        }
        for text in texts(value) {
            let Some((name, before)) = ending_value(&text) else {
                continue;
            };
            let before = before.trim_end();
            let change_line = before.ends_with('→') || before.ends_with("->");
            let sentence_in_it = SENTENCES_THAT_END_THEMSELVES.contains(&name);
            // English: only what starts as a sentence, with a capital letter and words before
            // a colon ("Cannot read `x`: { $reason }" ends with a period).
            let english_sentence =
                text.starts_with(|c: char| c.is_ascii_uppercase()) && before.ends_with(':');
            let held = if lang == "ja" { true } else { english_sentence };
            if held && has_own_words(&text) && !change_line && !sentence_in_it {
                let shown = text.replace('\u{1}', "{ ").replace('\u{2}', " }");
                let tail: String = shown
                    .chars()
                    .rev()
                    .take(40)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                found.push(format!("{lang} {id}: …{tail}"));
                break;
            }
        }
    }
    found
}

#[test]
fn messages_that_end_in_a_value_are_labels() {
    let sample = "a = 使える値: { $names }\n\
                  b = 使える値は{ $names }です。\n\
                  c = `{ $path }`を読めません: { $reason }\n\
                  d = `{ $path }`を読めません: { $reason }。\n\
                  e = { $number } { $title }\n\
                  f = 番号: { $old } → { $new }\n\
                  g = 注意: { $message }\n\
                  h = 鍵{ $kind ->\n    [a] ID\n   *[b] {\"\"}\n}\n";
    assert_eq!(
        ending_in_a_value("ja", sample),
        [
            "ja a: …使える値: { $names }",
            "ja c: …`{ $path }`を読めません: { $reason }"
        ]
    );
    let sample = "a = Cannot read `{ $path }`: { $reason }\n\
                  b = Cannot read `{ $path }`: { $reason }.\n\
                  c = cannot read `{ $path }`: { $reason }\n";
    assert_eq!(
        ending_in_a_value("en", sample),
        ["en a: …Cannot read `{ $path }`: { $reason }"]
    );
    let mut found = vec![];
    for lang in ["ja", "en"] {
        let path = format!("{}/i18n/{lang}/medsec.ftl", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        found.extend(ending_in_a_value(lang, &source));
    }
    assert!(
        found.is_empty(),
        "messages that end in a value: end the sentence (「使える値は{{ $names }}です。」, \
         「…: {{ $reason }}。」, \"…: {{ $reason }}.\"), or name a label line in \
         LABELS_ENDING_IN_A_VALUE:\n{}",
        found.join("\n")
    );
}

/// No label is named that no longer ends in a value, or no longer exists.
#[test]
fn labels_ending_in_a_value_still_do() {
    let path = format!("{}/i18n/ja/medsec.ftl", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("catalog text does not parse: {errors:?}"));
    for id in LABELS_ENDING_IN_A_VALUE {
        let value = resource.body.iter().find_map(|e| match e {
            Entry::Message(m) if m.id.name == *id => m.value.as_ref(),
            _ => None,
        });
        let value = value.unwrap_or_else(|| panic!("no message `{id}` in i18n/ja/medsec.ftl"));
        assert!(
            texts(value).iter().any(|t| ending_value(t).is_some()),
            "`{id}` no longer ends in a value: take it out of LABELS_ENDING_IN_A_VALUE"
        );
    }
}
