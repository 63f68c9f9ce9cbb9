//! Every sentence a probe says (reasons, warnings, notes on what it could not read), in
//! Japanese and English, in one place.
//!
//! A [`Msg`] is one statement with its facts as named parameters. [`Msg::code`] is its stable
//! kebab-case code (never renamed: scripts match on it) and [`Msg::text`] the sentence in the
//! language asked for. Every arm of [`Msg::texts`] gives both languages at once, so a code
//! cannot be added without both texts.
//!
//! The evidence keeps these language-independent: a [`Coded`] (`{"code": ..., "params":
//! {...}}`) next to the English sentence, and the table renders the chosen language from it.

use crate::checklist::Lang;
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

    /// The sentence in `lang`; `fallback` (the English text stored with it) for unknown codes.
    pub fn text_or(&self, lang: Lang, fallback: &str) -> String {
        match self.msg() {
            Some(m) => m.text(lang),
            None => fallback.to_owned(),
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
    UnusedFor { days: i64, max_days: i64 },
    NeverLoggedIn,
}

impl AccountFlag {
    pub fn text(&self, lang: Lang) -> String {
        let (en, ja) = match self {
            AccountFlag::Leaver => (
                "listed as having left, and can still log in".to_owned(),
                "退職者として記載されているが、まだログインできる".to_owned(),
            ),
            AccountFlag::EmptyPassword => {
                ("empty password".to_owned(), "パスワードが空".to_owned())
            }
            AccountFlag::UnusedFor { days, max_days } => (
                format!("last login {days} days ago (max {max_days})"),
                format!("最終ログインは{days}日前(上限{max_days}日)"),
            ),
            AccountFlag::NeverLoggedIn => (
                "never logged in".to_owned(),
                "一度もログインしていない".to_owned(),
            ),
        };
        pick(lang, en, ja)
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
        let flags: Vec<String> = self.flags.iter().map(|f| f.text(lang)).collect();
        match lang {
            Lang::En => format!("{} ({})", self.name, flags.join(", ")),
            Lang::Ja => format!("{}({})", self.name, flags.join("、")),
        }
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
        let (en, ja) = match self {
            LedgerProblem::EmptyField { field } => {
                (format!("`{field}` is empty"), format!("`{field}` が空です"))
            }
            LedgerProblem::RemoteMaintenanceNotYesNo { value } => (
                format!(
                    "remote maintenance `{value}` is not a yes/no answer (はい/いいえ, 有/無)"
                ),
                format!(
                    "リモートメンテナンス `{value}` がはい/いいえの回答ではありません(はい/いいえ、有/無)"
                ),
            ),
        };
        pick(lang, en, ja)
    }
}

/// A ledger row with a problem, for the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerRowProblem {
    pub row: usize,
    pub device: String,
    pub problem: LedgerProblem,
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
        error: String,
    },
    LedgerNoHeader {
        path: String,
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
    },
    SnapshotsFresh {
        tool: String,
        count: usize,
        age_seconds: Option<u64>,
        max_age: String,
    },
    SameFilesystem {
        path: String,
    },
    OnRootFilesystem,
}

