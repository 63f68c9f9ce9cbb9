//! Probe inputs as the field produces them (issue 13): empty and shared restic repositories,
//! borg checkpoints, relative paths and bare port numbers in the configuration, filled-in
//! defaults in the evidence, dpkg states, Get-HotFix date orders and Debian 13's wtmpdb.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;
#[cfg(unix)]
use std::path::PathBuf;

/// `medsec probe --format json --config DIR/probes.toml [--root ROOT]`, with `bin` first on PATH.
fn run(dir: &Path, config: &str, bin: Option<&Path>, root: Option<&Path>) -> (Value, i32, String) {
    let cfg = dir.join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    let mut cmd = medsec();
    if let Some(bin) = bin {
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        cmd.env("PATH", path);
    }
    // Relative paths must resolve against the configuration's folder, not the current one.
    cmd.current_dir(std::env::temp_dir());
    cmd.args(["probe", "--format", "json", "--config"])
        .arg(&cfg);
    if let Some(root) = root {
        cmd.arg("--root").arg(root);
    }
    let out = cmd.output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (json, out.status.code().unwrap(), stderr_of(&out))
}

/// A folder holding a fake `name` that prints `output`, for PATH.
#[cfg(unix)]
fn fake_tool(dir: &Path, name: &str, output: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let data = dir.join(format!("{name}.out"));
    std::fs::write(&data, output).unwrap();
    let path = bin.join(name);
    std::fs::write(&path, format!("#!/bin/sh\ncat '{}'\n", data.display())).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

/// RFC 3339 time `hours` ago.
#[cfg(unix)]
fn hours_ago(hours: i64) -> String {
    (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(hours)).to_string()
}

fn codes(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|w| w["code"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn restic_config(extra: &str) -> String {
    format!("[[probe]]\nkind = \"backup-freshness\"\nformat = \"restic\"\npath = \"repo\"\n{extra}")
}

#[cfg(unix)]
#[test]
fn an_empty_restic_repository_fails_whatever_the_version_prints() {
    // restic before 0.11 prints `null`, later ones `[]`.
    for printed in ["null", "null\n", "[]", "[]\n", " [ ] "] {
        let dir = tempfile::tempdir().unwrap();
        let bin = fake_tool(dir.path(), "restic", printed);
        let (ev, code, err) = run(dir.path(), &restic_config(""), Some(&bin), None);
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "fail", "{printed:?}: {r} {err}");
        assert_eq!(r["reason_code"], "too-few-snapshots", "{printed:?}: {r}");
        assert_eq!(r["observed"]["snapshots"], 0);
        assert_eq!(code, 1, "{printed:?}: a failed check exits 1");
    }
}

/// A snapshot whose time cannot be read is counted and said (`snapshots-unreadable`), never
/// silently dropped; with every time unreadable the verdict is unknown
/// (`all-snapshots-unreadable`), not "0 snapshots".
#[cfg(unix)]
#[test]
fn unreadable_restic_snapshot_times_are_said_and_never_judged_from() {
    let dir = tempfile::tempdir().unwrap();
    let one_bad = serde_json::json!([
        {"time": hours_ago(2), "short_id": "aaaa1111"},
        {"time": "2026-13-45 25:61", "short_id": "bbbb2222"},
    ]);
    let bin = fake_tool(dir.path(), "restic", &one_bad.to_string());
    let (ev, _, err) = run(
        dir.path(),
        &restic_config("any_host = true\n"),
        Some(&bin),
        None,
    );
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "pass", "{r} {err}");
    assert_eq!(r["observed"]["snapshots"], 1, "{r}");
    assert_eq!(r["observed"]["unreadable_snapshots"], 1, "{r}");
    assert!(
        codes(&r["warning_details"]).contains(&"snapshots-unreadable".to_owned()),
        "{r}"
    );

    let all_bad = serde_json::json!([
        {"time": "yesterday", "short_id": "aaaa1111"},
        {"short_id": "bbbb2222"},
    ]);
    let bin = fake_tool(dir.path(), "restic", &all_bad.to_string());
    let (ev, _, err) = run(
        dir.path(),
        &restic_config("any_host = true\n"),
        Some(&bin),
        None,
    );
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "unknown", "{r} {err}");
    assert_eq!(r["reason_code"], "all-snapshots-unreadable", "{r}");
    assert_eq!(r["observed"]["unreadable_snapshots"], 2, "{r}");
    // Said in Japanese too, naming the count, never "0 snapshots".
    let cfg = dir.path().join("probes.toml");
    let out = medsec()
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("COLUMNS", "400")
        .args(["--lang", "ja", "probe", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.contains("どれも日時を読み取れない"), "{text}");
    assert!(!text.contains("スナップショットが0個"), "{text}");
}

/// A repository shared by the server and a reception PC: the server's snapshot of /srv/karte
/// is 40 days old, the reception PC's of its Documents 13 hours.
#[cfg(unix)]
fn shared_repository(dir: &Path) -> PathBuf {
    let karte = dir.join("karte");
    std::fs::create_dir_all(&karte).unwrap();
    let snapshots = serde_json::json!([
        {"time": hours_ago(40 * 24), "id": "aaaa1111aaaa", "short_id": "aaaa1111",
         "hostname": "sv-karte01", "paths": [karte.display().to_string()]},
        {"time": hours_ago(13), "id": "bbbb2222bbbb", "short_id": "bbbb2222",
         "hostname": "uketsuke-pc", "paths": ["/home/uketsuke/Documents"]},
    ]);
    fake_tool(dir, "restic", &snapshots.to_string())
}

#[cfg(unix)]
#[test]
fn a_shared_restic_repository_is_judged_by_this_hosts_snapshots_of_the_protected_paths() {
    let dir = tempfile::tempdir().unwrap();
    let bin = shared_repository(dir.path());
    // `protects` is relative: it is the configuration folder's `karte`.
    for extra in [
        "host = \"sv-karte01\"\nprotects = [\"karte\"]\n",
        "any_host = true\nprotects = [\"karte\"]\n",
        "host = \"SV-KARTE01.clinic.lan\"\nprotects = [\"karte\"]\n",
    ] {
        let (ev, code, err) = run(dir.path(), &restic_config(extra), Some(&bin), None);
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "fail", "{extra}: {r} {err}");
        assert_eq!(r["reason_code"], "snapshot-too-old", "{extra}: {r}");
        assert_eq!(code, 1);
        let judged = &r["observed"]["judged_snapshot"];
        assert_eq!(judged["id"], "aaaa1111", "{r}");
        assert_eq!(judged["hostname"], "sv-karte01");
        assert_eq!(
            judged["paths"][0],
            dir.path().join("karte").display().to_string()
        );
        assert!(judged["time"].is_string());
        assert!(
            codes(&r["warning_details"]).contains(&"snapshots-not-counted".to_owned()),
            "{r}"
        );
        assert!(!codes(&r["warning_details"]).contains(&"protects-missing".to_owned()));
        // Only what applies is said: with any_host, no empty host and no count of 0 (13-8a).
        let said = r.to_string();
        assert!(said.contains("snapshots not counted"), "{r}");
        assert!(
            !said.contains("than ,") && !said.contains(" 0 of"),
            "{extra}: {r}"
        );
    }
    // Without `protects`, the reception PC's snapshot is still not the server's.
    let (ev, _, _) = run(
        dir.path(),
        &restic_config("host = \"sv-karte01\"\n"),
        Some(&bin),
        None,
    );
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert_eq!(r["observed"]["snapshots_of_other_hosts"], 1);
    // The reception PC itself passes on its own snapshot.
    let (ev, _, _) = run(
        dir.path(),
        &restic_config("host = \"uketsuke-pc\"\n"),
        Some(&bin),
        None,
    );
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "pass", "{r}");
    assert_eq!(r["observed"]["judged_snapshot"]["id"], "bbbb2222");
    assert_eq!(r["parameters"]["host"], "uketsuke-pc");
    // By default only this machine's snapshots count: none here.
    let (ev, _, _) = run(dir.path(), &restic_config(""), Some(&bin), None);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert_eq!(r["reason_code"], "too-few-snapshots", "{r}");
    let me = gethostname::gethostname().to_string_lossy().into_owned();
    assert_eq!(r["parameters"]["host"], me.as_str());
    assert_eq!(r["parameters"]["any_host"], false);
    assert_eq!(r["observed"]["snapshots_of_other_hosts"], 2);
}

