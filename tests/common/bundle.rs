//! Bundles for verify tests: a report.json following the fixture checklists, signing with a
//! key made in the test (so any manifest and trusted comment can be signed, as an attacker
//! holding a trusted key could), a bundle with a vendor-signed form, and verify's JSON.
#![allow(dead_code)]

use super::{fixture, keygen, medsec, stderr_of, stdout_of};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

pub const HOSPITAL: &str = "0110113719";
pub const AS_OF: &str = "2025-11-01";
pub const VENDOR: &str = "株式会社テストシステム";

/// Every fixture checklist the bundles below follow, as `--checklist` arguments.
pub fn checklist_args() -> Vec<String> {
    [
        "signing/checklist-fy2025.toml",
        "signing/checklist-fy2024.toml",
        "checklist-fy2025-institution.toml",
        "checklist-fy2025-vendor.toml",
    ]
    .iter()
    .flat_map(|f| ["--checklist".to_owned(), fixture(f).display().to_string()])
    .collect()
}

/// The `checklist` object of report.json for a fixture checklist file.
pub fn checklist_ref(rel: &str) -> Value {
    let loaded = medsec::checklist::load_path(&fixture(rel)).unwrap();
    let c = &loaded.checklist;
    json!({
        "id": c.id, "edition": c.edition, "digest": loaded.digest,
        "form": c.form.as_str(), "fiscal_year": c.fiscal_year
    })
}

/// A complete report.json (as a value, for tests to change) for `code` in `fy`.
pub fn report_value(code: &str, fy: i16) -> Value {
    let checklist = checklist_ref(&format!("signing/checklist-fy{fy}.toml"));
    let checked_on = format!("{fy}-06-01");
    let answer = |item: &str| {
        json!({
            "item": item, "round": 1, "response": "yes", "checked_on": checked_on,
            "target_date": null, "reason": null, "note": null, "evidence": [],
            "carried_from": null, "review": null
        })
    };
    json!({
        "format_version": 1,
        "generator": {"name": "medsec", "version": "test"},
        "generated_at": format!("{fy}-10-01T00:00:00Z"),
        "fiscal_year": fy,
        "institution": {"code": code, "name": "札幌中央病院"},
        "checklist": checklist,
        "answers": {
            "file": "institution.toml",
            "checklist": checklist,
            "answers": {
                "format_version": 1,
                "checklist": {"id": checklist["id"], "edition": checklist["edition"], "digest": checklist["digest"]},
                "institution": {
                    "name": "札幌中央病院", "code": code, "prefecture": "北海道",
                    "kind": "hospital", "manager": "山田太郎",
                    "security_manager": "佐藤花子", "answered_by": "佐藤花子"
                },
                "vendors": {"contract": false, "forms": []},
                "answers": [answer("medical-information-system"), answer("security-manager")]
            }
        },
        "findings": [],
    })
}

pub fn write_report(dir: &Path, report: &Value) {
    std::fs::write(
        dir.join("report.json"),
        serde_json::to_string_pretty(report).unwrap() + "\n",
    )
    .unwrap();
}

/// An unsigned bundle: report.json and one evidence file.
pub fn write_bundle(dir: &Path, report: &Value) {
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    write_report(dir, report);
    std::fs::write(
        dir.join("evidence/backup-log.txt"),
        "2025-10-01 backup ok\n",
    )
    .unwrap();
}

/// A key pair made in the test: `NAME.pub` on disk for `--pubkey`, the secret in memory.
pub struct TestKey {
    pub public: PathBuf,
    pk: minisign::PublicKey,
    sk: minisign::SecretKey,
}

impl TestKey {
    pub fn new(dir: &Path, name: &str) -> Self {
        let kp = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        let public = dir.join(format!("{name}.pub"));
        std::fs::write(&public, kp.pk.to_box().unwrap().to_string()).unwrap();
        TestKey {
            public,
            pk: kp.pk,
            sk: kp.sk,
        }
    }

    /// A minisign signature of `bytes` with this trusted comment, as medsec writes one.
    pub fn sign_bytes(&self, bytes: &[u8], trusted_comment: &str) -> String {
        minisign::sign(
            Some(&self.pk),
            &self.sk,
            bytes,
            Some(trusted_comment),
            Some(medsec::signing::sign::UNTRUSTED_COMMENT),
        )
        .unwrap()
        .to_string()
    }

    /// Write `manifest` as the bundle's manifest and sign it with `trusted_comment`.
    pub fn sign_manifest(&self, dir: &Path, manifest: &str, trusted_comment: &str) {
        std::fs::write(dir.join("MANIFEST.sha256"), manifest).unwrap();
        let sig = self.sign_bytes(manifest.as_bytes(), trusted_comment);
        std::fs::write(dir.join("MANIFEST.sha256.minisig"), sig).unwrap();
    }

    /// (Re)sign the bundle as it is now, with medsec's trusted comment for its report.json
    /// (or `institution` in place of the report's institution code).
    pub fn sign_bundle(&self, dir: &Path, institution: Option<&str>) {
        let manifest = medsec::signing::manifest::build(dir).unwrap();
        self.sign_manifest(dir, &manifest.render(), &comment_for(dir, institution));
    }
}

