#!/bin/bash
# Installs the dependencies, builds hakit into build/ and runs every test: the unit tests
# under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/), then the whole suite
# (unit, and as root the integration tests against a real corosync + Pacemaker).
# The whole suite runs last so that ctest's closing summary counts every test.
# Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
failed=0

step() { printf '\n==> %s\n' "$*"; }

if [ "$(id -u)" -eq 0 ]; then
  step "Installing dependencies (scripts/deps.sh)"
  mkdir -p build && bash scripts/deps.sh > build/deps.log 2>&1 || { cat build/deps.log; exit 1; }
  if [ -d /var/lib/hakit-demo ]; then
    step "Stopping the demo: the integration tests need the machine's only Pacemaker"
    bash scripts/demo.sh --stop
  fi
else
  echo "Not root: skipping apt-get (see scripts/deps.sh) and the integration tests."
fi

step "Unit tests under ASan + UBSan (build-asan/)"
if cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DHAKIT_SANITIZE=ON > /dev/null &&
   cmake --build build-asan -j "$jobs" --target hakit_unit_tests; then
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -R '^unit:' || failed=1
else
  failed=1
fi

step "Fuzzing: every libFuzzer target 30 s on its seed corpus (scripts/fuzz.sh, build-fuzz/)"
bash scripts/fuzz.sh 30 || failed=1

step "Build (build/, RelWithDebInfo) and the whole suite"
if cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null && cmake --build build -j "$jobs"; then
  ctest --test-dir build --output-on-failure -j "$jobs" || failed=1
else
  failed=1
fi

exit "$failed"
