//! Probes against the real thing: this machine's dpkg database, restic and borg repositories
//! made by the real tools, and trees with a symlink loop, an unreadable folder and files
//! deleted during the walk. A missing tool fails the test under CI=true and skips it otherwise.

#![allow(clippy::print_stderr)] // skip and environment notes

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn have(tool: &str) -> bool {
    // Only whether it starts: restic has no --version flag (it has `restic version`).
    let found = Command::new(tool).arg("--help").output().is_ok();
    if !found {
        assert!(
            !in_ci(),
            "{tool} is required in CI (apt-get install -y {tool})"
        );
        eprintln!("skipping: {tool} is not installed");
    }
    found
}

fn probe_json(config: &str, envs: &[(&str, &str)]) -> (Value, i32) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    let mut cmd = medsec();
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd
        .args([
            "probe",
            "--format",
            "json",
            "--config",
            cfg.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let ev: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&out)));
    (ev, out.status.code().unwrap())
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Debian's dpkg database: Linux only.
#[cfg(target_os = "linux")]
#[test]
fn real_dpkg_database() {
    if !Path::new("/var/lib/dpkg/status").is_file() {
        assert!(
            !in_ci(),
            "CI runs on Debian: /var/lib/dpkg/status must exist"
        );
        eprintln!("skipping: not a dpkg system");
        return;
    }
    let (ev, code) = probe_json(
        "[[probe]]\nkind = \"patch-level\"\nsource = \"dpkg\"\n",
        &[],
    );
    assert!(code == 0 || code == 1);
    let r = &ev["results"][0];
    assert_eq!(r["observed"]["package_manager"], "dpkg");
    let installed = r["observed"]["installed_packages"].as_u64().unwrap();
    let expected = std::fs::read_to_string("/var/lib/dpkg/status")
        .unwrap()
        .split("\n\n")
        .filter(|p| {
            p.lines()
                .any(|l| l.starts_with("Status: ") && l.ends_with(" installed"))
        })
        .count() as u64;
    assert_eq!(installed, expected);
    // The hash recorded is the one sha256sum gives.
    let rec = r["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "/var/lib/dpkg/status")
        .unwrap();
    let sum = Command::new("sha256sum")
        .arg("/var/lib/dpkg/status")
        .output()
        .unwrap();
    let sum = String::from_utf8_lossy(&sum.stdout);
    assert_eq!(
        rec["sha256"].as_str().unwrap(),
        sum.split_whitespace().next().unwrap()
    );
    // Whatever the verdict, there is a reason.
    assert!(!r["reason"].as_str().unwrap().is_empty());

    // Left to find the source itself on this machine, it finds dpkg.
    let (ev, _) = probe_json("[[probe]]\nkind = \"patch-level\"\n", &[]);
    let r = &ev["results"][0];
    assert_eq!(r["parameters"]["source"], "auto", "{r:#}");
    assert_eq!(r["observed"]["package_manager"], "dpkg", "{r:#}");
    assert_eq!(r["observed"]["installed_packages"], installed, "{r:#}");
}

#[test]
fn real_restic_repository() {
    if !have("restic") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("karte.db"), b"records").unwrap();
    let pw = dir.path().join("password");
    std::fs::write(&pw, "correct horse battery staple\n").unwrap();
    let restic = |args: &[&str]| {
        let mut c = Command::new("restic");
        c.env("RESTIC_PASSWORD_FILE", &pw)
            .env("RESTIC_CACHE_DIR", dir.path().join("cache"))
            .arg("-r")
            .arg(&repo)
            .args(args);
        c
    };
    run(&mut restic(&["init"]));
    run(restic(&[
        "backup",
        "--time",
        "2025-01-10 03:00:00",
        "--host",
        "sv-karte01",
    ])
    .arg(&data));
    let cfg = format!(
        // Snapshots of every machine count (the old one is `sv-karte01`'s, the new one this one's).
        "[[probe]]\nkind = \"backup-freshness\"\npath = '{}'\npassword_file = '{}'\nmax_age = \"7d\"\nany_host = true\n",
        repo.display(),
        pw.display()
    );
    let repo_files_before = count_files(&repo);
    let (ev, code) = probe_json(&cfg, &[]);
    let r = &ev["results"][0];
    assert_eq!(r["observed"]["format"], "restic", "auto-detected: {r}");
    assert_eq!(r["observed"]["snapshots"], 1);
    assert_eq!(r["observed"]["newest_snapshot"]["hostname"], "sv-karte01");
    assert_eq!(r["verdict"], "fail", "{r}");
    assert_eq!(code, 1);
    assert!(r["reason"]
        .as_str()
        .unwrap()
        .contains("older than `max_age = 7d`"));
    // The password is not in the evidence; the command line and its output hash are.
    assert!(!ev.to_string().contains("correct horse"));
    assert_eq!(r["commands"][0]["argv"][0], "restic");
    assert!(r["commands"][0]["argv"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "--no-lock"));
    assert_eq!(
        count_files(&repo),
        repo_files_before,
        "the probe wrote into the repository"
    );

    // A fresh snapshot passes.
    run(restic(&["backup"]).arg(&data));
    let (ev, code) = probe_json(&cfg, &[]);
    assert_eq!(ev["results"][0]["verdict"], "pass", "{}", ev["results"][0]);
    assert_eq!(ev["results"][0]["observed"]["snapshots"], 2);
    assert_eq!(code, 0);

    // A wrong password is unknown, with restic's own words.
    std::fs::write(&pw, "wrong\n").unwrap();
    let (ev, _) = probe_json(&cfg, &[]);
    assert_eq!(ev["results"][0]["verdict"], "unknown");
    assert!(
        ev["results"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("restic failed"),
        "{}",
        ev["results"][0]
    );
}

/// borg has no native Windows build.
#[cfg(unix)]
#[test]
fn real_borg_repository() {
    if !have("borg") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("rece.db"), b"claims").unwrap();
    let base = dir.path().join("borg-base");
    let base_s = base.to_str().unwrap();
    let borg = |args: &[&str]| {
        let mut c = Command::new("borg");
        c.env("BORG_PASSPHRASE", "s3cret-phrase")
            .env("BORG_BASE_DIR", &base)
            .args(args);
        c
    };
    run(borg(&["init", "-e", "repokey"]).arg(&repo));
    run(borg(&["create", "--timestamp", "2025-01-10T03:00:00"])
        .arg(format!("{}::old", repo.display()))
        .arg(&data));
    let pw = dir.path().join("passphrase");
    std::fs::write(&pw, "s3cret-phrase\n").unwrap();
    let cfg = format!(
        "[[probe]]\nkind = \"backup-freshness\"\npath = '{}'\npassword_file = '{}'\nmax_age = \"36h\"\n",
        repo.display(),
        pw.display()
    );
    let (ev, code) = probe_json(&cfg, &[("BORG_BASE_DIR", base_s)]);
    let r = &ev["results"][0];
    assert_eq!(r["observed"]["format"], "borg", "{r}");
    assert_eq!(r["observed"]["snapshots"], 1, "{r}");
    assert_eq!(r["observed"]["newest_snapshot"]["id"], "old");
    assert_eq!(r["verdict"], "fail");
    assert_eq!(code, 1);
    assert!(!ev.to_string().contains("s3cret"));

    run(borg(&["create"])
        .arg(format!("{}::new", repo.display()))
        .arg(&data));
    let (ev, code) = probe_json(&cfg, &[("BORG_BASE_DIR", base_s)]);
    let r = &ev["results"][0];
    assert_eq!(r["verdict"], "pass", "{r}");
    assert_eq!(r["observed"]["newest_snapshot"]["id"], "new");
    assert_eq!(code, 0);
}

