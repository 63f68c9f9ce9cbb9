//! Local probes: evidence for checklist items read from the machine itself.
//!
//! A [`Probe`] reads (never writes) files under a root directory (`/` on a real machine, a
//! fixture tree in tests) through a [`ProbeContext`], which hashes every file read, records
//! every command run and everything that could not be read. [`run_all`] runs the configured
//! probes one after another, each in its own thread with its own timeout, and returns an
//! [`Evidence`] document. Probes never print; progress goes through the [`Progress`] trait.

pub mod accounts;
pub mod backup;
pub mod config;
pub mod contradictions;
pub mod evidence;
pub mod ledger;
pub mod messages;
pub mod patch;
pub mod services;
pub mod text;
pub mod walk;
pub mod windows;

pub use config::{ConfigError, ProbeConfig, ProbeSettings, ProbeSpec, Role};
pub use evidence::{
    CommandRecord, Contradiction, Evidence, FileRecord, GateSkip, Host, ProbeResult, Tool,
    Unreadable, Verdict, EVIDENCE_FORMAT_VERSION,
};
pub use messages::{Coded, Msg};

use crate::checklist::ProbeKind;
use jiff::Timestamp;
use serde_json::{Map, Value};
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// One kind of local check.
pub trait Probe: Send + Sync {
    fn kind(&self) -> ProbeKind;
    /// Stable IDs of the checklist items the result supports.
    fn items(&self) -> Vec<String>;
    /// The parameters, defaults filled in, as they go into the evidence.
    fn parameters(&self) -> Map<String, Value>;
    /// Look, and say what was seen. Reads only through `ctx`.
    fn run(&self, ctx: &ProbeContext) -> Observation;
}

/// What a probe concluded, before the runner adds times, host and file hashes.
#[derive(Debug, Clone)]
pub struct Observation {
    pub verdict: Verdict,
    /// Why: one message, or several (each failed threshold) that together are the reason.
    pub reasons: Vec<Msg>,
    pub observed: Map<String, Value>,
    pub warnings: Vec<Msg>,
}

impl Observation {
    pub fn new(verdict: Verdict, reason: Msg) -> Self {
        Observation {
            verdict,
            reasons: vec![reason],
            observed: Map::new(),
            warnings: Vec::new(),
        }
    }

    /// A verdict whose reason is given later (with [`because`](Self::because)).
    pub fn pending(verdict: Verdict) -> Self {
        Observation {
            verdict,
            reasons: Vec::new(),
            observed: Map::new(),
            warnings: Vec::new(),
        }
    }

    /// Set the reason to one message.
    pub fn because(&mut self, reason: Msg) {
        self.reasons = vec![reason];
    }

    /// Add a named observed field.
    pub fn with(mut self, key: &str, value: impl serde::Serialize) -> Self {
        self.set(key, value);
        self
    }

    pub fn set(&mut self, key: &str, value: impl serde::Serialize) {
        self.observed.insert(
            key.to_owned(),
            serde_json::to_value(value).unwrap_or(Value::Null),
        );
    }
}

/// Progress of a run, shown by the command on a terminal.
pub trait Progress: Sync {
    /// A probe starts.
    fn start(&self, kind: ProbeKind, name: Option<&str>);
    /// Things seen so far by the running probe (files walked, packages read).
    fn update(&self, seen: u64);
    /// The probe ended.
    fn finish(&self, verdict: Verdict);
}

/// No progress shown.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: ProbeKind, _: Option<&str>) {}
    fn update(&self, _: u64) {}
    fn finish(&self, _: Verdict) {}
}

/// Why an external command gave no output.
#[derive(Debug)]
pub enum CommandError {
    /// The program is not installed.
    Missing(String),
    /// Killed at the probe's deadline.
    TimedOut,
    Io(std::io::Error),
}

