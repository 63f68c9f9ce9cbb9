//! `checklist import --ids-from`: what an item matched to last year's carries beyond its ID.
//! Its English, where the Japanese wording is last year's character for character (never where
//! it differs in any way, even only in width); and a scope change (the same number and wording
//! for another set of devices) is named as such and replaces last year's item, so that
//! `init --from` carries the answer marked for review.
//!
//! TEST DATA: the workbook built here is not the FY2026 form (its wording was not seen). Rows
//! copy FY2025 bundled wording (verbatim, with another scope, or with a full-width space);
//! nothing here is shipped as checklist text.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};

/// FY2025 2-⑥ as bundled (医療情報システム全般 there; サーバ here).
const PATCHES: &str = "セキュリティパッチ(最新ファームウェアや更新プログラム)を適用している。";

fn test_workbook() -> Vec<u8> {
    let rows: [(u32, &str); 4] = [
        // FY2025 1-① verbatim: its English is carried.
        (4, "① 医療情報システム安全管理責任者を設置している。"),
        // FY2025 2-① verbatim: carried.
        (
            7,
            "① サーバ、端末PC、ネットワーク機器の台帳管理を行っている。(医療情報システム全般)",
        ),
        // FY2025 2-⑥ with another scope: scope changed, English carried.
        (
            8,
            "⑥ セキュリティパッチ(最新ファームウェアや更新プログラム)を適用している。(サーバ)",
        ),
        // FY2025 2-⑧ with a full-width space: the same ID, English not carried.
        (
            9,
            "⑧ パスワードの使い回しを　禁止している。(医療情報システム全般)",
        ),
    ];
    super::workbooks::institution_workbook("目標日", &rows)
}

struct Setup {
    dir: tempfile::TempDir,
    workbook: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("r8.xlsx");
    std::fs::write(&workbook, test_workbook()).unwrap();
    Setup { dir, workbook }
}

fn medsec_in(s: &Setup, lang: &str) -> assert_cmd::Command {
    let mut cmd = medsec();
    cmd.env("MEDSEC_DATA_DIR", s.dir.path())
        .current_dir(s.dir.path())
        .args(["--lang", lang]);
    cmd
}

/// Import with `--ids-from mhlw-institution@fy2025` into `out`: (exit code, stderr).
fn import(s: &Setup, lang: &str, out: &Path) -> (Option<i32>, String) {
    let o = medsec_in(s, lang)
        .args(["checklist", "import"])
        .arg(&s.workbook)
        .args(["--ids-from", "mhlw-institution@fy2025", "--out"])
        .arg(out)
        .output()
        .unwrap();
    (o.status.code(), stderr_of(&o))
}

/// The lines of the `[[items]]` block of `id` in a checklist file.
fn item_block<'a>(toml: &'a str, id: &str) -> &'a str {
    toml.split("[[items]]")
        .find(|b| b.contains(&format!("\nid = \"{id}\"\n")))
        .unwrap_or_else(|| panic!("{id} in {toml}"))
}

/// A field of the FY2025 institution checklist as bundled (`text.en` of `security-manager`).
fn fy2025_field(id: &str, key: &str) -> String {
    let text =
        std::fs::read_to_string(root().join("checklists/mhlw/fy2025/institution.toml")).unwrap();
    item_block(&text, id)
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("{key} of {id}"))
        .to_owned()
}

