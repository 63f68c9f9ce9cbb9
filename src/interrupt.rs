//! What a command made and takes back when it is stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP,
//! or on Windows by Ctrl+C, Ctrl+Break or the console window closing: `check` makes its `--out`
//! folder and files in it before the probes run, and a check killed there must not leave an
//! empty folder behind. Only files and folders that did not exist before are listed; a folder is
//! removed only when empty. Nothing here prints, but for the one sentence the command prepared
//! (in its language), written to standard error when stopped, so that a stopped check says what
//! it kept.
//!
//! The stop is caught by a well-kept crate that hands it to a thread of its own, never to code
//! in signal context: `signal-hook` on Unix (it names the signal, so the process then dies of
//! the same signal and the shell sees 130 or 143), `ctrlc` on Windows (a console control
//! handler; the process then ends with `STATUS_CONTROL_C_EXIT`, as it would without one).
//! A signal the command was started to ignore (`nohup`) stays ignored.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// While alive, a stop removes `files` and then (when empty) `dir`.
pub struct TakeBack(());

/// The paths the next stop takes back; `None` when nothing is armed.
static ARMED: Mutex<Option<Paths>> = Mutex::new(None);
static INSTALL: Once = Once::new();

struct Paths {
    files: Vec<PathBuf>,
    dir: Option<PathBuf>,
    said: String,
}

impl TakeBack {
    /// Arm the take-back for these paths (those this run makes; none that existed before);
    /// `said` is written to standard error when a stop ends the run.
    pub fn arm(files: &[PathBuf], dir: Option<&Path>, said: &str) -> TakeBack {
        *armed() = Some(Paths {
            files: files.to_vec(),
            dir: dir.map(Path::to_path_buf),
            said: said.to_owned(),
        });
        // A handler that cannot be installed leaves the platform's default: the stop still
        // stops, only without taking back.
        INSTALL.call_once(platform::install);
        TakeBack(())
    }
}

impl Drop for TakeBack {
    fn drop(&mut self) {
        *armed() = None;
    }
}

fn armed() -> std::sync::MutexGuard<'static, Option<Paths>> {
    ARMED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Removes what is armed, once; the guard is kept until the process ends, so no new arming and
/// no disarming races the removal.
fn take_back() -> std::sync::MutexGuard<'static, Option<Paths>> {
    let mut guard = armed();
    if let Some(paths) = guard.take() {
        for file in &paths.files {
            let _ = std::fs::remove_file(file);
        }
        if let Some(dir) = &paths.dir {
            // Only an empty folder: whatever else is in it was not made by this run.
            let _ = std::fs::remove_dir(dir);
        }
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "\n{}", paths.said);
    }
    guard
}

#[cfg(unix)]
mod platform {
    use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    pub(super) fn install() {
        let caught: Vec<libc::c_int> = [SIGINT, SIGTERM, SIGHUP]
            .into_iter()
            .filter(|&signal| !ignored(signal))
            .collect();
        let Ok(mut signals) = Signals::new(&caught) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("take-back".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let _guard = super::take_back();
                    // Dies of the signal it got, as it would have without the handler.
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    signal_hook::low_level::exit(128 + signal);
                }
            });
    }

    /// Whether the process was started with `signal` ignored (`nohup` ignores SIGHUP).
    fn ignored(signal: libc::c_int) -> bool {
        // SAFETY: a query only (no new action); `old` is a plain C struct filled by the call.
        unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(signal, std::ptr::null(), &mut old) == 0
                && old.sa_sigaction == libc::SIG_IGN
        }
    }
}

#[cfg(windows)]
mod platform {
    /// What Windows reports for a console process ended by Ctrl+C (0xC000013A).
    const STATUS_CONTROL_C_EXIT: i32 = 0xC000_013A_u32 as i32;

    pub(super) fn install() {
        let _ = ctrlc::set_handler(|| {
            let _guard = super::take_back();
            std::process::exit(STATUS_CONTROL_C_EXIT);
        });
    }
}

#[cfg(not(any(unix, windows)))]
mod platform {
    pub(super) fn install() {}
}
