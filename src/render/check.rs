//! `medsec check` for people and scripts: the steps on a terminal (a progress line on stderr),
//! and the closing summary: what was written, what is missing, the next step.

use super::text::escape_controls as esc;
use crate::checklist::{Lang, ProbeKind};
use crate::exit::Exit;
use crate::probes::{Progress, Verdict};
use crate::tr;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The steps of a check, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Answers,
    Status,
    Probes,
    Key,
    Report,
    Verify,
}

impl Step {
    const ALL: [Step; 6] = [
        Step::Answers,
        Step::Status,
        Step::Probes,
        Step::Key,
        Step::Report,
        Step::Verify,
    ];

    fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    fn label(self, lang: Lang) -> String {
        match self {
            Step::Answers => tr!(lang, "check-step-answers"),
            Step::Status => tr!(lang, "check-step-status"),
            Step::Probes => tr!(lang, "check-step-probes"),
            Step::Key => tr!(lang, "check-step-key"),
            Step::Report => tr!(lang, "check-step-report"),
            Step::Verify => tr!(lang, "check-step-verify"),
        }
    }
}

/// The steps shown on stderr while a check runs: a spinner with the current step, and a line
/// for each step done. Hidden (draws nothing) unless made with `shown`.
pub struct Steps {
    lang: Lang,
    bar: ProgressBar,
    current: std::sync::Mutex<Step>,
}

impl Steps {
    /// `shown`: stderr is a terminal and the output is for people.
    pub fn new(lang: Lang, shown: bool) -> Self {
        let bar = if shown {
            let bar = ProgressBar::with_draw_target(
                Some(Step::ALL.len() as u64),
                ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        } else {
            ProgressBar::hidden()
        };
        Steps {
            lang,
            bar,
            current: std::sync::Mutex::new(Step::Answers),
        }
    }

    fn heading(&self, step: Step) -> String {
        tr!(
            self.lang,
            "check-progress",
            step = step.number(),
            steps = Step::ALL.len(),
            what = step.label(self.lang)
        )
    }

    /// A step begins.
    pub fn begin(&self, step: Step) {
        *self.current.lock().unwrap_or_else(|p| p.into_inner()) = step;
        self.bar.set_position(step.number() as u64 - 1);
        self.bar.set_message(self.heading(step));
    }

    /// A step is done; `sentence` says with what result, a whole sentence.
    pub fn done(&self, step: Step, sentence: &str) {
        self.bar.set_position(step.number() as u64);
        self.bar.println(tr!(
            self.lang,
            "check-done-step",
            step = step.number(),
            steps = Step::ALL.len(),
            sentence = sentence
        ));
    }

    /// A step ended with a failure (an incomplete file, a failed probe, a bundle that does not
    /// verify as valid): the same line with a failure mark, never a check mark.
    pub fn failed(&self, step: Step, sentence: &str) {
        self.bar.set_position(step.number() as u64);
        self.bar.println(tr!(
            self.lang,
            "check-failed-step",
            step = step.number(),
            steps = Step::ALL.len(),
            sentence = sentence
        ));
    }

    /// Every step is done (or the check stopped): the spinner goes away.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for Steps {
    fn drop(&mut self) {
        if !self.bar.is_finished() {
            self.bar.finish_and_clear();
        }
    }
}

impl Progress for Steps {
    fn start(&self, kind: ProbeKind, name: Option<&str>) {
        let step = *self.current.lock().unwrap_or_else(|p| p.into_inner());
        let probe = match name {
            Some(n) => tr!(
                self.lang,
                "probes-probe-named",
                kind = kind.label(self.lang),
                name = esc(n).into_owned()
            ),
            None => kind.label(self.lang).to_owned(),
        };
        self.bar.set_message(tr!(
            self.lang,
            "check-progress-probe",
            step = self.heading(step),
            probe = probe
        ));
    }

    fn update(&self, _seen: u64) {}

