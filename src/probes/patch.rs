//! patch-level: are updates looked for, applied, and active?
//!
//! - Debian/Ubuntu: the dpkg database, apt's package lists (read as files; `apt-get update` is
//!   never run), apt/dpkg logs, the running kernel against the newest installed one, and
//!   `/run/reboot-required`.
//! - RHEL-likes: `rpm -qa` and `dnf -C` (cache only: no network, no metadata refresh).
//! - Windows: installed updates from `Get-HotFix`, run natively on Windows, or read from a CSV
//!   exported with `Get-HotFix | Export-Csv` and given by path, on any OS.

use super::config::{PatchLevelSettings, PatchSource, Role};
use super::{age, items_for, os_release_field, Msg, Observation, Probe, ProbeContext, Verdict};
use crate::checklist::ProbeKind;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
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

// ---------------------------------------------------------------------------------------------
// Debian / Ubuntu

/// One installed package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    pub name: String,
    pub arch: String,
    pub version: String,
}

/// A package with a newer version available.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pending {
    pub package: String,
    pub installed: String,
    pub candidate: String,
    pub security: bool,
}

/// Walk the paragraphs of a Debian control file, calling `f` with (Package, Architecture,
/// Version, Status) of each.
fn for_each_paragraph(text: &str, mut f: impl FnMut(&str, &str, &str, &str)) {
    let (mut pkg, mut arch, mut ver, mut status) = ("", "", "", "");
    let mut flush = |pkg: &mut &str, arch: &mut &str, ver: &mut &str, status: &mut &str| {
        if !pkg.is_empty() {
            f(pkg, arch, ver, status);
        }
        *pkg = "";
        *arch = "";
        *ver = "";
        *status = "";
    };
    for line in text.lines() {
        if line.is_empty() {
            flush(&mut pkg, &mut arch, &mut ver, &mut status);
        } else if let Some(v) = line.strip_prefix("Package: ") {
            pkg = v.trim();
        } else if let Some(v) = line.strip_prefix("Architecture: ") {
            arch = v.trim();
        } else if let Some(v) = line.strip_prefix("Version: ") {
            ver = v.trim();
        } else if let Some(v) = line.strip_prefix("Status: ") {
            status = v.trim();
        }
    }
    flush(&mut pkg, &mut arch, &mut ver, &mut status);
}

/// Installed packages from /var/lib/dpkg/status.
pub fn parse_dpkg_status(text: &str) -> Vec<Installed> {
    let mut out = Vec::new();
    for_each_paragraph(text, |pkg, arch, ver, status| {
        if status.split_whitespace().nth(2) == Some("installed") {
            out.push(Installed {
                name: pkg.to_owned(),
                arch: arch.to_owned(),
                version: ver.to_owned(),
            });
        }
    });
    out
}

/// Compare two Debian versions as dpkg does (epoch, upstream, revision; `~` sorts first).
pub fn compare_debian_versions(a: &str, b: &str) -> Ordering {
    fn split(v: &str) -> (u64, &str, &str) {
        let (epoch, rest) = match v.split_once(':') {
            Some((e, r)) if e.chars().all(|c| c.is_ascii_digit()) => (e.parse().unwrap_or(0), r),
            _ => (0, v),
        };
        match rest.rsplit_once('-') {
            Some((u, r)) => (epoch, u, r),
            None => (epoch, rest, ""),
        }
    }
    fn order(c: Option<u8>) -> i32 {
        match c {
            None => 0,
            Some(b'~') => -1,
            Some(c) if c.is_ascii_digit() => 0,
            Some(c) if c.is_ascii_alphabetic() => i32::from(c),
            Some(c) => i32::from(c) + 256,
        }
    }
    /// `s` split after its longest prefix whose bytes satisfy `f`.
    fn span(s: &[u8], f: impl Fn(u8) -> bool) -> (&[u8], &[u8]) {
        let n = s.iter().position(|&c| !f(c)).unwrap_or(s.len());
        s.split_at_checked(n).unwrap_or((s, &[]))
    }
    /// dpkg's verrevcmp: alternate non-digit runs (compared byte by byte in `order`, a
    /// missing byte as 0) and digit runs (compared as numbers, any length).
    fn verrevcmp(mut a: &[u8], mut b: &[u8]) -> Ordering {
        while !a.is_empty() || !b.is_empty() {
            let (ta, ra) = span(a, |c| !c.is_ascii_digit());
            let (tb, rb) = span(b, |c| !c.is_ascii_digit());
            for k in 0..ta.len().max(tb.len()) {
                let (ac, bc) = (order(ta.get(k).copied()), order(tb.get(k).copied()));
                if ac != bc {
                    return ac.cmp(&bc);
                }
            }
            let (na, ra) = span(span(ra, |c| c == b'0').1, |c| c.is_ascii_digit());
            let (nb, rb) = span(span(rb, |c| c == b'0').1, |c| c.is_ascii_digit());
            let c = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            if c != Ordering::Equal {
                return c;
            }
            (a, b) = (ra, rb);
        }
        Ordering::Equal
    }
    let (ea, ua, ra) = split(a);
    let (eb, ub, rb) = split(b);
    ea.cmp(&eb)
        .then_with(|| verrevcmp(ua.as_bytes(), ub.as_bytes()))
        .then_with(|| verrevcmp(ra.as_bytes(), rb.as_bytes()))
}

