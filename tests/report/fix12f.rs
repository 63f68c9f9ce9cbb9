//! Issue #12, what a fresh reviewer found (rev12 s26): an `--out` file's extension picks one of
//! the command's formats or is refused; vendor forms changed after signing are never passed as
//! checked; an answers file that does not parse is never skipped; the walk-through of `check`.

use crate::common;
use common::bundle::{report_value, signed};
use common::{medsec, stderr_of, stdout_of};
use std::path::{Path, PathBuf};

/// `summarize --out s.html` and `render --out r.pdf`/`r.txt`: an extension none of the
/// command's formats has is refused (exit 2, nothing written) naming the extensions it takes;
/// a PDF points at printing the HTML from a browser. Before, summarize wrote its text table
/// (a clinic's name unescaped) into s.html and render wrote HTML into r.pdf, saying success.
#[test]
fn an_out_extension_no_format_has_is_refused() {
    let b = signed(&report_value("0111111111", 2025));
    let key = b.key.public.to_str().unwrap().to_owned();
    let cases: [(&str, &str, &[&str], &str); 6] = [
        ("en", "summarize", &[], "s.html"),
        ("ja", "summarize", &[], "s.html"),
        ("en", "render", &[], "r.pdf"),
        ("ja", "render", &[], "r.pdf"),
        ("en", "render", &[], "r.txt"),
        ("ja", "summarize", &["--format", "table"], "s.htm"),
    ];
    for (lang, command, extra, name) in cases {
        let out = b.root.join(name);
        let o = medsec()
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, command])
            .arg(&b.bundle)
            .args(["--pubkey", &key])
            .args(extra)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang} {command} {name}: {err}");
        assert!(!out.exists(), "{lang} {command} {name}: written");
        let takes = if command == "summarize" {
            "`.txt`, `.csv`, `.xlsx`, `.json`"
        } else {
            "`.html`, `.htm`, `.md`, `.markdown`, `.csv`, `.xlsx`"
        };
        let takes = if lang == "ja" {
            takes.replace(", ", "、")
        } else {
            takes.to_owned()
        };
        assert!(err.contains(&takes), "{lang} {command} {name}: {err}");
        let said = match (lang, name.ends_with(".pdf")) {
            ("en", true) => "open it in a browser and print it to PDF",
            ("ja", true) => "ブラウザで開いて印刷(Ctrl+P)から「PDFに保存」を選んでください",
            ("en", false) => "names none of the output formats",
            _ => "どの出力形式にも当たりません",
        };
        assert!(err.contains(said), "{lang} {command} {name}: {err}");
    }
    // A known extension in another case, and a name without one, still write.
    for name in ["S.JSON", "summary"] {
        let out = b.root.join(name);
        let o = medsec()
            .args(common::bundle::checklist_args())
            .args(["--lang", "en", "summarize"])
            .arg(&b.bundle)
            .args(["--pubkey", &key, "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{name}: {}",
            stderr_of(&o)
        );
        assert!(out.is_file(), "{name}");
    }
}

