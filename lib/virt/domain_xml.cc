#include "virt/domain_xml.h"

#include <cstdio>
#include <stdexcept>

#include "util/strings.h"
#include "virt/xml_writer.h"

namespace hakit::virt {
namespace {

enum class Driver { kXen, kQemu, kKvm };

Driver driver_of(std::string_view name) {
  if (name == "xen") return Driver::kXen;
  if (name == "qemu") return Driver::kQemu;
  if (name == "kvm") return Driver::kKvm;
  throw std::invalid_argument(cat("unknown libvirt driver \"", name, "\" (xen, qemu or kvm)"));
}

/// libvirt's name for what to do when the guest powers off, reboots or crashes. The qemu
/// driver cannot keep a renamed old instance or a stopped one in memory: there
/// rename-restart is a restart and preserve (off or reboot) is destroy, which is what
/// the cluster sees of them.
std::string_view action_name(LifecycleAction action, std::string_view key, bool crash, bool qemu) {
  switch (action) {
    case LifecycleAction::kDestroy:
      return "destroy";
    case LifecycleAction::kRestart:
      return "restart";
    case LifecycleAction::kRenameRestart:
      return qemu ? "restart" : "rename-restart";
    case LifecycleAction::kPreserve:
      return qemu && !crash ? "destroy" : "preserve";
    case LifecycleAction::kCoredumpDestroy:
      if (crash) return "coredump-destroy";
      break;
    case LifecycleAction::kCoredumpRestart:
      if (crash) return "coredump-restart";
      break;
    case LifecycleAction::kSoftReset:
      break;
  }
  throw ConfigError(0, cat(key, ": this action has no libvirt equivalent for ", key,
                           " (destroy, restart, rename-restart or preserve)"));
}

/// libvirt's name for a disk image format (qemu calls VHD "vpc").
std::string_view format_name(std::string_view format) { return format == "vhd" ? "vpc" : format; }

class Renderer {
 public:
  Renderer(const DomainSpec& spec, Driver driver, const RenderOptions& options)
      : spec_(spec), driver_(driver), options_(options) {}

  std::string render() {
    xml_.open("domain", {{"type", driver_ == Driver::kXen   ? "xen"
                                  : driver_ == Driver::kKvm ? "kvm"
                                                            : "qemu"}});
    xml_.element("name", spec_.name);
    if (!spec_.uuid.empty()) xml_.element("uuid", spec_.uuid);
    xml_.element("memory", std::to_string(spec_.max_memory_mib), {{"unit", "MiB"}});
    xml_.element("currentMemory", std::to_string(spec_.memory_mib), {{"unit", "MiB"}});
    xml_.element("vcpu", std::to_string(spec_.max_vcpus),
                 {{"placement", "static"},
                  {"cpuset", spec_.cpus},
                  {"current", spec_.max_vcpus == spec_.vcpus ? "" : std::to_string(spec_.vcpus)}});
    cputune();
    if (!spec_.bootloader.empty() && driver_ == Driver::kXen) {
      xml_.element("bootloader", spec_.bootloader);
      if (!spec_.bootloader_args.empty()) {
        xml_.element("bootloader_args", join(spec_.bootloader_args, " "));
      }
    }
    os();
    features();
    clock();
    xml_.element("on_poweroff", action_name(spec_.on_poweroff, "on_poweroff", false, !xen()));
    xml_.element("on_reboot", action_name(spec_.on_reboot, "on_reboot", false, !xen()));
    xml_.element("on_crash", action_name(spec_.on_crash, "on_crash", true, !xen()));
    devices();
    xml_.close();
    return xml_.str();
  }

 private:
  bool xen() const { return driver_ == Driver::kXen; }
  bool hvm() const { return spec_.type == GuestType::kHvm; }
  bool q35() const { return options_.machine.starts_with("pc-q35") || options_.machine == "q35"; }

  void cputune() {
    // qemu has no per-domain cap; a global quota per 100 ms period is the same limit.
    const bool cap = spec_.cpu_cap && *spec_.cpu_cap > 0 && !xen();
    if ((!spec_.cpu_weight && !cap) || !options_.cpu_tuning) return;
    xml_.open("cputune");
    if (spec_.cpu_weight) xml_.element("shares", std::to_string(*spec_.cpu_weight));
    if (cap) {
      xml_.element("global_period", "100000");
      xml_.element("global_quota", std::to_string(*spec_.cpu_cap * 1000));
    }
    xml_.close();
  }

