//! What the last re-review of #11/#12 left in verify, summarize and status: a workbook given
//! that matched or is of another form is said; a report answered on another checklist text is
//! not called a signature or integrity failure; one section heading that differs is singular;
//! the summary shows the notes an inspector must see; `status BUNDLE` gives no edition advice.

use super::common;
use super::verify_findings::{
    forged_report, import_to, in_dir, message_of, official_like, report_against, verify_in,
};
use serde_json::Value;
use std::path::Path;

/// A workbook titled `title` with two sections (1 and 2) of two items each.
pub(super) fn two_sections(title: &str) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("R8").unwrap();
    for (r, c, text) in [
        (0, 0, title),
        (2, 0, "番号"),
        (2, 1, "チェック項目"),
        (2, 2, "はい"),
        (2, 3, "いいえ"),
        (2, 4, "確認日"),
        (2, 5, "目標日"),
        (3, 0, "1"),
        (3, 1, "試験用の体制"),
        (4, 0, "①"),
        (4, 1, "試験用の責任者を置いている。"),
        (5, 0, "②"),
        (5, 1, "試験用の連絡体制を整えている。"),
        (6, 0, "2"),
        (6, 1, "試験用のシステム管理"),
        (7, 0, "①"),
        (7, 1, "試験用の台帳を作っている。"),
        (8, 0, "②"),
        (8, 1, "試験用の権限を見直している。"),
    ] {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// An institution's own workbook (not an official file) imported as `own.toml`, and a report
/// signed against it in `b-own`.
fn own_workbook_bundle(w: &Path, registry: &Path) {
    std::fs::write(
        w.join("own.xlsx"),
        two_sections("試験用グループのチェックリスト(令和8年度版)"),
    )
    .unwrap();
    import_to(w, registry, "own.xlsx", "own.toml", &[]);
    report_against(w, registry, "own.toml", "b-own");
}

/// 2: the workbook given matched: one line says it was compared and agrees (ja and en); a
/// workbook of another form (事業者確認用 for an institution's report) is a warning naming both
/// forms, exit unchanged by it.
#[test]
fn a_workbook_given_is_said_whether_it_matched_or_is_of_another_form() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (_, registry) = official_like(w);
    own_workbook_bundle(w, &registry);
    for (lang, want) in [
        (
            "en",
            "was compared with the workbook you gave (`own.xlsx`) and agrees",
        ),
        ("ja", "ブック(`own.xlsx`)と照らし合わせ、一致しました。"),
    ] {
        let (code, found, out) = verify_in(
            w,
            &registry,
            lang,
            &["verify", "b-own", "--checklist", "own.xlsx"],
        );
        assert!(code <= 1, "{found:?}");
        assert!(
            found.contains(&("checklist-workbook-matched".into(), "note".into())),
            "{found:?}"
        );
        let message = message_of(&out, "checklist-workbook-matched");
        assert!(message.contains(want), "{message}");
        assert!(
            !found
                .iter()
                .any(|(c, _)| c == "checklist-workbook-other-form"),
            "{found:?}"
        );
    }
    // Without the workbook: nothing was compared, nothing said of it.
    let (without, found, _) = verify_in(w, &registry, "en", &["verify", "b-own"]);
    assert!(
        !found.iter().any(|(c, _)| c == "checklist-workbook-matched"),
        "{found:?}"
    );

    // The vendor form's workbook given for an institution's report.
    std::fs::write(
        w.join("vendor.xlsx"),
        two_sections("試験用チェックリスト(令和8年度版)事業者確認用"),
    )
    .unwrap();
    for (lang, wants) in [
        (
            "en",
            [
                "the workbook you gave (`vendor.xlsx`) is for another form than the report's: the workbook's form is vendor (FY2026), and the report answered `own-institution@fy2026`, whose form is institution (FY2026)",
                "Nothing was compared with it",
            ],
        ),
        (
            "ja",
            [
                "指定されたブック(`vendor.xlsx`)は令和8年度(FY2026)の事業者確認用の様式",
                "何も照らし合わせていません。",
            ],
        ),
    ] {
        let (code, found, out) = verify_in(
            w,
            &registry,
            lang,
            &[
                "verify",
                "b-own",
                "--checklist",
                "vendor.xlsx",
                "--checklist",
                "own.toml",
            ],
        );
        assert_eq!(code, without, "{found:?}");
        assert!(
            found.contains(&("checklist-workbook-other-form".into(), "warning".into())),
            "{found:?}"
        );
        let message = message_of(&out, "checklist-workbook-other-form");
        for want in wants {
            assert!(message.contains(want), "{lang}: {message}");
        }
        assert!(message.contains("@fy2026"), "{message}");
    }
}

