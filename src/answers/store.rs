//! Writing answers back into the user's file, without losing anything, atomically.
//!
//! - TOML: the file is edited in place with `toml_edit`: only the values of the answer entries
//!   touched change; comments, key order, unknown fields and formatting everywhere else stay.
//!   A value's trailing comment stays too.
//! - YAML: no YAML library keeps comments, so the file is edited line by line: the lines of the
//!   keys that change are replaced, new keys are added at the end of their entry, new entries
//!   at the end of `answers:`. Comments and unknown fields stay. The result is re-parsed and
//!   compared with the intended data; if the layout was one the editor does not understand (flow
//!   style, anchors), nothing is written and the error says so.
//! - Every write goes to a temporary file in the same folder, is fsynced, then renamed over
//!   the original (and the folder fsynced), so a crash leaves either the old or the new file.
//! - Before writing, the file on disk is compared with the text that was read: if someone
//!   changed it in between (an editor open on it), nothing is written (`AnswersError::Changed`).
//!   A UTF-8 byte order mark the file began with is kept.

use super::{load_str, AnswersError, FileFormat, Loaded};
use jiff::civil::Date;
use std::path::Path;

/// A value to write into an answer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    Date(Date),
    Int(i64),
    List(Vec<String>),
}

/// Changes to one answer entry (found by item and round, created when missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub item: String,
    pub round: u8,
    pub set: Vec<(&'static str, FieldValue)>,
    pub remove: Vec<&'static str>,
}

impl Update {
    /// The update that writes `answer` as confirmed: every field it has, and the carry-forward
    /// marks removed.
    pub fn confirm(answer: &super::Answer) -> Self {
        let mut set = Vec::new();
        let mut remove = vec!["carried_from", "review"];
        if let Some(r) = answer.response {
            set.push(("answer", FieldValue::Text(r.as_file_str().to_owned())));
        }
        match answer.checked_on {
            Some(d) => set.push(("checked_on", FieldValue::Date(d))),
            None => remove.push("checked_on"),
        }
        match answer.target_date {
            Some(d) => set.push(("target_date", FieldValue::Date(d))),
            None => remove.push("target_date"),
        }
        for (key, value) in [("reason", &answer.reason), ("note", &answer.note)] {
            match value {
                Some(v) => set.push((key, FieldValue::Text(v.clone()))),
                None => remove.push(key),
            }
        }
        set.push(("evidence", FieldValue::List(answer.evidence.clone())));
        Update {
            item: answer.item.clone(),
            round: answer.round,
            set,
            remove,
        }
    }
}

/// The file's new text with `updates` applied. Nothing is written.
pub fn apply(loaded: &Loaded, updates: &[Update]) -> Result<String, AnswersError> {
    let unsafe_err = |message: String| AnswersError::Unsafe {
        path: loaded.path.clone(),
        message,
    };
    with_lf(&loaded.source, |source| match loaded.format {
        FileFormat::Toml => apply_toml(source, updates),
        FileFormat::Yaml => apply_yaml(source, updates),
    })
    .map_err(unsafe_err)
}

/// Edit text with `\n` line ends: a file written with `\r\n` (Windows) is edited as `\n` and
/// written back with `\r\n` throughout, so added lines match the rest.
fn with_lf(
    source: &str,
    edit: impl FnOnce(&str) -> Result<String, String>,
) -> Result<String, String> {
    if !source.contains("\r\n") {
        return edit(source);
    }
    let lf = source.replace("\r\n", "\n");
    Ok(edit(&lf)?.replace('\n', "\r\n"))
}

/// Apply `updates`, check that the result still reads, and replace the file atomically.
/// Returns the file as now written.
pub fn save(loaded: &Loaded, updates: &[Update]) -> Result<Loaded, AnswersError> {
    let text = apply(loaded, updates)?;
    commit(loaded, text)
}

/// A value for a field of a top-level table: `[institution] name = "…"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldUpdate {
    /// `institution` or `vendor`.
    pub table: &'static str,
    pub key: &'static str,
    pub value: FieldValue,
}

/// Set fields of top-level tables (created when missing), keeping everything else, and replace
/// the file atomically. Returns the file as now written.
pub fn save_fields(loaded: &Loaded, fields: &[FieldUpdate]) -> Result<Loaded, AnswersError> {
    let unsafe_err = |message: String| AnswersError::Unsafe {
        path: loaded.path.clone(),
        message,
    };
    let text = with_lf(&loaded.source, |source| match loaded.format {
        FileFormat::Toml => apply_toml_fields(source, fields),
        FileFormat::Yaml => apply_yaml_fields(source, fields),
    })
    .map_err(unsafe_err)?;
    commit(loaded, text)
}

