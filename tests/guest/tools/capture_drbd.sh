#!/bin/bash
# Captures what DRBD's tools print in every state the drbd agent reads, for the parsers' unit
# tests (tests/captures/drbd/). Not a ctest case; run it by hand:
#   tests/guest/run.sh --guests 2 --disk 64M --results /tmp/drbd-capture tests/guest/tools/capture_drbd.sh
set -uo pipefail
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
source "$HAKIT_SOURCE_DIR/tests/guest/drbd.sh"
out=$HAKIT_RESULTS/capture
mkdir -p "$out"

# capture STATE: every status output, into capture/STATE.<tool>
capture() {
  local state=$1
  cat /proc/drbd > "$out/$state.proc_drbd" 2>&1
  drbdsetup sh-status r0 > "$out/$state.sh-status" 2>&1
  drbdsetup status r0 --verbose --statistics > "$out/$state.status" 2>&1
  drbdsetup events2 --now r0 > "$out/$state.events2" 2>&1
  drbdsetup show r0 > "$out/$state.show" 2>&1
  for field in role cstate dstate; do drbdadm "$field" r0 > "$out/$state.$field" 2>&1; done
}

modprobe drbd
drbd_configure
drbdadm --version > "$out/drbdadm-version" 2>&1
drbdadm sh-dev r0 > "$out/sh-dev" 2>&1
drbdadm sh-dev nosuch > "$out/sh-dev-unknown" 2>&1; echo "exit $?" >> "$out/sh-dev-unknown"
drbdadm dump r0 > "$out/dump" 2>&1
drbdadm -d adjust r0 > "$out/adjust-dry-run" 2>&1
drbdadm sh-mod-parms > "$out/sh-mod-parms" 2>&1
capture unconfigured
drbd_create_md
barrier md
if [ "$HAKIT_NODE" = 1 ]; then
  drbdadm up r0
  capture wfconnection
  barrier up1
  barrier connected
  drbd_wait cstate Connected
  drbdadm primary --force r0
  sleep 1
  capture syncsource
  drbd_wait dstate UpToDate/UpToDate 300
  capture primary-connected
  barrier synced
  barrier link-down
  drbd_wait cstate WFConnection 60
  capture primary-peer-lost
  barrier captured-lost
  barrier link-up
  drbd_wait cstate Connected 120
  drbd_wait dstate UpToDate/UpToDate 120
  drbdadm secondary r0
  capture secondary-connected
  barrier secondary
  barrier peer-primary
  capture secondary-peer-primary
  barrier done
  drbdadm down r0
  capture down
else
  barrier up1
  drbdadm up r0
  barrier connected
  drbd_wait cstate Connected
  sleep 1
  capture synctarget
  drbd_wait dstate UpToDate/UpToDate 300
  barrier synced
  ip link set "$(ls /sys/class/net | grep -v lo | head -1)" down
  barrier link-down
  drbd_wait cstate WFConnection 60
  capture secondary-peer-lost
  drbdadm outdate r0
  capture secondary-outdated
  barrier captured-lost
  ip link set "$(ls /sys/class/net | grep -v lo | head -1)" up
  barrier link-up
  barrier secondary
  drbd_wait cstate Connected 120
  drbd_wait dstate UpToDate/UpToDate 120
  drbdadm primary r0
  capture primary-peer-secondary
  barrier peer-primary
  barrier done
  drbdadm secondary r0
  drbdadm down r0
fi
echo captured
