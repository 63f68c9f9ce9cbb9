//! Wording and small faults a fresh reviewer found (issues #10, #13): each case as a user
//! meets it, at the command line.

use crate::common;
use common::*;

fn run(lang: &str, args: &[&str]) -> (String, String, Option<i32>) {
    let out = medsec()
        .args(["--lang", lang])
        .args(args)
        .output()
        .expect("medsec runs");
    (stdout_of(&out), stderr_of(&out), out.status.code())
}

#[test]
fn english_fill_in_rules_use_the_glossary_terms() {
    let (en, err, code) = run("en", &["checklist", "show", "mhlw-institution@fy2025"]);
    assert_eq!(code, Some(0), "{err}");
    let rules = en
        .lines()
        .find(|l| l.starts_with("Fill-in rules"))
        .unwrap_or_default();
    assert!(
        rules.contains("check date: a check date for each item"),
        "{rules}"
    );
    assert!(rules.contains("2nd round: "), "{rules}");
    assert!(
        !rules.contains("確認日") && !rules.contains("2回目"),
        "{rules}"
    );
}

#[test]
fn japanese_help_never_breaks_inside_a_date() {
    for columns in ["60", "70", "80", "90", "100", "120"] {
        let out = medsec()
            .env("COLUMNS", columns)
            .args(["--lang", "ja", "check", "--help"])
            .output()
            .expect("medsec runs");
        let help = stdout_of(&out);
        assert!(help.contains("--as-of"), "{help}");
        assert!(help.contains("令和8年6月3日"), "COLUMNS={columns}:\n{help}");
    }
}

#[test]
fn a_code_of_the_wrong_type_is_said_in_two_short_sentences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("answers.toml");
    let text = std::fs::read_to_string(fixture("answers/complete.toml")).expect("fixture");
    let text = text.replacen("code = \"0110113719\"", "code = 110113719", 1);
    std::fs::write(&file, text).expect("write");
    let out = medsec()
        .args(["--lang", "ja", "status", "--as-of", "2025-09-01"])
        .arg(&file)
        .output()
        .expect("medsec runs");
    let err = stderr_of(&out);
    assert!(
        err.contains("`code`は文字列にしてください(整数になっています)。医療機関コードは"),
        "{err}"
    );
    assert!(!err.contains("文字列(医療機関"), "{err}");
}

#[test]
fn english_short_titles_are_cut_between_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = medsec()
        .current_dir(dir.path())
        .args(["--lang", "en", "init"])
        .output()
        .expect("medsec runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let out = medsec()
        .current_dir(dir.path())
        .args([
            "--lang",
            "en",
            "status",
            "--as-of",
            "2025-09-01",
            "institution-fy2025.toml",
        ])
        .output()
        .expect("medsec runs");
    let err = format!("{}{}", stdout_of(&out), stderr_of(&out));
    assert!(err.contains("1-② Preparation of…"), "{err}");
    for cut in ["manag…", "termina…", "whet…", "tho…"] {
        assert!(!err.contains(cut), "{cut} in {err}");
    }
}

#[test]
fn a_public_key_given_to_sign_is_named_as_one_with_the_flag_that_wants_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = dir.path().join("clinic");
    keygen(&name);
    let public = dir.path().join("clinic.pub");
    for (lang, said) in [
        ("ja", "これは公開鍵のファイルです。`--key`には秘密鍵"),
        (
            "en",
            "this is a public key file. `--key` wants the secret key",
        ),
    ] {
        let (_, err, code) = run(
            lang,
            &[
                "sign",
                dir.path().to_str().expect("utf-8 path"),
                "--key",
                public.to_str().expect("utf-8 path"),
            ],
        );
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(said), "{err}");
        assert!(err.contains("verify --pubkey"), "{err}");
        assert!(
            !err.contains("対応していない方式") && !err.contains("not supported"),
            "{err}"
        );
    }
}

#[test]
fn status_of_a_folder_that_is_no_bundle_says_so_and_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let empty_arg = empty.to_str().expect("utf-8 path");
    let (_, err, code) = run("ja", &["status", empty_arg]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("は報告書一式のフォルダではありません"),
        "{err}"
    );
    assert!(!err.contains("manifest-missing"), "{err}");
    let (_, err, code) = run("en", &["status", empty_arg]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("is not a bundle folder"), "{err}");

    // A bundle that lost only its manifest still fails its integrity check (3).
    let lost = dir.path().join("lost");
    std::fs::create_dir(&lost).expect("mkdir");
    std::fs::write(lost.join("report.json"), "{}").expect("write");
    let (_, err, code) = run("ja", &["status", lost.to_str().expect("utf-8 path")]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("manifest-missing"), "{err}");
}

