// The minors of a running DRBD 8.4 resource, remembered in the resource agents' state
// directory (HA_RSCTMP, a tmpfs) whenever drbdsetup reported them, so that a monitor can read
// /proc/drbd instead of running drbdsetup. Stop forgets them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::storage {

/// A file of the drbd agent for `name` (a resource or instance) in the state directory:
/// HA_RSCTMP/hakit-drbd-NAME.SUFFIX, '/' in names made '_'.
std::string drbd_state_file(std::string name, std::string_view suffix);

std::optional<std::vector<int>> remembered_minors(const std::string& resource);
/// Best effort: a monitor without it runs drbdsetup, nothing worse.
void remember_minors(const std::string& resource, const std::vector<int>& minors);
void forget_minors(const std::string& resource);

}  // namespace hakit::storage
