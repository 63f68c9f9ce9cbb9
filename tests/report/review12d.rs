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
