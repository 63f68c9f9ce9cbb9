//! `medsec probe` on fixture trees (tests/fixtures/probes/): every probe, the evidence contract,
//! configuration errors, timeouts, --out and --answers.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Run `medsec probe --format json` with this configuration under `root`.
fn probe(config: &str, root: &Path) -> (Value, i32, String) {
    probe_in_zone(config, root, None)
}

/// `probe`, with the machine's time zone (`TZ`) set for the run when `tz` is given.
fn probe_in_zone(config: &str, root: &Path, tz: Option<&str>) -> (Value, i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    probe_args_in_zone(
        &[
            "--config",
            cfg.to_str().unwrap(),
            "--root",
            root.to_str().unwrap(),
        ],
        tz,
    )
}

fn probe_args_in_zone(args: &[&str], tz: Option<&str>) -> (Value, i32, String) {
    let mut cmd = medsec();
    if let Some(tz) = tz {
        cmd.env("TZ", tz);
    }
    let out = cmd
        .arg("probe")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let stderr = stderr_of(&out);
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (json, code, stderr)
}

// Absolute on every platform: on Windows the built-in `/work/…` has no drive, and a
// configuration in a temporary folder on `C:` would take it on `C:` (docs/windows.md, "Paths").
fn fx(rel: &str) -> PathBuf {
    std::path::absolute(fixture(&format!("probes/{rel}"))).unwrap()
}

fn result(ev: &Value, i: usize) -> &Value {
    &ev["results"][i]
}

#[test]
fn evidence_has_the_contract_fields() {
    let (ev, code, err) = probe("[[probe]]\nkind = \"patch-level\"\n", &fx("debian"));
    assert!(code == 0 || code == 1, "{err}");
    assert_eq!(ev["format_version"], 1);
    for key in [
        "tool", "host", "started", "finished", "root", "config", "results",
    ] {
        assert!(ev.get(key).is_some(), "missing {key}");
    }
    let r = result(&ev, 0);
    for key in [
        "kind",
        "verdict",
        "reason",
        "items",
        "observed",
        "parameters",
        "time",
        "host",
        "files",
        "duration_ms",
        "unreadable",
        "warnings",
        "commands",
    ] {
        assert!(r.get(key).is_some(), "missing {key} in {r}");
    }
    // The evidence reads back into the public type.
    let typed: medsec::probes::Evidence = serde_json::from_value(ev.clone()).unwrap();
    assert_eq!(
        typed.format_version,
        medsec::probes::EVIDENCE_FORMAT_VERSION
    );
    // Every file read is hashed, and the hash is right.
    let status = fx("debian/var/lib/dpkg/status");
    let rec = typed
        .all_files()
        .find(|f| Path::new(&f.path) == status)
        .expect("dpkg status is recorded");
    assert!(rec.still_matches().unwrap());
}

/// A copy of a fixture tree whose files were all last modified `days` ago, so a probe's
/// verdict does not depend on when the checkout was made.
fn dated_copy(rel: &str, days: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fx(rel), dir.path());
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(days * 86_400);
    for e in walkdir::WalkDir::new(dir.path()) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let f = std::fs::File::options().write(true).open(e.path()).unwrap();
            f.set_modified(when).unwrap();
        }
    }
    dir
}

