//! Editions as people write them (`２０２６`, `令和8年度`, `R8`, `FY2026`), the years an
//! edition may name, and the top-level help's title, at the level users meet them.

use crate::common;
use common::*;

/// The fiscal year (April–March, Japan) of today.
fn current_fiscal_year() -> i16 {
    medsec::dates::fiscal_year_of(medsec::dates::today_in_japan())
}

/// `year` written in every way a person may write it.
fn spellings(year: i16) -> Vec<String> {
    let full_width: String = year
        .to_string()
        .chars()
        .map(|c| char::from_u32(u32::from(c) + 0xFEE0).unwrap())
        .collect();
    let reiwa = year - 2018;
    vec![
        format!("fy{year}"),
        format!("FY{year}"),
        format!("Fy{year}"),
        year.to_string(),
        full_width.clone(),
        format!("ＦＹ{full_width}"),
        format!("令和{reiwa}年度"),
        format!("令和{reiwa}年度版"),
        format!("R{reiwa}"),
        format!("r{reiwa}"),
    ]
}

#[test]
fn checklist_new_reads_the_edition_in_every_spelling() {
    let year = current_fiscal_year();
    let dir = tempfile::tempdir().unwrap();
    for (n, spelling) in spellings(year).iter().enumerate() {
        let out_file = dir.path().join(format!("n{n}.toml"));
        let out = medsec()
            .args([
                "checklist",
                "new",
                "--from",
                "mhlw-institution@fy2023",
                "--edition",
                spelling,
                "--out",
            ])
            .arg(&out_file)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{spelling}: {}",
            stderr_of(&out)
        );
        let text = std::fs::read_to_string(&out_file).unwrap();
        assert!(
            text.contains(&format!("edition = \"fy{year}\"")),
            "{spelling}: {text}"
        );
    }
}

#[test]
fn an_id_at_edition_reads_the_edition_in_every_spelling() {
    for spelling in spellings(2024) {
        let out = medsec()
            .args(["checklist", "show", "--format", "json"])
            .arg(format!("mhlw-institution@{spelling}"))
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{spelling}: {}",
            stderr_of(&out)
        );
        let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        let edition = json["checklist"]["edition"]
            .as_str()
            .or_else(|| json["edition"].as_str());
        assert_eq!(edition, Some("fy2024"), "{spelling}");
    }
    // `--from` of `checklist new` takes them too.
    let year = current_fiscal_year();
    let out = medsec()
        .args(["checklist", "new", "--from", "mhlw-institution@令和5年度"])
        .args(["--edition", &format!("R{}", year - 2018)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains(&format!("edition = \"fy{year}\"")));
}

#[test]
fn an_edition_far_ahead_or_before_the_form_is_refused_naming_this_year() {
    let year = current_fiscal_year();
    let far = format!("fy{}", year + 2);
    let cases = [
        (
            "ja",
            far.as_str(),
            vec![
                format!("今年度は{}", medsec::dates::wareki_fiscal_year(year)),
                format!("(FY{year})"),
            ],
        ),
        (
            "en",
            far.as_str(),
            vec![format!("the current fiscal year is FY{year}")],
        ),
        (
            "ja",
            "fy2022",
            vec!["令和5年度(FY2023)に始まりました".to_owned()],
        ),
        ("en", "2022", vec!["began in FY2023".to_owned()]),
        ("ja", "来年", vec!["版として読めません".to_owned()]),
        ("en", "next", vec!["is not an edition".to_owned()]),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (lang, edition, needles) in cases {
        let out_file = dir.path().join("n.toml");
        let out = medsec()
            .args(["--lang", lang, "checklist", "new", "--from"])
            .arg("mhlw-institution@fy2025")
            .args(["--edition", edition, "--out"])
            .arg(&out_file)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{edition}: {err}");
        for needle in &needles {
            assert!(err.contains(needle.as_str()), "{lang} {edition}: {err}");
        }
        assert!(!out_file.exists(), "nothing is written for {edition}");
    }
    // The next fiscal year stays allowed (a form may be prepared before its year).
    let out = medsec()
        .args(["checklist", "new", "--from", "mhlw-institution@fy2025"])
        .args(["--edition", &format!("fy{}", year + 1)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
}

/// The top-level help names what medsec does, not the FY2023–FY2025 form's title, in English
/// and Japanese alike.
#[test]
fn the_top_level_help_names_no_year_bound_form() {
    for lang in ["en", "ja"] {
        let out = medsec().args(["--lang", lang, "--help"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let help = stdout_of(&out);
        let title = help.lines().next().unwrap_or_default();
        assert!(title.starts_with("medsec: "), "{title}");
        assert!(
            !help.contains("医療機関におけるサイバーセキュリティ対策チェックリスト"),
            "{lang}: {title}"
        );
        for year_bound in ["FY2025", "令和7年度", "令和7年"] {
            assert!(!title.contains(year_bound), "{lang}: {title}");
        }
        let pharmacies = if lang == "ja" { "薬局" } else { "pharmacies" };
        assert!(title.contains(pharmacies), "{lang}: {title}");
    }
}
