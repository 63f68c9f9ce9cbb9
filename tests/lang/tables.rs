//! Tables fit the reader's terminal (`COLUMNS`): cells wrap at word and character boundaries,
//! and a table that cannot fit even so is one "field: value" block per row. Piped output (no
//! terminal, no `COLUMNS`) keeps one line per row, however wide.

use crate::common;
use common::*;
use std::path::Path;

/// A folder with answers, evidence, a key pair and a signed bundle, as the commands want them.
fn workdir() -> tempfile::TempDir {
    let w = tempfile::tempdir().unwrap();
    for f in ["complete.toml", "incomplete.toml", "vendor-a.toml"] {
        std::fs::copy(fixture(&format!("answers/{f}")), w.path().join(f)).unwrap();
    }
    let evidence = w.path().join("evidence");
    std::fs::create_dir_all(&evidence).unwrap();
    for e in std::fs::read_dir(fixture("answers/evidence")).unwrap() {
        let e = e.unwrap().path();
        std::fs::copy(&e, evidence.join(e.file_name().unwrap())).unwrap();
    }
    let out = run(
        w.path(),
        "en",
        None,
        &["keygen", "--out", "k", "--unencrypted"],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = run(
        w.path(),
        "en",
        None,
        &[
            "report",
            "--answers",
            "complete.toml",
            "--out",
            BUNDLE,
            "--sign",
            "k.key",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    w
}

const BUNDLE: &str = "bundles/2025/0110113719-test-clinic-fy2025-final";

/// `medsec --lang LANG ARGS…` in `dir` with the fixture checklists, `COLUMNS` as given.
fn run(dir: &Path, lang: &str, columns: Option<&str>, args: &[&str]) -> std::process::Output {
    let mut cmd = medsec();
    for c in [INST, VEND, INST24] {
        cmd.arg("--checklist").arg(root().join(c));
    }
    if let Some(columns) = columns {
        cmd.env("COLUMNS", columns);
    }
    cmd.current_dir(dir)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap()
}

fn display_width(s: &str) -> usize {
    medsec::render::table::display_width(s)
}

fn is_border_or_row(line: &str) -> bool {
    line.starts_with(['│', '┌', '├', '└', '╞'])
}

/// The header labels of every box-drawn table in `out` (a header cell wrapped over several
/// lines joined with a space).
fn header_labels(out: &str) -> Vec<String> {
    let mut labels = vec![];
    let mut header: Vec<Vec<String>> = vec![];
    let mut in_header = false;
    for line in out.lines() {
        if line.starts_with('┌') {
            in_header = true;
            header.clear();
        } else if line.starts_with('╞') {
            in_header = false;
            let n = header.first().map_or(0, Vec::len);
            for i in 0..n {
                let parts: Vec<&str> = header
                    .iter()
                    .filter_map(|l| l.get(i).map(String::as_str))
                    .filter(|p| !p.is_empty())
                    .collect();
                labels.push(parts.join(" "));
            }
        } else if in_header && line.starts_with('│') {
            header.push(
                line.trim_matches('│')
                    .split('┆')
                    .map(|c| c.trim().to_owned())
                    .collect(),
            );
        }
    }
    labels
}

/// The lines of `out` that belong to a table: its box-drawn lines, or the lines of its
/// "field: value" blocks (a line that begins with a label and a colon, the indented lines
/// after it, and the blank lines between blocks).
fn table_lines<'a>(out: &'a str, labels: &[String]) -> Vec<&'a str> {
    let starts_block = |l: &str| labels.iter().any(|h| l.starts_with(&format!("{h}:")));
    let lines: Vec<&str> = out.lines().collect();
    let mut found = vec![];
    let mut in_block = false;
    for (i, line) in lines.iter().enumerate() {
        if is_border_or_row(line) || starts_block(line) {
            in_block = !is_border_or_row(line);
            found.push(*line);
        } else if in_block
            && (line.starts_with(' ')
                || (line.is_empty() && lines.get(i + 1).is_some_and(|next| starts_block(next))))
        {
            found.push(*line);
        } else {
            in_block = false;
        }
    }
    found
}

/// Every table command, at 60, 80 and 120 columns, in Japanese and English: every line of its
/// tables fits, and every cell's words are still shown whole.
#[test]
fn every_table_fits_the_terminal_width() {
    let w = workdir();
    let debian = fixture("probes/debian").display().to_string();
    let bad = fixture("checklists/bad").display().to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["checklist", "list"],
        vec!["checklist", "show", "test-institution@fy2025"],
        vec!["checklist", "show", "mhlw-institution@fy2025"],
        vec![
            "checklist",
            "diff",
            "test-institution@fy2024",
            "test-institution@fy2025",
        ],
        vec!["status", "complete.toml", "--as-of", "2025-11-01"],
        vec!["status", "incomplete.toml", "--as-of", "2025-11-01"],
        vec!["verify", BUNDLE, "--pubkey", "k.pub"],
        vec!["summarize", "bundles", "--pubkey", "k.pub"],
        vec!["probe", "--root", &debian],
        vec!["checklist", "lint", &bad],
    ];
    let mut failures = vec![];
    for lang in ["ja", "en"] {
        for args in &cases {
            // Wide enough for every table in one line a row: its header gives the labels.
            let wide = stdout_of(&run(w.path(), lang, Some("1000"), args));
            let labels = header_labels(&wide);
            let had_table = wide.lines().any(is_border_or_row);
            for columns in [60usize, 80, 120] {
                let out = run(w.path(), lang, Some(&columns.to_string()), args);
                let text = stdout_of(&out);
                let what = format!("COLUMNS={columns} medsec --lang {lang} {}", args.join(" "));
                let table = table_lines(&text, &labels);
                if had_table && table.is_empty() {
                    failures.push(format!("{what}: no table found\n{text}"));
                }
                for line in &table {
                    // A path or ID wider than the screen stands whole on a line of its own
                    // below its label: it overflows rather than being cut (issue #10).
                    let lone_word = line.starts_with("  ") && !line.trim().contains(' ');
                    if display_width(line) > columns && !lone_word {
                        failures.push(format!(
                            "{what}: a table line is {} wide:\n{line}\n{text}",
                            display_width(line)
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Off a terminal with no `COLUMNS` (a pipe, a file): one line a row, as before, however wide.
#[test]
fn piped_tables_keep_one_line_a_row() {
    let w = workdir();
    for lang in ["ja", "en"] {
        let out = run(
            w.path(),
            lang,
            None,
            &["verify", BUNDLE, "--pubkey", "k.pub"],
        );
        let text = stdout_of(&out);
        let rows: Vec<&str> = text.lines().filter(|l| l.starts_with('│')).collect();
        // Nothing wraps, not even the signed date and time: the header and one line a row.
        assert_eq!(rows.len(), 2, "header and one line a row:\n{text}");
        assert!(display_width(rows[0]) > 120, "{text}");
        assert!(rows[1].contains(BUNDLE), "{text}");
        assert!(rows[1].contains("0110113719 テスト診療所"), "{text}");
        assert!(rows[1].contains("+09:00"), "the signed time whole: {text}");
        assert!(
            !text.contains("報告書一式:") && !text.contains("Bundle:"),
            "{text}"
        );
    }
}

/// The narrow screens as people see them.
#[test]
fn narrow_tables_as_people_see_them() {
    let w = workdir();
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"[0-9A-F]{16}", "[KEY]");
    settings.add_filter(
        r"\d{4}-\d\d-\d\d(\([^)]*\))? \d\d:\d\d( \+09:00)?",
        "[SIGNED]",
    );
    settings.bind(|| {
        for lang in ["ja", "en"] {
            let out = run(
                w.path(),
                lang,
                Some("60"),
                &["status", "incomplete.toml", "--as-of", "2025-11-01"],
            );
            // The tables only: the findings after them are other rooms' sentences.
            let tables: String = stdout_of(&out)
                .lines()
                .take_while(|l| !l.starts_with("incomplete.toml:"))
                .map(|l| format!("{l}\n"))
                .collect();
            insta::assert_snapshot!(format!("status-60-{lang}"), tables);
            let out = run(
                w.path(),
                lang,
                Some("60"),
                &[
                    "verify",
                    BUNDLE,
                    "--pubkey",
                    "k.pub",
                    "--as-of",
                    "2025-11-01",
                ],
            );
            let text = stdout_of(&out);
            let table: String = text
                .lines()
                .take_while(|l| !l.starts_with(BUNDLE))
                .map(|l| format!("{l}\n"))
                .collect();
            insta::assert_snapshot!(format!("verify-60-{lang}"), table);
            let out = run(
                w.path(),
                lang,
                Some("80"),
                &["checklist", "show", "test-institution@fy2025"],
            );
            insta::assert_snapshot!(format!("checklist-show-80-{lang}"), stdout_of(&out));
        }
    });
}

/// `checklist list` in Japanese at 80, 100 and 120 columns: the form's names (医療機関確認用,
/// 薬局確認用, 事業者確認用) are never broken inside; where a cell cannot fit, one block a
/// row; at 120 columns the table fits.
#[test]
fn checklist_list_keeps_the_forms_names_whole() {
    let w = tempfile::tempdir().unwrap();
    for columns in [80usize, 100, 120] {
        let out = medsec()
            .current_dir(w.path())
            .env("COLUMNS", columns.to_string())
            .args(["--lang", "ja", "checklist", "list"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        let text = stdout_of(&out);
        for (term, head) in [
            ("医療機関確認用", "医療機関確認"),
            ("薬局確認用", "薬局確認"),
            ("事業者確認用", "事業者確認"),
        ] {
            assert!(text.contains(term), "{columns}: {text}");
            assert_eq!(
                text.matches(term).count(),
                text.matches(head).count(),
                "{columns}: `{term}` broken:\n{text}"
            );
        }
        for line in text.lines() {
            assert!(display_width(line) <= columns, "{columns}: {line}\n{text}");
        }
        assert_eq!(text.starts_with('┌'), columns == 120, "{columns}:\n{text}");
    }
}

/// ASCII punctuation after Japanese (`ます: 0.0.0.0`) stays with the word before it: no cell line
/// of the probe table starts with `:`, `,`, `.` or a closing bracket, at any terminal width.
#[test]
fn no_table_line_starts_with_ascii_punctuation() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    std::fs::write(
        &cfg,
        "[[probe]]\nkind = \"services\"\nallowed_services = [\"ssh\"]\nallowed_ports = [\"22/tcp\"]\n",
    )
    .unwrap();
    for columns in 50..=110 {
        let out = medsec()
            .env("COLUMNS", columns.to_string())
            .args(["--lang", "ja", "probe", "--root"])
            .arg(fixture("probes/linux"))
            .arg("--config")
            .arg(&cfg)
            .output()
            .unwrap();
        let table = stdout_of(&out);
        assert!(table.contains("0.0.0.0"), "{table}");
        for line in table.lines() {
            for cell in line.split(['┆', '│']).skip(1) {
                assert!(
                    !cell
                        .trim_start()
                        .starts_with([':', ',', '.', ')', ']', '}']),
                    "COLUMNS={columns}: {line}\n{table}"
                );
            }
        }
    }
}

/// A bundle path with Japanese folder names is never split in `verify`'s table at 60 columns
/// (review of issue #10: 「…-2025/さくら内科」 and 「クリニック/bundle」 on two lines): it
/// stands whole on a line of its own, in ja and en.
#[test]
fn a_bundle_path_with_japanese_folders_stays_whole() {
    let w = workdir();
    let long = "very-long-folder-name-for-the-inspection-2025/さくら内科クリニック/bundle";
    fn copy_tree(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap().path();
            let dest = to.join(e.file_name().unwrap());
            if e.is_dir() {
                copy_tree(&e, &dest);
            } else {
                std::fs::copy(&e, dest).unwrap();
            }
        }
    }
    copy_tree(&w.path().join(BUNDLE), &w.path().join(long));
    for lang in ["ja", "en"] {
        let out = run(
            w.path(),
            lang,
            Some("60"),
            &["verify", long, "--pubkey", "k.pub", "--as-of", "2025-11-01"],
        );
        let text = stdout_of(&out);
        let head: Vec<&str> = text.lines().take_while(|l| !l.starts_with(long)).collect();
        assert!(
            head.iter().any(|l| l.contains(long)),
            "{lang}:\n{text}{}",
            stderr_of(&out)
        );
    }
}