#[test]
fn patch_level_on_a_debian_tree() {
    // Package lists refreshed 2 days ago, whatever the checkout's age; apt's history is in
    // the machine's local time, so the zone is set: 09:00 in UTC.
    let tree = dated_copy("debian", 2);
    let (ev, code, err) = probe_in_zone(
        "[[probe]]\nkind = \"patch-level\"\nmax_days_since_update = 30\nmax_pending_security = 0\n",
        tree.path(),
        Some("UTC"),
    );
    assert_eq!(code, 1, "{err}");
    let r = result(&ev, 0);
    assert_eq!(r["verdict"], "fail");
    assert_eq!(
        r["items"],
        serde_json::json!(["security-patches", "security-patches-server"])
    );
    let o = &r["observed"];
    assert_eq!(o["installed_packages"], 5);
    assert_eq!(o["pending_upgrades"], 2, "{o}");
    assert_eq!(o["pending_security"], 1);
    assert_eq!(
        o["pending_security_packages"][0]["package"],
        "openssl:amd64"
    );
    assert_eq!(
        o["pending_security_packages"][0]["candidate"],
        "3.0.15-1~deb12u1"
    );
    // Backports are not candidates; removed packages are not installed.
    assert_eq!(o["pending_other_packages"][0]["candidate"], "5.2.15-2+b7");
    assert_eq!(o["kernel"]["running"], "6.1.0-18-amd64");
    assert_eq!(o["kernel"]["newest_installed"], "6.1.0-25-amd64");
    assert_eq!(o["kernel"]["reboot_needed"], true);
    assert_eq!(o["reboot_required"], true);
    assert_eq!(
        o["reboot_required_packages"][0],
        "linux-image-6.1.0-25-amd64"
    );
    assert_eq!(o["last_upgrade"], "2026-10-01T09:00:00Z", "{o}");
    assert_eq!(o["days_since_list_update"], 2, "{o}");
    assert!(r["reason"]
        .as_str()
        .unwrap()
        .contains("1 security update(s) pending"));
    assert_eq!(r["reason_code"], "security-updates-pending");
    assert!(r["warnings"].as_array().unwrap().len() >= 2);
    let warnings = r["warning_details"].to_string();
    for code in ["kernel-reboot-needed", "reboot-required"] {
        assert!(
            warnings.contains(&format!("\"{code}\"")),
            "{code}: {warnings}"
        );
    }

    // One pending security update allowed, and a terminal: pass, terminal items.
    let (ev, code, _) = probe(
        "role = \"terminal\"\n[[probe]]\nkind = \"patch-level\"\nmax_pending_security = 1\n",
        tree.path(),
    );
    assert_eq!(code, 0);
    assert_eq!(result(&ev, 0)["verdict"], "pass");
    assert_eq!(result(&ev, 0)["items"][1], "security-patches-terminal");
}

#[test]
fn apt_history_times_are_the_machines_local_time() {
    let tree = dated_copy("debian", 2);
    let cfg = "[[probe]]\nkind = \"patch-level\"\nmax_pending_security = 5\n";
    for (tz, utc) in [
        ("UTC", "2026-10-01T09:00:00Z"),
        ("Asia/Tokyo", "2026-10-01T00:00:00Z"),
        ("Australia/Sydney", "2026-09-30T23:00:00Z"),
        ("Pacific/Kiritimati", "2026-09-30T19:00:00Z"),
    ] {
        let (ev, _, err) = probe_in_zone(cfg, tree.path(), Some(tz));
        assert_eq!(
            result(&ev, 0)["observed"]["last_upgrade"],
            utc,
            "{tz}: {err}"
        );
    }
}

#[test]
fn package_lists_older_than_the_limit_fail_whatever_the_checkout_age() {
    let cfg =
        "[[probe]]\nkind = \"patch-level\"\nmax_days_since_update = 30\nmax_pending_security = 5\n";
    let fresh = dated_copy("debian", 29);
    let (ev, _, _) = probe(cfg, fresh.path());
    assert_eq!(result(&ev, 0)["verdict"], "pass", "{}", result(&ev, 0));
    let stale = dated_copy("debian", 31);
    let (ev, _, _) = probe(cfg, stale.path());
    assert_eq!(result(&ev, 0)["verdict"], "fail", "{}", result(&ev, 0));
}

#[test]
fn patch_level_with_stale_lists_and_without_lists() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fx("debian"), dir.path());
    let lists = dir.path().join("var/lib/apt/lists");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60 * 86_400);
    for e in std::fs::read_dir(&lists).unwrap() {
        let f = std::fs::File::options()
            .write(true)
            .open(e.unwrap().path())
            .unwrap();
        f.set_modified(old).unwrap();
    }
    let (ev, _, _) = probe(
        "[[probe]]\nkind = \"patch-level\"\nmax_pending_security = 5\n",
        dir.path(),
    );
    let r = result(&ev, 0);
    assert_eq!(r["verdict"], "fail");
    assert!(
        r["reason"]
            .as_str()
            .unwrap()
            .contains("last refreshed 60 days ago"),
        "{}",
        r["reason"]
    );
    assert_eq!(r["reason_code"], "package-lists-stale");

    std::fs::remove_dir_all(&lists).unwrap();
    let (ev, code, _) = probe("[[probe]]\nkind = \"patch-level\"\n", dir.path());
    assert_eq!(code, 0);
    assert_eq!(result(&ev, 0)["verdict"], "unknown");
    assert!(result(&ev, 0)["reason"]
        .as_str()
        .unwrap()
        .contains("no package lists"));
    assert_eq!(result(&ev, 0)["reason_code"], "no-package-lists");
}

