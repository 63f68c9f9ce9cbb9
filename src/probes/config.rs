//! The probe configuration file (`probes.toml`): raw serde structs that keep spans, then one
//! validation step that turns them into [`ProbeConfig`]. Every error names file:line:column.
//!
//! ```toml
//! role = "server"          # server | terminal: which checklist rows the evidence is for
//! timeout = "10m"          # default per-probe timeout
//!
//! [[probe]]
//! kind = "backup-freshness"
//! path = "/srv/backup"
//! max_age = "36h"          # a duration such as 90m, 36h, 7d
//! min_files = 1
//! ```

use crate::checklist::{Lang, ProbeKind};
use crate::diagnostic::Location;
use crate::tr;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;
use toml::Spanned;

/// A configuration that cannot be used. Said in the user's language by
/// [`localize`](Self::localize); `Display` gives the English text.
#[derive(Debug)]
pub enum ConfigError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Invalid {
        location: Location,
        problem: ConfigProblem,
    },
}

impl ConfigError {
    /// The error for people, in `lang`: the file and place, then what is wrong.
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            ConfigError::Read { path, source } => tr!(
                lang,
                "probes-config-cannot-read",
                path = path.display().to_string(),
                error = crate::probes::messages::detail(lang, &source.to_string())
            ),
            ConfigError::Invalid { location, problem } => tr!(
                lang,
                "probes-config-invalid",
                location = location.to_string(),
                message = problem.localize(lang)
            ),
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Read { source, .. } => Some(source),
            ConfigError::Invalid { .. } => None,
        }
    }
}

/// What is wrong at one place of a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    NotUtf8 {
        byte: usize,
    },
    /// TOML the parser refused; `detail` is the parser's own words, `key` the setting of the
    /// line it points at.
    Toml {
        detail: String,
        key: Option<String>,
    },
    UnknownSetting {
        field: String,
        /// The parser's message, which names the settings the table takes.
        message: String,
    },
    MissingSetting {
        field: String,
    },
    UnknownRole {
        value: String,
    },
    UnknownKind {
        value: String,
    },
    FieldNotForKind {
        field: String,
        kind: ProbeKind,
    },
    Negative,
    OutOfRange {
        min: u64,
        max: u64,
    },
    UnknownSource {
        value: String,
    },
    UnknownDateOrder {
        value: String,
    },
    HotfixCsvNeeded,
    BackupNeedsPath,
    UnknownFormat {
        value: String,
    },
    UnknownTimeBasis {
        value: String,
    },
    LedgerNeedsPath,
    HostAndAnyHost,
    UnknownLedgerField {
        field: String,
        key: String,
    },
    NotADuration {
        value: String,
    },
    NotAPort {
        value: String,
    },
    BadProtocol {
        value: String,
    },
    /// An answers file given where the probe configuration goes (`check --probes
    /// answers.toml`): its tables are no settings, and it is said for what it is.
    AnswersFile,
}

