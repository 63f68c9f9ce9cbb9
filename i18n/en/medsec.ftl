# medsec の表示文 / medsec's messages (en).
# One message per stable ID; the same IDs in ja/ and en/. Arguments are named ($item, $path).
# Sections follow the source's rooms; keep each message under its room's heading.

## common

common-yes = Yes
common-no = No
common-count-items = { $count ->
    [one] 1 item
   *[other] { $count } items
}

## cli

## checklist

## answers

## probes

# Ages and lists inside probe sentences.
probes-age-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
probes-age-hours = { $n ->
    [one] 1 hour
   *[other] { $n } hours
}
probes-age-minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}
probes-age-seconds = { $n ->
    [one] 1 second
   *[other] { $n } seconds
}
probes-list-separator = {", "}
probes-list-more = …
probes-sentence-separator = {"; "}
probes-item-separator = {"; "}

# Details quoted inside sentences: operating-system errors and parse errors, in words.
probes-os-not-found = no such file or folder
probes-os-permission-denied = permission denied
probes-os-is-a-directory = a folder, not a file
probes-os-not-a-directory = not a folder
probes-os-symlink-loop = a symbolic link loop
probes-os-io-error = an input/output error (the disk or the connection may be failing)
probes-os-too-large = the file is too large
probes-os-name-too-long = the path is too long
probes-os-other = system error number { $errno }
probes-error-timeout = stopped at the probe's timeout
probes-error-bad-csv = not readable as CSV (`{ $detail }`)
probes-error-no-hotfix-id = no HotFixID column; export with `Get-HotFix | Export-Csv -NoTypeInformation FILE`

