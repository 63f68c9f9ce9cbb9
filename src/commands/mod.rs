//! One file per subcommand: turns arguments into domain calls and hands results to render.

pub mod answer;
pub mod check;
pub mod checklist;
pub mod checklist_import;
pub mod checklist_new;
pub mod generate;
pub mod init;
pub mod keygen;
mod passphrase;
pub mod probe;
pub mod render;
pub mod report;
pub mod sign;
pub mod status;
mod status_bundle;
pub mod summarize;
pub mod verify;

use crate::checklist::Lang;
use crate::exit::Exit;
use std::path::PathBuf;

/// Whether `path` names a workbook (`.xlsx`, `.xls`, `.xlsm`, `.xlsb`, `.ods`, any case):
/// imported in memory where a checklist is read (`verify --checklist`, `checklist diff`), so
/// a workbook the import cannot read is refused naming what the file is.
pub(crate) fn is_workbook(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|x| crate::checklist::import::is_workbook_extension(&x.to_string_lossy()))
}

/// A workbook imported in memory as `checklist import WORKBOOK` imports it with no option
/// (deterministic: the bytes and digest a hospital's import of the same file gives), loaded
/// with the workbook's path as its origin.
pub(crate) fn workbook_checklist(
    path: &std::path::Path,
    lang: Lang,
) -> anyhow::Result<crate::checklist::Loaded> {
    workbook_checklist_as(path, None, lang)
}

/// [`workbook_checklist`], the checklist named `id` (`--id`) when that ID suits the workbook's
/// form (`checklist diff` of an import against its workbook: the workbook takes the import's
/// ID, so a file name is no change); else named as the import without `--id` names it.
pub(crate) fn workbook_checklist_as(
    path: &std::path::Path,
    id: Option<&str>,
    lang: Lang,
) -> anyhow::Result<crate::checklist::Loaded> {
    use crate::checklist;
    let fail = |message: String| anyhow::Error::msg(message);
    let bytes = crate::limits::read(path, crate::limits::InputKind::Sheet)
        .map_err(|e| fail(e.message(lang)))?;
    let opts = checklist::import::ImportOptions {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        ..Default::default()
    };
    let named = id.map(|id| checklist::import::ImportOptions {
        id: Some(id.to_owned()),
        ..opts.clone()
    });
    let imported = match named.map(|named| checklist::import::import(&bytes, &named)) {
        Some(Ok(imported)) => imported,
        _ => checklist::import::import(&bytes, &opts).map_err(|e| fail(e.localize(lang)))?,
    };
    let origin = checklist::Origin::File(path.to_owned());
    checklist::load_str(&path.display().to_string(), &imported.toml, origin)
        .map_err(|e| fail(e.localize(lang)))
}

/// `--out -`: standard output, as most command-line tools read `-`; never a file named `-`.
pub fn is_stdout(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
}

/// `--out FILE` as a file to write: `None` for no `--out` and for `--out -` (standard output).
pub fn out_file(out: Option<PathBuf>) -> Option<PathBuf> {
    out.filter(|p| !is_stdout(p))
}

/// The output format of a command that writes one file (`render`, `summarize`): the one given
/// with `--format`, else the one the `--out` file's extension names (`by_extension`: lower-case
/// extensions without the dot), else `default`. A given format that the extension contradicts
/// (`--format html --out r.xlsx`) is refused in words (a usage problem, exit 2): the file's
/// name would say one thing and hold another.
pub fn output_format<F: Copy + PartialEq + clap::ValueEnum>(
    given: Option<F>,
    out: Option<&std::path::Path>,
    by_extension: &[(&str, F)],
    default: F,
    lang: Lang,
) -> anyhow::Result<F> {
    let extension = out
        .filter(|p| !is_stdout(p))
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    let named = match extension {
        None => None,
        Some(e) => match by_extension.iter().find(|(x, _)| *x == e) {
            Some((_, f)) => Some(*f),
            // A file whose name says another format would hold what its name does not say
            // (a text table in `s.html` opens in a browser unescaped): refused, never guessed.
            None => return Err(unknown_extension(&e, out, by_extension, lang)),
        },
    };
    let name = |f: F| {
        f.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    };
    match (given, named) {
        (Some(g), Some(n)) if g != n => Err(anyhow::Error::msg(crate::tr!(
            lang,
            "out-format-mismatch",
            format = name(g),
            named = name(n),
            path = out.map(|p| p.display().to_string()).unwrap_or_default()
        ))),
        (Some(g), _) => Ok(g),
        (None, Some(n)) => Ok(n),
        (None, None) => Ok(default),
    }
}

