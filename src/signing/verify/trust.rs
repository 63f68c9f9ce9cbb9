//! Trust: the manifest's signature and the key that made it, the trusted comment against
//! report.json, the key against the institution it is trusted for, and the checklist digest.

use super::{Bundle, Checked, Class, Finding, Options, SignatureInfo};
use crate::report::{self, Report};
use crate::signing::comment::{self, Claims};
use crate::signing::keys::{self, PublicKey};
use crate::signing::manifest;
use crate::signing::sign::UNTRUSTED_COMMENT;
use crate::signing::trusted::TrustedKeys;
use crate::signing::{MANIFEST, SIGNATURE};
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
    let (key, _, findings) = check_signature_bytes_with_comment(manifest, signature, keys);
    (key, findings)
}

/// Like [`check_signature_bytes`], with the signature's trusted comment when it verified.
pub fn check_signature_bytes_with_comment(
    manifest: &[u8],
    signature: &[u8],
    keys: &TrustedKeys,
) -> (Option<PublicKey>, Option<String>, Vec<Finding>) {
    let mut b = Bundle {
        dir: Path::new(""),
        lang: crate::checklist::Lang::En,
        findings: Vec::new(),
    };
    let (key, info) = check_signature(&mut b, manifest, signature, keys);
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
        let message = b.say(
            "the manifest does not cover report.json".into(),
            "マニフェストが report.json を含んでいません".into(),
        );
        b.push("report-missing", Class::Integrity, Some(name), message);
        return None;
    }
    let key = checked.key.as_ref()?;
    // The very bytes that were hashed: read once, no window between check and parse.
    let bytes = checked.report_bytes.as_deref()?;
    let report = match Report::parse(&b.dir.join(name), bytes) {
        Ok(r) => r,
        Err(e) => {
            b.push(
                "report-unreadable",
                Class::Unusable,
                Some(name),
                e.to_string(),
            );
            return None;
        }
    };
    let code = report.institution.code.as_str();
    if let Some(info) = checked.info.as_ref() {
        check_trusted_comment(b, &info.trusted_comment, &report, bytes);
    }
    if !opts.keys.trusts_for_institution(key, code) {
        b.push(
            "key-untrusted",
            Class::Integrity,
            Some(SIGNATURE),
            format!("key {} is not trusted for institution {code}", key.key_id),
        );
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
    check_checklist(b, &report, opts);
    Some(report)
}

/// The trusted comment must say what report.json says.
fn check_trusted_comment(b: &mut Bundle<'_>, trusted_comment: &str, report: &Report, bytes: &[u8]) {
    match comment::parse(trusted_comment) {
        comment::Parsed::Medsec { claims, .. } => {
            let expected = Claims {
                institution: report.institution.code.clone(),
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

/// The checklist digest must be known and name the checklist the report names.
fn check_checklist(b: &mut Bundle<'_>, report: &Report, opts: &Options<'_>) {
    let name = report::FILE_NAME;
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
}
