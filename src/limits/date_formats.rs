//! A date cell is a date whatever its number format. calamine tells dates from numbers by the
//! cell's number format, and knows only the built-in formats of English Excel (14–22) and
//! custom formats with `y`, `m`, `d`, `h` or `s`. Japanese Excel also writes its built-in
//! 和暦 and 年月日 formats by number alone (27–31, 34–36, 50–58, e.g. 58 =
//! `[$-411]ggge"年"m"月"d"日"`), and custom formats may show only the era and year
//! (`[$-ja-JP]ggge"年"`). Before calamine reads a workbook, the cell styles that use such a
//! format are pointed at built-in format 14, so that calamine gives their cells as dates.
//! Nothing else in the workbook changes; the workbook has passed the zip limits already.

use super::workbook::WorkbookError;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};

const STYLES: &str = "xl/styles.xml";

/// Built-in number formats of East Asian Excel that show a date (the ja-JP list of ECMA-376
/// Part 1, 18.8.30; 32 and 33 show a time of day and are left out).
const CJK_BUILTIN_DATES: &[u32] = &[
    27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
];

/// The built-in `m/d/yyyy` format that calamine reads as a date.
const BUILTIN_DATE: &str = "14";

/// Whether a custom number format shows a date: its first section holds a year, day or era
/// token (`y`, `d`, `e`, `g`, case aside, `E` only when not an exponent) outside quotes,
/// brackets and escapes. `m` alone is left to calamine (minutes or months).
pub fn shows_date(format: &str) -> bool {
    let first = format.split(';').next().unwrap_or("");
    if first.trim().eq_ignore_ascii_case("general") {
        return false;
    }
    let chars: Vec<char> = first.chars().collect();
    let (mut quoted, mut brackets, mut escaped) = (false, 0u32, false);
    for (i, &c) in chars.iter().enumerate() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' | '_' | '*' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '[' => brackets += 1,
            ']' => brackets = brackets.saturating_sub(1),
            _ if brackets > 0 => {}
            'y' | 'Y' | 'd' | 'D' | 'e' | 'g' | 'G' => return true,
            'E' if !matches!(chars.get(i + 1), Some('+' | '-')) => return true,
            _ => {}
        }
    }
    false
}

/// The workbook in `bytes`, with the cell styles that show dates in formats calamine does not
/// know pointed at a format it knows; the same bytes when there are none.
pub fn with_dates_known(bytes: &[u8]) -> Result<Cow<'_, [u8]>, WorkbookError> {
    let unreadable = |e: &dyn std::fmt::Display| WorkbookError::Unreadable(e.to_string());
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| WorkbookError::NotZip(e.to_string()))?;
    let Some(index) = zip.index_for_name(STYLES) else {
        return Ok(Cow::Borrowed(bytes));
    };
    let mut styles = String::new();
    zip.by_index(index)
        .map_err(|e| unreadable(&e))?
        .read_to_string(&mut styles)
        .map_err(|e| unreadable(&format!("`{STYLES}`: {e}")))?;
    let Some(patched) =
        patch_styles(&styles).map_err(|e| unreadable(&format!("`{STYLES}`: {e}")))?
    else {
        return Ok(Cow::Borrowed(bytes));
    };
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    for i in 0..zip.len() {
        if i == index {
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            out.start_file(STYLES, options)
                .map_err(|e| unreadable(&e))?;
            out.write_all(patched.as_bytes())
                .map_err(|e| unreadable(&e))?;
        } else {
            let entry = zip.by_index_raw(i).map_err(|e| unreadable(&e))?;
            out.raw_copy_file(entry).map_err(|e| unreadable(&e))?;
        }
    }
    let done = out.finish().map_err(|e| unreadable(&e))?;
    Ok(Cow::Owned(done.into_inner()))
}

