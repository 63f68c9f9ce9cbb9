//! backup-freshness: is the newest backup young enough, and is there enough of it?
//!
//! Plain folders are walked for metadata only (file contents are never read); restic and borg
//! repositories are asked for their snapshot lists (`restic snapshots --json --no-lock`,
//! `borg list --json --bypass-lock`: neither takes a lock nor writes to the repository).
//! It also records whether the backup sits on the same filesystem as the data it protects
//! and where it is mounted: the manual asks for generations kept by more than one method,
//! out of reach of malware, so a backup always online on the same disk earns a warning.

use super::config::{BackupFormat, BackupSettings, HostFilter};
use super::messages::JudgedSnapshot;
use super::walk::{self, Nanos, WalkOptions};
use super::{age, Msg, Observation, Probe, ProbeContext, Verdict};
use crate::checklist::ProbeKind;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

pub struct BackupFreshness {
    settings: BackupSettings,
}

impl BackupFreshness {
    pub fn new(settings: BackupSettings) -> Self {
        BackupFreshness { settings }
    }
}

impl Probe for BackupFreshness {
    fn kind(&self) -> ProbeKind {
        ProbeKind::BackupFreshness
    }

    fn items(&self) -> Vec<String> {
        vec!["backup-and-restore".into()]
    }

    fn parameters(&self) -> Map<String, Value> {
        let s = &self.settings;
        let mut m = Map::new();
        m.insert("path".into(), s.path.clone().into());
        m.insert("format".into(), s.format.as_str().into());
        m.insert("max_age".into(), s.max_age_text.clone().into());
        m.insert("max_age_seconds".into(), s.max_age.as_secs().into());
        m.insert("min_files".into(), s.min_files.into());
        m.insert("min_bytes".into(), s.min_bytes.into());
        m.insert("min_snapshots".into(), s.min_snapshots.into());
        m.insert("protects".into(), s.protects.clone().into());
        m.insert("follow_links".into(), s.follow_links.into());
        m.insert(
            "time_basis".into(),
            if s.mtime_only { "mtime" } else { "change" }.into(),
        );
        if let Some(p) = &s.password_file {
            m.insert("password_file".into(), p.display().to_string().into());
        }
        // Defaults filled in, as the evidence promises.
        m.insert(
            "threads".into(),
            s.threads
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
                .into(),
        );
        match &s.host {
            HostFilter::Any => {
                m.insert("any_host".into(), true.into());
            }
            HostFilter::Named(h) => {
                m.insert("host".into(), h.clone().into());
                m.insert("any_host".into(), false.into());
            }
            HostFilter::ThisHost => {
                m.insert("host".into(), this_host().into());
                m.insert("any_host".into(), false.into());
            }
        }
        m
    }

    fn run(&self, ctx: &ProbeContext) -> Observation {
        let s = &self.settings;
        let remote = is_remote_repository(&s.path);
        let local = ctx.path(&s.path);
        let format = match s.format {
            BackupFormat::Auto if remote => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::RemoteNeedsFormat {
                        path: s.path.clone(),
                    },
                )
            }
            BackupFormat::Auto => detect_format(&local),
            f => f,
        };
        // A protected path that is not there is a mistake in the configuration or a moved
        // folder: say it rather than compare against nothing.
        let missing_protects: Vec<String> = s
            .protects
            .iter()
            .filter(|p| !ctx.path(p.as_str()).exists())
            .cloned()
            .collect();
        let mut obs = match format {
            BackupFormat::Restic => self.restic(
                ctx,
                if remote {
                    PathBuf::from(&s.path)
                } else {
                    local.clone()
                },
            ),
            BackupFormat::Borg => self.borg(
                ctx,
                if remote {
                    PathBuf::from(&s.path)
                } else {
                    local.clone()
                },
            ),
            _ => self.directory(ctx, &local),
        };
        for path in missing_protects {
            obs.warnings.push(Msg::ProtectsMissing { path });
        }
        obs.observed.insert("format".into(), format.as_str().into());
        obs.observed
            .insert("location".into(), local.display().to_string().into());
        if !remote && local.exists() {
            let placement = placement(ctx, &s.path, &local, &s.protects);
            // With no `protects`, the comparison is with `/`, which the next warning covers.
            for p in placement
                .same_filesystem_as
                .iter()
                .filter(|_| !s.protects.is_empty())
            {
                if p.same {
                    obs.warnings.push(Msg::SameFilesystem {
                        path: p.path.clone(),
                    });
                }
            }
            if placement
                .mount
                .as_ref()
                .is_some_and(|m| m.mount_point == "/")
            {
                obs.warnings.push(Msg::OnRootFilesystem);
            }
            obs.set("placement", placement);
        }
        // A missing folder has no drive to judge (as it has no placement above).
        #[cfg(windows)]
        if !remote && ctx.is_real_root() && local.exists() {
            windows_placement(&mut obs, &s.path);
        }
        obs
    }
}

