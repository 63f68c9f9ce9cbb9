# medsec の表示文 / medsec's messages (ja).
# One message per stable ID; the same IDs in ja/ and en/. Arguments are named ($item, $path).
# Sections follow the source's rooms; keep each message under its room's heading.

## common

common-yes = はい
common-no = いいえ
common-count-items = { $count } 件
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
   *[other] {" "}(OS エラー { $code })
}
common-list-separator = 、
common-input-kind = { $kind ->
    [answers] 回答ファイル
    [sheet] シート
    [checklist] チェックリスト
    [settings] 設定・鍵・署名ファイル
    [report] 報告書・証跡ファイル
   *[system] システムのファイル
}
common-limit-io = { $path } を読めません: { common-io-error }
common-limit-not-a-file = { $path } は通常のファイルではありません。ここで読めるのは通常のファイルだけです
common-limit-too-large = { $path } は{ common-input-kind }の上限 { $limit } MiB を超えているため、読みませんでした
common-workbook-not-zip = XLSX(zip)ファイルとして読めません(詳細: { $detail })
common-workbook-unreadable = ブックとして読めません(詳細: { $detail })
common-workbook-sheet-unreadable = シート `{ $sheet }` を読めません(詳細: { $detail })
common-workbook-too-many-entries = ブック(zip)の中身が { $count } 個あり、上限の { $limit } 個を超えています
common-workbook-inflates = ブック(zip)の `{ $entry }` を展開すると上限の { $limit } MiB を超えるため(zip 爆弾の疑い)、読みませんでした
common-workbook-no-sheet = シート `{ $sheet }` がありません。あるシート: { $names }
common-workbook-no-sheets = ブックにシートがありません
common-workbook-declared-range = シート `{ $sheet }` の範囲が { $cell } まであり、上限の { $last }({ $rows } 行 × { $columns } 列)を超えています
common-workbook-cell-outside = シート `{ $sheet }` のセル { $cell } は上限の { $last }({ $rows } 行 × { $columns } 列)の範囲外です
common-workbook-too-many-cells = シート `{ $sheet }` のセルが上限の { $limit } 個を超えています
common-lock-busy = { $lock } はほかの処理が書き込み中です。しばらくしてからもう一度実行してください
common-lock-io = { $lock }: { common-io-error }

## cli

cli-error = エラー: { $message }
cli-cannot-write-output = 出力を書き込めません: { $reason }
cli-usage-error = コマンドラインの指定に誤りがあります(詳細: { $detail })
cli-usage = 使い方: `{ $usage }`
cli-usage-more = 詳しくは `--help` を付けて実行してください。

## checklist

checklist-read = チェックリスト { $path } を読めません: { common-io-error }
checklist-not-utf8 = { $path }:{ $line }:{ $column }: UTF-8 のテキストではありません。ファイルを UTF-8 で保存してください
checklist-invalid = チェックリストに誤りが { $count } 件あります(すべての指摘は `medsec checklist lint` で確認できます):
checklist-not-found = チェックリスト `{ $spec }` はありません。使えるチェックリスト: { $known }
checklist-no-edition = チェックリスト `{ $id }` に版 `{ $edition }` はありません。ある版: { $known }
checklist-form-conflict = `{ $spec }` は{ $named }の様式ですが、`--form` では{ $asked }が指定されています
checklist-digest = { $file }: チェックリストのダイジェストを計算できません(詳細: { $detail })
checklist-stale = 注意: 次のチェックリストは、わかっている最新の版が今年度({ $wareki }、FY{ $year })より前のものです: { $list }。新しい版が公表されていれば、そのファイルを `--checklist PATH` で指定してください。
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

## answers

## probes

## report

## signing

## verify

## lint

