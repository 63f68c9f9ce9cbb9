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

# Places in an answers file, for the start of a message.
answers-place-file = 回答ファイル
answers-place-top-level = 最上位
answers-place-entry = answers の項目
answers-place-answer = 項目 `{ $item }`
answers-place-answer-round = 項目 `{ $item }` の{ $round }回目
# An item named for people, with its round.
answers-item-round = { $item }({ $round }回目)
# Separators of lists inside sentences.
answers-list-separator = 、
answers-or-separator = 、または

# What a value should be, and what it was.
answers-expected-table = テーブル
answers-expected-text = 文字列
answers-expected-date = 日付(2026-06-03、令和8年6月3日 など)
answers-expected-bool = true か false
answers-expected-list-of-text = 文字列のリスト
answers-expected-answers-list = 項目のリスト(TOML では [[answers]])
answers-value-null = 空の値(null)
answers-value-bool = 真偽値
answers-value-integer = 整数
answers-value-number = 数値
answers-value-string = 文字列
answers-value-date = 日付
answers-value-list = リスト
answers-value-table = テーブル

# Reading an answers file.
answers-not-utf8 = UTF-8 のテキストではありません(バイト { $byte })。UTF-8 で保存してください(Shift_JIS は CSV シートからのみ読み込めます)。
answers-too-deep = リストや表の入れ子が { $limit } 段を超えているため、読み込む前に止めました(回答ファイルの入れ子はふつう 4 段ほどです)。
answers-parse-error = 構文エラーです: { $detail }
answers-missing-format-version = `format_version` がありません。この medsec が読めるのは format_version { $supported } です。
answers-unsupported-format-version = format_version { $found } には対応していません。この medsec が読めるのは format_version { $supported } です(新しい medsec なら読める可能性があります)。
answers-missing-checklist-table = [checklist] テーブル(id、edition、digest)がありません。`medsec init` で作られるファイルには入っています。
answers-missing-checklist-field = [checklist]: `{ $key }` がないか、空です。
answers-missing-item = answers の項目に `item`(項目の固定ID)がありません。
answers-unknown-field = { $place }: 不明なフィールド `{ $key }` があります(そのまま残します。既知のフィールド: { $known })。
answers-wrong-type = { $subject } は{ $want }にしてください({ $found }になっています)。
answers-wrong-type-in-list = { $subject } には文字列を並べてください({ $found }が入っています)。
answers-invalid-date = { $place }: `{ $key }`: { $error }
answers-invalid-kind = [institution]: 種別 `{ $value }` は不明です。次のいずれかにしてください: { $kinds }
answers-invalid-review = { $place }: review `{ $value }` は new、reworded、replaced のいずれでもありません。
answers-invalid-answer = { $place }: 回答 `{ $value }` は はい、いいえ、対象外(または yes、no、na)のいずれでもありません。
answers-invalid-round = { $place }: `round` は 1 か 2 にしてください({ $value } になっています)。
answers-unknown-item = 項目 `{ $item }` は { $checklist } にありません。別の版の回答は `medsec init --from` で引き継いでください。
answers-unknown-item-number = 項目 `{ $item }` は { $checklist } にありません({ $label } の固定IDは `{ $id }` です)。別の版の回答は `medsec init --from` で引き継いでください。
answers-duplicate-answer = { $item } の{ $round }回目が2回回答されています(最初は { $first_line } 行目)。1つにしてください。

