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

/// First and last day of a fiscal year.
pub fn fiscal_year_bounds(fiscal_year: i16) -> (Date, Date) {
    (
        Date::new(fiscal_year, 4, 1).expect("April 1 exists"),
        Date::new(fiscal_year + 1, 3, 31).expect("March 31 exists"),
    )
}

/// The era name of a fiscal year as printed on the forms: 2025 -> 令和7年度.
pub fn wareki_fiscal_year(fiscal_year: i16) -> String {
    let (era, year) = era_year(Date::new(fiscal_year, 4, 1).expect("April 1 exists"));
    format!("{era}{}年度", gannen(year))
}

/// A date in the Japanese era form: 2025-04-01 -> 令和7年4月1日.
pub fn wareki(date: Date) -> String {
    let (era, year) = era_year(date);
    format!("{era}{}年{}月{}日", gannen(year), date.month(), date.day())
}

fn gannen(year: i16) -> String {
    if year == 1 {
        "元".to_owned()
    } else {
        year.to_string()
    }
}

fn era_year(date: Date) -> (&'static str, i16) {
    let reiwa = Date::new(2019, 5, 1).expect("valid");
    let heisei = Date::new(1989, 1, 8).expect("valid");
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
}
