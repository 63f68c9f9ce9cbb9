//! The backup walk: newest and oldest file times, counts and bytes of a tree, from metadata
//! alone (one lstat per entry, contents never read), on several threads.
//!
//! Walker chosen by measurement (scripts/bench-backup-walk.sh, docs/probes.md): a small
//! parallel walker over `std::fs::read_dir` that stats each file relative to its open folder.
//! The `ignore` crate's parallel walker and walkdir stat every file by its full path and were
//! slower on the 1,000,000-file tree. Each thread keeps its own totals and merges them once
//! when it ends, and the queue holds folders only, so memory does not grow with the tree. Loops, permission-denied
//! folders and files that vanish mid-walk are counted with a few sample paths, never fatal.

use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};

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

    /// Count a problem; the path and message are only made while samples are still kept, so
    /// a tree with a million unreadable entries does not format a million messages.
    fn problem(
        &mut self,
        problem: &'static str,
        path: Option<&Path>,
        message: impl FnOnce() -> String,
    ) {
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
                message: message(),
            });
        }
    }

    fn file(&mut self, md: &std::fs::Metadata, path: impl FnOnce() -> PathBuf) {
        self.files += 1;
        self.bytes += md.len();
        if let Some(m) = mtime(md) {
            if self.newest_mtime.is_none_or(|n| m > n) {
                self.newest_mtime = Some(m);
                self.newest_file = Some(path());
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

fn io_problem(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission-denied",
        std::io::ErrorKind::NotFound => "vanished",
        _ => "error",
    }
}

/// What identifies a directory, to see a symlink loop: (device, inode) on Unix; elsewhere the
/// canonical path.
#[cfg(unix)]
type DirId = (u64, u64);
#[cfg(not(unix))]
type DirId = PathBuf;

#[cfg(unix)]
fn dir_id(_path: &Path, md: &std::fs::Metadata) -> Option<DirId> {
    use std::os::unix::fs::MetadataExt;
    Some((md.dev(), md.ino()))
}

#[cfg(not(unix))]
fn dir_id(path: &Path, _md: &std::fs::Metadata) -> Option<DirId> {
    std::fs::canonicalize(path).ok()
}

/// The chain of directories above a folder, kept only when links are followed.
struct Ancestor {
    id: DirId,
    path: PathBuf,
    parent: Option<Arc<Ancestor>>,
}

impl Ancestor {
    fn find(self: &Arc<Self>, id: &DirId) -> Option<&Path> {
        let mut at = Some(self);
        while let Some(a) = at {
            if &a.id == id {
                return Some(&a.path);
            }
            at = a.parent.as_ref();
        }
        None
    }
}

/// A folder waiting to be read.
struct Pending {
    path: PathBuf,
    ancestors: Option<Arc<Ancestor>>,
}

struct Queue {
    stack: Vec<Pending>,
    busy: usize,
    quit: bool,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Walk `root` and total what is under it. `cancel` stops the walk early (the totals then
/// say `stopped`); `seen` counts entries for progress.
///
/// Threads share a stack of folders; each reads a folder with `read_dir` and asks for each
/// file's metadata relative to the open folder (`statx(dirfd, name)`), as `find` does, rather
/// than by full path, which would make the kernel walk the path again for every file.
pub fn walk(root: &Path, options: WalkOptions, cancel: &AtomicBool, seen: &AtomicU64) -> WalkStats {
    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        options.threads
    };
    let ancestors = if options.follow_links {
        std::fs::metadata(root)
            .ok()
            .and_then(|md| dir_id(root, &md))
            .map(|id| {
                Arc::new(Ancestor {
                    id,
                    path: root.to_owned(),
                    parent: None,
                })
            })
    } else {
        None
    };
    let queue = Mutex::new(Queue {
        stack: vec![Pending {
            path: root.to_owned(),
            ancestors,
        }],
        busy: 0,
        quit: false,
    });
    let wake = Condvar::new();
    let total = Mutex::new(WalkStats::default());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| {
                let stats = worker(&queue, &wake, options, cancel, seen);
                lock(&total).merge(stats);
            });
        }
    });
    total.into_inner().unwrap_or_else(|p| p.into_inner())
}

