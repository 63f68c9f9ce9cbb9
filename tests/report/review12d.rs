//! Issue #12, defects a third reviewer found (a clinic's IT person and an inspector): every
//! command medsec suggests runs as printed, the vendor's `check`, the clinic folder, the
//! institution flag, what is said without probe evidence, parser messages in Japanese.

use crate::common;

use common::{stderr_of, stdout_of};
use std::path::{Path, PathBuf};

/// `medsec --lang LANG` with the fixture checklists named by absolute path, run in `dir`.
fn medsec_in(dir: &Path, lang: &str) -> assert_cmd::Command {
    let mut cmd = common::medsec();
    for c in [common::INST, common::VEND, common::INST24] {
        cmd.arg("--checklist").arg(common::root().join(c));
    }
    cmd.args(["--lang", lang]).current_dir(dir);
    cmd
}

fn run_in(dir: &Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    let o = medsec_in(dir, lang).args(args).output().unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// The complete fixture answers (complete.toml listing vendor-a.toml) copied into `dir`.
fn clinic_folder(dir: &Path) -> PathBuf {
    let answers = common::complete_answers_in(dir);
    answers.parent().unwrap().to_owned()
}

/// 3: a clinic's folder (the institution's file and the vendor form it lists) has one answers
/// file for `status` and `check` with no file named.
#[test]
fn the_clinic_folder_has_one_answers_file() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = clinic_folder(tmp.path());
        let (code, out, err) = run_in(&dir, lang, &["status", "--as-of", "2025-11-01"]);
        assert_eq!(code, 0, "{lang}: {out}{err}");
        assert!(out.contains("complete.toml"), "{lang}: {out}");
        assert!(out.contains("vendor-a.toml"), "{lang}: {out}");
        let (code, out, err) = run_in(
            &dir,
            lang,
            &[
                "check",
                "--non-interactive",
                "--as-of",
                "2025-11-01",
                "--out",
                "o",
            ],
        );
        assert!(matches!(code, 0 | 1), "{lang}: {out}{err}");
        assert!(
            dir.join("o/bundle/report.json").is_file(),
            "{lang}: {out}{err}"
        );
        // A second institution file is still a second file: status names its own task.
        std::fs::copy(dir.join("complete.toml"), dir.join("other.toml")).unwrap();
        let (code, _, err) = run_in(&dir, lang, &["status"]);
        assert_eq!(code, 2, "{lang}: {err}");
        let words = if lang == "ja" {
            "状況を確認するファイル"
        } else {
            "name the one to check"
        };
        assert!(err.contains(words), "{lang}: {err}");
    }
}

/// A signed bundle made by `medsec report --sign` from the complete answers, in `root`:
/// `(bundle, public key)`.
fn signed_bundle(root: &Path) -> (PathBuf, PathBuf) {
    let answers = common::complete_answers_in(root);
    let key = root.join("hospital");
    common::keygen(&key);
    let bundle = root.join("bundle");
    let o = medsec_in(root, "en")
        .arg("report")
        .arg("--answers")
        .arg(&answers)
        .arg("--out")
        .arg(&bundle)
        .arg("--sign")
        .arg(key.with_extension("key"))
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    (bundle, key.with_extension("pub"))
}

/// 4: `verify --institution` reads a full-width code as keygen and keys.toml do; a code that
/// is no 医療機関コード is a usage problem (2) naming the flag, not another institution (3).
#[test]
fn verify_institution_reads_full_width_and_refuses_a_malformed_code() {
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, public) = signed_bundle(tmp.path());
    let (bundle, public) = (bundle.to_str().unwrap(), public.to_str().unwrap());
    for lang in ["ja", "en"] {
        let verify = |code: &str| {
            run_in(
                tmp.path(),
                lang,
                &[
                    "verify",
                    "--as-of",
                    "2025-11-01",
                    "--pubkey",
                    public,
                    "--institution",
                    code,
                    bundle,
                ],
            )
        };
        let (code, out, err) = verify("０１１０１１３７１９");
        assert!(matches!(code, 0 | 1), "{lang}: {out}{err}");
        assert!(!out.contains("institution-mismatch"), "{lang}: {out}");
        for bad in ["011011371", "01101137AB"] {
            let (code, out, err) = verify(bad);
            assert_eq!(code, 2, "{lang} {bad}: {out}{err}");
            assert!(
                err.contains("`--institution`") && err.contains(bad),
                "{lang}: {err}"
            );
        }
        let (code, out, _) = verify("1310000003");
        assert_eq!(code, 3, "{lang}: {out}");
    }
}

