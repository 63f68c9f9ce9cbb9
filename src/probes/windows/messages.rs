//! What the Windows probes say beyond the shared probe messages: stable codes with named
//! parameters, their sentences in the catalog under `## probes-windows`
//! (`probes-windows-<code>`). They travel inside [`Msg::Windows`](crate::probes::Msg), so the
//! evidence records them exactly like every other reason (`{"code": ..., "params": ...}`).

use crate::checklist::Lang;
use crate::probes::messages::{detail, list, port_text};
use crate::tr;
use serde::{Deserialize, Serialize};

/// One statement of a Windows probe. The variant decides the code; the fields are its
/// parameters. Codes are never renamed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum WinMsg {
    /// PowerShell is not there, so `query` (`updates`, `accounts`, `listeners`) got no answer.
    PowershellMissing { query: String, tool: String },
    /// PowerShell ran and failed.
    PowershellFailed {
        query: String,
        exit_code: Option<i32>,
        stderr: String,
    },
    /// PowerShell printed something that is not the document our script prints.
    PowershellOutputNotUnderstood { query: String, error: String },
    /// The OS build's servicing has ended: no more security updates (unless ESU).
    EndOfServicing {
        product: String,
        build: String,
        end_date: String,
        source: String,
    },
    /// Servicing ends within 90 days.
    EndOfServicingSoon {
        product: String,
        end_date: String,
        days: i64,
    },
    /// The build (or edition) is not in medsec's lifecycle table: its support is unknown.
    OsBuildUnknown { build: String, edition: String },
    /// The Windows Update Agent gave no list of pending updates.
    UpdateAgentUnavailable { error: String },
    /// The list of pending updates was read, with this many updates.
    PendingUpdatesRead { count: usize, security: usize },
    /// Members of Administrators (S-1-5-32-544) could not be read.
    AdministratorsUnknown { error: String },
    /// Enabled accounts whose password never expires (`PasswordExpires` empty: "Password
    /// never expires" set on the account, or no maximum password age): a warning, since
    /// periodic change is not needed with 13 characters or more, or two-factor authentication.
    PasswordsNeverExpire { accounts: Vec<String> },
    /// RDP or SMB listen on every address and are not allowed.
    RemoteEntryPointsOpen { ports: Vec<String> },
    /// RDP or SMB listen on every address (allowed, or no allowlist).
    RemoteEntryPointsListening { ports: Vec<String> },
    /// Listening sockets were read with `netstat -ano`, because PowerShell could not:
    /// `cause` is `missing`, `failed` or `not-understood`; `detail` the tool's words, if any.
    NetstatFallback { cause: String, detail: String },
    /// The backup is on a network share (UNC path).
    BackupOnNetworkShare { path: String },
    /// The backup is on a mapped network drive.
    BackupOnMappedDrive { drive: String },
    /// The backup is on a removable (USB) drive that is connected now.
    BackupOnRemovableDrive { drive: String },
    /// The backup is on the system drive.
    BackupOnSystemDrive { drive: String },
    /// The backup is on a disk attached by USB that Windows counts as a fixed drive (most
    /// USB hard disks), connected now.
    BackupOnUsbDisk { drive: String },
}

/// Why a Windows account is flagged, beyond the flags shared with Linux.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "params", rename_all = "kebab-case")]
pub enum WinAccountFlag {
    /// The built-in Administrator (RID 500) is enabled: one administrator account shared by
    /// several people.
    BuiltinAdministratorEnabled,
    /// The built-in Guest (RID 501) is enabled.
    GuestEnabled,
    /// An enabled account that may have no password (PasswordRequired is false).
    PasswordNotRequired,
}

impl WinAccountFlag {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            WinAccountFlag::BuiltinAdministratorEnabled => {
                tr!(lang, "probes-windows-flag-builtin-administrator-enabled")
            }
            WinAccountFlag::GuestEnabled => tr!(lang, "probes-windows-flag-guest-enabled"),
            WinAccountFlag::PasswordNotRequired => {
                tr!(lang, "probes-windows-flag-password-not-required")
            }
        }
    }
}

fn ports(lang: Lang, recorded: &[String]) -> String {
    list(lang, recorded.iter().map(|p| port_text(lang, p)), false)
}

