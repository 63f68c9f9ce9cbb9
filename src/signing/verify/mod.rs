//! `verify`: check bundles offline, as an inspector does on site.
//!
//! Three rooms, in the order a bundle goes through them:
//! - `integrity`: the manifest and every file of the folder against it, with no file opened
//!   unless it is a regular file, read within a limit; and every name report.json gives for a
//!   file must be a safe path the signed manifest lists.
//! - `trust`: the manifest's signature, the key that made it and whom it is trusted for,
//!   and the trusted comment against report.json.
//! - `content`: what the report says, checked again: checklist, fiscal year, vendor forms
//!   and the re-run of the inspection's rules.
//!
//! Content is looked at only once integrity and trust hold: after an integrity failure the
//! bundle's own claims are not shown, only one note that they are untrusted.
//! Every problem is a [`Finding`] with a stable code; its [`Class`] decides the exit code.

mod content;
mod expect;
mod find;
mod integrity;
mod official;
mod trust;

pub use expect::Expected;
pub use find::{find_bundles, Found};

pub(crate) use integrity::{read_listed, read_refused, ListedError};
pub use integrity::{
    MAX_MANIFEST_BYTES, MAX_REPORT_BYTES, MAX_SIGNATURE_BYTES, MAX_VENDOR_FORM_BYTES,
};
pub use trust::{check_signature_bytes, check_signature_bytes_in, ACCEPTED_UNTRUSTED_COMMENTS};

use super::batch;
use super::keys::PublicKey;
use super::manifest::{self, Manifest};
use super::trusted::TrustedKeys;
use super::{MANIFEST, SIGNATURE};
use crate::checklist::{Catalog, Lang};
use crate::exit::Exit;
use crate::report::recheck::Recheck;
use crate::report::{Institution, Report};
use crate::tr;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// How serious a finding is, and so the exit code it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// Shown, does not change the outcome (exit 0).
    Note,
    /// What `status` calls a warning (`no-probe-evidence`, `target-date-overdue`, the
    /// prefecture of the 医療機関コード): shown with the same word, exit 0. One severity a code.
    Warning,
    /// Valid, but something to follow up (exit 1).
    Finding,
    /// The bundle could not be checked (exit 2).
    Unusable,
    /// Signature or integrity failure (exit 3).
    Integrity,
}

impl Class {
    pub fn exit(self) -> Exit {
        match self {
            Class::Note | Class::Warning => Exit::Ok,
            Class::Finding => Exit::Findings,
            Class::Unusable => Exit::Unusable,
            Class::Integrity => Exit::Integrity,
        }
    }
}

/// One problem found in a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable kebab-case code (see docs/signing.md); a report's own finding keeps its code.
    pub code: String,
    pub class: Class,
    /// The file in the bundle it is about, relative, with `/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The checklist item it is about (its stable ID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The item for people (`2-⑥ セキュリティパッチ`), when the checklist is known.
    #[serde(skip)]
    pub item_label: Option<String>,
    /// The message in the language verify was run in.
    pub message: String,
}

/// What the signature says, once it verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureInfo {
    pub key_id: String,
    /// Whether the signature verified with a trusted key.
    pub verified: bool,
    pub trusted_comment: String,
    /// When it was signed (from the trusted comment), RFC 3339 in Japan time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<String>,
}

/// The result for one bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BundleResult {
    pub path: String,
    pub exit_code: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<SignatureInfo>,
    /// What report.json says; given only when the bundle's integrity and signature hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub institution: Option<Institution>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<i16>,
    /// The SHA-256 of report.json (what the printed report's footer and QR code carry); given
    /// only when the bundle's integrity and signature hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_sha256: Option<String>,
    /// Files the manifest covers.
    pub files: usize,
    /// For a report made on an own checklist: what it extends and the base items it left out
    /// (each also said as `base-item-out-of-scope` or `base-item-required-out-of-scope`); given
    /// only when content was trusted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends: Option<ExtendsInfo>,
    pub findings: Vec<Finding>,
}

