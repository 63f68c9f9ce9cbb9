//! `medsec render`: the report for people (HTML, Markdown, CSV, XLSX) from a bundle or a
//! report.json, and the report.html that `medsec report` writes into the bundle.

use crate::common;

use common::{fixture, in_ci, keygen, stderr_of, stdout_of, with_fixtures};
use std::path::{Path, PathBuf};

const AS_OF: &str = "2026-04-10";

/// A signed bundle made by `medsec report` from the answers fixtures (changed by `edit`), with
/// the probe evidence: `(tmp, bundle, key name)`.
fn bundle_with(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    for f in ["vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), dir.join(f)).unwrap();
    }
    let text = std::fs::read_to_string(fixture("answers/complete.toml")).unwrap();
    std::fs::write(dir.join("complete.toml"), edit(text)).unwrap();
    let key = tmp.path().join("hospital");
    keygen(&key);
    let out = tmp.path().join("bundle");
    let o = with_fixtures()
        .arg("report")
        .arg("--answers")
        .arg(dir.join("complete.toml"))
        .arg("--evidence")
        .arg(fixture("report/evidence.json"))
        .arg("--out")
        .arg(&out)
        .arg("--sign")
        .arg(key.with_extension("key"))
        .output()
        .unwrap();
    // The contradiction in the probe evidence is an error finding: written, exit 1.
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    (tmp, out, key)
}

fn bundle() -> (tempfile::TempDir, PathBuf, PathBuf) {
    bundle_with(|t| t)
}

/// `medsec render ARGS... --as-of AS_OF --lang LANG`: (exit code, stdout bytes, stderr).
fn render(lang: &str, args: &[&std::ffi::OsStr]) -> (i32, Vec<u8>, String) {
    let o = with_fixtures()
        .args(["--lang", lang, "render", "--as-of", AS_OF])
        .args(args)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        o.stdout.clone(),
        stderr_of(&o),
    )
}

fn render_ok(lang: &str, input: &Path, format: &str) -> Vec<u8> {
    let (code, out, err) = render(
        lang,
        &[input.as_os_str(), "--format".as_ref(), format.as_ref()],
    );
    assert_eq!(code, 0, "{err}");
    out
}

fn sha256_hex(bytes: &[u8]) -> String {
    medsec::signing::manifest::sha256_bytes(bytes)
}

/// The key ID (line 2 of the .pub file, decoded) as minisign prints it.
fn key_id(key: &Path) -> String {
    medsec::signing::keys::read_public_key(&key.with_extension("pub"))
        .unwrap()
        .key_id
}

fn volatile_filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"\b[0-9a-f]{64}\b", "[sha256]"),
        (r"\b[0-9a-f]{12}\b", "[sha256-12]"),
        (r"\b[0-9A-F]{16}\b", "[key-id]"),
        (r"\d{4}-\d\d-\d\d(\([^)]*\))? \d\d:\d\d \+09:00", "[time]"),
        // An overdue target date is judged as of the day the report is made.
        (r"\d{4}-\d\d-\d\d\(令和\d+年\d+月\d+日\)時点", "[today]時点"),
        (r"as of \d{4}-\d\d-\d\d(\(令和[^)]*\))?", "as of [today]"),
    ]
}

#[test]
fn markdown_and_csv_snapshots_in_both_languages() {
    let (_tmp, bundle, _) = bundle();
    for lang in ["ja", "en"] {
        let md = String::from_utf8(render_ok(lang, &bundle, "md")).unwrap();
        // reports12-3: the heading says the form and the edition once each, and each finding
        // says where it comes from (its source and file:line), as the HTML does.
        let heading = md.lines().nth(2).unwrap();
        let (form, year) = match lang {
            "ja" => ("医療機関確認用", "令和7年度"),
            _ => ("institution", "FY2025"),
        };
        assert_eq!(heading.matches(form).count(), 1, "{heading}");
        assert_eq!(heading.matches(year).count(), 1, "{heading}");
        let source = match lang {
            "ja" => "| 回答の確認 `complete.toml:41` |",
            _ => "| answers check `complete.toml:41` |",
        };
        assert!(md.contains(source), "{md}");
        let csv = String::from_utf8(render_ok(lang, &bundle, "csv")).unwrap();
        insta::with_settings!({filters => volatile_filters()}, {
            insta::assert_snapshot!(format!("render-md-{lang}"), md);
            insta::assert_snapshot!(format!("render-csv-{lang}"), csv);
        });
    }
}