impl ConfigProblem {
    /// The problem in `lang`, from the message catalog.
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            ConfigProblem::NotUtf8 { byte } => tr!(lang, "probes-config-not-utf8", byte = (*byte)),
            // A value of the wrong type is no syntax error: said alone, naming its key.
            ConfigProblem::Toml { detail, key } if crate::i18n::detail::is_data_error(detail) => {
                crate::i18n::detail::text_for_key(lang, detail, key.as_deref())
            }
            ConfigProblem::Toml { detail, .. } => {
                let detail = crate::i18n::detail::text(lang, detail);
                tr!(lang, "probes-config-toml", detail = detail)
            }
            // The settings the table takes, said here: no page of docs is needed to read it.
            ConfigProblem::UnknownSetting { field, message } => {
                match crate::i18n::detail::one_of(lang, message) {
                    Some(expected) => tr!(
                        lang,
                        "probes-config-unknown-setting",
                        field = field.as_str(),
                        expected = expected
                    ),
                    None => tr!(
                        lang,
                        "probes-config-unknown-setting-none",
                        field = field.as_str()
                    ),
                }
            }
            ConfigProblem::MissingSetting { field } => {
                tr!(
                    lang,
                    "probes-config-missing-setting",
                    field = field.as_str()
                )
            }
            ConfigProblem::UnknownRole { value } => {
                tr!(lang, "probes-config-unknown-role", value = value.as_str())
            }
            ConfigProblem::UnknownKind { value } => tr!(
                lang,
                "probes-config-unknown-kind",
                value = value.as_str(),
                known = crate::i18n::render_arg(lang, &ProbeKind::names().into(), None)
            ),
            ConfigProblem::FieldNotForKind { field, kind } => tr!(
                lang,
                "probes-config-field-not-for-kind",
                field = field.as_str(),
                kind = kind.as_str(),
                allowed = crate::i18n::join(lang, allowed_fields(*kind))
            ),
            ConfigProblem::Negative => tr!(lang, "probes-config-negative"),
            ConfigProblem::OutOfRange { min, max } => tr!(
                lang,
                "probes-config-out-of-range",
                min = (*min),
                max = (*max)
            ),
            ConfigProblem::UnknownSource { value } => {
                tr!(lang, "probes-config-unknown-source", value = value.as_str())
            }
            ConfigProblem::UnknownDateOrder { value } => {
                tr!(
                    lang,
                    "probes-config-unknown-date-order",
                    value = value.as_str()
                )
            }
            ConfigProblem::HotfixCsvNeeded => tr!(lang, "probes-config-hotfix-csv-needed"),
            ConfigProblem::BackupNeedsPath => tr!(lang, "probes-config-backup-needs-path"),
            ConfigProblem::HostAndAnyHost => tr!(lang, "probes-config-host-and-any-host"),
            ConfigProblem::UnknownFormat { value } => {
                tr!(lang, "probes-config-unknown-format", value = value.as_str())
            }
            ConfigProblem::UnknownTimeBasis { value } => {
                tr!(
                    lang,
                    "probes-config-unknown-time-basis",
                    value = value.as_str()
                )
            }
            ConfigProblem::LedgerNeedsPath => tr!(lang, "probes-config-ledger-needs-path"),
            ConfigProblem::UnknownLedgerField { field, key } => tr!(
                lang,
                "probes-config-unknown-ledger-field",
                field = field.as_str(),
                key = key.as_str(),
                known = crate::i18n::join(lang, LEDGER_FIELDS)
            ),
            ConfigProblem::NotADuration { value } => {
                tr!(lang, "probes-config-not-a-duration", value = value.as_str())
            }
            ConfigProblem::NotAPort { value } => {
                tr!(lang, "probes-config-not-a-port", value = value.as_str())
            }
            ConfigProblem::BadProtocol { value } => {
                tr!(lang, "probes-config-bad-protocol", value = value.as_str())
            }
            ConfigProblem::AnswersFile => tr!(lang, "probes-config-answers-file"),
        }
    }

    /// A TOML parser message, with the two a person meets most (a misspelt or a missing
    /// setting) said in words.
    fn of_toml(message: &str, key: Option<String>) -> Self {
        let quoted = |prefix: &str| {
            message
                .strip_prefix(prefix)
                .and_then(|rest| rest.split('`').next())
                .map(str::to_owned)
        };
        if let Some(field) = quoted("unknown field `") {
            return ConfigProblem::UnknownSetting {
                field,
                message: message.to_owned(),
            };
        }
        if let Some(field) = quoted("missing field `") {
            return ConfigProblem::MissingSetting { field };
        }
        ConfigProblem::Toml {
            detail: message.to_owned(),
            key,
        }
    }
}

/// Which machine the probe runs on, as the checklist splits rows by target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Server,
    Terminal,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Server => "server",
            Role::Terminal => "terminal",
        }
    }
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct ProbeConfig {
    pub role: Role,
    pub probes: Vec<ProbeSpec>,
}

impl ProbeConfig {
    /// Make the paths of files the user supplies (ledger, leavers list, hotfix CSV, password
    /// file) relative to the configuration's folder. They are read as given, never under the
    /// probe root: they describe the machine, they are not part of it.
    pub fn resolve_inputs(&mut self, base: &Path) {
        let fix = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        };
        for spec in &mut self.probes {
            match &mut spec.settings {
                ProbeSettings::PatchLevel(s) => s.hotfix_csv.iter_mut().for_each(fix),
                ProbeSettings::BackupFreshness(s) => {
                    s.password_file.iter_mut().for_each(fix);
                    // A repository URL (`sftp:…`, `rest:…`) is not a path.
                    if !crate::probes::backup::is_remote_repository(&s.path)
                        && Path::new(&s.path).is_relative()
                    {
                        s.path = base.join(&s.path).display().to_string();
                    }
                    for p in &mut s.protects {
                        if Path::new(p.as_str()).is_relative() {
                            *p = base.join(&*p).display().to_string();
                        }
                    }
                }
                ProbeSettings::Accounts(s) => s.leavers_file.iter_mut().for_each(fix),
                ProbeSettings::AssetLedger(s) => fix(&mut s.path),
                ProbeSettings::Services(_) => {}
            }
        }
    }
}

