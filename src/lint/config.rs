//! What lint reports: `--deny warnings` and `--allow CODE` from the command line, and the same
//! two settings from a `medsec-lint.toml` (strictly checked: every unknown key, value or rule
//! code is an error naming the file, line and column, all of them in one run).
//!
//! The settings file of a path is the nearest one: in the folder given (or the folder of the
//! file given), else in its parent folders, up to the repository root (a folder holding `.git`)
//! or the filesystem root.

use crate::checklist::Lang;
use crate::diagnostic::{Diagnostic, Location, MessageRef, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The settings file's name. Folder searches skip it (it is not a checklist).
pub const CONFIG_FILE: &str = "medsec-lint.toml";

/// What can be denied (turned into errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
    /// Checklist files given with `--checklist`: bases an own checklist may extend, beside the
    /// bundled and added ones (never from a settings file).
    pub bases: Vec<PathBuf>,
}

/// A rule code that no lint rule has, with the known codes closest to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    pub code: String,
    pub closest: Vec<&'static str>,
    /// The code is a rule's, but one that cannot be allowed ([`NOT_ALLOWABLE`]).
    pub not_allowable: bool,
}

/// The rules no `--allow` or `allow = […]` silences: input that could not be read or used (a
/// file that does not load, a broken settings file, a folder without checklists: a CI gate
/// must never pass on them) and a breaking change in an unchanged edition.
pub const NOT_ALLOWABLE: &[&str] = &[
    "unreadable",
    "not-utf8",
    "parse-error",
    "invalid-lint-config",
    super::NO_CHECKLISTS,
    crate::diff::BREAKING_SAME_EDITION,
];

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for UnknownCode {}

impl UnknownCode {
    /// Check `code` against the lint rules.
    pub fn check(code: &str) -> Result<(), Self> {
        if NOT_ALLOWABLE.contains(&code) {
            return Err(Self {
                code: code.to_owned(),
                closest: Vec::new(),
                not_allowable: true,
            });
        }
        if super::rules::RULES.iter().any(|(c, _)| *c == code) {
            return Ok(());
        }
        Err(Self {
            code: code.to_owned(),
            closest: closest_codes(code),
            not_allowable: false,
        })
    }

    /// The problem as a catalog message.
    pub fn message_ref(&self) -> MessageRef {
        if self.not_allowable {
            crate::msg_ref!("lint-code-not-allowable", code = self.code)
        } else if self.closest.is_empty() {
            crate::msg_ref!(
                "lint-unknown-code",
                code = self.code,
                codes = crate::i18n::list(
                    super::rules::RULES
                        .iter()
                        .filter(|(c, _)| !NOT_ALLOWABLE.contains(c))
                        .map(|(c, _)| format!("`{c}`"))
                )
            )
        } else {
            crate::msg_ref!(
                "lint-unknown-code-closest",
                code = self.code,
                closest = self.closest_list()
            )
        }
    }

    fn closest_list(&self) -> crate::diagnostic::Typed {
        crate::i18n::list(self.closest.iter().map(|c| format!("`{c}`")))
    }

    /// The problem in `lang`, as said of the `--allow` option.
    pub fn localize(&self, lang: Lang) -> String {
        let problem = crate::i18n::render(lang, &self.message_ref());
        crate::tr!(lang, "lint-allow-option", problem = problem)
    }
}

