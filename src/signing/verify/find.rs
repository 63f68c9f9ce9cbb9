//! Finding bundles for `summarize`: folders of folders are walked, a folder holding a
//! manifest, its signature or report.json is a bundle (so a bundle whose manifest was removed
//! still shows, as `manifest-missing`), and a bundle is not looked into. Links are never
//! followed and the walk stops at the manifest's depth limit, as verify's own scan does.

use crate::report;
use crate::signing::manifest::MAX_DEPTH;
use crate::signing::{MANIFEST, SIGNATURE};
use std::path::{Path, PathBuf};

/// What the walk found under the folders given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A bundle folder, to verify.
    Bundle(PathBuf),
    /// A folder given that holds no bundle at all, or a folder down the walk with neither a
    /// bundle nor a folder in it (an empty delivery, report.html alone).
    NoBundle(PathBuf),
    /// A symbolic link to a folder: not followed.
    Link(PathBuf),
    /// A folder that could not be read, or lies deeper than the limit.
    Unreadable(PathBuf, Option<(std::io::ErrorKind, String)>),
}

impl Found {
    pub fn path(&self) -> &Path {
        match self {
            Found::Bundle(p) | Found::NoBundle(p) | Found::Link(p) | Found::Unreadable(p, _) => p,
        }
    }
}

fn io(e: &std::io::Error) -> (std::io::ErrorKind, String) {
    (e.kind(), e.to_string())
}

impl Found {
    /// Why a place found is no bundle to verify, as verify's finding (`None` for a bundle).
    pub fn finding(&self, lang: crate::checklist::Lang) -> Option<super::Finding> {
        let (code, message) = match self {
            Found::Bundle(_) => return None,
            Found::NoBundle(_) => ("no-bundle", crate::tr!(lang, "verify-no-bundle-found")),
            Found::Link(_) => (
                "link-not-followed",
                crate::tr!(lang, "verify-link-not-followed"),
            ),
            Found::Unreadable(_, None) => (
                "bundle-unreadable",
                crate::tr!(lang, "signing-unreadable-too-deep", max = MAX_DEPTH),
            ),
            Found::Unreadable(_, Some((kind, text))) => (
                "bundle-unreadable",
                crate::tr!(
                    lang,
                    "verify-bundle-cannot-open",
                    reason = crate::signing::io_error_text(
                        lang,
                        &std::io::Error::new(*kind, text.clone())
                    )
                ),
            ),
        };
        Some(super::Finding {
            code: code.to_owned(),
            class: super::Class::Unusable,
            file: None,
            item: None,
            item_label: None,
            message,
        })
    }
}

/// Whether `dir` holds a manifest, its signature or report.json. A folder that can be listed
/// but not searched (`r--`) answers every look with a permission error: its listing then tells,
/// so a bundle medsec may not read is verified (`file-unreadable`), never said to be none.
fn is_bundle(dir: &Path) -> bool {
    let names = [MANIFEST, SIGNATURE, report::FILE_NAME];
    let mut denied = false;
    for name in names {
        match std::fs::symlink_metadata(dir.join(name)) {
            Ok(_) => return true,
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => denied = true,
            Err(_) => {}
        }
    }
    denied
        && std::fs::read_dir(dir).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|entry| names.iter().any(|name| entry.file_name() == *name))
        })
}

/// Every bundle under `roots`, and every place that could not be looked into, sorted by path
/// within each root. A bundle reached from several roots (`a a/b ./a/b`) is found once, where
/// it is first reached: a health centre counts rows. (One root's walk never reaches a bundle
/// twice, as links are not followed, so only several roots pay for telling folders apart.)
pub fn find_bundles(roots: &[PathBuf]) -> Vec<Found> {
    let mut out = Vec::new();
    for root in roots {
        let before = out.len();
        walk(root, 0, &mut out);
        // A folder given with no bundle anywhere under it is one row, however many empty
        // folders it holds.
        if out
            .iter()
            .skip(before)
            .all(|f| matches!(f, Found::NoBundle(_)))
        {
            out.truncate(before);
            out.push(Found::NoBundle(root.clone()));
        }
    }
    if roots.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        out.retain(|f| match f {
            Found::Bundle(p) | Found::NoBundle(p) => seen.insert(FolderId::of(p)),
            _ => true,
        });
    }
    out
}

/// Which folder a path reaches, however it is spelled (`a/b`, `./a/b`, through a link).
#[derive(PartialEq, Eq, Hash)]
enum FolderId {
    /// The device and inode: one `stat` a bundle, where resolving the path costs a look-up
    /// per component of it (thousands of bundles given one by one in a prefecture's batch).
    #[cfg(unix)]
    Inode(u64, u64),
    /// The path resolved; the path as given when it cannot be (a folder that is not there is
    /// then said once for each spelling).
    Path(PathBuf),
}

