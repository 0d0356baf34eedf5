#!/bin/bash
# Installs everything hakit's build, tests, demo and benchmarks need on Debian 12.
# Run as root; safe to run again.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config clang-format ccache
  libxml2-dev libxml2-utils libblkid-dev libvirt-dev libopenipmi-dev libsnmp-dev libssh-dev
  libcli11-dev catch2
  # the cluster stack the agents run under, and the shell agents they replace
  pacemaker pacemaker-cli-utils corosync crmsh resource-agents cluster-glue fence-agents
  # what the agents and the lab drive: mounts, loop devices, filesystems, processes
  mount util-linux e2fsprogs xfsprogs psmisc procps kmod
  # the simulated APC PDU (snmpd) and fence_apc_snmp's tools, for tests and benchmarks
  snmp snmpd
  # the simulated BMC (ipmi_sim) and fence_ipmilan's ipmitool, for tests and benchmarks
  openipmi ipmitool
  # the simulated DRAC and ssh-fenced nodes (sshd, keys, network namespaces, ping as witness)
  openssh-server openssh-client openssl iproute2 iputils-ping
  # virtual machines (issue 9): libvirtd with the qemu driver (TCG) as simulated hosts, virsh
  # for the tests' independent read-back and the VirtualDomain anchor, qemu-img for backingfile
  libvirt-daemon-system libvirt-clients libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils
  # Xen guest configs rendered as libvirt XML: virt-xml-validate checks it against the schema,
  # virsh runs it on the embedded qemu driver (TCG) (packages above)
  # benchmarks and tracing
  hyperfine strace jq fping
  # the guest tier (tests/guest/): qemu guests running Debian's kernel with the host's root as
  # userland, so the storage tools the guest cases drive are installed here
  qemu-system-x86 busybox-static drbd-utils lvm2 ocfs2-tools gfs2-utils targetcli-fb python3-gi
  dbus udev corosync dlm-controld kmod
  # storage agents (LVM, OCFS2, GFS2, DLM): JSON reports; lvmlockd for the guest tier's shared VG
  nlohmann-json3-dev lvm2-lockd
  # iSCSI: tgtd, which the iSCSI agents drive in tests and benchmarks, and libiscsi's
  # initiator tools (iscsi-ls, iscsi-readcapacity16) that check the LUNs from outside
  tgt libiscsi-bin
  # VirtualDomain's sync_config_on_stop hands the saved config to csync2 (virt-bench, issue 9)
  csync2
  # hardening: libFuzzer targets (clang, its fuzzer/sanitizer runtimes) and clang-tidy
  clang libclang-rt-14-dev clang-tidy
  # hardening: the ASan build links libtirpc (libvirt's XDR), see CMakeLists.txt
  libtirpc-dev
)

export DEBIAN_FRONTEND=noninteractive
# The lab starts its own snmpd, sshd, corosync and Pacemaker on loopback: the packages'
# system-wide services must not start on install (a Debian image may already say so).
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -q
apt-get install -y -q --no-install-recommends "${packages[@]}"