/// One configured probe.
#[derive(Debug, Clone)]
pub struct ProbeSpec {
    pub name: Option<String>,
    pub timeout: Duration,
    pub settings: ProbeSettings,
}

impl ProbeSpec {
    pub fn kind(&self) -> ProbeKind {
        match &self.settings {
            ProbeSettings::PatchLevel(_) => ProbeKind::PatchLevel,
            ProbeSettings::BackupFreshness(_) => ProbeKind::BackupFreshness,
            ProbeSettings::Accounts(_) => ProbeKind::Accounts,
            ProbeSettings::Services(_) => ProbeKind::Services,
            ProbeSettings::AssetLedger(_) => ProbeKind::AssetLedger,
        }
    }
}

/// The settings of each kind, defaults filled in.
#[derive(Debug, Clone)]
pub enum ProbeSettings {
    PatchLevel(PatchLevelSettings),
    BackupFreshness(BackupSettings),
    Accounts(AccountsSettings),
    Services(ServicesSettings),
    AssetLedger(LedgerSettings),
}

/// Where patch state comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatchSource {
    /// Whatever the machine has (dpkg, rpm, or Windows).
    Auto,
    Dpkg,
    Rpm,
    /// Installed updates read natively (Windows only).
    Windows,
    /// A `Get-HotFix | Export-Csv` file given by `hotfix_csv`.
    HotfixCsv,
}

#[derive(Debug, Clone)]
pub struct PatchLevelSettings {
    pub source: PatchSource,
    pub max_days_since_update: u32,
    pub max_pending_security: u32,
    pub hotfix_csv: Option<PathBuf>,
    /// `mdy`, `dmy` or `ymd`, for the InstalledOn column of a hotfix CSV.
    pub date_order: Option<String>,
}

/// What kind of backup location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupFormat {
    Auto,
    Directory,
    Restic,
    Borg,
}

impl BackupFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupFormat::Auto => "auto",
            BackupFormat::Directory => "directory",
            BackupFormat::Restic => "restic",
            BackupFormat::Borg => "borg",
        }
    }
}

#[derive(Debug, Clone)]
pub struct BackupSettings {
    pub path: String,
    pub format: BackupFormat,
    pub max_age: Duration,
    pub max_age_text: String,
    pub min_files: u64,
    pub min_bytes: u64,
    pub min_snapshots: u64,
    /// Data the backup protects; compared for "same filesystem".
    pub protects: Vec<String>,
    pub follow_links: bool,
    pub password_file: Option<PathBuf>,
    pub threads: Option<usize>,
    /// Judge folders by mtime alone (`true`), or by the newer of mtime and ctime (default).
    pub mtime_only: bool,
    /// Whose restic/borg snapshots count.
    pub host: HostFilter,
}

/// Whose snapshots count in a repository that several machines share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostFilter {
    /// This machine's name (the default).
    ThisHost,
    /// The machine named by `host`.
    Named(String),
    /// Every machine's (`any_host = true`).
    Any,
}

#[derive(Debug, Clone)]
pub struct AccountsSettings {
    pub max_unused_days: u32,
    pub leavers: Vec<String>,
    pub leavers_file: Option<PathBuf>,
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ServicesSettings {
    pub allowed_services: Option<Vec<String>>,
    pub allowed_ports: Option<Vec<PortSpec>>,
    pub include_loopback: bool,
}

/// `22/tcp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PortSpec {
    pub port: u16,
    pub udp: bool,
}

impl std::fmt::Display for PortSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.port, if self.udp { "udp" } else { "tcp" })
    }
}

#[derive(Debug, Clone)]
pub struct LedgerSettings {
    pub path: PathBuf,
    pub sheet: Option<String>,
    pub hostname: Option<String>,
    /// Field name -> column header in the ledger, overriding the built-in header names.
    pub columns: BTreeMap<String, String>,
    /// Fields every device row must fill.
    pub required: Vec<String>,
}