/// 3: a report answered on another text than the inspector's: the note that its content is not
/// shown names the checklist finding, never a failed integrity or signature check.
#[test]
fn content_untrusted_after_a_checklist_mismatch_names_the_checklist() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let registry = forged_report(w, "forged");
    for (lang, want, wrong) in [
        (
            "en",
            "the report was answered on a checklist that could not be used here (`checklist-not-inspectors`, above)",
            "integrity or signature",
        ),
        (
            "ja",
            "報告書が回答したチェックリストをここでは使えないため(上記の`checklist-not-inspectors`)",
            "完全性または署名",
        ),
    ] {
        for given in ["OFF.toml", "009999997.xlsx"] {
            let (code, found, out) = verify_in(
                w,
                &registry,
                lang,
                &["verify", "forged", "--checklist", given],
            );
            assert_eq!(code, 3, "{found:?}");
            let message = message_of(&out, "content-untrusted");
            assert!(message.contains(want), "{lang} {given}: {message}");
            assert!(!out.contains(wrong), "{lang} {given}: {out}");
            // The signature verified: its time is not marked unverified (second review).
            for mark in ["(未検証)", "(unverified)"] {
                assert!(!out.contains(mark), "{lang} {given}: {out}");
            }
        }
    }
    // A changed file is still said to be one.
    let report = w.join("forged/report.json");
    let mut bytes = std::fs::read(&report).unwrap();
    bytes.push(b'\n');
    std::fs::write(&report, bytes).unwrap();
    let (code, _, out) = verify_in(w, &registry, "en", &["verify", "forged"]);
    assert_eq!(code, 3);
    assert!(
        message_of(&out, "content-untrusted").contains("integrity or signature"),
        "{out}"
    );
}

/// 4: one section heading that differs is said in the singular, several in the plural (en);
/// ja says one 区分 or each of several.
#[test]
fn section_headings_that_differ_are_counted_in_the_sentence() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (_, registry) = official_like(w);
    std::fs::write(
        w.join("own.xlsx"),
        two_sections("試験用グループのチェックリスト(令和8年度版)"),
    )
    .unwrap();
    import_to(w, &registry, "own.xlsx", "own.toml", &[]);
    let own = std::fs::read_to_string(w.join("own.toml")).unwrap();
    let one = own.replace("試験用の体制", "試験用の別の体制");
    let both = one.replace("試験用のシステム管理", "試験用の別のシステム管理");
    assert!(one != own && both != one, "{own}");
    std::fs::write(w.join("one.toml"), one).unwrap();
    std::fs::write(w.join("both.toml"), both).unwrap();
    report_against(w, &registry, "one.toml", "b-one");
    report_against(w, &registry, "both.toml", "b-both");
    for (bundle, lang, want) in [
        ("b-one", "en", "the heading of section 1 differs"),
        ("b-both", "en", "the headings of sections 1, 2 differ"),
        ("b-one", "ja", "節1の見出しが異なります"),
        ("b-both", "ja", "節1、2の各見出しが異なります"),
    ] {
        let (code, found, out) = verify_in(
            w,
            &registry,
            lang,
            &["verify", bundle, "--checklist", "own.xlsx"],
        );
        assert_eq!(code, 3, "{found:?}");
        let message = message_of(&out, "checklist-not-inspectors");
        assert!(message.contains(want), "{bundle} {lang}: {message}");
        assert!(!message.contains("sections 1 differ"), "{message}");
    }
}

