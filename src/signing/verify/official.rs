//! A carried checklist and the official workbook: whether the wording a report answered is the
//! wording of the workbook it names, and what an inspector is told about it.
//!
//! A checklist file can be edited after import, and a workbook's SHA-256 recorded in it proves
//! nothing about its text. So a carried checklist that records an official workbook is
//! confirmed only against a workbook the inspector gives (`--checklist WORKBOOK.xlsx`, imported
//! in memory) or a copy they hold with the same digest; until then it is a finding (exit 1).
//! The comparison is by wording (src/checklist/wording.rs), not by digest: item IDs carried
//! with `--ids-from` and a gate question named with `--map gate=` change the digest, not the
//! form.

use super::{Bundle, Class};
use crate::checklist::import::official::{self, OfficialWorkbook};
use crate::checklist::model::Item;
use crate::checklist::wording::WordingDiff;
use crate::checklist::{Catalog, InstitutionKind, Lang, Loaded, Origin};
use crate::render::text::command_word;
use crate::tr;

/// A workbook the inspector gave (`--checklist WORKBOOK.xlsx`), imported in memory.
pub(super) struct GivenWorkbook<'c> {
    pub(super) loaded: &'c Loaded,
    /// The path as given.
    pub(super) path: String,
    /// Its SHA-256, as its import recorded it.
    pub(super) sha256: String,
    /// The registry's entry when its SHA-256 is an official workbook's.
    pub(super) official: Option<OfficialWorkbook>,
}

impl GivenWorkbook<'_> {
    /// Who the workbook's form serves as stated: an official workbook's registry entry, else
    /// its form and printed title; `None` where neither says (not compared, docs/signing.md).
    pub(super) fn stated_serves(&self) -> Option<Vec<InstitutionKind>> {
        match &self.official {
            Some(entry) => entry
                .serves
                .iter()
                .map(|k| InstitutionKind::parse(k))
                .collect(),
            None => {
                let c = &self.loaded.checklist;
                crate::checklist::wording::serves_stated_by(c.form, &c.title.ja)
            }
        }
    }
}

/// The workbook a loaded checklist was imported from in memory, if it was.
pub(super) fn given_workbook(loaded: &Loaded) -> Option<GivenWorkbook<'_>> {
    let Origin::File(path) = &loaded.origin else {
        return None;
    };
    if !path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
    {
        return None;
    }
    let sha256 = recorded_workbooks(loaded).into_iter().next()?.1;
    let known = official::known().unwrap_or_default();
    Some(GivenWorkbook {
        loaded,
        path: path.display().to_string(),
        official: official::by_sha256(&known, &sha256).cloned(),
        sha256,
    })
}

/// The workbooks (file, SHA-256 in lower case) a checklist's items record as their source.
pub(super) fn recorded_workbooks(loaded: &Loaded) -> Vec<(String, String)> {
    let mut workbooks: Vec<(String, String)> = loaded
        .checklist
        .items
        .iter()
        .flat_map(|i| i.sources.iter())
        .filter_map(|s| official::parse_source(s))
        .map(|(f, h)| (f.to_owned(), h.to_ascii_lowercase()))
        .collect();
    workbooks.sort();
    workbooks.dedup();
    workbooks
}

/// The workbook the inspector gave that a carried checklist is to be compared with: the one
/// it records as its source (same SHA-256), else one of its `ID@EDITION`, else one of its
/// edition and form (a workbook that is not the official file is named after its file).
pub(super) fn workbook_for<'c>(own: &'c Catalog, carried: &Loaded) -> Option<GivenWorkbook<'c>> {
    let given: Vec<GivenWorkbook<'c>> = own
        .loaded_from_files()
        .into_iter()
        .filter_map(given_workbook)
        .collect();
    let recorded = recorded_workbooks(carried);
    let c = &carried.checklist;
    let rank = |w: &GivenWorkbook<'_>| {
        let l = &w.loaded.checklist;
        if recorded.iter().any(|(_, sha)| *sha == w.sha256) {
            Some(0)
        } else if l.full_id() == c.full_id() {
            Some(1)
        } else if l.edition == c.edition && l.form == c.form {
            Some(2)
        } else {
            None
        }
    };
    given
        .into_iter()
        .filter_map(|w| rank(&w).map(|r| (r, w)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, w)| w)
}

/// `medsec checklist diff WORKBOOK CARRIED`, each path quoted for the shell as needed.
fn diff_command(workbook: &str, carried: &std::path::Path) -> String {
    format!(
        "medsec checklist diff {} {}",
        command_word(workbook),
        command_word(&carried.display().to_string())
    )
}

