//! Issue #10, second review: dates, rounds, item names and errors in the reader's language,
//! as a user meets them at the command line.

use crate::common;
use common::*;

fn run(lang: &str, args: &[&str]) -> (String, String, Option<i32>) {
    let out = medsec()
        .args(["--lang", lang])
        .args(args)
        .output()
        .expect("medsec runs");
    (stdout_of(&out), stderr_of(&out), out.status.code())
}

#[test]
fn a_round_the_form_does_not_have_names_the_rounds_it_has() {
    let answers = fixture("answers/complete.toml");
    let answers = answers.to_str().unwrap_or_default();
    for args in [
        vec!["status", "--round", "3", answers],
        vec!["answer", "--round", "0", answers],
    ] {
        let (out, ja, code) = run("ja", &args);
        assert_eq!(code, Some(2), "{args:?}: {ja}");
        assert!(out.is_empty(), "{out}");
        assert!(ja.contains("1回目") && ja.contains("2回目"), "{ja}");
        let (_, en, code) = run("en", &args);
        assert_eq!(code, Some(2), "{en}");
        assert!(en.contains("round 1") && en.contains("round 2"), "{en}");
    }
}

#[test]
fn the_exported_sheet_prints_dates_as_the_form_does_and_reads_them_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = complete_answers_in(dir.path());
    for (lang, wareki) in [("ja", true), ("en", false)] {
        let csv = dir.path().join(format!("answers-{lang}.csv"));
        let out = with_fixtures()
            .args(["--lang", lang, "answer"])
            .arg(&src)
            .arg("--export")
            .arg(&csv)
            .output()
            .expect("medsec runs");
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let text = std::fs::read_to_string(&csv).expect("csv");
        assert_eq!(text.contains("(令和7年"), wareki, "{text}");
        assert!(text.contains("2025-"), "{text}");
        // The sheet imports back into a fresh file with the same dates.
        let fresh = dir.path().join(format!("fresh-{lang}.toml"));
        let first = std::fs::read_to_string(&src).expect("answers");
        let head: String = first
            .split("[[answers]]")
            .next()
            .unwrap_or_default()
            .to_owned();
        std::fs::write(&fresh, head).expect("write");
        let out = with_fixtures()
            .args(["--lang", lang, "answer"])
            .arg(&fresh)
            .arg("--import")
            .arg(&csv)
            .output()
            .expect("medsec runs");
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let back = std::fs::read_to_string(&fresh).expect("answers");
        assert!(back.contains("checked_on = 2025-"), "{back}");
    }
    // XLSX: real date cells, shown with 和暦 in Japanese.
    let xlsx = dir.path().join("answers.xlsx");
    with_fixtures()
        .args(["--lang", "ja", "answer"])
        .arg(&src)
        .arg("--export")
        .arg(&xlsx)
        .assert()
        .success();
    let bytes = std::fs::read(&xlsx).expect("xlsx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut styles = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/styles.xml").expect("styles"),
        &mut styles,
    )
    .expect("read");
    assert!(styles.contains("ggge"), "{styles}");
    let fresh = dir.path().join("fresh-xlsx.toml");
    let first = std::fs::read_to_string(&src).expect("answers");
    std::fs::write(
        &fresh,
        first.split("[[answers]]").next().unwrap_or_default(),
    )
    .expect("write");
    with_fixtures()
        .args(["--lang", "ja", "answer"])
        .arg(&fresh)
        .arg("--import")
        .arg(&xlsx)
        .assert()
        .success();
    let back = std::fs::read_to_string(&fresh).expect("answers");
    assert!(back.contains("checked_on = 2025-"), "{back}");
}

#[test]
fn an_unknown_checklist_points_at_where_the_file_names_it() {
    // Without --checklist: the fixture names test-institution, which is not bundled.
    let file = fixture("answers/complete.toml");
    let id_line = std::fs::read_to_string(&file)
        .expect("fixture")
        .lines()
        .position(|l| l.starts_with("id = "))
        .map(|i| i + 1)
        .expect("an id line");
    for (lang, add) in [("ja", "登録してください"), ("en", "register it")] {
        let (_, err, code) = run(lang, &["status", file.to_str().unwrap_or_default()]);
        assert_eq!(code, Some(2), "{err}");
        let line = err
            .lines()
            .find(|l| l.contains("[unknown-checklist]"))
            .unwrap_or_default();
        assert!(
            line.contains(&format!("complete.toml:{id_line}:6:")),
            "{line}"
        );
        for said in [
            "mhlw-institution",
            "`medsec checklist add FILE`",
            "`medsec checklist import`",
            add,
        ] {
            assert!(line.contains(said), "{said}: {line}");
        }
    }
}

#[test]
fn a_ledger_workbook_that_cannot_be_read_is_said_in_the_readers_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ledger = dir.path().join("ledger.xlsx");
    std::fs::write(&ledger, "not a workbook").expect("write");
    let config = dir.path().join("probes.toml");
    std::fs::write(
        &config,
        format!(
            "[[probe]]\nkind = \"asset-ledger\"\npath = '{}'\nhostname = \"sv01\"\n",
            ledger.display()
        ),
    )
    .expect("write");
    let config = config.to_str().unwrap_or_default();
    let args = ["probe", "--config", config, "--root", "/"];
    let (ja, _, _) = run("ja", &args);
    let ja = ja.replace(['│', '┆', '\n', ' '], "");
    assert!(ja.contains("XLSXファイルとして読めません"), "{ja}");
    // The table wraps where the path's length says (a Windows temporary folder is longer):
    // read the cells as one line of words.
    let (en, _, _) = run("en", &args);
    let en = en.replace(['│', '┆'], " ");
    let en = en.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(en.contains("cannot read it as an XLSX file"), "{en}");
    // The JSON records the reason language-free, the same whatever --lang.
    let json = |lang| {
        let (out, _, _) = run(
            lang,
            &[
                "probe", "--format", "json", "--config", config, "--root", "/",
            ],
        );
        out.lines()
            .filter(|l| {
                !["\"started\"", "\"finished\"", "\"time\"", "\"duration_ms\""]
                    .iter()
                    .any(|k| l.contains(k))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (ja, en) = (json("ja"), json("en"));
    assert!(ja.contains("\"not-zip\""), "{ja}");
    assert_eq!(ja, en);
}
