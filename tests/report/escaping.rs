//! Text from files reaches people's terminals with control characters shown escaped (ESC,
//! CR, newline, tab, bidi overrides), in tables, messages and `error:` lines; JSON keeps the
//! exact bytes.

use crate::common;

use common::{fixture, keygen, medsec, stderr_of, stdout_of};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A summary line an attacker would like the inspector to read.
const FAKE: &str = "2 bundles: 2 valid, 0 with findings, 0 invalid, 0 unusable";

/// Clears the screen, goes home, forges a line, and turns the rest around.
fn hostile(prefix: &str) -> String {
    format!("{prefix}\u{1b}[2J\u{1b}[H\r\n{FAKE}\t\u{202e}lanif\u{2066}")
}

/// No raw control character from the content, and no line of ours forged.
fn assert_clean(text: &str) {
    for bad in ['\u{1b}', '\r', '\t', '\u{202e}', '\u{2066}'] {
        assert!(!text.contains(bad), "raw {:?} in the output:\n{text}", bad);
    }
    for line in text.lines() {
        assert!(
            !line.starts_with(FAKE),
            "forged line in the output:\n{text}"
        );
    }
}

fn checklist_path() -> PathBuf {
    fixture("signing/checklist-fy2025.toml")
}

/// A complete report.json for the fixture checklist, with the institution's name given.
fn report(name: &str) -> String {
    let loaded = medsec::checklist::load_path(&checklist_path()).unwrap();
    let c = &loaded.checklist;
    let checklist = json!({
        "id": c.id, "edition": c.edition, "digest": loaded.digest,
        "form": c.form.as_str(), "fiscal_year": c.fiscal_year
    });
    let answer = |item: &str| {
        json!({
            "item": item, "round": 1, "response": "yes", "checked_on": "2025-06-01",
            "target_date": null, "reason": null, "note": null, "evidence": [],
            "carried_from": null, "review": null
        })
    };
    let value = json!({
        "format_version": 1,
        "generator": {"name": "medsec", "version": "test"},
        "generated_at": "2025-10-01T00:00:00Z",
        "fiscal_year": 2025,
        "institution": {"code": "0110113719", "name": name},
        "checklist": checklist,
        "answers": {
            "file": "institution.toml",
            "checklist": checklist,
            "answers": {
                "format_version": 1,
                "checklist": {"id": c.id, "edition": c.edition, "digest": loaded.digest},
                "institution": {
                    "name": name, "code": "0110113719", "prefecture": "北海道",
                    "kind": "hospital", "manager": "山田太郎",
                    "security_manager": "佐藤花子", "answered_by": "佐藤花子"
                },
                "vendors": {"contract": false, "forms": []},
                "answers": [answer("medical-information-system"), answer("security-manager")]
            }
        },
        "findings": [],
    });
    serde_json::to_string_pretty(&value).unwrap() + "\n"
}

#[cfg(unix)]
fn signed_bundle(root: &Path, name: &str, institution: &str) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    std::fs::write(dir.join("report.json"), report(institution)).unwrap();
    std::fs::write(dir.join("evidence/log.txt"), "2025-10-01 backup ok\n").unwrap();
    let out = medsec()
        .arg("sign")
        .arg(&dir)
        .arg("--key")
        .arg(root.join("hospital.key"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    dir
}

fn verify(dirs: &[&Path], pubkey: &Path, format: &str, lang: &str) -> std::process::Output {
    medsec()
        .arg("--lang")
        .arg(lang)
        .arg("--checklist")
        .arg(checklist_path())
        .arg("verify")
        .args(dirs)
        .arg("--pubkey")
        .arg(pubkey)
        .args(["--as-of", "2025-11-01", "--format", format])
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn verify_shows_hostile_names_and_files_escaped_and_json_exact() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    keygen(&root.join("hospital"));
    let name = hostile("札幌中央病院");
    let named = signed_bundle(root, "named", &name);
    // A file added after signing, named to forge a line: verify reports it (exit 3).
    let extra = signed_bundle(root, "extra", "札幌中央病院");
    let file_name = format!("x\n{FAKE}\u{1b}[1A");
    std::fs::write(extra.join("evidence").join(&file_name), "x").unwrap();
    let pubkey = root.join("hospital.pub");

    for lang in ["en", "ja"] {
        let out = verify(&[&named, &extra], &pubkey, "table", lang);
        assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
        let text = stdout_of(&out);
        assert_clean(&text);
        assert_clean(&stderr_of(&out));
        assert!(text.contains("\\u{1b}[2J"), "{text}");
        assert!(text.contains("\\u{202e}"), "{text}");
        assert!(
            text.contains(&format!("evidence/x\\n{FAKE}\\u{{1b}}[1A")),
            "{text}"
        );
    }

    let out = verify(&[&named, &extra], &pubkey, "json", "en");
    assert_eq!(out.status.code(), Some(3));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["bundles"][0]["institution"]["name"], name.as_str());
    let files: Vec<&str> = json["bundles"][1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["file"].as_str())
        .collect();
    assert_eq!(files, [format!("evidence/{file_name}")], "{json:#}");
}

