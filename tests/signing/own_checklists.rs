//! Own checklists that extend an MHLW edition (`extends`, `[[out_of_scope]]`), as users meet
//! them: lint, show, init, answer, status, report --sign and verify on the effective checklist;
//! each wrong extension an exit-2 error naming the file and the key.

use crate::common;

use crate::own_setup::*;
use common::{fill_institution, keygen};
use serde_json::Value;
use std::path::Path;

const INSTITUTION_EDITIONS: [i16; 3] = [2023, 2024, 2025];

/// An own checklist over `mhlw-institution@fyYEAR`: one base item left out, one own item.
fn own_checklist(year: i16) -> String {
    format!(
        r#"format_version = 1
id = "own-institution"
edition = "fy{year}"
fiscal_year = {year}
form = "institution"
publisher = "own"
guideline_version = "6.0"
serves = ["hospital"]
extends = "mhlw-institution@fy{year}"

[title]
ja = "院内追加チェック(テスト)"
en = "In-house additional checks (test)"

[[out_of_scope]]
item = "remote-maintenance"
reason = {{ ja = "リモート保守の契約がありません。", en = "There is no remote-maintenance contract." }}

[[sections]]
id = "4"
title = {{ ja = "院内規程", en = "In-house rules" }}

[[items]]
id = "own-restore-drill"
number = "4-(1)"
section = "4"
requirement = "required"
text.ja = "電子カルテサーバのバックアップから、年1回以上、復元の訓練を行っている。"
text.en = "At least once a year, a restore from the electronic medical record server's backup is rehearsed."
guidance.ja = "訓練の日付、復元したデータの範囲、所要時間を記録として残す。"
guidance.en = "Keep the date of the drill, what was restored and how long it took."
verified = true
"#
    )
}

/// An empty working folder, and the path of examples/own-checklist.toml.
fn example_workspace() -> (tempfile::TempDir, String) {
    let example = common::root().join("examples/own-checklist.toml");
    (
        tempfile::tempdir().unwrap(),
        example.to_str().unwrap().to_owned(),
    )
}

#[test]
fn an_extension_over_each_institution_edition_round_trips() {
    for year in INSTITUTION_EDITIONS {
        let tmp = tempfile::tempdir().unwrap();
        let w = tmp.path();
        std::fs::write(w.join("own.toml"), own_checklist(year)).unwrap();
        let own = ["--checklist", "own.toml"];
        let with_own = |args: &[&str]| -> (i32, String, String) {
            let all: Vec<&str> = own.iter().chain(args).copied().collect();
            run(w, &all)
        };

        // Lint and show.
        let (code, out, err) = with_own(&["checklist", "lint", "own.toml"]);
        assert_eq!(code, 0, "fy{year}: {out}{err}");
        let ids = item_ids(w, &format!("own-institution@fy{year}"));
        let base = item_ids(w, &format!("mhlw-institution@fy{year}"));
        assert!(!ids.contains(&"remote-maintenance".to_owned()), "fy{year}");
        assert_eq!(ids.last().map(String::as_str), Some("own-restore-drill"));
        assert_eq!(ids.len(), base.len(), "fy{year}: one out, one in");
        let (code, out, _) = with_own(&[
            "checklist",
            "show",
            &format!("own-institution@fy{year}"),
            "--lang",
            "ja",
        ]);
        assert_eq!(code, 0);
        assert!(
            out.contains(&format!("拡張元: mhlw-institution@fy{year}")),
            "{out}"
        );
        assert!(out.contains("対象外") && out.contains("リモート保守の契約がありません。"));

        // init and answers for every item of the effective checklist.
        let (code, _, err) = with_own(&["init", "--out", "answers.toml"]);
        assert_eq!(code, 0, "fy{year}: {err}");
        let text = std::fs::read_to_string(w.join("answers.toml")).unwrap();
        assert!(text.contains("own-restore-drill"));
        assert!(
            !text.contains("\"remote-maintenance\""),
            "out of scope is never asked"
        );
        answer_every_item(w, year, &ids);
        let as_of = format!("{year}-11-01");
        let (code, out, err) = with_own(&["status", "answers.toml", "--as-of", &as_of]);
        assert_eq!(code, 0, "fy{year}: complete after answering: {out}{err}");
        let (_, out, _) = with_own(&["status", "answers.toml", "--as-of", &as_of, "--lang", "ja"]);
        assert!(
            out.contains("対象外") && out.contains("リモート保守の契約がありません。"),
            "fy{year}: the item left out is shown with its reason: {out}"
        );
        let (_, out, _) = with_own(&[
            "status",
            "answers.toml",
            "--as-of",
            &as_of,
            "--format",
            "json",
        ]);
        let status = json(&out);
        let summary = &status["forms"][0]["checklist"];
        assert_eq!(summary["extends"]["id"], "mhlw-institution", "{summary}");
        assert_eq!(summary["out_of_scope"][0]["item"], "remote-maintenance");

        // The signed report names the extension and its base, each with its digest.
        keygen(&w.join("hospital"));
        let (code, out, err) = with_own(&signed_report("hospital.key"));
        assert_eq!(code, 0, "fy{year}: {out}{err}");
        let report = json(&std::fs::read_to_string(w.join("bundle/report.json")).unwrap());
        let checklist = &report["checklist"];
        assert_eq!(checklist["id"], "own-institution");
        let extends = &checklist["extends"];
        assert_eq!(extends["id"], "mhlw-institution", "{checklist}");
        assert_eq!(extends["edition"], format!("fy{year}"));
        let (_, shown, _) = with_own(&[
            "checklist",
            "show",
            &format!("mhlw-institution@fy{year}"),
            "--format",
            "json",
        ]);
        assert_eq!(extends["digest"], json(&shown)["digest"]);
        let (_, shown, _) = with_own(&[
            "checklist",
            "show",
            &format!("own-institution@fy{year}"),
            "--format",
            "json",
        ]);
        assert_eq!(checklist["digest"], json(&shown)["digest"]);
        assert_ne!(checklist["digest"], extends["digest"]);

        // verify: exit 0 with the extension given; 3 when it was changed afterwards.
        let verify = |extra: &[&str]| {
            let mut args = vec!["verify", "bundle", "--pubkey", "hospital.pub", "--as-of"];
            args.push(&as_of);
            args.extend_from_slice(extra);
            args.extend_from_slice(&["--format", "json"]);
            run(w, &args)
        };
        let (code, out, err) = verify(&["--checklist", "own.toml"]);
        assert_eq!(code, 0, "fy{year}: {out}{err}");
        // status of the bundle, without the own checklist given: complete, as report made it,
        // the base's items with the own ones.
        let (code, out, err) = run(
            w,
            &["status", "bundle", "--as-of", &as_of, "--format", "json"],
        );
        assert_eq!(code, 0, "fy{year}: {out}{err}");
        let status = json(&out);
        assert_eq!(status["complete"], true, "fy{year}: {status}");
        assert_eq!(
            status["forms"][0]["checklist"]["extends"]["id"], "mhlw-institution",
            "fy{year}: {status}"
        );
        // The printed report shows the own items by their wording.
        let (code, out, err) = run(
            w,
            &[
                "render",
                "bundle",
                "--format",
                "md",
                "--pubkey",
                "hospital.pub",
                "--checklist",
                "own.toml",
                "--lang",
                "ja",
            ],
        );
        assert_eq!(code, 0, "fy{year}: {out}{err}");
        assert!(out.contains("4-(1)"), "fy{year}: {out}");
        // Base items by their wording too: the own checklist was linked to its base.
        assert!(
            out.contains("医療情報システム安全管理責任者"),
            "fy{year}: {out}"
        );
        // The base items left out are listed, 対象外 with their reason, under the base's name.
        assert!(
            out.contains("### 対象外とした項目: `own-institution@fy")
                && out.contains(&format!("`mhlw-institution@fy{year}`(sha256:"))
                && out.contains("| 対象外 | リモート保守の契約がありません。 |"),
            "fy{year}: {out}"
        );
        let (code, html, err) = run(
            w,
            &[
                "render",
                "bundle",
                "--format",
                "html",
                "--pubkey",
                "hospital.pub",
                "--checklist",
                "own.toml",
                "--lang",
                "en",
            ],
        );
        assert_eq!(code, 0, "fy{year}: {err}");
        assert!(
            html.contains("out-of-scope-")
                && html.contains("There is no remote-maintenance contract."),
            "fy{year}: {html}"
        );
        // The bundle carries the own checklist (signed with it): verify uses that copy, unless
        // the inspector holds that id@edition with another text (the institution answered
        // another text than theirs: 3, both digests named); a changed copy in the bundle fails
        // the manifest.
        std::fs::write(
            w.join("tampered.toml"),
            own_checklist(year).replace("年1回以上", "年2回以上"),
        )
        .unwrap();
        let (code, out, err) = verify(&["--checklist", "tampered.toml"]);
        assert_eq!(code, 3, "fy{year}: {out}{err}");
        assert!(out.contains("checklist-not-inspectors"), "fy{year}: {out}");
        assert!(!out.contains("checklist-unknown"), "fy{year}: {out}");
        let (code, out, err) = verify(&[]);
        assert_eq!(code, 0, "fy{year}: {out}{err}");
        let carried = w.join(format!("bundle/checklists/own-institution-fy{year}.toml"));
        let text = std::fs::read_to_string(&carried).unwrap();
        assert!(text.contains("年1回以上"), "{text}");
        std::fs::write(&carried, text.replace("年1回以上", "年2回以上")).unwrap();
        let (code, out, err) = verify(&[]);
        assert_eq!(code, 3, "fy{year}: {out}{err}");
        assert!(
            out.contains(&format!("checklists/own-institution-fy{year}.toml")),
            "{out}"
        );
    }
}