/// The fixture clinic (test-institution, one vendor form, the example probes) in `tmp`, its
/// vendor form signed with a vendor key of its own; keys `vendor` and `hospital` made there.
fn clinic_with_signed_vendor_form(tmp: &Path) -> PathBuf {
    let dir = tmp.join("clinic");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    let example = common::root().join("examples/clinic");
    std::fs::copy(example.join("probes.toml"), dir.join("probes.toml")).unwrap();
    std::fs::copy(example.join("ledger.csv"), dir.join("ledger.csv")).unwrap();
    std::fs::create_dir_all(dir.join("backup")).unwrap();
    for e in std::fs::read_dir(example.join("backup")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("backup").join(e.file_name())).unwrap();
    }
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(common::fixture("answers").join(f), dir.join(f)).unwrap();
    }
    common::keygen(&dir.join("vendor"));
    common::keygen(&dir.join("hospital"));
    let o = medsec()
        .current_dir(&dir)
        .args(common::bundle::checklist_args())
        .args(["sign", "--form", "vendor-a.toml", "--key", "vendor.key"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    dir
}

fn check_in(dir: &Path, lang: &str, out: &str, extra: &[&str]) -> std::process::Output {
    medsec()
        .current_dir(dir)
        .args(common::bundle::checklist_args())
        .args(["--lang", lang, "check", "--non-interactive"])
        .args(["--answers", "complete.toml", "--probes", "probes.toml"])
        .args([
            "--key",
            "hospital.key",
            "--as-of",
            "2025-11-01",
            "--out",
            out,
        ])
        .args(extra)
        .output()
        .unwrap()
}

/// A vendor form changed after its vendor signed it: `check` and `report` given the vendor's
/// key refuse it before signing anything (exit 2, nothing written), where the inspector's
/// verify would have said vendor-signature-invalid (exit 3) of a check that said "done".
#[test]
fn a_vendor_form_changed_after_signing_is_refused_with_the_vendor_key() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = clinic_with_signed_vendor_form(tmp.path());
    // As signed, with the vendor's key: checked, nothing left missing for it.
    let o = check_in(&dir, "en", "ok", &["--vendor-key", "vendor.pub"]);
    let out = stdout_of(&o);
    assert!(!out.contains("vendor form signature"), "{out}");
    assert!(dir.join("ok/bundle/report.json").is_file());
    let form = dir.join("vendor-a.toml");
    let text = std::fs::read_to_string(&form).unwrap();
    std::fs::write(&form, text.replace("鈴木一郎", "鈴木二郎")).unwrap();
    for (lang, said) in [
        ("en", "was changed after the vendor signed it"),
        ("ja", "署名の後にファイルが変更されています"),
    ] {
        let o = check_in(&dir, lang, "changed", &["--vendor-key", "vendor.pub"]);
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        assert!(
            err.contains(said) && err.contains("`vendor-a.toml`"),
            "{lang}: {err}"
        );
        assert!(!dir.join("changed").exists(), "{lang}");
        let o = medsec()
            .current_dir(&dir)
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, "report", "--answers", "complete.toml"])
            .args(["--out", "b", "--vendor-key", "vendor.pub"])
            .output()
            .unwrap();
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        assert!(err.contains(said), "{lang}: {err}");
        assert!(!dir.join("b").exists(), "{lang}");
    }
    // Another key than the vendor's: said so, nothing made.
    let o = check_in(&dir, "en", "other", &["--vendor-key", "hospital.pub"]);
    let err = stderr_of(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("none of the keys given with `--vendor-key`"),
        "{err}"
    );
}

/// A vendor form changed after signing, checked with several `--vendor-key`s: the vendor's own
/// key says why (the file changed), whichever order the keys are given in; another vendor's
/// key (which did not make the signature) never hides it behind "none of the keys".
#[test]
fn a_changed_vendor_form_is_said_changed_whatever_the_order_of_the_vendor_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = clinic_with_signed_vendor_form(tmp.path());
    let form = dir.join("vendor-a.toml");
    let text = std::fs::read_to_string(&form).unwrap();
    std::fs::write(&form, text.replace("鈴木一郎", "鈴木二郎")).unwrap();
    for keys in [
        ["vendor.pub", "hospital.pub"],
        ["hospital.pub", "vendor.pub"],
    ] {
        let o = medsec()
            .current_dir(&dir)
            .args(common::bundle::checklist_args())
            .args(["--lang", "en", "report", "--answers", "complete.toml"])
            .args([
                "--out",
                "b",
                "--vendor-key",
                keys[0],
                "--vendor-key",
                keys[1],
            ])
            .output()
            .unwrap();
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{keys:?}: {err}");
        assert!(
            err.contains("was changed after the vendor signed it"),
            "{keys:?}: {err}"
        );
        assert!(!err.contains("none of the keys"), "{keys:?}: {err}");
        assert!(!dir.join("b").exists(), "{keys:?}");
    }
}

