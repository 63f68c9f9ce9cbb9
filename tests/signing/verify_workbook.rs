//! verify with the workbook an inspector gives (`--checklist WORKBOOK.xlsx`): who the form
//! serves, where the workbook states it, and a gate question named at import (`--map gate=`)
//! that switched off items the workbook's own form asks for.

use super::common;
use super::verify_findings::{import_to, in_dir, message_of, official_like, verify_in};
use std::path::Path;

/// A workbook titled `title`, with the gate question (numbered 0) when `gate`, then items ①–③.
fn workbook(title: &str, gate: bool) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("R8").unwrap();
    let mut cells: Vec<(u32, u16, &str)> = vec![
        (0, 0, title),
        (2, 0, "番号"),
        (2, 1, "チェック項目"),
        (2, 2, "はい"),
        (2, 3, "いいえ"),
        (2, 4, "確認日"),
        (2, 5, "目標日"),
    ];
    if gate {
        cells.extend([
            (3, 0, "0"),
            (3, 1, "試験用の医療情報システムを運用している。"),
        ]);
    }
    cells.extend([
        (4, 0, "1"),
        (4, 1, "体制構築"),
        (5, 0, "①"),
        (5, 1, "二要素認証を実装している。"),
        (6, 0, "②"),
        (6, 1, "試験用の連絡体制を整えている。"),
        (7, 0, "③"),
        (7, 1, "試験用の責任者を設置している。"),
    ]);
    for (r, c, text) in cells {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// The ID of the item printed as `number` in the checklist file `text`.
fn id_of(text: &str, number: &str) -> String {
    let at = text
        .find(&format!("\nnumber = \"{number}\""))
        .unwrap_or_else(|| panic!("no {number}: {text}"));
    let id_at = text[..at].rfind("\nid = \"").unwrap() + "\nid = \"".len();
    let end = text[id_at..].find('"').unwrap();
    text[id_at..id_at + end].to_owned()
}

/// A report signed against `checklist` in `dir/NAME`, the item printed as `no` answered いいえ
/// (checked 2026-06-01), the others left as they are.
fn report_answering_no(dir: &Path, registry: &Path, checklist: &str, name: &str, no: Option<&str>) {
    let answers = format!("{name}.toml");
    let o = in_dir(dir, registry, "en")
        .args(["--checklist", checklist, "init", "--out", &answers])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr_of(&o));
    let mut text = std::fs::read_to_string(dir.join(&answers))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト診療所\"")
        .replace("code = \"\"", "code = \"0110113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"clinic\"");
    if let Some(number) = no {
        let id = id_of(
            &std::fs::read_to_string(dir.join(checklist)).unwrap(),
            number,
        );
        let entry = format!("item = \"{id}\"\nround = 1\nanswer = \"\"\nchecked_on = \"\"");
        assert!(text.contains(&entry), "{entry}: {text}");
        text = text.replace(
            &entry,
            &format!(
                "item = \"{id}\"\nround = 1\nanswer = \"いいえ\"\nchecked_on = \"2026-06-01\""
            ),
        );
    }
    std::fs::write(dir.join(&answers), text).unwrap();
    let o = in_dir(dir, registry, "en")
        .args(["--checklist", checklist, "report", "--answers", &answers])
        .args(["--out", name, "--sign", "k.key"])
        .output()
        .unwrap();
    assert!(
        dir.join(name).join("report.json").is_file(),
        "{}",
        common::stderr_of(&o)
    );
}

