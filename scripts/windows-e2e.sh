#!/usr/bin/env bash
# The file-driven year with the Windows binary, under Wine: medsec.exe must give the same
# results and exit codes as on Linux, with Windows paths (Z:\..., backslashes, a UNC path in a
# probes config), CRLF files, a CP932 CSV and Japanese output. Every step checks its exit code
# and what it wrote; the first wrong result stops the script with exit 1 and says which step.
#
# Usage: scripts/windows-e2e.sh path/to/medsec.exe     (KEEP=1 keeps the working folder)
#   (made by: cargo build --profile windows-ci --target x86_64-pc-windows-gnu)
# Needs: wine (Debian's wine64), x86_64-w64-mingw32-gcc, minisign, sha256sum, python3.
#
# Wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's standard library imports: a
# stand-in forwarding to RtlGenRandom (advapi32's SystemFunction036) is built here with mingw
# and put next to medsec.exe, only for this test. Real Windows (10 and later) has the DLL.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 path/to/medsec.exe" >&2
  exit 2
fi
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
for tool in wine x86_64-w64-mingw32-gcc minisign sha256sum python3; do
  command -v "$tool" >/dev/null || { echo "windows-e2e: FAILED: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d)
cleanup() {
  WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "windows-e2e: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# Wine has no display here; it needs none for console programs.
unset DISPLAY WAYLAND_DISPLAY
export NO_COLOR=1
# Japanese fiscal dates must not depend on this machine's zone or language.
unset LANG LC_ALL LC_MESSAGES LANGUAGE

step=""
fail() {
  echo "windows-e2e: FAILED at step \"$step\": $*" >&2
  for f in "$work/out" "$work/err"; do
    [ -s "$f" ] && { echo "--- ${f##*/}:" >&2; head -c 4000 "$f" >&2; echo >&2; }
  done
  exit 1
}

# ---- Setup: the stand-in DLL, medsec.exe beside it, a fresh Wine prefix ------------------
step="build the bcryptprimitives.dll stand-in"
mkdir -p "$work/bin" "$work/c/keys"
cat >"$work/bcp.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}
C
printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n' >"$work/bcp.def"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bin/bcryptprimitives.dll" "$work/bcp.c" \
  "$work/bcp.def" -ladvapi32 || fail "mingw could not build the DLL"
cp "$exe" "$work/bin/medsec.exe"

step="create the Wine prefix"
wine wineboot -i >"$work/out" 2>"$work/err" || fail "wineboot failed"

# Z: is / in every Wine prefix: a Unix path as Windows writes it, with backslashes.
winpath() { printf 'Z:%s' "${1//\//\\}"; }
W=$(winpath "$work/c")   # the working folder, Z:\tmp\...\c

# run CODE STEP ARGS...: run medsec.exe (from the working folder) and require exit CODE.
run() {
  local want=$1
  step=$2
  shift 2
  local got=0
  (cd "$work/c" && wine "$work/bin/medsec.exe" "$@") >"$work/out" 2>"$work/err" || got=$?
  [ "$got" = "$want" ] || fail "exit $got, expected $want (medsec.exe $*)"
}
# has FILE TEXT: the file (out or err) contains TEXT.
has() {
  grep -qF -- "$2" "$work/$1" || fail "$1 does not contain \"$2\""
}
lacks() {
  if grep -qF -- "$2" "$work/$1"; then fail "$1 contains \"$2\""; fi
}
crlf() { python3 -c 'import sys; p = sys.argv[1]; b = open(p, "rb").read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"); open(p, "wb").write(b)' "$1"; }
fill() { # fill FILE key=value...: set header fields of a file made by init
  python3 - "$@" <<'PY'
import re, sys
path, pairs = sys.argv[1], sys.argv[2:]
data = open(path, "rb").read().decode("utf-8")
for pair in pairs:
    key, value = pair.split("=", 1)
    data, n = re.subn(rf"^{key} = [^#\r\n]*", f"{key} = {value}  ", data, count=1, flags=re.M)
    if n != 1:
        sys.exit(f"{path}: no line for {key}")
open(path, "wb").write(data.encode("utf-8"))
PY
}

export MEDSEC_PASSPHRASE="example passphrase for the Windows test"

# ---- The year ----------------------------------------------------------------------------
run 0 "--version" --version
has out "medsec"

# Keys: the clinic's (encrypted) and the vendor's, at Windows paths with backslashes.
run 0 "keygen (encrypted, Windows path)" keygen --out "$W\\keys\\hospital" \
  --passphrase-env MEDSEC_PASSPHRASE
[ -s "$work/c/keys/hospital.key" ] && [ -s "$work/c/keys/hospital.pub" ] || fail "no key files"
# The secret key gets an owner-only access list (src/signing/acl.rs). Wine keeps no security
# descriptor on its Unix files (it maps the list to mode bits, lossily), so what can be shown
# here is the request: one NtSetSecurityObject per keygen, with DACL_SECURITY_INFORMATION |
# PROTECTED_DACL_SECURITY_INFORMATION (0x80000004), accepted; and a key that still signs.
step="keygen sets a protected access list on the secret key only"
(cd "$work/c" && WINEDEBUG=+ntdll wine "$work/bin/medsec.exe" keygen --out "$W\\keys\\acl" \
  --unencrypted) >"$work/out" 2>"$work/trace" || fail "keygen failed under the trace"
calls=$(grep -c 'NtSetSecurityObject .* 0x80000004 ' "$work/trace" || true)
[ "$calls" = 1 ] || fail "$calls protected access lists set (expected 1: the secret key)"
rm -f "$work/trace"
run 0 "keygen (vendor, unencrypted)" keygen --out "$W\\keys\\vendor" --unencrypted
run 2 "keygen refuses to overwrite" keygen --out "$W\\keys\\vendor" --unencrypted
has err "vendor.key"

# The answers file, made by init, header filled in, written back with CRLF line ends.
run 0 "init (institution form)" init --checklist mhlw-institution@fy2025 --out "$W\\clinic.toml"
fill "$work/c/clinic.toml" 'name="札幌中央クリニック"' 'code="0110113719"' 'prefecture="北海道"' \
  'kind="clinic"' 'manager="山田太郎"' 'security_manager="佐藤花子"' 'answered_by="佐藤花子"' \
  'contract=true' 'forms=["vendor-karte.toml"]' || fail "could not fill clinic.toml"
crlf "$work/c/clinic.toml"

# The answers, kept in a sheet saved by Japanese Excel: CP932 (Shift_JIS) with CRLF line ends.
run 0 "checklist show --format json" checklist show mhlw-institution@fy2025 --format json
python3 - "$work/out" "$work/c/sheet.csv" <<'PY' || fail "could not write the CP932 sheet"
import csv, io, json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))["items"]
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
w.writerow(["item", "answer", "checked_on", "target_date", "note"])
for item in items:
    w.writerow([item["id"], "はい", "2025-06-02", "", "院内で確認済み"])
