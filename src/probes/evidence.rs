//! The evidence document: what `medsec probe` writes and what a report embeds.
//!
//! This is a contract. Outside scripts read it and signed reports embed it, so fields are only
//! ever added; a change that removes or renames a field bumps [`EVIDENCE_FORMAT_VERSION`].
//! Everything here is plain data (`Serialize` + `Deserialize`); lists keep the order in which
//! they were made, and maps are sorted, so the same run gives the same bytes.
//!
//! ```
//! use medsec::probes::{Evidence, Verdict, EVIDENCE_FORMAT_VERSION};
//! let json = r#"{"format_version":1,"tool":{"name":"medsec","version":"0.1.0"},
//!   "host":{"name":"pc01","os":"linux","os_release":"Debian GNU/Linux 12 (bookworm)","kernel":"6.1.0"},
//!   "started":"2026-11-25T01:00:00Z","finished":"2026-11-25T01:00:02Z","root":"/",
//!   "results":[]}"#;
//! let evidence: Evidence = serde_json::from_str(json).unwrap();
//! assert_eq!(evidence.format_version, EVIDENCE_FORMAT_VERSION);
//! assert!(evidence.results.iter().all(|r| r.verdict != Verdict::Fail));
//! ```

use super::messages::Coded;
use crate::checklist::ProbeKind;
use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

/// The format version of [`Evidence`] this binary writes and reads.
pub const EVIDENCE_FORMAT_VERSION: u32 = 1;

/// The result of one `medsec probe` run: every probe's result, with the host and the times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// Always [`EVIDENCE_FORMAT_VERSION`] when written by this binary; check it first.
    pub format_version: u32,
    /// The program that made the evidence.
    pub tool: Tool,
    /// The machine the probes ran on.
    pub host: Host,
    /// When the run started and finished (UTC, RFC 3339).
    #[schemars(with = "String")]
    pub started: Timestamp,
    #[schemars(with = "String")]
    pub finished: Timestamp,
    /// The root directory the probes read from (`/` on a real machine; a folder in tests).
    pub root: String,
    /// The probe configuration file, with its SHA-256, when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<FileRecord>,
    /// The answers file, with its SHA-256, when `--answers` was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<FileRecord>,
    /// The institution of the answers file given with `--answers` (its 医療機関コード and
    /// name), so status, report and verify can tell evidence of another institution. Absent in
    /// evidence made without `--answers` or by an older medsec.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<InstitutionRecord>,
    /// One result per probe, in the order of the configuration.
    pub results: Vec<ProbeResult>,
    /// Probe verdicts that contradict an answer (only with `--answers`).
    #[serde(default)]
    pub contradictions: Vec<Contradiction>,
    /// Probes not run because the answers' gate question (前提の質問, 医療情報システムの有無) is
    /// answered いいえ, which makes every other item 対象外: absent when none was skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped_by_gate: Option<GateSkip>,
}

/// Probes left out of a run by the gate question answered いいえ (the checklist's rule: every
/// other item is then 対象外, so a probe that checks only such items has nothing to check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GateSkip {
    /// The gate question's item ID on the answers' checklist.
    pub item: String,
    /// How many probes of the configuration were not run.
    pub probes: usize,
}

impl Evidence {
    /// True when a probe failed or an answer is contradicted.
    pub fn has_findings(&self) -> bool {
        !self.contradictions.is_empty() || self.results.iter().any(|r| r.verdict == Verdict::Fail)
    }

    /// Every file the evidence names, with the hash it had when read (config, answers, probes).
    pub fn all_files(&self) -> impl Iterator<Item = &FileRecord> {
        self.config
            .iter()
            .chain(self.answers.iter())
            .chain(self.results.iter().flat_map(|r| r.files.iter()))
    }
}

/// The institution evidence was made for, as its answers file names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct InstitutionRecord {
    /// 医療機関コード (10 digits); empty when the answers file has none yet.
    #[serde(default)]
    pub code: String,
    /// The institution's name; empty when the answers file has none yet.
    #[serde(default)]
    pub name: String,
}

impl InstitutionRecord {
    /// The institution an answers file names, when it has an `[institution]` table.
    pub fn of_answers(set: &crate::answers::AnswerSet) -> Option<Self> {
        set.institution.as_ref().map(|i| InstitutionRecord {
            code: i.code.clone().unwrap_or_default(),
            name: i.name.clone().unwrap_or_default(),
        })
    }
}