/// An MHLW item the form asks every institution to answer, left out by an own checklist, is
/// `base-item-required-out-of-scope` wherever it can be seen: a `checklist lint` error at its
/// `[[out_of_scope]]` entry (every format, SARIF rule metadata), a `status` finding (exit 1), a
/// finding `report` records, and a `verify` finding said once (exit 1), as the printed report
/// says it: the form has no 対象外 for it and an inspection checks every item. What the form lets
/// an institution leave out (no vendor contract, a recommended or next-year item) stays the
/// verify warning `base-item-out-of-scope`, and is no finding elsewhere.
#[test]
fn leaving_out_an_item_every_institution_answers_is_said_everywhere() {
    const CODE: &str = "base-item-required-out-of-scope";
    let cases: [(i16, &[&str], &[&str], i32); 2] = [
        (
            2025,
            &["remote-maintenance", "two-factor-authentication"],
            &["asset-ledger"],
            1,
        ),
        (2023, &["remote-maintenance", "cyber-bcp"], &[], 0),
    ];
    let words = [
        (
            "ja",
            ["2-① ", "全ての医療機関等が回答する項目", "当院の判断です。"],
        ),
        (
            "en",
            [
                "2-① ",
                "asks every institution to answer",
                "Our own decision.",
            ],
        ),
    ];
    for (year, allowed, required, exit) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let w = tmp.path();
        let mut own = own_checklist(year);
        for item in allowed.iter().chain(required).skip(1) {
            own = own.replacen(
                "[[sections]]",
                &format!(
                    "[[out_of_scope]]\nitem = \"{item}\"\nreason = {{ ja = \"当院の判断です。\", en = \"Our own decision.\" }}\n\n[[sections]]"
                ),
                1,
            );
        }
        std::fs::write(w.join("own.toml"), own).unwrap();
        let with_own = |args: &[&str]| {
            let all: Vec<&str> = ["--checklist", "own.toml"]
                .iter()
                .chain(args)
                .copied()
                .collect();
            run(w, &all)
        };
        let said = |out: &str| out.matches(CODE).count();

        // lint: an error at each such entry of `[[out_of_scope]]`, in every format.
        let (code, out, err) = with_own(&["checklist", "lint", "own.toml", "--format", "json"]);
        assert_eq!(code, exit, "fy{year}: lint: {out}{err}");
        let lint = json(&out);
        let found: Vec<&Value> = lint["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == CODE)
            .collect();
        assert_eq!(found.len(), required.len(), "fy{year}: {out}");
        for d in &found {
            assert_eq!(d["severity"], "error", "{d}");
            // The line of `item = "asset-ledger"` in the file.
            assert!(d["line"].as_u64().unwrap() > 10, "{d}");
        }
        for format in ["sarif", "junit", "table"] {
            let (code, out, _) = with_own(&["checklist", "lint", "own.toml", "--format", format]);
            assert_eq!(code, exit, "fy{year} {format}: {out}");
            let results = if format == "sarif" {
                let sarif = json(&out);
                let rules = &sarif["runs"][0]["tool"]["driver"]["rules"];
                if !required.is_empty() {
                    let rule = rules
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|r| r["id"] == CODE)
                        .unwrap_or_else(|| panic!("{rules}"));
                    assert!(rule["shortDescription"]["text"].as_str().unwrap().len() > 10);
                }
                sarif["runs"][0]["results"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|r| r["ruleId"] == CODE)
                    .count()
            } else if format == "junit" {
                out.matches(&format!("type=\"{CODE}\"")).count()
            } else {
                said(&out)
            };
            assert_eq!(results, required.len(), "fy{year} {format}: {out}");
        }
        if !required.is_empty() {
            for (lang, words) in words {
                let (_, out, _) = with_own(&["checklist", "lint", "own.toml", "--lang", lang]);
                for word in words {
                    assert!(out.contains(word), "lint {lang} {word}: {out}");
                }
            }
        }

        // status of an answers file answering every item: a finding (exit 1).
        let (code, out, err) = with_own(&["init", "--out", "answers.toml"]);
        assert_eq!(code, 0, "{out}{err}");
        let ids = item_ids(w, &format!("own-institution@fy{year}"));
        answer_every_item(w, year, &ids);
        let as_of = format!("{year}-11-01");
        let status = |extra: &[&str]| {
            let mut args = vec!["status", "answers.toml", "--as-of", &as_of];
            args.extend_from_slice(extra);
            with_own(&args)
        };
        let (code, out, err) = status(&["--format", "json"]);
        assert_eq!(code, exit, "fy{year}: status: {out}{err}");
        let findings: Vec<Value> = json(&out)["forms"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == CODE)
            .cloned()
            .collect();
        let items: Vec<&str> = findings
            .iter()
            .map(|f| f["item"].as_str().unwrap())
            .collect();
        assert_eq!(items, required, "fy{year}: {out}");
        if !required.is_empty() {
            for (lang, words) in words {
                let (code, out, _) = status(&["--lang", lang]);
                assert_eq!(code, 1, "{lang}: {out}");
                assert_eq!(said(&out), 1, "{lang}: {out}");
                for word in words {
                    assert!(out.contains(word), "status {lang} {word}: {out}");
                }
            }
            // check stops at its status step on it, as on any error finding (nothing written).
            let (code, out, err) =
                with_own(&["check", "--answers", "answers.toml", "--as-of", &as_of]);
            assert_eq!(code, 1, "fy{year}: check: {out}{err}");
            assert_eq!(said(&out), 1, "fy{year}: check: {out}");
            assert!(!w.join("bundle").exists(), "fy{year}: check wrote a bundle");
        }

        // report: recorded in report.json (exit 1, the bundle written and signed all the same).
        keygen(&w.join("k"));
        let (code, out, err) = with_own(&signed_report("k.key"));
        assert_eq!(code, exit, "fy{year}: report: {out}{err}");
        let report = json(&std::fs::read_to_string(w.join("bundle/report.json")).unwrap());
        let recorded: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == CODE)
            .map(|f| f["item"].as_str().unwrap())
            .collect();
        assert_eq!(recorded, required, "fy{year}: {report}");
        let html = std::fs::read_to_string(w.join("bundle/report.html")).unwrap();
        assert_eq!(said(&html), required.len(), "fy{year}: report.html");

        // `verify` or `summarize` of the bundle, as of the year's November.
        let on_bundle = |command: &str, extra: &[&str]| {
            let mut args = vec![command, "bundle", "--pubkey", "k.pub", "--as-of", &as_of];
            args.extend_from_slice(extra);
            run(w, &args)
        };
        let verify = |extra: &[&str]| on_bundle("verify", extra);
        let (code, out, err) = verify(&["--format", "json"]);
        assert_eq!(code, exit, "fy{year}: {out}{err}");
        assert!(!out.contains("findings-disagree"), "fy{year}: {out}");
        let findings = json(&out)["bundles"][0]["findings"].clone();
        let of = |item: &str| {
            let all: Vec<Value> = findings
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["item"] == item && f["code"] != "unanswered")
                .cloned()
                .collect();
            // Said once: recorded, and found again by the re-run.
            assert_eq!(all.len(), 1, "fy{year} {item}: {findings}");
            all[0].clone()
        };
        let expected = allowed
            .iter()
            .map(|i| (i, "base-item-out-of-scope", "warning"))
            .chain(required.iter().map(|i| (i, CODE, "finding")));
        for (item, code, class) in expected {
            assert_eq!(of(item)["code"], code, "fy{year} {item}");
            assert_eq!(of(item)["class"], class, "fy{year} {item}");
        }
        if required.is_empty() {
            continue;
        }
        // In words, in both languages: the item by its number, what to do, and the reason,
        // once in verify, status of the bundle and the printed report.
        for (lang, words) in words {
            let (code, out, _) = verify(&["--lang", lang]);
            assert_eq!(code, 1);
            assert_eq!(said(&out), 1, "{lang}: {out}");
            let (code, bundle_status, _) =
                run(w, &["status", "bundle", "--as-of", &as_of, "--lang", lang]);
            assert_eq!(code, 1, "{lang}: {bundle_status}");
            assert_eq!(said(&bundle_status), 1, "{lang}: {bundle_status}");
            let (code, md, err) = run(
                w,
                &[
                    "render",
                    "bundle",
                    "--format",
                    "md",
                    "--pubkey",
                    "k.pub",
                    "--checklist",
                    "own.toml",
                    "--lang",
                    lang,
                ],
            );
            assert!(code == 0 || code == 1, "{lang}: {err}");
            // Once in the findings table (verify's findings are listed in their own section).
            assert_eq!(
                md.matches(&format!("| `{CODE}`")).count(),
                1,
                "{lang}: {md}"
            );
            for text in [&out, &bundle_status, &md] {
                for word in words {
                    assert!(text.contains(word), "{lang} {word}: {text}");
                }
            }
        }
        let (code, out, _) = on_bundle("summarize", &["--format", "json"]);
        assert_eq!(code, 1);
        let row = &json(&out)["bundles"][0];
        assert_eq!(row["worst_finding"], CODE, "{row}");
        assert_eq!(row["out_of_scope"], 3, "{row}");

        // A bundle made before report recorded it (the finding taken out, signed again):
        // verify finds it from the checklist alone, once, and does not call the report wrong.
        let path = w.join("bundle/report.json");
        let mut old = json(&std::fs::read_to_string(&path).unwrap());
        old["findings"]
            .as_array_mut()
            .unwrap()
            .retain(|f| f["code"] != CODE);
        std::fs::write(&path, serde_json::to_string_pretty(&old).unwrap() + "\n").unwrap();
        let (code, out, err) = run(w, &["sign", "bundle", "--key", "k.key"]);
        assert_eq!(code, 0, "{out}{err}");
        let (code, out, err) = verify(&[]);
        assert_eq!(code, 1, "{out}{err}");
        assert_eq!(said(&out), 1, "{out}");
        assert!(!out.contains("findings-disagree"), "{out}");
    }
}

