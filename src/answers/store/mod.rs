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
//! - Every writer holds a [`WriteLock`] (`.NAME.lock` beside the file) from before it compares
//!   until after it renames, so two medsec processes never both write from the same old text.
//! - Before writing, the file on disk is compared with the text that was read: if someone
//!   changed it in between (an editor open on it), nothing is written (`AnswersError::Changed`).
//!   A read-only file is never replaced (`AnswersError::ReadOnly`).
//!   A UTF-8 byte order mark the file began with is kept.

mod edit_toml;
mod edit_yaml;

use super::{load_str, AnswersError, FileFormat, Loaded};
use crate::atomic::{LockError, WriteLock, LOCK_WAIT};
use jiff::civil::Date;
use std::path::Path;

/// A value to write into an answer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    Date(Date),
    Int(i64),
    Bool(bool),
    List(Vec<String>),
    /// An empty placeholder (`target_date = ""`) where the key is written already; nothing
    /// where it is not. What a field no longer given becomes, so that the lines `init`
    /// writes for people to fill in stay, as an import keeps them.
    Blank,
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
        if let Some(r) = answer.response {
            set.push(("answer", FieldValue::Text(r.as_file_str().to_owned())));
        }
        let remove = vec!["carried_from", "review"];
        for (key, value) in [
            ("checked_on", answer.checked_on),
            ("target_date", answer.target_date),
        ] {
            set.push((key, value.map_or(FieldValue::Blank, FieldValue::Date)));
        }
        for (key, value) in [("reason", &answer.reason), ("note", &answer.note)] {
            set.push((
                key,
                value.clone().map_or(FieldValue::Blank, FieldValue::Text),
            ));
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

/// Why a file cannot be rewritten line by line as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditProblem {
    /// The edited text would not hold exactly the intended data (flow style, anchors, unusual
    /// indentation).
    Layout,
    /// A table written on one line (flow style).
    FlowStyle { name: String },
    /// The key to remove starts its YAML entry.
    StartsEntry { key: String },
    /// A top-level key that should be a table is not one.
    NotATable { table: String, key: String },
    /// `answers` is not written as `[[answers]]` tables (TOML).
    NotArrayOfTables,
    /// The entry of an answer cannot be edited: the item's ID, and how people name it (number
    /// and short title, both languages) when its checklist is at hand.
    Entry {
        item: String,
        name: Option<crate::checklist::Text>,
    },
    /// The file did not parse for editing (the parser's detail).
    Parse(String),
}

impl EditProblem {
    /// The problem for people in `lang`.
    pub fn message(&self, lang: crate::checklist::Lang) -> String {
        use crate::tr;
        match self {
            EditProblem::Layout => tr!(lang, "answers-edit-layout"),
            EditProblem::FlowStyle { name } => {
                tr!(lang, "answers-edit-flow-style", name = name.as_str())
            }
            EditProblem::StartsEntry { key } => {
                tr!(lang, "answers-edit-starts-entry", key = key.as_str())
            }
            EditProblem::NotATable { table, key } => tr!(
                lang,
                "answers-edit-not-a-table",
                table = table.as_str(),
                key = key.as_str()
            ),
            EditProblem::NotArrayOfTables => tr!(lang, "answers-edit-not-array-of-tables"),
            EditProblem::Entry {
                name: Some(name), ..
            } => tr!(lang, "answers-edit-entry", item = name.get(lang)),
            EditProblem::Entry { item, name: None } => {
                tr!(lang, "answers-edit-entry-id", id = item.as_str())
            }
            EditProblem::Parse(detail) => {
                let reason = crate::i18n::detail::text(lang, detail);
                tr!(lang, "answers-edit-parse", reason = reason)
            }
        }
    }
}

/// The file's new text with `updates` applied. Nothing is written.
pub fn apply(loaded: &Loaded, updates: &[Update]) -> Result<String, AnswersError> {
    let unsafe_err = |problem: EditProblem| AnswersError::Unsafe {
        path: loaded.path.clone(),
        problem,
    };
    with_lf(&loaded.source, |source| match loaded.format {
        FileFormat::Toml => edit_toml::apply(source, updates),
        FileFormat::Yaml => edit_yaml::apply(source, updates),
    })
    .map_err(|problem| match problem {
        EditProblem::Entry { item, name: None } => EditProblem::Entry {
            name: item_name(loaded, &item),
            item,
        },
        other => other,
    })
    .map_err(unsafe_err)
}

/// How people name `item` of the answers' bundled checklist, in both languages (`None` when
/// the checklist or the item is not bundled: the message then gives the ID).
fn item_name(loaded: &Loaded, item: &str) -> Option<crate::checklist::Text> {
    let catalog = crate::checklist::Catalog::bundled().ok()?;
    let spec = format!(
        "{}@{}",
        loaded.set.checklist.id, loaded.set.checklist.edition
    );
    let checklist = catalog.resolve(&spec, None).ok()?;
    let item = checklist.checklist.item(item)?;
    Some(crate::answers::messages::labels(item))
}

