//! What a probe says (reasons, warnings, notes on what it could not read), as stable codes
//! with named parameters.
//!
//! A [`Msg`] is one statement with its facts as named parameters. [`Msg::code`] is its stable
//! kebab-case code (never renamed: scripts match on it) and [`Msg::text`] the sentence in the
//! language asked for, from the tool's message catalog (`i18n/{ja,en}/medsec.ftl`, section
//! `## probes`, message `probes-<code>`); the catalog's tests fail when a message is missing in
//! one language. Details recorded as text (operating-system errors, listening sockets, a
//! tool's exit) are said in words by [`detail`] and the sentence itself.
//!
//! The evidence keeps these language-independent: a [`Coded`] (`{"code": ..., "params":
//! {...}}`) next to the English sentence, and the table renders the chosen language from it.

use crate::checklist::Lang;
use crate::tr;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::time::Duration;

/// A message as the evidence stores it: stable code and named parameters. Readable whatever
/// its code, so evidence from a newer medsec still loads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Coded {
    pub code: String,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub params: Map<String, Value>,
}

impl Coded {
    /// The message this stands for, when this binary knows its code.
    pub fn msg(&self) -> Option<Msg> {
        let mut v = Map::new();
        v.insert("code".into(), Value::from(self.code.clone()));
        if !self.params.is_empty() {
            v.insert("params".into(), Value::Object(self.params.clone()));
        }
        serde_json::from_value(Value::Object(v)).ok()
    }

    /// The sentence in `lang`; `fallback` (the English text stored with it) for unknown codes,
    /// marked as such ([`as_recorded`]).
    pub fn text_or(&self, lang: Lang, fallback: &str) -> String {
        match self.msg() {
            Some(m) => m.text(lang),
            None => as_recorded(lang, fallback),
        }
    }
}

impl From<&Msg> for Coded {
    fn from(m: &Msg) -> Self {
        let v = serde_json::to_value(m).unwrap_or(Value::Null);
        Coded {
            code: v
                .get("code")
                .and_then(Value::as_str)
                .unwrap_or("unknown")
                .to_owned(),
            params: match v.get("params") {
                Some(Value::Object(p)) => p.clone(),
                _ => Map::new(),
            },
        }
    }
}

/// Why an account is flagged by the accounts probe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum AccountFlag {
    Leaver,
    EmptyPassword,
    UnusedFor {
        days: i64,
        max_days: i64,
    },
    NeverLoggedIn,
    /// Flags only Windows raises (`src/probes/windows/messages.rs`), recorded like the others.
    #[serde(untagged)]
    Windows(super::windows::WinAccountFlag),
}

impl AccountFlag {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            AccountFlag::Leaver => tr!(lang, "probes-flag-leaver"),
            AccountFlag::EmptyPassword => tr!(lang, "probes-flag-empty-password"),
            AccountFlag::UnusedFor { days, max_days } => tr!(
                lang,
                "probes-flag-unused-for",
                days = (*days),
                max_days = (*max_days)
            ),
            AccountFlag::NeverLoggedIn => tr!(lang, "probes-flag-never-logged-in"),
            AccountFlag::Windows(f) => f.text(lang),
        }
    }
}

/// An account and why it is flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedAccount {
    pub name: String,
    pub flags: Vec<AccountFlag>,
}

impl FlaggedAccount {
    pub fn text(&self, lang: Lang) -> String {
        let flags = list(lang, self.flags.iter().map(|f| f.text(lang)), false);
        tr!(
            lang,
            "probes-flagged-account",
            name = self.name.as_str(),
            flags = flags
        )
    }
}

/// What is wrong with a ledger row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum LedgerProblem {
    EmptyField { field: String },
    RemoteMaintenanceNotYesNo { value: String },
}

impl LedgerProblem {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            LedgerProblem::EmptyField { field } => tr!(
                lang,
                "probes-ledger-empty-field",
                field = ledger_field(lang, field)
            ),
            LedgerProblem::RemoteMaintenanceNotYesNo { value } => tr!(
                lang,
                "probes-ledger-remote-maintenance-not-yes-no",
                value = value.as_str()
            ),
        }
    }
}

/// A ledger field for people: its usual column name and its key (`設置場所(`location`)`).
fn ledger_field(lang: Lang, field: &str) -> String {
    tr!(lang, "probes-ledger-field", field = field)
}

/// A ledger row with a problem, for the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerRowProblem {
    pub row: usize,
    pub device: String,
    pub problem: LedgerProblem,
}

/// The restic snapshot or borg archive a backup check judged, as the reason names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgedSnapshot {
    /// restic's short ID, or the borg archive's name.
    pub id: String,
    /// When it was made (RFC 3339).
    pub time: jiff::Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
}

impl JudgedSnapshot {
    /// `aaaa1111(2026-10-20 09:00(日本時間)、機器 sv-karte01、パス /srv/karte)`.
    pub fn text(&self, lang: Lang) -> String {
        let time = self
            .time
            .to_zoned_datetime(crate::dates::japan())
            .strftime("%Y-%m-%d %H:%M")
            .to_string();
        let mut details = vec![tr!(lang, "probes-backup-snapshot-time", time = time)];
        if let Some(host) = &self.hostname {
            details.push(tr!(
                lang,
                "probes-backup-snapshot-host",
                host = host.as_str()
            ));
        }
        if !self.paths.is_empty() {
            let paths = list(lang, self.paths.iter().map(|p| format!("`{p}`")), false);
            details.push(tr!(lang, "probes-backup-snapshot-paths", paths = paths));
        }
        tr!(
            lang,
            "probes-backup-snapshot",
            id = self.id.as_str(),
            details = list(lang, details, false)
        )
    }
}

