// Serialises concurrent operations on one resource instance on this node (say, a
// manual `hakit run` racing the cluster's monitor): an flock(2) on a file in HA_RSCTMP.
#pragma once

#include <string>

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

}  // namespace hakit::ocf
