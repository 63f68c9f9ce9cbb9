//! `medsec check`, the year's self-check in one command, as users run it: on the example clinic
//! without a terminal (the bundle verifies with medsec and with the stock minisign), with a
//! missing passphrase, an incomplete answers file, in JSON mode, in a pseudo-terminal, and the
//! README's main-job command line as written.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

const ANSWERS: &str = "examples/clinic/answers.toml";
const PROBES: &str = "examples/clinic/probes.toml";
/// The example answered the FY2025 form: it is judged as on an inspection day of that year.
const AS_OF: &str = "2025-11-01";

fn check(out: &Path) -> assert_cmd::Command {
    let mut cmd = medsec();
    cmd.args([
        "check",
        "--answers",
        ANSWERS,
        "--probes",
        PROBES,
        "--as-of",
        AS_OF,
        "--out",
    ])
    .arg(out);
    cmd
}

/// The stock minisign tool is there, or the test is skipped (and fails under CI=true).
#[allow(clippy::print_stderr)]
fn have_minisign() -> bool {
    if Process::new("minisign").arg("-v").output().is_ok() {
        return true;
    }
    assert!(
        !in_ci(),
        "minisign is not installed (CI installs it from Debian's packages)"
    );
    eprintln!("skipped: minisign is not installed (apt-get install -y minisign)");
    false
}

/// The bundle verifies with medsec and with the stock tools.
fn assert_bundle_verifies(out: &Path, public: &Path) {
    let bundle = out.join("bundle");
    for file in [
        "report.json",
        "report.html",
        "MANIFEST.sha256",
        "MANIFEST.sha256.minisig",
    ] {
        assert!(bundle.join(file).is_file(), "{file} is in the bundle");
    }
    let v = medsec()
        .arg("verify")
        .arg(&bundle)
        .arg("--pubkey")
        .arg(public)
        .args(["--as-of", AS_OF])
        .output()
        .unwrap();
    assert_eq!(
        v.status.code(),
        Some(0),
        "{}{}",
        stdout_of(&v),
        stderr_of(&v)
    );
    if !have_minisign() {
        return;
    }
    // The bundle signs its manifest, which lists report.json (and report.html) with their
    // SHA-256: minisign checks the signature, sha256sum the files.
    let m = Process::new("minisign")
        .args(["-Vm", "MANIFEST.sha256", "-p"])
        .arg(public)
        .current_dir(&bundle)
        .output()
        .unwrap();
    assert!(m.status.success(), "{}{}", stdout_of(&m), stderr_of(&m));
    assert!(
        stdout_of(&m).contains("institution:1310123458"),
        "{}",
        stdout_of(&m)
    );
    let s = Process::new("sha256sum")
        .args(["-c", "MANIFEST.sha256"])
        .current_dir(&bundle)
        .output()
        .unwrap();
    assert!(s.status.success(), "{}{}", stdout_of(&s), stderr_of(&s));
    assert!(
        stdout_of(&s).contains("report.json: OK"),
        "{}",
        stdout_of(&s)
    );
}

#[test]
fn the_example_clinic_is_checked_end_to_end_without_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("clinic");
    let o = check(&out).output().unwrap();
    let (stdout, stderr) = (stdout_of(&o), stderr_of(&o));
    assert_eq!(o.status.code(), Some(0), "{stdout}{stderr}");
    // What was written, the HTML among it, what is missing, the next step.
    let html = out.join("bundle").join("report.html");
    assert!(
        stdout.contains(&format!("report to read and print: `{}`", html.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains("Missing:\n  - the bundle is signed with a throwaway key"),
        "{stdout}"
    );
    // The key file to hand over is code, as the command beside it.
    assert!(
        stdout.contains("give `NAME.pub` to the inspectors"),
        "{stdout}"
    );
    assert!(stdout.contains("medsec keygen --out NAME"), "{stdout}");
    // The rerun repeats the flags given (#12 review b, 4).
    let rerun = format!(
        "`medsec check --answers {ANSWERS} --probes {PROBES} --out {} --as-of {AS_OF} --key NAME.key`",
        out.display()
    );
    assert!(stdout.contains(&rerun), "{stdout}");
    // A throwaway key is listed as missing: the check is not said to be done.
    assert!(!stdout.contains("is done."), "{stdout}");
    assert!(
        stdout.contains("The check ran to the end, but what is listed under Missing is still left"),
        "{stdout}"
    );
    // Each step's own output is there: status, probes, report, verification.
    assert!(stdout.contains("complete (0 warnings)"), "{stdout}");
    assert!(
        stdout.contains("`vm`: 2 passed, 0 failed, 0 could not tell; 0 answers are contradicted."),
        "{stdout}"
    );
    assert!(stdout.contains("1 bundle: 1 valid"), "{stdout}");
    // No progress without a terminal.
    assert!(
        !stderr.contains('✓') && !stderr.contains("[1/6]"),
        "{stderr}"
    );
    assert!(out.join("evidence.json").is_file());
    assert_bundle_verifies(&out, &out.join("throwaway.pub"));

    // Again: the bundle is replaced, the throwaway key kept.
    let key_before = std::fs::read(out.join("throwaway.pub")).unwrap();
    let o = check(&out).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        stdout_of(&o),
        stderr_of(&o)
    );
    assert_eq!(
        std::fs::read(out.join("throwaway.pub")).unwrap(),
        key_before
    );
    assert_bundle_verifies(&out, &out.join("throwaway.pub"));
}

