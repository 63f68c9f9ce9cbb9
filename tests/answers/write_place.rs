//! A file is replaced by a temporary file written beside it and renamed over it: never one
//! written in the current folder, which may be on another disk (where a rename fails) or gone.
#![cfg(unix)]

use crate::common;

use common::{fixture, root, INST, VEND};
use std::process::Command;

#[test]
fn a_save_does_not_depend_on_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    std::fs::copy(fixture("answers/complete.toml"), &file).unwrap();
    std::fs::copy(
        fixture("answers/vendor-a.toml"),
        dir.path().join("vendor-a.toml"),
    )
    .unwrap();
    let sheet = dir.path().join("sheet.csv");
    std::fs::write(
        &sheet,
        "item,round,answer,checked_on,target_date,note\nsecurity-manager,1,はい,2025-06-01,,moved\n",
    )
    .unwrap();
    // medsec runs in a folder that is removed before it starts.
    let gone = tempfile::tempdir().unwrap().keep();
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"cd "$1" && rmdir "$1" && shift && exec "$@""#)
        .arg("sh")
        .arg(&gone)
        .arg(assert_cmd::cargo::cargo_bin("medsec"))
        .args(["--checklist"])
        .arg(root().join(INST))
        .args(["--checklist"])
        .arg(root().join(VEND))
        .arg("answer")
        .arg(&file)
        .arg("--import")
        .arg(&sheet)
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("MEDSEC_DATA_DIR", root().join("target/test-no-user-data"))
        .output()
        .unwrap();
    assert!(!gone.exists());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("moved"), "{saved}");
}
