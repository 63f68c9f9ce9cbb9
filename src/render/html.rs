//! The printed report: one self-contained HTML file (no remote resource, no script) laid out
//! like the official form on A4, with the report's SHA-256, the signing key and the signed time
//! in a footer on every page and in a QR code. Also the Markdown and CSV forms of the same view,
//! and the page `medsec report` writes into the bundle.

use super::templates;
use super::view::{self, Verification, VerificationState, View};
use crate::checklist::{Catalog, Lang};
use crate::report::Report;
use serde::Serialize;
use std::cell::RefCell;

/// File name of the page `medsec report` writes into a bundle.
pub const BUNDLE_FILE: &str = "report.html";

/// Why a page could not be made (a template bug: the templates are tested).
#[derive(Debug)]
pub struct RenderError(String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RenderError {}

impl From<minijinja::Error> for RenderError {
    fn from(e: minijinja::Error) -> Self {
        RenderError(format!("{e:#}"))
    }
}

/// The QR code carrying `text`, as inline SVG (no XML declaration, no namespace: it sits in
/// HTML), drawn with black modules on white and a quiet zone. `None` when the text does not
/// fit a QR code (it always does: about 100 ASCII characters).
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build();
    let start = svg.find("<svg")?;
    let svg = svg.get(start..)?;
    Some(
        svg.replacen(r#" xmlns="http://www.w3.org/2000/svg""#, "", 1)
            .replacen("<svg ", r#"<svg class="qr" role="img" "#, 1),
    )
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(flatten)]
    view: &'a View,
    /// The QR code's SVG, made here (not from any file), so printed unescaped.
    qr_svg: minijinja::Value,
}

fn render(name: &str, view: &View, lang: Lang) -> Result<String, RenderError> {
    let env = templates::environment(lang);
    let template = env.get_template(name)?;
    let qr = qr_svg(&view.qr_text).unwrap_or_default();
    let page = Page {
        view,
        qr_svg: minijinja::Value::from_safe_string(qr),
    };
    Ok(template.render(minijinja::Value::from(minijinja::value::Serde(&page)))?)
}

/// The report as one HTML page.
pub fn html(view: &View, lang: Lang) -> Result<String, RenderError> {
    render("report.html", view, lang)
}

/// The report as Markdown (for mail and wikis).
pub fn markdown(view: &View, lang: Lang) -> Result<String, RenderError> {
    render("report.md", view, lang)
}

/// The report as CSV: one row per item and round, UTF-8 with a BOM (so Excel reads it as
/// UTF-8), every cell quoted and neutralised against formula injection.
pub fn csv(view: &View, lang: Lang) -> Result<Vec<u8>, RenderError> {
    let text = render("report.csv", view, lang)?;
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(text.as_bytes());
    Ok(out)
}

thread_local! {
    /// The checklists of the running `medsec report` (bundled and --checklist files), for the
    /// page written into the bundle.
    static CATALOG: RefCell<Option<Catalog>> = const { RefCell::new(None) };
}

/// Run `f` with `catalog` as the checklists [`bundle_files`] reads items from.
pub fn with_catalog<T>(catalog: &Catalog, f: impl FnOnce() -> T) -> T {
    CATALOG.with(|c| *c.borrow_mut() = Some(catalog.clone()));
    let out = f();
    CATALOG.with(|c| *c.borrow_mut() = None);
    out
}

/// The files a bundle holds for people besides report.json: `report.html` in Japanese, made
/// from `report` (whose bytes are `report_bytes`), signed by `key_id` at `timestamp` (seconds)
/// when a key is given. Called by `report::bundle` before the manifest is written, so the page
/// is listed and signed with the rest; the vendors' signatures are read from the bundle
/// folder `dir`, where they already are.
pub fn bundle_files(
    report: &Report,
    report_bytes: &[u8],
    key_id: Option<&str>,
    timestamp: i64,
    dir: &std::path::Path,
) -> Vec<(&'static str, Vec<u8>)> {
    let catalog = CATALOG
        .with(|c| c.borrow().clone())
        .or_else(|| Catalog::bundled().ok())
        .unwrap_or_default();
    let signed_at = key_id.and_then(|_| {
        jiff::Timestamp::from_second(timestamp)
            .ok()
            .map(|t| view::japan_time(t, Lang::Ja))
    });
    let verification = Verification {
        state: if key_id.is_some() {
            VerificationState::Bundled
        } else {
            VerificationState::Unsigned
        },
        key_id: key_id.map(str::to_owned),
        signed_at,
        findings: Vec::new(),
        worst: None,
        vendor_keys: report
            .vendor_forms
            .iter()
            .filter_map(|f| f.signature.as_deref())
            .filter_map(|sig| {
                let bytes = crate::signing::manifest::read_bounded(
                    &dir.join(sig),
                    crate::limits::SIGNATURE_MAX_BYTES,
                )
                .ok()?;
                Some((sig.to_owned(), view::signature_claims(&bytes, Lang::Ja)?))
            })
            .collect(),
    };
    // The rows' overdue dates on the day the findings were judged (`check --as-of` included).
    let as_of = report
        .judged_on()
        .unwrap_or_else(crate::dates::today_in_japan);
    let sha = crate::signing::manifest::sha256_bytes(report_bytes);
    let view = view::build(report, &sha, verification, &catalog, Lang::Ja, as_of);
    let page = html(&view, Lang::Ja).unwrap_or_else(|e| {
        // Never reached with the tested templates; the page still says what went wrong.
        format!(
            "<!DOCTYPE html><meta charset=\"utf-8\"><pre>{}</pre>",
            escape_text(&e.0)
        )
    });
    vec![(BUNDLE_FILE, page.into_bytes())]
}

fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_svg_is_inline_and_has_no_namespace_url() {
        let svg = qr_svg("medsec:sha256=00;key=AB").unwrap();
        assert!(svg.starts_with("<svg class=\"qr\""), "{svg}");
        assert!(!svg.contains("http"), "{svg}");
        assert!(svg.ends_with("</svg>"));
    }
}
