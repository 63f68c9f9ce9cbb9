//! `medsec check`: the year's self-check in one command. It composes the other commands'
//! library calls in order (answers, status, probes, key, report bundle, verification) and
//! never runs the medsec binary. `init` and `status` are called through their own `run` with
//! arguments parsed as the user would type them, so their rules stay in one place.

use super::{Context, Outcome};
use crate::answers;
use crate::checklist::{Catalog, Form, Lang};
use crate::cli::check::{CheckArgs, CheckFormat};
use crate::exit::Exit;
use crate::probes::{self, contradictions, FileRecord, RunOptions};
use crate::render;
use crate::render::check::{KeyUsed, ProbeCounts, Step, Steps, Summary};
use crate::report::bundle::{self, Overwrite};
use crate::report::make::{self, Inputs};
use crate::signing::keys::{self, KeyFiles, Protection, SecretKey, SecretKeyFile};
use crate::signing::trusted::TrustedKeys;
use crate::signing::verify;
use crate::tr;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// File names inside the check's folder.
const BUNDLE_DIR: &str = "bundle";
const EVIDENCE_FILE: &str = "evidence.json";
const THROWAWAY_KEY: &str = "throwaway";

/// Whether `check` may ask questions (make the answers file, walk through open items): text
/// output, not `--non-interactive`, and a terminal on standard input.
pub fn may_ask(args: &CheckArgs) -> bool {
    !args.non_interactive && args.format == CheckFormat::Text && std::io::stdin().is_terminal()
}

