//! services: enabled and running services and listening TCP/UDP ports, against an allowlist.
//!
//! Enabled units come from systemd's `*.wants` folders, running ones from the cgroup tree
//! (`/sys/fs/cgroup/system.slice`), listening sockets from `/proc/net/{tcp,tcp6,udp,udp6}`,
//! and the process behind each socket from `/proc/PID/fd` (other users' processes need root).

use super::config::{PortSpec, Role, ServicesSettings};
use super::{items_for, Msg, Observation, Probe, ProbeContext, Verdict};
use crate::checklist::ProbeKind;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::Path;

pub struct Services {
    settings: ServicesSettings,
    role: Role,
}

impl Services {
    pub fn new(settings: ServicesSettings, role: Role) -> Self {
        Services { settings, role }
    }
}

/// One listening socket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listener {
    pub protocol: &'static str,
    pub address: String,
    pub port: u16,
    pub loopback: bool,
    #[serde(skip)]
    pub inode: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pid: Option<u32>,
}

fn parse_addr(hex: &str) -> Option<(IpAddr, u16)> {
    let (ip, port) = hex.split_once(':')?;
    let port = u16::from_str_radix(port, 16).ok()?;
    // Byte slicing below needs ASCII: a damaged table (decoded lossily) may hold anything.
    if !ip.is_ascii() {
        return None;
    }
    let ip = match ip.len() {
        8 => IpAddr::V4(Ipv4Addr::from(
            u32::from_str_radix(ip, 16).ok()?.to_le_bytes(),
        )),
        32 => {
            // Four 32-bit words, each in host (little-endian) byte order.
            let mut b = Vec::with_capacity(16);
            for i in 0..4 {
                let word = u32::from_str_radix(ip.get(i * 8..i * 8 + 8)?, 16).ok()?;
                b.extend_from_slice(&word.to_le_bytes());
            }
            IpAddr::V6(Ipv6Addr::from(<[u8; 16]>::try_from(b).ok()?))
        }
        _ => return None,
    };
    Some((ip, port))
}

/// Listening sockets in a `/proc/net/{tcp,udp}[6]` table.
pub fn parse_proc_net(text: &str, protocol: &'static str) -> Vec<Listener> {
    let udp = protocol.starts_with("udp");
    text.lines()
        .skip(1)
        .filter_map(|l| {
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            let f: Vec<&str> = l.split_whitespace().collect();
            let [_, local, remote, state, _, _, _, _, _, inode, ..] = f.as_slice() else {
                return None;
            };
            let (ip, port) = parse_addr(local)?;
            let (_, rport) = parse_addr(remote)?;
            // TCP: LISTEN (0A). UDP: bound and unconnected (07, no remote port).
            let listening = if udp {
                *state == "07" && rport == 0
            } else {
                *state == "0A"
            };
            if !listening {
                return None;
            }
            let loopback = match ip {
                IpAddr::V4(v) => v.is_loopback(),
                IpAddr::V6(v) => {
                    v.is_loopback() || v.to_ipv4_mapped().is_some_and(|m| m.is_loopback())
                }
            };
            Some(Listener {
                protocol: if udp { "udp" } else { "tcp" },
                address: ip.to_string(),
                port,
                loopback,
                inode: inode.parse().ok()?,
                process: None,
                pid: None,
            })
        })
        .collect()
}

fn unit_name(file: &str) -> Option<&str> {
    file.strip_suffix(".service")
        .or_else(|| file.strip_suffix(".socket").map(|_| file))
}

impl Probe for Services {
    fn kind(&self) -> ProbeKind {
        ProbeKind::Services
    }

    fn items(&self) -> Vec<String> {
        items_for(ProbeKind::Services, self.role)
    }

    fn parameters(&self) -> Map<String, Value> {
        let s = &self.settings;
        let mut m = Map::new();
        m.insert(
            "allowed_services".into(),
            serde_json::to_value(&s.allowed_services).unwrap_or(Value::Null),
        );
        m.insert(
            "allowed_ports".into(),
            serde_json::to_value(
                s.allowed_ports
                    .as_ref()
                    .map(|p| p.iter().map(ToString::to_string).collect::<Vec<_>>()),
            )
            .unwrap_or(Value::Null),
        );
        m.insert("include_loopback".into(), s.include_loopback.into());
        m
    }