#[test]
fn english_is_carried_where_the_japanese_is_last_years_and_said_in_the_summary() {
    let s = setup();
    let out = s.dir.path().join("fy2026.toml");
    let (code, err) = import(&s, "en", &out);
    assert_eq!(code, Some(0), "{err}");
    let toml = std::fs::read_to_string(&out).unwrap();

    for id in ["security-manager", "asset-ledger"] {
        let block = item_block(&toml, id);
        let en = fy2025_field(id, "text.en");
        assert!(block.contains(&format!("text.en = {en}\n")), "{block}");
        assert!(!block.contains("(untranslated)"), "{block}");
    }
    // The same ID (wording equal once normalised), but not the same Japanese: untranslated.
    let block = item_block(&toml, "password-reuse");
    assert!(
        block.contains("text.en = \"パスワードの使い回しを　禁止している。 (untranslated)\""),
        "{block}"
    );
    // Section titles printed as last year's take their English too.
    assert!(
        toml.contains("title = { ja = \"体制構築\", en = \"Organisation\" }"),
        "{toml}"
    );
    assert!(
        err.contains(
            "English carried from mhlw-institution@fy2025 where the Japanese is the same, character for character: 3 items, 2 section titles."
        ),
        "{err}"
    );
    // The file is a valid checklist; the English shows in `checklist show`.
    let lint = medsec()
        .args(["checklist", "lint"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        stdout_of(&lint).contains(" 0 errors"),
        "{}",
        stdout_of(&lint)
    );

    let (code, err) = import(&s, "ja", &s.dir.path().join("ja.toml"));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("日本語の文言がmhlw-institution@fy2025とまったく同じ3項目と2節の見出しは、mhlw-institution@fy2025の英語の文言を引き継ぎました。"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(s.dir.path().join("ja.toml")).unwrap(),
        "the file does not depend on the language"
    );
}

#[test]
fn a_scope_change_replaces_last_years_item_and_init_from_marks_it_for_review() {
    let s = setup();
    let out = s.dir.path().join("fy2026.toml");
    let (code, err) = import(&s, "en", &out);
    assert_eq!(code, Some(0), "{err}");
    let toml = std::fs::read_to_string(&out).unwrap();
    let block = item_block(&toml, "s2-06");
    assert!(block.contains("scope = [\"server\"]"), "{block}");
    assert!(
        block.contains("replaces = [\"security-patches\"]"),
        "{block}"
    );
    assert!(
        block.contains(&format!("text.ja = \"{PATCHES}\"")),
        "{block}"
    );
    let en = fy2025_field("security-patches", "text.en");
    assert!(block.contains(&format!("text.en = {en}\n")), "{block}");
    assert!(
        err.contains("scope changed (same number and wording, another set of devices;"),
        "{err}"
    );
    assert!(
        err.contains("2-⑥ (servers) Security patches")
            && err.contains("(was: 2-⑥ Security patches"),
        "{err}"
    );
    // Not also counted as new, nor last year's item as not found.
    let not_found = err
        .lines()
        .find(|l| l.contains("not found in this workbook ("))
        .unwrap_or_default();
    assert!(!not_found.contains("Security patches"), "{err}");
    let new = err
        .lines()
        .find(|l| l.contains("new (no earlier item"))
        .unwrap_or_default();
    assert!(!new.contains("2-⑥"), "{err}");

    let (_, ja) = import(&s, "ja", &s.dir.path().join("ja.toml"));
    assert!(ja.contains("対象が変わった項目(番号と文言は同じで"), "{ja}");
    assert!(ja.contains("(前: 2-⑥ セキュリティパッチ)"), "{ja}");

    // Last year's answer is carried to it, marked as replacing last year's item.
    let last = s.dir.path().join("answers-fy2025.toml");
    std::fs::write(
        &last,
        "format_version = 1\n\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2025\"\n\n[institution]\nname = \"試験用クリニック\"\ncode = \"1310123458\"\nprefecture = \"東京都\"\nkind = \"clinic\"\n\n[[answers]]\nitem = \"security-patches\"\nround = 1\nanswer = \"はい\"\nchecked_on = 2025-06-02\n",
    )
    .unwrap();
    let answers = s.dir.path().join("answers-fy2026.toml");
    let o = medsec_in(&s, "en")
        .arg("--checklist")
        .arg(&out)
        .args(["init", "--from"])
        .arg(&last)
        .arg("--out")
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let text = std::fs::read_to_string(&answers).unwrap();
    let at = text
        .find("item = \"s2-06\"")
        .unwrap_or_else(|| panic!("{text}"));
    let rest = &text[at..];
    let b = &rest[..rest.find("[[answers]]").unwrap_or(rest.len())];
    assert!(b.contains("carried_from = \"fy2025\""), "{b}");
    assert!(b.contains("review = \"replaced\""), "{b}");
}

/// The note `checklist import` writes into the checklist names the workbook and the sheet as
/// code, as every message does (「ブック`r8.xlsx`(SHA-256 …)のシート`R8`から…」); the digest
/// of an import changes with the note's bytes (issue #10, fix10f).
#[test]
fn the_imported_note_puts_workbook_and_sheet_in_code_spans() {
    let s = setup();
    let out = s.dir.path().join("fy2026.toml");
    let (code, err) = import(&s, "ja", &out);
    assert_eq!(code, Some(0), "{err}");
    let toml = std::fs::read_to_string(&out).unwrap();
    assert!(toml.contains("ブック`r8.xlsx`(SHA-256 "), "{toml}");
    assert!(
        toml.contains("のシート`R8`から`medsec checklist import`で"),
        "{toml}"
    );
    assert!(
        toml.contains("from sheet `R8` of the workbook `r8.xlsx` (SHA-256 "),
        "{toml}"
    );
}
