# medsec --help in Japanese (the English help is the doc comments in src/cli/*.rs).
# IDs: about-PATH, long-about-PATH, after-PATH, arg-PATH-ARG, value-PATH-ARG-VALUE, clap-…, heading-…
# (PATH: subcommand names joined by "-", "medsec" for the top level; see src/cli/help_ja.rs).
# tests/lang/help_ja.rs checks that every command and argument has its entry here, and no entry is left over.
# 書き方は`i18n/ja/medsec.ftl`の冒頭と同じです: プレースホルダー・数字・コード(`…`)・英数字と日本語の間に空白を入れず、
# オプションは`--force`のようにコードとして書きます(`tests/lang/catalog.rs`が確かめます)。

## Headings and clap's own flags

heading-usage = 使い方:
heading-arguments = 引数
heading-options = オプション
heading-commands = コマンド
heading-values = 選択肢
heading-default = 既定値
clap-help = ヘルプを表示します
clap-help-more = ヘルプを表示します(`--help`で詳しく)
clap-help-long = ヘルプを表示します(`-h`で要約)
clap-version = バージョンを表示します
clap-help-command = このヘルプ、または指定したサブコマンドのヘルプを表示します

## medsec

about-medsec = medsec: 病院・診療所・薬局が毎年度行う厚生労働省のサイバーセキュリティ対策チェックリストの自己点検と、立入検査での確認のためのツールです。チェックリストは年度版ごとにデータとして扱います。
after-medsec =
    終了コード:
      0  成功(警告はあっても可)
      1  指摘あり: チェックリストの誤り、未記入の回答、検証での指摘
      2  使えない入力または使い方の誤り(読めない、形式が不正、不明なチェックリスト)
      3  署名または完全性の検証に失敗
      130  Ctrl-Cで中断(SIGTERMでは143、入力済みの内容は残ります)
arg-medsec-lang = 表示する言語: jaまたはen。既定: LC_ALL/LC_MESSAGES/LANGから決めます(jaで始まれば日本語)。
arg-medsec-checklists = このチェックリストファイルも使います(複数指定可、サブコマンドの前後どちらでも可)。同じid@editionの内蔵チェックリストを置き換えます。

## checklist

about-checklist = チェックリストの一覧・表示・検査・比較と、JSONスキーマの出力を行います。
about-checklist-list = 使えるすべてのチェックリスト(内蔵のものと`--checklist`で指定したもの)を一覧にします。
arg-checklist-list-format = 出力形式: 人が読む表、またはJSON。
about-checklist-show = 1つのチェックリストの項目を表示します。
arg-checklist-show-spec = ID[@EDITION](例: mhlw-institution@fy2025)。版を省くと最新版です。`--form`を付ければ発行者だけで足ります: `mhlw@fy2024 --form vendor`。チェックリストのファイルのパス(FILE.toml)を渡すと、lintと同じように読んで表示します。
arg-checklist-show-form = 様式: institution(医療機関確認用)、pharmacy(薬局確認用)、vendor(事業者確認用)。
arg-checklist-show-format = 出力形式: 人が読む表、JSON、またはMarkdown(md)。
about-checklist-lint = チェックリストファイル(またはそのフォルダ)を検査します: スキーマ、ID、日英両方の文言、番号、参照、プローブの種類、日付、別の年度を名乗るタイトル。未確認の文言は警告です。
long-about-checklist-lint =
    チェックリストファイル(またはそのフォルダ)を検査します: スキーマ、ID、日英両方の文言、番号、参照、プローブの種類、日付、別の年度を名乗るタイトル。未確認の文言は警告です。

    設定(deny、allow)は、いちばん近いmedsec-lint.tomlからも読みます: 指定したフォルダ(またはファイルのあるフォルダ)、なければリポジトリのルートまでの親フォルダです。終了コード0: 問題なし(警告は可)、1: 誤りあり(`--deny warnings`なら警告も)、2: 読めない入力または設定、またはどの規則にもない`--allow`のコード。
