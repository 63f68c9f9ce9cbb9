//! accounts: local accounts that can log in, with their last login; accounts unused for N days
//! and accounts of people who have left are flagged.
//!
//! Reads /etc/passwd, /etc/shadow (when allowed: without it the password state is unknown),
//! /var/lib/wtmpdb/wtmp.db (Debian 13's login records, SQLite, opened read-only and immutable
//! so nothing is written), /var/log/wtmp and /var/log/lastlog. A home's `.ssh/authorized_keys` is only checked for
//! existence, never read.

use super::config::{AccountsSettings, Role};
use super::messages::{AccountFlag, FlaggedAccount};
use super::{items_for, Msg, Observation, Probe, ProbeContext, Verdict};
use crate::checklist::Lang;
use crate::checklist::ProbeKind;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub struct Accounts {
    settings: AccountsSettings,
    role: Role,
}

impl Accounts {
    pub fn new(settings: AccountsSettings, role: Role) -> Self {
        Accounts { settings, role }
    }
}

/// One line of /etc/passwd.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswdEntry {
    pub name: String,
    pub uid: u32,
    pub home: String,
    pub shell: String,
}

pub fn parse_passwd(text: &str) -> Vec<PasswdEntry> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            // name:password:uid:gid:gecos:home:shell; a shorter (damaged) line is skipped.
            let f: Vec<&str> = l.split(':').collect();
            let [name, _, uid, _, _, home, shell, ..] = f.as_slice() else {
                return None;
            };
            Some(PasswdEntry {
                name: (*name).to_owned(),
                uid: uid.parse().unwrap_or(u32::MAX),
                home: (*home).to_owned(),
                shell: (*shell).to_owned(),
            })
        })
        .collect()
}

/// The password field's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PasswordState {
    /// A hash: password login works.
    Usable,
    /// `!` or `*`: locked.
    Locked,
    /// Empty: login without a password.
    Empty,
    /// /etc/shadow could not be read.
    Unknown,
}

/// name -> (password state, last change in days since 1970, account expiry in days)
pub fn parse_shadow(text: &str) -> BTreeMap<String, (PasswordState, Option<i64>, Option<i64>)> {
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            let [name, hash, ..] = f.as_slice() else {
                return None;
            };
            let state = match *hash {
                "" => PasswordState::Empty,
                h if h.starts_with('!') || h.starts_with('*') => PasswordState::Locked,
                _ => PasswordState::Usable,
            };
            let day = |i: usize| f.get(i).and_then(|v| v.parse::<i64>().ok());
            Some(((*name).to_owned(), (state, day(2), day(7))))
        })
        .collect()
}

/// Shells that do not give a session.
fn is_no_login_shell(shell: &str) -> bool {
    let base = shell.rsplit('/').next().unwrap_or(shell);
    shell.is_empty() || matches!(base, "nologin" | "false" | "sync" | "shutdown" | "halt")
}

/// A login seen in wtmp or lastlog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Login {
    pub time: Timestamp,
    pub from: String,
}

/// The NUL-terminated string in `rec[range]` (empty when the record is too short).
fn cstr_at(rec: &[u8], range: std::ops::Range<usize>) -> String {
    let b = rec.get(range).unwrap_or_default();
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    String::from_utf8_lossy(b.get(..end).unwrap_or(b)).into_owned()
}

/// The little-endian `u32` at `at`, if the record holds it.
fn u32_at(rec: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = rec.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
}

