// Running the built VirtualDomain and Xen agents as Pacemaker would, against the lab's
// simulated libvirt hosts (tests/lab/libvirt_host.h).
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "exec/command.h"
#include "filesystem_agent_run.h"
#include "libvirt_host.h"
#include "util/strings.h"

namespace hakit::vm_test {

using Env = std::map<std::string, std::string>;
using filesystem_test::AgentRun;

class VmResource {
 public:
  /// `agent`: "VirtualDomain" or "Xen"; `params` without the OCF_RESKEY_ prefix.
  VmResource(std::string agent, const Env& params, std::string instance = "vm1")
      : agent_(std::move(agent)) {
    env_["OCF_ROOT"] = "/usr/lib/ocf";
    env_["OCF_RESOURCE_TYPE"] = agent_;
    env_["HA_LOGFACILITY"] = "none";
    env_["OCF_RESOURCE_INSTANCE"] = std::move(instance);
    for (const auto& [name, value] : params) env_["OCF_RESKEY_" + name] = value;
  }

  /// Runs `action` with `extra` added to (or overriding) the environment.
  AgentRun run(const std::string& action, const Env& extra = {}) const {
    return run_argv({std::string(HAKIT_BUILD_AGENT_DIR) + "/" + agent_, action}, extra);
  }

  /// Runs `action` where libvirt's client library is not installed: in a mount namespace
  /// of its own, with an empty file over libvirt.so.
  AgentRun run_without_libvirt(const std::string& action, const Env& extra = {}) const {
    const std::string library = std::filesystem::canonical(HAKIT_LIBVIRT_LIBRARY);
    return run_argv({"unshare", "--mount", "--propagation", "private", "sh", "-c",
                     "mount --bind /dev/null \"$1\" && shift && exec \"$@\"", "sh", library,
                     std::string(HAKIT_BUILD_AGENT_DIR) + "/" + agent_, action},
                    extra);
  }

 private:
  AgentRun run_argv(std::vector<std::string> argv, const Env& extra) const {
    const std::string action = argv.back();
    exec::Command command{.argv = std::move(argv), .env = env_};
    for (const auto& [name, value] : extra) command.env[name] = value;
    const exec::Result result = exec::run(command, exec::Deadline::in(std::chrono::minutes(3)));
    INFO(agent_ << " " << action << " stderr: " << result.err);
    CHECK(result.out.empty());
    if (result.exit_status < 0)
      UNSCOPED_INFO(agent_ << " " << action << ": " << result.describe() << "\n" << result.err);
    return {result.exit_status, result.err};
  }

  std::string agent_;
  Env env_;
};

/// The lab's libvirt hosts need root (libvirtd in a mount namespace): false, with a warning
/// that the test is skipped, without it.
inline bool has_root() {
  if (geteuid() == 0) return true;
  WARN("skipped: libvirtd and its mount namespace need root");
  return false;
}

inline void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  REQUIRE(out.flush());
}

inline std::string read_whole(const std::string& path) {
  std::string text;
  read_file(path, text);
  return text;
}

/// The environment of migrate_to/migrate_from as Pacemaker sets it for a move to `target`.
inline Env migration_env(const std::string& source, const std::string& target) {
  return {{"OCF_RESKEY_CRM_meta_migrate_source", source},
          {"OCF_RESKEY_CRM_meta_migrate_target", target}};
}

}  // namespace hakit::vm_test