/// Default timeout of one probe.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);

// ---------------------------------------------------------------------------------------------
// Raw file

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    role: Option<Spanned<String>>,
    #[serde(default)]
    timeout: Option<Spanned<String>>,
    #[serde(default)]
    probe: Vec<Spanned<RawProbe>>,
}

/// Every field any kind takes; which kind may use which is checked after parsing, so an error
/// can point at the field that does not belong.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProbe {
    kind: Spanned<String>,
    name: Option<Spanned<String>>,
    timeout: Option<Spanned<String>>,
    // patch-level
    source: Option<Spanned<String>>,
    max_days_since_update: Option<Spanned<i64>>,
    max_pending_security: Option<Spanned<i64>>,
    hotfix_csv: Option<Spanned<String>>,
    date_order: Option<Spanned<String>>,
    // backup-freshness (+ path for asset-ledger)
    path: Option<Spanned<String>>,
    format: Option<Spanned<String>>,
    max_age: Option<Spanned<String>>,
    min_files: Option<Spanned<i64>>,
    min_bytes: Option<Spanned<i64>>,
    min_snapshots: Option<Spanned<i64>>,
    protects: Option<Spanned<Vec<String>>>,
    follow_links: Option<Spanned<bool>>,
    password_file: Option<Spanned<String>>,
    threads: Option<Spanned<i64>>,
    time_basis: Option<Spanned<String>>,
    host: Option<Spanned<String>>,
    any_host: Option<Spanned<bool>>,
    // accounts
    max_unused_days: Option<Spanned<i64>>,
    leavers: Option<Spanned<Vec<String>>>,
    leavers_file: Option<Spanned<String>>,
    ignore: Option<Spanned<Vec<String>>>,
    // services
    allowed_services: Option<Spanned<Vec<String>>>,
    allowed_ports: Option<Spanned<Vec<Spanned<RawPort>>>>,
    include_loopback: Option<Spanned<bool>>,
    // asset-ledger
    sheet: Option<Spanned<String>>,
    hostname: Option<Spanned<String>>,
    columns: Option<Spanned<BTreeMap<String, String>>>,
    required: Option<Spanned<Vec<String>>>,
}

/// `"22/tcp"`, or a bare number (TCP) as TOML writes it: `22`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawPort {
    Number(i64),
    Text(String),
}

impl RawPort {
    fn text(&self) -> String {
        match self {
            RawPort::Number(n) => n.to_string(),
            RawPort::Text(t) => t.clone(),
        }
    }
}

impl RawProbe {
    /// (field name, span) of every field that is set, for the "not used by this kind" check.
    fn present(&self) -> Vec<(&'static str, Range<usize>)> {
        macro_rules! fields {
            ($($f:ident),*) => {{
                let mut v = Vec::new();
                $(if let Some(x) = &self.$f { v.push((stringify!($f), x.span())); })*
                v
            }};
        }
        fields!(
            source,
            max_days_since_update,
            max_pending_security,
            hotfix_csv,
            date_order,
            path,
            format,
            max_age,
            min_files,
            min_bytes,
            min_snapshots,
            protects,
            follow_links,
            password_file,
            threads,
            time_basis,
            host,
            any_host,
            max_unused_days,
            leavers,
            leavers_file,
            ignore,
            allowed_services,
            allowed_ports,
            include_loopback,
            sheet,
            hostname,
            columns,
            required
        )
    }
}

fn allowed_fields(kind: ProbeKind) -> &'static [&'static str] {
    match kind {
        ProbeKind::PatchLevel => &[
            "source",
            "max_days_since_update",
            "max_pending_security",
            "hotfix_csv",
            "date_order",
        ],
        ProbeKind::BackupFreshness => &[
            "path",
            "format",
            "max_age",
            "min_files",
            "min_bytes",
            "min_snapshots",
            "protects",
            "follow_links",
            "password_file",
            "threads",
            "time_basis",
            "host",
            "any_host",
        ],
        ProbeKind::Accounts => &["max_unused_days", "leavers", "leavers_file", "ignore"],
        ProbeKind::Services => &["allowed_services", "allowed_ports", "include_loopback"],
        ProbeKind::AssetLedger => &["path", "sheet", "hostname", "columns", "required"],
    }
}