    fn finish(&self, _verdict: Verdict) {}
}

/// What the probes found, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ProbeCounts {
    pub pass: usize,
    pub fail: usize,
    pub unknown: usize,
    pub contradictions: usize,
}

impl ProbeCounts {
    pub fn of(evidence: &crate::probes::Evidence) -> Self {
        let count = |v: Verdict| evidence.results.iter().filter(|r| r.verdict == v).count();
        ProbeCounts {
            pass: count(Verdict::Pass),
            fail: count(Verdict::Fail),
            unknown: count(Verdict::Unknown),
            contradictions: evidence.contradictions.len(),
        }
    }
}

/// The key the bundle was signed with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyUsed {
    pub secret: PathBuf,
    pub public: PathBuf,
    pub key_id: String,
    /// Made by this check in its folder: fine for a trial, not known to any inspector.
    pub throwaway: bool,
}

/// What a check did and found, for the closing summary. Fields after `complete` are `None`
/// when the check stopped before that step.
#[derive(Debug, Clone)]
pub struct Summary {
    pub answers: PathBuf,
    /// The answers file was made by this check (`init`).
    pub answers_created: bool,
    pub complete: bool,
    /// The answers file (or a vendor form it lists) cannot be used at all.
    pub unusable: bool,
    pub evidence: Option<PathBuf>,
    pub probes: Option<ProbeCounts>,
    pub key: Option<KeyUsed>,
    pub bundle: Option<PathBuf>,
    pub html: Option<PathBuf>,
    /// Findings recorded in report.json: (errors, warnings).
    pub report_findings: Option<(usize, usize)>,
    /// The verification of the written bundle.
    pub verified: Option<Exit>,
    /// The report's probe evidence checked no answer (`no-probe-evidence`, a warning): an
    /// empty probe configuration, or probes whose evidence names no item of the form.
    pub no_probe_evidence: Option<crate::report::NoProbeEvidence>,
    /// The fiscal year of the answered form, to say whose year's check is done.
    pub fiscal_year: Option<i16>,
    /// The digest of the checklist's current wording, when the answers were made against other
    /// wording (`checklist-digest-mismatch`): the fix is to check and update it, not to answer.
    pub digest_update: Option<String>,
    /// The flags the user gave that a rerun repeats (`--answers FILE --probes FILE …`), shell
    /// quoted, without `--key`.
    pub rerun_flags: String,
    /// The flags of `medsec verify` that judge the bundle as the check did (`--as-of`, the
    /// global `--checklist` and `--lang`), each followed by a space.
    pub verify_flags: String,
    /// Signed vendor forms whose signature this check could not check (no `--vendor-key`).
    pub vendor_unchecked: usize,
    /// Evidence paths the answers cite that do not exist (`evidence-missing`): the report
    /// cannot be made until they are there or no longer cited.
    pub evidence_missing: Vec<String>,
    /// `--answers` named a spreadsheet (.csv, .xlsx): the rerun's flags with an answers file
    /// (`ANSWERS.toml`) in its place, for the next step that imports the sheet into it.
    pub sheet_rerun_flags: Option<String>,
    /// The signed bundle an earlier check left in the folder was replaced: the SHA-256 of its
    /// report (printed on its report.html) and of this check's.
    pub replaced_bundle: Option<(String, String)>,
}

/// Something the year's check still lacks; the code is stable (JSON `missing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    UnusableAnswers,
    DigestMismatch,
    IncompleteAnswers,
    /// Evidence files the answers cite that are not there (`evidence-missing`).
    EvidenceMissing(usize),
    ProbeFailed(usize),
    Contradiction(usize),
    ProbeUnknown(usize),
    /// The warning `no-probe-evidence`: no answer was checked against a probe.
    NoProbeEvidence(crate::report::NoProbeEvidence),
    ReportFindings(usize),
    VerifyFindings,
    VerifyFailed,
    ThrowawayKey,
    VendorUnchecked(usize),
}

