//! An edition as people type it: `fy2026`, `FY2026`, `2026`, `２０２６`, `令和8年度`, `R8`
//! all name the edition `fy2026`. The one reader for `--edition` and the `@EDITION` of
//! `ID@EDITION`; the checklist files themselves keep the canonical `fyYYYY`.

use super::Lang;

/// The first fiscal year of the MHLW checklist (令和5年度版, June 2023).
pub const FIRST_FISCAL_YEAR: i16 = 2023;

/// Why an edition typed by a person is refused. `Display` is English; people read
/// [`localize`](Self::localize) in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditionError {
    /// Not an edition in any form medsec reads.
    Unreadable { text: String },
    /// Before the form began (FY2023).
    TooEarly { text: String, year: i16 },
    /// More than one fiscal year after the current one.
    TooLate {
        text: String,
        year: i16,
        current: i16,
    },
}

impl EditionError {
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            EditionError::Unreadable { text } => crate::tr!(
                lang,
                "checklist-edition-unreadable",
                edition = text.as_str()
            ),
            EditionError::TooEarly { text, year } => crate::tr!(
                lang,
                "checklist-edition-too-early",
                edition = text.as_str(),
                year = i64::from(*year),
                wareki = crate::dates::wareki_fiscal_year(*year),
                first = i64::from(FIRST_FISCAL_YEAR),
                first_wareki = crate::dates::wareki_fiscal_year(FIRST_FISCAL_YEAR)
            ),
            EditionError::TooLate {
                text,
                year,
                current,
            } => crate::tr!(
                lang,
                "checklist-edition-too-late",
                edition = text.as_str(),
                year = i64::from(*year),
                wareki = crate::dates::wareki_fiscal_year(*year),
                current = i64::from(*current),
                current_wareki = crate::dates::wareki_fiscal_year(*current)
            ),
        }
    }
}

impl std::fmt::Display for EditionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for EditionError {}

/// The fiscal year an edition names, in any form people write it: `fy2026` in any case,
/// `2026`, `2026年度`, `令和8年度` (`版` may follow), `令和8`, `R8`, with full-width letters and
/// digits too. `None` when it names none.
pub fn fiscal_year_of(text: &str) -> Option<i16> {
    let text: String = text
        .trim()
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let text = text.strip_suffix('版').unwrap_or(&text);
    let text = text.strip_suffix("年度").unwrap_or(text);
    let western = |digits: &str| {
        (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<i16>().ok())
            .flatten()
    };
    let reiwa = |digits: &str| {
        if digits == "元" {
            return Some(2019);
        }
        (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<i16>().ok())
            .flatten()
            .filter(|n| *n >= 1)
            .map(|n| n + 2018)
    };
    if let Some(rest) = text.strip_prefix("fy") {
        western(rest)
    } else if let Some(rest) = text.strip_prefix("令和") {
        reiwa(rest)
    } else if let Some(rest) = text.strip_prefix('r') {
        reiwa(rest)
    } else {
        western(text)
    }
}

/// The canonical edition name of a fiscal year: 2026 -> `fy2026`.
pub fn name_of(fiscal_year: i16) -> String {
    format!("fy{fiscal_year}")
}

/// An edition typed by a person, as the canonical `fyYYYY`, when it names a fiscal year from
/// FY2023 (when the form began) to the one after the fiscal year of `today` (a form is
/// prepared, and may be published, before its year begins).
pub fn for_people(text: &str, today: jiff::civil::Date) -> Result<String, EditionError> {
    let year = fiscal_year_of(text).ok_or_else(|| EditionError::Unreadable {
        text: text.to_owned(),
    })?;
    let current = crate::dates::fiscal_year_of(today);
    if year < FIRST_FISCAL_YEAR {
        return Err(EditionError::TooEarly {
            text: text.to_owned(),
            year,
        });
    }
    if year > current.saturating_add(1) {
        return Err(EditionError::TooLate {
            text: text.to_owned(),
            year,
            current,
        });
    }
    Ok(name_of(year))
}

/// `ID@EDITION` with the edition in canonical form when it names a fiscal year
/// (`mhlw-institution@令和8年度` -> `mhlw-institution@fy2026`); anything else unchanged.
pub fn canonical_spec(spec: &str) -> String {
    match spec.split_once('@') {
        Some((id, edition)) => match fiscal_year_of(edition) {
            Some(year) => format!("{id}@{}", name_of(year)),
            None => spec.to_owned(),
        },
        None => spec.to_owned(),
    }
}

/// A full-width ASCII letter or digit (`２`, `Ｆ`) as its half-width form.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_writing_fy2026_names_it() {
        for text in [
            "fy2026",
            "FY2026",
            "Fy2026",
            "ｆｙ２０２６",
            "ＦＹ２０２６",
            "2026",
            "２０２６",
            "2026年度",
            "令和8年度",
            "令和８年度",
            "令和8年度版",
            "令和8",
            "R8",
            "r8",
            "Ｒ８",
            " fy2026 ",
        ] {
            assert_eq!(fiscal_year_of(text), Some(2026), "{text}");
        }
        assert_eq!(fiscal_year_of("令和元年度"), Some(2019));
        for text in ["", "fy26", "20261", "next", "R", "令和", "fy2026x", "R123"] {
            assert_eq!(fiscal_year_of(text), None, "{text}");
        }
    }

    #[test]
    fn editions_are_refused_before_the_form_and_after_next_year() {
        let today = jiff::civil::date(2026, 11, 30);
        assert_eq!(for_people("R8", today).as_deref(), Ok("fy2026"));
        assert_eq!(for_people("fy2027", today).as_deref(), Ok("fy2027"));
        assert_eq!(for_people("2023", today).as_deref(), Ok("fy2023"));
        assert!(matches!(
            for_people("fy2028", today),
            Err(EditionError::TooLate {
                year: 2028,
                current: 2026,
                ..
            })
        ));
        assert!(matches!(
            for_people("fy2022", today),
            Err(EditionError::TooEarly { year: 2022, .. })
        ));
        assert!(matches!(
            for_people("soon", today),
            Err(EditionError::Unreadable { .. })
        ));
        // In March 2027 it is still FY2026.
        assert!(for_people("fy2028", jiff::civil::date(2027, 3, 31)).is_err());
        assert!(for_people("fy2028", jiff::civil::date(2027, 4, 1)).is_ok());
    }

    #[test]
    fn specs_get_the_canonical_edition() {
        assert_eq!(
            canonical_spec("mhlw-institution@令和8年度"),
            "mhlw-institution@fy2026"
        );
        assert_eq!(canonical_spec("mhlw-institution"), "mhlw-institution");
        assert_eq!(canonical_spec("x@nope"), "x@nope");
    }
}
