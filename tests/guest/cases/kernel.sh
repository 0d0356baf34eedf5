#!/bin/bash
# The guest tier itself: the kernel modules storage agents need load, the tools run, the
# freshly built agents are where Pacemaker looks for them.
# hakit-guest: --disk 64M
set -euo pipefail
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"

step "modules"
for module in drbd dm_mod configfs ocfs2 gfs2 dlm target_core_mod; do
  modprobe "$module" || fail "modprobe $module"
done
grep -q '^version: 8.4' /proc/drbd || fail "/proc/drbd: $(cat /proc/drbd)"
cat /proc/drbd
dmsetup version

step "disk and filesystem"
[ -b "$HAKIT_DISK" ] || fail "no disk $HAKIT_DISK"
mkfs.ext4 -q "$HAKIT_DISK"
mkdir -p /mnt/disk
mount "$HAKIT_DISK" /mnt/disk
echo written > /mnt/disk/file
umount /mnt/disk

step "LVM (device-mapper, udev)"
pvcreate -q "$HAKIT_DISK" -ff -y
vgcreate -q vg0 "$HAKIT_DISK"
lvcreate -q -L 8M -n lv0 vg0
[ -b /dev/vg0/lv0 ] || fail "no /dev/vg0/lv0 (udev)"
vgchange -q -an vg0

step "agents"
[ -x /usr/lib/ocf/resource.d/hakit/Filesystem ] || fail "hakit agents not at /usr/lib/ocf/resource.d/hakit"
/usr/lib/ocf/resource.d/hakit/Filesystem meta-data | grep -q '<resource-agent' || fail "meta-data"
echo "ok"