impl WinMsg {
    /// The sentence in `lang`, from the catalog (`## probes-windows`).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            WinMsg::PowershellMissing { query, tool } => tr!(
                lang,
                "probes-windows-powershell-missing",
                query = query.as_str(),
                tool = tool.as_str()
            ),
            WinMsg::PowershellFailed {
                query,
                exit_code,
                stderr,
            } => tr!(
                lang,
                "probes-windows-powershell-failed",
                query = query.as_str(),
                code = exit_code.map_or_else(|| "?".to_owned(), |c| c.to_string()),
                stderr = stderr.as_str()
            ),
            WinMsg::PowershellOutputNotUnderstood { query, error } => tr!(
                lang,
                "probes-windows-powershell-output-not-understood",
                query = query.as_str(),
                error = detail(lang, error)
            ),
            WinMsg::EndOfServicing {
                product,
                build,
                end_date,
                source,
            } => tr!(
                lang,
                "probes-windows-end-of-servicing",
                product = product.as_str(),
                build = build.as_str(),
                end_date = end_date.as_str(),
                source = source.as_str()
            ),
            WinMsg::EndOfServicingSoon {
                product,
                end_date,
                days,
            } => tr!(
                lang,
                "probes-windows-end-of-servicing-soon",
                product = product.as_str(),
                end_date = end_date.as_str(),
                days = (*days)
            ),
            WinMsg::OsBuildUnknown { build, edition } => tr!(
                lang,
                "probes-windows-os-build-unknown",
                build = build.as_str(),
                edition = edition.as_str()
            ),
            WinMsg::UpdateAgentUnavailable { error } => tr!(
                lang,
                "probes-windows-update-agent-unavailable",
                error = detail(lang, error)
            ),
            WinMsg::PendingUpdatesRead { count, security } => tr!(
                lang,
                "probes-windows-pending-updates-read",
                count = (*count),
                security = (*security)
            ),
            WinMsg::AdministratorsUnknown { error } => tr!(
                lang,
                "probes-windows-administrators-unknown",
                error = detail(lang, error)
            ),
            WinMsg::PasswordsNeverExpire { accounts } => tr!(
                lang,
                "probes-windows-passwords-never-expire",
                count = accounts.len(),
                accounts = list(lang, accounts.iter().cloned(), false)
            ),
            WinMsg::RemoteEntryPointsOpen { ports: p } => tr!(
                lang,
                "probes-windows-remote-entry-points-open",
                count = p.len(),
                ports = ports(lang, p)
            ),
            WinMsg::RemoteEntryPointsListening { ports: p } => tr!(
                lang,
                "probes-windows-remote-entry-points-listening",
                ports = ports(lang, p)
            ),
            WinMsg::NetstatFallback { cause, detail: d } => tr!(
                lang,
                "probes-windows-netstat-fallback",
                cause = cause.as_str(),
                detail = detail(lang, d)
            ),
            WinMsg::BackupOnNetworkShare { path } => tr!(
                lang,
                "probes-windows-backup-on-network-share",
                path = path.as_str()
            ),
            WinMsg::BackupOnMappedDrive { drive } => tr!(
                lang,
                "probes-windows-backup-on-mapped-drive",
                drive = drive.as_str()
            ),
            WinMsg::BackupOnRemovableDrive { drive } => tr!(
                lang,
                "probes-windows-backup-on-removable-drive",
                drive = drive.as_str()
            ),
            WinMsg::BackupOnSystemDrive { drive } => tr!(
                lang,
                "probes-windows-backup-on-system-drive",
                drive = drive.as_str()
            ),
            WinMsg::BackupOnUsbDisk { drive } => tr!(
                lang,
                "probes-windows-backup-on-usb-disk",
                drive = drive.as_str()
            ),
        }
    }
}

/// One of every Windows message, for the catalog and round-trip tests of `probes::messages`.
#[cfg(test)]
pub(crate) fn every_message() -> Vec<WinMsg> {
    let s = || "x".to_owned();
    vec![
        WinMsg::PowershellMissing {
            query: "updates".into(),
            tool: "powershell.exe".into(),
        },
        WinMsg::PowershellFailed {
            query: "accounts".into(),
            exit_code: Some(1),
            stderr: s(),
        },
        WinMsg::PowershellOutputNotUnderstood {
            query: "listeners".into(),
            error: s(),
        },
        WinMsg::EndOfServicing {
            product: s(),
            build: s(),
            end_date: "2025-10-14".into(),
            source: s(),
        },
        WinMsg::EndOfServicingSoon {
            product: s(),
            end_date: "2026-10-13".into(),
            days: 30,
        },
        WinMsg::OsBuildUnknown {
            build: s(),
            edition: s(),
        },
        WinMsg::UpdateAgentUnavailable { error: s() },
        WinMsg::PendingUpdatesRead {
            count: 2,
            security: 1,
        },
        WinMsg::AdministratorsUnknown { error: s() },
        WinMsg::PasswordsNeverExpire {
            accounts: vec!["tanaka".into()],
        },
        WinMsg::RemoteEntryPointsOpen {
            ports: vec!["3389/tcp on 0.0.0.0 (svchost: TermService)".into()],
        },
        WinMsg::RemoteEntryPointsListening {
            ports: vec!["445/tcp on :: (System)".into()],
        },
        WinMsg::NetstatFallback {
            cause: "failed".into(),
            detail: s(),
        },
        WinMsg::BackupOnNetworkShare { path: s() },
        WinMsg::BackupOnMappedDrive { drive: s() },
        WinMsg::BackupOnRemovableDrive { drive: s() },
        WinMsg::BackupOnSystemDrive { drive: s() },
        WinMsg::BackupOnUsbDisk { drive: s() },
    ]
}
