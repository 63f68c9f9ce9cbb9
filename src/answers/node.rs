//! One tree for both file formats, with the byte offset of every value, so that one reader
//! (`parse`) checks TOML and YAML alike and every finding points into the user's file.
//!
//! TOML offsets are exact (from the TOML parser's spans). The YAML parser gives no spans, so
//! YAML offsets are found by scanning the text for each key in document order: exact for the
//! block style `medsec init` writes, approximate for unusual layouts.

use std::fmt;

/// A value and where it starts.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub value: Value,
    pub at: usize,
}

#[derive(Debug, Clone)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A TOML date or datetime literal, as written.
    Datetime(String),
    Array(Vec<Node>),
    /// Keys in file order (TOML: sorted), each with the offset of the key.
    Table(Vec<Entry>),
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub key: String,
    pub key_at: usize,
    pub node: Node,
}

impl Value {
    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Datetime(_) => "a date",
            Value::Array(_) => "a list",
            Value::Table(_) => "a table",
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) | Value::Datetime(s) => f.write_str(s),
            Value::Array(_) => f.write_str("[…]"),
            Value::Table(_) => f.write_str("{…}"),
        }
    }
}

/// A syntax error: message and byte offset.
#[derive(Debug, Clone)]
pub(crate) struct SyntaxError {
    pub message: String,
    pub at: usize,
}

/// Parse TOML text into a tree.
pub(crate) fn from_toml(source: &str) -> Result<Node, SyntaxError> {
    let doc = toml::de::DeTable::parse(source).map_err(|e| SyntaxError {
        message: e.message().trim_end().to_owned(),
        at: e.span().map_or(0, |s| s.start),
    })?;
    let span = doc.span();
    Ok(Node {
        value: toml_table(doc.into_inner()),
        at: span.start,
    })
}

fn toml_table(table: toml::de::DeTable<'_>) -> Value {
    let mut entries: Vec<Entry> = table
        .into_iter()
        .map(|(k, v)| Entry {
            key_at: k.span().start,
            key: k.into_inner().into_owned(),
            node: toml_node(v),
        })
        .collect();
    // File order reads better in messages than the parser's sorted order.
    entries.sort_by_key(|e| e.key_at);
    Value::Table(entries)
}

fn toml_node(value: toml::Spanned<toml::de::DeValue<'_>>) -> Node {
    use toml::de::DeValue;
    let at = value.span().start;
    let value = match value.into_inner() {
        DeValue::String(s) => Value::Str(s.into_owned()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::Int(n),
            Err(_) => Value::Str(i.to_string()),
        },
        DeValue::Float(x) => Value::Float(x.as_str().parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(d) => Value::Datetime(d.to_string()),
        DeValue::Array(a) => Value::Array(a.into_iter().map(toml_node).collect()),
        DeValue::Table(t) => toml_table(t),
    };
    Node { value, at }
}

/// Parse YAML text into a tree.
pub(crate) fn from_yaml(source: &str) -> Result<Node, SyntaxError> {
    let value: serde_norway::Value = serde_norway::from_str(source).map_err(|e| SyntaxError {
        message: e.to_string(),
        at: e.location().map_or(0, |l| l.index()),
    })?;
    let mut cursor = Cursor { source, pos: 0 };
    let at = first_content(source);
    Ok(yaml_node(value, at, &mut cursor))
}

/// Where the value under `path` (keys from the top) starts in YAML `source`: after its key, the
/// `:` and the blanks that follow (`id: x` gives the `x`; a quoted value its quote), found
/// from the tree's key offsets. Where the path stops short, the last key found; `None` when
/// the text does not parse or its first key is missing.
pub(crate) fn yaml_value_at(source: &str, path: &[&str]) -> Option<usize> {
    let root = from_yaml(source).ok()?;
    let mut node = &root;
    let mut found = None;
    for key in path {
        let Value::Table(entries) = &node.value else {
            break;
        };
        let Some(entry) = entries.iter().find(|e| e.key == *key) else {
            break;
        };
        found = Some(entry);
        node = &entry.node;
    }
    let entry = found?;
    if path.last().is_none_or(|k| entry.key != *k) {
        return Some(entry.key_at);
    }
    let rest = source.get(entry.key_at..)?;
    let quoted = rest.starts_with(['"', '\'']);
    let key_len = entry.key.len() + if quoted { 2 } else { 0 };
    let after = rest.get(key_len..)?.strip_prefix(':')?;
    let blanks = after.len() - after.trim_start_matches([' ', '\t']).len();
    let value = after.get(blanks..)?;
    if value.is_empty() || value.starts_with(['\n', '\r', '#']) {
        return Some(entry.key_at);
    }
    Some(entry.key_at + key_len + 1 + blanks)
}

fn first_content(source: &str) -> usize {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let t = line.trim_start();
        if !t.is_empty() && !t.starts_with('#') && !t.starts_with("---") {
            return offset + (line.len() - t.len());
        }
        offset += line.len();
    }
    0
}

