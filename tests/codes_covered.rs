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
