#!/bin/bash
# Times hakit's Filesystem agent against the resource-agents shell Filesystem it
# replaces, on a mounted ext4 loop device: meta-data and a level-0 monitor side by
# side in one hyperfine run (identical OCF environment), plus the processes each
# monitor spawns (strace). Prints the numbers next to the targets for hakit's
# monitor (>= 20x faster, 0 spawned processes); asserts nothing. Use an optimised
# build (the default RelWithDebInfo) for meaningful numbers. Needs root (losetup,
# mount), hyperfine, strace and jq. Cleans up the mount and loop device on any exit.
#
# Usage: bench/run.sh [BUILD_DIR]    (default: build)
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_dir=${1:-build}
hakit_agent=$(realpath "$build_dir/ocf/resource.d/hakit/Filesystem")
shell_agent=/usr/lib/ocf/resource.d/heartbeat/Filesystem
speedup_target=20

require_tools hyperfine strace jq losetup mkfs.ext4
require_root "to attach and mount a loop device"
require_programs "$hakit_agent" "$shell_agent"

make_workdir fs
mount_point=$work/mnt
loop_device=""
unmount() {
  if mountpoint -q "$mount_point"; then umount "$mount_point" || umount -l "$mount_point"; fi
  if [ -n "$loop_device" ]; then losetup -d "$loop_device"; fi
}
on_exit unmount

truncate -s 64M "$work/disk.img"
loop_device=$(losetup --find --show "$work/disk.img")
mkfs.ext4 -q "$loop_device"
mkdir "$mount_point"
mount -t ext4 "$loop_device" "$mount_point"

# What Pacemaker's executor gives a recurring level-0 monitor; both agents get the same.
export OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1
export OCF_RESOURCE_INSTANCE=bench-fs OCF_RESOURCE_TYPE=Filesystem OCF_CHECK_LEVEL=0
export OCF_RESKEY_CRM_meta_timeout=20000 OCF_RESKEY_CRM_meta_interval=20000
export OCF_RESKEY_device=$loop_device OCF_RESKEY_directory=$mount_point OCF_RESKEY_fstype=ext4

expect_status 0 "$hakit_agent" monitor
expect_status 0 "$shell_agent" monitor

run_hyperfine times --warmup 5 --min-runs 30 \
  -n "hakit meta-data" "$hakit_agent meta-data" \
  -n "shell meta-data" "$shell_agent meta-data" \
  -n "hakit monitor" "$hakit_agent monitor" \
  -n "shell monitor" "$shell_agent monitor"

hakit_spawned=$(count_spawned "$hakit_agent" monitor)
shell_spawned=$(count_spawned "$shell_agent" monitor)

echo
echo "Filesystem on a mounted ext4 loop device ($loop_device)"
table_begin 22 heartbeat 2 10
compare_row times "meta-data" "hakit meta-data" "shell meta-data"
compare_row times "monitor (level 0)" "hakit monitor" "shell monitor" "$speedup_target"
count_row "monitor: processes" "$hakit_spawned" "$shell_spawned" "0 (hakit)"
[ "$hakit_spawned" -eq 0 ] || target_missed
echo
echo "monitor targets $(targets_verdict) (reported, not asserted)"
