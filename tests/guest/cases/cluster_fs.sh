#!/bin/bash
# GFS2 and OCFS2 on one disk shared by two guests, each mounted through ocf:hakit:Filesystem
# as a clone on both, with corosync and dlm_controld (started through ocf:hakit:controld)
# running, OCFS2 on the pcmk stack through ocf:hakit:o2cb: a file written on one guest is
# read on the other. Also the refusals: the DLM without fencing, GFS2/OCFS2 mounts without
# the DLM, a lock_nolock GFS2 and a local-only OCFS2 as clones.
# hakit-guest: --guests 2 --disk 64M --shared-disk 160M --timeout 1200
set -euo pipefail
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
ocf_environment
export OCF_RESKEY_CRM_meta_timeout=180000  # a DLM join under TCG on a loaded machine is slow
trap 'echo "-- kernel log"; dmesg | tail -n 30' EXIT

AGENTS=/usr/lib/ocf/resource.d/hakit
CAPTURES=$HAKIT_RESULTS/captures
mkdir -p "$CAPTURES/dlm" "$CAPTURES/ocfs2" "$CAPTURES/gfs2"
export OCF_RESKEY_CRM_meta_interval=0
peer=$((3 - HAKIT_NODE))
clone() {  # clone: what Pacemaker gives a clone instance
  export OCF_RESKEY_CRM_meta_clone=$((HAKIT_NODE - 1)) OCF_RESKEY_CRM_meta_clone_max=2
  export OCF_RESKEY_CRM_meta_clone_node_max=1 OCF_RESKEY_CRM_meta_globally_unique=false
}
primitive() {
  unset OCF_RESKEY_CRM_meta_clone OCF_RESKEY_CRM_meta_clone_max OCF_RESKEY_CRM_meta_clone_node_max
  unset OCF_RESKEY_CRM_meta_globally_unique
}
run() {  # run EXPECTED AGENT ACTION [NAME=VALUE...]: one action with these parameters
  local expected=$1 agent=$2 action=$3
  shift 3
  echo "-- $agent $action $*"
  expect_status "$expected" env "${@/#/OCF_RESKEY_}" "$AGENTS/$agent" "$action"
}
shared_disk_written() {  # shared_disk_written NAME: both see what one wrote to the shared disk
  sync
  blockdev --flushbufs "$HAKIT_SHARED_DISK"  # the writer's: out to the disk
  barrier "$1"
  # The reader's page cache may predate the write (udev probed the disk at boot).
  blockdev --flushbufs "$HAKIT_SHARED_DISK"
  echo 3 > /proc/sys/vm/drop_caches
  echo "superblock at 64 KiB as guest$HAKIT_NODE reads it:"
  dd if="$HAKIT_SHARED_DISK" bs=4096 skip=16 count=1 iflag=direct 2>/dev/null | od -A d -t x1 | head -2
}
fs() {  # fs EXPECTED ACTION DEVICE FSTYPE [NAME=VALUE...]: Filesystem on /mnt/cfs
  local expected=$1 action=$2 device=$3 fstype=$4
  shift 4
  OCF_RESOURCE_INSTANCE=cfs run "$expected" Filesystem "$action" device="$device" \
    directory=/mnt/cfs fstype="$fstype" "$@"
}

step "corosync, two nodes"
mkdir -p /etc/corosync /var/lib/corosync /var/log/corosync
cat > /etc/corosync/corosync.conf <<CONF
totem {
    version: 2
    cluster_name: hakit
    transport: knet
    crypto_cipher: none
    crypto_hash: none
    token: 3000
}
logging {
    to_stderr: no
    to_syslog: no
    to_logfile: yes
    logfile: /var/log/corosync/corosync.log
}
quorum {
    provider: corosync_votequorum
    two_node: 1
}
nodelist {
    node {
        name: guest1
        nodeid: 1
        ring0_addr: 10.99.0.1
    }
    node {
        name: guest2
        nodeid: 2
        ring0_addr: 10.99.0.2
    }
}
CONF
corosync
for _ in $(seq 300); do
  corosync-quorumtool -s 2>/dev/null | grep -q 'Quorate: *Yes' && break
  sleep 0.2
done
corosync-quorumtool -s | grep -q 'Quorate: *Yes' || fail "corosync: no quorum"

step "mounts that need the DLM fail while it is not running"
export OCF_RESOURCE_INSTANCE=dlm
clone
if [ "$HAKIT_NODE" = 1 ]; then
  mkfs.gfs2 -O -q -p lock_dlm -t hakit:gfs -j 2 "$HAKIT_SHARED_DISK"
  tunegfs2 -l "$HAKIT_SHARED_DISK" > "$CAPTURES/gfs2/guest-tunegfs2-l-lock_dlm.txt"
fi
shared_disk_written mkfs-gfs2
fs 1 start "$HAKIT_SHARED_DISK" gfs2

step "controld: no fencing, no DLM; allowed, it runs"
run 7 controld monitor
run 6 controld start  # no CIB to say stonith-enabled: refused
run 0 controld start allow_stonith_disabled=true
run 0 controld monitor
run 0 controld start allow_stonith_disabled=true
OCF_RESKEY_CRM_meta_globally_unique=true run 6 controld validate-all
barrier dlm

