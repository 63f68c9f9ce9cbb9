//! The interactive walk-through: item by item, a plain line-based dialogue that works in any
//! terminal (and in a pseudo-terminal under test). Every step of an answer (the answer, its
//! 確認日, 目標日, reason, note, evidence) is saved as soon as it is given with `store::save`
//! (atomic), so Ctrl-C or a killed session loses nothing typed before the prompt it stopped
//! at; a new session starts at the first item whose answer is not complete.
//!
//! Before the items, the institution's details (or on a vendor form the vendor's) that are
//! still empty are asked for, one by one (Enter skips one), each saved at once the same way;
//! on an institution or pharmacy form, so is whether there is a vendor contract.
//!
//! In every prompt, `q` alone quits and `b` alone goes back one step (from an item's first
//! detail, back to its answer, putting the file back as it was before that answer).
//!
//! This module talks only through the reader and writer it is given, but for the sentence a
//! stop (Ctrl-C, SIGTERM, SIGHUP) says: the commands that walk arm it with
//! [`arm_stop_sentence`].

use super::messages;
use super::model::*;
// The edition's fill-in rules, read as `status` reads them.
use super::rules::{asks_checked_on, is_reference_only, needs_target_date, target_bounds};
use super::store::{self, FieldUpdate, FieldValue, Update};
use super::{AnswersError, Loaded};
use crate::checklist::{
    Checklist, Form, InstitutionKind, Item, Lang, NotApplicableRule, TargetWindow,
};
use crate::dates::{fiscal_year_bounds, fiscal_year_for_people, fiscal_year_of};
use crate::diagnostic::Severity;
// Item text, notes and file names come from files: controls are shown, never sent as they are.
use crate::render::text::escape_controls as esc;
use jiff::civil::Date;
use std::io::{BufRead, Write};

/// How a walk ended.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Answers saved in this session.
    pub saved: usize,
    /// Details of the institution or vendor (name, kind, code…) saved in this session.
    pub fields_saved: usize,
    /// The user quit before the end.
    pub quit: bool,
    /// The input ended (Ctrl-D at a prompt, or a closed terminal) before the end.
    pub input_ended: bool,
    /// The file as it is now.
    pub loaded: Loaded,
}

/// Why a walk stopped early.
#[derive(Debug)]
pub enum WalkError {
    Answers(AnswersError),
    /// Reading from or writing to the terminal failed.
    Io(std::io::Error),
    /// The round asked for is not on the form (`[rules] round_2 = "not-on-form"`).
    RoundNotOnForm {
        checklist: String,
        round: u8,
    },
}

impl WalkError {
    /// The message for people in `lang`.
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            WalkError::Answers(e) => e.message(lang),
            WalkError::Io(e) => crate::tr!(
                lang,
                "answers-walk-terminal",
                reason = crate::i18n::io_error(lang, e)
            ),
            WalkError::RoundNotOnForm { checklist, round } => {
                let round: u8 = *round;
                crate::tr!(
                    lang,
                    "walk-round-not-on-form",
                    checklist = checklist.as_str(),
                    round = round
                )
            }
        }
    }
}

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for WalkError {}

impl From<AnswersError> for WalkError {
    fn from(e: AnswersError) -> Self {
        WalkError::Answers(e)
    }
}

impl From<std::io::Error> for WalkError {
    fn from(e: std::io::Error) -> Self {
        WalkError::Io(e)
    }
}

/// What the user typed at the answer prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    Answer(Response),
    Skip,
    Back,
    Jump(String),
    Progress,
    Help,
    Quit,
    Unknown(String),
}

/// Whether `line` asks to change the answer given (変更, change), as offered after the
/// gate's いいえ.
fn is_change(line: &str) -> bool {
    matches!(line.trim().to_lowercase().as_str(), "変更" | "change")
}

fn command(input: &str) -> Command {
    let t = input.trim();
    // A Japanese input method left in full-width mode types ｑ and ｂ.
    match narrow(t).to_ascii_lowercase().as_str() {
        "" | "s" | "skip" => return Command::Skip,
        "b" | "back" => return Command::Back,
        "p" | "progress" => return Command::Progress,
        "?" | "h" | "help" => return Command::Help,
        "q" | "quit" | "exit" => return Command::Quit,
        _ => {}
    }
    let n = narrow(t);
    if let Some(rest) = n.strip_prefix("j ").or_else(|| n.strip_prefix("jump ")) {
        return Command::Jump(rest.trim().to_owned());
    }
    // As the help writes it, without a space: `j2-⑥`, `j11`, `j(3)`, `j①` (a number starts
    // right after the j; `jx` is no jump).
    let glued = n
        .strip_prefix("jump")
        .or_else(|| n.strip_prefix('j'))
        .or_else(|| n.strip_prefix('J'))
        .filter(|rest| {
            rest.chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '(' || !c.is_ascii())
        });
    if let Some(rest) = glued {
        return Command::Jump(rest.trim().to_owned());
    }
    match Response::parse(t) {
        Some(r) => Command::Answer(r),
        None => Command::Unknown(t.to_owned()),
    }
}

