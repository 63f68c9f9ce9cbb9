//! YAML answers files are edited line by line (`src/answers/store/edit_yaml.rs`): an import
//! changes exactly the lines of the values it sets, adds missing keys at the end of their
//! entry and new entries at the end of `answers:`, and keeps every comment, whatever block
//! layout a person or another tool wrote. Each file here is a layout the editor's mutants
//! (docs/testing.md) showed untested; each test compares the whole file written.
use crate::common;
use common::*;
use std::path::Path;
use std::time::Duration;

/// Import the CSV `sheet` into the YAML answers `text` (bundled FY2025 institution form):
/// the file as written. The import must succeed; an edit that loops is stopped.
fn imported(dir: &Path, text: &str, sheet: &str) -> String {
    let file = dir.join("answers.yaml");
    std::fs::write(&file, text).unwrap();
    let csv = dir.join("sheet.csv");
    std::fs::write(&csv, sheet).unwrap();
    let out = medsec()
        .args(["--lang", "en", "answer"])
        .arg(&file)
        .arg("--import")
        .arg(&csv)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    std::fs::read_to_string(&file).unwrap()
}

const HEAD: &str = "format_version: 1\nchecklist:\n  id: mhlw-institution\n  edition: fy2025\n";

/// A file people wrote by hand: a comment after `answers:`, comments after quoted values
/// (one with `\"` inside) and on lines of their own inside and after an entry, quoted keys,
/// a note of several lines that ends its entry, carried-forward marks (one over two lines)
/// beside entries that start with their `review`, and no line feed at the end. Six rows:
/// values replaced in place with their comments, missing keys added at the end of their
/// entry in the sheet's order, the carried-forward mark of the row's own entry removed (the
/// next entry's kept), a new entry added at the end.
#[test]
fn an_import_into_a_hand_written_yaml_file_changes_only_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let before = format!(
        "{HEAD}answers:  # 回答
  - item: security-manager
    answer: \"いいえ\"  # 前回の回答
    # 確認日は台帳の日付
    checked_on: \"2025-05-01\"
    note: \"\\\"台帳\\\"を確認\"  # 備考
  - \"item\": \"operating-rules\"
    \"answer\": \"\"
  - item: asset-ledger
    answer: \"\"
    checked_on: \"\"
    evidence: []
    note: |
      一行目
      二行目
  # 2-② の前の注記
  # （二行目）
  - item: remote-maintenance
    answer: \"\"
    carried_from: fy2024
  - review: new
    item: mds-sds
    carried_from: fy2024
    answer: \"はい\"
  - item: password-policy
    answer: \"\"
    carried_from:
      fy2024
  - review: new
    item: password-reuse
    answer: \"はい\""
    );
    let sheet = "項目番号,回答,確認日,目標日,理由,備考\n\
        1-①,はい,2025/6/2,,,新しい備考\n\
        1-②,はい,2025/6/3,,,\n\
        2-①,はい,2025/6/4,,理由あり,一行の備考\n\
        2-②,はい,2025/6/5,,,\n\
        2-⑥,はい,2025/6/6,,,\n\
        2-⑦,はい,2025/6/7,,,\n";
    let after = format!(
        "{HEAD}answers:  # 回答
  - item: security-manager
    answer: \"はい\"  # 前回の回答
    # 確認日は台帳の日付
    checked_on: \"2025-06-02\"
    note: \"新しい備考\"  # 備考
  - \"item\": \"operating-rules\"
    answer: \"はい\"
    checked_on: \"2025-06-03\"
  - item: asset-ledger
    answer: \"はい\"
    checked_on: \"2025-06-04\"
    evidence: []
    note: \"一行の備考\"
    reason: \"理由あり\"
  # 2-② の前の注記
  # （二行目）
  - item: remote-maintenance
    answer: \"はい\"
    checked_on: \"2025-06-05\"
  - review: new
    item: mds-sds
    carried_from: fy2024
    answer: \"はい\"
  - item: password-policy
    answer: \"はい\"
    checked_on: \"2025-06-07\"
  - review: new
    item: password-reuse
    answer: \"はい\"
  - item: \"security-patches\"
    round: 1
    answer: \"はい\"
    checked_on: \"2025-06-06\"
"
    );
    assert_eq!(imported(dir.path(), &before, sheet), after);
}

/// A file as PyYAML writes it (`yaml.dump(data, allow_unicode=True)`): keys sorted, so
/// `answers:` is the first line and `answer:` starts each entry, and the entries not indented
/// under `answers:`. The value on the entry's first line is replaced there; the new entry
/// is written in the same style.
#[test]
fn an_import_into_a_yaml_file_written_by_pyyaml_keeps_its_style() {
    let dir = tempfile::tempdir().unwrap();
    let tail = "checklist:\n  edition: fy2025\n  id: mhlw-institution\nformat_version: 1\n";
    let before = format!(
        "answers:
- answer: ''
  checked_on: ''
  item: security-manager
  note: ''
  round: 1
- answer: はい
  checked_on: '2025-06-01'
  item: operating-rules
  note: 規程あり
  round: 1
{tail}"
    );
    let sheet = "項目番号,回答,確認日,目標日,理由,備考\n\
        1-①,はい,2025/6/2,,,\n\
        2-①,はい,2025/6/4,,,台帳\n";
    let after = format!(
        "answers:
- answer: \"はい\"
  checked_on: \"2025-06-02\"
  item: security-manager
  note: ''
  round: 1
- answer: はい
  checked_on: '2025-06-01'
  item: operating-rules
  note: 規程あり
  round: 1
- item: \"asset-ledger\"
  round: 1
  answer: \"はい\"
  checked_on: \"2025-06-04\"
  note: \"台帳\"
{tail}"
    );
    assert_eq!(imported(dir.path(), &before, sheet), after);
}

/// `answers:` with no entry yet (the last line): the first entries go under it.
#[test]
fn an_import_into_an_empty_answers_key_writes_the_entries_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = "項目番号,回答,確認日\n1-①,はい,2025/6/2\n";
    let after = format!(
        "{HEAD}answers:
  - item: \"security-manager\"
    round: 1
    answer: \"はい\"
    checked_on: \"2025-06-02\"
"
    );
    assert_eq!(
        imported(dir.path(), &format!("{HEAD}answers:\n"), sheet),
        after
    );
}
