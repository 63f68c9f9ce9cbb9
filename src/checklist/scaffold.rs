//! `checklist new`: the next fiscal year's checklist file scaffolded from the last one.
//!
//! The file is edited with `toml_edit`, so comments, key order and layout stay those of the
//! source: edition, fiscal year, title (令和N年度版 / FYnnnn), publication date and a `rules`
//! block (when there is one) advance by the years between the editions; every item keeps its ID
//! (the format's link from an item to its predecessor, which carries answers forward and which
//! `checklist diff` follows) and becomes `verified = false` with an `unverified` note naming the
//! item it was carried from. What is left to the maintainer is the wording.

use super::Lang;
use toml_edit::{DocumentMut, Item, TableLike, Value};

/// Why the next edition could not be scaffolded. `Display` is English; people read
/// [`localize`](Self::localize).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScaffoldError {
    /// `--edition` is not `fyYYYY`.
    InvalidEdition { edition: String },
    /// `--edition` is not after the source's edition.
    NotLater { from: String, edition: String },
    /// The source file is not TOML or lacks a key every checklist has.
    Source { file: String, key: String },
}

impl ScaffoldError {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            ScaffoldError::InvalidEdition { edition } => crate::tr!(
                lang,
                "checklist-new-invalid-edition",
                edition = edition.as_str()
            ),
            ScaffoldError::NotLater { from, edition } => crate::tr!(
                lang,
                "checklist-new-not-later",
                from = from.as_str(),
                edition = edition.as_str()
            ),
            ScaffoldError::Source { file, key } => crate::tr!(
                lang,
                "checklist-new-source",
                file = file.as_str(),
                key = key.as_str()
            ),
        }
    }
}

impl std::fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for ScaffoldError {}