/// The own checklist a report was made on, its base and the base items it leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtendsInfo {
    /// The own checklist, `id@edition`, and its digest.
    pub checklist: String,
    pub digest: String,
    /// The checklist it extends (the MHLW edition), with its digest.
    pub base: crate::checklist::BaseRef,
    pub out_of_scope: Vec<OutOfScopeInfo>,
}

/// A base item an own checklist marks out of scope: its ID, printed number, short title and
/// the reason (both languages: JSON does not change with the language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutOfScopeInfo {
    pub item: String,
    pub number: String,
    pub title: crate::checklist::Text,
    pub reason: crate::checklist::Text,
}

impl BundleResult {
    pub fn exit(&self) -> Exit {
        self.findings
            .iter()
            .map(|f| f.class.exit())
            .max()
            .unwrap_or(Exit::Ok)
    }

    /// Whether the signed time can be shown as this bundle's: the signature verified with a
    /// trusted key and nothing failed the integrity or trust checks (a file changed since, a
    /// key not trusted for this institution). Otherwise it is a claim, shown marked.
    pub fn signed_at_trusted(&self) -> bool {
        // A printed page of another bundle (`--expect`), or a checklist that is not the
        // inspector's workbook (`--checklist`), says nothing of this signature.
        self.signature.as_ref().is_some_and(|s| s.verified)
            && !self.findings.iter().any(|f| {
                f.class == Class::Integrity
                    && !matches!(
                        f.code.as_str(),
                        "expect-mismatch" | "checklist-not-inspectors"
                    )
            })
    }
}

/// What verification checks against.
pub struct Options<'a> {
    pub keys: &'a TrustedKeys,
    /// Checklists whose digests are known (bundled and given by path).
    pub catalog: &'a Catalog,
    /// `--institution CODE`.
    pub expected_institution: Option<&'a str>,
    /// Today in Japan, for the fiscal year.
    pub today: jiff::civil::Date,
    /// The language of finding messages.
    pub lang: Lang,
    /// `--expect`: the SHA-256 (and key ID) the printed report carries.
    pub expect: Option<&'a Expected>,
}

/// One bundle being checked: its folder and the findings so far.
struct Bundle<'a> {
    dir: &'a Path,
    lang: Lang,
    findings: Vec<Finding>,
    /// The re-run of the inspection, once content was checked.
    rerun: Option<Recheck>,
    /// What an own checklist extends and leaves out, once content was checked.
    extends: Option<ExtendsInfo>,
    /// The manifest and signature as read before the signatures of many bundles were checked
    /// in batches (used instead of reading them again), and the key a batch proved it by.
    pre: Preread,
}

/// A bundle's manifest and signature, each read once, before its signature is checked; and
/// the trusted key (its base64 line) by which a batch proved the signature of these bytes.
#[derive(Default)]
struct Preread {
    /// What the folder is, found once (the bundle's check says what it means).
    folder: Option<PathKind>,
    /// The walk of the folder, made when the manifest and signature were read (the check
    /// of its files uses it instead of walking the folder again).
    scan: Option<manifest::Scan>,
    manifest: Option<Result<Vec<u8>, manifest::OpenError>>,
    signature: Option<Result<Vec<u8>, manifest::OpenError>>,
    vouched: Option<String>,
}

/// What the path of a bundle is.
enum PathKind {
    /// A folder (its entries were listed, or its metadata says so).
    Folder,
    /// Something else: a file, a device.
    NotFolder,
    /// Not there, or not to be looked at.
    Unopened(std::io::Error),
}

impl PathKind {
    fn of(dir: &Path) -> PathKind {
        match std::fs::metadata(dir) {
            Ok(m) if m.is_dir() => PathKind::Folder,
            Ok(_) => PathKind::NotFolder,
            Err(e) => PathKind::Unopened(e),
        }
    }
}