#[cfg(unix)]
#[test]
fn this_hosts_fresh_snapshot_passes_and_every_protected_path_needs_one() {
    let dir = tempfile::tempdir().unwrap();
    let me = gethostname::gethostname().to_string_lossy().into_owned();
    for sub in ["karte", "images"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    let snapshots = serde_json::json!([
        {"time": hours_ago(2), "short_id": "cccc3333", "hostname": me,
         "paths": [dir.path().display().to_string() + "/karte"]},
    ]);
    let bin = fake_tool(dir.path(), "restic", &snapshots.to_string());
    let (ev, code, err) = run(
        dir.path(),
        &restic_config("protects = [\"karte\"]\n"),
        Some(&bin),
        None,
    );
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "pass", "{r} {err}");
    assert_eq!(code, 0);
    assert_eq!(r["observed"]["judged_snapshot"]["id"], "cccc3333");
    // A second protected path that no snapshot holds fails.
    let (ev, _, _) = run(
        dir.path(),
        &restic_config("protects = [\"karte\", \"images\"]\n"),
        Some(&bin),
        None,
    );
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert_eq!(r["reason_code"], "no-snapshot-of-path", "{r}");
    // A protected path that does not exist is said, with its code.
    let (ev, _, _) = run(
        dir.path(),
        &restic_config("protects = [\"karte\", \"gone\"]\n"),
        Some(&bin),
        None,
    );
    let r = &ev["results"][0];
    assert!(
        codes(&r["warning_details"]).contains(&"protects-missing".to_owned()),
        "{r}"
    );
    assert!(r["parameters"]["protects"][1]
        .as_str()
        .unwrap()
        .ends_with("/gone"));
}