  void os() {
    xml_.open("os");
    if (!xen()) {
      xml_.element("type", "hvm", {{"arch", "x86_64"}, {"machine", options_.machine}});
    } else if (hvm()) {
      xml_.element("type", "hvm", {{"arch", "x86_64"}, {"machine", "xenfv"}});
    } else if (spec_.type == GuestType::kPvh) {
      xml_.element("type", "xenpvh", {{"arch", "x86_64"}, {"machine", "xenpvh"}});
    } else {
      xml_.element("type", "linux", {{"arch", "x86_64"}, {"machine", "xenpv"}});
    }
    if (!spec_.kernel.empty()) {
      xml_.element("kernel", spec_.kernel);
      if (!spec_.ramdisk.empty()) xml_.element("initrd", spec_.ramdisk);
      const std::string command_line = spec_.kernel_command_line();
      if (!command_line.empty()) xml_.element("cmdline", command_line);
    } else if (hvm() || !xen()) {
      boot_order();
    }
    xml_.close();
  }

  /// HVM boot order; a guest without kernel and boot order boots from disk if it has one
  /// (the bootloader's disk, for a PV guest on qemu), else has no boot device at all.
  void boot_order() {
    std::string order = spec_.boot;
    if (order.empty() && !spec_.disks.empty()) order = spec_.disks.front().cdrom ? "dc" : "cd";
    for (const char letter : order) {
      switch (letter) {
        case 'a':
          xml_.empty("boot", {{"dev", "fd"}});
          break;
        case 'c':
          xml_.empty("boot", {{"dev", "hd"}});
          break;
        case 'd':
          xml_.empty("boot", {{"dev", "cdrom"}});
          break;
        case 'n':
          xml_.empty("boot", {{"dev", "network"}});
          break;
      }
    }
  }

  void features() {
    if (xen() && !hvm()) return;  // PV and PVH guests have no emulated platform
    xml_.open("features");
    if (spec_.acpi.value_or(true)) xml_.empty("acpi");
    if (spec_.apic.value_or(true)) xml_.empty("apic");
    if (xen() && spec_.pae.value_or(true)) xml_.empty("pae");
    xml_.close();
  }

  void clock() {
    const std::string_view basis = spec_.localtime ? "localtime" : "utc";
    if (spec_.rtc_timeoffset == 0) {
      xml_.empty("clock", {{"offset", basis}});
    } else {
      xml_.empty("clock", {{"offset", "variable"},
                           {"adjustment", std::to_string(spec_.rtc_timeoffset)},
                           {"basis", basis}});
    }
  }

  void devices() {
    xml_.open("devices");
    if (!xen()) xml_.element("emulator", options_.emulator);
    for (const auto& disk : spec_.disks) this->disk(disk);
    if (options_.interfaces) {
      for (const auto& vif : spec_.vifs) interface(vif);
    }
    for (const auto& pci : spec_.pci) hostdev(pci);
    console();
    if (spec_.usbdevice == "tablet" || spec_.usbdevice == "mouse") {
      xml_.empty("input", {{"type", spec_.usbdevice}, {"bus", "usb"}});
    }
    if (options_.graphics) graphics();
    video();
    xml_.close();
  }

  struct Target {
    std::string dev;
    std::string bus;
  };

  /// Where the disk appears in the guest. Xen keeps the config's names; on qemu a xvd
  /// disk becomes virtio (vdX), and IDE becomes SATA on q35, which has no IDE.
  Target target_of(const DiskSpec& disk) const {
    const std::string& vdev = disk.vdev;
    if (vdev.starts_with("xvd")) {
      if (xen()) return {vdev, "xen"};
      if (!disk.cdrom) return {"vd" + vdev.substr(3), "virtio"};
      return {"sd" + vdev.substr(3), q35() ? "sata" : "scsi"};  // virtio-blk has no CD-ROM
    }
    if (vdev.starts_with("hd")) return {vdev, !xen() && q35() ? "sata" : "ide"};
    if (vdev.starts_with("sd")) return {vdev, "scsi"};
    if (vdev.starts_with("vd") && !xen()) return {vdev, "virtio"};
    throw ConfigError(disk.line, cat("disk ", vdev, ": no ", xen() ? "Xen" : "qemu",
                                     " bus for this device name (use xvdX, hdX or sdX)"));
  }

  /// The block device a block script would hand to the backend.
  std::string source_of(const DiskSpec& disk) const {
    if (disk.script.empty()) return disk.target;
    if (disk.script == "block-drbd") return "/dev/drbd/by-res/" + disk.target;
    throw ConfigError(disk.line, cat("disk ", disk.vdev, ": script ", disk.script,
                                     " has no libvirt equivalent (give the device path)"));
  }

  void disk(const DiskSpec& disk) {
    const bool block = disk.is_block_device();
    const Target target = target_of(disk);
    const std::string source = source_of(disk);
    xml_.open("disk",
              {{"type", block ? "block" : "file"}, {"device", disk.cdrom ? "cdrom" : "disk"}});
    const std::string_view format = disk.format == "empty" ? "" : format_name(disk.format);
    if (xen()) {
      xml_.empty("driver", {{"name", block ? "phy" : "qemu"}, {"type", block ? "" : format}});
    } else {
      xml_.empty("driver", {{"name", "qemu"}, {"type", format}});
    }
    if (!source.empty()) xml_.empty("source", {{block ? "dev" : "file", source}});
    xml_.empty("target", {{"dev", target.dev}, {"bus", target.bus}});
    if (disk.readonly) xml_.empty("readonly");
    xml_.close();
  }

