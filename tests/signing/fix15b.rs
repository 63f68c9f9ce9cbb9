//! Issue #15, a fresh reviewer's findings on own checklists (fix15b): the report, `render` and
//! verify's table name an own checklist and its digest beside the MHLW edition it extends with
//! that one's digest, always (not only when base items are left out).

use crate::common;

use crate::own_setup::*;
use common::{keygen, medsec, stderr_of, stdout_of};
use std::path::Path;

/// An own checklist over `mhlw-institution@fy2025` with one own item and nothing left out.
const OWN: &str = r#"format_version = 1
id = "grp-institution"
edition = "fy2025"
fiscal_year = 2025
form = "institution"
publisher = "grp"
guideline_version = "6.0"
serves = ["hospital"]
extends = "mhlw-institution@fy2025"

[title]
ja = "院内追加チェック(例)"
en = "In-house additional checks (example)"

[[sections]]
id = "4"
title = { ja = "院内規程", en = "In-house rules" }

[[items]]
id = "grp-restore-drill"
number = "4-(1)"
section = "4"
requirement = "required"
text.ja = "電子カルテサーバのバックアップから、年1回以上、復元の訓練を行っている。"
text.en = "At least once a year, a restore from the electronic medical record server's backup is rehearsed."
guidance.ja = "訓練の日付、復元したデータの範囲、所要時間を記録として残す。"
guidance.en = "Keep the date of the drill, what was restored and how long it took."
verified = true
"#;

fn digest_of(dir: &Path, spec: &str) -> String {
    show_own(dir, spec)["digest"].as_str().unwrap().to_owned()
}

/// A signed bundle `bundle` in `dir` of every item answered はい on the own checklist.
fn signed_bundle(dir: &Path) {
    std::fs::write(dir.join("own.toml"), OWN).unwrap();
    let own = |args: &[&str]| {
        let all: Vec<&str> = ["--checklist", "own.toml"]
            .iter()
            .chain(args)
            .copied()
            .collect();
        run_ok(dir, &all)
    };
    own(&["init", "--out", "answers.toml"]);
    answer_every_item(dir, 2025, &item_ids(dir, "grp-institution@fy2025"));
    keygen(&dir.join("hospital"));
    own(&signed_report("hospital.key"));
}

#[test]
fn the_report_names_the_extension_and_its_base_with_both_digests_always() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    signed_bundle(w);
    let own_digest = digest_of(w, "grp-institution@fy2025");
    let base_digest = digest_of(w, "mhlw-institution@fy2025");
    let html = std::fs::read_to_string(w.join("bundle/report.html")).unwrap();
    assert!(
        html.contains("<code>mhlw-institution@fy2025</code>")
            && html.contains(&base_digest)
            && html.contains(&own_digest)
            && html.contains("を拡張したチェックリストです。"),
        "{html}"
    );
    for (lang, words) in [
        (
            "ja",
            format!(
                "`grp-institution@fy2025`({own_digest})は、令和7年度版(FY2025) 医療機関確認用 `mhlw-institution@fy2025`({base_digest})を拡張したチェックリストです。"
            ),
        ),
        (
            "en",
            format!("`grp-institution@fy2025` ({own_digest}) extends the FY2025 edition (令和7年度)"),
        ),
    ] {
        let out = run_ok(
            w,
            &[
                "render",
                "bundle",
                "--format",
                "md",
                "--pubkey",
                "hospital.pub",
                "--lang",
                lang,
            ],
        );
        assert!(out.contains(&words), "{lang}: {out}");
        assert!(
            out.contains(&format!("`mhlw-institution@fy2025` ({base_digest})"))
                || lang == "ja",
            "{lang}: {out}"
        );
        let html = run_ok(
            w,
            &[
                "render",
                "bundle",
                "--format",
                "html",
                "--pubkey",
                "hospital.pub",
                "--lang",
                lang,
            ],
        );
        assert!(
            html.contains("<code>mhlw-institution@fy2025</code>") && html.contains(&base_digest),
            "{lang}: {html}"
        );
        let (code, out, err) = run(
            w,
            &[
                "verify",
                "bundle",
                "--pubkey",
                "hospital.pub",
                "--as-of",
                "2025-11-01",
                "--lang",
                lang,
            ],
        );
        assert_eq!(code, 0, "{lang}: {out}{err}");
        let line = if lang == "ja" {
            format!(
                "bundle: `grp-institution@fy2025`({own_digest})は`mhlw-institution@fy2025`({base_digest})を拡張したチェックリストです。"
            )
        } else {
            format!(
                "bundle: `grp-institution@fy2025` ({own_digest}) extends `mhlw-institution@fy2025` ({base_digest})."
            )
        };
        assert!(out.contains(&line), "{lang}: {out}");
        // summarize names the base beside the edition, and its note says the base items are
        // the official form's.
        let out = run_ok(
            w,
            &[
                "summarize",
                "bundle",
                "--pubkey",
                "hospital.pub",
                "--as-of",
                "2025-11-01",
                "--lang",
                lang,
            ],
        );
        let (beside, note) = if lang == "ja" {
            (
                "`grp-institution`(拡張元: `mhlw-institution@fy2025`)",
                "独自のチェックリスト(拡張元`mhlw-institution@fy2025`の項目は公式の様式のもの、独自の項目は未確認)",
            )
        } else {
            (
                "`grp-institution` (extends `mhlw-institution@fy2025`)",
                "own checklist (the items of `mhlw-institution@fy2025` are the official form's; its own items are unverified)",
            )
        };
        assert!(out.contains(beside) && out.contains(note), "{lang}: {out}");
    }
}

