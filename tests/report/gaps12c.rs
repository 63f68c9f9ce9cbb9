//! Issue #12, the last gaps: code spans in report.html, summarize's row labels, status of
//! several files, check's choice of form, verify's warning colour, full-width codes in
//! keys.toml.

use crate::common;

use common::{stderr_of, stdout_of};

/// 6: keys.toml with the 医療機関コード in full-width digits (as an input method types it)
/// trusts the bundle as the ASCII code does; a code that is not 10 digits after reading the
/// full-width digits is still refused at its place.
#[test]
fn keys_toml_reads_a_full_width_institution_code_as_ascii() {
    let s = common::bundle::vendor_bundle();
    let text = std::fs::read_to_string(&s.keys).unwrap();
    let full = text.replace(
        &format!("[institutions.{}]", common::bundle::HOSPITAL),
        "[institutions.\"０１１０１１３７１９\"]",
    );
    assert_ne!(full, text);
    std::fs::write(&s.keys, &full).unwrap();
    for lang in ["ja", "en"] {
        let o = common::medsec()
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, "verify", "--as-of", "2025-11-01"])
            .args(s.trusted())
            .arg(&s.bundle)
            .output()
            .unwrap();
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{lang}: {}{}",
            stdout_of(&o),
            stderr_of(&o)
        );
        let (code, json) = common::bundle::verify(&[&s.bundle], &s.trusted());
        assert!(matches!(code, 0 | 1), "{json:#}");
        let codes = common::bundle::codes(&json, 0);
        assert!(!common::bundle::has(&codes, "key-unknown"), "{codes:?}");
        assert!(
            !common::bundle::has(&codes, "key-wrong-institution"),
            "{codes:?}"
        );
    }
    // Nine full-width digits: refused, naming keys.toml's line and the key as written.
    std::fs::write(
        &s.keys,
        text.replace(
            &format!("[institutions.{}]", common::bundle::HOSPITAL),
            "[institutions.\"０１１０１１３７１\"]",
        ),
    )
    .unwrap();
    let o = common::medsec()
        .args(common::bundle::checklist_args())
        .args(["--lang", "en", "verify"])
        .args(s.trusted())
        .arg(&s.bundle)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stdout_of(&o));
    let err = stderr_of(&o);
    assert!(err.contains("keys.toml:2:"), "{err}");
    assert!(err.contains("０１１０１１３７１"), "{err}");
}

/// 5: verify's table, off a terminal (and so in every pipe and file): no colour at all,
/// whatever NO_COLOR says, and the warning's class word is there.
#[test]
fn verify_never_colours_off_a_terminal_and_names_the_warning() {
    let s = common::bundle::vendor_bundle();
    for (lang, word) in [
        ("en", "warning[no-probe-evidence]"),
        ("ja", "警告[no-probe-evidence]"),
    ] {
        for no_color in [true, false] {
            let mut cmd = common::medsec();
            if !no_color {
                cmd.env_remove("NO_COLOR");
            }
            let o = cmd
                .args(common::bundle::checklist_args())
                .args(["--lang", lang, "verify", "--as-of", "2025-11-01"])
                .args(s.trusted())
                .arg(&s.bundle)
                .output()
                .unwrap();
            let out = stdout_of(&o);
            assert_eq!(o.status.code(), Some(0), "{lang}: {out}{}", stderr_of(&o));
            assert!(out.contains(word), "{lang}: {out}");
            assert!(!out.contains('\x1b'), "{lang} NO_COLOR={no_color}: {out:?}");
        }
    }
}

#[cfg(unix)]
mod pty {
    use super::*;
    use expectrl::session::OsSession as Session;
    use std::process::Command;
    use std::time::Duration;

    pub fn spawn(dir: &std::path::Path, args: &[&std::ffi::OsStr], color: bool) -> Session {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_medsec"));
        cmd.env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .env(
                "MEDSEC_DATA_DIR",
                common::root().join("target/test-no-user-data"),
            )
            .current_dir(dir)
            .args(args);
        if color {
            cmd.env_remove("NO_COLOR");
        } else {
            cmd.env("NO_COLOR", "1");
        }
        let mut s = Session::spawn(cmd).expect("spawn in a pty");
        s.set_expect_timeout(Some(Duration::from_secs(60)));
        s
    }

