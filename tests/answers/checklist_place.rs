//! `unknown-checklist` points at the checklist's `id` in the answers file, in TOML and in YAML
//! alike (line and column of its value), so an editor jumps to what is to be corrected.

use crate::common;
use common::*;

/// The `unknown-checklist` line of `status FILE` in `lang`.
fn unknown_checklist_line(file: &std::path::Path, lang: &str) -> String {
    let out = medsec()
        .args(["--lang", lang, "status"])
        .arg(file)
        .assert()
        .code(2);
    let err = stderr_of(out.get_output());
    err.lines()
        .find(|l| l.contains("unknown-checklist"))
        .unwrap_or_else(|| panic!("{err}"))
        .to_owned()
}

#[test]
fn unknown_checklist_points_at_the_id_in_toml_and_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("a.toml");
    std::fs::write(
        &toml,
        "format_version = 1\n\n[checklist]\nid = \"mhlw-institution\"\nedition = \"fy2031\"\n",
    )
    .unwrap();
    let yaml = dir.path().join("a.yaml");
    std::fs::write(
        &yaml,
        "# answers\nformat_version: 1\n\nchecklist:\n  edition: fy2031\n  id:   mhlw-institution\n",
    )
    .unwrap();
    let flow = dir.path().join("flow.yml");
    std::fs::write(
        &flow,
        "format_version: 1\nchecklist: {edition: fy2031, id: \"mhlw-institution\"}\n",
    )
    .unwrap();
    for lang in ["en", "ja"] {
        let line = unknown_checklist_line(&toml, lang);
        assert!(line.contains("a.toml:4:6:"), "{lang}: {line}");
        let line = unknown_checklist_line(&yaml, lang);
        assert!(line.contains("a.yaml:6:9:"), "{lang}: {line}");
        let line = unknown_checklist_line(&flow, lang);
        assert!(line.contains("flow.yml:2:34:"), "{lang}: {line}");
    }
}
