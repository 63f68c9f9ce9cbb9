//! What a fresh reviewer found (issue #10, round s26), each through the binary in both
//! languages: JSON the same bytes whatever `--lang`, suggested commands that run as printed,
//! output paths that cannot be written said with the path given, and the reason Japanese kept.

use super::common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// `medsec --lang LANG ARGS` in `dir` with the fixture checklists: (exit code, stdout, stderr).
fn medsec_in(dir: &Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    let mut cmd = medsec();
    for c in [INST, VEND, INST24] {
        cmd.arg("--checklist").arg(root().join(c));
    }
    let o = cmd
        .current_dir(dir)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// `medsec --lang LANG ARGS` in `dir` with the bundled checklists only.
fn bundled_in(dir: &Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    let o = medsec()
        .current_dir(dir)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// A folder with the fixture answers, their evidence, an unencrypted key and a signed bundle.
fn workspace() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    for f in ["complete.toml", "incomplete.toml", "vendor-a.toml"] {
        std::fs::copy(fixture(&format!("answers/{f}")), w.join(f)).unwrap();
    }
    std::fs::create_dir_all(w.join("evidence")).unwrap();
    for e in std::fs::read_dir(fixture("answers/evidence")).unwrap() {
        let e = e.unwrap().path();
        std::fs::copy(&e, w.join("evidence").join(e.file_name().unwrap())).unwrap();
    }
    keygen(&w.join("k"));
    let (code, _, err) = medsec_in(
        w,
        "en",
        &[
            "report",
            "--answers",
            "complete.toml",
            "--sign",
            "k.key",
            "--out",
            "b",
        ],
    );
    assert!(code <= 1, "{err}");
    tmp
}

/// The JSON without what changes from run to run (times, durations).
fn steady(text: &str) -> String {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for k in ["started", "finished", "time", "duration_ms"] {
                    map.remove(k);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    strip(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn every_json_output_is_the_same_bytes_under_japanese_and_english() {
    let tmp = workspace();
    let w = tmp.path();
    let bad = fixture("checklists/bad").display().to_string();
    let probes = fixture("probes/debian").display().to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["status", "incomplete.toml", "--format", "json"],
        vec!["status", "complete.toml", "--format", "json"],
        vec!["status", "b", "--format", "json"],
        vec!["status", "no-such.toml", "--format", "json"],
        // A year later: the report is for another fiscal year (a finding with a message).
        vec![
            "verify",
            "b",
            "--pubkey",
            "k.pub",
            "--as-of",
            "2027-06-01",
            "--format",
            "json",
        ],
        vec![
            "verify",
            "b",
            "no-such-bundle",
            "--pubkey",
            "k.pub",
            "--format",
            "json",
        ],
        vec![
            "summarize",
            "b",
            "--pubkey",
            "k.pub",
            "--as-of",
            "2027-06-01",
            "--format",
            "json",
        ],
        vec!["checklist", "lint", &bad, "--format", "json"],
        vec![
            "checklist",
            "diff",
            "mhlw-institution@fy2024",
            "mhlw-institution@fy2025",
            "--format",
            "json",
        ],
        vec![
            "probe",
            "--answers",
            "complete.toml",
            "--root",
            &probes,
            "--format",
            "json",
        ],
        vec!["check", "--answers", "incomplete.toml", "--format", "json"],
    ];
    for args in cases {
        let (ja_code, ja, ja_err) = medsec_in(w, "ja", &args);
        let (en_code, en, en_err) = medsec_in(w, "en", &args);
        let shown = args.join(" ");
        assert_eq!(ja_code, en_code, "`{shown}`: {ja_err} / {en_err}");
        assert!(!en.trim().is_empty(), "`{shown}` printed no JSON: {en_err}");
        assert_eq!(
            steady(&ja),
            steady(&en),
            "`medsec {shown}`: the JSON changes with --lang"
        );
        // The English is what JSON holds: no Japanese of medsec's own in a message.
        assert!(
            !ja.contains("がまだありません") && !ja.contains("報告書は"),
            "`{shown}`: {ja}"
        );
    }
}

/// The commands in `text` quoted as code spans that start with `medsec `.
fn commands_in(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.starts_with("medsec "))
        .map(str::to_owned)
        .collect()
}

/// Run `command` as printed, as pasted into the shell (bash on Unix, PowerShell's quoting on
/// Windows: `common::shell::pasted`), `medsec` being this build.
fn run_in_shell(dir: &Path, command: &str) -> (i32, String) {
    let bin = assert_cmd::cargo::cargo_bin("medsec");
    let o = common::shell::pasted(command, &bin, &[])
        .current_dir(dir)
        .env("LANG", "C")
        .env("MEDSEC_DATA_DIR", root().join("target/test-no-user-data"))
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        stdout_of(&o) + &stderr_of(&o),
    )
}

#[test]
fn checklist_new_suggests_commands_that_run_on_a_name_with_a_space() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let w = tmp.path();
        let (code, _, err) = medsec_in(
            w,
            lang,
            &[
                "checklist",
                "new",
                "--from",
                "mhlw-institution@fy2025",
                "--edition",
                "fy2026",
                "--out",
                "次 年度.toml",
            ],
        );
        assert_eq!(code, 0, "{err}");
        let commands = commands_in(&err);
        assert_eq!(commands.len(), 2, "{err}");
        for c in &commands {
            assert!(c.contains("'次 年度.toml'"), "{c}");
            let (code, out) = run_in_shell(w, c);
            // lint: warnings only (exit 0); diff: changes found (0 or 1); never a usage error.
            assert!(code <= 1, "`{c}` as printed: exit {code}\n{out}");
            assert!(!out.contains("`次`"), "`{c}` read `次` alone:\n{out}");
        }
    }
}

