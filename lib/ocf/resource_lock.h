// Serialises concurrent operations on one resource instance on this node (say, a
// manual `hakit run` racing the cluster's monitor): an flock(2) on a file in HA_RSCTMP.
#pragma once

#include <string>
#include <string_view>

#include "exec/deadline.h"

namespace hakit::ocf {

class ResourceLock {
 public:
  /// Waits for the lock until `deadline`; throws Error(kErrGeneric) when it expires.
  /// Where the lock directory cannot be written (not root), proceeds unlocked.
  ResourceLock(const std::string& agent, const std::string& instance,
               const exec::Deadline& deadline);
  ~ResourceLock();
  ResourceLock(const ResourceLock&) = delete;
  ResourceLock& operator=(const ResourceLock&) = delete;

  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

/// HA_RSCTMP, or /run/resource-agents.
std::string state_directory();

/// Opens `path` (created 0600; a symlink there is refused, so nobody can redirect it) and
/// takes an exclusive flock on it, waiting until `deadline`. Returns the descriptor (the
/// lock lives until it is closed), or -1 when the file cannot be opened or locked. Throws
/// Error(kErrGeneric) "another operation on <holder> still holds <path>" when the deadline
/// passes while someone else holds it.
int lock_file(const std::string& path, const exec::Deadline& deadline, std::string_view holder);

}  // namespace hakit::ocf