/// `OWN` for FY2024 (over `mhlw-institution@fy2024`), leaving out `left_out` with a reason.
fn own_2024(left_out: &[&str]) -> String {
    let mut own = OWN.replace("fy2025", "fy2024").replace("2025", "2024");
    for item in left_out {
        own = own.replacen(
            "[[sections]]",
            &format!(
                "[[out_of_scope]]\nitem = \"{item}\"\nreason = {{ ja = \"該当する機器がありません。\", en = \"There is no such device.\" }}\n\n[[sections]]"
            ),
            1,
        );
    }
    own
}

/// Last year's answers on the own checklist `own24.toml`, its own item answered: `a24.toml`.
fn answers_2024(dir: &Path) {
    std::fs::write(dir.join("own24.toml"), own_2024(&[])).unwrap();
    std::fs::write(dir.join("own.toml"), OWN).unwrap();
    run_ok(
        dir,
        &["--checklist", "own24.toml", "init", "--out", "a24.toml"],
    );
    std::fs::write(
        dir.join("s.csv"),
        "item,answer,checked_on,target_date,note\ngrp-restore-drill,はい,2024-06-02,,\nremote-maintenance,はい,2024-06-02,,\n",
    )
    .unwrap();
    run_ok(
        dir,
        &[
            "--checklist",
            "own24.toml",
            "answer",
            "a24.toml",
            "--import",
            "s.csv",
        ],
    );
}

fn checklist_of(dir: &Path, answers: &str) -> String {
    let text = std::fs::read_to_string(dir.join(answers)).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let c = &value["checklist"];
    format!(
        "{}@{}",
        c["id"].as_str().unwrap(),
        c["edition"].as_str().unwrap()
    )
}

#[test]
fn init_from_own_checklist_answers_follows_the_own_checklist_whatever_the_order() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    answers_2024(w);
    for (lang, said) in [
        ("ja", "`a24.toml`は`grp-institution@fy2024`の回答です。同じチェックリストの今年度までで最新の版`grp-institution@fy2025`で作成します。"),
        ("en", "`a24.toml` holds answers to `grp-institution@fy2024`: the new file follows the same checklist, in its newest edition up to this fiscal year, `grp-institution@fy2025`."),
    ] {
        for (n, order) in [["own.toml", "own24.toml"], ["own24.toml", "own.toml"]]
            .iter()
            .enumerate()
        {
            let out = format!("{lang}-{n}.toml");
            let (code, stdout, err) = run(
                w,
                &[
                    "--checklist", order[0], "--checklist", order[1], "init", "--from",
                    "a24.toml", "--out", &out, "--lang", lang,
                ],
            );
            assert_eq!(code, 0, "{order:?}: {stdout}{err}");
            assert_eq!(checklist_of(w, &out), "grp-institution@fy2025", "{order:?}");
            assert!(err.contains(said), "{lang} {order:?}: {err}");
            // The own item's answer is carried.
            let text = std::fs::read_to_string(w.join(&out)).unwrap();
            assert!(text.contains("grp-restore-drill"), "{text}");
        }
    }
    // Without the own checklist, the file is on the MHLW form: the own answers not carried
    // are said.
    for (lang, said) in [
        ("ja", "`grp-institution@fy2024`の回答のうち1件(grp-restore-drill)は、`mhlw-institution@fy2025`に対応する項目がないため引き継いでいません。"),
        ("en", "1 answer of `grp-institution@fy2024` (grp-restore-drill) was not carried: `mhlw-institution@fy2025` has no item for it."),
    ] {
        let out = format!("mhlw-{lang}.toml");
        let (code, stdout, err) = run(
            w,
            &["init", "--from", "a24.toml", "--out", &out, "--lang", lang],
        );
        assert_eq!(code, 0, "{stdout}{err}");
        assert_eq!(checklist_of(w, &out), "mhlw-institution@fy2025");
        assert!(err.contains(said), "{lang}: {err}");
    }
}

