//! What a fresh reviewer found (issue 13, second round), each at the level users meet it.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// `medsec probe --format json --config DIR/probes.toml [--root ROOT]`.
fn probe(dir: &Path, config: &str, root: Option<&Path>, lang: &str) -> (Value, i32, String) {
    let cfg = dir.join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    let mut cmd = medsec();
    cmd.current_dir(std::env::temp_dir());
    cmd.args(["--lang", lang, "probe", "--format", "json", "--config"])
        .arg(&cfg);
    if let Some(root) = root {
        cmd.arg("--root").arg(root);
    }
    let out = cmd.output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (json, out.status.code().unwrap(), stderr_of(&out))
}

#[cfg(unix)] // the dpkg tests only
fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else if e.file_type().is_file() {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

#[cfg(unix)] // the dpkg tests only
/// The Debian fixture tree with openssl (a security update pending) given `status`.
fn debian_with_openssl(status_line: &str) -> tempfile::TempDir {
    let tree = tempfile::tempdir().unwrap();
    copy_tree(&fixture("probes/debian"), tree.path());
    let path = tree.path().join("var/lib/dpkg/status");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen(
        "Package: openssl\nStatus: install ok installed\n",
        &format!("Package: openssl\n{status_line}\n"),
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(&path, changed).unwrap();
    tree
}

#[cfg(unix)] // the dpkg tests only
fn codes(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| m["code"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(unix)] // the dpkg tests only
const DPKG: &str =
    "[[probe]]\nkind = \"patch-level\"\nsource = \"dpkg\"\nmax_pending_security = 5\n";

/// 13-10n: a state the reader does not know is unfinished, never dropped.
// dpkg's files are Linux system paths (/var/lib/dpkg) put under a fixture root: on Windows such a
// path has no drive and is not put under the root.
#[cfg(unix)]
#[test]
fn unknown_dpkg_state_is_unfinished_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let tree = debian_with_openssl("Status: install ok weird-state");
    let (ev, code, err) = probe(dir.path(), DPKG, Some(tree.path()), "en");
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r} {err}");
    assert_eq!(code, 1);
    assert_eq!(r["reason_code"], "dpkg-unfinished", "{r}");
    assert!(
        r["reason"]
            .as_str()
            .unwrap()
            .contains("openssl:amd64 (weird-state)"),
        "{r}"
    );
    let o = &r["observed"];
    assert_eq!(o["pending_security"], 1, "{o}");
    assert_eq!(o["unfinished_packages"][0]["state"], "weird-state");
}

/// 13-10n: a malformed `Status:` line makes the result unknown, naming the package and line;
/// the package's updates still count.
// dpkg's files are Linux system paths (/var/lib/dpkg) put under a fixture root: on Windows such a
// path has no drive and is not put under the root.
#[cfg(unix)]
#[test]
fn malformed_dpkg_status_is_unknown_naming_package_and_line() {
    let dir = tempfile::tempdir().unwrap();
    for line in ["Status: install ok", "Status:"] {
        let tree = debian_with_openssl(line);
        let (ev, code, err) = probe(dir.path(), DPKG, Some(tree.path()), "ja");
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "unknown", "{line}: {r} {err}");
        assert_eq!(code, 0, "unknown is not a failure: {line}: {err}");
        assert_eq!(r["reason_code"], "dpkg-status-malformed", "{r}");
        let reason = r["reason"].as_str().unwrap();
        assert!(reason.contains("openssl:amd64"), "{reason}");
        assert!(reason.contains(&format!("\"{line}\"")), "{reason}");
        assert!(reason.contains("unknown"), "{reason}");
        assert_eq!(r["observed"]["pending_security"], 1, "{r}");
        assert_eq!(r["observed"]["malformed_status"][0]["line"], line, "{r}");
    }
    // People read it in Japanese.
    let tree = debian_with_openssl("Status: install ok");
    let out = medsec()
        .args(["--lang", "ja", "probe", "--config"])
        .arg(dir.path().join("probes.toml"))
        .arg("--root")
        .arg(tree.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("更新の途中かどうかわかりません"), "{text}");
    // The table may wrap the cell at the space inside the quoted line.
    assert!(
        text.contains("「Status:") && text.contains("install ok」"),
        "{text}"
    );
    // When the result fails anyway, the malformed line is still said, as a warning.
    let strict = DPKG.replace("= 5", "= 0");
    let tree = debian_with_openssl("Status: install ok");
    let (ev, _, _) = probe(dir.path(), &strict, Some(tree.path()), "en");
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert!(
        codes(&r["warning_details"]).contains(&"dpkg-status-malformed".to_owned()),
        "{r}"
    );
}

