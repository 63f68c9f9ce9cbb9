#!/usr/bin/env bash
# The test suite built for Windows (x86_64-pc-windows-gnu) and run under Wine: the nearest
# proof without a Windows machine that `cargo test` passes there. Builds every test target for
# the Windows target (lib, bin and the seven area binaries), runs the chosen test binaries
# under Wine and prints one line per binary: PASS, FAIL (with the failed tests), or NOT RUN,
# then a total (binaries and tests passed, and the time the build and the runs took).
# What runs and what does not, and why: docs/windows.md ("The test suite under Wine").
#
# Usage: scripts/windows-tests.sh [--profile NAME] [BINARY...]
#                                                 (KEEP=1 keeps the Wine prefix and the logs)
#   BINARY: lib, bin, or an area (answers checklist lang probes promises report signing); only
#   the chosen ones are built. Without one: the binaries that pass under Wine (DEFAULT below).
#   --profile: cargo's profile for the build (default: the test profile, i.e. dev).
#   `--profile ci-release` reuses the dependencies and medsec.exe of .ci/run's cross-build and
#   runs the tests optimised (not measured yet; docs/windows.md, "The test suite under Wine").
#   Exit 0 when every binary run passed, 1 when one failed, 2 when the build or the setup failed.
# Needs: cargo with the x86_64-pc-windows-gnu target, x86_64-w64-mingw32-gcc, wine (Debian's
# wine64), python3. About 7 CPU-minutes to build everything in the dev profile.
# CARGO_TARGET_DIR is cargo's: set it to keep the Windows build apart from the Linux one.
#
# Wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's standard library imports: a
# stand-in forwarding to RtlGenRandom is built with mingw and put in the prefix's system32, so
# the test binaries and the medsec.exe they start find it (scripts/windows-e2e.sh does the same
# beside medsec.exe).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
target=x86_64-pc-windows-gnu
DEFAULT=(lib bin answers checklist lang probes promises report signing)
ALL=(lib bin answers checklist lang probes promises report signing)
# Tests whose subject Wine cannot show (docs/windows.md): skipped under Wine, run on Windows.
SKIP=(
  # Wine keeps no security descriptor on its Unix files: the access list read back is made
  # up from mode bits (three entries, not protected).
  signing::keys::tests::the_secret_key_is_private_to_its_owner_on_windows
)

for tool in cargo wine x86_64-w64-mingw32-gcc python3; do
  command -v "$tool" >/dev/null || { echo "windows-tests: FAILED: $tool is not installed" >&2; exit 2; }
done
profile=()
if [ "${1:-}" = --profile ]; then
  [ $# -ge 2 ] || { echo "windows-tests: --profile needs a name" >&2; exit 2; }
  profile=(--profile "$2")
  shift 2
fi
chosen=("$@")
[ ${#chosen[@]} -gt 0 ] || chosen=("${DEFAULT[@]}")
for b in "${chosen[@]}"; do
  case " ${ALL[*]} " in *" $b "*) ;; *) echo "windows-tests: unknown binary $b (one of: ${ALL[*]})" >&2; exit 2 ;; esac
done
# Only what was chosen is built (cargo builds the medsec binary the area tests run by itself).
targets=()
for b in "${chosen[@]}"; do
  case $b in
    lib) targets+=(--lib) ;;
    bin) targets+=(--bins) ;;
    *) targets+=(--test "$b") ;;
  esac
done