#[cfg(unix)]
#[test]
fn borg_checkpoints_never_count_as_backups() {
    let dir = tempfile::tempdir().unwrap();
    let t = hours_ago;
    let listing = serde_json::json!({"archives": [
        {"archive": "sv-2026-10-20", "name": "sv-2026-10-20", "start": t(40 * 24), "time": t(40 * 24)},
        {"archive": "sv-2026-11-29.checkpoint", "name": "sv-2026-11-29.checkpoint", "start": t(2), "time": t(2)},
        {"archive": "sv-2026-11-28.checkpoint.1", "name": "sv-2026-11-28.checkpoint.1", "start": t(26), "time": t(26)},
    ]});
    let bin = fake_tool(dir.path(), "borg", &listing.to_string());
    let cfg = "[[probe]]\nkind = \"backup-freshness\"\nformat = \"borg\"\npath = \"repo\"\nany_host = true\n";
    let (ev, _, err) = run(dir.path(), cfg, Some(&bin), None);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r} {err}");
    assert_eq!(r["reason_code"], "snapshot-too-old", "{r}");
    assert_eq!(r["observed"]["checkpoints"], 2);
    assert_eq!(r["observed"]["snapshots"], 1);
    assert_eq!(r["observed"]["judged_snapshot"]["id"], "sv-2026-10-20");
    assert!(codes(&r["warning_details"]).contains(&"checkpoints-ignored".to_owned()));
    // Only checkpoints: no backup at all.
    let only = serde_json::json!({"archives": [
        {"name": "sv.checkpoint", "time": t(1)},
    ]});
    let bin = fake_tool(dir.path(), "borg", &only.to_string());
    let (ev, _, _) = run(dir.path(), cfg, Some(&bin), None);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert_eq!(r["reason_code"], "too-few-snapshots", "{r}");
}

#[test]
fn a_relative_backup_path_is_the_configuration_folders() {
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("backup");
    std::fs::create_dir_all(&backup).unwrap();
    std::fs::write(backup.join("karte.dump"), "x").unwrap();
    let cfg = "[[probe]]\nkind = \"backup-freshness\"\npath = \"backup\"\nthreads = 1\n";
    let (ev, code, err) = run(dir.path(), cfg, None, None);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "pass", "{r} {err}");
    assert_eq!(code, 0);
    assert_eq!(r["parameters"]["path"], backup.display().to_string());
    assert_eq!(r["parameters"]["threads"], 1);
    // Defaults are filled in.
    let cfg = "[[probe]]\nkind = \"backup-freshness\"\npath = \"backup\"\n";
    let (ev, _, _) = run(dir.path(), cfg, None, None);
    let p = &ev["results"][0]["parameters"];
    assert!(p["threads"].as_u64().unwrap() >= 1, "{p}");
    assert!(p["host"].is_string(), "{p}");
    // A remote repository is not a path.
    let cfg = "[[probe]]\nkind = \"backup-freshness\"\nformat = \"restic\"\npath = \"sftp:backup@nas:/restic\"\n";
    let (ev, _, _) = run(dir.path(), cfg, Some(Path::new("/nonexistent")), None);
    assert_eq!(
        ev["results"][0]["parameters"]["path"],
        "sftp:backup@nas:/restic"
    );
}

