#!/usr/bin/env bash
# A prefecture verifies hundreds of bundles at once. This makes N signed bundles (default
# 10,000; each a report.json and an evidence file, signed by `medsec sign`), then times
#   medsec verify over all of them (one process, bundles checked in parallel)
# against what an inspector with only the stock tools runs per bundle:
#   minisign -Vqm MANIFEST.sha256 -p hospital.pub && sha256sum -c --quiet MANIFEST.sha256
# and prints the ratio. Goal: at least 20x.
#
# Usage: scripts/bench-verify.sh [N] [WORKDIR]
#   (builds the release binary; needs minisign, sha256sum, bc; WORKDIR defaults to a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=${2:-$(mktemp -d)}
command -v minisign >/dev/null || { echo "minisign is not installed (apt-get install -y minisign)" >&2; exit 2; }
cargo build --release --quiet
bin=$PWD/target/release/medsec
mkdir -p "$work"
echo "workdir: $work"

# One key; one complete report made by `medsec report` from the bundled FY2025 institution form
# (every item answered はい), copied per bundle with institution codes 011 + i (7 digits).
[ -f "$work/hospital.key" ] || "$bin" keygen --out "$work/hospital" --unencrypted 2>/dev/null >/dev/null
if [ ! -f "$work/template/report.json" ]; then
  (
    cd "$work"
    "$bin" init --checklist mhlw-institution@fy2025 --out clinic.toml --force >/dev/null 2>&1
    python3 - <<'PY'
import re
text = open("clinic.toml", encoding="utf-8").read()
for key, value in {"name": '"医療機関"', "code": '"0110113719"', "prefecture": '"北海道"',
                   "kind": '"hospital"', "manager": '"管理者"', "security_manager": '"責任者"',
                   "answered_by": '"責任者"', "contract": "false"}.items():
    text = re.sub(rf'^{key} = [^#\n]*', f'{key} = {value}  ', text, count=1, flags=re.M)
open("clinic.toml", "w", encoding="utf-8").write(text)
PY
    "$bin" checklist show mhlw-institution@fy2025 --format json | python3 -c '
import csv, json, sys
w = csv.writer(sys.stdout)
w.writerow(["item", "answer", "checked_on"])
for item in json.load(sys.stdin)["items"]:
    w.writerow([item["id"], "はい", "2025-06-02"])' >sheet.csv
    "$bin" answer clinic.toml --import sheet.csv >/dev/null
    "$bin" report --answers clinic.toml --out template --force >/dev/null
  )
fi

make_one() {
  local i=$1 dir="$work/bundles/b$1"
  [ -f "$dir/MANIFEST.sha256.minisig" ] && return 0
  mkdir -p "$dir/evidence"
  sed "s/0110113719/$(printf '011%07d' "$i")/g" "$work/template/report.json" >"$dir/report.json"
  head -c 2048 /dev/urandom | base64 >"$dir/evidence/backup-log.txt"
  "$bin" sign "$dir" --key "$work/hospital.key" >/dev/null
}
export -f make_one
export work bin
echo "making $n signed bundles..."
seq 1 "$n" | xargs -P "$(nproc)" -I{} bash -c 'make_one {}'
mapfile -t dirs < <(seq 1 "$n" | sed "s|^|$work/bundles/b|")

ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Warm the page cache for both runs alike.
cat "$work"/bundles/b*/MANIFEST.sha256 >/dev/null

start=$(ms)
set +e
printf '%s\0' "${dirs[@]}" | xargs -0 "$bin" verify --pubkey "$work/hospital.pub" --format json --as-of 2025-11-01 >"$work/verify.json"
code=$?
set -e
t_medsec=$(( $(ms) - start ))
[ "$code" = 0 ] || { echo "medsec verify exited $code (see $work/verify.json)" >&2; exit 1; }

start=$(ms)
for d in "${dirs[@]}"; do
  (cd "$d" && minisign -Vqm MANIFEST.sha256 -p "$work/hospital.pub" && sha256sum -c --quiet MANIFEST.sha256) >/dev/null ||
    { echo "stock tools rejected $d" >&2; exit 1; }
done
t_stock=$(( $(ms) - start ))

printf '%-48s %8d ms\n' "medsec verify, $n bundles (one process)" "$t_medsec" \
  "minisign -V + sha256sum -c, per bundle" "$t_stock"
printf 'ratio: %sx (goal: at least 20x)\n' "$(echo "scale=1; $t_stock / ($t_medsec + 1)" | bc)"
