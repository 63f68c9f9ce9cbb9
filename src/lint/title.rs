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
        ("ja", fiscal_years_ja(&checklist.title.ja)),
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

/// `令和N年度` (元 for 1) and `YYYY年度` in Japanese text, as written and as a Western year.
fn fiscal_years_ja(text: &str) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('年') {
        let Some(rest) = text.get(i..) else { continue };
        if !rest.starts_with("年度") {
            continue;
        }
        let Some(before) = text.get(..i) else {
            continue;
        };
        // The number just before 年度, read backwards.
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || ('０'..='９').contains(c) || *c == '元')
            .last()
            .map_or(i, |(s, _)| s);
        let Some(number) = before.get(start..) else {
            continue;
        };
        let value = if number == "元" {
            Some(1)
        } else {
            leading_number(number).map(|(v, _)| v)
        };
        let Some(value) = value else { continue };
        let reiwa = before.get(..start).is_some_and(|b| b.ends_with("令和"));
        let (written, year) = if reiwa {
            (format!("令和{number}年度"), 2018 + value)
        } else if value >= 1000 {
            (format!("{number}年度"), value)
        } else {
            continue;
        };
        out.push((written, year));
    }
    out
}

/// `FY2025` (also `FY 2025`) in English text.
fn fiscal_years_en(text: &str) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("FY") {
        let Some(rest) = text.get(i + 2..) else {
            continue;
        };
        let trimmed = rest.trim_start_matches(' ');
        let Some((year, len)) = leading_number(trimmed) else {
            continue;
        };
        if len == 4 {
            out.push((format!("FY{year}"), year));
        }
    }
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
        assert_eq!(
            fiscal_years_en("Checklist (FY2024 edition)"),
            vec![("FY2024".to_owned(), 2024)]
        );
        assert!(fiscal_years_en("FYI").is_empty());
    }
}
