// Which pacemaker-attrd runs on this node, told apart from any attrd before or after it:
// attrd keeps transient node attributes in memory only, so a new attrd (pacemakerd
// respawned it, or the cluster stack restarted) no longer holds what the old one was given.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

namespace hakit::ocf {

/// One run of a process: the pid with the process's start time (clock ticks after boot,
/// field 22 of /proc/PID/stat), which together never name two different processes.
struct ProcessRun {
  pid_t pid = 0;
  unsigned long long start_ticks = 0;

  bool operator==(const ProcessRun&) const = default;
};

/// The process /proc/PID/stat describes, if it is a live (not zombie) `command`
/// (the kernel's comm, at most 15 characters); nullopt for anything else or malformed text.
std::optional<ProcessRun> parse_proc_stat(std::string_view stat, std::string_view command);

/// The pacemaker-attrd running now (a scan of /proc), or nullopt when none runs here,
/// as on a pacemaker_remote node, whose attributes the cluster nodes' attrd keep.
std::optional<ProcessRun> running_attrd(const std::string& proc = "/proc");

/// Whether the attrd `run` still runs: one read of /proc/PID/stat.
bool attrd_still_running(const ProcessRun& run, const std::string& proc = "/proc");

}  // namespace hakit::ocf
