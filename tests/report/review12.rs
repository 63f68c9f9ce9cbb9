//! Issue #12, what a fresh reviewer found: the inspector's commands (render, status, verify,
//! report) read a bundle the same way and say in the reader's language what they checked.

use crate::common;

use common::{fixture, keygen, stderr_of, stdout_of, with_fixtures};
use std::path::PathBuf;

/// A bundle made by `medsec report` from the complete answers with the probe evidence (one
/// contradiction: exit 1), signed when `sign`: `(tmp, bundle, key name)`.
fn bundle(sign: bool) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), dir.join(f)).unwrap();
    }
    let key = tmp.path().join("hospital");
    keygen(&key);
    let out = tmp.path().join("bundle");
    let mut cmd = with_fixtures();
    cmd.arg("report")
        .arg("--answers")
        .arg(dir.join("complete.toml"))
        .arg("--evidence")
        .arg(fixture("report/evidence.json"))
        .arg("--out")
        .arg(&out);
    if sign {
        cmd.arg("--sign").arg(key.with_extension("key"));
    }
    let o = cmd.output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    // 12-m: the findings it recorded are shown by `medsec status OUT`, the folder it wrote.
    let said = format!("{}{}", stdout_of(&o), stderr_of(&o));
    let status = format!("`medsec status {}`", out.display());
    assert!(said.contains(&status), "{said}");
    (tmp, out, key)
}

