//! patch-level on Windows: installed updates (`Get-HotFix`), the OS build and its servicing,
//! and the pending updates the Windows Update Agent knows from its last search (searched
//! offline: `Online = $false`, so nothing is downloaded and no server is asked).

use super::lifecycle::{self, Support};
use super::{decode_json, json_list, json_text, json_time, Query, WinMsg, WindowsSource};
use crate::probes::config::PatchLevelSettings;
use crate::probes::patch::{decide_date_order, parse_windows_date, HotFix};
use crate::probes::{Msg, Observation, ProbeContext, Verdict};
use serde::Serialize;
use serde_json::Value;

/// The PowerShell script of [`Query::Updates`] (Windows PowerShell 5.1 and PowerShell 7).
/// Dates are written in one fixed format whatever the display language; titles are as
/// Windows says them (Japanese on Japanese Windows).
pub const SCRIPT: &str = r#"$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch { }
$inv = [Globalization.CultureInfo]::InvariantCulture
$cv = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
$os = Get-CimInstance Win32_OperatingSystem
$hotfixes = @(Get-HotFix | ForEach-Object {
  [ordered]@{ HotFixID = $_.HotFixID; Description = $_.Description; InstalledBy = $_.InstalledBy
    InstalledOn = $(if ($_.InstalledOn) { $_.InstalledOn.ToString('yyyy-MM-dd', $inv) } else { $null }) } })
$pending = $(try {
  $searcher = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()
  $searcher.Online = $false
  $result = $searcher.Search('IsInstalled=0 and IsHidden=0')
  [ordered]@{ available = $true; updates = @($result.Updates | ForEach-Object {
    [ordered]@{ Title = $_.Title; KBArticleIDs = @($_.KBArticleIDs); MsrcSeverity = $_.MsrcSeverity
      Categories = @($_.Categories | ForEach-Object { $_.CategoryID }) } }) }
} catch { [ordered]@{ available = $false; error = $_.Exception.Message } })
[ordered]@{ format = 1
  os = [ordered]@{ Caption = $os.Caption; Version = $os.Version; BuildNumber = $os.BuildNumber
    UBR = $cv.UBR; DisplayVersion = $cv.DisplayVersion; EditionID = $cv.EditionID
    InstallationType = $cv.InstallationType; ProductType = $os.ProductType }
  hotfixes = $hotfixes; pending = $pending } | ConvertTo-Json -Depth 6 -Compress
"#;

/// The Windows Update category "Security Updates" (its ID is the same in every language).
pub const SECURITY_UPDATES_CATEGORY: &str = "0fa1201d-4330-4fa8-8ae9-b877473b6441";

/// The operating system as the script reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OsInfo {
    pub caption: String,
    pub version: String,
    pub build: Option<u32>,
    pub ubr: Option<u32>,
    pub display_version: String,
    pub edition_id: String,
    pub installation_type: String,
    pub product_type: Option<u32>,
}

impl OsInfo {
    /// `19045.6456`, or the build alone.
    pub fn full_build(&self) -> String {
        match (self.build, self.ubr) {
            (Some(b), Some(u)) => format!("{b}.{u}"),
            (Some(b), None) => b.to_string(),
            _ => self.version.clone(),
        }
    }
}

/// One pending update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingUpdate {
    pub title: String,
    pub kb: Vec<String>,
    pub severity: String,
    pub security: bool,
}

/// What the Windows Update Agent said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Known(Vec<PendingUpdate>),
    Unknown(String),
}

/// The whole answer of [`SCRIPT`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdatesReport {
    pub os: OsInfo,
    pub hotfixes: Vec<HotFix>,
    /// How the installation dates were read (`ymd` from our script; decided for the whole
    /// document like a CSV otherwise).
    pub date_order: crate::probes::patch::DateOrder,
    pub pending: Pending,
}

