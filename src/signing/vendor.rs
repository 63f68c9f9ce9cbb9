//! Vendor forms signed by their vendors.
//!
//! A vendor (事業者) signs its answers file the way a hospital signs a bundle: a minisign
//! signature `FORM.minisig` beside the file, whose trusted comment names the vendor and the
//! checklist. The hospital's bundle carries the file and the signature unchanged under
//! `vendor-forms/`; `verify` checks the signature against the vendor keys of keys.toml, and
//! that report.json says what the signed file says.
//!
//! Finding codes (stable): `vendor-form-unsigned` (1), `vendor-signature-invalid` (3),
//! `vendor-key-untrusted` (3), `vendor-form-mismatch` (3), `vendor-form-missing` and
//! `vendor-signature-missing` (3: report.json names a file the signed manifest does not
//! list), `vendor-comment-mismatch` (3), `vendor-comment-plain` (1),
//! `vendor-signature-unchecked` (a note: only `--pubkey` was given, which names no vendor keys).

use super::keys::SecretKey;
use super::manifest::Manifest;
use super::sign::UNTRUSTED_COMMENT;
use super::trusted::TrustedKeys;
use super::verify::{
    check_signature_bytes_in, read_listed, read_refused, Class, Finding, ListedError,
    MAX_SIGNATURE_BYTES, MAX_VENDOR_FORM_BYTES,
};
use super::SigningError;
use crate::answers::{self, AnswerSet, FileFormat};
use crate::atomic::{self, Replace};
use crate::checklist::Lang;
use crate::report::make::{signature_path, SIGNATURE_SUFFIX};
use crate::report::{Form, Report};
use crate::tr;
use std::path::{Path, PathBuf};

/// The version of the vendor-form comment layout.
pub const VENDOR_FORM_VERSION: &str = "1";

/// What signing a vendor form made.
#[derive(Debug, Clone)]
pub struct SignedForm {
    pub signature: PathBuf,
    pub key_id: String,
    pub trusted_comment: String,
}

/// Sign a vendor's answers file: writes `FORM.minisig` beside it and checks it.
/// Problems with the answers file are given in `lang`.
pub fn sign_form(
    form: &Path,
    key: &SecretKey,
    timestamp: i64,
    lang: Lang,
) -> Result<SignedForm, SigningError> {
    let loaded = answers::load(form, lang).map_err(|e| SigningError::Unsafe {
        path: form.to_owned(),
        reason: super::Unsafe::NotAnswers(Box::new(e)),
    })?;
    let Some(table) = loaded.set.vendor.as_ref() else {
        return Err(SigningError::Unsafe {
            path: form.to_owned(),
            reason: super::Unsafe::NotVendorForm,
        });
    };
    let Some(vendor) = table.name.clone().filter(|n| !n.trim().is_empty()) else {
        return Err(SigningError::Unsafe {
            path: form.to_owned(),
            reason: super::Unsafe::VendorNameEmpty,
        });
    };
    let file = form
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let checklist = loaded.set.checklist.full_id();
    for value in [&vendor, &file, &checklist] {
        if !super::comment::Claims::check_value(value) {
            return Err(SigningError::Unsafe {
                path: form.to_owned(),
                reason: super::Unsafe::Claim(value.clone()),
            });
        }
    }
    let bytes = crate::limits::read_io(form, crate::limits::InputKind::Answers)
        .map_err(SigningError::io(form))?;
    let trusted_comment = format!(
        "timestamp:{timestamp}\tfile:{file}\tmedsec-vendor-form:{VENDOR_FORM_VERSION}\tvendor:{vendor}\tchecklist:{checklist}"
    );
    let signature = minisign::sign(
        Some(&key.pk),
        &key.sk,
        bytes.as_slice(),
        Some(&trusted_comment),
        Some(UNTRUSTED_COMMENT),
    )
    .map_err(|e| SigningError::Sign(e.to_string()))?;
    let sig_path = signature_path(form);
    let text = signature.to_string();
    let (verified, _, problems) = check_signature_bytes_in(
        &bytes,
        text.as_bytes(),
        &TrustedKeys::single(key.public.clone()),
        &file,
        Lang::En,
    );
    if verified.is_none() {
        return Err(SigningError::SelfCheck(problems.first().map_or_else(
            || "signature-invalid".to_owned(),
            |f| f.code.clone(),
        )));
    }
    atomic::write(&sig_path, text.as_bytes(), None, Replace::Allow)
        .map_err(SigningError::write(&sig_path))?;
    Ok(SignedForm {
        signature: sig_path,
        key_id: key.public.key_id.clone(),
        trusted_comment,
    })
}

