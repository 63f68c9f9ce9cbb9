//! `medsec summarize` over folders of bundles (good, with probe evidence, without, incomplete,
//! last year's, tampered), its CSV/XLSX/JSON read back; and around it: `verify --expect` with
//! the printed report's SHA-256 and QR text, the keys.toml entry `keygen` prints, and
//! `status` on a bundle or report.json.

use crate::common;

use common::bundle::{checklist_args, report_value, write_bundle, HOSPITAL};
use common::{fixture, medsec, slashed, stderr_of, stdout_of};
use serde_json::Value;
use std::path::{Path, PathBuf};

const AS_OF: &str = "2025-11-01";

struct Setup {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    /// Folders of folders of bundles.
    all: PathBuf,
    keys: PathBuf,
    /// What `keygen` printed (English).
    keygen_out: String,
}

/// `medsec` with every fixture checklist.
fn cmd() -> assert_cmd::Command {
    let mut c = medsec();
    c.args(checklist_args());
    c
}

fn run_ok(args: &[&std::ffi::OsStr], codes: &[i32]) {
    let o = cmd().args(args).output().unwrap();
    let code = o.status.code().unwrap_or(-1);
    assert!(codes.contains(&code), "{code}: {}", stderr_of(&o));
}

/// The keys.toml entry `keygen` printed: from its `[institutions.` line to its `keys =` line.
fn entry_of(keygen_out: &str) -> String {
    let start = keygen_out.find("[institutions.").expect("an entry");
    let rest = &keygen_out[start..];
    let end = rest.find("keys = [").expect("keys line");
    let line_end = rest[end..].find('\n').map_or(rest.len(), |i| end + i);
    rest[..line_end].to_owned() + "\n"
}

/// `medsec report` of the answers fixtures into `out`, signed, with `evidence` if given.
fn report(root: &Path, out: &Path, evidence: Option<&Path>) {
    let mut c = cmd();
    c.arg("report")
        .arg("--answers")
        .arg(root.join("answers/complete.toml"))
        .arg("--sign")
        .arg(root.join("hospital.key"))
        .arg("--out")
        .arg(out);
    if let Some(e) = evidence {
        c.arg("--evidence").arg(e);
    }
    let o = c.output().unwrap();
    // Findings recorded (an unsigned vendor form, a contradiction) still write the bundle.
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
}

/// A bundle of `report` (a report.json value) signed with `medsec sign`.
fn signed_value(root: &Path, dir: &Path, report: &Value) {
    write_bundle(dir, report);
    run_ok(
        &[
            "sign".as_ref(),
            dir.as_os_str(),
            "--key".as_ref(),
            root.join("hospital.key").as_os_str(),
        ],
        &[0],
    );
}

fn setup() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_owned();
    let answers = root.join("answers");
    std::fs::create_dir_all(answers.join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), answers.join(f)).unwrap();
    }
    let o = medsec()
        .args([
            "keygen",
            "--unencrypted",
            "--institution",
            HOSPITAL,
            "--out",
        ])
        .arg(root.join("hospital"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let keygen_out = stdout_of(&o);
    // The inspector's keys.toml: its version line, then the entry keygen printed.
    let keys = root.join("keys.toml");
    std::fs::write(
        &keys,
        format!("format_version = 1\n\n{}", entry_of(&keygen_out)),
    )
    .unwrap();

    let all = root.join("all");
    report(
        &root,
        &all.join("2025/probed"),
        Some(&fixture("report/evidence.json")),
    );
    report(&root, &all.join("2025/sapporo/plain"), None);
    signed_value(&root, &all.join("2025/good"), &report_value(HOSPITAL, 2025));
    let mut incomplete = report_value(HOSPITAL, 2025);
    incomplete["answers"]["answers"]["answers"][0]["response"] = Value::Null;
    // A name from a file that starts like a spreadsheet formula.
    incomplete["institution"]["name"] = Value::from("=HYPERLINK(\"http://x\")");
    // And a prefecture with a terminal escape: shown escaped, never sent to the terminal.
    incomplete["answers"]["answers"]["institution"]["prefecture"] = Value::from("北\u{1b}[2J海道");
    signed_value(&root, &all.join("2025/incomplete"), &incomplete);
    let mut overdue = report_value(HOSPITAL, 2025);
    let answer = &mut overdue["answers"]["answers"]["answers"][0];
    answer["response"] = Value::from("no");
    answer["target_date"] = Value::from("2025-10-01");
    // いいえ in round 1, はい in round 2: the latest round counts, so not an open item.
    let answers = overdue["answers"]["answers"]["answers"]
        .as_array_mut()
        .unwrap();
    answers[1]["response"] = Value::from("no");
    answers[1]["target_date"] = Value::from("2025-10-15");
    let mut second = answers[1].clone();
    second["round"] = Value::from(2);
    second["response"] = Value::from("yes");
    second["target_date"] = Value::Null;
    answers.push(second);
    signed_value(&root, &all.join("2025/overdue"), &overdue);
    signed_value(
        &root,
        &all.join("2024/last-year"),
        &report_value(HOSPITAL, 2024),
    );
    // Tampered: a copy of a good bundle with one file changed after signing.
    let tampered = all.join("broken/tampered");
    signed_value(&root, &tampered, &report_value(HOSPITAL, 2025));
    std::fs::write(tampered.join("evidence/backup-log.txt"), "changed\n").unwrap();
    Setup {
        _tmp: tmp,
        root,
        all,
        keys,
        keygen_out,
    }
}

impl Setup {
    fn summarize(&self, dirs: &[&Path], extra: &[&str]) -> std::process::Output {
        cmd()
            .arg("summarize")
            .args(dirs)
            .arg("--trusted")
            .arg(&self.keys)
            .args(["--as-of", AS_OF])
            .args(extra)
            .output()
            .unwrap()
    }

    fn summary_json(&self, dirs: &[&Path]) -> (i32, Value) {
        let o = self.summarize(dirs, &["--format", "json"]);
        let json: Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&o), stderr_of(&o)));
        (o.status.code().unwrap_or(-1), json)
    }

    fn verify(&self, dir: &Path, extra: &[&str]) -> std::process::Output {
        cmd()
            .arg("verify")
            .arg(dir)
            .arg("--trusted")
            .arg(&self.keys)
            .args(["--as-of", AS_OF])
            .args(extra)
            .output()
            .unwrap()
    }
}