/// Items, sections and the form that differ, named as the form prints them.
fn differences(diff: &WordingDiff, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    // Parts of one sentence (verify-checklist-wording-differs), not findings of their own.
    let mut part = |text: String| parts.extend([text]);
    if diff.form {
        part(tr!(lang, "verify-wording-differs-form"));
    }
    if let Some((theirs, stated)) = &diff.serves {
        let kinds = |kinds: &[InstitutionKind]| {
            crate::i18n::join(
                lang,
                &kinds
                    .iter()
                    .map(|k| k.label(lang).to_owned())
                    .collect::<Vec<_>>(),
            )
        };
        part(tr!(
            lang,
            "verify-wording-differs-serves",
            theirs = kinds(theirs),
            stated = kinds(stated)
        ));
    }
    if !diff.sections.is_empty() {
        part(tr!(
            lang,
            "verify-wording-differs-sections",
            sections = crate::i18n::join(lang, &diff.sections),
            count = diff.sections.len()
        ));
    }
    if !diff.items.is_empty() {
        part(tr!(
            lang,
            "verify-wording-differs-items",
            items = crate::i18n::join(
                lang,
                &diff.items.iter().map(|i| i.label(lang)).collect::<Vec<_>>()
            )
        ));
    }
    if diff.rules {
        part(tr!(lang, "verify-wording-differs-rules"));
    }
    crate::i18n::join(lang, &parts)
}

/// The carried checklist's wording is not the workbook's: the institution answered another
/// text (`checklist-not-inspectors`, exit 3), with what differs and the command that shows it.
pub(super) fn push_wording_differs(
    b: &mut Bundle<'_>,
    name: &str,
    carried: &Loaded,
    workbook: &GivenWorkbook<'_>,
    diff: &WordingDiff,
) {
    let lang = b.lang;
    let message = tr!(
        lang,
        "verify-checklist-wording-differs",
        checklist = carried.checklist.full_id(),
        file = name,
        given = workbook.path.as_str(),
        differences = differences(diff, lang),
        diff = diff_command(
            &workbook.path,
            &crate::signing::manifest::in_bundle(b.dir, name)
        )
    );
    b.push(
        "checklist-not-inspectors",
        Class::Integrity,
        Some(name),
        message,
    );
}

/// The gate question the carried checklist names is not the one the workbook read by itself
/// gives (a `--map gate=ROW` at import). Where the workbook gives a gate of its own and the
/// report answers the named one いいえ, the named gate switched off items the workbook's form
/// asks for: the institution answered less than the official form, a finding the inspector
/// must look at (exit 1). Otherwise (the workbook shows no gate, or the named gate switched
/// nothing off) a note: the answers cover what the workbook's form asks.
pub(super) fn push_gate_note(
    b: &mut Bundle<'_>,
    name: &str,
    carried: &Loaded,
    diff: &WordingDiff,
    report: &crate::report::Report,
) {
    let Some((theirs, read)) = &diff.gate else {
        return;
    };
    let lang = b.lang;
    let none = || tr!(lang, "verify-gate-none");
    let labels = |items: &[&Item]| {
        if items.is_empty() {
            none()
        } else {
            crate::i18n::join(
                lang,
                &items.iter().map(|i| i.label(lang)).collect::<Vec<_>>(),
            )
        }
    };
    let theirs: Vec<&Item> = theirs.iter().collect();
    let read: Vec<&Item> = read.iter().collect();
    let switched_off: Vec<&Item> = theirs
        .iter()
        .copied()
        .filter(|i| !read.iter().any(|r| r.number == i.number))
        .filter(|i| answered_no(report, &carried.digest, &i.id))
        .collect();
    let checklist = carried.checklist.full_id();
    if !read.is_empty() && !switched_off.is_empty() {
        let message = tr!(
            lang,
            "verify-checklist-gate-not-workbooks",
            checklist = checklist.as_str(),
            theirs = labels(&switched_off),
            read = labels(&read)
        );
        b.push(
            "checklist-gate-not-workbooks",
            Class::Finding,
            Some(name),
            message,
        );
        return;
    }
    let message = tr!(
        lang,
        "verify-checklist-gate-named",
        checklist = checklist.as_str(),
        theirs = labels(&theirs),
        read = labels(&read)
    );
    b.push(
        "checklist-gate-named-at-import",
        Class::Note,
        Some(name),
        message,
    );
}

