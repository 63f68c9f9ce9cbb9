//! `medsec summarize`: one row per bundle, as a table for people, CSV and XLSX for a health
//! centre's spreadsheet, and JSON for scripts. Every cell from a bundle is escaped for its
//! format: control characters in the table, formula-like starts in CSV, text cells in XLSX.

use super::text::escape_controls as esc;
use crate::answers::sheet::quote_formula;
use crate::checklist::Lang;
use crate::exit::Exit;
use crate::tr;
use serde::Serialize;

/// The version of `summarize --format json` output.
pub const SUMMARY_JSON_VERSION: u32 = 1;

/// The worst finding for people in the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// An answer a probe contradicts: 回答と実機確認の矛盾.
    Contradiction,
    /// The first sentence of the finding's message.
    Text(String),
    /// No sentence to show: the code.
    Code(String),
}

impl Label {
    fn text(&self, lang: Lang) -> String {
        match self {
            Label::Contradiction => tr!(lang, "report-html-source-contradiction"),
            Label::Text(t) => t.clone(),
            Label::Code(code) => code.clone(),
        }
    }
}

/// One bundle's row. `None` where the bundle's content was not trusted or could not tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub path: String,
    /// The path as the table shows it: relative to the folder given (see
    /// `commands::summarize`); the other formats keep `path` whole.
    #[serde(skip)]
    pub shown_path: String,
    #[serde(skip)]
    pub exit: Exit,
    /// The code of the first finding of the worst class, when that class is above a note.
    pub worst_finding: Option<String>,
    /// The same finding for people (the table shows it; the code is for scripts).
    #[serde(skip)]
    pub worst_label: Option<Label>,
    pub institution_code: Option<String>,
    pub institution_name: Option<String>,
    pub prefecture: Option<String>,
    /// The prefecture the 医療機関コード's first two digits name (JIS X 0401, e.g. `東京都`),
    /// when it is not the prefecture given (status's `institution-code-prefecture-mismatch`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_prefecture_mismatch: Option<String>,
    /// What report.json says of the institution when the bundle did not verify: read for
    /// the inspector to know whose bundle it claims to be, never shown as verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified_institution: Option<UnverifiedInstitution>,
    /// The checklist's ID.
    pub checklist: Option<String>,
    pub edition: Option<String>,
    pub fiscal_year: Option<i16>,
    /// No error of the inspection's rules in the re-run.
    pub complete: Option<bool>,
    /// For a report on an own checklist: how many base items it marks out of scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_of_scope: Option<usize>,
    /// For a report on an own checklist: the MHLW edition it extends (`ID@EDITION`), which the
    /// table names beside the edition and in the not-official note.
    #[serde(skip)]
    pub extends: Option<String>,
    /// Items whose latest answered round is いいえ.
    pub no_answers: Option<usize>,
    /// Of those, target dates before the as-of date.
    pub overdue_target_dates: Option<usize>,
    /// Whether the report carries probe evidence.
    pub probe_evidence: Option<bool>,
    pub probe_failures: Option<usize>,
    pub contradictions: Option<usize>,
    /// Codes of what is wrong with the probe evidence (`evidence-other-institution`,
    /// `evidence-no-institution`, …), from verify's re-run.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence_findings: Vec<String>,
    /// When it was signed (RFC 3339, Japan time), from a verified signature.
    pub signed_at: Option<String>,
    /// The signature verified, but the bundle failed its integrity or trust check (a file
    /// changed since it was signed, a key not trusted for the institution): `signed_at` is
    /// not this bundle's signed date, and every format marks it unverified. Added beside
    /// `signed_at` (which keeps its meaning) and only when true, so JSON readers are not broken.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub signed_at_unverified: bool,
    pub key_id: Option<String>,
    pub report_sha256: Option<String>,
    /// Codes of verify's notes about what the report rests on (`checklist-not-official`: its
    /// checklist is not an official MHLW form; `checklist-gate-named-at-import`, …): exit 0,
    /// yet what an inspector reading only the summary must see. Left out of JSON when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The institution as an unverified report.json names it (any part may be missing).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UnverifiedInstitution {
    pub code: Option<String>,
    pub name: Option<String>,
    pub prefecture: Option<String>,
}

