//! Issue #12, the gaps a reviewer named after it landed: what the inspector is told by verify,
//! summarize, status and render about a bundle, in Japanese and English, and `--out -`.

use crate::common;

use common::{fixture, keygen, medsec, stderr_of, stdout_of, with_fixtures, INST, INST24, VEND};
use serde_json::Value;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

const AS_OF: &str = "2025-11-01";

/// A signed bundle made by `medsec report` from the complete answers (no probe evidence):
/// `(tmp, bundle, public key)`.
fn bundle() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let answers = common::complete_answers_in(tmp.path());
    let key = tmp.path().join("hospital");
    keygen(&key);
    let out = tmp.path().join("bundle");
    let o = with_fixtures()
        .arg("report")
        .arg("--answers")
        .arg(&answers)
        .arg("--sign")
        .arg(key.with_extension("key"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    (tmp, out, key.with_extension("pub"))
}

/// `medsec --lang LANG ARGS` with the fixture checklists: (exit code, stdout, stderr).
fn run(lang: &str, args: &[&OsStr]) -> (i32, String, String) {
    let o = with_fixtures()
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// `medsec --lang LANG ARGS` with no checklist given: the inspector has only the bundle.
fn run_bare(lang: &str, args: &[&OsStr]) -> (i32, String, String) {
    let o = medsec().args(["--lang", lang]).args(args).output().unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

// ---- 5: verify --expect says it matched ----

#[test]
fn verify_expect_says_when_the_printed_report_matches() {
    let (_tmp, bundle, pubkey) = bundle();
    let sha = medsec::signing::manifest::sha256_bytes(
        &std::fs::read(bundle.join("report.json")).unwrap(),
    );
    let args = |extra: &[&OsStr]| -> Vec<std::ffi::OsString> {
        let mut v: Vec<std::ffi::OsString> = vec![
            "verify".into(),
            bundle.clone().into(),
            "--pubkey".into(),
            pubkey.clone().into(),
            "--as-of".into(),
            AS_OF.into(),
        ];
        v.extend(extra.iter().map(|s| s.to_os_string()));
        v
    };
    let plain = args(&[]);
    let plain: Vec<&OsStr> = plain.iter().map(|s| s.as_os_str()).collect();
    let (without, out, _) = run("en", &plain);
    assert!(!out.contains("expect-matched"), "{out}");
    for (lang, said) in [
        (
            "en",
            "as given with `--expect`: the printed report belongs to this bundle",
        ),
        (
            "ja",
            "と一致しました。印刷された報告書はこの報告書一式のものです",
        ),
    ] {
        let a = args(&[os("--expect"), os(&sha)]);
        let a: Vec<&OsStr> = a.iter().map(|s| s.as_os_str()).collect();
        let (code, out, err) = run(lang, &a);
        // A note: the exit code stays what the bundle's own checks give.
        assert_eq!(code, without, "{lang}: {out}{err}");
        assert!(out.contains("[expect-matched]"), "{lang}: {out}");
        assert!(out.contains(said), "{lang}: {out}");
        assert_eq!(
            out.matches("expect-matched").count(),
            1,
            "one line: {lang}: {out}"
        );
    }
    // Typed on a Japanese keyboard: the full-width digest (ＳＨＡ－２５６：１ａ５…) is the same.
    let wide: String = format!("SHA-256: {sha}")
        .chars()
        .map(|c| match c {
            ' ' => '\u{3000}',
            c if c.is_ascii_graphic() => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            c => c,
        })
        .collect();
    let a = args(&[os("--expect"), os(&wide)]);
    let a: Vec<&OsStr> = a.iter().map(|s| s.as_os_str()).collect();
    let (code, out, err) = run("ja", &a);
    assert_eq!(code, without, "{out}{err}");
    assert!(out.contains("[expect-matched]"), "{wide}: {out}{err}");
    let a = args(&[os("--expect"), os(&sha), os("--format"), os("json")]);
    let a: Vec<&OsStr> = a.iter().map(|s| s.as_os_str()).collect();
    let (_, out, _) = run("en", &a);
    let json: Value = serde_json::from_str(&out).unwrap();
    let matched = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "expect-matched")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(matched["class"], "note");
}

// ---- 1: a carried checklist that claims to be official without an official workbook ----

/// The bundle's carried institution checklist, rewritten with `change` and re-signed as an
/// attacker holding the key could not (the checklist file is in the signed manifest): so the
/// bundle is made again by `medsec report` with a changed checklist.
pub(super) fn bundle_with_checklist(
    change: impl Fn(&str) -> String,
) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let answers = common::complete_answers_in(tmp.path());
    let checklist = tmp.path().join("institution.toml");
    let text = std::fs::read_to_string(common::root().join(INST)).unwrap();
    std::fs::write(&checklist, change(&text)).unwrap();
    // The answers name the checklist by digest: give them the changed one's.
    let digest = medsec::checklist::load_path(&checklist).unwrap().digest;
    let original = medsec::checklist::load_path(&common::root().join(INST))
        .unwrap()
        .digest;
    let text = std::fs::read_to_string(&answers).unwrap();
    std::fs::write(&answers, text.replace(&original, &digest)).unwrap();
    let key = tmp.path().join("hospital");
    keygen(&key);
    let out = tmp.path().join("bundle");
    let o = medsec()
        .args(["--checklist", VEND, "--checklist", INST24, "--checklist"])
        .arg(&checklist)
        .arg("report")
        .arg("--answers")
        .arg(&answers)
        .arg("--sign")
        .arg(key.with_extension("key"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}{}",
        stdout_of(&o),
        stderr_of(&o)
    );
    (tmp, out, key.with_extension("pub"))
}

fn classes_of(json: &Value, code: &str) -> Vec<String> {
    json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| f["class"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_carried_checklist_claiming_to_be_official_without_an_official_workbook_is_a_finding() {
    let unknown = format!("workbook:fake.xlsx#sha256={}", "ab".repeat(32));
    let (_tmp, bundle, pubkey) = bundle_with_checklist(|t| {
        t.replace(
            "[[items]]\n",
            &format!("[[items]]\nsources = [\"{unknown}\"]\n"),
        )
    });
    let verify = |lang: &str, extra: &[&OsStr]| {
        let mut a: Vec<&OsStr> = vec![
            os("verify"),
            bundle.as_os_str(),
            os("--pubkey"),
            pubkey.as_os_str(),
            os("--as-of"),
            os(AS_OF),
            os("--checklist"),
            os(VEND),
        ];
        a.extend_from_slice(extra);
        run_bare(lang, &a)
    };
    for (lang, said) in [
        ("en", "its claim to be the official MHLW form is not backed"),
        ("ja", "公式の様式であるという記載に裏付けがないため"),
    ] {
        let (code, out, err) = verify(lang, &[]);
        assert_eq!(code, 1, "{lang}: {out}{err}");
        assert!(out.contains("[checklist-not-official]"), "{lang}: {out}");
        assert!(out.contains(said), "{lang}: {out}");
        assert!(out.contains("fake.xlsx"), "{lang}: {out}");
    }
    let (_, out, _) = verify("en", &[os("--format"), os("json")]);
    let json: Value = serde_json::from_str(&out).unwrap();
    // The institution's checklist: a finding; the vendor's, given with --checklist, a note.
    assert_eq!(
        classes_of(&json, "checklist-not-official"),
        ["finding", "note"],
        "{out}"
    );

    // The inspector who gives the same checklist judges its wording: a note, as before.
    let given = bundle.join("checklists");
    let carried = std::fs::read_dir(&given)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("institution"))
        .unwrap();
    let (_, out, _) = verify(
        "en",
        &[
            os("--checklist"),
            carried.as_os_str(),
            os("--format"),
            os("json"),
        ],
    );
    let json: Value = serde_json::from_str(&out).unwrap();
    assert!(
        !classes_of(&json, "checklist-not-official").contains(&"finding".to_owned()),
        "{out}"
    );

    // summarize's worst-finding column names it.
    let (code, out, err) = run_bare(
        "ja",
        &[
            os("summarize"),
            bundle.as_os_str(),
            os("--pubkey"),
            pubkey.as_os_str(),
            os("--as-of"),
            os(AS_OF),
            os("--checklist"),
            os(VEND),
            os("--format"),
            os("json"),
        ],
    );
    assert_eq!(code, 1, "{out}{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["bundles"][0]["worst_finding"], "checklist-not-official",
        "{out}"
    );
}

#[test]
fn a_carried_checklist_claiming_to_be_official_with_no_workbook_is_a_finding() {
    let (_tmp, bundle, pubkey) = bundle_with_checklist(str::to_owned);
    let (code, out, err) = run_bare(
        "en",
        &[
            os("verify"),
            bundle.as_os_str(),
            os("--pubkey"),
            pubkey.as_os_str(),
            os("--as-of"),
            os(AS_OF),
            os("--checklist"),
            os(VEND),
        ],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("[checklist-not-official]"), "{out}");
    assert!(
        out.contains("records no workbook it was imported from"),
        "{out}"
    );
}

// ---- 2, 3: summarize says a code of another prefecture, and whose a broken bundle claims to be ----

/// A folder of two bundles signed with one key: `tokyo` (the 医療機関コード is 北海道's, the
/// prefecture given 東京都) and `tampered` (a file changed after signing). `(tmp, root, key)`.
fn mixed_folder() -> (tempfile::TempDir, PathBuf, common::bundle::TestKey) {
    use common::bundle::{report_value, write_bundle, TestKey, HOSPITAL};
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("bundles");
    let key = TestKey::new(tmp.path(), "hospital");
    let mut tokyo = report_value(HOSPITAL, 2025);
    tokyo["answers"]["answers"]["institution"]["prefecture"] = Value::from("東京都");
    write_bundle(&root.join("tokyo"), &tokyo);
    key.sign_bundle(&root.join("tokyo"), None);
    let tampered = root.join("tampered");
    write_bundle(&tampered, &report_value(HOSPITAL, 2025));
    key.sign_bundle(&tampered, None);
    std::fs::write(tampered.join("evidence/backup-log.txt"), "changed\n").unwrap();
    (tmp, root, key)
}

fn summarize(lang: &str, root: &Path, key: &Path, extra: &[&str]) -> std::process::Output {
    medsec()
        .args(common::bundle::checklist_args())
        .args(["--lang", lang, "summarize"])
        .arg(root)
        .arg("--pubkey")
        .arg(key)
        .args(["--as-of", AS_OF])
        .args(extra)
        .output()
        .unwrap()
}

fn json_row<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("no row {name}: {json:#}"))
}