fn number(v: Option<&Value>) -> Option<u32> {
    match v? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Parse what [`SCRIPT`] printed (any encoding). Dates of installed updates may also be
/// PowerShell's own (`/Date(…)/`) or a culture's (`13/11/2026`), read with the same
/// whole-document rule as a hotfix CSV.
pub fn parse_updates(bytes: &[u8], date_order: Option<&str>) -> Result<UpdatesReport, String> {
    let (doc, _) = decode_json(bytes)?;
    let Some(obj) = doc.as_object() else {
        return Err("not a JSON object".into());
    };
    let os_v = obj.get("os").ok_or("no `os` in the output")?;
    let os = OsInfo {
        caption: json_text(os_v.get("Caption")),
        version: json_text(os_v.get("Version")),
        build: number(os_v.get("BuildNumber")),
        ubr: number(os_v.get("UBR")),
        display_version: json_text(os_v.get("DisplayVersion")),
        edition_id: json_text(os_v.get("EditionID")),
        installation_type: json_text(os_v.get("InstallationType")),
        product_type: number(os_v.get("ProductType")),
    };
    let rows: Vec<(&Value, String)> = json_list(obj.get("hotfixes"))
        .into_iter()
        .map(|h| {
            let on = h.get("InstalledOn");
            let text = match on {
                Some(Value::String(s)) if !s.starts_with("/Date(") => s.trim().to_owned(),
                _ => String::new(),
            };
            (h, text)
        })
        .collect();
    let order = decide_date_order(rows.iter().map(|(_, t)| t.as_str()), date_order);
    let hotfixes = rows
        .iter()
        .filter_map(|(h, text)| {
            let id = json_text(h.get("HotFixID"));
            if id.is_empty() {
                return None;
            }
            let installed_on = if text.is_empty() {
                h.get("InstalledOn")
                    .and_then(json_time)
                    .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::system()).date())
            } else {
                parse_windows_date(text, order.as_code())
            };
            Some(HotFix {
                id,
                description: json_text(h.get("Description")),
                installed_on,
                installed_by: json_text(h.get("InstalledBy")),
            })
        })
        .collect();
    let pending = match obj.get("pending") {
        Some(p) if p.get("available").and_then(Value::as_bool) == Some(true) => Pending::Known(
            json_list(p.get("updates"))
                .into_iter()
                .map(|u| {
                    let severity = json_text(u.get("MsrcSeverity"));
                    let security = !severity.is_empty()
                        || json_list(u.get("Categories")).iter().any(|c| {
                            json_text(Some(c)).eq_ignore_ascii_case(SECURITY_UPDATES_CATEGORY)
                        });
                    PendingUpdate {
                        title: json_text(u.get("Title")),
                        kb: json_list(u.get("KBArticleIDs"))
                            .into_iter()
                            .map(|k| format!("KB{}", json_text(Some(k)).trim_start_matches("KB")))
                            .collect(),
                        severity,
                        security,
                    }
                })
                .collect(),
        ),
        Some(p) => Pending::Unknown(json_text(p.get("error"))),
        None => Pending::Unknown(String::new()),
    };
    Ok(UpdatesReport {
        os,
        hotfixes,
        date_order: order,
        pending,
    })
}

/// A hotfix counts as a security update by its description (English or Japanese Windows).
fn is_security(description: &str) -> bool {
    description.to_lowercase().contains("security") || description.contains("セキュリティ")
}

/// Ask `source` and judge: the build's servicing, the newest installed update, pending
/// security updates.
pub fn judge(
    settings: &PatchLevelSettings,
    ctx: &ProbeContext,
    source: &dyn WindowsSource,
) -> Observation {
    let bytes = match source.ask(ctx, Query::Updates) {
        Ok(b) => b,
        Err(e) => {
            return Observation::new(Verdict::Unknown, e.msg(Query::Updates))
                .with("package_manager", "windows-update")
        }
    };
    let report = match parse_updates(&bytes, settings.date_order.as_deref()) {
        Ok(r) => r,
        Err(error) => {
            return Observation::new(
                Verdict::Unknown,
                Msg::Windows(WinMsg::PowershellOutputNotUnderstood {
                    query: Query::Updates.name().into(),
                    error,
                }),
            )
        }
    };
    let (_, encoding) = crate::probes::text::decode(&bytes);
    judge_report(settings, ctx, &report, encoding.as_str())
}

