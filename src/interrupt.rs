//! What a command made and takes back when it is stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP:
//! `check` makes its `--out` folder and files in it before the probes run, and a check killed
//! there must not leave an empty folder behind. Only files and folders that did not exist before
//! are listed; a folder is removed only when empty. Nothing here prints, but for the one
//! sentence the command prepared (in its language), written to standard error when stopped, so
//! that a stopped check says what it kept.
//!
//! The handler runs in signal context, so it only calls `unlink`, `rmdir`, `write`, `signal`
//! and `raise` (async-signal-safe) on paths and text prepared beforehand, then dies of the same signal as it would
//! have without the handler (the shell sees 130 or 143). On Windows nothing is taken back.

use std::path::PathBuf;

/// While alive, a stop by signal removes `files` and then (when empty) `dir`.
pub struct TakeBack {
    #[cfg(unix)]
    _armed: (),
}

impl TakeBack {
    /// Arm the take-back for these paths (those this run makes; none that existed before);
    /// `said` is written to standard error when a signal stops the run.
    pub fn arm(files: &[PathBuf], dir: Option<&std::path::Path>, said: &str) -> TakeBack {
        #[cfg(unix)]
        unix::arm(files, dir, said);
        #[cfg(not(unix))]
        let _ = (files, dir, said);
        TakeBack {
            #[cfg(unix)]
            _armed: (),
        }
    }
}

impl Drop for TakeBack {
    fn drop(&mut self) {
        #[cfg(unix)]
        unix::disarm();
    }
}

#[cfg(unix)]
mod unix {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicPtr, Ordering};
    use std::sync::Once;

    /// The paths to take back, leaked so that the handler may read them at any time.
    struct Paths {
        files: Vec<CString>,
        dir: Option<CString>,
        said: Vec<u8>,
    }

    static ARMED: AtomicPtr<Paths> = AtomicPtr::new(std::ptr::null_mut());
    static INSTALL: Once = Once::new();
    const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

    fn c_path(path: &Path) -> Option<CString> {
        CString::new(path.as_os_str().as_bytes()).ok()
    }

    pub(super) fn arm(files: &[PathBuf], dir: Option<&Path>, said: &str) {
        let paths = Box::new(Paths {
            files: files.iter().filter_map(|p| c_path(p)).collect(),
            dir: dir.and_then(c_path),
            said: format!("\n{said}\n").into_bytes(),
        });
        // Leaked on purpose: a handler may still be reading an earlier list.
        ARMED.store(Box::into_raw(paths), Ordering::SeqCst);
        INSTALL.call_once(|| {
            for signal in SIGNALS {
                // SAFETY: `on_signal` only calls async-signal-safe functions.
                unsafe {
                    // A signal the command was started to ignore (nohup) stays ignored.
                    let mut old: libc::sigaction = std::mem::zeroed();
                    libc::sigaction(signal, std::ptr::null(), &mut old);
                    if old.sa_sigaction == libc::SIG_IGN {
                        continue;
                    }
                    let mut action: libc::sigaction = std::mem::zeroed();
                    action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
                    libc::sigemptyset(&mut action.sa_mask);
                    libc::sigaction(signal, &action, std::ptr::null_mut());
                }
            }
        });
    }

    pub(super) fn disarm() {
        ARMED.store(std::ptr::null_mut(), Ordering::SeqCst);
    }

    extern "C" fn on_signal(signal: libc::c_int) {
        let paths = ARMED.swap(std::ptr::null_mut(), Ordering::SeqCst);
        // SAFETY: a non-null pointer is a leaked, never freed `Paths`; unlink, rmdir, write,
        // signal and raise are async-signal-safe.
        unsafe {
            if let Some(paths) = paths.as_ref() {
                for file in &paths.files {
                    libc::unlink(file.as_ptr());
                }
                if let Some(dir) = &paths.dir {
                    libc::rmdir(dir.as_ptr());
                }
                libc::write(2, paths.said.as_ptr().cast(), paths.said.len());
            }
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
}