pub fn run(args: CheckArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    super::refuse_stdout("--out", args.out.as_deref(), lang)?;
    // A usage problem first: the date is checked before anything is read or run.
    let as_of = ctx.as_of(args.as_of.as_deref())?;
    let text = args.format == CheckFormat::Text;
    // Asking is allowed only for people at a terminal.
    let may_ask = may_ask(&args);
    let mut notices = Vec::new();

    // Every input is checked before anything is written or run.
    let probe_config = match &args.probes {
        Some(path) => {
            let (config, bytes) =
                probes::config::load(path).map_err(|e| anyhow::anyhow!(e.localize(lang)))?;
            (config, Some(FileRecord::of_bytes(path, &bytes)))
        }
        None => (probes::default_config(), None),
    };
    // The passphrase is asked first: a wrong one must not cost a walk-through.
    let own_key = match &args.key {
        Some(path) => Some(unlock(path, args.passphrase_env.as_deref(), may_ask, ctx)?),
        None => None,
    };

    // 1. The answers file: given, the only one here, or made now (on a terminal).
    let Some((answers_path, created)) = find_or_make_answers(&args, ctx, may_ask, &mut notices)?
    else {
        // The form question was left with q or Ctrl-D: nothing was made, nothing checked.
        let command = format!("medsec check {}", rerun_flags(&args, ctx));
        let said = tr!(lang, "check-form-quit", command = command.trim_end());
        return Ok(notices.into_iter().chain([said]).fold(
            Outcome::text(String::new(), Exit::Unusable),
            Outcome::notice,
        ));
    };
    let catalog = super::init::catalog(ctx)?;

    // 2. Status; on a terminal an incomplete file is answered item by item, then checked again.
    let mut status = status(&answers_path, &args, ctx)?;
    if status.exit == Exit::Findings && may_ask {
        let resume = format!("medsec check {}", rerun_flags(&args, ctx));
        let walked = walk(&answers_path, catalog, ctx, as_of, resume.trim_end())?;
        if walked.input_ended {
            notices.push(tr!(lang, "walk-stopped-input-ended"));
            notices.push(tr!(lang, "walk-resume", command = resume.trim_end()));
        }
        status = self::status(&answers_path, &args, ctx)?;
    }
    // Problems that made a file unusable are on standard error, as status puts them.
    notices.append(&mut status.notices);
    let steps = Steps::new(lang, text && std::io::stderr().is_terminal());
    let shown = |p: &Path| crate::render::escape_controls(&p.display().to_string()).into_owned();
    steps.done(
        Step::Answers,
        &tr!(lang, "check-done-answers", path = shown(&answers_path)),
    );
    let status_json = |s: &Outcome| serde_json::from_slice::<serde_json::Value>(&s.stdout).ok();
    let bound = crate::answers::load(&answers_path, lang)
        .ok()
        .and_then(|l| {
            Some((
                l.clone(),
                catalog.resolve(&l.set.checklist.full_id(), None).ok()?,
            ))
        });
    let vendor_form = bound.as_ref().is_some_and(|(_, c)| {
        answers::rules::role_of(c.checklist.form) == answers::rules::Role::Vendor
    });
    let mut summary = Summary {
        answers: answers_path.clone(),
        answers_created: created,
        complete: status.exit == Exit::Ok,
        unusable: status.exit == Exit::Unusable,
        evidence: None,
        probes: None,
        key: None,
        bundle: None,
        html: None,
        report_findings: None,
        verified: None,
        no_probe_evidence: None,
        // The form's year, not this year: last year's form is last year's check.
        fiscal_year: bound.as_ref().map(|(_, c)| c.checklist.fiscal_year),
        digest_update: bound.as_ref().and_then(|(l, c)| digest_update(l, c)),
        rerun_flags: rerun_flags(&args, ctx),
        verify_flags: verify_flags(&args, ctx),
        vendor_unchecked: 0,
        evidence_missing: Vec::new(),
        sheet_rerun_flags: sheet_rerun_flags(&args, ctx),
        replaced_bundle: None,
    };
    let mut stdout = String::new();
    if text {
        stdout.push_str(&heading(Step::Status, lang));
        stdout.push_str(&String::from_utf8_lossy(&status.stdout));
    }
    // Evidence the answers cite but that is not there stops the report (as `medsec report`
    // stops): said here, with the status above, before any probe runs or file is written.
    if summary.complete && !vendor_form {
        if let Some((loaded, _)) = &bound {
            summary.evidence_missing = answers::rules::missing_evidence(loaded);
        }
    }
    // Incomplete answers (the status output names every problem in the file) or missing
    // evidence end the check at the status step.
    if !summary.complete || !summary.evidence_missing.is_empty() {
        let complete = if summary.complete { "yes" } else { "no" };
        steps.failed(
            Step::Status,
            &tr!(lang, "check-done-status", complete = complete),
        );
        steps.finish();
        return Ok(finish(
            stdout,
            &summary,
            status_json(&status),
            None,
            args.format,
            ctx,
            notices,
        ));
    }
    steps.done(
        Step::Status,
        &tr!(lang, "check-done-status", complete = "yes"),
    );
    // A vendor's form (事業者確認用) is no report: the vendor signs it for the institution.
    if vendor_form {
        steps.finish();
        return vendor_form_done(
            stdout,
            &summary,
            status_json(&status),
            own_key.as_ref(),
            &args,
            ctx,
            notices,
        );
    }

    let out_dir = match &args.out {
        Some(dir) => dir.clone(),
        None => default_out(&answers_path, catalog, lang),
    };
    // What this run writes in the folder is taken back when a later step fails (only the files
    // it made, and an earlier evidence.json put back as it was), and the error says what is left.
    let written = Written::before(&out_dir);
    // The report an earlier check signed there, by its SHA-256 (the one printed on its
    // report.html): replacing it is said, since a printout of it no longer matches.
    let old_report = crate::signing::manifest::sha256_file(
        &out_dir.join(BUNDLE_DIR).join(crate::report::FILE_NAME),
    )
    .ok();
    // Killed partway (Ctrl-C, SIGTERM), the check takes back the folder and files it made.
    let take_back = crate::interrupt::TakeBack::arm(
        &written.new_files,
        written.made_dir.then_some(out_dir.as_path()),
        &tr!(
            lang,
            "check-interrupted",
            path = out_dir.display().to_string()
        ),
    );
    let partway = (|| -> anyhow::Result<_> {
        std::fs::create_dir_all(&out_dir).map_err(|e| {
            anyhow::anyhow!(tr!(
                lang,
                "check-cannot-write",
                path = out_dir.display().to_string(),
                error = crate::i18n::io_error(lang, &e)
            ))
        })?;

        // The bundle's place is checked before anything is written there (evidence, keys): a
        // folder holding someone's other files stops the check with nothing written.
        bundle::check_replaceable(&out_dir.join(BUNDLE_DIR), Overwrite::Bundle)
            .map_err(|e| anyhow::Error::msg(e.message(lang)))?;
        // 3. Probes, with the answers they may contradict.
        steps.begin(Step::Probes);
        let (mut config, config_record) = probe_config;
        let loaded = answers::load(&answers_path, lang).map_err(|e| e.in_lang(lang))?;
        let checklist = catalog
            .resolve(&loaded.set.checklist.full_id(), None)
            .ok()
            .map(|c| &c.checklist);
        // The gate question answered いいえ makes every other item 対象外: a probe that checks
        // only such items is not run (its failure would fail a check with nothing to check).
        let skipped = checklist.and_then(|c| probes::skip_for_gate(&mut config, &loaded.set, c));
        let mut evidence = probes::run_all(
            &config,
            &RunOptions {
                root: PathBuf::from("/"),
            },
            &steps,
        );
        evidence.config = config_record;
        evidence.contradictions = contradictions::check(&evidence.results, &loaded.set);
        evidence.institution = probes::evidence::InstitutionRecord::of_answers(&loaded.set);
        evidence.skipped_by_gate = skipped.as_ref().map(|(_, skip)| skip.clone());
        evidence.answers = Some(FileRecord::of_file(&answers_path).map_err(|e| {
            anyhow::anyhow!(tr!(
                lang,
                "probes-cannot-read-file",
                path = answers_path.display().to_string(),
                error = probes::messages::detail(lang, &e.to_string())
            ))
        })?);
        let evidence_path = out_dir.join(EVIDENCE_FILE);
        crate::atomic::replace(&evidence_path, render::json(&evidence).as_bytes()).map_err(
            |e| {
                anyhow::anyhow!(tr!(
                    lang,
                    "check-cannot-write",
                    path = evidence_path.display().to_string(),
                    error = crate::i18n::io_error(lang, &e)
                ))
            },
        )?;
        let counts = ProbeCounts::of(&evidence);
        summary.evidence = Some(evidence_path.clone());
        summary.probes = Some(counts);
        let probes_ok = counts.fail == 0 && counts.contradictions == 0;
        let mark = |step, sentence: &str| {
            if probes_ok {
                steps.done(step, sentence)
            } else {
                steps.failed(step, sentence)
            }
        };
        mark(
            Step::Probes,
            &tr!(
                lang,
                "check-done-probe-counts",
                pass = counts.pass,
                fail = counts.fail,
                unknown = counts.unknown,
                contradictions = counts.contradictions
            ),
        );
        let gate_said = skipped
            .as_ref()
            .map(|(gate, skip)| render::probe::skipped_by_gate(gate, skip, lang));
        if text {
            stdout.push_str(&heading(Step::Probes, lang));
            if let Some(said) = &gate_said {
                stdout.push_str(&render::prose::for_stdout(said));
                stdout.push('\n');
            }
            // Every probe skipped by the gate: the sentence says it, no empty table.
            if gate_said.is_none() || !evidence.results.is_empty() {
                stdout.push_str(&render::probe::table(&evidence, checklist, lang));
            }
        }

        // 4. The key: the one given, or a throwaway one in the check's folder.
        steps.begin(Step::Key);
        let (key, key_used) = match own_key {
            Some(key) => {
                let files = KeyFiles::for_name(args.key.as_deref().unwrap_or(Path::new("")));
                let used = KeyUsed {
                    secret: files.secret,
                    public: files.public,
                    key_id: key.public.key_id.clone(),
                    throwaway: false,
                };
                (key, used)
            }
            None => throwaway_key(&out_dir, lang)?,
        };
        steps.done(
            Step::Key,
            &tr!(
                lang,
                "check-done-key",
                key = key_used.key_id.as_str(),
                throwaway = if key_used.throwaway { "yes" } else { "no" }
            ),
        );
        summary.key = Some(key_used.clone());

        // 5. The report bundle, signed, with report.html in it.
        steps.begin(Step::Report);
        let bundle_dir = out_dir.join(BUNDLE_DIR);
        let now = jiff::Timestamp::now();
        // One day for the findings and the rows: the --as-of the status above was judged on.
        let made = make::make(&Inputs {
            as_of: args.as_of.as_ref().map(|_| as_of),
            answers: &answers_path,
            vendors: &[],
            evidence: Some(&evidence_path),
            catalog,
            lang,
            now,
        })
        .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
        // A vendor form changed after its vendor signed it stops here, before anything is
        // signed: the inspector's verify would call the bundle invalid.
        let unchecked = super::report::check_vendor_signatures(&made, &args.vendor_keys, lang)?;
        let bundle::Written {
            signed,
            removed_stale,
        } = render::html::with_catalog(catalog, || {
            bundle::write(
                &bundle_dir,
                &made.report,
                &made.attachments,
                Some(&key),
                now.as_second(),
                Overwrite::Bundle,
            )
        })
        .map_err(|e| anyhow::Error::msg(e.message(lang)))?;
        Ok((
            key,
            key_used,
            made,
            signed,
            removed_stale,
            bundle_dir,
            unchecked,
        ))
    })();
    drop(take_back);
    let (key, key_used, made, signed, removed_stale, bundle_dir, unchecked) = match partway {
        Ok(done) => done,
        Err(e) => return Err(written.undo(&e, lang)),
    };
    // An evidence.json that was there before (an earlier check's, or another file of that
    // name) is replaced by this run's: said, never silently.
    if let Some((path, _)) = &written.old_evidence {
        notices.push(tr!(
            lang,
            "check-evidence-replaced",
            path = path.display().to_string()
        ));
    }
    notices.extend(super::report::stale_removed_notice(&removed_stale, lang));
    notices.extend(made.unsigned_vendor_forms.iter().map(|(form, signature)| {
        tr!(
            lang,
            "report-vendor-unsigned",
            form = form.display().to_string(),
            signature = signature.display().to_string()
        )
    }));
    notices.extend(
        unchecked
            .iter()
            .map(|form| super::report::vendor_unchecked_notice(form, lang)),
    );
    summary.vendor_unchecked = unchecked.len();
    let errors = made
        .report
        .findings
        .iter()
        .filter(|f| f.severity == "error")
        .count();
    summary.report_findings = Some((errors, made.report.findings.len() - errors));
    // With nothing to check (the gate question いいえ), no probe evidence is nothing missing.
    summary.no_probe_evidence = made.report.no_probe_evidence();
    summary.bundle = Some(bundle_dir.clone());
    summary.replaced_bundle = old_report.map(|old| {
        let new = crate::signing::manifest::sha256_file(&bundle_dir.join(crate::report::FILE_NAME))
            .unwrap_or_default();
        (old, new)
    });
    // Said with the replaced evidence.json, on standard error as every notice of check.
    if let Some((old, new)) = &summary.replaced_bundle {
        notices.push(tr!(
            lang,
            "check-written-bundle-replaced",
            old = old.as_str(),
            new = new.as_str()
        ));
    }
    let html = bundle_dir.join("report.html");
    if html.is_file() {
        summary.html = Some(html);
    }
    steps.done(
        Step::Report,
        &tr!(lang, "check-done-report", path = shown(&bundle_dir)),
    );
    if text {
        stdout.push_str(&heading(Step::Report, lang));
        stdout.push_str(&render::signing::report_written(
            &bundle_dir,
            &made.report,
            made.attachments.len(),
            signed.as_ref(),
            Some(key_used.public.as_path()).filter(|p| p.is_file()),
            &ctx.global_flags(),
            lang,
        ));
    }

    // 6. Verify what was written, with the public key the inspector is given.
    steps.begin(Step::Verify);
    // The bundle is in place and signed (checked against the secret key as it was written):
    // a failure from here on keeps it and says what is left and how to check it.
    let public = if key_used.public.is_file() {
        keys::read_public_key(&key_used.public).map_err(|e| {
            written.kept(
                &anyhow::Error::msg(e.localize(lang)),
                &bundle_dir,
                &key_used,
                &summary.verify_flags,
                lang,
            )
        })?
    } else {
        key.public.clone()
    };
    let trusted = TrustedKeys::single(public);
    let results = verify::verify_all(
        std::slice::from_ref(&bundle_dir),
        &verify::Options {
            keys: &trusted,
            catalog,
            expected_institution: None,
            today: as_of,
            // JSON is the same whatever `--lang`: its messages in English.
            lang: if text { lang } else { Lang::En },
            expect: None,
        },
    );
    let verified = results.iter().map(|r| r.exit()).max().unwrap_or(Exit::Ok);
    summary.verified = Some(verified);
    let result = match verified {
        Exit::Ok => "valid",
        Exit::Findings => "findings",
        Exit::Integrity => "invalid",
        Exit::Unusable => "unusable",
    };
    let sentence = tr!(lang, "check-done-verify", result = result);
    if verified == Exit::Ok {
        steps.done(Step::Verify, &sentence);
    } else {
        steps.failed(Step::Verify, &sentence);
    }
    steps.finish();
    let verify_json = serde_json::from_str(&render::signing::verify_json(&results, verified)).ok();
    if text {
        stdout.push_str(&heading(Step::Verify, lang));
        stdout.push_str(&render::signing::verify_table(&results, lang, ctx.color));
    }
    Ok(finish(
        stdout,
        &summary,
        status_json(&status),
        verify_json,
        args.format,
        ctx,
        notices,
    ))
}