/// Without the vendor's key the vendor's signature cannot be checked (Ed25519): `check`
/// lists it under what is missing and does not call the year done (exit 1), says how to
/// rerun with `--vendor-key`; report.html marks the vendor's signature unverified.
#[test]
fn an_unchecked_vendor_signature_is_missing_and_marked_unverified() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = clinic_with_signed_vendor_form(tmp.path());
    for (lang, missing, next, mark, done) in [
        (
            "en",
            "1 vendor form signature(s) not checked",
            "--vendor-key VENDOR.pub` again",
            "(unverified: not checked with the vendor's public key on this page)",
            "is done",
        ),
        (
            "ja",
            "事業者確認用の事業者の署名1件を確かめていません",
            "--vendor-key VENDOR.pub`をもう一度実行してください",
            "(未検証: このページでは事業者の公開鍵で確かめていません)",
            "点検は完了しました",
        ),
    ] {
        let o = check_in(&dir, lang, lang, &[]);
        let out = stdout_of(&o);
        assert_eq!(o.status.code(), Some(1), "{lang}: {out}{}", stderr_of(&o));
        assert!(out.contains(missing), "{lang}: {out}");
        assert!(out.contains(next), "{lang}: {out}");
        assert!(!out.contains(done), "{lang}: {out}");
        assert!(stderr_of(&o).contains("--vendor-key FILE"), "{lang}");
        let html = std::fs::read_to_string(dir.join(lang).join("bundle/report.html")).unwrap();
        // The bundle's page is always Japanese.
        assert!(
            html.contains("(未検証: このページでは事業者の公開鍵で確かめていません)"),
            "{lang}"
        );
        // `render --lang` with only --pubkey (no vendor keys) marks it too.
        let o = medsec()
            .current_dir(&dir)
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, "render"])
            .arg(dir.join(lang).join("bundle"))
            .args(["--pubkey", "hospital.pub", "--format", "md"])
            .output()
            .unwrap();
        assert!(stdout_of(&o).contains(mark), "{lang}: {}", stderr_of(&o));
    }
    // With keys.toml listing the vendor's key, render shows it checked (no mark).
    let line = |p: &str| {
        std::fs::read_to_string(dir.join(p))
            .unwrap()
            .lines()
            .nth(1)
            .unwrap()
            .to_owned()
    };
    std::fs::write(
        dir.join("keys.toml"),
        format!(
            "format_version = 1\n[institutions.0110113719]\nkeys = [\"{}\"]\n[vendors.\"株式会社テストシステム\"]\nkeys = [\"{}\"]\n",
            line("hospital.pub"),
            line("vendor.pub")
        ),
    )
    .unwrap();
    let o = medsec()
        .current_dir(&dir)
        .args(common::bundle::checklist_args())
        .args([
            "--lang",
            "en",
            "render",
            "en/bundle",
            "--trusted",
            "keys.toml",
        ])
        .args(["--format", "md", "--as-of", "2025-11-01"])
        .output()
        .unwrap();
    let out = stdout_of(&o);
    assert!(
        matches!(o.status.code(), Some(0 | 1)) && out.contains("株式会社テストシステム"),
        "{out}{}",
        stderr_of(&o)
    );
    assert!(!out.contains("(unverified: not checked"), "{out}");
}

/// With no file named, an answers file that does not parse is one of the folder's answers
/// files, never skipped as if absent: `status`, `check` and `answer` name it and the place
/// it fails (exit 2) rather than making a new file; beside another answers file, neither is
/// used silently (several files, exit 2). probes.toml beside them is still no answers file.
#[test]
fn an_answers_file_that_does_not_parse_is_never_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let example = common::root().join("examples/clinic");
    std::fs::copy(example.join("probes.toml"), dir.join("probes.toml")).unwrap();
    let good = std::fs::read_to_string(example.join("answers.toml")).unwrap();
    // A closing quote forgotten: a TOML syntax error on that line.
    let broken = good.replacen("answer = \"はい\"", "answer = \"はい", 1);
    let line = broken.lines().position(|l| l == "answer = \"はい").unwrap() + 1;
    std::fs::write(dir.join("clinic.toml"), &broken).unwrap();
    let place = format!("clinic.toml:{line}:");
    for lang in ["en", "ja"] {
        let runs: [&[&str]; 3] = [
            &["status"],
            &["check", "--non-interactive", "--probes", "probes.toml"],
            &["answer"],
        ];
        for args in runs {
            let o = medsec()
                .current_dir(dir)
                .args(["--lang", lang])
                .args(args)
                .output()
                .unwrap();
            let all = format!("{}{}", stdout_of(&o), stderr_of(&o));
            assert_eq!(o.status.code(), Some(2), "{lang} {args:?}: {all}");
            assert!(all.contains(&place), "{lang} {args:?}: {all}");
            assert!(!all.contains("medsec init"), "{lang} {args:?}: {all}");
        }
    }
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names(dir),
        ["clinic.toml", "probes.toml"],
        "a file was made"
    );
    // Last year's file beside it is not used in its place.
    std::fs::write(dir.join("old-2024.toml"), &good).unwrap();
    for (lang, said) in [("en", "several"), ("ja", "複数")] {
        for args in [&["status"][..], &["check", "--non-interactive"][..]] {
            let o = medsec()
                .current_dir(dir)
                .args(["--lang", lang])
                .args(args)
                .output()
                .unwrap();
            let err = stderr_of(&o);
            assert_eq!(o.status.code(), Some(2), "{lang} {args:?}: {err}");
            assert!(
                err.contains(said) && err.contains("clinic.toml") && err.contains("old-2024.toml"),
                "{lang} {args:?}: {err}"
            );
        }
    }
    assert!(!dir.join("report-fy2025").exists());
}

