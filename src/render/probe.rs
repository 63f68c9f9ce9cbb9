//! Probe evidence for people (a table and notes) and the progress bar on a terminal.

use crate::checklist::{Lang, ProbeKind};
use crate::probes::{Evidence, Progress, Verdict};
use indicatif::{ProgressBar, ProgressStyle};
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    match (v, lang) {
        (Verdict::Pass, Lang::Ja) => "合格",
        (Verdict::Fail, Lang::Ja) => "不合格",
        (Verdict::Unknown, Lang::Ja) => "不明",
        (Verdict::Pass, Lang::En) => "pass",
        (Verdict::Fail, Lang::En) => "FAIL",
        (Verdict::Unknown, Lang::En) => "unknown",
    }
}

/// One row per probe, then warnings, what could not be read, contradictions and a summary.
pub fn table(evidence: &Evidence, lang: Lang) -> String {
    let header = match lang {
        Lang::Ja => vec!["プローブ", "判定", "チェック項目", "理由"],
        Lang::En => vec!["Probe", "Verdict", "Items", "Reason"],
    };
    let mut t = super::table(header);
    for r in &evidence.results {
        let probe = match &r.name {
            Some(n) => format!("{}\n{n}", r.kind.label(lang)),
            None => r.kind.label(lang).to_owned(),
        };
        t.add_row(vec![
            probe,
            verdict_label(r.verdict, lang).to_owned(),
            r.items.join("\n"),
            r.reason.clone(),
        ]);
    }
    let mut out = format!("{t}\n");
    let (warn, unread, contra) = match lang {
        Lang::Ja => ("注意", "読めなかったもの", "回答との矛盾"),
        Lang::En => ("warning", "could not read", "contradicts an answer"),
    };
    for r in &evidence.results {
        for w in &r.warnings {
            let _ = writeln!(out, "{warn} [{}]: {w}", r.kind);
        }
        for u in r.unreadable.iter().take(10) {
            let _ = writeln!(
                out,
                "{unread} [{}]: {} ({}: {})",
                r.kind, u.path, u.problem, u.message
            );
        }
        if r.unreadable.len() > 10 {
            let _ = writeln!(
                out,
                "{unread} [{}]: … {} more (see --format json)",
                r.kind,
                r.unreadable.len() - 10
            );
        }
    }
    for c in &evidence.contradictions {
        let _ = writeln!(out, "{contra} [{}]: {}", c.item, c.message);
    }
    let count = |v| evidence.results.iter().filter(|r| r.verdict == v).count();
    let _ = match lang {
        Lang::Ja => writeln!(
            out,
            "{}: 合格 {}、不合格 {}、不明 {}、回答との矛盾 {}",
            evidence.host.name,
            count(Verdict::Pass),
            count(Verdict::Fail),
            count(Verdict::Unknown),
            evidence.contradictions.len()
        ),
        Lang::En => writeln!(
            out,
            "{}: {} pass, {} fail, {} unknown, {} contradiction(s)",
            evidence.host.name,
            count(Verdict::Pass),
            count(Verdict::Fail),
            count(Verdict::Unknown),
            evidence.contradictions.len()
        ),
    };
    out
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
        let label = kind.label(self.lang);
        bar.set_message(match name {
            Some(n) => format!("{label} ({n})"),
            None => label.to_owned(),
        });
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