fn pick(lang: Lang, en: String, ja: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

/// An age for people: "41 days" / "41日".
pub fn human_age(d: Duration, lang: Lang) -> String {
    let s = d.as_secs();
    let (n, en, ja) = if s >= 2 * 86_400 {
        (s / 86_400, "days", "日")
    } else if s >= 2 * 3600 {
        (s / 3600, "hours", "時間")
    } else if s >= 120 {
        (s / 60, "minutes", "分")
    } else {
        (s, "seconds", "秒")
    };
    match lang {
        Lang::En => format!("{n} {en}"),
        Lang::Ja => format!("{n}{ja}"),
    }
}

fn age(secs: u64, lang: Lang) -> String {
    human_age(Duration::from_secs(secs), lang)
}

fn age_opt(secs: Option<u64>, lang: Lang) -> String {
    secs.map_or_else(|| "?".to_owned(), |s| age(s, lang))
}

impl Msg {
    /// The stable kebab-case code.
    pub fn code(&self) -> String {
        Coded::from(self).code
    }

    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let (en, ja) = self.texts();
        pick(lang, en, ja)
    }

    /// Both sentences: (English, Japanese).
    pub fn texts(&self) -> (String, String) {
        use Lang::{En, Ja};
        match self {
            Msg::CannotRead { path, error } => (
                format!("cannot read {path}: {error}"),
                format!("{path} を読めません: {error}"),
            ),
            Msg::InternalError => (
                "the probe stopped on an internal error (a bug in medsec; please report it)".into(),
                "プローブが内部エラーで止まりました(medsec の不具合です。報告してください)".into(),
            ),
            Msg::NoResult => (
                "the probe ended without a result".into(),
                "プローブが結果を返さずに終わりました".into(),
            ),
            Msg::TimedOut { seconds } => (
                format!("timed out after {seconds}s; raise `timeout` for this probe to let it finish"),
                format!("{seconds}秒で時間切れになりました。最後まで実行するには、このプローブの `timeout` を延ばしてください"),
            ),
            Msg::IoProblem { problem, error } => (
                error.clone(),
                match problem.as_str() {
                    "permission-denied" => format!("権限がないため読めません({error})"),
                    "not-found" => format!("ありません({error})"),
                    "vanished" => format!("走査中に消えました({error})"),
                    "symlink-loop" => format!("シンボリックリンクがループしています({error})"),
                    _ => format!("読めません({error})"),
                },
            ),
            Msg::ToolMissing { tool } => (
                format!("`{tool}` is not installed or not on PATH"),
                format!("`{tool}` がインストールされていないか、PATH にありません"),
            ),
            Msg::CannotRunTool { tool, error } => (
                match tool.as_str() {
                    "restic" => format!("cannot list restic snapshots: {error}"),
                    "borg" => format!("cannot list borg archives: {error}"),
                    "rpm" => format!("cannot query rpm: {error}"),
                    _ => format!("cannot run {tool}: {error}"),
                },
                format!("{tool} を実行できません: {error}"),
            ),
            Msg::ToolFailed { tool, exit_code, stderr } => (
                match exit_code {
                    Some(_) if tool == "rpm" || tool == "Get-HotFix" => {
                        format!("{tool} failed: {stderr}")
                    }
                    _ => format!("{tool} failed (exit {exit_code:?}): {stderr}"),
                },
                match exit_code {
                    Some(c) => format!("{tool} が失敗しました(終了コード {c}): {stderr}"),
                    None => format!("{tool} が失敗しました: {stderr}"),
                },
            ),
            Msg::ToolJsonNotUnderstood { tool, error } => (
                format!("{tool} printed JSON this probe does not understand: {error}"),
                format!("{tool} が出力した JSON をこのプローブは解釈できません: {error}"),
            ),

            Msg::NoPackageDatabase => (
                "no package database found (neither dpkg nor rpm); on Windows give `source = \"windows\"` or a Get-HotFix CSV with `hotfix_csv`".into(),
                "パッケージデータベースが見つかりません(dpkg も rpm もありません)。Windows では `source = \"windows\"` を指定するか、Get-HotFix の CSV を `hotfix_csv` で指定してください".into(),
            ),
            Msg::PackageListsStale { age_seconds, max_days } => (
                format!("the package lists were last refreshed {} ago (max {max_days} days)", age(*age_seconds, En)),
                format!("パッケージリストの最終更新は{}前です(上限{max_days}日)", age(*age_seconds, Ja)),
            ),
            Msg::SecurityUpdatesPending { count, max, packages } => {
                let more = *count > packages.len();
                if packages.is_empty() {
                    (
                        format!("{count} security update(s) pending (max {max})"),
                        format!("未適用のセキュリティ更新が{count}件あります(上限{max}件)"),
                    )
                } else {
                    (
                        format!("{count} security update(s) pending (max {max}): {}{}", packages.join(", "), if more { ", …" } else { "" }),
                        format!("未適用のセキュリティ更新が{count}件あります(上限{max}件): {}{}", packages.join("、"), if more { "、…" } else { "" }),
                    )
                }
            }
            Msg::NoPackageLists { dir } => (
                format!("no package lists in {dir}, so pending updates are unknown (run `apt-get update`, then probe again)"),
                format!("{dir} にパッケージリストがないため、未適用の更新は不明です(`apt-get update` を実行してから再度プローブしてください)"),
            ),
            Msg::PackageListsRefreshUnknown => (
                "cannot tell when the package lists were last refreshed".into(),
                "パッケージリストの最終更新日時がわかりません".into(),
            ),
            Msg::DpkgUpToDate { security, max, other, age_seconds } => (
                format!("{security} security update(s) pending (max {max}), {other} other; lists refreshed {} ago", age_opt(*age_seconds, En)),
                format!("未適用のセキュリティ更新は{security}件(上限{max}件)、その他{other}件。リストは{}前に更新", age_opt(*age_seconds, Ja)),
            ),
            Msg::DnfMetadataStale { age_seconds, max_days } => (
                format!("dnf metadata was last refreshed {} ago (max {max_days} days)", age(*age_seconds, En)),
                format!("dnf のメタデータの最終更新は{}前です(上限{max_days}日)", age(*age_seconds, Ja)),
            ),
            Msg::DnfSecurityUnknown => (
                "pending security updates are unknown: `dnf -C updateinfo list --security` gave no answer (is dnf installed and its cache filled?)".into(),
                "未適用のセキュリティ更新は不明です: `dnf -C updateinfo list --security` が答えを返しませんでした(dnf がインストールされ、キャッシュがあるか確認してください)".into(),
            ),
            Msg::SecurityUpdatesWithinLimit { count, max } => (
                format!("{count} security update(s) pending (max {max})"),
                format!("未適用のセキュリティ更新は{count}件です(上限{max}件)"),
            ),
            Msg::CannotDecompress { error } => (
                format!("cannot decompress: {error}"),
                format!("展開できません: {error}"),
            ),
            Msg::DnfUpdateinfoFailed { stderr } => (
                format!("dnf updateinfo failed: {stderr}"),
                format!("dnf updateinfo が失敗しました: {stderr}"),
            ),
            Msg::KernelRebootNeeded { newest } => (
                format!("the running kernel is not the newest installed one ({newest}); reboot to activate it"),
                format!("動作中のカーネルはインストール済みの最新版({newest})ではありません。再起動して有効にしてください"),
            ),
            Msg::RebootRequired => (
                "the system asks for a reboot (/run/reboot-required) to finish updates".into(),
                "更新を完了するために再起動が求められています(/run/reboot-required)".into(),
            ),
            Msg::WindowsNativeOnly => (
                "installed Windows updates can be read natively only on Windows; elsewhere export them with `Get-HotFix | Export-Csv -NoTypeInformation hotfix.csv` and give `hotfix_csv`".into(),
                "インストール済みの Windows 更新は Windows 上でのみ直接読めます。他の OS では `Get-HotFix | Export-Csv -NoTypeInformation hotfix.csv` で書き出し、`hotfix_csv` で指定してください".into(),
            ),
            Msg::HotfixCsvInvalid { source, error } => (
                format!("{source}: {error}"),
                format!("{source}: 読めません: {error}"),
            ),
            Msg::HotfixNoDates { source } => (
                format!("{source}: no update with an installation date"),
                format!("{source}: インストール日のある更新がありません"),
            ),
            Msg::HotfixStale { days, max_days } => (
                format!("the newest update was installed {days} days ago (max {max_days} days)"),
                format!("最新の更新のインストールは{days}日前です(上限{max_days}日)"),
            ),
            Msg::HotfixCurrent { count, days, max_days } => (
                format!("{count} updates installed; the newest {days} days ago (max {max_days} days)"),
                format!("{count}件の更新がインストール済み。最新は{days}日前(上限{max_days}日)"),
            ),
            Msg::HotfixPendingUnknown => (
                "Get-HotFix lists installed updates only; pending updates are not known from it (check Windows Update)".into(),
                "Get-HotFix はインストール済みの更新しか示さないため、未適用の更新はわかりません(Windows Update で確認してください)".into(),
            ),

            Msg::PasswdUnreadable { path, error } => (
                format!("cannot read {path}: {error} (local accounts are read from /etc/passwd on Unix only)"),
                format!("{path} を読めません: {error}(ローカルアカウントは Unix の /etc/passwd からのみ読みます)"),
            ),
            Msg::LeaversUnreadable { path, error } => (
                format!("cannot read the leavers list {path}: {error}"),
                format!("退職者リスト {path} を読めません: {error}"),
            ),
            Msg::LastlogTooLarge { bytes } => (
                format!("{bytes} bytes (sparse, indexed by uid): not read"),
                format!("{bytes}バイト(uid で索引された疎なファイル)のため読みませんでした"),
            ),
            Msg::ShadowUnreadable => (
                "/etc/shadow is not readable (run as root to see locked and empty passwords); accounts with a login shell are counted as able to log in".into(),
                "/etc/shadow を読めません(ロックや空のパスワードを見るには root で実行してください)。ログインシェルのあるアカウントはログイン可能として数えます".into(),
            ),
            Msg::AccountsToReview { accounts } => (
                format!(
                    "{} account(s) to review: {}",
                    accounts.len(),
                    accounts.iter().map(|a| a.text(En)).collect::<Vec<_>>().join("; ")
                ),
                format!(
                    "確認が必要なアカウントが{}件あります: {}",
                    accounts.len(),
                    accounts.iter().map(|a| a.text(Ja)).collect::<Vec<_>>().join("、")
                ),
            ),
            Msg::NoLoginRecords => (
                "no login records (/var/log/wtmp, /var/log/lastlog), so unused accounts cannot be told".into(),
                "ログイン記録(/var/log/wtmp、/var/log/lastlog)がないため、使われていないアカウントを判定できません".into(),
            ),
            Msg::AccountsInUse { can_log_in, max_days, leavers_checked } => (
                format!(
                    "{can_log_in} account(s) can log in; none unused for more than {max_days} days{}",
                    if *leavers_checked { " and none of a leaver" } else { "" }
                ),
                format!(
                    "ログインできるアカウントは{can_log_in}件。{max_days}日を超えて使われていないもの{}はありません",
                    if *leavers_checked { "や退職者のもの" } else { "" }
                ),
            ),

            Msg::NoSystemdCgroup { path } => (
                format!("{path} is not there (no systemd with cgroup v2): running services are unknown"),
                format!("{path} がありません(cgroup v2 の systemd ではありません)。動作中のサービスは不明です"),
            ),
            Msg::ProcessesNotInspected { count } => (
                format!("{count} process(es) could not be inspected (run as root to name every listening program)"),
                format!("{count}個のプロセスを調べられませんでした(待ち受け中のプログラムをすべて特定するには root で実行してください)"),
            ),
            Msg::ServicesNotAllowed { services } => (
                format!("{} service(s) not in allowed_services: {}", services.len(), services.join(", ")),
                format!("allowed_services にないサービスが{}件あります: {}", services.len(), services.join("、")),
            ),
            Msg::PortsNotAllowed { ports } => (
                format!("{} listening port(s) not in allowed_ports: {}", ports.len(), ports.join(", ")),
                format!("allowed_ports にない待ち受けポートが{}件あります: {}", ports.len(), ports.join("、")),
            ),
            Msg::NothingReadable => (
                "neither /proc/net nor systemd's configuration is readable here".into(),
                "ここでは /proc/net も systemd の設定も読めません".into(),
            ),
            Msg::NoAllowlist { services, ports } => (
                format!("{services} enabled service(s), {ports} open port(s) listed; no allowlist configured (set allowed_services and allowed_ports to judge)"),
                format!("有効なサービス{services}件、開いているポート{ports}件を記録しました。許可リストが設定されていません(判定するには allowed_services と allowed_ports を設定してください)"),
            ),
            Msg::AllAllowed { services, ports } => (
                format!("{services} enabled service(s) and {ports} open port(s), all in the allowlist"),
                format!("有効なサービス{services}件と開いているポート{ports}件は、すべて許可リストにあります"),
            ),

            Msg::LedgerUnreadable { path, error } => (
                format!("cannot read the ledger {path}: {error}"),
                format!("台帳 {path} を読めません: {error}"),
            ),
            Msg::LedgerInvalid { path, error } => (
                format!("{path}: {error}"),
                format!("{path}: 台帳として読めません: {error}"),
            ),
            Msg::LedgerNoHeader { path } => (
                format!("{path}: no header row with the ledger's columns in the first 10 rows (expected names such as 機器名, 種別, 設置場所, OS, 管理者, リモートメンテナンス; or map them with `columns`)"),
                format!("{path}: 最初の10行に台帳の列見出しの行がありません(機器名、種別、設置場所、OS、管理者、リモートメンテナンスなどの列名にするか、`columns` で対応付けてください)"),
            ),
            Msg::LedgerUnclassifiedRows { rows } => (
                format!("{rows} row(s) have a type that is not a server, PC or network device; they were not checked"),
                format!("{rows}行はサーバー・端末・ネットワーク機器以外の種別のため、確認していません"),
            ),
            Msg::LedgerMissingColumns { columns } => (
                format!("the ledger has no column for: {}", columns.join(", ")),
                format!("台帳に次の列がありません: {}", columns.join("、")),
            ),
            Msg::LedgerNoDevices => (
                "no server, PC or network device is listed".into(),
                "サーバー・端末・ネットワーク機器が1台も記載されていません".into(),
            ),
            Msg::LedgerRowProblems { count, rows } => {
                let more = *count > rows.len();
                let en: Vec<String> = rows
                    .iter()
                    .map(|p| format!("row {} ({}): {}", p.row, p.device, p.problem.text(En)))
                    .collect();
                let ja: Vec<String> = rows
                    .iter()
                    .map(|p| format!("{}行目({}): {}", p.row, p.device, p.problem.text(Ja)))
                    .collect();
                (
                    format!("{count} missing or invalid field(s): {}{}", en.join("; "), if more { "; …" } else { "" }),
                    format!("未記入または不正な欄が{count}か所あります: {}{}", ja.join("、"), if more { "、…" } else { "" }),
                )
            }
            Msg::HostNotInLedger { host } => (
                format!("this machine ({host}) is not in the ledger"),
                format!("この機器({host})が台帳にありません"),
            ),
            Msg::LedgerComplete { devices, host, row } => (
                format!("{devices} device(s) listed with every required field; this machine ({host}) is on row {row}"),
                format!("{devices}台の機器が必要な欄をすべて記入して記載されています。この機器({host})は{row}行目です"),
            ),

            Msg::RemoteNeedsFormat { path } => (
                format!("`{path}` looks like a remote repository; set format = \"restic\" or \"borg\""),
                format!("`{path}` はリモートのリポジトリのようです。format = \"restic\" か \"borg\" を指定してください"),
            ),
            Msg::BackupMissing { path } => (
                format!("{path} is not there now (an unmounted or offline backup cannot be checked from here; check it by hand)"),
                format!("{path} は現在ありません(マウントされていない、またはオフラインのバックアップはここから確認できません。手で確認してください)"),
            ),
            Msg::BackupNotAFolder { path } => (
                format!("{path} is not a folder; give the backup folder or repository"),
                format!("{path} はフォルダではありません。バックアップのフォルダかリポジトリを指定してください"),
            ),
            Msg::PasswordFileUnreadable { path, error } => (
                format!("cannot read the password file {path}: {error}"),
                format!("パスワードファイル {path} を読めません: {error}"),
            ),
            Msg::WalkProblems { loops, unreadable, vanished, other } => (
                format!("{loops} symlink loop(s), {unreadable} folder(s) or file(s) not readable, {vanished} vanished during the walk, {other} other error(s)"),
                format!("シンボリックリンクのループ{loops}件、読めないフォルダ・ファイル{unreadable}件、走査中に消えたもの{vanished}件、その他のエラー{other}件"),
            ),
            Msg::TooFewFiles { files, min } => (
                format!("{files} file(s), fewer than min_files = {min}"),
                format!("ファイルが{files}個で、min_files = {min} より少ないです"),
            ),
            Msg::TooFewBytes { bytes, min } => (
                format!("{bytes} bytes, less than min_bytes = {min}"),
                format!("{bytes}バイトで、min_bytes = {min} より少ないです"),
            ),
            Msg::BackupTooOld { age_seconds, max_age } => (
                format!("the newest file is {} old, older than max_age = {max_age}", age(*age_seconds, En)),
                format!("最新のファイルは{}前のもので、max_age = {max_age} より古いです", age(*age_seconds, Ja)),
            ),
            Msg::BackupPartlyUnread { failures, unreadable, stopped } => (
                format!(
                    "{}; but {unreadable} part(s) of the tree could not be read{}, so newer backups may be there",
                    failures.iter().map(|f| f.text(En)).collect::<Vec<_>>().join("; "),
                    if *stopped { " and the walk was stopped" } else { "" }
                ),
                format!(
                    "{}。ただしツリーの{unreadable}か所を読めず{}、より新しいバックアップがあるかもしれません",
                    failures.iter().map(|f| f.text(Ja)).collect::<Vec<_>>().join("。"),
                    if *stopped { "、走査も途中で止まったため" } else { "" }
                ),
            ),
            Msg::BackupFresh { files, bytes, age_seconds, max_age } => (
                format!("{files} file(s), {bytes} bytes; the newest is {} old (max_age {max_age})", age_opt(*age_seconds, En)),
                format!("ファイル{files}個、{bytes}バイト。最新は{}前(max_age {max_age})", age_opt(*age_seconds, Ja)),
            ),
            Msg::TooFewSnapshots { tool, count, min } => (
                format!("{count} {tool} snapshot(s), fewer than min_snapshots = {min}"),
                format!("{tool} のスナップショットが{count}個で、min_snapshots = {min} より少ないです"),
            ),
            Msg::SnapshotTooOld { tool, age_seconds, max_age } => (
                format!("the newest {tool} snapshot is {} old, older than max_age = {max_age}", age(*age_seconds, En)),
                format!("最新の {tool} スナップショットは{}前のもので、max_age = {max_age} より古いです", age(*age_seconds, Ja)),
            ),
            Msg::SnapshotsFresh { tool, count, age_seconds, max_age } => (
                format!("{count} {tool} snapshot(s); the newest is {} old (max_age {max_age})", age_opt(*age_seconds, En)),
                format!("{tool} のスナップショット{count}個。最新は{}前(max_age {max_age})", age_opt(*age_seconds, Ja)),
            ),
            Msg::SameFilesystem { path } => (
                format!("the backup is on the same filesystem as {path} (the data it protects); keep another generation on other media or offline"),
                format!("バックアップが保護対象のデータ({path})と同じファイルシステムにあります。別の媒体かオフラインにも世代を保管してください"),
            ),
            Msg::OnRootFilesystem => (
                "the backup is on the system's root filesystem and online now; malware on this machine can reach it".into(),
                "バックアップがシステムのルートファイルシステム上にあり、常にオンラインです。この機器のマルウェアから届きます".into(),
            ),
        }
    }
}

