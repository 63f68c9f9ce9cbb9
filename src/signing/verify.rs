//! `verify`: check bundles offline, as an inspector does on site.
//!
//! For each bundle: the manifest's signature and who made it, every file against the
//! manifest, the trusted comment against report.json, the key against the institution it is
//! trusted for, the checklist digest, the fiscal year, and the findings the report records.
//! Every problem is a [`Finding`] with a stable code; its [`Class`] decides the exit code.

use super::comment::{self, Claims};
use super::keys::{self, PublicKey};
use super::manifest::{self, Manifest};
use super::sign::UNTRUSTED_COMMENT;
use super::trusted::TrustedKeys;
use super::{MANIFEST, SIGNATURE};
use crate::checklist::Catalog;
use crate::exit::Exit;
use crate::report::recheck::{Recheck, RecheckError};
use crate::report::{self, Institution, Report};
use ct_codecs::{Base64, Decoder};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Untrusted comments accepted on a signature. That line is not signed, so any other text
/// (or any changed byte) is refused rather than shown to an inspector as if it were vouched for.
pub const ACCEPTED_UNTRUSTED_COMMENTS: &[&str] = &[
    UNTRUSTED_COMMENT,
    "signature from minisign secret key",
    "signature from rsign secret key",
];

/// How serious a finding is, and so the exit code it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// Shown, does not change the outcome (exit 0).
    Note,
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
            Class::Note => Exit::Ok,
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
    /// The checklist item it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub institution: Option<Institution>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<i16>,
    /// Files the manifest covers.
    pub files: usize,
    pub findings: Vec<Finding>,
}

impl BundleResult {
    pub fn exit(&self) -> Exit {
        self.findings
            .iter()
            .map(|f| f.class.exit())
            .max()
            .unwrap_or(Exit::Ok)
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
    /// The language of the re-run's finding messages.
    pub lang: crate::checklist::Lang,
}

struct Bundle<'a> {
    dir: &'a Path,
    findings: Vec<Finding>,
}

impl Bundle<'_> {
    fn push(&mut self, code: &str, class: Class, file: Option<&str>, message: String) {
        self.findings.push(Finding {
            code: code.to_owned(),
            class,
            file: file.map(str::to_owned),
            item: None,
            message,
        });
    }

    /// Read a file of the bundle that must be a regular file (not a symbolic link).
    fn read_regular(&mut self, name: &str, missing_code: &str) -> Option<Vec<u8>> {
        let path = self.dir.join(name);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_file() => match std::fs::read(&path) {
                Ok(bytes) => Some(bytes),
                Err(e) => {
                    self.push(
                        "file-unreadable",
                        Class::Unusable,
                        Some(name),
                        format!("cannot read: {e}"),
                    );
                    None
                }
            },
            Ok(_) => {
                self.push(
                    "file-unsafe",
                    Class::Integrity,
                    Some(name),
                    "not a regular file".into(),
                );
                None
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.push(
                    missing_code,
                    Class::Integrity,
                    Some(name),
                    format!("{name} is missing"),
                );
                None
            }
            Err(e) => {
                self.push(
                    "file-unreadable",
                    Class::Unusable,
                    Some(name),
                    format!("cannot read: {e}"),
                );
                None
            }
        }
    }
}

/// The key that verified the signature, with the signature's details.
struct Checked {
    key: Option<PublicKey>,
    info: Option<SignatureInfo>,
    manifest: Option<Manifest>,
    /// report.json as it was hashed against the manifest, when the manifest lists it.
    report_bytes: Option<Vec<u8>>,
}

/// Signature and files only: what `sign` checks right after writing.
pub fn check_integrity(dir: &Path, keys: &TrustedKeys) -> Vec<Finding> {
    let mut b = Bundle {
        dir,
        findings: Vec::new(),
    };
    let checked = check_signature_and_files(&mut b, keys);
    if checked.key.is_none() && b.findings.is_empty() {
        b.push(
            "signature-invalid",
            Class::Integrity,
            Some(SIGNATURE),
            "not verified".into(),
        );
    }
    b.findings
}

