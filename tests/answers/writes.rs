//! Writing user files: answers files under a lock and atomically, bundles replaced only when
//! they are bundles, secret keys kept private, trusted-key lists that mean what they say.
#![allow(clippy::print_stderr)]
use crate::common;
use common::*;
use std::path::{Path, PathBuf};

const ITEMS: [&str; 5] = [
    "medical-information-system",
    "security-manager",
    "remote-maintenance",
    "access-log-server",
    "two-factor-authentication",
];

/// A copy of the complete answers fixture (with its vendor form and evidence) in `dir`.
fn answers_in(dir: &Path) -> PathBuf {
    let file = dir.join("answers.toml");
    std::fs::copy(fixture("answers/complete.toml"), &file).unwrap();
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    std::fs::write(dir.join("evidence/appointment.txt"), "x").unwrap();
    std::fs::copy(fixture("answers/vendor-a.toml"), dir.join("vendor-a.toml")).unwrap();
    file
}

/// A one-row sheet answering `item` in `round` with the note `note`.
fn sheet(dir: &Path, item: &str, round: u8, note: &str) -> PathBuf {
    let path = dir.join(format!("{note}.csv"));
    std::fs::write(
        &path,
        format!("item,round,answer,checked_on,target_date,note\n{item},{round},はい,2025-06-01,,{note}\n"),
    )
    .unwrap();
    path
}

fn import(file: &Path, sheet: &Path) -> assert_cmd::Command {
    let mut cmd = with_fixtures();
    cmd.arg("answer").arg(file).arg("--import").arg(sheet);
    cmd
}

/// Names in `dir` other than the ones a test made.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        // Windows cannot remove the open lock sidecar (src/atomic.rs): there it stays, empty.
        .filter(|n| cfg!(unix) || !n.ends_with(".lock"))
        .collect();
    names.sort();
    names
}

// ---- fault 5: concurrent writers ----

#[test]
fn concurrent_imports_lose_nothing_and_losers_stop_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let jobs: Vec<(String, PathBuf)> = (0..10)
        .map(|k| {
            let item = ITEMS[k % ITEMS.len()];
            let round = if k < ITEMS.len() { 1 } else { 2 };
            let note = format!("writer-{k}");
            let s = sheet(dir.path(), item, round, &note);
            (note, s)
        })
        .collect();
    let children: Vec<_> = jobs
        .iter()
        .map(|(_, s)| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("medsec"));
            cmd.env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("LANG", "C")
                .current_dir(root())
                .args(["--checklist", INST, "--checklist", VEND, "answer"])
                .arg(&file)
                .arg("--import")
                .arg(s);
            cmd.stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let text = std::fs::read_to_string(&file).unwrap();
    let mut won = 0;
    for ((note, _), out) in jobs.iter().zip(&outputs) {
        match out.status.code() {
            Some(0) => {
                won += 1;
                assert!(
                    text.contains(&format!("note = \"{note}\"")),
                    "{note} said it imported, but its answer is not in the file:\n{text}"
                );
            }
            Some(2) => {
                let err = stderr_of(out);
                assert!(
                    err.contains("is being written by another medsec")
                        || err.contains("was changed by someone else"),
                    "{err}"
                );
            }
            other => panic!("{note}: exit {other:?}: {}", stderr_of(out)),
        }
    }
    assert!(won >= 1, "no import succeeded");
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    with_fixtures().arg("status").arg(&file).assert().code(0);
}