/// Name and version of the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Tool {
    /// This binary.
    pub fn this() -> Self {
        Tool {
            name: env!("CARGO_PKG_NAME").to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

/// The machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Host {
    /// Host name as the OS reports it.
    pub name: String,
    /// `linux`, `windows`, `macos`...
    pub os: String,
    /// PRETTY_NAME from os-release (under the root), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_release: Option<String>,
    /// Running kernel release, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kernel: Option<String>,
}

/// What a probe concluded.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The evidence supports the checklist item.
    Pass,
    /// The evidence shows the item is not met.
    Fail,
    /// The probe could not tell (unreadable, missing tool, timeout, nothing configured).
    Unknown,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Unknown => "unknown",
        }
    }
}

/// The result of one probe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProbeResult {
    /// Which probe.
    pub kind: ProbeKind,
    /// The `name` given in the configuration, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub verdict: Verdict,
    /// Why, in English; always present. Several parts are joined with `; `.
    pub reason: String,
    /// The stable code of the (first part of the) reason, e.g. `backup-too-old`; see
    /// [`crate::probes::messages`]. Empty in evidence written before codes were added.
    #[serde(default)]
    pub reason_code: String,
    /// Every part of the reason as a code with named parameters, language-independent.
    #[serde(default)]
    pub reason_details: Vec<Coded>,
    /// Stable IDs of the checklist items this result gives evidence for.
    pub items: Vec<String>,
    /// What the probe saw, as named fields (see docs/probes.md for each kind).
    pub observed: serde_json::Map<String, serde_json::Value>,
    /// The parameters the probe ran with, defaults filled in.
    pub parameters: serde_json::Map<String, serde_json::Value>,
    /// When the probe started (UTC).
    #[schemars(with = "String")]
    pub time: Timestamp,
    pub duration_ms: u64,
    /// Host name, repeated here so one result can be quoted alone.
    pub host: String,
    /// Every file the probe read, with its SHA-256 at the time it was read.
    pub files: Vec<FileRecord>,
    /// Every external command the probe ran, with the SHA-256 of its output.
    #[serde(default)]
    pub commands: Vec<CommandRecord>,
    /// What the probe could not read, and why.
    #[serde(default)]
    pub unreadable: Vec<Unreadable>,
    /// Things worth a look that do not change the verdict (English).
    #[serde(default)]
    pub warnings: Vec<String>,
    /// The same warnings, one for one, as codes with named parameters.
    #[serde(default)]
    pub warning_details: Vec<Coded>,
}

impl ProbeResult {
    /// What tells an unnamed probe from another of its kind, for the probe table, notes and a
    /// report's findings alike: a backup probe's path or repository (the configuration's
    /// `path`), shortened to its end and without a password a repository URL may hold. Other
    /// kinds run once, and a named probe is called by its name.
    pub fn place(&self) -> Option<String> {
        if self.name.is_some() || self.kind != ProbeKind::BackupFreshness {
            return None;
        }
        let path = self.parameters.get("path")?.as_str()?;
        (!path.is_empty()).then(|| short_place(path))
    }
}

/// A path or repository as people read it (a table cell, a note, a finding): `user:password@` of a URL dropped (a
/// secret never shown), and a long one shortened from the left to about 40 columns, at a `/`
/// where one is near, so that the end, which tells two backups apart, stays.
fn short_place(path: &str) -> String {
    const WIDTH: usize = 40;
    let mut shown = path.to_owned();
    if let Some(scheme_end) = shown.find("://") {
        let rest = &shown[scheme_end + 3..];
        let host_end = rest.find('/').unwrap_or(rest.len());
        if let Some(at) = rest[..host_end].rfind('@') {
            shown = format!("{}{}", &shown[..scheme_end + 3], &rest[at + 1..]);
        }
    }
    let width = crate::render::table::display_width;
    if width(&shown) <= WIDTH {
        return shown;
    }
    let mut tail = String::new();
    for c in shown.chars().rev() {
        let mut next = String::with_capacity(tail.len() + 4);
        next.push(c);
        next.push_str(&tail);
        if width(&next) > WIDTH - 1 {
            break;
        }
        tail = next;
    }
    // Start at a folder boundary when the tail holds one that keeps a good part of it.
    if let Some(slash) = tail.find('/').filter(|&i| i > 0 && i < tail.len() / 2) {
        tail = tail[slash..].to_owned();
    }
    format!("…{tail}")
}

