//! Issue #12, what a fresh reviewer found in the screens of `verify`, `summarize`, `report`
//! and `init`: piped tables keep one line a row, the signing output names the real public key,
//! `init`'s result goes to standard output.

use crate::common;

use common::bundle::{checklist_args, report_value, write_bundle, TestKey, AS_OF};
use common::{medsec, stderr_of, stdout_of};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A name wider than the 12 columns a short word may take, which used to wrap (さくら内 /
/// 科クリニック), and wide enough to take a 120-column table past its width.
const LONG_NAME: &str = "医療法人社団さくら会さくら内科クリニック附属健診センター";
const CODE: &str = "1310123458";

/// Two signed bundles of an institution with a long name, and the public key.
fn two_bundles() -> (tempfile::TempDir, Vec<PathBuf>, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let key = TestKey::new(tmp.path(), "clinic");
    let mut report = report_value(CODE, 2025);
    report["institution"]["name"] = Value::from(LONG_NAME);
    report["answers"]["answers"]["institution"]["name"] = Value::from(LONG_NAME);
    report["answers"]["answers"]["institution"]["prefecture"] = Value::from("東京都");
    let dirs: Vec<PathBuf> = ["b1", "b2"].iter().map(|b| tmp.path().join(b)).collect();
    for dir in &dirs {
        write_bundle(dir, &report);
        key.sign_bundle(dir, None);
    }
    (tmp, dirs, key.public)
}

/// `medsec --lang LANG CMD DIRS --pubkey KEY --as-of …`, piped, with `COLUMNS` as given.
fn screen(cmd: &str, lang: &str, dirs: &[PathBuf], key: &Path, columns: Option<&str>) -> String {
    let mut c = medsec();
    c.args(checklist_args())
        .args(["--lang", lang, cmd])
        .args(dirs)
        .arg("--pubkey")
        .arg(key)
        .args(["--as-of", AS_OF]);
    if let Some(columns) = columns {
        c.env("COLUMNS", columns);
    }
    let o = c.output().unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    stdout_of(&o)
}

fn table_rows(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with('│')).collect()
}

/// 1: piped with no `COLUMNS`, the verify table is one line a row however wide, the name whole;
/// summarize's rows are as many lines as their cells hold (code, name, prefecture), no more.
#[test]
fn piped_tables_keep_names_whole_and_one_line_a_row() {
    let (_tmp, dirs, key) = two_bundles();
    for lang in ["ja", "en"] {
        let text = screen("verify", lang, &dirs, &key, None);
        let rows = table_rows(&text);
        assert_eq!(rows.len(), 3, "{lang}: header and a line a bundle:\n{text}");
        for row in &rows[1..] {
            assert!(
                row.contains(&format!("{CODE} {LONG_NAME}")),
                "{row}\n{text}"
            );
        }
        let text = screen("summarize", lang, &dirs, &key, None);
        let rows = table_rows(&text);
        // The header and, for each bundle, its code, name and prefecture a line each.
        assert_eq!(rows.len(), 1 + 2 * 3, "{lang}:\n{text}");
        assert_eq!(
            rows.iter().filter(|r| r.contains(LONG_NAME)).count(),
            2,
            "{lang}:\n{text}"
        );
        // Every line of the table is as wide as its border: full-width characters count two.
        let widths: Vec<usize> = text
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
            .map(medsec::render::table::display_width)
            .collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "{widths:?}\n{text}"
        );
    }
    // With `COLUMNS`, the reader's width is kept: rows that do not fit are blocks that do.
    let text = screen("verify", "ja", &dirs, &key, Some("60"));
    assert!(!text.contains('┌'), "{text}");
    let block: Vec<&str> = text.lines().take_while(|l| !l.contains('[')).collect();
    assert!(block.iter().any(|l| l.starts_with("医療機関:")), "{text}");
    assert!(
        block
            .iter()
            .all(|l| medsec::render::table::display_width(l) <= 60),
        "{text}"
    );
}