work=$(mktemp -d)
cleanup() {
  WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "windows-tests: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# ---- Build: every test target for Windows, and where cargo put each -----------------------
echo "windows-tests: building the tests for $target (nice'd): ${chosen[*]}" >&2
started=$SECONDS
(cd "$repo" && nice cargo test --locked --target "$target" "${profile[@]}" "${targets[@]}" \
  --no-run --message-format json) \
  >"$work/build.json" 2>"$work/build.err" || {
  tail -n 30 "$work/build.err" >&2
  echo "windows-tests: FAILED: the tests do not build for $target" >&2
  exit 2
}
built=$((SECONDS - started))
# "lib", "bin" or the area's name, a tab, the test executable.
python3 - "$work/build.json" >"$work/exes" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    try:
        m = json.loads(line)
    except ValueError:
        continue
    if m.get("reason") != "compiler-artifact" or not m.get("profile", {}).get("test"):
        continue
    exe, t = m.get("executable"), m["target"]
    if not exe:
        continue
    kind = t["kind"][0]
    name = kind if kind in ("lib", "bin") else t["name"]
    print(f"{name}\t{exe}")
PY

# ---- Wine: a fresh prefix with the bcryptprimitives.dll stand-in ----------------------------
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY
# The tests set what they need; the machine's language, colours and CI must not decide (in CI
# a missing tool fails a test, and no Unix tool is found from Windows).
unset LANG LC_ALL LC_MESSAGES LANGUAGE CI
# Wine names Unix files in the charset of LC_CTYPE: UTF-8, or a test's `台帳.xlsx` cannot be
# made. medsec.exe does not read LC_CTYPE.
export LC_CTYPE=C.UTF-8 NO_COLOR=1
# A snapshot that differs under Windows is a failure here, never a .snap.new in the checkout.
export INSTA_UPDATE=no
wine wineboot -i >"$work/wineboot.log" 2>&1 || { echo "windows-tests: FAILED: wineboot" >&2; exit 2; }
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
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$work/bcp.c" "$work/bcp.def" -ladvapi32 || { echo "windows-tests: FAILED: mingw could not build the DLL" >&2; exit 2; }

# ---- Run: one line per binary ------------------------------------------------------------
# A binary still running after this is stopped and failed (TIMEOUT=SECONDS to change it).
timeout=${TIMEOUT:-1800}
skips=()
for s in "${SKIP[@]}"; do skips+=(--skip "$s"); done
failed=0
passed_bins=0 passed_tests=0 failed_tests=0
started=$SECONDS
for b in "${chosen[@]}"; do
  exe=$(awk -F'\t' -v b="$b" '$1 == b { print $2; exit }' "$work/exes")
  if [ -z "$exe" ]; then
    echo "windows-tests: $b: NOT RUN (no test executable was built)"
    failed=1
    continue
  fi
  log="$work/$b.log"
  # From the repository, so the current drive is Z: (Wine's /) and the tests' absolute Unix
  # paths (CARGO_MANIFEST_DIR, built in) name the same files as on Linux.
  rc=0
  ran=$SECONDS
  (cd "$repo" && timeout "$timeout" wine "$exe" --test-threads 2 "${skips[@]}") >"$log" 2>&1 </dev/null || rc=$?
  ran=$((SECONDS - ran))
  # No summary when the binary was stopped (timeout) or crashed: still one line for it.
  summary=$({ grep -a '^test result:' "$log" || true; } | tail -n 1 | sed 's/^test result: //; s/; finished in.*//')
  [ "$rc" != 124 ] || summary="stopped after ${timeout}s, $(grep -ac '^test .* ok$' "$log" || true) passed by then"
  passed_tests=$((passed_tests + $(sed -n 's/.* \([0-9]*\) passed.*/\1/p' <<<"$summary" | head -n 1 | grep . || echo 0)))
  failed_tests=$((failed_tests + $(sed -n 's/.* \([0-9]*\) failed.*/\1/p' <<<"$summary" | head -n 1 | grep . || echo 0)))
  if [ "$rc" = 0 ]; then
    passed_bins=$((passed_bins + 1))
    echo "windows-tests: $b: PASS (${summary:-no summary}) in ${ran}s"
  else
    failed=1
    echo "windows-tests: $b: FAIL, exit $rc (${summary:-no summary}) in ${ran}s; failed tests:"
    # libtest's last "failures:" block is the list of names (the one before holds the output).
    tac "$log" | sed -n '/^test result:/,/^failures:$/p' | tac | grep -a '^    [^ ]' | sed 's/^    /  /' || true
    [ -n "${KEEP:-}" ] && echo "  log: $log"
  fi
done
echo "windows-tests: total: $passed_bins of ${#chosen[@]} binaries passed, $passed_tests tests passed, $failed_tests failed, under $(wine --version 2>/dev/null || echo Wine) (build ${built}s, runs $((SECONDS - started))s)"
exit "$failed"
