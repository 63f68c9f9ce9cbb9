#!/usr/bin/env bash
# Mutation testing of the modules that carry medsec's promises, with cargo-mutants
# (install: cargo install cargo-mutants --locked). Each mutant runs only the test binaries
# (tests/<area>/main.rs) that guard its module. Not part of CI: run it by hand, by shard, or on
# what a change touched.
#
#   scripts/mutants.sh                       every promise module (about 770 mutants: hours)
#   scripts/mutants.sh --shard 3/8           one shard of that set
#   scripts/mutants.sh --file src/answers/rules.rs [--file ...]
#   scripts/mutants.sh --in-diff [BASE]      only code changed since BASE (default: main)
#   scripts/mutants.sh --list [...]          list the mutants, run nothing
#   scripts/mutants.sh ... -- ARGS           ARGS go to cargo mutants (e.g. --re REGEX, -j 2)
#   MUTANTS_TESTS=answers MUTANTS_BASELINE=skip scripts/mutants.sh --file F -- --re R -- TEST
#                                            only tests named TEST (cargo test's filter) on mutants R
#   MUTANTS_TESTS="answers promises" scripts/mutants.sh ...   only these test binaries
#
# Made cheap (docs/testing.md has the measurement): the `mutants` cargo profile (dev without
# debug info), its own target directory (MUTANTS_TARGET_DIR, default target/mutants-run: no
# other build is invalidated, and the worktree stays free: cargo-mutants works in a copy), the
# mold linker when installed, only the guarding test binaries built, and the unmutated
# baseline skipped once it has passed for the same sources and test binaries (a stamp line per
# set of binaries in $MUTANTS_TARGET_DIR/baseline-passed, written only when outcomes.json shows
# the baseline ran and passed; MUTANTS_BASELINE=run forces it, =skip skips it anyway, e.g. when
# only tests were added since; MUTANTS_TIMEOUT, default 600 s, bounds each mutant's tests when
# it is skipped).
#
# Accepted survivors (equivalent mutants, log messages) are listed with a reason each in
# .cargo/mutants.toml. Results land in mutants.out/ (outcomes.json, missed.txt, caught.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

# Module -> the test binaries (tests/<area>/main.rs) that guard it (the library's unit tests
# always run). Whole binaries: a test-name filter would also filter the library's unit tests.
declare -A TESTS=(
  [src/signing/]="signing report promises"
  # answers: tests/answers/writes.rs `force_replaces_a_bundle_exactly_as_listed_and_nothing_more`
  # alone catches `check` -> Ok(Default) (report --force over a bundle holding the user's file).
  [src/signing/manifest.rs]="answers"
  # checklist: tests/checklist/imported_rules.rs walks through a form without 確認日 (asks_checked_on).
  [src/answers/rules.rs]="answers checklist promises report"
  [src/answers/store/]="answers promises"
  # checklist: tests/checklist/not_workbook.rs alone catches sheet.rs `is_answers_export_header` -> false.
  [src/answers/sheet.rs]="answers promises checklist"
  [src/atomic.rs]="answers promises"
  [src/probes/backup.rs]="probes promises"
  [src/probes/patch/]="probes"
  [src/commands/status.rs]="answers promises report signing"
  [src/commands/verify.rs]="signing report promises"
  [src/commands/probe.rs]="probes promises"
  [src/commands/report.rs]="report signing"
  [src/commands/answer.rs]="answers promises"
  [src/exit.rs]="answers signing promises lang"
  [src/app.rs]="answers signing promises lang"
)
PROMISE_FILES=(
  "src/signing/**/*.rs" src/answers/rules.rs "src/answers/store/*.rs" src/answers/sheet.rs
  src/atomic.rs src/probes/backup.rs "src/probes/patch/*.rs" src/commands/status.rs
  src/commands/verify.rs src/commands/probe.rs src/commands/report.rs src/commands/answer.rs
  src/exit.rs src/app.rs
)

files=() shard="" diff_base="" list=0 passthrough=()
while [ $# -gt 0 ]; do
  case "$1" in
    --shard) shard="$2"; shift 2 ;;
    --file) files+=("$2"); shift 2 ;;
    --in-diff) if [ $# -ge 2 ] && [[ "$2" != --* ]]; then diff_base="$2"; shift 2; else diff_base=main; shift; fi ;;
    --list) list=1; shift ;;
    --) shift; passthrough=("$@"); break ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) echo "scripts/mutants.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#files[@]} -gt 0 ] || files=("${PROMISE_FILES[@]}")

command -v cargo-mutants >/dev/null || {
  echo "cargo-mutants is not installed: cargo install cargo-mutants --locked" >&2
  exit 2
}