/// The next edition's file text from `source` (the text of checklist `from`, `ID@EDITION`,
/// read from `file`), for edition `edition`.
pub fn next_edition(
    file: &str,
    source: &str,
    from: &str,
    edition: &str,
) -> Result<String, ScaffoldError> {
    let new_year =
        super::validate::parse_edition(edition).ok_or_else(|| ScaffoldError::InvalidEdition {
            edition: edition.to_owned(),
        })?;
    let missing = |key: &str| ScaffoldError::Source {
        file: file.to_owned(),
        key: key.to_owned(),
    };
    let mut doc: DocumentMut = source.parse().map_err(|_| missing("format_version"))?;
    let old_year = doc
        .get("fiscal_year")
        .and_then(Item::as_integer)
        .ok_or_else(|| missing("fiscal_year"))?;
    let years = new_year - old_year;
    if years <= 0 {
        return Err(ScaffoldError::NotLater {
            from: from.to_owned(),
            edition: edition.to_owned(),
        });
    }
    let fiscal_year = i16::try_from(new_year).unwrap_or(i16::MAX);

    let old_edition = doc
        .get("edition")
        .and_then(Item::as_str)
        .unwrap_or_default()
        .to_owned();
    set(doc.as_table_mut(), "edition", Value::from(edition));
    set(doc.as_table_mut(), "fiscal_year", Value::from(new_year));
    if let Some(extends) = doc.get("extends").and_then(Item::as_str) {
        let base = match extends.split_once('@') {
            Some((id, _)) => format!("{id}@{edition}"),
            None => extends.to_owned(),
        };
        set(doc.as_table_mut(), "extends", Value::from(base));
    }
    // The new edition's publication date is not known yet: left out (the key is optional),
    // never invented by moving the old one on.
    doc.remove("published");
    let official = set_guideline_version(&mut doc, &old_edition, edition);
    let title = doc
        .get_mut("title")
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| missing("title"))?;
    let wareki_label = format!("({}版)", crate::dates::wareki_fiscal_year(fiscal_year));
    // The form's own title and name where medsec's data on the new edition has them (the
    // merged FY2026 form); else the source's, with the year moved on.
    let title_ja = match &official {
        Some(w) => format!("{}{wareki_label} {}", w.title_ja, w.form_ja),
        None => title_ja(
            title.get("ja").and_then(Item::as_str).unwrap_or_default(),
            fiscal_year,
        ),
    };
    let title_en = match official
        .as_ref()
        .and_then(|w| w.title_en.as_ref().zip(w.form_en.as_ref()))
    {
        Some((t, f)) => format!("{t} (FY{new_year} edition), {f}"),
        None => title_en(
            title.get("en").and_then(Item::as_str).unwrap_or_default(),
            new_year,
        ),
    };
    set(title, "ja", Value::from(title_ja.as_str()));
    set(title, "en", Value::from(title_en.as_str()));
    if let Some(w) = &official {
        let serves: toml_edit::Array = w.serves.iter().map(String::as_str).collect();
        set(doc.as_table_mut(), "serves", Value::Array(serves));
        set(
            doc.as_table_mut(),
            "source_url",
            Value::from(w.source_url.as_str()),
        );
    }
    let note = |lang| {
        let made = crate::tr!(
            lang,
            "checklist-new-notes",
            from = from,
            wareki = crate::dates::wareki_fiscal_year(fiscal_year),
            year = new_year
        );
        match &official {
            Some(w) => {
                let official = crate::tr!(
                    lang,
                    "checklist-new-notes-official",
                    form = w.form_ja.as_str(),
                    file = w.file.as_str(),
                    published = crate::dates::iso_for_people(&w.published, lang),
                    from = from
                );
                crate::tr!(
                    lang,
                    "checklist-new-notes-joined",
                    made = made,
                    official = official
                )
            }
            None => made,
        }
    };
    match doc.get_mut("notes").and_then(Item::as_table_like_mut) {
        Some(notes) => {
            set(notes, "ja", Value::from(note(Lang::Ja)));
            set(notes, "en", Value::from(note(Lang::En)));
        }
        None => {
            let mut notes = toml_edit::Table::new();
            notes.insert("ja", toml_edit::value(note(Lang::Ja)));
            notes.insert("en", toml_edit::value(note(Lang::En)));
            doc.insert("notes", Item::Table(notes));
        }
    }
    if let Some(rules) = doc.get_mut("rules") {
        advance_item(rules, years, false);
    }
    // The rules are carried, not confirmed: their sources are those that record the new
    // form (a comment below names the ones they were carried from).
    let carried_sources: Vec<String> = doc
        .get("rules")
        .and_then(|r| r.get("sources"))
        .and_then(Item::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let rules_note = match (
        &official,
        doc.get_mut("rules").and_then(Item::as_table_like_mut),
    ) {
        (Some(w), Some(rules)) if !w.sources.is_empty() => {
            let sources: toml_edit::Array = w.sources.iter().map(String::as_str).collect();
            set(rules, "sources", Value::Array(sources));
            Some(carried_sources)
        }
        _ => None,
    };
    let items = doc.get_mut("items").ok_or_else(|| missing("items"))?;
    for_each_item(items, |item| carry_item(item, from));
    // Every `next-year` item became `required`: the rules for next-year items go with them.
    if let Some(rules) = doc.get_mut("rules").and_then(Item::as_table_like_mut) {
        rules.remove("next_year_target");
        if let Some(list) = rules.get_mut("reference_only").and_then(Item::as_array_mut) {
            list.retain(|v| v.as_str() != Some("next-year"));
        }
    }

    let text = doc.to_string();
    // The two lines of the new header (title, how it was made) stay; the source's comments go
    // where they speak of its own edition.
    let headed = with_header(&text, from, edition, &title_ja);
    let cleaned = without_edition_comments(&headed, 2);
    Ok(match rules_note {
        Some(carried) => with_rules_comment(&cleaned, edition, &carried),
        None => cleaned,
    })
}

/// A comment above `[rules]` saying its values were carried from the source edition (and the
/// sources they rest on there) and are not confirmed for `edition`. It names no old year (the
/// notes name the source), as the scaffold's other comments.
fn with_rules_comment(text: &str, edition: &str, carried: &[String]) -> String {
    let line = |lang| {
        crate::tr!(
            lang,
            "checklist-new-rules-carried",
            edition = edition,
            sources = crate::i18n::join(lang, carried)
        )
    };
    let comment = format!("# {}\n# {}\n", line(Lang::Ja), line(Lang::En));
    match text.find("\n[rules]\n") {
        Some(at) => format!(
            "{}\n{comment}{}",
            text.get(..at).unwrap_or_default(),
            text.get(at + 1..).unwrap_or_default()
        ),
        None => text.to_owned(),
    }
}