#[test]
fn host_and_any_host_together_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = restic_config("host = \"a\"\nany_host = true\n");
    let (_, code, err) = run(dir.path(), &cfg, None, None);
    assert_eq!(code, 2);
    assert!(err.contains("`any_host = true`"), "{err}");
}

#[test]
fn bare_port_numbers_are_tcp() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = "[[probe]]\nkind = \"services\"\nallowed_ports = [22, \"123/udp\", 3306]\n";
    let (ev, code, err) = run(dir.path(), cfg, None, Some(&fixture("probes/linux")));
    assert_ne!(code, 2, "{err}");
    let r = &ev["results"][0];
    assert_eq!(
        r["parameters"]["allowed_ports"],
        serde_json::json!(["22/tcp", "123/udp", "3306/tcp"]),
        "{r}"
    );
    for bad in ["[70000]", "[-1]", "[22.5]"] {
        let cfg = format!("[[probe]]\nkind = \"services\"\nallowed_ports = {bad}\n");
        let (_, code, err) = run(dir.path(), &cfg, None, None);
        assert_eq!(code, 2, "{bad}: {err}");
    }
}

#[test]
fn the_ledger_hostname_default_is_in_the_parameters() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("l.csv"), "name\nx\n").unwrap();
    let cfg = "[[probe]]\nkind = \"asset-ledger\"\npath = \"l.csv\"\n";
    let (ev, _, err) = run(dir.path(), cfg, None, None);
    let me = gethostname::gethostname().to_string_lossy().into_owned();
    assert_eq!(
        ev["results"][0]["parameters"]["hostname"],
        me.as_str(),
        "{err}"
    );
}

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

/// The Debian fixture tree, freshly dated, with openssl (which has a security update pending)
/// in dpkg state `status`.
fn debian_with_openssl(status: &str) -> tempfile::TempDir {
    let tree = tempfile::tempdir().unwrap();
    copy_tree(&fixture("probes/debian"), tree.path());
    let path = tree.path().join("var/lib/dpkg/status");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen(
        "Package: openssl\nStatus: install ok installed\n",
        &format!("Package: openssl\nStatus: {status}\n"),
        1,
    );
    assert_ne!(changed == text, status != "install ok installed");
    std::fs::write(&path, changed).unwrap();
    tree
}

fn reason_codes(r: &Value) -> Vec<String> {
    codes(&r["reason_details"])
}

#[test]
fn every_dpkg_state_is_handled() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = "[[probe]]\nkind = \"patch-level\"\nsource = \"dpkg\"\nmax_pending_security = 0\n";
    let lenient =
        "[[probe]]\nkind = \"patch-level\"\nsource = \"dpkg\"\nmax_pending_security = 5\n";
    // Left mid-way by dpkg: a finding in itself, and its pending security update counts.
    for status in [
        "install ok half-configured",
        "install ok half-installed",
        "install ok unpacked",
        "install ok triggers-awaited",
        "install ok triggers-pending",
        "install reinstreq half-installed",
        "hold ok half-configured",
    ] {
        let tree = debian_with_openssl(status);
        let (ev, code, err) = run(dir.path(), cfg, None, Some(tree.path()));
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "fail", "{status}: {r} {err}");
        assert_eq!(code, 1);
        let reasons = reason_codes(r);
        assert!(
            reasons.contains(&"dpkg-unfinished".to_owned()),
            "{status}: {r}"
        );
        assert!(
            reasons.contains(&"security-updates-pending".to_owned()),
            "{status}: {r}"
        );
        let o = &r["observed"];
        assert_eq!(o["pending_security"], 1, "{status}: {o}");
        assert_eq!(
            o["pending_security_packages"][0]["package"],
            "openssl:amd64"
        );
        let state = status.split(' ').nth(2).unwrap();
        assert_eq!(o["unfinished_packages"][0]["state"], state, "{o}");
        assert_eq!(o["unfinished_packages"][0]["package"], "openssl:amd64");
        assert_eq!(
            o["unfinished_packages"][0]["reinstall_required"],
            status.contains("reinstreq")
        );
        // Even with updates allowed, the unfinished run fails on its own.
        let (ev, _, _) = run(dir.path(), lenient, None, Some(tree.path()));
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "fail", "{status}: {r}");
        assert_eq!(r["reason_code"], "dpkg-unfinished", "{status}: {r}");
        assert!(
            r["reason"].as_str().unwrap().contains("openssl:amd64"),
            "{r}"
        );
    }
    // Not on disk: neither counted nor a finding.
    for status in [
        "deinstall ok config-files",
        "purge ok not-installed",
        "install ok not-installed",
    ] {
        let tree = debian_with_openssl(status);
        let (ev, code, err) = run(dir.path(), cfg, None, Some(tree.path()));
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "pass", "{status}: {r} {err}");
        assert_eq!(code, 0);
        assert_eq!(r["observed"]["pending_security"], 0);
        assert_eq!(r["observed"]["unfinished_packages"], serde_json::json!([]));
    }
    // Installed: counted, no finding about dpkg.
    let tree = debian_with_openssl("install ok installed");
    let (ev, _, _) = run(dir.path(), cfg, None, Some(tree.path()));
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert_eq!(reason_codes(r), vec!["security-updates-pending".to_owned()]);
}

