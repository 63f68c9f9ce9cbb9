//! Issue #12, what was left after the day's fixes (fix12g): status and check agree on evidence
//! the answers cite but that is missing.

use crate::common;
use common::{medsec, stdout_of};
use std::path::{Path, PathBuf};

/// The example clinic in `tmp` without the `ledger.csv` its answers cite as evidence.
fn clinic_without_ledger(tmp: &Path) -> PathBuf {
    let dir = tmp.join("clinic");
    std::fs::create_dir_all(dir.join("backup")).unwrap();
    let example = common::root().join("examples/clinic");
    for f in ["answers.toml", "probes.toml"] {
        std::fs::copy(example.join(f), dir.join(f)).unwrap();
    }
    for e in std::fs::read_dir(example.join("backup")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("backup").join(e.file_name())).unwrap();
    }
    dir
}

/// A complete answers file citing evidence that is not there: status's next step is to put
/// the evidence in place (not `report`, which would stop on it), and check stops with exit 2
/// printing the status and its summary with the cause, the same next step, nothing written.
#[test]
fn missing_evidence_is_the_next_step_of_status_and_the_cause_check_names() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = clinic_without_ledger(tmp.path());
    for (lang, next, missing) in [
        (
            "ja",
            "報告書を作る前に、回答に挙げた証跡`ledger.csv`を置いてください",
            "回答に挙げた証跡ファイル1件が見つかりません",
        ),
        (
            "en",
            "before making the report, put the evidence the answers cite, `ledger.csv`, in place",
            "an evidence file the answers cite is missing",
        ),
    ] {
        let o = medsec()
            .current_dir(&dir)
            .args([
                "--lang",
                lang,
                "status",
                "answers.toml",
                "--as-of",
                "2025-11-01",
            ])
            .output()
            .unwrap();
        let out = stdout_of(&o);
        assert_eq!(o.status.code(), Some(0), "{lang}: {out}");
        assert!(out.contains(next), "{lang}: {out}");
        assert!(!out.contains("medsec report --answers"), "{lang}: {out}");

        let o = check_in(&dir, lang, "answers.toml");
        let out = stdout_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {out}");
        assert!(out.contains("[evidence-missing]"), "{lang}: {out}");
        assert!(out.contains(missing), "{lang}: {out}");
        let again =
            "`medsec check --answers answers.toml --probes probes.toml --out o --as-of 2025-11-01";
        assert!(out.contains(again), "{lang}: {out}");
        assert!(!dir.join("o").exists(), "{lang}: written");
    }
}

/// `--answers ledger.csv` (a spreadsheet): the next step says it is no answers file and gives
/// the command that imports a sheet into one, and the rerun with that file.
#[test]
fn a_sheet_given_as_answers_is_pointed_at_answer_import() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = clinic_without_ledger(tmp.path());
    std::fs::copy(
        common::root().join("examples/clinic/ledger.csv"),
        dir.join("ledger.csv"),
    )
    .unwrap();
    for (lang, said) in [
        (
            "ja",
            "`ledger.csv`は表計算のシートで、回答ファイルではありません",
        ),
        ("en", "`ledger.csv` is a spreadsheet, not an answers file"),
    ] {
        let o = check_in(&dir, lang, "ledger.csv");
        let out = stdout_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {out}");
        assert!(out.contains(said), "{lang}: {out}");
        assert!(
            out.contains("`medsec answer ANSWERS.toml --import ledger.csv`"),
            "{lang}: {out}"
        );
        assert!(
            out.contains("`medsec check --answers ANSWERS.toml --probes probes.toml --out o"),
            "{lang}: {out}"
        );
        assert!(!out.contains("--answers ledger.csv"), "{lang}: {out}");
    }
}

/// A signed bundle at `dir`.
fn bundle_at(dir: &Path, key: &common::bundle::TestKey) {
    common::bundle::write_bundle(dir, &common::bundle::report_value("0111111111", 2025));
    key.sign_bundle(dir, None);
}