/// The ledger fields known by name; `required` may only name these.
pub const LEDGER_FIELDS: &[&str] = &[
    "name",
    "type",
    "location",
    "os",
    "manager",
    "remote_maintenance",
    "ip_address",
    "vendor",
    "model",
];

/// Ledger fields required when the configuration does not say.
pub const DEFAULT_LEDGER_REQUIRED: &[&str] = &[
    "name",
    "type",
    "location",
    "os",
    "manager",
    "remote_maintenance",
];

/// Whether `text` is an answers file: TOML with `[[answers]]` or `[institution]`, or a
/// `[checklist]` table naming a checklist, which no probe configuration has.
fn is_answers_file(text: &str) -> bool {
    let Ok(table) = toml::from_str::<toml::Table>(text) else {
        return false;
    };
    table.get("answers").is_some_and(toml::Value::is_array)
        || table.get("institution").is_some_and(toml::Value::is_table)
        || table
            .get("checklist")
            .and_then(toml::Value::as_table)
            .is_some_and(|c| c.contains_key("id"))
}

/// Read and validate a configuration file.
pub fn load(path: &Path) -> Result<(ProbeConfig, Vec<u8>), ConfigError> {
    let bytes = crate::limits::read(path, crate::limits::InputKind::Settings)
        .map_err(std::io::Error::from)
        .map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
    let file = path.display().to_string();
    let text = std::str::from_utf8(&bytes).map_err(|e| ConfigError::Invalid {
        location: Location::at(&file, "", 0),
        problem: ConfigProblem::NotUtf8 {
            byte: e.valid_up_to() + 1,
        },
    })?;
    let mut config = parse(&file, text)?;
    if let Some(dir) = path.parent() {
        config.resolve_inputs(dir);
    }
    Ok((config, bytes))
}

