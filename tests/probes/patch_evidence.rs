//! patch-level's evidence on trees built in the test, where the fixture tree cannot tell:
//! dpkg's version order (epochs, letters against other signs), the apt suites that give no
//! candidates, two security lists, the kernels that count, the log that gave the last upgrade;
//! and rpm/dnf through fake tools (the database under `--root`, the running kernel, a failing
//! `rpm`). Found by reading the mutants of src/probes/patch/ (issue #9).

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;

#[cfg(unix)]
fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// `medsec probe --format json` with `config` under `root`, the machine's zone UTC, and `PATH`
/// set to `path` alone when given: the first result and the exit code.
fn probe(config: &str, root: &Path, path: Option<&Path>) -> (Value, i32) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("probes.toml");
    std::fs::write(&cfg, config).unwrap();
    let mut cmd = medsec();
    cmd.env("TZ", "UTC");
    if let Some(path) = path {
        cmd.env("PATH", path);
    }
    let out = cmd
        .args(["probe", "--format", "json", "--config"])
        .arg(&cfg)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("no JSON: {}", stderr_of(&out)));
    (json["results"][0].clone(), out.status.code().unwrap())
}

#[cfg(unix)]
/// The `code` of each entry of a list of coded messages.
fn codes(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["code"].as_str())
        .collect()
}

#[cfg(unix)]
/// The `package` of each entry of a list of pending updates.
fn packages(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|p| p["package"].as_str().unwrap())
        .collect()
}

#[cfg(unix)]
fn paragraph(name: &str, version: &str) -> String {
    format!("Package: {name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: {version}\n\n")
}

#[cfg(unix)]
fn list(entries: &[(&str, &str)]) -> String {
    entries
        .iter()
        .map(|(name, version)| {
            format!("Package: {name}\nVersion: {version}\nArchitecture: amd64\n\n")
        })
        .collect()
}

#[cfg(unix)]
const LISTS: &str = "var/lib/apt/lists";
#[cfg(unix)]
/// The package lists of [`debian_tree`], in the order medsec reads them (by name).
const PACKAGE_LISTS: [&str; 5] = [
    "archive.ubuntu.com_ubuntu_dists_noble-proposed_main_binary-amd64_Packages",
    "deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages",
    "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages",
    "deb.debian.org_debian_dists_experimental_main_binary-amd64_Packages",
    "security.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages",
];

#[cfg(unix)]
/// A Debian tree, its lists refreshed now:
/// - `openssl` has its security update in one security list, while another (an out-of-date
///   mirror, read first) still holds the installed version;
/// - `libepoch` 2.0-1 has a security update 1:1.0-1 (its epoch raised);
/// - `libletter` 4.2a-1 has an update 4.2+dfsg-1 (a letter sorts before any other sign);
/// - `bash` is newer only in suites apt takes no candidates from (proposed, experimental);
/// - the kernel runs the newest `linux-image-<version>`; the metapackage `linux-image-amd64`
///   and a `-dbg` image are no kernels to boot;
/// - apt's history says 2026-10-01, dpkg.log a later upgrade on 2026-11-01.
fn debian_tree() -> tempfile::TempDir {
    let tree = tempfile::tempdir().unwrap();
    let root = tree.path();
    let status: String = [
        ("bash", "5.2.15-2+b7"),
        ("libepoch", "2.0-1"),
        ("libletter", "4.2a-1"),
        ("linux-image-6.1.0-25-amd64", "6.1.106-3"),
        ("linux-image-6.1.0-25-amd64-dbg", "6.1.106-3"),
        ("linux-image-amd64", "6.1.106-3"),
        ("openssl", "3.0.11-1~deb12u1"),
    ]
    .iter()
    .map(|(name, version)| paragraph(name, version))
    .collect();
    write(root, "var/lib/dpkg/status", &status);
    let [proposed, security_mirror, main, experimental, security] = PACKAGE_LISTS;
    write(
        root,
        &format!("{LISTS}/{security_mirror}"),
        &list(&[("openssl", "3.0.11-1~deb12u1"), ("libepoch", "1:1.0-1")]),
    );
    write(
        root,
        &format!("{LISTS}/{security}"),
        &list(&[("openssl", "3.0.15-1~deb12u1")]),
    );
    write(
        root,
        &format!("{LISTS}/{main}"),
        &list(&[
            ("openssl", "3.0.11-1~deb12u1"),
            ("bash", "5.2.15-2+b7"),
            ("libepoch", "2.0-1"),
            ("libletter", "4.2+dfsg-1"),
        ]),
    );
    write(
        root,
        &format!("{LISTS}/{proposed}"),
        &list(&[("bash", "5.3-1")]),
    );
    write(
        root,
        &format!("{LISTS}/{experimental}"),
        &list(&[("bash", "5.3-2")]),
    );
    write(
        root,
        &format!("{LISTS}/deb.debian.org_debian_dists_bookworm_InRelease"),
        "Origin: Debian\nSuite: bookworm\n",
    );
    write(root, "proc/sys/kernel/osrelease", "6.1.0-25-amd64\n");
    write(
        root,
        "var/log/apt/history.log",
        "Start-Date: 2026-10-01  09:00:00\nCommandline: apt-get upgrade\n\
         Upgrade: tzdata:amd64 (2023c-5+deb12u1, 2024a-0+deb12u1)\nEnd-Date: 2026-10-01  09:00:05\n",
    );
    write(
        root,
        "var/log/dpkg.log",
        "2026-11-01 10:00:00 upgrade libc6:amd64 2.36-9 2.36-9+deb12u9\n\
         2026-11-02 10:00:00 status installed libc6:amd64 2.36-9+deb12u9\n",
    );
    tree
}

