//! Writing user files so they are never left half-written: a temporary file in the same
//! folder, fsync, then rename (or a no-clobber link when the file must not be replaced).
//!
//! Writers that read a file, change it and write it back (the answers store) also hold a
//! [`WriteLock`]: an advisory lock on a sidecar `.NAME.lock` beside the file. The lock is on the
//! sidecar, not on the file, because the rename replaces the file (and its inode) on every
//! write, while the sidecar stays put for as long as anyone holds it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    Allow,
    /// Fail with `AlreadyExists` if the file exists, even if it appears meanwhile.
    Refuse,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// `path` with symbolic links resolved: the file a write replaces. A file that does not exist
/// yet is named by its resolved folder and its own name.
fn resolve(path: &Path) -> PathBuf {
    fs::canonicalize(path)
        .ok()
        .or_else(|| {
            let name = path.file_name()?;
            fs::canonicalize(folder_of(path)).ok().map(|d| d.join(name))
        })
        .unwrap_or_else(|| path.to_owned())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn name_of(path: &Path) -> io::Result<String> {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))
}

/// Write `bytes` to `path` atomically. `mode` sets Unix permissions of the new file from
/// the start (the data is never readable with wider permissions); without it, a replaced file
/// keeps its permissions, and (on Unix, when allowed: as root) its owner and group. Through a
/// symbolic link, the file it points to is replaced.
pub fn write(path: &Path, bytes: &[u8], mode: Option<u32>, replace: Replace) -> io::Result<()> {
    let resolved = fs::canonicalize(path).ok();
    let path = resolved.as_deref().unwrap_or(path);
    let existing = fs::metadata(path).ok();
    let dir = folder_of(path);
    let name = name_of(path)?;
    let (tmp, mut file) = create_temp(&dir, &name, mode)?;
    let result = (|| {
        file.write_all(bytes)?;
        if let (None, Some(old)) = (mode, &existing) {
            keep_owner(&file, old);
            file.set_permissions(old.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        match replace {
            Replace::Allow => fs::rename(&tmp, path),
            Replace::Refuse => {
                // A hard link fails if the target exists: no window between check and write.
                fs::hard_link(&tmp, path)?;
                fs::remove_file(&tmp)
            }
        }
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    } else if let Ok(d) = File::open(&dir) {
        // Make the rename durable; not possible on every platform, so not an error.
        let _ = d.sync_all();
    }
    result
}

/// Give the new file the owner and group of the file it replaces. Only root may give a file
/// away; for anyone else this keeps what it can (the group, when the writer belongs to it).
#[cfg(unix)]
fn keep_owner(file: &File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let Ok(new) = file.metadata() else { return };
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return;
    }
    if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _old: &fs::Metadata) {}

fn temp_prefix(name: &str) -> String {
    format!(".{name}.tmp-")
}

fn create_temp(dir: &Path, name: &str, mode: Option<u32>) -> io::Result<(PathBuf, File)> {
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!("{}{}-{n}", temp_prefix(name), std::process::id()));
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(mode.unwrap_or(0o644));
        }
        // Windows has no mode bits: a mode that shuts out group and others becomes an access
        // list for the current user only, set before any byte is written.
        #[cfg(windows)]
        let private = mode.is_some_and(|m| m & 0o077 == 0);
        #[cfg(windows)]
        if private {
            use std::os::windows::fs::OpenOptionsExt;
            opts.access_mode(
                windows_sys::Win32::Storage::FileSystem::FILE_GENERIC_WRITE
                    | crate::signing::acl::EXTRA_ACCESS,
            );
        }
        #[cfg(not(any(unix, windows)))]
        let _ = mode;
        match opts.open(&tmp) {
            #[cfg(windows)]
            Ok(f) if private => match crate::signing::acl::make_private(&f) {
                Ok(()) => return Ok((tmp, f)),
                Err(e) => {
                    drop(f);
                    let _ = fs::remove_file(&tmp);
                    return Err(e);
                }
            },
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Whether `entry` is a temporary file [`write`] makes for `name`: `.NAME.tmp-PID-N`.
fn is_temp_of(entry: &str, name: &str) -> bool {
    entry
        .strip_prefix(&temp_prefix(name))
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(pid, n)| {
            [pid, n]
                .iter()
                .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Replace `path` (or create it) atomically, keeping an existing file's permissions.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write(path, bytes, None, Replace::Allow)
}

/// Why a [`WriteLock`] was not taken. `Display` is English; people read
/// [`localize`](Self::localize) in their language.
#[derive(Debug)]
pub enum LockError {
    /// Another process held the lock for the whole wait.
    Busy {
        lock: PathBuf,
    },
    Io {
        lock: PathBuf,
        source: io::Error,
    },
}

impl LockError {
    /// The message for people in `lang`, from the catalog.
    pub fn localize(&self, lang: crate::checklist::Lang) -> String {
        match self {
            LockError::Busy { lock } => {
                crate::tr!(lang, "common-lock-busy", lock = lock.display().to_string())
            }
            LockError::Io { lock, source } => {
                let [(_, kind), (_, code)] = crate::i18n::io_error_args(source);
                crate::tr!(
                    lang,
                    "common-lock-io",
                    lock = lock.display().to_string(),
                    kind = kind,
                    code = code
                )
            }
        }
    }
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(crate::checklist::Lang::En))
    }
}

impl std::error::Error for LockError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LockError::Io { source, .. } => Some(source),
            LockError::Busy { .. } => None,
        }
    }
}

