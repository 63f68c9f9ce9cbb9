//! Issue #9: backup-freshness promises that no test guarded, found by reading the mutants of
//! src/probes/backup.rs (each test names the breakage it fails on): the oldest protected path
//! judges a shared repository, a clean listing says nothing it did not see, an unreadable
//! snapshot time is quoted as printed, folder detection, and the mount read from mountinfo.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// `medsec probe --format json --config DIR/probes.toml [--root ROOT]` with PATH `path`: the
/// first result and the exit code.
fn probe(dir: &Path, config: &str, path: &str, root: Option<&Path>) -> (Value, i32) {
    let cfg = dir.join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    let mut cmd = medsec();
    cmd.env("PATH", path)
        .args(["probe", "--format", "json", "--config"])
        .arg(&cfg);
    if let Some(root) = root {
        cmd.arg("--root").arg(root);
    }
    let out = cmd.output().unwrap();
    let ev: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&out)));
    (ev["results"][0].clone(), out.status.code().unwrap())
}

/// A folder `DIR/bin` holding a `name` that prints `output` (and nothing else on that PATH).
#[cfg(unix)]
fn fake_tool(dir: &Path, name: &str, output: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let data = dir.join(format!("{name}.out"));
    std::fs::write(&data, output).unwrap();
    let tool = bin.join(name);
    std::fs::write(&tool, format!("#!/bin/sh\ncat '{}'\n", data.display())).unwrap();
    std::fs::set_permissions(&tool, std::fs::Permissions::from_mode(0o755)).unwrap();
    format!("{}:/usr/bin:/bin", bin.display())
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

/// Two protected paths, one backed up two hours ago, the other 40 days ago: whichever is named
/// first, the stale one is judged (each path by its own newest snapshot, the oldest of those
/// wins). Before, nothing held two paths with snapshots of their own, so a fresh snapshot of
/// one path could hide the other's (mutants `515:56` `<` → `==` and `<` → `>`).
#[cfg(unix)]
#[test]
fn each_protected_path_is_judged_by_its_own_newest_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["karte", "images"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    let at = |sub: &str| dir.path().join(sub).display().to_string();
    let snapshots = serde_json::json!([
        {"time": hours_ago(40 * 24), "short_id": "aaaa1111", "hostname": "sv-karte01",
         "paths": [at("images")]},
        {"time": hours_ago(2), "short_id": "bbbb2222", "hostname": "sv-karte01",
         "paths": [at("karte")]},
    ]);
    let path = fake_tool(dir.path(), "restic", &snapshots.to_string());
    for protects in ["\"karte\", \"images\"", "\"images\", \"karte\""] {
        let cfg = format!(
            "[[probe]]\nkind = \"backup-freshness\"\nformat = \"restic\"\npath = \"repo\"\n\
             any_host = true\nprotects = [{protects}]\n"
        );
        let (r, code) = probe(dir.path(), &cfg, &path, None);
        assert_eq!(r["verdict"], "fail", "{protects}: {r}");
        assert_eq!(r["reason_code"], "snapshot-too-old", "{protects}: {r}");
        assert_eq!(code, 1, "{protects}");
        assert_eq!(
            r["observed"]["judged_snapshot"]["id"], "aaaa1111",
            "{protects}: {r}"
        );
    }
}

/// A listing with nothing odd in it (no checkpoint, every time readable, one machine, no
/// `protects`) gives a result without warnings: before, a warning of 0 checkpoints or of 0
/// unreadable times on every result went unseen (mutants `539:24` and `543:29` `>` → `>=`).
/// Remote repositories, so that no placement is judged on this machine.
#[cfg(unix)]
#[test]
fn a_clean_repository_listing_has_no_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let restic = serde_json::json!([{"time": hours_ago(2), "short_id": "cccc3333"}]);
    let borg = serde_json::json!({"archives": [{"name": "sv-2026-11-30", "time": hours_ago(2)}]});
    for (tool, listing, repo) in [
        ("restic", restic.to_string(), "sftp:backup@nas:/srv/restic"),
        ("borg", borg.to_string(), "ssh://backup@nas/./borg"),
    ] {
        let path = fake_tool(dir.path(), tool, &listing);
        let cfg = format!(
            "[[probe]]\nkind = \"backup-freshness\"\nformat = \"{tool}\"\npath = \"{repo}\"\nany_host = true\n"
        );
        let (r, code) = probe(dir.path(), &cfg, &path, None);
        assert_eq!(r["verdict"], "pass", "{tool}: {r}");
        assert_eq!(code, 0, "{tool}");
        assert_eq!(r["warnings"], serde_json::json!([]), "{tool}: {r}");
        assert_eq!(r["warning_details"], serde_json::json!([]), "{tool}: {r}");
        assert!(
            r["observed"].get("unreadable_snapshots").is_none(),
            "{tool}: {r}"
        );
    }
}

