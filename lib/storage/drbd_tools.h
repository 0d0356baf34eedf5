// drbdadm and drbdsetup for one resource: the agent's only way to act on DRBD. drbdadm gets
// the configuration file (-c) and, for a stacked resource, -S; both are bounded by the
// action's deadline, and a failure is logged with what the tool said.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exec/command.h"
#include "exec/deadline.h"
#include "storage/drbd_state.h"
#include "storage/drbd_version.h"

namespace hakit::storage {

class DrbdTools {
 public:
  DrbdTools(std::string resource, std::string config_file);

  const std::string& resource() const { return resource_; }
  /// From now on drbdadm is called with -S (the resource is stacked on another DRBD).
  void use_stacked() { stacked_ = true; }

  /// drbdadm -c CONFIG [-S] ARGS...; `env` is added to the child's environment.
  exec::Result drbdadm(const std::vector<std::string>& args, const exec::Deadline& deadline,
                       const std::map<std::string, std::string>& env = {}) const;
  /// drbdsetup ARGS...
  exec::Result drbdsetup(const std::vector<std::string>& args,
                         const exec::Deadline& deadline) const;

  /// The resource's state from `drbdsetup events2 --now RESOURCE`. Throws Error(kErrGeneric)
  /// when drbdsetup fails.
  DrbdResourceState state(const exec::Deadline& deadline) const;

 private:
  std::string resource_;
  std::string config_file_;
  bool stacked_ = false;
};

/// The loaded module's version (/proc/drbd); nullopt when DRBD is not loaded. No process.
std::optional<DrbdVersion> loaded_drbd_version();
/// The installed module's version (modinfo -F version drbd), for when it is not loaded.
std::optional<DrbdVersion> installed_drbd_version(const exec::Deadline& deadline);

}  // namespace hakit::storage
