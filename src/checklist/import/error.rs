//! Why a workbook could not be imported. Every message comes from the catalog (`## workbook`).

use super::layout::MapError;
use crate::checklist::Lang;
use crate::limits::workbook::WorkbookError;
use crate::tr;

/// What a header cell names its column as (for the error when no header is found).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClueRole {
    Number,
    Section,
    Scope,
    Wording,
    Answer,
}

/// A row near the top of a sheet that names some columns: its row number (from 1) and each
/// cell that names one (`Sheet1!B3`, its text, what it names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRow {
    pub row: usize,
    pub cells: Vec<(String, String, ClueRole)>,
}

/// What the header search missed on a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missed {
    /// A wording column, but no answer column in its row or the two below.
    Answers,
    /// Answer columns, but no wording column.
    Wording,
    /// Both, but never within three rows of each other.
    Apart,
    /// Rows naming other columns (a number, a section), neither wording nor answers.
    Both,
    /// No header word at all.
    Everything,
}

/// What the header search saw on one sheet where it found no header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clues {
    /// The first rows that name columns.
    pub candidates: Vec<CandidateRow>,
    pub missed: Missed,
    /// The `--map` that would state the layout guessed from the rows below (`text=B,header-rows=3`).
    pub map: Option<String>,
}

/// What the header search found on one sheet (for [`ImportError::NoChecklist`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetClue {
    pub sheet: String,
    pub clues: Clues,
    /// The workbook has other sheets: the `--map` hint names this one with `--sheet`.
    pub among_others: bool,
}

/// What a ZIP archive given as a workbook holds instead of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipHolds {
    /// `word/…`: a Word document (.docx).
    Word,
    /// `ppt/…`: a PowerPoint presentation (.pptx).
    PowerPoint,
    /// `mimetype` and `content.xml`: an OpenDocument file (.ods, .odt).
    OpenDocument,
    Other,
}

impl ZipHolds {
    /// The catalog's selector for it.
    fn key(self) -> &'static str {
        match self {
            ZipHolds::Word => "word",
            ZipHolds::PowerPoint => "powerpoint",
            ZipHolds::OpenDocument => "opendocument",
            ZipHolds::Other => "other",
        }
    }
}

/// A workbook that could not be imported.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// An OLE compound file: a password-protected (encrypted) workbook or an old `.xls`.
    Encrypted {
        file: String,
    },
    /// A file of 0 bytes (a download or a copy that did not finish).
    Empty {
        file: String,
    },
    /// A text file (a CSV) given as a workbook.
    Text {
        file: String,
    },
    /// An answers sheet medsec wrote (`answer --export`) given as a checklist workbook.
    AnswersSheet {
        file: String,
        sheet: String,
    },
    /// A PDF (`%PDF` first) given as a workbook.
    Pdf {
        file: String,
    },
    /// A ZIP archive without `xl/workbook.xml`: no XLSX workbook.
    ZipNotWorkbook {
        file: String,
        holds: ZipHolds,
    },
    /// Bytes of no kind medsec knows: the first of them, in hex (`3F 9A 00 …`).
    Binary {
        file: String,
        head: String,
    },
    /// Not a workbook, or beyond the limits.
    Workbook {
        file: String,
        error: WorkbookError,
    },
    /// Merged cells would fill more than the cell limit.
    TooManyCells {
        sheet: String,
    },
    NoChecklist {
        file: String,
        clues: Vec<SheetClue>,
    },
    SeveralSheets {
        sheets: Vec<String>,
    },
    /// A `--map` that states a layout, on a workbook of several sheets and no `--sheet`.
    MapNeedsSheet {
        sheets: Vec<String>,
    },
    NoItems {
        header: String,
        layout: String,
    },
    /// No item number in the column `--map number=` stated: its first cell below the header,
    /// and the first values found there with their cells.
    NoItemsInMappedColumn {
        column: String,
        found: Vec<(String, String)>,
    },
    EmptyText {
        cell: String,
        number: String,
    },
    NotJapanese {
        cell: String,
        number: String,
    },
    DuplicateNumber {
        cell: String,
        number: String,
        first: String,
        /// A column whose scope labels tell the two rows apart, and the `--map` stating it.
        /// Boxed: the error stays small (clippy's `result_large_err`).
        scope_column: Option<Box<(String, String)>>,
    },
    UnknownScope {
        cell: String,
        value: String,
    },
    SectionTooLarge {
        cell: String,
        section: u32,
    },
    NoEdition {
        file: String,
    },
    BadEdition {
        edition: String,
    },
    BadId {
        id: String,
        form: String,
    },
    Map(MapError),
    /// `--map gate=` names a row or number with no wording on the sheet.
    GateNotFound {
        sheet: String,
        value: String,
    },
    /// `--map gate=NUMBER` names a number no item of the sheet has: the file (filled in by
    /// `ImportError::in_file`), the sheet, and the sheet's first and last item numbers as
    /// printed with their cells.
    GateNumberNotFound {
        file: String,
        sheet: String,
        value: String,
        /// (number, cell) of the first and the last item.
        ends: Box<[(String, String); 2]>,
        /// Excel's number of the first item's row: the row example, never a header row.
        row: usize,
    },
    /// `--map gate=①` names a number printed in several sections: each item's cell and its
    /// number with its section.
    GateNumberAmbiguous {
        value: String,
        cells: Vec<(String, String)>,
        /// Excel's number of the first of those items' rows: the row example.
        row: usize,
    },
    Registry {
        path: String,
        reason: String,
    },
}

