//! Issue #11, the last re-review: a `report --sign` killed outright (SIGKILL) leaves its
//! staging folder `.medsec-bundle-XXXX/`; the next report into the same folder removes it, and
//! says so, but never a staging folder a live process owns or a folder without medsec's
//! marker.
// Unix only, as its two tests (`true` for a process that has ended, SIGKILL): without this the
// Windows test build warned that the helpers below were never used.
#![cfg(unix)]

use crate::common;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A std command for medsec in `dir` (a child a test can kill), in `lang`.
fn medsec_child(dir: &Path, lang: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("medsec"));
    cmd.current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("MEDSEC_DATA_DIR", dir.join("data"))
        .args(["--lang", lang]);
    cmd
}

/// An answers file `a.toml` in `dir` whose first answer names `big.bin` as evidence, and a key.
fn setup(dir: &Path) {
    common::keygen(&dir.join("k"));
    let o = medsec_child(dir, "en")
        .arg("--checklist")
        .arg(common::root().join(common::INST))
        .args(["init", "--out", "a.toml"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", common::stderr_of(&o));
    let text = std::fs::read_to_string(dir.join("a.toml"))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト診療所\"")
        .replace("code = \"\"", "code = \"0110113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"clinic\"")
        .replacen("evidence = []", "evidence = [\"big.bin\"]", 1);
    assert!(text.contains("big.bin"), "{text}");
    std::fs::write(dir.join("a.toml"), text).unwrap();
}

fn report(dir: &Path, lang: &str, out: &str) -> std::process::Command {
    let mut cmd = medsec_child(dir, lang);
    cmd.arg("--checklist")
        .arg(common::root().join(common::INST))
        .args([
            "report",
            "--answers",
            "a.toml",
            "--out",
            out,
            "--sign",
            "k.key",
        ]);
    cmd
}

/// The staging folders in `dir`.
fn stages(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".medsec-bundle-")
        })
        .collect();
    found.sort();
    found
}

/// Start `report --sign` into `dir/out` and kill it (SIGKILL) while its staging folder holds
/// its marker; the evidence file grows until the kill lands before the report is done.
/// Returns the staging folder left.
fn kill_midway(dir: &Path, out: &str) -> PathBuf {
    let before = stages(dir);
    let mut size: u64 = 64 << 20;
    loop {
        let big = std::fs::File::create(dir.join("big.bin")).unwrap();
        big.set_len(size).unwrap();
        drop(big);
        let mut child = report(dir, "en", out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let left = loop {
            let new: Vec<PathBuf> = stages(dir)
                .into_iter()
                .filter(|p| !before.contains(p) && p.join(".medsec-stage").is_file())
                .collect();
            if let Some(stage) = new.first() {
                child.kill().unwrap(); // SIGKILL on Unix
                child.wait().unwrap();
                break Some(stage.clone());
            }
            if child.try_wait().unwrap().is_some() || started.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(1));
        };
        match left {
            Some(stage) if stage.is_dir() => return stage,
            // Done before the kill landed (or just after): a larger file, a later kill.
            _ => {
                let _ = std::fs::remove_dir_all(dir.join(out));
                assert!(size < 4 << 30, "the report was never caught midway");
                size *= 2;
            }
        }
    }
}

