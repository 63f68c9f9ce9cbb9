//! Issue 11, what the second reviewer found: `checklist list` says the checklist `init` takes,
//! `checklist diff` names a changed section heading, and the smaller findings of that review.
//!
//! TEST DATA: the workbooks built here are not the FY2026 form (its wording was not seen); see
//! review11.rs.

use super::review11::{import_merged, Setup};
use crate::common;
use common::*;

/// After `checklist add` of this year's checklist (not the official workbook), `checklist list`
/// names what a command without `--checklist` takes: the added one, as `init` does, not "the
/// newest official edition" (fy2025).
#[test]
fn checklist_list_names_the_checklist_init_takes() {
    let s = Setup::new();
    let checklist = import_merged(&s);
    let r = run(s.medsec("en").args(["checklist", "add"]).arg(&checklist));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for (lang, said, not_said) in [
        (
            "ja",
            "`--checklist`を付けないときに使うのは、医療機関確認用・薬局確認用では`r8-institution@fy2026`、事業者確認用では`mhlw-vendor@fy2025`です。",
            "公式の版のうち最も新しいもの",
        ),
        (
            "en",
            "Without `--checklist`, commands use `r8-institution@fy2026` for the institution and pharmacy forms, `mhlw-vendor@fy2025` for the vendor form.",
            "commands take the newest official edition",
        ),
    ] {
        let r = run(s.medsec(lang).args(["checklist", "list"]));
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        assert!(!r.stderr.contains(not_said), "{lang}: {}", r.stderr);
        // init takes the one list names, for an institution and for a pharmacy.
        for form in ["institution", "pharmacy"] {
            let out = s.path(&format!("{form}-{lang}.toml"));
            let r = run(s
                .medsec(lang)
                .args(["init", "--form", form, "--out"])
                .arg(&out));
            assert_eq!(r.code, Some(0), "{}", r.stderr);
            let toml = std::fs::read_to_string(&out).unwrap();
            assert!(toml.contains("id = \"r8-institution\""), "{form}: {toml}");
        }
    }
    // A command that used an older edition is told how to use this year's.
    let r = run(s.medsec("en").args([
        "--checklist",
        "mhlw-institution@fy2025",
        "init",
        "--out",
        "old.toml",
    ]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "This command used an older edition. To use this year's, give `--checklist r8-institution@fy2026`."
        ),
        "{}",
        r.stderr
    );
}