/// Check that `text` reads, that the file is still as `loaded` read it, and write it.
fn commit(loaded: &Loaded, text: String) -> Result<Loaded, AnswersError> {
    let mut reloaded = load_str(&loaded.path, loaded.format, text, loaded.lang)?;
    reloaded.bom = loaded.bom;
    let on_disk = std::fs::read(&loaded.path).map_err(|source| AnswersError::Read {
        path: loaded.path.clone(),
        source,
    })?;
    if on_disk != loaded.bytes_of(&loaded.source) {
        return Err(AnswersError::Changed {
            path: loaded.path.clone(),
        });
    }
    crate::atomic::replace(&loaded.path, &reloaded.bytes_of(&reloaded.source)).map_err(
        |source| AnswersError::Write {
            path: loaded.path.clone(),
            source,
        },
    )?;
    Ok(reloaded)
}

/// Write a new file, refusing to overwrite one unless `force`.
pub fn create(path: &Path, text: &str, force: bool) -> Result<(), AnswersError> {
    let replace = if force {
        crate::atomic::Replace::Allow
    } else {
        crate::atomic::Replace::Refuse
    };
    crate::atomic::write(path, text.as_bytes(), None, replace).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            AnswersError::Exists {
                path: path.to_owned(),
            }
        } else {
            AnswersError::Write {
                path: path.to_owned(),
                source,
            }
        }
    })
}

// ---- TOML ----

fn toml_value(v: &FieldValue) -> toml_edit::Value {
    match v {
        FieldValue::Text(s) => toml_edit::Value::from(s.as_str()),
        FieldValue::Int(i) => toml_edit::Value::from(*i),
        FieldValue::Date(d) => {
            let date = toml_edit::Date {
                year: u16::try_from(d.year()).unwrap_or(0),
                month: u8::try_from(d.month()).unwrap_or(1),
                day: u8::try_from(d.day()).unwrap_or(1),
            };
            toml_edit::Value::from(toml_edit::Datetime {
                date: Some(date),
                time: None,
                offset: None,
            })
        }
        FieldValue::List(items) => {
            let mut a = toml_edit::Array::new();
            for i in items {
                a.push(i.as_str());
            }
            toml_edit::Value::Array(a)
        }
    }
}

fn round_of_toml(t: &toml_edit::Table) -> i64 {
    t.get("round").and_then(|r| r.as_integer()).unwrap_or(1)
}

fn apply_toml(source: &str, updates: &[Update]) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut =
        source.parse().map_err(|e| format!("cannot edit: {e}"))?;
    for u in updates {
        let entry = doc
            .entry("answers")
            .or_insert(toml_edit::Item::ArrayOfTables(
                toml_edit::ArrayOfTables::new(),
            ));
        let Some(aot) = entry.as_array_of_tables_mut() else {
            return Err(
                "`answers` is not written as [[answers]] tables, so it cannot be edited in place; write each entry as an [[answers]] table".to_owned(),
            );
        };
        let pos = aot.iter().position(|t| {
            t.get("item").and_then(|i| i.as_str()).map(str::trim) == Some(u.item.as_str())
                && round_of_toml(t) == i64::from(u.round)
        });
        let table = match pos {
            Some(p) => aot.get_mut(p).expect("position is in range"),
            None => {
                let mut t = toml_edit::Table::new();
                t.insert("item", toml_edit::value(u.item.as_str()));
                t.insert("round", toml_edit::value(i64::from(u.round)));
                aot.push(t);
                aot.get_mut(aot.len() - 1).expect("just pushed")
            }
        };
        for (key, value) in &u.set {
            let mut new = toml_value(value);
            match table.get_mut(key).and_then(|i| i.as_value_mut()) {
                Some(old) => {
                    // Keep the spacing and a trailing comment of the old value.
                    *new.decor_mut() = old.decor().clone();
                    *old = new;
                }
                None => {
                    table.insert(key, toml_edit::Item::Value(new));
                }
            }
        }
        for key in &u.remove {
            table.remove(key);
        }
    }
    Ok(doc.to_string())
}

