//! patch-level on RHEL-likes: `rpm -qa` and `dnf -C` (cache only: no network, no metadata
//! refresh).

use super::{list_dir, mtime_ts, KernelState, PatchLevel};
use crate::probes::{age, Msg, Observation, ProbeContext, Verdict};
use std::collections::BTreeSet;
use std::path::Path;

impl PatchLevel {
    pub(super) fn rpm(&self, ctx: &ProbeContext) -> Observation {
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
                        signal: o.signal,
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
            .and_then(|t| crate::probes::ts(t, 0));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rpm_and_dnf_output() {
        let p = parse_rpm_query("kernel-core\t5.14.0-362.8.1.el9_3.x86_64\t1700000000\nbash\t5.1.8-6.el9.x86_64\t1690000000\n");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].installed, 1_700_000_000);
        let s = parse_dnf_updateinfo("RHSA-2024:0001 Important/Sec. openssl-1:3.0.7-25.el9_3.x86_64\nRHBA-2024:0002 bugfix x-1.x86_64\n");
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn damaged_dnf_lines_are_skipped() {
        let text = "FEDORA-1 Important/Sec. openssl-3.0.9-1.fc38.x86_64\nFEDORA-2 Sec.\n\nx\nFEDORA-3 bugfix a-1.x86_64\n";
        let names: Vec<String> = parse_dnf_updateinfo(text).into_iter().collect();
        assert_eq!(names, ["openssl-3.0.9-1.fc38.x86_64"]);
    }
}
