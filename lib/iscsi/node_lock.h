// A lock that several agents on this node share: HA_RSCTMP/<name>.lock, flocked. The
// iSCSI agents serialise targetcli (not safe to run concurrently) and tid selection with it.
#pragma once

#include <string>
#include <string_view>

#include "exec/deadline.h"
#include "util/unique_fd.h"

namespace hakit::iscsi {

class NodeLock {
 public:
  /// Waits for the lock until `deadline`. Throws Error(kErrGeneric) when it cannot be
  /// taken: running unlocked is what this lock exists to prevent.
  NodeLock(std::string_view name, const exec::Deadline& deadline);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  UniqueFd fd_;
};

}  // namespace hakit::iscsi