open(sys.argv[2], "wb").write(buf.getvalue().encode("cp932"))
PY
grep -q $'\r$' "$work/c/sheet.csv" || fail "the sheet has no CRLF line ends"
run 0 "answer --import (CP932, CRLF)" answer "$W\\clinic.toml" --import "$W\\sheet.csv"
grep -q '院内で確認済み' "$work/c/clinic.toml" || fail "the note from the CP932 sheet is not in clinic.toml"

# The vendor's form (事業者確認用), filled in and signed by the vendor.
run 0 "init (vendor form)" init --checklist mhlw-vendor@fy2025 --out "$W\\vendor-karte.toml"
fill "$work/c/vendor-karte.toml" 'name="株式会社カルテシステム"' 'system="電子カルテ"' \
  'contact="03-0000-0000"' 'answered_by="鈴木一郎"' || fail "could not fill the vendor form"
python3 - "$work/c/vendor-karte.toml" <<'PY' || fail "could not answer the vendor form"
import re, sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read()
t = re.sub(r'^answer = ""', 'answer = "はい"', t, flags=re.M)
t = re.sub(r'^checked_on = ""', 'checked_on = 2025-07-01', t, flags=re.M)
open(p, "wb").write(t.replace("\n", "\r\n").encode("utf-8"))
PY
run 0 "sign --form (vendor)" sign --form "$W\\vendor-karte.toml" --key "$W\\keys\\vendor.key"
step="stock minisign verifies the vendor form"
minisign -Vm "$work/c/vendor-karte.toml" -p "$work/c/keys/vendor.pub" >"$work/out" 2>"$work/err" ||
  fail "minisign -V refused the vendor form signature"