/// Windows: whether the backup's drive stays connected (a share, a mapped or removable drive,
/// a USB disk, the system drive); the decision is `windows::drives::placement`, tested on
/// every OS.
#[cfg(windows)]
fn windows_placement(obs: &mut Observation, path: &str) {
    use super::windows::drives;
    let absolute =
        std::fs::canonicalize(path).map_or_else(|_| path.to_owned(), |p| p.display().to_string());
    let Some(root) = drives::drive_root(&absolute) else {
        return;
    };
    let system = drives::system_drive(std::env::var("SystemDrive").ok().as_deref());
    let (kind, usb) = (drives::drive_kind(&root), drives::on_usb_bus(&root));
    if let Some((placement, warnings)) = drives::placement(&absolute, kind, usb, system) {
        obs.warnings.extend(warnings.into_iter().map(Msg::Windows));
        obs.set("windows_drive", placement);
    }
}

impl BackupFreshness {
    fn directory(&self, ctx: &ProbeContext, local: &Path) -> Observation {
        let s = &self.settings;
        match std::fs::metadata(local) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::BackupMissing {
                        path: local.display().to_string(),
                    },
                )
                .with("exists", false);
            }
            Err(e) => {
                ctx.note_io(local, &e);
                return Observation::new(
                    Verdict::Unknown,
                    Msg::CannotRead {
                        path: local.display().to_string(),
                        error: e.to_string(),
                    },
                );
            }
            Ok(md) if !md.is_dir() => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::BackupNotAFolder {
                        path: local.display().to_string(),
                    },
                )
            }
            Ok(_) => {}
        }
        let stats = walk::walk(
            local,
            WalkOptions {
                follow_links: s.follow_links,
                threads: s.threads.unwrap_or(0),
            },
            ctx.cancel_flag(),
            ctx.seen_counter(),
        );
        for sample in &stats.samples {
            ctx.note(
                Path::new(&sample.path),
                sample.problem,
                Msg::IoProblem {
                    problem: sample.problem.to_owned(),
                    error: sample.message.clone(),
                },
            );
        }
        let newest_mtime = stats.newest_mtime.and_then(nanos_ts);
        let newest_ctime = stats.newest_ctime.and_then(nanos_ts);
        // Copy tools keep the source's mtime; the ctime says when the copy was made.
        let newest = if s.mtime_only {
            newest_mtime
        } else {
            newest_mtime.max(newest_ctime)
        };
        let mut obs = Observation::pending(Verdict::Pass)
            .with("exists", true)
            .with("files", stats.files)
            .with("dirs", stats.dirs)
            .with("symlinks", stats.symlinks)
            .with("other_entries", stats.other)
            .with("bytes", stats.bytes)
            .with("newest_mtime", newest_mtime)
            .with("oldest_mtime", stats.oldest_mtime.and_then(nanos_ts))
            .with("newest_ctime", newest_ctime)
            .with(
                "newest_file",
                stats.newest_file.as_ref().map(|p| p.display().to_string()),
            )
            .with("symlink_loops", stats.loops)
            .with("permission_denied", stats.permission_denied)
            .with("vanished", stats.vanished)
            .with("other_errors", stats.other_errors)
            .with("problems", &stats.samples)
            .with("walk_complete", !stats.stopped);
        let age = newest.map(|t| age(ctx.now(), t));
        obs.set("newest_age_seconds", age.map(|a| a.as_secs()));
        let unread = stats.permission_denied + stats.other_errors;
        if stats.problems() > 0 {
            obs.warnings.push(Msg::WalkProblems {
                loops: stats.loops,
                unreadable: stats.permission_denied,
                vanished: stats.vanished,
                other: stats.other_errors,
            });
        }
        let mut failures = Vec::new();
        if stats.files < s.min_files {
            failures.push(Msg::TooFewFiles {
                files: stats.files,
                min: s.min_files,
            });
        }
        if stats.bytes < s.min_bytes {
            failures.push(Msg::TooFewBytes {
                bytes: stats.bytes,
                min: s.min_bytes,
            });
        }
        match age {
            Some(a) if a > s.max_age => failures.push(Msg::BackupTooOld {
                age_seconds: a.as_secs(),
                max_age: s.max_age_text.clone(),
            }),
            _ => {}
        }
        if failures.is_empty() {
            obs.because(Msg::BackupFresh {
                files: stats.files,
                bytes: stats.bytes,
                age_seconds: age.map(|a| a.as_secs()),
                max_age: s.max_age_text.clone(),
            });
        } else if unread > 0 || stats.stopped {
            // What could not be read may hold the newer files.
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::BackupPartlyUnread {
                failures,
                unreadable: unread,
                stopped: stats.stopped,
            });
        } else {
            obs.verdict = Verdict::Fail;
            obs.reasons = failures;
        }
        obs
    }

    fn repository_env(
        &self,
        ctx: &ProbeContext,
        var: &'static str,
    ) -> Result<Vec<(&'static str, String)>, Observation> {
        let Some(pf) = &self.settings.password_file else {
            return Ok(Vec::new());
        };
        // The password is not evidence: read it without recording a hash of it.
        match std::fs::read_to_string(pf) {
            Ok(p) => Ok(vec![(var, p.trim_end_matches(['\r', '\n']).to_owned())]),
            Err(e) => {
                ctx.note_io(pf, &e);
                Err(Observation::new(
                    Verdict::Unknown,
                    Msg::PasswordFileUnreadable {
                        path: pf.display().to_string(),
                        error: e.to_string(),
                    },
                ))
            }
        }
    }

    fn restic(&self, ctx: &ProbeContext, repo: PathBuf) -> Observation {
        let env = match self.repository_env(ctx, "RESTIC_PASSWORD") {
            Ok(e) => e,
            Err(obs) => return obs,
        };
        let args = vec![
            "-r".to_owned(),
            repo.display().to_string(),
            "snapshots".to_owned(),
            "--json".to_owned(),
            "--no-lock".to_owned(),
            "--no-cache".to_owned(),
        ];
        let out = match ctx.run_command("restic", &args, &env) {
            Ok(o) => o,
            Err(e) => return Observation::new(Verdict::Unknown, e.msg("restic")),
        };
        if !out.success() {
            return Observation::new(
                Verdict::Unknown,
                Msg::ToolFailed {
                    tool: "restic".into(),
                    exit_code: out.exit_code,
                    signal: out.signal,
                    stderr: out.stderr_excerpt(),
                },
            );
        }
        // restic before 0.11 prints `null` for a repository without snapshots, later ones `[]`.
        let snapshots: Vec<ResticSnapshot> =
            match serde_json::from_slice::<Option<Vec<ResticSnapshot>>>(&out.stdout) {
                Ok(v) => v.unwrap_or_default(),
                Err(e) => {
                    return Observation::new(
                        Verdict::Unknown,
                        Msg::ToolJsonNotUnderstood {
                            tool: "restic".into(),
                            error: e.to_string(),
                        },
                    )
                }
            };
        let mut unreadable = Unreadable::default();
        let list: Vec<Snapshot> = snapshots
            .into_iter()
            .filter_map(|s| {
                let Some(time) = parse_time(&s.time) else {
                    unreadable.add(&s.time);
                    return None;
                };
                Some(Snapshot {
                    time,
                    id: s.short_id.or(s.id).unwrap_or_default(),
                    hostname: s.hostname,
                    paths: s.paths,
                })
            })
            .collect();
        self.judge_snapshots(ctx, "restic", list, 0, unreadable)
    }

    fn borg(&self, ctx: &ProbeContext, repo: PathBuf) -> Observation {
        let mut env = match self.repository_env(ctx, "BORG_PASSPHRASE") {
            Ok(e) => e,
            Err(obs) => return obs,
        };
        // Never stop to ask: an unknown or moved repository is an error, not a prompt.
        env.push(("BORG_RELOCATED_REPO_ACCESS_IS_OK", "no".into()));
        env.push(("BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK", "no".into()));
        env.push(("BORG_DISPLAY_PASSPHRASE", "no".into()));
        let args = vec![
            "list".to_owned(),
            "--json".to_owned(),
            "--bypass-lock".to_owned(),
            repo.display().to_string(),
        ];
        let out = match ctx.run_command("borg", &args, &env) {
            Ok(o) => o,
            Err(e) => return Observation::new(Verdict::Unknown, e.msg("borg")),
        };
        if !out.success() {
            return Observation::new(
                Verdict::Unknown,
                Msg::ToolFailed {
                    tool: "borg".into(),
                    exit_code: out.exit_code,
                    signal: out.signal,
                    stderr: out.stderr_excerpt(),
                },
            );
        }
        let listing: BorgList = match serde_json::from_slice(&out.stdout) {
            Ok(v) => v,
            Err(e) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::ToolJsonNotUnderstood {
                        tool: "borg".into(),
                        error: e.to_string(),
                    },
                )
            }
        };
        let mut unreadable = Unreadable::default();
        let all: Vec<Snapshot> = listing
            .archives
            .into_iter()
            .filter_map(|a| {
                let text = a.time.as_deref().or(a.start.as_deref()).unwrap_or_default();
                let Some(time) = parse_time(text) else {
                    unreadable.add(text);
                    return None;
                };
                Some(Snapshot {
                    time,
                    id: a.name.or(a.archive).unwrap_or_default(),
                    hostname: a.hostname,
                    paths: Vec::new(),
                })
            })
            .collect();
        // An interrupted borg 1.x run leaves `NAME.checkpoint` (or `.checkpoint.N`): part of a
        // backup, never a backup.
        let (checkpoints, list): (Vec<Snapshot>, Vec<Snapshot>) =
            all.into_iter().partition(|a| is_borg_checkpoint(&a.id));
        self.judge_snapshots(ctx, "borg", list, checkpoints.len(), unreadable)
    }

    fn judge_snapshots(
        &self,
        ctx: &ProbeContext,
        tool: &str,
        mut all: Vec<Snapshot>,
        checkpoints: usize,
        unreadable: Unreadable,
    ) -> Observation {
        let s = &self.settings;
        // Never a conclusion from what could not be read: with no readable snapshot, unknown.
        if all.is_empty() && unreadable.count > 0 {
            return Observation::new(
                Verdict::Unknown,
                Msg::AllSnapshotsUnreadable {
                    tool: tool.to_owned(),
                    count: unreadable.count,
                    example: unreadable.example,
                },
            )
            .with("unreadable_snapshots", unreadable.count);
        }
        all.sort_by_key(|x| x.time);
        let wanted_host = match &s.host {
            HostFilter::Any => None,
            HostFilter::Named(h) => Some(h.clone()),
            HostFilter::ThisHost => Some(this_host()),
        };
        // Snapshots that say no host (borg 1.x archives) cannot be told apart: they count.
        let (list, other_hosts): (Vec<Snapshot>, Vec<Snapshot>) =
            all.into_iter()
                .partition(|x| match (&wanted_host, &x.hostname) {
                    (Some(want), Some(have)) => same_host(want, have),
                    _ => true,
                });
        // With `protects`, a snapshot counts for the paths it covers (the path itself or a
        // folder above it); each protected path is judged by its own newest snapshot.
        let by_path = !s.protects.is_empty() && list.iter().any(|x| !x.paths.is_empty());
        let (list, other_paths): (Vec<Snapshot>, Vec<Snapshot>) = if by_path {
            list.into_iter()
                .partition(|x| s.protects.iter().any(|p| x.covers(p)))
        } else {
            (list, Vec::new())
        };
        let mut uncovered = Vec::new();
        let judged: Option<&Snapshot> = if by_path {
            let mut worst: Option<&Snapshot> = None;
            for p in &s.protects {
                match list.iter().rev().find(|x| x.covers(p)) {
                    Some(n) => {
                        if worst.is_none_or(|w| n.time < w.time) {
                            worst = Some(n);
                        }
                    }
                    None => uncovered.push(p.clone()),
                }
            }
            worst
        } else {
            list.last()
        };
        let age = judged.map(|n| age(ctx.now(), n.time));
        let mut obs = Observation::pending(Verdict::Pass)
            .with("snapshots", list.len())
            .with("newest_snapshot", list.last())
            .with("judged_snapshot", judged)
            .with("oldest_snapshot_time", list.first().map(|x| x.time))
            .with("newest_age_seconds", age.map(|a| a.as_secs()))
            .with("host_filter", &wanted_host)
            .with("snapshots_of_other_hosts", other_hosts.len())
            .with("snapshots_of_other_paths", other_paths.len());
        if tool == "borg" {
            obs.set("checkpoints", checkpoints);
        }
        if checkpoints > 0 {
            obs.warnings
                .push(Msg::CheckpointsIgnored { count: checkpoints });
        }
        if unreadable.count > 0 {
            obs.set("unreadable_snapshots", unreadable.count);
            obs.warnings.push(Msg::SnapshotsUnreadable {
                tool: tool.to_owned(),
                count: unreadable.count,
                example: unreadable.example,
            });
        }
        if !other_hosts.is_empty() || !other_paths.is_empty() {
            obs.warnings.push(Msg::SnapshotsNotCounted {
                tool: tool.to_owned(),
                other_hosts: other_hosts.len(),
                other_paths: other_paths.len(),
                host: wanted_host.clone().unwrap_or_default(),
            });
        }
        let judged_for_people = judged.map(|n| JudgedSnapshot {
            id: n.id.clone(),
            time: n.time,
            hostname: n.hostname.clone(),
            paths: n.paths.clone(),
        });
        let mut failures = Vec::new();
        // Snapshots there are, none of a protected path: that is the reason, not their count.
        let none_of_the_paths = by_path && list.is_empty();
        if (list.len() as u64) < s.min_snapshots && !none_of_the_paths {
            failures.push(Msg::TooFewSnapshots {
                tool: tool.to_owned(),
                count: list.len(),
                min: s.min_snapshots,
            });
        }
        for path in uncovered {
            failures.push(Msg::NoSnapshotOfPath {
                tool: tool.to_owned(),
                path,
            });
        }
        if let Some(a) = age.filter(|a| *a > s.max_age) {
            failures.push(Msg::SnapshotTooOld {
                tool: tool.to_owned(),
                age_seconds: a.as_secs(),
                max_age: s.max_age_text.clone(),
                judged: judged_for_people.clone(),
            });
        }
        if failures.is_empty() {
            obs.because(Msg::SnapshotsFresh {
                tool: tool.to_owned(),
                count: list.len(),
                age_seconds: age.map(|a| a.as_secs()),
                max_age: s.max_age_text.clone(),
                judged: judged_for_people,
            });
        } else {
            obs.verdict = Verdict::Fail;
            obs.reasons = failures;
        }
        obs
    }
}