arg-checklist-lint-paths = ファイルまたはフォルダ(フォルダは*.tomlを探します)。
arg-checklist-lint-format = 出力形式。
value-checklist-lint-format-table = 人が読む形式。指摘ごとに1行。
value-checklist-lint-format-json = 指摘のJSON。
value-checklist-lint-format-sarif = SARIF 2.1.0(GitHubのコードスキャンなど、SARIFを読むもの用)。
value-checklist-lint-format-junit = JUnit XML。ファイルごとに1つのテストケース、誤りごとに1つの失敗。
arg-checklist-lint-deny = 指摘を誤りとして扱います: `warnings`ならすべての警告を誤りにします(終了コード1)。
value-checklist-lint-deny-warnings = すべての警告を誤りにします。
arg-checklist-lint-base = PATHの下で、このgitのリビジョン(例: origin/main)から変わったファイルだけを検査し、新しい版にせずに回答を引き継げなくする変更を、そのリビジョンのファイルと比べて報告します。
arg-checklist-lint-allow = このコードの規則を報告しません。例: `--allow unverified-wording`(複数指定可。どの規則にもないコードは受け付けません)。
about-checklist-schema = チェックリストファイル形式のJSONスキーマを出力します。
about-checklist-import = 厚生労働省の公式ブックなどのチェックリストのブック(XLSX)を読み、チェックリストファイルにします。
long-about-checklist-import =
    厚生労働省の公式ブックなどのチェックリストのブック(XLSX)を読み、チェックリストファイルにします。

    表の構成は見出しの語(項目/チェック項目、はい、いいえ、確認日など)で、項目はその番号(①、(1)、1-①)で、節は見出しで見つけます。`--map`で構成を指定することもできます。既知の公式ブック(SHA-256で判定)からは確認済みの項目が得られます。構成が見つからないときは何も書かずに終了コード2で終わります。
arg-checklist-import-workbook = ブック(.xlsx)。
arg-checklist-import-id = チェックリストID、PUBLISHER-FORMの形(既定: 公式のブックは発行元のもの、それ以外はファイル名から作った名前、作れなければown-FORM)。
arg-checklist-import-edition = 版。fy2026、2026、令和8年度、R8のどれでも書けます(全角も可。既定: 既知の公式ブックの版、またはタイトルの令和N年度)。2023年度から翌年度までです。
arg-checklist-import-form = 様式(既定: 既知の公式ブックの様式、またはタイトルから判断)。
arg-checklist-import-out = チェックリストをここに書きます(既定と`-`: 標準出力)。
arg-checklist-import-force = `--out`のファイルがあれば置き換えます。
arg-checklist-import-map = 表の構成を自動で探す代わりに指定します: `number=B,text=C,section=A,scope=D,header-rows=2`(列は英字で指定。必須はtextだけ)、または同じキーを持つTOMLファイル。`gate=行番号`(Excelの行番号)、`gate=0`や`gate=1-①`、通し番号のシートでは`gate=①`(印刷どおりの項目番号)で前提の質問(医療情報システムの有無)の位置を、`gate=none`で前提の質問がないことを指定します。gateだけを指定したときは、ほかの構成は自動で探します。
arg-checklist-import-sheet = チェックリストらしいシートが複数あるときに読むシート。
arg-checklist-import-ids-from = 前の版のチェックリスト(ID@EDITION、またはチェックリストファイル)のIDを、取り込む項目に引き継ぎます。`init --from`で昨年度の回答を引き継ぐためです。文言と対象が同じ項目はそのIDを、番号と対象が同じで文言が違う項目は新しいIDと`replaces`(確認が必要な印)を得ます。ほかの項目は取り込みで作ったIDのままです。
about-checklist-add = チェックリストファイルを(検査のうえ)自分のチェックリストフォルダにコピーします。
long-about-checklist-add =
    チェックリストファイルを(検査のうえ)自分のチェックリストフォルダにコピーします。

    以後のコマンドは`--checklist`なしにID@EDITIONで見つけます。フォルダはプラットフォームのデータフォルダ(例: ~/.local/share/medsec/checklists)、またはMEDSEC_DATA_DIR/checklistsです。
arg-checklist-add-file = チェックリストファイル。
arg-checklist-add-force = 同じID@EDITIONで追加済みの別のファイルを置き換えます。
about-checklist-new = 前年度のチェックリストファイルから、次の年度のファイルの下書きを作ります。
long-about-checklist-new =
    前年度のチェックリストファイルから、次の年度のファイルの下書きを作ります。

    版、年度、表題(令和N年度版、FYnnnn)、記入のルールを次の年度に進めます。ガイドラインの版は新しい版についてmedsecが知っていることに合わせ、公表日はわかるまで空けておきます。項目はすべて同じIDのまま残し(回答を引き継げ、`checklist diff`で追えます)、注記を付けて未確認にします。残る作業は文言の照合だけです。`--out`がなければ標準出力に書きます。既にあるファイルは`--force`がなければ置き換えません。
