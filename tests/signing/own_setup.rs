//! What the own-checklist tests (own_checklists, fix15b) set up alike: medsec run in a working
//! folder, `own.toml` shown as JSON, an answers file filled in and answered, a signed report.

use crate::common::{fill_institution, medsec, stderr_of, stdout_of};
use serde_json::Value;
use std::path::Path;

/// Run medsec in `dir`; (exit code, stdout, stderr).
pub fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = medsec().current_dir(dir).args(args).output().unwrap();
    (o.status.code().unwrap_or(-1), stdout_of(&o), stderr_of(&o))
}

/// Run medsec in `dir`, which must succeed (exit 0); its stdout.
pub fn run_ok(dir: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(dir, args);
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    out
}

pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// `checklist show SPEC --format json` with `own.toml` in `dir` given by `--checklist`.
pub fn show_own(dir: &Path, spec: &str) -> Value {
    json(&run_ok(
        dir,
        &[
            "--checklist",
            "own.toml",
            "checklist",
            "show",
            spec,
            "--format",
            "json",
        ],
    ))
}

/// The item IDs of a checklist as `checklist show --format json` lists them.
pub fn item_ids(dir: &Path, spec: &str) -> Vec<String> {
    show_own(dir, spec)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Fill in answers.toml (made by init over own.toml in `dir`): the institution, and はい with a
/// check date in `year` for every item of `ids`.
pub fn answer_every_item(dir: &Path, year: i16, ids: &[String]) {
    fill_institution(dir, "answers.toml");
    let mut sheet = String::from("item,answer,checked_on,target_date,note\n");
    for id in ids {
        sheet.push_str(&format!("{id},はい,{year}-06-02,,\n"));
    }
    std::fs::write(dir.join("sheet.csv"), sheet).unwrap();
    let (code, out, err) = run(
        dir,
        &[
            "--checklist",
            "own.toml",
            "answer",
            "answers.toml",
            "--import",
            "sheet.csv",
        ],
    );
    assert_eq!(code, 0, "fy{year}: {out}{err}");
}

/// The arguments of `report` that writes answers.toml's report into `bundle`, signed with
/// `key` (the `--checklist` flags go before them).
pub fn signed_report(key: &str) -> [&str; 7] {
    [
        "report",
        "--answers",
        "answers.toml",
        "--out",
        "bundle",
        "--sign",
        key,
    ]
}