    fn run(&self, ctx: &ProbeContext) -> Observation {
        let s = &self.settings;
        // Windows: listening sockets through PowerShell or netstat (src/probes/windows/).
        #[cfg(windows)]
        if ctx.is_real_root() {
            return super::windows::listeners::judge(s, ctx, &super::windows::Live);
        }
        // Enabled: units linked into a target's .wants folder.
        let mut enabled = BTreeSet::new();
        let systemd_dir = ctx.path("/etc/systemd/system");
        let has_systemd = systemd_dir.is_dir();
        for wants in read_dir_sorted(ctx, &systemd_dir) {
            if !wants.to_string_lossy().ends_with(".wants") {
                continue;
            }
            for unit in read_dir_sorted(ctx, &wants) {
                if let Some(name) = unit
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(unit_name)
                {
                    enabled.insert(name.to_owned());
                }
            }
        }
        // Running: a service's cgroup with processes in it.
        let slice = ctx.path("/sys/fs/cgroup/system.slice");
        let running: Option<BTreeSet<String>> = if slice.is_dir() {
            let mut set = BTreeSet::new();
            for d in read_dir_sorted(ctx, &slice) {
                let Some(name) = d
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(".service"))
                else {
                    continue;
                };
                if let Ok(b) = ctx.read(&d.join("cgroup.procs")) {
                    if b.iter().any(u8::is_ascii_digit) {
                        set.insert(name.to_owned());
                    }
                }
            }
            Some(set)
        } else {
            None
        };

        // Listening sockets.
        let mut listeners = Vec::new();
        let mut tables_read = 0;
        for (file, proto) in [
            ("tcp", "tcp"),
            ("tcp6", "tcp6"),
            ("udp", "udp"),
            ("udp6", "udp6"),
        ] {
            let p = ctx.path(format!("/proc/net/{file}"));
            if let Ok(Some(b)) = ctx.read_optional(&p) {
                tables_read += 1;
                listeners.extend(parse_proc_net(&String::from_utf8_lossy(&b), proto));
            }
        }
        let unreadable_processes = attach_processes(ctx, &mut listeners);
        listeners.sort_by(|a, b| {
            (a.protocol, a.port, &a.address).cmp(&(b.protocol, b.port, &b.address))
        });
        listeners.dedup_by(|a, b| {
            a.protocol == b.protocol && a.port == b.port && a.address == b.address
        });

        let considered: Vec<&Listener> = listeners
            .iter()
            .filter(|l| s.include_loopback || !l.loopback)
            .collect();
        let open_ports: BTreeSet<PortSpec> = considered
            .iter()
            .map(|l| PortSpec {
                port: l.port,
                udp: l.protocol == "udp",
            })
            .collect();

        let mut obs = Observation::pending(Verdict::Pass)
            .with("enabled_services", &enabled)
            .with("running_services", &running)
            .with("listening", &listeners)
            .with(
                "open_ports",
                open_ports
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>(),
            )
            .with("processes_not_readable", unreadable_processes);
        if running.is_none() {
            obs.warnings.push(Msg::NoSystemdCgroup {
                path: slice.display().to_string(),
            });
        }
        if unreadable_processes > 0 {
            obs.warnings.push(Msg::ProcessesNotInspected {
                count: unreadable_processes,
            });
        }

        let mut failures = Vec::new();
        if let Some(allowed) = &s.allowed_services {
            let allowed: BTreeSet<&str> = allowed
                .iter()
                .map(|a| a.trim_end_matches(".service"))
                .collect();
            let extra: BTreeSet<&String> = enabled
                .iter()
                .chain(running.iter().flatten())
                .filter(|u| !allowed.contains(u.as_str()))
                .collect();
            obs.set("services_not_allowed", &extra);
            if !extra.is_empty() {
                failures.push(Msg::ServicesNotAllowed {
                    services: extra.iter().map(|s| (*s).clone()).collect(),
                });
            }
        }
        if let Some(allowed) = &s.allowed_ports {
            let extra: Vec<String> = considered
                .iter()
                .filter(|l| {
                    !allowed.contains(&PortSpec {
                        port: l.port,
                        udp: l.protocol == "udp",
                    })
                })
                .map(|l| match &l.process {
                    Some(p) => format!("{}/{} on {} ({p})", l.port, l.protocol, l.address),
                    None => format!("{}/{} on {}", l.port, l.protocol, l.address),
                })
                .collect();
            obs.set("ports_not_allowed", &extra);
            if !extra.is_empty() {
                failures.push(Msg::PortsNotAllowed { ports: extra });
            }
        }
        if !failures.is_empty() {
            obs.verdict = Verdict::Fail;
            obs.reasons = failures;
        } else if tables_read == 0 && !has_systemd {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::NothingReadable);
        } else if s.allowed_services.is_none() && s.allowed_ports.is_none() {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::NoAllowlist {
                services: enabled.len(),
                ports: open_ports.len(),
            });
        } else {
            obs.because(Msg::AllAllowed {
                services: enabled.len(),
                ports: open_ports.len(),
            });
        }
        obs
    }
}

