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
# shellcheck source=/dev/null
source /hakit/results/env
exec > /hakit/results/log 2>&1
# A checkout or build under /tmp (a CI clone, say) must stay visible through the guest's
# own /tmp: hold it aside, mount the tmpfs, put it back at the same path.
held=()
for dir in "$HAKIT_SOURCE_DIR" "$HAKIT_BUILD_DIR"; do
  case $dir in
    /tmp/* | /var/tmp/*)
      mkdir -p "/hakit/held/${#held[@]}" && mount --bind "$dir" "/hakit/held/${#held[@]}"
      held+=("$dir") ;;
  esac
done
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /var/tmp
for i in "${!held[@]}"; do
  mkdir -p "${held[$i]}" && mount --bind "/hakit/held/$i" "${held[$i]}"
done
ln -sf /proc/self/mounts /etc/mtab  # mkfs.ocfs2 reads it

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
# The freshly built agents, where Pacemaker and ocf-tester look for them. The guest gets its
# own resource.d on tmpfs, the host's other providers bound in: the host's own .../hakit comes
# and goes (the lab bind-mounts it while integration tests run beside the guest), and when a
# lower-layer directory vanishes the guest's mount on it goes with it (CI lost Filesystem so).
providers=/usr/lib/ocf/resource.d
mkdir -p /hakit/providers && mount --bind "$providers" /hakit/providers
mount -t tmpfs -o mode=755 tmpfs "$providers"
for provider in /hakit/providers/*; do
  [ "${provider##*/}" = hakit ] && continue
  mkdir "$providers/${provider##*/}" && mount --bind "$provider" "$providers/${provider##*/}"
done
mkdir "$providers/hakit" && mount --bind "$HAKIT_BUILD_DIR/ocf/resource.d/hakit" "$providers/hakit" ||
  echo "stage 2: cannot mount the built agents from $HAKIT_BUILD_DIR"
# A sanitizer build's reports (cmake/sanitizer_defaults.cc) go to the results share, from
# where run.sh brings them back to that build's own directory.
if [ -d "$HAKIT_BUILD_DIR/sanitizer-reports" ]; then
  mkdir -m 1777 /hakit/results/sanitizer-reports &&
    mount --bind /hakit/results/sanitizer-reports "$HAKIT_BUILD_DIR/sanitizer-reports"
fi

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
# The disks by the serial numbers run.sh gave them.
HAKIT_DISK="" HAKIT_SHARED_DISK=""
for serial in /sys/block/vd*/serial; do
  [ -e "$serial" ] || continue
  case $(cat "$serial") in
    hakit-disk) HAKIT_DISK=/dev/$(basename "$(dirname "$serial")") ;;
    hakit-shared) HAKIT_SHARED_DISK=/dev/$(basename "$(dirname "$serial")") ;;
  esac
done
export HAKIT_DISK HAKIT_SHARED_DISK
export HAKIT_IP=${HAKIT_IP:-} HAKIT_PEER_IP=${HAKIT_PEER_IP:-} HAKIT_PEER_NAME=${HAKIT_PEER_NAME:-}
echo "guest$HAKIT_NODE: $(uname -r), up $(cut -d' ' -f1 /proc/uptime) s; running $HAKIT_CASE"
cd /tmp && bash "$HAKIT_CASE" "${HAKIT_CASE_ARGS[@]}"
echo $? > /hakit/results/rc
sync
busybox poweroff -f
