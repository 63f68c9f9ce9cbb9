//! Lists inside sentences are joined in the reader's language: 「、」 in Japanese, ", " in
//! English (the catalog's `common-list-separator`), whether clap, a checklist, a probe
//! setting or a lint finding gives the list.

use crate::common;
use common::*;

/// The ", " of people's text outside code spans (`…`), with a little around it.
fn commas(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|line| line.split('`').step_by(2).collect::<Vec<_>>())
        .filter(|part| part.contains(", "))
        .map(str::to_owned)
        .collect()
}

/// `medsec ARGS` in `lang` (in `dir`, where the test writes its files): stdout and stderr.
fn said(lang: &str, args: &[&str], dir: &std::path::Path) -> String {
    let out = medsec()
        .current_dir(dir)
        .arg("--lang")
        .arg(lang)
        .args(args)
        .output()
        .unwrap();
    format!("{}{}", stdout_of(&out), stderr_of(&out))
}

#[test]
fn lists_in_japanese_sentences_are_joined_with_the_japanese_comma() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kind.toml"),
        "[[probe]]\nkind = \"telepathy\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("field.toml"),
        "[[probe]]\nkind = \"patch-level\"\nmin_files = 3\n",
    )
    .unwrap();
    let bad = fixture("checklists/bad/unknown-probe.toml");
    let fixtures = fixture("probes/debian");
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["checklist", "list", "--format", "xml"],
            "(指定できる値: table、json)",
            "table, json",
        ),
        (
            vec!["checklist", "show", "mhlw-institution@fy2099"],
            "ある版は`fy2023`、`fy2024`、`fy2025`です。",
            "`fy2023`, `fy2024`, `fy2025`",
        ),
        (
            vec!["checklist", "show", "nosuch"],
            "`mhlw-institution`、`mhlw-pharmacy`、`mhlw-vendor`",
            "`mhlw-institution`, `mhlw-pharmacy`, `mhlw-vendor`",
        ),
        (
            vec![
                "probe",
                "--config",
                "kind.toml",
                "--root",
                fixtures.to_str().unwrap(),
            ],
            "使える種類はpatch-level、backup-freshness、accounts、services、asset-ledgerです。",
            "patch-level, backup-freshness, accounts, services, asset-ledger",
        ),
        (
            vec![
                "probe",
                "--config",
                "field.toml",
                "--root",
                fixtures.to_str().unwrap(),
            ],
            "使える設定はsource、max_days_since_update、",
            "source, max_days_since_update, ",
        ),
        (
            vec!["checklist", "lint", bad.to_str().unwrap()],
            "使える値はpatch-level、backup-freshness、accounts、services、asset-ledgerです。",
            "patch-level, backup-freshness, accounts, services, asset-ledger",
        ),
    ];
    for (args, ja_list, en_list) in cases {
        let ja = said("ja", &args, dir.path());
        assert!(ja.contains(ja_list), "{args:?}: no {ja_list:?} in\n{ja}");
        assert!(commas(&ja).is_empty(), "{args:?}: \", \" in\n{ja}");
        let en = said("en", &args, dir.path());
        assert!(en.contains(en_list), "{args:?}: no {en_list:?} in\n{en}");
    }
}
