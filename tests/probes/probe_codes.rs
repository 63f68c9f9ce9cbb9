//! Probe reason and warning codes, each made to happen on a small tree built in the test, and
//! found in the evidence JSON by its code (scripts match on codes, never on sentences).

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// `medsec probe --format json` with `config` under `root`: the first result and the exit code.
fn probe(config: &str, root: &Path) -> (Value, i32) {
    probe_in(config, root, None)
}

/// [`probe`] with `PATH` set to `path` alone (a folder of fake tools), when given.
fn probe_in(config: &str, root: &Path, path: Option<&Path>) -> (Value, i32) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    let mut cmd = medsec();
    if let Some(path) = path {
        cmd.env("PATH", path);
    }
    let out = cmd
        .args(["probe", "--format", "json", "--config"])
        .arg(&cfg)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("no JSON: {}", stderr_of(&out)));
    (json["results"][0].clone(), out.status.code().unwrap())
}

/// The codes a result carries: its reason and its warnings.
fn codes(r: &Value) -> String {
    format!(
        "{} {} {}",
        r["reason_code"], r["reason_details"], r["warning_details"]
    )
}

fn has(r: &Value, code: &str) {
    assert!(
        codes(r).contains(&format!("\"{code}\"")),
        "expected `{code}` in {r:#}"
    );
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn ledger(dir: &Path, name: &str, text: &str, extra: &str) -> (Value, i32) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    probe(
        &format!(
            "[[probe]]\nkind = \"asset-ledger\"\npath = '{}'\nhostname = \"sv01\"\n{extra}",
            path.display()
        ),
        Path::new("/"),
    )
}

#[test]
fn asset_ledger_codes() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.csv");
    let (r, code) = probe(
        &format!(
            "[[probe]]\nkind = \"asset-ledger\"\npath = '{}'\n",
            missing.display()
        ),
        Path::new("/"),
    );
    assert_eq!((r["verdict"].as_str(), code), (Some("unknown"), 0), "{r}");
    has(&r, "ledger-unreadable");

    let (r, _) = ledger(dir.path(), "broken.xlsx", "not a workbook", "");
    assert_eq!(r["verdict"], "unknown", "{r}");
    has(&r, "ledger-invalid");

    let (r, code) = ledger(dir.path(), "no-header.csv", "a,b,c\n1,2,3\n", "");
    assert_eq!((r["verdict"].as_str(), code), (Some("fail"), 1), "{r}");
    has(&r, "ledger-no-header");

    let (r, code) = ledger(dir.path(), "header-only.csv", "機器名,種別,設置場所\n", "");
    assert_eq!((r["verdict"].as_str(), code), (Some("fail"), 1), "{r}");
    has(&r, "ledger-no-devices");

    let (r, _) = ledger(
        dir.path(),
        "few-columns.csv",
        "機器名,種別\nsv01,サーバ\n",
        "required = [\"name\", \"location\"]\n",
    );
    assert_eq!(r["verdict"], "fail", "{r}");
    assert!(r.to_string().contains("ledger-missing-columns"), "{r}");

    let (r, _) = ledger(
        dir.path(),
        "remote.csv",
        "機器名,種別,設置場所,リモートメンテナンス\nsv01,サーバ,サーバ室,たぶん\n",
        "",
    );
    assert_eq!(r["verdict"], "fail", "{r}");
    assert!(
        r.to_string().contains("remote-maintenance-not-yes-no"),
        "{r}"
    );
}

