//! patch-level on Debian/Ubuntu: the dpkg database, apt's package lists (read as files;
//! `apt-get update` is never run), apt/dpkg logs, the running kernel against the newest
//! installed one, and `/run/reboot-required`.

use super::{list_dir, local_to_ts, mtime_ts, KernelState, PatchLevel};
use crate::probes::{age, os_release_field, Msg, Observation, ProbeContext, Verdict};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::Path;

/// One installed package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    pub name: String,
    pub arch: String,
    pub version: String,
    /// dpkg's state (the third word of `Status:`): `installed`, or a state an interrupted
    /// or unfinished dpkg run leaves (see [`Installed::is_unfinished`]).
    pub state: String,
    /// `reinstreq`: dpkg says the package must be installed again.
    pub reinstall_required: bool,
}

impl Installed {
    /// Whether dpkg left this package mid-way: the machine is mid-upgrade.
    /// A state left empty (the `Status:` line was malformed) is not known to be unfinished.
    pub fn is_unfinished(&self) -> bool {
        self.reinstall_required || !(self.state == "installed" || self.state.is_empty())
    }
}

/// dpkg's states without the package's files on disk: `not-installed`, and `config-files`
/// (removed, its configuration kept). Every other state (`installed`, the states an
/// unfinished run leaves, and any state this reader does not know) has files on disk.
const STATES_OFF_DISK: &[&str] = &["not-installed", "config-files"];

/// A paragraph of the dpkg database whose `Status:` line does not have dpkg's three words
/// (want, flag, state): the package's state cannot be told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MalformedStatus {
    pub package: String,
    /// The `Status:` line as written (empty when the paragraph has none).
    pub line: String,
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

/// Packages on disk from /var/lib/dpkg/status: installed ones and those a dpkg run left
/// unfinished (half-installed, unpacked, half-configured, triggers-awaited, triggers-pending,
/// or a state this reader does not know), which are at the version recorded and can have
/// updates pending like any other.
pub fn parse_dpkg_status(text: &str) -> Vec<Installed> {
    parse_dpkg_status_checked(text).0
}

/// As [`parse_dpkg_status`], with the paragraphs whose `Status:` line is malformed (not
/// dpkg's three words). Those packages are still counted, with their state left empty, so
/// their pending updates are seen; the caller says the state could not be told.
pub fn parse_dpkg_status_checked(text: &str) -> (Vec<Installed>, Vec<MalformedStatus>) {
    let mut out = Vec::new();
    let mut malformed = Vec::new();
    for_each_paragraph(text, |pkg, arch, ver, status| {
        let words: Vec<&str> = status.split_whitespace().collect();
        let state = match words.as_slice() {
            [_, _, state] => *state,
            _ => {
                malformed.push(MalformedStatus {
                    package: format!("{pkg}:{arch}"),
                    line: format!("Status: {status}").trim_end().to_owned(),
                });
                ""
            }
        };
        if !STATES_OFF_DISK.contains(&state) {
            out.push(Installed {
                name: pkg.to_owned(),
                arch: arch.to_owned(),
                version: ver.to_owned(),
                state: state.to_owned(),
                reinstall_required: words.get(1).is_some_and(|f| f.contains("reinstreq")),
            });
        }
    });
    (out, malformed)
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

/// A package a dpkg run left unfinished, as the evidence records it.
#[derive(Debug, Clone, Serialize)]
struct UnfinishedPackage {
    package: String,
    version: String,
    state: String,
    reinstall_required: bool,
}

impl PatchLevel {
    pub(super) fn dpkg(&self, ctx: &ProbeContext) -> Observation {
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
        let (installed, malformed) = parse_dpkg_status_checked(&status);
        ctx.tick(installed.len() as u64);
        let unfinished: Vec<UnfinishedPackage> = installed
            .iter()
            .filter(|i| i.is_unfinished())
            .map(|i| UnfinishedPackage {
                package: format!("{}:{}", i.name, i.arch),
                version: i.version.clone(),
                state: i.state.clone(),
                reinstall_required: i.reinstall_required,
            })
            .collect();
        let mut obs = Observation::pending(Verdict::Pass)
            .with("package_manager", "dpkg")
            .with("installed_packages", installed.len())
            .with("unfinished_packages", &unfinished)
            .with("malformed_status", &malformed);
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
        // An interrupted or unfinished dpkg run: the machine is mid-upgrade whatever the
        // lists say (`dpkg --configure -a` or `apt-get -f install` finishes it).
        if !unfinished.is_empty() {
            failures.push(Msg::DpkgUnfinished {
                count: unfinished.len(),
                packages: unfinished
                    .iter()
                    .take(5)
                    .map(|u| format!("{} ({})", u.package, u.state))
                    .collect(),
            });
        }
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
        // A package whose state cannot be told: it may be mid-upgrade.
        let malformed_msg = malformed.first().map(|first| Msg::DpkgStatusMalformed {
            count: malformed.len(),
            package: first.package.clone(),
            line: first.line.clone(),
        });
        if !failures.is_empty() {
            obs.verdict = Verdict::Fail;
            obs.reasons = failures;
            obs.warnings.extend(malformed_msg);
        } else if let Some(m) = malformed_msg {
            obs.verdict = Verdict::Unknown;
            obs.because(m);
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
        assert!(installed.iter().all(|i| !i.is_unfinished()));
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
}
