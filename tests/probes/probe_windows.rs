//! The Windows probes, judged on any OS from recorded outputs (tests/fixtures/windows/): the
//! configuration is parsed as `medsec probe` parses it, the probe runs through the same runner
//! (`run_one`) and the evidence is read as JSON and in Japanese, as users meet it. Only the
//! source of the answers differs: recordings instead of PowerShell on the machine.

use medsec::checklist::Lang;
use medsec::probes::messages::join_coded;
use medsec::probes::windows::{self, Query, Recorded, SourceError};
use medsec::probes::{config, run_one, NoProgress, ProbeResult};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/windows")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Run the one probe of `config` with `source` answering its Windows questions.
fn run(config: &str, source: Recorded) -> (ProbeResult, Value) {
    let cfg = config::parse("probes.toml", config).unwrap();
    let spec = &cfg.probes[0];
    let probe = windows::with_source(spec, cfg.role, Arc::new(source));
    let result = run_one(probe, spec, Path::new("/"), "pc01", &NoProgress);
    let json = serde_json::to_value(&result).unwrap();
    (result, json)
}

fn codes(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

fn reason_ja(r: &ProbeResult) -> String {
    join_coded(&r.reason_details, Lang::Ja, "")
}

fn warnings_ja(r: &ProbeResult) -> String {
    join_coded(&r.warning_details, Lang::Ja, "")
}

fn days_since(date: &str) -> i64 {
    let d: jiff::civil::Date = date.parse().unwrap();
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    i64::from((today - d).get_days())
}

const PATCH: &str = "[[probe]]\nkind = \"patch-level\"\nsource = \"windows\"\n";
const PATCH_ANY_AGE: &str =
    "[[probe]]\nkind = \"patch-level\"\nsource = \"windows\"\nmax_days_since_update = 36500\n";

#[test]
fn without_powershell_every_probe_says_so_and_never_blames_a_column() {
    let (r, j) = run(PATCH, Recorded::new());
    assert_eq!(j["verdict"], "unknown");
    assert_eq!(j["reason_code"], "powershell-missing", "{j:#}");
    assert_eq!(j["reason_details"][0]["params"]["query"], "updates");
    assert!(!r.reason.contains("HotFixID"), "{}", r.reason);
    assert!(
        r.reason
            .contains("PowerShell (`powershell.exe`) is not available"),
        "{}",
        r.reason
    );
    assert!(reason_ja(&r).contains("インストール済みの更新と未適用の更新を読めません"));

    let (r, j) = run("[[probe]]\nkind = \"accounts\"\n", Recorded::new());
    assert_eq!(
        (j["verdict"].as_str(), j["reason_code"].as_str()),
        (Some("unknown"), Some("powershell-missing"))
    );
    assert!(
        reason_ja(&r).contains("ローカルアカウントを読めません"),
        "{}",
        reason_ja(&r)
    );

    // services falls back to netstat; when that is missing too, both are said.
    let (_, j) = run("[[probe]]\nkind = \"services\"\n", Recorded::new());
    assert_eq!(j["reason_code"], "powershell-missing");
    assert_eq!(codes(&j["warning_details"]), ["tool-missing"]);
}

#[test]
fn a_failing_powershell_says_its_exit_code_and_error_output() {
    let failed = SourceError::Failed {
        tool: "powershell.exe".into(),
        exit_code: Some(1),
        stderr:
            "Get-LocalUser : 用語 'Get-LocalUser' は、コマンドレット、関数として認識されません。"
                .into(),
    };
    let (r, j) = run(
        "[[probe]]\nkind = \"accounts\"\n",
        Recorded::new().fail(Query::Accounts, failed),
    );
    assert_eq!(j["reason_code"], "powershell-failed");
    assert_eq!(j["reason_details"][0]["params"]["exit_code"], 1);
    let ja = reason_ja(&r);
    assert!(ja.contains("終了コード1で失敗しました"), "{ja}");
    assert!(ja.contains("'Get-LocalUser' は"), "{ja}");

    let (r, j) = run(
        PATCH,
        Recorded::new().answer(Query::Updates, "Get-HotFix : アクセスが拒否されました"),
    );
    assert_eq!(j["reason_code"], "powershell-output-not-understood");
    assert!(
        reason_ja(&r).contains("更新の一覧の情報"),
        "{}",
        reason_ja(&r)
    );
}

#[test]
fn windows_11_24h2_pro_past_its_servicing_with_a_security_update_pending_fails() {
    let (r, j) = run(
        PATCH_ANY_AGE,
        Recorded::new().answer(Query::Updates, fixture("updates-ja-jp-win11-pro-24h2.json")),
    );
    assert_eq!(j["verdict"], "fail", "{j:#}");
    assert_eq!(
        codes(&j["reason_details"]),
        ["end-of-servicing", "security-updates-pending"]
    );
    let o = &j["observed"];
    assert_eq!(o["os_build"], "26100.6899");
    assert_eq!(o["support"]["status"], "ended");
    assert_eq!(o["support"]["end_of_servicing"], "2026-10-13");
    assert_eq!(
        o["support"]["source"],
        "https://learn.microsoft.com/lifecycle/products/windows-11-home-and-pro"
    );
    // The Defender definition update is not a security update; the cumulative update is.
    assert_eq!(
        (
            o["pending_updates"].as_u64(),
            o["pending_security"].as_u64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(j["reason_details"][1]["params"]["packages"][0], "KB5072033");
    assert_eq!(o["last_installed_on"], "2026-10-15");
    assert_eq!(
        o["days_since_update"].as_i64(),
        Some(days_since("2026-10-15"))
    );
    assert_eq!(o["security_updates"], 2);
    assert_eq!(codes(&j["warning_details"]), ["pending-updates-read"]);
    let ja = reason_ja(&r);
    assert!(
        ja.contains("Windows 11 24H2(ビルド26100.6899)のセキュリティ更新は2026-10-13で終了"),
        "{ja}"
    );
    assert!(ja.contains("未適用のセキュリティ更新が1件"), "{ja}");
    assert!(warnings_ja(&r).contains("未適用の更新が2件(うちセキュリティ更新1件)"));
}

#[test]
fn a_server_2022_recording_in_utf16_passes_and_its_age_counts() {
    let source = || {
        Recorded::new().answer(
            Query::Updates,
            fixture("updates-en-us-server-2022.utf16le.json"),
        )
    };
    let (r, j) = run(PATCH_ANY_AGE, source());
    assert_eq!(j["verdict"], "pass", "{j:#}");
    assert_eq!(
        codes(&j["reason_details"]),
        ["hotfix-current", "security-updates-within-limit"]
    );
    let o = &j["observed"];
    assert_eq!(o["encoding"], "utf-16le");
    assert_eq!(o["os"]["edition_id"], "ServerStandard");
    assert_eq!(
        (
            o["support"]["status"].as_str(),
            o["support"]["product"].as_str()
        ),
        (Some("supported"), Some("Windows Server 2022"))
    );
    assert_eq!(
        o["days_since_update"].as_i64(),
        Some(days_since("2026-11-12"))
    );
    assert!(reason_ja(&r).contains("更新が2件インストールされています"));

    // The same machine, judged with no days allowed since the newest update.
    let (_, j) = run(
        "[[probe]]\nkind = \"patch-level\"\nsource = \"windows\"\nmax_days_since_update = 0\n",
        source(),
    );
    assert_eq!(
        (j["verdict"].as_str(), j["reason_code"].as_str()),
        (Some("fail"), Some("hotfix-stale"))
    );
}

#[test]
fn a_cp932_recording_from_japanese_ltsc_reads_and_an_unavailable_update_agent_is_said() {
    let (r, j) = run(
        PATCH_ANY_AGE,
        Recorded::new().answer(
            Query::Updates,
            fixture("updates-ja-jp-ltsc-2021.cp932.json"),
        ),
    );
    let o = &j["observed"];
    assert_eq!(o["encoding"], "shift_jis");
    assert_eq!(
        o["support"]["product"],
        "Windows 10 IoT Enterprise LTSC 2021"
    );
    assert_eq!(o["support"]["end_of_servicing"], "2032-01-13");
    assert_eq!(o["pending_security"], Value::Null);
    assert_eq!(j["verdict"], "pass");
    assert_eq!(codes(&j["warning_details"]), ["update-agent-unavailable"]);
    assert_eq!(
        j["warning_details"][0]["params"]["error"],
        "HRESULT からの例外:0x8024402C"
    );
    assert!(warnings_ja(&r).contains("未適用の更新はわかりません"));
}

#[test]
fn day_first_dates_are_decided_for_the_whole_recording_and_windows_10_has_ended() {
    let (r, j) = run(
        PATCH_ANY_AGE,
        Recorded::new().answer(Query::Updates, fixture("updates-en-gb-win10-22h2.json")),
    );
    let o = &j["observed"];
    assert_eq!(
        (o["date_order"].as_str(), o["date_order_basis"].as_str()),
        (Some("dmy"), Some("file"))
    );
    assert_eq!(o["last_installed_on"], "2025-11-13");
    let dates: Vec<&str> = o["newest_hotfixes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["installed_on"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2025-11-13", "2025-10-05", "2022-01-12"]);
    assert_eq!(j["verdict"], "fail");
    assert_eq!(j["reason_code"], "end-of-servicing");
    assert!(
        r.reason.contains("Extended Security Updates"),
        "{}",
        r.reason
    );
    assert!(reason_ja(&r).contains("拡張セキュリティ更新(ESU)"));
}

#[test]
fn a_build_the_table_does_not_know_is_unknown_never_guessed() {
    let (r, j) = run(
        PATCH_ANY_AGE,
        Recorded::new().answer(Query::Updates, fixture("updates-en-us-insider.json")),
    );
    assert_eq!(j["observed"]["support"]["status"], "unknown");
    assert_eq!(j["verdict"], "pass");
    assert_eq!(
        codes(&j["warning_details"]),
        ["pending-updates-read", "os-build-unknown"]
    );
    assert!(
        warnings_ja(&r).contains("ビルド27965.1000(Professional)はmedsecのサポート期限表にない")
    );
}

#[test]
fn japanese_accounts_are_judged_by_sid_with_the_linux_rules_and_the_shared_administrator() {
    let (r, j) = run(
        "[[probe]]\nkind = \"accounts\"\nleavers = [\"Tanaka\"]\n",
        Recorded::new().answer(Query::Accounts, fixture("accounts-ja-jp.json")),
    );
    assert_eq!(j["verdict"], "fail", "{j:#}");
    assert_eq!(j["reason_code"], "accounts-to-review");
    let accounts = j["reason_details"][0]["params"]["accounts"]
        .as_array()
        .unwrap();
    let flags = |name: &str| -> Vec<String> {
        accounts
            .iter()
            .find(|a| a["name"] == name)
            .map(|a| codes(&a["flags"]))
            .unwrap_or_default()
    };
    assert_eq!(
        flags("Administrator"),
        ["builtin-administrator-enabled", "unused-for"]
    );
    assert_eq!(flags("tanaka"), ["leaver"]);
    assert_eq!(flags("旧事務長"), ["unused-for"]);
    assert_eq!(
        flags("検査用"),
        ["password-not-required", "never-logged-in"]
    );
    // Disabled built-in accounts are not flagged.
    for quiet in ["Guest", "DefaultAccount", "WDAGUtilityAccount"] {
        assert!(flags(quiet).is_empty(), "{quiet}");
    }
    // Administrators found by S-1-5-32-544, whatever the group or class is called.
    let view = |name: &str| {
        j["observed"]["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .cloned()
            .unwrap()
    };
    assert_eq!(view("Administrator")["administrator"], true);
    assert_eq!(view("受付")["administrator"], true);
    assert_eq!(view("受付")["password_never_expires"], false);
    assert_eq!(view("tanaka")["administrator"], false);
    assert_eq!(view("tanaka")["password_never_expires"], true);
    assert_eq!(
        j["observed"]["administrators"][2]["object_class"],
        "グループ"
    );
    let ja = reason_ja(&r);
    assert!(
        ja.contains("組み込みのAdministratorアカウントが有効"),
        "{ja}"
    );
    assert!(
        ja.contains("tanaka(退職者リストにあり、まだログインできる)"),
        "{ja}"
    );
}

#[test]
fn enabled_accounts_whose_password_never_expires_are_a_warning_naming_each() {
    let (r, j) = run(
        "[[probe]]\nkind = \"accounts\"\nignore = [\"旧事務長\"]\n",
        Recorded::new().answer(Query::Accounts, fixture("accounts-ja-jp.json")),
    );
    // A warning beside the verdict, never the reason for it.
    assert_eq!(codes(&j["warning_details"]), ["passwords-never-expire"]);
    assert!(!codes(&j["reason_details"]).contains(&"passwords-never-expire".to_owned()));
    // Enabled without an expiry: named. 受付 has an expiry date; Guest, DefaultAccount and
    // WDAGUtilityAccount are disabled; 旧事務長 is ignored by the configuration.
    assert_eq!(
        j["warning_details"][0]["params"]["accounts"],
        serde_json::json!(["Administrator", "tanaka", "検査用"])
    );
    let ja = warnings_ja(&r);
    assert!(
        ja.contains("パスワードに有効期限のない有効なアカウントがあります(3件): Administrator、tanaka、検査用。"),
        "{ja}"
    );
    assert!(ja.contains("「パスワードを無期限にする」をオフ"), "{ja}");
    let en = join_coded(&r.warning_details, Lang::En, "");
    assert!(
        en.contains("3 enabled account(s) have a password that never expires: Administrator, tanaka, 検査用."),
        "{en}"
    );
    // The English recording: the one enabled account has an expiry date, so no warning.
    let (_, j) = run(
        "[[probe]]\nkind = \"accounts\"\nmax_unused_days = 36500\n",
        Recorded::new().answer(Query::Accounts, fixture("accounts-en-us.utf16le.json")),
    );
    assert!(!codes(&j["warning_details"]).contains(&"passwords-never-expire".to_owned()));
}

#[test]
fn english_accounts_in_utf16_with_unreadable_administrators_pass_with_a_warning() {
    let (r, j) = run(
        "[[probe]]\nkind = \"accounts\"\nmax_unused_days = 36500\n",
        Recorded::new().answer(Query::Accounts, fixture("accounts-en-us.utf16le.json")),
    );
    assert_eq!(j["verdict"], "pass", "{j:#}");
    assert_eq!(j["reason_code"], "accounts-in-use");
    assert_eq!(j["reason_details"][0]["params"]["can_log_in"], 1);
    assert_eq!(codes(&j["warning_details"]), ["administrators-unknown"]);
    let clinic = &j["observed"]["accounts"][2];
    assert_eq!(
        clinic["sid"],
        "S-1-5-21-1111111111-2222222222-3333333333-1001"
    );
    assert_eq!(clinic["last_logon"], "2026-11-29T00:00:00Z");
    assert_eq!(clinic["administrator"], Value::Null);
    assert!(warnings_ja(&r).contains("どのアカウントが管理者かわかりません"));
}

const LISTENERS: &str = "listeners-ja-jp.json";

#[test]
fn rdp_and_smb_open_to_every_address_are_named_in_the_reason() {
    let (r, j) = run(
        "[[probe]]\nkind = \"services\"\nallowed_ports = [135, 8080, \"123/udp\"]\n",
        Recorded::new().answer(Query::Listeners, fixture(LISTENERS)),
    );
    assert_eq!(j["verdict"], "fail", "{j:#}");
    // Only the entry points are left, so they are the whole reason.
    assert_eq!(codes(&j["reason_details"]), ["remote-entry-points-open"]);
    let ports: Vec<&str> = j["reason_details"][0]["params"]["ports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(
        ports,
        [
            "445/tcp on 0.0.0.0 (System)",
            "445/tcp on :: (System)",
            "3389/tcp on 0.0.0.0 (svchost: TermService)",
            "3389/tcp on :: (svchost: TermService)",
            "3389/udp on 0.0.0.0 (svchost: TermService)",
        ]
    );
    // 3306 listens on loopback only: not judged.
    assert!(!r.reason.contains("3306"), "{}", r.reason);
    let ja = reason_ja(&r);
    assert!(
        ja.contains("リモートデスクトップ(RDP、3389番)またはファイル共有(SMB、445番)"),
        "{ja}"
    );
    assert!(
        ja.contains("0.0.0.0のTCP 3389番ポート(svchost: TermService)"),
        "{ja}"
    );
    assert!(r.reason.contains("ransomware"), "{}", r.reason);
    assert_eq!(j["observed"]["source"], "powershell");
    assert_eq!(
        j["observed"]["running_services"].as_array().unwrap().len(),
        7
    );
}

#[test]
fn without_an_allowlist_rdp_and_smb_are_a_warning_and_services_are_judged_by_listeners() {
    let (r, j) = run(
        "[[probe]]\nkind = \"services\"\n",
        Recorded::new().answer(Query::Listeners, fixture(LISTENERS)),
    );
    assert_eq!(
        (j["verdict"].as_str(), j["reason_code"].as_str()),
        (Some("unknown"), Some("no-allowlist"))
    );
    assert_eq!(
        codes(&j["warning_details"]),
        ["remote-entry-points-listening"]
    );
    assert!(warnings_ja(&r).contains("すべてのアドレスで待ち受けています"));

    let all_ports = "allowed_ports = [135, 445, 3389, 8080, \"3389/udp\", \"123/udp\"]\n";
    let (_, j) = run(
        &format!("[[probe]]\nkind = \"services\"\n{all_ports}allowed_services = [\"RpcEptMapper\", \"RpcSs\", \"TermService\", \"W32Time\"]\n"),
        Recorded::new().answer(Query::Listeners, fixture(LISTENERS)),
    );
    assert_eq!(j["verdict"], "fail");
    assert_eq!(codes(&j["reason_details"]), ["services-not-allowed"]);
    assert_eq!(
        j["reason_details"][0]["params"]["services"],
        serde_json::json!(["KarteSvc"])
    );
    assert_eq!(
        codes(&j["warning_details"]),
        ["remote-entry-points-listening"]
    );

    let (_, j) = run(
        &format!("[[probe]]\nkind = \"services\"\n{all_ports}allowed_services = [\"rpceptmapper\", \"RpcSs\", \"TermService\", \"W32Time\", \"KarteSvc\"]\n"),
        Recorded::new().answer(Query::Listeners, fixture(LISTENERS)),
    );
    assert_eq!(
        (j["verdict"].as_str(), j["reason_code"].as_str()),
        (Some("pass"), Some("all-allowed"))
    );
}

#[test]
fn netstat_and_tasklist_in_cp932_stand_in_when_powershell_cannot() {
    let (r, j) = run(
        "[[probe]]\nkind = \"services\"\nallowed_ports = [135, \"123/udp\"]\n",
        Recorded::new()
            .answer(Query::Netstat, fixture("netstat-ano-ja-jp.cp932.txt"))
            .answer(Query::Tasklist, fixture("tasklist-svc-ja-jp.cp932.csv")),
    );
    assert_eq!(j["observed"]["source"], "netstat");
    assert_eq!(codes(&j["warning_details"])[0], "netstat-fallback");
    assert_eq!(j["warning_details"][0]["params"]["cause"], "missing");
    assert!(
        warnings_ja(&r)
            .contains("PowerShellが使えないため、待ち受けポートを`netstat -ano`で読みました"),
        "{}",
        warnings_ja(&r)
    );
    assert_eq!(j["verdict"], "fail");
    assert_eq!(codes(&j["reason_details"]), ["remote-entry-points-open"]);
    assert_eq!(
        j["reason_details"][0]["params"]["ports"],
        serde_json::json!([
            "445/tcp on 0.0.0.0 (System)",
            "445/tcp on :: (System)",
            "3389/tcp on 0.0.0.0 (svchost: TermService)"
        ])
    );
    // The established connection and the loopback endpoints are not listening sockets judged.
    assert_eq!(
        j["observed"]["open_ports"],
        serde_json::json!(["123/udp", "135/tcp", "445/tcp", "3389/tcp"])
    );
}

/// Every element of an XML document by its path (`Task/Actions/Exec/Command`) with its text,
/// in document order; panics unless the document is well-formed.
fn xml_elements(xml: &str) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let (mut path, mut found) = (Vec::<String>::new(), Vec::new());
    let mut roots = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                roots += usize::from(path.is_empty());
                path.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap());
                found.push((path.join("/"), String::new()));
            }
            Event::Empty(e) => {
                roots += usize::from(path.is_empty());
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                found.push((format!("{}/{name}", path.join("/")), String::new()));
            }
            Event::Text(t) => {
                let text = t.decode().unwrap();
                if let Some(last) = found.last_mut().filter(|l| l.0 == path.join("/")) {
                    last.1.push_str(text.trim());
                }
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(path.is_empty(), "unclosed elements: {path:?}");
    assert_eq!(roots, 1, "one root element");
    found
}

/// The Task Scheduler example (docs/windows.md): a task definition that Windows' `schtasks
/// /Create /XML` takes, checked here for what Wine cannot check (Wine's Task Scheduler accepts
/// it but keeps neither its trigger nor its action; scripts/windows-e2e.sh registers it there).
#[test]
fn the_monthly_task_runs_the_probe_script_on_the_first_of_every_month() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let xml = std::fs::read_to_string(root.join("examples/windows/monthly-probe.xml")).unwrap();
    // ASCII only: whatever encoding schtasks assumes, it reads the same text.
    assert!(xml.is_ascii());
    assert!(xml.starts_with("<?xml version=\"1.0\""));
    let elements = xml_elements(&xml);
    let text = |path: &str| -> Vec<&str> {
        elements
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, t)| t.as_str())
            .collect()
    };
    assert!(xml.contains(
        "<Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">"
    ));
    // The Actions part must be there (MS-TSCH 2.5); one program, PowerShell with the script,
    // by its full path in the system folder (the Task Scheduler expands %SystemRoot%): by bare
    // name Windows would run a powershell.exe planted in the working folder first.
    assert_eq!(
        text("Task/Actions/Exec/Command"),
        [r"%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe"]
    );
    assert_eq!(
        text("Task/Actions/Exec/Arguments"),
        [r"-NoProfile -ExecutionPolicy Bypass -File C:\medsec\monthly-probe.ps1"]
    );
    // One trigger: the 1st of each of the twelve months, at 09:00 local time.
    let trigger = "Task/Triggers/CalendarTrigger";
    assert_eq!(
        elements
            .iter()
            .filter(|(p, _)| p.starts_with("Task/Triggers/") && p.matches('/').count() == 2)
            .count(),
        1
    );
    let start: jiff::civil::DateTime = text(&format!("{trigger}/StartBoundary"))[0]
        .parse()
        .unwrap();
    assert_eq!((start.hour(), start.minute(), start.day()), (9, 0, 1));
    assert_eq!(
        text(&format!("{trigger}/ScheduleByMonth/DaysOfMonth/Day")),
        ["1"]
    );
    let months: Vec<&str> = elements
        .iter()
        .filter_map(|(p, _)| p.strip_prefix(&format!("{trigger}/ScheduleByMonth/Months/")))
        .collect();
    assert_eq!(
        months,
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December"
        ]
    );
    assert_eq!(text("Task/Settings/StartWhenAvailable"), ["true"]);
    assert_eq!(text("Task/Principals/Principal/LogonType"), ["Password"]);

    // The script it runs writes one evidence file a month with flags medsec takes.
    let script = std::fs::read_to_string(root.join("examples/windows/monthly-probe.ps1")).unwrap();
    let line = script
        .lines()
        .find(|l| l.contains("medsec.exe\" probe"))
        .unwrap();
    assert!(
        line.contains("--format json --out $file --no-progress"),
        "{line}"
    );
    use clap::Parser;
    let args = [
        "medsec",
        "probe",
        "--config",
        "probes.toml",
        "--format",
        "json",
        "--out",
        "f.json",
        "--no-progress",
    ];
    assert!(medsec::cli::Cli::try_parse_from(args).is_ok());
    assert!(script.contains("evidence-{0:yyyy-MM}.json"));
    // The docs give the same registration command as the file's own comment.
    let docs = std::fs::read_to_string(root.join("docs/windows.md")).unwrap();
    for needle in [
        r"schtasks /Create /XML C:\medsec\monthly-probe.xml /TN ",
        "/RU PC-UKETSUKE01\\medsec-probe /RP *",
    ] {
        assert!(xml.contains(needle), "{needle}");
        assert!(docs.contains(needle), "{needle}");
    }
}
