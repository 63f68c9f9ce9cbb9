# medsec の表示文 / medsec's messages (ja).
# One message per stable ID; the same IDs in ja/ and en/. Arguments are named ($item, $path).
# Sections follow the source's rooms; keep each message under its room's heading.
# 書き方 / Writing: プレースホルダー・数字・コード(`…`)・英数字と日本語の間に空白を入れません
# (「{ $item }に」「3件」「2回目」「`--force`を付けて」)。空白を残すのは英数字の語やコードどうしの間
# (`1 MiB`、`TCP 443`)と、半角の「: 」の後だけです。
# 文は1文のメッセージも最後の文も「。」で終えます(です・ます・ません・ください・でした・ました)。
# 文のあとに括弧が続いて終わるときは、括弧の後に「。」を付けます(「…読めません(詳細: …)。」)。
# 終えないのは、ほかのメッセージに入る部品(別のメッセージが`{ id }`で使うもの、details-、probes-os-、probes-io-、
# verify-io-)と、見出し・表の列名・セル・値などの語句です。コードがほかの文に入れるメッセージも「。」で
# 終えてかまいません(「。。」は1つにまとめます)。並べる語は「、」(common-list-separator)でつなぎます。
# 値で文を終えません(「使える値: …」ではなく「使える値は{ $names }です。」「…読めません: { $reason }。」)。
# 値で終えてよいのは行やセルの見出しだけです(tests/lang/sentence_ends.rsのLABELS_ENDING_IN_A_VALUE)。
# tests/lang/catalog.rs checks these rules; see docs/glossary.md, "Writing Japanese".

## common

common-yes = はい
common-no = いいえ
common-count-items = { $count }件
common-io-error = { $kind ->
    [not-found] ファイルまたはフォルダがありません
    [permission-denied] アクセスが許可されていません
    [already-exists] 同じ名前のファイルがすでにあります
    [is-a-directory] フォルダです(ファイルを指定してください)
    [not-a-directory] フォルダではありません
    [directory-not-empty] フォルダが空ではありません
    [read-only] 読み取り専用のファイルシステムです
    [storage-full] ディスクの空きがありません
    [file-too-large] ファイルが大きすぎます
    [invalid-data] 内容を読み取れません
    [invalid-input] 名前または値が正しくありません
    [unexpected-eof] ファイルが途中で終わっています
    [timed-out] 時間内に終わりませんでした
    [interrupted] 中断されました
    [busy] 使用中です
    [broken-pipe] 出力先が閉じられました
    [crosses-devices] 別のディスクへは移動できません
    [out-of-memory] メモリが足りません
    [unsupported] この環境では使えない操作です
   *[other] 入出力エラーが起きました
}{ $code ->
    [none] {""}
   *[other] (OSのエラー番号{ $code })
}
common-list-separator = 、
# 語の後に続く開きかっこの前に置くもの(日本語では何も置きません)。
common-paren-gap = {""}
common-sentence-separator = 。
common-input-kind = { $kind ->
    [answers] 回答ファイル
    [sheet] シート
    [checklist] チェックリスト
    [settings] 設定・鍵・署名ファイル
    [report] 報告書・証跡ファイル
   *[system] システムのファイル
}
common-limit-io = `{ $path }`を読めません: { common-io-error }。
common-limit-too-large = `{ $path }`は{ common-input-kind }の上限{ $limit } MiBを超えているため、読みませんでした。
common-workbook-not-zip = XLSX(zip)ファイルとして読めません(詳細: { $detail })。
common-workbook-unreadable = ブックとして読めません(詳細: { $detail })。
common-workbook-sheet-unreadable = シート`{ $sheet }`を読めません(詳細: { $detail })。
common-workbook-too-many-entries = ブック(zip)の中身が{ $count }個あり、上限の{ $limit }個を超えています。
common-workbook-inflates = ブック(zip)の`{ $entry }`を展開すると上限の{ $limit } MiBを超えるため(zip爆弾の疑い)、読みませんでした。
common-workbook-no-sheet = シート`{ $sheet }`がありません。あるシートは{ $names }です。
common-workbook-no-sheets = ブックにシートがありません。
common-workbook-declared-range = シート`{ $sheet }`の範囲が{ $cell }まであり、上限の{ $last }({ $rows }行×{ $columns }列)を超えています。
common-workbook-cell-outside = シート`{ $sheet }`のセル{ $cell }は上限の{ $last }({ $rows }行×{ $columns }列)の範囲外です。
common-workbook-too-many-cells = シート`{ $sheet }`のセルが上限の{ $limit }個を超えています。
common-lock-busy = `{ $lock }`はほかの処理が書き込み中です。しばらくしてからもう一度実行してください。
common-lock-io = `{ $lock }`: { common-io-error }

## cli

cli-error = エラー: { $message }
cli-cannot-write-output = 出力を書き込めません: { $reason }。
cli-usage-error = コマンドラインの指定を読み取れません。
cli-usage = 使い方: `{ $usage }`
cli-usage-more = 詳しくは`--help`を付けて実行してください。
cli-usage-missing = 必要な指定がありません: `{ $arg }`
cli-usage-unknown-argument = `{ $arg }`という指定はありません。
cli-usage-unknown-subcommand = `{ $name }`というコマンドはありません。
cli-usage-missing-subcommand = コマンドを指定してください。
cli-usage-invalid-value-of = `{ $arg }`に`{ $value }`は指定できません(指定できる値: { $valid })。
cli-usage-empty-value = `{ $arg }`に値を指定してください。
cli-usage-conflict = `{ $arg }`と`{ $prior }`は同時に指定できません。
cli-usage-too-many = `{ $arg }`の指定が多すぎます。
cli-usage-value-validation = `{ $arg }`の値`{ $value }`は使えません。
cli-usage-did-you-mean = { $suggestion }のことですか？
cli-usage-round = `--round`に`{ $value }`は指定できません。`1`(1回目)か`2`(2回目)を指定してください。
cli-usage-with-hint = { $sentence }{ $hint }
cli-usage-unexpected-argument = 余分な引数`{ $arg }`があります。ここでは受け付けません。
cli-usage-repeated = `{ $arg }`は1回だけ指定してください。
cli-usage-too-few = `{ $arg }`の値が足りません。
cli-usage-no-equals = `{ $arg }`の値は`=`を付けて指定してください。
cli-usage-invalid-utf8 = 引数にUTF-8として読めない文字があります。

## checklist

checklist-read = チェックリスト`{ $path }`を読めません: { common-io-error }。
checklist-is-workbook = `{ $path }`はExcelのブックで、チェックリストのファイル(TOML)ではありません。`medsec checklist import { $workbook } --out { $out }`でチェックリストのファイルにしてから、そのファイルを指定してください。
checklist-not-utf8 = { $path }:{ $line }:{ $column }: UTF-8のテキストではありません。ファイルをUTF-8で保存してください。
checklist-invalid = チェックリストに誤りが{ $count }件あります(すべての指摘は`medsec checklist lint`で確認できます):
checklist-not-found = チェックリスト`{ $spec }`はありません。使えるチェックリストは{ $known }です。
checklist-no-edition = チェックリスト`{ $id }`に版`{ $edition }`はありません。ある版は{ $known }です。
checklist-form-conflict = `{ $spec }`は{ $named }の様式ですが、`--form`では{ $asked }が指定されています。
checklist-digest = `{ $file }`: チェックリストのダイジェストを計算できません(詳細: { $detail })。
checklist-stale = 注意: 次のチェックリストは、わかっている最新の版が今年度({ $wareki }、FY{ $year })より前のものです: { $list }。今年度の版が公表されていれば、そのExcelファイルを`medsec checklist import`で取り込み、`medsec checklist add`で登録してください。
checklist-stale-official = 注意: 今年度({ $wareki }、FY{ $year })の様式がまだ登録されていません。登録されているのは前年度までの版です: { $list }。{ $wareki }版「{ $title }」({ $form })は{ $published }に公表されています。`{ $url }`から`{ $file }`を入手し、`medsec checklist import { $file } --out { $edition }.toml`と`medsec checklist add { $edition }.toml`で登録してください。前年度までの版で作った報告書は、その年度の報告書になります。
checklist-stale-registered = 注意: 今年度({ $wareki }、FY{ $year })のチェックリストとして登録されているのは、公表元の公式の版ではありません: { $others }。`--checklist`を付けないときは、公式の版のうち最も新しいもの(前年度までの版: { $list })を使います。今年度のものを使うには`--checklist { $first }`を付けてください(medsecがSHA-256で知っている公式のブックから取り込んだものでなければ、項目は未確認です)。
checklist-stale-registered-default = 注意: 今年度({ $wareki }、FY{ $year })のチェックリストとして登録されているのは、公表元の公式の版ではありません: { $others }(medsecがSHA-256で知っている公式のブックから取り込んだものでなければ、項目は未確認です)。`--checklist`を付けないときに使うのは、{ $defaults }です。公式の版で登録されている最も新しいものは前年度までの版です: { $list }。{ $used ->
    [older] このコマンドで使ったのは前年度までの版です。今年度のものを使うには`--checklist { $first }`を付けてください。
   *[none] {""}
}
checklist-default-for = { $forms }では`{ $checklist }`{ $count ->
   *[other] {""}
}
checklist-default-forms-joiner = ・
checklist-stale-in-use = 注意: 使っているチェックリスト`{ $used }`は{ $used_wareki }(FY{ $used_year })の版です。今年度({ $wareki }、FY{ $year })のチェックリスト{ $current }が登録されています。今年度の回答ファイルは、`medsec --checklist { $first } init --from`に今の回答ファイルを渡すと、回答を引き継いで作れます。
checklist-stale-vendor-official = 注意: 使っている事業者確認用のチェックリスト`{ $used }`は前年度までの版です。今年度({ $wareki }、FY{ $year })の事業者確認用はまだ登録されていません。{ $wareki }版の{ $form }は{ $published }に公表されています。`{ $url }`から`{ $file }`を入手し、`medsec checklist import { $file_word } --out { $out }`と`medsec checklist add { $out }`で登録してください。前年度までの版で作った回答は、その年度の様式への回答になります。
checklist-stale-vendor = 注意: 使っている事業者確認用のチェックリスト`{ $used }`は前年度までの版です。今年度({ $wareki }、FY{ $year })の事業者確認用は登録されていません。公表されていれば、事業者確認用のExcelファイルを`medsec checklist import`で取り込み、`medsec checklist add`で登録してください。
checklist-against-pdf = 公式PDF
checklist-against-official-workbook = 公式ブック`{ $file }`
checklist-against-workbook = `{ $file }`(medsecが知っている公式ブックではありません)
checklist-item-label = { $number } { $title }
checklist-item-label-scoped = { $number }({ $scope }) { $title }
form-institution = 医療機関確認用
form-pharmacy = 薬局確認用
form-vendor = 事業者確認用
institution-kind-hospital = 病院
institution-kind-clinic = 診療所
institution-kind-pharmacy = 薬局
institution-kind-midwifery-home = 助産所
scope-general = 医療情報システム全般
scope-server = サーバ
scope-terminal = 端末PC
scope-network = ネットワーク機器
requirement-required = 必須
requirement-next-year = 次年度項目
requirement-recommended = 推奨
not-applicable-no-medical-information-system = 医療情報システムがない
not-applicable-no-vendor-contract = 事業者と契約していない
probe-kind-patch-level = パッチ適用状況
probe-kind-backup-freshness = バックアップの鮮度
probe-kind-accounts = アカウント
probe-kind-services = サービス・ポート
probe-kind-asset-ledger = 機器台帳
checklist-edition-unreadable = `{ $edition }`は版として読めません。`fy2026`、`2026`、`令和8年度`、`R8`のように書いてください。
checklist-edition-too-early = `{ $edition }`は{ $wareki }(FY{ $year })を指しますが、チェックリストは{ $first_wareki }(FY{ $first })に始まりました。{ $first_wareki }以降の版を指定してください。
checklist-edition-too-late = `{ $edition }`は{ $wareki }(FY{ $year })を指しますが、今年度は{ $current_wareki }(FY{ $current })です。指定できるのは翌年度までの版です。

## answers

# Places in an answers file, for the start of a message.
answers-place-file = 回答ファイル
answers-place-top-level = 最上位
answers-place-entry = answersの項目
answers-place-answer = { $item }
answers-place-answer-round = { $item }({ $round }回目)
# An item named for people, with its round.
answers-item-round = { $item }({ $round }回目)
# Separators of lists inside sentences.
answers-list-separator = 、
answers-or-separator = 、または

# What a value should be, and what it was.
answers-expected-table = テーブル
answers-expected-text = 文字列
answers-expected-date = 日付(2026-06-03、令和8年6月3日など)
answers-expected-bool = trueかfalse
answers-expected-list-of-text = 文字列のリスト
answers-expected-answers-list = 項目のリスト(TOMLでは[[answers]])
answers-value-null = 空の値(null)
answers-value-bool = 真偽値
answers-value-integer = 整数
answers-value-number = 数値
answers-value-string = 文字列
answers-value-date = 日付
answers-value-list = リスト
answers-value-table = テーブル

# Reading an answers file.
answers-not-utf8 = UTF-8のテキストではありません(バイト{ $byte })。UTF-8で保存してください(Shift_JISはCSVシートからのみ読み込めます)。
answers-too-deep = リストや表の入れ子が{ $limit }段を超えているため、読み込む前に止めました(回答ファイルの入れ子はふつう4段ほどです)。
answers-parse-error = 書き方に誤りがあります(詳細: { $detail })。
answers-missing-format-version = { $empty ->
    [yes] ファイルが空です。回答ファイルは`medsec init`で作れます(このmedsecが読めるのはformat_version { $supported }です)。
   *[no] `format_version`がありません。このmedsecが読めるのはformat_version { $supported }です。
}
answers-unsupported-format-version = format_version { $found }には対応していません。このmedsecが読めるのはformat_version { $supported }です(新しいmedsecなら読める可能性があります)。
answers-missing-checklist-table = [checklist]テーブル(id、edition、digest)がありません。`medsec init`で作られるファイルには入っています。
answers-missing-checklist-field = [checklist]: `{ $key }`がないか、空です。
answers-missing-item = answersの項目に`item`(項目の固定ID)がありません。
answers-unknown-field = { $place }: 不明なフィールド`{ $key }`があります(そのまま残します。既知のフィールド: { $known })。
answers-wrong-type = { $subject }は{ $want }にしてください({ $found }になっています)。
answers-wrong-type-in-list = { $subject }には文字列を並べてください({ $found }が入っています)。
answers-invalid-date = { $place }: `{ $key }`: { $error }
answers-invalid-kind = [institution]: 種別`{ $value }`は不明です。{ $kinds }のいずれかにしてください。
answers-invalid-review = { $place }: review `{ $value }`はnew、reworded、replacedのいずれでもありません。
answers-invalid-answer = { $place }: 回答`{ $value }`は「はい」「いいえ」「対象外」(またはyes、no、na)のいずれでもありません。
answers-invalid-round = { $place }: `round`は1か2にしてください({ $value }になっています)。
answers-unknown-item = 項目`{ $item }`は`{ $checklist }`にありません。別の版の回答は`medsec init --from`で引き継いでください。
answers-unknown-item-number = 項目`{ $item }`は`{ $checklist }`にありません({ $label }の固定IDは`{ $id }`です)。別の版の回答は`medsec init --from`で引き継いでください。
answers-unknown-item-out-of-scope = 項目「{ $label }」は`{ $checklist }`では対象外です。同じ版のうちに対象外になった項目への回答は使えないため、回答ファイルからその回答を削除してください。対象外の理由: { $reason }。
answers-duplicate-answer = { $item }の{ $round }回目が2回回答されています(最初は{ $first_line }行目)。1つにしてください。

# Findings of `medsec status` (the inspection's rules), by stable code.
answers-unanswered = { $item }: 1回目の回答(はい/いいえ)がまだありません。
answers-carried-forward-unconfirmed = { $item }: 回答「{ $answer }」は{ $from }版から引き継いだもので、確認するまで数えません。確認し直して確認日(`checked_on`)を入れ、`carried_from`を消してください。
answers-missing-checked-on = { $item }: 「{ $answer }」と回答されていますが、確認日(checked_on)がありません。
answers-date-in-future = { $item }: 確認日{ $date }が基準日{ $as_of }(日本時間)より後です。
answers-checked-before-fiscal-year = { $item }: 確認日{ $date }は{ $fiscal_year }の始まり({ $start })より前です。{ $fiscal_year }の確認か、確かめてください。
answers-checked-after-fiscal-year = { $item }: 確認日{ $date }は{ $fiscal_year }の終わり({ $end })より後です。この様式は{ $fiscal_year }のものです。今年度の様式に回答すべきでないか、確かめてください。
answers-missing-target-date = { $item }: いいえの場合は、{ $fiscal_year }中({ $start }〜{ $end })の目標日(target_date)が必要です。
answers-target-date-outside-fiscal-year = { $item }: 目標日{ $date }は{ $fiscal_year }({ $start }〜{ $end }、日本時間)の範囲外です。
answers-target-before-checked-on = { $item }: 目標日{ $date }が確認日{ $checked_on }より前です。目標日は確認した日より後の、対策を終える予定の日にしてください。
answers-not-applicable-not-allowed = { $item }: この項目は対象外にできません。「はい」か「いいえ」で回答してください。
answers-not-applicable-condition-unmet = { $item }: 対象外にできるのは{ $conditions }の場合だけです。
answers-condition-no-medical-information-system = 前提の質問(医療情報システムの有無)が「いいえ」
answers-condition-no-vendor-contract = 事業者と契約していない([vendors] contract = false)
answers-not-applicable-without-reason = { $item }: 対象外の理由がありません。`reason`に書いてください。
answers-sheet-not-applicable-without-reason = { $item }: 対象外の理由がありません。「{ $column }」の列に書いてください。
answers-needs-review = { $item }: 引継ぎのときに「{ $review }」(`{ $code }`)とされました。項目を読み直してから`review`を消してください。
answers-review-new = 今年度の新しい項目
answers-review-reworded = 昨年度から文言が変わった項目
answers-review-replaced = 昨年度の項目を置き換えた項目
answers-template-replaced-disagree = 置き換えた昨年度の項目の回答が一致しないため、回答を引き継いでいません。
answers-evidence-missing = { $item }: 証跡`{ $path }`がありません(パスは回答ファイルからの相対パスです)。
answers-checklist-digest-missing = [checklist]に`digest`がありません。この文言に結び付けるため、`digest = "{ $digest }"`を加えてください。
answers-checklist-digest-mismatch = 回答は`{ $checklist }`のダイジェスト{ $theirs }に対して作られていますが、このチェックリストのダイジェストは{ $ours }です(文言が違います)。今の文言で回答を確認してからdigestを更新してください。
answers-missing-institution-field = [institution]: { $fields }を記入してください。
answers-field-with-key = { $label }({ $key })
answers-kind-not-served = { $kind }は`{ $checklist }`を使いません(対象: { $serves })。`medsec init --form`で正しい様式を選んでください。
answers-institution-code-shape = 医療機関コード`{ $code }`が10桁の数字ではありません。
answers-institution-code-fee-table = 医療機関コード`{ $code }`: 3桁目が{ $digit }です。3桁目は1(医科)、3(歯科)、4(調剤)のいずれかです。
answers-institution-code-check-digit = 医療機関コード`{ $code }`: 検証番号が{ $found }ですが、計算では{ $expected }です。コードを確認してください(この規則は一次資料で確認できていません)。
answers-institution-code-kind-mismatch = 医療機関コード`{ $code }`: 3桁目の{ $digit }が医療機関等の種別と合いません。
answers-vendor-contract-unspecified = [vendors]: 事業者との契約の有無を書いてください(`contract = true`または`contract = false`)。契約がなければ事業者確認用は不要です。
answers-missing-vendor-field = [vendor]: { $fields }を記入してください。
answers-vendor-form-missing = 事業者との契約がありますが、事業者確認用の回答ファイルがありません。[vendors]のformsに事業者ごとの回答ファイルを書くか、`medsec status`に一緒に渡してください。
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
answers-error-read = `{ $path }`を読めません: { $reason }。
answers-error-unknown-format = `{ $path }`: ファイルの種類がわかりません。回答ファイルの拡張子は`.toml`、`.yaml`、`.yml`です。
answers-error-invalid = 使用できない回答ファイルです(エラー{ $count }件):
answers-error-write = `{ $path }`に書き込めません: { $reason }。
answers-error-exists = `{ $path }`はすでにあります。上書きするには`--force`を付けてください。
answers-error-unsafe = `{ $path }`: このファイルはそのままでは書き換えられません({ $reason })。
answers-error-checklist = `{ $path }`: 回答ファイルが指定するチェックリストを使えません: { $reason }。チェックリストのファイルを`--checklist FILE`で指定するか、`medsec checklist add FILE`で登録してください(公式のExcelファイルは`medsec checklist import`で読み込めます)。
answers-error-checklist-here = 回答ファイルが指定するチェックリストを使えません: { $reason }。チェックリストのファイルを`--checklist FILE`で指定するか、`medsec checklist add FILE`で登録してください(公式のExcelファイルは`medsec checklist import`で読み込めます)。
answers-error-sheet = `{ $path }`: { $reason }
answers-error-changed = `{ $path }`はmedsecが読んだ後で、ほかから変更されました。何も書き込んでいません。もう一度実行してください。
answers-error-locked = `{ $path }`はほかのmedsecが書き込み中です({ $waited }秒待ちました)。何も書き込んでいません。終わってからもう一度実行してください。
answers-error-read-only = `{ $path }`は読み取り専用です。何も書き込んでいません。変更してよいファイルなら、先に書き込みを許可してください(chmod u+w)。
answers-edit-layout = このファイルの書き方(フロー形式、アンカー、変わったインデント)はmedsecが行単位で書き換えられません。`medsec init`が書くブロック形式にするか、TOMLを使ってください。
answers-edit-flow-style = `{ $name }`が1行(フロー形式)で書かれています。`medsec init`が書くブロック形式にしてください。
answers-edit-starts-entry = `{ $key }`はその項目の最初の行なので消せません。
answers-edit-not-a-table = `{ $table }`がテーブルではないため、`{ $key }`を書き込めません。
answers-edit-not-array-of-tables = `answers`が[[answers]]テーブルの形で書かれていないため、その場で書き換えられません。項目ごとに[[answers]]テーブルで書いてください。
answers-edit-entry = { $item }の回答を書き換えられません。
answers-edit-entry-id = 項目`{ $id }`の回答を書き換えられません。
answers-edit-parse = 書き換えのために読めません(詳細: { $reason })。
answers-error-lock-mismatch = 持っている書き込みロックは`{ $path }`のものです。

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
answers-sheet-answer-choices = 「はい」「いいえ」「対象外」のいずれかを選んでください。
answers-sheet-unknown-type = シートの種類がわかりません。`.csv`か`.xlsx`を使ってください。
answers-sheet-bad-utf8-bom = UTF-8のBOMで始まっていますが、UTF-8ではありません。
answers-sheet-bad-utf16 = UTF-16として読めません。
answers-sheet-unknown-encoding = UTF-8でもShift_JIS(CP932)でもありません。Excelから「CSV UTF-8」で保存してください。
answers-sheet-csv = CSVとして読めません: { $reason }。
answers-sheet-empty = シートが空です。見出し行(項目番号、回答、確認日、目標日、理由、備考)が必要です。
answers-sheet-no-column = 1行目: 「{ $column }」の列がありません。見出し行には項目番号(または項目ID)、回答、確認日、目標日、理由、備考を書いてください。
answers-sheet-row = { $row }行目
answers-sheet-unknown-item = { $row }: 項目「{ $item }」は`{ $checklist }`にありません(印刷された項目番号か、項目IDを書いてください)。
answers-sheet-ambiguous-item = { $row }: 項目番号「{ $item }」は複数の行にあります: { $candidates }。「対象」の列に書くか、「{ $example }」のように番号と対象を書いてください。
answers-sheet-bad-round = { $row }: { $item }: 回「{ $value }」は1か2にしてください。
answers-sheet-bad-answer = { $row }: { $item }: 回答「{ $value }」は「はい」「いいえ」「対象外」(またはyes、no、na)のいずれでもありません。
answers-sheet-bad-date = { $row }: { $item }: { $column }: { $error }
answers-sheet-twice = { $row }: { $item }の{ $round }回目が2回あります(最初は{ $first }行目)。