/// A fresh answers file for the bundled FY2025 institution form in `dir`.
fn answers_in(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("answers.toml");
    medsec()
        .args(["--checklist", "mhlw-institution@fy2025", "init", "--out"])
        .arg(&file)
        .assert()
        .success();
    file
}

/// Import `bytes` saved as `name` beside `file`: exit code, stderr and the answers file.
fn import(file: &Path, name: &str, bytes: &[u8], lang: &str) -> (Option<i32>, String, String) {
    let sheet = file.parent().unwrap().join(name);
    std::fs::write(&sheet, bytes).unwrap();
    let out = medsec()
        .args(["--lang", lang, "answer"])
        .arg(file)
        .arg("--import")
        .arg(&sheet)
        .output()
        .unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    (out.status.code(), stderr_of(&out), text)
}

/// 13-2n: dates as Excel writes date-time cells and `yyyy/m/d(aaa)` cells into CSV.
#[test]
fn csv_dates_with_a_time_or_a_weekday_are_dates() {
    for (i, date) in [
        "2025/6/3 0:00",
        "2025/06/03 0:00:00",
        "2025/6/3 13:45",
        "2025/6/3(火)",
        "2025/6/3（火）",
        "2025/6/3 (火曜日)",
    ]
    .iter()
    .enumerate()
    {
        let dir = tempfile::tempdir().unwrap();
        let file = answers_in(dir.path());
        let csv = format!("項目番号,回答,確認日\r\n1-①,はい,{date}\r\n");
        let (code, err, text) = import(&file, &format!("s{i}.csv"), csv.as_bytes(), "ja");
        assert_eq!(code, Some(0), "{date}: {err}");
        assert!(!err.contains("日付として読めません"), "{date}: {err}");
        assert!(text.contains("2025-06-03"), "{date}: {text}");
    }
}

/// 13-2n: the examples of the hint are dates of the form's fiscal year (FY2025: 令和7年).
#[test]
fn the_date_hint_gives_examples_in_the_forms_fiscal_year() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let csv = "項目番号,回答,確認日\r\n1-①,はい,6月3日ごろ\r\n";
    let (code, err, _) = import(&file, "s.csv", csv.as_bytes(), "ja");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("2025/6/3"), "{err}");
    assert!(err.contains("令和7年6月3日"), "{err}");
    assert!(!err.contains("2026/6/3"), "{err}");
}

