//! YAML, edited line by line: no YAML library keeps comments. The lines of the keys that change
//! are replaced, new keys are added at the end of their entry, new entries at the end of
//! `answers:`. The result is parsed again and compared with the intended data, so a layout the
//! editor does not understand (flow style, anchors) is refused, never mangled.

use super::{EditProblem, FieldUpdate, FieldValue, Update};

/// Line `i`, or nothing past the end.
fn at(lines: &[String], i: usize) -> &str {
    lines.get(i).map_or("", String::as_str)
}

/// Make sure the last line ends with a line feed, so lines can be added after it.
fn end_last_line(lines: &mut [String]) {
    if let Some(last) = lines.last_mut() {
        if !last.ends_with('\n') {
            last.push('\n');
        }
    }
}

fn quote(s: &str) -> String {
    // A JSON string is a YAML double-quoted scalar.
    serde_json::Value::String(s.to_owned()).to_string()
}

fn yaml_scalar(v: &FieldValue) -> String {
    match v {
        FieldValue::Text(s) => quote(s),
        FieldValue::Date(d) => quote(&d.to_string()),
        FieldValue::Int(i) => i.to_string(),
        FieldValue::Bool(b) => b.to_string(),
        FieldValue::Blank => quote(""),
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
        FieldValue::Bool(b) => Y::Bool(*b),
        FieldValue::Blank => Y::String(String::new()),
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
    let (key, after) = rest.split_once(':')?;
    let key = key.trim_matches(|c| c == '"' || c == '\'');
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
    let mut last_content = start + 1;
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if !is_blank_or_comment(l)
            && indent_of(l) == 0
            && !l.starts_with("- ")
            && !l.starts_with("-\n")
        {
            break;
        }
        if !is_blank_or_comment(l) {
            last_content = i + 1;
        }
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
        let starts = l.trim_start_matches(' ').starts_with("- ") && *dash.get_or_insert(ind) == ind;
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
        while b.end > b.start + 1 && is_blank_or_comment(at(lines, b.end - 1)) {
            b.end -= 1;
        }
    }
    blocks
}

/// Lines of the key at `col` in the block: the key line and its continuation lines.
fn key_lines(lines: &[String], b: &Block, key: &str) -> Option<(usize, usize)> {
    for i in b.start..b.end {
        if key_at(at(lines, i), b.col) == Some(key) {
            let mut j = i + 1;
            while j < b.end
                && (is_blank_or_comment(at(lines, j)) || indent_of(at(lines, j)) > b.col)
            {
                j += 1;
            }
            while j > i + 1 && is_blank_or_comment(at(lines, j - 1)) {
                j -= 1;
            }
            return Some((i, j));
        }
    }
    None
}

fn value_of(line: &str, col: usize) -> &str {
    let rest = line.get(col..).unwrap_or("");
    rest.split_once(':').map_or("", |(_, value)| value)
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
        close.map_or("", |(i, _)| inner.get(i + 1..).unwrap_or(""))
    } else if let Some(inner) = v.strip_prefix('\'') {
        inner.split_once('\'').map_or("", |(_, rest)| rest)
    } else {
        v.find(" #").map_or("", |i| v.get(i..).unwrap_or(""))
    };
    let rest = rest.trim_end();
    if rest.trim_start().starts_with('#') {
        rest
    } else {
        ""
    }
}

