//! Shared helpers for the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::PathBuf;

/// The medsec binary with a quiet, predictable environment.
pub fn medsec() -> Command {
    let mut cmd = Command::cargo_bin("medsec").expect("binary built");
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        // Tables are as wide as `COLUMNS` says off a terminal: without it, one line a row.
        .env_remove("COLUMNS")
        // No checklists added on this machine (`checklist add`) take part in tests.
        .env("MEDSEC_DATA_DIR", root().join("target/test-no-user-data"))
        .env_remove("MEDSEC_TEST_OFFICIAL_WORKBOOKS")
        .current_dir(root());
    cmd
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

pub fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// What a command did: its exit code and its output as text.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Run `cmd` to its end (the workbook import and answers tests' set-up).
pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code(),
        stdout: stdout_of(&out),
        stderr: stderr_of(&out),
    }
}

/// A path as medsec shows it on this platform, from the `/` form a test writes: unchanged on
/// Unix, `\` for `/` on Windows. medsec shows a path as the user gave it, and a path it makes
/// (a folder given joined with a file found in it) in the platform's form; names inside a
/// bundle are `/` everywhere (docs/windows.md, "Paths").
pub fn native(path: &str) -> String {
    path.replace('/', std::path::MAIN_SEPARATOR_STR)
}

/// Text with Windows' `\` turned into `/` (unchanged on Unix), to compare two screens that
/// name the same file once as the user gave it (`bundle/report.json`) and once as medsec joined
/// it (`bundle\report.json` on Windows).
pub fn slashed(text: &str) -> String {
    if cfg!(windows) {
        text.replace('\\', "/")
    } else {
        text.to_owned()
    }
}

/// Insta filters that show Windows' paths with `/`, so one snapshot holds both platforms'
/// screens (see [`native`]); none on Unix, where the snapshot is compared as printed.
pub fn path_filters() -> Vec<(&'static str, &'static str)> {
    if cfg!(windows) {
        vec![
            (r"\\", "/"),
            // A missing folder on the way is "path not found" (3) on Windows, "no such file" (2) on
            // Unix; the words are the catalog's (`common-io-error`'s code, in both languages).
            (r"(OSのエラー番号|os error )3\)", "${1}2)"),
        ]
    } else {
        Vec::new()
    }
}

/// [`path_filters`] for every snapshot until the returned guard is dropped:
/// `let _paths = path_snapshots();` at the start of a test.
#[must_use]
pub fn path_snapshots() -> impl Sized {
    let mut settings = insta::Settings::clone_current();
    for (from, to) in path_filters() {
        settings.add_filter(from, to);
    }
    settings.bind_to_scope()
}

/// True when running in CI, where a missing external tool is a failure, not a skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// `git` with a fixed identity in `dir`, or None when git is missing outside CI (in CI a
/// missing git fails the test); a git command that fails fails the test.
#[allow(clippy::print_stderr)]
pub fn git(dir: &std::path::Path, args: &[&str]) -> Option<()> {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args(args)
        .current_dir(dir)
        .output();
    match out {
        Ok(o) => {
            assert!(
                o.status.success(),
                "git {args:?}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            Some(())
        }
        Err(e) if !in_ci() => {
            eprintln!("skipped: git not found ({e})");
            None
        }
        Err(e) => panic!("git is needed in CI: {e}"),
    }
}

/// A new empty git repository (branch `main`) in a temporary folder; None when git is missing
/// outside CI (see [`git`]).
pub fn git_repository() -> Option<tempfile::TempDir> {
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "-q", "-b", "main"])?;
    Some(repo)
}

/// Fill in the institution of the answers file `name` (made by init in `dir`): テスト病院, a
/// hospital in 北海道, with no vendor contract.
pub fn fill_institution(dir: &std::path::Path, name: &str) {
    let text = std::fs::read_to_string(dir.join(name))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト病院\"")
        .replace("code = \"\"", "code = \"0110113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"hospital\"")
        .replace("manager = \"\"", "manager = \"山田太郎\"")
        .replace("security_manager = \"\"", "security_manager = \"佐藤花子\"")
        .replace("answered_by = \"\"", "answered_by = \"佐藤花子\"")
        .replace("contract = \"\"", "contract = false");
    std::fs::write(dir.join(name), text).unwrap();
}

/// `medsec keygen --out NAME --unencrypted`: NAME.key and NAME.pub, or the test fails.
pub fn keygen(name: &std::path::Path) {
    let out = medsec()
        .arg("keygen")
        .arg("--out")
        .arg(name)
        .arg("--unencrypted")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}
pub mod bundle;
pub mod shell;

/// The fixture checklists: FY2025 institution and vendor forms, FY2024 institution form.
pub const INST: &str = "tests/fixtures/checklist-fy2025-institution.toml";
pub const INST24: &str = "tests/fixtures/checklist-fy2024-institution.toml";
pub const VEND: &str = "tests/fixtures/checklist-fy2025-vendor.toml";

/// `medsec` with the fixture checklists given by `--checklist`.
pub fn with_fixtures() -> assert_cmd::Command {
    let mut cmd = medsec();
    for c in [INST, VEND, INST24] {
        cmd.args(["--checklist", c]);
    }
    cmd
}

/// One utmp record as glibc on x86-64 writes it to /var/log/wtmp (384 bytes): a user process
/// (type 7) of `user` from `host` at `secs` (Unix time).
#[allow(dead_code)]
pub fn wtmp_record(user: &str, host: &str, secs: u32) -> Vec<u8> {
    let mut r = vec![0u8; 384];
    r[0..2].copy_from_slice(&7i16.to_le_bytes());
    r[8..13].copy_from_slice(b"pts/0");
    r[44..44 + user.len()].copy_from_slice(user.as_bytes());
    r[76..76 + host.len()].copy_from_slice(host.as_bytes());
    r[340..344].copy_from_slice(&secs.to_le_bytes());
    r
}

/// The complete fixture answers with their vendor form and evidence, copied into
/// `root/answers/`: returns the path of the copied `complete.toml`.
#[allow(dead_code)]
pub fn complete_answers_in(root: &std::path::Path) -> PathBuf {
    let dir = root.join("answers");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), dir.join(f)).unwrap();
    }
    dir.join("complete.toml")
}

/// Everything a pseudo-terminal session prints until the program ends (at most 60 s).
#[cfg(unix)]
pub fn pty_output(s: &mut expectrl::session::OsSession) -> String {
    use std::io::Read;
    let mut out = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut buf = [0u8; 4096];
    while std::time::Instant::now() < deadline {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(buf.get(..n).unwrap_or_default()),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