impl Missing {
    pub fn code(self) -> &'static str {
        match self {
            Missing::UnusableAnswers => "unusable-answers",
            Missing::DigestMismatch => "checklist-digest-mismatch",
            Missing::IncompleteAnswers => "incomplete-answers",
            Missing::EvidenceMissing(_) => "evidence-missing",
            Missing::ProbeFailed(_) => "probe-failed",
            Missing::Contradiction(_) => "probe-contradiction",
            Missing::ProbeUnknown(_) => "probe-unknown",
            Missing::NoProbeEvidence(_) => "no-probe-evidence",
            Missing::ReportFindings(_) => "report-findings",
            Missing::VerifyFindings => "verify-findings",
            Missing::VerifyFailed => "verify-failed",
            Missing::ThrowawayKey => "throwaway-key",
            Missing::VendorUnchecked(_) => "vendor-signature-unchecked",
        }
    }

    fn text(self, lang: Lang) -> String {
        match self {
            Missing::UnusableAnswers => tr!(lang, "check-missing-unusable"),
            Missing::DigestMismatch => tr!(lang, "report-review-check-missing-digest"),
            Missing::IncompleteAnswers => tr!(lang, "check-missing-incomplete"),
            Missing::EvidenceMissing(count) => {
                tr!(lang, "check-missing-evidence", count = count)
            }
            Missing::ProbeFailed(count) => tr!(lang, "check-missing-probe-failed", count = count),
            Missing::Contradiction(count) => {
                tr!(lang, "check-missing-contradiction", count = count)
            }
            Missing::ProbeUnknown(count) => {
                tr!(lang, "check-missing-probe-unknown", count = count)
            }
            Missing::NoProbeEvidence(lack) => {
                use crate::report::NoProbeEvidence;
                let kind = match lack {
                    NoProbeEvidence::NotAttached => "none",
                    NoProbeEvidence::Empty => "empty",
                    NoProbeEvidence::NoItemCovered => "no-item",
                };
                tr!(lang, "check-missing-no-probe-evidence", kind = kind)
            }
            Missing::ReportFindings(count) => {
                tr!(lang, "check-missing-report-findings", count = count)
            }
            Missing::VerifyFindings => tr!(lang, "check-missing-verify-findings"),
            Missing::VerifyFailed => tr!(lang, "check-missing-verify-failed"),
            Missing::ThrowawayKey => tr!(lang, "check-missing-throwaway-key"),
            Missing::VendorUnchecked(count) => {
                tr!(lang, "check-missing-vendor-unchecked", count = count)
            }
        }
    }
}

impl Summary {
    /// What is missing, most pressing first.
    pub fn missing(&self) -> Vec<Missing> {
        let mut out = Vec::new();
        if self.unusable {
            out.push(Missing::UnusableAnswers);
        } else if !self.complete && self.digest_update.is_some() {
            out.push(Missing::DigestMismatch);
        } else if !self.complete {
            out.push(Missing::IncompleteAnswers);
        } else if !self.evidence_missing.is_empty() {
            out.push(Missing::EvidenceMissing(self.evidence_missing.len()));
        }
        if self.verified == Some(Exit::Integrity) || self.verified == Some(Exit::Unusable) {
            out.push(Missing::VerifyFailed);
        }
        if let Some(p) = self.probes {
            if p.fail > 0 {
                out.push(Missing::ProbeFailed(p.fail));
            }
            if p.contradictions > 0 {
                out.push(Missing::Contradiction(p.contradictions));
            }
            if p.unknown > 0 {
                out.push(Missing::ProbeUnknown(p.unknown));
            }
        }
        if let Some(lack) = self.no_probe_evidence {
            out.push(Missing::NoProbeEvidence(lack));
        }
        if let Some((errors, _)) = self.report_findings {
            if errors > 0 {
                out.push(Missing::ReportFindings(errors));
            }
        }
        if self.verified == Some(Exit::Findings) {
            out.push(Missing::VerifyFindings);
        }
        if self.vendor_unchecked > 0 {
            out.push(Missing::VendorUnchecked(self.vendor_unchecked));
        }
        if self.key.as_ref().is_some_and(|k| k.throwaway) {
            out.push(Missing::ThrowawayKey);
        }
        out
    }