/// The English text, as the evidence records it (said in the reader's language by
/// [`messages::detail`]).
impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lang = crate::checklist::Lang::En;
        match self {
            CommandError::Missing(p) => {
                f.write_str(&crate::tr!(lang, "probes-tool-missing", tool = p.as_str()))
            }
            CommandError::TimedOut => f.write_str(&crate::tr!(lang, "probes-error-timeout")),
            CommandError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl CommandError {
    /// The message for a reason: `tool` could not be run.
    pub fn msg(&self, tool: &str) -> Msg {
        match self {
            CommandError::Missing(p) => Msg::ToolMissing { tool: p.clone() },
            _ => Msg::CannotRunTool {
                tool: tool.to_owned(),
                error: self.to_string(),
            },
        }
    }
}

/// What an external command printed.
#[derive(Debug)]
pub struct CommandOutput {
    pub exit_code: Option<i32>,
    /// The signal that ended the command (Unix), when it has no exit code.
    pub signal: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl CommandOutput {
    pub fn success(&self) -> bool {
        self.exit_code == Some(0)
    }

    /// The first lines of stderr, for a reason.
    pub fn stderr_excerpt(&self) -> String {
        let s = String::from_utf8_lossy(&self.stderr);
        let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).take(3).collect();
        lines.join(" / ")
    }
}

/// What a probe may touch: files under the root, commands, the clock. Records all of it.
pub struct ProbeContext {
    root: PathBuf,
    now: Timestamp,
    deadline: Instant,
    cancel: AtomicBool,
    seen: AtomicU64,
    files: Mutex<Vec<FileRecord>>,
    commands: Mutex<Vec<CommandRecord>>,
    unreadable: Mutex<Vec<Unreadable>>,
}

impl ProbeContext {
    pub fn new(root: &Path, timeout: Duration) -> Self {
        ProbeContext {
            root: root.to_owned(),
            now: Timestamp::now(),
            deadline: Instant::now() + timeout,
            cancel: AtomicBool::new(false),
            seen: AtomicU64::new(0),
            files: Mutex::new(Vec::new()),
            commands: Mutex::new(Vec::new()),
            unreadable: Mutex::new(Vec::new()),
        }
    }

    /// When the probe started; ages are measured from here.
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Whether the root is the real machine's `/`.
    pub fn is_real_root(&self) -> bool {
        self.root == Path::new("/")
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A system path (`/etc/passwd`) under the root. Relative paths are taken as they are
    /// (relative to the working directory), so users can name files next to their config.
    /// On Windows `/etc/passwd` has a root but no drive (it is not `is_absolute`): it is a
    /// system path all the same and goes under the root, never onto the current drive.
    pub fn path(&self, system_path: impl AsRef<Path>) -> PathBuf {
        let p = system_path.as_ref();
        if !p.has_root() || self.is_real_root() {
            return p.to_owned();
        }
        let rel: PathBuf = p
            .components()
            .filter(|c| !matches!(c, Component::RootDir | Component::Prefix(_)))
            .collect();
        self.root.join(rel)
    }

    /// Stop work: the probe ran out of time.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed) || Instant::now() >= self.deadline
    }

    /// Count things seen, for progress.
    pub fn tick(&self, n: u64) {
        self.seen.fetch_add(n, Ordering::Relaxed);
    }

    pub fn seen(&self) -> u64 {
        self.seen.load(Ordering::Relaxed)
    }

    /// The seen-counter itself, for walkers that count from many threads.
    pub fn seen_counter(&self) -> &AtomicU64 {
        &self.seen
    }

    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// Read a whole file and record its hash; a failure is recorded as unreadable.
    pub fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        self.read_kind(path, crate::limits::InputKind::System)
    }

    /// Like [`read`](Self::read), within the size limit of `kind` (a regular file only).
    pub fn read_kind(
        &self,
        path: &Path,
        kind: crate::limits::InputKind,
    ) -> std::io::Result<Vec<u8>> {
        match crate::limits::read_stream(path, kind).map_err(std::io::Error::from) {
            Ok(bytes) => {
                self.record_file(FileRecord::of_bytes(path, &bytes));
                Ok(bytes)
            }
            Err(e) => {
                self.note_io(path, &e);
                Err(e)
            }
        }
    }

    /// Like [`read`](Self::read), but a missing file is `None` and not recorded as a problem.
    pub fn read_optional(&self, path: &Path) -> std::io::Result<Option<Vec<u8>>> {
        match crate::limits::read_stream(path, crate::limits::InputKind::System)
            .map_err(std::io::Error::from)
        {
            Ok(bytes) => {
                self.record_file(FileRecord::of_bytes(path, &bytes));
                Ok(Some(bytes))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => {
                self.note_io(path, &e);
                Err(e)
            }
        }
    }

    pub fn record_file(&self, record: FileRecord) {
        lock(&self.files).push(record);
    }

    /// Record an I/O failure on `path`.
    pub fn note_io(&self, path: &Path, e: &std::io::Error) {
        let problem = match e.kind() {
            std::io::ErrorKind::PermissionDenied => "permission-denied",
            std::io::ErrorKind::NotFound => "not-found",
            _ => "error",
        };
        self.note(
            path,
            problem,
            Msg::IoProblem {
                problem: problem.to_owned(),
                error: e.to_string(),
            },
        );
    }

    /// Record something that could not be read: `problem` is the stable kind
    /// (`permission-denied`...), `message` says what happened.
    pub fn note(&self, path: &Path, problem: &str, message: Msg) {
        lock(&self.unreadable).push(Unreadable {
            path: path.display().to_string(),
            problem: problem.to_owned(),
            message: message.text(crate::checklist::Lang::En),
            detail: Some(Coded::from(&message)),
        });
    }

    /// Run a command that only reads, with stdin closed, killed at the deadline. The command
    /// line and the hash of its output are recorded; environment values (passwords) are not.
    pub fn run_command(
        &self,
        program: &str,
        args: &[String],
        env: &[(&str, String)],
    ) -> Result<CommandOutput, CommandError> {
        let mut argv = vec![program.to_owned()];
        argv.extend(args.iter().cloned());
        let result = run_with_deadline(program, args, env, self.deadline, &self.cancel);
        let (exit_code, stdout): (Option<i32>, &[u8]) = match &result {
            Ok(out) => (out.exit_code, &out.stdout),
            Err(_) => (None, &[]),
        };
        lock(&self.commands).push(CommandRecord {
            argv,
            exit_code,
            stdout_sha256: evidence::sha256_hex(stdout),
            stdout_bytes: stdout.len() as u64,
        });
        if let Err(CommandError::Missing(p)) = &result {
            self.note(
                Path::new(p),
                "missing-tool",
                Msg::ToolMissing { tool: p.clone() },
            );
        }
        result
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn run_with_deadline(
    program: &str,
    args: &[String],
    env: &[(&str, String)],
    deadline: Instant,
    cancel: &AtomicBool,
) -> Result<CommandOutput, CommandError> {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CommandError::Missing(program.to_owned()),
        _ => CommandError::Io(e),
    })?;
    let (Some(mut out), Some(mut err)) = (child.stdout.take(), child.stderr.take()) else {
        // Both were asked for as pipes above; never leave a child behind if one is missing.
        let _ = child.kill();
        let _ = child.wait();
        return Err(CommandError::Io(std::io::Error::other(
            "the child's output pipes are missing",
        )));
    };
    // Output past the limits is drained, not kept, so the tool neither blocks nor fills memory
    // (a cut JSON document is then refused as not understood).
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = (&mut out)
            .take(crate::limits::SYSTEM_MAX_BYTES)
            .read_to_end(&mut v);
        let _ = std::io::copy(&mut out, &mut std::io::sink());
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = (&mut err)
            .take(crate::limits::SETTINGS_MAX_BYTES)
            .read_to_end(&mut v);
        let _ = std::io::copy(&mut err, &mut std::io::sink());
        v
    });
    let status = loop {
        match child.try_wait().map_err(CommandError::Io)? {
            Some(status) => break status,
            None if Instant::now() >= deadline || cancel.load(Ordering::Relaxed) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(CommandError::TimedOut);
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    };
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal = None;
    Ok(CommandOutput {
        exit_code: status.code(),
        signal,
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
    })
}

