#!/bin/bash
# Monitor cost of ocf:hakit:drbd against ocf:linbit:drbd, side by side, in a qemu guest of the
# guest tier (the host has no DRBD module): boots one guest with this build's agents and runs
# bench/guest/drbd_monitor.sh there, which prints the table. Under TCG every process start is
# several times dearer than on real hardware; both agents pay it alike. Needs root and what
# tests/guest/run.sh needs; about 3 minutes. Use an optimised build (the default RelWithDebInfo).
#
# Usage: bench/drbd.sh [BUILD_DIR] [RUNS] [INSTRUCTION_RUNS]   (default build, 20 timed runs,
#        1 run under callgrind)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec "$here/../tests/guest/run.sh" --build-dir "${1:-build}" --disk 32M --timeout 2400 --print-log \
  "$here/guest/drbd_monitor.sh" "${2:-20}" "${3:-1}"
