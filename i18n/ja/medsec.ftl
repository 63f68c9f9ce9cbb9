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
probes-os-other = エラー番号 { $errno } のシステムエラーです
probes-error-timeout = プローブの制限時間で止めました
probes-error-bad-csv = CSV として読めません(`{ $detail }`)
probes-error-no-hotfix-id = HotFixID の列がありません。`Get-HotFix | Export-Csv -NoTypeInformation FILE` で書き出してください

# Reasons, warnings and notes of the probes, one per stable code (see docs/probes.md).
probes-cannot-read = { $path } を読めません({ $error })
probes-internal-error = プローブが内部エラーで止まりました(medsec の不具合です。お手数ですが報告してください)
probes-no-result = プローブが結果を返さずに終わりました
probes-timed-out = { $seconds }秒で時間切れになりました。最後まで実行するには、このプローブの `timeout` を延ばしてください
probes-io-problem = { $problem ->
    [permission-denied] 読む権限がありません
    [not-found] ありません
    [vanished] 走査中に消えました
    [symlink-loop] シンボリックリンクがループしています
   *[other] { $error }
}
probes-tool-missing = `{ $tool }` がインストールされていないか、`PATH` にありません
probes-cannot-run-tool = `{ $tool }` を実行できません({ $error })
probes-tool-failed = { $how ->
    [code] `{ $tool }` が終了コード { $code } で失敗しました
    [signal] `{ $tool }` がシグナル { $signal } で強制終了されました
   *[other] `{ $tool }` が終了コードを返さずに終わりました
}
probes-tool-failed-output = { $failed }。エラー出力:「{ $stderr }」
probes-tool-json-not-understood = `{ $tool }` が出力した JSON を解釈できません(`{ $error }`)
probes-no-package-database = パッケージデータベース(dpkg、rpm)が見つかりません。Windows では `source = "windows"` を指定するか、Get-HotFix で書き出した CSV を `hotfix_csv` に指定してください
probes-package-lists-stale = パッケージリストの最終更新は{ $age }前です(上限{ $max_days }日)
probes-security-updates-pending = 未適用のセキュリティ更新が{ $count }件あります(上限{ $max }件)
probes-security-updates-pending-list = 未適用のセキュリティ更新が{ $count }件あります(上限{ $max }件)。対象: { $packages }
probes-no-package-lists = { $dir } にパッケージリストがないため、未適用の更新がわかりません(`apt-get update` を実行してから、もう一度 `medsec probe` を実行してください)
probes-package-lists-refresh-unknown = パッケージリストの最終更新日時がわかりません
probes-dpkg-up-to-date = 未適用のセキュリティ更新は{ $security }件(上限{ $max }件)、その他の更新は{ $other }件です。パッケージリストの更新は{ $age }前です
probes-dpkg-up-to-date-no-age = 未適用のセキュリティ更新は{ $security }件(上限{ $max }件)、その他の更新は{ $other }件です。パッケージリストの更新日時はわかりません
probes-dnf-metadata-stale = dnf のメタデータの最終更新は{ $age }前です(上限{ $max_days }日)
probes-dnf-security-unknown = 未適用のセキュリティ更新がわかりません。`dnf -C updateinfo list --security` から答えがありませんでした(dnf がインストールされ、キャッシュが作られているか確認してください)
probes-security-updates-within-limit = 未適用のセキュリティ更新は{ $count }件です(上限{ $max }件)
probes-cannot-decompress = 展開できません({ $error })
probes-dnf-updateinfo-failed = `dnf updateinfo` が失敗しました。エラー出力:「{ $stderr }」
probes-kernel-reboot-needed = 動作中のカーネルは、インストール済みの最新版({ $newest })ではありません。再起動して最新版に切り替えてください
probes-reboot-required = 更新を終えるには再起動が必要です(/run/reboot-required があります)
probes-windows-native-only = インストール済みの Windows 更新を直接読めるのは Windows 上だけです。ほかの OS では `Get-HotFix | Export-Csv -NoTypeInformation hotfix.csv` で書き出し、`hotfix_csv` に指定してください
probes-hotfix-csv-invalid = { $source } を読めません({ $error })
probes-hotfix-no-dates = { $source } に、インストール日のある更新がありません
probes-hotfix-stale = 最新の更新のインストールは{ $days }日前です(上限{ $max_days }日)
probes-hotfix-current = 更新が{ $count }件インストールされています。最新は{ $days }日前です(上限{ $max_days }日)
probes-hotfix-pending-unknown = Get-HotFix はインストール済みの更新しか示さないため、未適用の更新はわかりません(Windows Update で確認してください)
probes-passwd-unreadable = { $path } を読めません({ $error })。ローカルアカウントは Unix の /etc/passwd からだけ読みます
probes-leavers-unreadable = 退職者リスト { $path } を読めません({ $error })
probes-lastlog-too-large = { $bytes }バイトあり(uid ごとの疎なファイル)、読みませんでした
probes-shadow-unreadable = /etc/shadow を読めません(ロックや空のパスワードを確かめるには root で実行してください)。ログインシェルのあるアカウントは、ログインできるものとして数えます
probes-accounts-to-review = 確認が必要なアカウントが{ $count }件あります: { $accounts }
probes-flagged-account = { $name }({ $flags })
probes-flag-leaver = 退職者リストにあり、まだログインできる
probes-flag-empty-password = パスワードが空
probes-flag-unused-for = 最終ログインは{ $days }日前(上限{ $max_days }日)
probes-flag-never-logged-in = 一度もログインしていない
probes-no-login-records = ログイン記録(/var/lib/wtmpdb/wtmp.db、/var/log/wtmp、/var/log/lastlog)がないため、使われていないアカウントを判定できません
probes-accounts-in-use = { $leavers_checked ->
    [true] ログインできるアカウントは{ $can_log_in }件です。{ $max_days }日を超えて使われていないものや、退職者のものはありません
   *[false] ログインできるアカウントは{ $can_log_in }件です。{ $max_days }日を超えて使われていないものはありません
}
probes-no-systemd-cgroup = { $path } がありません(cgroup v2 の systemd ではありません)。動作中のサービスはわかりません
probes-processes-not-inspected = { $count }個のプロセスを調べられませんでした(待ち受け中のプログラムをすべて特定するには root で実行してください)
probes-services-not-allowed = `allowed_services` にないサービスが{ $count }件あります: { $services }
probes-ports-not-allowed = `allowed_ports` にない待ち受けポートが{ $count }件あります: { $ports }
probes-port = { $address } の { $protocol ->
    [tcp] TCP
    [udp] UDP
   *[other] { $protocol }
} { $port } 番ポート
probes-port-program = { $address } の { $protocol ->
    [tcp] TCP
    [udp] UDP
   *[other] { $protocol }
} { $port } 番ポート({ $program })
probes-nothing-readable = この環境では /proc/net も systemd の設定も読めません
probes-no-allowlist = 有効なサービス{ $services }件、開いているポート{ $ports }件を記録しました。許可リストがないため判定していません(判定するには `allowed_services` と `allowed_ports` を設定してください)
probes-all-allowed = 有効なサービス{ $services }件と開いているポート{ $ports }件は、すべて許可リストにあります
probes-ledger-unreadable = 台帳 { $path } を読めません({ $error })
probes-ledger-invalid = { $path } を台帳として読めません({ $error })
probes-ledger-no-header = { $path } の最初の10行に、台帳の列見出しの行がありません(機器名、種別、設置場所、OS、管理者、リモートメンテナンスなどの列名にするか、`columns` で対応付けてください)
probes-ledger-unclassified-rows = 種別がサーバ・端末PC・ネットワーク機器のどれでもない行が{ $rows }行あり、確認していません
probes-ledger-missing-columns = 台帳に次の列がありません: { $columns }
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
probes-ledger-no-devices = サーバ・端末PC・ネットワーク機器が1台も記載されていません
probes-ledger-row-problems = 未記入または不正な欄が{ $count }か所あります: { $rows }
probes-ledger-row = { $row }行目({ $device }): { $problem }
probes-ledger-row-unnamed = { $row }行目: { $problem }
probes-ledger-empty-field = { $field }が空です
probes-ledger-remote-maintenance-not-yes-no = リモートメンテナンスの「{ $value }」は、はい/いいえ(有/無)のどちらでもありません
probes-host-not-in-ledger = この機器({ $host })が台帳にありません
probes-ledger-complete = { $devices }台の機器が、必要な欄をすべて記入して記載されています。この機器({ $host })は{ $row }行目です
probes-remote-needs-format = `{ $path }` はリモートのリポジトリのようです。`format = "restic"` か `format = "borg"` を指定してください
probes-backup-missing = { $path } は現在ありません(マウントされていない、またはオフラインのバックアップは、ここからは確認できません。直接確認してください)
probes-backup-not-a-folder = { $path } はフォルダではありません。バックアップのフォルダかリポジトリを指定してください
probes-password-file-unreadable = パスワードファイル { $path } を読めません({ $error })
probes-walk-problems = シンボリックリンクのループ{ $loops }件、読めないフォルダ・ファイル{ $unreadable }件、走査中に消えたもの{ $vanished }件、その他のエラー{ $other }件
probes-too-few-files = ファイルが{ $files }個で、`min_files = { $min }` より少ないです
probes-too-few-bytes = 合計{ $bytes }バイトで、`min_bytes = { $min }` より少ないです
probes-backup-too-old = 最新のファイルは{ $age }前のもので、`max_age = { $max_age }` より古いです
probes-backup-partly-unread = { $stopped ->
    [true] { $failures }。ただし、ツリーの{ $unreadable }か所を読めず、走査も途中で止まったため、より新しいバックアップがあるかもしれません
   *[false] { $failures }。ただし、ツリーの{ $unreadable }か所を読めなかったため、より新しいバックアップがあるかもしれません
}
probes-backup-fresh-no-age = ファイル{ $files }個、合計{ $bytes }バイトです。最新のファイルの日時はわかりません(`max_age = { $max_age }`)
probes-backup-fresh = ファイル{ $files }個、合計{ $bytes }バイトです。最新は{ $age }前のものです(`max_age = { $max_age }`)
probes-too-few-snapshots = { $tool } のスナップショットが{ $count }個で、`min_snapshots = { $min }` より少ないです
probes-snapshot-too-old = 最新の { $tool } スナップショットは{ $age }前のもので、`max_age = { $max_age }` より古いです
probes-snapshots-fresh = { $tool } のスナップショットが{ $count }個あります。最新は{ $age }前のものです(`max_age = { $max_age }`)
probes-snapshots-fresh-no-age = { $tool } のスナップショットが{ $count }個あります。最新の日時はわかりません(`max_age = { $max_age }`)
probes-same-filesystem = バックアップが、保護するデータ({ $path })と同じファイルシステムにあります。別の媒体やオフラインの場所にも世代を保管してください
probes-on-root-filesystem = バックアップがこの機器のルートファイルシステム上にあり、常に接続されています。この機器がマルウェアに感染すると、バックアップも暗号化や削除の被害を受けるおそれがあります

