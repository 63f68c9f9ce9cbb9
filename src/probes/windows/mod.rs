//! The Windows side of the probes: what they ask the machine, and how they judge the answers.
//!
//! Every question goes through a [`WindowsSource`]: on Windows, `Live` runs PowerShell
//! (`powershell.exe -EncodedCommand`, so no quoting can go wrong), `netstat -ano` and
//! `tasklist`, each by its absolute path in the system directory ([`Query::program`]); in
//! tests, recorded outputs stand in. The parsers and the judging are
//! platform-free and tested on Linux against recorded outputs (`tests/fixtures/windows/`):
//! JSON and CSV from Japanese and English Windows, in UTF-8, UTF-16LE with a BOM or CP932.
//! Only `Live` and the drive-type call of [`drives`] compile on Windows alone. Nothing here
//! prints or changes the machine.

pub mod accounts;
pub mod drives;
pub mod lifecycle;
pub mod listeners;
pub mod messages;
pub mod updates;

pub use messages::{WinAccountFlag, WinMsg};

use super::{Msg, Observation, Probe, ProbeContext, ProbeSettings, ProbeSpec, Role};
use jiff::Timestamp;
use serde_json::Value;

/// What a Windows probe asks the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Query {
    /// Installed updates, the OS build and pending updates (PowerShell, [`updates::SCRIPT`]).
    Updates,
    /// Local accounts and the members of Administrators (PowerShell, [`accounts::SCRIPT`]).
    Accounts,
    /// Listening sockets with their processes and services (PowerShell, [`listeners::SCRIPT`]).
    Listeners,
    /// `netstat -ano`: the fallback for listening sockets.
    Netstat,
    /// `tasklist /svc /fo csv /nh`: process names and services for the netstat fallback.
    Tasklist,
}

impl Query {
    /// The stable name, as the evidence and the messages record it.
    pub fn name(self) -> &'static str {
        match self {
            Query::Updates => "updates",
            Query::Accounts => "accounts",
            Query::Listeners => "listeners",
            Query::Netstat => "netstat",
            Query::Tasklist => "tasklist",
        }
    }

    /// The PowerShell script, for the questions PowerShell answers.
    pub fn script(self) -> Option<&'static str> {
        match self {
            Query::Updates => Some(updates::SCRIPT),
            Query::Accounts => Some(accounts::SCRIPT),
            Query::Listeners => Some(listeners::SCRIPT),
            Query::Netstat | Query::Tasklist => None,
        }
    }

    /// Where the program lives inside the Windows system directory (`System32`): PowerShell 5.1,
    /// which every supported Windows has, and the two tools.
    pub fn program_in_system_dir(self) -> &'static str {
        match self {
            Query::Updates | Query::Accounts | Query::Listeners => {
                r"WindowsPowerShell\v1.0\powershell.exe"
            }
            Query::Netstat => "netstat.exe",
            Query::Tasklist => "tasklist.exe",
        }
    }

    /// The program's file name (`powershell.exe`), as recordings name it.
    pub fn program_name(self) -> &'static str {
        let path = self.program_in_system_dir();
        path.rsplit('\\').next().unwrap_or(path)
    }

    /// The program's absolute path in `system_dir` (what `GetSystemDirectoryW` gives,
    /// `C:\Windows\system32`). Never a bare name: Windows would look for that in medsec.exe's
    /// own folder first (a Downloads folder), and whatever answered there would become signed
    /// evidence. None when `system_dir` is not an absolute Windows path.
    pub fn program(self, system_dir: &str) -> Option<String> {
        in_system_dir(system_dir, self.program_in_system_dir())
    }

    /// The program's arguments.
    pub fn args(self) -> Vec<String> {
        match self.script() {
            Some(script) => vec![
                "-NoProfile".into(),
                "-NonInteractive".into(),
                "-EncodedCommand".into(),
                encoded_command(script),
            ],
            None if self == Query::Netstat => vec!["-ano".into()],
            None => vec!["/svc".into(), "/fo".into(), "csv".into(), "/nh".into()],
        }
    }
}