# The test binaries guarding the chosen files, those that exist.
declare -A wanted=()
for f in "${files[@]}"; do
  for key in "${!TESTS[@]}"; do
    case "$f" in
      "$key"*|"${key%/}"/*) for t in ${TESTS[$key]}; do wanted[$t]=1; done ;;
    esac
  done
done
if [ -n "${MUTANTS_TESTS:-}" ]; then
  wanted=()
  for t in $MUTANTS_TESTS; do wanted[$t]=1; done
fi
test_args=(--lib)
for t in $(printf '%s\n' "${!wanted[@]}" | sort); do
  [ -f "tests/$t/main.rs" ] && test_args+=(--test "$t")
done
[ ${#wanted[@]} -gt 0 ] || test_args=(--lib --tests)

args=()
for f in "${files[@]}"; do args+=(--file "$f"); done
[ -n "$shard" ] && args+=(--shard "$shard")
if [ -n "$diff_base" ]; then
  diff_file=$(mktemp)
  trap 'rm -f "$diff_file"' EXIT
  git diff "$diff_base"... -- src >"$diff_file"
  args+=(--in-diff "$diff_file")
fi
[ "$list" = 1 ] && exec cargo mutants --list "${args[@]}" "${passthrough[@]}"

# The test targets go to every cargo invocation (--cargo-arg), not only to `cargo test` (after
# `--`): otherwise each mutant's build phase (`cargo test --no-run`) relinks every test binary.
cargo_args=()
for a in "${test_args[@]}"; do cargo_args+=("--cargo-arg=$a"); done

# Cheaper mutants: own profile and target directory, mold when installed.
export CARGO_TARGET_DIR="${MUTANTS_TARGET_DIR:-$PWD/target/mutants-run}"
if command -v mold >/dev/null && [ "$(uname -s)" = Linux ]; then
  export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-C link-arg=-fuse-ld=mold"
fi
# The sources the baseline is judged on: the commit and any change to it.
tree_id=$(
  {
    git rev-parse HEAD
    git diff HEAD -- src tests Cargo.toml Cargo.lock checklists i18n templates
    # New files count by their contents, not only their names.
    git ls-files -z --others --exclude-standard -- src tests Cargo.toml checklists i18n templates \
      | xargs -0 -r sha256sum
  } | sha256sum | cut -c1-32
)
# One line per set of test binaries that passed on these sources ("TREE_ID --lib --test …"), so a
# run over another module's binaries does not void the others' stamp.
stamp="$CARGO_TARGET_DIR/baseline-passed"
stamp_line="$tree_id ${test_args[*]}"
baseline=(--baseline=run)
if [ "${MUTANTS_BASELINE:-}" = skip ] || { [ "${MUTANTS_BASELINE:-}" != run ] && [ -f "$stamp" ] \
  && grep -qxF -- "$stamp_line" "$stamp"; }; then
  baseline=(--baseline=skip --timeout "${MUTANTS_TIMEOUT:-600}")
fi
# Where cargo-mutants writes its results (mutants.out under --output DIR, else here).
out_dir="${CARGO_MUTANTS_OUTPUT:-.}"
for ((i = 0; i < ${#passthrough[@]}; i++)); do
  case "${passthrough[$i]}" in
    -o|--output) out_dir="${passthrough[$((i + 1))]:-$out_dir}" ;;
    --output=*) out_dir="${passthrough[$i]#--output=}" ;;
  esac
done
outcomes="$out_dir/mutants.out/outcomes.json"
echo "CARGO_TARGET_DIR=$CARGO_TARGET_DIR RUSTFLAGS=${RUSTFLAGS:-}" >&2
echo "cargo mutants --profile mutants ${baseline[*]} ${args[*]} ${cargo_args[*]} ${passthrough[*]}" >&2
started="$CARGO_TARGET_DIR/.mutants-started.$$"
mkdir -p "$CARGO_TARGET_DIR" && : >"$started"
trap 'rm -f "$started" "${diff_file:-}"' EXIT
# CI=true: a test whose tool is missing fails rather than skipping, so it cannot hide a mutant.
status=0
# The test targets before ARGS: ARGS may end with `-- TESTNAME` (a filter for cargo test), and
# whatever follows a `--` goes to cargo test, not to cargo mutants.
CI=true cargo mutants --profile mutants "${baseline[@]}" "${args[@]}" "${cargo_args[@]}" \
  "${passthrough[@]}" || status=$?
# The stamp only when the baseline really ran and passed: cargo-mutants exits 0 without running
# it when no mutant matches (an empty --in-diff, a --re that names nothing).
baseline_passed() {
  # Written by this run (not left from an earlier one when cargo-mutants stopped early).
  [ -f "$outcomes" ] && [ "$outcomes" -nt "$started" ] || return 1
  if command -v jq >/dev/null; then
    jq -e 'any(.outcomes[]; .scenario == "Baseline" and .summary == "Success")' "$outcomes" >/dev/null
  elif command -v python3 >/dev/null; then
    python3 -c 'import json,sys; o=json.load(open(sys.argv[1]))["outcomes"]
sys.exit(0 if any(x["scenario"]=="Baseline" and x["summary"]=="Success" for x in o) else 1)' "$outcomes"
  else
    return 1
  fi
}
# A baseline filtered to some tests (`-- TEST` in ARGS) says nothing of the others: no stamp.
filtered=0
for a in "${passthrough[@]}"; do [ "$a" = -- ] && filtered=1; done
if [ "${baseline[0]}" = --baseline=run ] && [ "$filtered" = 0 ] && baseline_passed; then
  mkdir -p "$CARGO_TARGET_DIR"
  # Keep the other binary sets' lines for these sources; older sources' lines are void.
  { grep -F -- "$tree_id " "$stamp" 2>/dev/null | grep -vxF -- "$stamp_line" || true
    echo "$stamp_line"; } >"$stamp.new"
  mv "$stamp.new" "$stamp"
fi
exit $status
