//! `checklist lint` of own checklists: an own checklist (`extends = "ID@EDITION"`) is linked
//! to its base the way every command links it, and each problem becomes a diagnostic with its
//! `extends-…` code and place. The base is looked up among the bundled checklists and those
//! added with `checklist add`.

use crate::checklist::{Catalog, Checklist, Loaded, Origin};
use crate::diagnostic::Diagnostic;
use std::sync::OnceLock;

/// The problems of linking `checklist` (read from `file`) to its base; none when it extends
/// nothing.
pub fn lint(checklist: Option<&Checklist>, file: &str) -> Vec<Diagnostic> {
    let Some(c) = checklist.filter(|c| c.extends.is_some()) else {
        return Vec::new();
    };
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    // A broken file among those added is reported by the commands that load it, not here.
    let catalog = CATALOG.get_or_init(|| {
        Catalog::with_files(&[])
            .or_else(|_| Catalog::bundled())
            .unwrap_or_default()
    });
    let loaded = Loaded {
        checklist: c.clone(),
        digest: String::new(),
        origin: Origin::File(file.into()),
        warnings: Vec::new(),
    };
    catalog.linked(&loaded).err().unwrap_or_default()
}