#[test]
fn suggested_commands_keep_the_checklist_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    answers_2024(w);
    for (lang, init_said, export_said) in [
        (
            "ja",
            "`medsec answer a.toml --checklist own.toml`で対話形式で入力してください。",
            "`medsec answer a.toml --import e.csv --checklist own.toml`で取り込めます。",
        ),
        (
            "en",
            "run `medsec answer a.toml --checklist own.toml` to answer item by item",
            "then `medsec answer a.toml --import e.csv --checklist own.toml`",
        ),
    ] {
        let _ = std::fs::remove_file(w.join("a.toml"));
        let _ = std::fs::remove_file(w.join("e.csv"));
        let env_lang = if lang == "ja" { "ja_JP.UTF-8" } else { "C" };
        let o = medsec()
            .current_dir(w)
            .env("LANG", env_lang)
            .args(["--checklist", "own.toml", "init", "--out", "a.toml"])
            .output()
            .unwrap();
        assert!(o.status.success());
        let said = format!("{}{}", stdout_of(&o), stderr_of(&o));
        assert!(said.contains(init_said), "{lang}: {said}");
        let o = medsec()
            .current_dir(w)
            .env("LANG", env_lang)
            .args([
                "--checklist",
                "own.toml",
                "answer",
                "a.toml",
                "--export",
                "e.csv",
            ])
            .output()
            .unwrap();
        assert!(o.status.success());
        let said = format!("{}{}", stdout_of(&o), stderr_of(&o));
        assert!(said.contains(export_said), "{lang}: {said}");
        // The command as printed runs.
        run_ok(
            w,
            &[
                "answer",
                "a.toml",
                "--import",
                "e.csv",
                "--checklist",
                "own.toml",
            ],
        );
    }
}

#[test]
fn checklist_new_of_an_own_checklist_follows_its_next_base() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let patches = [
        "security-patches-server",
        "security-patches-terminal",
        "security-patches-network",
    ];
    // Every item the next base merged was left out: the merged item is left out in turn.
    std::fs::write(w.join("all.toml"), own_2024(&patches)).unwrap();
    // One of them only: the merged item covers answered items, so the entry goes.
    std::fs::write(w.join("one.toml"), own_2024(&patches[2..])).unwrap();
    for (lang, carried, merged, hint) in [
        (
            "ja",
            "対象外にしていた2-(7)(サーバ) セキュリティパッチは`mhlw-institution@fy2025`で2-⑥ セキュリティパッチに置き換えられたため、2-⑥ セキュリティパッチを対象外にしました",
            "対象外にしていた2-(7)(ネットワーク機器) セキュリティパッチは、`mhlw-institution@fy2025`でほかの項目とまとめて2-⑥ セキュリティパッチになりました。",
            "`medsec checklist diff one.toml ja-one.toml --lang ja`",
        ),
        (
            "en",
            "2-(7) (servers) Security patches, left out before, was replaced by 2-⑥ Security patches in `mhlw-institution@fy2025`",
            "2-(7) (network devices) Security patches, left out before, was merged with other items into 2-⑥ Security patches in `mhlw-institution@fy2025`",
            "`medsec checklist diff one.toml en-one.toml --lang en`",
        ),
    ] {
        // --from takes a file's path, as lint and diff do.
        let out = format!("{lang}-all.toml");
        let (code, o, err) = run(
            w,
            &[
                "checklist", "new", "--from", "all.toml", "--edition", "fy2025", "--out", &out,
                "--lang", lang,
            ],
        );
        assert_eq!(code, 0, "{o}{err}");
        assert!(err.contains(carried), "{lang}: {err}");
        let text = std::fs::read_to_string(w.join(&out)).unwrap();
        assert_eq!(text.matches("item = \"security-patches\"").count(), 1, "{text}");
        assert!(!text.contains("security-patches-"), "{text}");
        // The draft no longer names items its base does not have.
        let (_, o, _) = run(w, &["checklist", "lint", &out, "--format", "json"]);
        assert!(!o.contains("extends-unknown-out-of-scope"), "{o}");

        let out = format!("{lang}-one.toml");
        let (code, o, err) = run(
            w,
            &[
                "checklist", "new", "--from", "one.toml", "--edition", "fy2025", "--out", &out,
                "--lang", lang,
            ],
        );
        assert_eq!(code, 0, "{o}{err}");
        assert!(err.contains(merged), "{lang}: {err}");
        assert!(err.contains(hint), "{lang}: {err}");
        let text = std::fs::read_to_string(w.join(&out)).unwrap();
        assert!(!text.contains("out_of_scope"), "{text}");
        run_ok(w, &["checklist", "lint", &out]);
    }
}