/// Options of one run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Where probes read from; `/` on a real machine.
    pub root: PathBuf,
}

/// Leaves out of `config` every probe that checks only items the gate question switches off,
/// when the answers' gate question (前提の質問) is answered いいえ in round 1 (the checklist's
/// rule, [`crate::answers::rules::gate_says_none`]). Returns what was left out, with the gate
/// item, or `None` when the gate does not say none or no probe was left out.
pub fn skip_for_gate<'c>(
    config: &mut ProbeConfig,
    answers: &crate::answers::AnswerSet,
    checklist: &'c crate::checklist::Checklist,
) -> Option<(&'c crate::checklist::Item, GateSkip)> {
    if !crate::answers::rules::gate_says_none(answers, checklist) {
        return None;
    }
    let gate = checklist.items.iter().find(|i| i.gate)?;
    let role = config.role;
    let before = config.probes.len();
    config
        .probes
        .retain(|spec| items_for(spec.kind(), role).contains(&gate.id));
    let probes = before - config.probes.len();
    (probes > 0).then(|| {
        (
            gate,
            GateSkip {
                item: gate.id.clone(),
                probes,
            },
        )
    })
}

/// The checklist items a probe kind supports, for the machine's role.
pub fn items_for(kind: ProbeKind, role: Role) -> Vec<String> {
    let target = role.as_str();
    let v: Vec<String> = match kind {
        ProbeKind::PatchLevel => vec![
            "security-patches".into(),
            format!("security-patches-{target}"),
        ],
        ProbeKind::BackupFreshness => vec!["backup-and-restore".into()],
        ProbeKind::Accounts => vec![format!("unused-accounts-{target}")],
        ProbeKind::Services => vec![format!("unneeded-software-{target}")],
        ProbeKind::AssetLedger => vec!["asset-ledger".into()],
    };
    v
}

