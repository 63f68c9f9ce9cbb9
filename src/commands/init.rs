//! `medsec init [--form F] [--out FILE] [--from LAST_YEAR.toml] [--force]`

use super::{Context, Outcome};
use crate::answers::{self, store, template, FileFormat};
use crate::checklist::{Catalog, Form};
use crate::cli::init::InitArgs;
use crate::exit::Exit;
use crate::tr;
use std::path::PathBuf;

/// Split the global --checklist values into checklist files and an `ID[@EDITION]` spec.
pub fn split_checklist_args(values: &[PathBuf]) -> (Vec<PathBuf>, Option<String>) {
    let mut files = Vec::new();
    let mut spec = None;
    for v in values {
        let s = v.to_string_lossy();
        let looks_like_spec =
            !v.exists() && !s.contains(['/', '\\']) && !s.to_ascii_lowercase().ends_with(".toml");
        if looks_like_spec {
            spec = Some(s.into_owned());
        } else {
            files.push(v.clone());
        }
    }
    (files, spec)
}

/// The bundled checklists and the checklist files given with --checklist, built once a run.
pub fn catalog(ctx: &Context) -> anyhow::Result<&Catalog> {
    if let Some(catalog) = ctx.catalog.get() {
        return Ok(catalog);
    }
    let (files, spec) = split_checklist_args(&ctx.checklist_paths);
    let built = Catalog::with_files(&files)?;
    // A checklist named that does not exist is an error for every command, not only for the
    // ones that answer it (`--checklist mhlw-vendor@fy2030 status j.toml` said nothing).
    if let Some(spec) = &spec {
        built.check_named(spec)?;
    }
    Ok(ctx.catalog.get_or_init(|| built))
}

