#include "storage/unmount.h"

#include <csignal>

#include <algorithm>

#include "exec/command.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/mount_table.h"
#include "storage/signal_list.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

class Unmounter {
 public:
  Unmounter(const MountEntry& mount, const UnmountPolicy& policy, const ProcFs& proc)
      : mount_point_(mount.mount_point), mount_id_(mount.id), policy_(policy), proc_(proc) {}

  /// One umount(8) run; true when the mount is gone from the table afterwards.
  bool attempt(bool force, const exec::Deadline& deadline) {
    // -c: the path comes from mountinfo already canonical, and canonicalizing would
    // stat the mount point, which blocks on a dead NFS server.
    std::vector<std::string> argv{"umount", "-c"};
    if (force) argv.emplace_back("-f");
    argv.push_back(mount_point_);
    const exec::Result result = exec::run({.argv = argv}, deadline);
    if (gone()) {
      ocf::log_info(cat("unmounted ", mount_point_));
      return true;
    }
    last_error_ = result.ok() ? "still mounted after umount" : result.first_error_line();
    if (last_error_.empty()) last_error_ = result.describe();
    return false;
  }

  /// Signals the current holders and waits signal_delay, then retries umount, until
  /// `phase_end`. True when the mount is gone.
  bool escalate(const std::vector<int>& signals, bool force, const exec::Deadline& phase_end) {
    while (true) {
      if (policy_.signal_holders) signal_holders(signals);
      exec::sleep_for(std::min(policy_.signal_delay, phase_end.remaining()));
      if (phase_end.expired()) return false;
      if (attempt(force, phase_end)) return true;
    }
  }

  [[noreturn]] void give_up() const {
    const MountTable table = MountTable::read();
    std::string holders;
    if (const MountEntry* mount = table.by_id(mount_id_)) {
      for (const MountHolder& holder : find_mount_holders(*mount, table, proc_)) {
        holders += cat(holders.empty() ? "" : ", ", holder.pid, " (", holder.command, ")");
      }
    }
    throw ocf::Error(ocf::ExitCode::kErrGeneric,
                     cat("couldn't unmount ", mount_point_, ": ", last_error_,
                         holders.empty() ? "" : "; still held by process " + holders));
  }

 private:
  bool gone() const { return MountTable::read().by_id(mount_id_) == nullptr; }

  void signal_holders(const std::vector<int>& signals) const {
    const MountTable table = MountTable::read();
    const MountEntry* mount = table.by_id(mount_id_);
    if (mount == nullptr) return;
    const auto holders = find_mount_holders(*mount, table, proc_);
    if (holders.empty()) {
      ocf::log_info(cat("no process holds ", mount_point_, "; retrying umount"));
    }
    for (const MountHolder& holder : holders) {
      for (const int signal : signals) {
        ocf::log_info(cat("sending signal ", signal_name(signal), " to ", holder.pid, " (",
                          holder.command, "), holding ", mount_point_, ": ", holder.reason));
        ::kill(holder.pid, signal);
      }
    }
  }

  std::string mount_point_;
  int mount_id_;
  const UnmountPolicy& policy_;
  const ProcFs& proc_;
  std::string last_error_;
};

}  // namespace

void unmount(const std::string& mount_point, const UnmountPolicy& policy,
             const exec::Deadline& deadline, const ProcFs& proc) {
  const MountTable table = MountTable::read();
  const MountEntry* mount = table.at(mount_point);
  if (mount == nullptr) return;

  const exec::Deadline end = policy.budget ? deadline.capped(*policy.budget) : deadline;
  // A umount that hangs (a dead NFS server without -f) may use up only the first half.
  const exec::Deadline half = exec::Deadline::in(end.remaining() / 2);
  Unmounter unmounter(*mount, policy, proc);
  // Walking /proc takes a while; if the users were stopped first, a plain umount works.
  if (unmounter.attempt(false, half)) return;
  ocf::log_warning(cat("couldn't unmount ", mount_point, "; ",
                       policy.signal_holders ? "signalling the processes holding it"
                                             : "retrying (force_unmount=false)"));
  if (policy.signal_holders && unmounter.escalate(policy.term_signals, false, half)) return;
  if (unmounter.escalate(policy.kill_signals, policy.force, end)) return;
  unmounter.give_up();
}

}  // namespace hakit::storage
