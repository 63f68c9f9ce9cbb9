//! Every file under checklists/ is registered, agrees with its path, and lints clean.

use medsec::checklist::{registry::BUNDLED, validate};
use medsec::diagnostic::Severity;
use std::path::Path;

fn files_under(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let rel = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn every_checklist_file_is_registered() {
    let mut files = Vec::new();
    files_under(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists"),
        &mut files,
    );
    files.sort();
    let mut registered: Vec<String> = BUNDLED.iter().map(|b| b.path.to_owned()).collect();
    registered.sort();
    assert_eq!(
        files, registered,
        "register new files in src/checklist/registry.rs"
    );
}

#[test]
fn id_edition_and_form_agree_with_the_path() {
    for b in BUNDLED {
        let (checklist, diags) = validate::parse(b.path, b.source);
        let c = checklist.unwrap_or_else(|| panic!("{} does not validate: {diags:#?}", b.path));
        let expected = format!("checklists/{}/{}/{}.toml", c.publisher, c.edition, c.form);
        assert_eq!(b.path, expected);
        assert_eq!(c.id, format!("{}-{}", c.publisher, c.form));
    }
}

#[test]
fn bundled_checklists_have_no_lint_errors() {
    for b in BUNDLED {
        let (_, diags) = validate::parse(b.path, b.source);
        let errors: Vec<_> = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", b.path);
    }
}

#[test]
fn replaced_ids_exist_in_an_earlier_edition() {
    let all: Vec<_> = BUNDLED
        .iter()
        .filter_map(|b| validate::parse(b.path, b.source).0)
        .collect();
    for c in &all {
        for item in &c.items {
            for old in &item.replaces {
                let found = all.iter().any(|o| {
                    o.id == c.id && o.fiscal_year < c.fiscal_year && o.item(old).is_some()
                });
                assert!(
                    found,
                    "{}@{} item {} replaces unknown {old}",
                    c.id, c.edition, item.id
                );
            }
        }
    }
}

/// Source IDs with their grade (`A` = MHLW text), from the tables of docs/checklist-sources.md.
fn source_grades() -> Vec<(String, String)> {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checklist-sources.md"),
    )
    .unwrap();
    doc.lines()
        .filter_map(|line| {
            let mut cells = line.split('|').map(str::trim).skip(1);
            let id = cells.next()?;
            let grade = cells.next()?;
            (id.starts_with('S') && id[1..].starts_with(|c: char| c.is_ascii_digit()))
                .then(|| (id.to_owned(), grade.to_owned()))
        })
        .collect()
}

fn bundled() -> Vec<medsec::checklist::Checklist> {
    BUNDLED
        .iter()
        .filter_map(|b| validate::parse(b.path, b.source).0)
        .collect()
}

#[test]
fn every_source_id_is_listed_and_verified_items_rest_on_mhlw_text() {
    let grades = source_grades();
    assert!(grades.len() > 40, "{grades:?}");
    for c in bundled() {
        for item in &c.items {
            for s in &item.sources {
                assert!(
                    grades.iter().any(|(id, _)| id == s),
                    "{}@{} {}: source {s} is not in docs/checklist-sources.md",
                    c.id,
                    c.edition,
                    item.id
                );
            }
            if item.verified {
                let mhlw = item
                    .sources
                    .iter()
                    .any(|s| grades.iter().any(|(id, g)| id == s && g == "A"));
                assert!(
                    mhlw,
                    "{}@{} {} is verified without an MHLW (grade A) source",
                    c.id, c.edition, item.id
                );
            }
        }
    }
}

/// Fact sheet §9: the pharmacy forms are the separate 「薬局におけるサイバーセキュリティ対策チェックリスト」,
/// which was never seen, so none of its items is verified on a third-party report.
#[test]
fn pharmacy_forms_are_the_separate_pharmacy_checklist_and_unverified() {
    for c in bundled().iter().filter(|c| c.id == "mhlw-pharmacy") {
        assert!(
            c.title
                .ja
                .starts_with("薬局におけるサイバーセキュリティ対策チェックリスト"),
            "{}: {}",
            c.edition,
            c.title.ja
        );
        for item in &c.items {
            assert!(!item.verified, "{}@{} {}", c.id, c.edition, item.id);
        }
    }
}