/// The outcome: the steps' output and the summary, or one JSON object.
fn finish(
    mut stdout: String,
    summary: &Summary,
    status: Option<serde_json::Value>,
    verify: Option<serde_json::Value>,
    format: CheckFormat,
    ctx: &Context,
    notices: Vec<String>,
) -> Outcome {
    // JSON mode collects the steps' JSON; text mode has their output in `stdout` already.
    let out = match format {
        CheckFormat::Json => render::check::json(summary, status, verify),
        CheckFormat::Text => {
            stdout.push_str(&render::check::text(summary, ctx.lang));
            stdout
        }
    };
    let mut outcome = Outcome::text(out, summary.exit());
    outcome.notices = notices;
    outcome
}

/// The end of a check of a complete vendor form: signed with `--key` (as `medsec sign --form`
/// signs it), or the sign command said.
fn vendor_form_done(
    mut stdout: String,
    summary: &Summary,
    status: Option<serde_json::Value>,
    key: Option<&SecretKey>,
    args: &CheckArgs,
    ctx: &Context,
    notices: Vec<String>,
) -> anyhow::Result<Outcome> {
    let lang = ctx.lang;
    let form = &summary.answers;
    let file = crate::render::escape_controls(&form.display().to_string()).into_owned();
    let word = crate::render::command_word(&form.display().to_string());
    let said = match key {
        Some(key) => {
            let now = jiff::Timestamp::now().as_second();
            let signed = crate::signing::vendor::sign_form(form, key, now, lang)
                .map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
            let public = args
                .key
                .as_deref()
                .and_then(|k| super::report::public_key_beside(k, &signed.key_id));
            let mut said = render::signing::form_signed(form, &signed, public.as_deref(), lang);
            said.push_str(&tr!(
                lang,
                "report-review-check-vendor-signed",
                file = file,
                signature = crate::render::escape_controls(&signed.signature.display().to_string())
                    .into_owned()
            ));
            said.push('\n');
            said
        }
        None => {
            let mut said = tr!(
                lang,
                "report-review-check-vendor-next",
                file = file,
                command = word
            );
            said.push('\n');
            said
        }
    };
    let out = match args.format {
        CheckFormat::Json => render::check::json(summary, status, None),
        CheckFormat::Text => {
            stdout.push('\n');
            stdout.push_str(&render::prose::for_stdout(&said));
            stdout
        }
    };
    let mut outcome = Outcome::text(out, Exit::Ok);
    outcome.notices = notices;
    Ok(outcome)
}

