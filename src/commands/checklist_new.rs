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
    let from = catalog.resolve(&args.from, None)?;
    let from_id = from.checklist.full_id();
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
    let count = made.checklist.items.len();
    let full_id = made.checklist.full_id();
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
                .fold(Outcome::text(String::new(), Exit::Ok), Outcome::notice)
                .notice(tr!(
                    lang,
                    "checklist-new-written",
                    path = name.as_str(),
                    // The commands are copied into a shell: each path one word.
                    path_word = crate::render::command_word(&out.display().to_string()),
                    checklist = full_id,
                    count = count,
                    from = crate::render::command_word(&from_id)
                )))
        }
        None => Ok(merged
            .into_iter()
            .fold(Outcome::text(text, Exit::Ok), Outcome::notice)),
    }
}