/// reports12-9: the HTML page too, as a snapshot in both languages (the QR code's drawing,
/// which follows the volatile SHA-256, filtered; the decoded QR is checked below).
#[test]
fn html_snapshots_in_both_languages() {
    let (_tmp, bundle, _) = bundle();
    for lang in ["ja", "en"] {
        let html = String::from_utf8(render_ok(lang, &bundle, "html")).unwrap();
        let mut filters = volatile_filters();
        filters.push((r"(?s)<svg .*?</svg>", "[qr-svg]"));
        insta::with_settings!({filters => filters}, {
            insta::assert_snapshot!(format!("render-html-{lang}"), html);
        });
    }
}

#[test]
fn html_is_self_contained_and_carries_the_report_digest_and_key() {
    let (_tmp, bundle, key) = bundle();
    let html = String::from_utf8(render_ok("ja", &bundle, "html")).unwrap();
    let sha = sha256_hex(&std::fs::read(bundle.join("report.json")).unwrap());
    let id = key_id(&key);
    // Nothing outside the file: no script, no link, no remote resource of any kind.
    let lower = html.to_lowercase();
    for banned in [
        "http://", "https://", "<script", "<link", "<img", "<iframe", "<object", "<embed",
        "@import", "url(", "src=", "href=",
    ] {
        assert!(!lower.contains(banned), "{banned} in the page");
    }
    // The footer on every printed page: digest, key, signed time, page n/m.
    assert!(html.contains("@page"), "no print CSS");
    assert!(html.contains("counter(page)") && html.contains("counter(pages)"));
    assert!(html.contains(&format!("content: \"SHA-256 {sha}\"")));
    assert!(html.contains(&id));
    // What was checked is said, in the page's language.
    assert!(
        html.contains("すべてのファイルがマニフェストと一致しました"),
        "{html}"
    );
    // The form's parts: institution, items with printed numbers, rounds, dates in 和暦,
    // いいえ highlighted with its overdue target date, evidence, probes, findings, vendor form.
    for part in [
        "テスト診療所",
        "0110113719",
        "医療情報システム安全管理責任者",
        "2-⑩",
        "1回目",
        "2回目",
        "令和8年3月31日",
        "class=\"round ans-no\"",
        "目標日超過",
        "evidence&#x2f;complete&#x2f;evidence&#x2f;appointment.txt",
        "verdict-fail",
        "answer-contradicted-by-probe",
        "株式会社テストシステム",
    ] {
        assert!(html.contains(part), "{part} missing");
    }
    // The QR code decodes to the report's SHA-256 and the key ID.
    assert_eq!(decode_qr(&html), format!("medsec:sha256={sha};key={id}"));
    // With the key, the page says the signature was checked.
    let (code, out, err) = render(
        "en",
        &[
            bundle.as_os_str(),
            "--pubkey".as_ref(),
            key.with_extension("pub").as_os_str(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let html = String::from_utf8(out).unwrap();
    assert!(
        html.contains("The signature verified with a trusted key"),
        "{html}"
    );
    assert!(html.contains("Round 1") && html.contains("<html lang=\"en\">"));
    // verify's findings on a valid bundle are listed in the page.
    assert!(html.contains("vendor-form-unsigned"), "{html}");
    // Another key: not rendered.
    let other = bundle.parent().unwrap().join("other");
    keygen(&other);
    let (code, out, err) = render(
        "en",
        &[
            bundle.as_os_str(),
            "--pubkey".as_ref(),
            other.with_extension("pub").as_os_str(),
        ],
    );
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty() && err.contains("key-wrong"), "{err}");
}

/// The QR code's SVG in `html`, drawn to a bitmap and read back with rqrr.
fn decode_qr(html: &str) -> String {
    let start = html.find("<svg class=\"qr\"").expect("a QR code");
    let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
    let attr = |name: &str| -> usize {
        let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
    };
    let (w, h) = (attr("width"), attr("height"));
    let d_at = svg.find(" d=\"").unwrap() + 4;
    let d = &svg[d_at..d_at + svg[d_at..].find('"').unwrap()];
    // The path is a list of rectangles `M{x} {y}h{w}v{h}H{x}V{y}`.
    let mut dark = vec![false; w * h];
    for rect in d.split('M').filter(|r| !r.is_empty()) {
        let nums: Vec<usize> = rect
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let (x, y, rw, rh) = (nums[0], nums[1], nums[2], nums[3]);
        for yy in y..y + rh {
            for xx in x..x + rw {
                dark[yy * w + xx] = true;
            }
        }
    }
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(
            w,
            h,
            |x, y| {
                if dark[y * w + x] {
                    0
                } else {
                    255
                }
            },
        );
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("the QR code decodes").1
}

#[test]
fn every_string_from_a_file_is_escaped() {
    let (_tmp, bundle, _) = bundle_with(|t| {
        t.replace(
            "name = \"テスト診療所\"",
            "name = \"<script>alert(1)</script> & \\\"quoted\\\"\"",
        )
        .replace("ログ確認の手順を作成中", "=cmd|' /C calc'!A0")
    });
    let html = String::from_utf8(render_ok("ja", &bundle, "html")).unwrap();
    assert!(!html.to_lowercase().contains("<script"), "raw script tag");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "{html}"
    );
    let md = String::from_utf8(render_ok("en", &bundle, "md")).unwrap();
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    let csv = render_ok("ja", &bundle, "csv");
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("\"'=cmd|' /C calc'!A0\""), "{csv}");
    assert!(!csv.contains(",\"=cmd"), "{csv}");
}

