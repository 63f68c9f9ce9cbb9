#!/usr/bin/env bash
# A clinic's year, file-driven: start the answers file, merge a spreadsheet, check the status.
# Run from the repository root: examples/answers/run.sh   (uses target/debug/medsec or $MEDSEC)
set -euo pipefail
medsec=${MEDSEC:-$(pwd)/target/debug/medsec}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# 1. A complete answers file for the FY2025 institution form, commented in Japanese.
"$medsec" --lang ja init --checklist mhlw-institution@fy2025 --out clinic.toml

# 2. Answers kept in a spreadsheet (item by number or stable ID) merged in.
"$medsec" --lang ja answer clinic.toml --import "$here/sheet.csv"

# 3. The same answers as an Excel sheet with はい/いいえ drop-downs, to fill in and import back.
"$medsec" answer clinic.toml --export clinic.xlsx

# 4. Status as on the inspection day (--as-of; default today in Japan): progress, いいえ items
#    with target dates, and what is still missing (exit 1), in Japanese.
set +e
"$medsec" --lang ja status --as-of 2025-10-15 clinic.toml
code=$?
set -e
echo "記入状況の終了コード: $code(0 記入完了、1 未完了、2 使えない)/ status exit code: $code (0 complete, 1 incomplete, 2 unusable)"
[ "$code" = 1 ]
