// Which iSCSI target stack serves the targets: tgt (userspace tgtd), LIO through
// targetcli ("lio-t") or through the old lio-utils ("lio"), or IET (ietd).
#pragma once

#include <string_view>
#include <vector>

#include "ocf/parameters.h"

namespace hakit::iscsi {

enum class Implementation { kIet, kTgt, kLio, kLioT };

/// As the `implementation` parameter spells it: "iet", "tgt", "lio", "lio-t".
std::string_view implementation_name(Implementation implementation);

/// The `implementation` parameter, or, when it is not set, the first implementation whose
/// management tool is installed, in the shell agents' order: ietadm, tgtadm, lio_node,
/// targetcli. Throws Error(kErrConfigured) for an unknown name, Error(kErrInstalled) when
/// none is installed.
Implementation choose_implementation(const ocf::Parameters& params);

/// The programs the implementation is driven with.
std::vector<std::string_view> management_programs(Implementation implementation);

/// Throws Error(kErrInstalled) naming the first management program that is not installed.
void require_management_programs(Implementation implementation);

}  // namespace hakit::iscsi
