//! New answers files: `medsec init` writes every item of a form, commented with its number and
//! text, ready to edit by hand; `--from` carries last year's answers forward by stable ID.
//!
//! Carried-forward answers keep the response, note, reason and evidence, lose the dates, and
//! are marked `carried_from = "EDITION"`: they count as this year's check only once confirmed
//! (the mark removed and a date set). Items new in the edition, reworded since, or replacing
//! earlier items are marked `review = "new" | "reworded" | "replaced"`.

use super::model::*;
use super::FileFormat;
use crate::checklist::import::{comparable_number, wording_key};
use crate::checklist::{self, Checklist, Form, InstitutionKind, Item, Lang};
use crate::dates::{fiscal_year_bounds, fiscal_year_for_people};
use crate::tr;

/// What last year's file gives a new one.
#[derive(Debug, Clone, Default)]
pub struct CarryForward {
    pub institution: Option<Institution>,
    pub vendor: Option<Vendor>,
    pub contract: Option<bool>,
    /// Round-1 answers for the new edition's items, in its order.
    pub answers: Vec<Answer>,
    /// Items that replace several of last year's whose answers disagreed (はい for サーバ,
    /// いいえ for ネットワーク機器): nothing carried, and said so.
    pub disagreeing: Vec<String>,
}

/// Map last year's answers onto `new`'s items. `old` is last year's checklist when known
/// (it tells reworded and new items apart); without it, every carried item is marked reworded.
pub fn carry_forward(last: &AnswerSet, old: Option<&Checklist>, new: &Checklist) -> CarryForward {
    let mut answers = Vec::new();
    let mut disagreeing = Vec::new();
    for item in &new.items {
        let mut a = Answer::empty(&item.id, 1);
        let same = last.answer(&item.id, 1).filter(|p| p.response.is_some());
        let answered: Vec<&Answer> = item
            .replaces
            .iter()
            .filter_map(|old_id| last.answer(old_id, 1).filter(|p| p.response.is_some()))
            .collect();
        let replaced = answered.first().copied();
        // One answer for items that were answered apart and differently would drop one of
        // them (a いいえ for network devices under a はい for servers): none is carried.
        let agree = answered
            .windows(2)
            .all(|w| matches!(w, [x, y] if x.response == y.response));
        if same.is_none() && !agree {
            disagreeing.push(item.id.clone());
        }
        let source = same.or(replaced.filter(|_| agree));
        if let Some(prev) = source {
            a.response = prev.response;
            a.reason = prev.reason.clone();
            a.note = prev.note.clone();
            a.evidence = prev.evidence.clone();
            a.carried_from = Some(last.checklist.edition.clone());
        }
        a.review = match (old, same.is_some(), replaced.is_some()) {
            (Some(old), false, true) if rewords_one(old, item) => Some(Review::Reworded),
            (_, false, true) => Some(Review::Replaced),
            (Some(old), _, _) => match old.item(&item.id) {
                None if rewords_one(old, item) => Some(Review::Reworded),
                None if !item.replaces.is_empty() => Some(Review::Replaced),
                None => Some(Review::New),
                // The official wording is the Japanese (an imported checklist's English is the
                // Japanese marked untranslated), compared as `checklist import --ids-from` does.
                Some(o) if wording_key(&o.text.ja) != wording_key(&item.text.ja) => {
                    Some(Review::Reworded)
                }
                Some(_) => None,
            },
            (None, true, _) => None,
            (None, false, false) => Some(Review::New),
        };
        answers.push(a);
    }
    CarryForward {
        institution: last.institution.clone(),
        vendor: last.vendor.clone(),
        contract: last.vendors.as_ref().and_then(|v| v.contract),
        answers,
        disagreeing,
    }
}

/// `item` replaces one item of `old` that had its printed number and scope: the same item
/// reworded (as `checklist import --ids-from` records it), not several merged into one.
fn rewords_one(old: &Checklist, item: &Item) -> bool {
    let [id] = item.replaces.as_slice() else {
        return false;
    };
    old.item(id).is_some_and(|o| {
        comparable_number(&o.number) == comparable_number(&item.number) && o.scope == item.scope
    })
}