fn finding(code: &str, class: Class, file: &str, message: String) -> Finding {
    Finding {
        code: code.to_owned(),
        class,
        file: Some(file.to_owned()),
        item: None,
        item_label: None,
        message,
    }
}

/// Check every vendor form a bundle's report names: its signature, who made it, and that
/// report.json carries the same answers as the signed file. Files are read only through
/// the signed manifest: a name that is not a listed regular file is a
/// finding, never opened. When any of these findings is an integrity failure, no message
/// shows what report.json says (its vendor names or file names).
pub fn check_forms(
    dir: &Path,
    manifest: &Manifest,
    report: &Report,
    keys: &TrustedKeys,
    lang: Lang,
) -> Vec<Finding> {
    let found: Vec<Checked> = report
        .vendor_forms
        .iter()
        .enumerate()
        .flat_map(|(i, form)| check_form(dir, manifest, i, form, keys, lang))
        .collect();
    let untrusted = found.iter().any(|c| c.finding.class == Class::Integrity);
    found
        .into_iter()
        .map(|c| match c.untrusted_message {
            Some(message) if untrusted => Finding {
                message,
                ..c.finding
            },
            _ => c.finding,
        })
        .collect()
}

/// A finding, and the message to give instead when report.json is not to be trusted (when
/// the first message shows what report.json says).
struct Checked {
    finding: Finding,
    untrusted_message: Option<String>,
}

impl From<Finding> for Checked {
    fn from(finding: Finding) -> Self {
        Checked {
            finding,
            untrusted_message: None,
        }
    }
}

/// Read a file the form names, or the finding that says why it was not read.
fn read_named(
    dir: &Path,
    manifest: &Manifest,
    field: &str,
    name: &str,
    limit: u64,
    missing_code: &str,
    lang: Lang,
) -> Result<Vec<u8>, Box<Finding>> {
    read_listed(dir, manifest, name, limit).map_err(|e| {
        Box::new(match e {
            ListedError::Open(e) => read_refused(lang, field, name, &e),
            ListedError::Changed => finding(
                "file-changed",
                Class::Integrity,
                name,
                tr!(lang, "verify-file-changed"),
            ),
            ListedError::Unsafe(reason) => finding(
                "report-path-unsafe",
                Class::Integrity,
                crate::report::FILE_NAME,
                tr!(
                    lang,
                    "verify-vendor-path-unsafe",
                    field = field,
                    path = name,
                    reason = reason.text(lang)
                ),
            ),
            ListedError::Unlisted => finding(
                missing_code,
                Class::Integrity,
                name,
                tr!(
                    lang,
                    "verify-vendor-path-unlisted",
                    field = field,
                    path = name
                ),
            ),
        })
    })
}

/// The vendor form's own answers, or why it cannot be read as one.
fn parse_form(bytes: &[u8], bundled: &str, lang: Lang) -> Result<AnswerSet, String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(tr!(lang, "verify-vendor-form-not-utf8"));
    };
    let path = Path::new(bundled);
    let format = FileFormat::of(path).map_err(|e| e.message(lang))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    answers::load_str(path, format, text.to_owned(), lang)
        .map(|loaded| loaded.set)
        .map_err(|e| e.message(lang))
}