/// Whether an apt list file belongs to a security suite.
fn is_security_list(name: &str) -> bool {
    name.contains("security")
}

/// Suites apt does not pick candidates from by default.
fn is_opt_in_list(name: &str) -> bool {
    name.contains("backports") || name.contains("proposed") || name.contains("experimental")
}

/// Feed one package list into `candidates`, decompressing lz4 or gzip as it is read (Docker
/// images keep the lists compressed), so a list is never held decompressed in memory.
fn read_list(ctx: &ProbeContext, path: &Path, candidates: &mut Candidates<'_>) -> bool {
    let Ok(bytes) = ctx.read(path) else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let result = if name.ends_with(".lz4") {
        let dec = lz4_flex::frame::FrameDecoder::new(&bytes[..]);
        candidates.add_reader(&name, std::io::BufReader::new(dec))
    } else if name.ends_with(".gz") {
        let dec = flate2::read::GzDecoder::new(&bytes[..]);
        candidates.add_reader(&name, std::io::BufReader::new(dec))
    } else {
        candidates.add_reader(&name, &bytes[..])
    };
    match result {
        Ok(()) => true,
        Err(e) => {
            ctx.note(
                path,
                "unsupported-format",
                Msg::CannotDecompress {
                    error: e.to_string(),
                },
            );
            false
        }
    }
}

/// The highest version of each installed package in apt's lists, fed one list at a time so
/// only one list is in memory.
pub struct Candidates<'a> {
    installed: &'a [Installed],
    wanted: HashMap<(&'a str, &'a str), ()>,
    /// (name, arch) -> (highest version, highest version in a security suite)
    best: HashMap<(String, String), (String, Option<String>)>,
}

impl<'a> Candidates<'a> {
    pub fn new(installed: &'a [Installed]) -> Self {
        let wanted = installed
            .iter()
            .map(|i| ((i.name.as_str(), i.arch.as_str()), ()))
            .collect();
        Candidates {
            installed,
            wanted,
            best: HashMap::new(),
        }
    }

    /// Take the versions of one list file (`name` is its file name, which names the suite).
    pub fn add_list(&mut self, name: &str, text: &str) {
        // Reading from memory cannot fail.
        let _ = self.add_reader(name, text.as_bytes());
    }