fn hotfix_probe(dir: &Path, rows: &[&str], extra: &str) -> Value {
    let mut csv = String::from("#TYPE Selected.System.Management.ManagementObject\r\n\"Source\",\"Description\",\"HotFixID\",\"InstalledBy\",\"InstalledOn\"\r\n");
    for (i, on) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "\"PC-UKETSUKE01\",\"Security Update\",\"KB50{i:05}\",\"NT AUTHORITY\\SYSTEM\",\"{on}\"\r\n"
        ));
    }
    std::fs::write(dir.join("hotfix.csv"), csv).unwrap();
    let cfg = format!(
        "[[probe]]\nkind = \"patch-level\"\nhotfix_csv = \"hotfix.csv\"\nmax_days_since_update = 100000\n{extra}"
    );
    let (ev, code, err) = run(dir, &cfg, None, None);
    assert!(code == 0 || code == 1, "{err}");
    ev["results"][0].clone()
}

#[test]
fn hotfix_dates_are_read_in_one_order_for_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    // 13/11 proves day-first: 05/10 is 5 October, not 10 May.
    let r = hotfix_probe(
        dir.path(),
        &["05/10/2026 00:00:00", "13/11/2026 00:00:00"],
        "",
    );
    assert_eq!(r["verdict"], "pass", "{r}");
    assert_eq!(r["observed"]["date_order"], "dmy");
    assert_eq!(r["observed"]["date_order_basis"], "file");
    assert_eq!(r["observed"]["undated"], 0);
    assert_eq!(r["observed"]["last_installed_on"], "2026-11-13");
    let on: Vec<&str> = r["observed"]["newest_hotfixes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["installed_on"].as_str().unwrap())
        .collect();
    assert_eq!(on, ["2026-11-13", "2026-10-05"]);
    // Month-first proven the same way (en-US).
    let r = hotfix_probe(
        dir.path(),
        &["5/10/2026 12:00:00 AM", "11/13/2026 12:00:00 AM"],
        "",
    );
    assert_eq!(r["observed"]["date_order"], "mdy", "{r}");
    assert_eq!(r["observed"]["last_installed_on"], "2026-11-13");
    // Dotted (de-DE) and year-first (ja-JP) files say their order themselves.
    let r = hotfix_probe(dir.path(), &["05.10.2026 00:00:00"], "");
    assert_eq!(r["observed"]["last_installed_on"], "2026-10-05", "{r}");
    let r = hotfix_probe(dir.path(), &["2026/10/05 0:00:00"], "");
    assert_eq!(r["observed"]["last_installed_on"], "2026-10-05", "{r}");
    assert_eq!(r["observed"]["date_order_basis"], "unambiguous");
    // Nothing in the file decides: unknown, naming `date_order`, never a guess.
    let r = hotfix_probe(
        dir.path(),
        &["05/10/2026 00:00:00", "06/10/2026 00:00:00"],
        "",
    );
    assert_eq!(r["verdict"], "unknown", "{r}");
    assert_eq!(r["reason_code"], "hotfix-date-order-unknown");
    assert!(r["reason"].as_str().unwrap().contains("date_order"), "{r}");
    assert_eq!(r["observed"]["last_installed_on"], Value::Null);
    // …until the setting says it.
    let r = hotfix_probe(
        dir.path(),
        &["05/10/2026 00:00:00", "06/10/2026 00:00:00"],
        "date_order = \"dmy\"\n",
    );
    assert_eq!(r["verdict"], "pass", "{r}");
    assert_eq!(r["observed"]["last_installed_on"], "2026-10-06");
    assert_eq!(r["observed"]["date_order_basis"], "date_order");
    // Proofs of both orders in one file: unknown too.
    let r = hotfix_probe(dir.path(), &["13/11/2026", "11/13/2026"], "");
    assert_eq!(r["verdict"], "unknown", "{r}");
    assert_eq!(r["reason_code"], "hotfix-date-order-conflict");
}

