#!/usr/bin/env bash
# Fuzz every parser of outside input: each cargo-fuzz target in fuzz/fuzz_targets runs for
# SECONDS (default 20), one after another, from the committed seeds (fuzz/seeds/TARGET) plus
# what earlier runs found (fuzz/corpus/TARGET, not committed). A crash, a timeout (10 s for one
# input) or an allocation past 2 GiB stops that target, leaves the input in
# fuzz/artifacts/TARGET/, and makes the script fail at the end; the other targets still run.
# Turn each crash into a regression test (tests/promises/hostile_inputs.rs) before fixing it.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]      (needs the nightly toolchain and cargo-fuzz)
# MEDSEC_FUZZ_ARGS adds options to `cargo fuzz build` and `cargo fuzz run`: .ci/run gives
# "--dev -s none" (unoptimised with overflow checks, no AddressSanitizer: medsec and its parsers
# are safe Rust, and the build takes 2 minutes instead of 13); long runs keep the default
# (optimised, AddressSanitizer).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
[ $# -gt 0 ] && shift
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi
read -r -a fuzz_args <<<"${MEDSEC_FUZZ_ARGS:-}"
(cd fuzz && cargo +nightly fuzz build "${fuzz_args[@]}")
failed=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  start=$(date +%s)
  if (cd fuzz && cargo +nightly fuzz run "${fuzz_args[@]}" "$t" "corpus/$t" "seeds/$t" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      >"corpus/.$t.log" 2>&1); then
    status=clean
  else
    status=FAILED
    failed+=("$t")
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/corpus/.$t.log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz $t: $status after $(( $(date +%s) - start )) s, $runs inputs"
  if [ "$status" = FAILED ]; then tail -40 "fuzz/corpus/.$t.log"; fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
