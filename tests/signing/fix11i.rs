//! Issue #11, the last re-review: a workbook the inspector names with `--checklist` is compared
//! with the bundle's checklist (or said not compared) whether or not the inspector also holds
//! that checklist (`checklist add`): the verdict is the one without the registration.

use super::common;
use super::fix11e::two_sections;
use super::verify_findings::{import_to, in_dir, official_like, report_against, workbook_bytes};
use serde_json::Value;
use std::path::Path;

/// `verify` in `dir` with `args`, the inspector's added checklists in `data`: (exit code, the
/// findings' codes and classes in order, the output: JSON in en, the table in ja).
fn verify_with(dir: &Path, registry: &Path, data: &Path, lang: &str, args: &[&str]) -> Verified {
    let run = |json: bool| {
        let mut cmd = in_dir(dir, registry, lang);
        cmd.env("MEDSEC_DATA_DIR", data).args(args).args([
            "--pubkey",
            "k.pub",
            "--as-of",
            "2026-07-01",
        ]);
        if json {
            cmd.args(["--format", "json"]);
        }
        cmd.output().unwrap()
    };
    let o = run(true);
    let json: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", common::stderr_of(&o)));
    let found = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["class"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let out = if lang == "en" {
        common::stdout_of(&o)
    } else {
        let t = run(false);
        common::stdout_of(&t) + &common::stderr_of(&t)
    };
    (o.status.code().unwrap(), found, out)
}

/// What [`verify_with`] gives.
type Verified = (i32, Vec<(String, String)>, String);

/// [`verify_with`] without the addition (`empty`) and with it (`data`), which must give the
/// same exit code and findings: (without, with).
fn added_or_not(w: &Path, registry: &Path, lang: &str, args: &[&str]) -> (Verified, Verified) {
    let plain = verify_with(w, registry, &w.join("empty"), lang, args);
    let added = verify_with(w, registry, &w.join("data"), lang, args);
    assert_eq!(
        (plain.0, &plain.1),
        (added.0, &added.1),
        "{lang}: {}",
        added.2
    );
    (plain, added)
}

/// The official-like workbook imported as `OFF.toml`, a report `b` signed on it, and an
/// inspector's data folder `data` where `OFF.toml` is added (`empty` holds none). Returns the
/// test registry.
fn registered_setup(w: &Path) -> std::path::PathBuf {
    common::keygen(&w.join("k"));
    let (_, registry) = official_like(w);
    import_to(w, &registry, "009999997.xlsx", "OFF.toml", &[]);
    report_against(w, &registry, "OFF.toml", "b");
    for folder in ["data", "empty"] {
        std::fs::create_dir(w.join(folder)).unwrap();
    }
    let o = in_dir(w, &registry, "en")
        .env("MEDSEC_DATA_DIR", w.join("data"))
        .args(["checklist", "add", "OFF.toml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr_of(&o));
    registry
}

/// The defect: with the bundle's checklist added on the inspector's machine, a workbook of the
/// same form and edition whose wording differs was neither compared nor said (valid, exit 0).
/// It is compared now: the same findings and exit as without the addition, in ja and en.
#[test]
fn a_workbook_given_is_compared_when_the_checklist_is_also_added() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let registry = registered_setup(w);
    std::fs::write(
        w.join("other.xlsx"),
        workbook_bytes("二要素認証の実装を検討している。"),
    )
    .unwrap();
    let args = ["verify", "b", "--checklist", "other.xlsx"];
    let (plain, plain_found, _) = verify_with(w, &registry, &w.join("empty"), "en", &args);
    assert_eq!(plain, 3, "{plain_found:?}");
    for (lang, want) in [("en", "`other.xlsx`"), ("ja", "`other.xlsx`")] {
        let (code, found, out) = verify_with(w, &registry, &w.join("data"), lang, &args);
        assert_eq!((code, &found), (plain, &plain_found), "{lang}: {out}");
        assert!(
            found.contains(&("checklist-not-inspectors".into(), "integrity".into())),
            "{found:?}"
        );
        let line = out
            .lines()
            .find(|l| l.contains("checklist-not-inspectors") && l.contains(want))
            .map(str::to_owned)
            .or_else(|| (lang == "en" && out.contains(want)).then(|| out.clone()));
        assert!(line.is_some(), "{lang}: {out}");
        assert!(
            !out.contains("有効です") && !out.contains("\"valid\""),
            "{lang}: {out}"
        );
    }
}

/// Neighbours: the matching workbook, a workbook of another form, the checklist file itself
/// and a reworded copy of it given with `--checklist`: each the same verdict added or not
/// (but the copy held, which is what the addition is for), and the bundled checklist's report
/// with a workbook is said not compared either way.
#[test]
fn neighbours_give_the_same_verdict_with_and_without_the_addition() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let registry = registered_setup(w);
    let forged = std::fs::read_to_string(w.join("OFF.toml"))
        .unwrap()
        .replace(
            "二要素認証を実装している。",
            "二要素認証の実装を検討している。",
        );
    std::fs::write(w.join("FORGE.toml"), forged).unwrap();
    std::fs::write(
        w.join("vendor.xlsx"),
        two_sections("試験用チェックリスト(令和8年度版)事業者確認用"),
    )
    .unwrap();
    let codes = |found: &[(String, String)]| -> Vec<String> {
        found.iter().map(|(c, _)| c.clone()).collect()
    };
    for lang in ["en", "ja"] {
        // The official workbook itself: confirmed, either way.
        let args = ["verify", "b", "--checklist", "009999997.xlsx"];
        let (_, added) = added_or_not(w, &registry, lang, &args);
        assert!(added.0 <= 1, "{:?}", added.1);
        assert!(
            codes(&added.1).contains(&"checklist-official-source".to_owned()),
            "{:?}",
            added.1
        );
        assert!(
            !codes(&added.1).contains(&"checklist-official-unconfirmed".to_owned()),
            "{:?}",
            added.1
        );

        // A workbook of another form: said not compared (warning), added or not.
        let args = ["verify", "b", "--checklist", "vendor.xlsx"];
        for data in ["empty", "data"] {
            let (_, found, out) = verify_with(w, &registry, &w.join(data), lang, &args);
            assert!(
                found.contains(&("checklist-workbook-other-form".into(), "warning".into())),
                "{lang} {data}: {found:?}"
            );
            assert!(out.contains("`vendor.xlsx`"), "{lang} {data}: {out}");
        }

        // The checklist file given: the inspector's own copy, added or not.
        let args = ["verify", "b", "--checklist", "OFF.toml"];
        let (plain, _) = added_or_not(w, &registry, lang, &args);
        assert!(plain.0 <= 1, "{:?}", plain.1);

        // A reworded copy of it given: another text than the report's, added or not.
        let args = ["verify", "b", "--checklist", "FORGE.toml"];
        let (plain, added) = added_or_not(w, &registry, lang, &args);
        assert_eq!(plain.0, 3, "{:?}", plain.1);
        assert!(added.2.contains("`FORGE.toml`"), "{lang}: {}", added.2);
    }

    // A report on a checklist bundled into medsec, with a workbook of its edition: not
    // compared, said so, added or not.
    report_against(w, &registry, "mhlw-institution@fy2025", "old");
    std::fs::write(
        w.join("r7.xlsx"),
        two_sections("試験用チェックリスト(令和7年度版)"),
    )
    .unwrap();
    for lang in ["en", "ja"] {
        let args = ["verify", "old", "--checklist", "r7.xlsx"];
        let (_, added) = added_or_not(w, &registry, lang, &args);
        assert!(
            added
                .1
                .contains(&("checklist-workbook-not-compared".into(), "note".into())),
            "{:?}",
            added.1
        );
        assert!(added.2.contains("`r7.xlsx`"), "{lang}: {}", added.2);
    }
}