    /// Take the versions of one list, read paragraph by paragraph.
    pub fn add_reader(
        &mut self,
        name: &str,
        mut reader: impl std::io::BufRead,
    ) -> std::io::Result<()> {
        if is_opt_in_list(name) {
            return Ok(());
        }
        let security = is_security_list(name);
        let (mut pkg, mut arch, mut ver) = (String::new(), String::new(), String::new());
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line)?;
            let l = line.strip_suffix(b"\n").unwrap_or(&line);
            let l = l.strip_suffix(b"\r").unwrap_or(l);
            if n == 0 || l.is_empty() {
                if !pkg.is_empty() {
                    self.consider(&pkg, &arch, &ver, security);
                }
                pkg.clear();
                arch.clear();
                ver.clear();
                if n == 0 {
                    return Ok(());
                }
                continue;
            }
            let field = |prefix: &[u8], out: &mut String| {
                if let Some(v) = l.strip_prefix(prefix) {
                    out.clear();
                    out.push_str(String::from_utf8_lossy(v).trim());
                }
            };
            field(b"Package: ", &mut pkg);
            field(b"Architecture: ", &mut arch);
            field(b"Version: ", &mut ver);
        }
    }

    fn consider(&mut self, pkg: &str, arch: &str, ver: &str, security: bool) {
        if !self.wanted.contains_key(&(pkg, arch)) {
            return;
        }
        let e = self
            .best
            .entry((pkg.to_owned(), arch.to_owned()))
            .or_insert_with(|| (ver.to_owned(), None));
        if compare_debian_versions(ver, &e.0) == Ordering::Greater {
            e.0 = ver.to_owned();
        }
        if security
            && e.1
                .as_deref()
                .is_none_or(|s| compare_debian_versions(ver, s) == Ordering::Greater)
        {
            e.1 = Some(ver.to_owned());
        }
    }

    /// Installed packages with a newer version available, sorted by name.
    pub fn pending(&self) -> Vec<Pending> {
        let mut out: Vec<Pending> = self
            .installed
            .iter()
            .filter_map(|i| {
                let (cand, sec) = self.best.get(&(i.name.clone(), i.arch.clone()))?;
                if compare_debian_versions(cand, &i.version) != Ordering::Greater {
                    return None;
                }
                let security = sec
                    .as_deref()
                    .is_some_and(|s| compare_debian_versions(s, &i.version) == Ordering::Greater);
                Some(Pending {
                    package: format!("{}:{}", i.name, i.arch),
                    installed: i.version.clone(),
                    candidate: cand.clone(),
                    security,
                })
            })
            .collect();
        out.sort_by(|a, b| a.package.cmp(&b.package));
        out
    }
}

/// The newest `Start-Date` of an apt history entry that upgraded or installed packages.
pub fn last_apt_upgrade(history: &str) -> Option<jiff::civil::DateTime> {
    let mut newest = None;
    let mut start: Option<jiff::civil::DateTime> = None;
    for line in history.lines() {
        if let Some(v) = line.strip_prefix("Start-Date: ") {
            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
            start = jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", &v).ok();
        } else if line.starts_with("Upgrade: ") {
            if let Some(s) = start {
                newest = newest.max(Some(s));
            }
        }
    }
    newest
}