  void interface(const VifSpec& vif) {
    xml_.open("interface", {{"type", "bridge"}});
    if (!vif.mac.empty()) xml_.empty("mac", {{"address", vif.mac}});
    xml_.empty("source", {{"bridge", vif.bridge.empty() ? "xenbr0" : vif.bridge}});
    if (xen()) {
      for (const auto& address : split(vif.ip, " ")) xml_.empty("ip", {{"address", address}});
      if (!vif.script.empty()) xml_.empty("script", {{"path", vif.script}});
      if (!vif.vifname.empty()) xml_.empty("target", {{"dev", vif.vifname}});
      if (hvm() && !vif.model.empty()) xml_.empty("model", {{"type", vif.model}});
    } else {
      // a PV guest's netfront is virtio's job on qemu
      xml_.empty("model", {{"type", vif.model.empty() || !hvm() ? "virtio" : vif.model}});
    }
    xml_.close();
  }

  void hostdev(const PciSpec& pci) {
    const auto hex = [](unsigned value, int digits) {
      char text[8];
      std::snprintf(text, sizeof text, "0x%0*x", digits, value);
      return std::string(text);
    };
    xml_.open("hostdev", {{"mode", "subsystem"}, {"type", "pci"}, {"managed", "yes"}});
    if (xen()) xml_.empty("driver", {{"name", "xen"}});
    xml_.open("source");
    xml_.empty("address", {{"domain", hex(pci.domain, 4)},
                           {"bus", hex(pci.bus, 2)},
                           {"slot", hex(pci.slot, 2)},
                           {"function", hex(pci.function, 1)}});
    xml_.close();
    xml_.close();
  }

  /// Xen PV has its own console; HVM and qemu guests get the config's serial port, and
  /// qemu guests a serial console anyway (a diskless test guest talks only there).
  void console() {
    if (xen() && !hvm()) {
      xml_.open("console", {{"type", "pty"}});
      xml_.empty("target", {{"type", "xen"}, {"port", "0"}});
      xml_.close();
      return;
    }
    std::string serial = spec_.serial;
    if (serial.empty()) {
      if (xen()) return;
      serial = "pty";
    }
    if (serial == "pty") {
      xml_.open("serial", {{"type", "pty"}});
    } else if (serial.starts_with("file:")) {
      xml_.open("serial", {{"type", "file"}});
      xml_.empty("source", {{"path", serial.substr(5)}});
    } else {
      xml_.open("serial", {{"type", "dev"}});
      xml_.empty("source", {{"path", serial}});
    }
    xml_.empty("target", {{"port", "0"}});
    xml_.close();
    xml_.open("console", {{"type", serial == "pty"               ? "pty"
                                   : serial.starts_with("file:") ? "file"
                                                                 : "dev"}});
    xml_.empty("target", {{"type", "serial"}, {"port", "0"}});
    xml_.close();
  }

  void graphics() {
    if (spec_.vnc) {
      const VncSpec& vnc = *spec_.vnc;
      const bool fixed = vnc.display && !vnc.unused;
      xml_.open("graphics", {{"type", "vnc"},
                             {"port", fixed ? std::to_string(5900 + *vnc.display) : "-1"},
                             {"autoport", fixed ? "no" : "yes"},
                             {"listen", vnc.listen},
                             {"keymap", vnc.keymap},
                             {"passwd", vnc.password}});
      if (!vnc.listen.empty()) xml_.empty("listen", {{"type", "address"}, {"address", vnc.listen}});
      xml_.close();
    }
    if (spec_.sdl) xml_.empty("graphics", {{"type", "sdl"}});
  }

  /// The config's emulated adapter (xl's default is cirrus); PV guests have none.
  void video() {
    if ((spec_.video.empty() && spec_.videoram_mib == 0) || (xen() && !hvm())) return;
    xml_.open("video");
    xml_.empty("model", {{"type", spec_.video.empty() ? "cirrus" : spec_.video},
                         {"vram", spec_.videoram_mib && spec_.video != "none"
                                      ? std::to_string(spec_.videoram_mib * 1024)
                                      : ""}});
    xml_.close();
  }

  const DomainSpec& spec_;
  Driver driver_;
  const RenderOptions& options_;
  XmlWriter xml_;
};

}  // namespace

std::string render_domain_xml(const DomainSpec& spec, std::string_view libvirt_driver,
                              const RenderOptions& options) {
  return Renderer(spec, driver_of(libvirt_driver), options).render();
}

}  // namespace hakit::virt