/// The commands medsec suggests in `text` (between backticks, starting with `medsec `).
fn suggested(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.starts_with("medsec "))
        .map(str::to_owned)
        .collect()
}

/// Runs a suggested command line as a user pastes it into their shell (`medsec` is the
/// binary with the fixture checklists; bash on Unix, PowerShell's quoting on Windows:
/// `common::shell::pasted`), in `dir`: its exit code and output.
fn run_suggested(dir: &Path, lang: &str, command: &str) -> (i32, String) {
    let mut first: Vec<std::ffi::OsString> = Vec::new();
    for c in [common::INST, common::VEND, common::INST24] {
        first.push("--checklist".into());
        first.push(common::root().join(c).into());
    }
    first.extend(["--lang".into(), lang.into()]);
    let binary = assert_cmd::cargo::cargo_bin("medsec");
    let o = common::shell::pasted(command, &binary, &first)
        .current_dir(dir)
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env(
            "MEDSEC_DATA_DIR",
            common::root().join("target/test-no-user-data"),
        )
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        format!("{}{}", stdout_of(&o), stderr_of(&o)),
    )
}

/// 1: every command status, report and status of a bundle suggest runs as printed, with a
/// file name holding a space (quoted as check's rerun line quotes it): probe, report (with its
/// `--out`), check, sign, and verify of the bundle folder (not its report.json).
#[test]
fn every_suggested_command_runs_as_printed() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = clinic_folder(tmp.path());
        std::fs::rename(dir.join("complete.toml"), dir.join("医院 回答.toml")).unwrap();
        common::keygen(&dir.join("hospital"));
        let (code, out, err) = run_in(
            &dir,
            lang,
            &["status", "医院 回答.toml", "--as-of", "2025-11-01"],
        );
        assert_eq!(code, 0, "{lang}: {out}{err}");
        let commands = suggested(&out);
        assert_eq!(commands.len(), 3, "{lang}: {out}");
        assert!(
            commands.iter().all(|c| c.contains("'医院 回答.toml'")),
            "{lang}: {commands:?}"
        );
        for command in &commands {
            let (code, said) = run_suggested(&dir, lang, command);
            assert!(matches!(code, 0 | 1), "{lang}: `{command}`: {said}");
            if command.starts_with("medsec report") {
                assert!(dir.join("bundle/report.json").is_file(), "{lang}: {said}");
                // report's own hint: sign the bundle (KEY is the user's key file).
                let sign = suggested(&said)
                    .into_iter()
                    .find(|c| c.starts_with("medsec sign"))
                    .unwrap_or_else(|| panic!("{lang}: {said}"));
                let (code, signed) =
                    run_suggested(&dir, lang, &sign.replace("KEY", "hospital.key"));
                assert_eq!(code, 0, "{lang}: `{sign}`: {signed}");
            }
        }
        // status of the signed bundle's report.json suggests verify of the bundle folder.
        let (code, out, err) = run_in(&dir, lang, &["status", "bundle/report.json"]);
        assert!(matches!(code, 0 | 1), "{lang}: {out}{err}");
        let verify = suggested(&err)
            .into_iter()
            .find(|c| c.starts_with("medsec verify"))
            .unwrap_or_else(|| panic!("{lang}: {err}"));
        assert!(!verify.contains("report.json"), "{lang}: {verify}");
        let verify = verify
            .replace("鍵.pub", "hospital.pub")
            .replace("KEY.pub", "hospital.pub");
        let (code, said) = run_suggested(&dir, lang, &verify);
        assert!(matches!(code, 0 | 1), "{lang}: `{verify}`: {said}");
    }
}