# The walk-through (`medsec answer`).
answers-walk-progress = 進捗: { $round }回目{ $done }/{ $total }項目回答済み
answers-walk-help = 入力: はい(y)、いいえ(n)、対象外(na)、Enter=とばす、b=戻る、j番号=移動、p=進捗、q=終了(回答済みは保存されています)
walk-guidance-note = チェックリストの注記: { $note }
walk-stopped-input-ended = 入力の終わり(Ctrl-D)を受け取ったため、ここで中断しました。
walk-resume = 続けるには`{ $command }`を実行してください。終わっていない最初の項目から再開します。
walk-stopped-interrupt = 中断しました。それまでに入力した回答と情報は、すべて`{ $path }`に保存されています。保存されていないのは、入力の途中だった欄だけです。続けるには`{ $command }`を実行してください。終わっていない最初の項目から再開します。
answers-walk-all-answered = すべての項目が回答済みです。
answers-walk-gate-closed = 医療情報システムの有無が「いいえ」のため、以下すべての項目は確認不要です。
answers-walk-gate-change = 前提の質問の回答を変えるには「b」または「変更」、終わるにはEnterを押してください。
answers-walk-no-such-item = 「{ $item }」という項目はありません。
answers-walk-several-items = 「{ $item }」に当たる項目が複数あります: { $items }。対象を付けて入力してください(例: `{ $example }`)。
answers-walk-not-understood = 「{ $input }」はわかりません。`?`でヘルプを表示します。
answers-walk-not-applicable-not-allowed = この項目は対象外にできません。
answers-walk-saved = 保存しました。
answers-walk-may-be-not-applicable = (対象外にできる場合: { $when })
answers-walk-carried = 昨年度({ $from }版)の回答は「{ $answer }」です。確認してください。
answers-walk-current = 現在の回答: { $answer } { $date }
answers-walk-header-vendor = 事業者の情報が未記入です。入力してください(Enterでとばす、qで終了)。
answers-walk-header-institution = 医療機関等の情報が未記入です。入力してください(Enterでとばす、qで終了)。
answers-walk-choose-from-list = 一覧の中から選んでください。
answers-walk-code-error = エラー: { $message }
answers-walk-code-warning = 注意: { $message }
answers-walk-checked-on = 確認日[{ $today }]:
answers-walk-no-future-date = 未来の日付は入力できません。
answers-walk-target-date = 目標日({ $start }〜{ $end }):
answers-walk-target-outside = 目標日は{ $fiscal_year }中({ $start }〜{ $end })の日付にしてください。
answers-walk-target-before-checked-on = 注意: 目標日{ $date }は確認日{ $checked_on }より前です。そのまま保存しました(`medsec status`で警告が出ます)。違う日であればbで戻って入力し直してください。
answers-walk-reason = 理由[{ $default }]:
answers-walk-note = メモ:
answers-walk-note-old = メモ[{ $note }](`-`で消去):
answers-walk-terminal = 端末との入出力に失敗しました: { $reason }。
answers-walk-evidence = 証跡ファイル(カンマ区切り)[{ $evidence }]:
answers-walk-evidence-not-found = ファイル`{ $file }`がありません(パスは回答ファイルのフォルダからの相対パスです)。入力し直すか、Enterで前の値のまま進んでください。

# `medsec init`, `medsec answer`, `medsec status`.
answers-init-unknown-last = 注意: `{ $checklist }`はここでは不明なため、文言が変わった項目を見分けられません。引き継いだ項目はすべて要見直しにします。
answers-init-form-mismatch = { $from }は{ $old_form }の回答ですが、新しいファイルは{ $new_form }のものです。`--form { $form }`を付けてください。
answers-init-follows-from = `{ $from }`は`{ $last }`の回答です。同じチェックリストの今年度までで最新の版`{ $checklist }`で作成します。
answers-init-not-carried = `{ $last }`の回答のうち{ $count }件({ $items })は、`{ $checklist }`に対応する項目がないため引き継いでいません。
answers-init-wrote = `{ $path }`を作成しました(`{ $checklist }`、{ $count }項目)。
answers-init-carried = 昨年度から{ $carried }件を引き継ぎ(確認が必要です)、{ $review }件を要見直しとしました。
answers-init-replaced-disagree = { $items }は、置き換えた昨年度の項目の回答が一致しない(「はい」と「いいえ」が混ざっている)ため、回答を引き継いでいません。改めて回答してください。
answers-init-wrote-and-carried = { $wrote }{ $carried }
answers-init-next = 次に: ファイルを編集するか、`medsec answer { $path }{ $global }`で対話形式で入力してください。
answers-import-nothing-marked = `{ $sheet }`には回答がありませんでした。どの行にも「はい」「いいえ」「対象外」や○、レ、✓などの印がありません。記入済みのファイルを指定したか確かめてください。
answers-import-unchanged = `{ $sheet }`の回答はすべて`{ $path }`にあるものと同じで、変わった回答はありません。
answers-import-done = `{ $sheet }`から変わった回答{ $count }件を`{ $path }`に取り込みました。
answers-export-done = `{ $sheet }`に書き出しました。記入後に`medsec answer { $path } --import { $sheet_word }{ $global }`で取り込めます。
answers-export-workbook = ブックを作れません(詳細: { $reason })。
answers-export-exists = `{ $path }`はすでにあります。上書きするには`--force`を付けてください。
answers-export-write = `{ $path }`に書き込めません: { $reason }。
answers-need-terminal = `medsec answer`を`--import`なしで使うには、標準入力が端末である必要があります。端末がない場合は`{ $path }`を直接編集するか(`medsec answer { $path } --import SHEET.csv`でシートを取り込むこともできます)、`medsec status { $path }`で確認してください。
answers-walk-saved-count = { $count }件の回答を保存しました。確認: `medsec status { $path }`
answers-walk-saved-count-details = 名称などの情報{ $fields }項目と、{ $count }件の回答を保存しました。確認: `medsec status { $path }`
answers-bad-as-of = `--as-of`の日付: { $error }。
answers-no-file-here = ここに回答ファイルがありません。ファイル名を指定するか、`medsec init`で作ってください。
answers-several-files-here = ここには回答ファイルが複数あります({ $files })。回答するファイルを指定してください。

# The comments of a new answers file (`medsec init`).
answers-template-title = medsec回答ファイル: { $title }
answers-template-answer = answer: はい/いいえ/対象外(対象外は認められた項目のみ。reasonに理由を書きます)
answers-template-checked-on = checked_on: 確認日({ $year }-06-03、{ $year }/6/3、令和{ $reiwa }年6月3日、R{ $reiwa }.6.3のどれでも書けます)
answers-template-target-date = target_date: いいえの場合の目標日。{ $fiscal_year }中({ $start }〜{ $end })
answers-template-target-date-unconfirmed = target_date: いいえの場合の目標日。この版での期間は未確認です。{ $fiscal_year }({ $start }〜{ $end })の範囲外は、誤りではなく警告になります。
answers-template-note = note: メモ、evidence: 証跡ファイルのパス(このファイルからの相対パス)
answers-template-commands = 確認は`medsec status このファイル`、対話形式での入力は`medsec answer このファイル`で行えます。
answers-template-carried = carried_fromのある回答は昨年度からの引継ぎです。確認し直して確認日を入れ、carried_fromの行を消してください。
answers-template-contract = 事業者との契約: trueまたはfalse(falseなら事業者確認用は不要です)
answers-template-forms = 事業者確認用の回答ファイル(事業者ごとに1つ)
answers-template-gate = いいえの場合、以下すべての項目は確認不要です。
answers-template-may-be-not-applicable = 対象外にできる場合: { $when }
answers-template-unverified = 文言は{ $against }とまだ照合していません。

# `medsec status` tables.
answers-status-form-heading = `{ $file }` — `{ $checklist }`({ $form }、{ $fiscal_year })
answers-status-institution = 医療機関: { $name }(医療機関コード{ $code })
answers-status-not-filled-in = 未記入
answers-status-vendor = 事業者: { $name }(システム: { $system })
answers-status-section = 節
answers-status-round = 回
answers-status-required = 必須項目数
answers-status-answered = 回答済/全項目
answers-status-yes = はい
answers-status-no = いいえ
answers-status-not-applicable = 対象外
answers-status-round-n = { $round }回目
answers-status-open-items = いいえの項目と目標日:
answers-status-item = 項目
answers-status-target-date = 目標日
answers-status-unusable = 使用できないファイルがあります(問題{ $count }件)。
answers-status-complete = 記入完了です(警告{ $warnings }件)。
answers-status-incomplete = 未完了です: エラー{ $errors }件、警告{ $warnings }件。
answers-expected-round = 整数の1か2
answers-wrong-type-round = { $subject }は1か2の整数にしてください({ $found }になっています)。
answers-wrong-type-code = { $subject }は文字列にしてください({ $found }になっています)。医療機関コードは先頭の0も含めて`code = "0112345678"`のように引用符で囲んでください。
answers-expected-code = 文字列(医療機関コードは先頭の0も含めて`code = "0112345678"`のように引用符で囲んでください)

## probes

# Ages and lists inside probe sentences.
probes-age-days = { $n }日
probes-age-hours = { $n }時間
probes-age-minutes = { $n }分
probes-age-seconds = { $n }秒
probes-list-separator = 、
probes-list-more = …
probes-sentence-separator = 。
probes-item-separator = 、

# Details quoted inside sentences: operating-system errors and parse errors, in words.
probes-os-not-found = ファイルまたはフォルダがありません
probes-os-permission-denied = 読む権限がありません
probes-os-is-a-directory = フォルダです(ファイルではありません)
probes-os-not-a-directory = フォルダではありません
probes-os-symlink-loop = シンボリックリンクがループしています
probes-os-io-error = 入出力エラーです(ディスクや接続の障害の可能性があります)
probes-os-too-large = ファイルが大きすぎます
probes-os-name-too-long = パスが長すぎます
probes-os-other = エラー番号{ $errno }のシステムエラーです
probes-error-timeout = プローブの制限時間で止めました。
probes-error-bad-csv = CSVとして読めません(詳細: { $detail })。
probes-error-no-hotfix-id = HotFixIDの列がありません。`Get-HotFix | Export-Csv -NoTypeInformation FILE`で書き出してください。

# Reasons, warnings and notes of the probes, one per stable code (see docs/probes.md).
probes-cannot-read = `{ $path }`を読めません({ $error })。
probes-internal-error = プローブが内部エラーで止まりました(medsecの不具合です。お手数ですが報告してください)。
probes-no-result = プローブが結果を返さずに終わりました。
probes-timed-out = { $seconds }秒で時間切れになりました。最後まで実行するには、このプローブの`timeout`を延ばしてください。
probes-io-problem = { $problem ->
    [permission-denied] 読む権限がありません
    [not-found] ファイルまたはフォルダがありません
    [vanished] 走査中に消えました
    [symlink-loop] シンボリックリンクがループしています
   *[other] { $error }
}
probes-tool-missing = `{ $tool }`がインストールされていないか、`PATH`にありません。
probes-cannot-run-tool = `{ $tool }`を実行できません({ $error })。
probes-tool-failed = { $how ->
    [code] `{ $tool }`が終了コード{ $code }で失敗しました。
    [signal] `{ $tool }`がシグナル{ $signal }で強制終了されました。
   *[other] `{ $tool }`が終了コードを返さずに終わりました。
}
probes-tool-failed-output = { $failed }。エラー出力:「{ $stderr }」
probes-tool-json-not-understood = `{ $tool }`が出力したJSONを解釈できません(詳細: { $error })。
probes-no-package-database = パッケージデータベース(dpkg、rpm)が見つかりません。Windowsでは`source = "windows"`を指定するか、Get-HotFixで書き出したCSVを`hotfix_csv`に指定してください。
probes-package-lists-stale = パッケージリストの最終更新は{ $age }前です(上限{ $max_days }日)。
probes-security-updates-pending = 未適用のセキュリティ更新が{ $count }件あります(上限{ $max }件)。
probes-security-updates-pending-list = 未適用のセキュリティ更新が{ $count }件あります(上限{ $max }件)。対象は{ $packages }です。
probes-no-package-lists = `{ $dir }`にパッケージリストがないため、未適用の更新がわかりません(`apt-get update`を実行してから、もう一度`medsec probe`を実行してください)。
probes-package-lists-refresh-unknown = パッケージリストの最終更新日時がわかりません。
probes-dpkg-up-to-date = 未適用のセキュリティ更新は{ $security }件(上限{ $max }件)、その他の更新は{ $other }件です。パッケージリストの更新は{ $age }前です。
probes-dpkg-up-to-date-no-age = 未適用のセキュリティ更新は{ $security }件(上限{ $max }件)、その他の更新は{ $other }件です。パッケージリストの更新日時はわかりません。
probes-dnf-metadata-stale = dnfのメタデータの最終更新は{ $age }前です(上限{ $max_days }日)。
probes-dnf-security-unknown = 未適用のセキュリティ更新がわかりません。`dnf -C updateinfo list --security`から答えがありませんでした(dnfがインストールされ、キャッシュが作られているか確認してください)。
probes-security-updates-within-limit = 未適用のセキュリティ更新は{ $count }件です(上限{ $max }件)。
probes-cannot-decompress = 展開できません({ $error })。
probes-dnf-updateinfo-failed = `dnf updateinfo`が失敗しました。エラー出力:「{ $stderr }」
probes-kernel-reboot-needed = 動作中のカーネルは、インストール済みの最新版({ $newest })ではありません。再起動して最新版に切り替えてください。
probes-reboot-required = 更新を終えるには再起動が必要です(`/run/reboot-required`があります)。
probes-windows-native-only = インストール済みのWindows更新を直接読めるのはWindows上だけです。ほかのOSでは`Get-HotFix | Export-Csv -NoTypeInformation hotfix.csv`で書き出し、`hotfix_csv`に指定してください。
probes-hotfix-csv-invalid = `{ $source }`を読めません({ $error })。
probes-hotfix-no-dates = `{ $source }`に、インストール日のある更新がありません。
probes-hotfix-stale = 最新の更新のインストールは{ $days }日前です(上限{ $max_days }日)。
probes-hotfix-current = 更新が{ $count }件インストールされています。最新は{ $days }日前です(上限{ $max_days }日)。
probes-hotfix-pending-unknown = Get-HotFixはインストール済みの更新しか示さないため、未適用の更新はわかりません(Windows Updateで確認してください)。
probes-passwd-unreadable = `{ $path }`を読めません({ $error })。ローカルアカウントはUnixの`/etc/passwd`からだけ読みます。
probes-leavers-unreadable = 退職者リスト`{ $path }`を読めません({ $error })。
probes-lastlog-too-large = { $bytes }バイトあり(uidごとの疎なファイル)、読みませんでした。
probes-shadow-unreadable = `/etc/shadow`を読めません(ロックや空のパスワードを確かめるにはrootで実行してください)。ログインシェルのあるアカウントは、ログインできるものとして数えます。
probes-accounts-to-review = 確認が必要なアカウントは{ $accounts }の{ $count }件です。
probes-flagged-account = { $name }({ $flags })
probes-flag-leaver = 退職者リストにあり、まだログインできる
probes-flag-empty-password = パスワードが空
probes-flag-unused-for = 最終ログインは{ $days }日前(上限{ $max_days }日)
probes-flag-never-logged-in = 一度もログインしていない
probes-no-login-records = ログイン記録(`/var/lib/wtmpdb/wtmp.db`、`/var/log/wtmp`、`/var/log/lastlog`)がないため、使われていないアカウントを判定できません。
probes-accounts-in-use = { $leavers_checked ->
    [true] ログインできるアカウントは{ $can_log_in }件です。{ $max_days }日を超えて使われていないものや、退職者のものはありません。
   *[false] ログインできるアカウントは{ $can_log_in }件です。{ $max_days }日を超えて使われていないものはありません。
}
probes-no-systemd-cgroup = `{ $path }`がありません(cgroup v2のsystemdではありません)。動作中のサービスはわかりません。
probes-processes-not-inspected = { $count }個のプロセスを調べられませんでした(待ち受け中のプログラムをすべて特定するにはrootで実行してください)。
probes-services-not-allowed = `allowed_services`にないサービスは{ $services }の{ $count }件です。
probes-ports-not-allowed = `allowed_ports`にない待ち受けポートは{ $ports }の{ $count }件です。
probes-port = { $address }の{ $protocol ->
    [tcp] TCP
    [udp] UDP
   *[other] { $protocol }
} { $port }番ポート
probes-port-program = { $address }の{ $protocol ->
    [tcp] TCP
    [udp] UDP
   *[other] { $protocol }
} { $port }番ポート({ $program })
probes-nothing-readable = この環境では`/proc/net`もsystemdの設定も読めません。
probes-no-allowlist = 有効なサービス{ $services }件、開いているポート{ $ports }件を記録しました。許可リストがないため判定していません(判定するには`allowed_services`と`allowed_ports`を設定してください)。
probes-all-allowed = 有効なサービス{ $services }件と開いているポート{ $ports }件は、すべて許可リストにあります。
probes-ledger-unreadable = 台帳`{ $path }`を読めません({ $error })。
probes-ledger-invalid = `{ $path }`を台帳として読めません({ $error })。
probes-ledger-no-header = `{ $path }`の最初の10行に、台帳の列見出しの行がありません(機器名、種別、設置場所、OS、管理者、リモートメンテナンスなどの列名にするか、`columns`で対応付けてください)。
probes-ledger-unsupported-format = `{ $path }`は`.{ $ext }`形式のため読めません(読めるのは`.xlsx`、`.xlsm`、`.csv`です)。台帳を`.xlsx`か`.csv`で保存し直してください。
probes-ledger-unclassified-rows = 種別がサーバ・端末PC・ネットワーク機器のどれでもない行が{ $rows }行あり、確認していません。
probes-ledger-missing-columns = 台帳に{ $columns }の列がありません。
probes-ledger-field = { $field ->
    [name] 機器名
    [type] 種別
    [location] 設置場所
    [os] OS
    [manager] 管理者
    [remote_maintenance] リモートメンテナンス
    [ip_address] IPアドレス
    [vendor] 事業者
    [model] 機種
   *[other] { $field }
}(`{ $field }`)
probes-ledger-no-devices = サーバ・端末PC・ネットワーク機器が1台も記載されていません。
probes-ledger-row-problems = 未記入または不正な欄が{ $count }か所あります。{ $rows }。
probes-ledger-row = { $row }行目({ $device }): { $problem }。
probes-ledger-row-unnamed = { $row }行目: { $problem }。
probes-ledger-empty-field = { $field }が空です。
probes-ledger-remote-maintenance-not-yes-no = リモートメンテナンスの「{ $value }」は、はい/いいえ(有/無)のどちらでもありません。
probes-host-not-in-ledger = この機器({ $host })が台帳にありません。
probes-ledger-complete = { $devices }台の機器が、必要な欄をすべて記入して記載されています。この機器({ $host })は{ $row }行目です。
probes-remote-needs-format = `{ $path }`はリモートのリポジトリのようです。`format = "restic"`か`format = "borg"`を指定してください。
probes-backup-missing = `{ $path }`は現在ありません(マウントされていない、またはオフラインのバックアップは、ここからは確認できません。直接確認してください)。
probes-backup-not-a-folder = `{ $path }`はフォルダではありません。バックアップのフォルダかリポジトリを指定してください。
probes-password-file-unreadable = パスワードファイル`{ $path }`を読めません({ $error })。
probes-walk-problems = シンボリックリンクのループ{ $loops }件、読めないフォルダ・ファイル{ $unreadable }件、走査中に消えたもの{ $vanished }件、その他のエラー{ $other }件
probes-too-few-files = ファイルが{ $files }個で、`min_files`で求める{ $min }個より少ないです。
probes-too-few-bytes = 合計{ $bytes }バイトで、`min_bytes = { $min }`より少ないです。
probes-backup-too-old = 最新のファイルは{ $age }前のもので、`max_age = { $max_age }`より古いです。
probes-backup-partly-unread = { $stopped ->
    [true] { $failures }。ただし、ツリーの{ $unreadable }か所を読めず、走査も途中で止まったため、より新しいバックアップがあるかもしれません。
   *[false] { $failures }。ただし、ツリーの{ $unreadable }か所を読めなかったため、より新しいバックアップがあるかもしれません。
}
probes-backup-fresh-no-age = ファイル{ $files }個、合計{ $bytes }バイトです。最新のファイルの日時はわかりません(`max_age = { $max_age }`)。
probes-backup-fresh = ファイル{ $files }個、合計{ $bytes }バイトです。最新は{ $age }前のものです(`max_age = { $max_age }`)。
# restic の単位はスナップショット、borg の単位はアーカイブ(各ツールの用語)。
probes-backup-unit = { $tool ->
    [borg] アーカイブ
   *[other] スナップショット
}
# 英語の複数形に当たるもの(日本語では同じ語)。
probes-backup-units = { $tool ->
    [borg] アーカイブ
   *[other] スナップショット
}
probes-too-few-snapshots = { $tool }の{ probes-backup-unit }が{ $count }個で、`min_snapshots`で求める{ $min }個より少ないです。
probes-snapshot-too-old = 最新の{ $tool }{ probes-backup-unit }は{ $age }前のもので、`max_age = { $max_age }`より古いです。
probes-snapshots-fresh = { $tool }の{ probes-backup-unit }が{ $count }個あります。最新は{ $age }前のものです(`max_age = { $max_age }`)。
probes-snapshots-fresh-no-age = { $tool }の{ probes-backup-unit }が{ $count }個あります。最新の日時はわかりません(`max_age = { $max_age }`)。
probes-same-filesystem = バックアップが、保護するデータ(`{ $path }`)と同じファイルシステムにあります。別の媒体やオフラインの場所にも世代を保管してください。
probes-on-root-filesystem = バックアップがこの機器のルートファイルシステム上にあり、常に接続されています。この機器がマルウェアに感染すると、バックアップも暗号化や削除の被害を受けるおそれがあります。

# Answer contradictions.
probes-contradiction = { $item }に「はい」と回答していますが、{ $kind }のプローブは不合格です: { $reason }。
probes-contradiction-named = { $item }に「はい」と回答していますが、{ $kind }「{ $name }」のプローブは不合格です: { $reason }。

