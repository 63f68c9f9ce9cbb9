//! 医療機関コード: 10 digits = prefecture (2) + fee-table (1: 1 医科, 3 歯科, 4 調剤) +
//! district (2) + institution (4) + check digit (1).
//!
//! The check digit is reported as Luhn over the first nine digits; the primary notice was not
//! found, so a failed check digit is a warning, never a rejection.

use crate::checklist::InstitutionKind;

/// What is wrong with a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeProblem {
    /// Not exactly 10 ASCII digits (after removing spaces and hyphens).
    Shape,
    /// The third digit is not 1 (医科), 3 (歯科) or 4 (調剤).
    FeeTable(char),
    /// The tenth digit is not the Luhn check digit of the first nine.
    CheckDigit { expected: u8, found: u8 },
    /// The fee-table digit does not fit the kind of institution (e.g. a pharmacy without 4).
    KindMismatch(char),
}

/// The code with spaces and hyphens removed; full-width digits become ASCII.
pub fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '　' | '－' | 'ー'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect()
}

/// The Luhn check digit of the ASCII digits of `payload` (other characters are ignored).
pub fn luhn_check_digit(payload: &str) -> u8 {
    let sum: u32 = payload
        .chars()
        .filter_map(|c| c.to_digit(10).filter(|_| c.is_ascii_digit()))
        .rev()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let x = d * 2;
                x / 10 + x % 10
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// Every problem with `code` for an institution of `kind`.
pub fn check(code: &str, kind: Option<InstitutionKind>) -> Vec<CodeProblem> {
    let code = normalise(code);
    // Ten ASCII digits: prefecture (2), fee table (1), number (6), check digit (1).
    let digits: Option<[u8; 10]> = code.as_bytes().try_into().ok();
    let Some(digits) = digits.filter(|d| d.iter().all(u8::is_ascii_digit)) else {
        return vec![CodeProblem::Shape];
    };
    let [_, _, fee, .., check] = digits;
    let mut problems = Vec::new();
    let fee = char::from(fee);
    if !matches!(fee, '1' | '3' | '4') {
        problems.push(CodeProblem::FeeTable(fee));
    } else {
        let fits = match kind {
            Some(InstitutionKind::Pharmacy) => fee == '4',
            Some(InstitutionKind::Hospital | InstitutionKind::Clinic) => fee == '1' || fee == '3',
            _ => true,
        };
        if !fits {
            problems.push(CodeProblem::KindMismatch(fee));
        }
    }
    let expected = luhn_check_digit(code.get(..9).unwrap_or_default());
    let found = check - b'0';
    if expected != found {
        problems.push(CodeProblem::CheckDigit { expected, found });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_example_passes() {
        assert_eq!(check("0110113719", Some(InstitutionKind::Clinic)), vec![]);
        assert_eq!(check("01-1011-3719", None), vec![]);
        assert_eq!(check("０１１０１１３７１９", None), vec![]);
    }

    #[test]
    fn odd_input_never_panics() {
        assert_eq!(luhn_check_digit("011011371"), 9);
        assert_eq!(luhn_check_digit("01-1011-371"), 9);
        assert_eq!(luhn_check_digit("ab"), 0);
        assert_eq!(check("", None), vec![CodeProblem::Shape]);
        assert_eq!(
            check("１２３４５６７８９０a", None),
            vec![CodeProblem::Shape]
        );
    }

    #[test]
    fn problems_are_told_apart() {
        assert_eq!(check("123", None), vec![CodeProblem::Shape]);
        assert_eq!(
            check("0110113718", None),
            vec![CodeProblem::CheckDigit {
                expected: 9,
                found: 8
            }]
        );
        assert!(check("0120113719", None).contains(&CodeProblem::FeeTable('2')));
        assert!(check("0110113719", Some(InstitutionKind::Pharmacy))
            .contains(&CodeProblem::KindMismatch('1')));
    }
}