/// Join the English texts of several messages, as `reason` holds them.
pub fn join_en(msgs: &[Msg]) -> String {
    msgs.iter()
        .map(|m| m.text(Lang::En))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Join several messages for a table in `lang`.
pub fn join_coded(parts: &[Coded], lang: Lang, fallback: &str) -> String {
    let texts: Option<Vec<String>> = parts
        .iter()
        .map(|c| c.msg().map(|m| m.text(lang)))
        .collect();
    match texts {
        Some(t) if !t.is_empty() => t.join(match lang {
            Lang::En => "; ",
            Lang::Ja => "。",
        }),
        _ => fallback.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every message, so the test below sees every code.
    pub(crate) fn every_message() -> Vec<Msg> {
        let s = || "x".to_owned();
        vec![
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
            },
            Msg::LedgerNoHeader { path: s() },
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
            },
            Msg::SnapshotsFresh {
                tool: s(),
                count: 1,
                age_seconds: None,
                max_age: "1d".into(),
            },
            Msg::SameFilesystem { path: s() },
            Msg::OnRootFilesystem,
        ]
    }

    fn has_japanese(s: &str) -> bool {
        s.chars().any(|c| {
            ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)
        })
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
            let (en, ja) = m.texts();
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
            "最新のファイルは41日前のもので、max_age = 36h より古いです"
        );
    }

    #[test]
    fn unknown_codes_fall_back_to_the_stored_text() {
        let c = Coded {
            code: "from-the-future".into(),
            params: Map::new(),
        };
        assert_eq!(c.text_or(Lang::Ja, "english"), "english");
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
