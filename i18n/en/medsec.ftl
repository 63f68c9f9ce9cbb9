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

## signing

## verify

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
