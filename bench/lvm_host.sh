#!/bin/bash
# The one LVM-activate monitor that runs the same on this host as on a storage node: the
# probe of a volume group that is not active. ocf:heartbeat:LVM-activate asks device-mapper
# with `dmsetup info -S vg_name=VG | grep -c`, hakit reads /sys/block. The host has no
# device-mapper driver, so its dmsetup fails at once where a node's would answer "No devices
# found": the anchor starts the same programs and takes the same path to "not running", a
# little cheaper than on a node. Both must exit 7. Real wall and CPU time, which the guest
# benchmark (bench/lvm.sh, under TCG) cannot show; the active cases need device-mapper and
# stay there. Prints the table; asserts nothing. Use an optimised build (the default
# RelWithDebInfo). Needs hyperfine, strace and jq; no root, no lab lock (no peer).
#
# Measured (RelWithDebInfo, load 0.2, hyperfine 200+ runs):
#   LVM-activate probe (wall)   hakit 0.62 ms   heartbeat 5.25 ms    8.4x
#   LVM-activate probe (CPU)    hakit 0.55 ms   heartbeat 6.11 ms   11.2x
#   processes started           hakit 0         heartbeat 3 (basename, dmsetup, grep)
# hakit's probe is within 0.1 ms of exec'ing an empty static program here (0.5 ms), so the
# wall ratio cannot go much above 10x against an anchor that costs 5 ms. Linked dynamically
# (before hakit_add_agent STATIC) it took 0.8 ms.
#
# Usage: bench/lvm_host.sh [BUILD_DIR]
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_dir=${1:-build}
hakit_agent=$(realpath "$build_dir/ocf/resource.d/hakit/LVM-activate")
anchor_agent=/usr/lib/ocf/resource.d/heartbeat/LVM-activate
speed_target=10

require_tools hyperfine strace jq dmsetup
require_programs "$hakit_agent" "$anchor_agent"
make_workdir lvm-host

# What Pacemaker's executor gives a probe; both agents get the same.
export OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1
export OCF_RESKEY_CRM_meta_timeout=90000 OCF_RESKEY_CRM_meta_interval=0
export HA_RSCTMP=$work HA_LOGFACILITY=none OCF_RESOURCE_INSTANCE=bench_vg
export OCF_RESKEY_vgname=vg_bench OCF_RESKEY_vg_access_mode=system_id
expect_status 7 "$hakit_agent" monitor
expect_status 7 "$anchor_agent" monitor

echo "bench: LVM-activate probe" >&2
run_hyperfine probe --style=none --warmup 10 --min-runs 200 -i \
  -n hakit "$hakit_agent monitor" -n anchor "$anchor_agent monitor" >/dev/null

echo
echo "LVM-activate probe of an inactive VG on this host ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
table_begin 36 heartbeat 2 8
compare_row probe "LVM-activate probe (wall)" hakit anchor "$speed_target"
table_row "LVM-activate probe (CPU)" "$(cpu_ms probe hakit)" "$(cpu_ms probe anchor)" \
  "$speed_target"
count_row "LVM-activate probe: processes" "$(count_spawned "$hakit_agent" monitor)" \
  "$(count_spawned "$anchor_agent" monitor)"
echo "targets: $(targets_verdict) (reported, not asserted)"