#[test]
fn a_tampered_bundle_is_not_rendered() {
    let (_tmp, bundle, key) = bundle();
    let path = bundle.join("report.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("テスト診療所", "別の診療所")).unwrap();
    for args in [
        vec![bundle.as_os_str()],
        vec![
            bundle.as_os_str(),
            "--pubkey".as_ref(),
            key.with_extension("pub").as_os_str(),
        ],
    ] {
        let (code, out, err) = render("en", &args);
        assert_eq!(code, 3, "{err}");
        assert!(out.is_empty(), "something was rendered");
        assert!(err.contains("file-changed report.json"), "{err}");
        assert!(
            err.contains("tampered content is never shown as valid"),
            "{err}"
        );
    }
}

#[test]
fn a_report_json_alone_says_nothing_was_checked() {
    let (tmp, bundle, _) = bundle();
    // Out of its bundle (inside it, report.json is read as the bundle: tests/report/review12.rs).
    let alone = tmp.path().join("alone");
    std::fs::create_dir_all(&alone).unwrap();
    std::fs::copy(bundle.join("report.json"), alone.join("report.json")).unwrap();
    let (code, out, err) = render(
        "en",
        &[
            alone.join("report.json").as_os_str(),
            "--format".as_ref(),
            "md".as_ref(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("nothing was checked for tampering"), "{md}");
    // The file name is code: backticks in Markdown, <code> in HTML (issue #10).
    assert!(md.contains("Made from `report.json` alone"), "{md}");
    let (code, out, err) = render(
        "ja",
        &[
            alone.join("report.json").as_os_str(),
            "--format".as_ref(),
            "html".as_ref(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let html = String::from_utf8(out).unwrap();
    assert!(
        html.contains("<code>report.json</code>だけから作成したため"),
        "{html}"
    );
    // --out writes the file and says so.
    let target = tmp.path().join("page.html");
    let (code, out, err) = render(
        "ja",
        &[bundle.as_os_str(), "--out".as_ref(), target.as_os_str()],
    );
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(out).unwrap().contains("に書き出しました"));
    assert!(std::fs::read_to_string(target)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
}

#[test]
fn the_bundle_holds_a_signed_report_html() {
    let (_tmp, bundle, key) = bundle();
    let manifest = std::fs::read_to_string(bundle.join("MANIFEST.sha256")).unwrap();
    let page = std::fs::read(bundle.join("report.html")).unwrap();
    assert!(
        manifest.contains(&format!("{}  report.html\n", sha256_hex(&page))),
        "{manifest}"
    );
    let html = String::from_utf8(page).unwrap();
    let sha = sha256_hex(&std::fs::read(bundle.join("report.json")).unwrap());
    assert_eq!(
        decode_qr(&html),
        format!("medsec:sha256={sha};key={}", key_id(&key))
    );
    assert!(html.contains("報告書一式とともに署名されています"));
    assert!(html.contains("テスト診療所") && html.contains("2-⑩"));
    // The bundle verifies with the page in it (findings only: the contradiction).
    let o = with_fixtures()
        .args(["verify", "--as-of", "2025-11-01", "--pubkey"])
        .arg(key.with_extension("pub"))
        .arg(&bundle)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}{}",
        stdout_of(&o),
        stderr_of(&o)
    );
}

#[test]
fn an_unsigned_bundle_says_so_and_its_qr_code_has_no_key() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bundle");
    let o = with_fixtures()
        .arg("report")
        .arg("--answers")
        .arg(fixture("answers/complete.toml"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let html = String::from_utf8(render_ok("en", &out, "html")).unwrap();
    assert!(html.contains("this report is not signed"), "{html}");
    let sha = sha256_hex(&std::fs::read(out.join("report.json")).unwrap());
    assert_eq!(decode_qr(&html), format!("medsec:sha256={sha}"));
    // The page in the bundle says the same.
    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        page.contains("この報告書一式には署名がありません"),
        "{page}"
    );
}

#[test]
fn xlsx_has_the_items_and_the_findings() {
    use calamine::{Reader, Xlsx};
    let (_tmp, bundle, _) = bundle();
    let (code, out, err) = render(
        "en",
        &[bundle.as_os_str(), "--format".as_ref(), "xlsx".as_ref()],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        out.is_empty() && err.contains("give `--out FILE.xlsx`"),
        "{err}"
    );
    let target = bundle.parent().unwrap().join("report.xlsx");
    let (code, _, err) = render(
        "ja",
        &[
            bundle.as_os_str(),
            "--format".as_ref(),
            "xlsx".as_ref(),
            "--out".as_ref(),
            target.as_os_str(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(&target).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names, ["チェック項目", "指摘"]);
    let items = wb.worksheet_range("チェック項目").unwrap();
    let rows: Vec<Vec<String>> = items
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    // The institution heads the sheet; then the header row of the items.
    assert!(rows.iter().any(|r| r[1] == "番号"), "{rows:?}");
    let log = rows.iter().find(|r| r[1] == "2-⑩").expect("item 2-⑩");
    assert_eq!(log[4], "いいえ");
    // 確認日 and 目標日 are real Excel dates (yyyy-mm-dd), not text.
    let row = items
        .rows()
        .find(|r| r[1] == "2-⑩")
        .expect("item 2-⑩")
        .to_vec();
    for (col, want) in [(5, (2025, 6, 3)), (6, (2026, 3, 31))] {
        match &row[col] {
            calamine::Data::DateTime(d) => {
                assert!(d.is_datetime(), "{d:?}");
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                assert_eq!((y, m, day), want, "column {col}");
            }
            other => panic!("column {col} is not a date: {other:?}"),
        }
    }
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(std::fs::read(&target).unwrap())).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("formatCode=\"yyyy-mm-dd\""), "{styles}");
    let findings = wb.worksheet_range("指摘").unwrap();
    assert!(findings
        .rows()
        .any(|r| r[0] == "answer-contradicted-by-probe"));
}

/// The installed Chromium (`chromium` or `chromium-browser`), or `None` outside CI. Debian's
/// `chromium` is installed by .ci/run; under CI=true a missing browser fails the test.
fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok()
    });
    if found.is_none() {
        assert!(
            !in_ci(),
            "chromium is not installed (CI=true): .ci/run installs it"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: chromium is not installed");
        }
    }
    found
}

/// What one headless Chromium run showed: its console messages and the requests the page made.
struct BrowserRun {
    /// Lines Chromium logged for the page's console (`…:CONSOLE…] "message", source: …`).
    console: Vec<String>,
    /// URLs the page asked for that are not the file itself (`file:` or `data:`), from the
    /// network log (requests of the page carry its `file://` network isolation key; the browser's
    /// own background requests do not).
    requests: Vec<String>,
}

/// Opens `page` in headless Chromium with `action` (`--print-to-pdf=…` or `--screenshot=…`),
/// console messages logged to standard error and a network log written. A browser that hangs
/// fails the test rather than the whole run.
fn run_chromium(chromium: &str, page: &Path, action: &str) -> BrowserRun {
    let work = tempfile::tempdir().unwrap();
    let net_log = work.path().join("net.json");
    let err_log = work.path().join("stderr.txt");
    let mut child = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1000,1400",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!(
            "--user-data-dir={}",
            work.path().join("profile").display()
        ))
        .arg(format!("--log-net-log={}", net_log.display()))
        .arg(action)
        .arg(page)
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&err_log).unwrap())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let console = std::fs::read_to_string(&err_log)
        .unwrap()
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&net_log).unwrap()).expect("network log is JSON");
    let requests = log["events"]
        .as_array()
        .expect("network log has events")
        .iter()
        .filter_map(|e| {
            let params = e.get("params")?;
            let url = params.get("url")?.as_str()?;
            let key = params.get("network_isolation_key")?.as_str()?;
            (key.contains("file://") && !url.starts_with("file:") && !url.starts_with("data:"))
                .then(|| url.to_string())
        })
        .collect();
    BrowserRun { console, requests }
}

