#!/usr/bin/env bash
# A prefecture verifies hundreds to thousands of bundles at once. This makes signed bundles
# (each a report.json and an evidence file, signed by `medsec sign`), then for each N given times
#   medsec verify over N bundles (one process, bundles checked in parallel)
#   medsec summarize over the same bundles (ratio summarize / verify printed; goal about 1)
# against what an inspector with only the stock tools runs per bundle:
#   minisign -Vqm MANIFEST.sha256 -p hospital.pub && sha256sum -c --quiet MANIFEST.sha256
# one bundle after another, as an inspector's script would, and prints both times and the ratio
# (wall time; CPU time beside it). Goal: at least 20x at 300 bundles, 30x at 10,000, in wall time.
# A benchmark, never a test.
#
# Usage: scripts/bench-verify.sh [N...]   (default: 300 10000; e.g. `scripts/bench-verify.sh 50`
#   for a quick run). Builds the release binary (MEDSEC_BIN=path uses another); needs minisign,
#   sha256sum, python3. MEDSEC_BENCH_DIR keeps the bundles between runs (default: a temp dir).
#
# Measured 2026-11-30, release build, 2 cores (AMD EPYC) shared with other builds:
#   before (bundled checklists parsed at start-up, report.json hashed three times), with only
#   the manifests in the page cache (the old script) at load 13-17:
#     300 bundles 660 ms vs 7,332 ms = 11.1x; 10,000 bundles 19,922 ms vs 740,176 ms = 37.2x.
#   300 bundles, every file cached, load 4-5, 7 alternating runs: medsec wall median 67 ms
#   before, 63 ms after (lazy catalog, report.json hashed once); CPU 119 ms -> 113 ms; the stock
#   tools 2,122-2,688 ms, so about 32-40x either way. One run of this script at that load gave
#   20.8x (before) and 12.3x (after): single runs on a shared machine swing that much.
#   10,000 bundles, every file cached, load 5: this script (after) 5,653 ms vs 88,185 ms = 15.6x;
#   by hand, two alternating runs: before 5,915 / 6,049 ms (CPU 3.82 / 3.71 s), after
#   5,668 / 4,995 ms (CPU 3.67 / 3.59 s). The 30x goal is not reached: at 10,000 start-up is
#   nothing, and per-bundle work is what is left (0.36 ms CPU a bundle).
# summarize over the same bundles, 2026-11-30, debug build (MEDSEC_BIN=target/debug/medsec), 200
#   bundles, load from 8 helpers: verify 1,291 ms, summarize 1,425 ms: summarize / verify 1.10.
# Per bundle, about 30% of verify's CPU was Ed25519 in minisign-verify, 13% item labels made for
# every item by the re-run of the rules (answers/rules.rs), 14% the walk and reads of the
# bundle, 8% parsing report.json.
# 2026-11-30 (session 19): signatures checked in batches (ed25519-dalek verify_batch, 32 bundles
# a batch), manifest and signature read once, and the catalog no longer copied per bundle (the
# copy lost the parsed checklist, so each bundle parsed it again). Same bundles (1,200 signed,
# copied to 10,000), release builds before/after alternating, machine load 13-20 (other builds):
#   300 bundles:    CPU (user) 0.20 / 0.22 s -> 0.09 / 0.09 s; wall 1.03 / 1.03 s -> 0.51 / 0.63 s
#                   (stock tools 5,424 ms at load 16: about 9-10x wall at that load).
#   10,000 bundles: CPU (user) 8.70 / 8.59 s -> 2.74 / 2.75 s; wall 66.3 / 51.5 s -> 20.2 / 15.3 s.
#   The JSON output of all 10,000 was byte-identical before and after.
# Wall ratios at load 13-20 say little; the goals were not re-measured on a quiet machine.
# Session 20 (2026-11-30): the script prints CPU time (user + system, of medsec and of every
# stock-tool process) beside wall. 300 bundles, every file cached, load 13-14, release builds:
#   before: medsec 139 / 126 ms CPU, 632 / 392 ms wall; stock tools 997 / 940 ms CPU,
#           5,569 / 3,879 ms wall: 7.2x / 7.5x CPU, 8.8x / 9.9x wall.
#   after (items named only in findings, the catalog indexed by a hash map, no warnings made
#   when a checklist is loaded): medsec 85 / 82 ms CPU, 277 / 336 ms wall; stock tools
#           916 / 903 ms CPU, 4,713 / 3,377 ms wall: 10.8x / 11.0x CPU, 17.0x / 10.1x wall.
#   Then (items named only when another has their number), at load 7-10: before 126 ms CPU,
#   227 ms wall vs 851 / 1,664 ms: 6.8x CPU, 7.3x wall; after 84 ms CPU, 151 ms wall vs
#   916 / 1,873 ms: 10.9x CPU, 12.4x wall. 1,000 and 10,000 bundles were not re-measured.
#   The goal (20x at 300) is not reached by CPU time. What is left per bundle (perf): Ed25519
#   batch verification and point decompression about 22%, the walk and reads of the bundle
#   about 25%, parsing report.json 11%, the re-run of the rules 8%.
#   The stock tools spend about 3 ms CPU a bundle; their wall time at this load is mostly
#   waiting for the two cores.
# Session 21 (2026-11-30): verify itself unchanged (start-up changes only, see
# bench-startup.sh). 300 bundles, every file cached, load 14, release builds before/after
# alternating: medsec 91 / 95 ms CPU -> 88 / 91 ms CPU, 345 / 252 ms -> 217 / 250 ms wall; stock
# tools 951-1,008 ms CPU, 3,321-5,194 ms wall: 10.5x / 10.6x -> 11.0x / 10.9x CPU, 13-21x wall.
# 10,000 bundles were not re-measured. The goal (20x CPU at 300) is not reached.
# Session 22 (2026-11-30): a batch's signatures are checked for the form a batch is exact for
# from their bytes (R's y below the prime and not one of the small-order points; s reduced)
# instead of decompressing and compressing R again (which the batch itself then did a second
# time: about 8% of verify's CPU); an answer is placed (line and column) only when a finding
# names it; the message index is made at build time. Release builds, the bundles of this
# script, every file cached, load 12-16 (other helpers' builds and tests):
#   300 bundles, 25 runs each, the two binaries alternated (/usr/bin/time, 10 ms steps):
#     median CPU 70 -> 60 ms, median wall 300 -> 220 ms; the JSON output byte-identical.
#   This script at 300, one run each: before 306 ms wall, 99 ms CPU vs 3,120 ms / 970 ms:
#     10.2x wall, 9.8x CPU; after 238 ms, 76 ms vs 3,629 ms / 965 ms: 15.2x wall, 12.7x CPU.
#   This script at 10,000, once (after, nice'd, load 10-14): medsec 6,111 ms wall, 2,199 ms
#     CPU vs 147,654 ms / 49,483 ms: 24.2x wall, 22.5x CPU. summarize took 36,611 ms there
#     (5.99x verify's time: far off its goal of about 1; not looked into).
# Neither goal is reached at this load: 300 bundles 15x wall (goal 20x), 10,000 bundles 24x
# (goal 30x). On a quiet machine (load 4-5, earlier sessions) 300 bundles gave 32-40x wall,
# as the stock tools' wall time is mostly waiting for the two cores once they are busy. What
# is left (perf record of the binary before, 300 bundles, all threads): the kernel (opening,
# reading and stat-ing the bundles' files, threads, page faults) 31%, Ed25519 curve arithmetic
# 18% (the decompressions this session removed were part of it), serde_json parsing report.json
# 15%, the allocator 7%, SHA-256 2%.
# Session 22, summarize (issue #12): the cause of its 6x at 10,000 was quadratic: the table's
# short paths searched every folder given for every row (10,000 bundles given one by one:
# 10^8 Path::starts_with); now each row's own folders are looked up in a set of those given.
# summarize also checks signatures in batches now, as verify does (verify_all_with). Release
# build with the first change only (the batches were not built in release before the
# deadline), the bundles of this script (200 signed, copied to 10,000), every file cached,
# nice'd, once, load 7.6-8.3:
#   1,000 bundles:  verify 359 ms, summarize 514 ms: 1.43.
#   10,000 bundles: verify 2,735 ms, summarize 6,236 ms: 2.28 (before: 36,611 ms, 5.99, at
#                   load 10-14, see above).
#   JSON, CSV and table of 1,000 bundles given one by one and their folder (2,000 rows)
#   byte-identical (cmp) between that build and a debug build with both changes; the old
#   search and the new lookup give the same short paths (unit test in commands/summarize.rs).
#   Not measured: summarize with the batches in release (expected nearer verify, as the
#   per-bundle Ed25519 checks were what else differed).
# Session 23 (2026-11-30), the first run on a quiet machine (no other build; load 2-3 from the
# page-cache writeback of the previous step), release build of main 6f360b2, every file cached:
#   300 bundles, four runs:  medsec 66 / 50 / 61 / 55 ms wall, 115 / 91 / 110 / 94 ms CPU;
#                            stock tools 875 / 1,030 / 890 / 862 ms wall (823-966 ms CPU):
#                            13.3x / 20.6x / 14.6x / 15.7x wall, 7.2-10.6x CPU. Goal (20x) met
#                            once in four; medsec is about 10 ms of start-up and 0.2 ms a bundle.
#   10,000 bundles, once:    medsec 1,361 ms wall, 2,535 ms CPU; stock tools 44,996 ms wall,
#                            42,489 ms CPU: 33.1x wall, 16.8x CPU. Goal (30x) met.
#   summarize / verify:      300: 0.82 (54 ms / 66 ms); 10,000: 1.13 (1,544 ms / 1,361 ms),
#                            with the batched signature checks (goal: about 1).
#   Then report.json's version read without building the JSON tree (the file was parsed
#   twice, once into a serde_json::Value only to read `format_version`), release build of
#   dbcf3f9, load 2 (residual), every file cached:
#   300 bundles, four runs:  19.4x / 17.0x / 19.8x / 19.1x wall, 9.1-10.7x CPU (before:
#                            13.3-20.6x wall, 7.2-10.6x CPU); summarize / verify 0.92-1.31.
#   10,000 bundles, once:    medsec 1,261 ms wall, 2,277 ms CPU (before 1,361 / 2,535);
#                            stock tools 46,067 ms: 36.5x wall, 19.1x CPU; summarize 0.89.
#   The 300-bundle goal (20x wall) is still not met in these runs (17-20x).
# Session 24 (2026-11-30): what a bundle costs besides the signature, cut where it was
# plain waste. Per bundle, strace -f -c of verify over 4 bundles, before -> after (548 -> 521
# system calls, start-up included): about 45 -> 38 a bundle. Gone: walkdir's lstat of the
# bundle folder and its second open of it (scan opened it once to check it could, then walkdir
# opened it again; now the walk reads the handle it opened), the lstat of each file the walk
# has just found regular (its folder entry's type is used; the open still refuses a link with
# O_NOFOLLOW and checks the type through the handle), and the folder's metadata taken twice
# (the pre-read keeps it). Signature batches: up to 96 claims, of even length (300 bundles on
# 2 threads: 4 batches of 75 claims, 301 points, Pippenger's method; before, 32 claims, 129
# points, Straus's); CPU per claim (thread CPU time, dev profile with the crypto crates
# optimised, 150 claims, best of 5, three rounds): 32 a batch 141-142 us, 75 a batch 135-136
# us, 150 a batch 132-134 us (one by one: 161 us); about 5% of the signature work. Reading
# and making claims in one pass (one set of threads fewer).
#   The JSON output over the 300 bench bundles is byte-identical (cmp) before and after.
#   Not measured in release after: the machine was at load 17-25 the whole session (seven
#   helpers' builds and tests); the nice'd release build of the "before" binary (c7dc971) took
#   an hour, so there was no time for the "after" one, and neither goal was re-measured.
#   Before, release, load 21: `perf stat -r 20` of verify over the 300 bundles 69.95 ms
#   task-clock (+-0.8%), 666 ms wall (waiting for the cores). perf record of it: the kernel
#   36% (path lookups of statx/open 5%: the lstat before each open 1%), libc 16% (malloc and
#   free 7%, memmove 3%, memcmp 2%), curve25519 arithmetic (Straus, AVX2) about 12%, SHA-256
#   (SHA-NI) 2.6%, serde_json parsing report.json about 8%, base64 1%. What to look at next:
#   the allocations of parsing report.json into owned Strings, the re-run's copies; the `hint`
#   in commands/verify.rs stats every folder given once more (one statx a bundle).
#   After (release build of main 5ad33e8, same 300 bundles, quiet machine at load 1.7-1.8, 8 runs):
#   17.9 / 18.4 / 23.4 / 18.5 / 21.9 / 21.2 / 23.5 / 22.7x wall (median 21.6x), 9.5-13.0x CPU;
#   medsec 40-54 ms wall, 68-90 ms CPU. Before (c7dc971, the same machine at load 1.8-2.4, 4 runs):
#   18.6-19.6x wall. The goal (20x) is met by the median, not by every run.
# Session 25 (2026-11-30): what the re-run and the command did besides checking, cut: the
# re-run no longer copies each form's answers (they are lent to the rules and put back) nor
# makes each form's progress and open items (it compares findings only: rules::inspect_findings);
# whether the gate says "no system" is looked up once a form, not once an item; report.json is
# parsed in one pass (its version checked after, not read in a pass of its own first); the
# hint for a file given instead of its bundle folder stats only paths that could not be opened
# as a folder (one statx a bundle fewer). No release build fitted the session (the machine at
# load 20-24 from other helpers' builds: a release build took over 40 minutes and was stopped),
# so these are DEBUG builds (the crypto crates optimised, medsec not); before: the debug binary of
# main this branch starts from (d37963f):
#   300 bundles of this script, every file cached, five alternating runs, /usr/bin/time,
#   user + system: before 0.61 / 0.67 / 0.62 / 0.72 / 0.64 s (median 0.64), after
#   0.46 / 0.51 / 0.45 / 0.57 / 0.51 s (median 0.51): about 20% less CPU in debug; less in
#   release, where the unoptimised code weighs less. Not measured in release, and neither goal
#   was re-measured.
#   strace -f -c of the same run: 12,348 -> 12,088 system calls (statx 2,717 -> 2,417).
#   The JSON output over the 300 bundles is byte-identical (cmp) before and after.
#   Left per bundle (strace): an lstat before each of the manifest and signature is opened
#   (manifest::open_regular: on purpose, a device is never opened), find's lstat of the
#   manifest, the folder's metadata.
# Session 26 (2026-12-01): system calls a bundle cut where they looked again at what was
# known. find no longer resolves every bundle's path to tell bundles given twice apart (a
# readlink per component of the path, on the main thread before any bundle is checked): the
# folder's device and inode (one stat) do it. The manifest and signature are read by the
# types the walk of the folder gives them (the walk moved into the first pass and is kept
# for the check of the files): no lstat before each is opened and no stat of the folder, as
# every other file of a bundle was read already. Files are read up to the size their open
# handle gives (no read only to find the end). DEBUG builds again (the machine at load 14-16
# from other helpers' builds: the nice'd release build of the "before" binary was still
# compiling medsec after 14 minutes and was stopped, so neither goal was re-measured):
#   strace -f -c, verify over the 300 bundles of this script: 13,270 -> 10,301 system calls
#     (44.2 -> 34.3 a bundle: readlink 1,200 -> 0, statx 2,417 -> 1,817, read 2,737 -> 1,537).
#   /usr/bin/time, 300 bundles, five alternating runs, user + system: before 0.32 / 0.28 /
#     0.28 / 0.28 / 0.29 s, after 0.24 / 0.23 / 0.24 / 0.24 / 0.24 s.
#   callgrind, 100 bundles (user-space instructions only, the kernel not counted): 501.5 M ->
#     500.7 M: the cut is kernel work. The JSON output over the 300 bundles byte-identical.
# The floor, by callgrind and strace of one bundle of this script: `minisign -V` is 1.62 M
# instructions and `sha256sum -c` 0.91 M in user space, 446 system calls with the shell that
# runs them; the stock tools' 2.8-3.4 ms CPU a bundle (measured above) is mostly the kernel
# making and ending three processes. 30x by wall time at 10,000 is about 0.15 ms wall a bundle
# on two cores, about 0.3 ms CPU: medsec's last release measure (session 23, quiet machine)
# was 0.23 ms CPU and 0.13 ms wall a bundle (36.5x). 30x by CPU time would need under 0.1 ms
# CPU a bundle: less than a bundle's two Ed25519 signatures cost even in a batch (about
# 0.13 ms, session 24), so the CPU ratio cannot reach 30x; the goal is wall time.
# 2026-12-01, release build of main f15f233 on a quiet machine (load 3, no other build), every
#   file cached, one run of this script (`MEDSEC_BIN=target/release/medsec scripts/bench-verify.sh`):
#   300 bundles:    medsec 34 ms wall, 56 ms CPU; stock tools 905 ms wall, 849 ms CPU:
#                   26.6x wall, 15.2x CPU (goal 20x wall: met).
#   10,000 bundles: medsec 780 ms wall, 1,324 ms CPU; stock tools 35,078 ms wall, 30,135 ms
#                   CPU: 45.0x wall, 22.8x CPU (goal 30x wall: met). 0.078 ms wall and 0.13 ms
#                   CPU a bundle (session 23: 0.13 / 0.23).
#   summarize / verify: 300: 1.21 (41 / 34 ms); 10,000: 2.32 (1,811 / 780 ms) in that run, but
#                   by CPU time the same: two alternating runs right after (load 3-4, helpers
#                   starting) gave verify 0.93 + 0.57 / 0.89 + 0.32 s user + system, summarize
#                   0.95 + 0.40 / 0.87 + 0.39 s: the one-run wall ratio was the machine, not
#                   summarize (it does verify's work per bundle, then one row each).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(300 10000)
n=0
for s in "${sizes[@]}"; do
  [[ $s =~ ^[1-9][0-9]*$ ]] || { echo "not a number of bundles: $s" >&2; exit 2; }
  ((s > n)) && n=$s
