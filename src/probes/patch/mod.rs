//! patch-level: are updates looked for, applied, and active?
//!
//! - Debian/Ubuntu: the dpkg database, apt's package lists (read as files; `apt-get update` is
//!   never run), apt/dpkg logs, the running kernel against the newest installed one, and
//!   `/run/reboot-required`.
//! - RHEL-likes: `rpm -qa` and `dnf -C` (cache only: no network, no metadata refresh).
//! - Windows: installed updates from `Get-HotFix`, run natively on Windows, or read from a CSV
//!   exported with `Get-HotFix | Export-Csv` and given by path, on any OS.

mod dpkg;
mod rpm;
mod windows;

pub use dpkg::{
    compare_debian_versions, last_apt_upgrade, last_dpkg_upgrade, parse_dpkg_status, Candidates,
    Installed, Pending,
};
pub use rpm::{parse_dnf_updateinfo, parse_rpm_query, RpmPackage};
pub use windows::{
    decide_date_order, parse_hotfix_csv, parse_windows_date, DateOrder, HotFix, HotfixList,
};

use super::config::{PatchLevelSettings, PatchSource, Role};
use super::{items_for, Msg, Observation, Probe, ProbeContext, Verdict};
use crate::checklist::ProbeKind;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub struct PatchLevel {
    settings: PatchLevelSettings,
    role: Role,
}

impl PatchLevel {
    pub fn new(settings: PatchLevelSettings, role: Role) -> Self {
        PatchLevel { settings, role }
    }

    fn max_days(&self) -> Duration {
        Duration::from_secs(u64::from(self.settings.max_days_since_update) * 86_400)
    }
}

impl Probe for PatchLevel {
    fn kind(&self) -> ProbeKind {
        ProbeKind::PatchLevel
    }

    fn items(&self) -> Vec<String> {
        items_for(ProbeKind::PatchLevel, self.role)
    }

    fn parameters(&self) -> Map<String, Value> {
        let s = &self.settings;
        let mut m = Map::new();
        let source = match s.source {
            PatchSource::Auto => "auto",
            PatchSource::Dpkg => "dpkg",
            PatchSource::Rpm => "rpm",
            PatchSource::Windows => "windows",
            PatchSource::HotfixCsv => "hotfix-csv",
        };
        m.insert("source".into(), source.into());
        m.insert(
            "max_days_since_update".into(),
            s.max_days_since_update.into(),
        );
        m.insert("max_pending_security".into(), s.max_pending_security.into());
        if let Some(p) = &s.hotfix_csv {
            m.insert("hotfix_csv".into(), p.display().to_string().into());
        }
        if let Some(d) = &s.date_order {
            m.insert("date_order".into(), d.clone().into());
        }
        m
    }

    fn run(&self, ctx: &ProbeContext) -> Observation {
        let source = match self.settings.source {
            PatchSource::Auto => detect_source(ctx),
            s => s,
        };
        match source {
            PatchSource::Dpkg => self.dpkg(ctx),
            PatchSource::Rpm => self.rpm(ctx),
            PatchSource::HotfixCsv => {
                let path = self.settings.hotfix_csv.clone().unwrap_or_default();
                match ctx.read(&path) {
                    Ok(bytes) => self.hotfixes(ctx, &bytes, &format!("{}", path.display())),
                    Err(e) => Observation::new(
                        Verdict::Unknown,
                        Msg::CannotRead {
                            path: path.display().to_string(),
                            error: e.to_string(),
                        },
                    ),
                }
            }
            PatchSource::Windows => self.windows_native(ctx),
            PatchSource::Auto => Observation::new(Verdict::Unknown, Msg::NoPackageDatabase),
        }
    }
}

fn detect_source(ctx: &ProbeContext) -> PatchSource {
    if cfg!(windows) && ctx.is_real_root() {
        return PatchSource::Windows;
    }
    if ctx.path("/var/lib/dpkg/status").is_file() {
        return PatchSource::Dpkg;
    }
    if ctx.path("/var/lib/rpm").is_dir() {
        return PatchSource::Rpm;
    }
    PatchSource::Auto
}

fn local_to_ts(dt: jiff::civil::DateTime) -> Option<Timestamp> {
    dt.to_zoned_datetime(jiff::tz::TimeZone::system())
        .ok()
        .map(|z| z.timestamp())
}

fn mtime_ts(path: &Path) -> Option<Timestamp> {
    let m = std::fs::metadata(path).ok()?.modified().ok()?;
    Timestamp::try_from(m).ok()
}

fn list_dir(path: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The running kernel against the installed ones (dpkg and rpm both report it).
#[derive(Debug, Serialize)]
struct KernelState {
    running: Option<String>,
    installed: Vec<String>,
    newest_installed: Option<String>,
    reboot_needed: Option<bool>,
}
