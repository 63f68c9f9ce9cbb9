//! The main screens of `medsec checklist` in Japanese and English, as people see them: list,
//! show, lint, diff, and an error. Snapshots (insta); reviewed by a Japanese reader.

use crate::common;
use common::*;

/// stdout, then stderr under a `--- stderr` line when there is any.
fn screen(lang: &str, args: &[&str]) -> String {
    let out = medsec().args(["--lang", lang]).args(args).output().unwrap();
    let mut text = stdout_of(&out);
    let err = stderr_of(&out);
    // The note about editions older than this fiscal year depends on today's date.
    let err: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("注意:") && !l.starts_with("note:"))
        .collect();
    if !err.is_empty() {
        text.push_str("--- stderr\n");
        text.push_str(&err.join("\n"));
        text.push('\n');
    }
    text.push_str(&format!("--- exit {:?}\n", out.status.code()));
    text
}

#[test]
fn list() {
    for lang in ["ja", "en"] {
        insta::assert_snapshot!(format!("list-{lang}"), screen(lang, &["checklist", "list"]));
    }
}

#[test]
fn show() {
    for lang in ["ja", "en"] {
        insta::assert_snapshot!(
            format!("show-institution-fy2025-{lang}"),
            screen(lang, &["checklist", "show", "mhlw-institution@fy2025"])
        );
    }
}

#[test]
fn lint() {
    let _paths = path_snapshots();
    for lang in ["ja", "en"] {
        insta::assert_snapshot!(
            format!("lint-bad-{lang}"),
            screen(
                lang,
                &["checklist", "lint", "tests/fixtures/checklists/bad"]
            )
        );
    }
}

#[test]
fn diff() {
    for lang in ["ja", "en"] {
        insta::assert_snapshot!(
            format!("diff-fy2024-fy2025-{lang}"),
            screen(
                lang,
                &[
                    "checklist",
                    "diff",
                    "mhlw-institution@fy2024",
                    "mhlw-institution@fy2025",
                ]
            )
        );
    }
}

#[test]
fn errors() {
    let _paths = path_snapshots();
    for lang in ["ja", "en"] {
        let mut text = screen(lang, &["checklist", "show", "mhlw-institution@fy2099"]);
        text.push_str(&screen(
            lang,
            &["checklist", "show", "mhlw-institution", "--form", "vendor"],
        ));
        text.push_str(&screen(
            lang,
            &[
                "checklist",
                "diff",
                "mhlw-institution@fy2023",
                "tests/fixtures/checklists/bad/bad-number.toml",
            ],
        ));
        text.push_str(&screen(
            lang,
            &["checklist", "show", "x", "--checklist", "no/such/file.toml"],
        ));
        text.push_str(&screen(lang, &["checklist", "show"]));
        insta::assert_snapshot!(format!("errors-{lang}"), text);
    }
}

/// JSON does not change with the language: the same bytes under `--lang ja` and `--lang en`,
/// with the messages in English.
#[test]
fn json_is_the_same_in_both_languages() {
    let runs: [&[&str]; 3] = [
        &[
            "checklist",
            "lint",
            "tests/fixtures/checklists/bad",
            "--format",
            "json",
        ],
        &[
            "checklist",
            "diff",
            "mhlw-institution@fy2024",
            "mhlw-institution@fy2025",
            "--format",
            "json",
        ],
        &[
            "checklist",
            "show",
            "mhlw-institution@fy2025",
            "--format",
            "json",
        ],
    ];
    for args in runs {
        let ja = medsec().args(["--lang", "ja"]).args(args).output().unwrap();
        let en = medsec().args(["--lang", "en"]).args(args).output().unwrap();
        assert_eq!(ja.stdout, en.stdout, "{args:?}");
        assert_eq!(ja.status.code(), en.status.code());
    }
    let out = medsec()
        .args([
            "--lang",
            "ja",
            "checklist",
            "lint",
            "tests/fixtures/checklists/bad",
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let unknown = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-probe-kind")
        .unwrap();
    assert_eq!(
        unknown["message"],
        "unknown probe kind `telepathy`; expected one of: patch-level, backup-freshness, accounts, services, asset-ledger"
    );
}