# status: complete (0), in English and in Japanese.
run 0 "status" status "$W\\clinic.toml" --lang en
run 0 "status --lang ja" status "$W\\clinic.toml" --lang ja
has out "記入完了です"

# Without --lang and with no LC_ALL, LC_MESSAGES or LANG, the Windows display language decides:
# Wine takes it from its own locale (Japanese here), and cmd clears the variables before medsec
# starts, so only the Windows API can tell medsec.
exe_w=$(winpath "$work/bin/medsec.exe")
step="the Windows display language (Japanese) without --lang or locale variables"
(cd "$work/c" && LC_ALL=ja_JP.UTF-8 wine cmd /c "set LC_ALL=& set LC_MESSAGES=& set LANG=& $exe_w status clinic.toml") \
  >"$work/out" 2>"$work/err" || fail "status failed"
has out "記入完了です"
step="the Windows display language (English) without --lang or locale variables"
(cd "$work/c" && LC_ALL=C wine cmd /c "set LC_ALL=& set LC_MESSAGES=& set LANG=& $exe_w status clinic.toml") \
  >"$work/out" 2>"$work/err" || fail "status failed"
lacks out "記入完了です"

# The example configuration shipped in the Windows zip is valid: every probe runs (exit 0 or 1,
# never 2). Under Wine, patch-level has no PowerShell, the backup paths do not exist, and the
# accounts and services probes see the Linux host through Z:, so only the shape is checked.
cp "$(dirname "$0")/../examples/windows/probes.toml" "$work/c/example-probes.toml"
step="examples/windows/probes.toml"
got=0
(cd "$work/c" && wine "$work/bin/medsec.exe" probe --config example-probes.toml --format json) \
  >"$work/out" 2>"$work/err" || got=$?
[ "$got" = 0 ] || [ "$got" = 1 ] || fail "exit $got, expected 0 or 1"
python3 - "$work/out" <<'PY' || fail "unexpected probes"
import json, sys
kinds = [r["kind"] for r in json.load(open(sys.argv[1], encoding="utf-8"))["results"]]
assert kinds == ["patch-level", "backup-freshness", "backup-freshness", "accounts", "services"], kinds
PY

# A probes config as a Windows user writes it: CRLF, Windows paths, a backup on a NAS named
# by a UNC path (Wine maps \\nas\backup to $WINEPREFIX/dosdevices/unc/nas/backup).
mkdir -p "$work/nas/daily" "$WINEPREFIX/dosdevices/unc/nas"
ln -s "$work/nas" "$WINEPREFIX/dosdevices/unc/nas/backup"
echo "karte dump" >"$work/nas/daily/karte-$(date +%Y%m%d).dump"
cat >"$work/c/probes.toml" <<TOML
role = "terminal"
timeout = "2m"

[[probe]]
kind = "backup-freshness"
name = "NAS (UNC)"
path = '\\\\nas\\backup\\daily'
max_age = "8d"
min_files = 1

[[probe]]
kind = "backup-freshness"
name = "local copy (drive letter)"
path = '$W\\nas-copy'
max_age = "8d"
min_files = 1
TOML
mkdir -p "$work/c/nas-copy"
cp "$work/nas/daily/"* "$work/c/nas-copy/"
crlf "$work/c/probes.toml"
run 0 "probe (UNC and drive-letter paths, CRLF config)" probe --config "$W\\probes.toml" \
  --format json --out "$W\\evidence.json"
