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

# Places in an answers file, for the start of a message.
answers-place-file = the answers file
answers-place-top-level = top level
answers-place-entry = answers entry
answers-place-answer = item `{ $item }`
answers-place-answer-round = item `{ $item }` round { $round }
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
answers-parse-error = { $detail }
answers-missing-format-version = `format_version` is missing; this medsec reads format_version { $supported }
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
answers-invalid-answer = { $place }: answer `{ $value }` is not one of はい, いいえ, 対象外 (or yes, no, na)
answers-invalid-round = { $place }: `round` must be 1 or 2, not { $value }
answers-unknown-item = item `{ $item }` is not in { $checklist }; answers for another edition need `medsec init --from`
answers-unknown-item-number = item `{ $item }` is not in { $checklist } ({ $label } has the stable ID `{ $id }`); answers for another edition need `medsec init --from`
answers-duplicate-answer = { $item } round { $round } is answered twice (first at line { $first_line }); keep one entry

# Findings of `medsec status` (the inspection's rules), by stable code.
answers-unanswered = { $item }: no first-round answer (はい/いいえ) yet
answers-carried-forward-unconfirmed = { $item }: the answer { $answer } was carried forward from { $from } and does not count until confirmed; check it again, set checked_on, and remove `carried_from`
answers-missing-checked-on = { $item }: answered { $answer } but no date checked (checked_on)
answers-date-in-future = { $item }: the date checked { $date } is after { $as_of } (the date checked against, Japan time)
answers-checked-before-fiscal-year = { $item }: checked on { $date }, before { $fiscal_year } began ({ $start }); is this this year's check?
answers-missing-target-date = { $item }: いいえ needs a target date (target_date) within { $fiscal_year } ({ $start } to { $end })
answers-target-date-outside-fiscal-year = { $item }: the target date { $date } is outside { $fiscal_year } ({ $start } to { $end }, Japan time)
answers-not-applicable-not-allowed = { $item }: 対象外 is not allowed for this item; answer はい or いいえ
answers-not-applicable-condition-unmet = { $item }: 対象外 only when { $conditions }
answers-condition-no-medical-information-system = the gate question (医療情報システムの有無) is answered いいえ
answers-condition-no-vendor-contract = there is no vendor contract ([vendors] contract = false)
answers-not-applicable-without-reason = { $item }: 対象外 without a reason; say why in `reason`
answers-needs-review = { $item }: marked `{ $code }` ({ $review }) when carried forward; read the item again, then remove `review`
answers-review-new = new in this edition
answers-review-reworded = reworded since last year
answers-review-replaced = replaces last year's item(s)
answers-evidence-missing = { $item }: evidence `{ $path }` does not exist (paths are relative to the answers file)
answers-checklist-digest-missing = [checklist] names no digest; add digest = "{ $digest }" so the answers are tied to this wording
answers-checklist-digest-mismatch = the answers were made against { $checklist } with digest { $theirs }, but this checklist's digest is { $ours }: its wording differs; check the answers against the current wording, then update the digest
answers-missing-institution-field = [institution]: fill in { $fields }
answers-field-with-key = { $key } ({ $label })
answers-kind-not-served = a { $kind } does not use { $checklist } (it serves: { $serves }); choose the right form with `medsec init --form`
answers-institution-code-shape = 医療機関コード `{ $code }` is not 10 digits
answers-institution-code-fee-table = 医療機関コード `{ $code }`: the third digit is { $digit }; it is 1 (医科), 3 (歯科) or 4 (調剤)
answers-institution-code-check-digit = 医療機関コード `{ $code }`: the check digit is { $found }, expected { $expected }; check the code (this rule is not from a primary source)
answers-institution-code-kind-mismatch = 医療機関コード `{ $code }`: the third digit { $digit } does not fit the kind of institution
answers-vendor-contract-unspecified = [vendors]: say whether there is a vendor contract (contract = true or false); without one, the vendor form (事業者確認用) is not required
answers-missing-vendor-field = [vendor]: fill in { $fields }
answers-vendor-form-missing = the institution has a vendor contract, but no vendor form (事業者確認用) was given; list each vendor's answers file under [vendors] forms, or give it to `medsec status`
answers-vendor-edition-mismatch = the vendor form is for { $vendor_fy } ({ $vendor }), the institution form for { $institution_fy } ({ $institution }); vendor forms must match the institution's edition