# Findings of `medsec status` (the inspection's rules), by stable code.
answers-unanswered = { $item }: 1回目の回答(はい/いいえ)がまだありません。
answers-carried-forward-unconfirmed = { $item }: 回答「{ $answer }」は { $from } から引き継いだもので、確認するまで数えません。確認し直して確認日(checked_on)を入れ、`carried_from` を消してください。
answers-missing-checked-on = { $item }: 「{ $answer }」と回答されていますが、確認日(checked_on)がありません。
answers-date-in-future = { $item }: 確認日 { $date } が基準日 { $as_of }(日本時間)より後です。
answers-checked-before-fiscal-year = { $item }: 確認日 { $date } は{ $fiscal_year }の始まり({ $start })より前です。今年度の確認か、確かめてください。
answers-missing-target-date = { $item }: いいえの場合は、{ $fiscal_year }中({ $start }〜{ $end })の目標日(target_date)が必要です。
answers-target-date-outside-fiscal-year = { $item }: 目標日 { $date } は{ $fiscal_year }({ $start }〜{ $end }、日本時間)の範囲外です。
answers-not-applicable-not-allowed = { $item }: この項目は対象外にできません。はい か いいえ で回答してください。
answers-not-applicable-condition-unmet = { $item }: 対象外にできるのは{ $conditions }の場合だけです。
answers-condition-no-medical-information-system = 医療情報システムの有無(最初の質問)が「いいえ」
answers-condition-no-vendor-contract = 事業者と契約していない([vendors] contract = false)
answers-not-applicable-without-reason = { $item }: 対象外の理由がありません。`reason` に書いてください。
answers-needs-review = { $item }: 引継ぎのときに「{ $review }」(`{ $code }`)とされました。項目を読み直してから `review` を消してください。
answers-review-new = 今年度の新しい項目
answers-review-reworded = 昨年度から文言が変わった項目
answers-review-replaced = 昨年度の項目を置き換えた項目
answers-evidence-missing = { $item }: 証跡 `{ $path }` がありません(パスは回答ファイルからの相対パスです)。
answers-checklist-digest-missing = [checklist] に digest がありません。この文言に結び付けるため、digest = "{ $digest }" を加えてください。
answers-checklist-digest-mismatch = 回答は { $checklist } のダイジェスト { $theirs } に対して作られていますが、このチェックリストのダイジェストは { $ours } です(文言が違います)。今の文言で回答を確認してから digest を更新してください。
answers-missing-institution-field = [institution]: { $fields } を記入してください。
answers-field-with-key = { $label }({ $key })
answers-kind-not-served = { $kind }は { $checklist } を使いません(対象: { $serves })。`medsec init --form` で正しい様式を選んでください。
answers-institution-code-shape = 医療機関コード `{ $code }` が10桁の数字ではありません。
answers-institution-code-fee-table = 医療機関コード `{ $code }`: 3桁目が { $digit } です。3桁目は 1(医科)、3(歯科)、4(調剤)のいずれかです。
answers-institution-code-check-digit = 医療機関コード `{ $code }`: 検証番号が { $found } ですが、計算では { $expected } です。コードを確認してください(この規則は一次資料で確認できていません)。
answers-institution-code-kind-mismatch = 医療機関コード `{ $code }`: 3桁目の { $digit } が医療機関等の種別と合いません。
answers-vendor-contract-unspecified = [vendors]: 事業者との契約の有無を書いてください(contract = true または false)。契約がなければ事業者確認用は不要です。
answers-missing-vendor-field = [vendor]: { $fields } を記入してください。
answers-vendor-form-missing = 事業者との契約がありますが、事業者確認用の回答ファイルがありません。[vendors] の forms に事業者ごとの回答ファイルを書くか、`medsec status` に一緒に渡してください。
answers-vendor-edition-mismatch = 事業者確認用は{ $vendor_fy }({ $vendor })、医療機関等の回答は{ $institution_fy }({ $institution })のものです。事業者確認用は医療機関等と同じ版にしてください。

# The header fields of a form.
answers-institution-name = 名称
answers-institution-kind = 種別
answers-institution-code = 医療機関コード
answers-institution-prefecture = 都道府県
answers-institution-manager = 管理者
answers-institution-security-manager = 医療情報システム安全管理責任者
answers-institution-answered-by = 回答者
answers-vendor-name = 事業者名
answers-vendor-system = システム名
answers-vendor-contact = 連絡先
answers-vendor-answered-by = 回答者
answers-for-institution = 提出先の医療機関等
answers-code-prompt = 医療機関コード(10桁)
answers-response-yes = はい
answers-response-no = いいえ
answers-response-not-applicable = 対象外

