//! keygen, sign, report and verify as people read them, in Japanese and in English: every
//! sentence comes from the catalog (no English sentence under `--lang ja`), items are named
//! by their printed number, report.json does not depend on the signer's language, and a
//! bundle made before findings were recorded language-free still verifies.

use crate::common;

use common::{fixture, medsec, stderr_of, stdout_of};
use serde_json::Value;
use std::path::{Path, PathBuf};

const INST: &str = "checklist-fy2025-institution.toml";
const VEND: &str = "checklist-fy2025-vendor.toml";

/// `medsec --lang LANG` with the fixture checklists.
fn medsec_in(lang: &str) -> assert_cmd::Command {
    let mut cmd = medsec();
    cmd.args(["--lang", lang]);
    for c in [INST, VEND] {
        cmd.arg("--checklist").arg(fixture(c));
    }
    cmd
}

/// A line's runs of three or more English words, outside `code` spans, paths, IDs, flags
/// and command names: what a Japanese reader must not meet. A comma ends a run, so a list of
/// field names (`name, kind, code`) is not taken for a sentence.
fn english_runs(line: &str) -> Vec<String> {
    let mut without_code = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 0 {
            without_code.push_str(part);
        }
        without_code.push(' ');
    }
    let is_word = |t: &str| {
        let t = t.trim_end_matches([',', '.', ';', ':', ')']);
        let t = t.trim_start_matches('(');
        let mut chars = t.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && t.len() > 1
            && chars.all(|c| c.is_ascii_lowercase())
            && ![
                "medsec",
                "minisign",
                "sha256sum",
                "chmod",
                "cd",
                "json",
                "report",
            ]
            .contains(&t)
    };
    let mut runs = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    // Japanese text and punctuation end a run as a space does not.
    for token in without_code.split(|c: char| c.is_whitespace() || !c.is_ascii()) {
        if token.is_empty() {
            if !run.is_empty() && run.len() >= 3 {
                runs.push(run.join(" "));
            }
            run.clear();
            continue;
        }
        if is_word(token) {
            run.push(token);
            if token.ends_with(',') {
                if run.len() >= 3 {
                    runs.push(run.join(" "));
                }
                run.clear();
            }
        } else {
            if run.len() >= 3 {
                runs.push(run.join(" "));
            }
            run.clear();
        }
    }
    if run.len() >= 3 {
        runs.push(run.join(" "));
    }
    runs
}

