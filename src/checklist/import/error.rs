//! Why a workbook could not be imported. Every message comes from the catalog (`## workbook`).

use super::layout::MapError;
use crate::checklist::Lang;
use crate::limits::workbook::WorkbookError;
use crate::tr;

/// What the header search found on one sheet (for [`ImportError::NoChecklist`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetClue {
    pub sheet: String,
    /// The wording column's header cell and its text (`Sheet1!B3 チェック項目`).
    pub text_cell: Option<String>,
    /// An answer column's header cell and its text.
    pub answer_cell: Option<String>,
}

/// A workbook that could not be imported.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// An OLE compound file: a password-protected (encrypted) workbook or an old `.xls`.
    Encrypted {
        file: String,
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
    NoItems {
        header: String,
        layout: String,
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
                let found: Vec<String> = clues.iter().map(|c| clue(lang, c)).collect();
                tr!(
                    lang,
                    "workbook-no-checklist",
                    file = file.as_str(),
                    found = found.join("; ")
                )
            }
            ImportError::SeveralSheets { sheets } => {
                tr!(lang, "workbook-several-sheets", sheets = sheets.join(", "))
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
            } => tr!(
                lang,
                "workbook-duplicate-number",
                cell = cell.as_str(),
                number = number.as_str(),
                first = first.as_str()
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

fn clue(lang: Lang, c: &SheetClue) -> String {
    let sheet = c.sheet.as_str();
    match (&c.text_cell, &c.answer_cell) {
        (Some(t), Some(a)) => tr!(
            lang,
            "workbook-clue-both",
            sheet = sheet,
            text_cell = t.as_str(),
            answer_cell = a.as_str()
        ),
        (Some(t), None) => tr!(
            lang,
            "workbook-clue-text",
            sheet = sheet,
            text_cell = t.as_str()
        ),
        (None, Some(a)) => tr!(
            lang,
            "workbook-clue-answer",
            sheet = sheet,
            answer_cell = a.as_str()
        ),
        (None, None) => tr!(lang, "workbook-clue-none", sheet = sheet),
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for ImportError {}