/// 13-6n: a Get-HotFix CSV in UTF-16 without a BOM is read, as an answers CSV is.
#[test]
fn hotfix_csv_in_utf16_without_bom_is_read() {
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    let csv = format!(
        "\"Source\",\"Description\",\"HotFixID\",\"InstalledBy\",\"InstalledOn\"\r\n\
         \"PC-UKETSUKE01\",\"Security Update\",\"KB5000001\",\"NT AUTHORITY\\SYSTEM\",\"{}\"\r\n",
        today.strftime("%Y/%m/%d")
    );
    for (name, bytes) in [
        (
            "utf-16le",
            csv.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "utf-16be",
            csv.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hotfix.csv"), bytes).unwrap();
        let cfg = "[[probe]]\nkind = \"patch-level\"\nhotfix_csv = \"hotfix.csv\"\n";
        let (ev, code, err) = probe(dir.path(), cfg, None, "en");
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "pass", "{name}: {r} {err}");
        assert_eq!(code, 0);
        assert_eq!(r["observed"]["encoding"], name, "{r}");
        assert_eq!(r["observed"]["hotfixes"], 1, "{r}");
    }
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// 13-12n: keys saved by Notepad as "Unicode" (UTF-16, with or without BOM) are read; a key
/// file that is not text, or a secret key given as the public one, says what is wrong.
#[test]
fn utf16_keys_are_read_and_bad_key_files_say_why() {
    use common::bundle::*;
    use std::process::Command as Process;
    if Process::new("minisign").arg("-v").output().is_err() {
        assert!(!in_ci(), "minisign is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let bundle = root.join("bundle");
    write_bundle(&bundle, &report_value(HOSPITAL, 2025));
    let out = Process::new("minisign")
        .args(["-G", "-W", "-p"])
        .arg(root.join("m.pub"))
        .arg("-s")
        .arg(root.join("m.key"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let public = std::fs::read_to_string(root.join("m.pub")).unwrap();
    let secret = std::fs::read_to_string(root.join("m.key")).unwrap();
    let key_path = root.join("u16.key");
    let pub_path = root.join("u16.pub");
    for bom in [true, false] {
        std::fs::write(&key_path, utf16le(&secret, bom)).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&key_path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let _ = std::fs::remove_file(bundle.join("MANIFEST.sha256"));
        let _ = std::fs::remove_file(bundle.join("MANIFEST.sha256.minisig"));
        let out = medsec()
            .arg("sign")
            .arg(&bundle)
            .arg("--key")
            .arg(&key_path)
            .output()
            .unwrap();
        assert!(out.status.success(), "bom {bom}: {}", stderr_of(&out));
        std::fs::write(&pub_path, utf16le(&public, bom)).unwrap();
        let (code, json) = verify(&[&bundle], &pubkey(&pub_path));
        assert_eq!(code, 0, "bom {bom}: {json:#}");
    }
    // Not text at all; a secret key given as the public key.
    std::fs::write(&pub_path, b"\x80\x81\xfe untrusted\n\xff").unwrap();
    std::fs::write(root.join("as.pub"), &secret).unwrap();
    for (path, says) in [
        (pub_path.clone(), "文字として読めないファイルです"),
        (
            root.join("as.pub"),
            "鍵の行の長さが公開鍵のものではありません",
        ),
    ] {
        let out = medsec()
            .args(["--lang", "ja", "verify"])
            .arg(&bundle)
            .arg("--pubkey")
            .arg(&path)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "{err}");
        assert!(!err.contains("システムのエラー"), "{err}");
    }
}

/// `status` of the fresh FY2025 answers file with `from` replaced by `to`: exit code, stderr.
fn status_with(from: &str, to: &str, lang: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{from}: {text}");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
    let out = medsec()
        .args(["--lang", lang, "status", "--as-of", "2025-09-01"])
        .arg(&file)
        .output()
        .unwrap();
    (out.status.code(), stderr_of(&out))
}

/// A1r/A1c: `round = "1"` is the wrong type (the integer 1 or 2), `item = 5` one error.
#[test]
fn round_as_text_and_item_as_number_are_one_wrong_type_each() {
    let (code, err) = status_with("round = 1", "round = \"1\"", "en");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("wrong-type") && err.contains("`round`"),
        "{err}"
    );
    assert!(err.contains("the integer 1 or 2"), "{err}");
    assert!(!err.contains("invalid-round"), "{err}");
    let (_, err) = status_with("round = 1", "round = \"1\"", "ja");
    assert!(err.contains("は1か2の整数にしてください"), "{err}");
    let (code, err) = status_with("item = \"security-manager\"", "item = 5", "en");
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(err.matches("error[").count(), 1, "{err}");
    assert!(err.contains("wrong-type"), "{err}");
}

/// 13-4r: いいえ with a 目標日 before its own 確認日 is a warning (`target-before-checked-on`)
/// in import (naming the row and the 目標日 cell) and in `status`, in ja and en.
#[test]
fn target_before_checked_on_is_warned_in_import_and_status() {
    for (lang, says) in [
        (
            "ja",
            "目標日2025-05-01(令和7年5月1日)が確認日2025-06-02(令和7年6月2日)より前です",
        ),
        (
            "en",
            "the target date 2025-05-01 is before the date checked 2025-06-02",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = answers_in(dir.path());
        let csv = "項目番号,回答,確認日,目標日\r\n1-①,いいえ,2025/6/2,2025/5/1\r\n";
        let (code, err, text) = import(&file, "s.csv", csv.as_bytes(), lang);
        assert_eq!(code, Some(0), "{err}");
        assert!(text.contains("target_date = 2025-05-01"), "{text}");
        assert!(err.contains("(D2)"), "{lang}: {err}");
        assert!(err.contains(says), "{lang}: {err}");
        let out = medsec()
            .args([
                "--lang",
                lang,
                "status",
                "--as-of",
                "2025-06-03",
                "--format",
                "json",
            ])
            .arg(&file)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let found: Vec<&serde_json::Value> = json["forms"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "target-before-checked-on")
            .collect();
        assert_eq!(found.len(), 1, "{json:#}");
        assert_eq!(found[0]["severity"], "warning");
        // JSON is the same in every language (issue #10): its message is the English one.
        assert!(
            found[0]["message"]
                .as_str()
                .unwrap()
                .contains("the target date 2025-05-01 is before the date checked 2025-06-02"),
            "{json:#}"
        );
    }
    // A target on or after the date checked is no finding.
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let csv = "項目番号,回答,確認日,目標日\r\n1-①,いいえ,2025/6/2,2025/6/2\r\n";
    let (code, err, _) = import(&file, "s.csv", csv.as_bytes(), "en");
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("before the date checked"), "{err}");
}

/// 13-6r: the example dates of a date that cannot be read are the form's fiscal year's in an
/// answers file (as in a sheet) and the current fiscal year's for `--as-of` (no form).
#[test]
fn date_hints_give_the_forms_fiscal_year_and_the_current_one_for_as_of() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fy2024.toml");
    medsec()
        .args(["--checklist", "mhlw-institution@fy2024", "init", "--out"])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    // The file's own comment gives its examples in the form's fiscal year too.
    assert!(
        text.contains("2024/6/3") && text.contains("令和6年6月3日") && !text.contains("2026/6/3"),
        "{text}"
    );
    std::fs::write(
        &file,
        text.replacen("checked_on = \"\"", "checked_on = \"6月3日ごろ\"", 1),
    )
    .unwrap();
    for (lang, want, not) in [
        (
            "ja",
            "2024/6/3、2024.6.3、令和6年6月3日、R6.6.3",
            "2026/6/3",
        ),
        (
            "en",
            "2024/6/3, 2024.6.3, 令和6年6月3日, R6.6.3",
            "2026/6/3",
        ),
    ] {
        let out = medsec()
            .args(["--lang", lang, "status"])
            .arg(&file)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("invalid-date") && err.contains(want), "{err}");
        assert!(!err.contains(not), "{err}");
    }
    // `--as-of`: the fiscal year of today in Japan.
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Tokyo").unwrap())
        .date();
    let fy = if today.month() >= 4 {
        today.year()
    } else {
        today.year() - 1
    };
    for (lang, want) in [
        (
            "ja",
            format!("{fy}-06-03、{fy}/6/3、{fy}.6.3、令和{}年6月3日", fy - 2018),
        ),
        (
            "en",
            format!("{fy}-06-03, {fy}/6/3, {fy}.6.3, 令和{}年6月3日", fy - 2018),
        ),
    ] {
        let out = medsec()
            .args(["--lang", lang, "status", "--as-of", "xx"])
            .arg(&file)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("--as-of") && err.contains(&want),
            "{want}\n{err}"
        );
    }
}