/// Where medsec's data on `edition` has no form of the source's kind (the FY2026 pharmacy
/// form merged into 医療機関・薬局確認用): the forms it does have, as printed. `None` when it
/// knows nothing of the edition, or has the form.
pub fn form_not_in_edition(source: &str, edition: &str) -> Option<Vec<String>> {
    let doc: DocumentMut = source.parse().ok()?;
    let publisher = publisher_of(&doc);
    let form = doc.get("form").and_then(Item::as_str)?;
    let known = super::import::official::known().unwrap_or_default();
    let of_edition: Vec<_> = known
        .iter()
        .filter(|w| w.publisher == publisher && w.edition == edition)
        .collect();
    (!of_edition.is_empty() && !of_edition.iter().any(|w| w.form == form))
        .then(|| of_edition.iter().map(|w| w.form_ja.clone()).collect())
}

/// The publisher a checklist follows: its own, or its base's for an own checklist.
fn publisher_of(doc: &DocumentMut) -> String {
    let own = doc
        .get("publisher")
        .and_then(Item::as_str)
        .unwrap_or_default();
    doc.get("extends")
        .and_then(Item::as_str)
        .and_then(|e| e.split_once('-'))
        .map_or(own, |(p, _)| p)
        .to_owned()
}

/// The Guideline version of the new edition where the repository's facts know it (the official
/// workbooks of `checklist/import/official.toml` name theirs, e.g. 7.0 for FY2026); else the
/// source's is kept, with a comment saying it was carried and is to be checked. Gives the
/// official workbook of the same publisher, edition and form, when the file is the
/// publisher's own (not an own checklist, whose title and audience are its own).
fn set_guideline_version(
    doc: &mut DocumentMut,
    from: &str,
    edition: &str,
) -> Option<super::import::OfficialWorkbook> {
    // An own checklist follows its base's publisher (the MHLW edition it extends).
    let publisher = publisher_of(doc);
    let own_checklist = doc.get("extends").is_some();
    let form = doc
        .get("form")
        .and_then(Item::as_str)
        .unwrap_or_default()
        .to_owned();
    let known = super::import::official::known().unwrap_or_default();
    let of_edition: Vec<_> = known
        .iter()
        .filter(|w| w.publisher == publisher && w.edition == edition)
        .collect();
    let same_form = of_edition.iter().find(|w| w.form == form).copied();
    let version = same_form
        .or(of_edition.first().copied())
        .map(|w| w.guideline_version.clone());
    match version {
        Some(v) => set(doc.as_table_mut(), "guideline_version", Value::from(v)),
        None => {
            if let Some(old) = doc
                .get_mut("guideline_version")
                .and_then(Item::as_value_mut)
            {
                let carried = |lang| {
                    crate::tr!(
                        lang,
                        "checklist-new-guideline-carried",
                        from = from,
                        edition = edition
                    )
                };
                old.decor_mut().set_suffix(format!(
                    " # {} / {}",
                    carried(Lang::Ja),
                    carried(Lang::En)
                ));
            }
        }
    }
    same_form.filter(|_| !own_checklist).cloned()
}

/// The text without the source's own comment blocks after its opening header (the first
/// `keep` lines always stay): they speak of the
/// old edition (its sources, dates, drafts, what was verified) and would be wrong in the new one.
/// The opening header keeps its lines that name no year. Lines inside multi-line strings are
/// text, not comments, and stay.
fn without_edition_comments(text: &str, keep: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_header = true;
    let mut in_string = false;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if n < keep {
            out.push_str(line);
            continue;
        }
        let trimmed = line.trim_start();
        let is_comment = !in_string && trimmed.starts_with('#');
        if !is_comment {
            in_header = false;
        }
        let quotes = line.matches("\"\"\"").count() + line.matches("'''").count();
        if quotes % 2 == 1 {
            in_string = !in_string;
        }
        if is_comment && (!in_header || names_a_year(trimmed)) {
            continue;
        }
        out.push_str(line);
    }
    out
}

/// Whether a comment names a fiscal year, an era year or a date (令和7, R7, FY2025, 2025-05-16).
fn names_a_year(comment: &str) -> bool {
    let chars: Vec<char> = comment.chars().collect();
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    comment.contains("令和")
        || comment.contains("平成")
        || chars.windows(4).any(|w| w.iter().all(char::is_ascii_digit))
        || chars.iter().enumerate().any(|(i, c)| {
            *c == 'R'
                && digit_at(i + 1)
                && !chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(char::is_ascii_alphanumeric)
        })
}