arg-checklist-new-from = 元にするチェックリスト、ID@EDITIONの形(内蔵、追加済み、または`--checklist`で指定したもの)。IDだけのときは、その最新の版を使います。チェックリストのファイルのパス(FILE.toml)も使えます。
arg-checklist-new-edition = 新しい版。fy2026、2026、令和8年度、R8のどれでも書けます。`--from`の版より後で、翌年度までの年度にします。
arg-checklist-new-out = 新しいチェックリストをここに書きます(既定と`-`: 標準出力)。
arg-checklist-new-force = `--out`のファイルがあれば置き換えます。
about-checklist-diff = 2つのチェックリスト(ふつうは同じ様式の2つの版)の違いを分類します: 追加、削除、置き換え、文言の変更、番号の変更など。
long-about-checklist-diff =
    2つのチェックリスト(ふつうは同じ様式の2つの版)の違いを分類します: 追加、削除、置き換え、文言の変更、番号の変更など。

    OLDとNEWには、チェックリストファイル、ID@EDITION、または2つのフォルダ(ファイルをID・様式・版で、次にIDと様式で対応付け、追加・削除されたファイルも報告)を指定します。`-- PATH…`を付けるとgitのリビジョンです: `medsec checklist diff main HEAD -- checklists/`。
    `--fail-on`に達する変更があれば終了コード1(既定: 重大、つまり置き換えのない項目の削除で、回答を引き継げないもの)。版と形式の版を変えずに重大な変更をしたときは常に1。なければ0、チェックリスト・フォルダ・リビジョンを読めなければ2です。
arg-checklist-diff-old = 古いほうのチェックリスト: ファイル、フォルダ、ID@EDITION、または(`-- PATH…`を付けたとき)gitのリビジョン。
arg-checklist-diff-new = 新しいほうのチェックリスト: ファイル、フォルダ、ID@EDITION、または(`-- PATH…`を付けたとき)gitのリビジョン。
arg-checklist-diff-paths = gitのリビジョンOLDとNEWの間で比べるチェックリストのファイルまたはフォルダ。
arg-checklist-diff-format = 出力形式(md: プルリクエストのコメント用のMarkdown)。
value-checklist-diff-format-table = 人が読む形式。変更ごとに1行。
value-checklist-diff-format-json = 変更のJSON。
value-checklist-diff-format-md = プルリクエストのコメント用のMarkdown。
arg-checklist-diff-fail-on = この影響以上の変更があれば終了コード1にします。
value-checklist-diff-fail-on-never = 終了コード1にはしません。
value-checklist-diff-fail-on-breaking = 置き換えのない項目の削除、または様式の変更。
value-checklist-diff-fail-on-review = 加えて、文言・番号・対象・区分の変更と新しい項目。
value-checklist-diff-fail-on-any = どんな変更でも。

## init

about-init = 様式の回答ファイルを新しく書きます(全項目、説明付き)。前年度の回答を引き継ぐこともできます。
long-about-init =
    様式のすべての項目を入れた回答ファイルを新しく書きます。そのまま手で編集できます。

    チェックリストはグローバルな`--checklist`で選びます: mhlw-institution@fy2025のようなIDまたはID@EDITION、またはチェックリストファイルです。指定がなければ`--form`の内蔵の最新版です。形式は`--out`の拡張子に従います: .toml(既定)または.yaml/.yml。`--from LAST_YEAR.toml`を付けると、前年度の回答を固定のIDで引き継ぎます。引き継いだ回答は確認するまで数えず、新しい項目や文言が変わった項目には見直しの印が付きます。
arg-init-form = 様式: institution(医療機関確認用)、pharmacy(薬局確認用)、vendor(事業者確認用)。
arg-init-out = 書き出す先。既定: 現在のフォルダのFORM-EDITION.toml。
arg-init-from = 引き継ぐ前年度の回答ファイル。
arg-init-force = FILEがあれば上書きします。

## answer

