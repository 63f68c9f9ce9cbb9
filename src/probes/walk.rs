//! The backup walk: newest and oldest file times, counts and bytes of a tree, from metadata
//! alone (one lstat per entry, contents never read), on several threads.
//!
//! Walker chosen by measurement (scripts/bench-backup-walk.sh): the `ignore` crate's parallel
//! walker beats walkdir and `find` on 2 cores. Each thread keeps its own totals and merges
//! them once when it ends, so memory does not grow with the tree. Loops, permission-denied
//! folders and files that vanish mid-walk are counted with a few sample paths, never fatal.

use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// How to walk.
#[derive(Debug, Clone, Copy)]
pub struct WalkOptions {
    pub follow_links: bool,
    /// 0 picks the number of CPUs.
    pub threads: usize,
}

/// A time as nanoseconds since the Unix epoch.
pub type Nanos = i128;

/// Totals of one walk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkStats {
    pub files: u64,
    pub dirs: u64,
    pub symlinks: u64,
    pub other: u64,
    pub bytes: u64,
    pub newest_mtime: Option<Nanos>,
    pub oldest_mtime: Option<Nanos>,
    pub newest_ctime: Option<Nanos>,
    pub newest_file: Option<PathBuf>,
    pub loops: u64,
    pub permission_denied: u64,
    pub vanished: u64,
    pub other_errors: u64,
    /// A few example problems (at most [`MAX_SAMPLES`]).
    pub samples: Vec<WalkProblem>,
    /// The walk was stopped (timeout) before the end.
    pub stopped: bool,
}

/// How many problem paths are kept as examples.
pub const MAX_SAMPLES: usize = 20;

/// One problem met on the walk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WalkProblem {
    /// `symlink-loop`, `permission-denied`, `vanished` or `error`.
    pub problem: &'static str,
    pub path: String,
    pub message: String,
}

impl WalkStats {
    fn merge(&mut self, o: WalkStats) {
        self.files += o.files;
        self.dirs += o.dirs;
        self.symlinks += o.symlinks;
        self.other += o.other;
        self.bytes += o.bytes;
        if o.newest_mtime > self.newest_mtime {
            self.newest_mtime = o.newest_mtime;
            self.newest_file = o.newest_file;
        }
        self.oldest_mtime = match (self.oldest_mtime, o.oldest_mtime) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.newest_ctime = self.newest_ctime.max(o.newest_ctime);
        self.loops += o.loops;
        self.permission_denied += o.permission_denied;
        self.vanished += o.vanished;
        self.other_errors += o.other_errors;
        for s in o.samples {
            if self.samples.len() < MAX_SAMPLES {
                self.samples.push(s);
            }
        }
        self.stopped |= o.stopped;
    }

    fn problem(&mut self, problem: &'static str, path: Option<&Path>, message: String) {
        match problem {
            "symlink-loop" => self.loops += 1,
            "permission-denied" => self.permission_denied += 1,
            "vanished" => self.vanished += 1,
            _ => self.other_errors += 1,
        }
        if self.samples.len() < MAX_SAMPLES {
            self.samples.push(WalkProblem {
                problem,
                path: path.map(|p| p.display().to_string()).unwrap_or_default(),
                message,
            });
        }
    }

    fn file(&mut self, path: &Path, md: &std::fs::Metadata) {
        self.files += 1;
        self.bytes += md.len();
        if let Some(m) = mtime(md) {
            if self.newest_mtime.is_none_or(|n| m > n) {
                self.newest_mtime = Some(m);
                self.newest_file = Some(path.to_owned());
            }
            if self.oldest_mtime.is_none_or(|o| m < o) {
                self.oldest_mtime = Some(m);
            }
        }
        if let Some(c) = ctime(md) {
            self.newest_ctime = self.newest_ctime.max(Some(c));
        }
    }

    /// Problems of any kind.
    pub fn problems(&self) -> u64 {
        self.loops + self.permission_denied + self.vanished + self.other_errors
    }
}

fn mtime(md: &std::fs::Metadata) -> Option<Nanos> {
    let t = md.modified().ok()?;
    Some(match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as Nanos,
        Err(e) => -(e.duration().as_nanos() as Nanos),
    })
}

#[cfg(unix)]
fn ctime(md: &std::fs::Metadata) -> Option<Nanos> {
    use std::os::unix::fs::MetadataExt;
    Some(md.ctime() as Nanos * 1_000_000_000 + md.ctime_nsec() as Nanos)
}

#[cfg(not(unix))]
fn ctime(_md: &std::fs::Metadata) -> Option<Nanos> {
    None
}

/// Sort an `ignore` error into one of the counted problems.
fn classify(err: &ignore::Error) -> (&'static str, Option<PathBuf>, String) {
    fn inner(
        err: &ignore::Error,
        path: Option<PathBuf>,
    ) -> (&'static str, Option<PathBuf>, String) {
        match err {
            ignore::Error::WithPath { path, err } => inner(err, Some(path.clone())),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner(err, path)
            }
            ignore::Error::Loop { ancestor, child } => (
                "symlink-loop",
                Some(child.clone()),
                format!("symbolic link loop back to {}", ancestor.display()),
            ),
            ignore::Error::Io(e) => (io_problem(e), path, e.to_string()),
            ignore::Error::Partial(errs) if !errs.is_empty() => inner(&errs[0], path),
            other => ("error", path, other.to_string()),
        }
    }
    inner(err, None)
}

