//! The answers file (as a `node` tree) -> `AnswerSet`, with every problem as a diagnostic
//! pointing into the file. Unknown keys are warnings, never errors: the file is the user's,
//! and rewriting it keeps them.

use super::model::*;
use super::node::{Entry, Node, Value};
use crate::checklist::InstitutionKind;
use crate::diagnostic::{Diagnostic, Location, Severity};
use jiff::civil::Date;

/// Read a parsed tree. Returns the set when there is no error-level diagnostic.
pub(crate) fn read(file: &str, source: &str, root: &Node) -> (Option<AnswerSet>, Vec<Diagnostic>) {
    let mut r = Reader {
        file,
        source,
        diags: Vec::new(),
    };
    let set = r.answer_set(root);
    let ok = !r.diags.iter().any(|d| d.severity == Severity::Error);
    (set.filter(|_| ok), r.diags)
}

/// Parse a date as written in answers and sheets: `YYYY-MM-DD` or `YYYY/MM/DD` (one-digit
/// month and day allowed). `Err` says why.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let t = text.trim();
    let parts: Vec<&str> = if t.contains('/') {
        t.split('/').collect()
    } else {
        t.split('-').collect()
    };
    let [y, m, d] = parts.as_slice() else {
        return Err(format!("`{t}` is not a date; write YYYY-MM-DD"));
    };
    let num = |s: &str, max_len: usize| -> Option<i16> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2)) else {
        return Err(format!("`{t}` is not a date; write YYYY-MM-DD"));
    };
    if y < 1900 {
        return Err(format!("`{t}`: the year {y} is not a possible date here"));
    }
    let (Ok(m8), Ok(d8)) = (i8::try_from(m), i8::try_from(d)) else {
        return Err(format!("`{t}` is not a possible date"));
    };
    Date::new(y, m8, d8).map_err(|_| format!("`{t}` is not a possible date (no such day)"))
}

struct Reader<'a> {
    file: &'a str,
    source: &'a str,
    diags: Vec<Diagnostic>,
}

const TOP_KEYS: &[&str] = &[
    "format_version",
    "checklist",
    "institution",
    "vendor",
    "vendors",
    "answers",
];
const CHECKLIST_KEYS: &[&str] = &["id", "edition", "digest"];
const INSTITUTION_KEYS: &[&str] = &[
    "name",
    "code",
    "prefecture",
    "kind",
    "manager",
    "security_manager",
    "answered_by",
];
const VENDOR_KEYS: &[&str] = &["name", "system", "contact", "answered_by"];
const VENDORS_KEYS: &[&str] = &["contract", "forms"];
const ANSWER_KEYS: &[&str] = &[
    "item",
    "round",
    "answer",
    "checked_on",
    "target_date",
    "reason",
    "note",
    "evidence",
    "carried_from",
    "review",
];

