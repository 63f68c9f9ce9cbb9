//! The report as people read it: one view of report.json in one language, which every report
//! format (HTML, Markdown, CSV, XLSX) lays out through its template. Dates, labels and the
//! checklist's wording are settled here, once; templates only arrange them.
//!
//! Every string in the view is plain text taken from files (report.json, checklists); the
//! templates escape it for their format. This module never prints.

use crate::answers::{Answer, Response};
use crate::checklist::{Catalog, Checklist, Item, Lang};
use crate::report::{Form, Report};
use jiff::civil::Date;
use serde::Serialize;

/// What was established about the bundle before the report is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerificationState {
    /// The signature verified with a trusted key and every file matched the manifest.
    Verified,
    /// Every file matched the manifest; the signature was not checked against a trusted key.
    IntegrityOnly,
    /// Every file matched the manifest, and the bundle has no signature.
    Unsigned,
    /// Rendered from report.json alone: nothing was checked.
    NotChecked,
    /// The page written into the bundle with the report, signed with it.
    Bundled,
}

/// A finding of the check made before rendering (verify's codes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckFinding {
    pub code: String,
    pub file: Option<String>,
    pub message: String,
    /// verify's class: `note`, `warning`, `finding`, `unusable` or `integrity`.
    pub class: &'static str,
}

/// The check made before rendering, and what the signature says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    pub state: VerificationState,
    /// The signing key's ID (16 hex digits), when the bundle is signed.
    pub key_id: Option<String>,
    /// When it was signed, Japan time, for people.
    pub signed_at: Option<String>,
    pub findings: Vec<CheckFinding>,
    /// The worst class among `findings` that is more than a note: the box is coloured by it
    /// (a box listing a finding is never green).
    pub worst: Option<&'static str>,
    /// What the vendors' signatures say (key ID, time, signer), by the signature's path in
    /// the bundle.
    pub vendor_keys: std::collections::BTreeMap<String, SignatureClaims>,
}

/// What a signature file states of itself, not verified (shown as claims): the key ID, when
/// it was signed (Japan time, for people), and for a vendor form the vendor its trusted comment
/// names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SignatureClaims {
    pub key_id: String,
    pub signed_at: Option<String>,
    pub signer: Option<String>,
    /// Checked with a key trusted for the vendor (`render --trusted`); a page written into the
    /// bundle never checked it, and says so.
    pub verified: bool,
}

/// The claims of a minisign signature file (a bundle's or a vendor form's); `None` when it
/// is not one.
pub fn signature_claims(signature: &[u8], lang: Lang) -> Option<SignatureClaims> {
    use ct_codecs::{Base64, Decoder};
    // Read as verify reads it (BOM, CRLF, UTF-16 from another tool's editor).
    let text = crate::signing::signature_file::signature_text(signature).ok()?;
    let text = text.as_str();
    let sig = minisign_verify::Signature::decode(text).ok()?;
    let key_id = text
        .lines()
        .nth(1)
        .and_then(|l| Base64::decode_to_vec(l, None).ok())
        .and_then(|bytes| crate::signing::keys::key_id_of_bytes(&bytes))?;
    let comment = sig.trusted_comment();
    // Both medsec comments (bundle and vendor form) carry `timestamp:SECONDS`.
    let signed_at = comment
        .split('\t')
        .find_map(|f| f.strip_prefix("timestamp:"))
        .and_then(|t| t.parse::<i64>().ok())
        .and_then(|t| jiff::Timestamp::from_second(t).ok())
        .map(|t| japan_time(t, lang));
    let signer = match crate::signing::comment::parse_vendor(comment) {
        crate::signing::comment::VendorParsed::Medsec { vendor, .. } => Some(vendor),
        _ => None,
    };
    Some(SignatureClaims {
        key_id,
        signed_at,
        signer,
        verified: false,
    })
}

