//! Dates as the checklist means them: Japan time, fiscal years from April 1 to March 31,
//! and the Japanese era form (和暦) for people.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// Japan's time zone: Japan Standard Time, UTC+9, as a fixed offset. Japan has kept UTC+9
/// without daylight saving time since its last summer time ended in September 1951 (the tz
/// database's `asia` file: the `Japan` rules stop at 1951, `Asia/Tokyo` is `9:00 Japan J%sT`
/// since), and medsec's dates start in 2023. A fixed offset is the same answer without reading
/// the time-zone database at start-up (looking up `Asia/Tokyo` made jiff walk
/// /usr/share/zoneinfo on every run), and it is right on machines without one.
pub fn japan() -> TimeZone {
    TimeZone::fixed(jiff::tz::offset(9))
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

/// A date for people: the Western form, and in Japanese also 和暦
/// (`2025-04-01(令和7年4月1日)`). A format of a value, not a sentence.
pub fn for_people(date: Date, lang: crate::checklist::Lang) -> String {
    if lang == crate::checklist::Lang::Ja {
        format!("{date}({})", wareki(date))
    } else {
        date.to_string()
    }
}

/// A time for people, Japan time, to the minute: `2025-10-01 09:00 +09:00`, and in Japanese
/// with the date's 和暦 (`2025-10-01(令和7年10月1日) 09:00 +09:00`). A format of a value.
pub fn time_for_people(t: Timestamp, lang: crate::checklist::Lang) -> String {
    let zoned = t.to_zoned_datetime(japan());
    format!(
        "{} {}",
        for_people(zoned.date(), lang),
        zoned.strftime("%H:%M %:z")
    )
}

/// An ISO 8601 value as stored (in JSON, a trusted comment, the list of official workbooks)
/// for people: a time with its offset as [`time_for_people`], a date as [`for_people`], a year
/// and month `YYYY-MM` in Japanese also in 和暦 (`2026-06(令和8年6月)`). Text of another form
/// is kept as it is.
pub fn iso_for_people(text: &str, lang: crate::checklist::Lang) -> String {
    let text = text.trim();
    if let Ok(t) = text.parse::<Timestamp>() {
        return time_for_people(t, lang);
    }
    if let Ok(date) = text.parse::<Date>() {
        return for_people(date, lang);
    }
    let month = text.split_once('-').and_then(|(y, m)| {
        let (y, m) = (y.parse::<i16>().ok()?, m.parse::<i8>().ok()?);
        (y.to_string().len() == 4 && m.to_string().len() <= 2).then_some(())?;
        Date::new(y, m, 1).ok()
    });
    let japanese = lang == crate::checklist::Lang::Ja;
    match month.filter(|_| japanese) {
        Some(first) => {
            let (era, year) = era_year(first);
            format!(
                "{text}({era}{}年{}月)",
                gannen(i32::from(year)),
                first.month()
            )
        }
        None => text.to_owned(),
    }
}

/// A fiscal year for people: 令和7年度 in Japanese, FY2025 in English (as the forms print it).
pub fn fiscal_year_for_people(fiscal_year: i16, lang: crate::checklist::Lang) -> String {
    if lang == crate::checklist::Lang::Ja {
        wareki_fiscal_year(fiscal_year)
    } else {
        format!("FY{fiscal_year}")
    }
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
const SHOWA: Date = jiff::civil::date(1926, 12, 25);

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

/// Why a date written by a person could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in any of the accepted forms.
    NotADate(String),
    /// A Western year before 1900 or past 9999.
    YearOutOfRange(String, i16),
    /// A month or day that does not exist (2025-02-30).
    NoSuchDay(String),
    /// An era date outside its era (令和1年4月1日 was still 平成): the era's first and last day.
    OutsideEra {
        text: String,
        era: Era,
        first: Date,
        last: Option<Date>,
    },
}

impl DateError {
    /// The message for people in `lang`; it names the forms accepted, with example dates in
    /// this fiscal year.
    pub fn localize(&self, lang: crate::checklist::Lang) -> String {
        self.localize_for(lang, fiscal_year_of(today_in_japan()))
    }

    /// The message for people in `lang`, with example dates in `fiscal_year` (the form's).
    pub fn localize_for(&self, lang: crate::checklist::Lang, fiscal_year: i16) -> String {
        match self {
            DateError::NotADate(text) => {
                let (year, reiwa) = example_years(fiscal_year);
                crate::tr!(
                    lang,
                    "dates-not-a-date",
                    text = text.as_str(),
                    year = year,
                    reiwa = reiwa
                )
            }
            DateError::YearOutOfRange(text, year) => crate::tr!(
                lang,
                "dates-year-out-of-range",
                text = text.as_str(),
                year = year.to_string()
            ),
            DateError::NoSuchDay(text) => {
                crate::tr!(lang, "dates-no-such-day", text = text.as_str())
            }
            DateError::OutsideEra {
                text,
                era,
                first,
                last: Some(last),
            } => crate::tr!(
                lang,
                "dates-outside-era",
                text = text.as_str(),
                era = era.name(),
                first = for_people(*first, lang),
                last = for_people(*last, lang)
            ),
            DateError::OutsideEra {
                text,
                era,
                first,
                last: None,
            } => crate::tr!(
                lang,
                "dates-before-era",
                text = text.as_str(),
                era = era.name(),
                first = for_people(*first, lang)
            ),
        }
    }
}

/// The Western and 令和 year of example dates (June 3) in `fiscal_year`, as every date hint
/// gives them (examples in 令和, whose years start in 2019).
pub fn example_years(fiscal_year: i16) -> (String, String) {
    let year = fiscal_year.clamp(2019, 9999);
    (year.to_string(), (year - 2018).to_string())
}

/// The message for a date that cannot be read, with the examples every reader of dates gives:
/// dates of the form's fiscal year where a form is being filled in (an answers file, a sheet,
/// the walk-through), else of the current fiscal year (`--as-of`, no form).
pub fn date_hint(
    error: &DateError,
    lang: crate::checklist::Lang,
    fiscal_year: Option<i16>,
) -> String {
    error.localize_for(
        lang,
        fiscal_year.unwrap_or_else(|| fiscal_year_of(today_in_japan())),
    )
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(crate::checklist::Lang::En))
    }
}