/// A hand edit of `serves` in an imported official checklist is another form than the official
/// workbook's (whose registry entry states who it serves): exit 3, said in ja and en. An own
/// workbook's title that names 医療機関 states it too; one that names no kind states nothing,
/// and `serves` is then not compared (docs/signing.md).
#[test]
fn a_hand_edited_serves_is_not_the_workbooks_form() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (workbook, registry) = official_like(w);
    import_to(w, &registry, "009999997.xlsx", "OFF.toml", &[]);
    let genuine = std::fs::read_to_string(w.join("OFF.toml")).unwrap();
    let all = "serves = [\"hospital\", \"clinic\", \"pharmacy\"]";
    assert!(genuine.contains(all), "{genuine}");
    std::fs::write(
        w.join("SERVES.toml"),
        genuine.replace(all, "serves = [\"clinic\"]"),
    )
    .unwrap();
    report_answering_no(w, &registry, "SERVES.toml", "b-serves", None);
    let workbook = workbook.to_str().unwrap();
    let (code, found, out) = verify_in(
        w,
        &registry,
        "en",
        &["verify", "b-serves", "--checklist", workbook],
    );
    assert_eq!(code, 3, "{found:?}");
    let message = message_of(&out, "checklist-not-inspectors");
    assert!(
        message.contains("who the form serves differs (clinic in the carried checklist")
            && message.contains("hospital, clinic, pharmacy as the workbook states it"),
        "{message}"
    );
    let (code, _, out) = verify_in(
        w,
        &registry,
        "ja",
        &["verify", "b-serves", "--checklist", workbook],
    );
    assert_eq!(code, 3);
    let message = message_of(&out, "checklist-not-inspectors");
    assert!(
        message.contains("様式の対象(報告書一式のもの: 診療所"),
        "{message}"
    );

    // An own workbook whose title names 医療機関: hospitals and clinics, stated.
    std::fs::write(
        w.join("own.xlsx"),
        workbook_titled("医療機関におけるチェックリスト(令和8年度版)"),
    )
    .unwrap();
    import_to(w, &registry, "own.xlsx", "own.toml", &[]);
    let own = std::fs::read_to_string(w.join("own.toml")).unwrap();
    let stated = "serves = [\"hospital\", \"clinic\"]";
    assert!(own.contains(stated), "{own}");
    std::fs::write(
        w.join("own-edited.toml"),
        own.replace(stated, "serves = [\"hospital\", \"clinic\", \"pharmacy\"]"),
    )
    .unwrap();
    report_answering_no(w, &registry, "own-edited.toml", "b-own", None);
    let (code, found, out) = verify_in(
        w,
        &registry,
        "en",
        &["verify", "b-own", "--checklist", "own.xlsx"],
    );
    assert_eq!(code, 3, "{found:?}");
    assert!(message_of(&out, "checklist-not-inspectors").contains("who the form serves"));

    // A title that names no kind states nothing: an import's guess is not compared.
    std::fs::write(
        w.join("group.xlsx"),
        workbook_titled("試験用グループのチェックリスト(令和8年度版)"),
    )
    .unwrap();
    import_to(w, &registry, "group.xlsx", "group.toml", &[]);
    let group = std::fs::read_to_string(w.join("group.toml")).unwrap();
    std::fs::write(
        w.join("group-edited.toml"),
        group.replace(stated, "serves = [\"clinic\"]"),
    )
    .unwrap();
    report_answering_no(w, &registry, "group-edited.toml", "b-group", None);
    let (code, found, _) = verify_in(
        w,
        &registry,
        "en",
        &["verify", "b-group", "--checklist", "group.xlsx"],
    );
    assert!(code <= 1, "{found:?}");
    assert!(
        !found.iter().any(|(c, _)| c == "checklist-not-inspectors"),
        "{found:?}"
    );
}

fn workbook_titled(title: &str) -> Vec<u8> {
    workbook(title, false)
}

/// A gate question that is not the one the workbook gives by itself (moved by hand: a
/// `--map gate=` elsewhere on such a workbook leaves its own gate row out, which is another
/// text), answered いいえ, switched off items the official form asks for: a finding (exit 1),
/// in ja and en. Answered はい, nothing was switched off: a note. A workbook that shows no gate
/// by itself keeps the note even when the named gate is answered いいえ.
#[test]
fn a_gate_named_at_import_that_switched_items_off_is_a_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (official, registry) = official_like(w);
    std::fs::write(
        w.join("gate.xlsx"),
        workbook("試験用チェックリスト(令和8年度版)", true),
    )
    .unwrap();
    import_to(w, &registry, "gate.xlsx", "read.toml", &[]);
    let read = std::fs::read_to_string(w.join("read.toml")).unwrap();
    assert_eq!(read.matches("gate = true").count(), 1, "{read}");
    // `--map gate=` elsewhere on this workbook leaves its own gate row out (another text,
    // exit 3); the gate moved by hand keeps the wording.
    let first = "number = \"①\"\nsection = \"1\"\nrequirement = \"required\"\n";
    assert!(read.contains(first), "{read}");
    let named = read
        .replacen("gate = true\n", "", 1)
        .replace(first, &format!("{first}gate = true\n"));
    std::fs::write(w.join("named.toml"), named).unwrap();
    report_answering_no(w, &registry, "named.toml", "b-no", Some("①"));
    report_answering_no(w, &registry, "named.toml", "b-open", None);

    for (lang, want) in [
        ("en", "which switched off the other items"),
        (
            "ja",
            "「① 二要素認証を実装している」を前提の質問(医療情報システムの有無)とし",
        ),
    ] {
        let (code, found, out) = verify_in(
            w,
            &registry,
            lang,
            &["verify", "b-no", "--checklist", "gate.xlsx"],
        );
        assert_eq!(code, 1, "{found:?} {out}");
        assert!(
            found.contains(&("checklist-gate-not-workbooks".into(), "finding".into())),
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|(c, _)| c == "checklist-gate-named-at-import"),
            "{found:?}"
        );
        let message = message_of(&out, "checklist-gate-not-workbooks");
        assert!(message.contains(want), "{message}");
    }
    let (_, found, _) = verify_in(
        w,
        &registry,
        "en",
        &["verify", "b-open", "--checklist", "gate.xlsx"],
    );
    assert!(
        found.contains(&("checklist-gate-named-at-import".into(), "note".into()))
            && !found
                .iter()
                .any(|(c, _)| c == "checklist-gate-not-workbooks"),
        "{found:?}"
    );

    // The official-like workbook shows no gate by itself: naming one is the note, even
    // answered いいえ.
    import_to(
        w,
        &registry,
        "009999997.xlsx",
        "off-gate.toml",
        &["--map", "gate=5"],
    );
    report_answering_no(w, &registry, "off-gate.toml", "b-off", Some("①"));
    let (_, found, _) = verify_in(
        w,
        &registry,
        "en",
        &["verify", "b-off", "--checklist", official.to_str().unwrap()],
    );
    assert!(
        found.contains(&("checklist-gate-named-at-import".into(), "note".into()))
            && !found
                .iter()
                .any(|(c, _)| c == "checklist-gate-not-workbooks"),
        "{found:?}"
    );
}
