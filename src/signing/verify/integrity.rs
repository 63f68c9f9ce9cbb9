//! Integrity: the manifest and every file of the bundle against it, and the names of files
//! report.json gives. Nothing is opened unless it is a regular file (no link, FIFO or
//! device), opened without following links or blocking, and read within a limit.

use super::{trust, Bundle, Checked, Class, Finding};
use crate::checklist::Lang;
use crate::report::{self, Report};
use crate::signing::manifest::PathProblem;
use crate::signing::manifest::{self, Manifest, OpenError};
use crate::signing::trusted::TrustedKeys;
use crate::signing::{MANIFEST, SIGNATURE};
use crate::tr;
use std::path::Path;

// The bounds live with every other input limit, in one place (docs/security.md lists them).
pub use crate::limits::{
    MANIFEST_MAX_BYTES as MAX_MANIFEST_BYTES, REPORT_MAX_BYTES as MAX_REPORT_BYTES,
    SIGNATURE_MAX_BYTES as MAX_SIGNATURE_BYTES, VENDOR_FORM_MAX_BYTES as MAX_VENDOR_FORM_BYTES,
};

impl Bundle<'_> {
    /// Read the manifest or its signature: a regular file, within `limit` bytes.
    /// Read before, with every bundle's (see `Preread`), it is not read again.
    fn read_top(&mut self, name: &str, missing_code: &str, limit: u64) -> Option<Vec<u8>> {
        let pre = match name {
            MANIFEST => self.pre.manifest.take(),
            SIGNATURE => self.pre.signature.take(),
            _ => None,
        };
        match pre.unwrap_or_else(|| manifest::read_bounded(&self.dir.join(name), limit)) {
            Ok(bytes) => Some(bytes),
            Err(OpenError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                let message = tr!(self.lang, "verify-top-file-missing", name = name);
                self.push(missing_code, Class::Integrity, Some(name), message);
                None
            }
            Err(e) => {
                let f = read_refused(self.lang, "", name, &e);
                self.findings.push(f);
                None
            }
        }
    }
}

/// The finding for a file of the bundle that was not read (`field` names the report.json
/// field that named it, or is empty).
pub(crate) fn read_refused(lang: Lang, field: &str, name: &str, e: &OpenError) -> Finding {
    let named = if field.is_empty() {
        String::new()
    } else {
        tr!(lang, "verify-named-by", field = field)
    };
    let (code, class, message) = match e {
        OpenError::NotRegular => (
            "file-unsafe",
            Class::Integrity,
            tr!(lang, "verify-file-not-regular", named = named),
        ),
        OpenError::TooLarge { size, limit } => (
            "file-too-large",
            Class::Unusable,
            tr!(
                lang,
                "verify-file-too-large",
                size = size.to_string(),
                limit = limit.to_string(),
                named = named
            ),
        ),
        OpenError::Io(e) => (
            "file-unreadable",
            Class::Unusable,
            tr!(
                lang,
                "verify-file-unreadable",
                reason = crate::signing::io_error_text(lang, e),
                named = named
            ),
        ),
    };
    Finding {
        code: code.to_owned(),
        class,
        file: Some(name.to_owned()),
        item: None,
        item_label: None,
        message,
    }
}

/// Read a file that report.json names, only if it is a safe relative path the signed
/// manifest lists, a regular file, within `limit`, and still has the manifest's SHA-256.
pub(crate) fn read_listed(
    dir: &Path,
    manifest: &Manifest,
    name: &str,
    limit: u64,
) -> Result<Vec<u8>, ListedError> {
    manifest::check_path(name).map_err(ListedError::Unsafe)?;
    let expected = manifest.entries.get(name).ok_or(ListedError::Unlisted)?;
    let bytes = manifest::read_bounded(&dir.join(name), limit).map_err(ListedError::Open)?;
    if &manifest::sha256_bytes(&bytes) != expected {
        return Err(ListedError::Changed);
    }
    Ok(bytes)
}

/// Why a file named by report.json was not read.
#[derive(Debug)]
pub(crate) enum ListedError {
    /// Not a relative, normalised path (absolute, `..`, control characters).
    Unsafe(PathProblem),
    /// The signed manifest does not list it.
    Unlisted,
    Open(OpenError),
    /// Its bytes differ from the manifest's SHA-256.
    Changed,
}

