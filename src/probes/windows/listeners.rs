//! services on Windows: listening TCP and UDP sockets with their processes and services
//! (`Get-NetTCPConnection -State Listen`, `Get-NetUDPEndpoint`, `Win32_Service`), or
//! `netstat -ano` with `tasklist /svc` when PowerShell cannot answer; judged against the
//! allowlist like on Linux. Remote desktop (RDP, 3389) and file sharing (SMB, 445) listening
//! on every address are named on their own: they are how ransomware got into the hospitals
//! whose incidents are on record in Japan.

use super::{decode_json, json_list, json_text, Query, SourceError, WinMsg, WindowsSource};
use crate::probes::config::{PortSpec, ServicesSettings};
use crate::probes::{Msg, Observation, ProbeContext, Verdict};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The PowerShell script of [`Query::Listeners`].
pub const SCRIPT: &str = r#"$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch { }
$names = @{}; Get-Process | ForEach-Object { $names[[int]$_.Id] = $_.ProcessName }
$services = @{}; $running = @()
Get-CimInstance Win32_Service | Where-Object { $_.State -eq 'Running' } | ForEach-Object {
  $running += $_.Name; $p = [int]$_.ProcessId
  if (-not $services.ContainsKey($p)) { $services[$p] = @() }; $services[$p] += $_.Name }
function row($proto, $c) { $p = [int]$c.OwningProcess
  [ordered]@{ Protocol = $proto; LocalAddress = $c.LocalAddress; LocalPort = [int]$c.LocalPort
    OwningProcess = $p; Process = $names[$p]; Services = @($services[$p]) } }
$tcp = @(Get-NetTCPConnection -State Listen -ErrorAction SilentlyContinue | ForEach-Object { row 'tcp' $_ })
$udp = @(Get-NetUDPEndpoint -ErrorAction SilentlyContinue | ForEach-Object { row 'udp' $_ })
[ordered]@{ format = 1; listeners = @($tcp + $udp); running_services = @($running) } | ConvertTo-Json -Depth 5 -Compress
"#;

/// One listening socket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listener {
    /// `tcp` or `udp`.
    pub protocol: String,
    pub address: String,
    pub port: u16,
    pub pid: Option<u32>,
    pub process: Option<String>,
    pub services: Vec<String>,
    pub loopback: bool,
    /// Bound to every address (`0.0.0.0`, `::`, `*`).
    pub all_addresses: bool,
}

impl Listener {
    fn new(protocol: &str, address: &str, port: u16, pid: Option<u32>) -> Self {
        let address = address.trim_start_matches('[').trim_end_matches(']');
        let bare = address.split('%').next().unwrap_or(address);
        let loopback = bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
        Listener {
            protocol: protocol.to_ascii_lowercase(),
            address: address.to_owned(),
            port,
            pid,
            process: None,
            services: Vec::new(),
            loopback,
            all_addresses: matches!(bare, "0.0.0.0" | "::" | "*"),
        }
    }

    fn spec(&self) -> PortSpec {
        PortSpec {
            port: self.port,
            udp: self.protocol == "udp",
        }
    }

    /// `3389/tcp on 0.0.0.0 (svchost: TermService)`, as the evidence records a socket.
    pub fn recorded(&self) -> String {
        let program = match (&self.process, self.services.is_empty()) {
            (Some(p), false) => Some(format!("{p}: {}", self.services.join(", "))),
            (Some(p), true) => Some(p.clone()),
            (None, false) => Some(self.services.join(", ")),
            (None, true) => None,
        };
        match program {
            Some(p) => format!("{}/{} on {} ({p})", self.port, self.protocol, self.address),
            None => format!("{}/{} on {}", self.port, self.protocol, self.address),
        }
    }

    /// RDP (3389, TCP and UDP) or SMB (445/tcp).
    pub fn is_remote_entry_point(&self) -> bool {
        self.port == 3389 || (self.port == 445 && self.protocol == "tcp")
    }
}

/// What was read: the sockets, and the running services when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenersReport {
    pub listeners: Vec<Listener>,
    pub running_services: Option<Vec<String>>,
}

/// Parse what [`SCRIPT`] printed (any encoding).
pub fn parse_listeners(bytes: &[u8]) -> Result<ListenersReport, String> {
    let (doc, _) = decode_json(bytes)?;
    if !doc.is_object() {
        return Err("not a JSON object".into());
    }
    let listeners = json_list(doc.get("listeners"))
        .into_iter()
        .filter_map(|l| {
            let port: u16 = json_text(l.get("LocalPort")).parse().ok()?;
            let pid = json_text(l.get("OwningProcess")).parse().ok();
            let mut out = Listener::new(
                &json_text(l.get("Protocol")),
                &json_text(l.get("LocalAddress")),
                port,
                pid,
            );
            out.process = Some(json_text(l.get("Process"))).filter(|p| !p.is_empty());
            out.services = json_list(l.get("Services"))
                .into_iter()
                .map(|s| json_text(Some(s)))
                .filter(|s| !s.is_empty())
                .collect();
            Some(out)
        })
        .collect();
    let running_services = doc.get("running_services").map(|r| {
        json_list(Some(r))
            .into_iter()
            .map(|s| json_text(Some(s)))
            .filter(|s| !s.is_empty())
            .collect()
    });
    Ok(ListenersReport {
        listeners,
        running_services,
    })
}

