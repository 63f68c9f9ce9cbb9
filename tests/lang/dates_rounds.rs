//! Issue #10, second review: dates, rounds, item names and errors in the reader's language,
//! as a user meets them at the command line.

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
fn a_round_the_form_does_not_have_names_the_rounds_it_has() {
    let answers = fixture("answers/complete.toml");
    let answers = answers.to_str().unwrap_or_default();
    for args in [
        vec!["status", "--round", "3", answers],
        vec!["answer", "--round", "0", answers],
    ] {
        let (out, ja, code) = run("ja", &args);
        assert_eq!(code, Some(2), "{args:?}: {ja}");
        assert!(out.is_empty(), "{out}");
        assert!(ja.contains("1回目") && ja.contains("2回目"), "{ja}");
        let (_, en, code) = run("en", &args);
        assert_eq!(code, Some(2), "{en}");
        assert!(en.contains("round 1") && en.contains("round 2"), "{en}");
    }
}