pub fn run(args: InitArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    super::refuse_stdout("--out", args.out.as_deref(), ctx.lang)?;
    let (files, spec) = split_checklist_args(&ctx.checklist_paths);
    let catalog = catalog(ctx)?;
    let mut notices = Vec::new();

    // `--from` as said in messages.
    let from_shown = args
        .from
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let last = match &args.from {
        Some(p) => Some(answers::load(p, ctx.lang).map_err(|e| e.in_lang(ctx.lang))?),
        None => None,
    };
    let last_checklist = last
        .as_ref()
        .and_then(|l| catalog.resolve(&l.set.checklist.full_id(), None).ok());
    if let (Some(l), None) = (&last, last_checklist) {
        notices.push(tr!(
            ctx.lang,
            "answers-init-unknown-last",
            checklist = l.set.checklist.full_id()
        ));
    }
    let form: Option<Form> = args
        .form
        .map(Into::into)
        .or_else(|| last_checklist.map(|c| c.checklist.form));
    // A checklist the user named (`--checklist ID[@EDITION]` or a file given alone) is used as
    // named; one chosen here may have a newer successor that serves the same kinds.
    let named = spec.is_some() || !files.is_empty();
    // The checklist --from's answers followed (its ID), in its newest edition up to this fiscal
    // year: among the files given when one of them has that ID (whatever their order), else
    // among every checklist known here. An own checklist's answers stay on the own checklist.
    let this_year = crate::dates::fiscal_year_of(ctx.today);
    let given: Vec<crate::checklist::Loaded> = files
        .iter()
        .map(|f| crate::checklist::load_path(f))
        .collect::<Result<_, _>>()?;
    let followed = last.as_ref().and_then(|l| {
        let id = &l.set.checklist.id;
        let form_fits = |f: Form| args.form.is_none_or(|a| Form::from(a) == f);
        if given.is_empty() {
            // Known: taken by its ID below, as before.
            if last_checklist.is_some() {
                return None;
            }
            catalog
                .list()
                .into_iter()
                .map(|e| e.summary)
                .filter(|s| s.id == *id && form_fits(s.form))
                .max_by_key(|s| (s.fiscal_year <= this_year, s.fiscal_year))
                .map(|s| s.full_id())
        } else {
            given
                .iter()
                .map(|g| &g.checklist)
                .filter(|c| c.id == *id && form_fits(c.form))
                .max_by_key(|c| (c.fiscal_year <= this_year, c.fiscal_year))
                .map(|c| c.full_id())
        }
    });
    // Said when the choice was not plain: several files given, or last year's edition unknown.
    if let (Some(l), Some(chosen)) = (&last, &followed) {
        if given.len() > 1 || last_checklist.is_none() {
            notices.push(tr!(
                ctx.lang,
                "answers-init-follows-from",
                from = from_shown.as_str(),
                last = l.set.checklist.full_id(),
                checklist = chosen.as_str()
            ));
        }
    }
    let (spec, form) = match (spec, followed) {
        (Some(s), _) => (s, form),
        (None, Some(f)) => (f, args.form.map(Into::into).or(form)),
        (None, None) => match (given.last(), last_checklist) {
            // A checklist file given is the one to answer, as it is (docs/answers.md); with
            // --from, last year's answers are carried by ID and `replaces`.
            (Some(c), _) => (c.checklist.full_id(), args.form.map(Into::into)),
            (_, Some(lc)) => (lc.checklist.id.clone(), form),
            _ => (format!("mhlw-{}", form.unwrap_or(Form::Institution)), form),
        },
    };
    let mut checklist = catalog.resolve(&spec, form)?;
    if !named {
        match newer_default(catalog, checklist, form.unwrap_or(Form::Institution)) {
            Some(NewerDefault::Successor(next)) => {
                let old = &checklist.checklist;
                notices.push(tr!(
                    ctx.lang,
                    "edition-notice-successor",
                    old = old.full_id(),
                    checklist = next.checklist.full_id(),
                    wareki = crate::dates::wareki_fiscal_year(next.checklist.fiscal_year),
                    year = next.checklist.fiscal_year,
                    kinds = old
                        .serves
                        .iter()
                        .map(|k| k.label(ctx.lang))
                        .collect::<Vec<_>>()
                        .join("/")
                ));
                checklist = next;
            }
            Some(NewerDefault::Added(added)) => {
                let old = &checklist.checklist;
                notices.push(tr!(
                    ctx.lang,
                    "edition-notice-added",
                    old = old.full_id(),
                    checklist = added.checklist.full_id(),
                    wareki = crate::dates::wareki_fiscal_year(added.checklist.fiscal_year),
                    year = added.checklist.fiscal_year
                ));
                checklist = added;
            }
            None => {}
        }
    }
    // The form must serve the institution's kind (`serves`): a pharmacy never starts on a
    // form for hospitals and clinics.
    if let Some(kind) = last
        .as_ref()
        .and_then(|l| l.set.institution.as_ref())
        .and_then(|i| i.kind)
    {
        let c = &checklist.checklist;
        if !c.serves.is_empty() && !c.serves.contains(&kind) {
            return Err(anyhow::anyhow!(tr!(
                ctx.lang,
                "rules-data-init-kind-not-served",
                from = from_shown.as_str(),
                kind = kind.label(ctx.lang),
                checklist = c.full_id(),
                serves = crate::i18n::join(
                    ctx.lang,
                    &c.serves.iter().map(|k| k.as_str()).collect::<Vec<_>>()
                )
            )));
        }
    }
    if let Some(lc) = last_checklist {
        // A merged form that serves every kind last year's form served is its successor.
        let succeeds = serves_all(&checklist.checklist, &lc.checklist);
        if lc.checklist.form != checklist.checklist.form && !succeeds {
            return Err(anyhow::anyhow!(tr!(
                ctx.lang,
                "answers-init-form-mismatch",
                from = from_shown.as_str(),
                old_form = lc.checklist.form.label(ctx.lang),
                new_form = checklist.checklist.form_label(ctx.lang),
                form = lc.checklist.form.as_str()
            )));
        }
    }

    let out = args.out.clone().unwrap_or_else(|| {
        PathBuf::from(format!(
            "{}-{}.toml",
            checklist.checklist.form, checklist.checklist.edition
        ))
    });
    let format = FileFormat::of(&out).map_err(|e| e.in_lang(ctx.lang))?;
    let carried = last.as_ref().map(|l| {
        template::carry_forward(
            &l.set,
            last_checklist.map(|c| &c.checklist),
            &checklist.checklist,
        )
    });
    let text = template::render(checklist, format, ctx.lang, carried.as_ref());
    // Every error of `create` says that nothing was written, in the reader's language.
    store::create(&out, &text, args.force).map_err(|e| e.in_lang(ctx.lang))?;

    let c = &checklist.checklist;
    let carried_count = carried.as_ref().map_or(0, |cf| {
        cf.answers
            .iter()
            .filter(|a| a.carried_from.is_some())
            .count()
    });
    let review_count = carried.as_ref().map_or(0, |cf| {
        cf.answers.iter().filter(|a| a.review.is_some()).count()
    });
    // What was written and the next step are the result the user asked for (standard output,
    // controls in the path shown escaped); warnings stay notices (standard error).
    let path = crate::render::escape_controls(&out.display().to_string()).into_owned();
    let mut wrote = tr!(
        ctx.lang,
        "answers-init-wrote",
        path = path.clone(),
        checklist = c.full_id(),
        count = c.items.len()
    );
    if last.is_some() {
        let carried = tr!(
            ctx.lang,
            "answers-init-carried",
            carried = carried_count,
            review = review_count
        );
        wrote = tr!(
            ctx.lang,
            "answers-init-wrote-and-carried",
            wrote = wrote,
            carried = carried
        );
    }
    // Answers of last year's items that have no place in the new checklist (an own
    // checklist's items when the new file is on the MHLW form): named, never dropped silently.
    if let Some(l) = &last {
        let mut dropped: Vec<String> = Vec::new();
        for a in l.set.answers.iter().filter(|a| a.response.is_some()) {
            let kept =
                c.item(&a.item).is_some() || c.items.iter().any(|i| i.replaces.contains(&a.item));
            let label = last_checklist
                .and_then(|lc| lc.checklist.item(&a.item))
                .map_or_else(|| a.item.clone(), |i| i.label(ctx.lang));
            if !kept && !dropped.contains(&label) {
                dropped.push(label);
            }
        }
        if !dropped.is_empty() {
            notices.push(tr!(
                ctx.lang,
                "answers-init-not-carried",
                count = dropped.len(),
                items = crate::i18n::join(ctx.lang, &dropped),
                last = l.set.checklist.full_id(),
                checklist = c.full_id()
            ));
        }
    }
    // Items whose replaced items were answered differently: nothing carried, each named.
    let disagreeing: Vec<String> = carried
        .iter()
        .flat_map(|cf| &cf.disagreeing)
        .filter_map(|id| c.item(id))
        .map(|item| item.label(ctx.lang))
        .collect();
    if !disagreeing.is_empty() {
        wrote.push('\n');
        wrote.push_str(&tr!(
            ctx.lang,
            "answers-init-replaced-disagree",
            items = crate::i18n::join(ctx.lang, &disagreeing)
        ));
    }
    // The next step is a command line: the path quoted as the shell needs it.
    let next = tr!(
        ctx.lang,
        "answers-init-next",
        path = crate::render::text::command_word(&out.display().to_string()),
        global = ctx.global_suffix()
    );
    let mut outcome = Outcome::text(format!("{wrote}\n{next}\n"), Exit::Ok);
    outcome.notices = notices;
    Ok(outcome)
}