/// Manifest, signature and every file of the folder.
pub(super) fn check_signature_and_files(b: &mut Bundle<'_>, keys: &TrustedKeys) -> Checked {
    let manifest_bytes = b.read_top(MANIFEST, "manifest-missing", MAX_MANIFEST_BYTES);
    let signature_bytes = b.read_top(SIGNATURE, "signature-missing", MAX_SIGNATURE_BYTES);
    let mut checked = Checked {
        key: None,
        info: None,
        manifest: None,
        report_bytes: None,
        report_sha256: None,
    };
    if let (Some(m), Some(s)) = (&manifest_bytes, &signature_bytes) {
        (checked.key, checked.info) = trust::check_signature(b, m, s, keys);
    }
    let Some(manifest_bytes) = manifest_bytes else {
        return checked;
    };
    let lang = b.lang;
    let manifest = match std::str::from_utf8(&manifest_bytes) {
        Ok(text) => Manifest::parse(text).map_err(|(line, reason)| {
            tr!(
                lang,
                "verify-manifest-malformed",
                line = line,
                reason = reason.text(lang)
            )
        }),
        Err(e) => Err(tr!(
            lang,
            "verify-manifest-not-utf8",
            byte = e.valid_up_to()
        )),
    };
    let manifest = match manifest {
        Ok(m) => m,
        Err(message) => {
            b.push(
                "manifest-malformed",
                Class::Integrity,
                Some(MANIFEST),
                message,
            );
            return checked;
        }
    };
    let checked_files = match b.pre.scan.take() {
        Some(scan) => {
            manifest::check_scanned(b.dir, scan, &manifest, report::FILE_NAME, MAX_REPORT_BYTES)
        }
        None => manifest::check_keeping(b.dir, &manifest, report::FILE_NAME, MAX_REPORT_BYTES),
    };
    match checked_files {
        Ok((d, report_bytes)) => {
            if !d.changed.iter().any(|f| f == report::FILE_NAME) {
                // Kept only once hashed and found equal to the manifest's SHA-256.
                checked.report_sha256 = report_bytes
                    .as_ref()
                    .and_then(|_| manifest.entries.get(report::FILE_NAME).cloned());
                checked.report_bytes = report_bytes;
            }
            for f in d.missing {
                let message = tr!(lang, "verify-file-missing");
                b.push("file-missing", Class::Integrity, Some(&f), message);
            }
            for f in d.changed {
                let message = tr!(lang, "verify-file-changed");
                b.push("file-changed", Class::Integrity, Some(&f), message);
            }
            for f in d.extra {
                let message = tr!(lang, "verify-file-extra");
                b.push("file-extra", Class::Integrity, Some(&f), message);
            }
            for (f, reason) in d.refused {
                let message = tr!(lang, "verify-file-unsafe", reason = reason.text(lang));
                b.push("file-unsafe", Class::Integrity, Some(&f), message);
            }
            for (f, reason) in d.unreadable {
                let message = tr!(
                    lang,
                    "verify-file-unreadable",
                    reason = reason.text(lang),
                    named = ""
                );
                b.push("file-unreadable", Class::Unusable, Some(&f), message);
            }
            for (f, reason) in d.too_large {
                let (size, limit) = match &reason {
                    manifest::FileProblem::TooLarge { size, limit } => (*size, *limit),
                    _ => (0, 0),
                };
                let message = tr!(
                    lang,
                    "verify-file-too-large",
                    size = size.to_string(),
                    limit = limit.to_string(),
                    named = ""
                );
                b.push("file-too-large", Class::Unusable, Some(&f), message);
            }
        }
        Err(e) => {
            let message = tr!(lang, "verify-bundle-unreadable", reason = e.localize(lang));
            b.push("bundle-unreadable", Class::Unusable, None, message);
        }
    }
    checked.manifest = Some(manifest);
    checked
}

/// Every field of report.json that names a file in the bundle, with the field's name.
fn named_paths(report: &Report) -> Vec<(String, &str, Kind<'_>)> {
    let mut out = Vec::new();
    let forms = std::iter::once(("answers".to_owned(), &report.answers, false)).chain(
        report
            .vendor_forms
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("vendor_forms[{i}]"), f, true)),
    );
    for (field, form, vendor) in forms {
        let (form_kind, signature_kind) = if vendor {
            (Kind::VendorForm, Kind::VendorSignature)
        } else {
            (Kind::Other, Kind::Other)
        };
        if let Some(p) = &form.bundled {
            out.push((format!("{field}.bundled"), p.as_str(), form_kind));
        }
        if let Some(p) = &form.signature {
            out.push((format!("{field}.signature"), p.as_str(), signature_kind));
        }
    }
    for (i, e) in report.evidence.iter().enumerate() {
        out.push((
            format!("evidence[{i}].path"),
            e.path.as_str(),
            Kind::Evidence { sha256: &e.sha256 },
        ));
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind<'a> {
    VendorForm,
    VendorSignature,
    /// Any other file the report names (the institution's own form, should it name one).
    Other,
    /// An attached file, with the SHA-256 report.json records for it.
    Evidence {
        sha256: &'a str,
    },
}

/// Each file report.json names must be a safe relative path the signed manifest lists (and
/// the manifest check found intact); an attached file's recorded SHA-256 must be the
/// manifest's. Nothing is opened here.
pub(super) fn check_named_paths(b: &mut Bundle<'_>, report: &Report, manifest: &Manifest) {
    for (field, path, kind) in named_paths(report) {
        if let Err(reason) = manifest::check_path(path) {
            let message = tr!(
                b.lang,
                "verify-report-path-unsafe",
                field = field.as_str(),
                path = path,
                reason = reason.text(b.lang)
            );
            b.push(
                "report-path-unsafe",
                Class::Integrity,
                Some(report::FILE_NAME),
                message,
            );
            continue;
        }
        let Some(hash) = manifest.entries.get(path) else {
            let code = match kind {
                Kind::VendorForm => "vendor-form-missing",
                Kind::VendorSignature => "vendor-signature-missing",
                Kind::Other | Kind::Evidence { .. } => "report-path-unlisted",
            };
            let message = tr!(
                b.lang,
                "verify-report-path-unlisted",
                field = field.as_str(),
                path = path
            );
            b.push(code, Class::Integrity, Some(path), message);
            continue;
        };
        if let Kind::Evidence { sha256 } = kind {
            if sha256 != hash {
                let message = tr!(
                    b.lang,
                    "verify-evidence-digest-mismatch",
                    field = field.as_str(),
                    path = path
                );
                b.push(
                    "evidence-digest-mismatch",
                    Class::Integrity,
                    Some(path),
                    message,
                );
            }
        }
    }
}