#[test]
fn summarize_warns_of_a_code_of_another_prefecture_in_every_format() {
    let (_tmp, root, key) = mixed_folder();
    let o = summarize("en", &root, &key.public, &["--format", "json"]);
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json_row(&json, "tokyo")["code_prefecture_mismatch"],
        "北海道"
    );
    for (lang, said) in [
        ("ja", "注意: コードは北海道のものです"),
        ("en", "warning: the code is 北海道's"),
    ] {
        // Wide enough for the sentence on one line beside dates with their 和暦.
        let o = medsec()
            .env("COLUMNS", "200")
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, "summarize"])
            .arg(&root)
            .arg("--pubkey")
            .arg(&key.public)
            .args(["--as-of", AS_OF])
            .output()
            .unwrap();
        let out = stdout_of(&o);
        assert!(out.contains(said), "{lang}: {out}");
        // Said once: of the tokyo bundle only.
        assert_eq!(out.matches(said).count(), 1, "{lang}: {out}");
    }
    let o = summarize("en", &root, &key.public, &["--format", "csv"]);
    let body = o.stdout.strip_prefix(b"\xEF\xBB\xBF").unwrap().to_vec();
    let mut r = csv::Reader::from_reader(body.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let col = header
        .iter()
        .position(|h| h == "prefecture of the code")
        .unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let tokyo = rows.iter().find(|r| r[0].ends_with("tokyo")).unwrap();
    assert_eq!(&tokyo[col], "北海道");
}

