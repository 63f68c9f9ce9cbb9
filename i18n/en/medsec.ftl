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
# What goes before an opening parenthesis after a word (none in Japanese).
common-paren-gap = {" "}
common-sentence-separator = {"; "}
common-input-kind = { $kind ->
    [answers] answers files
    [sheet] sheets
    [checklist] checklists
    [settings] settings, key and signature files
    [report] report and evidence files
   *[system] system files
}
common-limit-io = cannot read `{ $path }`: { common-io-error }
common-limit-too-large = `{ $path }` is larger than { $limit } MiB, the limit for { common-input-kind }; it was not read
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
common-lock-busy = `{ $lock }` is held by another writer
common-lock-io = `{ $lock }`: { common-io-error }

## cli

cli-error = error: { $message }
cli-cannot-write-output = cannot write output: { $reason }
cli-usage-error = the command line could not be read.
cli-usage = usage: `{ $usage }`
cli-usage-more = For more information, add `--help`.
cli-usage-missing = a required argument is missing: `{ $arg }`
cli-usage-unknown-argument = there is no argument `{ $arg }`.
cli-usage-unknown-subcommand = there is no command `{ $name }`.
cli-usage-missing-subcommand = give a command.
cli-usage-invalid-value-of = `{ $arg }` cannot be `{ $value }` (possible values: { $valid }).
cli-usage-empty-value = give a value to `{ $arg }`.
cli-usage-conflict = `{ $arg }` cannot be used with `{ $prior }`.
cli-usage-too-many = `{ $arg }` is given too many times.
cli-usage-value-validation = `{ $arg }` cannot take the value `{ $value }`.
cli-usage-round = `--round` cannot be `{ $value }`: give `1` (round 1) or `2` (round 2).
cli-usage-did-you-mean = Did you mean { $suggestion }?
cli-usage-with-hint = { $sentence } { $hint }
cli-usage-unexpected-argument = unexpected argument `{ $arg }`; none is taken here.
cli-usage-repeated = give `{ $arg }` only once.
cli-usage-too-few = `{ $arg }` needs more values.
cli-usage-no-equals = give the value of `{ $arg }` with `=`.
cli-usage-invalid-utf8 = an argument holds characters that are not UTF-8.

## checklist

checklist-read = cannot read checklist `{ $path }`: { common-io-error }
checklist-is-workbook = `{ $path }` is an Excel workbook, not a checklist file (TOML): make one with `medsec checklist import { $workbook } --out { $out }` and give that file.
checklist-not-utf8 = { $path }:{ $line }:{ $column }: not UTF-8 text; save the file as UTF-8
checklist-invalid = invalid checklist ({ $count ->
    [one] 1 error
   *[other] { $count } errors
}; run `medsec checklist lint` for all findings):
checklist-not-found = no checklist `{ $spec }`; known: { $known }
checklist-no-edition = checklist `{ $id }` has no edition `{ $edition }`; known editions: { $known }
checklist-form-conflict = `{ $spec }` names the { $named } form but `--form` asks for { $asked }
checklist-digest = `{ $file }`: cannot compute the checklist's digest: { $detail }
checklist-stale = note: the newest editions known are older than the current fiscal year FY{ $year }{ $wareki ->
   *[other] {""}
}: { $list }. If this year's edition is published, import its Excel file with `medsec checklist import` and register it with `medsec checklist add`.
checklist-stale-official = note: this fiscal year's form (FY{ $year }{ $wareki ->
   *[other] {""}
}) is not registered yet; the newest editions known are older: { $list }. The FY{ $year } checklist 「{ $title }」{ $form ->
   *[other] {""}
} was published in { $published }: get `{ $file }` from `{ $url }`, then run `medsec checklist import { $file } --out { $edition }.toml` and `medsec checklist add { $edition }.toml`. A report made on an older edition is a report for that year.
checklist-stale-registered = note: this fiscal year's (FY{ $year }{ $wareki ->
   *[other] {""}
}) checklists registered are not the publisher's official edition: { $others }. Without `--checklist`, commands take the newest official edition known, which is older: { $list }. To use this year's, give `--checklist { $first }` (its items are unverified unless it was imported from a workbook medsec knows as official by its SHA-256).
checklist-stale-registered-default = note: this fiscal year's (FY{ $year }{ $wareki ->
   *[other] {""}
}) checklists registered are not the publisher's official edition: { $others } (its items are unverified unless it was imported from a workbook medsec knows as official by its SHA-256). Without `--checklist`, commands use { $defaults }. The newest official editions registered are older: { $list }.{ $used ->
    [older] {" "}This command used an older edition. To use this year's, give `--checklist { $first }`.
   *[none] {""}
}
checklist-default-for = `{ $checklist }` for the { $forms } { $count ->
    [one] form
   *[other] forms
}
checklist-default-forms-joiner = {" and "}
checklist-stale-in-use = note: the checklist in use, `{ $used }`, is the FY{ $used_year } edition{ $used_wareki ->
   *[other] {""}
}; this fiscal year's (FY{ $year }{ $wareki ->
   *[other] {""}
}) checklist is registered: { $current }. To answer this year's, give your answers file to `medsec --checklist { $first } init --from`, which carries the answers over.
checklist-stale-vendor-official = note: the vendor form checklist in use, `{ $used }`, is an earlier year's edition, and no vendor form of this fiscal year (FY{ $year }{ $wareki ->
   *[other] {""}
}) is registered. This year's vendor form{ $form ->
   *[other] {""}
} was published in { $published }: get `{ $file }` from `{ $url }`, then register it with `medsec checklist import { $file_word } --out { $out }` and `medsec checklist add { $out }`. Answers made with an earlier edition answer that year's form.
checklist-stale-vendor = note: the vendor form checklist in use, `{ $used }`, is an earlier year's edition, and no vendor form of this fiscal year (FY{ $year }{ $wareki ->
   *[other] {""}
}) is registered. If it is published, import its Excel file with `medsec checklist import` and register it with `medsec checklist add`.
checklist-against-pdf = the official PDF
checklist-against-official-workbook = the official workbook `{ $file }`
checklist-against-workbook = `{ $file }` (not an official workbook known to medsec)
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
checklist-edition-unreadable = `{ $edition }` is not an edition; write it as `fy2026`, `2026`, `令和8年度` or `R8`
checklist-edition-too-early = `{ $edition }` names FY{ $year }, but the checklist began in FY{ $first }: give an edition from FY{ $first } on{ $wareki ->
   *[other] {""}
}{ $first_wareki ->
   *[other] {""}
}
checklist-edition-too-late = `{ $edition }` names FY{ $year }, but the current fiscal year is FY{ $current }: an edition may be at most the next year's{ $wareki ->
   *[other] {""}
}{ $current_wareki ->
   *[other] {""}
}

## answers

# Places in an answers file, for the start of a message.
answers-place-file = the answers file
answers-place-top-level = top level
answers-place-entry = answers entry
answers-place-answer = { $item }
answers-place-answer-round = { $item } (round { $round })
# An item named for people, with its round.
answers-item-round = { $item } (round { $round })
# Separators of lists inside sentences.
answers-list-separator = { ", " }
answers-or-separator = { ", or " }

# What a value should be, and what it was.
answers-expected-table = a table
answers-expected-text = text
answers-expected-date = a date (such as 2026-06-03)
answers-expected-bool = true or false
answers-expected-list-of-text = a list of text
answers-expected-answers-list = a list of entries ([[answers]] in TOML)
answers-value-null = null
answers-value-bool = a boolean
answers-value-integer = an integer
answers-value-number = a number
answers-value-string = a string
answers-value-date = a date
answers-value-list = a list
answers-value-table = a table

