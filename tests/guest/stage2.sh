#!/bin/bash
# Stage 2, PID 1 in the guest (the host's bash on the overlay root): what systemd would set
# up for the storage tools, then the case, its log and exit code to the results share, and
# power off. Everything here comes from the host's root, read-only; writes go to tmpfs.
set -u
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs -o mode=755 tmpfs /run
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /var/tmp
ln -sf /proc/self/mounts /etc/mtab  # mkfs.ocfs2 reads it
# shellcheck source=/dev/null
source /hakit/results/env
exec > /hakit/results/log 2>&1

for word in $(cat /proc/cmdline); do
  case $word in
    hakit.hostname=*) hostname "${word#*=}" ;;
    hakit.ip=*) ip_address=${word#*=} ;;
  esac
done

# The kernel's modules, where modprobe looks for them.
mkdir -p "/lib/modules/$HAKIT_KERNEL_VERSION"
mount --bind "$HAKIT_KERNEL_ROOT/lib/modules/$HAKIT_KERNEL_VERSION" "/lib/modules/$HAKIT_KERNEL_VERSION"
# What systemd-tmpfiles would create for lvm2, drbd, resource-agents and dbus.
mkdir -p /run/lvm /run/lock/lvm /run/resource-agents /run/dbus /run/drbd /var/lib/drbd /var/run/crm
modprobe configfs && mount -t configfs configfs /sys/kernel/config
# The freshly built agents, where Pacemaker and ocf-tester look for them.
mkdir -p /usr/lib/ocf/resource.d/hakit
mount --bind "$HAKIT_BUILD_DIR/ocf/resource.d/hakit" /usr/lib/ocf/resource.d/hakit

echo "stage 2 at $(cut -d" " -f1 /proc/uptime) s"
ip link set lo up
if [ -n "${ip_address:-}" ]; then
  for path in /sys/class/net/*; do
    [ "${path##*/}" = lo ] && continue
    ip link set "${path##*/}" up
    ip address add "$ip_address" dev "${path##*/}"
    echo "$HAKIT_IP $(hostname)" >> /etc/hosts
    echo "$HAKIT_PEER_IP $HAKIT_PEER_NAME" >> /etc/hosts
    break
  done
fi
command -v dbus-daemon >/dev/null && dbus-daemon --system --fork
if [ -x /lib/systemd/systemd-udevd ]; then
  /lib/systemd/systemd-udevd --daemon
  # Block devices only: the storage tools need their links; the rest costs a minute of TCG.
  udevadm trigger --action=add --subsystem-match=block >/dev/null 2>&1
  udevadm settle --timeout=30
  echo "udev settled at $(cut -d" " -f1 /proc/uptime) s"
fi

export HAKIT_NODE HAKIT_NODES HAKIT_BUILD_DIR HAKIT_SOURCE_DIR HAKIT_KERNEL_VERSION
export HAKIT_RESULTS=/hakit/results HAKIT_SHARED=/hakit/shared
export HAKIT_DISK=${HAKIT_DISK:-} HAKIT_SHARED_DISK=${HAKIT_SHARED_DISK:-}
export HAKIT_IP=${HAKIT_IP:-} HAKIT_PEER_IP=${HAKIT_PEER_IP:-} HAKIT_PEER_NAME=${HAKIT_PEER_NAME:-}
echo "guest$HAKIT_NODE: $(uname -r), up $(cut -d' ' -f1 /proc/uptime) s; running $HAKIT_CASE"
cd /tmp && bash "$HAKIT_CASE" "${HAKIT_CASE_ARGS[@]}"
echo $? > /hakit/results/rc
sync
busybox poweroff -f