#[cfg(unix)]
const DPKG: &str = "[[probe]]\nkind = \"patch-level\"\nsource = \"dpkg\"\n";

// dpkg's files are Linux system paths (/var/lib/dpkg) put under the tree: on Windows such a
// path has no drive and is not put under the root.
#[cfg(unix)]
#[test]
fn dpkg_evidence_names_the_pending_updates_kernel_and_log_as_dpkg_and_apt_do() {
    let tree = debian_tree();
    let (r, code) = probe(DPKG, tree.path(), None);
    assert_eq!((r["verdict"].as_str(), code), (Some("fail"), 1), "{r:#}");
    assert_eq!(r["reason_code"], "security-updates-pending", "{r:#}");
    let o = &r["observed"];
    // Every list of a package manager's kind is read, the InRelease file is not.
    assert_eq!(
        o["package_lists"],
        serde_json::json!(PACKAGE_LISTS),
        "{o:#}"
    );
    // The raised epoch and the newer security list count; proposed and experimental do not.
    assert_eq!(
        packages(&o["pending_security_packages"]),
        ["libepoch:amd64", "openssl:amd64"],
        "{o:#}"
    );
    assert_eq!(
        o["pending_security_packages"][1]["candidate"],
        "3.0.15-1~deb12u1"
    );
    assert_eq!(
        packages(&o["pending_other_packages"]),
        ["libletter:amd64"],
        "{o:#}"
    );
    assert_eq!(o["pending_upgrades"], 3, "{o:#}");
    // The running kernel is the newest: no reboot is asked for.
    assert_eq!(o["kernel"]["newest_installed"], "6.1.0-25-amd64", "{o:#}");
    assert_eq!(
        o["kernel"]["installed"],
        serde_json::json!(["6.1.0-25-amd64"])
    );
    assert_eq!(o["kernel"]["reboot_needed"], false, "{o:#}");
    assert!(
        !codes(&r["warning_details"]).contains(&"kernel-reboot-needed"),
        "{r:#}"
    );
    // dpkg.log's upgrade is the later one, and the evidence names it as the source.
    assert_eq!(o["last_upgrade"], "2026-11-01T10:00:00Z", "{o:#}");
    assert_eq!(o["last_upgrade_source"], "/var/log/dpkg.log", "{o:#}");
}

