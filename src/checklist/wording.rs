//! Whether two checklists are the same form as printed: what verify compares when a report's
//! checklist and the workbook an inspector gives must hold the same text. Item IDs, English,
//! guidance, notes and the file a workbook was recorded from may differ (`--ids-from`, a
//! renamed download); the form, the sections, each item's printed number, wording, scope and
//! requirement, and the fill-in rules may not. The gate question is compared on its own: a
//! `--map gate=ROW` at import names it where the layout did not show it. Who the form serves
//! (`serves`) is compared where the workbook states it (an official workbook's registry entry,
//! or its form and printed title: [`serves_stated_by`]); an import's guess is not compared.

use super::model::{Checklist, Form, InstitutionKind, Item, Rules};

/// What differs between the wording of two checklists (empty: the same form).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordingDiff {
    /// The form itself: edition, form, fiscal year or title (Japanese).
    pub form: bool,
    /// Who the form serves, where the workbook states it: (other's, stated), when they differ.
    pub serves: Option<(Vec<InstitutionKind>, Vec<InstitutionKind>)>,
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
        !self.form
            && self.serves.is_none()
            && self.sections.is_empty()
            && self.items.is_empty()
            && !self.rules
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

/// Who a workbook's form serves as the form itself states it: a pharmacy form (薬局確認用)
/// serves pharmacies; a title naming 薬局 serves hospitals, clinics and pharmacies (the merged
/// 医療機関・薬局 form); one naming 医療機関 only serves hospitals and clinics. `None` when
/// neither says (an own form): import then assumes hospitals and clinics, a guess.
pub fn serves_stated_by(form: Form, title_ja: &str) -> Option<Vec<InstitutionKind>> {
    use InstitutionKind::{Clinic, Hospital, Pharmacy};
    if form == Form::Pharmacy {
        Some(vec![Pharmacy])
    } else if title_ja.contains("薬局") {
        Some(vec![Hospital, Clinic, Pharmacy])
    } else if title_ja.contains("医療機関") {
        Some(vec![Hospital, Clinic])
    } else {
        None
    }
}

fn sorted(kinds: &[InstitutionKind]) -> Vec<InstitutionKind> {
    let mut kinds = kinds.to_vec();
    kinds.sort_by_key(|k| k.as_str());
    kinds.dedup();
    kinds
}