/// Fact sheet §9: the contact chart became required for pharmacies only in FY2024.
#[test]
fn pharmacy_contact_chart_is_a_next_year_item_in_fy2023_only() {
    let all = bundled();
    let chart = |edition: &str| {
        all.iter()
            .find(|c| c.id == "mhlw-pharmacy" && c.edition == edition)
            .and_then(|c| c.item("incident-contact-chart"))
            .map(|i| i.requirement.as_str())
            .unwrap()
    };
    assert_eq!(chart("fy2023"), "next-year");
    assert_eq!(chart("fy2024"), "required");
    let fy2023_institution = all
        .iter()
        .find(|c| c.id == "mhlw-institution" && c.edition == "fy2023")
        .unwrap();
    assert_eq!(
        fy2023_institution.title.ja,
        "医療機関におけるサイバーセキュリティ対策チェックリスト(令和5年6月) 医療機関確認用"
    );
}

/// The index the catalog starts from (src/checklist/bundled_index.rs), as it must be for the
/// bundled files: generated here, and written when MEDSEC_BLESS=1.
fn index_source() -> String {
    use std::fmt::Write;
    let mut out = String::from(
        "// @generated by `MEDSEC_BLESS=1 cargo test --test checklist checklist_registry::` from the files under\n\
         // checklists/; do not edit. That test fails when this disagrees with them.\n\
         use super::registry::Indexed;\n\
         use super::{Form, InstitutionKind, Summary};\n\
         \n\
         pub const INDEX: &[Indexed] = &[\n",
    );
    for b in BUNDLED {
        let origin = medsec::checklist::Origin::Bundled(b.path);
        let loaded = medsec::checklist::load_str(b.path, b.source, origin)
            .unwrap_or_else(|e| panic!("{}: {e}", b.path));
        let s = medsec::checklist::Summary::of(&loaded);
        let serves: Vec<String> = s
            .serves
            .iter()
            .map(|k| format!("InstitutionKind::{k:?}"))
            .collect();
        write!(
            out,
            "    Indexed {{\n        path: {:?},\n        source_len: {},\n        summary: Summary {{\n            \
             id: {:?},\n            edition: {:?},\n            fiscal_year: {},\n            \
             form: Form::{:?},\n            publisher: {:?},\n            title_ja: {:?},\n            \
             title_en: {:?},\n            guideline_version: {:?},\n            serves: &[{}],\n            \
             items: {},\n            unverified: {},\n            digest: {:?},\n        }},\n    }},\n",
            b.path,
            b.source.len(),
            s.id,
            s.edition,
            s.fiscal_year,
            s.form,
            s.publisher,
            s.title_ja,
            s.title_en,
            s.guideline_version,
            serves.join(", "),
            s.items,
            s.unverified,
            s.digest,
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

#[test]
fn the_precompiled_index_agrees_with_the_bundled_files() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/checklist/bundled_index.rs");
    let expected = index_source();
    if std::env::var_os("MEDSEC_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap();
    assert!(
        actual == expected,
        "src/checklist/bundled_index.rs is out of date with checklists/: run \
         `MEDSEC_BLESS=1 cargo test --test checklist checklist_registry::` and commit it"
    );
}

#[test]
fn the_lazy_catalog_gives_what_parsing_every_file_gives() {
    // Each bundled checklist through the catalog (indexed, parsed when asked for) is the
    // checklist parsed from its file, found by id@edition and by digest alike.
    let catalog = medsec::checklist::Catalog::bundled().unwrap();
    let listed = catalog.list();
    assert_eq!(listed.len(), BUNDLED.len());
    for b in BUNDLED {
        let origin = medsec::checklist::Origin::Bundled(b.path);
        let direct = medsec::checklist::load_str(b.path, b.source, origin.clone()).unwrap();
        let full_id = direct.checklist.full_id();
        let resolved = catalog.resolve(&full_id, None).unwrap();
        assert_eq!(resolved.digest, direct.digest, "{full_id}");
        assert_eq!(resolved.checklist, direct.checklist, "{full_id}");
        assert_eq!(resolved.origin, origin);
        let by_digest = catalog.by_digest(&direct.digest).unwrap();
        assert_eq!(by_digest.checklist.full_id(), full_id);
        let row = listed.iter().find(|l| l.origin == origin).unwrap();
        assert_eq!(row.summary, medsec::checklist::Summary::of(&direct));
    }
}