/// A wtmpdb database as Debian 13's pam_wtmpdb writes it (wtmpdb's own CREATE TABLE).
fn write_wtmpdb(path: &Path, rows: &[(i64, &str, i64, &str, &str)]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let db = rusqlite::Connection::open(path).unwrap();
    db.execute_batch(
        "CREATE TABLE IF NOT EXISTS wtmp(ID INTEGER PRIMARY KEY, Type INTEGER, User TEXT NOT NULL, \
         Login INTEGER, Logout INTEGER, TTY TEXT, RemoteHost TEXT, Service TEXT) STRICT;",
    )
    .unwrap();
    for (kind, user, login_micros, tty, host) in rows {
        db.execute(
            "INSERT INTO wtmp (Type,User,Login,TTY,RemoteHost,Service) VALUES(?1,?2,?3,?4,?5,'sshd')",
            rusqlite::params![kind, user, login_micros, tty, host],
        )
        .unwrap();
    }
}

fn days_ago_micros(days: i64) -> i64 {
    (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * days)).as_microsecond()
}

/// The Linux fixture tree with a stale /var/log/wtmp: alice and carol last seen 201 days ago.
fn linux_with_stale_wtmp() -> tempfile::TempDir {
    let tree = tempfile::tempdir().unwrap();
    copy_tree(&fixture("probes/linux"), tree.path());
    let now = jiff::Timestamp::now().as_second() as u32;
    let mut wtmp = wtmp_record("alice", "192.0.2.10", now - 201 * 86_400);
    wtmp.extend(wtmp_record("carol", "192.0.2.11", now - 201 * 86_400));
    std::fs::create_dir_all(tree.path().join("var/log")).unwrap();
    std::fs::write(tree.path().join("var/log/wtmp"), wtmp).unwrap();
    tree
}

const ACCOUNTS: &str = "[[probe]]\nkind = \"accounts\"\nmax_unused_days = 90\nignore = [\"bob\"]\n";

#[test]
fn debian_13_logins_are_read_from_wtmpdb() {
    let dir = tempfile::tempdir().unwrap();
    let tree = linux_with_stale_wtmp();
    // Stale wtmp alone: both look unused (the behaviour before wtmpdb, on older Debian).
    let (ev, _, err) = run(dir.path(), ACCOUNTS, None, Some(tree.path()));
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r} {err}");

    let db = tree.path().join("var/lib/wtmpdb/wtmp.db");
    write_wtmpdb(
        &db,
        &[
            (1, "reboot", days_ago_micros(3), "~", "6.12.48+deb13-amd64"),
            (3, "alice", days_ago_micros(1), "pts/0", "192.0.2.15"),
            (3, "alice", days_ago_micros(30), "pts/1", "192.0.2.16"),
            (3, "carol", days_ago_micros(10), "tty1", ""),
        ],
    );
    let before = std::fs::read(&db).unwrap();
    let (ev, code, err) = run(dir.path(), ACCOUNTS, None, Some(tree.path()));
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "pass", "{r} {err}");
    assert_eq!(code, 0);
    let o = &r["observed"];
    assert_eq!(o["login_records"], "wtmpdb and wtmp", "{o}");
    let alice = &o["accounts"][0];
    assert_eq!(alice["name"], "alice");
    assert_eq!(alice["last_login"]["from"], "192.0.2.15");
    // carol's session had no remote host: its terminal says where.
    assert_eq!(o["accounts"][1]["last_login"]["from"], "tty1", "{o}");
    // The database is recorded with its hash, and nothing was written beside or into it.
    assert!(r["files"].to_string().contains("wtmp.db"), "{r}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let names: Vec<String> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["wtmp.db"]);

    // A 200-day-old wtmpdb login is old whichever source holds it.
    std::fs::remove_file(&db).unwrap();
    write_wtmpdb(
        &db,
        &[(3, "alice", days_ago_micros(200), "pts/0", "192.0.2.15")],
    );
    let (ev, _, _) = run(dir.path(), ACCOUNTS, None, Some(tree.path()));
    assert_eq!(ev["results"][0]["verdict"], "fail");
}

