#!/bin/bash
# clang-tidy (.clang-tidy) on lib/, unit tests excepted, with build/'s compile commands.
#   scripts/tidy.sh [FILE...]     (default: every lib/**/*.cc but *_test.cc)
# Exits non-zero on any finding. TIDY_JOBS (default 2) files at once, at nice 10 (the
# machine is shared; a full run of lib/ takes long: not part of CI).
set -uo pipefail
cd "$(dirname "$0")/.."
tidy=$(command -v clang-tidy-14 || command -v clang-tidy) ||
  { echo "tidy.sh: clang-tidy is missing (apt-get install clang-tidy)" >&2; exit 1; }
if [ ! -f build/compile_commands.json ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null || exit 1
fi
files=("$@")
[ ${#files[@]} -gt 0 ] || mapfile -t files < <(find lib -name '*.cc' ! -name '*_test.cc' | sort)
printf '%s\n' "${files[@]}" |
  xargs -P "${TIDY_JOBS:-2}" -n 4 nice -n 10 "$tidy" -p build --quiet \
    --extra-arg=-Wno-unknown-warning-option 2>/dev/null