/// `medsec probe --format json` as the unprivileged user `nobody` (the test runs as root in
/// CI, where permissions stop no read): the binary and the configuration are copied to a
/// folder `nobody` can read, and the run drops every privilege with `setpriv`.
#[cfg(unix)]
fn probe_json_as_nobody(config: &str) -> (Value, i32) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let open = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    open(dir.path(), 0o755);
    let bin = dir.path().join("medsec");
    std::fs::copy(env!("CARGO_BIN_EXE_medsec"), &bin).unwrap();
    open(&bin, 0o755);
    let cfg = dir.path().join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    open(&cfg, 0o644);
    let run = || {
        Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
            .arg(&bin)
            .args(["probe", "--format", "json", "--config"])
            .arg(&cfg)
            .env("HOME", dir.path())
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .current_dir(dir.path())
            .output()
            .expect("setpriv (util-linux) runs")
    };
    // A child that another test thread forked while the copy was open for writing holds that
    // descriptor until it execs, and until then the copy cannot be run ("Text file busy").
    let mut out = run();
    for _ in 0..20 {
        if !stderr_of(&out).contains("Text file busy") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        out = run();
    }
    let ev: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&out)));
    (ev, out.status.code().unwrap())
}

/// Whether this process may read what permissions forbid (root).
#[cfg(unix)]
fn privileged() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&locked).is_ok();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    readable
}

/// A probe run that permissions apply to: as `nobody` when this process is root.
#[cfg(unix)]
fn probe_json_unprivileged(config: &str) -> (Value, i32) {
    if privileged() {
        probe_json_as_nobody(config)
    } else {
        probe_json(config, &[])
    }
}

