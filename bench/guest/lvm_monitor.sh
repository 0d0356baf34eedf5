#!/bin/bash
# Guest side of bench/lvm.sh (run by tests/guest/run.sh, not a ctest case): monitor cost of
# ocf:hakit:LVM-activate and ocf:hakit:LVM against ocf:heartbeat:LVM-activate and
# ocf:heartbeat:LVM on a real device-mapper, side by side: wall time per monitor
# (hyperfine), and the processes each monitor starts (strace). Prints the table; asserts
# nothing.
# hakit-guest: --disk 64M --timeout 900
set -euo pipefail
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
source "$HAKIT_SOURCE_DIR/bench/lib.sh"
ocf_environment
make_workdir lvm
require_tools hyperfine jq strace

step "a VG with one LV, active"
printf 'global { system_id_source = "uname" }\n' > /etc/lvm/lvm.conf
pvcreate -q -ff -y "$HAKIT_DISK"
vgcreate -q vgbench "$HAKIT_DISK"
lvcreate -q -an -Zn -L 8M -n data vgbench
vgchange -q -ay vgbench

HAKIT=/usr/lib/ocf/resource.d/hakit
ANCHOR=/usr/lib/ocf/resource.d/heartbeat
export OCF_RESOURCE_INSTANCE=vgbench OCF_RESKEY_CRM_meta_interval=30000
export OCF_RESKEY_vgname=vgbench OCF_RESKEY_vg_access_mode=system_id OCF_RESKEY_volgrpname=vgbench
for agent in "$HAKIT/LVM-activate" "$ANCHOR/LVM-activate" "$HAKIT/LVM" "$ANCHOR/LVM"; do
  expect_status 0 "$agent" monitor
done

step "monitor, VG active"
run_hyperfine vg --warmup 3 --runs 30 -n hakit "$HAKIT/LVM-activate monitor" \
  -n anchor "$ANCHOR/LVM-activate monitor" -n hakit-legacy "$HAKIT/LVM monitor" \
  -n anchor-legacy "$ANCHOR/LVM monitor"
export OCF_RESKEY_lvname=data
run_hyperfine lv --warmup 3 --runs 30 -n hakit "$HAKIT/LVM-activate monitor" \
  -n anchor "$ANCHOR/LVM-activate monitor"
spawned_hakit=$(count_spawned "$HAKIT/LVM-activate" monitor)
spawned_anchor=$(count_spawned "$ANCHOR/LVM-activate" monitor)
unset OCF_RESKEY_lvname

step "probe, VG inactive"
vgchange -q -an vgbench
export OCF_RESKEY_CRM_meta_interval=0
expect_status 7 "$HAKIT/LVM-activate" monitor
expect_status 7 "$ANCHOR/LVM-activate" monitor
run_hyperfine probe --warmup 3 --runs 30 -n hakit "$HAKIT/LVM-activate monitor" \
  -n anchor "$ANCHOR/LVM-activate monitor"

echo
echo "LVM monitor cost in a TCG guest ($(uname -r), $(lvm version | sed -n 's/ *LVM version: *//p'))"
table_begin 40 heartbeat 2 8
compare_row vg "LVM-activate monitor, VG active" hakit anchor 10
compare_row lv "LVM-activate monitor, one LV active" hakit anchor 10
compare_row probe "LVM-activate probe, VG inactive" hakit anchor 10
compare_row vg "LVM (legacy) monitor, VG active" hakit-legacy anchor-legacy 10
count_row "processes per LVM-activate monitor" "$spawned_hakit" "$spawned_anchor" 0
[ "$spawned_hakit" -eq 0 ] || target_missed
echo "targets: $(targets_verdict) (reported, not asserted)"
