//! Trust: the manifest's signature and the key that made it, the trusted comment against
//! report.json, the key against the institution it is trusted for, and the checklist digest.

use super::{Bundle, Checked, Class, Finding, Options, SignatureInfo};
use crate::report::{self, Report};
use crate::signing::comment::{self, Claims};
use crate::signing::keys::{self, PublicKey};
use crate::signing::manifest;
use crate::signing::sign::UNTRUSTED_COMMENT;
use crate::signing::signature_file;
use crate::signing::trusted::TrustedKeys;
use crate::signing::{MANIFEST, SIGNATURE};
use crate::tr;
use ct_codecs::{Base64, Decoder};
use std::path::Path;

/// Untrusted comments accepted on a signature. That line is not signed, so any other text
/// (or any changed byte) is refused rather than shown to an inspector as if it were vouched for.
pub const ACCEPTED_UNTRUSTED_COMMENTS: &[&str] = &[
    UNTRUSTED_COMMENT,
    "signature from minisign secret key",
    "signature from rsign secret key",
];

pub(super) fn check_signature(
    b: &mut Bundle<'_>,
    manifest: &[u8],
    signature: &[u8],
    keys: &TrustedKeys,
) -> (Option<PublicKey>, Option<SignatureInfo>) {
    // Read with the bundle's other top file before a batch proved it; once only.
    let vouched = b.pre.vouched.take();
    check_signature_of(b, manifest, signature, keys, MANIFEST, vouched.as_deref())
}

/// Check a signature of the file named `covers` (the name its messages give). `vouched`: the
/// key (its base64 line) by which a batch proved this signature of these bytes.
fn check_signature_of(
    b: &mut Bundle<'_>,
    manifest: &[u8],
    signature: &[u8],
    keys: &TrustedKeys,
    covers: &str,
    vouched: Option<&str>,
) -> (Option<PublicKey>, Option<SignatureInfo>) {
    let file = Some(SIGNATURE);
    let lang = b.lang;
    // A stock minisign's file as Windows writes it (BOM, CRLF, no final line end, or UTF-16
    // from an editor) is read as the same bytes minisign writes on Unix; the exact-encoding
    // rule below still holds.
    let Ok(normalized) = signature_file::signature_text(signature) else {
        let message = signature_file::SignatureShape::NotText.localize(lang, SIGNATURE);
        b.push("signature-malformed", Class::Integrity, file, message);
        return (None, None);
    };
    let text = normalized.as_str();
    let sig = match minisign_verify::Signature::decode(text) {
        Ok(sig) => sig,
        Err(e) => {
            // Said in words, naming the line, where the file's shape shows what is wrong.
            let message = match signature_file::shape_problem(signature) {
                Some(shape) => shape.localize(lang, SIGNATURE),
                None => tr!(
                    lang,
                    "verify-signature-not-minisign",
                    error = crate::i18n::detail::minisign(lang, &e)
                ),
            };
            b.push("signature-malformed", Class::Integrity, file, message);
            return (None, None);
        }
    };
    // Only minisign's exact encoding is accepted: the same bytes as re-encoding the parsed
    // signature, so no byte of the file can change without the change being refused.
    let canonical = minisign::SignatureBox::from_string(text).map(|s| s.to_string());
    if canonical.as_deref().ok() != Some(text) {
        let message = tr!(lang, "verify-signature-not-exact");
        b.push("signature-malformed", Class::Integrity, file, message);
        return (None, None);
    }
    let untrusted = sig
        .untrusted_comment()
        .trim_start_matches("untrusted comment: ");
    if !ACCEPTED_UNTRUSTED_COMMENTS.contains(&untrusted) {
        let message = tr!(
            lang,
            "verify-signature-untrusted-comment",
            comment = untrusted
        );
        b.push("signature-malformed", Class::Integrity, file, message);
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
            Some(given) => {
                let message = tr!(
                    lang,
                    "verify-key-wrong",
                    key = key_id.as_str(),
                    given = given
                );
                b.push("key-wrong", Class::Integrity, file, message);
            }
            None => {
                let message = tr!(lang, "verify-key-unknown", key = key_id.as_str());
                b.push("key-unknown", Class::Integrity, file, message);
            }
        }
        return (None, Some(info));
    }
    let mut last_error = None;
    for key in candidates {
        // A batch proved this signature of these very bytes by this key.
        let verified = if vouched == Some(key.base64.as_str()) {
            Ok(())
        } else {
            key.key.verify(manifest, &sig, false)
        };
        match verified {
            Ok(()) => {
                info.verified = true;
                return (Some(key.clone()), Some(info));
            }
            Err(e) => last_error = Some(e),
        }
    }
    let message = match last_error {
        Some(minisign_verify::Error::UnexpectedAlgorithm) => tr!(lang, "verify-signature-legacy"),
        _ => tr!(
            lang,
            "verify-signature-invalid",
            file = covers,
            key = key_id.as_str()
        ),
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
    let (key, _, findings) = check_signature_bytes_in(
        manifest,
        signature,
        keys,
        MANIFEST,
        crate::checklist::Lang::En,
    );
    (key, findings)
}

/// Like [`check_signature_bytes`], for the signed file named `covers` (the name messages
/// give), with messages in `lang` and the signature's trusted comment when it verified.
pub fn check_signature_bytes_in(
    manifest: &[u8],
    signature: &[u8],
    keys: &TrustedKeys,
    covers: &str,
    lang: crate::checklist::Lang,
) -> (Option<PublicKey>, Option<String>, Vec<Finding>) {
    let mut b = Bundle {
        dir: Path::new(""),
        lang,
        findings: Vec::new(),
        rerun: None,
        extends: None,
        pre: Default::default(),
    };
    let (key, info) = check_signature_of(&mut b, manifest, signature, keys, covers, None);
    let comment = info.filter(|i| i.verified).map(|i| i.trusted_comment);
    (key, comment, b.findings)
}