# The table of probe results.
probes-table-probe = プローブ
probes-table-verdict = 判定
probes-table-items = チェック項目
probes-table-reason = 理由
probes-verdict-pass = 合格
probes-verdict-fail = 不合格
probes-verdict-unknown = 不明
probes-probe-named = { $kind }「{ $name }」
probes-probe-at = { $kind }(`{ $path }`)
probes-items-none = (この様式に対応する項目はありません)
probes-note-warning = { $probe }の注意: { $text }
probes-note-unreadable = { $probe }の確認で`{ $path }`を読めませんでした: { $text }。
probes-note-unreadable-more = { $probe }の確認で読めなかったもの: ほか{ $count }件(`--format json`で確認できます)
probes-note-contradiction = 回答との矛盾: { $text }
# 記録に英語の文だけがある理由(この medsec が知らないコード)。
probes-reason-as-recorded = 理由は記録された英語のままです(詳細: { $text })。
probes-summary = 機器`{ $host }`のプローブの結果: 合格{ $pass }件、不合格{ $fail }件、不明{ $unknown }件、回答との矛盾{ $contradictions }件です。

# Errors of `medsec probe` and its configuration file.
probes-root-not-a-folder = { $exists ->
    [no] `--root`に指定した`{ $path }`はありません。
   *[yes] `--root`に指定した`{ $path }`はフォルダではありません。
}
probes-cannot-read-file = `{ $path }`を読めません({ $error })。
probes-cannot-write-evidence = 証拠を`{ $path }`に書き込めません({ $error })。
probes-config-cannot-read = プローブの設定ファイル`{ $path }`を読めません({ $error })。
probes-config-invalid = { $location }: { $message }。
probes-config-not-utf8 = UTF-8のテキストではありません({ $byte }バイト目)。UTF-8で保存してください。
probes-config-toml = TOMLの書き方に誤りがあります(詳細: { $detail })。
probes-config-unknown-setting = `{ $field }`という設定はありません。綴りを確かめてください(使える設定: { $expected })。
probes-config-answers-file = これは回答ファイルで、プローブの設定ファイルではありません。プローブの設定ファイル(`--probes`や`probe --config`に指定するファイル)には、`[[probe]]`の表と`role`、`timeout`の設定を書きます。回答ファイルは`--answers`で指定してください。
probes-config-missing-setting = `{ $field }`の設定がありません。
probes-config-unknown-role = role `{ $value }`は使えません。`server`か`terminal`を指定してください。
probes-config-unknown-kind = プローブの種類`{ $value }`はありません。使える種類は{ $known }です。
probes-config-field-not-for-kind = `{ $field }`は`{ $kind }`プローブの設定ではありません。使える設定は{ $allowed }です。
probes-config-negative = 0以上の数にしてください。
probes-config-out-of-range = { $min }から{ $max }までの数にしてください。
probes-config-unknown-source = source `{ $value }`は使えません。auto、dpkg、rpm、windows、hotfix-csvのどれかを指定してください。
probes-config-unknown-date-order = date_order `{ $value }`は使えません。mdy、dmy、ymdのどれかを指定してください。
probes-config-hotfix-csv-needed = `source = "hotfix-csv"`には`hotfix_csv = "PATH"`(`Get-HotFix | Export-Csv`で書き出したファイル)が必要です。
probes-config-backup-needs-path = backup-freshnessプローブには`path`(バックアップのフォルダかリポジトリ)が必要です。
probes-config-unknown-format = format `{ $value }`は使えません。auto、directory、restic、borgのどれかを指定してください。
probes-config-unknown-time-basis = time_basis `{ $value }`は使えません。`change`(mtimeとctimeの新しいほう)か`mtime`を指定してください。
probes-config-ledger-needs-path = asset-ledgerプローブには`path`(台帳の`.csv`か`.xlsx`)が必要です。
probes-config-unknown-ledger-field = `{ $key }`の台帳の欄`{ $field }`はありません。使える欄は{ $known }です。
probes-config-not-a-duration = `{ $value }`は期間として読めません。数と単位で書いてください: 90m、36h、7d(単位はs、m、h、d、w)
probes-config-not-a-port = `{ $value }`はポートとして読めません。22/tcpや123/udpのように書いてください。
probes-config-bad-protocol = `{ $value }`のプロトコルはtcpかudpにしてください。
probes-config-host-and-any-host = `host`(どの機器のスナップショットを数えるか)と`any_host = true`は、どちらか一方だけを指定してください。
probes-protects-missing = `protects`の`{ $path }`がこの機器にありません。パスを確かめてください(相対パスは設定ファイルのフォルダからの位置です)。
probes-checkpoints-ignored = borgのチェックポイント(中断したバックアップ)が{ $count }個ありました。バックアップとしては数えていません。
probes-snapshots-unreadable = 日時を読み取れない{ $tool }の{ probes-backup-unit }が{ $count }個あり、数えていません(例:「{ $example }」)。
probes-all-snapshots-unreadable = { $tool }の{ probes-backup-unit }{ $count }個のどれも日時を読み取れないため、判定できません(例:「{ $example }」)。`{ $tool }`の出力を確かめてください。
probes-snapshots-not-counted = 数えなかった{ $tool }の{ probes-backup-unit }: { $host }以外の機器のものが{ $other_hosts }個、`protects`以外のパスのものが{ $other_paths }個
probes-no-snapshot-of-path = `{ $path }`(`protects`のパス)を含む{ $tool }の{ probes-backup-unit }がありません。
probes-dpkg-unfinished = `dpkg`の処理が終わっていないパッケージが{ $count }個あります(更新の途中です): { $packages }。`dpkg --configure -a`か`apt-get -f install`で完了させてください。
probes-hotfix-date-order-unknown = `{ $source }`: { $example }のような日付は、日が先か月が先かをファイルから決められません。書き出したPCの日付の書き方に合わせて`date_order = "dmy"`(日が先)か`date_order = "mdy"`(月が先)を設定してください。
probes-hotfix-date-order-conflict = `{ $source }`: { $day_first }は日が先、{ $month_first }は月が先の書き方で、食い違っています。一覧を書き出し直すか、`date_order`を設定してください。
probes-login-records-unreadable = ログイン記録`{ $path }`はありますが読めません({ $error })。そのため、使われていないアカウントは判定していません。rootで実行するか、ファイルを確かめてください。
probes-dpkg-status-malformed = `dpkg`のデータベースの`Status:`行が読み取れないパッケージが{ $count }個あり、更新の途中かどうかわかりません。最初は{ $package }の「{ $line }」です。`dpkg --audit`で確かめてください。
probes-snapshots-not-counted-paths = 数えなかった{ $tool }の{ probes-backup-unit }: `protects`以外のパスのものが{ $other_paths }個
probes-snapshots-not-counted-hosts = 数えなかった{ $tool }の{ probes-backup-unit }: { $host }以外の機器のものが{ $other_hosts }個

## report
report-out-exists = `{ $path }`は既にあります。何も書き込んでいません。上書きするには`--force`を付けるか、別の`--out`を指定してください。
report-out-in-bundle = `{ $path }`は報告書一式`{ $bundle }`の中にあります。書き込むと報告書一式の確認に失敗するため、何も書き込んでいません(`--force`でも同じです)。報告書一式の外の`--out`を指定してください。
report-out-is-input = `{ $path }`は読み込んでいるファイルです。何も書き込んでいません。別の`--out`を指定してください。

report-written = `{ $dir }`を書き出しました: { $code } { $name }(`{ $checklist }`)、{ $fy }、事業者確認用{ $vendors }件、添付ファイル{ $attached }件
report-findings = 指摘: エラー{ $errors }件、警告{ $warnings }件
report-findings-recorded = 指摘: エラー{ $errors }件、警告{ $warnings }件(報告書に記録しました。内容は`medsec status { $dir }`で確認できます)
report-not-signed = 署名していません。`{ $command }`で署名してください。
report-need-answers-out = `--answers FILE`と`--out DIR`を指定してください(JSON Schemaは`medsec report schema`で表示します)。
report-vendor-unsigned = 注意: 事業者確認用`{ $form }`には事業者の署名がありません(`{ $signature }`がありません)。検査では署名なしとして扱われます。
report-vendor-signature-unchecked = 注意: 事業者確認用`{ $form }`の事業者の署名は確かめていません(事業者の公開鍵を`--vendor-key FILE`で指定すると確かめます)。`report.html`では(未検証)と表示します。
report-vendor-signature-invalid = 事業者確認用`{ $form }`が、事業者の署名と合いません。署名の後にファイルが変更されています。このままでは検査員の検証で無効になるため、報告書一式を作りませんでした。署名したときのファイルに戻すか、事業者に署名し直してもらってください。({ $problem })
report-vendor-signature-other-key = 事業者確認用`{ $form }`の署名は、`--vendor-key`で指定したどの鍵のものでもありません。報告書一式を作りませんでした。その事業者の公開鍵を指定してください。({ $problem })
report-answer-contradicted-by-probe = { $item }に「はい」と回答していますが、{ $probe }({ $name })の確認で問題が見つかりました: { $reason }。
report-answer-contradicted-by-unnamed-probe = { $item }に「はい」と回答していますが、{ $probe }の確認で問題が見つかりました: { $reason }。
report-not-institution-form = `{ $path }`: これは{ $form }の回答です。`--answers`には医療機関確認用または薬局確認用の回答を指定し、事業者確認用は`--vendor`で指定してください。
report-not-vendor-form = `{ $path }`: これは{ $form }の回答で、事業者確認用ではありません。`--answers`で指定してください。
report-missing-institution = `{ $path }`: [institution]の{ $field }がありません。報告書には医療機関を記載します(署名にも医療機関コードが入ります)。
report-field-code = code(医療機関コード)
report-field-name = name(医療機関名)
report-evidence = { $file }:{ $line }: { $item }({ $round }回目)の証跡ファイル`{ $named }`: { $problem }。パスは回答ファイルからの相対パスです。
report-evidence-not-a-file = ファイルではありません(ファイルを1つずつ指定してください)。
report-evidence-not-found = ありません(`{ $path }`を探しました)。
report-evidence-unreadable = 読み取れません: { $reason }。
report-evidence-not-storable = 報告書一式に保存できません: { $reason }。
report-evidence-clash = { $file }:{ $line }: { $item }の証跡`{ $named }`は`{ $path }`として保存されますが、その名前はほかの証跡が使っています。どちらかのファイル名を変えてください。
report-form-name-clash = 2つの回答ファイルがどちらも`{ $name }`という名前です({ $first }と{ $second })。報告書は様式をファイル名で区別するため、どちらかの名前を変えてください。
report-probe-evidence = `{ $path }`: { $reason }
report-probe-evidence-not-json = { $line }行{ $column }列: JSONではありません(詳細: { $error })。
report-probe-evidence-version = format_version { $expected }の確認結果ファイルではありません(見つかった値: { $found })。`medsec probe --out evidence.json`で作成してください。
report-probe-evidence-shape = 確認結果ファイルの形式ではありません(詳細: { $error })。
report-read = `{ $path }`を読めません: { $reason }。
report-json = { $path }:{ $line }:{ $column }: `report.json`の形式ではありません(詳細: { $error })。
report-version = `{ $path }`: format_version { $found }には対応していません。このmedsecが読めるのはformat_version { $supported }です(新しいmedsecなら読める場合があります)。
report-version-missing = (なし)
report-serialize = `report.json`を書けません: { $error }。
report-not-replaced = `{ $path }`は置き換えませんでした: { $reason }。何も書き込んでいません。`--out`には新しいフォルダか空のフォルダを指定するか、先にこのフォルダを移動してください。
report-not-replaced-not-folder = フォルダではありません。
report-not-replaced-symlink = シンボリックリンクです。
report-not-replaced-no-manifest = medsecの報告書一式ではありません(`{ $manifest }`がありません)。
report-not-replaced-bad-manifest = `{ $manifest }`がマニフェストとして読めません({ $line }行目: { $reason })。
report-not-replaced-not-report = medsecの報告書一式ではありません({ $reason })。
report-not-replaced-no-report-listed = マニフェストに`{ $file }`がありません。
report-not-replaced-unlisted = マニフェストにないファイルまたはフォルダは{ $names }の{ $count }件です。
report-not-replaced-not-named = マニフェストにはあるが`report.json`には記載のないファイルは{ $names }の{ $count }件で、medsecが書いたものではありません。
report-not-replaced-changed = マニフェストの作成後に変更または削除されたファイルは{ $names }の{ $count }件です。
report-render-not-a-bundle = `{ $path }`は報告書一式のフォルダではありません(`report.json`も`MANIFEST.sha256`もありません)。`medsec report`で作ったフォルダか、その`report.json`を指定してください。
report-not-a-report = `{ $path }`はmedsecの報告書ではありません。`medsec report`で作った`report.json`に必ずある{ $missing }がありません。
report-not-replaced-unreadable = 中身をすべては読めません({ $reason })。

## signing

signing-prompt-new-key = 新しい秘密鍵のパスフレーズ:
signing-prompt-again = 確認のため、もう一度パスフレーズを入力してください:
signing-prompt-key = `{ $path }`のパスフレーズ:
signing-passphrase-wrong-retry = パスフレーズが違います。もう一度入力してください(あと{ $left }回)。
signing-passphrase-differ-retry = 2回入力したパスフレーズが一致しません。最初からもう一度入力してください(あと{ $left }回)。
signing-passphrase-env-unset = `--passphrase-env { $var }`: 環境変数{ $var }が設定されていません。
signing-passphrase-env-not-utf8 = `--passphrase-env { $var }`: 値がUTF-8ではありません。
signing-passphrase-no-terminal = パスフレーズが必要ですが、入力できる端末がありません。`--passphrase-env VAR`で渡してください。
signing-passphrase-unreadable = 端末からパスフレーズを読み取れません: { $reason }。
signing-passphrase-differ = 2回入力したパスフレーズが一致しません。何も書き込んでいません。
signing-keygen-key-id = 鍵ID { $key }
signing-keygen-secret = 秘密鍵: `{ $path }`(本人だけが読めるように保管してください。モード0600)
signing-keygen-secret-windows = 秘密鍵: `{ $path }`(本人だけが読めるように保管してください。このWindowsユーザーだけが読めるアクセス権を設定しました)
signing-keygen-public = 公開鍵: `{ $path }`(検査する側に渡してください)
signing-keygen-unencrypted = 注意: `{ $path }`は暗号化されていません。このファイルを読める人は誰でもあなたの名前で署名できます。
signing-signed-bundle = `{ $dir }`に署名しました(ファイル{ $files }件、鍵{ $key })。
signing-signed-form = `{ $form }`に鍵{ $key }で署名し、`{ $signature }`を書き込みました。
signing-trusted-comment = 信頼済みコメント: { $comment }
signing-record-heading = 署名に記録した内容(信頼済みコメント):
signing-record-time = 署名日時
signing-record-institution = 医療機関コード
signing-record-vendor = 事業者
signing-record-checklist = チェックリスト
signing-record-report = `report.json`のSHA-256
signing-check-with = 標準のツールでの確認方法: `{ $command }`
signing-need-dir = 署名する報告書一式のフォルダDIRを指定してください(事業者確認用に署名するときは`--form FILE`)。
signing-error-exists = `{ $path }`はすでにあります。上書きするには`--force`を付けてください。
signing-error-read = `{ $path }`を読めません: { $reason }。
signing-error-write = `{ $path }`に書き込めません: { $reason }。
verify-io-folder-missing = フォルダ`{ $folder }`がありません
signing-error-not-a-bundle = `{ $path }`は報告書一式ではありません(`report.json`がありません)。署名できるのは`medsec report`で作った報告書一式のフォルダです(事業者確認用に署名するときは`--form FILE`)。
signing-error-key-unreadable = { $what }`{ $path }`を読めません(詳細: { $detail })。
signing-error-bad-key = `{ $path }`: minisignの{ $what }ではありません: { $reason }。
signing-what-public-key = 公開鍵
signing-what-secret-key = 秘密鍵
signing-key-empty = ファイルが空です。
signing-key-no-comment = 1行目が`untrusted comment: ...`ではありません。
signing-key-no-key-line = 鍵の行がありません。
signing-key-not-base64 = 鍵の行がbase64ではありません。
signing-key-unsupported = 対応していない方式です(Ed25519で、scryptによる暗号化または暗号化なしの鍵に対応しています)。
signing-key-public-given = これは公開鍵のファイルです。`--key`には秘密鍵(`medsec keygen`が作る`NAME.key`)を指定してください。公開鍵(`NAME.pub`)は`medsec verify --pubkey`で使います。
signing-key-detail = 鍵を読み取れません(詳細: { $detail })。
signing-error-wrong-passphrase = `{ $path }`: この秘密鍵のパスフレーズが違います。
signing-error-passphrase-needed = `{ $path }`は暗号化されています。端末でパスフレーズを入力するか、`--passphrase-env VAR`で渡してください。
signing-error-empty-passphrase = パスフレーズが空です。パスフレーズを決めるか、パスフレーズなしの鍵を作るときは`--unencrypted`を付けてください。
signing-error-sign = 署名できませんでした: { $reason }。
signing-error-report-changed = 署名している間に`report.json`が変更されました。もう一度実行してください。
signing-error-self-check = 書き込んだ署名を確認できませんでした({ $code })。報告書一式は署名していない状態です。
signing-error-key-not-private = `{ $path }`はほかのユーザーも読めます(モード{ $mode })。秘密鍵は本人だけが読めるようにしてください: `chmod 600 { $path_word }`(ほかの人に写された恐れがあれば鍵を作り直してください)
signing-unsafe-remove = { $reason }。署名する前に取り除いてください。
signing-unsafe-unreadable = 読み取れません: { $reason }。
signing-unsafe-claim = `{ $value }`が空か制御文字を含むため、署名できません。
signing-unsafe-not-answers = 回答ファイルとして使えません: { $reason }。
signing-unsafe-vendor-name-empty = 事業者名が空です。[vendor]表の`name = ""`に事業者名を書いてください。
signing-unsafe-not-vendor-form = 事業者確認用ではありません(事業者名を書いた[vendor]表がありません)。
signing-unsafe-attach = `{ $name }`として添付できません: { $reason }。
signing-attach-own-file = 報告書一式が自ら使うファイル名です。
signing-attach-taken = 同じ名前のファイルがほかにあります。
signing-path-empty = 空のパスです。
signing-path-absolute = 絶対パスです。
signing-path-backslash = 名前にバックスラッシュか制御文字があります。
signing-path-dot = 空・`.`・`..`の要素があります。
signing-manifest-no-final-newline = 最後の行に改行がありません。
signing-manifest-not-a-line = `<16進数64桁>  <パス>`の形ではありません。
signing-manifest-hash-not-hex = SHA-256は小文字の16進数64桁で書きます。
signing-manifest-no-two-spaces = ハッシュとパスの間は空白2つです。
signing-manifest-bad-path = `{ $path }`: { $reason }
signing-manifest-own-file = マニフェストに`{ $path }`は載せられません。
signing-manifest-twice = `{ $path }`が2回載っています。
signing-refused-name-not-utf8 = 名前がUTF-8ではありません。
signing-refused-symlink = シンボリックリンクです(報告書一式には通常のファイルだけを入れます)。
signing-refused-not-regular = 通常のファイルではありません。
signing-unreadable-loop = フォルダが循環しています。
signing-unreadable-too-deep = フォルダの階層が{ $max }を超えるため読みません。
signing-too-large = { $size }バイトあり、上限{ $limit }バイトを超えます。
signing-trusted-version = format_version { $found }には対応していません。このmedsecが読めるのはformat_version { $supported }です。
signing-trusted-institution-key = [institutions]のキー`{ $key }`は医療機関コードではありません。数字10桁で書いてください(すべての医療機関を表す書き方はありません)。
signing-trusted-institution-twice = 医療機関{ $code }が[institutions]に2回あります(最初は{ $first }行目。全角数字は半角として読みます)。1つにまとめ、鍵はすべてそこに書いてください。
signing-trusted-vendor-empty = [vendors]のキー(事業者名)が空です。
signing-trusted-institution-no-keys = 医療機関{ $code }の`keys`が空です。
signing-trusted-vendor-no-keys = 事業者`{ $name }`の`keys`が空です。
signing-trusted-not-public-key = minisignの公開鍵ではありません: { $reason }。
signing-trusted-toml = `keys.toml`として読めません(詳細: { $error })。
signing-key-not-text = 文字として読めないファイルです(UTF-8かUTF-16で保存してください)。
signing-key-wrong-length = 鍵の行の長さが公開鍵のものではありません({ $bytes }バイトあります。公開鍵は42バイトです)。秘密鍵や署名のファイルを指定していないか確かめてください。

## verify