#[test]
fn summarize_shows_whose_a_tampered_bundle_claims_to_be_marked_unverified() {
    use calamine::{Data, Reader, Xlsx};
    let (_tmp, root, key) = mixed_folder();
    let o = summarize("en", &root, &key.public, &["--format", "json"]);
    assert_eq!(o.status.code(), Some(3));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let row = json_row(&json, "tampered");
    // Never in the verified fields.
    assert_eq!(row["institution_code"], Value::Null, "{row:#}");
    assert_eq!(row["institution_name"], Value::Null, "{row:#}");
    assert_eq!(row["unverified_institution"]["code"], "0110113719");
    assert_eq!(row["unverified_institution"]["name"], "札幌中央病院");
    assert_eq!(row["unverified_institution"]["prefecture"], "北海道");
    assert!(json_row(&json, "tokyo")
        .get("unverified_institution")
        .is_none());

    for (lang, mark) in [("ja", "(未検証)"), ("en", "(unverified)")] {
        // Wide enough that no cell wraps between a value and its mark.
        let o = medsec()
            .env("COLUMNS", "200")
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, "summarize"])
            .arg(&root)
            .arg("--pubkey")
            .arg(&key.public)
            .args(["--as-of", AS_OF])
            .output()
            .unwrap();
        let out = stdout_of(&o);
        // Japanese puts no space before 「(」.
        let gap = if lang == "ja" { "" } else { " " };
        assert!(
            out.contains(&format!("0110113719{gap}{mark}")),
            "{lang}: {out}"
        );
        assert!(
            out.contains(&format!("札幌中央病院{gap}{mark}")),
            "{lang}: {out}"
        );
        // The verified bundle's cells carry no mark; the tampered one's signed date does.
        assert_eq!(out.matches(mark).count(), 4, "{lang}: {out}");
    }
    let o = summarize("en", &root, &key.public, &["--format", "csv"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("\"0110113719 (unverified)\""), "{text}");

    // XLSX, to standard output with `--out -` (a pipe here, not a terminal).
    let dir = tempfile::tempdir().unwrap();
    let o = medsec()
        .current_dir(dir.path())
        .args(common::bundle::checklist_args())
        .args(["--lang", "ja", "summarize"])
        .arg(&root)
        .arg("--pubkey")
        .arg(&key.public)
        .args(["--as-of", AS_OF, "--format", "xlsx", "--out", "-"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
    assert!(!dir.path().join("-").exists(), "no file named -");
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(&o.stdout)).unwrap();
    let range = wb.worksheet_range("報告書一式の一覧").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let tampered = rows
        .iter()
        .find(|r| r[0].to_string().ends_with("tampered"))
        .unwrap();
    assert_eq!(
        tampered[col("医療機関コード")],
        Data::String("0110113719(未検証)".into())
    );
    let tokyo = rows
        .iter()
        .find(|r| r[0].to_string().ends_with("tokyo"))
        .unwrap();
    assert_eq!(
        tokyo[col("コードの都道府県")],
        Data::String("北海道".into())
    );
}

// ---- 4: `--out -` is standard output ----

/// `medsec` with the fixture checklists by absolute path, run in `dir`.
fn in_dir(dir: &Path) -> assert_cmd::Command {
    let mut c = medsec();
    c.current_dir(dir);
    for f in [INST, VEND, INST24] {
        c.arg("--checklist").arg(common::root().join(f));
    }
    c
}

#[test]
fn out_dash_is_standard_output_never_a_file_named_dash() {
    let (_tmp, bundle, _) = bundle();
    let dir = tempfile::tempdir().unwrap();
    let o = in_dir(dir.path())
        .args(["render"])
        .arg(&bundle)
        .args(["--format", "md", "--out", "-"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(stdout_of(&o).starts_with('#'), "{}", stdout_of(&o));
    assert!(!dir.path().join("-").exists());
    let o = in_dir(dir.path())
        .args(["render"])
        .arg(&bundle)
        .args(["--format", "xlsx", "--out", "-"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(
        o.stdout.starts_with(b"PK"),
        "an XLSX (zip) on standard output"
    );
    assert!(!dir.path().join("-").exists());
    // checklist new: the checklist on standard output.
    let o = in_dir(dir.path())
        .args([
            "checklist",
            "new",
            "--from",
            "test-institution@fy2025",
            "--edition",
            "fy2026",
            "--out",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(
        stdout_of(&o).contains("edition = \"fy2026\""),
        "{}",
        stdout_of(&o)
    );
    assert!(!dir.path().join("-").exists());
    // probe: the evidence JSON on standard output instead of the table.
    let o = in_dir(dir.path())
        .args(["probe", "--out", "-"])
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    let json: Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout_of(&o)));
    assert_eq!(json["format_version"], 1);
    assert!(!dir.path().join("-").exists());
}

/// Commands that write files or a folder (report, check, keygen, init, answer --export) refuse
/// `-` in words, exit 2, and make no file or folder named `-`; the answers file is untouched.
#[test]
fn out_dash_is_refused_in_words_where_files_or_a_folder_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.toml");
    std::fs::copy(fixture("answers").join("complete.toml"), &answers).unwrap();
    let before = std::fs::read(&answers).unwrap();
    let cases: [(&str, Vec<&str>); 5] = [
        (
            "--out",
            vec!["report", "--answers", "answers.toml", "--out", "-"],
        ),
        (
            "--out",
            vec!["check", "--answers", "answers.toml", "--out", "-"],
        ),
        ("--out", vec!["keygen", "--unencrypted", "--out", "-"]),
        ("--out", vec!["init", "--form", "institution", "--out", "-"]),
        ("--export", vec!["answer", "answers.toml", "--export", "-"]),
    ];
    for (flag, args) in cases {
        for (lang, words) in [
            ("ja", "(標準出力)は使えません"),
            ("en", "is not possible here"),
        ] {
            let o = in_dir(dir.path())
                .args(["--lang", lang])
                .args(&args)
                .output()
                .unwrap();
            let err = stderr_of(&o);
            assert_eq!(o.status.code(), Some(2), "{args:?} {lang}: {err}");
            assert!(err.contains(&format!("`{flag} -`")), "{args:?}: {err}");
            assert!(err.contains(words), "{args:?} {lang}: {err}");
            assert!(!dir.path().join("-").exists(), "{args:?}");
            assert!(!dir.path().join("-.key").exists(), "{args:?}");
        }
    }
    assert_eq!(std::fs::read(&answers).unwrap(), before);
}

// A pseudo-terminal: expectrl's Windows session (ConPTY) has another API, and Wine 8 has no
// ConPTY (docs/windows.md).
#[cfg(unix)]
#[test]
fn xlsx_to_a_terminal_is_refused_in_words() {
    use expectrl::Expect;
    let (_tmp, bundle, _) = bundle();
    let dir = tempfile::tempdir().unwrap();
    for (lang, said) in [
        ("en", "an XLSX workbook is not text for a terminal"),
        ("ja", "XLSXのブックは端末には表示できません"),
    ] {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_medsec"));
        cmd.env_remove("LC_ALL")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .current_dir(common::root())
            .args(["--lang", lang, "--checklist", INST, "--checklist", VEND])
            .args(["--checklist", INST24, "render"])
            .arg(&bundle)
            .args(["--format", "xlsx", "--out", "-"]);
        let mut s = expectrl::session::OsSession::spawn(cmd).unwrap();
        s.set_expect_timeout(Some(std::time::Duration::from_secs(30)));
        s.expect(said).unwrap();
        let status = format!("{:?}", s.get_process_mut().wait().unwrap());
        assert!(status.ends_with(", 2)"), "{lang}: {status}");
    }
    assert!(!dir.path().join("-").exists());
}

// ---- 7: the Markdown legend of unverified wording has one ※ ----

fn volatile_filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"\b[0-9a-f]{64}\b", "[sha256]"),
        (r"\b[0-9a-f]{12}\b", "[sha256-12]"),
        (r"\b[0-9A-F]{16}\b", "[key-id]"),
        (r"\d{4}-\d\d-\d\d(\([^)]*\))? \d\d:\d\d \+09:00", "[time]"),
        (r"\d{4}-\d\d-\d\d\(令和\d+年\d+月\d+日\)時点", "[today]時点"),
        (r"as of \d{4}-\d\d-\d\d(\(令和[^)]*\))?", "as of [today]"),
    ]
}

#[test]
fn markdown_marks_unverified_wording_with_one_marker() {
    // The institution's checklist with its first item's wording not yet checked.
    let (_tmp, bundle, _) = bundle_with_checklist(|t| {
        t.replacen(
            "verified = true",
            "verified = false\nunverified = \"wording not yet checked\"",
            1,
        )
    });
    for (lang, legend) in [
        ("ja", "※の項目は、文言を公式の様式とまだ照合していません。"),
        (
            "en",
            "Items marked ※ have wording not yet checked against the official form.",
        ),
    ] {
        let (code, md, err) = run_bare(
            lang,
            &[
                os("--checklist"),
                os(VEND),
                os("render"),
                bundle.as_os_str(),
                os("--format"),
                os("md"),
                os("--as-of"),
                os(AS_OF),
            ],
        );
        assert_eq!(code, 0, "{lang}: {err}");
        assert!(!md.contains("※ ※"), "{lang}: {md}");
        assert!(md.lines().any(|l| l == legend), "{lang}: {md}");
        insta::with_settings!({filters => volatile_filters()}, {
            insta::assert_snapshot!(format!("gaps12-md-unverified-{lang}"), md);
        });
    }
}

// ---- 10: a report.json parse error's column is 1-based ----

#[test]
fn a_report_json_cut_short_after_a_newline_is_placed_at_column_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    for (text, place) in [
        ("{\"format_version\": 1,\n", "report.json:2:1:"),
        ("", "report.json:1:1:"),
    ] {
        std::fs::write(&path, text).unwrap();
        for lang in ["ja", "en"] {
            for command in ["render", "status"] {
                let (code, out, err) = run_bare(lang, &[os(command), path.as_os_str()]);
                assert_eq!(code, 2, "{command} {lang}: {out}{err}");
                assert!(err.contains(place), "{command} {lang} {text:?}: {err}");
                assert!(!err.contains(":0:"), "{command} {lang}: {err}");
            }
        }
    }
}