/// Edit text with `\n` line ends: a file written with `\r\n` (Windows) is edited as `\n` and
/// written back with `\r\n` throughout, so added lines match the rest.
fn with_lf(
    source: &str,
    edit: impl FnOnce(&str) -> Result<String, EditProblem>,
) -> Result<String, EditProblem> {
    if !source.contains("\r\n") {
        return edit(source);
    }
    let lf = source.replace("\r\n", "\n");
    Ok(edit(&lf)?.replace('\n', "\r\n"))
}

/// Take the write lock of the answers file `path`, waiting up to [`LOCK_WAIT`] for another
/// writer. Hold it from before the file is read until it is written: then no other medsec
/// writes in between. Stale temporary files of a killed write are removed.
pub fn lock(path: &Path) -> Result<WriteLock, AnswersError> {
    WriteLock::acquire(path, LOCK_WAIT).map_err(|e| match e {
        LockError::Busy { .. } => AnswersError::Locked {
            path: path.to_owned(),
            waited: LOCK_WAIT.as_secs(),
        },
        // Named by the answers file: the sidecar is a detail, the folder is what to fix.
        LockError::Io { source, .. } => AnswersError::Write {
            path: path.to_owned(),
            source,
        },
    })
}

/// Apply `updates`, check that the result still reads, and replace the file atomically,
/// under the file's write lock (taken here). Returns the file as now written.
pub fn save(loaded: &Loaded, updates: &[Update]) -> Result<Loaded, AnswersError> {
    let held = lock(&loaded.path)?;
    save_locked(&held, loaded, updates)
}

/// [`save`] for a caller that already holds the file's lock (taken before reading it).
pub fn save_locked(
    held: &WriteLock,
    loaded: &Loaded,
    updates: &[Update],
) -> Result<Loaded, AnswersError> {
    let text = apply(loaded, updates)?;
    commit(held, loaded, text)
}