# Why an answers file could not be used or written.
answers-error-read = { $path } を読めません: { $reason }
answers-io-not-found = ファイルがありません
answers-io-permission-denied = 権限がありません
answers-io-is-a-directory = フォルダです(ファイルを指定してください)
answers-error-unknown-format = { $path }: ファイルの種類がわかりません。回答ファイルの拡張子は .toml、.yaml、.yml です。
answers-error-invalid = 使用できない回答ファイルです(エラー { $count }件):
answers-error-write = { $path } に書き込めません: { $reason }
answers-error-exists = { $path } はすでにあります。上書きするには --force を付けてください。
answers-error-unsafe = { $path }: このファイルはそのままでは書き換えられません({ $reason })。
answers-error-checklist = { $path }: 回答ファイルが指定するチェックリストを使えません: { $reason }
answers-error-sheet = { $path }: { $reason }
answers-error-changed = { $path } は medsec が読んだ後で、ほかから変更されました。何も書き込んでいません。もう一度実行してください。
answers-error-locked = { $path } はほかの medsec が書き込み中です({ $waited } 秒待ちました)。何も書き込んでいません。終わってからもう一度実行してください。
answers-error-read-only = { $path } は読み取り専用です。何も書き込んでいません。変更してよいファイルなら、先に書き込みを許可してください(chmod u+w)。
answers-edit-layout = このファイルの書き方(フロー形式、アンカー、変わったインデント)は medsec が行単位で書き換えられません。`medsec init` が書くブロック形式にするか、TOML を使ってください
answers-edit-flow-style = `{ $name }` が1行(フロー形式)で書かれています。`medsec init` が書くブロック形式にしてください
answers-edit-starts-entry = `{ $key }` はその項目の最初の行なので消せません
answers-edit-not-a-table = `{ $table }` がテーブルではないため、`{ $key }` を書き込めません
answers-edit-not-array-of-tables = `answers` が [[answers]] テーブルの形で書かれていないため、その場で書き換えられません。項目ごとに [[answers]] テーブルで書いてください
answers-edit-entry = `{ $item }` の項目を書き換えられません
answers-edit-parse = 書き換えのために読めません: { $reason }
answers-error-lock-mismatch = 持っている書き込みロックは { $path } のものです。

# Spreadsheets: export headers, import problems.
answers-sheet-name = 回答
answers-sheet-column-item = 項目ID
answers-sheet-column-number = 項目番号
answers-sheet-column-scope = 対象
answers-sheet-column-text = 項目
answers-sheet-column-round = 回
answers-sheet-column-answer = 回答
answers-sheet-column-checked-on = 確認日
answers-sheet-column-target-date = 目標日
answers-sheet-column-reason = 理由
answers-sheet-column-note = 備考
answers-sheet-answer-choices = はい、いいえ、対象外 のいずれかを選んでください。
answers-sheet-unknown-type = シートの種類がわかりません。.csv か .xlsx を使ってください。
answers-sheet-bad-utf8-bom = UTF-8 の BOM で始まっていますが、UTF-8 ではありません。
answers-sheet-bad-utf16 = UTF-16 として読めません。
answers-sheet-unknown-encoding = UTF-8 でも Shift_JIS(CP932)でもありません。Excel から「CSV UTF-8」で保存してください。
answers-sheet-csv = CSV として読めません: { $reason }
answers-sheet-empty = シートが空です。見出し行(項目番号、回答、確認日、目標日、理由、備考)が必要です。
answers-sheet-no-column = 1行目: 「{ $column }」の列がありません。見出し行には 項目番号(または項目ID)、回答、確認日、目標日、理由、備考 を書いてください。
answers-sheet-row = { $row }行目
answers-sheet-unknown-item = { $row }: 項目「{ $item }」は { $checklist } にありません(印刷された項目番号か、項目ID を書いてください)。
answers-sheet-ambiguous-item = { $row }: 項目番号「{ $item }」は複数の行にあります: { $candidates }。「対象」の列に書くか、「{ $example }」のように番号と対象を書いてください。
answers-sheet-bad-round = { $row }: { $item }: 回「{ $value }」は 1 か 2 にしてください。
answers-sheet-bad-answer = { $row }: { $item }: 回答「{ $value }」は はい、いいえ、対象外(または yes、no、na)のいずれでもありません。
answers-sheet-bad-date = { $row }: { $item }: { $column }: { $error }
answers-sheet-twice = { $row }: { $item } の{ $round }回目が2回あります(最初は { $first }行目)。
answers-sheet-problems = シートに問題が { $count }件あるため、何も変更していません:

