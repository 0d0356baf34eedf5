// Integer parameters with a range, as the iSCSI agents take them (tid, lun, ports, ...).
#pragma once

#include <optional>
#include <string_view>

#include "ocf/parameters.h"

namespace hakit::iscsi {

/// The parameter `name` when the configuration sets it, else nullopt. Throws
/// Error(kErrConfigured) when it lies outside [min, max].
std::optional<int> integer_in_range(const ocf::Parameters& params, std::string_view name, int min,
                                    int max);

}  // namespace hakit::iscsi