// dpkg's files are Linux system paths (/var/lib/dpkg) put under the tree: on Windows such a
// path has no drive and is not put under the root.
#[cfg(unix)]
#[test]
fn a_lists_folder_with_release_files_only_has_no_package_lists() {
    let tree = debian_tree();
    for name in PACKAGE_LISTS {
        std::fs::remove_file(tree.path().join(LISTS).join(name)).unwrap();
    }
    let (r, code) = probe(DPKG, tree.path(), None);
    assert_eq!((r["verdict"].as_str(), code), (Some("unknown"), 0), "{r:#}");
    assert_eq!(r["reason_code"], "no-package-lists", "{r:#}");
    assert_eq!(r["observed"]["package_lists"], serde_json::json!([]));
}

/// A folder holding a fake tool `name` that runs `script` (a shell body), for PATH.
#[cfg(unix)]
fn fake_tool(dir: &Path, name: &str, script: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let path = bin.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

#[cfg(unix)]
/// The argument lists of the commands a result ran, by program.
fn argv_of<'a>(r: &'a Value, program: &str) -> Vec<&'a str> {
    r["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["argv"].as_array().unwrap())
        .find(|argv| argv[0] == program)
        .unwrap_or_else(|| panic!("{program} not run: {r:#}"))
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect()
}

#[cfg(unix)]
#[test]
fn rpm_evidence_reads_the_tree_given_and_names_the_kernel_to_reboot_into() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    write(
        &root,
        "var/cache/dnf/baseos-1/repodata/repomd.xml",
        "<repomd/>",
    );
    write(
        &root,
        "proc/sys/kernel/osrelease",
        "5.14.0-362.8.1.el9_3.x86_64\n",
    );
    // Two kernels, the newer not running; bash installed after both.
    fake_tool(
        dir.path(),
        "rpm",
        "printf 'kernel-core\\t5.14.0-362.8.1.el9_3.x86_64\\t1700000000\\n\
         kernel-core\\t5.14.0-427.13.1.el9_4.x86_64\\t1710000000\\n\
         bash\\t5.1.8-9.el9.x86_64\\t1720000000\\n'",
    );
    let bin = fake_tool(
        dir.path(),
        "dnf",
        "printf 'RHSA-2024:0001 Important/Sec. openssl-1:3.0.7-25.el9_3.x86_64\\n'",
    );
    let config = "[[probe]]\nkind = \"patch-level\"\nsource = \"rpm\"\n";
    let (r, code) = probe(config, &root, Some(&bin));
    assert_eq!((r["verdict"].as_str(), code), (Some("fail"), 1), "{r:#}");
    assert_eq!(r["reason_code"], "security-updates-pending", "{r:#}");
    assert_eq!(r["observed"]["pending_security"], 1, "{r:#}");
    let kernel = &r["observed"]["kernel"];
    assert_eq!(
        kernel["newest_installed"], "5.14.0-427.13.1.el9_4.x86_64",
        "{r:#}"
    );
    assert_eq!(kernel["reboot_needed"], true, "{r:#}");
    assert!(
        codes(&r["warning_details"]).contains(&"kernel-reboot-needed"),
        "{r:#}"
    );
    // The databases read are the tree's, not this machine's.
    let rpm = argv_of(&r, "rpm");
    let at = rpm.iter().position(|a| *a == "--root").expect("--root");
    assert!(Path::new(rpm[at + 1]).ends_with("root"), "{rpm:?}");
    let dnf = argv_of(&r, "dnf");
    assert!(
        dnf.iter()
            .any(|a| a.starts_with("--installroot=") && a.ends_with("root")),
        "{dnf:?}"
    );

    // rpm failing: nothing is known about the packages, whatever dnf says.
    let bin = fake_tool(
        dir.path(),
        "rpm",
        "echo 'error: rpmdb: damaged header' >&2; exit 1",
    );
    fake_tool(dir.path(), "dnf", "exit 0");
    let (r, code) = probe(config, &root, Some(&bin));
    assert_eq!((r["verdict"].as_str(), code), (Some("unknown"), 0), "{r:#}");
    assert_eq!(r["reason_code"], "tool-failed", "{r:#}");
}