/// Up to three rule codes that look like `code`: most alike first; a code containing what was
/// typed (`--allow unverified`) counts as alike. Never one that cannot be allowed
/// ([`NOT_ALLOWABLE`]): suggesting it would only be refused next.
fn closest_codes(code: &str) -> Vec<&'static str> {
    let mut scored: Vec<(f64, &'static str)> = super::rules::RULES
        .iter()
        .filter(|(c, _)| !NOT_ALLOWABLE.contains(c))
        .map(|(c, _)| {
            let mut score = strsim::normalized_damerau_levenshtein(code, c);
            if code.len() >= 4 && c.contains(code) {
                score = score.max(0.9);
            }
            (score, *c)
        })
        .filter(|(score, _)| *score >= 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// The settings of a run: the command line's, and those of each settings file found. Each
/// finding is judged by the command line and the settings file nearest to its own file, so a
/// folder with its own `medsec-lint.toml` follows it, not its parent's.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The command line's settings.
    pub options: LintOptions,
    /// The settings files read, as shown to people and in JSON, in order.
    pub files: Vec<String>,
    /// Problems in them (each an `invalid-lint-config` error).
    pub problems: Vec<Diagnostic>,
    /// The settings of each file of `files`.
    settings: BTreeMap<PathBuf, LintOptions>,
    /// The nearest settings file of each folder looked at (`None`: there is none).
    nearest: BTreeMap<PathBuf, Option<PathBuf>>,
}

impl Loaded {
    /// Drop allowed findings, then turn warnings into errors where warnings are denied: by the
    /// command line's settings together with those of the settings file nearest to the
    /// finding's file.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut cache = self.nearest.clone();
        diagnostics
            .into_iter()
            .filter_map(|d| {
                let folder = folder_of(Path::new(&d.location.file));
                let config = cache
                    .entry(folder.clone())
                    .or_insert_with(|| nearest(&folder))
                    .as_ref()
                    .and_then(|c| self.settings.get(c));
                let allowed = |code: &str| {
                    self.options.allow.contains(code)
                        || config.is_some_and(|c| c.allow.contains(code))
                };
                let denied = |deny: Deny| {
                    self.options.deny.contains(&deny)
                        || config.is_some_and(|c| c.deny.contains(&deny))
                };
                // As in `checklist diff`, a breaking change in an unchanged edition is always
                // an error: no `--allow` silences it.
                if allowed(d.code) && d.code != crate::diff::BREAKING_SAME_EDITION {
                    return None;
                }
                let mut d = d;
                if denied(Deny::Warnings) {
                    d.severity = Severity::Error;
                }
                Some(d)
            })
            .collect()
    }
}

impl LintOptions {
    /// The command line's settings; an `--allow` code that no rule has is refused.
    pub fn from_args(deny: BTreeSet<Deny>, allow: &[String]) -> Result<Self, UnknownCode> {
        for code in allow {
            UnknownCode::check(code)?;
        }
        Ok(Self {
            deny,
            allow: allow.iter().cloned().collect(),
            bases: Vec::new(),
        })
    }

    /// Read the `medsec-lint.toml` nearest to each of `paths` (the paths given) and to each of
    /// `files` (the files linted under them). A settings file that cannot be read, or has
    /// problems, gives `invalid-lint-config` errors (the run ends with exit 2).
    pub fn with_files_for(self, paths: &[PathBuf], files: &[PathBuf]) -> Loaded {
        let mut nearest_of = BTreeMap::new();
        for path in paths.iter().chain(files) {
            let folder = folder_of(path);
            if let std::collections::btree_map::Entry::Vacant(slot) = nearest_of.entry(folder) {
                let found = nearest(slot.key());
                slot.insert(found);
            }
        }
        let found: BTreeSet<&PathBuf> = nearest_of.values().flatten().collect();
        let mut loaded = Loaded {
            options: self,
            ..Loaded::default()
        };
        for file in found {
            let name = file.display().to_string();
            let (raw, mut problems) = read(file, &name);
            loaded.problems.append(&mut problems);
            loaded.settings.insert(
                file.clone(),
                LintOptions {
                    deny: raw.deny.into_iter().collect(),
                    allow: raw.allow.into_iter().collect(),
                    bases: Vec::new(),
                },
            );
            loaded.files.push(name);
        }
        loaded.nearest = nearest_of;
        loaded
    }

    /// Drop allowed findings, then turn warnings into errors when warnings are denied.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter(|d| {
                !self.allow.contains(d.code) || d.code == crate::diff::BREAKING_SAME_EDITION
            })
            .map(|mut d| {
                if self.deny.contains(&Deny::Warnings) {
                    d.severity = Severity::Error;
                }
                d
            })
            .collect()
    }
}

/// The folder whose settings file applies to `path`: the folder itself, or a file's folder
/// (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    let folder = if path.is_dir() {
        path
    } else {
        path.parent().unwrap_or(Path::new(""))
    };
    if folder.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        folder.to_owned()
    }
}

/// The nearest settings file of each of `paths`, each once, sorted.
#[cfg(test)]
fn config_files(paths: &[PathBuf]) -> BTreeSet<PathBuf> {
    paths
        .iter()
        .filter_map(|p| nearest(&folder_of(p)))
        .collect()
}

