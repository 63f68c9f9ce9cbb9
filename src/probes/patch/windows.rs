//! patch-level on Windows: installed updates from `Get-HotFix`, run natively on Windows, or
//! read from a CSV exported with `Get-HotFix | Export-Csv` and given by path, on any OS.

use super::PatchLevel;
use crate::probes::{Msg, Observation, ProbeContext, Verdict};
use serde::Serialize;
use serde_json::Value;

impl PatchLevel {
    #[cfg(windows)]
    pub(super) fn windows_native(&self, ctx: &ProbeContext) -> Observation {
        let script = "Get-HotFix | Select-Object Source,Description,HotFixID,InstalledBy,\
                      @{n='InstalledOn';e={if ($_.InstalledOn) { $_.InstalledOn.ToString('yyyy-MM-dd') }}} \
                      | ConvertTo-Csv -NoTypeInformation";
        let args = vec![
            "-NoProfile".to_owned(),
            "-NonInteractive".to_owned(),
            "-Command".to_owned(),
            script.to_owned(),
        ];
        match ctx.run_command("powershell.exe", &args, &[]) {
            Ok(o) if o.success() => self.hotfixes(ctx, &o.stdout, "Get-HotFix"),
            Ok(o) => Observation::new(
                Verdict::Unknown,
                Msg::ToolFailed {
                    tool: "Get-HotFix".into(),
                    exit_code: o.exit_code,
                    signal: o.signal,
                    stderr: o.stderr_excerpt(),
                },
            ),
            Err(e) => Observation::new(Verdict::Unknown, e.msg("Get-HotFix")),
        }
    }

    #[cfg(not(windows))]
    pub(super) fn windows_native(&self, _ctx: &ProbeContext) -> Observation {
        Observation::new(Verdict::Unknown, Msg::WindowsNativeOnly)
    }

    pub(super) fn hotfixes(&self, ctx: &ProbeContext, bytes: &[u8], from: &str) -> Observation {
        let (text, encoding) = crate::probes::text::decode(bytes);
        let fixes = match parse_hotfix_csv(&text, self.settings.date_order.as_deref()) {
            Ok(f) => f,
            Err(e) => {
                return Observation::new(
                    Verdict::Unknown,
                    Msg::HotfixCsvInvalid {
                        source: from.to_owned(),
                        error: e.to_string(),
                    },
                )
            }
        };
        ctx.tick(fixes.len() as u64);
        let newest = fixes.iter().filter_map(|f| f.installed_on).max();
        let undated = fixes.iter().filter(|f| f.installed_on.is_none()).count();
        let security = fixes
            .iter()
            .filter(|f| f.description.to_lowercase().contains("security"))
            .count();
        let today = ctx
            .now()
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .date();
        let days = newest.map(|d| i64::from((today - d).get_days().max(0)));
        let mut recent: Vec<&HotFix> = fixes.iter().collect();
        recent.sort_by_key(|f| std::cmp::Reverse(f.installed_on));
        let mut obs = Observation::pending(Verdict::Pass)
            .with("package_manager", "windows-hotfix")
            .with("source", from)
            .with("encoding", encoding.as_str())
            .with("hotfixes", fixes.len())
            .with("security_updates", security)
            .with("undated", undated)
            .with("last_installed_on", newest.map(|d| d.to_string()))
            .with("days_since_update", days)
            .with(
                "newest_hotfixes",
                recent.iter().take(10).collect::<Vec<_>>(),
            )
            .with("pending_security", Value::Null);
        obs.warnings.push(Msg::HotfixPendingUnknown);
        match days {
            None => {
                obs.verdict = Verdict::Unknown;
                obs.because(Msg::HotfixNoDates {
                    source: from.to_owned(),
                });
            }
            Some(d) if d > i64::from(self.settings.max_days_since_update) => {
                obs.verdict = Verdict::Fail;
                obs.because(Msg::HotfixStale {
                    days: d,
                    max_days: self.settings.max_days_since_update,
                });
            }
            Some(d) => {
                obs.because(Msg::HotfixCurrent {
                    count: fixes.len(),
                    days: d,
                    max_days: self.settings.max_days_since_update,
                });
            }
        }
        obs
    }
}