impl Preread {
    /// Walk `dir` and read its manifest and signature by the types its entries give them
    /// (no look-up of each before it is opened: on a batch of thousands of bundles, these
    /// system calls are much of the work). When the folder cannot be listed, its metadata
    /// says why and the files are read as before, each looked at first (nothing when `dir`
    /// is not a folder: that is said when the bundle is checked).
    fn read(dir: &Path) -> Preread {
        if let Ok(scan) = manifest::scan(dir) {
            return Preread {
                folder: Some(PathKind::Folder),
                manifest: Some(manifest::read_found(
                    dir,
                    MANIFEST,
                    scan.top_manifest,
                    integrity::MAX_MANIFEST_BYTES,
                )),
                signature: Some(manifest::read_found(
                    dir,
                    SIGNATURE,
                    scan.top_signature,
                    integrity::MAX_SIGNATURE_BYTES,
                )),
                scan: Some(scan),
                vouched: None,
            };
        }
        let folder = PathKind::of(dir);
        if !matches!(folder, PathKind::Folder) {
            return Preread {
                folder: Some(folder),
                ..Preread::default()
            };
        }
        Preread {
            folder: Some(folder),
            scan: None,
            manifest: Some(manifest::read_bounded(
                &dir.join(MANIFEST),
                integrity::MAX_MANIFEST_BYTES,
            )),
            signature: Some(manifest::read_bounded(
                &dir.join(SIGNATURE),
                integrity::MAX_SIGNATURE_BYTES,
            )),
            vouched: None,
        }
    }

    /// The claim a batch can check, with the key's base64 line: the signature file names a
    /// trusted key by its ID and is minisign's exact form of a signature of the manifest.
    fn claim(&self, keys: &[(&PublicKey, batch::VerifyingKey)]) -> Option<(batch::Claim, String)> {
        let (Some(Ok(manifest)), Some(Ok(signature))) = (&self.manifest, &self.signature) else {
            return None;
        };
        let text = super::signature_file::signature_text(signature).ok()?;
        let key_id = text
            .lines()
            .nth(1)
            .and_then(|l| <ct_codecs::Base64 as ct_codecs::Decoder>::decode_to_vec(l, None).ok())
            .and_then(|bytes: Vec<u8>| super::keys::key_id_of_bytes(&bytes))?;
        let (key, verifying) = keys.iter().find(|(k, _)| k.key_id == key_id)?;
        let claim = batch::Claim::new(manifest, &text, verifying)?;
        Some((claim, key.base64.clone()))
    }
}

impl Bundle<'_> {
    fn push(&mut self, code: &str, class: Class, file: Option<&str>, message: String) {
        self.findings.push(Finding {
            code: code.to_owned(),
            class,
            file: file.map(str::to_owned),
            item: None,
            item_label: None,
            message,
        });
    }

    fn has_integrity_failure(&self) -> bool {
        self.findings.iter().any(|f| f.class == Class::Integrity)
    }

    /// Say once that the bundle's content is not trusted, so none of it is shown, naming the
    /// cause: the signature or a file, or (when nothing else failed) the checklist the report
    /// was answered on, whose own finding says what is wrong with it.
    fn content_untrusted(&mut self) {
        let cause = untrusted_cause(self.findings.iter().map(|f| (f.code.as_str(), f.class)));
        let message = match cause {
            Untrusted::Checklist(codes) => tr!(
                self.lang,
                "verify-content-untrusted-checklist",
                codes = crate::i18n::join_code(self.lang, &codes)
            ),
            Untrusted::SignatureOrFiles | Untrusted::Unreadable => {
                tr!(self.lang, "verify-content-untrusted")
            }
        };
        self.push("content-untrusted", Class::Note, None, message);
    }
}

/// Integrity findings about the checklist a report was answered on (unknown here, another
/// text than the inspector's, a base not known or changed), not about the signature or files.
const CHECKLIST_CAUSES: &[&str] = &[
    "checklist-unknown",
    "checklist-mismatch",
    "checklist-not-inspectors",
    "checklist-file-mismatch",
    "extends-unknown-base",
    "checklist-base-changed",
];

