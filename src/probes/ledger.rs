//! asset-ledger: the institution's device ledger (台帳), CSV or XLSX, checked for the fields
//! every server, PC and network device needs, and for the machine running the probe.
//!
//! Columns are found by their header (Japanese or English, e.g. 機器名/ホスト名, 設置場所,
//! OS/ファームウェア, 管理者, リモートメンテナンス), or named in the configuration's `columns`.
//! A title row above the header is fine: the header is the first of the first ten rows in
//! which at least two known column names appear.

use super::config::LedgerSettings;
use super::messages::{LedgerProblem, LedgerRowProblem};
use super::{Msg, Observation, Probe, ProbeContext, Verdict};
use crate::checklist::Lang;
use crate::checklist::ProbeKind;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub struct AssetLedger {
    settings: LedgerSettings,
}

impl AssetLedger {
    pub fn new(settings: LedgerSettings) -> Self {
        AssetLedger { settings }
    }
}

/// Header names known for each field, compared after [`normalize`].
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "name",
        &[
            "機器名",
            "ホスト名",
            "コンピュータ名",
            "コンピューター名",
            "端末名",
            "名称",
            "hostname",
            "host",
            "name",
            "devicename",
        ],
    ),
    (
        "type",
        &[
            "種別",
            "機器種別",
            "機器区分",
            "区分",
            "種類",
            "分類",
            "type",
            "devicetype",
            "category",
        ],
    ),
    ("location", &["設置場所", "場所", "設置部署", "location"]),
    (
        "os",
        &[
            "os",
            "os/ファームウェア",
            "os・ファームウェア",
            "osバージョン",
            "ファームウェア",
            "os/firmware",
            "firmware",
            "osversion",
            "バージョン",
        ],
    ),
    (
        "manager",
        &[
            "管理者",
            "管理責任者",
            "担当者",
            "管理担当者",
            "manager",
            "owner",
        ],
    ),
    (
        "remote_maintenance",
        &[
            "リモートメンテナンス",
            "リモート保守",
            "リモートメンテナンスの有無",
            "リモート保守の有無",
            "remotemaintenance",
            "remote",
        ],
    ),
    ("ip_address", &["ipアドレス", "ip", "ipaddress"]),
    (
        "vendor",
        &[
            "メーカー",
            "事業者",
            "保守事業者",
            "保守業者",
            "vendor",
            "maker",
        ],
    ),
    ("model", &["型番", "機種", "型式", "model"]),
];

/// Lower-case, full-width ASCII to half-width, spaces and brackets' insides kept.
fn normalize(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = match c as u32 {
                0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            (!c.is_whitespace() && c != '\u{3000}' && c != '_' && c != '-')
                .then(|| c.to_ascii_lowercase())
        })
        .collect()
}

/// Which class of device a type cell names.
fn device_class(t: &str) -> Option<&'static str> {
    let n = normalize(t);
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&["サーバ", "server"]) {
        Some("server")
    } else if has(&[
        "ネットワーク",
        "ルータ",
        "ルーター",
        "スイッチ",
        "ファイアウォール",
        "utm",
        "無線lan",
        "アクセスポイント",
        "vpn",
        "router",
        "switch",
        "firewall",
        "network",
    ]) {
        Some("network")
    } else if has(&[
        "端末",
        "pc",
        "パソコン",
        "クライアント",
        "ノート",
        "terminal",
        "desktop",
        "laptop",
        "client",
    ]) {
        Some("terminal")
    } else {
        None
    }
}

/// A yes/no answer as ledgers write it.
fn is_yes_no(v: &str) -> bool {
    matches!(
        normalize(v).as_str(),
        "はい"
            | "いいえ"
            | "有"
            | "無"
            | "有り"
            | "無し"
            | "あり"
            | "なし"
            | "yes"
            | "no"
            | "y"
            | "n"
            | "○"
            | "◯"
            | "×"
            | "true"
            | "false"
            | "対象"
            | "対象外"
            | "利用"
            | "利用なし"
            | "利用あり"
    )
}

/// A problem with one row.
#[derive(Debug, Clone, Serialize)]
struct RowProblem {
    row: usize,
    device: String,
    problem: String,
}

impl Probe for AssetLedger {
    fn kind(&self) -> ProbeKind {
        ProbeKind::AssetLedger
    }

    fn items(&self) -> Vec<String> {
        vec!["asset-ledger".into()]
    }