fn assert_japanese(what: &str, text: &str) {
    let bad: Vec<String> = text
        .lines()
        .flat_map(|l| {
            english_runs(l)
                .into_iter()
                .map(move |r| format!("{r:?} in {l:?}"))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: English under --lang ja:\n{}",
        bad.join("\n")
    );
    assert!(
        text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
        "{what}: no Japanese at all:\n{text}"
    );
}

fn has_japanese(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn the_english_detector_finds_sentences_and_spares_codes() {
    assert_eq!(
        english_runs("answered はい to security-patches, but the probe failed"),
        ["but the probe failed"]
    );
    assert!(english_runs("署名しました: `minisign -Vm a/MANIFEST.sha256 -p KEY.pub`").is_empty());
    assert!(english_runs("鍵 1BD21F532BB50F6F は医療機関 0110113719 の鍵").is_empty());
    assert!(english_runs("--passphrase-env VAR で渡してください").is_empty());
}

/// The answers fixtures in a fresh folder, with probe evidence whose failure has a reason
/// code (so it can be said in either language).
struct Setup {
    tmp: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("answers");
        std::fs::create_dir_all(dir.join("evidence")).unwrap();
        for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
            std::fs::copy(fixture("answers").join(f), dir.join(f)).unwrap();
        }
        let mut evidence: Value =
            serde_json::from_slice(&std::fs::read(fixture("report/evidence.json")).unwrap())
                .unwrap();
        evidence["results"][0]["reason_code"] = "backup-too-old".into();
        evidence["results"][0]["reason_details"] = serde_json::json!([
            {"code": "backup-too-old", "params": {"age_seconds": 3_542_400, "max_age": "7d"}}
        ]);
        std::fs::write(
            tmp.path().join("evidence.json"),
            serde_json::to_vec_pretty(&evidence).unwrap(),
        )
        .unwrap();
        Setup { tmp }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// `report` in `lang` into `out`, optionally signed.
    fn report(&self, lang: &str, out: &Path, key: Option<&Path>) -> std::process::Output {
        let mut cmd = medsec_in(lang);
        cmd.arg("report")
            .arg("--answers")
            .arg(self.path("answers/complete.toml"))
            .arg("--evidence")
            .arg(self.path("evidence.json"))
            .arg("--out")
            .arg(out);
        if let Some(key) = key {
            cmd.arg("--sign").arg(key);
        }
        cmd.output().unwrap()
    }
}

fn keygen(lang: &str, name: &Path) -> std::process::Output {
    medsec()
        .args(["--lang", lang, "keygen", "--out"])
        .arg(name)
        .arg("--unencrypted")
        .output()
        .unwrap()
}

fn verify(lang: &str, dir: &Path, pubkey: &Path, as_of: &str) -> std::process::Output {
    medsec_in(lang)
        .arg("verify")
        .arg(dir)
        .arg("--pubkey")
        .arg(pubkey)
        .args(["--as-of", as_of])
        .output()
        .unwrap()
}

#[test]
fn keygen_report_sign_and_verify_speak_japanese() {
    let s = Setup::new();
    let key = s.path("hospital");
    let o = keygen("ja", &key);
    assert!(o.status.success(), "{}", stderr_of(&o));
    assert_japanese("keygen", &stdout_of(&o));
    assert_japanese("keygen notice", &stderr_of(&o));
    assert!(stdout_of(&o).contains("秘密鍵:"), "{}", stdout_of(&o));

    // An existing key is not replaced: said in Japanese.
    let o = keygen("ja", &key);
    assert_eq!(o.status.code(), Some(2));
    assert_japanese("keygen exists", &stderr_of(&o));

    let bundle = s.path("bundle");
    let o = s.report("ja", &bundle, Some(&s.path("hospital.key")));
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    let out = stdout_of(&o);
    assert_japanese("report", &out);
    // The warnings: an unknown field, the target date 2026-03-31 passed (overdue), and the
    // probe evidence names no institution.
    assert!(out.contains("指摘: エラー1件、警告3件"), "{out}");
    assert!(out.contains("令和7年度(FY2025)"), "{out}");
    assert_japanese("report notices", &stderr_of(&o));

    let o = medsec_in("ja")
        .arg("sign")
        .arg(&bundle)
        .arg("--key")
        .arg(s.path("hospital.key"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr_of(&o));
    assert_japanese("sign", &stdout_of(&o));

    // The contradiction and the unsigned vendor form, in Japanese, the item by its number.
    let o = verify("ja", &bundle, &s.path("hospital.pub"), "2025-10-01");
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    let out = stdout_of(&o);
    assert_japanese("verify", &out);
    assert!(
        out.contains("(`report.json`に記録)の2-② リモートメンテナンス]: 要確認[answer-contradicted-by-probe]: 2-② リモートメンテナンスに「はい」と回答していますが、バックアップの鮮度(nas)の確認で問題が見つかりました: 最新のファイルは"),
        "{out}"
    );
    assert!(!out.contains("remote-maintenance"), "no item ID: {out}");
    // 署名日時: the date in 和暦 too, and the time (not an ISO `T`).
    let table = out.split('┘').next().unwrap_or_default();
    assert!(table.contains("署名日時"), "{out}");
    assert!(
        table.contains("(令和") && table.contains("+09:00"),
        "{table}"
    );
    assert!(!table.contains("T0") && !table.contains("T1"), "{table}");
    assert!(
        out.contains("1件: 有効0、要確認1、無効0、確認不能0"),
        "{out}"
    );

    // The same in English, with no Japanese sentence (the institution's name is data).
    let o = verify("en", &bundle, &s.path("hospital.pub"), "2025-10-01");
    let out = stdout_of(&o);
    assert!(
        out.contains("finding[answer-contradicted-by-probe]: answered Yes to 2-② Asked the vendor which devices…, but the backup freshness probe (nas) failed: the newest file is"),
        "{out}"
    );
    for line in out.lines().filter(|l| l.contains("answer-contradicted")) {
        assert!(!has_japanese(line), "{line}");
    }

    // A later fiscal year, as of a date written with slashes.
    let o = verify("ja", &bundle, &s.path("hospital.pub"), "2026/04/01");
    assert_eq!(o.status.code(), Some(1));
    let out = stdout_of(&o);
    assert!(
        out.contains("報告書は令和7年度(FY2025)のもので、今年度は令和8年度(FY2026)です"),
        "{out}"
    );
    assert_japanese("verify next year", &out);
}

#[test]
fn a_tampered_bundle_is_explained_in_japanese() {
    let s = Setup::new();
    assert!(keygen("en", &s.path("k")).status.success());
    let bundle = s.path("bundle");
    let o = s.report("en", &bundle, Some(&s.path("k.key")));
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));

    // A changed report, an extra file, a folder too deep to walk, a symbolic link.
    let report = bundle.join("report.json");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replace("テスト診療所", "別の診療所")).unwrap();
    std::fs::write(bundle.join("extra.txt"), "x").unwrap();
    let mut deep = bundle.join("deep");
    for _ in 0..70 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/hostname", bundle.join("link")).unwrap();

    let o = verify("ja", &bundle, &s.path("k.pub"), "2025-10-01");
    assert_eq!(o.status.code(), Some(3), "{}", stdout_of(&o));
    let out = stdout_of(&o);
    assert_japanese("verify tampered", &out);
    for expected in [
        "無効[file-changed]: SHA-256がマニフェストと異なります",
        "無効[file-extra]: マニフェストにないファイルです",
        "注意[content-untrusted]: 完全性または署名の確認に失敗したため",
        "無効1",
    ] {
        assert!(out.contains(expected), "{expected}: {out}");
    }
    // What could not be read is a problem: on standard error (docs/exit-codes.md).
    let err = stderr_of(&o);
    assert!(
        err.contains("フォルダの階層が64を超えるため読みません"),
        "{err}"
    );
    #[cfg(unix)]
    assert!(
        out.contains("無効[file-unsafe]: 安全でないため開きません: シンボリックリンクです"),
        "{out}"
    );
    assert!(
        !out.contains("別の診療所"),
        "nothing of an untrusted report is shown"
    );

    // A manifest that is not one, and a signature by another key.
    std::fs::write(bundle.join("MANIFEST.sha256"), "not a manifest\n").unwrap();
    assert!(keygen("en", &s.path("other")).status.success());
    let o = verify("ja", &bundle, &s.path("other.pub"), "2025-10-01");
    assert_eq!(o.status.code(), Some(3));
    let out = stdout_of(&o);
    assert_japanese("verify malformed", &out);
    assert!(
        out.contains(
            "マニフェストの形式が不正です(1行目): `<16進数64桁>  <パス>`の形ではありません"
        ),
        "{out}"
    );
    assert!(out.contains("[key-wrong]: 鍵"), "{out}");

    // The same findings in English.
    let o = verify("en", &bundle, &s.path("other.pub"), "2025-10-01");
    let out = stdout_of(&o);
    assert!(
        out.contains("invalid[manifest-malformed]: line 1: expected `<64 hex digits>  <path>`"),
        "{out}"
    );
    assert!(!has_japanese(&out.replace("テスト診療所", "")), "{out}");
}