#[test]
fn a_writer_that_cannot_get_the_lock_stops_with_exit_2_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let s = sheet(dir.path(), "security-manager", 1, "late");
    let before = std::fs::read(&file).unwrap();
    let held = medsec::answers::store::lock(&file).unwrap();
    assert!(dir.path().join(".answers.toml.lock").exists());
    let out = import(&file, &s).assert().code(2);
    let err = stderr_of(out.get_output());
    assert!(
        err.contains(
            "answers.toml` is being written by another medsec (waited 3 s); nothing was written"
        ),
        "{err}"
    );
    let out = import(&file, &s).args(["--lang", "ja"]).assert().code(2);
    let err = stderr_of(out.get_output());
    assert!(
        err.contains(
            "answers.toml`はほかのmedsecが書き込み中です(3秒待ちました)。何も書き込んでいません"
        ),
        "{err}"
    );
    // init --force is a writer too.
    let out = with_fixtures()
        .args(["init", "--force", "--out"])
        .arg(&file)
        .assert()
        .code(2);
    let err = stderr_of(out.get_output());
    assert!(err.contains("being written by another medsec"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    drop(held);
    #[cfg(unix)]
    assert!(!dir.path().join(".answers.toml.lock").exists());
    import(&file, &s).assert().success();
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("note = \"late\""));
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

// ---- weak points of the answers store ----

#[cfg(unix)]
#[test]
fn a_read_only_answers_file_is_refused_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&file).unwrap();
    let s = sheet(dir.path(), "security-manager", 1, "ro");
    let out = import(&file, &s).assert().code(2);
    let err = stderr_of(out.get_output());
    assert!(
        err.contains("answers.toml` is read-only; nothing was written")
            && err.contains("chmod u+w"),
        "{err}"
    );
    let out = import(&file, &s).args(["--lang", "ja"]).assert().code(2);
    let err = stderr_of(out.get_output());
    assert!(
        err.contains("answers.toml`は読み取り専用です。何も書き込んでいません"),
        "{err}"
    );
    // The Japanese message is the whole message: no English one appended after it.
    assert!(!err.contains("read-only"), "{err}");
    // init --force over the read-only file: refused once, in the reader's language.
    for (lang, said, english) in [
        ("en", "is read-only; nothing was written", true),
        ("ja", "は読み取り専用です。何も書き込んでいません", false),
    ] {
        let out = medsec()
            .args([
                "--lang",
                lang,
                "init",
                "--checklist",
                "mhlw-institution@fy2025",
                "--force",
                "--out",
            ])
            .arg(&file)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.matches(said).count(), 1, "{err}");
        assert_eq!(err.contains("nothing was written"), english, "{err}");
        assert_eq!(std::fs::read(&file).unwrap(), before);
    }
    let out = with_fixtures()
        .args(["init", "--force", "--out"])
        .arg(&file)
        .assert()
        .code(2);
    assert!(stderr_of(out.get_output()).contains("read-only"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn temporary_files_left_by_a_killed_write_are_removed_by_the_next_writer() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    // What a write killed between creating its temporary file and renaming it leaves behind.
    let stale = dir.path().join(".answers.toml.tmp-999999-0");
    std::fs::write(&stale, "half a fi").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    // Not ours: another file's temporary file, and a name that only looks like one.
    let other = dir.path().join(".vendor-a.toml.tmp-999999-0");
    let lookalike = dir.path().join(".answers.toml.tmp-notes");
    for p in [&other, &lookalike] {
        std::fs::write(p, "keep").unwrap();
    }
    let s = sheet(dir.path(), "security-manager", 1, "after-kill");
    import(&file, &s).assert().success();
    assert!(!stale.exists(), "the stale temporary file is still there");
    assert!(other.exists() && lookalike.exists());
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("note = \"after-kill\""));
}

