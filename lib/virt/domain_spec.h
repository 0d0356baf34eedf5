// A Xen guest as its xl/xm config file describes it: the part hakit needs to run it
// through libvirt, on Xen or on another hypervisor. Sizes are in MiB as in xl.cfg(5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hakit::virt {

enum class GuestType { kPv, kHvm, kPvh };

/// One entry of `disk = [...]`, from either the positional xm form
/// ("phy:/dev/vg/lv,xvda,w") or the xl key=value form ("vdev=xvda, target=/dev/vg/lv").
struct DiskSpec {
  std::string vdev;     ///< the guest's device name: xvda, hda, sdb (":cdrom" removed)
  std::string target;   ///< the backing path; empty for an empty CD-ROM drive
  std::string format;   ///< raw, qcow, qcow2, vhd, qed; "raw" unless given
  std::string backend;  ///< phy, qdisk, tap; empty when the config leaves it to the toolstack
  std::string script;   ///< block script such as "block-drbd" (xm "drbd:r0"); empty for none
  bool readonly = false;
  bool cdrom = false;
  int line = 0;  ///< config line the entry came from, for errors found when rendering

  /// Whether `target` names a block device (phy:, /dev/..., a block script) rather than a file.
  bool is_block_device() const;
};

/// One entry of `vif = [...]`: "mac=00:16:3e:..., bridge=xenbr0, model=e1000".
struct VifSpec {
  std::string mac;      ///< empty: the hypervisor generates one
  std::string bridge;   ///< empty: the toolstack default bridge
  std::string model;    ///< HVM emulated NIC model (e1000, rtl8139); empty for netfront
  std::string ip;       ///< as given, for the vif script's antispoofing
  std::string script;   ///< vif-bridge, vif-route...; empty for the default
  std::string vifname;  ///< backend interface name in dom0
  int line = 0;
};

/// One `pci = [...]` entry: a host PCI function passed through.
struct PciSpec {
  unsigned domain = 0;
  unsigned bus = 0;
  unsigned slot = 0;
  unsigned function = 0;
  int line = 0;
};

enum class LifecycleAction {
  kDestroy,
  kRestart,
  kRenameRestart,
  kPreserve,
  kCoredumpDestroy,
  kCoredumpRestart,
  kSoftReset,
};

/// vnc=1 (HVM) or a vfb=["type=vnc,..."] entry (PV).
struct VncSpec {
  std::string listen;          ///< address; empty for the default
  std::optional<int> display;  ///< vncdisplay: port 5900 + display
  bool unused = true;          ///< vncunused: pick a free port
  std::string password;        ///< vncpasswd; goes into the domain XML only
  std::string keymap;
};

struct DomainSpec {
  std::string name;
  std::string uuid;                  ///< empty: the hypervisor generates one
  std::uint64_t memory_mib = 0;      ///< `memory`
  std::uint64_t max_memory_mib = 0;  ///< `maxmem`; never below memory_mib
  unsigned vcpus = 1;
  unsigned max_vcpus = 0;  ///< `maxvcpus`; never below vcpus
  GuestType type = GuestType::kPv;

  // Direct kernel boot (PV, PVH, or an HVM guest with kernel=).
  std::string kernel;
  std::string ramdisk;
  std::string root;     ///< `root`; becomes "root=..." at the front of the command line
  std::string cmdline;  ///< `extra` or `cmdline` (xm: with "nfsroot=..." from nfs_server/nfs_root)
  /// xm's kernel IP autoconfiguration "ip=..." argument, from its ip, gateway, netmask,
  /// hostname, interface and dhcp keys; empty for none.
  std::string kernel_ip;
  std::string bootloader;  ///< pygrub, pvgrub: PV only
  std::vector<std::string> bootloader_args;

  std::string boot;  ///< HVM boot order: letters c (disk), d (cdrom), n (network)

  std::vector<DiskSpec> disks;
  std::vector<VifSpec> vifs;
  std::vector<PciSpec> pci;

  LifecycleAction on_poweroff = LifecycleAction::kDestroy;
  LifecycleAction on_reboot = LifecycleAction::kRestart;
  LifecycleAction on_crash = LifecycleAction::kDestroy;

  std::optional<VncSpec> vnc;
  std::string serial;  ///< HVM `serial`: "pty" and the like; empty for none
  bool sdl = false;

  std::string cpus;                    ///< pCPU affinity as in xl: "0-3,^2"
  std::optional<unsigned> cpu_weight;  ///< credit scheduler weight (256 = default)
  std::optional<unsigned> cpu_cap;     ///< percent of one pCPU; 0 = no cap

  // HVM platform features; unset means the toolstack default (on).
  std::optional<bool> acpi;
  std::optional<bool> apic;
  std::optional<bool> pae;
  bool localtime = false;
  long rtc_timeoffset = 0;  ///< seconds added to the emulated RTC
  std::string usbdevice;    ///< "tablet", "mouse"
  std::string video;  ///< HVM display adapter: cirrus, vga (stdvga), qxl, none; empty: default
  unsigned videoram_mib = 0;  ///< 0: the default

  /// Keys the config sets that hakit does not model, in file order (for a warning).
  std::vector<std::string> unused_keys;

  /// The kernel command line xl and xm build: "ip=<kernel_ip> root=<root> <cmdline>",
  /// leaving out what is empty.
  std::string kernel_command_line() const;
};

}  // namespace hakit::virt