fn check_signature_and_files(b: &mut Bundle<'_>, keys: &TrustedKeys) -> Checked {
    let manifest_bytes = b.read_regular(MANIFEST, "manifest-missing");
    let signature_bytes = b.read_regular(SIGNATURE, "signature-missing");
    let mut checked = Checked {
        key: None,
        info: None,
        manifest: None,
        report_bytes: None,
    };
    if let (Some(m), Some(s)) = (&manifest_bytes, &signature_bytes) {
        (checked.key, checked.info) = check_signature(b, m, s, keys);
    }
    let Some(manifest_bytes) = manifest_bytes else {
        return checked;
    };
    let manifest = match std::str::from_utf8(&manifest_bytes) {
        Ok(text) => {
            Manifest::parse(text).map_err(|(line, reason)| format!("line {line}: {reason}"))
        }
        Err(e) => Err(format!("not UTF-8 text (at byte {})", e.valid_up_to())),
    };
    let manifest = match manifest {
        Ok(m) => m,
        Err(reason) => {
            b.push(
                "manifest-malformed",
                Class::Integrity,
                Some(MANIFEST),
                reason,
            );
            return checked;
        }
    };
    match manifest::check_keeping(b.dir, &manifest, report::FILE_NAME) {
        Ok((d, report_bytes)) => {
            checked.report_bytes = report_bytes;
            for f in d.missing {
                b.push(
                    "file-missing",
                    Class::Integrity,
                    Some(&f),
                    "listed in the manifest but missing".into(),
                );
            }
            for f in d.changed {
                b.push(
                    "file-changed",
                    Class::Integrity,
                    Some(&f),
                    "its SHA-256 differs from the manifest".into(),
                );
            }
            for f in d.extra {
                b.push(
                    "file-extra",
                    Class::Integrity,
                    Some(&f),
                    "not listed in the manifest".into(),
                );
            }
            for (f, reason) in d.refused {
                b.push("file-unsafe", Class::Integrity, Some(&f), reason);
            }
            for (f, reason) in d.unreadable {
                b.push(
                    "file-unreadable",
                    Class::Unusable,
                    Some(&f),
                    format!("cannot read: {reason}"),
                );
            }
        }
        Err(e) => b.push("bundle-unreadable", Class::Unusable, None, e.to_string()),
    }
    checked.manifest = Some(manifest);
    checked
}

