# medsec の表示文 / medsec's messages (ja).
# One message per stable ID; the same IDs in ja/ and en/. Arguments are named ($item, $path).
# Sections follow the source's rooms; keep each message under its room's heading.

## common

common-yes = はい
common-no = いいえ
common-count-items = { $count } 件

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

workbook-encrypted = { $file } は XLSX(zip)ではなく OLE 複合ファイルです。パスワードで保護(暗号化)されたブックか、古い .xls 形式です。Excel で開いてパスワードを解除するか .xlsx で保存し、その写しを取り込んでください。
workbook-unreadable = { $file }: { $reason }
workbook-too-many-cells = シート { $sheet } は結合セルを展開すると { $max } セルを超えるため、読みませんでした。
workbook-no-checklist = { $file } にはチェックリストらしいシートがありません。項目の列(項目、チェック項目、確認項目)と回答の列(はい、いいえ、確認日、目標日、1回目、2回目、備考)が並ぶ行が見つかりませんでした。見つかったもの: { $found }。--map で配置を指定してください(例: --map number=B,text=C,header-rows=2)。
workbook-clue-both = シート { $sheet }: 項目の列 { $text_cell } と回答の列 { $answer_cell } がありますが、同じ見出しにありません
workbook-clue-text = シート { $sheet }: 項目の列 { $text_cell } はありますが、回答の列(はい、いいえ、確認日など)がありません
workbook-clue-answer = シート { $sheet }: 回答の列 { $answer_cell } はありますが、項目の列(項目、チェック項目など)がありません
workbook-clue-none = シート { $sheet }: 項目の列も回答の列もありません
workbook-several-sheets = チェックリストらしいシートが複数あります: { $sheets }。--sheet NAME でひとつ選んでください。
workbook-no-items = { $header } に見出しがあります({ $layout })が、その下に番号(①、(1)、1-①、2-(3))の付いた項目がありません。--map で配置を指定してください。
workbook-empty-text = { $cell }: 項目 { $number } に文言がありません。
workbook-not-japanese = { $cell }: 項目 { $number } の文言に日本語がありません。項目の列が違う場合は --map text=COLUMN で指定してください。
workbook-duplicate-number = { $cell }: 項目 { $number } が重複しています(最初は { $first })。ブックを直すか、各行に対象(サーバ、端末PCなど)を入れてください。
workbook-unknown-scope = { $cell }: `{ $value }` は対象(サーバ、端末PC、ネットワーク機器、医療情報システム全般)ではありません。その列を除いた配置を --map で指定してください。
workbook-section-too-large = { $cell }: 区分 { $section } です。区分の番号は 0 から 9 までです。
workbook-no-edition = 版が分かりません。{ $file } は既知の公式ブックではなく、表題に年度(令和N年度)もありません。--edition で指定してください(例: --edition fy2026)。
workbook-bad-edition = `{ $edition }` は版の書き方ではありません。fyYYYY の形で書いてください(例: fy2026)。
workbook-bad-id = チェックリストの ID `{ $id }` は PUBLISHER-{ $form } の形にしてください(例: mhlw-{ $form })。
workbook-bad-map-key = --map: `{ $key }` は使えません。使えるのは number、text、section、scope、header-rows です。
workbook-bad-map-column = --map: `{ $key }={ $value }` は列ではありません。B のように列の英字で書いてください。
workbook-bad-map-rows = --map: header-rows=`{ $value }` は行数ではありません。
workbook-bad-map-text = --map: 項目の列がありません。text=COLUMN を加えてください。
workbook-bad-map-toml = --map のファイル: { $reason }
workbook-registry = 公式ブックの一覧 { $path } を読めません: { $reason }
workbook-notes-imported = ブック { $file }(SHA-256 { $sha256 })のシート { $sheet } から `medsec checklist import` で取り込みました。文言はセルのとおりで、セル内の改行だけをつなぎました。英語の欄は翻訳ではなく、日本語の文言のままです。
workbook-notes = { $imported }{ $provenance }
workbook-notes-official = このブックは公表された公式の{ $form }のブック({ $published } 公表)で、SHA-256 で照合しました。
workbook-notes-unofficial = このブックは SHA-256 で照合できる公式のブックではないため、項目は未確認です。
workbook-unverified = { $file }(SHA-256 { $sha256 })から取り込みました。既知の公式ブックではありません。
workbook-guidance = 取り込んだ項目には medsec の解説がありません。公表元のマニュアルを参照してください。
workbook-untranslated = { $text }(未翻訳)
workbook-default-section = チェック項目
workbook-default-title = { $file } から取り込んだチェックリスト
workbook-imported = { $header } の見出し({ $layout })から { $sections } 区分 { $items } 項目を { $checklist } として取り込みました。
workbook-official = { $file } は公式の{ $form }のブック({ $edition })です。SHA-256 が一致したため、項目を確認済みとしました。
workbook-unofficial = { $file } は既知の公式ブックではないため、項目を未確認(verified = false)としました。
workbook-hash-differs = { $file } は公式ブックと同じ名前ですが、SHA-256 { $sha256 } が公式の { $official } と異なります。公表されたファイルではないため、項目を未確認としました。
workbook-skipped = 番号のない行は取り込みませんでした: { $cells }。
workbook-written = { $path } に書き出しました。--checklist { $path } で使うか、`medsec checklist add { $path }` で登録してください。
workbook-out-exists = { $path } はすでにあります。置き換えるには --force を付けてください。
workbook-write-failed = { $path } に書き込めません: { $reason }
workbook-read-failed = { $path } を読めません: { $reason }
workbook-add-lint-failed = { $path } には `medsec checklist lint` で見つかるエラーがあるため、登録しませんでした。
workbook-add-no-folder = この環境には利用者データのフォルダがありません。MEDSEC_DATA_DIR にフォルダを指定してください。
workbook-added = { $checklist } を { $path } に登録しました。今後は --checklist なしで使えます。
workbook-add-exists = { $path } には { $checklist } の別のファイルがあります。置き換えるには --force を付けてください。
workbook-add-same = { $checklist } はすでに { $path } に登録されています。