/// 1: check's next steps quote a file name with a space, and the rerun line runs.
#[test]
fn checks_next_steps_quote_the_answers_file() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        copy_fixture(dir, "answers/incomplete.toml", "医院 未完.toml");
        let (code, out, err) = run_in(
            dir,
            lang,
            &[
                "check",
                "--non-interactive",
                "--answers",
                "医院 未完.toml",
                "--as-of",
                "2025-11-01",
            ],
        );
        assert_eq!(code, 1, "{lang}: {out}{err}");
        let commands = suggested(&out);
        assert!(
            commands
                .iter()
                .any(|c| c == "medsec answer '医院 未完.toml'"),
            "{lang}: {commands:?}"
        );
        let again = commands
            .iter()
            .find(|c| c.starts_with("medsec check"))
            .unwrap_or_else(|| panic!("{lang}: {out}"));
        let (code, said) = run_suggested(dir, lang, again);
        assert_eq!(code, 1, "{lang}: `{again}`: {said}");
    }
}

/// 2: a complete vendor form (事業者確認用) ends `check` with the vendor's job: without `--key`
/// the sign command (which runs as printed), with `--key` the form signed; status names `sign`.
#[test]
fn check_of_a_vendor_form_leads_to_its_signature() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        copy_fixture(dir, "answers/vendor-a.toml", "v a.toml");
        common::keygen(&dir.join("vk"));
        let (code, out, _) = run_in(dir, lang, &["status", "v a.toml", "--as-of", "2025-11-01"]);
        assert_eq!(code, 0, "{lang}: {out}");
        let commands = suggested(&out);
        assert_eq!(
            commands,
            [
                "medsec sign --form 'v a.toml' --key NAME.key",
                "medsec keygen --out NAME"
            ],
            "{lang}: {out}"
        );
        let check = [
            "check",
            "--non-interactive",
            "--answers",
            "v a.toml",
            "--as-of",
            "2025-11-01",
        ];
        let (code, out, err) = run_in(dir, lang, &check);
        assert_eq!(code, 0, "{lang}: {out}{err}");
        assert!(!err.contains("--vendor"), "{lang}: {err}");
        let sign = suggested(&out)
            .into_iter()
            .find(|c| c.starts_with("medsec sign --form"))
            .unwrap_or_else(|| panic!("{lang}: {out}"));
        assert!(!dir.join("bundle").exists() && !dir.join("v a.toml.minisig").exists());
        let (code, said) = run_suggested(dir, lang, &sign.replace("NAME.key", "vk.key"));
        assert_eq!(code, 0, "{lang}: {said}");
        std::fs::remove_file(dir.join("v a.toml.minisig")).unwrap();
        // With the vendor's key, check signs the form as `sign --form` does.
        let (code, out, err) = run_in(dir, lang, &[&check[..], &["--key", "vk.key"]].concat());
        assert_eq!(code, 0, "{lang}: {out}{err}");
        assert!(dir.join("v a.toml.minisig").is_file(), "{lang}: {out}");
        assert!(
            out.contains("minisign -Vm 'v a.toml' -p vk.pub"),
            "{lang}: {out}"
        );
    }
}

/// 7: check refuses an `--out` whose bundle folder holds someone's file before writing
/// anything: no evidence.json, no throwaway key, and it says nothing was written (exit 2).
#[test]
fn check_refuses_an_occupied_bundle_folder_before_writing() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = clinic_folder(tmp.path());
        std::fs::create_dir_all(dir.join("occ/bundle")).unwrap();
        std::fs::write(dir.join("occ/bundle/patient.txt"), "x").unwrap();
        let (code, out, err) = run_in(
            &dir,
            lang,
            &[
                "check",
                "--non-interactive",
                "--as-of",
                "2025-11-01",
                "--out",
                "occ",
            ],
        );
        assert_eq!(code, 2, "{lang}: {out}{err}");
        let mut left: Vec<String> = std::fs::read_dir(dir.join("occ"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["bundle"], "{lang}: {err}");
        assert!(
            err.contains("patient.txt") || err.contains("MANIFEST.sha256"),
            "{lang}: {err}"
        );
    }
}

