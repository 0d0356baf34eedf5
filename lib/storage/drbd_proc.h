// DRBD 8.4's /proc/drbd: one line per minor with the connection state, roles and disk states
// ("0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----"). It names no
// resource, so the agent reads it for minors it learnt from drbdsetup (drbd_minor_cache.h):
// a monitor without any process. DRBD 9's /proc/drbd has the version only.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "storage/drbd_state.h"

namespace hakit::storage {

/// The state of the resource made of `minors` (its volumes, in order), as events2 would give
/// it; nullopt when a minor is missing or unconfigured, or the file is not 8.4's.
std::optional<DrbdResourceState> parse_proc_drbd(std::string_view proc_drbd,
                                                 const std::vector<int>& minors);

}  // namespace hakit::storage