/// A screenshot of `page` (PNG bytes), taken by headless Chromium.
fn screenshot(chromium: &str, page: &Path) -> (BrowserRun, Vec<u8>) {
    let out = tempfile::tempdir().unwrap();
    let png = out.path().join("shot.png");
    let run = run_chromium(chromium, page, &format!("--screenshot={}", png.display()));
    let bytes = std::fs::read(&png).expect("chromium wrote no screenshot");
    assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
    (run, bytes)
}

/// The detectors of [`run_chromium`] see what they look for: a page that logs to the console
/// and asks for a remote image shows both (so the report's empty lists below mean something).
#[test]
fn chromium_run_shows_console_messages_and_requests() {
    let Some(chromium) = chromium() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("leaky.html");
    std::fs::write(
        &page,
        "<!doctype html><meta charset=\"utf-8\"><script>console.error(\"boom\")</script>\
         <img src=\"https://example.invalid/x.png\"><p>x</p>",
    )
    .unwrap();
    let (run, _) = screenshot(chromium, &page);
    assert!(
        run.console.iter().any(|l| l.contains("boom")),
        "{:?}",
        run.console
    );
    assert!(
        run.requests
            .iter()
            .any(|u| u.starts_with("https://example.invalid")),
        "{:?}",
        run.requests
    );
}