/// Build the probe for a configured entry.
pub fn build(spec: &ProbeSpec, role: Role) -> Arc<dyn Probe> {
    match &spec.settings {
        ProbeSettings::PatchLevel(s) => Arc::new(patch::PatchLevel::new(s.clone(), role)),
        ProbeSettings::BackupFreshness(s) => Arc::new(backup::BackupFreshness::new(s.clone())),
        ProbeSettings::Accounts(s) => Arc::new(accounts::Accounts::new(s.clone(), role)),
        ProbeSettings::Services(s) => Arc::new(services::Services::new(s.clone(), role)),
        ProbeSettings::AssetLedger(s) => Arc::new(ledger::AssetLedger::new(s.clone())),
    }
}

/// The probes that suit this machine when no configuration is given: patch level, accounts
/// (Unix, Windows) and services (Linux, Windows); backups and the ledger need a path, so they
/// need a configuration.
pub fn default_config() -> ProbeConfig {
    let mut probes = vec![ProbeSpec {
        name: None,
        timeout: config::DEFAULT_TIMEOUT,
        settings: ProbeSettings::PatchLevel(config::PatchLevelSettings {
            source: config::PatchSource::Auto,
            max_days_since_update: 30,
            max_pending_security: 0,
            hotfix_csv: None,
            date_order: None,
        }),
    }];
    if cfg!(unix) || cfg!(windows) {
        probes.push(ProbeSpec {
            name: None,
            timeout: config::DEFAULT_TIMEOUT,
            settings: ProbeSettings::Accounts(config::AccountsSettings {
                max_unused_days: 90,
                leavers: Vec::new(),
                leavers_file: None,
                ignore: Vec::new(),
            }),
        });
    }
    if cfg!(target_os = "linux") || cfg!(windows) {
        probes.push(ProbeSpec {
            name: None,
            timeout: config::DEFAULT_TIMEOUT,
            settings: ProbeSettings::Services(config::ServicesSettings {
                allowed_services: None,
                allowed_ports: None,
                include_loopback: false,
            }),
        });
    }
    ProbeConfig {
        role: Role::Server,
        probes,
    }
}

