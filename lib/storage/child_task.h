// Work that can block forever inside the kernel (I/O to a hung device, probing every
// disk for a UUID) runs in a forked child, and the agent waits for it only until the
// action's deadline. A child stuck in uninterruptible sleep is abandoned, not waited on.
#pragma once

#include <functional>
#include <string>

#include "exec/deadline.h"

namespace hakit::storage {

struct ChildOutcome {
  enum class Status { kSucceeded, kFailed, kTimedOut };
  Status status = Status::kFailed;
  /// What `work` returned, the message of what it threw, or why the child failed.
  std::string text;

  bool succeeded() const { return status == Status::kSucceeded; }
};

/// Runs `work` in a forked child and collects its result until `deadline`, when the
/// child is killed. The agent is single-threaded, so the child may use the heap.
ChildOutcome run_in_child(const std::function<std::string()>& work, const exec::Deadline& deadline);

}  // namespace hakit::storage
