#!/usr/bin/env bash
# The whole signing story, end to end, in a temporary folder:
#   the hospital makes a key, signs its bundle; the inspector verifies it with medsec
#   (keys.toml) and with the stock tools (minisign + sha256sum); a tampered copy fails.
#
# Usage: examples/signing/sign-and-verify.sh [path/to/medsec]   (default: cargo run)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 1 ]; then medsec=("$1"); else medsec=(cargo run --quiet --manifest-path "$here/../../Cargo.toml" --); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# 1. The hospital: a key pair (passphrase from the environment here; on a terminal it is asked).
export MEDSEC_PASSPHRASE="example passphrase, choose a long one"
"${medsec[@]}" keygen --out hospital --passphrase-env MEDSEC_PASSPHRASE

# 2. A bundle, made by `medsec report` (unsigned here) from an answers file: every item of
#    the bundled FY2025 institution form answered はい (see examples/report/run.sh for the
#    full story with vendor forms, probes and evidence files).
"${medsec[@]}" init --checklist mhlw-institution@fy2025 --out hospital.toml >/dev/null 2>&1
python3 - <<'PY'
import re
text = open("hospital.toml", encoding="utf-8").read()
for key, value in {
    "name": '"札幌中央病院"', "code": '"0110113719"', "prefecture": '"北海道"',
    "kind": '"hospital"', "manager": '"山田太郎"', "security_manager": '"佐藤花子"',
    "answered_by": '"佐藤花子"', "contract": "false",
}.items():
    text = re.sub(rf'^{key} = [^#\n]*', f'{key} = {value}  ', text, count=1, flags=re.M)
open("hospital.toml", "w", encoding="utf-8").write(text)
PY
"${medsec[@]}" checklist show mhlw-institution@fy2025 --format json | python3 -c '
import csv, json, sys
w = csv.writer(sys.stdout)
w.writerow(["item", "answer", "checked_on"])
for item in json.load(sys.stdin)["items"]:
    w.writerow([item["id"], "はい", "2025-06-02"])' >sheet.csv
"${medsec[@]}" answer hospital.toml --import sheet.csv >/dev/null
"${medsec[@]}" report --answers hospital.toml --out bundle
"${medsec[@]}" sign bundle --key hospital.key --passphrase-env MEDSEC_PASSPHRASE

# 3. The inspector: keys.toml maps institution codes to the keys they trust.
cat >keys.toml <<TOML
format_version = 1

[institutions.0110113719]
name = "札幌中央病院"
keys = ["$(sed -n 2p hospital.pub)"]
TOML
"${medsec[@]}" verify bundle --trusted keys.toml --institution 0110113719 --as-of 2025-11-01 --lang en

# 4. The same check with only the stock tools.
if command -v minisign >/dev/null; then
  (cd bundle && minisign -Vm MANIFEST.sha256 -p ../hospital.pub && sha256sum -c MANIFEST.sha256)
else
  echo "minisignがないため、標準のツールでの確認を省きます(apt-get install -y minisign)。/ minisign is not installed (apt-get install -y minisign); skipping the stock-tool check"
fi

# 5. A tampered copy: exit 3 (signature or integrity failure; the worst code of the two wins).
cp -r bundle tampered
sed -i 's/札幌中央病院/別の病院/' tampered/report.json
set +e
"${medsec[@]}" verify bundle tampered --trusted keys.toml --as-of 2025-11-01 --lang en
code=$?
set -e
echo "改ざんしたコピーの検証: 終了コード$code(3になるはず)/ verify of the tampered copy: exit $code (expected 3)"
[ "$code" = 3 ]