/// A line typed at a sub-prompt: a value, or `b`/`q` (alone) to go back or quit.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Value(String),
    Back,
    Quit,
}

fn step(line: Option<String>) -> Step {
    let Some(line) = line else {
        return Step::Quit;
    };
    match narrow(line.trim()).to_ascii_lowercase().as_str() {
        "q" | "quit" => Step::Quit,
        "b" | "back" => Step::Back,
        _ => Step::Value(line),
    }
}

/// How an item's details ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Done,
    Back,
    Quit,
}

/// The details asked after an answer, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    CheckedOn,
    TargetDate,
    Reason,
    Note,
    Evidence,
}

struct Session<'a, R, W> {
    input: R,
    out: W,
    checklist: &'a Checklist,
    loaded: Loaded,
    round: u8,
    lang: Lang,
    today: Date,
    /// Only the items still open are asked (`check`): after one, the next open one, never the
    /// answered items between.
    open_only: bool,
    /// The items answered in this session (an item answered twice counts once).
    saved: std::collections::BTreeSet<String>,
    /// The details fields saved in this session (a field entered twice counts once).
    fields_saved: std::collections::BTreeSet<(&'static str, &'static str)>,
    /// The input ended at a prompt.
    input_ended: bool,
}

/// Walk through `loaded`'s items in `round`, reading from `input` and writing to `out`.
pub fn run<R: BufRead, W: Write>(
    loaded: Loaded,
    checklist: &Checklist,
    round: u8,
    lang: Lang,
    today: Date,
    input: R,
    out: W,
) -> Result<Summary, WalkError> {
    run_with(loaded, checklist, round, lang, today, false, input, out)
}

/// While the returned guard lives, a stop at a question ends the run with the one sentence
/// `answer` and `check` both say: what was entered is saved in `file`, and `resume` goes on.
#[must_use = "the sentence is said only while the guard lives"]
pub fn arm_stop_sentence(
    lang: Lang,
    file: &std::path::Path,
    resume: &str,
) -> crate::interrupt::TakeBack {
    let path = crate::render::command_word(&file.display().to_string());
    crate::interrupt::TakeBack::arm(
        &[],
        None,
        &crate::tr!(
            lang,
            "walk-stopped-interrupt",
            path = path.as_str(),
            command = resume
        ),
    )
}

/// [`run`] asking only the items still open (unanswered, without 確認日, or いいえ without
/// 目標日), one after the other, as `check` promises (未回答の項目を1問ずつ質問します).
pub fn run_open_items<R: BufRead, W: Write>(
    loaded: Loaded,
    checklist: &Checklist,
    round: u8,
    lang: Lang,
    today: Date,
    input: R,
    out: W,
) -> Result<Summary, WalkError> {
    run_with(loaded, checklist, round, lang, today, true, input, out)
}

#[allow(clippy::too_many_arguments)]
fn run_with<R: BufRead, W: Write>(
    loaded: Loaded,
    checklist: &Checklist,
    round: u8,
    lang: Lang,
    today: Date,
    open_only: bool,
    input: R,
    out: W,
) -> Result<Summary, WalkError> {
    if !super::rules::round_on_form(checklist, round) {
        return Err(WalkError::RoundNotOnForm {
            checklist: checklist.full_id(),
            round,
        });
    }
    let mut s = Session {
        input,
        out,
        checklist,
        loaded,
        round,
        lang,
        today,
        open_only,
        saved: std::collections::BTreeSet::new(),
        fields_saved: std::collections::BTreeSet::new(),
        input_ended: false,
    };
    let quit = s.walk()?;
    Ok(Summary {
        saved: s.saved.len(),
        fields_saved: s.fields_saved.len(),
        quit,
        input_ended: s.input_ended,
        loaded: s.loaded,
    })
}