/// Why a bundle's content is not shown, as its findings say: so that a refusal names its real
/// cause, never a failed signature for a bundle whose signature and files hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Untrusted {
    /// The signature or a file failed (or the key is not trusted).
    SignatureOrFiles,
    /// Only the checklist the report was answered on failed: these codes (sorted, once each).
    Checklist(Vec<String>),
    /// Nothing failed its integrity check, but something could not be read (exit 2).
    Unreadable,
}

/// The cause [`Untrusted`] that findings, as (code, class), show.
pub fn untrusted_cause<'a>(findings: impl IntoIterator<Item = (&'a str, Class)>) -> Untrusted {
    let mut integrity: Vec<String> = Vec::new();
    let mut unreadable = false;
    for (code, class) in findings {
        match class {
            Class::Integrity => integrity.push(code.to_owned()),
            Class::Unusable => unreadable = true,
            _ => {}
        }
    }
    integrity.sort_unstable();
    integrity.dedup();
    if integrity.is_empty() {
        if unreadable {
            return Untrusted::Unreadable;
        }
        return Untrusted::SignatureOrFiles;
    }
    if integrity
        .iter()
        .all(|c| CHECKLIST_CAUSES.contains(&c.as_str()))
    {
        return Untrusted::Checklist(integrity);
    }
    Untrusted::SignatureOrFiles
}

/// What the signature and file checks established.
struct Checked {
    /// The key that verified the signature.
    key: Option<PublicKey>,
    info: Option<SignatureInfo>,
    manifest: Option<Manifest>,
    /// report.json as it was hashed, when the manifest lists it and the hash matched.
    report_bytes: Option<Vec<u8>>,
    /// Its SHA-256 (the manifest's, which it matched): hashed once, not again per use.
    report_sha256: Option<String>,
}

/// Signature and files only: what `sign` checks right after writing.
pub fn check_integrity(dir: &Path, keys: &TrustedKeys, lang: Lang) -> Vec<Finding> {
    let mut b = Bundle {
        dir,
        lang,
        findings: Vec::new(),
        rerun: None,
        extends: None,
        pre: Preread::default(),
    };
    let checked = integrity::check_signature_and_files(&mut b, keys);
    if checked.key.is_none() && b.findings.is_empty() {
        b.push(
            "signature-invalid",
            Class::Integrity,
            Some(SIGNATURE),
            tr!(lang, "verify-not-verified"),
        );
    }
    b.findings
}

/// A bundle's result, with the report and the re-run of its inspection when its content was
/// trusted (for `summarize`, which reads them without parsing report.json again).
pub struct Verified {
    pub result: BundleResult,
    pub report: Option<Report>,
    pub rerun: Option<Recheck>,
}

/// Verify one bundle.
pub fn verify_bundle(dir: &Path, opts: &Options<'_>) -> BundleResult {
    verify_bundle_keeping(dir, opts).result
}

/// Verify one bundle, keeping the trusted report and the re-run.
pub fn verify_bundle_keeping(dir: &Path, opts: &Options<'_>) -> Verified {
    verify_bundle_read(dir, opts, Preread::read(dir))
}