# Reasons, warnings and notes of the probes, one per stable code (see docs/probes.md).
probes-cannot-read = cannot read { $path }: { $error }
probes-internal-error = the probe stopped on an internal error (a bug in medsec; please report it)
probes-no-result = the probe ended without a result
probes-timed-out = timed out after { $seconds }s; raise `timeout` for this probe to let it finish
probes-io-problem = { $problem ->
   *[other] { $error }
}
probes-tool-missing = `{ $tool }` is not installed or not on PATH
probes-cannot-run-tool = { $tool ->
    [restic] cannot list restic snapshots: { $error }
    [borg] cannot list borg archives: { $error }
    [rpm] cannot query rpm: { $error }
   *[other] cannot run { $tool }: { $error }
}
probes-tool-failed = { $how ->
    [code] { $tool } failed with exit code { $code }
    [signal] { $tool } was killed by signal { $signal }
   *[other] { $tool } ended without an exit code
}
probes-tool-failed-output = { $failed }: { $stderr }
probes-tool-json-not-understood = { $tool } printed JSON this probe does not understand: { $error }
probes-no-package-database = no package database found (neither dpkg nor rpm); on Windows give `source = "windows"` or a Get-HotFix CSV with `hotfix_csv`
probes-package-lists-stale = the package lists were last refreshed { $age } ago (max { $max_days } days)
probes-security-updates-pending = { $count } security update(s) pending (max { $max })
probes-security-updates-pending-list = { $count } security update(s) pending (max { $max }): { $packages }
probes-no-package-lists = no package lists in { $dir }, so pending updates are unknown (run `apt-get update`, then probe again)
probes-package-lists-refresh-unknown = cannot tell when the package lists were last refreshed
probes-dpkg-up-to-date = { $security } security update(s) pending (max { $max }), { $other } other; lists refreshed { $age } ago
probes-dpkg-up-to-date-no-age = { $security } security update(s) pending (max { $max }), { $other } other; when the lists were refreshed is unknown
probes-dnf-metadata-stale = dnf metadata was last refreshed { $age } ago (max { $max_days } days)
probes-dnf-security-unknown = pending security updates are unknown: `dnf -C updateinfo list --security` gave no answer (is dnf installed and its cache filled?)
probes-security-updates-within-limit = { $count } security update(s) pending (max { $max })
probes-cannot-decompress = cannot decompress: { $error }
probes-dnf-updateinfo-failed = dnf updateinfo failed: { $stderr }
probes-kernel-reboot-needed = the running kernel is not the newest installed one ({ $newest }); reboot to activate it
probes-reboot-required = the system asks for a reboot (/run/reboot-required) to finish updates
probes-windows-native-only = installed Windows updates can be read natively only on Windows; elsewhere export them with `Get-HotFix | Export-Csv -NoTypeInformation hotfix.csv` and give `hotfix_csv`
probes-hotfix-csv-invalid = { $source }: { $error }
probes-hotfix-no-dates = { $source }: no update with an installation date
probes-hotfix-stale = the newest update was installed { $days } days ago (max { $max_days } days)
probes-hotfix-current = { $count } updates installed; the newest { $days } days ago (max { $max_days } days)
probes-hotfix-pending-unknown = Get-HotFix lists installed updates only; pending updates are not known from it (check Windows Update)
probes-passwd-unreadable = cannot read { $path }: { $error } (local accounts are read from /etc/passwd on Unix only)
probes-leavers-unreadable = cannot read the leavers list { $path }: { $error }
probes-lastlog-too-large = { $bytes } bytes (sparse, indexed by uid): not read
probes-shadow-unreadable = /etc/shadow is not readable (run as root to see locked and empty passwords); accounts with a login shell are counted as able to log in
probes-accounts-to-review = { $count } account(s) to review: { $accounts }
probes-flagged-account = { $name } ({ $flags })
probes-flag-leaver = listed as having left, and can still log in
probes-flag-empty-password = empty password
probes-flag-unused-for = last login { $days } days ago (max { $max_days })
probes-flag-never-logged-in = never logged in
probes-no-login-records = no login records (/var/log/wtmp, /var/log/lastlog), so unused accounts cannot be told
probes-accounts-in-use = { $leavers_checked ->
    [true] { $can_log_in } account(s) can log in; none unused for more than { $max_days } days and none of a leaver
   *[false] { $can_log_in } account(s) can log in; none unused for more than { $max_days } days
}
probes-no-systemd-cgroup = { $path } is not there (no systemd with cgroup v2): running services are unknown
probes-processes-not-inspected = { $count } process(es) could not be inspected (run as root to name every listening program)
probes-services-not-allowed = { $count } service(s) not in allowed_services: { $services }
probes-ports-not-allowed = { $count } listening port(s) not in allowed_ports: { $ports }
probes-port = { $port }/{ $protocol } on { $address }
probes-port-program = { $port }/{ $protocol } on { $address } ({ $program })
probes-nothing-readable = neither /proc/net nor systemd's configuration is readable here
probes-no-allowlist = { $services } enabled service(s), { $ports } open port(s) listed; no allowlist configured (set allowed_services and allowed_ports to judge)
probes-all-allowed = { $services } enabled service(s) and { $ports } open port(s), all in the allowlist
probes-ledger-unreadable = cannot read the ledger { $path }: { $error }
probes-ledger-invalid = { $path }: { $error }
probes-ledger-no-header = { $path }: no header row with the ledger's columns in the first 10 rows (expected names such as 機器名, 種別, 設置場所, OS, 管理者, リモートメンテナンス; or map them with `columns`)
probes-ledger-unclassified-rows = { $rows } row(s) have a type that is not a server, PC or network device; they were not checked
probes-ledger-missing-columns = the ledger has no column for: { $columns }
probes-ledger-field = `{ $field }`
probes-ledger-no-devices = no server, PC or network device is listed
probes-ledger-row-problems = { $count } missing or invalid field(s): { $rows }
probes-ledger-row = row { $row } ({ $device }): { $problem }
probes-ledger-row-unnamed = row { $row }: { $problem }
probes-ledger-empty-field = { $field } is empty
probes-ledger-remote-maintenance-not-yes-no = remote maintenance `{ $value }` is not a yes/no answer (はい/いいえ, 有/無)
probes-host-not-in-ledger = this machine ({ $host }) is not in the ledger
probes-ledger-complete = { $devices } device(s) listed with every required field; this machine ({ $host }) is on row { $row }
probes-remote-needs-format = `{ $path }` looks like a remote repository; set format = "restic" or "borg"
probes-backup-missing = { $path } is not there now (an unmounted or offline backup cannot be checked from here; check it by hand)
probes-backup-not-a-folder = { $path } is not a folder; give the backup folder or repository
probes-password-file-unreadable = cannot read the password file { $path }: { $error }
probes-walk-problems = { $loops } symlink loop(s), { $unreadable } folder(s) or file(s) not readable, { $vanished } vanished during the walk, { $other } other error(s)
probes-too-few-files = { $files } file(s), fewer than min_files = { $min }
probes-too-few-bytes = { $bytes } bytes, less than min_bytes = { $min }
probes-backup-too-old = the newest file is { $age } old, older than max_age = { $max_age }
probes-backup-partly-unread = { $stopped ->
    [true] { $failures }; but { $unreadable } part(s) of the tree could not be read and the walk was stopped, so newer backups may be there
   *[false] { $failures }; but { $unreadable } part(s) of the tree could not be read, so newer backups may be there
}
probes-backup-fresh-no-age = { $files } file(s), { $bytes } bytes; the time of the newest is unknown (max_age { $max_age })
probes-backup-fresh = { $files } file(s), { $bytes } bytes; the newest is { $age } old (max_age { $max_age })
probes-too-few-snapshots = { $count } { $tool } snapshot(s), fewer than min_snapshots = { $min }
probes-snapshot-too-old = the newest { $tool } snapshot is { $age } old, older than max_age = { $max_age }
probes-snapshots-fresh = { $count } { $tool } snapshot(s); the newest is { $age } old (max_age { $max_age })
probes-snapshots-fresh-no-age = { $count } { $tool } snapshot(s); the time of the newest is unknown (max_age { $max_age })
probes-same-filesystem = the backup is on the same filesystem as { $path } (the data it protects); keep another generation on other media or offline
probes-on-root-filesystem = the backup is on the system's root filesystem and online now; malware on this machine can reach it

