//! `medsec probe` for people in Japanese and English: every probe on the fixture trees reads as
//! sentences of the chosen language, items are named by the form's printed numbers, and
//! configuration errors and failing tools are said in words.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};

// Absolute on every platform: on Windows the built-in `/work/…` has no drive, and a
// configuration in a temporary folder on `C:` would take it on `C:` (docs/windows.md, "Paths").
fn fx(rel: &str) -> PathBuf {
    std::path::absolute(fixture(&format!("probes/{rel}"))).unwrap()
}

/// Runs of three or more English words in `line`, outside `code`, 「quotes」, "quotes", IDs,
/// paths and command names (a token with a digit, `/`, `.`, `-`, `_` or `=` is not a word).
fn english_runs(line: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut inside: Option<char> = None;
    for c in line.chars() {
        match (inside, c) {
            (None, '`') => inside = Some('`'),
            (None, '「') => inside = Some('」'),
            (None, '"') => inside = Some('"'),
            (Some(end), c) if c == end => {
                inside = None;
                plain.push(' ');
            }
            (Some(_), _) => {}
            (None, c) => plain.push(c),
        }
    }
    let mut runs = vec![];
    let mut run: Vec<&str> = vec![];
    // Japanese text, table borders and punctuation end a run; spaces do not.
    for piece in plain.split(|c: char| !(c.is_ascii_graphic() || c == ' ')) {
        for token in piece.split(' ') {
            let word = token.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')'));
            let is_word = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic());
            if is_word {
                run.push(word);
            } else if !token.is_empty() {
                if run.len() >= 3 {
                    runs.push(run.join(" "));
                }
                run.clear();
            }
        }
        if run.len() >= 3 {
            runs.push(run.join(" "));
        }
        run.clear();
    }
    runs
}

#[test]
fn the_english_word_check_finds_sentences_and_spares_code() {
    assert_eq!(
        english_runs("2024/tcp on 0.0.0.0 は許可されていません: is not allowed here"),
        ["is not allowed here"]
    );
    assert!(english_runs("`Get-HotFix | Export-Csv -NoTypeInformation` で書き出し").is_empty());
    assert!(english_runs("エラー出力:「Repository does not exist.」").is_empty());
    assert!(english_runs("インストール済みの Windows 更新は Windows 上で").is_empty());
    assert!(english_runs("│ 機器台帳 ┆ 不合格 ┆ 2-① サーバ ┆ the lists were │").len() == 1);
}

/// What a person reads in a probe table, one string per cell (the lines a cell wraps to joined
/// again, with `joiner`) and one per line outside the table.
fn readable(out: &str, joiner: &str) -> Vec<String> {
    let mut texts = vec![];
    let mut row: Vec<Vec<String>> = vec![];
    let flush = |row: &mut Vec<Vec<String>>, texts: &mut Vec<String>| {
        texts.extend(row.drain(..).map(|c| c.join(joiner)));
    };
    for line in out.lines() {
        if !line.starts_with('│') {
            flush(&mut row, &mut texts);
            if !line.starts_with(['┌', '╞', '└', '├']) {
                texts.push(line.to_owned());
            }
            continue;
        }
        let cells: Vec<String> = line
            .trim_matches('│')
            .split('┆')
            .map(|c| c.trim().to_owned())
            .collect();
        // A new row begins where the verdict column has text; the others continue a cell.
        if cells.get(1).is_some_and(|v| !v.is_empty()) {
            flush(&mut row, &mut texts);
            row = cells.iter().map(|_| vec![]).collect();
        }
        for (i, c) in cells.into_iter().enumerate() {
            if let Some(cell) = row.get_mut(i) {
                if !c.is_empty() {
                    cell.push(c);
                }
            }
        }
    }
    flush(&mut row, &mut texts);
    texts
}

/// Whether a person reads `needle` in `out` (a wrapped Japanese cell loses the spaces where it
/// was cut, so spaces are not compared).
fn reads(out: &str, needle: &str, joiner: &str) -> bool {
    let squeeze = |s: &str| s.replace(' ', "");
    readable(out, joiner)
        .iter()
        .any(|t| squeeze(t).contains(&squeeze(needle)))
}

/// A `borg` that fails as a real one does for a missing repository: exit code 2.
fn failing_borg(dir: &Path) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let borg = bin.join("borg");
    std::fs::write(
        &borg,
        "#!/bin/sh\necho 'Repository /srv/borg does not exist.' >&2\nexit 2\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&borg, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    bin
}