#[test]
fn the_institutions_own_key_signs_with_the_passphrase_from_the_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("clinic");
    medsec()
        .env("CLINIC_PASSPHRASE", "a long passphrase for the test")
        .arg("keygen")
        .arg("--out")
        .arg(&key)
        .args(["--passphrase-env", "CLINIC_PASSPHRASE"])
        .assert()
        .success();
    let out = tmp.path().join("out");
    let o = check(&out)
        .env("CLINIC_PASSPHRASE", "a long passphrase for the test")
        .arg("--key")
        .arg(key.with_extension("key"))
        .args(["--passphrase-env", "CLINIC_PASSPHRASE"])
        .output()
        .unwrap();
    let stdout = stdout_of(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}{}", stderr_of(&o));
    assert!(stdout.contains("Missing:\n  nothing"), "{stdout}");
    assert!(stdout.contains("print "), "{stdout}");
    assert!(!out.join("throwaway.key").exists());
    assert_bundle_verifies(&out, &key.with_extension("pub"));
}

#[test]
fn a_missing_passphrase_is_an_error_naming_where_it_comes_from() {
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("clinic");
    medsec()
        .env("CLINIC_PASSPHRASE", "a long passphrase for the test")
        .arg("keygen")
        .arg("--out")
        .arg(&key)
        .args(["--passphrase-env", "CLINIC_PASSPHRASE"])
        .assert()
        .success();
    let out = tmp.path().join("out");
    // The variable named is not set.
    let o = check(&out)
        .env_remove("MEDSEC_PASSPHRASE")
        .arg("--key")
        .arg(key.with_extension("key"))
        .args(["--passphrase-env", "MEDSEC_PASSPHRASE"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
    assert!(
        stderr_of(&o).contains("MEDSEC_PASSPHRASE"),
        "{}",
        stderr_of(&o)
    );
    // No variable named, and no terminal to ask on.
    let o = check(&out)
        .arg("--key")
        .arg(key.with_extension("key"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
    assert!(
        stderr_of(&o).contains("--passphrase-env VAR"),
        "{}",
        stderr_of(&o)
    );
    // Nothing ran, nothing was written.
    assert!(!out.exists());
}

#[test]
fn an_incomplete_answers_file_says_what_is_missing_and_the_next_step() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = tmp.path().join("answers.toml");
    let text = std::fs::read_to_string(root().join(ANSWERS)).unwrap();
    // The first answer (item 0) taken back.
    let text = text.replacen("answer = \"はい\"", "answer = \"\"", 1);
    std::fs::write(&answers, text).unwrap();
    let out = tmp.path().join("out");
    for lang in ["en", "ja"] {
        let o = medsec()
            .args(["--lang", lang, "check", "--answers"])
            .arg(&answers)
            .args(["--probes", PROBES, "--as-of", AS_OF, "--out"])
            .arg(&out)
            .output()
            .unwrap();
        let stdout = stdout_of(&o);
        assert_eq!(o.status.code(), Some(1), "{stdout}{}", stderr_of(&o));
        let severity = if lang == "en" { "error" } else { "エラー" };
        assert!(
            stdout.contains(&format!("{severity}[unanswered]")),
            "{stdout}"
        );
        let next = format!("medsec answer {}", answers.display());
        assert!(stdout.contains(&next), "{stdout}");
        // The check to run again repeats the flags given (the folder, the date, …).
        let flat: String = stdout.split_whitespace().collect();
        let again: String = format!(
            "`medsec check --answers {} --probes {PROBES} --out {} --as-of {AS_OF} --lang {lang}`",
            answers.display(),
            out.display()
        )
        .split_whitespace()
        .collect();
        assert!(flat.contains(&again), "{again}: {stdout}");
        if lang == "en" {
            assert!(stdout.contains("the answers are incomplete"), "{stdout}");
            assert!(stdout.contains("Next:"), "{stdout}");
        } else {
            assert!(stdout.contains("回答が完了していません"), "{stdout}");
            assert!(stdout.contains("次に:"), "{stdout}");
        }
        // It stops before probes and report.
        assert!(!out.exists());
    }
}

#[test]
fn without_an_answers_file_or_a_terminal_it_names_the_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let o = medsec()
        .current_dir(tmp.path())
        .args(["check", "--probes"])
        .arg(root().join(PROBES))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
    assert!(
        stderr_of(&o).contains("--answers FILE"),
        "{}",
        stderr_of(&o)
    );
    assert!(stderr_of(&o).contains("medsec init"), "{}", stderr_of(&o));
    // Nothing was made in the folder.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn json_mode_prints_one_object_and_no_progress() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = check(&out).args(["--format", "json"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    // No progress on stderr; only the edition notice, as `status` puts it there (the bundled
    // editions end before this fiscal year: the form in force is not registered here).
    let stderr = stderr_of(&o);
    assert!(!stderr.contains('✓'), "{stderr}");
    let this_year = medsec::dates::fiscal_year_of(medsec::dates::today_in_japan());
    if this_year > 2025 {
        assert!(stderr.contains("medsec checklist import"), "{stderr}");
    }
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON object");
    assert_eq!(v["exit_code"], 0);
    assert_eq!(v["complete"], true);
    assert_eq!(v["probes"]["pass"], 2);
    assert_eq!(v["missing"], serde_json::json!(["throwaway-key"]));
    assert_eq!(v["key"]["throwaway"], true);
    assert_eq!(v["status"]["complete"], true);
    assert!(v["verify"].is_object(), "{v}");
    let html = PathBuf::from(v["html"].as_str().unwrap());
    assert!(html.is_file());
    assert_eq!(html, out.join("bundle").join("report.html"));
}

#[test]
fn a_failed_probe_is_a_finding_and_the_bundle_is_still_written() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("probes.toml");
    // A copy of the example's backup folder beside the configuration, named relative to it: the
    // same on Windows, where a built-in Unix path (`/work/…`) has no drive and is taken on the
    // configuration's drive (docs/windows.md).
    let backup = tmp.path().join("backup");
    std::fs::create_dir(&backup).unwrap();
    for entry in std::fs::read_dir(root().join("examples/clinic/backup")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), backup.join(entry.file_name())).unwrap();
    }
    // More files than the example's backup folder holds: the probe fails.
    std::fs::write(
        &config,
        "[[probe]]\nkind = \"backup-freshness\"\npath = \"backup\"\nmax_age = \"3650d\"\nmin_files = 1000\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = medsec()
        .args(["check", "--answers", ANSWERS, "--as-of", AS_OF, "--probes"])
        .arg(&config)
        .arg("--out")
        .arg(&out)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["probes"]["fail"], 1);
    // はい to 3-② backup-and-restore, and the probe says otherwise.
    assert_eq!(v["probes"]["contradictions"], 1);
    assert_eq!(
        v["missing"],
        serde_json::json!([
            "probe-failed",
            "probe-contradiction",
            "report-findings",
            "verify-findings",
            "throwaway-key"
        ])
    );
    assert!(out.join("bundle").join("report.html").is_file());
}