/// One statement of a probe. The variant decides the code; the fields are its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum Msg {
    // ---- Any probe ----
    CannotRead {
        path: String,
        error: String,
    },
    InternalError,
    NoResult,
    TimedOut {
        seconds: u64,
    },
    /// Something under the probe could not be read (the `unreadable` notes).
    /// `problem` is `permission-denied`, `not-found`, `vanished`, `symlink-loop` or `error`.
    IoProblem {
        problem: String,
        error: String,
    },
    ToolMissing {
        tool: String,
    },
    CannotRunTool {
        tool: String,
        error: String,
    },
    ToolFailed {
        tool: String,
        exit_code: Option<i32>,
        /// The signal that ended the tool (Unix), when it gave no exit code.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signal: Option<i32>,
        stderr: String,
    },
    ToolJsonNotUnderstood {
        tool: String,
        error: String,
    },

    // ---- patch-level ----
    NoPackageDatabase,
    PackageListsStale {
        age_seconds: u64,
        max_days: u32,
    },
    SecurityUpdatesPending {
        count: usize,
        max: usize,
        /// The first few package names (none for rpm).
        packages: Vec<String>,
    },
    NoPackageLists {
        dir: String,
    },
    PackageListsRefreshUnknown,
    DpkgUpToDate {
        security: usize,
        max: usize,
        other: usize,
        age_seconds: Option<u64>,
    },
    DnfMetadataStale {
        age_seconds: u64,
        max_days: u32,
    },
    DnfSecurityUnknown,
    SecurityUpdatesWithinLimit {
        count: usize,
        max: usize,
    },
    CannotDecompress {
        error: String,
    },
    DnfUpdateinfoFailed {
        stderr: String,
    },
    KernelRebootNeeded {
        newest: String,
    },
    RebootRequired,
    WindowsNativeOnly,
    HotfixCsvInvalid {
        source: String,
        error: String,
    },
    HotfixNoDates {
        source: String,
    },
    /// The file's dates read day-first or month-first, and it does not say which.
    HotfixDateOrderUnknown {
        source: String,
        example: String,
    },
    /// Some of the file's dates are only day-first, others only month-first.
    HotfixDateOrderConflict {
        source: String,
        day_first: String,
        month_first: String,
    },
    HotfixStale {
        days: i64,
        max_days: u32,
    },
    HotfixCurrent {
        count: usize,
        days: i64,
        max_days: u32,
    },
    HotfixPendingUnknown,

    // ---- accounts ----
    PasswdUnreadable {
        path: String,
        error: String,
    },
    LeaversUnreadable {
        path: String,
        error: String,
    },
    LastlogTooLarge {
        bytes: u64,
    },
    ShadowUnreadable,
    AccountsToReview {
        accounts: Vec<FlaggedAccount>,
    },
    NoLoginRecords,
    /// A login record source exists and could not be read: nothing is concluded.
    LoginRecordsUnreadable {
        path: String,
        error: String,
    },
    AccountsInUse {
        can_log_in: usize,
        max_days: i64,
        leavers_checked: bool,
    },

    // ---- services ----
    NoSystemdCgroup {
        path: String,
    },
    ProcessesNotInspected {
        count: u64,
    },
    ServicesNotAllowed {
        services: Vec<String>,
    },
    PortsNotAllowed {
        ports: Vec<String>,
    },
    NothingReadable,
    NoAllowlist {
        services: usize,
        ports: usize,
    },
    AllAllowed {
        services: usize,
        ports: usize,
    },

    // ---- asset-ledger ----
    LedgerUnreadable {
        path: String,
        error: String,
    },
    LedgerInvalid {
        path: String,
        /// The detail in English, as evidence records details.
        error: String,
        /// A refused workbook, language-free: said in the reader's language.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        workbook: Option<crate::limits::workbook::WorkbookError>,
    },
    LedgerNoHeader {
        path: String,
    },
    LedgerUnsupportedFormat {
        path: String,
        ext: String,
    },
    LedgerUnclassifiedRows {
        rows: usize,
    },
    LedgerMissingColumns {
        columns: Vec<String>,
    },
    LedgerNoDevices,
    LedgerRowProblems {
        count: usize,
        /// The first few.
        rows: Vec<LedgerRowProblem>,
    },
    HostNotInLedger {
        host: String,
    },
    LedgerComplete {
        devices: usize,
        host: String,
        row: usize,
    },

    // ---- backup-freshness ----
    RemoteNeedsFormat {
        path: String,
    },
    BackupMissing {
        path: String,
    },
    BackupNotAFolder {
        path: String,
    },
    PasswordFileUnreadable {
        path: String,
        error: String,
    },
    WalkProblems {
        loops: u64,
        unreadable: u64,
        vanished: u64,
        other: u64,
    },
    TooFewFiles {
        files: u64,
        min: u64,
    },
    TooFewBytes {
        bytes: u64,
        min: u64,
    },
    BackupTooOld {
        age_seconds: u64,
        max_age: String,
    },
    BackupPartlyUnread {
        /// What failed on the part that was read.
        failures: Vec<Msg>,
        unreadable: u64,
        stopped: bool,
    },
    BackupFresh {
        files: u64,
        bytes: u64,
        age_seconds: Option<u64>,
        max_age: String,
    },
    TooFewSnapshots {
        tool: String,
        count: usize,
        min: u64,
    },
    SnapshotTooOld {
        tool: String,
        age_seconds: u64,
        max_age: String,
        /// The snapshot judged (absent in evidence of medsec before it was named).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        judged: Option<JudgedSnapshot>,
    },
    SnapshotsFresh {
        tool: String,
        count: usize,
        age_seconds: Option<u64>,
        max_age: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        judged: Option<JudgedSnapshot>,
    },
    SameFilesystem {
        path: String,
    },
    OnRootFilesystem,
    /// Packages a dpkg run left unfinished (half-configured, unpacked...).
    DpkgUnfinished {
        count: usize,
        packages: Vec<String>,
    },
    /// Packages whose `Status:` line in the dpkg database is not dpkg's three words.
    DpkgStatusMalformed {
        count: usize,
        package: String,
        line: String,
    },
    /// A `protects` path that is not on this machine.
    ProtectsMissing {
        path: String,
    },
    /// borg checkpoint archives (interrupted runs) seen and not counted.
    CheckpointsIgnored {
        count: usize,
    },
    /// Snapshots whose time could not be read: not counted, and said.
    SnapshotsUnreadable {
        tool: String,
        count: usize,
        example: String,
    },
    /// Every snapshot's time unreadable: nothing to judge from.
    AllSnapshotsUnreadable {
        tool: String,
        count: usize,
        example: String,
    },
    /// Snapshots of other machines or of other paths in a shared repository.
    SnapshotsNotCounted {
        tool: String,
        other_hosts: usize,
        other_paths: usize,
        host: String,
    },
    /// No snapshot holds this protected path.
    NoSnapshotOfPath {
        tool: String,
        path: String,
    },

    // ---- Windows (src/probes/windows/messages.rs; catalog `## probes-windows`) ----
    #[serde(untagged)]
    Windows(super::windows::WinMsg),
}