about-answer = 端末で項目ごとに回答します。回答を表計算ファイルとして取り込み・書き出しもできます。
long-about-answer =
    端末で項目ごとに回答します。表計算ファイルで管理している回答を取り込み・書き出しもできます。

    端末では、まだ空の医療機関等の情報(事業者確認用なら事業者の情報。Enterでとばせます)を尋ねてから、各項目の番号・本文・説明を示し、はい/いいえ/対象外、確認日(既定は今日、日本時間)、いいえなら目標日、備考と証跡のパスを受け付けます。日付は2026-06-03、2026/6/3、令和8年6月3日、R8.6.3のどれでも入力できます。回答は1件ごとにすぐ(アトミックに)保存され、もう一度実行すると続きから再開します。質問では、Enterでとばし、bで戻り、j2-⑥のようにjと番号で移動し、pで進み具合を表示し、qで終了します。Ctrl-CやCtrl-Dでも止まり、それまでの回答は保存されていて、続け方を表示します。端末がないときは`--import`を使うか、FILEを手で編集して`medsec status FILE`を実行してください。

    `--export SHEET`(.xlsxまたは.csv)は1項目1行で書き出します。見出しは`--lang`の言語で、項目番号、対象、項目、回、回答、確認日、目標日、理由、備考、項目IDです。XLSXでははい/いいえ/対象外をドロップダウンで選べます。`--import SHEET`(.csvまたは.xlsx)はそのようなシートをFILEに取り込みます。見出しはどちらの言語でもよく、項目は番号(2-④サーバ、２－④、2-(4))でもIDでも指定できます。CSVはUTF-8(BOMの有無は問いません)、Shift_JIS/CP932、UTF-16のどれでも読めます。
arg-answer-file = 回答ファイル。既定: 現在のフォルダにある唯一の回答ファイル。
arg-answer-round = 回答する回(1回目または2回目)。
arg-answer-import = 表計算ファイル(.csvまたは.xlsx)の回答をFILEに取り込みます。
arg-answer-export = FILEの回答を表計算ファイル(.xlsxまたは.csv)に書き出します。
arg-answer-force = `--export`と併せて: SHEETがあれば上書きします。
arg-answer-sheet-name = チェックリストのブックを`--import`するとき: チェックリストらしいシートが複数あるときに読むシート。
arg-answer-map = チェックリストのブックを`--import`するとき: 表の構成を自動で探す代わりに、`checklist import --map`と同じ形で指定します(`number=B,text=C,header-rows=2`、またはTOMLファイル)。
arg-answer-layout = `--export`と併せて: 書き出すシートの配置。officialは、チェックリストの取り込み元(`checklist import`)の公式ブックと同じ配置に、○の印と令和8年6月3日の形の日付で回答を書きます。印刷や提出に使え、`--import`で取り込めます。様式は記録した配置から作り直したもので、元のブックの写しに記入するものではありません。元の書式(字体、色、印刷された注意書き)は残りません(理由はdocs/checklist-format.md)。
value-answer-layout-sheet = 項目と回ごとに1行の、medsecの列。
value-answer-layout-official = 公式ブックの配置(.xlsxのみ)。

## status

about-status = 回答を立入検査の基準で確認します(終了コード0: 記入完了、1: 未完了、2: 使えない入力)。
long-about-status =
    回答ファイルを立入検査の基準で確認します: 節と回ごとの進捗、いいえの項目とその目標日、すべての問題。

    医療機関等の回答ファイルと事業者確認用の回答ファイルを一緒に指定してください。医療機関等のファイルのvendorsテーブル(forms = [...])に書かれた事業者確認用も読みます。

    1回目はいつも表示します。2回目(任意)は2回目の回答が1つでもあるとき、または`--round 2`のときに表示します。指摘の文(JSONの`message`も)は`--lang`の言語で、コードは変わりません。

    終了コード0: 記入完了(警告は可)、1: 未完了(指摘あり)、2: 使えない入力。
arg-status-files = 回答ファイル(.toml、.yaml、.yml)、または報告書一式のフォルダやreport.json(報告書に含まれる回答の状況。完全性の確認に失敗した報告書一式は終了コード3)。既定: 今のフォルダにある唯一の回答ファイル。
arg-status-evidence = `medsec probe --out evidence.json`が書いた確認結果。失敗した確認と矛盾する「はい」の回答をエラー(`answer-contradicted-by-probe`)として表示します(`medsec report`が記録するものと同じです)。
arg-status-as-of = この日(日本時間)時点で基準を確認します。例えば立入検査の日: 2026-06-03、2026/6/3、令和8年6月3日、R8.6.3。既定: 今日(日本時間)。この日より後の確認日は`date-in-future`です。
arg-status-round = この回の進み具合も表示します(2: 2回目の回答がまだなくても2回目を表示)。
arg-status-format = 出力形式: 人が読む表、またはJSON。