#[test]
fn an_unusable_answers_file_is_exit_2_with_its_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = tmp.path().join("answers.toml");
    let text = std::fs::read_to_string(root().join(ANSWERS)).unwrap();
    std::fs::write(
        &answers,
        text.replacen("answer = \"はい\"", "answer = \"たぶん\"", 1),
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = medsec()
        .args(["check", "--probes", PROBES, "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stdout = stdout_of(&o);
    assert_eq!(o.status.code(), Some(2), "{stdout}{}", stderr_of(&o));
    // The problem that stops the command on standard error; the summary on standard output.
    assert!(stderr_of(&o).contains("たぶん"), "{}", stderr_of(&o));
    assert!(!stdout.contains("たぶん"), "{stdout}");
    assert!(stdout.contains("the answers cannot be used"), "{stdout}");
    assert!(!out.exists());
    let o = medsec()
        .args(["check", "--format", "json", "--probes", PROBES, "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["exit_code"], 2);
    assert_eq!(v["missing"], serde_json::json!(["unusable-answers"]));
    assert_eq!(v["status"]["usable"], false);
}

/// The command between `<!-- main-job -->` and `<!-- /main-job -->` in README.md, one line
/// (continuations joined), split into words.
fn readme_main_job() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- main-job -->")
        .expect("README has <!-- main-job -->");
    let end = readme
        .find("<!-- /main-job -->")
        .expect("README has <!-- /main-job -->");
    let block = &readme[start..end];
    let code = block
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a ```sh block in the main job");
    code.replace("\\\n", " ")
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_readme_main_job_runs_as_written() {
    let words = readme_main_job();
    let at = words
        .iter()
        .position(|w| w == "--")
        .expect("`cargo run --release -- ...`");
    assert_eq!(words[..at], ["cargo", "run", "--release"]);
    let mut args: Vec<String> = words[at + 1..].to_vec();
    assert_eq!(args.first().map(String::as_str), Some("check"));
    // This build of medsec, and a fresh folder for --out (tests run side by side).
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("medsec-clinic");
    let i = args.iter().position(|a| a == "--out").expect("--out DIR");
    args[i + 1] = out.display().to_string();
    let o = medsec().args(&args).output().unwrap();
    let stdout = stdout_of(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}{}", stderr_of(&o));
    // It verified the result and says where the HTML is.
    assert!(stdout.contains("1 bundle: 1 valid"), "{stdout}");
    assert!(
        stdout.contains(&out.join("bundle").join("report.html").display().to_string()),
        "{stdout}"
    );
    assert_bundle_verifies(&out, &out.join("throwaway.pub"));
}

#[cfg(unix)]
mod pty {
    use super::*;
    use expectrl::session::OsSession as Session;
    use expectrl::Expect;
    use std::process::Command;
    use std::time::Duration;

    fn spawn(dir: &Path, args: &[&str]) -> Session {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
        cmd.env_remove("LC_ALL")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env("MEDSEC_DATA_DIR", root().join("target/test-no-user-data"))
            .current_dir(dir)
            .args(args);
        let mut s = Session::spawn(cmd).expect("spawn in a pty");
        s.set_expect_timeout(Some(Duration::from_secs(60)));
        s
    }

    /// Everything the session prints until it exits.
    fn rest(s: &mut Session) -> String {
        crate::common::pty_output(s)
    }

    fn exit_code(s: &mut Session) -> String {
        format!("{:?}", s.get_process_mut().wait().unwrap())
    }

    #[test]
    fn on_a_terminal_the_steps_show_in_japanese() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let root = root();
        let out_s = out.display().to_string();
        let mut s = spawn(
            &root,
            &[
                "--lang",
                "ja",
                "check",
                "--answers",
                ANSWERS,
                "--probes",
                PROBES,
                "--as-of",
                AS_OF,
                "--out",
                &out_s,
            ],
        );
        // Each step done is a line on the terminal, a whole sentence in Japanese.
        s.expect("✓ [1/6] 回答ファイル").unwrap();
        s.expect("を点検しました。").unwrap();
        s.expect("✓ [2/6] 回答の記入は完了しています。").unwrap();
        s.expect("✓ [3/6] プローブの結果は、合格2件、不合格0件、不明0件、回答との矛盾0件です。")
            .unwrap();
        s.expect("✓ [4/6] 使い捨ての鍵").unwrap();
        s.expect("✓ [5/6] 署名付きの報告書を").unwrap();
        s.expect("に書き出しました。").unwrap();
        s.expect("✓ [6/6] 書き出した報告書を検証しました。有効です。")
            .unwrap();
        let tail = rest(&mut s);
        assert!(tail.contains("閲覧・印刷用の報告書"), "{tail}");
        // A throwaway key is listed under 足りないもの: not said to be complete, and the
        // rerun repeats the flags given (#12 review b, 4).
        // Lines are wrapped to the terminal: compare without spaces.
        let flat: String = tail.split_whitespace().collect();
        assert!(!flat.contains("点検は完了しました"), "{tail}");
        assert!(
            flat.contains(
                "点検は最後まで実行しましたが、「足りないもの」に挙げたものが残っています。"
            ),
            "{tail}"
        );
        assert!(
            flat.contains(&format!(
                "`medseccheck--answers{ANSWERS}--probes{PROBES}--out"
            )),
            "{tail}"
        );
        assert!(flat.contains("--keyNAME.key`をもう一度"), "{tail}");
        let code = exit_code(&mut s);
        assert!(code.ends_with(", 0)"), "{code}");
        assert!(out.join("bundle").join("report.html").is_file());
    }

    #[test]
    fn on_a_terminal_the_steps_are_sentences_in_english() {
        let tmp = tempfile::tempdir().unwrap();
        let out_s = tmp.path().join("out").display().to_string();
        let mut s = spawn(
            &root(),
            &[
                "--lang",
                "en",
                "check",
                "--answers",
                ANSWERS,
                "--probes",
                PROBES,
                "--as-of",
                AS_OF,
                "--out",
                &out_s,
            ],
        );
        s.expect("✓ [1/6] Checked the answers file ").unwrap();
        s.expect("✓ [2/6] The answers are complete.").unwrap();
        s.expect("✓ [3/6] The probes ran: 2 passed, 0 failed, 0 could not tell; 0 answers are contradicted.")
            .unwrap();
        s.expect("✓ [4/6] Signing with the throwaway key ").unwrap();
        s.expect("✓ [5/6] Wrote the signed report to ").unwrap();
        s.expect("✓ [6/6] Verified the report just written: it is valid.")
            .unwrap();
        let code = exit_code(&mut s);
        assert!(code.ends_with(", 0)"), "{code}");
    }

    #[test]
    fn non_interactive_never_asks_even_on_a_terminal() {
        let tmp = tempfile::tempdir().unwrap();
        let probes = root().join(PROBES).display().to_string();
        let mut s = spawn(
            tmp.path(),
            &[
                "--lang",
                "en",
                "check",
                "--non-interactive",
                "--probes",
                &probes,
            ],
        );
        let tail = rest(&mut s);
        assert!(tail.contains("--answers FILE"), "{tail}");
        let code = exit_code(&mut s);
        assert!(code.ends_with(", 2)"), "{code}");
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    }

    /// The edition notice (this year's form not registered) comes before the walk-through's
    /// first question, as in `answer`, not after it.
    #[test]
    fn on_a_terminal_the_edition_notice_comes_before_the_walk_through() {
        if medsec::dates::fiscal_year_of(medsec::dates::today_in_japan()) <= 2025 {
            return;
        }
        let tmp = tempfile::tempdir().unwrap();
        let probes = root().join(PROBES).display().to_string();
        let mut s = spawn(tmp.path(), &["--lang", "en", "check", "--probes", &probes]);
        s.expect("medsec checklist import").unwrap();
        // The form is asked first (Enter takes the institution's), then the walk-through.
        s.expect("Which form do you answer?").unwrap();
        s.expect("Number [1] (q quits): ").unwrap();
        s.send_line("").unwrap();
        s.expect("The institution details are not filled in yet")
            .unwrap();
        s.send_line("q").unwrap();
        let tail = rest(&mut s);
        assert!(
            !tail.contains("medsec checklist import"),
            "said once: {tail}"
        );
        let code = exit_code(&mut s);
        assert!(code.ends_with(", 1)"), "{code}");
    }

    #[test]
    fn on_a_terminal_without_answers_it_makes_them_and_asks() {
        let tmp = tempfile::tempdir().unwrap();
        let probes = root().join(PROBES).display().to_string();
        let mut s = spawn(tmp.path(), &["--lang", "en", "check", "--probes", &probes]);
        // Which form, the institution's the default (Enter), then `init` made the file, and
        // the walk-through asks for the institution first.
        s.expect("1) institution (mhlw-institution@fy2025) [default]")
            .unwrap();
        s.expect("Number [1] (q quits): ").unwrap();
        s.send_line("").unwrap();
        s.expect("The institution details are not filled in yet")
            .unwrap();
        s.send_line("q").unwrap();
        let tail = rest(&mut s);
        assert!(tail.contains("the answers are incomplete"), "{tail}");
        assert!(
            tail.contains("medsec answer institution-fy2025.toml"),
            "{tail}"
        );
        let code = exit_code(&mut s);
        assert!(code.ends_with(", 1)"), "{code}");
        let made: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(made, ["institution-fy2025.toml"]);
    }
}

