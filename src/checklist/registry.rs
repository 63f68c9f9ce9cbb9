//! The checklists bundled into the binary. Every file under checklists/ is listed here once;
//! a test fails when a file is missing from this list or disagrees with its path.

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