/// Printed to PDF by headless Chromium, as an inspector's browser would print it: no console
/// message, no request leaving the file, and A4 pages.
#[test]
fn html_prints_to_pdf_in_headless_chromium() {
    let Some(chromium) = chromium() else { return };
    let (tmp, bundle, _) = bundle();
    let page = bundle.join("report.html");
    let pdf = tmp.path().join("out.pdf");
    let run = run_chromium(
        chromium,
        &page,
        &format!("--print-to-pdf={}", pdf.display()),
    );
    assert!(
        run.console.is_empty(),
        "console messages: {:?}",
        run.console
    );
    assert!(run.requests.is_empty(), "requests: {:?}", run.requests);
    assert!(pdf.exists(), "chromium wrote no PDF");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    let pages = bytes
        .windows(b"/Type /Page".len() + 1)
        .filter(|w| w.starts_with(b"/Type /Page") && w.last() != Some(&b's'))
        .count()
        + bytes
            .windows(b"/Type/Page".len() + 1)
            .filter(|w| w.starts_with(b"/Type/Page") && w.last() != Some(&b's'))
            .count();
    // The FY2025 form with its findings, probes and vendor form: a few A4 pages, not one
    // squeezed page and not one page per item.
    assert!(
        (PDF_PAGES_MIN..=PDF_PAGES_MAX).contains(&pages),
        "{pages} pages"
    );
}

const PDF_PAGES_MIN: usize = 2;
const PDF_PAGES_MAX: usize = 20;