    /// How the check ends: the worst of what it found.
    pub fn exit(&self) -> Exit {
        // Missing evidence stops the report as it stops `medsec report` (2).
        if self.unusable || !self.evidence_missing.is_empty() {
            return Exit::Unusable;
        }
        let mut exit = self.verified.unwrap_or(Exit::Ok);
        let findings = self.missing().iter().any(|m| {
            // Warnings: listed as missing, never a finding (docs/exit-codes.md).
            !matches!(
                m,
                Missing::ProbeUnknown(_) | Missing::NoProbeEvidence(_) | Missing::ThrowawayKey
            )
        });
        if findings {
            exit = exit.max(Exit::Findings);
        }
        exit
    }

    /// The next steps, in the order to take them.
    fn next(&self, lang: Lang) -> Vec<String> {
        let path = |p: &Path| esc(&p.display().to_string()).into_owned();
        // Paths inside a command people copy: quoted for the shell where needed.
        let word = |p: &Path| crate::render::command_word(&p.display().to_string());
        let answers = path(&self.answers);
        // The same check again, with the flags the user gave (`--out`, `--answers`, …).
        let again = format!("medsec check {}", self.rerun_flags)
            .trim_end()
            .to_owned();
        let missing = self.missing();
        let mut out = Vec::new();
        if let (true, Some(flags)) = (
            missing.contains(&Missing::UnusableAnswers),
            &self.sheet_rerun_flags,
        ) {
            out.push(tr!(
                lang,
                "check-next-import-sheet",
                file = answers.clone(),
                import = format!(
                    "medsec answer ANSWERS.toml --import {}",
                    word(&self.answers)
                ),
                command = format!("medsec check {flags}").trim_end().to_owned()
            ));
            return out;
        }
        if missing.contains(&Missing::UnusableAnswers) {
            out.push(tr!(
                lang,
                "check-next-fix-answers",
                file = answers.clone(),
                command = again.as_str()
            ));
            return out;
        }
        if let (true, Some(digest)) = (
            missing.contains(&Missing::DigestMismatch),
            &self.digest_update,
        ) {
            out.push(tr!(
                lang,
                "report-review-check-next-digest",
                file = answers.clone(),
                digest = digest.as_str(),
                command = again.as_str()
            ));
            return out;
        }
        if missing.contains(&Missing::IncompleteAnswers) {
            out.push(tr!(
                lang,
                "check-next-answer",
                file = word(&self.answers),
                command = again.as_str()
            ));
            return out;
        }
        if missing
            .iter()
            .any(|m| matches!(m, Missing::EvidenceMissing(_)))
        {
            out.push(tr!(
                lang,
                "check-next-evidence-missing",
                paths = crate::i18n::join_code(lang, &self.evidence_missing),
                file = answers.clone(),
                command = again.as_str()
            ));
            return out;
        }
        if missing.contains(&Missing::VerifyFailed) {
            out.push(tr!(
                lang,
                "check-next-verify-failed",
                command = again.as_str()
            ));
            return out;
        }
        if missing
            .iter()
            .any(|m| matches!(m, Missing::ProbeFailed(_) | Missing::Contradiction(_)))
        {
            out.push(tr!(
                lang,
                "check-next-fix-probes",
                file = answers.clone(),
                command = again.as_str()
            ));
        }
        if let Some(Missing::NoProbeEvidence(lack)) = missing
            .iter()
            .find(|m| matches!(m, Missing::NoProbeEvidence(_)))
        {
            let ids = *lack == crate::report::NoProbeEvidence::NoItemCovered;
            out.push(tr!(
                lang,
                "check-next-probe-evidence",
                kind = if ids { "no-item" } else { "empty" },
                command = again.as_str()
            ));
        }
        if let (Some(bundle), Some(key)) = (&self.bundle, &self.key) {
            if missing
                .iter()
                .any(|m| matches!(m, Missing::ReportFindings(_) | Missing::VerifyFindings))
            {
                let command = format!(
                    "medsec verify {} --pubkey {} {}",
                    word(bundle),
                    word(&key.public),
                    self.verify_flags
                );
                out.push(tr!(lang, "check-next-verify", command = command.trim_end()));
            }
            if self.vendor_unchecked > 0 {
                let command = format!("{again} --vendor-key VENDOR.pub");
                out.push(tr!(lang, "check-next-vendor-key", command = command));
            }
            if key.throwaway {
                let command = format!("{again} --key NAME.key");
                out.push(tr!(lang, "check-next-keygen-again", command = command));
            } else if out.is_empty() {
                out.push(tr!(
                    lang,
                    "check-next-done",
                    html = self.html.as_deref().map(path).unwrap_or_default(),
                    bundle = path(bundle),
                    public = path(&key.public)
                ));
            }
        }
        out
    }
}

