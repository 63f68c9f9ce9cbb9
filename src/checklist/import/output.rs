//! The checklist file written from what was read: top-level fields, sections and items, as
//! TOML with a fixed order and no time stamps, so the same workbook gives the same bytes.

use super::grid::Grid;
use super::layout::Layout;
use super::number::normalise;
use super::official::OfficialWorkbook;
use super::rows::Parsed;
use super::{ImportError, ImportOptions};
use crate::checklist::{Form, InstitutionKind, Lang};
use crate::tr;

/// The form's title: the first cell above the header that names a checklist (チェックリスト).
/// A `--map` counts its `header-rows` from the sheet's first row, so there the title is looked
/// for in those rows (the title 「…（令和8年度版）」 in A1 above a header in rows 5-6).
pub(super) fn title_of(grid: &Grid, layout: &Layout) -> Option<String> {
    let above = if layout.header_start == 0 {
        layout.data_start
    } else {
        layout.header_start
    };
    (0..above).find_map(|r| {
        grid.rows.get(r)?.iter().find_map(|c| {
            let t = normalise(&c.text);
            (c.merged_from.is_none() && t.contains("チェックリスト")).then_some(t)
        })
    })
}

/// The checklist's top-level fields.
pub(super) struct Meta {
    pub(super) id: String,
    pub(super) publisher: String,
    pub(super) edition: String,
    pub(super) fiscal_year: i32,
    pub(super) form: Form,
    pub(super) serves: Vec<String>,
    pub(super) guideline_version: String,
    pub(super) source_url: Option<String>,
}

pub(super) fn metadata(
    opts: &ImportOptions,
    official: Option<&OfficialWorkbook>,
    title: &str,
    file: &str,
) -> Result<Meta, ImportError> {
    let form = opts
        .form
        .or_else(|| official.and_then(|w| Form::parse(&w.form)))
        .unwrap_or(if title.contains("事業者") {
            Form::Vendor
        } else if title.contains("薬局確認用") && !title.contains("医療機関") {
            Form::Pharmacy
        } else {
            Form::Institution
        });
    let edition = match (&opts.edition, official) {
        (Some(e), _) => e.clone(),
        (None, Some(w)) => w.edition.clone(),
        (None, None) => reiwa_year(title)
            .map(|fy| format!("fy{fy}"))
            .ok_or_else(|| ImportError::NoEdition {
                file: file.to_owned(),
            })?,
    };
    let fiscal_year = edition
        .strip_prefix("fy")
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse::<i32>().ok())
        .ok_or_else(|| ImportError::BadEdition {
            edition: edition.clone(),
        })?;
    // Only an official workbook (by SHA-256) is named after its publisher; any other is named
    // after its file, never given MHLW's identity.
    let id = match (&opts.id, official) {
        (Some(id), _) => id.clone(),
        (None, Some(w)) => format!("{}-{form}", w.publisher),
        (None, None) => format!("{}-{form}", publisher_from_file(file)),
    };
    let publisher = id
        .strip_suffix(&format!("-{form}"))
        .filter(|p| !p.is_empty())
        .ok_or_else(|| ImportError::BadId {
            id: id.clone(),
            form: form.to_string(),
        })?
        .to_owned();
    // What the form states (verify compares it the same way); where it states nothing,
    // hospitals and clinics, a guess.
    let serves = match official {
        Some(w) => w.serves.clone(),
        None => crate::checklist::wording::serves_stated_by(form, title)
            .unwrap_or_else(|| vec![InstitutionKind::Hospital, InstitutionKind::Clinic])
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
    };
    // Guideline 7.0 came with the FY2026 form; earlier forms derive from 6.0.
    let guideline_version = official.map_or_else(
        || if fiscal_year >= 2026 { "7.0" } else { "6.0" }.to_owned(),
        |w| w.guideline_version.clone(),
    );
    Ok(Meta {
        id,
        publisher,
        edition,
        fiscal_year,
        form,
        serves,
        guideline_version,
        source_url: official.map(|w| w.source_url.clone()),
    })
}

/// A publisher name for a workbook that is not an official one, from its file name: the
/// letters and digits of its name (lower case, other characters as one `-`), at most 40
/// characters; `own` when the name has none (a Japanese file name) or is `mhlw`, and when
/// a name that is not all ASCII gives digits only: those are a fragment (the 8 of
/// 「令和8年度 チェックリスト」), not a name, while an all-ASCII number (`001716187`) is one.
pub(super) fn publisher_from_file(file: &str) -> String {
    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let fragment = !stem.is_ascii() && !slug.chars().any(|c| c.is_ascii_alphabetic());
    if slug.is_empty() || slug == "mhlw" || fragment {
        "own".to_owned()
    } else {
        slug.to_owned()
    }
}

