//! accounts on Windows: local accounts from `Get-LocalUser` and the members of Administrators
//! from `Get-LocalGroupMember -SID S-1-5-32-544` (by the well-known SID, so the group's name
//! in the display language does not matter). The rules are those of Linux (leavers, unused,
//! never logged in), plus the ones only Windows has: the built-in Administrator or Guest
//! enabled (one account shared by several people) and accounts that need no password. An
//! enabled account whose password never expires is a warning (Linux records no such setting).

use super::WindowsSource;
use super::{decode_json, json_list, json_text, json_time, Query, WinAccountFlag, WinMsg};
use crate::checklist::Lang;
use crate::probes::config::AccountsSettings;
use crate::probes::messages::{AccountFlag, FlaggedAccount};
use crate::probes::{Msg, Observation, ProbeContext, Verdict};
use jiff::Timestamp;
use serde::Serialize;
use std::collections::BTreeSet;

/// The PowerShell script of [`Query::Accounts`] (Windows PowerShell 5.1: the
/// `Microsoft.PowerShell.LocalAccounts` module). Times are written in ISO 8601 with offset.
pub const SCRIPT: &str = r#"$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch { }
function t($d) { if ($d) { $d.ToString('o') } else { $null } }
$users = @(Get-LocalUser | ForEach-Object {
  [ordered]@{ Name = $_.Name; SID = $_.SID.Value; Enabled = $_.Enabled; LastLogon = t $_.LastLogon
    PasswordLastSet = t $_.PasswordLastSet; PasswordExpires = t $_.PasswordExpires
    PasswordRequired = $_.PasswordRequired; AccountExpires = t $_.AccountExpires } })
$admins = $(try {
  [ordered]@{ available = $true; members = @(Get-LocalGroupMember -SID 'S-1-5-32-544' | ForEach-Object {
    [ordered]@{ Name = $_.Name; SID = $_.SID.Value; ObjectClass = $_.ObjectClass; PrincipalSource = [string]$_.PrincipalSource } }) }
} catch { [ordered]@{ available = $false; error = $_.Exception.Message } })
[ordered]@{ format = 1; users = $users; administrators = $admins } | ConvertTo-Json -Depth 5 -Compress
"#;

/// One local account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalUser {
    pub name: String,
    pub sid: String,
    pub enabled: bool,
    pub last_logon: Option<Timestamp>,
    pub password_last_set: Option<Timestamp>,
    /// No expiry date: the password never expires.
    pub password_never_expires: bool,
    pub password_required: bool,
    pub account_expires: Option<Timestamp>,
}

impl LocalUser {
    /// The relative ID: the last part of the SID (500 is the built-in Administrator).
    pub fn rid(&self) -> Option<u32> {
        self.sid.rsplit('-').next()?.parse().ok()
    }
}

/// A member of Administrators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdminMember {
    pub name: String,
    pub sid: String,
    /// As Windows says it (`User`, `ユーザー`, `Group`, `グループ`): recorded, not judged.
    pub object_class: String,
    pub principal_source: String,
}

/// The answer of [`SCRIPT`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountsReport {
    pub users: Vec<LocalUser>,
    /// The members of Administrators, or why they could not be read.
    pub administrators: Result<Vec<AdminMember>, String>,
}

/// Parse what [`SCRIPT`] printed (any encoding).
pub fn parse_accounts(bytes: &[u8]) -> Result<AccountsReport, String> {
    let (doc, _) = decode_json(bytes)?;
    if !doc.is_object() {
        return Err("not a JSON object".into());
    }
    let time = |v: Option<&serde_json::Value>| v.and_then(json_time);
    let users = json_list(doc.get("users"))
        .into_iter()
        .filter_map(|u| {
            let name = json_text(u.get("Name"));
            if name.is_empty() {
                return None;
            }
            Some(LocalUser {
                name,
                sid: json_text(u.get("SID").map(|s| s.get("Value").unwrap_or(s))),
                enabled: u.get("Enabled").and_then(serde_json::Value::as_bool) == Some(true),
                last_logon: time(u.get("LastLogon")),
                password_last_set: time(u.get("PasswordLastSet")),
                password_never_expires: time(u.get("PasswordExpires")).is_none(),
                password_required: u
                    .get("PasswordRequired")
                    .and_then(serde_json::Value::as_bool)
                    != Some(false),
                account_expires: time(u.get("AccountExpires")),
            })
        })
        .collect();
    let admins = doc.get("administrators");
    let administrators = match admins {
        Some(a) if a.get("available").and_then(serde_json::Value::as_bool) == Some(true) => {
            Ok(json_list(a.get("members"))
                .into_iter()
                .map(|m| AdminMember {
                    name: json_text(m.get("Name")),
                    sid: json_text(m.get("SID").map(|s| s.get("Value").unwrap_or(s))),
                    object_class: json_text(m.get("ObjectClass")),
                    principal_source: json_text(m.get("PrincipalSource")),
                })
                .collect())
        }
        Some(a) => Err(json_text(a.get("error"))),
        None => Err(String::new()),
    };
    Ok(AccountsReport {
        users,
        administrators,
    })
}

#[derive(Debug, Serialize)]
struct AccountView<'a> {
    name: &'a str,
    sid: &'a str,
    enabled: bool,
    administrator: Option<bool>,
    last_logon: Option<Timestamp>,
    password_last_set: Option<Timestamp>,
    password_never_expires: bool,
    password_required: bool,
    flags: Vec<String>,
}