/// `medsec --lang LANG ARGS` in `dir`, with the fixture checklists: (exit code, stdout, stderr).
fn run_in(dir: &Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    let o = medsec()
        .args(checklist_args())
        .args(["--lang", lang])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// Whether the stock `minisign` runs here; in CI it must.
fn have_minisign() -> bool {
    let have = std::process::Command::new("minisign")
        .arg("-v")
        .output()
        .is_ok();
    assert!(
        have || !common::in_ci(),
        "minisign is not installed (apt-get install -y minisign)"
    );
    have
}

/// 2: `report --sign` names the public key beside the secret one in its check line, quoted for
/// the shell when the path needs it (a space; Japanese does not), in both languages; the line
/// runs as printed. Without the public key beside it, `KEY.pub` stands for it.
#[test]
fn report_names_the_public_key_it_signed_with() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::complete_answers_in(w);
    std::fs::create_dir(w.join("鍵 フォルダ")).unwrap();
    let (code, _, err) = run_in(
        w,
        "ja",
        &["keygen", "--unencrypted", "--out", "鍵 フォルダ/さくら"],
    );
    assert_eq!(code, 0, "{err}");
    for lang in ["ja", "en"] {
        let out = format!("報告 {lang}");
        let (code, stdout, err) = run_in(
            w,
            lang,
            &[
                "report",
                "--answers",
                "answers/complete.toml",
                "--sign",
                "鍵 フォルダ/さくら.key",
                "--out",
                &out,
            ],
        );
        assert!(matches!(code, 0 | 1), "{err}");
        let line = stdout
            .lines()
            .find(|l| l.contains("minisign -Vm"))
            .unwrap_or_else(|| panic!("no check line:\n{stdout}"));
        let command = if cfg!(windows) {
            format!("minisign -Vm '{out}\\MANIFEST.sha256' -p '鍵 フォルダ/さくら.pub';")
        } else {
            format!(
                "minisign -Vm '{out}/MANIFEST.sha256' -p '鍵 フォルダ/さくら.pub' && (cd '{out}' && sha256sum -c MANIFEST.sha256)"
            )
        };
        assert!(line.contains(&command), "{lang}: {line}");
        assert!(!stdout.contains("KEY.pub"), "{stdout}");
        if cfg!(unix) && have_minisign() {
            // The command is the code span the line ends with.
            let start = line.find("minisign -Vm").unwrap();
            let command = line[start..].split('`').next().unwrap_or_default();
            let o = std::process::Command::new("sh")
                .args(["-c", command])
                .current_dir(w)
                .output()
                .unwrap();
            assert!(o.status.success(), "{line}\n{}", stderr_of(&o));
            assert!(
                stdout_of(&o).contains("report.json: OK"),
                "{}",
                stdout_of(&o)
            );
        }
    }
    // Another key's public key beside it is not named: the placeholder stands for the real one.
    std::fs::copy(w.join("鍵 フォルダ/さくら.key"), w.join("lone.key")).unwrap();
    let (code, stdout, err) = run_in(
        w,
        "ja",
        &[
            "report",
            "--answers",
            "answers/complete.toml",
            "--sign",
            "lone.key",
            "--out",
            "lone",
        ],
    );
    assert!(matches!(code, 0 | 1), "{err}");
    assert!(stdout.contains("-p KEY.pub"), "{stdout}");
    let (code, _, err) = run_in(w, "ja", &["keygen", "--unencrypted", "--out", "other"]);
    assert_eq!(code, 0, "{err}");
    std::fs::copy(w.join("other.pub"), w.join("lone.pub")).unwrap();
    let (_, stdout, _) = run_in(
        w,
        "ja",
        &[
            "report",
            "--answers",
            "answers/complete.toml",
            "--sign",
            "lone.key",
            "--out",
            "lone2",
        ],
    );
    assert!(stdout.contains("-p KEY.pub"), "{stdout}");
}

/// 2, as `check` and `sign` say it: the throwaway key check wrote, the key `sign` used.
#[test]
fn check_and_sign_name_the_public_key_too() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::complete_answers_in(w);
    let (code, stdout, err) = run_in(
        w,
        "ja",
        &[
            "check",
            "--answers",
            "answers/complete.toml",
            "--out",
            "年度 チェック",
            "--as-of",
            AS_OF,
            "--non-interactive",
        ],
    );
    assert!(matches!(code, 0 | 1), "{err}");
    let public = common::native("年度 チェック/throwaway.pub");
    assert!(stdout.contains(&format!("-p '{public}'")), "{stdout}");
    let (code, _, err) = run_in(w, "en", &["keygen", "--unencrypted", "--out", "k"]);
    assert_eq!(code, 0, "{err}");
    let (code, stdout, err) = run_in(w, "en", &["sign", "年度 チェック/bundle", "--key", "k.key"]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("-p k.pub"), "{stdout}");
}

