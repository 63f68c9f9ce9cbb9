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
        // Every file this check wrote is named, as a code span, and is there (in the
        // platform's form: `out\bundle` on Windows, docs/windows.md).
        for name in ["out/bundle", "out/evidence.json"] {
            let name = format!("`{}`", common::native(name));
            assert!(err.contains(&name), "{lang}: {name}: {err}");
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

/// The example clinic under `root`, with the fixture institution form beside it as `form.toml`.
fn clinic_with_form(root: &Path) -> PathBuf {
    let clinic = example_clinic(root);
    std::fs::copy(
        common::root().join(INSTITUTION_FORM_FILE),
        clinic.join("form.toml"),
    )
    .unwrap();
    clinic
}

/// The `medsec check …` command a check's output suggests running again.
fn rerun_command(out: &str) -> String {
    out.split('`')
        .find(|c| c.starts_with("medsec check "))
        .unwrap_or_else(|| panic!("no rerun command: {out}"))
        .to_owned()
}

/// 2 (the same fault in `check`): the rerun command in the check's next steps repeats the
/// global `--checklist` and an explicit `--lang`, and runs as printed.
#[test]
fn checks_rerun_command_repeats_the_global_options() {
    for lang in ["en", "ja"] {
        let tmp = tempfile::tempdir().unwrap();
        let clinic = clinic_with_form(tmp.path());
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
        let again = rerun_command(&out);
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

/// `good` and `tampered` (signed, then an evidence file changed) under `root/bundles`, and
/// `forged` (its trusted comment's time changed, so the signature no longer verifies).
fn good_tampered_forged(root: &Path) -> (PathBuf, common::bundle::TestKey) {
    use common::bundle::{report_value, write_bundle, TestKey, HOSPITAL};
    let all = root.join("bundles");
    let key = TestKey::new(root, "hospital");
    for name in ["good", "tampered", "forged"] {
        write_bundle(&all.join(name), &report_value(HOSPITAL, 2025));
        key.sign_bundle(&all.join(name), None);
    }
    std::fs::write(all.join("tampered/evidence/backup-log.txt"), "changed\n").unwrap();
    let sig = all.join("forged/MANIFEST.sha256.minisig");
    let text = std::fs::read_to_string(&sig).unwrap();
    assert!(text.contains("timestamp:1759276800"), "{text}");
    std::fs::write(
        &sig,
        text.replace("timestamp:1759276800", "timestamp:1750000000"),
    )
    .unwrap();
    (all, key)
}

/// `medsec --lang LANG VERB ALL --pubkey KEY --as-of DATE EXTRA…` with the fixture checklists.
fn run_on(lang: &str, verb: &str, all: &Path, key: &Path, extra: &[&str]) -> std::process::Output {
    medsec()
        .env("COLUMNS", "250")
        .args(common::bundle::checklist_args())
        .args(["--lang", lang, verb])
        .arg(all)
        .arg("--pubkey")
        .arg(key)
        .args(["--as-of", common::bundle::AS_OF])
        .args(extra)
        .output()
        .unwrap()
}

/// The table line of the bundle `name`.
fn line_of<'a>(out: &'a str, name: &str) -> &'a str {
    out.lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("no line {name}: {out}"))
}

/// 3: the date a tampered bundle's signature gives is not the bundle's: summarize marks it in
/// the table, CSV and XLSX, and JSON says so in a field of its own beside `signed_at`.
#[test]
fn summarize_marks_a_tampered_bundles_signed_date_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let (all, key) = good_tampered_forged(tmp.path());
    // Japanese puts no space before 「(」.
    for (lang, date, mark) in [
        ("ja", "2025-10-01(令和7年10月1日)", "(未検証)"),
        ("en", "2025-10-01", " (unverified)"),
    ] {
        let o = run_on(lang, "summarize", &all, &key.public, &[]);
        assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
        let out = stdout_of(&o);
        assert!(
            line_of(&out, "tampered").contains(&format!("{date}{mark}")),
            "{lang}: {out}"
        );
        let good = line_of(&out, "good");
        assert!(good.contains(date) && !good.contains(mark), "{lang}: {out}");
        // A signature that does not verify: the date it claims, marked as the tampered
        // bundle's is (one rule, as verify's table; fix12h).
        let forged = if lang == "ja" {
            "2025-06-16(令和7年6月16日)(未検証)"
        } else {
            "2025-06-16 (unverified)"
        };
        assert!(line_of(&out, "forged").contains(forged), "{lang}: {out}");

        let o = run_on(lang, "summarize", &all, &key.public, &["--format", "csv"]);
        let csv = stdout_of(&o);
        assert!(
            csv.contains(&format!("\"2025-10-01{mark}\"")),
            "{lang}: {csv}"
        );
        assert_eq!(
            csv.matches(&format!("2025-10-01{mark}")).count(),
            1,
            "{csv}"
        );
        assert!(
            line_of(&csv, &common::native("bundles/good")).contains("\"2025-10-01\""),
            "{csv}"
        );

        let xlsx = tmp.path().join(format!("{lang}.xlsx"));
        let o = run_on(
            lang,
            "summarize",
            &all,
            &key.public,
            &["--format", "xlsx", "--out", xlsx.to_str().unwrap()],
        );
        assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
        check_xlsx(&xlsx, lang, mark);
    }
    let o = run_on("en", "summarize", &all, &key.public, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let row = |name: &str| {
        json["bundles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["path"].as_str().unwrap().ends_with(name))
            .unwrap()
            .clone()
    };
    // `signed_at` keeps its meaning; the new field says the date is not this bundle's.
    assert_eq!(row("tampered")["signed_at_unverified"], true, "{json:#}");
    assert!(row("tampered")["signed_at"].is_string(), "{json:#}");
    assert!(
        row("good").get("signed_at_unverified").is_none(),
        "{json:#}"
    );
    assert!(row("good")["signed_at"].is_string(), "{json:#}");
}

fn check_xlsx(path: &Path, lang: &str, mark: &str) {
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let sheet = if lang == "ja" {
        "報告書一式の一覧"
    } else {
        "bundles"
    };
    let range = wb.worksheet_range(sheet).unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let signed = if lang == "ja" { "署名日" } else { "signed" };
    let col = header.iter().position(|h| h == signed).unwrap();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[0].to_string().ends_with(name))
            .unwrap()
    };
    assert_eq!(
        row("tampered")[col],
        Data::String(format!("2025-10-01{mark}")),
        "{lang}"
    );
    assert!(
        matches!(row("good")[col], Data::DateTime(_)),
        "{lang}: {:?}",
        row("good")[col]
    );
}