/// The fiscal year of a 「令和N年度」 (digits ASCII or full-width, 元 for 1) in `text`.
pub(super) fn reiwa_year(text: &str) -> Option<i32> {
    let at = text.find("令和")?;
    let rest = text.get(at + "令和".len()..)?;
    let mut n = 0i32;
    let mut digits = 0;
    let mut chars = rest.chars();
    for c in chars.by_ref() {
        let d = match c {
            '0'..='9' => c as i32 - '0' as i32,
            '０'..='９' => c as i32 - '０' as i32,
            '元' if digits == 0 => {
                digits = 1;
                n = 1;
                break;
            }
            _ => break,
        };
        n = n * 10 + d;
        digits += 1;
        if digits > 2 {
            return None;
        }
    }
    let after: String = rest.chars().skip(digits).take(2).collect();
    (digits > 0 && after == "年度").then_some(2018 + n)
}

pub(super) struct Output<'a> {
    pub(super) meta: &'a Meta,
    pub(super) title: &'a str,
    pub(super) file: &'a str,
    pub(super) sheet: &'a str,
    pub(super) sha256: &'a str,
    pub(super) source: &'a str,
    /// The layout recorded for `answer --export --layout official`.
    pub(super) layout: &'a str,
    /// The cells as printed, per item (`printed::record`).
    pub(super) printed: &'a [Vec<String>],
    pub(super) official: Option<&'a OfficialWorkbook>,
    pub(super) parsed: &'a Parsed,
    /// The `[rules]` block with its comment (`rules::block`).
    pub(super) rules: &'a str,
    /// `--ids-from`: the earlier ID each reworded item replaces, by index into the items.
    pub(super) replaces: &'a std::collections::BTreeMap<usize, String>,
    /// `--ids-from`: the English carried from the earlier item, by index into the items.
    pub(super) english: &'a std::collections::BTreeMap<usize, String>,
    /// `--ids-from`: the English section titles carried, by section ID.
    pub(super) section_english: &'a std::collections::BTreeMap<String, String>,
    pub(super) ids_from: Option<&'a super::IdsFrom>,
}

/// A TOML basic string (the escaping answers files are written with).
fn q(s: &str) -> String {
    crate::answers::template::quote(s)
}

/// English for an imported text: the Japanese, marked untranslated (medsec never invents a
/// translation of official wording).
pub(super) fn untranslated(ja: &str) -> String {
    tr!(Lang::En, "workbook-untranslated", text = ja)
}