/// `check --as-of D` on a terminal with one item unanswered: the walk-through asks that item
/// only (never the answered items after it), offers D as the 確認日 (Enter keeps it, so the
/// status that follows has no date after D), refuses an evidence file that is not there, and
/// the check goes on.
#[cfg(unix)]
#[test]
fn check_walks_only_the_open_items_and_offers_the_as_of_date() {
    use expectrl::Expect;
    use std::time::Duration;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("clinic");
    std::fs::create_dir_all(&dir).unwrap();
    let example = common::root().join("examples/clinic");
    for e in std::fs::read_dir(&example).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(dir.join(e.file_name())).unwrap();
            for f in std::fs::read_dir(e.path()).unwrap() {
                let f = f.unwrap();
                std::fs::copy(f.path(), dir.join(e.file_name()).join(f.file_name())).unwrap();
            }
        } else {
            std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
        }
    }
    let text = std::fs::read_to_string(dir.join("answers.toml")).unwrap();
    let open = text.replacen(
        "item = \"security-manager\"\nround = 1\nanswer = \"はい\"\nchecked_on = 2025-06-02",
        "item = \"security-manager\"\nround = 1\nanswer = \"\"\nchecked_on = \"\"",
        1,
    );
    assert_ne!(open, text, "the fixture changed");
    std::fs::write(dir.join("answers.toml"), open).unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_medsec"));
    cmd.env_remove("LC_ALL")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env(
            "MEDSEC_DATA_DIR",
            common::root().join("target/test-no-user-data"),
        )
        .current_dir(&dir)
        .args(["--lang", "en", "check", "--answers", "answers.toml"])
        .args([
            "--probes",
            "probes.toml",
            "--as-of",
            "2025-11-01",
            "--out",
            "out",
        ]);
    let mut s = expectrl::session::OsSession::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    if let Err(e) = s.expect("[2/22]") {
        panic!("{e:?}: {}", common::pty_output(&mut s));
    }
    s.send_line("y").unwrap();
    // The date offered is the --as-of day, not today.
    if let Err(e) = s.expect("[2025-11-01") {
        panic!("{e:?}: {}", common::pty_output(&mut s));
    }
    // Enter for the date and the note; はい at the evidence prompt (an answer typed one
    // question late) is no file: asked again, never saved.
    s.send_line("").unwrap();
    s.send_line("").unwrap();
    s.send_line("はい").unwrap();
    if let Err(e) = s.expect("no file `はい`") {
        panic!("{e:?}: {}", common::pty_output(&mut s));
    }
    s.send_line("").unwrap();
    let rest = common::pty_output(&mut s);
    assert!(!rest.contains("[3/22]"), "{rest}");
    assert!(!rest.contains("date-in-future"), "{rest}");
    let saved = std::fs::read_to_string(dir.join("answers.toml")).unwrap();
    assert!(
        saved.contains(
            "item = \"security-manager\"\nround = 1\nanswer = \"はい\"\nchecked_on = 2025-11-01"
        ) && !saved.contains("[\"はい\"]"),
        "{saved}"
    );
    assert!(dir.join("out/bundle/report.json").is_file(), "{rest}");
}

