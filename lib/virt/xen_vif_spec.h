// One `vif = [...]` entry of a Xen guest config, xl-network-configuration(5):
// "mac=00:16:3e:01:02:03, bridge=xenbr0, model=e1000"; '' is a default vif.
#pragma once

#include <string_view>

#include "virt/config_error.h"
#include "virt/domain_spec.h"

namespace hakit::virt {

/// Throws ConfigError on `line` for an entry that is not key=value or a malformed MAC.
VifSpec parse_xen_vif_spec(std::string_view spec, int line);

}  // namespace hakit::virt
