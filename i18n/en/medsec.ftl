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

## report

report-written = wrote { $dir }: { $code } { $name } ({ $checklist }), { $fy }, { $vendors ->
    [one] 1 vendor form
   *[other] { $vendors } vendor forms
}, { $attached ->
    [one] 1 attached file
   *[other] { $attached } attached files
}
report-findings = findings: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
report-findings-recorded = findings: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
} (the report records them; see `medsec status`)
report-not-signed = not signed; sign it with `medsec sign DIR --key KEY`
report-need-answers-out = give --answers FILE and --out DIR (or `medsec report schema`)
report-vendor-unsigned = warning: vendor form { $form } is not signed (no { $signature } beside it); an inspector will see it as unsigned
report-answer-contradicted-by-probe = answered Yes to { $item }, but the { $probe } probe ({ $name }) failed: { $reason }
report-answer-contradicted-by-unnamed-probe = answered Yes to { $item }, but the { $probe } probe failed: { $reason }
report-not-institution-form = { $path }: this is a { $form } form; --answers takes the institution's or pharmacy's answers, vendor forms go with --vendor
report-not-vendor-form = { $path }: this is a { $form } form, not a vendor form; give it with --answers
report-missing-institution = { $path }: [institution] { $field } is missing; a report names the institution (the signature carries its code)
report-field-code = code (the institution code)
report-field-name = name
report-evidence = { $file }:{ $line }: { $item } (round { $round }): evidence file `{ $named }` { $problem } (paths are relative to the answers file)
report-evidence-not-a-file = is not a file (name each file)
report-evidence-not-found = does not exist (looked for { $path })
report-evidence-unreadable = cannot be read: { $reason }
report-evidence-not-storable = cannot be stored in a bundle: { $reason }
report-evidence-clash = { $file }:{ $line }: { $item }: evidence `{ $named }` would be stored as `{ $path }`, which another evidence path already takes; rename one of the files
report-form-name-clash = two answers files are both named `{ $name }` ({ $first } and { $second }); rename one, as the report names forms by file name
report-probe-evidence = { $path }: { $reason }
report-probe-evidence-not-json = line { $line } column { $column }: not JSON ({ $error })
report-probe-evidence-version = not a probe evidence document of format_version { $expected } (found { $found }); make it with `medsec probe --out evidence.json`
report-probe-evidence-shape = not a probe evidence document ({ $error })
report-read = cannot read { $path }: { $reason }
report-json = { $path }:{ $line }:{ $column }: not valid report JSON ({ $error })
report-version = { $path }: format_version { $found } is not supported; this medsec reads format_version { $supported } (a newer medsec may read it)
report-version-missing = (missing)
report-serialize = cannot write report.json: { $error }
report-not-replaced = { $path } was not replaced: { $reason }; nothing was written. Choose a new or empty folder for --out, or move this one away first
report-not-replaced-not-folder = it is not a folder
report-not-replaced-symlink = it is a symbolic link
report-not-replaced-no-manifest = it is not a report bundle made by medsec (no { $manifest })
report-not-replaced-bad-manifest = its { $manifest } is not a manifest (line { $line }: { $reason })
report-not-replaced-not-report = it is not a report bundle made by medsec ({ $reason })
report-not-replaced-no-report-listed = its manifest does not list { $file }
report-not-replaced-unlisted = it holds { $count } file(s) or folder(s) its manifest does not list: { $names }
report-not-replaced-not-named = its manifest lists { $count } file(s) its report.json does not name, so medsec did not write it: { $names }
report-not-replaced-changed = { $count } file(s) changed or missing since its manifest was written: { $names }
report-not-replaced-unreadable = it cannot be read whole ({ $reason })

## signing