/// A report judged (`check --as-of`) long before the day it was made: verify says so with
/// the warning `as-of-long-before-made` (the day it was made from the signed report, never
/// the `as_of` day), in Japanese and English; the note on a target date passed since names
/// both days.
#[test]
fn a_report_judged_long_before_it_was_made_is_said_to_be() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = clinic_with_signed_vendor_form(tmp.path());
    let o = check_in(&dir, "en", "o", &["--vendor-key", "vendor.pub"]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("o/bundle/report.json")).unwrap()).unwrap();
    assert_eq!(report["as_of"], "2025-11-01");
    // The day it was made, in Japan (as medsec shows it).
    let made = report["generated_at"]
        .as_str()
        .unwrap()
        .parse::<jiff::Timestamp>()
        .unwrap()
        .checked_add(jiff::SignedDuration::from_hours(9))
        .unwrap()
        .to_string();
    let made = &made[..10];
    for (lang, said) in [
        ("en", "days earlier (`check --as-of`)"),
        ("ja", "の時点として判断されています"),
    ] {
        let o = medsec()
            .current_dir(&dir)
            .args(common::bundle::checklist_args())
            .args([
                "--lang",
                lang,
                "verify",
                "o/bundle",
                "--pubkey",
                "hospital.pub",
            ])
            .args(["--as-of", "2026-06-01"])
            .output()
            .unwrap();
        let out = stdout_of(&o);
        assert!(out.contains("[as-of-long-before-made]"), "{lang}: {out}");
        assert!(out.contains(said) && out.contains(made), "{lang}: {out}");
        // 2-⑩'s target date 2026-03-31 passed after the day judged on: both days named.
        let note = out
            .lines()
            .find(|l| l.contains("target-date-passed-since-signing"))
            .unwrap_or_default();
        assert!(
            note.contains("2025-11-01") && note.contains(made),
            "{lang}: {out}"
        );
    }
}

/// `verify --expect` of another page: the bundle's own signature still verified, so its
/// signed time is shown as it is, never marked unverified.
#[test]
fn an_expect_mismatch_leaves_the_signed_time_verified() {
    let b = signed(&report_value("0110113719", 2025));
    for (lang, mark) in [("en", "(unverified)"), ("ja", "(未検証)")] {
        let o = medsec()
            .args(common::bundle::checklist_args())
            .args(["--lang", lang, "verify"])
            .arg(&b.bundle)
            .args(["--pubkey", b.key.public.to_str().unwrap()])
            .args(["--as-of", common::bundle::AS_OF, "--expect"])
            .arg("0".repeat(64))
            .output()
            .unwrap();
        let out = stdout_of(&o);
        assert_eq!(o.status.code(), Some(3), "{lang}: {out}{}", stderr_of(&o));
        assert!(out.contains("expect-mismatch"), "{lang}: {out}");
        assert!(!out.contains(mark), "{lang}: {out}");
    }
}

/// A complete status judged `--as-of D` names the next step with the same `--as-of`, so the
/// check it suggests judges the answers on the same day.
#[test]
fn status_next_step_repeats_as_of() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = common::complete_answers_in(tmp.path());
    let o = medsec()
        .args(common::bundle::checklist_args())
        .args(["--lang", "en", "status"])
        .arg(&answers)
        .args(["--as-of", "2025-11-01"])
        .output()
        .unwrap();
    let out = stdout_of(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr_of(&o));
    let check = out
        .split('`')
        .find(|c| c.starts_with("medsec check"))
        .unwrap_or_default();
    assert!(check.contains("--as-of 2025-11-01"), "{out}");
}

/// summarize over an inbox where one clinic sent report.html alone: a row `no-bundle` (exit
/// 2), never passed by; the bundle beside it is summarised (an empty folder is passed by).
#[test]
fn summarize_has_a_row_for_a_delivery_without_a_bundle() {
    let b = signed(&report_value("0110113719", 2025));
    std::fs::create_dir_all(b.root.join("only-html")).unwrap();
    std::fs::write(b.root.join("only-html/report.html"), "<!DOCTYPE html>").unwrap();
    std::fs::create_dir_all(b.root.join("empty")).unwrap();
    let o = medsec()
        .args(common::bundle::checklist_args())
        .args(["--lang", "en", "summarize"])
        .arg(&b.root)
        .args(["--pubkey", b.key.public.to_str().unwrap()])
        .args(["--as-of", common::bundle::AS_OF, "--format", "json"])
        .output()
        .unwrap();
    let out = stdout_of(&o);
    assert_eq!(o.status.code(), Some(2), "{out}{}", stderr_of(&o));
    assert!(out.contains("only-html"), "{out}");
    assert_eq!(out.matches("\"no-bundle\"").count(), 1, "{out}");
    assert!(out.contains("0110113719"), "{out}");
}
