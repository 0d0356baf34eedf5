// ocf:hakit:VirtualDomain: a domain from a libvirt XML file. Parameters as
// ocf:heartbeat:VirtualDomain's; see metadata/VirtualDomain.xml.
#pragma once

#include "virt/vm_agent.h"

namespace hakit::virt {

class VirtualDomainAgent : public VmAgent {
 protected:
  /// Error(kErrInstalled) when config cannot be read (stop and probes then report the
  /// domain stopped), Error(kErrConfigured) for bad parameters or a file that is not
  /// domain XML.
  VmConfig configure(const ocf::Context& ctx) const override;
};

}  // namespace hakit::virt
