#include "storage/cluster_daemon.h"

#include <sys/stat.h>
#include <csignal>

#include "exec/command.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/mount_table.h"
#include "storage/process_table.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

constexpr exec::Millis kPollPause{200};

}  // namespace

bool path_exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

bool wait_until(const std::function<bool()>& condition, const exec::Deadline& deadline) {
  for (;;) {
    if (condition()) return true;
    if (deadline.remaining() <= kPollPause) return condition();
    exec::sleep_for(kPollPause);
  }
}

void start_daemon(const std::vector<std::string>& argv, const std::function<bool()>& ready,
                  const exec::Deadline& deadline) {
  ocf::log_info(cat("Starting ", join(argv, " ")));
  const exec::Result result = exec::run({.argv = argv}, deadline);
  if (!result.ok()) {
    throw Error(ExitCode::kErrGeneric, cat("could not start ", argv.front(), " (",
                                           result.describe(), "): ", result.first_error_line()));
  }
  if (!wait_until(ready, deadline)) {
    throw Error(ExitCode::kErrGeneric, cat(argv.front(), " did not become ready in time"));
  }
}

void stop_daemon(std::string_view name, const exec::Deadline& deadline) {
  for (const pid_t pid : pids_named(name)) {
    ocf::log_info(cat("Stopping ", name, " (pid ", pid, ")"));
    ::kill(pid, SIGTERM);
  }
  if (!wait_until([&] { return !is_running(name); }, deadline)) {
    throw Error(ExitCode::kErrGeneric, cat(name, " is still running after SIGTERM"));
  }
}

void load_module(const std::string& module, const exec::Deadline& deadline) {
  const exec::Result result = exec::run({.argv = {"modprobe", module}}, deadline);
  if (!result.ok()) {
    throw Error(ExitCode::kErrInstalled,
                cat("cannot load kernel module ", module, ": ", result.first_error_line()));
  }
}

bool configfs_mounted(const std::string& path) {
  const MountTable table = MountTable::read();  // outlives the entry it hands out
  const MountEntry* mount = table.at(path);
  return mount != nullptr && mount->fstype == "configfs";
}

void ensure_configfs(const std::string& path, const exec::Deadline& deadline) {
  if (!path_exists(path)) load_module("configfs", deadline);
  if (!path_exists(path)) throw Error(ExitCode::kErrInstalled, cat(path, " is not available"));
  if (configfs_mounted(path)) return;
  const exec::Result result =
      exec::run({.argv = {"mount", "-t", "configfs", "configfs", path}}, deadline);
  if (!result.ok()) {
    throw Error(ExitCode::kErrInstalled,
                cat("cannot mount configfs on ", path, ": ", result.first_error_line()));
  }
}

}  // namespace hakit::storage