/// Verify one bundle whose manifest and signature may have been read (and its signature
/// checked in a batch) already.
fn verify_bundle_read(dir: &Path, opts: &Options<'_>, mut pre: Preread) -> Verified {
    let folder = pre.folder.take().unwrap_or_else(|| PathKind::of(dir));
    let mut b = Bundle {
        dir,
        lang: opts.lang,
        findings: Vec::new(),
        rerun: None,
        extends: None,
        pre,
    };
    let mut result = empty_result(dir);
    let mut report = None;
    match folder {
        PathKind::Folder => {}
        PathKind::NotFolder => b.push(
            "bundle-unreadable",
            Class::Unusable,
            None,
            tr!(opts.lang, "verify-bundle-not-folder"),
        ),
        PathKind::Unopened(e) => b.push(
            "bundle-unreadable",
            Class::Unusable,
            None,
            tr!(
                opts.lang,
                "verify-bundle-cannot-open",
                reason = super::io_error_text(opts.lang, &e)
            ),
        ),
    }
    if b.findings.is_empty() {
        let checked = integrity::check_signature_and_files(&mut b, opts.keys);
        result.signature = checked.info.clone();
        result.files = checked.manifest.as_ref().map_or(0, |m| m.entries.len());
        report = check_report(&mut b, &mut result, &checked, opts);
        if let (Some(expected), Some(bytes)) = (opts.expect, checked.report_bytes.as_deref()) {
            let key_id = checked.info.as_ref().map(|i| i.key_id.as_str());
            b.findings.push(expected.check(bytes, key_id, opts.lang));
        }
        if report.is_some() {
            result.report_sha256 = checked.report_sha256.clone();
        }
    }
    result.findings = b.findings;
    result.extends = b.extends;
    result.exit_code = result.exit().code();
    Verified {
        result,
        report,
        rerun: b.rerun,
    }
}

fn empty_result(dir: &Path) -> BundleResult {
    BundleResult {
        path: dir.display().to_string(),
        exit_code: 0,
        signature: None,
        institution: None,
        checklist: None,
        fiscal_year: None,
        report_sha256: None,
        files: 0,
        extends: None,
        findings: Vec::new(),
    }
}

/// The result for a bundle whose check stopped on an internal error (a bug): reported,
/// never silently dropped.
pub fn internal_error_result(dir: &Path, lang: Lang) -> BundleResult {
    let mut r = empty_result(dir);
    r.exit_code = Exit::Unusable.code();
    r.findings.push(Finding {
        code: "bundle-unreadable".into(),
        class: Class::Unusable,
        file: None,
        item: None,
        item_label: None,
        message: tr!(lang, "verify-bundle-internal-error"),
    });
    r
}

/// Trust first, then content: nothing report.json says is shown unless it is trusted. The
/// report, when its content was checked.
fn check_report(
    b: &mut Bundle<'_>,
    result: &mut BundleResult,
    checked: &Checked,
    opts: &Options<'_>,
) -> Option<Report> {
    let Some(mut report) = trust::trusted_report(b, checked, opts) else {
        if b.has_integrity_failure() {
            b.content_untrusted();
        }
        return None;
    };
    if let Some(manifest) = &checked.manifest {
        integrity::check_named_paths(b, &report, manifest);
    }
    let code = report.institution.code.as_str();
    let other_institution = opts.expected_institution.filter(|e| *e != code);
    if b.has_integrity_failure() {
        if let Some(expected) = other_institution {
            let message = tr!(
                b.lang,
                "verify-institution-mismatch",
                code = code,
                name = report.institution.name.as_str(),
                expected = expected
            );
            b.push(
                "institution-mismatch",
                Class::Integrity,
                Some(crate::report::FILE_NAME),
                message,
            );
        }
        b.content_untrusted();
        return None;
    }
    if let Some(expected) = other_institution {
        // Genuine (signed with a key trusted for its institution, every file intact), but not
        // the institution asked for: said as such, with what it is; its content is not checked.
        let message = tr!(
            b.lang,
            "verify-institution-other-genuine",
            code = code,
            name = report.institution.name.as_str(),
            expected = expected
        );
        b.push(
            "institution-mismatch",
            Class::Integrity,
            Some(crate::report::FILE_NAME),
            message,
        );
        result.institution = Some(report.institution.clone());
        result.checklist = Some(report.checklist.full_id());
        result.fiscal_year = Some(report.fiscal_year);
        return None;
    }
    result.institution = Some(report.institution.clone());
    result.checklist = Some(report.checklist.full_id());
    result.fiscal_year = Some(report.fiscal_year);
    content::check(b, &mut report, checked, opts);
    if b.has_integrity_failure() {
        return None;
    }
    Some(report)
}

