//! Whether two checklists are the same form as printed: what verify compares when a report's
//! checklist and the workbook an inspector gives must hold the same text. Item IDs, English,
//! guidance, notes and the file a workbook was recorded from may differ (`--ids-from`, a
//! renamed download); the form, the sections, each item's printed number, wording, scope and
//! requirement, and the fill-in rules may not. The gate question is compared on its own: a
//! `--map gate=ROW` at import names it where the layout did not show it.

use super::model::{Checklist, Item, Rules};

/// What differs between the wording of two checklists (empty: the same form).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordingDiff {
    /// The form itself: edition, form, fiscal year or title (Japanese). The kinds served are
    /// not wording: an official workbook's come from medsec's list, another's are a guess.
    pub form: bool,
    /// Section IDs whose Japanese heading differs, or that one side lacks.
    pub sections: Vec<String>,
    /// Items whose wording, section, scope, requirement or conditions differ, or that one side
    /// lacks: the reference's item where it has one (for its printed number), else the other's.
    pub items: Vec<Item>,
    /// The fill-in rules differ (other than whether the gate question is on the form).
    pub rules: bool,
    /// The gate question's items on each side (other, reference), when they differ.
    pub gate: Option<(Vec<Item>, Vec<Item>)>,
}

impl WordingDiff {
    /// The same form: nothing but the gate question may differ.
    pub fn same_wording(&self) -> bool {
        !self.form && self.sections.is_empty() && self.items.is_empty() && !self.rules
    }
}

/// An item is found on the other side by its printed number and scope (the form prints some
/// numbers once per device kind).
fn key(item: &Item) -> (&str, Vec<&'static str>) {
    (
        item.number.as_str(),
        item.scope.iter().map(|s| s.as_str()).collect(),
    )
}

fn same_item(a: &Item, b: &Item) -> bool {
    a.text.ja == b.text.ja
        && a.section == b.section
        && a.scope == b.scope
        && a.requirement == b.requirement
        && a.not_applicable_when == b.not_applicable_when
}

/// Rules without what a `--map gate=` changes, and without their sources (which name the file).
fn comparable_rules(rules: Option<&Rules>) -> Option<Rules> {
    rules.map(|r| Rules {
        gate: super::model::OnForm::OnForm,
        sources: Vec::new(),
        ..r.clone()
    })
}

/// Compare `other` (a report's checklist) with `reference` (the inspector's).
pub fn compare(other: &Checklist, reference: &Checklist) -> WordingDiff {
    let form = other.edition != reference.edition
        || other.fiscal_year != reference.fiscal_year
        || other.form != reference.form
        || other.title.ja != reference.title.ja;
    let mut sections: Vec<String> = Vec::new();
    for s in &reference.sections {
        match other.sections.iter().find(|o| o.id == s.id) {
            Some(o) if o.title.ja == s.title.ja => {}
            _ => sections.push(s.id.clone()),
        }
    }
    for o in &other.sections {
        if !reference.sections.iter().any(|s| s.id == o.id) {
            sections.push(o.id.clone());
        }
    }
    let mut items: Vec<Item> = Vec::new();
    for r in &reference.items {
        let found = other
            .items
            .iter()
            .filter(|o| key(o) == key(r))
            .collect::<Vec<_>>();
        match found.as_slice() {
            [o] if same_item(o, r) => {}
            _ => items.push(r.clone()),
        }
    }
    for o in &other.items {
        let on_reference = reference.items.iter().filter(|r| key(r) == key(o)).count();
        if on_reference == 0 {
            items.push(o.clone());
        }
    }
    let rules =
        comparable_rules(other.rules.as_ref()) != comparable_rules(reference.rules.as_ref());
    let gates = |c: &Checklist| {
        c.items
            .iter()
            .filter(|i| i.gate)
            .cloned()
            .collect::<Vec<_>>()
    };
    let (other_gate, reference_gate) = (gates(other), gates(reference));
    let gate_keys = |g: &[Item]| g.iter().map(|i| key(i).0.to_owned()).collect::<Vec<_>>();
    let gate = (gate_keys(&other_gate) != gate_keys(&reference_gate))
        .then_some((other_gate, reference_gate));
    WordingDiff {
        form,
        sections,
        items,
        rules,
        gate,
    }
}