/// Parse and validate configuration text; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<ProbeConfig, ConfigError> {
    let err = |span: Range<usize>, problem: ConfigProblem| ConfigError::Invalid {
        location: Location::at(file, text, span.start),
        problem,
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        if is_answers_file(text) {
            return err(0..0, ConfigProblem::AnswersFile);
        }
        ConfigError::Invalid {
            location: Location::of_span(file, text, e.span()),
            problem: ConfigProblem::of_toml(
                e.message().trim(),
                e.span()
                    .and_then(|s| crate::i18n::detail::key_at(text, s.start)),
            ),
        }
    })?;
    let role = match &raw.role {
        None => Role::Server,
        Some(r) => match r.get_ref().as_str() {
            "server" => Role::Server,
            "terminal" => Role::Terminal,
            other => {
                return Err(err(
                    r.span(),
                    ConfigProblem::UnknownRole {
                        value: other.to_owned(),
                    },
                ))
            }
        },
    };
    let default_timeout = match &raw.timeout {
        None => DEFAULT_TIMEOUT,
        Some(t) => parse_duration(t.get_ref()).map_err(|m| err(t.span(), m))?,
    };
    let mut probes = Vec::new();
    for p in raw.probe {
        let span = p.span();
        let p = p.into_inner();
        let kind = ProbeKind::parse(p.kind.get_ref()).ok_or_else(|| {
            err(
                p.kind.span(),
                ConfigProblem::UnknownKind {
                    value: p.kind.get_ref().clone(),
                },
            )
        })?;
        for (field, fspan) in p.present() {
            if !allowed_fields(kind).contains(&field) {
                return Err(err(
                    fspan,
                    ConfigProblem::FieldNotForKind {
                        field: field.to_owned(),
                        kind,
                    },
                ));
            }
        }
        let timeout = match &p.timeout {
            None => default_timeout,
            Some(t) => parse_duration(t.get_ref()).map_err(|m| err(t.span(), m))?,
        };
        let count = |v: &Option<Spanned<i64>>, default: u64| -> Result<u64, ConfigError> {
            match v {
                None => Ok(default),
                Some(n) if *n.get_ref() >= 0 => Ok(*n.get_ref() as u64),
                Some(n) => Err(err(n.span(), ConfigProblem::Negative)),
            }
        };
        let small = |v: &Option<Spanned<i64>>, default: u32| -> Result<u32, ConfigError> {
            match v {
                None => Ok(default),
                Some(n) => u32::try_from(*n.get_ref()).map_err(|_| {
                    err(
                        n.span(),
                        ConfigProblem::OutOfRange {
                            min: 0,
                            max: u64::from(u32::MAX),
                        },
                    )
                }),
            }
        };
        let string = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.get_ref().clone());
        let list = |v: &Option<Spanned<Vec<String>>>| {
            v.as_ref().map(|s| s.get_ref().clone()).unwrap_or_default()
        };
        let settings = match kind {
            ProbeKind::PatchLevel => {
                let source = match &p.source {
                    None => PatchSource::Auto,
                    Some(s) => match s.get_ref().as_str() {
                        "auto" => PatchSource::Auto,
                        "dpkg" => PatchSource::Dpkg,
                        "rpm" => PatchSource::Rpm,
                        "windows" => PatchSource::Windows,
                        "hotfix-csv" => PatchSource::HotfixCsv,
                        other => {
                            return Err(err(
                                s.span(),
                                ConfigProblem::UnknownSource {
                                    value: other.to_owned(),
                                },
                            ))
                        }
                    },
                };
                if let Some(d) = &p.date_order {
                    if !["mdy", "dmy", "ymd"].contains(&d.get_ref().as_str()) {
                        return Err(err(
                            d.span(),
                            ConfigProblem::UnknownDateOrder {
                                value: d.get_ref().clone(),
                            },
                        ));
                    }
                }
                let hotfix_csv = string(&p.hotfix_csv).map(PathBuf::from);
                let source = if source == PatchSource::Auto && hotfix_csv.is_some() {
                    PatchSource::HotfixCsv
                } else {
                    source
                };
                if source == PatchSource::HotfixCsv && hotfix_csv.is_none() {
                    return Err(err(span.clone(), ConfigProblem::HotfixCsvNeeded));
                }
                ProbeSettings::PatchLevel(PatchLevelSettings {
                    source,
                    max_days_since_update: small(&p.max_days_since_update, 30)?,
                    max_pending_security: small(&p.max_pending_security, 0)?,
                    hotfix_csv,
                    date_order: string(&p.date_order),
                })
            }
            ProbeKind::BackupFreshness => {
                let path = p
                    .path
                    .as_ref()
                    .ok_or_else(|| err(span.clone(), ConfigProblem::BackupNeedsPath))?;
                let format = match &p.format {
                    None => BackupFormat::Auto,
                    Some(f) => match f.get_ref().as_str() {
                        "auto" => BackupFormat::Auto,
                        "directory" => BackupFormat::Directory,
                        "restic" => BackupFormat::Restic,
                        "borg" => BackupFormat::Borg,
                        other => {
                            return Err(err(
                                f.span(),
                                ConfigProblem::UnknownFormat {
                                    value: other.to_owned(),
                                },
                            ))
                        }
                    },
                };
                let (max_age, max_age_text) = match &p.max_age {
                    None => (Duration::from_secs(36 * 3600), "36h".to_owned()),
                    Some(m) => (
                        parse_duration(m.get_ref()).map_err(|msg| err(m.span(), msg))?,
                        m.get_ref().clone(),
                    ),
                };
                let threads = match &p.threads {
                    None => None,
                    Some(t) if (1..=256).contains(t.get_ref()) => Some(*t.get_ref() as usize),
                    Some(t) => {
                        return Err(err(
                            t.span(),
                            ConfigProblem::OutOfRange { min: 1, max: 256 },
                        ))
                    }
                };
                let mtime_only = match &p.time_basis {
                    None => false,
                    Some(t) => match t.get_ref().as_str() {
                        "change" => false,
                        "mtime" => true,
                        other => {
                            return Err(err(
                                t.span(),
                                ConfigProblem::UnknownTimeBasis {
                                    value: other.to_owned(),
                                },
                            ))
                        }
                    },
                };
                let host = match (&p.host, &p.any_host) {
                    (Some(h), Some(a)) if *a.get_ref() => {
                        return Err(err(h.span(), ConfigProblem::HostAndAnyHost))
                    }
                    (_, Some(a)) if *a.get_ref() => HostFilter::Any,
                    (Some(h), _) => HostFilter::Named(h.get_ref().clone()),
                    (None, _) => HostFilter::ThisHost,
                };
                ProbeSettings::BackupFreshness(BackupSettings {
                    path: path.get_ref().clone(),
                    format,
                    max_age,
                    max_age_text,
                    min_files: count(&p.min_files, 1)?,
                    min_bytes: count(&p.min_bytes, 0)?,
                    min_snapshots: count(&p.min_snapshots, 1)?,
                    protects: list(&p.protects),
                    follow_links: p.follow_links.as_ref().is_some_and(|b| *b.get_ref()),
                    password_file: string(&p.password_file).map(PathBuf::from),
                    threads,
                    mtime_only,
                    host,
                })
            }
            ProbeKind::Accounts => ProbeSettings::Accounts(AccountsSettings {
                max_unused_days: small(&p.max_unused_days, 90)?,
                leavers: list(&p.leavers),
                leavers_file: string(&p.leavers_file).map(PathBuf::from),
                ignore: list(&p.ignore),
            }),
            ProbeKind::Services => {
                let allowed_ports = match &p.allowed_ports {
                    None => None,
                    Some(ports) => {
                        let mut out = Vec::new();
                        for s in ports.get_ref() {
                            out.push(
                                parse_port(&s.get_ref().text()).map_err(|m| err(s.span(), m))?,
                            );
                        }
                        Some(out)
                    }
                };
                ProbeSettings::Services(ServicesSettings {
                    allowed_services: p.allowed_services.as_ref().map(|s| s.get_ref().clone()),
                    allowed_ports,
                    include_loopback: p.include_loopback.as_ref().is_some_and(|b| *b.get_ref()),
                })
            }
            ProbeKind::AssetLedger => {
                let path = p
                    .path
                    .as_ref()
                    .ok_or_else(|| err(span.clone(), ConfigProblem::LedgerNeedsPath))?;
                if let Some(cols) = &p.columns {
                    unknown_ledger_field(cols.get_ref().keys(), "columns")
                        .map_or(Ok(()), |m| Err(err(cols.span(), m)))?;
                }
                let required = match &p.required {
                    None => DEFAULT_LEDGER_REQUIRED
                        .iter()
                        .map(|s| (*s).to_owned())
                        .collect(),
                    Some(r) => {
                        unknown_ledger_field(r.get_ref().iter(), "required")
                            .map_or(Ok(()), |m| Err(err(r.span(), m)))?;
                        r.get_ref().clone()
                    }
                };
                ProbeSettings::AssetLedger(LedgerSettings {
                    path: PathBuf::from(path.get_ref()),
                    sheet: string(&p.sheet),
                    hostname: string(&p.hostname),
                    columns: p
                        .columns
                        .as_ref()
                        .map(|c| c.get_ref().clone())
                        .unwrap_or_default(),
                    required,
                })
            }
        };
        probes.push(ProbeSpec {
            name: string(&p.name),
            timeout,
            settings,
        });
    }
    Ok(ProbeConfig { role, probes })
}