#[test]
fn output_paths_that_cannot_be_written_are_named_as_given_with_a_verb() {
    let tmp = workspace();
    let w = tmp.path();
    std::fs::write(w.join("afile"), "x").unwrap();
    std::fs::create_dir_all(w.join("w 日本語")).unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["report", "--answers", "complete.toml", "--out", "afile/r"],
            "afile/r",
        ),
        (
            &["report", "--answers", "complete.toml", "--out", "afile/x/y"],
            "afile/x/y",
        ),
        (
            &["render", "b", "--out", "no-such/r.html"],
            "no-such/r.html",
        ),
        (
            &["keygen", "--out", "鍵なし/病院", "--unencrypted"],
            "鍵なし/病院.key",
        ),
        (
            &[
                "summarize",
                "b",
                "--pubkey",
                "k.pub",
                "--out",
                "no-such/s.csv",
            ],
            "no-such/s.csv",
        ),
    ];
    for lang in ["ja", "en"] {
        for (args, path) in cases {
            let (code, _, err) = medsec_in(w, lang, args);
            assert_eq!(code, 2, "{args:?}: {err}");
            let want = if lang == "ja" {
                format!("`{path}`に書き込めません: ")
            } else {
                format!("cannot write `{path}`: ")
            };
            assert!(err.contains(&want), "{lang} {args:?}: {err}");
        }
        // A folder that holds no report.json is said not to be a bundle (before a passphrase).
        let (code, _, err) = medsec_in(w, lang, &["sign", "w 日本語", "--key", "k.key"]);
        assert_eq!(code, 2, "{err}");
        let want = if lang == "ja" {
            "`w 日本語`は報告書一式ではありません"
        } else {
            "`w 日本語` is not a report bundle"
        };
        assert!(err.contains(want), "{err}");
    }
}

#[test]
fn a_folder_given_as_the_probe_configuration_is_said_so_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("設定");
    std::fs::create_dir_all(&dir).unwrap();
    let dir = dir.display().to_string();
    for (lang, want) in [
        (
            "ja",
            format!("`{dir}`はフォルダです。ファイルを指定してください"),
        ),
        ("en", format!("`{dir}` is a folder; give a file")),
    ] {
        let (code, _, err) = medsec_in(tmp.path(), lang, &["probe", "--config", &dir]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(&want), "{lang}: {err}");
    }
}

#[test]
fn summarize_names_the_worst_finding_in_words_and_keeps_the_code_for_scripts() {
    let tmp = workspace();
    let w = tmp.path();
    let args = [
        "summarize",
        "b",
        "--pubkey",
        "k.pub",
        "--as-of",
        "2027-06-01",
    ];
    for (lang, said) in [
        ("ja", "報告書は令和7年度(FY2025)のもので"),
        ("en", "the report is for FY2025"),
    ] {
        let (code, out, err) = medsec_in(w, lang, &args);
        assert_eq!(code, 1, "{err}");
        // Wrapped in its cell: the words looked for sit on one line.
        assert!(out.contains(said), "{lang}:\n{out}");
        assert!(
            !out.contains("fiscal-year-other"),
            "{lang}: a bare code:\n{out}"
        );
    }
    let (_, csv, _) = medsec_in(w, "ja", &[&args[..], &["--format", "csv"]].concat());
    assert!(csv.contains("fiscal-year-other"), "{csv}");
}

