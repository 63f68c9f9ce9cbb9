//! Probe evidence for people (a table and notes) and the progress bar on a terminal.

use super::text::escape_controls as esc;
use crate::checklist::{Checklist, Lang, ProbeKind};
use crate::probes::messages::join_coded;
use crate::probes::{Contradiction, Evidence, ProbeResult, Progress, Unreadable, Verdict};
use crate::tr;
use indicatif::{ProgressBar, ProgressStyle};
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

fn verdict_label(v: Verdict, lang: Lang) -> String {
    match v {
        Verdict::Pass => tr!(lang, "probes-verdict-pass"),
        Verdict::Fail => tr!(lang, "probes-verdict-fail"),
        Verdict::Unknown => tr!(lang, "probes-verdict-unknown"),
    }
}

/// The probe for people: its kind, and the name it was given in the configuration.
fn probe_label(kind: ProbeKind, name: Option<&str>, lang: Lang) -> String {
    match name {
        Some(n) => tr!(
            lang,
            "probes-probe-named",
            kind = kind.label(lang),
            name = esc(n).into_owned()
        ),
        None => kind.label(lang).to_owned(),
    }
}

/// The probe for people in a note: its kind and its name, or for an unnamed backup probe its
/// place ([`ProbeResult::place`]); the kind alone when it runs once.
fn result_label(r: &ProbeResult, lang: Lang) -> String {
    match r.place() {
        Some(place) => tr!(
            lang,
            "probes-probe-at",
            kind = r.kind.label(lang),
            path = esc(&place).into_owned()
        ),
        None => probe_label(r.kind, r.name.as_deref(), lang),
    }
}

/// An item as people know it on the form in use (`2-⑥ セキュリティパッチ`); without a
/// checklist, its stable ID.
fn item_label(id: &str, checklist: Option<&Checklist>, lang: Lang) -> Option<String> {
    match checklist {
        Some(c) => c.item(id).map(|i| esc(&i.label(lang)).into_owned()),
        None => Some(esc(id).into_owned()),
    }
}

/// The items a result gives evidence for, named as on `checklist`. Items the form does not
/// have (`security-patches-server` on a form with one patch row) are left out.
fn items_cell(r: &ProbeResult, checklist: Option<&Checklist>, lang: Lang) -> String {
    let labels: Vec<String> = r
        .items
        .iter()
        .filter_map(|i| item_label(i, checklist, lang))
        .collect();
    if labels.is_empty() {
        tr!(lang, "probes-items-none")
    } else {
        labels.join("\n")
    }
}

/// One row per probe, then warnings, what could not be read, contradictions and a summary.
/// Items are named as on `checklist`, the form in use.
pub fn table(evidence: &Evidence, checklist: Option<&Checklist>, lang: Lang) -> String {
    let header = [
        tr!(lang, "probes-table-probe"),
        tr!(lang, "probes-table-verdict"),
        tr!(lang, "probes-table-items"),
        tr!(lang, "probes-table-reason"),
    ];
    let mut t = super::table(header.iter().map(String::as_str).collect());
    for r in &evidence.results {
        // Line breaks inside a cell are ours; every piece from outside is escaped first.
        let probe = match (&r.name, r.place()) {
            (Some(n), _) => format!("{}\n{}", r.kind.label(lang), esc(n)),
            (None, Some(place)) => format!("{}\n{}", r.kind.label(lang), esc(&place)),
            (None, None) => r.kind.label(lang).to_owned(),
        };
        t.add_row(vec![
            probe,
            verdict_label(r.verdict, lang),
            items_cell(r, checklist, lang),
            esc(&join_coded(&r.reason_details, lang, &r.reason)).into_owned(),
        ]);
    }
    let mut out = format!("{t}\n");
    for r in &evidence.results {
        let probe = result_label(r, lang);
        for (i, w) in r.warnings.iter().enumerate() {
            let text = match r.warning_details.get(i) {
                Some(c) => c.text_or(lang, w),
                None => w.clone(),
            };
            let line = tr!(
                lang,
                "probes-note-warning",
                probe = probe.as_str(),
                text = esc(&text).into_owned()
            );
            let _ = writeln!(out, "{line}");
        }
        for u in r.unreadable.iter().take(10) {
            let line = tr!(
                lang,
                "probes-note-unreadable",
                probe = probe.as_str(),
                path = esc(&u.path).into_owned(),
                text = esc(&unreadable_text(u, lang)).into_owned()
            );
            let _ = writeln!(out, "{line}");
        }
        if r.unreadable.len() > 10 {
            let line = tr!(
                lang,
                "probes-note-unreadable-more",
                probe = probe.as_str(),
                count = (r.unreadable.len() - 10)
            );
            let _ = writeln!(out, "{line}");
        }
    }
    for c in &evidence.contradictions {
        let result = c.result_in(&evidence.results);
        let text = contradiction_text(c, result, checklist, lang);
        let line = tr!(
            lang,
            "probes-note-contradiction",
            text = esc(&text).into_owned()
        );
        let _ = writeln!(out, "{line}");
    }
    let count = |v| evidence.results.iter().filter(|r| r.verdict == v).count();
    let summary = tr!(
        lang,
        "probes-summary",
        host = esc(&evidence.host.name).into_owned(),
        pass = count(Verdict::Pass),
        fail = count(Verdict::Fail),
        unknown = count(Verdict::Unknown),
        contradictions = evidence.contradictions.len()
    );
    let _ = writeln!(out, "{summary}");
    out
}