/// An output folder that cannot be made: the OS error in the catalog's words (Japanese under
/// `--lang ja`, with the OS number), not the operating system's English text.
#[test]
fn an_output_folder_that_cannot_be_made_is_said_in_japanese() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let o = check(&file.join("out"))
        .env("LANG", "ja_JP.UTF-8")
        .output()
        .unwrap();
    let err = stderr_of(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    // ENOTDIR, said in words without its number; Windows says a file of that name exists
    // (ERROR_ALREADY_EXISTS).
    #[cfg(unix)]
    assert!(
        err.contains("に書き込めません: フォルダではありません") && !err.contains("エラー番号"),
        "{err}"
    );
    assert!(!err.contains("Not a directory"), "{err}");
}

/// An empty probe configuration: the warning `no-probe-evidence` is shown by the report and
/// verify steps, so the closing summary lists it under what is missing and never says
/// 「足りないもの: なし」 or that the year's check is done; a warning, so exit 0
/// (docs/exit-codes.md), with the institution's own key (nothing else missing).
#[test]
fn an_empty_probe_configuration_is_listed_as_missing_probe_evidence() {
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("clinic");
    keygen(&key);
    let probes = tmp.path().join("probes.toml");
    std::fs::write(&probes, "role = \"server\"\n").unwrap();
    let cases = [
        (
            "en",
            "Missing:\n  - no answer was checked against this machine (warning[no-probe-evidence]): the probe configuration is empty, so no probe gave a result\n",
            "name the probes for this machine in the probe configuration (the `--probes` file: one `[[probe]]` table per probe, such as `kind = \"patch-level\"`)",
            "The check ran to the end, but what is listed under Missing is still left",
            "Missing:\n  nothing",
        ),
        (
            "ja",
            "足りないもの:\n  - 回答と機器の状態の照合が行われていません(警告[no-probe-evidence]): プローブの設定が空で、プローブの結果が1件もありません。\n",
            "この機器で使うプローブを設定(`--probes`のファイル。`[[probe]]`の表ごとに`kind = \"patch-level\"`のようにプローブを1つ書きます)に書き",
            "点検は最後まで実行しましたが、「足りないもの」に挙げたものが残っています",
            "足りないもの:\n  なし",
        ),
    ];
    for (lang, missing, next, result, nothing) in cases {
        let out = tmp.path().join(format!("out-{lang}"));
        let o = medsec()
            .args([
                "--lang",
                lang,
                "check",
                "--answers",
                ANSWERS,
                "--as-of",
                AS_OF,
            ])
            .arg("--probes")
            .arg(&probes)
            .arg("--out")
            .arg(&out)
            .arg("--key")
            .arg(key.with_extension("key"))
            .output()
            .unwrap();
        let stdout = stdout_of(&o);
        assert_eq!(o.status.code(), Some(0), "{stdout}{}", stderr_of(&o));
        for needle in [missing, next, result] {
            assert!(stdout.contains(needle), "{needle:?} not in {stdout}");
        }
        assert!(!stdout.contains(nothing), "{stdout}");
    }
    let o = medsec()
        .args(["check", "--answers", ANSWERS, "--as-of", AS_OF, "--probes"])
        .arg(&probes)
        .arg("--out")
        .arg(tmp.path().join("out-json"))
        .arg("--key")
        .arg(key.with_extension("key"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["missing"], serde_json::json!(["no-probe-evidence"]));
    assert_eq!(v["exit_code"], 0);
}