/// Snapshots (or archives) whose time could not be read: how many, and the first time text.
#[derive(Debug, Default)]
struct Unreadable {
    count: usize,
    example: String,
}

impl Unreadable {
    fn add(&mut self, time: &str) {
        if self.count == 0 {
            self.example = time.chars().take(60).collect();
        }
        self.count += 1;
    }
}

/// This machine's name, as restic records it.
fn this_host() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// Host names compared as people mean them: ignoring case and the domain.
fn same_host(a: &str, b: &str) -> bool {
    let short = |h: &str| h.split('.').next().unwrap_or(h).to_lowercase();
    a.eq_ignore_ascii_case(b) || short(a) == short(b)
}

/// `NAME.checkpoint`, `NAME.checkpoint.3`: what borg 1.x leaves after an interrupted run.
fn is_borg_checkpoint(name: &str) -> bool {
    match name.rsplit_once(".checkpoint") {
        Some((_, rest)) => {
            rest.is_empty()
                || rest
                    .strip_prefix('.')
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        }
        None => false,
    }
}

/// A path as restic records it on Linux or Windows: `/` separators, no trailing one.
fn normalised(p: &str) -> String {
    let mut p = p.replace('\\', "/");
    // `/srv//karte` is `/srv/karte`, as the file system reads it.
    while p.contains("//") {
        p = p.replace("//", "/");
    }
    let t = p.trim_end_matches('/');
    if t.is_empty() {
        "/".to_owned()
    } else {
        t.to_owned()
    }
}

