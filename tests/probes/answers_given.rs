//! An answers file given where the probe configuration goes (`check --probes answers.toml`,
//! `probe --config answers.toml`) is said to be one, with what the flag takes (issue #10).
use crate::common;
use common::*;

#[test]
fn an_answers_file_given_as_the_probe_configuration_is_said_to_be_one() {
    let answers = fixture("answers/complete.toml").display().to_string();
    for (lang, said) in [
        (
            "ja",
            "これは回答ファイルで、プローブの設定ファイルではありません。",
        ),
        ("en", "this is an answers file, not a probe configuration."),
    ] {
        for args in [
            vec!["check", "--probes", &answers, "--answers", &answers],
            vec!["probe", "--config", &answers],
        ] {
            let o = medsec()
                .args(["--lang", lang])
                .args(&args)
                .output()
                .unwrap();
            let err = stderr_of(&o);
            assert_eq!(o.status.code(), Some(2), "{lang} {args:?}: {err}");
            assert!(err.contains(said), "{lang} {args:?}: {err}");
            assert!(err.contains("`[[probe]]`"), "{lang}: {err}");
            assert!(err.contains("`--answers`"), "{lang}: {err}");
            assert!(!err.contains("`answers`"), "no setting named: {err}");
        }
    }
}