## probe

about-probe = この端末から証跡を集めます(パッチ適用状況、バックアップ、アカウント、サービス、台帳)。
after-probe =
    プローブは読むだけで、システムを変更しません。`--config`がなければ、この端末に合うプローブ(patch-level、accounts、services)を実行します。

    設定(TOML)には、プローブごとに`[[probe]]`の表を1つ書き、`kind`で種類を選びます:
      `patch-level`(更新): `max_days_since_update = 30`、`max_pending_security = 0`
      `backup-freshness`(バックアップ): `path`にフォルダ、resticまたはborgのリポジトリ。`max_age = "8d"`
      `accounts`(ログインできるアカウント): `max_unused_days = 90`、`leavers = ["tanaka"]`
      `services`(サービスとポート): `allowed_services = ["ssh"]`、`allowed_ports = ["22/tcp"]`
      `asset-ledger`(機器台帳): `path = "ledger.csv"`(CSVまたはXLSX)
    先頭には`role = "server"`または`"terminal"`(端末PC)と、プローブごとの制限時間`timeout = "10m"`を書けます。各プローブには表に出す`name`を付けられます。パスは設定ファイルのある場所から数えます。使えないキーは、その行と列を示すエラーになります。

    終了コード0: 不合格のプローブなし(不明は可)、1: 不合格のプローブか回答との矛盾がある、2: 使えない設定・回答・引数。
arg-probe-config = プローブの設定(TOML): どのプローブを、どの基準で実行するか(下記)。
arg-probe-format = 標準出力の形式: 人が読む表、または証跡のJSON。
arg-probe-out = 証跡のJSONをFILEにも書きます(アトミックに書き、あれば置き換えます)。`-`なら表の代わりに証跡のJSONを標準出力に書きます。
arg-probe-answers = 回答ファイル: プローブと食い違う「はい」の回答を指摘として報告します。
arg-probe-root = /の代わりにDIR以下の端末を読みます(マウントしたディスクイメージや、テスト用のフォルダ)。
arg-probe-no-progress = 進み具合の表示を出しません(表示は端末のときだけで、`--format json`では出しません)。

## report

about-report = 報告書一式(report.json、証跡、マニフェスト)を作ります。`--sign`で署名します。
long-about-report =
    報告書一式を作ります: report.json(すべての回の回答、事業者確認用、プローブの証跡、指摘)、回答が挙げる証跡ファイル、MANIFEST.sha256。`--sign`で署名します。

    回答ファイルに書かれた事業者確認用([vendors] forms)も、`--vendor`で指定したものと一緒に入れます。事業者確認用の横に事業者の署名FORM.minisigがあれば、それもコピーします。報告書一式は新しいフォルダに書いてから最後に所定の場所へ移します。既存の報告書一式は`--force`のときだけ置き換えます。`medsec verify`で確認するか、標準のツールで確認できます: `minisign -Vm MANIFEST.sha256 -p KEY.pub && sha256sum -c MANIFEST.sha256`。
about-report-schema = report.jsonのJSONスキーマ(format_version 2)を出力します。
arg-report-answers = 医療機関(医療機関確認用)または薬局(薬局確認用)の回答ファイル。
arg-report-vendors = 事業者確認用の回答ファイル(複数指定可)。
arg-report-evidence = `medsec probe --out evidence.json`が書いたプローブの証跡。
arg-report-out = 書き出す報告書一式のフォルダ(新規、空、または`--force`を付けて既存の報告書一式)。
arg-report-sign = この秘密鍵(`medsec keygen`で作ったNAME.key)で報告書一式に署名します。
arg-report-vendor-keys = 事業者の公開鍵(`medsec keygen`のVENDOR.pub、複数指定可)。署名のある事業者確認用を、何かに署名する前にこの鍵でそのファイルと照合します。署名の後に変更されたファイルでは報告書を作りません(終了コード2)。指定しないときは事業者の署名を確かめず、そう伝えてreport.htmlに(未検証)と表示します。
arg-report-passphrase-env = 鍵のパスフレーズを端末ではなく環境変数VARから読みます。
arg-report-force = DIRの既存の報告書一式を置き換えます。MANIFEST.sha256のとおりの報告書一式に限ります(ほかのものがあるフォルダ、ファイル、シンボリックリンクは断ります)。