/// The row whose path ends with `name`.
fn row<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| slashed(b["path"].as_str().unwrap()).ends_with(name))
        .unwrap_or_else(|| panic!("no row {name}: {json:#}"))
}

#[test]
fn summarize_gives_one_row_per_bundle_in_folders_of_folders() {
    let s = setup();
    let (code, json) = s.summary_json(&[&s.all]);
    assert_eq!(code, 3, "{json:#}");
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["exit_code"], 3);
    assert_eq!(json["as_of"], AS_OF);
    let paths: Vec<&str> = json["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["path"].as_str().unwrap())
        .collect();
    let rel: Vec<String> = paths
        .iter()
        .map(|p| slashed(p.strip_prefix(s.all.to_str().unwrap()).unwrap()))
        .collect();
    assert_eq!(
        rel,
        [
            "/2024/last-year",
            "/2025/good",
            "/2025/incomplete",
            "/2025/overdue",
            "/2025/probed",
            "/2025/sapporo/plain",
            "/broken/tampered"
        ]
    );

    let good = row(&json, "/good");
    assert_eq!(good["result"], "valid");
    assert_eq!(good["exit_code"], 0);
    // Valid, made without probe evidence: that warning is its worst finding (nits12).
    assert_eq!(good["worst_finding"], "no-probe-evidence");
    assert_eq!(good["institution_code"], HOSPITAL);
    assert_eq!(good["institution_name"], "札幌中央病院");
    assert_eq!(good["prefecture"], "北海道");
    assert_eq!(good["fiscal_year"], 2025);
    assert_eq!(good["complete"], true);
    assert_eq!(good["no_answers"], 0);
    assert_eq!(good["overdue_target_dates"], 0);
    assert_eq!(good["probe_evidence"], false);
    assert_eq!(good["contradictions"], Value::Null);
    assert!(
        good["signed_at"].as_str().unwrap().contains("+09:00"),
        "{good:#}"
    );
    assert_eq!(good["key_id"].as_str().map(str::len), Some(16));
    let report = std::fs::read(s.all.join("2025/good/report.json")).unwrap();
    assert_eq!(
        good["report_sha256"],
        medsec::signing::manifest::sha256_bytes(&report)
    );

    let probed = row(&json, "/probed");
    assert_eq!(probed["result"], "findings");
    assert_eq!(probed["probe_evidence"], true);
    assert_eq!(probed["probe_failures"], 1);
    assert_eq!(probed["contradictions"], 1);
    assert_eq!(probed["no_answers"], 1);

    let plain = row(&json, "/plain");
    assert_eq!(plain["probe_evidence"], false);
    assert_eq!(plain["contradictions"], Value::Null);
    assert_eq!(plain["worst_finding"], "vendor-form-unsigned");

    let incomplete = row(&json, "/incomplete");
    assert_eq!(incomplete["result"], "findings");
    assert_eq!(incomplete["complete"], false);

    let overdue = row(&json, "/overdue");
    assert_eq!(overdue["no_answers"], 1);
    assert_eq!(overdue["overdue_target_dates"], 1);

    let last = row(&json, "/last-year");
    assert_eq!(last["result"], "findings");
    assert_eq!(last["worst_finding"], "fiscal-year-other");
    assert_eq!(last["fiscal_year"], 2024);

    // Nothing a tampered bundle's report.json says is shown.
    let tampered = row(&json, "/tampered");
    assert_eq!(tampered["result"], "invalid");
    assert_eq!(tampered["exit_code"], 3);
    assert_eq!(tampered["worst_finding"], "file-changed");
    for field in [
        "institution_code",
        "institution_name",
        "prefecture",
        "complete",
    ] {
        assert_eq!(tampered[field], Value::Null, "{field}");
    }
}