impl Row {
    /// The signed date (YYYY-MM-DD) as `show` writes it, followed by the unverified mark when
    /// it is not this bundle's trusted date; empty when there is none.
    fn signed_cell(&self, lang: Lang, show: impl Fn(&str) -> String) -> String {
        match self.signed_at.as_deref() {
            None => String::new(),
            Some(t) if self.signed_at_unverified => {
                format!("{}{}", show(date_of(t)), tr!(lang, "summarize-unverified"))
            }
            Some(t) => show(date_of(t)),
        }
    }

    /// The institution's code, name and prefecture as cells: verified ones as they are,
    /// unverified ones (from a bundle that did not verify) each marked as such.
    fn institution_cells(&self, lang: Lang) -> [Option<String>; 3] {
        match &self.unverified_institution {
            Some(u) => {
                let mark = tr!(lang, "summarize-unverified");
                [&u.code, &u.name, &u.prefecture].map(|v| v.as_ref().map(|s| format!("{s}{mark}")))
            }
            None => [
                self.institution_code.clone(),
                self.institution_name.clone(),
                self.prefecture.clone(),
            ],
        }
    }
}

/// `valid`, `findings`, `unusable`, `invalid`: the result word in JSON.
fn result_code(exit: Exit) -> &'static str {
    match exit {
        Exit::Ok => "valid",
        Exit::Findings => "findings",
        Exit::Unusable => "unusable",
        Exit::Integrity => "invalid",
    }
}

fn verdict(exit: Exit, lang: Lang) -> String {
    match exit {
        Exit::Ok => tr!(lang, "verify-verdict-valid"),
        Exit::Findings => tr!(lang, "verify-verdict-findings"),
        Exit::Unusable => tr!(lang, "verify-verdict-unusable"),
        Exit::Integrity => tr!(lang, "verify-verdict-invalid"),
    }
}

/// An edition as people say it (`fy2025` → 令和7年度版 / FY2025), as verify says the year;
/// another edition name as it is.
pub(crate) fn edition_for_people(edition: &str, lang: Lang) -> String {
    match edition
        .strip_prefix("fy")
        .and_then(|y| y.parse::<i16>().ok())
    {
        Some(year) => tr!(
            lang,
            "report-review-edition",
            wareki = crate::dates::wareki_fiscal_year(year),
            year = year
        ),
        None => edition.to_owned(),
    }
}

fn yes_no(value: Option<bool>, lang: Lang) -> String {
    match value {
        Some(true) => tr!(lang, "common-yes"),
        Some(false) => tr!(lang, "common-no"),
        None => String::new(),
    }
}