impl std::error::Error for DateError {}

/// A Japanese era a date may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    /// The era's name as printed (a proper name, the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The first and (for a past era) last day.
    fn span(self) -> (Date, Option<Date>) {
        match self {
            Era::Showa => (SHOWA, Some(jiff::civil::date(1989, 1, 7))),
            Era::Heisei => (HEISEI, Some(jiff::civil::date(2019, 4, 30))),
            Era::Reiwa => (REIWA, None),
        }
    }

    /// The Western year of this era's year `n` (year 1 is the era's first year).
    fn western(self, n: i16) -> i16 {
        let first = self.span().0.year();
        first + n - 1
    }
}

/// Full-width digits and signs as people type them in Japanese input (２０２６／６／３,
/// Ｒ８．６．３) made ASCII; spaces of either width dropped.
fn halfwidth(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30fc}' | '\u{ff70}' => '-',
            '\u{3002}' => '.',
            _ => c,
        })
        .collect()
}

/// `text` without a time of day after its last space (`H:MM` or `H:MM:SS`, any digit width).
fn without_time(text: &str) -> &str {
    let Some((date, time)) = text.rsplit_once([' ', '\u{3000}']) else {
        return text;
    };
    let time = halfwidth(time);
    let mut parts = time.split(':');
    let is_time = matches!(parts.next(), Some(h) if (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()))
        && parts.clone().count() <= 2
        && parts.clone().count() >= 1
        && parts.all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()));
    if is_time {
        date.trim_end()
    } else {
        text
    }
}

/// `text` (made half-width) without a weekday in brackets at its end: `(火)`, `(火曜)`, `(火曜日)`.
fn without_weekday(text: &str) -> String {
    let Some(rest) = text.strip_suffix(')') else {
        return text.to_owned();
    };
    let Some((date, day)) = rest.rsplit_once('(') else {
        return text.to_owned();
    };
    let day = day
        .strip_suffix("曜日")
        .or_else(|| day.strip_suffix('曜'))
        .unwrap_or(day);
    if ["日", "月", "火", "水", "木", "金", "土"].contains(&day) {
        date.to_owned()
    } else {
        text.to_owned()
    }
}

