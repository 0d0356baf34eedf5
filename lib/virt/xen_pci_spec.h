// One `pci = [...]` entry of a Xen guest config, xl-pci-configuration(5): a host PCI
// function passed through to the guest, "[DDDD:]BB:DD.F[@VSLOT][,KEY=VALUE...]".
#pragma once

#include <string_view>

#include "virt/config_error.h"
#include "virt/domain_spec.h"

namespace hakit::virt {

/// Throws ConfigError on `line` for a malformed address or a wildcard function ("01:00.*"),
/// which libvirt cannot express as one device.
PciSpec parse_xen_pci_spec(std::string_view spec, int line);

}  // namespace hakit::virt
