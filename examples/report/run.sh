#!/usr/bin/env bash
# A clinic's signed report, end to end, as users run it (file-driven, in a temporary folder):
#   keys -> answers file (init, header filled in, answers imported from a sheet) -> the vendor
#   signs its form -> probe -> report --sign -> the inspector verifies with medsec (keys.toml)
#   and with the stock tools (minisign + sha256sum) -> a changed evidence file fails (exit 3).
#
# Usage: examples/report/run.sh [path/to/medsec]   (default: cargo run)
# Uses the bundled checklist mhlw-institution@fy2025 and its vendor form; needs python3, and
# minisign for the stock-tool check (skipped with a message if missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 1 ]; then medsec=("$1"); else medsec=(cargo run --quiet --manifest-path "$here/../../Cargo.toml" --); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export MEDSEC_PASSPHRASE="example passphrase, choose a long one"

# 1. Keys: the clinic's (encrypted; the passphrase from the environment here) and the vendor's.
"${medsec[@]}" keygen --out hospital --passphrase-env MEDSEC_PASSPHRASE
"${medsec[@]}" keygen --out vendor --unencrypted 2>/dev/null

# 2. The answers file: every item of the FY2025 institution form, then the header filled in.
"${medsec[@]}" init --checklist mhlw-institution@fy2025 --out clinic.toml >/dev/null
python3 - <<'PY'
import re
text = open("clinic.toml", encoding="utf-8").read()
for key, value in {
    "name": '"札幌中央クリニック"', "code": '"0110113719"', "prefecture": '"北海道"',
    "kind": '"clinic"', "manager": '"山田太郎"', "security_manager": '"佐藤花子"',
    "answered_by": '"佐藤花子"', "contract": "true", "forms": '["vendor-karte.toml"]',
}.items():
    text = re.sub(rf'^{key} = [^#\n]*', f'{key} = {value}  ', text, count=1, flags=re.M)
open("clinic.toml", "w", encoding="utf-8").write(text)
PY

# 3. Answers kept in a sheet (here: はい to every item, checked on 2025-06-02), imported.
mkdir -p evidence
echo "医療情報システム安全管理責任者 任命書 (2025-04-01)" >evidence/appointment.txt
"${medsec[@]}" checklist show mhlw-institution@fy2025 --format json | python3 -c '
import csv, json, sys
w = csv.writer(sys.stdout)
w.writerow(["item", "answer", "checked_on", "target_date", "note"])
for item in json.load(sys.stdin)["items"]:
    w.writerow([item["id"], "はい", "2025-06-02", "", ""])' >sheet.csv
"${medsec[@]}" answer clinic.toml --import sheet.csv >/dev/null
# Evidence for one answer, as a user adds it (paths relative to the answers file).
python3 - <<'PY'
text = open("clinic.toml", encoding="utf-8").read()
head, sep, tail = text.partition('item = "security-manager"')
tail = tail.replace("evidence = []", 'evidence = ["evidence/appointment.txt"]', 1)
open("clinic.toml", "w", encoding="utf-8").write(head + sep + tail)
PY

# 4. The vendor's form (事業者確認用), filled in and signed by the vendor.
"${medsec[@]}" init --checklist mhlw-vendor@fy2025 --out vendor-karte.toml >/dev/null
python3 - <<'PY'
import re
text = open("vendor-karte.toml", encoding="utf-8").read()
for key, value in {"name": '"株式会社カルテシステム"', "system": '"電子カルテ"',
                   "contact": '"03-0000-0000"', "answered_by": '"鈴木一郎"'}.items():
    text = re.sub(rf'^{key} = [^#\n]*', f'{key} = {value}  ', text, count=1, flags=re.M)
text = re.sub(r'^answer = ""', 'answer = "はい"', text, flags=re.M)
text = re.sub(r'^checked_on = ""', 'checked_on = 2025-07-01', text, flags=re.M)
open("vendor-karte.toml", "w", encoding="utf-8").write(text)
PY
"${medsec[@]}" sign --form vendor-karte.toml --key vendor.key
"${medsec[@]}" status clinic.toml

# 5. Evidence from this machine (here the default probes; exit 1 when a probe fails).
"${medsec[@]}" probe --answers clinic.toml --format json --out evidence.json >/dev/null || true

# 6. The signed report bundle.
"${medsec[@]}" report --answers clinic.toml --evidence evidence.json --out bundle \
  --vendor-key vendor.pub --sign hospital.key --passphrase-env MEDSEC_PASSPHRASE || [ $? = 1 ]

# 7. The inspector: keys.toml names the clinic's key and the vendor's key.
cat >keys.toml <<TOML
format_version = 1

[institutions.0110113719]
name = "札幌中央クリニック"
keys = ["$(sed -n 2p hospital.pub)"]

[vendors."株式会社カルテシステム"]
keys = ["$(sed -n 2p vendor.pub)"]
TOML
set +e
"${medsec[@]}" verify bundle --trusted keys.toml --institution 0110113719 --as-of 2025-11-01
code=$?
set -e
echo "検証の終了コード: $code(0 有効で記入完了、1 要確認、3 無効)/ verify exit code: $code (0 valid and complete, 1 findings, 3 integrity)"
[ "$code" = 0 ] || [ "$code" = 1 ]

# 8. With only the stock tools.
if command -v minisign >/dev/null; then
  (cd bundle && minisign -Vm MANIFEST.sha256 -p ../hospital.pub && sha256sum -c MANIFEST.sha256)
  minisign -Vm vendor-karte.toml -p vendor.pub
else
  echo "minisignがないため、標準のツールでの確認を省きます(apt-get install -y minisign)。/ minisign is not installed (apt-get install -y minisign); skipping the stock-tool check"
fi

# 9. A changed evidence file: integrity failure, exit 3.
cp -r bundle tampered
echo "changed" >>tampered/evidence/clinic/evidence/appointment.txt
set +e
"${medsec[@]}" verify tampered --trusted keys.toml --as-of 2025-11-01
code=$?
set -e
echo "改ざんしたコピーの検証: 終了コード$code(3になるはず)/ verify of the tampered copy: exit $code (expected 3)"
[ "$code" = 3 ]