fn vendor_name(set: &AnswerSet) -> Option<&str> {
    set.vendor.as_ref().and_then(|v| v.name.as_deref())
}

fn check_form(
    dir: &Path,
    manifest: &Manifest,
    index: usize,
    form: &Form,
    keys: &TrustedKeys,
    lang: Lang,
) -> Vec<Checked> {
    let mut out: Vec<Checked> = Vec::new();
    let field = format!("vendor_forms[{index}]");
    let Some(bundled) = &form.bundled else {
        // Only report.json knows this form: what it says is shown only while the bundle
        // is otherwise trusted.
        let claimed = form.answers.vendor.as_ref().and_then(|v| v.name.clone());
        let claimed = claimed.unwrap_or_default();
        out.push(Checked {
            finding: finding(
                "vendor-form-unsigned",
                Class::Finding,
                crate::report::FILE_NAME,
                tr!(
                    lang,
                    "verify-vendor-not-in-bundle",
                    file = form.file.as_str(),
                    vendor = claimed.as_str()
                ),
            ),
            untrusted_message: Some(tr!(
                lang,
                "verify-vendor-not-in-bundle-untrusted",
                field = field.as_str()
            )),
        });
        return out;
    };
    let bytes = match read_named(
        dir,
        manifest,
        &format!("{field}.bundled"),
        bundled,
        MAX_VENDOR_FORM_BYTES,
        "vendor-form-missing",
        lang,
    ) {
        Ok(bytes) => bytes,
        Err(f) => {
            out.push((*f).into());
            return out;
        }
    };
    // report.json must say what the file says; the vendor is the one the file names.
    let parsed = parse_form(&bytes, bundled, lang);
    let form_vendor = parsed
        .as_ref()
        .ok()
        .and_then(vendor_name)
        .map(str::to_owned);
    let mismatch = match &parsed {
        Err(reason) => Some(tr!(
            lang,
            "verify-vendor-form-unreadable",
            file = bundled.as_str(),
            reason = reason.as_str()
        )),
        Ok(set) if vendor_name(set) != vendor_name(&form.answers) => {
            let named = form_vendor.as_deref().unwrap_or_default();
            Some(tr!(
                lang,
                "verify-vendor-form-other-vendor",
                file = bundled.as_str(),
                vendor = named
            ))
        }
        Ok(set) if !same_answers(set, &form.answers) => Some(tr!(
            lang,
            "verify-vendor-form-other-answers",
            file = bundled.as_str()
        )),
        Ok(_) => None,
    };
    if let Some(message) = mismatch {
        out.push(finding("vendor-form-mismatch", Class::Integrity, bundled, message).into());
    }
    // The signature report.json names or, when it names none, one the bundle holds beside
    // the form: a signature in the bundle is checked whatever report.json says of it.
    let beside = format!("{bundled}{SIGNATURE_SUFFIX}");
    let sig_name = form
        .signature
        .clone()
        .or_else(|| manifest.entries.contains_key(&beside).then_some(beside));
    let Some(sig_name) = sig_name else {
        out.push(
            finding(
                "vendor-form-unsigned",
                Class::Finding,
                bundled,
                tr!(
                    lang,
                    "verify-vendor-form-unsigned",
                    file = bundled.as_str(),
                    signature = format!("{bundled}{SIGNATURE_SUFFIX}")
                ),
            )
            .into(),
        );
        return out;
    };
    let sig = match read_named(
        dir,
        manifest,
        &format!("{field}.signature"),
        &sig_name,
        MAX_SIGNATURE_BYTES,
        "vendor-signature-missing",
        lang,
    ) {
        Ok(sig) => sig,
        Err(f) => {
            out.push((*f).into());
            return out;
        }
    };
    if keys.single_key_id().is_some() {
        out.push(
            finding(
                "vendor-signature-unchecked",
                Class::Note,
                &sig_name,
                tr!(
                    lang,
                    "verify-vendor-signature-unchecked",
                    file = bundled.as_str()
                ),
            )
            .into(),
        );
        return out;
    }
    let (key, comment, problems) = check_signature_bytes_in(&bytes, &sig, keys, bundled, lang);
    // The vendor whose key must sign: the one the signed form names, or (when the form
    // cannot be read) the one the verified trusted comment names; never report.json's.
    let comment_vendor = comment
        .as_deref()
        .and_then(|c| match super::comment::parse_vendor(c) {
            super::comment::VendorParsed::Medsec { vendor, .. } => Some(vendor),
            _ => None,
        });
    let vendor = form_vendor.or(comment_vendor);
    match (key, vendor) {
        (Some(key), Some(vendor)) if keys.trusts_for_vendor(&key, &vendor) => {
            if let Some(comment) = comment {
                let checklist = parsed.as_ref().ok().map(|set| set.checklist.full_id());
                out.extend(
                    check_comment(&comment, &sig_name, &vendor, checklist, lang).map(Into::into),
                );
            }
        }
        (Some(key), Some(vendor)) => out.push(
            finding(
                "vendor-key-untrusted",
                Class::Integrity,
                &sig_name,
                tr!(
                    lang,
                    "verify-vendor-key-not-listed",
                    file = bundled.as_str(),
                    key = key.key_id.as_str(),
                    vendor = vendor.as_str()
                ),
            )
            .into(),
        ),
        (Some(key), None) => out.push(
            finding(
                "vendor-key-untrusted",
                Class::Integrity,
                &sig_name,
                tr!(
                    lang,
                    "verify-vendor-key-no-vendor",
                    file = bundled.as_str(),
                    key = key.key_id.as_str()
                ),
            )
            .into(),
        ),
        (None, _) => {
            for p in problems {
                let code = if p.code == "key-unknown" || p.code == "key-wrong" {
                    "vendor-key-untrusted"
                } else {
                    "vendor-signature-invalid"
                };
                out.push(
                    finding(
                        code,
                        Class::Integrity,
                        &sig_name,
                        tr!(
                            lang,
                            "verify-vendor-signature-problem",
                            file = bundled.as_str(),
                            problem = p.message.as_str()
                        ),
                    )
                    .into(),
                );
            }
        }
    }
    out
}