/// A file read, with its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FileRecord {
    pub path: String,
    /// Lower-case hex SHA-256 of the bytes read.
    pub sha256: String,
    pub bytes: u64,
}

impl FileRecord {
    /// Record these bytes as read from `path`.
    pub fn of_bytes(path: &Path, bytes: &[u8]) -> Self {
        FileRecord {
            path: path.display().to_string(),
            sha256: sha256_hex(bytes),
            bytes: bytes.len() as u64,
        }
    }

    /// Hash the file at `path` now (streaming, any size).
    pub fn of_file(path: &Path) -> std::io::Result<Self> {
        let (sha256, bytes) = hash_file(path)?;
        Ok(FileRecord {
            path: path.display().to_string(),
            sha256,
            bytes,
        })
    }

    /// Whether the file still has the hash recorded.
    pub fn still_matches(&self) -> std::io::Result<bool> {
        Ok(hash_file(Path::new(&self.path))?.0 == self.sha256)
    }
}

/// An external command run by a probe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CommandRecord {
    pub argv: Vec<String>,
    /// Exit code; absent when the command was killed (timeout) or could not start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    pub stdout_sha256: String,
    pub stdout_bytes: u64,
}

/// Something a probe could not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Unreadable {
    pub path: String,
    /// `permission-denied`, `not-found`, `missing-tool`, `unsupported-format`, `error`.
    pub problem: String,
    /// What happened, in English.
    pub message: String,
    /// The same as a code with named parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Coded>,
}

/// A probe verdict that contradicts an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Contradiction {
    /// Stable code: `answer-contradicted-by-probe`.
    pub code: String,
    /// The checklist item.
    pub item: String,
    /// The answer given (はい).
    pub answer: String,
    pub kind: ProbeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe_name: Option<String>,
    pub verdict: Verdict,
    pub message: String,
    /// The index of the probe's result in the evidence's `results` (0-based): several unnamed
    /// probes of one kind (two backup folders) are told apart by it. Absent in evidence made
    /// by an older medsec: the result is then the first of that kind and name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<usize>,
}

impl Contradiction {
    /// The probe result this contradiction comes from, among `results` (the evidence's own):
    /// by its recorded index when it is there and of the same kind, name and verdict, else
    /// the first result of that kind, name and verdict.
    pub fn result_in<'r>(&self, results: &'r [ProbeResult]) -> Option<&'r ProbeResult> {
        let same = |r: &&ProbeResult| {
            r.kind == self.kind && r.name == self.probe_name && r.verdict == self.verdict
        };
        self.result
            .and_then(|i| results.get(i))
            .filter(same)
            .or_else(|| results.iter().find(same))
    }
}

/// SHA-256 of bytes, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of a file, streamed in 1 MiB blocks: (lower-case hex, bytes).
pub fn hash_file(path: &Path) -> std::io::Result<(String, u64)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = buf
            .get(..n)
            .ok_or_else(|| std::io::Error::other("read returned more bytes than asked for"))?;
        hasher.update(chunk);
        total += n as u64;
    }
    Ok((hex(&hasher.finalize()), total))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_place_drops_a_urls_password_and_keeps_the_end_of_a_long_path() {
        assert_eq!(
            short_place("sftp://backup:secret@nas.local/srv/backup"),
            "sftp://nas.local/srv/backup"
        );
        let long = "/mnt/backup/clinic-main/daily/electronic-medical-records/2026";
        let shown = short_place(long);
        assert!(shown.starts_with('…'), "{shown}");
        assert!(long.ends_with(shown.trim_start_matches('…')), "{shown}");
        assert!(crate::render::table::display_width(&shown) <= 40, "{shown}");
    }

    #[test]
    fn hash_file_streams_and_matches_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        let data = vec![7u8; 3 << 20];
        std::fs::write(&p, &data).unwrap();
        let rec = FileRecord::of_file(&p).unwrap();
        assert_eq!(rec, FileRecord::of_bytes(&p, &data));
        assert!(rec.still_matches().unwrap());
        std::fs::write(&p, b"changed").unwrap();
        assert!(!rec.still_matches().unwrap());
    }
}