verify-col-bundle = 報告書一式
verify-col-result = 結果
verify-col-institution = 医療機関
verify-col-fiscal-year = 年度
verify-col-checklist = チェックリスト
verify-col-key = 鍵
verify-table-fiscal-year = { $wareki }{ $year ->
   *[other] {""}
}
verify-col-signed = 署名日時
verify-verdict-valid = 有効
verify-verdict-findings = 要確認
verify-verdict-unusable = 確認不能
verify-verdict-invalid = 無効
verify-class-note = 注意
verify-class-finding = 要確認
verify-class-unusable = 確認不能
verify-class-invalid = 無効
verify-summary = { $count }件: 有効{ $valid }、要確認{ $findings }、無効{ $invalid }、確認不能{ $unusable }
verify-fiscal-year = { $wareki }(FY{ $year })
verify-io-not-found = ファイルまたはフォルダがありません
verify-io-permission-denied = 権限がありません
verify-io-other = システムのエラーです(詳細: { $error })
verify-keys-warning = 注意: { $warning }
verify-bundled-checklists-failed = 注意: 同梱のチェックリストを読み込めませんでした(詳細: { $error })。`--checklist`で指定したチェックリストだけを使います。
verify-bundle-not-folder = フォルダではありません。
verify-bundle-cannot-open = フォルダを開けません(詳細: { $reason })。
verify-bundle-internal-error = 内部エラーのため確認が中断しました。
verify-bundle-unreadable = 報告書一式を読めません: { $reason }。
verify-content-untrusted = 完全性または署名の確認に失敗したため、`report.json`の内容は信頼できません。医療機関・回答・指摘は表示しません。
verify-content-untrusted-checklist = 報告書が回答したチェックリストをここでは使えないため(上記の{ $codes })、回答は確認していません。回答と指摘は表示しません。
verify-not-verified = 署名を確認できませんでした。
verify-top-file-missing = { $name }がありません。
verify-named-by = (`report.json`の{ $field }が指すファイル)
verify-file-not-regular = 通常のファイルではないため開きません{ $named }。
verify-file-too-large = { $size }バイトあり、上限{ $limit }バイトを超えるため読みません{ $named }。
verify-file-unreadable = 読み取れません{ $named }: { $reason }。
verify-manifest-malformed = マニフェストの形式が不正です({ $line }行目): { $reason }。
verify-manifest-not-utf8 = マニフェストがUTF-8のテキストではありません({ $byte }バイト目)。
verify-file-missing = マニフェストにありますが、ファイルがありません。
verify-file-changed = SHA-256がマニフェストと異なります。
verify-file-extra = マニフェストにないファイルです。
verify-file-unsafe = 安全でないため開きません: { $reason }。
verify-report-path-unsafe = `report.json`の{ $field }が`{ $path }`を指しています: { $reason }。報告書一式内の相対パス以外は開きません。
verify-report-path-unlisted = `report.json`の{ $field }が指す`{ $path }`は署名されたマニフェストにないため、開きません。
verify-evidence-digest-mismatch = `report.json`の{ $field }に記録された`{ $path }`のSHA-256がマニフェストと異なります。
verify-signature-not-minisign = minisignの署名ではありません(詳細: { $error })。
verify-signature-not-exact = minisignの正確な符号化ではありません(空白・改行・パディングが変更されています)。
verify-signature-untrusted-comment = 想定外の非署名コメント`{ $comment }`です(この行は署名の対象外のため、medsecは標準のものだけを受け付けます)。
verify-key-wrong = 鍵{ $key }で署名されていますが、指定された鍵は{ $given }です。
verify-key-unknown = 鍵{ $key }で署名されていますが、信頼する鍵の一覧にありません。
verify-signature-legacy = 旧形式(事前ハッシュなし)の署名です。現在のminisignまたはmedsecで署名し直してください。
verify-signature-invalid = 署名が`{ $file }`と一致しません(鍵{ $key }による署名)。
verify-report-missing = マニフェストに`report.json`が含まれていません。
verify-report-unreadable = `report.json`を読めません: { $reason }。
verify-key-untrusted = 鍵{ $key }は医療機関{ $code }の鍵として信頼されていません。
verify-institution-mismatch = この報告書は医療機関{ $code }({ $name })のもので、{ $expected }のものではありません。
verify-institution-other-genuine = この報告書一式は本物です(署名とすべてのファイルを確認できました)が、別の医療機関{ $code }({ $name })のものです。`--institution`で指定された{ $expected }のものではありません。
verify-trusted-comment-mismatch = 署名では`{ $field }`が`{ $signed }`ですが、`report.json`では`{ $actual }`です。
verify-trusted-comment-plain = 署名の信頼済みコメントに医療機関・チェックリスト・報告書の記載がありません(他のツールで署名されています)。マニフェストの署名は`report.json`も保護しています。
verify-trusted-comment-malformed = 署名の信頼済みコメントが不正です: { $reason }。
verify-comment-twice = `{ $field }`が2回あります。
verify-comment-missing = `{ $field }`がありません。
verify-comment-version = { $found }はこのmedsecが読める版({ $reads })ではありません。
verify-checklist-unknown = ダイジェスト{ $digest }のチェックリスト`{ $checklist }`はわかりません。そのファイルを`--checklist PATH`で指定してください。
verify-checklist-unknown-in-file = `{ $file }`: ダイジェスト{ $digest }のチェックリスト`{ $checklist }`はわかりません。そのファイルを`--checklist PATH`で指定してください。
verify-checklist-mismatch = ダイジェストは{ $actual }のものですが、報告書は`{ $checklist }`としています。
verify-checklist-other-year = 報告書は{ $fy }、チェックリスト`{ $checklist }`は{ $checklist_fy }のものです。
verify-fiscal-year-other = 報告書は{ $fy }のもので、今年度は{ $now }です。
verify-generated-at-bad = generated_atがRFC 3339の時刻ではありません: `{ $value }`
verify-findings-disagree-recorded = `report.json`は`{ $code }`({ $place })を記録していますが、回答を確認し直すと見つかりません。
verify-findings-disagree-rerun = 回答を確認し直すと`{ $code }`({ $place })が見つかりますが、`report.json`には記録されていません。
verify-vendor-not-in-bundle = 事業者確認用`{ $file }`(`report.json`上の事業者名`{ $vendor }`)が報告書一式に含まれていないため、事業者の署名を確認できません。
verify-vendor-not-in-bundle-untrusted = `report.json`の{ $field }が指す事業者確認用は報告書一式に含まれていないため、事業者の署名を確認できません。
verify-vendor-path-unsafe = `report.json`の{ $field }が`{ $path }`を指しています: { $reason }。開きません。
verify-vendor-path-unlisted = `report.json`の{ $field }が指す`{ $path }`は署名されたマニフェストにないため、開きません。
verify-vendor-form-not-utf8 = UTF-8のテキストではありません。
verify-vendor-form-unreadable = `{ $file }`を事業者確認用として読めないため、`report.json`と照合できません: { $reason }。
verify-vendor-form-other-vendor = `report.json`の事業者名が`{ $file }`の事業者名`{ $vendor }`と異なります。
verify-vendor-form-other-answers = `report.json`の回答が`{ $file }`の内容と一致しません。
verify-vendor-form-unsigned = `{ $file }`には事業者の署名がありません(`{ $signature }`がありません)。
verify-vendor-signature-unchecked = `{ $file }`には事業者の署名がありますが、事業者の鍵は`--trusted keys.toml`でしか指定できないため確認していません。
verify-vendor-key-not-listed = `{ $file }`は鍵{ $key }で署名されていますが、`keys.toml`は事業者`{ $vendor }`の鍵としてこれを挙げていません。
verify-vendor-key-no-vendor = `{ $file }`は鍵{ $key }で署名されていますが、様式にも署名にも事業者名がないため、どの事業者の鍵か確認できません。
verify-vendor-signature-problem = 事業者確認用`{ $file }`: { $problem }。
verify-vendor-comment-mismatch = 事業者の署名では`{ $field }`が`{ $signed }`ですが、様式では`{ $actual }`です。
verify-vendor-comment-plain = 事業者の署名の信頼済みコメントに事業者名とチェックリストがありません(他のツールで署名されています)。署名は様式を保護しています。
verify-vendor-comment-malformed = 事業者の署名の信頼済みコメントが不正です: { $reason }。
verify-evidence-not-attached = { $item }({ $round }回目)の回答が証跡`{ $named }`を挙げていますが、その証跡は報告書一式に含まれていません。
verify-expect-sha256-mismatch = `report.json`のSHA-256は{ $actual }で、`--expect`で指定された{ $expected }ではありません。印刷された報告書はこの報告書一式のものではありません。
verify-expect-key-mismatch = 報告書一式は鍵{ $actual }で署名されており、印刷された報告書のQRコードにある{ $expected }ではありません。印刷された報告書はこの報告書一式のものではありません。
verify-expect-forms = `--expect`には、印刷された報告書にあるSHA-256(16進数64桁。そのまま、または`sha256:`や`SHA-256`の後に続けて)か、QRコードの文字列`medsec:sha256=<16進数64桁>;key=<16進数16桁>`を指定してください。
verify-expect-invalid = `{ $value }`はどちらでもありません。{ $forms }
verify-expect-wrong-length = `--expect`に指定された{ $part ->
    [key] 鍵ID
   *[other] SHA-256
}`{ $value }`は16進数{ $count }桁です。{ $wanted }桁必要です。{ $forms }
verify-expect-not-hex = `{ $value }`の{ $part ->
    [key] 鍵ID
   *[other] SHA-256
}に16進数(0-9、a-f)でない文字`{ $found }`があります。{ $forms }
verify-expect-matched = `report.json`のSHA-256は`--expect`で指定された{ $sha256 }と一致しました。印刷された報告書はこの報告書一式のものです。
verify-expect-matched-key = `report.json`のSHA-256 { $sha256 }と署名の鍵{ $key }は、`--expect`で指定されたものと一致しました。印刷された報告書はこの報告書一式のものです。
verify-checklist-claims-official = `{ $checklist }`(報告書一式に含まれるもの)は{ $verified }項目を公式の様式と照合済みとしていますが、{ $workbook ->
    [none] 取り込み元のブックを記録していません
   *[other] 取り込み元の`{ $workbook }`(SHA-256 { $sha })はmedsecの知っている公式のブックではありません
}。公式の様式であるという記載に裏付けがないため、文言を公式の様式と照らし合わせて確認してください。
verify-no-probe-evidence = この報告書にはプローブの証跡がありません(`medsec probe`なしで作成されています)。回答と機器の状態の照合は行われていません。
verify-probe-evidence-covers-no-item = この報告書のプローブの証跡は、この様式のどの項目にも対応していません(プローブが知る項目IDと異なります。例: `--ids-from`なしで取り込んだチェックリスト)。回答と機器の状態の照合は行われていません。
verify-empty-probe-evidence = この報告書のプローブの証跡には結果が1件もありません(プローブの設定が空です)。回答と機器の状態の照合は行われていません。
verify-probes-skipped-gate = 前提の質問が「いいえ」(医療情報システムがない)と回答されているため、ほかの項目はすべて対象外で、プローブ({ $count }件)は行われていません。確かめる機器がないためで、証跡が欠けているのではありません。
verify-no-bundle-found = ここには報告書一式がありません(`MANIFEST.sha256`や`report.json`のあるフォルダが見つかりません)。
verify-link-not-followed = フォルダへのシンボリックリンクです。たどらないため、その先の報告書一式は確認していません。
verify-status-refused = `{ $path }`は表示しません。報告書一式の完全性の確認に失敗しました(`medsec verify`で確認できます)。
verify-status-refused-unreadable = `{ $path }`は表示しません。報告書一式の一部を読み取れませんでした(`medsec verify`で確認してください)。
verify-status-not-a-bundle = `{ $path }`は報告書一式のフォルダではありません(`report.json`も`MANIFEST.sha256`もありません)。`medsec report`で作ったフォルダか、回答ファイルを指定してください。
verify-status-recorded = `report.json`に記録された指摘:
verify-no-key-given = 信頼する公開鍵が指定されていません。`medsec { $command }`には報告書一式に署名した鍵の公開鍵が必要です。鍵が1つなら`--pubkey 公開鍵.pub`、複数の医療機関の鍵なら`--trusted keys.toml`を指定してください。例: `medsec { $command } --pubkey hospital.pub bundle/`
verify-class-warning = 警告
verify-expect-several-bundles = `--expect`は印刷された報告書1部に対応しますが、報告書一式が{ $count }件見つかりました。その報告書の報告書一式のフォルダを1つだけ指定するか(`medsec verify 報告書一式 --pubkey 公開鍵.pub --expect SHA256`)、`--expect`なしですべて確認してください。
verify-keygen-entry = 検査する側の`keys.toml`に書く記載(`format_version = 1`の行の後に追加します):
verify-keygen-entry-placeholder = { $placeholder }を医療機関コード(10桁)に置き換えてください。鍵を作るときに`--institution CODE`を指定すると最初から入ります(事業者の鍵は`--vendor NAME`)。
verify-keygen-code-invalid = `--institution`には医療機関コードを10桁の数字で指定してください。`{ $code }`は医療機関コードではありません。
verify-trusted-is-public-key = これはminisignの公開鍵ファイル(鍵{ $key_id })で、`keys.toml`ではありません。この鍵だけで確認するには`--pubkey { $path_word }`を指定してください。`keys.toml`で信頼するには、`[institutions.医療機関コード]`(事業者の鍵は`[vendors."事業者名"]`)に`keys = ["{ $key }"]`と書いてください。
verify-trusted-is-secret-key = これはminisignの秘密鍵ファイルで、`keys.toml`ではありません。秘密鍵は署名する人だけが持つものです。検査する側には公開鍵(`.pub`)を渡し、`--pubkey`か`keys.toml`で指定してください。
verify-trusted-is-signature = これはminisignの署名ファイルで、`keys.toml`ではありません。`verify`にはこの署名がある報告書一式のフォルダを指定し、署名した人の公開鍵(`.pub`)を`--pubkey`か`keys.toml`で指定してください。
verify-contradiction-no-result = { $item }に「はい」と回答していますが、{ $kind }のプローブは不合格です(その結果は証跡にありません)。
verify-contradiction-named-no-result = { $item }に「はい」と回答していますが、{ $kind }「{ $name }」のプローブは不合格です(その結果は証跡にありません)。
verify-contradicted-by-probe-no-result = { $item }に「はい」と回答していますが、{ $probe }({ $name })の確認で問題が見つかりました(その結果は証跡にありません)。
verify-contradicted-by-unnamed-probe-no-result = { $item }に「はい」と回答していますが、{ $probe }の確認で問題が見つかりました(その結果は証跡にありません)。
verify-checklist-not-inspectors = 報告書一式の`{ $checklist }`(`{ $file }`、ダイジェスト{ $theirs })は、お手元の`{ $checklist }`({ $origin }、ダイジェスト{ $yours })と異なります。医療機関はお手元のものとは別の文言に回答しているため、回答は確認していません。{ $diff ->
    [none] {""}
   *[other] 異なる項目は`{ $diff }`で確認できます。
}
verify-checklist-official-source-yours = `{ $checklist }`(報告書一式に含まれるもの)はお手元のもの(ダイジェスト{ $digest })と同じで、medsecがSHA-256で知っている公式のブック`{ $workbook }`から取り込まれたものです。
verify-checklist-official-unconfirmed = `{ $checklist }`(報告書一式に含まれるもの)は、medsecがSHA-256で知っている公式のブック`{ $workbook }`から取り込んだと記録していますが、ここではその文言をブックと照合していません。チェックリストのファイルは取り込んだ後でも書き換えられます。ダウンロードした公式のブックを添えて`{ $command }`を実行してください(`--pubkey`または`--trusted`は同じように付けます)。そうすると、すべての項目の節・項番・文言・対象を照合し、公式のものかどうかを示します。
verify-checklist-official-confirmed = `{ $checklist }`(報告書一式に含まれるもの)は公式のブック`{ $workbook }`から取り込んだと記録しており、文言を確かめました。すべての項目の節・項番・文言・対象と記入のルールは、指定された公式のブック(`{ $given }`、SHA-256はmedsecの知っているもの)と同じです。
verify-workbook-not-official = 指定されたブック(`{ $given }`、SHA-256 { $sha })は公式の`{ $file }`(SHA-256 { $official })ではありません。公式のブックから取り込んだチェックリストの文言の確認にはなりません。公式のブックを{ $url }からダウンロードして指定してください。
verify-checklist-workbook-matched = 報告書一式の`{ $checklist }`(`{ $file }`)を指定されたブック(`{ $given }`)と照らし合わせ、一致しました。すべての項目の区分・項番・文言・対象と記入のルールはブックと同じです。
verify-workbook-other-form = 指定されたブック(`{ $given }`)は{ $book_year }の{ $book_form }の様式で、報告書が回答したのは{ $year }の{ $form }の様式(`{ $checklist }`)です。報告書のどの様式のブックでもないため、何も照らし合わせていません。報告書の様式のブックを指定してください。
verify-workbook-not-compared = 指定されたブック(`{ $given }`)とは照らし合わせていません。報告書はmedsecに組み込まれた`{ $checklist }`に回答しており、ブックと照らし合わせるのは報告書一式に含まれるチェックリスト(ブックから取り込んだもの)だけです。
verify-checklist-wording-differs = 報告書一式の`{ $checklist }`(`{ $file }`)は、お手元のブック(`{ $given }`)の文言と異なります: { $differences }。医療機関はお手元のものとは別の文言に回答しているため、回答は確認していません。違いは`{ $diff }`で確認できます。
verify-wording-differs-form = 様式そのもの(年度版、様式、表題)が異なります
verify-wording-differs-serves = 様式の対象(報告書一式のもの: { $theirs }、ブックの記載: { $stated })が異なります
verify-wording-differs-sections = { $count ->
    [1] 節{ $sections }の見出しが異なります
   *[other] 節{ $sections }の各見出しが異なります
}
verify-wording-differs-items = { $items }の文言・節・対象・要否が異なるか、一方にしかありません
verify-wording-differs-rules = 記入のルールが異なります
verify-checklist-gate-named = `{ $checklist }`(報告書一式に含まれるもの)は、取り込み時に`--map gate=`で指定した「{ $theirs }」を前提の質問(医療情報システムの有無)としています(ブックをそのまま読んだ場合の前提の質問: { $read })。文言はブックと同じです。その項目が様式の前提の質問かどうかはご確認ください。
verify-checklist-gate-not-workbooks = `{ $checklist }`(報告書一式に含まれるもの)は、「{ $theirs }」を前提の質問(医療情報システムの有無)とし(取り込み時の`--map gate=`の指定、または手作業の編集によるもの)、報告書はこれに「いいえ」と回答しているため、ほかの項目が確認不要になっています。ブックをそのまま読んだ場合の前提の質問は「{ $read }」で、公式の様式では回答が必要な項目に回答していません。ブックと照らして回答をご確認ください。
verify-gate-none = なし
verify-added-checklists-unreadable = `checklist add`で追加したチェックリスト(`{ $path }`)を読み込めませんでした({ $error })。それらを使わずに検証を続けます。

## lint

lint-base-not-a-repository = `--base`はgitのリビジョンからの変更だけを確認するため、gitリポジトリの中で実行してください({ $detail })。すべてのファイルを確認するには`--base`を付けずに実行してください。
lint-severity-error = エラー
lint-severity-warning = 警告
lint-summary = { $files }個のファイルを確認しました: エラー{ $errors }件、警告{ $warnings }件
lint-summary-unreadable = { $count }個のファイルまたはフォルダを読めなかったため、その中は確認していません(エラーは標準エラー出力にあります)。
lint-not-utf8 = UTF-8のテキストではありません。ファイルをUTF-8で保存してください。
lint-unreadable = `{ $path }`を読めません: { common-io-error }。
lint-unreadable-folder = フォルダ`{ $path }`を読めません: { common-io-error }。
lint-unlistable-folder = フォルダ`{ $path }`の中身を一覧できません: { common-io-error }。
lint-empty-file = ファイルが空です。チェックリストの内容(`format_version`、`id`、`[[items]]`など)を書いてください。
lint-answers-file = `{ $path }`は回答ファイルで、チェックリストではありません。回答の記入状況は`{ $command }`で確認できます。
lint-duplicate-checklist = `{ $checklist }`は{ $first }にも定義されています。
lint-parse-error = TOMLの書き方に誤りがあります(詳細: { $detail })。
lint-unsupported-format-version-newer = `format_version` { $found }には対応していません。このmedsecが読めるのは`format_version` { $supported }です(新しいmedsecなら読める可能性があります)。
lint-unsupported-format-version = `format_version` { $found }には対応していません。このmedsecが読めるのは`format_version` { $supported }です。
lint-invalid-id-checklist = チェックリストの`id`(`{ $id }`)は小文字・数字・ハイフン(kebab-case)で書いてください。例: `mhlw-institution`
lint-invalid-id-publisher = `publisher`の`{ $publisher }`は小文字・数字・ハイフン(kebab-case)で書いてください。例: `mhlw`
lint-invalid-id-item = 項目id `{ $id }`は小文字・数字・ハイフン(a-z、0-9、-)で書いてください。
lint-id-form-mismatch = チェックリストの`id`(`{ $id }`)は`{ $expected }`(発行元-様式)にしてください。
lint-invalid-fiscal-year = `fiscal_year`の{ $year }は2000から2100までの年ではありません。
lint-invalid-edition = 版`{ $edition }`は`fyYYYY`の形で書いてください。例: `fy2025`
lint-edition-year-mismatch = 版`{ $edition }`が`fiscal_year`の{ $year }と合っていません。
lint-invalid-guideline-version = `guideline_version`の`{ $version }`は`6.0`のような形で書いてください。
lint-missing-serves = `serves`に対象とする施設の種類を1つ以上書いてください。
lint-missing-items = チェックリストに`[[items]]`がありません。
lint-invalid-date = `published`の`{ $value }`は2025-05-16のような日付だけで書いてください。
lint-invalid-url = `source_url`の`{ $url }`はhttpまたはhttpsのURLにしてください。
lint-unknown-form = 様式`{ $value }`は使えません。使える値は{ $names }です。
lint-unknown-institution-kind = 施設の種類`{ $value }`は使えません。使える値は{ $names }です。
lint-unknown-scope = 対象`{ $value }`は使えません。使える値は{ $names }です。
lint-unknown-requirement = 区分`{ $value }`は使えません。使える値は{ $names }です。
lint-unknown-not-applicable-rule = 対象外の条件`{ $value }`は使えません。使える値は{ $names }です。
lint-unknown-probe-kind = プローブの種類`{ $value }`は使えません。使える値は{ $names }です。
lint-missing-translation-title = タイトル: `{ $lang }`のテキストが空です。日本語と英語の両方が必要です。
lint-missing-translation-notes = 注記: `{ $lang }`のテキストが空です。日本語と英語の両方が必要です。
lint-missing-translation-section = 節{ $section }の見出し: `{ $lang }`のテキストが空です。日本語と英語の両方が必要です。
lint-missing-translation-item-text = 項目`{ $item }`の本文: `{ $lang }`のテキストが空です。日本語と英語の両方が必要です。
lint-missing-translation-item-guidance = 項目`{ $item }`の説明: `{ $lang }`のテキストが空です。日本語と英語の両方が必要です。
lint-ja-not-japanese-title = タイトル: `ja`のテキストに日本語の文字がありません。
lint-ja-not-japanese-notes = 注記: `ja`のテキストに日本語の文字がありません。
lint-ja-not-japanese-section = 節{ $section }の見出し: `ja`のテキストに日本語の文字がありません。
lint-ja-not-japanese-item-text = 項目`{ $item }`の本文: `ja`のテキストに日本語の文字がありません。
lint-ja-not-japanese-item-guidance = 項目`{ $item }`の説明: `ja`のテキストに日本語の文字がありません。
lint-duplicate-section-id = 節のid `{ $section }`が2回宣言されています。
lint-duplicate-item-id = 項目id `{ $id }`が2回使われています。項目idは重複できません。
lint-duplicate-number = { $item }は、番号と対象が{ $other }と同じです。
lint-multiple-gates = { $item }は2つ目の前提の質問です。1つの様式に前提の質問は1つまでです。
lint-replaces-current-item = { $item }が置き換えるとしている`{ $replaced }`は、この版にまだある項目です。
# 番号の形が正しくない項目(id で示します)。
lint-item-id = 項目`{ $id }`
lint-invalid-number = 項目`{ $id }`: 番号`{ $number }`の形が正しくありません。例: `2-(4)`、`2-④`、前提の質問なら`0`
lint-unknown-section = { $item }: 節`{ $section }`は`[[sections]]`で宣言されていません。
lint-number-section-mismatch = { $item }: 番号が節`{ $section }`で始まっていません。
lint-empty-section = 節`{ $section }`には項目がありません。見出しではない行(「※…」の注記など)を節にしていないか確かめ、不要なら削除してください。
lint-unknown-guideline-ref = { $item }: ガイドラインの参照`{ $reference }`には、ガイドラインの編({ $parts })と箇所を書いてください。例: `システム運用編 8.1`
lint-invalid-replaces = { $item }: `replaces`の`{ $replaced }`には別の項目の`id`を書いてください。
lint-verified-with-note = { $item }は`verified = true`ですが、`unverified`の注記が残っています。
lint-unverified-wording = { $item }: 文言または番号を{ $against }とまだ照合していません。何が未確認かを`unverified`の注記に書いてください。
lint-unverified-wording-note = { $item }: 文言または番号を{ $against }とまだ照合していません。{ $note }
lint-config-unknown-key = `{ $key }`というキーはありません。使えるキーは`deny`と`allow`だけです。
lint-config-not-a-list = `{ $key }`は`{ $key } = ["{ $example }"]`のように一覧で書いてください。
lint-config-not-text = `{ $key }`の値は`"{ $example }"`のように引用符で囲んで書いてください。
lint-config-unknown-deny = `deny`に`{ $value }`は指定できません。指定できる値は`warnings`だけです。
lint-unknown-code = `{ $code }`というコードの検査規則はありません。使えるコード: { $codes }。
lint-unknown-code-closest = `{ $code }`というコードの検査規則はありません。{ $closest }のことですか。
lint-allow-option = `--allow`の指定: { $problem }。
lint-breaking-same-edition = `{ $base }`からの変更に、回答を引き継げなくなるもの({ $changes })があるのに、版は{ $edition }のままです。{ $edition }の回答を持つ人には2つのファイルの区別がつきません。新しい版にするか、変更を取り消してください(削除した項目は残して後継の項目に`replaces`を書き、対象外にした項目は対象に戻します)。変更の一覧は`medsec checklist diff`で見られます。
lint-rule-breaking-change-same-edition = 回答を引き継げなくなる変更(`replaces`のない項目の削除、前提の質問の変更、同じ版のうちに項目を対象外にすること)には新しい版が伴っていること(`--base REV`のとき)
lint-settings-used = 設定ファイル{ $files }を使いました(各ファイルには、そのフォルダか最も近い親フォルダの設定ファイルが使われます)。
lint-unverified-note-in-english = 何が未確認かは、チェックリストファイルの`unverified`の注記(英語)に書かれています。
lint-unverified-workbook = { $item }: `{ $file }`から取り込んだ文言です。`{ $file }`はmedsecが知っている公式ブックではないため、公式の文言とは照合されていません。