#[test]
fn accounts_codes() {
    // No passwd at all: nothing to judge, and said why.
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(empty.path().join("etc")).unwrap();
    let (r, code) = probe("[[probe]]\nkind = \"accounts\"\n", empty.path());
    assert_eq!((r["verdict"].as_str(), code), (Some("unknown"), 0), "{r}");
    has(&r, "passwd-unreadable");

    // A passwd, no shadow and no login records.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\n",
    );
    let (r, _) = probe("[[probe]]\nkind = \"accounts\"\n", dir.path());
    has(&r, "shadow-unreadable");
    has(&r, "no-login-records");

    // An empty password field in shadow is flagged on its own.
    write(
        dir.path(),
        "etc/shadow",
        "root:!:19000:0:99999:7:::\nalice::19000:0:99999:7:::\n",
    );
    let (r, _) = probe("[[probe]]\nkind = \"accounts\"\n", dir.path());
    assert!(r.to_string().contains("\"empty-password\""), "{r}");

    // A leavers file that cannot be read is said, not ignored.
    let (r, _) = probe(
        &format!(
            "[[probe]]\nkind = \"accounts\"\nleavers_file = '{}'\n",
            dir.path().join("no-such-leavers.txt").display()
        ),
        dir.path(),
    );
    assert!(r.to_string().contains("leavers-unreadable"), "{r}");
}

#[test]
fn services_codes() {
    let empty = tempfile::tempdir().unwrap();
    let (r, code) = probe(
        "[[probe]]\nkind = \"services\"\nallowed_services = [\"ssh\"]\n",
        empty.path(),
    );
    assert_eq!((r["verdict"].as_str(), code), (Some("unknown"), 0), "{r}");
    has(&r, "nothing-readable");

    let (r, code) = probe(
        "[[probe]]\nkind = \"services\"\nallowed_services = [\"cron\", \"cups\", \"cups.socket\", \"ssh\"]\nallowed_ports = [\"22/tcp\", \"68/udp\", \"3306/tcp\"]\n",
        &fixture("probes/linux"),
    );
    assert_eq!((r["verdict"].as_str(), code), (Some("pass"), 0), "{r}");
    has(&r, "all-allowed");
}

#[test]
fn patch_level_codes() {
    let empty = tempfile::tempdir().unwrap();
    let (r, code) = probe("[[probe]]\nkind = \"patch-level\"\n", empty.path());
    assert_eq!((r["verdict"].as_str(), code), (Some("unknown"), 0), "{r}");
    has(&r, "no-package-database");

    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("hotfix.csv");
    std::fs::write(&csv, "\u{1}\u{2} not, a \"csv\nat all").unwrap();
    let (r, _) = probe(
        &format!(
            "[[probe]]\nkind = \"patch-level\"\nsource = \"hotfix-csv\"\nhotfix_csv = '{}'\n",
            csv.display()
        ),
        Path::new("/"),
    );
    assert_eq!(r["verdict"], "unknown", "{r}");
    has(&r, "hotfix-csv-invalid");

    std::fs::write(
        &csv,
        "\"Source\",\"Description\",\"HotFixID\",\"InstalledBy\",\"InstalledOn\"\n\"PC\",\"Update\",\"KB5034441\",\"\",\"\"\n",
    )
    .unwrap();
    let (r, _) = probe(
        &format!(
            "[[probe]]\nkind = \"patch-level\"\nsource = \"hotfix-csv\"\nhotfix_csv = '{}'\n",
            csv.display()
        ),
        Path::new("/"),
    );
    assert_eq!(r["verdict"], "unknown", "{r}");
    has(&r, "hotfix-no-dates");
}

#[test]
fn backup_password_file_code() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::write(repo.join("config"), "x").unwrap();
    let (r, _) = probe(
        &format!(
            "[[probe]]\nkind = \"backup-freshness\"\nformat = \"restic\"\npath = '{}'\npassword_file = '{}'\n",
            repo.display(),
            dir.path().join("no-such-password").display()
        ),
        Path::new("/"),
    );
    assert_eq!(r["verdict"], "unknown", "{r}");
    has(&r, "password-file-unreadable");
}

/// A folder holding a fake `restic` that runs `script` (a shell body), for PATH.
#[cfg(unix)]
fn fake_restic(dir: &Path, script: &str, executable: bool) -> std::path::PathBuf {
    fake_tool(dir, "restic", script, executable)
}

/// A folder holding a fake tool `name` that runs `script` (a shell body), for PATH.
#[cfg(unix)]
fn fake_tool(dir: &Path, name: &str, script: &str, executable: bool) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let path = bin.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    let mode = if executable { 0o755 } else { 0o644 };
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    bin
}

