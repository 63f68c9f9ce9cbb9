//! The inspection's rules: what an inspector checks on the institution form and each vendor
//! form (facts file, section 2), as findings with stable codes.
//!
//! Codes (kebab-case, never renamed; scripts match on them):
//!
//! | code | severity | when |
//! |---|---|---|
//! | `unanswered` | error | a required item has no first-round answer |
//! | `carried-forward-unconfirmed` | error | a first-round answer carried from last year (`carried_from`) is not confirmed |
//! | `missing-checked-on` | error | an answer without the date checked (確認日), where the edition's `[rules] checked_on = "required"` (or the checklist has no `[rules]`) |
//! | `date-in-future` | error | a date checked lies after the evaluation date (today, or `status --as-of`; Japan time) |
//! | `missing-target-date` | error | いいえ without a target date (目標日) |
//! | `target-date-outside-fiscal-year` | error | a target date outside the window of the edition's `[rules]` (its fiscal year, April 1 to March 31; for `next_year_target = "next-fiscal-year"` items, to the end of the next one) |
//! | `round-not-on-form` | error | a 2回目 answer where the edition's `[rules] round_2 = "not-on-form"` |
//! | `not-applicable-not-allowed` | error | 対象外 on an item the checklist does not allow it for |
//! | `not-applicable-condition-unmet` | error | 対象外 allowed only when a condition holds (no vendor contract, no medical information system) that the file does not state |
//! | `checklist-digest-mismatch` | error | the answers name a digest other than the checklist's: made against other wording |
//! | `missing-institution-field` | error | name, kind, prefecture, 管理者, 医療情報システム安全管理責任者, answerer or 医療機関コード missing |
//! | `invalid-institution-code` | error | 医療機関コード not 10 digits, or third digit not 1, 3 or 4 |
//! | `kind-not-served` | error | the institution's kind is not one the form serves (a pharmacy on the institution form) |
//! | `missing-vendor-field` | error | vendor form without vendor name, system, contact or answerer |
//! | `vendor-contract-unspecified` | error | the institution form does not say whether there is a vendor contract |
//! | `vendor-form-missing` | error | vendor contract, but no vendor form given or listed |
//! | `vendor-edition-mismatch` | error | a vendor form of another fiscal year than the institution form |
//! | `base-item-required-out-of-scope` | error | the own checklist (`extends`) leaves out a base item the form asks every institution to answer (also `checklist lint` and `verify`; none when the gate question says there is no medical information system) |
//! | `checklist-digest-missing` | warning | the answers name no digest |
//! | `institution-code-check-digit` | warning | the check digit of the 医療機関コード does not match (the rule is not from a primary source) |
//! | `institution-code-kind-mismatch` | warning | fee-table digit and kind disagree (e.g. a pharmacy without 4) |
//! | `checked-on-unconfirmed` | warning | answers without 確認日 where `[rules] checked_on = "unknown"` (one finding per form) |
//! | `target-date-window-unconfirmed` | warning | a target date outside the fiscal year where `[rules] target_date = "unknown"` |
//! | `target-before-checked-on` | warning | いいえ with a target date before its own date checked (確認日): the target was already past when the item was checked |
//! | `target-date-overdue` | warning | いいえ with a target date before the evaluation date, and no later round answering the item (a warning: after the fiscal year every いいえ is overdue, and the report of that year is still that year's report) |
//! | `institution-code-prefecture-mismatch` | warning | the code's first two digits (JIS X 0401: 01 北海道 … 47 沖縄県) name another prefecture than `prefecture` |
//! | `institution-prefecture-unknown` | warning | `prefecture` names none of the 47 prefectures (東京都, 東京, Tokyo or 13 would) |
//! | `institution-code-prefecture-unknown` | warning | the code's first two digits are no prefecture number (not 01–47, JIS X 0401), e.g. `00`, `48`, `99` |
//! | `checked-before-fiscal-year` | warning | a date checked before the edition's fiscal year began |
//! | `checked-after-fiscal-year` | warning | a date checked after the edition's fiscal year ended (last year's form answered this year) |
//! | `not-applicable-without-reason` | warning | 対象外 without a reason |
//! | `needs-review` | warning | an item marked new, reworded or replaced by `init --from` |
//! | `evidence-missing` | warning | an evidence path that does not exist |
//!
//! Reading problems (`parse-error`, `invalid-date`, `unknown-item`, `duplicate-answer`, …) are
//! not findings: they make a file unusable (see `answers::load` and `answers::bind`).
//! The texts of every code are in `answers::messages`.