pub(super) fn write(o: &Output<'_>) -> String {
    use std::fmt::Write as _;
    let m = o.meta;
    let mut s = String::new();
    let _ = writeln!(s, "# medsec checklist import: {} {}", o.file, o.sha256);
    if let Some(from) = o.ids_from {
        let _ = writeln!(
            s,
            "# --ids-from {} {}",
            from.checklist.full_id(),
            from.digest
        );
    }
    let _ = writeln!(s, "format_version = 1");
    let _ = writeln!(s, "id = {}", q(&m.id));
    let _ = writeln!(s, "edition = {}", q(&m.edition));
    let _ = writeln!(s, "fiscal_year = {}", m.fiscal_year);
    let _ = writeln!(s, "form = {}", q(m.form.as_str()));
    let _ = writeln!(s, "publisher = {}", q(&m.publisher));
    let _ = writeln!(s, "guideline_version = {}", q(&m.guideline_version));
    let serves: Vec<String> = m.serves.iter().map(|v| q(v)).collect();
    let _ = writeln!(s, "serves = [{}]", serves.join(", "));
    if let Some(url) = &m.source_url {
        let _ = writeln!(s, "source_url = {}", q(url));
    }
    let _ = writeln!(
        s,
        "\n[title]\nja = {}\nen = {}",
        q(o.title),
        q(&untranslated(o.title))
    );
    let notes = |lang: Lang| {
        let imported = tr!(
            lang,
            "workbook-notes-imported",
            sheet = o.sheet,
            file = o.file,
            sha256 = o.sha256
        );
        let provenance = match o.official {
            Some(w) => tr!(
                lang,
                "workbook-notes-official",
                form = w.form_ja.as_str(),
                published = crate::dates::iso_for_people(&w.published, lang)
            ),
            None => tr!(lang, "workbook-notes-unofficial"),
        };
        tr!(
            lang,
            "workbook-notes",
            imported = imported,
            provenance = provenance
        )
    };
    let _ = writeln!(
        s,
        "\n[notes]\nja = {}\nen = {}",
        q(&notes(Lang::Ja)),
        q(&notes(Lang::En))
    );
    s.push_str(o.rules);
    for sec in &o.parsed.sections {
        // The gate's section, printed without a heading, gets medsec's label for it.
        let default = |lang| {
            if sec.id == "0" {
                tr!(lang, "checklist-import-gate-section")
            } else {
                tr!(lang, "workbook-default-section")
            }
        };
        let ja = sec.title.clone().unwrap_or_else(|| default(Lang::Ja));
        let en = match (&sec.title, o.section_english.get(&sec.id)) {
            (Some(_), Some(carried)) => carried.clone(),
            (Some(t), None) => untranslated(t),
            (None, _) => default(Lang::En),
        };
        let _ = writeln!(
            s,
            "\n[[sections]]\nid = {}\ntitle = {{ ja = {}, en = {} }}",
            q(&sec.id),
            q(&ja),
            q(&en)
        );
    }
    let guidance_ja = tr!(Lang::Ja, "workbook-guidance");
    let guidance_en = tr!(Lang::En, "workbook-guidance");
    let unverified = tr!(
        Lang::En,
        "workbook-unverified",
        file = o.file,
        sha256 = o.sha256
    );
    for (index, item) in o.parsed.items.iter().enumerate() {
        let _ = writeln!(s, "\n# {}", item.cell);
        let _ = writeln!(s, "[[items]]");
        let _ = writeln!(s, "id = {}", q(&item.id));
        let _ = writeln!(s, "number = {}", q(&item.number));
        let _ = writeln!(s, "section = {}", q(&item.section));
        if !item.scope.is_empty() {
            let scope: Vec<String> = item.scope.iter().map(|x| q(x.as_str())).collect();
            let _ = writeln!(s, "scope = [{}]", scope.join(", "));
        }
        let _ = writeln!(s, "requirement = \"required\"");
        if let Some(old) = o.replaces.get(&index) {
            let _ = writeln!(s, "replaces = [{}]", q(old));
        }
        if item.gate {
            let _ = writeln!(s, "gate = true");
        }
        let _ = writeln!(s, "text.ja = {}", q(&item.text));
        let en = o
            .english
            .get(&index)
            .cloned()
            .unwrap_or_else(|| untranslated(&item.text));
        let _ = writeln!(s, "text.en = {}", q(&en));
        let _ = writeln!(s, "guidance.ja = {}", q(&guidance_ja));
        let _ = writeln!(s, "guidance.en = {}", q(&guidance_en));
        let _ = writeln!(s, "verified = {}", o.official.is_some());
        let mut sources = vec![
            q(o.source),
            q(o.layout),
            q(&super::columns::row_source(item.row)),
        ];
        sources.extend(o.printed.get(index).into_iter().flatten().map(|p| q(p)));
        let _ = writeln!(s, "sources = [{}]", sources.join(", "));
        if o.official.is_none() {
            let _ = writeln!(s, "unverified = {}", q(&unverified));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reiwa_years() {
        assert_eq!(reiwa_year("チェックリスト(令和8年度版)"), Some(2026));
        assert_eq!(reiwa_year("令和１０年度"), Some(2028));
        assert_eq!(reiwa_year("令和元年度"), Some(2019));
        assert_eq!(reiwa_year("令和8年6月"), None);
        assert_eq!(reiwa_year("チェックリスト"), None);
    }

    #[test]
    fn publishers_from_file_names() {
        assert_eq!(publisher_from_file("a.xlsx"), "a");
        assert_eq!(
            publisher_from_file("Group Checklist_2026.xlsx"),
            "group-checklist-2026"
        );
        assert_eq!(publisher_from_file("自院チェックリスト.xlsx"), "own");
        assert_eq!(publisher_from_file("病院A.xlsx"), "a");
        assert_eq!(publisher_from_file("MHLW.xlsx"), "own");
        assert_eq!(publisher_from_file("令和8年度 チェックリスト.xlsx"), "own");
        assert_eq!(publisher_from_file("チェックリスト2026.xlsx"), "own");
        assert_eq!(publisher_from_file("001716187.xlsx"), "001716187");
        assert_eq!(publisher_from_file("--x--.xlsx"), "x");
        assert_eq!(publisher_from_file(&"z".repeat(99)).len(), 40);
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(q("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(q("\u{7}"), "\"\\u0007\"");
    }
}