/// `key = value` in `table`, keeping the old value's spacing and trailing comment.
fn set(table: &mut dyn TableLike, key: &str, mut new: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        None => {
            table.insert(key, Item::Value(new));
        }
    }
}

/// What became of an own checklist's `[[out_of_scope]]` entry whose item the next base does
/// not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutOfScopeMove {
    /// The base replaced the item (its `replaces`): the entry now names the replacing items.
    Carried { from: String, to: Vec<String> },
    /// Nothing in the base replaces it (or its replacements are already left out): removed.
    Dropped { item: String },
    /// The base merged it into items that also cover base items still answered: leaving those
    /// out would leave out more than before, so the entry is removed.
    Merged { item: String, into: Vec<String> },
}

/// An own checklist's draft `text` made to follow its next `base`: each out-of-scope entry of
/// an item the base no longer has is carried to the items that replaced it (`replaces`), or
/// removed when none did; what was done, entry by entry. The text is kept as it is when
/// nothing needs to change.
pub fn follow_base(
    text: &str,
    base: &super::Checklist,
    old_base: Option<&super::Checklist>,
) -> Result<(String, Vec<OutOfScopeMove>), toml_edit::TomlError> {
    let mut doc: DocumentMut = text.parse()?;
    let Some(entries) = doc
        .get("out_of_scope")
        .and_then(Item::as_array_of_tables)
        .cloned()
    else {
        return Ok((text.to_owned(), Vec::new()));
    };
    let mut moves = Vec::new();
    let mut kept = toml_edit::ArrayOfTables::new();
    // Items already left out: a replacing item listed itself is not listed twice.
    let listed: Vec<String> = entries
        .iter()
        .filter_map(|t| t.get("item").and_then(Item::as_str).map(str::to_owned))
        .collect();
    let mut taken = listed.clone();
    for table in entries.iter() {
        let Some(item) = table.get("item").and_then(Item::as_str) else {
            kept.push(table.clone());
            continue;
        };
        if base.item(item).is_some() {
            kept.push(table.clone());
            continue;
        }
        let replacing: Vec<&super::Item> = base
            .items
            .iter()
            .filter(|i| i.replaces.iter().any(|r| r == item))
            .collect();
        // A replacing item is left out in its turn only when every item it replaces that the
        // last base had was left out too (a rename, or a merge of items all left out).
        let (to, merged): (Vec<&super::Item>, Vec<&super::Item>) =
            replacing.into_iter().partition(|i| {
                i.replaces
                    .iter()
                    .filter(|r| old_base.is_none_or(|b| b.item(r).is_some()))
                    .all(|r| listed.contains(r))
            });
        let to: Vec<String> = to.into_iter().map(|i| i.id.clone()).collect();
        if to.is_empty() && !merged.is_empty() {
            moves.push(OutOfScopeMove::Merged {
                item: item.to_owned(),
                into: merged.iter().map(|i| i.id.clone()).collect(),
            });
            continue;
        }
        if to.is_empty() {
            moves.push(OutOfScopeMove::Dropped {
                item: item.to_owned(),
            });
            continue;
        }
        // Several entries replaced by one item make one entry (the first one's reason).
        for id in to
            .iter()
            .filter(|id| !taken.contains(id))
            .collect::<Vec<_>>()
        {
            let mut moved = table.clone();
            set(&mut moved, "item", Value::from(id.as_str()));
            kept.push(moved);
            taken.push(id.clone());
        }
        moves.push(OutOfScopeMove::Carried {
            from: item.to_owned(),
            to,
        });
    }
    if moves.is_empty() {
        return Ok((text.to_owned(), moves));
    }
    if kept.is_empty() {
        doc.remove("out_of_scope");
    } else {
        doc.insert("out_of_scope", Item::ArrayOfTables(kept));
    }
    Ok((doc.to_string(), moves))
}

/// Each `[[items]]` table (or inline table of an `items = [...]` array).
fn for_each_item(items: &mut Item, mut f: impl FnMut(&mut dyn TableLike)) {
    match items {
        Item::ArrayOfTables(aot) => aot.iter_mut().for_each(|t| f(t)),
        Item::Value(Value::Array(array)) => array
            .iter_mut()
            .filter_map(Value::as_inline_table_mut)
            .for_each(|t| f(t)),
        _ => {}
    }
}