fn read_dir_sorted(ctx: &ProbeContext, dir: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            let mut v: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            v.sort();
            v
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            ctx.note_io(dir, &e);
            Vec::new()
        }
    }
}

/// Name the process behind each socket through /proc/PID/fd links. Returns how many
/// processes could not be inspected.
fn attach_processes(ctx: &ProbeContext, listeners: &mut [Listener]) -> u64 {
    if listeners.is_empty() {
        return 0;
    }
    let wanted: HashMap<u64, usize> = listeners
        .iter()
        .enumerate()
        .map(|(i, l)| (l.inode, i))
        .collect();
    let mut owner: BTreeMap<u64, u32> = BTreeMap::new();
    let mut unreadable = 0;
    let proc_dir = ctx.path("/proc");
    let Ok(rd) = std::fs::read_dir(&proc_dir) else {
        return 0;
    };
    for e in rd.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(fds) = std::fs::read_dir(e.path().join("fd")) else {
            unreadable += 1;
            continue;
        };
        for fd in fds.flatten() {
            let Ok(target) = std::fs::read_link(fd.path()) else {
                continue;
            };
            let t = target.to_string_lossy();
            if let Some(inode) = t
                .strip_prefix("socket:[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|n| n.parse().ok())
            {
                if wanted.contains_key(&inode) {
                    owner.entry(inode).or_insert(pid);
                }
            }
        }
    }
    for (inode, pid) in owner {
        let comm = ctx
            .read_optional(&proc_dir.join(pid.to_string()).join("comm"))
            .ok()
            .flatten()
            .map(|b| String::from_utf8_lossy(&b).trim().to_owned());
        for l in listeners.iter_mut().filter(|l| l.inode == inode) {
            l.pid = Some(pid);
            l.process = comm.clone();
        }
    }
    unreadable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_proc_net_lines_are_skipped_not_a_panic() {
        // 32 bytes, but a multi-byte character straddles byte 8.
        let odd = format!("0000000é{}", "0".repeat(23));
        assert_eq!(odd.len(), 32);
        let text = format!(
            "  sl  local_address rem_address   st\n   0: {odd}:0016 00000000000000000000000000000000:0000 0A 0 0 0 0 0 1 1\n   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7 1\n"
        );
        let l = parse_proc_net(&text, "tcp6");
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[0].port, 22);
    }

    #[test]
    fn proc_net_tables() {
        let tcp = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n\
   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0\n\
   1: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   108        0 12346 1 0000000000000000 100 0 0 10 0\n\
   2: 0A00000F:0016 0A000001:C350 01 00000000:00000000 02:0009A3D7 00000000     0        0 12347 4 0000000000000000 20 4 29 10 -1\n";
        let l = parse_proc_net(tcp, "tcp");
        assert_eq!(l.len(), 2);
        assert_eq!(
            (l[0].address.as_str(), l[0].port, l[0].loopback),
            ("0.0.0.0", 22, false)
        );
        assert_eq!(
            (l[1].address.as_str(), l[1].port, l[1].loopback),
            ("127.0.0.1", 5432, true)
        );
        let tcp6 = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n\
   0: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 222 1 0000000000000000 100 0 0 10 0\n";
        let l = parse_proc_net(tcp6, "tcp6");
        assert_eq!(
            (l[0].address.as_str(), l[0].port, l[0].loopback),
            ("::1", 631, true)
        );
        let udp = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n\
  1: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 333 2 0000000000000000 0\n";
        let l = parse_proc_net(udp, "udp");
        assert_eq!((l[0].protocol, l[0].port), ("udp", 68));
    }
}
