#!/bin/bash
# Monitor cost of hakit's VirtualDomain against ocf:heartbeat:VirtualDomain on the same
# running domain, side by side: wall time per monitor (hyperfine) and the processes each
# monitor spawns (strace). The domain is a small qemu (TCG) guest on the lab's libvirtd
# (tests/lab/libvirt_host.h, started by `hakit-lab libvirt-host`). The anchor is measured
# as configured by default (it also sets utilization attributes through crm_resource at
# every monitor; no cluster runs here, so those calls fail fast) and with the three
# autoset_utilization_* off, its cheapest monitor. Target for hakit's monitor: >= 20x
# faster than the anchor's cheapest, nothing spawned. Prints the numbers; asserts nothing.
# Use an optimised build (the default RelWithDebInfo).
#
# It takes /run/hakit-lab.lock itself (do not run it under flock). Needs root, hyperfine,
# strace, jq, virsh and libvirtd.
#
# Usage: bench/virt.sh [BUILD_DIR]
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_dir=${1:-build}
hakit_agent=$(realpath "$build_dir/ocf/resource.d/hakit/VirtualDomain")
lab=$(realpath "$build_dir/tests/lab/hakit-lab")
shell_agent=/usr/lib/ocf/resource.d/heartbeat/VirtualDomain
speed_target=20

require_tools hyperfine strace jq virsh
require_root "(libvirtd in a mount namespace)"
require_programs "$hakit_agent" "$lab" "$shell_agent" /usr/sbin/libvirtd

exec 9>/run/hakit-lab.lock
flock 9

make_workdir virt
start_simulator "the lab libvirtd" "$lab" libvirt-host --state "$work/lab" --domain hakit-bench-vm
read -r uri config <<<"$simulator_ready"

# What Pacemaker's executor gives a recurring monitor; every variant gets the same.
export OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1
export OCF_RESKEY_CRM_meta_timeout=30000 OCF_RESKEY_CRM_meta_interval=10000
export OCF_RESOURCE_INSTANCE=bench-vm HA_LOGFACILITY=none HA_RSCTMP=$work
export OCF_RESKEY_config=$config OCF_RESKEY_hypervisor=$uri
no_utilization=(OCF_RESKEY_autoset_utilization_cpu=false OCF_RESKEY_autoset_utilization_hv_memory=false
                OCF_RESKEY_autoset_utilization_host_memory=false)

expect_status 0 "$hakit_agent" monitor
expect_status 0 "$shell_agent" monitor
expect_status 0 env "${no_utilization[@]}" "$shell_agent" monitor

echo "bench: VirtualDomain monitor on $uri" >&2
run_hyperfine monitor --style=none --warmup 3 --min-runs 20 \
  -n hakit "$hakit_agent monitor" \
  -n anchor-lean "env ${no_utilization[*]} $shell_agent monitor" \
  -n anchor "$shell_agent monitor" >/dev/null

hakit_spawned=$(count_spawned "$hakit_agent" monitor)
lean_spawned=$(count_spawned env "${no_utilization[@]}" "$shell_agent" monitor)
lean_spawned=$((lean_spawned - 1))  # env's exec of the agent is not the agent's doing
anchor_spawned=$(count_spawned "$shell_agent" monitor)
[ "$hakit_spawned" -eq 0 ] || target_missed

echo
echo "VirtualDomain monitor of one running qemu domain (libvirtd on a unix socket)"
table_begin 44 VirtualDomain 1 8
compare_row monitor "monitor vs anchor, utilization off" hakit anchor-lean "$speed_target"
compare_row monitor "monitor vs anchor, default parameters" hakit anchor
# CPU time (user + system, children included) depends far less on the other load of the
# machine than wall time, which under load is mostly waiting for a CPU.
table_row "monitor CPU, utilization off" "$(cpu_ms monitor hakit)" "$(cpu_ms monitor anchor-lean)"
table_row "monitor CPU, default parameters" "$(cpu_ms monitor hakit)" "$(cpu_ms monitor anchor)"
count_row "processes spawned (utilization off)" "$hakit_spawned" "$lean_spawned" "0"
count_row "processes spawned (default parameters)" "$hakit_spawned" "$anchor_spawned"
echo "targets: $(targets_verdict) (reported, not asserted); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