/// An item carried into the new edition: unverified, with a note naming where it came from;
/// `next-year` (listed for the following year) becomes `required`; `replaces` (IDs of the
/// edition before the source) is dropped, the kept ID being the link to the predecessor.
fn carry_item(item: &mut dyn TableLike, from: &str) {
    let id = item
        .get("id")
        .and_then(Item::as_str)
        .unwrap_or_default()
        .to_owned();
    let previous = item
        .get("unverified")
        .and_then(Item::as_str)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    let carried = |lang| crate::tr!(lang, "checklist-new-carried", from = from, id = id.as_str());
    // One language a note, as the notes of the bundled files (English; the wording they
    // speak of is quoted as it is).
    let mut note = carried(Lang::En);
    if let Some(previous) = previous {
        note.push(' ');
        note.push_str(&crate::tr!(
            Lang::En,
            "checklist-new-previous-note",
            note = previous
        ));
    }
    set(item, "verified", Value::from(false));
    set(item, "unverified", Value::from(note));
    if item.get("requirement").and_then(Item::as_str) == Some("next-year") {
        set(item, "requirement", Value::from("required"));
    }
    item.remove("replaces");
}

/// Dates, 令和N年度, FYnnnn and fyNNNN moved `years` on, through tables and arrays; integers
/// too when `fiscal` (under a key naming a fiscal year).
fn advance_item(item: &mut Item, years: i64, fiscal: bool) {
    match item {
        Item::Value(v) => advance_value(v, years, fiscal),
        Item::Table(t) => {
            for (k, v) in t.iter_mut() {
                let fiscal = k.get().contains("fiscal_year");
                advance_item(v, years, fiscal);
            }
        }
        Item::ArrayOfTables(aot) => {
            for t in aot.iter_mut() {
                for (k, v) in t.iter_mut() {
                    let fiscal = k.get().contains("fiscal_year");
                    advance_item(v, years, fiscal);
                }
            }
        }
        Item::None => {}
    }
}

fn advance_value(v: &mut Value, years: i64, fiscal: bool) {
    let decor = v.decor().clone();
    let new = match v {
        Value::String(s) => Some(Value::from(advance_text(s.value(), years))),
        Value::Integer(i) if fiscal => Some(Value::from(i.value() + years)),
        Value::Datetime(d) => {
            let mut dt = *d.value();
            if let Some(date) = dt.date.as_mut() {
                let shifted = jiff::civil::Date::new(
                    i16::try_from(i64::from(date.year) + years).unwrap_or(i16::MAX),
                    i8::try_from(date.month).unwrap_or(1),
                    1,
                )
                .ok()
                .map(|first| {
                    let last = first.days_in_month();
                    first
                        .with()
                        .day(last.min(i8::try_from(date.day).unwrap_or(1)))
                        .build()
                });
                if let Some(Ok(s)) = shifted {
                    date.year = u16::try_from(s.year()).unwrap_or(date.year);
                    date.day = u8::try_from(s.day()).unwrap_or(date.day);
                }
            }
            Some(Value::from(dt))
        }
        Value::Array(a) => {
            a.iter_mut().for_each(|v| advance_value(v, years, fiscal));
            None
        }
        Value::InlineTable(t) => {
            for (k, v) in t.iter_mut() {
                let fiscal = k.get().contains("fiscal_year");
                advance_value(v, years, fiscal);
            }
            None
        }
        _ => None,
    };
    if let Some(mut new) = new {
        *new.decor_mut() = decor;
        *v = new;
    }
}

