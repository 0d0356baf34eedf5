// Turning the `directory` parameter into the path mountinfo shows for it, without
// touching the mounted filesystem (stat on a dead NFS mount point never returns).
#pragma once

#include <string>
#include <string_view>

#include "storage/mount_table.h"

namespace hakit::storage {

/// "/srv//data/./x/" -> "/srv/data/x": purely textual ("/" stays "/").
std::string normal_path(std::string_view path);

/// The canonical path of mount point `directory` (absolute). Symbolic links in its parent
/// directories are resolved; the directory itself is looked at only when the table
/// shows nothing mounted on it (then following it, if it is a symbolic link, is safe).
std::string resolve_mount_point(std::string_view directory, const MountTable& table);

}  // namespace hakit::storage