#[test]
fn a_login_record_source_that_cannot_be_read_is_said_not_concluded_from() {
    let dir = tempfile::tempdir().unwrap();
    let tree = linux_with_stale_wtmp();
    let db = tree.path().join("var/lib/wtmpdb/wtmp.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    for damaged in [
        &b"this is not an SQLite database at all, just text"[..],
        b"SQLite format 3\0 cut short",
    ] {
        std::fs::write(&db, damaged).unwrap();
        let (ev, code, err) = run(dir.path(), ACCOUNTS, None, Some(tree.path()));
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "unknown", "{r} {err}");
        assert_eq!(code, 0);
        assert_eq!(r["reason_code"], "login-records-unreadable", "{r}");
        assert!(r["reason"].as_str().unwrap().contains("wtmp.db"), "{r}");
        assert!(
            r["unreadable"].to_string().contains("wtmp.db"),
            "{}",
            r["unreadable"]
        );
    }
    // A database without wtmpdb's table is not wtmpdb's: said too.
    std::fs::remove_file(&db).unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE other(x INTEGER);")
        .unwrap();
    let (ev, _, _) = run(dir.path(), ACCOUNTS, None, Some(tree.path()));
    assert_eq!(
        ev["results"][0]["reason_code"], "login-records-unreadable",
        "{}",
        ev["results"][0]
    );
    // A leaver is still a finding: it does not depend on login records.
    let cfg = "[[probe]]\nkind = \"accounts\"\nleavers = [\"carol\"]\nignore = [\"bob\"]\n";
    let (ev, _, _) = run(dir.path(), cfg, None, Some(tree.path()));
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "fail", "{r}");
    assert!(
        !r["observed"]["flagged"].to_string().contains("last login"),
        "{r}"
    );
}

