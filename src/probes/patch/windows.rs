//! patch-level on Windows: natively (on Windows) through `crate::probes::windows::updates`,
//! or from a CSV exported with `Get-HotFix | Export-Csv` and given by path, on any OS.

use super::PatchLevel;
use crate::probes::{Msg, Observation, ProbeContext, Verdict};
use serde::Serialize;
use serde_json::Value;

/// Decode a Get-HotFix CSV as the answers CSV reader does: BOMs first, then UTF-16 without
/// a BOM (told by its NUL bytes, `answers::sheet::utf16_without_bom`), then UTF-8, then CP932.
fn decode_hotfix_csv(bytes: &[u8]) -> (String, crate::probes::text::Encoding) {
    use crate::probes::text::Encoding;
    let has_bom = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .any(|bom| bytes.starts_with(bom));
    match crate::answers::sheet::utf16_without_bom(bytes) {
        Some((text, order)) if !has_bom => {
            let tag = if order == crate::answers::sheet::Encoding::Utf16Le {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            };
            (text, tag)
        }
        _ => crate::probes::text::decode(bytes),
    }
}

impl PatchLevel {
    /// The machine itself: installed and pending updates and the OS build, through
    /// PowerShell (`crate::probes::windows::updates`).
    #[cfg(windows)]
    pub(super) fn windows_native(&self, ctx: &ProbeContext) -> Observation {
        crate::probes::windows::updates::judge(&self.settings, ctx, &crate::probes::windows::Live)
    }

    #[cfg(not(windows))]
    pub(super) fn windows_native(&self, _ctx: &ProbeContext) -> Observation {
        Observation::new(Verdict::Unknown, Msg::WindowsNativeOnly)
    }