## diff

diff-item-out-of-scope = 対象外にしました。理由: { $reason }。
diff-item-out-of-scope-reason-changed = 対象外とした理由: 「{ $old }」→「{ $new }」
diff-empty-folders = `{ $old }`にも`{ $new }`にもチェックリストのファイル(`.toml`)がありません。フォルダを確かめてください。
diff-revisions-need-paths = `{ $old }`と`{ $new }`はgitのリビジョンです。リビジョン同士を比べるときは、比べるパスを`--`の後に書いてください(例: `medsec checklist diff { $old } { $new } -- checklists/`)。
diff-path-not-found = `{ $path }`が見つかりません。パスを確かめてください。
diff-md-code = コード
diff-impact-breaking = 重大
diff-impact-review = 要確認
diff-impact-minor = 軽微
diff-summary = 変更{ $count }件: 重大{ $breaking }件、要確認{ $review }件、軽微{ $minor }件
diff-checklist-id-changed = チェックリストのid: { $old } → { $new }
diff-form-changed = 様式: { $old ->
    [institution] 医療機関確認用
    [pharmacy] 薬局確認用
   *[vendor] 事業者確認用
} → { $new ->
    [institution] 医療機関確認用
    [pharmacy] 薬局確認用
   *[vendor] 事業者確認用
}
diff-edition-changed = 版: { $old } → { $new }
diff-header = { $old }({ $old_origin }) → { $new }({ $new_origin })
diff-md-header = { $old }({ $old_origin }) → { $new }({ $new_origin })
diff-guideline-version-changed = ガイドラインの版: { $old } → { $new }
diff-serves-changed = 対象施設: { $old } → { $new }
diff-section-title-changed = 節{ $section }の見出し: 「{ $old }」 → 「{ $new }」
diff-workbook-positions-changed = ブックの中で項目の位置(セル、行)が変わりました: { $count }項目(文言の違いは項目ごとに示します)
diff-item-added = 追加されました: 「{ $text }」
diff-item-removed = 削除され、置き換える項目がありません: 「{ $text }」
diff-item-replaced = { $replaced }を置き換えます。
diff-item-reworded = 文言: 「{ $old }」→「{ $new }」
diff-item-translation-changed = 英訳が変わりました。
diff-item-number-notation-changed = 番号の書き方: { $old } → { $new }
diff-item-renumbered = 番号: { $old } → { $new }
diff-item-id-changed = ID: `{ $old }` → `{ $new }`(番号・節・対象が同じ項目です。回答はIDで引き継ぐため、`init --from`では引き継がれません)。
diff-source-workbook-changed = 取り込んだブック: `{ $old }`(SHA-256 { $old_sha256 }…)→`{ $new }`(SHA-256 { $new_sha256 }…){ $same ->
    [yes] 。内容は同じで、ファイル名だけが違います
   *[other] {""}
}。注記と各項目の出典にあるブックの名前とSHA-256の違いは、これ1件にまとめました。
diff-item-moved = 節: { $old } → { $new }
diff-item-scope-changed = 対象: { $old } → { $new }
diff-item-requirement-changed = 区分: { $old ->
    [required] 必須
    [next-year] 次年度項目
   *[recommended] 推奨
} → { $new ->
    [required] 必須
    [next-year] 次年度項目
   *[recommended] 推奨
}
diff-item-gate-changed = { $old ->
    [true] 前提の質問である
   *[false] 前提の質問でない
} → { $new ->
    [true] 前提の質問である
   *[false] 前提の質問でない
}
diff-item-not-applicable-changed = 対象外の条件: { $old } → { $new }
diff-item-guidance-changed = 説明が変わりました。
diff-item-references-changed = ガイドラインの参照: [{ $old }] → [{ $new }]
diff-item-probes-changed = プローブ: { $old } → { $new }
diff-list-none = なし
diff-item-verified-changed = 公式PDFとの照合: { $old ->
    [true] 済
   *[false] 未
} → { $new ->
    [true] 済
   *[false] 未
}

## render

render-finding-source = 出所
render-signer = 署名者
render-xlsx-to-terminal = XLSXのブックは端末には表示できません。`--out FILE`を指定するか、標準出力をファイルやプログラムに渡してください(`--out - > report.xlsx`)。

## report-html

report-html-lang = ja
report-html-title = 医療機関におけるサイバーセキュリティ対策チェックリストの回答報告
report-html-title-pharmacy = 薬局におけるサイバーセキュリティ対策チェックリストの回答報告
report-html-title-merged = 医療機関・薬局におけるサイバーセキュリティ対策チェックリストの回答報告
report-html-fiscal-year = { $wareki }(FY{ $year })
report-html-yes = はい
report-html-no = いいえ
report-html-na = 対象外
report-html-pass = 合格
report-html-fail = 不合格
report-html-unknown = 不明
report-html-severity-error = エラー
report-html-severity-warning = 警告
report-html-source-status = 回答の確認
report-html-source-contradiction = 回答と実機確認の矛盾
report-html-state-verified = 署名を信頼する鍵(鍵ID { $key })で確認し、すべてのファイルがマニフェストと一致しました。
report-html-state-integrity-only = すべてのファイルがマニフェストと一致しましたが、署名(鍵ID { $key })は信頼する鍵で確認していません。真正性の確認には`--trusted`または`--pubkey`を指定してください。
report-html-state-unsigned = すべてのファイルがマニフェストと一致しましたが、この報告書一式には署名がありません。
report-html-state-not-checked = `report.json`だけから作成したため、改ざんの有無は確認していません。報告書一式のフォルダを指定すると確認します。
report-html-state-bundled = このページは報告書と同時に作成され、報告書一式とともに署名されています(鍵ID { $key })。内容の確認には`medsec verify`を使ってください。
report-html-verification = 検証結果
report-html-key-id = 鍵ID
report-html-signed-at = 署名日時
report-html-page = ページ
report-html-generated-at = 作成日時
report-html-as-of = 基準日
report-html-institution = 医療機関等
report-html-institution-name = 名称
report-html-institution-code = 医療機関コード
report-html-institution-kind = 種別
report-html-prefecture = 都道府県
report-html-manager = 管理者
report-html-security-manager = 医療情報システム安全管理責任者
report-html-answered-by = 回答者
report-html-summary-no = いいえ(項目数、最新の回):
report-html-summary-overdue = 目標日超過(項目数、最新の回):
report-html-summary-unanswered = 1回目の未回答:
report-html-summary-findings = 指摘:
report-html-unverified-legend = ※の項目は、文言を公式の様式とまだ照合していません。
report-html-checklist-unknown = このチェックリストはこのmedsecにないため、項目をIDで表示しています：
report-html-items = チェック項目
report-html-col-number = 番号
report-html-col-item = 項目
report-html-col-scope = 対象
report-html-round-1 = 1回目
report-html-round-2 = 2回目
report-html-checked-on = 確認日
report-html-target-date = 目標日
report-html-overdue = 目標日超過
report-html-reason = 理由
report-html-note = 備考
report-html-carried-from = 前年度から引き継いだ回答で未確認：
report-html-evidence = 証跡
report-html-evidence-not-attached = 添付なし
report-html-probes = 実機確認の結果
report-html-probe-host = 確認した機器
report-html-probe-kind = 確認内容
report-html-probe-verdict = 判定
report-html-probe-reason = 理由
report-html-no-probes = 実機確認の結果は添付されていません。
report-html-probes-skipped-gate = 前提の質問が「いいえ」(医療情報システムがない)のため、ほかの項目はすべて対象外で、それだけを確かめるプローブ({ $count }件)は行っていません。
report-html-findings = 指摘
report-html-finding-code = コード
report-html-finding-severity = 重大度
report-html-finding-message = 内容
report-html-no-findings = 指摘はありません。
report-html-vendor-form = 事業者確認用
report-html-vendor-name = 事業者名
report-html-vendor-system = システム名
report-html-vendor-contact = 連絡先
report-html-vendor-signature = 事業者の署名
report-html-vendor-unsigned = 署名なし
report-html-footer-note = 各ページ下部のSHA-256と鍵IDは署名済みの報告書一式を指します。QRコードにも同じ値が入っています。
report-html-csv-form = 回答ファイル
report-html-csv-item-id = 項目ID
report-html-csv-round = 回
report-html-csv-answer = 回答
report-html-csv-unverified = 文言未照合
report-html-refused = `{ $path }`は表示しません。完全性または署名の確認に失敗しました(改ざんされた内容を正しいものとして示さないため):
report-html-refused-checklist = `{ $path }`は表示しません。報告書が回答したチェックリストをここでは使えないため({ $codes })、回答をそれに照らして示せません:
report-html-refused-unreadable = `{ $path }`は表示しません。報告書一式の一部を読み取れませんでした:
report-html-written = `{ $path }`に書き出しました。
out-format-mismatch = `--format { $format }`と`--out`の`{ $path }`(拡張子が示す形式は{ $named })が合っていません。どちらか一方だけを指定するか、両方をそろえてください。
report-html-xlsx-needs-out = XLSXのブックはファイルに書き出します。`--out FILE.xlsx`を指定してください(標準出力に送るときは`--out -`)。
out-extension-unknown = `--out`の`{ $path }`の拡張子はどの出力形式にも当たりません。使える拡張子: { $extensions }(拡張子のないファイル名は既定の形式で書き出します)。
out-extension-pdf = PDFは直接書き出せません(`{ $path }`)。`--out report.html`でHTMLに書き出し、ブラウザで開いて印刷(Ctrl+P)から「PDFに保存」を選んでください。使える拡張子: { $extensions }。

## workbook

workbook-empty = `{ $file }`は空のファイル(0バイト)です。ダウンロードかコピーが途中で終わった可能性があります。ブックを保存し直してから取り込んでください。
workbook-encrypted = `{ $file }`はXLSX(zip)ではなくOLE複合ファイル(先頭が`D0 CF 11 E0`)です。パスワードで保護(暗号化)されたブックか、古い`.xls`形式(Excel 97-2003)です。ここで読めるのはExcelのブック(`.xlsx`)だけです。Excelで開いてパスワードを解除するか「Excelブック(`.xlsx`)」として保存し、その写しを指定してください。
workbook-unreadable = `{ $file }`: { $reason }。
workbook-too-many-cells = シート`{ $sheet }`は結合セルを展開すると{ $max }セルを超えるため、読みませんでした。
workbook-several-sheets = チェックリストらしいシートが複数あります: { $sheets }。`--sheet NAME`でひとつ選んでください。
workbook-no-items-mapped = `--map`で番号の列とした{ $column }から下に、項目番号として読めるもの(①、(1)、1-①、2-(3)、1、No.1、Q1)がありません。この列にあるのは{ $found }です。番号の列の指定(`number=`)を確かめてください。
workbook-no-items-mapped-empty = `--map`で番号の列とした{ $column }から下は空です。番号の列の指定(`number=`)と見出しの行数(`header-rows=`)を確かめてください。
workbook-no-items-mapped-value = 「{ $value }」({ $cell })
workbook-no-items = { $header }に見出しがあります({ $layout })が、その下に番号(①、(1)、1-①、2-(3))の付いた項目がありません。`--map`で配置を指定してください。
workbook-empty-text = { $cell }: 項目{ $number }に文言がありません。
workbook-not-japanese = { $cell }: 項目{ $number }の文言に日本語がありません。項目の列が違う場合は`--map text=COLUMN`で指定してください。
workbook-duplicate-number = { $cell }: 項目{ $number }が重複しています(最初は{ $first })。ブックを直すか、各行に対象(サーバ、端末PCなど)を入れてください。
workbook-duplicate-number-scope-column = { $cell }: 項目{ $number }が重複しています(最初は{ $first })。{ $column }列の対象(サーバ、端末PCなど)で2つの行を区別できます。`scope={ $column }`を加えて`--map { $map }`と指定してください。
workbook-unknown-scope = { $cell }: `{ $value }`は対象(サーバ、端末PC、ネットワーク機器、医療情報システム全般)ではありません。その列を除いた配置を`--map`で指定してください。
workbook-section-too-large = { $cell }: 節{ $section }です。節の番号は0から9までです。
workbook-no-edition = 版がわかりません。`{ $file }`は既知の公式ブックではなく、表題に年度(令和N年度)もありません。`--edition`で指定してください(例: `--edition fy2026`)。
workbook-bad-edition = `{ $edition }`は版の書き方ではありません。fyYYYYの形で書いてください(例: fy2026)。
workbook-bad-id = チェックリストのID `{ $id }`はPUBLISHER-{ $form }の形にしてください(例: mhlw-{ $form })。
workbook-bad-map-key = `--map`: `{ $key }`は使えません。使えるのはnumber、text、section、scope、header-rows、gateです。
workbook-bad-map-column = `--map`: `{ $key }={ $value }`は列ではありません。Bのように列の英字で書いてください。
workbook-bad-map-rows = `--map`: header-rows=`{ $value }`は行数ではありません。
workbook-bad-map-text = `--map`: 項目の列がありません。text=COLUMNを加えてください。
workbook-bad-map-toml = `--map`のファイル: { $reason }。
workbook-registry = 公式ブックの一覧`{ $path }`を読めません: { $reason }。
workbook-notes-imported = ブック`{ $file }`(SHA-256 { $sha256 })のシート`{ $sheet }`から`medsec checklist import`で取り込みました。文言はセルのとおりで、セル内の改行だけをつなぎました。英語の欄は翻訳ではなく、日本語の文言のままです。
workbook-notes = { $imported }{ $provenance }
workbook-notes-official = このブックは公表された公式の{ $form }のブック({ $published }公表)で、SHA-256で照合しました。
workbook-notes-unofficial = このブックはSHA-256で照合できる公式のブックではないため、項目は未確認です。
workbook-unverified = { $file }(SHA-256 { $sha256 })から取り込みました。既知の公式ブックではありません。
workbook-guidance = 取り込んだ項目にはmedsecの解説がありません。公表元のマニュアルを参照してください。
workbook-untranslated = { $text }(未翻訳)
workbook-default-section = チェック項目
workbook-default-title = { $file }から取り込んだチェックリスト
workbook-imported = { $header }の見出し({ $layout })から{ $sections }節{ $items }項目を`{ $checklist }`として取り込みました。
workbook-official = `{ $file }`は公式の{ $form }のブック({ $edition })です。SHA-256が一致したため、項目を確認済みとしました。
workbook-unofficial = `{ $file }`は既知の公式ブックではないため、項目を未確認(verified = false)としました。
workbook-hash-differs = `{ $file }`は公式ブックと同じ名前ですが、SHA-256 { $sha256 }が公式の{ $official }と異なります。公表されたファイルではないため、項目を未確認としました。
workbook-skipped = 番号のない行は取り込みませんでした: { $cells }。
workbook-target-note-read = 目標日の期間を{ $cell }の注記「{ $note }」から読み取りました(この年度、`target_date = "fiscal-year"`)。
workbook-target-note-unread = { $cell }の注記「{ $note }」は目標日についてのものですが、この年度の期間として読み取れませんでした。`target_date`は`unknown`のままです。期間が分かる場合は、チェックリストファイルの`[rules]`に書いてください。
workbook-written = `{ $path }`に書き出しました。`--checklist { $path_word }`で使うか、`medsec checklist add { $path_word }`で登録してください。
workbook-out-exists = `{ $path }`はすでにあります。上書きするには`--force`を付けてください。
workbook-write-failed = `{ $path }`に書き込めません: { $reason }。
workbook-read-failed = `{ $path }`を読めません: { $reason }。
workbook-add-lint-failed = `{ $path }`は`medsec checklist lint`の確認で問題が見つかったため、登録しませんでした。
workbook-add-no-folder = この環境には利用者データのフォルダがありません。MEDSEC_DATA_DIRにフォルダを指定してください。
workbook-added = `{ $checklist }`を`{ $path }`に登録しました。今後は`--checklist`なしで使えます(`{ $command }`はこのチェックリストで回答ファイルを作ります)。
workbook-added-not-default = `{ $checklist }`を`{ $path }`に登録しました。この様式の回答ファイルは`--checklist`なしで読めますが、`medsec init`は{ $default }で作成します(登録したチェックリストが{ $default }より新しい年度のものではないため)。このチェックリストで作るときは`{ $command }`を使ってください。
workbook-added-not-default-same-year = `{ $checklist }`を`{ $path }`に登録しました。この様式の回答ファイルは`--checklist`なしで読めますが、`medsec init`は{ $default }で作成します(登録したチェックリストと同じ年度のものがほかにも登録されているため)。このチェックリストで作るときは`{ $command }`を使ってください。
workbook-add-exists = `{ $path }`には`{ $checklist }`の別のファイルがあります。上書きするには`--force`を付けてください。
workbook-add-same = `{ $checklist }`はすでに`{ $path }`に登録されています。
workbook-column-not-imported = 列「{ $header }」({ $cell })はmedsecのチェックリスト形式に置き場所のない列のため、取り込みませんでした。内容のあるセル: { $cells }。その内容は元のブックで確認してください。
workbook-column-not-imported-unnamed = 見出しのない列に内容があります({ $cell }など)。medsecのチェックリスト形式に置き場所がないため、取り込みませんでした。内容のあるセル: { $cells }。

## dates

dates-not-a-date = 「{ $text }」は日付として読めません。{ $year }-06-03、{ $year }/6/3、{ $year }.6.3、令和{ $reiwa }年6月3日、R{ $reiwa }.6.3、R{ $reiwa }/6/3のように書いてください。
dates-year-out-of-range = 「{ $text }」: { $year }年はここでは使えません(1900年以降にしてください)。
dates-no-such-day = 「{ $text }」は存在しない日付です。
dates-outside-era = 「{ $text }」は{ $era }の範囲外です({ $era }は{ $first }〜{ $last }です)。
dates-before-era = 「{ $text }」は{ $era }の範囲外です({ $era }は{ $first }からです)。

render-list-id = ID
render-list-edition = 版
render-list-form = 様式
render-list-items = 項目数
render-list-unverified = 未確認
render-list-digest = ダイジェスト
render-list-origin = 出所
render-origin-bundled = 内蔵
render-origin-bundled-path = 内蔵:`{ $path }`
# $year is for the English text only.
render-fiscal-year = { $wareki }{ $year ->
   *[other] {""}
}
render-show-number = 番号
render-show-scope = 対象
render-show-item = 確認項目
render-show-status = 区分
render-show-unverified-mark = ※未確認
render-show-legend = ※未確認: 文言または番号が{ $against }とまだ照合されていない項目です。
render-show-edition = 版
render-show-guideline = ガイドライン
render-guideline = ガイドライン第{ $version }版
render-guideline-version = 第{ $version }版
render-show-digest = ダイジェスト
render-show-serves = 対象施設

## summarize

summarize-col-bundle = 報告書一式
summarize-col-result = 結果
summarize-col-exit-code = 終了コード
summarize-col-worst = 最も重い指摘
summarize-col-code = 医療機関コード
summarize-col-name = 医療機関名
summarize-col-institution = 医療機関
summarize-col-prefecture = 都道府県
summarize-col-checklist = チェックリスト
summarize-col-edition = 版
summarize-col-edition-printed = 版の表記
summarize-cell-note = 注記: { $code }
summarize-note-label = { $code ->
    [checklist-not-official] 公式の様式ではないチェックリスト(項目は未確認)
    [checklist-gate-named-at-import] 取り込みのときに指定された前提の設問
    [checklist-workbook-not-compared] 検査側のブックとの照合なし
    [target-date-passed-since-signing] 署名の後に過ぎた目標日
    [vendor-signature-unchecked] 確かめていない事業者の署名
   *[other] { $code }
}
summarize-col-notes = 注記
summarize-col-fiscal-year = 年度
summarize-col-complete = 記入完了
summarize-col-no = いいえ
summarize-col-overdue = 目標日超過
summarize-col-probe-evidence = プローブ証跡
summarize-col-probe-failures = プローブ不合格
summarize-col-contradictions = 回答との矛盾
summarize-col-probes = プローブ
summarize-col-signed = 署名日
summarize-col-key = 鍵ID
summarize-col-sha256 = report.jsonのSHA-256
summarize-col-answers = 回答
summarize-cell-complete = 記入完了
summarize-cell-incomplete = 未完了
summarize-cell-no = いいえ{ $count }件
summarize-cell-overdue = 目標日超過{ $count }件
summarize-finding-of-item = { $item }: { $finding }
summarize-probes = 不合格{ $failures }・矛盾{ $contradictions }
summarize-probes-none = 証跡なし
summarize-written = { $count }件の報告書一式の一覧を`{ $path }`に書き出しました。
summarize-xlsx-needs-out = XLSXの一覧はファイルに書き出します。`--out FILE`を指定してください。
summarize-sheet = 報告書一式の一覧
summarize-col-code-prefecture = コードの都道府県
summarize-cell-code-prefecture = 注意: コードは{ $prefecture }のものです。
summarize-unverified = (未検証)
summarize-xlsx-to-terminal = XLSXの一覧は端末には表示できません。`--out FILE`を指定するか、標準出力をファイルやプログラムに渡してください(`--out - > summary.xlsx`)。

