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

# One key, one checklist (bundled), bundles for institution codes 0100000000 + i.
[ -f "$work/hospital.key" ] || "$bin" keygen --out "$work/hospital" --unencrypted 2>/dev/null >/dev/null
digest=$("$bin" checklist list --format json 2>/dev/null |
  python3 -c 'import json,sys; print(next(c["digest"] for c in json.load(sys.stdin) if c["id"]=="mhlw-institution" and c["edition"]=="fy2025"))')

make_one() {
  local i=$1 dir="$work/bundles/b$1"
  [ -f "$dir/MANIFEST.sha256.minisig" ] && return 0
  mkdir -p "$dir/evidence"
  printf '{\n  "format_version": 1,\n  "fiscal_year": 2025,\n  "institution": {\n    "code": "%010d",\n    "name": "医療機関 %d"\n  },\n  "checklist": {\n    "id": "mhlw-institution",\n    "edition": "fy2025",\n    "digest": "%s",\n    "form": "institution",\n    "fiscal_year": 2025\n  },\n  "findings": []\n}\n' \
    $((100000000 + i)) "$i" "$digest" >"$dir/report.json"
  head -c 2048 /dev/urandom | base64 >"$dir/evidence/backup-log.txt"
  "$bin" sign "$dir" --key "$work/hospital.key" >/dev/null
}
export -f make_one
export work bin digest
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