fn io_problem(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission-denied",
        std::io::ErrorKind::NotFound => "vanished",
        _ => "error",
    }
}

/// Per-thread totals, merged into the shared ones when the thread's visitor is dropped.
struct Local<'a> {
    stats: WalkStats,
    shared: Arc<Mutex<WalkStats>>,
    pending_ticks: u64,
    seen: &'a AtomicU64,
}

impl Local<'_> {
    fn tick(&mut self) {
        self.pending_ticks += 1;
        if self.pending_ticks >= 4096 {
            self.flush_ticks();
        }
    }

    fn flush_ticks(&mut self) {
        self.seen.fetch_add(self.pending_ticks, Ordering::Relaxed);
        self.pending_ticks = 0;
    }
}

impl Drop for Local<'_> {
    fn drop(&mut self) {
        self.flush_ticks();
        let stats = std::mem::take(&mut self.stats);
        self.shared
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .merge(stats);
    }
}

/// Walk `root` and total what is under it. `cancel` stops the walk early (the totals then
/// say `stopped`); `seen` counts entries for progress.
pub fn walk(root: &Path, options: WalkOptions, cancel: &AtomicBool, seen: &AtomicU64) -> WalkStats {
    let shared = Arc::new(Mutex::new(WalkStats::default()));
    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        options.threads
    };
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .follow_links(options.follow_links)
        .threads(threads)
        .build_parallel();
    walker.run(|| {
        let mut local = Local {
            stats: WalkStats::default(),
            shared: Arc::clone(&shared),
            pending_ticks: 0,
            seen,
        };
        Box::new(move |entry| {
            if cancel.load(Ordering::Relaxed) {
                local.stats.stopped = true;
                return ignore::WalkState::Quit;
            }
            local.tick();
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let (problem, path, message) = classify(&err);
                    local.stats.problem(problem, path.as_deref(), message);
                    return ignore::WalkState::Continue;
                }
            };
            if entry.depth() == 0 {
                return ignore::WalkState::Continue;
            }
            let Some(ft) = entry.file_type() else {
                local.stats.other += 1;
                return ignore::WalkState::Continue;
            };
            if ft.is_dir() {
                local.stats.dirs += 1;
            } else if ft.is_symlink() {
                // Only seen when links are not followed (a followed link has its target's type).
                local.stats.symlinks += 1;
            } else if ft.is_file() {
                match entry.metadata() {
                    Ok(md) => local.stats.file(entry.path(), &md),
                    Err(err) => {
                        let (problem, _, message) = classify(&err);
                        local.stats.problem(problem, Some(entry.path()), message);
                    }
                }
            } else {
                local.stats.other += 1;
            }
            ignore::WalkState::Continue
        })
    });
    let stats = std::mem::take(&mut *shared.lock().unwrap_or_else(|p| p.into_inner()));
    stats
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    fn set_mtime(p: &Path, secs_ago: u64) {
        let f = std::fs::File::options().write(true).open(p).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(secs_ago))
            .unwrap();
    }

    #[test]
    fn totals_a_tree() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("a/b")).unwrap();
        std::fs::write(d.path().join("a/old"), b"12345").unwrap();
        std::fs::write(d.path().join("a/b/new"), b"123").unwrap();
        set_mtime(&d.path().join("a/old"), 86_400 * 10);
        set_mtime(&d.path().join("a/b/new"), 60);
        let s = walk(
            d.path(),
            WalkOptions {
                follow_links: false,
                threads: 2,
            },
            &AtomicBool::new(false),
            &AtomicU64::new(0),
        );
        assert_eq!((s.files, s.dirs, s.bytes), (2, 2, 8));
        assert_eq!(
            s.newest_file.as_deref(),
            Some(d.path().join("a/b/new").as_path())
        );
        assert!(s.oldest_mtime < s.newest_mtime);
        assert!(s.newest_ctime.is_some());
        assert_eq!(s.problems(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_counted_when_following() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir(d.path().join("x")).unwrap();
        std::fs::write(d.path().join("x/f"), b"1").unwrap();
        std::os::unix::fs::symlink("..", d.path().join("x/up")).unwrap();
        let follow = walk(
            d.path(),
            WalkOptions {
                follow_links: true,
                threads: 2,
            },
            &AtomicBool::new(false),
            &AtomicU64::new(0),
        );
        assert_eq!(follow.loops, 1, "{follow:?}");
        assert_eq!(follow.files, 1);
        assert_eq!(follow.samples[0].problem, "symlink-loop");
        let nofollow = walk(
            d.path(),
            WalkOptions {
                follow_links: false,
                threads: 2,
            },
            &AtomicBool::new(false),
            &AtomicU64::new(0),
        );
        assert_eq!(
            (nofollow.loops, nofollow.symlinks, nofollow.files),
            (0, 1, 1)
        );
    }

    #[test]
    fn a_cancelled_walk_says_so() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("f"), b"1").unwrap();
        let s = walk(
            d.path(),
            WalkOptions {
                follow_links: false,
                threads: 1,
            },
            &AtomicBool::new(true),
            &AtomicU64::new(0),
        );
        assert!(s.stopped);
    }
}
