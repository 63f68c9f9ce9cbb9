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