# The header fields of a form.
answers-institution-name = name
answers-institution-kind = kind
answers-institution-code = 医療機関コード
answers-institution-prefecture = prefecture
answers-institution-manager = 管理者 (manager)
answers-institution-security-manager = 医療情報システム安全管理責任者
answers-institution-answered-by = who answered
answers-vendor-name = vendor name
answers-vendor-system = the system provided
answers-vendor-contact = contact
answers-vendor-answered-by = who answered
answers-for-institution = the institution this form is for
answers-code-prompt = 医療機関コード (10 digits)
answers-response-yes = yes
answers-response-no = no
answers-response-not-applicable = not applicable

# Why an answers file could not be used or written.
answers-error-read = cannot read { $path }: { $reason }
answers-io-not-found = no such file
answers-io-permission-denied = permission denied
answers-io-is-a-directory = it is a folder (name a file)
answers-error-unknown-format = { $path }: unknown file type; answers files end in .toml, .yaml or .yml
answers-error-invalid = unusable answers file ({ $count ->
    [one] 1 error
   *[other] { $count } errors
}):
answers-error-write = cannot write { $path }: { $reason }
answers-error-exists = { $path } already exists; use --force to overwrite it
answers-error-unsafe = { $path }: the file cannot be rewritten as it is ({ $reason })
answers-error-checklist = { $path }: the checklist the answers file names cannot be used: { $reason }
answers-error-sheet = { $path }: { $reason }
answers-error-changed = { $path } was changed by someone else since medsec read it; nothing was written, run the command again
answers-error-locked = { $path } is being written by another medsec (waited { $waited } s); nothing was written, run the command again when the other one has finished
answers-error-read-only = { $path } is read-only; nothing was written. If it should change, make it writable first (chmod u+w)
answers-edit-layout = the file's layout is one medsec cannot edit line by line (flow style, anchors or unusual indentation); write it in block style as `medsec init` does, or use TOML
answers-edit-flow-style = `{ $name }` is written on one line (flow style); write it in block style as `medsec init` does
answers-edit-starts-entry = cannot remove `{ $key }`: it starts its entry
answers-edit-not-a-table = `{ $table }` is not a table, so `{ $key }` cannot be set in it
answers-edit-not-array-of-tables = `answers` is not written as [[answers]] tables, so it cannot be edited in place; write each entry as an [[answers]] table
answers-edit-entry = cannot edit the entry of `{ $item }`
answers-edit-parse = cannot edit: { $reason }
answers-error-lock-mismatch = the write lock held is for { $path }

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
answers-sheet-unknown-type = unknown sheet type; use .csv or .xlsx
answers-sheet-bad-utf8-bom = starts with a UTF-8 BOM but is not UTF-8
answers-sheet-bad-utf16 = is not valid UTF-16
answers-sheet-unknown-encoding = is neither UTF-8 nor Shift_JIS (CP932) text; save it as CSV (UTF-8) from Excel
answers-sheet-csv = cannot read the CSV: { $reason }
answers-sheet-empty = the sheet is empty; it needs a header row (number, answer, checked_on, target_date, reason, note)
answers-sheet-no-column = row 1: no `{ $column }` column; the header row needs number (or item), answer, checked_on, target_date, reason, note
answers-sheet-row = row { $row }
answers-sheet-unknown-item = { $row }: item `{ $item }` is not in { $checklist } (use the number as printed or the stable ID)
answers-sheet-ambiguous-item = { $row }: number `{ $item }` is on several rows of the form: { $candidates }; fill in the scope column, or write the number with its scope, as in `{ $example }`
answers-sheet-bad-round = { $row }: { $item }: round `{ $value }` is not 1 or 2
answers-sheet-bad-answer = { $row }: { $item }: answer `{ $value }` is not one of はい, いいえ, 対象外 (or yes, no, na)
answers-sheet-bad-date = { $row }: { $item }: { $column }: { $error }
answers-sheet-twice = { $row }: { $item } round { $round } is answered twice (first in row { $first })
answers-sheet-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
} in the sheet; nothing was changed:

# The walk-through (`medsec answer`).
answers-walk-progress = progress: round { $round }, { $done } of { $total } items answered
answers-walk-help = type: はい (y) / いいえ (n) / 対象外 (na) / Enter = skip / b = back / j NUMBER = jump / p = progress / q = quit (answers so far are saved)
answers-walk-all-answered = Every item is answered.
answers-walk-gate-closed = The gate question is answered いいえ: no other item needs checking.
answers-walk-no-such-item = no item `{ $item }`
answers-walk-not-understood = `{ $input }` is not understood; ? for help
answers-walk-not-applicable-not-allowed = This item cannot be 対象外.
answers-walk-saved = saved.
answers-walk-may-be-not-applicable = (may be 対象外 when: { $when })
answers-walk-carried = carried from { $from }: { $answer } — confirm it
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
answers-walk-reason = reason [{ $default }]:
answers-walk-note = note:
answers-walk-note-old = note [{ $note }] (- clears):
answers-walk-terminal = terminal: { $reason }
answers-walk-evidence = evidence paths, comma separated [{ $evidence }]:

# `medsec init`, `medsec answer`, `medsec status`.
answers-init-unknown-last = note: { $checklist } is not known here, so reworded items cannot be told apart; every carried item is marked for review
answers-init-form-mismatch = { $from } is a { $old_form } form, but the new file is for the { $new_form } form; use --form { $form }
answers-init-wrote = wrote { $path } ({ $checklist }, { $count } items)
answers-init-carried = carried { $carried } answers forward from last year (to confirm), { $review } items marked for review
answers-init-wrote-and-carried = { $wrote }; { $carried }
answers-init-next = next: edit it, or run `medsec answer { $path }` to answer item by item
answers-import-done = imported { $count ->
    [one] 1 answer
   *[other] { $count } answers
} from { $sheet } into { $path }
answers-export-done = wrote { $sheet }; fill it in, then `medsec answer { $path } --import { $sheet }`
answers-export-workbook = cannot build the workbook: { $reason }
answers-export-exists = { $path } already exists; use --force to overwrite it
answers-export-write = cannot write { $path }: { $reason }
answers-need-terminal = `medsec answer` without --import needs a terminal on standard input; without one, edit { $path } by hand (or import a sheet with `medsec answer { $path } --import SHEET.csv`) and check it with `medsec status { $path }`
answers-walk-saved-count = saved { $count ->
    [one] 1 answer
   *[other] { $count } answers
}; check with `medsec status { $path }`
answers-bad-as-of = `--as-of`: { $error }
answers-no-file-here = no answers file here; name one, or create it with `medsec init`
answers-several-files-here = several answers files here ({ $files }); name the one to answer
answers-cannot-list-folder = cannot list the current folder: { $reason }

# The comments of a new answers file (`medsec init`).
answers-template-title = medsec answers: { $title }
answers-template-answer = answer: はい (yes) / いいえ (no) / 対象外 (not applicable, only where noted; give a reason)
answers-template-checked-on = checked_on: the date checked (2026-06-03, 2026/6/3, 令和8年6月3日 or R8.6.3)
answers-template-target-date = target_date: for いいえ, the target date within { $fiscal_year } ({ $start } to { $end })
answers-template-note = note: free text; evidence: file paths, relative to this file
answers-template-commands = Check with `medsec status THIS-FILE`; answer interactively with `medsec answer THIS-FILE`.
answers-template-carried = Answers with carried_from come from last year: check again, set checked_on, and delete the carried_from line.
answers-template-contract = vendor contract: true / false (false: no vendor form needed)
answers-template-forms = vendor answers files, one per vendor
answers-template-gate = If いいえ, no other item needs checking.
answers-template-may-be-not-applicable = may be 対象外 when: { $when }
answers-template-unverified = wording not yet checked against the official PDF

# `medsec status` tables.
answers-status-form-heading = { $file } — { $checklist } ({ $form }, { $fiscal_year })
answers-status-institution = institution: { $name } (code { $code })
answers-status-vendor = vendor: { $name } (system: { $system })
answers-status-section = Section
answers-status-round = Round
answers-status-required = Required
answers-status-answered = Answered
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

## probes

## report

## signing

## verify

## lint

## diff

## render

## dates

dates-not-a-date = `{ $text }` is not a date; write it as 2026-06-03, 2026/6/3, 2026.6.3, 令和8年6月3日, R8.6.3 or R8/6/3
dates-year-out-of-range = `{ $text }`: the year { $year } is not a possible date here (use 1900 or later)
dates-no-such-day = `{ $text }` is not a possible date (no such day)
dates-outside-era = `{ $text }` is outside { $era } ({ $era } ran from { $first } to { $last })
dates-before-era = `{ $text }` is outside { $era } ({ $era } began on { $first })