## check
check-step-answers = 回答
check-step-status = 記入状況
check-step-probes = プローブ
check-step-key = 署名の鍵
check-step-report = 署名付きの報告書(HTMLを含む)
check-step-verify = 検証
check-progress = [{ $step }/{ $steps }] { $what }
check-progress-probe = { $step }: { $probe }
check-heading = == { $what } ==
check-no-answers = このフォルダに回答ファイルがありません。`--answers FILE`で指定するか、`medsec init`で作って記入してください(端末で`medsec check`を実行すると、作成して1問ずつ質問します)。
check-answers-not-found = `{ $path }`がありません。`{ $command }`で作って記入してください(端末で`medsec check`を実行すると、作成して1問ずつ質問します)。
check-several-answers = このフォルダには回答ファイルが複数あります({ $files })。点検するファイルを`--answers FILE`で指定してください。
check-passphrase-needed = 鍵`{ $path }`にはパスフレーズが必要ですが、質問できません(端末がないか、`--non-interactive`または`--format json`が指定されています)。パスフレーズを入れた環境変数を`--passphrase-env VAR`で指定してください。
check-cannot-write = `{ $path }`に書き込めません: { $error }。
check-written = 書き出したもの:
check-written-answers = 回答ファイル: `{ $path }`(新規作成)
check-written-evidence = プローブの証跡: `{ $path }`
check-written-bundle = 署名付きの報告書一式: `{ $path }`(鍵{ $key })
check-written-bundle-replaced = 前のチェックが同じ場所に書き出した署名付きの報告書一式(報告書のSHA-256 { $old })を置き換えました。前のものを印刷した`report.html`はこの一式とは一致しません。この報告書のSHA-256は{ $new }です。
check-written-html = 閲覧・印刷用の報告書: `{ $path }`
check-written-throwaway-key = 使い捨ての鍵: `{ $secret }`と`{ $public }`
check-none = なし
check-interrupted = 中断しました。このチェックが`{ $path }`に新しく作ったファイルは削除しました。
check-missing = 足りないもの:
check-missing-incomplete = 回答が完了していません(上の記入状況を参照してください)。
check-missing-probe-failed = 不合格のプローブが{ $count }件あります(上のプローブの結果を参照してください)。
check-missing-contradiction = プローブの結果が「はい」の回答{ $count }件と矛盾しています。
check-missing-probe-unknown = 判定できなかったプローブが{ $count }件あります(理由は上のプローブの結果を参照してください)。
check-missing-no-probe-evidence = 回答と機器の状態の照合が行われていません(警告[no-probe-evidence]): { $kind ->
    [empty] プローブの設定が空で、プローブの結果が1件もありません。
    [no-item] プローブの証跡が、この様式のどの項目にも対応していません(プローブが知る項目IDと異なります。例: `--ids-from`なしで取り込んだチェックリスト)。
   *[other] プローブの証跡がありません。
}
check-missing-report-findings = 報告書にエラーが{ $count }件記録されています。
check-missing-verify-findings = 報告書一式の検証で指摘があります(上を参照してください)。
check-missing-verify-failed = 書き出した報告書一式が検証に失敗しました。
check-missing-throwaway-key = 報告書は使い捨ての鍵で署名されています。検査員はこの鍵を知りません。
check-missing-vendor-unchecked = 事業者確認用の事業者の署名{ $count }件を確かめていません(事業者の公開鍵が必要です)。
check-next-vendor-key = 事業者から受け取った公開鍵を指定して、`{ $command }`をもう一度実行してください。
report-html-vendor-unverified = (未検証: このページでは事業者の公開鍵で確かめていません)
check-next = 次に:
check-next-answer = 上の記入状況に挙げた未回答の項目に答えるか誤りを直して(`medsec answer { $file }`、またはファイルを直接編集)、もう一度`{ $command }`を実行してください。
check-next-verify-failed = この報告書一式は提出しないでください。もう一度`{ $command }`を実行し、それでも失敗する場合は問題を報告してください。
check-next-fix-probes = プローブで見つかった問題を直すか、`{ $file }`の回答を正してから、もう一度`{ $command }`を実行してください。
check-next-verify = 指摘の内容は`{ $command }`で確認できます。
check-next-probe-evidence = { $kind ->
    [no-item] 前の版のIDを引き継ぐよう、`--ids-from`を付けてチェックリストを取り込み直し(`medsec checklist import WORKBOOK.xlsx --ids-from ID@EDITION`)、その後もう一度`{ $command }`を実行してください。
   *[other] この機器で使うプローブを設定(`--probes`のファイル。`[[probe]]`の表ごとに`kind = "patch-level"`のようにプローブを1つ書きます)に書き、もう一度`{ $command }`を実行してください。
}
check-next-keygen-again = `medsec keygen --out NAME`で医療機関の鍵を作り、`NAME.pub`を検査員に渡して、`{ $command }`をもう一度実行してください。
check-result-ok-but-missing = 点検は最後まで実行しましたが、「足りないもの」に挙げたものが残っています。上の「次に」の手順を行ってください。
check-next-done = 立入検査のために`{ $html }`を印刷し、`{ $bundle }`を保管して、`{ $public }`を検査員に渡してください。
check-result-ok = 今年度の点検は完了しました。
check-result-ok-year = { $wareki }(FY{ $year })の点検は完了しました。
check-result-findings = 今年度の点検には指摘があります(終了コード1)。
check-result-failed = 今年度の点検は失敗しました。
check-missing-unusable = 回答ファイルを読み取れません(上の問題を参照してください)。
check-next-fix-answers = `{ $file }`(またはそこに記載した事業者確認用のファイル)の問題を直してから、もう一度`{ $command }`を実行してください。
check-done-step = ✓ [{ $step }/{ $steps }] { $sentence }
check-failed-step = ✗ [{ $step }/{ $steps }] { $sentence }
check-done-answers = 回答ファイル`{ $path }`を点検しました。
check-done-status = { $complete ->
    [yes] 回答の記入は完了しています。
   *[no] 回答の記入が完了していません。
}
check-done-probe-counts = プローブの結果は、合格{ $pass }件、不合格{ $fail }件、不明{ $unknown }件、回答との矛盾{ $contradictions }件です。
check-done-key = { $throwaway ->
    [yes] 使い捨ての鍵{ $key }で署名します。
   *[no] 鍵{ $key }で署名します。
}
check-done-report = 署名付きの報告書を`{ $path }`に書き出しました。
check-done-verify = { $result ->
    [valid] 書き出した報告書を検証しました。有効です。
    [findings] 書き出した報告書を検証しました。指摘があります。
    [invalid] 書き出した報告書を検証しました。無効です(完全性または署名の確認に失敗しました)。
   *[unusable] 書き出した報告書を検証できませんでした。
}

check-form-question = ここにはまだ回答ファイルがありません。どの様式に回答しますか。
check-form-choice = { $number }) { $form }({ $checklist })
check-form-choice-default = { $number }) { $form }({ $checklist })[既定]
check-form-prompt = 番号[{ $default }](qで終了):{" "}
check-form-input-ended = 入力の終わり(Ctrl-D)を受け取りました。
check-form-quit = 様式を選ばずに終了しました。回答ファイルは作っておらず、何も書き込んでいません。様式を選ぶには、もう一度`{ $command }`を実行してください。
check-form-invalid = 1〜{ $count }の番号を入力してください(Enterだけなら{ $default }です)。
check-form-chosen = 様式「{ $form }」(`{ $checklist }`)の回答ファイルを作ります。`--form { $forms }`を付ければ、尋ねずにこの様式を選びます。
check-form-default = `medsec init --form { $value }`で作れます(様式「{ $form }」、`{ $checklist }`)。別の様式は`--form { $others }`で選べます。
## probes-windows

# Windows でのプローブの理由・警告・アカウントの指摘(src/probes/windows/)。コードごとに1つ
# (docs/probes.md 参照)。$query は updates、accounts、listeners のどれか。
probes-windows-powershell-missing = { $query ->
    [updates] PowerShell(`{ $tool }`)が使えないため、インストール済みの更新と未適用の更新を読めません。PowerShellのある環境で実行するか、そのPCで`Get-HotFix | Export-Csv -NoTypeInformation hotfix.csv`を実行して書き出し、`hotfix_csv`に指定してください。
    [accounts] PowerShell(`{ $tool }`)が使えないため、ローカルアカウントを読めません。
   *[other] PowerShell(`{ $tool }`)が使えないため、待ち受けポートをPowerShellで読めません。
}
probes-windows-powershell-failed = { $query ->
    [updates] 更新の一覧
    [accounts] ローカルアカウント
   *[other] 待ち受けポート
}を読むPowerShellが終了コード{ $code }で失敗しました。エラー出力:「{ $stderr }」
probes-windows-powershell-output-not-understood = PowerShellが返した{ $query ->
    [updates] 更新の一覧
    [accounts] ローカルアカウント
   *[other] 待ち受けポート
}の情報が、medsecのスクリプトの出力の形ではありません({ $error })。
probes-windows-end-of-servicing = { $product }(ビルド{ $build })のセキュリティ更新は{ $end_date }で終了しています(サービス終了。出典: { $source })。サポート中のバージョンに移行してください(拡張セキュリティ更新(ESU)を購入していても、この機器からは確認できません)。
probes-windows-end-of-servicing-soon = { $product }のセキュリティ更新は{ $end_date }まで(あと{ $days }日)です。サポート中のバージョンへの移行を計画してください。
probes-windows-os-build-unknown = Windowsのビルド{ $build }({ $edition })はmedsecのサポート期限表にないため、セキュリティ更新が続いているかどうかわかりません。
probes-windows-update-agent-unavailable = Windows Updateエージェントから未適用の更新の一覧を得られなかったため({ $error })、未適用の更新はわかりません。
probes-windows-pending-updates-read = Windows Updateエージェントの前回の検索では、未適用の更新が{ $count }件(うちセキュリティ更新{ $security }件)あります(medsecはこの一覧を読むだけで、新たな検索はしません)。
probes-windows-administrators-unknown = Administratorsグループ(S-1-5-32-544)のメンバーを読めなかったため({ $error })、どのアカウントが管理者かわかりません。
probes-windows-passwords-never-expire = パスワードに有効期限のない有効なアカウントがあります({ $count }件): { $accounts }。13文字以上のパスワードでも二要素認証でもなければ、定期的な変更が必要です。有効期限を設定してください(ローカルセキュリティポリシーの「パスワードの有効期間」、またはアカウントの「パスワードを無期限にする」をオフ)。
probes-windows-remote-entry-points-open = リモートデスクトップ(RDP、3389番)またはファイル共有(SMB、445番)のポートが、すべてのアドレスで待ち受けていて`allowed_ports`にありません({ $count }件): { $ports }。国内の医療機関のランサムウェア被害で多い侵入口です。閉じるか、必要なアドレスだけに制限してください(Windows Defenderファイアウォール)。
probes-windows-remote-entry-points-listening = リモートデスクトップ(RDP、3389番)またはファイル共有(SMB、445番)が、すべてのアドレスで待ち受けています: { $ports }。ランサムウェアの侵入口として多いポートです。必要なアドレスだけに制限してください。
probes-windows-netstat-fallback = { $cause ->
    [missing] PowerShellが使えない
    [not-understood] PowerShellの出力を読み取れなかった({ $detail })
   *[other] PowerShellが失敗した({ $detail })
}ため、待ち受けポートを`netstat -ano`で読みました。実行中のサービスはわかりません。
probes-windows-backup-on-network-share = バックアップはネットワーク共有`{ $path }`上にあり、この機器から今つながっています。この機器がランサムウェアに感染すると、バックアップも暗号化や削除の被害を受けるおそれがあります。別の世代をオフラインか、この機器から書き込めない場所に保管してください。
probes-windows-backup-on-mapped-drive = バックアップはネットワークドライブ`{ $drive }`上にあり、今つながっています。この機器がランサムウェアに感染すると、バックアップも暗号化や削除の被害を受けるおそれがあります。別の世代をオフラインか、この機器から書き込めない場所に保管してください。
probes-windows-backup-on-removable-drive = バックアップはリムーバブルドライブ`{ $drive }`上にあり、今つながっています。つないだままのUSBディスクはランサムウェアの被害を受けるおそれがあります。バックアップのたびに取り外し、別の世代をオフラインで保管してください。
probes-windows-backup-on-usb-disk = バックアップはUSB接続のディスク`{ $drive }`上にあり、今つながっています(Windowsは固定ドライブとして扱っています)。つないだままのUSBディスクはランサムウェアの被害を受けるおそれがあります。バックアップのたびに取り外し、別の世代をオフラインで保管してください。
probes-windows-backup-on-system-drive = バックアップがシステムドライブ`{ $drive }`上にあります。この機器が被害を受けると、バックアップも一緒に失われます。別の媒体かオフラインにも世代を保管してください。
probes-windows-flag-builtin-administrator-enabled = 組み込みのAdministratorアカウントが有効(複数の人で共用する管理者アカウントです。管理者ごとに個別のアカウントを作ってください)
probes-windows-flag-guest-enabled = 組み込みのGuestアカウントが有効
probes-windows-flag-password-not-required = パスワードなしで使える設定(PasswordRequiredがオフ)
## answers-field
answers-field-expected-integer = 整数(引用符なし、例: 1)
answers-field-row-cell = { $row }({ $cell })
answers-field-row-finding = { $place }: { $message }
answers-field-dash-unanswered = { $place }: 回答「{ $value }」は未回答として扱い、取り込んでいません。対象外にする場合は「対象外」と書き、理由も書いてください。
answers-field-import-warning = 警告: { $message }
answers-field-walk-help-steps = 確認日などの入力欄でもb=前の欄に戻る、q=終了(入力済みの内容は保存されています)
answers-field-walk-not-applicable-unmet = この項目を対象外にできるのは、{ $when }場合だけです。回答ファイルにそう記入されていないため、対象外は選べません。
answers-field-walk-today-outside = 注意: 確認日を今日({ $date })にしましたが、この様式は{ $fiscal_year }({ $start }〜{ $end })のものです。違う日であればbで戻って入力し直してください。
answers-walk-checked-on-outside = 注意: 確認日{ $date }は、この様式の{ $fiscal_year }({ $start }〜{ $end })の期間外です。違う日であればbで戻って入力し直してください。
answers-field-walk-vendor-contract = 医療情報システムについて事業者と契約していますか(はい/いいえ)
answers-field-walk-yes-or-no = 「はい」か「いいえ」で答えてください(Enterでとばす)。
## rules-data
rules-data-checked-on-required = 項目ごとに確認日を記入
rules-data-checked-on-not-on-form = 項目ごとの確認日の欄なし
rules-data-checked-on-unknown = 項目ごとの確認日の欄が様式にあるかは不明
rules-data-target-fiscal-year = その版の年度中
rules-data-target-next-fiscal-year = 翌年度末まで
rules-data-target-unknown = 期間は様式からは不明
rules-data-on-form = 様式にあり
rules-data-not-on-form = 様式になし
rules-data-unknown = 様式にあるかは不明
rules-data-gate-all-other-items = ほかのすべての項目
rules-data-unknown-value = `[rules]`の`{ $field }`に`{ $value }`は使えません。使える値は{ $names }です。
rules-data-checked-on-unconfirmed = 確認日(checked_on)のない回答が{ $count }件あります。{ $fiscal_year }版の様式に項目ごとの確認日の欄があるかは確認できていないため、確認した日付を記入してください。
rules-data-target-date-window-unconfirmed = { $item }: 目標日{ $date }は{ $fiscal_year }({ $start }〜{ $end })の範囲外です。この版でこれが認められるかは確認できていません。
rules-data-target-date-overdue = { $item }: 目標日{ $date }を過ぎています({ $as_of }時点)。対策を実施して「はい」と回答するか、遅れている理由を記録してください。
rules-data-round-not-on-form = { $item }: { $fiscal_year }版の様式には2回目の欄がありません。この2回目の回答を削除してください。
rules-data-lint-missing = `{ $checklist }`に`[rules]`がありません。medsecは、記入のルールがデータになる前と同じルールを当てはめます。
rules-data-lint-gate-not-on-form = `[rules]`は`gate = "not-on-form"`ですが、項目`{ $item }`が前提の質問(`gate = true`)になっています。
rules-data-lint-gate-missing = `[rules]`は`gate = "on-form"`ですが、前提の質問(`gate = true`)の項目がありません。
rules-data-lint-reference-only-required = `[rules]`の`reference_only`に`required`があります。必須の項目を参考項目にはできません。
rules-data-lint-requirement-unlisted = 区分`{ $requirement }`の項目がありますが、`[rules]`の`reference_only`にありません。
rules-data-lint-next-year-without-items = `[rules]`に`next_year_target`がありますが、`next-year`の項目がありません。
rules-data-verify-target-passed-since-signing = { $item }: 目標日{ $date }は、報告書の作成日({ $signed })より後に過ぎています。{ $as_of }時点で対策が実施されたかを確認してください。
verify-target-passed-since-judged = { $item }: 目標日{ $date }は、報告書が判断の基準にした日({ $judged }。作成は{ $made })より後に過ぎています。{ $as_of }時点で対策が実施されたかを確認してください。
verify-as-of-long-before-made = 報告書は{ $made }に作成・署名されましたが、{ $days }日前の{ $judged }の時点として判断されています(`check --as-of`)。作成日までに過ぎた目標日も、報告書の上では期限内に見えます。作成日の時点での状況を確認してください。
rules-data-verify-checklist-file-invalid = 報告書一式に含まれるチェックリストのファイル`{ $file }`を読み込めません: { $reason }。
rules-data-verify-checklist-file-mismatch = 報告書一式に含まれるチェックリストのファイル`{ $file }`のダイジェストは{ $found }ですが、`report.json`には{ $named }と書かれています。
rules-data-verify-checklist-no-source = `{ $checklist }`(報告書一式に含まれる`{ $file }`)には、元になった公式のブックが記録されていません。厚生労働省の公式の様式ではないため、文言を確認してください。
rules-data-verify-checklist-not-official = `{ $checklist }`(報告書一式に含まれるもの)は`{ $workbook }`から取り込まれていますが、medsecの知っている公式のブックではありません(SHA-256 { $sha })。厚生労働省の公式の様式ではないため、文言を確認してください。
rules-data-list-guideline = ガイドライン
rules-data-show-rules = 記入のルール
rules-data-show-next-year = (翌年度の項目: { $window })
rules-data-show-rules-value = 確認日: { $checked_on }、目標日: { $target }{ $next_year }、2回目: { $round_2 }、前提の質問: { $gate }
rules-data-init-kind-not-served = { $from }は{ $kind }の回答ですが、`{ $checklist }`はこの種類の施設を対象としていません(対象: { $serves })。何も書き込んでいません。`medsec init --form`または`--checklist`で様式を選んでください。
## lint-ci

lint-ci-invalid-config = 検査の設定に誤りがあります(詳細: { $detail })。
lint-ci-title-year-mismatch = タイトルには{ $written }とありますが、`fiscal_year`は{ $year }です(版{ $edition })。
lint-ci-rule-full = { $description }。既定の重大度: { $severity }。`--allow { $code }`または`medsec-lint.toml`の`allow = ["{ $code }"]`で報告しないようにできます。
lint-ci-rule-full-not-allowable = { $description }。既定の重大度: { $severity }。`--allow`でも`medsec-lint.toml`の`allow`でも外せません。
lint-ci-rule-no-checklist-files = 指定したパスにチェックリストのファイル(`.toml`)があること
lint-no-checklist-files = { $paths }にチェックリストのファイル(`.toml`)がありません。パスを確かめてください。
lint-code-not-allowable = `{ $code }`は外せません。読めないファイル、使えないファイル、設定ファイルの誤り、チェックリストのないパス、同じ版のままの重大な変更は、常にエラーです。
lint-ci-rule-help = 示された箇所でチェックリストファイルを直し、もう一度`medsec checklist lint`を実行してください。
lint-ci-rule-unreadable = チェックリストのファイルやフォルダを読めること
lint-ci-rule-not-utf8 = チェックリストのファイルがUTF-8のテキストであること
lint-ci-rule-parse-error = チェックリストのファイルが正しいTOMLで、既知のキーだけを使っていること
lint-ci-rule-unsupported-format-version = `format_version`がこのmedsecの読める版であること
lint-ci-rule-missing-field = 必須の項目(`serves`、`items`など)があること
lint-ci-rule-invalid-id = チェックリスト、発行元、項目のidがkebab-caseであること
lint-ci-rule-id-form-mismatch = チェックリストのidが「発行元-様式」であること
lint-ci-rule-invalid-fiscal-year = `fiscal_year`が2000から2100までの年であること
lint-ci-rule-invalid-edition = 版が`fyYYYY`の形であること
lint-ci-rule-edition-year-mismatch = 版と`fiscal_year`が同じ年度を指していること
lint-ci-rule-title-year-mismatch = タイトルに書かれた年度(令和7年度、FY2025など)が`fiscal_year`と同じであること
lint-ci-rule-invalid-guideline-version = `guideline_version`が6.0のような形であること
lint-ci-rule-invalid-date = `published`が日付だけであること
lint-ci-rule-invalid-url = `source_url`がhttpまたはhttpsのURLであること
lint-ci-rule-unknown-form = 様式が`institution`、`pharmacy`、`vendor`のいずれかであること
lint-ci-rule-unknown-institution-kind = `serves`が既知の施設の種類であること
lint-ci-rule-unknown-scope = 項目の対象が既知のものであること
lint-ci-rule-unknown-requirement = 項目の区分が既知のものであること
lint-ci-rule-unknown-not-applicable-rule = 対象外とできる条件が既知のものであること
lint-ci-rule-unknown-probe-kind = プローブの種類が既知のものであること
lint-ci-rule-missing-translation = すべてのテキストに日本語と英語の両方があること
lint-ci-rule-ja-not-japanese = 日本語のテキストに日本語の文字があること
lint-ci-rule-duplicate-section-id = 節のidが重複していないこと
lint-ci-rule-duplicate-item-id = 項目idが重複していないこと
lint-ci-rule-duplicate-number = 番号と対象が同じ項目が2つないこと
lint-ci-rule-multiple-gates = 前提の質問が1つの様式に1つまでであること
lint-ci-rule-invalid-replaces = `replaces`がこの版に残っていない別の項目のidを指していること
lint-ci-rule-invalid-number = 項目の番号の形が正しいこと(2-(4)、2-④、0)
lint-ci-rule-unknown-section = 項目が宣言済みの節を指していること
lint-ci-rule-number-section-mismatch = 項目の番号がその節で始まっていること
lint-ci-rule-empty-section = どの節にも項目があること
lint-ci-rule-unknown-guideline-ref = ガイドラインの参照が編と箇所を示していること
lint-ci-rule-verified-with-note = 確認済みの項目に未確認の注記が残っていないこと
lint-ci-rule-unverified-wording = 公式PDFと未照合の項目に印があり、何が未確認かが書かれていること
lint-ci-rule-duplicate-checklist = 同じID@EDITIONが1回だけ定義されていること
lint-ci-rule-invalid-lint-config = `medsec-lint.toml`を読めて、キーが`deny`と`allow`だけであること
lint-ci-rule-unknown-rule-value = `[rules]`の値が既知のものであること
lint-ci-rule-rules-gate-mismatch = `[rules]`の`gate`が、設問0(医療情報システムの有無)があるかどうかと合っていること
lint-ci-rule-rules-reference-only-required = `reference_only`に`required`を挙げないこと
lint-ci-rule-rules-requirement-unlisted = 各項目の要件が`required`か、`reference_only`に挙げたものであること
lint-ci-rule-rules-next-year-without-items = `next_year_target`は翌年度対象(`next-year`)の項目があるときだけ設定すること
lint-ci-rule-rules-missing = 厚生労働省のチェックリストに`[rules]`ブロックがあること
lint-ci-rule-extends-invalid = `extends`が`ID@EDITION`の形であること
lint-ci-rule-extends-out-of-scope-without-base = `[[out_of_scope]]`は`extends`のあるファイルだけで使うこと
lint-ci-rule-extends-item-prefix = 独自項目のIDが`発行者-`で始まること
lint-ci-rule-extends-duplicate-out-of-scope = 同じ項目を二度対象外にしないこと
lint-ci-rule-extends-missing-reason = 対象外にする項目に日本語と英語の理由があること
lint-ci-rule-extends-unknown-base = `extends`の元のチェックリストが既知であること
lint-ci-rule-extends-chain = 元のチェックリスト自体が他を拡張していないこと
lint-ci-rule-extends-other-form = 元のチェックリストが同じ様式であること
lint-ci-rule-extends-other-edition = 元のチェックリストが同じ版であること
lint-ci-rule-extends-same-publisher = 独自チェックリストの発行者が元と異なること
lint-ci-rule-extends-item-collision = 独自項目のIDが元の項目のIDと重ならないこと
lint-ci-rule-extends-item-shadows = 独自項目のIDが元の項目が置き換えたIDと重ならないこと
lint-ci-rule-extends-number-collision = 独自項目の番号が元の項目の番号と重ならないこと
lint-ci-rule-extends-section-collision = 独自の節のIDが元の節のIDと重ならないこと
lint-ci-rule-extends-unknown-out-of-scope = 対象外にする項目が元のチェックリストにあること
lint-ci-rule-base-item-required-out-of-scope = 全ての医療機関等が回答する元のチェックリストの項目を対象外にしないこと