#[test]
fn a_staging_folder_left_by_a_killed_report_is_removed_by_the_next_one() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    setup(w);
    let stale = kill_midway(w, "b");
    assert!(stale.join(".medsec-stage").is_file());
    // Beside it: a folder of the same name without medsec's marker, and one a live process
    // owns (this test's), which are never removed.
    let unmarked = w.join(".medsec-bundle-unmarked");
    std::fs::create_dir(&unmarked).unwrap();
    std::fs::write(unmarked.join("notes.txt"), "someone's").unwrap();
    let live = w.join(".medsec-bundle-live");
    std::fs::create_dir(&live).unwrap();
    let marker = std::fs::read_to_string(stale.join(".medsec-stage")).unwrap();
    let live_marker: String = marker
        .lines()
        .map(|l| {
            if l.starts_with("pid=") {
                format!("pid={}\n", std::process::id())
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert_ne!(live_marker, marker, "{marker}");
    std::fs::write(live.join(".medsec-stage"), &live_marker).unwrap();

    std::fs::write(w.join("big.bin"), "小さい証跡\n").unwrap();
    let o = report(w, "en", "b2").output().unwrap();
    let err = common::stderr_of(&o);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{err}");
    assert!(w.join("b2/report.json").is_file(), "{err}");
    let name = stale.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        err.contains("Removed what an earlier medsec run left when it was stopped")
            && err.contains(&format!("{name}`")),
        "{err}"
    );
    assert!(!stale.exists(), "{err}");
    for kept in [&unmarked, &live] {
        assert!(kept.is_dir(), "{}: {err}", kept.display());
        assert!(
            !err.contains(&*kept.file_name().unwrap().to_string_lossy()),
            "{err}"
        );
    }
    // The new bundle holds no marker, and nothing of the run is left beside it.
    assert!(!w.join("b2/.medsec-stage").exists());
    assert!(!w.join("b2/bundle").exists());
    assert_eq!(stages(w), vec![live.clone(), unmarked.clone()]);
    let o = medsec_child(w, "en")
        .args(["verify", "b2", "--pubkey", "k.pub"])
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        common::stdout_of(&o)
    );

    // In Japanese, and a report with nothing stale says nothing of it.
    let stale = kill_midway(w, "b3");
    std::fs::write(w.join("big.bin"), "小さい証跡\n").unwrap();
    let o = report(w, "ja", "b3").output().unwrap();
    let err = common::stderr_of(&o);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{err}");
    assert!(
        err.contains("途中で止められた以前のmedsecの実行が残した作業用フォルダ")
            && err.contains("を削除しました")
            && err.contains(&*stale.file_name().unwrap().to_string_lossy()),
        "{err}"
    );
    assert!(!stale.exists());
    let o = report(w, "en", "b4").output().unwrap();
    let err = common::stderr_of(&o);
    assert!(!err.contains("Removed what"), "{err}");
}

/// `check` writes its bundle into `--out`'s folder the same way: a staging folder a killed run
/// left there (its process gone from this machine) is removed and said.
#[test]
fn check_removes_a_stale_staging_folder_in_its_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("clinic");
    std::fs::create_dir_all(dir.join("backup")).unwrap();
    let example = common::root().join("examples/clinic");
    for f in ["answers.toml", "probes.toml", "ledger.csv"] {
        std::fs::copy(example.join(f), dir.join(f)).unwrap();
    }
    for e in std::fs::read_dir(example.join("backup")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("backup").join(e.file_name())).unwrap();
    }
    // A process that has ended, on this machine.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let gone = child.id();
    child.wait().unwrap();
    let stale = dir.join("o/.medsec-bundle-Ab12Cd");
    for (lang, said) in [
        ("en", "Removed what an earlier medsec run left"),
        (
            "ja",
            "作業用フォルダ(その処理はもう動いていません)を削除しました",
        ),
    ] {
        std::fs::create_dir_all(stale.join("bundle")).unwrap();
        std::fs::write(
            stale.join(".medsec-stage"),
            format!(
                "medsec staging folder\npid={gone}\nhost={}\n",
                gethostname::gethostname().to_string_lossy()
            ),
        )
        .unwrap();
        let o = common::medsec()
            .current_dir(&dir)
            .args(["--lang", lang, "check", "--non-interactive"])
            .args(["--answers", "answers.toml", "--probes", "probes.toml"])
            .args(["--as-of", "2025-11-01", "--out", "o"])
            .output()
            .unwrap();
        let all = format!("{}{}", common::stdout_of(&o), common::stderr_of(&o));
        assert!(matches!(o.status.code(), Some(0 | 1)), "{lang}: {all}");
        assert!(
            all.contains(said) && all.contains(".medsec-bundle-Ab12Cd`"),
            "{lang}: {all}"
        );
        assert!(!stale.exists(), "{lang}: {all}");
    }
}
