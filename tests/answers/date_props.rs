//! Property tests for the date and fiscal-year rules, including the boundary at midnight
//! March 31 / April 1, Japan time.
use jiff::civil::Date;
use jiff::Timestamp;
use medsec::answers::{self, rules, FileFormat};
use medsec::checklist::Lang;
use medsec::dates::{date_in_japan, fiscal_year_bounds, fiscal_year_of};
use proptest::prelude::*;
use std::path::Path;

fn checklist() -> medsec::checklist::Loaded {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/checklist-fy2025-institution.toml");
    medsec::checklist::load_path(&p).unwrap()
}

fn answers_with(checked_on: Date, target: Date) -> answers::Loaded {
    let text = format!(
        "format_version = 1\n[checklist]\nid = \"test-institution\"\nedition = \"fy2025\"\n[[answers]]\nitem = \"security-manager\"\nanswer = \"いいえ\"\nchecked_on = {checked_on}\ntarget_date = {target}\n"
    );
    answers::load_str(Path::new("p.toml"), FileFormat::Toml, text, Lang::En).unwrap()
}

fn codes(checked_on: Date, target: Date, today: Date) -> Vec<&'static str> {
    let c = checklist();
    let a = answers_with(checked_on, target);
    let form = rules::FormInput {
        answers: &a,
        checklist: &c,
    };
    rules::check_form(&form, &rules::Options::new(today, Lang::En))
        .into_iter()
        .filter(|f| f.item.as_deref() == Some("security-manager"))
        .map(|f| f.code())
        .collect()
}

fn date_strategy() -> impl Strategy<Value = Date> {
    // 2020-01-01 .. 2031-12-31
    (0i64..4383).prop_map(|d| {
        jiff::civil::date(2020, 1, 1)
            .checked_add(jiff::Span::new().days(d))
            .unwrap()
    })
}

proptest! {
    #[test]
    fn fiscal_year_changes_exactly_at_midnight_april_first_in_japan(year in 2000i16..2100, secs in -86_400i64..86_400) {
        // Midnight April 1 in Japan is 15:00 UTC on March 31.
        let boundary: Timestamp = format!("{}-03-31T15:00:00Z", year).parse().unwrap();
        let t = boundary.checked_add(jiff::SignedDuration::from_secs(secs)).unwrap();
        let fy = fiscal_year_of(date_in_japan(t));
        prop_assert_eq!(fy, if secs >= 0 { year } else { year - 1 });
    }

    #[test]
    fn fiscal_year_bounds_contain_exactly_the_dates_of_that_year(d in date_strategy()) {
        let fy = fiscal_year_of(d);
        let (start, end) = fiscal_year_bounds(fy);
        prop_assert!(start <= d && d <= end);
        let (_, prev_end) = fiscal_year_bounds(fy - 1);
        let (next_start, _) = fiscal_year_bounds(fy + 1);
        prop_assert!(prev_end < start && end < next_start);
    }

    #[test]
    fn a_target_date_is_accepted_only_inside_the_editions_fiscal_year(target in date_strategy()) {
        let today = jiff::civil::date(2031, 12, 31);
        let found = codes(jiff::civil::date(2025, 6, 1), target, today);
        let (start, end) = fiscal_year_bounds(2025);
        let inside = start <= target && target <= end;
        prop_assert_eq!(!found.contains(&"target-date-outside-fiscal-year"), inside, "{:?}", found);
    }

    #[test]
    fn a_date_checked_after_today_is_in_the_future(checked in date_strategy(), today in date_strategy()) {
        let found = codes(checked, jiff::civil::date(2025, 12, 1), today);
        prop_assert_eq!(found.contains(&"date-in-future"), checked > today);
    }
}

#[test]
fn the_last_and_first_day_of_fy2025() {
    let today = jiff::civil::date(2026, 5, 1);
    let last = codes(
        jiff::civil::date(2025, 6, 1),
        jiff::civil::date(2026, 3, 31),
        today,
    );
    assert!(!last.contains(&"target-date-outside-fiscal-year"));
    let next = codes(
        jiff::civil::date(2025, 6, 1),
        jiff::civil::date(2026, 4, 1),
        today,
    );
    assert!(next.contains(&"target-date-outside-fiscal-year"));
    let before = codes(
        jiff::civil::date(2025, 6, 1),
        jiff::civil::date(2025, 3, 31),
        today,
    );
    assert!(before.contains(&"target-date-outside-fiscal-year"));
}

/// Any day from the first of 昭和 (1926-12-25) to 2100.
fn era_date_strategy() -> impl Strategy<Value = Date> {
    (0i64..63_000).prop_map(|d| {
        jiff::civil::date(1926, 12, 25)
            .checked_add(jiff::Span::new().days(d))
            .unwrap()
    })
}

/// The era's one-letter form: 令和7年4月1日 -> R7.4.1 (元年 -> 1), with `sep` between.
fn letter_form(wareki: &str, sep: &str) -> String {
    let (letter, rest) = [("令和", "R"), ("平成", "H"), ("昭和", "S")]
        .iter()
        .find_map(|(era, letter)| wareki.strip_prefix(era).map(|r| (*letter, r)))
        .unwrap();
    let rest = rest.replace("元年", "1年");
    let nums: Vec<&str> = rest
        .split(['年', '月', '日'])
        .filter(|s| !s.is_empty())
        .collect();
    format!("{letter}{}", nums.join(sep))
}

/// Digits and signs as typed with a Japanese input method (full width).
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(u32::from(c) + 0xfee0).unwrap(),
            _ => c,
        })
        .collect()
}

proptest! {
    #[test]
    fn every_date_medsec_shows_reads_back(d in era_date_strategy()) {
        use medsec::dates::{for_people, parse_date_for_people, wareki};
        let w = wareki(d);
        prop_assert_eq!(parse_date_for_people(&w), Ok(d), "{}", w);
        prop_assert_eq!(parse_date_for_people(&full_width(&w)), Ok(d), "{}", w);
        for sep in [".", "/", "-"] {
            let letter = letter_form(&w, sep);
            prop_assert_eq!(parse_date_for_people(&letter), Ok(d), "{}", letter);
            prop_assert_eq!(parse_date_for_people(&full_width(&letter)), Ok(d), "{}", letter);
        }
        prop_assert_eq!(parse_date_for_people(&d.to_string()), Ok(d));
        prop_assert_eq!(parse_date_for_people(&for_people(d, Lang::En)), Ok(d));
        let slashed = format!("{}/{}/{}", d.year(), d.month(), d.day());
        prop_assert_eq!(parse_date_for_people(&slashed), Ok(d));
        prop_assert_eq!(parse_date_for_people(&full_width(&slashed)), Ok(d));
    }

    #[test]
    fn an_era_date_is_read_only_inside_its_era(d in era_date_strategy()) {
        use jiff::civil::date;
        use medsec::dates::parse_date_for_people;
        for (era, first_year, first, last) in [
            ("令和", 2019, date(2019, 5, 1), date(9999, 12, 31)),
            ("平成", 1989, date(1989, 1, 8), date(2019, 4, 30)),
            ("昭和", 1926, date(1926, 12, 25), date(1989, 1, 7)),
        ] {
            let year = d.year() - first_year + 1;
            if !(1..=99).contains(&year) {
                continue;
            }
            let text = format!("{era}{year}年{}月{}日", d.month(), d.day());
            let inside = first <= d && d <= last;
            prop_assert_eq!(parse_date_for_people(&text).ok(), inside.then_some(d), "{}", text);
        }
    }
}