impl Reader<'_> {
    fn push(&mut self, severity: Severity, code: &'static str, at: usize, message: String) {
        self.diags.push(Diagnostic {
            code,
            severity,
            location: Location::at(self.file, self.source, at),
            message,
        });
    }

    fn error(&mut self, code: &'static str, at: usize, message: String) {
        self.push(Severity::Error, code, at, message);
    }

    fn table<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [Entry]> {
        match &node.value {
            Value::Table(t) => Some(t),
            other => {
                self.error(
                    "wrong-type",
                    node.at,
                    format!("{what} must be a table, not {}", other.kind()),
                );
                None
            }
        }
    }

    fn unknown_keys(&mut self, entries: &[Entry], known: &[&str], what: &str) {
        for e in entries {
            if !known.contains(&e.key.as_str()) {
                self.push(
                    Severity::Warning,
                    "unknown-field",
                    e.key_at,
                    format!(
                        "{what}: unknown field `{}` (kept as is; known fields: {})",
                        e.key,
                        known.join(", ")
                    ),
                );
            }
        }
    }

    /// A string field; empty strings and nulls are `None`.
    fn text(&mut self, entries: &[Entry], key: &str, what: &str) -> Option<String> {
        let e = get(entries, key)?;
        match &e.node.value {
            Value::Null => None,
            Value::Str(s) if s.trim().is_empty() => None,
            Value::Str(s) => Some(s.clone()),
            // Numbers are fine where text is expected (a code typed without quotes).
            Value::Int(i) => Some(i.to_string()),
            other => {
                self.error(
                    "wrong-type",
                    e.node.at,
                    format!("{what}: `{key}` must be text, not {}", other.kind()),
                );
                None
            }
        }
    }

    fn date(&mut self, entries: &[Entry], key: &str, what: &str) -> Option<Date> {
        let e = get(entries, key)?;
        let text = match &e.node.value {
            Value::Null => return None,
            Value::Str(s) if s.trim().is_empty() => return None,
            Value::Str(s) => s.clone(),
            Value::Datetime(s) => s.clone(),
            other => {
                self.error(
                    "wrong-type",
                    e.node.at,
                    format!(
                        "{what}: `{key}` must be a date (YYYY-MM-DD), not {}",
                        other.kind()
                    ),
                );
                return None;
            }
        };
        match parse_date(&text) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.error("invalid-date", e.node.at, format!("{what}: `{key}`: {msg}"));
                None
            }
        }
    }

    fn answer_set(&mut self, root: &Node) -> Option<AnswerSet> {
        let top = self.table(root, "the answers file")?;
        // The format version first: a newer file explains every later mismatch.
        let format_version = match get(top, "format_version") {
            None => {
                self.error(
                    "missing-field",
                    root.at,
                    format!("`format_version` is missing; this medsec reads format_version {FORMAT_VERSION}"),
                );
                return None;
            }
            Some(e) => match e.node.value {
                Value::Int(v) if v == i64::from(FORMAT_VERSION) => FORMAT_VERSION,
                ref other => {
                    self.error(
                        "unsupported-format-version",
                        e.node.at,
                        format!(
                            "format_version {other} is not supported; this medsec reads format_version {FORMAT_VERSION} (a newer medsec may read it)"
                        ),
                    );
                    return None;
                }
            },
        };
        self.unknown_keys(top, TOP_KEYS, "top level");
        let checklist = self.checklist_ref(top, root.at);
        let institution = get(top, "institution").and_then(|e| self.institution(&e.node));
        let vendor = get(top, "vendor").and_then(|e| self.vendor(&e.node));
        let vendors = get(top, "vendors").and_then(|e| self.vendors(&e.node));
        let answers = match get(top, "answers") {
            None => Vec::new(),
            Some(e) => match &e.node.value {
                Value::Array(items) => items.iter().filter_map(|n| self.answer(n)).collect(),
                Value::Null => Vec::new(),
                other => {
                    self.error(
                        "wrong-type",
                        e.node.at,
                        format!(
                            "`answers` must be a list of entries ([[answers]] in TOML), not {}",
                            other.kind()
                        ),
                    );
                    Vec::new()
                }
            },
        };
        Some(AnswerSet {
            format_version,
            checklist: checklist?,
            institution,
            vendor,
            vendors,
            answers,
        })
    }

    fn checklist_ref(&mut self, top: &[Entry], root_at: usize) -> Option<ChecklistRef> {
        let Some(e) = get(top, "checklist") else {
            self.error(
                "missing-field",
                root_at,
                "the [checklist] table (id, edition, digest) is missing; `medsec init` writes it"
                    .to_owned(),
            );
            return None;
        };
        let t = self.table(&e.node, "[checklist]")?;
        self.unknown_keys(t, CHECKLIST_KEYS, "[checklist]");
        let id = self.text(t, "id", "[checklist]");
        let edition = self.text(t, "edition", "[checklist]");
        let digest = self.text(t, "digest", "[checklist]");
        for (key, value) in [("id", &id), ("edition", &edition)] {
            if value.is_none() {
                self.error(
                    "missing-field",
                    e.node.at,
                    format!("[checklist]: `{key}` is missing or empty"),
                );
            }
        }
        Some(ChecklistRef {
            id: id?,
            edition: edition?,
            digest,
        })
    }

    fn institution(&mut self, node: &Node) -> Option<Institution> {
        let t = self.table(node, "[institution]")?;
        self.unknown_keys(t, INSTITUTION_KEYS, "[institution]");
        let w = "[institution]";
        let kind = match self.text(t, "kind", w) {
            None => None,
            Some(k) => {
                let parsed = InstitutionKind::parse(k.trim());
                if parsed.is_none() {
                    let at = get(t, "kind").map_or(node.at, |e| e.node.at);
                    self.error(
                        "invalid-value",
                        at,
                        format!(
                            "[institution]: unknown kind `{k}`; expected one of: {}",
                            InstitutionKind::names()
                        ),
                    );
                }
                parsed
            }
        };
        Some(Institution {
            name: self.text(t, "name", w),
            code: self.text(t, "code", w),
            prefecture: self.text(t, "prefecture", w),
            kind,
            manager: self.text(t, "manager", w),
            security_manager: self.text(t, "security_manager", w),
            answered_by: self.text(t, "answered_by", w),
        })
    }

    fn vendor(&mut self, node: &Node) -> Option<Vendor> {
        let t = self.table(node, "[vendor]")?;
        self.unknown_keys(t, VENDOR_KEYS, "[vendor]");
        let w = "[vendor]";
        Some(Vendor {
            name: self.text(t, "name", w),
            system: self.text(t, "system", w),
            contact: self.text(t, "contact", w),
            answered_by: self.text(t, "answered_by", w),
        })
    }

    fn vendors(&mut self, node: &Node) -> Option<VendorContracts> {
        let t = self.table(node, "[vendors]")?;
        self.unknown_keys(t, VENDORS_KEYS, "[vendors]");
        let contract = match get(t, "contract").map(|e| &e.node) {
            None => None,
            Some(Node {
                value: Value::Bool(b),
                ..
            }) => Some(*b),
            Some(Node {
                value: Value::Null, ..
            }) => None,
            Some(Node {
                value: Value::Str(s),
                ..
            }) if s.trim().is_empty() => None,
            Some(n) => {
                self.error(
                    "wrong-type",
                    n.at,
                    format!(
                        "[vendors]: `contract` must be true or false, not {}",
                        n.value.kind()
                    ),
                );
                None
            }
        };
        let forms = self.string_list(t, "forms", "[vendors]");
        Some(VendorContracts { contract, forms })
    }

    fn string_list(&mut self, entries: &[Entry], key: &str, what: &str) -> Vec<String> {
        let Some(e) = get(entries, key) else {
            return Vec::new();
        };
        match &e.node.value {
            Value::Null => Vec::new(),
            Value::Str(s) if s.trim().is_empty() => Vec::new(),
            Value::Str(s) => vec![s.clone()],
            Value::Array(items) => items
                .iter()
                .filter_map(|n| match &n.value {
                    Value::Str(s) if s.trim().is_empty() => None,
                    Value::Str(s) => Some(s.clone()),
                    other => {
                        self.error(
                            "wrong-type",
                            n.at,
                            format!("{what}: `{key}` must list text, not {}", other.kind()),
                        );
                        None
                    }
                })
                .collect(),
            other => {
                self.error(
                    "wrong-type",
                    e.node.at,
                    format!(
                        "{what}: `{key}` must be a list of text, not {}",
                        other.kind()
                    ),
                );
                Vec::new()
            }
        }
    }

    fn answer(&mut self, node: &Node) -> Option<Answer> {
        let t = self.table(node, "an answers entry")?;
        let item = match self.text(t, "item", "answers entry") {
            Some(item) => item.trim().to_owned(),
            None => {
                self.error(
                    "missing-field",
                    node.at,
                    "answers entry without `item` (the item's stable ID)".to_owned(),
                );
                return None;
            }
        };
        let what = format!("item `{item}`");
        self.unknown_keys(t, ANSWER_KEYS, &what);
        let round = match get(t, "round").map(|e| &e.node) {
            None => 1,
            Some(Node {
                value: Value::Int(r),
                ..
            }) if ROUNDS.contains(&u8::try_from(*r).unwrap_or(0)) => u8::try_from(*r).unwrap_or(1),
            Some(n) => {
                self.error(
                    "invalid-round",
                    n.at,
                    format!("{what}: `round` must be 1 or 2, not {}", n.value),
                );
                return None;
            }
        };
        let what = format!("item `{item}` round {round}");
        let response = match self.text(t, "answer", &what) {
            None => None,
            Some(text) => {
                let parsed = Response::parse(&text);
                if parsed.is_none() {
                    let at = get(t, "answer").map_or(node.at, |e| e.node.at);
                    self.error(
                        "invalid-answer",
                        at,
                        format!("{what}: answer `{text}` is not one of はい, いいえ, 対象外 (or yes, no, na)"),
                    );
                }
                parsed
            }
        };
        let review = match self.text(t, "review", &what) {
            None => None,
            Some(text) => {
                let parsed = Review::parse(text.trim());
                if parsed.is_none() {
                    let at = get(t, "review").map_or(node.at, |e| e.node.at);
                    self.error(
                        "invalid-value",
                        at,
                        format!("{what}: review `{text}` is not one of new, reworded, replaced"),
                    );
                }
                parsed
            }
        };
        Some(Answer {
            response,
            checked_on: self.date(t, "checked_on", &what),
            target_date: self.date(t, "target_date", &what),
            reason: self.text(t, "reason", &what),
            note: self.text(t, "note", &what),
            evidence: self.string_list(t, "evidence", &what),
            carried_from: self.text(t, "carried_from", &what),
            review,
            item,
            round,
            at: node.at,
        })
    }
}

fn get<'e>(entries: &'e [Entry], key: &str) -> Option<&'e Entry> {
    entries.iter().find(|e| e.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_in_both_spellings() {
        assert_eq!(parse_date("2025-06-01"), Ok(date(2025, 6, 1)));
        assert_eq!(parse_date("2025/6/1"), Ok(date(2025, 6, 1)));
        assert!(parse_date("2025-02-30")
            .unwrap_err()
            .contains("no such day"));
        assert!(parse_date("2025-13-01").is_err());
        assert!(parse_date("R7.6.1").is_err());
        assert!(parse_date("2025-06-01T00:00:00").is_err());
    }
}
