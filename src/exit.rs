//! The one exit-code table. Documented in `medsec --help` and docs/exit-codes.md.

use std::process::ExitCode;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: done; nothing to report (warnings allowed).
    Ok,
    /// 1: ran, and found problems: lint errors, incomplete answers, verification findings.
    Findings,
    /// 2: could not run: usage error, unreadable or malformed input.
    Unusable,
    /// 3: signature or integrity failure: tampered, missing or extra file, wrong or untrusted key.
    Integrity,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Findings => 1,
            Exit::Unusable => 2,
            Exit::Integrity => 3,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}

/// The table as shown at the end of `medsec --help`.
pub const TABLE: &str = "Exit codes:
  0  success (warnings allowed)
  1  findings: lint errors, incomplete answers, verification findings
  2  unusable input or usage error (unreadable, malformed, unknown checklist)
  3  signature or integrity failure
  130  stopped by Ctrl-C (143: by SIGTERM; what was entered is kept)";

/// The table in `lang`, as `medsec --help` shows it: [`TABLE`] in English (the clap source),
/// its Japanese version from i18n/ja/help.ftl (`after-medsec`, the top-level help's closing
/// text, see `crate::cli::help_ja`).
pub fn table(lang: crate::checklist::Lang) -> String {
    let japanese = (lang == crate::checklist::Lang::Ja)
        .then(|| crate::i18n::help_ja("after-medsec"))
        .flatten();
    japanese.unwrap_or_else(|| TABLE.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Lang;

    #[test]
    fn the_table_exists_in_both_languages_with_the_same_codes() {
        assert_eq!(table(Lang::En), TABLE);
        let ja = table(Lang::Ja);
        assert!(ja.starts_with("終了コード:"), "{ja}");
        let codes = |t: &str| -> Vec<String> {
            t.lines()
                .skip(1)
                .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
                .collect()
        };
        assert_eq!(codes(&ja), codes(TABLE));
    }
}
