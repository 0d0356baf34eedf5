#!/bin/bash
# ocf:hakit:drbd on two guests over their link, DRBD 8.4 (Debian's kernel), run the way
# Pacemaker runs a two-node promotable clone (without Pacemaker: crm_attribute is a fake that
# keeps the promotion scores in files). One boot covers:
#   1. start both, scores once both are UpToDate;
#   2. promote guest1, write a file, demote; promote guest2, read it back, demote;
#   3. pull the link (ip link down in guest2): monitors, scores and the agent's report on
#      both sides; put it back: reconnect and scores restored;
#   4. dual-primary: promoted-max=2 refused without allow-two-primaries, then both Primary,
#      with OCFS2 (o2cb stack) mounted on both through ocf:hakit:Filesystem, a file written on
#      one read on the other;
#   5. stop both: not running, scores removed.
# hakit-guest: --guests 2 --disk 64M --timeout 900
set -euo pipefail
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
source "$HAKIT_SOURCE_DIR/tests/guest/drbd.sh"

me=$HAKIT_NODE
link=$(ls /sys/class/net | grep -v '^lo$' | head -n 1)
fake_crm_attribute
drbd_agent_environment r0
export OCF_RESKEY_wfc_timeout=20

step "1. start both"
drbd_configure
drbd_create_md
modprobe drbd
barrier configured
expect_agent 0 start
expect_agent 0 monitor
drbd_wait cstate Connected
barrier connected
[ "$me" = 1 ] && drbd_skip_initial_sync
drbd_wait dstate UpToDate/UpToDate
expect_agent 0 monitor
expect_score 10000  # Secondary, UpToDate, peer known UpToDate
barrier uptodate

step "2. promote guest1, write, demote; promote guest2, read back"
if [ "$me" = 1 ]; then
  expect_agent 0 promote
  expect_agent 8 monitor
  expect_score 10000
  mkfs.ext4 -q /dev/drbd0
  mkdir -p /mnt/r0 && mount /dev/drbd0 /mnt/r0
  token=$(cat /proc/sys/kernel/random/uuid)
  echo "$token" > /mnt/r0/token
  share token "$token"
  umount /mnt/r0
  expect_agent 0 demote
  expect_agent 0 monitor
fi
barrier written
if [ "$me" = 2 ]; then
  expect_agent 0 promote
  mkdir -p /mnt/r0 && mount /dev/drbd0 /mnt/r0
  [ "$(cat /mnt/r0/token)" = "$(shared token)" ] || fail "read '$(cat /mnt/r0/token)', guest1 wrote '$(shared token)'"
  echo "guest2 read guest1's token back"
  umount /mnt/r0
  expect_agent 0 demote
fi
barrier read-back

step "3. pull the link"
[ "$me" = 1 ] && expect_agent 0 promote
barrier promoted-again
[ "$me" = 2 ] && ip link set "$link" down
drbd_wait cstate WFConnection 120
report=$(HA_debug=1 /usr/lib/ocf/resource.d/hakit/drbd monitor 2>&1 >/dev/null || true)
echo "$report"
if [ "$me" = 1 ]; then
  expect_agent 8 monitor
  expect_score 10000  # Primary with UpToDate data keeps the highest score
  grep -q 'Primary with UpToDate data (Primary, disk UpToDate, to peer Connecting: peer Unknown DUnknown)' <<< "$report" ||
    fail "the monitor did not report the lost peer"
else
  expect_agent 0 monitor
  expect_score 1000  # UpToDate, but the peer's disk is unknown
  grep -q 'UpToDate data, peer disk state unknown' <<< "$report" ||
    fail "the monitor did not report the unknown peer disk"
fi
barrier link-checked
[ "$me" = 2 ] && ip link set "$link" up
drbd_wait cstate Connected 180
drbd_wait dstate UpToDate/UpToDate 120
expect_agent "$([ "$me" = 1 ] && echo 8 || echo 0)" monitor
expect_score 10000
[ "$me" = 1 ] && expect_agent 0 demote
barrier link-back

step "4. dual-primary"
drbd_agent_environment r0 2
expect_agent 6 validate-all  # promoted-max=2 without allow-two-primaries
expect_agent 6 promote
barrier refused
drbd_configure "allow-two-primaries yes;"
drbdadm adjust r0
barrier adjusted
expect_agent 0 validate-all
expect_agent 0 promote
barrier both-promoted
expect_agent 8 monitor
drbdadm role r0 | grep -qx 'Primary/Primary' || fail "role $(drbdadm role r0), expected Primary/Primary"
echo "both Primary: $(drbdadm role r0)"

step "4b. OCFS2 (o2cb stack) on the dual-primary device, mounted on both by ocf:hakit:Filesystem"
modprobe ocfs2
mkdir -p /etc/ocfs2
o2cb add-cluster hakit
o2cb add-node hakit guest1 --ip 10.99.0.1 --port 7777 --number 0
o2cb add-node hakit guest2 --ip 10.99.0.2 --port 7777 --number 1
o2cb register-cluster hakit
if [ "$me" = 1 ]; then
  mkfs.ocfs2 -q -F -N 2 -J size=4M --cluster-stack=o2cb --cluster-name=hakit /dev/drbd0 ||
    fail "mkfs.ocfs2 on /dev/drbd0"
fi
barrier ocfs2-made
# A clone instance of Filesystem, with nothing of the drbd resource's environment.
filesystem() {
  env -i PATH="$PATH" OCF_ROOT=/usr/lib/ocf HA_LOGFACILITY=none OCF_RESOURCE_INSTANCE=cfs \
    OCF_RESKEY_device=/dev/drbd0 OCF_RESKEY_directory=/mnt/cfs OCF_RESKEY_fstype=ocfs2 \
    OCF_RESKEY_CRM_meta_clone=$((me - 1)) OCF_RESKEY_CRM_meta_clone_max=2 \
    OCF_RESKEY_CRM_meta_timeout=120000 /usr/lib/ocf/resource.d/hakit/Filesystem "$1"
}
mkdir -p /mnt/cfs
filesystem start || fail "Filesystem start (ocfs2 on /dev/drbd0)"
filesystem monitor || fail "Filesystem monitor (ocfs2 on /dev/drbd0)"
barrier ocfs2-mounted
if [ "$me" = 1 ]; then
  share ocfs2-token "$(cat /proc/sys/kernel/random/uuid)"
  shared ocfs2-token > /mnt/cfs/token
fi
barrier ocfs2-written
[ "$(cat /mnt/cfs/token)" = "$(shared ocfs2-token)" ] || fail "guest$me read '$(cat /mnt/cfs/token)' from OCFS2"
echo "guest$me reads guest1's token from OCFS2, mounted on both: $(grep ' /mnt/cfs ' /proc/mounts)"
barrier ocfs2-read
filesystem stop || fail "Filesystem stop"
barrier ocfs2-unmounted
o2cb unregister-cluster hakit || true
barrier dual-checked
expect_agent 0 demote

step "5. stop both"
barrier before-stop
expect_agent 0 stop
expect_agent 7 monitor
expect_score none
grep -q '^delete master-r0' /run/promotion/log || fail "stop did not remove the score"
echo ok
