// Running the built Filesystem agent as Pacemaker would: a subprocess with OCF_RESKEY_*
// in its environment. Every run checks the OCF rule that nothing but meta-data writes
// to stdout.
#pragma once

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "exec/command.h"

namespace hakit::filesystem_test {

using Env = std::map<std::string, std::string>;

struct AgentRun {
  int code = -1;
  std::string err;

  /// The ocf-exit-reason line's text, empty when there is none.
  std::string exit_reason() const {
    const auto start = err.find("ocf-exit-reason:");
    if (start == std::string::npos) return "";
    const auto text = start + std::string_view("ocf-exit-reason:").size();
    return err.substr(text, err.find('\n', text) - text);
  }
};

class FilesystemResource {
 public:
  /// `params`: parameter name -> value (without the OCF_RESKEY_ prefix).
  explicit FilesystemResource(const Env& params, std::string instance = "fs1") {
    env_["OCF_ROOT"] = "/usr/lib/ocf";
    env_["OCF_RESOURCE_INSTANCE"] = std::move(instance);
    env_["OCF_RESOURCE_TYPE"] = "Filesystem";
    env_["HA_LOGFACILITY"] = "none";
    for (const auto& [name, value] : params) env_["OCF_RESKEY_" + name] = value;
  }

  /// Runs `action` with `extra` added to (or overriding) the environment, under
  /// `wrapper` (e.g. strace and its options) if given.
  AgentRun run(const std::string& action, const Env& extra = {},
               std::vector<std::string> wrapper = {}) const {
    const bool traced = !wrapper.empty();
    wrapper.insert(wrapper.end(), {std::string(HAKIT_BUILD_AGENT_DIR) + "/Filesystem", action});
    exec::Command command{.argv = std::move(wrapper), .env = env_};
    for (const auto& [name, value] : extra) command.env[name] = value;
    // LeakSanitizer cannot stop the threads of a traced process: under strace (the wrapper),
    // a sanitizer build's agent would die at exit with code 23. Leaks are the other tests'.
    if (traced) command.env["ASAN_OPTIONS"] = "detect_leaks=0";
    const exec::Result result = exec::run(command, exec::Deadline::in(std::chrono::minutes(2)));
    INFO(action << " stderr: " << result.err);
    CHECK(result.out.empty());
    return {result.exit_status, result.err};
  }

 private:
  Env env_;
};

}  // namespace hakit::filesystem_test