// ---- 9: status of a bundle places findings where report.json has them ----

#[test]
fn status_of_a_bundle_places_findings_at_their_answer_in_report_json() {
    let (_tmp, bundle, _) = bundle();
    let report = std::fs::read_to_string(bundle.join("report.json")).unwrap();
    // The line of report.json that names the answer's item (the first: the answers come
    // before the findings report.json records).
    let line = report
        .lines()
        .position(|l| l.contains("\"item\": \"access-log-server\""))
        .unwrap()
        + 1;
    let at = format!("{}:{line}:", bundle.join("report.json").display());
    for lang in ["ja", "en"] {
        let (code, out, err) = run(
            lang,
            &[
                os("status"),
                bundle.as_os_str(),
                os("--as-of"),
                os("2026-11-30"),
            ],
        );
        assert!(matches!(code, 0 | 1), "{lang}: {out}{err}");
        assert!(!out.contains(":1:1:"), "no made-up place: {lang}: {out}");
        assert!(
            !out.contains("complete.toml:"),
            "not in the bundle: {lang}: {out}"
        );
        let overdue = out
            .lines()
            .find(|l| l.contains("[target-date-overdue]"))
            .unwrap_or_else(|| panic!("{lang}: {out}"));
        assert!(overdue.starts_with(&at), "{lang}: {overdue}");
        // What only the report as a whole says: report.json, no line.
        let none = out
            .lines()
            .find(|l| l.contains("[no-probe-evidence]"))
            .unwrap_or_else(|| panic!("{lang}: {out}"));
        let file_only = format!("{}: ", bundle.join("report.json").display());
        assert!(none.starts_with(&file_only), "{lang}: {none}");
    }
    let (_, out, _) = run(
        "en",
        &[
            os("status"),
            bundle.as_os_str(),
            os("--as-of"),
            os("2026-11-30"),
            os("--format"),
            os("json"),
        ],
    );
    let json: Value = serde_json::from_str(&out).unwrap();
    let f = &json["forms"][0]["findings"][0];
    assert_eq!(f["line"], line, "{f:#}");
    let none = &json["report"]["computed_findings"][0];
    assert_eq!(none["code"], "no-probe-evidence");
    assert!(none.get("line").is_none(), "{none:#}");
}