# Answer contradictions.
probes-contradiction = { $item } に「はい」と回答していますが、{ $kind }のプローブは不合格です: { $reason }
probes-contradiction-named = { $item } に「はい」と回答していますが、{ $kind }「{ $name }」のプローブは不合格です: { $reason }

# The table of probe results.
probes-table-probe = プローブ
probes-table-verdict = 判定
probes-table-items = チェック項目
probes-table-reason = 理由
probes-verdict-pass = 合格
probes-verdict-fail = 不合格
probes-verdict-unknown = 不明
probes-probe-named = { $kind }「{ $name }」
probes-items-none = (この様式に対応する項目はありません)
probes-note-warning = { $probe }の注意: { $text }
probes-note-unreadable = { $probe }で読めなかったもの: { $path }({ $text })
probes-note-unreadable-more = { $probe }で読めなかったもの: ほか{ $count }件(`--format json` で確認できます)
probes-note-contradiction = 回答との矛盾: { $text }
probes-summary = { $host }: 合格 { $pass }、不合格 { $fail }、不明 { $unknown }、回答との矛盾 { $contradictions }

# Errors of `medsec probe` and its configuration file.
probes-root-not-a-folder = `--root` に指定した { $path } はフォルダではありません
probes-cannot-read-file = { $path } を読めません({ $error })
probes-cannot-write-evidence = 証拠を { $path } に書き込めません({ $error })
probes-config-cannot-read = プローブの設定ファイル { $path } を読めません({ $error })
probes-config-invalid = { $location }: { $message }
probes-config-not-utf8 = UTF-8 のテキストではありません({ $byte }バイト目)。UTF-8 で保存してください
probes-config-toml = TOML として読めません(`{ $detail }`)
probes-config-unknown-setting = `{ $field }` という設定はありません。綴りを確かめてください(使える設定は docs/probes.md にあります)
probes-config-missing-setting = `{ $field }` の設定がありません
probes-config-unknown-role = role `{ $value }` は使えません。`server` か `terminal` を指定してください
probes-config-unknown-kind = プローブの種類 `{ $value }` はありません。使える種類: { $known }
probes-config-field-not-for-kind = `{ $field }` は `{ $kind }` プローブの設定ではありません。使える設定: { $allowed }
probes-config-negative = 0 以上の数にしてください
probes-config-out-of-range = { $min } から { $max } までの数にしてください
probes-config-unknown-source = source `{ $value }` は使えません。auto、dpkg、rpm、windows、hotfix-csv のどれかを指定してください
probes-config-unknown-date-order = date_order `{ $value }` は使えません。mdy、dmy、ymd のどれかを指定してください
probes-config-hotfix-csv-needed = `source = "hotfix-csv"` には `hotfix_csv = "PATH"`(`Get-HotFix | Export-Csv` で書き出したファイル)が必要です
probes-config-backup-needs-path = backup-freshness プローブには `path`(バックアップのフォルダかリポジトリ)が必要です
probes-config-unknown-format = format `{ $value }` は使えません。auto、directory、restic、borg のどれかを指定してください
probes-config-unknown-time-basis = time_basis `{ $value }` は使えません。`change`(mtime と ctime の新しいほう)か `mtime` を指定してください
probes-config-ledger-needs-path = asset-ledger プローブには `path`(台帳の .csv か .xlsx)が必要です
probes-config-unknown-ledger-field = `{ $key }` の台帳の欄 `{ $field }` はありません。使える欄: { $known }
probes-config-not-a-duration = `{ $value }` は期間として読めません。数と単位で書いてください: 90m、36h、7d(単位は s、m、h、d、w)
probes-config-not-a-port = `{ $value }` はポートとして読めません。22/tcp や 123/udp のように書いてください
probes-config-bad-protocol = `{ $value }` のプロトコルは tcp か udp にしてください
probes-config-host-and-any-host = `host`(どの機器のスナップショットを数えるか)と `any_host = true` は、どちらか一方だけを指定してください
probes-protects-missing = `protects` の { $path } がこの機器にありません。パスを確かめてください(相対パスは設定ファイルのフォルダからの位置です)
probes-checkpoints-ignored = borg のチェックポイント(中断したバックアップ)が{ $count }個ありました。バックアップとしては数えていません
probes-snapshots-not-counted = 数えなかった { $tool } のスナップショット: { $host } 以外の機器のものが{ $other_hosts }個、`protects` 以外のパスのものが{ $other_paths }個
probes-no-snapshot-of-path = { $path }(`protects` のパス)を含む { $tool } のスナップショットがありません
probes-dpkg-unfinished = `dpkg` の処理が終わっていないパッケージが{ $count }個あります(更新の途中です): { $packages }。`dpkg --configure -a` か `apt-get -f install` で完了させてください
probes-hotfix-date-order-unknown = { $source }: { $example } のような日付は、日が先か月が先かをファイルから決められません。書き出した PC の日付の書き方に合わせて `date_order = "dmy"`(日が先)か `date_order = "mdy"`(月が先)を設定してください
probes-hotfix-date-order-conflict = { $source }: { $day_first } は日が先、{ $month_first } は月が先の書き方で、食い違っています。一覧を書き出し直すか、`date_order` を設定してください
probes-login-records-unreadable = ログイン記録 { $path } はありますが読めません({ $error })。そのため、使われていないアカウントは判定していません。root で実行するか、ファイルを確かめてください