/// `--out FILE` with an extension none of the command's formats has: the extensions it takes,
/// and for `.pdf` where HTML is written, the way to a PDF (print the page from a browser).
fn unknown_extension<F>(
    extension: &str,
    out: Option<&std::path::Path>,
    by_extension: &[(&str, F)],
    lang: Lang,
) -> anyhow::Error {
    let path = out.map(|p| p.display().to_string()).unwrap_or_default();
    let extensions: Vec<String> = by_extension.iter().map(|(x, _)| format!(".{x}")).collect();
    let extensions = crate::i18n::join_code(lang, &extensions);
    anyhow::Error::msg(
        if extension == "pdf" && by_extension.iter().any(|(x, _)| *x == "html") {
            crate::tr!(
                lang,
                "out-extension-pdf",
                path = path,
                extensions = extensions
            )
        } else {
            crate::tr!(
                lang,
                "out-extension-unknown",
                path = path,
                extensions = extensions
            )
        },
    )
}

/// `--out -` (or `--export -`) given to a command that writes files or a folder, not one text:
/// refused in words (a usage problem, exit 2) rather than writing a file or folder named `-`.
pub fn refuse_stdout(flag: &str, path: Option<&std::path::Path>, lang: Lang) -> anyhow::Result<()> {
    match path {
        Some(p) if is_stdout(p) => Err(anyhow::Error::msg(crate::tr!(
            lang,
            "out-stdout-refused",
            flag = flag.to_owned()
        ))),
        _ => Ok(()),
    }
}

/// What a command needs from the environment, decided once in `app`.
#[derive(Debug, Clone)]
pub struct Context {
    pub lang: Lang,
    /// `--lang` was given (not taken from the locale): a command medsec prints repeats it.
    pub lang_given: bool,
    /// Checklist files given with --checklist.
    pub checklist_paths: Vec<PathBuf>,
    /// Colour is allowed on stdout (a terminal and NO_COLOR unset).
    pub color: bool,
    /// Today in Japan.
    pub today: jiff::civil::Date,
    /// The catalog of this run, built on first use (`init::catalog`): a command and the
    /// edition notice after it share one.
    pub catalog: std::sync::OnceLock<crate::checklist::Catalog>,
}

impl Context {
    /// The global options of this run that a command medsec prints must repeat to give the
    /// same result, quoted for the shell: each `--checklist` (an imported edition), and
    /// `--lang` when it was given rather than taken from the locale. Empty when none.
    pub fn global_flags(&self) -> String {
        let mut flags = Vec::new();
        for p in &self.checklist_paths {
            flags.push(format!(
                "--checklist {}",
                crate::render::command_word(&p.display().to_string())
            ));
        }
        if self.lang_given {
            flags.push(format!("--lang {}", crate::i18n::lang_tag(self.lang)));
        }
        flags.join(" ")
    }

    /// [`Self::global_flags`] with a space before them, to end a command medsec prints; empty
    /// when there are none.
    pub fn global_suffix(&self) -> String {
        let flags = self.global_flags();
        if flags.is_empty() {
            flags
        } else {
            format!(" {flags}")
        }
    }

    /// The day a command judges by: `--as-of` in any form people write dates (2026-06-03,
    /// 2026/6/3, 令和8年6月3日, R8.6.3; see `dates::parse_date_for_people`), else today in
    /// Japan. Read here, not by clap, so that its error is in the reader's language.
    pub fn as_of(&self, arg: Option<&str>) -> anyhow::Result<jiff::civil::Date> {
        match arg {
            Some(text) => crate::dates::parse_date_for_people(text).map_err(|e| {
                anyhow::Error::msg(crate::tr!(
                    self.lang,
                    "answers-bad-as-of",
                    // No form: examples in the fiscal year of the day medsec takes as today.
                    error = crate::dates::date_hint(
                        &e,
                        self.lang,
                        Some(crate::dates::fiscal_year_of(self.today))
                    )
                ))
            }),
            None => Ok(self.today),
        }
    }
}

/// What people are told when the newest edition of a checklist known is older than the
/// current fiscal year (Japan time): which ones, and, when medsec knows the official workbook
/// of this year's institution form (checklist/import/official.toml), where to get it and the
/// two commands that register it. `None` when every checklist has this year's edition.
pub fn stale_notice(catalog: &crate::checklist::Catalog, ctx: &Context) -> Option<String> {
    let current = crate::dates::fiscal_year_of(ctx.today);
    let vendor = vendor_notice(catalog, ctx, current);
    // With only vendor forms in use, the institutions' notice would point a vendor at an
    // institution form: the vendor form's own is said alone.
    let others_in_use = catalog
        .in_use()
        .iter()
        .any(|s| s.form != crate::checklist::Form::Vendor);
    let forms = if vendor.is_some() && !others_in_use {
        None
    } else {
        forms_notice(catalog, ctx)
    };
    match (forms, vendor) {
        // One notice of two lines, the second indented as medsec's multi-line messages are.
        (Some(forms), Some(vendor)) => Some(format!("{forms}\n  {vendor}")),
        (forms, vendor) => forms.or(vendor),
    }
}