#[test]
fn checklist_new_keeps_the_checklist_flags_and_warns_of_an_unknown_base() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::write(w.join("own.toml"), OWN).unwrap();
    for (lang, unknown, hint) in [
        (
            "ja",
            "新しい`grp-institution@fy2026`が拡張する`mhlw-institution@fy2026`は、このmedsecにも`--checklist`にもありません。",
            "`medsec checklist diff grp-institution@fy2025 ja.toml --checklist own.toml --lang ja`",
        ),
        (
            "en",
            "`mhlw-institution@fy2026`, which the new `grp-institution@fy2026` extends, is neither in this medsec nor given with `--checklist`",
            "`medsec checklist diff grp-institution@fy2025 en.toml --checklist own.toml --lang en`",
        ),
    ] {
        let out = format!("{lang}.toml");
        let (code, o, err) = run(
            w,
            &[
                "--checklist", "own.toml", "checklist", "new", "--from",
                "grp-institution@fy2025", "--edition", "fy2026", "--out", &out, "--lang", lang,
            ],
        );
        assert_eq!(code, 0, "{o}{err}");
        assert!(err.contains(unknown), "{lang}: {err}");
        assert!(err.contains(hint), "{lang}: {err}");
    }
    // Over a base this medsec has, the hint runs as printed (not a usage error).
    std::fs::write(w.join("own24.toml"), own_2024(&[])).unwrap();
    let (code, o, err) = run(
        w,
        &[
            "--checklist",
            "own24.toml",
            "checklist",
            "new",
            "--from",
            "grp-institution@fy2024",
            "--edition",
            "fy2025",
            "--out",
            "next.toml",
        ],
    );
    assert_eq!(code, 0, "{o}{err}");
    assert!(!err.contains("extends-unknown-base"), "{err}");
    let hint = "`medsec checklist diff grp-institution@fy2024 next.toml --checklist own24.toml`";
    assert!(err.contains(hint), "{err}");
    let (code, o, err) = run(
        w,
        &[
            "checklist",
            "diff",
            "grp-institution@fy2024",
            "next.toml",
            "--checklist",
            "own24.toml",
        ],
    );
    assert_ne!(code, 2, "{o}{err}");
}

#[test]
fn checklist_show_takes_a_file_path() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::write(w.join("own.toml"), OWN).unwrap();
    for (lang, base) in [
        ("ja", "拡張元: mhlw-institution@fy2025"),
        ("en", "Extends: mhlw-institution@fy2025"),
    ] {
        let out = run_ok(w, &["checklist", "show", "own.toml", "--lang", lang]);
        assert!(out.contains("grp-institution@fy2025"), "{out}");
        assert!(out.contains(base), "{lang}: {out}");
        assert!(out.contains("4-(1)"), "{out}");
    }
    let out = run_ok(w, &["checklist", "show", "own.toml", "--format", "json"]);
    assert_eq!(json(&out)["id"], "grp-institution");
}

#[test]
fn forms_are_named_as_people_name_them_and_out_of_scope_is_not_n_a() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::write(
        w.join("vendor.toml"),
        OWN.replace("mhlw-institution@fy2025", "mhlw-vendor@fy2025"),
    )
    .unwrap();
    let (code, out, err) = run(w, &["checklist", "lint", "vendor.toml", "--lang", "ja"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("`mhlw-vendor@fy2025`は事業者確認用の様式ですが、このチェックリストは医療機関確認用の様式です。"),
        "{out}"
    );
    // A base item left out is out of scope, not the N/A answer's word.
    std::fs::write(w.join("own24.toml"), own_2024(&["remote-maintenance"])).unwrap();
    let out = run_ok(w, &["checklist", "show", "own24.toml", "--lang", "en"]);
    assert!(out.contains("out of scope (own checklist)"), "{out}");
    assert!(!out.contains("not applicable"), "{out}");
}

#[test]
fn a_misspelt_out_of_scope_item_gets_the_base_item_it_looks_like() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    std::fs::write(
        w.join("own.toml"),
        OWN.replacen(
            "[[sections]]",
            "[[out_of_scope]]\nitem = \"remote-maintenence\"\nreason = { ja = \"契約がありません。\", en = \"No contract.\" }\n\n[[sections]]",
            1,
        ),
    )
    .unwrap();
    for (lang, said) in [
        (
            "ja",
            "対象外とされた`remote-maintenence`は`mhlw-institution@fy2025`の項目ではありません。`remote-maintenance`(2-②",
        ),
        (
            "en",
            "out-of-scope item `remote-maintenence` is not an item of `mhlw-institution@fy2025`; did you mean `remote-maintenance` (2-②",
        ),
    ] {
        let (code, out, err) = run(w, &["checklist", "lint", "own.toml", "--lang", lang]);
        assert_eq!(code, 1, "{out}{err}");
        assert!(out.contains(said), "{lang}: {out}");
    }
}
