//! The answers commands as a Japanese (and an English) reader meets them: init, status, the
//! sheet export and import, and dates on the command line. Items are named by the form's
//! number and title, never by internal ID; dates are read in the forms people write.
use crate::common;
use common::*;
use std::path::{Path, PathBuf};

/// The item IDs of the bundled FY2025 institution form: none may appear in text for people.
fn item_ids() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("checklists/mhlw/fy2025/institution.toml"))
        .expect("bundled checklist");
    let v: toml::Value = toml::from_str(&text).expect("TOML");
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_owned())
        .collect()
}

fn assert_no_item_ids(text: &str) {
    for id in item_ids() {
        // `0` and one-word IDs would match ordinary text; the form's IDs have a dash.
        if id.contains('-') {
            assert!(
                !text.contains(&id),
                "internal ID `{id}` shown to people:\n{text}"
            );
        }
    }
}

/// A new answers file for the bundled FY2025 institution form, made with `--lang LANG`.
fn init(dir: &Path, lang: &str) -> (PathBuf, String) {
    let file = dir.join("clinic.toml");
    let out = medsec()
        .args(["--lang", lang, "init", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    (file, stderr_of(&out) + &stdout_of(&out))
}

#[test]
fn init_and_status_in_japanese_name_items_by_their_printed_number() {
    let dir = tempfile::tempdir().unwrap();
    let (file, said) = init(dir.path(), "ja");
    assert!(said.contains("を作成しました"), "{said}");
    assert!(said.contains("対話形式で入力してください"), "{said}");
    assert_no_item_ids(&said);

    let out = medsec()
        .args(["--lang", "ja", "status", "--as-of", "R7.9.1"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout_of(&out);
    assert!(
        text.contains("2-⑥ セキュリティパッチ: 1回目の回答"),
        "{text}"
    );
    assert!(text.contains("2-④(サーバ) "), "{text}");
    assert!(text.contains("2-④(端末PC) "), "{text}");
    assert!(text.contains("未完了です: エラー"), "{text}");
    assert!(text.contains("令和7年度"), "{text}");
    assert_no_item_ids(&text);
}

#[test]
fn status_in_english_names_items_by_their_printed_number() {
    let dir = tempfile::tempdir().unwrap();
    let (file, said) = init(dir.path(), "en");
    assert!(said.contains("wrote "), "{said}");
    assert_no_item_ids(&said);
    let out = medsec()
        .args(["--lang", "en", "status", "--as-of", "2025-09-01"])
        .arg(&file)
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("2-⑥ Security patches: no first-round answer"),
        "{text}"
    );
    assert!(text.contains("incomplete: "), "{text}");
    assert_no_item_ids(&text);
    // JSON keeps the stable IDs for scripts.
    let out = medsec()
        .args([
            "--lang",
            "en",
            "status",
            "--format",
            "json",
            "--as-of",
            "2025-09-01",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items: Vec<&str> = json["forms"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["item"].as_str())
        .collect();
    assert!(items.contains(&"security-patches"), "{items:?}");
}

#[test]
fn as_of_takes_the_date_forms_people_write() {
    let json_as_of = |as_of: &str| {
        let out = with_fixtures()
            .args(["status", "--format", "json", "--as-of", as_of])
            .arg("tests/fixtures/answers/incomplete.toml")
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(2), "{as_of}: {}", stderr_of(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json
    };
    let iso = json_as_of("2025-09-01");
    for form in [
        "2025/9/1",
        "2025.9.1",
        "令和7年9月1日",
        "R7.9.1",
        "R7/9/1",
        "R7-9-1",
        "２０２５／９／１",
    ] {
        assert_eq!(json_as_of(form), iso, "{form}");
    }
    let out = with_fixtures()
        .args(["status", "--as-of", "令和元年4月30日"])
        .arg("tests/fixtures/answers/incomplete.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("令和") && err.contains("2019-05-01"), "{err}");
    let out = with_fixtures()
        .args(["status", "--as-of", "yesterday"])
        .arg("tests/fixtures/answers/incomplete.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("R8.6.3") && err.contains("2026/6/3"), "{err}");
    // In the reader's language.
    let out = with_fixtures()
        .args(["--lang", "ja", "status", "--as-of", "H31.5.1"])
        .arg("tests/fixtures/answers/incomplete.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("「H31.5.1」は平成の範囲外です(平成は1989-01-08(平成元年1月8日)〜2019-04-30(平成31年4月30日)です)"),
        "{err}"
    );
}

fn export(file: &Path, lang: &str, sheet: &Path) {
    let out = medsec()
        .args(["--lang", lang, "answer"])
        .arg(file)
        .arg("--export")
        .arg(sheet)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}

fn import(file: &Path, lang: &str, sheet: &Path) -> std::process::Output {
    medsec()
        .args(["--lang", lang, "answer"])
        .arg(file)
        .arg("--import")
        .arg(sheet)
        .output()
        .unwrap()
}

#[test]
fn exported_sheets_have_headers_in_the_readers_language_and_a_scope_column() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = init(dir.path(), "ja");
    let ja = dir.path().join("ja.csv");
    export(&file, "ja", &ja);
    let text = std::fs::read_to_string(&ja).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some("項目番号,対象,項目,回,回答,確認日,目標日,理由,備考,項目ID")
    );
    let rows: Vec<&str> = lines.filter(|l| l.starts_with("2-④,")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows[0].starts_with("2-④,サーバ,"), "{}", rows[0]);
    assert!(rows[1].starts_with("2-④,端末PC,"), "{}", rows[1]);

    let en = dir.path().join("en.csv");
    export(&file, "en", &en);
    let text = std::fs::read_to_string(&en).unwrap();
    assert!(
        text.trim_start_matches('\u{feff}').starts_with(
            "number,scope,text,round,answer,checked_on,target_date,reason,note,item\n"
        ),
        "{text}"
    );

    // The exported sheet, filled in, imports back (answers, reasons, 和暦 dates).
    let filled: String = std::fs::read_to_string(&ja)
        .unwrap()
        .lines()
        .map(|l| {
            if l.starts_with("2-④,端末PC,") {
                l.replacen(
                    ",1,,,,,,",
                    ",1,いいえ,R7.6.3,令和8年3月31日,,手順書を作成中,",
                    1,
                )
            } else if l.starts_with("2-⑥,") {
                l.replacen(",1,,,,,,", ",1,はい,2025/6/3,,,,", 1)
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&ja, filled).unwrap();
    let out = import(&file, "ja", &ja);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("変わった回答2件を"),
        "{}",
        stderr_of(&out)
    );
    // The same sheet again changes no answer, and says so in both languages.
    let before = std::fs::read(&file).unwrap();
    for (lang, said) in [
        ("ja", "変わった回答はありません。"),
        ("en", "imported 0 changed answers"),
    ] {
        let out = import(&file, lang, &ja);
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert!(
            stderr_of(&out).contains(said),
            "{lang}: {}",
            stderr_of(&out)
        );
        assert_eq!(std::fs::read(&file).unwrap(), before, "{lang}");
    }
    let out = import(&file, "en", &ja);
    assert!(
        stderr_of(&out).contains("is already in"),
        "{}",
        stderr_of(&out)
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    let doc: toml::Value = toml::from_str(&saved).unwrap();
    let answer = |id: &str| {
        doc["answers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["item"].as_str() == Some(id))
            .cloned()
            .unwrap()
    };
    let terminal = answer("access-rights-terminal");
    assert_eq!(terminal["answer"].as_str(), Some("いいえ"));
    assert_eq!(terminal["target_date"].to_string(), "2026-03-31");
    assert_eq!(answer("access-rights-server")["answer"].as_str(), Some(""));
    assert_eq!(answer("security-patches")["answer"].as_str(), Some("はい"));
}

#[test]
fn a_number_shared_by_two_rows_needs_its_scope() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = init(dir.path(), "ja");
    let before = std::fs::read_to_string(&file).unwrap();
    let sheet = dir.path().join("s.csv");
    std::fs::write(&sheet, "項目番号,回答,確認日\n2-④,はい,R7.6.3\n").unwrap();
    let out = import(&file, "ja", &sheet);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("シートに問題が1件あるため、何も変更していません"),
        "{err}"
    );
    assert!(
        err.contains("2行目(A2): 項目番号「2-④」は複数の行にあります"),
        "{err}"
    );
    assert!(
        err.contains("2-④(サーバ) ") && err.contains("2-④(端末PC) "),
        "{err}"
    );
    assert_no_item_ids(&err);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);

    // In English too, by the form's numbers.
    let out = import(&file, "en", &sheet);
    let err = stderr_of(&out);
    assert!(
        err.contains("1 problem in the sheet; nothing was changed"),
        "{err}"
    );
    assert!(
        err.contains("row 2 (A2): number `2-④` is on several rows"),
        "{err}"
    );
    assert_no_item_ids(&err);

    // The scope in its own column or after the number; numbers in any spelling.
    std::fs::write(
        &sheet,
        "項目番号,対象,回答,確認日\n2-④ サーバ,,はい,R7.6.3\n２－（４）,端末PC,はい,２０２５／６／３\n2-5,terminal,はい,2025-06-03\n2-(6),,はい,令和7年6月3日\n",
    )
    .unwrap();
    let out = import(&file, "ja", &sheet);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let doc: toml::Value = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let answered: Vec<&str> = doc["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["answer"].as_str() == Some("はい"))
        .filter_map(|a| a["item"].as_str())
        .collect();
    assert_eq!(
        answered,
        [
            "access-rights-server",
            "access-rights-terminal",
            "unused-accounts-terminal",
            "security-patches"
        ]
    );
}

#[test]
fn import_errors_name_rows_and_items_for_people() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = init(dir.path(), "ja");
    let sheet = dir.path().join("s.csv");
    std::fs::write(
        &sheet,
        "item,answer,checked_on\nsecurity-patches,たぶん,2025-06-03\n2-⑦,はい,R7.2.30\n9-⑨,はい,\n",
    )
    .unwrap();
    let out = import(&file, "ja", &sheet);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("シートに問題が3件あるため"), "{err}");
    assert!(
        err.contains("2行目(B2): 2-⑥ セキュリティパッチ: 回答「たぶん」は"),
        "{err}"
    );
    assert!(err.contains("3行目(C3): 2-⑦ "), "{err}");
    assert!(
        err.contains("確認日: 「R7.2.30」は存在しない日付です"),
        "{err}"
    );
    assert!(err.contains("4行目(A4): 項目「9-⑨」は"), "{err}");
    assert_no_item_ids(&err);
    let out = import(&file, "en", &sheet);
    let err = stderr_of(&out);
    assert!(
        err.contains("3 problems in the sheet; nothing was changed"),
        "{err}"
    );
    assert!(
        err.contains("row 2 (B2): 2-⑥ Security patches: answer `たぶん`"),
        "{err}"
    );
    assert_no_item_ids(&err);
}

#[test]
fn a_yaml_layout_medsec_cannot_edit_is_explained_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clinic.yaml");
    let text = "format_version: 1\nchecklist:\n  id: mhlw-institution\n  edition: fy2025\nanswers: [{item: security-patches, answer: \"\"}]\n";
    std::fs::write(&file, text).unwrap();
    let sheet = dir.path().join("s.csv");
    std::fs::write(&sheet, "項目番号,回答,確認日\n2-⑥,はい,R7.6.3\n").unwrap();
    let out = import(&file, "ja", &sheet);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("このファイルはそのままでは書き換えられません"),
        "{err}"
    );
    assert!(
        err.contains("ブロック形式にするか、TOMLを使ってください"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

/// Runs of three or more English words (letters only, separated by single spaces) outside
/// `code spans`: an English sentence left in Japanese text.
fn english_runs(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        // Drop code spans: every second piece between backticks.
        let prose: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, p)| p)
            .collect::<Vec<_>>()
            .join(" | ");
        let mut run: Vec<&str> = Vec::new();
        for token in prose.split(' ') {
            if !token.is_empty() && token.chars().all(|c| c.is_ascii_alphabetic()) {
                run.push(token);
                continue;
            }
            if run.len() >= 3 {
                found.push(format!("{}  ← {line}", run.join(" ")));
            }
            run.clear();
        }
        if run.len() >= 3 {
            found.push(format!("{}  ← {line}", run.join(" ")));
        }
    }
    found
}

#[test]
fn japanese_output_has_no_english_sentences() {
    assert_eq!(english_runs("エラー: the file is not UTF-8").len(), 1);
    assert!(english_runs("`medsec answer the file` で入力").is_empty());
    let dir = tempfile::tempdir().unwrap();
    let (file, mut seen) = init(dir.path(), "ja");
    seen.push_str(&std::fs::read_to_string(&file).unwrap());
    for args in [
        vec!["status", "--as-of", "R7.9.1"],
        vec!["status", "--as-of", "令和元年4月30日"],
        vec!["answer", "--export"],
    ] {
        let mut cmd = medsec();
        cmd.arg("--lang").arg("ja").args(&args).arg(&file);
        if args[0] == "answer" {
            cmd.arg(dir.path().join("s.xlsx"));
        }
        let out = cmd.output().unwrap();
        seen.push_str(&stdout_of(&out));
        seen.push_str(&stderr_of(&out));
    }
    let out = with_fixtures()
        .args(["--lang", "ja", "status", "--as-of", "2025-09-01"])
        .arg("tests/fixtures/answers/incomplete.toml")
        .output()
        .unwrap();
    seen.push_str(&stdout_of(&out));
    let sheet = dir.path().join("bad.csv");
    std::fs::write(
        &sheet,
        "項目番号,回答,確認日,目標日\n2-④,はい,,\n2-⑥,たぶん,,\n2-⑦,いいえ,R7.2.30,x\n",
    )
    .unwrap();
    let out = import(&file, "ja", &sheet);
    seen.push_str(&stderr_of(&out));
    assert!(seen.contains("2-④"), "{seen}");
    let runs = english_runs(&seen);
    assert!(
        runs.is_empty(),
        "English in Japanese output:\n{}",
        runs.join("\n")
    );
}

#[test]
fn a_japanese_workbook_has_japanese_headers_and_imports_back() {
    use calamine::{Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = init(dir.path(), "ja");
    let xlsx = dir.path().join("s.xlsx");
    export(&file, "ja", &xlsx);
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(book.sheet_names(), ["回答"]);
    let range = book.worksheet_range("回答").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "項目番号",
            "対象",
            "項目",
            "回",
            "回答",
            "確認日",
            "目標日",
            "理由",
            "備考",
            "項目ID"
        ]
    );
    let out = import(&file, "ja", &xlsx);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("変わった回答0件を"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn every_as_of_flag_takes_the_dates_people_write() {
    // verify and render read --as-of as status does: 和暦 and slashes too, errors in Japanese.
    for cmd in [
        &[
            "verify",
            "--pubkey",
            "/nonexistent.pub",
            "/nonexistent-bundle",
        ][..],
        &["render", "/nonexistent-bundle"][..],
    ] {
        for date in ["令和8年6月3日", "R8.6.3", "2026/6/3"] {
            let out = medsec()
                .args(["--lang", "ja"])
                .args(cmd)
                .args(["--as-of", date])
                .output()
                .unwrap();
            let err = stderr_of(&out);
            assert!(
                !err.contains("日付として読めません"),
                "{cmd:?} {date}: {err}"
            );
        }
        let out = medsec()
            .args(["--lang", "ja"])
            .args(cmd)
            .args(["--as-of", "6月ごろ"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
        assert!(
            stderr_of(&out).contains("日付として読めません"),
            "{cmd:?}: {}",
            stderr_of(&out)
        );
    }
}

/// An answers file that cannot be read stops `report` and `status` with its problems in the
/// reader's language: the severity word of each listed problem is Japanese under ja.
#[test]
fn an_unusable_answers_file_lists_its_problems_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.toml");
    std::fs::write(&file, "format_version = 1\n[institution\n").unwrap();
    for (lang, head, word, not) in [
        (
            "ja",
            "エラー: ",
            "エラー[parse-error]",
            "error[parse-error]",
        ),
        ("en", "error: ", "error[parse-error]", "エラー"),
    ] {
        let out = medsec()
            .args(["--lang", lang, "report", "--answers"])
            .arg(&file)
            .arg("--out")
            .arg(dir.path().join("bundle"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{lang}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with(head), "{lang}: {err}");
        assert!(err.contains(word), "{lang}: {err}");
        assert!(!err.contains(not), "{lang}: {err}");
        assert!(
            !dir.path().join("bundle").exists(),
            "{lang}: nothing written"
        );
    }
}
