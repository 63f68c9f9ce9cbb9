//! Issue #12, what a fresh reviewer found in the screens of `verify`, `summarize`, `report`
//! and `init`: piped tables keep one line a row, the signing output names the real public key,
//! `init`'s result goes to standard output.

use crate::common;

use common::bundle::{checklist_args, report_value, write_bundle, TestKey, AS_OF};
use common::{medsec, stderr_of, stdout_of};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A name wider than the 12 columns a short word may take, which used to wrap (さくら内 /
/// 科クリニック), and wide enough to take a 120-column table past its width.
const LONG_NAME: &str = "医療法人社団さくら会さくら内科クリニック附属健診センター";
const CODE: &str = "1310123458";

/// Two signed bundles of an institution with a long name, and the public key.
fn two_bundles() -> (tempfile::TempDir, Vec<PathBuf>, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let key = TestKey::new(tmp.path(), "clinic");
    let mut report = report_value(CODE, 2025);
    report["institution"]["name"] = Value::from(LONG_NAME);
    report["answers"]["answers"]["institution"]["name"] = Value::from(LONG_NAME);
    report["answers"]["answers"]["institution"]["prefecture"] = Value::from("東京都");
    let dirs: Vec<PathBuf> = ["b1", "b2"].iter().map(|b| tmp.path().join(b)).collect();
    for dir in &dirs {
        write_bundle(dir, &report);
        key.sign_bundle(dir, None);
    }
    (tmp, dirs, key.public)
}

/// `medsec --lang LANG CMD DIRS --pubkey KEY --as-of …`, piped, with `COLUMNS` as given.
fn screen(cmd: &str, lang: &str, dirs: &[PathBuf], key: &Path, columns: Option<&str>) -> String {
    let mut c = medsec();
    c.args(checklist_args())
        .args(["--lang", lang, cmd])
        .args(dirs)
        .arg("--pubkey")
        .arg(key)
        .args(["--as-of", AS_OF]);
    if let Some(columns) = columns {
        c.env("COLUMNS", columns);
    }
    let o = c.output().unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    stdout_of(&o)
}

fn table_rows(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with('│')).collect()
}

/// 1: piped with no `COLUMNS`, the verify table is one line a row however wide, the name whole;
/// summarize's rows are as many lines as their cells hold (code, name, prefecture), no more.
#[test]
fn piped_tables_keep_names_whole_and_one_line_a_row() {
    let (_tmp, dirs, key) = two_bundles();
    for lang in ["ja", "en"] {
        let text = screen("verify", lang, &dirs, &key, None);
        let rows = table_rows(&text);
        assert_eq!(rows.len(), 3, "{lang}: header and a line a bundle:\n{text}");
        for row in &rows[1..] {
            assert!(
                row.contains(&format!("{CODE} {LONG_NAME}")),
                "{row}\n{text}"
            );
        }
        let text = screen("summarize", lang, &dirs, &key, None);
        let rows = table_rows(&text);
        // The header and, for each bundle, its code, name and prefecture a line each.
        assert_eq!(rows.len(), 1 + 2 * 3, "{lang}:\n{text}");
        assert_eq!(
            rows.iter().filter(|r| r.contains(LONG_NAME)).count(),
            2,
            "{lang}:\n{text}"
        );
        // Every line of the table is as wide as its border: full-width characters count two.
        let widths: Vec<usize> = text
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
            .map(medsec::render::table::display_width)
            .collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "{widths:?}\n{text}"
        );
    }
    // With `COLUMNS`, the reader's width is kept: rows that do not fit are blocks that do.
    let text = screen("verify", "ja", &dirs, &key, Some("60"));
    assert!(!text.contains('┌'), "{text}");
    let block: Vec<&str> = text.lines().take_while(|l| !l.contains('[')).collect();
    assert!(block.iter().any(|l| l.starts_with("医療機関:")), "{text}");
    assert!(
        block
            .iter()
            .all(|l| medsec::render::table::display_width(l) <= 60),
        "{text}"
    );
}
