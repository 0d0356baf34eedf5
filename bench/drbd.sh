#!/bin/bash
# Monitor cost of ocf:hakit:drbd against ocf:linbit:drbd, side by side, in a qemu guest of the
# guest tier (the host has no DRBD module): boots one guest with this build's agents and runs
# bench/guest/drbd_monitor.sh there, which prints the tables. Target: >= 10x fewer
# instructions per monitor (valgrind's callgrind, whole process tree: the same in every run,
# whatever the load). Under TCG every process start costs ~70-170 ms of translation, so the
# wall and CPU times mostly count the programs each monitor starts (hakit 1, the anchor 19)
# and swing with the machine's load. Needs root, valgrind and what tests/guest/run.sh needs;
# ~18 min at load 20-70 (callgrind under TCG: ~10 s per process). Use an optimised build
# (the default RelWithDebInfo).
#
# Measured (6.1.0-56 guest, DRBD 8.4.11, load 20-70, one callgrind run each):
#                          instructions  CPU ms  processes  wall ms
#   Secondary  hakit             830957   182.4      2        204.9
#              linbit          52060057  2558.5     28       2684.3
#              ratio              62.7x    14.0x  28 : 2       13.1x
#   Primary    hakit             822700   331.2      2        366.9
#              linbit          52050528  1969.6     28       2232.5
#              ratio              63.3x     5.9x  28 : 2        6.1x
#   /bin/true (loader + libc start-up, any program): 128221 instructions
#
# Usage: bench/drbd.sh [BUILD_DIR] [RUNS] [INSTRUCTION_RUNS]   (default build, 20 timed runs,
#        1 run under callgrind)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec "$here/../tests/guest/run.sh" --build-dir "${1:-build}" --disk 32M --timeout 2400 --print-log \
  "$here/guest/drbd_monitor.sh" "${2:-20}" "${3:-1}"
