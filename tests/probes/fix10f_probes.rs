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

/// Two unnamed backup probes that both fail, each for its own reason, contradict the same はい:
/// each contradiction names its own place and reason (in the table, in the evidence by the
/// index of its result, and in the report made from it). Before, every line repeated the
/// first probe's place and reason, and the signed report recorded them so.
#[test]
fn contradictions_of_unnamed_probes_each_name_their_own_probe() {
    let w = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(w.path().join("nas-a")).unwrap();
    std::fs::create_dir_all(w.path().join("usb-b")).unwrap();
    std::fs::write(w.path().join("usb-b/f"), "x\n").unwrap();
    std::fs::write(
        w.path().join("p.toml"),
        "[[probe]]\nkind = \"backup-freshness\"\npath = \"nas-a\"\n\n\
         [[probe]]\nkind = \"backup-freshness\"\npath = \"usb-b\"\nmin_bytes = 1000000\n",
    )
    .unwrap();
    let answers = root().join("examples/clinic/answers.toml");
    for (lang, said, empty, small) in [
        ("ja", "回答との矛盾", "ファイルが0個", "合計2バイト"),
        ("en", "contradicts an answer", "no file found", "2 bytes"),
    ] {
        let out = medsec()
            .current_dir(w.path())
            .args(["--lang", lang, "probe", "--config", "p.toml", "--answers"])
            .arg(&answers)
            .args(["--out", "ev.json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        let text = stdout_of(&out);
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with(said)).collect();
        assert_eq!(lines.len(), 2, "{lang}: {text}");
        assert!(
            lines[0].contains("nas-a") && lines[0].contains(empty),
            "{lang}: {text}"
        );
        assert!(
            lines[1].contains("usb-b") && lines[1].contains(small),
            "{lang}: {text}"
        );
    }
    let evidence: serde_json::Value =
        serde_json::from_slice(&std::fs::read(w.path().join("ev.json")).unwrap()).unwrap();
    let results: Vec<u64> = evidence["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["result"].as_u64().unwrap())
        .collect();
    assert_eq!(results, [0, 1], "{evidence:#}");
    // The report made from that evidence records each contradiction with its own reason.
    let out = medsec()
        .current_dir(w.path())
        .args(["report", "--answers"])
        .arg(&answers)
        .args(["--evidence", "ev.json", "--out", "b"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let report = std::fs::read_to_string(w.path().join("b/report.json")).unwrap();
    assert!(
        report.contains("fewer than the 1 that `min_files` asks for")
            && report.contains("less than `min_bytes = 1000000`"),
        "{report}"
    );
    // Its findings name each probe by its place, as the table does.
    for lang in ["ja", "en"] {
        let out = medsec()
            .current_dir(w.path())
            .args(["--lang", lang, "status", "b"])
            .output()
            .unwrap();
        let text = stdout_of(&out);
        let found: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("answer-contradicted-by-probe"))
            .collect();
        assert_eq!(found.len(), 2, "{lang}: {text}");
        assert!(found[0].contains("`nas-a`"), "{lang}: {text}");
        assert!(found[1].contains("`usb-b`"), "{lang}: {text}");
    }
}