/// `probe` of a restic repository with the fake restic in `bin` alone on PATH.
#[cfg(unix)]
fn restic_probe(dir: &Path, bin: &Path) -> Value {
    let repo = dir.join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::write(repo.join("config"), "x").unwrap();
    let pw = dir.join("pw");
    std::fs::write(&pw, "secret\n").unwrap();
    let config = format!(
        "[[probe]]\nkind = \"backup-freshness\"\nformat = \"restic\"\npath = '{}'\npassword_file = '{}'\n",
        repo.display(),
        pw.display()
    );
    probe_in(&config, Path::new("/"), Some(bin)).0
}

#[cfg(unix)]
#[test]
fn external_tool_codes() {
    let dir = tempfile::tempdir().unwrap();
    let bin = fake_restic(
        dir.path(),
        "echo 'Fatal: wrong password' >&2; exit 12",
        true,
    );
    let r = restic_probe(dir.path(), &bin);
    assert_eq!(r["verdict"], "unknown", "{r}");
    has(&r, "tool-failed");

    let bin = fake_restic(dir.path(), "echo 'not json at all'", true);
    let r = restic_probe(dir.path(), &bin);
    assert_eq!(r["verdict"], "unknown", "{r}");
    has(&r, "tool-json-not-understood");

    // On PATH but not executable: it exists, and cannot be run (not "not installed").
    let bin = fake_restic(dir.path(), "exit 0", false);
    let r = restic_probe(dir.path(), &bin);
    assert_eq!(r["verdict"], "unknown", "{r}");
    has(&r, "cannot-run-tool");
}

#[test]
fn windows_update_source_on_another_system() {
    if cfg!(windows) {
        return;
    }
    let (r, code) = probe(
        "[[probe]]\nkind = \"patch-level\"\nsource = \"windows\"\n",
        Path::new("/"),
    );
    assert_eq!((r["verdict"].as_str(), code), (Some("unknown"), 0), "{r}");
    has(&r, "windows-native-only");
}

#[test]
fn services_without_systemd_cgroups() {
    // Enabled units and sockets, but no /sys/fs/cgroup: running services cannot be told.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "etc/systemd/system/multi-user.target.wants/ssh.service",
        "",
    );
    write(
        dir.path(),
        "proc/net/tcp",
        "  sl  local_address rem_address   st\n",
    );
    let (r, _) = probe(
        "[[probe]]\nkind = \"services\"\nallowed_services = [\"ssh\"]\n",
        dir.path(),
    );
    has(&r, "no-systemd-cgroup");
}

#[test]
fn accounts_all_in_use() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\n",
    );
    write(
        dir.path(),
        "etc/shadow",
        "root:!:19000:0:99999:7:::\nalice:$6$x$y:19000:0:99999:7:::\n",
    );
    let now = jiff::Timestamp::now().as_second() as u32;
    let wtmp = wtmp_record("alice", "192.168.10.101", now - 86_400);
    std::fs::create_dir_all(dir.path().join("var/log")).unwrap();
    std::fs::write(dir.path().join("var/log/wtmp"), wtmp).unwrap();
    let (r, code) = probe("[[probe]]\nkind = \"accounts\"\n", dir.path());
    assert_eq!((r["verdict"].as_str(), code), (Some("pass"), 0), "{r}");
    has(&r, "accounts-in-use");
}

/// patch-level with `source = "rpm"` under `root`, with fake `rpm` and `dnf` in `bin` only.
#[cfg(unix)]
fn rpm_probe(root: &Path, bin: &Path) -> Value {
    let config =
        "[[probe]]\nkind = \"patch-level\"\nsource = \"rpm\"\nmax_days_since_update = 30\n";
    probe_in(config, root, Some(bin)).0
}

