//! What an inspector reads (issue #12): a report.json given directly is read as its bundle
//! when the signed manifest sits beside it; a lone one is shown with a warning that it is not
//! verified; evidence is tied to the institution it was made for.

use crate::common;

use common::{fixture, medsec, slashed, stderr_of, stdout_of};
use std::path::{Path, PathBuf};

fn checklist_args() -> Vec<String> {
    [
        "checklist-fy2025-institution.toml",
        "checklist-fy2025-vendor.toml",
    ]
    .iter()
    .flat_map(|f| ["--checklist".to_owned(), fixture(f).display().to_string()])
    .collect()
}

/// The answers fixtures copied into `dir/answers` (complete.toml, its vendor form, evidence).
fn answers_copy(dir: &Path) -> PathBuf {
    let answers = dir.join("answers");
    std::fs::create_dir_all(answers.join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), answers.join(f)).unwrap();
    }
    answers
}

/// Run medsec in `dir`; (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = medsec().current_dir(dir).args(args).output().unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// An unsigned bundle in `dir/bundle` made with the test checklists, which are not bundled
/// into medsec: the bundle carries them.
fn bundle(dir: &Path) -> PathBuf {
    let answers = answers_copy(dir);
    let out = dir.join("bundle");
    let o = medsec()
        .current_dir(dir)
        .args(checklist_args())
        .arg("report")
        .arg("--answers")
        .arg(answers.join("complete.toml"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}{}",
        stdout_of(&o),
        stderr_of(&o)
    );
    assert!(out
        .join("checklists/test-institution-fy2025.toml")
        .is_file());
    out
}

#[test]
fn a_report_json_in_its_bundle_is_read_as_the_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    bundle(w);
    for lang in ["ja", "en"] {
        let folder = run(w, &["--lang", lang, "status", "bundle"]);
        let file = run(w, &["--lang", lang, "status", "bundle/report.json"]);
        assert_ne!(folder.0, 2, "{folder:?}");
        assert_eq!(file.0, folder.0, "{lang}: {file:?}");
        // The path as given (`bundle/report.json`), or joined from the folder given.
        assert_eq!(file.1, slashed(&folder.1), "{lang}: the same table");
        assert!(!file.2.contains("unknown-checklist"), "{}", file.2);
        let json = run(w, &["status", "bundle/report.json", "--format", "json"]);
        assert_eq!(json.0, folder.0, "{json:?}");
    }
    // Run from inside the bundle: `report.json` alone still finds the manifest beside it.
    let inside = run(&w.join("bundle"), &["status", "report.json"]);
    assert_eq!(inside.0, run(w, &["status", "bundle"]).0, "{inside:?}");
    assert!(!inside.2.contains("not verified"), "{}", inside.2);
}

#[test]
fn a_tampered_report_json_given_directly_is_refused_as_its_bundle_is() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let b = bundle(w);
    let path = b.join("report.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen("テスト診療所", "別の診療所", 1);
    assert_ne!(text, changed);
    std::fs::write(&path, changed).unwrap();
    let (code, out, err) = run(w, &["status", "bundle/report.json"]);
    assert_eq!(code, 3, "{out}{err}");
    assert!(
        out.is_empty(),
        "nothing of a tampered report is shown: {out}"
    );
    assert!(err.contains("integrity"), "{err}");
    let (code, _, err) = run(w, &["--lang", "ja", "status", "bundle/report.json"]);
    assert_eq!(code, 3);
    assert!(err.contains("完全性"), "{err}");
}

#[test]
fn a_lone_report_json_is_shown_with_a_warning_and_its_carried_checklist() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let b = bundle(w);
    let (want, table, _) = run(w, &["status", "bundle"]);
    // Copied out of the bundle with the checklists it carries, but without the manifest.
    let lone = w.join("lone");
    std::fs::create_dir_all(lone.join("checklists")).unwrap();
    std::fs::copy(b.join("report.json"), lone.join("report.json")).unwrap();
    for entry in std::fs::read_dir(b.join("checklists")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            lone.join("checklists").join(entry.file_name()),
        )
        .unwrap();
    }
    let (code, out, err) = run(w, &["status", "lone/report.json"]);
    assert_eq!(code, want, "{out}{err}");
    assert_eq!(
        out.replace("lone/", "bundle/"),
        slashed(&table),
        "the same table as the bundle's"
    );
    assert!(
        err.contains("lone/report.json") && err.contains("not in a signed bundle"),
        "{err}"
    );
    let (code, _, err) = run(w, &["--lang", "ja", "status", "lone/report.json"]);
    assert_eq!(code, want);
    assert!(
        err.contains("署名付きの報告書一式の中にありません"),
        "{err}"
    );
    // Without the carried checklist it cannot be read: exit 2, saying which checklist.
    std::fs::remove_dir_all(lone.join("checklists")).unwrap();
    let (code, out, err) = run(w, &["status", "lone/report.json"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("test-institution@fy2025"), "{err}");
}