/// Split `0.0.0.0:135`, `[::]:445`, `[fe80::1%7]:1900`, `*:*` into address and port.
fn split_endpoint(s: &str) -> Option<(&str, &str)> {
    let i = s.rfind(':')?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// Parse `netstat -ano` in any display language: TCP rows whose remote port is 0 are
/// listening (the state column is translated on some Windows, the remote end is not), and
/// every UDP row is a bound endpoint. Header and other lines are skipped.
pub fn parse_netstat(text: &str) -> Vec<Listener> {
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            let proto = f.first()?.to_ascii_lowercase();
            let (addr, port) = split_endpoint(f.get(1)?)?;
            let port: u16 = port.parse().ok()?;
            let pid = f.last()?.parse().ok();
            match proto.as_str() {
                "tcp" => {
                    let (_, remote_port) = split_endpoint(f.get(2)?)?;
                    (remote_port == "0" && f.len() == 5)
                        .then(|| Listener::new("tcp", addr, port, pid))
                }
                "udp" => (f.len() == 4).then(|| Listener::new("udp", addr, port, pid)),
                _ => None,
            }
        })
        .collect()
}

/// Parse `tasklist /svc /fo csv /nh`: PID -> (image name, services). A process without
/// services says `N/A` (or its translation), which is not a service name and is dropped.
pub fn parse_tasklist(text: &str) -> BTreeMap<u32, (String, Vec<String>)> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = BTreeMap::new();
    for rec in rdr.records().flatten() {
        let (Some(image), Some(pid)) = (rec.get(0), rec.get(1).and_then(|p| p.trim().parse().ok()))
        else {
            continue;
        };
        let services = rec
            .get(2)
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|s| {
                !s.is_empty()
                    && s.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '$' | '@')
                    })
            })
            .map(str::to_owned)
            .collect();
        let image = image.trim();
        let name = image
            .strip_suffix(".exe")
            .or_else(|| image.strip_suffix(".EXE"))
            .unwrap_or(image);
        out.insert(pid, (name.to_owned(), services));
    }
    out
}

/// Ask `source`: PowerShell first, `netstat -ano` and `tasklist` when it cannot answer.
pub fn judge(
    settings: &ServicesSettings,
    ctx: &ProbeContext,
    source: &dyn WindowsSource,
) -> Observation {
    let (report, fallback) = match source
        .ask(ctx, Query::Listeners)
        .map(|b| parse_listeners(&b))
    {
        Ok(Ok(r)) => (r, None),
        first => {
            let (why, cause, detail) = match first {
                Ok(Err(error)) => (
                    Msg::Windows(WinMsg::PowershellOutputNotUnderstood {
                        query: Query::Listeners.name().into(),
                        error: error.clone(),
                    }),
                    "not-understood",
                    error,
                ),
                Err(e) => {
                    let (cause, detail) = match &e {
                        SourceError::Missing { .. } => ("missing", String::new()),
                        SourceError::Failed { stderr, .. } => ("failed", stderr.clone()),
                        SourceError::Other { error, .. } => ("failed", error.clone()),
                    };
                    (e.msg(Query::Listeners), cause, detail)
                }
                Ok(Ok(_)) => (Msg::InternalError, "failed", String::new()),
            };
            let netstat = match source.ask(ctx, Query::Netstat) {
                Ok(b) => parse_netstat(&crate::probes::text::decode(&b).0),
                Err(e) => {
                    let mut obs = Observation::new(Verdict::Unknown, why);
                    obs.warnings.push(e.msg(Query::Netstat));
                    return obs;
                }
            };
            let tasks = source
                .ask(ctx, Query::Tasklist)
                .map(|b| parse_tasklist(&crate::probes::text::decode(&b).0))
                .unwrap_or_default();
            let listeners = netstat
                .into_iter()
                .map(|mut l| {
                    if let Some((name, services)) = l.pid.and_then(|p| tasks.get(&p)) {
                        l.process = Some(name.clone());
                        l.services = services.clone();
                    }
                    l
                })
                .collect();
            let report = ListenersReport {
                listeners,
                running_services: None,
            };
            (report, Some((cause.to_owned(), detail)))
        }
    };
    let mut obs = judge_report(settings, &report);
    if let Some((cause, detail)) = fallback {
        obs.warnings
            .insert(0, Msg::Windows(WinMsg::NetstatFallback { cause, detail }));
        obs.set("source", "netstat");
    } else {
        obs.set("source", "powershell");
    }
    obs
}