// ---- 6: report.html shows the vendor's key ID, signer and time, as the institution's ----

#[test]
fn report_html_shows_the_vendor_signatures_key_id_and_signer() {
    let s = common::bundle::vendor_bundle();
    let key_id = |name: &str| {
        medsec::signing::keys::read_public_key(&s.root.join(name))
            .unwrap()
            .key_id
    };
    let (vendor, hospital) = (key_id("vendor.pub"), key_id("hospital.pub"));
    assert_ne!(vendor, hospital);
    let check = |html: &str, signer: &str, key: &str, at: &str| {
        let start = html
            .find("<section class=\"vendor\">")
            .expect("a vendor section");
        let section = &html[start..];
        let section = &section[..section.find("</section>").unwrap()];
        assert!(section.contains(&vendor), "the vendor's key ID: {section}");
        assert!(
            section.contains(&format!("{signer}: {}", common::bundle::VENDOR)),
            "{section}"
        );
        assert!(section.contains(key), "{section}");
        // Signed at, Japan time, as the institution's signature shows it.
        let time = regex_like_time(section, at);
        assert!(time, "{section}");
    };
    // The page `medsec report` wrote into the bundle (Japanese).
    let page = std::fs::read_to_string(s.bundle.join("report.html")).unwrap();
    check(&page, "署名者", "鍵ID", "署名日時: ");
    // And `medsec render` in both languages.
    for (lang, signer, key, at) in [
        ("ja", "署名者", "鍵ID", "署名日時: "),
        ("en", "Signed by", "Key ID", "Signed: "),
    ] {
        let (code, html, err) = run_bare(
            lang,
            &[
                os("--checklist"),
                os(INST),
                os("--checklist"),
                os(VEND),
                os("render"),
                s.bundle.as_os_str(),
                os("--trusted"),
                s.keys.as_os_str(),
                os("--as-of"),
                os(AS_OF),
            ],
        );
        assert_eq!(code, 0, "{lang}: {err}");
        check(&html, signer, key, at);
    }
}

