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

use super::{load_str, AnswersError, FileFormat, Loaded};
use jiff::civil::Date;
use std::io::Write;
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
    match loaded.format {
        FileFormat::Toml => apply_toml(&loaded.source, updates).map_err(unsafe_err),
        FileFormat::Yaml => apply_yaml(&loaded.source, updates).map_err(unsafe_err),
    }
}

/// Apply `updates`, check that the result still reads, and replace the file atomically.
/// Returns the file as now written.
pub fn save(loaded: &Loaded, updates: &[Update]) -> Result<Loaded, AnswersError> {
    let text = apply(loaded, updates)?;
    let reloaded = load_str(&loaded.path, loaded.format, text)?;
    write_atomic(&loaded.path, reloaded.source.as_bytes()).map_err(|source| {
        AnswersError::Write {
            path: loaded.path.clone(),
            source,
        }
    })?;
    Ok(reloaded)
}

/// Write a new file, refusing to overwrite one unless `force`.
pub fn create(path: &Path, text: &str, force: bool) -> Result<(), AnswersError> {
    if !force && path.exists() {
        return Err(AnswersError::Exists {
            path: path.to_owned(),
        });
    }
    write_atomic(path, text.as_bytes()).map_err(|source| AnswersError::Write {
        path: path.to_owned(),
        source,
    })
}

/// Replace `path` with `bytes`: temporary file in the same folder, fsync, rename, fsync folder.
/// The original file's permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "answers".into(), |n| n.to_string_lossy().into_owned());
    let mut attempt = 0u32;
    let (tmp_path, mut file) = loop {
        let candidate = dir.join(format!(
            ".{name}.medsec-{}-{attempt}.tmp",
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => break (candidate, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1
            }
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        file.write_all(bytes)?;
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp_path, path)?;
        // The rename itself must reach the disk.
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp_path);
    }
    result
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
    (after.is_empty() || after.starts_with(' ') || after.starts_with('\n')).then_some(key)
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

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        std::fs::write(&p, "old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
