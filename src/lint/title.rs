//! The `title-year-mismatch` rule: a fiscal year written in the title (令和7年度, 2025年度,
//! FY2025) must be the checklist's `fiscal_year` (which `edition` already matches:
//! `edition-year-mismatch`). A year and month such as 令和5年6月 is a date, not a fiscal year,
//! and is not checked.

use crate::checklist::{Checklist, Lang};
use crate::diagnostic::{Diagnostic, Location, Severity};

/// The title's fiscal years that disagree with `checklist.fiscal_year`, one error each, at the
/// title text in `source`.
pub fn check(file: &str, source: &str, checklist: &Checklist) -> Vec<Diagnostic> {
    let doc = toml_edit::Document::parse(source).ok();
    let span_of = |lang: &str| {
        doc.as_ref()
            .and_then(|d| d.as_table().get("title"))
            .and_then(|t| t.get(lang))
            .and_then(toml_edit::Item::span)
    };
    let mut out = Vec::new();
    let found = [
        // A Japanese title may say FY2025 too (「チェックリスト(FY2025)」).
        ("ja", {
            let mut years = fiscal_years_ja(&checklist.title.ja);
            years.extend(fiscal_years_en(&checklist.title.ja));
            years
        }),
        ("en", fiscal_years_en(&checklist.title.en)),
    ];
    for (lang, years) in found {
        for (written, year) in years {
            if year == i32::from(checklist.fiscal_year) {
                continue;
            }
            let text = crate::msg_ref!(
                "lint-ci-title-year-mismatch",
                written = written,
                year = checklist.fiscal_year,
                edition = checklist.edition
            );
            out.push(Diagnostic {
                code: "title-year-mismatch",
                severity: Severity::Error,
                location: Location::of_span(file, source, span_of(lang)),
                message: crate::i18n::render(Lang::En, &text),
                text: Some(text),
            });
        }
    }
    out
}

/// Digits (ASCII or full-width) at the start of `s`, with how many bytes they take.
fn leading_number(s: &str) -> Option<(i32, usize)> {
    let mut value: i32 = 0;
    let mut len = 0;
    for c in s.chars() {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        value = value
            .checked_mul(10)?
            .checked_add(i32::try_from(digit).ok()?)?;
        len += c.len_utf8();
    }
    (len > 0).then_some((value, len))
}

/// A number in kanji (`六`, `十二`, `二十`), with how many bytes it takes.
fn kanji_number(s: &str) -> Option<(i32, usize)> {
    const DIGITS: &str = "〇一二三四五六七八九";
    let (mut total, mut current, mut len) = (0, 0, 0);
    for c in s.chars() {
        if c == '十' {
            total += if current == 0 { 10 } else { current * 10 };
            current = 0;
        } else if let Some(d) = DIGITS.chars().position(|k| k == c) {
            current = i32::try_from(d).ok()?;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    (len > 0).then_some((total + current, len))
}

fn skip_spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '　']).len()
}

/// The fiscal year written at byte `i` of `text`, with where it ends: `令和N年度`, `令和N年版`,
/// `平成N年度`, `RN年度` (N in digits, full-width digits, kanji or 元; spaces allowed) and
/// `YYYY年度`. A date (`令和5年6月`) is not one.
fn fiscal_year_at(text: &str, i: usize) -> Option<(usize, i32)> {
    let rest = text.get(i..)?;
    let before = text.get(..i)?.chars().next_back();
    let (era, era_len) = if rest.starts_with("令和") {
        (Some(2018), "令和".len())
    } else if rest.starts_with("平成") {
        (Some(1988), "平成".len())
    } else if rest.starts_with('R') && !before.is_some_and(|c| c.is_ascii_alphanumeric()) {
        (Some(2018), 1)
    } else if rest.starts_with('Ｒ') && !before.is_some_and(char::is_alphanumeric) {
        (Some(2018), 'Ｒ'.len_utf8())
    } else if before.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    } else {
        (None, 0)
    };
    let mut at = i + era_len;
    if era.is_some() {
        at += skip_spaces(text.get(at..)?);
    }
    let number = text.get(at..)?;
    let (value, len) = if number.starts_with('元') {
        (1, '元'.len_utf8())
    } else if let Some(found) = leading_number(number) {
        found
    } else if era.is_some() {
        kanji_number(number)?
    } else {
        return None;
    };
    at += len;
    if era.is_some() {
        at += skip_spaces(text.get(at..)?);
    }
    let suffix = text.get(at..)?;
    let end = if suffix.starts_with("年度") {
        at + "年度".len()
    } else if suffix.starts_with("年版") && era.is_some() {
        at + "年版".len()
    } else {
        return None;
    };
    match era {
        Some(base) => Some((end, base + value)),
        None if value >= 1000 => Some((end, value)),
        None => None,
    }
}

