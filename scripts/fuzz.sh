#!/bin/bash
# Builds the libFuzzer targets (build-fuzz/: clang, -DHAKIT_FUZZ=ON, ASan + UBSan) and runs
# each on its seed corpus (tests/fuzz/corpus/<target>/) for SECONDS, two at a time.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 30 s, every target)
# Prints executions, coverage (cov), features (ft) and the outcome per target. Exits
# non-zero when clang is missing, a target does not build, or any target crashed, leaked,
# timed out or ran out of memory: the input is then in build-fuzz/crashes/.
# FUZZ_JOBS (default 2) sets how many run at once.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift $(($# > 0 ? 1 : 0))
jobs=${FUZZ_JOBS:-2}
build=build-fuzz

if ! command -v clang++ > /dev/null; then
  echo "fuzz.sh: clang++ is missing (apt-get install clang libclang-rt-14-dev; see scripts/deps.sh)" >&2
  exit 1
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DHAKIT_FUZZ=ON -DHAKIT_TESTS=OFF > "$build.configure.log" 2>&1 ||
  { cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j "$jobs" --target hakit_fuzzers 2>&1 | grep -E 'error:|warning:'
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz.sh: the fuzz targets do not build" >&2; exit 1; }

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for binary in "$build"/fuzz/*_fuzz; do targets+=("$(basename "$binary" _fuzz)"); done
fi
mkdir -p "$build/crashes" "$build/logs"

run_one() {  # target seconds build
  local target=$1 seconds=$2 build=$3
  local seeds=tests/fuzz/corpus/$target work=$build/corpus/$target
  mkdir -p "$work"
  [ -d "$seeds" ] || { echo "$target: no seed corpus $seeds" > "$build/logs/$target.log"; return 1; }
  # New inputs go to the scratch corpus; the checked-in seeds are only read.
  "$build/fuzz/${target}_fuzz" "$work" "$seeds" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/crashes/$target-" \
    > "$build/logs/$target.log" 2>&1
}
export -f run_one
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c "run_one {} $seconds $build"
status=$?

printf '\n%-18s %12s %8s %8s  %s\n' target executions cov ft outcome
for target in "${targets[@]}"; do
  log=$build/logs/$target.log
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$done_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$done_line")
  if [ -n "$done_line" ]; then
    outcome=ok
  else
    outcome="FAILED: $(grep -m1 -E 'ERROR|SUMMARY|deadly|no seed' "$log" || echo "see $log")"
  fi
  printf '%-18s %12s %8s %8s  %s\n' "$target" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$outcome"
done
exit "$status"