/// The notice for the forms institutions fill in (see [`stale_notice`]).
fn forms_notice(catalog: &crate::checklist::Catalog, ctx: &Context) -> Option<String> {
    let (stale, current) = crate::checklist::stale(catalog, ctx.today);
    if given_is_current(catalog, ctx, current) {
        return None;
    }
    // The checklist the command used (an answers file's, an `ID@EDITION`) is this year's:
    // nothing to say, whatever else is registered.
    let used = catalog.in_use();
    if used.iter().any(|s| s.fiscal_year >= current) {
        return None;
    }
    // An older edition was used while the publisher's own checklist of this year is
    // registered (nothing is stale): that one is named. (With this year's official edition
    // missing, the notices below name what is registered instead.)
    if let Some(older) = used.first().filter(|_| stale.is_empty()) {
        let successors = crate::checklist::current_successors(catalog, ctx.today, older);
        if let Some(first) = successors.first() {
            return Some(crate::tr!(
                ctx.lang,
                "checklist-stale-in-use",
                used = older.full_id(),
                used_wareki = crate::dates::wareki_fiscal_year(older.fiscal_year),
                used_year = older.fiscal_year,
                wareki = crate::dates::wareki_fiscal_year(current),
                year = current,
                current = crate::i18n::join_code(ctx.lang, &successors),
                first = first.as_str()
            ));
        }
    }
    if stale.is_empty() {
        return None;
    }
    let wareki = crate::dates::wareki_fiscal_year(current);
    let list = crate::i18n::join_code(ctx.lang, &stale);
    // This year's checklists imported under another name (not the official workbook).
    let others = crate::checklist::current_others(catalog, ctx.today);
    if let Some(first) = others.first() {
        // What a command takes without `--checklist`, by the one rule `init` follows: an
        // added checklist of this year may be it, and then the notice must not say otherwise.
        if let Some(defaults) = defaults_said(catalog, ctx, current) {
            return Some(crate::tr!(
                ctx.lang,
                "checklist-stale-registered-default",
                wareki = wareki,
                year = current,
                list = list,
                others = crate::i18n::join_code(ctx.lang, &others),
                defaults = defaults,
                used = if used.is_empty() { "none" } else { "older" },
                first = first.as_str()
            ));
        }
        return Some(crate::tr!(
            ctx.lang,
            "checklist-stale-registered",
            wareki = wareki,
            year = current,
            list = list,
            others = crate::i18n::join_code(ctx.lang, &others),
            first = first.as_str()
        ));
    }
    let edition = format!("fy{current}");
    let known = crate::checklist::import::official::known().unwrap_or_default();
    let official = known
        .iter()
        .find(|w| w.edition == edition && w.form == "institution");
    Some(match official {
        Some(w) => crate::tr!(
            ctx.lang,
            "checklist-stale-official",
            wareki = wareki,
            year = current,
            list = list,
            title = w.title_ja.as_str(),
            form = w.form_ja.as_str(),
            published = crate::dates::iso_for_people(&w.published, ctx.lang),
            url = w.source_url.as_str(),
            file = w.file.as_str(),
            edition = edition.as_str()
        ),
        None => crate::tr!(
            ctx.lang,
            "checklist-stale",
            wareki = wareki,
            year = current,
            list = list
        ),
    })
}

