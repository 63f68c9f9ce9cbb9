//! Dates as the checklist means them: Japan time, fiscal years from April 1 to March 31,
//! and the Japanese era form (和暦) for people.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// Japan's time zone. Looked up in the bundled tz database, so it is right on any machine.
pub fn japan() -> TimeZone {
    TimeZone::get("Asia/Tokyo").unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(9)))
}

/// The calendar date in Japan at `now`.
pub fn date_in_japan(now: Timestamp) -> Date {
    now.to_zoned_datetime(japan()).date()
}

/// Today's date in Japan.
pub fn today_in_japan() -> Date {
    date_in_japan(Timestamp::now())
}

/// The fiscal year (April to March) a date falls in: 2026-03-31 is FY2025, 2026-04-01 FY2026.
pub fn fiscal_year_of(date: Date) -> i16 {
    if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// First and last day of a fiscal year. A year outside the dates jiff holds (-9999..=9999;
/// no real form has one, but report.json is outside input) is clamped into them, so both days
/// always exist.
pub fn fiscal_year_bounds(fiscal_year: i16) -> (Date, Date) {
    let fy = fiscal_year.clamp(-9999, 9998);
    (
        jiff::civil::date(fy, 4, 1),
        jiff::civil::date(fy + 1, 3, 31),
    )
}

/// The era name of a fiscal year as printed on the forms: 2025 -> 令和7年度. A fiscal year is
/// named after its first day, April 1 (FY2019 began in 平成31 and is 平成31年度).
pub fn wareki_fiscal_year(fiscal_year: i16) -> String {
    let fy = i32::from(fiscal_year);
    let (era, year) = if fy >= 2020 {
        ("令和", fy - 2018)
    } else if fy >= 1989 {
        ("平成", fy - 1988)
    } else {
        ("昭和", fy - 1925)
    };
    format!("{era}{}年度", gannen(year))
}

/// A date in the Japanese era form: 2025-04-01 -> 令和7年4月1日.
pub fn wareki(date: Date) -> String {
    let (era, year) = era_year(date);
    format!(
        "{era}{}年{}月{}日",
        gannen(i32::from(year)),
        date.month(),
        date.day()
    )
}

fn gannen(year: i32) -> String {
    if year == 1 {
        "元".to_owned()
    } else {
        year.to_string()
    }
}

/// The first days of the eras (checked when compiled).
const REIWA: Date = jiff::civil::date(2019, 5, 1);
const HEISEI: Date = jiff::civil::date(1989, 1, 8);

fn era_year(date: Date) -> (&'static str, i16) {
    let (reiwa, heisei) = (REIWA, HEISEI);
    if date >= reiwa {
        ("令和", date.year() - 2018)
    } else if date >= heisei {
        ("平成", date.year() - 1988)
    } else {
        ("昭和", date.year() - 1925)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn fiscal_year_boundary_is_april_first() {
        assert_eq!(fiscal_year_of(date(2026, 3, 31)), 2025);
        assert_eq!(fiscal_year_of(date(2026, 4, 1)), 2026);
        assert_eq!(fiscal_year_of(date(2025, 12, 31)), 2025);
        assert_eq!(
            fiscal_year_bounds(2025),
            (date(2025, 4, 1), date(2026, 3, 31))
        );
    }

    #[test]
    fn japan_time_decides_the_day() {
        // 2026-03-31T15:00Z is already April 1 in Japan.
        let t: Timestamp = "2026-03-31T15:00:00Z".parse().unwrap();
        assert_eq!(date_in_japan(t), date(2026, 4, 1));
        let t: Timestamp = "2026-03-31T14:59:59Z".parse().unwrap();
        assert_eq!(date_in_japan(t), date(2026, 3, 31));
    }

    #[test]
    fn wareki_forms() {
        assert_eq!(wareki(date(2025, 4, 1)), "令和7年4月1日");
        assert_eq!(wareki(date(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(wareki(date(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(wareki_fiscal_year(2025), "令和7年度");
    }

    #[test]
    fn fiscal_year_names_follow_their_first_day() {
        for fy in 1900..=2100 {
            let (era, year) = era_year(date(fy, 4, 1));
            assert_eq!(
                wareki_fiscal_year(fy),
                format!("{era}{}年度", gannen(i32::from(year)))
            );
        }
        assert_eq!(wareki_fiscal_year(2019), "平成31年度");
        assert_eq!(wareki_fiscal_year(1989), "平成元年度");
    }

    #[test]
    fn any_fiscal_year_from_a_file_is_safe() {
        // report.json and answers files are outside input: no year makes these panic.
        for fy in [i16::MIN, -9999, 0, 9998, 9999, 10000, i16::MAX] {
            let (start, end) = fiscal_year_bounds(fy);
            assert!(start < end);
            assert!(!wareki_fiscal_year(fy).is_empty());
        }
        assert_eq!(wareki_fiscal_year(i16::MAX), "令和30749年度");
    }
}