struct Cursor<'a> {
    source: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    /// Move to the next `key:` (plain or quoted) at or after the cursor; its offset.
    fn key(&mut self, key: &str) -> Option<usize> {
        let rest = self.source.get(self.pos..)?;
        let candidates = [
            format!("{key}:"),
            format!("\"{key}\":"),
            format!("'{key}':"),
        ];
        let mut best: Option<usize> = None;
        for c in &candidates {
            let mut from = 0;
            while let Some(i) = rest[from..].find(c.as_str()) {
                let abs = from + i;
                // A key starts a line (after indentation and `- `) or follows `{`/`,`.
                let before = rest[..abs].chars().last();
                if matches!(before, None | Some(' ' | '\n' | '\t' | '{' | ',' | '-')) {
                    best = Some(best.map_or(abs, |b: usize| b.min(abs)));
                    break;
                }
                from = abs + c.len();
            }
        }
        let found = self.pos + best?;
        self.pos = found;
        Some(found)
    }
}

fn yaml_node(value: serde_norway::Value, at: usize, cursor: &mut Cursor<'_>) -> Node {
    use serde_norway::Value as Y;
    let value = match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Y::String(s) => Value::Str(s),
        Y::Sequence(seq) => {
            let items = seq
                .into_iter()
                .map(|v| {
                    let at = cursor.pos;
                    yaml_node(v, at, cursor)
                })
                .collect();
            Value::Array(items)
        }
        Y::Mapping(map) => {
            let mut entries = Vec::new();
            for (k, v) in map {
                let key = match k {
                    Y::String(s) => s,
                    other => serde_norway::to_string(&other)
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                };
                let key_at = cursor.key(&key).unwrap_or(cursor.pos);
                let node = yaml_node(v, key_at, cursor);
                entries.push(Entry { key, key_at, node });
            }
            Value::Table(entries)
        }
        Y::Tagged(tagged) => return yaml_node(tagged.value, at, cursor),
    };
    // A mapping starts at its first key.
    let at = match &value {
        Value::Table(entries) => entries.first().map_or(at, |e| e.key_at),
        Value::Array(items) => items.first().map_or(at, |n| n.at),
        _ => at,
    };
    Node { value, at }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(node: &Node) -> &[Entry] {
        match &node.value {
            Value::Table(t) => t,
            other => panic!("not a table: {other:?}"),
        }
    }

    #[test]
    fn toml_offsets_are_exact() {
        let src = "a = 1\n[[answers]]\nitem = \"x\"\n";
        let root = from_toml(src).unwrap();
        let answers = &table(&root)[1];
        assert_eq!(answers.key, "answers");
        let Value::Array(items) = &answers.node.value else {
            panic!()
        };
        let item = &table(&items[0])[0];
        assert_eq!(&src[item.key_at..item.key_at + 4], "item");
    }

    #[test]
    fn yaml_offsets_follow_document_order() {
        let src = "checklist:\n  id: x\nanswers:\n  - item: a\n    round: 1\n  - item: b\n";
        let root = from_yaml(src).unwrap();
        let Value::Array(items) = &table(&root)[1].node.value else {
            panic!()
        };
        assert_eq!(&src[items[1].at..items[1].at + 7], "item: b");
        let round = &table(&items[0])[1];
        assert_eq!(&src[round.key_at..round.key_at + 5], "round");
    }

    #[test]
    fn yaml_values_are_found_after_their_keys() {
        fn at(src: &str) -> Option<&str> {
            yaml_value_at(src, &["checklist", "id"]).map(|i| &src[i..])
        }
        let src = "format_version: 1\nchecklist:\n  id: mhlw-x\n  edition: fy2031\n";
        assert!(at(src).unwrap().starts_with("mhlw-x\n"));
        let src = "checklist:\n  edition: fy2031\n  \"id\":   'mhlw-x'\n";
        assert!(at(src).unwrap().starts_with("'mhlw-x'"));
        let src = "checklist: {edition: fy2031, id: mhlw-x}\n";
        assert!(at(src).unwrap().starts_with("mhlw-x}"));
        // No id: the checklist key.
        let src = "a: 1\nchecklist:\n  edition: fy2031\n";
        assert!(at(src).unwrap().starts_with("checklist:"));
        assert_eq!(yaml_value_at("a: [", &["checklist"]), None);
    }

    #[test]
    fn syntax_errors_have_places() {
        let e = from_toml("a = \n").unwrap_err();
        assert!(e.at <= 5);
        let e = from_yaml("a: [\n").unwrap_err();
        assert!(!e.message.is_empty());
    }
}
