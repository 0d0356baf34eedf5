// Finding a cluster daemon by name the way pgrep would, by reading /proc/PID/comm directly
// (no process spawned, so a monitor that only asks "is dlm_controld running?" stays cheap).
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace hakit::storage {

/// PIDs of the processes whose command name (/proc/PID/comm, at most 15 characters) is
/// `name`, zombies and the calling process excluded. `proc_root` is a fabricated tree in tests.
std::vector<pid_t> pids_named(std::string_view name, const std::string& proc_root = "/proc");

inline bool is_running(std::string_view name, const std::string& proc_root = "/proc") {
  return !pids_named(name, proc_root).empty();
}

}  // namespace hakit::storage