/// 3: what `init` wrote and the next step are its result, on standard output (controls in the
/// path escaped); the edition notice stays on standard error; exit 0.
#[test]
fn init_says_what_it_wrote_on_standard_output() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    for (lang, wrote, next) in [
        // The next command repeats the run's global flags (`--checklist`, `--lang`).
        (
            "ja",
            "`さくら 回答.toml`を作成しました",
            "`medsec answer 'さくら 回答.toml' --checklist mhlw-institution@fy2025 --lang ja`",
        ),
        (
            "en",
            "wrote `さくら 回答.toml` (",
            "`medsec answer 'さくら 回答.toml' --checklist mhlw-institution@fy2025 --lang en`",
        ),
    ] {
        let o = medsec()
            .args([
                "--lang",
                lang,
                "init",
                "--force",
                "--out",
                "さくら 回答.toml",
            ])
            .args(["--checklist", "mhlw-institution@fy2025"])
            .current_dir(w)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
        let (out, err) = (stdout_of(&o), stderr_of(&o));
        assert!(out.starts_with(wrote), "{lang}: {out}");
        assert!(out.contains(next), "{lang}: {out}");
        assert_eq!(out.lines().count(), 2, "{out}");
        assert!(!err.contains(wrote) && !err.contains(next), "{err}");
    }
    if cfg!(unix) {
        let o = medsec()
            .args(["--lang", "en", "init", "--out", "a\u{1b}[2Jb.toml"])
            .current_dir(w)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
        let out = stdout_of(&o);
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(out.contains("a\\u{1b}[2Jb.toml"), "{out}");
    }
}

/// 4: paths with a space inside the commands people copy are quoted: check's `init` hint for a
/// missing answers file, its `verify` next step, status's next step.
#[test]
fn commands_to_copy_quote_paths_with_spaces() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let (code, _, err) = run_in(
        w,
        "ja",
        &["check", "--answers", "な い.toml", "--non-interactive"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("`medsec init --out 'な い.toml' --checklist "),
        "{err}"
    );

    let answers = common::complete_answers_in(w);
    std::fs::rename(&answers, w.join("answers/さくら 回答.toml")).unwrap();
    let answers = "answers/さくら 回答.toml";
    let (code, out, err) = run_in(w, "ja", &["status", answers, "--as-of", AS_OF]);
    assert!(matches!(code, 0 | 1), "{err}");
    if code == 0 {
        assert!(
            out.contains(&format!(
                "`medsec probe --answers '{answers}' --out evidence.json --checklist "
            )),
            "{out}"
        );
    }
    let (code, out, err) = run_in(
        w,
        "en",
        &[
            "check",
            "--answers",
            answers,
            "--out",
            "年度 チェック",
            "--as-of",
            AS_OF,
            "--non-interactive",
        ],
    );
    assert!(matches!(code, 0 | 1), "{err}");
    let bundle = common::native("年度 チェック/bundle");
    let public = common::native("年度 チェック/throwaway.pub");
    if out.contains("medsec verify ") {
        assert!(
            out.contains(&format!(
                "`medsec verify '{bundle}' --pubkey '{public}' --as-of"
            )),
            "{out}"
        );
    }
    assert!(
        out.contains(&format!("--answers '{answers}' --out '年度 チェック'")),
        "{out}"
    );
}

/// 4: `verify --institution` reads full-width digits as ASCII, as keys.toml and keygen do.
#[test]
fn verify_reads_a_full_width_institution_code() {
    let (_tmp, dirs, key) = two_bundles();
    let o = medsec()
        .args(checklist_args())
        .args([
            "verify",
            "--format",
            "json",
            "--institution",
            "１３１０１２３４５８",
        ])
        .arg(&dirs[0])
        .arg("--pubkey")
        .arg(&key)
        .args(["--as-of", AS_OF])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = json.to_string();
    assert!(!text.contains("institution-mismatch"), "{text}");
    assert!(matches!(o.status.code(), Some(0 | 1)), "{text}");
}

/// 4: `report` into a folder with a space: the commands it names quote the folder.
#[test]
fn report_quotes_its_folder_in_the_commands_it_names() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::complete_answers_in(w);
    let (code, out, err) = run_in(
        w,
        "ja",
        &[
            "report",
            "--answers",
            "answers/complete.toml",
            "--out",
            "報告 一式",
        ],
    );
    assert!(matches!(code, 0 | 1), "{err}");
    assert!(
        out.contains("`medsec sign '報告 一式' --key KEY --checklist "),
        "{out}"
    );
    if out.contains("medsec status") {
        assert!(out.contains("`medsec status '報告 一式'`"), "{out}");
    }
}

/// 4: `status` of a bundle in a folder with a space names it quoted in the `verify` to run.
#[test]
fn status_of_a_bundle_quotes_it_in_the_verify_to_run() {
    let (tmp, dirs, _key) = two_bundles();
    let spaced = tmp.path().join("報告 一式");
    std::fs::rename(&dirs[0], &spaced).unwrap();
    let (_, _, err) = run_in(tmp.path(), "ja", &["status", "報告 一式", "--as-of", AS_OF]);
    assert!(
        err.contains("`medsec verify --pubkey 鍵.pub '報告 一式'`"),
        "{err}"
    );
}