/// The newest `upgrade` line of dpkg.log.
pub fn last_dpkg_upgrade(log: &str) -> Option<jiff::civil::DateTime> {
    log.lines()
        .filter(|l| l.split_whitespace().nth(2) == Some("upgrade"))
        .filter_map(|l| l.get(..19))
        .filter_map(|t| jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", t).ok())
        .max()
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

#[derive(Debug, Serialize)]
struct KernelState {
    running: Option<String>,
    installed: Vec<String>,
    newest_installed: Option<String>,
    reboot_needed: Option<bool>,
}

impl PatchLevel {
    fn dpkg(&self, ctx: &ProbeContext) -> Observation {
        let status_path = ctx.path("/var/lib/dpkg/status");
        let status = match ctx.read(&status_path) {
            // Moved, not copied, when it is valid UTF-8 (it nearly always is).
            Ok(b) => String::from_utf8(b)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            Err(e) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::CannotRead {
                        path: status_path.display().to_string(),
                        error: e.to_string(),
                    },
                )
            }
        };
        let installed = parse_dpkg_status(&status);
        ctx.tick(installed.len() as u64);
        let mut obs = Observation::pending(Verdict::Pass)
            .with("package_manager", "dpkg")
            .with("installed_packages", installed.len());
        if let Ok(Some(t)) = ctx.read_optional(&ctx.path("/etc/os-release")) {
            obs.set(
                "os_release",
                os_release_field(&String::from_utf8_lossy(&t), "PRETTY_NAME"),
            );
        }

        // When apt last refreshed its lists (the stamp is written by APT::Periodic only).
        let stamp = ctx.path("/var/lib/apt/periodic/update-success-stamp");
        let lists_dir = ctx.path("/var/lib/apt/lists");
        let entries = list_dir(&lists_dir);
        let (last_refresh, refresh_source) = match mtime_ts(&stamp) {
            Some(t) => (Some(t), stamp.display().to_string()),
            None => (
                entries
                    .iter()
                    .filter(|p| {
                        p.file_name().is_some_and(|n| {
                            let n = n.to_string_lossy();
                            n.ends_with("_InRelease") || n.ends_with("_Release")
                        })
                    })
                    .filter_map(|p| mtime_ts(p))
                    .max(),
                format!("newest Release file in {}", lists_dir.display()),
            ),
        };
        obs.set("last_list_update", last_refresh);
        obs.set("last_list_update_source", refresh_source);
        let refresh_age = last_refresh.map(|t| age(ctx.now(), t));
        obs.set(
            "days_since_list_update",
            refresh_age.map(|a| a.as_secs() / 86_400),
        );

        // When packages were last upgraded.
        let history = ctx
            .read_optional(&ctx.path("/var/log/apt/history.log"))
            .ok()
            .flatten()
            .and_then(|b| last_apt_upgrade(&String::from_utf8_lossy(&b)));
        let dpkg_log = ctx
            .read_optional(&ctx.path("/var/log/dpkg.log"))
            .ok()
            .flatten()
            .and_then(|b| last_dpkg_upgrade(&String::from_utf8_lossy(&b)));
        let last_upgrade = history.max(dpkg_log).and_then(local_to_ts);
        obs.set("last_upgrade", last_upgrade);
        obs.set(
            "last_upgrade_source",
            match (last_upgrade, history >= dpkg_log) {
                (None, _) => "none found in /var/log/apt/history.log or /var/log/dpkg.log (rotated logs are not read)",
                (Some(_), true) => "/var/log/apt/history.log",
                (Some(_), false) => "/var/log/dpkg.log",
            },
        );
        obs.set("dpkg_status_modified", mtime_ts(&status_path));

        // Pending upgrades from the package lists.
        let mut candidates = Candidates::new(&installed);
        let mut list_names = Vec::new();
        for p in &entries {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let is_packages = name.ends_with("_Packages")
                || name.ends_with("_Packages.lz4")
                || name.ends_with("_Packages.gz");
            if !is_packages || ctx.cancelled() {
                continue;
            }
            if read_list(ctx, p, &mut candidates) {
                list_names.push(name);
            }
        }
        obs.set("package_lists", &list_names);
        let pending = if list_names.is_empty() {
            None
        } else {
            Some(candidates.pending())
        };
        let security: Vec<&Pending> = pending.iter().flatten().filter(|p| p.security).collect();
        obs.set("pending_upgrades", pending.as_ref().map(Vec::len));
        obs.set("pending_security", pending.as_ref().map(|_| security.len()));
        obs.set("pending_security_packages", &security);
        obs.set(
            "pending_other_packages",
            pending
                .iter()
                .flatten()
                .filter(|p| !p.security)
                .take(50)
                .collect::<Vec<_>>(),
        );

        // The running kernel against the newest installed one.
        let running = ctx
            .read_optional(&ctx.path("/proc/sys/kernel/osrelease"))
            .ok()
            .flatten()
            .map(|b| String::from_utf8_lossy(&b).trim().to_owned());
        let mut kernels: Vec<String> = installed
            .iter()
            .filter_map(|i| i.name.strip_prefix("linux-image-"))
            .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()) && !r.ends_with("-dbg"))
            .map(str::to_owned)
            .collect();
        kernels.sort_by(|a, b| compare_debian_versions(a, b));
        let newest = kernels.last().cloned();
        let kernel_reboot = match (&running, &newest) {
            (Some(r), Some(n)) => Some(r != n),
            _ => None,
        };
        obs.set(
            "kernel",
            KernelState {
                running,
                installed: kernels,
                newest_installed: newest.clone(),
                reboot_needed: kernel_reboot,
            },
        );
        let reboot_file = ["/run/reboot-required", "/var/run/reboot-required"]
            .iter()
            .map(|p| ctx.path(p))
            .find(|p| p.exists());
        let reboot_pkgs = reboot_file
            .as_ref()
            .and_then(|p| ctx.read_optional(&p.with_extension("pkgs")).ok().flatten())
            .map(|b| {
                String::from_utf8_lossy(&b)
                    .lines()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            });
        obs.set("reboot_required", reboot_file.is_some());
        obs.set("reboot_required_packages", reboot_pkgs);
        if kernel_reboot == Some(true) {
            obs.warnings.push(Msg::KernelRebootNeeded {
                newest: newest.unwrap_or_default(),
            });
        }
        if reboot_file.is_some() {
            obs.warnings.push(Msg::RebootRequired);
        }

        // Verdict.
        let max_days = self.max_days();
        let max_sec = self.settings.max_pending_security as usize;
        let mut failures = Vec::new();
        match refresh_age {
            Some(a) if a > max_days => failures.push(Msg::PackageListsStale {
                age_seconds: a.as_secs(),
                max_days: self.settings.max_days_since_update,
            }),
            _ => {}
        }
        if pending.is_some() && security.len() > max_sec {
            failures.push(Msg::SecurityUpdatesPending {
                count: security.len(),
                max: max_sec,
                packages: security.iter().take(5).map(|p| p.package.clone()).collect(),
            });
        }
        if !failures.is_empty() {
            obs.verdict = Verdict::Fail;
            obs.reasons = failures;
        } else if pending.is_none() {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::NoPackageLists {
                dir: lists_dir.display().to_string(),
            });
        } else if last_refresh.is_none() {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::PackageListsRefreshUnknown);
        } else {
            obs.because(Msg::DpkgUpToDate {
                security: security.len(),
                max: max_sec,
                other: pending
                    .as_ref()
                    .map_or(0, Vec::len)
                    .saturating_sub(security.len()),
                age_seconds: refresh_age.map(|a| a.as_secs()),
            });
        }
        obs
    }

    // -----------------------------------------------------------------------------------------
    // RHEL-likes

    fn rpm(&self, ctx: &ProbeContext) -> Observation {
        let mut args = vec![
            "-qa".to_owned(),
            "--qf".to_owned(),
            "%{NAME}\\t%{VERSION}-%{RELEASE}.%{ARCH}\\t%{INSTALLTIME}\\n".to_owned(),
        ];
        if !ctx.is_real_root() {
            args.extend(["--root".to_owned(), ctx.root().display().to_string()]);
        }
        let out = match ctx.run_command("rpm", &args, &[]) {
            Ok(o) if o.success() => o,
            Ok(o) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::ToolFailed {
                        tool: "rpm".into(),
                        exit_code: o.exit_code,
                        stderr: o.stderr_excerpt(),
                    },
                )
            }
            Err(e) => return Observation::new(Verdict::Unknown, e.msg("rpm")),
        };
        let packages = parse_rpm_query(&String::from_utf8_lossy(&out.stdout));
        ctx.tick(packages.len() as u64);
        let last_install = packages
            .iter()
            .map(|p| p.installed)
            .max()
            .and_then(|t| super::ts(t, 0));
        let mut obs = Observation::pending(Verdict::Pass)
            .with("package_manager", "rpm")
            .with("installed_packages", packages.len())
            .with("last_package_install", last_install);

        // Metadata age: the newest repomd.xml in dnf's cache.
        let cache = ctx.path("/var/cache/dnf");
        let last_refresh = list_dir(&cache)
            .iter()
            .filter_map(|d| mtime_ts(&d.join("repodata/repomd.xml")))
            .max();
        obs.set("last_metadata_refresh", last_refresh);
        let refresh_age = last_refresh.map(|t| age(ctx.now(), t));

        let mut dnf_args = vec![
            "-C".to_owned(),
            "-q".to_owned(),
            "updateinfo".to_owned(),
            "list".to_owned(),
            "--security".to_owned(),
        ];
        if !ctx.is_real_root() {
            dnf_args.push(format!("--installroot={}", ctx.root().display()));
        }
        let security = match ctx.run_command("dnf", &dnf_args, &[]) {
            Ok(o) if o.success() => Some(parse_dnf_updateinfo(&String::from_utf8_lossy(&o.stdout))),
            Ok(o) => {
                ctx.note(
                    Path::new("dnf"),
                    "error",
                    Msg::DnfUpdateinfoFailed {
                        stderr: o.stderr_excerpt(),
                    },
                );
                None
            }
            Err(_) => None,
        };
        obs.set("pending_security", security.as_ref().map(BTreeSet::len));
        obs.set("pending_security_packages", &security);

        let running = ctx
            .read_optional(&ctx.path("/proc/sys/kernel/osrelease"))
            .ok()
            .flatten()
            .map(|b| String::from_utf8_lossy(&b).trim().to_owned());
        let newest_kernel = packages
            .iter()
            .filter(|p| p.name == "kernel" || p.name == "kernel-core")
            .max_by_key(|p| p.installed)
            .map(|p| p.evr_arch.clone());
        let reboot = match (&running, &newest_kernel) {
            (Some(r), Some(n)) => Some(r != n),
            _ => None,
        };
        if reboot == Some(true) {
            obs.warnings.push(Msg::KernelRebootNeeded {
                newest: newest_kernel.clone().unwrap_or_default(),
            });
        }
        obs.set(
            "kernel",
            KernelState {
                running,
                installed: Vec::new(),
                newest_installed: newest_kernel,
                reboot_needed: reboot,
            },
        );

        let max_sec = self.settings.max_pending_security as usize;
        let mut failures = Vec::new();
        if let Some(a) = refresh_age.filter(|a| *a > self.max_days()) {
            failures.push(Msg::DnfMetadataStale {
                age_seconds: a.as_secs(),
                max_days: self.settings.max_days_since_update,
            });
        }
        if let Some(s) = security.as_ref().filter(|s| s.len() > max_sec) {
            failures.push(Msg::SecurityUpdatesPending {
                count: s.len(),
                max: max_sec,
                packages: Vec::new(),
            });
        }
        if !failures.is_empty() {
            obs.verdict = Verdict::Fail;
            obs.reasons = failures;
        } else if security.is_none() {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::DnfSecurityUnknown);
        } else {
            obs.because(Msg::SecurityUpdatesWithinLimit {
                count: security.map_or(0, |s| s.len()),
                max: max_sec,
            });
        }
        obs
    }

    // -----------------------------------------------------------------------------------------
    // Windows

    #[cfg(windows)]
    fn windows_native(&self, ctx: &ProbeContext) -> Observation {
        let script = "Get-HotFix | Select-Object Source,Description,HotFixID,InstalledBy,\
                      @{n='InstalledOn';e={if ($_.InstalledOn) { $_.InstalledOn.ToString('yyyy-MM-dd') }}} \
                      | ConvertTo-Csv -NoTypeInformation";
        let args = vec![
            "-NoProfile".to_owned(),
            "-NonInteractive".to_owned(),
            "-Command".to_owned(),
            script.to_owned(),
        ];
        match ctx.run_command("powershell.exe", &args, &[]) {
            Ok(o) if o.success() => self.hotfixes(ctx, &o.stdout, "Get-HotFix"),
            Ok(o) => Observation::new(
                Verdict::Unknown,
                Msg::ToolFailed {
                    tool: "Get-HotFix".into(),
                    exit_code: o.exit_code,
                    stderr: o.stderr_excerpt(),
                },
            ),
            Err(e) => Observation::new(Verdict::Unknown, e.msg("Get-HotFix")),
        }
    }

    #[cfg(not(windows))]
    fn windows_native(&self, _ctx: &ProbeContext) -> Observation {
        Observation::new(Verdict::Unknown, Msg::WindowsNativeOnly)
    }

    fn hotfixes(&self, ctx: &ProbeContext, bytes: &[u8], from: &str) -> Observation {
        let (text, encoding) = super::text::decode(bytes);
        let fixes = match parse_hotfix_csv(&text, self.settings.date_order.as_deref()) {
            Ok(f) => f,
            Err(e) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::HotfixCsvInvalid {
                        source: from.to_owned(),
                        error: e.to_string(),
                    },
                )
            }
        };
        ctx.tick(fixes.len() as u64);
        let newest = fixes.iter().filter_map(|f| f.installed_on).max();
        let undated = fixes.iter().filter(|f| f.installed_on.is_none()).count();
        let security = fixes
            .iter()
            .filter(|f| f.description.to_lowercase().contains("security"))
            .count();
        let today = ctx
            .now()
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .date();
        let days = newest.map(|d| i64::from((today - d).get_days().max(0)));
        let mut recent: Vec<&HotFix> = fixes.iter().collect();
        recent.sort_by_key(|f| std::cmp::Reverse(f.installed_on));
        let mut obs = Observation::pending(Verdict::Pass)
            .with("package_manager", "windows-hotfix")
            .with("source", from)
            .with("encoding", encoding.as_str())
            .with("hotfixes", fixes.len())
            .with("security_updates", security)
            .with("undated", undated)
            .with("last_installed_on", newest.map(|d| d.to_string()))
            .with("days_since_update", days)
            .with(
                "newest_hotfixes",
                recent.iter().take(10).collect::<Vec<_>>(),
            )
            .with("pending_security", Value::Null);
        obs.warnings.push(Msg::HotfixPendingUnknown);
        match days {
            None => {
                obs.verdict = Verdict::Unknown;
                obs.because(Msg::HotfixNoDates {
                    source: from.to_owned(),
                });
            }
            Some(d) if d > i64::from(self.settings.max_days_since_update) => {
                obs.verdict = Verdict::Fail;
                obs.because(Msg::HotfixStale {
                    days: d,
                    max_days: self.settings.max_days_since_update,
                });
            }
            Some(d) => {
                obs.because(Msg::HotfixCurrent {
                    count: fixes.len(),
                    days: d,
                    max_days: self.settings.max_days_since_update,
                });
            }
        }
        obs
    }
}