/// `relative` inside `system_dir`, joined with one backslash; None unless `system_dir` is
/// absolute (a drive letter's root or a UNC share, see [`drives::drive_root`]).
pub fn in_system_dir(system_dir: &str, relative: &str) -> Option<String> {
    let dir = system_dir.replace('/', "\\");
    // `C:\...` or `\\server\share\...`; not `C:` or `C:Windows`, which depend on the current folder.
    let absolute = drives::drive_root(&dir).is_some()
        && (dir.starts_with(r"\\") || dir.get(2..3) == Some(r"\"));
    absolute.then(|| format!(r"{}\{relative}", dir.trim_end_matches('\\')))
}

/// The Windows system directory (`C:\Windows\system32`), from `GetSystemDirectoryW`: where
/// Windows keeps PowerShell, `netstat` and `tasklist`, whatever PATH or the current folder say.
#[cfg(windows)]
pub fn system_directory() -> std::io::Result<String> {
    use windows_sys::Win32::System::SystemInformation::GetSystemDirectoryW;
    let mut buf = vec![0u16; 260];
    // A longer directory makes the first call say the size it needs (with the NUL): once more.
    for _ in 0..2 {
        let size = u32::try_from(buf.len()).unwrap_or(u32::MAX);
        // SAFETY: `buf` is writable for `size` UTF-16 units and outlives the call.
        let len = unsafe { GetSystemDirectoryW(buf.as_mut_ptr(), size) };
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        if len == 0 {
            return Err(std::io::Error::last_os_error());
        }
        if len < buf.len() {
            buf.truncate(len);
            return String::from_utf16(&buf).map_err(std::io::Error::other);
        }
        buf.resize(len, 0);
    }
    Err(std::io::Error::from(std::io::ErrorKind::InvalidData))
}

/// A script as PowerShell's `-EncodedCommand` takes it: Base64 of its UTF-16LE bytes.
pub fn encoded_command(script: &str) -> String {
    use ct_codecs::{Base64, Encoder};
    let bytes: Vec<u8> = script.encode_utf16().flat_map(u16::to_le_bytes).collect();
    Base64::encode_to_string(bytes).unwrap_or_default()
}

/// Why a question got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// The program is not there (no PowerShell: Wine, Windows PE, a locked-down PC).
    Missing { tool: String },
    /// It ran and failed.
    Failed {
        tool: String,
        exit_code: Option<i32>,
        stderr: String,
    },
    /// It could not be run (or was stopped at the probe's deadline).
    Other { tool: String, error: String },
}

impl SourceError {
    /// The reason for `query`, said exactly: PowerShell missing, failed, or not run.
    pub fn msg(&self, query: Query) -> Msg {
        let q = query.name().to_owned();
        match self {
            SourceError::Missing { tool } if query.script().is_some() => {
                Msg::Windows(WinMsg::PowershellMissing {
                    query: q,
                    tool: tool.clone(),
                })
            }
            SourceError::Missing { tool } => Msg::ToolMissing { tool: tool.clone() },
            SourceError::Failed {
                tool,
                exit_code,
                stderr,
            } if query.script().is_some() => Msg::Windows(WinMsg::PowershellFailed {
                query: q,
                exit_code: *exit_code,
                stderr: stderr.clone(),
            }),
            SourceError::Failed {
                tool,
                exit_code,
                stderr,
            } => Msg::ToolFailed {
                tool: tool.clone(),
                exit_code: *exit_code,
                signal: None,
                stderr: stderr.clone(),
            },
            SourceError::Other { tool, error } => Msg::CannotRunTool {
                tool: tool.clone(),
                error: error.clone(),
            },
        }
    }
}

/// Where the Windows probes get their answers: the machine itself (`Live`) or recordings.
pub trait WindowsSource: Send + Sync {
    /// The bytes the question printed on standard output.
    fn ask(&self, ctx: &ProbeContext, query: Query) -> Result<Vec<u8>, SourceError>;
}

/// The machine itself: PowerShell, `netstat` and `tasklist`, run through the probe's context
/// (recorded in the evidence, killed at the deadline).
#[cfg(windows)]
pub struct Live;

#[cfg(windows)]
impl WindowsSource for Live {
    fn ask(&self, ctx: &ProbeContext, query: Query) -> Result<Vec<u8>, SourceError> {
        let cannot_run = |error: String| SourceError::Other {
            tool: query.program_name().to_owned(),
            error,
        };
        let system_dir = system_directory().map_err(|e| cannot_run(e.to_string()))?;
        let program = query
            .program(&system_dir)
            .ok_or_else(|| cannot_run(system_dir.clone()))?;
        match ctx.run_command(&program, &query.args(), &[]) {
            Ok(o) if o.success() => Ok(o.stdout),
            Ok(o) => Err(SourceError::Failed {
                tool: program.clone(),
                exit_code: o.exit_code,
                stderr: stderr_text(&o.stderr),
            }),
            Err(super::CommandError::Missing(tool)) => Err(SourceError::Missing { tool }),
            Err(e) => Err(SourceError::Other {
                tool: program,
                error: e.to_string(),
            }),
        }
    }
}

/// A failed tool's error output, as the reason quotes it (its first three lines). Windows
/// PowerShell writes errors in the console's code page (CP932 on Japanese Windows) until our
/// script has switched its output to UTF-8, and some tools write UTF-16: decoded as such, not
/// as UTF-8 with replacement characters.
pub fn stderr_text(bytes: &[u8]) -> String {
    let (text, _) = super::text::decode(bytes);
    let lines: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .collect();
    lines.join(" / ")
}

/// Answers recorded earlier (tests, or outputs brought from a Windows PC): each question has
/// the bytes it printed or the way it failed; a question without a recording is PowerShell (or
/// the tool) missing.
#[derive(Debug, Clone, Default)]
pub struct Recorded {
    answers: std::collections::BTreeMap<Query, Result<Vec<u8>, SourceError>>,
}

impl Recorded {
    pub fn new() -> Self {
        Recorded::default()
    }

    /// `query` printed `bytes`.
    pub fn answer(mut self, query: Query, bytes: impl Into<Vec<u8>>) -> Self {
        self.answers.insert(query, Ok(bytes.into()));
        self
    }

    /// `query` failed with `error`.
    pub fn fail(mut self, query: Query, error: SourceError) -> Self {
        self.answers.insert(query, Err(error));
        self
    }
}

impl WindowsSource for Recorded {
    fn ask(&self, _ctx: &ProbeContext, query: Query) -> Result<Vec<u8>, SourceError> {
        match self.answers.get(&query) {
            Some(answer) => answer.clone(),
            None => Err(SourceError::Missing {
                tool: query.program_name().to_owned(),
            }),
        }
    }
}

/// The configured probe `spec`, answering its Windows questions from `source` instead of the
/// machine: what the live probes do on Windows, on any OS. patch-level (with `source` auto or
/// windows), accounts and services ask `source`; the other kinds run as configured.
pub fn with_source(
    spec: &ProbeSpec,
    role: Role,
    source: std::sync::Arc<dyn WindowsSource>,
) -> std::sync::Arc<dyn Probe> {
    std::sync::Arc::new(WindowsProbe {
        inner: super::build(spec, role),
        settings: spec.settings.clone(),
        source,
    })
}

struct WindowsProbe {
    inner: std::sync::Arc<dyn Probe>,
    settings: ProbeSettings,
    source: std::sync::Arc<dyn WindowsSource>,
}

impl Probe for WindowsProbe {
    fn kind(&self) -> crate::checklist::ProbeKind {
        self.inner.kind()
    }

    fn items(&self) -> Vec<String> {
        self.inner.items()
    }

    fn parameters(&self) -> serde_json::Map<String, Value> {
        self.inner.parameters()
    }

    fn run(&self, ctx: &ProbeContext) -> Observation {
        use super::config::PatchSource;
        let source = self.source.as_ref();
        match &self.settings {
            ProbeSettings::PatchLevel(s)
                if matches!(s.source, PatchSource::Auto | PatchSource::Windows) =>
            {
                updates::judge(s, ctx, source)
            }
            ProbeSettings::Accounts(s) => match super::accounts::read_leavers(s, ctx) {
                Ok(leavers) => accounts::judge(s, ctx, source, &leavers),
                Err(obs) => obs,
            },
            ProbeSettings::Services(s) => listeners::judge(s, ctx, source),
            _ => self.inner.run(ctx),
        }
    }
}

/// A JSON document printed by one of our scripts: decoded whatever its encoding (UTF-8 with or
/// without BOM, UTF-16 with a BOM, CP932), with the encoding it was read as.
pub fn decode_json(bytes: &[u8]) -> Result<(Value, &'static str), String> {
    let (text, encoding) = super::text::decode(bytes);
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err("no output".into());
    }
    serde_json::from_str(trimmed)
        .map(|v| (v, encoding.as_str()))
        .map_err(|e| e.to_string())
}