/// Judge a parsed report (the part tests drive directly).
pub fn judge_report(
    settings: &PatchLevelSettings,
    ctx: &ProbeContext,
    report: &UpdatesReport,
    encoding: &str,
) -> Observation {
    let fixes = &report.hotfixes;
    ctx.tick(fixes.len() as u64);
    let today = ctx
        .now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    let newest = fixes.iter().filter_map(|f| f.installed_on).max();
    let days = newest.map(|d| i64::from((today - d).get_days().max(0)));
    let group = lifecycle::edition_group(
        &report.os.edition_id,
        &report.os.installation_type,
        report.os.product_type,
    );
    let support: Support = match report.os.build {
        Some(b) => lifecycle::support(b, group, today),
        None => lifecycle::support(0, None, today),
    };
    let mut recent: Vec<&HotFix> = fixes.iter().collect();
    recent.sort_by_key(|f| std::cmp::Reverse(f.installed_on));
    let (pending_all, pending_security): (Option<usize>, Option<Vec<&PendingUpdate>>) =
        match &report.pending {
            Pending::Known(u) => (
                Some(u.len()),
                Some(u.iter().filter(|u| u.security).collect()),
            ),
            Pending::Unknown(_) => (None, None),
        };
    let mut obs = Observation::pending(Verdict::Pass)
        .with("package_manager", "windows-update")
        .with("source", "powershell")
        .with("encoding", encoding)
        .with("os", &report.os)
        .with("os_build", report.os.full_build())
        .with("support", &support)
        .with("hotfixes", fixes.len())
        .with(
            "security_updates",
            fixes.iter().filter(|f| is_security(&f.description)).count(),
        )
        .with(
            "undated",
            fixes.iter().filter(|f| f.installed_on.is_none()).count(),
        )
        .with("last_installed_on", newest.map(|d| d.to_string()))
        .with("days_since_update", days)
        .with(
            "newest_hotfixes",
            recent.iter().take(10).collect::<Vec<_>>(),
        )
        .with("pending_updates", pending_all)
        .with("pending_security", pending_security.as_ref().map(Vec::len))
        .with(
            "pending_security_updates",
            pending_security
                .as_ref()
                .map(|p| p.iter().take(20).collect::<Vec<_>>()),
        )
        .with("date_order", report.date_order.as_code())
        .with("date_order_basis", report.date_order.basis());
    // Warnings first: they hold whatever the verdict.
    match &report.pending {
        Pending::Unknown(error) => {
            obs.warnings
                .push(Msg::Windows(WinMsg::UpdateAgentUnavailable {
                    error: error.clone(),
                }))
        }
        Pending::Known(u) => obs.warnings.push(Msg::Windows(WinMsg::PendingUpdatesRead {
            count: u.len(),
            security: u.iter().filter(|u| u.security).count(),
        })),
    }
    if support.status == "unknown" {
        obs.warnings.push(Msg::Windows(WinMsg::OsBuildUnknown {
            build: report.os.full_build(),
            edition: report.os.edition_id.clone(),
        }));
    }
    if let (Some(left), Some(product), Some(end)) = (
        support.days_left,
        support.product,
        &support.end_of_servicing,
    ) {
        if (0..=90).contains(&left) {
            obs.warnings.push(Msg::Windows(WinMsg::EndOfServicingSoon {
                product: product.to_owned(),
                end_date: end.clone(),
                days: left,
            }));
        }
    }

    let max_pending = usize::try_from(settings.max_pending_security).unwrap_or(usize::MAX);
    let mut failures = Vec::new();
    if support.status == "ended" {
        failures.push(Msg::Windows(WinMsg::EndOfServicing {
            product: support.product.unwrap_or_default().to_owned(),
            build: report.os.full_build(),
            end_date: support.end_of_servicing.clone().unwrap_or_default(),
            source: support.source.unwrap_or_default().to_owned(),
        }));
    }
    if let Some(d) = days {
        if d > i64::from(settings.max_days_since_update) {
            failures.push(Msg::HotfixStale {
                days: d,
                max_days: settings.max_days_since_update,
            });
        }
    }
    if let Some(p) = &pending_security {
        if p.len() > max_pending {
            failures.push(Msg::SecurityUpdatesPending {
                count: p.len(),
                max: max_pending,
                packages: p
                    .iter()
                    .take(5)
                    .map(|u| match u.kb.first() {
                        Some(kb) => kb.clone(),
                        None => u.title.clone(),
                    })
                    .collect(),
            });
        }
    }
    if !failures.is_empty() {
        obs.verdict = Verdict::Fail;
        obs.reasons = failures;
        return obs;
    }
    let source = Query::Updates.name().to_owned();
    match &report.date_order {
        crate::probes::patch::DateOrder::Undecided { example } => {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::HotfixDateOrderUnknown {
                source,
                example: example.clone(),
            });
            return obs;
        }
        crate::probes::patch::DateOrder::Conflicting {
            day_first,
            month_first,
        } => {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::HotfixDateOrderConflict {
                source,
                day_first: day_first.clone(),
                month_first: month_first.clone(),
            });
            return obs;
        }
        _ => {}
    }
    match days {
        None => {
            obs.verdict = Verdict::Unknown;
            obs.because(Msg::HotfixNoDates { source });
        }
        Some(d) => {
            obs.reasons = vec![Msg::HotfixCurrent {
                count: fixes.len(),
                days: d,
                max_days: settings.max_days_since_update,
            }];
            if let Some(p) = &pending_security {
                obs.reasons.push(Msg::SecurityUpdatesWithinLimit {
                    count: p.len(),
                    max: max_pending,
                });
            }
        }
    }
    obs
}
