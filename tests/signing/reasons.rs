//! Why a file could not be written, read or replaced, said as what it is (issue #9, the
//! mutants of `--in-diff c7547e0` no test caught): a missing folder apart from a file in the
//! way, verify's words for a refused read, a bundle holding someone's file never replaced, a
//! key file given as keys.toml.

use crate::common;
use common::{medsec, stderr_of};
use std::path::Path;

/// `medsec --lang LANG ARGS…` in `dir`, with the fixture checklists: (exit code, stderr).
fn medsec_in(dir: &Path, lang: &str, args: &[&str]) -> (i32, String) {
    let o = medsec()
        .current_dir(dir)
        .args(common::bundle::checklist_args())
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), stderr_of(&o))
}

/// A folder that is not there is said to be missing (`keygen --out nai/k`); a file standing
/// where a folder should be is said to be no folder (`report --out afile/x/y`), never that
/// the folder does not exist.
#[test]
fn a_write_into_a_missing_folder_or_through_a_file_says_which() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let (code, err) = medsec_in(w, "en", &["keygen", "--unencrypted", "--out", "nai/k"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cannot write `nai/k.key`: the folder `nai` does not exist"),
        "{err}"
    );
    let answers = common::complete_answers_in(w);
    std::fs::write(w.join("afile"), "x").unwrap();
    let answers = answers.to_str().unwrap();
    let (code, err) = medsec_in(
        w,
        "en",
        &["report", "--answers", answers, "--out", "afile/x/y"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cannot write `afile/x/y`: not a folder"),
        "{err}"
    );
    assert!(!err.contains("does not exist"), "{err}");
}

/// A file medsec may not read is said in verify's words in Japanese (「権限がありません」, as
/// verify's findings say it), not the catalog's general words for other commands' errors.
#[cfg(unix)]
#[test]
fn a_file_that_may_not_be_read_is_said_in_verify_s_words() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let s = common::bundle::signed(&common::bundle::report_value(
        common::bundle::HOSPITAL,
        2025,
    ));
    // A report.json on its own (in a bundle, verify's finding would say it).
    let locked = s.root.join("locked.json");
    std::fs::copy(s.bundle.join("report.json"), &locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let is_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let out = if is_root {
        // Permissions do not stop root: render runs as nobody (as CI runs the tests as root).
        std::fs::set_permissions(&s.root, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::process::Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
            .arg(assert_cmd::cargo::cargo_bin("medsec"))
            .args(["--lang", "ja", "render", "locked.json"])
            .env("LANG", "C")
            .env("MEDSEC_DATA_DIR", s.root.join("no-data"))
            .current_dir(&s.root)
            .output()
            .expect("setpriv (util-linux) runs the test as nobody")
    } else {
        medsec()
            .current_dir(&s.root)
            .args(["--lang", "ja", "render", "locked.json"])
            .output()
            .unwrap()
    };
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`locked.json`を読めません: 権限がありません"),
        "{err}"
    );
}

/// `report --force` replaces only a bundle exactly as its manifest lists it: a file put into
/// it afterwards (someone's notes) or a changed file stops it (exit 2), and nothing is lost.
#[test]
fn a_bundle_holding_other_files_is_not_replaced_even_with_force() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let answers = common::complete_answers_in(w);
    let answers = answers.to_str().unwrap();
    let report = ["report", "--answers", answers, "--out", "b", "--force"];
    let (code, err) = medsec_in(w, "en", &report);
    assert_eq!(code, 0, "{err}");
    std::fs::write(w.join("b/notes.txt"), "mine").unwrap();
    let (code, err) = medsec_in(w, "en", &report);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("`b` was not replaced: it holds 1 file(s) or folder(s) its manifest does not list: notes.txt"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(w.join("b/notes.txt")).unwrap(),
        "mine"
    );
    std::fs::remove_file(w.join("b/notes.txt")).unwrap();
    let page = w.join("b/report.html");
    let mut changed = std::fs::read(&page).unwrap();
    changed.extend_from_slice(b"<!-- a note -->\n");
    std::fs::write(&page, &changed).unwrap();
    let (code, err) = medsec_in(w, "en", &report);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("1 file(s) changed or missing since its manifest was written: report.html"),
        "{err}"
    );
    assert_eq!(std::fs::read(&page).unwrap(), changed);
}

/// A minisign key file given as keys.toml (`--trusted k.pub`) is said to be one, with how to
/// use it (`--pubkey k.pub`), not the TOML parser's complaint; a secret key file likewise.
#[test]
fn a_key_file_given_as_keys_toml_is_said_to_be_one() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    common::keygen(&w.join("k"));
    let (code, err) = medsec_in(w, "en", &["verify", "bundle", "--trusted", "k.pub"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("this is a minisign public key file") && err.contains("`--pubkey k.pub`"),
        "{err}"
    );
    let (code, err) = medsec_in(w, "en", &["verify", "bundle", "--trusted", "k.key"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("this is a minisign secret key file"), "{err}");
    // A signature file's first line (`signature from medsec secret key`, minisign's likewise)
    // names a secret key too: it is said to be a signature, not a secret key.
    let key = common::bundle::TestKey::new(w, "s");
    let sig = key.sign_bytes(b"manifest\n", "timestamp:1");
    std::fs::write(w.join("medsec.minisig"), &sig).unwrap();
    let stock = sig.replacen("signature from medsec", "signature from minisign", 1);
    std::fs::write(w.join("stock.minisig"), stock).unwrap();
    for (file, lang, said) in [
        ("medsec.minisig", "en", "this is a minisign signature file"),
        ("stock.minisig", "en", "this is a minisign signature file"),
        ("medsec.minisig", "ja", "これはminisignの署名ファイルで"),
    ] {
        let (code, err) = medsec_in(w, lang, &["verify", "bundle", "--trusted", file]);
        assert_eq!(code, 2, "{file}: {err}");
        assert!(err.contains(said), "{file}: {err}");
        assert!(
            !err.contains("secret key file") && !err.contains("秘密鍵"),
            "{file}: {err}"
        );
    }
}
