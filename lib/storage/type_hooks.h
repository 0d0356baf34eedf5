// The seam for filesystem types that need more than mount(8) and umount(8). OCFS2 and
// GFS2 check their cluster stack here before mounting (cluster_filesystem.h); every other
// type needs nothing.
#pragma once

#include <string>

#include "exec/deadline.h"
#include "storage/filesystem_type.h"
#include "storage/mount_command.h"

namespace hakit::storage {

class TypeHooks {
 public:
  virtual ~TypeHooks() = default;
  /// Before fsck and mount; `as_clone` when the resource is a clone instance. Throws
  /// ocf::Error when a prerequisite is missing (e.g. kErrGeneric naming the cluster daemon
  /// that is not running, kErrConfigured for a single-node filesystem run as a clone).
  virtual void before_mount(const MountRequest& request, bool as_clone,
                            const exec::Deadline& deadline) const;
  /// After `mount_point` was unmounted successfully.
  virtual void after_unmount(const std::string& mount_point, const exec::Deadline& deadline) const;
};

/// The hooks for `type`.
const TypeHooks& hooks_for(const FilesystemType& type);

}  // namespace hakit::storage
