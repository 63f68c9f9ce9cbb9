//! `medsec checklist diff` as CI runs it: the bundled editions against each other (the known
//! differences, docs/checklist-sources.md), folders, git revisions, Markdown,
//! metadata fields, and the rule that a breaking change needs a new edition.

use crate::common;
use common::*;
use serde_json::Value;

fn diff_json(args: &[&str]) -> (i32, Value) {
    let out = medsec()
        .args(["checklist", "diff"])
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&out)));
    (out.status.code().unwrap(), json)
}

fn items_with(changes: &Value, code: &str) -> Vec<String> {
    changes
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == code)
        .map(|c| c["item"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn bundled_editions_give_the_known_differences() {
    // R5 -> R6: every 2024年度/参考 item became required; no items added or removed.
    let (code, d) = diff_json(&["mhlw-institution@fy2023", "mhlw-institution@fy2024"]);
    assert_eq!(code, 0);
    let mut required = items_with(&d["changes"], "item-requirement-changed");
    required.sort();
    assert_eq!(
        required,
        [
            "access-rights-terminal",
            "backup-and-restore",
            "cyber-bcp",
            "security-patches-server",
            "security-patches-terminal",
            "unneeded-software-server",
            "unneeded-software-terminal",
            "unused-accounts-terminal",
        ]
    );
    assert!(items_with(&d["changes"], "item-added").is_empty());
    assert!(items_with(&d["changes"], "item-removed").is_empty());

    // R6 -> R7: five items added, the patch rows merged into one, none deleted, numbering
    // switched from (1) to ①.
    let (code, d) = diff_json(&["mhlw-institution@fy2024", "mhlw-institution@fy2025"]);
    assert_eq!(code, 0);
    let mut added = items_with(&d["changes"], "item-added");
    added.sort();
    assert_eq!(
        added,
        [
            "external-media-restriction",
            "operating-rules",
            "password-policy",
            "password-reuse",
            "two-factor-authentication",
        ]
    );
    assert_eq!(
        items_with(&d["changes"], "item-replaced"),
        ["security-patches"]
    );
    assert!(items_with(&d["changes"], "item-removed").is_empty());
    assert!(items_with(&d["changes"], "item-number-notation-changed")
        .contains(&"asset-ledger".to_owned()));
    assert!(!d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "breaking-change-same-edition"));
}

#[test]
fn metadata_changed_says_which_field_and_how() {
    let (_, d) = diff_json(&["mhlw-institution@fy2024", "mhlw-institution@fy2025"]);
    let meta: Vec<&Value> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == "metadata-changed")
        .collect();
    let published = meta.iter().find(|c| c["field"] == "published").unwrap();
    assert_eq!(
        (published["old"].as_str(), published["new"].as_str()),
        (Some("2024-05-13"), Some("2025-05-16"))
    );
    assert!(published["message"]
        .as_str()
        .unwrap()
        .contains("2024-05-13 -> 2025-05-16"));
    let title = meta.iter().find(|c| c["field"] == "title.ja").unwrap();
    assert!(title["new"].as_str().unwrap().contains("令和7年度版"));
    assert!(meta.iter().any(|c| c["field"] == "source_url"));
    // In Japanese, for people.
    let out = medsec()
        .args([
            "--lang",
            "ja",
            "checklist",
            "diff",
            "mhlw-institution@fy2024",
            "mhlw-institution@fy2025",
        ])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("公表日: 2024-05-13(令和6年5月13日) → 2025-05-16(令和7年5月16日)"),
        "{text}"
    );
    assert!(text.contains("版: 令和6年度版 → 令和7年度版"), "{text}");
    assert!(text.contains("[item-sources-changed]"), "{text}");
    assert!(text.contains("[item-verified-changed]"), "{text}");
}