fn apply_toml_fields(source: &str, fields: &[FieldUpdate]) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut =
        source.parse().map_err(|e| format!("cannot edit: {e}"))?;
    for f in fields {
        let entry = doc
            .entry(f.table)
            .or_insert(toml_edit::Item::Table(toml_edit::Table::new()));
        let Some(table) = entry.as_table_like_mut() else {
            return Err(format!(
                "`{}` is not a table, so `{}` cannot be set in it",
                f.table, f.key
            ));
        };
        let mut new = toml_value(&f.value);
        match table.get_mut(f.key).and_then(|i| i.as_value_mut()) {
            Some(old) => {
                // Keep the spacing and a trailing comment of the old value.
                *new.decor_mut() = old.decor().clone();
                *old = new;
            }
            None => {
                table.insert(f.key, toml_edit::Item::Value(new));
            }
        }
    }
    Ok(doc.to_string())
}

// ---- YAML ----

fn yaml_scalar(v: &FieldValue) -> String {
    let quote = |s: &str| serde_json::to_string(s).expect("strings serialise");
    match v {
        FieldValue::Text(s) => quote(s),
        FieldValue::Date(d) => quote(&d.to_string()),
        FieldValue::Int(i) => i.to_string(),
        FieldValue::List(items) => {
            format!(
                "[{}]",
                items
                    .iter()
                    .map(|i| quote(i))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    }
}

fn yaml_data(v: &FieldValue) -> serde_norway::Value {
    use serde_norway::Value as Y;
    match v {
        FieldValue::Text(s) => Y::String(s.clone()),
        FieldValue::Date(d) => Y::String(d.to_string()),
        FieldValue::Int(i) => Y::Number((*i).into()),
        FieldValue::List(items) => {
            Y::Sequence(items.iter().map(|i| Y::String(i.clone())).collect())
        }
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// The key of a `key: value` line at `col` (after an optional `- `), if any.
fn key_at(line: &str, col: usize) -> Option<&str> {
    let rest = line.get(col..)?;
    if rest.starts_with(' ') {
        return None;
    }
    let colon = rest.find(':')?;
    let key = rest[..colon].trim_matches(|c| c == '"' || c == '\'');
    let after = &rest[colon + 1..];
    (after.is_empty() || after.starts_with([' ', '\n', '\r'])).then_some(key)
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    let s = s.split(" #").next().unwrap_or(s).trim();
    s.trim_matches(|c| c == '"' || c == '\'')
}

/// An answer entry in the lines: first line, item column, end (exclusive).
struct Block {
    start: usize,
    col: usize,
    end: usize,
}

fn answers_region(lines: &[String]) -> Option<(usize, usize)> {
    let start = lines
        .iter()
        .position(|l| l.trim_end() == "answers:" || l.starts_with("answers:"))?;
    let mut end = start + 1;
    let mut last_content = start + 1;
    while end < lines.len() {
        let l = &lines[end];
        if !is_blank_or_comment(l)
            && indent_of(l) == 0
            && !l.starts_with("- ")
            && !l.starts_with("-\n")
        {
            break;
        }
        if !is_blank_or_comment(l) {
            last_content = end + 1;
        }
        end += 1;
    }
    Some((start, last_content))
}

fn entries(lines: &[String], region: (usize, usize)) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut dash: Option<usize> = None;
    for (i, l) in lines.iter().enumerate().take(region.1).skip(region.0 + 1) {
        let ind = indent_of(l);
        if is_blank_or_comment(l) {
            continue;
        }
        // Entries start at the indentation of the first `- `; deeper dashes are nested lists.
        let starts = l[ind..].starts_with("- ") && *dash.get_or_insert(ind) == ind;
        if starts {
            if let Some(b) = blocks.last_mut() {
                b.end = i;
            }
            blocks.push(Block {
                start: i,
                col: ind + 2,
                end: region.1,
            });
        }
    }
    // Trailing blank lines and comments belong to what follows.
    for b in &mut blocks {
        while b.end > b.start + 1 && is_blank_or_comment(&lines[b.end - 1]) {
            b.end -= 1;
        }
    }
    blocks
}

/// Lines of the key at `col` in the block: the key line and its continuation lines.
fn key_lines(lines: &[String], b: &Block, key: &str) -> Option<(usize, usize)> {
    for i in b.start..b.end {
        if key_at(&lines[i], b.col) == Some(key) {
            let mut j = i + 1;
            while j < b.end && (is_blank_or_comment(&lines[j]) || indent_of(&lines[j]) > b.col) {
                j += 1;
            }
            while j > i + 1 && is_blank_or_comment(&lines[j - 1]) {
                j -= 1;
            }
            return Some((i, j));
        }
    }
    None
}

fn value_of(line: &str, col: usize) -> &str {
    let rest = &line[col..];
    rest.find(':').map_or("", |c| &rest[c + 1..])
}

/// The `  # comment` after a scalar value, if any.
fn trailing_comment(value: &str) -> &str {
    let v = value.trim_start();
    let rest = if let Some(inner) = v.strip_prefix('"') {
        let mut escaped = false;
        let close = inner.char_indices().find(|&(_, c)| {
            let end = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            end
        });
        close.map_or("", |(i, _)| &inner[i + 1..])
    } else if let Some(inner) = v.strip_prefix('\'') {
        inner.find('\'').map_or("", |i| &inner[i + 1..])
    } else {
        v.find(" #").map_or("", |i| &v[i..])
    };
    let rest = rest.trim_end();
    if rest.trim_start().starts_with('#') {
        rest
    } else {
        ""
    }
}

fn apply_yaml(source: &str, updates: &[Update]) -> Result<String, String> {
    let mut lines: Vec<String> = source.split_inclusive('\n').map(str::to_owned).collect();
    if lines.last().is_some_and(|l| !l.ends_with('\n')) {
        let last = lines.len() - 1;
        lines[last].push('\n');
    }
    for u in updates {
        let region = match answers_region(&lines) {
            Some(r) => r,
            None => {
                lines.push("answers:\n".to_owned());
                (lines.len() - 1, lines.len())
            }
        };
        let blocks = entries(&lines, region);
        let found = blocks.into_iter().find(|b| {
            let item = key_lines(&lines, b, "item")
                .map(|(i, _)| unquote(value_of(&lines[i], b.col)).to_owned());
            let round = key_lines(&lines, b, "round")
                .map(|(i, _)| unquote(value_of(&lines[i], b.col)).to_owned())
                .unwrap_or_else(|| "1".to_owned());
            item.as_deref() == Some(u.item.as_str()) && round == u.round.to_string()
        });
        let b = match found {
            Some(b) => b,
            None => {
                let dash = entries(&lines, region).first().map_or(2, |b| b.col - 2);
                let pad = " ".repeat(dash);
                let at = region.1;
                lines.insert(
                    at,
                    format!(
                        "{pad}- item: {}\n",
                        serde_json::to_string(&u.item).expect("str")
                    ),
                );
                lines.insert(at + 1, format!("{pad}  round: {}\n", u.round));
                Block {
                    start: at,
                    col: dash + 2,
                    end: at + 2,
                }
            }
        };
        let mut end = b.end;
        for (key, value) in &u.set {
            let b = Block {
                start: b.start,
                col: b.col,
                end,
            };
            match key_lines(&lines, &b, key) {
                Some((i, j)) => {
                    let old = value_of(&lines[i], b.col);
                    let comment = trailing_comment(old).to_owned();
                    let prefix = &lines[i][..b.col];
                    let new = format!("{prefix}{key}: {}{comment}\n", yaml_scalar(value));
                    lines.splice(i..j, [new]);
                    end -= j - i - 1;
                }
                None => {
                    let pad = " ".repeat(b.col);
                    lines.insert(end, format!("{pad}{key}: {}\n", yaml_scalar(value)));
                    end += 1;
                }
            }
        }
        for key in &u.remove {
            let b = Block {
                start: b.start,
                col: b.col,
                end,
            };
            if let Some((i, j)) = key_lines(&lines, &b, key) {
                if i == b.start {
                    return Err(format!("cannot remove `{key}`: it starts its entry"));
                }
                lines.drain(i..j);
                end -= j - i;
            }
        }
    }
    let text: String = lines.concat();
    verify_yaml(source, &text, updates)?;
    Ok(text)
}

/// The lines of a top-level table `name:` in block style: the line after `name:`, the column of
/// its keys, and its end (exclusive, before trailing blank lines and comments).
fn top_table(lines: &[String], name: &str) -> Result<Option<Block>, String> {
    let Some(start) = lines.iter().position(|l| key_at(l, 0) == Some(name)) else {
        return Ok(None);
    };
    let value = value_of(&lines[start], 0).trim();
    if !(value.is_empty() || value.starts_with('#')) {
        return Err(format!(
            "`{name}` is written on one line (flow style); write it in block style as `medsec init` does"
        ));
    }
    let mut end = start + 1;
    let mut col = None;
    while end < lines.len() {
        let l = &lines[end];
        if !is_blank_or_comment(l) {
            if indent_of(l) == 0 {
                break;
            }
            col.get_or_insert(indent_of(l));
        }
        end += 1;
    }
    while end > start + 1 && is_blank_or_comment(&lines[end - 1]) {
        end -= 1;
    }
    Ok(Some(Block {
        start: start + 1,
        col: col.unwrap_or(2),
        end,
    }))
}

fn apply_yaml_fields(source: &str, fields: &[FieldUpdate]) -> Result<String, String> {
    let mut lines: Vec<String> = source.split_inclusive('\n').map(str::to_owned).collect();
    if lines.last().is_some_and(|l| !l.ends_with('\n')) {
        let last = lines.len() - 1;
        lines[last].push('\n');
    }
    for f in fields {
        let b = match top_table(&lines, f.table)? {
            Some(b) => b,
            None => {
                lines.push(format!("{}:\n", f.table));
                Block {
                    start: lines.len(),
                    col: 2,
                    end: lines.len(),
                }
            }
        };
        let pad = " ".repeat(b.col);
        match key_lines(&lines, &b, f.key) {
            Some((i, j)) => {
                let comment = trailing_comment(value_of(&lines[i], b.col)).to_owned();
                let new = format!("{pad}{}: {}{comment}\n", f.key, yaml_scalar(&f.value));
                lines.splice(i..j, [new]);
            }
            None => {
                let new = format!("{pad}{}: {}\n", f.key, yaml_scalar(&f.value));
                lines.insert(b.end, new);
            }
        }
    }
    let text: String = lines.concat();
    verify_yaml_fields(source, &text, fields)?;
    Ok(text)
}

fn verify_yaml_fields(old: &str, new: &str, fields: &[FieldUpdate]) -> Result<(), String> {
    use serde_norway::Value as Y;
    let layout = "the file's layout is one medsec cannot edit line by line (flow style, anchors or unusual indentation); write it in block style as `medsec init` does, or use TOML";
    let mut expected: Y = serde_norway::from_str(old).map_err(|e| format!("cannot edit: {e}"))?;
    let actual: Y = serde_norway::from_str(new).map_err(|_| layout.to_owned())?;
    let Y::Mapping(top) = &mut expected else {
        return Err(layout.to_owned());
    };
    for f in fields {
        let table = top
            .entry(Y::String(f.table.to_owned()))
            .or_insert(Y::Mapping(serde_norway::Mapping::new()));
        if table.is_null() {
            *table = Y::Mapping(serde_norway::Mapping::new());
        }
        let Y::Mapping(m) = table else {
            return Err(layout.to_owned());
        };
        m.insert(Y::String(f.key.to_owned()), yaml_data(&f.value));
    }
    if expected == actual {
        Ok(())
    } else {
        Err(layout.to_owned())
    }
}

/// The edited text must hold exactly the old data with the updates applied.
fn verify_yaml(old: &str, new: &str, updates: &[Update]) -> Result<(), String> {
    use serde_norway::Value as Y;
    let layout = "the file's layout is one medsec cannot edit line by line (flow style, anchors or unusual indentation); write it in block style as `medsec init` does, or use TOML";
    let mut expected: Y = serde_norway::from_str(old).map_err(|e| format!("cannot edit: {e}"))?;
    let actual: Y = serde_norway::from_str(new).map_err(|e| {
        if cfg!(test) {
            format!("{layout}: {e}\n{new}")
        } else {
            layout.to_owned()
        }
    })?;
    let Y::Mapping(top) = &mut expected else {
        return Err(layout.to_owned());
    };
    let answers = top
        .entry(Y::String("answers".to_owned()))
        .or_insert(Y::Sequence(Vec::new()));
    if answers.is_null() {
        *answers = Y::Sequence(Vec::new());
    }
    let Y::Sequence(seq) = answers else {
        return Err(layout.to_owned());
    };
    for u in updates {
        let matches = |m: &serde_norway::Mapping| {
            m.get("item").and_then(Y::as_str).map(str::trim) == Some(u.item.as_str())
                && m.get("round").and_then(Y::as_i64).unwrap_or(1) == i64::from(u.round)
        };
        let pos = seq.iter().position(|e| e.as_mapping().is_some_and(matches));
        let entry = match pos {
            Some(p) => &mut seq[p],
            None => {
                let mut m = serde_norway::Mapping::new();
                m.insert(Y::String("item".into()), Y::String(u.item.clone()));
                m.insert(Y::String("round".into()), Y::Number(u.round.into()));
                seq.push(Y::Mapping(m));
                seq.last_mut().expect("just pushed")
            }
        };
        let Y::Mapping(m) = entry else {
            return Err(layout.to_owned());
        };
        for (key, value) in &u.set {
            m.insert(Y::String((*key).to_owned()), yaml_data(value));
        }
        for key in &u.remove {
            m.remove(*key);
        }
    }
    if expected == actual {
        Ok(())
    } else if cfg!(test) {
        Err(format!("{layout}\n--- got:\n{new}"))
    } else {
        Err(layout.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn update() -> Update {
        Update {
            item: "security-manager".into(),
            round: 1,
            set: vec![
                ("answer", FieldValue::Text("いいえ".into())),
                ("checked_on", FieldValue::Date(date(2025, 6, 1))),
                ("target_date", FieldValue::Date(date(2025, 12, 1))),
                ("evidence", FieldValue::List(vec!["a.pdf".into()])),
            ],
            remove: vec!["carried_from"],
        }
    }

    #[test]
    fn toml_keeps_comments_and_unknown_fields() {
        let src = "# top comment\nformat_version = 1\nmystery = { a = 1 }\n\n# the item\n[[answers]]\nitem = \"security-manager\"\nanswer = \"\"   # はい/いいえ\nchecked_on = \"\"\ncarried_from = \"fy2024\"\nextra = true\n";
        let out = apply_toml(src, &[update()]).unwrap();
        assert!(out.contains("# top comment"));
        assert!(out.contains("# the item"));
        assert!(out.contains("mystery = { a = 1 }"));
        assert!(out.contains("answer = \"いいえ\"   # はい/いいえ"), "{out}");
        assert!(out.contains("checked_on = 2025-06-01"));
        assert!(out.contains("target_date = 2025-12-01"));
        assert!(out.contains("extra = true"));
        assert!(!out.contains("carried_from"));
    }

    #[test]
    fn toml_adds_missing_entries() {
        let src = "format_version = 1\n";
        let out = apply_toml(src, &[update()]).unwrap();
        assert!(
            out.contains("[[answers]]\nitem = \"security-manager\"\nround = 1\n"),
            "{out}"
        );
    }

    #[test]
    fn yaml_keeps_comments_and_unknown_fields() {
        let src = "# top\nformat_version: 1\nanswers:\n  # 1-① 責任者\n  - item: security-manager\n    round: 1\n    answer: \"\"  # はい/いいえ\n    evidence:\n      - old.pdf\n    carried_from: fy2024\n    extra: yes\n  # next\n  - item: other\n    answer: はい\nafter: 1\n";
        let out = apply_yaml(src, &[update()]).unwrap();
        assert!(out.contains("# top\n"));
        assert!(out.contains("  # 1-① 責任者\n"));
        assert!(
            out.contains("    answer: \"いいえ\"  # はい/いいえ\n"),
            "{out}"
        );
        assert!(out.contains("    evidence: [\"a.pdf\"]\n"), "{out}");
        assert!(!out.contains("old.pdf"));
        assert!(!out.contains("carried_from"));
        assert!(out.contains("    extra: yes\n"));
        assert!(out.contains("  # next\n  - item: other\n"));
        assert!(out.contains("after: 1\n"));
    }

    #[test]
    fn yaml_adds_entries_at_the_end_of_answers() {
        let src = "format_version: 1\nanswers:\n  - item: other\n    answer: はい\n\n# trailer\nafter: 1\n";
        let out = apply_yaml(src, &[update()]).unwrap();
        let v: serde_norway::Value = serde_norway::from_str(&out).unwrap();
        assert_eq!(v["answers"][1]["item"].as_str(), Some("security-manager"));
        assert_eq!(v["after"].as_i64(), Some(1));
        assert!(out.contains("# trailer"));
    }

    #[test]
    fn yaml_flow_style_is_refused_not_mangled() {
        let src = "format_version: 1\nanswers: [{item: security-manager, answer: はい}]\n";
        assert!(apply_yaml(src, &[update()]).is_err());
    }

    fn field(table: &'static str, key: &'static str, v: &str) -> FieldUpdate {
        FieldUpdate {
            table,
            key,
            value: FieldValue::Text(v.to_owned()),
        }
    }

    #[test]
    fn toml_fields_keep_comments_and_create_tables() {
        let src = "format_version = 1\n[institution]\nname = \"\"  # 名称\nmystery = 1\n\n[[answers]]\nitem = \"x\"\n";
        let out = apply_toml_fields(
            src,
            &[
                field("institution", "name", "テスト診療所"),
                field("institution", "manager", "山田"),
                field("vendor", "name", "A社"),
            ],
        )
        .unwrap();
        assert!(out.contains("name = \"テスト診療所\"  # 名称"), "{out}");
        assert!(out.contains("mystery = 1"));
        assert!(out.contains("manager = \"山田\""));
        let doc: toml_edit::DocumentMut = out.parse().unwrap();
        assert_eq!(doc["vendor"]["name"].as_str(), Some("A社"));
        assert_eq!(doc["answers"][0]["item"].as_str(), Some("x"));
    }

    #[test]
    fn yaml_fields_keep_comments_and_create_tables() {
        let src = "format_version: 1\ninstitution:\n  name: \"\"  # 名称\n  code: \"\"\n\n# answers follow\nanswers:\n  - item: x\n";
        let out = apply_yaml_fields(
            src,
            &[
                field("institution", "name", "テスト診療所"),
                field("institution", "manager", "山田"),
                field("vendor", "name", "A社"),
            ],
        )
        .unwrap();
        assert!(out.contains("  name: \"テスト診療所\"  # 名称\n"), "{out}");
        assert!(
            out.contains("  code: \"\"\n  manager: \"山田\"\n\n# answers follow"),
            "{out}"
        );
        assert!(out.ends_with("vendor:\n  name: \"A社\"\n"), "{out}");
        let flow = "format_version: 1\ninstitution: {name: a}\n";
        assert!(apply_yaml_fields(flow, &[field("institution", "name", "b")]).is_err());
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let yaml = "format_version: 1\r\ninstitution:\r\n  name: \"\"  # 名称\r\nanswers:\r\n  - item: security-manager\r\n    answer: \"\"\r\n    evidence:\r\n      - old.pdf\r\n";
        let out = with_lf(yaml, |s| apply_yaml(s, &[update()])).unwrap();
        assert!(!out.replace("\r\n", "").contains('\n'), "{out:?}");
        assert!(out.contains("    answer: \"いいえ\"\r\n"), "{out:?}");
        assert!(!out.contains("old.pdf"));
        let out = with_lf(yaml, |s| {
            apply_yaml_fields(s, &[field("institution", "name", "A")])
        })
        .unwrap();
        assert!(out.contains("  name: \"A\"  # 名称\r\n"), "{out:?}");
        let toml = "format_version = 1\r\n[institution]\r\nname = \"\"\r\n";
        let out = with_lf(toml, |s| {
            apply_toml_fields(s, &[field("institution", "code", "0110113719")])
        })
        .unwrap();
        assert!(out.ends_with("code = \"0110113719\"\r\n"), "{out:?}");
        assert!(!out.replace("\r\n", "").contains('\n'));
    }

    const FILE: &str = "format_version = 1\n[checklist]\nid = \"c\"\nedition = \"fy2025\"\n";

    #[test]
    fn a_file_changed_since_it_was_read_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        std::fs::write(&p, FILE).unwrap();
        let loaded = crate::answers::load(&p, crate::checklist::Lang::En).unwrap();
        let edited = format!("{FILE}# edited in another window\n");
        std::fs::write(&p, &edited).unwrap();
        let err = save(&loaded, &[update()]).unwrap_err();
        assert!(matches!(err, AnswersError::Changed { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), edited);
    }

    #[test]
    fn a_bom_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        std::fs::write(&p, format!("\u{feff}{FILE}")).unwrap();
        let loaded = crate::answers::load(&p, crate::checklist::Lang::En).unwrap();
        assert!(loaded.bom);
        let saved = save(&loaded, &[update()]).unwrap();
        let bytes = std::fs::read(&p).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        assert_eq!(saved.set.answers.len(), 1);
        // And the next save still sees the file as it was written.
        save(&saved, &[update()]).unwrap();
    }
}