#[cfg(unix)]
#[test]
fn root_editing_another_users_file_keeps_its_owner_group_and_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let root = std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false);
    if !root {
        assert!(!in_ci(), "CI runs as root; this test needs it");
        eprintln!("skipped: not root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    // nobody:nogroup on Debian (65534).
    std::os::unix::fs::chown(&file, Some(65534), Some(65534)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let ino = std::fs::metadata(&file).unwrap().ino();
    let s = sheet(dir.path(), "security-manager", 1, "by-root");
    import(&file, &s).assert().success();
    let m = std::fs::metadata(&file).unwrap();
    assert_ne!(
        m.ino(),
        ino,
        "the file was rewritten in place, not replaced"
    );
    assert_eq!((m.uid(), m.gid()), (65534, 65534));
    assert_eq!(m.permissions().mode() & 0o7777, 0o640);
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("note = \"by-root\""));
}

// ---- issue 9: the atomic write is atomic ----

#[cfg(unix)]
#[test]
fn a_reader_beside_repeated_saves_never_sees_a_partial_file_and_each_save_is_a_rename() {
    use std::os::unix::fs::MetadataExt;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let file = answers_in(dir.path());
    let original = std::fs::read_to_string(&file).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (file, done) = (file.clone(), done.clone());
        std::thread::spawn(move || {
            let mut reads = 0u64;
            let mut bad = Vec::new();
            while !done.load(Ordering::Relaxed) {
                match std::fs::read_to_string(&file) {
                    // Every whole version ends with the last entry's note and a line feed.
                    Ok(t) if t.starts_with("# 医療機関確認用") && t.trim_end().ends_with('"') =>
                        {}
                    Ok(t) => bad.push(t),
                    Err(e) => bad.push(format!("read failed: {e}")),
                }
                reads += 1;
            }
            (reads, bad)
        })
    };
    let mut inodes = vec![std::fs::metadata(&file).unwrap().ino()];
    for k in 0..40 {
        let loaded = medsec::answers::load(&file, medsec::checklist::Lang::En).unwrap();
        let update = medsec::answers::store::Update {
            item: "access-log-server".into(),
            round: 1,
            set: vec![(
                "note",
                medsec::answers::store::FieldValue::Text(format!(
                    "save {k} {}",
                    "x".repeat(k * 50)
                )),
            )],
            remove: vec![],
        };
        medsec::answers::store::save(&loaded, &[update]).unwrap();
        inodes.push(std::fs::metadata(&file).unwrap().ino());
    }
    done.store(true, Ordering::Relaxed);
    let (reads, bad) = reader.join().unwrap();
    assert!(reads > 40, "the reader ran only {reads} times");
    assert!(
        bad.is_empty(),
        "the reader saw {} partial files: {:?}",
        bad.len(),
        bad.first()
    );
    // A rename gives the path a new file each time; an in-place rewrite keeps the inode.
    for pair in inodes.windows(2) {
        assert_ne!(pair[0], pair[1], "a save rewrote the file in place");
    }
    let last = std::fs::read_to_string(&file).unwrap();
    assert!(last.contains("note = \"save 39 "));
    assert_eq!(last.lines().count(), original.lines().count());
}

// ---- fault 6: `report --out DIR --force` replaces only a bundle ----