## render

about-render = 報告書一式またはreport.jsonをHTML(印刷用)、Markdown、CSV、XLSXにします。
long-about-render =
    報告書を人が読む形にします: 印刷用のHTML(A4、公式の様式に近い形)、メール用のMarkdown、CSV(項目と回ごとに1行)、XLSX。

    報告書一式のフォルダかreport.jsonを指定します。報告書一式のフォルダは先に確認します: すべてのファイルをマニフェストと照合し、`--trusted`か`--pubkey`があれば署名を信頼する鍵で検証します。確認に失敗した報告書一式は出力しません(終了コード3)。改ざんされた内容を正しいものとして見せることはありません。ページには何を確認したかを書きます。report.jsonだけを指定したときは、何も確認していないことを書き添えて出力します。見出しなどは`--lang`に従います。docs/render.mdを参照してください。
arg-render-input = 報告書一式のフォルダ(`medsec report`で作ったもの)またはreport.json。
arg-render-format = 出力形式(省略時は`--out`のファイルの拡張子(.html、.md、.csv、.xlsx)から決め、それもなければhtml)。拡張子と食い違う形式は受け付けません。
arg-render-out = 標準出力の代わりにFILEに書きます(既にあるファイルは`--force`のときだけ置き換え、報告書一式の中のファイルには書きません)。`-`は標準出力です(xlsxは端末でないときだけ)。
arg-render-force = `--out`のファイルがあれば置き換えます(報告書一式の中のファイルは置き換えません)。
arg-render-pubkey = この1つの公開鍵(.pubファイル)で報告書一式の署名を確認します。
arg-render-trusted = このファイルに並べた鍵で報告書一式の署名を確認します(docs/signing.mdを参照)。
arg-render-as-of = 今日の代わりに、この日(日本時間)より前の目標日を期限切れとします: 2026-06-03、2026/6/3、令和8年6月3日、R8.6.3。

## keygen

about-keygen = 署名用の鍵ペア(minisignの形式)を作ります。
long-about-keygen =
    minisignの形式で署名用の鍵ペアを作ります: NAME.key(秘密鍵、モード0600)とNAME.pub。

    秘密鍵はパスフレーズで暗号化します(minisignと同じscrypt)。パスフレーズは端末で表示せずに尋ねます。既存のファイルは`--force`がなければ置き換えません。NAME.pubは検査する側に渡し(keys.tomlに登録されます)、NAME.keyは自分だけで保管してください。
arg-keygen-out = ファイルの基本名: NAME.keyとNAME.pubを書きます。
arg-keygen-passphrase-env = パスフレーズを環境変数VARから読みます(自動化用)。
arg-keygen-unencrypted = パスフレーズなしの鍵を作ります: NAME.keyを読める人は誰でも署名できます。
arg-keygen-force = 既存の鍵ファイルを置き換えます。
arg-keygen-institution = この鍵で署名する医療機関の医療機関コード(10桁)。立入検査の担当者向けに出力するkeys.tomlの項目に記します。
arg-keygen-vendor = この鍵で事業者確認用に署名する事業者の名前(その様式での表記どおり)。出力するkeys.tomlの項目は`[vendors]`のものになります。

## sign

about-sign = 報告書一式のマニフェストを書いて署名します。または事業者確認用に署名します(`--form`)。
long-about-sign =
    報告書一式のMANIFEST.sha256とその署名MANIFEST.sha256.minisigを(もう一度)書きます。または事業者確認用に署名します(`--form`)。

    マニフェストはDIRのすべてのファイルをsha256sumの形式で挙げます。署名の信頼済みコメントには、医療機関コード、チェックリストの版、report.jsonのSHA-256が入ります。書いた結果はコマンドが終わる前に検証します。だれでも標準のツールで確認できます: `minisign -Vm MANIFEST.sha256 -p KEY.pub && sha256sum -c MANIFEST.sha256`。

    事業者は事業者確認用に`medsec sign --form vendor-a.toml --key vendor.key`で署名します。これで横にvendor-a.toml.minisigができます(`minisign -Vm vendor-a.toml -p vendor.pub`で確認できます)。`medsec report`は両方を医療機関の報告書一式に入れます。
