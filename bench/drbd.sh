#!/bin/bash
# Monitor cost of ocf:hakit:drbd against ocf:linbit:drbd, side by side, in a qemu guest of the
# guest tier (the host has no DRBD module): boots one guest with this build's agents and runs
# bench/guest/drbd_monitor.sh there, which prints the tables. Target: >= 10x fewer
# instructions per monitor (valgrind's callgrind, whole process tree: the same in every run,
# whatever the load). Under TCG every process start costs ~70-170 ms of translation, so the
# wall and CPU times mostly count the programs each monitor starts (hakit 1, the anchor 19)
# and swing with the machine's load. Needs root, valgrind and what tests/guest/run.sh needs;
# 5 min at load 1, ~18 at load 20-70 (callgrind under TCG: ~10 s per process). Use an
# optimised build (the default RelWithDebInfo).
#
# Measured (6.1.0-56 guest, DRBD 8.4.11, load about 1, one callgrind run each, 10 timed
# runs), with hakit's agents linked as static PIEs (hakit_add_agent STATIC):
#                          instructions  CPU ms  processes  wall ms
#   Secondary  hakit             713587    77.8      2         86.3
#              linbit          52055086  1354.6     28       1514.0
#              ratio              72.9x    17.4x  28 : 2       17.5x
#   Primary    hakit             715747    83.7      2         95.2
#              linbit          52045079  1285.8     28       1448.9
#              ratio              72.7x    15.4x  28 : 2       15.2x
#   /bin/true (loader + libc start-up, any program): 128221 instructions
# Before, linked dynamically (load 20-70): hakit 830957 / 822700 instructions, 62.7x and
# 63.3x, CPU 14.0x and 5.9x, wall 13.1x and 6.1x.
#
# Usage: bench/drbd.sh [BUILD_DIR] [RUNS] [INSTRUCTION_RUNS]   (default build, 20 timed runs,
#        1 run under callgrind)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec "$here/../tests/guest/run.sh" --build-dir "${1:-build}" --disk 32M --timeout 2400 --print-log \
  "$here/guest/drbd_monitor.sh" "${2:-20}" "${3:-1}"