/// Everything a report template needs.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    /// The page's language tag (`ja`, `en`).
    pub lang: String,
    /// The page's heading, after the form answered: the institution's (医療機関における…),
    /// the pharmacy's (薬局における…) or the merged form's (医療機関・薬局における…).
    pub heading: String,
    pub report_sha256: String,
    /// The text the QR code carries (see docs/render.md).
    pub qr_text: String,
    pub verification: Verification,
    pub verification_message: String,
    pub generated_at: String,
    pub fiscal_year: String,
    /// The report's fiscal year is its form's edition year: the heading says the year once.
    pub fiscal_year_is_edition: bool,
    pub as_of: String,
    pub institution: InstitutionView,
    pub main: FormView,
    pub vendor_forms: Vec<FormView>,
    pub probes: Vec<ProbeView>,
    pub probe_host: Option<String>,
    pub probe_time: Option<String>,
    /// Why no probe ran, when the gate question (前提の質問) answered いいえ left every probe
    /// out (the evidence's `skipped_by_gate`, taken as `Report::no_probe_evidence` takes it).
    pub probes_skipped: Option<String>,
    pub findings: Vec<FindingView>,
    /// Counts for the summary line.
    pub counts: Counts,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// Items whose latest answered round is いいえ.
    pub no: usize,
    /// Of those, the items whose target date has passed.
    pub overdue: usize,
    pub unanswered: usize,
    pub findings: usize,
    pub unverified_wording: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct InstitutionView {
    pub name: String,
    pub code: String,
    pub kind: String,
    pub prefecture: String,
    pub manager: String,
    pub security_manager: String,
    pub answered_by: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct VendorView {
    pub name: String,
    pub system: String,
    pub contact: String,
    pub answered_by: String,
    /// The vendor's signature file in the bundle, when there is one.
    pub signature: Option<String>,
    pub key_id: Option<String>,
    /// When the vendor signed, and the vendor the signature names, as the signature says.
    pub signed_at: Option<String>,
    pub signer: Option<String>,
    /// The signature was checked with the vendor's trusted key before this page was made.
    pub verified: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct FormView {
    pub file: String,
    pub title: String,
    pub checklist_id: String,
    pub edition: String,
    /// The edition for people: 令和7年度版（FY2025）, FY2025 edition.
    pub edition_label: String,
    pub form: String,
    /// The title already names the form (`テスト用チェックリスト 医療機関確認用`): the heading
    /// does not say it twice.
    pub form_in_title: bool,
    /// The edition's fiscal year.
    pub edition_year: i16,
    /// The title already names the edition's year (`…(令和7年度版) 医療機関確認用`): the
    /// heading does not say it twice.
    pub edition_in_title: bool,
    pub guideline_version: String,
    /// The Guideline's edition as people name it (ガイドライン第6.0版, guideline 6.0); empty
    /// when the checklist does not say.
    pub guideline: String,
    pub digest: String,
    /// False when the checklist of this form is not known to this medsec: items show by ID.
    pub checklist_known: bool,
    pub vendor: Option<VendorView>,
    pub sections: Vec<SectionView>,
    /// For an own checklist: the heading naming the MHLW checklist it extends (with its
    /// digest), and the base items it leaves out with their reasons. Empty otherwise.
    pub out_of_scope_heading: String,
    pub out_of_scope: Vec<OutOfScopeView>,
    /// For an own checklist: the line naming it with its digest beside the MHLW edition it
    /// extends with that one's digest, under the form's heading. Empty otherwise.
    pub extends_line: String,
}

/// A base item an own checklist leaves out: 対象外 with its reason.
#[derive(Debug, Clone, Serialize)]
pub struct OutOfScopeView {
    pub id: String,
    pub label: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub title: String,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub id: String,
    pub number: String,
    pub label: String,
    pub text: String,
    pub scope: String,
    pub requirement: String,
    /// The wording is not yet checked against the official form.
    pub unverified: bool,
    pub rounds: Vec<RoundView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundView {
    pub round: u8,
    /// `yes`, `no`, `na`, or empty when not answered.
    pub code: &'static str,
    pub response: String,
    pub checked_on: String,
    pub target_date: String,
    /// The dates as `YYYY-MM-DD` (for CSV).
    pub checked_on_iso: String,
    pub target_date_iso: String,
    pub overdue: bool,
    pub reason: String,
    pub note: String,
    pub carried_from: String,
    pub evidence: Vec<EvidenceView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceView {
    /// As the answers file names it.
    pub named_as: String,
    /// Its place in the bundle and SHA-256, when attached.
    pub path: Option<String>,
    pub sha256: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProbeView {
    pub kind: String,
    pub name: String,
    /// `pass`, `fail` or `unknown`.
    pub verdict_code: &'static str,
    pub verdict: String,
    pub reason: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub code: String,
    /// `error` or `warning`.
    pub severity_code: String,
    pub severity: String,
    pub source: String,
    pub place: String,
    pub item: String,
    pub round: String,
    /// The item with its round, as the catalog writes it (`answers-item-round`:
    /// 「2-⑥ セキュリティパッチ(1回目)」, "… (round 1)").
    pub item_round: String,
    pub message: String,
}

/// Where a finding comes from, for people. report.json records the evidence checks
/// (`evidence-other-institution`, …) as `contradiction` (older readers know no other source),
/// but they are problems of the probe evidence itself: their code decides.
fn source_label(f: &crate::report::Finding, lang: Lang) -> String {
    if crate::report::evidence_check::CODES.contains(&f.code.as_str()) {
        return crate::tr!(lang, "inspector-source-probe-evidence");
    }
    match f.source {
        crate::report::FindingSource::Status => crate::tr!(lang, "report-html-source-status"),
        crate::report::FindingSource::Contradiction => {
            crate::tr!(lang, "report-html-source-contradiction")
        }
    }
}

/// A date for people as every command shows it ([`crate::dates::for_people`]): in Japanese
/// Western and 和暦 (`2025-06-02(令和7年6月2日)`), in English the ISO date alone.
pub fn date_text(date: Date, lang: Lang) -> String {
    crate::dates::for_people(date, lang)
}

fn response_code(r: Option<Response>) -> &'static str {
    match r {
        Some(Response::Yes) => "yes",
        Some(Response::No) => "no",
        Some(Response::NotApplicable) => "na",
        None => "",
    }
}

fn response_text(r: Option<Response>, lang: Lang) -> String {
    match r {
        Some(Response::Yes) => crate::tr!(lang, "report-html-yes"),
        Some(Response::No) => crate::tr!(lang, "report-html-no"),
        Some(Response::NotApplicable) => crate::tr!(lang, "report-html-na"),
        None => String::new(),
    }
}

/// What the verification established, in one sentence for the page.
fn verification_message(v: &Verification, lang: Lang) -> String {
    let key = v.key_id.clone().unwrap_or_default();
    match v.state {
        VerificationState::Verified => crate::tr!(lang, "report-html-state-verified", key = key),
        VerificationState::IntegrityOnly => {
            crate::tr!(lang, "report-html-state-integrity-only", key = key)
        }
        VerificationState::Unsigned => crate::tr!(lang, "report-html-state-unsigned"),
        VerificationState::NotChecked => crate::tr!(lang, "report-html-state-not-checked"),
        VerificationState::Bundled => crate::tr!(lang, "report-html-state-bundled", key = key),
    }
}

/// The text the printed QR code carries: `medsec:sha256=<64 hex>;key=<key ID>`, or without
/// `;key=…` when the report is not signed.
pub fn qr_text(report_sha256: &str, key_id: Option<&str>) -> String {
    match key_id {
        Some(k) => format!("medsec:sha256={report_sha256};key={k}"),
        None => format!("medsec:sha256={report_sha256}"),
    }
}

/// Build the view of `report` (whose report.json bytes have SHA-256 `report_sha256`).
/// `as_of` decides which target dates are overdue.
pub fn build(
    report: &Report,
    report_sha256: &str,
    verification: Verification,
    catalog: &Catalog,
    lang: Lang,
    as_of: Date,
) -> View {
    let mut counts = Counts::default();
    let main = form_view(report, &report.answers, &verification, catalog, lang, as_of);
    let vendor_forms: Vec<FormView> = report
        .vendor_forms
        .iter()
        .map(|f| form_view(report, f, &verification, catalog, lang, as_of))
        .collect();
    for form in std::iter::once(&main).chain(&vendor_forms) {
        for item in form.sections.iter().flat_map(|s| &s.items) {
            counts.unverified_wording += usize::from(item.unverified);
            // Items whose latest answered round is いいえ (and, of those, with a passed target
            // date), as summarize counts them: an item answered いいえ in 1回目 and はい in
            // 2回目 is neither.
            let latest = item.rounds.iter().rev().find(|r| !r.code.is_empty());
            counts.no += usize::from(latest.is_some_and(|r| r.code == "no"));
            counts.overdue += usize::from(latest.is_some_and(|r| r.overdue));
            for r in &item.rounds {
                counts.unanswered += usize::from(r.round == 1 && r.code.is_empty());
            }
        }
    }
    let inst = report
        .answers
        .answers
        .institution
        .clone()
        .unwrap_or_default();
    let text = |s: Option<String>| s.unwrap_or_default();
    let institution = InstitutionView {
        name: inst.name.unwrap_or_else(|| report.institution.name.clone()),
        code: inst.code.unwrap_or_else(|| report.institution.code.clone()),
        // A label cell, not a word in a sentence: "Clinic" in English, as 診療所 in Japanese.
        kind: inst
            .kind
            .map(|k| capitalised(k.label(lang)))
            .unwrap_or_default(),
        prefecture: text(inst.prefecture),
        manager: text(inst.manager),
        security_manager: text(inst.security_manager),
        answered_by: text(inst.answered_by),
    };
    let label_of = |id: &str| item_label(catalog, report, id, lang);
    let known_label = |id: &str| {
        std::iter::once(&report.answers)
            .chain(&report.vendor_forms)
            .filter_map(|f| checklist_of(catalog, f))
            .find_map(|c| c.item(id))
            .map(|i| i.label(lang))
    };
    let (probes, probe_host, probe_time) = match &report.probe_evidence {
        Some(e) => (
            e.results
                .iter()
                .map(|r| ProbeView {
                    kind: r.kind.label(lang).to_owned(),
                    name: r.name.clone().unwrap_or_default(),
                    verdict_code: r.verdict.as_str(),
                    verdict: match r.verdict {
                        crate::probes::evidence::Verdict::Pass => {
                            crate::tr!(lang, "report-html-pass")
                        }
                        crate::probes::evidence::Verdict::Fail => {
                            crate::tr!(lang, "report-html-fail")
                        }
                        crate::probes::evidence::Verdict::Unknown => {
                            crate::tr!(lang, "report-html-unknown")
                        }
                    },
                    // In the reader's language from the reason's codes; the recorded English
                    // sentence only where the evidence has no codes (older files).
                    reason: crate::probes::messages::join_coded(&r.reason_details, lang, &r.reason),
                    // Only the items of the form in use (evidence names items of several
                    // editions, e.g. security-patches-server, which the FY2025 form lacks).
                    items: r.items.iter().filter_map(|i| known_label(i)).collect(),
                })
                .collect(),
            Some(e.host.name.clone()),
            Some(japan_time(e.finished, lang)),
        ),
        None => (Vec::new(), None, None),
    };
    let probes_skipped = report
        .probe_evidence
        .as_ref()
        .filter(|e| e.results.is_empty() && report.no_probe_evidence().is_none())
        .and_then(|e| e.skipped_by_gate.as_ref())
        .map(|skip| crate::tr!(lang, "report-html-probes-skipped-gate", count = skip.probes));
    let mut findings: Vec<FindingView> = report
        .findings
        .iter()
        .map(|f| FindingView {
            code: f.code.clone(),
            severity_code: f.severity.clone(),
            severity: match f.severity.as_str() {
                "error" => crate::tr!(lang, "report-html-severity-error"),
                "warning" => crate::tr!(lang, "report-html-severity-warning"),
                other => other.to_owned(),
            },
            source: source_label(f, lang),
            place: match (&f.file, f.line) {
                (Some(file), Some(line)) => format!("{file}:{line}"),
                (Some(file), None) => file.clone(),
                _ => String::new(),
            },
            item: f.item.as_deref().map(label_of).unwrap_or_default(),
            round: f.round.map(|r| r.to_string()).unwrap_or_default(),
            item_round: match (f.item.as_deref().map(label_of), f.round) {
                (Some(item), Some(round)) => {
                    crate::tr!(lang, "answers-item-round", item = item, round = round)
                }
                (item, _) => item.unwrap_or_default(),
            },
            message: f.message_in(lang, report.checklist_of(f, catalog)),
        })
        .collect();
    // Found from report.json as verify and status find it, never recorded in it.
    if let Some(lack) = report.no_probe_evidence() {
        findings.push(FindingView {
            code: "no-probe-evidence".to_owned(),
            severity_code: "warning".to_owned(),
            severity: crate::tr!(lang, "report-html-severity-warning"),
            source: crate::tr!(lang, "report-evidence-source-computed"),
            place: String::new(),
            item: String::new(),
            round: String::new(),
            item_round: String::new(),
            message: lack.message(lang),
        });
    }
    counts.findings = findings.len();
    let generated_at = report
        .generated_at
        .parse::<jiff::Timestamp>()
        .map_or_else(|_| report.generated_at.clone(), |t| japan_time(t, lang));
    View {
        lang: crate::tr!(lang, "report-html-lang"),
        heading: heading(report, checklist_of(catalog, &report.answers), lang),
        report_sha256: report_sha256.to_owned(),
        qr_text: qr_text(report_sha256, verification.key_id.as_deref()),
        verification_message: verification_message(&verification, lang),
        verification,
        generated_at,
        fiscal_year: crate::tr!(
            lang,
            "report-html-fiscal-year",
            wareki = crate::dates::wareki_fiscal_year(report.fiscal_year),
            year = report.fiscal_year.to_string()
        ),
        fiscal_year_is_edition: report.fiscal_year == main.edition_year,
        as_of: date_text(as_of, lang),
        institution,
        main,
        vendor_forms,
        probes,
        probe_host,
        probes_skipped,
        probe_time,
        findings,
        counts,
    }
}

/// A time for people, Japan time: `2025-10-01 09:00 +09:00`, in Japanese with the date's
/// 和暦 (see [`crate::dates::time_for_people`]).
pub fn japan_time(t: jiff::Timestamp, lang: Lang) -> String {
    crate::dates::time_for_people(t, lang)
}

/// The report's heading after the form answered (see [`View::heading`]).
fn heading(report: &Report, checklist: Option<&Checklist>, lang: Lang) -> String {
    use crate::checklist::{Form as Kind, InstitutionKind};
    let serves = checklist.map_or(&[][..], |c| &c.serves[..]);
    let merged = serves.contains(&InstitutionKind::Pharmacy)
        && serves
            .iter()
            .any(|k| matches!(k, InstitutionKind::Hospital | InstitutionKind::Clinic));
    match Kind::parse(&report.answers.checklist.form) {
        Some(Kind::Pharmacy) => crate::tr!(lang, "report-html-title-pharmacy"),
        Some(Kind::Institution) if merged => crate::tr!(lang, "report-html-title-merged"),
        _ => crate::tr!(lang, "report-html-title"),
    }
}

fn checklist_of<'a>(catalog: &'a Catalog, form: &Form) -> Option<&'a Checklist> {
    catalog
        .by_digest(&form.checklist.digest)
        .map(|l| &l.checklist)
}

/// An item named for people by its printed number and short title, or by its ID when the
/// checklist is not known.
fn item_label(catalog: &Catalog, report: &Report, id: &str, lang: Lang) -> String {
    std::iter::once(&report.answers)
        .chain(&report.vendor_forms)
        .filter_map(|f| checklist_of(catalog, f))
        .find_map(|c| c.named_item(id))
        .map_or_else(|| id.to_owned(), |i| i.label(lang))
}

fn form_view(
    report: &Report,
    form: &Form,
    verification: &Verification,
    catalog: &Catalog,
    lang: Lang,
    as_of: Date,
) -> FormView {
    let checklist = checklist_of(catalog, form);
    let round_view = |answer: Option<&Answer>, round: u8| -> RoundView {
        let Some(a) = answer else {
            return RoundView {
                round,
                code: "",
                response: String::new(),
                checked_on: String::new(),
                target_date: String::new(),
                checked_on_iso: String::new(),
                target_date_iso: String::new(),
                overdue: false,
                reason: String::new(),
                note: String::new(),
                carried_from: String::new(),
                evidence: Vec::new(),
            };
        };
        let overdue = a.response == Some(Response::No) && a.target_date.is_some_and(|d| d < as_of);
        RoundView {
            round,
            code: response_code(a.response),
            response: response_text(a.response, lang),
            checked_on: a.checked_on.map(|d| date_text(d, lang)).unwrap_or_default(),
            target_date: a
                .target_date
                .map(|d| date_text(d, lang))
                .unwrap_or_default(),
            checked_on_iso: a.checked_on.map(|d| d.to_string()).unwrap_or_default(),
            target_date_iso: a.target_date.map(|d| d.to_string()).unwrap_or_default(),
            overdue,
            reason: a.reason.clone().unwrap_or_default(),
            note: a.note.clone().unwrap_or_default(),
            carried_from: a.carried_from.clone().unwrap_or_default(),
            evidence: a
                .evidence
                .iter()
                .map(|named| {
                    let attached = report.evidence.iter().find(|e| {
                        e.form.as_deref() == Some(form.file.as_str())
                            && e.named_as.as_deref() == Some(named.as_str())
                    });
                    EvidenceView {
                        named_as: named.clone(),
                        path: attached.map(|e| e.path.clone()),
                        sha256: attached.map(|e| e.sha256.clone()),
                    }
                })
                .collect(),
        }
    };
    let rounds_of = |id: &str| -> Vec<RoundView> {
        let mut rounds: Vec<RoundView> = crate::answers::ROUNDS
            .iter()
            .map(|&round| round_view(form.answers.answer(id, round), round))
            .collect();
        // Overdue is judged on an item's latest answered round, as summarize judges it: a
        // 1回目 いいえ answered はい in 2回目 is no overdue target date.
        let latest = rounds.iter().rposition(|r| !r.code.is_empty());
        for (i, r) in rounds.iter_mut().enumerate() {
            r.overdue &= Some(i) == latest;
        }
        rounds
    };
    let item_view = |item: &Item| ItemView {
        id: item.id.clone(),
        number: item.number.clone(),
        label: item.label(lang),
        text: item.text.get(lang).to_owned(),
        scope: item.scope_label(lang),
        requirement: item.requirement.label(lang).to_owned(),
        unverified: !item.verified,
        rounds: rounds_of(&item.id),
    };
    let sections = match checklist {
        Some(c) => c
            .sections
            .iter()
            .map(|s| SectionView {
                title: s.title.get(lang).to_owned(),
                items: c
                    .items
                    .iter()
                    .filter(|i| i.section == s.id)
                    .map(item_view)
                    .collect(),
            })
            .filter(|s| !s.items.is_empty())
            .collect(),
        None => {
            // The checklist is not known here: every item the answers name, by ID.
            let mut ids: Vec<&str> = Vec::new();
            for a in &form.answers.answers {
                if !ids.contains(&a.item.as_str()) {
                    ids.push(&a.item);
                }
            }
            vec![SectionView {
                title: String::new(),
                items: ids
                    .into_iter()
                    .map(|id| ItemView {
                        id: id.to_owned(),
                        number: String::new(),
                        label: id.to_owned(),
                        text: String::new(),
                        scope: String::new(),
                        requirement: String::new(),
                        unverified: true,
                        rounds: rounds_of(id),
                    })
                    .collect(),
            }]
        }
    };
    let claims = form
        .signature
        .as_ref()
        .and_then(|s| verification.vendor_keys.get(s));
    let vendor = form.answers.vendor.as_ref().map(|v| VendorView {
        name: v.name.clone().unwrap_or_default(),
        system: v.system.clone().unwrap_or_default(),
        contact: v.contact.clone().unwrap_or_default(),
        answered_by: v.answered_by.clone().unwrap_or_default(),
        signature: form.signature.clone(),
        key_id: claims.map(|c| c.key_id.clone()),
        signed_at: claims.and_then(|c| c.signed_at.clone()),
        signer: claims.and_then(|c| c.signer.clone()),
        verified: claims.is_some_and(|c| c.verified),
    });
    let title = checklist.map_or_else(
        || form.checklist.full_id(),
        |c| c.title.get(lang).to_owned(),
    );
    let form_label = crate::checklist::Form::parse(&form.checklist.form).map_or_else(
        || form.checklist.form.clone(),
        |f| f.label_serving(checklist.map_or(&[], |c| &c.serves[..]), lang),
    );
    let form_in_title = title.contains(&form_label);
    let year = form.checklist.fiscal_year;
    let edition_in_title = title.contains(&crate::dates::wareki_fiscal_year(year))
        || title.contains(&format!("FY{year}"));
    FormView {
        file: form.file.clone(),
        title,
        checklist_id: form.checklist.full_id(),
        edition: form.checklist.edition.clone(),
        edition_label: crate::tr!(
            lang,
            "polish-edition",
            wareki = crate::dates::wareki_fiscal_year(form.checklist.fiscal_year),
            year = form.checklist.fiscal_year.to_string()
        ),
        form: form_label.clone(),
        form_in_title,
        edition_year: form.checklist.fiscal_year,
        edition_in_title,
        guideline_version: checklist
            .map(|c| c.guideline_version.clone())
            .unwrap_or_default(),
        guideline: checklist
            .map(|c| c.guideline_version.as_str())
            .filter(|v| !v.is_empty())
            .map(|v| crate::tr!(lang, "render-guideline", version = v))
            .unwrap_or_default(),
        digest: form.checklist.digest.clone(),
        checklist_known: checklist.is_some(),
        vendor,
        sections,
        out_of_scope_heading: checklist
            .and_then(|c| c.extends.as_ref())
            .map(|e| {
                // The extension with its digest beside the base with its own (`own`).
                let (base, base_digest) = e.resolved.as_ref().map_or_else(
                    || (e.base.clone(), String::new()),
                    |b| (b.full_id(), b.digest.clone()),
                );
                crate::tr!(
                    lang,
                    "own-out-of-scope-heading",
                    checklist = form.checklist.full_id(),
                    digest = form.checklist.digest.as_str(),
                    base = base,
                    base_digest = base_digest
                )
            })
            .unwrap_or_default(),
        extends_line: extends_line(form, checklist, &form_label, lang),
        out_of_scope: checklist
            .and_then(|c| c.extends.as_ref())
            .map(|e| {
                e.out_of_scope
                    .iter()
                    .map(|o| OutOfScopeView {
                        id: o.item.clone(),
                        label: o.label(lang),
                        reason: o.reason.get(lang).to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The line naming an own checklist and the MHLW edition it extends, each with its digest, as
/// the report recorded them (the checklist's own `extends` when an older report did not).
fn extends_line(
    form: &crate::report::Form,
    checklist: Option<&crate::checklist::Checklist>,
    form_label: &str,
    lang: Lang,
) -> String {
    let recorded = form.checklist.extends.clone().or_else(|| {
        checklist
            .and_then(|c| c.extends.as_ref())
            .and_then(|e| e.resolved.clone())
    });
    let Some(base) = recorded else {
        return String::new();
    };
    let edition = crate::checklist::edition::fiscal_year_of(&base.edition).map_or_else(
        || base.edition.clone(),
        |year| {
            crate::tr!(
                lang,
                "polish-edition",
                wareki = crate::dates::wareki_fiscal_year(year),
                year = year.to_string()
            )
        },
    );
    crate::tr!(
        lang,
        "report-extends-line",
        checklist = form.checklist.full_id(),
        digest = form.checklist.digest.as_str(),
        edition = edition,
        form = form_label,
        base = base.full_id(),
        base_digest = base.digest.as_str()
    )
}

/// `text` with its first letter upper-case (English labels standing alone).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The worst class among `findings` that is more than a note (see [`Verification::worst`]).
pub fn worst_class(findings: &[CheckFinding]) -> Option<&'static str> {
    const ORDER: [&str; 4] = ["warning", "finding", "unusable", "integrity"];
    findings
        .iter()
        .filter_map(|f| ORDER.iter().position(|c| *c == f.class))
        .max()
        .and_then(|i| ORDER.get(i).copied())
}