    fn parameters(&self) -> Map<String, Value> {
        let s = &self.settings;
        let mut m = Map::new();
        m.insert("path".into(), s.path.display().to_string().into());
        m.insert(
            "sheet".into(),
            serde_json::to_value(&s.sheet).unwrap_or(Value::Null),
        );
        // The default filled in: the name this run compares with the ledger.
        m.insert(
            "hostname".into(),
            s.hostname
                .clone()
                .unwrap_or_else(|| gethostname::gethostname().to_string_lossy().into_owned())
                .into(),
        );
        m.insert(
            "columns".into(),
            serde_json::to_value(&s.columns).unwrap_or(Value::Null),
        );
        m.insert("required".into(), s.required.clone().into());
        m
    }

    fn run(&self, ctx: &ProbeContext) -> Observation {
        let s = &self.settings;
        let path = s.path.clone();
        let bytes = match ctx.read_kind(&path, crate::limits::InputKind::Sheet) {
            Ok(b) => b,
            Err(e) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::LedgerUnreadable {
                        path: path.display().to_string(),
                        error: e.to_string(),
                    },
                )
            }
        };
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let rows = match rows_of(&bytes, &ext, s.sheet.as_deref()) {
            Ok(r) => r,
            Err(RowsError::Unsupported) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::LedgerUnsupportedFormat {
                        path: path.display().to_string(),
                        ext,
                    },
                )
            }
            Err(RowsError::Invalid(error)) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::LedgerInvalid {
                        path: path.display().to_string(),
                        error,
                        workbook: None,
                    },
                )
            }
            Err(RowsError::Workbook(e)) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::LedgerInvalid {
                        path: path.display().to_string(),
                        error: e.to_string(),
                        workbook: Some(e),
                    },
                )
            }
        };
        let Some((header_at, columns)) = find_header(&rows, &s.columns) else {
            return Observation::new(
                Verdict::Fail,
                Msg::LedgerNoHeader {
                    path: path.display().to_string(),
                },
            );
        };
        let host = s
            .hostname
            .clone()
            .unwrap_or_else(|| gethostname::gethostname().to_string_lossy().into_owned());
        let host_short = host.split('.').next().unwrap_or(&host).to_lowercase();

        let missing_columns: Vec<&String> = s
            .required
            .iter()
            .filter(|f| !columns.contains_key(f.as_str()))
            .collect();
        let mut problems = Vec::new();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut host_row = None;
        let mut unclassified = 0;
        for (i, row) in rows.iter().enumerate().skip(header_at + 1) {
            let cell = |f: &str| {
                columns
                    .get(f)
                    .and_then(|&c| row.get(c))
                    .map(|v| v.trim())
                    .unwrap_or("")
            };
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let row_no = i + 1;
            let name = cell("name").to_owned();
            if !name.is_empty()
                && name.split('.').next().unwrap_or(&name).to_lowercase() == host_short
            {
                host_row = Some(row_no);
            }
            let class = if columns.contains_key("type") {
                device_class(cell("type"))
            } else {
                Some("device")
            };
            let Some(class) = class else {
                unclassified += 1;
                continue;
            };
            *counts.entry(class).or_insert(0) += 1;
            let device = if name.is_empty() {
                format!("row {row_no}")
            } else {
                name.clone()
            };
            for f in &s.required {
                if columns.contains_key(f.as_str()) && cell(f).is_empty() {
                    problems.push(LedgerRowProblem {
                        row: row_no,
                        device: device.clone(),
                        problem: LedgerProblem::EmptyField { field: f.clone() },
                    });
                }
            }
            let rm = cell("remote_maintenance");
            if !rm.is_empty() && !is_yes_no(rm) {
                problems.push(LedgerRowProblem {
                    row: row_no,
                    device: device.clone(),
                    problem: LedgerProblem::RemoteMaintenanceNotYesNo {
                        value: rm.to_owned(),
                    },
                });
            }
        }
        let devices: usize = counts.values().sum();
        let column_names: BTreeMap<&str, String> = columns
            .iter()
            .map(|(f, &c)| {
                let name = rows.get(header_at).and_then(|r| r.get(c));
                (*f, name.cloned().unwrap_or_default())
            })
            .collect();
        let incomplete_rows: Vec<RowProblem> = problems
            .iter()
            .map(|p| RowProblem {
                row: p.row,
                device: p.device.clone(),
                problem: p.problem.text(Lang::En),
            })
            .collect();
        let mut obs = Observation::pending(Verdict::Pass)
            .with("ledger", path.display().to_string())
            .with("header_row", header_at + 1)
            .with("columns", &column_names)
            .with("missing_columns", &missing_columns)
            .with("devices", devices)
            .with("devices_by_class", &counts)
            .with("rows_not_classified", unclassified)
            .with("incomplete_rows", &incomplete_rows)
            .with("hostname", &host)
            .with("host_listed", host_row.is_some())
            .with("host_row", host_row);
        if unclassified > 0 {
            obs.warnings
                .push(Msg::LedgerUnclassifiedRows { rows: unclassified });
        }
        let mut failures = Vec::new();
        if !missing_columns.is_empty() {
            failures.push(Msg::LedgerMissingColumns {
                columns: missing_columns.iter().map(|s| (*s).clone()).collect(),
            });
        }
        if devices == 0 {
            failures.push(Msg::LedgerNoDevices);
        }
        if !problems.is_empty() {
            failures.push(Msg::LedgerRowProblems {
                count: problems.len(),
                rows: problems.iter().take(3).cloned().collect(),
            });
        }
        if host_row.is_none() {
            failures.push(Msg::HostNotInLedger { host: host.clone() });
        }
        if failures.is_empty() {
            obs.because(Msg::LedgerComplete {
                devices,
                host: host.clone(),
                row: host_row.unwrap_or(0),
            });
        } else {
            obs.verdict = Verdict::Fail;
            obs.reasons = failures;
        }
        obs
    }
}