/// A screenshot of the report is not blank (it differs from an empty page's), and Japanese
/// text shows as glyphs: 「医療機関コード」 renders differently from as many characters that
/// have no glyph in any font (which show as the same boxes a missing CJK font would give).
#[test]
fn html_screenshot_shows_japanese_glyphs() {
    let Some(chromium) = chromium() else { return };
    let (tmp, bundle, _) = bundle();
    let (run, report) = screenshot(chromium, &bundle.join("report.html"));
    assert!(
        run.console.is_empty(),
        "console messages: {:?}",
        run.console
    );
    assert!(run.requests.is_empty(), "requests: {:?}", run.requests);
    let page = |name: &str, body: &str| {
        let p = tmp.path().join(name);
        std::fs::write(
            &p,
            format!(
                "<!doctype html><html lang=\"ja\"><meta charset=\"utf-8\">\
                 <body style=\"font-size:48px\">{body}</body></html>"
            ),
        )
        .unwrap();
        p
    };
    let (_, blank) = screenshot(chromium, &page("blank.html", ""));
    assert_ne!(report, blank, "the report's screenshot is blank");
    let (_, glyphs) = screenshot(chromium, &page("glyphs.html", "医療機関コード"));
    let (_, again) = screenshot(chromium, &page("again.html", "医療機関コード"));
    // Screenshots are deterministic, so a difference below is a difference in pixels.
    assert_eq!(glyphs, again, "screenshots of one page differ");
    let boxes: String = (0..7)
        .map(|i| char::from_u32(0xF0000 + i).unwrap())
        .collect();
    let (_, tofu) = screenshot(chromium, &page("tofu.html", &boxes));
    assert_ne!(
        glyphs, tofu,
        "Japanese text shows as boxes (is a Japanese font such as fonts-noto-cjk installed?)"
    );
}