    /// Everything the session prints until it exits.
    pub fn rest(s: &mut Session) -> String {
        crate::common::pty_output(s)
    }

    pub fn exit_code(s: &mut Session) -> String {
        format!("{:?}", s.get_process_mut().wait().unwrap())
    }

    /// 5: on a terminal the warning (exit 0) is yellow, as a warning, not green as the valid
    /// verdict; with NO_COLOR nothing is coloured.
    #[test]
    fn on_a_terminal_a_warning_is_yellow_and_no_color_is_kept() {
        let s = common::bundle::vendor_bundle();
        let mut args: Vec<std::ffi::OsString> = common::bundle::checklist_args()
            .into_iter()
            .map(Into::into)
            .collect();
        for a in ["--lang", "en", "verify", "--as-of", "2025-11-01"] {
            args.push(a.into());
        }
        for a in s.trusted() {
            args.push(a.into());
        }
        args.push(s.bundle.clone().into());
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let mut p = spawn(&s.root, &args, true);
        let out = rest(&mut p);
        let code = exit_code(&mut p);
        assert!(code.ends_with(", 0)"), "{code}: {out}");
        assert!(
            out.contains("\x1b[1;33mwarning\x1b[0m[no-probe-evidence]"),
            "{out:?}"
        );
        assert!(!out.contains("\x1b[1;32mwarning"), "{out:?}");
        // The verdict of a valid bundle stays green.
        assert!(out.contains("\x1b[1;32m"), "{out:?}");
        let mut p = spawn(&s.root, &args, false);
        let out = rest(&mut p);
        assert!(out.contains("warning[no-probe-evidence]"), "{out:?}");
        assert!(!out.contains('\x1b'), "{out:?}");
        exit_code(&mut p);
    }
}

/// A bundle (signed with a key of the test's own) whose report records a finding as a sentence
/// (format 1) with code spans around a command and around hostile text from a file.
fn bundle_with_code_spans() -> common::bundle::Signed {
    let mut report = common::bundle::report_value(common::bundle::HOSPITAL, 2025);
    report["findings"] = serde_json::json!([{
        "code": "unknown-field", "severity": "warning", "source": "status",
        "file": "institution.toml",
        "message": "run `medsec status` on `<script>alert(1)</script>` <img src=x onerror=alert(2)>"
    }]);
    common::bundle::signed(&report)
}

/// `medsec render` of the bundle's report.json: what it wrote (a file for XLSX).
fn render_of(s: &common::bundle::Signed, lang: &str, format: &str) -> Vec<u8> {
    let file = s.root.join(format!("out-{lang}.{format}"));
    let mut cmd = common::medsec();
    cmd.args(common::bundle::checklist_args())
        .args([
            "--lang",
            lang,
            "render",
            "--as-of",
            "2025-11-01",
            "--format",
            format,
        ])
        .arg(s.bundle.join("report.json"));
    if format == "xlsx" {
        cmd.arg("--out").arg(&file);
    }
    let o = cmd.output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{lang} {format}: {}",
        stderr_of(&o)
    );
    if format == "xlsx" {
        std::fs::read(&file).unwrap()
    } else {
        o.stdout
    }
}