python3 - "$work/c/evidence.json" <<'PY' || fail "the backup probes did not pass"
import json, sys
ev = json.load(open(sys.argv[1], encoding="utf-8"))
text = json.dumps(ev, ensure_ascii=False)
backups = [p for p in ev["results"] if p.get("kind") == "backup-freshness"]
assert len(backups) == 2, f"{len(backups)} backup probes in {text[:2000]}"
for p in backups:
    assert p["verdict"] == "pass", f"verdict {p['verdict']}: {json.dumps(p, ensure_ascii=False)[:2000]}"
PY

# A stale backup: the probe fails (exit 1).
touch -d "40 days ago" "$work/c/nas-copy/"*
run 1 "probe with a stale backup" probe --config "$W\\probes.toml" --lang ja
touch "$work/c/nas-copy/"*

# The signed report bundle, then the inspector's checks.
run 0 "report --sign" report --answers "$W\\clinic.toml" --evidence "$W\\evidence.json" \
  --out "$W\\bundle" --sign "$W\\keys\\hospital.key" --passphrase-env MEDSEC_PASSPHRASE
[ -f "$work/c/bundle/MANIFEST.sha256.minisig" ] || fail "no signature in the bundle"
grep -q '\\' "$work/c/bundle/MANIFEST.sha256" && fail "a backslash in MANIFEST.sha256"
pub() { sed -n 2p "$work/c/keys/$1.pub" | tr -d '\r'; }
printf '%s\r\n' 'format_version = 1' '' '[institutions.0110113719]' 'name = "札幌中央クリニック"' \
  "keys = [\"$(pub hospital)\"]" '' '[vendors."株式会社カルテシステム"]' \
  "keys = [\"$(pub vendor)\"]" >"$work/c/keys.toml"
run 0 "verify" verify "$W\\bundle" --trusted "$W\\keys.toml" --institution 0110113719 \
  --as-of 2025-11-01 --lang en
run 0 "verify --lang ja" verify "$W\\bundle" --trusted "$W\\keys.toml" --institution 0110113719 \
  --as-of 2025-11-01 --lang ja
# The fiscal year in Japanese, whole in its narrow column (the table never splits it).
has out "令和7年度"
has out "有効"
step="stock minisign and sha256sum verify the bundle medsec.exe made"
(cd "$work/c/bundle" && minisign -Vm MANIFEST.sha256 -p ../keys/hospital.pub &&
  sha256sum -c --quiet MANIFEST.sha256) >"$work/out" 2>"$work/err" ||
  fail "minisign -V or sha256sum -c refused the bundle"

# A tampered bundle: exit 3.
cp -r "$work/c/bundle" "$work/c/tampered"
python3 - "$work/c/tampered/report.json" <<'PY'
import sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(t.replace("札幌中央クリニック", "別のクリニック", 1))
PY
run 3 "verify refuses a tampered bundle" verify "$W\\tampered" --trusted "$W\\keys.toml" \
  --as-of 2025-11-01

# A wrong key: the vendor's key named for the clinic.
printf '%s\r\n' 'format_version = 1' '' '[institutions.0110113719]' 'name = "札幌中央クリニック"' \
  "keys = [\"$(pub vendor)\"]" >"$work/c/wrong-keys.toml"
run 3 "verify refuses a bundle signed by another key" verify "$W\\bundle" \
  --trusted "$W\\wrong-keys.toml" --institution 0110113719 --as-of 2025-11-01
step="stock minisign refuses the wrong key"
if (cd "$work/c/bundle" && minisign -Vm MANIFEST.sha256 -p ../keys/vendor.pub) >"$work/out" 2>"$work/err"; then
  fail "minisign -V accepted the vendor key"
fi

# Unusable input: exit 2, and the error names the file as the user gave it.
run 2 "status of a missing file" status "$W\\missing.toml" --lang en
# Problems that stop a command go to standard error (docs/exit-codes.md).
has err "missing.toml"

echo "windows-e2e: passed (medsec.exe under $(wine --version 2>/dev/null || echo Wine))"
