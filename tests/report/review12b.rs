//! Issue #12, defects a second reviewer found: `sign` restates the printed page, `render` and
//! `summarize --out` never replace a file unasked nor a bundle's file, full-width 医療機関コード.

use crate::common;

use common::{keygen, stderr_of, stdout_of, with_fixtures};
use std::path::{Path, PathBuf};

/// An unsigned bundle made by `medsec report` from the complete answers: `(tmp, bundle, key)`.
fn unsigned_bundle() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let answers = common::complete_answers_in(tmp.path());
    let key = tmp.path().join("hospital");
    keygen(&key);
    let out = tmp.path().join("b2");
    let o = with_fixtures()
        .arg("report")
        .arg("--answers")
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    (tmp, out, key)
}

fn key_id(key: &Path) -> String {
    medsec::signing::keys::read_public_key(&key.with_extension("pub"))
        .unwrap()
        .key_id
}

fn run(lang: &str, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let o = with_fixtures()
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// 1: `sign` of a bundle made unsigned rewrites report.html before the manifest, so the page
/// names the key, its QR text carries `;key=`, and the bundle verifies.
#[test]
fn sign_restates_the_page_of_an_unsigned_bundle() {
    for lang in ["ja", "en"] {
        let (_tmp, bundle, key) = unsigned_bundle();
        let before = std::fs::read_to_string(bundle.join("report.html")).unwrap();
        assert!(!before.contains(";key="), "{before}");
        let (code, _, err) = run(
            lang,
            &[
                "sign".as_ref(),
                bundle.as_os_str(),
                "--key".as_ref(),
                key.with_extension("key").as_os_str(),
            ],
        );
        assert_eq!(code, 0, "{lang}: {err}");
        let html = std::fs::read_to_string(bundle.join("report.html")).unwrap();
        let id = key_id(&key);
        let sha = medsec::signing::manifest::sha256_bytes(
            &std::fs::read(bundle.join("report.json")).unwrap(),
        );
        assert!(
            html.contains(&format!("medsec:sha256={sha};key={id}")),
            "{lang}: {html}"
        );
        assert!(
            html.contains("報告書一式とともに署名されています"),
            "{lang}"
        );
        let (code, out, err) = run(
            lang,
            &[
                "verify".as_ref(),
                "--as-of".as_ref(),
                "2025-11-01".as_ref(),
                "--pubkey".as_ref(),
                key.with_extension("pub").as_os_str(),
                bundle.as_os_str(),
            ],
        );
        assert!(matches!(code, 0 | 1), "{lang}: {out}{err}");
        assert!(!out.contains("file-changed"), "{lang}: {out}");
    }
}

/// A signed bundle (from `medsec report --sign`) and an answers file beside it.
fn signed_bundle() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (tmp, bundle, key) = unsigned_bundle();
    let o = with_fixtures()
        .arg("sign")
        .arg(&bundle)
        .arg("--key")
        .arg(key.with_extension("key"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    (tmp, bundle, key)
}

fn verify_ok(bundle: &Path, key: &Path) {
    let (code, out, err) = run(
        "en",
        &[
            "verify".as_ref(),
            "--as-of".as_ref(),
            "2025-11-01".as_ref(),
            "--pubkey".as_ref(),
            key.with_extension("pub").as_os_str(),
            bundle.as_os_str(),
        ],
    );
    assert!(matches!(code, 0 | 1), "{out}{err}");
}

/// 2: `render --out` and `summarize --out` refuse an existing file without --force (exit 2,
/// in words, nothing changed), and a file inside a bundle even with --force.
#[test]
fn render_and_summarize_never_replace_unasked_nor_inside_a_bundle() {
    let (tmp, bundle, key) = signed_bundle();
    let answers = tmp.path().join("answers/complete.toml");
    let kept = std::fs::read(&answers).unwrap();
    let pubkey = key.with_extension("pub");
    for lang in ["ja", "en"] {
        let (exists, inside) = match lang {
            "ja" => ("既にあります", "報告書一式"),
            _ => ("already exists", "inside the report bundle"),
        };
        let commands: [Vec<&std::ffi::OsStr>; 2] = [
            vec!["render".as_ref(), bundle.as_os_str()],
            vec![
                "summarize".as_ref(),
                "--pubkey".as_ref(),
                pubkey.as_os_str(),
                bundle.as_os_str(),
            ],
        ];
        for cmd in &commands {
            // The answers file: refused without --force, untouched.
            let mut args = cmd.clone();
            args.extend(["--out".as_ref(), answers.as_os_str()]);
            let (code, out, err) = run(lang, &args);
            assert_eq!(code, 2, "{lang} {cmd:?}: {out}{err}");
            assert!(err.contains(exists), "{lang}: {err}");
            assert_eq!(std::fs::read(&answers).unwrap(), kept, "{lang}");
            // A bundle's files: refused even with --force; the bundle still verifies.
            for name in ["report.json", "report.html", "new.html"] {
                let target = bundle.join(name);
                let mut args = cmd.clone();
                args.extend(["--out".as_ref(), target.as_os_str(), "--force".as_ref()]);
                let (code, out, err) = run(lang, &args);
                assert_eq!(code, 2, "{lang} {cmd:?} {name}: {out}{err}");
                assert!(err.contains(inside), "{lang}: {err}");
            }
            assert!(!bundle.join("new.html").exists());
            verify_ok(&bundle, &key);
            // A file elsewhere: written, then replaced only with --force.
            // No extension: the default format (an extension no format has is refused).
            let page = tmp.path().join(format!("page-{lang}"));
            let _ = std::fs::remove_file(&page);
            let mut args = cmd.clone();
            args.extend(["--out".as_ref(), page.as_os_str()]);
            let (code, out, err) = run(lang, &args);
            assert!(matches!(code, 0 | 1), "{lang} {cmd:?}: {out}{err}");
            assert!(page.is_file());
            let (code, _, err) = run(lang, &args);
            assert_eq!(code, 2, "{lang}: {err}");
            args.push("--force".as_ref());
            let (code, out, err) = run(lang, &args);
            assert!(matches!(code, 0 | 1), "{lang} {cmd:?}: {out}{err}");
        }
    }
}

/// 3: a full-width 医療機関コード is read as ASCII: status is complete, the signed report.json
/// holds the ASCII code, and `verify --trusted` with the ASCII code in keys.toml (the entry
/// `keygen --institution` prints for the full-width code) finds the bundle valid.
#[test]
fn a_full_width_institution_code_is_read_as_ascii_through_verify_trusted() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let answers = common::complete_answers_in(tmp.path());
        let text = std::fs::read_to_string(&answers).unwrap();
        std::fs::write(
            &answers,
            text.replace("code = \"0110113719\"", "code = \"０１１０１１３７１９\""),
        )
        .unwrap();
        let (code, out, err) = run(lang, &["status".as_ref(), answers.as_os_str()]);
        assert_eq!(code, 0, "{lang}: {out}{err}");
        // keygen with the full-width code prints the ASCII entry for keys.toml.
        let key = tmp.path().join("hospital");
        let o = common::medsec()
            .args(["--lang", lang, "keygen", "--unencrypted", "--institution"])
            .arg("０１１０１１３７１９")
            .arg("--out")
            .arg(&key)
            .output()
            .unwrap();
        assert!(o.status.success(), "{lang}: {}", stderr_of(&o));
        let said = stdout_of(&o);
        assert!(said.contains("[institutions.0110113719]"), "{lang}: {said}");
        let start = said.find("[institutions.0110113719]").unwrap();
        let keys_line = said[start..]
            .lines()
            .find(|l| l.starts_with("keys = ["))
            .unwrap();
        let entry = format!("[institutions.0110113719]\n{keys_line}");
        let keys = tmp.path().join("keys.toml");
        std::fs::write(&keys, format!("format_version = 1\n{entry}\n")).unwrap();
        let bundle = tmp.path().join("bundle");
        let o = with_fixtures()
            .args(["--lang", lang, "report", "--answers"])
            .arg(&answers)
            .arg("--out")
            .arg(&bundle)
            .arg("--sign")
            .arg(key.with_extension("key"))
            .output()
            .unwrap();
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
        let json = std::fs::read_to_string(bundle.join("report.json")).unwrap();
        assert!(json.contains("\"0110113719\""), "{lang}: {json}");
        assert!(!json.contains("０"), "{lang}");
        let (code, out, err) = run(
            lang,
            &[
                "verify".as_ref(),
                "--as-of".as_ref(),
                "2025-11-01".as_ref(),
                "--trusted".as_ref(),
                keys.as_os_str(),
                bundle.as_os_str(),
            ],
        );
        assert!(matches!(code, 0 | 1), "{lang}: {out}{err}");
    }
}

/// 5: the findings table names the round as the form does (1回目 / Round 1), not "[1]".
#[test]
fn findings_name_the_round_in_words() {
    let (_tmp, bundle, _) = signed_bundle();
    let json = std::fs::read_to_string(bundle.join("report.json")).unwrap();
    if !json.contains("\"round\": 1") && !json.contains("\"round\":1") {
        // No finding with a round in this report: nothing to look at.
        return;
    }
    // The catalog's `answers-item-round` joins them: no space before 「(1回目)」 in Japanese.
    for (lang, round) in [("ja", "(1回目)"), ("en", " (round 1)")] {
        for format in ["html", "md"] {
            let (code, out, err) = run(
                lang,
                &[
                    "render".as_ref(),
                    bundle.join("report.json").as_os_str(),
                    "--format".as_ref(),
                    format.as_ref(),
                ],
            );
            assert!(matches!(code, 0 | 1), "{lang}: {err}");
            assert!(!out.contains(" [1]"), "{lang} {format}: {out}");
            assert!(out.contains(round), "{lang} {format}: {out}");
            assert!(!out.contains(" (1回目)"), "{lang} {format}: {out}");
        }
    }
}
