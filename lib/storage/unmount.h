// Unmounting one mount, escalating as ocf:heartbeat:Filesystem does: umount; then, for
// the first half of the time, signal the processes holding this mount with the
// term_signals and retry; then the same with the kill_signals. Only the holders of this
// exact mount are signalled (see mount_holders.h), and the agent never signals itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exec/deadline.h"
#include "storage/mount_holders.h"

namespace hakit::storage {

struct UnmountPolicy {
  /// force_unmount=false: never signal, only retry umount.
  bool signal_holders = true;
  std::vector<int> term_signals;
  std::vector<int> kill_signals;
  exec::Millis signal_delay{1000};
  /// The time one mount may take (fast_stop: 6 s); unset means until the deadline.
  std::optional<exec::Millis> budget;
  /// umount -f in the kill phase (network filesystems whose server may be gone).
  bool force = false;
};

/// Unmounts what is mounted at `mount_point` (nothing to do when nothing is). Throws
/// ocf::Error(kErrGeneric), naming the holders left, when it is still mounted at the
/// end of the budget.
void unmount(const std::string& mount_point, const UnmountPolicy& policy,
             const exec::Deadline& deadline, const ProcFs& proc = {});

}  // namespace hakit::storage