/// Whether `new` serves every kind `old` served (and `old` names the kinds it serves).
fn serves_all(new: &crate::checklist::Checklist, old: &crate::checklist::Checklist) -> bool {
    !old.serves.is_empty() && old.serves.iter().all(|k| new.serves.contains(k))
}

/// The checklist `init` makes a file on when none is named, for `form`: the newest bundled one
/// of the form, or the newer one [`newer_default`] takes in its place. `checklist list` and
/// `checklist add` say which one this is; the edition notice names it.
pub(crate) fn default_for(
    catalog: &crate::checklist::Catalog,
    form: Form,
) -> Option<&crate::checklist::Loaded> {
    let first = catalog.resolve(&format!("mhlw-{form}"), Some(form)).ok()?;
    Some(match newer_default(catalog, first, form) {
        Some(NewerDefault::Successor(l) | NewerDefault::Added(l)) => l,
        None => first,
    })
}

/// A newer checklist that takes the place of the one `init` starts from when none is named.
pub(crate) enum NewerDefault<'a> {
    /// The publisher's merged form of a later year ([`successor`]).
    Successor(&'a crate::checklist::Loaded),
    /// A checklist of a later year added with `checklist add` ([`added_newer`]).
    Added(&'a crate::checklist::Loaded),
}

/// The one rule for what replaces `start` (the bundled form, or last year's answers file's
/// checklist) when no checklist is named: its merged successor, else a newer added one.
/// `init` makes its file on it and [`default_for`] reports it, so both say the same.
pub(crate) fn newer_default<'a>(
    catalog: &'a Catalog,
    start: &crate::checklist::Loaded,
    form: Form,
) -> Option<NewerDefault<'a>> {
    successor(catalog, start)
        .map(NewerDefault::Successor)
        .or_else(|| added_newer(catalog, start, form).map(NewerDefault::Added))
}