// Windows forbids control characters in file names.
#[cfg(unix)]
#[test]
fn sign_message_escapes_the_folder_name() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    keygen(&root.join("hospital"));
    let dir = root.join("bundle\u{1b}[2J");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    std::fs::write(dir.join("report.json"), report("札幌中央病院")).unwrap();
    let out = medsec()
        .arg("sign")
        .arg(&dir)
        .arg("--key")
        .arg(root.join("hospital.key"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    // The trusted comment's own fields are apart by tabs, as minisign writes them.
    let text = stdout_of(&out).replace("\t", " ");
    assert_clean(&text);
    assert!(text.contains("bundle\\u{1b}[2J"), "{text}");
}

/// An answers file from `medsec init` with the institution's name and a note set.
fn answers_file(dir: &Path, name: &str, note: &str) -> PathBuf {
    let file = dir.join("clinic.toml");
    let out = medsec()
        .args([
            "--checklist",
            "tests/fixtures/checklist-fy2025-institution.toml",
        ])
        .args(["init", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = std::fs::read_to_string(&file).unwrap();
    let quoted = |s: &str| serde_json::to_string(s).unwrap();
    let text = text.replacen("name = \"\"", &format!("name = {}", quoted(name)), 1);
    let text = text.replacen("note = \"\"", &format!("note = {}", quoted(note)), 1);
    let text = text.replacen("answer = \"\"", "answer = \"いいえ\"", 1);
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn status_escapes_names_and_notes_and_json_is_exact() {
    let tmp = tempfile::tempdir().unwrap();
    let name = hostile("テスト診療所");
    let note = hostile("メモ");
    let file = answers_file(tmp.path(), &name, &note);
    let status = |format: &str, lang: &str| {
        medsec()
            .args([
                "--checklist",
                "tests/fixtures/checklist-fy2025-institution.toml",
            ])
            .args([
                "--lang",
                lang,
                "status",
                "--as-of",
                "2025-09-01",
                "--format",
                format,
            ])
            .arg(&file)
            .output()
            .unwrap()
    };
    for lang in ["en", "ja"] {
        let out = status("table", lang);
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        let text = stdout_of(&out);
        assert_clean(&text);
        assert!(text.contains("テスト診療所\\u{1b}[2J"), "{text}");
    }
    let out = status("json", "en");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["forms"][0]["institution"]["name"], name.as_str());
    // The note is kept exactly in the file a re-export would read.
    let back = medsec::answers::load(&file, medsec::checklist::Lang::En).unwrap();
    assert!(back
        .set
        .answers
        .iter()
        .any(|a| a.note.as_deref() == Some(note.as_str())));
}

#[test]
fn checklist_show_lint_and_markdown_escape_item_text() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("hostile.toml");
    let text = std::fs::read_to_string(fixture("checklist-fy2025-institution.toml")).unwrap();
    let hostile_text = serde_json::to_string(&hostile("項目")).unwrap();
    // The first item's text in both languages.
    let at = text.find("[[items]]").unwrap();
    let (head, tail) = text.split_at(at);
    let tail = replace_value(tail, "ja = ", &hostile_text);
    let tail = replace_value(&tail, "en = ", &hostile_text);
    std::fs::write(&path, format!("{head}{tail}")).unwrap();

    for format in ["table", "md"] {
        for lang in ["en", "ja"] {
            let out = medsec()
                .arg("--checklist")
                .arg(&path)
                .args([
                    "--lang",
                    lang,
                    "checklist",
                    "show",
                    "test-institution@fy2025",
                ])
                .args(["--format", format])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", stderr_of(&out));
            let shown = stdout_of(&out);
            assert_clean(&shown);
            // Markdown escapes the backslash and bracket of the shown escape once more, so
            // that it renders as written.
            let escaped = if format == "md" {
                "項目\\\\u{1b}\\[2J"
            } else {
                "項目\\u{1b}[2J"
            };
            assert!(shown.contains(escaped), "{shown}");
        }
    }
    let out = medsec()
        .arg("--checklist")
        .arg(&path)
        .args([
            "checklist",
            "show",
            "test-institution@fy2025",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["items"][0]["text"]["en"], hostile("項目").as_str());

    // Lint names the file; a file name with controls is shown escaped (Windows forbids
    // control characters in file names).
    #[cfg(unix)]
    {
        let evil = tmp.path().join(format!("a\u{1b}[2J\n{FAKE}.toml"));
        std::fs::write(&evil, "not = [toml").unwrap();
        let out = medsec()
            .args(["checklist", "lint"])
            .arg(&evil)
            .output()
            .unwrap();
        let text = stdout_of(&out);
        assert_clean(&text);
        assert!(text.contains("a\\u{1b}[2J\\n"), "{text}");
    }
}

/// GitHub-flavoured Markdown links bare URLs, www. addresses and e-mail addresses by itself:
/// in `--format md` such text from a file is escaped so that no link starts.
#[test]
fn markdown_gives_no_autolink_from_item_text() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("links.toml");
    let text = std::fs::read_to_string(fixture("checklist-fy2025-institution.toml")).unwrap();
    let at = text.find("[[items]]").unwrap();
    let (head, tail) = text.split_at(at);
    let links = "\"見る http://evil.example/x www.evil.example 問合せ a@evil.example\"";
    let tail = replace_value(tail, "ja = ", links);
    std::fs::write(&path, format!("{head}{tail}")).unwrap();
    let out = medsec()
        .arg("--checklist")
        .arg(&path)
        .args([
            "--lang",
            "ja",
            "checklist",
            "show",
            "test-institution@fy2025",
        ])
        .args(["--format", "md"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let shown = stdout_of(&out);
    assert!(
        shown.contains("http\\://evil.example/x www\\.evil.example 問合せ a\\@evil.example"),
        "{shown}"
    );
    assert!(
        !shown.contains("http://evil") && !shown.contains("www.evil"),
        "{shown}"
    );
}

/// Replace the first quoted value after `key` with `value` (a JSON string is a TOML string).
fn replace_value(text: &str, key: &str, value: &str) -> String {
    let at = text.find(key).unwrap() + key.len();
    let end = at + text[at..].find('\n').unwrap();
    format!("{}{value}{}", &text[..at], &text[end..])
}

// Windows forbids control characters in file names.
#[cfg(unix)]
#[test]
fn error_lines_and_notices_escape_file_names() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join(format!("no\u{1b}[2J\r\n{FAKE}.toml"));

    // `error:` on stderr: one line, the name escaped.
    let out = medsec()
        .arg("--checklist")
        .arg(&missing)
        .args(["checklist", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert_clean(&err);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("no\\u{1b}[2J\\r\\n"), "{err}");

    // Unusable files in the status table; the JSON keeps the name.
    let out = medsec().args(["status"]).arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_clean(&stdout_of(&out));
    let out = medsec()
        .args(["status", "--format", "json"])
        .arg(&missing)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["unusable"][0]["file"],
        missing.display().to_string().as_str()
    );

    // What init wrote, on stdout (its result), the name escaped.
    let out_file = tmp.path().join(format!("new\u{1b}[2J\n{FAKE}.toml"));
    let out = medsec()
        .args([
            "--checklist",
            "tests/fixtures/checklist-fy2025-institution.toml",
        ])
        .args(["init", "--out"])
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let said = stdout_of(&out);
    assert_clean(&said);
    assert_clean(&stderr_of(&out));
    assert!(said.contains("new\\u{1b}[2J\\n"), "{said}");
}

#[test]
fn verify_survives_a_fiscal_year_no_calendar_holds() {
    // report.json is outside input: a year past 9999 once crashed the Japanese table.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    keygen(&root.join("hospital"));
    let dir = root.join("far");
    std::fs::create_dir_all(&dir).unwrap();
    let text = report("札幌中央病院").replace("\"fiscal_year\": 2025", "\"fiscal_year\": 32767");
    assert!(text.contains("32767"));
    std::fs::write(dir.join("report.json"), text).unwrap();
    let out = medsec()
        .arg("sign")
        .arg(&dir)
        .arg("--key")
        .arg(root.join("hospital.key"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let pubkey = root.join("hospital.pub");
    for lang in ["ja", "en"] {
        let out = verify(&[&dir], &pubkey, "table", lang);
        let code = out.status.code();
        assert!(matches!(code, Some(0..=3)), "{code:?}: {}", stderr_of(&out));
        assert!(!stderr_of(&out).contains("panicked"), "{}", stderr_of(&out));
    }
}