fn run(lang: &str, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let o = with_fixtures()
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// 12-f: render of a report.json inside a tampered bundle refuses it, as status does.
#[test]
fn render_reads_a_report_json_in_its_bundle_as_the_bundle() {
    let (_tmp, bundle, _) = bundle(true);
    let path = bundle.join("report.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("テスト診療所", "別の診療所")).unwrap();
    for (lang, said) in [("ja", "表示しません"), ("en", "never shown as valid")] {
        let (code, out, err) = run(
            lang,
            &[
                "render".as_ref(),
                path.as_os_str(),
                "--format".as_ref(),
                "md".as_ref(),
            ],
        );
        assert_eq!(code, 3, "{lang}: {err}");
        assert!(out.is_empty(), "{lang}: tampered content rendered: {out}");
        assert!(err.contains("file-changed report.json"), "{lang}: {err}");
        assert!(err.contains(said), "{lang}: {err}");
    }
}

/// 12-i: verify names the place in the bundle (report.json), the answers file only as a label.
#[test]
fn verify_findings_name_report_json_not_the_answers_file() {
    let (_tmp, bundle, key) = bundle(true);
    let pubkey = key.with_extension("pub");
    for (lang, label) in [
        (
            "ja",
            "[回答ファイル`complete.toml`(`report.json`に記録)の2-②",
        ),
        (
            "en",
            "[answers file `complete.toml` (recorded in `report.json`): 2-②",
        ),
    ] {
        let (code, out, err) = run(
            lang,
            &[
                "verify".as_ref(),
                "--pubkey".as_ref(),
                pubkey.as_os_str(),
                bundle.as_os_str(),
            ],
        );
        assert_eq!(code, 1, "{lang}: {err}");
        let place = format!("{}/report.json [", bundle.display());
        assert!(out.contains(&place), "{lang}: {out}");
        assert!(out.contains(label), "{lang}: {out}");
        assert!(!out.contains("/complete.toml"), "{lang}: {out}");
    }
    let (_, json, _) = run(
        "en",
        &[
            "verify".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "--pubkey".as_ref(),
            pubkey.as_os_str(),
            bundle.as_os_str(),
        ],
    );
    assert!(!json.contains("\"complete.toml\""), "{json}");
}

/// 12-m/12-n: report names `medsec status OUT` in ja and en; status of that bundle gives one
/// verdict, after the recorded error, never 記入完了です before it.
#[test]
fn report_names_its_folder_and_status_gives_one_verdict() {
    let (_tmp, bundle, _) = bundle(false);
    for (lang, complete, verdict) in [
        (
            "ja",
            "記入完了です",
            "回答は記入済みですが、報告書に指摘が記録されています: エラー1件",
        ),
        (
            "en",
            "complete (",
            "complete, but the report records findings: 1 error",
        ),
    ] {
        let (code, out, err) = run(lang, &["status".as_ref(), bundle.as_os_str()]);
        assert_eq!(code, 1, "{lang}: {out}{err}");
        assert!(!out.contains(complete), "{lang}: {out}");
        let last = out.trim_end().lines().last().unwrap_or_default();
        assert!(last.starts_with(verdict), "{lang}: {out}");
        assert!(
            out.contains("answer-contradicted-by-probe"),
            "{lang}: {out}"
        );
    }
}

/// 12-e: render's errors about report.json in the reader's language, the parser's detail last.
#[test]
fn render_says_a_bad_report_json_in_the_readers_language() {
    let (tmp, bundle, _) = bundle(false);
    let text = std::fs::read_to_string(bundle.join("report.json")).unwrap();
    let trunc = tmp.path().join("trunc.json");
    std::fs::write(&trunc, text.get(..text.len() / 2).unwrap()).unwrap();
    let v99 = tmp.path().join("v99.json");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut value = value;
    value["format_version"] = serde_json::json!(99);
    std::fs::write(&v99, value.to_string()).unwrap();
    for (path, ja, en) in [
        (
            &trunc,
            "`report.json`の形式ではありません(詳細: 空か、途中で切れています",
            "not valid report JSON (it is empty or cut short",
        ),
        (
            &v99,
            "format_version 99には対応していません",
            "format_version 99 is not supported",
        ),
    ] {
        for (lang, said) in [("ja", ja), ("en", en)] {
            let (code, out, err) = run(
                lang,
                &[
                    "render".as_ref(),
                    path.as_os_str(),
                    "--format".as_ref(),
                    "md".as_ref(),
                ],
            );
            assert_eq!(code, 2, "{lang}: {err}");
            assert!(out.is_empty(), "{lang}: {out}");
            assert!(err.contains(said), "{lang}: {err}");
        }
    }
}

/// 12-c: status of a bundle says that it did not check the signature (it takes no key), or that
/// the bundle is unsigned; the exit code stays the verdict's.
#[test]
fn status_says_the_signature_was_not_checked() {
    for (sign, ja, en) in [
        (
            true,
            "の署名は確認していません",
            "was not checked (`status` takes no key)",
        ),
        (
            false,
            "は署名されていません",
            "is not signed; only its files were checked",
        ),
    ] {
        let (_tmp, bundle, _) = bundle(sign);
        for (lang, said) in [("ja", ja), ("en", en)] {
            let (code, _, err) = run(lang, &["status".as_ref(), bundle.as_os_str()]);
            assert_eq!(code, 1, "{lang}: {err}");
            assert!(err.contains(said), "{lang} signed={sign}: {err}");
            if sign {
                assert!(err.contains("`medsec verify --pubkey"), "{lang}: {err}");
            }
        }
    }
}

/// reports12-4: a validly signed bundle of another institution than `--institution` is said to
/// be genuine but another institution's (both codes), exit 3 as docs/exit-codes.md says.
#[test]
fn verify_of_another_institutions_genuine_bundle_says_so() {
    let (_tmp, bundle, key) = bundle(true);
    let pubkey = key.with_extension("pub");
    for (lang, said, not_said) in [
        (
            "en",
            "the bundle is genuine",
            "integrity or signature check",
        ),
        ("ja", "この報告書一式は本物です", "完全性"),
    ] {
        let (code, out, err) = run(
            lang,
            &[
                "verify".as_ref(),
                "--pubkey".as_ref(),
                pubkey.as_os_str(),
                "--institution".as_ref(),
                "1310000003".as_ref(),
                bundle.as_os_str(),
            ],
        );
        assert_eq!(code, 3, "{lang}: {out}{err}");
        assert!(
            out.contains("[institution-mismatch]") && out.contains(said),
            "{out}"
        );
        assert!(
            out.contains("0110113719") && out.contains("1310000003"),
            "{out}"
        );
        assert!(!out.contains(not_said), "{lang}: {out}");
    }
}

/// 12-h: verify of a report.json hints at its bundle folder. reports12-6: verify of a folder
/// of bundles verifies each bundle found under it (one row each, worst exit code wins); a
/// folder holding none says so, exit 2 as for a missing bundle.
#[test]
fn verify_hints_at_the_folder_to_give() {
    let (tmp, bundle, key) = bundle(true);
    let pubkey = key.with_extension("pub");
    let report = bundle.join("report.json");
    let parent = tmp.path().to_path_buf();
    // A second bundle beside it, tampered: the folder's worst.
    let tampered = parent.join("more").join("tampered");
    std::fs::create_dir_all(&tampered).unwrap();
    for entry in walk(&bundle) {
        let to = tampered.join(entry.strip_prefix(&bundle).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    let json = tampered.join("report.json");
    let text = std::fs::read_to_string(&json).unwrap();
    std::fs::write(&json, text.replace("テスト診療所", "別の診療所")).unwrap();
    let empty = parent.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    for (lang, file_hint, none_here) in [
        ("ja", "報告書一式のフォルダ", "報告書一式がありません"),
        ("en", "give the bundle folder ", "no bundle found here"),
    ] {
        let (code, _, err) = run(
            lang,
            &[
                "verify".as_ref(),
                "--pubkey".as_ref(),
                pubkey.as_os_str(),
                report.as_os_str(),
            ],
        );
        assert_eq!(code, 2, "{lang}: {err}");
        let wanted = format!("{file_hint}`{}`", bundle.display());
        assert!(err.contains(&wanted), "{lang}: {err}");
        let (code, _, err) = run(
            lang,
            &[
                "verify".as_ref(),
                "--pubkey".as_ref(),
                pubkey.as_os_str(),
                parent.as_os_str(),
            ],
        );
        assert_eq!(code, 3, "{lang}: {err}");
        let (code, out, err) = run(
            lang,
            &[
                "verify".as_ref(),
                "--pubkey".as_ref(),
                pubkey.as_os_str(),
                "--format".as_ref(),
                "json".as_ref(),
                parent.as_os_str(),
            ],
        );
        assert_eq!(code, 3, "{lang}: {err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rows: Vec<(String, u64)> = json["bundles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                (
                    b["path"].as_str().unwrap().to_owned(),
                    b["exit_code"].as_u64().unwrap(),
                )
            })
            .collect();
        let shown = |p: &std::path::Path| p.display().to_string();
        assert_eq!(
            rows,
            vec![(shown(&bundle), 1), (shown(&tampered), 3)],
            "{lang}: {out}"
        );
        // The folder holding none: said, exit 2 as a missing bundle.
        let (code, _, err) = run(
            lang,
            &[
                "verify".as_ref(),
                "--pubkey".as_ref(),
                pubkey.as_os_str(),
                empty.as_os_str(),
            ],
        );
        assert_eq!(code, 2, "{lang}: {err}");
        assert!(
            err.contains("[no-bundle]") && err.contains(none_here),
            "{lang}: {err}"
        );
    }
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// reports12-2: one Japanese word for the bundle (報告書一式) and one spelling of folder
/// (フォルダ) in every message, help text and doc; docs/glossary.md names the others only to
/// rule them out.
#[test]
fn one_japanese_term_for_the_bundle_and_folder() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("i18n/ja/medsec.ftl"),
        root.join("i18n/ja/help.ftl"),
        root.join("README.md"),
    ];
    for e in std::fs::read_dir(root.join("docs")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") && !p.ends_with("glossary.md") {
            files.push(p);
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for other in [
            "バンドル",
            "報告書の束",
            "レポート一式",
            "報告書フォルダ",
            "フォルダー",
        ] {
            assert!(
                !text.contains(other),
                "{}: `{other}` (the glossary's word is 報告書一式 / フォルダ)",
                file.display()
            );
        }
    }
    let glossary = std::fs::read_to_string(root.join("docs/glossary.md")).unwrap();
    assert!(glossary.contains("| 報告書一式 | bundle |"), "{glossary}");
}

/// reports12-7: every message of the inspector's sections (`## verify`, `## status`,
/// `## summarize`, `## render`, `## report-html`) is used by the code or a template.
#[test]
fn every_message_of_the_report_sections_is_used() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    fn read_all(dir: &std::path::Path, out: &mut String) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                read_all(&p, out);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                out.push_str(&text);
            }
        }
    }
    let mut code = String::new();
    read_all(&root.join("src"), &mut code);
    read_all(&root.join("templates"), &mut code);
    let catalog = std::fs::read_to_string(root.join("i18n/en/medsec.ftl")).unwrap();
    let mut section = "";
    let mut unused = Vec::new();
    for line in catalog.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            section = name.trim();
            continue;
        }
        let sections = ["verify", "status", "summarize", "render", "report-html"];
        let Some((id, _)) = line.split_once(" = ") else {
            continue;
        };
        if sections.contains(&section)
            && !id.starts_with([' ', '#'])
            && !code.contains(&format!("\"{id}\""))
        {
            unused.push(id.to_owned());
        }
    }
    assert!(unused.is_empty(), "unused messages: {unused:?}");
}

/// A report with warnings only (no probe evidence attached) names the command that shows them,
/// as one with errors does; an unsigned report names its own folder in the `medsec sign` line.
#[test]
fn report_with_warnings_only_names_status_and_the_folder_to_sign() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), dir.join(f)).unwrap();
    }
    for lang in ["ja", "en"] {
        let out = tmp.path().join(format!("bundle-{lang}"));
        let o = with_fixtures()
            .args(["--lang", lang, "report", "--answers"])
            .arg(dir.join("complete.toml"))
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
        let said = format!("{}{}", stdout_of(&o), stderr_of(&o));
        let errors_none = if lang == "ja" {
            "エラー0件"
        } else {
            "0 errors"
        };
        assert!(said.contains(errors_none), "{said}");
        assert!(
            said.contains(&format!("`medsec status {}`", out.display())),
            "{said}"
        );
        assert!(
            said.contains(&format!("`medsec sign {} --key KEY", out.display())),
            "{said}"
        );
    }
}