#[test]
fn a_changed_base_is_a_verify_finding() {
    let year = 2025;
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::write(w.join("own.toml"), own_checklist(year)).unwrap();
    let (code, _, err) = run(w, &["--checklist", "own.toml", "init", "--out", "a.toml"]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(w.join("a.toml"))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト病院\"")
        .replace("code = \"\"", "code = \"0110113719\"");
    std::fs::write(w.join("a.toml"), text).unwrap();
    keygen(&w.join("k"));
    let (code, out, err) = run(
        w,
        &[
            "--checklist",
            "own.toml",
            "report",
            "--answers",
            "a.toml",
            "--out",
            "bundle",
            "--sign",
            "k.key",
        ],
    );
    // Unanswered items are findings in the report, not a failure to make it.
    assert!(code == 0 || code == 1, "{out}{err}");
    // The same own checklist over a base that differs from the one the report was made on.
    let base =
        std::fs::read_to_string(common::root().join("checklists/mhlw/fy2025/institution.toml"))
            .unwrap()
            .replace(
                "(令和7年度版) 医療機関確認用",
                "(令和7年度版・改) 医療機関確認用",
            );
    std::fs::write(w.join("base.toml"), base).unwrap();
    let (code, out, err) = run(
        w,
        &[
            "verify",
            "bundle",
            "--pubkey",
            "k.pub",
            "--checklist",
            "base.toml",
            "--checklist",
            "own.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 3, "{out}{err}");
    assert!(out.contains("checklist-base-changed"), "{out}");
    // The message names the base recorded and the base now, each as `ID@EDITION (sha256:…)`.
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let message = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "checklist-base-changed")
        .and_then(|f| f["message"].as_str())
        .unwrap()
        .to_owned();
    assert_eq!(
        message.matches("mhlw-institution@fy2025 (sha256:").count(),
        2,
        "{message}"
    );
    // In Japanese, no space before 「(」.
    let (code, out, err) = run(
        w,
        &[
            "verify",
            "bundle",
            "--pubkey",
            "k.pub",
            "--checklist",
            "base.toml",
            "--checklist",
            "own.toml",
            "--lang",
            "ja",
        ],
    );
    assert_eq!(code, 3, "{out}{err}");
    assert_eq!(
        out.matches("mhlw-institution@fy2025(sha256:").count(),
        2,
        "{out}"
    );
    assert!(!out.contains("mhlw-institution@fy2025 (sha256:"), "{out}");
    // status and render of the bundle with the same checklists say it as verify does, and
    // refuse to show the answers against the other base (2, as for an unknown checklist).
    for command in [
        &["status", "bundle"][..],
        &["render", "bundle", "--format", "md"][..],
    ] {
        let mut args = vec!["--checklist", "base.toml", "--checklist", "own.toml"];
        args.extend_from_slice(command);
        let (code, out, err) = run(w, &args);
        assert_eq!(code, 2, "{command:?}: {out}{err}");
        assert!(
            err.contains("checklist-base-changed") && err.contains(&message),
            "{command:?}: {err}"
        );
    }
    // Without the changed base: shown as before.
    let (code, out, err) = run(w, &["--checklist", "own.toml", "status", "bundle"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(!err.contains("checklist-base-changed"), "{err}");
}

/// Each wrong extension: exit 2, and the message names the file, line and the key's code.
#[test]
fn wrong_extensions_are_errors_naming_file_and_key() {
    let good = own_checklist(2025);
    let chain = good
        .replace("id = \"own-institution\"", "id = \"group-institution\"")
        .replace("publisher = \"own\"", "publisher = \"group\"")
        .replace("own-restore-drill", "group-restore-drill")
        .replace("mhlw-institution@fy2025", "own-institution@fy2025")
        .replace(
            "item = \"remote-maintenance\"",
            "item = \"security-manager\"",
        );
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unknown base",
            good.replace("mhlw-institution@fy2025", "mhlw-institution@fy2019"),
            "extends-unknown-base",
        ),
        (
            "base of another form",
            good.replace("mhlw-institution@fy2025", "mhlw-vendor@fy2025"),
            "extends-other-form",
        ),
        (
            "own item ID without the prefix",
            good.replace("id = \"own-restore-drill\"", "id = \"restore-drill\""),
            "extends-item-prefix",
        ),
        (
            "own item ID colliding with a base item",
            good.replace("publisher = \"own\"", "publisher = \"security\"")
                .replace("id = \"own-institution\"", "id = \"security-institution\"")
                .replace("id = \"own-restore-drill\"", "id = \"security-manager\""),
            "extends-item-collision",
        ),
        (
            "own item ID shadowing an item the base replaces",
            good.replace("publisher = \"own\"", "publisher = \"security\"")
                .replace("id = \"own-institution\"", "id = \"security-institution\"")
                .replace("id = \"own-restore-drill\"", "id = \"security-patches-server\""),
            "extends-item-shadows",
        ),
        (
            "own item numbered like a base item",
            good.replace("number = \"4-(1)\"", "number = \"2-⑥\""),
            "extends-number-collision",
        ),
        (
            "out of scope of an item the base does not have",
            good.replace("item = \"remote-maintenance\"", "item = \"no-such-item\""),
            "extends-unknown-out-of-scope",
        ),
        (
            "a section of the base",
            good.replace("id = \"4\"", "id = \"2\"")
                .replace("section = \"4\"", "section = \"2\"")
                .replace("4-(1)", "2-(99)"),
            "extends-section-collision",
        ),
        (
            "another edition than the base's",
            good.replace("mhlw-institution@fy2025", "mhlw-institution@fy2024"),
            "extends-other-edition",
        ),
        (
            "the base's own publisher",
            good.replace("publisher = \"own\"", "publisher = \"mhlw\"")
                .replace("id = \"own-institution\"", "id = \"mhlw-institution\"")
                .replace("own-restore-drill", "mhlw-restore-drill"),
            "extends-same-publisher",
        ),
        (
            "no reason",
            good.replace(
                "reason = { ja = \"リモート保守の契約がありません。\", en = \"There is no remote-maintenance contract.\" }",
                "reason = { ja = \"\", en = \"\" }",
            ),
            "extends-missing-reason",
        ),
        (
            "malformed extends",
            good.replace("mhlw-institution@fy2025", "mhlw-institution"),
            "extends-invalid",
        ),
    ];
    for (what, text, code) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let w = tmp.path();
        std::fs::write(w.join("own.toml"), &text).unwrap();
        for command in [
            vec![
                "--checklist",
                "own.toml",
                "checklist",
                "show",
                "own-institution",
            ],
            vec!["--checklist", "own.toml", "init", "--out", "a.toml"],
        ] {
            let (exit, out, err) = run(w, &command);
            assert_eq!(exit, 2, "{what}: {command:?}: {out}{err}");
            assert!(err.contains("own.toml:"), "{what}: names the file: {err}");
            assert!(err.contains(code), "{what}: {code}: {err}");
        }
        // lint says the same, with exit 1 (errors found).
        let (exit, out, err) = run(w, &["checklist", "lint", "own.toml", "--format", "json"]);
        assert_eq!(exit, 1, "{what}: lint: {out}{err}");
        assert!(out.contains(code), "{what}: lint: {out}");
    }
    // An extension of an extension: the chain is refused where it is read.
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::write(w.join("own.toml"), &good).unwrap();
    std::fs::write(w.join("group.toml"), &chain).unwrap();
    let (exit, _, err) = run(
        w,
        &[
            "--checklist",
            "own.toml",
            "--checklist",
            "group.toml",
            "checklist",
            "show",
            "group-institution",
        ],
    );
    assert_eq!(exit, 2, "{err}");
    assert!(
        err.contains("group.toml:") && err.contains("extends-chain"),
        "{err}"
    );
}