/// An age for people: "41 days" / "41日".
pub fn human_age(d: Duration, lang: Lang) -> String {
    let s = d.as_secs();
    if s >= 2 * 86_400 {
        tr!(lang, "probes-age-days", n = (s / 86_400))
    } else if s >= 2 * 3600 {
        tr!(lang, "probes-age-hours", n = (s / 3600))
    } else if s >= 120 {
        tr!(lang, "probes-age-minutes", n = (s / 60))
    } else {
        tr!(lang, "probes-age-seconds", n = (s))
    }
}

fn age(secs: u64, lang: Lang) -> String {
    human_age(Duration::from_secs(secs), lang)
}

/// Items joined as a list in `lang`, with `…` when more were left out.
pub(crate) fn list(lang: Lang, items: impl IntoIterator<Item = String>, more: bool) -> String {
    let mut items: Vec<String> = items.into_iter().collect();
    if more {
        items.push(tr!(lang, "probes-list-more"));
    }
    items.join(&tr!(lang, "probes-list-separator"))
}

/// Sentences joined in `lang`.
fn sentences(lang: Lang, parts: impl IntoIterator<Item = String>) -> String {
    crate::i18n::tidy(
        parts
            .into_iter()
            .collect::<Vec<_>>()
            .join(&tr!(lang, "probes-sentence-separator")),
    )
}

/// An error detail recorded in the evidence (an operating-system error, a CSV error, the
/// timeout) said in words in `lang`; anything else is quoted as it was recorded.
pub fn detail(lang: Lang, error: &str) -> String {
    if error == tr!(Lang::En, "probes-error-timeout") {
        return tr!(lang, "probes-error-timeout");
    }
    if let Some(errno) = os_errno(error) {
        return os_error(lang, errno);
    }
    if let Some(rest) = error
        .strip_prefix(CSV_ERROR)
        .or_else(|| error.strip_prefix(NOT_CSV_ERROR))
    {
        let rest = crate::i18n::detail::text(lang, rest);
        return tr!(lang, "probes-error-bad-csv", detail = rest);
    }
    if error.starts_with(NO_HOTFIX_ID_ERROR) {
        return tr!(lang, "probes-error-no-hotfix-id");
    }
    crate::i18n::detail::text(lang, error)
}

/// How the evidence records a CSV that does not parse: `bad CSV: <detail>` (a stable prefix,
/// said in words by [`detail`]).
pub const CSV_ERROR: &str = "bad CSV: ";
/// A hotfix file whose header does not parse: `not a CSV file: <detail>`.
pub const NOT_CSV_ERROR: &str = "not a CSV file: ";
/// A hotfix file without its ID column.
pub const NO_HOTFIX_ID_ERROR: &str = "no HotFixID column";

/// An operating-system error number (of this platform: Linux/Unix or Windows) in words.
#[cfg(not(windows))]
fn os_error(lang: Lang, errno: i32) -> String {
    match errno {
        2 => tr!(lang, "probes-os-not-found"),
        13 | 1 => tr!(lang, "probes-os-permission-denied"),
        21 => tr!(lang, "probes-os-is-a-directory"),
        20 => tr!(lang, "probes-os-not-a-directory"),
        40 => tr!(lang, "probes-os-symlink-loop"),
        5 => tr!(lang, "probes-os-io-error"),
        27 => tr!(lang, "probes-os-too-large"),
        36 => tr!(lang, "probes-os-name-too-long"),
        n => tr!(lang, "probes-os-other", errno = n),
    }
}

/// An operating-system error number (of this platform: Linux/Unix or Windows) in words.
#[cfg(windows)]
fn os_error(lang: Lang, errno: i32) -> String {
    match errno {
        2 | 3 => tr!(lang, "probes-os-not-found"),
        5 => tr!(lang, "probes-os-permission-denied"),
        206 => tr!(lang, "probes-os-name-too-long"),
        n => tr!(lang, "probes-os-other", errno = n),
    }
}

/// The number of an operating-system error as Rust's `io::Error` prints it (`… (os error 2)`).
fn os_errno(error: &str) -> Option<i32> {
    let start = error.rfind("(os error ")?;
    let rest = error.get(start + "(os error ".len()..)?;
    rest.strip_suffix(')')?.parse().ok()
}

/// A listening socket as the services probe records it (`3306/tcp on 0.0.0.0 (mysqld)`),
/// said in `lang`; the recorded text when it does not have that shape.
pub(crate) fn port_text(lang: Lang, recorded: &str) -> String {
    let parsed = (|| {
        let (port_proto, rest) = recorded.split_once(" on ")?;
        let (port, proto) = port_proto.split_once('/')?;
        let port: u16 = port.parse().ok()?;
        let protocol = proto.to_owned();
        Some(match rest.split_once(" (") {
            Some((address, program)) => {
                let program = program.strip_suffix(')')?;
                tr!(
                    lang,
                    "probes-port-program",
                    address = address,
                    protocol = protocol,
                    port = port,
                    program = program
                )
            }
            None => tr!(
                lang,
                "probes-port",
                address = rest,
                protocol = protocol,
                port = port
            ),
        })
    })();
    parsed.unwrap_or_else(|| recorded.to_owned())
}

/// How a failed tool ended: `how` is `code`, `signal` or `none`, for the catalog's selector.
fn tool_failed(
    lang: Lang,
    tool: &str,
    exit_code: Option<i32>,
    signal: Option<i32>,
    stderr: &str,
) -> String {
    let how = match (exit_code, signal) {
        (Some(_), _) => "code",
        (None, Some(_)) => "signal",
        (None, None) => "none",
    };
    let code = exit_code.map(|c| c.to_string()).unwrap_or_default();
    let signal = signal.map(|s| s.to_string()).unwrap_or_default();
    let failed = tr!(
        lang,
        "probes-tool-failed",
        how = how,
        tool = tool,
        code = code,
        signal = signal
    );
    if stderr.trim().is_empty() {
        failed
    } else {
        tr!(
            lang,
            "probes-tool-failed-output",
            failed = failed,
            stderr = stderr
        )
    }
}