#[test]
fn status_counts_say_what_they_count() {
    for (lang, required, answered) in [
        ("ja", "必須項目数", "回答済/全項目"),
        ("en", "Required items", "Answered/all items"),
    ] {
        let out = with_fixtures()
            .args(["--lang", lang, "status", "--as-of", "2025-09-01"])
            .arg(fixture("answers/complete.toml"))
            .output()
            .expect("medsec runs");
        let text = stdout_of(&out);
        let header = text
            .lines()
            .find(|l| l.contains(required))
            .unwrap_or_default();
        assert!(header.contains(answered), "{text}");
    }
}

/// An answer that is none of the three quotes each of them: 「はい」「いいえ」「対象外」.
#[test]
fn a_bad_answer_quotes_the_three_answers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let run = |args: &[&str]| {
        medsec()
            .current_dir(d)
            .arg("--checklist")
            .arg(root().join(INST))
            .args(["--lang", "ja"])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["init", "--out", "c.toml"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = run(&["answer", "c.toml", "--export", "s.csv"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let sheet = std::fs::read_to_string(d.join("s.csv")).unwrap();
    let sheet = sheet.replacen(",1,,,,,,security-manager", ",1,済,,,,,security-manager", 1);
    std::fs::write(d.join("s.csv"), sheet).unwrap();
    let out = run(&["answer", "c.toml", "--import", "s.csv"]);
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "回答「済」は「はい」「いいえ」「対象外」(またはyes、no、na)のいずれでもありません"
        ),
        "{err}"
    );
}

/// `checklist diff` between git revisions: what git said is put in words under Japanese (git
/// runs with its English messages, which medsec then says), never git's English sentence.
#[test]
fn git_failures_of_checklist_diff_are_said_in_japanese() {
    let outside = tempfile::tempdir().unwrap();
    let repo = tempfile::tempdir().unwrap();
    let init = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(repo.path())
        .output();
    match init {
        Ok(o) if o.status.success() => {}
        _ if !in_ci() => return,
        other => panic!("git is needed in CI: {other:?}"),
    }
    let cases = [
        (outside.path(), "gitリポジトリの中ではありません"),
        (repo.path(), "gitにリビジョン`no-such-branch`がありません。"),
    ];
    for (dir, says) in cases {
        let out = medsec()
            .current_dir(dir)
            .env("LANGUAGE", "en")
            .args([
                "--lang",
                "ja",
                "checklist",
                "diff",
                "no-such-branch",
                "HEAD",
            ])
            .args(["--", "checklists/"])
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "{err}");
        for git_word in ["fatal", "Needed", "repository (or"] {
            assert!(!err.contains(git_word), "{err}");
        }
    }
    // Outside a repository the message says once what happened, then what to do.
    for (lang, happened, todo) in [
        (
            "ja",
            "gitリポジトリの中ではありません",
            "gitリポジトリの中で実行するか",
        ),
        (
            "en",
            "not inside a git repository",
            "Run it inside a git repository",
        ),
    ] {
        let out = medsec()
            .current_dir(outside.path())
            .args(["--lang", lang, "checklist", "diff", "HEAD~1", "HEAD"])
            .args(["--", "checklists/"])
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.matches(happened).count(), 1, "{err}");
        assert_eq!(err.matches(todo).count(), 1, "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// `verify` of a signature whose base64 minisign refuses (the last character's unused bits
/// set, every line otherwise in shape): minisign's error said in the reader's language, never
/// its Rust name (`InvalidEncoding`), nor an empty signature kind 「」.
#[test]
fn a_minisign_failure_is_said_in_words() {
    let w = tempfile::tempdir().unwrap();
    let d = w.path();
    for f in ["complete.toml", "vendor-a.toml"] {
        std::fs::copy(fixture(&format!("answers/{f}")), d.join(f)).unwrap();
    }
    std::fs::create_dir_all(d.join("evidence")).unwrap();
    for e in std::fs::read_dir(fixture("answers/evidence")).unwrap() {
        let e = e.unwrap().path();
        std::fs::copy(&e, d.join("evidence").join(e.file_name().unwrap())).unwrap();
    }
    let run = |args: &[&str]| {
        let mut cmd = medsec();
        for c in [INST, VEND] {
            cmd.arg("--checklist").arg(root().join(c));
        }
        cmd.current_dir(d).args(args).output().unwrap()
    };
    let out = run(&["keygen", "--out", "k", "--unencrypted"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = run(&[
        "report",
        "--answers",
        "complete.toml",
        "--out",
        "b",
        "--sign",
        "k.key",
    ]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let sig = d.join("b/MANIFEST.sha256.minisig");
    let text = std::fs::read_to_string(&sig).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let line = lines[1].clone();
    assert!(line.ends_with('='), "{line}");
    const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let last = line.chars().rev().nth(1).unwrap();
    let flipped = B64.chars().nth(B64.find(last).unwrap() ^ 1).unwrap();
    lines[1] = format!("{}{flipped}=", &line[..line.len() - 2]);
    std::fs::write(&sig, lines.join("\n") + "\n").unwrap();
    for (lang, says) in [
        ("ja", "minisignの署名ではありません(詳細: 行の並びまたはbase64の部分がminisignの形式ではありません)"),
        ("en", "not a minisign signature (its lines or their base64 are not minisign's)"),
    ] {
        let out = run(&["--lang", lang, "verify", "b", "--pubkey", "k.pub"]);
        let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
        // Invalid (exit 3), not "could not be checked" (2).
        assert_eq!(out.status.code(), Some(3), "{text}");
        assert!(text.contains("signature-malformed"), "{text}");
        assert!(text.contains(says), "{text}");
        for debug in ["InvalidEncoding", "「」", "``"] {
            assert!(!text.contains(debug), "{text}");
        }
    }
}

/// `checklist add` of a file that is not there: not "it has lint errors" nor "did not pass the
/// check" (it is missing), but that it cannot be read, and why; exit 2.
#[test]
fn checklist_add_of_a_missing_file_says_it_cannot_be_read() {
    let w = tempfile::tempdir().unwrap();
    for (lang, reason, not) in [
        (
            "ja",
            "`nofile.toml`を読めません: ファイルまたはフォルダがありません",
            "登録しませんでした",
        ),
        (
            "en",
            "cannot read checklist `nofile.toml`: no such file or folder",
            "was not added",
        ),
    ] {
        let out = medsec()
            .current_dir(w.path())
            .args(["--lang", lang, "checklist", "add", "nofile.toml"])
            .output()
            .unwrap();
        let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert!(text.contains(reason), "{text}");
        assert!(!text.contains(not), "{text}");
        assert!(
            !text.contains("エラーがあるため") && !text.contains("has lint errors"),
            "{text}"
        );
    }
}

/// `probe --root` naming nothing says it is not there; naming a file, that it is no folder.
#[test]
fn probe_root_says_missing_or_not_a_folder() {
    let w = tempfile::tempdir().unwrap();
    std::fs::write(w.path().join("a-file"), "x").unwrap();
    for (lang, root, says) in [
        ("ja", "no-such", "`--root`に指定した`no-such`はありません"),
        (
            "ja",
            "a-file",
            "`--root`に指定した`a-file`はフォルダではありません",
        ),
        ("en", "no-such", "`--root` `no-such`: no such folder"),
        ("en", "a-file", "`--root` `a-file`: not a folder"),
    ] {
        let out = medsec()
            .current_dir(w.path())
            .args(["--lang", lang, "probe", "--root", root])
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "{err}");
    }
}

/// `verify` of a folder that is not there names what it could not open; the Japanese line ends
/// with 。 as every sentence does.
#[test]
fn verify_of_a_missing_folder_names_what_it_cannot_open() {
    let w = tempfile::tempdir().unwrap();
    let pubkey = w.path().join("k");
    keygen(&pubkey);
    let mut json_of = Vec::new();
    for (lang, says) in [
        ("ja", "nodir: 確認不能[bundle-unreadable]: フォルダを開けません(詳細: ファイルまたはフォルダがありません)。\n"),
        ("en", "nodir: unusable[bundle-unreadable]: cannot open the folder: no such file or folder"),
    ] {
        let out = medsec()
            .current_dir(w.path())
            .args(["--lang", lang, "verify", "nodir", "--pubkey"])
            .arg(pubkey.with_extension("pub"))
            .output()
            .unwrap();
        let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
        assert!(text.contains(says), "{text}");
        // With JSON on standard output (the same bytes in every language, verified once, in
        // English), standard error still says it in the reader's language.
        let out = medsec()
            .current_dir(w.path())
            .args(["--lang", lang, "verify", "--format", "json", "nodir", "--pubkey"])
            .arg(pubkey.with_extension("pub"))
            .output()
            .unwrap();
        assert!(stderr_of(&out).contains(says), "{}", stderr_of(&out));
        json_of.push(out.stdout);
    }
    assert_eq!(json_of[0], json_of[1], "JSON differs between ja and en");
    assert!(String::from_utf8_lossy(&json_of[0]).contains("cannot open the folder"));
}

/// A flag named inside a Japanese sentence is written as code (`--force`), as commands are.
#[test]
fn flags_in_japanese_sentences_are_code() {
    let w = tempfile::tempdir().unwrap();
    keygen(&w.path().join("k"));
    let out = medsec()
        .current_dir(w.path())
        .args(["--lang", "ja", "keygen", "--out", "k", "--unencrypted"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("上書きするには`--force`を付けてください"),
        "{err}"
    );
}

/// An old `.xls` ledger is refused with advice in the user's language (issue #10: the advice was
/// English only).
#[test]
fn an_xls_ledger_is_refused_with_advice_in_japanese() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("ledger.xls"), b"\xd0\xcf\x11\xe0").expect("write");
    let cfg = dir.path().join("probes.toml");
    std::fs::write(
        &cfg,
        "[[probe]]\nkind = \"asset-ledger\"\npath = \"ledger.xls\"\nhostname = \"nas01\"\n",
    )
    .expect("write");
    let (ja, err, _) = run(
        "ja",
        &["probe", "--config", cfg.to_str().expect("utf-8 path")],
    );
    // The table wraps where the path's length says (a Windows temporary folder is longer):
    // the cells are read as one line (Japanese without spaces, English a space between words).
    let ja = ja.replace(['│', '┆', '\n', ' '], "");
    assert!(ja.contains("`.xls`形式のため読めません"), "{ja}\n{err}");
    assert!(!ja.contains("workbooksarenotread"), "{ja}");
    let (en, err, _) = run(
        "en",
        &["probe", "--config", cfg.to_str().expect("utf-8 path")],
    );
    let en = en.replace(['│', '┆'], " ");
    let en = en.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        en.contains("save the ledger as `.xlsx` or `.csv`"),
        "{en}\n{err}"
    );
    let (json, err, _) = run(
        "ja",
        &[
            "probe",
            "--format",
            "json",
            "--config",
            cfg.to_str().expect("utf-8 path"),
        ],
    );
    assert!(
        json.contains("\"ledger-unsupported-format\""),
        "{json}\n{err}"
    );
}

/// A vendor form made by `init` and signed before the vendor's name is written says the name is
/// empty and where to write it, not that the form has no `[vendor]` table.
#[test]
fn signing_a_vendor_form_with_an_empty_name_says_where_to_write_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().to_str().expect("utf-8 path");
    let form = format!("{d}/v.toml");
    let key = format!("{d}/k");
    let (_, err, code) = run(
        "ja",
        &["init", "--checklist", "mhlw-vendor@fy2025", "--out", &form],
    );
    assert_eq!(code, Some(0), "{err}");
    let (_, err, code) = run("en", &["keygen", "--out", &key, "--unencrypted"]);
    assert_eq!(code, Some(0), "{err}");
    let key = format!("{key}.key");
    let (_, ja, code) = run("ja", &["sign", "--form", &form, "--key", &key]);
    assert_eq!(code, Some(2), "{ja}");
    assert!(ja.contains("事業者名が空です"), "{ja}");
    assert!(ja.contains("[vendor]表の`name = \"\"`"), "{ja}");
    assert!(!ja.contains("表がありません"), "{ja}");
    let (_, en, _) = run("en", &["sign", "--form", &form, "--key", &key]);
    assert!(en.contains("the vendor's name is empty"), "{en}");
}

/// A file medsec cannot read is named as code in Japanese: 「`nosuch.toml`を読めません」, not
/// 「nosuch.tomlを読めません」, and a one-sentence error ends with 。.
#[test]
fn an_unreadable_file_is_named_as_code_in_japanese() {
    let (_, err, code) = run("ja", &["checklist", "lint", "nosuch.toml"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`nosuch.toml`を読めません"), "{err}");
    let (_, err, _) = run("en", &["checklist", "lint", "nosuch.toml"]);
    assert!(err.contains("nosuch.toml"), "{err}");
}

/// A file a probe could not read is said as a sentence about that probe's check, and a missing
/// file as one (「アカウントの確認で`…/etc/passwd`を読めませんでした: ファイルまたはフォルダが
/// ありません。」), not 「アカウントで…: ありません。」 (issue #10). On Windows the accounts
/// probe asks Windows, not `etc/passwd` under `--root`.
#[cfg(not(windows))]
#[test]
fn a_file_a_probe_could_not_read_is_named_with_the_probes_check() {
    let out = medsec()
        .args(["--lang", "ja", "probe", "--root"])
        .arg(fixture("probes/debian"))
        .output()
        .unwrap();
    let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
    let line = text
        .lines()
        .find(|l| l.contains("etc/passwd") && l.contains("読めませんでした"))
        .unwrap_or_else(|| panic!("no line on passwd:\n{text}"));
    assert!(line.starts_with("アカウントの確認で`"), "{line}");
    assert!(
        line.ends_with("`を読めませんでした: ファイルまたはフォルダがありません。"),
        "{line}"
    );
}