/// 1: in report.html the catalog's `code` spans are <code> elements, made after escaping: the
/// `<script>` inside a span and the tag outside stay text. Markdown keeps the backticks (as
/// text); the XLSX's message cell is plain text without them.
#[test]
fn code_spans_are_code_in_html_only_and_escaping_stays_on() {
    let s = bundle_with_code_spans();
    for lang in ["ja", "en"] {
        let html = String::from_utf8(render_of(&s, lang, "html")).unwrap();
        assert!(
            html.contains("run <code>medsec status</code> on <code>&lt;script&gt;"),
            "{lang}: {html}"
        );
        assert!(!html.contains("`medsec status`"), "{lang}");
        assert!(!html.contains("<script"), "{lang}");
        assert!(!html.contains("<img"), "{lang}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{lang}"
        );

        let md = String::from_utf8(render_of(&s, lang, "md")).unwrap();
        // Markdown: code spans stay code spans (a renderer shows their text as written, never
        // as HTML); outside them every character that means something is escaped.
        assert!(
            md.contains("run `medsec status` on `<script>alert(1)</script>` \\<img"),
            "{lang}: {md}"
        );
        assert!(!md.contains("<code>"), "{lang}");
        assert!(!md.contains(" <img"), "{lang}: {md}");

        use calamine::Reader;
        let xlsx = render_of(&s, lang, "xlsx");
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
        let names = wb.sheet_names();
        let findings = names.get(1).unwrap().clone();
        let range = wb.worksheet_range(&findings).unwrap();
        let cells: Vec<String> = range.cells().map(|(_, _, c)| c.to_string()).collect();
        let message = cells
            .iter()
            .find(|c| c.starts_with("run "))
            .unwrap_or_else(|| panic!("{lang}: {cells:?}"));
        assert_eq!(
            message,
            "run medsec status on <script>alert(1)</script> <img src=x onerror=alert(2)>"
        );
    }
}

/// 1: the page `medsec report` writes into the bundle names `medsec verify` as code, in both
/// languages.
#[test]
fn the_bundles_page_shows_the_verify_command_as_code() {
    for lang in ["ja", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let answers = common::complete_answers_in(tmp.path());
        let key = tmp.path().join("hospital");
        common::keygen(&key);
        let bundle = tmp.path().join("bundle");
        let o = common::with_fixtures()
            .args(["--lang", lang, "report", "--answers"])
            .arg(&answers)
            .arg("--out")
            .arg(&bundle)
            .arg("--sign")
            .arg(key.with_extension("key"))
            .output()
            .unwrap();
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
        let html = std::fs::read_to_string(bundle.join("report.html")).unwrap();
        assert!(
            html.contains("<code>medsec verify</code>"),
            "{lang}: {html}"
        );
        assert!(!html.contains("`medsec"), "{lang}: {html}");
    }
}