impl<R: BufRead, W: Write> Session<'_, R, W> {
    fn say(&mut self, text: &str) -> std::io::Result<()> {
        self.out.write_all(text.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }

    /// A line from the user; `None` at end of input.
    fn ask(&mut self, prompt: &str) -> std::io::Result<Option<String>> {
        self.out.write_all(prompt.as_bytes())?;
        self.out.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            // Ctrl-D leaves the cursor after the prompt: what is said next starts a line.
            self.input_ended = true;
            self.out.write_all(b"\n")?;
            self.out.flush()?;
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
    }

    fn answer_of(&self, item: &Item) -> Option<&Answer> {
        self.loaded.set.answer(&item.id, self.round)
    }

    /// Whether `item` has a confirmed answer with what the walk-through asks for it: a 確認日
    /// where the form has one, and for いいえ a 目標日 (a session stopped midway leaves one
    /// without).
    fn done(&self, item: &Item) -> bool {
        self.answer_of(item).is_some_and(|a| {
            a.is_confirmed()
                && (a.checked_on.is_some() || !asks_checked_on(self.checklist))
                && (a
                    .response
                    .is_none_or(|r| !needs_target_date(item, r) || a.target_date.is_some()))
        })
    }

    /// Whether 対象外 may be chosen for `item` now: the checklist allows it and one of its
    /// conditions holds in the file (a vendor form cannot state the institution's conditions;
    /// its reason must, as the rules say).
    fn not_applicable_holds(&self, item: &Item) -> Vec<NotApplicableRule> {
        item.not_applicable_when
            .iter()
            .copied()
            .filter(|rule| {
                self.checklist.form == Form::Vendor
                    || match rule {
                        NotApplicableRule::NoMedicalInformationSystem => self.gate_closed(),
                        NotApplicableRule::NoVendorContract => {
                            self.loaded.set.vendors.as_ref().and_then(|v| v.contract) == Some(false)
                        }
                    }
            })
            .collect()
    }

    fn gate_closed(&self) -> bool {
        super::rules::gate_says_none(&self.loaded.set, self.checklist)
    }

    fn progress_line(&self) -> String {
        let total = self.checklist.items.len();
        let done = self.checklist.items.iter().filter(|i| self.done(i)).count();
        crate::tr!(
            self.lang,
            "answers-walk-progress",
            round = self.round,
            done = done,
            total = total
        )
    }

    fn help(&mut self) -> std::io::Result<()> {
        let text = crate::tr!(self.lang, "answers-walk-help");
        self.say(&text)?;
        let text = crate::tr!(self.lang, "answers-field-walk-help-steps");
        self.say(&text)
    }

    /// The whole walk; `true` when the user quit.
    fn walk(&mut self) -> Result<bool, WalkError> {
        let items = self.checklist.items.clone();
        let title = format!(
            "{} — {}{}",
            esc(&self.loaded.file_name()),
            esc(self.checklist.title.get(self.lang)),
            self.lang.aside(&esc(&self.checklist.full_id()))
        );
        self.say(&title)?;
        if self.header()? {
            return Ok(true);
        }
        let p = self.progress_line();
        self.say(&p)?;
        self.help()?;
        if !asks_checked_on(self.checklist) {
            let msg = crate::tr!(self.lang, "walk-checked-on-not-on-form");
            self.say(&msg)?;
        }
        let mut i = items.iter().position(|it| !self.done(it)).unwrap_or(0);
        if items.iter().all(|it| self.done(it)) {
            let msg = crate::tr!(self.lang, "answers-walk-all-answered");
            self.say(&msg)?;
        }
        while let Some(item) = items.get(i).cloned() {
            if self.round == 1 && self.gate_closed() && !item.gate {
                let msg = crate::tr!(self.lang, "answers-walk-gate-closed");
                self.say(&msg)?;
                // A mistyped いいえ would end every later run here too: offer to change it.
                let Some(gate) = items.iter().position(|it| it.gate) else {
                    break;
                };
                let msg = crate::tr!(self.lang, "answers-walk-gate-change");
                self.say(&msg)?;
                let Some(line) = self.ask("> ")? else {
                    break;
                };
                if matches!(command(&line), Command::Back) || is_change(&line) {
                    i = gate;
                    continue;
                }
                break;
            }
            self.show(&item, i, items.len())?;
            loop {
                let Some(line) = self.ask("> ")? else {
                    return Ok(true);
                };
                match command(&line) {
                    Command::Quit => return Ok(true),
                    Command::Skip => {
                        i = self.next_index(&items, i + 1);
                        break;
                    }
                    Command::Back => {
                        i = i.saturating_sub(1);
                        break;
                    }
                    Command::Progress => {
                        let p = self.progress_line();
                        self.say(&p)?;
                    }
                    Command::Help => self.help()?,
                    Command::Jump(to) => {
                        let found: Vec<(usize, &Item)> = items
                            .iter()
                            .enumerate()
                            .filter(|(_, it)| names_item(it, &to))
                            .collect();
                        match found.as_slice() {
                            [(j, _)] => {
                                i = *j;
                                break;
                            }
                            [] => {
                                let msg = crate::tr!(
                                    self.lang,
                                    "answers-walk-no-such-item",
                                    item = esc(&to).into_owned()
                                );
                                self.say(&msg)?;
                            }
                            // One number on several rows (2-④ サーバ / 端末PC): each named, to
                            // be typed with its scope.
                            [(_, first), ..] => {
                                let names: Vec<String> = found
                                    .iter()
                                    .map(|(_, it)| esc(&it.label(self.lang)).into_owned())
                                    .collect();
                                let example = match first.scope.first() {
                                    Some(scope) => {
                                        format!("j {} {}", first.number, scope.label(self.lang))
                                    }
                                    None => format!("j {}", first.id),
                                };
                                let msg = crate::tr!(
                                    self.lang,
                                    "answers-walk-several-items",
                                    item = esc(&to).into_owned(),
                                    items = crate::i18n::join(self.lang, &names),
                                    example = example
                                );
                                self.say(&msg)?;
                            }
                        }
                    }
                    Command::Unknown(t) => {
                        let msg = crate::tr!(
                            self.lang,
                            "answers-walk-not-understood",
                            input = esc(&t).into_owned()
                        );
                        self.say(&msg)?;
                    }
                    Command::Answer(r) => {
                        if r == Response::NotApplicable && item.not_applicable_when.is_empty() {
                            let msg =
                                crate::tr!(self.lang, "answers-walk-not-applicable-not-allowed");
                            self.say(&msg)?;
                            continue;
                        }
                        if r == Response::NotApplicable
                            && self.not_applicable_holds(&item).is_empty()
                        {
                            let msg = crate::tr!(
                                self.lang,
                                "answers-field-walk-not-applicable-unmet",
                                when = self.rules_text(&item.not_applicable_when)
                            );
                            self.say(&msg)?;
                            continue;
                        }
                        match self.details(&item, r)? {
                            Flow::Quit => return Ok(true),
                            Flow::Back => self.show(&item, i, items.len())?,
                            Flow::Done => {
                                let msg = crate::tr!(self.lang, "answers-walk-saved");
                                self.say(&msg)?;
                                i = self.next_index(&items, i + 1);
                                break;
                            }
                        }
                    }
                }
            }
        }
        let p = self.progress_line();
        self.say(&p)?;
        Ok(false)
    }

    /// The item to ask after the one before `from`: the next one, or with `open_only` the next
    /// one still open (past the end when none is).
    fn next_index(&self, items: &[Item], from: usize) -> usize {
        if !self.open_only {
            return from;
        }
        items
            .iter()
            .skip(from)
            .position(|it| !self.done(it))
            .map_or(items.len(), |k| from + k)
    }

    fn show(&mut self, item: &Item, i: usize, n: usize) -> std::io::Result<()> {
        let lang = self.lang;
        let mut text = format!(
            "\n[{}/{n}] {} {}",
            i + 1,
            esc(&item.number),
            esc(item.text.get(lang))
        );
        let scope = item.scope_label(lang);
        if !scope.is_empty() {
            text.push_str(&format!(" [{scope}]"));
        }
        if is_reference_only(self.checklist, item) {
            text.push_str("\n  ");
            text.push_str(&crate::tr!(
                lang,
                "walk-reference-only",
                requirement = item.requirement.label(lang)
            ));
        }
        // The checklist's own note, written by its maintainers in plain form (「…控えておく。」):
        // shown as quoted from the checklist, apart from medsec's own sentences.
        let guidance = item.guidance.get(lang).trim();
        if !guidance.is_empty() {
            // On an English screen, the answers the note names in English too.
            let note = if lang == Lang::En {
                answers_named_in_english(guidance)
            } else {
                guidance.to_owned()
            };
            text.push_str("\n  ");
            text.push_str(&crate::tr!(
                lang,
                "walk-guidance-note",
                note = esc(&note).into_owned()
            ));
        }
        // 対象外 is offered only where one of its conditions holds (see `not_applicable_holds`).
        let holds = self.not_applicable_holds(item);
        if !holds.is_empty() {
            let when = self.rules_text(&holds);
            text.push_str("\n  ");
            text.push_str(&crate::tr!(
                lang,
                "answers-walk-may-be-not-applicable",
                when = when
            ));
        }
        if let Some(a) = self.answer_of(item).cloned() {
            if let Some(r) = a.response {
                let date = a.checked_on.map(|d| self.date(d)).unwrap_or_default();
                let carried = a
                    .carried_from
                    .as_deref()
                    .map(|e| esc(&super::messages::edition_for_people(e, lang)).into_owned());
                let state = match carried {
                    Some(from) => crate::tr!(
                        lang,
                        "answers-walk-carried",
                        from = from,
                        answer = r.label(lang)
                    ),
                    None => crate::tr!(
                        lang,
                        "answers-walk-current",
                        answer = r.label(lang),
                        date = date
                    ),
                };
                text.push_str("\n  ");
                text.push_str(state.trim_end());
            }
        }
        self.say(&text)
    }

    /// Conditions for 対象外, listed for people.
    fn rules_text(&self, rules: &[NotApplicableRule]) -> String {
        let when: Vec<&str> = rules.iter().map(|r| r.label(self.lang)).collect();
        when.join(&crate::tr!(self.lang, "answers-or-separator"))
    }

    /// A prompt: the catalog's text and a space to type after.
    fn prompt(&self, text: String) -> String {
        format!("{} ", text.trim_end())
    }

    fn date(&self, d: Date) -> String {
        messages::date(d, self.lang)
    }

    /// The header fields still empty: the institution's, or on a vendor form the vendor's and
    /// the name of the institution the form is for; on an institution or pharmacy form,
    /// whether there is a vendor contract (status needs it: `vendor-contract-unspecified`).
    fn missing_header_fields(&self) -> Vec<HeaderField> {
        let empty = Institution::default();
        let inst = self.loaded.set.institution.as_ref().unwrap_or(&empty);
        if self.checklist.form == Form::Vendor {
            let empty = Vendor::default();
            let v = self.loaded.set.vendor.as_ref().unwrap_or(&empty);
            let mut out: Vec<HeaderField> = VendorField::ALL
                .into_iter()
                .filter(|f| f.text(v).is_none())
                .map(HeaderField::Vendor)
                .collect();
            if inst.name.is_none() {
                out.push(HeaderField::ForInstitution);
            }
            out
        } else {
            let mut out: Vec<HeaderField> = InstitutionField::ALL
                .into_iter()
                .filter(|f| !f.is_set(inst))
                .map(HeaderField::Institution)
                .collect();
            if self
                .loaded
                .set
                .vendors
                .as_ref()
                .and_then(|v| v.contract)
                .is_none()
            {
                out.push(HeaderField::VendorContract);
            }
            out
        }
    }

    /// Ask for the empty header fields, saving each; `true` when the user quit. `b` goes back
    /// to the field before.
    fn header(&mut self) -> Result<bool, WalkError> {
        let missing = self.missing_header_fields();
        if missing.is_empty() {
            return Ok(false);
        }
        if missing.iter().any(|f| *f != HeaderField::VendorContract) {
            let intro = if self.checklist.form == Form::Vendor {
                crate::tr!(self.lang, "answers-walk-header-vendor")
            } else {
                crate::tr!(self.lang, "answers-walk-header-institution")
            };
            self.say(&intro)?;
        }
        let mut k = 0;
        'fields: while let Some(&field) = missing.get(k) {
            // A midwifery home chosen above has no 医療機関コード.
            if field == HeaderField::Institution(InstitutionField::Code) {
                let kind = self.loaded.set.institution.as_ref().and_then(|i| i.kind);
                if !InstitutionField::Code.required_for(kind) {
                    k += 1;
                    continue;
                }
            }
            loop {
                let prompt = format!("{}: ", field.prompt(self.checklist, self.lang));
                let line = match step(self.ask(&prompt)?) {
                    Step::Quit => return Ok(true),
                    Step::Back => {
                        k = k.saturating_sub(1);
                        continue 'fields;
                    }
                    Step::Value(line) => line,
                };
                let text = line.trim();
                if text.is_empty() {
                    break;
                }
                let value = match field {
                    HeaderField::Institution(InstitutionField::Kind) => {
                        match parse_kind(text, self.checklist) {
                            Some(k) => FieldValue::Text(k.as_str().to_owned()),
                            None => {
                                let msg = crate::tr!(self.lang, "answers-walk-choose-from-list");
                                self.say(&msg)?;
                                continue;
                            }
                        }
                    }
                    HeaderField::VendorContract => match Response::parse(text) {
                        Some(Response::Yes) => FieldValue::Bool(true),
                        Some(Response::No) => FieldValue::Bool(false),
                        _ => {
                            let msg = crate::tr!(self.lang, "answers-field-walk-yes-or-no");
                            self.say(&msg)?;
                            continue;
                        }
                    },
                    HeaderField::Institution(InstitutionField::Code) => {
                        let code = super::code::normalise(text);
                        let kind = self.loaded.set.institution.as_ref().and_then(|i| i.kind);
                        let problems = super::rules::code_messages(&code, kind);
                        let mut refused = false;
                        for p in &problems {
                            let message = p.text(self.lang);
                            let msg = match p.severity() {
                                Severity::Error => {
                                    refused = true;
                                    crate::tr!(
                                        self.lang,
                                        "answers-walk-code-error",
                                        message = message
                                    )
                                }
                                Severity::Warning => crate::tr!(
                                    self.lang,
                                    "answers-walk-code-warning",
                                    message = message
                                ),
                            };
                            self.say(&msg)?;
                        }
                        if refused {
                            continue;
                        }
                        FieldValue::Text(code)
                    }
                    _ => FieldValue::Text(text.to_owned()),
                };
                let (table, key) = field.place();
                let update = FieldUpdate { table, key, value };
                self.loaded = store::save_fields(&self.loaded, &[update])?;
                self.fields_saved.insert((table, key));
                let msg = crate::tr!(self.lang, "answers-walk-saved");
                self.say(&msg)?;
                break;
            }
            k += 1;
        }
        Ok(false)
    }

    /// Save `a` as it is now: every step of an answer is kept as soon as it is given.
    fn keep(&mut self, a: &Answer) -> Result<(), WalkError> {
        self.loaded = store::save(&self.loaded, &[Update::confirm(a)])?;
        self.saved.insert(a.item.clone());
        Ok(())
    }

    /// Put the file back as it was before this answer (`b` back to the answer prompt undoes
    /// it), byte for byte.
    fn restore(&mut self, item: &Item, before: &Loaded, counted: bool) -> Result<(), WalkError> {
        self.loaded = store::put_back(&self.loaded, &before.source)?;
        if !counted {
            self.saved.remove(&item.id);
        }
        Ok(())
    }

    /// Date checked, target date, reason, note and evidence for response `r`, each saved as
    /// it is given. `b` goes back one step (from the first, to the item's answer), `q` quits.
    fn details(&mut self, item: &Item, r: Response) -> Result<Flow, WalkError> {
        let old = self.answer_of(item).cloned();
        let mut a = old
            .clone()
            .unwrap_or_else(|| Answer::empty(&item.id, self.round));
        a.response = Some(r);
        a.carried_from = None;
        a.review = None;
        // いいえ to the gate question needs no target date (see rules).
        let needs_target = needs_target_date(item, r);
        if !needs_target {
            a.target_date = None;
        }
        if r != Response::NotApplicable {
            a.reason = None;
        }
        let counted = self.saved.contains(&item.id);
        let before = self.loaded.clone();
        self.keep(&a)?;
        let steps: Vec<Detail> = [
            asks_checked_on(self.checklist).then_some(Detail::CheckedOn),
            needs_target.then_some(Detail::TargetDate),
            (r == Response::NotApplicable).then_some(Detail::Reason),
            Some(Detail::Note),
            Some(Detail::Evidence),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut k = 0;
        while let Some(&detail) = steps.get(k) {
            match self.detail(item, detail, &mut a)? {
                Flow::Done => {
                    self.keep(&a)?;
                    k += 1;
                }
                Flow::Back if k == 0 => {
                    self.restore(item, &before, counted)?;
                    return Ok(Flow::Back);
                }
                Flow::Back => k -= 1,
                Flow::Quit => return Ok(Flow::Quit),
            }
        }
        Ok(Flow::Done)
    }

    /// One detail of an answer, asked until it is given (or `b`/`q`).
    fn detail(&mut self, item: &Item, detail: Detail, a: &mut Answer) -> Result<Flow, WalkError> {
        let fy = self.checklist.fiscal_year;
        let (start, end) = fiscal_year_bounds(fy);
        let window = target_bounds(self.checklist, item);
        let today = self.today;
        loop {
            let prompt = match detail {
                Detail::CheckedOn => crate::tr!(
                    self.lang,
                    "answers-walk-checked-on",
                    today = self.date(today)
                ),
                Detail::TargetDate => crate::tr!(
                    self.lang,
                    "answers-walk-target-date",
                    start = self.date(window.start),
                    end = self.date(window.end)
                ),
                Detail::Reason => crate::tr!(
                    self.lang,
                    "answers-walk-reason",
                    default = self.default_reason(item)
                ),
                Detail::Note => match &a.note {
                    Some(n) => crate::tr!(
                        self.lang,
                        "answers-walk-note-old",
                        note = esc(n).into_owned()
                    ),
                    None => crate::tr!(self.lang, "answers-walk-note"),
                },
                Detail::Evidence => crate::tr!(
                    self.lang,
                    "answers-walk-evidence",
                    evidence = esc(&a.evidence.join(", ")).into_owned()
                ),
            };
            let prompt = self.prompt(prompt);
            let line = match step(self.ask(&prompt)?) {
                Step::Quit => return Ok(Flow::Quit),
                Step::Back => return Ok(Flow::Back),
                Step::Value(line) => line,
            };
            let text = line.trim();
            match detail {
                Detail::CheckedOn => {
                    let d = if text.is_empty() {
                        if fiscal_year_of(today) != fy {
                            let msg = crate::tr!(
                                self.lang,
                                "answers-field-walk-today-outside",
                                date = self.date(today),
                                fiscal_year = fiscal_year_for_people(fy, self.lang),
                                start = self.date(start),
                                end = self.date(end)
                            );
                            self.say(&msg)?;
                        }
                        today
                    } else {
                        match super::parse_date(text) {
                            Ok(d) => d,
                            Err(e) => {
                                let msg = e.localize_for(self.lang, fy);
                                self.say(&msg)?;
                                continue;
                            }
                        }
                    };
                    if d > today {
                        let msg = crate::tr!(self.lang, "answers-walk-no-future-date");
                        self.say(&msg)?;
                        continue;
                    }
                    // A typed date outside the form's fiscal year gets the same 注意 as the
                    // default (kept: status says `checked-before-fiscal-year` where it matters).
                    if !text.is_empty() && fiscal_year_of(d) != fy {
                        let msg = crate::tr!(
                            self.lang,
                            "answers-walk-checked-on-outside",
                            date = self.date(d),
                            fiscal_year = fiscal_year_for_people(fy, self.lang),
                            start = self.date(start),
                            end = self.date(end)
                        );
                        self.say(&msg)?;
                    }
                    a.checked_on = Some(d);
                }
                Detail::TargetDate => match super::parse_date(text) {
                    Ok(d) if window.contains(d) => {
                        // Kept with the warning status gives (`target-before-checked-on`).
                        if let Some(checked_on) = a.checked_on.filter(|c| d < *c) {
                            let msg = crate::tr!(
                                self.lang,
                                "answers-walk-target-before-checked-on",
                                date = self.date(d),
                                checked_on = self.date(checked_on)
                            );
                            self.say(&msg)?;
                        }
                        a.target_date = Some(d);
                    }
                    // The edition's window is not confirmed: kept, with the warning status
                    // gives (`target-date-window-unconfirmed`).
                    Ok(d) if window.window == TargetWindow::Unknown => {
                        let msg = crate::tr!(
                            self.lang,
                            "walk-target-window-unconfirmed",
                            date = self.date(d),
                            start = self.date(window.start),
                            end = self.date(window.end)
                        );
                        self.say(&msg)?;
                        a.target_date = Some(d);
                    }
                    Ok(_) if window.window == TargetWindow::NextFiscalYear => {
                        let msg = crate::tr!(
                            self.lang,
                            "walk-target-outside-window",
                            start = self.date(window.start),
                            end = self.date(window.end)
                        );
                        self.say(&msg)?;
                        continue;
                    }
                    Ok(_) => {
                        let msg = crate::tr!(
                            self.lang,
                            "answers-walk-target-outside",
                            fiscal_year = fiscal_year_for_people(fy, self.lang),
                            start = self.date(start),
                            end = self.date(end)
                        );
                        self.say(&msg)?;
                        continue;
                    }
                    Err(e) => {
                        let msg = e.localize_for(self.lang, fy);
                        self.say(&msg)?;
                        continue;
                    }
                },
                Detail::Reason => {
                    a.reason = Some(if text.is_empty() {
                        self.default_reason(item)
                    } else {
                        text.to_owned()
                    });
                }
                Detail::Note => match text {
                    "" => {}
                    "-" => a.note = None,
                    t => a.note = Some(t.to_owned()),
                },
                Detail::Evidence => match text {
                    "" => {}
                    "-" => a.evidence.clear(),
                    t => {
                        let paths: Vec<String> = t
                            .split([',', '、'])
                            .map(|p| p.trim().to_owned())
                            .filter(|p| !p.is_empty())
                            .collect();
                        // A file that is not there (はい typed one question late) is asked
                        // again, not saved for `report` to refuse later.
                        let base = self
                            .loaded
                            .path
                            .parent()
                            .unwrap_or(std::path::Path::new(""));
                        if let Some(gone) = paths.iter().find(|p| !base.join(p).exists()) {
                            let msg = crate::tr!(
                                self.lang,
                                "answers-walk-evidence-not-found",
                                file = esc(gone).into_owned()
                            );
                            self.say(&msg)?;
                            continue;
                        }
                        a.evidence = paths;
                    }
                },
            }
            return Ok(Flow::Done);
        }
    }

    /// The reason offered for 対象外: the first of the item's conditions that holds.
    fn default_reason(&self, item: &Item) -> String {
        self.not_applicable_holds(item)
            .first()
            .map(|rule| rule.label(self.lang).to_owned())
            .unwrap_or_default()
    }
}