fn number(value: Option<usize>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

/// The signed date (YYYY-MM-DD) of an RFC 3339 time.
fn date_of(time: &str) -> &str {
    time.get(..10).unwrap_or(time)
}

fn paint(text: &str, exit: Exit, color: bool) -> String {
    if !color {
        return text.to_owned();
    }
    let code = match exit {
        Exit::Ok => "1;32",
        Exit::Findings => "1;33",
        Exit::Unusable | Exit::Integrity => "1;31",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// The table: one row per bundle, then the count line and where the details are.
/// `verify_flags` are the flags of `medsec verify` that repeat the user's (`--pubkey FILE` or
/// `--trusted FILE`, `--as-of DATE`), quoted for the shell, for the last line's command.
pub fn table(rows: &[Row], lang: Lang, color: bool, verify_flags: &str) -> String {
    let header = [
        tr!(lang, "summarize-col-bundle"),
        tr!(lang, "summarize-col-result"),
        tr!(lang, "summarize-col-institution"),
        tr!(lang, "summarize-col-edition"),
        tr!(lang, "summarize-col-answers"),
        tr!(lang, "summarize-col-probes"),
        tr!(lang, "summarize-col-signed"),
    ];
    let mut t = super::table(header.iter().map(String::as_str).collect());
    // Paths, IDs and codes are copied from here (`medsec verify PATH`): never cut. The prose
    // columns, which wrap to fit the terminal, are the institution's name, the prefecture, the
    // result's verdict, complete or not and the probes' counts; each code, ID, path and date
    // sits on a line of its own so that only prose gives way.
    for r in rows {
        let mut result = match (&r.worst_label, &r.worst_finding) {
            (Some(label), _) => format!(
                "{}
{}",
                verdict(r.exit, lang),
                esc(&label.text(lang))
            ),
            (None, Some(code)) => format!(
                "{}
{}",
                verdict(r.exit, lang),
                esc(code)
            ),
            (None, None) => verdict(r.exit, lang),
        };
        // The notes an inspector must see, each in words on a line of its own (the codes stay
        // in CSV, XLSX and JSON).
        for code in &r.notes {
            let label = match &r.extends {
                // Its base items are the MHLW form's: only its own items are not.
                Some(base) if code == "checklist-not-official" => {
                    tr!(
                        lang,
                        "own-summarize-note-not-official",
                        base = base.as_str()
                    )
                }
                _ => tr!(lang, "summarize-note-label", code = code.as_str()),
            };
            result.push('\n');
            result.push_str(&tr!(
                lang,
                "summarize-cell-note",
                code = esc(&label).into_owned()
            ));
        }
        // Seven columns to fit a terminal: the institution's code, name and prefecture in one
        // cell, and the answers' state (complete, いいえ, overdue) in another, one per line.
        // CSV, XLSX and JSON keep a column for each.
        let mut institution = r
            .institution_cells(lang)
            .into_iter()
            .flatten()
            .map(|s| esc(&s).into_owned())
            .collect::<Vec<_>>();
        if let Some(p) = &r.code_prefecture_mismatch {
            institution.push(tr!(
                lang,
                "summarize-cell-code-prefecture",
                prefecture = esc(p).into_owned()
            ));
        }
        let institution = institution.join("\n");
        let answers = [
            r.complete.map(|c| {
                if c {
                    tr!(lang, "summarize-cell-complete")
                } else {
                    tr!(lang, "summarize-cell-incomplete")
                }
            }),
            r.no_answers
                .map(|n| tr!(lang, "summarize-cell-no", count = n)),
            r.overdue_target_dates
                .map(|n| tr!(lang, "summarize-cell-overdue", count = n)),
            r.out_of_scope
                .filter(|n| *n > 0)
                .map(|n| tr!(lang, "own-summarize-out-of-scope", count = n)),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n");
        let probes = match (r.probe_evidence, r.probe_failures, r.contradictions) {
            (Some(false), _, _) => tr!(lang, "summarize-probes-none"),
            (Some(true), failures, contradictions) => tr!(
                lang,
                "summarize-probes",
                failures = number(failures),
                contradictions = number(contradictions)
            ),
            (None, _, _) => String::new(),
        };
        // What is wrong with the evidence (another institution's, …), by its codes.
        let probes = if r.evidence_findings.is_empty() {
            probes
        } else {
            format!("{probes}\n{}", esc(&r.evidence_findings.join("\n")))
        };
        t.add_row(vec![
            esc(&r.shown_path).into_owned(),
            paint(&result, r.exit, color),
            institution,
            r.edition.as_deref().map_or_else(String::new, |e| {
                let edition = esc(&edition_for_people(e, lang)).into_owned();
                match (&r.checklist, &r.extends) {
                    (Some(own), Some(base)) => format!(
                        "{edition}\n{}",
                        tr!(
                            lang,
                            "own-summarize-extends",
                            checklist = esc(own).into_owned(),
                            base = esc(base).into_owned()
                        )
                    ),
                    _ => edition,
                }
            }),
            answers,
            probes,
            r.signed_cell(lang, |d| {
                esc(&crate::dates::iso_for_people(d, lang)).into_owned()
            }),
        ]);
    }
    let mut out = t.to_string();
    out.push('\n');
    let count = |e: Exit| rows.iter().filter(|r| r.exit == e).count();
    out.push_str(&tr!(
        lang,
        "verify-summary",
        count = rows.len(),
        valid = count(Exit::Ok),
        findings = count(Exit::Findings),
        invalid = count(Exit::Integrity),
        unusable = count(Exit::Unusable)
    ));
    out.push('\n');
    if let Some(line) = verify_line(rows, lang, verify_flags) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// How many bundles with findings the last line's command names; the others are counted.
const BUNDLES_IN_COMMAND: usize = 3;

/// The last line: the `medsec verify` command, as it runs, for the bundles with findings (at
/// most a few, then how many more); none when no bundle has a finding to look at.
fn verify_line(rows: &[Row], lang: Lang, verify_flags: &str) -> Option<String> {
    let with_findings: Vec<&Row> = rows
        .iter()
        .filter(|r| matches!(r.exit, Exit::Findings | Exit::Integrity))
        .collect();
    if with_findings.is_empty() {
        return None;
    }
    let mut words = vec!["medsec".to_owned(), "verify".to_owned()];
    words.extend(
        with_findings
            .iter()
            .take(BUNDLES_IN_COMMAND)
            .map(|r| crate::render::command_word(&r.path)),
    );
    if !verify_flags.is_empty() {
        words.push(verify_flags.to_owned());
    }
    Some(tr!(
        lang,
        "check-summarize-details",
        command = words.join(" "),
        more = with_findings.len().saturating_sub(BUNDLES_IN_COMMAND)
    ))
}

#[derive(Serialize)]
struct JsonRow<'a> {
    result: &'static str,
    exit_code: u8,
    #[serde(flatten)]
    row: &'a Row,
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    format_version: u32,
    exit_code: u8,
    as_of: String,
    bundles: Vec<JsonRow<'a>>,
}

/// `{"format_version": 1, "exit_code": N, "as_of": "YYYY-MM-DD", "bundles": [...]}`.
pub fn json(rows: &[Row], exit: Exit, as_of: jiff::civil::Date) -> String {
    super::json(&SummaryJson {
        format_version: SUMMARY_JSON_VERSION,
        exit_code: exit.code(),
        as_of: as_of.to_string(),
        bundles: rows
            .iter()
            .map(|row| JsonRow {
                result: result_code(row.exit),
                exit_code: row.exit.code(),
                row,
            })
            .collect(),
    })
}

/// A cell of the sheets: text, or a number (so filters sort numbers as numbers).
enum Cell {
    Text(String),
    Number(Option<usize>),
    /// `YYYY-MM-DD` (empty: none): a real date in XLSX, as render's XLSX writes dates.
    Date(String),
}

fn header(lang: Lang) -> Vec<String> {
    vec![
        tr!(lang, "summarize-col-bundle"),
        tr!(lang, "summarize-col-result"),
        tr!(lang, "summarize-col-exit-code"),
        tr!(lang, "summarize-col-worst"),
        tr!(lang, "summarize-col-code"),
        tr!(lang, "summarize-col-name"),
        tr!(lang, "summarize-col-prefecture"),
        tr!(lang, "summarize-col-code-prefecture"),
        tr!(lang, "summarize-col-checklist"),
        tr!(lang, "summarize-col-edition"),
        tr!(lang, "summarize-col-fiscal-year"),
        tr!(lang, "summarize-col-complete"),
        tr!(lang, "summarize-col-no"),
        tr!(lang, "summarize-col-overdue"),
        tr!(lang, "summarize-col-probe-evidence"),
        tr!(lang, "summarize-col-probe-failures"),
        tr!(lang, "summarize-col-contradictions"),
        tr!(lang, "inspector-summarize-col-evidence-findings"),
        tr!(lang, "summarize-col-signed"),
        tr!(lang, "summarize-col-key"),
        tr!(lang, "summarize-col-sha256"),
        // Columns are only ever added at the end, so a column keeps its place (docs/signing.md).
        tr!(lang, "own-summarize-col-out-of-scope"),
        tr!(lang, "summarize-col-edition-printed"),
        tr!(lang, "summarize-col-notes"),
    ]
}

fn cells(r: &Row, lang: Lang) -> Vec<Cell> {
    let text = |v: &Option<String>| Cell::Text(v.clone().unwrap_or_default());
    let [code, name, prefecture] = r.institution_cells(lang);
    vec![
        Cell::Text(r.path.clone()),
        Cell::Text(verdict(r.exit, lang)),
        Cell::Number(Some(usize::from(r.exit.code()))),
        text(&r.worst_finding),
        text(&code),
        text(&name),
        text(&prefecture),
        text(&r.code_prefecture_mismatch),
        text(&r.checklist),
        text(&r.edition),
        Cell::Number(r.fiscal_year.and_then(|y| usize::try_from(y).ok())),
        Cell::Text(yes_no(r.complete, lang)),
        Cell::Number(r.no_answers),
        Cell::Number(r.overdue_target_dates),
        Cell::Text(yes_no(r.probe_evidence, lang)),
        Cell::Number(r.probe_failures),
        Cell::Number(r.contradictions),
        // What is wrong with the probe evidence, by its codes (as JSON's evidence_findings).
        Cell::Text(r.evidence_findings.join(", ")),
        // A date that is not this bundle's (see `signed_at_unverified`) is text with its mark.
        if r.signed_at_unverified {
            Cell::Text(r.signed_cell(lang, str::to_owned))
        } else {
            Cell::Date(r.signed_cell(lang, str::to_owned))
        },
        text(&r.key_id),
        text(&r.report_sha256),
        // Base items an own checklist leaves out; empty for a checklist that extends none.
        Cell::Number(r.out_of_scope),
        // The edition as the table and the form print it (令和6年度版 / FY2024); `edition` above
        // keeps the ID a script reads.
        Cell::Text(
            r.edition
                .as_deref()
                .map_or_else(String::new, |e| edition_for_people(e, lang)),
        ),
        // verify's notes an inspector must see (as JSON's notes).
        Cell::Text(r.notes.join(", ")),
    ]
}

/// CSV: UTF-8 with a BOM (so Excel reads it as UTF-8), every cell quoted and neutralised
/// against formula injection.
pub fn csv(rows: &[Row], lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(header(lang).iter().map(|h| quote_formula(h).into_owned()))?;
    for r in rows {
        w.write_record(cells(r, lang).into_iter().map(|c| match c {
            Cell::Text(s) | Cell::Date(s) => quote_formula(&s).into_owned(),
            Cell::Number(n) => number(n),
        }))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// XLSX: one sheet, text cells never read as formulas, numbers as numbers, the header row
/// frozen and filters on every column.
pub fn xlsx(rows: &[Row], lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name(tr!(lang, "summarize-sheet"))?;
    let header = header(lang);
    for (c, h) in (0u16..).zip(&header) {
        ws.write_string_with_format(0, c, h, &bold)?;
    }
    for (r, row) in (1u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(cells(row, lang)) {
            match cell {
                Cell::Text(s) => {
                    ws.write_string_with_format(r, c, &s, &text)?;
                }
                Cell::Number(Some(n)) => {
                    ws.write_number(r, c, n as f64)?;
                }
                Cell::Number(None) => {}
                Cell::Date(s) if s.is_empty() => {}
                // A date that cannot be read stays text, as written.
                Cell::Date(s) => match rust_xlsxwriter::ExcelDateTime::parse_from_str(&s) {
                    Ok(d) => {
                        ws.write_date_with_format(r, c, &d, &date)?;
                    }
                    Err(_) => {
                        ws.write_string_with_format(r, c, &s, &text)?;
                    }
                },
            }
        }
    }
    for (c, w) in [
        30, 10, 6, 24, 13, 24, 10, 10, 24, 10, 8, 8, 8, 8, 8, 8, 8, 28, 11, 18, 66, 8, 12, 28,
    ]
    .into_iter()
    .enumerate()
    {
        ws.set_column_width(u16::try_from(c).unwrap_or(0), w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = u16::try_from(header.len().saturating_sub(1)).unwrap_or(0);
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX).max(1);
    ws.autofilter(0, 0, last_row, last_col)?;
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV and XLSX columns keep their places (docs/signing.md): a new column goes at the
    /// end, never between, so a sheet that reads a column by its place keeps reading it.
    #[test]
    fn the_sheet_columns_keep_their_order() {
        assert_eq!(
            header(Lang::En),
            [
                "bundle",
                "result",
                "exit code",
                "worst finding",
                "institution code",
                "institution name",
                "prefecture",
                "prefecture of the code",
                "checklist",
                "edition",
                "fiscal year",
                "complete",
                "answered no",
                "overdue target dates",
                "probe evidence",
                "probe failures",
                "contradictions",
                "probe evidence findings",
                "signed",
                "key ID",
                "report.json SHA-256",
                "items out of scope",
                "edition as printed",
                "notes",
            ]
        );
    }
}