/// Write `text` (a version of this file read before, such as `earlier.source`) over the file
/// as `loaded` read it: an undo. Under the write lock, and only if the file is still as
/// `loaded` says (else [`AnswersError::Changed`]).
pub fn put_back(loaded: &Loaded, text: &str) -> Result<Loaded, AnswersError> {
    let held = lock(&loaded.path)?;
    commit(&held, loaded, text.to_owned())
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
/// the file atomically under its write lock. Returns the file as now written.
pub fn save_fields(loaded: &Loaded, fields: &[FieldUpdate]) -> Result<Loaded, AnswersError> {
    let held = lock(&loaded.path)?;
    let unsafe_err = |problem: EditProblem| AnswersError::Unsafe {
        path: loaded.path.clone(),
        problem,
    };
    let text = with_lf(&loaded.source, |source| match loaded.format {
        FileFormat::Toml => edit_toml::apply_fields(source, fields),
        FileFormat::Yaml => edit_yaml::apply_fields(source, fields),
    })
    .map_err(unsafe_err)?;
    commit(&held, loaded, text)
}

/// Check that `text` reads, that the file is still as `loaded` read it and may be written,
/// and write it. `held` must be the lock of this file.
fn commit(held: &WriteLock, loaded: &Loaded, text: String) -> Result<Loaded, AnswersError> {
    if !held.covers(&loaded.path) {
        return Err(AnswersError::LockMismatch {
            path: loaded.path.clone(),
            held: held.target().to_owned(),
        });
    }
    let mut reloaded = load_str(&loaded.path, loaded.format, text, loaded.lang)?;
    reloaded.bom = loaded.bom;
    refuse_read_only(&loaded.path)?;
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

/// A read-only file is never replaced, as editors do: someone made it so.
fn refuse_read_only(path: &Path) -> Result<(), AnswersError> {
    match std::fs::metadata(path) {
        Ok(m) if m.permissions().readonly() => Err(AnswersError::ReadOnly {
            path: path.to_owned(),
        }),
        _ => Ok(()),
    }
}

/// Write a new file under its write lock, refusing to overwrite one unless `force` (and a
/// read-only one even then).
pub fn create(path: &Path, text: &str, force: bool) -> Result<(), AnswersError> {
    let _held = lock(path)?;
    if force {
        refuse_read_only(path)?;
    }
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
        let out = edit_toml::apply(src, &[update()]).unwrap();
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
    fn a_blank_keeps_a_written_key_as_a_placeholder_and_adds_none() {
        let blank = Update {
            item: "security-manager".into(),
            round: 1,
            set: vec![
                ("answer", FieldValue::Text("はい".into())),
                ("target_date", FieldValue::Blank),
                ("note", FieldValue::Blank),
            ],
            remove: vec![],
        };
        let src = "format_version = 1\n[[answers]]\nitem = \"security-manager\"\nanswer = \"いいえ\"\ntarget_date = 2025-12-01  # 目標日\n";
        let out = edit_toml::apply(src, std::slice::from_ref(&blank)).unwrap();
        assert!(out.contains("target_date = \"\"  # 目標日\n"), "{out}");
        assert!(!out.contains("note"), "{out}");
        let src = "format_version: 1\nanswers:\n  - item: security-manager\n    answer: いいえ\n    target_date: 2025-12-01\nafter: 1\n";
        let out = edit_yaml::apply(src, &[blank]).unwrap();
        assert!(out.contains("    target_date: \"\"\n"), "{out}");
        assert!(!out.contains("note"), "{out}");
    }

    #[test]
    fn toml_adds_missing_entries() {
        let src = "format_version = 1\n";
        let out = edit_toml::apply(src, &[update()]).unwrap();
        assert!(
            out.contains("[[answers]]\nitem = \"security-manager\"\nround = 1\n"),
            "{out}"
        );
    }

    #[test]
    fn yaml_keeps_comments_and_unknown_fields() {
        let src = "# top\nformat_version: 1\nanswers:\n  # 1-① 責任者\n  - item: security-manager\n    round: 1\n    answer: \"\"  # はい/いいえ\n    evidence:\n      - old.pdf\n    carried_from: fy2024\n    extra: yes\n  # next\n  - item: other\n    answer: はい\nafter: 1\n";
        let out = edit_yaml::apply(src, &[update()]).unwrap();
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
        let out = edit_yaml::apply(src, &[update()]).unwrap();
        let v: serde_norway::Value = serde_norway::from_str(&out).unwrap();
        assert_eq!(v["answers"][1]["item"].as_str(), Some("security-manager"));
        assert_eq!(v["after"].as_i64(), Some(1));
        assert!(out.contains("# trailer"));
    }

    #[test]
    fn yaml_flow_style_is_refused_not_mangled() {
        let src = "format_version: 1\nanswers: [{item: security-manager, answer: はい}]\n";
        assert!(edit_yaml::apply(src, &[update()]).is_err());
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
        let out = edit_toml::apply_fields(
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
        let out = edit_yaml::apply_fields(
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
        assert!(edit_yaml::apply_fields(flow, &[field("institution", "name", "b")]).is_err());
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let yaml = "format_version: 1\r\ninstitution:\r\n  name: \"\"  # 名称\r\nanswers:\r\n  - item: security-manager\r\n    answer: \"\"\r\n    evidence:\r\n      - old.pdf\r\n";
        let out = with_lf(yaml, |s| edit_yaml::apply(s, &[update()])).unwrap();
        assert!(!out.replace("\r\n", "").contains('\n'), "{out:?}");
        assert!(out.contains("    answer: \"いいえ\"\r\n"), "{out:?}");
        assert!(!out.contains("old.pdf"));
        let out = with_lf(yaml, |s| {
            edit_yaml::apply_fields(s, &[field("institution", "name", "A")])
        })
        .unwrap();
        assert!(out.contains("  name: \"A\"  # 名称\r\n"), "{out:?}");
        let toml = "format_version = 1\r\n[institution]\r\nname = \"\"\r\n";
        let out = with_lf(toml, |s| {
            edit_toml::apply_fields(s, &[field("institution", "code", "0110113719")])
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

#[cfg(test)]
mod entry_name_tests {
    use super::*;
    use crate::checklist::Lang;

    #[test]
    fn an_entry_that_cannot_be_edited_is_named_by_number_and_title() {
        let src =
            "format_version = 1\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2025\"\n";
        let loaded = load_str(
            Path::new("a.toml"),
            FileFormat::Toml,
            src.to_owned(),
            Lang::Ja,
        )
        .unwrap();
        let name = item_name(&loaded, "security-patches").unwrap();
        let problem = EditProblem::Entry {
            item: "security-patches".into(),
            name: Some(name),
        };
        let ja = problem.message(Lang::Ja);
        let en = problem.message(Lang::En);
        assert!(
            ja.starts_with("2-⑥ セキュリティパッチ") && ja.ends_with("書き換えられません。"),
            "{ja}"
        );
        assert!(
            en.contains("2-⑥ Security patches") && !en.contains("security-patches"),
            "{en}"
        );
        assert!(item_name(&loaded, "no-such-item").is_none());
        let by_id = EditProblem::Entry {
            item: "no-such-item".into(),
            name: None,
        };
        assert!(by_id.message(Lang::Ja).contains("項目`no-such-item`"));
    }
}
