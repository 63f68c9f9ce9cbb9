//! The staging folder a bundle is made in (`.medsec-bundle-XXXX/` beside the target), and the
//! stale ones a run killed outright (SIGKILL, a power cut) left behind.
//!
//! A staging folder holds a marker file naming the process that made it and its machine, and
//! the bundle being made in `bundle/`, which is renamed into place at the end. A later run
//! into the same folder removes a staging folder only when it is one of medsec's (its name and
//! its marker) and no live process owns it: on Unix the process named is gone from this
//! machine (`kill(pid, 0)`); where that cannot be asked (another machine on a shared folder,
//! Windows), only once the marker is older than [`STALE_AFTER`]. Never a folder without the
//! marker, so never one a running medsec has just made.

use std::path::{Path, PathBuf};

/// How a staging folder's name starts.
pub const PREFIX: &str = ".medsec-bundle-";
/// The marker file in a staging folder.
const MARKER: &str = ".medsec-stage";
/// The marker's first line.
const MARKER_HEAD: &str = "medsec staging folder";
/// The folder in a staging folder that becomes the bundle.
pub const BUNDLE: &str = "bundle";
/// A staging folder whose owner cannot be asked is stale after this long: making a bundle
/// (copying its files and signing) takes minutes at most.
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Write the marker of a staging folder this process made: whole or not at all (written
/// beside, then renamed), so a run killed while writing it never leaves half a marker.
pub fn mark(stage: &Path) -> std::io::Result<()> {
    let text = format!(
        "{MARKER_HEAD}\npid={}\nhost={}\n",
        std::process::id(),
        this_host()
    );
    let part = stage.join(format!("{MARKER}.part"));
    std::fs::write(&part, text)?;
    std::fs::rename(&part, stage.join(MARKER))
}

/// Remove the stale staging folders in `parent` (see the module docs); returns those removed.
/// A folder that cannot be read or removed is left as it is: making the new bundle goes on.
pub fn remove_stale(parent: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut removed: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(PREFIX))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .filter(|path| is_stale(path))
        .filter(|path| std::fs::remove_dir_all(path).is_ok())
        .collect();
    removed.sort();
    removed
}

/// Whether `stage` is a staging folder of medsec's whose owner is gone.
fn is_stale(stage: &Path) -> bool {
    let marker = stage.join(MARKER);
    let Ok(meta) = std::fs::symlink_metadata(&marker) else {
        return false;
    };
    if !meta.is_file() || meta.len() > 4096 {
        return false;
    }
    let Ok(text) = std::fs::read_to_string(&marker) else {
        return false;
    };
    let mut lines = text.lines();
    if lines.next() != Some(MARKER_HEAD) {
        return false;
    }
    let mut pid = None;
    let mut host = None;
    for line in lines {
        match line.split_once('=') {
            Some(("pid", v)) => pid = v.parse::<u32>().ok(),
            Some(("host", v)) => host = Some(v.to_owned()),
            _ => {}
        }
    }
    let old = meta
        .modified()
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age >= STALE_AFTER);
    match (pid, host) {
        (Some(pid), Some(host)) if host == this_host() => match process_gone(pid) {
            Some(gone) => gone,
            None => old,
        },
        _ => old,
    }
}

fn this_host() -> String {
    gethostname::gethostname()
        .to_string_lossy()
        .replace(['\n', '\r'], " ")
}

/// Whether no process `pid` runs on this machine; `None` when that cannot be told.
#[cfg(unix)]
fn process_gone(pid: u32) -> Option<bool> {
    let pid = libc::pid_t::try_from(pid).ok().filter(|p| *p > 0)?;
    if pid == libc::pid_t::try_from(std::process::id()).ok()? {
        return Some(false);
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    if unsafe { libc::kill(pid, 0) } == 0 {
        return Some(false);
    }
    match std::io::Error::last_os_error().raw_os_error() {
        Some(libc::ESRCH) => Some(true),
        // EPERM: it exists, owned by another user.
        _ => Some(false),
    }
}

#[cfg(not(unix))]
fn process_gone(_pid: u32) -> Option<bool> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn only_a_marked_folder_of_a_gone_process_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join(format!("{PREFIX}mine"));
        std::fs::create_dir(&mine).unwrap();
        mark(&mine).unwrap();
        let unmarked = dir.path().join(format!("{PREFIX}unmarked"));
        std::fs::create_dir(&unmarked).unwrap();
        let other = dir.path().join(".other-folder");
        std::fs::create_dir(&other).unwrap();
        // A process that has ended (a child reaped), on this machine.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone_pid = child.id();
        child.wait().unwrap();
        let gone = dir.path().join(format!("{PREFIX}gone"));
        std::fs::create_dir(&gone).unwrap();
        std::fs::write(
            gone.join(MARKER),
            format!("{MARKER_HEAD}\npid={gone_pid}\nhost={}\n", this_host()),
        )
        .unwrap();
        // Another machine's: its process cannot be asked, and the marker is new.
        let elsewhere = dir.path().join(format!("{PREFIX}elsewhere"));
        std::fs::create_dir(&elsewhere).unwrap();
        std::fs::write(
            elsewhere.join(MARKER),
            format!("{MARKER_HEAD}\npid={gone_pid}\nhost=another-machine\n"),
        )
        .unwrap();
        let removed = remove_stale(dir.path());
        assert_eq!(removed, vec![gone.clone()]);
        for kept in [&mine, &unmarked, &other, &elsewhere] {
            assert!(kept.is_dir(), "{}", kept.display());
        }
    }
}