#[test]
fn patch_level_from_a_hotfix_csv() {
    let csv = fx("windows/hotfix-en-us.csv");
    let cfg = format!(
        "[[probe]]\nkind = \"patch-level\"\nhotfix_csv = '{}'\n",
        csv.display()
    );
    let (ev, code, err) = probe(&cfg, &fx("debian"));
    assert_eq!(code, 1, "{err}");
    let r = result(&ev, 0);
    assert_eq!(r["parameters"]["source"], "hotfix-csv");
    assert_eq!(r["observed"]["hotfixes"], 3);
    assert_eq!(r["observed"]["security_updates"], 2);
    assert_eq!(r["observed"]["last_installed_on"], "2024-03-12");
    assert_eq!(r["verdict"], "fail");
    assert_eq!(r["reason_code"], "hotfix-stale", "{r}");
    assert!(
        r["warning_details"]
            .to_string()
            .contains("\"hotfix-pending-unknown\""),
        "{r}"
    );

    // The same list as PowerShell's `>` writes it (UTF-16LE with a BOM), with a generous limit.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let p = dir.path().join("hotfix.csv");
    std::fs::write(&p, utf16).unwrap();
    let cfg = format!(
        "[[probe]]\nkind = \"patch-level\"\nsource = \"hotfix-csv\"\nhotfix_csv = '{}'\nmax_days_since_update = 100000\n",
        p.display()
    );
    let (ev, code, _) = probe(&cfg, &fx("debian"));
    assert_eq!(code, 0);
    assert_eq!(result(&ev, 0)["verdict"], "pass");
    assert_eq!(result(&ev, 0)["observed"]["encoding"], "utf-16le");
    assert_eq!(result(&ev, 0)["reason_code"], "hotfix-current");
}

