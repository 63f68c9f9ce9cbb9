#!/usr/bin/env bash
# Evidence hashing: SHA-256 of a 1 GiB file (warm cache) by medsec's hash function against
# coreutils `sha256sum` and `openssl dgst -sha256`. Prints wall times and ratios, and checks
# that all three agree on the digest.
# Goal: at least 0.9x openssl's speed (the sha2 crate uses the CPU's SHA extensions).
#
# Usage: scripts/bench-hash.sh [SIZE_MIB]   (default 1024; builds the release example first)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
cargo build --release --quiet --example bench_hash
bin=target/release/examples/bench_hash
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
file=$dir/data.bin
head -c "$((size * 1024 * 1024))" /dev/urandom >"$file"
cat "$file" >/dev/null # warm the cache

# Best wall time in seconds of three runs; the digest goes to $dir/$1.out.
best() {
  local name=$1 t best=
  shift
  for _ in 1 2 3; do
    local s e
    s=$(date +%s%N)
    "$@" >"$dir/$name.out"
    e=$(date +%s%N)
    t=$(( (e - s) / 1000000 ))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "$best"
}

t_medsec=$(best medsec "$bin" "$file")
t_sha=$(best sha256sum sha256sum "$file")
t_openssl=$(best openssl openssl dgst -sha256 -r "$file")

d_medsec=$(cut -d' ' -f1 "$dir/medsec.out")
d_sha=$(cut -d' ' -f1 "$dir/sha256sum.out")
d_openssl=$(cut -d' ' -f1 "$dir/openssl.out")
if [ "$d_medsec" != "$d_sha" ] || [ "$d_medsec" != "$d_openssl" ]; then
  echo "digests differ: medsec $d_medsec, sha256sum $d_sha, openssl $d_openssl" >&2
  exit 1
fi

mbps() { echo "scale=0; $size * 1000 / $1" | bc; }
printf '%-22s %7s ms  %6s MiB/s\n' \
  "medsec (sha2 crate)" "$t_medsec" "$(mbps "$t_medsec")" \
  "sha256sum" "$t_sha" "$(mbps "$t_sha")" \
  "openssl dgst -sha256" "$t_openssl" "$(mbps "$t_openssl")"
printf 'speed vs sha256sum: %sx   speed vs openssl: %sx   (goal: >= 0.9x openssl)\n' \
  "$(echo "scale=2; $t_sha / $t_medsec" | bc)" "$(echo "scale=2; $t_openssl / $t_medsec" | bc)"