#[test]
fn signing_errors_speak_japanese() {
    let s = Setup::new();
    let key = s.path("locked");
    let o = medsec()
        .args(["--lang", "ja", "keygen", "--out"])
        .arg(&key)
        .args(["--passphrase-env", "MEDSEC_TEST_PASS"])
        .env("MEDSEC_TEST_PASS", "right one")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr_of(&o));
    let bundle = s.path("bundle");
    assert_eq!(s.report("ja", &bundle, None).status.code(), Some(1));
    let sign = |pass_env: Option<(&str, &str)>| {
        let mut cmd = medsec_in("ja");
        cmd.arg("sign")
            .arg(&bundle)
            .arg("--key")
            .arg(s.path("locked.key"));
        if let Some((var, value)) = pass_env {
            cmd.args(["--passphrase-env", var]).env(var, value);
        }
        cmd.output().unwrap()
    };
    let o = sign(Some(("MEDSEC_TEST_PASS", "wrong one")));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr_of(&o);
    assert_japanese("wrong passphrase", &err);
    assert!(err.contains("パスフレーズが違います"), "{err}");
    // No terminal to ask on.
    let o = sign(None);
    assert_eq!(o.status.code(), Some(2));
    assert_japanese("no terminal", &stderr_of(&o));
    // An unset variable.
    let o = medsec_in("ja")
        .arg("sign")
        .arg(&bundle)
        .arg("--key")
        .arg(s.path("locked.key"))
        .args(["--passphrase-env", "MEDSEC_TEST_UNSET_VARIABLE"])
        .env_remove("MEDSEC_TEST_UNSET_VARIABLE")
        .output()
        .unwrap();
    assert_japanese("unset variable", &stderr_of(&o));
    // A key file that is not one.
    let bad = s.path("bad.pub");
    std::fs::write(&bad, "untrusted comment: x\nnot base64 at all\n").unwrap();
    let o = medsec_in("ja")
        .arg("verify")
        .arg(&bundle)
        .arg("--pubkey")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr_of(&o);
    assert!(err.contains("minisignの公開鍵ではありません"), "{err}");
    // A folder that is not a bundle is not replaced, even with --force.
    let theirs = s.path("theirs");
    std::fs::create_dir_all(&theirs).unwrap();
    std::fs::write(theirs.join("notes.txt"), "mine").unwrap();
    let o = medsec_in("ja")
        .arg("report")
        .arg("--answers")
        .arg(s.path("answers/complete.toml"))
        .arg("--out")
        .arg(&theirs)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr_of(&o);
    assert_japanese("not replaced", &err);
    assert!(
        err.contains("は置き換えませんでした: medsecの報告書一式ではありません"),
        "{err}"
    );
    // The institution's form is no vendor form to sign.
    assert!(keygen("ja", &s.path("vendor")).status.success());
    let o = medsec_in("ja")
        .arg("sign")
        .arg("--form")
        .arg(s.path("answers/complete.toml"))
        .arg("--key")
        .arg(s.path("vendor.key"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr_of(&o);
    assert_japanese("not a vendor form", &err);
    assert!(err.contains("事業者確認用ではありません"), "{err}");
    // A key list that is not one.
    let keys = s.path("keys.toml");
    std::fs::write(&keys, "format_version = 1\nother = 1\n").unwrap();
    let o = medsec_in("ja")
        .arg("verify")
        .arg(&bundle)
        .arg("--trusted")
        .arg(&keys)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr_of(&o);
    assert!(
        err.contains("keys.toml:2:1: `keys.toml`として読めません"),
        "{err}"
    );
}

/// report.json with its one volatile line (the time it was made) taken out.
fn report_bytes_without_time(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("report.json"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("\"generated_at\""))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn report_json_is_the_same_whatever_the_signers_language() {
    let s = Setup::new();
    let ja = s.path("ja");
    let en = s.path("en");
    assert_eq!(s.report("ja", &ja, None).status.code(), Some(1));
    assert_eq!(s.report("en", &en, None).status.code(), Some(1));
    let (a, b) = (
        report_bytes_without_time(&ja),
        report_bytes_without_time(&en),
    );
    assert_eq!(a, b, "report.json differs between --lang ja and --lang en");
    let report: Value = serde_json::from_str(&a).unwrap();
    assert_eq!(report["format_version"], 3);
    let contradiction = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "answer-contradicted-by-probe")
        .unwrap();
    // Recorded as a catalog message, not as a sentence.
    assert_eq!(
        contradiction["text"]["id"],
        "report-answer-contradicted-by-probe"
    );
    assert!(contradiction.get("message").is_none(), "{contradiction}");
    assert_eq!(contradiction["item"], "remote-maintenance");
}

#[test]
fn a_format_1_bundle_still_verifies_in_either_language() {
    let dir = fixture("report/v1");
    let run = |lang: &str, as_of: &str| {
        medsec()
            .args(["--lang", lang])
            .arg("--checklist")
            .arg(dir.join(INST))
            .arg("--checklist")
            .arg(dir.join(VEND))
            .arg("verify")
            .arg(dir.join("bundle"))
            .arg("--pubkey")
            .arg(dir.join("signer.pub"))
            .args(["--as-of", as_of, "--format", "json"])
            .output()
            .unwrap()
    };
    let o = run("ja", "2025-10-01");
    assert_eq!(o.status.code(), Some(1), "{}", stdout_of(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "vendor-form-unsigned",
            // Its target date (2026-03-31) had passed on the day it was made: a note.
            "target-date-overdue",
            "answer-contradicted-by-probe",
            // Its probe evidence names no institution (made before evidence recorded one).
            "evidence-no-institution",
            "unknown-field"
        ]
    );
    // The warning only the report knows is shown as that report recorded it.
    let recorded = &json["bundles"][0]["findings"][4]["message"];
    assert!(
        recorded
            .as_str()
            .unwrap()
            .contains("不明なフィールド `extra_note`"),
        "{recorded}"
    );
    // The re-run speaks the reader's language.
    let o = run("en", "2025/10/01");
    assert_eq!(o.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let message = json["bundles"][0]["findings"][2]["message"]
        .as_str()
        .unwrap();
    assert!(message.starts_with("answered Yes to 2-② "), "{message}");
    // Table output too.
    let o = medsec()
        .args(["--lang", "ja"])
        .arg("--checklist")
        .arg(dir.join(INST))
        .arg("--checklist")
        .arg(dir.join(VEND))
        .arg("verify")
        .arg(dir.join("bundle"))
        .arg("--pubkey")
        .arg(dir.join("signer.pub"))
        .args(["--as-of", "2025-10-01"])
        .output()
        .unwrap();
    let out = stdout_of(&o);
    assert!(
        out.contains("要確認[answer-contradicted-by-probe]: 2-② リモートメンテナンスに「はい」"),
        "{out}"
    );
    assert!(!out.contains("findings-disagree"), "{out}");
}

/// What an inspector reads for the format-1 fixture, in both languages (the bundle, its key
/// and its signing time are fixed, so the screen is too).
#[test]
fn verify_screens_in_both_languages() {
    for lang in ["ja", "en"] {
        let o = medsec()
            .args(["--lang", lang])
            .args([
                "--checklist",
                "tests/fixtures/report/v1/checklist-fy2025-institution.toml",
            ])
            .args([
                "--checklist",
                "tests/fixtures/report/v1/checklist-fy2025-vendor.toml",
            ])
            .args(["verify", "tests/fixtures/report/v1/bundle"])
            .args(["--pubkey", "tests/fixtures/report/v1/signer.pub"])
            .args(["--as-of", "2026-04-01"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        insta::assert_snapshot!(format!("verify-v1-{lang}"), stdout_of(&o));
    }
}