## report

report-written = { $dir } を書き出しました: { $code } { $name }（{ $checklist }）、{ $fy }、事業者確認用 { $vendors } 件、添付ファイル { $attached } 件
report-findings = 指摘: エラー { $errors } 件、警告 { $warnings } 件
report-findings-recorded = 指摘: エラー { $errors } 件、警告 { $warnings } 件（報告書に記録しました。内容は `medsec status` で確認できます）
report-not-signed = 署名していません。`medsec sign DIR --key KEY` で署名してください
report-need-answers-out = --answers FILE と --out DIR を指定してください（JSON Schema は `medsec report schema` で表示します）
report-vendor-unsigned = 注意: 事業者確認用 { $form } には事業者の署名がありません（{ $signature } がありません）。検査では署名なしとして扱われます
report-answer-contradicted-by-probe = { $item } に「はい」と回答していますが、{ $probe }（{ $name }）の確認で問題が見つかりました: { $reason }
report-answer-contradicted-by-unnamed-probe = { $item } に「はい」と回答していますが、{ $probe }の確認で問題が見つかりました: { $reason }
report-not-institution-form = { $path }: これは{ $form }の回答です。--answers には医療機関確認用または薬局確認用の回答を指定し、事業者確認用は --vendor で指定してください
report-not-vendor-form = { $path }: これは{ $form }の回答で、事業者確認用ではありません。--answers で指定してください
report-missing-institution = { $path }: [institution] の { $field } がありません。報告書には医療機関を記載します（署名にも医療機関コードが入ります）
report-field-code = code（医療機関コード）
report-field-name = name（医療機関名）
report-evidence = { $file }:{ $line }: { $item }（{ $round }回目）の証跡ファイル `{ $named }`: { $problem }（パスは回答ファイルからの相対パスです）
report-evidence-not-a-file = ファイルではありません（ファイルを1つずつ指定してください）
report-evidence-not-found = ありません（{ $path } を探しました）
report-evidence-unreadable = 読み取れません: { $reason }
report-evidence-not-storable = バンドルに保存できません: { $reason }
report-evidence-clash = { $file }:{ $line }: { $item } の証跡 `{ $named }` は `{ $path }` として保存されますが、その名前はほかの証跡が使っています。どちらかのファイル名を変えてください
report-form-name-clash = 2つの回答ファイルがどちらも `{ $name }` という名前です（{ $first } と { $second }）。報告書は様式をファイル名で区別するため、どちらかの名前を変えてください
report-probe-evidence = { $path }: { $reason }
report-probe-evidence-not-json = { $line } 行 { $column } 列: JSON ではありません（{ $error }）
report-probe-evidence-version = format_version { $expected } の確認結果ファイルではありません（見つかった値: { $found }）。`medsec probe --out evidence.json` で作成してください
report-probe-evidence-shape = 確認結果ファイルの形式ではありません（{ $error }）
report-read = { $path } を読めません: { $reason }
report-json = { $path }:{ $line }:{ $column }: report.json の形式ではありません（{ $error }）
report-version = { $path }: format_version { $found } には対応していません。この medsec が読めるのは format_version { $supported } です（新しい medsec なら読める場合があります）
report-version-missing = （なし）
report-serialize = report.json を書けません: { $error }
report-not-replaced = { $path } は置き換えませんでした: { $reason }。何も書き込んでいません。--out には新しいフォルダか空のフォルダを指定するか、先にこのフォルダを移動してください
report-not-replaced-not-folder = フォルダではありません
report-not-replaced-symlink = シンボリックリンクです
report-not-replaced-no-manifest = medsec の報告書一式ではありません（{ $manifest } がありません）
report-not-replaced-bad-manifest = { $manifest } がマニフェストとして読めません（{ $line } 行目: { $reason }）
report-not-replaced-not-report = medsec の報告書一式ではありません（{ $reason }）
report-not-replaced-no-report-listed = マニフェストに { $file } がありません
report-not-replaced-unlisted = マニフェストにないファイルまたはフォルダが { $count } 件あります: { $names }
report-not-replaced-not-named = マニフェストに report.json が記載していないファイルが { $count } 件あり、medsec が書いたものではありません: { $names }
report-not-replaced-changed = マニフェストの作成後に変更または削除されたファイルが { $count } 件あります: { $names }
report-not-replaced-unreadable = 中身をすべては読めません（{ $reason }）

