// Which processes keep one particular mount busy, found by walking /proc the way
// fuser -m would, but exactly and without ever touching the mounted filesystem:
//  - open files: /proc/PID/fd/N, identified by the mnt_id in /proc/PID/fdinfo/N;
//  - working directory, root directory and executable: the cwd/root/exe links,
//    matched to a mount by the longest mount point that prefixes them;
//  - memory-mapped files: /proc/PID/maps lines with the mount's major:minor whose path
//    lies on that mount.
// A process using the parent directory of the mount point, or another mount of the same
// filesystem, is not a holder.
#pragma once

#include <sys/types.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "storage/mount_table.h"

namespace hakit::storage {

struct MountHolder {
  pid_t pid = 0;
  std::string command;  ///< /proc/PID/comm, for the log
  std::string reason;   ///< "fd 3 -> /srv/data/db.log", "cwd /srv/data", ...
};

/// Where to look: the real /proc, or a fabricated tree in tests.
struct ProcFs {
  std::string root = "/proc";
  /// Never reported: the agent itself.
  pid_t self = ::getpid();
};

/// The processes holding `mount` (an entry of `table`), in PID order.
std::vector<MountHolder> find_mount_holders(const MountEntry& mount, const MountTable& table,
                                            const ProcFs& proc = {});

}  // namespace hakit::storage