/// Newest USER_PROCESS record per user in a wtmp file (glibc `struct utmp`, 384 bytes).
pub fn parse_wtmp(bytes: &[u8]) -> BTreeMap<String, Login> {
    const RECORD: usize = 384;
    const USER_PROCESS: i16 = 7;
    let login = |rec: &[u8]| -> Option<(String, Login)> {
        let kind: [u8; 2] = rec.get(0..2)?.try_into().ok()?;
        if i16::from_le_bytes(kind) != USER_PROCESS {
            return None;
        }
        let user = cstr_at(rec, 44..76);
        let host = cstr_at(rec, 76..332);
        let line = cstr_at(rec, 8..40);
        // ut_tv.tv_sec is an int32 that glibc treats as unsigned (good until 2106).
        let time = Timestamp::from_second(i64::from(u32_at(rec, 340)?)).ok()?;
        let from = if host.is_empty() { line } else { host };
        Some((user, Login { time, from }))
    };
    let mut out: BTreeMap<String, Login> = BTreeMap::new();
    for (user, l) in bytes.chunks_exact(RECORD).filter_map(login) {
        if out.get(&user).is_none_or(|old| old.time < l.time) {
            out.insert(user, l);
        }
    }
    out
}

/// Where Debian 13 (wtmpdb) keeps login records.
pub const WTMPDB: &str = "/var/lib/wtmpdb/wtmp.db";

/// Newest login per user in a wtmpdb database (table `wtmp`: ID, Type, User, Login, Logout,
/// TTY, RemoteHost, Service; Type 3 is a user session, Login in microseconds since 1970).
/// Opened read-only and immutable (no lock, no journal, nothing written).
pub fn read_wtmpdb(path: &Path) -> Result<BTreeMap<String, Login>, String> {
    use rusqlite::{Connection, OpenFlags};
    let uri = format!("file:{}?immutable=1", uri_path(path));
    let db = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| e.to_string())?;
    const USER_PROCESS: i64 = 3;
    let mut stmt = db
        .prepare(
            "SELECT User, Login, RemoteHost, TTY FROM wtmp WHERE Type = ?1 AND Login IS NOT NULL",
        )
        .map_err(|e| e.to_string())?;
    let rows = stmt
        .query_map([USER_PROCESS], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })
        .map_err(|e| e.to_string())?;
    let mut out: BTreeMap<String, Login> = BTreeMap::new();
    for row in rows {
        let (user, micros, host, tty) = row.map_err(|e| e.to_string())?;
        let Ok(time) = Timestamp::from_microsecond(micros) else {
            continue;
        };
        let from = host.filter(|h| !h.is_empty()).or(tty).unwrap_or_default();
        if out.get(&user).is_none_or(|old| old.time < time) {
            out.insert(user, Login { time, from });
        }
    }
    Ok(out)
}

/// A path as an SQLite URI path: bytes other than unreserved ones percent-encoded.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The lastlog record of `uid` (`struct lastlog`, 292 bytes, indexed by uid).
pub fn lastlog_entry(bytes: &[u8], uid: u32) -> Option<Login> {
    let off = usize::try_from(uid).ok()?.checked_mul(292)?;
    let rec = bytes.get(off..off.checked_add(292)?)?;
    let secs = u32_at(rec, 0)?;
    if secs == 0 {
        return None;
    }
    let host = cstr_at(rec, 36..292);
    Some(Login {
        time: Timestamp::from_second(i64::from(secs)).ok()?,
        from: if host.is_empty() {
            cstr_at(rec, 4..36)
        } else {
            host
        },
    })
}

/// The leavers: `leavers` and the names in `leavers_file`; an unreadable file is the verdict.
pub(crate) fn read_leavers(
    s: &AccountsSettings,
    ctx: &ProbeContext,
) -> Result<BTreeSet<String>, Observation> {
    let mut leavers: BTreeSet<String> = s.leavers.iter().cloned().collect();
    if let Some(f) = &s.leavers_file {
        match ctx.read(f) {
            Ok(b) => {
                let (text, _) = super::text::decode(&b);
                leavers.extend(
                    text.lines()
                        .map(|l| l.split('#').next().unwrap_or("").trim())
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned),
                );
            }
            Err(e) => {
                return Err(Observation::new(
                    Verdict::Unknown,
                    Msg::LeaversUnreadable {
                        path: f.display().to_string(),
                        error: e.to_string(),
                    },
                ))
            }
        }
    }
    Ok(leavers)
}

#[derive(Debug, Serialize)]
struct AccountView {
    name: String,
    uid: u32,
    shell: String,
    password: PasswordState,
    authorized_keys: bool,
    can_log_in: bool,
    last_login: Option<Login>,
    flags: Vec<String>,
}