## diff-ci

diff-ci-metadata-changed = { $field ->
    [title-ja] 日本語のタイトル
    [title-en] 英語のタイトル
    [published] 公表日
    [source_url] 出典URL
   *[other] { $field }
}: { $old } → { $new }
diff-ci-notes-changed = { $field ->
    [notes-ja] 日本語の注記
   *[other] 英語の注記
}の違う部分: 「{ $old }」→「{ $new }」(JSON出力に変更前後の全文があります)。
diff-ci-notes-added-or-removed = { $field ->
    [notes-ja] 日本語の注記
   *[other] 英語の注記
}が追加または削除されました(JSON出力に変更前後の全文があります)。
diff-ci-item-sources-changed = 出典: [{ $old }] → [{ $new }]
diff-ci-item-unverified-note-changed = 未確認の注記が{ $how ->
    [added] 付きました
    [removed] なくなりました
   *[changed] 変わりました
}(JSON出力に変更前後の注記があります)。
diff-ci-breaking-same-edition = 重大な変更が{ $count }件ありますが、版({ $edition })と`format_version`({ $version })が変わっていません。変更したファイルには新しい版を付けてください。
diff-ci-file-added = 新しいファイル: { $place }(`{ $checklist }`)
diff-ci-file-removed = 削除されたファイル: { $place }(`{ $checklist }`)
diff-ci-files-summary = { $pairs }個のファイルを比較しました(追加{ $added }、削除{ $removed })。
diff-ci-md-title = チェックリストの変更
diff-ci-md-impact = 影響
diff-ci-md-change = 変更
diff-ci-md-no-changes = 変更はありません。
diff-ci-git-missing = `git`を実行できません({ $detail })。gitのリビジョンを比べるにはgitが必要です。
diff-ci-unknown-revision = gitにリビジョン`{ $revision }`がありません。名前を確かめるか(`git branch -a`、`git log --oneline`)、`git fetch`で取り込んでください。
diff-ci-not-a-repository = リビジョンを比較できません: { $detail }。gitリポジトリの中で実行するか、フォルダ同士・ファイル同士を比較してください。
diff-ci-no-checklists = `{ $old }`にも`{ $new }`にも、{ $paths }の下にチェックリストのファイル(`.toml`)がありません。パスを確かめてください。
diff-ci-git-failed = gitでリビジョン`{ $revision }`の`{ $path }`を読めません({ $detail })。
diff-ci-checklist-failed = { $place }: { $detail }
diff-ci-mixed-sides = { $old }と{ $new }は、両方ともフォルダか、両方ともチェックリストにしてください。
## checklist-extends
checklist-extends-invalid = `extends = "{ $base }"`はチェックリストをID@版の形で指していません。例: `mhlw-institution@fy2025`
checklist-extends-out-of-scope-without-base = `[[out_of_scope]]`には`extends`が必要です。項目を対象外にできるのは、ほかのチェックリストを拡張する独自チェックリストだけです。
checklist-extends-item-prefix = 独自項目`{ $id }`のIDは`{ $prefix }`(発行者)で始めてください。元のチェックリストの項目と重ならないようにするためです。
checklist-extends-duplicate-out-of-scope = 項目`{ $item }`が二度、対象外とされています。
checklist-extends-missing-reason = 対象外の項目`{ $item }`には、日本語と英語の理由が必要です(`reason = {"{"} ja = "…", en = "…" {"}"}`)。
checklist-extends-unknown-base = 元のチェックリスト`{ $base }`が見つかりません(使えるチェックリスト: { $known })。`--checklist`で指定するか、`medsec checklist add`で追加してください。
checklist-extends-chain = `{ $base }`自体が`{ $its_base }`を拡張しています。独自チェックリストが拡張できるのは、何も拡張していないチェックリストだけです。`{ $its_base }`を直接拡張してください。
checklist-extends-other-form = `{ $base }`は{ $base_form }の様式ですが、このチェックリストは{ $form }の様式です。
checklist-extends-other-edition = `{ $base }`はこのチェックリストの版`{ $edition }`と違う版です。独自チェックリストの版は元のチェックリストと同じにしてください。
checklist-extends-same-publisher = 独自チェックリストには、`{ $base }`の発行者`{ $publisher }`とは別の発行者を付けてください。
checklist-extends-item-collision = 独自項目`{ $id }`のIDは、`{ $base }`の項目{ $number }と同じです。
checklist-extends-number-collision = 独自項目`{ $id }`の番号{ $number }は、`{ $base }`の項目`{ $theirs }`と同じです。独自の節に独自の番号を付けてください。
checklist-extends-item-shadows = 独自項目`{ $id }`のIDは、`{ $base }`の項目が置き換えた以前の項目と同じです。
checklist-extends-section-collision = 独自の節`{ $section }`は、`{ $base }`にすでにある節です。独自項目には別の節を設けてください。
checklist-extends-unknown-out-of-scope = 対象外とされた`{ $item }`は`{ $base }`の項目ではありません。
checklist-extends-unknown-out-of-scope-near = 対象外とされた`{ $item }`は`{ $base }`の項目ではありません。`{ $suggestion }`({ $label })の書き誤りであれば直してください。
checklist-extends-base-changed = 報告書のチェックリスト`{ $checklist }`が拡張しているのは{ $recorded }ですが、ここで使えるチェックリストが拡張しているのは{ $current }です。報告書を作った後に元のチェックリストが変わっています。
checklist-extends-show-base = 拡張元
checklist-extends-show-heading = `{ $base }`のうち、ここでは使わない項目
checklist-extends-show-out-of-scope = 対象外
checklist-extends-show-reason = 理由

## checklist-new
checklist-new-invalid-edition = `--edition`の`{ $edition }`は版の形ではありません。fyYYYYの形で書いてください(例: `fy2026`)。
checklist-new-not-later = `--edition`の`{ $edition }`は`{ $from }`より後の版ではありません。新しい版は元にする版の後の年度にしてください。
checklist-new-source = `{ $file }`: `{ $key }`がないか読み取れないため、このファイルから新しい版を作れません。
checklist-new-notes = { $wareki }(FY{ $year })版の下書きです。`{ $from }`から`medsec checklist new`で作りました。項目はすべてその版から引き継いだもので、新しい様式と照合するまで未確認です。版、年度、表題、記入のルールは新しい年度に進めてあります。公表日はわかるまで空けてあり、ガイドラインの版は、新しい版についてmedsecが持つ事実があればそれに合わせてあります。この注記は、新しい版についてわかっていることに書き換えてください。
checklist-new-carried = `medsec checklist new`が`{ $from }`の項目`{ $id }`から引き継ぎました。文言、番号、対象を新しい様式と照合してください。
checklist-new-previous-note = 以前の注記: { $note }
checklist-new-guideline-carried = { $from }から引き継ぎました。{ $edition }について確認してください。
checklist-new-written = `{ $path }`を書きました(`{ $checklist }`、{ $count }項目、すべて未確認)。次に文言を直し、`medsec checklist lint { $path_word }{ $global }`と`medsec checklist diff { $from } { $path_word }{ $global }`を実行してください。
checklist-new-out-of-scope-carried = 対象外にしていた{ $item }は`{ $base }`で{ $items }に置き換えられたため、{ $items }を対象外にしました(理由はそのままです。確かめてください)。
checklist-new-out-of-scope-merged = 対象外にしていた{ $item }は、`{ $base }`でほかの項目とまとめて{ $items }になりました。{ $items }は対象外にしていない項目も含むため、対象外の指定を外しました。回答してください。
checklist-new-out-of-scope-dropped = 対象外にしていた{ $item }は`{ $base }`になく、置き換える項目もないため、対象外の指定を外しました。
checklist-new-base-unknown = 新しい`{ $checklist }`が拡張する`{ $base }`は、このmedsecにも`--checklist`にもありません。`medsec checklist add`で追加するか`--checklist`で渡してください(そのままでは`medsec checklist lint`がエラー(extends-unknown-base)になります)。
checklist-new-exists = `{ $checklist }`はすでにあります(`{ $origin }`)。この下書きは同じIDと版になるため、`--checklist`で指定すると既存のものを置き換えます。別の版にするか、既存の`{ $checklist }`と`medsec checklist diff`で比べてください。
checklist-new-out-exists = `{ $path }`はすでにあります。上書きするには`--force`を付けてください。
checklist-new-write-failed = `{ $path }`に書き込めません(詳細: { $reason })。
checklist-new-notes-joined = { $made }{ $official }
checklist-new-notes-official = 表題、様式名、対象の施設(serves)、source_urlは、medsecが持つ公式の{ $form }のブック`{ $file }`({ $published }公表)の情報によります。記入のルール([rules])は`{ $from }`から引き継いだもので、この版については未確認です。
checklist-new-rules-carried = 記入のルールは元の版から引き継いだもので、{ $edition }については未確認です(元の版での情報源: { $sources })。sourcesはこの版の様式を記録した情報源です。
checklist-new-form-not-in-edition = medsecが持つ情報では、{ $edition }の様式は{ $forms }で、この様式({ $form })はありません。表題と対象の施設は元のまま引き継ぎました。新しい様式から作るには`medsec checklist import`を使ってください。
## answers-workbook
answers-workbook-layout = `{ $file }`を記入済みのチェックリストとして読み取れません: { $reason }。
answers-workbook-no-answer-column = シート`{ $sheet }`に「はい」「いいえ」「回答」の列が見つかりません(見出しは{ $header }から探しました)。
answers-workbook-ambiguous = { $cells }: { $item }の{ $round }回目に複数の回答が記入されています。ひとつにしてください。
answers-workbook-bad-mark = { $cell }: 「{ $value }」は印として読めません。使える印は●、○、◯、〇、✓、✔、レ、x、X、1、TRUEです(印を付けた列の回答になります)。印を付けないときは空欄、0またはFALSEにしてください。
answers-workbook-bad-answer = { $cell }: 回答「{ $value }」は「はい」「いいえ」「対象外」のいずれでもありません。
answers-workbook-outside-item = { $cell }: 項目のない行に回答「{ $value }」があります。項目の行に記入してください。
answers-workbook-unknown-item = { $cell }: 項目番号「{ $number }」は`{ $checklist }`にありません。
answers-workbook-ambiguous-item = { $cell }: 項目番号「{ $number }」は複数の項目にあります({ $candidates })。対象(サーバ、端末PCなど)を書いてください。
answers-workbook-unknown-scope = { $cell }: このチェックリストの{ $number }には、対象{ $scope }の項目がありません。あるのは{ $candidates }です。対象(サーバ、端末PCなど)を直してください。
answers-workbook-twice = { $cell }: { $item }の行が2つあります(最初は{ $first })。
answers-workbook-bad-date = { $cell }: { $error }
answers-workbook-no-answer = { $cell }: { $item }の{ $round }回目に日付や備考がありますが、「はい」「いいえ」「対象外」の印がありません。
answers-workbook-no-layout = `{ $checklist }`には公式の様式(ブック)の配置が記録されていません。`--layout official`は`medsec checklist import`で取り込んだチェックリストに使えます。配置のない様式には`--layout`なしで書き出してください。
answers-workbook-no-column = { $item }の{ $round }回目の回答「{ $answer }」を書く列が、この様式にありません。
answers-workbook-write = ブックを作れません: { $reason }。
answers-workbook-export-done = `{ $sheet }`に公式の様式で書き出しました。印刷や提出に使えます。記入後に`medsec answer { $path } --import { $sheet_word }{ $global }`で取り込めます。
answers-workbook-export-left-out = この様式に列のない値{ $count }件(備考、理由、日付)は書き出していません。回答ファイルには残っています。
answers-workbook-header-round = { $round }回目
answers-workbook-header-number = 番号
answers-workbook-header-text = チェック項目
answers-workbook-header-section = 大項目
answers-workbook-header-scope = 対象
answers-workbook-header-yes = はい
answers-workbook-header-no = いいえ
answers-workbook-header-na = 対象外
answers-workbook-header-answer = 回答
answers-workbook-header-checked-on = 確認日
answers-workbook-header-target-date = 目標日
answers-workbook-header-reason = 理由
answers-workbook-header-note = 備考
answers-workbook-xlsx-only = `--layout official`は`.xlsx`にだけ書き出せます(`{ $path }`)。
## polish
polish-status-next-probe = 次は`{ $probe }`で機器を確認し、`{ $report }`で報告書を作ります。まとめて行うには`{ $check }`を使います。
polish-status-next-report = 次は`{ $report }`で報告書を作ります。まとめて行うには`{ $check }`を使います。
polish-institution-code-prefecture-mismatch = 医療機関コード`{ $code }`の先頭2桁{ $number }は{ $expected }ですが、都道府県は「{ $given }」と記入されています。どちらかを確かめてください。
polish-summarize-unusable = `{ $path }`: 読み取れないため確認できませんでした({ $code })。詳しくは`medsec verify { $path_word }`で確認できます。
summarize-no-bundle-here = `{ $path }`: 報告書一式がありません(`MANIFEST.sha256`や`report.json`のあるフォルダが見つかりません)。報告書一式のあるフォルダを指定してください({ $code })。
summarize-not-a-folder = `{ $path }`: ファイルです。フォルダではありません。報告書一式のフォルダか、報告書一式を収めたフォルダを指定してください({ $code })。
summarize-path-missing = `{ $path }`: このファイルやフォルダはありません。パスを確かめてください({ $code })。
polish-edition = { $wareki }版(FY{ $year })
## checklist-import
checklist-import-rules-intro-official = 記入ルールは公式ブック`{ $file }`(公表元のファイル)の列から読み取りました。列からわからないものは「不明」としています。{ $edition }についてはmedsecの情報源で確認できていません。
checklist-import-rules-intro-other = 記入ルールは`{ $file }`の列から推定しました(medsecが知っている公式ブックではありません)。列からわからないものは「不明」としています。
checklist-import-rules-no-answer-columns = { $key }: 回答の列(はい、いいえ、確認日など)が見つからないため、不明としています。
checklist-import-rules-checked-on-column = checked_on: { $cells }に確認日の列があるため、確認日を必須としています。
checklist-import-rules-checked-on-none = checked_on: 回答の列({ $cells })に確認日の列がないため、確認日は求めません。
checklist-import-rules-target-window = target_date: { $cell }の目標日の見出し「{ $header }」がこの年度を示しています。
checklist-import-rules-target-column = target_date: { $cells }に目標日の列がありますが、見出しに期間の記載がないため、不明としています。
checklist-import-rules-target-none = target_date: 目標日の列が見つからないため、期間は不明としています。
checklist-import-rules-target-note = target_date: { $cell }の注記「{ $note }」が目標日の期間としてこの年度を示しています。
checklist-import-rules-target-note-unread = target_date: { $cell }の注記「{ $note }」は目標日についてのものですが、この年度の期間として読み取れないため、不明としています。
checklist-import-rules-round-2-column = round_2: { $cells }に2回目の列があります。
checklist-import-rules-round-2-none = round_2: 回答の列({ $cells })は1回目のみです。
checklist-import-rules-gate = gate: 前提の質問(医療情報システムの有無)は見つかりませんでした(番号0の行も、最初の項目より前に医療情報システムの導入を問う番号のない文もありません)。そのため不明としています。用紙にある場合は`--map gate=行番号`で、ない場合は`--map gate=none`で指定してください。
checklist-import-rules-reference-only = reference_only: なし。ブックには参考項目の印がないため、取り込んだ項目はすべて必須です。
checklist-import-rules-gate-detected = gate: { $cell }の文を前提の質問(医療情報システムの有無)としました。最初の項目より前にあり、番号が0か番号がなく、医療情報システムの導入を問う文です。違う場合は`--map gate=none`で外してください。
checklist-import-rules-gate-instructed = gate: { $cell }の項目を、前提の質問(医療情報システムの有無)としました。最初の項目(または節0の最初の項目)で、「いいえ」の場合はほかの項目の記入が不要だと書かれています。違う場合は`--map gate=none`で外してください。
checklist-import-rules-gate-mapped = gate: `--map gate={ $value }`の指定により、{ $cell }を前提の質問(医療情報システムの有無)としました。
checklist-import-rules-gate-none = gate: `--map gate=none`の指定により、この用紙には前提の質問(医療情報システムの有無)がないものとしました。
checklist-import-rules-gate-vendor = gate: 事業者確認用の様式のため、前提の質問(医療情報システムの有無)はないものとしました。前提の質問は医療機関・薬局の様式の質問です。
checklist-import-gate-section = 医療情報システムの有無
checklist-import-gate-found = { $cell }を前提の質問(医療情報システムの有無)として取り込みました(番号{ $number })。「いいえ」の場合、ほかの項目は確認不要になります。
checklist-import-gate-not-found = 前提の質問(医療情報システムの有無)は見つかりませんでした。用紙にある場合は`--map gate=行番号`で指定してください。
checklist-import-bad-map-gate = `--map`: gate=`{ $value }`は使えません。行番号(例: gate=5)、項目番号(例: gate=0、gate=1-①。通し番号のシートではgate=①)、またはnoneで書いてください。
checklist-import-map-gate-not-found = `--map gate={ $value }`: シート`{ $sheet }`のその行(または項目番号)に、文言のある行が見つかりません。行番号はExcelの行番号(1から)です。
checklist-import-id-from-file = `{ $file }`は公式のブックではないため、チェックリストの名前は厚生労働省のものではなく、ファイル名から`{ $checklist }`としました。名前を決めるには`--id 名前-{ $form }`(例: `--id clinic-{ $form }`)を付けてください。
checklist-import-untitled-sections = シートに{ $count }節({ $sections })の見出しがありません。見出しは「チェック項目」としました。様式に見出しがあって読み取れなかった場合は、ファイルの[[sections]]に書き入れてください。
## walk
walk-round-not-on-form = `{ $checklist }`の用紙には{ $round }回目(2回目)の欄がありません([rules] round_2 = "not-on-form")。1回目を回答してください。
walk-checked-on-not-on-form = この用紙には確認日の欄がないため、確認日はおたずねしません。
walk-reference-only = 参考項目です({ $requirement })。この年度は必須ではありませんが、回答できます。
walk-target-window-unconfirmed = { $date }は{ $start }〜{ $end }の期間外です。この用紙で認められるかは確認できていません。そのまま保存しました(`medsec status`で警告が出ます)。
walk-target-outside-window = 目標日は{ $start }〜{ $end }の日付にしてください。
## answers-import
answers-import-empty-number = { $place }: 「{ $column }」が空です。この行の回答をどの項目に取り込むかわかりません。項目番号を書いてください。
answers-import-problems = シートに問題が{ $count }件あるため、何も変更していません{ $warnings ->
    [0] {""}
   *[other] (ほかに警告が{ $warnings }件あります)
}:
answers-import-workbook-problems = `{ $file }`に問題が{ $count }件あるため、何も取り込んでいません{ $warnings ->
    [0] {""}
   *[other] (ほかに警告が{ $warnings }件あります)
}:
answers-import-attention = 確認が必要な点が{ $count }件あります:
answers-import-unknown-scope = { $row }: 対象「{ $scope }」は項目番号「{ $number }」のどの行にも当たりません(この番号の行: { $candidates })。どれかの行の対象を書いてください。

## inspector
inspector-report-not-verified = 警告: `{ $path }`は署名付きの報告書一式の中にありません(横に`MANIFEST.sha256`がありません)。検証せずに表示します。誰が作ったか、変更されていないかは確かめられません。報告書一式のフォルダを`medsec verify`で確認してください。
inspector-evidence-no-institution = プローブの証跡に医療機関が記録されていません(`medsec probe --answers`なしで、または古いmedsecで作成されています)。この医療機関の機器の証跡であることを確かめられません。
inspector-evidence-other-institution = プローブの証跡は別の医療機関(医療機関コード`{ $evidence_code }`、「{ $evidence_name }」)のものです。この医療機関(医療機関コード`{ $code }`、「{ $name }」)のものではありません。この医療機関の機器で`medsec probe --answers`を実行してください。
inspector-evidence-before-fiscal-year = プローブの証跡は{ $date }に作成されており、{ $fy }の始まりより前です。今年度にもう一度`medsec probe`を実行してください。
inspector-evidence-after-report = プローブの証跡の終了時刻{ $finished }は、報告書の作成時刻({ $made })より後です。報告書には、それより前に作成した証跡しか含められません。
inspector-source-probe-evidence = プローブの証跡
inspector-summarize-col-evidence-findings = プローブの証跡の指摘
inspector-recorded-file = 回答ファイル`{ $file }`(`report.json`に記録)
inspector-item-of-recorded-file = 回答ファイル`{ $file }`(`report.json`に記録)の{ $item }
inspector-status-complete-with-recorded-errors = 回答は記入済みですが、報告書に指摘が記録されています: エラー{ $errors }件、警告{ $warnings }件。
inspector-status-unsigned = 注意: `{ $path }`は署名されていません。ファイルが`MANIFEST.sha256`と一致することだけを確認しました。誰が作ったかは確かめられません。
inspector-status-signature-not-checked = 注意: `{ $path }`の署名は確認していません(`status`は鍵を使いません)。ファイルが`MANIFEST.sha256`と一致することだけを確認しました。署名者は`medsec verify --pubkey 鍵.pub { $bundle }`で確認してください。

## probes-backup
probes-backup-snapshot = { $id }({ $details })
probes-backup-snapshot-time = { $time }(日本時間)
probes-backup-snapshot-host = 機器{ $host }
probes-backup-snapshot-paths = パス{ $paths }
probes-backup-snapshot-too-old = 判定に使った{ $tool }の{ probes-backup-unit }{ $snapshot }は{ $age }前のもので、`max_age = { $max_age }`より古いです。
probes-backup-snapshots-fresh = { $tool }の{ probes-backup-unit }が{ $count }個あります。判定に使った{ probes-backup-unit }{ $snapshot }は{ $age }前のものです(`max_age = { $max_age }`)。

