//! `medsec checklist ...` as users run it.

use crate::common;
use common::*;
use serde_json::Value;

#[test]
fn cli_definition_is_consistent() {
    use clap::CommandFactory;
    medsec::cli::Cli::command().debug_assert();
}

#[test]
fn help_snapshots() {
    for args in [
        vec!["--help"],
        vec!["checklist", "--help"],
        vec!["checklist", "lint", "--help"],
        vec!["checklist", "show", "--help"],
    ] {
        let out = medsec().args(&args).output().unwrap();
        assert!(out.status.success());
        insta::assert_snapshot!(format!("help-{}", args.join("-")), stdout_of(&out));
    }
}

#[test]
fn list_json_has_the_contract_fields() {
    let out = medsec()
        .args(["checklist", "list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.len() >= 8, "every bundled edition and form is listed");
    for row in rows {
        for key in ["id", "edition", "form", "items", "digest"] {
            assert!(row.get(key).is_some(), "missing {key} in {row}");
        }
        assert!(row["digest"].as_str().unwrap().starts_with("sha256:"));
        assert_eq!(row["digest"].as_str().unwrap().len(), 7 + 64);
    }
    for (id, edition) in [
        ("mhlw-institution", "fy2023"),
        ("mhlw-institution", "fy2024"),
        ("mhlw-institution", "fy2025"),
        ("mhlw-vendor", "fy2025"),
        ("mhlw-pharmacy", "fy2025"),
    ] {
        assert!(
            rows.iter()
                .any(|r| r["id"] == id && r["edition"] == edition),
            "{id}@{edition} bundled"
        );
    }
}

#[test]
fn show_json_has_items_with_both_languages() {
    let out = medsec()
        .args([
            "checklist",
            "show",
            "mhlw-institution@fy2025",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["id"], "mhlw-institution");
    assert_eq!(c["edition"], "fy2025");
    let items = c["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        for key in ["id", "number", "scope", "required"] {
            assert!(item.get(key).is_some(), "missing {key}");
        }
        assert!(!item["text"]["ja"].as_str().unwrap().is_empty());
        assert!(!item["text"]["en"].as_str().unwrap().is_empty());
    }
}

#[test]
fn id_without_edition_means_the_newest() {
    let out = medsec()
        .args(["checklist", "show", "mhlw-institution", "--format", "json"])
        .output()
        .unwrap();
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["edition"], "fy2025");
    // With a newer file given by path, that one is the newest.
    let out = medsec()
        .args([
            "checklist",
            "show",
            "mhlw-institution",
            "--format",
            "json",
            "--checklist",
        ])
        .arg(fixture("checklists/good/fy2026-institution.toml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["edition"], "fy2026");
    assert!(c["origin"]
        .as_str()
        .unwrap()
        .ends_with("fy2026-institution.toml"));
}

#[test]
fn publisher_and_form_resolve() {
    let out = medsec()
        .args([
            "checklist",
            "show",
            "mhlw@fy2024",
            "--form",
            "vendor",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["id"], "mhlw-vendor");
    assert_eq!(c["edition"], "fy2024");
    let out = medsec()
        .args(["checklist", "show", "mhlw-institution", "--form", "vendor"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("`--form` asks for vendor"));
}

#[test]
fn unknown_checklist_or_edition_is_exit_2_with_what_is_known() {
    let out = medsec()
        .args(["checklist", "show", "mhlw-nothing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("known: `mhlw-institution`"),
        "{}",
        stderr_of(&out)
    );
    let out = medsec()
        .args(["checklist", "show", "mhlw-institution@fy1999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("`fy2023`, `fy2024`, `fy2025`"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn stale_catalog_is_announced_and_a_newer_file_silences_it() {
    let today = medsec::dates::today_in_japan();
    let current = medsec::dates::fiscal_year_of(today);
    let out = medsec().args(["checklist", "list"]).output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(
        err.contains("mhlw-institution@fy2025"),
        current > 2025,
        "{err}"
    );
    assert_eq!(err.contains("medsec checklist import"), current > 2025);
    let out = medsec()
        .args(["checklist", "list", "--checklist"])
        .arg(fixture("checklists/good/fy2026-institution.toml"))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    // One MHLW checklist of this year makes the publisher current: FY2026 merged forms, so
    // an old vendor or pharmacy form without its own successor is not said to be missing.
    assert!(!err.contains("mhlw-institution@"), "{err}");
    assert_eq!(err.contains("note:"), current > 2026, "{err}");
}

#[test]
fn staleness_follows_the_japanese_fiscal_year() {
    use jiff::civil::date;
    let catalog = medsec::checklist::Catalog::bundled().unwrap();
    let (stale, fy) = medsec::checklist::stale(&catalog, date(2026, 3, 31));
    assert_eq!((stale.len(), fy), (0, 2025));
    let (stale, fy) = medsec::checklist::stale(&catalog, date(2026, 4, 1));
    assert_eq!(fy, 2026);
    assert_eq!(
        stale,
        [
            "mhlw-institution@fy2025",
            "mhlw-pharmacy@fy2025",
            "mhlw-vendor@fy2025"
        ]
    );
}

#[test]
fn examples_lint_clean_and_load_by_path() {
    let out = medsec()
        .args(["checklist", "lint", "examples/own-checklist.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    let out = medsec()
        .args([
            "--checklist",
            "examples/own-checklist.toml",
            "checklist",
            "show",
            "example-institution",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}

#[test]
fn show_marks_unverified_items_visibly() {
    let out = medsec()
        .args(["checklist", "show", "mhlw-vendor@fy2025", "--lang", "en"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.contains("* unverified"), "{text}");
    assert!(text.contains("not yet checked against the official PDF"));
    let out = medsec()
        .args([
            "checklist",
            "show",
            "mhlw-vendor@fy2025",
            "--lang",
            "ja",
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("※未確認"));
}

#[test]
fn lang_follows_the_locale() {
    let out = medsec()
        .env("LANG", "ja_JP.UTF-8")
        .args(["checklist", "show", "mhlw-institution@fy2025"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("確認項目"));
    let out = medsec()
        .args(["checklist", "show", "mhlw-institution@fy2025"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("Item"));
}

#[test]
fn japanese_table_lines_up() {
    use unicode_width::UnicodeWidthStr;
    let out = medsec()
        .args([
            "checklist",
            "show",
            "mhlw-institution@fy2024",
            "--lang",
            "ja",
        ])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    let table: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '├', '╞', '└']))
        .collect();
    assert!(table.len() > 5);
    let width = table[0].width();
    for line in &table {
        assert_eq!(line.width(), width, "misaligned line: {line}");
    }
}

#[test]
fn bundled_checklists_lint_clean() {
    let out = medsec()
        .args(["checklist", "lint", "checklists"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    assert!(stdout_of(&out).contains(" 0 errors"));
}

#[test]
fn lint_finds_each_bad_fixture_with_its_code_and_place() {
    let cases = [
        ("syntax.toml", "parse-error", "5:15"),
        ("unknown-field.toml", "parse-error", "8:1"),
        ("format-version.toml", "unsupported-format-version", "2:18"),
        ("duplicate-id.toml", "duplicate-item-id", "36:6"),
        ("bad-number.toml", "invalid-number", "37:10"),
        ("unknown-probe.toml", "unknown-probe-kind", "44:11"),
        ("edition-mismatch.toml", "edition-year-mismatch", "4:11"),
        ("missing-translation.toml", "missing-translation", "40:32"),
        ("unknown-ref.toml", "unknown-guideline-ref", "42:19"),
        ("bad-date.toml", "invalid-date", "10:13"),
        ("unknown-section.toml", "unknown-section", "38:11"),
    ];
    for (file, code, place) in cases {
        let path = format!("tests/fixtures/checklists/bad/{file}");
        let out = medsec()
            .args(["checklist", "lint", &path])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{file}");
        let text = stdout_of(&out);
        assert!(
            text.contains(&format!("{path}:{place}: error[{code}]")),
            "{file}: {text}"
        );
        // JSON carries the same finding.
        let out = medsec()
            .args(["checklist", "lint", "--format", "json", &path])
            .output()
            .unwrap();
        let diags: Value = serde_json::from_slice(&out.stdout).unwrap();
        let d = diags["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .expect(code);
        assert_eq!(d["severity"], "error");
        assert_eq!(d["file"], path);
        assert!(d["line"].as_u64().unwrap() > 0 && d["column"].as_u64().unwrap() > 0);
        assert!(!d["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn lint_of_unreadable_input_is_exit_2() {
    let out = medsec()
        .args([
            "checklist",
            "lint",
            "tests/fixtures/checklists/bad/not-utf8.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // A file that cannot be read stops the command: on standard error, not among the findings.
    assert!(stderr_of(&out).contains("not-utf8.toml:2:10: error[not-utf8]"));
    assert!(!stdout_of(&out).contains("error[not-utf8]"));
    let out = medsec()
        .args(["checklist", "lint", "no/such/file.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("error[unreadable]"));
    assert!(!stdout_of(&out).contains("error[unreadable]"));
    // The summary says that the files it could not read were not checked, in both languages.
    for (lang, said) in [
        ("en", "2 files or folders could not be read"),
        ("ja", "2個のファイルまたはフォルダを読めなかったため"),
    ] {
        let out = medsec()
            .args(["--lang", lang, "checklist", "lint"])
            .args([
                "tests/fixtures/checklists/bad/not-utf8.toml",
                "no/such/file.toml",
                "tests/fixtures/checklist-fy2025-institution.toml",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stdout_of(&out).contains(said), "{}", stdout_of(&out));
        // Nothing read at all: no summary, whatever the reason (missing or not UTF-8).
        let out = medsec()
            .args(["--lang", lang, "checklist", "lint"])
            .args([
                "tests/fixtures/checklists/bad/not-utf8.toml",
                "no/such/file.toml",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stdout_of(&out).is_empty(), "{}", stdout_of(&out));
    }
}

#[cfg(unix)]
#[test]
fn lint_survives_a_looping_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
    std::fs::copy(
        fixture("checklists/good/fy2026-institution.toml"),
        dir.path().join("a/c.toml"),
    )
    .unwrap();
    let out = medsec()
        .args(["checklist", "lint"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    assert!(stdout_of(&out).contains("1 file checked"));
}

#[test]
fn a_broken_checklist_given_by_path_names_file_and_place() {
    let out = medsec()
        .args([
            "checklist",
            "list",
            "--checklist",
            "tests/fixtures/checklists/bad/bad-number.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("bad-number.toml:37:10: error[invalid-number]"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn schema_is_json_schema_and_accepts_every_bundled_file() {
    let out = medsec().args(["checklist", "schema"]).output().unwrap();
    assert!(out.status.success());
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for b in medsec::checklist::registry::BUNDLED {
        let value: toml::Value = toml::from_str(b.source).unwrap();
        let json = toml_to_json(value);
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", b.path);
    }
    // And rejects an unknown field.
    let mut bad =
        toml_to_json(toml::from_str(medsec::checklist::registry::BUNDLED[0].source).unwrap());
    bad["colour"] = Value::from("blue");
    assert!(!validator.is_valid(&bad));
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::from(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::from(b),
        toml::Value::Datetime(d) => Value::from(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

#[test]
fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = medsec().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        assert!(stdout_of(&out).contains("checklist"), "{shell}");
    }
    let out = medsec().arg("man").output().unwrap();
    assert!(out.status.success());
    assert!(stdout_of(&out).starts_with(".ie") || stdout_of(&out).contains(".TH medsec"));
}

#[test]
fn usage_errors_are_exit_2() {
    let out = medsec().args(["checklist", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = medsec()
        .args(["checklist", "list", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn human_output_snapshots() {
    let out = medsec()
        .args([
            "checklist",
            "show",
            "mhlw-institution@fy2024",
            "--lang",
            "ja",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!("show-institution-fy2024-ja", stdout_of(&out));
    let out = medsec()
        .args([
            "checklist",
            "show",
            "mhlw-vendor@fy2025",
            "--lang",
            "en",
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!("show-vendor-fy2025-en-md", stdout_of(&out));
    let out = medsec()
        .args([
            "checklist",
            "lint",
            "tests/fixtures/checklists/bad/duplicate-id.toml",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!("lint-duplicate-id", stdout_of(&out));
}

#[test]
fn diff_classifies_and_fails_on_breaking_changes() {
    let out = medsec()
        .args([
            "checklist",
            "diff",
            "mhlw-institution@fy2024",
            "mhlw-institution@fy2025",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["old"]["edition"], "fy2024");
    let changes = v["changes"].as_array().unwrap();
    assert!(changes
        .iter()
        .any(|c| c["code"] == "item-replaced" && c["item"] == "security-patches"));
    // --fail-on review turns added items into findings.
    let out = medsec()
        .args([
            "checklist",
            "diff",
            "mhlw-institution@fy2024",
            "mhlw-institution@fy2025",
            "--fail-on",
            "review",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // A file that drops an item is breaking.
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        std::fs::read_to_string(fixture("checklists/good/fy2026-institution.toml")).unwrap();
    let cut = fixture[..fixture.rfind("[[items]]").unwrap()].to_owned();
    let path = dir.path().join("cut.toml");
    std::fs::write(&path, cut).unwrap();
    let out = medsec()
        .args([
            "checklist",
            "diff",
            "tests/fixtures/checklists/good/fy2026-institution.toml",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout_of(&out));
    assert!(stdout_of(&out)
        .contains("breaking [item-removed] 1-① Test item: removed with no replacement"));
    // A broken file is exit 2 with its place.
    let out = medsec()
        .args([
            "checklist",
            "diff",
            "mhlw-institution",
            "tests/fixtures/checklists/bad/bad-number.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("bad-number.toml:37:10"));
}

#[test]
fn lint_codes_each_made_by_one_change_to_a_good_checklist() {
    let base = std::fs::read_to_string(fixture("checklist-fy2025-institution.toml")).unwrap();
    let cases: [(&str, &str, &str); 13] = [
        ("duplicate-number", "number = \"2-⑪\"", "number = \"2-②\""),
        ("duplicate-section-id", "id = \"2\"\ntitle", "id = \"1\"\ntitle"),
        (
            "multiple-gates",
            "section = \"1\"\nrequirement = \"required\"\n",
            "section = \"1\"\nrequirement = \"required\"\ngate = true\n",
        ),
        ("number-section-mismatch", "number = \"2-⑩\"", "number = \"1-⑩\""),
        (
            "ja-not-japanese",
            "text.ja = \"アクセスログを管理している。\"",
            "text.ja = \"Access logs are managed.\"",
        ),
        ("invalid-id", "id = \"access-log-server\"", "id = \"Access Log\""),
        ("invalid-edition", "edition = \"fy2025\"", "edition = \"2025\""),
        ("invalid-fiscal-year", "fiscal_year = 2025", "fiscal_year = 1999"),
        (
            "invalid-guideline-version",
            "guideline_version = \"6.0\"",
            "guideline_version = \"six\"",
        ),
        (
            "invalid-url",
            "guideline_version = \"6.0\"\n",
            "guideline_version = \"6.0\"\nsource_url = \"ftp://x\"\n",
        ),
        (
            "invalid-replaces",
            "id = \"access-log-server\"\n",
            "id = \"access-log-server\"\nreplaces = [\"Bad Id\"]\n",
        ),
        (
            "verified-with-note",
            "guidance.en = \"Review the logs regularly.\"\nverified = true",
            "guidance.en = \"Review the logs regularly.\"\nverified = true\nunverified = \"not checked\"",
        ),
        ("id-form-mismatch", "publisher = \"test\"", "publisher = \"mhlw\""),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (code, from, to) in cases {
        assert!(base.contains(from), "{code}: {from}");
        let path = dir.path().join(format!("{code}.toml"));
        std::fs::write(&path, base.replacen(from, to, 1)).unwrap();
        let out = medsec()
            .args(["checklist", "lint", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let diags: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            diags["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == code),
            "{code}: {diags:#}"
        );
    }
    // The same checklist (id and edition) twice.
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(&a, &base).unwrap();
    std::fs::write(&b, &base).unwrap();
    let out = medsec()
        .args(["checklist", "lint", "--format", "json"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout_of(&out));
    assert!(
        stdout_of(&out).contains("\"duplicate-checklist\""),
        "{}",
        stdout_of(&out)
    );
}