signing-prompt-new-key = Passphrase for the new secret key:
signing-prompt-again = Passphrase (again):
signing-prompt-key = Passphrase for { $path }:
signing-passphrase-env-unset = --passphrase-env { $var }: the environment variable { $var } is not set
signing-passphrase-env-not-utf8 = --passphrase-env { $var }: the value is not valid UTF-8
signing-passphrase-no-terminal = a passphrase is needed and there is no terminal to ask on; use --passphrase-env VAR
signing-passphrase-unreadable = cannot read the passphrase from the terminal: { $reason }
signing-passphrase-differ = the two passphrases differ; nothing was written
signing-keygen-key-id = key ID { $key }
signing-keygen-secret = secret key: { $path } (keep it private; mode 0600)
signing-keygen-public = public key: { $path } (give it to the inspectors)
signing-keygen-unencrypted = warning: { $path } is not encrypted: anyone who can read it can sign in your name
signing-signed-bundle = signed { $dir }: { $files ->
    [one] 1 file
   *[other] { $files } files
} with key { $key }
signing-signed-form = signed { $form } with key { $key }: wrote { $signature }
signing-trusted-comment = trusted comment: { $comment }
signing-check-with = check with: { $command }
signing-need-dir = give the bundle folder DIR, or --form FILE to sign a vendor form
signing-error-exists = { $path } already exists; use --force to overwrite it
signing-error-bad-key = { $path }: not a minisign { $what }: { $reason }
signing-what-public-key = public key
signing-what-secret-key = secret key
signing-key-empty = the file is empty
signing-key-no-comment = the first line must be `untrusted comment: ...`
signing-key-no-key-line = the key line is missing
signing-key-not-base64 = the key line is not base64
signing-key-unsupported = unsupported algorithm (expected Ed25519, scrypt or none)
signing-key-detail = the key cannot be read ({ $detail })
signing-error-wrong-passphrase = { $path }: wrong passphrase for this secret key
signing-error-passphrase-needed = { $path } is encrypted; give its passphrase on a terminal or with --passphrase-env VAR
signing-error-empty-passphrase = the passphrase is empty; choose one, or use --unencrypted for a key without one
signing-error-sign = signing failed: { $reason }
signing-error-report-changed = report.json changed while the bundle was being signed; run the command again
signing-error-self-check = the signature just written does not verify ({ $code }); the bundle was left unsigned
signing-error-key-not-private = { $path } can be read by other users (mode { $mode }); a secret key must be private. Run `chmod 600 { $path }` (and make a new key if someone may have copied it)
signing-unsafe-remove = { $reason }; remove it before signing
signing-unsafe-unreadable = cannot read: { $reason }
signing-unsafe-claim = `{ $value }` is empty or holds control characters; it cannot be signed
signing-unsafe-not-answers = not a usable answers file: { $reason }
signing-unsafe-not-vendor-form = not a vendor form: it has no [vendor] table with the vendor's name
signing-unsafe-attach = cannot attach as `{ $name }`: { $reason }
signing-attach-own-file = the bundle's own file
signing-attach-taken = another file has that name
signing-path-empty = empty path
signing-path-absolute = absolute path
signing-path-backslash = backslash or control character in the name
signing-path-dot = empty, `.` or `..` component
signing-manifest-no-final-newline = the last line has no newline
signing-manifest-not-a-line = expected `<64 hex digits>  <path>`
signing-manifest-hash-not-hex = the SHA-256 must be 64 lowercase hex digits
signing-manifest-no-two-spaces = expected two spaces between hash and path
signing-manifest-bad-path = `{ $path }`: { $reason }
signing-manifest-own-file = the manifest may not list { $path }
signing-manifest-twice = `{ $path }` is listed twice
signing-refused-name-not-utf8 = the name is not UTF-8
signing-refused-symlink = symbolic link (bundles hold only regular files)
signing-refused-not-regular = not a regular file
signing-unreadable-loop = loop in the folder
signing-unreadable-too-deep = more than { $max } folders deep; not read
signing-too-large = { $size } bytes, more than the limit of { $limit } bytes
signing-trusted-version = format_version { $found } is not supported; this medsec reads format_version { $supported }
signing-trusted-institution-key = `{ $key }` under [institutions] is not an institution code: write its 10 ASCII digits (no key stands for every institution)
signing-trusted-vendor-empty = a key under [vendors] (the vendor's name) is empty
signing-trusted-institution-no-keys = institution { $code } lists no keys
signing-trusted-vendor-no-keys = vendor `{ $name }` lists no keys
signing-trusted-not-public-key = not a minisign public key: { $reason }
signing-trusted-toml = { $error }

## verify

verify-col-bundle = Bundle
verify-col-result = Result
verify-col-institution = Institution
verify-col-fiscal-year = FY
verify-col-checklist = Checklist
verify-col-key = Key
verify-table-fiscal-year = FY{ $year }{ $wareki ->
   *[other] {""}
}
verify-col-signed = Signed
verify-verdict-valid = VALID
verify-verdict-findings = FINDINGS
verify-verdict-unusable = UNUSABLE
verify-verdict-invalid = INVALID
verify-class-note = note
verify-class-finding = finding
verify-class-unusable = unusable
verify-class-invalid = invalid
verify-summary = { $count ->
    [one] 1 bundle
   *[other] { $count } bundles
}: { $valid } valid, { $findings } with findings, { $invalid } invalid, { $unusable } unusable
verify-fiscal-year = FY{ $year }{ $wareki ->
   *[other] {""}
}
verify-place-item-in-file = { $item } in { $file }
verify-io-not-found = no such file or folder
verify-io-permission-denied = permission denied
verify-io-other = system error ({ $error })
verify-need-key = give the key to trust with --pubkey FILE or --trusted keys.toml
verify-keys-warning = warning: { $warning }
verify-bundled-checklists-failed = warning: the bundled checklists could not be loaded ({ $error }); only checklists given with --checklist are known
verify-bundle-not-folder = not a folder
verify-bundle-cannot-open = cannot open: { $reason }
verify-bundle-internal-error = verification stopped on an internal error
verify-bundle-unreadable = cannot read the bundle: { $reason }
verify-content-untrusted = the bundle failed its integrity or signature check, so report.json is not trusted: its institution, answers and findings are not shown
verify-not-verified = the signature could not be verified
verify-top-file-missing = { $name } is missing
verify-named-by = {" "}(named by report.json { $field })
verify-file-not-regular = not a regular file; not opened{ $named }
verify-file-too-large = { $size } bytes, more than the limit of { $limit } bytes; not read{ $named }
verify-file-unreadable = cannot read: { $reason }{ $named }
verify-manifest-malformed = line { $line }: { $reason }
verify-manifest-not-utf8 = the manifest is not UTF-8 text (at byte { $byte })
verify-file-missing = listed in the manifest but missing
verify-file-changed = its SHA-256 differs from the manifest
verify-file-extra = not listed in the manifest
verify-file-unsafe = not opened: { $reason }
verify-report-path-unsafe = report.json { $field } names `{ $path }`: { $reason }; only relative paths inside the bundle are opened
verify-report-path-unlisted = report.json { $field } names `{ $path }`, which the signed manifest does not list; it is not opened
verify-evidence-digest-mismatch = report.json { $field } records another SHA-256 for `{ $path }` than the manifest
verify-signature-not-utf8 = the signature file is not UTF-8 text
verify-signature-not-minisign = not a minisign signature ({ $error })
verify-signature-not-exact = not in minisign's exact encoding (changed spacing, line ends or padding)
verify-signature-untrusted-comment = unexpected untrusted comment `{ $comment }` (that line is not signed; medsec accepts only the standard ones)
verify-key-wrong = signed with key { $key }, but the key given is { $given }
verify-key-unknown = signed with key { $key }, which the trusted keys do not list
verify-signature-legacy = a legacy (not pre-hashed) signature; sign again with a current minisign or medsec
verify-signature-invalid = the signature does not match { $file } (made with key { $key })
verify-report-missing = the manifest does not cover report.json
verify-report-unreadable = cannot read report.json: { $reason }
verify-key-untrusted = key { $key } is not trusted for institution { $code }
verify-institution-mismatch = the report is for institution { $code } ({ $name }), not { $expected }
verify-trusted-comment-mismatch = the signature says `{ $field }` is `{ $signed }`, report.json has `{ $actual }`
verify-trusted-comment-plain = the signature's trusted comment does not name the institution, checklist and report (signed by another tool); the manifest signature still covers report.json
verify-trusted-comment-malformed = the signature's trusted comment is malformed: { $reason }
verify-comment-twice = `{ $field }` appears twice
verify-comment-missing = `{ $field }` is missing
verify-comment-version = { $found } is not a version this medsec reads ({ $reads })
verify-checklist-unknown = checklist { $checklist } with digest { $digest } is not known; give its file with --checklist PATH
verify-checklist-unknown-in-file = { $file }: checklist { $checklist } with digest { $digest } is not known; give its file with --checklist PATH
verify-checklist-mismatch = the digest is that of { $actual }, but the report names { $checklist }
verify-checklist-other-year = the report is for { $fy }, but checklist { $checklist } is for { $checklist_fy }
verify-fiscal-year-other = the report is for { $fy }, the current fiscal year is { $now }
verify-generated-at-bad = generated_at is not an RFC 3339 time: `{ $value }`
verify-findings-disagree-recorded = report.json records `{ $code }` ({ $place }), which checking its answers again does not find
verify-findings-disagree-rerun = checking the answers again finds `{ $code }` ({ $place }), which report.json does not record
verify-vendor-not-in-bundle = vendor form { $file } (report.json names the vendor `{ $vendor }`) is not in the bundle, so no vendor signature can be checked
verify-vendor-not-in-bundle-untrusted = report.json { $field } names a vendor form that is not in the bundle, so no vendor signature can be checked
verify-vendor-path-unsafe = report.json { $field } names `{ $path }`: { $reason }; not opened
verify-vendor-path-unlisted = report.json { $field } names `{ $path }`, which the signed manifest does not list; not opened
verify-vendor-form-not-utf8 = not UTF-8 text
verify-vendor-form-unreadable = { $file } cannot be read as a vendor form, so report.json cannot be checked against it: { $reason }
verify-vendor-form-other-vendor = report.json names another vendor than { $file }, which names `{ $vendor }`
verify-vendor-form-other-answers = report.json does not carry the answers of { $file } as the file has them
verify-vendor-form-unsigned = { $file } is not signed by its vendor (no { $signature })
verify-vendor-signature-unchecked = { $file } is signed by its vendor, but vendor keys are only known from --trusted keys.toml; not checked
verify-vendor-key-not-listed = { $file } is signed with key { $key }, which keys.toml does not list for vendor `{ $vendor }`
verify-vendor-key-no-vendor = { $file } is signed with key { $key }, but neither the form nor its signature names a vendor whose key it could be
verify-vendor-signature-problem = vendor form { $file }: { $problem }
verify-vendor-comment-mismatch = the vendor's signature says `{ $field }` is `{ $signed }`, the form has `{ $actual }`
verify-vendor-comment-plain = the vendor's signature does not name the vendor and checklist in its trusted comment (signed by another tool); it still covers the form
verify-vendor-comment-malformed = the vendor's trusted comment is malformed: { $reason }
verify-evidence-not-attached = { $item } (round { $round }) names evidence `{ $named }`, which the bundle does not carry

## lint

## diff

## render

## report-html

report-html-lang = en
report-html-title = Cybersecurity checklist for medical institutions: report of answers
report-html-date = { $date } ({ $wareki })
report-html-fiscal-year = FY{ $year } ({ $wareki })
report-html-yes = yes
report-html-no = no
report-html-na = not applicable
report-html-pass = pass
report-html-fail = fail
report-html-unknown = unknown
report-html-severity-error = error
report-html-severity-warning = warning
report-html-source-status = answers check
report-html-source-contradiction = answer contradicted by a probe
report-html-state-verified = The signature verified with a trusted key (key ID { $key }) and every file matches the manifest.
report-html-state-integrity-only = Every file matches the manifest, but the signature (key ID { $key }) was not checked against a trusted key. Give --trusted or --pubkey to check who signed it.
report-html-state-unsigned = Every file matches the manifest, but this report is not signed.
report-html-state-not-checked = Made from report.json alone: nothing was checked for tampering. Give the bundle folder to check it.
report-html-state-bundled = This page was written with the report and is signed with the bundle (key ID { $key }). Check the bundle with `medsec verify`.
report-html-verification = Verification
report-html-key-id = Key ID
report-html-signed-at = Signed
report-html-page = Page
report-html-edition = edition
report-html-guideline = guideline
report-html-generated-at = Made
report-html-as-of = As of
report-html-institution = Institution
report-html-institution-name = Name
report-html-institution-code = 医療機関コード
report-html-institution-kind = Kind
report-html-prefecture = Prefecture
report-html-manager = Manager (管理者)
report-html-security-manager = Security manager (医療情報システム安全管理責任者)
report-html-answered-by = Answered by
report-html-summary-no = No:
report-html-summary-overdue = Target date passed:
report-html-summary-unanswered = Unanswered in round 1:
report-html-summary-findings = Findings:
report-html-unverified-legend = Items marked ※ have wording not yet checked against the official form.
report-html-checklist-unknown = This medsec does not know this checklist, so items are shown by ID:
report-html-items = Checklist items
report-html-col-number = No.
report-html-col-item = Item
report-html-col-scope = Scope
report-html-round-1 = Round 1
report-html-round-2 = Round 2
report-html-checked-on = Checked
report-html-target-date = Target date
report-html-overdue = overdue
report-html-reason = Reason
report-html-note = Note
report-html-carried-from = Carried forward, not yet confirmed, from
report-html-evidence = Evidence
report-html-evidence-not-attached = not attached
report-html-probes = Probe results
report-html-probe-host = Machine probed
report-html-probe-kind = Probe
report-html-probe-verdict = Verdict
report-html-probe-reason = Reason
report-html-no-probes = No probe evidence is attached.
report-html-findings = Findings
report-html-finding-code = Code
report-html-finding-severity = Severity
report-html-finding-message = Message
report-html-no-findings = No findings.
report-html-vendor-form = Vendor form (事業者確認用)
report-html-vendor-name = Vendor
report-html-vendor-system = System
report-html-vendor-contact = Contact
report-html-vendor-signature = Vendor's signature
report-html-vendor-unsigned = not signed
report-html-footer-note = The SHA-256 and key ID at the foot of every page name the signed bundle; the QR code carries the same values.
report-html-csv-form = answers file
report-html-csv-item-id = item ID
report-html-csv-round = round
report-html-csv-answer = answer
report-html-csv-unverified = wording unverified
report-html-refused = { $path } is not shown: its integrity or signature check failed (tampered content is never shown as valid):
report-html-written = Wrote { $path }.
report-html-no-report = { $path } has no report.json. Give a bundle folder or a report.json.
report-html-xlsx-needs-out = An XLSX workbook is not written to standard output; give --out FILE.xlsx.