/// A time as PowerShell writes it into JSON: ISO 8601 (`2026-11-02T08:15:00.0000000+09:00`,
/// what our scripts print), `/Date(1762038900000)/` (Windows PowerShell 5.1's
/// `ConvertTo-Json`), or an object holding either in `value`.
pub fn json_time(v: &Value) -> Option<Timestamp> {
    match v {
        Value::String(s) => {
            let s = s.trim();
            if let Some(ms) = s
                .strip_prefix("/Date(")
                .or_else(|| s.strip_prefix("\\/Date("))
                .and_then(|r| r.split([')', '+']).next())
            {
                let ms: i64 = ms.trim_end_matches('-').parse().ok()?;
                return Timestamp::from_millisecond(ms).ok();
            }
            if let Ok(t) = s.parse::<Timestamp>() {
                return Some(t);
            }
            // Without an offset: the machine's local time.
            let dt: jiff::civil::DateTime = s.parse().ok()?;
            dt.to_zoned_datetime(jiff::tz::TimeZone::system())
                .ok()
                .map(|z| z.timestamp())
        }
        Value::Object(m) => m.get("value").and_then(json_time),
        _ => None,
    }
}

/// A JSON value as a list: PowerShell prints a one-element array as the element alone.
pub fn json_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    }
}

