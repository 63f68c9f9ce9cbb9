//! TOML, edited in place with `toml_edit`: only the values of the entries touched change;
//! comments, key order, unknown fields, formatting and a value's trailing comment stay.

use super::{EditProblem, FieldUpdate, FieldValue, Update};

fn toml_value(v: &FieldValue) -> toml_edit::Value {
    match v {
        FieldValue::Text(s) => toml_edit::Value::from(s.as_str()),
        FieldValue::Int(i) => toml_edit::Value::from(*i),
        FieldValue::Bool(b) => toml_edit::Value::from(*b),
        FieldValue::Blank => toml_edit::Value::from(""),
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

/// `source` with `updates` applied.
pub(super) fn apply(source: &str, updates: &[Update]) -> Result<String, EditProblem> {
    let mut doc: toml_edit::DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| EditProblem::Parse(e.to_string()))?;
    for u in updates {
        let entry = doc
            .entry("answers")
            .or_insert(toml_edit::Item::ArrayOfTables(
                toml_edit::ArrayOfTables::new(),
            ));
        let Some(aot) = entry.as_array_of_tables_mut() else {
            return Err(EditProblem::NotArrayOfTables);
        };
        let pos = aot.iter().position(|t| {
            t.get("item").and_then(|i| i.as_str()).map(str::trim) == Some(u.item.as_str())
                && round_of_toml(t) == i64::from(u.round)
        });
        let pos = match pos {
            Some(p) => p,
            None => {
                let mut t = toml_edit::Table::new();
                t.insert("item", toml_edit::value(u.item.as_str()));
                t.insert("round", toml_edit::value(i64::from(u.round)));
                aot.push(t);
                aot.len() - 1
            }
        };
        let Some(table) = aot.get_mut(pos) else {
            return Err(EditProblem::Entry {
                item: u.item.clone(),
                name: None,
            });
        };
        for (key, value) in &u.set {
            let mut new = toml_value(value);
            match table.get_mut(key).and_then(|i| i.as_value_mut()) {
                Some(old) => {
                    // Keep the spacing and a trailing comment of the old value.
                    *new.decor_mut() = old.decor().clone();
                    *old = new;
                }
                // A blank is kept where the key is written, never added.
                None if *value == FieldValue::Blank => {}
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

/// `source` with `fields` set in its top-level tables.
pub(super) fn apply_fields(source: &str, fields: &[FieldUpdate]) -> Result<String, EditProblem> {
    let mut doc: toml_edit::DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| EditProblem::Parse(e.to_string()))?;
    for f in fields {
        let entry = doc
            .entry(f.table)
            .or_insert(toml_edit::Item::Table(toml_edit::Table::new()));
        let Some(table) = entry.as_table_like_mut() else {
            return Err(EditProblem::NotATable {
                table: f.table.to_owned(),
                key: f.key.to_owned(),
            });
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