/// 9: check of answers made against other wording says to check and update the digest (not to
/// answer open items), and names the form's fiscal year at the end.
#[test]
fn check_of_a_digest_mismatch_says_to_update_the_digest() {
    for (lang, said, year) in [
        ("ja", "[checklist]のdigestを", "令和7年度(FY2025)の点検"),
        (
            "en",
            "set `digest` in its [checklist] table",
            "The check for FY2025",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = clinic_folder(tmp.path());
        let text = std::fs::read_to_string(dir.join("complete.toml")).unwrap();
        let changed = text.replace(
            "sha256:857dfe004e509c1b527212788bfa84277adc5024c7c6ba736986f1ae93696148",
            "sha256:957dfe004e509c1b527212788bfa84277adc5024c7c6ba736986f1ae93696148",
        );
        assert_ne!(text, changed);
        std::fs::write(dir.join("complete.toml"), changed).unwrap();
        let (code, out, err) = run_in(
            &dir,
            lang,
            &[
                "check",
                "--non-interactive",
                "--as-of",
                "2025-11-01",
                "--format",
                "text",
            ],
        );
        assert_eq!(code, 1, "{lang}: {out}{err}");
        assert!(out.contains(said), "{lang}: {out}");
        assert!(
            out.contains("sha256:857dfe004e509c1b527212788bfa84277adc5024c7c6ba736986f1ae93696148"),
            "{lang}: {out}"
        );
        assert!(!out.contains("medsec answer"), "{lang}: {out}");
        assert!(out.contains(year), "{lang}: {out}");
    }
}

/// 10: summarize's table says the edition as people do (令和7年度版 / FY2025), and the printed
/// HTML names items by number and title, their internal ID kept only in a data attribute.
#[test]
fn summarize_says_the_edition_and_the_html_hides_item_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, public) = signed_bundle(tmp.path());
    let (bundle, public) = (bundle.to_str().unwrap(), public.to_str().unwrap());
    for (lang, edition) in [("ja", "令和7年度版"), ("en", "FY2025")] {
        let (code, out, err) = run_in(
            tmp.path(),
            lang,
            &[
                "summarize",
                "--as-of",
                "2025-11-01",
                "--pubkey",
                public,
                bundle,
            ],
        );
        assert!(matches!(code, 0 | 1), "{lang}: {out}{err}");
        // The table (not the last line's command, which names the checklist files given).
        let table: String = out
            .lines()
            .filter(|l| !l.contains("medsec verify"))
            .collect();
        assert!(
            table.contains(edition) && !table.contains("fy2025"),
            "{lang}: {out}"
        );
    }
    let html = std::fs::read_to_string(Path::new(bundle).join("report.html")).unwrap();
    assert!(html.contains("data-item=\"security-manager\""), "{html}");
    assert!(!html.contains("<code>security-manager</code>"), "{html}");
}

