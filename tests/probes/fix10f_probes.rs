//! Issue #10 (fix10f): unnamed backup probes are told apart by their place in the table and
//! the notes, and borg's units are archives (アーカイブ), restic's snapshots (スナップショット).

use crate::common;
use common::*;
use std::path::Path;

/// A folder holding a fake `borg` that prints `listing`, for PATH.
#[cfg(unix)]
fn fake_borg(dir: &Path, listing: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let data = dir.join("borg.out");
    std::fs::write(&data, listing).unwrap();
    let path = bin.join("borg");
    std::fs::write(&path, format!("#!/bin/sh\ncat '{}'\n", data.display())).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

#[cfg(unix)]
#[test]
fn unnamed_backup_probes_are_named_by_their_place_and_borg_counts_archives() {
    let w = tempfile::tempdir().unwrap();
    // Two unnamed folder backups with a warning each (empty), and a long remote repository
    // whose URL holds a password.
    for f in ["nas-a", "usb-b"] {
        std::fs::create_dir_all(w.path().join(f)).unwrap();
    }
    let old = (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 40)).to_string();
    let listing = serde_json::json!({"archives": [
        {"archive": "sv-old", "name": "sv-old", "start": old, "time": old},
    ]});
    let bin = fake_borg(w.path(), &listing.to_string());
    let cfg = w.path().join("probes.toml");
    std::fs::write(
        &cfg,
        "[[probe]]\nkind = \"backup-freshness\"\npath = \"nas-a\"\n\n\
         [[probe]]\nkind = \"backup-freshness\"\npath = \"usb-b\"\n\n\
         [[probe]]\nkind = \"backup-freshness\"\nformat = \"borg\"\nany_host = true\n\
         path = \"ssh://backup:s3cret@very-long-host-name.example.jp/srv/borg/sapporo-karte\"\n",
    )
    .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (lang, unit, not_unit) in [
        ("ja", "アーカイブ", "スナップショット"),
        ("en", "archive", "snapshot"),
    ] {
        let out = medsec()
            .env("PATH", &path)
            .env("COLUMNS", "200")
            .args(["--lang", lang, "probe", "--config"])
            .arg(&cfg)
            .output()
            .unwrap();
        let text = stdout_of(&out);
        assert_eq!(out.status.code(), Some(1), "{text}{}", stderr_of(&out));
        // Each row and each note names its folder or repository: no two alike.
        for place in ["nas-a", "usb-b", "/srv/borg/sapporo-karte"] {
            assert!(text.contains(place), "{lang}: {place}\n{text}");
        }
        assert!(!text.contains("s3cret"), "{lang}: a password shown\n{text}");
        let notes: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("nas-a") || l.contains("usb-b"))
            .filter(|l| !l.contains('│'))
            .collect();
        assert!(notes.len() >= 2, "{lang}: {text}");
        let mut unique = notes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), notes.len(), "{lang}: {text}");
        // borg's listing is of archives.
        let borg_row = text
            .lines()
            .find(|l| l.contains("borg") && l.contains(unit))
            .unwrap_or_else(|| panic!("{lang}: no `{unit}` for borg\n{text}"));
        assert!(!borg_row.contains(not_unit), "{lang}: {borg_row}");
    }
}
