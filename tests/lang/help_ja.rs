//! `--help` in Japanese: every command and argument has its Japanese text in i18n/ja/help.ftl
//! (and no text there is left over), and what `--help`, `-h` and `help COMMAND` print under
//! `--lang ja` or a Japanese locale holds no English sentence. English help stays the doc
//! comments (tests/checklist/checklist_cli.rs keeps its snapshots).

use crate::common;
use clap::CommandFactory;
use common::*;
use std::collections::BTreeSet;

/// The message IDs of i18n/ja/help.ftl.
fn ftl_ids() -> BTreeSet<String> {
    medsec::i18n::help_ja_source()
        .lines()
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id)
        .filter(|id| {
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_and_argument_has_japanese_help_and_nothing_is_left_over() {
    let needed = medsec::cli::help_ja::ids();
    let have = ftl_ids();
    assert!(needed.len() > 100, "the walk finds the tree: {needed:?}");
    let missing: Vec<_> = needed.difference(&have).collect();
    let unused: Vec<_> = have.difference(&needed).collect();
    assert!(
        missing.is_empty(),
        "no Japanese help in i18n/ja/help.ftl for: {missing:?}"
    );
    assert!(
        unused.is_empty(),
        "i18n/ja/help.ftl entries that match no command or argument: {unused:?}"
    );
}

/// Every command path: `[]`, `["checklist"]`, `["checklist", "import"]`, …
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands() {
            let mut p = path.clone();
            p.push(sub.get_name().to_owned());
            walk(sub, p, out);
        }
    }
    let mut out = vec![];
    walk(&medsec::cli::Cli::command(), vec![], &mut out);
    out
}

/// The line without `code` spans.
fn strip_code(line: &str) -> String {
    line.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ")
}

/// As tests/lang/lang_sweep.rs: letters only, maybe with trailing punctuation; not an ID, path,
/// option or file name.
fn is_english_word(token: &str) -> bool {
    let t = token.trim_start_matches('(');
    let t = t.trim_end_matches([',', ';', ':', '.', '!', '?', ')']);
    !t.is_empty() && t.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
}

/// Runs of three or more English words (a comma ends a run: a list of values).
fn english_sentences(text: &str) -> Vec<String> {
    let mut found = vec![];
    // The usage line is a command line (names and placeholders), not prose.
    for line in text.lines().filter(|l| !l.starts_with("使い方:")) {
        let stripped = strip_code(line);
        let mut run: Vec<&str> = vec![];
        for t in stripped.split_whitespace().chain(std::iter::once("|")) {
            if is_english_word(t) {
                run.push(t);
                if !t.ends_with(',') {
                    continue;
                }
            }
            if run.len() >= 3 {
                found.push(format!("{} (in: {line})", run.join(" ")));
            }
            run.clear();
        }
    }
    found
}