# Reading an answers file.
answers-not-utf8 = the file is not UTF-8 text (byte { $byte }); save it as UTF-8 (Shift_JIS is read only from CSV sheets)
answers-too-deep = lists and tables nest more than { $limit } levels deep; the file was refused before parsing (an answers file nests about 4)
answers-parse-error = the file is not written correctly here (detail: { $detail })
answers-missing-format-version = { $empty ->
    [yes] the file is empty; `medsec init` makes an answers file (this medsec reads format_version { $supported })
   *[no] `format_version` is missing; this medsec reads format_version { $supported }
}
answers-unsupported-format-version = format_version { $found } is not supported; this medsec reads format_version { $supported } (a newer medsec may read it)
answers-missing-checklist-table = the [checklist] table (id, edition, digest) is missing; `medsec init` writes it
answers-missing-checklist-field = [checklist]: `{ $key }` is missing or empty
answers-missing-item = answers entry without `item` (the item's stable ID)
answers-unknown-field = { $place }: unknown field `{ $key }` (kept as is; known fields: { $known })
answers-wrong-type = { $subject } must be { $want }, not { $found }
answers-wrong-type-in-list = { $subject } must list text, not { $found }
answers-invalid-date = { $place }: `{ $key }`: { $error }
answers-invalid-kind = [institution]: unknown kind `{ $value }`; expected one of: { $kinds }
answers-invalid-review = { $place }: review `{ $value }` is not one of new, reworded, replaced
answers-invalid-answer = { $place }: answer `{ $value }` is not one of `はい`, `いいえ`, `対象外` (or `yes`, `no`, `na`)
answers-invalid-round = { $place }: `round` must be 1 or 2, not { $value }
answers-unknown-item = item `{ $item }` is not in `{ $checklist }`; answers for another edition need `medsec init --from`
answers-unknown-item-number = item `{ $item }` is not in `{ $checklist }` ({ $label } has the stable ID `{ $id }`); answers for another edition need `medsec init --from`
answers-unknown-item-out-of-scope = item 「{ $label }」 is out of scope in `{ $checklist }`: it was taken out within this edition, so remove its answer from the answers file; the reason given: { $reason }
answers-duplicate-answer = { $item } round { $round } is answered twice (first at line { $first_line }); keep one entry

# Findings of `medsec status` (the inspection's rules), by stable code.
answers-unanswered = { $item }: no first-round answer (Yes/No) yet
answers-carried-forward-unconfirmed = { $item }: the answer { $answer } was carried forward from the { $from } edition and does not count until confirmed; check it again, set `checked_on`, and remove `carried_from`
answers-missing-checked-on = { $item }: answered { $answer } but no date checked (checked_on)
answers-date-in-future = { $item }: the date checked { $date } is after { $as_of } (the date checked against, Japan time)
answers-checked-before-fiscal-year = { $item }: checked on { $date }, before { $fiscal_year } began ({ $start }); is this the check for { $fiscal_year }?
answers-checked-after-fiscal-year = { $item }: checked on { $date }, after { $fiscal_year } ended ({ $end }); this form is for { $fiscal_year }: is this year's form the one to answer?
answers-missing-target-date = { $item }: the answer No needs a target date (target_date) within { $fiscal_year } ({ $start } to { $end })
answers-target-date-outside-fiscal-year = { $item }: the target date { $date } is outside { $fiscal_year } ({ $start } to { $end }, Japan time)
answers-target-before-checked-on = { $item }: the target date { $date } is before the date checked { $checked_on }; give the day the measure is planned to be done, after the check
answers-not-applicable-not-allowed = { $item }: Not applicable is not allowed for this item; answer Yes or No
answers-not-applicable-condition-unmet = { $item }: Not applicable only when { $conditions }
answers-condition-no-medical-information-system = the gate question (医療情報システムの有無) is answered No
answers-condition-no-vendor-contract = there is no vendor contract ([vendors] contract = false)
answers-not-applicable-without-reason = { $item }: Not applicable without a reason; say why in `reason`
answers-sheet-not-applicable-without-reason = { $item }: Not applicable without a reason; say why in the `{ $column }` column
answers-needs-review = { $item }: marked `{ $code }` ({ $review }) when carried forward; read the item again, then remove `review`
answers-review-new = new in this edition
answers-review-reworded = reworded since last year
answers-review-replaced = replaces last year's item(s)
answers-template-replaced-disagree = the items of last year it replaces were answered differently: no answer carried
answers-evidence-missing = { $item }: evidence `{ $path }` does not exist (paths are relative to the answers file)
answers-checklist-digest-missing = [checklist] names no digest; add digest = "{ $digest }" so the answers are tied to this wording
answers-checklist-digest-mismatch = the answers were made against `{ $checklist }` with digest { $theirs }, but this checklist's digest is { $ours }: its wording differs; check the answers against the current wording, then update the digest
answers-missing-institution-field = [institution]: fill in { $fields }
answers-field-with-key = { $key } ({ $label })
answers-kind-not-served = a { $kind } does not use `{ $checklist }` (it serves: { $serves }); choose the right form with `medsec init --form`
answers-institution-code-shape = institution code `{ $code }` is not 10 digits
answers-institution-code-fee-table = institution code `{ $code }`: the third digit is { $digit }; it is 1 (medical), 3 (dental) or 4 (pharmacy)
answers-institution-code-check-digit = institution code `{ $code }`: the check digit is { $found }, expected { $expected }; check the code (this rule is not from a primary source)
answers-institution-code-kind-mismatch = institution code `{ $code }`: the third digit { $digit } does not fit the kind of institution
answers-vendor-contract-unspecified = [vendors]: say whether there is a vendor contract (contract = true or false); without one, the vendor form (事業者確認用) is not required
answers-missing-vendor-field = [vendor]: fill in { $fields }
answers-vendor-form-missing = the institution has a vendor contract, but no vendor form (事業者確認用) was given; list each vendor's answers file under [vendors] forms, or give it to `medsec status`
answers-vendor-edition-mismatch = the vendor form is for { $vendor_fy } ({ $vendor }), the institution form for { $institution_fy } ({ $institution }); vendor forms must match the institution's edition

# The header fields of a form.
answers-institution-name = name
answers-institution-kind = kind
answers-institution-code = institution code
answers-institution-prefecture = prefecture
answers-institution-manager = manager
answers-institution-security-manager = security manager for medical information systems
answers-institution-answered-by = who answered
answers-vendor-name = vendor name
answers-vendor-system = the system provided
answers-vendor-contact = contact
answers-vendor-answered-by = who answered
answers-for-institution = the institution this form is for
answers-code-prompt = institution code (10 digits)
answers-response-yes = yes
answers-response-no = no
answers-response-not-applicable = not applicable

# Why an answers file could not be used or written.
answers-error-read = cannot read `{ $path }`: { $reason }
answers-error-unknown-format = `{ $path }`: unknown file type; answers files end in `.toml`, `.yaml` or `.yml`
answers-error-invalid = unusable answers file ({ $count ->
    [one] 1 error
   *[other] { $count } errors
}):
answers-error-write = cannot write `{ $path }`: { $reason }
answers-error-exists = `{ $path }` already exists; use `--force` to overwrite it
answers-error-unsafe = `{ $path }`: the file cannot be rewritten as it is ({ $reason })
answers-error-checklist = `{ $path }`: the checklist the answers file names cannot be used: { $reason }. Give its file with `--checklist FILE` or register it with `medsec checklist add FILE` (`medsec checklist import` reads an official Excel workbook)
answers-error-checklist-here = the checklist the answers file names cannot be used: { $reason }. Give its file with `--checklist FILE` or register it with `medsec checklist add FILE` (`medsec checklist import` reads an official Excel workbook)
answers-error-sheet = `{ $path }`: { $reason }
answers-error-changed = `{ $path }` was changed by someone else since medsec read it; nothing was written, run the command again
answers-error-locked = `{ $path }` is being written by another medsec (waited { $waited } s); nothing was written, run the command again when the other one has finished
answers-error-read-only = `{ $path }` is read-only; nothing was written. If it should change, make it writable first (chmod u+w)
answers-edit-layout = the file's layout is one medsec cannot edit line by line (flow style, anchors or unusual indentation); write it in block style as `medsec init` does, or use TOML
answers-edit-flow-style = `{ $name }` is written on one line (flow style); write it in block style as `medsec init` does
answers-edit-starts-entry = cannot remove `{ $key }`: it starts its entry
answers-edit-not-a-table = `{ $table }` is not a table, so `{ $key }` cannot be set in it
answers-edit-not-array-of-tables = `answers` is not written as [[answers]] tables, so it cannot be edited in place; write each entry as an [[answers]] table
answers-edit-entry = cannot edit the entry of { $item }
answers-edit-entry-id = cannot edit the entry of item `{ $id }`
answers-edit-parse = cannot edit: { $reason }
answers-error-lock-mismatch = the write lock held is for `{ $path }`

# Spreadsheets: export headers, import problems.
answers-sheet-name = answers
answers-sheet-column-item = item
answers-sheet-column-number = number
answers-sheet-column-scope = scope
answers-sheet-column-text = text
answers-sheet-column-round = round
answers-sheet-column-answer = answer
answers-sheet-column-checked-on = checked_on
answers-sheet-column-target-date = target_date
answers-sheet-column-reason = reason
answers-sheet-column-note = note
answers-sheet-answer-choices = Choose はい, いいえ or 対象外.
answers-sheet-unknown-type = unknown sheet type; use `.csv` or `.xlsx`
answers-sheet-bad-utf8-bom = starts with a UTF-8 BOM but is not UTF-8
answers-sheet-bad-utf16 = is not valid UTF-16
answers-sheet-unknown-encoding = is neither UTF-8 nor Shift_JIS (CP932) text; save it as CSV (UTF-8) from Excel
answers-sheet-csv = cannot read the CSV: { $reason }
answers-sheet-empty = the sheet is empty; it needs a header row (number, answer, checked_on, target_date, reason, note)
answers-sheet-no-column = row 1: no `{ $column }` column; the header row needs number (or item), answer, checked_on, target_date, reason, note
answers-sheet-row = row { $row }
answers-sheet-unknown-item = { $row }: item `{ $item }` is not in `{ $checklist }` (use the number as printed or the stable ID)
answers-sheet-ambiguous-item = { $row }: number `{ $item }` is on several rows of the form: { $candidates }; fill in the scope column, or write the number with its scope, as in `{ $example }`
answers-sheet-bad-round = { $row }: { $item }: round `{ $value }` is not 1 or 2
answers-sheet-bad-answer = { $row }: { $item }: answer `{ $value }` is not one of `はい`, `いいえ`, `対象外` (or `yes`, `no`, `na`)
answers-sheet-bad-date = { $row }: { $item }: { $column }: { $error }
answers-sheet-twice = { $row }: { $item } round { $round } is answered twice (first in row { $first })

# The walk-through (`medsec answer`).
answers-walk-progress = progress: round { $round }, { $done } of { $total } items answered
answers-walk-help = type: y = yes ("はい") / n = no ("いいえ") / na = not applicable ("対象外") / Enter = skip / b = back / j NUMBER = jump / p = progress / q = quit (answers so far are saved)
walk-guidance-note = Note from the checklist: { $note }
walk-stopped-input-ended = Input ended (Ctrl-D): the walk-through stopped here.
walk-resume = To go on, run `{ $command }`: it starts again at the first item not finished.
walk-stopped-interrupt = Stopped. Everything entered before is saved in `{ $path }` (answers and details alike); only what was being typed at the prompt was not. To go on, run `{ $command }`: it starts again at the first item not finished.
answers-walk-all-answered = Every item is answered.
answers-walk-gate-closed = The gate question is answered No: no other item needs checking.
answers-walk-gate-change = To change the answer to the gate question, type b (or change); press Enter to finish.
answers-walk-no-such-item = no item `{ $item }`
answers-walk-several-items = `{ $item }` names several items: { $items }; add the scope (for example `{ $example }`)
answers-walk-not-understood = `{ $input }` is not understood; `?` for help
answers-walk-not-applicable-not-allowed = This item cannot be answered Not applicable.
answers-walk-saved = saved.
answers-walk-may-be-not-applicable = (may be Not applicable when: { $when })
answers-walk-carried = carried from the { $from } edition: { $answer } — confirm it
answers-walk-current = current answer: { $answer } { $date }
answers-walk-header-vendor = The vendor details are not filled in yet (Enter skips one, q quits).
answers-walk-header-institution = The institution details are not filled in yet (Enter skips one, q quits).
answers-walk-choose-from-list = Choose one of the list.
answers-walk-code-error = error: { $message }
answers-walk-code-warning = warning: { $message }
answers-walk-checked-on = date checked [{ $today }]:
answers-walk-no-future-date = The date checked cannot be in the future.
answers-walk-target-date = target date ({ $start } to { $end }):
answers-walk-target-outside = The target date must be within { $fiscal_year } ({ $start } to { $end }).
answers-walk-target-before-checked-on = warning: the target date { $date } is before the date checked { $checked_on }. It was kept, and `medsec status` will warn; to change it, type b and enter it again.
answers-walk-reason = reason [{ $default }]:
answers-walk-note = note:
answers-walk-note-old = note [{ $note }] (- clears):
answers-walk-terminal = terminal: { $reason }
answers-walk-evidence = evidence paths, comma separated [{ $evidence }]:
answers-walk-evidence-not-found = no file `{ $file }` (paths are relative to the answers file's folder); type the paths again, or Enter to keep the earlier value

# `medsec init`, `medsec answer`, `medsec status`.
answers-init-unknown-last = note: `{ $checklist }` is not known here, so reworded items cannot be told apart; every carried item is marked for review
answers-init-form-mismatch = { $from } is a { $old_form } form, but the new file is for the { $new_form } form; use `--form { $form }`
answers-init-follows-from = `{ $from }` holds answers to `{ $last }`: the new file follows the same checklist, in its newest edition up to this fiscal year, `{ $checklist }`.
answers-init-not-carried = { $count ->
    [one] 1 answer of `{ $last }` ({ $items }) was not carried: `{ $checklist }` has no item for it.
   *[other] { $count } answers of `{ $last }` ({ $items }) were not carried: `{ $checklist }` has no item for them.
}
answers-init-wrote = wrote `{ $path }` (`{ $checklist }`, { $count } items)
answers-init-carried = carried { $carried } answers forward from last year (to confirm), { $review } items marked for review
answers-init-replaced-disagree = { $items }: the items of last year it replaces were answered differently (Yes and No), so no answer was carried; answer it again
answers-init-wrote-and-carried = { $wrote }; { $carried }
answers-init-next = next: edit it, or run `medsec answer { $path }{ $global }` to answer item by item
answers-import-nothing-marked = `{ $sheet }` holds no answer: no row has はい, いいえ, 対象外 or a mark such as ○, レ or ✓. Check that you gave the filled-in file.
answers-import-unchanged = every answer in `{ $sheet }` is already in `{ $path }`: nothing changed
answers-import-done = imported { $count ->
    [one] 1 changed answer
   *[other] { $count } changed answers
} from `{ $sheet }` into `{ $path }`
answers-export-done = wrote `{ $sheet }`; fill it in, then `medsec answer { $path } --import { $sheet_word }{ $global }`
answers-export-workbook = cannot build the workbook: { $reason }
answers-export-exists = `{ $path }` already exists; use `--force` to overwrite it
answers-export-write = cannot write `{ $path }`: { $reason }
answers-need-terminal = `medsec answer` without `--import` needs a terminal on standard input; without one, edit `{ $path }` by hand (or import a sheet with `medsec answer { $path } --import SHEET.csv`) and check it with `medsec status { $path }`
answers-walk-saved-count = saved { $count ->
    [one] 1 answer
   *[other] { $count } answers
}; check with `medsec status { $path }`
answers-walk-saved-count-details = saved { $fields ->
    [one] 1 detail
   *[other] { $fields } details
} (name, kind, code…) and { $count ->
    [one] 1 answer
   *[other] { $count } answers
}; check with `medsec status { $path }`
answers-bad-as-of = `--as-of`: { $error }
answers-no-file-here = no answers file here; name one, or create it with `medsec init`
answers-several-files-here = several answers files here ({ $files }); name the one to answer

# The comments of a new answers file (`medsec init`).
answers-template-title = medsec answers: { $title }
answers-template-answer = answer: はい (yes) / いいえ (no) / 対象外 (not applicable, only where noted; give a reason)
answers-template-checked-on = checked_on: the date checked ({ $year }-06-03, { $year }/6/3, 令和{ $reiwa }年6月3日 or R{ $reiwa }.6.3)
answers-template-target-date = target_date: for いいえ, the target date within { $fiscal_year } ({ $start } to { $end })
answers-template-target-date-unconfirmed = target_date: for いいえ, the target date. This edition's window for it is unconfirmed: a date outside { $fiscal_year } ({ $start } to { $end }) gets a warning, not an error
answers-template-note = note: free text; evidence: file paths, relative to this file
answers-template-commands = Check with `medsec status THIS-FILE`; answer interactively with `medsec answer THIS-FILE`.
answers-template-carried = Answers with carried_from come from last year: check again, set checked_on, and delete the carried_from line.
answers-template-contract = vendor contract: true / false (false: no vendor form needed)
answers-template-forms = vendor answers files, one per vendor
answers-template-gate = If いいえ, no other item needs checking.
answers-template-may-be-not-applicable = may be 対象外 when: { $when }
answers-template-unverified = wording not yet checked against { $against }

# `medsec status` tables.
answers-status-form-heading = `{ $file }` — `{ $checklist }` ({ $form }, { $fiscal_year })
answers-status-institution = institution: { $name } (code { $code })
answers-status-not-filled-in = not filled in
answers-status-vendor = vendor: { $name } (system: { $system })
answers-status-section = Section
answers-status-round = Round
answers-status-required = Required items
answers-status-answered = Answered/all items
answers-status-yes = Yes
answers-status-no = No
answers-status-not-applicable = N/A
answers-status-round-n = { $round }
answers-status-open-items = Items answered no, with target dates:
answers-status-item = Item
answers-status-target-date = Target date
answers-status-unusable = unusable input: { $count ->
    [one] 1 problem
   *[other] { $count } problems
}
answers-status-complete = complete ({ $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
})
answers-status-incomplete = incomplete: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
answers-expected-round = the integer 1 or 2
answers-wrong-type-round = { $subject } must be the integer 1 or 2, not { $found }
answers-wrong-type-code = { $subject } must be text, not { $found }. An institution code keeps its leading zeros: quote it, as in `code = "0112345678"`.
answers-expected-code = text (an institution code keeps its leading zeros: quote it, as in `code = "0112345678"`)

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
probes-cannot-read = cannot read `{ $path }`: { $error }
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
probes-no-package-lists = no package lists in `{ $dir }`, so pending updates are unknown (run `apt-get update`, then probe again)
probes-package-lists-refresh-unknown = cannot tell when the package lists were last refreshed
probes-dpkg-up-to-date = { $security } security update(s) pending (max { $max }), { $other } other; lists refreshed { $age } ago
probes-dpkg-up-to-date-no-age = { $security } security update(s) pending (max { $max }), { $other } other; when the lists were refreshed is unknown
probes-dnf-metadata-stale = dnf metadata was last refreshed { $age } ago (max { $max_days } days)
probes-dnf-security-unknown = pending security updates are unknown: `dnf -C updateinfo list --security` gave no answer (is dnf installed and its cache filled?)
probes-security-updates-within-limit = { $count } security update(s) pending (max { $max })
probes-cannot-decompress = cannot decompress: { $error }
probes-dnf-updateinfo-failed = dnf updateinfo failed: { $stderr }
probes-kernel-reboot-needed = the running kernel is not the newest installed one ({ $newest }); reboot to activate it
probes-reboot-required = the system asks for a reboot (`/run/reboot-required`) to finish updates
probes-windows-native-only = installed Windows updates can be read natively only on Windows; elsewhere export them with `Get-HotFix | Export-Csv -NoTypeInformation hotfix.csv` and give `hotfix_csv`
probes-hotfix-csv-invalid = `{ $source }`: { $error }
probes-hotfix-no-dates = `{ $source }`: no update with an installation date
probes-hotfix-stale = the newest update was installed { $days } days ago (max { $max_days } days)
probes-hotfix-current = { $count } updates installed; the newest { $days } days ago (max { $max_days } days)
probes-hotfix-pending-unknown = Get-HotFix lists installed updates only; pending updates are not known from it (check Windows Update)
probes-passwd-unreadable = cannot read `{ $path }`: { $error } (local accounts are read from `/etc/passwd` on Unix only)
probes-leavers-unreadable = cannot read the leavers list `{ $path }`: { $error }
probes-lastlog-too-large = { $bytes } bytes (sparse, indexed by uid): not read
probes-shadow-unreadable = `/etc/shadow` is not readable (run as root to see locked and empty passwords); accounts with a login shell are counted as able to log in
probes-accounts-to-review = { $count } account(s) to review: { $accounts }
probes-flagged-account = { $name } ({ $flags })
probes-flag-leaver = listed as having left, and can still log in
probes-flag-empty-password = empty password
probes-flag-unused-for = last login { $days } days ago (max { $max_days })
probes-flag-never-logged-in = never logged in
probes-no-login-records = no login records (`/var/lib/wtmpdb/wtmp.db`, `/var/log/wtmp`, `/var/log/lastlog`), so unused accounts cannot be told
probes-accounts-in-use = { $leavers_checked ->
    [true] { $can_log_in } account(s) can log in; none unused for more than { $max_days } days and none of a leaver
   *[false] { $can_log_in } account(s) can log in; none unused for more than { $max_days } days
}
probes-no-systemd-cgroup = `{ $path }` is not there (no systemd with cgroup v2): running services are unknown
probes-processes-not-inspected = { $count } process(es) could not be inspected (run as root to name every listening program)
probes-services-not-allowed = { $count } service(s) not in allowed_services: { $services }
probes-ports-not-allowed = { $count } listening port(s) not in allowed_ports: { $ports }
probes-port = { $port }/{ $protocol } on { $address }
probes-port-program = { $port }/{ $protocol } on { $address } ({ $program })
probes-nothing-readable = neither `/proc/net` nor systemd's configuration is readable here
probes-no-allowlist = { $services } enabled service(s), { $ports } open port(s) listed; no allowlist configured (set allowed_services and allowed_ports to judge)
probes-all-allowed = { $services } enabled service(s) and { $ports } open port(s), all in the allowlist
probes-ledger-unreadable = cannot read the ledger `{ $path }`: { $error }
probes-ledger-invalid = `{ $path }`: { $error }
probes-ledger-no-header = `{ $path }`: no header row with the ledger's columns in the first 10 rows (expected names such as 機器名, 種別, 設置場所, OS, 管理者, リモートメンテナンス; or map them with `columns`)
probes-ledger-unsupported-format = `{ $path }`: `.{ $ext }` workbooks are not read (only `.xlsx`, `.xlsm` and `.csv`, which medsec can read within its limits); save the ledger as `.xlsx` or `.csv`
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
probes-backup-missing = `{ $path }` is not there now (an unmounted or offline backup cannot be checked from here; check it by hand)
probes-backup-not-a-folder = `{ $path }` is not a folder; give the backup folder or repository
probes-password-file-unreadable = cannot read the password file `{ $path }`: { $error }
probes-walk-problems = { $loops } symlink loop(s), { $unreadable } folder(s) or file(s) not readable, { $vanished } vanished during the walk, { $other } other error(s)
probes-too-few-files = { $files ->
    [0] no file
    [one] 1 file
   *[other] { $files } files
} found, fewer than the { $min } that `min_files` asks for
probes-too-few-bytes = { $bytes } bytes, less than `min_bytes = { $min }`
probes-backup-too-old = the newest file is { $age } old, older than `max_age = { $max_age }`
probes-backup-partly-unread = { $stopped ->
    [true] { $failures }; but { $unreadable } part(s) of the tree could not be read and the walk was stopped, so newer backups may be there
   *[false] { $failures }; but { $unreadable } part(s) of the tree could not be read, so newer backups may be there
}
probes-backup-fresh-no-age = { $files } file(s), { $bytes } bytes; the time of the newest is unknown (`max_age = { $max_age }`)
probes-backup-fresh = { $files } file(s), { $bytes } bytes; the newest is { $age } old (`max_age = { $max_age }`)
# restic keeps snapshots, borg keeps archives (each tool's own word).
probes-backup-unit = { $tool ->
    [borg] archive
   *[other] snapshot
}
probes-backup-units = { $tool ->
    [borg] archives
   *[other] snapshots
}
probes-too-few-snapshots = { $count ->
    [0] no { $tool } { probes-backup-unit }
    [one] 1 { $tool } { probes-backup-unit }
   *[other] { $count } { $tool } { probes-backup-units }
} found, fewer than the { $min } that `min_snapshots` asks for
probes-snapshot-too-old = the newest { $tool } { probes-backup-unit } is { $age } old, older than `max_age = { $max_age }`
probes-snapshots-fresh = { $count } { $tool } { probes-backup-units }; the newest is { $age } old (`max_age = { $max_age }`)
probes-snapshots-fresh-no-age = { $count } { $tool } { probes-backup-units }; the time of the newest is unknown (`max_age = { $max_age }`)
probes-same-filesystem = the backup is on the same filesystem as `{ $path }` (the data it protects); keep another generation on other media or offline
probes-on-root-filesystem = the backup is on the system's root filesystem and online now; malware on this machine can reach it

# Answer contradictions.
probes-contradiction = answered Yes to { $item }, but the { $kind } probe failed: { $reason }
probes-contradiction-named = answered Yes to { $item }, but the { $kind } probe ({ $name }) failed: { $reason }

# The table of probe results.
probes-table-probe = Probe
probes-table-verdict = Verdict
probes-table-items = Checklist items
probes-table-reason = Reason
probes-verdict-pass = pass
probes-verdict-fail = FAIL
probes-verdict-unknown = unknown
probes-probe-named = { $kind } ({ $name })
probes-probe-at = { $kind } (`{ $path }`)
probes-items-none = (no item of this form)
probes-note-warning = { $probe }: warning: { $text }
probes-note-unreadable = { $probe }: could not read `{ $path }` ({ $text })
probes-note-unreadable-more = { $probe }: could not read { $count } more (see `--format json`)
probes-note-contradiction = contradicts an answer: { $text }
# A probe's reason recorded only as English text (no code this medsec knows).
probes-reason-as-recorded = { $text }
probes-summary = Probes on the machine `{ $host }`: { $pass } passed, { $fail } failed, { $unknown } could not tell; { $contradictions ->
    [one] 1 answer is contradicted
   *[other] { $contradictions } answers are contradicted
}.

# Errors of `medsec probe` and its configuration file.
probes-root-not-a-folder = { $exists ->
    [no] `--root` `{ $path }`: no such folder
   *[yes] `--root` `{ $path }`: not a folder
}
probes-cannot-read-file = cannot read `{ $path }`: { $error }
probes-cannot-write-evidence = cannot write the evidence to `{ $path }`: { $error }
probes-config-cannot-read = cannot read probe configuration `{ $path }`: { $error }
probes-config-invalid = { $location }: { $message }
probes-config-not-utf8 = not UTF-8 text (at byte { $byte }); save it as UTF-8
probes-config-toml = not valid TOML (detail: { $detail })
probes-config-unknown-setting = there is no setting `{ $field }`; check its spelling (the settings here: { $expected })
probes-config-answers-file = this is an answers file, not a probe configuration. A probe configuration (the file `--probes` and `probe --config` take) holds `[[probe]]` tables and the settings `role` and `timeout`; an answers file is given with `--answers`.
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
probes-config-ledger-needs-path = an asset-ledger probe needs `path` (the ledger, `.csv` or `.xlsx`)
probes-config-unknown-ledger-field = unknown ledger field `{ $field }` in `{ $key }`; known: { $known }
probes-config-not-a-duration = `{ $value }` is not a duration; write a number and a unit: 90m, 36h, 7d (s, m, h, d, w)
probes-config-not-a-port = `{ $value }` is not a port; write 22/tcp or 123/udp
probes-config-bad-protocol = `{ $value }`: the protocol must be tcp or udp
probes-config-host-and-any-host = set `host` (whose snapshots count) or `any_host = true`, not both
probes-protects-missing = `protects` names `{ $path }`, which is not on this machine; check the path (relative paths are relative to the configuration file)
probes-checkpoints-ignored = { $count ->
    [one] 1 borg checkpoint archive (an interrupted run) was seen and not counted as a backup
   *[other] { $count } borg checkpoint archives (interrupted runs) were seen and not counted as backups
}
probes-snapshots-unreadable = { $count ->
    [one] 1 { $tool } { probes-backup-unit } has
   *[other] { $count } { $tool } { probes-backup-units } have
} a time that cannot be read and { $count ->
    [one] was
   *[other] were
} not counted (e.g. “{ $example }”)
probes-all-snapshots-unreadable = none of the { $count } { $tool } { probes-backup-units } has a time that can be read, so nothing can be judged (e.g. “{ $example }”); check what `{ $tool }` prints
probes-snapshots-not-counted = { $tool } { probes-backup-units } not counted: { $other_hosts } of other machines than { $host }, { $other_paths } of other paths than `protects`
probes-no-snapshot-of-path = no { $tool } { probes-backup-unit } holds `{ $path }` (a `protects` path)
probes-dpkg-unfinished = { $count ->
    [one] 1 package was left unfinished by dpkg (the machine is mid-upgrade): { $packages }; finish it with `dpkg --configure -a` or `apt-get -f install`
   *[other] { $count } packages were left unfinished by dpkg (the machine is mid-upgrade): { $packages }; finish them with `dpkg --configure -a` or `apt-get -f install`
}
probes-hotfix-date-order-unknown = `{ $source }`: dates such as { $example } can be day-first or month-first and the file does not say which; set `date_order = "dmy"` or `date_order = "mdy"` as the PC that exported it writes dates
probes-hotfix-date-order-conflict = `{ $source }`: { $day_first } is day-first but { $month_first } is month-first; export the list again, or set `date_order` for the file
probes-login-records-unreadable = the login records in `{ $path }` exist but cannot be read ({ $error }), so unused accounts are not judged; run as root, or check the file
probes-dpkg-status-malformed = { $count ->
    [one] 1 package has a `Status:` line in the dpkg database that cannot be read, so whether it is mid-upgrade is unknown: { $package } has "{ $line }"; check with `dpkg --audit`
   *[other] { $count } packages have a `Status:` line in the dpkg database that cannot be read, so whether they are mid-upgrade is unknown; the first, { $package }, has "{ $line }"; check with `dpkg --audit`
}
probes-snapshots-not-counted-paths = { $tool } { probes-backup-units } not counted: { $other_paths } of other paths than `protects`
probes-snapshots-not-counted-hosts = { $tool } { probes-backup-units } not counted: { $other_hosts } of other machines than { $host }

## report
report-out-exists = `{ $path }` already exists: nothing was written. Give `--force` to overwrite it, or another `--out`.
report-out-in-bundle = `{ $path }` is inside the report bundle `{ $bundle }`: writing there would make its verification fail, so nothing was written (not even with `--force`). Give an `--out` outside the bundle.
report-out-is-input = `{ $path }` is the file being read: nothing was written. Give another `--out`.

report-written = wrote `{ $dir }`: { $code } { $name } (`{ $checklist }`), { $fy }, { $vendors ->
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
} (the report records them; see `medsec status { $dir }`)
report-not-signed = not signed; sign it with `{ $command }`
report-need-answers-out = give `--answers FILE` and `--out DIR` (or `medsec report schema`)
report-vendor-unsigned = warning: vendor form `{ $form }` is not signed (no `{ $signature }` beside it); an inspector will see it as unsigned
report-vendor-signature-unchecked = warning: the vendor's signature of vendor form `{ $form }` was not checked (give the vendor's public key with `--vendor-key FILE` to check it); `report.html` marks it unverified
report-vendor-signature-invalid = Vendor form `{ $form }` does not match its vendor's signature: the file was changed after the vendor signed it. An inspector's verify would call the bundle invalid, so no report bundle was made. Put back the file as it was signed, or ask the vendor to sign it again. ({ $problem })
report-vendor-signature-other-key = The signature of vendor form `{ $form }` was made with none of the keys given with `--vendor-key`; no report bundle was made. Give that vendor's public key. ({ $problem })
report-answer-contradicted-by-probe = answered Yes to { $item }, but the { $probe } probe ({ $name }) failed: { $reason }
report-answer-contradicted-by-unnamed-probe = answered Yes to { $item }, but the { $probe } probe failed: { $reason }
report-not-institution-form = `{ $path }`: this is a { $form } form; `--answers` takes the institution's or pharmacy's answers, vendor forms go with `--vendor`
report-not-vendor-form = `{ $path }`: this is a { $form } form, not a vendor form; give it with `--answers`
report-missing-institution = `{ $path }`: [institution] { $field } is missing; a report names the institution (the signature carries its code)
report-field-code = code (the institution code)
report-field-name = name
report-evidence = { $file }:{ $line }: { $item } (round { $round }): evidence file `{ $named }` { $problem } (paths are relative to the answers file)
report-evidence-not-a-file = is not a file (name each file)
report-evidence-not-found = does not exist (looked for `{ $path }`)
report-evidence-unreadable = cannot be read: { $reason }
report-evidence-not-storable = cannot be stored in a bundle: { $reason }
report-evidence-clash = { $file }:{ $line }: { $item }: evidence `{ $named }` would be stored as `{ $path }`, which another evidence path already takes; rename one of the files
report-form-name-clash = two answers files are both named `{ $name }` ({ $first } and { $second }); rename one, as the report names forms by file name
report-probe-evidence = `{ $path }`: { $reason }
report-probe-evidence-not-json = line { $line } column { $column }: not JSON ({ $error })
report-probe-evidence-version = not a probe evidence document of format_version { $expected } (found { $found }); make it with `medsec probe --out evidence.json`
report-probe-evidence-shape = not a probe evidence document ({ $error })
report-read = cannot read `{ $path }`: { $reason }
report-json = { $path }:{ $line }:{ $column }: not valid report JSON ({ $error })
report-version = `{ $path }`: format_version { $found } is not supported; this medsec reads format_version { $supported } (a newer medsec may read it)
report-version-missing = (missing)
report-serialize = cannot write `report.json`: { $error }
report-not-replaced = `{ $path }` was not replaced: { $reason }; nothing was written. Choose a new or empty folder for `--out`, or move this one away first
report-not-replaced-not-folder = it is not a folder
report-not-replaced-symlink = it is a symbolic link
report-not-replaced-no-manifest = it is not a report bundle made by medsec (no `{ $manifest }`)
report-not-replaced-bad-manifest = its `{ $manifest }` is not a manifest (line { $line }: { $reason })
report-not-replaced-not-report = it is not a report bundle made by medsec ({ $reason })
report-not-replaced-no-report-listed = its manifest does not list `{ $file }`
report-not-replaced-unlisted = it holds { $count } file(s) or folder(s) its manifest does not list: { $names }
report-not-replaced-not-named = its manifest lists { $count } file(s) its `report.json` does not name, so medsec did not write it: { $names }
report-not-replaced-changed = { $count } file(s) changed or missing since its manifest was written: { $names }
report-not-replaced-unreadable = it cannot be read whole ({ $reason })
report-render-not-a-bundle = `{ $path }` is not a bundle folder (it holds neither `report.json` nor `MANIFEST.sha256`); give a folder made by `medsec report`, or its `report.json`
report-not-a-report = `{ $path }` is not a medsec report: it lacks { $missing }, which every `report.json` made by `medsec report` has

## signing

signing-prompt-new-key = Passphrase for the new secret key:
signing-prompt-again = Passphrase (again):
signing-prompt-key = Passphrase for `{ $path }`:
signing-passphrase-wrong-retry = Wrong passphrase; try again ({ $left } { $left ->
    [one] try
   *[other] tries
} left).
signing-passphrase-differ-retry = The two passphrases differ; type it again from the start ({ $left } { $left ->
    [one] try
   *[other] tries
} left).
signing-passphrase-env-unset = `--passphrase-env { $var }`: the environment variable { $var } is not set
signing-passphrase-env-not-utf8 = `--passphrase-env { $var }`: the value is not valid UTF-8
signing-passphrase-no-terminal = a passphrase is needed and there is no terminal to ask on; use `--passphrase-env VAR`
signing-passphrase-unreadable = cannot read the passphrase from the terminal: { $reason }
signing-passphrase-differ = the two passphrases differ; nothing was written
signing-keygen-key-id = key ID { $key }
signing-keygen-secret = secret key: `{ $path }` (keep it private; mode 0600)
signing-keygen-secret-windows = secret key: `{ $path }` (keep it private; its access list lets only this Windows user read it)
signing-keygen-public = public key: `{ $path }` (give it to the inspectors)
signing-keygen-unencrypted = warning: `{ $path }` is not encrypted: anyone who can read it can sign in your name
signing-signed-bundle = signed `{ $dir }`: { $files ->
    [one] 1 file
   *[other] { $files } files
} with key { $key }
signing-signed-form = signed `{ $form }` with key { $key }: wrote `{ $signature }`
signing-trusted-comment = trusted comment: { $comment }
signing-record-heading = recorded in the signature (trusted comment):
signing-record-time = signed at
signing-record-institution = institution code
signing-record-vendor = vendor
signing-record-checklist = checklist
signing-record-report = SHA-256 of `report.json`
signing-check-with = check with: `{ $command }`
signing-need-dir = give the bundle folder DIR, or `--form FILE` to sign a vendor form
signing-error-exists = `{ $path }` already exists; use `--force` to overwrite it
signing-error-read = cannot read `{ $path }`: { $reason }
signing-error-write = cannot write `{ $path }`: { $reason }
verify-io-folder-missing = the folder `{ $folder }` does not exist
signing-error-not-a-bundle = `{ $path }` is not a report bundle (it holds no `report.json`); sign a folder made by `medsec report` (or a vendor form with `--form FILE`)
signing-error-key-unreadable = cannot read the { $what } `{ $path }` ({ $detail })
signing-error-bad-key = `{ $path }`: not a minisign { $what }: { $reason }
signing-what-public-key = public key
signing-what-secret-key = secret key
signing-key-empty = the file is empty
signing-key-no-comment = the first line must be `untrusted comment: ...`
signing-key-no-key-line = the key line is missing
signing-key-not-base64 = the key line is not base64
signing-key-unsupported = unsupported algorithm (expected Ed25519, scrypt or none)
signing-key-public-given = this is a public key file. `--key` wants the secret key (`NAME.key` from `medsec keygen`); the public key (`NAME.pub`) is for `medsec verify --pubkey`
signing-key-detail = the key cannot be read ({ $detail })
signing-error-wrong-passphrase = `{ $path }`: wrong passphrase for this secret key
signing-error-passphrase-needed = `{ $path }` is encrypted; give its passphrase on a terminal or with `--passphrase-env VAR`
signing-error-empty-passphrase = the passphrase is empty; choose one, or use `--unencrypted` for a key without one
signing-error-sign = signing failed: { $reason }
signing-error-report-changed = `report.json` changed while the bundle was being signed; run the command again
signing-error-self-check = the signature just written does not verify ({ $code }); the bundle was left unsigned
signing-error-key-not-private = `{ $path }` can be read by other users (mode { $mode }); a secret key must be private. Run `chmod 600 { $path_word }` (and make a new key if someone may have copied it)
signing-unsafe-remove = { $reason }; remove it before signing
signing-unsafe-unreadable = cannot read: { $reason }
signing-unsafe-claim = `{ $value }` is empty or holds control characters; it cannot be signed
signing-unsafe-not-answers = not a usable answers file: { $reason }
signing-unsafe-vendor-name-empty = the vendor's name is empty: write it in the [vendor] table as `name = "…"`
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
signing-manifest-own-file = the manifest may not list `{ $path }`
signing-manifest-twice = `{ $path }` is listed twice
signing-refused-name-not-utf8 = the name is not UTF-8
signing-refused-symlink = symbolic link (bundles hold only regular files)
signing-refused-not-regular = not a regular file
signing-unreadable-loop = loop in the folder
signing-unreadable-too-deep = more than { $max } folders deep; not read
signing-too-large = { $size } bytes, more than the limit of { $limit } bytes
signing-trusted-version = format_version { $found } is not supported; this medsec reads format_version { $supported }
signing-trusted-institution-key = `{ $key }` under [institutions] is not an institution code: write its 10 digits (no key stands for every institution)
signing-trusted-institution-twice = the institution { $code } is listed twice under [institutions] (first at line { $first }; full-width digits are read as ASCII): keep one entry with all its keys
signing-trusted-vendor-empty = a key under [vendors] (the vendor's name) is empty
signing-trusted-institution-no-keys = institution { $code } lists no keys
signing-trusted-vendor-no-keys = vendor `{ $name }` lists no keys
signing-trusted-not-public-key = not a minisign public key: { $reason }
signing-trusted-toml = { $error }
signing-key-not-text = the file is not text (save it as UTF-8 or UTF-16)
signing-key-wrong-length = the key line is not the length of a public key ({ $bytes } bytes; a public key has 42); check that it is not a secret key or a signature file

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
verify-io-not-found = no such file or folder
verify-io-permission-denied = permission denied
verify-io-other = system error ({ $error })
verify-keys-warning = warning: { $warning }
verify-bundled-checklists-failed = warning: the bundled checklists could not be loaded ({ $error }); only checklists given with `--checklist` are known
verify-bundle-not-folder = not a folder
verify-bundle-cannot-open = cannot open the folder: { $reason }
verify-bundle-internal-error = verification stopped on an internal error
verify-bundle-unreadable = cannot read the bundle: { $reason }
verify-content-untrusted = the bundle failed its integrity or signature check, so `report.json` is not trusted: its institution, answers and findings are not shown
verify-content-untrusted-checklist = the report was answered on a checklist that could not be used here ({ $codes }, above), so its answers were not judged: its answers and findings are not shown
verify-not-verified = the signature could not be verified
verify-top-file-missing = { $name } is missing
verify-named-by = {" "}(named by `report.json` { $field })
verify-file-not-regular = not a regular file; not opened{ $named }
verify-file-too-large = { $size } bytes, more than the limit of { $limit } bytes; not read{ $named }
verify-file-unreadable = cannot read: { $reason }{ $named }
verify-manifest-malformed = line { $line }: { $reason }
verify-manifest-not-utf8 = the manifest is not UTF-8 text (at byte { $byte })
verify-file-missing = listed in the manifest but missing
verify-file-changed = its SHA-256 differs from the manifest
verify-file-extra = not listed in the manifest
verify-file-unsafe = not opened: { $reason }
verify-report-path-unsafe = `report.json` { $field } names `{ $path }`: { $reason }; only relative paths inside the bundle are opened
verify-report-path-unlisted = `report.json` { $field } names `{ $path }`, which the signed manifest does not list; it is not opened
verify-evidence-digest-mismatch = `report.json` { $field } records another SHA-256 for `{ $path }` than the manifest
verify-signature-not-minisign = not a minisign signature ({ $error })
verify-signature-not-exact = not in minisign's exact encoding (changed spacing, line ends or padding)
verify-signature-untrusted-comment = unexpected untrusted comment `{ $comment }` (that line is not signed; medsec accepts only the standard ones)
verify-key-wrong = signed with key { $key }, but the key given is { $given }
verify-key-unknown = signed with key { $key }, which the trusted keys do not list
verify-signature-legacy = a legacy (not pre-hashed) signature; sign again with a current minisign or medsec
verify-signature-invalid = the signature does not match `{ $file }` (made with key { $key })
verify-report-missing = the manifest does not cover `report.json`
verify-report-unreadable = cannot read `report.json`: { $reason }
verify-key-untrusted = key { $key } is not trusted for institution { $code }
verify-institution-mismatch = the report is for institution { $code } ({ $name }), not { $expected }
verify-institution-other-genuine = the bundle is genuine (its signature and every file check out), but it is for another institution: { $code } ({ $name }), not { $expected } as `--institution` asks
verify-trusted-comment-mismatch = the signature says `{ $field }` is `{ $signed }`, `report.json` has `{ $actual }`
verify-trusted-comment-plain = the signature's trusted comment does not name the institution, checklist and report (signed by another tool); the manifest signature still covers `report.json`
verify-trusted-comment-malformed = the signature's trusted comment is malformed: { $reason }
verify-comment-twice = `{ $field }` appears twice
verify-comment-missing = `{ $field }` is missing
verify-comment-version = { $found } is not a version this medsec reads ({ $reads })
verify-checklist-unknown = checklist `{ $checklist }` with digest { $digest } is not known; give its file with `--checklist PATH`
verify-checklist-unknown-in-file = `{ $file }`: checklist `{ $checklist }` with digest { $digest } is not known; give its file with `--checklist PATH`
verify-checklist-mismatch = the digest is that of { $actual }, but the report names `{ $checklist }`
verify-checklist-other-year = the report is for { $fy }, but checklist `{ $checklist }` is for { $checklist_fy }
verify-fiscal-year-other = the report is for { $fy }, the current fiscal year is { $now }
verify-generated-at-bad = generated_at is not an RFC 3339 time: `{ $value }`
verify-findings-disagree-recorded = `report.json` records `{ $code }` ({ $place }), which checking its answers again does not find
verify-findings-disagree-rerun = checking the answers again finds `{ $code }` ({ $place }), which `report.json` does not record
verify-vendor-not-in-bundle = vendor form `{ $file }` (`report.json` names the vendor `{ $vendor }`) is not in the bundle, so no vendor signature can be checked
verify-vendor-not-in-bundle-untrusted = `report.json` { $field } names a vendor form that is not in the bundle, so no vendor signature can be checked
verify-vendor-path-unsafe = `report.json` { $field } names `{ $path }`: { $reason }; not opened
verify-vendor-path-unlisted = `report.json` { $field } names `{ $path }`, which the signed manifest does not list; not opened
verify-vendor-form-not-utf8 = not UTF-8 text
verify-vendor-form-unreadable = `{ $file }` cannot be read as a vendor form, so `report.json` cannot be checked against it: { $reason }
verify-vendor-form-other-vendor = `report.json` names another vendor than `{ $file }`, which names `{ $vendor }`
verify-vendor-form-other-answers = `report.json` does not carry the answers of `{ $file }` as the file has them
verify-vendor-form-unsigned = `{ $file }` is not signed by its vendor (no `{ $signature }`)
verify-vendor-signature-unchecked = `{ $file }` is signed by its vendor, but vendor keys are only known from `--trusted keys.toml`; not checked
verify-vendor-key-not-listed = `{ $file }` is signed with key { $key }, which `keys.toml` does not list for vendor `{ $vendor }`
verify-vendor-key-no-vendor = `{ $file }` is signed with key { $key }, but neither the form nor its signature names a vendor whose key it could be
verify-vendor-signature-problem = vendor form `{ $file }`: { $problem }
verify-vendor-comment-mismatch = the vendor's signature says `{ $field }` is `{ $signed }`, the form has `{ $actual }`
verify-vendor-comment-plain = the vendor's signature does not name the vendor and checklist in its trusted comment (signed by another tool); it still covers the form
verify-vendor-comment-malformed = the vendor's trusted comment is malformed: { $reason }
verify-evidence-not-attached = { $item } (round { $round }) names evidence `{ $named }`, which the bundle does not carry
verify-expect-sha256-mismatch = `report.json` has SHA-256 { $actual }, not { $expected } as given with `--expect`: the printed report does not belong to this bundle
verify-expect-key-mismatch = the bundle is signed with key { $actual }, not { $expected } as the printed report's QR code says: the printed report does not belong to this bundle
verify-expect-forms = `--expect` takes the report's SHA-256 as the printed report shows it (64 hex digits, alone or after `sha256:` or `SHA-256`), or the QR code's text `medsec:sha256=<64 hex digits>;key=<16 hex digits>`
verify-expect-invalid = `{ $value }` is neither. { $forms }
verify-expect-wrong-length = the { $part ->
    [key] key ID
   *[other] SHA-256
} `{ $value }` given with `--expect` has { $count } hex digits; { $wanted } are needed. { $forms }
verify-expect-not-hex = `{ $value }`: the { $part ->
    [key] key ID
   *[other] SHA-256
} holds `{ $found }`, which is not a hex digit (0-9, a-f). { $forms }
verify-expect-matched = the SHA-256 of `report.json` is { $sha256 }, as given with `--expect`: the printed report belongs to this bundle
verify-expect-matched-key = the SHA-256 of `report.json` is { $sha256 } and the signing key is { $key }, as given with `--expect`: the printed report belongs to this bundle
verify-checklist-claims-official = `{ $checklist }` (carried in the bundle) marks { $verified } of its items as checked against the official form, but { $workbook ->
    [none] records no workbook it was imported from
   *[other] was imported from `{ $workbook }` (SHA-256 { $sha }), which is not an official workbook medsec knows
}: its claim to be the official MHLW form is not backed, so check its wording against the official form
verify-no-probe-evidence = the report carries no probe evidence (made without `medsec probe`), so no answer could be checked against this machine's probes
verify-probe-evidence-covers-no-item = the report's probe evidence names no item of this form (the probes know other item IDs, e.g. an imported checklist without `--ids-from`), so no answer could be checked against this machine's probes
verify-empty-probe-evidence = the report's probe evidence holds no probe result (an empty probe configuration), so no answer could be checked against this machine's probes
verify-probes-skipped-gate = the gate question is answered No (no medical information system), so every other item is out of scope (対象外) and { $count ->
    [one] the probe was
   *[other] the { $count } probes were
} not run: there is no system to check, not evidence missing
verify-no-bundle-found = no bundle found here (no folder holds `MANIFEST.sha256` or `report.json`)
verify-link-not-followed = a symbolic link to a folder; not followed, so any bundle behind it is not checked
verify-status-refused = `{ $path }` is not shown: the bundle failed its integrity check (see `medsec verify`)
verify-status-refused-unreadable = `{ $path }` is not shown: part of the bundle could not be read (see `medsec verify`)
verify-status-not-a-bundle = `{ $path }` is not a bundle folder (it holds neither `report.json` nor `MANIFEST.sha256`); give a folder made by `medsec report`, or an answers file
verify-status-recorded = Recorded in `report.json`:
verify-keygen-entry = For the inspectors' `keys.toml` (under its `format_version = 1` line):
verify-keygen-entry-placeholder = Replace { $placeholder } with the institution code (10 digits), or make the key with `--institution CODE` (a vendor's key: `--vendor NAME`).
verify-keygen-code-invalid = `--institution` takes the institution code as its 10 digits; `{ $code }` is not one
verify-trusted-is-public-key = this is a minisign public key file (key { $key_id }), not a `keys.toml`: to check with this key alone, give `--pubkey { $path_word }`; to trust it in a `keys.toml`, write `keys = ["{ $key }"]` under `[institutions.CODE]` (a vendor's key: under `[vendors."NAME"]`)
verify-trusted-is-secret-key = this is a minisign secret key file, not a `keys.toml`: a secret key stays with the one who signs; give the inspectors the public key (`.pub`), used with `--pubkey` or in a `keys.toml`
verify-trusted-is-signature = this is a minisign signature file, not a `keys.toml`: give `verify` the bundle folder it belongs to, and the signer's public key (`.pub`) with `--pubkey` or listed in a `keys.toml`
verify-contradiction-no-result = answered Yes to { $item }, but the { $kind } probe failed (its result is not in the evidence)
verify-contradiction-named-no-result = answered Yes to { $item }, but the { $kind } probe ({ $name }) failed (its result is not in the evidence)
verify-contradicted-by-probe-no-result = answered Yes to { $item }, but the { $probe } probe ({ $name }) failed (its result is not in the evidence)
verify-contradicted-by-unnamed-probe-no-result = answered Yes to { $item }, but the { $probe } probe failed (its result is not in the evidence)
verify-no-key-given = no key to trust was given: `medsec { $command }` needs the public key the bundles are signed with, `--pubkey FILE.pub` for one key or `--trusted keys.toml` for the keys of many institutions; e.g. `medsec { $command } --pubkey hospital.pub bundle/`
verify-class-warning = warning
verify-expect-several-bundles = `--expect` names one printed report, but { $count } bundles were found; give the one bundle folder the paper belongs to (`medsec verify BUNDLE --pubkey KEY.pub --expect SHA256`), or verify them all without `--expect`
verify-checklist-not-inspectors = `{ $checklist }` in the bundle (`{ $file }`, digest { $theirs }) is not the `{ $checklist }` you hold ({ $origin }, digest { $yours }): the institution answered another text than yours, so its answers were not judged{ $diff ->
    [none] {""}
   *[other] ; see which items differ with `{ $diff }`
}
verify-checklist-official-source-yours = `{ $checklist }` (carried in the bundle) is the same as yours (digest { $digest }), imported from the official workbook `{ $workbook }`, which medsec knows by its SHA-256
verify-checklist-official-unconfirmed = `{ $checklist }` (carried in the bundle) records as its source the official workbook `{ $workbook }`, which medsec knows by its SHA-256, but its wording was not confirmed against that workbook here, and a checklist file can be edited after import: verify again with the official workbook you downloaded, `{ $command }` (with your `--pubkey` or `--trusted`); verify then compares the sections, printed numbers, wording and scope of every item and says whether they are the official ones
verify-checklist-official-confirmed = `{ $checklist }` (carried in the bundle) records as its source the official workbook `{ $workbook }`, and its wording is confirmed: the sections, printed numbers, wording and scope of every item and the fill-in rules are those of the official workbook you gave (`{ $given }`, SHA-256 as medsec knows it)
verify-workbook-not-official = the workbook you gave (`{ $given }`, SHA-256 { $sha }) is not the official `{ $file }` (SHA-256 { $official }): it does not confirm the wording of a checklist imported from the official one; download the official workbook from { $url } and give that
verify-checklist-workbook-matched = `{ $checklist }` in the bundle (`{ $file }`) was compared with the workbook you gave (`{ $given }`) and agrees: the sections, printed numbers, wording and scope of every item and the fill-in rules are the workbook's
verify-workbook-other-form = the workbook you gave (`{ $given }`) is for another form than the report's: the workbook's form is { $book_form } ({ $book_year }), and the report answered `{ $checklist }`, whose form is { $form } ({ $year }). Nothing was compared with it; give the workbook of the report's form
verify-workbook-not-compared = the workbook you gave (`{ $given }`) was not compared with the report: it was answered on `{ $checklist }` as bundled into medsec, and a workbook is compared only with a checklist the bundle carries (one imported from a workbook)
verify-checklist-wording-differs = `{ $checklist }` in the bundle (`{ $file }`) is not the text of the workbook you hold (`{ $given }`): { $differences }. The institution answered another text than yours, so its answers were not judged; see the changes with `{ $diff }`
verify-wording-differs-form = the form itself (edition, form or title) differs
verify-wording-differs-serves = who the form serves differs ({ $theirs } in the carried checklist, { $stated } as the workbook states it)
verify-wording-differs-sections = { $count ->
    [1] the heading of section { $sections } differs
   *[other] the headings of sections { $sections } differ
}
verify-wording-differs-items = the wording, section, scope or requirement of { $items } differs, or one side lacks it
verify-wording-differs-rules = the fill-in rules differ
verify-checklist-gate-named = `{ $checklist }` (carried in the bundle) takes { $theirs } as the gate question (医療情報システムの有無), named at import with `--map gate=`; the workbook read by itself gives { $read }: its wording is the workbook's, whether that item is the form's gate question is yours to see
verify-checklist-gate-not-workbooks = `{ $checklist }` (carried in the bundle) takes { $theirs } as the gate question (医療情報システムの有無), (named at import with `--map gate=`, or edited by hand), and the report answers it いいえ, which switched off the other items; the workbook read by itself gives { $read } as its gate question, so the official form asks for answers the institution was not asked for: see the answers against the workbook
verify-gate-none = none
verify-added-checklists-unreadable = the checklists added with `checklist add` (`{ $path }`) could not be read ({ $error }); verify goes on without them

## lint

lint-base-not-a-repository = `--base` lints only what changed since a git revision, so it needs a git repository ({ $detail }). Run it inside one, or leave out `--base` to lint every file.
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
lint-summary-unreadable = { $count ->
    [one] 1 file or folder
   *[other] { $count } files or folders
} could not be read (the errors on standard error): nothing in them was checked
lint-not-utf8 = not UTF-8 text; save the file as UTF-8
lint-empty-file = the file is empty; write the checklist in it (`format_version`, `id`, `[[items]]`…)
lint-answers-file = `{ $path }` is an answers file, not a checklist; check the answers with `{ $command }`
lint-unreadable = cannot read checklist `{ $path }`: { common-io-error }
lint-unreadable-folder = cannot read folder `{ $path }`: { common-io-error }
lint-unlistable-folder = cannot list folder `{ $path }`: { common-io-error }
lint-duplicate-checklist = `{ $checklist }` is also defined in { $first }
lint-parse-error = the TOML is not written correctly here (detail: { $detail })
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
lint-unknown-form = unknown form `{ $value }`; expected one of: { $names }
lint-unknown-institution-kind = unknown institution kind `{ $value }`; expected one of: { $names }
lint-unknown-scope = unknown scope `{ $value }`; expected one of: { $names }
lint-unknown-requirement = unknown requirement `{ $value }`; expected one of: { $names }
lint-unknown-not-applicable-rule = unknown not-applicable rule `{ $value }`; expected one of: { $names }
lint-unknown-probe-kind = unknown probe kind `{ $value }`; expected one of: { $names }
lint-missing-translation-title = title: the `{ $lang }` text is empty; both Japanese and English are needed
lint-missing-translation-notes = notes: the `{ $lang }` text is empty; both Japanese and English are needed
lint-missing-translation-section = section { $section }: the `{ $lang }` text is empty; both Japanese and English are needed
lint-missing-translation-item-text = item `{ $item }` text: the `{ $lang }` text is empty; both Japanese and English are needed
lint-missing-translation-item-guidance = item `{ $item }` guidance: the `{ $lang }` text is empty; both Japanese and English are needed
lint-ja-not-japanese-title = title: the `ja` text has no Japanese characters
lint-ja-not-japanese-notes = notes: the `ja` text has no Japanese characters
lint-ja-not-japanese-section = section { $section }: the `ja` text has no Japanese characters
lint-ja-not-japanese-item-text = item `{ $item }` text: the `ja` text has no Japanese characters
lint-ja-not-japanese-item-guidance = item `{ $item }` guidance: the `ja` text has no Japanese characters
lint-duplicate-section-id = section id `{ $section }` is declared twice
lint-duplicate-item-id = item id `{ $id }` is used twice; item ids must be unique
lint-duplicate-number = { $item } has the same number and scope as { $other }
lint-multiple-gates = { $item } is a second gate question; a form has at most one
lint-replaces-current-item = { $item } replaces `{ $replaced }`, which is still an item of this edition
# An item whose number is malformed, named by its ID.
lint-item-id = item `{ $id }`
lint-invalid-number = item `{ $id }`: number `{ $number }` is not well formed; expected e.g. `2-(4)`, `2-④` or `0` for the gate
lint-unknown-section = { $item }: section `{ $section }` is not declared in [[sections]]
lint-number-section-mismatch = { $item }: the number does not start with its section `{ $section }`
lint-empty-section = section `{ $section }` holds no item: check that it is a heading and not a row such as a note (「※…」), and remove it if it is not needed
lint-unknown-guideline-ref = { $item }: guideline reference `{ $reference }` must name a part of the Guideline ({ $parts }) and a place, e.g. `システム運用編 8.1`
lint-invalid-replaces = { $item }: replaces `{ $replaced }` must be another item's stable id
lint-verified-with-note = { $item } is verified = true but still has an `unverified` note
lint-unverified-wording = { $item }: wording or number not yet checked against { $against }; add an `unverified` note saying what
lint-unverified-wording-note = { $item }: not yet checked against { $against }: { $note }
lint-unverified-note-in-english = what is unconfirmed is in the checklist file's `unverified` note (in English)
lint-unverified-workbook = { $item }: wording imported from `{ $file }`, which is not an official workbook known to medsec, so it is not checked against the official wording
lint-config-unknown-key = unknown key `{ $key }`; only `deny` and `allow` exist
lint-config-not-a-list = `{ $key }` takes a list, e.g. `{ $key } = ["{ $example }"]`
lint-config-not-text = `{ $key }` lists words in quotes, e.g. `"{ $example }"`
lint-config-unknown-deny = `deny` does not take `{ $value }`; the only value is `warnings`
lint-unknown-code = no lint rule has the code `{ $code }`; the codes are { $codes }
lint-unknown-code-closest = no lint rule has the code `{ $code }`; did you mean { $closest }?
lint-allow-option = `--allow`: { $problem }
lint-breaking-same-edition = breaking changes since `{ $base }` ({ $changes }) while the edition stays { $edition }: people holding answers for { $edition } cannot tell the two files apart; give the file a new edition, or undo the change (keep a removed item and mark what replaces it; put an item taken out of scope back in scope); `medsec checklist diff` lists the changes
lint-rule-breaking-change-same-edition = A change that breaks answers (an item removed without `replaces`, a gate question changed, an item taken out of scope within the edition) comes with a new edition (with `--base REV`)
lint-settings-used = settings used: { $files } (each file follows the settings file in its folder or the closest parent folder)

## diff

diff-item-out-of-scope = out of scope here; reason: { $reason }
diff-item-out-of-scope-reason-changed = reason out of scope 「{ $old }」 -> 「{ $new }」
diff-empty-folders = Neither `{ $old }` nor `{ $new }` has a checklist file (`.toml`): check the folders.
diff-revisions-need-paths = `{ $old }` and `{ $new }` are git revisions: to compare them, give the paths after `--` (for example `medsec checklist diff { $old } { $new } -- checklists/`).
diff-path-not-found = `{ $path }` was not found: check the path.
diff-md-code = Code
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
diff-header = { $old } ({ $old_origin }) -> { $new } ({ $new_origin })
diff-md-header = { $old } ({ $old_origin }) → { $new } ({ $new_origin })
diff-guideline-version-changed = guideline version { $old } -> { $new }
diff-serves-changed = serves [{ $old }] -> [{ $new }]
diff-section-title-changed = section { $section } heading: 「{ $old }」 -> 「{ $new }」
diff-workbook-positions-changed = the items sit in other cells or rows of the workbook: { $count } { $count ->
    [one] item
   *[other] items
} (wording changes are listed per item)
diff-item-added = added: { $text }
diff-item-removed = removed with no replacement: { $text }
diff-item-replaced = replaces { $replaced }
diff-item-reworded = wording 「{ $old }」 -> 「{ $new }」
diff-item-translation-changed = English translation changed
diff-item-number-notation-changed = number notation { $old } -> { $new }
diff-item-renumbered = number { $old } -> { $new }
diff-item-id-changed = ID `{ $old }` -> `{ $new }` (the same number, section and scope; answers carry forward by ID, so `init --from` does not carry this one)
diff-source-workbook-changed = source workbook `{ $old }` (SHA-256 { $old_sha256 }…) -> `{ $new }` (SHA-256 { $new_sha256 }…){ $same ->
    [yes] : the same bytes under another name
   *[other] {""}
}; the notes and item sources that name the workbook and its SHA-256 are said in this one line
diff-item-moved = section { $old } -> { $new }
diff-item-scope-changed = scope [{ $old }] -> [{ $new }]
diff-item-requirement-changed = requirement { $old } -> { $new }
diff-item-gate-changed = { $old ->
    [true] a gate question
   *[false] not a gate question
} -> { $new ->
    [true] a gate question
   *[false] not a gate question
}
diff-item-not-applicable-changed = not-applicable rules [{ $old }] -> [{ $new }]
diff-item-guidance-changed = guidance changed
diff-item-references-changed = guideline references [{ $old }] -> [{ $new }]
diff-item-probes-changed = probes [{ $old }] -> [{ $new }]
diff-list-none = none
diff-item-verified-changed = verified { $old } -> { $new }

## render

render-finding-source = Source
render-signer = Signed by
render-xlsx-to-terminal = an XLSX workbook is not text for a terminal: give `--out FILE`, or send standard output to a file or program (`--out - > report.xlsx`)

## report-html

report-html-lang = en
report-html-title = Cybersecurity checklist for medical institutions: report of answers
report-html-title-pharmacy = Cybersecurity checklist for pharmacies: report of answers
report-html-title-merged = Cybersecurity checklist for medical institutions and pharmacies: report of answers
report-html-fiscal-year = FY{ $year } ({ $wareki })
report-html-yes = Yes
report-html-no = No
report-html-na = N/A
report-html-pass = pass
report-html-fail = fail
report-html-unknown = unknown
report-html-severity-error = error
report-html-severity-warning = warning
report-html-source-status = answers check
report-html-source-contradiction = answer contradicted by a probe
report-html-state-verified = The signature verified with a trusted key (key ID { $key }) and every file matches the manifest.
report-html-state-integrity-only = Every file matches the manifest, but the signature (key ID { $key }) was not checked against a trusted key. Give `--trusted` or `--pubkey` to check who signed it.
report-html-state-unsigned = Every file matches the manifest, but this report is not signed.
report-html-state-not-checked = Made from `report.json` alone: nothing was checked for tampering. Give the bundle folder to check it.
report-html-state-bundled = This page was written with the report and is signed with the bundle (key ID { $key }). Check the bundle with `medsec verify`.
report-html-verification = Verification
report-html-key-id = Key ID
report-html-signed-at = Signed
report-html-page = Page
report-html-generated-at = Made
report-html-as-of = As of
report-html-institution = Institution
report-html-institution-name = Name
report-html-institution-code = Institution code
report-html-institution-kind = Kind
report-html-prefecture = Prefecture
report-html-manager = Manager
report-html-security-manager = Security manager for medical information systems
report-html-answered-by = Answered by
report-html-summary-no = No (items, latest round):
report-html-summary-overdue = Target date passed (items, latest round):
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
report-html-probes-skipped-gate = The gate question is answered No (no medical information system), so every other item is out of scope (対象外) and { $count ->
    [one] the probe that checks only such items was
   *[other] the { $count } probes that check only such items were
} not run.
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
report-html-csv-form = Answers file
report-html-csv-item-id = Item ID
report-html-csv-round = Round
report-html-csv-answer = Answer
report-html-csv-unverified = Wording unverified
report-html-refused = `{ $path }` is not shown: its integrity or signature check failed (tampered content is never shown as valid):
report-html-refused-checklist = `{ $path }` is not shown: the report was answered on a checklist that could not be used here ({ $codes }), so its answers cannot be shown against it:
report-html-refused-unreadable = `{ $path }` is not shown: part of the bundle could not be read:
report-html-written = Wrote `{ $path }`.
out-format-mismatch = `--format { $format }` does not match `--out` `{ $path }`, whose extension says { $named }: give only one of them, or make them agree.
out-extension-unknown = The extension of `--out` `{ $path }` names none of the output formats. Extensions it takes: { $extensions } (a file name without an extension gets the default format).
out-extension-pdf = A PDF is not written directly (`{ $path }`): write the HTML with `--out report.html` and open it in a browser and print it to PDF (Ctrl+P, then "Save as PDF"). Extensions it takes: { $extensions }.
report-html-xlsx-needs-out = An XLSX workbook is written to a file: give `--out FILE.xlsx` (or `--out -` to send it to standard output).

## workbook

workbook-empty = `{ $file }` is an empty file (0 bytes): a download or copy may not have finished. Save the workbook again and import that.
workbook-encrypted = `{ $file }` is not an XLSX (zip) file but an OLE compound file (it starts with `D0 CF 11 E0`): a password-protected (encrypted) workbook, or an old `.xls` (Excel 97-2003). Only Excel workbooks (`.xlsx`) are read here: open it in Excel, remove the password or save it as an Excel workbook (`.xlsx`), and give that copy.
workbook-unreadable = `{ $file }`: { $reason }
workbook-too-many-cells = Sheet `{ $sheet }`: its merged cells would fill more than { $max } cells; it was not read.
workbook-several-sheets = Several sheets look like checklists: { $sheets }. Choose one with `--sheet NAME`.
workbook-no-items-mapped = The number column stated with `--map` holds no item number (①, (1), 1-①, 2-(3), 1, No.1, Q1) from { $column } down; it holds { $found }. Check the number column (`number=`).
workbook-no-items-mapped-empty = The number column stated with `--map` is empty from { $column } down. Check the number column (`number=`) and the header rows (`header-rows=`).
workbook-no-items-mapped-value = "{ $value }" ({ $cell })
workbook-no-items = The header at { $header } was found ({ $layout }), but no numbered item (①, (1), 1-①, 2-(3)) follows it. State the layout with `--map`.
workbook-empty-text = { $cell }: item { $number } has no wording.
workbook-not-japanese = { $cell }: the wording of item { $number } has no Japanese characters. If this is not the wording column, state the layout with `--map text=COLUMN`.
workbook-duplicate-number = { $cell }: item { $number } appears twice (first at { $first }). Correct the workbook, or give each row its scope (サーバ, 端末PC…).
workbook-duplicate-number-scope-column = { $cell }: item { $number } appears twice (first at { $first }), and column { $column } tells the two rows apart by their scope (サーバ, 端末PC…). Add `scope={ $column }` to the map: `--map { $map }`.
workbook-unknown-scope = { $cell }: `{ $value }` is not a scope (サーバ, 端末PC, ネットワーク機器, 医療情報システム全般). State the layout without that column with `--map`.
workbook-section-too-large = { $cell }: section { $section }; sections are numbered 0 to 9.
workbook-no-edition = The edition is not known: `{ $file }` is not a known official workbook, and its title names no fiscal year (令和N年度). Give it with `--edition`, e.g. `--edition fy2026`.
workbook-bad-edition = `{ $edition }` is not an edition; write fyYYYY, e.g. fy2026.
workbook-bad-id = The checklist id `{ $id }` must be PUBLISHER-{ $form }, e.g. mhlw-{ $form }.
workbook-bad-map-key = `--map`: unknown key `{ $key }`; the keys are number, text, section, scope, header-rows and gate.
workbook-bad-map-column = `--map`: `{ $key }={ $value }` is not a column; write its letters, e.g. B.
workbook-bad-map-rows = `--map`: header-rows=`{ $value }` is not a number of rows.
workbook-bad-map-text = `--map`: the wording column is missing; add text=COLUMN.
workbook-bad-map-toml = `--map` file: { $reason }
workbook-registry = Cannot read the list of official workbooks `{ $path }`: { $reason }.
workbook-notes-imported = Imported by `medsec checklist import` from sheet `{ $sheet }` of the workbook `{ $file }` (SHA-256 { $sha256 }). The wording is as in the cells, with line breaks inside cells joined. The English texts are the Japanese wording, untranslated.
workbook-notes = { $imported } { $provenance }
workbook-notes-official = The workbook is the official { $form } workbook (published { $published }), known to medsec by its SHA-256.
workbook-notes-unofficial = The workbook is not an official workbook known to medsec by its SHA-256, so its items are unverified.
workbook-unverified = Imported from { $file } (SHA-256 { $sha256 }), which is not an official workbook known to medsec.
workbook-guidance = medsec has no guidance of its own for imported items; see the publisher's manual.
workbook-untranslated = { $text } (untranslated)
workbook-default-section = Check items
workbook-default-title = Checklist imported from { $file }
workbook-imported = Imported { $items ->
    [one] 1 item
   *[other] { $items } items
} in { $sections ->
    [one] 1 section
   *[other] { $sections } sections
} as `{ $checklist }`, from the header at { $header } ({ $layout }).
workbook-official = `{ $file }` is the official { $form } workbook ({ $edition }), known by its SHA-256: the items are marked verified.
workbook-unofficial = `{ $file }` is not an official workbook known to medsec: the items are marked unverified (verified = false).
workbook-hash-differs = `{ $file }` has the name of an official workbook, but its SHA-256 { $sha256 } is not the official { $official }: it is not the published file, and the items are marked unverified.
workbook-skipped = Rows without a number were left out: { $cells }.
workbook-target-note-read = The window for target dates (目標日) was read from the note at { $cell } (“{ $note }”): this fiscal year (`target_date = "fiscal-year"`).
workbook-target-note-unread = The note at { $cell } (“{ $note }”) is about target dates (目標日), but no window of this fiscal year could be read from it: `target_date` stays `unknown`. If you know the window, write it in the `[rules]` block of the checklist file.
workbook-written = Written to `{ $path }`. Use it with `--checklist { $path_word }`, or keep it with `medsec checklist add { $path_word }`.
workbook-out-exists = `{ $path }` exists; use `--force` to overwrite it.
workbook-write-failed = Cannot write `{ $path }`: { $reason }.
workbook-read-failed = Cannot read `{ $path }`: { $reason }.
workbook-add-lint-failed = `{ $path }` did not pass `medsec checklist lint` and was not added.
workbook-add-no-folder = This system has no folder for user data; set MEDSEC_DATA_DIR to a folder.
workbook-added = Added `{ $checklist }` as `{ $path }`; commands now find it without `--checklist` (`{ $command }` makes an answers file on it).
workbook-added-not-default = Added `{ $checklist }` as `{ $path }`; answers files on it are read without `--checklist`, but `medsec init` makes a new file on { $default } (the checklist added is not of a later fiscal year than { $default }). To make one on this checklist, use `{ $command }`.
workbook-added-not-default-same-year = Added `{ $checklist }` as `{ $path }`; answers files on it are read without `--checklist`, but `medsec init` makes a new file on { $default } (another added checklist is of the same fiscal year as the one added). To make one on this checklist, use `{ $command }`.
workbook-add-exists = `{ $path }` already holds another file for `{ $checklist }`; use `--force` to overwrite it.
workbook-add-same = `{ $checklist }` is already in `{ $path }`.
workbook-column-not-imported = Column 「{ $header }」 ({ $cell }) was not imported: medsec's checklist format has no place for it. Cells with content: { $cells }. Read them in the workbook itself.
workbook-column-not-imported-unnamed = A column without a header has content ({ $cell } and others) and was not imported: medsec's checklist format has no place for it. Cells with content: { $cells }.

## dates

dates-not-a-date = `{ $text }` is not a date; write it as { $year }-06-03, { $year }/6/3, { $year }.6.3, 令和{ $reiwa }年6月3日, R{ $reiwa }.6.3 or R{ $reiwa }/6/3
dates-year-out-of-range = `{ $text }`: the year { $year } is not a possible date here (use 1900 or later)
dates-no-such-day = `{ $text }` is not a possible date (no such day)
dates-outside-era = `{ $text }` is outside { $era } ({ $era } ran from { $first } to { $last })
dates-before-era = `{ $text }` is outside { $era } ({ $era } began on { $first })

render-list-id = ID
render-list-edition = Edition
render-list-form = Form
render-list-items = Items
render-list-unverified = Unverified
render-list-digest = Digest
render-list-origin = Origin
render-origin-bundled = bundled
render-origin-bundled-path = bundled:`{ $path }`
# $wareki is the Japanese era form, for the Japanese text only.
render-fiscal-year = FY{ $year }{ $wareki ->
   *[other] {""}
}
render-show-number = No.
render-show-scope = Scope
render-show-item = Item
render-show-status = Status
render-show-unverified-mark = * unverified
render-show-legend = * unverified: wording or number not yet checked against { $against }
render-show-edition = Edition
render-show-guideline = Guideline
render-guideline = guideline { $version }
render-guideline-version = { $version }
render-show-digest = Digest
render-show-serves = Serves

## summarize

summarize-col-bundle = bundle
summarize-col-result = result
summarize-col-exit-code = exit code
summarize-col-worst = worst finding
summarize-col-code = institution code
summarize-col-name = institution name
summarize-col-institution = institution
summarize-col-prefecture = prefecture
summarize-col-checklist = checklist
summarize-col-edition = edition
summarize-col-edition-printed = edition as printed
summarize-cell-note = note: { $code }
summarize-note-label = { $code ->
    [checklist-not-official] the checklist is not the official form (items unverified)
    [checklist-gate-named-at-import] the gate question was named at import
    [checklist-workbook-not-compared] not compared with the inspector's workbook
    [target-date-passed-since-signing] a target date passed since signing
    [vendor-signature-unchecked] the vendor's signature was not checked
   *[other] { $code }
}
summarize-col-notes = notes
summarize-col-fiscal-year = fiscal year
summarize-col-complete = complete
summarize-col-no = answered no
summarize-col-overdue = overdue target dates
summarize-col-probe-evidence = probe evidence
summarize-col-probe-failures = probe failures
summarize-col-contradictions = contradictions
summarize-col-probes = probes
summarize-col-signed = signed
summarize-col-key = key ID
summarize-col-sha256 = report.json SHA-256
summarize-col-answers = answers
summarize-cell-complete = complete
summarize-cell-incomplete = incomplete
summarize-cell-no = { $count } answered No
summarize-cell-overdue = { $count } overdue
summarize-finding-of-item = { $item }: { $finding }
summarize-probes = { $failures } failed, { $contradictions } contradicting
summarize-probes-none = no evidence
summarize-written = wrote the summary of { $count ->
    [one] 1 bundle
   *[other] { $count } bundles
} to `{ $path }`
summarize-xlsx-needs-out = an XLSX summary is written to a file: give `--out FILE`
summarize-sheet = bundles
summarize-col-code-prefecture = prefecture of the code
summarize-cell-code-prefecture = warning: the code is { $prefecture }'s
summarize-unverified = {" "}(unverified)
summarize-xlsx-to-terminal = an XLSX summary is not text for a terminal: give `--out FILE`, or send standard output to a file or program (`--out - > summary.xlsx`)

## check
check-step-answers = answers
check-step-status = status
check-step-probes = probes
check-step-key = signing key
check-step-report = signed report (with HTML)
check-step-verify = verification
check-progress = [{ $step }/{ $steps }] { $what }
check-progress-probe = { $step }: { $probe }
check-heading = == { $what } ==
check-no-answers = no answers file here: give one with `--answers FILE`, or make one with `medsec init` and fill it in (on a terminal, `medsec check` makes it and asks the questions)
check-answers-not-found = `{ $path }` does not exist: make it with `{ $command }` and fill it in (on a terminal, `medsec check` makes it and asks the questions)
check-several-answers = several answers files here ({ $files }); name the one to check with `--answers FILE`
check-passphrase-needed = the key `{ $path }` needs its passphrase and medsec may not ask (no terminal, `--non-interactive` or `--format json`); name the environment variable that holds it with `--passphrase-env VAR`
check-cannot-write = cannot write `{ $path }`: { $error }
check-written = Written:
check-written-answers = answers file: `{ $path }` (new)
check-written-evidence = probe evidence: `{ $path }`
check-written-bundle = signed report bundle: `{ $path }` (key { $key })
check-written-bundle-replaced = It replaces the signed report bundle an earlier check wrote there (report SHA-256 { $old }): a printed `report.html` of that one does not match this bundle, whose report SHA-256 is { $new }.
check-written-html = report to read and print: `{ $path }`
check-written-throwaway-key = throwaway key: `{ $secret }` and `{ $public }`
check-none = nothing
check-interrupted = stopped: the files this check made anew in `{ $path }` were removed
check-missing = Missing:
check-missing-incomplete = the answers are incomplete (see the status above)
check-missing-probe-failed = { $count ->
    [one] a probe failed (see the probes above)
   *[other] { $count } probes failed (see the probes above)
}
check-missing-contradiction = { $count ->
    [one] a probe contradicts an answer Yes
   *[other] probes contradict { $count } answers Yes
}
check-missing-probe-unknown = { $count ->
    [one] a probe could not tell (see its reason above)
   *[other] { $count } probes could not tell (see their reasons above)
}
check-missing-no-probe-evidence = no answer was checked against this machine (warning[no-probe-evidence]): { $kind ->
    [empty] the probe configuration is empty, so no probe gave a result
    [no-item] the probes' evidence names no item of this form (the probes know other item IDs, e.g. a checklist imported without `--ids-from`)
   *[other] there is no probe evidence
}
check-missing-report-findings = { $count ->
    [one] the report records an error
   *[other] the report records { $count } errors
}
check-missing-verify-findings = the verification of the bundle has findings (see above)
check-missing-verify-failed = the bundle just written failed verification
check-missing-throwaway-key = the bundle is signed with a throwaway key, which no inspector knows
check-missing-vendor-unchecked = { $count } vendor form signature(s) not checked: the vendor's public key is needed
check-next-vendor-key = give the public key the vendor gave you and run `{ $command }` again
report-html-vendor-unverified = (unverified: not checked with the vendor's public key on this page)
check-next = Next:
check-next-answer = answer the open items or correct what the status above lists (with `medsec answer { $file }`, or by editing the file), then run `{ $command }` again
check-next-verify-failed = do not hand this bundle over; run `{ $command }` again, and report the problem if it stays
check-next-fix-probes = fix what the probes found, or correct the answer in `{ $file }`, then run `{ $command }` again
check-next-verify = read the findings with `{ $command }`
check-next-probe-evidence = { $kind ->
    [no-item] import the checklist again with `--ids-from`, so its items take the IDs of the earlier edition (`medsec checklist import WORKBOOK.xlsx --ids-from ID@EDITION`), then run `{ $command }` again
   *[other] name the probes for this machine in the probe configuration (the `--probes` file: one `[[probe]]` table per probe, such as `kind = "patch-level"`), then run `{ $command }` again
}
check-next-keygen-again = make the institution's own key with `medsec keygen --out NAME`, give `NAME.pub` to the inspectors, and run `{ $command }` again
check-result-ok-but-missing = The check ran to the end, but what is listed under Missing is still left: take the next step above.
check-next-done = print `{ $html }` for the on-site inspection (立入検査), keep `{ $bundle }`, and give the inspectors `{ $public }`
check-result-ok = The year's check is done.
check-result-ok-year = The check for FY{ $year } ({ $wareki }) is done.
check-result-findings = The year's check has findings (exit 1).
check-result-failed = The year's check failed.
check-missing-unusable = the answers cannot be used (see the problems above)
check-next-fix-answers = correct the problems in `{ $file }` (or a vendor form it lists), then run `{ $command }` again
check-done-step = ✓ [{ $step }/{ $steps }] { $sentence }
check-failed-step = ✗ [{ $step }/{ $steps }] { $sentence }
check-done-answers = Checked the answers file `{ $path }`.
check-done-status = { $complete ->
    [yes] The answers are complete.
   *[no] The answers are not complete.
}
check-done-probe-counts = The probes ran: { $pass } passed, { $fail } failed, { $unknown } could not tell; { $contradictions ->
    [one] 1 answer is contradicted
   *[other] { $contradictions } answers are contradicted
}.
check-done-key = { $throwaway ->
    [yes] Signing with the throwaway key { $key }.
   *[no] Signing with the key { $key }.
}
check-done-report = Wrote the signed report to `{ $path }`.
check-done-verify = { $result ->
    [valid] Verified the report just written: it is valid.
    [findings] Verified the report just written: it has findings.
    [invalid] Verified the report just written: it is invalid (its integrity or signature check failed).
   *[unusable] The report just written could not be verified.
}

check-form-question = There is no answers file here yet. Which form do you answer?
check-form-choice = { $number }) { $form } ({ $checklist })
check-form-choice-default = { $number }) { $form } ({ $checklist }) [default]
check-form-prompt = Number [{ $default }] (q quits):{" "}
check-form-input-ended = Input ended (Ctrl-D).
check-form-quit = Quit without choosing a form: no answers file was made and nothing was written. Run `{ $command }` again to choose one.
check-form-invalid = Type a number from 1 to { $count }, or press Enter for { $default }.
check-form-chosen = The answers file is made for the { $form } form (`{ $checklist }`); `--form { $forms }` chooses the form without asking.
check-form-default = Make it with `medsec init --form { $value }` (the { $form } form, `{ $checklist }`), or choose another form with `--form { $others }`.
## probes-windows

# Reasons, warnings and account flags of the probes on Windows (src/probes/windows/), one per
# stable code (see docs/probes.md). $query is updates, accounts or listeners.
probes-windows-powershell-missing = { $query ->
    [updates] PowerShell (`{ $tool }`) is not available, so installed and pending updates cannot be read here; run the probe where PowerShell is, or export `Get-HotFix | Export-Csv -NoTypeInformation hotfix.csv` on the PC and give `hotfix_csv`
    [accounts] PowerShell (`{ $tool }`) is not available, so local accounts cannot be read here
   *[other] PowerShell (`{ $tool }`) is not available, so listening ports cannot be read with it
}
probes-windows-powershell-failed = PowerShell failed while reading { $query ->
    [updates] installed updates
    [accounts] local accounts
   *[other] listening ports
} (exit code { $code }): { $stderr }.
probes-windows-powershell-output-not-understood = PowerShell's answer about { $query ->
    [updates] installed updates
    [accounts] local accounts
   *[other] listening ports
} is not what medsec's script prints: { $error }.
probes-windows-end-of-servicing = { $product } (build { $build }) stopped getting security updates after { $end_date } (end of servicing, { $source }); move to a supported version (Extended Security Updates, if bought, cannot be seen from here)
probes-windows-end-of-servicing-soon = { $product } gets security updates until { $end_date } ({ $days } days from now); plan the move to a supported version
probes-windows-os-build-unknown = Windows build { $build } ({ $edition }) is not in medsec's lifecycle table, so whether it still gets security updates is unknown
probes-windows-update-agent-unavailable = the Windows Update Agent gave no list of pending updates ({ $error }), so pending updates are unknown
probes-windows-pending-updates-read = the Windows Update Agent's last search lists { $count } pending update(s), { $security } of them security updates (medsec reads that list and does not search)
probes-windows-administrators-unknown = the members of Administrators (S-1-5-32-544) could not be read ({ $error }), so which accounts are administrators is unknown
probes-windows-passwords-never-expire = { $count } enabled account(s) have a password that never expires: { $accounts }. Unless the password is 13 characters or longer or two-factor authentication is used, it needs changing periodically: set an expiry (Local Security Policy, "Maximum password age"; or clear "Password never expires" on the account)
probes-windows-remote-entry-points-open = { $count } remote desktop (RDP, 3389) or file sharing (SMB, 445) port(s) listen on every address and are not in allowed_ports: { $ports }. These are the usual ways ransomware got into hospitals in Japan; close them or limit them to the addresses that need them (Windows Defender Firewall)
probes-windows-remote-entry-points-listening = remote desktop (RDP, 3389) or file sharing (SMB, 445) listen on every address: { $ports }; they are the usual ways ransomware gets in, so limit them to the addresses that need them
probes-windows-netstat-fallback = { $cause ->
    [missing] PowerShell is not available
    [not-understood] PowerShell's answer could not be read ({ $detail })
   *[other] PowerShell failed ({ $detail })
}, so listening ports were read with `netstat -ano`; running services are not known
probes-windows-backup-on-network-share = the backup is on the network share `{ $path }`, reachable from this machine now; ransomware running here can encrypt or delete it too: keep another generation offline or where this machine cannot write
probes-windows-backup-on-mapped-drive = the backup is on the mapped network drive `{ $drive }`, connected now; ransomware running here can encrypt or delete it too: keep another generation offline or where this machine cannot write
probes-windows-backup-on-removable-drive = the backup is on the removable drive `{ $drive }`, connected now; a USB disk that stays connected is reachable by ransomware: disconnect it after each backup and keep another generation offline
probes-windows-backup-on-usb-disk = the backup is on the USB disk `{ $drive }`, connected now (Windows counts it as a fixed drive); a USB disk that stays connected is reachable by ransomware: disconnect it after each backup and keep another generation offline
probes-windows-backup-on-system-drive = the backup is on the system drive `{ $drive }`; if this machine is infected, the backup is lost with it: keep another generation on other media or offline
probes-windows-flag-builtin-administrator-enabled = the built-in Administrator is enabled (an administrator account shared by several people; give each administrator an account of their own)
probes-windows-flag-guest-enabled = the built-in Guest account is enabled
probes-windows-flag-password-not-required = can be used without a password (PasswordRequired is off)
## answers-field
answers-field-expected-integer = a whole number without quotes (such as 1)
answers-field-row-cell = { $row } ({ $cell })
answers-field-row-finding = { $place }: { $message }
answers-field-dash-unanswered = { $place }: the answer `{ $value }` is read as unanswered and was not imported; to mark the item not applicable write 対象外 (or na) and give a reason
answers-field-import-warning = warning: { $message }
answers-field-walk-help-steps = in the detail prompts (date checked and the rest) too: b = back one step / q = quit (what was typed is saved)
answers-field-walk-not-applicable-unmet = This item may be not applicable only when: { $when }. The answers file does not say so, so 対象外 cannot be chosen.
answers-field-walk-today-outside = warning: the date checked is today ({ $date }), but this form is for { $fiscal_year } ({ $start } to { $end }); if you checked on another day, type b and enter it.
answers-walk-checked-on-outside = warning: the check date { $date } is outside { $fiscal_year } ({ $start } to { $end }), the year of this form; if that is not the day you checked, type b and enter it again.
answers-field-walk-vendor-contract = is there a contract with a vendor (事業者) for the medical information systems (yes/no)
answers-field-walk-yes-or-no = Answer yes or no (Enter skips).
## rules-data
rules-data-checked-on-required = a check date for each item
rules-data-checked-on-not-on-form = no check date per item
rules-data-checked-on-unknown = not known whether the form has a check date per item
rules-data-target-fiscal-year = within the edition's fiscal year
rules-data-target-next-fiscal-year = up to the end of the next fiscal year
rules-data-target-unknown = window not known from the form
rules-data-on-form = on the form
rules-data-not-on-form = not on the form
rules-data-unknown = not known whether the form has it
rules-data-gate-all-other-items = all other items
rules-data-unknown-value = [rules] { $field }: `{ $value }` is not a known value; expected one of: { $names }
rules-data-checked-on-unconfirmed = { $count ->
    [one] 1 answer has
   *[other] { $count } answers have
} no date checked (checked_on); whether the { $fiscal_year } form has a check date for each item is not confirmed, so write the date you checked
rules-data-target-date-window-unconfirmed = { $item }: the target date { $date } is outside { $fiscal_year } ({ $start } to { $end }); whether this edition allows that is not confirmed
rules-data-target-date-overdue = { $item }: the target date { $date } has passed (as of { $as_of }); put the measure in place and answer Yes, or record why it is late
rules-data-round-not-on-form = { $item }: the { $fiscal_year } form has no 2nd round; remove this round-2 answer
rules-data-lint-missing = `{ $checklist }` has no [rules] block; medsec applies the rules it applied before rules were data
rules-data-lint-gate-not-on-form = [rules] gate = "not-on-form", but item `{ $item }` is the gate question (gate = true)
rules-data-lint-gate-missing = [rules] gate = "on-form", but no item is the gate question (gate = true)
rules-data-lint-reference-only-required = [rules] reference_only lists `required`; required items cannot be reference-only
rules-data-lint-requirement-unlisted = items have requirement `{ $requirement }`, which [rules] reference_only does not list
rules-data-lint-next-year-without-items = [rules] next_year_target is set, but no item is `next-year`
rules-data-verify-target-passed-since-signing = { $item }: the target date { $date } has passed since the report was made ({ $signed }); as of { $as_of } ask whether the measure is in place
verify-target-passed-since-judged = { $item }: the target date { $date } has passed since the day the report was judged on ({ $judged }; it was made on { $made }); as of { $as_of } ask whether the measure is in place
verify-as-of-long-before-made = the report was made and signed on { $made }, but judged as of { $judged }, { $days } days earlier (`check --as-of`): target dates that passed before it was made look in time in the report; ask how things stood on the day it was made
rules-data-verify-checklist-file-invalid = the checklist file `{ $file }` carried in the bundle cannot be read: { $reason }
rules-data-verify-checklist-file-mismatch = the checklist file `{ $file }` carried in the bundle has digest { $found }, but `report.json` names { $named }
rules-data-verify-checklist-no-source = `{ $checklist }` (`{ $file }`, carried in the bundle) records no official workbook as its source: it is not an official MHLW form, so check its wording yourself
rules-data-verify-checklist-not-official = `{ $checklist }` (carried in the bundle) was imported from `{ $workbook }`, which is not an official workbook medsec knows (SHA-256 { $sha }): it is not an official MHLW form, so check its wording yourself
rules-data-list-guideline = Guideline
rules-data-show-rules = Fill-in rules
rules-data-show-next-year = {" "}(items for the next year: { $window })
rules-data-show-rules-value = check date: { $checked_on }; target date: { $target }{ $next_year }; 2nd round: { $round_2 }; gate question: { $gate }
rules-data-init-kind-not-served = { $from } is for a { $kind }, and `{ $checklist }` does not serve that kind (it serves: { $serves }); nothing was written. Choose the form with `medsec init --form` or `--checklist`
## lint-ci

lint-ci-invalid-config = lint settings: { $detail }
lint-ci-title-year-mismatch = the title says { $written }, but fiscal_year is { $year } (edition { $edition })
lint-ci-rule-full = { $description }. Default severity: { $severity }. Silence it with `--allow { $code }` or `allow = ["{ $code }"]` in `medsec-lint.toml`.
lint-ci-rule-full-not-allowable = { $description }. Default severity: { $severity }. Neither `--allow` nor `allow` in `medsec-lint.toml` silences it.
lint-ci-rule-no-checklist-files = The paths given hold a checklist file (`.toml`)
lint-no-checklist-files = { $paths } holds no checklist file (`.toml`); check the path
lint-code-not-allowable = `{ $code }` cannot be allowed: a file that cannot be read or used, a broken settings file, a path without checklists and a breaking change in an unchanged edition are always errors
lint-ci-rule-help = Correct the checklist file at the place shown and run `medsec checklist lint` again.
lint-ci-rule-unreadable = A checklist file or folder can be read
lint-ci-rule-not-utf8 = A checklist file is UTF-8 text
lint-ci-rule-parse-error = A checklist file is well-formed TOML with only the known keys
lint-ci-rule-unsupported-format-version = format_version is one this medsec reads
lint-ci-rule-missing-field = Required fields are present (serves, items, …)
lint-ci-rule-invalid-id = Checklist, publisher and item IDs are kebab-case
lint-ci-rule-id-form-mismatch = The checklist ID is PUBLISHER-FORM
lint-ci-rule-invalid-fiscal-year = fiscal_year is a year between 2000 and 2100
lint-ci-rule-invalid-edition = The edition is written fyYYYY
lint-ci-rule-edition-year-mismatch = The edition and fiscal_year name the same fiscal year
lint-ci-rule-title-year-mismatch = A fiscal year written in the title (令和7年度, FY2025) is the checklist's fiscal_year
lint-ci-rule-invalid-guideline-version = guideline_version looks like 6.0
lint-ci-rule-invalid-date = published is a plain date
lint-ci-rule-invalid-url = source_url is an http(s) URL
lint-ci-rule-unknown-form = The form is institution, pharmacy or vendor
lint-ci-rule-unknown-institution-kind = serves names known kinds of institution
lint-ci-rule-unknown-scope = Item scopes are known ones
lint-ci-rule-unknown-requirement = Item requirements are known ones
lint-ci-rule-unknown-not-applicable-rule = Not-applicable rules are known ones
lint-ci-rule-unknown-probe-kind = Probe kinds are known ones
lint-ci-rule-missing-translation = Every text has both Japanese and English
lint-ci-rule-ja-not-japanese = Japanese texts contain Japanese
lint-ci-rule-duplicate-section-id = Section IDs are unique
lint-ci-rule-duplicate-item-id = Item IDs are unique
lint-ci-rule-duplicate-number = No two items share a number and a scope
lint-ci-rule-multiple-gates = A form has at most one gate question
lint-ci-rule-invalid-replaces = replaces names other items' IDs, not items still in the edition
lint-ci-rule-invalid-number = Item numbers are well formed (2-(4), 2-④, 0)
lint-ci-rule-unknown-section = Items name declared sections
lint-ci-rule-number-section-mismatch = An item's number starts with its section
lint-ci-rule-empty-section = Every section holds an item
lint-ci-rule-unknown-guideline-ref = Guideline references name a part of the Guideline and a place
lint-ci-rule-verified-with-note = A verified item has no unverified note
lint-ci-rule-unverified-wording = Items not yet checked against the official PDF are marked and say what is unchecked
lint-ci-rule-duplicate-checklist = Each ID@EDITION is defined once
lint-ci-rule-invalid-lint-config = `medsec-lint.toml` is readable and has only the keys `deny` and `allow`
lint-ci-rule-unknown-rule-value = Values in `[rules]` are known ones
lint-ci-rule-rules-gate-mismatch = `gate` in `[rules]` agrees with whether the form has the gate question (0)
lint-ci-rule-rules-reference-only-required = `reference_only` does not list `required`
lint-ci-rule-rules-requirement-unlisted = Every item's requirement is `required` or listed in `reference_only`
lint-ci-rule-rules-next-year-without-items = `next_year_target` is set only when some items are `next-year`
lint-ci-rule-rules-missing = An MHLW checklist has a `[rules]` block
lint-ci-rule-extends-invalid = `extends` is `ID@EDITION`
lint-ci-rule-extends-out-of-scope-without-base = `[[out_of_scope]]` only in a file with `extends`
lint-ci-rule-extends-item-prefix = An own item's ID starts with `PUBLISHER-`
lint-ci-rule-extends-duplicate-out-of-scope = No item is left out twice
lint-ci-rule-extends-missing-reason = An item left out has a reason in both languages
lint-ci-rule-extends-unknown-base = The base named by `extends` is known
lint-ci-rule-extends-chain = The base does not itself extend another checklist
lint-ci-rule-extends-other-form = The base is the same form
lint-ci-rule-extends-other-edition = The base is the same edition
lint-ci-rule-extends-same-publisher = An own checklist's publisher differs from the base's
lint-ci-rule-extends-item-collision = An own item's ID is not a base item's ID
lint-ci-rule-extends-item-shadows = An own item's ID is not one a base item replaces
lint-ci-rule-extends-number-collision = An own item's number is not a base item's number
lint-ci-rule-extends-section-collision = An own section's ID is not a base section's ID
lint-ci-rule-extends-unknown-out-of-scope = An item left out is an item of the base
lint-ci-rule-base-item-required-out-of-scope = No item of the base that every institution must answer is left out

## diff-ci

diff-ci-metadata-changed = { $field ->
    [title-ja] Japanese title
    [title-en] English title
    [published] publication date
    [source_url] source URL
   *[other] { $field }
} { $old } -> { $new }
diff-ci-notes-changed = { $field ->
    [notes-ja] Japanese notes
   *[other] English notes
}, the part that differs: "{ $old }" -> "{ $new }" (the JSON output has both texts)
diff-ci-notes-added-or-removed = { $field ->
    [notes-ja] Japanese notes
   *[other] English notes
} added or removed (the JSON output has both texts)
diff-ci-item-sources-changed = sources [{ $old }] -> [{ $new }]
diff-ci-item-unverified-note-changed = unverified note { $how ->
    [added] added
    [removed] removed
   *[changed] changed
} (the JSON output has the old and new note)
diff-ci-breaking-same-edition = { $count ->
    [one] a breaking change
   *[other] { $count } breaking changes
}, but the edition ({ $edition }) and format_version ({ $version }) did not change: give the changed file a new edition
diff-ci-file-added = new file { $place } (`{ $checklist }`)
diff-ci-file-removed = file removed: { $place } (`{ $checklist }`)
diff-ci-files-summary = { $pairs ->
    [one] 1 file compared
   *[other] { $pairs } files compared
}, { $added } added, { $removed } removed
diff-ci-md-title = Checklist changes
diff-ci-md-impact = Impact
diff-ci-md-change = Change
diff-ci-md-no-changes = No changes.
diff-ci-git-missing = cannot run `git` ({ $detail }); comparing git revisions needs git installed
diff-ci-unknown-revision = git does not know the revision `{ $revision }`: check its name (`git branch -a`, `git log --oneline`) or fetch it (`git fetch`)
diff-ci-not-a-repository = cannot compare revisions: { $detail }. Run it inside a git repository, or compare two folders or two files.
diff-ci-no-checklists = Neither `{ $old }` nor `{ $new }` has a checklist file (`.toml`) under { $paths }: check the path.
diff-ci-git-failed = git could not read `{ $path }` at revision `{ $revision }` ({ $detail })
diff-ci-checklist-failed = { $place }: { $detail }
diff-ci-mixed-sides = { $old } and { $new } must both be folders, or both checklists
## checklist-extends
checklist-extends-invalid = `extends = "{ $base }"` does not name a checklist as ID@EDITION, e.g. `mhlw-institution@fy2025`
checklist-extends-out-of-scope-without-base = `[[out_of_scope]]` needs `extends`: only an own checklist that extends another can leave its items out
checklist-extends-item-prefix = own item `{ $id }` must have an ID that starts with `{ $prefix }` (the publisher), so it cannot collide with the base's items
checklist-extends-duplicate-out-of-scope = item `{ $item }` is marked out of scope twice
checklist-extends-missing-reason = out-of-scope item `{ $item }` needs a reason in both languages (`reason = {"{"} ja = "…", en = "…" {"}"}`)
checklist-extends-unknown-base = the base checklist `{ $base }` is not known (known: { $known }); give it with `--checklist` or add it with `medsec checklist add`
checklist-extends-chain = `{ $base }` itself extends `{ $its_base }`: an own checklist can only extend a checklist that extends nothing; extend `{ $its_base }` directly
checklist-extends-other-form = `{ $base }` is a { $base_form } form, but this checklist is a { $form } form
checklist-extends-other-edition = `{ $base }` is another edition than this checklist's `{ $edition }`: an own checklist has its base's edition
checklist-extends-same-publisher = an own checklist needs its own publisher, not `{ $publisher }` of `{ $base }`
checklist-extends-item-collision = own item `{ $id }` has the ID of item { $number } of `{ $base }`
checklist-extends-number-collision = own item `{ $id }` has number { $number }, the number of item `{ $theirs }` of `{ $base }`: give own items numbers of their own sections
checklist-extends-item-shadows = own item `{ $id }` has the ID of an earlier item that an item of `{ $base }` replaces
checklist-extends-section-collision = own section `{ $section }` is already a section of `{ $base }`; give own items a section of their own
checklist-extends-unknown-out-of-scope = out-of-scope item `{ $item }` is not an item of `{ $base }`
checklist-extends-unknown-out-of-scope-near = out-of-scope item `{ $item }` is not an item of `{ $base }`; did you mean `{ $suggestion }` ({ $label })?
checklist-extends-base-changed = the report's checklist `{ $checklist }` extends { $recorded }, but the checklist known here extends { $current }: the base checklist changed since the report was made
checklist-extends-show-base = Extends
checklist-extends-show-heading = Items of `{ $base }` not used here
checklist-extends-show-out-of-scope = out of scope (own checklist)
checklist-extends-show-reason = Reason

## checklist-new
checklist-new-invalid-edition = `--edition`: `{ $edition }` is not an edition; write fyYYYY, e.g. `fy2026`
checklist-new-not-later = `--edition`: `{ $edition }` is not after `{ $from }`: a new edition follows the one it is made from
checklist-new-source = `{ $file }`: `{ $key }` is missing or not readable; the file cannot be scaffolded from
checklist-new-notes = Draft of the { $year } edition ({ $wareki }), made by `medsec checklist new` from `{ $from }`. Every item is carried from that edition and is unverified until checked against the new form; edition, fiscal year, title and rules were advanced; the publication date is left out until known, and the Guideline version is taken from the facts medsec has on the new edition where it has them. Replace this note with what is known about the new edition.
checklist-new-carried = Carried from `{ $from }` (item `{ $id }`) by `medsec checklist new`: check wording, number and scope against the new form.
checklist-new-previous-note = Earlier note: { $note }
checklist-new-guideline-carried = carried from { $from }: check it for { $edition }
checklist-new-written = wrote `{ $path }` (`{ $checklist }`, { $count } items, all unverified); next: edit the wording, then `medsec checklist lint { $path_word }{ $global }` and `medsec checklist diff { $from } { $path_word }{ $global }`
checklist-new-out-of-scope-carried = { $item }, left out before, was replaced by { $items } in `{ $base }`: { $items } is now left out instead (with the same reason; check it).
checklist-new-out-of-scope-merged = { $item }, left out before, was merged with other items into { $items } in `{ $base }`: as { $items } also covers items that were answered, its out-of-scope entry was removed; answer it.
checklist-new-out-of-scope-dropped = { $item }, left out before, is not in `{ $base }` and nothing replaces it: its out-of-scope entry was removed.
checklist-new-base-unknown = `{ $base }`, which the new `{ $checklist }` extends, is neither in this medsec nor given with `--checklist`: add it with `medsec checklist add` or give it with `--checklist` (until then `medsec checklist lint` fails with extends-unknown-base).
checklist-new-exists = `{ $checklist }` exists already (`{ $origin }`): this draft has the same ID and edition, so given with `--checklist` it replaces the existing one. Give it another edition, or compare the two with `medsec checklist diff`.
checklist-new-out-exists = `{ $path }` exists; use `--force` to overwrite it
checklist-new-write-failed = cannot write `{ $path }`: { $reason }
checklist-new-notes-joined = { $made } { $official }
checklist-new-notes-official = Title, form name, institutions served (serves) and source_url come from medsec's data on the official { $form } workbook `{ $file }` (published { $published }). The fill-in rules ([rules]) are carried from `{ $from }` and not confirmed for this edition.
checklist-new-rules-carried = fill-in rules carried from the source edition, not confirmed for { $edition } (their sources there: { $sources }); `sources` names what records this edition's form.
checklist-new-form-not-in-edition = medsec's data on { $edition } knows the forms { $forms }, and no { $form } form: the title and the institutions served are carried unchanged; to start from the new form, use `medsec checklist import`
## answers-workbook
answers-workbook-layout = `{ $file }` cannot be read as a filled checklist: { $reason }
answers-workbook-no-answer-column = sheet `{ $sheet }` has no column headed はい (yes), いいえ (no) or 回答 (answer) (the header was searched from { $header }).
answers-workbook-ambiguous = { $cells }: more than one answer is marked for { $item }, round { $round }. Keep one.
answers-workbook-bad-mark = { $cell }: "{ $value }" is not a mark. The marks read are ●, ○, ◯, 〇, ✓, ✔, レ, x, X, 1 and TRUE (the answer of the column they are in); for no mark, leave the cell empty or write 0 or FALSE.
answers-workbook-bad-answer = { $cell }: the answer "{ $value }" is none of はい (yes), いいえ (no), 対象外 (not applicable).
answers-workbook-outside-item = { $cell }: the answer "{ $value }" is on a row that is no item. Put it on the item's row.
answers-workbook-unknown-item = { $cell }: `{ $checklist }` has no item numbered { $number }.
answers-workbook-ambiguous-item = { $cell }: the number { $number } belongs to several items ({ $candidates }). Write the scope (サーバ, 端末PC…).
answers-workbook-unknown-scope = { $cell }: { $number } has no item for the scope { $scope } in this checklist; it has { $candidates }. Correct the scope (サーバ, 端末PC…).
answers-workbook-twice = { $cell }: { $item } has two rows (the first is { $first }).
answers-workbook-bad-date = { $cell }: { $error }
answers-workbook-no-answer = { $cell }: { $item }, round { $round }, has a date or note but no はい, いいえ or 対象外 marked.
answers-workbook-no-layout = No layout of the official form (workbook) is recorded for `{ $checklist }`. `--layout official` works for checklists imported with `medsec checklist import`; export this one without `--layout`.
answers-workbook-no-column = This form has no column for the answer "{ $answer }" of { $item }, round { $round }.
answers-workbook-write = Cannot make the workbook: { $reason }.
answers-workbook-export-done = Wrote `{ $sheet }` in the layout of the official form, to print or hand over. After filling it in, import it with `medsec answer { $path } --import { $sheet_word }{ $global }`.
answers-workbook-export-left-out = { $count ->
    [one] One value (note, reason or date) has
   *[other] { $count } values (notes, reasons or dates) have
  } no column in this form and { $count ->
    [one] was
   *[other] were
  } left out; the answers file keeps them.
answers-workbook-header-round = Round { $round }
answers-workbook-header-number = No.
answers-workbook-header-text = Check item
answers-workbook-header-section = Section
answers-workbook-header-scope = Scope
answers-workbook-header-yes = Yes
answers-workbook-header-no = No
answers-workbook-header-na = Not applicable
answers-workbook-header-answer = Answer
answers-workbook-header-checked-on = Date checked
answers-workbook-header-target-date = Target date
answers-workbook-header-reason = Reason
answers-workbook-header-note = Note
answers-workbook-xlsx-only = `--layout official` writes `.xlsx` only (`{ $path }`).
## polish
polish-status-next-probe = Next: check the machines with `{ $probe }`, then make the report with `{ $report }`; or do it all with `{ $check }`.
polish-status-next-report = Next: make the report with `{ $report }`; or do it all with `{ $check }`.
polish-institution-code-prefecture-mismatch = institution code `{ $code }`: its first two digits { $number } are the prefecture number of { $expected }, but the prefecture given is “{ $given }”; check which one is right
polish-summarize-unusable = `{ $path }`: could not be read, so it was not checked ({ $code }); `medsec verify { $path_word }` says why
summarize-no-bundle-here = `{ $path }`: holds no report bundle (no folder with `MANIFEST.sha256` or `report.json`); give a folder that holds bundles ({ $code }).
summarize-not-a-folder = `{ $path }`: a file, not a folder: give the folder of a report bundle, or a folder that holds bundles ({ $code }).
summarize-path-missing = `{ $path }`: no such file or folder; check the path ({ $code }).
polish-edition = FY{ $year } edition ({ $wareki })
## checklist-import
checklist-import-rules-intro-official = Fill-in rules read from the columns of the official workbook `{ $file }` (the publisher's own file). What columns cannot show is unknown: medsec's sources do not confirm it for { $edition }.
checklist-import-rules-intro-other = Fill-in rules inferred from the columns of `{ $file }`, which is not an official workbook known to medsec. What columns cannot show is unknown.
checklist-import-rules-no-answer-columns = { $key }: no answer columns (はい, いいえ, 確認日…) were found, so it is unknown.
checklist-import-rules-checked-on-column = checked_on: a 確認日 column at { $cells }, so a date checked is required.
checklist-import-rules-checked-on-none = checked_on: answer columns at { $cells }, but no 確認日 column, so none is asked.
checklist-import-rules-target-window = target_date: the 目標日 header at { $cell } (“{ $header }”) names this fiscal year.
checklist-import-rules-target-column = target_date: a 目標日 column at { $cells }; its header names no window, so it is unknown.
checklist-import-rules-target-none = target_date: no 目標日 column was found, so the window is unknown.
checklist-import-rules-target-note = target_date: the note at { $cell } (“{ $note }”) gives this fiscal year as the window for target dates.
checklist-import-rules-target-note-unread = target_date: the note at { $cell } (“{ $note }”) is about target dates, but no window of this fiscal year could be read from it, so it is unknown.
checklist-import-rules-round-2-column = round_2: 2回目 columns at { $cells }.
checklist-import-rules-round-2-none = round_2: answer columns at { $cells }, for 1回目 only.
checklist-import-rules-gate = gate: no gate question (医療情報システムの有無) was found (no row numbered 0, and no unnumbered sentence before the first item asking whether a medical information system is in use), so it is unknown. Where the form has one, say so with `--map gate=ROW`; where it has none, with `--map gate=none`.
checklist-import-rules-reference-only = reference_only: none; the workbook marks no item as reference-only, so every imported item is required.
checklist-import-rules-gate-detected = gate: the sentence at { $cell } is taken as the gate question (医療情報システムの有無): before the first item, numbered 0 or not numbered, asking whether a medical information system is in use. If it is not, leave it out with `--map gate=none`.
checklist-import-rules-gate-instructed = gate: the item at { $cell } is taken as the gate question (医療情報システムの有無): it is the first item (or the first of section 0), and its wording says the other items need not be filled in when it is answered いいえ. If it is not, leave it out with `--map gate=none`.
checklist-import-rules-gate-mapped = gate: { $cell } is the gate question (医療情報システムの有無), as `--map gate={ $value }` says.
checklist-import-rules-gate-none = gate: the form has no gate question (医療情報システムの有無), as `--map gate=none` says.
checklist-import-rules-gate-vendor = gate: the vendor form (事業者確認用) has no gate question (医療情報システムの有無); the gate question is asked on the institutions' form.
checklist-import-gate-section = Whether a medical information system is in use
checklist-import-gate-found = Imported { $cell } as the gate question (医療情報システムの有無, number { $number }): answered いいえ, no other item needs checking
checklist-import-gate-not-found = No gate question (医療情報システムの有無) was found; where the form has one, name its row with `--map gate=ROW`
checklist-import-bad-map-gate = `--map`: gate=`{ $value }` is not a row (gate=5), an item number (gate=0, gate=1-①, or gate=① where the sheet numbers straight through) or none
checklist-import-map-gate-not-found = `--map gate={ $value }`: no row with wording there (or no item with that number) on sheet `{ $sheet }`; rows are Excel's row numbers, from 1
checklist-import-id-from-file = `{ $file }` is not an official workbook, so its checklist is named after the file, not after MHLW: `{ $checklist }`. To name it yourself, give `--id NAME-{ $form }` (e.g. `--id clinic-{ $form }`).
checklist-import-untitled-sections = The sheet prints no heading for { $count ->
    [one] section
   *[other] sections
} { $sections }: { $count ->
    [one] it is
   *[other] they are
} titled “Check items” (チェック項目). Where the form has headings medsec did not find, write them into the file's [[sections]].
## walk
walk-round-not-on-form = `{ $checklist }` has no round { $round } (2nd round) on its form ([rules] round_2 = "not-on-form"); answer round 1.
walk-checked-on-not-on-form = This form has no check date column, so no check date is asked.
walk-reference-only = A reference item ({ $requirement }): not required in this edition, but it may be answered.
walk-target-window-unconfirmed = { $date } is outside { $start } to { $end }; whether this form allows that is not confirmed. It was kept, and `medsec status` will warn.
walk-target-outside-window = The target date must be within { $start } to { $end }.
## answers-import
answers-import-empty-number = { $place }: the { $column } cell is empty, so the answer of this row cannot be given to any item; write the item's number
answers-import-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
} in the sheet; nothing was changed{ $warnings ->
    [0] {""}
    [one] {" "}(also 1 warning)
   *[other] {" "}(also { $warnings } warnings)
}:
answers-import-workbook-problems = `{ $file }` has { $count ->
    [one] one problem
   *[other] { $count } problems
  }, so nothing was imported{ $warnings ->
    [0] {""}
    [one] {" "}(also 1 warning)
   *[other] {" "}(also { $warnings } warnings)
}:
answers-import-attention = { $count ->
    [one] 1 thing needs
   *[other] { $count } things need
} attention:
answers-import-unknown-scope = { $row }: the scope `{ $scope }` fits no row of number `{ $number }` (its rows: { $candidates }); write the scope of one of them

## inspector
inspector-report-not-verified = warning: `{ $path }` is not in a signed bundle (no `MANIFEST.sha256` beside it), so it is shown unverified: nothing proves who made it or that it was not changed; give the bundle folder to `medsec verify`
inspector-evidence-no-institution = the probe evidence records no institution (made without `medsec probe --answers`, or by an older medsec), so nothing ties it to this institution's machines
inspector-evidence-other-institution = the probe evidence was made for another institution (code `{ $evidence_code }`, “{ $evidence_name }”), not for this one (code `{ $code }`, “{ $name }”); run `medsec probe --answers` on this institution's machine
inspector-evidence-before-fiscal-year = the probe evidence was made on { $date }, before { $fy } began; run `medsec probe` again this fiscal year
inspector-evidence-after-report = the probe evidence finished at { $finished }, after the report was made ({ $made }); a report can only carry evidence made before it
inspector-source-probe-evidence = probe evidence
inspector-summarize-col-evidence-findings = probe evidence findings
inspector-recorded-file = answers file `{ $file }` (recorded in `report.json`)
inspector-item-of-recorded-file = answers file `{ $file }` (recorded in `report.json`): { $item }
inspector-status-complete-with-recorded-errors = complete, but the report records findings: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
inspector-status-unsigned = note: `{ $path }` is not signed; only its files were checked against `MANIFEST.sha256`, so nothing proves who made it
inspector-status-signature-not-checked = note: the signature of `{ $path }` was not checked (`status` takes no key); only its files were checked against `MANIFEST.sha256`; check who signed it with `medsec verify --pubkey KEY.pub { $bundle }`
inspector-verify-give-folder = hint: `{ $path }` is a file in a bundle; give the bundle folder `{ $dir }`

## probes-backup
probes-backup-snapshot = { $id } ({ $details })
probes-backup-snapshot-time = { $time } Japan time
probes-backup-snapshot-host = host { $host }
probes-backup-snapshot-paths = paths { $paths }
probes-backup-snapshot-too-old = the { $tool } { probes-backup-unit } judged, { $snapshot }, is { $age } old, older than `max_age = { $max_age }`
probes-backup-snapshots-fresh = { $count } { $tool } { probes-backup-units }; the one judged, { $snapshot }, is { $age } old (`max_age = { $max_age }`)

## signing-files
signing-files-line-untrusted = the `untrusted comment:` line
signing-files-line-signature = the signature line
signing-files-line-trusted = the `trusted comment:` line
signing-files-line-global = the global signature line
signing-files-signature-not-text = the signature file `{ $file }` is not text (neither UTF-8 nor UTF-16)
signing-files-signature-empty = the signature file `{ $file }` is empty
signing-files-signature-truncated = the signature file `{ $file }` is cut short: line { $line } ({ $what }) is missing; copy the file as it was signed again
signing-files-signature-no-comment-start = line { $line } of the signature file `{ $file }` is not { $what }: the file is no minisign signature, or was changed
signing-files-signature-not-base64 = line { $line } ({ $what }) of the signature file `{ $file }` holds characters that are not base64: the file was changed
signing-files-signature-cut = the signature file `{ $file }` is cut short in line { $line } ({ $what }: { $found } bytes of { $want }); copy the file as it was signed again
signing-files-signature-length = line { $line } ({ $what }) of the signature file `{ $file }` holds { $found } bytes, not { $want }: the file was changed
signing-files-signature-algorithm = the signature kind `{ $algorithm }` on line 2 of the signature file `{ $file }` is not minisign's (Ed, ED)
signing-files-signature-extra = the signature file `{ $file }` has lines after the fourth; a minisign signature file has four

## details
details-unmapped = the content could not be understood
details-at = { $text } (line { $line }, column { $column })
details-with-expected = { $text }; expected { $tokens }
details-found = { $kind ->
    [integer] integer
    [float] number
    [string] string
    [boolean] boolean
    [array] array
    [table] table
   *[other] value
} { $value }
details-invalid-type = write { $kind ->
    [integer] an integer
    [float] a number
    [string] a string
    [boolean] true or false
    [array] an array
    [table] a table
    [date] a date
   *[other] a value of another type
} (found { $found })
details-invalid-type-key = key `{ $key }` needs { $kind ->
    [integer] an integer
    [float] a number
    [string] a string
    [boolean] true or false
    [array] an array
    [table] a table
    [date] a date
   *[other] a value of another type
} (found { $found })
details-invalid-value = the value { $found } cannot be used
details-invalid-value-key = the value { $found } of key `{ $key }` cannot be used
details-invalid-length = wrong number of elements ({ $length })
details-missing-field = key `{ $key }` is missing
details-duplicate-field = key `{ $key }` is written twice
details-unknown-field = unknown key `{ $key }`; the keys are: { $expected }
details-unknown-field-none = unknown key `{ $key }` (no keys can be written here)
details-unknown-variant = the value `{ $value }` cannot be used; the values are: { $expected }
details-toml-unclosed-table = the table header is not closed
details-toml-unclosed-array-table = the array-of-tables header is not closed
details-toml-unclosed-inline-table = the inline table is not closed
details-toml-unclosed-array = the array is not closed
details-toml-duplicate-key = the same key is written twice
details-toml-duplicate-key-named = key `{ $key }` is written twice
details-toml-invalid = invalid { $what ->
    [key] key
    [string] string
    [number] number
    [date] date
    [boolean] boolean
   *[other] value
}
details-toml-unquoted-string = write a string between `"` quotes
details-number-too-large = the number is too large
details-toml-expected = expected { $tokens }
details-toml-syntax = { $what ->
    [no-value] a value is missing
    [no-comma] a separating `,` is missing
    [assignment] the `=` between a key and its value is wrong
    [extra-comma] there is an extra `,`
    [unterminated] a quote is not closed
    [key] the key is not written correctly
   *[unexpected] unexpected text here
}
details-json-eof = it is empty or cut short
details-json-syntax = not valid JSON
details-yaml-multiple-documents = the file holds more than one YAML document (separated by `---`); keep one
details-yaml-syntax = invalid YAML syntax
details-zip-invalid = cannot read it as an XLSX file: it is damaged or not XLSX
details-sqlite-not-database = not an SQLite database
details-sqlite-corrupt = the database is damaged
details-sqlite-busy = the database is busy
details-is-folder = `{ $path }` is a folder; give a file
details-not-regular = `{ $path }` is not a regular file (a device or a pipe); give a file
details-git-not-a-repository = not inside a git repository
details-git-dubious-ownership = git refuses the repository at `{ $path }`: it belongs to another user (git's `safe.directory` setting allows it)
details-git-path-missing = `{ $path }` is not in that revision
details-git-unknown-revision = git knows no such revision
details-git-said = git said: { $text }
details-minisign-encoding = its lines or their base64 are not minisign's
details-minisign-algorithm = its signature algorithm is not one minisign uses
## edition-notice
edition-notice-added = `{ $checklist }` ({ $wareki }, FY{ $year }), added with `medsec checklist add`, is newer than `{ $old }`: the file is made on it. To use `{ $old }`, give `--checklist { $old }`.
edition-notice-successor = `{ $checklist }` ({ $wareki }, FY{ $year }), newer than `{ $old }`, also serves { $kinds }: the file is made on it. To use the older form, give `--checklist { $old }`.
edition-notice-form-merged = institution and pharmacy form

## out

out-stdout-refused = `{ $flag } -` is not possible here: this command writes files or a folder, not standard output. Give the path to write to.

## answers-code

answers-institution-code-prefecture-unknown = institution code `{ $code }`: its first two digits { $digits } are no prefecture number (01 北海道 … 47 沖縄県); check the code
answers-institution-prefecture-unknown = the prefecture “{ $given }” is none of the 47 prefectures; write it as 東京都, 東京, Tokyo or 13, for example

## status
status-mixed-inputs = answers files and bundles (folders or `report.json`) are checked by separate runs: `medsec status` of the answers files ({ $answers }), then of the bundles ({ $bundles })
status-complete-with-findings = complete, but with findings: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} (answers contradicted by the probe evidence, or evidence that does not fit), { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
status-files-complete = { $files } files, all complete ({ $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
})
status-files-incomplete = { $files } files, not all complete: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
status-files-complete-with-findings = { $files } files, all complete, but with findings: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} (answers contradicted by the probe evidence, or evidence that does not fit), { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
status-files-unusable = unusable input: { $unusable ->
    [one] 1 of the { $files } files
   *[other] { $unusable } of the { $files } files
} could not be used ({ $count ->
    [one] 1 problem
   *[other] { $count } problems
})
status-files-next = Next, for each answers file of an institution or pharmacy ({ $files }): check the machines with `medsec probe --answers FILE --out evidence.json`, then make its report with `medsec report --answers FILE --evidence evidence.json --out DIR`; or do it all with `medsec check --answers FILE`.
## import

import-no-header = No sheet of `{ $file }` looks like a checklist: medsec looks in the first 60 rows for a row that names the wording column (項目, チェック項目, 確認項目) with answer columns (はい, いいえ, 確認日, 目標日, 1回目, 2回目, 備考) in it or the two rows below. What it found:
import-clue-sheet = sheet `{ $sheet }`: { $rows }. Missed: { $missed }.{ $hint }
import-clue-sheet-empty = sheet `{ $sheet }`: { $missed }.{ $hint }
import-clue-row = row { $row }: { $cells }
import-clue-cell = { $cell } { $text } ({ $role })
import-clue-role-number = number
import-clue-role-section = section
import-clue-role-scope = scope
import-clue-role-wording = wording
import-clue-role-answer = answer
import-clue-missed-answers = no answer column (はい, いいえ, 確認日…) in the wording's row or the two rows below
import-clue-missed-wording = no wording column (項目, チェック項目, 確認項目) in a row with answer columns
import-clue-missed-apart = the wording column and the answer columns are more than two rows apart
import-clue-missed-both = neither a wording column nor an answer column
import-clue-missed-everything = no header word at all in the first 60 rows
import-clue-map = {" "}If the layout guessed from the rows below is right, state it: `--map { $map }` (columns: number=, text=, section=, scope=; header-rows= counts the rows above the first item).
import-clue-map-sheet = {" "}If the layout guessed from the rows below is right, state it: `--sheet { $sheet } --map { $map }` (columns: number=, text=, section=, scope=; header-rows= counts the rows above the first item).
import-map-needs-sheet = `--map` states the layout of one sheet, and this workbook has several: { $sheets }. Name the sheet with `--sheet NAME`.
import-text-not-workbook = `{ $file }` is a text file (such as a CSV), not an Excel workbook: only `.xlsx` workbooks are read here. Open it in Excel, save it as an Excel workbook (`.xlsx`), and give that file.
import-answers-sheet = sheet `{ $sheet }` of `{ $path }` is an answers sheet as medsec writes it (`medsec answer --export`), not a checklist. To import the answers, run `medsec answer ANSWERS.toml --import { $arg }` (`ANSWERS.toml`: your answers file).
answers-import-pdf = `{ $file }` is a PDF file (it starts with `%PDF`), not an Excel workbook: `answer --import` reads Excel workbooks (`.xlsx`) and CSV files (`.csv`), and no answers can be read from a PDF (renamed to `.xlsx`, it is still a PDF). Give the filled-in Excel workbook (`.xlsx`) or a CSV file (`.csv`).
import-pdf-not-workbook = `{ $file }` is a PDF file (it starts with `%PDF`), not an Excel workbook: only Excel workbooks (`.xlsx`) are read here, and neither items nor answers can be read from a PDF (renamed to `.xlsx`, it is still a PDF). Give the Excel workbook (`.xlsx`).
import-zip-not-workbook = `{ $file }` is a ZIP archive{ $holds ->
    [word] {" "}holding a Word document (.docx)
    [powerpoint] {" "}holding a PowerPoint presentation (.pptx)
    [opendocument] {" "}holding an OpenDocument file (such as LibreOffice's .ods)
   *[other] {""}
}, not an Excel workbook: it has no `xl/workbook.xml`, which every `.xlsx` workbook holds. Only Excel workbooks (`.xlsx`) are read here: { $holds ->
    [opendocument] save it in LibreOffice as "Excel 2007-365 (`.xlsx`)" and give that file.
   *[other] give the Excel workbook (`.xlsx`) itself.
}
import-binary-not-workbook = `{ $file }` is not an Excel workbook but a binary file of no kind medsec knows by its first bytes (`{ $head }`; an `.xlsx` workbook starts with `50 4B`, "PK"). Only Excel workbooks (`.xlsx`) are read here, and renaming a file to `.xlsx` does not make it one: give the Excel workbook (`.xlsx`) itself.
import-recorded-sheet = `{ $file }` has several sheets that look like checklists ({ $sheets }): the answers were read from `{ $sheet }`, the sheet the checklist was imported from. To read another, give `--sheet NAME`.
import-answers-other-year = { $cell } names the form of { $book_wareki } (FY{ $book }), but the answers file is for `{ $checklist }` (FY{ $year }): its answers would land on another year's items by their numbers, so nothing was imported. Import the blank workbook of FY{ $book } with `medsec checklist import`, make an answers file on it with `medsec --checklist ID@EDITION init`, and import the filled workbook into that file.
import-answers-other-form = `{ $file }` is a workbook of another form, { $book_form } ({ $place }), and the answers file is for `{ $checklist }` ({ $form }): its answers would land on another form's items by number, so nothing was imported. Import it into an answers file of its form (made with `{ $init }`), and give this answers file a workbook of its own form ({ $form }).
import-answers-form-place-cell = as { $cell } says
import-answers-form-place-sheet = by the name of its sheet, `{ $sheet }`
import-answers-form-place-official = an official workbook known by its SHA-256
import-edition-title-differs = note: the sheet's title names the form of { $book_wareki } (FY{ $book }), but the checklist is `{ $checklist }`, as `--edition` says. A filled workbook titled for FY{ $book } will not be imported into answers on it; leave out `--edition` to take the title's year.
import-ids-scope-changed = scope changed (same number and wording, another set of devices; `replaces` names the earlier item, so `init --from` carries its answer and marks it for review: an answer for one kind of device says nothing about another): { $items }
import-ids-scope-changed-item = { $new } (was: { $old })
import-ids-english-carried = English carried from { $from } where the Japanese is the same, character for character: { $items ->
    [one] 1 item
   *[other] { $items } items
}, { $sections ->
    [one] 1 section title
   *[other] { $sections } section titles
}. Every other English text is the Japanese marked (untranslated).
import-map-gate-number-not-found = `--map gate={ $value }`: no item of sheet `{ $sheet }` in `{ $file }` is numbered { $value }. Its items are numbered from { $first } ({ $first_cell }) to { $last } ({ $last_cell }), as printed: name the gate question with one of those numbers, or by its row (gate={ $row }).
import-map-gate-number-ambiguous = `--map gate={ $value }`: several items of the sheet are numbered { $value }: { $cells }. Name one with its section (gate={ $example }) or by its row (gate={ $row }).
import-map-gate-number-cell = { $cell } ({ $number })

## import-ids

import-ids-summary = `--ids-from { $from }`: { $same ->
    [one] 1 item with the same wording and scope took its ID
   *[other] { $same } items with the same wording and scope took their IDs
} of the earlier edition; reworded: { $reworded }, new: { $new }, earlier items not found in this workbook: { $missing }.
import-ids-reworded = reworded (same number and scope; `replaces` names the earlier item, so `init --from` carries its answer and marks it for review): { $items }
import-ids-reworded-item = { $new } (was: { $old })
import-ids-new = new (no earlier item with the same wording, nor with the same number and scope; no answer is carried): { $items }
import-ids-not-found = items of { $from } not found in this workbook (their answers are not carried): { $items }
import-ids-other-form = `--ids-from { $from }` is the { $from_form } form and the workbook is the { $form } form: item IDs do not carry between the vendor form and the institutions' forms, so nothing was written. Name an earlier edition of the same kind of form.
## own
own-base-item-out-of-scope = An item of `{ $base }` that the own checklist `{ $checklist }` marks out of scope. Reason: { $reason }.
own-base-item-required-out-of-scope = { $item }: an item of `{ $base }` that the form asks every institution to answer, which the own checklist `{ $checklist }` marks out of scope. The form has no "not applicable" for it, and an inspection checks that every item is answered: take it out of `[[out_of_scope]]` in `{ $checklist }` and answer it (yes or no). Reason given: { $reason }.
report-extends-line = `{ $checklist }` ({ $digest }) extends the { $edition } { $form } `{ $base }` ({ $base_digest }).
verify-extends-line = `{ $checklist }` ({ $digest }) extends `{ $base }` ({ $base_digest }).
own-out-of-scope-heading = Items out of scope: left out of `{ $base }` ({ $base_digest }) by `{ $checklist }` ({ $digest })
own-summarize-extends = `{ $checklist }` (extends `{ $base }`)
own-summarize-note-not-official = own checklist (the items of `{ $base }` are the official form's; its own items are unverified)
own-summarize-out-of-scope = { $count ->
    [one] 1 item out of scope
   *[other] { $count } items out of scope
}
own-summarize-col-out-of-scope = items out of scope
own-origin-bundled = the `{ $checklist }` bundled with medsec

## report-review
report-review-several-files-status = several answers files here ({ $files }); name the one to check (`medsec status FILE`)
report-review-check-missing-digest = the answers were made against other wording of this checklist (the digest differs)
report-review-check-next-digest = check the answers in `{ $file }` against the checklist's current wording, set `digest` in its [checklist] table to `{ $digest }`, then run `{ $command }` again (nothing needs answering again)
report-review-check-result-findings-year = The check for FY{ $year } ({ $wareki }) has findings (exit 1).
report-review-check-result-failed-year = The check for FY{ $year } ({ $wareki }) failed.
report-review-check-vendor-next = `{ $file }` is a vendor form (事業者確認用) and it is complete. A vendor form is not made into a report bundle: the vendor signs it and gives it to the institution. Next: sign it with `medsec sign --form { $command } --key NAME.key` (make a key with `medsec keygen --out NAME` if you have none), then give `{ $file }` and its signature (`.minisig`) to the institution; `medsec check --answers { $command } --key NAME.key` signs it too.
report-review-check-vendor-signed = Next: give `{ $file }` and `{ $signature }` to the institution. Listed in [vendors] forms of the institution's answers file, they go into its report bundle with `medsec report` and `medsec check`.
report-review-status-next-vendor = Next: sign it with the vendor's key, `medsec sign --form { $file } --key NAME.key` (make a key with `medsec keygen --out NAME` if you have none), and give the answers file and its signature (`.minisig`) to the institution.
report-review-edition = FY{ $year }{ $wareki ->
   *[other] {""}
}
report-review-csv-overdue = Overdue

## report-evidence

report-evidence-none = warning[no-probe-evidence]: the report carries no probe evidence (made without `--evidence`), so no answer was checked against this machine's probes. This warning is not recorded in the report; `medsec verify` and `medsec status` find it from the report each time.
report-evidence-no-item = warning[no-probe-evidence]: the report's probe evidence names no item of this form (the probes know other item IDs, e.g. an imported checklist without `--ids-from`), so no answer was checked against this machine's probes. This warning is not recorded in the report; `medsec verify` and `medsec status` find it from the report each time.
report-evidence-empty = warning[no-probe-evidence]: the report's probe evidence holds no probe result (an empty probe configuration), so no answer was checked against this machine's probes. This warning is not recorded in the report; `medsec verify` and `medsec status` find it from the report each time.
report-evidence-source-computed = found now (not recorded in `report.json`)
report-evidence-status-computed = Found now (not recorded in `report.json`):
report-evidence-findings-recorded = findings: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
} ({ $recorded } of them recorded in the report; see `medsec status { $dir }`)
## check-summarize

check-summarize-stopped-clean = { $error }. Nothing this check wrote is left in `{ $dir }` (files that were there before are as they were).
check-evidence-replaced = `{ $path }`, which was there before, was replaced by this check's probe evidence.
report-stale-stage-removed = Removed what an earlier medsec run left when it was stopped before it finished (a staging folder its process no longer owns): { $paths }.
check-probes-skipped-gate = { $gate } is answered No, so every other item is out of scope (対象外): { $count ->
    [one] the probe that checks only such items was not run.
   *[other] the { $count } probes that check only such items were not run.
}
check-summarize-stopped-left = { $error }. This check could not remove what it wrote in `{ $dir }`; still there: { $files }.
check-kept-after-bundle = { $error }. The signed report bundle was written before that and is kept, checked against the secret key when it was signed; this check wrote: { $files }. Once the problem is fixed, check the bundle with `{ $command }`, or run the check again.
check-summarize-details = For every finding, run `{ $command }`{ $more ->
    [0] .
    [one] {" "}(and 1 more bundle with findings…).
   *[other] {" "}(and { $more } more bundles with findings…).
}

# fix12g: evidence the answers cite but that is missing stops report and check
status-next-evidence-missing = Next: before making the report, put the evidence the answers cite, { $paths }, in place (paths are relative to `{ $file }`), or remove it from the item's `evidence` if it is not evidence. Without it, `medsec report` and `medsec check` stop.
check-missing-evidence = { $count ->
    [one] an evidence file the answers cite is
   *[other] { $count } evidence files the answers cite are
} missing (see the warning [evidence-missing] above); the report cannot be made without { $count ->
    [one] it
   *[other] them
}
check-next-evidence-missing = put the evidence { $paths } in place (relative to `{ $file }`), or remove it from the item's `evidence` if it is not evidence, then run `{ $command }` again
check-next-import-sheet = `{ $file }` is a spreadsheet, not an answers file: `--answers` takes an answers file (`.toml`). If the sheet holds your answers, import it into an answers file with `{ $import }` (`ANSWERS.toml` being the answers file's name), then run `{ $command }`
status-not-a-bundle-one-inside = `{ $path }` is not a report bundle folder; the bundle is `{ $inner }` inside it: see it with `{ $command }`
status-not-a-bundle-many-inside = `{ $path }` is not a report bundle folder; it holds { $count ->
    [one] one report bundle
   *[other] { $count } report bundles
}: list them with `{ $command }`
probes-config-unknown-setting-none = there is no setting `{ $field }`; check its spelling