/// styles.xml with every cell style (`cellXfs/xf`) whose number format shows a date that
/// calamine would not see pointed at format 14; `None` when no style needs it.
fn patch_styles(xml: &str) -> Result<Option<String>, quick_xml::Error> {
    // Custom formats come before the cell styles (numFmts is the first child).
    let mut custom: BTreeSet<String> = BTreeSet::new();
    let mut defined: BTreeSet<String> = BTreeSet::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"numFmt" => {
                let id = attr(&e, b"numFmtId");
                let code = attr(&e, b"formatCode");
                if let Some(id) = id {
                    if code.as_deref().is_some_and(shows_date) {
                        custom.insert(id.clone());
                    }
                    defined.insert(id);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let is_date = |id: &str| {
        custom.contains(id)
            || (!defined.contains(id)
                && id
                    .parse::<u32>()
                    .is_ok_and(|n| CJK_BUILTIN_DATES.contains(&n)))
    };
    let needs = |e: &BytesStart<'_>| {
        e.local_name().as_ref() == b"xf" && attr(e, b"numFmtId").is_some_and(|id| is_date(&id))
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(xml.len()));
    let mut in_cell_xfs = false;
    let mut changed = false;
    loop {
        let event = reader.read_event()?;
        let event = match event {
            Event::Start(e) if e.local_name().as_ref() == b"cellXfs" => {
                in_cell_xfs = true;
                Event::Start(e)
            }
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => {
                in_cell_xfs = false;
                Event::End(e)
            }
            Event::Start(e) if in_cell_xfs && needs(&e) => {
                changed = true;
                Event::Start(repoint(&e))
            }
            Event::Empty(e) if in_cell_xfs && needs(&e) => {
                changed = true;
                Event::Empty(repoint(&e))
            }
            Event::Eof => break,
            other => other,
        };
        writer.write_event(event).map_err(quick_xml::Error::from)?;
    }
    if !changed {
        return Ok(None);
    }
    Ok(String::from_utf8(writer.into_inner()).ok())
}

/// A copy of `e` with `numFmtId` set to the built-in date format.
fn repoint(e: &BytesStart<'_>) -> BytesStart<'static> {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut out = BytesStart::new(name);
    for a in e.attributes().flatten() {
        if a.key.local_name().as_ref() == b"numFmtId" {
            out.push_attribute((a.key.as_ref(), BUILTIN_DATE.as_bytes()));
        } else {
            out.push_attribute((a.key.as_ref(), a.value.as_ref()));
        }
    }
    out
}

fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            let raw = std::str::from_utf8(&a.value).ok()?;
            quick_xml::escape::unescape(raw)
                .ok()
                .map(|v| v.into_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_by_their_tokens() {
        for f in [
            "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"",
            "[$-411]ge.m.d",
            "[$-411]ggge\"年\"m\"月\"d\"日\";@",
            "[$-ja-JP]ggge\"年\"",
            "[DBNum3][$-411]gggee\"年\"",
            "yyyy\"年\"m\"月\"d\"日\"",
            "[$-x-sysdate]dddd, mmmm dd, yyyy",
        ] {
            assert!(shows_date(f), "{f}");
        }
        for f in [
            "General",
            "0.00E+00",
            "#,##0\"日\"",
            "h:mm",
            "[h]:mm:ss",
            "@",
            "0_ ;[Red]\\-0\\ ",
            "\"Y: \"0.00",
        ] {
            assert!(!shows_date(f), "{f}");
        }
    }

    /// A workbook with the serial 45811 (2025-06-03) in A1..An, one number format each.
    fn dated(formats: &[&str]) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (i, f) in formats.iter().enumerate() {
            let format = rust_xlsxwriter::Format::new().set_num_format(*f);
            ws.write_number_with_format(u32::try_from(i).unwrap(), 0, 45811.0, &format)
                .unwrap();
        }
        wb.save_to_buffer().unwrap()
    }

    /// The workbook with its styles.xml passed through `edit`.
    fn edit_styles(bytes: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().to_owned();
            let mut text = Vec::new();
            f.read_to_end(&mut text).unwrap();
            if name == STYLES {
                text = edit(std::str::from_utf8(&text).unwrap()).into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&text).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    fn dates_read(bytes: &[u8]) -> Vec<Option<jiff::civil::Date>> {
        let (_, rows) = super::super::workbook::read_sheet(bytes, None).unwrap();
        rows.iter()
            .map(|r| match r.first() {
                Some(calamine::Data::DateTime(dt)) => super::super::workbook::excel_date(dt),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn custom_wareki_formats_are_dates() {
        let june3 = Some(jiff::civil::date(2025, 6, 3));
        let formats = [
            "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"",
            "[$-411]ge.m.d",
            "[$-ja-JP]ggge\"年\"",
            "[$-411]gggee\"年\"mm\"月\"dd\"日\";@",
            "yyyy/m/d",
        ];
        assert_eq!(dates_read(&dated(&formats)), vec![june3; formats.len()]);
    }

    #[test]
    fn japanese_builtin_formats_by_number_alone_are_dates() {
        // Japanese Excel writes its built-in 和暦 formats as numFmtId 27..58 with no numFmt.
        for id in ["27", "31", "57", "58"] {
            let bytes = edit_styles(&dated(&["[$-411]ge.m.d"]), |xml| {
                let start = xml.find("<numFmts").unwrap();
                let end = xml.find("</numFmts>").unwrap() + "</numFmts>".len();
                format!("{}{}", &xml[..start], &xml[end..])
                    .replace("numFmtId=\"164\"", &format!("numFmtId=\"{id}\""))
            });
            assert!(!String::from_utf8_lossy(&bytes).contains("ge.m.d"));
            assert_eq!(
                dates_read(&bytes),
                vec![Some(jiff::civil::date(2025, 6, 3))],
                "{id}"
            );
        }
        // A plain number stays a number.
        let plain = edit_styles(&dated(&["0"]), |xml| xml.to_owned());
        assert_eq!(dates_read(&plain), vec![None]);
    }
}