impl ImportError {
    /// The message for people in `lang`.
    pub fn localize(&self, lang: Lang) -> String {
        match self {
            ImportError::Encrypted { file } => {
                tr!(lang, "workbook-encrypted", file = file.as_str())
            }
            ImportError::Empty { file } => tr!(lang, "workbook-empty", file = file.as_str()),
            ImportError::Text { file } => {
                tr!(lang, "import-text-not-workbook", file = file.as_str())
            }
            ImportError::AnswersSheet { file, sheet } => tr!(
                lang,
                "import-answers-sheet",
                path = file.as_str(),
                sheet = sheet.as_str(),
                arg = shell_word(file)
            ),
            ImportError::Pdf { file } => {
                tr!(lang, "import-pdf-not-workbook", file = file.as_str())
            }
            ImportError::ZipNotWorkbook { file, holds } => tr!(
                lang,
                "import-zip-not-workbook",
                file = file.as_str(),
                holds = holds.key()
            ),
            ImportError::Binary { file, head } => tr!(
                lang,
                "import-binary-not-workbook",
                file = file.as_str(),
                head = head.as_str()
            ),
            ImportError::Workbook { file, error } => tr!(
                lang,
                "workbook-unreadable",
                file = file.as_str(),
                reason = error.message(lang)
            ),
            ImportError::TooManyCells { sheet } => tr!(
                lang,
                "workbook-too-many-cells",
                sheet = sheet.as_str(),
                max = crate::limits::SHEET_MAX_CELLS.to_string()
            ),
            ImportError::NoChecklist { file, clues } => {
                // One indented line a sheet, as medsec's other multi-line messages.
                let found: Vec<String> = clues.iter().map(|c| clue(lang, c)).collect();
                let head = tr!(lang, "import-no-header", file = file.as_str());
                format!("{head}\n  {}", found.join("\n  "))
            }
            ImportError::SeveralSheets { sheets } => {
                tr!(
                    lang,
                    "workbook-several-sheets",
                    sheets = crate::i18n::join_code(lang, sheets)
                )
            }
            ImportError::MapNeedsSheet { sheets } => {
                tr!(
                    lang,
                    "import-map-needs-sheet",
                    sheets = crate::i18n::join_code(lang, sheets)
                )
            }
            ImportError::NoItemsInMappedColumn { column, found } => {
                let sep = tr!(lang, "common-list-separator");
                let found = found
                    .iter()
                    .map(|(cell, value)| {
                        tr!(
                            lang,
                            "workbook-no-items-mapped-value",
                            cell = cell.as_str(),
                            value = value.as_str()
                        )
                    })
                    .collect::<Vec<_>>();
                if found.is_empty() {
                    tr!(
                        lang,
                        "workbook-no-items-mapped-empty",
                        column = column.as_str()
                    )
                } else {
                    tr!(
                        lang,
                        "workbook-no-items-mapped",
                        column = column.as_str(),
                        found = found.join(&sep)
                    )
                }
            }
            ImportError::NoItems { header, layout } => tr!(
                lang,
                "workbook-no-items",
                header = header.as_str(),
                layout = layout.as_str()
            ),
            ImportError::EmptyText { cell, number } => tr!(
                lang,
                "workbook-empty-text",
                cell = cell.as_str(),
                number = number.as_str()
            ),
            ImportError::NotJapanese { cell, number } => tr!(
                lang,
                "workbook-not-japanese",
                cell = cell.as_str(),
                number = number.as_str()
            ),
            ImportError::DuplicateNumber {
                cell,
                number,
                first,
                scope_column: None,
            } => tr!(
                lang,
                "workbook-duplicate-number",
                cell = cell.as_str(),
                number = number.as_str(),
                first = first.as_str()
            ),
            ImportError::DuplicateNumber {
                cell,
                number,
                first,
                scope_column: Some(column_and_map),
            } => tr!(
                lang,
                "workbook-duplicate-number-scope-column",
                cell = cell.as_str(),
                number = number.as_str(),
                first = first.as_str(),
                column = column_and_map.0.as_str(),
                map = column_and_map.1.as_str()
            ),
            ImportError::UnknownScope { cell, value } => tr!(
                lang,
                "workbook-unknown-scope",
                cell = cell.as_str(),
                value = value.as_str()
            ),
            ImportError::SectionTooLarge { cell, section } => tr!(
                lang,
                "workbook-section-too-large",
                cell = cell.as_str(),
                section = section.to_string()
            ),
            ImportError::NoEdition { file } => {
                tr!(lang, "workbook-no-edition", file = file.as_str())
            }
            ImportError::BadEdition { edition } => {
                tr!(lang, "workbook-bad-edition", edition = edition.as_str())
            }
            ImportError::BadId { id, form } => tr!(
                lang,
                "workbook-bad-id",
                id = id.as_str(),
                form = form.as_str()
            ),
            ImportError::Map(MapError::UnknownKey(key)) => {
                tr!(lang, "workbook-bad-map-key", key = key.as_str())
            }
            ImportError::Map(MapError::BadColumn { key, value }) => tr!(
                lang,
                "workbook-bad-map-column",
                key = key.as_str(),
                value = value.as_str()
            ),
            ImportError::Map(MapError::BadRows(value)) => {
                tr!(lang, "workbook-bad-map-rows", value = value.as_str())
            }
            ImportError::Map(MapError::BadGate(value)) => {
                tr!(
                    lang,
                    "checklist-import-bad-map-gate",
                    value = value.as_str()
                )
            }
            ImportError::GateNotFound { sheet, value } => tr!(
                lang,
                "checklist-import-map-gate-not-found",
                sheet = sheet.as_str(),
                value = value.as_str()
            ),
            ImportError::GateNumberNotFound {
                file,
                sheet,
                value,
                ends,
                row,
            } => {
                let [first, last] = &**ends;
                tr!(
                    lang,
                    "import-map-gate-number-not-found",
                    row = row.to_string(),
                    file = file.as_str(),
                    sheet = sheet.as_str(),
                    value = value.as_str(),
                    first = first.0.as_str(),
                    first_cell = first.1.as_str(),
                    last = last.0.as_str(),
                    last_cell = last.1.as_str()
                )
            }
            ImportError::GateNumberAmbiguous { value, cells, row } => {
                let items: Vec<String> = cells
                    .iter()
                    .map(|(cell, number)| {
                        tr!(
                            lang,
                            "import-map-gate-number-cell",
                            cell = cell.as_str(),
                            number = number.as_str()
                        )
                    })
                    .collect();
                tr!(
                    lang,
                    "import-map-gate-number-ambiguous",
                    row = row.to_string(),
                    value = value.as_str(),
                    cells = items.join(&tr!(lang, "common-list-separator")),
                    example = cells.first().map(|c| c.1.as_str()).unwrap_or_default()
                )
            }
            ImportError::Map(MapError::NoText) => tr!(lang, "workbook-bad-map-text"),
            ImportError::Map(MapError::Toml(reason)) => {
                tr!(lang, "workbook-bad-map-toml", reason = reason.as_str())
            }
            ImportError::Registry { path, reason } => tr!(
                lang,
                "workbook-registry",
                path = path.as_str(),
                reason = reason.as_str()
            ),
        }
    }
}

