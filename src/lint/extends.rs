//! `checklist lint` of own checklists: an own checklist (`extends = "ID@EDITION"`) is linked
//! to its base the way every command links it, and each problem becomes a diagnostic with its
//! `extends-…` code and place. The base is looked up among the bundled checklists, those
//! added with `checklist add` and those given with `--checklist`.

use crate::checklist::{Catalog, Checklist, Loaded, Origin};
use crate::diagnostic::Diagnostic;
use std::path::PathBuf;

/// The checklists a base is looked up in: bundled, added, and `bases` (`--checklist`). A broken
/// file among those is reported by the commands that load it, not here.
pub fn catalog(bases: &[PathBuf]) -> Catalog {
    Catalog::with_files(bases)
        .or_else(|_| Catalog::with_files(&[]))
        .or_else(|_| Catalog::bundled())
        .unwrap_or_default()
}

/// The problems of linking `checklist` (read from `file`) to its base in `catalog`; none when
/// it extends nothing.
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
    catalog.linked(&loaded).err().unwrap_or_default()
}
