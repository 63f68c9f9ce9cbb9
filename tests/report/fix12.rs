//! Issue #12, the three defects left: a `check` that fails after its bundle is written says
//! what it kept and how to check it; `summarize`'s `medsec verify` line carries the global
//! options that change the result; a signed date that cannot be trusted is marked as such.

use crate::common;
use common::{medsec, stderr_of, stdout_of};
use std::path::{Path, PathBuf};

/// The bundled FY2025 institution form, to be given as a file with the global `--checklist`.
const INSTITUTION_FORM_FILE: &str = "checklists/mhlw/fy2025/institution.toml";

/// The example clinic (answers, probes, the ledger and backups it cites) copied into `tmp`.
fn example_clinic(tmp: &Path) -> PathBuf {
    let dir = tmp.join("clinic");
    let src = common::root().join("examples/clinic");
    copy_tree(&src, &dir);
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// 1: the check's own public key file is damaged, which only its verify step reads: the signed
/// bundle is written by then, so it is kept, and the error names every file this check wrote
/// and the command that checks the bundle, which runs as printed once the key is put back.
#[test]
fn a_check_that_fails_after_its_bundle_keeps_it_and_says_so() {
    for (lang, said) in [
        (
            "en",
            "The signed report bundle was written before that and is kept",
        ),
        ("ja", "署名済みの報告書一式はその前に書き終えています"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let clinic = example_clinic(tmp.path());
        // The form given as a file, as an imported edition is: the command must name it.
        std::fs::copy(
            common::root().join(INSTITUTION_FORM_FILE),
            clinic.join("form.toml"),
        )
        .unwrap();
        let key = tmp.path().join("hospital");
        common::keygen(&key);
        let public = key.with_extension("pub");
        let good_public = std::fs::read(&public).unwrap();
        std::fs::write(&public, "not a public key\n").unwrap();
        let answers_before = std::fs::read(clinic.join("answers.toml")).unwrap();
        let o = medsec()
            .current_dir(&clinic)
            .args(["--checklist", "form.toml"])
            .args(["--lang", lang, "check", "--non-interactive"])
            .args(["--answers", "answers.toml", "--probes", "probes.toml"])
            .args(["--out", "out", "--as-of", "2025-11-01", "--key"])
            .arg(key.with_extension("key"))
            .output()
            .unwrap();
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        assert!(err.contains(said), "{lang}: {err}");
        // Every file this check wrote is named, as a code span, and is there.
        for name in ["`out/bundle`", "`out/evidence.json`"] {
            assert!(err.contains(name), "{lang}: {name}: {err}");
        }
        assert!(clinic.join("out/bundle/MANIFEST.sha256.minisig").is_file());
        assert!(clinic.join("out/evidence.json").is_file());
        // Nothing the user entered is touched.
        assert_eq!(
            std::fs::read(clinic.join("answers.toml")).unwrap(),
            answers_before
        );
        // The command it gives checks the kept bundle once the key file is right again.
        let command = err
            .split('`')
            .find(|c| c.starts_with("medsec verify "))
            .unwrap_or_else(|| panic!("{lang}: no verify command: {err}"))
            .to_owned();
        for flag in [
            "--as-of 2025-11-01",
            "--checklist form.toml",
            &format!("--lang {lang}"),
        ] {
            assert!(command.contains(flag), "{lang}: {flag}: {command}");
        }
        std::fs::write(&public, &good_public).unwrap();
        let args: Vec<&str> = command.split(' ').skip(1).collect();
        let v = medsec().current_dir(&clinic).args(&args).output().unwrap();
        assert!(
            matches!(v.status.code(), Some(0 | 1)),
            "{lang}: {command}: {}",
            stdout_of(&v)
        );
    }
}

/// 2 (the same fault in `check`): the rerun command in the check's next steps repeats the
/// global `--checklist` and an explicit `--lang`, and runs as printed.
#[test]
fn checks_rerun_command_repeats_the_global_options() {
    for lang in ["en", "ja"] {
        let tmp = tempfile::tempdir().unwrap();
        let clinic = example_clinic(tmp.path());
        std::fs::copy(
            common::root().join(INSTITUTION_FORM_FILE),
            clinic.join("form.toml"),
        )
        .unwrap();
        let o = medsec()
            .current_dir(&clinic)
            .args(["--checklist", "form.toml"])
            .args(["--lang", lang, "check", "--non-interactive"])
            .args(["--answers", "answers.toml", "--probes", "probes.toml"])
            .args(["--out", "out", "--as-of", "2025-11-01"])
            .output()
            .unwrap();
        let out = stdout_of(&o);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{lang}: {out}{}",
            stderr_of(&o)
        );
        let again = out
            .split('`')
            .find(|c| c.starts_with("medsec check "))
            .unwrap_or_else(|| panic!("{lang}: no rerun command: {out}"))
            .to_owned();
        for flag in ["--checklist form.toml", &format!("--lang {lang}")] {
            assert!(again.contains(flag), "{lang}: {flag}: {again}");
        }
        let args: Vec<&str> = again
            .split(' ')
            .skip(1)
            .filter(|a| *a != "NAME.key" && *a != "--key")
            .collect();
        let o = medsec().current_dir(&clinic).args(&args).output().unwrap();
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{lang}: {again}: {}",
            stderr_of(&o)
        );
    }
}