#[test]
fn accounts_on_a_fixture_tree() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fx("linux"), dir.path());
    // wtmp: alice logged in yesterday, carol 200 days ago; bob never.
    let now = jiff::Timestamp::now().as_second() as u32;
    let mut wtmp = wtmp_record("alice", "192.168.10.101", now - 86_400);
    wtmp.extend(wtmp_record("carol", "pc-uketsuke01", now - 200 * 86_400));
    std::fs::create_dir_all(dir.path().join("var/log")).unwrap();
    std::fs::write(dir.path().join("var/log/wtmp"), wtmp).unwrap();
    let cfg = format!(
        "[[probe]]\nkind = \"accounts\"\nmax_unused_days = 90\nleavers_file = '{}'\nleavers = [\"dave\"]\n",
        fx("linux/leavers.txt").display()
    );
    let (ev, code, err) = probe(&cfg, dir.path());
    assert_eq!(code, 1, "{err}");
    let r = result(&ev, 0);
    assert_eq!(r["verdict"], "fail");
    assert_eq!(r["items"][0], "unused-accounts-server");
    let o = &r["observed"];
    let flagged: Vec<&str> = o["flagged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(flagged.len(), 2, "{flagged:?}");
    assert!(
        flagged[0].starts_with("bob (listed as having left"),
        "{flagged:?}"
    );
    assert!(flagged[0].contains("never logged in"));
    assert!(
        flagged[1].starts_with("carol (last login 200 days ago"),
        "{flagged:?}"
    );
    assert_eq!(r["reason_code"], "accounts-to-review", "{r}");
    let text = r.to_string();
    for code in ["leaver", "never-logged-in", "unused-for"] {
        assert!(text.contains(&format!("\"{code}\"")), "{code}: {r}");
    }
    // alice: password locked but an SSH key: can log in, used yesterday. root: locked, no key.
    let names: Vec<&str> = o["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["alice", "bob", "carol"]);
    assert_eq!(o["accounts"][0]["authorized_keys"], true);
    assert_eq!(o["leavers_without_account"][0], "dave");

    let (ev, code, _) = probe(
        "[[probe]]\nkind = \"accounts\"\nmax_unused_days = 365\nignore = [\"bob\"]\n",
        dir.path(),
    );
    assert_eq!(code, 0);
    assert_eq!(result(&ev, 0)["verdict"], "pass", "{}", result(&ev, 0));
}

#[test]
fn services_against_an_allowlist() {
    let root = fx("linux");
    let (ev, code, _) = probe("[[probe]]\nkind = \"services\"\n", &root);
    assert_eq!(code, 0);
    let r = result(&ev, 0);
    assert_eq!(r["verdict"], "unknown", "no allowlist: listed, not judged");
    assert_eq!(r["reason_code"], "no-allowlist", "{r}");
    let o = &r["observed"];
    assert_eq!(
        o["enabled_services"],
        serde_json::json!(["cron", "cups", "cups.socket", "ssh"])
    );
    assert_eq!(o["running_services"], serde_json::json!(["cron", "ssh"]));
    assert_eq!(
        o["open_ports"],
        serde_json::json!(["22/tcp", "68/udp", "3306/tcp"])
    );

    let (ev, code, _) = probe(
        "[[probe]]\nkind = \"services\"\nallowed_services = [\"ssh\", \"cron.service\"]\nallowed_ports = [\"22/tcp\", \"68/udp\"]\n",
        &root,
    );
    assert_eq!(code, 1);
    let r = result(&ev, 0);
    assert_eq!(r["verdict"], "fail");
    let details: Vec<&str> = r["reason_details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        details,
        ["services-not-allowed", "ports-not-allowed"],
        "{r}"
    );
    assert_eq!(
        r["observed"]["services_not_allowed"],
        serde_json::json!(["cups", "cups.socket"])
    );
    assert_eq!(
        r["observed"]["ports_not_allowed"],
        serde_json::json!(["3306/tcp on 0.0.0.0"])
    );

    let (ev, code, _) = probe(
        "role = \"terminal\"\n[[probe]]\nkind = \"services\"\nallowed_services = [\"ssh\", \"cron\", \"cups\", \"cups.socket\"]\nallowed_ports = [\"22/tcp\", \"3306/tcp\", \"68/udp\"]\n",
        &root,
    );
    assert_eq!(code, 0);
    assert_eq!(result(&ev, 0)["verdict"], "pass");
    assert_eq!(result(&ev, 0)["items"][0], "unneeded-software-terminal");
}

#[test]
fn asset_ledger_csv_and_xlsx() {
    let ledger = fx("ledger/ledger.csv");
    let cfg = format!(
        "[[probe]]\nkind = \"asset-ledger\"\npath = '{}'\nhostname = \"SV-KARTE01.clinic.local\"\n",
        ledger.display()
    );
    let (ev, code, err) = probe(&cfg, Path::new("/"));
    assert_eq!(code, 0, "{err}\n{ev}");
    let r = result(&ev, 0);
    assert_eq!(r["verdict"], "pass", "{r}");
    assert_eq!(r["items"][0], "asset-ledger");
    assert!(
        r["warning_details"]
            .to_string()
            .contains("\"ledger-unclassified-rows\""),
        "{r}"
    );
    assert_eq!(r["observed"]["devices"], 4);
    assert_eq!(r["observed"]["header_row"], 2);
    assert_eq!(r["observed"]["host_row"], 3);
    assert_eq!(r["observed"]["rows_not_classified"], 1);

    // Missing and invalid fields, and the host not listed.
    let cfg = format!(
        "[[probe]]\nkind = \"asset-ledger\"\npath = '{}'\nhostname = \"nas01\"\n",
        fx("ledger/ledger-incomplete.csv").display()
    );
    let (ev, code, _) = probe(&cfg, Path::new("/"));
    assert_eq!(code, 1);
    let r = result(&ev, 0);
    assert_eq!(r["verdict"], "fail");
    let reason = r["reason"].as_str().unwrap();
    assert!(
        reason.contains("row 3 (pc-uketsuke01): `location` is empty"),
        "{reason}"
    );
    assert!(
        reason.contains("`たぶん` is not a yes/no answer"),
        "{reason}"
    );
    assert!(
        reason.contains("this machine (nas01) is not in the ledger"),
        "{reason}"
    );

    // The same ledger as Shift_JIS (Excel's CSV) and as XLSX.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(&ledger).unwrap();
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let sjis_path = dir.path().join("台帳.csv");
    std::fs::write(&sjis_path, &sjis).unwrap();
    let xlsx_path = dir.path().join("台帳.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("機器台帳").unwrap();
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            ws.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    wb.save(&xlsx_path).unwrap();
    for (path, sheet) in [(&sjis_path, ""), (&xlsx_path, "sheet = \"機器台帳\"\n")] {
        let cfg = format!(
            "[[probe]]\nkind = \"asset-ledger\"\npath = '{}'\nhostname = \"pc-uketsuke01\"\n{sheet}",
            path.display()
        );
        let (ev, code, err) = probe(&cfg, Path::new("/"));
        assert_eq!(code, 0, "{}: {err} {ev}", path.display());
        assert_eq!(result(&ev, 0)["observed"]["host_row"], 5);
    }
}

#[test]
fn config_errors_name_the_place_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    std::fs::write(
        &cfg,
        "[[probe]]\nkind = \"backup-freshness\"\npath = \"/srv\"\nmax_age = \"2 days\"\n",
    )
    .unwrap();
    let out = medsec()
        .args(["probe", "--config", cfg.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!(
            "{}:4:11: `2 days` is not a duration",
            cfg.display()
        )),
        "{err}"
    );
    std::fs::write(&cfg, "[[probe]]\nkind = \"accounts\"\npath = \"/srv\"\n").unwrap();
    let out = medsec()
        .args(["probe", "--config", cfg.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains(":3:8: `path` is not a setting of `accounts` probes"),
        "{}",
        stderr_of(&out)
    );
    let out = medsec()
        .args(["probe", "--config", "/nonexistent/probes.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("cannot read probe configuration `/nonexistent/probes.toml`"));
}

// Unix only: a `#!/bin/sh` script stands in for restic, found through a `:`-separated PATH.
#[cfg(unix)]
#[test]
fn a_probe_past_its_timeout_is_stopped_and_says_so() {
    // A `restic` that hangs: the probe must stop it at its timeout.
    let bin = tempfile::tempdir().unwrap();
    let fake = bin.path().join("restic");
    std::fs::write(&fake, "#!/bin/sh\nsleep 30\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let repo = tempfile::tempdir().unwrap();
    let cfg_dir = tempfile::tempdir().unwrap();
    let cfg = cfg_dir.path().join("p.toml");
    std::fs::write(
        &cfg,
        format!("[[probe]]\nkind = \"backup-freshness\"\nformat = \"restic\"\npath = '{}'\ntimeout = \"1s\"\n", repo.path().display()),
    )
    .unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let t = std::time::Instant::now();
    let out = medsec()
        .env("PATH", path)
        .args([
            "probe",
            "--format",
            "json",
            "--config",
            cfg.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(t.elapsed() < std::time::Duration::from_secs(15));
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let ev: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = result(&ev, 0);
    assert_eq!(r["verdict"], "unknown");
    assert!(
        r["reason"]
            .as_str()
            .unwrap()
            .starts_with("timed out after 1s"),
        "{r}"
    );
    assert_eq!(r["reason_code"], "timed-out");
}

#[test]
fn a_missing_tool_is_said_plainly() {
    let repo = tempfile::tempdir().unwrap();
    let cfg = format!(
        "[[probe]]\nkind = \"backup-freshness\"\nformat = \"borg\"\npath = '{}'\n",
        repo.path().display()
    );
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    std::fs::write(&p, cfg).unwrap();
    let out = medsec()
        .env("PATH", "/nonexistent")
        .args(["probe", "--format", "json", "--config", p.to_str().unwrap()])
        .output()
        .unwrap();
    let ev: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = result(&ev, 0);
    assert_eq!(r["verdict"], "unknown");
    assert!(
        r["reason"]
            .as_str()
            .unwrap()
            .contains("`borg` is not installed"),
        "{r}"
    );
    assert_eq!(r["unreadable"][0]["problem"], "missing-tool");
}

#[test]
fn out_file_and_answer_contradictions() {
    let backup = tempfile::tempdir().unwrap();
    let f = backup.path().join("karte-2026-10-01.dump");
    std::fs::write(&f, vec![1u8; 4096]).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(41 * 86_400);
    std::fs::File::options()
        .write(true)
        .open(&f)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    // A file just written has a ctime of now, so judge by mtime alone.
    std::fs::write(
        &cfg,
        format!(
            "[[probe]]\nkind = \"backup-freshness\"\nname = \"nightly dump\"\npath = '{}'\nmax_age = \"7d\"\ntime_basis = \"mtime\"\n",
            backup.path().display()
        ),
    )
    .unwrap();
    let answers = dir.path().join("answers.toml");
    std::fs::write(
        &answers,
        "format_version = 1\n\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2025\"\n\n[[answers]]\nitem = \"backup-and-restore\"\nanswer = \"はい\"\nchecked_on = 2025-06-01\n",
    )
    .unwrap();
    let out_path = dir.path().join("evidence.json");
    let out = medsec()
        .args(["probe", "--lang", "en", "--config", cfg.to_str().unwrap()])
        .args([
            "--answers",
            answers.to_str().unwrap(),
            "--out",
            out_path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let table = stdout_of(&out);
    assert!(
        table.contains(
            "contradicts an answer: answered Yes to 3-② The information needed to…, \
             but the backup freshness probe (nightly dump) failed: the newest file is 41 days old"
        ),
        "{table}"
    );
    let ev: medsec::probes::Evidence =
        serde_json::from_slice(&std::fs::read(&out_path).unwrap()).unwrap();
    assert_eq!(ev.contradictions.len(), 1);
    assert_eq!(ev.contradictions[0].code, "answer-contradicted-by-probe");
    assert_eq!(ev.results[0].name.as_deref(), Some("nightly dump"));
    assert!(ev.answers.is_some() && ev.config.is_some());
    assert_eq!(
        ev.results[0].reason,
        "the newest file is 41 days old, older than `max_age = 7d`"
    );
    assert_eq!(
        ev.contradictions[0].message,
        "answered Yes to backup-and-restore, but the backup-freshness probe (nightly dump) \
         failed: the newest file is 41 days old, older than `max_age = 7d`"
    );
    // No temporary files left next to the output.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 3, "{left:?}");
}

#[test]
fn the_table_is_japanese_with_lang_ja() {
    let out = medsec()
        .args(["probe", "--lang", "ja", "--root"])
        .arg(fx("linux"))
        .output()
        .unwrap();
    let s = stdout_of(&out);
    assert!(s.contains("プローブ") && s.contains("判定"), "{s}");
    assert!(s.contains("サービス・ポート"), "{s}");
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

#[test]
fn the_example_configuration_runs() {
    let out = medsec()
        .args([
            "probe",
            "--format",
            "json",
            "--config",
            "examples/probes.toml",
        ])
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(code == 0 || code == 1, "{}", stderr_of(&out));
    let ev: medsec::probes::Evidence = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = ev.results.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "patch-level",
            "backup-freshness",
            "accounts",
            "services",
            "asset-ledger"
        ]
    );
    // The ledger path is relative to the configuration file.
    assert!(
        Path::new(&ev.results[4].files[0].path).ends_with("examples/ledger.csv"),
        "{:?}",
        ev.results[4]
    );
}

#[test]
fn an_unusable_answers_file_stops_before_probing() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.toml");
    std::fs::write(&answers, "[[answers]]\nitem = \"x\"\nanswer = \"maybe\"\n").unwrap();
    let out = medsec()
        .args(["probe", "--answers", answers.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("answers.toml:1:1"),
        "{}",
        stderr_of(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn help_and_table_snapshots() {
    let out = medsec().args(["probe", "--help"]).output().unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!("probe-help", stdout_of(&out));
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("p.toml");
    std::fs::write(
        &cfg,
        "[[probe]]\nkind = \"services\"\nallowed_services = [\"ssh\", \"cron\"]\nallowed_ports = [\"22/tcp\"]\n",
    )
    .unwrap();
    for lang in ["en", "ja"] {
        let out = medsec()
            .args(["probe", "--lang", lang, "--root"])
            .arg(fx("linux"))
            .arg("--config")
            .arg(&cfg)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let host = gethostname::gethostname().to_string_lossy().into_owned();
        let text = stdout_of(&out).replace(&host, "[host]");
        insta::assert_snapshot!(format!("probe-services-table-{lang}"), text);
    }
}

/// Reasons, warnings and "could not read" notes in the chosen language, on fixture trees
/// (nothing here depends on the clock): the table in Japanese and in English, and the evidence
/// JSON the same whatever `--lang` is.
// Unix only: its snapshot has the Linux answer for a Windows patch source (on Windows medsec
// asks PowerShell) and `/` in the fixture path.
#[cfg(unix)]
#[test]
fn reasons_and_notes_follow_lang_and_the_json_does_not() {
    // Run from the fixtures folder with relative paths, so wrapped lines do not depend on
    // where the repository is checked out.
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("p.toml");
    std::fs::write(
        &cfg,
        format!(
            "[[probe]]\nkind = \"accounts\"\nleavers_file = '{}'\n\n\
             [[probe]]\nkind = \"asset-ledger\"\npath = '{}'\nhostname = \"nas01\"\n\n\
             [[probe]]\nkind = \"backup-freshness\"\nname = \"nas\"\npath = \"/srv/no-such-backup\"\nmax_age = \"36h\"\n\n\
             [[probe]]\nkind = \"backup-freshness\"\nname = \"restic\"\nformat = \"restic\"\npath = \"/srv/restic\"\nmax_age = \"36h\"\n\n\
             [[probe]]\nkind = \"patch-level\"\nsource = \"windows\"\n",
            fx("linux/leavers.txt").display(),
            fx("ledger/ledger-incomplete.csv").display()
        ),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = medsec()
            .env("PATH", "/nonexistent")
            .current_dir(fx(""))
            .arg("probe")
            .args(args)
            .args(["--root", "linux"])
            .arg("--config")
            .arg(&cfg)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        let host = gethostname::gethostname().to_string_lossy().into_owned();
        stdout_of(&out).replace(&host, "[host]")
    };
    let ja = run(&["--lang", "ja"]);
    assert!(
        ja.contains("バックアップの鮮度「restic」の確認で`restic`を読めませんでした"),
        "{ja}"
    );
    assert!(ja.contains("がインストールされていないか"), "{ja}");
    insta::assert_snapshot!("probe-fixtures-table-ja", ja);
    insta::assert_snapshot!("probe-fixtures-table-en", run(&["--lang", "en"]));

    let json = |lang: &str| {
        let mut v: Value =
            serde_json::from_str(&run(&["--lang", lang, "--format", "json"])).unwrap();
        for r in v["results"].as_array_mut().unwrap() {
            for k in ["time", "duration_ms"] {
                r[k] = Value::Null;
            }
        }
        for k in ["started", "finished"] {
            v[k] = Value::Null;
        }
        v
    };
    let (ja, en) = (json("ja"), json("en"));
    assert_eq!(ja, en, "the evidence must not depend on --lang");
    let r = result(&en, 1);
    assert_eq!(r["reason_code"], "ledger-row-problems");
    assert_eq!(r["reason_details"][1]["code"], "host-not-in-ledger");
    assert_eq!(r["reason_details"][1]["params"]["host"], "nas01");
    assert_eq!(
        r["reason_details"][0]["params"]["rows"][0]["problem"]["code"],
        "empty-field"
    );
    let restic = result(&en, 3);
    assert_eq!(restic["reason_code"], "tool-missing");
    assert_eq!(restic["unreadable"][0]["detail"]["code"], "tool-missing");
    assert_eq!(
        restic["unreadable"][0]["detail"]["params"]["tool"],
        "restic"
    );
}