/// Judge what was read against the allowlist.
pub fn judge_report(settings: &ServicesSettings, report: &ListenersReport) -> Observation {
    let mut listeners = report.listeners.clone();
    listeners
        .sort_by(|a, b| (&a.protocol, a.port, &a.address).cmp(&(&b.protocol, b.port, &b.address)));
    listeners
        .dedup_by(|a, b| a.protocol == b.protocol && a.port == b.port && a.address == b.address);
    let considered: Vec<&Listener> = listeners
        .iter()
        .filter(|l| settings.include_loopback || !l.loopback)
        .collect();
    let open_ports: BTreeSet<PortSpec> = considered.iter().map(|l| l.spec()).collect();
    // Services that own a listening socket: the ones the network can reach.
    let listening_services: BTreeSet<&String> =
        considered.iter().flat_map(|l| l.services.iter()).collect();
    let mut obs = Observation::pending(Verdict::Pass)
        .with("listening", &listeners)
        .with(
            "open_ports",
            open_ports
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
        )
        .with("listening_services", &listening_services)
        .with("running_services", &report.running_services);

    let allowed_port = |l: &Listener| {
        settings
            .allowed_ports
            .as_ref()
            .is_some_and(|a| a.contains(&l.spec()))
    };
    let entry_points: Vec<&Listener> = considered
        .iter()
        .copied()
        .filter(|l| l.all_addresses && l.is_remote_entry_point())
        .collect();
    let mut failures = Vec::new();
    let open_entry: Vec<String> = entry_points
        .iter()
        .filter(|l| settings.allowed_ports.is_some() && !allowed_port(l))
        .map(|l| l.recorded())
        .collect();
    let listening_entry: Vec<String> = entry_points
        .iter()
        .filter(|l| settings.allowed_ports.is_none() || allowed_port(l))
        .map(|l| l.recorded())
        .collect();
    obs.set(
        "remote_entry_points",
        entry_points
            .iter()
            .map(|l| l.recorded())
            .collect::<Vec<_>>(),
    );
    if !open_entry.is_empty() {
        failures.push(Msg::Windows(WinMsg::RemoteEntryPointsOpen {
            ports: open_entry.clone(),
        }));
    }
    if !listening_entry.is_empty() {
        obs.warnings
            .push(Msg::Windows(WinMsg::RemoteEntryPointsListening {
                ports: listening_entry,
            }));
    }
    if let Some(allowed) = &settings.allowed_services {
        let allowed: BTreeSet<String> = allowed.iter().map(|a| a.to_lowercase()).collect();
        let extra: Vec<String> = listening_services
            .iter()
            .filter(|s| !allowed.contains(&s.to_lowercase()))
            .map(|s| (*s).clone())
            .collect();
        obs.set("services_not_allowed", &extra);
        if !extra.is_empty() {
            failures.push(Msg::ServicesNotAllowed { services: extra });
        }
    }
    if settings.allowed_ports.is_some() {
        let extra: Vec<String> = considered
            .iter()
            .filter(|l| !allowed_port(l))
            .map(|l| l.recorded())
            .filter(|r| !open_entry.contains(r))
            .collect();
        obs.set("ports_not_allowed", &extra);
        if !extra.is_empty() {
            failures.push(Msg::PortsNotAllowed { ports: extra });
        }
    }
    if !failures.is_empty() {
        obs.verdict = Verdict::Fail;
        obs.reasons = failures;
    } else if settings.allowed_services.is_none() && settings.allowed_ports.is_none() {
        obs.verdict = Verdict::Unknown;
        obs.because(Msg::NoAllowlist {
            services: listening_services.len(),
            ports: open_ports.len(),
        });
    } else {
        obs.because(Msg::AllAllowed {
            services: listening_services.len(),
            ports: open_ports.len(),
        });
    }
    obs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netstat_rows_in_any_language() {
        let text = "\nアクティブな接続\n\n  プロトコル  ローカル アドレス      外部アドレス           状態            PID\n  TCP         0.0.0.0:135            0.0.0.0:0              LISTENING       1008\n  TCP         [::]:445               [::]:0                 LISTENING       4\n  TCP         192.168.1.5:50000      203.0.113.9:443        ESTABLISHED     777\n  UDP         0.0.0.0:123            *:*                                    1234\n  UDP         [fe80::1%7]:1900       *:*                                    5678\n  garbage\n  TCP 1.2.3.4:x 0.0.0.0:0 LISTENING 1\n";
        let l = parse_netstat(text);
        let got: Vec<String> = l.iter().map(Listener::recorded).collect();
        assert_eq!(
            got,
            [
                "135/tcp on 0.0.0.0",
                "445/tcp on ::",
                "123/udp on 0.0.0.0",
                "1900/udp on fe80::1%7"
            ]
        );
        assert!(l[1].all_addresses && l[1].is_remote_entry_point());
        assert_eq!(l[0].pid, Some(1008));
    }

    #[test]
    fn tasklist_names_processes_and_services() {
        let t = parse_tasklist(
            "\"System\",\"4\",\"N/A\"\n\"svchost.exe\",\"1008\",\"RpcEptMapper,RpcSs\"\n\"x.exe\",\"9\",\"利用不可\"\nbroken\n",
        );
        assert_eq!(t[&4], ("System".into(), vec![]));
        assert_eq!(
            t[&1008],
            (
                "svchost".into(),
                vec!["RpcEptMapper".into(), "RpcSs".into()]
            )
        );
        assert_eq!(t[&9].1, Vec::<String>::new());
    }
}
