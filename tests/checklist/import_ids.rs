//! `checklist import --ids-from`: a workbook of a new edition takes the stable IDs of last
//! year's checklist where its items are the same, so `init --from` carries last year's answers.
//!
//! TEST DATA: the workbook built here is not the FY2026 form (its wording was not seen). Some
//! rows copy FY2025 bundled wording verbatim (or with other widths and line breaks), the rest
//! are made-up test wording marked 試験用; nothing here is shipped as checklist text.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};

/// A test workbook laid out like a checklist of 令和8年度: title, one header row with a
/// 目標日 column that names the fiscal year, section rows merged across, numbers inline.
fn test_workbook() -> Vec<u8> {
    let rows: [(u32, &str); 8] = [
        // FY2025 1-① verbatim.
        (4, "① 医療情報システム安全管理責任者を設置している。"),
        // FY2025 1-② is a placeholder topic label: the same number, other (test) wording.
        (5, "② 試験用の運用管理規程の項目です。"),
        // FY2025 2-① with a line break inside the cell.
        (
            7,
            "① サーバ、端末PC、ネットワーク機器の台帳管理を\n行っている。(医療情報システム全般)",
        ),
        // FY2025 2-④, one row per device kind, verbatim.
        (
            8,
            "④ 利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。(サーバ)",
        ),
        (
            9,
            "④ 利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。(端末PC)",
        ),
        // FY2025 2-⑥ reworded (test wording).
        (
            10,
            "⑥ 試験用に言い換えたセキュリティパッチの項目です。(医療情報システム全般)",
        ),
        // FY2025 2-⑧ verbatim but in full-width letters and a full-width space.
        (
            11,
            "⑧　パスワードの使い回しを禁止している。（医療情報システム全般）",
        ),
        // New in the test edition.
        (12, "㉑ 試験用の新しい項目です。(医療情報システム全般)"),
    ];
    super::workbooks::institution_workbook("目標日（令和8年度中）", &rows)
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A folder with the test workbook and a test-only registry entry that makes it "official"
/// (so it is imported as `mhlw-institution@fy2026`, as the real workbook would be).
struct Setup {
    dir: tempfile::TempDir,
    workbook: PathBuf,
    registry: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let bytes = test_workbook();
    let registry = dir.path().join("official-test.toml");
    std::fs::write(
        &registry,
        format!(
            "[[workbook]]\nfile = \"009999998.xlsx\"\nbytes = {}\nsha256 = \"{}\"\npublisher = \"mhlw\"\nedition = \"fy2026\"\nform = \"institution\"\nform_ja = \"医療機関・薬局確認用\"\nserves = [\"hospital\", \"clinic\", \"pharmacy\"]\nguideline_version = \"7.0\"\npublished = \"2026-06\"\ntitle_ja = \"試験用の公式チェックリスト\"\nsource_url = \"https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html\"\n",
            bytes.len(),
            sha256_hex(&bytes)
        ),
    )
    .unwrap();
    let workbook = dir.path().join("009999998.xlsx");
    std::fs::write(&workbook, &bytes).unwrap();
    Setup {
        dir,
        workbook,
        registry,
    }
}

fn medsec_in(s: &Setup, lang: &str) -> assert_cmd::Command {
    let mut cmd = medsec();
    cmd.env("MEDSEC_DATA_DIR", s.dir.path())
        .env("MEDSEC_TEST_OFFICIAL_WORKBOOKS", &s.registry)
        .args(["--lang", lang]);
    cmd
}

fn import(s: &Setup, lang: &str, out: &Path) -> Run {
    run(medsec_in(s, lang)
        .args(["checklist", "import"])
        .arg(&s.workbook)
        .args(["--ids-from", "mhlw-institution@fy2025", "--out"])
        .arg(out))
}

/// The `[[items]]` of a checklist file: (id, number, replaces line if any).
fn ids_of(toml: &str) -> Vec<(String, String, Option<String>)> {
    let mut out = Vec::new();
    for block in toml.split("[[items]]").skip(1) {
        let field = |key: &str| {
            block
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{key} = ")))
                .map(|v| v.trim_matches('"').to_owned())
        };
        out.push((
            field("id").unwrap(),
            field("number").unwrap(),
            field("replaces"),
        ));
    }
    out
}

#[test]
fn matching_items_take_last_years_ids_and_reworded_ones_replace_them() {
    let s = setup();
    let out = s.dir.path().join("fy2026.toml");
    let r = import(&s, "en", &out);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let toml = std::fs::read_to_string(&out).unwrap();
    let s1 = |id: &str, number: &str, replaces: Option<&str>| {
        (
            id.to_owned(),
            number.to_owned(),
            replaces.map(|r| format!("[\"{r}\"]")),
        )
    };
    assert_eq!(
        ids_of(&toml),
        vec![
            s1("security-manager", "1-①", None),
            s1("s1-02", "1-②", Some("operating-rules")),
            s1("asset-ledger", "2-①", None),
            s1("access-rights-server", "2-④", None),
            s1("access-rights-terminal", "2-④", None),
            s1("s2-06", "2-⑥", Some("security-patches")),
            s1("password-reuse", "2-⑧", None),
            s1("s2-21", "2-㉑", None),
        ],
        "{toml}"
    );
    assert!(
        toml.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("# --ids-from mhlw-institution@fy2025 sha256:")),
        "{toml}"
    );
    // The summary, items named by number and short title.
    assert!(
        r.stderr.contains(
            "`--ids-from mhlw-institution@fy2025`: 5 items with the same wording and scope took their IDs of the earlier edition; reworded: 2, new: 1, earlier items not found in this workbook: "
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("2-⑥ 試験用に言い換えた… (was: 2-⑥ Security patches)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("new (no earlier item"), "{}", r.stderr);
    assert!(
        r.stderr.contains("2-㉑ 試験用の新しい項目です"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("items of mhlw-institution@fy2025 not found")
            && r.stderr.contains("2-⑤ (servers) Unneeded accounts"),
        "{}",
        r.stderr
    );
    // The file is a valid checklist (replaces names no item of its own).
    let lint = run(medsec().args(["checklist", "lint"]).arg(&out));
    assert!(lint.stdout.contains(" 0 errors"), "{}", lint.stdout);

    // Japanese summary; the same bytes in any language and folder.
    let other = s.dir.path().join("again");
    std::fs::create_dir_all(&other).unwrap();
    let out2 = other.join("fy2026.toml");
    let r = import(&s, "ja", &out2);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("文言と対象が同じ5項目は、前の版のIDを引き継ぎました。文言が変わった項目は2件、新しい項目は1件、前の版にあってこのブックに見つからない項目は15件です。"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("2-⑥ 試験用に言い換えた…(前: 2-⑥ セキュリティパッチ)"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&out2).unwrap());
}

/// Last year's answers: はい on most, いいえ with a FY2025 目標日 on one that carries over.
fn last_years_answers(dir: &Path) -> PathBuf {
    let answers = |item: &str, answer: &str, target: &str| {
        format!(
            "\n[[answers]]\nitem = \"{item}\"\nround = 1\nanswer = \"{answer}\"\nchecked_on = 2025-06-02\ntarget_date = \"{target}\"\n"
        )
    };
    let mut text = String::from(
        "format_version = 1\n\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2025\"\n\n[institution]\nname = \"試験用クリニック\"\ncode = \"1310123458\"\nprefecture = \"東京都\"\nkind = \"clinic\"\n",
    );
    for (item, answer, target) in [
        ("security-manager", "はい", ""),
        ("operating-rules", "はい", ""),
        ("asset-ledger", "はい", ""),
        ("access-rights-server", "はい", ""),
        ("security-patches", "はい", ""),
        ("unused-accounts-server", "はい", ""),
    ] {
        text.push_str(&answers(item, answer, target));
    }
    text.push_str(
        "\n[[answers]]\nitem = \"password-reuse\"\nround = 1\nanswer = \"いいえ\"\nchecked_on = 2025-06-02\ntarget_date = 2025-12-01\n",
    );
    let path = dir.join("answers-fy2025.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The `[[answers]]` block of `item` in an answers file.
fn block<'a>(text: &'a str, item: &str) -> &'a str {
    let at = text
        .find(&format!("item = \"{item}\""))
        .unwrap_or_else(|| panic!("{item} in {text}"));
    let rest = &text[at..];
    &rest[..rest.find("[[answers]]").unwrap_or(rest.len())]
}

#[test]
fn init_from_carries_answers_into_the_imported_edition_with_review_marks() {
    let s = setup();
    let checklist = s.dir.path().join("fy2026.toml");
    let r = import(&s, "en", &checklist);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let last = last_years_answers(s.dir.path());
    let answers = s.dir.path().join("answers-fy2026.toml");
    let r = run(medsec_in(&s, "en")
        .arg("--checklist")
        .arg(&checklist)
        .args(["init", "--from"])
        .arg(&last)
        .arg("--out")
        .arg(&answers));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let text = std::fs::read_to_string(&answers).unwrap();
    assert!(text.contains("edition = \"fy2026\""), "{text}");
    // The same item: carried, no review mark.
    let b = block(&text, "security-manager");
    assert!(b.contains("carried_from = \"fy2025\""), "{b}");
    assert!(b.contains("はい") && !b.contains("review"), "{b}");
    let b = block(&text, "access-rights-server");
    assert!(b.contains("carried_from") && !b.contains("review"), "{b}");
    // Reworded: carried through `replaces`, marked for review.
    let b = block(&text, "s2-06");
    assert!(b.contains("carried_from = \"fy2025\""), "{b}");
    assert!(b.contains("review = \"reworded\""), "{b}");
    // New: nothing carried.
    let b = block(&text, "s2-21");
    assert!(
        !b.contains("carried_from") && b.contains("review = \"new\""),
        "{b}"
    );
    // Last year's いいえ is carried without its FY2025 目標日.
    let b = block(&text, "password-reuse");
    assert!(b.contains("いいえ") && b.contains("carried_from"), "{b}");
    assert!(!b.contains("2025-12-01"), "{b}");

    // status: the carried answers, the review marks, and the いいえ without a target in FY2026.
    let status = |lang: &str, answers: &Path, json: bool| {
        let mut cmd = medsec_in(&s, lang);
        cmd.arg("--checklist")
            .arg(&checklist)
            .args(["status", "--as-of", "2026-07-01"]);
        if json {
            cmd.args(["--format", "json"]);
        }
        run(cmd.arg(answers))
    };
    let r = status("en", &answers, true);
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let findings: Vec<(String, String)> = json["forms"]
        .as_array()
        .unwrap_or_else(|| panic!("{json}"))
        .iter()
        .flat_map(|f| f["findings"].as_array().cloned().unwrap_or_default())
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["item"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let has = |code: &str, item: &str| findings.iter().any(|(c, i)| c == code && i == item);
    assert!(has("needs-review", "s2-06"), "{findings:?}");
    assert!(has("needs-review", "s2-21"), "{findings:?}");
    assert!(
        has("carried-forward-unconfirmed", "security-manager"),
        "{findings:?}"
    );
    assert!(has("missing-target-date", "password-reuse"), "{findings:?}");
    assert!(!has("needs-review", "security-manager"), "{findings:?}");

    // Human status in both languages names the items by number.
    let en = status("en", &answers, false);
    assert!(
        en.stdout.contains("2-⑥") || en.stderr.contains("2-⑥"),
        "{}",
        en.stdout
    );
    assert!(
        format!("{}{}", en.stdout, en.stderr).contains("reworded"),
        "{}{}",
        en.stdout,
        en.stderr
    );
    let ja = status("ja", &answers, false);
    let ja_all = format!("{}{}", ja.stdout, ja.stderr);
    assert!(ja_all.contains("昨年度から文言が変わった項目"), "{ja_all}");
    assert!(ja_all.contains("2-⑥"), "{ja_all}");

    // Last year's target date written back is outside FY2026: flagged, not kept as valid.
    let old_target = text.replacen(
        &block(&text, "password-reuse").to_owned(),
        &block(&text, "password-reuse").replace("target_date = \"\"", "target_date = 2025-12-01"),
        1,
    );
    assert!(old_target.contains("2025-12-01"), "{old_target}");
    let edited = s.dir.path().join("edited.toml");
    std::fs::write(&edited, old_target).unwrap();
    let r = status("en", &edited, true);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        r.stdout.contains("target-date-outside-fiscal-year"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("\"missing-target-date\""),
        "{}",
        r.stdout
    );
}

#[test]
fn ids_from_a_checklist_file_and_an_unknown_one() {
    let s = setup();
    let first = s.dir.path().join("first.toml");
    assert_eq!(import(&s, "en", &first).code, Some(0));
    // The imported file as --ids-from: every item is the same, the bytes keep the IDs.
    let again = s.dir.path().join("again.toml");
    let r = run(medsec_in(&s, "en")
        .args(["checklist", "import"])
        .arg(&s.workbook)
        .arg("--ids-from")
        .arg(&first)
        .arg("--out")
        .arg(&again));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("8 items with the same wording and scope")
            && r.stderr
                .contains("reworded: 0, new: 0, earlier items not found in this workbook: 0"),
        "{}",
        r.stderr
    );
    let ids = |p: &Path| {
        ids_of(&std::fs::read_to_string(p).unwrap())
            .into_iter()
            .map(|(id, _, _)| id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&first), ids(&again));
    assert!(!std::fs::read_to_string(&again)
        .unwrap()
        .contains("replaces ="));

    // An unknown checklist: exit 2, nothing written, in the user's language.
    let none = s.dir.path().join("none.toml");
    for lang in ["en", "ja"] {
        let r = run(medsec_in(&s, lang)
            .args(["checklist", "import"])
            .arg(&s.workbook)
            .args(["--ids-from", "mhlw-institution@fy2019", "--out"])
            .arg(&none));
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains("`fy2019`"), "{}", r.stderr);
        assert_eq!(lang == "ja", r.stderr.contains("ある版"), "{}", r.stderr);
        assert!(!none.exists());
    }
}

#[test]
fn ids_do_not_carry_between_the_vendor_form_and_the_institutions() {
    let s = setup();
    let out = s.dir.path().join("vendor.toml");
    for (lang, needle) in [("en", "vendor"), ("ja", "事業者確認用")] {
        let r = run(medsec_in(&s, lang)
            .args(["checklist", "import"])
            .arg(&s.workbook)
            .args([
                "--form",
                "vendor",
                "--ids-from",
                "mhlw-institution@fy2025",
                "--out",
            ])
            .arg(&out));
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains(needle), "{}", r.stderr);
        assert!(
            r.stderr.contains("--ids-from mhlw-institution@fy2025"),
            "{}",
            r.stderr
        );
        assert!(!out.exists());
    }
}
