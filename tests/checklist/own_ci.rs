//! Own checklists in CI (issue #15, fix15a): a group's repository holds an imported MHLW base
//! and its own checklist over it. `checklist diff` over folders and revisions compares the own
//! checklist as it is used (linked to the base beside it), so base items taken out of scope and
//! their reasons are changes; taking one out within an edition breaks the answers given to it;
//! `checklist lint` of the folder finds the base among the files it lints.

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn medsec_in(dir: &Path, args: &[&str]) -> Run {
    run(medsec()
        .current_dir(dir)
        .env("MEDSEC_DATA_DIR", dir.join("no-user-data"))
        .args(args))
}

const TAKEN_OUT: &str = r#"
[[out_of_scope]]
item = "mds-sds"
reason.ja = "製品を入れた事業者との契約が終わっています。"
reason.en = "The contract with the vendor has ended."
"#;

/// A repository with `checklists/mhlw/institution.toml` (an FY2026 draft of the MHLW form, not
/// bundled) and `checklists/own/own.toml` over it, committed; then the own checklist with
/// 2-③ taken out of scope and 2-②'s reason changed, committed on top. `None` without git.
fn group_repository() -> Option<tempfile::TempDir> {
    let repo = git_repository()?;
    let dir = repo.path();
    std::fs::create_dir_all(dir.join("checklists/mhlw")).unwrap();
    std::fs::create_dir_all(dir.join("checklists/own")).unwrap();
    let r = medsec_in(
        dir,
        &[
            "checklist",
            "new",
            "--from",
            "mhlw-institution@fy2025",
            "--edition",
            "fy2026",
            "--out",
            "checklists/mhlw/institution.toml",
        ],
    );
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    let example = root().join("examples/own-checklist.toml");
    let r = medsec_in(
        dir,
        &[
            "--checklist",
            example.to_str().unwrap(),
            "checklist",
            "new",
            "--from",
            "example-institution@fy2025",
            "--edition",
            "fy2026",
            "--out",
            "checklists/own/own.toml",
        ],
    );
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    git(dir, &["add", "."])?;
    git(dir, &["commit", "-q", "-m", "one"])?;
    let own = dir.join("checklists/own/own.toml");
    let text = std::fs::read_to_string(&own).unwrap();
    let at = text.find("\n[[out_of_scope]]").unwrap() + 1;
    let mut changed = text.clone();
    changed.insert_str(at, &format!("{}\n", TAKEN_OUT.trim_start()));
    let changed = changed
        .replacen(
            "reason.ja = \"リモート保守の契約がなく、外部から保守のために接続する仕組みもありません。\"",
            "reason.ja = \"リモート保守の契約を解約しました。\"",
            1,
        )
        .replacen(
            "reason.en = \"There is no remote-maintenance contract and nothing lets a vendor connect from outside.\"",
            "reason.en = \"The remote-maintenance contract was cancelled.\"",
            1,
        );
    assert_ne!(changed, text);
    std::fs::write(&own, changed).unwrap();
    git(dir, &["commit", "-q", "-am", "two"])?;
    Some(repo)
}

