//! `medsec report`: bundles made from answers files, vendor forms and probe evidence.

use crate::common;

use common::{fixture, keygen, medsec, stderr_of, stdout_of};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn checklist_args() -> Vec<String> {
    [
        "checklist-fy2025-institution.toml",
        "checklist-fy2025-vendor.toml",
    ]
    .iter()
    .flat_map(|f| ["--checklist".to_owned(), fixture(f).display().to_string()])
    .collect()
}

/// Copy the answers fixtures into a fresh folder (tests may change them).
fn answers_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("answers");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), dir.join(f)).unwrap();
    }
    (tmp, dir)
}

fn report(args: &[&str], out: &Path) -> std::process::Output {
    medsec()
        .args(checklist_args())
        .arg("report")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn report_json_snapshot() {
    let (tmp, dir) = answers_copy();
    let out = tmp.path().join("bundle");
    let answers = dir.join("complete.toml");
    let evidence = fixture("report/evidence.json");
    let o = report(
        &[
            "--answers",
            answers.to_str().unwrap(),
            "--evidence",
            evidence.to_str().unwrap(),
        ],
        &out,
    );
    // The contradiction is an error finding: the report is written, exit 1.
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    assert!(stdout_of(&o).contains("1 vendor form"), "{}", stdout_of(&o));
    // The bytes as written (field order, indentation), with the volatile fields redacted.
    let text = std::fs::read_to_string(out.join("report.json")).unwrap();
    insta::with_settings!({filters => vec![
        (r#""generated_at": "[^"]+""#, r#""generated_at": "[time]""#),
        // The day the report is made: an overdue target date is judged as of it.
        (r#"("as_of": \{\n\s+"date": )"[^"]+""#, r#"$1"[today]""#),
        (r#"("generator": \{\n    "name": "medsec",\n    "version": )"[^"]+""#, r#"$1"[version]""#),
    ]}, {
        insta::assert_snapshot!("report-json", text);
    });
    let mut files: Vec<String> = walk(&out);
    files.sort();
    assert_eq!(
        files,
        [
            "MANIFEST.sha256",
            // The test checklists are not bundled into medsec: they travel with the report.
            "checklists/test-institution-fy2025.toml",
            "checklists/test-vendor-fy2025-1.toml",
            "evidence/complete/evidence/appointment.txt",
            "probes/evidence.json",
            "report.html",
            "report.json",
            "vendor-forms/vendor-a.toml",
        ]
    );
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out
}

#[test]
fn same_content_gives_the_same_bytes_and_matches_the_schema() {
    let (tmp, dir) = answers_copy();
    let answers = dir.join("complete.toml");
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    for out in [&a, &b] {
        let o = report(&["--answers", answers.to_str().unwrap()], out);
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    }
    let strip = |p: &Path| {
        let text = std::fs::read_to_string(p.join("report.json")).unwrap();
        text.lines()
            .filter(|l| !l.contains("\"generated_at\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&a), strip(&b));
    let text = std::fs::read_to_string(a.join("report.json")).unwrap();
    assert!(text.ends_with("}\n") && !text.contains('\r'));

    let schema = medsec().args(["report", "schema"]).output().unwrap();
    assert_eq!(schema.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(schema["title"], "Report");
    let validator = jsonschema::validator_for(&schema).unwrap();
    let report = read_json(&a.join("report.json"));
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn missing_evidence_names_the_file_line_and_item() {
    let (tmp, dir) = answers_copy();
    std::fs::remove_file(dir.join("evidence/appointment.txt")).unwrap();
    let out = tmp.path().join("bundle");
    let o = report(
        &["--answers", dir.join("complete.toml").to_str().unwrap()],
        &out,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr_of(&o);
    assert!(
        err.contains("complete.toml:29: 1-① A security manager for medical… (round 1): evidence file `evidence/appointment.txt` does not exist"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "no temporary folder is left behind"
    );
}

/// In Japanese the problem ends its sentence with 。 and the note on paths is a sentence of its
/// own, never a bracket after the problem's 。.
#[test]
fn missing_evidence_in_japanese_ends_each_sentence() {
    let (tmp, dir) = answers_copy();
    std::fs::remove_file(dir.join("evidence/appointment.txt")).unwrap();
    let out = tmp.path().join("bundle");
    let o = report(
        &[
            "--lang",
            "ja",
            "--answers",
            dir.join("complete.toml").to_str().unwrap(),
        ],
        &out,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr_of(&o);
    assert!(
        err.contains("の証跡ファイル`evidence/appointment.txt`: ありません("),
        "{err}"
    );
    assert!(
        err.contains("を探しました)。パスは回答ファイルからの相対パスです。"),
        "{err}"
    );
}

#[test]
fn an_existing_bundle_is_replaced_only_with_force() {
    let (tmp, dir) = answers_copy();
    let answers = dir.join("complete.toml");
    let out = tmp.path().join("bundle");
    let args = ["--answers", answers.to_str().unwrap()];
    assert_eq!(report(&args, &out).status.code(), Some(0));
    let o = report(&args, &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_of(&o).contains("use `--force`"), "{}", stderr_of(&o));
    let o = report(&[args[0], args[1], "--force"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(out.join("report.json").is_file());

    // A folder that holds something else is never replaced, even with --force.
    let other = tmp.path().join("documents");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("letter.txt"), "keep me").unwrap();
    let o = report(&[args[0], args[1], "--force"], &other);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("not a report bundle"),
        "{}",
        stderr_of(&o)
    );
    assert_eq!(
        std::fs::read_to_string(other.join("letter.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn vendor_form_as_answers_is_refused() {
    let (tmp, dir) = answers_copy();
    let o = report(
        &["--answers", dir.join("vendor-a.toml").to_str().unwrap()],
        &tmp.path().join("b"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_of(&o).contains("--vendor"), "{}", stderr_of(&o));
}

fn public_key_line(pubfile: &Path) -> String {
    std::fs::read_to_string(pubfile)
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .to_owned()
}

const VENDOR: &str = "株式会社テストシステム";

/// keys.toml trusting the hospital's key, and `vendor_key` for vendor `vendor_name`.
fn keys_toml(path: &Path, hospital: &Path, vendor_name: &str, vendor_key: Option<&Path>) {
    let mut text = format!(
        "format_version = 1\n[institutions.0110113719]\nkeys = [\"{}\"]\n",
        public_key_line(hospital)
    );
    if let Some(v) = vendor_key {
        text.push_str(&format!(
            "[vendors.\"{vendor_name}\"]\nkeys = [\"{}\"]\n",
            public_key_line(v)
        ));
    }
    std::fs::write(path, text).unwrap();
}

fn verify(bundle: &Path, keys: &Path) -> (i32, Vec<String>) {
    let o = medsec()
        .args(checklist_args())
        .args([
            "verify",
            "--as-of",
            "2025-11-01",
            "--format",
            "json",
            "--trusted",
        ])
        .arg(keys)
        .arg(bundle)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|_| panic!("{}{}", stdout_of(&o), stderr_of(&o)));
    let codes = json["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect();
    (o.status.code().unwrap(), codes)
}

#[test]
fn vendor_forms_signed_by_vendors_are_checked() {
    let (tmp, dir) = answers_copy();
    let root = tmp.path();
    keygen(&root.join("hospital"));
    keygen(&root.join("vendor"));
    let form = dir.join("vendor-a.toml");
    let o = medsec()
        .args(["sign", "--form"])
        .arg(&form)
        .arg("--key")
        .arg(root.join("vendor.key"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(dir.join("vendor-a.toml.minisig").is_file());
    assert!(
        std::fs::read_to_string(dir.join("vendor-a.toml.minisig"))
            .unwrap()
            .contains(&format!("vendor:{VENDOR}")),
        "the trusted comment names the vendor"
    );

    let bundle = root.join("bundle");
    let answers = dir.join("complete.toml");
    let hospital_key = root.join("hospital.key");
    let o = report(
        &[
            "--answers",
            answers.to_str().unwrap(),
            "--sign",
            hospital_key.to_str().unwrap(),
        ],
        &bundle,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(bundle.join("vendor-forms/vendor-a.toml.minisig").is_file());

    let keys = root.join("keys.toml");
    let hospital_pub = root.join("hospital.pub");
    let vendor_pub = root.join("vendor.pub");
    keys_toml(&keys, &hospital_pub, VENDOR, Some(&vendor_pub));
    let (code, codes) = verify(&bundle, &keys);
    assert_eq!(code, 0, "{codes:?}");
    assert!(!codes.iter().any(|c| c.starts_with("vendor-")), "{codes:?}");

    // The vendor's key is not listed, or listed for another vendor: untrusted.
    keys_toml(&keys, &hospital_pub, VENDOR, None);
    let (code, codes) = verify(&bundle, &keys);
    assert_eq!(code, 3);
    assert!(
        codes.contains(&"vendor-key-untrusted".to_owned()),
        "{codes:?}"
    );
    keys_toml(&keys, &hospital_pub, "別の事業者", Some(&vendor_pub));
    let (code, codes) = verify(&bundle, &keys);
    assert_eq!(code, 3);
    assert!(
        codes.contains(&"vendor-key-untrusted".to_owned()),
        "{codes:?}"
    );

    // The hospital changes the vendor's answers and signs the bundle again: the vendor's
    // signature no longer matches, and report.json no longer says what the file says.
    keys_toml(&keys, &hospital_pub, VENDOR, Some(&vendor_pub));
    let bundled = bundle.join("vendor-forms/vendor-a.toml");
    let text = std::fs::read_to_string(&bundled).unwrap();
    std::fs::write(
        &bundled,
        text.replace("checked_on = 2025-07-01", "checked_on = 2025-07-02"),
    )
    .unwrap();
    let o = medsec()
        .arg("sign")
        .arg(&bundle)
        .arg("--key")
        .arg(&hospital_key)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let (code, codes) = verify(&bundle, &keys);
    assert_eq!(code, 3);
    assert!(
        codes.contains(&"vendor-signature-invalid".to_owned()),
        "{codes:?}"
    );
    assert!(
        codes.contains(&"vendor-form-mismatch".to_owned()),
        "{codes:?}"
    );

    // Without the vendor's signature: a finding, not an integrity failure.
    std::fs::remove_file(dir.join("vendor-a.toml.minisig")).unwrap();
    let o = report(
        &[
            "--answers",
            answers.to_str().unwrap(),
            "--sign",
            hospital_key.to_str().unwrap(),
            "--force",
        ],
        &bundle,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(stderr_of(&o).contains("is not signed"), "{}", stderr_of(&o));
    let (code, codes) = verify(&bundle, &keys);
    assert_eq!(code, 1);
    assert!(
        codes.contains(&"vendor-form-unsigned".to_owned()),
        "{codes:?}"
    );
}

#[test]
fn signing_a_form_that_is_not_a_vendor_form_is_refused() {
    let (tmp, dir) = answers_copy();
    keygen(&tmp.path().join("k"));
    let o = medsec()
        .args(["sign", "--form"])
        .arg(dir.join("complete.toml"))
        .arg("--key")
        .arg(tmp.path().join("k.key"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr_of(&o).contains("not a vendor form"),
        "{}",
        stderr_of(&o)
    );
    assert!(!dir.join("complete.toml.minisig").exists());
}

/// Run medsec in `dir` with the fixture checklists; returns (exit code, stdout, stderr).
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = medsec()
        .current_dir(dir)
        .env("MEDSEC_PASSPHRASE", "a long passphrase for the test")
        .args(checklist_args())
        .args(args)
        .output()
        .unwrap();
    (o.status.code().unwrap(), stdout_of(&o), stderr_of(&o))
}

#[test]
#[allow(clippy::print_stderr)]
fn end_to_end_as_users_run_it() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let ok = |r: (i32, String, String)| {
        assert_eq!(r.0, 0, "{}{}", r.1, r.2);
        r.1
    };
    // Keys.
    ok(run_in(
        w,
        &[
            "keygen",
            "--out",
            "hospital",
            "--passphrase-env",
            "MEDSEC_PASSPHRASE",
        ],
    ));
    keygen(&w.join("vendor"));
    // The answers file, header filled in by hand, answers imported from a sheet.
    // A checklist file given alone is the one to answer.
    let o = medsec()
        .current_dir(w)
        .arg("--checklist")
        .arg(fixture("checklist-fy2025-institution.toml"))
        .args(["init", "--out", "clinic.toml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let text = std::fs::read_to_string(w.join("clinic.toml")).unwrap();
    let mut text = text
        .replace("name = \"\"", "name = \"テスト診療所\"")
        .replace("code = \"\"", "code = \"0110113719\"")
        .replace("prefecture = \"\"", "prefecture = \"北海道\"")
        .replace("kind = \"\"", "kind = \"clinic\"")
        .replace("manager = \"\"", "manager = \"山田太郎\"")
        .replace("security_manager = \"\"", "security_manager = \"佐藤花子\"")
        .replace("answered_by = \"\"", "answered_by = \"佐藤花子\"")
        .replace("contract = \"\"", "contract = true")
        .replace("forms = []", "forms = [\"vendor-a.toml\"]");
    let at = text.find("item = \"security-manager\"").unwrap();
    let e = at + text[at..].find("evidence = []").unwrap();
    text.replace_range(
        e..e + "evidence = []".len(),
        "evidence = [\"evidence/appointment.txt\"]",
    );
    std::fs::write(w.join("clinic.toml"), text).unwrap();
    std::fs::create_dir(w.join("evidence")).unwrap();
    std::fs::write(w.join("evidence/appointment.txt"), "任命書 2025-04-01\n").unwrap();
    std::fs::write(
        w.join("sheet.csv"),
        "item,answer,checked_on,target_date,note\n\
         0,はい,2025-06-02,,\n\
         security-manager,はい,2025-06-02,,\n\
         remote-maintenance,はい,2025-06-03,,\n\
         access-log-server,いいえ,2025-06-03,2026-03-31,手順を作成中\n\
         two-factor-authentication,はい,2025-06-03,,\n",
    )
    .unwrap();
    ok(run_in(
        w,
        &["answer", "clinic.toml", "--import", "sheet.csv"],
    ));
    // The vendor's form, signed by the vendor.
    std::fs::copy(fixture("answers/vendor-a.toml"), w.join("vendor-a.toml")).unwrap();
    ok(run_in(
        w,
        &["sign", "--form", "vendor-a.toml", "--key", "vendor.key"],
    ));
    ok(run_in(w, &["status", "clinic.toml"]));
    // Probe a fixture machine.
    std::fs::write(w.join("probes.toml"), "[[probe]]\nkind = \"patch-level\"\n").unwrap();
    let root = fixture("probes/debian");
    let (code, _, err) = run_in(
        w,
        &[
            "probe",
            "--config",
            "probes.toml",
            "--root",
            root.to_str().unwrap(),
            "--answers",
            "clinic.toml",
            "--out",
            "evidence.json",
            "--format",
            "json",
        ],
    );
    assert!(code == 0 || code == 1, "{err}");
    // The signed report.
    let out = ok(run_in(
        w,
        &[
            "report",
            "--answers",
            "clinic.toml",
            "--evidence",
            "evidence.json",
            "--out",
            "bundle",
            "--sign",
            "hospital.key",
            "--passphrase-env",
            "MEDSEC_PASSPHRASE",
        ],
    ));
    assert!(out.contains("signed `bundle`"), "{out}");
    // The inspector.
    let keys = w.join("keys.toml");
    keys_toml(
        &keys,
        &w.join("hospital.pub"),
        VENDOR,
        Some(&w.join("vendor.pub")),
    );
    let (code, out, err) = run_in(
        w,
        &[
            "verify",
            "bundle",
            "--trusted",
            "keys.toml",
            "--institution",
            "0110113719",
            "--as-of",
            "2025-11-01",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    // The stock tools.
    // Run one after the other, without a shell, so the test runs on Windows too.
    let stock = |dir: &Path| {
        let signature = std::process::Command::new("minisign")
            .args(["-Vm", "MANIFEST.sha256", "-p", "../hospital.pub"])
            .current_dir(dir)
            .output()
            .unwrap();
        if !signature.status.success() {
            return signature;
        }
        std::process::Command::new("sha256sum")
            .args(["-c", "MANIFEST.sha256"])
            .current_dir(dir)
            .output()
            .unwrap()
    };
    let have_minisign = std::process::Command::new("minisign")
        .arg("-v")
        .output()
        .is_ok();
    if have_minisign {
        let o = stock(&w.join("bundle"));
        assert!(o.status.success(), "{}{}", stdout_of(&o), stderr_of(&o));
        let o = std::process::Command::new("minisign")
            .args(["-Vm", "vendor-a.toml", "-p", "vendor.pub"])
            .current_dir(w)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr_of(&o));
    } else if common::in_ci() {
        panic!("minisign is not installed (apt-get install -y minisign)");
    } else {
        eprintln!("minisign is not installed: skipping the stock-tool check");
    }
    // A changed evidence file: exit 3, and the stock tools refuse it too.
    let evidence = w.join("bundle/evidence/clinic/evidence/appointment.txt");
    std::fs::write(&evidence, "任命書 2024-04-01\n").unwrap();
    let (code, out, _) = run_in(
        w,
        &[
            "verify",
            "bundle",
            "--trusted",
            "keys.toml",
            "--as-of",
            "2025-11-01",
        ],
    );
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("file-changed"), "{out}");
    if have_minisign {
        assert!(!stock(&w.join("bundle")).status.success());
    }
}
