//! Every finding and reason code the source defines is mentioned by some test: a file under
//! tests/ or a `#[cfg(test)]` module in src/. The codes are read from the catalogs themselves
//! (answers rules, probe reasons, verify findings, checklist lint, the probe evidence checks,
//! status), so a new code without a test fails here.
//!
//! Codes no test mentions yet are listed below, each list with why; a listed code that a test
//! now mentions fails too, so the lists only shrink.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Known gaps when this test was written: codes no test triggers yet. Each one wants a test
/// that makes it happen; then delete it here.
const NOT_YET_COVERED: &[&str] = &[
    // A probe's thread ended without a result: only a panic inside a probe does that, and
    // probes are written not to panic (clippy denies unwrap/expect/indexing).
    "no-result",
    // Package lists present but none with a readable time: every listed file has an mtime
    // on the file systems tests run on.
    "package-lists-refresh-unknown",
    // Listening sockets whose processes cannot be inspected: needs processes of another user
    // holding sockets on the real /proc, which a test cannot arrange portably.
    "processes-not-inspected",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The part of a source file before its test module.
fn outside_tests(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

/// A stable code: lowercase ASCII words joined by single hyphens.
fn is_code(s: &str, need_hyphen: bool) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && (!need_hyphen || s.contains('-'))
}

/// The string literals of `text`, in order (no escapes in codes, so none are handled).
fn literals(text: &str) -> Vec<&str> {
    text.split('"').skip(1).step_by(2).collect()
}

/// The first string literal after each `marker`, within a few lines, when it is a code.
fn codes_after(text: &str, markers: &[&str], need_hyphen: bool) -> Vec<String> {
    let mut out = Vec::new();
    for marker in markers {
        for (i, _) in text.match_indices(marker) {
            let rest = &text[i + marker.len()..];
            let window: String = rest.chars().take(120).collect();
            let Some(open) = window.find('"') else {
                continue;
            };
            let after = &window[open + 1..];
            if let Some(close) = after.find('"') {
                let lit = &after[..close];
                if is_code(lit, need_hyphen) {
                    out.push(lit.to_owned());
                }
            }
        }
    }
    out
}

fn kebab(variant: &str) -> String {
    let mut out = String::new();
    for (i, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// code -> catalog it comes from.
fn catalog() -> BTreeMap<String, &'static str> {
    let mut codes = BTreeMap::new();

    // answers: the literals of `Msg::code`.
    let answers = read("src/answers/messages.rs");
    let start = answers
        .find("pub fn code(&self)")
        .expect("answers::messages has Msg::code");
    let body = &answers[start..];
    let end = body.find("\n    }\n").expect("end of Msg::code");
    for lit in literals(&body[..end]) {
        if is_code(lit, false) {
            codes.insert(lit.to_owned(), "answers");
        }
    }

    // probes: the variants of every enum serialised with a `code` tag, in kebab-case.
    let probes = read("src/probes/messages.rs");
    let probes = outside_tests(&probes);
    for (i, _) in probes.match_indices("#[serde(tag = \"code\"") {
        let rest = &probes[i..];
        let open = rest
            .find("pub enum ")
            .expect("an enum follows the serde tag");
        let body = &rest[open..];
        let end = body.find("\n}").expect("end of the enum");
        for line in body[..end].lines().skip(1) {
            if let Some(name) = line.strip_prefix("    ") {
                let name: String = name
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    codes.insert(kebab(&name), "probes");
                }
            }
        }
    }

    // verify: the codes pushed as findings by every verify source file and the re-check.
    let mut verify_files = vec![root().join("src/report/recheck.rs")];
    collect_rs(&root().join("src/signing"), &mut verify_files);
    for f in verify_files {
        if !f.to_string_lossy().contains("verify")
            && !f.ends_with("recheck.rs")
            && !f.ends_with("vendor.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for c in codes_after(
            outside_tests(&text),
            &["push(", "read_regular(", "code:", "finding("],
            true,
        ) {
            codes.entry(c).or_insert("verify");
        }
    }

    // checklist lint: the codes given to errors and warnings.
    let mut lint_files: Vec<String> = vec!["src/checklist/validate.rs".to_owned()];
    let mut lint_dir = Vec::new();
    collect_rs(&root().join("src/lint"), &mut lint_dir);
    lint_files.extend(lint_dir.iter().map(|p| {
        p.strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned()
    }));
    lint_files.push("src/checklist/extends.rs".to_owned());
    for f in &lint_files {
        let text = read(f);
        for c in codes_after(
            outside_tests(&text),
            &[".error(", ".warning(", "code:"],
            false,
        ) {
            codes.entry(c).or_insert("lint");
        }
    }

    // Findings made outside those rooms: the probe evidence checks (their codes are
    // constants), status of an answers file or a bundle, and the contradictions.
    for (f, markers, from) in [
        (
            "src/report/evidence_check.rs",
            &[": &str ="][..],
            "evidence",
        ),
        ("src/commands/status.rs", &["code:"][..], "status"),
        ("src/commands/status_bundle.rs", &["code:"][..], "status"),
        ("src/probes/contradictions.rs", &["code:"][..], "status"),
    ] {
        let text = read(f);
        let found = codes_after(outside_tests(&text), markers, true);
        assert!(
            !found.is_empty(),
            "{f}: no code found, the scan is out of date"
        );
        for c in found {
            codes.entry(c).or_insert(from);
        }
    }
    codes
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_rs(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Everything the tests say: files under tests/ (this one excepted) and the test modules of
/// src/.
fn test_text() -> String {
    let mut text = String::new();
    let mut files = Vec::new();
    collect_all(&root().join("tests"), &mut files);
    for f in files {
        if f.ends_with("codes_covered.rs") {
            continue;
        }
        if let Ok(t) = std::fs::read_to_string(&f) {
            text.push_str(&t);
        }
    }
    let mut src = Vec::new();
    collect_rs(&root().join("src"), &mut src);
    for f in src {
        let t = std::fs::read_to_string(&f).unwrap();
        if let Some(i) = t.find("#[cfg(test)]") {
            text.push_str(&t[i..]);
        }
    }
    text
}

fn collect_all(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_all(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// A code counts as mentioned when it appears as a whole word (not inside a longer code).
fn mentions(text: &str, code: &str) -> bool {
    text.match_indices(code).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + code.len()..].chars().next();
        let part = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-');
        !part(before) && !part(after)
    })
}

#[test]
fn the_catalogs_are_found() {
    let codes = catalog();
    // A sample from each catalog, so a parser that finds nothing cannot pass.
    for (code, from) in [
        ("missing-target-date", "answers"),
        ("backup-too-old", "probes"),
        ("signature-invalid", "verify"),
        ("multiple-gates", "lint"),
        ("evidence-after-report", "evidence"),
        ("title-year-mismatch", "lint"),
        ("no-probe-evidence", "verify"),
    ] {
        assert_eq!(codes.get(code), Some(&from), "{code}");
    }
    assert!(codes.len() > 120, "{}", codes.len());
}

#[test]
fn every_code_is_mentioned_by_a_test() {
    let codes = catalog();
    let tests = test_text();
    let listed = |c: &str| NOT_YET_COVERED.contains(&c);
    let uncovered: Vec<String> = codes
        .iter()
        .filter(|(c, _)| !listed(c) && !mentions(&tests, c))
        .map(|(c, from)| format!("{from}: {c}"))
        .collect();
    assert!(
        uncovered.is_empty(),
        "codes no test mentions (write a test that triggers each):\n{}",
        uncovered.join("\n")
    );
}

#[test]
fn the_lists_of_gaps_only_shrink() {
    let codes = catalog();
    let tests = test_text();
    for c in NOT_YET_COVERED {
        assert!(
            codes.contains_key(*c),
            "`{c}` is listed here but is no code of the source: remove it"
        );
    }
    let now_covered: Vec<&&str> = NOT_YET_COVERED
        .iter()
        .filter(|c| mentions(&tests, c))
        .collect();
    assert!(
        now_covered.is_empty(),
        "now mentioned by a test, remove from NOT_YET_COVERED: {now_covered:?}"
    );
}

/// Every cell of the exit-code tables in docs/exit-codes.md (a command and a code it documents)
/// -> `file::test` that makes that command exit with that code. A cell the docs gain without a
/// line here fails; so does a line naming a test that does not exist or never asserts the code.
const EXIT_RULES: &[(&str, u8, &str)] = &[
    (
        "checklist list",
        0,
        "checklist_cli::list_json_has_the_contract_fields",
    ),
    (
        "checklist list",
        2,
        "checklist_cli::unknown_checklist_or_edition_is_exit_2_with_what_is_known",
    ),
    (
        "checklist lint PATH...",
        0,
        "checklist_cli::bundled_checklists_lint_clean",
    ),
    (
        "checklist lint PATH...",
        1,
        "checklist_cli::lint_finds_each_bad_fixture_with_its_code_and_place",
    ),
    (
        "checklist lint PATH...",
        2,
        "checklist_cli::lint_of_unreadable_input_is_exit_2",
    ),
    (
        "checklist diff OLD NEW [-- PATH...]",
        0,
        "checklist_cli::diff_classifies_and_fails_on_breaking_changes",
    ),
    (
        "checklist diff OLD NEW [-- PATH...]",
        1,
        "checklist_cli::diff_classifies_and_fails_on_breaking_changes",
    ),
    (
        "checklist diff OLD NEW [-- PATH...]",
        2,
        "diff_cli::folders_pair_files_by_id_and_form_and_report_added_and_removed",
    ),
    (
        "checklist import WORKBOOK",
        0,
        "workbook_import::the_same_workbook_gives_the_same_bytes_and_digest",
    ),
    (
        "checklist import WORKBOOK",
        2,
        "workbook_import::an_encrypted_workbook_is_named_as_such",
    ),
    (
        "checklist add FILE",
        0,
        "workbook_import::add_copies_into_the_user_folder_and_commands_find_it",
    ),
    (
        "checklist add FILE",
        1,
        "workbook_import::add_refuses_a_file_with_lint_errors",
    ),
    (
        "checklist add FILE",
        2,
        "workbook_import::add_copies_into_the_user_folder_and_commands_find_it",
    ),
    (
        "completions",
        0,
        "checklist_cli::completions_and_man_page_are_generated",
    ),
    (
        "completions",
        2,
        "exit_rules::completions_and_man_usage_errors_are_exit_2",
    ),
    (
        "init",
        0,
        "answers_cli::init_writes_every_item_and_refuses_to_overwrite",
    ),
    (
        "init",
        2,
        "answers_cli::init_writes_every_item_and_refuses_to_overwrite",
    ),
    (
        "answer FILE",
        0,
        "answers_cli::import_reads_utf8_bom_cp932_and_utf16_sheets",
    ),
    (
        "answer FILE",
        2,
        "answers_cli::a_bad_sheet_changes_nothing_and_names_every_row",
    ),
    (
        "status [FILE...]",
        0,
        "answers_cli::complete_answers_exit_0_and_read_the_vendor_forms_they_list",
    ),
    (
        "status [FILE...]",
        1,
        "answers_cli::incomplete_answers_exit_1_with_stable_codes_items_and_places",
    ),
    (
        "status [FILE...]",
        2,
        "answers_cli::bad_input_is_unusable_with_file_line_and_item",
    ),
    (
        "probe",
        0,
        "probe_cli::a_probe_past_its_timeout_is_stopped_and_says_so",
    ),
    ("probe", 1, "probe_cli::out_file_and_answer_contradictions"),
    (
        "probe",
        2,
        "probe_cli::config_errors_name_the_place_and_exit_2",
    ),
    ("report", 0, "report::end_to_end_as_users_run_it"),
    (
        "report",
        1,
        "promises::the_report_records_the_status_findings",
    ),
    (
        "report",
        2,
        "writes::a_secret_key_others_can_read_is_refused_naming_chmod_600",
    ),
    ("keygen", 0, "signing::keygen_protects_the_secret_key"),
    ("keygen", 2, "signing::keygen_protects_the_secret_key"),
    ("sign", 0, "signing::round_trip_is_valid"),
    (
        "sign",
        2,
        "signing::symlinks_are_refused_when_signing_and_verifying",
    ),
    (
        "status BUNDLE\\|report.json",
        0,
        "summarize::status_shows_a_bundle_and_its_report_json_like_an_answers_file",
    ),
    (
        "status BUNDLE\\|report.json",
        1,
        "summarize::status_shows_a_bundle_and_its_report_json_like_an_answers_file",
    ),
    (
        "status BUNDLE\\|report.json",
        2,
        "exit_rules::status_of_an_unparsable_report_json_is_exit_2",
    ),
    ("check", 0, "check::the_readme_main_job_runs_as_written"),
    (
        "check",
        1,
        "check::an_incomplete_answers_file_says_what_is_missing_and_the_next_step",
    ),
    (
        "check",
        2,
        "check::an_unusable_answers_file_is_exit_2_with_its_problems",
    ),
    (
        "verify DIR...",
        0,
        "signing::worst_code_wins_and_every_bundle_is_checked",
    ),
    (
        "verify DIR...",
        1,
        "signing::worst_code_wins_and_every_bundle_is_checked",
    ),
    (
        "verify DIR...",
        2,
        "signing::worst_code_wins_and_every_bundle_is_checked",
    ),
    (
        "verify DIR...",
        3,
        "signing::worst_code_wins_and_every_bundle_is_checked",
    ),
    (
        "summarize DIR...",
        0,
        "summarize::the_exit_code_is_the_worst_bundles_as_verify_says",
    ),
    (
        "summarize DIR...",
        1,
        "summarize::the_exit_code_is_the_worst_bundles_as_verify_says",
    ),
    (
        "summarize DIR...",
        2,
        "summarize::the_exit_code_is_the_worst_bundles_as_verify_says",
    ),
    (
        "summarize DIR...",
        3,
        "summarize::status_shows_nothing_of_a_tampered_bundle",
    ),
];

/// The backticked words of a table cell.
fn backticked(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

/// (row, code) for every cell of docs/exit-codes.md's tables that documents a code (not `–`).
/// A row is named by its first command; the table headed `| 0 | 1 | 2 | 3 |` belongs to the
/// commands named in the line before it.
fn documented_exit_rules() -> Vec<(String, u8)> {
    let doc = read("docs/exit-codes.md");
    let mut out = Vec::new();
    let mut header: Vec<Option<u8>> = Vec::new();
    let mut owners: Vec<String> = Vec::new();
    let mut last_prose = "";
    for line in doc.lines() {
        let Some(row) = line.strip_prefix('|') else {
            if !line.trim().is_empty() {
                last_prose = line;
            }
            header.clear();
            continue;
        };
        let cells: Vec<&str> = row
            .trim_end_matches('|')
            .split(" | ")
            .map(str::trim)
            .collect();
        if cells
            .iter()
            .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
        {
            continue;
        }
        if header.is_empty() {
            header = cells.iter().map(|c| c.parse::<u8>().ok()).collect();
            owners = if header.first() == Some(&Some(0)) {
                backticked(last_prose)
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            } else {
                Vec::new()
            };
            continue;
        }
        if header.first() == Some(&Some(0)) {
            for (code, cell) in header.iter().zip(&cells) {
                if let (Some(code), false) = (code, *cell == "–") {
                    for owner in &owners {
                        out.push((owner.clone(), *code));
                    }
                }
            }
        } else if let Some(name) = cells.first().and_then(|c| backticked(c).first().copied()) {
            for (code, cell) in header.iter().zip(&cells).skip(1) {
                if let (Some(code), false) = (code, *cell == "–") {
                    out.push((name.to_owned(), *code));
                }
            }
        }
    }
    out
}

/// The body of `fn name` in tests/<area>/<file>.rs, if there is one.
fn test_body(file: &str, name: &str) -> Option<String> {
    let mut files = Vec::new();
    collect_rs(&root().join("tests"), &mut files);
    let path = files
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| *n == *format!("{file}.rs")))?;
    let text = std::fs::read_to_string(path).ok()?;
    let start = text.find(&format!("fn {name}()"))?;
    let body = &text[start..];
    let end = body.find("\n}\n").unwrap_or(body.len());
    Some(body[..end].to_owned())
}

/// Whether a test body asserts exit code `code` in one of the forms the tests use.
fn asserts_exit(body: &str, code: u8) -> bool {
    [
        format!("Some({code})"),
        format!(".code({code})"),
        format!("code, {code})"),
        format!("code, {code}, "),
        format!("({code}, "),
        format!(".0, {code})"),
        format!("[{code}, "),
    ]
    .iter()
    .any(|p| body.contains(p.as_str()))
        || (code == 0 && body.contains(".success()"))
}

#[test]
fn every_documented_exit_code_has_a_test_that_makes_it_happen() {
    let documented = documented_exit_rules();
    // The parser must see the tables: a sample of cells from each.
    for cell in [
        ("init", 2),
        ("check", 1),
        ("verify DIR...", 3),
        ("summarize DIR...", 0),
    ] {
        assert!(
            documented.iter().any(|(r, c)| (r.as_str(), *c) == cell),
            "{cell:?} not found in docs/exit-codes.md: {documented:?}"
        );
    }
    let mut problems = Vec::new();
    for (row, code) in &documented {
        if !EXIT_RULES.iter().any(|(r, c, _)| r == row && c == code) {
            problems.push(format!(
                "docs say `{row}` exits {code}: name the test in EXIT_RULES"
            ));
        }
    }
    for (row, code, test) in EXIT_RULES {
        if !documented.iter().any(|(r, c)| r == row && c == code) {
            problems.push(format!(
                "`{row}` exits {code} is no longer in docs/exit-codes.md"
            ));
        }
        let (file, name) = test.split_once("::").unwrap_or(("", test));
        match test_body(file, name) {
            None => problems.push(format!("{test} (for `{row}` exits {code}) does not exist")),
            Some(body) if !asserts_exit(&body, *code) => {
                problems.push(format!("{test} never asserts exit {code} (for `{row}`)"))
            }
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Not codes although written like one in the docs: a crate's name.
const DOC_WORDS_NOT_CODES: &[&str] = &["minisign-verify"];

#[test]
fn every_code_the_exit_code_docs_name_is_mentioned_by_a_test() {
    let tests = test_text();
    let mut uncovered = Vec::new();
    for doc in ["docs/exit-codes.md", "docs/answers.md", "docs/signing.md"] {
        let text = read(doc);
        for word in text.split('`').skip(1).step_by(2) {
            if is_code(word, true)
                && !DOC_WORDS_NOT_CODES.contains(&word)
                && !NOT_YET_COVERED.contains(&word)
                && !mentions(&tests, word)
            {
                uncovered.push(format!("{doc}: {word}"));
            }
        }
    }
    uncovered.dedup();
    assert!(
        uncovered.is_empty(),
        "codes no test mentions:\n{}",
        uncovered.join("\n")
    );
}

/// scripts/mutants.sh names, for each module it mutates, the test binaries that guard it: each
/// module and each test binary it names exists (a renamed test would silently guard nothing).
#[test]
fn the_mutation_scripts_modules_and_test_binaries_exist() {
    let script = read("scripts/mutants.sh");
    let mut rows = 0;
    for line in script.lines() {
        let Some(rest) = line.trim().strip_prefix("[src/") else {
            continue;
        };
        let Some((module, tests)) = rest.split_once("]=") else {
            continue;
        };
        rows += 1;
        assert!(
            root().join("src").join(module).exists(),
            "scripts/mutants.sh names src/{module}, which does not exist"
        );
        for t in tests.trim_matches('"').split_whitespace() {
            assert!(
                root().join(format!("tests/{t}/main.rs")).is_file(),
                "scripts/mutants.sh guards src/{module} with tests/{t}/main.rs, which does not exist"
            );
        }
    }
    assert!(
        rows >= 10,
        "the module table of scripts/mutants.sh was not found"
    );
}

/// `(code, severity)` of each row of a Markdown table whose first cell is a backticked code,
/// in `text` (lines starting `prefix`).
fn code_rows<'a>(text: &'a str, prefix: &str) -> Vec<(&'a str, &'a str)> {
    text.lines()
        .filter_map(|l| l.strip_prefix(prefix))
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("` | "))
        .filter_map(|(code, rest)| Some((code, rest.split_once(" | ")?.0)))
        .filter(|(code, _)| is_code(code, true))
        .collect()
}

/// The finding codes of the inspection's rules (the table in `src/answers/rules.rs`, which
/// scripts match on) are each in docs/answers.md's table of finding codes, with the same
/// severity: the docs are where people look a code up.
#[test]
fn every_rule_code_is_in_the_answers_docs_with_its_severity() {
    let rules = read("src/answers/rules.rs");
    let rules = code_rows(&rules, "//! ");
    assert!(
        rules.len() > 30,
        "the table of src/answers/rules.rs was not found: {rules:?}"
    );
    let doc = read("docs/answers.md");
    let doc = code_rows(&doc, "");
    let missing: Vec<String> = rules
        .iter()
        .filter(|row| !doc.contains(row))
        .map(|(code, severity)| format!("{code} ({severity})"))
        .collect();
    assert!(
        missing.is_empty(),
        "rule codes not in docs/answers.md's table (or with another severity):\n{}",
        missing.join("\n")
    );
}
