// The minors of a running DRBD 8.4 resource, remembered in the resource agents' state
// directory (HA_RSCTMP, a tmpfs) whenever drbdsetup reported them, so that a monitor can read
// /proc/drbd instead of running drbdsetup. Stop forgets them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hakit::storage {

std::optional<std::vector<int>> remembered_minors(const std::string& resource);
/// Best effort: a monitor without it runs drbdsetup, nothing worse.
void remember_minors(const std::string& resource, const std::vector<int>& minors);
void forget_minors(const std::string& resource);

}  // namespace hakit::storage
