#!/bin/bash
# Monitor cost of ocf:hakit:LVM-activate (and the legacy ocf:hakit:LVM) against the shell
# agents they replace, measured inside a qemu guest of the guest tier (the host has no
# device-mapper): bench/guest/lvm_monitor.sh prints the table. Target: >= 10x faster, no
# process spawned by hakit's monitor. Needs root, qemu and the guest tier's kernel cache
# (tests/guest/README.md); hyperfine, strace and jq on the host (the guest runs the host's
# userland).
#
# Usage: bench/lvm.sh [BUILD_DIR]
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
exec bash "$here/../tests/guest/run.sh" --build-dir "${1:-build}" --print-log \
  "$here/guest/lvm_monitor.sh"