/// report.json, parsed only when the signature verified with a trusted key and the file has
/// the manifest's SHA-256; then checked against the trusted comment, the key's institution,
/// `--institution` and the known checklists. `None` when it is not there to trust.
pub(super) fn trusted_report(
    b: &mut Bundle<'_>,
    checked: &Checked,
    opts: &Options<'_>,
) -> Option<Report> {
    let name = report::FILE_NAME;
    let manifest = checked.manifest.as_ref()?;
    if !manifest.entries.contains_key(name) {
        let message = tr!(b.lang, "verify-report-missing");
        b.push("report-missing", Class::Integrity, Some(name), message);
        return None;
    }
    let key = checked.key.as_ref()?;
    // The very bytes that were hashed: read once, no window between check and parse.
    let bytes = checked.report_bytes.as_deref()?;
    let report = match Report::parse(&manifest::in_bundle(b.dir, name), bytes) {
        Ok(r) => r,
        Err(e) => {
            let message = tr!(
                b.lang,
                "verify-report-unreadable",
                reason = e.localize(b.lang)
            );
            b.push("report-unreadable", Class::Unusable, Some(name), message);
            return None;
        }
    };
    let code = report.institution.code.as_str();
    if let Some(info) = checked.info.as_ref() {
        // The manifest's SHA-256, which the bytes matched: hashed once.
        let sha256 = match &checked.report_sha256 {
            Some(s) => std::borrow::Cow::Borrowed(s.as_str()),
            None => std::borrow::Cow::Owned(manifest::sha256_bytes(bytes)),
        };
        check_trusted_comment(b, &info.trusted_comment, &report, &sha256);
    }
    if !opts.keys.trusts_for_institution(key, code) {
        let message = tr!(
            b.lang,
            "verify-key-untrusted",
            key = key.key_id.as_str(),
            code = code
        );
        b.push("key-untrusted", Class::Integrity, Some(SIGNATURE), message);
    }
    // A checklist the bundle carries is checked once content has read it (content.rs).
    if report.checklist.file.is_none() || opts.catalog.by_digest(&report.checklist.digest).is_some()
    {
        check_checklist(b, &report, opts.catalog);
    }
    Some(report)
}

/// The trusted comment must say what report.json (whose SHA-256 is `sha256`) says.
fn check_trusted_comment(b: &mut Bundle<'_>, trusted_comment: &str, report: &Report, sha256: &str) {
    match comment::parse(trusted_comment) {
        comment::Parsed::Medsec { claims, .. } => {
            let expected = Claims {
                institution: report.institution.code.clone(),
                checklist: report.checklist.full_id(),
                report_sha256: sha256.to_owned(),
            };
            for (field, signed, actual) in [
                ("institution", &claims.institution, &expected.institution),
                ("checklist", &claims.checklist, &expected.checklist),
                (
                    "report-sha256",
                    &claims.report_sha256,
                    &expected.report_sha256,
                ),
            ] {
                if signed != actual {
                    let message = tr!(
                        b.lang,
                        "verify-trusted-comment-mismatch",
                        field = field,
                        signed = signed.as_str(),
                        actual = actual.as_str()
                    );
                    b.push(
                        "trusted-comment-mismatch",
                        Class::Integrity,
                        Some(SIGNATURE),
                        message,
                    );
                }
            }
        }
        comment::Parsed::Plain => {
            let message = tr!(b.lang, "verify-trusted-comment-plain");
            b.push(
                "trusted-comment-plain",
                Class::Finding,
                Some(SIGNATURE),
                message,
            );
        }
        comment::Parsed::Malformed(reason) => {
            let message = tr!(
                b.lang,
                "verify-trusted-comment-malformed",
                reason = reason.text(b.lang)
            );
            b.push(
                "trusted-comment-malformed",
                Class::Integrity,
                Some(SIGNATURE),
                message,
            );
        }
    }
}

/// The checklist digest must be known and name the checklist the report names.
pub(super) fn check_checklist(
    b: &mut Bundle<'_>,
    report: &Report,
    catalog: &crate::checklist::Catalog,
) {
    let name = report::FILE_NAME;
    let named = report.checklist.full_id();
    let digest = &report.checklist.digest;
    let lang = b.lang;
    let (code, class, message) = match catalog.by_digest(digest) {
        None => (
            "checklist-unknown",
            Class::Integrity,
            tr!(
                lang,
                "verify-checklist-unknown",
                checklist = named.as_str(),
                digest = digest.as_str()
            ),
        ),
        Some(l) if l.checklist.full_id() != named => (
            "checklist-mismatch",
            Class::Integrity,
            tr!(
                lang,
                "verify-checklist-mismatch",
                actual = l.checklist.full_id(),
                checklist = named.as_str()
            ),
        ),
        Some(l) if l.checklist.fiscal_year != report.fiscal_year => (
            "checklist-other-year",
            Class::Finding,
            tr!(
                lang,
                "verify-checklist-other-year",
                fy = crate::signing::fiscal_year_text(lang, report.fiscal_year),
                checklist = named.as_str(),
                checklist_fy = crate::signing::fiscal_year_text(lang, l.checklist.fiscal_year)
            ),
        ),
        // An own checklist: its base must be known, and the one the report records.
        Some(l) => {
            match crate::checklist::extends::base_problem(
                catalog,
                l,
                report.checklist.extends.as_ref(),
            ) {
                Some((code, text)) => (code, Class::Integrity, crate::i18n::render(lang, &text)),
                None => return,
            }
        }
    };
    b.push(code, class, Some(name), message);
}
