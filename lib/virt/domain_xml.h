// A DomainSpec as libvirt domain XML for one hypervisor driver.
#pragma once

#include <string>
#include <string_view>

#include "virt/config_error.h"
#include "virt/domain_spec.h"

namespace hakit::virt {

struct RenderOptions {
  /// Emit the guest's vifs as <interface type='bridge'>. Off when the caller decides the
  /// network itself (a test host without the config's Xen bridges).
  bool interfaces = true;
  /// Emit the config's VNC/SDL display. Off for headless hosts (SDL needs an X display).
  bool graphics = true;
  /// Emit cpu_weight/cpu_cap as <cputune>. Off where libvirt has no cpu cgroup controller
  /// (the lab's libvirtd), which makes it refuse to start a tuned domain.
  bool cpu_tuning = true;
  /// qemu/kvm only: the emulator binary and the machine type (pc or q35).
  std::string emulator = "/usr/bin/qemu-system-x86_64";
  std::string machine = "pc";
};

/// `libvirt_driver` is "xen" (type='xen', os type xen for PV/PVH or hvm) or "qemu"/"kvm"
/// (an x86 hvm guest; a PV kernel boots as direct kernel boot). Every string from the
/// config is XML-escaped. Throws ConfigError (with the entry's line) for what the driver
/// cannot express, std::invalid_argument for an unknown driver.
std::string render_domain_xml(const DomainSpec& spec, std::string_view libvirt_driver,
                              const RenderOptions& options = {});

}  // namespace hakit::virt
