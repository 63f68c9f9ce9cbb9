//! Vendor forms signed by their vendors.
//!
//! A vendor (事業者) signs its answers file the way a hospital signs a bundle: a minisign
//! signature `FORM.minisig` beside the file, whose trusted comment names the vendor and the
//! checklist. The hospital's bundle carries the file and the signature unchanged under
//! `vendor-forms/`; `verify` checks the signature against the vendor keys of keys.toml, and
//! that report.json says what the signed file says.
//!
//! Finding codes (stable): `vendor-form-unsigned` (1), `vendor-signature-invalid` (3),
//! `vendor-key-untrusted` (3), `vendor-form-mismatch` (3), `vendor-signature-unchecked`
//! (a note: only `--pubkey` was given, which names no vendor keys).

use super::keys::SecretKey;
use super::sign::UNTRUSTED_COMMENT;
use super::trusted::TrustedKeys;
use super::verify::{check_signature_bytes, Class, Finding};
use super::SigningError;
use crate::answers::{self, AnswerSet, FileFormat};
use crate::atomic::{self, Replace};
use crate::report::make::{signature_path, SIGNATURE_SUFFIX};
use crate::report::{Form, Report};
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
pub fn sign_form(form: &Path, key: &SecretKey, timestamp: i64) -> Result<SignedForm, SigningError> {
    let loaded =
        answers::load(form, crate::checklist::Lang::En).map_err(|e| SigningError::Unsafe {
            path: form.to_owned(),
            reason: format!("not a usable answers file: {e}"),
        })?;
    let Some(vendor) = loaded.set.vendor.as_ref().and_then(|v| v.name.clone()) else {
        return Err(SigningError::Unsafe {
            path: form.to_owned(),
            reason: "not a vendor form: it has no [vendor] table with the vendor's name".into(),
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
                reason: format!(
                    "`{value}` is empty or holds control characters; it cannot be signed"
                ),
            });
        }
    }
    let bytes = std::fs::read(form).map_err(SigningError::io(form))?;
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
    let (verified, problems) = check_signature_bytes(
        &bytes,
        text.as_bytes(),
        &TrustedKeys::single(key.public.clone()),
    );
    if verified.is_none() {
        return Err(SigningError::SelfCheck(
            problems
                .first()
                .map_or_else(|| "not verified".to_owned(), |f| f.message.clone()),
        ));
    }
    atomic::write(&sig_path, text.as_bytes(), None, Replace::Allow)
        .map_err(SigningError::io(&sig_path))?;
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
        message,
    }
}

/// Check every vendor form a bundle's report names: its signature, who made it, and that
/// report.json carries the same answers as the signed file.
pub fn check_forms(dir: &Path, report: &Report, keys: &TrustedKeys) -> Vec<Finding> {
    report
        .vendor_forms
        .iter()
        .flat_map(|form| check_form(dir, form, keys))
        .collect()
}

fn check_form(dir: &Path, form: &Form, keys: &TrustedKeys) -> Vec<Finding> {
    let mut out = Vec::new();
    let vendor = form
        .answers
        .vendor
        .as_ref()
        .and_then(|v| v.name.clone())
        .unwrap_or_default();
    let Some(bundled) = &form.bundled else {
        out.push(finding(
            "vendor-form-unsigned",
            Class::Finding,
            crate::report::FILE_NAME,
            format!(
                "vendor form {} ({vendor}) is not in the bundle, so no vendor signature can be checked",
                form.file
            ),
        ));
        return out;
    };
    // The manifest check reports missing or changed files; here only what can be read.
    let Ok(bytes) = std::fs::read(dir.join(bundled)) else {
        return out;
    };
    // report.json must say what the file says.
    let same = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| {
            let path = Path::new(bundled);
            let format = FileFormat::of(path).ok()?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            answers::load_str(path, format, text.to_owned(), crate::checklist::Lang::En).ok()
        })
        .is_some_and(|loaded| same_answers(&loaded.set, &form.answers));
    if !same {
        out.push(finding(
            "vendor-form-mismatch",
            Class::Integrity,
            bundled,
            format!("report.json does not carry the answers of {bundled} as the file has them"),
        ));
    }
    let Some(sig_name) = &form.signature else {
        out.push(finding(
            "vendor-form-unsigned",
            Class::Finding,
            bundled,
            format!("the vendor form of {vendor} is not signed by the vendor (no {bundled}{SIGNATURE_SUFFIX})"),
        ));
        return out;
    };
    let Ok(sig) = std::fs::read(dir.join(sig_name)) else {
        return out;
    };
    if keys.single_key_id().is_some() {
        out.push(finding(
            "vendor-signature-unchecked",
            Class::Note,
            sig_name,
            format!("signed by the vendor, but vendor keys are only known from --trusted keys.toml; not checked ({vendor})"),
        ));
        return out;
    }
    let (key, problems) = check_signature_bytes(&bytes, &sig, keys);
    match key {
        Some(key) if keys.trusts_for_vendor(&key, &vendor) => {}
        Some(key) => out.push(finding(
            "vendor-key-untrusted",
            Class::Integrity,
            sig_name,
            format!(
                "signed with key {}, which keys.toml does not list for vendor `{vendor}`",
                key.key_id
            ),
        )),
        None => {
            for p in problems {
                let code = if p.code == "key-unknown" || p.code == "key-wrong" {
                    "vendor-key-untrusted"
                } else {
                    "vendor-signature-invalid"
                };
                out.push(finding(
                    code,
                    Class::Integrity,
                    sig_name,
                    format!("vendor form of `{vendor}`: {}", p.message),
                ));
            }
        }
    }
    out
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