/// `medsec report --answers answers.toml --out OUT [--force]` in `dir` (made by `answers_in`).
fn report_into(dir: &Path, out: &Path, force: bool) -> std::process::Output {
    let mut cmd = with_fixtures();
    cmd.arg("report")
        .arg("--answers")
        .arg(dir.join("answers.toml"))
        .arg("--out")
        .arg(out);
    if force {
        cmd.arg("--force");
    }
    cmd.output().unwrap()
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir_files(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

fn walkdir_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn refused(out: &std::process::Output, reason: &str) {
    let err = stderr_of(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("was not replaced"), "{err}");
    assert!(err.contains(reason), "expected `{reason}` in: {err}");
    assert!(err.contains("nothing was written"), "{err}");
}

#[test]
fn force_never_deletes_a_folder_that_is_not_a_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    answers_in(dir);

    // The reported case: report.json `{}` beside someone's thesis.
    let thesis = dir.join("thesis");
    std::fs::create_dir(&thesis).unwrap();
    std::fs::write(thesis.join("report.json"), "{}").unwrap();
    std::fs::write(thesis.join("thesis.docx"), "chapter 1").unwrap();
    let before = snapshot(&thesis);
    refused(&report_into(dir, &thesis, true), "no `MANIFEST.sha256`)");
    assert_eq!(snapshot(&thesis), before);
    // Without --force the reason is the same (not "use --force").
    refused(&report_into(dir, &thesis, false), "no `MANIFEST.sha256`)");

    // The same with a manifest that lists both files correctly: report.json is not a report.
    let manifest: String = ["report.json", "thesis.docx"]
        .iter()
        .map(|f| {
            let bytes = std::fs::read(thesis.join(f)).unwrap();
            format!("{}  {f}\n", medsec::signing::manifest::sha256_bytes(&bytes))
        })
        .collect();
    std::fs::write(thesis.join("MANIFEST.sha256"), manifest).unwrap();
    let before = snapshot(&thesis);
    refused(
        &report_into(dir, &thesis, true),
        "not a report bundle made by medsec",
    );
    assert_eq!(snapshot(&thesis), before);

    // A real report.json copied beside the thesis, under a manifest made by hand
    // (`sha256sum report.json thesis.docx > MANIFEST.sha256`): the report names no thesis.
    let made = dir.join("made");
    assert_eq!(report_into(dir, &made, false).status.code(), Some(0));
    std::fs::copy(made.join("report.json"), thesis.join("report.json")).unwrap();
    let manifest: String = ["report.json", "thesis.docx"]
        .iter()
        .map(|f| {
            let bytes = std::fs::read(thesis.join(f)).unwrap();
            format!("{}  {f}\n", medsec::signing::manifest::sha256_bytes(&bytes))
        })
        .collect();
    std::fs::write(thesis.join("MANIFEST.sha256"), manifest).unwrap();
    let before = snapshot(&thesis);
    refused(
        &report_into(dir, &thesis, true),
        "its `report.json` does not name, so medsec did not write it: thesis.docx",
    );
    assert_eq!(snapshot(&thesis), before);

    // A folder named like the manifest is no manifest.
    let odd = dir.join("odd");
    std::fs::create_dir_all(odd.join("MANIFEST.sha256")).unwrap();
    std::fs::write(odd.join("report.json"), "{}").unwrap();
    refused(&report_into(dir, &odd, true), "no `MANIFEST.sha256`)");
    assert!(odd.join("MANIFEST.sha256").is_dir());

    // A file where the folder should be.
    let file = dir.join("notes.txt");
    std::fs::write(&file, "mine").unwrap();
    refused(&report_into(dir, &file, true), "it is not a folder");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn force_replaces_a_bundle_exactly_as_listed_and_nothing_more() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    answers_in(dir);

    // An empty folder is used, with or without --force.
    let empty = dir.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = report_into(dir, &empty, false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(empty.join("report.json").is_file());

    // A bundle medsec wrote is replaced with --force (and only with it).
    let bundle = dir.join("bundle");
    assert_eq!(report_into(dir, &bundle, false).status.code(), Some(0));
    let o = report_into(dir, &bundle, false);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_of(&o).contains("use `--force`"), "{}", stderr_of(&o));
    let o = report_into(dir, &bundle, true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));

    // A bundle plus one file of the user's: refused, both kept.
    std::fs::write(bundle.join("my-notes.txt"), "keep").unwrap();
    let before = snapshot(&bundle);
    refused(
        &report_into(dir, &bundle, true),
        "does not list: my-notes.txt",
    );
    assert_eq!(snapshot(&bundle), before);
    std::fs::remove_file(bundle.join("my-notes.txt")).unwrap();

    // An empty folder of the user's inside it.
    std::fs::create_dir(bundle.join("drafts")).unwrap();
    refused(&report_into(dir, &bundle, true), "does not list: drafts/");
    assert!(bundle.join("drafts").is_dir());
    std::fs::remove_dir(bundle.join("drafts")).unwrap();

    // A listed file changed since the manifest: someone edited it.
    let report = bundle.join("report.json");
    let mut text = std::fs::read_to_string(&report).unwrap();
    text.push(' ');
    std::fs::write(&report, &text).unwrap();
    refused(&report_into(dir, &bundle, true), "changed or missing");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), text);

    // In Japanese.
    let o = with_fixtures()
        .args(["--lang", "ja", "report", "--force", "--answers"])
        .arg(dir.join("answers.toml"))
        .arg("--out")
        .arg(&bundle)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr_of(&o);
    assert!(
        err.contains("は置き換えませんでした") && err.contains("何も書き込んでいません"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn force_does_not_follow_a_symbolic_link_to_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    answers_in(dir);
    let bundle = dir.join("bundle");
    assert_eq!(report_into(dir, &bundle, false).status.code(), Some(0));
    let link = dir.join("link");
    std::os::unix::fs::symlink(&bundle, &link).unwrap();
    let before = snapshot(&bundle);
    refused(&report_into(dir, &link, true), "it is a symbolic link");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(snapshot(&bundle), before);
}

// ---- fault 8: keys.toml cannot trust a key for every institution ----

/// A bundle for institution 0110113719 signed with a new unencrypted key; (bundle, key base64).
fn signed_bundle(dir: &Path) -> (PathBuf, String) {
    answers_in(dir);
    keygen(&dir.join("hospital"));
    let bundle = dir.join("bundle");
    let o = with_fixtures()
        .arg("report")
        .arg("--answers")
        .arg(dir.join("answers.toml"))
        .arg("--out")
        .arg(&bundle)
        .arg("--sign")
        .arg(dir.join("hospital.key"))
        .output()
        .unwrap();
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}",
        stderr_of(&o)
    );
    let public = std::fs::read_to_string(dir.join("hospital.pub")).unwrap();
    let line = public.lines().nth(1).unwrap().to_owned();
    (bundle, line)
}