/// lastlog is a sparse file as long as the highest uid; beyond this it is not read.
const MAX_LASTLOG_BYTES: u64 = 64 << 20;

impl Probe for Accounts {
    fn kind(&self) -> ProbeKind {
        ProbeKind::Accounts
    }

    fn items(&self) -> Vec<String> {
        items_for(ProbeKind::Accounts, self.role)
    }

    fn parameters(&self) -> Map<String, Value> {
        let s = &self.settings;
        let mut m = Map::new();
        m.insert("max_unused_days".into(), s.max_unused_days.into());
        m.insert("leavers".into(), s.leavers.clone().into());
        if let Some(f) = &s.leavers_file {
            m.insert("leavers_file".into(), f.display().to_string().into());
        }
        m.insert("ignore".into(), s.ignore.clone().into());
        m
    }

    fn run(&self, ctx: &ProbeContext) -> Observation {
        let s = &self.settings;
        // Windows: local accounts through PowerShell (src/probes/windows/accounts.rs).
        #[cfg(windows)]
        if ctx.is_real_root() {
            return match read_leavers(s, ctx) {
                Ok(leavers) => {
                    super::windows::accounts::judge(s, ctx, &super::windows::Live, &leavers)
                }
                Err(obs) => obs,
            };
        }
        let passwd_path = ctx.path("/etc/passwd");
        let passwd = match ctx.read(&passwd_path) {
            Ok(b) => parse_passwd(&String::from_utf8_lossy(&b)),
            Err(e) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::PasswdUnreadable {
                        path: passwd_path.display().to_string(),
                        error: e.to_string(),
                    },
                )
            }
        };
        let shadow = match ctx.read(&ctx.path("/etc/shadow")) {
            Ok(b) => Some(parse_shadow(&String::from_utf8_lossy(&b))),
            Err(_) => None,
        };
        // Login sources that exist but could not be read: nothing is concluded from the
        // absence of a login while one of them might hold it.
        let mut unread_sources: Vec<(String, String)> = Vec::new();
        let wtmpdb_path = ctx.path(WTMPDB);
        let wtmpdb = if wtmpdb_path.exists() {
            let read = super::FileRecord::of_file(&wtmpdb_path)
                .map_err(|e| e.to_string())
                .and_then(|r| read_wtmpdb(&wtmpdb_path).map(|logins| (r, logins)));
            match read {
                Ok((record, logins)) => {
                    ctx.record_file(record);
                    Some(logins)
                }
                Err(error) => {
                    let path = wtmpdb_path.display().to_string();
                    ctx.note(
                        &wtmpdb_path,
                        "error",
                        Msg::LoginRecordsUnreadable {
                            path: path.clone(),
                            error: error.clone(),
                        },
                    );
                    unread_sources.push((path, error));
                    None
                }
            }
        } else {
            None
        };
        let wtmp_path = ctx.path("/var/log/wtmp");
        let wtmp = match ctx.read_optional(&wtmp_path) {
            Ok(b) => b.map(|b| parse_wtmp(&b)),
            Err(e) => {
                unread_sources.push((wtmp_path.display().to_string(), e.to_string()));
                None
            }
        };
        let lastlog_path = ctx.path("/var/log/lastlog");
        let lastlog = match std::fs::metadata(&lastlog_path) {
            Ok(md) if md.len() <= MAX_LASTLOG_BYTES => match ctx.read(&lastlog_path) {
                Ok(b) => Some(b),
                Err(e) => {
                    unread_sources.push((lastlog_path.display().to_string(), e.to_string()));
                    None
                }
            },
            Ok(md) => {
                ctx.note(
                    &lastlog_path,
                    "error",
                    Msg::LastlogTooLarge { bytes: md.len() },
                );
                None
            }
            Err(_) => None,
        };
        let leavers = match read_leavers(s, ctx) {
            Ok(l) => l,
            Err(obs) => return obs,
        };
        let now = ctx.now();
        let today_days = now.as_second().div_euclid(86_400);
        let max_unused = i64::from(s.max_unused_days);
        let have_logins =
            (wtmpdb.is_some() || wtmp.is_some() || lastlog.is_some()) && unread_sources.is_empty();
        let mut views = Vec::new();
        let mut flagged = Vec::new();
        for p in &passwd {
            if s.ignore.contains(&p.name) {
                continue;
            }
            let (password, last_change, expire) = match &shadow {
                Some(sh) => sh
                    .get(&p.name)
                    .copied()
                    .unwrap_or((PasswordState::Locked, None, None)),
                None => (PasswordState::Unknown, None, None),
            };
            let keys_path = ctx.path(Path::new(&p.home).join(".ssh/authorized_keys"));
            let authorized_keys = keys_path.is_file();
            let expired = expire.is_some_and(|e| e <= today_days);
            let can_log_in = !is_no_login_shell(&p.shell)
                && !expired
                && (password != PasswordState::Locked || authorized_keys);
            let last_login = [
                wtmpdb.as_ref().and_then(|w| w.get(&p.name).cloned()),
                wtmp.as_ref().and_then(|w| w.get(&p.name).cloned()),
                lastlog.as_ref().and_then(|l| lastlog_entry(l, p.uid)),
            ]
            .into_iter()
            .flatten()
            .max_by_key(|l| l.time);
            let mut flags = Vec::new();
            if leavers.contains(&p.name) && can_log_in {
                flags.push(AccountFlag::Leaver);
            }
            if can_log_in && password == PasswordState::Empty {
                flags.push(AccountFlag::EmptyPassword);
            }
            if can_log_in && have_logins {
                match &last_login {
                    Some(l) => {
                        let days = (now.as_second() - l.time.as_second()) / 86_400;
                        if days > max_unused {
                            flags.push(AccountFlag::UnusedFor {
                                days,
                                max_days: max_unused,
                            });
                        }
                    }
                    None => {
                        // An account made recently may simply not have been used yet.
                        let age_days = last_change.map(|c| today_days - c);
                        if age_days.is_none_or(|a| a > max_unused) {
                            flags.push(AccountFlag::NeverLoggedIn);
                        }
                    }
                }
            }
            if !flags.is_empty() {
                flagged.push(FlaggedAccount {
                    name: p.name.clone(),
                    flags: flags.clone(),
                });
            }
            if can_log_in || leavers.contains(&p.name) {
                views.push(AccountView {
                    name: p.name.clone(),
                    uid: p.uid,
                    shell: p.shell.clone(),
                    password,
                    authorized_keys,
                    can_log_in,
                    last_login,
                    flags: flags.iter().map(|f| f.text(Lang::En)).collect(),
                });
            }
        }
        let present: BTreeSet<&str> = passwd.iter().map(|p| p.name.as_str()).collect();
        let leavers_absent: Vec<&String> = leavers
            .iter()
            .filter(|l| !present.contains(l.as_str()))
            .collect();
        let flagged_text: Vec<String> = flagged.iter().map(|f| f.text(Lang::En)).collect();
        let mut obs = Observation::pending(Verdict::Pass)
            .with("accounts_total", passwd.len())
            .with("can_log_in", views.iter().filter(|v| v.can_log_in).count())
            .with("accounts", &views)
            .with("flagged", &flagged_text)
            .with("leavers_checked", leavers.len())
            .with("leavers_without_account", leavers_absent)
            .with("shadow_readable", shadow.is_some())
            .with("login_records", {
                let read: Vec<&str> = [
                    (wtmpdb.is_some(), "wtmpdb"),
                    (wtmp.is_some(), "wtmp"),
                    (lastlog.is_some(), "lastlog"),
                ]
                .into_iter()
                .filter_map(|(ok, name)| ok.then_some(name))
                .collect();
                if read.is_empty() {
                    "none".to_owned()
                } else {
                    read.join(" and ")
                }
            })
            .with(
                "login_records_unreadable",
                unread_sources.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            );
        if shadow.is_none() {
            obs.warnings.push(Msg::ShadowUnreadable);
        }
        if !flagged.is_empty() {
            obs.verdict = Verdict::Fail;
            obs.because(Msg::AccountsToReview { accounts: flagged });
        } else if let Some((path, error)) = unread_sources.first() {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::LoginRecordsUnreadable {
                path: path.clone(),
                error: error.clone(),
            });
        } else if !have_logins {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::NoLoginRecords);
        } else {
            obs.because(Msg::AccountsInUse {
                can_log_in: views.iter().filter(|v| v.can_log_in).count(),
                max_days: max_unused,
                leavers_checked: !leavers.is_empty(),
            });
        }
        obs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn wtmp_record(user: &str, host: &str, secs: u32) -> Vec<u8> {
        let mut r = vec![0u8; 384];
        r[0..2].copy_from_slice(&7i16.to_le_bytes());
        r[8..8 + 5].copy_from_slice(b"pts/0");
        r[44..44 + user.len()].copy_from_slice(user.as_bytes());
        r[76..76 + host.len()].copy_from_slice(host.as_bytes());
        r[340..344].copy_from_slice(&secs.to_le_bytes());
        r
    }

    #[test]
    fn damaged_account_files_are_read_without_a_panic() {
        let p = parse_passwd("root:x:0:0:root:/root:/bin/bash\nbroken:x:1\n:\n\u{0}\nalice:x:1000:1000::/home/alice:/bin/sh:extra\n");
        let names: Vec<&str> = p.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["root", "alice"]);
        let s = parse_shadow("root\n:\nbob:!\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s["bob"].0, PasswordState::Locked);
        // A cut-off wtmp (a partial last record) keeps the whole records.
        let mut b = wtmp_record("alice", "pc01", 1_700_000_000);
        b.extend_from_slice(&wtmp_record("bob", "pc02", 1_700_000_001)[..200]);
        assert_eq!(parse_wtmp(&b).len(), 1);
        assert!(parse_wtmp(&b[..10]).is_empty());
        // lastlog shorter than the uid's record.
        assert_eq!(lastlog_entry(&[1, 0, 0, 0], 0), None);
        assert_eq!(lastlog_entry(&[], u32::MAX), None);
        assert_eq!(cstr_at(b"abc", 1..10), "");
        assert_eq!(u32_at(b"abc", 0), None);
    }

    #[test]
    fn wtmp_keeps_the_newest_login() {
        let mut b = wtmp_record("alice", "10.0.0.5", 1_700_000_000);
        b.extend(wtmp_record("alice", "", 1_700_100_000));
        b.extend(wtmp_record("bob", "pc02", 1_600_000_000));
        let w = parse_wtmp(&b);
        assert_eq!(w["alice"].time.as_second(), 1_700_100_000);
        assert_eq!(w["alice"].from, "pts/0");
        assert_eq!(w["bob"].from, "pc02");
    }

    #[test]
    fn shadow_states() {
        let s = parse_shadow("root:!:19000:0:99999:7:::\nalice:$y$j9T$abc:19500:0:99999:7:::\nguest::19000::::::\nold:$6$x:19000:::::19001:\n");
        assert_eq!(s["root"].0, PasswordState::Locked);
        assert_eq!(s["alice"].0, PasswordState::Usable);
        assert_eq!(s["guest"].0, PasswordState::Empty);
        assert_eq!(s["old"].2, Some(19001));
        assert!(is_no_login_shell("/usr/sbin/nologin"));
        assert!(!is_no_login_shell("/bin/bash"));
    }

    #[test]
    fn lastlog_by_uid() {
        let mut b = vec![0u8; 292 * 1001];
        let off = 1000 * 292;
        b[off..off + 4].copy_from_slice(&1_700_000_000u32.to_le_bytes());
        b[off + 36..off + 40].copy_from_slice(b"host");
        assert_eq!(lastlog_entry(&b, 1000).unwrap().from, "host");
        assert!(lastlog_entry(&b, 5).is_none());
        assert!(lastlog_entry(&b, 5000).is_none());
    }
}
