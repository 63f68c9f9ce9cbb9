//! The commands medsec suggests repeat the global `--checklist` the user gave, so that running
//! them reproduces the result: status's next step, report's sign hint, and check's
//! `medsec init --out` when the answers file is missing. Each is run as printed, with an
//! imported checklist that only `--checklist` names.

use super::common;
use std::path::Path;

/// A workbook laid out like the official form (test wording), for `checklist import`.
fn workbook() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, c, text) in [
        (0, 0, "試験用チェックリスト(令和8年度版)"),
        (2, 0, "番号"),
        (2, 1, "チェック項目"),
        (2, 2, "はい"),
        (2, 3, "いいえ"),
        (2, 4, "確認日"),
        (2, 5, "目標日"),
        (3, 0, "1"),
        (3, 1, "体制構築"),
        (4, 0, "①"),
        (4, 1, "試験用の責任者を設置している。"),
        (5, 0, "②"),
        (5, 1, "試験用の連絡体制を整えている。"),
    ] {
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// `medsec ARGS` in `dir` (no terminal): (exit code, stdout, stderr).
fn medsec_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = common::medsec()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        common::stdout_of(&o),
        common::stderr_of(&o),
    )
}

/// The commands quoted as code spans (`…`) in `text` that start with `medsec `.
fn commands_in(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.starts_with("medsec "))
        .map(str::to_owned)
        .collect()
}

/// Run a printed command (its words split at spaces; the test's paths have none).
fn run_printed(dir: &Path, command: &str) -> (i32, String, String) {
    let words: Vec<&str> = command.split(' ').skip(1).collect();
    medsec_in(dir, &words)
}

#[test]
fn suggested_commands_repeat_the_checklist_given() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::write(w.join("form.xlsx"), workbook()).unwrap();
    let (code, _, err) = medsec_in(
        w,
        &["checklist", "import", "form.xlsx", "--out", "own.toml"],
    );
    assert_eq!(code, 0, "{err}");
    common::keygen(&w.join("k"));

    // check without a terminal and without the answers file: the init it suggests.
    for (lang, want) in [("en", "make it with `"), ("ja", "`で作って記入")] {
        let (code, _, err) = medsec_in(
            w,
            &[
                "--lang",
                lang,
                "--checklist",
                "own.toml",
                "check",
                "--answers",
                "a.toml",
            ],
        );
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(want), "{err}");
        let init = commands_in(&err)
            .into_iter()
            .find(|c| c.starts_with("medsec init"))
            .unwrap_or_else(|| panic!("{err}"));
        assert_eq!(
            init,
            format!("medsec init --out a.toml --checklist own.toml --lang {lang}")
        );
    }
    let init = "medsec init --out a.toml --checklist own.toml --lang en";
    let (code, _, err) = run_printed(w, init);
    assert_eq!(code, 0, "{init}: {err}");
    let text = std::fs::read_to_string(w.join("a.toml"))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト診療所\"")
        .replace("code = \"\"", "code = \"0110113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"clinic\"")
        .replace("manager = \"\"", "manager = \"山田\"")
        .replace("answered_by = \"\"", "answered_by = \"山田\"")
        .replace("contract = \"\"", "contract = false")
        .replace("answer = \"\"", "answer = \"はい\"")
        .replace("checked_on = \"\"", "checked_on = \"2026-06-01\"");
    std::fs::write(w.join("a.toml"), text).unwrap();

    // status: the next step's commands, each run as printed.
    let (code, out, err) = medsec_in(w, &["--checklist", "own.toml", "status", "a.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    let next = commands_in(&out);
    assert_eq!(
        next,
        [
            "medsec probe --answers a.toml --out evidence.json --checklist own.toml",
            "medsec report --answers a.toml --evidence evidence.json --out bundle --checklist own.toml",
            "medsec check --answers a.toml --checklist own.toml",
        ],
        "{out}"
    );
    let (code, _, err) = run_printed(w, &next[0]);
    assert!(code <= 1, "{}: {err}", next[0]);
    assert!(w.join("evidence.json").is_file());
    // Without the checklist the report could not be made: the flag is what reproduces it.
    let (code, _, _) = medsec_in(
        w,
        &[
            "report",
            "--answers",
            "a.toml",
            "--evidence",
            "evidence.json",
            "--out",
            "elsewhere",
        ],
    );
    assert_eq!(code, 2);
    let (code, out, err) = run_printed(w, &next[1]);
    assert!(code <= 1, "{}: {out}{err}", next[1]);
    assert!(w.join("bundle/report.json").is_file(), "{out}{err}");

    // report without a key: the sign command it suggests, run with the key.
    let sign = commands_in(&out)
        .into_iter()
        .find(|c| c.starts_with("medsec sign"))
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        sign, "medsec sign bundle --key KEY --checklist own.toml",
        "{out}"
    );
    let (code, out, err) = run_printed(w, &sign.replace("KEY", "k.key"));
    assert_eq!(code, 0, "{sign}: {out}{err}");
    assert!(w.join("bundle/MANIFEST.sha256.minisig").is_file(), "{out}");

    // In Japanese, the same sign command.
    let (_, out, _) = medsec_in(
        w,
        &[
            "--lang",
            "ja",
            "--checklist",
            "own.toml",
            "report",
            "--answers",
            "a.toml",
            "--out",
            "bundle-ja",
        ],
    );
    assert!(
        out.contains("`medsec sign bundle-ja --key KEY --checklist own.toml --lang ja`で署名"),
        "{out}"
    );
}
