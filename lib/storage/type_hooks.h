// The seam for filesystem types that need more than mount(8) and umount(8). OCFS2 and
// GFS2 will check their cluster stack here (o2cb / dlm_controld running, the cluster
// name matching the superblock) before mounting; every other type needs nothing.
#pragma once

#include <string>

#include "exec/deadline.h"
#include "storage/filesystem_type.h"
#include "storage/mount_command.h"

namespace hakit::storage {

class TypeHooks {
 public:
  virtual ~TypeHooks() = default;
  /// Before fsck and mount. Throws ocf::Error when a prerequisite is missing (e.g.
  /// kErrInstalled naming the cluster daemon that is not running).
  virtual void before_mount(const MountRequest& request, const exec::Deadline& deadline) const;
  /// After `mount_point` was unmounted successfully.
  virtual void after_unmount(const std::string& mount_point, const exec::Deadline& deadline) const;
};

/// The hooks for `type`: a no-op for every type today.
const TypeHooks& hooks_for(const FilesystemType& type);

}  // namespace hakit::storage
