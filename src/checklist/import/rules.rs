//! The `[rules]` block an import writes: the fill-in rules read from the columns found
//! (1回目/2回目 → which rounds exist, a 確認日 column → a check date is required, a 目標日 column
//! whose header names the fiscal year → the target window, the gate question found or named
//! with `--map gate=` → `gate`), and `unknown` for everything a layout cannot show (never
//! invented). A comment in both languages above the block says where
//! each value came from. Deterministic: the same layout gives the same bytes.

use super::columns::{ColumnKind, RecordedLayout, Role};
use super::official::OfficialWorkbook;
use super::rows::GateFound;
use super::target_note::TargetNote;
use crate::checklist::Lang;
use crate::tr;
use std::collections::BTreeMap;

/// A column's header as read: the cell that names it (`Sheet1!D4`) and its text (all header
/// rows joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Header {
    pub(super) cell: String,
    pub(super) text: String,
}

/// The rules inferred, each value with the reason in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Inferred {
    pub(super) checked_on: &'static str,
    pub(super) target_date: &'static str,
    pub(super) round_2: &'static str,
    pub(super) gate: &'static str,
    /// (ja, en) comment lines, in the order of the keys.
    pub(super) why: Vec<(String, String)>,
    /// The note about 目標日 consulted for `target_date` (no 目標日 header named the window).
    pub(super) target_note: Option<TargetNote>,
}

/// What the import knows about the workbook, to infer its rules.
pub(super) struct Input<'a> {
    pub(super) layout: &'a RecordedLayout,
    /// Header of each answer column, by column.
    pub(super) headers: &'a BTreeMap<usize, Header>,
    pub(super) official: Option<&'a OfficialWorkbook>,
    pub(super) file: &'a str,
    pub(super) edition: &'a str,
    pub(super) fiscal_year: i32,
    /// How the gate question was found.
    pub(super) gate: &'a GateFound,
    /// The form: the vendor form (事業者確認用) has no gate question.
    pub(super) form: crate::checklist::Form,
    /// A note on the sheet about 目標日 (「※ 目標日は令和９年３月末までの日付を記入」).
    pub(super) target_note: Option<&'a TargetNote>,
}

fn both(f: impl Fn(Lang) -> String) -> (String, String) {
    (f(Lang::Ja), f(Lang::En))
}