/// A JSON value as text (strings as they are, numbers written out, null as empty).
pub fn json_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_are_absolute_paths_in_the_system_directory() {
        let sys = r"C:\Windows\system32";
        assert_eq!(
            Query::Updates.program(sys).as_deref(),
            Some(r"C:\Windows\system32\WindowsPowerShell\v1.0\powershell.exe")
        );
        assert_eq!(
            Query::Netstat.program(sys).as_deref(),
            Some(r"C:\Windows\system32\netstat.exe")
        );
        assert_eq!(
            Query::Tasklist.program(r"D:\WINDOWS\System32\").as_deref(),
            Some(r"D:\WINDOWS\System32\tasklist.exe")
        );
        assert_eq!(
            in_system_dir("C:/Windows/system32", "netstat.exe").as_deref(),
            Some(r"C:\Windows\system32\netstat.exe")
        );
        assert_eq!(
            in_system_dir(r"\\server\share\sys", "netstat.exe").as_deref(),
            Some(r"\\server\share\sys\netstat.exe")
        );
        // A bare or relative place would be searched for, beginning beside medsec.exe.
        for dir in [
            "",
            "C:",
            r"C:Windows",
            r"Windows\system32",
            r"\Windows",
            "/usr/bin",
        ] {
            assert_eq!(in_system_dir(dir, "netstat.exe"), None, "{dir:?}");
        }
        for q in [
            Query::Accounts,
            Query::Listeners,
            Query::Netstat,
            Query::Tasklist,
        ] {
            let program = q.program(sys).unwrap();
            assert!(
                program.ends_with(&format!(r"\{}", q.program_name())),
                "{program}"
            );
        }
        assert_eq!(Query::Listeners.program_name(), "powershell.exe");
        assert_eq!(Query::Tasklist.args(), ["/svc", "/fo", "csv", "/nh"]);
        assert_eq!(Query::Netstat.args(), ["-ano"]);
    }

    #[test]
    fn encoded_commands_are_utf16le_base64() {
        use ct_codecs::{Base64, Decoder};
        let enc = encoded_command("Get-HotFix; '日本語'");
        let bytes = Base64::decode_to_vec(&enc, None).unwrap();
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        assert_eq!(String::from_utf16(&units).unwrap(), "Get-HotFix; '日本語'");
        // The scripts fit on a command line (32,767 characters on Windows).
        for q in [Query::Updates, Query::Accounts, Query::Listeners] {
            let args = q.args();
            assert!(
                args.iter().map(String::len).sum::<usize>() < 30_000,
                "{q:?}"
            );
        }
    }

    #[test]
    fn powershell_times() {
        let t = |s: &str| json_time(&Value::from(s)).map(|t| t.to_string());
        assert_eq!(
            t("/Date(1762038900000)/").as_deref(),
            Some("2025-11-01T23:15:00Z")
        );
        assert_eq!(
            t("2026-11-02T08:15:00.0000000+09:00").as_deref(),
            Some("2026-11-01T23:15:00Z")
        );
        assert_eq!(
            json_time(&serde_json::json!({"value": "/Date(0)/", "DateTime": "x"}))
                .map(|t| t.to_string())
                .as_deref(),
            Some("1970-01-01T00:00:00Z")
        );
        for bad in ["", "/Date(x)/", "yesterday", "/Date(99999999999999999999)/"] {
            assert_eq!(t(bad), None, "{bad}");
        }
        assert_eq!(json_time(&Value::Null), None);
    }

    #[test]
    fn error_output_in_the_console_code_page_is_read_as_such() {
        let error = "用語 'Get-LocalUser' は、コマンドレットとして認識されません。\r\n\r\n発生場所 行:1 文字:1\r\n+ Get-LocalUser\r\n";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(error);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(error.encode_utf16().flat_map(u16::to_le_bytes));
        let want =
            "用語 'Get-LocalUser' は、コマンドレットとして認識されません。 / 発生場所 行:1 文字:1 / + Get-LocalUser";
        for bytes in [error.as_bytes().to_vec(), sjis.into_owned(), utf16] {
            assert_eq!(stderr_text(&bytes), want);
        }
        assert_eq!(stderr_text(b""), "");
    }

    #[test]
    fn decoding_outputs_in_every_encoding() {
        let doc = "{\"a\":\"管理者\"}";
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(doc);
        for (bytes, enc) in [
            (doc.as_bytes().to_vec(), "utf-8"),
            (utf16, "utf-16le"),
            (sjis.into_owned(), "shift_jis"),
        ] {
            let (v, e) = decode_json(&bytes).unwrap();
            assert_eq!((v["a"].as_str(), e), (Some("管理者"), enc));
        }
        assert!(decode_json(b"").is_err());
        assert!(decode_json(b"Get-LocalUser : not recognized").is_err());
    }
}
