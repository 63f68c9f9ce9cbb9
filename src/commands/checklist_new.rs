//! `medsec checklist new --from ID@EDITION --edition NEXT [--out FILE]`: the next fiscal year's
//! file scaffolded from the last one (see `checklist::scaffold`).

use super::{Context, Outcome};
use crate::atomic::{self, Replace};
use crate::checklist::{self, registry, scaffold, Catalog, Origin};
use crate::cli::checklist::NewArgs;
use crate::exit::Exit;
use crate::tr;

pub fn run(args: &NewArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    let edition = checklist::edition::for_people(&args.edition, ctx.today)
        .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
    let out_file = super::out_file(args.out.clone());
    let catalog = Catalog::with_files(&ctx.checklist_paths)?;
    // A file's path, as lint and diff take it, or `ID@EDITION` from the catalog.
    let from = if super::checklist::names_a_file(&args.from) {
        checklist::load_path(std::path::Path::new(&args.from))?
    } else {
        catalog.resolve(&args.from, None)?.clone()
    };
    let from_id = from.checklist.full_id();
    // How the diff hint names the source: the path when one was given (an own checklist's id
    // is known only with `--checklist`, which the hint repeats).
    let from_word = if super::checklist::names_a_file(&args.from) {
        args.from.clone()
    } else {
        from_id.clone()
    };
    // The source's own text, so that its comments and layout carry over.
    let (file, source) = match &from.origin {
        Origin::Bundled(path) => (
            (*path).to_owned(),
            registry::BUNDLED
                .iter()
                .find(|b| b.path == *path)
                .map(|b| b.source.to_owned())
                .unwrap_or_default(),
        ),
        Origin::File(path) => (path.display().to_string(), checklist::read_text(path)?),
    };
    let text = scaffold::next_edition(&file, &source, &from_id, &edition)
        .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
    // The edition has no form of this kind (FY2026 merged the pharmacy form): said, not fatal.
    let merged = scaffold::form_not_in_edition(&source, &edition).map(|forms| {
        tr!(
            lang,
            "checklist-new-form-not-in-edition",
            edition = edition.as_str(),
            forms = forms.join(&tr!(lang, "common-list-separator")),
            form = from.checklist.form.to_string()
        )
    });
    // What was written must load (a failure here is a bug in the scaffold, said plainly).
    let name = out_file
        .as_ref()
        .map_or_else(|| "-".to_owned(), |p| p.display().to_string());
    let made = checklist::load_str(&name, &text, Origin::File(name.clone().into()))?;
    // An own checklist follows its next base: out-of-scope items the base replaced move to the
    // replacing items, those it dropped are removed; each said.
    let (text, moved) = follow_next_base(&catalog, &from, &made, text, lang)?;
    let made = checklist::load_str(&name, &text, Origin::File(name.clone().into()))?;
    let count = made.checklist.items.len();
    let full_id = made.checklist.full_id();
    // An own checklist's next base that this run does not know: lint would fail on it.
    let unknown_base = made
        .checklist
        .extends
        .as_ref()
        .filter(|e| catalog.resolve(&e.base, None).is_err())
        .map(|e| {
            tr!(
                lang,
                "checklist-new-base-unknown",
                base = e.base.as_str(),
                checklist = full_id.as_str()
            )
        });
    // A checklist of that ID and edition that exists already (bundled or added): the draft
    // would stand beside it under the same name, so it is said with what to do.
    let exists = catalog.resolve(&full_id, None).ok().map(|existing| {
        tr!(
            lang,
            "checklist-new-exists",
            checklist = full_id.as_str(),
            origin = match &existing.origin {
                Origin::Bundled(path) => (*path).to_owned(),
                Origin::File(path) => path.display().to_string(),
            }
        )
    });
    let global = ctx.global_suffix();
    match &out_file {
        Some(out) => {
            let replace = if args.force {
                Replace::Allow
            } else {
                Replace::Refuse
            };
            atomic::write(out, text.as_bytes(), None, replace).map_err(|e| {
                anyhow::Error::msg(if e.kind() == std::io::ErrorKind::AlreadyExists {
                    tr!(lang, "checklist-new-out-exists", path = name.as_str())
                } else {
                    tr!(
                        lang,
                        "checklist-new-write-failed",
                        path = name.as_str(),
                        reason = crate::i18n::io_error(lang, &e)
                    )
                })
            })?;
            Ok(merged
                .into_iter()
                .chain(moved)
                .chain(unknown_base)
                .chain(exists)
                .fold(Outcome::text(String::new(), Exit::Ok), Outcome::notice)
                .notice(tr!(
                    lang,
                    "checklist-new-written",
                    path = name.as_str(),
                    // The commands are copied into a shell: each path one word.
                    path_word = crate::render::command_word(&out.display().to_string()),
                    checklist = full_id,
                    count = count,
                    from = crate::render::command_word(&from_word),
                    global = global
                )))
        }
        None => Ok(merged
            .into_iter()
            .chain(moved)
            .chain(unknown_base)
            .chain(exists)
            .fold(Outcome::text(text, Exit::Ok), Outcome::notice)),
    }
}

/// `text` (the draft of an own checklist) made to follow the base it now extends, when that
/// base is known here, with a sentence for each out-of-scope entry moved or removed.
fn follow_next_base(
    catalog: &Catalog,
    from: &checklist::Loaded,
    made: &checklist::Loaded,
    text: String,
    lang: checklist::Lang,
) -> anyhow::Result<(String, Vec<String>)> {
    let Some(next) = made
        .checklist
        .extends
        .as_ref()
        .and_then(|e| catalog.resolve(&e.base, None).ok())
    else {
        return Ok((text, Vec::new()));
    };
    // Last year's base names the items left out by their printed number, when it is known.
    let old_base = from
        .checklist
        .extends
        .as_ref()
        .and_then(|e| catalog.resolve(&e.base, None).ok());
    let (text, moves) =
        scaffold::follow_base(&text, &next.checklist, old_base.map(|b| &b.checklist))
            .map_err(|e| anyhow::Error::msg(e.to_string()))?;
    let new_labels = |ids: &[String]| {
        crate::i18n::join(
            lang,
            &ids.iter()
                .map(|id| {
                    next.checklist
                        .item(id)
                        .map_or_else(|| id.clone(), |i| i.label(lang))
                })
                .collect::<Vec<_>>(),
        )
    };
    let old_label = |id: &str| {
        old_base
            .and_then(|b| b.checklist.item(id))
            .map_or_else(|| id.to_owned(), |i| i.label(lang))
    };
    let base = next.checklist.full_id();
    let said = moves
        .iter()
        .map(|m| match m {
            scaffold::OutOfScopeMove::Carried { from, to } => tr!(
                lang,
                "checklist-new-out-of-scope-carried",
                item = old_label(from),
                base = base.as_str(),
                items = new_labels(to)
            ),
            scaffold::OutOfScopeMove::Merged { item, into } => tr!(
                lang,
                "checklist-new-out-of-scope-merged",
                item = old_label(item),
                base = base.as_str(),
                items = new_labels(into)
            ),
            scaffold::OutOfScopeMove::Dropped { item } => tr!(
                lang,
                "checklist-new-out-of-scope-dropped",
                item = old_label(item),
                base = base.as_str()
            ),
        })
        .collect();
    Ok((text, said))
}