# Answer contradictions.
probes-contradiction = answered はい to { $item }, but the { $kind } probe failed: { $reason }
probes-contradiction-named = answered はい to { $item }, but the { $kind } probe ({ $name }) failed: { $reason }

# The table of probe results.
probes-table-probe = Probe
probes-table-verdict = Verdict
probes-table-items = Checklist items
probes-table-reason = Reason
probes-verdict-pass = pass
probes-verdict-fail = FAIL
probes-verdict-unknown = unknown
probes-probe-named = { $kind } ({ $name })
probes-items-none = (no item of this form)
probes-note-warning = { $probe }: warning: { $text }
probes-note-unreadable = { $probe }: could not read { $path } ({ $text })
probes-note-unreadable-more = { $probe }: could not read { $count } more (see `--format json`)
probes-note-contradiction = contradicts an answer: { $text }
probes-summary = { $host }: { $pass } pass, { $fail } fail, { $unknown } unknown, { $contradictions } contradiction(s)

# Errors of `medsec probe` and its configuration file.
probes-root-not-a-folder = `--root` { $path }: not a folder
probes-cannot-read-file = cannot read { $path }: { $error }
probes-cannot-write-evidence = cannot write the evidence to { $path }: { $error }
probes-config-cannot-read = cannot read probe configuration { $path }: { $error }
probes-config-invalid = { $location }: { $message }
probes-config-not-utf8 = not UTF-8 text (at byte { $byte }); save it as UTF-8
probes-config-toml = not valid TOML (`{ $detail }`)
probes-config-unknown-setting = there is no setting `{ $field }`; check its spelling (the settings are in docs/probes.md)
probes-config-missing-setting = the setting `{ $field }` is missing
probes-config-unknown-role = unknown role `{ $value }`; use `server` or `terminal`
probes-config-unknown-kind = unknown probe kind `{ $value }`; known: { $known }
probes-config-field-not-for-kind = `{ $field }` is not a setting of `{ $kind }` probes; they take: { $allowed }
probes-config-negative = must be 0 or more
probes-config-out-of-range = must be between { $min } and { $max }
probes-config-unknown-source = unknown source `{ $value }`; use auto, dpkg, rpm, windows or hotfix-csv
probes-config-unknown-date-order = unknown date_order `{ $value }`; use mdy, dmy or ymd
probes-config-hotfix-csv-needed = `source = "hotfix-csv"` needs `hotfix_csv = "PATH"` (a file from `Get-HotFix | Export-Csv`)
probes-config-backup-needs-path = a backup-freshness probe needs `path` (the backup folder or repository)
probes-config-unknown-format = unknown format `{ $value }`; use auto, directory, restic or borg
probes-config-unknown-time-basis = unknown time_basis `{ $value }`; use `change` (newer of mtime and ctime) or `mtime`
probes-config-ledger-needs-path = an asset-ledger probe needs `path` (the ledger, .csv or .xlsx)
probes-config-unknown-ledger-field = unknown ledger field `{ $field }` in `{ $key }`; known: { $known }
probes-config-not-a-duration = `{ $value }` is not a duration; write a number and a unit: 90m, 36h, 7d (s, m, h, d, w)
probes-config-not-a-port = `{ $value }` is not a port; write 22/tcp or 123/udp
probes-config-bad-protocol = `{ $value }`: the protocol must be tcp or udp

## report

## signing

## verify

## lint

## diff

## render
