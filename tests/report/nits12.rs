//! Issue #12, the fresh reviewer's small faults (task nits12): each one as users meet it,
//! through the binary, in Japanese and English.

use crate::common;

use common::{stderr_of, stdout_of, with_fixtures};
use std::ffi::OsStr;
use std::path::Path;

/// `medsec --lang LANG ARGS` with the fixture checklists: (exit code, stdout, stderr).
fn run<S: AsRef<OsStr>>(lang: &str, args: &[S]) -> (i32, String, String) {
    let o = with_fixtures()
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

fn p(path: &Path) -> &OsStr {
    path.as_os_str()
}

// ---- TOML errors say it once, with the specific detail and the place ----

#[test]
fn a_csv_given_as_probe_configuration_says_what_is_wrong_once_and_where() {
    let csv = common::root().join("examples/ledger.csv");
    let (code, _, err) = run(
        "ja",
        &[OsStr::new("probe"), OsStr::new("--config"), p(&csv)],
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.matches("書き方に誤りがあります").count(), 1, "{err}");
    assert!(
        err.contains("ledger.csv:1:8:") && err.contains("`=`が必要です"),
        "{err}"
    );
    let (code, _, err) = run(
        "en",
        &[OsStr::new("probe"), OsStr::new("--config"), p(&csv)],
    );
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("invalid TOML syntax"), "{err}");
    assert!(
        err.contains("ledger.csv:1:8:") && err.contains("detail: expected `=`"),
        "{err}"
    );

    let tmp = tempfile::tempdir().unwrap();
    let answers = tmp.path().join("a.toml");
    std::fs::write(&answers, "x y\n").unwrap();
    let (_, out, err) = run("ja", &[OsStr::new("status"), p(&answers)]);
    let out = format!("{out}{err}");
    assert!(out.contains("a.toml:1:3:"), "{out}");
    assert_eq!(out.matches("書き方に誤りがあります").count(), 1, "{out}");
}

// ---- check: an evidence.json that was there is said to be replaced ----

const ANSWERS: &str = "examples/clinic/answers.toml";
const PROBES: &str = "examples/clinic/probes.toml";
const AS_OF: &str = "2025-11-01";

#[test]
fn check_says_it_replaced_an_evidence_json_that_was_there() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("evidence.json"), "{\"mine\": true}\n").unwrap();
        let (code, _, err) = run(
            lang,
            &[
                OsStr::new("check"),
                OsStr::new("--answers"),
                OsStr::new(ANSWERS),
                OsStr::new("--probes"),
                OsStr::new(PROBES),
                OsStr::new("--as-of"),
                OsStr::new(AS_OF),
                OsStr::new("--out"),
                p(&out),
            ],
        );
        assert!(matches!(code, 0 | 1), "{err}");
        let said = if lang == "ja" {
            "を、このチェックの実機確認の結果で置き換えました。"
        } else {
            "which was there before, was replaced by this check's probe evidence."
        };
        assert!(err.contains(said) && err.contains("evidence.json"), "{err}");
        // A fresh folder: nothing was replaced, nothing said.
        let fresh = tmp.path().join("fresh");
        let (_, _, err) = run(
            lang,
            &[
                OsStr::new("check"),
                OsStr::new("--answers"),
                OsStr::new(ANSWERS),
                OsStr::new("--probes"),
                OsStr::new(PROBES),
                OsStr::new("--as-of"),
                OsStr::new(AS_OF),
                OsStr::new("--out"),
                p(&fresh),
            ],
        );
        assert!(!err.contains(said), "{err}");
    }
}

// ---- check killed during the probes takes back the folder it made ----

#[cfg(unix)]
#[test]
fn a_check_killed_during_the_probes_leaves_no_folder_behind() {
    use std::os::unix::fs::PermissionsExt;
    for signal in ["TERM", "INT"] {
        let tmp = tempfile::tempdir().unwrap();
        let bin = tmp.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        let restic = bin.join("restic");
        std::fs::write(&restic, "#!/bin/sh\nsleep 30\n").unwrap();
        std::fs::set_permissions(&restic, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::create_dir(tmp.path().join("repo")).unwrap();
        let config = tmp.path().join("probes.toml");
        std::fs::write(
            &config,
            "timeout = \"1m\"\n[[probe]]\nkind = \"backup-freshness\"\nformat = \"restic\"\npath = \"repo\"\nany_host = true\n",
        )
        .unwrap();
        let out = tmp.path().join("out");
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("medsec"))
            .current_dir(common::root())
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env("PATH", path)
            .env(
                "MEDSEC_DATA_DIR",
                common::root().join("target/test-no-user-data"),
            )
            .args(["check", "--answers", ANSWERS, "--as-of", AS_OF, "--probes"])
            .arg(&config)
            .arg("--out")
            .arg(&out)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while !out.exists() && started.elapsed() < std::time::Duration::from_secs(60) {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert!(out.exists(), "check made its folder");
        std::thread::sleep(std::time::Duration::from_millis(300));
        let killed = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert!(!status.success());
        // It dies of the signal it got, as without a handler (the shell says 143 or 130).
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            status.signal(),
            Some(if signal == "TERM" { 15 } else { 2 }),
            "{status:?}"
        );
        assert!(!out.exists(), "SIG{signal}: the folder check made is gone");
    }
}

