// The start path's external programs: fsck(8) and mount(8), run through exec::run and
// bounded by the action's deadline.
#pragma once

#include <string>

#include "exec/deadline.h"

namespace hakit::storage {

/// fsck -t FSTYPE -p DEVICE. Exit codes below 4 mean clean or repaired; 4 and above
/// (errors left, or fsck itself failed) throw ocf::Error(kErrGeneric).
void check_filesystem(const std::string& fstype, const std::string& device,
                      const exec::Deadline& deadline);

struct MountRequest {
  std::string fstype;
  std::string options;  ///< for -o; empty for none
  std::string source;   ///< a device path, network source, bind source or name
  std::string mount_point;
};

/// Creates the mount point if missing, runs mount -t FSTYPE [-o OPTIONS] SOURCE MOUNT_POINT
/// and checks that the mount then shows in mountinfo. Throws ocf::Error: kErrInstalled
/// when the mount point cannot be created, kErrGeneric when mounting fails.
void mount_filesystem(const MountRequest& request, const exec::Deadline& deadline);

}  // namespace hakit::storage