# The walk-through (`medsec answer`).
answers-walk-progress = 進捗: { $round }回目 { $done }/{ $total } 項目回答済み
answers-walk-help = 入力: はい(y)/ いいえ(n)/ 対象外(na)/ Enter=とばす / b=戻る / j 番号=移動 / p=進捗 / q=終了(回答済みは保存されています)
answers-walk-all-answered = すべての項目が回答済みです。
answers-walk-gate-closed = 医療情報システムの有無が「いいえ」のため、以下すべての項目は確認不要です。
answers-walk-no-such-item = 「{ $item }」という項目はありません。
answers-walk-not-understood = 「{ $input }」はわかりません。? でヘルプを表示します。
answers-walk-not-applicable-not-allowed = この項目は対象外にできません。
answers-walk-saved = 保存しました。
answers-walk-may-be-not-applicable = (対象外にできる場合: { $when })
answers-walk-carried = 昨年度({ $from })の回答: { $answer } — 確認してください
answers-walk-current = 現在の回答: { $answer } { $date }
answers-walk-header-vendor = 事業者の情報が未記入です。入力してください(Enter でとばす / q で終了)。
answers-walk-header-institution = 医療機関等の情報が未記入です。入力してください(Enter でとばす / q で終了)。
answers-walk-choose-from-list = 一覧の中から選んでください。
answers-walk-code-error = エラー: { $message }
answers-walk-code-warning = 注意: { $message }
answers-walk-checked-on = 確認日 [{ $today }]:
answers-walk-no-future-date = 未来の日付は入力できません。
answers-walk-target-date = 目標日({ $start }〜{ $end }):
answers-walk-target-outside = 目標日は{ $fiscal_year }中({ $start }〜{ $end })の日付にしてください。
answers-walk-reason = 理由 [{ $default }]:
answers-walk-note = メモ:
answers-walk-note-old = メモ [{ $note }](- で消去):
answers-walk-terminal = 端末との入出力に失敗しました: { $reason }
answers-walk-evidence = 証跡ファイル(カンマ区切り)[{ $evidence }]:

# `medsec init`, `medsec answer`, `medsec status`.
answers-init-unknown-last = 注意: { $checklist } はここでは不明なため、文言が変わった項目を見分けられません。引き継いだ項目はすべて要見直しにします。
answers-init-form-mismatch = { $from } は{ $old_form }の回答ですが、新しいファイルは{ $new_form }のものです。--form { $form } を付けてください。
answers-init-wrote = { $path } を作成しました({ $checklist }、{ $count }項目)。
answers-init-carried = 昨年度から{ $carried }件を引き継ぎ(確認が必要です)、{ $review }件を要見直しとしました。
answers-init-wrote-and-carried = { $wrote }{ $carried }
answers-init-next = 次に: ファイルを編集するか、`medsec answer { $path }` で対話形式で入力してください。
answers-import-done = { $sheet } から { $count }件の回答を { $path } に取り込みました。
answers-export-done = { $sheet } に書き出しました。記入後に `medsec answer { $path } --import { $sheet }` で取り込めます。
answers-export-workbook = ワークブックを作れません: { $reason }
answers-export-exists = { $path } はすでにあります。上書きするには --force を付けてください。
answers-export-write = { $path } に書き込めません: { $reason }
answers-need-terminal = `medsec answer` を --import なしで使うには、標準入力が端末である必要があります。端末がない場合は { $path } を直接編集するか(`medsec answer { $path } --import SHEET.csv` でシートを取り込むこともできます)、`medsec status { $path }` で確認してください。
answers-walk-saved-count = { $count }件の回答を保存しました。確認: `medsec status { $path }`
answers-bad-as-of = `--as-of` の日付: { $error }
answers-no-file-here = ここに回答ファイルがありません。ファイル名を指定するか、`medsec init` で作ってください。
answers-several-files-here = ここには回答ファイルが複数あります({ $files })。回答するファイルを指定してください。
answers-cannot-list-folder = 今のフォルダの中身を読めません: { $reason }

# The comments of a new answers file (`medsec init`).
answers-template-title = medsec 回答ファイル: { $title }
answers-template-answer = answer: はい / いいえ / 対象外(対象外は認められた項目のみ。reason に理由を書きます)
answers-template-checked-on = checked_on: 確認日(2026-06-03、2026/6/3、令和8年6月3日、R8.6.3 のどれでも書けます)
answers-template-target-date = target_date: いいえの場合の目標日。{ $fiscal_year }中({ $start }〜{ $end })
answers-template-note = note: メモ、evidence: 証跡ファイルのパス(このファイルからの相対パス)
answers-template-commands = 確認: medsec status このファイル / 対話形式で入力: medsec answer このファイル
answers-template-carried = carried_from のある回答は昨年度からの引継ぎです。確認し直して確認日を入れ、carried_from の行を消してください。
answers-template-contract = 事業者との契約: true / false(false なら事業者確認用は不要です)
answers-template-forms = 事業者確認用の回答ファイル(事業者ごとに1つ)
answers-template-gate = いいえの場合、以下すべての項目は確認不要です。
answers-template-may-be-not-applicable = 対象外にできる場合: { $when }
answers-template-unverified = 文言は公式PDFとまだ照合していません

# `medsec status` tables.
answers-status-form-heading = { $file } — { $checklist }({ $form }、{ $fiscal_year })
answers-status-institution = 医療機関: { $name }(医療機関コード { $code })
answers-status-vendor = 事業者: { $name }(システム: { $system })
answers-status-section = 節
answers-status-round = 回
answers-status-required = 必須
answers-status-answered = 回答済
answers-status-yes = はい
answers-status-no = いいえ
answers-status-not-applicable = 対象外
answers-status-round-n = { $round }回目
answers-status-open-items = いいえの項目と目標日:
answers-status-item = 項目
answers-status-target-date = 目標日
answers-status-unusable = 使用できないファイルがあります({ $count }件)。
answers-status-complete = 記入完了です(警告 { $warnings }件)。
answers-status-incomplete = 未完了です: エラー { $errors }件、警告 { $warnings }件。

## probes

## report

## signing

## verify

## lint

## diff

## render

## dates

dates-not-a-date = 「{ $text }」は日付として読めません。2026-06-03、2026/6/3、2026.6.3、令和8年6月3日、R8.6.3、R8/6/3 のように書いてください。
dates-year-out-of-range = 「{ $text }」: { $year }年はここでは使えません(1900年以降にしてください)。
dates-no-such-day = 「{ $text }」は存在しない日付です。
dates-outside-era = 「{ $text }」は{ $era }の範囲外です({ $era }は { $first }〜{ $last } です)。
dates-before-era = 「{ $text }」は{ $era }の範囲外です({ $era }は { $first } からです)。
