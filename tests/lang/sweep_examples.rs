//! The lang sweep (see `lang_sweep`), extended to the text a person reads that medsec does not
//! print: what examples/ gives a clinic to read (README files, the comments of its TOML files:
//! the probe settings shipped with the packages and used by the example clinic, the own
//! checklist, the example answers file; the lines the example scripts echo), and the fixtures
//! that are medsec's output for people (a bundle's `report.html`, the example answers file's
//! comments as `init` writes them).
//!
//! Examples are read by a clinic's IT person first and by maintainers second: each piece of
//! prose (a comment block, a trailing comment, an echoed line, a README) that holds an English
//! sentence holds Japanese before it (「日本語 / English」, or a Japanese block above the English
//! one). examples/windows/monthly-probe.ps1 and monthly-probe.xml stay ASCII on purpose (Windows
//! PowerShell 5.1 reads a script without a byte-order mark in the ANSI code page, and the task
//! XML says so in its comment): they are not read here. A fixture that is an output for people
//! holds no English sentence under `lang="ja"`, as the sweep asks of the commands' output.

use super::lang_sweep::{input_text, is_english_word, is_japanese, strip_quoted};
use crate::common::root;
use std::path::{Path, PathBuf};

/// One piece of prose: where it is (file:line) and its text.
struct Unit {
    place: String,
    text: String,
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// A comment's text that is a setting or a table header (`# kind = "…"`, `# [[probe]]`): code.
fn is_setting(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with('[') && t.ends_with(']'))
        || t.split_once(" = ").is_some_and(|(k, _)| !k.contains(' '))
}

/// The comment prose of a TOML file: blocks of comment lines, and each trailing comment (after a
/// setting, or after a commented-out setting or command) on its own.
fn toml_units(place: &str, text: &str) -> Vec<Unit> {
    let mut units = vec![];
    let mut block: Option<Unit> = None;
    for (n, line) in text.lines().enumerate() {
        let place = format!("{place}:{}", n + 1);
        let trimmed = line.trim_start();
        let (comment_line, body) = match trimmed.strip_prefix('#') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        // A trailing comment: after two spaces and `#`, beside a setting or a command.
        let (head, trailing) = match body.split_once("  #") {
            Some((head, tail)) if !head.trim().is_empty() => (head, Some(tail)),
            _ => (body, None),
        };
        if let Some(tail) = trailing {
            units.push(Unit {
                place: place.clone(),
                text: tail.trim().to_owned(),
            });
        }
        if comment_line && !is_setting(head) {
            let b = block.get_or_insert_with(|| Unit {
                place,
                text: String::new(),
            });
            b.text.push_str(head);
            b.text.push('\n');
        } else {
            units.extend(block.take());
        }
    }
    units.extend(block);
    units
}

/// The text of a README: everything but fenced code.
fn readme_unit(place: &str, text: &str) -> Unit {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    Unit {
        place: place.to_owned(),
        text: out,
    }
}

/// The lines a shell script echoes to the person running it (not those written into a file).
fn echo_units(place: &str, text: &str) -> Vec<Unit> {
    let mut units = vec![];
    for (n, line) in text.lines().enumerate() {
        let Some(rest) = line.trim_start().strip_prefix("echo \"") else {
            continue;
        };
        let Some((said, after)) = rest.split_once('"') else {
            continue;
        };
        if after.trim_start().starts_with('>') {
            continue;
        }
        units.push(Unit {
            place: format!("{place}:{}", n + 1),
            text: said.to_owned(),
        });
    }
    units
}

/// Where the first English sentence (three English words or more in a row) of `text` starts,
/// `code` spans and 「quoted」 text left out.
fn first_english_sentence(text: &str) -> Option<(usize, String)> {
    let mut run: Vec<(usize, &str)> = vec![];
    let mut words = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w));
    loop {
        let next = words.next();
        if let Some((at, w)) = next {
            if is_english_word(w) {
                run.push((at, w));
                if !w.ends_with(',') {
                    continue;
                }
            }
        }
        if run.len() >= 3 {
            let words: Vec<&str> = run.iter().map(|(_, w)| *w).collect();
            return Some((run[0].0, words.join(" ")));
        }
        run.clear();
        next?;
    }
}

/// The pieces of prose in `units` with an English sentence and no Japanese before it.
fn english_first(units: &[Unit]) -> Vec<String> {
    let mut found = vec![];
    for u in units {
        let stripped = strip_quoted(&u.text);
        let Some((at, words)) = first_english_sentence(&stripped) else {
            continue;
        };
        if !stripped[..at].chars().any(is_japanese) {
            found.push(format!(
                "{}: \"{words}\" with no Japanese before it",
                u.place
            ));
        }
    }
    found
}

/// Every piece of prose of examples/ that a person reads.
fn example_units() -> Vec<Unit> {
    let mut files = vec![];
    files_under(&root().join("examples"), &mut files);
    let mut units = vec![];
    for f in files {
        let place = f.strip_prefix(root()).unwrap_or(&f).display().to_string();
        let name = f.file_name().unwrap_or_default().to_string_lossy();
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        if name.ends_with(".toml") {
            units.extend(toml_units(&place, &text));
        } else if name.starts_with("README") {
            units.push(readme_unit(&place, &text));
        } else if name.ends_with(".sh") {
            units.extend(echo_units(&place, &text));
        }
    }
    units
}