/// 6: a report.json a parser refuses is said in the reader's language even when the parser's
/// English quotes Japanese from the file (`unknown variant `いいえ``), and a number out of range
/// reads naturally; for status and render alike.
#[test]
fn a_refused_report_json_is_said_in_japanese() {
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, _) = signed_bundle(tmp.path());
    let text = std::fs::read_to_string(bundle.join("report.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["answers"]["answers"]["answers"][0]["response"] = "いいえ".into();
    std::fs::write(
        tmp.path().join("m-tgt.json"),
        serde_json::to_vec(&value).unwrap(),
    )
    .unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["fiscal_year"] = 99_999_999_999_i64.into();
    std::fs::write(
        tmp.path().join("m-fy.json"),
        serde_json::to_vec(&value).unwrap(),
    )
    .unwrap();
    for command in [&["status"][..], &["render", "--format", "md"][..]] {
        let (code, out, err) = run_in(tmp.path(), "ja", &[command, &["m-tgt.json"]].concat());
        assert_eq!(code, 2, "{command:?}: {out}{err}");
        assert!(
            err.contains("値`いいえ`は使えません。使える値は`yes`"),
            "{command:?}: {err}"
        );
        assert!(!err.contains("unknown variant"), "{command:?}: {err}");
        let (code, _, err) = run_in(tmp.path(), "ja", &[command, &["m-fy.json"]].concat());
        assert_eq!(code, 2, "{command:?}: {err}");
        assert!(
            err.contains("整数`99999999999`は使えません"),
            "{command:?}: {err}"
        );
        assert!(!err.contains("値整数"), "{command:?}: {err}");
    }
}

/// 11: `checklist lint` of a file that is not UTF-8 does not say it checked it with 0 errors:
/// nothing was read, so as for a missing file (nits12: one rule) there is no summary line; the
/// problem is on standard error (exit 2).
#[test]
fn lint_of_a_file_not_utf8_is_not_counted_as_checked() {
    for (lang, checked, none) in [
        (
            "ja",
            "1個のファイルを確認しました",
            "0個のファイルを確認しました",
        ),
        ("en", "1 file checked", "0 files checked"),
    ] {
        let (code, out, err) = run_in(
            &common::root(),
            lang,
            &["checklist", "lint", "tests/fixtures/answers/not-utf8.toml"],
        );
        assert_eq!(code, 2, "{lang}: {out}{err}");
        assert!(
            !out.contains(checked) && !out.contains(none),
            "{lang}: {out}"
        );
        assert!(out.is_empty(), "{lang}: {out}");
        assert!(err.contains("not-utf8"), "{lang}: {err}");
        // The same as a file that is not there.
        let (code, out, err) = run_in(
            &common::root(),
            lang,
            &["checklist", "lint", "nothere.toml"],
        );
        assert_eq!(code, 2, "{lang}: {out}{err}");
        assert!(out.is_empty(), "{lang}: {out}");
    }
}

/// 11: the English CSV of a report heads its columns in one style (each capitalised).
#[test]
fn the_english_csv_header_is_in_one_style() {
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, _) = signed_bundle(tmp.path());
    let (code, out, err) = run_in(
        tmp.path(),
        "en",
        &["render", bundle.to_str().unwrap(), "--format", "csv"],
    );
    assert_eq!(code, 0, "{err}");
    let header = out.trim_start_matches('\u{feff}').lines().next().unwrap();
    for cell in header.split(',') {
        let first = cell.trim_matches('"').chars().next().unwrap();
        assert!(!first.is_lowercase(), "{cell} in {header}");
    }
}

/// 8: a lone report.json naming checklist digests medsec does not know is unusable for status
/// (`unknown-checklist`, exit 2, as docs/exit-codes.md says), never "update the digest", which
/// an inspector cannot do.
#[test]
fn status_of_a_report_with_an_unknown_digest_is_unusable() {
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, _) = signed_bundle(tmp.path());
    let text = std::fs::read_to_string(bundle.join("report.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let zero = format!("sha256:{}", "0".repeat(64));
    value["checklist"]["digest"] = zero.clone().into();
    value["answers"]["answers"]["checklist"]["digest"] = zero.into();
    std::fs::write(
        tmp.path().join("m-dig2.json"),
        serde_json::to_vec(&value).unwrap(),
    )
    .unwrap();
    for (lang, update) in [("ja", "digestを更新"), ("en", "update the digest")] {
        let (code, out, err) = run_in(tmp.path(), lang, &["status", "m-dig2.json"]);
        assert_eq!(code, 2, "{lang}: {out}{err}");
        assert!(err.contains("[unknown-checklist]"), "{lang}: {err}");
        assert!(
            !out.contains(update) && !err.contains(update),
            "{lang}: {out}{err}"
        );
        assert!(!out.contains("checklist-digest-mismatch"), "{lang}: {out}");
    }
}

/// The fixture `fixture` (a path under tests/fixtures) copied into `dir` as `name`.
fn copy_fixture(dir: &std::path::Path, fixture: &str, name: &str) {
    std::fs::copy(common::fixture(fixture), dir.join(name)).unwrap();
}