/// Whether a form of the report answered with the checklist of `digest` answers `item` いいえ
/// in any round.
fn answered_no(report: &crate::report::Report, digest: &str, item: &str) -> bool {
    std::iter::once(&report.answers)
        .chain(&report.vendor_forms)
        .filter(|f| f.checklist.digest == digest)
        .any(|f| {
            crate::answers::model::ROUNDS.iter().any(|round| {
                f.answers
                    .answer(item, *round)
                    .is_some_and(|a| a.response == Some(crate::answers::model::Response::No))
            })
        })
}

/// What confirms a carried checklist's wording here.
pub(super) enum Confirmation<'c> {
    /// Nothing the inspector gave.
    None,
    /// The inspector holds a checklist file with the same digest (`--checklist`, `checklist
    /// add`): their own copy.
    Held,
    /// A workbook the inspector gave has the same wording.
    Workbook(Box<GivenWorkbook<'c>>),
}

/// Whether a carried checklist's recorded source is an official workbook medsec knows, and
/// whether its wording was confirmed here.
pub(super) fn push_source_note(
    b: &mut Bundle<'_>,
    name: &str,
    loaded: &Loaded,
    confirmation: &Confirmation<'_>,
) {
    let lang = b.lang;
    let known = official::known().unwrap_or_default();
    let workbooks = recorded_workbooks(loaded);
    let checklist = loaded.checklist.full_id();
    // A workbook that is not an official one confirmed the wording too: said in one line (an
    // official one is said with its source below).
    if let Confirmation::Workbook(w) = confirmation {
        if w.official.is_none() {
            let message = tr!(
                lang,
                "verify-checklist-workbook-matched",
                checklist = checklist.as_str(),
                file = name,
                given = w.path.as_str()
            );
            b.push(
                "checklist-workbook-matched",
                Class::Note,
                Some(name),
                message,
            );
        }
    }
    let confirmed_official = match confirmation {
        Confirmation::Workbook(w) => w.official.is_some(),
        _ => false,
    };
    // Items marked as checked against the official form claim that it is the official form:
    // without an official workbook behind them, that is a finding, not a note. An own
    // checklist (`extends`) says it is the institution's own; its base is judged on its own.
    let verified = if loaded.checklist.extends.is_some() {
        0
    } else {
        loaded.checklist.items.iter().filter(|i| i.verified).count()
    };
    let backed = workbooks
        .iter()
        .any(|(_, sha)| official::by_sha256(&known, sha).is_some());
    let held = matches!(confirmation, Confirmation::Held);
    if verified > 0 && !backed && !held && !confirmed_official {
        let (workbook, sha) = workbooks
            .first()
            .map_or(("none", ""), |(w, s)| (w.as_str(), s.as_str()));
        let message = tr!(
            lang,
            "verify-checklist-claims-official",
            checklist = checklist.as_str(),
            verified = verified,
            workbook = workbook,
            sha = sha
        );
        b.push(
            "checklist-not-official",
            Class::Finding,
            Some(name),
            message,
        );
        return;
    }
    if workbooks.is_empty() {
        let message = tr!(
            lang,
            "rules-data-verify-checklist-no-source",
            checklist = checklist.as_str(),
            file = name
        );
        b.push("checklist-not-official", Class::Note, Some(name), message);
        return;
    }
    for (workbook, sha) in workbooks {
        let Some(entry) = official::by_sha256(&known, &sha) else {
            let message = tr!(
                lang,
                "rules-data-verify-checklist-not-official",
                checklist = checklist.as_str(),
                workbook = workbook.as_str(),
                sha = sha.as_str()
            );
            b.push("checklist-not-official", Class::Note, Some(name), message);
            continue;
        };
        match confirmation {
            Confirmation::Workbook(w) if w.official.is_some() => {
                let message = tr!(
                    lang,
                    "verify-checklist-official-confirmed",
                    checklist = checklist.as_str(),
                    workbook = workbook.as_str(),
                    given = w.path.as_str()
                );
                b.push(
                    "checklist-official-source",
                    Class::Note,
                    Some(name),
                    message,
                );
            }
            Confirmation::Held => {
                let message = tr!(
                    lang,
                    "verify-checklist-official-source-yours",
                    checklist = checklist.as_str(),
                    workbook = workbook.as_str(),
                    digest = loaded.digest.as_str()
                );
                b.push(
                    "checklist-official-source",
                    Class::Note,
                    Some(name),
                    message,
                );
            }
            other => {
                if let Confirmation::Workbook(w) = other {
                    push_not_the_official_file(b, name, w, entry);
                }
                push_unconfirmed(b, name, &checklist, entry);
            }
        }
    }
}