## signing

signing-prompt-new-key = 新しい秘密鍵のパスフレーズ:
signing-prompt-again = 確認のため、もう一度パスフレーズを入力してください:
signing-prompt-key = { $path } のパスフレーズ:
signing-passphrase-env-unset = --passphrase-env { $var }: 環境変数 { $var } が設定されていません
signing-passphrase-env-not-utf8 = --passphrase-env { $var }: 値が UTF-8 ではありません
signing-passphrase-no-terminal = パスフレーズが必要ですが、入力できる端末がありません。--passphrase-env VAR で渡してください
signing-passphrase-unreadable = 端末からパスフレーズを読み取れません: { $reason }
signing-passphrase-differ = 2回入力したパスフレーズが一致しません。何も書き込んでいません
signing-keygen-key-id = 鍵ID { $key }
signing-keygen-secret = 秘密鍵: { $path }（本人だけが読めるように保管してください。モード 0600）
signing-keygen-public = 公開鍵: { $path }（検査する側に渡してください）
signing-keygen-unencrypted = 注意: { $path } は暗号化されていません。このファイルを読める人は誰でもあなたの名前で署名できます
signing-signed-bundle = { $dir } に署名しました: ファイル { $files } 件、鍵 { $key }
signing-signed-form = { $form } に鍵 { $key } で署名し、{ $signature } を書き込みました
signing-trusted-comment = 信頼済みコメント: { $comment }
signing-check-with = 標準のツールでの確認方法: { $command }
signing-need-dir = 署名するバンドルのフォルダ DIR を指定してください（事業者確認用に署名するときは --form FILE）
signing-error-exists = { $path } はすでにあります。上書きするには --force を付けてください
signing-error-bad-key = { $path }: minisign の{ $what }ではありません: { $reason }
signing-what-public-key = 公開鍵
signing-what-secret-key = 秘密鍵
signing-key-empty = ファイルが空です
signing-key-no-comment = 1行目が `untrusted comment: ...` ではありません
signing-key-no-key-line = 鍵の行がありません
signing-key-not-base64 = 鍵の行が base64 ではありません
signing-key-unsupported = 対応していない方式です（Ed25519 で、scrypt による暗号化または暗号化なしの鍵に対応しています）
signing-key-detail = 鍵を読み取れません（{ $detail }）
signing-error-wrong-passphrase = { $path }: この秘密鍵のパスフレーズが違います
signing-error-passphrase-needed = { $path } は暗号化されています。端末でパスフレーズを入力するか、--passphrase-env VAR で渡してください
signing-error-empty-passphrase = パスフレーズが空です。パスフレーズを決めるか、パスフレーズなしの鍵を作るときは --unencrypted を付けてください
signing-error-sign = 署名できませんでした: { $reason }
signing-error-report-changed = 署名している間に report.json が変更されました。もう一度実行してください
signing-error-self-check = 書き込んだ署名を確認できませんでした（{ $code }）。バンドルは署名していない状態です
signing-error-key-not-private = { $path } はほかのユーザーも読めます（モード { $mode }）。秘密鍵は本人だけが読めるようにしてください: `chmod 600 { $path }`（ほかの人に写された恐れがあれば鍵を作り直してください）
signing-unsafe-remove = { $reason }。署名する前に取り除いてください
signing-unsafe-unreadable = 読み取れません: { $reason }
signing-unsafe-claim = `{ $value }` が空か制御文字を含むため、署名できません
signing-unsafe-not-answers = 回答ファイルとして使えません: { $reason }
signing-unsafe-not-vendor-form = 事業者確認用ではありません（事業者名を書いた [vendor] 表がありません）
signing-unsafe-attach = `{ $name }` として添付できません: { $reason }
signing-attach-own-file = バンドル自身のファイル名です
signing-attach-taken = 同じ名前のファイルがほかにあります
signing-path-empty = 空のパスです
signing-path-absolute = 絶対パスです
signing-path-backslash = 名前にバックスラッシュか制御文字があります
signing-path-dot = 空・`.`・`..` の要素があります
signing-manifest-no-final-newline = 最後の行に改行がありません
signing-manifest-not-a-line = `<16進数64桁>  <パス>` の形ではありません
signing-manifest-hash-not-hex = SHA-256 は小文字の16進数64桁で書きます
signing-manifest-no-two-spaces = ハッシュとパスの間は空白2つです
signing-manifest-bad-path = `{ $path }`: { $reason }
signing-manifest-own-file = マニフェストに { $path } は載せられません
signing-manifest-twice = `{ $path }` が2回載っています
signing-refused-name-not-utf8 = 名前が UTF-8 ではありません
signing-refused-symlink = シンボリックリンクです（バンドルには通常のファイルだけを入れます）
signing-refused-not-regular = 通常のファイルではありません
signing-unreadable-loop = フォルダが循環しています
signing-unreadable-too-deep = フォルダの階層が { $max } を超えるため読みません
signing-too-large = { $size } バイトあり、上限 { $limit } バイトを超えます
signing-trusted-version = format_version { $found } には対応していません。この medsec が読めるのは format_version { $supported } です
signing-trusted-institution-key = [institutions] のキー `{ $key }` は医療機関コードではありません。半角数字10桁で書いてください（すべての医療機関を表す書き方はありません）
signing-trusted-vendor-empty = [vendors] のキー（事業者名）が空です
signing-trusted-institution-no-keys = 医療機関 { $code } の `keys` が空です
signing-trusted-vendor-no-keys = 事業者 `{ $name }` の `keys` が空です
signing-trusted-not-public-key = minisign の公開鍵ではありません: { $reason }
signing-trusted-toml = keys.toml として読めません（{ $error }）