/// Probe evidence of this institution: one backup probe over a fresh file, made with
/// `--answers answers/complete.toml`, at `dir/evidence.json`.
fn probe_evidence(dir: &Path) -> serde_json::Value {
    let backup = dir.join("backup");
    std::fs::create_dir_all(&backup).unwrap();
    std::fs::write(backup.join("karte.dump"), vec![1u8; 4096]).unwrap();
    std::fs::write(
        dir.join("probes.toml"),
        format!(
            "[[probe]]\nkind = \"backup-freshness\"\npath = '{}'\nmax_age = \"7d\"\ntime_basis = \"mtime\"\n",
            backup.display()
        ),
    )
    .unwrap();
    let (code, out, err) = run(
        dir,
        &[
            "probe",
            "--config",
            "probes.toml",
            "--answers",
            "answers/complete.toml",
            "--out",
            "evidence.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    serde_json::from_slice(&std::fs::read(dir.join("evidence.json")).unwrap()).unwrap()
}

/// `evidence.json` changed by `change`, written as `name`.
fn changed_evidence(dir: &Path, name: &str, change: impl FnOnce(&mut serde_json::Value)) {
    let mut ev = probe_evidence_value(dir);
    change(&mut ev);
    std::fs::write(dir.join(name), serde_json::to_vec_pretty(&ev).unwrap()).unwrap();
}

fn probe_evidence_value(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("evidence.json")).unwrap()).unwrap()
}

fn status_with(dir: &Path, lang: &str, evidence: &str) -> (i32, String, String) {
    let mut args: Vec<String> = checklist_args();
    args.extend(
        [
            "--lang",
            lang,
            "status",
            "answers/complete.toml",
            "--as-of",
            "2025-11-01",
            "--evidence",
            evidence,
        ]
        .map(str::to_owned),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(dir, &args)
}

/// reports12-5: a contradiction `status --evidence` finds is placed at the contradicted
/// answer's entry in the answers file (its `[[answers]]` line), as other status findings are,
/// not at line 1.
#[test]
fn status_places_a_contradiction_at_the_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    answers_copy(w);
    let text = std::fs::read_to_string(w.join("answers/complete.toml")).unwrap();
    // The fixture evidence's failed backup probe covers remote-maintenance, answered はい.
    let item_line = text
        .lines()
        .position(|l| l.trim() == "item = \"remote-maintenance\"")
        .expect("the answer in the fixture");
    let entry_line = item_line; // the `[[answers]]` line just before it, counted from 1
    let evidence = fixture("report/evidence.json").display().to_string();
    for lang in ["en", "ja"] {
        let (code, out, err) = status_with(w, lang, &evidence);
        assert_eq!(code, 1, "{out}{err}");
        let wanted = format!("complete.toml:{entry_line}:1: ");
        let line = out
            .lines()
            .find(|l| l.contains("[answer-contradicted-by-probe]"))
            .unwrap_or_else(|| panic!("{lang}: {out}"));
        assert!(line.contains(&wanted), "{lang}: {line}");
    }
}

#[test]
fn probe_records_the_institution_and_status_tells_evidence_of_another() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    answers_copy(w);
    let ev = probe_evidence(w);
    assert_eq!(ev["institution"]["code"], "0110113719", "{ev:#}");
    assert_eq!(ev["institution"]["name"], "テスト診療所");

    // This institution's evidence: none of the evidence findings.
    let (base, out, err) = status_with(w, "en", "evidence.json");
    assert!(!out.contains("evidence-"), "{out}{err}");

    // Another institution's: an error, exit 1, in both languages.
    changed_evidence(w, "other.json", |e| {
        e["institution"]["code"] = "1310000001".into();
        e["institution"]["name"] = "別の病院".into();
    });
    let (code, out, _) = status_with(w, "en", "other.json");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error[evidence-other-institution]")
            && out.contains("another institution (code `1310000001`, “別の病院”)"),
        "{out}"
    );
    let (code, out, _) = status_with(w, "ja", "other.json");
    assert_eq!(code, 1);
    assert!(
        out.contains("別の医療機関(医療機関コード`1310000001`"),
        "{out}"
    );

    // Evidence tied to no institution (old evidence, or made without --answers): a warning.
    changed_evidence(w, "untied.json", |e| {
        e.as_object_mut().unwrap().remove("institution");
    });
    let (code, out, _) = status_with(w, "en", "untied.json");
    assert_eq!(code, base, "a warning does not change the exit code: {out}");
    assert!(out.contains("warning[evidence-no-institution]"), "{out}");

    // Evidence from before the fiscal year of the answers (FY2025 began 2025-04-01).
    changed_evidence(w, "old.json", |e| {
        e["started"] = "2025-03-01T01:00:00Z".into();
        e["finished"] = "2025-03-01T01:00:02Z".into();
    });
    let (code, out, _) = status_with(w, "ja", "old.json");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("evidence-before-fiscal-year") && out.contains("令和7年度の始まりより前"),
        "{out}"
    );
}