fn check_signature(
    b: &mut Bundle<'_>,
    manifest: &[u8],
    signature: &[u8],
    keys: &TrustedKeys,
) -> (Option<PublicKey>, Option<SignatureInfo>) {
    let file = Some(SIGNATURE);
    let Ok(text) = std::str::from_utf8(signature) else {
        b.push(
            "signature-malformed",
            Class::Integrity,
            file,
            "not UTF-8 text".into(),
        );
        return (None, None);
    };
    let sig = match minisign_verify::Signature::decode(text) {
        Ok(sig) => sig,
        Err(e) => {
            b.push(
                "signature-malformed",
                Class::Integrity,
                file,
                format!("not a minisign signature: {e}"),
            );
            return (None, None);
        }
    };
    // Only minisign's exact encoding is accepted: the same bytes as re-encoding the parsed
    // signature, so no byte of the file can change without the change being refused.
    let canonical = minisign::SignatureBox::from_string(text).map(|s| s.to_string());
    if canonical.as_deref().ok() != Some(text) {
        b.push(
            "signature-malformed",
            Class::Integrity,
            file,
            "not in minisign's exact encoding (changed spacing, line ends or padding)".into(),
        );
        return (None, None);
    }
    let untrusted = sig
        .untrusted_comment()
        .trim_start_matches("untrusted comment: ");
    if !ACCEPTED_UNTRUSTED_COMMENTS.contains(&untrusted) {
        b.push(
            "signature-malformed",
            Class::Integrity,
            file,
            format!("unexpected untrusted comment `{untrusted}` (that line is not signed; medsec accepts only the standard ones)"),
        );
        return (None, None);
    }
    let key_id = text
        .lines()
        .nth(1)
        .and_then(|l| Base64::decode_to_vec(l, None).ok())
        .and_then(|bytes| keys::key_id_of_bytes(&bytes))
        .unwrap_or_default();
    let trusted_comment = sig.trusted_comment().to_owned();
    let signed_at = match comment::parse(&trusted_comment) {
        comment::Parsed::Medsec {
            timestamp: Some(t), ..
        } => jiff::Timestamp::from_second(t).ok().map(|t| {
            t.to_zoned_datetime(crate::dates::japan())
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string()
        }),
        _ => None,
    };
    let mut info = SignatureInfo {
        key_id: key_id.clone(),
        verified: false,
        trusted_comment,
        signed_at,
    };
    let candidates: Vec<&PublicKey> = keys.with_key_id(&key_id).map(|(_, k)| k).collect();
    if candidates.is_empty() {
        match keys.single_key_id() {
            Some(given) => b.push(
                "key-wrong",
                Class::Integrity,
                file,
                format!("signed with key {key_id}, but the key given is {given}"),
            ),
            None => b.push(
                "key-unknown",
                Class::Integrity,
                file,
                format!("signed with key {key_id}, which the trusted keys do not list"),
            ),
        }
        return (None, Some(info));
    }
    let mut last_error = None;
    for key in candidates {
        match key.key.verify(manifest, &sig, false) {
            Ok(()) => {
                info.verified = true;
                return (Some(key.clone()), Some(info));
            }
            Err(e) => last_error = Some(e),
        }
    }
    let message = match last_error {
        Some(minisign_verify::Error::UnexpectedAlgorithm) => {
            "a legacy (not pre-hashed) signature; sign again with a current minisign or medsec"
                .to_owned()
        }
        _ => format!("the signature does not match {MANIFEST} (made with key {key_id})"),
    };
    b.push("signature-invalid", Class::Integrity, file, message);
    (None, Some(info))
}

/// Check signature bytes against manifest bytes in memory: the key that verified it (if
/// any) and the findings. The same checks as a bundle's signature gets.
pub fn check_signature_bytes(
    manifest: &[u8],
    signature: &[u8],
    keys: &TrustedKeys,
) -> (Option<PublicKey>, Vec<Finding>) {
    let mut b = Bundle {
        dir: Path::new(""),
        findings: Vec::new(),
    };
    let (key, _) = check_signature(&mut b, manifest, signature, keys);
    (key, b.findings)
}

/// Verify one bundle.
pub fn verify_bundle(dir: &Path, opts: &Options<'_>) -> BundleResult {
    let mut b = Bundle {
        dir,
        findings: Vec::new(),
    };
    let mut result = BundleResult {
        path: dir.display().to_string(),
        exit_code: 0,
        signature: None,
        institution: None,
        checklist: None,
        fiscal_year: None,
        files: 0,
        findings: Vec::new(),
    };
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => b.push(
            "bundle-unreadable",
            Class::Unusable,
            None,
            "not a folder".into(),
        ),
        Err(e) => b.push(
            "bundle-unreadable",
            Class::Unusable,
            None,
            format!("cannot open: {e}"),
        ),
    }
    if b.findings.is_empty() {
        let checked = check_signature_and_files(&mut b, opts.keys);
        result.signature = checked.info.clone();
        result.files = checked.manifest.as_ref().map_or(0, |m| m.entries.len());
        check_report(&mut b, &mut result, &checked, opts);
    }
    result.findings = b.findings;
    result.exit_code = result.exit().code();
    result
}