/// Last year's answers to the items one item of this year replaces, with `answer` each.
fn last_year_with_patches(w: &Path, answers: [(&str, &str); 3]) {
    let (code, _, err) = bundled_in(
        w,
        "en",
        &[
            "init",
            "--checklist",
            "mhlw-institution@fy2024",
            "--out",
            "y24.toml",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let mut text = std::fs::read_to_string(w.join("y24.toml")).unwrap();
    for (id, answer) in answers {
        let at = text.find(&format!("item = \"{id}\"")).unwrap();
        let rel = text[at..].find("answer = \"\"").unwrap();
        text.replace_range(
            at + rel..at + rel + "answer = \"\"".len(),
            &format!("answer = \"{answer}\""),
        );
    }
    std::fs::write(w.join("y24.toml"), text).unwrap();
}

/// The round-1 entry of `id` in an answers file's text.
fn entry<'a>(text: &'a str, id: &str) -> &'a str {
    let at = text.find(&format!("item = \"{id}\"")).unwrap();
    let end = text[at..]
        .find("[[answers]]")
        .map_or(text.len(), |e| at + e);
    &text[at..end]
}

/// `init --from` last year's answers (`answers` for the three 2-⑥ items) in `lang`: what it
/// said on stdout, and the text of the answers file it wrote.
fn carried_forward(w: &Path, lang: &str, answers: [(&str, &str); 3]) -> (String, String) {
    last_year_with_patches(w, answers);
    let (code, out, err) = bundled_in(
        w,
        lang,
        &["init", "--from", "y24.toml", "--out", "y25.toml"],
    );
    assert_eq!(code, 0, "{err}");
    (out, std::fs::read_to_string(w.join("y25.toml")).unwrap())
}

#[test]
fn carrying_forward_never_drops_a_no_of_a_replaced_item() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let w = tmp.path();
        let (out, text) = carried_forward(
            w,
            lang,
            [
                ("security-patches-server", "はい"),
                ("security-patches-terminal", "はい"),
                ("security-patches-network", "いいえ"),
            ],
        );
        let patches = entry(&text, "security-patches");
        assert!(patches.contains("answer = \"\""), "{patches}");
        assert!(patches.contains("review = \"replaced\""), "{patches}");
        let (said, comment) = if lang == "ja" {
            (
                "置き換えた昨年度の項目の回答が一致しない",
                "# (置き換えた昨年度の項目の回答が一致しないため、回答を引き継いでいません。)",
            )
        } else {
            (
                "were answered differently (Yes and No), so no answer was carried",
                "# (the items of last year it replaces were answered differently: no answer carried)",
            )
        };
        assert!(out.contains(said) && out.contains("2-⑥"), "{lang}: {out}");
        assert!(text.contains(comment), "{lang}:\n{text}");
    }
    // All three alike: the answer is carried, to be confirmed.
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let (out, text) = carried_forward(
        w,
        "ja",
        [
            ("security-patches-server", "はい"),
            ("security-patches-terminal", "はい"),
            ("security-patches-network", "はい"),
        ],
    );
    assert!(!out.contains("一致しない"), "{out}");
    assert!(entry(&text, "security-patches").contains("answer = \"はい\""));
}

#[test]
fn checklist_diff_in_japanese_says_dates_and_editions_as_japanese_does() {
    let tmp = tempfile::tempdir().unwrap();
    let pair = ["mhlw-institution@fy2024", "mhlw-institution@fy2025"];
    let (code, out, err) = bundled_in(
        tmp.path(),
        "ja",
        &[&["checklist", "diff"], &pair[..]].concat(),
    );
    assert!(code <= 1, "{err}");
    let head = out.lines().next().unwrap_or_default();
    assert!(!out.contains("->"), "an ASCII arrow in Japanese:\n{out}");
    assert!(head.contains("mhlw-institution@fy2024(内蔵:"), "{head}");
    assert!(out.contains("版: 令和6年度版 → 令和7年度版"), "{out}");
    let published = out
        .lines()
        .find(|l| l.contains("公表日"))
        .unwrap_or_default();
    assert!(published.contains("令和6年5月13日"), "{published}");
    assert!(published.contains("令和7年5月16日"), "{published}");
    // Markdown: the code span of the bundled path stays a code span.
    let (code, md, err) = bundled_in(
        tmp.path(),
        "ja",
        &[&["checklist", "diff"], &pair[..], &["--format", "md"]].concat(),
    );
    assert!(code <= 1, "{err}");
    assert!(!md.contains("\\`"), "escaped backquotes:\n{md}");
    assert!(
        md.contains("(内蔵:`checklists/mhlw/fy2024/institution.toml`) → "),
        "{md}"
    );
}