/// Verify many bundles on every core; results come back in the order given. Every
/// manifest and signature is read first and the signatures are checked in batches
/// ([`batch`]); what a batch does not prove is checked one by one with the rest of the bundle.
pub fn verify_all(dirs: &[PathBuf], opts: &Options<'_>) -> Vec<BundleResult> {
    verify_all_with(dirs, opts, |v| v.result)
        .into_iter()
        .zip(dirs)
        .map(|(r, dir)| r.unwrap_or_else(|| internal_error_result(dir, opts.lang)))
        .collect()
}

/// As [`verify_all`], with `f` made of each bundle's [`Verified`] (its report and re-run
/// too) on the core that checked it, so that no more than a core's bundle is held at once
/// (`summarize`'s rows). `None` where the check or `f` panicked (a bug).
pub fn verify_all_with<T, F>(dirs: &[PathBuf], opts: &Options<'_>, f: F) -> Vec<Option<T>>
where
    T: Send,
    F: Fn(Verified) -> T + Sync,
{
    let keys: Vec<(&PublicKey, batch::VerifyingKey)> = opts
        .keys
        .keys()
        .filter_map(|k| Some((k, batch::batch_key(k)?)))
        .collect();
    // Read and made into claims on the same pass (one set of threads, not two).
    let (mut pre, claims): (Vec<Option<Preread>>, Vec<KeyedClaim>) = par_map_items(dirs, |dir| {
        let pre = Preread::read(dir);
        let claim = pre.claim(&keys);
        (pre, claim)
    })
    .into_iter()
    .map(|read| match read {
        Some((pre, claim)) => (Some(pre), claim),
        None => (None, None),
    })
    .unzip();
    let batchable: Vec<(usize, &batch::Claim)> = claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, &c.as_ref()?.0)))
        .collect();
    let parts: Vec<&[(usize, &batch::Claim)]> = batchable
        .chunks(batchable.len().div_ceil(threads(batchable.len())).max(1))
        .collect();
    let held = par_map_items(&parts, |part| {
        batch::verify(&part.iter().map(|(_, c)| *c).collect::<Vec<_>>())
    });
    for (part, held) in parts.iter().zip(held) {
        for ((i, _), ok) in part.iter().zip(held.unwrap_or_default()) {
            let key = claims
                .get(*i)
                .and_then(|c| c.as_ref())
                .map(|(_, k)| k.clone());
            if let (true, Some(Some(p))) = (ok, pre.get_mut(*i)) {
                p.vouched = key;
            }
        }
    }
    let work: Vec<(&PathBuf, std::sync::Mutex<Option<Preread>>)> = dirs
        .iter()
        .zip(pre)
        .map(|(d, p)| (d, std::sync::Mutex::new(p)))
        .collect();
    par_map_items(&work, |(dir, pre)| {
        let pre = pre
            .lock()
            .ok()
            .and_then(|mut p| p.take())
            .unwrap_or_default();
        f(verify_bundle_read(dir, opts, pre))
    })
}

/// A bundle's claim for a batch, with the trusted key's base64 line (`None`: not for a batch).
type KeyedClaim = Option<(batch::Claim, String)>;

/// How many threads for `n` pieces of work: one per core, no more than the work.
fn threads(n: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(n.max(1))
}

/// `f` on every item, on every core; results in the order given, `None` where `f` panicked.
fn par_map_items<I, T, F>(dirs: &[I], f: F) -> Vec<Option<T>>
where
    I: Sync,
    T: Send,
    F: Fn(&I) -> T + Sync,
{
    let threads = threads(dirs.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let f = &f;
    let next = &next;
    let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(dir) = dirs.get(i) else { break };
                        done.push((i, f(dir)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    let mut out = Vec::with_capacity(dirs.len());
    let mut done = results.into_iter().peekable();
    for i in 0..dirs.len() {
        out.push(done.next_if(|(j, _)| *j == i).map(|(_, r)| r));
    }
    out
}
