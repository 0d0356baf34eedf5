#!/bin/bash
# Runs inside a guest (bench/drbd.sh starts it): the monitor of ocf:hakit:drbd against
# ocf:linbit:drbd's on the same DRBD 8.4 resource, Secondary and then Primary (its peer never
# answers), with hyperfine: wall and CPU time per monitor, and the processes each spawns.
# crm_attribute is /bin/true here (no cluster in the guest), for both agents alike.
set -euo pipefail
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
source "$HAKIT_SOURCE_DIR/tests/guest/drbd.sh"
source "$HAKIT_SOURCE_DIR/bench/lib.sh"
runs=${1:-20}
target=10

ln -sf /bin/true /usr/sbin/crm_attribute
make_workdir drbd
modprobe drbd
drbd_configure
drbd_create_md
drbdadm up r0 && drbdadm primary --force r0 && drbdadm secondary r0
drbd_agent_environment r0
export OCF_RESKEY_wfc_timeout=0
hakit=/usr/lib/ocf/resource.d/hakit/drbd
anchor=/usr/lib/ocf/resource.d/linbit/drbd

declare -A processes
for role in Secondary Primary; do
  [ "$role" = Primary ] && drbdadm primary r0
  expected=0
  [ "$role" = Primary ] && expected=8
  expect_status "$expected" "$hakit" monitor
  expect_status "$expected" "$anchor" monitor
  run_hyperfine "$role" --style=none --warmup 2 --runs "$runs" -n hakit "$hakit monitor" \
    -n anchor "$anchor monitor" -i >/dev/null
  processes[hakit-$role]=$(count_spawned "$hakit" monitor)
  processes[anchor-$role]=$(count_spawned "$anchor" monitor)
done
drbdadm secondary r0 && drbdadm down r0

echo
echo "drbd monitor in a TCG guest (DRBD 8.4.11, $runs runs each): hakit vs ocf:linbit:drbd"
table_begin 36 linbit 1 8
for role in Secondary Primary; do
  compare_row "$role" "monitor, $role: wall" hakit anchor "$target"
  table_row "monitor, $role: CPU (user+sys)" "$(cpu_ms "$role" hakit)" "$(cpu_ms "$role" anchor)"
  count_row "monitor, $role: processes spawned" "${processes[hakit-$role]}" "${processes[anchor-$role]}"
done
echo "targets (wall >= ${target}x): $(targets_verdict) (reported, not asserted)"