/// The digest the answers file should name, when it names another (made against other
/// wording), as the status rules judge it.
fn digest_update(loaded: &answers::Loaded, checklist: &crate::checklist::Loaded) -> Option<String> {
    let named = loaded.set.checklist.digest.as_ref()?;
    let old = crate::checklist::digest::without_rules(&checklist.checklist);
    (*named != checklist.digest && Some(named) != old.as_ref()).then(|| checklist.digest.clone())
}

fn heading(step: Step, lang: Lang) -> String {
    let what = match step {
        Step::Status => tr!(lang, "check-step-status"),
        Step::Probes => tr!(lang, "check-step-probes"),
        Step::Report => tr!(lang, "check-step-report"),
        Step::Verify => tr!(lang, "check-step-verify"),
        Step::Answers => tr!(lang, "check-step-answers"),
        Step::Key => tr!(lang, "check-step-key"),
    };
    format!("\n{}\n", tr!(lang, "check-heading", what = what))
}

/// Another command's arguments, parsed from `argv` as if the user had typed them after its
/// name, so its defaults and checks apply.
fn parsed<A: clap::Args + clap::FromArgMatches>(
    name: &'static str,
    argv: Vec<OsString>,
) -> anyhow::Result<A> {
    let command = A::augment_args(clap::Command::new(name));
    let matches =
        command.try_get_matches_from(std::iter::once(OsString::from(name)).chain(argv))?;
    Ok(A::from_arg_matches(&matches)?)
}