impl FolderId {
    fn of(path: &Path) -> FolderId {
        #[cfg(unix)]
        if let Ok(m) = std::fs::metadata(path) {
            use std::os::unix::fs::MetadataExt;
            return FolderId::Inode(m.dev(), m.ino());
        }
        FolderId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
    }
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<Found>) {
    if is_bundle(dir) {
        out.push(Found::Bundle(dir.to_owned()));
        return;
    }
    if depth >= MAX_DEPTH {
        out.push(Found::Unreadable(dir.to_owned(), None));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            // A root that is no folder at all is verified as given, which says so.
            if depth == 0 && e.kind() != std::io::ErrorKind::PermissionDenied {
                out.push(Found::Bundle(dir.to_owned()));
            } else {
                out.push(Found::Unreadable(dir.to_owned(), Some(io(&e))));
            }
            return;
        }
    };
    let mut children: Vec<(PathBuf, bool)> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.push(Found::Unreadable(dir.to_owned(), Some(io(&e))));
                continue;
            }
        };
        let path = entry.path();
        // The entry's own type: a link is never followed into.
        match entry.file_type() {
            Ok(t) if t.is_dir() => children.push((path, false)),
            Ok(t) if t.is_symlink() => match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => children.push((path, true)),
                // A link to a file, or to nothing, is no bundle, as a file is not.
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                // A link that loops (or cannot be resolved) is said, not silently passed by.
                Err(e) => out.push(Found::Unreadable(path, Some(io(&e)))),
            },
            Ok(_) => {}
            Err(e) => out.push(Found::Unreadable(path, Some(io(&e)))),
        }
    }
    let before = out.len();
    children.sort();
    for (path, link) in children {
        if link {
            out.push(Found::Link(path));
        } else {
            walk(&path, depth + 1, out);
        }
    }
    // A folder down the walk that holds the printable page and no bundle under it is a
    // delivery that came without its bundle: one row that says so, never passed by (an empty
    // folder, or a clinic's evidence/, is no delivery). A page printed beside the bundle's
    // folder (`clinic/report.html`, `clinic/bundle/`) hides nothing. (A folder given is one
    // such row by find_bundles' own rule.)
    if dir.join("report.html").is_file()
        && out
            .iter()
            .skip(before)
            .all(|f| matches!(f, Found::NoBundle(_)))
    {
        out.truncate(before);
        out.push(Found::NoBundle(dir.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundles_are_found_in_folders_of_folders_and_not_looked_into() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for d in ["a/b1", "a/b2/inner", "c", "empty/x", "html-only"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        std::fs::write(root.join("a/b1/MANIFEST.sha256"), "").unwrap();
        std::fs::write(root.join("a/b2/report.json"), "{}").unwrap();
        std::fs::write(root.join("a/b2/inner/MANIFEST.sha256"), "").unwrap();
        std::fs::write(root.join("c/MANIFEST.sha256.minisig"), "").unwrap();
        std::fs::write(root.join("notes.txt"), "").unwrap();
        std::fs::write(root.join("html-only/report.html"), "").unwrap();
        let found = find_bundles(&[root.to_owned(), root.join("empty")]);
        assert_eq!(
            found,
            vec![
                Found::Bundle(root.join("a/b1")),
                Found::Bundle(root.join("a/b2")),
                Found::Bundle(root.join("c")),
                // report.html without its bundle is a row; an empty folder is not, but a
                // folder given with no bundle under it is.
                Found::NoBundle(root.join("html-only")),
                Found::NoBundle(root.join("empty")),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_bundle_given_through_a_link_or_spelled_twice_is_found_once() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("a/b/MANIFEST.sha256"), "").unwrap();
        std::os::unix::fs::symlink(root.join("a/b"), root.join("link")).unwrap();
        let found = find_bundles(&[
            root.join("a/b"),
            root.join("link"),
            root.join("a/./b"),
            root.join("missing"),
            root.join("missing"),
        ]);
        assert_eq!(
            found,
            vec![
                Found::Bundle(root.join("a/b")),
                Found::Bundle(root.join("missing")),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("elsewhere/b")).unwrap();
        std::fs::create_dir_all(root.join("given")).unwrap();
        std::fs::write(root.join("elsewhere/b/MANIFEST.sha256"), "").unwrap();
        std::os::unix::fs::symlink(root.join("elsewhere"), root.join("given/link")).unwrap();
        let found = find_bundles(&[root.join("given")]);
        assert_eq!(found, vec![Found::Link(root.join("given/link"))]);
    }
}