step "GFS2 (lock_dlm) mounted on both guests"
fs 7 monitor "$HAKIT_SHARED_DISK" gfs2
fs 0 start "$HAKIT_SHARED_DISK" gfs2
fs 0 monitor "$HAKIT_SHARED_DISK" gfs2
dlm_tool ls > "$CAPTURES/dlm/guest$HAKIT_NODE-dlm_tool-ls.txt" 2>&1 || true
dlm_tool status -v > "$CAPTURES/dlm/guest$HAKIT_NODE-dlm_tool-status-v.txt" 2>&1 || true
cat /sys/kernel/config/dlm/cluster/comms/*/addr_list > "$CAPTURES/dlm/guest$HAKIT_NODE-addr_list.txt" 2>&1 || true
echo "gfs2 from guest$HAKIT_NODE" > "/mnt/cfs/from-guest$HAKIT_NODE"
sync
barrier gfs2-written
grep -qx "gfs2 from guest$peer" "/mnt/cfs/from-guest$peer" || fail "GFS2: guest$peer's file not read here"
run 0 controld monitor
run 1 controld stop  # lockspace in use: dlm_controld stays
barrier gfs2-read
fs 0 stop "$HAKIT_SHARED_DISK" gfs2
fs 7 monitor "$HAKIT_SHARED_DISK" gfs2
barrier gfs2-unmounted

step "GFS2 lock_nolock: refused as a clone, mounted as a primitive"
mkfs.gfs2 -O -q -p lock_nolock -j 1 "$HAKIT_DISK"
tunegfs2 -l "$HAKIT_DISK" > "$CAPTURES/gfs2/guest-tunegfs2-l-lock_nolock.txt"
fs 6 start "$HAKIT_DISK" gfs2
primitive
fs 0 start "$HAKIT_DISK" gfs2 fast_stop=yes
fs 0 stop "$HAKIT_DISK" gfs2 fast_stop=yes
clone

step "o2cb (pcmk stack) and OCFS2 mounted on both guests"
export OCF_RESOURCE_INSTANCE=o2cb
run 7 o2cb monitor
run 6 o2cb validate-all stack=o2cb
run 0 o2cb start
run 0 o2cb monitor
cat /sys/fs/ocfs2/loaded_plugins > "$CAPTURES/ocfs2/guest-loaded_plugins.txt"
cat /sys/fs/ocfs2/cluster_stack > "$CAPTURES/ocfs2/guest-cluster_stack.txt"
if [ "$HAKIT_NODE" = 1 ]; then
  mkfs.ocfs2 -q -F --cluster-stack=pcmk --cluster-name=hakit -N 2 "$HAKIT_SHARED_DISK" </dev/null
fi
shared_disk_written mkfs-ocfs2
mounted.ocfs2 -d "$HAKIT_SHARED_DISK" > "$CAPTURES/ocfs2/guest-mounted-d-pcmk.txt"
fs 0 start "$HAKIT_SHARED_DISK" ocfs2
fs 0 monitor "$HAKIT_SHARED_DISK" ocfs2
OCF_CHECK_LEVEL=20 fs 0 monitor "$HAKIT_SHARED_DISK" ocfs2
echo "ocfs2 from guest$HAKIT_NODE" > "/mnt/cfs/from-guest$HAKIT_NODE"
sync
barrier ocfs2-written
grep -qx "ocfs2 from guest$peer" "/mnt/cfs/from-guest$peer" || fail "OCFS2: guest$peer's file not read here"
export OCF_RESOURCE_INSTANCE=o2cb
run 1 o2cb stop  # still mounted
barrier ocfs2-read
fs 0 stop "$HAKIT_SHARED_DISK" ocfs2
fs 7 monitor "$HAKIT_SHARED_DISK" ocfs2
export OCF_RESOURCE_INSTANCE=o2cb
run 0 o2cb stop
run 7 o2cb monitor
run 0 o2cb stop

step "OCFS2 made for one node: refused as a clone"
mkfs.ocfs2 -q -F -M local "$HAKIT_DISK" </dev/null
mounted.ocfs2 -d "$HAKIT_DISK" > "$CAPTURES/ocfs2/guest-mounted-d-local.txt"
fs 6 start "$HAKIT_DISK" ocfs2
barrier cluster-fs-done

if [ "$HAKIT_NODE" = 1 ]; then
  step "examples/ocfs2.crm loads into a CIB (crmsh, a file-backed CIB)"
  cibadmin --empty > /tmp/cib.xml
  CIB_file=/tmp/cib.xml crm configure load update "$HAKIT_SOURCE_DIR/examples/ocfs2.crm" || true
  CIB_file=/tmp/cib.xml crm configure show ocfs2-1-clone o2cb-before-ocfs2-1 | tee /dev/stderr |
    grep -c 'ocfs2-1-clone' | grep -q 2 || fail "examples/ocfs2.crm did not load"
fi

step "controld stops once no lockspace is left"
export OCF_RESOURCE_INSTANCE=dlm
run 0 controld stop
run 7 controld monitor
run 0 controld stop
echo ok
