//! The inspection's rules: what an inspector checks on the institution form and each vendor
//! form (facts file, section 2), as findings with stable codes.
//!
//! Codes (kebab-case, never renamed; scripts match on them):
//!
//! | code | severity | when |
//! |---|---|---|
//! | `unanswered` | error | a required item has no first-round answer |
//! | `carried-forward-unconfirmed` | error | a first-round answer carried from last year (`carried_from`) is not confirmed |
//! | `missing-checked-on` | error | an answer without the date checked (確認日) |
//! | `date-in-future` | error | a date checked lies after today (Japan time) |
//! | `missing-target-date` | error | いいえ without a target date (目標日) |
//! | `target-date-outside-fiscal-year` | error | a target date outside the edition's fiscal year (April 1 to March 31) |
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
//! | `checklist-digest-missing` | warning | the answers name no digest |
//! | `institution-code-check-digit` | warning | the check digit of the 医療機関コード does not match (the rule is not from a primary source) |
//! | `institution-code-kind-mismatch` | warning | fee-table digit and kind disagree (e.g. a pharmacy without 4) |
//! | `checked-before-fiscal-year` | warning | a date checked before the edition's fiscal year began |
//! | `not-applicable-without-reason` | warning | 対象外 without a reason |
//! | `needs-review` | warning | an item marked new, reworded or replaced by `init --from` |
//! | `evidence-missing` | warning | an evidence path that does not exist |
//!
//! Reading problems (`parse-error`, `invalid-date`, `unknown-item`, `duplicate-answer`, …) are
//! not findings: they make a file unusable (see `answers::load` and `answers::bind`).

use super::model::*;
use super::Loaded;
use crate::checklist::{
    self, Form, InstitutionKind, Item, Lang, NotApplicableRule, Requirement, Text,
};
use crate::dates::{fiscal_year_bounds, fiscal_year_of};
use crate::diagnostic::{Diagnostic, Location, Severity};
use jiff::civil::Date;
use serde::Serialize;
use std::path::Path;

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
/// forms. `today` is the date in Japan.
pub fn inspect(forms: &[FormInput<'_>], today: Date) -> Inspection {
    let statuses: Vec<FormStatus> = forms.iter().map(|f| form_status(f, today)).collect();
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
                Severity::Error,
                "vendor-form-missing",
                inst.answers.location(vendors_at(inst.answers)),
                "the institution has a vendor contract, but no vendor form (事業者確認用) was given; list each vendor's answers file under [vendors] forms, or give it to `medsec status`".to_owned(),
                None,
                None,
            ));
        }
        for v in &vendors {
            let (fi, fv) = (
                inst.checklist.checklist.fiscal_year,
                v.checklist.checklist.fiscal_year,
            );
            if fi != fv {
                findings.push(finding(
                    Severity::Error,
                    "vendor-edition-mismatch",
                    v.answers.location(0),
                    format!(
                        "the vendor form is for FY{fv} ({}), the institution form for FY{fi} ({}); vendor forms must match the institution's edition",
                        v.checklist.checklist.full_id(),
                        inst.checklist.checklist.full_id()
                    ),
                    None,
                    None,
                ));
            }
        }
    }
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

fn finding(
    severity: Severity,
    code: &'static str,
    location: Location,
    message: String,
    item: Option<&str>,
    round: Option<u8>,
) -> Finding {
    Finding {
        diagnostic: Diagnostic {
            code,
            severity,
            location,
            message,
        },
        item: item.map(str::to_owned),
        round,
    }
}

/// The status of one form: progress, いいえ items, findings.
pub fn form_status(form: &FormInput<'_>, today: Date) -> FormStatus {
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
        },
        institution: set.institution.clone(),
        vendor: set.vendor.clone(),
        progress: progress(form),
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
            .chain(check_form(form, today))
            .collect(),
    }
}

