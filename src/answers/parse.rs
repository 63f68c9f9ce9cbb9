//! The answers file (as a `node` tree) -> `AnswerSet`, with every problem as a diagnostic
//! pointing into the file. Unknown keys are warnings, never errors: the file is the user's,
//! and rewriting it keeps them.

use super::messages::{Expected, Msg, Place};
use super::model::*;
use super::node::{Entry, Node, Value};
use crate::checklist::{Catalog, Checklist, InstitutionKind, Lang};
use crate::dates::parse_date_for_people as parse_date;
use crate::diagnostic::{Diagnostic, Location, Severity};
use jiff::civil::Date;

/// Read a parsed tree. Returns the set when there is no error-level diagnostic; messages are
/// in `lang`. Items are named for people by their printed number and title when the checklist
/// the file names is in `catalog` or bundled (else by the ID the file holds).
pub(crate) fn read(
    file: &str,
    source: &str,
    root: &Node,
    lang: Lang,
    catalog: Option<&Catalog>,
) -> (Option<AnswerSet>, Vec<Diagnostic>) {
    let mut r = Reader {
        file,
        source,
        lang,
        diags: Vec::new(),
        catalog,
        checklist: None,
        fiscal_year: None,
    };
    let set = r.answer_set(root);
    let ok = !r.diags.iter().any(|d| d.severity == Severity::Error);
    (set.filter(|_| ok), r.diags)
}

struct Reader<'a> {
    file: &'a str,
    source: &'a str,
    lang: Lang,
    diags: Vec<Diagnostic>,
    catalog: Option<&'a Catalog>,
    /// The checklist the file names, once its `[checklist]` is read and if it is known.
    checklist: Option<&'a Checklist>,
    /// The fiscal year of the edition the file names (`fy2024`), for the example dates of a
    /// date that cannot be read, as the sheet import gives them.
    fiscal_year: Option<i16>,
}

/// The bundled checklists, for naming items when the caller gives no catalog.
static BUNDLED: std::sync::LazyLock<Option<Catalog>> =
    std::sync::LazyLock::new(|| Catalog::bundled().ok());