/// A check started with SIGHUP ignored (`nohup`) goes on after a hang-up, its folder kept.
#[cfg(unix)]
#[test]
fn a_check_started_with_hangups_ignored_goes_on_after_one() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let restic = bin.join("restic");
    std::fs::write(&restic, "#!/bin/sh\nsleep 30\n").unwrap();
    std::fs::set_permissions(&restic, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::create_dir(tmp.path().join("repo")).unwrap();
    let config = tmp.path().join("probes.toml");
    std::fs::write(
        &config,
        "timeout = \"1m\"\n[[probe]]\nkind = \"backup-freshness\"\nformat = \"restic\"\npath = \"repo\"\nany_host = true\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // What nohup does: SIGHUP ignored, kept ignored across exec.
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' HUP; exec \"$0\" \"$@\"")
        .arg(assert_cmd::cargo::cargo_bin("medsec"))
        .args(["check", "--answers", ANSWERS, "--as-of", AS_OF, "--probes"])
        .arg(&config)
        .arg("--out")
        .arg(&out)
        .current_dir(common::root())
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("PATH", path)
        .env(
            "MEDSEC_DATA_DIR",
            common::root().join("target/test-no-user-data"),
        )
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !out.exists() && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(out.exists(), "check made its folder");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let pid = child.id().to_string();
    let kill = |signal: &str| {
        let killed = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(&pid)
            .status()
            .unwrap();
        assert!(killed.success());
    };
    kill("HUP");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(child.try_wait().unwrap().is_none(), "a hang-up stopped it");
    assert!(out.exists(), "a hang-up took back the folder");
    kill("TERM");
    let status = child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(15), "{status:?}");
    assert!(
        !out.exists(),
        "SIGTERM after the hang-up: the folder is gone"
    );
}

// ---- checklist lint: no summary line when nothing was read, whatever the reason ----

#[test]
fn lint_prints_no_summary_when_nothing_was_read() {
    for lang in ["ja", "en"] {
        for file in ["nothere.toml", "tests/fixtures/answers/not-utf8.toml"] {
            let (code, out, err) = run(lang, &["checklist", "lint", file]);
            assert_eq!(code, 2, "{lang} {file}: {err}");
            assert!(out.is_empty(), "{lang} {file}: {out}");
            assert!(!err.is_empty(), "{lang} {file}");
        }
    }
}

// ---- the unknown-command hint: each suggestion its own code span ----

