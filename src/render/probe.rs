//! Probe evidence for people (a table and notes) and the progress bar on a terminal.

use super::text::escape_controls as esc;
use crate::checklist::{Lang, ProbeKind};
use crate::probes::messages::join_coded;
use crate::probes::{Evidence, ProbeResult, Progress, Unreadable, Verdict};
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
            Some(n) => format!("{}\n{}", r.kind.label(lang), esc(n)),
            None => r.kind.label(lang).to_owned(),
        };
        // Line breaks inside a cell are ours; every piece from outside is escaped first.
        let items: Vec<_> = r.items.iter().map(|i| esc(i)).collect();
        t.add_row(vec![
            probe,
            verdict_label(r.verdict, lang).to_owned(),
            items.join("\n"),
            esc(&join_coded(&r.reason_details, lang, &r.reason)).into_owned(),
        ]);
    }
    let mut out = format!("{t}\n");
    let (warn, unread, contra) = match lang {
        Lang::Ja => ("注意", "読めなかったもの", "回答との矛盾"),
        Lang::En => ("warning", "could not read", "contradicts an answer"),
    };
    for r in &evidence.results {
        for (i, w) in r.warnings.iter().enumerate() {
            let text = match r.warning_details.get(i) {
                Some(c) => c.text_or(lang, w),
                None => w.clone(),
            };
            let _ = writeln!(out, "{warn} [{}]: {}", r.kind, esc(&text));
        }
        for u in r.unreadable.iter().take(10) {
            let _ = writeln!(
                out,
                "{unread} [{}]: {}",
                r.kind,
                esc(&unreadable_text(u, lang))
            );
        }
        if r.unreadable.len() > 10 {
            let more = r.unreadable.len() - 10;
            let _ = match lang {
                Lang::Ja => writeln!(
                    out,
                    "{unread} [{}]: … ほか{more}件(--format json で確認できます)",
                    r.kind
                ),
                Lang::En => writeln!(
                    out,
                    "{unread} [{}]: … {more} more (see --format json)",
                    r.kind
                ),
            };
        }
    }
    for c in &evidence.contradictions {
        let text = match lang {
            Lang::En => c.message.clone(),
            Lang::Ja => {
                let result = evidence
                    .results
                    .iter()
                    .find(|r| r.kind == c.kind && r.name == c.probe_name);
                contradiction_ja(&c.item, c.kind, c.probe_name.as_deref(), result)
            }
        };
        let _ = writeln!(out, "{contra} [{}]: {}", esc(&c.item), esc(&text));
    }
    let count = |v| evidence.results.iter().filter(|r| r.verdict == v).count();
    let _ = match lang {
        Lang::Ja => writeln!(
            out,
            "{}: 合格 {}、不合格 {}、不明 {}、回答との矛盾 {}",
            esc(&evidence.host.name),
            count(Verdict::Pass),
            count(Verdict::Fail),
            count(Verdict::Unknown),
            evidence.contradictions.len()
        ),
        Lang::En => writeln!(
            out,
            "{}: {} pass, {} fail, {} unknown, {} contradiction(s)",
            esc(&evidence.host.name),
            count(Verdict::Pass),
            count(Verdict::Fail),
            count(Verdict::Unknown),
            evidence.contradictions.len()
        ),
    };
    out
}

/// `path (problem: message)`, the problem named in `lang`.
fn unreadable_text(u: &Unreadable, lang: Lang) -> String {
    let message = match &u.detail {
        Some(c) => c.text_or(lang, &u.message),
        None => u.message.clone(),
    };
    match lang {
        Lang::En => format!("{} ({}: {message})", u.path, u.problem),
        Lang::Ja => {
            let problem = match u.problem.as_str() {
                "permission-denied" => "権限なし",
                "not-found" => "なし",
                "missing-tool" => "ツールなし",
                "unsupported-format" => "未対応の形式",
                "symlink-loop" => "リンクのループ",
                "vanished" => "消失",
                _ => "エラー",
            };
            format!("{}({problem}: {message})", u.path)
        }
    }
}

fn contradiction_ja(
    item: &str,
    kind: ProbeKind,
    name: Option<&str>,
    result: Option<&ProbeResult>,
) -> String {
    let probe = match name {
        Some(n) => format!("{}({n})", kind.label(Lang::Ja)),
        None => kind.label(Lang::Ja).to_owned(),
    };
    let reason = result.map_or_else(String::new, |r| {
        join_coded(&r.reason_details, Lang::Ja, &r.reason)
    });
    format!("{item} に「はい」と回答していますが、{probe}のプローブは不合格です: {reason}")
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
            Some(n) => format!("{label} ({})", esc(n)),
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