/// A duration such as `90m`, `36h`, `7d`, `1d12h`, `45s`, `2w`.
pub fn parse_duration(text: &str) -> Result<Duration, ConfigProblem> {
    let bad = || ConfigProblem::NotADuration {
        value: text.to_owned(),
    };
    let s = text.trim();
    if s.is_empty() {
        return Err(bad());
    }
    let mut total: u64 = 0;
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 7 * 86_400,
            _ => return Err(bad()),
        };
        let n: u64 = digits.parse().map_err(|_| bad())?;
        digits.clear();
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
    }
    if !digits.is_empty() || total == 0 {
        return Err(bad());
    }
    Ok(Duration::from_secs(total))
}

/// `22/tcp`, `123/udp`; a bare number means TCP.
pub fn parse_port(text: &str) -> Result<PortSpec, ConfigProblem> {
    let (num, proto) = text.split_once('/').unwrap_or((text, "tcp"));
    let port = num
        .trim()
        .parse::<u16>()
        .map_err(|_| ConfigProblem::NotAPort {
            value: text.to_owned(),
        })?;
    let udp = match proto.trim() {
        "tcp" => false,
        "udp" => true,
        _ => {
            return Err(ConfigProblem::BadProtocol {
                value: text.to_owned(),
            })
        }
    };
    Ok(PortSpec { port, udp })
}