/// `status` of the folder `check --out` wrote names the `bundle/` inside and the command on
/// it; of a folder of bundles, `medsec summarize`. summarize shows a folder named `bundle`
/// with the folder above it, so rows are told apart.
#[test]
fn a_folder_holding_bundles_is_pointed_at_them() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let key = common::bundle::TestKey::new(root, "hospital");
    bundle_at(&root.join("inbox/c/bundle"), &key);
    bundle_at(&root.join("inbox/midori"), &key);
    let status = |lang: &str, path: &str| {
        medsec()
            .current_dir(root)
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, "status", path])
            .output()
            .unwrap()
    };
    for (lang, one, many) in [
        (
            "ja",
            "中の`inbox/c/bundle`が報告書一式です: `medsec status inbox/c/bundle`で確認できます",
            "中に報告書一式が2件あります。一覧は`medsec summarize inbox`で作れます",
        ),
        (
            "en",
            "the bundle is `inbox/c/bundle` inside it: see it with `medsec status inbox/c/bundle`",
            "it holds 2 report bundles: list them with `medsec summarize inbox`",
        ),
    ] {
        let o = status(lang, "inbox/c");
        assert_eq!(o.status.code(), Some(2), "{lang}");
        // `inbox/c` as given, `\bundle` joined to it on Windows: compared with `/`.
        assert!(
            common::slashed(&common::stderr_of(&o)).contains(one),
            "{lang}: {}",
            common::stderr_of(&o)
        );
        let o = status(lang, "inbox");
        assert_eq!(o.status.code(), Some(2), "{lang}");
        assert!(
            common::stderr_of(&o).contains(many),
            "{lang}: {}",
            common::stderr_of(&o)
        );
    }
    let o = medsec()
        .current_dir(root)
        .args(common::bundle::checklist_args())
        .args(["--lang", "en", "summarize", "inbox", "--pubkey"])
        .arg(&key.public)
        .output()
        .unwrap();
    let out = stdout_of(&o);
    assert!(out.contains(&common::native("c/bundle")), "{out}");
    assert!(out.contains("midori"), "{out}");
}

/// Lists inside Japanese sentences are joined in Japanese (a keys.toml typo), and an empty
/// answers file is said to be empty.
#[test]
fn lists_are_joined_in_the_language_and_an_empty_file_is_said_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let key = common::bundle::TestKey::new(root, "hospital");
    bundle_at(&root.join("bundle"), &key);
    std::fs::write(
        root.join("keys.toml"),
        "format_version = 1\n[institutions.\"0111111111\"]\nkey = [\"x\"]\n",
    )
    .unwrap();
    for (lang, list) in [("ja", "`name`、`keys`"), ("en", "`name`, `keys`")] {
        let o = medsec()
            .current_dir(root)
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, "verify", "bundle", "--trusted", "keys.toml"])
            .output()
            .unwrap();
        let err = common::stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        assert!(err.contains(list), "{lang}: {err}");
        assert!(!err.contains(" or "), "{lang}: {err}");
    }
    std::fs::write(root.join("empty.toml"), "").unwrap();
    for (lang, said) in [("ja", "ファイルが空です"), ("en", "the file is empty")] {
        let o = medsec()
            .current_dir(root)
            .args(["--lang", lang, "status", "empty.toml"])
            .output()
            .unwrap();
        let all = format!("{}{}", stdout_of(&o), common::stderr_of(&o));
        assert_eq!(o.status.code(), Some(2), "{lang}: {all}");
        assert!(all.contains(said), "{lang}: {all}");
        assert!(!all.contains("`format_version`"), "{lang}: {all}");
    }
}

/// No message sends a user to a docs/*.md page their install lacks: the catalog's messages
/// (comments aside) never name one, and the two met most say the thing itself.
#[test]
fn messages_say_the_thing_not_a_docs_page() {
    for lang in ["ja", "en"] {
        let text = std::fs::read_to_string(common::root().join(format!("i18n/{lang}/medsec.ftl")))
            .unwrap();
        let offending: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && l.contains("docs/"))
            .collect();
        assert!(offending.is_empty(), "{lang}: {offending:#?}");
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::write(
        root.join("probes.toml"),
        "[[probe]]\nkind = \"asset-ledger\"\npth = \"ledger.csv\"\n",
    )
    .unwrap();
    for (lang, said) in [("ja", "使える設定: `"), ("en", "the settings here: `")] {
        let o = medsec()
            .current_dir(root)
            .args(["--lang", lang, "probe", "--config", "probes.toml"])
            .output()
            .unwrap();
        let err = common::stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        assert!(err.contains(said), "{lang}: {err}");
        assert!(!err.contains("docs/"), "{lang}: {err}");
    }
    for (lang, said) in [("ja", "使えるコード: `"), ("en", "the codes are `")] {
        let o = medsec()
            .args([
                "--lang",
                lang,
                "checklist",
                "lint",
                "--allow",
                "nonsense-code",
            ])
            .arg(common::root().join("examples/own-checklist.toml"))
            .output()
            .unwrap();
        let err = common::stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        assert!(err.contains(said), "{lang}: {err}");
        assert!(!err.contains("docs/"), "{lang}: {err}");
    }
}

/// `medsec check` in `dir` on `answers` with the clinic's probes, judged on 2025-11-01, into `o`.
fn check_in(dir: &std::path::Path, lang: &str, answers: &str) -> std::process::Output {
    medsec()
        .current_dir(dir)
        .args(["--lang", lang, "check", "--non-interactive"])
        .args(["--answers", answers, "--probes", "probes.toml"])
        .args(["--as-of", "2025-11-01", "--out", "o"])
        .output()
        .unwrap()
}