/// Compare `other` (a report's checklist) with `reference` (the inspector's). `stated_serves`
/// is who the reference form serves as its workbook states it; `None`: not stated, so `serves`
/// is not compared (an import guesses it).
pub fn compare(
    other: &Checklist,
    reference: &Checklist,
    stated_serves: Option<&[InstitutionKind]>,
) -> WordingDiff {
    let form = other.edition != reference.edition
        || other.fiscal_year != reference.fiscal_year
        || other.form != reference.form
        || other.title.ja != reference.title.ja;
    let serves = stated_serves
        .filter(|stated| sorted(stated) != sorted(&other.serves))
        .map(|stated| (other.serves.clone(), stated.to_vec()));
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
        serves,
        sections,
        items,
        rules,
        gate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::model::{OnForm, Requirement, Scope, TargetWindow};
    use crate::checklist::Catalog;

    /// The bundled FY2025 institution form (it has a gate question and a `[rules]` block).
    fn form() -> Checklist {
        let catalog = Catalog::bundled().unwrap();
        let loaded = catalog.resolve("mhlw-institution@fy2025", None).unwrap();
        loaded.checklist.clone()
    }

    fn numbers(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.number.as_str()).collect()
    }

    fn item_mut<'a>(c: &'a mut Checklist, number: &str) -> &'a mut Item {
        c.items.iter_mut().find(|i| i.number == number).unwrap()
    }

    #[test]
    fn an_identical_form_differs_in_nothing() {
        let c = form();
        let diff = compare(&c, &c, Some(&c.serves));
        assert_eq!(diff, WordingDiff::default());
        assert!(diff.same_wording());
    }

    #[test]
    fn ids_english_guidance_and_sources_are_not_wording() {
        let reference = form();
        let mut other = reference.clone();
        for item in &mut other.items {
            item.id = format!("x-{}", item.id);
            item.text.en = "other English".into();
            item.guidance.ja = "別の解説".into();
            item.sources = vec!["workbook:renamed.xlsx#sha256=00".into()];
        }
        other.title.en = "another English title".into();
        if let Some(rules) = other.rules.as_mut() {
            rules.sources = vec!["S99".into()];
        }
        let diff = compare(&other, &reference, None);
        assert!(diff.same_wording() && diff.gate.is_none(), "{diff:?}");
    }

    #[test]
    fn the_form_differs_by_title_edition_or_form() {
        let reference = form();
        let mut title = reference.clone();
        title.title.ja.push_str("(改)");
        let mut edition = reference.clone();
        edition.edition = "fy2024".into();
        let mut kind = reference.clone();
        kind.form = Form::Pharmacy;
        for other in [title, edition, kind] {
            let diff = compare(&other, &reference, None);
            assert!(diff.form && !diff.same_wording(), "{diff:?}");
            assert!(diff.items.is_empty() && diff.sections.is_empty());
        }
    }

    #[test]
    fn who_the_form_serves_differs_only_where_the_workbook_states_it() {
        let reference = form();
        let mut other = reference.clone();
        other.serves.push(InstitutionKind::Pharmacy);
        let stated = [InstitutionKind::Clinic, InstitutionKind::Hospital];
        let diff = compare(&other, &reference, Some(&stated));
        assert_eq!(
            diff.serves,
            Some((other.serves.clone(), stated.to_vec())),
            "{diff:?}"
        );
        assert!(!diff.same_wording() && !diff.form);
        // The same kinds in another order are the same.
        let mut reordered = reference.clone();
        reordered.serves.reverse();
        assert!(compare(&reordered, &reference, Some(&stated)).same_wording());
        // Not stated (an own workbook's title names no kind): not compared.
        assert!(compare(&other, &reference, None).same_wording());
    }

    #[test]
    fn the_form_and_its_title_state_who_it_serves() {
        use InstitutionKind::{Clinic, Hospital, Pharmacy};
        let cases: [(Form, &str, Option<Vec<InstitutionKind>>); 5] = [
            (
                Form::Institution,
                "医療機関・薬局におけるサイバーセキュリティ対策チェックリスト",
                Some(vec![Hospital, Clinic, Pharmacy]),
            ),
            (
                Form::Institution,
                "医療機関におけるサイバーセキュリティ対策チェックリスト",
                Some(vec![Hospital, Clinic]),
            ),
            (
                Form::Pharmacy,
                "薬局におけるサイバーセキュリティ対策チェックリスト(薬局確認用)",
                Some(vec![Pharmacy]),
            ),
            (Form::Pharmacy, "点検表", Some(vec![Pharmacy])),
            (
                Form::Institution,
                "〇〇病院グループ 情報セキュリティ点検表",
                None,
            ),
        ];
        for (form, title, want) in cases {
            assert_eq!(serves_stated_by(form, title), want, "{title}");
        }
    }

    #[test]
    fn a_section_heading_changed_added_or_missing_is_named() {
        let reference = form();
        let mut other = reference.clone();
        other.sections[1].title.ja.push('等');
        let renamed = other.sections[1].id.clone();
        other.sections.push(crate::checklist::model::Section {
            id: "extra".into(),
            title: crate::checklist::Text {
                ja: "追加".into(),
                en: "Extra".into(),
            },
        });
        let diff = compare(&other, &reference, None);
        assert_eq!(diff.sections, vec![renamed.clone(), "extra".to_owned()]);
        let mut missing = reference.clone();
        missing.sections.retain(|s| s.id != renamed);
        assert_eq!(compare(&missing, &reference, None).sections, vec![renamed]);
    }

    #[test]
    fn each_kind_of_item_difference_is_named_by_its_printed_number() {
        let reference = form();
        type Change = (&'static str, fn(&mut Item));
        let changes: [Change; 5] = [
            ("wording", |i| i.text.ja.push('等')),
            ("section", |i| i.section = "3".into()),
            ("requirement", |i| i.requirement = Requirement::Recommended),
            ("scope", |i| i.scope = vec![Scope::Server]),
            ("conditions", |i| i.not_applicable_when.clear()),
        ];
        for (what, change) in changes {
            let mut other = reference.clone();
            change(item_mut(&mut other, "2-②"));
            let diff = compare(&other, &reference, None);
            assert!(!diff.same_wording(), "{what}: {diff:?}");
            assert!(numbers(&diff.items).contains(&"2-②"), "{what}: {diff:?}");
            assert!(
                !diff.form && diff.sections.is_empty() && !diff.rules,
                "{what}"
            );
        }
    }

    #[test]
    fn an_item_missing_or_added_is_named() {
        let reference = form();
        let mut missing = reference.clone();
        missing.items.retain(|i| i.number != "1-①");
        assert_eq!(numbers(&compare(&missing, &reference, None).items), ["1-①"]);
        let mut added = reference.clone();
        let mut extra = added.items.last().unwrap().clone();
        extra.number = "9-⑨".into();
        extra.id = "extra".into();
        added.items.push(extra);
        assert_eq!(numbers(&compare(&added, &reference, None).items), ["9-⑨"]);
    }

    #[test]
    fn the_fill_in_rules_differ_but_not_by_the_gate_alone() {
        let reference = form();
        let mut rules = reference.clone();
        rules.rules.as_mut().unwrap().target_date = TargetWindow::NextFiscalYear;
        assert!(compare(&rules, &reference, None).rules);
        let mut gate_off = reference.clone();
        gate_off.rules.as_mut().unwrap().gate = OnForm::NotOnForm;
        assert!(compare(&gate_off, &reference, None).same_wording());
    }

    #[test]
    fn another_gate_question_is_said_on_its_own() {
        let reference = form();
        let mut other = reference.clone();
        for item in &mut other.items {
            item.gate = item.number == "1-①";
        }
        let diff = compare(&other, &reference, None);
        assert!(diff.same_wording(), "{diff:?}");
        let (theirs, read) = diff.gate.unwrap();
        assert_eq!((numbers(&theirs), numbers(&read)), (vec!["1-①"], vec!["0"]));
    }
}