use super::messages::{ItemRef, Msg};
use super::model::*;
use super::Loaded;
use crate::checklist::{
    self, CheckedOnRule, Form, Item, Lang, NotApplicableRule, OnForm, Requirement, TargetWindow,
    Text,
};
use crate::dates::fiscal_year_bounds;
use crate::diagnostic::{Diagnostic, Location, Severity};
use jiff::civil::Date;
use serde::Serialize;
use std::cell::LazyCell;
use std::path::Path;

/// How to inspect: as on which date, in which language, which rounds to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The date in Japan the rules are checked as on: today, or `medsec status --as-of`.
    pub as_of: Date,
    /// The language of finding messages.
    pub lang: Lang,
    /// Show round-2 progress even when no round-2 answer exists (`medsec status --round 2`).
    /// Round 1 is always shown; round 2 is optional and shown once any answer exists.
    pub show_round_2: bool,
}

impl Options {
    /// Checked as on `as_of`, messages in `lang`, round 2 shown only when answered.
    pub fn new(as_of: Date, lang: Lang) -> Self {
        Options {
            as_of,
            lang,
            show_round_2: false,
        }
    }
}

/// A finding: a diagnostic and, where it concerns one, the item and round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round: Option<u8>,
}

impl Finding {
    pub fn code(&self) -> &'static str {
        self.diagnostic.code
    }

    pub fn severity(&self) -> Severity {
        self.diagnostic.severity
    }
}

/// One form to inspect: its answers and the checklist they name.
#[derive(Debug, Clone, Copy)]
pub struct FormInput<'a> {
    pub answers: &'a Loaded,
    pub checklist: &'a checklist::Loaded,
}

/// Progress of one section in one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionProgress {
    pub section: String,
    pub title: Text,
    pub round: u8,
    /// Items in the section.
    pub items: usize,
    /// Items that must be answered in this round (round 1 only; 0 for round 2).
    pub required: usize,
    /// Items with a confirmed answer in this round.
    pub answered: usize,
    pub yes: usize,
    pub no: usize,
    pub not_applicable: usize,
}

/// An item answered いいえ, with its target date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenItem {
    pub item: String,
    pub number: String,
    pub text: Text,
    /// How people name the item ([`Item::label`]), for tables.
    #[serde(skip)]
    pub label: Text,
    pub round: u8,
    pub target_date: Option<Date>,
}

/// Which role a form plays in an inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 医療機関確認用 or 薬局確認用.
    Institution,
    /// 事業者確認用.
    Vendor,
}

/// The status of one form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormStatus {
    pub file: String,
    pub role: Role,
    pub checklist: ChecklistSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub institution: Option<Institution>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Vendor>,
    pub progress: Vec<SectionProgress>,
    /// いいえ answers with their target dates.
    pub open_items: Vec<OpenItem>,
    pub findings: Vec<Finding>,
}

/// The checklist a form was checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistSummary {
    pub id: String,
    pub edition: String,
    pub fiscal_year: i16,
    pub form: Form,
    pub digest: String,
    /// An own checklist: the checklist it extends, with that one's digest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends: Option<checklist::BaseRef>,
    /// Base items an own checklist leaves out: shown as 対象外 with the reason, never asked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub out_of_scope: Vec<checklist::OutOfScope>,
    /// Who the form serves: names the merged form for people (not in JSON).
    #[serde(skip)]
    pub serves: Vec<checklist::InstitutionKind>,
}

/// The whole inspection: every form, and the findings across forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inspection {
    /// No error-level finding anywhere.
    pub complete: bool,
    pub forms: Vec<FormStatus>,
    /// Findings that concern the forms together (vendor forms missing, editions differ).
    pub findings: Vec<Finding>,
}

impl Inspection {
    /// Every finding, form by form, then the cross-form ones.
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.forms
            .iter()
            .flat_map(|f| f.findings.iter())
            .chain(self.findings.iter())
    }

    /// Diagnostics of every finding (for callers that want only `Diagnostic`s).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.all_findings().map(|f| f.diagnostic.clone()).collect()
    }
}