/// Ask `source` and judge; `leavers` are the names of people who have left (compared
/// ignoring case, as Windows does).
pub fn judge(
    settings: &AccountsSettings,
    ctx: &ProbeContext,
    source: &dyn WindowsSource,
    leavers: &BTreeSet<String>,
) -> Observation {
    let bytes = match source.ask(ctx, Query::Accounts) {
        Ok(b) => b,
        Err(e) => return Observation::new(Verdict::Unknown, e.msg(Query::Accounts)),
    };
    match parse_accounts(&bytes) {
        Ok(report) => judge_report(settings, ctx.now(), &report, leavers),
        Err(error) => Observation::new(
            Verdict::Unknown,
            Msg::Windows(WinMsg::PowershellOutputNotUnderstood {
                query: Query::Accounts.name().into(),
                error,
            }),
        ),
    }
}

/// Judge a parsed report at `now`.
pub fn judge_report(
    settings: &AccountsSettings,
    now: Timestamp,
    report: &AccountsReport,
    leavers: &BTreeSet<String>,
) -> Observation {
    let lower = |s: &str| s.to_lowercase();
    let leavers: BTreeSet<String> = leavers.iter().map(|l| lower(l)).collect();
    let ignore: BTreeSet<String> = settings.ignore.iter().map(|l| lower(l)).collect();
    let admin_sids: Option<BTreeSet<&str>> = report
        .administrators
        .as_ref()
        .ok()
        .map(|m| m.iter().map(|m| m.sid.as_str()).collect());
    let max_unused = i64::from(settings.max_unused_days);
    let days_since = |t: Timestamp| (now.as_second() - t.as_second()).div_euclid(86_400);
    let mut views = Vec::new();
    let mut flagged = Vec::new();
    let mut never_expire = Vec::new();
    for u in &report.users {
        if ignore.contains(&lower(&u.name)) {
            continue;
        }
        let expired = u.account_expires.is_some_and(|e| e <= now);
        let can_log_in = u.enabled && !expired;
        let mut flags = Vec::new();
        if can_log_in && leavers.contains(&lower(&u.name)) {
            flags.push(AccountFlag::Leaver);
        }
        if can_log_in && u.rid() == Some(500) {
            flags.push(AccountFlag::Windows(
                WinAccountFlag::BuiltinAdministratorEnabled,
            ));
        }
        if can_log_in && u.rid() == Some(501) {
            flags.push(AccountFlag::Windows(WinAccountFlag::GuestEnabled));
        }
        if can_log_in && !u.password_required {
            flags.push(AccountFlag::Windows(WinAccountFlag::PasswordNotRequired));
        }
        if can_log_in && u.password_never_expires {
            never_expire.push(u.name.clone());
        }
        if can_log_in {
            match u.last_logon {
                Some(t) if days_since(t) > max_unused => flags.push(AccountFlag::UnusedFor {
                    days: days_since(t),
                    max_days: max_unused,
                }),
                Some(_) => {}
                // A new account (password set recently) may simply not be used yet.
                None if u
                    .password_last_set
                    .is_none_or(|t| days_since(t) > max_unused) =>
                {
                    flags.push(AccountFlag::NeverLoggedIn);
                }
                None => {}
            }
        }
        if !flags.is_empty() {
            flagged.push(FlaggedAccount {
                name: u.name.clone(),
                flags: flags.clone(),
            });
        }
        views.push(AccountView {
            name: &u.name,
            sid: &u.sid,
            enabled: u.enabled,
            administrator: admin_sids.as_ref().map(|s| s.contains(u.sid.as_str())),
            last_logon: u.last_logon,
            password_last_set: u.password_last_set,
            password_never_expires: u.password_never_expires,
            password_required: u.password_required,
            flags: flags.iter().map(|f| f.text(Lang::En)).collect(),
        });
    }
    let can_log_in = report
        .users
        .iter()
        .filter(|u| u.enabled && !ignore.contains(&lower(&u.name)))
        .count();
    let present: BTreeSet<String> = report.users.iter().map(|u| lower(&u.name)).collect();
    let leavers_absent: Vec<&String> = leavers.iter().filter(|l| !present.contains(*l)).collect();
    let mut obs = Observation::pending(Verdict::Pass)
        .with("accounts_total", report.users.len())
        .with("can_log_in", can_log_in)
        .with("accounts", &views)
        .with(
            "flagged",
            flagged.iter().map(|f| f.text(Lang::En)).collect::<Vec<_>>(),
        )
        .with("administrators", report.administrators.as_ref().ok())
        .with("leavers_checked", leavers.len())
        .with("leavers_without_account", leavers_absent)
        .with("login_records", "Get-LocalUser LastLogon");
    if let Err(error) = &report.administrators {
        obs.warnings
            .push(Msg::Windows(WinMsg::AdministratorsUnknown {
                error: error.clone(),
            }));
    }
    if !never_expire.is_empty() {
        obs.warnings
            .push(Msg::Windows(WinMsg::PasswordsNeverExpire {
                accounts: never_expire,
            }));
    }
    if flagged.is_empty() {
        obs.because(Msg::AccountsInUse {
            can_log_in,
            max_days: max_unused,
            leavers_checked: !leavers.is_empty(),
        });
    } else {
        obs.verdict = Verdict::Fail;
        obs.because(Msg::AccountsToReview { accounts: flagged });
    }
    obs
}