lint-severity-error = エラー
lint-severity-warning = 警告
lint-summary = { $files } 個のファイルを確認しました: エラー { $errors } 件、警告 { $warnings } 件
lint-not-utf8 = UTF-8 のテキストではありません。ファイルを UTF-8 で保存してください
lint-unreadable = { $path } を読めません: { common-io-error }
lint-unreadable-folder = フォルダ { $path } を読めません: { common-io-error }
lint-unlistable-folder = フォルダ { $path } の中身を一覧できません: { common-io-error }
lint-duplicate-checklist = { $checklist } は { $first } にも定義されています
lint-parse-error = TOML の書き方に誤りがあります(詳細: { $detail })
lint-unsupported-format-version-newer = `format_version` { $found } には対応していません。この medsec が読めるのは `format_version` { $supported } です(新しい medsec なら読める可能性があります)
lint-unsupported-format-version = `format_version` { $found } には対応していません。この medsec が読めるのは `format_version` { $supported } です
lint-invalid-id-checklist = チェックリストの `id`(`{ $id }`)は小文字・数字・ハイフン(kebab-case)で書いてください。例: `mhlw-institution`
lint-invalid-id-publisher = `publisher` の `{ $publisher }` は小文字・数字・ハイフン(kebab-case)で書いてください。例: `mhlw`
lint-invalid-id-item = 項目 id `{ $id }` は小文字・数字・ハイフン(a-z、0-9、-)で書いてください
lint-id-form-mismatch = チェックリストの `id`(`{ $id }`)は `{ $expected }`(発行元-様式)にしてください
lint-invalid-fiscal-year = `fiscal_year` の { $year } は 2000 から 2100 までの年ではありません
lint-invalid-edition = 版 `{ $edition }` は `fyYYYY` の形で書いてください。例: `fy2025`
lint-edition-year-mismatch = 版 `{ $edition }` が `fiscal_year` の { $year } と合っていません
lint-invalid-guideline-version = `guideline_version` の `{ $version }` は `6.0` のような形で書いてください
lint-missing-serves = `serves` に対象とする施設の種類を1つ以上書いてください
lint-missing-items = チェックリストに `[[items]]` がありません
lint-invalid-date = `published` の `{ $value }` は 2025-05-16 のような日付だけで書いてください
lint-invalid-url = `source_url` の `{ $url }` は http または https の URL にしてください
lint-unknown-name = { $what ->
    [form] 様式
    [institution-kind] 施設の種類
    [scope] 対象
    [requirement] 区分
    [not-applicable-rule] 対象外の条件
   *[probe-kind] プローブの種類
} `{ $value }` は使えません。使える値: { $names }
lint-field = { $what ->
    [title] タイトル
    [notes] 注記
    [section] 節 { $section } の見出し
    [item-text] 項目 `{ $item }` の本文
   *[item-guidance] 項目 `{ $item }` の説明
}
lint-missing-translation = { lint-field }: `{ $lang }` のテキストが空です。日本語と英語の両方が必要です
lint-ja-not-japanese = { lint-field }: `ja` のテキストに日本語の文字がありません
lint-duplicate-section-id = 節の id `{ $section }` が2回宣言されています
lint-duplicate-item-id = 項目 id `{ $id }` が2回使われています。項目 id は重複できません
lint-duplicate-number = 項目 `{ $id }` は番号 { $number } と対象が項目 `{ $other }` と同じです
lint-multiple-gates = 項目 `{ $id }` は2つ目の前提の質問です。1つの様式に前提の質問は1つまでです
lint-replaces-current-item = 項目 `{ $id }` が置き換えるとしている `{ $replaced }` は、この版にまだある項目です
lint-invalid-number = 項目 `{ $id }`: 番号 `{ $number }` の形が正しくありません。例: `2-(4)`、`2-④`、前提の質問なら `0`
lint-unknown-section = 項目 `{ $id }`: 節 `{ $section }` は `[[sections]]` で宣言されていません
lint-number-section-mismatch = 項目 `{ $id }`: 番号 `{ $number }` が節 `{ $section }` で始まっていません
lint-unknown-guideline-ref = 項目 `{ $id }`: ガイドラインの参照 `{ $reference }` には、ガイドラインの編({ $parts })と箇所を書いてください。例: `システム運用編 8.1`
lint-invalid-replaces = 項目 `{ $id }`: `replaces` の `{ $replaced }` には別の項目の `id` を書いてください
lint-verified-with-note = 項目 `{ $id }` は `verified = true` ですが、`unverified` の注記が残っています
lint-unverified-wording = 項目 `{ $id }`({ $number }): 文言または番号が公式 PDF とまだ照合されていません。何が未確認かを `unverified` の注記に書いてください
lint-unverified-wording-note = 項目 `{ $id }`({ $number }): 公式 PDF とまだ照合されていません: { $note }

## diff

diff-impact-breaking = 重大
diff-impact-review = 要確認
diff-impact-minor = 軽微
diff-summary = 変更 { $count } 件: 重大 { $breaking } 件、要確認 { $review } 件、軽微 { $minor } 件
diff-checklist-id-changed = チェックリストの id: { $old } → { $new }
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
diff-guideline-version-changed = ガイドラインの版: { $old } → { $new }
diff-serves-changed = 対象施設: [{ $old }] → [{ $new }]
diff-metadata-changed = タイトル、公表日、出典 URL または注記が変わりました
diff-item-added = 追加されました: 「{ $text }」
diff-item-removed = 削除され、置き換える項目がありません: 「{ $text }」
diff-item-replaced = 次の項目を置き換えます: { $replaced }
diff-item-reworded = 文言: 「{ $old }」 → 「{ $new }」
diff-item-translation-changed = 英訳が変わりました
diff-item-number-notation-changed = 番号の書き方: { $old } → { $new }
diff-item-renumbered = 番号: { $old } → { $new }
diff-item-moved = 節: { $old } → { $new }
diff-item-scope-changed = 対象: [{ $old }] → [{ $new }]
diff-item-requirement-changed = 区分: { $old ->
    [required] 必須
    [next-year] 次年度項目
   *[recommended] 推奨
} → { $new ->
    [required] 必須
    [next-year] 次年度項目
   *[recommended] 推奨
}
diff-item-gate-changed = 前提の質問: { $old ->
    [true] はい
   *[false] いいえ
} → { $new ->
    [true] はい
   *[false] いいえ
}
diff-item-not-applicable-changed = 対象外の条件: [{ $old }] → [{ $new }]
diff-item-guidance-changed = 説明が変わりました
diff-item-references-changed = ガイドラインの参照: [{ $old }] → [{ $new }]
diff-item-probes-changed = プローブ: [{ $old }] → [{ $new }]
diff-item-verified-changed = 公式 PDF との照合: { $old ->
    [true] 済
   *[false] 未
} → { $new ->
    [true] 済
   *[false] 未
}

## render

render-list-id = ID
render-list-edition = 版
render-list-fiscal-year = 年度
render-list-form = 様式
render-list-items = 項目数
render-list-unverified = 未確認
render-list-digest = ダイジェスト
render-list-origin = 出所
render-origin-bundled = 内蔵
render-origin-bundled-path = 内蔵 { $path }
# $year is for the English text only.
render-fiscal-year = { $wareki }{ $year ->
   *[other] {""}
}
render-show-number = 番号
render-show-scope = 対象
render-show-item = 確認項目
render-show-status = 区分
render-show-unverified-mark = ※未確認
render-show-legend = ※未確認: 文言または番号が公式 PDF とまだ照合されていない項目です
render-show-edition = 版
render-show-guideline = ガイドライン
render-show-digest = ダイジェスト
render-show-serves = 対象施設