#[test]
fn the_exit_code_is_the_worst_bundles_as_verify_says() {
    let s = setup();
    let good = s.all.join("2025/good");
    assert_eq!(s.summary_json(&[&good]).0, 0);
    assert_eq!(s.summary_json(&[&good, &s.all.join("2024")]).0, 1);
    // A folder without any bundle is unusable input, not silently nothing.
    let empty = s.root.join("empty");
    std::fs::create_dir_all(empty.join("a/b")).unwrap();
    let (code, json) = s.summary_json(&[&good, &empty]);
    assert_eq!(code, 2, "{json:#}");
    assert_eq!(row(&json, "/empty")["worst_finding"], "no-bundle");
}

/// An empty folder is said to hold no bundle, a mistyped path not to exist: never the
/// "could not be read" of a damaged bundle.
#[test]
fn an_empty_folder_and_a_missing_path_are_said_as_such() {
    let s = setup();
    let empty = s.root.join("nothing-here");
    std::fs::create_dir_all(&empty).unwrap();
    let missing = s.root.join("no-such-folder");
    let file = s.all.join("2025/good/report.json");
    for (lang, no_bundle, no_path, a_file) in [
        (
            "ja",
            "報告書一式がありません",
            "このファイルやフォルダはありません",
            "ファイルです。フォルダではありません",
        ),
        (
            "en",
            "holds no report bundle",
            "no such file or folder",
            "a file, not a folder",
        ),
    ] {
        for (dir, said) in [(&empty, no_bundle), (&missing, no_path), (&file, a_file)] {
            let o = cmd()
                .args(["--lang", lang, "summarize", "--trusted"])
                .arg(&s.keys)
                .arg(dir)
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
            let err = stderr_of(&o);
            assert!(err.contains(said), "{lang}: {err}");
            assert!(
                !err.contains("読み取れない") && !err.contains("could not"),
                "{err}"
            );
            // A report.json in its bundle: the folder to give, as verify says it.
            if dir == &file {
                let folder = file.parent().unwrap().display().to_string();
                assert!(err.contains(&folder) && err.contains("good"), "{err}");
                assert!(
                    err.contains("報告書一式のフォルダ") || err.contains("give the bundle folder"),
                    "{err}"
                );
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn links_to_folders_are_not_followed_and_are_shown() {
    let s = setup();
    let given = s.root.join("given");
    std::fs::create_dir_all(&given).unwrap();
    std::os::unix::fs::symlink(s.all.join("2025"), given.join("link")).unwrap();
    let (code, json) = s.summary_json(&[&given]);
    assert_eq!(code, 2, "{json:#}");
    assert_eq!(json["bundles"].as_array().unwrap().len(), 1);
    assert_eq!(row(&json, "/link")["worst_finding"], "link-not-followed");
}

#[test]
fn the_table_in_japanese_and_english() {
    let s = setup();
    let o = s.summarize(&[&s.all], &["--lang", "ja"]);
    assert_eq!(o.status.code(), Some(3));
    let ja = stdout_of(&o);
    for want in [
        "医療機関",
        "北海道",
        "記入完了",
        "有効",
        "要確認",
        "無効",
        "目標日超過",
        "証跡なし",
        "不合格",
        "7件: 有効2、要確認4、無効1、確認不能0",
        "`medsec verify ",
    ] {
        assert!(ja.contains(want), "{want}:\n{ja}");
    }
    assert!(!ja.contains('\u{1b}'), "{ja}");
    assert!(ja.contains("\\u{1b}"), "{ja}");
    // reports12-8: seven columns (the institution's code, name and prefecture share a cell, as
    // do the answers' complete / いいえ / overdue), so that it fits a terminal better (the
    // wrapping itself is table.rs's); every header is one line.
    for (lang, table) in [
        ("ja", &ja),
        ("en", &stdout_of(&s.summarize(&[&s.all], &["--lang", "en"]))),
    ] {
        let header = table.lines().nth(1).unwrap();
        assert_eq!(header.split('┆').count(), 7, "{lang}: {table}");
        assert!(
            table.lines().nth(2).unwrap().starts_with('╞'),
            "{lang}: {table}"
        );
        // The name and the prefecture on lines of their own, never joined to the code.
        assert!(
            table.lines().any(|l| l.contains("┆ 北海道 ")),
            "{lang}: {table}"
        );
    }
    let o = s.summarize(&[&s.all], &["--lang", "en"]);
    let en = stdout_of(&o);
    for want in [
        "edition",
        "VALID",
        "INVALID",
        "evidence",
        "failed",
        "7 bundles: 2 valid, 4 with findings, 1 invalid, 0 unusable",
    ] {
        assert!(en.contains(want), "{want}:\n{en}");
    }
}

#[test]
fn csv_has_a_bom_a_header_one_row_per_bundle_and_no_formulas() {
    let s = setup();
    let out = s.root.join("summary.csv");
    let o = s.summarize(
        &[&s.all],
        &["--format", "csv", "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
    assert!(stdout_of(&o).contains("7 bundles"), "{}", stdout_of(&o));
    let bytes = std::fs::read(&out).unwrap();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM");
    let mut r = csv::Reader::from_reader(body);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header.first().map(String::as_str), Some("bundle"));
    assert!(
        header.contains(&"overdue target dates".to_owned()),
        "{header:?}"
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let incomplete = rows
        .iter()
        .find(|r| slashed(&r[0]).ends_with("/incomplete"))
        .unwrap();
    assert_eq!(
        &incomplete[col("institution name")],
        "'=HYPERLINK(\"http://x\")"
    );
    assert_eq!(&incomplete[col("complete")], "No");
    let overdue = rows
        .iter()
        .find(|r| slashed(&r[0]).ends_with("/overdue"))
        .unwrap();
    assert_eq!(&overdue[col("overdue target dates")], "1");
    // What is wrong with the probe evidence, by its codes: empty where nothing is.
    let probed = rows
        .iter()
        .find(|r| slashed(&r[0]).ends_with("/probed"))
        .unwrap();
    assert_eq!(
        &probed[col("probe evidence findings")],
        "evidence-no-institution"
    );
    assert_eq!(&overdue[col("probe evidence findings")], "");
    // Columns are added at the end; a checklist that extends none leaves out nothing to count.
    assert_eq!(
        header.get(header.len() - 3).map(String::as_str),
        Some("items out of scope")
    );
    assert_eq!(
        header.get(header.len() - 2).map(String::as_str),
        Some("edition as printed")
    );
    assert_eq!(header.last().map(String::as_str), Some("notes"));
    assert_eq!(&overdue[col("items out of scope")], "");
    // Every cell quoted.
    let text = String::from_utf8(body.to_vec()).unwrap();
    assert!(text.lines().all(|l| l.starts_with('"') && l.ends_with('"')));
}

#[test]
fn xlsx_reads_back_with_filters_and_a_frozen_header() {
    use calamine::{Data, Reader, Xlsx};
    let s = setup();
    let out = s.root.join("summary.xlsx");
    let o = s.summarize(
        &[&s.all],
        &[
            "--lang",
            "ja",
            "--format",
            "xlsx",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(3), "{}", stderr_of(&o));
    let bytes = std::fs::read(&out).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(&bytes)).unwrap();
    assert_eq!(wb.sheet_names(), ["報告書一式の一覧"]);
    let range = wb.worksheet_range("報告書一式の一覧").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), 8);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    for want in [
        "医療機関コード",
        "都道府県",
        "いいえ",
        "目標日超過",
        "回答との矛盾",
    ] {
        assert!(header.iter().any(|h| h == want), "{want}: {header:?}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let overdue = rows
        .iter()
        .find(|r| slashed(&r[0].to_string()).ends_with("/overdue"))
        .unwrap();
    assert_eq!(overdue[col("目標日超過")], Data::Float(1.0));
    assert_eq!(overdue[col("都道府県")], Data::String("北海道".into()));
    let probed = rows
        .iter()
        .find(|r| slashed(&r[0].to_string()).ends_with("/probed"))
        .unwrap();
    assert_eq!(
        probed[col("プローブの証跡の指摘")],
        Data::String("evidence-no-institution".into())
    );
    let incomplete = rows
        .iter()
        .find(|r| slashed(&r[0].to_string()).ends_with("/incomplete"))
        .unwrap();
    // Text, never a formula.
    assert_eq!(
        incomplete[col("医療機関名")],
        Data::String("=HYPERLINK(\"http://x\")".into())
    );
    // The filter and the frozen header row, as the sheet's XML has them.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    // 24 columns, A to X: the own checklist's items out of scope, the edition as printed, then
    // verify's notes.
    assert!(sheet.contains("<autoFilter ref=\"A1:X8\""), "{sheet}");
    assert_eq!(
        header.get(header.len() - 2).map(String::as_str),
        Some("版の表記")
    );
    assert_eq!(header.last().map(String::as_str), Some("注記"));
    assert!(sheet.contains("state=\"frozen\""), "{sheet}");
    assert!(!sheet.contains("<f>"), "{sheet}");
}

#[test]
fn xlsx_needs_out() {
    let s = setup();
    let o = s.summarize(&[&s.all], &["--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_of(&o).contains("--out FILE"), "{}", stderr_of(&o));
    assert!(o.stdout.is_empty());
}

// ---- verify --expect ----

/// The QR code's text on the page `medsec report` wrote into the bundle.
fn qr_text_of(bundle: &Path) -> String {
    let html = std::fs::read_to_string(bundle.join("report.html")).unwrap();
    let start = html.find("medsec:sha256=").expect("QR text on the page");
    let end = html[start..].find('<').unwrap();
    html[start..start + end].to_owned()
}

#[test]
fn verify_expect_takes_the_printed_sha256_or_the_qr_text() {
    let s = setup();
    let plain = s.all.join("2025/sapporo/plain");
    let without = s.verify(&plain, &[]).status.code();
    assert_eq!(without, Some(1));
    let sha =
        medsec::signing::manifest::sha256_bytes(&std::fs::read(plain.join("report.json")).unwrap());
    // Right: the same result as without --expect (bare hex, any case, or the QR text).
    assert_eq!(s.verify(&plain, &["--expect", &sha]).status.code(), without);
    let upper = sha.to_uppercase();
    assert_eq!(
        s.verify(&plain, &["--expect", &upper]).status.code(),
        without
    );
    let qr = qr_text_of(&plain);
    assert!(qr.contains(&format!("sha256={sha};key=")), "{qr}");
    let o = s.verify(&plain, &["--expect", &qr, "--format", "json"]);
    assert_eq!(o.status.code(), without, "{}", stdout_of(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["bundles"][0]["report_sha256"], sha.as_str());

    // Wrong SHA-256: the paper is not this bundle's.
    let other = "0".repeat(64);
    for (lang, want) in [
        ("en", "the printed report does not belong to this bundle"),
        ("ja", "印刷された報告書はこの報告書一式のものではありません"),
    ] {
        let o = s.verify(&plain, &["--expect", &other, "--lang", lang]);
        assert_eq!(o.status.code(), Some(3), "{}", stdout_of(&o));
        let out = stdout_of(&o);
        assert!(
            out.contains("[expect-mismatch]") && out.contains(want),
            "{out}"
        );
    }
    // The right SHA-256 with another key in the QR text.
    let wrong_key = format!("medsec:sha256={sha};key=0123456789ABCDEF");
    let o = s.verify(&plain, &["--expect", &wrong_key]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stdout_of(&o).contains("0123456789ABCDEF"),
        "{}",
        stdout_of(&o)
    );

    // Every form the page prints is taken back: the footer's `SHA-256 <hex>`, the header's
    // `SHA-256 (report.json): <hex>`, and what a person types: `sha256:<HEX>`.
    let footer = footer_sha256_of(&plain);
    assert_eq!(footer, format!("SHA-256 {sha}"));
    let header = format!("SHA-256 (report.json): {sha}");
    assert!(
        std::fs::read_to_string(plain.join("report.html"))
            .unwrap()
            .contains("SHA-256 (<code>report.json</code>): <span class=\"mono\">"),
        "the header form changed: update this test"
    );
    for form in [
        footer,
        header,
        format!("sha256:{upper}"),
        format!("sha256:{sha}"),
    ] {
        let o = s.verify(&plain, &["--expect", &form]);
        assert_eq!(o.status.code(), without, "{form}: {}", stderr_of(&o));
    }

    // A wrong length or a character that is not hex: a usage problem, said in words on
    // standard error.
    for (value, lang, want) in [
        ("sha256:abc", "en", "has 3 hex digits; 64 are needed"),
        ("sha256:abc", "ja", "3桁です。64桁必要です"),
        (
            &*format!("{}x", &sha[..63]),
            "en",
            "holds `x`, which is not a hex digit",
        ),
        (
            &*format!("{}x", &sha[..63]),
            "ja",
            "16進数(0-9、a-f)でない文字`x`",
        ),
    ] {
        let o = s.verify(&plain, &["--expect", value, "--lang", lang]);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr_of(&o);
        assert!(err.contains("--expect") && err.contains(want), "{err}");
        assert!(o.stdout.is_empty());
    }
}

/// The SHA-256 the HTML's printed page footer carries (its CSS `@bottom-left` content).
fn footer_sha256_of(bundle: &Path) -> String {
    let html = std::fs::read_to_string(bundle.join("report.html")).unwrap();
    let start = html.find("@bottom-left").expect("a page footer");
    let rest = &html[start..];
    let open = rest.find("content: \"").unwrap() + "content: \"".len();
    let close = rest[open..].find('"').unwrap();
    rest[open..open + close].to_owned()
}

// ---- no probe evidence ----

#[test]
fn a_report_without_probe_evidence_is_said_by_verify_and_summarize() {
    let s = setup();
    for (lang, want) in [
        ("en", "the report carries no probe evidence"),
        ("ja", "この報告書にはプローブの証跡がありません"),
    ] {
        let o = s.verify(&s.all.join("2025/good"), &["--lang", lang]);
        // A note: shown to the inspector, the bundle stays valid.
        assert_eq!(o.status.code(), Some(0));
        let out = stdout_of(&o);
        assert!(
            out.contains("[no-probe-evidence]") && out.contains(want),
            "{out}"
        );
    }
    let o = s.verify(&s.all.join("2025/probed"), &[]);
    assert!(
        !stdout_of(&o).contains("no-probe-evidence"),
        "{}",
        stdout_of(&o)
    );
}

// ---- keygen ----

#[test]
fn keygen_prints_the_keys_toml_entry_verify_accepts() {
    let s = setup();
    let entry = entry_of(&s.keygen_out);
    assert!(entry.starts_with(&format!("[institutions.{HOSPITAL}]\nkeys = [\"RW")));
    assert!(s.keygen_out.contains("keys.toml"), "{}", s.keygen_out);
    // The keys.toml made of it (setup) trusts the key for the institution.
    let o = s.verify(&s.all.join("2025/good"), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout_of(&o));

    // In Japanese, and without --institution: a placeholder and what to do with it.
    let o = medsec()
        .args(["--lang", "ja", "keygen", "--unencrypted", "--out"])
        .arg(s.root.join("other"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let out = stdout_of(&o);
    assert!(out.contains("検査する側の`keys.toml`に書く記載"), "{out}");
    assert!(out.contains("[institutions.XXXXXXXXXX]"), "{out}");
    assert!(
        out.contains("医療機関コード(10桁)に置き換えてください"),
        "{out}"
    );
    // A vendor's key.
    let o = medsec()
        .args([
            "keygen",
            "--unencrypted",
            "--vendor",
            "株式会社テスト",
            "--out",
        ])
        .arg(s.root.join("vendor"))
        .output()
        .unwrap();
    assert!(
        stdout_of(&o).contains("[vendors.\"株式会社テスト\"]"),
        "{}",
        stdout_of(&o)
    );
    // Not a code: refused before any key is made.
    let o = medsec()
        .args(["keygen", "--unencrypted", "--institution", "12-34", "--out"])
        .arg(s.root.join("bad"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!s.root.join("bad.key").exists());
}

// ---- status on a bundle ----

#[test]
fn status_shows_a_bundle_and_its_report_json_like_an_answers_file() {
    let s = setup();
    let probed = s.all.join("2025/probed");
    for (lang, wants) in [
        (
            "ja",
            &[
                "医療機関確認用",
                "いいえの項目と目標日",
                "`report.json`に記録された指摘",
                "エラー[answer-contradicted-by-probe]",
            ][..],
        ),
        (
            "en",
            &[
                "Items answered no",
                "Recorded in `report.json`",
                "error[answer-contradicted-by-probe]",
            ][..],
        ),
    ] {
        let o = cmd()
            .args(["--lang", lang, "status"])
            .arg(&probed)
            .output()
            .unwrap();
        // The contradiction the report records is an error: exit 1.
        assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
        let out = stdout_of(&o);
        for want in wants {
            assert!(out.contains(want), "{want}:\n{out}");
        }
        // A bundle holds no evidence files beside its answers: not reported as missing.
        assert!(!out.contains("evidence-missing"), "{out}");
    }
    // report.json alone: the same table.
    let o = cmd()
        .arg("status")
        .arg(s.all.join("2025/good/report.json"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let out = stdout_of(&o);
    assert!(out.contains("complete"), "{out}");
    assert!(out.contains("no-probe-evidence"), "{out}");
    // JSON: status's shape, with the report's SHA-256 and recorded findings.
    let o = cmd()
        .args(["status", "--format", "json"])
        .arg(s.all.join("2025/incomplete"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["complete"], false);
    assert_eq!(
        json["report"]["computed_findings"][0]["code"],
        "no-probe-evidence"
    );
}

#[test]
fn status_shows_nothing_of_a_tampered_bundle() {
    let s = setup();
    for (lang, want) in [
        ("en", "failed its integrity check"),
        ("ja", "完全性の確認に失敗しました"),
    ] {
        let o = cmd()
            .args(["--lang", lang, "status"])
            .arg(s.all.join("broken/tampered"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(3));
        assert!(o.stdout.is_empty(), "{}", stdout_of(&o));
        let err = stderr_of(&o);
        assert!(err.contains(want) && err.contains("file-changed"), "{err}");
    }
}

// ---- long paths in the table ----

/// Every line of the table as wide as the first; returns that width.
fn lines_up(table: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    let widths: Vec<usize> = table
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '├', '└']))
        .map(UnicodeWidthStr::width)
        .collect();
    assert!(
        widths.windows(2).all(|w| w[0] == w[1]),
        "{widths:?}:\n{table}"
    );
    widths[0]
}

#[test]
fn the_table_keeps_long_paths_ids_and_codes_whole_in_japanese_and_english() {
    let s = setup();
    // A health centre's folder deep in a long path, with long bundle names.
    let given = s
        .root
        .join("prefectural-health-centre/annual-cybersecurity-self-check/received-bundles");
    let names = [
        "sapporo-central-hospital-fy2025",
        "asahikawa-north-clinic-fy2025",
    ];
    for name in names {
        report(
            &s.root,
            &given.join("2025").join(name),
            Some(&fixture("report/evidence.json")),
        );
    }
    for lang in ["ja", "en"] {
        let o = s.summarize(&[&given], &["--lang", lang]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
        let table = slashed(&stdout_of(&o));
        lines_up(&table);
        // The shortest trailing path that tells rows apart: the long prefix is not repeated
        // on every row, and distinct names need no folder. (The last line's `medsec verify`
        // command names the bundles whole, as they run.)
        let rows_only: String = table
            .lines()
            .filter(|l| !l.contains("medsec verify"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!rows_only.contains("prefectural-health-centre"), "{table}");
        assert!(!rows_only.contains("2025/"), "{table}");
        for word in names
            .iter()
            .map(|n| n.to_string())
            // The worst finding is said in words (its code is in JSON and CSV).
            .chain(["evidence-no-institution", HOSPITAL].map(String::from))
        {
            assert!(table.contains(&word), "`{word}` split ({lang}):\n{table}");
        }
    }
    // Several folders given: the same rule, whichever folder holds the row; JSON keeps full
    // paths.
    let other = s.all.join("2025");
    let o = s.summarize(&[&given, &other], &["--lang", "en"]);
    let table = slashed(&stdout_of(&o));
    assert!(
        table.contains("│ sapporo-central-hospital-fy2025 ") && table.contains("│ good "),
        "{table}"
    );
    // Two bundles that would both be shown as `good`: every row shows its folder too.
    let twin = s.root.join("elsewhere/good");
    report(&s.root, &twin, None);
    let o = s.summarize(&[&s.all.join("2025/good"), &twin], &["--lang", "en"]);
    let table = slashed(&stdout_of(&o));
    assert!(
        table.contains("elsewhere/good") && table.contains("2025/good"),
        "{table}"
    );
    let (_, json) = s.summary_json(&[&given]);
    assert!(
        row(&json, "/sapporo-central-hospital-fy2025")["path"]
            .as_str()
            .unwrap()
            .starts_with(s.root.to_str().unwrap()),
        "{json:#}"
    );
}

/// `summarize DIR... --pubkey K --format json` on folders that hold no bundle.
fn summary_without_bundles(dirs: &[&Path]) -> (i32, Value) {
    let tmp = tempfile::tempdir().unwrap();
    let key = common::bundle::TestKey::new(tmp.path(), "k");
    let o = cmd()
        .arg("summarize")
        .args(dirs)
        .arg("--pubkey")
        .arg(&key.public)
        .args(["--as-of", AS_OF, "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&o), stderr_of(&o)));
    (o.status.code().unwrap_or(-1), json)
}

/// The walk stops at the manifest's depth limit: a folder nested deeper is said as not read
/// (at the limit), not walked to its end and called a folder without bundles.
#[test]
fn folders_nested_beyond_the_depth_limit_are_not_walked() {
    let tmp = tempfile::tempdir().unwrap();
    let given = tmp.path().join("given");
    let mut deep = given.clone();
    for _ in 0..70 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    let (code, json) = summary_without_bundles(&[&given]);
    assert_eq!(code, 2, "{json:#}");
    let rows = json["bundles"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{json:#}");
    assert_eq!(rows[0]["worst_finding"], "bundle-unreadable", "{json:#}");
    let depth = Path::new(rows[0]["path"].as_str().unwrap())
        .strip_prefix(&given)
        .unwrap()
        .components()
        .count();
    assert_eq!(depth, medsec::signing::manifest::MAX_DEPTH, "{json:#}");
}

/// Links that lead to a file or to nothing are passed by as files are; a link that loops is
/// said (it cannot be resolved), never silently skipped.
#[cfg(unix)]
#[test]
fn links_to_files_or_nothing_are_passed_by_and_a_loop_is_said() {
    let tmp = tempfile::tempdir().unwrap();
    let given = tmp.path().join("given");
    std::fs::create_dir_all(&given).unwrap();
    std::fs::write(given.join("notes.txt"), "x").unwrap();
    std::os::unix::fs::symlink(given.join("notes.txt"), given.join("to-file")).unwrap();
    std::os::unix::fs::symlink(given.join("nowhere"), given.join("dangling")).unwrap();
    std::os::unix::fs::symlink(given.join("loop"), given.join("loop")).unwrap();
    let (code, json) = summary_without_bundles(&[&given]);
    assert_eq!(code, 2, "{json:#}");
    let rows = json["bundles"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{json:#}");
    assert!(
        rows[0]["path"].as_str().unwrap().ends_with("/loop"),
        "{json:#}"
    );
    assert_eq!(rows[0]["worst_finding"], "bundle-unreadable", "{json:#}");
}

/// Many bundles given one by one (as a health centre's script passes them), and their folder
/// too: one row per bundle found, each shown in the table by its own folder's name (the
/// deepest folder given that holds it), never by its whole path.
#[test]
fn many_bundles_given_one_by_one_are_each_shown_by_their_folder_name() {
    let tmp = tempfile::tempdir().unwrap();
    let given = tmp.path().join("received");
    let key = common::bundle::TestKey::new(tmp.path(), "hospital");
    let report = report_value(HOSPITAL, 2025);
    let dirs: Vec<PathBuf> = (1..=500).map(|i| given.join(format!("b{i:04}"))).collect();
    for dir in &dirs {
        write_bundle(dir, &report);
        key.sign_bundle(dir, None);
    }
    let summarize = |extra: &[&str]| {
        cmd()
            .arg("summarize")
            .args(&dirs)
            .arg(&given)
            .arg("--pubkey")
            .arg(&key.public)
            .args(["--as-of", AS_OF])
            .args(extra)
            .output()
            .unwrap()
    };
    let o = summarize(&["--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = json["bundles"].as_array().unwrap();
    // Each bundle given, once: found again in the folder given, it is not counted twice.
    assert_eq!(rows.len(), 500);
    for (row, dir) in rows.iter().zip(dirs.iter()) {
        assert_eq!(row["path"], dir.display().to_string(), "{row:#}");
        assert_eq!(row["result"], "valid", "{row:#}");
    }
    let o = summarize(&["--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let table = stdout_of(&o);
    let shown: Vec<&str> = table
        .lines()
        .filter_map(|l| l.strip_prefix("│ "))
        .filter_map(|l| l.split_whitespace().next())
        .map(|cell| cell.trim_end_matches('/'))
        .filter(|cell| cell.starts_with('b') && cell.len() == 5)
        .collect();
    let expected: Vec<String> = (1..=500).map(|i| format!("b{i:04}")).collect();
    assert_eq!(shown, expected, "{table}");
    assert!(!table.contains("received"), "{table}");
}

/// `medsec summarize .` inside a bundle (or `..` from below it) names the row by the folder it
/// resolves to, not `.`.
#[test]
fn a_bundle_given_as_dot_is_shown_by_its_folder_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("clinic-sakura");
    let key = common::bundle::TestKey::new(tmp.path(), "hospital");
    write_bundle(&dir, &report_value(HOSPITAL, 2025));
    key.sign_bundle(&dir, None);
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    for (cwd, given) in [(dir.clone(), "."), (dir.join("evidence"), "..")] {
        let o = cmd()
            .current_dir(&cwd)
            .args(["summarize", given, "--pubkey"])
            .arg(&key.public)
            .args(["--as-of", AS_OF, "--lang", "en"])
            .output()
            .unwrap();
        let table = stdout_of(&o);
        let first = table
            .lines()
            .filter_map(|l| l.strip_prefix("│ "))
            .filter_map(|l| l.split_whitespace().next())
            .nth(1)
            .unwrap_or_default();
        assert_eq!(
            first.trim_end_matches('/'),
            "clinic-sakura",
            "{given}: {table}"
        );
    }
}

/// `--out` names the format when `--format` is not given; a `--format` the extension
/// contradicts is refused (2), nothing written.
#[test]
fn the_out_files_extension_names_the_summary_format() {
    let s = setup();
    let all = s.all.as_path();
    for (name, starts) in [
        ("s.xlsx", &b"PK"[..]),
        ("s.csv", &b"\xEF\xBB\xBF"[..]),
        ("s.json", &b"{"[..]),
    ] {
        let target = s.root.join(name);
        let o = s.summarize(&[all], &["--out", target.to_str().unwrap()]);
        assert!(
            o.status.code().is_some_and(|c| c != 2),
            "{name}: {}",
            stderr_of(&o)
        );
        let bytes = std::fs::read(&target).unwrap();
        assert!(
            bytes.starts_with(starts),
            "{name}: {:?}",
            &bytes[..bytes.len().min(40)]
        );
    }
    let target = s.root.join("table.csv");
    let o = s.summarize(
        &[all],
        &["--format", "table", "--out", target.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr_of(&o));
    assert!(
        stderr_of(&o).contains("`--format table`"),
        "{}",
        stderr_of(&o)
    );
    assert!(!target.exists());
}

/// A bundle named several times (a folder and a folder inside it, or the same path spelled
/// twice) is one row in summarize and one result in verify: a health centre counts rows.
#[test]
fn a_bundle_named_several_times_is_one_row() {
    let s = setup();
    let (_, once) = s.summary_json(&[&s.all]);
    let rows = once["bundles"].as_array().unwrap().len();
    let again = s.all.join("2025").join(".").join("good");
    let (_, twice) = s.summary_json(&[&s.all, &s.all.join("2025"), &again]);
    assert_eq!(
        twice["bundles"].as_array().unwrap().len(),
        rows,
        "{twice:#}"
    );
    let o = cmd()
        .args(["verify", "--format", "json", "--trusted"])
        .arg(&s.keys)
        .args(["--as-of", AS_OF])
        .arg(s.all.join("2025/good"))
        .arg(&again)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["bundles"].as_array().unwrap().len(), 1, "{json:#}");
}

/// A clinic's delivery that holds its printed report.html beside the bundle folder
/// (`inbox/clinic/report.html`, `inbox/clinic/bundle/`): the bundle is found and verified,
/// never hidden behind a `no-bundle` row for the folder that holds it; report.html alone in
/// a folder is still that row. The same for the folder given itself.
#[test]
fn a_printed_report_beside_the_bundle_folder_does_not_hide_the_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    let key = common::bundle::TestKey::new(tmp.path(), "hospital");
    let clinic = inbox.join("clinic");
    write_bundle(&clinic.join("bundle"), &report_value(HOSPITAL, 2025));
    key.sign_bundle(&clinic.join("bundle"), None);
    std::fs::write(clinic.join("report.html"), "<!DOCTYPE html>").unwrap();
    std::fs::create_dir_all(inbox.join("only-html")).unwrap();
    std::fs::write(inbox.join("only-html/report.html"), "<!DOCTYPE html>").unwrap();
    for (given, rows_wanted) in [(&inbox, 2), (&clinic, 1)] {
        let o = cmd()
            .arg("summarize")
            .arg(given)
            .arg("--pubkey")
            .arg(&key.public)
            .args(["--as-of", AS_OF, "--format", "json"])
            .output()
            .unwrap();
        let json: Value =
            serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&o)));
        let rows = json["bundles"].as_array().unwrap();
        assert_eq!(rows.len(), rows_wanted, "{json:#}");
        let found = rows
            .iter()
            .find(|r| slashed(r["path"].as_str().unwrap()).ends_with("clinic/bundle"))
            .unwrap_or_else(|| panic!("the bundle is not found: {json:#}"));
        assert_eq!(found["institution_code"], HOSPITAL, "{json:#}");
        assert_eq!(
            rows.iter()
                .filter(|r| r["worst_finding"] == "no-bundle")
                .count(),
            rows_wanted - 1,
            "{json:#}"
        );
    }
}