/// The closing summary for people: what was written, what is missing, the next step.
pub fn text(summary: &Summary, lang: Lang) -> String {
    let path = |p: &Path| esc(&p.display().to_string()).into_owned();
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&super::prose::for_stdout(&s));
        out.push('\n');
    };
    line(String::new());
    line(tr!(lang, "check-written"));
    let mut written = Vec::new();
    if summary.answers_created {
        written.push(tr!(
            lang,
            "check-written-answers",
            path = path(&summary.answers)
        ));
    }
    if let Some(e) = &summary.evidence {
        written.push(tr!(lang, "check-written-evidence", path = path(e)));
    }
    if let (Some(b), Some(k)) = (&summary.bundle, &summary.key) {
        written.push(tr!(
            lang,
            "check-written-bundle",
            path = path(b),
            key = esc(&k.key_id).into_owned()
        ));
    }
    if let Some(h) = &summary.html {
        written.push(tr!(lang, "check-written-html", path = path(h)));
    }
    if let Some(k) = summary.key.as_ref().filter(|k| k.throwaway) {
        written.push(tr!(
            lang,
            "check-written-throwaway-key",
            secret = path(&k.secret),
            public = path(&k.public)
        ));
    }
    if written.is_empty() {
        written.push(tr!(lang, "check-none"));
    }
    for w in written {
        line(format!("  {w}"));
    }
    line(tr!(lang, "check-missing"));
    let missing = summary.missing();
    if missing.is_empty() {
        line(format!("  {}", tr!(lang, "check-none")));
    }
    for m in missing {
        line(format!("  - {}", m.text(lang)));
    }
    line(tr!(lang, "check-next"));
    for n in summary.next(lang) {
        line(format!("  {n}"));
    }
    let left = !summary.missing().is_empty();
    line(match summary.exit() {
        // Something is still listed as missing (a throwaway key, unknown probes): not done.
        Exit::Ok if left => tr!(lang, "check-result-ok-but-missing"),
        Exit::Ok => match summary.fiscal_year {
            Some(year) => tr!(
                lang,
                "check-result-ok-year",
                wareki = crate::dates::wareki_fiscal_year(year),
                year = year
            ),
            None => tr!(lang, "check-result-ok"),
        },
        // Named by the form's year: last year's form is not this year's check.
        Exit::Findings => match summary.fiscal_year {
            Some(year) => tr!(
                lang,
                "report-review-check-result-findings-year",
                wareki = crate::dates::wareki_fiscal_year(year),
                year = year
            ),
            None => tr!(lang, "check-result-findings"),
        },
        Exit::Unusable | Exit::Integrity => match summary.fiscal_year {
            Some(year) => tr!(
                lang,
                "report-review-check-result-failed-year",
                wareki = crate::dates::wareki_fiscal_year(year),
                year = year
            ),
            None => tr!(lang, "check-result-failed"),
        },
    });
    out
}

