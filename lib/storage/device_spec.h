// The `device` parameter: what to mount, as the admin wrote it ("/dev/sdb1",
// "-U 0a1b...", "LABEL=data", "nfs1:/export", "//srv/share", a directory to bind).
#pragma once

#include <string>
#include <string_view>

#include "exec/deadline.h"
#include "storage/filesystem_type.h"

namespace hakit::storage {

enum class DeviceKind {
  kPath,       ///< an absolute path: a block device, or an image file with -o loop
  kUuid,       ///< -U, --uuid, UUID=
  kLabel,      ///< -L, --label, LABEL=
  kNetwork,    ///< server:/export, //server/share
  kDirectory,  ///< the source of a bind mount
  kName,       ///< a name the filesystem type interprets (tmpfs, zfs dataset, ...)
};

struct DeviceSpec {
  DeviceKind kind = DeviceKind::kPath;
  std::string value;  ///< the path, UUID, label, source or name, without the -U/UUID= part

  /// Classifies `device` for a filesystem of `type` mounted with `options`. Throws
  /// ocf::Error(kErrConfigured) for a relative path where a path is needed.
  static DeviceSpec parse(std::string_view device, const FilesystemType& type,
                          std::string_view options);

  /// The device as it would be written in the parameter ("UUID=...", "/dev/sdb1").
  std::string describe() const;
  /// Whether the source must exist on this node before mounting (a path or directory).
  bool is_local_path() const { return kind == DeviceKind::kPath || kind == DeviceKind::kDirectory; }
};

/// What to pass to mount(8) as the source: UUID and LABEL are looked up with libblkid
/// (in a child process bounded by `deadline`, as probing reads every block device); the
/// other kinds are used as they are. Throws ocf::Error(kErrInstalled) naming the device
/// when a path, UUID or label does not exist on this node.
std::string locate_device(const DeviceSpec& spec, bool loop_mount, const exec::Deadline& deadline);

/// Whether the comma-separated mount `options` contain `option` ("ro" in "noatime,ro").
bool has_mount_option(std::string_view options, std::string_view option);

}  // namespace hakit::storage
