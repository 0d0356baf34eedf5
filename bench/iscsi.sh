#!/bin/bash
# Monitor cost of hakit's iSCSITarget and iSCSILogicalUnit against ocf:heartbeat's, side by
# side on the same tgtd with the same target and LUN (a 64 MiB file): wall time per monitor
# (hyperfine), CPU (user + system of the agent and its children) and the processes each
# monitor starts (strace). hakit's target monitor asks tgtd over its control socket and
# starts nothing; the shell agents run bash, ocf-shellfuncs, tgtadm and grep/sed. Prints
# the numbers next to the target (target monitor >= 20x faster); asserts nothing. Use an
# optimised build (the default RelWithDebInfo).
#
# The shell agents call tgtadm without -C, so this tgtd takes the default control port 0
# (and refuses to run if another tgtd has it); its portal is 127.0.0.1 at a free port. It
# takes /run/hakit-lab.lock itself (do not run it under flock). Needs root, tgt, hyperfine,
# strace and jq.
#
# Usage: bench/iscsi.sh [BUILD_DIR]
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_dir=${1:-build}
hakit_dir=$(realpath "$build_dir/ocf/resource.d/hakit")
anchor_dir=/usr/lib/ocf/resource.d/heartbeat
iqn=iqn.2024-01.bench.example:hakit
speed_target=20

require_tools hyperfine strace jq tgtd tgtadm python3
require_root "(tgtd)"
require_programs "$hakit_dir/iSCSITarget" "$hakit_dir/iSCSILogicalUnit" \
  "$anchor_dir/iSCSITarget" "$anchor_dir/iSCSILogicalUnit"

exec 9>/run/hakit-lab.lock
flock 9
tgtadm --lld iscsi --mode target --op show >/dev/null 2>&1 && fail "a tgtd already answers on control port 0"

make_workdir iscsi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
tgtd -f --iscsi "portal=127.0.0.1:$port" >"$work/tgtd.log" 2>&1 &
tgtd_pid=$!
stop_tgtd() {
  # SIGTERM does not stop tgtd: delete its targets, then ask it to exit.
  tgtadm --lld iscsi --mode target --op delete --force --tid 1 >/dev/null 2>&1 || true
  tgtadm --mode system --op delete >/dev/null 2>&1 || true
  wait "$tgtd_pid" 2>/dev/null || true
}
on_exit stop_tgtd
for _ in $(seq 50); do
  tgtadm --lld iscsi --mode target --op show >/dev/null 2>&1 && break
  sleep 0.1
done
truncate -s 64M "$work/lun1.img"

# What Pacemaker's executor gives a recurring monitor; both agents get the same.
mkdir "$work/rsctmp"
export OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1
export OCF_RESKEY_CRM_meta_timeout=10000 OCF_RESKEY_CRM_meta_interval=10000
export HA_RSCTMP=$work/rsctmp HA_LOGFACILITY=none OCF_RESKEY_implementation=tgt
export OCF_RESKEY_iqn=$iqn OCF_RESKEY_tid=1
export OCF_RESKEY_target_iqn=$iqn OCF_RESKEY_lun=1 OCF_RESKEY_path=$work/lun1.img
export OCF_RESOURCE_INSTANCE=bench_lu1

# The anchors create the target and LUN; hakit's monitors see the same ones.
expect_status 0 "$anchor_dir/iSCSITarget" start
expect_status 0 "$anchor_dir/iSCSILogicalUnit" start
for agent in iSCSITarget iSCSILogicalUnit; do
  expect_status 0 "$hakit_dir/$agent" monitor
  expect_status 0 "$anchor_dir/$agent" monitor
done

declare -A processes
for agent in iSCSITarget iSCSILogicalUnit; do
  echo "bench: $agent monitor" >&2
  run_hyperfine "$agent" --style=none --warmup 5 --min-runs 40 \
    -n hakit "$hakit_dir/$agent monitor" -n anchor "$anchor_dir/$agent monitor" >/dev/null
  processes[hakit-$agent]=$(count_spawned "$hakit_dir/$agent" monitor)
  processes[anchor-$agent]=$(count_spawned "$anchor_dir/$agent" monitor)
done

echo
echo "iSCSI monitor on one tgtd (target + one 64 MiB file-backed LUN), wall time per monitor"
table_begin 36 heartbeat 2 8
compare_row iSCSITarget "iSCSITarget monitor" hakit anchor "$speed_target"
compare_row iSCSILogicalUnit "iSCSILogicalUnit monitor" hakit anchor
table_row "iSCSITarget monitor (CPU)" "$(cpu_ms iSCSITarget hakit)" "$(cpu_ms iSCSITarget anchor)"
table_row "iSCSILogicalUnit monitor (CPU)" "$(cpu_ms iSCSILogicalUnit hakit)" \
  "$(cpu_ms iSCSILogicalUnit anchor)"
for agent in iSCSITarget iSCSILogicalUnit; do
  count_row "$agent monitor: processes" "${processes[hakit-$agent]}" \
    "${processes[anchor-$agent]}"
done
echo "targets: $(targets_verdict) (reported, not asserted)"

expect_status 0 "$anchor_dir/iSCSILogicalUnit" stop
expect_status 0 "$anchor_dir/iSCSITarget" stop