/// The text of a new answers file for `checklist`.
pub fn render(
    checklist: &checklist::Loaded,
    format: FileFormat,
    lang: Lang,
    from: Option<&CarryForward>,
) -> String {
    let c = &checklist.checklist;
    let mut w = Writer {
        format,
        out: String::new(),
    };
    let (start, end) = fiscal_year_bounds(c.fiscal_year);
    w.comment(&tr!(
        lang,
        "answers-template-title",
        title = c.title.get(lang)
    ));
    w.comment(&format!(
        "{}{}",
        c.full_id(),
        lang.aside(&c.form_label(lang))
    ));
    w.comment("");
    w.comment(&tr!(lang, "answers-template-answer"));
    // Example dates in the form's fiscal year, as the hints of a date that cannot be read.
    let (year, reiwa) = crate::dates::example_years(c.fiscal_year);
    w.comment(&tr!(
        lang,
        "answers-template-checked-on",
        year = year,
        reiwa = reiwa
    ));
    // The window as the edition's rules say it; where they do not know it, not stated as one.
    let fiscal_year = fiscal_year_for_people(c.fiscal_year, lang);
    let (start, end) = (start.to_string(), end.to_string());
    w.comment(&match c.rules().target_date {
        checklist::TargetWindow::Unknown => tr!(
            lang,
            "answers-template-target-date-unconfirmed",
            fiscal_year = fiscal_year,
            start = start,
            end = end
        ),
        _ => tr!(
            lang,
            "answers-template-target-date",
            fiscal_year = fiscal_year,
            start = start,
            end = end
        ),
    });
    w.comment(&tr!(lang, "answers-template-note"));
    w.comment(&tr!(lang, "answers-template-commands"));
    if let Some(from) = from {
        if from.answers.iter().any(|a| a.carried_from.is_some()) {
            w.comment("");
            w.comment(&tr!(lang, "answers-template-carried"));
        }
    }
    w.line("format_version = 1");
    w.blank();
    w.table("checklist");
    w.key("id", &quote(&c.id), None);
    w.key("edition", &quote(&c.edition), None);
    w.key("digest", &quote(&checklist.digest), None);
    w.blank();

    let inst = from.and_then(|f| f.institution.clone()).unwrap_or_default();
    let t = |s: &Option<String>| quote(s.as_deref().unwrap_or(""));
    if c.form == Form::Vendor {
        let v = from.and_then(|f| f.vendor.clone()).unwrap_or_default();
        w.table("vendor");
        w.key("name", &t(&v.name), Some(&VendorField::Name.label(lang)));
        w.key(
            "system",
            &t(&v.system),
            Some(&VendorField::System.label(lang)),
        );
        w.key(
            "contact",
            &t(&v.contact),
            Some(&VendorField::Contact.label(lang)),
        );
        w.key(
            "answered_by",
            &t(&v.answered_by),
            Some(&VendorField::AnsweredBy.label(lang)),
        );
        w.blank();
        w.table("institution");
        w.key(
            "name",
            &t(&inst.name),
            Some(&tr!(lang, "answers-for-institution")),
        );
        w.blank();
    } else {
        let kinds = c
            .serves
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        let kind = inst
            .kind
            .or(match c.serves.as_slice() {
                [only] => Some(*only),
                _ => None,
            })
            .map_or("", InstitutionKind::as_str);
        w.table("institution");
        w.key(
            "name",
            &t(&inst.name),
            Some(&InstitutionField::Name.label(lang)),
        );
        w.key(
            "code",
            &t(&inst.code),
            Some(&tr!(lang, "answers-code-prompt")),
        );
        w.key(
            "prefecture",
            &t(&inst.prefecture),
            Some(&InstitutionField::Prefecture.label(lang)),
        );
        w.key("kind", &quote(kind), Some(&kinds));
        w.key(
            "manager",
            &t(&inst.manager),
            Some(&InstitutionField::Manager.label(lang)),
        );
        w.key(
            "security_manager",
            &t(&inst.security_manager),
            Some(&InstitutionField::SecurityManager.label(lang)),
        );
        w.key(
            "answered_by",
            &t(&inst.answered_by),
            Some(&InstitutionField::AnsweredBy.label(lang)),
        );
        w.blank();
        w.table("vendors");
        let contract = match from.and_then(|f| f.contract) {
            Some(b) => b.to_string(),
            None => quote(""),
        };
        w.key(
            "contract",
            &contract,
            Some(&tr!(lang, "answers-template-contract")),
        );
        w.key("forms", "[]", Some(&tr!(lang, "answers-template-forms")));
        w.blank();
    }

    if format == FileFormat::Yaml {
        w.line("answers:");
    }
    for item in &c.items {
        let empty = Answer::empty(&item.id, 1);
        let a = from
            .and_then(|f| f.answers.iter().find(|a| a.item == item.id))
            .unwrap_or(&empty);
        let disagreed = from.is_some_and(|f| f.disagreeing.contains(&item.id));
        w.answer(item, a, disagreed, lang);
    }
    w.out
}