/// 令和N年度 -> 令和(N+years)年度, FYnnnn and fynnnn -> +years. Other text is kept.
pub fn advance_text(text: &str, years: i64) -> String {
    fn leading_digits(s: &str) -> &str {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        s.get(..n).unwrap_or_default()
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("令和") {
            let digits = leading_digits(after);
            let tail = after.get(digits.len()..).unwrap_or_default();
            if let (Ok(n), true) = (digits.parse::<i64>(), tail.starts_with("年度")) {
                out.push_str(&format!("令和{}", n + years));
                rest = tail;
                continue;
            }
        }
        for prefix in ["FY", "fy"] {
            if let Some(after) = rest.strip_prefix(prefix) {
                let digits = leading_digits(after);
                if let (Ok(n), 4) = (digits.parse::<i64>(), digits.len()) {
                    out.push_str(&format!("{prefix}{}", n + years));
                    rest = after.get(4..).unwrap_or_default();
                    continue 'outer;
                }
            }
        }
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

/// The Japanese title with its year as 令和N年度版: a bracketed year or date (`(令和7年度版)`,
/// `(令和5年6月)`) is replaced; a title without one gets it before the form's name.
pub fn title_ja(title: &str, fiscal_year: i16) -> String {
    let label = format!("({}版)", crate::dates::wareki_fiscal_year(fiscal_year));
    if let Some((start, end)) = bracketed(title, &['(', '（'], &[')', '）'], |inner| {
        inner.contains("令和") || inner.contains("平成")
    }) {
        return format!(
            "{}{label}{}",
            title.get(..start).unwrap_or_default(),
            title.get(end..).unwrap_or_default()
        );
    }
    // A year said outside brackets (`院内追加チェック(例) 令和7年度版`): moved on in place.
    if let Some((start, end)) = wareki_year_span(title) {
        return format!(
            "{}{}{}",
            title.get(..start).unwrap_or_default(),
            crate::dates::wareki_fiscal_year(fiscal_year),
            title.get(end..).unwrap_or_default()
        );
    }
    match title.find([' ', '　']) {
        Some(i) => format!(
            "{}{label}{}",
            title.get(..i).unwrap_or_default(),
            title.get(i..).unwrap_or_default()
        ),
        None => format!("{title}{label}"),
    }
}

/// The English title with its year as `(FYnnnn edition)`: a bracket naming a fiscal year is
/// replaced; else it is added before the last `, ` (the form's name) or at the end.
pub fn title_en(title: &str, year: i64) -> String {
    let label = format!("(FY{year} edition)");
    if let Some((start, end)) = bracketed(title, &['('], &[')'], |inner| inner.contains("FY")) {
        return format!(
            "{}{label}{}",
            title.get(..start).unwrap_or_default(),
            title.get(end..).unwrap_or_default()
        );
    }
    // A year said outside brackets (`Own checks, FY2025`): moved on in place.
    if let Some(start) = fy_year_at(title) {
        return format!(
            "{}FY{year}{}",
            title.get(..start).unwrap_or_default(),
            title.get(start + 6..).unwrap_or_default()
        );
    }
    match title.rfind(", ") {
        Some(i) => format!(
            "{} {label}{}",
            title.get(..i).unwrap_or_default(),
            title.get(i..).unwrap_or_default()
        ),
        None => format!("{title} {label}"),
    }
}

/// The byte range of the first `令和N年度` / `平成N年度` (N in digits or 元) in `text`.
fn wareki_year_span(text: &str) -> Option<(usize, usize)> {
    for era in ["令和", "平成"] {
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(era)) {
            let start = from + i;
            let digits_at = start + era.len();
            let rest = text.get(digits_at..).unwrap_or_default();
            let digits = rest
                .char_indices()
                .find(|(_, c)| !(c.is_ascii_digit() || *c == '元'))
                .map_or(rest.len(), |(k, _)| k);
            if digits > 0 && rest.get(digits..).is_some_and(|r| r.starts_with("年度")) {
                return Some((start, digits_at + digits + "年度".len()));
            }
            from = digits_at;
        }
    }
    None
}

/// Where the first `FYnnnn` (four digits, not followed by another digit) starts in `text`.
fn fy_year_at(text: &str) -> Option<usize> {
    text.match_indices("FY").map(|(i, _)| i).find(|&i| {
        let digits = text.get(i + 2..).unwrap_or_default().as_bytes();
        digits.len() >= 4
            && digits.iter().take(4).all(u8::is_ascii_digit)
            && !digits.get(4).is_some_and(u8::is_ascii_digit)
    })
}

/// The byte range of the first bracketed part whose inside passes `wanted`.
fn bracketed(
    text: &str,
    open: &[char],
    close: &[char],
    wanted: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = text.get(from..)?.find(open) {
        let start = from + i;
        let inner_start = start + text.get(start..)?.chars().next()?.len_utf8();
        let j = text.get(inner_start..)?.find(close)?;
        let inner_end = inner_start + j;
        let end = inner_end + text.get(inner_end..)?.chars().next()?.len_utf8();
        if wanted(text.get(inner_start..inner_end)?) {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// The file's opening comment names the new title and how the file was made; the rest of the
/// source's comments stay.
fn with_header(text: &str, from: &str, edition: &str, title: &str) -> String {
    let made = format!("# medsec checklist new --from {from} --edition {edition}\n");
    match text.strip_prefix('#') {
        Some(rest) => {
            let after_first = rest.split_once('\n').map_or("", |(_, r)| r);
            format!("# {title}\n{made}{after_first}")
        }
        None => format!("# {title}\n{made}{text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_take_the_new_year() {
        assert_eq!(
            title_ja(
                "医療機関におけるサイバーセキュリティ対策チェックリスト(令和5年6月) 医療機関確認用",
                2024
            ),
            "医療機関におけるサイバーセキュリティ対策チェックリスト(令和6年度版) 医療機関確認用"
        );
        assert_eq!(
            title_ja(
                "薬局におけるサイバーセキュリティ対策チェックリスト 薬局確認用",
                2024
            ),
            "薬局におけるサイバーセキュリティ対策チェックリスト(令和6年度版) 薬局確認用"
        );
        assert_eq!(
            title_en(
                "Cybersecurity checklist for pharmacies (FY2023, first published October 2023), pharmacy form",
                2024
            ),
            "Cybersecurity checklist for pharmacies (FY2024 edition), pharmacy form"
        );
        assert_eq!(title_en("Own checks", 2026), "Own checks (FY2026 edition)");
        // A year said outside brackets moves on in place, never added a second time.
        assert_eq!(
            title_ja("院内追加チェック(例) 令和7年度版", 2026),
            "院内追加チェック(例) 令和8年度版"
        );
        assert_eq!(
            title_en("In-house additional checks (example), FY2025", 2026),
            "In-house additional checks (example), FY2026"
        );
    }

    #[test]
    fn years_in_text_and_rules_advance() {
        assert_eq!(
            advance_text("令和7年度中、FY2025 and fy2025; 令和元年", 1),
            "令和8年度中、FY2026 and fy2026; 令和元年"
        );
        let source = "fiscal_year = 2024\nedition = \"fy2024\"\npublished = 2024-02-29\n\
            title = { ja = \"表題(令和6年度版)\", en = \"Title (FY2024 edition)\" }\n\
            [rules]\ntarget_limit = \"令和6年度中\"\nfiscal_year = 2024\nstarts = 2024-04-01\n\
            [[items]]\nid = \"a\"\nrequirement = \"next-year\"\nverified = true\nreplaces = [\"b\"]\n";
        let out = next_edition("f.toml", source, "x@fy2024", "fy2026").unwrap();
        assert!(!out.contains("published"), "not invented: {out}");
        assert!(out.contains("target_limit = \"令和8年度中\""), "{out}");
        assert!(out.contains("starts = 2026-04-01"), "{out}");
        assert!(out.contains("fiscal_year = 2026\nstarts"), "{out}");
        assert!(out.contains("requirement = \"required\""), "{out}");
        assert!(out.contains("verified = false"), "{out}");
        assert!(!out.contains("replaces"), "{out}");
        assert!(out.contains("(令和8年度版)") && out.contains("(FY2026 edition)"));
    }

    #[test]
    fn facts_not_guesses_and_no_comments_about_the_old_year() {
        let source = "# 表題(令和7年度版)\n# Source IDs refer to docs/checklist-sources.md.\n\
            # Drafted on 2025-03-13.\n\
            format_version = 1\npublisher = \"mhlw\"\nform = \"institution\"\n\
            fiscal_year = 2025\nedition = \"fy2025\"\nguideline_version = \"6.0\"\n\
            # Published in R7 May (S19).\npublished = 2025-05-16\n\
            title = { ja = \"表題(令和7年度版)\", en = \"Title (FY2025 edition)\" }\n\
            # The R7 draft manual has no gate (S41).\n# Another thought.\n\
            [[items]]\nid = \"a\"\nverified = true\n";
        let out = next_edition("f.toml", source, "mhlw-institution@fy2025", "fy2026").unwrap();
        // FY2026 comes with Guideline 7.0 (checklist/import/official.toml).
        assert!(out.contains("guideline_version = \"7.0\""), "{out}");
        assert!(!out.contains("\npublished"), "no key: {out}");
        assert!(!out.contains("R7") && !out.contains("2025-03-13"), "{out}");
        assert!(!out.contains("Another thought"), "{out}");
        // The FY2026 form's own title (official.toml), in the header too.
        assert!(
            out.starts_with("# 医療機関・薬局におけるサイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関・薬局確認用\n# medsec checklist new"),
            "{out}"
        );
        assert!(out.contains("# Source IDs refer"), "{out}");
        // No facts for FY2027: the source's version is kept and said to be carried.
        let out = next_edition("f.toml", source, "mhlw-institution@fy2025", "fy2027").unwrap();
        assert!(
            out.contains("guideline_version = \"6.0\" # fy2025から引き継ぎました。fy2027について確認してください。 / carried from fy2025: check it for fy2027"),
            "{out}"
        );
    }

    #[test]
    fn the_merged_fy2026_form_takes_title_serves_and_sources_from_data() {
        let source = "# 表題(令和7年度版)\nformat_version = 1\nid = \"mhlw-institution\"\n\
            publisher = \"mhlw\"\nform = \"institution\"\nfiscal_year = 2025\n\
            edition = \"fy2025\"\nguideline_version = \"6.0\"\nserves = [\"hospital\", \"clinic\"]\n\
            title = { ja = \"医療機関における表題(令和7年度版) 医療機関確認用\", en = \"Title (FY2025 edition)\" }\n\
            [rules]\nchecked_on = \"required\"\nsources = [\"S4a\", \"S19\"]\n\
            [[items]]\nid = \"a\"\nverified = true\n";
        let out = next_edition("f.toml", source, "mhlw-institution@fy2025", "fy2026").unwrap();
        assert!(
            out.contains("serves = [\"hospital\", \"clinic\", \"pharmacy\"]"),
            "{out}"
        );
        assert!(
            out.contains("ja = \"医療機関・薬局におけるサイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関・薬局確認用\""),
            "{out}"
        );
        assert!(
            out.contains("(FY2026 edition), institution and pharmacy form"),
            "{out}"
        );
        assert!(
            out.contains("source_url = \"https://www.mhlw.go.jp/"),
            "{out}"
        );
        assert!(out.contains("sources = [\"S40\"]"), "{out}");
        assert!(
            out.contains("(their sources there: S4a, S19); `sources` names what records this edition's form.\n[rules]\n"),
            "{out}"
        );
        // The pharmacy form has no FY2026 form of its own: nothing taken, and said.
        let pharmacy = source.replace("\"institution\"", "\"pharmacy\"");
        let out = next_edition("f.toml", &pharmacy, "mhlw-pharmacy@fy2025", "fy2026").unwrap();
        assert!(out.contains("serves = [\"hospital\", \"clinic\"]"), "{out}");
        assert!(out.contains("sources = [\"S4a\", \"S19\"]"), "{out}");
        assert_eq!(
            form_not_in_edition(&pharmacy, "fy2026"),
            Some(vec![
                "医療機関・薬局確認用".to_owned(),
                "事業者確認用".to_owned()
            ])
        );
        assert_eq!(form_not_in_edition(source, "fy2026"), None);
        assert_eq!(form_not_in_edition(&pharmacy, "fy2027"), None);
        // An own checklist keeps its own title and audience.
        let own = source.replace(
            "format_version = 1\n",
            "format_version = 1\nextends = \"mhlw-institution@fy2025\"\n",
        );
        let out = next_edition("f.toml", &own, "mhlw-institution@fy2025", "fy2026").unwrap();
        assert!(out.contains("serves = [\"hospital\", \"clinic\"]"), "{out}");
        assert!(out.contains("医療機関における表題(令和8年度版)"), "{out}");
    }

    #[test]
    fn editions_must_be_later_and_well_formed() {
        let source = "fiscal_year = 2025\n";
        assert!(matches!(
            next_edition("f", source, "x@fy2025", "2026"),
            Err(ScaffoldError::InvalidEdition { .. })
        ));
        assert!(matches!(
            next_edition("f", source, "x@fy2025", "fy2025"),
            Err(ScaffoldError::NotLater { .. })
        ));
    }
}