/// One package from `rpm -qa`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RpmPackage {
    pub name: String,
    pub evr_arch: String,
    pub installed: i64,
}

/// Lines of `NAME\tVERSION-RELEASE.ARCH\tINSTALLTIME`.
pub fn parse_rpm_query(text: &str) -> Vec<RpmPackage> {
    text.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some(RpmPackage {
                name: f.next()?.to_owned(),
                evr_arch: f.next()?.to_owned(),
                installed: f.next()?.trim().parse().ok()?,
            })
        })
        .collect()
}

/// Package NEVRAs named by `dnf updateinfo list --security` (`ADVISORY SEVERITY/Sec. NEVRA`).
pub fn parse_dnf_updateinfo(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(
            |l| match l.split_whitespace().collect::<Vec<_>>().as_slice() {
                [_, severity, rest @ ..] if severity.ends_with("Sec.") => {
                    rest.last().map(|nevra| (*nevra).to_owned())
                }
                _ => None,
            },
        )
        .collect()
}

/// One installed Windows update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HotFix {
    pub id: String,
    pub description: String,
    pub installed_on: Option<jiff::civil::Date>,
    pub installed_by: String,
}

/// Parse a `Get-HotFix | Export-Csv` (or `ConvertTo-Csv`) file. `date_order` (`mdy`, `dmy`,
/// `ymd`) settles dates like 01/02/2024; without it, year-first and US order are tried.
pub fn parse_hotfix_csv(text: &str, date_order: Option<&str>) -> Result<Vec<HotFix>, String> {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("#TYPE") && !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(body.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| format!("not a CSV file: {e}"))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let id_col = col("HotFixID").ok_or(
        "no HotFixID column; export with `Get-HotFix | Export-Csv -NoTypeInformation FILE`",
    )?;
    let (desc, on, by) = (col("Description"), col("InstalledOn"), col("InstalledBy"));
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("bad CSV: {e}"))?;
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").trim().to_owned();
        let id = get(Some(id_col));
        if id.is_empty() {
            continue;
        }
        out.push(HotFix {
            id,
            description: get(desc),
            installed_on: parse_windows_date(&get(on), date_order),
            installed_by: get(by),
        });
    }
    Ok(out)
}