/// A double-quoted string with JSON escapes, which TOML and YAML both read.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Writer {
    format: FileFormat,
    out: String,
}

impl Writer {
    fn line(&mut self, s: &str) {
        match self.format {
            FileFormat::Toml => self.out.push_str(s),
            FileFormat::Yaml => self.out.push_str(&s.replacen(" = ", ": ", 1)),
        }
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    fn comment(&mut self, s: &str) {
        if s.is_empty() {
            self.out.push_str("#\n");
        } else {
            self.out.push_str(&format!("# {s}\n"));
        }
    }

    fn table(&mut self, name: &str) {
        match self.format {
            FileFormat::Toml => self.out.push_str(&format!("[{name}]\n")),
            FileFormat::Yaml => self.out.push_str(&format!("{name}:\n")),
        }
    }

    fn key(&mut self, key: &str, value: &str, comment: Option<&str>) {
        let comment = comment.map(|c| format!("  # {c}")).unwrap_or_default();
        match self.format {
            FileFormat::Toml => self.out.push_str(&format!("{key} = {value}{comment}\n")),
            FileFormat::Yaml => self.out.push_str(&format!("  {key}: {value}{comment}\n")),
        }
    }

    fn answer(&mut self, item: &Item, a: &Answer, disagreed: bool, lang: Lang) {
        let (indent, first) = match self.format {
            FileFormat::Toml => ("", ""),
            FileFormat::Yaml => ("  ", "  "),
        };
        self.out.push('\n');
        let mut head = format!("{indent}# {} {}", item.number, item.text.get(lang));
        let scope = item.scope_label(lang);
        if !scope.is_empty() {
            head.push_str(&format!(" [{scope}]"));
        }
        self.out.push_str(&head);
        self.out.push('\n');
        let mut notes: Vec<String> = Vec::new();
        if item.gate {
            notes.push(tr!(lang, "answers-template-gate"));
        }
        if !item.not_applicable_when.is_empty() {
            let when: Vec<&str> = item
                .not_applicable_when
                .iter()
                .map(|r| r.label(lang))
                .collect();
            let when = when.join(&tr!(lang, "answers-or-separator"));
            notes.push(tr!(
                lang,
                "answers-template-may-be-not-applicable",
                when = when
            ));
        }
        if !item.required {
            notes.push(item.requirement.label(lang).to_string());
        }
        if !item.verified {
            notes.push(tr!(
                lang,
                "answers-template-unverified",
                against = item.checked_against().label(lang)
            ));
        }
        if let Some(r) = a.review {
            notes.push(super::messages::review_text(r, lang));
        }
        if disagreed {
            notes.push(tr!(lang, "answers-template-replaced-disagree"));
        }
        for n in notes {
            self.out.push_str(&format!("{indent}# ({n})\n"));
        }
        let q = |s: &Option<String>| quote(s.as_deref().unwrap_or(""));
        let mut fields: Vec<(&str, String)> = vec![
            ("item", quote(&item.id)),
            ("round", "1".to_owned()),
            (
                "answer",
                quote(a.response.map_or("", Response::as_file_str)),
            ),
            (
                "checked_on",
                a.checked_on.map_or_else(|| quote(""), |d| self.date(d)),
            ),
            (
                "target_date",
                a.target_date.map_or_else(|| quote(""), |d| self.date(d)),
            ),
        ];
        if !item.not_applicable_when.is_empty() || a.reason.is_some() {
            fields.push(("reason", q(&a.reason)));
        }
        fields.push(("note", q(&a.note)));
        fields.push((
            "evidence",
            format!(
                "[{}]",
                a.evidence
                    .iter()
                    .map(|e| quote(e))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
        if let Some(from) = &a.carried_from {
            fields.push(("carried_from", quote(from)));
        }
        if let Some(r) = a.review {
            fields.push(("review", quote(r.as_str())));
        }
        match self.format {
            FileFormat::Toml => {
                self.out.push_str("[[answers]]\n");
                for (k, v) in fields {
                    self.out.push_str(&format!("{k} = {v}\n"));
                }
            }
            FileFormat::Yaml => {
                for (i, (k, v)) in fields.into_iter().enumerate() {
                    let lead = if i == 0 {
                        format!("{first}- ")
                    } else {
                        format!("{first}  ")
                    };
                    self.out.push_str(&format!("{lead}{k}: {v}\n"));
                }
            }
        }
    }

    fn date(&self, d: jiff::civil::Date) -> String {
        match self.format {
            FileFormat::Toml => d.to_string(),
            FileFormat::Yaml => quote(&d.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{load_str, FileFormat};
    use std::path::Path;

    #[test]
    fn quoted_strings_read_back_exactly_in_toml_and_yaml() {
        for s in [
            "札幌中央病院",
            "a \"quoted\" \\ back",
            "line\nbreak\r\ttab",
            "\u{1b}[2J\u{0}\u{8}\u{c}\u{7f}\u{85}",
            "",
        ] {
            let q = quote(s);
            let t: toml::Table = toml::from_str(&format!("k = {q}")).unwrap();
            assert_eq!(t["k"].as_str(), Some(s), "{q}");
            let y: std::collections::BTreeMap<String, String> =
                serde_norway::from_str(&format!("k: {q}")).unwrap();
            assert_eq!(y["k"], s, "{q}");
        }
    }

    fn fixture(name: &str) -> checklist::Loaded {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        checklist::load_path(&p).unwrap()
    }

    #[test]
    fn templates_read_back_in_both_formats() {
        let c = fixture("checklist-fy2025-institution.toml");
        for (format, name) in [(FileFormat::Toml, "a.toml"), (FileFormat::Yaml, "a.yaml")] {
            for lang in [Lang::Ja, Lang::En] {
                let text = render(&c, format, lang, None);
                let loaded = load_str(Path::new(name), format, text.clone(), lang)
                    .unwrap_or_else(|e| panic!("{e}\n{text}"));
                assert_eq!(loaded.set.answers.len(), c.checklist.items.len());
                assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
                assert_eq!(
                    loaded.set.checklist.digest.as_deref(),
                    Some(c.digest.as_str())
                );
                assert!(crate::answers::bind(&loaded, &c.checklist).is_empty());
            }
        }
    }

    #[test]
    fn carry_forward_marks_what_needs_review() {
        let old = fixture("checklist-fy2024-institution.toml");
        let new = fixture("checklist-fy2025-institution.toml");
        let mut last = AnswerSet {
            format_version: 1,
            checklist: ChecklistRef {
                id: old.checklist.id.clone(),
                edition: "fy2024".into(),
                digest: None,
            },
            institution: None,
            vendor: None,
            vendors: None,
            answers: Vec::new(),
        };
        for id in ["security-manager", "access-log-server"] {
            let mut a = Answer::empty(id, 1);
            a.response = Some(Response::Yes);
            a.checked_on = Some(jiff::civil::date(2024, 6, 1));
            a.note = Some("memo".into());
            last.answers.push(a);
        }
        let cf = carry_forward(&last, Some(&old.checklist), &new.checklist);
        let get = |id: &str| cf.answers.iter().find(|a| a.item == id).unwrap();
        let sm = get("security-manager");
        assert_eq!(sm.response, Some(Response::Yes));
        assert_eq!(sm.checked_on, None);
        assert_eq!(sm.carried_from.as_deref(), Some("fy2024"));
        assert_eq!(sm.review, None);
        assert_eq!(get("access-log-server").review, Some(Review::Reworded));
        assert_eq!(get("two-factor-authentication").review, Some(Review::New));
        assert_eq!(get("two-factor-authentication").carried_from, None);
        assert!(cf.disagreeing.is_empty());
    }
}