impl Msg {
    /// The stable kebab-case code.
    pub fn code(&self) -> String {
        Coded::from(self).code
    }

    /// The sentence in `lang`, from the message catalog (`i18n/*/medsec.ftl`, `## probes`).
    pub fn text(&self, lang: Lang) -> String {
        let d = |e: &str| detail(lang, e);
        match self {
            Msg::CannotRead { path, error } => {
                tr!(
                    lang,
                    "probes-cannot-read",
                    path = path.as_str(),
                    error = d(error)
                )
            }
            Msg::InternalError => tr!(lang, "probes-internal-error"),
            Msg::NoResult => tr!(lang, "probes-no-result"),
            Msg::TimedOut { seconds } => tr!(lang, "probes-timed-out", seconds = (*seconds)),
            Msg::IoProblem { problem, error } => tr!(
                lang,
                "probes-io-problem",
                problem = problem.as_str(),
                error = d(error)
            ),
            Msg::ToolMissing { tool } => tr!(lang, "probes-tool-missing", tool = tool.as_str()),
            Msg::CannotRunTool { tool, error } => tr!(
                lang,
                "probes-cannot-run-tool",
                tool = tool.as_str(),
                error = d(error)
            ),
            Msg::ToolFailed {
                tool,
                exit_code,
                signal,
                stderr,
            } => tool_failed(lang, tool, *exit_code, *signal, stderr),
            Msg::ToolJsonNotUnderstood { tool, error } => tr!(
                lang,
                "probes-tool-json-not-understood",
                tool = tool.as_str(),
                error = d(error)
            ),

            Msg::NoPackageDatabase => tr!(lang, "probes-no-package-database"),
            Msg::PackageListsStale {
                age_seconds,
                max_days,
            } => tr!(
                lang,
                "probes-package-lists-stale",
                age = age(*age_seconds, lang),
                max_days = (*max_days)
            ),
            Msg::SecurityUpdatesPending {
                count,
                max,
                packages,
            } => {
                if packages.is_empty() {
                    tr!(
                        lang,
                        "probes-security-updates-pending",
                        count = (*count),
                        max = (*max)
                    )
                } else {
                    let more = *count > packages.len();
                    tr!(
                        lang,
                        "probes-security-updates-pending-list",
                        count = (*count),
                        max = (*max),
                        packages = list(lang, packages.iter().cloned(), more)
                    )
                }
            }
            Msg::NoPackageLists { dir } => {
                tr!(lang, "probes-no-package-lists", dir = dir.as_str())
            }
            Msg::PackageListsRefreshUnknown => tr!(lang, "probes-package-lists-refresh-unknown"),
            Msg::DpkgUpToDate {
                security,
                max,
                other,
                age_seconds,
            } => match age_seconds {
                Some(a) => tr!(
                    lang,
                    "probes-dpkg-up-to-date",
                    security = (*security),
                    max = (*max),
                    other = (*other),
                    age = age(*a, lang)
                ),
                None => tr!(
                    lang,
                    "probes-dpkg-up-to-date-no-age",
                    security = (*security),
                    max = (*max),
                    other = (*other)
                ),
            },
            Msg::DnfMetadataStale {
                age_seconds,
                max_days,
            } => tr!(
                lang,
                "probes-dnf-metadata-stale",
                age = age(*age_seconds, lang),
                max_days = (*max_days)
            ),
            Msg::DnfSecurityUnknown => tr!(lang, "probes-dnf-security-unknown"),
            Msg::SecurityUpdatesWithinLimit { count, max } => tr!(
                lang,
                "probes-security-updates-within-limit",
                count = (*count),
                max = (*max)
            ),
            Msg::CannotDecompress { error } => {
                tr!(lang, "probes-cannot-decompress", error = d(error))
            }
            Msg::DnfUpdateinfoFailed { stderr } => {
                tr!(
                    lang,
                    "probes-dnf-updateinfo-failed",
                    stderr = stderr.as_str()
                )
            }
            Msg::KernelRebootNeeded { newest } => {
                tr!(
                    lang,
                    "probes-kernel-reboot-needed",
                    newest = newest.as_str()
                )
            }
            Msg::RebootRequired => tr!(lang, "probes-reboot-required"),
            Msg::WindowsNativeOnly => tr!(lang, "probes-windows-native-only"),
            Msg::HotfixCsvInvalid { source, error } => tr!(
                lang,
                "probes-hotfix-csv-invalid",
                source = source.as_str(),
                error = d(error)
            ),
            Msg::HotfixNoDates { source } => {
                tr!(lang, "probes-hotfix-no-dates", source = source.as_str())
            }
            Msg::HotfixDateOrderUnknown { source, example } => tr!(
                lang,
                "probes-hotfix-date-order-unknown",
                source = source.as_str(),
                example = example.as_str()
            ),
            Msg::HotfixDateOrderConflict {
                source,
                day_first,
                month_first,
            } => tr!(
                lang,
                "probes-hotfix-date-order-conflict",
                source = source.as_str(),
                day_first = day_first.as_str(),
                month_first = month_first.as_str()
            ),
            Msg::HotfixStale { days, max_days } => tr!(
                lang,
                "probes-hotfix-stale",
                days = (*days),
                max_days = (*max_days)
            ),
            Msg::HotfixCurrent {
                count,
                days,
                max_days,
            } => tr!(
                lang,
                "probes-hotfix-current",
                count = (*count),
                days = (*days),
                max_days = (*max_days)
            ),
            Msg::HotfixPendingUnknown => tr!(lang, "probes-hotfix-pending-unknown"),

            Msg::PasswdUnreadable { path, error } => tr!(
                lang,
                "probes-passwd-unreadable",
                path = path.as_str(),
                error = d(error)
            ),
            Msg::LeaversUnreadable { path, error } => tr!(
                lang,
                "probes-leavers-unreadable",
                path = path.as_str(),
                error = d(error)
            ),
            Msg::LastlogTooLarge { bytes } => {
                tr!(lang, "probes-lastlog-too-large", bytes = (*bytes))
            }
            Msg::ShadowUnreadable => tr!(lang, "probes-shadow-unreadable"),
            Msg::AccountsToReview { accounts } => tr!(
                lang,
                "probes-accounts-to-review",
                count = accounts.len(),
                accounts = accounts
                    .iter()
                    .map(|a| a.text(lang))
                    .collect::<Vec<_>>()
                    .join(&tr!(lang, "probes-item-separator"))
            ),
            Msg::NoLoginRecords => tr!(lang, "probes-no-login-records"),
            Msg::LoginRecordsUnreadable { path, error } => tr!(
                lang,
                "probes-login-records-unreadable",
                path = path.as_str(),
                error = d(error)
            ),
            Msg::AccountsInUse {
                can_log_in,
                max_days,
                leavers_checked,
            } => tr!(
                lang,
                "probes-accounts-in-use",
                can_log_in = (*can_log_in),
                max_days = (*max_days),
                leavers_checked = (if *leavers_checked { "true" } else { "false" })
            ),

            Msg::NoSystemdCgroup { path } => {
                tr!(lang, "probes-no-systemd-cgroup", path = path.as_str())
            }
            Msg::ProcessesNotInspected { count } => {
                tr!(lang, "probes-processes-not-inspected", count = (*count))
            }
            Msg::ServicesNotAllowed { services } => tr!(
                lang,
                "probes-services-not-allowed",
                count = services.len(),
                services = list(lang, services.iter().cloned(), false)
            ),
            Msg::PortsNotAllowed { ports } => tr!(
                lang,
                "probes-ports-not-allowed",
                count = ports.len(),
                ports = list(lang, ports.iter().map(|p| port_text(lang, p)), false)
            ),
            Msg::NothingReadable => tr!(lang, "probes-nothing-readable"),
            Msg::NoAllowlist { services, ports } => tr!(
                lang,
                "probes-no-allowlist",
                services = (*services),
                ports = (*ports)
            ),
            Msg::AllAllowed { services, ports } => tr!(
                lang,
                "probes-all-allowed",
                services = (*services),
                ports = (*ports)
            ),

            Msg::LedgerUnreadable { path, error } => tr!(
                lang,
                "probes-ledger-unreadable",
                path = path.as_str(),
                error = d(error)
            ),
            Msg::LedgerInvalid {
                path,
                error,
                workbook,
            } => tr!(
                lang,
                "probes-ledger-invalid",
                path = path.as_str(),
                error = workbook
                    .as_ref()
                    .map_or_else(|| d(error), |w| w.message(lang))
            ),
            Msg::LedgerNoHeader { path } => {
                tr!(lang, "probes-ledger-no-header", path = path.as_str())
            }
            Msg::LedgerUnsupportedFormat { path, ext } => tr!(
                lang,
                "probes-ledger-unsupported-format",
                path = path.as_str(),
                ext = ext.as_str()
            ),
            Msg::LedgerUnclassifiedRows { rows } => {
                tr!(lang, "probes-ledger-unclassified-rows", rows = (*rows))
            }
            Msg::LedgerMissingColumns { columns } => tr!(
                lang,
                "probes-ledger-missing-columns",
                columns = list(lang, columns.iter().map(|c| ledger_field(lang, c)), false)
            ),
            Msg::LedgerNoDevices => tr!(lang, "probes-ledger-no-devices"),
            Msg::LedgerRowProblems { count, rows } => {
                let more = *count > rows.len();
                let each = rows.iter().map(|p| {
                    let problem = p.problem.text(lang);
                    // A row without a device name is named by its number alone.
                    if p.device.is_empty() || p.device == format!("row {}", p.row) {
                        tr!(
                            lang,
                            "probes-ledger-row-unnamed",
                            row = p.row,
                            problem = problem
                        )
                    } else {
                        tr!(
                            lang,
                            "probes-ledger-row",
                            row = p.row,
                            device = p.device.as_str(),
                            problem = problem
                        )
                    }
                });
                tr!(
                    lang,
                    "probes-ledger-row-problems",
                    count = (*count),
                    rows = sentences(
                        lang,
                        each.chain(more.then(|| tr!(lang, "probes-list-more")))
                    )
                )
            }
            Msg::HostNotInLedger { host } => {
                tr!(lang, "probes-host-not-in-ledger", host = host.as_str())
            }
            Msg::LedgerComplete { devices, host, row } => tr!(
                lang,
                "probes-ledger-complete",
                devices = (*devices),
                host = host.as_str(),
                row = (*row)
            ),

            Msg::RemoteNeedsFormat { path } => {
                tr!(lang, "probes-remote-needs-format", path = path.as_str())
            }
            Msg::BackupMissing { path } => {
                tr!(lang, "probes-backup-missing", path = path.as_str())
            }
            Msg::BackupNotAFolder { path } => {
                tr!(lang, "probes-backup-not-a-folder", path = path.as_str())
            }
            Msg::PasswordFileUnreadable { path, error } => tr!(
                lang,
                "probes-password-file-unreadable",
                path = path.as_str(),
                error = d(error)
            ),
            Msg::WalkProblems {
                loops,
                unreadable,
                vanished,
                other,
            } => tr!(
                lang,
                "probes-walk-problems",
                loops = (*loops),
                unreadable = (*unreadable),
                vanished = (*vanished),
                other = (*other)
            ),
            Msg::TooFewFiles { files, min } => {
                tr!(lang, "probes-too-few-files", files = (*files), min = (*min))
            }
            Msg::TooFewBytes { bytes, min } => {
                tr!(lang, "probes-too-few-bytes", bytes = (*bytes), min = (*min))
            }
            Msg::BackupTooOld {
                age_seconds,
                max_age,
            } => tr!(
                lang,
                "probes-backup-too-old",
                age = age(*age_seconds, lang),
                max_age = max_age.as_str()
            ),
            Msg::BackupPartlyUnread {
                failures,
                unreadable,
                stopped,
            } => tr!(
                lang,
                "probes-backup-partly-unread",
                failures = sentences(lang, failures.iter().map(|f| f.text(lang))),
                unreadable = (*unreadable),
                stopped = (if *stopped { "true" } else { "false" })
            ),
            Msg::BackupFresh {
                files,
                bytes,
                age_seconds,
                max_age,
            } => match age_seconds {
                Some(a) => tr!(
                    lang,
                    "probes-backup-fresh",
                    files = (*files),
                    bytes = (*bytes),
                    age = age(*a, lang),
                    max_age = max_age.as_str()
                ),
                None => tr!(
                    lang,
                    "probes-backup-fresh-no-age",
                    files = (*files),
                    bytes = (*bytes),
                    max_age = max_age.as_str()
                ),
            },
            Msg::TooFewSnapshots { tool, count, min } => tr!(
                lang,
                "probes-too-few-snapshots",
                tool = tool.as_str(),
                count = (*count),
                min = (*min)
            ),
            Msg::SnapshotTooOld {
                tool,
                age_seconds,
                max_age,
                judged,
            } => match judged {
                Some(judged) => tr!(
                    lang,
                    "probes-backup-snapshot-too-old",
                    tool = tool.as_str(),
                    snapshot = judged.text(lang),
                    age = age(*age_seconds, lang),
                    max_age = max_age.as_str()
                ),
                None => tr!(
                    lang,
                    "probes-snapshot-too-old",
                    tool = tool.as_str(),
                    age = age(*age_seconds, lang),
                    max_age = max_age.as_str()
                ),
            },
            Msg::SnapshotsFresh {
                tool,
                count,
                age_seconds,
                max_age,
                judged,
            } => match age_seconds {
                Some(a) if judged.is_some() => tr!(
                    lang,
                    "probes-backup-snapshots-fresh",
                    tool = tool.as_str(),
                    count = (*count),
                    snapshot = judged.as_ref().map(|j| j.text(lang)).unwrap_or_default(),
                    age = age(*a, lang),
                    max_age = max_age.as_str()
                ),
                Some(a) => tr!(
                    lang,
                    "probes-snapshots-fresh",
                    tool = tool.as_str(),
                    count = (*count),
                    age = age(*a, lang),
                    max_age = max_age.as_str()
                ),
                None => tr!(
                    lang,
                    "probes-snapshots-fresh-no-age",
                    tool = tool.as_str(),
                    count = (*count),
                    max_age = max_age.as_str()
                ),
            },
            Msg::SameFilesystem { path } => {
                tr!(lang, "probes-same-filesystem", path = path.as_str())
            }
            Msg::OnRootFilesystem => tr!(lang, "probes-on-root-filesystem"),
            Msg::DpkgUnfinished { count, packages } => tr!(
                lang,
                "probes-dpkg-unfinished",
                count = (*count),
                packages = crate::i18n::join(lang, packages)
            ),
            Msg::DpkgStatusMalformed {
                count,
                package,
                line,
            } => tr!(
                lang,
                "probes-dpkg-status-malformed",
                count = (*count),
                package = package.as_str(),
                line = line.as_str()
            ),
            Msg::ProtectsMissing { path } => {
                tr!(lang, "probes-protects-missing", path = path.as_str())
            }
            Msg::CheckpointsIgnored { count } => {
                tr!(lang, "probes-checkpoints-ignored", count = (*count))
            }
            Msg::SnapshotsUnreadable {
                tool,
                count,
                example,
            } => tr!(
                lang,
                "probes-snapshots-unreadable",
                tool = tool.as_str(),
                count = (*count),
                example = example.as_str()
            ),
            Msg::AllSnapshotsUnreadable {
                tool,
                count,
                example,
            } => tr!(
                lang,
                "probes-all-snapshots-unreadable",
                tool = tool.as_str(),
                count = (*count),
                example = example.as_str()
            ),
            Msg::SnapshotsNotCounted {
                tool,
                other_hosts,
                other_paths,
                host,
            } => match (*other_hosts, *other_paths) {
                // Say only what applies: with `any_host = true` no host is wanted.
                (0, paths) => tr!(
                    lang,
                    "probes-snapshots-not-counted-paths",
                    tool = tool.as_str(),
                    other_paths = paths
                ),
                (hosts, 0) => tr!(
                    lang,
                    "probes-snapshots-not-counted-hosts",
                    tool = tool.as_str(),
                    other_hosts = hosts,
                    host = host.as_str()
                ),
                (hosts, paths) => tr!(
                    lang,
                    "probes-snapshots-not-counted",
                    tool = tool.as_str(),
                    other_hosts = hosts,
                    other_paths = paths,
                    host = host.as_str()
                ),
            },
            Msg::NoSnapshotOfPath { tool, path } => tr!(
                lang,
                "probes-no-snapshot-of-path",
                tool = tool.as_str(),
                path = path.as_str()
            ),
            Msg::Windows(w) => w.text(lang),
        }
    }
}