fn verify_with(dir: &Path, bundle: &Path, keys_toml: &str, lang: &str) -> std::process::Output {
    let list = dir.join("keys.toml");
    std::fs::write(&list, keys_toml).unwrap();
    with_fixtures()
        .args(["--lang", lang, "verify", "--trusted"])
        .arg(&list)
        .arg(bundle)
        .output()
        .unwrap()
}

#[test]
fn wildcard_like_institution_keys_are_refused_by_verify() {
    let tmp = tempfile::tempdir().unwrap();
    let (bundle, key) = signed_bundle(tmp.path());
    // The listed code itself verifies (the fixture's institution).
    let good = format!("format_version = 1\n[institutions.0110113719]\nkeys = [\"{key}\"]\n");
    let o = verify_with(tmp.path(), &bundle, &good, "en");
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr_of(&o));
    for wild in [
        "\"*\"",
        "\"\"",
        "\"0000000000?\"",
        // Full-width digits are read as ASCII (the code verifies, tests/report/gaps12c.rs);
        // nine of them are still no code.
        "\"０１１０１１３７１\"",
        "\" 0110113719\"",
    ] {
        let text = format!("format_version = 1\n[institutions.{wild}]\nkeys = [\"{key}\"]\n");
        let o = verify_with(tmp.path(), &bundle, &text, "en");
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{wild}: {err}");
        assert!(
            err.contains("keys.toml:2:15:") && err.contains("its 10 digits"),
            "{wild}: {err}"
        );
        let o = verify_with(tmp.path(), &bundle, &text, "ja");
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr_of(&o).contains("数字10桁で書いてください"),
            "{wild}: {}",
            stderr_of(&o)
        );
    }
    // The same code twice, once in full-width digits: refused (exit 2), both places said, so a
    // revoked key removed from one entry is never still trusted through the other.
    let twice = format!(
        "format_version = 1\n[institutions.0110113719]\nkeys = [\"{key}\"]\n[institutions.\"０１１０１１３７１９\"]\nkeys = [\"{key}\"]\n"
    );
    for (lang, words) in [
        (
            "en",
            "0110113719 is listed twice under [institutions] (first at line 2",
        ),
        (
            "ja",
            "医療機関0110113719が[institutions]に2回あります(最初は2行目",
        ),
    ] {
        let o = verify_with(tmp.path(), &bundle, &twice, lang);
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{lang}: {err}");
        assert!(
            err.contains("keys.toml:4:") && err.contains(words),
            "{lang}: {err}"
        );
    }
    // A code with a wrong check digit is read, with a warning, and trusts only that code.
    let near = format!("format_version = 1\n[institutions.0110113710]\nkeys = [\"{key}\"]\n");
    let o = verify_with(tmp.path(), &bundle, &near, "en");
    let err = stderr_of(&o);
    assert!(
        err.contains("warning: ") && err.contains("check digit is 0, expected 9"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(3), "{err}{}", stdout_of(&o));
}

// ---- a secret key others can read is refused ----