/// A workbook given that is not the official file a carried checklist records as its source:
/// said plainly (the wording that differs from it is said on its own).
pub(super) fn push_if_not_the_official_file(
    b: &mut Bundle<'_>,
    name: &str,
    carried: &Loaded,
    given: &GivenWorkbook<'_>,
) {
    if given.official.is_some() {
        return;
    }
    let known = official::known().unwrap_or_default();
    let claimed = recorded_workbooks(carried)
        .into_iter()
        .find_map(|(_, sha)| official::by_sha256(&known, &sha).cloned());
    if let Some(entry) = claimed {
        push_not_the_official_file(b, name, given, &entry);
    }
}

/// The workbook given is not the official file: said plainly, and not counted as confirming.
fn push_not_the_official_file(
    b: &mut Bundle<'_>,
    name: &str,
    given: &GivenWorkbook<'_>,
    entry: &OfficialWorkbook,
) {
    let lang = b.lang;
    let message = tr!(
        lang,
        "verify-workbook-not-official",
        given = given.path.as_str(),
        sha = given.sha256.as_str(),
        file = entry.file.as_str(),
        official = entry.sha256.as_str(),
        url = entry.source_url.as_str()
    );
    b.push(
        "checklist-workbook-not-official",
        Class::Finding,
        Some(name),
        message,
    );
}

/// A carried checklist that records an official workbook, its wording not confirmed here
/// against it: a finding (exit 1), with the command that confirms it.
fn push_unconfirmed(b: &mut Bundle<'_>, name: &str, checklist: &str, entry: &OfficialWorkbook) {
    let lang = b.lang;
    let command = format!(
        "medsec verify {} --checklist {}",
        command_word(&b.dir.display().to_string()),
        command_word(&entry.file)
    );
    let message = tr!(
        lang,
        "verify-checklist-official-unconfirmed",
        checklist = checklist,
        workbook = entry.file.as_str(),
        command = command
    );
    b.push(
        "checklist-official-unconfirmed",
        Class::Finding,
        Some(name),
        message,
    );
}

/// Each workbook the inspector gave (`--checklist WORKBOOK.xlsx`) that no carried checklist
/// was compared with (`compared`, by path) and that is of none of the report's forms and
/// editions (the 事業者確認用 workbook for an institution's report, last year's for this
/// year's): nothing was compared with it, said with both forms (a warning: the bundle is no
/// worse for it, but the inspector's check did not happen). A workbook a carried checklist
/// records as its source is compared with it whatever its edition (`workbook_for`), so it is
/// never said to be of another form.
pub(super) fn push_workbooks_of_other_forms(
    b: &mut Bundle<'_>,
    report: &crate::report::Report,
    own: &Catalog,
    all: &Catalog,
    compared: &[String],
) {
    let refs: Vec<&crate::report::ChecklistRef> = std::iter::once(&report.checklist)
        .chain(std::iter::once(&report.answers.checklist))
        .chain(report.vendor_forms.iter().map(|f| &f.checklist))
        .collect();
    let lang = b.lang;
    for given in own
        .loaded_from_files()
        .into_iter()
        .filter_map(given_workbook)
        .filter(|given| !compared.contains(&given.path))
    {
        let book = &given.loaded.checklist;
        let related = |r: &&&crate::report::ChecklistRef| {
            (r.edition == book.edition && r.form == book.form.as_str())
                || r.full_id() == book.full_id()
        };
        if let Some(first) = refs.iter().find(related) {
            // Compared only with a checklist the bundle carries: one bundled into medsec is
            // not, and that is said rather than left silent.
            if !refs.iter().filter(related).any(|r| r.file.is_some()) {
                let message = tr!(
                    lang,
                    "verify-workbook-not-compared",
                    given = given.path.as_str(),
                    checklist = first.full_id()
                );
                b.push(
                    "checklist-workbook-not-compared",
                    Class::Note,
                    Some(crate::report::FILE_NAME),
                    message,
                );
            }
            continue;
        }
        let r = &report.checklist;
        let form = match all.by_digest(&r.digest) {
            Some(c) => c.checklist.form_label(lang),
            None => crate::checklist::Form::parse(&r.form)
                .map_or_else(|| r.form.clone(), |f| f.label(lang).to_owned()),
        };
        let message = tr!(
            lang,
            "verify-workbook-other-form",
            given = given.path.as_str(),
            book_form = book.form_label(lang),
            book_year = crate::signing::fiscal_year_text(lang, book.fiscal_year),
            checklist = r.full_id(),
            form = form,
            year = crate::signing::fiscal_year_text(lang, r.fiscal_year)
        );
        b.push(
            "checklist-workbook-other-form",
            Class::Warning,
            Some(crate::report::FILE_NAME),
            message,
        );
    }
}
