// ocf:hakit:Xen: a domain from the user's xm/xl config file, parsed by hakit
// (parse_xen_config) and rendered as libvirt XML for the hypervisor's driver. Parameters
// as ocf:heartbeat:Xen's plus hypervisor and remoteuri; see metadata/Xen.xml.
#pragma once

#include "virt/vm_agent.h"

namespace hakit::virt {

class XenAgent : public VmAgent {
 protected:
  /// Error(kErrInstalled) when xmfile cannot be read, Error(kErrConfigured) with
  /// "xmfile:line: message" when it does not parse or render.
  VmConfig configure(const ocf::Context& ctx) const override;
};

/// The libvirt driver a URI's domains are rendered for: "xen" for xen:..., and for qemu:...
/// "kvm" when this host has /dev/kvm, else "qemu" (TCG). nullopt for other drivers.
std::optional<std::string> xen_render_driver(std::string_view uri);

}  // namespace hakit::virt