#[cfg(unix)]
#[test]
fn a_secret_key_others_can_read_is_refused_naming_chmod_600() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (bundle, _) = signed_bundle(dir);
    let key = dir.join("hospital.key");
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let sign = |lang: &str| {
        with_fixtures()
            .args(["--lang", lang, "sign"])
            .arg(&bundle)
            .arg("--key")
            .arg(&key)
            .output()
            .unwrap()
    };
    let manifest_sig = std::fs::read(bundle.join("MANIFEST.sha256.minisig")).unwrap();
    for mode in [0o644, 0o640, 0o604, 0o660] {
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(mode)).unwrap();
        let o = sign("en");
        let err = stderr_of(&o);
        assert_eq!(o.status.code(), Some(2), "{mode:o}: {err}");
        assert!(
            err.contains(&format!("can be read by other users (mode {mode:04o})"))
                && err.contains("chmod 600"),
            "{err}"
        );
    }
    let o = sign("ja");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("ほかのユーザーも読めます"),
        "{}",
        stderr_of(&o)
    );
    // report --sign refuses it before any work.
    let o = with_fixtures()
        .arg("report")
        .arg("--answers")
        .arg(dir.join("answers.toml"))
        .arg("--out")
        .arg(dir.join("bundle2"))
        .arg("--sign")
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_of(&o).contains("chmod 600"), "{}", stderr_of(&o));
    assert!(!dir.join("bundle2").exists());
    assert_eq!(
        std::fs::read(bundle.join("MANIFEST.sha256.minisig")).unwrap(),
        manifest_sig
    );
    // Owner-only modes are fine.
    for mode in [0o600, 0o400] {
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(mode)).unwrap();
        let o = sign("en");
        assert_eq!(o.status.code(), Some(0), "{mode:o}: {}", stderr_of(&o));
    }
}

#[test]
fn keygen_speaks_japanese_and_never_replaces_a_key_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let name = tmp.path().join("clinic");
    let run = |extra: &[&str]| {
        medsec()
            .args(["--lang", "ja", "keygen", "--unencrypted", "--out"])
            .arg(&name)
            .args(extra)
            .output()
            .unwrap()
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout_of(&o);
    assert!(
        out.starts_with("鍵ID ") && out.contains("秘密鍵: ") && out.contains("公開鍵: "),
        "{out}"
    );
    assert!(stderr_of(&o).contains("暗号化されていません"));
    let secret = std::fs::read(tmp.path().join("clinic.key")).unwrap();
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("はすでにあります。上書きするには`--force`"),
        "{}",
        stderr_of(&o)
    );
    assert_eq!(
        std::fs::read(tmp.path().join("clinic.key")).unwrap(),
        secret
    );
    assert_eq!(run(&["--force"]).status.code(), Some(0));
    assert_ne!(
        std::fs::read(tmp.path().join("clinic.key")).unwrap(),
        secret
    );
}

#[cfg(unix)]
#[test]
fn the_walk_through_takes_the_lock_for_each_save() {
    use expectrl::Expect;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    medsec()
        .args([
            "--checklist",
            "test-institution@fy2025",
            "--checklist",
            INST,
        ])
        .args(["init", "--out"])
        .arg(&file)
        .assert()
        .success();
    let before = std::fs::read(&file).unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_medsec"));
    cmd.env_remove("LC_ALL")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .current_dir(root())
        .args(["--lang", "en", "--checklist", INST, "answer"])
        .arg(&file);
    let mut s = expectrl::session::OsSession::spawn(cmd).unwrap();
    s.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    s.expect("name: ").unwrap();
    let held = medsec::answers::store::lock(&file).unwrap();
    s.send_line("テスト診療所").unwrap();
    // On a terminal the error wraps at its width (render::prose): any break between words.
    s.expect(expectrl::Regex(
        r"is\s+being\s+written\s+by\s+another\s+medsec\s+\(waited\s+3\s+s\);\s+nothing\s+was\s+written",
    ))
    .unwrap();
    let status = format!("{:?}", s.get_process_mut().wait().unwrap());
    assert!(
        status.starts_with("Exited(") && status.ends_with(", 2)"),
        "{status}"
    );
    drop(held);
    assert_eq!(std::fs::read(&file).unwrap(), before);
}