#[cfg(unix)]
#[test]
fn rpm_and_dnf_codes() {
    let dir = tempfile::tempdir().unwrap();
    let repomd = dir
        .path()
        .join("var/cache/dnf/baseos-1/repodata/repomd.xml");
    write(
        dir.path(),
        "var/cache/dnf/baseos-1/repodata/repomd.xml",
        "<repomd/>",
    );
    fake_tool(
        dir.path(),
        "rpm",
        "printf 'bash\\t5.1.8-9.el9.x86_64\\t1700000000\\n'",
        true,
    );
    // Fresh metadata, no security advisory pending.
    let bin = fake_tool(dir.path(), "dnf", "exit 0", true);
    let r = rpm_probe(dir.path(), &bin);
    assert_eq!(r["verdict"], "pass", "{r}");
    has(&r, "security-updates-within-limit");

    // dnf cannot say: unknown, and the failure is noted.
    let bin = fake_tool(
        dir.path(),
        "dnf",
        "echo 'Error: cache empty' >&2; exit 1",
        true,
    );
    let r = rpm_probe(dir.path(), &bin);
    assert_eq!(r["verdict"], "unknown", "{r}");
    has(&r, "dnf-security-unknown");
    assert!(r.to_string().contains("dnf-updateinfo-failed"), "{r}");

    // Metadata refreshed 400 days ago: fail.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(400 * 86_400);
    std::fs::File::options()
        .write(true)
        .open(&repomd)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let bin = fake_tool(dir.path(), "dnf", "exit 0", true);
    let r = rpm_probe(dir.path(), &bin);
    assert_eq!(r["verdict"], "fail", "{r}");
    has(&r, "dnf-metadata-stale");
}

/// A copy of fixture tree `rel` with every file's time set `days` back (package lists
/// refreshed then).
fn dated_tree(rel: &str, days: u64) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path, when: std::time::SystemTime) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target, when);
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
                std::fs::File::options()
                    .write(true)
                    .open(&target)
                    .unwrap()
                    .set_modified(when)
                    .unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(days * 86_400);
    copy(&fixture(rel), dir.path(), when);
    dir
}

#[test]
fn dpkg_codes() {
    // One security update pending, five allowed, lists two days old: up to date.
    let tree = dated_tree("probes/debian", 2);
    let cfg =
        "[[probe]]\nkind = \"patch-level\"\nmax_days_since_update = 30\nmax_pending_security = 5\n";
    let (r, code) = probe(cfg, tree.path());
    assert_eq!((r["verdict"].as_str(), code), (Some("pass"), 0), "{r}");
    has(&r, "dpkg-up-to-date");

    // A compressed package list that is not what its name says is noted, not fatal.
    std::fs::write(
        tree
            .path()
            .join("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages.gz"),
        b"this is not gzip",
    )
    .unwrap();
    let (r, _) = probe(cfg, tree.path());
    assert!(r.to_string().contains("\"cannot-decompress\""), "{r}");
}

#[test]
fn a_lastlog_past_its_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\n",
    );
    std::fs::create_dir_all(dir.path().join("var/log")).unwrap();
    // Sparse, as lastlog is on disk: 65 MiB long, nothing written.
    std::fs::File::create(dir.path().join("var/log/lastlog"))
        .unwrap()
        .set_len(65 << 20)
        .unwrap();
    let (r, _) = probe("[[probe]]\nkind = \"accounts\"\n", dir.path());
    assert!(r.to_string().contains("\"lastlog-too-large\""), "{r}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_backup_folder_is_an_io_problem_noted() {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("backup");
    write(&b, "daily/karte.dump", "x");
    std::os::unix::fs::symlink("..", b.join("daily/loop")).unwrap();
    let (r, _) = probe(
        &format!(
            "[[probe]]\nkind = \"backup-freshness\"\npath = '{}'\nfollow_links = true\nmax_age = \"1d\"\n",
            b.display()
        ),
        Path::new("/"),
    );
    let noted = r["unreadable"].as_array().unwrap();
    assert!(
        noted.iter().any(|u| u["detail"]["code"] == "io-problem"),
        "{r}"
    );
}
