//! Issue 11, what the second reviewer found: `checklist list` says the checklist `init` takes,
//! `checklist diff` names a changed section heading, and the smaller findings of that review.
//!
//! TEST DATA: the workbooks built here are not the FY2026 form (its wording was not seen); see
//! review11.rs.

use super::review11::{import_merged, Setup};
use crate::common;
use common::*;

/// After `checklist add` of this year's checklist (not the official workbook), `checklist list`
/// names what a command without `--checklist` takes: the added one, as `init` does, not "the
/// newest official edition" (fy2025).
#[test]
fn checklist_list_names_the_checklist_init_takes() {
    let s = Setup::new();
    let checklist = import_merged(&s);
    let r = run(s.medsec("en").args(["checklist", "add"]).arg(&checklist));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for (lang, said, not_said) in [
        (
            "ja",
            "`--checklist`を付けないときに使うのは、医療機関確認用・薬局確認用では`r8-institution@fy2026`、事業者確認用では`mhlw-vendor@fy2025`です。",
            "公式の版のうち最も新しいもの",
        ),
        (
            "en",
            "Without `--checklist`, commands use `r8-institution@fy2026` for the institution and pharmacy forms, `mhlw-vendor@fy2025` for the vendor form.",
            "commands take the newest official edition",
        ),
    ] {
        let r = run(s.medsec(lang).args(["checklist", "list"]));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        assert!(!r.stderr.contains(not_said), "{lang}: {}", r.stderr);
        // init takes the one list names, for an institution and for a pharmacy.
        for form in ["institution", "pharmacy"] {
            let out = s.path(&format!("{form}-{lang}.toml"));
            let r = run(s
                .medsec(lang)
                .args(["init", "--form", form, "--out"])
                .arg(&out));
            assert_eq!(r.code, Some(0), "{}", r.stderr);
            let toml = std::fs::read_to_string(&out).unwrap();
            assert!(toml.contains("id = \"r8-institution\""), "{form}: {toml}");
        }
    }
    // A command that used an older edition is told how to use this year's.
    let r = run(s.medsec("en").args([
        "--checklist",
        "mhlw-institution@fy2025",
        "init",
        "--out",
        "old.toml",
    ]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "This command used an older edition. To use this year's, give `--checklist r8-institution@fy2026`."
        ),
        "{}",
        r.stderr
    );
}

/// A merged-form workbook like review11's, with section 2's heading `heading` and `spacer`
/// blank rows above the first section (the items then sit in other rows).
fn workbook_with(heading: &str, spacer: u32) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("チェックリスト").unwrap();
    ws.write_string(
        0,
        0,
        "試験用サイバーセキュリティ対策チェックリスト(令和8年度版) 医療機関・薬局確認用",
    )
    .unwrap();
    for (c, h) in ["チェック項目", "はい", "いいえ", "確認日", "目標日"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, u16::try_from(c).unwrap(), *h).unwrap();
    }
    let r = 3 + spacer;
    ws.merge_range(r, 0, r, 4, "1 体制構築", &plain).unwrap();
    ws.write_string(r + 1, 0, "① 医療情報システム安全管理責任者を設置している。")
        .unwrap();
    ws.merge_range(r + 2, 0, r + 2, 4, heading, &plain).unwrap();
    ws.write_string(
        r + 3,
        0,
        "① サーバ、端末PC、ネットワーク機器の台帳管理を行っている。(医療情報システム全般)",
    )
    .unwrap();
    wb.save_to_buffer().unwrap()
}

/// Import `bytes` saved as `dir/r8.xlsx` into `dir/r8.toml`.
fn import_in(s: &Setup, dir: &str, bytes: &[u8]) -> std::path::PathBuf {
    std::fs::create_dir_all(s.path(dir)).unwrap();
    let book = s.write(&format!("{dir}/r8.xlsx"), bytes);
    let out = s.path(&format!("{dir}/r8.toml"));
    let r = run(s
        .medsec("en")
        .args(["checklist", "import"])
        .arg(&book)
        .arg("--out")
        .arg(&out));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    out
}

/// `checklist diff` names a changed section heading (what verify calls 「節2の見出しが異なります」)
/// and says items that sit in other cells in one line, never as a dump of cell sources.
#[test]
fn checklist_diff_names_a_changed_section_heading_and_moved_cells_in_one_line() {
    let s = Setup::new();
    let old = import_in(
        &s,
        "old",
        &workbook_with("2 医療情報システムの管理・運用", 0),
    );
    let heading = import_in(&s, "heading", &workbook_with("2 医療情報システムの管理", 0));
    let moved = import_in(
        &s,
        "moved",
        &workbook_with("2 医療情報システムの管理・運用", 2),
    );
    for (lang, said) in [
        (
            "ja",
            "[section-title-changed] 節2の見出し: 「医療情報システムの管理・運用」 → 「医療情報システムの管理」",
        ),
        (
            "en",
            "[section-title-changed] section 2 heading: 「医療情報システムの管理・運用」 -> 「医療情報システムの管理」",
        ),
    ] {
        let r = run(s.medsec(lang).args(["checklist", "diff"]).arg(&old).arg(&heading));
        assert!(r.stdout.contains(said), "{lang}: {}", r.stdout);
        assert!(!r.stdout.contains("workbook-cell:"), "{lang}: {}", r.stdout);
        assert!(!r.stdout.contains("item-sources-changed"), "{lang}: {}", r.stdout);
    }
    for (lang, said) in [
        ("ja", "[workbook-positions-changed] ブックの中で項目の位置(セル、行)が変わりました: 2項目"),
        ("en", "[workbook-positions-changed] the items sit in other cells or rows of the workbook: 2 items"),
    ] {
        let r = run(s.medsec(lang).args(["checklist", "diff"]).arg(&old).arg(&moved));
        assert!(r.stdout.contains(said), "{lang}: {}", r.stdout);
        assert!(!r.stdout.contains("workbook-cell:"), "{lang}: {}", r.stdout);
        assert!(!r.stdout.contains("item-sources-changed"), "{lang}: {}", r.stdout);
    }
    // The same layout and wording: nothing about positions.
    let r = run(s
        .medsec("en")
        .args(["checklist", "diff"])
        .arg(&old)
        .arg(&heading));
    assert!(
        !r.stdout.contains("workbook-positions-changed"),
        "{}",
        r.stdout
    );
}

/// `checklist lint` of a workbook: the file is found but not read, so no "1 file checked:
/// 0 errors" stands beside its `unreadable` error (exit 2), in ja and en.
#[test]
fn checklist_lint_of_a_workbook_does_not_count_it_as_checked() {
    let s = Setup::new();
    s.write("記入済み 2026.xlsx", &super::review11::merged_workbook());
    for (lang, not_said) in [("ja", "エラー0件"), ("en", "0 errors")] {
        let r = run(s
            .medsec(lang)
            .args(["checklist", "lint", "記入済み 2026.xlsx"]));
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains("[unreadable]"), "{lang}: {}", r.stderr);
        assert!(!r.stdout.contains(not_said), "{lang}: {}", r.stdout);
    }
}