/// 1: a bundle whose checklist is not an official form (the note `checklist-not-official`,
/// exit 0 by itself) is marked in every format of the summary, in ja and en.
#[test]
fn the_summary_shows_a_checklist_that_is_not_official() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (_, registry) = official_like(w);
    own_workbook_bundle(w, &registry);
    let summarize = |lang: &str, format: &str| {
        let o = in_dir(w, &registry, lang)
            .args(["summarize", "b-own", "--pubkey", "k.pub"])
            .args(["--as-of", "2026-07-01", "--format", format])
            .output()
            .unwrap();
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{}",
            common::stderr_of(&o)
        );
        o
    };
    // In the table, words an inspector reads (the code stays in CSV, XLSX and JSON).
    for (lang, want) in [
        (
            "en",
            "note: the checklist is not the official form (items unverified)",
        ),
        ("ja", "注記: 公式の様式ではないチェックリスト(項目は未確認)"),
    ] {
        let table = common::stdout_of(&summarize(lang, "table"));
        // Cells wrap at the terminal's width: compared with the borders and breaks taken out.
        let flat: String = table
            .lines()
            .flat_map(|l| l.split(['│', '┆']).map(str::trim))
            .collect();
        assert!(flat.contains(want), "{lang}: {table}");
        assert!(!table.contains("checklist-not-official"), "{lang}: {table}");
    }
    let json: Value = serde_json::from_slice(&summarize("en", "json").stdout).unwrap();
    assert_eq!(
        json["bundles"][0]["notes"],
        serde_json::json!(["checklist-not-official"]),
        "{json}"
    );
    for (lang, header) in [("en", "\"notes\""), ("ja", "\"注記\"")] {
        let csv = common::stdout_of(&summarize(lang, "csv"));
        let mut lines = csv.lines();
        let head = lines.next().unwrap();
        assert!(head.ends_with(header), "{head}");
        let row = lines.next().unwrap();
        assert!(row.ends_with("\"checklist-not-official\""), "{row}");
    }
    // XLSX: the last column, read back.
    let o = in_dir(w, &registry, "ja")
        .args(["summarize", "b-own", "--pubkey", "k.pub"])
        .args(["--as-of", "2026-07-01", "--out", "s.xlsx"])
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)));
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(w.join("s.xlsx")).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let width = range.width();
    assert_eq!(
        range
            .get((0, width - 1))
            .map(ToString::to_string)
            .as_deref(),
        Some("注記")
    );
    assert_eq!(
        range
            .get((1, width - 1))
            .map(ToString::to_string)
            .as_deref(),
        Some("checklist-not-official")
    );

    // A bundle on the official form's confirmed wording shows no note.
    import_to(w, &registry, "009999997.xlsx", "OFF.toml", &[]);
    report_against(w, &registry, "OFF.toml", "b-off");
    let o = in_dir(w, &registry, "en")
        .args(["--checklist", "009999997.xlsx"])
        .args(["summarize", "b-off", "--pubkey", "k.pub"])
        .args(["--as-of", "2026-07-01", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(json["bundles"][0].get("notes").is_none(), "{json}");
}

/// 5: the inspector's `status BUNDLE` (or its report.json) gives no advice about which edition
/// to fill in; `status` of the answers file still does.
#[test]
fn status_of_a_bundle_gives_no_edition_advice() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (_, registry) = official_like(w);
    report_against(w, &registry, "mhlw-institution@fy2025", "old");
    let status = |lang: &str, what: &str| {
        let o = in_dir(w, &registry, lang)
            .args(["status", what, "--as-of", "2026-07-01"])
            .output()
            .unwrap();
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{what}: {}",
            common::stderr_of(&o)
        );
        assert!(!common::stdout_of(&o).is_empty());
        common::stderr_of(&o)
    };
    for lang in ["en", "ja"] {
        // The answers file: the clinic is told this year's form is to be imported.
        let clinic = status(lang, "old.toml");
        assert!(clinic.contains("checklist import"), "{lang}: {clinic}");
        for bundle in ["old", "old/report.json"] {
            let inspector = status(lang, bundle);
            assert!(
                !inspector.contains("checklist import") && !inspector.contains("checklist add"),
                "{lang} {bundle}: {inspector}"
            );
        }
    }
}

