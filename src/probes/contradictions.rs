//! Answer contradictions: an item answered はい while a probe that gives evidence for it failed
//! (はい to backup-and-restore, newest backup 41 days old) is a finding.
//!
//! The check needs only one thing from the answers: item ID -> response, the [`AnswerLookup`]
//! trait. The answers file itself is read by [`crate::answers::load`] (TOML or YAML); when an
//! item is answered in several rounds, the latest round answered counts.

use super::{Contradiction, ProbeResult, Verdict};
use crate::answers::{AnswerSet, Response};
use crate::checklist::Lang;

/// What the contradiction check needs from answers: the response to an item, by stable ID.
pub trait AnswerLookup {
    fn response(&self, item: &str) -> Option<Response>;
}

impl AnswerLookup for AnswerSet {
    fn response(&self, item: &str) -> Option<Response> {
        self.answers
            .iter()
            .filter(|a| a.item == item && a.response.is_some())
            .max_by_key(|a| a.round)
            .and_then(|a| a.response)
    }
}

/// The sentence of a contradiction: `item` and `kind` as the reader knows them (the stable ID
/// and code in the evidence, the form's number and the probe's label for people). Without a
/// reason (the probe's result is not in the evidence) it says so, never ending in `: `.
pub fn message(lang: Lang, item: &str, kind: &str, name: Option<&str>, reason: &str) -> String {
    match (name, reason.trim().is_empty()) {
        (Some(name), false) => crate::tr!(
            lang,
            "probes-contradiction-named",
            item = item,
            kind = kind,
            name = name,
            reason = reason
        ),
        (None, false) => crate::tr!(
            lang,
            "probes-contradiction",
            item = item,
            kind = kind,
            reason = reason
        ),
        (Some(name), true) => crate::tr!(
            lang,
            "verify-contradiction-named-no-result",
            item = item,
            kind = kind,
            name = name
        ),
        (None, true) => crate::tr!(
            lang,
            "verify-contradiction-no-result",
            item = item,
            kind = kind
        ),
    }
}

/// Every failed probe result whose items were answered はい.
pub fn check(results: &[ProbeResult], answers: &dyn AnswerLookup) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for (index, r) in results
        .iter()
        .enumerate()
        .filter(|(_, r)| r.verdict == Verdict::Fail)
    {
        for item in &r.items {
            if answers.response(item) == Some(Response::Yes) {
                out.push(Contradiction {
                    code: "answer-contradicted-by-probe".into(),
                    item: item.clone(),
                    answer: Response::Yes.as_file_str().into(),
                    kind: r.kind,
                    probe_name: r.name.clone(),
                    verdict: r.verdict,
                    // For scripts and logs: English, with the stable IDs; people read it
                    // rendered with the form's numbers (render::probe::contradiction_text).
                    message: message(
                        Lang::En,
                        item,
                        r.kind.as_str(),
                        r.name.as_deref(),
                        &r.reason,
                    ),
                    result: Some(index),
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
            reason_code: String::new(),
            reason_details: vec![],
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
            warning_details: vec![],
        }
    }

    /// The recorded index is taken only when the result there is of the same kind, name and
    /// verdict (evidence edited or reordered by hand); else the first result that is.
    #[test]
    fn a_contradiction_finds_its_result_by_index_only_when_it_matches() {
        let passed = result(Verdict::Pass);
        let failed = ProbeResult {
            reason: "no file found".into(),
            ..result(Verdict::Fail)
        };
        let other_name = ProbeResult {
            name: Some("usb".into()),
            ..result(Verdict::Fail)
        };
        let results = [passed, other_name, failed];
        let c = |index| Contradiction {
            code: "answer-contradicted-by-probe".into(),
            item: "backup-and-restore".into(),
            answer: "はい".into(),
            kind: ProbeKind::BackupFreshness,
            probe_name: Some("nas".into()),
            verdict: Verdict::Fail,
            message: String::new(),
            result: index,
        };
        let reason = |index| c(index).result_in(&results).map(|r| r.reason.clone());
        let failed_reason = Some("no file found".to_owned());
        // Index 0 has the kind and name but passed; index 1 failed under another name.
        assert_eq!(reason(Some(0)), failed_reason);
        assert_eq!(reason(Some(1)), failed_reason);
        assert_eq!(reason(Some(2)), failed_reason);
        assert_eq!(reason(None), failed_reason);
        assert_eq!(reason(Some(9)), failed_reason);
    }

    #[test]
    fn yes_against_a_failure_is_a_contradiction() {
        let mut set = AnswerSet {
            format_version: 1,
            checklist: crate::answers::ChecklistRef {
                id: "x".into(),
                edition: "fy2025".into(),
                digest: None,
            },
            institution: None,
            vendor: None,
            vendors: None,
            answers: Vec::new(),
        };
        let mut first = crate::answers::Answer::empty("backup-and-restore", 1);
        first.response = Some(Response::No);
        let mut second = crate::answers::Answer::empty("backup-and-restore", 2);
        second.response = Some(Response::Yes);
        set.answers = vec![
            second,
            first,
            crate::answers::Answer::empty("backup-and-restore", 3),
        ];
        assert_eq!(set.response("backup-and-restore"), Some(Response::Yes));
        let c = check(&[result(Verdict::Fail), result(Verdict::Pass)], &set);
        assert_eq!(c.len(), 1);
        assert!(c[0].message.contains("41 days"), "{}", c[0].message);
        assert!(check(&[result(Verdict::Unknown)], &set).is_empty());
    }

    #[test]
    fn without_a_reason_the_sentence_says_the_result_is_missing() {
        for lang in [Lang::Ja, Lang::En] {
            for name in [None, Some("nas")] {
                let text = message(lang, "2-⑥ セキュリティパッチ", "patch", name, " ");
                assert!(!text.trim_end().ends_with(':'), "{text}");
                assert!(
                    text.contains("証跡にありません") || text.contains("not in the evidence"),
                    "{text}"
                );
                assert_eq!(name.is_some(), text.contains("nas"), "{text}");
            }
        }
    }
}