/// An English note that names the answers as the form prints them (`Answer はい if …`), with
/// each named in English and the form's word in quotes (`Answer yes ("はい") if …`). A word
/// inside Japanese text (「はい」, はいる) is left as it is.
fn answers_named_in_english(text: &str) -> String {
    let words = [Response::No, Response::Yes, Response::NotApplicable];
    let japanese = |c: char| matches!(c, '\u{3000}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'text: while let Some(c) = rest.chars().next() {
        for r in words {
            let word = r.as_file_str();
            let Some(after) = rest.strip_prefix(word) else {
                continue;
            };
            let apart = out.chars().next_back().is_none_or(|c| !japanese(c))
                && after.chars().next().is_none_or(|c| !japanese(c));
            if apart {
                out.push_str(&format!("{} (\"{word}\")", r.label(Lang::En)));
                rest = after;
                continue 'text;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A header field the walk-through asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderField {
    Institution(InstitutionField),
    Vendor(VendorField),
    /// On a vendor form: the institution the form is filled in for.
    ForInstitution,
    /// On an institution or pharmacy form: whether there is a vendor contract.
    VendorContract,
}

impl HeaderField {
    /// The table and key it is written to.
    fn place(self) -> (&'static str, &'static str) {
        match self {
            HeaderField::Institution(f) => ("institution", f.key()),
            HeaderField::Vendor(f) => ("vendor", f.key()),
            HeaderField::ForInstitution => ("institution", "name"),
            HeaderField::VendorContract => ("vendors", "contract"),
        }
    }

    fn prompt(self, checklist: &Checklist, lang: Lang) -> String {
        match self {
            HeaderField::Institution(InstitutionField::Kind) => {
                let kinds: Vec<String> = checklist
                    .serves
                    .iter()
                    .map(|k| match k.label(lang) {
                        // In English the label is the name itself.
                        label if label == k.as_str() => label.to_owned(),
                        label => format!("{}={label}", k.as_str()),
                    })
                    .collect();
                format!(
                    "{}{}",
                    InstitutionField::Kind.label(lang),
                    lang.aside(&kinds.join(" / "))
                )
            }
            HeaderField::Institution(InstitutionField::Code) => {
                crate::tr!(lang, "answers-code-prompt")
            }
            HeaderField::Institution(f) => f.label(lang),
            HeaderField::Vendor(f) => f.label(lang),
            HeaderField::ForInstitution => crate::tr!(lang, "answers-for-institution"),
            HeaderField::VendorContract => crate::tr!(lang, "answers-field-walk-vendor-contract"),
        }
    }
}

/// Whether `to` (typed after `j`) names `item`: its ID, or its number as printed in any
/// spelling (`2-⑥`, `2-6`, `２－⑥`), with its scope where the number is shared (`2-④ サーバ`).
fn names_item(item: &Item, to: &str) -> bool {
    item.id == to || item.number == to.trim() || super::sheet::names_item(item, to)
}

/// A kind the form serves, by name (`clinic`) or Japanese label (診療所).
fn parse_kind(text: &str, checklist: &Checklist) -> Option<InstitutionKind> {
    let t = text.trim();
    checklist
        .serves
        .iter()
        .copied()
        .find(|k| k.as_str().eq_ignore_ascii_case(t) || k.label(Lang::Ja) == t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_notes_name_the_answers_in_english_with_the_forms_word() {
        assert_eq!(
            answers_named_in_english("Answer はい if any system. If いいえ, none."),
            "Answer yes (\"はい\") if any system. If no (\"いいえ\"), none."
        );
        assert_eq!(
            answers_named_in_english("対象外 without a contract"),
            "not applicable (\"対象外\") without a contract"
        );
        // Japanese text is left as it is.
        let ja = "一つでもあれば「はい」。はいる";
        assert_eq!(answers_named_in_english(ja), ja);
    }

    #[test]
    fn commands_parse() {
        assert_eq!(command("はい"), Command::Answer(Response::Yes));
        assert_eq!(command("n"), Command::Answer(Response::No));
        assert_eq!(command(""), Command::Skip);
        assert_eq!(command("j 2-③"), Command::Jump("2-③".into()));
        // As the help writes it: no space after the j.
        assert_eq!(command("j2-⑥"), Command::Jump("2-⑥".into()));
        assert_eq!(command("j11"), Command::Jump("11".into()));
        assert_eq!(command("j2-4"), Command::Jump("2-4".into()));
        assert_eq!(command("jx"), Command::Unknown("jx".into()));
        assert_eq!(command("Q"), Command::Quit);
        assert_eq!(command("what"), Command::Unknown("what".into()));
        // A dash is not 対象外 (see Response::is_dash).
        assert_eq!(command("－"), Command::Unknown("－".into()));
    }

    #[test]
    fn every_detail_prompt_takes_back_and_quit() {
        assert_eq!(step(Some(" q ".into())), Step::Quit);
        assert_eq!(step(Some("B".into())), Step::Back);
        assert_eq!(step(Some("ｂ".into())), Step::Back);
        assert_eq!(step(Some("ｑ".into())), Step::Quit);
        assert_eq!(command("ｑ"), Command::Quit);
        assert_eq!(command("ｐ"), Command::Progress);
        assert_eq!(command("ｊ　２－②"), Command::Jump("2-②".into()));
        assert_eq!(step(None), Step::Quit);
        assert_eq!(
            step(Some("2025-06-03".into())),
            Step::Value("2025-06-03".into())
        );
        assert_eq!(step(Some("".into())), Step::Value(String::new()));
    }
}