## signing-files
signing-files-line-untrusted = 「untrusted comment:」の行
signing-files-line-signature = 署名の行
signing-files-line-trusted = 「trusted comment:」の行
signing-files-line-global = 全体の署名の行
signing-files-signature-not-text = 署名ファイル`{ $file }`は文字として読めません(UTF-8でもUTF-16でもありません)。
signing-files-signature-empty = 署名ファイル`{ $file }`が空です。
signing-files-signature-truncated = 署名ファイル`{ $file }`は途中で切れています: { $line }行目({ $what })がありません。署名したときのファイルをもう一度コピーしてください。
signing-files-signature-no-comment-start = 署名ファイル`{ $file }`の{ $line }行目が{ $what }になっていません。minisignの署名ファイルではないか、書き換えられています。
signing-files-signature-not-base64 = 署名ファイル`{ $file }`の{ $line }行目({ $what })にbase64でない文字があります。書き換えられています。
signing-files-signature-cut = 署名ファイル`{ $file }`は{ $line }行目({ $what })の途中で切れています({ $found }バイトで、{ $want }バイトに足りません)。署名したときのファイルをもう一度コピーしてください。
signing-files-signature-length = 署名ファイル`{ $file }`の{ $line }行目({ $what })は{ $found }バイトで、{ $want }バイトではありません。書き換えられています。
signing-files-signature-algorithm = 署名ファイル`{ $file }`の2行目の署名の種類「{ $algorithm }」はminisignのもの(Ed、ED)ではありません。
signing-files-signature-extra = 署名ファイル`{ $file }`には4行目より後に余分な行があります。minisignの署名ファイルは4行です。
inspector-verify-give-folder = ヒント: `{ $path }`は報告書一式の中のファイルです。報告書一式のフォルダ`{ $dir }`を指定してください。

## details
details-unmapped = 内容を解釈できません
details-at = { $text }({ $line }行目{ $column }文字目)
details-with-expected = { $text }。{ $tokens }が必要です。
details-found = { $kind ->
    [integer] 整数
    [float] 数値
    [string] 文字列
    [boolean] 真偽値
    [array] 配列
    [table] 表
   *[other] 値
}{ $value }
details-invalid-type = { $kind ->
    [integer] 整数
    [float] 数値
    [string] 文字列
    [boolean] 真偽値(trueまたはfalse)
    [array] 配列
    [table] 表
    [date] 日付
   *[other] 別の形の値
}を書いてください(書かれているのは{ $found }です)
details-invalid-type-key = キー`{ $key }`には{ $kind ->
    [integer] 整数
    [float] 数値
    [string] 文字列
    [boolean] 真偽値(trueまたはfalse)
    [array] 配列
    [table] 表
    [date] 日付
   *[other] 別の形の値
}を書いてください(書かれているのは{ $found }です)
details-invalid-value = { $found }は使えません
details-invalid-value-key = キー`{ $key }`の値に{ $found }は使えません
details-invalid-length = 要素の数({ $length })が合いません
details-missing-field = キー`{ $key }`がありません
details-duplicate-field = キー`{ $key }`が2回書かれています
details-unknown-field = キー`{ $key }`は使えません。使えるキーは{ $expected }です。
details-unknown-field-none = キー`{ $key }`は使えません(ここにはキーを書けません)
details-unknown-variant = 値`{ $value }`は使えません。使える値は{ $expected }です。
details-toml-unclosed-table = 表の見出しが閉じられていません
details-toml-unclosed-array-table = 表の配列の見出しが閉じられていません
details-toml-unclosed-inline-table = インラインの表が閉じられていません
details-toml-unclosed-array = 配列が閉じられていません
details-toml-duplicate-key = 同じキーが2回書かれています
details-toml-duplicate-key-named = キー`{ $key }`が2回書かれています
details-toml-invalid = { $what ->
    [key] キー
    [string] 文字列
    [number] 数値
    [date] 日付
    [boolean] 真偽値
   *[other] 値
}の書き方に誤りがあります
details-toml-unquoted-string = 文字列は`"`で囲んでください
details-number-too-large = 数値が大きすぎます
details-toml-expected = { $tokens }が必要です
details-toml-syntax = { $what ->
    [no-value] 値がありません
    [no-comma] 区切りの`,`がありません
    [assignment] キーと値の間の`=`が正しくありません
    [extra-comma] 余分な`,`があります
    [unterminated] 引用符が閉じられていません
    [key] キーの書き方に誤りがあります
   *[unexpected] ここに書けない文字があります
}
details-json-eof = 空か、途中で切れています
details-json-syntax = JSONの書き方に誤りがあります
details-yaml-multiple-documents = 1つのファイルにYAMLの文書が複数あります(`---`で区切られています)。1つにしてください。
details-yaml-syntax = YAMLの書き方に誤りがあります
details-zip-invalid = XLSXファイルとして読めません。壊れているか、XLSXではありません。
details-sqlite-not-database = SQLiteのデータベースではありません
details-sqlite-corrupt = データベースが壊れています
details-sqlite-busy = データベースが使用中です
details-is-folder = `{ $path }`はフォルダです。ファイルを指定してください。
details-git-not-a-repository = gitリポジトリの中ではありません
details-git-dubious-ownership = `{ $path }`のリポジトリは別のユーザーのものなので、gitが読み取りを拒否しています(gitの`safe.directory`設定で許可できます)
details-git-path-missing = `{ $path }`はそのリビジョンにありません
details-git-unknown-revision = gitにそのリビジョンがありません
details-git-said = gitの出力: `{ $text }`
details-minisign-encoding = 行の並びまたはbase64の部分がminisignの形式ではありません
details-minisign-algorithm = minisignが使う署名方式ではありません
details-not-regular = `{ $path }`は通常のファイルではありません(デバイスやパイプなど)。ファイルを指定してください。
## edition-notice
edition-notice-added = `medsec checklist add`で登録された`{ $checklist }`({ $wareki }、FY{ $year })が`{ $old }`より新しいため、こちらで作成します。`{ $old }`を使うときは`--checklist { $old }`を指定してください。
edition-notice-successor = `{ $old }`より新しい`{ $checklist }`({ $wareki }、FY{ $year })が{ $kinds }も対象にしているため、こちらで作成します。前年度までの様式を使うときは`--checklist { $old }`を指定してください。
edition-notice-form-merged = 医療機関・薬局確認用

## out

out-stdout-refused = ここでは`{ $flag } -`(標準出力)は使えません。このコマンドはファイルやフォルダを書き出します。書き出し先のパスを指定してください。

## answers-code

answers-institution-code-prefecture-unknown = 医療機関コード`{ $code }`の先頭2桁{ $digits }は都道府県番号(01北海道〜47沖縄県)ではありません。コードを確かめてください。
answers-institution-prefecture-unknown = 都道府県「{ $given }」は47都道府県のどれでもありません。東京都、東京、Tokyo、13のように書いてください。

## status
status-mixed-inputs = 回答ファイルと報告書一式(フォルダまたは`report.json`)は、別々に確認してください。回答ファイル({ $answers })と報告書一式({ $bundles })を、それぞれ`medsec status`に渡してください。
status-files-complete = { $files }件のファイルはすべて記入完了です(警告{ $warnings }件)。
status-files-incomplete = { $files }件のファイルのうち、記入が完了していないものがあります: エラー{ $errors }件、警告{ $warnings }件。
status-files-complete-with-findings = { $files }件のファイルはすべて記入完了です。ただし指摘があります(プローブの証跡と矛盾する回答、または合わない証跡): エラー{ $errors }件、警告{ $warnings }件。
status-files-unusable = { $files }件のファイルのうち{ $unusable }件は使用できません(問題{ $count }件)。
status-files-next = 次は、医療機関・薬局の回答ファイル({ $files })ごとに、`medsec probe --answers FILE --out evidence.json`で機器を確認し、`medsec report --answers FILE --evidence evidence.json --out DIR`で報告書を作ります。まとめて行うには`medsec check --answers FILE`を使います。
status-complete-with-findings = 記入完了です。ただし指摘があります(プローブの証跡と矛盾する回答、または合わない証跡): エラー{ $errors }件、警告{ $warnings }件。
## import

import-no-header = `{ $file }`にはチェックリストらしいシートがありません。先頭から60行の中で、項目の列(項目、チェック項目、確認項目)と回答の列(はい、いいえ、確認日、目標日、1回目、2回目、備考)がその行か下の2行までに並ぶ行を探しました。見つかったもの:
import-clue-sheet = シート`{ $sheet }`: { $rows }。足りないもの: { $missed }。{ $hint }
import-clue-sheet-empty = シート`{ $sheet }`: { $missed }。{ $hint }
import-clue-row = { $row }行目: { $cells }
import-clue-cell = { $cell }「{ $text }」({ $role })
import-clue-role-number = 番号
import-clue-role-section = 節
import-clue-role-scope = 対象
import-clue-role-wording = 項目
import-clue-role-answer = 回答
import-ids-scope-changed = 対象が変わった項目(番号と文言は同じで、対象の機器が違います。`replaces`で前の項目を指すため、`init --from`で回答を引き継ぎ、確認が必要な印を付けます。ある機器についての回答は、ほかの機器について何も示さないためです): { $items }
import-ids-scope-changed-item = { $new }(前: { $old })
import-ids-english-carried = 日本語の文言が{ $from }とまったく同じ{ $items }項目{ $sections ->
    [0] {""}
   *[other] と{ $sections }節の見出し
}は、{ $from }の英語の文言を引き継ぎました。ほかの英語の文言は、日本語に`(untranslated)`を付けたものです。
import-map-gate-number-not-found = `--map gate={ $value }`: `{ $file }`のシート`{ $sheet }`に、番号が{ $value }の項目はありません。このシートの項目番号は、印刷どおり{ $first }({ $first_cell })から{ $last }({ $last_cell })までです。そのどれかの番号か、行番号(例: gate={ $row })で指定してください。
import-map-gate-number-ambiguous = `--map gate={ $value }`: このシートには番号が{ $value }の項目が複数あります: { $cells }。節を付けた番号(例: gate={ $example })か、行番号(例: gate={ $row })で指定してください。
import-map-gate-number-cell = { $cell }({ $number })
import-clue-missed-answers = 項目の列の行とその下2行に回答の列(はい、いいえ、確認日など)がありません。
import-clue-missed-wording = 回答の列がある行に項目の列(項目、チェック項目、確認項目)がありません。
import-clue-missed-apart = 項目の列と回答の列が3行以上離れています。
import-clue-missed-both = 項目の列も回答の列もありません。
import-clue-missed-everything = 先頭から60行に見出しの語が一つもありません。

## import-ids

import-ids-summary = `--ids-from { $from }`: 文言と対象が同じ{ $same }項目は、前の版のIDを引き継ぎました。文言が変わった項目は{ $reworded }件、新しい項目は{ $new }件、前の版にあってこのブックに見つからない項目は{ $missing }件です。
import-ids-reworded = 文言が変わった項目(番号と対象は同じ。`replaces`で前の項目を指すため、`init --from`で回答を引き継ぎ、確認が必要な印を付けます): { $items }
import-ids-reworded-item = { $new }(前: { $old })
import-ids-new = 新しい項目(前の版に、同じ文言の項目も、番号と対象が同じ項目もありません。回答は引き継がれません): { $items }
import-ids-not-found = { $from }の項目のうち、このブックに見つからなかったもの(回答は引き継がれません): { $items }
import-ids-other-form = `--ids-from { $from }`は{ $from_form }の様式で、取り込んだブックは{ $form }の様式です。事業者確認用と医療機関・薬局の様式の間では項目のIDを引き継げないため、何も書いていません。同じ種類の様式の前の版を指定してください。
## own
own-base-item-out-of-scope = 独自のチェックリスト`{ $checklist }`で対象外とした`{ $base }`の項目です。理由: { $reason }。
own-base-item-required-out-of-scope = { $item }: `{ $base }`で全ての医療機関等が回答する項目ですが、独自のチェックリスト`{ $checklist }`で対象外としています。様式にはこの項目を対象外とする定めがなく、立入検査では全ての項目の回答が確認されます。`{ $checklist }`の`[[out_of_scope]]`から外し、「はい」または「いいえ」で回答してください。理由: { $reason }。
report-extends-line = `{ $checklist }`({ $digest })は、{ $edition } { $form } `{ $base }`({ $base_digest })を拡張したチェックリストです。
verify-extends-line = `{ $checklist }`({ $digest })は`{ $base }`({ $base_digest })を拡張したチェックリストです。
own-out-of-scope-heading = 対象外とした項目: `{ $checklist }`({ $digest })が`{ $base }`({ $base_digest })から除いた項目
own-summarize-extends = `{ $checklist }`(拡張元: `{ $base }`)
own-summarize-note-not-official = 独自のチェックリスト(拡張元`{ $base }`の項目は公式の様式のもの、独自の項目は未確認)
own-summarize-out-of-scope = 対象外{ $count }件
own-summarize-col-out-of-scope = 対象外の項目
own-origin-bundled = medsecに同梱の`{ $checklist }`
import-clue-map = 下の行から推定した配置が正しければ、`--map { $map }`で指定してください(列: number=、text=、section=、scope=。header-rows=は最初の項目より上の行数です)。
import-clue-map-sheet = 下の行から推定した配置が正しければ、`--sheet { $sheet } --map { $map }`で指定してください(列: number=、text=、section=、scope=。header-rows=は最初の項目より上の行数です)。
import-map-needs-sheet = `--map`は1枚のシートの配置を指定するものですが、このブックにはシートが複数あります: { $sheets }。`--sheet NAME`でシートを指定してください。
import-text-not-workbook = `{ $file }`はテキストファイル(CSVなど)で、Excelのブックではありません。ここで読めるのは`.xlsx`のブックだけです。Excelで開いて「Excelブック(`.xlsx`)」として保存し、そのファイルを指定してください。
import-answers-sheet = `{ $path }`のシート`{ $sheet }`は、medsecが書き出した回答の表(`medsec answer --export`の形式)で、チェックリストではありません。回答として取り込むには`medsec answer ANSWERS.toml --import { $arg }`を実行してください(`ANSWERS.toml`は回答ファイル)。
answers-import-pdf = `{ $file }`はPDFファイル(先頭が`%PDF`)で、Excelのブックではありません。`answer --import`で読めるのはExcelのブック(`.xlsx`)とCSVファイル(`.csv`)で、PDFからは回答を読み取れません(名前を`.xlsx`に変えてもPDFのままです)。記入したExcelのブック(`.xlsx`)かCSVファイル(`.csv`)を指定してください。
import-pdf-not-workbook = `{ $file }`はPDFファイル(先頭が`%PDF`)で、Excelのブックではありません。ここで読めるのはExcelのブック(`.xlsx`)だけで、PDFからは項目も回答も読み取れません(名前を`.xlsx`に変えてもPDFのままです)。Excelのブック(`.xlsx`)を指定してください。
import-zip-not-workbook = `{ $file }`はZIPファイル{ $holds ->
    [word] (Wordの文書、.docx)
    [powerpoint] (PowerPointのプレゼンテーション、.pptx)
    [opendocument] (LibreOfficeの.odsなど、OpenDocument形式のファイル)
   *[other] {""}
}で、Excelのブックではありません(`.xlsx`のブックなら必ずある`xl/workbook.xml`が入っていません)。ここで読めるのはExcelのブック(`.xlsx`)だけです。{ $holds ->
    [opendocument] LibreOfficeで「Excel 2007-365(`.xlsx`)」形式で保存し、そのファイルを指定してください。
   *[other] Excelのブック(`.xlsx`)そのものを指定してください。
}
import-binary-not-workbook = `{ $file }`はExcelのブックではなく、先頭のバイト(`{ $head }`)からは種類の分からないバイナリファイルです(`.xlsx`のブックは先頭が`50 4B`(PK)です)。ここで読めるのはExcelのブック(`.xlsx`)だけです。名前を`.xlsx`に変えてもブックにはなりません。Excelのブック(`.xlsx`)そのものを指定してください。
import-recorded-sheet = `{ $file }`にはチェックリストらしいシートが複数あります({ $sheets })。チェックリストを取り込んだときのシート`{ $sheet }`から回答を読みました。ほかのシートを読むには`--sheet NAME`を付けてください。
import-answers-other-year = { $cell }の表題によると、このブックは{ $book_wareki }(FY{ $book })の様式ですが、回答ファイルは`{ $checklist }`(FY{ $year })のものです。番号が同じでも別の年度の項目に回答が入ってしまうため、何も取り込んでいません。{ $book_wareki }の白紙のブックを`medsec checklist import`で取り込み、`medsec --checklist ID@EDITION init`で作った回答ファイルに取り込んでください。
import-answers-other-form = `{ $file }`は{ $book_form }のブックです({ $place })。回答ファイルは`{ $checklist }`の{ $form }の回答なので、同じ番号でも別の様式の項目に回答が入ってしまいます。何も取り込んでいません。{ $book_form }のブックは{ $book_form }の回答ファイル(`{ $init }`で作ります)に取り込み、この回答ファイルには{ $form }のブックを指定してください。
import-answers-form-place-cell = { $cell }の記載による
import-answers-form-place-sheet = シート名`{ $sheet }`による
import-answers-form-place-official = SHA-256で照合した公式のブック
import-edition-title-differs = 注意: シートの表題は{ $book_wareki }(FY{ $book })の様式ですが、`--edition`の指定どおり`{ $checklist }`として取り込みました。表題が{ $book_wareki }の記入済みブックは、このチェックリストの回答ファイルには取り込めません。表題の年度にするには`--edition`を付けずに取り込んでください。

## report-review
report-review-several-files-status = ここには回答ファイルが複数あります({ $files })。状況を確認するファイルを指定してください(例: `medsec status FILE`)。
report-review-check-missing-digest = 回答ファイルは、このチェックリストの別の文言に対して作られています(digestが違います)。
report-review-check-next-digest = `{ $file }`の回答を今のチェックリストの文言で確かめ、[checklist]のdigestを`{ $digest }`に書き換えてから、もう一度`{ $command }`を実行してください(回答を入れ直す必要はありません)。
report-review-check-result-findings-year = { $wareki }(FY{ $year })の点検には指摘があります(終了コード1)。
report-review-check-result-failed-year = { $wareki }(FY{ $year })の点検は失敗しました。
report-review-check-vendor-next = `{ $file }`は事業者確認用の様式で、記入は完了しています。事業者確認用は報告書一式にはせず、事業者が署名して医療機関に渡します。次は`medsec sign --form { $command } --key NAME.key`で署名し(鍵がなければ`medsec keygen --out NAME`で作ります)、`{ $file }`と署名ファイル(`.minisig`)を医療機関に渡してください。`medsec check --answers { $command } --key NAME.key`でも署名できます。
report-review-check-vendor-signed = 次は`{ $file }`と`{ $signature }`を医療機関に渡してください。医療機関の回答ファイルの[vendors]のformsに書くと、`medsec report`と`medsec check`が報告書一式に入れます。
report-review-status-next-vendor = 次は`medsec sign --form { $file } --key NAME.key`で事業者の鍵で署名し(鍵がなければ`medsec keygen --out NAME`で作ります)、回答ファイルと署名ファイル(`.minisig`)を医療機関に渡します。
report-review-edition = { $wareki }版{ $year ->
   *[other] {""}
}
report-review-csv-overdue = 目標日超過

## report-evidence

report-evidence-none = 警告[no-probe-evidence]: この報告書にはプローブの証跡がありません(`--evidence`なしで作成しました)。回答と機器の状態の照合は行われていません。この警告は報告書には記録せず、`medsec verify`と`medsec status`が報告書からその都度確かめて示します。
report-evidence-no-item = 警告[no-probe-evidence]: この報告書のプローブの証跡は、この様式のどの項目にも対応していません(プローブが知る項目IDと異なります。例: `--ids-from`なしで取り込んだチェックリスト)。回答と機器の状態の照合は行われていません。この警告は報告書には記録せず、`medsec verify`と`medsec status`が報告書からその都度確かめて示します。
report-evidence-empty = 警告[no-probe-evidence]: この報告書のプローブの証跡には結果が1件もありません(プローブの設定が空です)。回答と機器の状態の照合は行われていません。この警告は報告書には記録せず、`medsec verify`と`medsec status`が報告書からその都度確かめて示します。
report-evidence-source-computed = 今回の確認で判明(`report.json`には記録なし)
report-evidence-status-computed = 今回の確認で見つかった指摘(`report.json`には記録されていません):
report-evidence-findings-recorded = 指摘: エラー{ $errors }件、警告{ $warnings }件(うち{ $recorded }件を報告書に記録しました。内容は`medsec status { $dir }`で確認できます)
## check-summarize

check-summarize-stopped-clean = { $error }。このチェックが`{ $dir }`に書いたものは残っていません(前からあったファイルはそのままです)。
check-evidence-replaced = 前からあった`{ $path }`を、このチェックの実機確認の結果で置き換えました。
report-stale-stage-removed = 途中で止められた以前のmedsecの実行が残した作業用フォルダ(その処理はもう動いていません)を削除しました: { $paths }。
check-probes-skipped-gate = 「{ $gate }」が「いいえ」なので、ほかの項目はすべて対象外です。対象外の項目だけを確かめる実機確認({ $count }件)は行いませんでした。
check-summarize-stopped-left = { $error }。このチェックが`{ $dir }`に書いた次のファイルは消せずに残っています: { $files }。
check-kept-after-bundle = { $error }。署名済みの報告書一式はその前に書き終えています(署名したときに秘密鍵で確かめてあります)ので、残してあります。このチェックが書いたもの: { $files }。問題を直してから`{ $command }`で報告書一式を確かめるか、チェックをやり直してください。
check-summarize-details = 指摘の詳細は`{ $command }`で確認できます{ $more ->
    [0] 。
   *[other] (ほかに{ $more }件の報告書一式にも指摘があります…)。
}

# fix12g: evidence the answers cite but that is missing stops report and check
status-next-evidence-missing = 次に: 報告書を作る前に、回答に挙げた証跡{ $paths }を置いてください(パスは`{ $file }`からの相対パスです)。証跡でなければ、その項目の`evidence`から外してください。証跡が見つからないままでは`medsec report`も`medsec check`も止まります。
check-missing-evidence = 回答に挙げた証跡ファイル{ $count }件が見つかりません(上の警告[evidence-missing]を参照してください)。このままでは報告書を作れません。
check-next-evidence-missing = 証跡{ $paths }を`{ $file }`からの相対パスに置くか、証跡でなければその項目の`evidence`から外して、もう一度`{ $command }`を実行してください。
check-next-import-sheet = `{ $file }`は表計算のシートで、回答ファイルではありません。`--answers`には回答ファイル(`.toml`)を指定します。回答を記入したシートなら`{ $import }`で回答ファイルに取り込み(`ANSWERS.toml`は回答ファイルの名前です)、`{ $command }`を実行してください。
status-not-a-bundle-one-inside = `{ $path }`は報告書一式のフォルダではありません。中の`{ $inner }`が報告書一式です: `{ $command }`で確認できます。
status-not-a-bundle-many-inside = `{ $path }`は報告書一式のフォルダではなく、中に報告書一式が{ $count }件あります。一覧は`{ $command }`で作れます。
probes-config-unknown-setting-none = `{ $field }`という設定はありません。綴りを確かめてください。