#[test]
fn every_help_screen_is_japanese_under_lang_ja() {
    let mut problems = vec![];
    for path in command_paths() {
        let help = path.last().is_some_and(|n| n == "help");
        let flags: &[&str] = if help { &[] } else { &["--help", "-h"] };
        let mut runs: Vec<Vec<String>> = flags
            .iter()
            .map(|f| {
                let mut a = vec!["--lang".to_owned(), "ja".to_owned()];
                a.extend(path.iter().cloned());
                a.push((*f).to_owned());
                a
            })
            .collect();
        if !help {
            // `medsec help checklist import`
            let mut a = vec!["--lang".to_owned(), "ja".to_owned(), "help".to_owned()];
            a.extend(path.iter().cloned());
            runs.push(a);
        }
        for args in runs {
            let out = medsec().args(&args).output().unwrap();
            let text = stdout_of(&out);
            assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
            if !text.contains("使い方: medsec") {
                problems.push(format!("{args:?}: no 使い方 heading:\n{text}"));
            }
            for s in english_sentences(&text) {
                problems.push(format!("{args:?}: {s}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "English under --lang ja:\n{}",
        problems.join("\n")
    );
}

#[test]
fn top_level_help_in_japanese_has_its_headings_and_the_exit_codes() {
    let out = medsec().args(["--lang", "ja", "--help"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout_of(&out);
    for phrase in [
        "使い方: medsec [OPTIONS] <COMMAND>",
        "コマンド:",
        "オプション:",
        "署名された報告書一式をオフラインで検証します。",
        "ヘルプを表示します",
        "バージョンを表示します",
        "終了コード:",
        "3  署名または完全性の検証に失敗",
        "[選択肢：ja、en]",
    ] {
        // Japanese help is wrapped by width: a phrase may run over a line break.
        let flat = text.replace('\n', "");
        assert!(flat.contains(phrase), "missing {phrase:?} in:\n{text}");
    }
    assert_eq!(
        text.trim_end().lines().last(),
        medsec::exit::table(medsec::checklist::Lang::Ja)
            .lines()
            .last()
    );
}

#[test]
fn a_japanese_locale_gives_japanese_help() {
    let out = medsec()
        .env("LANG", "ja_JP.UTF-8")
        .args(["verify", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout_of(&out);
    for phrase in [
        "署名された報告書一式をオフラインで検証します: 署名、",
        "引数:",
        "<DIR>...",
        "--as-of <DATE>",
        "今日の代わりに、この日(日本時間)時点で年度を判断します",
        "医療機関コード",
    ] {
        // Japanese help is wrapped by width: a phrase may run over a line break.
        let flat = text.replace('\n', "");
        assert!(flat.contains(phrase), "missing {phrase:?} in:\n{text}");
    }
    // LC_ALL wins over LANG, as everywhere else.
    let out = medsec()
        .env("LANG", "ja_JP.UTF-8")
        .env("LC_ALL", "C")
        .args(["verify", "--help"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("Verify signed report bundles offline"));
}

#[test]
fn checklist_import_help_in_japanese_has_its_long_text_and_values() {
    let out = medsec()
        .args(["--lang", "ja", "checklist", "import", "--help"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    for phrase in [
        "ブック(XLSX)を読み、チェックリストファイルにします。",
        "構成が見つからないときは何も書かずに終了コード2で終わります。",
        "--sheet <NAME>",
        "[選択肢：institution、pharmacy、vendor]",
    ] {
        // Japanese help is wrapped by width: a phrase may run over a line break.
        let flat = text.replace('\n', "");
        assert!(flat.contains(phrase), "missing {phrase:?} in:\n{text}");
    }
    let out = medsec()
        .args(["--lang", "ja", "checklist", "diff", "--help"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("  - never: 終了コード1にはしません。"),
        "{text}"
    );
    assert!(text.contains("[既定値：breaking]"), "{text}");
    // Positionals keep their order under a heading of their own.
    let old = text.find("  <OLD>\n").unwrap();
    let new = text.find("  <NEW>\n").unwrap();
    assert!(old < new, "{text}");
}

#[test]
fn english_help_is_the_doc_comments_whatever_the_locale() {
    let c = medsec().args(["--help"]).output().unwrap();
    let en = medsec()
        .env("LANG", "ja_JP.UTF-8")
        .args(["--lang", "en", "--help"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&c), stdout_of(&en));
    let text = stdout_of(&en);
    assert!(text.contains("Usage: medsec [OPTIONS] <COMMAND>"));
    assert!(text.contains(medsec::exit::TABLE));
    assert!(!text.contains("使い方"));
}

#[test]
fn japanese_help_parses_as_the_english_one() {
    // The Japanese tree is the same tree: a real run parses the same way.
    let args = [
        "medsec",
        "--lang",
        "ja",
        "checklist",
        "diff",
        "a.toml",
        "b.toml",
    ];
    let cli = medsec::cli::Cli::try_parse_args(args).unwrap();
    match cli.command {
        medsec::cli::Command::Checklist(medsec::cli::checklist::ChecklistCommand::Diff(args)) => {
            assert_eq!((args.old.as_str(), args.new.as_str()), ("a.toml", "b.toml"))
        }
        other => panic!("{other:?}"),
    }
}

/// The man page is in the reader's language, as `--help` is: Japanese under `LANG=ja_JP.UTF-8`
/// and `--lang ja` (its texts from `i18n/ja/help.ftl`, unwrapped; clap_mangen's headings stay
/// English), English otherwise. Completions are the same in both.
#[test]
fn man_page_follows_the_language_and_completions_are_generated() {
    for args in [&["man"][..], &["--lang", "ja", "man"][..]] {
        let out = medsec()
            .env("LANG", "ja_JP.UTF-8")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        let page = stdout_of(&out);
        assert!(page.contains(".TH medsec"), "{args:?}");
        assert!(
            !page.contains("Verify signed report bundles offline"),
            "{args:?}"
        );
        assert!(page.contains("報告書一式"), "{args:?}: {page}");
    }
    let out = medsec().env("LANG", "C").args(["man"]).output().unwrap();
    assert!(stdout_of(&out).contains("Verify signed report bundles offline"));
    let out = medsec()
        .args(["--lang", "ja", "completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout_of(&out).contains("checklist"));
}

/// `medsec COMMAND --help` shows the command's long help (not only its one-line summary) in
/// both languages, and Japanese help is wrapped by display width at character boundaries.
#[test]
fn subcommands_show_their_long_help_wrapped_to_the_width() {
    use unicode_width::UnicodeWidthStr;
    for (command, en, ja) in [
        (
            "report",
            "Vendor forms listed in the answers file",
            "回答ファイルに書かれた事業者確認用",
        ),
        (
            "status",
            "Round 1 is always shown",
            "1回目はいつも表示します",
        ),
        (
            "verify",
            "Exit 0 valid and complete",
            "終了コード0: 正しく記入完了",
        ),
        (
            "check",
            "Without a terminal (or with --non-interactive)",
            "端末がないとき",
        ),
        (
            "keygen",
            "The secret key is encrypted",
            "秘密鍵はパスフレーズで暗号化します",
        ),
    ] {
        let out = medsec()
            .args(["--lang", "en", command, "--help"])
            .env("COLUMNS", "100")
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains(en), "{command}: {text}");
        let out = medsec()
            .args(["--lang", "ja", command, "--help"])
            .env("COLUMNS", "60")
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        let flat: String = text.lines().collect();
        assert!(flat.contains(ja), "{command}: {text}");
        for line in text.lines() {
            // Over 60 columns only when the line is one unbreakable piece (a long option
            // line, a code span) or clap's own list of commands.
            if line.width() > 62 && !line.starts_with("使い方") {
                assert!(
                    !line.trim().contains(' ') || line.contains('`') || line.starts_with("  "),
                    "{command}: a Japanese line wider than the terminal:\n{line}\nin\n{text}"
                );
            }
            assert!(
                !line.trim_start().starts_with(['、', '。']),
                "{command}: {text}"
            );
        }
    }
}

/// Every kind of command line clap refuses is said in Japanese, under `--lang ja` and under a
/// Japanese locale: a sentence of the catalog (clap's English never shows), the usage line, and
/// where to read more; the exit code is the same as under English.
#[test]
fn every_kind_of_command_line_mistake_is_said_in_japanese() {
    use std::ffi::OsString;
    #[cfg(unix)]
    let not_utf8 = {
        use std::os::unix::ffi::OsStringExt;
        OsString::from_vec(vec![0xff])
    };
    #[cfg(not(unix))]
    let not_utf8 = OsString::from("\u{fffd}");
    let cases: Vec<(&str, Vec<OsString>, &str)> = vec![
        (
            "unknown flag",
            vec!["status".into(), "--bogus".into()],
            "`--bogus`という指定はありません。",
        ),
        (
            "missing value",
            vec!["status".into(), "x.toml".into(), "--as-of".into()],
            "`--as-of <DATE>`に値を指定してください。",
        ),
        (
            "invalid value",
            vec![
                "checklist".into(),
                "list".into(),
                "--format".into(),
                "xml".into(),
            ],
            "`--format <FORMAT>`に`xml`は指定できません(指定できる値: table、json)。",
        ),
        (
            "unexpected argument",
            vec!["checklist".into(), "list".into(), "extra".into()],
            "余分な引数`extra`があります。ここでは受け付けません。",
        ),
        // Bare `medsec` shows the help; with an option and no command, it is a mistake.
        (
            "missing subcommand",
            vec!["--checklist".into(), "x.toml".into()],
            "コマンドを指定してください。",
        ),
        (
            "unknown subcommand",
            vec!["stauts".into()],
            "`stauts`というコマンドはありません。`status`のことですか？",
        ),
        (
            "missing argument",
            vec!["checklist".into(), "diff".into()],
            "必要な指定がありません: ",
        ),
        (
            "given twice",
            vec![
                "status".into(),
                "--format".into(),
                "json".into(),
                "--format".into(),
                "human".into(),
            ],
            "`--format <FORMAT>`は1回だけ指定してください。",
        ),
        (
            "not UTF-8",
            vec!["checklist".into(), "show".into(), not_utf8],
            "引数にUTF-8として読めない文字があります。",
        ),
    ];
    for (kind, args, says) in cases {
        if kind == "not UTF-8" && !cfg!(unix) {
            continue;
        }
        let en = medsec()
            .arg("--lang")
            .arg("en")
            .args(&args)
            .output()
            .unwrap();
        for (how, by_flag) in [("--lang ja", true), ("LANG=ja_JP.UTF-8", false)] {
            let mut cmd = medsec();
            if by_flag {
                cmd.args(["--lang", "ja"]);
            } else {
                cmd.env("LANG", "ja_JP.UTF-8");
            }
            let out = cmd.args(&args).output().unwrap();
            let err = stderr_of(&out);
            assert_eq!(out.status.code(), en.status.code(), "{kind} ({how}): {err}");
            assert_eq!(out.status.code(), Some(2), "{kind} ({how}): {err}");
            assert!(err.starts_with("エラー: "), "{kind} ({how}): {err}");
            assert!(err.contains(says), "{kind} ({how}): no {says:?} in\n{err}");
            assert!(
                err.contains("詳しくは`--help`を付けて実行してください。"),
                "{err}"
            );
            let english = english_sentences(&err);
            assert!(english.is_empty(), "{kind} ({how}): English {english:?}");
            for clap_word in ["error:", "unexpected", "invalid", "required", "Usage"] {
                assert!(
                    !err.contains(clap_word),
                    "{kind} ({how}): {clap_word}\n{err}"
                );
            }
        }
    }
}

/// Every argument of every command says what it is for, in English (its doc comment) and so in
/// Japanese (the test above then asks i18n/ja/help.ftl for it): `verify --format` once had none.
#[test]
fn every_argument_of_every_command_has_a_description() {
    fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            let described = arg
                .get_help()
                .or(arg.get_long_help())
                .is_some_and(|h| !h.to_string().trim().is_empty());
            if !described {
                out.push(format!("{path} {id}"));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut cmd = medsec::cli::Cli::command();
    cmd.build();
    let mut missing = vec![];
    walk(&cmd, "medsec", &mut missing);
    assert!(
        missing.is_empty(),
        "arguments without a description (add a doc comment in src/cli/ and its \
         `arg-…` entry in i18n/ja/help.ftl):\n{}",
        missing.join("\n")
    );
}

/// Each entry of i18n/ja/help.ftl is defined once (a merge once left four texts twice, and the
/// older one was shown).
#[test]
fn japanese_help_defines_each_entry_once() {
    let source = medsec::i18n::help_ja_source();
    let mut seen = BTreeSet::new();
    let twice: Vec<_> = source
        .lines()
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id)
        .filter(|id| !id.is_empty() && !id.starts_with([' ', '#']))
        .filter(|id| !seen.insert(*id))
        .collect();
    assert!(
        twice.is_empty(),
        "defined twice in i18n/ja/help.ftl: {twice:?}"
    );
}

/// A mistyped option or value is said with the one clap suggests, as a code span of its own
/// (clap gives these suggestions as one word, not as the list of commands it gives for a
/// mistyped command).
#[test]
fn a_mistyped_option_or_value_is_said_with_the_one_clap_suggests() {
    for (args, says) in [
        (
            &["status", "--formt", "json"][..],
            "`--formt`という指定はありません。`--format`のことですか？",
        ),
        (
            &["checklist", "list", "--format", "jsn"][..],
            "`--format <FORMAT>`に`jsn`は指定できません(指定できる値: table、json)。`json`のことですか？",
        ),
    ] {
        let out = medsec()
            .args(["--lang", "ja"])
            .args(args)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with(&format!("エラー: {says}\n")), "{args:?}: {err}");
    }
}
