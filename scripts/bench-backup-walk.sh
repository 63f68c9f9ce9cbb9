#!/usr/bin/env bash
# The backup walk: `medsec probe` (backup-freshness on a plain folder) over a generated tree of
# 1,000,000 files against `find DIR -type f -printf '%T@ %s\n' | awk` computing the same newest
# time, count and bytes, on a warm cache. Also compares the walkers medsec could use (its own
# parallel walker, which it uses; ignore's parallel walker; walkdir) and shows peak memory at a
# tenth of the tree and at the whole tree, which should be flat.
# Goal: medsec at most 0.5x find's wall time on 2 cores.
#
# Usage: scripts/bench-backup-walk.sh [FILES] [DIR]
#   FILES: default 1000000 (in folders of 1000); DIR: default a temporary folder, removed after.
#   Builds the release binary and the bench_walk example first. Needs bc and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-1000000}
per_dir=1000
cargo build --release --quiet --bin medsec --example bench_walk
bin=$PWD/target/release/medsec
walker=$PWD/target/release/examples/bench_walk
if [ -n "${2:-}" ]; then
  dir=$2
  mkdir -p "$dir"
else
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
fi

# The tree: FILES empty files in folders of 1000 (made once; reused when DIR is given).
make_tree() {
  local root=$1 n=$2 dirs=$(( ($2 + per_dir - 1) / per_dir ))
  [ -f "$root/.complete-$n" ] && return
  echo "making $n files under $root ..." >&2
  for ((d = 0; d < dirs; d++)); do
    mkdir -p "$root/d$d"
    local count=$(( n - d * per_dir < per_dir ? n - d * per_dir : per_dir ))
    (cd "$root/d$d" && seq -f 'f%04g' 1 "$count" | xargs touch)
  done
  touch "$root/.complete-$n"
}
make_tree "$dir/tree" "$files"
small=$((files / 10))
make_tree "$dir/small" "$small"

config() {
  printf '[[probe]]\nkind = "backup-freshness"\npath = "%s"\nformat = "directory"\nmax_age = "7d"\ntimeout = "1h"\n' "$1" >"$dir/$2"
}
config "$dir/tree" big.toml
config "$dir/small" small.toml

# Best of three runs: "WALL_MS CPU_MS" (CPU = user + system, from GNU time). On a shared
# machine the wall time depends on the load; the CPU time shows the work done.
best() {
  local b= c= out w u s
  for _ in 1 2 3; do
    /usr/bin/time -o "$dir/time.out" -f '%e %U %S' "$@" >/dev/null 2>&1 || true
    read -r w u s <"$dir/time.out"
    w=$(echo "$w * 1000 / 1" | bc)
    if [ -z "$b" ] || [ "$w" -lt "$b" ]; then
      b=$w
      c=$(echo "($u + $s) * 1000 / 1" | bc)
    fi
  done
  echo "$b $c"
}

find_awk() {
  find "$1" -type f -printf '%T@ %s\n' | awk '{n++; b+=$2; if ($1>m) m=$1} END {printf "%d files, %d bytes, newest %s\n", n, b, m}'
}
export -f find_awk

find_awk "$dir/tree" >/dev/null # warm the cache
echo "find | awk:    $(find_awk "$dir/tree")"
echo "medsec walk:   $("$walker" "$dir/tree" medsec)"
echo "load average:  $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
read -r t_find c_find <<<"$(best bash -c 'find_awk "$0"' "$dir/tree")"
read -r t_medsec c_medsec <<<"$(best "$bin" probe --config "$dir/big.toml" --format json --no-progress)"
read -r t_own c_own <<<"$(best "$walker" "$dir/tree" medsec)"
read -r t_ignore c_ignore <<<"$(best "$walker" "$dir/tree" ignore)"
read -r t_walkdir c_walkdir <<<"$(best "$walker" "$dir/tree" walkdir)"
rss() {
  /usr/bin/time -o "$dir/time.out" -f '%M' "$bin" probe --config "$1" --format json --no-progress >/dev/null 2>&1 || true
  cat "$dir/time.out"
}
rss_small=$(rss "$dir/small.toml")
rss_big=$(rss "$dir/big.toml")

printf '%-46s %8s %8s\n' "" "wall ms" "CPU ms" \
  "find -printf | awk ($files files)" "$t_find" "$c_find" \
  "medsec probe (backup-freshness)" "$t_medsec" "$c_medsec" \
  "walker: medsec's (read_dir + statx by dirfd)" "$t_own" "$c_own" \
  "walker: ignore parallel" "$t_ignore" "$c_ignore" \
  "walker: walkdir (1 thread)" "$t_walkdir" "$c_walkdir"
printf 'peak memory: %s KiB at %d files, %s KiB at %d files\n' "$rss_small" "$small" "$rss_big" "$files"
printf 'ratio medsec/find: wall %s (goal <= 0.5), CPU %s\n' \
  "$(echo "scale=2; $t_medsec / $t_find" | bc)" "$(echo "scale=2; $c_medsec / $c_find" | bc)"
printf 'walkers, wall: medsec/ignore %s, medsec/walkdir %s\n' \
  "$(echo "scale=2; $t_own / $t_ignore" | bc)" "$(echo "scale=2; $t_own / $t_walkdir" | bc)"