impl Snapshot {
    /// Whether this snapshot holds `protected`: one of its paths is it or a folder above it.
    fn covers(&self, protected: &str) -> bool {
        let want = normalised(protected);
        // Windows paths (`C:/Users`) compare without case, as Windows does.
        let windows = want.as_bytes().get(1) == Some(&b':');
        self.paths.iter().any(|p| {
            let have = normalised(p);
            let (have, want) = if windows {
                (have.to_lowercase(), want.to_lowercase())
            } else {
                (have, want.clone())
            };
            have == "/"
                || want == have
                || want
                    .strip_prefix(&have)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    }
}

/// A snapshot or archive, the same for restic and borg.
#[derive(Debug, Clone, Serialize)]
struct Snapshot {
    time: Timestamp,
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hostname: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    paths: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct ResticSnapshot {
    #[serde(default)]
    time: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    short_id: Option<String>,
    #[serde(default)]
    hostname: Option<String>,
    #[serde(default)]
    paths: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct BorgList {
    #[serde(default)]
    archives: Vec<BorgArchive>,
}

#[derive(Debug, serde::Deserialize)]
struct BorgArchive {
    #[serde(default)]
    name: Option<String>,
    /// borg 2 says which machine made the archive; borg 1.x does not.
    #[serde(default)]
    hostname: Option<String>,
    #[serde(default)]
    archive: Option<String>,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    start: Option<String>,
}

/// RFC 3339 with an offset (restic, borg 2), or a local time without one (borg 1.x prints
/// the machine's local time).
fn parse_time(s: &str) -> Option<Timestamp> {
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t);
    }
    let dt: jiff::civil::DateTime = s.parse().ok()?;
    dt.to_zoned_datetime(jiff::tz::TimeZone::system())
        .ok()
        .map(|z| z.timestamp())
}

fn nanos_ts(n: Nanos) -> Option<Timestamp> {
    Timestamp::from_nanosecond(n).ok()
}

/// restic/borg repository strings that are not local paths: `sftp:`, `rest:`, `s3:`, `ssh://`.
pub(crate) fn is_remote_repository(path: &str) -> bool {
    if path.contains("://") {
        return true;
    }
    match path.split_once(':') {
        // `C:\backup` is a Windows drive, not a scheme.
        Some((scheme, _)) => scheme.len() > 1 && !scheme.contains(['/', '\\']),
        None => false,
    }
}

/// Which kind of backup is at `path`.
pub fn detect_format(path: &Path) -> BackupFormat {
    if path.join("config").is_file()
        && path.join("keys").is_dir()
        && path.join("snapshots").is_dir()
    {
        return BackupFormat::Restic;
    }
    // Only the first bytes: a file called README in a backup folder may be of any size.
    const BORG: &[u8] = b"This is a Borg Backup repository";
    let mut head = [0u8; BORG.len()];
    let is_borg = std::fs::File::open(path.join("README"))
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| head == *BORG);
    if is_borg {
        return BackupFormat::Borg;
    }
    BackupFormat::Directory
}

/// Where the backup lives.
#[derive(Debug, Clone, Serialize)]
pub struct Placement {
    /// The mount the backup is on now (from /proc/self/mountinfo), when known.
    pub mount: Option<Mount>,
    /// Whether the backup is on a mount of its own (not the system's root filesystem).
    pub separate_mount: Option<bool>,
    /// For each protected path (or `/` when none is configured): same filesystem or not.
    pub same_filesystem_as: Vec<SameFilesystem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SameFilesystem {
    pub path: String,
    pub same: bool,
}

/// One line of /proc/self/mountinfo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mount {
    pub mount_point: String,
    pub fs_type: String,
    pub source: String,
    /// Network filesystems (nfs, cifs, sshfs...) are reachable from other machines too.
    pub network: bool,
}

fn placement(
    ctx: &ProbeContext,
    system_path: &str,
    local: &Path,
    protects: &[String],
) -> Placement {
    let mounts = ctx
        .read_optional(&ctx.path("/proc/self/mountinfo"))
        .ok()
        .flatten()
        .map(|b| parse_mountinfo(&String::from_utf8_lossy(&b)))
        .unwrap_or_default();
    // On the real machine, resolve links so the mount lookup sees the real place.
    let logical = if ctx.is_real_root() {
        std::fs::canonicalize(local)
            .map_or_else(|_| system_path.to_owned(), |p| p.display().to_string())
    } else {
        system_path.to_owned()
    };
    let mount = mount_of(&mounts, &logical).cloned();
    let separate_mount = mount.as_ref().map(|m| m.mount_point != "/");
    let targets: Vec<String> = if protects.is_empty() {
        vec!["/".to_owned()]
    } else {
        protects.to_vec()
    };
    let same_filesystem_as = targets
        .iter()
        .filter_map(|t| {
            let same = same_device(local, &ctx.path(t))?;
            Some(SameFilesystem {
                path: t.clone(),
                same,
            })
        })
        .collect();
    Placement {
        mount,
        separate_mount,
        same_filesystem_as,
    }
}

#[cfg(unix)]
fn same_device(a: &Path, b: &Path) -> Option<bool> {
    use std::os::unix::fs::MetadataExt;
    Some(std::fs::metadata(a).ok()?.dev() == std::fs::metadata(b).ok()?.dev())
}

#[cfg(not(unix))]
fn same_device(_a: &Path, _b: &Path) -> Option<bool> {
    None
}

/// Parse /proc/self/mountinfo.
pub fn parse_mountinfo(text: &str) -> Vec<Mount> {
    text.lines()
        .filter_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            let left: Vec<&str> = left.split(' ').collect();
            let right: Vec<&str> = right.split(' ').collect();
            let fs_type = right.first()?.to_string();
            let network = matches!(
                fs_type.as_str(),
                "nfs"
                    | "nfs4"
                    | "cifs"
                    | "smb3"
                    | "smbfs"
                    | "fuse.sshfs"
                    | "9p"
                    | "ceph"
                    | "glusterfs"
            );
            Some(Mount {
                mount_point: unescape_octal(left.get(4)?),
                fs_type,
                source: unescape_octal(right.get(1).unwrap_or(&"")),
                network,
            })
        })
        .collect()
}