fn check_report(
    b: &mut Bundle<'_>,
    result: &mut BundleResult,
    checked: &Checked,
    opts: &Options<'_>,
) {
    let name = report::FILE_NAME;
    if let Some(m) = &checked.manifest {
        if !m.entries.contains_key(name) {
            b.push(
                "report-missing",
                Class::Integrity,
                Some(name),
                "the manifest does not cover report.json".into(),
            );
            return;
        }
    }
    // Parse the very bytes that were hashed; read the file only when the manifest check
    // did not (no manifest, or the file is missing or unsafe, which read_regular reports).
    let read;
    let bytes: &[u8] = match checked.report_bytes.as_deref() {
        Some(bytes) => bytes,
        None => {
            let Some(bytes) = b.read_regular(name, "report-missing") else {
                return;
            };
            read = bytes;
            &read
        }
    };
    let report = match Report::parse(&b.dir.join(name), bytes) {
        Ok(r) => r,
        Err(e) => {
            b.push(
                "report-unreadable",
                Class::Unusable,
                Some(name),
                e.to_string(),
            );
            return;
        }
    };
    result.institution = Some(report.institution.clone());
    result.checklist = Some(report.checklist.full_id());
    result.fiscal_year = Some(report.fiscal_year);
    let code = report.institution.code.as_str();

    // The trusted comment must say what report.json says.
    if let Some(info) = checked.info.as_ref().filter(|i| i.verified) {
        match comment::parse(&info.trusted_comment) {
            comment::Parsed::Medsec { claims, .. } => {
                let expected = Claims {
                    institution: code.to_owned(),
                    checklist: report.checklist.full_id(),
                    report_sha256: manifest::sha256_bytes(bytes),
                };
                for (field, signed, actual) in [
                    ("institution", &claims.institution, &expected.institution),
                    ("checklist", &claims.checklist, &expected.checklist),
                    ("report-sha256", &claims.report_sha256, &expected.report_sha256),
                ] {
                    if signed != actual {
                        b.push(
                            "trusted-comment-mismatch",
                            Class::Integrity,
                            Some(SIGNATURE),
                            format!("the signature says {field} `{signed}`, report.json has `{actual}`"),
                        );
                    }
                }
            }
            comment::Parsed::Plain => b.push(
                "trusted-comment-plain",
                Class::Finding,
                Some(SIGNATURE),
                "the signature's trusted comment does not name the institution, checklist and report (signed by another tool); the manifest signature still covers report.json".into(),
            ),
            comment::Parsed::Malformed(reason) => {
                b.push("trusted-comment-malformed", Class::Integrity, Some(SIGNATURE), reason)
            }
        }
    }
    if let Some(key) = &checked.key {
        if !opts.keys.trusts_for_institution(key, code) {
            b.push(
                "key-untrusted",
                Class::Integrity,
                Some(SIGNATURE),
                format!("key {} is not trusted for institution {code}", key.key_id),
            );
        }
    }
    if let Some(expected) = opts.expected_institution {
        if expected != code {
            b.push(
                "institution-mismatch",
                Class::Integrity,
                Some(name),
                format!(
                    "the report is for institution {code} ({}), not {expected}",
                    report.institution.name
                ),
            );
        }
    }
    match opts.catalog.by_digest(&report.checklist.digest) {
        None => b.push(
            "checklist-unknown",
            Class::Integrity,
            Some(name),
            format!(
                "checklist {} with digest {} is not known; give its file with --checklist PATH",
                report.checklist.full_id(),
                report.checklist.digest
            ),
        ),
        Some(l) if l.checklist.full_id() != report.checklist.full_id() => b.push(
            "checklist-mismatch",
            Class::Integrity,
            Some(name),
            format!(
                "the digest is that of {}, but the report names {}",
                l.checklist.full_id(),
                report.checklist.full_id()
            ),
        ),
        Some(l) if l.checklist.fiscal_year != report.fiscal_year => b.push(
            "checklist-other-year",
            Class::Finding,
            Some(name),
            format!(
                "the report is for FY{}, but checklist {} is for FY{}",
                report.fiscal_year,
                l.checklist.full_id(),
                l.checklist.fiscal_year
            ),
        ),
        Some(_) => {}
    }
    let current = crate::dates::fiscal_year_of(opts.today);
    if report.fiscal_year != current {
        b.push(
            "fiscal-year-other",
            Class::Finding,
            Some(name),
            format!(
                "the report is for FY{} ({}), the current fiscal year is FY{current} ({})",
                report.fiscal_year,
                crate::dates::wareki_fiscal_year(report.fiscal_year),
                crate::dates::wareki_fiscal_year(current)
            ),
        );
    }
    b.findings
        .extend(super::vendor::check_forms(b.dir, &report, opts.keys));
    let known = opts.catalog.by_digest(&report.checklist.digest).is_some();
    match crate::report::recheck::recheck(&report, opts.catalog, opts.lang) {
        Ok(rerun) if known => push_rerun(b, &report, &rerun),
        Ok(_) => push_recorded(b, &report.findings),
        Err(e) => {
            if known {
                let (code, class, message) = match e {
                    RecheckError::UnknownChecklist {
                        file,
                        checklist,
                        digest,
                    } => (
                        "checklist-unknown",
                        Class::Integrity,
                        format!("{file}: checklist {checklist} with digest {digest} is not known; give its file with --checklist PATH"),
                    ),
                    RecheckError::BadTime(reason) => (
                        "report-unreadable",
                        Class::Unusable,
                        format!("generated_at is not an RFC 3339 time: {reason}"),
                    ),
                };
                b.push(code, class, Some(name), message);
            }
            push_recorded(b, &report.findings);
        }
    }
}