/// One installed Windows update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HotFix {
    pub id: String,
    pub description: String,
    pub installed_on: Option<jiff::civil::Date>,
    pub installed_by: String,
}

/// Parse a `Get-HotFix | Export-Csv` (or `ConvertTo-Csv`) file. `date_order` (`mdy`, `dmy`,
/// `ymd`) settles dates like 01/02/2024; without it, year-first and US order are tried.
pub fn parse_hotfix_csv(text: &str, date_order: Option<&str>) -> Result<Vec<HotFix>, String> {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("#TYPE") && !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(body.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| format!("{}{e}", crate::probes::messages::NOT_CSV_ERROR))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let id_col = col("HotFixID").ok_or(
        "no HotFixID column; export with `Get-HotFix | Export-Csv -NoTypeInformation FILE`",
    )?;
    let (desc, on, by) = (col("Description"), col("InstalledOn"), col("InstalledBy"));
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{}{e}", crate::probes::messages::CSV_ERROR))?;
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").trim().to_owned();
        let id = get(Some(id_col));
        if id.is_empty() {
            continue;
        }
        out.push(HotFix {
            id,
            description: get(desc),
            installed_on: parse_windows_date(&get(on), date_order),
            installed_by: get(by),
        });
    }
    Ok(out)
}

/// `1/9/2024 12:00:00 AM`, `2024/01/09 0:00:00`, `2024-01-09`, `09.01.2024`.
pub fn parse_windows_date(s: &str, order: Option<&str>) -> Option<jiff::civil::Date> {
    let date_part = s.split_whitespace().next()?;
    let nums: Vec<i32> = date_part
        .split(['/', '-', '.'])
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<_>>>()?;
    let [a, b, c] = nums.as_slice() else {
        return None;
    };
    let (a, b, c) = (*a, *b, *c);
    let (y, m, d) = match order {
        Some("ymd") => (a, b, c),
        Some("dmy") => (c, b, a),
        Some("mdy") => (c, a, b),
        _ if a > 31 => (a, b, c),
        _ if date_part.contains('.') => (c, b, a),
        _ => (c, a, b),
    };
    jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hotfix_csv_in_several_locales() {
        let csv = "#TYPE Selected.System.Management.ManagementObject\n\"Source\",\"Description\",\"HotFixID\",\"InstalledBy\",\"InstalledOn\"\n\
                   \"PC01\",\"Security Update\",\"KB5034441\",\"NT AUTHORITY\\SYSTEM\",\"1/9/2024 12:00:00 AM\"\n\
                   \"PC01\",\"Update\",\"KB5011048\",\"\",\"\"\n";
        let f = parse_hotfix_csv(csv, None).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].installed_on.unwrap().to_string(), "2024-01-09");
        assert!(f[1].installed_on.is_none());
        assert_eq!(
            parse_windows_date("2024/01/09 0:00:00", None)
                .unwrap()
                .to_string(),
            "2024-01-09"
        );
        assert_eq!(
            parse_windows_date("09/01/2024", Some("dmy"))
                .unwrap()
                .to_string(),
            "2024-01-09"
        );
        assert_eq!(
            parse_windows_date("09.01.2024", None).unwrap().to_string(),
            "2024-01-09"
        );
        assert!(parse_hotfix_csv("a,b\n1,2\n", None).is_err());
    }

    #[test]
    fn damaged_windows_dates_are_none() {
        for bad in ["", "1/2", "1/2/3/4", "a/b/c", "99999999999/1/1", "//"] {
            assert_eq!(parse_windows_date(bad, None), None, "{bad}");
        }
        assert_eq!(
            parse_windows_date("09.01.2024", None),
            Some(jiff::civil::date(2024, 1, 9))
        );
    }
}