/// The problem for the first name in `names` that is not a ledger field, if any.
fn unknown_ledger_field<'a>(
    mut names: impl Iterator<Item = &'a String>,
    key: &str,
) -> Option<ConfigProblem> {
    names
        .find(|k| !LEDGER_FIELDS.contains(&k.as_str()))
        .map(|bad| ConfigProblem::UnknownLedgerField {
            field: bad.clone(),
            key: key.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90m").unwrap(), Duration::from_secs(5400));
        assert_eq!(
            parse_duration("36h").unwrap(),
            Duration::from_secs(36 * 3600)
        );
        assert_eq!(
            parse_duration("7d").unwrap(),
            Duration::from_secs(7 * 86400)
        );
        assert_eq!(
            parse_duration("1d12h").unwrap(),
            Duration::from_secs(36 * 3600)
        );
        for bad in ["", "7", "d", "3x", "0h", "-1d", "99999999999999999999d"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn issue_example_parses_with_defaults() {
        let cfg = parse(
            "p.toml",
            "[[probe]]\nkind = \"backup-freshness\"\npath = \"/srv/backup\"\nmax_age = \"36h\"\nmin_files = 1\n\n[[probe]]\nkind = \"patch-level\"\nmax_days_since_update = 30\nmax_pending_security = 0\n",
        )
        .unwrap();
        assert_eq!(cfg.probes.len(), 2);
        assert_eq!(cfg.role, Role::Server);
        match &cfg.probes[0].settings {
            ProbeSettings::BackupFreshness(b) => {
                assert_eq!(b.max_age, Duration::from_secs(36 * 3600));
                assert_eq!(b.format, BackupFormat::Auto);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(cfg.probes[1].timeout, DEFAULT_TIMEOUT);
    }

    #[test]
    fn errors_point_at_the_place() {
        let e = parse("p.toml", "[[probe]]\nkind = \"backup\"\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("p.toml:2:8: unknown probe kind `backup`"),
            "{e}"
        );
        let e = parse(
            "p.toml",
            "[[probe]]\nkind = \"accounts\"\nmax_age = \"3d\"\n",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("p.toml:3:11: `max_age` is not a setting of `accounts`"),
            "{e}"
        );
        let e = parse("p.toml", "[[probe]]\nkind = \"accounts\"\nbogus = 1\n").unwrap_err();
        assert!(e.to_string().starts_with("p.toml:3:1:"), "{e}");
        assert!(e.to_string().contains("bogus"), "{e}");
        let e = parse(
            "p.toml",
            "[[probe]]\nkind = \"backup-freshness\"\npath = \"/b\"\nmax_age = \"soon\"\n",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("p.toml:4:11: `soon` is not a duration"),
            "{e}"
        );
        let e = parse("p.toml", "[[probe]]\nkind = \"backup-freshness\"\n").unwrap_err();
        assert!(e.to_string().contains("needs `path`"), "{e}");
        let e = parse(
            "p.toml",
            "[[probe]]\nkind = \"services\"\nallowed_ports = [\"22/tcp\", \"http\"]\n",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("p.toml:3:28:"), "{e}");
    }

    #[test]
    fn an_answers_file_is_said_to_be_one() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/answers/complete.toml"
        ))
        .unwrap();
        let e = parse("answers.toml", &text).unwrap_err();
        assert!(
            matches!(
                &e,
                ConfigError::Invalid {
                    problem: ConfigProblem::AnswersFile,
                    ..
                }
            ),
            "{e}"
        );
        assert!(!is_answers_file("[[probe]]\nkind = \"backup-freshness\"\n"));
    }

    #[test]
    fn unknown_ledger_fields_are_named_with_their_key() {
        let e = parse(
            "p.toml",
            "[[probe]]\nkind = \"asset-ledger\"\npath = \"l.csv\"\nrequired = [\"location\", \"colour\"]\n",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("p.toml:4:12:"), "{e}");
        assert!(
            e.to_string()
                .contains("unknown ledger field `colour` in `required`"),
            "{e}"
        );
        let e = parse(
            "p.toml",
            "[[probe]]\nkind = \"asset-ledger\"\npath = \"l.csv\"\ncolumns = { colour = \"色\" }\n",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("unknown ledger field `colour` in `columns`"),
            "{e}"
        );
    }

    #[test]
    fn ports() {
        assert_eq!(
            parse_port("22/tcp").unwrap(),
            PortSpec {
                port: 22,
                udp: false
            }
        );
        assert_eq!(
            parse_port("123/udp").unwrap(),
            PortSpec {
                port: 123,
                udp: true
            }
        );
        assert_eq!(
            parse_port("443").unwrap(),
            PortSpec {
                port: 443,
                udp: false
            }
        );
        assert!(parse_port("70000/tcp").is_err());
        assert!(parse_port("22/sctp").is_err());
    }
}