arg-sign-dir = 報告書一式のフォルダ(report.jsonを含むもの)。
arg-sign-form = 報告書一式の代わりに、この事業者確認用([vendor]の表を持つ回答ファイル)に署名します。
arg-sign-key = 秘密鍵(`medsec keygen`で作ったNAME.key、またはminisignの秘密鍵)。
arg-sign-passphrase-env = 鍵のパスフレーズを端末ではなく環境変数VARから読みます。

## verify

about-verify = 署名された報告書一式をオフラインで検証します。
long-about-verify =
    署名された報告書一式をオフラインで検証します: 署名、すべてのファイル、信頼する鍵、チェックリスト、年度、医療機関、報告書に記録された指摘。

    終了コード0: 正しく記入完了、1: 正しいが指摘あり(未完了、別の年度など)、3: 署名または完全性の失敗(改ざん、ファイルの欠落や余分なファイル、リンクや特殊なファイル、誤った鍵や信頼していない鍵、不明なチェックリストのダイジェスト、別の医療機関、報告書一式にない事業者の署名)、2: 使えない入力(読めないファイルやフォルダ、verifyの大きさの上限を超えるファイル)。失敗した報告書一式のreport.jsonの内容は表示しません。報告書一式が複数あるときはすべてを検証し、最も重い終了コードを返します。docs/security.mdを参照してください。
arg-verify-dirs = 報告書一式のフォルダ。
arg-verify-pubkey = すべての報告書一式に対して、この1つの公開鍵(.pubファイル)を信頼します。
arg-verify-trusted = このファイルに医療機関コードと事業者ごとに並べた鍵を信頼します(docs/signing.mdを参照)。
arg-verify-institution = どの報告書一式もこの医療機関コードのものでなければなりません。
arg-verify-as-of = 今日の代わりに、この日(日本時間)時点で年度を判断します: 2026-06-03、2026/6/3、令和8年6月3日、R8.6.3(`status --as-of`と同じ)。
arg-verify-expect = 印刷した報告書にあるSHA-256(印刷されたまま`SHA-256 <hex>`、`sha256:<hex>`、または16進数64桁。大文字・小文字は問いません)、またはそのQRコードの文字列全体(`medsec:sha256=<hex>;key=<KEYID>`。このときは鍵も一致が必要)。report.jsonが異なる報告書一式は完全性の失敗(終了コード3)で、その紙はこの報告書一式のものではありません。
arg-verify-format = 出力形式: 人が読む表、またはJSON。

## summarize

about-summarize = 署名された多くの報告書一式を1件1行にまとめます(表、CSV、XLSX、JSON)。
long-about-summarize =
    署名された多くの報告書一式を1件1行にまとめます。検査する側や都道府県のためのものです: 医療機関コードと名称、都道府県、版、検証の結果と最も重い指摘、記入完了かどうか、いいえの回答、期限を過ぎた目標日、プローブの失敗と回答との食い違い、署名日。

    フォルダの中のフォルダもたどります(リンクはたどりません)。MANIFEST.sha256、その署名、report.jsonのどれかがあるフォルダを報告書一式とみなします。どの報告書一式も`medsec verify`と同じように検証します(すべての指摘を見るには1つの報告書一式にverifyを実行してください)。終了コードはverifyと同じで、最も重い報告書一式のものになります。
arg-summarize-dirs = 報告書一式のフォルダ、または任意の深さに報告書一式を含むフォルダ。
arg-summarize-trusted = このファイルに医療機関コードと事業者ごとに並べた鍵を信頼します(docs/signing.mdを参照)。
arg-summarize-pubkey = すべての報告書一式に対して、この1つの公開鍵(.pubファイル)を信頼します。
arg-summarize-as-of = 今日の代わりに、この日(日本時間)時点で年度と期限切れの目標日を判断します: 2026-06-03、2026/6/3、令和8年6月3日、R8.6.3。
arg-summarize-out = 標準出力の代わりにFILEに書きます(xlsxでは必須。既にあるファイルは`--force`のときだけ置き換え、報告書一式の中のファイルには書きません)。`-`は標準出力です(xlsxは端末でないときだけ)。
arg-summarize-force = `--out`のファイルがあれば置き換えます(報告書一式の中のファイルは置き換えません)。
arg-summarize-format = 出力形式: 人が読む表、CSV、XLSX(`--out`が必要)、またはJSON(省略時は`--out`のファイルの拡張子(.txt、.csv、.xlsx、.json)から決め、それもなければ表)。拡張子と食い違う形式は受け付けません。

