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
common-io-error = { $kind ->
    [not-found] no such file or folder
    [permission-denied] permission denied
    [already-exists] a file of that name already exists
    [is-a-directory] it is a folder (give a file)
    [not-a-directory] not a folder
    [directory-not-empty] the folder is not empty
    [read-only] the file system is read-only
    [storage-full] no space left on the disk
    [file-too-large] the file is too large
    [invalid-data] the content cannot be read
    [invalid-input] a name or value is not valid
    [unexpected-eof] the file ends too early
    [timed-out] it did not finish in time
    [interrupted] interrupted
    [busy] it is in use
    [broken-pipe] the output was closed
    [crosses-devices] cannot move to another disk
    [out-of-memory] out of memory
    [unsupported] not supported on this system
   *[other] an input/output error happened
}{ $code ->
    [none] {""}
   *[other] {" "}(os error { $code })
}
common-list-separator = {", "}
common-input-kind = { $kind ->
    [answers] answers files
    [sheet] sheets
    [checklist] checklists
    [settings] settings, key and signature files
    [report] report and evidence files
   *[system] system files
}
common-limit-io = cannot read { $path }: { common-io-error }
common-limit-not-a-file = { $path } is not a regular file; medsec reads only regular files here
common-limit-too-large = { $path } is larger than { $limit } MiB, the limit for { common-input-kind }; it was not read
common-workbook-not-zip = cannot read the workbook: not an XLSX (zip) file: { $detail }
common-workbook-unreadable = cannot read the workbook: { $detail }
common-workbook-sheet-unreadable = cannot read the workbook: sheet `{ $sheet }`: { $detail }
common-workbook-too-many-entries = the workbook (a zip archive) holds { $count } entries, more than the limit of { $limit }
common-workbook-inflates = the workbook's `{ $entry }` inflates past the { $limit } MiB limit (a zip bomb?); it was not read
common-workbook-no-sheet = no sheet `{ $sheet }`; sheets: { $names }
common-workbook-no-sheets = the workbook has no sheet
common-workbook-declared-range = sheet `{ $sheet }` declares a range up to { $cell }, past the limit { $last } ({ $rows } rows by { $columns } columns)
common-workbook-cell-outside = sheet `{ $sheet }` has a cell at { $cell }, past the limit { $last } ({ $rows } rows by { $columns } columns)
common-workbook-too-many-cells = sheet `{ $sheet }` holds more than { $limit } cells, the limit
common-lock-busy = { $lock } is held by another writer
common-lock-io = { $lock }: { common-io-error }

## cli

cli-error = error: { $message }
cli-cannot-write-output = cannot write output: { $reason }
cli-usage-error = the command line is not valid: { $detail }
cli-usage = usage: `{ $usage }`
cli-usage-more = For more information, add `--help`.

## checklist

checklist-read = cannot read checklist { $path }: { common-io-error }
checklist-not-utf8 = { $path }:{ $line }:{ $column }: not UTF-8 text; save the file as UTF-8
checklist-invalid = invalid checklist ({ $count ->
    [one] 1 error
   *[other] { $count } errors
}; run `medsec checklist lint` for all findings):
checklist-not-found = no checklist `{ $spec }`; known: { $known }
checklist-no-edition = checklist `{ $id }` has no edition `{ $edition }`; known editions: { $known }
checklist-form-conflict = `{ $spec }` names the { $named } form but --form asks for { $asked }
checklist-digest = { $file }: cannot compute the checklist's digest: { $detail }
checklist-stale = note: the newest editions known are older than the current fiscal year FY{ $year }{ $wareki ->
   *[other] {""}
}: { $list }; if a newer edition is published, give its file with --checklist PATH
checklist-item-label = { $number } { $title }
checklist-item-label-scoped = { $number } ({ $scope }) { $title }
form-institution = institution
form-pharmacy = pharmacy
form-vendor = vendor
institution-kind-hospital = hospital
institution-kind-clinic = clinic
institution-kind-pharmacy = pharmacy
institution-kind-midwifery-home = midwifery home
scope-general = all medical information systems
scope-server = servers
scope-terminal = terminal PCs
scope-network = network devices
requirement-required = required
requirement-next-year = next-year item
requirement-recommended = recommended
not-applicable-no-medical-information-system = no medical information system
not-applicable-no-vendor-contract = no vendor contract
probe-kind-patch-level = patch level
probe-kind-backup-freshness = backup freshness
probe-kind-accounts = accounts
probe-kind-services = services and ports
probe-kind-asset-ledger = asset ledger

## answers

## probes

## report

## signing

## verify

## lint