/// The fiscal years written in Japanese text, as written and as a Western year.
fn fiscal_years_ja(text: &str) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    let mut next = 0;
    for (i, _) in text.char_indices() {
        if i < next {
            continue;
        }
        if let Some((end, year)) = fiscal_year_at(text, i) {
            out.push((text.get(i..end).unwrap_or_default().to_owned(), year));
            next = end;
        }
    }
    out
}

/// `FY2025` (also `FY 2025`) and `fiscal year 2025` in English text.
fn fiscal_years_en(text: &str) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    // ASCII lowercase keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let marks = lower.match_indices("fy").map(|(i, m)| (i, m.len())).chain(
        lower
            .match_indices("fiscal year")
            .map(|(i, m)| (i, m.len())),
    );
    for (i, len) in marks {
        if text
            .get(..i)
            .and_then(|b| b.chars().next_back())
            .is_some_and(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        let Some(rest) = text.get(i + len..) else {
            continue;
        };
        let trimmed = rest.trim_start_matches(' ');
        let Some((year, digits)) = leading_number(trimmed) else {
            continue;
        };
        // Four digits, ASCII or full-width (`FY２０２５`).
        if (1000..=9999).contains(&year)
            && trimmed
                .get(..digits)
                .is_some_and(|d| d.chars().count() == 4)
        {
            let end = i + len + (rest.len() - trimmed.len()) + digits;
            out.push((text.get(i..end).unwrap_or_default().to_owned(), year));
        }
    }
    out.sort_by_key(|(w, _)| text.find(w.as_str()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_reiwa_western_and_fy() {
        assert_eq!(
            fiscal_years_ja("チェックリスト(令和7年度版) 医療機関確認用"),
            vec![("令和7年度".to_owned(), 2025)]
        );
        assert_eq!(fiscal_years_ja("令和元年度と2026年度"), {
            vec![
                ("令和元年度".to_owned(), 2019),
                ("2026年度".to_owned(), 2026),
            ]
        });
        assert!(fiscal_years_ja("チェックリスト(令和5年6月)").is_empty());
        // Each way a year is written in titles people make.
        for (title, year) in [
            ("点検表(令和六年度版)", 2024),
            ("点検表(平成31年度版)", 2019),
            ("点検表(令和 6 年度版)", 2024),
            ("点検表 R6年度版", 2024),
            ("点検表(令和6年版)", 2024),
            ("点検表(令和十二年度版)", 2030),
        ] {
            let found = fiscal_years_ja(title);
            assert_eq!(found.len(), 1, "{title}: {found:?}");
            assert_eq!(found.first().map(|f| f.1), Some(year), "{title}");
        }
        assert_eq!(
            fiscal_years_en("Checks, fiscal year 2024 edition"),
            vec![("fiscal year 2024".to_owned(), 2024)]
        );
        assert_eq!(
            fiscal_years_en("Checklist (FY2024 edition)"),
            vec![("FY2024".to_owned(), 2024)]
        );
        assert!(fiscal_years_en("FYI").is_empty());
        // In Japanese titles people also write these.
        assert_eq!(
            fiscal_years_ja("点検表(Ｒ７年度版)").first().map(|f| f.1),
            Some(2025)
        );
        assert_eq!(
            fiscal_years_en("点検表(FY2025)").first().map(|f| f.1),
            Some(2025)
        );
        assert_eq!(
            fiscal_years_en("点検表 FY 2025").first().map(|f| f.1),
            Some(2025)
        );
        assert_eq!(
            fiscal_years_en("点検表 FY２０２５").first().map(|f| f.1),
            Some(2025)
        );
        assert!(fiscal_years_en("FY20255").is_empty());
    }
}
