// The mounts of this process's mount namespace, as the kernel lists them.
#pragma once

#include <string>
#include <vector>

namespace hakit::lab {

struct Mount {
  std::string target;  ///< mount point
  std::string source;  ///< e.g. "/dev/loop3"
  std::string fstype;
};

/// From /proc/self/mountinfo, in mount order (octal escapes decoded).
std::vector<Mount> current_mounts();

}  // namespace hakit::lab