lint-severity-error = error
lint-severity-warning = warning
lint-summary = { $files ->
    [one] 1 file
   *[other] { $files } files
} checked: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
lint-not-utf8 = not UTF-8 text; save the file as UTF-8
lint-unreadable = cannot read checklist { $path }: { common-io-error }
lint-unreadable-folder = cannot read folder { $path }: { common-io-error }
lint-unlistable-folder = cannot list folder { $path }: { common-io-error }
lint-duplicate-checklist = { $checklist } is also defined in { $first }
lint-parse-error = { $detail }
lint-unsupported-format-version-newer = format_version { $found } is not supported; this medsec reads format_version { $supported } (a newer medsec may read it)
lint-unsupported-format-version = format_version { $found } is not supported; this medsec reads format_version { $supported }
lint-invalid-id-checklist = checklist id `{ $id }` must be kebab-case, e.g. `mhlw-institution`
lint-invalid-id-publisher = publisher `{ $publisher }` must be kebab-case, e.g. `mhlw`
lint-invalid-id-item = item id `{ $id }` must be kebab-case (a-z, 0-9 and -)
lint-id-form-mismatch = checklist id `{ $id }` should be `{ $expected }` (PUBLISHER-FORM)
lint-invalid-fiscal-year = fiscal_year { $year } is not a year between 2000 and 2100
lint-invalid-edition = edition `{ $edition }` must be `fyYYYY`, e.g. `fy2025`
lint-edition-year-mismatch = edition `{ $edition }` disagrees with fiscal_year { $year }
lint-invalid-guideline-version = guideline_version `{ $version }` must look like `6.0`
lint-missing-serves = serves: name at least one kind of institution
lint-missing-items = the checklist has no [[items]]
lint-invalid-date = published `{ $value }` must be a plain date such as 2025-05-16
lint-invalid-url = source_url `{ $url }` must be an http(s) URL
lint-unknown-name = unknown { $what ->
    [form] form
    [institution-kind] institution kind
    [scope] scope
    [requirement] requirement
    [not-applicable-rule] not-applicable rule
   *[probe-kind] probe kind
} `{ $value }`; expected one of: { $names }
lint-field = { $what ->
    [title] title
    [notes] notes
    [section] section { $section }
    [item-text] item `{ $item }` text
   *[item-guidance] item `{ $item }` guidance
}
lint-missing-translation = { lint-field }: the `{ $lang }` text is empty; both Japanese and English are needed
lint-ja-not-japanese = { lint-field }: the `ja` text has no Japanese characters
lint-duplicate-section-id = section id `{ $section }` is declared twice
lint-duplicate-item-id = item id `{ $id }` is used twice; item ids must be unique
lint-duplicate-number = item `{ $id }` has number { $number } and the same scope as item `{ $other }`
lint-multiple-gates = item `{ $id }` is a second gate question; a form has at most one
lint-replaces-current-item = item `{ $id }` replaces `{ $replaced }`, which is still an item of this edition
lint-invalid-number = item `{ $id }`: number `{ $number }` is not well formed; expected e.g. `2-(4)`, `2-④` or `0` for the gate
lint-unknown-section = item `{ $id }`: section `{ $section }` is not declared in [[sections]]
lint-number-section-mismatch = item `{ $id }`: number `{ $number }` does not start with its section `{ $section }`
lint-unknown-guideline-ref = item `{ $id }`: guideline reference `{ $reference }` must name a part of the Guideline ({ $parts }) and a place, e.g. `システム運用編 8.1`
lint-invalid-replaces = item `{ $id }`: replaces `{ $replaced }` must be another item's stable id
lint-verified-with-note = item `{ $id }` is verified = true but still has an `unverified` note
lint-unverified-wording = item `{ $id }` ({ $number }): wording or number not yet checked against the official PDF; add an `unverified` note saying what
lint-unverified-wording-note = item `{ $id }` ({ $number }): not yet checked against the official PDF: { $note }

## diff

diff-impact-breaking = breaking
diff-impact-review = review
diff-impact-minor = minor
diff-summary = { $count ->
    [one] 1 change
   *[other] { $count } changes
}: { $breaking } breaking, { $review } to review, { $minor } minor
diff-checklist-id-changed = checklist id { $old } -> { $new }
diff-form-changed = form { $old } -> { $new }
diff-edition-changed = edition { $old } -> { $new }
diff-guideline-version-changed = guideline version { $old } -> { $new }
diff-serves-changed = serves [{ $old }] -> [{ $new }]
diff-metadata-changed = title, publication date, source URL or notes changed
diff-item-added = added: { $text }
diff-item-removed = removed with no replacement: { $text }
diff-item-replaced = replaces { $replaced }
diff-item-reworded = wording 「{ $old }」 -> 「{ $new }」
diff-item-translation-changed = English translation changed
diff-item-number-notation-changed = number notation { $old } -> { $new }
diff-item-renumbered = number { $old } -> { $new }
diff-item-moved = section { $old } -> { $new }
diff-item-scope-changed = scope [{ $old }] -> [{ $new }]
diff-item-requirement-changed = requirement { $old } -> { $new }
diff-item-gate-changed = gate { $old } -> { $new }
diff-item-not-applicable-changed = not-applicable rules [{ $old }] -> [{ $new }]
diff-item-guidance-changed = guidance changed
diff-item-references-changed = guideline references [{ $old }] -> [{ $new }]
diff-item-probes-changed = probes [{ $old }] -> [{ $new }]
diff-item-verified-changed = verified { $old } -> { $new }

## render

render-list-id = ID
render-list-edition = Edition
render-list-fiscal-year = Fiscal year
render-list-form = Form
render-list-items = Items
render-list-unverified = Unverified
render-list-digest = Digest
render-list-origin = Origin
render-origin-bundled = bundled
render-origin-bundled-path = bundled:{ $path }
# $wareki is the Japanese era form, for the Japanese text only.
render-fiscal-year = FY{ $year }{ $wareki ->
   *[other] {""}
}
render-show-number = No.
render-show-scope = Scope
render-show-item = Item
render-show-status = Status
render-show-unverified-mark = * unverified
render-show-legend = * unverified: wording or number not yet checked against the official PDF
render-show-edition = Edition
render-show-guideline = Guideline
render-show-digest = Digest
render-show-serves = Serves
