// Starting and stopping the cluster's helper daemons (dlm_controld, lvmlockd, clvmd) and
// preparing the kernel for them (modules, configfs). The daemons put themselves in the
// background; they are found again by name (process_table.h), never through a pid file
// alone, which a crashed daemon leaves behind.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"

namespace hakit::storage {

/// Polls `condition` until it holds (true) or `deadline` passes (false).
bool wait_until(const std::function<bool()>& condition, const exec::Deadline& deadline);

/// Runs `argv` (a daemon that forks into the background) and waits for `ready`. Throws
/// ocf::Error(kErrGeneric) when the command fails or the daemon is not ready in time.
void start_daemon(const std::vector<std::string>& argv, const std::function<bool()>& ready,
                  const exec::Deadline& deadline);

/// Sends SIGTERM to every process named `name` and waits until none is left. Throws
/// ocf::Error(kErrGeneric) when one is still there at the deadline.
void stop_daemon(std::string_view name, const exec::Deadline& deadline);

/// modprobe MODULE. Throws ocf::Error(kErrInstalled).
void load_module(const std::string& module, const exec::Deadline& deadline);

/// Makes sure configfs is mounted on `path` (loading the module first if needed). Throws
/// ocf::Error(kErrInstalled).
void ensure_configfs(const std::string& path, const exec::Deadline& deadline);
/// Whether `path` exists (stat succeeds): sysfs/configfs entries, sockets.
bool path_exists(const std::string& path);
/// Whether a configfs is mounted on `path`.
bool configfs_mounted(const std::string& path);

}  // namespace hakit::storage
