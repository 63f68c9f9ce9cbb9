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
    /// The first two digits are not a prefecture number 01–47 (JIS X 0401), e.g. `00`, `48`, `99`.
    Prefecture(String),
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

/// Full-width digits (０–９, as a Japanese input method types them) as ASCII; nothing else
/// changes. Codes are read this way from answers files and `keygen --institution`, so the
/// signed report and the keys.toml entry hold the same ASCII code (keys.toml reads its
/// `[institutions]` keys this way too).
pub fn ascii_digits(code: &str) -> String {
    code.chars()
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
    if prefecture_of(&code).is_none() {
        problems.push(CodeProblem::Prefecture(
            code.get(..2).unwrap_or_default().to_owned(),
        ));
    }
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

/// The prefectures by their JIS X 0401 code (01 北海道 … 47 沖縄県), the first two digits of a
/// 医療機関コード: the name as written in Japanese and in Hepburn romaji (without -to/-fu/-ken).
const PREFECTURES: [(&str, &str); 47] = [
    ("北海道", "hokkaido"),
    ("青森県", "aomori"),
    ("岩手県", "iwate"),
    ("宮城県", "miyagi"),
    ("秋田県", "akita"),
    ("山形県", "yamagata"),
    ("福島県", "fukushima"),
    ("茨城県", "ibaraki"),
    ("栃木県", "tochigi"),
    ("群馬県", "gunma"),
    ("埼玉県", "saitama"),
    ("千葉県", "chiba"),
    ("東京都", "tokyo"),
    ("神奈川県", "kanagawa"),
    ("新潟県", "niigata"),
    ("富山県", "toyama"),
    ("石川県", "ishikawa"),
    ("福井県", "fukui"),
    ("山梨県", "yamanashi"),
    ("長野県", "nagano"),
    ("岐阜県", "gifu"),
    ("静岡県", "shizuoka"),
    ("愛知県", "aichi"),
    ("三重県", "mie"),
    ("滋賀県", "shiga"),
    ("京都府", "kyoto"),
    ("大阪府", "osaka"),
    ("兵庫県", "hyogo"),
    ("奈良県", "nara"),
    ("和歌山県", "wakayama"),
    ("鳥取県", "tottori"),
    ("島根県", "shimane"),
    ("岡山県", "okayama"),
    ("広島県", "hiroshima"),
    ("山口県", "yamaguchi"),
    ("徳島県", "tokushima"),
    ("香川県", "kagawa"),
    ("愛媛県", "ehime"),
    ("高知県", "kochi"),
    ("福岡県", "fukuoka"),
    ("佐賀県", "saga"),
    ("長崎県", "nagasaki"),
    ("熊本県", "kumamoto"),
    ("大分県", "oita"),
    ("宮崎県", "miyazaki"),
    ("鹿児島県", "kagoshima"),
    ("沖縄県", "okinawa"),
];

/// The prefecture a code's first two digits name (JIS X 0401), as `(number, 東京都)`; `None`
/// for a code whose first two digits are not 01–47 or that is not digits.
pub fn prefecture_of(code: &str) -> Option<(u8, &'static str)> {
    let code = normalise(code);
    let number: u8 = code.get(..2)?.parse().ok()?;
    let (name, _) = PREFECTURES.get(usize::from(number).checked_sub(1)?)?;
    Some((number, name))
}

/// Whether `given` (the answers file's prefecture: 東京都, 東京, Tokyo, Tokyo-to…) names the
/// prefecture `name` of the table.
fn names_prefecture(given: &str, name: &str) -> bool {
    let given = given.trim();
    let Some((kanji, romaji)) = PREFECTURES.iter().find(|(k, _)| *k == name) else {
        return false;
    };
    // 北海道 has no suffix to drop; the others are named with or without 都/府/県.
    let stem = if *kanji == "北海道" {
        kanji
    } else {
        kanji.strip_suffix(['都', '府', '県']).unwrap_or(kanji)
    };
    if given == *kanji || given == stem {
        return true;
    }
    // The JIS X 0401 number itself (13, １３, 1 or 01), as the code's first two digits say it.
    let number = PREFECTURES
        .iter()
        .position(|(k, _)| *k == name)
        .map(|i| i + 1);
    if let (Ok(n), Some(number)) = (ascii_digits(given).parse::<usize>(), number) {
        return n == number;
    }
    let latin = given
        .to_ascii_lowercase()
        .replace(['ō', 'Ō'], "o")
        .replace(' ', "-");
    let latin = ["-to", "-fu", "-ken", "-prefecture", "-metropolis"]
        .iter()
        .fold(latin, |l, suffix| {
            l.strip_suffix(suffix).map(str::to_owned).unwrap_or(l)
        });
    latin == *romaji
}

/// Whether `given` names one of the 47 prefectures (東京都, 東京, Tokyo, Tokyo-to, 13…).
pub fn is_prefecture(given: &str) -> bool {
    PREFECTURES
        .iter()
        .any(|(name, _)| names_prefecture(given, name))
}

/// When the code's prefecture (its first two digits) is not the prefecture given: the code's
/// number and prefecture. `None` when they agree, or when the code names no prefecture (its
/// shape is checked by [`check`]).
pub fn prefecture_mismatch(code: &str, given: &str) -> Option<(u8, &'static str)> {
    let (number, name) = prefecture_of(code)?;
    (!names_prefecture(given, name)).then_some((number, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefecture_given_by_its_jis_number_matches_the_code() {
        assert_eq!(prefecture_mismatch("1310123458", "13"), None);
        assert_eq!(prefecture_mismatch("1310123458", "１３"), None);
        assert_eq!(prefecture_mismatch("0110113719", "1"), None);
        assert_eq!(
            prefecture_mismatch("1310123458", "01"),
            Some((13, "東京都"))
        );
    }

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

    #[test]
    fn the_first_two_digits_name_the_prefecture() {
        assert_eq!(prefecture_of("0110113719"), Some((1, "北海道")));
        assert_eq!(prefecture_of("13-1234-5678"), Some((13, "東京都")));
        assert_eq!(prefecture_of("４７１０１１３７１９"), Some((47, "沖縄県")));
        assert_eq!(prefecture_of("4810113719"), None);
        for code in ["0010113719", "4810113719", "9910123455"] {
            assert!(
                check(code, None)
                    .iter()
                    .any(|p| matches!(p, CodeProblem::Prefecture(d) if *d == code[..2])),
                "{code}"
            );
        }
        assert!(!check("4710113719", None)
            .iter()
            .any(|p| matches!(p, CodeProblem::Prefecture(_))));
        assert_eq!(prefecture_of("0010113719"), None);
        assert_eq!(prefecture_of("x"), None);
        for given in ["北海道", " 北海道 ", "Hokkaido", "hokkaido"] {
            assert_eq!(prefecture_mismatch("0110113719", given), None, "{given}");
        }
        for given in ["東京都", "東京", "Tokyo", "Tokyo-to", "tokyo to"] {
            assert_eq!(prefecture_mismatch("1310113719", given), None, "{given}");
        }
        assert_eq!(prefecture_mismatch("2610113719", "京都"), None);
        assert_eq!(
            prefecture_mismatch("1310113719", "京都府"),
            Some((13, "東京都"))
        );
        assert_eq!(
            prefecture_mismatch("0110113719", "東京都"),
            Some((1, "北海道"))
        );
        assert_eq!(
            prefecture_mismatch("0110113719", "北海"),
            Some((1, "北海道"))
        );
    }
}
