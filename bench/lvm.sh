#!/bin/bash
# Monitor cost of ocf:hakit:LVM-activate (and the legacy ocf:hakit:LVM) against the shell
# agents they replace, measured inside a qemu guest of the guest tier (the host has no
# device-mapper): bench/guest/lvm_monitor.sh prints the tables. Target: >= 10x fewer
# instructions per monitor, no program executed by hakit's monitor. Needs root, qemu and
# the guest tier's kernel cache (tests/guest/README.md); valgrind, hyperfine, strace and jq
# on the host (the guest runs the host's userland). 5 min at load 1, 10-18 at load 8-46
# (callgrind under TCG costs ~10 s per process started).
#
# Why instructions: under TCG, starting any program costs ~70-170 ms of translation
# (/bin/true, with the load), whatever the program then does, and the wall time of a ~1 ms
# monitor swings with the machine's load. So the wall ratio measures how many processes
# qemu has to start (hakit 1, the anchor 5) more than the agents' work. callgrind's count of
# the instructions each monitor's whole process tree executes is the same in every run and
# on any machine.
#
# Measured (6.1.0-56 guest, LVM 2.03.16), with the agents linked as static PIEs (no dynamic
# loader, hakit_add_agent STATIC), load about 1, one callgrind run, 30 timed runs:
#                                  instructions  CPU ms  processes  wall ms
#   LVM-activate, VG active  hakit       152666    23.1      1         26.3
#                            heartbeat  9171044   241.3      5        264.6
#                            ratio        60.1x   10.4x    5 : 1       10.1x
#   LVM-activate, LV active  ratio        59.4x    9.4x    5 : 1        8.9x  (9184460 / 154727)
#   LVM-activate probe       ratio        62.4x    9.5x    5 : 1        8.7x  (9147897 / 146588)
#   LVM (legacy), VG active  ratio       132.2x   14.4x    7 : 1       14.2x  (19616612 / 148331)
#   /bin/true (loader + libc start-up, any program): 124197 instructions, 36.8 ms wall
# hakit's monitor now starts faster than /bin/true: it has no loader to run and no libc.so
# to map. Before, linked dynamically (load 8-78): hakit 247645 instructions, 37.0x (LV
# 36.8x, probe 38.0x, legacy 80.6x), CPU 6.3-10.2x, wall 6.1-10.1x; and before util/strings'
# cat stopped building a stream: 328551, 27.9x. The host-side probe: bench/lvm_host.sh.
#
# Usage: bench/lvm.sh [BUILD_DIR] [INSTRUCTION_RUNS]   (default build, 2 counted runs)
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
exec bash "$here/../tests/guest/run.sh" --build-dir "${1:-build}" --print-log \
  "$here/guest/lvm_monitor.sh" "${2:-2}"