/// medsec's trusted comment for the report.json in `dir`.
pub fn comment_for(dir: &Path, institution: Option<&str>) -> String {
    let bytes = std::fs::read(dir.join("report.json")).unwrap_or_default();
    let report: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    let c = &report["checklist"];
    medsec::signing::comment::Claims {
        institution: institution
            .or(report["institution"]["code"].as_str())
            .unwrap_or("0000000000")
            .to_owned(),
        checklist: format!(
            "{}@{}",
            c["id"].as_str().unwrap_or("x"),
            c["edition"].as_str().unwrap_or("x")
        ),
        report_sha256: medsec::signing::manifest::sha256_bytes(&bytes),
    }
    .to_comment(1_759_276_800)
}

/// `medsec verify DIR... TRUST... --format json` with the fixture checklists.
pub fn verify(dirs: &[&Path], trust: &[&str]) -> (i32, Value) {
    let out = medsec()
        .args(checklist_args())
        .arg("verify")
        .args(dirs)
        .args(trust)
        .args(["--as-of", AS_OF, "--format", "json"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout_of(&out), stderr_of(&out)));
    (out.status.code().unwrap_or(-1), json)
}

/// `--pubkey FILE`.
pub fn pubkey(path: &Path) -> [&str; 2] {
    ["--pubkey", path.to_str().unwrap()]
}

/// The finding codes of bundle `i`.
pub fn codes(json: &Value, i: usize) -> Vec<String> {
    json["bundles"][i]["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings for bundle {i}: {json:#}"))
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A signed bundle made by `medsec report` from the answers fixtures, with the vendor form
/// `vendor-forms/vendor-a.toml` signed by its vendor, and keys.toml trusting both keys.
pub struct VendorSetup {
    pub _tmp: tempfile::TempDir,
    pub root: PathBuf,
    pub bundle: PathBuf,
    pub hospital_key: PathBuf,
    pub keys: PathBuf,
}

fn public_key_line(pubfile: &Path) -> String {
    std::fs::read_to_string(pubfile)
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .to_owned()
}

pub fn vendor_bundle() -> VendorSetup {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_owned();
    let answers = root.join("answers");
    std::fs::create_dir_all(answers.join("evidence")).unwrap();
    for f in ["complete.toml", "vendor-a.toml", "evidence/appointment.txt"] {
        std::fs::copy(fixture("answers").join(f), answers.join(f)).unwrap();
    }
    keygen(&root.join("hospital"));
    keygen(&root.join("vendor"));
    let run = |args: &[&std::ffi::OsStr]| {
        let o = medsec().args(checklist_args()).args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    };
    let form = answers.join("vendor-a.toml");
    let vendor_key = root.join("vendor.key");
    run(&[
        "sign".as_ref(),
        "--form".as_ref(),
        form.as_os_str(),
        "--key".as_ref(),
        vendor_key.as_os_str(),
    ]);
    let bundle = root.join("bundle");
    let complete = answers.join("complete.toml");
    let hospital_key = root.join("hospital.key");
    run(&[
        "report".as_ref(),
        "--answers".as_ref(),
        complete.as_os_str(),
        "--sign".as_ref(),
        hospital_key.as_os_str(),
        "--out".as_ref(),
        bundle.as_os_str(),
    ]);
    let keys = root.join("keys.toml");
    std::fs::write(
        &keys,
        format!(
            "format_version = 1\n[institutions.{HOSPITAL}]\nkeys = [\"{}\"]\n[vendors.\"{VENDOR}\"]\nkeys = [\"{}\"]\n",
            public_key_line(&root.join("hospital.pub")),
            public_key_line(&root.join("vendor.pub"))
        ),
    )
    .unwrap();
    VendorSetup {
        _tmp: tmp,
        root,
        bundle,
        hospital_key,
        keys,
    }
}

impl VendorSetup {
    pub fn trusted(&self) -> [&str; 2] {
        ["--trusted", self.keys.to_str().unwrap()]
    }

    pub fn report(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.bundle.join("report.json")).unwrap()).unwrap()
    }

    /// Change report.json, then sign the bundle again with the hospital's key (`medsec sign`),
    /// as a hospital holding a trusted key could.
    pub fn change_report_and_resign(&self, change: impl FnOnce(&mut Value)) {
        let mut report = self.report();
        change(&mut report);
        write_report(&self.bundle, &report);
        self.resign();
    }

    pub fn resign(&self) {
        let o = medsec()
            .arg("sign")
            .arg(&self.bundle)
            .arg("--key")
            .arg(&self.hospital_key)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    }
}

/// A signed, valid bundle made with a key of the test's own (trusted with `--pubkey`).
pub struct Signed {
    _tmp: tempfile::TempDir,
    pub root: PathBuf,
    pub bundle: PathBuf,
    pub key: TestKey,
}

/// `report` written as a bundle and signed with a new key.
pub fn signed(report: &Value) -> Signed {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_owned();
    let bundle = root.join("bundle");
    write_bundle(&bundle, report);
    let key = TestKey::new(&root, "hospital");
    key.sign_bundle(&bundle, None);
    Signed {
        _tmp: tmp,
        root,
        bundle,
        key,
    }
}

impl Signed {
    /// verify's exit code and JSON for this bundle alone.
    pub fn verify_json(&self) -> (i32, Value) {
        verify(&[&self.bundle], &pubkey(&self.key.public))
    }

    /// verify's exit code and the finding codes for this bundle alone.
    pub fn verify_codes(&self) -> (i32, Vec<String>) {
        let (code, json) = self.verify_json();
        (code, codes(&json, 0))
    }
}

/// Whether `code` is among `codes`.
pub fn has(codes: &[String], code: &str) -> bool {
    codes.iter().any(|c| c == code)
}