/// patch-level over a `Get-HotFix | Export-Csv` file written from `rows` (`InstalledOn`
/// values), as `bytes` turns its text into the file's bytes, with `extra` configuration.
fn hotfix_csv(rows: &[&str], extra: &str, bytes: impl Fn(&str) -> Vec<u8>) -> (Value, i32) {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("#TYPE Selected.System.Management.ManagementObject\r\n\"Source\",\"Description\",\"HotFixID\",\"InstalledBy\",\"InstalledOn\"\r\n");
    for (i, on) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "\"PC-UKETSUKE01\",\"Security Update\",\"KB50{i:05}\",\"NT AUTHORITY\\SYSTEM\",\"{on}\"\r\n"
        ));
    }
    let path = dir.path().join("hotfix.csv");
    std::fs::write(&path, bytes(&csv)).unwrap();
    let config = format!(
        "[[probe]]\nkind = \"patch-level\"\nsource = \"hotfix-csv\"\nhotfix_csv = '{}'\n{extra}",
        path.display()
    );
    probe(&config, dir.path(), None)
}

fn utf8(text: &str) -> Vec<u8> {
    text.as_bytes().to_vec()
}

const ANY_AGE: &str = "max_days_since_update = 100000\n";

#[test]
fn hotfix_dates_at_the_edges_of_day_month_and_year() {
    // Day 31 proves the file day-first, and is read.
    let (r, _) = hotfix_csv(
        &["31/10/2026 00:00:00", "05/10/2026 00:00:00"],
        ANY_AGE,
        utf8,
    );
    let o = &r["observed"];
    assert_eq!(o["date_order"], "dmy", "{r:#}");
    assert_eq!(
        (o["undated"].as_u64(), o["last_installed_on"].as_str()),
        (Some(0), Some("2026-10-31")),
        "{r:#}"
    );

    // 12 is a month as well as a day: 12/05 and 05/12 alone prove nothing, and are not read.
    for on in ["12/05/2026 12:00:00 AM", "05/12/2026 12:00:00 AM"] {
        let (r, code) = hotfix_csv(&[on], ANY_AGE, utf8);
        assert_eq!(
            (r["verdict"].as_str(), code),
            (Some("unknown"), 0),
            "{on}: {r:#}"
        );
        assert_eq!(r["reason_code"], "hotfix-date-order-unknown", "{on}: {r:#}");
        assert_eq!(
            r["observed"]["last_installed_on"],
            Value::Null,
            "{on}: {r:#}"
        );
        assert_eq!(r["observed"]["undated"], 1, "{on}: {r:#}");
    }

    // Proofs of both orders: not judged, yet each date that reads one way is recorded.
    let (r, _) = hotfix_csv(&["13/11/2026", "11/13/2026"], ANY_AGE, utf8);
    assert_eq!(r["reason_code"], "hotfix-date-order-conflict", "{r:#}");
    let o = &r["observed"];
    assert_eq!(
        (o["undated"].as_u64(), o["last_installed_on"].as_str()),
        (Some(0), Some("2026-11-13")),
        "{r:#}"
    );
}

#[test]
fn a_hotfix_installed_today_is_within_a_limit_of_zero_days() {
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date()
        .to_string();
    let (r, code) = hotfix_csv(&[&today], "max_days_since_update = 0\n", utf8);
    assert_eq!((r["verdict"].as_str(), code), (Some("pass"), 0), "{r:#}");
    assert_eq!(r["reason_code"], "hotfix-current", "{r:#}");
    assert_eq!(r["observed"]["days_since_update"], 0, "{r:#}");
}

#[test]
fn a_hotfix_csv_in_utf16_without_a_byte_order_mark_is_read_and_named() {
    let rows = ["1/9/2024 12:00:00 AM", "2/13/2024 12:00:00 AM"];
    for (name, bytes) in [
        (
            "utf-16le",
            (|t: &str| t.encode_utf16().flat_map(u16::to_le_bytes).collect())
                as fn(&str) -> Vec<u8>,
        ),
        ("utf-16be", |t: &str| {
            t.encode_utf16().flat_map(u16::to_be_bytes).collect()
        }),
    ] {
        let (r, _) = hotfix_csv(&rows, ANY_AGE, bytes);
        let o = &r["observed"];
        assert_eq!(o["encoding"], name, "{r:#}");
        assert_eq!(
            (o["hotfixes"].as_u64(), o["last_installed_on"].as_str()),
            (Some(2), Some("2024-02-13")),
            "{r:#}"
        );
    }
}