/// reports12-3: with the MHLW form, whose title names the edition's year and the form
/// (`…(令和7年度版) 医療機関確認用`), the heading of the Markdown and the HTML says each once.
#[test]
fn the_heading_of_the_mhlw_form_says_the_year_and_form_once() {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tmp.path().join("clinic");
    let o = common::medsec()
        .arg("check")
        .arg("--answers")
        .arg(root.join("examples/clinic/answers.toml"))
        .arg("--probes")
        .arg(root.join("examples/clinic/probes.toml"))
        .arg("--out")
        .arg(&out)
        .args(["--as-of", "2025-11-01"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    for (lang, year, form) in [
        ("ja", "令和7年度", "医療機関確認用"),
        ("en", "FY2025", "institution form"),
    ] {
        for format in ["md", "html"] {
            let o = common::medsec()
                .args([
                    "--lang",
                    lang,
                    "render",
                    "--as-of",
                    "2025-11-01",
                    "--format",
                    format,
                ])
                .arg(out.join("bundle"))
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
            let page = stdout_of(&o);
            let heading: String = match format {
                "md" => page.lines().nth(2).unwrap().to_owned(),
                _ => {
                    let start = page.find("<header").unwrap();
                    let end = page.find("class=\"qr-box\"").unwrap();
                    page[start..end].to_owned()
                }
            };
            assert_eq!(
                heading.matches(year).count(),
                1,
                "{lang} {format}: {heading}"
            );
            assert_eq!(
                heading.matches(form).count(),
                1,
                "{lang} {format}: {heading}"
            );
        }
    }
}

/// A bundle answered on an imported checklist carries it (`checklists/…toml`): render uses it,
/// digest-checked, as `status` does, from a data folder that does not have it: every format
/// shows the printed numbers and wording, never the ID-only notice.
#[test]
fn a_bundle_on_an_imported_checklist_renders_with_its_carried_checklist() {
    use medsec::checklist::Lang;
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("R8").unwrap();
    for &(r, c, text) in &[
        (0u32, 0u16, "番号"),
        (0, 1, "チェック項目"),
        (0, 2, "はい"),
        (0, 3, "いいえ"),
        (0, 4, "確認日"),
        (0, 5, "目標日"),
        (1, 0, "1"),
        (1, 1, "体制構築"),
        (2, 0, "①"),
        (2, 1, "試験用の責任者を置いている。"),
        (3, 0, "②"),
        (3, 1, "試験用の連絡体制を整えている。"),
    ] {
        ws.write_string(r, c, text).unwrap();
    }
    std::fs::write(w.join("own.xlsx"), wb.save_to_buffer().unwrap()).unwrap();
    let medsec_in = |data: &str| {
        let mut cmd = common::medsec();
        cmd.env("MEDSEC_DATA_DIR", w.join(data))
            .env_remove("MEDSEC_TEST_OFFICIAL_WORKBOOKS")
            .current_dir(w);
        cmd
    };
    let ok = |o: std::process::Output, codes: &[i32]| {
        assert!(
            codes.contains(&o.status.code().unwrap_or(-1)),
            "{}{}",
            stdout_of(&o),
            stderr_of(&o)
        );
    };
    ok(
        medsec_in("data")
            .args(["checklist", "import", "own.xlsx", "--edition", "fy2026"])
            .args(["--out", "own.toml"])
            .output()
            .unwrap(),
        &[0],
    );
    let with_list = |args: &[&str]| {
        medsec_in("data")
            .args(["--checklist", "own.toml"])
            .args(args)
            .output()
            .unwrap()
    };
    ok(
        with_list(&["init", "--form", "institution", "--out", "clinic.toml"]),
        &[0],
    );
    let text = std::fs::read_to_string(w.join("clinic.toml"))
        .unwrap()
        .replace("name = \"\"", "name = \"テスト診療所\"")
        .replace("code = \"\"", "code = \"0110113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"clinic\"")
        .replace("manager = \"\"", "manager = \"山田太郎\"")
        .replace("security_manager = \"\"", "security_manager = \"佐藤花子\"")
        .replace("answered_by = \"\"", "answered_by = \"佐藤花子\"")
        .replace("contract = \"\"", "contract = false");
    std::fs::write(w.join("clinic.toml"), text).unwrap();
    keygen(&w.join("hospital"));
    ok(
        with_list(&[
            "report",
            "--answers",
            "clinic.toml",
            "--out",
            "bundle",
            "--sign",
            "hospital.key",
        ]),
        &[0, 1],
    );
    let carried = std::fs::read_dir(w.join("bundle/checklists"))
        .unwrap()
        .count();
    assert_eq!(carried, 1, "the bundle carries the imported checklist");
    let notice_ja = medsec::tr!(Lang::Ja, "report-html-checklist-unknown");
    let notice_en = medsec::tr!(Lang::En, "report-html-checklist-unknown");
    for format in ["html", "md", "csv", "xlsx"] {
        let out = w.join(format!("r.{format}"));
        // An empty data folder and no --checklist: only the bundle has the checklist.
        ok(
            medsec_in("empty")
                .args(["--lang", "ja", "render", "bundle", "--format", format])
                .arg("--out")
                .arg(&out)
                .output()
                .unwrap(),
            &[0],
        );
        let text = if format == "xlsx" {
            use calamine::{Reader, Xlsx};
            let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
            let range = book.worksheet_range_at(0).unwrap().unwrap();
            range
                .rows()
                .flat_map(|r| r.iter().map(|c| c.to_string()))
                .collect::<Vec<_>>()
                .join("\t")
        } else {
            String::from_utf8(std::fs::read(&out).unwrap()).unwrap()
        };
        // Numbered ① ② in one section: kept as printed (#11).
        for needle in ["試験用の責任者を置いている。", "①", "②"] {
            assert!(text.contains(needle), "{format}: {needle}: {text}");
        }
        assert!(!text.contains("1-①"), "{format}: {text}");
        assert!(
            !text.contains(notice_ja.trim_end_matches('：')),
            "{format}: {text}"
        );
        assert!(
            !text.contains(notice_en.trim_end_matches(':')),
            "{format}: {text}"
        );
    }
}

/// `--out` names the format when `--format` is not given (a health centre's `--out r.xlsx`
/// never holds HTML), a name without an extension gets HTML; a `--format` the extension
/// contradicts is refused (2), nothing written.
#[test]
fn the_out_files_extension_names_the_format_and_a_contradiction_is_refused() {
    let (_tmp, bundle, _) = bundle();
    let dir = bundle.parent().unwrap();
    for (name, starts) in [
        ("r.xlsx", &b"PK"[..]),
        ("r.csv", &b"\xEF\xBB\xBF"[..]),
        ("r.html", &b"<!DOCTYPE html>"[..]),
        ("r.HTM", &b"<!DOCTYPE html>"[..]),
        // No extension: the default, HTML (an extension no format has is refused: fix12f).
        ("r", &b"<!DOCTYPE html>"[..]),
        ("r.md", &b"#"[..]),
    ] {
        let target = dir.join(name);
        let (code, _, err) = render(
            "ja",
            &[bundle.as_os_str(), "--out".as_ref(), target.as_os_str()],
        );
        assert_eq!(code, 0, "{name}: {err}");
        let bytes = std::fs::read(&target).unwrap();
        assert!(
            bytes.starts_with(starts),
            "{name}: {:?}",
            &bytes[..bytes.len().min(40)]
        );
    }
    for (lang, want) in [
        ("en", "`--format html` does not match `--out`"),
        ("ja", "`--format html`と`--out`の"),
    ] {
        let target = dir.join(format!("wrong-{lang}.xlsx"));
        let (code, out, err) = render(
            lang,
            &[
                bundle.as_os_str(),
                "--format".as_ref(),
                "html".as_ref(),
                "--out".as_ref(),
                target.as_os_str(),
            ],
        );
        assert_eq!(code, 2, "{err}");
        assert!(out.is_empty(), "{}", String::from_utf8_lossy(&out));
        assert!(err.contains(want) && err.contains("xlsx"), "{err}");
        assert!(!target.exists());
    }
    // Without --out, XLSX is refused in words that say what to do (not "a terminal").
    let (code, _, err) = render(
        "ja",
        &[bundle.as_os_str(), "--format".as_ref(), "xlsx".as_ref()],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("`--out FILE.xlsx`を指定してください") && !err.contains("端末"),
        "{err}"
    );
}

/// A pharmacy's report is headed as the pharmacy's (薬局における…), never the hospital's, in
/// the HTML (title and heading), the Markdown and the XLSX.
#[test]
fn a_pharmacys_report_is_headed_as_the_pharmacys() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = tmp.path().join("a.toml");
    let o = common::medsec()
        .args(["init", "--form", "pharmacy", "--out"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let text = std::fs::read_to_string(&answers)
        .unwrap()
        .replacen("name = \"\"", "name = \"みなと薬局\"", 1)
        .replacen("code = \"\"", "code = \"1341234567\"", 1);
    std::fs::write(&answers, text).unwrap();
    let out = tmp.path().join("b");
    let o = common::medsec()
        .args(["report", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(out.join("report.json").exists(), "{}", stderr_of(&o));
    for (lang, want, not) in [
        (
            "ja",
            "薬局におけるサイバーセキュリティ対策チェックリストの回答報告",
            "医療機関における",
        ),
        (
            "en",
            "Cybersecurity checklist for pharmacies: report of answers",
            "for medical institutions",
        ),
    ] {
        for format in ["md", "html"] {
            let o = common::medsec()
                .args(["--lang", lang, "render", "--format", format])
                .arg(&out)
                .output()
                .unwrap();
            let page = stdout_of(&o);
            assert!(page.contains(want), "{lang} {format}: {page}");
            assert!(!page.contains(not), "{lang} {format}: {page}");
        }
    }
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains("<title>薬局における")
            || html.contains("<title>Cybersecurity checklist for pharmacies"),
        "{html}"
    );
}

/// The printed footer in English and Japanese carries the report's full SHA-256 on one line,
/// legible (not overprinted by the key and time, which an English page had in the same row),
/// and the 医療機関コード on one line: printed by headless Chromium, read back with pdftotext
/// (poppler-utils, installed by .ci/run).
#[test]
fn printed_footer_shows_the_full_sha256_in_both_languages() {
    let Some(chromium) = chromium() else { return };
    let pdftotext = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !pdftotext {
        assert!(
            !in_ci(),
            "pdftotext is not installed (CI=true): .ci/run installs it"
        );
        return;
    }
    let (tmp, bundle, key) = bundle();
    let sha = sha256_hex(&std::fs::read(bundle.join("report.json")).unwrap());
    for lang in ["en", "ja"] {
        let page = tmp.path().join(format!("print-{lang}.html"));
        let (code, _, err) = render(
            lang,
            &[
                bundle.as_os_str(),
                "--pubkey".as_ref(),
                key.with_extension("pub").as_os_str(),
                "--out".as_ref(),
                page.as_os_str(),
            ],
        );
        assert!(matches!(code, 0 | 1), "{lang}: {err}");
        let pdf = tmp.path().join(format!("print-{lang}.pdf"));
        run_chromium(
            chromium,
            &page,
            &format!("--print-to-pdf={}", pdf.display()),
        );
        let o = std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&o.stdout).into_owned();
        let footers = text
            .lines()
            .filter(|l| l.trim_start().starts_with(&format!("SHA-256 {sha}")))
            .count();
        assert!(
            footers >= 2,
            "{lang}: {footers} footers with the full hash:\n{text}"
        );
        assert!(
            text.contains("0110113719"),
            "{lang}: the code is not on one line:\n{text}"
        );
    }
}
