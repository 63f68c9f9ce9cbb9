//! `checklist diff` of two imports of one workbook (renamed, or with and without `--ids-from`),
//! and of an import against the workbook itself: what a maintainer needs, no noise.
//!
//! TEST DATA: the workbook is not the FY2026 form; rows copy FY2025 bundled wording or are
//! made-up test wording marked 試験用.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};

fn workbook() -> Vec<u8> {
    let rows: [(u32, &str); 4] = [
        (4, "① 医療情報システム安全管理責任者を設置している。"),
        (5, "② 試験用の運用管理規程の項目です。"),
        (
            7,
            "① サーバ、端末PC、ネットワーク機器の台帳管理を行っている。(医療情報システム全般)",
        ),
        (8, "㉑ 試験用の新しい項目です。(医療情報システム全般)"),
    ];
    super::workbooks::institution_workbook("目標日", &rows)
}

fn import(dir: &Path, wb: &Path, out: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(out);
    let r = run(medsec()
        .args(["checklist", "import"])
        .arg(wb)
        .arg("--out")
        .arg(&out)
        .args(extra));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    out
}

fn diff(lang: &str, old: &Path, new: &Path) -> Run {
    run(medsec()
        .args(["--lang", lang, "checklist", "diff"])
        .arg(old)
        .arg(new))
}

/// The folder with the workbook under its download name and its second download
/// (「download (1).xlsx」: the same bytes), and imports of each.
struct Imports {
    dir: tempfile::TempDir,
    second: PathBuf,
    /// `download.xlsx` imported with `--id own-institution`.
    first_toml: PathBuf,
}

fn imports() -> Imports {
    let dir = tempfile::tempdir().unwrap();
    let bytes = workbook();
    let first = dir.path().join("download.xlsx");
    std::fs::write(&first, &bytes).unwrap();
    let second = dir.path().join("download (1).xlsx");
    std::fs::write(&second, &bytes).unwrap();
    let first_toml = import(dir.path(), &first, "a.toml", &["--id", "own-institution"]);
    Imports {
        dir,
        second,
        first_toml,
    }
}

fn json(old: &Path, new: &Path) -> serde_json::Value {
    let r = run(medsec()
        .args(["checklist", "diff", "--format", "json"])
        .arg(old)
        .arg(new));
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", r.stdout, r.stderr))
}

fn codes(v: &serde_json::Value) -> Vec<String> {
    v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap().to_owned())
        .collect()
}

/// Two imports of one workbook under two download names: one line names the workbook's old
/// and new name (the same SHA-256), not a line for the notes and each item's sources.
#[test]
fn a_renamed_download_is_one_line_naming_the_workbook() {
    let s = imports();
    let b = import(
        s.dir.path(),
        &s.second,
        "b.toml",
        &["--id", "own-institution"],
    );
    let v = json(&s.first_toml, &b);
    assert_eq!(codes(&v), ["source-workbook-changed"], "{v:#}");
    let change = &v["changes"][0];
    assert_eq!(change["field"], "source");
    assert!(
        change["old"]
            .as_str()
            .unwrap()
            .starts_with("download.xlsx#sha256="),
        "{change}"
    );
    assert!(
        change["new"]
            .as_str()
            .unwrap()
            .starts_with("download (1).xlsx#sha256="),
        "{change}"
    );
    for (lang, said, same) in [
        (
            "en",
            "minor [source-workbook-changed] source workbook `download.xlsx` (SHA-256 ",
            ": the same bytes under another name",
        ),
        (
            "ja",
            "軽微 [source-workbook-changed] 取り込んだブック: `download.xlsx`(SHA-256 ",
            "。内容は同じで、ファイル名だけが違います。",
        ),
    ] {
        let r = diff(lang, &s.first_toml, &b);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        for needle in [said, same, "`download (1).xlsx`"] {
            assert!(r.stdout.contains(needle), "{needle:?} not in {}", r.stdout);
        }
        for noise in [
            "item-sources-changed",
            "metadata-changed",
            "unverified-note",
        ] {
            assert!(!r.stdout.contains(noise), "{noise}: {}", r.stdout);
        }
    }
}

/// One import with `--ids-from`, one without: items with the same number, section and scope
/// are one item whose ID changed, never one added and one removed (no breaking change).
#[test]
fn an_item_whose_carried_id_differs_is_said_as_an_id_change() {
    let s = imports();
    let c = import(
        s.dir.path(),
        s.dir.path().join("download.xlsx").as_path(),
        "c.toml",
        &[
            "--id",
            "own-institution",
            "--ids-from",
            "mhlw-institution@fy2025",
        ],
    );
    let v = json(&s.first_toml, &c);
    let codes = codes(&v);
    assert!(
        !codes
            .iter()
            .any(|c| c == "item-added" || c == "item-removed"),
        "{v:#}"
    );
    let ids: Vec<(String, String)> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == "item-id-changed")
        .map(|c| {
            (
                c["old"].as_str().unwrap().to_owned(),
                c["new"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("s1-01".to_owned(), "security-manager".to_owned()),
            ("s2-01".to_owned(), "asset-ledger".to_owned())
        ],
        "{v:#}"
    );
    for (lang, said) in [
        (
            "en",
            "review [item-id-changed] 1-① A security manager for medical…: ID `s1-01` -> `security-manager` (the same number, section and scope;",
        ),
        (
            "ja",
            "要確認 [item-id-changed] 1-① 医療情報システム安全管理責任者を…: ID: `s1-01` → `security-manager`(番号・節・対象が同じ項目です。",
        ),
    ] {
        let r = diff(lang, &s.first_toml, &c);
        assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains(said), "{}", r.stdout);
    }
}

/// An import against its workbook under another download name: the workbook takes the
/// import's checklist ID (no `checklist-id-changed`), and the name is one line.
#[test]
fn an_import_against_its_renamed_workbook_is_the_workbook_name_only() {
    let s = imports();
    for (old, new) in [(&s.first_toml, &s.second), (&s.second, &s.first_toml)] {
        let v = json(old, new);
        assert_eq!(codes(&v), ["source-workbook-changed"], "{v:#}");
        for lang in ["en", "ja"] {
            let r = diff(lang, old, new);
            assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
            assert!(!r.stdout.contains("checklist-id-changed"), "{}", r.stdout);
            assert!(r.stdout.contains("`download (1).xlsx`"), "{}", r.stdout);
        }
    }
}