done
work=${MEDSEC_BENCH_DIR:-$(mktemp -d)}
command -v minisign >/dev/null || { echo "minisign is not installed (apt-get install -y minisign)" >&2; exit 2; }
[ -n "${MEDSEC_BIN:-}" ] || cargo build --release --quiet
bin=$(realpath -- "${MEDSEC_BIN:-$PWD/target/release/medsec}")  # absolute: the script changes folder
export MEDSEC_DATA_DIR=$work/data NO_COLOR=1
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
    "$bin" checklist show mhlw-institution@fy2025 --format json 2>/dev/null | python3 -c '
import csv, json, sys
w = csv.writer(sys.stdout)
w.writerow(["item", "answer", "checked_on"])
for item in json.load(sys.stdin)["items"]:
    w.writerow([item["id"], "はい", "2025-06-02"])' >sheet.csv
    "$bin" answer clinic.toml --import sheet.csv >/dev/null 2>&1
    "$bin" report --answers clinic.toml --out template --force >/dev/null 2>&1
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

ms() { echo $(($(date +%s%N) / 1000000)); }
# CPU time (user + system) of every finished child process of this shell so far, in ms: wall
# time says little on a loaded machine, CPU time less so.
# (`times` runs in this shell, not in a command substitution's subshell, which has no children.)
cpu_ms() {
  times >"$work/times"
  awk 'END { s = 0
    for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); s += p[1] * 60 + p[2] }
    printf "%d\n", s * 1000 }' "$work/times"
}


