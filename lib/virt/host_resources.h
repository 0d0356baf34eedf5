// What a domain needs from its host besides itself: libvirt networks and storage pools
// (start_resources), and memory taken from other domains (Xen's allow_mem_management).
#pragma once

#include <string>
#include <vector>

#include "virt/connection.h"

namespace hakit::virt {

/// Starts each named network and storage pool that is defined but inactive. Throws
/// Error(kErrGeneric) naming the one that is missing or does not start.
void start_networks_and_pools(const Connection& conn, const std::vector<std::string>& networks,
                              const std::vector<std::string>& pools);

/// Balloons the other running domains down (each in proportion to its size) until the host
/// has `needed_kib` free on top of `reserved_kib`. Logs what it cannot do: the start then
/// fails with the hypervisor's own out-of-memory reason.
void make_room_for(const Connection& conn, const std::string& domain_name,
                   unsigned long long needed_kib, unsigned long long reserved_kib);

/// What make_room_for balloons each other running domain down to (their current sizes in
/// KiB, in order) to free `shortfall_kib`: in proportion to their sizes, and never below
/// half of each, since a guest ballooned to nothing dies. What stays short is left to the
/// hypervisor, whose start then fails with its own out-of-memory reason.
std::vector<unsigned long long> balloon_targets(const std::vector<unsigned long long>& current_kib,
                                                unsigned long long shortfall_kib);

/// Gives the other running domains memory back up to their maximum, as far as the host's
/// free memory above `reserved_kib` allows.
void return_memory(const Connection& conn, unsigned long long reserved_kib);

}  // namespace hakit::virt