/// The mount holding `path`: the longest mount point that is a prefix of it (later mounts on
/// the same point win).
pub fn mount_of<'a>(mounts: &'a [Mount], path: &str) -> Option<&'a Mount> {
    let under = |mp: &str| {
        mp == "/"
            || path == mp
            || path
                .strip_prefix(mp)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    mounts
        .iter()
        .enumerate()
        .filter(|(_, m)| under(&m.mount_point))
        .max_by_key(|(i, m)| (m.mount_point.len(), *i))
        .map(|(_, m)| m)
}

fn unescape_octal(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let octal = b
            .get(i + 1..i + 4)
            .filter(|d| c == b'\\' && d.iter().all(|c| (b'0'..=b'7').contains(c)))
            .map(|d| d.iter().fold(0u32, |v, c| v * 8 + u32::from(c - b'0')))
            .and_then(|v| u8::try_from(v).ok());
        if let Some(v) = octal {
            out.push(v);
            i += 4;
        } else {
            out.push(c);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {

    #[test]
    fn protected_paths_are_compared_normalised() {
        assert_eq!(normalised("/srv//karte/"), "/srv/karte");
        assert_eq!(normalised("/srv/karte///"), "/srv/karte");
        assert_eq!(normalised("//"), "/");
        assert_eq!(normalised("C:\\Users\\\\karte\\"), "C:/Users/karte");
    }

    use super::*;

    #[test]
    fn mountinfo_longest_prefix_wins() {
        let text = "22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n\
                    30 22 8:17 / /srv/back\\040up rw - ext4 /dev/sdb1 rw\n\
                    31 22 0:50 / /mnt/nas rw - nfs4 nas:/export rw\n";
        let m = parse_mountinfo(text);
        assert_eq!(m.len(), 3);
        assert_eq!(
            mount_of(&m, "/srv/back up/daily").unwrap().source,
            "/dev/sdb1"
        );
        assert_eq!(mount_of(&m, "/srv/back upx").unwrap().mount_point, "/");
        assert!(mount_of(&m, "/mnt/nas/x").unwrap().network);
    }

    #[test]
    fn odd_escapes_in_mountinfo_are_kept_not_a_panic() {
        assert_eq!(unescape_octal("/a\\040b"), "/a b");
        assert_eq!(unescape_octal("/a\\777"), "/a\\777");
        assert_eq!(unescape_octal("/a\\04"), "/a\\04");
        assert_eq!(unescape_octal("\\"), "\\");
        let m = parse_mountinfo("1 2 3:4 / /x\\777 rw - ext4 /dev/\\999 rw\n");
        assert_eq!(m[0].mount_point, "/x\\777");
    }

    #[test]
    fn a_huge_readme_is_not_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = b"This is a Borg Backup repository.\n".to_vec();
        text.resize(1 << 20, b'x');
        std::fs::write(dir.path().join("README"), &text).unwrap();
        assert_eq!(detect_format(dir.path()), BackupFormat::Borg);
        std::fs::write(dir.path().join("README"), b"short").unwrap();
        assert_eq!(detect_format(dir.path()), BackupFormat::Directory);
    }

    #[test]
    fn times_with_and_without_offsets() {
        let t = parse_time("2024-01-01T10:00:00.123456789+09:00").unwrap();
        assert_eq!(t.to_string(), "2024-01-01T01:00:00.123456789Z");
        assert!(parse_time("2024-01-01T10:00:00.000000").is_some());
        assert!(parse_time("yesterday").is_none());
    }

    fn settings(max_age_secs: u64) -> BackupSettings {
        BackupSettings {
            path: "/backup".into(),
            format: BackupFormat::Directory,
            max_age: std::time::Duration::from_secs(max_age_secs),
            max_age_text: format!("{max_age_secs}s"),
            min_files: 1,
            min_bytes: 0,
            min_snapshots: 2,
            protects: Vec::new(),
            follow_links: false,
            password_file: None,
            threads: Some(1),
            mtime_only: true,
            host: HostFilter::Any,
        }
    }

    fn context_at(now: Timestamp) -> ProbeContext {
        let mut ctx = ProbeContext::new(Path::new("/"), std::time::Duration::from_secs(60));
        ctx.now = now;
        ctx
    }

    #[test]
    fn snapshots_exactly_max_age_old_are_fresh_and_one_second_more_is_not() {
        let probe = BackupFreshness::new(settings(86_400));
        let t = Timestamp::from_second(1_750_000_000).unwrap();
        let snap = |time| Snapshot {
            time,
            id: "a".into(),
            hostname: None,
            paths: Vec::new(),
        };
        let two = || vec![snap(t - jiff::SignedDuration::from_hours(48)), snap(t)];
        let at = |secs| context_at(t + jiff::SignedDuration::from_secs(secs));
        assert_eq!(
            probe
                .judge_snapshots(&at(86_400), "restic", two(), 0, Unreadable::default())
                .verdict,
            Verdict::Pass
        );
        assert_eq!(
            probe
                .judge_snapshots(&at(86_401), "restic", two(), 0, Unreadable::default())
                .verdict,
            Verdict::Fail
        );
        // min_snapshots = 2: two are enough, one is too few.
        let one = probe.judge_snapshots(&at(0), "restic", vec![snap(t)], 0, Unreadable::default());
        assert_eq!(one.verdict, Verdict::Fail);
        assert!(matches!(
            one.reasons[0],
            Msg::TooFewSnapshots {
                count: 1,
                min: 2,
                ..
            }
        ));
    }

    #[test]
    fn borg_checkpoints_are_recognised_by_name() {
        for name in [
            "srv-2026-11-28.checkpoint",
            "a.checkpoint.1",
            "a.checkpoint.12",
        ] {
            assert!(is_borg_checkpoint(name), "{name}");
        }
        for name in [
            "checkpoints-2026",
            "a.checkpoint.x",
            "a.checkpoint.",
            "a.checkpointed",
        ] {
            assert!(!is_borg_checkpoint(name), "{name}");
        }
    }

    #[test]
    fn a_snapshot_covers_its_paths_and_what_is_below_them() {
        let snap = |paths: &[&str]| Snapshot {
            time: Timestamp::UNIX_EPOCH,
            id: "a".into(),
            hostname: None,
            paths: paths.iter().map(|p| (*p).to_owned()).collect(),
        };
        assert!(snap(&["/srv/karte"]).covers("/srv/karte"));
        assert!(snap(&["/srv/karte/"]).covers("/srv/karte"));
        assert!(snap(&["/srv"]).covers("/srv/karte/db"));
        assert!(snap(&["/"]).covers("/srv/karte"));
        assert!(!snap(&["/srv/kart"]).covers("/srv/karte"));
        assert!(!snap(&["/srv/karte/db"]).covers("/srv/karte"));
        assert!(!snap(&["/home/a/Documents"]).covers("/srv/karte"));
        assert!(snap(&["C:\\Users\\Karte"]).covers("c:\\users\\karte\\2026"));
        assert!(same_host("SV-KARTE01.example.lan", "sv-karte01"));
        assert!(!same_host("uketsuke-pc", "sv-karte01"));
    }

    #[test]
    fn a_folder_exactly_max_age_old_is_fresh_and_one_second_more_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.dump");
        std::fs::write(&file, b"x").unwrap();
        let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
        let mtime = Timestamp::try_from(mtime).unwrap();
        let probe = BackupFreshness::new(settings(3_600));
        let at = |secs| context_at(mtime + jiff::SignedDuration::from_secs(secs));
        let fresh = probe.directory(&at(3_600), dir.path());
        assert_eq!(fresh.verdict, Verdict::Pass, "{:?}", fresh.reasons);
        let stale = probe.directory(&at(3_601), dir.path());
        assert_eq!(stale.verdict, Verdict::Fail, "{:?}", stale.reasons);
        assert!(matches!(
            stale.reasons[0],
            Msg::BackupTooOld {
                age_seconds: 3_601,
                ..
            }
        ));
        // min_files = 1 is met by one file; min_bytes counts bytes.
        let mut s = settings(3_600);
        s.min_files = 2;
        s.min_bytes = 1;
        let two = BackupFreshness::new(s).directory(&at(0), dir.path());
        assert_eq!(two.verdict, Verdict::Fail);
        assert!(matches!(
            two.reasons[0],
            Msg::TooFewFiles { files: 1, min: 2 }
        ));
        assert_eq!(two.reasons.len(), 1, "one byte meets min_bytes = 1");
    }

    #[test]
    fn remote_repositories() {
        assert!(is_remote_repository("sftp:backup@nas:/srv/restic"));
        assert!(is_remote_repository("ssh://u@h/./repo"));
        assert!(!is_remote_repository("/srv/backup"));
        assert!(!is_remote_repository("C:\\backup"));
    }
}
