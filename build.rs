//! Indexes the message catalogs at build time (src/i18n/split.rs), so a run looks a message up
//! in a sorted table instead of splitting and hashing the whole file at start-up.

#[path = "src/i18n/split.rs"]
mod split;

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/i18n/split.rs");
    let mut out = String::new();
    for (lang, name) in [("ja", "JA"), ("en", "EN")] {
        let path = format!("i18n/{lang}/medsec.ftl");
        println!("cargo:rerun-if-changed={path}");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => panic!("cannot read {path}: {e}"),
        };
        let mut entries: Vec<(&str, usize, usize)> = split::split_messages(&text)
            .into_iter()
            .filter_map(|(id, source)| Some((text.get(id)?, source.start, source.end)))
            .collect();
        entries.sort_unstable();
        // `(ID, start, end)` of each message's source in the embedded file, sorted by ID.
        let _ = writeln!(
            out,
            "pub(crate) static {name}_INDEX: &[(&str, usize, usize)] = &["
        );
        for (id, start, end) in entries {
            let _ = writeln!(out, "    ({id:?}, {start}, {end}),");
        }
        out.push_str("];\n");
    }
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let target = std::path::Path::new(&dir).join("i18n_index.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