/// What went wrong reading one path, in `lang`.
fn unreadable_text(u: &Unreadable, lang: Lang) -> String {
    match &u.detail {
        Some(c) => c.text_or(lang, &u.message),
        None => u.message.clone(),
    }
}

/// A contradiction for people: the item as on the form, the probe, and why it failed.
pub fn contradiction_text(
    c: &Contradiction,
    result: Option<&ProbeResult>,
    checklist: Option<&Checklist>,
    lang: Lang,
) -> String {
    let reason = result.map_or_else(String::new, |r| {
        join_coded(&r.reason_details, lang, &r.reason)
    });
    let item = checklist
        .and_then(|cl| cl.item(&c.item))
        .map_or_else(|| c.item.clone(), |i| i.label(lang));
    let name = c.probe_name.as_deref().map(|n| esc(n).into_owned());
    // An unnamed backup probe is told apart by its place, as in the table.
    let kind = match result.filter(|_| name.is_none()) {
        Some(r) => result_label(r, lang),
        None => c.kind.label(lang).to_owned(),
    };
    crate::probes::contradictions::message(lang, &item, &kind, name.as_deref(), &reason)
}

/// A spinner on stderr with the running probe and how much it has seen. Only built when
/// stderr is a terminal and the output is not JSON.
pub struct TerminalProgress {
    lang: Lang,
    bar: Mutex<Option<ProgressBar>>,
}

impl TerminalProgress {
    pub fn new(lang: Lang) -> Self {
        TerminalProgress {
            lang,
            bar: Mutex::new(None),
        }
    }

    fn with_bar(&self, f: impl FnOnce(&mut Option<ProgressBar>)) {
        f(&mut self.bar.lock().unwrap_or_else(|p| p.into_inner()));
    }
}

impl Progress for TerminalProgress {
    fn start(&self, kind: ProbeKind, name: Option<&str>) {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {pos} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(probe_label(kind, name, self.lang));
        bar.enable_steady_tick(Duration::from_millis(120));
        self.with_bar(|b| *b = Some(bar));
    }

    fn update(&self, seen: u64) {
        self.with_bar(|b| {
            if let Some(bar) = b {
                bar.set_position(seen);
            }
        });
    }

    fn finish(&self, _verdict: Verdict) {
        self.with_bar(|b| {
            if let Some(bar) = b.take() {
                bar.finish_and_clear();
            }
        });
    }
}

/// The sentence saying which probes the gate question (前提の質問) answered いいえ left out:
/// `gate` is the checklist's gate item, `skip` what [`crate::probes::skip_for_gate`] returned.
pub fn skipped_by_gate(
    gate: &crate::checklist::Item,
    skip: &crate::probes::GateSkip,
    lang: Lang,
) -> String {
    tr!(
        lang,
        "check-probes-skipped-gate",
        gate = gate.label(lang),
        count = skip.probes
    )
}