/// The vendor's trusted comment must name the vendor and the checklist the form has.
fn check_comment(
    comment: &str,
    sig_name: &str,
    vendor: &str,
    checklist_of_form: Option<String>,
    lang: Lang,
) -> Option<Finding> {
    match super::comment::parse_vendor(comment) {
        super::comment::VendorParsed::Medsec {
            vendor: signed_vendor,
            checklist,
        } => {
            let (field, signed, actual) = match checklist_of_form {
                _ if signed_vendor != vendor => ("vendor", signed_vendor, vendor.to_owned()),
                Some(actual) if checklist != actual => ("checklist", checklist, actual),
                _ => return None,
            };
            Some(finding(
                "vendor-comment-mismatch",
                Class::Integrity,
                sig_name,
                tr!(
                    lang,
                    "verify-vendor-comment-mismatch",
                    field = field,
                    signed = signed.as_str(),
                    actual = actual.as_str()
                ),
            ))
        }
        super::comment::VendorParsed::Plain => Some(finding(
            "vendor-comment-plain",
            Class::Finding,
            sig_name,
            tr!(lang, "verify-vendor-comment-plain"),
        )),
        super::comment::VendorParsed::Malformed(reason) => Some(finding(
            "vendor-comment-mismatch",
            Class::Integrity,
            sig_name,
            tr!(
                lang,
                "verify-vendor-comment-malformed",
                reason = reason.text(lang)
            ),
        )),
    }
}

/// The same answers, ignoring where entries sat in their file.
fn same_answers(a: &AnswerSet, b: &AnswerSet) -> bool {
    let strip = |s: &AnswerSet| {
        let mut s = s.clone();
        for a in &mut s.answers {
            a.at = 0;
        }
        s
    };
    strip(a) == strip(b)
}
