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

# 2. A bundle: report.json (normally written by `medsec report`) and an evidence file.
#    The example report follows the bundled checklist mhlw-institution@fy2025.
mkdir -p bundle/evidence
digest=$("${medsec[@]}" checklist list --format json 2>/dev/null |
  python3 -c 'import json,sys; print(next(c["digest"] for c in json.load(sys.stdin) if c["id"]=="mhlw-institution" and c["edition"]=="fy2025"))')
cat >bundle/report.json <<JSON
{
  "format_version": 1,
  "fiscal_year": 2025,
  "institution": {"code": "0110113719", "name": "札幌中央病院"},
  "checklist": {"id": "mhlw-institution", "edition": "fy2025", "digest": "$digest",
                "form": "institution", "fiscal_year": 2025},
  "findings": []
}
JSON
echo "2025-10-01 03:00 full backup ok" >bundle/evidence/backup-log.txt
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
fi

# 5. A tampered copy: exit 3.
cp -r bundle tampered
sed -i 's/札幌中央病院/別の病院/' tampered/report.json
set +e
"${medsec[@]}" verify bundle tampered --trusted keys.toml --as-of 2025-11-01 --lang en
echo "exit code: $? (3 = signature or integrity failure)"