/// A real restic repository (restic is installed on CI) shared by two machines.
#[test]
#[allow(clippy::print_stderr)]
fn a_real_shared_restic_repository_counts_this_hosts_snapshots_of_the_protected_paths() {
    if std::process::Command::new("restic")
        .arg("--help")
        .output()
        .is_err()
    {
        assert!(!in_ci(), "restic is required in CI");
        eprintln!("skipped: restic is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (karte, documents) = (dir.path().join("karte"), dir.path().join("documents"));
    for d in [&karte, &documents] {
        std::fs::create_dir_all(d).unwrap();
        std::fs::write(d.join("a.txt"), "x").unwrap();
    }
    std::fs::write(dir.path().join("pw"), "correct horse\n").unwrap();
    let restic = |args: &[&str]| {
        let out = std::process::Command::new("restic")
            .env("RESTIC_PASSWORD_FILE", dir.path().join("pw"))
            .env("RESTIC_CACHE_DIR", dir.path().join("cache"))
            .arg("-r")
            .arg(dir.path().join("repo"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    };
    restic(&["init"]);
    let old = (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(40 * 24))
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M:%S")
        .to_string();
    restic(&[
        "backup",
        "--host",
        "sv-karte01",
        "--time",
        &old,
        karte.to_str().unwrap(),
    ]);
    restic(&[
        "backup",
        "--host",
        "uketsuke-pc",
        documents.to_str().unwrap(),
    ]);
    let cfg = "[[probe]]\nkind = \"backup-freshness\"\npath = \"repo\"\npassword_file = \"pw\"\nhost = \"sv-karte01\"\nprotects = [\"karte\"]\n";
    let (ev, code, err) = run(dir.path(), cfg, None, None);
    let r = &ev["results"][0];
    assert_eq!(r["observed"]["format"], "restic", "{r} {err}");
    assert_eq!(r["verdict"], "fail", "{r}");
    assert_eq!(code, 1);
    assert_eq!(r["reason_code"], "snapshot-too-old", "{r}");
    assert_eq!(r["observed"]["judged_snapshot"]["hostname"], "sv-karte01");
    assert_eq!(r["observed"]["snapshots_of_other_hosts"], 1);
    // The reception PC's own probe passes on its own fresh snapshot.
    let cfg = "[[probe]]\nkind = \"backup-freshness\"\npath = \"repo\"\npassword_file = \"pw\"\nhost = \"uketsuke-pc\"\nprotects = [\"documents\"]\n";
    let (ev, _, _) = run(dir.path(), cfg, None, None);
    assert_eq!(ev["results"][0]["verdict"], "pass", "{}", ev["results"][0]);
}

/// `run` with `--lang lang`: the evidence, the exit code, and what people read (the same run
/// without `--format json`: JSON is the same in every language).
#[cfg(unix)]
fn run_lang(dir: &Path, config: &str, bin: &Path, lang: &str) -> (Value, i32, String) {
    let cfg = dir.join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = medsec()
        .env("PATH", &path)
        .args(["--lang", lang, "probe", "--format", "json", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let people = medsec()
        .env("PATH", &path)
        .env("COLUMNS", "1000")
        .args(["--lang", lang, "probe", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&people.stdout).into_owned() + &stderr_of(&people);
    (json, out.status.code().unwrap(), squeezed(&text))
}

/// `text` without spaces and table borders, so that a sentence wrapped in a table cell reads
/// as one.
#[cfg(unix)]
fn squeezed(text: &str) -> String {
    text.lines()
        .flat_map(|l| l.split(['│', '┆']).map(str::trim).rfind(|c| !c.is_empty()))
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// 13-8r: the reason people read names the snapshot judged (short ID, time in Japan time,
/// host, paths), failed or passed, in ja and en; a protected path no snapshot of this host
/// holds is `no-snapshot-of-path`, as docs/probes.md says, not `too-few-snapshots`.
#[cfg(unix)]
#[test]
fn the_reason_names_the_judged_snapshot_and_an_unheld_path_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let karte = dir.path().join("karte");
    std::fs::create_dir_all(&karte).unwrap();
    let karte = karte.display().to_string();
    let fresh = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(2);
    let fresh_jst = fresh
        .to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Tokyo").unwrap())
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    let snapshots = serde_json::json!([
        {"time": "2020-01-01T00:00:00Z", "id": "aaaa1111aaaa", "short_id": "aaaa1111",
         "hostname": "sv-karte01", "paths": [karte]},
        {"time": fresh.to_string(), "id": "dddd4444dddd", "short_id": "dddd4444",
         "hostname": "sv-karte02", "paths": [karte]},
        {"time": fresh.to_string(), "id": "bbbb2222bbbb", "short_id": "bbbb2222",
         "hostname": "uketsuke-pc", "paths": ["/home/uketsuke/Documents"]},
    ]);
    let bin = fake_tool(dir.path(), "restic", &snapshots.to_string());
    let old = restic_config("host = \"sv-karte01\"\nprotects = [\"karte\"]\n");
    for (lang, says) in [
        (
            "ja",
            format!("判定に使った restic のスナップショット aaaa1111(2020-01-01 09:00(日本時間)、機器 sv-karte01、パス `{karte}`)は"),
        ),
        (
            "en",
            format!("the restic snapshot judged, aaaa1111 (2020-01-01 09:00 Japan time, host sv-karte01, paths `{karte}`), is"),
        ),
    ] {
        let (ev, code, text) = run_lang(dir.path(), &old, &bin, lang);
        let r = &ev["results"][0];
        assert_eq!(r["reason_code"], "snapshot-too-old", "{r}");
        assert_eq!(code, 1);
        assert!(text.contains(&squeezed(&says)), "{says}\n{text}");
    }
    let ok = restic_config("host = \"sv-karte02\"\nprotects = [\"karte\"]\n");
    for (lang, says) in [
        (
            "ja",
            format!("dddd4444({fresh_jst}(日本時間)、機器 sv-karte02、パス `{karte}`)"),
        ),
        (
            "en",
            format!("dddd4444 ({fresh_jst} Japan time, host sv-karte02, paths `{karte}`)"),
        ),
    ] {
        let (ev, code, text) = run_lang(dir.path(), &ok, &bin, lang);
        let r = &ev["results"][0];
        assert_eq!(r["reason_code"], "snapshots-fresh", "{r}");
        assert_eq!(code, 0);
        assert!(text.contains(&squeezed(&says)), "{says}\n{text}");
    }
    // The reception PC's only snapshot holds its Documents, not the protected path.
    let unheld = restic_config("host = \"uketsuke-pc\"\nprotects = [\"karte\"]\n");
    for (lang, says) in [
        ("ja", "を含む restic のスナップショットがありません"),
        ("en", "no restic snapshot holds"),
    ] {
        let (ev, code, text) = run_lang(dir.path(), &unheld, &bin, lang);
        let r = &ev["results"][0];
        assert_eq!(r["verdict"], "fail", "{r}");
        assert_eq!(r["reason_code"], "no-snapshot-of-path", "{r}");
        assert_eq!(code, 1);
        assert!(
            text.contains(&squeezed(says)) && text.contains(&karte),
            "{text}"
        );
        assert!(
            !codes(&r["reason_details"]).contains(&"too-few-snapshots".to_owned()),
            "{r}"
        );
    }
}
