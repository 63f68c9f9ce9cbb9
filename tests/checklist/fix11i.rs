//! Issue #11, what the last re-review left in `checklist import`: the duplicate-number error
//! names the column that tells the rows apart, a note stating the 目標日 window is read into
//! the rules, and the layout the import prints, fed back through `--map`, gives the same bytes.
//!
//! TEST DATA: the workbooks built here are not the FY2026 form (its wording was not seen).

use super::plausible_fy2026::{import, institution_workbook_with, parsed, save};
use crate::common;
use common::*;
use std::path::Path;

/// `checklist import` of `wb` in `dir` into `out`, in `lang`, with `extra` options.
fn import_in(dir: &Path, lang: &str, wb: &Path, out: &str, extra: &[&str]) -> Run {
    run(medsec()
        .env("MEDSEC_DATA_DIR", dir.join("data"))
        .current_dir(dir)
        .args(["--lang", lang, "checklist", "import"])
        .arg(wb)
        .args(["--out", out])
        .args(extra))
}

/// A sheet whose item 1-① is printed twice, for サーバ and 端末PC in column C (its header
/// 対象): found by itself, but not under a map that leaves the scope column out.
fn scoped_rows() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("チェック").unwrap();
    for (r, c, text) in [
        (0, 0, "番号"),
        (0, 1, "チェック項目"),
        (0, 2, "対象"),
        (0, 3, "はい"),
        (0, 4, "いいえ"),
        (1, 0, "1-①"),
        (1, 1, "試験用の台帳を作っている。"),
        (1, 2, "サーバ"),
        (2, 0, "1-①"),
        (2, 1, "試験用の台帳を作っている。"),
        (2, 2, "端末PC"),
        (3, 0, "1-②"),
        (3, 1, "試験用の権限を設けている。"),
        (3, 2, "医療情報システム全般"),
    ] {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// After a partial `--map number=A,text=B`, the duplicate number names column C, whose scope
/// tells the rows apart, and the map with `scope=C` (which then imports); nothing written.
#[test]
fn a_duplicate_number_names_the_scope_column_a_map_left_out() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let wb = save(w, "scoped.xlsx", &scoped_rows());
    let map = ["--edition", "fy2026", "--map", "number=A,text=B"];
    for (lang, wants) in [
        (
            "en",
            [
                "チェック!A3: item 1-① appears twice (first at チェック!A2)",
                "column C tells the two rows apart",
                "Add `scope=C` to the map: `--map number=A,text=B,scope=C,header-rows=1`.",
            ],
        ),
        (
            "ja",
            [
                "チェック!A3: 項目1-①が重複しています(最初はチェック!A2)。",
                "C列の対象(サーバ、端末PCなど)で2つの行を区別できます。",
                "`scope=C`を加えて`--map number=A,text=B,scope=C,header-rows=1`と指定してください。",
            ],
        ),
    ] {
        let r = import_in(w, lang, &wb, "s.toml", &map);
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        for want in wants {
            assert!(r.stderr.contains(want), "{lang}: {want:?} not in {}", r.stderr);
        }
        assert!(!w.join("s.toml").exists());
    }
    // The map it names imports the sheet, each row with its scope.
    let r = import_in(
        w,
        "en",
        &wb,
        "s.toml",
        &[
            "--edition",
            "fy2026",
            "--map",
            "number=A,text=B,scope=C,header-rows=1",
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v = parsed(&w.join("s.toml"));
    assert_eq!(v["items"].as_array().unwrap().len(), 3, "{v}");
    // Without a column that tells them apart, the error is as before: no column named.
    let r = import_in(
        w,
        "en",
        &wb,
        "t.toml",
        &["--edition", "fy2026", "--map", "number=A,text=B,section=C"],
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("give each row its scope") && !r.stderr.contains("scope=C"),
        "{}",
        r.stderr
    );
}

/// The window for 目標日 stated in a ※ note above or below the items (full-width digits, 和暦
/// and 西暦, 年度末) is read into `target_date`, the note kept in the rules' comment with its
/// cell, and said on import; a note that gives no window of the edition's year leaves
/// `unknown`, said so.
#[test]
fn a_note_stating_the_target_window_is_read_into_the_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    for (name, note, window) in [
        (
            "above",
            (3, 0, "※ 目標日は令和９年３月末までの日付を記入"),
            "fiscal-year",
        ),
        (
            "below",
            (21, 0, "※目標日は２０２７年３月３１日までの日付を記入"),
            "fiscal-year",
        ),
        (
            "year-end",
            (21, 0, "※ 目標日は令和8年度末までの日付を記入してください。"),
            "fiscal-year",
        ),
        ("unread", (21, 0, "※ 目標日は改善の予定日を記入"), "unknown"),
        (
            "other-year",
            (21, 0, "※ 目標日は令和10年3月末までの日付を記入"),
            "unknown",
        ),
    ] {
        let wb = save(
            w,
            &format!("{name}.xlsx"),
            &institution_workbook_with(&[note]),
        );
        let cell = format!("チェックリスト!A{}", note.0 + 1);
        for lang in ["en", "ja"] {
            let out = format!("{name}-{lang}.toml");
            let r = import_in(w, lang, &wb, &out, &[]);
            assert_eq!(r.code, Some(0), "{name} {lang}: {}", r.stderr);
            let text = std::fs::read_to_string(w.join(&out)).unwrap();
            let v = parsed(&w.join(&out));
            assert_eq!(
                v["rules"]["target_date"].as_str(),
                Some(window),
                "{name}: {text}"
            );
            // Where it came from, the note as written, in the rules' comment.
            let comment = text
                .lines()
                .find(|l| l.starts_with("# target_date:") && l.contains(note.2))
                .unwrap_or_else(|| panic!("{name}: {text}"));
            assert!(comment.contains(&cell), "{name}: {comment}");
            let said = match (lang, window) {
                ("en", "fiscal-year") => {
                    "The window for target dates (目標日) was read from the note at"
                }
                ("ja", "fiscal-year") => "目標日の期間を",
                ("en", _) => "`target_date` stays `unknown`",
                _ => "`target_date`は`unknown`のままです。",
            };
            assert!(r.stderr.contains(said), "{name} {lang}: {}", r.stderr);
            assert!(r.stderr.contains(&cell), "{name} {lang}: {}", r.stderr);
            assert!(r.stderr.contains(note.2), "{name} {lang}: {}", r.stderr);
        }
        // The same bytes whatever the language of the run.
        assert_eq!(
            std::fs::read(w.join(format!("{name}-en.toml"))).unwrap(),
            std::fs::read(w.join(format!("{name}-ja.toml"))).unwrap()
        );
    }
    // No note: unknown, and no note said.
    let wb = save(w, "none.xlsx", &institution_workbook_with(&[]));
    let r = import_in(w, "en", &wb, "none.toml", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        parsed(&w.join("none.toml"))["rules"]["target_date"].as_str(),
        Some("unknown")
    );
    assert!(!r.stderr.contains("the note at"), "{}", r.stderr);
    // Lint accepts what the note gave.
    let lint = run(medsec()
        .args(["checklist", "lint"])
        .arg(w.join("above-en.toml")));
    assert_eq!(lint.code, Some(0), "{}", lint.stdout);
}

/// The layout the import prints (`header-rows=6`, the header in rows 5-6), given back with
/// `--map`, records the same rows and gives the same bytes and digest as the plain import.
#[test]
fn the_printed_layout_given_back_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let wb = save(w, "fy2026.xlsx", &institution_workbook_with(&[]));
    let (r, plain) = import(w, &wb, "plain.toml", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let printed = "section=A,number=B,text=C,header-rows=6";
    assert!(r.stderr.contains(printed), "{}", r.stderr);
    let (r, mapped) = import(w, &wb, "mapped.toml", &["--map", printed]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let plain_text = std::fs::read_to_string(&plain).unwrap();
    let mapped_text = std::fs::read_to_string(&mapped).unwrap();
    assert!(plain_text.contains("rows=5-6"), "{plain_text}");
    assert_eq!(plain_text, mapped_text);
    // A map file stating the same: the same bytes too.
    let map = w.join("map.toml");
    std::fs::write(
        &map,
        "section = \"A\"\nnumber = \"B\"\ntext = \"C\"\nheader-rows = 6\n",
    )
    .unwrap();
    let (r, from_file) = import(w, &wb, "file.toml", &["--map", map.to_str().unwrap()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&from_file).unwrap(), plain_text);
}