## check

about-check = 1つのコマンドで今年度の自己点検を行います: 回答、状況確認、プローブ、署名した報告書、検証。
long-about-check =
    1つのコマンドで今年度の自己点検を行います: 回答、状況確認、プローブ、署名した報告書一式(report.html付き)、書いたものの検証。

    順に: 回答ファイル(端末では、なければ`init`で作り、未完了なら項目ごとに回答します)、その状況確認(未完了ならここで止まります、終了コード1)、プローブ、`--key`で署名した報告書一式DIR/bundle(report.htmlを含む)、最後に鍵の公開鍵で報告書一式を検証します。終わりに、書いたもの、足りないもの、次にすることを示します。

    端末がないとき(または`--non-interactive`のとき)は何も尋ねません。回答ファイルやパスフレーズがなければ、それを指定するフラグを示すエラーになります(終了コード2)。

    DIRに書くもの: bundle/(署名した報告書一式)、evidence.json(プローブの証跡)、`--key`がなければ使い捨ての鍵ペアthrowaway.key/throwaway.pub。DIRに以前のcheckが書いたものは置き換えます(報告書一式は、マニフェストが挙げるとおりのときだけ。前からあったevidence.jsonは置き換えたことを伝えます)。途中で止められたとき(Ctrl-C、SIGTERM)は、作ったファイルとフォルダを消します。
after-check = 終了コード0: 記入完了で、不合格のプローブがなく、報告書一式が署名され指摘なしで検証できた、1: 指摘あり(未完了の回答、不合格のプローブや回答との矛盾、報告書一式の指摘、確かめていない事業者の署名)、2: 使えない入力、または尋ねることがあるのに端末がない、3: 書いた報告書一式が検証に失敗した。docs/check.mdを参照してください。
arg-check-answers = 医療機関(医療機関確認用)または薬局(薬局確認用)の回答ファイル。既定: 現在のフォルダにある唯一の回答ファイル。端末では、なければ新しく作ります。
arg-check-form = checkが回答ファイルを作るとき(まだないとき)に回答する様式: institution(医療機関確認用)、pharmacy(薬局確認用)、vendor(事業者確認用)。`medsec init --form`と同じです。既定: 端末では尋ねます。端末でなければ医療機関の様式です。
arg-check-probes = プローブの設定(TOML。examples/clinic/probes.tomlを参照)。`medsec probe --config`と同じく、既定のプローブを置き換えます。既定: この端末に合うプローブ(パッチ適用状況、アカウント、サービス)。
arg-check-key = この秘密鍵(`medsec keygen`で作ったNAME.key)で署名します。既定: DIRに作る使い捨ての鍵。試しには使えますが、立入検査には使えません。
arg-check-passphrase-env = 鍵のパスフレーズを端末ではなく環境変数VARから読みます。
arg-check-out = 書き出すフォルダ(bundle/、evidence.json、使い捨ての鍵)。既定: 現在のフォルダのreport-EDITION(例: report-fy2025)。
arg-check-vendor-keys = 事業者の公開鍵(`medsec keygen`のVENDOR.pub、複数指定可)。署名のある事業者確認用を、何かに署名する前にこの鍵でそのファイルと照合します。署名の後に変更されたファイルでは報告書を作りません(終了コード2)。指定しないときは事業者の署名を確かめず、そう伝えてreport.htmlに(未検証)と表示します。
arg-check-non-interactive = 端末でも何も尋ねません。
arg-check-as-of = 回答と報告書一式を、この日(日本時間)時点で判断します(2026-06-03、2026/6/3、令和8年6月3日、R8.6.3)。例えば立入検査の日。既定: 今日(日本時間)。プローブはいつも現在の端末を調べます。
arg-check-format = 標準出力の形式: 人が読む文章、または1つのJSONオブジェクト(進み具合の表示も問いかけもなし)。

## completions, man

about-completions = SHELL用の補完スクリプトを標準出力に出力します。
arg-completions-shell = bash、zsh、fish、elvish、powershellのいずれか。
about-man = manページ(roff)を標準出力に出力します。