/// examples/own-checklist.toml lints clean and shows its base and 対象外 rows.
#[test]
fn the_example_extends_the_newest_institution_edition() {
    let root = common::root();
    let (code, out, err) = run(&root, &["checklist", "lint", "examples/own-checklist.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = run(
        &root,
        &[
            "--checklist",
            "examples/own-checklist.toml",
            "checklist",
            "show",
            "example-institution",
            "--lang",
            "ja",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("拡張元: mhlw-institution@fy2025"), "{out}");
    assert!(out.contains("対象外"), "{out}");
}

/// `checklist list --format json`: every bundled `ID@EDITION` with its fiscal year.
fn bundled_checklists() -> Vec<(String, i64)> {
    let (code, out, err) = run(&common::root(), &["checklist", "list", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    json(&out)
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                format!(
                    "{}@{}",
                    c["id"].as_str().unwrap(),
                    c["edition"].as_str().unwrap()
                ),
                c["fiscal_year"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn checklist_new_on_each_bundled_edition_lints_clean_and_diffs_as_expected() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let all = bundled_checklists();
    assert_eq!(all.len(), 9, "{all:?}");
    for (from, year) in all {
        let next = year + 1;
        let out = format!("new-{}.toml", from.replace('@', "-"));
        let edition = format!("fy{next}");
        let (code, _, err) = run(
            w,
            &[
                "checklist",
                "new",
                "--from",
                &from,
                "--edition",
                &edition,
                "--out",
                &out,
            ],
        );
        assert_eq!(code, 0, "{from}: {err}");
        assert!(err.contains(&out), "{from}: names the file written: {err}");

        // Lint: no errors; one unverified-wording warning per item, nothing else.
        let (code, lint, _) = run(w, &["checklist", "lint", &out, "--format", "json"]);
        assert_eq!(code, 0, "{from}: {lint}");
        let findings = json(&lint);
        let findings = findings["diagnostics"].as_array().unwrap();
        assert!(
            findings.iter().all(|f| f["code"] == "unverified-wording"),
            "{from}: {lint}"
        );
        let (_, shown, _) = run(w, &["checklist", "show", &from, "--format", "json"]);
        let old = json(&shown);
        let (_, shown, _) = run(
            w,
            &[
                "--checklist",
                &out,
                "checklist",
                "show",
                &format!("{}@{edition}", old["id"].as_str().unwrap()),
                "--format",
                "json",
            ],
        );
        let new = json(&shown);
        assert_eq!(
            findings.len(),
            new["items"].as_array().unwrap().len(),
            "{from}"
        );
        assert_eq!(new["fiscal_year"], next);
        let wareki = format!("令和{}年度版", next - 2018);
        assert!(
            new["title"]["ja"].as_str().unwrap().contains(&wareki),
            "{new}"
        );
        assert!(new["title"]["en"]
            .as_str()
            .unwrap()
            .contains(&format!("FY{next}")));
        // Facts, not guesses: FY2026 comes with Guideline 7.0 (facts §9, official.toml); the
        // publication date is not invented; no comment speaks of the old year.
        let expected = if next == 2026 { "7.0" } else { "6.0" };
        assert_eq!(new["guideline_version"], expected, "{from}");
        assert!(new["published"].is_null(), "{from}: {}", new["published"]);
        // The merged FY2026 form: one 医療機関・薬局確認用 for hospitals, clinics and
        // pharmacies (facts §9), its title and rule sources from medsec's data on it.
        if next == 2026 && old["form"] != "pharmacy" {
            assert_eq!(
                new["serves"],
                serde_json::json!(["hospital", "clinic", "pharmacy"]),
                "{from}"
            );
            assert!(
                new["title"]["ja"].as_str().unwrap().starts_with(
                    "医療機関・薬局におけるサイバーセキュリティ対策チェックリスト(令和8年度版)"
                ),
                "{new}"
            );
            assert_eq!(
                new["rules"]["sources"],
                serde_json::json!(["S40"]),
                "{from}"
            );
        }
        if next == 2026 && old["form"] == "pharmacy" {
            assert!(err.contains("no pharmacy form"), "{from}: {err}");
        }
        let text = std::fs::read_to_string(w.join(&out)).unwrap();
        let old_year = [format!("令和{}", year - 2018), format!("R{}", year - 2018)];
        for line in text
            .lines()
            .skip(2)
            .filter(|l| l.trim_start().starts_with('#'))
        {
            assert!(
                !old_year.iter().any(|y| line.contains(y.as_str()))
                    && !line.contains(&year.to_string()),
                "{from}: {line}"
            );
        }
        // Every item kept, by ID, unverified with a note naming where it came from.
        let ids = |c: &Value| -> Vec<String> {
            c["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(ids(&old), ids(&new), "{from}");
        for item in new["items"].as_array().unwrap() {
            assert_eq!(item["verified"], false);
            assert!(
                item["unverified"].as_str().unwrap().contains(&from),
                "{item}"
            );
            assert_eq!(item["replaces"], serde_json::json!([]));
        }

        // diff against the source: only what the scaffold changes; nothing breaking.
        let (code, diff, err) = run(w, &["checklist", "diff", &from, &out, "--format", "json"]);
        assert_eq!(code, 0, "{from}: {diff}{err}");
        let diff = json(&diff);
        let allowed = [
            "edition-changed",
            "metadata-changed",
            "item-verified-changed",
            // Each item's unverified note names where it was carried from.
            "item-unverified-note-changed",
            // `next-year` items (listed for the following year) become required.
            "item-requirement-changed",
            // FY2026 comes with Guideline 7.0.
            "guideline-version-changed",
            // The merged FY2026 form serves pharmacies too (official.toml).
            "serves-changed",
        ];
        for change in diff["changes"].as_array().unwrap() {
            let code = change["code"].as_str().unwrap();
            assert!(allowed.contains(&code), "{from}: {change}");
        }
        assert!(diff["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "edition-changed"));
    }
}

#[test]
fn checklist_new_refuses_what_it_cannot_do() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let new = |extra: &[&str]| {
        let mut args = vec!["checklist", "new", "--from", "mhlw-institution@fy2025"];
        args.extend_from_slice(extra);
        run(w, &args)
    };
    // To standard output by default.
    let (code, out, _) = new(&["--edition", "fy2026"]);
    assert_eq!(code, 0);
    assert!(out.contains("edition = \"fy2026\"") && out.contains("# medsec checklist new"));
    // Not an edition, or not a later one: exit 2, said in the user's language.
    let (code, _, err) = new(&["--edition", "来年", "--lang", "ja"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`来年`") && err.contains("`令和8年度`"),
        "{err}"
    );
    let (code, _, err) = new(&["--edition", "fy2024"]);
    assert_eq!(code, 2);
    assert!(err.contains("mhlw-institution@fy2025"), "{err}");
    // An unknown source.
    let (code, _, err) = run(
        w,
        &[
            "checklist",
            "new",
            "--from",
            "mhlw-institution@fy2019",
            "--edition",
            "fy2020",
        ],
    );
    assert_eq!(code, 2, "{err}");
    // An existing file is kept unless --force.
    std::fs::write(w.join("next.toml"), "keep me").unwrap();
    let (code, _, err) = new(&["--edition", "fy2026", "--out", "next.toml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("next.toml") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(w.join("next.toml")).unwrap(),
        "keep me"
    );
    let (code, _, err) = new(&["--edition", "fy2026", "--out", "next.toml", "--force"]);
    assert_eq!(code, 0, "{err}");
    // An own checklist moves to its base's next edition too.
    std::fs::write(w.join("own.toml"), own_checklist(2025)).unwrap();
    let (code, out, err) = run(
        w,
        &[
            "--checklist",
            "own.toml",
            "checklist",
            "new",
            "--from",
            "own-institution@fy2025",
            "--edition",
            "fy2026",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("extends = \"mhlw-institution@fy2026\""),
        "{out}"
    );
}

/// The FY2025 institution form as if it were an imported FY2026 edition (not bundled).
fn imported_base() -> String {
    std::fs::read_to_string(common::root().join("checklists/mhlw/fy2025/institution.toml"))
        .unwrap()
        .replacen("edition = \"fy2025\"", "edition = \"fy2026\"", 1)
        .replacen("fiscal_year = 2025", "fiscal_year = 2026", 1)
        .replace("令和7年度", "令和8年度")
        .replace("FY2025", "FY2026")
}

/// `bundle` in `w`: a report on the own checklist over [`imported_base`] (both given with
/// `--checklist`), signed with `hospital.key`.
fn report_over_imported_base(w: &Path) {
    std::fs::write(w.join("base.toml"), imported_base()).unwrap();
    std::fs::write(w.join("own.toml"), own_checklist(2026)).unwrap();
    let with_both = |args: &[&str]| -> (i32, String, String) {
        let mut all = vec!["--checklist", "base.toml", "--checklist", "own.toml"];
        all.extend_from_slice(args);
        run(w, &all)
    };
    let (code, _, err) = with_both(&["init", "--out", "answers.toml"]);
    assert_eq!(code, 0, "{err}");
    fill_institution(w, "answers.toml");
    keygen(&w.join("hospital"));
    let (code, out, err) = with_both(&signed_report("hospital.key"));
    // Unanswered items are findings (exit 1); the bundle is written and signed all the same.
    assert!(code == 0 || code == 1, "{code}: {out}{err}");
}

/// `verify bundle` in `w` with `hospital.pub`, as on 2026-11-01, in JSON.
fn verify_bundle_json(w: &Path) -> (i32, String, String) {
    run(
        w,
        &[
            "verify",
            "bundle",
            "--pubkey",
            "hospital.pub",
            "--as-of",
            "2026-11-01",
            "--format",
            "json",
        ],
    )
}

#[test]
fn an_extension_over_an_imported_base_carries_both_and_verifies_without_them() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    report_over_imported_base(w);
    // Both travel in the bundle, listed in its signed manifest.
    let manifest = std::fs::read_to_string(w.join("bundle/MANIFEST.sha256")).unwrap();
    for name in [
        "checklists/own-institution-fy2026.toml",
        "checklists/mhlw-institution-fy2026.toml",
    ] {
        assert!(w.join("bundle").join(name).is_file(), "{name}");
        assert!(manifest.contains(name), "{manifest}");
    }
    // The inspector has neither: verify reads both from the bundle. Unanswered items are
    // findings (exit 1), not an unknown checklist (exit 2).
    let (code, out, err) = verify_bundle_json(w);
    assert!(code == 0 || code == 1, "{code}: {out}{err}");
    assert!(!out.contains("unknown-checklist"), "{out}");
    assert!(!out.contains("checklist-base-changed"), "{out}");
    // A changed base in the bundle fails the manifest.
    let carried = w.join("bundle/checklists/mhlw-institution-fy2026.toml");
    let text = std::fs::read_to_string(&carried).unwrap();
    std::fs::write(&carried, text.replacen("令和8年度", "令和9年度", 1)).unwrap();
    let (code, out, err) = run(
        w,
        &[
            "verify",
            "bundle",
            "--pubkey",
            "hospital.pub",
            "--as-of",
            "2026-11-01",
        ],
    );
    assert_eq!(code, 3, "{out}{err}");
}

/// A bundle made from an own checklist is read by `status` and `render` as `report` made it:
/// the base's items and the own ones, linked to the base the bundle names (issue #15).
#[test]
fn status_and_render_of_an_own_checklist_bundle_show_base_and_own_items() {
    let (tmp, own) = example_workspace();
    let own = own.as_str();
    let w = tmp.path();
    run_ok(w, &["--checklist", own, "init", "--out", "b.toml"]);
    fill_institution(w, "b.toml");
    let (_, shown, _) = run(
        w,
        &[
            "--checklist",
            own,
            "checklist",
            "show",
            "example-institution@fy2025",
            "--format",
            "json",
        ],
    );
    let ids: Vec<String> = json(&shown)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.contains(&"security-manager".to_owned()), "{ids:?}");
    // Every item はい except one base item, left unanswered: the report finds it.
    let mut sheet = String::from("item,answer,checked_on,target_date,note\n");
    for id in ids.iter().filter(|id| *id != "security-manager") {
        sheet.push_str(&format!("{id},はい,2025-06-02,,\n"));
    }
    std::fs::write(w.join("sheet.csv"), sheet).unwrap();
    let (code, out, err) = run(
        w,
        &[
            "--checklist",
            own,
            "answer",
            "b.toml",
            "--import",
            "sheet.csv",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    keygen(&w.join("k"));
    let (code, out, err) = run(
        w,
        &[
            "--checklist",
            own,
            "report",
            "--answers",
            "b.toml",
            "--out",
            "bundle-b",
            "--sign",
            "k.key",
        ],
    );
    assert!(code == 0 || code == 1, "{code}: {out}{err}");
    // status of the bundle, without the own checklist given: incomplete (exit 1), the base
    // named in its JSON, the base item left unanswered listed.
    for lang in ["ja", "en"] {
        let (code, out, err) = run(
            w,
            &[
                "status",
                "bundle-b",
                "--as-of",
                "2025-11-01",
                "--lang",
                lang,
            ],
        );
        assert_eq!(code, 1, "{lang}: {out}{err}");
        assert!(
            out.contains("1-①"),
            "{lang}: the base item unanswered: {out}"
        );
    }
    let (code, out, _) = run(
        w,
        &[
            "status",
            "bundle-b",
            "--as-of",
            "2025-11-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1);
    let status = json(&out);
    assert_eq!(status["complete"], false, "{status}");
    assert_eq!(
        status["forms"][0]["checklist"]["extends"]["id"], "mhlw-institution",
        "{status}"
    );
    // render of the bundle: as many item rows as the signed report.html.
    let signed = std::fs::read_to_string(w.join("bundle-b/report.html")).unwrap();
    let rows = |html: &str| html.matches("<tr").count();
    for format in ["html", "md", "csv"] {
        let (code, out, err) = run(
            w,
            &["render", "bundle-b", "--format", format, "--lang", "ja"],
        );
        assert!(code == 0 || code == 1, "{format}: {code} {err}");
        assert!(
            out.contains("医療情報システム安全管理責任者"),
            "{format}: the base's items: {out}"
        );
        assert!(out.contains("4-(1)"), "{format}: the own items: {out}");
        if format == "html" {
            assert_eq!(rows(&out), rows(&signed), "{format}");
            // The section an inspector reads: the extension and its digest beside the base's.
            let digest = json(&std::fs::read_to_string(w.join("bundle-b/report.json")).unwrap())
                ["checklist"]["digest"]
                .as_str()
                .unwrap()
                .to_owned();
            assert!(
                out.contains("対象外とした項目")
                    && out.contains(&format!(
                        "<code>example-institution@fy2025</code>({digest})"
                    ))
                    && out.contains("<code>mhlw-institution@fy2025</code>(sha256:")
                    && out.contains("リモート保守の契約がなく"),
                "{out}"
            );
        }
    }

    // verify: each base item left out is a warning naming it and its reason (exit as
    // before: the answers are incomplete, 1), and JSON lists them under `extends`.
    for lang in ["ja", "en"] {
        let (code, out, err) = run(
            w,
            &[
                "verify",
                "bundle-b",
                "--pubkey",
                "k.pub",
                "--as-of",
                "2025-11-01",
                "--lang",
                lang,
            ],
        );
        assert_eq!(code, 1, "{lang}: {out}{err}");
        let reason = if lang == "ja" {
            "リモート保守の契約がなく"
        } else {
            "There is no remote-maintenance contract"
        };
        assert!(
            out.contains("base-item-out-of-scope") && out.contains("2-②") && out.contains(reason),
            "{lang}: {out}"
        );
    }
    let (_, out, _) = run(
        w,
        &[
            "verify",
            "bundle-b",
            "--pubkey",
            "k.pub",
            "--as-of",
            "2025-11-01",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    let extends = &v["bundles"][0]["extends"];
    assert_eq!(extends["checklist"], "example-institution@fy2025", "{v}");
    assert_eq!(extends["base"]["id"], "mhlw-institution", "{v}");
    assert_eq!(extends["out_of_scope"][0]["item"], "remote-maintenance");
    assert_eq!(extends["out_of_scope"][0]["number"], "2-②");
    assert!(extends["out_of_scope"][0]["reason"]["ja"]
        .as_str()
        .unwrap()
        .contains("リモート保守"));
    // summarize: the count, in JSON and in the table.
    let summarize = |extra: &[&str]| {
        let mut args = vec![
            "summarize",
            "bundle-b",
            "--pubkey",
            "k.pub",
            "--as-of",
            "2025-11-01",
        ];
        args.extend_from_slice(extra);
        run(w, &args)
    };
    let (_, out, _) = summarize(&["--format", "json"]);
    assert_eq!(json(&out)["bundles"][0]["out_of_scope"], 1, "{out}");
    let (_, out, _) = summarize(&["--lang", "ja"]);
    assert!(out.contains("対象外1件"), "{out}");
    // CSV and XLSX: the count in its own column, headed in the language asked.
    for (lang, header) in [("en", "items out of scope"), ("ja", "対象外の項目")] {
        let (code, _, err) = summarize(&[
            "--lang",
            lang,
            "--format",
            "csv",
            "--out",
            "summary.csv",
            "--force",
        ]);
        assert_eq!(code, 1, "{lang}: {err}");
        let bytes = std::fs::read(w.join("summary.csv")).unwrap();
        let mut r = csv::Reader::from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap());
        let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
        let col = headers.iter().position(|h| h == header).unwrap();
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[col], "1", "{lang}: {headers:?} {row:?}");
    }
    let (code, _, err) = summarize(&["--lang", "ja", "--format", "xlsx", "--out", "summary.xlsx"]);
    assert_eq!(code, 1, "{err}");
    {
        use calamine::{Data, Reader, Xlsx};
        let mut wb: Xlsx<_> = calamine::open_workbook(w.join("summary.xlsx")).unwrap();
        let range = wb.worksheet_range("報告書一式の一覧").unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        let col = rows[0]
            .iter()
            .position(|h| *h == Data::String("対象外の項目".into()))
            .unwrap();
        assert_eq!(rows[1][col], Data::Float(1.0), "{:?}", rows[1]);
    }
}

/// `checklist new` on the example own checklist moves the year inside its title (never adds a
/// second one), and the scaffold lints clean over its base given with `--checklist`.
#[test]
fn checklist_new_on_the_example_advances_its_title_and_lints_clean() {
    let (tmp, example) = example_workspace();
    let w = tmp.path();
    run_ok(
        w,
        &[
            "checklist",
            "new",
            "--from",
            "mhlw-institution@fy2025",
            "--edition",
            "fy2026",
            "--out",
            "base.toml",
        ],
    );
    run_ok(
        w,
        &[
            "--checklist",
            &example,
            "checklist",
            "new",
            "--from",
            "example-institution@fy2025",
            "--edition",
            "fy2026",
            "--out",
            "own.toml",
        ],
    );
    let text = std::fs::read_to_string(w.join("own.toml")).unwrap();
    assert!(
        text.contains("\"院内追加チェック(例) 令和8年度版\"")
            && text.contains("\"In-house additional checks (example), FY2026\""),
        "{text}"
    );
    // One language a note.
    for line in text.lines().filter(|l| l.starts_with("unverified")) {
        assert!(!line.contains("引き継ぎ"), "{line}");
    }
    // Its base is not bundled: lint says so, and reads it from --checklist.
    let (code, out, _) = run(w, &["checklist", "lint", "own.toml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("extends-unknown-base"), "{out}");
    let (code, out, err) = run(
        w,
        &[
            "--checklist",
            "base.toml",
            "checklist",
            "lint",
            "own.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let lint = json(&out);
    let findings = lint["diagnostics"].as_array().unwrap();
    assert!(
        findings.iter().all(|f| f["code"] == "unverified-wording"),
        "{out}"
    );
    // An ID alone takes its newest edition (as --help says).
    let (code, out, err) = run(
        w,
        &[
            "checklist",
            "new",
            "--from",
            "mhlw-institution",
            "--edition",
            "fy2026",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("medsec checklist new --from mhlw-institution@fy2025"),
        "{out}"
    );
}

/// `init --checklist FILE --from last.toml` answers the given file, carrying last year's
/// answers into it by ID (the file given wins over the --from file's checklist).
#[test]
fn init_from_last_year_answers_the_checklist_file_given() {
    let (tmp, example) = example_workspace();
    let w = tmp.path();
    run_ok(
        w,
        &[
            "--checklist",
            "mhlw-institution@fy2025",
            "init",
            "--out",
            "last.toml",
        ],
    );
    run_ok(
        w,
        &[
            "--checklist",
            &example,
            "init",
            "--from",
            "last.toml",
            "--out",
            "new.toml",
        ],
    );
    let text = std::fs::read_to_string(w.join("new.toml")).unwrap();
    assert!(text.contains("id = \"example-institution\""), "{text}");
    assert!(text.contains("example-backup-restore-drill"), "{text}");
}

/// A bundle answering another text of a bundled `ID@EDITION`: `checklist-not-inspectors` names
/// the inspector's copy as the one bundled with medsec, not by an internal path.
#[test]
fn not_inspectors_names_the_bundled_copy_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let changed =
        std::fs::read_to_string(common::root().join("checklists/mhlw/fy2025/institution.toml"))
            .unwrap()
            .replacen(
                "医療情報システムを導入、運用している。",
                "医療情報システムを導入し、運用している。",
                1,
            );
    std::fs::write(w.join("changed.toml"), changed).unwrap();
    let (code, _, err) = run(
        w,
        &["--checklist", "changed.toml", "init", "--out", "a.toml"],
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(w.join("a.toml"))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト病院\"")
        .replace("code = \"\"", "code = \"0110113719\"");
    std::fs::write(w.join("a.toml"), text).unwrap();
    keygen(&w.join("k"));
    let (code, out, err) = run(
        w,
        &[
            "--checklist",
            "changed.toml",
            "report",
            "--answers",
            "a.toml",
            "--out",
            "bundle",
            "--sign",
            "k.key",
        ],
    );
    assert!(code == 0 || code == 1, "{code}: {out}{err}");
    for (lang, words) in [
        ("ja", "medsecに同梱の`mhlw-institution@fy2025`"),
        ("en", "the `mhlw-institution@fy2025` bundled with medsec"),
    ] {
        let (code, out, err) = run(
            w,
            &["verify", "bundle", "--pubkey", "k.pub", "--lang", lang],
        );
        assert_eq!(code, 3, "{out}{err}");
        assert!(
            out.contains("checklist-not-inspectors") && out.contains(words),
            "{lang}: {out}"
        );
        assert!(!out.contains("bundled:checklists/"), "{lang}: {out}");
    }
}

/// An own checklist whose base is not known is said in the same words by `checklist lint`,
/// `status` of an answers file, and `verify`, `status` and `render` of a signed bundle that
/// does not carry the base: `extends-unknown-base`, naming the base and the checklists known.
#[test]
fn an_unknown_base_is_said_alike_by_lint_status_and_verify() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    run_ok(
        w,
        &[
            "checklist",
            "new",
            "--from",
            "mhlw-institution@fy2025",
            "--edition",
            "fy2026",
            "--out",
            "base.toml",
        ],
    );
    std::fs::write(w.join("own.toml"), own_checklist(2026)).unwrap();
    let both = ["--checklist", "base.toml", "--checklist", "own.toml"];
    let with_both = |args: &[&str]| {
        let all: Vec<&str> = both.iter().chain(args).copied().collect();
        run(w, &all)
    };
    let (code, _, err) = with_both(&["init", "--out", "a.toml"]);
    assert_eq!(code, 0, "{err}");
    fill_institution(w, "a.toml");
    keygen(&w.join("k"));
    let (code, out, err) = with_both(&[
        "report",
        "--answers",
        "a.toml",
        "--out",
        "bundle",
        "--sign",
        "k.key",
    ]);
    assert!(code == 0 || code == 1, "{code}: {out}{err}");
    // A bundle without its base (taken out, signed again): nothing here knows the base.
    std::fs::remove_file(w.join("bundle/checklists/mhlw-institution-fy2026.toml")).unwrap();
    let (code, out, err) = run(w, &["sign", "bundle", "--key", "k.key"]);
    assert_eq!(code, 0, "{out}{err}");

    let (code, out, err) = run(
        w,
        &[
            "verify",
            "bundle",
            "--pubkey",
            "k.pub",
            "--as-of",
            "2026-11-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 3, "{out}{err}");
    let verify = json(&out);
    let finding = verify["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "extends-unknown-base")
        .unwrap_or_else(|| panic!("{verify}"))
        .clone();
    let message = finding["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("`mhlw-institution@fy2026`")
            && message.contains("mhlw-institution@fy2025"),
        "{message}"
    );
    assert!(!out.contains("checklist-base-changed"), "{out}");
    // status and render of the bundle: refused, in verify's words (2, as an unknown checklist).
    for command in [&["status", "bundle"][..], &["render", "bundle"][..]] {
        let (code, out, err) = run(w, command);
        assert_eq!(code, 2, "{command:?}: {out}{err}");
        assert!(
            err.contains("extends-unknown-base") && err.contains(&message),
            "{command:?}: {err}"
        );
    }
    // lint of the own checklist and status of its answers file: the same words.
    let (code, out, _) = run(w, &["checklist", "lint", "own.toml"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("extends-unknown-base") && out.contains(&message),
        "{out}"
    );
    let (code, out, err) = run(w, &["--checklist", "own.toml", "status", "a.toml"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("extends-unknown-base") && err.contains(&message),
        "{err}"
    );
}

/// A report that carries no checklist is checked against the inspector's checklists alone:
/// nothing under `checklists/` is read, not even the base of an own checklist it names by
/// `extends`. A hand-made bundle whose report names a checklist the inspector holds (the
/// bundled FY2025 form) and answers an own checklist the inspector lacks, carrying only that
/// one's base: the answers' checklist is unknown (3), and the base is not looked at (no
/// finding names it).
#[test]
fn a_bundle_carrying_no_checklist_reads_nothing_under_checklists() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    report_over_imported_base(w);
    // report.json names the bundled form and carries no file; the own checklist leaves the
    // bundle, its base stays, listed in the manifest signed again.
    let path = w.join("bundle/report.json");
    let mut report: Value = json(&std::fs::read_to_string(&path).unwrap());
    let held = medsec::checklist::load_path(
        &common::root().join("checklists/mhlw/fy2025/institution.toml"),
    )
    .unwrap();
    let c = &held.checklist;
    report["checklist"] = serde_json::json!({
        "id": c.id, "edition": c.edition, "digest": held.digest,
        "form": c.form.as_str(), "fiscal_year": c.fiscal_year
    });
    let answers = report
        .pointer_mut("/answers/checklist")
        .unwrap()
        .as_object_mut()
        .unwrap();
    assert!(answers.remove("file").is_some(), "{answers:?}");
    assert!(answers.contains_key("extends"), "{answers:?}");
    std::fs::write(&path, serde_json::to_vec_pretty(&report).unwrap()).unwrap();
    std::fs::remove_file(w.join("bundle/checklists/own-institution-fy2026.toml")).unwrap();
    let base = "checklists/mhlw-institution-fy2026.toml";
    assert!(w.join("bundle").join(base).is_file());
    run_ok(w, &["sign", "bundle", "--key", "hospital.key"]);
    let (code, out, err) = verify_bundle_json(w);
    let result = json(&out);
    assert_eq!(code, 3, "{result:#}{err}");
    let findings = result["bundles"][0]["findings"].as_array().unwrap();
    assert!(
        findings.iter().all(|f| f["file"] != base),
        "the base was read: {result:#}"
    );
    let codes: Vec<&str> = findings.iter().filter_map(|f| f["code"].as_str()).collect();
    assert_eq!(
        codes,
        [
            "checklist-other-year",
            "no-probe-evidence",
            "checklist-unknown",
            "content-untrusted"
        ],
        "{result:#}"
    );
}
