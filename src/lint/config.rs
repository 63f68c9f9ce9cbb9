//! What lint reports: `--deny warnings` and `--allow CODE` from the command line, and the same
//! two settings from a `medsec-lint.toml` next to the checklists (strictly parsed: an unknown
//! key or value is an error naming the file, line and column).

use crate::diagnostic::{Diagnostic, Location, Severity};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The settings file's name; lint reads it from each folder it is given, and from the folder
/// of each file it is given. Folder searches skip it (it is not a checklist).
pub const CONFIG_FILE: &str = "medsec-lint.toml";

/// What can be denied (turned into errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Deny {
    /// Every warning becomes an error.
    Warnings,
}

/// The settings of one run: command line and settings files together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintOptions {
    pub deny: BTreeSet<Deny>,
    /// Codes whose findings are not reported.
    pub allow: BTreeSet<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    deny: Vec<Deny>,
    #[serde(default)]
    allow: Vec<String>,
}

impl LintOptions {
    /// Add the settings of `medsec-lint.toml` files next to `paths`. A settings file that cannot
    /// be read or parsed gives an `invalid-lint-config` error (the run ends with exit 2).
    pub fn with_files_next_to(mut self, paths: &[PathBuf]) -> (Self, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        for file in config_files(paths) {
            match read(&file) {
                Ok(raw) => {
                    self.deny.extend(raw.deny);
                    self.allow.extend(raw.allow);
                }
                Err(d) => diags.push(*d),
            }
        }
        (self, diags)
    }

    /// Drop allowed findings, then turn warnings into errors when warnings are denied.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter(|d| !self.allow.contains(d.code))
            .map(|mut d| {
                if self.deny.contains(&Deny::Warnings) {
                    d.severity = Severity::Error;
                }
                d
            })
            .collect()
    }
}

/// The settings files that exist next to `paths`, each once, sorted.
fn config_files(paths: &[PathBuf]) -> BTreeSet<PathBuf> {
    paths
        .iter()
        .filter_map(|p| {
            let folder = if p.is_dir() {
                Some(p.as_path())
            } else {
                p.parent()
            };
            let folder = folder.map(|f| {
                if f.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    f
                }
            })?;
            let candidate = folder.join(CONFIG_FILE);
            candidate.is_file().then_some(candidate)
        })
        .collect()
}

fn read(file: &Path) -> Result<RawConfig, Box<Diagnostic>> {
    let name = file.display().to_string();
    let error = |source: &str, span: Option<std::ops::Range<usize>>, detail: String| {
        Box::new(Diagnostic {
            code: "invalid-lint-config",
            severity: Severity::Error,
            location: Location::of_span(&name, source, span),
            message: crate::tr!(
                crate::checklist::Lang::En,
                "lint-ci-invalid-config",
                detail = detail.as_str()
            ),
            text: Some(crate::msg_ref!("lint-ci-invalid-config", detail = detail)),
        })
    };
    let source = crate::checklist::read_text(file)
        .map_err(|e| error("", None, e.localize(crate::checklist::Lang::En)))?;
    toml::from_str::<RawConfig>(&source)
        .map_err(|e| error(&source, e.span(), e.message().trim().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(code: &'static str, severity: Severity) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            location: Location {
                file: "f".into(),
                line: 1,
                column: 1,
            },
            message: String::new(),
            text: None,
        }
    }

    #[test]
    fn allow_drops_and_deny_raises() {
        let options = LintOptions {
            deny: [Deny::Warnings].into(),
            allow: ["unverified-wording".to_owned()].into(),
        };
        let out = options.apply(vec![
            diag("unverified-wording", Severity::Warning),
            diag("verified-with-note", Severity::Warning),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].code, out[0].severity),
            ("verified-with-note", Severity::Error)
        );
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(CONFIG_FILE);
        std::fs::write(&file, "allow = []\ndeny_warnings = true\n").unwrap();
        let (_, diags) = LintOptions::default().with_files_next_to(&[dir.path().to_owned()]);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].location.line, 2);
        assert!(diags[0].message.contains("deny_warnings"), "{diags:?}");
    }
}
