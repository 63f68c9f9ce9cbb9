//! `checklist lint` of own checklists: an own checklist (`extends = "ID@EDITION"`) is linked
//! to its base the way every command links it, and each problem becomes a diagnostic with its
//! `extends-…` code and place. The base is looked up among the bundled checklists, those
//! added with `checklist add` and those given with `--checklist`.

use crate::checklist::{Catalog, Checklist, Lang, Loaded, Origin};
use crate::diagnostic::{Diagnostic, Severity, Typed};
use std::path::PathBuf;

/// The checklists a base is looked up in: bundled, added, and `bases` (`--checklist`). A broken
/// file among those is reported by the commands that load it, not here.
pub fn catalog(bases: &[PathBuf]) -> Catalog {
    Catalog::with_files(bases)
        .or_else(|_| Catalog::with_files(&[]))
        .or_else(|_| Catalog::bundled())
        .unwrap_or_default()
}

/// [`catalog`] with the checklists found under `linted` (the files and folders of this run)
/// that extend none: a group's repository lints its imported base and the extension over it in
/// one run, and the extension's base is the file beside it, as `checklist diff` finds it. A
/// file that does not load is left out here (its own lint says why).
pub fn catalog_with(bases: &[PathBuf], linted: &[PathBuf]) -> Catalog {
    let mut catalog = catalog(bases);
    for loaded in siblings(linted) {
        catalog.add(loaded);
    }
    catalog
}

/// The checklists under `paths` that load and extend none.
fn siblings(paths: &[PathBuf]) -> Vec<Loaded> {
    let mut files = Vec::new();
    let mut scratch = super::LintReport::default();
    for path in paths {
        super::collect(path, true, &mut files, &mut scratch);
    }
    files.sort();
    files.dedup();
    files
        .iter()
        .filter_map(|f| crate::checklist::load_path(f).ok())
        .filter(|l| l.checklist.extends.is_none())
        .collect()
}

/// `checklist` linked in `catalog`, or `None` when it extends none or does not link.
pub fn linked_in(checklist: &Checklist, file: &str, catalog: &Catalog) -> Option<Checklist> {
    checklist.extends.as_ref()?;
    let loaded = Loaded {
        checklist: checklist.clone(),
        digest: String::new(),
        origin: Origin::File(file.into()),
        warnings: Vec::new(),
    };
    catalog.linked(&loaded).ok().map(|l| l.checklist)
}

/// The problems of linking `checklist` (read from `file`) to its base in `catalog`; none when
/// it extends nothing. Once linked, each base item left out that the form asks every
/// institution to answer is the error `base-item-required-out-of-scope` at its
/// `[[out_of_scope]]` entry: the rule `status`, `report` and `verify` apply to the answers.
pub fn lint(checklist: Option<&Checklist>, file: &str, catalog: &Catalog) -> Vec<Diagnostic> {
    let Some(c) = checklist.filter(|c| c.extends.is_some()) else {
        return Vec::new();
    };
    let loaded = Loaded {
        checklist: c.clone(),
        digest: String::new(),
        origin: Origin::File(file.into()),
        warnings: Vec::new(),
    };
    let linked = match catalog.linked(&loaded) {
        Ok(linked) => linked,
        Err(diagnostics) => return diagnostics,
    };
    let Some(extends) = &linked.checklist.extends else {
        return Vec::new();
    };
    extends
        .required_left_out()
        .filter_map(|o| {
            let item = o.base_item.as_deref()?;
            let location = extends
                .places
                .out_of_scope
                .get(&o.item)
                .or(extends.places.extends.as_ref())
                .cloned()?;
            let text = crate::msg_ref!(
                "own-base-item-required-out-of-scope",
                item = bilingual(item.label(Lang::Ja), item.label(Lang::En)),
                checklist = c.full_id(),
                base = extends.base_name(),
                reason = bilingual(o.reason.ja.clone(), o.reason.en.clone())
            );
            Some(Diagnostic {
                code: crate::checklist::extends::REQUIRED_OUT_OF_SCOPE,
                severity: Severity::Error,
                location,
                message: crate::i18n::render(Lang::En, &text),
                text: Some(text),
            })
        })
        .collect()
}

fn bilingual(ja: String, en: String) -> Typed {
    Typed::Bilingual { ja, en }
}