/// Whether `item` must have a first-round answer, given the gate and the vendor contract.
pub fn is_required(form: &FormInput<'_>, item: &Item) -> bool {
    if item.requirement != Requirement::Required {
        return false;
    }
    if !item.gate && gate_says_none(form) {
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

/// The gate question (医療情報システムの有無) is answered いいえ in round 1.
fn gate_says_none(form: &FormInput<'_>) -> bool {
    form.checklist
        .checklist
        .items
        .iter()
        .filter(|i| i.gate)
        .any(|gate| {
            form.answers
                .set
                .answer(&gate.id, 1)
                .is_some_and(|a| a.response == Some(Response::No) && a.carried_from.is_none())
        })
}

fn no_vendor_contract(form: &FormInput<'_>) -> bool {
    form.answers.set.vendors.as_ref().and_then(|v| v.contract) == Some(false)
}

/// Every finding on one form by itself.
pub fn check_form(form: &FormInput<'_>, today: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    let loaded = form.answers;
    let set = &loaded.set;
    let c = &form.checklist.checklist;
    let top = loaded.location(find_key(&loaded.source, "checklist").unwrap_or(0));

    match &set.checklist.digest {
        None => out.push(finding(
            Severity::Warning,
            "checklist-digest-missing",
            top.clone(),
            format!(
                "[checklist] names no digest; add digest = \"{}\" so the answers are tied to this wording",
                form.checklist.digest
            ),
            None,
            None,
        )),
        Some(d) if *d != form.checklist.digest => out.push(finding(
            Severity::Error,
            "checklist-digest-mismatch",
            top.clone(),
            format!(
                "the answers were made against {} with digest {d}, but this checklist's digest is {}: its wording differs; check the answers against the current wording, then update the digest",
                c.full_id(),
                form.checklist.digest
            ),
            None,
            None,
        )),
        Some(_) => {}
    }

    header_findings(form, &mut out);

    let (fy_start, fy_end) = fiscal_year_bounds(c.fiscal_year);
    for item in &c.items {
        let a = set.answer(&item.id, 1);
        let required = is_required(form, item);
        let at = a.map_or_else(|| top.clone(), |a| loaded.location(a.at));
        match a {
            Some(a) if a.response.is_some() && a.carried_from.is_some() && required => out.push(finding(
                Severity::Error,
                "carried-forward-unconfirmed",
                at,
                format!(
                    "{}: the answer {} was carried forward from {} and does not count until confirmed; check it again, set checked_on, and remove `carried_from`",
                    label(item),
                    a.response.map_or("", Response::as_file_str),
                    a.carried_from.as_deref().unwrap_or("last year")
                ),
                Some(&item.id),
                Some(1),
            )),
            Some(a) if a.response.is_some() => {}
            _ if required => out.push(finding(
                Severity::Error,
                "unanswered",
                at,
                format!("{}: no first-round answer (はい/いいえ) yet", label(item)),
                Some(&item.id),
                Some(1),
            )),
            _ => {}
        }
    }

    for a in &set.answers {
        let Some(item) = c.item(&a.item) else {
            continue;
        };
        let at = loaded.location(a.at);
        let f = |sev, code, msg: String| {
            finding(sev, code, at.clone(), msg, Some(&a.item), Some(a.round))
        };
        let what = format!("{} (round {})", label(item), a.round);
        if let Some(review) = a.review {
            out.push(f(
                Severity::Warning,
                "needs-review",
                format!(
                    "{what}: marked `{}` when carried forward; read the item again, then remove `review`",
                    review.as_str()
                ),
            ));
        }
        let Some(response) = a.response else { continue };
        match a.checked_on {
            None => out.push(f(
                Severity::Error,
                "missing-checked-on",
                format!("{what}: answered {response} but no date checked (checked_on)"),
            )),
            Some(d) if d > today => out.push(f(
                Severity::Error,
                "date-in-future",
                format!("{what}: the date checked {d} is after today ({today}, Japan time)"),
            )),
            Some(d) if d < fy_start => out.push(f(
                Severity::Warning,
                "checked-before-fiscal-year",
                format!(
                    "{what}: checked on {d}, before FY{} began ({fy_start}); is this this year's check?",
                    c.fiscal_year
                ),
            )),
            Some(_) => {}
        }
        if response == Response::No {
            match a.target_date {
                None => out.push(f(
                    Severity::Error,
                    "missing-target-date",
                    format!("{what}: いいえ needs a target date (target_date) within FY{} ({fy_start} to {fy_end})", c.fiscal_year),
                )),
                Some(t) if fiscal_year_of(t) != c.fiscal_year => out.push(f(
                    Severity::Error,
                    "target-date-outside-fiscal-year",
                    format!(
                        "{what}: the target date {t} is outside FY{} ({fy_start} to {fy_end}, Japan time)",
                        c.fiscal_year
                    ),
                )),
                Some(_) => {}
            }
        }
        if response == Response::NotApplicable {
            if item.not_applicable_when.is_empty() {
                out.push(f(
                    Severity::Error,
                    "not-applicable-not-allowed",
                    format!("{what}: 対象外 is not allowed for this item; answer はい or いいえ"),
                ));
            } else if role_of(c.form) == Role::Institution
                // A vendor form cannot state the institution's conditions; its reason must.
                && !item
                    .not_applicable_when
                    .iter()
                    .any(|rule| condition_holds(form, *rule))
            {
                let conditions: Vec<String> = item
                    .not_applicable_when
                    .iter()
                    .map(|r| condition_hint(*r))
                    .collect();
                out.push(f(
                    Severity::Error,
                    "not-applicable-condition-unmet",
                    format!("{what}: 対象外 only when {}", conditions.join(", or ")),
                ));
            }
            if a.reason.is_none() {
                out.push(f(
                    Severity::Warning,
                    "not-applicable-without-reason",
                    format!("{what}: 対象外 without a reason; say why in `reason`"),
                ));
            }
        }
        let base = loaded.path.parent().unwrap_or(Path::new("."));
        for e in &a.evidence {
            if !base.join(e).exists() {
                out.push(f(
                    Severity::Warning,
                    "evidence-missing",
                    format!("{what}: evidence `{e}` does not exist (paths are relative to the answers file)"),
                ));
            }
        }
    }
    out
}

fn condition_holds(form: &FormInput<'_>, rule: NotApplicableRule) -> bool {
    match rule {
        NotApplicableRule::NoMedicalInformationSystem => gate_says_none(form),
        NotApplicableRule::NoVendorContract => no_vendor_contract(form),
    }
}

fn condition_hint(rule: NotApplicableRule) -> String {
    match rule {
        NotApplicableRule::NoMedicalInformationSystem => {
            "the gate question (医療情報システムの有無) is answered いいえ".to_owned()
        }
        NotApplicableRule::NoVendorContract => {
            "[vendors] contract = false (no vendor contract)".to_owned()
        }
    }
}

fn label(item: &Item) -> String {
    format!("{} `{}`", item.number, item.id)
}

fn header_findings(form: &FormInput<'_>, out: &mut Vec<Finding>) {
    let loaded = form.answers;
    let set = &loaded.set;
    let c = &form.checklist.checklist;
    match role_of(c.form) {
        Role::Institution => {
            let at = loaded.location(find_key(&loaded.source, "institution").unwrap_or(0));
            let empty = Institution::default();
            let inst = set.institution.as_ref().unwrap_or(&empty);
            let mut missing = Vec::new();
            for (name, value) in [
                ("name", inst.name.is_some()),
                ("prefecture", inst.prefecture.is_some()),
                ("kind", inst.kind.is_some()),
                ("manager (管理者)", inst.manager.is_some()),
                (
                    "security_manager (医療情報システム安全管理責任者)",
                    inst.security_manager.is_some(),
                ),
                ("answered_by", inst.answered_by.is_some()),
            ] {
                if !value {
                    missing.push(name);
                }
            }
            // Midwifery homes are not given a 医療機関コード by the fee tables.
            if inst.code.is_none() && inst.kind != Some(InstitutionKind::MidwiferyHome) {
                missing.push("code (医療機関コード)");
            }
            if !missing.is_empty() {
                out.push(finding(
                    Severity::Error,
                    "missing-institution-field",
                    at.clone(),
                    format!("[institution]: fill in {}", missing.join(", ")),
                    None,
                    None,
                ));
            }
            if let Some(kind) = inst.kind {
                if !c.serves.contains(&kind) {
                    out.push(finding(
                        Severity::Error,
                        "kind-not-served",
                        at.clone(),
                        format!(
                            "a {} does not use {} (it serves: {}); choose the right form with `medsec init --form`",
                            kind.label(Lang::En),
                            c.full_id(),
                            c.serves.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                        None,
                        None,
                    ));
                }
            }
            if let Some(code) = &inst.code {
                code_findings(code, inst.kind, at.clone(), out);
            }
            if set.vendors.as_ref().and_then(|v| v.contract).is_none() {
                out.push(finding(
                    Severity::Error,
                    "vendor-contract-unspecified",
                    loaded.location(vendors_at(loaded)),
                    "[vendors]: say whether there is a vendor contract (contract = true or false); without one, the vendor form (事業者確認用) is not required".to_owned(),
                    None,
                    None,
                ));
            }
        }
        Role::Vendor => {
            let at = loaded.location(find_key(&loaded.source, "vendor").unwrap_or(0));
            let empty = Vendor::default();
            let v = set.vendor.as_ref().unwrap_or(&empty);
            let missing: Vec<&str> = [
                ("name", v.name.is_some()),
                ("system", v.system.is_some()),
                ("contact", v.contact.is_some()),
                ("answered_by", v.answered_by.is_some()),
            ]
            .into_iter()
            .filter(|(_, ok)| !ok)
            .map(|(n, _)| n)
            .collect();
            if !missing.is_empty() {
                out.push(finding(
                    Severity::Error,
                    "missing-vendor-field",
                    at,
                    format!("[vendor]: fill in {}", missing.join(", ")),
                    None,
                    None,
                ));
            }
        }
    }
}

fn code_findings(code: &str, kind: Option<InstitutionKind>, at: Location, out: &mut Vec<Finding>) {
    use super::code::CodeProblem;
    for p in super::code::check(code, kind) {
        let (sev, c, msg) = match p {
            CodeProblem::Shape => (
                Severity::Error,
                "invalid-institution-code",
                format!("医療機関コード `{code}` is not 10 digits"),
            ),
            CodeProblem::FeeTable(d) => (
                Severity::Error,
                "invalid-institution-code",
                format!("医療機関コード `{code}`: the third digit is {d}; it is 1 (医科), 3 (歯科) or 4 (調剤)"),
            ),
            CodeProblem::CheckDigit { expected, found } => (
                Severity::Warning,
                "institution-code-check-digit",
                format!("医療機関コード `{code}`: the check digit is {found}, expected {expected}; check the code (this rule is not from a primary source)"),
            ),
            CodeProblem::KindMismatch(d) => (
                Severity::Warning,
                "institution-code-kind-mismatch",
                format!("医療機関コード `{code}`: the third digit {d} does not fit the kind of institution"),
            ),
        };
        out.push(finding(sev, c, at.clone(), msg, None, None));
    }
}

/// Progress per section and round.
pub fn progress(form: &FormInput<'_>) -> Vec<SectionProgress> {
    let c = &form.checklist.checklist;
    let set = &form.answers.set;
    let mut out = Vec::new();
    for round in ROUNDS {
        if round > 1 && !set.answers.iter().any(|a| a.round == round) {
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
                if round == 1 && is_required(form, item) {
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

/// いいえ answers, in checklist order.
pub fn open_items(form: &FormInput<'_>) -> Vec<OpenItem> {
    let c = &form.checklist.checklist;
    let mut out = Vec::new();
    for round in ROUNDS {
        for item in &c.items {
            if let Some(a) = form.answers.set.answer(&item.id, round) {
                if a.response == Some(Response::No) {
                    out.push(OpenItem {
                        item: item.id.clone(),
                        number: item.number.clone(),
                        text: item.text.clone(),
                        round,
                        target_date: a.target_date,
                    });
                }
            }
        }
    }
    out
}
