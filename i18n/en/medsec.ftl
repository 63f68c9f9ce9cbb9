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

## workbook

workbook-encrypted = { $file } is not an XLSX (zip) file but an OLE compound file: a password-protected (encrypted) workbook, or an old .xls. Open it in Excel, remove the password or save it as .xlsx, and import that copy.
workbook-unreadable = { $file }: { $reason }
workbook-too-many-cells = Sheet { $sheet }: its merged cells would fill more than { $max } cells; it was not read.
workbook-no-checklist = No sheet of { $file } looks like a checklist: no row names the wording column (項目, チェック項目, 確認項目) with answer columns (はい, いいえ, 確認日, 目標日, 1回目, 2回目, 備考) beside it. Found: { $found }. State the layout with --map, e.g. --map number=B,text=C,header-rows=2.
workbook-clue-both = sheet { $sheet }: a wording column at { $text_cell } and an answer column at { $answer_cell }, but not in one header
workbook-clue-text = sheet { $sheet }: a wording column at { $text_cell }, but no answer column (はい, いいえ, 確認日…)
workbook-clue-answer = sheet { $sheet }: an answer column at { $answer_cell }, but no wording column (項目, チェック項目…)
workbook-clue-none = sheet { $sheet }: neither a wording column nor an answer column
workbook-several-sheets = Several sheets look like checklists: { $sheets }. Choose one with --sheet NAME.
workbook-no-items = The header at { $header } was found ({ $layout }), but no numbered item (①, (1), 1-①, 2-(3)) follows it. State the layout with --map.
workbook-empty-text = { $cell }: item { $number } has no wording.
workbook-not-japanese = { $cell }: the wording of item { $number } has no Japanese characters. If this is not the wording column, state the layout with --map text=COLUMN.
workbook-duplicate-number = { $cell }: item { $number } appears twice (first at { $first }). Correct the workbook, or give each row its scope (サーバ, 端末PC…).
workbook-unknown-scope = { $cell }: `{ $value }` is not a scope (サーバ, 端末PC, ネットワーク機器, 医療情報システム全般). State the layout without that column with --map.
workbook-section-too-large = { $cell }: section { $section }; sections are numbered 0 to 9.
workbook-no-edition = The edition is not known: { $file } is not a known official workbook, and its title names no fiscal year (令和N年度). Give it with --edition, e.g. --edition fy2026.
workbook-bad-edition = `{ $edition }` is not an edition; write fyYYYY, e.g. fy2026.
workbook-bad-id = The checklist id `{ $id }` must be PUBLISHER-{ $form }, e.g. mhlw-{ $form }.
workbook-bad-map-key = --map: unknown key `{ $key }`; the keys are number, text, section, scope and header-rows.
workbook-bad-map-column = --map: `{ $key }={ $value }` is not a column; write its letters, e.g. B.
workbook-bad-map-rows = --map: header-rows=`{ $value }` is not a number of rows.
workbook-bad-map-text = --map: the wording column is missing; add text=COLUMN.
workbook-bad-map-toml = --map file: { $reason }
workbook-registry = Cannot read the list of official workbooks { $path }: { $reason }
workbook-notes-imported = Imported by `medsec checklist import` from sheet { $sheet } of the workbook { $file } (SHA-256 { $sha256 }). The wording is as in the cells, with line breaks inside cells joined. The English texts are the Japanese wording, untranslated.
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
} as { $checklist }, from the header at { $header } ({ $layout }).
workbook-official = { $file } is the official { $form } workbook ({ $edition }), known by its SHA-256: the items are marked verified.
workbook-unofficial = { $file } is not an official workbook known to medsec: the items are marked unverified (verified = false).
workbook-hash-differs = { $file } has the name of an official workbook, but its SHA-256 { $sha256 } is not the official { $official }: it is not the published file, and the items are marked unverified.
workbook-skipped = Rows without a number were left out: { $cells }.
workbook-written = Written to { $path }. Use it with --checklist { $path }, or keep it with `medsec checklist add { $path }`.
workbook-out-exists = { $path } exists; use --force to replace it.
workbook-write-failed = Cannot write { $path }: { $reason }
workbook-read-failed = Cannot read { $path }: { $reason }
workbook-add-lint-failed = { $path } has lint errors and was not added.
workbook-add-no-folder = This system has no folder for user data; set MEDSEC_DATA_DIR to a folder.
workbook-added = Added { $checklist } as { $path }; commands now find it without --checklist.
workbook-add-exists = { $path } already holds another file for { $checklist }; use --force to replace it.
workbook-add-same = { $checklist } is already in { $path }.