/// The flags of `medsec verify` that judge the bundle as this check did, each followed by a
/// space: `--as-of` as the user gave it, and the global options (`--checklist`, `--lang`).
fn verify_flags(args: &CheckArgs, ctx: &Context) -> String {
    let mut out = String::new();
    if let Some(d) = &args.as_of {
        let d = crate::render::text::shell_word(d, cfg!(windows)).into_owned();
        out.push_str(&format!("--as-of {d} "));
    }
    let global = ctx.global_flags();
    if !global.is_empty() {
        out.push_str(&global);
        out.push(' ');
    }
    out
}

/// The flags of this check that a rerun repeats, each followed by a space: `--answers`,
/// `--probes`, `--out`, `--key`, `--passphrase-env`, `--as-of` as the user gave them (paths quoted for the shell when needed),
/// and the global options (`--checklist`, `--lang`).
fn rerun_flags(args: &CheckArgs, ctx: &Context) -> String {
    rerun_flags_with(args, args.answers.as_deref(), ctx)
}

/// A spreadsheet given as `--answers` (.csv, .xlsx): it is imported into an answers file, not
/// read as one. The rerun's flags then name that answers file, `ANSWERS.toml`.
fn sheet_rerun_flags(args: &CheckArgs, ctx: &Context) -> Option<String> {
    let ext = args
        .answers
        .as_deref()?
        .extension()?
        .to_str()?
        .to_ascii_lowercase();
    matches!(ext.as_str(), "csv" | "xlsx")
        .then(|| rerun_flags_with(args, Some(Path::new("ANSWERS.toml")), ctx))
}

fn rerun_flags_with(args: &CheckArgs, answers: Option<&Path>, ctx: &Context) -> String {
    // A backslash separates a Windows path, and PowerShell and cmd take it as it is; a Unix
    // shell reads it as an escape, so it is quoted there.
    let quote = |s: String| crate::render::text::shell_word(&s, cfg!(windows)).into_owned();
    let mut out = String::new();
    let paths = [
        ("--answers", answers),
        ("--probes", args.probes.as_deref()),
        ("--out", args.out.as_deref()),
        // The institution's key: a rerun without it would sign with a throwaway key and
        // replace the bundle signed with the institution's own.
        ("--key", args.key.as_deref()),
    ];
    for (flag, value) in paths {
        if let Some(p) = value {
            out.push_str(&format!("{flag} {} ", quote(p.display().to_string())));
        }
    }
    for key in &args.vendor_keys {
        out.push_str(&format!(
            "--vendor-key {} ",
            quote(key.display().to_string())
        ));
    }
    if let Some(var) = &args.passphrase_env {
        out.push_str(&format!("--passphrase-env {} ", quote(var.clone())));
    }
    if let Some(d) = &args.as_of {
        out.push_str(&format!("--as-of {} ", quote(d.clone())));
    }
    let global = ctx.global_flags();
    if !global.is_empty() {
        out.push_str(&global);
        out.push(' ');
    }
    out
}

/// `medsec status FILE` in the check's output format.
fn status(file: &Path, args: &CheckArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let mut argv: Vec<OsString> = vec![file.into()];
    if args.format == CheckFormat::Json {
        argv.extend(["--format".into(), "json".into()]);
    }
    if let Some(d) = &args.as_of {
        argv.extend(["--as-of".into(), d.into()]);
    }
    super::status::run_in_check(parsed("status", argv)?, ctx)
}

