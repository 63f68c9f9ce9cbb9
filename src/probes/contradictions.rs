//! Answer contradictions: an item answered はい while a probe that gives evidence for it failed
//! (はい to backup-and-restore, newest backup 41 days old) is a finding.
//!
//! The check needs only one thing from the answers: item ID -> response. That is the
//! [`AnswerLookup`] trait, so the check does not depend on how answers files are modelled.
//! [`load_answers`] reads that much from an answers file in TOML (`[[answers]]` tables with
//! `item`, optional `round`, and `answer` = はい/いいえ/対象外; every other key is ignored):
//!
//! ```toml
//! [[answers]]
//! item = "backup-and-restore"
//! answer = "はい"
//! ```
//!
//! When an item has answers for several rounds, the latest round answered counts.

use super::{Contradiction, ProbeResult, Verdict};
use crate::diagnostic::Location;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// An answer as far as contradictions go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// はい
    Yes,
    /// いいえ
    No,
    /// 対象外
    NotApplicable,
}

impl Response {
    /// はい/いいえ/対象外, yes/no/na.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "はい" | "○" | "〇" => Some(Response::Yes),
            "いいえ" | "×" => Some(Response::No),
            "対象外" | "該当なし" => Some(Response::NotApplicable),
            t => match t.to_ascii_lowercase().as_str() {
                "yes" | "y" => Some(Response::Yes),
                "no" | "n" => Some(Response::No),
                "na" | "n/a" | "not-applicable" => Some(Response::NotApplicable),
                _ => None,
            },
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Response::Yes => "はい",
            Response::No => "いいえ",
            Response::NotApplicable => "対象外",
        }
    }
}

/// What the contradiction check needs from answers: the response to an item, by stable ID.
pub trait AnswerLookup {
    fn response(&self, item: &str) -> Option<Response>;
}

/// Item ID -> response, the latest round answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SimpleAnswers {
    pub responses: BTreeMap<String, Response>,
}

impl AnswerLookup for SimpleAnswers {
    fn response(&self, item: &str) -> Option<Response> {
        self.responses.get(item).copied()
    }
}

/// An answers file that cannot be used.
#[derive(Debug, Error)]
pub enum AnswersError {
    #[error("cannot read answers {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{location}: {message}")]
    Invalid { location: Location, message: String },
}

#[derive(Deserialize)]
struct RawAnswers {
    #[serde(default)]
    answers: Vec<toml::Spanned<RawAnswer>>,
}

#[derive(Deserialize)]
struct RawAnswer {
    item: String,
    #[serde(default)]
    round: Option<u8>,
    #[serde(default)]
    answer: Option<toml::Spanned<String>>,
}

/// Read item responses from an answers file (TOML). Returns the answers and the bytes read.
pub fn load_answers(path: &Path) -> Result<(SimpleAnswers, Vec<u8>), AnswersError> {
    let bytes = std::fs::read(path).map_err(|source| AnswersError::Read {
        path: path.to_owned(),
        source,
    })?;
    let file = path.display().to_string();
    let invalid = |text: &str, offset: usize, message: String| AnswersError::Invalid {
        location: Location::at(&file, text, offset),
        message,
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        invalid(
            "",
            0,
            format!(
                "not UTF-8 text (at byte {}); save it as UTF-8",
                e.valid_up_to()
            ),
        )
    })?;
    if matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    ) {
        return Err(invalid(
            text,
            0,
            "answers in YAML are not read by `probe --answers` yet; give the TOML answers file"
                .into(),
        ));
    }
    let raw: RawAnswers = toml::from_str(text).map_err(|e| {
        invalid(
            text,
            e.span().map_or(0, |s| s.start),
            e.message().trim().to_owned(),
        )
    })?;
    let mut latest: BTreeMap<String, (u8, Response)> = BTreeMap::new();
    for a in raw.answers {
        let a = a.into_inner();
        let Some(ans) = a.answer else { continue };
        let response = Response::parse(ans.get_ref()).ok_or_else(|| {
            invalid(
                text,
                ans.span().start,
                format!(
                    "`{}` is not an answer; write はい, いいえ or 対象外",
                    ans.get_ref()
                ),
            )
        })?;
        let round = a.round.unwrap_or(1);
        if latest.get(&a.item).is_none_or(|(r, _)| round >= *r) {
            latest.insert(a.item, (round, response));
        }
    }
    let responses = latest.into_iter().map(|(k, (_, r))| (k, r)).collect();
    Ok((SimpleAnswers { responses }, bytes))
}

/// Every failed probe result whose items were answered はい.
pub fn check(results: &[ProbeResult], answers: &dyn AnswerLookup) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for r in results.iter().filter(|r| r.verdict == Verdict::Fail) {
        for item in &r.items {
            if answers.response(item) == Some(Response::Yes) {
                out.push(Contradiction {
                    code: "answer-contradicted-by-probe".into(),
                    item: item.clone(),
                    answer: Response::Yes.as_str().into(),
                    kind: r.kind,
                    probe_name: r.name.clone(),
                    verdict: r.verdict,
                    message: format!(
                        "answered はい to {item}, but the {} probe{} failed: {}",
                        r.kind,
                        r.name
                            .as_ref()
                            .map(|n| format!(" ({n})"))
                            .unwrap_or_default(),
                        r.reason
                    ),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::ProbeKind;

    fn result(verdict: Verdict) -> ProbeResult {
        ProbeResult {
            kind: ProbeKind::BackupFreshness,
            name: Some("nas".into()),
            verdict,
            reason: "the newest file is 41 days old".into(),
            items: vec!["backup-and-restore".into()],
            observed: Default::default(),
            parameters: Default::default(),
            time: jiff::Timestamp::UNIX_EPOCH,
            duration_ms: 0,
            host: "h".into(),
            files: vec![],
            commands: vec![],
            unreadable: vec![],
            warnings: vec![],
        }
    }

    #[test]
    fn yes_against_a_failure_is_a_contradiction() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        std::fs::write(&p, "format_version = 1\n[checklist]\nid = \"x\"\n\n[[answers]]\nitem = \"backup-and-restore\"\nround = 1\nanswer = \"いいえ\"\n\n[[answers]]\nitem = \"backup-and-restore\"\nround = 2\nanswer = \"はい\"\nchecked_on = 2025-06-01\n").unwrap();
        let (answers, _) = load_answers(&p).unwrap();
        assert_eq!(answers.response("backup-and-restore"), Some(Response::Yes));
        let c = check(&[result(Verdict::Fail), result(Verdict::Pass)], &answers);
        assert_eq!(c.len(), 1);
        assert!(c[0].message.contains("41 days"), "{}", c[0].message);
        assert!(check(&[result(Verdict::Unknown)], &answers).is_empty());
    }

    #[test]
    fn bad_answers_point_at_the_place() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        std::fs::write(&p, "[[answers]]\nitem = \"x\"\nanswer = \"maybe\"\n").unwrap();
        let e = load_answers(&p).unwrap_err().to_string();
        assert!(
            e.ends_with("a.toml:3:10: `maybe` is not an answer; write はい, いいえ or 対象外"),
            "{e}"
        );
    }
}