## verify

verify-col-bundle = 報告書
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
verify-class-note = 注記
verify-class-finding = 要確認
verify-class-unusable = 確認不能
verify-class-invalid = 無効
verify-summary = { $count }件: 有効 { $valid }、要確認 { $findings }、無効 { $invalid }、確認不能 { $unusable }
verify-fiscal-year = { $wareki }（FY{ $year }）
verify-place-item-in-file = { $file } の { $item }
verify-io-not-found = ファイルまたはフォルダがありません
verify-io-permission-denied = 権限がありません
verify-io-other = システムのエラーです（{ $error }）
verify-need-key = 信頼する鍵を --pubkey FILE または --trusted keys.toml で指定してください
verify-keys-warning = 注意: { $warning }
verify-bundled-checklists-failed = 注意: 同梱のチェックリストを読み込めませんでした（{ $error }）。--checklist で指定したチェックリストだけを使います
verify-bundle-not-folder = フォルダではありません
verify-bundle-cannot-open = 開けません: { $reason }
verify-bundle-internal-error = 内部エラーのため確認が中断しました
verify-bundle-unreadable = バンドルを読めません: { $reason }
verify-content-untrusted = 完全性または署名の確認に失敗したため、report.json の内容は信頼できません。医療機関・回答・指摘は表示しません
verify-not-verified = 署名を確認できませんでした
verify-top-file-missing = { $name } がありません
verify-named-by = （report.json の { $field } が指すファイル）
verify-file-not-regular = 通常のファイルではないため開きません{ $named }
verify-file-too-large = { $size } バイトあり、上限 { $limit } バイトを超えるため読みません{ $named }
verify-file-unreadable = 読み取れません: { $reason }{ $named }
verify-manifest-malformed = マニフェストの形式が不正です（{ $line } 行目）: { $reason }
verify-manifest-not-utf8 = マニフェストが UTF-8 のテキストではありません（{ $byte } バイト目）
verify-file-missing = マニフェストにありますが、ファイルがありません
verify-file-changed = SHA-256 がマニフェストと異なります
verify-file-extra = マニフェストにないファイルです
verify-file-unsafe = 安全でないため開きません: { $reason }
verify-report-path-unsafe = report.json の { $field } が `{ $path }` を指しています: { $reason }。バンドル内の相対パス以外は開きません
verify-report-path-unlisted = report.json の { $field } が指す `{ $path }` は署名されたマニフェストにないため、開きません
verify-evidence-digest-mismatch = report.json の { $field } に記録された `{ $path }` の SHA-256 がマニフェストと異なります
verify-signature-not-utf8 = 署名ファイルが UTF-8 のテキストではありません
verify-signature-not-minisign = minisign の署名ではありません（{ $error }）
verify-signature-not-exact = minisign の正確な符号化ではありません（空白・改行・パディングが変更されています）
verify-signature-untrusted-comment = 想定外の非署名コメント `{ $comment }` です（この行は署名の対象外のため、medsec は標準のものだけを受け付けます）
verify-key-wrong = 鍵 { $key } で署名されていますが、指定された鍵は { $given } です
verify-key-unknown = 鍵 { $key } で署名されていますが、信頼する鍵の一覧にありません
verify-signature-legacy = 旧形式（事前ハッシュなし）の署名です。現在の minisign または medsec で署名し直してください
verify-signature-invalid = 署名が { $file } と一致しません（鍵 { $key } による署名）
verify-report-missing = マニフェストに report.json が含まれていません
verify-report-unreadable = report.json を読めません: { $reason }
verify-key-untrusted = 鍵 { $key } は医療機関 { $code } の鍵として信頼されていません
verify-institution-mismatch = この報告書は医療機関 { $code }（{ $name }）のもので、{ $expected } のものではありません
verify-trusted-comment-mismatch = 署名では `{ $field }` が `{ $signed }` ですが、report.json では `{ $actual }` です
verify-trusted-comment-plain = 署名の信頼済みコメントに医療機関・チェックリスト・報告書の記載がありません（他のツールで署名されています）。マニフェストの署名は report.json も保護しています
verify-trusted-comment-malformed = 署名の信頼済みコメントが不正です: { $reason }
verify-comment-twice = `{ $field }` が2回あります
verify-comment-missing = `{ $field }` がありません
verify-comment-version = { $found } はこの medsec が読める版（{ $reads }）ではありません
verify-checklist-unknown = ダイジェスト { $digest } のチェックリスト { $checklist } はわかりません。そのファイルを --checklist PATH で指定してください
verify-checklist-unknown-in-file = { $file }: ダイジェスト { $digest } のチェックリスト { $checklist } はわかりません。そのファイルを --checklist PATH で指定してください
verify-checklist-mismatch = ダイジェストは { $actual } のものですが、報告書は { $checklist } としています
verify-checklist-other-year = 報告書は{ $fy }、チェックリスト { $checklist } は{ $checklist_fy }のものです
verify-fiscal-year-other = 報告書は{ $fy }のもので、今年度は{ $now }です
verify-generated-at-bad = generated_at が RFC 3339 の時刻ではありません: `{ $value }`
verify-findings-disagree-recorded = report.json は `{ $code }`（{ $place }）を記録していますが、回答を確認し直すと見つかりません
verify-findings-disagree-rerun = 回答を確認し直すと `{ $code }`（{ $place }）が見つかりますが、report.json には記録されていません
verify-vendor-not-in-bundle = 事業者確認用 { $file }（report.json 上の事業者名 `{ $vendor }`）がバンドルに含まれていないため、事業者の署名を確認できません
verify-vendor-not-in-bundle-untrusted = report.json の { $field } が指す事業者確認用はバンドルに含まれていないため、事業者の署名を確認できません
verify-vendor-path-unsafe = report.json の { $field } が `{ $path }` を指しています: { $reason }。開きません
verify-vendor-path-unlisted = report.json の { $field } が指す `{ $path }` は署名されたマニフェストにないため、開きません
verify-vendor-form-not-utf8 = UTF-8 のテキストではありません
verify-vendor-form-unreadable = { $file } を事業者確認用として読めないため、report.json と照合できません: { $reason }
verify-vendor-form-other-vendor = report.json の事業者名が { $file } の事業者名 `{ $vendor }` と異なります
verify-vendor-form-other-answers = report.json の回答が { $file } の内容と一致しません
verify-vendor-form-unsigned = { $file } には事業者の署名がありません（{ $signature } がありません）
verify-vendor-signature-unchecked = { $file } には事業者の署名がありますが、事業者の鍵は --trusted keys.toml でしか指定できないため確認していません
verify-vendor-key-not-listed = { $file } は鍵 { $key } で署名されていますが、keys.toml は事業者 `{ $vendor }` の鍵としてこれを挙げていません
verify-vendor-key-no-vendor = { $file } は鍵 { $key } で署名されていますが、様式にも署名にも事業者名がないため、どの事業者の鍵か確認できません
verify-vendor-signature-problem = 事業者確認用 { $file }: { $problem }
verify-vendor-comment-mismatch = 事業者の署名では `{ $field }` が `{ $signed }` ですが、様式では `{ $actual }` です
verify-vendor-comment-plain = 事業者の署名の信頼済みコメントに事業者名とチェックリストがありません（他のツールで署名されています）。署名は様式を保護しています
verify-vendor-comment-malformed = 事業者の署名の信頼済みコメントが不正です: { $reason }
verify-evidence-not-attached = { $item }（{ $round }回目）の回答が証跡 `{ $named }` を挙げていますが、その証跡はバンドルに含まれていません

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