#[test]
fn examples_say_japanese_first() {
    let units = example_units();
    // The sweep reads each kind of file it should.
    for kind in [
        "probes.toml:",
        "own-checklist.toml:",
        "README.md",
        "README.txt",
        ".sh:",
    ] {
        assert!(
            units.iter().any(|u| u.place.contains(kind)),
            "no {kind} read in examples/"
        );
    }
    let found = english_first(&units);
    assert!(
        found.is_empty(),
        "English in examples/ with no Japanese first (write 「日本語 / English」, or the \
         Japanese block above the English one):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_example_detector_catches_what_it_should() {
    let toml = "# The device ledger must list this machine.\n\
                # 機器台帳にこの機器が載っていること。\n\
                kind = \"asset-ledger\"\n\
                # 機器台帳: 欄がすべて記入されていること。\n\
                # every device has its fields filled in\n\
                path = \"ledger.csv\"            # relative to this file\n\
                max_age = \"8d\"   # 最新のファイルの新しさ / the newest file must be recent\n\
                # hostname = \"sv\"      # this machine's name in the ledger\n\
                # [[probe]]\n";
    let found = english_first(&toml_units("p.toml", toml));
    assert_eq!(
        found,
        [
            "p.toml:1: \"The device ledger must list this machine.\" with no Japanese before it",
            "p.toml:6: \"relative to this file\" with no Japanese before it",
            "p.toml:8: \"this machine's name in the ledger\" with no Japanese before it",
        ]
    );
    let script = "echo \"verify exit code: $code (0 valid)\"\n\
                  echo \"検証の終了コード: $code / verify exit code: $code\"\n\
                  echo \"the text of a file\" >>f.txt\n";
    assert_eq!(
        english_first(&echo_units("s.sh", script)),
        ["s.sh:1: \"verify exit code:\" with no Japanese before it"]
    );
    let readme =
        "# Example\n\n```sh\necho the command is code\n```\n\nA clinic's year, in English only.\n";
    assert_eq!(
        english_first(&[readme_unit("README.md", readme)]),
        ["README.md: \"Example A clinic's year,\" with no Japanese before it"]
    );
}

/// The text of an HTML page a person reads, line by line: tags, styles and scripts left out.
fn html_text(html: &str) -> Vec<String> {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let skip_to = ["<style", "<script"].iter().find_map(|open| {
            tag.starts_with(open)
                .then(|| tag.find(&format!("</{}>", &open[1..])))
                .flatten()
        });
        let end = match skip_to {
            Some(close) => close,
            None => tag.find('>').unwrap_or(tag.len() - 1),
        };
        out.push(' ');
        rest = &tag[end + 1..];
    }
    out.push_str(rest);
    out.lines()
        .map(|l| {
            l.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
        })
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// The fixtures that are medsec's output for people (a bundle's report.html, made under
/// `--lang ja`) say no English sentence of medsec's own, as the commands' output does not.
#[test]
fn fixture_pages_for_people_hold_no_english_sentence() {
    let mut files = vec![];
    files_under(&root().join("tests/fixtures"), &mut files);
    let pages: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(!pages.is_empty(), "no report.html under tests/fixtures");
    let inputs = input_text();
    let mut found = vec![];
    let mut read = 0;
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        if !html.contains("lang=\"ja\"") {
            continue;
        }
        let lines = html_text(&html);
        assert!(
            lines.iter().any(|l| l.contains("回答報告")),
            "{}: no text read",
            page.display()
        );
        read += 1;
        for line in lines {
            for words in super::lang_sweep::english_sentences(&line, &inputs) {
                found.push(format!(
                    "{}: {words:?} in {:?}",
                    page.display(),
                    line.trim()
                ));
            }
        }
    }
    assert!(read > 0, "no Japanese page under tests/fixtures");
    assert!(
        found.is_empty(),
        "English sentences in a Japanese page of tests/fixtures:\n{}",
        found.join("\n")
    );
}

/// The comments of an answers file, line by line: whole comment lines, and the comment after a
/// value (`name = "…"  # 名称`) without the value.
fn answers_comments(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            if line.trim_start().starts_with('#') {
                line.to_owned()
            } else {
                line.split_once("  # ")
                    .map_or_else(String::new, |(_, c)| c.to_owned())
            }
        })
        .collect()
}

/// examples/clinic/answers.toml is an output of medsec (`medsec --lang ja init`, then filled
/// in): the comments a clinic reads in it are the ones `init` writes today, line by line, not
/// those of an older medsec.
#[test]
fn the_example_answers_file_keeps_the_comments_init_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::medsec()
        .current_dir(dir.path())
        .args(["--lang", "ja", "--checklist", "mhlw-institution@fy2025"])
        .args(["init", "--out", "a.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", crate::common::stderr_of(&out));
    let fresh = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
    let example = std::fs::read_to_string(root().join("examples/clinic/answers.toml")).unwrap();
    let (fresh, example) = (answers_comments(&fresh), answers_comments(&example));
    let differ: Vec<String> = fresh
        .iter()
        .zip(&example)
        .enumerate()
        .filter(|(_, (f, e))| f != e)
        .map(|(n, (f, e))| format!("line {}: init writes {f:?}, the example has {e:?}", n + 1))
        .collect();
    assert!(
        differ.is_empty() && fresh.len() == example.len(),
        "examples/clinic/answers.toml: comments not as `medsec --lang ja init` writes them \
         ({} lines and {}):\n{}",
        fresh.len(),
        example.len(),
        differ.join("\n")
    );
}