/// Whether `text` has `label` followed by a time such as `2026-11-30 18:04 +09:00`.
fn regex_like_time(text: &str, label: &str) -> bool {
    text.match_indices(label).any(|(i, _)| {
        let rest = &text[i + label.len()..];
        rest.len() >= 22
            && rest.as_bytes()[..10].iter().enumerate().all(|(k, b)| {
                if k == 4 || k == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
            && {
                // In Japanese the date carries its 和暦 in brackets: `2026-11-30(令和8年11月30日)`.
                let after = &rest[10..];
                let after = match after.strip_prefix('(') {
                    Some(r) => r.split_once(')').map_or("", |(_, t)| t),
                    None => after,
                };
                after.len() >= 13 && after.get(6..13) == Some(" +09:00")
            }
    })
}

#[test]
fn status_of_a_bundle_places_an_institution_finding_at_its_institution_block() {
    let (_tmp, root, _key) = mixed_folder();
    let bundle = root.join("tokyo");
    let report = std::fs::read_to_string(bundle.join("report.json")).unwrap();
    // The institution of the answers: the `"institution": {` whose block gives the prefecture.
    let lines: Vec<&str> = report.lines().collect();
    let line = (0..lines.len())
        .find(|&i| {
            lines[i].trim_start().starts_with("\"institution\": {")
                && lines[i..]
                    .iter()
                    .take_while(|l| !l.trim_start().starts_with('}'))
                    .any(|l| l.contains("東京都"))
        })
        .unwrap()
        + 1;
    for lang in ["ja", "en"] {
        let o = medsec()
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, "status"])
            .arg(&bundle)
            .output()
            .unwrap();
        let out = stdout_of(&o);
        let mismatch = out
            .lines()
            .find(|l| l.contains("[institution-code-prefecture-mismatch]"))
            .unwrap_or_else(|| panic!("{lang}: {out}{}", stderr_of(&o)));
        let at = format!("{}:{line}:", bundle.join("report.json").display());
        assert!(mismatch.starts_with(&at), "{lang}: {mismatch}");
    }
}