#[test]
fn folders_pair_files_by_id_and_form_and_report_added_and_removed() {
    let (code, d) = diff_json(&["checklists/mhlw/fy2024", "checklists/mhlw/fy2025"]);
    assert_eq!(code, 0);
    let files = d["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    for f in files {
        assert_eq!(f["old"]["id"], f["new"]["id"]);
        assert_eq!(
            (f["old"]["edition"].as_str(), f["new"]["edition"].as_str()),
            (Some("fy2024"), Some("fy2025"))
        );
    }
    // A folder without the vendor form, one with an extra checklist.
    let old = tempfile::tempdir().unwrap();
    let new = tempfile::tempdir().unwrap();
    for f in ["institution.toml", "vendor.toml"] {
        std::fs::copy(
            root().join("checklists/mhlw/fy2024").join(f),
            old.path().join(f),
        )
        .unwrap();
    }
    std::fs::copy(
        root().join("checklists/mhlw/fy2025/institution.toml"),
        new.path().join("institution.toml"),
    )
    .unwrap();
    std::fs::copy(
        root().join("checklists/mhlw/fy2025/pharmacy.toml"),
        new.path().join("pharmacy.toml"),
    )
    .unwrap();
    // The lint settings file is not a checklist.
    std::fs::write(new.path().join("medsec-lint.toml"), "allow = []\n").unwrap();
    let (code, d) = diff_json(&[old.path().to_str().unwrap(), new.path().to_str().unwrap()]);
    // A removed checklist is breaking (tests/checklist/lint_diff_exit.rs has every kind).
    assert_eq!(code, 1, "{d:#}");
    assert_eq!(d["files"].as_array().unwrap().len(), 1);
    assert_eq!(d["added"][0]["id"], "mhlw-pharmacy");
    assert_eq!(d["removed"][0]["id"], "mhlw-vendor");
    let out = medsec()
        .args(["checklist", "diff"])
        .arg(old.path())
        .arg(new.path())
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("new file") && text.contains("mhlw-pharmacy@fy2025"),
        "{text}"
    );
    assert!(
        text.contains("file removed") && text.contains("mhlw-vendor@fy2024"),
        "{text}"
    );
    // A folder and a file: exit 2, both named.
    let out = medsec()
        .args(["checklist", "diff"])
        .arg(old.path())
        .arg("checklists/mhlw/fy2025/institution.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("must both be folders"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn markdown_is_a_pull_request_comment() {
    let out = medsec()
        .args([
            "checklist",
            "diff",
            "checklists/mhlw/fy2024",
            "checklists/mhlw/fy2025",
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = stdout_of(&out);
    assert!(md.starts_with("## Checklist changes\n"), "{md}");
    assert!(md.contains("### mhlw-institution@fy2024"), "{md}");
    assert!(
        md.contains("| Impact | Code | Change |\n|---|---|---|\n"),
        "{md}"
    );
    assert!(md.contains("| review | `item-added` | 2-⑦ "), "{md}");
    assert!(
        md.trim_end()
            .ends_with("3 files compared, 0 added, 0 removed"),
        "{md}"
    );
    // Every table row has exactly its three cells (no `|` from the data breaks one).
    for row in md.lines().filter(|l| l.starts_with("| ")) {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 4, "{row}");
    }
}

#[test]
fn git_revisions_and_a_breaking_change_without_a_new_edition() {
    let Some(repo) = git_repository() else {
        return;
    };
    let dir = repo.path();
    let folder = dir.join("checklists");
    std::fs::create_dir(&folder).unwrap();
    let text =
        std::fs::read_to_string(root().join("checklists/mhlw/fy2024/institution.toml")).unwrap();
    std::fs::write(folder.join("institution.toml"), &text).unwrap();
    git(dir, &["add", "."]).unwrap();
    git(dir, &["commit", "-q", "-m", "one"]).unwrap();
    // Remove the last item without a new edition.
    let cut = text.rfind("[[items]]").unwrap();
    let removed = &text[..cut];
    std::fs::write(folder.join("institution.toml"), removed).unwrap();
    git(dir, &["commit", "-q", "-am", "two"]).unwrap();
    let run = |args: &[&str]| {
        medsec()
            .current_dir(dir)
            .args(["checklist", "diff"])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["main~1", "main", "--format", "json", "--", "checklists/"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = &d["files"][0]["changes"];
    assert_eq!(changes[0]["code"], "breaking-change-same-edition", "{d:#}");
    assert_eq!(changes[1]["code"], "item-removed");
    assert_eq!(
        d["files"][0]["old"]["place"],
        "main~1:checklists/institution.toml"
    );
    // An error whatever --fail-on says.
    let out = run(&["main~1", "main", "--fail-on", "never", "--", "checklists/"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout_of(&out).contains("did not change: give the changed file a new edition"));
    // With a new edition the same removal is a breaking change, not an error.
    let next = removed
        .replacen("edition = \"fy2024\"", "edition = \"fy2025\"", 1)
        .replacen("fiscal_year = 2024", "fiscal_year = 2025", 1);
    std::fs::write(folder.join("institution.toml"), next).unwrap();
    git(dir, &["commit", "-q", "-am", "three"]).unwrap();
    let out = run(&["main~2", "HEAD", "--fail-on", "never", "--", "checklists/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    assert!(stdout_of(&out).contains("[item-removed]"));
    // An unknown revision: exit 2, the revision named.
    let out = run(&["no-such-branch", "HEAD", "--", "checklists/"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("`no-such-branch`"),
        "{}",
        stderr_of(&out)
    );
    // Said once, with what to do; not git's own words said again.
    let out = medsec()
        .current_dir(dir)
        .args([
            "--lang",
            "ja",
            "checklist",
            "diff",
            "mian",
            "HEAD",
            "--",
            "checklists/",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert_eq!(err.matches("リビジョン").count(), 1, "{err}");
    assert!(err.contains("`git fetch`"), "{err}");
    // Outside a repository: exit 2, saying so rather than blaming the revision.
    let outside = tempfile::tempdir().unwrap();
    let out = medsec()
        .current_dir(outside.path())
        .args(["checklist", "diff", "HEAD~1", "HEAD", "--", "checklists/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout_of(&out));
    assert!(
        stderr_of(&out).contains("not inside a git repository"),
        "{}",
        stderr_of(&out)
    );
    // A mistyped path, under which neither revision has a checklist: exit 2, the path named,
    // never "0 files compared" with exit 0.
    let out = run(&["main~2", "HEAD", "--", "checklist/"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout_of(&out));
    assert!(
        stderr_of(&out).contains("checklist/"),
        "{}",
        stderr_of(&out)
    );
}

/// Kinds, scopes and rules in a diff are said in the reader's words (病院、診療所), codes only
/// in JSON.
#[test]
fn form_and_kind_codes_stay_out_of_sentences() {
    let run = |lang: &str, format: &str| {
        let out = medsec()
            .args(["--lang", lang, "checklist", "diff", "--format", format])
            .args(["mhlw-institution@fy2025", "mhlw-pharmacy@fy2025"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let ja = run("ja", "table");
    assert!(ja.contains("対象施設: 病院、診療所 → 薬局"), "{ja}");
    assert!(
        !ja.contains("hospital") && !ja.contains("pharmacy]"),
        "{ja}"
    );
    let en = run("en", "table");
    assert!(
        en.contains("serves [hospital, clinic] -> [pharmacy]"),
        "{en}"
    );
    let json = run("ja", "json");
    assert!(
        json.contains("serves [hospital, clinic] -> [pharmacy]"),
        "{json}"
    );
}

#[test]
fn circled_numbers_past_twenty_renumbered_to_brackets_are_a_notation_change() {
    // ㉑ and (21) are one number in two notations (the import reads ①–㊿); a diff that knew
    // only ①–⑳ called this a renumbering that needs review.
    let dir = tempfile::tempdir().unwrap();
    let own = std::fs::read_to_string("tests/fixtures/own-checklist.toml").unwrap();
    let old = dir.path().join("old.toml");
    let new = dir.path().join("new.toml");
    std::fs::write(&old, own.replace("number = \"4-(1)\"", "number = \"4-㉑\"")).unwrap();
    std::fs::write(
        &new,
        own.replace("number = \"4-(1)\"", "number = \"4-(21)\""),
    )
    .unwrap();
    let (old_s, new_s) = (old.to_str().unwrap(), new.to_str().unwrap());
    let (code, d) = diff_json(&[old_s, new_s]);
    assert_eq!(code, 0, "{d}");
    assert_eq!(
        items_with(&d["changes"], "item-number-notation-changed"),
        ["own-restore-drill"]
    );
    assert!(
        items_with(&d["changes"], "item-renumbered").is_empty(),
        "{d}"
    );
    // A real renumbering (㉑ -> (22)) still is one.
    std::fs::write(
        &new,
        own.replace("number = \"4-(1)\"", "number = \"4-(22)\""),
    )
    .unwrap();
    let (_, d) = diff_json(&[old_s, new_s]);
    assert_eq!(
        items_with(&d["changes"], "item-renumbered"),
        ["own-restore-drill"]
    );
}

/// A new edition added beside the old one (`fy2026/` where `fy2025/` stays) is compared with
/// the newest older edition of its id and form, and the comment names both files.
#[test]
fn a_new_edition_file_is_compared_with_the_previous_edition() {
    let Some(repo) = git_repository() else {
        return;
    };
    let dir = repo.path();
    for year in ["fy2024", "fy2025"] {
        let folder = dir.join(format!("checklists/mhlw/{year}"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::copy(
            root().join(format!("checklists/mhlw/{year}/institution.toml")),
            folder.join("institution.toml"),
        )
        .unwrap();
    }
    git(dir, &["add", "."]).unwrap();
    git(dir, &["commit", "-q", "-m", "one"]).unwrap();
    std::fs::create_dir_all(dir.join("checklists/mhlw/fy2026")).unwrap();
    let out = medsec()
        .current_dir(dir)
        .args([
            "checklist",
            "new",
            "--from",
            "mhlw-institution@fy2025",
            "--edition",
            "fy2026",
            "--out",
            "checklists/mhlw/fy2026/institution.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    git(dir, &["add", "."]).unwrap();
    git(dir, &["commit", "-q", "-m", "two"]).unwrap();
    for lang in ["ja", "en"] {
        let out = medsec()
            .current_dir(dir)
            .args([
                "checklist",
                "diff",
                "main~1",
                "HEAD",
                "--format",
                "md",
                "--lang",
                lang,
                "--",
                "checklists/",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let md = stdout_of(&out);
        // Japanese puts no space before 「(」.
        let gap = if lang == "ja" { "" } else { " " };
        assert!(
            md.contains(&format!(
                "mhlw-institution@fy2025{gap}(main~1:checklists/mhlw/fy2025/institution.toml)"
            )) && md.contains(&format!(
                "mhlw-institution@fy2026{gap}(HEAD:checklists/mhlw/fy2026/institution.toml)"
            )),
            "{lang}: {md}"
        );
        assert!(md.contains("`edition-changed`"), "{lang}: {md}");
        let code = if lang == "ja" {
            "| コード |"
        } else {
            "| Code |"
        };
        assert!(md.contains(code), "{lang}: {md}");
    }
}

/// A missing path is not found (2); two empty folders are refused as revisions without
/// checklists are (2); an own checklist's items left out are 対象外 with their reason; a gate
/// change says 前提の質問である/でない.
#[test]
fn missing_paths_empty_folders_out_of_scope_and_gate_wording() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let run = |args: &[&str]| medsec().current_dir(w).args(args).output().unwrap();
    let out = run(&[
        "checklist",
        "diff",
        "nothing/here.toml",
        "other.toml",
        "--lang",
        "ja",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("`nothing/here.toml`が見つかりません"),
        "{}",
        stderr_of(&out)
    );
    std::fs::create_dir(w.join("a")).unwrap();
    std::fs::create_dir(w.join("b")).unwrap();
    let out = run(&["checklist", "diff", "a", "b"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout_of(&out));
    assert!(
        stderr_of(&out).contains("check the folders"),
        "{}",
        stderr_of(&out)
    );
    let example = root().join("examples/own-checklist.toml");
    let out = run(&[
        "checklist",
        "diff",
        "mhlw-institution@fy2025",
        example.to_str().unwrap(),
        "--lang",
        "ja",
        "--fail-on",
        "never",
    ]);
    let text = stdout_of(&out);
    assert!(
        text.contains("[item-out-of-scope]") && !text.contains("[item-removed]"),
        "{text}"
    );
    assert!(
        text.contains("対象外にしました。理由: リモート保守の契約がなく"),
        "{text}"
    );
    // A gate question changed.
    let base =
        std::fs::read_to_string(root().join("checklists/mhlw/fy2025/institution.toml")).unwrap();
    let i = base.find("id = \"medical-information-system\"").unwrap();
    let j = base[i..].find("gate = true").unwrap() + i;
    let mut changed = base.clone();
    changed.replace_range(j..j + "gate = true".len(), "gate = false");
    std::fs::write(w.join("new.toml"), changed).unwrap();
    std::fs::write(w.join("old.toml"), &base).unwrap();
    let out = run(&["checklist", "diff", "old.toml", "new.toml", "--lang", "ja"]);
    let text = stdout_of(&out);
    assert!(
        text.contains("前提の質問である → 前提の質問でない"),
        "{text}"
    );
}