/// The checklist each form takes when none is named ([`init::default_for`]), said as
/// 「医療機関確認用・薬局確認用では`A`、事業者確認用では`B`」; `None` when none of them is of
/// the fiscal year `current` (the newest official edition is then what every form takes).
fn defaults_said(
    catalog: &crate::checklist::Catalog,
    ctx: &Context,
    current: i16,
) -> Option<String> {
    use crate::checklist::Form;
    let mut groups: Vec<(String, Vec<&'static str>)> = Vec::new();
    let mut any_current = false;
    for form in [Form::Institution, Form::Pharmacy, Form::Vendor] {
        let Some(loaded) = init::default_for(catalog, form) else {
            continue;
        };
        any_current |= loaded.checklist.fiscal_year >= current;
        let id = loaded.checklist.full_id();
        match groups.iter_mut().find(|(g, _)| *g == id) {
            Some((_, forms)) => forms.push(form.label(ctx.lang)),
            None => groups.push((id, vec![form.label(ctx.lang)])),
        }
    }
    if !any_current {
        return None;
    }
    let joiner = crate::tr!(ctx.lang, "checklist-default-forms-joiner");
    let said: Vec<String> = groups
        .iter()
        .map(|(id, forms)| {
            crate::tr!(
                ctx.lang,
                "checklist-default-for",
                forms = forms.join(&joiner),
                count = forms.len(),
                checklist = id.as_str()
            )
        })
        .collect();
    Some(crate::i18n::join(ctx.lang, &said))
}

/// The vendor form (事業者確認用) is a form of its own: a vendor checklist in use older than
/// this fiscal year, with no vendor checklist of this year registered, is said with the
/// vendor workbook medsec knows for this year (its file, where, and the import for THAT
/// workbook), whatever institution forms of this year are registered.
fn vendor_notice(
    catalog: &crate::checklist::Catalog,
    ctx: &Context,
    current: i16,
) -> Option<String> {
    use crate::checklist::Form;
    let used = catalog.in_use();
    let older = used
        .iter()
        .find(|s| s.form == Form::Vendor && s.fiscal_year < current)?;
    if crate::checklist::has_current_form(catalog, ctx.today, Form::Vendor) {
        return None;
    }
    let edition = format!("fy{current}");
    let wareki = crate::dates::wareki_fiscal_year(current);
    let known = crate::checklist::import::official::known().unwrap_or_default();
    let official = known
        .iter()
        .find(|w| w.edition == edition && w.form == "vendor");
    Some(match official {
        Some(w) => {
            let out = format!("vendor-{edition}.toml");
            crate::tr!(
                ctx.lang,
                "checklist-stale-vendor-official",
                used = older.full_id(),
                wareki = wareki,
                year = current,
                form = w.form_ja.as_str(),
                published = crate::dates::iso_for_people(&w.published, ctx.lang),
                url = w.source_url.as_str(),
                file = w.file.as_str(),
                file_word = crate::render::command_word(&w.file),
                out = out.as_str()
            )
        }
        None => crate::tr!(
            ctx.lang,
            "checklist-stale-vendor",
            used = older.full_id(),
            wareki = wareki,
            year = current
        ),
    })
}

/// Resolve the checklist the answers file `file` names (default: the only answers file in the
/// current folder), so that [`stale_notice`] said before a command runs (the walk-through)
/// judges by it as it does after one. Nothing happens when the file cannot be read: the
/// command says why.
pub fn note_answers_checklist(ctx: &Context, file: Option<&std::path::Path>) {
    let Ok(catalog) = init::catalog(ctx) else {
        return;
    };
    let path = match file {
        Some(p) => p.to_owned(),
        None => match std::env::current_dir()
            .map_err(anyhow::Error::from)
            .and_then(|dir| answer::find_answers_file(&dir, ctx.lang, answer::LookingFor::Answer))
        {
            Ok(p) => p,
            Err(_) => return,
        },
    };
    if let Ok(loaded) = crate::answers::load(&path, ctx.lang) {
        let _ = catalog.resolve(&loaded.set.checklist.full_id(), None);
    }
}

/// The checklist named with `--checklist` (a file, or `ID@EDITION`) is of this fiscal year:
/// the one in use is this year's, so nothing is to be said about older editions.
fn given_is_current(catalog: &crate::checklist::Catalog, ctx: &Context, current: i16) -> bool {
    let (files, spec) = init::split_checklist_args(&ctx.checklist_paths);
    let by_spec = spec
        .and_then(|s| catalog.resolve(&s, None).ok())
        .is_some_and(|l| l.checklist.fiscal_year >= current);
    let by_file = catalog.loaded_from_files().iter().any(|l| {
        l.checklist.fiscal_year >= current
            && matches!(&l.origin, crate::checklist::Origin::File(p) if files.contains(p))
    });
    by_spec || by_file
}

/// What a command produced: text for stdout, notices for stderr, and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub notices: Vec<String>,
    pub exit: Exit,
}

impl Outcome {
    pub fn text(stdout: String, exit: Exit) -> Self {
        Outcome {
            stdout: stdout.into_bytes(),
            notices: Vec::new(),
            exit,
        }
    }

    pub fn notice(mut self, notice: impl Into<String>) -> Self {
        self.notices.push(notice.into());
        self
    }

    /// With [`stale_notice`] when the newest edition known is older than this fiscal year.
    pub fn with_staleness(mut self, catalog: &crate::checklist::Catalog, ctx: &Context) -> Self {
        if let Some(n) = stale_notice(catalog, ctx) {
            self.notices.push(n);
        }
        self
    }
}