/// `1/9/2024 12:00:00 AM`, `2024/01/09 0:00:00`, `2024-01-09`, `09.01.2024`.
pub fn parse_windows_date(s: &str, order: Option<&str>) -> Option<jiff::civil::Date> {
    let date_part = s.split_whitespace().next()?;
    let nums: Vec<i32> = date_part
        .split(['/', '-', '.'])
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<_>>>()?;
    let [a, b, c] = nums.as_slice() else {
        return None;
    };
    let (a, b, c) = (*a, *b, *c);
    let (y, m, d) = match order {
        Some("ymd") => (a, b, c),
        Some("dmy") => (c, b, a),
        Some("mdy") => (c, a, b),
        _ if a > 31 => (a, b, c),
        _ if date_part.contains('.') => (c, b, a),
        _ => (c, a, b),
    };
    jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering::*;

    #[test]
    fn debian_version_order() {
        for (a, b, o) in [
            ("1.0", "1.0", Equal),
            ("1.0-1", "1.0-2", Less),
            ("1:0.9", "1.0", Greater),
            ("1.0~rc1", "1.0", Less),
            ("1.0", "1.0+deb12u1", Less),
            ("2.36-9+deb12u4", "2.36-9+deb12u10", Less),
            ("6.1.0-18-amd64", "6.1.0-9-amd64", Greater),
            ("1.0a", "1.0", Greater),
            ("1.0~", "1.0~~", Greater),
            ("3.0.11-1~deb12u2", "3.0.11-1~deb12u2", Equal),
        ] {
            assert_eq!(compare_debian_versions(a, b), o, "{a} vs {b}");
        }
    }

    #[test]
    fn damaged_dnf_and_hotfix_lines_are_skipped() {
        let text = "FEDORA-1 Important/Sec. openssl-3.0.9-1.fc38.x86_64\nFEDORA-2 Sec.\n\nx\nFEDORA-3 bugfix a-1.x86_64\n";
        let names: Vec<String> = parse_dnf_updateinfo(text).into_iter().collect();
        assert_eq!(names, ["openssl-3.0.9-1.fc38.x86_64"]);
        for bad in ["", "1/2", "1/2/3/4", "a/b/c", "99999999999/1/1", "//"] {
            assert_eq!(parse_windows_date(bad, None), None, "{bad}");
        }
        assert_eq!(
            parse_windows_date("09.01.2024", None),
            Some(jiff::civil::date(2024, 1, 9))
        );
    }

    proptest::proptest! {
        /// Any text (a damaged Version: line) compares without a panic, and the order is
        /// antisymmetric.
        #[test]
        fn debian_version_order_is_total(a in "[0-9a-z.~+:-]{0,14}|\\PC{0,8}", b in "[0-9a-z.~+:-]{0,14}") {
            proptest::prop_assert_eq!(
                compare_debian_versions(&a, &b),
                compare_debian_versions(&b, &a).reverse()
            );
        }
    }

    #[test]
    fn pending_security_from_lists() {
        let status = "Package: openssl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.11-1~deb12u1\n\n\
                      Package: bash\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5.2.15-2+b2\n\n\
                      Package: gone\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 1\n";
        let installed = parse_dpkg_status(status);
        assert_eq!(installed.len(), 2);
        let lists = vec![
            ("deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages".to_owned(),
             "Package: openssl\nArchitecture: amd64\nVersion: 3.0.11-1~deb12u1\n\nPackage: bash\nArchitecture: amd64\nVersion: 5.2.15-2+b7\n".to_owned()),
            ("deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages".to_owned(),
             "Package: openssl\nArchitecture: amd64\nVersion: 3.0.15-1~deb12u1\n".to_owned()),
            ("deb.debian.org_debian_dists_bookworm-backports_main_binary-amd64_Packages".to_owned(),
             "Package: bash\nArchitecture: amd64\nVersion: 9.9\n".to_owned()),
        ];
        let mut candidates = Candidates::new(&installed);
        for (name, text) in &lists {
            candidates.add_list(name, text);
        }
        let p = candidates.pending();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].package, "bash:amd64");
        assert_eq!(p[0].candidate, "5.2.15-2+b7");
        assert!(!p[0].security);
        assert!(p[1].security);
    }

    #[test]
    fn apt_and_dpkg_logs() {
        let h = "Start-Date: 2026-10-01  09:00:00\nCommandline: apt-get install x\nInstall: x:amd64 (1)\nEnd-Date: 2026-10-01  09:00:05\n\n\
                 Start-Date: 2026-09-01  09:00:00\nUpgrade: y:amd64 (1, 2)\nEnd-Date: 2026-09-01  09:00:05\n";
        assert_eq!(
            last_apt_upgrade(h).unwrap().to_string(),
            "2026-09-01T09:00:00"
        );
        let d = "2026-11-01 10:00:00 upgrade libc6:amd64 2.36-9 2.36-9+deb12u9\n2026-11-02 10:00:00 status installed x 1\n";
        assert_eq!(
            last_dpkg_upgrade(d).unwrap().to_string(),
            "2026-11-01T10:00:00"
        );
    }

    #[test]
    fn hotfix_csv_in_several_locales() {
        let csv = "#TYPE Selected.System.Management.ManagementObject\n\"Source\",\"Description\",\"HotFixID\",\"InstalledBy\",\"InstalledOn\"\n\
                   \"PC01\",\"Security Update\",\"KB5034441\",\"NT AUTHORITY\\SYSTEM\",\"1/9/2024 12:00:00 AM\"\n\
                   \"PC01\",\"Update\",\"KB5011048\",\"\",\"\"\n";
        let f = parse_hotfix_csv(csv, None).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].installed_on.unwrap().to_string(), "2024-01-09");
        assert!(f[1].installed_on.is_none());
        assert_eq!(
            parse_windows_date("2024/01/09 0:00:00", None)
                .unwrap()
                .to_string(),
            "2024-01-09"
        );
        assert_eq!(
            parse_windows_date("09/01/2024", Some("dmy"))
                .unwrap()
                .to_string(),
            "2024-01-09"
        );
        assert_eq!(
            parse_windows_date("09.01.2024", None).unwrap().to_string(),
            "2024-01-09"
        );
        assert!(parse_hotfix_csv("a,b\n1,2\n", None).is_err());
    }

    #[test]
    fn rpm_and_dnf_output() {
        let p = parse_rpm_query("kernel-core\t5.14.0-362.8.1.el9_3.x86_64\t1700000000\nbash\t5.1.8-6.el9.x86_64\t1690000000\n");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].installed, 1_700_000_000);
        let s = parse_dnf_updateinfo("RHSA-2024:0001 Important/Sec. openssl-1:3.0.7-25.el9_3.x86_64\nRHBA-2024:0002 bugfix x-1.x86_64\n");
        assert_eq!(s.len(), 1);
    }
}