/// 3, the same fault in verify: the time a signature that did not verify claims, and the time
/// of a bundle whose files changed since, are marked in the table.
#[test]
fn verify_marks_a_signed_time_that_is_not_the_bundles() {
    let tmp = tempfile::tempdir().unwrap();
    let (all, key) = good_tampered_forged(tmp.path());
    for (lang, mark) in [("ja", "(未検証)"), ("en", "(unverified)")] {
        let o = run_on(lang, "verify", &all, &key.public, &[]);
        assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
        let out = stdout_of(&o);
        let table: String = out.lines().filter(|l| l.starts_with('│')).collect();
        assert!(!table.is_empty(), "{out}");
        for name in ["tampered", "forged"] {
            assert!(
                line_of(&out, name).ends_with(&format!("{mark} │")),
                "{lang}: {out}"
            );
        }
        assert!(line_of(&out, "forged").contains("2025-06-16"), "{out}");
        assert!(!line_of(&out, "good").contains(mark), "{lang}: {out}");
    }
}

/// 3, the same fault in render: without a key the signed time is the signature's claim, marked
/// as such (a changed trusted comment changes only the claim); with the key it is not marked.
#[test]
fn render_without_a_key_marks_the_signed_time() {
    let tmp = tempfile::tempdir().unwrap();
    let (all, key) = good_tampered_forged(tmp.path());
    for (lang, mark) in [("ja", "(未検証)"), ("en", "(unverified)")] {
        let render = |dir: &str, trust: bool| {
            let mut cmd = medsec();
            cmd.args(common::bundle::checklist_args())
                .args(["--lang", lang, "render"])
                .arg(all.join(dir))
                .args(["--format", "md", "--as-of", common::bundle::AS_OF]);
            if trust {
                cmd.arg("--pubkey").arg(&key.public);
            }
            let o = cmd.output().unwrap();
            assert_eq!(o.status.code(), Some(0), "{lang}: {}", stderr_of(&o));
            stdout_of(&o)
        };
        let signed = |md: &str| {
            md.lines()
                .find(|l| l.starts_with("- ") && (l.contains("Signed") || l.contains("署名日時")))
                .unwrap_or_else(|| panic!("{md}"))
                .to_owned()
        };
        let forged = signed(&render("forged", false));
        assert!(
            forged.contains("2025-06-16") && forged.ends_with(mark),
            "{forged}"
        );
        assert!(signed(&render("good", false)).ends_with(mark), "{lang}");
        assert!(!signed(&render("good", true)).contains(mark), "{lang}");
    }
}

/// The rerun command repeats the institution's `--key`: run as printed, the bundle is signed
/// with the institution's own key again, never silently with a throwaway key.
#[test]
fn checks_rerun_command_keeps_the_institutions_key() {
    let tmp = tempfile::tempdir().unwrap();
    let clinic = clinic_with_form(tmp.path());
    common::keygen(&clinic.join("clinic"));
    // A backup that fails its probe: the check ends with findings and says to run it again.
    let probes = std::fs::read_to_string(clinic.join("probes.toml")).unwrap();
    std::fs::write(
        clinic.join("probes.toml"),
        probes.replace("min_files = 1", "min_files = 1000"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        medsec()
            .current_dir(&clinic)
            .args(["--checklist", "form.toml", "--lang", "en"])
            .args(args)
            .output()
            .unwrap()
    };
    let o = run(&[
        "check",
        "--non-interactive",
        "--answers",
        "answers.toml",
        "--probes",
        "probes.toml",
        "--key",
        "clinic.key",
        "--out",
        "out",
        "--as-of",
        "2025-11-01",
    ]);
    let out = stdout_of(&o);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{out}{}",
        stderr_of(&o)
    );
    let again = rerun_command(&out);
    assert!(again.contains("--key clinic.key"), "{again}");
    let args: Vec<&str> = again.split(' ').skip(1).collect();
    let o = medsec().current_dir(&clinic).args(&args).output().unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{again}: {}",
        stderr_of(&o)
    );
    // Still the institution's signature: its public key verifies the bundle.
    let v = run(&[
        "verify",
        "out/bundle",
        "--pubkey",
        "clinic.pub",
        "--as-of",
        "2025-11-01",
    ]);
    assert!(
        matches!(v.status.code(), Some(0 | 1)),
        "{}{}",
        stdout_of(&v),
        stderr_of(&v)
    );
}