/// Every kind of probe on the fixture trees, with a failing `borg`, a missing `restic`, an
/// incomplete ledger and an allowlist the services break.
fn run_everything(lang: &str, answers: Option<&Path>) -> (String, i32) {
    let dir = tempfile::tempdir().unwrap();
    let bin = failing_borg(dir.path());
    let cfg = dir.path().join("probes.toml");
    std::fs::write(
        &cfg,
        format!(
            "[[probe]]\nkind = \"patch-level\"\nsource = \"hotfix-csv\"\nhotfix_csv = '{}'\n\n\
             [[probe]]\nkind = \"accounts\"\nleavers_file = '{}'\n\n\
             [[probe]]\nkind = \"services\"\nallowed_services = [\"ssh\"]\nallowed_ports = [\"22/tcp\"]\n\n\
             [[probe]]\nkind = \"asset-ledger\"\npath = '{}'\nhostname = \"nas01\"\n\n\
             [[probe]]\nkind = \"backup-freshness\"\nname = \"nas\"\npath = \"/srv/no-such-backup\"\n\n\
             [[probe]]\nkind = \"backup-freshness\"\nname = \"borg\"\nformat = \"borg\"\npath = \"/srv/borg\"\n\n\
             [[probe]]\nkind = \"backup-freshness\"\nname = \"restic\"\nformat = \"restic\"\npath = \"/srv/restic\"\n",
            fx("windows/hotfix-en-us.csv").display(),
            fx("linux/leavers.txt").display(),
            fx("ledger/ledger-incomplete.csv").display(),
        ),
    )
    .unwrap();
    let mut cmd = medsec();
    cmd.env("PATH", &bin)
        .args(["probe", "--lang", lang, "--root"])
        .arg(fx("linux"))
        .arg("--config")
        .arg(&cfg);
    if let Some(a) = answers {
        cmd.arg("--answers").arg(a);
    }
    let out = cmd.output().unwrap();
    (stdout_of(&out), out.status.code().unwrap())
}

// Unix only: it reads the failing `borg` (a `#!/bin/sh` script) in words; Windows runs no script.
#[cfg(unix)]
#[test]
fn every_probe_reads_as_japanese_under_lang_ja() {
    let (ja, code) = run_everything("ja", None);
    assert_eq!(code, 1, "{ja}");
    let english: Vec<String> = readable(&ja, "")
        .iter()
        .flat_map(|t| english_runs(t))
        .collect();
    assert!(
        english.is_empty(),
        "English inside Japanese: {english:?}\n{ja}"
    );
    for sentence in [
        "確認が必要なアカウントはbob(退職者リストにあり、まだログインできる)の1件です。",
        "0.0.0.0 の TCP",
        "設置場所(`location`)が空です",
        "この機器(nas01)が台帳にありません",
        "`borg` が終了コード 2 で失敗しました",
        "`restic` がインストールされていないか",
        "バックアップの鮮度「restic」の確認で`restic`を読めませんでした",
        "合格 0 件、不合格",
    ] {
        assert!(reads(&ja, sentence, ""), "{sentence}:\n{ja}");
    }
    assert!(!ja.contains("Some("), "{ja}");

    // The package manager's view on a Debian tree: pending updates, a kernel to reboot into.
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    std::fs::write(&cfg, "[[probe]]\nkind = \"patch-level\"\n").unwrap();
    let out = medsec()
        .args(["probe", "--lang", "ja", "--root"])
        .arg(fx("debian"))
        .arg("--config")
        .arg(&cfg)
        .output()
        .unwrap();
    let ja = stdout_of(&out);
    assert!(
        reads(&ja, "未適用のセキュリティ更新が1件あります", ""),
        "{ja}"
    );
    assert!(
        reads(&ja, "再起動して最新版に切り替えてください", ""),
        "{ja}"
    );
    let english: Vec<String> = readable(&ja, "")
        .iter()
        .flat_map(|t| english_runs(t))
        .collect();
    assert!(
        english.is_empty(),
        "English inside Japanese: {english:?}\n{ja}"
    );
}

// Unix only: it reads the failing `borg` (a `#!/bin/sh` script) in words; Windows runs no script.
#[cfg(unix)]
#[test]
fn every_probe_reads_as_english_under_lang_en() {
    let (en, code) = run_everything("en", None);
    assert_eq!(code, 1, "{en}");
    for sentence in [
        "1 account(s) to review",
        "3306/tcp on 0.0.0.0",
        "`location` is empty",
        "borg failed with exit code 2: Repository /srv/borg does not exist.",
        "`restic` is not installed",
        "Probe",
        "answers are contradicted",
    ] {
        assert!(reads(&en, sentence, " "), "{sentence}:\n{en}");
    }
    assert!(!en.contains("Some("), "{en}");
    // No Japanese sentence in English output: Japanese appears only where it is quoted from
    // the user's files (the ledger's values and column names).
    for line in en.lines() {
        let japanese_outside_quotes = line
            .split('`')
            .step_by(2)
            .any(|part| part.contains("です") || part.contains("ます"));
        assert!(!japanese_outside_quotes, "{line}");
    }
}

