#!/bin/bash
# Installs the dependencies, builds hakit under AddressSanitizer and UndefinedBehaviorSanitizer
# (build-asan/: agents, plugins, tools and tests alike), checks the release build's
# static-PIE agents, runs the fuzzers, then the whole suite on the sanitizer build: unit, and
# as root the integration tests against a real corosync + Pacemaker and the qemu guest tier.
# The whole suite runs last so that ctest's closing summary counts every test. A sanitizer
# finding fails the process that made it (exit code 23, cmake/sanitizer_defaults.cc); the
# reports of ASan and LeakSanitizer, wherever the process ran (under Pacemaker too), are
# printed at the end.
# Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
jobs=$(nproc)
failed=0

step() { printf '\n==> %s\n' "$*"; }

if [ "$(id -u)" -eq 0 ]; then
  step "Installing dependencies (scripts/deps.sh)"
  mkdir -p build
  if ! bash scripts/deps.sh > build/deps.log 2>&1; then
    cat build/deps.log
    exit 1
  fi
  if [ -d /var/lib/hakit-demo ]; then
    step "Stopping the demo: the integration tests need the machine's only Pacemaker"
    bash scripts/demo.sh --stop
  fi
else
  echo "Not root: skipping apt-get (see scripts/deps.sh) and the integration tests."
fi

step "Build under ASan + UBSan (build-asan/, Debug)"
reports=build-asan/sanitizer-reports
if cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DHAKIT_SANITIZE=ON > /dev/null &&
   cmake --build build-asan -j "$jobs"; then
  built=1
else
  built=0 failed=1
fi

# What the sanitizer build cannot show: the storage and iSCSI agents link as static PIEs
# only outside it (hakit_add_agent STATIC). About a minute on 2 cores.
step "The static-PIE agents of the release build (build/, target static_agents)"
if cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null &&
   cmake --build build -j "$jobs" --target static_agents; then
  ctest --test-dir build -R '^static:' || failed=1
else
  failed=1
fi

step "Fuzzing: every libFuzzer target 30 s on its seed corpus (scripts/fuzz.sh, build-fuzz/)"
bash scripts/fuzz.sh 30 || failed=1

if [ "$built" -eq 1 ]; then
  step "The whole suite under ASan + UBSan (build-asan/)"
  find "$reports" -mindepth 1 -delete
  # The lab's peers are machine-wide (the one Pacemaker, the agents' provider directory, the
  # fence agents in /usr/sbin): the suite holds the lab lock that benchmarks and single test
  # runs take, so that none of them runs beside it.
  flock /run/hakit-lab.lock ctest --test-dir build-asan --output-on-failure -j "$jobs" || failed=1
  if [ -n "$(ls -A "$reports")" ]; then
    step "Sanitizer reports ($reports)"
    for report in "$reports"/*; do printf '\n--- %s\n' "$report"; cat "$report"; done
    failed=1
  fi
fi

exit "$failed"