/// The warning about snapshots whose time cannot be read quotes the first such time as restic
/// printed it, so the user sees what to look at; before, only the count was checked (mutant
/// `614:23` `==` → `!=`: the example was empty with one, the last with several).
#[cfg(unix)]
#[test]
fn an_unreadable_snapshot_time_is_quoted_as_restic_printed_it() {
    let dir = tempfile::tempdir().unwrap();
    let listing = serde_json::json!([
        {"time": hours_ago(2), "short_id": "aaaa1111"},
        {"time": "2026-13-45 25:61", "short_id": "bbbb2222"},
        {"time": "yesterday", "short_id": "cccc3333"},
    ]);
    let path = fake_tool(dir.path(), "restic", &listing.to_string());
    let cfg = "[[probe]]\nkind = \"backup-freshness\"\nformat = \"restic\"\npath = \"sftp:nas:/restic\"\nany_host = true\n";
    let (r, _) = probe(dir.path(), cfg, &path, None);
    assert_eq!(r["verdict"], "pass", "{r}");
    let warning = r["warning_details"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "snapshots-unreadable")
        .unwrap_or_else(|| panic!("no snapshots-unreadable: {r}"));
    assert_eq!(warning["params"]["count"], 2, "{r}");
    assert_eq!(warning["params"]["example"], "2026-13-45 25:61", "{r}");
    assert!(
        r["warnings"].to_string().contains("“2026-13-45 25:61”"),
        "{r}"
    );
}

/// A plain backup folder that holds a file named `config` and a folder named `snapshots`
/// (a copy of /etc, a NAS's snapshot folder) is a folder backup, judged by its files: only a
/// folder with all three of restic's `config`, `keys/` and `snapshots/` is a restic repository
/// (mutants `759:9` and `760:9` `&&` → `||`: taken for restic, which then failed or was
/// missing, and the folder was never judged).
#[test]
fn a_folder_with_a_config_file_and_a_snapshots_folder_is_a_folder_backup() {
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("backup");
    std::fs::create_dir_all(backup.join("snapshots/daily")).unwrap();
    std::fs::write(backup.join("config"), "hostname = sv-karte01\n").unwrap();
    std::fs::write(backup.join("snapshots/daily/karte.dump"), "x").unwrap();
    let cfg = "[[probe]]\nkind = \"backup-freshness\"\npath = \"backup\"\nmin_files = 2\n";
    // No restic on PATH: a folder is judged without any tool.
    let (r, code) = probe(dir.path(), cfg, "/nonexistent", None);
    assert_eq!(r["observed"]["format"], "directory", "{r}");
    assert_eq!(r["verdict"], "pass", "{r}");
    assert_eq!(r["reason_code"], "backup-fresh", "{r}");
    assert_eq!(r["observed"]["files"], 2, "{r}");
    assert_eq!(code, 0);
    // With `keys/` too it is a restic repository (and restic is asked).
    std::fs::create_dir(backup.join("keys")).unwrap();
    let (r, _) = probe(dir.path(), cfg, "/nonexistent", None);
    assert_eq!(r["observed"]["format"], "restic", "{r}");
    assert_eq!(r["reason_code"], "tool-missing", "{r}");
}

/// The mount a backup is on comes from the root's /proc/self/mountinfo: a backup on a disk of
/// its own (a mount point with digits in its name, as `/mnt/backup2025`) is a separate mount
/// with no root-filesystem warning; one on `/` is not, and is warned about. Before, only the
/// machine's own mounts were read, through an `||` that passed either way (mutants `147:48`,
/// `823:63`, and `912:36` `&&` → `||`: digits decoded as an octal escape, so the mount was not
/// found).
#[cfg(unix)]
#[test]
fn the_mount_a_backup_is_on_is_read_from_mountinfo() {
    let root = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = root.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "proc/self/mountinfo",
        "22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n\
         30 22 8:17 / /mnt/backup2025 rw,relatime - ext4 /dev/sdb1 rw\n",
    );
    write("mnt/backup2025/daily/karte.dump", "x");
    write("srv/backup/karte.dump", "x");
    let cfg = |path: &str| format!("[[probe]]\nkind = \"backup-freshness\"\npath = \"{path}\"\n");

    let (r, _) = probe(
        root.path(),
        &cfg("/mnt/backup2025/daily"),
        "/nonexistent",
        Some(root.path()),
    );
    let placement = &r["observed"]["placement"];
    assert_eq!(placement["mount"]["mount_point"], "/mnt/backup2025", "{r}");
    assert_eq!(placement["mount"]["source"], "/dev/sdb1", "{r}");
    assert_eq!(placement["separate_mount"], true, "{r}");
    assert!(
        !codes(&r["warning_details"]).contains(&"on-root-filesystem".to_owned()),
        "{r}"
    );

    let (r, _) = probe(
        root.path(),
        &cfg("/srv/backup"),
        "/nonexistent",
        Some(root.path()),
    );
    let placement = &r["observed"]["placement"];
    assert_eq!(placement["mount"]["mount_point"], "/", "{r}");
    assert_eq!(placement["separate_mount"], false, "{r}");
    assert!(
        codes(&r["warning_details"]).contains(&"on-root-filesystem".to_owned()),
        "{r}"
    );
}