    pub(super) fn hotfixes(&self, ctx: &ProbeContext, bytes: &[u8], from: &str) -> Observation {
        let (text, encoding) = decode_hotfix_csv(bytes);
        let list = match parse_hotfix_csv(&text, self.settings.date_order.as_deref()) {
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
        let fixes = list.fixes;
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
            .with("pending_security", Value::Null)
            .with("date_order", list.order.as_code())
            .with("date_order_basis", list.order.basis());
        obs.warnings.push(Msg::HotfixPendingUnknown);
        // Never a guess: a file whose dates read two ways is not judged.
        match &list.order {
            DateOrder::Undecided { example } => {
                obs.verdict = Verdict::Unknown;
                obs.because(Msg::HotfixDateOrderUnknown {
                    source: from.to_owned(),
                    example: example.clone(),
                });
                return obs;
            }
            DateOrder::Conflicting {
                day_first,
                month_first,
            } => {
                obs.verdict = Verdict::Unknown;
                obs.because(Msg::HotfixDateOrderConflict {
                    source: from.to_owned(),
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

/// What a hotfix CSV holds: its updates, and how the day/month order of its dates was settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HotfixList {
    pub fixes: Vec<HotFix>,
    pub order: DateOrder,
}

/// How the dates of a file are read: decided once for the whole file, never value by value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateOrder {
    /// `date_order` in the configuration.
    Configured(String),
    /// Day first: a value such as 13/11/2026 proves it, or dotted dates (`13.11.2026`, as
    /// day-first cultures such as de-DE write them).
    DayFirst { evidence: String },
    /// Month first: a value such as 11/13/2026 proves it.
    MonthFirst { evidence: String },
    /// Every date is year first (ja-JP `2026/11/13`, ISO) or reads the same either way.
    Unambiguous,
    /// Day-first or month-first, and nothing in the file says which.
    Undecided { example: String },
    /// Some values are only day-first, others only month-first.
    Conflicting {
        day_first: String,
        month_first: String,
    },
}

impl DateOrder {
    /// `dmy`, `mdy`, `ymd` or none, as the evidence records it.
    pub fn as_code(&self) -> Option<&str> {
        match self {
            DateOrder::Configured(o) => Some(o),
            DateOrder::DayFirst { .. } => Some("dmy"),
            DateOrder::MonthFirst { .. } => Some("mdy"),
            DateOrder::Unambiguous
            | DateOrder::Undecided { .. }
            | DateOrder::Conflicting { .. } => None,
        }
    }

    /// How it was settled, for the evidence.
    pub fn basis(&self) -> &'static str {
        match self {
            DateOrder::Configured(_) => "date_order",
            DateOrder::DayFirst { .. } | DateOrder::MonthFirst { .. } => "file",
            DateOrder::Unambiguous => "unambiguous",
            DateOrder::Undecided { .. } => "undecided",
            DateOrder::Conflicting { .. } => "conflicting",
        }
    }
}

/// The three numbers of a date's date part and whether it is dotted, or None.
fn date_numbers(s: &str) -> Option<(i32, i32, i32, bool)> {
    let date_part = s.split_whitespace().next()?;
    let nums: Vec<i32> = date_part
        .split(['/', '-', '.'])
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<_>>>()?;
    let [a, b, c] = nums.as_slice() else {
        return None;
    };
    Some((*a, *b, *c, date_part.contains('.')))
}

/// Decide day-first or month-first for all of a file's dates at once.
pub fn decide_date_order<'a>(
    dates: impl IntoIterator<Item = &'a str>,
    configured: Option<&str>,
) -> DateOrder {
    if let Some(o) = configured {
        return DateOrder::Configured(o.to_owned());
    }
    let (mut day_first, mut month_first, mut dotted, mut ambiguous) = (None, None, None, None);
    for raw in dates {
        let Some((a, b, _, dots)) = date_numbers(raw) else {
            continue;
        };
        if a > 31 {
            continue; // year first: the same in every order
        }
        if dots && dotted.is_none() {
            dotted = Some(raw.to_owned());
        }
        if a > 12 && b <= 12 && day_first.is_none() {
            day_first = Some(raw.to_owned());
        } else if b > 12 && a <= 12 && month_first.is_none() {
            month_first = Some(raw.to_owned());
        } else if a != b && a <= 12 && b <= 12 && ambiguous.is_none() {
            ambiguous = Some(raw.to_owned());
        }
    }
    match (day_first, month_first, dotted, ambiguous) {
        (Some(d), Some(m), _, _) => DateOrder::Conflicting {
            day_first: d,
            month_first: m,
        },
        (Some(d), None, _, _) => DateOrder::DayFirst { evidence: d },
        (None, Some(m), _, _) => DateOrder::MonthFirst { evidence: m },
        (None, None, Some(d), _) => DateOrder::DayFirst { evidence: d },
        (None, None, None, Some(example)) => DateOrder::Undecided { example },
        (None, None, None, None) => DateOrder::Unambiguous,
    }
}

/// Parse a `Get-HotFix | Export-Csv` (or `ConvertTo-Csv`) file. The day/month order of its
/// dates is `date_order` (`mdy`, `dmy`, `ymd`) when given, else decided from all of the file's
/// dates together; dates the file cannot settle are left undated, never guessed.
pub fn parse_hotfix_csv(text: &str, date_order: Option<&str>) -> Result<HotfixList, String> {
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
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{}{e}", crate::probes::messages::CSV_ERROR))?;
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").trim().to_owned();
        let id = get(Some(id_col));
        if id.is_empty() {
            continue;
        }
        rows.push((id, get(desc), get(on), get(by)));
    }
    let order = decide_date_order(rows.iter().map(|r| r.2.as_str()), date_order);
    let fixes = rows
        .into_iter()
        .map(|(id, description, on, installed_by)| HotFix {
            id,
            description,
            installed_on: parse_windows_date(&on, order.as_code()),
            installed_by,
        })
        .collect();
    Ok(HotfixList { fixes, order })
}

/// `1/13/2024 12:00:00 AM`, `2024/01/09 0:00:00`, `2024-01-09`, `09.01.2024`. Without `order`,
/// only a date that reads one way is read: year first, dotted (day first), a day above 12, or
/// day and month the same; `1/9/2024` alone is None, never a guess.
pub fn parse_windows_date(s: &str, order: Option<&str>) -> Option<jiff::civil::Date> {
    let (a, b, c, dotted) = date_numbers(s)?;
    let (y, m, d) = match order {
        _ if a > 31 => (a, b, c),
        Some("ymd") => (a, b, c),
        Some("dmy") => (c, b, a),
        Some("mdy") => (c, a, b),
        _ if dotted || a > 12 => (c, b, a),
        _ if b > 12 || a == b => (c, a, b),
        _ => return None,
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
        // 1/9/2024 alone reads both ways: the file does not decide, nothing is guessed.
        let list = parse_hotfix_csv(csv, None).unwrap();
        assert!(
            matches!(list.order, DateOrder::Undecided { .. }),
            "{list:?}"
        );
        assert!(list.fixes[0].installed_on.is_none());
        let f = parse_hotfix_csv(csv, Some("mdy")).unwrap().fixes;
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

    fn csv_with(dates: &[&str]) -> String {
        let mut s = "\"HotFixID\",\"InstalledOn\"\n".to_owned();
        for (i, d) in dates.iter().enumerate() {
            s.push_str(&format!("\"KB{i}\",\"{d}\"\n"));
        }
        s
    }

    fn dates(list: &HotfixList) -> Vec<Option<String>> {
        list.fixes
            .iter()
            .map(|f| f.installed_on.map(|d| d.to_string()))
            .collect()
    }

    #[test]
    fn the_date_order_is_decided_for_the_whole_file() {
        // Issue 13: 13/11 proves the file day-first, so 05/10 is 5 October.
        let l = parse_hotfix_csv(
            &csv_with(&["13/11/2026 00:00:00", "05/10/2026 00:00:00"]),
            None,
        )
        .unwrap();
        assert_eq!(l.order.as_code(), Some("dmy"));
        assert_eq!(
            dates(&l),
            [Some("2026-11-13".into()), Some("2026-10-05".into())]
        );
        // The proof may come after the value it settles.
        let l = parse_hotfix_csv(
            &csv_with(&["05/10/2026", "", "11/13/2026 12:00:00 AM"]),
            None,
        )
        .unwrap();
        assert_eq!(l.order.as_code(), Some("mdy"));
        assert_eq!(
            dates(&l),
            [Some("2026-05-10".into()), None, Some("2026-11-13".into())]
        );
        // Dotted dates are day-first (de-DE, ru-RU...).
        let l = parse_hotfix_csv(&csv_with(&["05.10.2026 00:00:00"]), None).unwrap();
        assert_eq!(dates(&l), [Some("2026-10-05".into())]);
        // Year first (ja-JP, ISO) reads one way, and so do days equal to months.
        let l = parse_hotfix_csv(&csv_with(&["2026/10/05 0:00:00", "01/01/2026"]), None).unwrap();
        assert_eq!(l.order, DateOrder::Unambiguous);
        assert_eq!(
            dates(&l),
            [Some("2026-10-05".into()), Some("2026-01-01".into())]
        );
        // Nothing decides: undecided, every such date left undated.
        let l = parse_hotfix_csv(&csv_with(&["05/10/2026", "2026-11-01"]), None).unwrap();
        assert_eq!(
            l.order,
            DateOrder::Undecided {
                example: "05/10/2026".into()
            }
        );
        assert_eq!(dates(&l), [None, Some("2026-11-01".into())]);
        // Proofs of both orders: conflicting.
        let l = parse_hotfix_csv(&csv_with(&["13/11/2026", "11/13/2026"]), None).unwrap();
        assert!(matches!(l.order, DateOrder::Conflicting { .. }), "{l:?}");
        // The setting wins.
        let l = parse_hotfix_csv(&csv_with(&["05/10/2026"]), Some("mdy")).unwrap();
        assert_eq!(l.order.basis(), "date_order");
        assert_eq!(dates(&l), [Some("2026-05-10".into())]);
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