/// Three numbers separated by one of `-`, `/`, `.` (the same one twice), or written with
/// 年/月/日: `2026-06-03`, `2026/6/3`, `8.6.3`, `8年6月3日`. The first number (the year) may be
/// 元 (1).
fn three_numbers(text: &str) -> Option<(i16, i16, i16)> {
    let parts: Vec<&str> = if let Some(rest) = text.strip_suffix('日') {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        vec![y, m, d]
    } else {
        let sep = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        text.split(sep).collect()
    };
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str, max_len: usize| -> Option<i16> {
        if s == "元" && max_len == 4 {
            return Some(1);
        }
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    Some((num(y, 4)?, num(m, 2)?, num(d, 2)?))
}

/// A date as people write it, in any of the forms medsec accepts in answers files, sheets,
/// the walk-through and flags such as `status --as-of`:
///
/// - Western: `2026-06-03`, `2026/6/3`, `2026.6.3`, `2026年6月3日`;
/// - 和暦: `令和8年6月3日`, `令和元年5月1日`, `R8.6.3`, `R8/6/3`, `R8-6-3` (also 平成/H and
///   昭和/S), checked against the era's first and last day (`H31.4.30` is the last day of 平成,
///   `令和元年4月30日` does not exist);
/// - with full-width digits and signs (`２０２６／６／３`) and spaces anywhere.
///
/// A time of day after the date (`2025/6/3 0:00`, `2025/06/03 0:00:00`, as Excel writes
/// date-time cells into CSV) and a weekday in brackets (`2025/6/3(火)`, `2025/6/3（火曜日）`,
/// as the format `yyyy/m/d(aaa)` shows it) are dropped: the day is what counts.
///
/// The form medsec prints in Japanese, a date with its 和暦 in brackets
/// (`2026-06-30(令和8年6月30日)`, as `answer --export` writes it), is read when both name the
/// same day.
///
/// Western years run from 1900 to 9999. `Err` says why, and its message lists the forms.
pub fn parse_date_for_people(text: &str) -> Result<Date, DateError> {
    if let Some(date) = with_wareki_in_brackets(text) {
        return Ok(date);
    }
    parse_one_date(text)
}

/// `2026-06-30(令和8年6月30日)`: the day, when the date and the one in brackets agree.
fn with_wareki_in_brackets(text: &str) -> Option<Date> {
    let t = text.trim();
    let rest = t.strip_suffix(')').or_else(|| t.strip_suffix('）'))?;
    let (head, inner) = rest.rsplit_once(['(', '（'])?;
    let (date, again) = (parse_one_date(head).ok()?, parse_one_date(inner).ok()?);
    (date == again).then_some(date)
}

fn parse_one_date(text: &str) -> Result<Date, DateError> {
    let original = text.trim();
    let t = without_weekday(&halfwidth(without_time(original)));
    let not_a_date = || DateError::NotADate(original.to_owned());
    let era_prefixes: [(&str, Era); 9] = [
        ("令和", Era::Reiwa),
        ("平成", Era::Heisei),
        ("昭和", Era::Showa),
        ("R", Era::Reiwa),
        ("r", Era::Reiwa),
        ("H", Era::Heisei),
        ("h", Era::Heisei),
        ("S", Era::Showa),
        ("s", Era::Showa),
    ];
    let era = era_prefixes
        .iter()
        .find_map(|(p, era)| t.strip_prefix(p).map(|rest| (*era, rest)));
    let (era, rest) = match era {
        Some((era, rest)) => (Some(era), rest),
        None => (None, t.as_str()),
    };
    let (y, m, d) = three_numbers(rest).ok_or_else(not_a_date)?;
    let year = match era {
        Some(era) => {
            // An era year has one or two digits (令和100年 is far off).
            if !(1..=99).contains(&y) {
                return Err(not_a_date());
            }
            era.western(y)
        }
        None => {
            if rest
                .split(['-', '/', '.', '年'])
                .next()
                .is_some_and(|s| s.len() != 4)
            {
                return Err(not_a_date());
            }
            if y < 1900 {
                return Err(DateError::YearOutOfRange(original.to_owned(), y));
            }
            y
        }
    };
    let (Ok(m8), Ok(d8)) = (i8::try_from(m), i8::try_from(d)) else {
        return Err(DateError::NoSuchDay(original.to_owned()));
    };
    let date = Date::new(year, m8, d8).map_err(|_| DateError::NoSuchDay(original.to_owned()))?;
    if let Some(era) = era {
        let (first, last) = era.span();
        if date < first || last.is_some_and(|l| date > l) {
            return Err(DateError::OutsideEra {
                text: original.to_owned(),
                era,
                first,
                last,
            });
        }
    }
    Ok(date)
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
    fn the_printed_form_with_wareki_reads_back() {
        let d = jiff::civil::date(2026, 6, 30);
        let printed = for_people(d, crate::checklist::Lang::Ja);
        assert_eq!(parse_date_for_people(&printed), Ok(d));
        assert_eq!(parse_date_for_people("2026/6/30（R8.6.30）"), Ok(d));
        // Two different days are no date.
        assert!(parse_date_for_people("2026-06-30(令和8年6月29日)").is_err());
    }

    #[test]
    fn times_and_months_for_people_carry_wareki_in_japanese() {
        use crate::checklist::Lang;
        let t: Timestamp = "2026-06-30T00:30:00Z".parse().unwrap();
        assert_eq!(
            time_for_people(t, Lang::Ja),
            "2026-06-30(令和8年6月30日) 09:30 +09:00"
        );
        assert_eq!(time_for_people(t, Lang::En), "2026-06-30 09:30 +09:00");
        assert_eq!(iso_for_people("2026-06", Lang::Ja), "2026-06(令和8年6月)");
        assert_eq!(iso_for_people("2019-05", Lang::Ja), "2019-05(令和元年5月)");
        assert_eq!(iso_for_people("2026-06", Lang::En), "2026-06");
        assert_eq!(
            iso_for_people("2026-06-03", Lang::Ja),
            "2026-06-03(令和8年6月3日)"
        );
        assert_eq!(iso_for_people("June 2026", Lang::Ja), "June 2026");
        assert_eq!(
            iso_for_people("2026-06-30T09:30:00+09:00", Lang::Ja),
            "2026-06-30(令和8年6月30日) 09:30 +09:00"
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

    /// The fixed +09:00 agrees with the tz database's Asia/Tokyo from 1952 on: no transition
    /// after the end of the 1951 summer time (were one ever added, this fails).
    #[test]
    fn the_fixed_offset_is_asia_tokyo_since_1952() {
        let Ok(tokyo) = TimeZone::get("Asia/Tokyo") else {
            // No tz database on this machine: nothing to compare with.
            return;
        };
        let since: Timestamp = "1952-01-01T00:00:00Z".parse().unwrap();
        assert!(tokyo.following(since).next().is_none());
        assert_eq!(tokyo.to_offset(since), japan().to_offset(since));
        let t: Timestamp = "2099-12-31T23:00:00Z".parse().unwrap();
        assert_eq!(tokyo.to_offset(t), jiff::tz::offset(9));
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

    #[test]
    fn excel_times_and_weekdays_are_dropped() {
        let d = date(2025, 6, 3);
        for text in [
            "2025/6/3 0:00",
            "2025/06/03 0:00:00",
            "2025/6/3 23:59",
            "2025/6/3\u{3000}０:００",
            "2025/6/3(火)",
            "2025/6/3（火）",
            "2025/6/3(火曜日)",
            "令和7年6月3日(火)",
        ] {
            assert_eq!(parse_date_for_people(text), Ok(d), "{text}");
        }
        for text in ["2025/6/3 0:0", "2025/6/3(x)", "2025/6/3 25:000", "(火)"] {
            assert!(parse_date_for_people(text).is_err(), "{text}");
        }
    }

    #[test]
    fn dates_in_the_forms_people_write() {
        let d = date(2026, 6, 3);
        for text in [
            "2026-06-03",
            "2026/6/3",
            "2026.6.3",
            "2026年6月3日",
            "令和8年6月3日",
            "R8.6.3",
            "R8/6/3",
            "R8-6-3",
            "r8.6.3",
            "２０２６／６／３",
            "Ｒ８．６．３",
            "令和８年６月３日",
            " 令和 8年 6月 3日 ",
        ] {
            assert_eq!(parse_date_for_people(text), Ok(d), "{text}");
        }
        assert_eq!(
            parse_date_for_people("令和元年5月1日"),
            Ok(date(2019, 5, 1))
        );
        assert_eq!(parse_date_for_people("H31.4.30"), Ok(date(2019, 4, 30)));
        assert_eq!(
            parse_date_for_people("平成元年1月8日"),
            Ok(date(1989, 1, 8))
        );
    }

    #[test]
    fn era_dates_outside_their_era_are_refused() {
        for text in [
            "令和元年4月30日",
            "R1.4.30",
            "H31.5.1",
            "平成元年1月7日",
            "昭和64年1月8日",
        ] {
            assert!(
                matches!(
                    parse_date_for_people(text),
                    Err(DateError::OutsideEra { .. })
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn what_is_not_a_date_says_which_forms_are() {
        assert!(matches!(
            parse_date_for_people("2025-02-30"),
            Err(DateError::NoSuchDay(_))
        ));
        for text in [
            "2025-13-01",
            "2025-06-01T00:00:00",
            "R8.6",
            "令和百年1月1日",
            "26/6/3",
            "x",
            "",
        ] {
            assert!(parse_date_for_people(text).is_err(), "{text}");
        }
        let e = parse_date_for_people("q").unwrap_err();
        let ja = e.localize(crate::checklist::Lang::Ja);
        assert!(
            ja.contains("令和8年6月3日") && ja.contains("R8.6.3"),
            "{ja}"
        );
        assert!(e.to_string().contains("2026/6/3"), "{e}");
        assert!(matches!(
            parse_date_for_people("1899-12-31"),
            Err(DateError::YearOutOfRange(_, 1899))
        ));
    }
}