/// A checklist added with `checklist add` (the user's folder) of a later fiscal year than
/// `checklist`, of `form` (for a pharmacy, a form that serves pharmacies): an imported FY2026
/// workbook takes the place of the bundled FY2025 form when no checklist is named. The newest
/// such, and only when it is the only one of its year: two added forms of one year are a choice
/// left to `--checklist`.
fn added_newer<'a>(
    catalog: &'a Catalog,
    checklist: &crate::checklist::Loaded,
    form: Form,
) -> Option<&'a crate::checklist::Loaded> {
    // A checklist of the user's own choosing (an own checklist, a file) stays as chosen.
    if !matches!(checklist.origin, crate::checklist::Origin::Bundled(_)) {
        return None;
    }
    let dir = crate::checklist::registry::user_dir()?;
    let added: Vec<_> = catalog
        .list()
        .into_iter()
        .filter(|l| matches!(&l.origin, crate::checklist::Origin::File(p) if p.parent() == Some(dir.as_path())))
        .map(|l| l.summary)
        .filter(|s| {
            s.fiscal_year > checklist.checklist.fiscal_year
                && crate::checklist::form_fits(s, form)
        })
        .collect();
    let newest = added.iter().map(|s| s.fiscal_year).max()?;
    match added
        .iter()
        .filter(|s| s.fiscal_year == newest)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [only] => catalog.resolve(&only.full_id(), None).ok(),
        _ => None,
    }
}

/// A newer checklist of the same publisher, under another ID, that serves every kind
/// `checklist` serves: the merged form that replaces it (FY2026 serves pharmacies with the
/// institution form). The newest such, if any; vendor forms never replace an institution's.
fn successor<'a>(
    catalog: &'a Catalog,
    checklist: &crate::checklist::Loaded,
) -> Option<&'a crate::checklist::Loaded> {
    let c = &checklist.checklist;
    if c.serves.is_empty() || c.form == Form::Vendor {
        return None;
    }
    catalog
        .list()
        .into_iter()
        .map(|l| l.summary)
        .filter(|s| {
            s.id != c.id
                && s.publisher == c.publisher
                && s.form != Form::Vendor
                && s.fiscal_year > c.fiscal_year
                && c.serves.iter().all(|k| s.serves.contains(k))
        })
        .max_by_key(|s| s.fiscal_year)
        .and_then(|s| catalog.resolve(&s.full_id(), None).ok())
}

#[cfg(test)]
mod tests {
    use super::catalog;
    use crate::checklist::Lang;
    use crate::commands::Context;

    /// A command and the edition notice after it share one catalog: it is built once a run.
    #[test]
    fn the_catalog_is_built_once_a_run() {
        let ctx = Context {
            lang: Lang::En,
            lang_given: false,
            checklist_paths: Vec::new(),
            color: false,
            today: jiff::civil::date(2026, 6, 1),
            catalog: std::sync::OnceLock::new(),
        };
        assert!(ctx.catalog.get().is_none());
        let first: *const _ = catalog(&ctx).unwrap();
        let second: *const _ = catalog(&ctx).unwrap();
        assert!(std::ptr::eq(first, second));
    }
}
