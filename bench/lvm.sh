#!/bin/bash
# Monitor cost of ocf:hakit:LVM-activate (and the legacy ocf:hakit:LVM) against the shell
# agents they replace, measured inside a qemu guest of the guest tier (the host has no
# device-mapper): bench/guest/lvm_monitor.sh prints the tables. Target: >= 10x fewer
# instructions per monitor, no program executed by hakit's monitor. Needs root, qemu and
# the guest tier's kernel cache (tests/guest/README.md); valgrind, hyperfine, strace and jq
# on the host (the guest runs the host's userland). 10-18 min at load 8-46 (callgrind under TCG
# costs ~10 s per process started).
#
# Why instructions: under TCG, starting any program costs ~70-170 ms of translation
# (/bin/true, with the load), whatever the program then does, and the wall time of a ~1 ms
# monitor swings with the machine's load. So the wall ratio measures how many processes
# qemu has to start (hakit 1, the anchor 5) more than the agents' work. callgrind's count of
# the instructions each monitor's whole process tree executes is the same in every run and
# on any machine.
#
# Measured (6.1.0-56 guest, LVM 2.03.16), after util/strings' cat stopped building a stream
# (an agent's start-up no longer initialises the locale), load 8-78, one callgrind run:
#                                  instructions  CPU ms  processes  wall ms
#   LVM-activate, VG active  hakit       247645    66.4      1         77.2
#                            heartbeat  9171284   418.2      5        472.7
#                            ratio        37.0x    6.3x    5 : 1        6.1x
#   LVM-activate, LV active  ratio        36.8x    6.6x    5 : 1        7.1x  (9184702 / 249703)
#   LVM-activate probe       ratio        38.0x    9.3x    5 : 1       10.1x  (9148275 / 240816)
#   LVM (legacy), VG active  ratio        80.6x   10.2x    7 : 1        9.6x  (19605796 / 243291)
#   /bin/true (loader + libc start-up, any program): 124211 instructions, 72.2 ms wall
# Before (load 15-46, 2 runs each, equal to 1 instruction): hakit 328551 / 328551 against
# heartbeat 9171327 / 9171328 (27.9x; LV 27.8x, probe 28.7x, legacy 62.1x), wall 3.1-8.0x.
# hakit's monitor is now about two /bin/true starts: half of it is the dynamic loader and
# libc (callgrind_annotate), the rest its environment and parameters.
#
# Usage: bench/lvm.sh [BUILD_DIR] [INSTRUCTION_RUNS]   (default build, 2 counted runs)
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
exec bash "$here/../tests/guest/run.sh" --build-dir "${1:-build}" --print-log \
  "$here/guest/lvm_monitor.sh" "${2:-2}"