#[test]
fn report_records_evidence_of_another_institution_and_verify_and_summarize_show_it() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    answers_copy(w);
    probe_evidence(w);
    changed_evidence(w, "other.json", |e| {
        e["institution"]["code"] = "1310000001".into();
    });
    changed_evidence(w, "later.json", |e| {
        e["finished"] = "2099-01-01T00:00:00Z".into();
    });
    common::keygen(&w.join("clinic"));
    let report = |evidence: &str, out: &str| {
        let mut args: Vec<String> = checklist_args();
        args.extend(
            [
                "report",
                "--answers",
                "answers/complete.toml",
                "--evidence",
                evidence,
                "--out",
                out,
                "--sign",
                "clinic.key",
            ]
            .map(str::to_owned),
        );
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(w, &args)
    };
    let recorded = |out: &str| -> Vec<String> {
        let r: serde_json::Value =
            serde_json::from_slice(&std::fs::read(w.join(out).join("report.json")).unwrap())
                .unwrap();
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let (code, out, err) = report("evidence.json", "own");
    assert!(matches!(code, 0 | 1), "{out}{err}");
    assert!(
        !recorded("own").iter().any(|c| c.starts_with("evidence-")),
        "{:?}",
        recorded("own")
    );
    let (code, out, err) = report("other.json", "other");
    assert_eq!(code, 1, "{out}{err}");
    assert!(recorded("other").contains(&"evidence-other-institution".to_owned()));
    let (code, out, err) = report("later.json", "later");
    assert_eq!(code, 1, "{out}{err}");
    assert!(recorded("later").contains(&"evidence-after-report".to_owned()));

    // status of the bundle lists it by its own code among what report.json records.
    let (code, out, err) = run(w, &["status", "other"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("error[evidence-other-institution]"), "{out}");

    // verify re-derives it from the signed evidence, and agrees with what was recorded.
    for lang in ["en", "ja"] {
        let (code, out, err) = run(
            w,
            &[
                "--lang",
                lang,
                "verify",
                "other",
                "--pubkey",
                "clinic.pub",
                "--checklist",
                fixture("checklist-fy2025-institution.toml")
                    .to_str()
                    .unwrap(),
            ],
        );
        assert_eq!(code, 1, "{out}{err}");
        assert!(out.contains("evidence-other-institution"), "{out}");
        assert!(!out.contains("findings-disagree"), "{out}");
    }
    let (code, out, err) = run(
        w,
        &[
            "summarize",
            "own",
            "other",
            "--pubkey",
            "clinic.pub",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1, "{out}{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = json["bundles"].as_array().unwrap();
    assert_eq!(rows[0]["path"], "own");
    assert_eq!(rows[0].get("evidence_findings"), None, "{out}");
    assert_eq!(
        rows[1]["evidence_findings"],
        serde_json::json!(["evidence-other-institution"]),
        "{out}"
    );
    // Not counted as a contradiction (the fixture checklist's item IDs are not the ones the
    // probes name, so no answer was checked at all: no count, `no-probe-evidence`).
    assert_eq!(
        rows[1]["contradictions"].as_u64().unwrap_or(0),
        0,
        "not counted as a contradiction: {out}"
    );
}

/// The example clinic's status on a terminal that reports no size (0 columns, as `script` and
/// some containers give): the table keeps its usual width instead of two-column-wide cells.
/// The pty library sets an 80-column size from the parent after the child has started, so the
/// child waits for a line (sent once `spawn` has returned) before it sets 0 columns: otherwise,
/// under load, the 80 columns came after `stty` and the table was narrow.
// `sh -c "stty …"` sets the terminal's size: Unix only.
#[cfg(unix)]
#[test]
fn a_terminal_without_a_size_gets_a_readable_table() {
    use expectrl::Expect;
    let medsec = env!("CARGO_BIN_EXE_medsec");
    let mut cmd = std::process::Command::new("sh");
    cmd.env_remove("LC_ALL")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("MEDSEC_DATA_DIR", common::root().join("target/test-no-user-data"))
        .current_dir(common::root())
        .arg("-c")
        .arg(format!(
            "read go && stty cols 0 rows 0 && exec '{medsec}' --lang ja status examples/clinic/answers.toml --as-of 2025-11-01"
        ));
    let mut s = expectrl::session::OsSession::spawn(cmd).expect("spawn in a pty");
    // The parent's size is set by now: the child may set its own.
    s.send_line("go").expect("the go line");
    s.set_expect_timeout(Some(std::time::Duration::from_secs(30)));
    let found = s.expect("記入完了").expect("the status ends complete");
    let out = String::from_utf8_lossy(found.before()).into_owned();
    assert!(out.contains("0 医療情報システムの有無"), "{out}");
}

/// verify's table on a colour terminal: the coloured result cell is as wide as its column
/// (colour codes take no room), so the borders line up.
// `sh -c "stty …"` sets the terminal's size: Unix only.
#[cfg(unix)]
#[test]
fn a_coloured_table_lines_up() {
    use expectrl::Expect;
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let answers = answers_copy(w);
    common::keygen(&w.join("clinic"));
    let o = medsec()
        .current_dir(w)
        .args(checklist_args())
        .arg("report")
        .arg("--answers")
        .arg(answers.join("complete.toml"))
        .args(["--out", "bundle", "--sign", "clinic.key"])
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    let medsec = env!("CARGO_BIN_EXE_medsec");
    let mut cmd = std::process::Command::new("sh");
    cmd.env_remove("LC_ALL")
        .env_remove("NO_COLOR")
        .env("LANG", "C")
        .env("TERM", "xterm")
        .env("MEDSEC_DATA_DIR", common::root().join("target/test-no-user-data"))
        .current_dir(w)
        .arg("-c")
        .arg(format!(
            "read go && stty cols 150 rows 40 && exec '{medsec}' --lang ja verify bundle --pubkey clinic.pub --as-of 2025-11-01"
        ));
    let mut s = expectrl::session::OsSession::spawn(cmd).expect("spawn in a pty");
    // As above: the pty library's own size first, then the child's.
    s.send_line("go").expect("the go line");
    s.set_expect_timeout(Some(std::time::Duration::from_secs(30)));
    let found = s.expect("件: 有効").expect("the verify summary");
    let out = String::from_utf8_lossy(found.before()).into_owned();
    assert!(out.contains("\x1b["), "coloured: {out}");
    // Without the colour codes, every line of the table is equally wide.
    let mut plain = String::new();
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        plain.push(c);
    }
    let widths: Vec<usize> = plain
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
        .map(medsec::render::table::display_width)
        .collect();
    assert!(widths.len() >= 4, "{plain}");
    assert!(
        widths.iter().all(|w| *w == widths[0]),
        "{widths:?}\n{plain}"
    );
}

/// summarize over folders of folders with links: a link to a folder is shown as not followed,
/// a link that loops as unreadable (naming the loop), and the bundles are still summarised;
/// exit 2 (unusable input), as docs/exit-codes.md says.
#[cfg(unix)]
#[test]
fn summarize_says_links_and_loops_and_still_summarises_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let answers = answers_copy(w);
    common::keygen(&w.join("clinic"));
    let all = w.join("all");
    std::fs::create_dir_all(all.join("2025/x")).unwrap();
    let o = medsec()
        .current_dir(w)
        .args(checklist_args())
        .arg("report")
        .arg("--answers")
        .arg(answers.join("complete.toml"))
        .args(["--out", "all/2025/x/b1", "--sign", "clinic.key"])
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    std::os::unix::fs::symlink("..", all.join("2025/x/up")).unwrap();
    std::os::unix::fs::symlink("self", all.join("self")).unwrap();
    std::os::unix::fs::symlink("nowhere", all.join("dangling")).unwrap();
    let (code, out, err) = run(
        w,
        &[
            "summarize",
            "all",
            "--pubkey",
            "clinic.pub",
            "--as-of",
            "2025-11-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 2, "{out}{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = json["bundles"].as_array().unwrap();
    let by_path = |p: &str| {
        rows.iter()
            .find(|r| r["path"] == p)
            .unwrap_or_else(|| panic!("no row {p}: {out}"))
    };
    assert_eq!(by_path("all/2025/x/b1")["institution_code"], "0110113719");
    assert_eq!(
        by_path("all/2025/x/up")["worst_finding"],
        "link-not-followed"
    );
    assert_eq!(by_path("all/self")["worst_finding"], "bundle-unreadable");
    assert_eq!(
        rows.len(),
        3,
        "a link to nothing is no bundle, as a file is not: {out}"
    );
    assert!(err.contains("all/self"), "{err}");
    // Said in the reader's language, naming the loop.
    let (code, out, err) = run(
        w,
        &[
            "--lang",
            "ja",
            "verify",
            "all/self",
            "--pubkey",
            "clinic.pub",
        ],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("確認不能"), "{out}");
    assert!(err.contains("bundle-unreadable"), "{err}");
}
