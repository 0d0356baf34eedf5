#!/bin/bash
# Monitor cost of ocf:hakit:LVM-activate (and the legacy ocf:hakit:LVM) against the shell
# agents they replace, measured inside a qemu guest of the guest tier (the host has no
# device-mapper): bench/guest/lvm_monitor.sh prints the tables. Target: >= 10x fewer
# instructions per monitor, no program executed by hakit's monitor. Needs root, qemu and
# the guest tier's kernel cache (tests/guest/README.md); valgrind, hyperfine, strace and jq
# on the host (the guest runs the host's userland). ~18 min at load 15 (callgrind under TCG
# costs ~10 s per process started).
#
# Why instructions: under TCG, starting any program costs ~130-170 ms of translation
# (/bin/true), whatever the program then does, and the wall time of a ~1 ms monitor swings
# with the machine's load. So the wall ratio measures how many processes qemu has to start
# (hakit 1, the anchor 5) more than the agents' work. callgrind's count of the instructions
# each monitor's whole process tree executes is the same in every run and on any machine.
#
# Measured (6.1.0-56 guest, LVM 2.03.16, load 15-46; instructions: 2 runs each):
#                                  instructions            CPU ms     processes  wall ms
#   LVM-activate, VG active  hakit        328551 / 328551   221.0        1        249.7
#                            heartbeat   9171327 / 9171328   686.1        5        776.9
#                            ratio                  27.9x     3.1x                   3.1x
#   LVM-activate, LV active  ratio  9184682 / 330565 27.8x     4.7x      5 : 1       4.7x
#   LVM-activate probe       ratio  9148345 / 318594 28.7x     6.7x      5 : 1       7.3x
#   LVM (legacy), VG active  ratio 19605391 / 315568 62.1x     8.0x      7 : 1       8.0x
#   /bin/true (loader + libc start-up, any program): 130393 instructions on the host
#
# Usage: bench/lvm.sh [BUILD_DIR] [INSTRUCTION_RUNS]   (default build, 2 counted runs)
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
exec bash "$here/../tests/guest/run.sh" --build-dir "${1:-build}" --print-log \
  "$here/guest/lvm_monitor.sh" "${2:-2}"
