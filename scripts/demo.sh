#!/bin/bash
# The demo: builds and installs hakit, starts a one-node corosync + Pacemaker cluster on
# 127.0.0.1, and runs an ext4 filesystem on a loop device as ocf:hakit:Filesystem.
#   bash scripts/demo.sh          set it all up and show the cluster
#   bash scripts/demo.sh --stop   stop the resource and the cluster, detach the loop
#                                 device and wipe the CIB (or stop the box)
#   bash scripts/demo.sh --nodes 2
#                                 instead: the box, a two-node cluster in namespaces
#                                 (tests/lab/box.h) with a simulated BMC per node and a
#                                 PDU, running examples/box-rhcs.crm; `crm_mon -1` of it
# Run as root on Debian 12.
set -euo pipefail
cd "$(dirname "$0")/.."

state=/var/lib/hakit-demo
mount_point=/mnt/hakit-demo
lab=build/tests/lab/hakit-lab

step() { printf '\n==> %s\n' "$*"; }

stop_demo() {
  if [ ! -d "$state" ]; then
    echo "The demo is not running."
    return
  fi
  if [ -d "$state/box" ]; then
    step "Stopping the box (its nodes, BMCs, PDU and namespaces)"
    "$lab" box stop --state "$state/box" || true
  fi
  if [ -f "$state/cluster/pacemakerd.pid" ]; then
    step "Stopping demo-fs"
    crm resource stop demo-fs || true
    crm_resource --wait --timeout=60s || true
    step "Stopping the cluster (wipes the CIB)"
    "$lab" cluster stop --state "$state/cluster"
  fi
  if [ -f "$state/loop.device" ]; then
    step "Detaching the loop device"
    "$lab" loop destroy --state "$state"
  fi
  rm -r --one-file-system "$state"
  rmdir "$mount_point" 2>/dev/null || true
  echo "Demo stopped. hakit stays installed (/usr/lib/ocf/resource.d/hakit, /usr/sbin/hakit)."
}

if [ "${1:-}" = "--stop" ]; then
  stop_demo
  exit 0
fi
nodes=1
if [ "${1:-}" = "--nodes" ]; then
  nodes=${2:?--nodes takes 2 or 3}
  case $nodes in 2 | 3) ;; *) echo "--nodes takes 2 or 3" >&2; exit 1 ;; esac
fi
if [ -d "$state" ]; then
  echo "The demo is already running ($state); stop it with: bash scripts/demo.sh --stop" >&2
  exit 1
fi

step "Installing dependencies (scripts/deps.sh)"
mkdir -p build
bash scripts/deps.sh > build/deps.log 2>&1 || { cat build/deps.log; exit 1; }

step "Building (RelWithDebInfo, build/) and installing"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build -j "$(nproc)"
cmake --install build > /dev/null
hakit list

# In node N of the box: crm, crm_mon, stonith_admin... with the box's state.
in_node() { local node=$1; shift; "$lab" box run --state "$state/box" "$node" -- "$@"; }

if [ "$nodes" != 1 ]; then
  step "Starting the box: $nodes nodes, a BMC each, one PDU (state in $state/box)"
  mkdir -p "$state/box"
  setsid "$lab" box start --state "$state/box" --nodes "$nodes" > "$state/box.log" 2>&1 < /dev/null &
  until grep -q "box ready" "$state/box.log"; do
    if ! kill -0 $! 2>/dev/null; then
      cat "$state/box.log" >&2
      exit 1
    fi
    sleep 1
  done
  step "Loading examples/box-rhcs.crm (IPMI fencing per node, the PDU as level 2)"
  in_node node1 crm configure load update "$PWD/examples/box-rhcs.crm"
  for _ in $(seq 60); do
    if in_node node1 crm_mon -1 | grep -q 'vm-db.*Started'; then break; fi
    sleep 1
  done
  step "crm_mon -1 (on node1)"
  in_node node1 crm_mon -1
  echo
  echo "Try: $lab box run --state $state/box node1 -- crm_mon -1"
  echo "     $lab box run --state $state/box node2 -- stonith_admin --fence node1"
  echo "     (node1's BMC switches it off for real; vm-web moves to node2)"
  echo "Stop everything with: bash scripts/demo.sh --stop"
  exit 0
fi

step "Starting corosync + Pacemaker (node1 on 127.0.0.1; state in $state/cluster)"
mkdir -p "$state"
"$lab" cluster start --state "$state/cluster"

step "Creating an ext4 filesystem on a loop device"
device=$("$lab" loop create --state "$state" --size-mb 128 --fstype ext4)
mkdir -p "$mount_point"
echo "$device, to be mounted on $mount_point"

step "Adding the resource"
# Exactly what a user writes for ocf:heartbeat:Filesystem, with the provider changed.
crm configure primitive demo-fs ocf:hakit:Filesystem \
  params device="$device" directory="$mount_point" fstype=ext4 \
  op monitor interval=10s timeout=40s \
  op monitor interval=60s timeout=60s OCF_CHECK_LEVEL=10
crm configure show demo-fs

started=no
for _ in $(seq 60); do
  if crm_mon -1 | grep -q 'demo-fs.*Started node1'; then started=yes; break; fi
  sleep 1
done
step "crm_mon -1"
crm_mon -1
if [ "$started" != yes ]; then
  echo "demo-fs did not start; see /var/log/pacemaker/pacemaker.log" >&2
  exit 1
fi
step "The mount Pacemaker made"
findmnt "$mount_point"
echo
echo "Try: umount $mount_point   (the monitor notices within 10 s and Pacemaker remounts it)"
echo "Stop everything with: bash scripts/demo.sh --stop"