/// `source` with `updates` applied.
pub(super) fn apply(source: &str, updates: &[Update]) -> Result<String, EditProblem> {
    let mut lines: Vec<String> = source.split_inclusive('\n').map(str::to_owned).collect();
    end_last_line(&mut lines);
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
                .map(|(i, _)| unquote(value_of(at(&lines, i), b.col)).to_owned());
            let round = key_lines(&lines, b, "round")
                .map(|(i, _)| unquote(value_of(at(&lines, i), b.col)).to_owned())
                .unwrap_or_else(|| "1".to_owned());
            item.as_deref() == Some(u.item.as_str()) && round == u.round.to_string()
        });
        let b = match found {
            Some(b) => b,
            None => {
                let dash = entries(&lines, region).first().map_or(2, |b| b.col - 2);
                let pad = " ".repeat(dash);
                let start = region.1;
                lines.insert(start, format!("{pad}- item: {}\n", quote(&u.item)));
                lines.insert(start + 1, format!("{pad}  round: {}\n", u.round));
                Block {
                    start,
                    col: dash + 2,
                    end: start + 2,
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
                    let old = value_of(at(&lines, i), b.col);
                    let comment = trailing_comment(old).to_owned();
                    let prefix = at(&lines, i).get(..b.col).unwrap_or("");
                    let new = format!("{prefix}{key}: {}{comment}\n", yaml_scalar(value));
                    lines.splice(i..j, [new]);
                    end -= j - i - 1;
                }
                // A blank is kept where the key is written, never added.
                None if *value == FieldValue::Blank => {}
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
                    return Err(EditProblem::StartsEntry {
                        key: (*key).to_owned(),
                    });
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
fn top_table(lines: &[String], name: &str) -> Result<Option<Block>, EditProblem> {
    let Some(start) = lines.iter().position(|l| key_at(l, 0) == Some(name)) else {
        return Ok(None);
    };
    let value = value_of(at(lines, start), 0).trim();
    if !(value.is_empty() || value.starts_with('#')) {
        return Err(EditProblem::FlowStyle {
            name: name.to_owned(),
        });
    }
    let mut end = start + 1;
    let mut col = None;
    for l in lines.iter().skip(start + 1) {
        if !is_blank_or_comment(l) {
            if indent_of(l) == 0 {
                break;
            }
            col.get_or_insert(indent_of(l));
        }
        end += 1;
    }
    while end > start + 1 && is_blank_or_comment(at(lines, end - 1)) {
        end -= 1;
    }
    Ok(Some(Block {
        start: start + 1,
        col: col.unwrap_or(2),
        end,
    }))
}

/// `source` with `fields` set in its top-level tables.
pub(super) fn apply_fields(source: &str, fields: &[FieldUpdate]) -> Result<String, EditProblem> {
    let mut lines: Vec<String> = source.split_inclusive('\n').map(str::to_owned).collect();
    end_last_line(&mut lines);
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
                let comment = trailing_comment(value_of(at(&lines, i), b.col)).to_owned();
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

fn verify_yaml_fields(old: &str, new: &str, fields: &[FieldUpdate]) -> Result<(), EditProblem> {
    use serde_norway::Value as Y;

    let mut expected: Y =
        serde_norway::from_str(old).map_err(|e| EditProblem::Parse(e.to_string()))?;
    let actual: Y = serde_norway::from_str(new).map_err(|_| EditProblem::Layout)?;
    let Y::Mapping(top) = &mut expected else {
        return Err(EditProblem::Layout);
    };
    for f in fields {
        let table = top
            .entry(Y::String(f.table.to_owned()))
            .or_insert(Y::Mapping(serde_norway::Mapping::new()));
        if table.is_null() {
            *table = Y::Mapping(serde_norway::Mapping::new());
        }
        let Y::Mapping(m) = table else {
            return Err(EditProblem::Layout);
        };
        m.insert(Y::String(f.key.to_owned()), yaml_data(&f.value));
    }
    if expected == actual {
        Ok(())
    } else {
        Err(EditProblem::Layout)
    }
}

/// The edited text must hold exactly the old data with the updates applied.
fn verify_yaml(old: &str, new: &str, updates: &[Update]) -> Result<(), EditProblem> {
    use serde_norway::Value as Y;

    let mut expected: Y =
        serde_norway::from_str(old).map_err(|e| EditProblem::Parse(e.to_string()))?;
    let actual: Y = serde_norway::from_str(new).map_err(|_| EditProblem::Layout)?;
    let Y::Mapping(top) = &mut expected else {
        return Err(EditProblem::Layout);
    };
    let answers = top
        .entry(Y::String("answers".to_owned()))
        .or_insert(Y::Sequence(Vec::new()));
    if answers.is_null() {
        *answers = Y::Sequence(Vec::new());
    }
    let Y::Sequence(seq) = answers else {
        return Err(EditProblem::Layout);
    };
    for u in updates {
        let matches = |m: &serde_norway::Mapping| {
            m.get("item").and_then(Y::as_str).map(str::trim) == Some(u.item.as_str())
                && m.get("round").and_then(Y::as_i64).unwrap_or(1) == i64::from(u.round)
        };
        let pos = seq.iter().position(|e| e.as_mapping().is_some_and(matches));
        let pos = match pos {
            Some(p) => p,
            None => {
                let mut m = serde_norway::Mapping::new();
                m.insert(Y::String("item".into()), Y::String(u.item.clone()));
                m.insert(Y::String("round".into()), Y::Number(u.round.into()));
                seq.push(Y::Mapping(m));
                seq.len() - 1
            }
        };
        let Some(Y::Mapping(m)) = seq.get_mut(pos) else {
            return Err(EditProblem::Layout);
        };
        for (key, value) in &u.set {
            let key = Y::String((*key).to_owned());
            if *value != FieldValue::Blank || m.contains_key(&key) {
                m.insert(key, yaml_data(value));
            }
        }
        for key in &u.remove {
            m.remove(*key);
        }
    }
    if expected == actual {
        Ok(())
    } else {
        Err(EditProblem::Layout)
    }
}