/// Join the English texts of several messages, as `reason` holds them.
pub fn join_en(msgs: &[Msg]) -> String {
    sentences(Lang::En, msgs.iter().map(|m| m.text(Lang::En)))
}

/// Join several messages for a table in `lang`.
pub fn join_coded(parts: &[Coded], lang: Lang, fallback: &str) -> String {
    let texts: Option<Vec<String>> = parts
        .iter()
        .map(|c| c.msg().map(|m| m.text(lang)))
        .collect();
    match texts {
        Some(t) if !t.is_empty() => sentences(lang, t),
        _ => as_recorded(lang, fallback),
    }
}

/// A reason known only by its recorded English text (evidence from an older or newer medsec,
/// a code this binary does not know): in Japanese, said to be the record's English and given
/// as a quoted detail, never as if it were a Japanese sentence.
pub fn as_recorded(lang: Lang, text: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    tr!(lang, "probes-reason-as-recorded", text = text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every message, so the test below sees every code.
    pub(crate) fn every_message() -> Vec<Msg> {
        let s = || "x".to_owned();
        let judged = || JudgedSnapshot {
            id: "aaaa1111".into(),
            time: jiff::Timestamp::UNIX_EPOCH,
            hostname: Some(s()),
            paths: vec![s()],
        };
        let mut all = vec![
            Msg::CannotRead {
                path: s(),
                error: s(),
            },
            Msg::InternalError,
            Msg::NoResult,
            Msg::TimedOut { seconds: 5 },
            Msg::IoProblem {
                problem: "permission-denied".into(),
                error: s(),
            },
            Msg::ToolMissing { tool: s() },
            Msg::CannotRunTool {
                tool: s(),
                error: s(),
            },
            Msg::ToolFailed {
                tool: s(),
                exit_code: Some(1),
                signal: None,
                stderr: s(),
            },
            Msg::ToolJsonNotUnderstood {
                tool: s(),
                error: s(),
            },
            Msg::NoPackageDatabase,
            Msg::PackageListsStale {
                age_seconds: 1,
                max_days: 1,
            },
            Msg::SecurityUpdatesPending {
                count: 7,
                max: 0,
                packages: vec![s()],
            },
            Msg::NoPackageLists { dir: s() },
            Msg::PackageListsRefreshUnknown,
            Msg::DpkgUpToDate {
                security: 0,
                max: 0,
                other: 1,
                age_seconds: None,
            },
            Msg::DnfMetadataStale {
                age_seconds: 1,
                max_days: 1,
            },
            Msg::DnfSecurityUnknown,
            Msg::SecurityUpdatesWithinLimit { count: 0, max: 0 },
            Msg::CannotDecompress { error: s() },
            Msg::DnfUpdateinfoFailed { stderr: s() },
            Msg::KernelRebootNeeded { newest: s() },
            Msg::RebootRequired,
            Msg::WindowsNativeOnly,
            Msg::HotfixCsvInvalid {
                source: s(),
                error: s(),
            },
            Msg::HotfixNoDates { source: s() },
            Msg::HotfixDateOrderUnknown {
                source: s(),
                example: s(),
            },
            Msg::HotfixDateOrderConflict {
                source: s(),
                day_first: s(),
                month_first: s(),
            },
            Msg::HotfixStale {
                days: 1,
                max_days: 1,
            },
            Msg::HotfixCurrent {
                count: 1,
                days: 1,
                max_days: 1,
            },
            Msg::HotfixPendingUnknown,
            Msg::PasswdUnreadable {
                path: s(),
                error: s(),
            },
            Msg::LeaversUnreadable {
                path: s(),
                error: s(),
            },
            Msg::LastlogTooLarge { bytes: 1 },
            Msg::ShadowUnreadable,
            Msg::AccountsToReview {
                accounts: vec![FlaggedAccount {
                    name: s(),
                    flags: vec![
                        AccountFlag::Leaver,
                        AccountFlag::EmptyPassword,
                        AccountFlag::UnusedFor {
                            days: 100,
                            max_days: 90,
                        },
                        AccountFlag::NeverLoggedIn,
                    ],
                }],
            },
            Msg::NoLoginRecords,
            Msg::AccountsInUse {
                can_log_in: 1,
                max_days: 90,
                leavers_checked: true,
            },
            Msg::NoSystemdCgroup { path: s() },
            Msg::ProcessesNotInspected { count: 1 },
            Msg::ServicesNotAllowed {
                services: vec![s()],
            },
            Msg::PortsNotAllowed { ports: vec![s()] },
            Msg::NothingReadable,
            Msg::NoAllowlist {
                services: 1,
                ports: 1,
            },
            Msg::AllAllowed {
                services: 1,
                ports: 1,
            },
            Msg::LedgerUnreadable {
                path: s(),
                error: s(),
            },
            Msg::LedgerInvalid {
                path: s(),
                error: s(),
                workbook: None,
            },
            Msg::LedgerNoHeader { path: s() },
            Msg::LedgerUnsupportedFormat {
                path: s(),
                ext: s(),
            },
            Msg::LedgerUnclassifiedRows { rows: 1 },
            Msg::LedgerMissingColumns { columns: vec![s()] },
            Msg::LedgerNoDevices,
            Msg::LedgerRowProblems {
                count: 4,
                rows: vec![
                    LedgerRowProblem {
                        row: 3,
                        device: s(),
                        problem: LedgerProblem::EmptyField { field: s() },
                    },
                    LedgerRowProblem {
                        row: 4,
                        device: s(),
                        problem: LedgerProblem::RemoteMaintenanceNotYesNo { value: s() },
                    },
                ],
            },
            Msg::HostNotInLedger { host: s() },
            Msg::LedgerComplete {
                devices: 1,
                host: s(),
                row: 2,
            },
            Msg::RemoteNeedsFormat { path: s() },
            Msg::BackupMissing { path: s() },
            Msg::BackupNotAFolder { path: s() },
            Msg::PasswordFileUnreadable {
                path: s(),
                error: s(),
            },
            Msg::WalkProblems {
                loops: 1,
                unreadable: 1,
                vanished: 1,
                other: 1,
            },
            Msg::TooFewFiles { files: 0, min: 1 },
            Msg::TooFewBytes { bytes: 0, min: 1 },
            Msg::BackupTooOld {
                age_seconds: 41 * 86_400,
                max_age: "36h".into(),
            },
            Msg::BackupPartlyUnread {
                failures: vec![Msg::TooFewFiles { files: 0, min: 1 }],
                unreadable: 1,
                stopped: true,
            },
            Msg::BackupFresh {
                files: 1,
                bytes: 1,
                age_seconds: Some(1),
                max_age: "36h".into(),
            },
            Msg::TooFewSnapshots {
                tool: s(),
                count: 0,
                min: 1,
            },
            Msg::SnapshotTooOld {
                tool: s(),
                age_seconds: 1,
                max_age: "1d".into(),
                judged: Some(judged()),
            },
            Msg::SnapshotsFresh {
                tool: s(),
                count: 1,
                age_seconds: Some(1),
                max_age: "1d".into(),
                judged: Some(judged()),
            },
            Msg::SameFilesystem { path: s() },
            Msg::OnRootFilesystem,
            Msg::ProtectsMissing { path: s() },
            Msg::LoginRecordsUnreadable {
                path: s(),
                error: s(),
            },
            Msg::DpkgUnfinished {
                count: 1,
                packages: vec![s()],
            },
            Msg::DpkgStatusMalformed {
                count: 1,
                package: s(),
                line: s(),
            },
            Msg::CheckpointsIgnored { count: 1 },
            Msg::SnapshotsUnreadable {
                tool: s(),
                count: 1,
                example: s(),
            },
            Msg::AllSnapshotsUnreadable {
                tool: s(),
                count: 1,
                example: s(),
            },
            Msg::SnapshotsNotCounted {
                tool: s(),
                other_hosts: 1,
                other_paths: 1,
                host: s(),
            },
            Msg::NoSnapshotOfPath {
                tool: s(),
                path: s(),
            },
        ];
        all.extend(
            crate::probes::windows::messages::every_message()
                .into_iter()
                .map(Msg::Windows),
        );
        all
    }

    fn has_japanese(s: &str) -> bool {
        s.chars().any(|c| {
            ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)
        })
    }

    /// Evidence made before the judged snapshot was named still reads and renders.
    #[test]
    fn snapshot_reasons_without_the_judged_snapshot_still_render() {
        let json = r#"{"code":"snapshot-too-old","params":{"tool":"restic","age_seconds":90000,"max_age":"1d"}}"#;
        let m: Msg = serde_json::from_str(json).unwrap();
        assert!(
            m.text(Lang::En).contains("the newest restic snapshot"),
            "{m:?}"
        );
        let fresh = Msg::SnapshotsFresh {
            tool: "restic".into(),
            count: 0,
            age_seconds: None,
            max_age: "1d".into(),
            judged: None,
        };
        assert!(has_japanese(&fresh.text(Lang::Ja)));
    }

    #[test]
    fn every_code_has_both_texts_and_round_trips() {
        let all = every_message();
        let mut codes = std::collections::BTreeSet::new();
        for m in &all {
            let code = m.code();
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code}"
            );
            assert!(codes.insert(code.clone()), "duplicate code {code}");
            let (en, ja) = (m.text(Lang::En), m.text(Lang::Ja));
            assert!(!en.is_empty(), "{code}");
            assert!(has_japanese(&ja), "{code}: {ja}");
            assert_ne!(en, ja, "{code}");
            // Through the evidence and back.
            let coded = Coded::from(m);
            let json = serde_json::to_string(&coded).unwrap();
            let back: Coded = serde_json::from_str(&json).unwrap();
            assert_eq!(back.msg().as_ref(), Some(m), "{code}: {json}");
        }
    }

    #[test]
    fn every_code_is_documented() {
        let doc = include_str!("../../docs/probes.md");
        for m in every_message() {
            let code = m.code();
            assert!(
                doc.contains(&format!("`{code}`")),
                "docs/probes.md lacks `{code}`"
            );
        }
    }

    #[test]
    fn codes_are_stable() {
        let m = Msg::BackupTooOld {
            age_seconds: 41 * 86_400,
            max_age: "36h".into(),
        };
        let c = Coded::from(&m);
        assert_eq!(c.code, "backup-too-old");
        assert_eq!(
            serde_json::to_string(&c.params).unwrap(),
            r#"{"age_seconds":3542400,"max_age":"36h"}"#
        );
        assert_eq!(Msg::InternalError.code(), "internal-error");
        assert!(Coded::from(&Msg::InternalError).params.is_empty());
        assert_eq!(
            m.text(Lang::Ja),
            "最新のファイルは41日前のもので、`max_age = 36h`より古いです。"
        );
    }

    #[test]
    fn a_failed_tool_says_its_exit_in_words() {
        let failed = |exit_code, signal| Msg::ToolFailed {
            tool: "borg".into(),
            exit_code,
            signal,
            stderr: "Repository does not exist.".into(),
        };
        let m = failed(Some(2), None);
        assert_eq!(
            m.text(Lang::En),
            "borg failed with exit code 2: Repository does not exist."
        );
        assert_eq!(
            m.text(Lang::Ja),
            "`borg`が終了コード2で失敗しました。エラー出力:「Repository does not exist.」"
        );
        let killed = failed(None, Some(9));
        assert!(killed.text(Lang::Ja).contains("シグナル9で強制終了"));
        assert!(killed.text(Lang::En).contains("killed by signal 9"));
        assert!(!failed(None, None).text(Lang::En).contains("None"));
        // The signal is recorded only when there is one.
        let c = Coded::from(&m);
        assert!(!c.params.contains_key("signal"), "{c:?}");
        assert_eq!(Coded::from(&killed).params["signal"], 9);
    }

    #[test]
    #[cfg(not(windows))]
    fn os_errors_and_ports_are_said_in_words() {
        let m = Msg::CannotRead {
            path: "/etc/x".into(),
            error: "Permission denied (os error 13)".into(),
        };
        assert_eq!(
            m.text(Lang::Ja),
            "`/etc/x`を読めません(読む権限がありません)。"
        );
        assert_eq!(m.text(Lang::En), "cannot read `/etc/x`: permission denied");
        // An unknown English text is kept in English only; Japanese says it generically.
        assert_eq!(detail(Lang::En, "something else"), "something else");
        assert_eq!(detail(Lang::Ja, "something else"), "内容を解釈できません");
        assert_eq!(
            detail(Lang::Ja, "File name too long (os error 36)"),
            "パスが長すぎます"
        );
        assert_eq!(
            detail(Lang::Ja, "Out of memory (os error 12)"),
            "エラー番号12のシステムエラーです"
        );
        let p = Msg::PortsNotAllowed {
            ports: vec![
                "2024/tcp on 0.0.0.0".into(),
                "68/udp on :: (dhclient)".into(),
            ],
        };
        assert_eq!(
            p.text(Lang::Ja),
            "`allowed_ports`にない待ち受けポートは0.0.0.0のTCP 2024番ポート、::のUDP 68番ポート(dhclient)の2件です。"
        );
        assert!(p
            .text(Lang::En)
            .contains("2024/tcp on 0.0.0.0, 68/udp on :: (dhclient)"));
    }

    #[test]
    fn unknown_codes_fall_back_to_the_stored_text() {
        let c = Coded {
            code: "from-the-future".into(),
            params: Map::new(),
        };
        assert_eq!(
            c.text_or(Lang::Ja, "english"),
            "理由は記録された英語のままです(詳細: english)。"
        );
        assert_eq!(c.text_or(Lang::En, "english"), "english");
        assert_eq!(join_coded(&[], Lang::Ja, ""), "");
    }

    #[test]
    fn ages_read_well_in_both_languages() {
        assert_eq!(
            human_age(Duration::from_secs(41 * 86_400 + 5), Lang::En),
            "41 days"
        );
        assert_eq!(
            human_age(Duration::from_secs(41 * 86_400 + 5), Lang::Ja),
            "41日"
        );
        assert_eq!(human_age(Duration::from_secs(5 * 3600), Lang::Ja), "5時間");
        assert_eq!(human_age(Duration::from_secs(30), Lang::En), "30 seconds");
    }
}