fn worker(
    queue: &Mutex<Queue>,
    wake: &Condvar,
    options: WalkOptions,
    cancel: &AtomicBool,
    seen: &AtomicU64,
) -> WalkStats {
    let mut stats = WalkStats::default();
    let mut found = Vec::new();
    loop {
        let next = {
            let mut q = lock(queue);
            loop {
                if q.quit {
                    break None;
                }
                if let Some(d) = q.stack.pop() {
                    q.busy += 1;
                    break Some(d);
                }
                if q.busy == 0 {
                    q.quit = true;
                    wake.notify_all();
                    break None;
                }
                q = wake.wait(q).unwrap_or_else(|p| p.into_inner());
            }
        };
        let Some(dir) = next else { break };
        if cancel.load(Ordering::Relaxed) {
            stats.stopped = true;
            let mut q = lock(queue);
            q.quit = true;
            wake.notify_all();
            break;
        }
        let entries = read_folder(&dir, options.follow_links, &mut stats, &mut found);
        seen.fetch_add(entries, Ordering::Relaxed);
        let mut q = lock(queue);
        q.busy -= 1;
        if !found.is_empty() {
            q.stack.append(&mut found);
            wake.notify_all();
        } else if q.busy == 0 && q.stack.is_empty() {
            q.quit = true;
            wake.notify_all();
        }
    }
    stats
}

/// Read one folder: count its files, queue its subfolders. Returns the entries seen.
fn read_folder(
    dir: &Pending,
    follow: bool,
    stats: &mut WalkStats,
    found: &mut Vec<Pending>,
) -> u64 {
    let rd = match std::fs::read_dir(&dir.path) {
        Ok(rd) => rd,
        Err(e) => {
            stats.problem(io_problem(&e), Some(&dir.path), || e.to_string());
            return 0;
        }
    };
    let mut n = 0;
    for entry in rd {
        n += 1;
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                stats.problem(io_problem(&e), Some(&dir.path), || e.to_string());
                continue;
            }
        };
        let ft = match entry.file_type() {
            Ok(ft) => ft,
            Err(e) => {
                stats.problem(io_problem(&e), Some(&entry.path()), || e.to_string());
                continue;
            }
        };
        if ft.is_file() {
            match entry.metadata() {
                Ok(md) => stats.file(&md, || entry.path()),
                Err(e) => stats.problem(io_problem(&e), Some(&entry.path()), || e.to_string()),
            }
        } else if ft.is_dir() {
            stats.dirs += 1;
            let path = entry.path();
            let ancestors = if follow {
                match entry.metadata() {
                    Ok(md) => dir_id(&path, &md).map(|id| {
                        Arc::new(Ancestor {
                            id,
                            path: path.clone(),
                            parent: dir.ancestors.clone(),
                        })
                    }),
                    Err(e) => {
                        stats.problem(io_problem(&e), Some(&path), || e.to_string());
                        continue;
                    }
                }
            } else {
                None
            };
            found.push(Pending { path, ancestors });
        } else if ft.is_symlink() {
            if !follow {
                stats.symlinks += 1;
                continue;
            }
            let path = entry.path();
            match std::fs::metadata(&path) {
                // A dangling link is a link, not a problem of the walk.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => stats.symlinks += 1,
                Err(e) => stats.problem(io_problem(&e), Some(&path), || e.to_string()),
                Ok(md) if md.is_dir() => {
                    let Some(id) = dir_id(&path, &md) else {
                        stats.other += 1;
                        continue;
                    };
                    if let Some(back) = dir.ancestors.as_ref().and_then(|a| a.find(&id)) {
                        stats.problem("symlink-loop", Some(&path), || {
                            format!("symbolic link loop back to {}", back.display())
                        });
                        continue;
                    }
                    stats.dirs += 1;
                    let ancestors = Some(Arc::new(Ancestor {
                        id,
                        path: path.clone(),
                        parent: dir.ancestors.clone(),
                    }));
                    found.push(Pending { path, ancestors });
                }
                Ok(md) if md.is_file() => stats.file(&md, || path.clone()),
                Ok(_) => stats.other += 1,
            }
        } else {
            stats.other += 1;
        }
    }
    n
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
        // Windows keeps no change time (ctime) that std reads.
        #[cfg(unix)]
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
