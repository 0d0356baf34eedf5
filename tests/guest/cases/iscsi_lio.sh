#!/bin/bash
# hakit-guest: --disk 64M --memory 1024 --timeout 600
# ocf:hakit:iSCSITarget and iSCSILogicalUnit with lio-t (targetcli) in a guest kernel with
# LIO: a target with a fileio LUN (a file) and a block LUN (the guest's disk) through
# start, monitor and stop, and seen by libiscsi's iscsi-ls in between.
set -u
# shellcheck source=tests/guest/lib.sh
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
modprobe -a target_core_mod iscsi_target_mod target_core_file target_core_iblock ||
  skip "no LIO modules"
command -v targetcli >/dev/null || skip "targetcli is not installed"
agents=/usr/lib/ocf/resource.d/hakit
export OCF_ROOT=/usr/lib/ocf HA_RSCTMP=/run/resource-agents HA_LOGFACILITY=none
export OCF_RESKEY_implementation=lio-t
# targetcli needs seconds per session under TCG: give the actions time, as a cluster would.
export OCF_RESKEY_CRM_meta_timeout=120000
iqn=iqn.2024-01.lab.example:guest
truncate -s 64M /tmp/lu1.img

target() { OCF_RESOURCE_INSTANCE=tgt OCF_RESKEY_iqn=$iqn OCF_RESKEY_portals=127.0.0.1:3260 "$agents/iSCSITarget" "$1"; }
lu() { OCF_RESOURCE_INSTANCE=lu$1 OCF_RESKEY_target_iqn=$iqn OCF_RESKEY_lun=$1 OCF_RESKEY_path=$2 "$agents/iSCSILogicalUnit" "$3"; }

step "probes"
expect_status 7 target monitor
expect_status 7 lu 1 /tmp/lu1.img monitor
step "start"
expect_status 0 target start
expect_status 0 target monitor
expect_status 0 lu 2 "$HAKIT_DISK" start   # LUN 2 first: the index must still be right
expect_status 0 lu 1 /tmp/lu1.img start
expect_status 0 lu 1 /tmp/lu1.img monitor
expect_status 0 lu 2 "$HAKIT_DISK" monitor
expect_status 7 lu 1 "$HAKIT_DISK" monitor  # LUN 1 is not backed by the disk
targetcli ls /iscsi
step "initiator"
# The first login after LUN changes gets a UNIT ATTENTION (REPORTED LUNS DATA HAS CHANGED)
# on a LUN, which iscsi-ls does not retry: that one consumes it.
iscsi-ls -s iscsi://127.0.0.1/ >/dev/null 2>&1 || true
listing=$(iscsi-ls -s iscsi://127.0.0.1/ 2>&1)
echo "$listing"
grep -q "Lun:1 .*(Size:63M)" <<<"$listing" || fail "iscsi-ls does not see LUN 1 (64 MiB)"
grep -q "Lun:2" <<<"$listing" || fail "iscsi-ls does not see LUN 2"
step "stop"
expect_status 0 lu 1 /tmp/lu1.img stop
expect_status 0 lu 2 "$HAKIT_DISK" stop
expect_status 0 target stop
expect_status 7 target monitor
expect_status 7 lu 2 "$HAKIT_DISK" monitor
targetcli ls
[ -z "$(ls /sys/kernel/config/target/core/fileio_* 2>/dev/null)" ] || fail "a backstore is left"
echo "iscsi_lio: passed"