/// Neighbour of 3: `render` refuses a bundle answered on another checklist text naming the
/// checklist (never a failed integrity or signature check); `render` and `status` refuse a
/// bundle they could not read in full by saying so.
#[test]
fn refusals_name_their_real_cause() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let registry = forged_report(w, "forged");
    for (lang, want, wrong) in [
        (
            "en",
            "the report was answered on a checklist that could not be used here (`checklist-not-inspectors`)",
            "integrity or signature",
        ),
        (
            "ja",
            "報告書が回答したチェックリストをここでは使えないため(`checklist-not-inspectors`)",
            "完全性または署名",
        ),
    ] {
        let o = in_dir(w, &registry, lang)
            .args(["--checklist", "OFF.toml", "render", "forged"])
            .args(["--pubkey", "k.pub", "--format", "md", "--as-of", "2026-07-01"])
            .output()
            .unwrap();
        let err = common::stderr_of(&o);
        assert_eq!(o.status.code(), Some(3), "{err}");
        assert!(err.contains(want), "{lang}: {err}");
        assert!(!err.contains(wrong), "{lang}: {err}");
        // verify names the inspector's checklist file as a code span, as every path (fix12h).
        let o = in_dir(w, &registry, lang)
            .args(["--checklist", "OFF.toml", "verify", "forged"])
            .args(["--pubkey", "k.pub", "--as-of", "2026-07-01"])
            .output()
            .unwrap();
        let out = common::stdout_of(&o);
        let yours = if lang == "ja" {
            "(`OFF.toml`、"
        } else {
            "(`OFF.toml`, "
        };
        assert!(out.contains("checklist-not-inspectors"), "{lang}: {out}");
        assert!(out.contains(yours), "{lang}: {out}");
    }

    // A report.json over the size limit (sparse): not read, so not called tampered.
    report_against(w, &registry, "OFF.toml", "large");
    std::fs::OpenOptions::new()
        .write(true)
        .open(w.join("large/report.json"))
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    for (lang, want, wrong) in [
        ("en", "part of the bundle could not be read", "integrity"),
        ("ja", "報告書一式の一部を読み取れませんでした", "完全性"),
    ] {
        for args in [
            vec!["status", "large"],
            vec!["render", "large", "--pubkey", "k.pub", "--format", "md"],
        ] {
            let o = in_dir(w, &registry, lang).args(&args).output().unwrap();
            let err = common::stderr_of(&o);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(want), "{lang} {args:?}: {err}");
            let first = err.lines().next().unwrap_or_default();
            assert!(!first.contains(wrong), "{lang} {args:?}: {err}");
        }
    }
}

/// Neighbour of 2: a workbook of the report's form and edition, given for a report answered on
/// a checklist bundled into medsec (nothing carried to compare it with), is said not compared.
#[test]
fn a_workbook_for_a_bundled_checklist_is_said_not_compared() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (_, registry) = official_like(w);
    report_against(w, &registry, "mhlw-institution@fy2025", "old");
    std::fs::write(
        w.join("r7.xlsx"),
        two_sections("試験用チェックリスト(令和7年度版)"),
    )
    .unwrap();
    let (without, _, _) = verify_in(w, &registry, "en", &["verify", "old"]);
    for (lang, want) in [
        (
            "en",
            "the workbook you gave (`r7.xlsx`) was not compared with the report: it was answered on `mhlw-institution@fy2025` as bundled into medsec",
        ),
        (
            "ja",
            "指定されたブック(`r7.xlsx`)とは照らし合わせていません。報告書はmedsecに組み込まれた`mhlw-institution@fy2025`に回答しており",
        ),
    ] {
        let (code, found, out) = verify_in(
            w,
            &registry,
            lang,
            &["verify", "old", "--checklist", "r7.xlsx"],
        );
        assert_eq!(code, without, "{found:?}");
        assert!(
            found.contains(&("checklist-workbook-not-compared".into(), "note".into())),
            "{found:?}"
        );
        assert!(
            message_of(&out, "checklist-workbook-not-compared").contains(want),
            "{out}"
        );
        assert!(
            !found.iter().any(|(c, _)| c == "checklist-workbook-other-form"),
            "{found:?}"
        );
    }
}
