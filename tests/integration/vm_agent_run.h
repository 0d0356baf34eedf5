// Running the built VirtualDomain and Xen agents as Pacemaker would, against the lab's
// simulated libvirt hosts (tests/lab/libvirt_host.h).
#pragma once

#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "exec/command.h"
#include "filesystem_agent_run.h"
#include "libvirt_host.h"
#include "ocf/exit_status_for_tests.h"
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

  /// Runs `action` where libvirt's client library and libxml2 are not installed: in a mount
  /// namespace of its own, with an empty file over each.
  AgentRun run_without_libvirt(const std::string& action, const Env& extra = {}) const {
    std::vector<std::string> argv = {
        "unshare",
        "--mount",
        "--propagation",
        "private",
        "sh",
        "-c",
        "for library in \"$1\" \"$2\"; do mount --bind /dev/null \"$library\" || exit; done; "
        "shift 2 && exec \"$@\"",
        "sh"};
    for (const char* library : {HAKIT_LIBVIRT_LIBRARY, HAKIT_LIBXML2_LIBRARY}) {
      argv.push_back(std::filesystem::canonical(library));
    }
    argv.push_back(std::string(HAKIT_BUILD_AGENT_DIR) + "/" + agent_);
    argv.push_back(action);
    return run_argv(std::move(argv), extra);
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

/// Runs `action` with Pacemaker's timeout for it (`extra` added to the environment) and
/// checks the contract for a hypervisor that cannot serve it: a failure, never success,
/// with a reason, before Pacemaker would have killed the agent. Returns the run.
inline AgentRun require_failure_in_time(const VmResource& vm, const std::string& action, Env extra,
                                        std::chrono::milliseconds timeout) {
  extra["OCF_RESKEY_CRM_meta_timeout"] = std::to_string(timeout.count());
  const auto began = std::chrono::steady_clock::now();
  const AgentRun run = vm.run(action, extra);
  const auto elapsed = std::chrono::steady_clock::now() - began;
  INFO(action << " stderr: " << run.err);
  CHECK(run.code > 0);
  CHECK_FALSE(run.exit_reason().empty());
  CHECK(elapsed < timeout);
  return run;
}

/// The domain `name` runs on `host`: libvirtd goes down under it (the guest keeps running,
/// as with a real libvirtd restart) and, from the process table, monitor says running and
/// stop (with `stop_env`) kills the emulator; libvirtd, back up, knows no such domain.
inline void stop_while_libvirtd_down(lab::LibvirtHost& host, const VmResource& vm,
                                     const std::string& name, const Env& stop_env = {}) {
  using testing::kOcfNotRunning, testing::kOcfSuccess;
  const auto emulators = host.emulator_pids();
  REQUIRE(emulators.size() == 1);
  host.stop_daemon();
  CHECK(::kill(emulators[0], 0) == 0);
  const auto monitor = vm.run("monitor");
  CHECK(monitor.code == kOcfSuccess);
  CHECK(monitor.err.find("is running (emulator PID") != std::string::npos);
  CHECK(vm.run("monitor", {{"OCF_RESKEY_CRM_meta_interval", "10000"}}).code == kOcfSuccess);

  const auto stop = vm.run("stop", stop_env);
  CHECK(stop.code == kOcfSuccess);
  CHECK(stop.err.find("killing the emulator") != std::string::npos);
  CHECK(vm.run("monitor").code == kOcfNotRunning);
  CHECK(vm.run("stop").code == kOcfSuccess);

  host.start_daemon();
  CHECK(host.domstate(name).empty());
  CHECK(vm.run("monitor").code == kOcfNotRunning);
}

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
