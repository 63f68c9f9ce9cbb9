//! The checklists bundled into the binary. Every file under checklists/ is listed here once;
//! a test fails when a file is missing from this list or disagrees with its path.
//!
//! Start-up pays nothing for them: [`INDEX`] (generated into `bundled_index.rs` by
//! `MEDSEC_BLESS=1 cargo test --test checklist checklist_registry::`, checked against the files by that
//! test) says what each file is, and a file is parsed only when a command asks for it.

/// One bundled checklist file: its path in the repository and its text.
pub struct Bundled {
    pub path: &'static str,
    pub source: &'static str,
}

macro_rules! bundled {
    ($($path:literal),+ $(,)?) => {
        &[$(Bundled { path: $path, source: include_str!(concat!("../../", $path)) }),+]
    };
}

/// Every bundled checklist, oldest edition first.
pub const BUNDLED: &[Bundled] = bundled![
    "checklists/mhlw/fy2023/institution.toml",
    "checklists/mhlw/fy2023/pharmacy.toml",
    "checklists/mhlw/fy2023/vendor.toml",
    "checklists/mhlw/fy2024/institution.toml",
    "checklists/mhlw/fy2024/pharmacy.toml",
    "checklists/mhlw/fy2024/vendor.toml",
    "checklists/mhlw/fy2025/institution.toml",
    "checklists/mhlw/fy2025/pharmacy.toml",
    "checklists/mhlw/fy2025/vendor.toml",
];

/// What the index knows of one bundled file without parsing it.
#[derive(Debug, Clone, Copy)]
pub struct Indexed {
    /// The file's place in the repository, as in [`BUNDLED`].
    pub path: &'static str,
    /// The length of its text when the index was made: a file edited since is parsed at
    /// start-up instead of trusting the index (the test suite fails until it is regenerated).
    pub source_len: usize,
    pub summary: super::Summary<'static>,
}

/// Every bundled checklist as the index knows it (generated; see the module docs).
pub use super::bundled_index::INDEX;

/// The environment variable that moves the user's data folder (checklists added with
/// `checklist add` live in its `checklists` folder); tests set it.
pub const DATA_DIR_ENV: &str = "MEDSEC_DATA_DIR";

/// The folder of checklists added with `checklist add`: `MEDSEC_DATA_DIR/checklists`, else the
/// platform's data folder (`~/.local/share/medsec/checklists` on Linux). `None` when the
/// system has no home folder.
pub fn user_dir() -> Option<std::path::PathBuf> {
    let base = match std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        Some(v) => std::path::PathBuf::from(v),
        None => directories::ProjectDirs::from("", "", "medsec")?
            .data_dir()
            .to_owned(),
    };
    Some(base.join("checklists"))
}

/// The checklist files in [`user_dir`] (`*.toml`, sorted); none when the folder does not exist.
pub fn user_files() -> std::io::Result<Vec<std::path::PathBuf>> {
    let Some(dir) = user_dir() else {
        return Ok(Vec::new());
    };
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