#[test]
fn each_suggested_command_is_its_own_code_span() {
    let (code, _, err) = run("ja", &["chec"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`checklist`、`check`のことですか？"), "{err}");
    // English keeps clap's own words, each name quoted on its own.
    let (_, _, err) = run("en", &["chec"]);
    assert!(err.contains("'checklist', 'check'"), "{err}");
}

// ---- a prefecture that is none of the 47 is said as such ----

#[test]
fn a_prefecture_that_is_no_prefecture_is_said_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = common::complete_answers_in(tmp.path());
    let text = std::fs::read_to_string(&answers).unwrap();
    let re = regex_free_replace(&text, "prefecture = ", "prefecture = \"xyz\"");
    std::fs::write(&answers, re).unwrap();
    let (code, out, err) = run("ja", &[OsStr::new("status"), p(&answers)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("警告[institution-prefecture-unknown]")
            && out.contains("都道府県「xyz」は47都道府県のどれでもありません。"),
        "{out}"
    );
    assert!(
        !out.contains("institution-code-prefecture-mismatch"),
        "{out}"
    );
    let (_, out, _) = run("en", &[OsStr::new("status"), p(&answers)]);
    assert!(
        out.contains("warning[institution-prefecture-unknown]")
            && out.contains("“xyz” is none of the 47 prefectures"),
        "{out}"
    );
    assert!(
        !out.contains("institution-code-prefecture-mismatch"),
        "{out}"
    );
}

/// `text` with the line starting with `start` replaced by `line`.
fn regex_free_replace(text: &str, start: &str, line: &str) -> String {
    let mut found = false;
    let out: Vec<&str> = text
        .lines()
        .map(|l| {
            if l.starts_with(start) && !found {
                found = true;
                line
            } else {
                l
            }
        })
        .collect();
    assert!(found, "{start} in {text}");
    out.join("\n") + "\n"
}

// ---- the status header before a code is entered ----

#[test]
fn the_status_header_says_a_missing_code_is_not_filled_in() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = common::complete_answers_in(tmp.path());
    let text = std::fs::read_to_string(&answers).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("code = "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&answers, text).unwrap();
    let (_, out, err) = run("ja", &[OsStr::new("status"), p(&answers)]);
    assert!(out.contains("(医療機関コード未記入)"), "{out}{err}");
    assert!(!out.contains("医療機関コード-"), "{out}");
    let (_, out, err) = run("en", &[OsStr::new("status"), p(&answers)]);
    assert!(out.contains("(code not filled in)"), "{out}{err}");
}

// ---- progress marks on a terminal: a failed step has a failure mark ----

#[cfg(unix)]
#[test]
fn on_a_terminal_a_failed_step_has_a_failure_mark() {
    use std::time::Duration;
    let tmp = tempfile::tempdir().unwrap();
    let answers = tmp.path().join("answers.toml");
    let text = std::fs::read_to_string(common::root().join(ANSWERS)).unwrap();
    std::fs::write(
        &answers,
        text.replacen("answer = \"はい\"", "answer = \"\"", 1),
    )
    .unwrap();
    let out = tmp.path().join("out");
    for lang in ["ja", "en"] {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_medsec"));
        cmd.env_remove("LC_ALL")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env(
                "MEDSEC_DATA_DIR",
                common::root().join("target/test-no-user-data"),
            )
            .current_dir(common::root())
            .args(["--lang", lang, "check", "--non-interactive", "--answers"])
            .arg(&answers)
            .args(["--probes", PROBES, "--as-of", AS_OF, "--out"])
            .arg(&out);
        let mut s = expectrl::session::OsSession::spawn(cmd).expect("spawn in a pty");
        s.set_expect_timeout(Some(Duration::from_secs(60)));
        let shown = common::pty_output(&mut s);
        assert!(shown.contains("✓ [1/6]"), "{shown}");
        assert!(shown.contains("✗ [2/6]"), "{shown}");
        assert!(!shown.contains("✓ [2/6]"), "{shown}");
    }
}

// ---- English HTML: the kind is a label; the verification box is coloured by the worst ----

#[test]
fn english_html_labels_the_kind_and_colours_the_box_by_the_worst_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = common::complete_answers_in(tmp.path());
    let key = tmp.path().join("k");
    common::keygen(&key);
    let bundle = tmp.path().join("bundle");
    // No probe evidence: verify's warning no-probe-evidence is listed in the box.
    let o = with_fixtures()
        .args(["report", "--answers"])
        .arg(&answers)
        .arg("--sign")
        .arg(key.with_extension("key"))
        .arg("--out")
        .arg(&bundle)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    for lang in ["en", "ja"] {
        let html = tmp.path().join(format!("r-{lang}.html"));
        let (code, out, err) = run(
            lang,
            &[
                OsStr::new("render"),
                p(&bundle),
                OsStr::new("--format"),
                OsStr::new("html"),
                OsStr::new("--pubkey"),
                p(&key.with_extension("pub")),
                OsStr::new("--out"),
                p(&html),
            ],
        );
        assert_eq!(code, 0, "{out}{err}");
        let page = std::fs::read_to_string(&html).unwrap();
        assert!(page.contains("no-probe-evidence"), "{page}");
        assert!(
            page.contains("class=\"state state-verified worst-")
                && !page.contains("class=\"state state-verified\""),
            "{lang}: {}",
            page.lines()
                .filter(|l| l.contains("class=\"state"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        if lang == "en" {
            assert!(page.contains("<td>Clinic</td>"), "Kind is labelled");
            assert!(!page.contains("<td>clinic</td>"));
        } else {
            assert!(page.contains("<td>診療所</td>"));
        }
    }
}

// ---- summarize: the no-probe-evidence warning is the worst finding; the edition as printed ----

#[test]
fn summarize_names_the_no_probe_evidence_warning_and_prints_the_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("k");
    common::keygen(&key);
    let bundle = tmp.path().join("b");
    let o = common::medsec()
        .args(["report", "--answers", ANSWERS, "--sign"])
        .arg(key.with_extension("key"))
        .arg("--out")
        .arg(&bundle)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    for (lang, edition, column) in [
        ("ja", "令和7年度版", "版の表記"),
        ("en", "FY2025", "edition as printed"),
    ] {
        let o = common::medsec()
            .args(["--lang", lang, "summarize"])
            .arg(&bundle)
            .arg("--pubkey")
            .arg(key.with_extension("pub"))
            .args(["--as-of", AS_OF, "--format", "csv"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
        let csv = stdout_of(&o);
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let row: Vec<&str> = lines.next().unwrap().split(',').collect();
        let at = |name: &str| {
            header
                .iter()
                .position(|h| h.trim_matches(['"', '\u{feff}']) == name)
        };
        let worst = at(if lang == "ja" {
            "最も重い指摘"
        } else {
            "worst finding"
        })
        .unwrap();
        assert_eq!(row[worst], "\"no-probe-evidence\"", "{csv}");
        // The edition column keeps the ID; a column added after it says it as printed (then
        // verify's notes, added after that).
        let id = at(if lang == "ja" { "版" } else { "edition" }).unwrap();
        assert_eq!(row[id], "\"fy2025\"", "{csv}");
        let printed = at(column).unwrap();
        assert_eq!(printed, header.len() - 2, "added at the end");
        assert!(row[printed].trim_matches('"').starts_with(edition), "{csv}");
    }
}

// ---- a wrong passphrase at a terminal may be typed again (check and sign, one rule) ----

#[cfg(unix)]
#[test]
fn a_wrong_passphrase_at_a_terminal_may_be_typed_again() {
    use expectrl::Expect;
    use std::time::Duration;
    const PASS: &str = "a long passphrase for the test";
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("clinic");
    let o = common::medsec()
        .env("NITS_PASSPHRASE", PASS)
        .args(["keygen", "--out"])
        .arg(&key)
        .args(["--passphrase-env", "NITS_PASSPHRASE"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr_of(&o));
    for (lang, again) in [
        (
            "ja",
            "パスフレーズが違います。もう一度入力してください(あと2回)。",
        ),
        ("en", "Wrong passphrase; try again (2 tries left)."),
    ] {
        let out = tmp.path().join(format!("out-{lang}"));
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_medsec"));
        cmd.env_remove("LC_ALL")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env(
                "MEDSEC_DATA_DIR",
                common::root().join("target/test-no-user-data"),
            )
            .current_dir(common::root())
            .args(["--lang", lang, "check", "--answers", ANSWERS])
            .args(["--probes", PROBES, "--as-of", AS_OF, "--key"])
            .arg(key.with_extension("key"))
            .arg("--out")
            .arg(&out);
        let mut s = expectrl::session::OsSession::spawn(cmd).expect("spawn in a pty");
        s.set_expect_timeout(Some(Duration::from_secs(60)));
        if let Err(e) = s.expect("clinic.key") {
            panic!("{lang}: {e:?}: {}", common::pty_output(&mut s));
        }
        s.send_line("not the passphrase").unwrap();
        if let Err(e) = s.expect(again) {
            panic!("{lang}: {e:?}: {}", common::pty_output(&mut s));
        }
        s.send_line(PASS).unwrap();
        let rest = common::pty_output(&mut s);
        let code = format!("{:?}", s.get_process_mut().wait().unwrap());
        assert!(code.ends_with(", 0)"), "{lang}: {code}: {rest}");
        assert!(out.join("bundle/report.html").is_file(), "{lang}: {rest}");
    }
}

// ---- status of several bundles: each headed by the bundle, and one count line ----

#[test]
fn status_of_several_bundles_heads_each_by_its_bundle_and_counts_them() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bundles = Vec::new();
    for name in ["b1", "b2"] {
        let bundle = tmp.path().join(name);
        let o = common::medsec()
            .args(["report", "--answers", ANSWERS, "--out"])
            .arg(&bundle)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
        bundles.push(bundle);
    }
    for (lang, count) in [
        ("ja", "2件のファイルはすべて記入完了です(警告2件)。"),
        ("en", "2 files"),
    ] {
        let o = common::medsec()
            .args(["--lang", lang, "status"])
            .args(&bundles)
            .args(["--as-of", AS_OF])
            .output()
            .unwrap();
        let out = stdout_of(&o);
        assert_eq!(o.status.code(), Some(0), "{out}{}", stderr_of(&o));
        for b in &bundles {
            let heading = format!("`{}` — ", b.join("report.json").display());
            assert!(out.contains(&heading), "{out}");
        }
        assert!(!out.contains("answers.toml` — "), "{out}");
        let last = out.trim_end().lines().last().unwrap_or_default();
        assert!(last.contains(count), "{lang}: {last}");
    }
}
