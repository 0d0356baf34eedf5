// The deeper monitor levels. Both do their I/O in a child process bounded by the
// deadline (child_task.h), so a hung device fails the monitor instead of hanging it.
#pragma once

#include <string>

#include "exec/deadline.h"

namespace hakit::storage {

/// OCF_CHECK_LEVEL 10: reads one 4 KiB block of `device` with O_DIRECT (past the page
/// cache). Returns false, doing nothing, when `device` is not a block device. Throws
/// ocf::Error(kErrGeneric) when the read fails or does not finish in time.
bool check_device_readable(const std::string& device, const exec::Deadline& deadline);

/// OCF_CHECK_LEVEL 20: writes `content` (padded to 4 KiB) to `path` with O_DIRECT|O_SYNC
/// (plain O_SYNC where the filesystem refuses O_DIRECT), creating its directory, then
/// reads it back and compares. Throws ocf::Error(kErrGeneric) on any failure.
void check_status_file(const std::string& path, const std::string& content,
                       const exec::Deadline& deadline);

/// Removes the status file; false when that failed (a read-only filesystem) or timed out.
bool remove_status_file(const std::string& path, const exec::Deadline& deadline);

}  // namespace hakit::storage
