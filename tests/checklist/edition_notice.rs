//! When the newest edition known is older than this fiscal year, the commands that pick an
//! edition say so, name where this year's official workbook is and the commands that register
//! it; once a checklist of this year is known, they are quiet.

use crate::common;
use common::*;

/// The fiscal year (April–March, Japan) of today.
fn current_fiscal_year() -> i16 {
    medsec::dates::fiscal_year_of(medsec::dates::today_in_japan())
}

#[test]
fn init_status_and_report_say_this_years_form_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    let out = medsec()
        .current_dir(dir.path())
        .args(["--lang", "ja", "init", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr_of(&out);
    assert!(err.contains("注意:"), "{err}");
    assert!(err.contains("medsec checklist import"), "{err}");
    assert!(err.contains("medsec checklist add"), "{err}");
    assert!(
        err.contains(&format!("FY{}", current_fiscal_year())),
        "{err}"
    );
    for args in [vec!["status"], vec!["answer", "--export", "x.csv"]] {
        let out = medsec()
            .current_dir(dir.path())
            .args(["--lang", "en"])
            .args(&args[..1])
            .arg(&file)
            .args(&args[1..])
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert!(err.contains("medsec checklist import"), "{args:?}: {err}");
    }
    // JSON for scripts is unchanged: the notice is on standard error only.
    let out = medsec()
        .args(["status", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!stdout_of(&out).contains("checklist import"));
}

#[test]
fn a_checklist_of_this_year_quiets_the_notice() {
    let year = current_fiscal_year();
    let text = std::fs::read_to_string(format!(
        "{}/checklists/mhlw/fy2025/institution.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace("fy2025", &format!("fy{year}"))
    .replace("fiscal_year = 2025", &format!("fiscal_year = {year}"));
    let dir = tempfile::tempdir().unwrap();
    let current = dir.path().join("current.toml");
    std::fs::write(&current, text).unwrap();
    let out = medsec()
        .current_dir(dir.path())
        .args(["--lang", "ja", "--checklist"])
        .arg(&current)
        .args(["init", "--out", "a.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(!stderr_of(&out).contains("注意:"), "{}", stderr_of(&out));
    let written = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    assert!(
        written.contains(&format!("edition = \"fy{year}\"")),
        "{written}"
    );
}

/// With this year's merged form known (`serves` hospital, clinic and pharmacy), a pharmacy
/// does not silently get last year's pharmacy form: `init --form pharmacy` makes the file on
/// the merged form and says which and why. Without it, the edition notice is shown, as for
/// institutions.
#[test]
fn a_pharmacy_gets_the_merged_form_of_this_year_or_the_notice() {
    let year = current_fiscal_year();
    let text = fy2025_institution_as_this_years().replace(
        "serves = [\"hospital\", \"clinic\"]",
        "serves = [\"hospital\", \"clinic\", \"pharmacy\"]",
    );
    let dir = tempfile::tempdir().unwrap();
    let current = dir.path().join("current.toml");
    std::fs::write(&current, text).unwrap();
    // Registered as a hospital does it (`checklist add`), so later commands find it.
    let data = tempfile::tempdir().unwrap();
    let out = medsec()
        .env("MEDSEC_DATA_DIR", data.path())
        .args(["checklist", "add"])
        .arg(&current)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let out = medsec()
        .current_dir(dir.path())
        .env("MEDSEC_DATA_DIR", data.path())
        .args([
            "--lang", "ja", "init", "--form", "pharmacy", "--out", "p.toml",
        ])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let written = std::fs::read_to_string(dir.path().join("p.toml")).unwrap();
    assert!(
        written.contains(&format!("mhlw-institution@fy{year}"))
            || (written.contains("mhlw-institution")
                && written.contains(&format!("edition = \"fy{year}\""))),
        "{written}"
    );
    assert!(
        err.contains("mhlw-pharmacy@fy2025") && err.contains(&format!("mhlw-institution@fy{year}")),
        "{err}"
    );
    assert!(err.contains("薬局も対象"), "{err}");
    // A form serving hospitals, clinics and pharmacies is named 医療機関・薬局確認用
    // everywhere: the list, status and the answers file's comment.
    assert!(written.contains("医療機関・薬局確認用"), "{written}");
    for args in [
        vec!["checklist", "list"],
        vec!["status", "p.toml"],
        vec!["checklist", "show", "mhlw-institution"],
    ] {
        let out = medsec()
            .current_dir(dir.path())
            .env("MEDSEC_DATA_DIR", data.path())
            // Wide enough that the table does not wrap the name.
            .env("COLUMNS", "400")
            .args(["--lang", "ja"])
            .args(&args)
            .output()
            .unwrap();
        let shown = stdout_of(&out);
        assert!(shown.contains("医療機関・薬局確認用"), "{args:?}: {shown}");
    }
    // …and the report's HTML.
    let text = std::fs::read_to_string(dir.path().join("p.toml"))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト薬局\"")
        .replace("code = \"\"", "code = \"0140113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"pharmacy\"")
        .replace("manager = \"\"", "manager = \"山田太郎\"")
        .replace("security_manager = \"\"", "security_manager = \"佐藤花子\"")
        .replace("answered_by = \"\"", "answered_by = \"佐藤花子\"")
        .replace("contract = \"\"", "contract = false");
    std::fs::write(dir.path().join("p.toml"), text).unwrap();
    keygen(&dir.path().join("pharmacy"));
    let out = medsec()
        .current_dir(dir.path())
        .env("MEDSEC_DATA_DIR", data.path())
        .args(["report", "--answers", "p.toml", "--out", "bundle"])
        .args(["--sign", "pharmacy.key"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&out)
    );
    let html = std::fs::read_to_string(dir.path().join("bundle/report.html")).unwrap();
    assert!(html.contains("医療機関・薬局確認用"), "{html}");

    // No form of this year: the pharmacy form of last year, with the edition notice.
    let out = medsec()
        .current_dir(dir.path())
        .env("MEDSEC_DATA_DIR", dir.path().join("data"))
        .args([
            "--lang", "ja", "init", "--form", "pharmacy", "--out", "q.toml",
        ])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("注意:"), "{err}");
    assert!(err.contains("mhlw-pharmacy@fy2025"), "{err}");
}

/// `checklist new --from ID@EDITION` toward an edition whose official workbooks have no form of
/// the source's kind (FY2026 merged the pharmacy form into 医療機関・薬局確認用): accepted,
/// said in the user's language, the title and institutions served carried unchanged; a form
/// the edition has is made without the notice; an edition that is not later, or a source
/// edition that does not exist, is refused (exit 2, nothing written).
#[test]
fn checklist_new_toward_an_edition_without_the_form_is_said_not_refused() {
    let dir = tempfile::tempdir().unwrap();
    let new = |args: &[&str]| {
        medsec()
            .current_dir(dir.path())
            .args(["checklist", "new"])
            .args(args)
            .output()
            .unwrap()
    };
    // Accepted, with the notice, in Japanese and in English.
    let out = new(&[
        "--lang",
        "ja",
        "--from",
        "mhlw-pharmacy@fy2025",
        "--edition",
        "fy2026",
        "--out",
        "p.toml",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("fy2026の様式は") && err.contains("この様式(pharmacy)はありません"),
        "{err}"
    );
    assert!(err.contains("医療機関・薬局確認用"), "{err}");
    let written = std::fs::read_to_string(dir.path().join("p.toml")).unwrap();
    assert!(written.contains("edition = \"fy2026\""), "{written}");
    assert!(written.contains("form = \"pharmacy\""), "{written}");
    assert!(written.contains("serves = [\"pharmacy\"]"), "{written}");
    let out = new(&[
        "--lang",
        "en",
        "--from",
        "mhlw-pharmacy@fy2025",
        "--edition",
        "fy2026",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("medsec's data on fy2026 knows the forms")
            && err.contains("and no pharmacy form"),
        "{err}"
    );
    assert!(stdout_of(&out).contains("edition = \"fy2026\""));
    // A form the edition has: no notice.
    let out = new(&[
        "--lang",
        "en",
        "--from",
        "mhlw-institution@fy2025",
        "--edition",
        "fy2026",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        !stderr_of(&out).contains("knows the forms"),
        "{}",
        stderr_of(&out)
    );
    // Refused: not a later edition, or no such source edition.
    let out = new(&[
        "--lang",
        "en",
        "--from",
        "mhlw-pharmacy@fy2025",
        "--edition",
        "fy2025",
        "--out",
        "q.toml",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("is not after"),
        "{}",
        stderr_of(&out)
    );
    assert!(!dir.path().join("q.toml").exists());
    let out = new(&[
        "--lang",
        "en",
        "--from",
        "mhlw-pharmacy@fy2026",
        "--edition",
        "fy2027",
        "--out",
        "q.toml",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("fy2025"), "{}", stderr_of(&out));
    assert!(!dir.path().join("q.toml").exists());
}

/// The text of the bundled FY2025 institution form with this fiscal year's edition, year and
/// titles (令和N年度, FYNNNN).
fn fy2025_institution_as_this_years() -> String {
    let year = current_fiscal_year();
    std::fs::read_to_string(format!(
        "{}/checklists/mhlw/fy2025/institution.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace("fy2025", &format!("fy{year}"))
    .replace("fiscal_year = 2025", &format!("fiscal_year = {year}"))
    .replace("令和7年度", &medsec::dates::wareki_fiscal_year(year))
    .replace("FY2025", &format!("FY{year}"))
}

/// The bundled FY2025 institution form made this year's, as publisher `publisher`'s
/// (`mhlw` stands for a checklist imported from the official workbook), written in `dir`.
fn this_years_form(dir: &std::path::Path, publisher: &str) -> std::path::PathBuf {
    let text = fy2025_institution_as_this_years()
        .replace(
            "id = \"mhlw-institution\"",
            &format!("id = \"{publisher}-institution\""),
        )
        .replace(
            "publisher = \"mhlw\"",
            &format!("publisher = \"{publisher}\""),
        );
    let path = dir.join(format!("{publisher}-this-year.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

/// `checklist add` of `file` into the user folder `data`.
fn add(data: &std::path::Path, file: &std::path::Path) {
    let out = medsec()
        .env("MEDSEC_DATA_DIR", data)
        .args(["checklist", "add"])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
}

/// An answers file made in `dir` on `spec` (`--checklist`), or on the default without.
fn answers_on(dir: &std::path::Path, data: &std::path::Path, spec: Option<&str>, name: &str) {
    let mut cmd = medsec();
    cmd.current_dir(dir).env("MEDSEC_DATA_DIR", data);
    if let Some(spec) = spec {
        cmd.args(["--checklist", spec]);
    }
    let out = cmd.args(["init", "--out", name]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
}

/// An answers file on an added checklist of this year is answered on it without
/// `--checklist`, and no command says that this year's form is missing.
#[test]
fn an_answers_file_on_an_added_checklist_of_this_year_is_quiet() {
    let year = current_fiscal_year();
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    add(data.path(), &this_years_form(dir.path(), "clinicx"));
    let spec = format!("clinicx-institution@fy{year}");
    answers_on(dir.path(), data.path(), Some(&spec), "a.toml");
    let written = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    assert!(
        written.contains("id = \"clinicx-institution\""),
        "{written}"
    );
    for lang in ["ja", "en"] {
        for args in [
            vec!["status", "a.toml"],
            vec!["answer", "a.toml", "--export", "x.csv", "--force"],
            vec!["init", "--from", "a.toml", "--out", "b.toml", "--force"],
        ] {
            let out = medsec()
                .current_dir(dir.path())
                .env("MEDSEC_DATA_DIR", data.path())
                .args(["--lang", lang])
                .args(&args)
                .output()
                .unwrap();
            let err = stderr_of(&out);
            assert_ne!(out.status.code(), Some(2), "{args:?}: {err}");
            for notice in ["注意:", "note:", "checklist import", "--checklist"] {
                assert!(!err.contains(notice), "{lang} {args:?}: {err}");
            }
        }
    }
}

/// An answers file on an older edition, with this year's checklist added: the notice names
/// the one in use and this year's by its id@edition, whether this year's is the publisher's
/// (imported from the official workbook) or another name.
#[test]
fn an_answers_file_on_an_older_edition_is_told_this_years_checklist() {
    let year = current_fiscal_year();
    for publisher in ["clinicx", "mhlw"] {
        let dir = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        add(data.path(), &this_years_form(dir.path(), publisher));
        answers_on(
            dir.path(),
            data.path(),
            Some("mhlw-institution@fy2025"),
            "old.toml",
        );
        let this_year = format!("{publisher}-institution@fy{year}");
        // The publisher's own edition of this year: the one in use is named beside it, with
        // the command that carries the answers over. Another name: the registered one is
        // named as not the publisher's, with the `--checklist` that uses it.
        let carry = format!("`medsec --checklist {this_year} init --from`");
        let cases: [(&str, Vec<String>); 2] = if publisher == "mhlw" {
            [
                (
                    "ja",
                    vec![
                        "使っているチェックリスト`mhlw-institution@fy2025`".to_owned(),
                        carry.clone(),
                    ],
                ),
                (
                    "en",
                    vec![
                        "the checklist in use, `mhlw-institution@fy2025`".to_owned(),
                        carry.clone(),
                    ],
                ),
            ]
        } else {
            [
                (
                    "ja",
                    vec![format!("`--checklist {this_year}`を付けてください")],
                ),
                ("en", vec![format!("give `--checklist {this_year}`")]),
            ]
        };
        for (lang, words) in cases {
            for args in [
                vec!["status", "old.toml"],
                vec!["answer", "old.toml", "--export", "x.csv", "--force"],
            ] {
                let out = medsec()
                    .current_dir(dir.path())
                    .env("MEDSEC_DATA_DIR", data.path())
                    .args(["--lang", lang])
                    .args(&args)
                    .output()
                    .unwrap();
                let err = stderr_of(&out);
                assert!(
                    err.contains(&this_year),
                    "{publisher} {lang} {args:?}: {err}"
                );
                for word in &words {
                    assert!(
                        err.contains(word.as_str()),
                        "{publisher} {lang} {args:?}: {err}"
                    );
                }
            }
        }
    }
}
