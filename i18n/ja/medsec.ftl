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

## report-html

report-html-lang = ja
report-html-title = 医療機関におけるサイバーセキュリティ対策チェックリスト 回答報告
report-html-date = { $date }（{ $wareki }）
report-html-fiscal-year = { $wareki }（FY{ $year }）
report-html-yes = はい
report-html-no = いいえ
report-html-na = 対象外
report-html-pass = 適合
report-html-fail = 不適合
report-html-unknown = 判定不能
report-html-severity-error = エラー
report-html-severity-warning = 警告
report-html-source-status = 回答の確認
report-html-source-contradiction = 回答と実機確認の矛盾
report-html-state-verified = 署名を信頼する鍵（鍵 ID { $key }）で確認し、すべてのファイルがマニフェストと一致しました。
report-html-state-integrity-only = すべてのファイルがマニフェストと一致しましたが、署名（鍵 ID { $key }）は信頼する鍵で確認していません。真正性の確認には --trusted または --pubkey を指定してください。
report-html-state-unsigned = すべてのファイルがマニフェストと一致しましたが、このレポートには署名がありません。
report-html-state-not-checked = report.json だけから作成したため、改ざんの有無は確認していません。レポート一式のフォルダを指定すると確認します。
report-html-state-bundled = このページはレポートと同時に作成され、レポート一式とともに署名されています（鍵 ID { $key }）。内容の確認には `medsec verify` を使ってください。
report-html-verification = 検証結果
report-html-key-id = 鍵 ID
report-html-signed-at = 署名日時
report-html-page = ページ
report-html-edition = 版
report-html-guideline = ガイドライン
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
report-html-summary-no = いいえ：
report-html-summary-overdue = 目標日超過：
report-html-summary-unanswered = 1回目の未回答：
report-html-summary-findings = 指摘：
report-html-unverified-legend = ※ の項目は、文言を公式の様式とまだ照合していません。
report-html-checklist-unknown = このチェックリストはこの medsec にないため、項目を ID で表示しています：
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
report-html-evidence = 根拠
report-html-evidence-not-attached = 添付なし
report-html-probes = 実機確認の結果
report-html-probe-host = 確認した機器
report-html-probe-kind = 確認内容
report-html-probe-verdict = 判定
report-html-probe-reason = 理由
report-html-no-probes = 実機確認の結果は添付されていません。
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
report-html-footer-note = 各ページ下部の SHA-256 と鍵 ID は署名済みのレポート一式を指します。QR コードにも同じ値が入っています。
report-html-csv-form = 回答ファイル
report-html-csv-item-id = 項目 ID
report-html-csv-round = 回
report-html-csv-answer = 回答
report-html-csv-unverified = 文言未照合
report-html-refused = { $path } は表示しません。完全性または署名の確認に失敗しました（改ざんされた内容を正しいものとして示さないため）:
report-html-written = { $path } に書き出しました。
report-html-no-report = { $path } に report.json がありません。レポート一式のフォルダか report.json を指定してください。
report-html-xlsx-needs-out = XLSX は端末に書き出せません。--out FILE.xlsx を指定してください。