/// Infer the rules from the answer columns found.
pub(super) fn infer(input: &Input<'_>) -> Inferred {
    let answers: Vec<(usize, Role, u8)> = input
        .layout
        .columns
        .iter()
        .filter_map(|(&c, k)| match *k {
            ColumnKind::Answer(role, round) => Some((c, role, round)),
            _ => None,
        })
        .collect();
    let cells = |pick: &dyn Fn(Role, u8) -> bool| -> String {
        let sep = tr!(Lang::En, "common-list-separator");
        answers
            .iter()
            .filter(|(_, role, round)| pick(*role, *round))
            .filter_map(|(c, _, _)| input.headers.get(c).map(|h| h.cell.clone()))
            .collect::<Vec<_>>()
            .join(&sep)
    };
    let all = cells(&|_, _| true);
    let mut why = vec![both(|lang| match input.official {
        Some(_) => tr!(
            lang,
            "checklist-import-rules-intro-official",
            file = input.file,
            edition = input.edition
        ),
        None => tr!(
            lang,
            "checklist-import-rules-intro-other",
            file = input.file
        ),
    })];
    let none_found = |key: &'static str| {
        both(|lang| tr!(lang, "checklist-import-rules-no-answer-columns", key = key))
    };

    let checked_on = if answers.is_empty() {
        why.push(none_found("checked_on"));
        "unknown"
    } else if answers.iter().any(|a| a.1 == Role::CheckedOn) {
        let at = cells(&|role, _| role == Role::CheckedOn);
        why.push(both(|lang| {
            tr!(
                lang,
                "checklist-import-rules-checked-on-column",
                cells = at.as_str()
            )
        }));
        "required"
    } else {
        why.push(both(|lang| {
            tr!(
                lang,
                "checklist-import-rules-checked-on-none",
                cells = all.as_str()
            )
        }));
        "not-on-form"
    };

    let targets: Vec<&Header> = answers
        .iter()
        .filter(|a| a.1 == Role::TargetDate)
        .filter_map(|(c, _, _)| input.headers.get(c))
        .collect();
    let names_year = targets
        .iter()
        .find(|h| super::output::reiwa_year(&h.text) == Some(input.fiscal_year));
    // A note read only where no header names the window: what the note says, or that it
    // could not be read.
    let target_note = input.target_note.filter(|_| names_year.is_none()).cloned();
    let note_says = |why: &mut Vec<(String, String)>| {
        if let Some(n) = &target_note {
            let (cell, note) = (n.cell.as_str(), n.text.as_str());
            why.push(both(|lang| {
                if n.window.is_some() {
                    tr!(
                        lang,
                        "checklist-import-rules-target-note",
                        cell = cell,
                        note = note
                    )
                } else {
                    tr!(
                        lang,
                        "checklist-import-rules-target-note-unread",
                        cell = cell,
                        note = note
                    )
                }
            }));
        }
    };
    let target_date = match (names_year, targets.is_empty()) {
        (None, _) if target_note.as_ref().is_some_and(|n| n.window.is_some()) => {
            note_says(&mut why);
            "fiscal-year"
        }
        (Some(h), _) => {
            why.push(both(|lang| {
                tr!(
                    lang,
                    "checklist-import-rules-target-window",
                    cell = h.cell.as_str(),
                    header = h.text.as_str()
                )
            }));
            "fiscal-year"
        }
        (None, false) => {
            let at = cells(&|role, _| role == Role::TargetDate);
            why.push(both(|lang| {
                tr!(
                    lang,
                    "checklist-import-rules-target-column",
                    cells = at.as_str()
                )
            }));
            note_says(&mut why);
            "unknown"
        }
        (None, true) => {
            why.push(both(|lang| tr!(lang, "checklist-import-rules-target-none")));
            note_says(&mut why);
            "unknown"
        }
    };

    let round_2 = if answers.is_empty() {
        why.push(none_found("round_2"));
        "unknown"
    } else if answers.iter().any(|a| a.2 == 2) {
        let at = cells(&|_, round| round == 2);
        why.push(both(|lang| {
            tr!(
                lang,
                "checklist-import-rules-round-2-column",
                cells = at.as_str()
            )
        }));
        "on-form"
    } else {
        why.push(both(|lang| {
            tr!(
                lang,
                "checklist-import-rules-round-2-none",
                cells = all.as_str()
            )
        }));
        "not-on-form"
    };
    let gate = match input.gate {
        GateFound::Detected { cell } => {
            why.push(both(|lang| {
                tr!(
                    lang,
                    "checklist-import-rules-gate-detected",
                    cell = cell.as_str()
                )
            }));
            "on-form"
        }
        GateFound::Instructed { cell } => {
            why.push(both(|lang| {
                tr!(
                    lang,
                    "checklist-import-rules-gate-instructed",
                    cell = cell.as_str()
                )
            }));
            "on-form"
        }
        GateFound::Mapped { cell, value } => {
            why.push(both(|lang| {
                tr!(
                    lang,
                    "checklist-import-rules-gate-mapped",
                    cell = cell.as_str(),
                    value = value.as_str()
                )
            }));
            "on-form"
        }
        GateFound::StatedNone => {
            why.push(both(|lang| tr!(lang, "checklist-import-rules-gate-none")));
            "not-on-form"
        }
        // The gate is a question of the institutions' form (【医療機関確認用】, facts §1.1), as
        // the bundled vendor forms say (docs/checklist-format.md).
        GateFound::NotFound if input.form == crate::checklist::Form::Vendor => {
            why.push(both(|lang| tr!(lang, "checklist-import-rules-gate-vendor")));
            "not-on-form"
        }
        GateFound::NotFound => {
            why.push(both(|lang| tr!(lang, "checklist-import-rules-gate")));
            "unknown"
        }
    };
    why.push(both(|lang| {
        tr!(lang, "checklist-import-rules-reference-only")
    }));
    Inferred {
        checked_on,
        target_date,
        round_2,
        gate,
        why,
        target_note,
    }
}

/// The block as TOML, with its comment; `source` is the workbook's source entry.
pub(super) fn block(inferred: &Inferred, source: &str) -> String {
    use std::fmt::Write as _;
    let mut s = String::from("\n");
    for (ja, en) in &inferred.why {
        for line in [ja, en] {
            let _ = writeln!(s, "# {}", one_line(line));
        }
    }
    let _ = writeln!(s, "[rules]");
    let _ = writeln!(s, "checked_on = \"{}\"", inferred.checked_on);
    let _ = writeln!(s, "target_date = \"{}\"", inferred.target_date);
    let _ = writeln!(s, "round_2 = \"{}\"", inferred.round_2);
    // `unknown` when no gate was found: an item marked by hand still switches items off.
    let _ = writeln!(s, "gate = \"{}\"", inferred.gate);
    let _ = writeln!(s, "gate_switches_off = \"all-other-items\"");
    let _ = writeln!(s, "reference_only = []");
    let _ = writeln!(s, "sources = [{}]", crate::answers::template::quote(source));
    s
}