/// Facts about the machine, read under the root where that makes sense.
pub fn host_info(root: &Path) -> Host {
    let ctx = ProbeContext::new(root, Duration::from_secs(5));
    let os_release = std::fs::read_to_string(ctx.path("/etc/os-release"))
        .ok()
        .and_then(|t| os_release_field(&t, "PRETTY_NAME"));
    let kernel = std::fs::read_to_string(ctx.path("/proc/sys/kernel/osrelease"))
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    Host {
        name: gethostname::gethostname().to_string_lossy().into_owned(),
        os: std::env::consts::OS.to_owned(),
        os_release,
        kernel,
    }
}

/// A field of /etc/os-release, unquoted.
pub fn os_release_field(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').trim_matches('\'').to_owned())
    })
}

/// Run every configured probe, one after another, each with its own timeout.
pub fn run_all(config: &ProbeConfig, options: &RunOptions, progress: &dyn Progress) -> Evidence {
    let started = Timestamp::now();
    let host = host_info(&options.root);
    let mut results = Vec::new();
    for spec in &config.probes {
        let probe = build(spec, config.role);
        progress.start(spec.kind(), spec.name.as_deref());
        let result = run_one(probe, spec, &options.root, &host.name, progress);
        progress.finish(result.verdict);
        results.push(result);
    }
    Evidence {
        format_version: EVIDENCE_FORMAT_VERSION,
        tool: Tool::this(),
        host,
        started,
        finished: Timestamp::now(),
        root: options.root.display().to_string(),
        config: None,
        answers: None,
        institution: None,
        results,
        contradictions: Vec::new(),
        skipped_by_gate: None,
    }
}

/// Run one probe in its own thread; past its timeout it is told to stop and left behind, and
/// the result says so.
pub fn run_one(
    probe: Arc<dyn Probe>,
    spec: &ProbeSpec,
    root: &Path,
    host: &str,
    progress: &dyn Progress,
) -> ProbeResult {
    let ctx = Arc::new(ProbeContext::new(root, spec.timeout));
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    {
        let ctx = Arc::clone(&ctx);
        let probe = Arc::clone(&probe);
        std::thread::spawn(move || {
            let obs = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| probe.run(&ctx)));
            let _ = tx.send(obs);
        });
    }
    let observation = loop {
        match rx.recv_timeout(Duration::from_millis(100)) {
            // A command killed at the deadline comes back as an ordinary "unknown".
            Ok(Ok(obs)) if obs.verdict == Verdict::Unknown && ctx.cancelled() => {
                break timed_out(spec.timeout, obs)
            }
            Ok(Ok(obs)) => break obs,
            Ok(Err(_)) => break Observation::new(Verdict::Unknown, Msg::InternalError),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                progress.update(ctx.seen());
                if started.elapsed() >= spec.timeout {
                    ctx.cancel();
                    // Give a cancelled walk a moment to stop cleanly.
                    if let Ok(Ok(obs)) = rx.recv_timeout(Duration::from_millis(500)) {
                        if obs.verdict != Verdict::Pass {
                            break timed_out(spec.timeout, obs);
                        }
                    }
                    break timed_out(spec.timeout, Observation::pending(Verdict::Unknown));
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                break Observation::new(Verdict::Unknown, Msg::NoResult)
            }
        }
    };
    let files = lock(&ctx.files).clone();
    let commands = lock(&ctx.commands).clone();
    let unreadable = lock(&ctx.unreadable).clone();
    let mut reasons = observation.reasons;
    if reasons.is_empty() {
        // A probe that forgot to say why is a bug; say so rather than leave it blank.
        reasons.push(Msg::InternalError);
    }
    ProbeResult {
        kind: spec.kind(),
        name: spec.name.clone(),
        verdict: observation.verdict,
        reason: messages::join_en(&reasons),
        reason_code: reasons.first().unwrap_or(&Msg::InternalError).code(),
        reason_details: reasons.iter().map(Coded::from).collect(),
        items: probe.items(),
        observed: observation.observed,
        parameters: {
            let mut p = probe.parameters();
            p.insert(
                "timeout_seconds".into(),
                Value::from(spec.timeout.as_secs()),
            );
            p.insert("root".into(), Value::from(root.display().to_string()));
            p
        },
        time: ctx.now(),
        duration_ms: started.elapsed().as_millis() as u64,
        host: host.to_owned(),
        files,
        commands,
        unreadable,
        warnings: observation
            .warnings
            .iter()
            .map(|w| w.text(crate::checklist::Lang::En))
            .collect(),
        warning_details: observation.warnings.iter().map(Coded::from).collect(),
    }
}