/// The answers file to check, and whether this check made it.
fn find_or_make_answers(
    args: &CheckArgs,
    ctx: &Context,
    may_ask: bool,
    notices: &mut Vec<String>,
) -> anyhow::Result<Option<(PathBuf, bool)>> {
    let lang = ctx.lang;
    let path = match &args.answers {
        Some(p) if p.exists() => return Ok(Some((p.clone(), false))),
        Some(p) => p.clone(),
        None => {
            let mut found = answers_files_in(Path::new("."), lang);
            match found.len() {
                1 => return Ok(Some((found.remove(0), false))),
                0 => PathBuf::new(),
                _ => {
                    let names: Vec<String> =
                        found.iter().map(|p| p.display().to_string()).collect();
                    return Err(anyhow::anyhow!(tr!(
                        lang,
                        "check-several-answers",
                        files = crate::i18n::join_code(lang, &names)
                    )));
                }
            }
        }
    };
    let choices = form_choices(ctx)?;
    let given = args.form.map(Form::from);
    if !may_ask {
        let missing = if path.as_os_str().is_empty() {
            tr!(lang, "check-no-answers")
        } else {
            let shown = path.display().to_string();
            tr!(
                lang,
                "check-answers-not-found",
                // With the run's `--checklist` and `--lang`, so that init makes the file for
                // the same checklist.
                command = [
                    format!(
                        "medsec init --out {}",
                        crate::render::text::shell_word(&shown, cfg!(windows))
                    ),
                    ctx.global_flags(),
                ]
                .iter()
                .filter(|part| !part.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
                path = shown
            )
        };
        // Which form `init` would make, and the flag that chooses another, said after it (one
        // paragraph: the error line escapes control characters, a newline among them).
        let chosen = given
            .and_then(|f| choices.iter().find(|c| c.forms.contains(&f)))
            .or(choices.first());
        return Err(anyhow::anyhow!(match chosen {
            Some(c) => tr!(
                lang,
                "cli-usage-with-hint",
                sentence = missing,
                hint = form_default_line(c, &choices, lang)
            ),
            None => missing,
        }));
    }
    let form = match given {
        Some(f) => Some(f),
        // A checklist named with the global --checklist ID decides the form itself.
        None if choices.len() > 1 => {
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            match ask_form(&choices, stdin.lock(), stdout.lock(), lang)? {
                Some(form) => Some(form),
                None => return Ok(None),
            }
        }
        None => None,
    };
    let mut argv: Vec<OsString> = Vec::new();
    if !path.as_os_str().is_empty() {
        argv.extend(["--out".into(), path.clone().into()]);
    }
    if let Some(f) = form {
        argv.extend(["--form".into(), f.as_str().into()]);
    }
    let made = super::init::run(parsed("init", argv)?, ctx)?;
    // What init wrote (its first line; not its next step, which check takes) and its warnings.
    let wrote = String::from_utf8_lossy(&made.stdout);
    notices.extend(wrote.lines().take(1).map(str::to_owned));
    notices.extend(made.notices.iter().cloned());
    let path = if path.as_os_str().is_empty() {
        // `init` names its file after the form and edition; it is the only one here now.
        answers_files_in(Path::new("."), lang)
            .into_iter()
            .next()
            .ok_or_else(|| anyhow::anyhow!(tr!(lang, "check-no-answers")))?
    } else {
        path
    };
    Ok(Some((path, true)))
}

/// A form `check` offers to start: the checklist `medsec init --form` would make for it (the
/// newest bundled edition, or the merged form that replaces it), and the `--form` values that
/// make it (institution and pharmacy both, for a merged form).
struct FormChoice {
    forms: Vec<Form>,
    label: String,
    checklist: String,
}

/// The forms to choose from, the default (the institution's) first; none when the global
/// `--checklist` names the checklist to answer (an ID, or a file: init answers the file given).
fn form_choices(ctx: &Context) -> anyhow::Result<Vec<FormChoice>> {
    let lang = ctx.lang;
    let catalog = super::init::catalog(ctx)?;
    let (files, spec) = super::init::split_checklist_args(&ctx.checklist_paths);
    if spec.is_some() || !files.is_empty() {
        return Ok(Vec::new());
    }
    let mut choices: Vec<FormChoice> = Vec::new();
    for form in [Form::Institution, Form::Pharmacy, Form::Vendor] {
        let Some(loaded) = super::init::default_for(catalog, form) else {
            continue;
        };
        let checklist = loaded.checklist.full_id();
        match choices.iter_mut().find(|c| c.checklist == checklist) {
            Some(c) => c.forms.push(form),
            None => choices.push(FormChoice {
                forms: vec![form],
                label: loaded.checklist.form_label(lang),
                checklist,
            }),
        }
    }
    Ok(choices)
}

/// The `--form` value that makes `choice`.
fn form_value(choice: &FormChoice) -> &'static str {
    choice.forms.first().map_or("institution", |f| f.as_str())
}

