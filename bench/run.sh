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

build_dir=${1:-build}
hakit_agent=$(realpath "$build_dir/ocf/resource.d/hakit/Filesystem")
shell_agent=/usr/lib/ocf/resource.d/heartbeat/Filesystem
speedup_target=20

for tool in hyperfine strace jq losetup mkfs.ext4; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "bench: needs root to attach and mount a loop device" >&2; exit 1; }
[ -x "$hakit_agent" ] || { echo "bench: no built agent at $hakit_agent" >&2; exit 1; }
[ -x "$shell_agent" ] || { echo "bench: no shell agent at $shell_agent" >&2; exit 1; }

work=$(mktemp -d /tmp/hakit-bench-XXXXXX)
mount_point=$work/mnt
loop_device=""
cleanup() {
  if mountpoint -q "$mount_point"; then umount "$mount_point" || umount -l "$mount_point"; fi
  if [ -n "$loop_device" ]; then losetup -d "$loop_device"; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

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

for agent in "$hakit_agent" "$shell_agent"; do
  status=0
  "$agent" monitor >/dev/null 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    echo "bench: $agent monitor returned $status on the mounted filesystem, expected 0" >&2
    exit 1
  fi
done

hyperfine --shell=none --warmup 5 --min-runs 30 --export-json "$work/times.json" \
  -n "hakit meta-data" "$hakit_agent meta-data" \
  -n "shell meta-data" "$shell_agent meta-data" \
  -n "hakit monitor" "$hakit_agent monitor" \
  -n "shell monitor" "$shell_agent monitor"

# Processes an action starts: successful execve calls in the whole tree, minus the agent's own.
spawned() {
  strace -f -qq -e trace=execve -o "$work/execve.trace" "$@" >/dev/null 2>&1 || true
  echo $(($(grep -c ' = 0$' "$work/execve.trace") - 1))
}
hakit_spawned=$(spawned "$hakit_agent" monitor)
shell_spawned=$(spawned "$shell_agent" monitor)

mean_ms() {
  jq --arg name "$1" '.results[] | select(.command == $name) | .mean * 1000' "$work/times.json"
}
hakit_metadata=$(mean_ms "hakit meta-data")
shell_metadata=$(mean_ms "shell meta-data")
hakit_monitor=$(mean_ms "hakit monitor")
shell_monitor=$(mean_ms "shell monitor")

echo
echo "Filesystem on a mounted ext4 loop device ($loop_device)"
awk -v hm="$hakit_metadata" -v sm="$shell_metadata" -v hn="$hakit_monitor" \
    -v sn="$shell_monitor" -v hs="$hakit_spawned" -v ss="$shell_spawned" \
    -v target="$speedup_target" 'BEGIN {
  printf "%-22s %12s %12s %9s %10s\n", "action", "hakit", "heartbeat", "speedup", "target"
  printf "%-22s %9.2f ms %9.2f ms %8.1fx %10s\n", "meta-data", hm, sm, sm / hm, "-"
  printf "%-22s %9.2f ms %9.2f ms %8.1fx %9s\n", "monitor (level 0)", hn, sn, sn / hn, ">= " target "x"
  printf "%-22s %12d %12d %9s %10s\n", "monitor: processes", hs, ss, "", "0 (hakit)"
  verdict = (sn / hn >= target && hs == 0) ? "met" : "NOT met"
  printf "\nmonitor targets %s (reported, not asserted)\n", verdict
}'
