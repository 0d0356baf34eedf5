// Cluster-wide options (crm_config: stonith-enabled, no-quorum-policy, ...) read through
// Pacemaker's crm_attribute, wrapped once.
#pragma once

#include <optional>
#include <string>

#include "exec/deadline.h"

namespace hakit::ocf {

/// crm_attribute --type=crm_config --name=NAME --query --quiet --default=DEFAULT: the
/// property's value (or `default_value` when it is not set); nullopt when the CIB cannot be
/// read (no cluster running here, crm_attribute missing).
std::optional<std::string> cluster_property(const std::string& name,
                                            const std::string& default_value,
                                            const exec::Deadline& deadline);

}  // namespace hakit::ocf