/// One sheet's part of [`ImportError::NoChecklist`]: the rows that name columns, with the
/// words recognised and their cells, what was missing, and the `--map` that would state it.
fn clue(lang: Lang, c: &SheetClue) -> String {
    let sheet = c.sheet.as_str();
    let rows: Vec<String> = c
        .clues
        .candidates
        .iter()
        .map(|row| {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|(cell, text, role)| {
                    let role = match role {
                        ClueRole::Number => tr!(lang, "import-clue-role-number"),
                        ClueRole::Section => tr!(lang, "import-clue-role-section"),
                        ClueRole::Scope => tr!(lang, "import-clue-role-scope"),
                        ClueRole::Wording => tr!(lang, "import-clue-role-wording"),
                        ClueRole::Answer => tr!(lang, "import-clue-role-answer"),
                    };
                    tr!(
                        lang,
                        "import-clue-cell",
                        cell = cell.as_str(),
                        text = text.as_str(),
                        role = role
                    )
                })
                .collect();
            tr!(
                lang,
                "import-clue-row",
                row = row.row,
                cells = cells.join(&tr!(lang, "common-list-separator"))
            )
        })
        .collect();
    let missed = match c.clues.missed {
        Missed::Answers => tr!(lang, "import-clue-missed-answers"),
        Missed::Wording => tr!(lang, "import-clue-missed-wording"),
        Missed::Apart => tr!(lang, "import-clue-missed-apart"),
        Missed::Both => tr!(lang, "import-clue-missed-both"),
        Missed::Everything => tr!(lang, "import-clue-missed-everything"),
    };
    let hint = c
        .clues
        .map
        .as_ref()
        .map(|map| {
            if c.among_others {
                tr!(
                    lang,
                    "import-clue-map-sheet",
                    map = map.as_str(),
                    sheet = shell_word(sheet)
                )
            } else {
                tr!(lang, "import-clue-map", map = map.as_str())
            }
        })
        .unwrap_or_default();
    if rows.is_empty() {
        tr!(
            lang,
            "import-clue-sheet-empty",
            sheet = sheet,
            missed = missed,
            hint = hint
        )
    } else {
        tr!(
            lang,
            "import-clue-sheet",
            sheet = sheet,
            rows = crate::i18n::tidy(rows.join(&tr!(lang, "common-sentence-separator"))),
            missed = missed,
            hint = hint
        )
    }
}

/// A sheet name as one word of a command line: in double quotes when it holds a space or a
/// quote (the same on Windows and Unix shells for ordinary names).
fn shell_word(name: &str) -> String {
    if name
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '&' | ';' | '|'))
    {
        format!("\"{}\"", name.replace('"', "\\\""))
    } else {
        name.to_owned()
    }
}

impl ImportError {
    /// The error with the workbook's file name where it names one and the reader that found it
    /// did not know it.
    pub(super) fn in_file(mut self, name: &str) -> Self {
        if let ImportError::GateNumberNotFound { file, .. } = &mut self {
            name.clone_into(file);
        }
        self
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for ImportError {}