/// Findings as the report records them (when the inspection cannot be re-run).
fn push_recorded(b: &mut Bundle<'_>, findings: &[report::Finding]) {
    for f in findings {
        b.findings.push(Finding {
            code: f.code.clone(),
            class: if f.severity == "error" {
                Class::Finding
            } else {
                Class::Note
            },
            file: Some(report::FILE_NAME.to_owned()),
            item: f.item.clone(),
            message: f.message.clone(),
        });
    }
}

/// The re-run's findings, the warnings only the report knows, and every disagreement.
fn push_rerun(b: &mut Bundle<'_>, report: &Report, rerun: &Recheck) {
    let warnings = report.findings.iter().filter(|f| {
        f.severity != "error"
            && !rerun
                .findings
                .iter()
                .any(|r| r.code == f.code && r.item == f.item && r.file == f.file)
    });
    for f in rerun.findings.iter().chain(warnings) {
        b.findings.push(Finding {
            code: f.code.clone(),
            class: if f.severity == "error" {
                Class::Finding
            } else {
                Class::Note
            },
            file: Some(
                f.file
                    .clone()
                    .unwrap_or_else(|| report::FILE_NAME.to_owned()),
            ),
            item: f.item.clone(),
            message: f.message.clone(),
        });
    }
    let describe = |f: &report::Finding| {
        format!(
            "{}{}{}",
            f.code,
            f.item
                .as_ref()
                .map(|i| format!(" on `{i}`"))
                .unwrap_or_default(),
            f.file
                .as_ref()
                .map(|i| format!(" in {i}"))
                .unwrap_or_default()
        )
    };
    for f in &rerun.only_recorded {
        b.findings.push(Finding {
            code: "findings-disagree".into(),
            class: Class::Finding,
            file: Some(report::FILE_NAME.to_owned()),
            item: f.item.clone(),
            message: format!(
                "report.json records {}, which checking its answers again does not find",
                describe(f)
            ),
        });
    }
    for f in &rerun.only_rerun {
        b.findings.push(Finding {
            code: "findings-disagree".into(),
            class: Class::Finding,
            file: Some(report::FILE_NAME.to_owned()),
            item: f.item.clone(),
            message: format!(
                "checking the answers again finds {}, which report.json does not record",
                describe(f)
            ),
        });
    }
}

/// Verify many bundles on every core; results come back in the order given.
pub fn verify_all(dirs: &[PathBuf], opts: &Options<'_>) -> Vec<BundleResult> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(dirs.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, BundleResult)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(dir) = dirs.get(i) else { break };
                        done.push((i, verify_bundle(dir, opts)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a verify worker panicked"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}