/// A folder `nobody` can walk (tempdir makes 0700 folders).
#[cfg(unix)]
fn walkable_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn a_tree_with_a_symlink_loop_and_an_unreadable_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = walkable_tempdir();
    let b = dir.path();
    std::fs::create_dir_all(b.join("daily/2026-11-24")).unwrap();
    std::fs::write(b.join("daily/2026-11-24/karte.dump"), vec![0u8; 1000]).unwrap();
    std::os::unix::fs::symlink("..", b.join("daily/2026-11-24/loop")).unwrap();
    let locked = b.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("secret.dump"), b"x").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();

    let cfg = format!(
        "[[probe]]\nkind = \"backup-freshness\"\npath = '{}'\nfollow_links = true\nmax_age = \"1d\"\n",
        b.display()
    );
    let (ev, code) = probe_json_unprivileged(&cfg);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let r = &ev["results"][0];
    let o = &r["observed"];
    assert_eq!(o["symlink_loops"], 1, "{o}");
    assert_eq!(r["verdict"], "pass", "a loop is reported, never fatal: {r}");
    assert_eq!(code, 0);
    assert!(r["warnings"][0]
        .as_str()
        .unwrap()
        .contains("1 symlink loop(s)"));
    assert!(r["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["problem"] == "symlink-loop"));
    assert_eq!(o["permission_denied"], 1, "{o}");
    assert_eq!(o["files"], 1);
    assert!(r["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["problem"] == "permission-denied"));
}

#[cfg(unix)]
#[test]
fn a_stale_folder_with_unreadable_parts_is_unknown_not_fail() {
    use std::os::unix::fs::PermissionsExt;
    // What could not be read may hold the newer files: the verdict is `unknown`.
    let dir = walkable_tempdir();
    let b = dir.path();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(40 * 86_400);
    let dump = b.join("old.dump");
    std::fs::write(&dump, b"x").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&dump)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let locked = b.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let cfg = format!(
        "[[probe]]\nkind = \"backup-freshness\"\npath = '{}'\nmax_age = \"7d\"\ntime_basis = \"mtime\"\n",
        b.display()
    );
    let (ev, code) = probe_json_unprivileged(&cfg);
    let r = &ev["results"][0];
    assert_eq!(r["observed"]["permission_denied"], 1, "{r}");
    assert_eq!(r["verdict"], "unknown", "{r}");
    assert_eq!(r["reason_code"], "backup-partly-unread", "{r}");
    assert!(
        r["warning_details"]
            .to_string()
            .contains("\"walk-problems\""),
        "{r}"
    );
    assert_eq!(code, 0, "unknown is not a failure: {r}");

    // Readable again: the same folder fails.
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (ev, code) = probe_json_unprivileged(&cfg);
    assert_eq!(ev["results"][0]["verdict"], "fail", "{}", ev["results"][0]);
    assert_eq!(code, 1);
}

// Unix only: on Windows a folder's listing carries each file's metadata (FindNextFileW), so
// the walk makes no stat a deletion could race and nothing ever vanishes; the test's 30 rounds
// of deleting and rewriting 30,000 files then ran over 20 minutes under Wine and failed.
#[cfg(unix)]
#[test]
fn files_deleted_during_the_walk_are_counted_not_fatal() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::Arc;
    // One big folder, deleted from the end of its listing order while the walk reads it from
    // the start: where they cross, names already listed are gone before their stat. It is a
    // race, so it runs a few rounds, putting back only what was deleted.
    let total = 30_000u64;
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    std::fs::create_dir(&big).unwrap();
    for f in 0..total {
        std::fs::write(big.join(format!("f{f:05}")), b"x").unwrap();
    }
    let mut saw_vanished = false;
    for round in 0..30 {
        let mut order: Vec<_> = std::fs::read_dir(&big)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        order.reverse();
        let stop = Arc::new(AtomicBool::new(false));
        let stop_deleting = Arc::clone(&stop);
        let deleter = std::thread::spawn(move || {
            let mut deleted = Vec::new();
            for p in order {
                if stop_deleting.load(Ordering::Relaxed) {
                    break;
                }
                if std::fs::remove_file(&p).is_ok() {
                    deleted.push(p);
                }
            }
            deleted
        });
        let stats = medsec::probes::walk::walk(
            dir.path(),
            medsec::probes::walk::WalkOptions {
                follow_links: false,
                threads: 2,
            },
            &AtomicBool::new(false),
            &AtomicU64::new(0),
        );
        stop.store(true, Ordering::Relaxed);
        let deleted = deleter.join().unwrap();
        assert!(stats.files + stats.vanished <= total, "{stats:?}");
        assert_eq!(
            stats.permission_denied + stats.loops + stats.other_errors,
            0,
            "{stats:?}"
        );
        assert!(!stats.stopped);
        if stats.vanished > 0 {
            assert!(stats.samples.iter().any(|s| s.problem == "vanished"));
            eprintln!(
                "round {round}: {} vanished, {} counted",
                stats.vanished, stats.files
            );
            saw_vanished = true;
            break;
        }
        for p in deleted {
            std::fs::write(p, b"x").unwrap();
        }
    }
    assert!(
        saw_vanished,
        "no file vanished between listing and stat in 30 rounds: the test tested nothing"
    );
}

fn count_files(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter(|e| e.as_ref().is_ok_and(|e| e.file_type().is_file()))
        .count()
}