/// The role of a form by its checklist.
pub fn role_of(form: Form) -> Role {
    match form {
        Form::Vendor => Role::Vendor,
        Form::Institution | Form::Pharmacy => Role::Institution,
    }
}

/// Inspect forms together: each form by itself, then the institution form against the vendor
/// forms.
pub fn inspect(forms: &[FormInput<'_>], options: &Options) -> Inspection {
    let statuses: Vec<FormStatus> = forms.iter().map(|f| form_status(f, options)).collect();
    let findings = cross_form_findings(forms, options.lang);
    let complete = !statuses
        .iter()
        .flat_map(|s| s.findings.iter())
        .chain(findings.iter())
        .any(|f| f.severity() == Severity::Error);
    Inspection {
        complete,
        forms: statuses,
        findings,
    }
}

/// The findings of [`inspect`] alone, in the same order ([`Inspection::all_findings`]), without
/// the progress and open items of each form: what `verify`'s re-run compares.
pub fn inspect_findings(forms: &[FormInput<'_>], options: &Options) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for form in forms {
        out.extend(form.answers.warnings.iter().map(|d| Finding {
            diagnostic: d.clone(),
            item: None,
            round: None,
        }));
        out.extend(check_form(form, options));
    }
    out.extend(cross_form_findings(forms, options.lang));
    out
}

/// Findings about the forms together: vendor forms missing, editions that differ.
fn cross_form_findings(forms: &[FormInput<'_>], lang: Lang) -> Vec<Finding> {
    let mut findings = Vec::new();
    let institutions: Vec<&FormInput> = forms
        .iter()
        .filter(|f| role_of(f.checklist.checklist.form) == Role::Institution)
        .collect();
    let vendors: Vec<&FormInput> = forms
        .iter()
        .filter(|f| role_of(f.checklist.checklist.form) == Role::Vendor)
        .collect();
    for inst in &institutions {
        let contract = inst.answers.set.vendors.as_ref().and_then(|v| v.contract);
        if contract == Some(true) && vendors.is_empty() {
            findings.push(finding(
                Msg::VendorFormMissing,
                inst.answers.location(vendors_at(inst.answers)),
                None,
                lang,
            ));
        }
        for v in &vendors {
            let (fi, fv) = (
                inst.checklist.checklist.fiscal_year,
                v.checklist.checklist.fiscal_year,
            );
            if fi != fv {
                let msg = Msg::VendorEditionMismatch {
                    vendor_fy: fv,
                    vendor: v.checklist.checklist.full_id(),
                    institution_fy: fi,
                    institution: inst.checklist.checklist.full_id(),
                };
                findings.push(finding(msg, v.answers.location(0), None, lang));
            }
        }
    }
    findings
}

fn vendors_at(loaded: &Loaded) -> usize {
    find_key(&loaded.source, "vendors").unwrap_or(0)
}

/// Offset of a top-level table or key, by its text (TOML `[name]`, YAML `name:`).
fn find_key(source: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let t = line.trim_end();
        if t == format!("[{key}]")
            || t.starts_with(&format!("{key}:"))
            || t.starts_with(&format!("{key} ="))
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// A finding: `msg` at `location`, about `item` (its ID and round) if any.
fn finding(msg: Msg, location: Location, item: Option<&ItemRef>, lang: Lang) -> Finding {
    Finding {
        diagnostic: msg.diagnostic(location, lang),
        item: item.map(|i| i.id.clone()),
        round: item.map(|i| i.round.unwrap_or(1)),
    }
}

fn item_ref(item: &Item, round: Option<u8>) -> ItemRef {
    ItemRef::new(item, round)
}

/// The status of one form: progress, いいえ items, findings.
pub fn form_status(form: &FormInput<'_>, options: &Options) -> FormStatus {
    let c = &form.checklist.checklist;
    let set = &form.answers.set;
    FormStatus {
        file: form.answers.file_name(),
        role: role_of(c.form),
        checklist: ChecklistSummary {
            id: c.id.clone(),
            edition: c.edition.clone(),
            fiscal_year: c.fiscal_year,
            form: c.form,
            digest: form.checklist.digest.clone(),
            extends: c.extends.as_ref().and_then(|e| e.resolved.clone()),
            out_of_scope: c
                .extends
                .as_ref()
                .map(|e| e.out_of_scope.clone())
                .unwrap_or_default(),
            serves: c.serves.clone(),
        },
        institution: set.institution.clone(),
        vendor: set.vendor.clone(),
        progress: progress(form, options.show_round_2),
        open_items: open_items(form),
        findings: form
            .answers
            .warnings
            .iter()
            .map(|d| Finding {
                diagnostic: d.clone(),
                item: None,
                round: None,
            })
            .chain(check_form(form, options))
            .collect(),
    }
}

/// Whether `item` must have a first-round answer, given the gate and the vendor contract, with
/// what the gate says (`gate_says_none`) looked up once for all the items of a form: looking it
/// up per item read every item and the gate's answer again.
fn required_given(form: &FormInput<'_>, item: &Item, gate_says_none: bool) -> bool {
    if is_reference_only(&form.checklist.checklist, item) {
        return false;
    }
    if !item.gate && gate_says_none {
        // 「本項目の「いいえ」にマルがつく場合、以下すべての項目は確認不要です。」
        return false;
    }
    if item
        .not_applicable_when
        .contains(&NotApplicableRule::NoVendorContract)
        && no_vendor_contract(form)
    {
        // 「事業者と契約していない場合には、チェックリストの記入は不要です。」
        return false;
    }
    true
}

/// Whether `item` is shown and may be answered but is not checked as required in its
/// edition: its requirement is not `required`, or is listed in `[rules] reference_only`.
pub fn is_reference_only(checklist: &checklist::Checklist, item: &Item) -> bool {
    // Which requirements are reference-only is the edition's rule (`[rules] reference_only`).
    let reference_only = checklist.rules.as_ref().map_or(
        &[Requirement::NextYear, Requirement::Recommended][..],
        |r| &r.reference_only[..],
    );
    item.requirement != Requirement::Required || reference_only.contains(&item.requirement)
}

/// The window for the 目標日 of a いいえ to `item`: its first and last day, and the edition's
/// rule (`[rules] target_date`, or `next_year_target` for items listed for the next year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetBounds {
    pub start: Date,
    pub end: Date,
    pub window: TargetWindow,
}

impl TargetBounds {
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}

/// The target-date window of `item` in `checklist` (see [`TargetBounds`]).
pub fn target_bounds(checklist: &checklist::Checklist, item: &Item) -> TargetBounds {
    let window = checklist.rules().target_window(item.requirement);
    let (start, fy_end) = fiscal_year_bounds(checklist.fiscal_year);
    // A next-year item may be due a year later.
    let end = if window == TargetWindow::NextFiscalYear {
        fiscal_year_bounds(checklist.fiscal_year.saturating_add(1)).1
    } else {
        fy_end
    };
    TargetBounds { start, end, window }
}

/// Whether a 目標日 belongs to `response` on `item`: いいえ, except to the gate question (いいえ
/// there says there is no medical information system: nothing to put in place by a date).
pub fn needs_target_date(item: &Item, response: Response) -> bool {
    response == Response::No && !item.gate
}

/// Whether the form has a 確認日 to ask for (`[rules] checked_on` other than `not-on-form`).
pub fn asks_checked_on(checklist: &checklist::Checklist) -> bool {
    checklist.rules().checked_on != CheckedOnRule::NotOnForm
}

/// Whether round `round` (1回目, 2回目) is on the form: round 1 always; round 2 unless
/// `[rules] round_2 = "not-on-form"`.
pub fn round_on_form(checklist: &checklist::Checklist, round: u8) -> bool {
    round == 1 || checklist.rules().round_2 != OnForm::NotOnForm
}

/// The gate question (医療情報システムの有無) is answered いいえ (confirmed) in round 1: no
/// other item needs checking.
pub fn gate_says_none(set: &AnswerSet, checklist: &checklist::Checklist) -> bool {
    if checklist
        .rules
        .as_ref()
        .is_some_and(|r| r.gate == OnForm::NotOnForm)
    {
        return false;
    }
    checklist.items.iter().filter(|i| i.gate).any(|gate| {
        set.answer(&gate.id, 1)
            .is_some_and(|a| a.is_confirmed() && a.response == Some(Response::No))
    })
}

fn no_vendor_contract(form: &FormInput<'_>) -> bool {
    form.answers.set.vendors.as_ref().and_then(|v| v.contract) == Some(false)
}

/// Every finding on one form by itself.
pub fn check_form(form: &FormInput<'_>, options: &Options) -> Vec<Finding> {
    let (as_of, lang) = (options.as_of, options.lang);
    let mut out = Vec::new();
    let loaded = form.answers;
    let set = &loaded.set;
    let c = &form.checklist.checklist;
    let top = loaded.location(find_key(&loaded.source, "checklist").unwrap_or(0));

    match &set.checklist.digest {
        None => out.push(finding(
            Msg::ChecklistDigestMissing {
                digest: form.checklist.digest.clone(),
            },
            top.clone(),
            None,
            lang,
        )),
        // An answers file made before the bundled checklists carried `[rules]` names the
        // digest of the same wording without them.
        Some(d)
            if *d != form.checklist.digest
                && Some(d)
                    != crate::checklist::digest::without_rules(&form.checklist.checklist)
                        .as_ref() =>
        {
            out.push(finding(
                Msg::ChecklistDigestMismatch {
                    checklist: c.full_id(),
                    theirs: d.clone(),
                    ours: form.checklist.digest.clone(),
                },
                top.clone(),
                None,
                lang,
            ))
        }
        Some(_) => {}
    }

    header_findings(form, lang, &mut out);

    let (fy_start, fy_end) = fiscal_year_bounds(c.fiscal_year);
    let gate_none = gate_says_none(set, c);
    for item in &c.items {
        let a = set.answer(&item.id, 1);
        let required = required_given(form, item, gate_none);
        // Placed and named only when a finding is said: placing every answer counted the
        // lines of the file again for each (a tenth of `status`).
        let at = LazyCell::new(|| a.map_or_else(|| top.clone(), |a| loaded.location(a.at)));
        // Named only when a finding is said: naming every item took a third of verify.
        let it = std::cell::LazyCell::new(|| item_ref(item, None));
        match a {
            Some(a) if a.response.is_some() && a.carried_from.is_some() && required => {
                let msg = Msg::CarriedForwardUnconfirmed {
                    item: it.clone(),
                    answer: a.response.map_or("", Response::as_file_str),
                    from: a.carried_from.clone().unwrap_or_default(),
                };
                out.push(finding(msg, LazyCell::force(&at).clone(), Some(&*it), lang));
            }
            Some(a) if a.response.is_some() => {}
            _ if required => {
                out.push(finding(
                    Msg::Unanswered { item: it.clone() },
                    LazyCell::force(&at).clone(),
                    Some(&*it),
                    lang,
                ));
            }
            _ => {}
        }
    }

    // An item every institution answers, left out by an own checklist: unanswered as far as
    // the form is concerned (the gate's いいえ excuses it as it excuses every item).
    if let Some(extends) = c.extends.as_ref().filter(|_| !gate_says_none(set, c)) {
        for o in extends.required_left_out() {
            let Some(item) = o.base_item.as_deref() else {
                continue;
            };
            let it = item_ref(item, None);
            let msg = Msg::BaseItemRequiredOutOfScope {
                item: it.clone(),
                checklist: c.full_id(),
                base: extends.base_name(),
                reason: o.reason.clone(),
            };
            out.push(finding(msg, top.clone(), Some(&it), lang));
        }
    }

    let rules = c.rules();
    let mut undated = 0;
    for a in &set.answers {
        let Some(item) = c.item(&a.item) else {
            continue;
        };
        let at = LazyCell::new(|| loaded.location(a.at));
        let it = std::cell::LazyCell::new(|| item_ref(item, Some(a.round)));
        let mut push =
            |msg: Msg| out.push(finding(msg, LazyCell::force(&at).clone(), Some(&*it), lang));
        if let Some(review) = a.review {
            push(Msg::NeedsReview {
                item: it.clone(),
                review,
            });
        }
        if !round_on_form(c, a.round) {
            push(Msg::RoundNotOnForm {
                item: it.clone(),
                fiscal_year: c.fiscal_year,
            });
        }
        let Some(response) = a.response else { continue };
        match a.checked_on {
            None => match rules.checked_on {
                CheckedOnRule::Required => push(Msg::MissingCheckedOn {
                    item: it.clone(),
                    answer: response.as_file_str(),
                }),
                CheckedOnRule::Unknown => undated += 1,
                CheckedOnRule::NotOnForm => {}
            },
            Some(d) if d > as_of => push(Msg::DateInFuture {
                item: it.clone(),
                date: d,
                as_of,
            }),
            Some(d) if d < fy_start => push(Msg::CheckedBeforeFiscalYear {
                item: it.clone(),
                date: d,
                fiscal_year: c.fiscal_year,
                start: fy_start,
            }),
            // Checked after the form's fiscal year ended: last year's form answered this year
            // (the walk-through's default date is today), which verify would call
            // `fiscal-year-other` only once the report is signed.
            Some(d) if d > fy_end => push(Msg::CheckedAfterFiscalYear {
                item: it.clone(),
                date: d,
                fiscal_year: c.fiscal_year,
                end: fy_end,
            }),
            Some(_) => {}
        }
        // The gate question answered いいえ says there is no medical information system: there
        // is nothing to put in place by a target date, and the other items are off.
        if needs_target_date(item, response) {
            // The window is the edition's rule; a next-year item may be due a year later.
            let TargetBounds { end, window, .. } = target_bounds(c, item);
            match a.target_date {
                None => push(Msg::MissingTargetDate {
                    item: it.clone(),
                    fiscal_year: c.fiscal_year,
                    start: fy_start,
                    end,
                }),
                Some(t) if t < fy_start || t > end => {
                    if window == TargetWindow::Unknown {
                        push(Msg::TargetDateWindowUnconfirmed {
                            item: it.clone(),
                            date: t,
                            fiscal_year: c.fiscal_year,
                            start: fy_start,
                            end,
                        })
                    } else {
                        push(Msg::TargetDateOutsideFiscalYear {
                            item: it.clone(),
                            date: t,
                            fiscal_year: c.fiscal_year,
                            start: fy_start,
                            end,
                        })
                    }
                }
                Some(_) => {}
            }
            // A target before the day of the check: the plan was late when it was made.
            if let (Some(t), Some(checked_on)) = (a.target_date, a.checked_on) {
                if t < checked_on {
                    push(Msg::TargetBeforeCheckedOn {
                        item: it.clone(),
                        date: t,
                        checked_on,
                    });
                }
            }
            // Overdue: the target has passed and no later round answers the item again.
            let answered_later = set
                .answers
                .iter()
                .any(|b| b.item == a.item && b.round > a.round && b.response.is_some());
            if let Some(t) = a.target_date.filter(|t| *t < as_of && !answered_later) {
                push(Msg::TargetDateOverdue {
                    item: it.clone(),
                    date: t,
                    as_of,
                });
            }
        }
        if response == Response::NotApplicable {
            if item.not_applicable_when.is_empty() {
                push(Msg::NotApplicableNotAllowed { item: it.clone() });
            } else if role_of(c.form) == Role::Institution
                // A vendor form cannot state the institution's conditions; its reason must.
                && !item
                    .not_applicable_when
                    .iter()
                    .any(|rule| condition_holds(form, *rule))
            {
                push(Msg::NotApplicableConditionUnmet {
                    item: it.clone(),
                    when: item.not_applicable_when.clone(),
                });
            }
            if a.reason.is_none() {
                push(Msg::NotApplicableWithoutReason { item: it.clone() });
            }
        }
        let base = loaded.path.parent().unwrap_or(Path::new("."));
        for e in &a.evidence {
            if !base.join(e).exists() {
                push(Msg::EvidenceMissing {
                    item: it.clone(),
                    path: e.clone(),
                });
            }
        }
    }
    if undated > 0 {
        out.push(finding(
            Msg::CheckedOnUnconfirmed {
                count: undated,
                fiscal_year: c.fiscal_year,
            },
            top,
            None,
            lang,
        ));
    }
    out
}

fn condition_holds(form: &FormInput<'_>, rule: NotApplicableRule) -> bool {
    match rule {
        NotApplicableRule::NoMedicalInformationSystem => {
            gate_says_none(&form.answers.set, &form.checklist.checklist)
        }
        NotApplicableRule::NoVendorContract => no_vendor_contract(form),
    }
}

fn header_findings(form: &FormInput<'_>, lang: Lang, out: &mut Vec<Finding>) {
    let loaded = form.answers;
    let set = &loaded.set;
    let c = &form.checklist.checklist;
    match role_of(c.form) {
        Role::Institution => {
            let at = loaded.location(find_key(&loaded.source, "institution").unwrap_or(0));
            let empty = Institution::default();
            let inst = set.institution.as_ref().unwrap_or(&empty);
            let missing: Vec<InstitutionField> = InstitutionField::ALL
                .into_iter()
                .filter(|f| f.required_for(inst.kind) && !f.is_set(inst))
                .collect();
            if !missing.is_empty() {
                let msg = Msg::MissingInstitutionField { fields: missing };
                out.push(finding(msg, at.clone(), None, lang));
            }
            if let Some(kind) = inst.kind {
                if !c.serves.contains(&kind) {
                    let msg = Msg::KindNotServed {
                        kind,
                        checklist: c.full_id(),
                        serves: c.serves.clone(),
                    };
                    out.push(finding(msg, at.clone(), None, lang));
                }
            }
            // A prefecture that is none of the 47 is said as such, not as another than the code's.
            let prefecture_known = match inst.prefecture.as_deref() {
                Some(given) if !given.trim().is_empty() && !super::code::is_prefecture(given) => {
                    let msg = Msg::InstitutionPrefectureUnknown {
                        given: given.to_owned(),
                    };
                    out.push(finding(msg, at.clone(), None, lang));
                    false
                }
                _ => true,
            };
            if let Some(code) = &inst.code {
                if let Some((number, expected)) = inst
                    .prefecture
                    .as_deref()
                    .filter(|_| prefecture_known)
                    .and_then(|given| super::code::prefecture_mismatch(code, given))
                {
                    let msg = Msg::InstitutionCodePrefectureMismatch {
                        code: code.clone(),
                        number,
                        expected,
                        given: inst.prefecture.clone().unwrap_or_default(),
                    };
                    out.push(finding(msg, at.clone(), None, lang));
                }
                for msg in code_messages(code, inst.kind) {
                    out.push(finding(msg, at.clone(), None, lang));
                }
            }
            if set.vendors.as_ref().and_then(|v| v.contract).is_none() {
                out.push(finding(
                    Msg::VendorContractUnspecified,
                    loaded.location(vendors_at(loaded)),
                    None,
                    lang,
                ));
            }
        }
        Role::Vendor => {
            let at = loaded.location(find_key(&loaded.source, "vendor").unwrap_or(0));
            let empty = Vendor::default();
            let v = set.vendor.as_ref().unwrap_or(&empty);
            let missing: Vec<VendorField> = VendorField::ALL
                .into_iter()
                .filter(|f| f.text(v).is_none())
                .collect();
            if !missing.is_empty() {
                let msg = Msg::MissingVendorField { fields: missing };
                out.push(finding(msg, at, None, lang));
            }
        }
    }
}

/// The problems of a 医療機関コード, as messages (errors and warnings).
pub fn code_messages(code: &str, kind: Option<crate::checklist::InstitutionKind>) -> Vec<Msg> {
    use super::code::CodeProblem;
    super::code::check(code, kind)
        .into_iter()
        .map(|p| {
            let code = code.to_owned();
            match p {
                CodeProblem::Shape => Msg::InstitutionCodeShape { code },
                CodeProblem::FeeTable(digit) => Msg::InstitutionCodeFeeTable { code, digit },
                CodeProblem::CheckDigit { expected, found } => Msg::InstitutionCodeCheckDigit {
                    code,
                    expected,
                    found,
                },
                CodeProblem::KindMismatch(digit) => {
                    Msg::InstitutionCodeKindMismatch { code, digit }
                }
                CodeProblem::Prefecture(digits) => {
                    Msg::InstitutionCodePrefectureUnknown { code, digits }
                }
            }
        })
        .collect()
}

/// Progress per section and round. Round 1 is always shown; round 2 (optional) when any
/// round-2 answer exists or `show_round_2`.
pub fn progress(form: &FormInput<'_>, show_round_2: bool) -> Vec<SectionProgress> {
    let c = &form.checklist.checklist;
    let set = &form.answers.set;
    let gate_none = gate_says_none(set, c);
    let mut out = Vec::new();
    for round in ROUNDS {
        if round > 1 && !show_round_2 && !set.answers.iter().any(|a| a.round == round) {
            continue;
        }
        let mut section_ids: Vec<&str> = Vec::new();
        for item in &c.items {
            if !section_ids.contains(&item.section.as_str()) {
                section_ids.push(&item.section);
            }
        }
        for sid in section_ids {
            let items: Vec<&Item> = c.items.iter().filter(|i| i.section == sid).collect();
            let title = c.section(sid).map_or_else(
                || Text {
                    ja: sid.to_owned(),
                    en: sid.to_owned(),
                },
                |s| s.title.clone(),
            );
            let mut p = SectionProgress {
                section: sid.to_owned(),
                title,
                round,
                items: items.len(),
                required: 0,
                answered: 0,
                yes: 0,
                no: 0,
                not_applicable: 0,
            };
            for item in items {
                if round == 1 && required_given(form, item, gate_none) {
                    p.required += 1;
                }
                if let Some(a) = set.answer(&item.id, round).filter(|a| a.is_confirmed()) {
                    p.answered += 1;
                    match a.response {
                        Some(Response::Yes) => p.yes += 1,
                        Some(Response::No) => p.no += 1,
                        Some(Response::NotApplicable) => p.not_applicable += 1,
                        None => {}
                    }
                }
            }
            out.push(p);
        }
    }
    out
}

/// いいえ answers, in checklist order. The gate question answered いいえ (no medical
/// information system) is no gap and needs no target date: it is not listed.
pub fn open_items(form: &FormInput<'_>) -> Vec<OpenItem> {
    let c = &form.checklist.checklist;
    let gate_on_form = c.rules.as_ref().is_none_or(|r| r.gate != OnForm::NotOnForm);
    let mut out = Vec::new();
    for round in ROUNDS {
        for item in c.items.iter().filter(|i| !(i.gate && gate_on_form)) {
            if let Some(a) = form.answers.set.answer(&item.id, round) {
                if a.response == Some(Response::No) {
                    out.push(OpenItem {
                        item: item.id.clone(),
                        number: item.number.clone(),
                        text: item.text.clone(),
                        label: super::messages::labels(item),
                        round,
                        target_date: a.target_date,
                    });
                }
            }
        }
    }
    out
}

/// The evidence paths an answers file cites that do not exist (relative to the file), each
/// once, in the file's order: the `evidence-missing` warnings, which stop `report` and `check`.
pub fn missing_evidence(loaded: &crate::answers::Loaded) -> Vec<String> {
    let base = loaded.path.parent().unwrap_or(Path::new("."));
    let mut out: Vec<String> = Vec::new();
    for e in loaded.set.answers.iter().flat_map(|a| a.evidence.iter()) {
        if !base.join(e).exists() && !out.contains(e) {
            out.push(e.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a_finding(code: &'static str, severity: Severity) -> Finding {
        Finding {
            diagnostic: Diagnostic {
                code,
                severity,
                location: Location {
                    file: "a.toml".into(),
                    line: 3,
                    column: 1,
                },
                message: code.into(),
                text: None,
            },
            item: None,
            round: None,
        }
    }

    #[test]
    fn every_finding_form_by_form_then_across_forms() {
        let inspection = Inspection {
            complete: false,
            forms: Vec::new(),
            findings: vec![
                a_finding("vendor-form-missing", Severity::Error),
                a_finding("checklist-digest-missing", Severity::Warning),
            ],
        };
        let codes: Vec<&str> = inspection.all_findings().map(Finding::code).collect();
        assert_eq!(codes, ["vendor-form-missing", "checklist-digest-missing"]);
        let diags = inspection.diagnostics();
        assert_eq!(diags.len(), 2);
        assert_eq!(diags[1].code, "checklist-digest-missing");
        assert_eq!(inspection.findings[1].severity(), Severity::Warning);
    }
}