/// The ledger's rows: a workbook's (`xlsx`, `xlsm`) named or first sheet, or CSV text in any
/// encoding Excel writes. Other workbook types are refused: they cannot be read within limits.
pub fn rows_of(
    bytes: &[u8],
    ext: &str,
    sheet: Option<&str>,
) -> Result<Vec<Vec<String>>, RowsError> {
    match ext {
        "xls" | "xlsb" | "ods" => Err(RowsError::Unsupported),
        "xlsx" | "xlsm" => read_workbook(bytes, sheet).map_err(RowsError::Workbook),
        _ => read_csv(&super::text::decode(bytes).0).map_err(RowsError::Invalid),
    }
}

/// Why a ledger file gave no rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowsError {
    /// A workbook type medsec does not read (`xls`, `xlsb`, `ods`); the message for people is
    /// `probes-ledger-unsupported-format` in the catalog.
    Unsupported,
    /// The CSV could not be parsed; the detail from the parser.
    Invalid(String),
    /// The workbook was refused (said in the reader's language when shown).
    Workbook(crate::limits::workbook::WorkbookError),
}

/// Rows of cells from CSV text (any delimiter Excel writes: comma or tab).
fn read_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    rdr.records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|e| format!("{}{e}", crate::probes::messages::CSV_ERROR))
        })
        .collect()
}

/// Rows of cells from a workbook's named sheet, or its first one, within the workbook limits.
fn read_workbook(
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Vec<Vec<String>>, crate::limits::workbook::WorkbookError> {
    let (_, rows) = crate::limits::workbook::read_sheet(bytes, sheet)?;
    Ok(rows
        .into_iter()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect())
}

/// The header row and field -> column index.
pub(crate) fn find_header(
    rows: &[Vec<String>],
    overrides: &BTreeMap<String, String>,
) -> Option<(usize, BTreeMap<&'static str, usize>)> {
    for (i, row) in rows.iter().enumerate().take(10) {
        let norm: Vec<String> = row.iter().map(|c| normalize(c)).collect();
        let mut map: BTreeMap<&'static str, usize> = BTreeMap::new();
        for (field, names) in SYNONYMS {
            let wanted: Vec<String> = match overrides.get(*field) {
                Some(h) => vec![normalize(h)],
                None => names.iter().map(|n| normalize(n)).collect(),
            };
            if let Some(c) = norm.iter().position(|h| wanted.contains(h)) {
                map.insert(field, c);
            }
        }
        if map.len() >= 2 {
            return Some((i, map));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_after_a_title_row() {
        let rows = read_csv("機器台帳(令和7年度),,\nホスト名,種別,設置場所,ＯＳ,管理者,リモート保守\nsv01,サーバ,サーバ室,Debian 12,山田,有\n").unwrap();
        let none = BTreeMap::new();
        let (at, cols) = find_header(&rows, &none).unwrap();
        assert_eq!(at, 1);
        assert_eq!(cols["os"], 3);
        assert_eq!(cols["remote_maintenance"], 5);
    }

    #[test]
    fn classes_and_answers() {
        assert_eq!(device_class("電子カルテサーバ"), Some("server"));
        assert_eq!(device_class("端末PC"), Some("terminal"));
        assert_eq!(device_class("ルータ"), Some("network"));
        assert_eq!(device_class("プリンタ"), None);
        assert!(is_yes_no("有"));
        assert!(is_yes_no("いいえ"));
        assert!(!is_yes_no("たぶん"));
    }
}