/// `medsec init --form VALUE` makes CHOICE; `--form OTHERS` chooses another.
fn form_default_line(choice: &FormChoice, choices: &[FormChoice], lang: Lang) -> String {
    let others: Vec<&str> = choices
        .iter()
        .filter(|c| c.checklist != choice.checklist)
        .flat_map(|c| c.forms.iter().map(|f| f.as_str()))
        .collect();
    tr!(
        lang,
        "check-form-default",
        value = form_value(choice),
        form = choice.label.as_str(),
        checklist = choice.checklist.as_str(),
        others = others.join("|")
    )
}

/// Ask which form to answer, the first (the institution's) marked as the default that Enter
/// takes; a number typed full-width is read as ASCII. `q` and end of input (Ctrl-D) quit
/// without choosing: `None`, and nothing is made.
fn ask_form(
    choices: &[FormChoice],
    mut input: impl std::io::BufRead,
    mut out: impl std::io::Write,
    lang: Lang,
) -> anyhow::Result<Option<Form>> {
    let mut menu = vec![tr!(lang, "check-form-question")];
    for (number, c) in (1usize..).zip(choices) {
        let (form, checklist) = (c.label.as_str(), c.checklist.as_str());
        menu.push(if number == 1 {
            tr!(
                lang,
                "check-form-choice-default",
                number = number,
                form = form,
                checklist = checklist
            )
        } else {
            tr!(
                lang,
                "check-form-choice",
                number = number,
                form = form,
                checklist = checklist
            )
        });
    }
    writeln!(out, "{}", menu.join("\n"))?;
    let chosen = loop {
        write!(out, "{}", tr!(lang, "check-form-prompt", default = 1))?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            // Ctrl-D leaves the cursor after the prompt.
            writeln!(out)?;
            writeln!(out, "{}", tr!(lang, "check-form-input-ended"))?;
            return Ok(None);
        }
        let typed = crate::answers::code::ascii_digits(line.trim());
        if typed.is_empty() {
            break choices.first();
        }
        // A Japanese input method left in full-width mode types ｑ.
        if matches!(typed.to_lowercase().as_str(), "q" | "ｑ" | "quit") {
            return Ok(None);
        }
        let picked = typed
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| choices.get(i));
        if let Some(c) = picked {
            break Some(c);
        }
        writeln!(
            out,
            "{}",
            tr!(
                lang,
                "check-form-invalid",
                count = choices.len(),
                default = 1
            )
        )?;
    };
    let Some(chosen) = chosen else {
        return Ok(Some(Form::Institution));
    };
    writeln!(
        out,
        "{}",
        tr!(
            lang,
            "check-form-chosen",
            form = chosen.label.as_str(),
            checklist = chosen.checklist.as_str(),
            forms = form_value(chosen)
        )
    )?;
    Ok(Some(
        chosen.forms.first().copied().unwrap_or(Form::Institution),
    ))
}

/// The answers files in `dir`, sorted.
fn answers_files_in(dir: &Path, lang: Lang) -> Vec<PathBuf> {
    super::answer::answers_files_in(dir, lang)
        .into_iter()
        .map(|p| p.strip_prefix(".").map(Path::to_owned).unwrap_or(p))
        .collect()
}

/// The walk-through on this terminal, for the items still open only; the 確認日 it offers is
/// the day the check judges on (`--as-of`, else today), so a default never lies after it.
fn walk(
    file: &Path,
    catalog: &Catalog,
    ctx: &Context,
    as_of: jiff::civil::Date,
    resume: &str,
) -> anyhow::Result<answers::walk::Summary> {
    let lang = ctx.lang;
    let (loaded, checklist) = answers::open(file, catalog, lang).map_err(|e| e.in_lang(lang))?;
    // Ctrl-C at a question ends the check there; what was entered before is saved, and said.
    let _stopped = answers::walk::arm_stop_sentence(lang, file, resume);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    answers::walk::run_open_items(
        loaded,
        &checklist.checklist,
        1,
        lang,
        as_of,
        stdin.lock(),
        stdout.lock(),
    )
    .map_err(|e| match e {
        answers::walk::WalkError::Answers(e) => anyhow::Error::from(e.in_lang(lang)),
        other => anyhow::anyhow!(other.localize(lang)),
    })
}

/// report-EDITION beside where the check runs.
fn default_out(answers_path: &Path, catalog: &Catalog, lang: Lang) -> PathBuf {
    let edition = answers::open(answers_path, catalog, lang)
        .ok()
        .map(|(_, c)| c.checklist.edition.clone())
        .unwrap_or_else(|| "check".into());
    PathBuf::from(format!("report-{edition}"))
}