/// An advisory lock for writing one file, held until dropped. Every process that reads a file,
/// changes it and writes it back takes this lock first, so two such writers never interleave.
#[derive(Debug)]
pub struct WriteLock {
    // Removed on drop on Unix only (Windows cannot remove the open sidecar).
    #[cfg_attr(not(unix), allow(dead_code))]
    lock: PathBuf,
    file: Option<File>,
    target: PathBuf,
    /// Temporary files of the target removed when the lock was taken (left by a killed write).
    pub stale_removed: Vec<PathBuf>,
}

/// How long [`WriteLock::acquire`] waits by default for another writer to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);

impl WriteLock {
    /// Lock the file `path` names (symbolic links resolved): `.NAME.lock` in its folder, waiting
    /// up to `wait` for another writer. Once held, temporary files `.NAME.tmp-*` older than the
    /// lock are removed: every writer holds the lock while its temporary file exists, so those
    /// were left by a killed write.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, LockError> {
        let target = resolve(path);
        let dir = folder_of(&target);
        let name = name_of(&target).map_err(|source| LockError::Io {
            lock: target.clone(),
            source,
        })?;
        let lock = dir.join(format!(".{name}.lock"));
        let io_err = |source| LockError::Io {
            lock: lock.clone(),
            source,
        };
        let deadline = Instant::now() + wait;
        let file = loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock)
                .map_err(io_err)?;
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => {
                    // The holder before us may have removed the sidecar after we opened it:
                    // then our lock is on a file nobody else will see; open it again.
                    if same_file(&file, &lock) {
                        break file;
                    }
                }
                Err(fs4::TryLockError::WouldBlock) => {
                    if Instant::now() >= deadline {
                        return Err(LockError::Busy { lock });
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(fs4::TryLockError::Error(e)) => return Err(io_err(e)),
            }
        };
        let mut held = WriteLock {
            lock,
            file: Some(file),
            target,
            stale_removed: Vec::new(),
        };
        held.remove_stale_temps(&dir, &name, SystemTime::now());
        Ok(held)
    }

    /// The file this lock is for, symbolic links resolved.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Whether this lock covers writes to `path`.
    pub fn covers(&self, path: &Path) -> bool {
        resolve(path) == self.target
    }

    fn remove_stale_temps(&mut self, dir: &Path, name: &str, before: SystemTime) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            if !is_temp_of(&entry.file_name().to_string_lossy(), name) {
                continue;
            }
            let Ok(meta) = entry.metadata() else { continue };
            let old = meta.modified().is_ok_and(|m| m < before);
            if meta.is_file() && old && fs::remove_file(entry.path()).is_ok() {
                self.stale_removed.push(entry.path());
            }
        }
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Remove the sidecar while still holding it (a writer waiting on it then sees that it
        // is gone and opens a new one), then unlock by closing.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.lock);
        drop(self.file.take());
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

/// Windows cannot remove an open file, so the sidecar is never removed and stays the same.
#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn through_a_symlink_the_target_is_replaced_with_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        replace(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(
            fs::metadata(&target).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn refuses_to_replace_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.key");
        write(&p, b"one", Some(0o600), Replace::Refuse).unwrap();
        let err = write(&p, b"two", Some(0o600), Replace::Refuse).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write(&p, b"three", Some(0o600), Replace::Allow).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&p).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn lock_errors_are_said_in_the_language_asked() {
        use crate::checklist::Lang;
        let busy = LockError::Busy {
            lock: PathBuf::from(".a.toml.lock"),
        };
        assert!(busy.localize(Lang::Ja).contains("書き込み中"));
        assert_eq!(busy.to_string(), "`.a.toml.lock` is held by another writer");
        // Access denied is EACCES (13) on Unix, ERROR_ACCESS_DENIED (5) on Windows.
        let denied = if cfg!(windows) { 5 } else { 13 };
        let io = LockError::Io {
            lock: PathBuf::from(".a.toml.lock"),
            source: io::Error::from_raw_os_error(denied),
        };
        assert_eq!(
            io.localize(Lang::Ja),
            "`.a.toml.lock`: アクセスが許可されていません".to_owned()
        );
        // The OS error stays reachable as the cause (an error chain shows it).
        use std::error::Error as _;
        assert_eq!(
            io.source()
                .and_then(|e| e.downcast_ref::<io::Error>())
                .and_then(io::Error::raw_os_error),
            Some(denied)
        );
        assert!(busy.source().is_none());
    }

    #[test]
    fn temp_names_are_recognised_exactly() {
        assert!(is_temp_of(".a.toml.tmp-123-0", "a.toml"));
        assert!(!is_temp_of(".a.toml.tmp-123-", "a.toml"));
        assert!(!is_temp_of(".a.toml.tmp--0", "a.toml"));
        assert!(!is_temp_of(".a.toml.tmp-12x-0", "a.toml"));
        assert!(!is_temp_of(".a.toml.tmp-1-2-3", "a.toml"));
        assert!(!is_temp_of(".b.toml.tmp-1-2", "a.toml"));
        assert!(!is_temp_of("a.toml.tmp-1-2", "a.toml"));
    }

    #[test]
    fn a_second_lock_waits_then_fails_and_the_sidecar_goes_with_the_last_holder() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        fs::write(&p, "x").unwrap();
        let held = WriteLock::acquire(&p, Duration::ZERO).unwrap();
        assert_eq!(held.target(), fs::canonicalize(&p).unwrap());
        assert!(held.covers(&dir.path().join(".").join("a.toml")));
        assert!(!held.covers(&dir.path().join("b.toml")));
        let sidecar = dir.path().join(".a.toml.lock");
        assert!(sidecar.is_file());
        let started = Instant::now();
        let err = WriteLock::acquire(&p, Duration::from_millis(200)).unwrap_err();
        assert!(matches!(err, LockError::Busy { .. }), "{err}");
        assert!(started.elapsed() >= Duration::from_millis(200));
        // A write under the lock replaces the file; the lock (on the sidecar) still holds.
        replace(&p, b"y").unwrap();
        assert!(WriteLock::acquire(&p, Duration::ZERO).is_err());
        drop(held);
        #[cfg(unix)]
        assert!(!sidecar.exists());
        let again = WriteLock::acquire(&p, Duration::ZERO).unwrap();
        drop(again);
        assert_eq!(fs::read(&p).unwrap(), b"y");
    }

    #[test]
    fn a_waiting_writer_gets_the_lock_when_the_holder_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        let held = WriteLock::acquire(&p, Duration::ZERO).unwrap();
        let waiter = {
            let p = p.clone();
            std::thread::spawn(move || WriteLock::acquire(&p, Duration::from_secs(10)).map(drop))
        };
        std::thread::sleep(Duration::from_millis(100));
        drop(held);
        waiter.join().unwrap().unwrap();
    }

    #[test]
    fn only_temporary_files_of_the_locked_file_older_than_the_lock_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let dir_path = fs::canonicalize(dir.path()).unwrap();
        let p = dir_path.join("a.toml");
        fs::write(&p, "x").unwrap();
        let stale = dir_path.join(".a.toml.tmp-1-0");
        let other = dir_path.join(".b.toml.tmp-1-0");
        let lookalike = dir_path.join(".a.toml.tmp-x");
        for f in [&stale, &other, &lookalike] {
            fs::write(f, "t").unwrap();
        }
        let mut held = WriteLock::acquire(&p, Duration::ZERO).unwrap();
        assert_eq!(held.stale_removed, vec![stale.clone()]);
        assert!(!stale.exists() && other.exists() && lookalike.exists());
        // A temporary file newer than the cut-off is in use by a writer: it stays.
        let cut_off = SystemTime::now() - Duration::from_secs(60);
        let fresh = dir_path.join(".a.toml.tmp-1-1");
        fs::write(&fresh, "t").unwrap();
        held.remove_stale_temps(&dir_path, "a.toml", cut_off);
        assert!(fresh.exists());
        assert_eq!(held.stale_removed.len(), 1);
    }

    #[test]
    fn a_new_file_is_named_by_its_resolved_folder() {
        let cwd = fs::canonicalize(std::env::current_dir().unwrap()).unwrap();
        let bare = Path::new("no-such-answers-file.toml");
        assert_eq!(resolve(bare), cwd.join(bare));
        #[cfg(unix)]
        {
            let dir = tempfile::tempdir().unwrap();
            let real = fs::canonicalize(dir.path()).unwrap().join("real");
            fs::create_dir(&real).unwrap();
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&real, &link).unwrap();
            assert_eq!(resolve(&link.join("new.toml")), real.join("new.toml"));
            let held = WriteLock::acquire(&link.join("new.toml"), Duration::ZERO).unwrap();
            assert!(real.join(".new.toml.lock").is_file());
            assert!(held.covers(&real.join("new.toml")));
        }
    }

    #[test]
    fn a_temporary_name_already_taken_is_skipped_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        // The next temporary names this process would use (other tests may take some first).
        let from = COUNTER.load(Ordering::Relaxed);
        for n in from..from + 500 {
            let taken = dir.path().join(format!(
                "{}{}-{n}",
                temp_prefix("a.toml"),
                std::process::id()
            ));
            fs::write(taken, "someone else's").unwrap();
        }
        write(&p, b"mine", None, Replace::Allow).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"mine");
    }

    #[test]
    fn a_write_into_a_missing_folder_fails_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no-such-folder").join("a.toml");
        // In a thread, so that a write retrying for ever fails this test instead of hanging it.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(write(&p, b"x", None, Replace::Allow)));
        let result = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the write is still retrying after 20 s");
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn a_temporary_file_as_old_as_the_lock_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let dir_path = fs::canonicalize(dir.path()).unwrap();
        let p = dir_path.join("a.toml");
        let mut held = WriteLock::acquire(&p, Duration::ZERO).unwrap();
        let same = dir_path.join(".a.toml.tmp-1-0");
        fs::write(&same, "t").unwrap();
        let at = fs::metadata(&same).unwrap().modified().unwrap();
        held.remove_stale_temps(&dir_path, "a.toml", at);
        assert!(
            same.exists(),
            "a file not older than the cut-off was removed"
        );
        assert!(held.stale_removed.is_empty());
    }

    #[test]
    fn writers_taking_turns_never_hold_the_lock_together() {
        use std::sync::atomic::AtomicUsize;
        use std::sync::Arc;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        let inside = Arc::new(AtomicUsize::new(0));
        let overlaps = Arc::new(AtomicUsize::new(0));
        let writers: Vec<_> = (0..4)
            .map(|_| {
                let (p, inside, overlaps) = (p.clone(), inside.clone(), overlaps.clone());
                std::thread::spawn(move || {
                    for _ in 0..150 {
                        let held = WriteLock::acquire(&p, Duration::from_secs(30)).unwrap();
                        if inside.fetch_add(1, Ordering::SeqCst) != 0 {
                            overlaps.fetch_add(1, Ordering::SeqCst);
                        }
                        std::thread::yield_now();
                        inside.fetch_sub(1, Ordering::SeqCst);
                        drop(held);
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        assert_eq!(
            overlaps.load(Ordering::SeqCst),
            0,
            "two writers held the lock"
        );
    }
}