fn timed_out(timeout: Duration, partial: Observation) -> Observation {
    let mut obs = partial;
    obs.verdict = Verdict::Unknown;
    obs.because(Msg::TimedOut {
        seconds: timeout.as_secs(),
    });
    obs
}

/// A timestamp from seconds since the epoch, if representable.
pub(crate) fn ts(secs: i64, nanos: i32) -> Option<Timestamp> {
    Timestamp::new(secs, nanos).ok()
}

/// The age of `then` at `now`; zero when `then` is in the future.
pub fn age(now: Timestamp, then: Timestamp) -> Duration {
    let d = now.as_nanosecond() - then.as_nanosecond();
    if d <= 0 {
        Duration::ZERO
    } else {
        Duration::from_nanos(u64::try_from(d).unwrap_or(u64::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(windows)]
    #[test]
    fn paths_go_under_the_root_on_windows() {
        let ctx = ProbeContext::new(Path::new(r"C:\fx"), Duration::from_secs(1));
        assert_eq!(
            ctx.path(r"C:\Windows\System32\drivers\etc\hosts"),
            PathBuf::from(r"C:\fx\Windows\System32\drivers\etc\hosts")
        );
        // A Unix system path has a root but no drive: under the root all the same.
        assert_eq!(
            ctx.path("/var/lib/dpkg/status"),
            PathBuf::from(r"C:\fx\var\lib\dpkg\status")
        );
        assert_eq!(ctx.path("ledger.csv"), PathBuf::from("ledger.csv"));
    }

    // "/etc/passwd" is a path relative to the current drive on Windows (above for Windows).
    #[cfg(unix)]
    #[test]
    fn paths_go_under_the_root() {
        let ctx = ProbeContext::new(Path::new("/tmp/fx"), Duration::from_secs(1));
        assert_eq!(ctx.path("/etc/passwd"), PathBuf::from("/tmp/fx/etc/passwd"));
        assert_eq!(ctx.path("ledger.csv"), PathBuf::from("ledger.csv"));
        let real = ProbeContext::new(Path::new("/"), Duration::from_secs(1));
        assert_eq!(real.path("/etc/passwd"), PathBuf::from("/etc/passwd"));
    }

    #[test]
    fn reads_are_hashed_and_failures_recorded() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a"), b"abc").unwrap();
        let ctx = ProbeContext::new(dir.path(), Duration::from_secs(5));
        ctx.read(&dir.path().join("a")).unwrap();
        assert!(ctx
            .read_optional(&dir.path().join("missing"))
            .unwrap()
            .is_none());
        assert!(ctx.read(&dir.path().join("missing")).is_err());
        assert_eq!(lock(&ctx.files)[0].sha256[..8], *"ba7816bf");
        assert_eq!(lock(&ctx.unreadable)[0].problem, "not-found");
    }

    #[test]
    fn commands_are_killed_at_the_deadline() {
        let ctx = ProbeContext::new(Path::new("/"), Duration::from_millis(200));
        let t = Instant::now();
        // Something that takes five seconds and only waits: sleep, or on Windows ping.
        let (program, args): (&str, Vec<String>) = if cfg!(windows) {
            ("ping", ["-n", "6", "127.0.0.1"].map(String::from).to_vec())
        } else {
            ("sleep", vec!["5".into()])
        };
        let r = ctx.run_command(program, &args, &[]);
        assert!(matches!(r, Err(CommandError::TimedOut)), "{r:?}");
        assert!(t.elapsed() < Duration::from_secs(3));
        let r = ctx.run_command("medsec-no-such-tool", &[], &[]);
        assert!(matches!(r, Err(CommandError::Missing(_))));
    }
}