/// Read and decrypt the secret key as `sign` does; the passphrase comes from --passphrase-env,
/// or from the terminal only when asking is allowed.
fn unlock(
    path: &Path,
    passphrase_env: Option<&str>,
    may_ask: bool,
    ctx: &Context,
) -> anyhow::Result<SecretKey> {
    let lang = ctx.lang;
    if passphrase_env.is_none() && !may_ask {
        let file = SecretKeyFile::read(path).map_err(|e| anyhow::Error::msg(e.localize(lang)))?;
        if file.is_encrypted() {
            return Err(anyhow::anyhow!(tr!(
                lang,
                "check-passphrase-needed",
                path = path.display().to_string()
            )));
        }
    }
    super::sign::unlock(path, passphrase_env, ctx)
}

/// The throwaway key pair in `dir`: the one an earlier check made there, or a new one.
fn throwaway_key(dir: &Path, lang: Lang) -> anyhow::Result<(SecretKey, KeyUsed)> {
    let files = KeyFiles::for_name(&dir.join(THROWAWAY_KEY));
    let localized = |e: crate::signing::SigningError| anyhow::Error::msg(e.localize(lang));
    if !(files.secret.is_file() && files.public.is_file()) {
        keys::generate(&files, &Protection::Unencrypted, true).map_err(localized)?;
    }
    let key = SecretKeyFile::read(&files.secret)
        .and_then(|f| f.unlock(None))
        .map_err(localized)?;
    let used = KeyUsed {
        secret: files.secret,
        public: files.public,
        key_id: key.public.key_id.clone(),
        throwaway: true,
    };
    Ok((key, used))
}

/// The files a check may write in its folder, as they were before it ran, so that a check that
/// stops partway takes back what it wrote and never touches what was there before.
struct Written {
    dir: PathBuf,
    /// The folder did not exist: this run makes it.
    made_dir: bool,
    /// evidence.json and the throwaway key pair, those that did not exist.
    new_files: Vec<PathBuf>,
    /// An earlier evidence.json, to put back as it was.
    old_evidence: Option<(PathBuf, Vec<u8>)>,
}

impl Written {
    fn before(dir: &Path) -> Written {
        let exists = |p: &Path| std::fs::symlink_metadata(p).is_ok();
        let key = KeyFiles::for_name(&dir.join(THROWAWAY_KEY));
        let evidence = dir.join(EVIDENCE_FILE);
        let old_evidence = std::fs::read(&evidence).ok().map(|b| (evidence.clone(), b));
        Written {
            dir: dir.to_path_buf(),
            made_dir: !exists(dir),
            new_files: [evidence, key.secret, key.public]
                .into_iter()
                .filter(|p| !exists(p))
                .collect(),
            old_evidence,
        }
    }

    /// After the signed bundle is in place: keep what this run wrote (the bundle, evidence.json,
    /// a throwaway key pair it made) and say after `error` which files those are and the
    /// command that checks the bundle once the problem is fixed.
    fn kept(
        &self,
        error: &anyhow::Error,
        bundle: &Path,
        key: &KeyUsed,
        verify_flags: &str,
        lang: Lang,
    ) -> anyhow::Error {
        let code = |p: &Path| {
            format!(
                "`{}`",
                crate::render::escape_controls(&p.display().to_string())
            )
        };
        let mut files = vec![code(bundle)];
        files.extend(
            self.new_files
                .iter()
                .chain(self.old_evidence.as_ref().map(|(p, _)| p))
                .filter(|p| p.is_file())
                .map(|p| code(p)),
        );
        let word = |p: &Path| crate::render::command_word(&p.display().to_string());
        let command = format!(
            "medsec verify {} --pubkey {} {verify_flags}",
            word(bundle),
            word(&key.public)
        );
        let command = command.trim_end();
        let message = format!("{error:#}");
        anyhow::Error::msg(tr!(
            lang,
            "check-kept-after-bundle",
            error = message.trim_end_matches(['.', '。']),
            files = files.join(&tr!(lang, "common-list-separator")),
            command = command
        ))
    }

    /// Remove what this run wrote, put back what it replaced, and say so after `error`.
    fn undo(&self, error: &anyhow::Error, lang: Lang) -> anyhow::Error {
        let mut left = Vec::new();
        for file in &self.new_files {
            if std::fs::symlink_metadata(file).is_ok() && std::fs::remove_file(file).is_err() {
                left.push(format!("`{}`", file.display()));
            }
        }
        if let Some((path, bytes)) = &self.old_evidence {
            if std::fs::read(path).ok().as_ref() != Some(bytes)
                && crate::atomic::replace(path, bytes).is_err()
            {
                left.push(format!("`{}`", path.display()));
            }
        }
        if self.made_dir {
            // Only when empty: anything else in it stays.
            let _ = std::fs::remove_dir(&self.dir);
        }
        let message = format!("{error:#}");
        let error = message.trim_end_matches(['.', '。']);
        let dir = self.dir.display().to_string();
        anyhow::Error::msg(if left.is_empty() {
            tr!(
                lang,
                "check-summarize-stopped-clean",
                error = error,
                dir = dir
            )
        } else {
            tr!(
                lang,
                "check-summarize-stopped-left",
                error = error,
                dir = dir,
                files = crate::i18n::join_code(lang, &left)
            )
        })
    }
}