/// The summary as one JSON object, with the status and verification output of the steps
/// that ran (the same objects `status --format json` and `verify --format json` print).
pub fn json(
    summary: &Summary,
    status: Option<serde_json::Value>,
    verify: Option<serde_json::Value>,
) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        format_version: u32,
        exit_code: u8,
        answers: &'a Path,
        answers_created: bool,
        complete: bool,
        evidence: Option<&'a Path>,
        probes: Option<ProbeCounts>,
        key: Option<&'a KeyUsed>,
        bundle: Option<&'a Path>,
        html: Option<&'a Path>,
        /// The SHA-256 of the report of the bundle this check replaced.
        replaced_report_sha256: Option<&'a str>,
        report_errors: Option<usize>,
        report_warnings: Option<usize>,
        missing: Vec<&'static str>,
        status: Option<serde_json::Value>,
        verify: Option<serde_json::Value>,
    }
    super::json(&Out {
        format_version: 1,
        exit_code: summary.exit().code(),
        answers: &summary.answers,
        answers_created: summary.answers_created,
        complete: summary.complete,
        evidence: summary.evidence.as_deref(),
        probes: summary.probes,
        key: summary.key.as_ref(),
        bundle: summary.bundle.as_deref(),
        html: summary.html.as_deref(),
        replaced_report_sha256: summary
            .replaced_bundle
            .as_ref()
            .map(|(old, _)| old.as_str()),
        report_errors: summary.report_findings.map(|(e, _)| e),
        report_warnings: summary.report_findings.map(|(_, w)| w),
        missing: summary.missing().iter().map(|m| m.code()).collect(),
        status,
        verify,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done() -> Summary {
        Summary {
            answers: "a.toml".into(),
            answers_created: false,
            complete: true,
            unusable: false,
            evidence: Some("out/evidence.json".into()),
            probes: Some(ProbeCounts {
                pass: 2,
                ..ProbeCounts::default()
            }),
            key: Some(KeyUsed {
                secret: "k.key".into(),
                public: "k.pub".into(),
                key_id: "ABCDEF0123456789".into(),
                throwaway: false,
            }),
            bundle: Some("out/bundle".into()),
            html: Some("out/bundle/report.html".into()),
            report_findings: Some((0, 0)),
            verified: Some(Exit::Ok),
            no_probe_evidence: None,
            vendor_unchecked: 0,
            evidence_missing: Vec::new(),
            sheet_rerun_flags: None,
            replaced_bundle: None,
            fiscal_year: Some(2025),
            digest_update: None,
            rerun_flags: String::new(),
            verify_flags: String::new(),
        }
    }

    #[test]
    fn a_clean_year_has_nothing_missing_and_exits_0() {
        let s = done();
        assert!(s.missing().is_empty());
        assert_eq!(s.exit(), Exit::Ok);
        let t = text(&s, Lang::En);
        assert!(t.contains("out/bundle/report.html"), "{t}");
    }

    #[test]
    fn a_throwaway_key_is_missing_but_not_a_finding() {
        let mut s = done();
        if let Some(k) = &mut s.key {
            k.throwaway = true;
        }
        assert_eq!(s.missing(), vec![Missing::ThrowawayKey]);
        assert_eq!(s.exit(), Exit::Ok);
        assert!(text(&s, Lang::En).contains("medsec keygen"));
    }

    #[test]
    fn a_failed_probe_or_a_bad_bundle_is_a_finding() {
        let mut s = done();
        s.probes = Some(ProbeCounts {
            fail: 1,
            ..ProbeCounts::default()
        });
        assert_eq!(s.exit(), Exit::Findings);
        s.verified = Some(Exit::Integrity);
        assert_eq!(s.exit(), Exit::Integrity);
        assert_eq!(s.missing().first(), Some(&Missing::VerifyFailed));
    }
}