/// The checklist `r` names: in `catalog` first, else among the bundled ones.
fn find_checklist<'c>(catalog: Option<&'c Catalog>, r: &ChecklistRef) -> Option<&'c Checklist> {
    let spec = r.full_id();
    catalog
        .and_then(|c| c.resolve(&spec, None).ok())
        .or_else(|| BUNDLED.as_ref().and_then(|c| c.resolve(&spec, None).ok()))
        .map(|l| &l.checklist)
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
    /// An item as people know it (`2-⑥ セキュリティパッチ`); the ID in backticks when the
    /// checklist or the item is unknown.
    fn item_name(&self, item: &str) -> String {
        self.checklist
            .and_then(|c| c.item(item))
            .map_or_else(|| format!("`{item}`"), |i| i.label(self.lang))
    }

    fn push(&mut self, at: usize, msg: Msg) {
        let location = Location::at(self.file, self.source, at);
        self.diags.push(msg.diagnostic(location, self.lang));
    }

    fn wrong_type(
        &mut self,
        at: usize,
        place: &Place,
        key: Option<&str>,
        expected: Expected,
        found: &Value,
    ) {
        self.push(
            at,
            Msg::WrongType {
                place: place.clone(),
                key: key.map(str::to_owned),
                expected,
                found: found.kind(),
            },
        );
    }

    fn table<'n>(&mut self, node: &'n Node, place: &Place) -> Option<&'n [Entry]> {
        match &node.value {
            Value::Table(t) => Some(t),
            other => {
                self.wrong_type(node.at, place, None, Expected::Table, other);
                None
            }
        }
    }

    fn unknown_keys<'k>(
        &mut self,
        entries: &[Entry],
        known: impl IntoIterator<Item = &'k str> + Clone,
        place: &Place,
    ) {
        for e in entries {
            if !known.clone().into_iter().any(|k| k == e.key) {
                let known: Vec<String> = known.clone().into_iter().map(str::to_owned).collect();
                self.push(
                    e.key_at,
                    Msg::UnknownField {
                        place: place.clone(),
                        key: e.key.clone(),
                        known,
                    },
                );
            }
        }
    }

    /// A string field; empty strings and nulls are `None`.
    fn text(&mut self, entries: &[Entry], key: &str, what: &Place) -> Option<String> {
        let e = get(entries, key)?;
        match &e.node.value {
            Value::Null => None,
            Value::Str(s) if s.trim().is_empty() => None,
            Value::Str(s) => Some(s.clone()),
            // A 医療機関コード typed without quotes has lost any leading zero: an error saying
            // it is text.
            other if key == "code" => {
                self.wrong_type(e.node.at, what, Some(key), Expected::Code, other);
                None
            }
            other => {
                self.wrong_type(e.node.at, what, Some(key), Expected::Text, other);
                None
            }
        }
    }

    fn date(&mut self, entries: &[Entry], key: &'static str, what: &Place) -> Option<Date> {
        let e = get(entries, key)?;
        let text = match &e.node.value {
            Value::Null => return None,
            Value::Str(s) if s.trim().is_empty() => return None,
            Value::Str(s) => s.clone(),
            Value::Datetime(s) => s.clone(),
            other => {
                self.wrong_type(e.node.at, what, Some(key), Expected::Date, other);
                return None;
            }
        };
        match parse_date(&text) {
            Ok(d) => Some(d),
            Err(error) => {
                self.push(
                    e.node.at,
                    Msg::InvalidDate {
                        place: what.clone(),
                        key,
                        error,
                        fiscal_year: self.fiscal_year,
                    },
                );
                None
            }
        }
    }

    fn answer_set(&mut self, root: &Node) -> Option<AnswerSet> {
        let top = self.table(root, &Place::File)?;
        // The format version first: a newer file explains every later mismatch.
        let format_version = match get(top, "format_version") {
            None => {
                self.push(
                    root.at,
                    Msg::MissingFormatVersion {
                        supported: FORMAT_VERSION,
                        empty: top.is_empty(),
                    },
                );
                return None;
            }
            Some(e) => match e.node.value {
                Value::Int(v) if v == i64::from(FORMAT_VERSION) => FORMAT_VERSION,
                Value::Int(_) => {
                    self.push(
                        e.node.at,
                        Msg::UnsupportedFormatVersion {
                            found: e.node.value.to_string(),
                            supported: FORMAT_VERSION,
                        },
                    );
                    return None;
                }
                // `format_version = "1"`: the right number in the wrong type.
                ref other => {
                    self.wrong_type(
                        e.node.at,
                        &Place::TopLevel,
                        Some("format_version"),
                        Expected::Integer,
                        other,
                    );
                    return None;
                }
            },
        };
        self.unknown_keys(top, TOP_KEYS.iter().copied(), &Place::TopLevel);
        let checklist = self.checklist_ref(top, root.at);
        self.checklist = checklist
            .as_ref()
            .and_then(|r| find_checklist(self.catalog, r));
        self.fiscal_year = self.checklist.map(|c| c.fiscal_year).or_else(|| {
            checklist
                .as_ref()
                .and_then(|r| crate::checklist::validate::parse_edition(&r.edition))
                .and_then(|y| i16::try_from(y).ok())
        });
        let institution = get(top, "institution").and_then(|e| self.institution(&e.node));
        let vendor = get(top, "vendor").and_then(|e| self.vendor(&e.node));
        let vendors = get(top, "vendors").and_then(|e| self.vendors(&e.node));
        let answers = match get(top, "answers") {
            None => Vec::new(),
            Some(e) => match &e.node.value {
                Value::Array(items) => items.iter().filter_map(|n| self.answer(n)).collect(),
                Value::Null => Vec::new(),
                other => {
                    self.wrong_type(
                        e.node.at,
                        &Place::TopLevel,
                        Some("answers"),
                        Expected::AnswersList,
                        other,
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
            self.push(root_at, Msg::MissingChecklistTable);
            return None;
        };
        let place = Place::Table("[checklist]");
        let t = self.table(&e.node, &place)?;
        self.unknown_keys(t, CHECKLIST_KEYS.iter().copied(), &place);
        let id = self.text(t, "id", &place);
        let edition = self.text(t, "edition", &place);
        let digest = self.text(t, "digest", &place);
        for (key, value) in [("id", &id), ("edition", &edition)] {
            if value.is_none() {
                self.push(e.node.at, Msg::MissingChecklistField { key });
            }
        }
        Some(ChecklistRef {
            id: id?,
            edition: edition?,
            digest,
        })
    }

    fn institution(&mut self, node: &Node) -> Option<Institution> {
        let w = &Place::Table("[institution]");
        let t = self.table(node, w)?;
        self.unknown_keys(t, InstitutionField::ALL.iter().map(|f| f.key()), w);
        let kind = match self.text(t, "kind", w) {
            None => None,
            Some(k) => {
                let parsed = InstitutionKind::parse_for_people(&k);
                if parsed.is_none() {
                    let at = get(t, "kind").map_or(node.at, |e| e.node.at);
                    self.push(at, Msg::InvalidKind { value: k });
                }
                parsed
            }
        };
        Some(Institution {
            name: self.text(t, "name", w),
            code: self
                .text(t, "code", w)
                .map(|c| super::code::ascii_digits(&c)),
            prefecture: self.text(t, "prefecture", w),
            kind,
            manager: self.text(t, "manager", w),
            security_manager: self.text(t, "security_manager", w),
            answered_by: self.text(t, "answered_by", w),
        })
    }

    fn vendor(&mut self, node: &Node) -> Option<Vendor> {
        let w = &Place::Table("[vendor]");
        let t = self.table(node, w)?;
        self.unknown_keys(t, VendorField::ALL.iter().map(|f| f.key()), w);
        Some(Vendor {
            name: self.text(t, "name", w),
            system: self.text(t, "system", w),
            contact: self.text(t, "contact", w),
            answered_by: self.text(t, "answered_by", w),
        })
    }

    fn vendors(&mut self, node: &Node) -> Option<VendorContracts> {
        let w = &Place::Table("[vendors]");
        let t = self.table(node, w)?;
        self.unknown_keys(t, VENDORS_KEYS.iter().copied(), w);
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
                self.wrong_type(n.at, w, Some("contract"), Expected::Bool, &n.value);
                None
            }
        };
        let forms = self.string_list(t, "forms", w);
        Some(VendorContracts { contract, forms })
    }

    fn string_list(&mut self, entries: &[Entry], key: &str, what: &Place) -> Vec<String> {
        let Some(e) = get(entries, key) else {
            return Vec::new();
        };
        match &e.node.value {
            Value::Null => Vec::new(),
            // An empty placeholder (`evidence = ""`) is an empty list; one name in a string is
            // a list written wrongly, and an error that says so.
            Value::Str(s) if s.trim().is_empty() => Vec::new(),
            Value::Array(items) => items
                .iter()
                .filter_map(|n| match &n.value {
                    Value::Str(s) if s.trim().is_empty() => None,
                    Value::Str(s) => Some(s.clone()),
                    other => {
                        self.wrong_type(n.at, what, Some(key), Expected::TextInList, other);
                        None
                    }
                })
                .collect(),
            other => {
                self.wrong_type(e.node.at, what, Some(key), Expected::ListOfText, other);
                Vec::new()
            }
        }
    }

    fn answer(&mut self, node: &Node) -> Option<Answer> {
        let t = self.table(node, &Place::Entry)?;
        let item = match self.text(t, "item", &Place::Entry) {
            Some(item) => item.trim().to_owned(),
            // `item = 5`: the wrong type is said already; it is not missing too.
            None if get(t, "item")
                .is_some_and(|e| !matches!(e.node.value, Value::Null | Value::Str(_))) =>
            {
                return None;
            }
            None => {
                self.push(node.at, Msg::MissingItem);
                return None;
            }
        };
        // Named once (through the message catalog), for the messages of this answer.
        let name = self.item_name(&item);
        let what = Place::Answer {
            item: name.clone(),
            round: None,
        };
        self.unknown_keys(t, ANSWER_KEYS.iter().copied(), &what);
        let round = match get(t, "round").map(|e| &e.node) {
            None => 1,
            Some(Node {
                value: Value::Int(r),
                ..
            }) if ROUNDS.contains(&u8::try_from(*r).unwrap_or(0)) => u8::try_from(*r).unwrap_or(1),
            Some(n) if !matches!(n.value, Value::Int(_)) => {
                self.wrong_type(n.at, &what, Some("round"), Expected::Round, &n.value);
                return None;
            }
            Some(n) => {
                self.push(
                    n.at,
                    Msg::InvalidRound {
                        place: what,
                        value: n.value.to_string(),
                    },
                );
                return None;
            }
        };
        let what = Place::Answer {
            item: name,
            round: Some(round),
        };
        let response = match self.text(t, "answer", &what) {
            None => None,
            Some(text) => {
                let parsed = Response::parse(&text);
                if parsed.is_none() {
                    let at = get(t, "answer").map_or(node.at, |e| e.node.at);
                    self.push(
                        at,
                        Msg::InvalidAnswer {
                            place: what.clone(),
                            value: text,
                        },
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
                    self.push(
                        at,
                        Msg::InvalidReview {
                            place: what.clone(),
                            value: text,
                        },
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
