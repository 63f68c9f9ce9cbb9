//! `medsec checklist ...`

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// Every checklist known: bundled and given with --checklist.
    List {
        /// Output format: a table for people, or JSON.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// The items of one checklist.
    Show(ShowArgs),
    /// Check checklist files (or folders of them): schema, IDs, both languages, numbers,
    /// references, probe kinds, dates, a title that names another fiscal year; unverified wording
    /// is a warning.
    ///
    /// Settings (deny, allow) are also read from the nearest medsec-lint.toml: in the folder
    /// given (or the file's folder), else in a parent folder up to the repository root. Exit 0
    /// clean (warnings allowed), 1 errors found (warnings too with --deny warnings), 2
    /// unreadable input or settings, or an --allow code that no rule has.
    Lint(LintArgs),
    /// Print the JSON Schema of the checklist file format.
    Schema,
    /// Read a checklist workbook (XLSX), such as the official MHLW one, into a checklist file.
    ///
    /// The layout is found by the header's words (項目/チェック項目, はい, いいえ, 確認日…),
    /// items by their numbers (①, (1), 1-①), sections by their headings; --map states it
    /// instead. A known official workbook (by SHA-256) gives verified items. Exit 2 and nothing
    /// written when the layout cannot be found.
    Import(ImportArgs),
    /// Copy a checklist file (after lint) into your checklist folder.
    ///
    /// Later commands find it by ID@EDITION without --checklist. The folder is the platform's
    /// data folder (e.g. ~/.local/share/medsec/checklists), or MEDSEC_DATA_DIR/checklists.
    Add {
        /// The checklist file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace a different file already added for the same ID@EDITION.
        #[arg(long)]
        force: bool,
    },
    /// Scaffold the next fiscal year's checklist file from the last one.
    ///
    /// Edition, fiscal year, title (令和N年度版, FYnnnn) and rules are advanced; the Guideline
    /// version comes from what medsec knows of the new edition; the publication date is left
    /// out until known. Every item is kept with its ID (so answers carry forward and `checklist
    /// diff` follows it) and marked unverified with a note, so the work left is the wording.
    /// Writes standard output unless --out; an existing file is kept unless --force.
    New(NewArgs),
    /// Classify the changes between two checklists, usually two editions of one form:
    /// added, removed, replaced, reworded, renumbered items and more.
    ///
    /// OLD and NEW are checklist files, ID@EDITION, or two folders (files matched by id, form
    /// and edition, then by id and form; added and removed files reported). With `-- PATH…`
    /// they are git revisions: `medsec checklist diff main HEAD -- checklists/`.
    /// Exit 1 when a change reaches --fail-on (default: breaking, i.e. an item removed with
    /// no replacement, so answers cannot carry forward), and always when a breaking change
    /// keeps the edition and format version; else 0; 2 when a checklist, folder or revision
    /// cannot be read.
    Diff(DiffArgs),
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or folders (folders are searched for *.toml).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Table)]
    pub format: LintFormat,
    /// Turn findings into errors: `warnings` makes every warning an error (exit 1).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Vec<DenyArg>,
    /// Lint only the files under PATH that changed since this git revision (e.g. origin/main),
    /// and report a breaking change made without a new edition against the file at it.
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// Do not report the rule with this code, e.g. `--allow unverified-wording` (repeatable;
    /// a code no rule has is refused).
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyArg {
    /// Every warning is an error.
    Warnings,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older checklist: a file, a workbook (.xlsx, imported in memory as `checklist import`
    /// imports it without options), a folder, ID@EDITION, or a git revision (with `-- PATH…`).
    pub old: String,
    /// The newer checklist: a file, a workbook (.xlsx), a folder, ID@EDITION, or a git revision
    /// (with `-- PATH…`).
    pub new: String,
    /// Checklist files or folders to compare between the git revisions OLD and NEW.
    #[arg(last = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format (md: Markdown for a pull-request comment).
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
    /// Exit 1 when a change of at least this impact is found.
    #[arg(long, value_enum, default_value_t = FailOn::Breaking)]
    pub fail_on: FailOn,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The workbook (.xlsx).
    #[arg(value_name = "WORKBOOK")]
    pub workbook: PathBuf,
    /// Checklist ID, PUBLISHER-FORM (default: the publisher's for an official workbook; for
    /// any other, a name from the file name, or own-FORM).
    #[arg(long)]
    pub id: Option<String>,
    /// Edition: fy2026, 2026, 令和8年度 or R8 (full-width too; default: a known official
    /// workbook's, or the 令和N年度 in its title). From FY2023 to the next fiscal year.
    #[arg(long)]
    pub edition: Option<String>,
    /// Which form (default: a known official workbook's, or from its title).
    #[arg(long, value_enum)]
    pub form: Option<FormArg>,
    /// Write the checklist here (default, and `-`: standard output).
    #[arg(long, value_name = "FILE.toml")]
    pub out: Option<PathBuf>,
    /// Replace --out when it exists.
    #[arg(long)]
    pub force: bool,
    /// The layout, instead of finding it: `number=B,text=C,section=A,scope=D,header-rows=2`
    /// (columns by letter; only text is required), or a TOML file with the same keys.
    /// `gate=ROW` (Excel's row number), `gate=0`, `gate=1-①` or, on a sheet numbered straight
    /// through, `gate=①` (an item number as printed) names the gate question
    /// (医療情報システムの有無), `gate=none` says there is none; alone, it leaves the rest of
    /// the layout to be found.
    #[arg(long, value_name = "MAP")]
    pub map: Option<String>,
    /// The sheet to read, when several look like checklists.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Give imported items the stable IDs of an earlier checklist (ID@EDITION, or a checklist
    /// file), so `init --from` carries last year's answers: the same wording and scope take
    /// its item's ID; the same number and scope with other wording get a new ID that
    /// `replaces` it (marked for review); all others keep their own IDs.
    #[arg(long, value_name = "ID@EDITION")]
    pub ids_from: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The checklist to start from, ID@EDITION (bundled, added, or given with --checklist); an
    /// ID alone takes its newest edition. A checklist file's path (FILE.toml) works too.
    #[arg(long, value_name = "ID@EDITION")]
    pub from: String,
    /// The new edition (fy2026, 2026, 令和8年度 or R8), after the one given with --from and at
    /// most the next fiscal year.
    #[arg(long, value_name = "fyYYYY")]
    pub edition: String,
    /// Write the new checklist here (default, and `-`: standard output).
    #[arg(long, value_name = "FILE.toml")]
    pub out: Option<PathBuf>,
    /// Replace --out when it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Never exit 1.
    Never,
    /// An item removed with no replacement, or the form changed.
    Breaking,
    /// Also wording, number, scope, requirement changes and new items.
    Review,
    /// Any change at all.
    Any,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// ID[@EDITION], e.g. mhlw-institution@fy2025; without an edition, the newest.
    /// With --form, the publisher alone is enough: `mhlw@fy2024 --form vendor`.
    /// A checklist file's path (FILE.toml) is shown as lint reads it.
    #[arg(value_name = "ID[@EDITION]")]
    pub spec: String,
    /// Which form: institution (医療機関確認用), pharmacy (薬局確認用) or vendor (事業者確認用).
    #[arg(long, value_enum)]
    pub form: Option<FormArg>,
    /// Output format: a table for people, JSON, or Markdown (md).
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Json,
    Md,
}

/// `table` is the word every command uses for the format people read; `human` (the old word
/// of lint and diff) is kept as a hidden alias so scripts do not break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// One line per finding, for people.
    #[value(alias = "human")]
    Table,
    /// The findings as JSON.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning and other SARIF readers).
    Sarif,
    /// JUnit XML: one test case per file, one failure per error.
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change, for people.
    #[value(alias = "human")]
    Table,
    /// The changes as JSON.
    Json,
    /// Markdown, for a pull-request comment.
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormArg {
    Institution,
    Pharmacy,
    Vendor,
}

impl From<FormArg> for crate::checklist::Form {
    fn from(f: FormArg) -> Self {
        match f {
            FormArg::Institution => Self::Institution,
            FormArg::Pharmacy => Self::Pharmacy,
            FormArg::Vendor => Self::Vendor,
        }
    }
}
