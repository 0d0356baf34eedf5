// Whether this node can mount a filesystem type at all.
#pragma once

#include <string_view>

#include "exec/deadline.h"
#include "storage/filesystem_type.h"

namespace hakit::storage {

/// Whether the /proc/filesystems text lists `kernel_name` ("nodev\ttmpfs", "\text4").
bool lists_filesystem(std::string_view proc_filesystems, std::string_view kernel_name);

/// Makes sure `type` can be mounted here: listed in /proc/filesystems, or listed after
/// one modprobe, or handled by a userspace helper (/sbin/mount.TYPE). Throws
/// ocf::Error(kErrInstalled) otherwise.
void require_filesystem_support(const FilesystemType& type, const exec::Deadline& deadline);

}  // namespace hakit::storage