#[test]
fn the_table_names_items_by_the_printed_numbers_of_the_form_in_use() {
    // No answers: the newest bundled institution form (FY2025), one patch row 2-⑥.
    let (ja, _) = run_everything("ja", None);
    // Table cells wrap: read each cell's lines joined again.
    assert!(reads(&ja, "2-⑥ セキュリティパッチ", ""), "{ja}");
    assert!(reads(&ja, "2-⑤(サーバ)", ""), "{ja}");
    assert!(ja.contains("3-②"), "{ja}");
    for id in [
        "security-patches",
        "unused-accounts-server",
        "backup-and-restore",
        "asset-ledger",
    ] {
        assert!(!ja.contains(id), "internal ID {id} in the table:\n{ja}");
    }
    let (en, _) = run_everything("en", None);
    assert!(reads(&en, "2-⑥ Security patches", " "), "{en}");

    // Answers for the FY2023 form: its patch row for servers is 2-(7), and 2-⑥ is not on it.
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.toml");
    std::fs::write(
        &answers,
        "format_version = 1\n\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2023\"\n\n\
         [[answers]]\nitem = \"unused-accounts-server\"\nanswer = \"はい\"\nchecked_on = 2023-06-01\n",
    )
    .unwrap();
    let (ja, code) = run_everything("ja", Some(&answers));
    assert_eq!(code, 1, "{ja}");
    assert!(reads(&ja, "2-(7)(サーバ) セキュリティパッチ", ""), "{ja}");
    assert!(!ja.contains("2-⑥"), "{ja}");
    assert!(!ja.contains("security-patches"), "{ja}");
    // The contradiction names the item as on that form, in Japanese.
    assert!(
        reads(&ja, "回答との矛盾: 2-(5)(サーバ)", "")
            && ja.contains("に「はい」と回答していますが"),
        "{ja}"
    );
    assert!(!ja.contains("unused-accounts-server"), "{ja}");
}

#[test]
fn a_configuration_error_is_japanese_and_names_the_file_and_place() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    for (text, place, words) in [
        (
            "[[probe]]\nkind = \"backup-freshness\"\npath = \"/srv\"\nmax_age = \"2 days\"\n",
            ":4:11: ",
            "`2 days`は期間として読めません",
        ),
        (
            "[[probe]]\nkind = \"accounts\"\npath = \"/srv\"\n",
            ":3:8: ",
            "`path`は`accounts`プローブの設定ではありません",
        ),
        (
            "[[probe]]\nkind = \"accounts\"\nmax_unused_dayz = 3\n",
            ":3:1: ",
            "`max_unused_dayz`という設定はありません",
        ),
        (
            "[[probe]]\nkind = \"services\"\nallowed_ports = [\"22/sctp\"]\n",
            ":3:18: ",
            "`22/sctp`のプロトコルはtcpかudpにしてください",
        ),
    ] {
        std::fs::write(&cfg, text).unwrap();
        let out = medsec()
            .args(["probe", "--lang", "ja", "--config"])
            .arg(&cfg)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr_of(&out);
        assert!(
            err.contains(&format!("{}{place}{words}", cfg.display())),
            "{err}"
        );
        assert!(err.lines().flat_map(english_runs).next().is_none(), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = medsec()
        .args([
            "probe",
            "--lang",
            "ja",
            "--config",
            "/nonexistent/probes.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "プローブの設定ファイル`/nonexistent/probes.toml`を読めません(ファイルまたはフォルダがありません)"
        ),
        "{err}"
    );
    let out = medsec()
        .args(["probe", "--lang", "ja", "--root", "/nonexistent"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("`--root`に指定した`/nonexistent`はありません"),
        "{}",
        stderr_of(&out)
    );
}

// Unix only: the failing `borg` is a `#!/bin/sh` script, which Windows does not run.
#[cfg(unix)]
#[test]
fn a_failing_tool_says_its_exit_code_in_words_and_the_json_keeps_the_number() {
    let dir = tempfile::tempdir().unwrap();
    let bin = failing_borg(dir.path());
    let cfg = dir.path().join("probes.toml");
    std::fs::write(
        &cfg,
        "[[probe]]\nkind = \"backup-freshness\"\nformat = \"borg\"\npath = \"/srv/borg\"\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = medsec()
            .env("PATH", &bin)
            .arg("probe")
            .args(args)
            .arg("--config")
            .arg(&cfg)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        stdout_of(&out)
    };
    let ja = run(&["--lang", "ja"]);
    assert!(
        reads(
            &ja,
            "`borg`が終了コード2で失敗しました。エラー出力:「Repository /srv/borg does",
            ""
        ),
        "{ja}"
    );
    let en = run(&["--lang", "en"]);
    assert!(reads(&en, "borg failed with exit code 2", " "), "{en}");
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let r = &json["results"][0];
    assert_eq!(r["reason_code"], "tool-failed");
    assert_eq!(r["reason_details"][0]["params"]["exit_code"], 2);
    assert_eq!(r["reason_details"][0]["params"]["tool"], "borg");
    assert!(
        r["reason_details"][0]["params"].get("signal").is_none(),
        "{r}"
    );
    assert!(!r["reason"].as_str().unwrap().contains("Some("), "{r}");
}