/// The settings file in `folder` or the closest of its parents, stopping after the repository
/// root (a folder with `.git`). Shown relative to the current folder when `folder` was given
/// relative (`../medsec-lint.toml` from a subfolder); else absolute.
fn nearest(folder: &Path) -> Option<PathBuf> {
    let absolute = folder.canonicalize().ok()?;
    for dir in absolute.ancestors() {
        let candidate = dir.join(CONFIG_FILE);
        if candidate.is_file() {
            let current = std::env::current_dir().and_then(|c| c.canonicalize()).ok();
            let relative = folder
                .is_relative()
                .then_some(current)
                .flatten()
                .and_then(|c| relative_to(&candidate, &c));
            return Some(relative.unwrap_or(candidate));
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

/// `path` as seen from the folder `from` (both absolute): `a/b.toml` below it, `../b.toml`
/// beside a parent; `None` when they share no root (another drive on Windows).
fn relative_to(path: &Path, from: &Path) -> Option<PathBuf> {
    let (mut p, mut f) = (path.components().peekable(), from.components().peekable());
    let mut shared = false;
    while let (Some(a), Some(b)) = (p.peek(), f.peek()) {
        if a != b {
            break;
        }
        shared = true;
        p.next();
        f.next();
    }
    shared.then(|| {
        f.map(|_| std::path::Component::ParentDir)
            .chain(p)
            .collect()
    })
}

/// The settings in a file, and every problem found in it.
#[derive(Debug, Default)]
struct RawConfig {
    deny: Vec<Deny>,
    allow: Vec<String>,
}

fn problem(name: &str, source: &str, at: usize, text: MessageRef) -> Diagnostic {
    Diagnostic {
        code: "invalid-lint-config",
        severity: Severity::Error,
        location: Location::at(name, source, at),
        message: crate::i18n::render(Lang::En, &text),
        text: Some(text),
    }
}

fn read(file: &Path, name: &str) -> (RawConfig, Vec<Diagnostic>) {
    let whole = |detail: String, source: &str, at: usize| {
        let text = crate::msg_ref!("lint-ci-invalid-config", detail = detail);
        problem(name, source, at, text)
    };
    let source = match crate::checklist::read_text(file) {
        Ok(s) => s,
        Err(e) => {
            return (
                RawConfig::default(),
                vec![whole(e.localize(Lang::En), "", 0)],
            )
        }
    };
    let doc = match toml::de::DeTable::parse(&source) {
        Ok(d) => d,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            let detail = e.message().trim().to_owned();
            return (RawConfig::default(), vec![whole(detail, &source, at)]);
        }
    };
    let mut raw = RawConfig::default();
    let mut problems = Vec::new();
    for (key, value) in doc.into_inner() {
        let key_at = key.span().start;
        let key = key.into_inner();
        let example = match key.as_ref() {
            "deny" => "warnings",
            "allow" => "unverified-wording",
            other => {
                let text = crate::msg_ref!("lint-config-unknown-key", key = other);
                problems.push(problem(name, &source, key_at, text));
                continue;
            }
        };
        let value_at = value.span().start;
        let toml::de::DeValue::Array(list) = value.into_inner() else {
            let text = crate::msg_ref!("lint-config-not-a-list", key = key, example = example);
            problems.push(problem(name, &source, value_at, text));
            continue;
        };
        for element in list {
            let at = element.span().start;
            let toml::de::DeValue::String(word) = element.into_inner() else {
                let text = crate::msg_ref!("lint-config-not-text", key = key, example = example);
                problems.push(problem(name, &source, at, text));
                continue;
            };
            if key == "deny" {
                if word == "warnings" {
                    raw.deny.push(Deny::Warnings);
                } else {
                    let text = crate::msg_ref!("lint-config-unknown-deny", value = word);
                    problems.push(problem(name, &source, at, text));
                }
            } else {
                match UnknownCode::check(&word) {
                    Ok(()) => raw.allow.push(word.into_owned()),
                    Err(unknown) => {
                        problems.push(problem(name, &source, at, unknown.message_ref()));
                    }
                }
            }
        }
    }
    problems.sort_by_key(|d| (d.location.line, d.location.column));
    (raw, problems)
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

    fn diag_in(file: &Path, code: &'static str, severity: Severity) -> Diagnostic {
        let mut d = diag(code, severity);
        d.location.file = file.display().to_string();
        d
    }

    /// A folder with its own settings file follows it, not its parent's; the command line
    /// applies everywhere.
    #[test]
    fn each_file_follows_its_nearest_settings_file() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("checklists");
        let sub = top.join("own");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(top.join(CONFIG_FILE), "allow = [\"unverified-wording\"]\n").unwrap();
        std::fs::write(sub.join(CONFIG_FILE), "deny = [\"warnings\"]\n").unwrap();
        let (a, b) = (top.join("a.toml"), sub.join("b.toml"));
        std::fs::write(&a, "").unwrap();
        std::fs::write(&b, "").unwrap();
        let options = LintOptions {
            allow: ["verified-with-note".to_owned()].into(),
            ..LintOptions::default()
        };
        let loaded = options.with_files_for(std::slice::from_ref(&top), &[a.clone(), b.clone()]);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.files.len(), 2, "{:?}", loaded.files);
        let out = loaded.apply(vec![
            diag_in(&a, "unverified-wording", Severity::Warning),
            diag_in(&a, "title-year-mismatch", Severity::Warning),
            diag_in(&a, "verified-with-note", Severity::Warning),
            diag_in(&b, "unverified-wording", Severity::Warning),
            diag_in(&b, "verified-with-note", Severity::Warning),
        ]);
        let got: Vec<(String, &str, Severity)> = out
            .iter()
            .map(|d| (d.location.file.clone(), d.code, d.severity))
            .collect();
        assert_eq!(
            got,
            [
                (
                    a.display().to_string(),
                    "title-year-mismatch",
                    Severity::Warning
                ),
                (
                    b.display().to_string(),
                    "unverified-wording",
                    Severity::Error
                ),
            ]
        );
    }

    #[test]
    fn allow_drops_and_deny_raises() {
        let options = LintOptions {
            deny: [Deny::Warnings].into(),
            allow: ["unverified-wording".to_owned()].into(),
            bases: Vec::new(),
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
        let loaded = LintOptions::default().with_files_for(&[dir.path().to_owned()], &[]);
        let diags = loaded.problems;
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].location.line, 2);
        assert!(diags[0].message.contains("deny_warnings"), "{diags:?}");
    }

    #[test]
    fn every_problem_is_reported_in_file_order() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(CONFIG_FILE);
        std::fs::write(
            &file,
            "deny = [\"warning\", \"warnings\"]\nallow = [\"unverified-wordin\", 3]\nextra = 1\n",
        )
        .unwrap();
        let loaded = LintOptions::default().with_files_for(&[dir.path().to_owned()], &[]);
        let places: Vec<(usize, usize)> = loaded
            .problems
            .iter()
            .map(|d| (d.location.line, d.location.column))
            .collect();
        assert_eq!(
            places,
            [(1, 9), (2, 10), (2, 31), (3, 1)],
            "{:?}",
            loaded.problems
        );
        assert!(loaded.problems[1].message.contains("`unverified-wording`"));
        // What was right still counts.
        let out = loaded.apply(vec![diag_in(
            &file,
            "verified-with-note",
            Severity::Warning,
        )]);
        assert_eq!(out[0].severity, Severity::Error);
    }

    #[test]
    fn closest_codes_are_offered() {
        let err = UnknownCode::check("unverified-wordings").unwrap_err();
        assert_eq!(err.closest.first(), Some(&"unverified-wording"));
        let err = UnknownCode::check("unverified").unwrap_err();
        assert!(err.closest.contains(&"unverified-wording"), "{err:?}");
        assert!(UnknownCode::check("zzzzzzzz")
            .unwrap_err()
            .closest
            .is_empty());
        assert!(UnknownCode::check("title-year-mismatch").is_ok());
    }

    #[test]
    fn the_nearest_file_in_parent_folders_is_used_up_to_the_repository_root() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        let deep = repo.join("checklists/own");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::create_dir(repo.join(".git")).unwrap();
        // Above the repository root: not read.
        std::fs::write(dir.path().join(CONFIG_FILE), "deny = [\"warnings\"]\n").unwrap();
        let file = deep.join("a.toml");
        assert!(config_files(std::slice::from_ref(&file)).is_empty());
        std::fs::write(repo.join(CONFIG_FILE), "allow = []\n").unwrap();
        let found = config_files(std::slice::from_ref(&file));
        assert_eq!(found.len(), 1);
        assert!(
            found.iter().all(|f| f.ends_with("repo/medsec-lint.toml")),
            "{found:?}"
        );
        // A nearer one wins.
        std::fs::write(repo.join("checklists").join(CONFIG_FILE), "allow = []\n").unwrap();
        let found = config_files(&[file]);
        assert!(
            found
                .iter()
                .all(|f| f.ends_with("checklists/medsec-lint.toml")),
            "{found:?}"
        );
    }
}
