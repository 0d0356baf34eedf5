#!/bin/bash
# Runs inside a guest (bench/drbd.sh starts it): the monitor of ocf:hakit:drbd against
# ocf:linbit:drbd's on the same DRBD 8.4 resource, Secondary and then Primary (its peer never
# answers): the instructions each monitor executes (valgrind's callgrind, whole process
# tree, INSTRUCTION_RUNS runs), its wall and CPU time (hyperfine) and the processes it
# starts. crm_attribute is /bin/true here (no cluster in the guest), for both agents alike.
set -euo pipefail
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
source "$HAKIT_SOURCE_DIR/tests/guest/drbd.sh"
source "$HAKIT_SOURCE_DIR/bench/lib.sh"
runs=${1:-20}
instruction_runs=${2:-1}
target=10

ln -sf /bin/true /usr/sbin/crm_attribute
make_workdir drbd
require_tools hyperfine jq strace valgrind
modprobe drbd
drbd_configure
drbd_create_md
drbdadm up r0 && drbdadm primary --force r0 && drbdadm secondary r0
drbd_agent_environment r0
export OCF_RESKEY_wfc_timeout=0
hakit=/usr/lib/ocf/resource.d/hakit/drbd
anchor=/usr/lib/ocf/resource.d/linbit/drbd

declare -A processes
count_instructions floor /bin/true
for role in Secondary Primary; do
  [ "$role" = Primary ] && drbdadm primary r0
  expected=0
  [ "$role" = Primary ] && expected=8
  expect_status "$expected" "$hakit" monitor
  expect_status "$expected" "$anchor" monitor
  for ((run = 0; run < instruction_runs; run++)); do
    count_instructions "$role-hakit" "$hakit" monitor
    count_instructions "$role-anchor" "$anchor" monitor
  done
  run_hyperfine "$role" --style=none --warmup 2 --runs "$runs" -n hakit "$hakit monitor" \
    -n anchor "$anchor monitor" -i >/dev/null
  processes[hakit-$role]=$(count_spawned "$hakit" monitor)
  processes[anchor-$role]=$(count_spawned "$anchor" monitor)
done
drbdadm secondary r0 && drbdadm down r0

echo
echo "drbd monitor cost in a TCG guest (DRBD 8.4.11): hakit vs ocf:linbit:drbd"
echo "instructions: valgrind's callgrind, user space, whole process tree; CPU (user+sys) and"
echo "wall: hyperfine means of $runs runs, children included; processes: the monitor's own and"
echo "every one it forked"
cost_table_begin 36
for role in Secondary Primary; do
  cost_rows "monitor, $role" "$role" hakit anchor linbit "$target"
done
floor_row "/bin/true (loader + libc, any program)" floor
echo
echo "Wall time alone (the former table): under TCG every process start costs the time to"
echo "translate its code anew, which the anchor pays for each of its programs"
table_begin 36 linbit 1 8
for role in Secondary Primary; do
  compare_row "$role" "monitor, $role: wall" hakit anchor
  table_row "monitor, $role: CPU (user+sys)" "$(cpu_ms "$role" hakit)" "$(cpu_ms "$role" anchor)"
  count_row "monitor, $role: programs executed" "${processes[hakit-$role]}" "${processes[anchor-$role]}"
done
echo "targets (instructions >= ${target}x): $(targets_verdict) (reported, not asserted)"