fn codes(pair: &Value) -> Vec<(String, String, String)> {
    pair["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap().to_owned(),
                c["item"].as_str().unwrap_or("").to_owned(),
                c["impact"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn own_pair(d: &Value) -> &Value {
    d["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["new"]["id"] == "example-institution")
        .unwrap_or_else(|| panic!("{d:#}"))
}

fn expected() -> Vec<(String, String, String)> {
    [
        ("breaking-change-same-edition", "", "breaking"),
        ("item-out-of-scope", "mds-sds", "breaking"),
        (
            "item-out-of-scope-reason-changed",
            "remote-maintenance",
            "minor",
        ),
    ]
    .iter()
    .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
    .collect()
}

/// Two revisions and two folders: the own checklist's out-of-scope changes are said (named by
/// the item's printed number, with the reason in the reader's language), and taking an item
/// out within the edition is breaking (exit 1), as the two files given by path say.
#[test]
fn diff_of_revisions_and_folders_shows_out_of_scope_changes() {
    let Some(repo) = group_repository() else {
        return;
    };
    let dir = repo.path();
    let r = medsec_in(
        dir,
        &[
            "checklist",
            "diff",
            "--format",
            "json",
            "main~1",
            "main",
            "--",
            "checklists/",
        ],
    );
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    let d: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(codes(own_pair(&d)), expected(), "{d:#}");

    let r = medsec_in(
        dir,
        &[
            "checklist",
            "diff",
            "--lang",
            "ja",
            "main~1",
            "main",
            "--",
            "checklists/",
        ],
    );
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains(
            "重大 [item-out-of-scope] 2-③ 事業者から製造業者/サービス…: 対象外にしました。理由: 製品を入れた事業者との契約が終わっています。"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("[item-out-of-scope-reason-changed] 2-② ")
            && r.stdout.contains("→「リモート保守の契約を解約しました。」"),
        "{}",
        r.stdout
    );

    let r = medsec_in(
        dir,
        &[
            "checklist",
            "diff",
            "--lang",
            "en",
            "--format",
            "md",
            "main~1",
            "main",
            "--",
            "checklists/",
        ],
    );
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("| Impact | Code | Change |"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "| **breaking** | `item-out-of-scope` | 2-③ Have the vendor submit the…: out of scope here; reason: The contract with the vendor has ended. |"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("-&gt; 「The remote-maintenance contract was cancelled.」 |"),
        "{}",
        r.stdout
    );

    // The same two states as folders.
    for (rev, folder) in [("main~1", "old"), ("main", "new")] {
        for file in ["mhlw/institution.toml", "own/own.toml"] {
            let out = Command::new("git")
                .current_dir(dir)
                .args(["show", &format!("{rev}:checklists/{file}")])
                .output()
                .unwrap();
            let to = dir.join(folder).join(file);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, out.stdout).unwrap();
        }
    }
    let r = medsec_in(
        dir,
        &["checklist", "diff", "--format", "json", "old", "new"],
    );
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    let d: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(codes(own_pair(&d)), expected(), "{d:#}");
}

/// `checklist lint checklists/` finds the own checklist's base among the files it lints (no
/// `--checklist` needed), with and without `--base`; `--base` says the item taken out of scope
/// within the edition by its printed number.
#[test]
fn lint_finds_the_base_beside_the_own_checklist() {
    let Some(repo) = group_repository() else {
        return;
    };
    let dir = repo.path();
    let r = medsec_in(dir, &["checklist", "lint", "checklists/"]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("extends-unknown-base"), "{}", r.stdout);
    for (lang, said) in [
        (
            "ja",
            "回答を引き継げなくなるもの(item-out-of-scope 2-③ 事業者から製造業者/サービス…)",
        ),
        ("en", "(item-out-of-scope 2-③ Have the vendor submit the…)"),
    ] {
        let r = medsec_in(
            dir,
            &[
                "checklist",
                "lint",
                "--lang",
                lang,
                "--base",
                "main~1",
                "checklists/",
            ],
        );
        assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
        assert!(!r.stdout.contains("extends-unknown-base"), "{}", r.stdout);
        assert!(
            r.stdout.contains("[breaking-change-same-edition]") && r.stdout.contains(said),
            "{lang}: {}",
            r.stdout
        );
    }
}

/// Answers given to an item the own checklist then took out within the same edition: `status`
/// names the item and the reason and says to remove the answer (no `init --from` advice: the
/// file is for this very edition).
#[test]
fn status_says_an_answer_to_an_item_taken_out_of_scope_within_the_edition() {
    let Some(repo) = group_repository() else {
        return;
    };
    let dir = repo.path();
    let with_own = |args: &[&str]| {
        let mut all = vec![
            "--checklist",
            "checklists/mhlw/institution.toml",
            "--checklist",
            "checklists/own/own.toml",
        ];
        all.extend_from_slice(args);
        medsec_in(dir, &all)
    };
    // Answers made before the change (the own checklist of main~1).
    git(dir, &["checkout", "-q", "main~1"]).unwrap();
    let r = with_own(&["init", "--out", "answers.toml"]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    let text = std::fs::read_to_string(dir.join("answers.toml")).unwrap();
    let at = text
        .find("item = \"mds-sds\"")
        .expect("2-③ is asked before");
    let end = text[at..].find("answer = \"\"").unwrap() + at;
    let mut answered = text.clone();
    answered.replace_range(end..end + "answer = \"\"".len(), "answer = \"yes\"");
    std::fs::write(dir.join("answers.toml"), answered).unwrap();
    git(dir, &["checkout", "-q", "main"]).unwrap();
    for (lang, said) in [
        (
            "ja",
            "項目「2-③ 事業者から製造業者/サービス…」は`example-institution@fy2026`では対象外です。同じ版のうちに対象外になった項目への回答は使えないため、回答ファイルからその回答を削除してください。対象外の理由: 製品を入れた事業者との契約が終わっています。",
        ),
        (
            "en",
            "item 「2-③ Have the vendor submit the…」 is out of scope in `example-institution@fy2026`: it was taken out within this edition, so remove its answer from the answers file; the reason given: The contract with the vendor has ended.",
        ),
    ] {
        let r = with_own(&["status", "answers.toml", "--lang", lang]);
        assert_eq!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        assert!(!r.stderr.contains("init --from"), "{lang}: {}", r.stderr);
    }
}

/// Two revisions without `-- PATH`: said as revisions that need the paths, with the command.
#[test]
fn revisions_without_paths_are_told_to_give_them() {
    let Some(repo) = group_repository() else {
        return;
    };
    let dir = repo.path();
    for (lang, said) in [
        ("ja", "`main~1`と`main`はgitのリビジョンです。リビジョン同士を比べるときは、比べるパスを`--`の後に書いてください(例: `medsec checklist diff main~1 main -- checklists/`)。"),
        ("en", "`main~1` and `main` are git revisions: to compare them, give the paths after `--`"),
    ] {
        let r = medsec_in(dir, &["checklist", "diff", "--lang", lang, "main~1", "main"]);
        assert_eq!(r.code, Some(2), "{lang}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
    }
}
