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
probes-no-login-records = ログイン記録(/var/log/wtmp、/var/log/lastlog)がないため、使われていないアカウントを判定できません
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

## report

## signing

## verify

## lint

## diff

## render