/// Header texts come from cells: a comment line must stay one line, with no controls.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(columns: &[(usize, ColumnKind)]) -> RecordedLayout {
        RecordedLayout {
            sheet: "S".into(),
            header_start: 2,
            data_start: 4,
            columns: columns.iter().copied().collect(),
        }
    }

    fn headers(cols: &[(usize, &str)]) -> BTreeMap<usize, Header> {
        cols.iter()
            .map(|&(c, t)| {
                (
                    c,
                    Header {
                        cell: format!("S!{}4", super::super::grid::column_name(c)),
                        text: t.into(),
                    },
                )
            })
            .collect()
    }

    fn run(l: &RecordedLayout, h: &BTreeMap<usize, Header>) -> Inferred {
        infer(&Input {
            layout: l,
            headers: h,
            official: None,
            file: "own.xlsx",
            edition: "fy2026",
            fiscal_year: 2026,
            gate: &GateFound::NotFound,
            form: crate::checklist::Form::Institution,
            target_note: None,
        })
    }

    #[test]
    fn two_rounds_with_check_dates_and_a_target_window_in_the_header() {
        let l = layout(&[
            (0, ColumnKind::Text),
            (1, ColumnKind::Answer(Role::Yes, 1)),
            (2, ColumnKind::Answer(Role::CheckedOn, 1)),
            (3, ColumnKind::Answer(Role::TargetDate, 1)),
            (4, ColumnKind::Answer(Role::Yes, 2)),
        ]);
        let h = headers(&[
            (1, "1回目 はい"),
            (2, "1回目 確認日"),
            (3, "目標日（令和８年度中）"),
            (4, "2回目 はい"),
        ]);
        let r = run(&l, &h);
        assert_eq!(
            (r.checked_on, r.target_date, r.round_2),
            ("required", "fiscal-year", "on-form")
        );
        let en: Vec<&str> = r.why.iter().map(|(_, en)| en.as_str()).collect();
        assert!(en.iter().any(|l| l.contains("S!C4")), "{en:?}");
        assert!(en.iter().any(|l| l.contains("S!D4")), "{en:?}");
        assert!(en.iter().any(|l| l.contains("S!E4")), "{en:?}");
    }

    #[test]
    fn one_round_without_dates_and_no_answer_columns() {
        let l = layout(&[
            (0, ColumnKind::Text),
            (1, ColumnKind::Answer(Role::Answer, 1)),
            (2, ColumnKind::Answer(Role::TargetDate, 1)),
        ]);
        let h = headers(&[(1, "はい・いいえ"), (2, "目標日")]);
        let r = run(&l, &h);
        assert_eq!(
            (r.checked_on, r.target_date, r.round_2),
            ("not-on-form", "unknown", "not-on-form")
        );
        // Another year in the header is not this edition's window.
        let h = headers(&[(1, "はい・いいえ"), (2, "目標日(令和7年度中)")]);
        assert_eq!(run(&l, &h).target_date, "unknown");
        let l = layout(&[(0, ColumnKind::Text)]);
        let r = run(&l, &BTreeMap::new());
        assert_eq!(
            (r.checked_on, r.target_date, r.round_2),
            ("unknown", "unknown", "unknown")
        );
    }

    #[test]
    fn the_block_is_one_comment_line_per_reason_and_language() {
        let l = layout(&[(0, ColumnKind::Text), (1, ColumnKind::Answer(Role::Yes, 1))]);
        let h = headers(&[(1, "は\nい")]);
        let r = run(&l, &h);
        let b = block(&r, "workbook:own.xlsx#sha256=00");
        let comments = b.lines().filter(|l| l.starts_with("# ")).count();
        assert_eq!(comments, r.why.len() * 2, "{b}");
        assert!(
            b.contains("\n[rules]\nchecked_on = \"not-on-form\"\n"),
            "{b}"
        );
        assert!(
            b.contains("sources = [\"workbook:own.xlsx#sha256=00\"]"),
            "{b}"
        );
    }
}