for size in "${sizes[@]}"; do
  mapfile -t dirs < <(seq 1 "$size" | sed "s|^|$work/bundles/b|")
  # Every file of these bundles in the page cache, for both runs alike.
  find "${dirs[@]}" -type f -exec cat {} + >/dev/null
  cpu_ms >"$work/cpu"
  start=$(ms) cpu=$(<"$work/cpu")
  set +e
  "$bin" verify --pubkey "$work/hospital.pub" --format json --as-of 2025-11-01 "${dirs[@]}" >"$work/verify.json"
  code=$?
  set -e
  t_medsec=$(($(ms) - start))
  cpu_ms >"$work/cpu"
  c_medsec=$(($(<"$work/cpu") - cpu))
  [ "$code" = 0 ] || { echo "medsec verify exited $code (see $work/verify.json)" >&2; exit 1; }
  python3 -c 'import json,sys; n=len(json.load(open(sys.argv[1]))["bundles"]); sys.exit(n != int(sys.argv[2]))' \
    "$work/verify.json" "$size" || { echo "medsec verify did not report $size bundles" >&2; exit 1; }

  cpu_ms >"$work/cpu"
  start=$(ms) cpu=$(<"$work/cpu")
  for d in "${dirs[@]}"; do
    (cd "$d" && minisign -Vqm MANIFEST.sha256 -p "$work/hospital.pub" && sha256sum -c --quiet MANIFEST.sha256) >/dev/null ||
      { echo "stock tools rejected $d" >&2; exit 1; }
  done
  t_stock=$(($(ms) - start))
  cpu_ms >"$work/cpu"
  c_stock=$(($(<"$work/cpu") - cpu))

  # summarize over the same bundles: one row each, in about the time verify takes.
  start=$(ms)
  set +e
  "$bin" summarize --pubkey "$work/hospital.pub" --format json --as-of 2025-11-01 "${dirs[@]}" >"$work/summary.json"
  code=$?
  set -e
  t_summarize=$(($(ms) - start))
  [ "$code" = 0 ] || { echo "medsec summarize exited $code (see $work/summary.json)" >&2; exit 1; }
  python3 -c 'import json,sys; n=len(json.load(open(sys.argv[1]))["bundles"]); sys.exit(n != int(sys.argv[2]))' \
    "$work/summary.json" "$size" || { echo "medsec summarize did not give $size rows" >&2; exit 1; }

  printf '%-56s %8d ms wall %8d ms CPU\n' "medsec verify, $size bundles (one process)" \
    "$t_medsec" "$c_medsec" "minisign -V + sha256sum -c per bundle, one after another" \
    "$t_stock" "$c_stock"
  printf '%-56s %8d ms wall\n' "medsec summarize, the same bundles" "$t_summarize"
  printf 'summarize / verify at %d bundles: %s (goal: about 1)\n' "$size" \
    "$(awk -v s="$t_summarize" -v m="$t_medsec" 'BEGIN { printf "%.2f", s / (m > 0 ? m : 1) }')"
  goal=20
  ((size >= 10000)) && goal=30
  # The goal is wall time, as an inspector's script that runs the stock tools bundle after
  # bundle waits for them; CPU time is printed beside it, as it says more on a loaded machine.
  printf 'ratio at %d bundles (stock tools one bundle after another / medsec): %sx wall, %sx CPU (goal: at least %dx wall; %d cores, load %s)\n' "$size" \
    "$(awk -v s="$t_stock" -v m="$t_medsec" 'BEGIN { printf "%.1f", s / (m > 0 ? m : 1) }')" \
    "$(awk -v s="$c_stock" -v m="$c_medsec" 'BEGIN { printf "%.1f", s / (m > 0 ? m : 1) }')" \
    "$goal" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
