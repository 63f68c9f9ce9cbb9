//! Entry points for the fuzz targets in `fuzz/`: each hands bytes from outside to one parser,
//! the way medsec reads that kind of input, and drops the result. A panic, a hang or a blown
//! allocation here is a bug. Not part of the tool's interface; never prints.

use crate::answers::{self, sheet, FileFormat};
use crate::checklist::Lang;
use std::path::Path;

/// The bundled checklists, parsed once per fuzzing process rather than once per input.
fn catalog() -> Option<&'static crate::checklist::Catalog> {
    static CATALOG: std::sync::OnceLock<Option<crate::checklist::Catalog>> =
        std::sync::OnceLock::new();
    CATALOG
        .get_or_init(|| crate::checklist::Catalog::bundled().ok())
        .as_ref()
}

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// A checklist TOML file.
pub fn checklist_toml(data: &[u8]) {
    if let Some(s) = text(data) {
        let _ = crate::checklist::load_str(
            "fuzz.toml",
            s,
            crate::checklist::Origin::Bundled("fuzz.toml"),
        );
    }
}

/// An answers file (or vendor form) as TOML or YAML, checked against the bundled checklists.
pub fn answers(data: &[u8], format: FileFormat) {
    let Some(s) = text(data) else { return };
    let name = match format {
        FileFormat::Toml => "fuzz.toml",
        FileFormat::Yaml => "fuzz.yaml",
    };
    let Ok(loaded) = answers::load_str(Path::new(name), format, s.to_owned(), Lang::Ja) else {
        return;
    };
    if let Some(catalog) = catalog() {
        if let Ok(c) = catalog.resolve(&loaded.set.checklist.full_id(), None) {
            let _ = answers::bind(&loaded, &c.checklist);
        }
    }
}

/// A CSV answers sheet in any encoding, turned into updates for the first bundled checklist.
pub fn sheet_csv(data: &[u8]) {
    let Ok((text, _)) = sheet::decode(data) else {
        return;
    };
    let Ok(rows) = sheet::csv_rows(&text) else {
        return;
    };
    updates(&rows);
}

/// An XLSX answers sheet (the same reader serves the asset ledger).
pub fn sheet_xlsx(data: &[u8]) {
    if let Ok((_, rows)) = crate::limits::workbook::read_sheet(data, None) {
        let rows: Vec<(usize, Vec<sheet::Cell>)> = rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let cells = r.iter().map(|c| sheet::Cell::Text(c.to_string())).collect();
                (i + 1, cells)
            })
            .collect();
        updates(&rows);
    }
}

fn updates(rows: &[(usize, Vec<sheet::Cell>)]) {
    if let Some(catalog) = catalog() {
        if let Some(c) = catalog.all().first() {
            let _ = sheet::updates_from_rows(Path::new("fuzz.csv"), rows, &c.checklist);
        }
    }
}

/// report.json, as verify reads it (the view first, then the whole report).
pub fn report_json(data: &[u8]) {
    let path = Path::new("report.json");
    let _ = crate::report::ReportView::parse(path, data);
    let _ = crate::report::Report::parse(path, data);
}

/// A bundle's manifest.
pub fn manifest(data: &[u8]) {
    if let Some(s) = text(data) {
        let _ = crate::signing::manifest::Manifest::parse(s);
    }
}

/// A minisign signature over a fixed manifest, and its trusted comment.
pub fn signature(data: &[u8]) {
    let keys = crate::signing::trusted::TrustedKeys::default();
    let _ = crate::signing::verify::check_signature_bytes(b"manifest\n", data, &keys);
    if let Some(s) = text(data) {
        let _ = crate::signing::comment::parse(s);
    }
}

/// A public key file.
pub fn public_key(data: &[u8]) {
    if let Some(s) = text(data) {
        let _ = crate::signing::keys::PublicKey::from_text(s);
    }
}

/// keys.toml, the inspector's trusted keys.
pub fn keys_toml(data: &[u8]) {
    if let Some(s) = text(data) {
        let _ = crate::signing::trusted::TrustedKeys::parse(Path::new("keys.toml"), s);
    }
}

/// The probe configuration TOML.
pub fn probe_config(data: &[u8]) {
    if let Some(s) = text(data) {
        let _ = crate::probes::config::parse("probes.toml", s);
    }
}

/// dpkg's status file, then the same bytes as an apt package list against what it installed.
pub fn dpkg_status(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let installed = crate::probes::patch::parse_dpkg_status(&s);
    let mut candidates = crate::probes::patch::Candidates::new(&installed);
    let _ = candidates.add_reader(
        "deb.debian.org_debian_dists_trixie-security_main_binary-amd64_Packages",
        data,
    );
}

/// restic's `snapshots --json` and borg's `list --json` output.
pub fn backup_json(data: &[u8]) {
    let _ = serde_json::from_slice::<Vec<crate::probes::backup::ResticSnapshot>>(data);
    let _ = serde_json::from_slice::<crate::probes::backup::BorgList>(data);
}

/// A `Get-HotFix | Export-Csv` file.
pub fn hotfix_csv(data: &[u8]) {
    let (s, _) = crate::probes::text::decode(data);
    let _ = crate::probes::patch::parse_hotfix_csv(&s, None);
}

/// The asset ledger as CSV (its XLSX reader is [`sheet_xlsx`]'s), and its header search.
pub fn ledger_csv(data: &[u8]) {
    if let Ok(rows) = crate::probes::ledger::rows_of(data, "csv", None) {
        let _ = crate::probes::ledger::find_header(&rows, &std::collections::BTreeMap::new());
    }
}
