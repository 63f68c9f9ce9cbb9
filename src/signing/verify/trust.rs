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
    check_signature_of(b, manifest, signature, keys, MANIFEST)
}

/// Check a signature of the file named `covers` (the name its messages give).
fn check_signature_of(
    b: &mut Bundle<'_>,
    manifest: &[u8],
    signature: &[u8],
    keys: &TrustedKeys,
    covers: &str,
) -> (Option<PublicKey>, Option<SignatureInfo>) {
    let file = Some(SIGNATURE);
    let Ok(text) = std::str::from_utf8(signature) else {
        let message = b.say(
            "not UTF-8 text".into(),
            "UTF-8 のテキストではありません".into(),
        );
        b.push("signature-malformed", Class::Integrity, file, message);
        return (None, None);
    };
    let sig = match minisign_verify::Signature::decode(text) {
        Ok(sig) => sig,
        Err(e) => {
            let message = b.say(
                format!("not a minisign signature: {e}"),
                format!("minisign の署名ではありません: {e}"),
            );
            b.push("signature-malformed", Class::Integrity, file, message);
            return (None, None);
        }
    };
    // Only minisign's exact encoding is accepted: the same bytes as re-encoding the parsed
    // signature, so no byte of the file can change without the change being refused.
    let canonical = minisign::SignatureBox::from_string(text).map(|s| s.to_string());
    if canonical.as_deref().ok() != Some(text) {
        let message = b.say(
            "not in minisign's exact encoding (changed spacing, line ends or padding)".into(),
            "minisign の正確な符号化ではありません（空白・改行・パディングが変更されています）"
                .into(),
        );
        b.push("signature-malformed", Class::Integrity, file, message);
        return (None, None);
    }
    let untrusted = sig
        .untrusted_comment()
        .trim_start_matches("untrusted comment: ");
    if !ACCEPTED_UNTRUSTED_COMMENTS.contains(&untrusted) {
        let message = b.say(
            format!("unexpected untrusted comment `{untrusted}` (that line is not signed; medsec accepts only the standard ones)"),
            format!("想定外の非署名コメント `{untrusted}` です（この行は署名されていないため、medsec は標準のものだけを受け付けます）"),
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
                let message = b.say(
                    format!("signed with key {key_id}, but the key given is {given}"),
                    format!("鍵 {key_id} で署名されていますが、指定された鍵は {given} です"),
                );
                b.push("key-wrong", Class::Integrity, file, message);
            }
            None => {
                let message = b.say(
                    format!("signed with key {key_id}, which the trusted keys do not list"),
                    format!("鍵 {key_id} で署名されていますが、信頼する鍵の一覧にありません"),
                );
                b.push("key-unknown", Class::Integrity, file, message);
            }
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
        Some(minisign_verify::Error::UnexpectedAlgorithm) => b.say(
            "a legacy (not pre-hashed) signature; sign again with a current minisign or medsec"
                .into(),
            "旧形式（事前ハッシュなし）の署名です。現在の minisign または medsec で署名し直してください"
                .into(),
        ),
        _ => b.say(
            format!("the signature does not match {covers} (made with key {key_id})"),
            format!("署名が {covers} と一致しません（鍵 {key_id} による署名）"),
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
    };
    let (key, info) = check_signature_of(&mut b, manifest, signature, keys, covers);
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
            let message = b.say(e.to_string(), format!("report.json を読めません: {e}"));
            b.push("report-unreadable", Class::Unusable, Some(name), message);
            return None;
        }
    };
    let code = report.institution.code.as_str();
    if let Some(info) = checked.info.as_ref() {
        check_trusted_comment(b, &info.trusted_comment, &report, bytes);
    }
    if !opts.keys.trusts_for_institution(key, code) {
        let message = b.say(
            format!("key {} is not trusted for institution {code}", key.key_id),
            format!(
                "鍵 {} は医療機関 {code} の鍵として信頼されていません",
                key.key_id
            ),
        );
        b.push("key-untrusted", Class::Integrity, Some(SIGNATURE), message);
    }
    if let Some(expected) = opts.expected_institution {
        if expected != code {
            let message = b.say(
                format!(
                    "the report is for institution {code} ({}), not {expected}",
                    report.institution.name
                ),
                format!(
                    "この報告書は医療機関 {code}（{}）のもので、{expected} のものではありません",
                    report.institution.name
                ),
            );
            b.push(
                "institution-mismatch",
                Class::Integrity,
                Some(name),
                message,
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
                (
                    "report-sha256",
                    &claims.report_sha256,
                    &expected.report_sha256,
                ),
            ] {
                if signed != actual {
                    let message = b.say(
                        format!("the signature says {field} `{signed}`, report.json has `{actual}`"),
                        format!("署名では {field} が `{signed}` ですが、report.json では `{actual}` です"),
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
            let message = b.say(
                "the signature's trusted comment does not name the institution, checklist and report (signed by another tool); the manifest signature still covers report.json".into(),
                "署名の信頼済みコメントに医療機関・チェックリスト・報告書の記載がありません（他のツールで署名）。マニフェストの署名は report.json を保護しています".into(),
            );
            b.push(
                "trusted-comment-plain",
                Class::Finding,
                Some(SIGNATURE),
                message,
            );
        }
        comment::Parsed::Malformed(reason) => {
            let message = b.say(
                reason.clone(),
                format!("署名の信頼済みコメントが不正です: {reason}"),
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
fn check_checklist(b: &mut Bundle<'_>, report: &Report, opts: &Options<'_>) {
    let name = report::FILE_NAME;
    let named = report.checklist.full_id();
    let digest = &report.checklist.digest;
    let (code, class, message) = match opts.catalog.by_digest(digest) {
        None => (
            "checklist-unknown",
            Class::Integrity,
            b.say(
                format!("checklist {named} with digest {digest} is not known; give its file with --checklist PATH"),
                format!("ダイジェスト {digest} のチェックリスト {named} は不明です。--checklist PATH でそのファイルを指定してください"),
            ),
        ),
        Some(l) if l.checklist.full_id() != named => {
            let actual = l.checklist.full_id();
            (
                "checklist-mismatch",
                Class::Integrity,
                b.say(
                    format!("the digest is that of {actual}, but the report names {named}"),
                    format!("ダイジェストは {actual} のものですが、報告書は {named} としています"),
                ),
            )
        }
        Some(l) if l.checklist.fiscal_year != report.fiscal_year => {
            let (fy, checklist_fy) = (report.fiscal_year, l.checklist.fiscal_year);
            (
                "checklist-other-year",
                Class::Finding,
                b.say(
                    format!("the report is for FY{fy}, but checklist {named} is for FY{checklist_fy}"),
                    format!(
                        "報告書は{}、チェックリスト {named} は{}のものです",
                        crate::dates::wareki_fiscal_year(fy),
                        crate::dates::wareki_fiscal_year(checklist_fy)
                    ),
                ),
            )
        }
        Some(_) => return,
    };
    b.push(code, class, Some(name), message);
}