/// `medsec status FILES... --as-of 2025-11-01` with the fixture checklists, in the current
/// folder `dir`: (exit code, stdout, stderr).
fn status_of(dir: &std::path::Path, lang: &str, files: &[&str]) -> (i32, String, String) {
    let mut cmd = common::medsec();
    for c in [common::INST, common::VEND, common::INST24] {
        cmd.arg("--checklist").arg(common::root().join(c));
    }
    let o = cmd
        .current_dir(dir)
        .args(["--lang", lang, "status", "--as-of", "2025-11-01"])
        .args(files)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// 3: `status a.toml b.toml` counts the files in its verdict (files / 件), names every
/// institution's file in the next step, and exits with the worst: 0 all complete, 1 one
/// incomplete, 2 one unusable. One file keeps the one-file wording.
#[test]
fn status_of_several_files_counts_them_and_exits_with_the_worst() {
    let tmp = tempfile::tempdir().unwrap();
    let a = common::complete_answers_in(tmp.path());
    let dir = a.parent().unwrap().to_owned();
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(
        dir.join("b.toml"),
        text.replace("code = \"0110113719\"", "code = \"0110113727\""),
    )
    .unwrap();
    std::fs::copy(
        common::fixture("answers/incomplete.toml"),
        dir.join("c.toml"),
    )
    .unwrap();
    std::fs::write(dir.join("d.toml"), "this is = not [ toml").unwrap();

    let (code, out, err) = status_of(&dir, "en", &["complete.toml", "b.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("2 files, all complete ("), "{out}");
    let flat: String = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "for each answers file of an institution or pharmacy (`complete.toml`, `b.toml`)"
        ),
        "{out}"
    );
    let (code, out, _) = status_of(&dir, "ja", &["complete.toml", "b.toml"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("2件のファイルはすべて記入完了です(警告"),
        "{out}"
    );
    let flat: String = out.split_whitespace().collect();
    assert!(
        flat.contains("医療機関・薬局の回答ファイル(`complete.toml`、`b.toml`)ごとに"),
        "{out}"
    );

    let (code, out, _) = status_of(&dir, "en", &["complete.toml", "c.toml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("2 files, not all complete: 2 errors"), "{out}");
    assert!(!out.contains("Next"), "{out}");
    let (code, out, _) = status_of(&dir, "ja", &["complete.toml", "c.toml"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("2件のファイルのうち、記入が完了していないものがあります: エラー2件"),
        "{out}"
    );

    let (code, out, err) = status_of(&dir, "en", &["complete.toml", "c.toml", "d.toml"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        out.contains("unusable input: 1 of the 3 files could not be used (1 problem)"),
        "{out}"
    );
    assert!(err.contains("d.toml"), "{err}");
    let (code, out, _) = status_of(&dir, "ja", &["complete.toml", "d.toml"]);
    assert_eq!(code, 2);
    assert!(
        out.contains("2件のファイルのうち1件は使用できません(問題1件)。"),
        "{out}"
    );

    // One file (its vendor form read with it): the one-file verdict, as before.
    let (code, out, _) = status_of(&dir, "en", &["complete.toml"]);
    assert_eq!(code, 0);
    assert!(out.contains("\ncomplete ("), "{out}");
    assert!(!out.contains("files"), "{out}");
}

/// 4: without a terminal, `check` with no answers file still makes nothing (exit 2), and says
/// in a line of its own which form `init` makes and the `--form` flag that chooses another.
#[test]
fn without_a_terminal_check_names_the_form_and_the_flag() {
    let probes = common::root().join("examples/clinic/probes.toml");
    for (lang, form, said, others) in [
        ("en", None, "medsec init --form institution", "--form pharmacy|vendor"),
        ("en", Some("pharmacy"), "medsec init --form pharmacy", "--form institution|vendor"),
        ("ja", None, "medsec init --form institution`で作れます(様式「医療機関確認用」、`mhlw-institution@fy2025`)", "--form pharmacy|vendor"),
        ("ja", Some("vendor"), "medsec init --form vendor`で作れます(様式「事業者確認用」", "--form institution|pharmacy"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let mut cmd = common::medsec();
        cmd.current_dir(tmp.path())
            .args(["--lang", lang, "check", "--probes"])
            .arg(&probes);
        if let Some(f) = form {
            cmd.args(["--form", f]);
        }
        let o = cmd.output().unwrap();
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        assert!(err.contains("--answers FILE"), "{lang}: {err}");
        // One paragraph: no newline escaped into the error line.
        assert!(!err.contains("\\n"), "{lang}: {err}");
        let line = err
            .lines()
            .find(|l| l.contains("medsec init --form"))
            .unwrap_or_else(|| panic!("{lang}: {err}"));
        assert!(line.contains(said), "{lang}: {line}");
        assert!(line.contains(others), "{lang}: {line}");
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}

#[cfg(unix)]
mod check_pty {
    use super::pty::{exit_code, rest, spawn};
    use crate::common;
    use expectrl::Expect;

    /// `medsec --lang LANG check FLAGS… --probes examples/clinic/probes.toml` on a terminal, in
    /// a new empty folder (kept as long as the folder returned lives).
    fn check_on_a_terminal(
        lang: &str,
        flags: &[&str],
    ) -> (tempfile::TempDir, expectrl::session::OsSession) {
        let probes = common::root().join("examples/clinic/probes.toml");
        let tmp = tempfile::tempdir().unwrap();
        let mut args: Vec<&std::ffi::OsStr> =
            vec!["--lang".as_ref(), lang.as_ref(), "check".as_ref()];
        args.extend(flags.iter().map(std::ffi::OsStr::new));
        args.extend(["--probes".as_ref(), probes.as_os_str()]);
        let s = spawn(tmp.path(), &args, false);
        (tmp, s)
    }

    fn made_in(dir: &std::path::Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// 4: on a terminal with no answers file, check asks which form (the default marked), takes
    /// a number (full-width too) after a wrong one, says the flag, and makes that form's file.
    #[test]
    fn on_a_terminal_check_asks_which_form_to_make() {
        let (tmp, mut s) = check_on_a_terminal("ja", &[]);
        s.expect("どの様式に回答しますか。").unwrap();
        s.expect("1) 医療機関確認用(mhlw-institution@fy2025)[既定]")
            .unwrap();
        s.expect("2) 薬局確認用(mhlw-pharmacy@fy2025)").unwrap();
        s.expect("3) 事業者確認用(mhlw-vendor@fy2025)").unwrap();
        s.expect("番号[1](qで終了): ").unwrap();
        s.send_line("9").unwrap();
        s.expect("1〜3の番号を入力してください").unwrap();
        s.expect("番号[1](qで終了): ").unwrap();
        s.send_line("２").unwrap();
        s.expect(
            "様式「薬局確認用」(`mhlw-pharmacy@fy2025`)の回答ファイルを作ります。`--form pharmacy`",
        )
        .unwrap();
        // The walk-through of the pharmacy's form begins: quit it.
        s.expect("医療機関等の情報が未記入です。").unwrap();
        s.send_line("q").unwrap();
        let tail = rest(&mut s);
        let code = exit_code(&mut s);
        assert!(code.ends_with(", 1)"), "{code}: {tail}");
        assert_eq!(made_in(tmp.path()), ["pharmacy-fy2025.toml"], "{tail}");
    }

    /// 4: `--form` on a terminal chooses without asking; in English the menu is the same.
    #[test]
    fn on_a_terminal_the_form_flag_chooses_without_asking() {
        let (tmp, mut s) = check_on_a_terminal("en", &["--form", "vendor"]);
        s.expect("The vendor details are not filled in yet")
            .unwrap();
        s.send_line("q").unwrap();
        let tail = rest(&mut s);
        assert!(!tail.contains("Which form"), "{tail}");
        exit_code(&mut s);
        assert_eq!(made_in(tmp.path()), ["vendor-fy2025.toml"], "{tail}");

        let (tmp, mut s) = check_on_a_terminal("en", &[]);
        s.expect("Which form do you answer?").unwrap();
        s.expect("2) pharmacy (mhlw-pharmacy@fy2025)").unwrap();
        s.expect("Number [1] (q quits): ").unwrap();
        s.send_line("3").unwrap();
        s.expect("`--form vendor` chooses the form without asking.")
            .unwrap();
        s.expect("The vendor details are not filled in yet")
            .unwrap();
        s.send_line("q").unwrap();
        rest(&mut s);
        exit_code(&mut s);
        assert_eq!(made_in(tmp.path()), ["vendor-fy2025.toml"]);
    }
}

/// An answers file and a bundle in one `status` run: refused in words (exit 2), each list
/// named, not read as an answers file of an unknown type.
#[test]
fn status_of_an_answers_file_and_a_bundle_says_to_run_them_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let a = common::complete_answers_in(tmp.path());
    let dir = a.parent().unwrap().to_owned();
    std::fs::create_dir_all(dir.join("bundle")).unwrap();
    let name = a.file_name().unwrap().to_str().unwrap().to_owned();
    for (lang, words) in [
        (
            "en",
            "answers files and bundles (folders or `report.json`) are checked by separate runs",
        ),
        (
            "ja",
            "回答ファイルと報告書一式(フォルダまたは`report.json`)は、別々に確認してください",
        ),
    ] {
        let (code, out, err) = status_of(&dir, lang, &[name.as_str(), "bundle"]);
        assert_eq!(code, 2, "{lang}: {out}{err}");
        assert!(err.contains(words) && err.contains(&name), "{lang}: {err}");
        assert!(!err.contains("unknown-file-type"), "{lang}: {err}");
        assert!(out.is_empty(), "{lang}: {out}");
    }
}
