#!/usr/bin/env bash
# Start-up time of medsec, which inspectors run many times: wall time per run of
# `medsec checklist list` and `medsec checklist lint checklists/` against `true` and
# `cat` of the same checklist files. Target: a few milliseconds.
#
# Usage: scripts/bench-startup.sh [RUNS]   (default 200; builds the release binary first; needs bc)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
cargo build --release --quiet
bin=target/release/medsec
mapfile -t files < <(find checklists -name '*.toml' | sort)

# Milliseconds per run of the command given, over $runs runs.
per_run() {
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / $runs / 1000000" | bc
}

t_true=$(per_run /bin/true)
t_cat=$(per_run cat "${files[@]}")
t_list=$(per_run "$bin" checklist list)
t_lint=$(per_run "$bin" checklist lint checklists)

printf '%-36s %8s ms/run\n' "/bin/true" "$t_true" "cat of ${#files[@]} checklist files" "$t_cat" \
  "medsec checklist list" "$t_list" "medsec checklist lint checklists/" "$t_lint"
printf 'ratio list/cat: %s   lint/cat: %s   (%d runs each)\n' \
  "$(echo "scale=1; $t_list / $t_cat" | bc)" "$(echo "scale=1; $t_lint / $t_cat" | bc)" "$runs"
