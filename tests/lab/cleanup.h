// Undoing what a crashed test left behind.
#pragma once

#include <string>
#include <vector>

namespace hakit::lab {

/// Stops the cluster, removes the provider mount and installed files and detaches the loop
/// devices whose owning process has died (see Record), in that order. Returns one line per
/// thing undone.
std::vector<std::string> clean_up_stale_state();

}  // namespace hakit::lab
