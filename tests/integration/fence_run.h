// Running a built fence agent as Pacemaker's fencer does (options on stdin), with flags as
// an administrator does, a plugin through cluster-glue's stonith CLI, or stonith_admin,
// timed, for the fence devices' integration tests. Also: the checks every failure must
// pass, and which processes show a secret on their command line right now.
#pragma once

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "exec/command.h"
#include "util/strings.h"

namespace hakit::fence_test {

struct FenceRun {
  int status = -1;
  std::string out;
  std::string err;
  std::chrono::milliseconds elapsed{0};

  /// Whether it claimed a successful off/on/reboot, whatever its exit status.
  bool claims_success() const { return out.find("Success") != std::string::npos; }
  std::string describe() const {
    return cat("exit ", status, " after ", elapsed.count(), " ms\nstdout: ", out,
               "\nstderr: ", err);
  }
};

inline FenceRun timed_run(const exec::Command& command, std::chrono::milliseconds timeout) {
  const auto started = std::chrono::steady_clock::now();
  const exec::Result result = exec::run(command, exec::Deadline::in(timeout));
  return {.status = result.exit_status,
          .out = result.out,
          .err = result.err,
          .elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
              std::chrono::steady_clock::now() - started)};
}

/// `agent` with `options` ("key=value" lines) on stdin, as the fencer runs it.
inline FenceRun run_with_stdin(const std::string& agent, const std::vector<std::string>& options,
                               std::chrono::milliseconds timeout = std::chrono::minutes(2)) {
  return timed_run({.argv = {agent}, .input = join(options, "\n") + "\n"}, timeout);
}

/// `agent` with command-line flags.
inline FenceRun run_with_flags(const std::string& agent, std::vector<std::string> flags,
                               std::chrono::milliseconds timeout = std::chrono::minutes(2)) {
  flags.insert(flags.begin(), agent);
  return timed_run({.argv = std::move(flags)}, timeout);
}

/// cluster-glue's `stonith` with `args` (-t external/..., name=value..., -T off node).
inline FenceRun run_stonith_cli(std::vector<std::string> args,
                                std::chrono::milliseconds timeout = std::chrono::minutes(2)) {
  args.insert(args.begin(), "stonith");
  return timed_run({.argv = std::move(args)}, timeout);
}

/// A `stonith -t PLUGIN` runner for one device configuration: each call passes `params`
/// (name=value) and then its own arguments (-S, -l, -T off node).
inline auto stonith_cli_for(std::string plugin, std::vector<std::string> params) {
  return [plugin = std::move(plugin), params = std::move(params)](std::vector<std::string> args) {
    std::vector<std::string> all = {"-t", plugin};
    all.insert(all.end(), params.begin(), params.end());
    all.insert(all.end(), args.begin(), args.end());
    return run_stonith_cli(all);
  };
}

/// Pacemaker's `stonith_admin` with `args` (--reboot NODE --tolerance 0, ...).
inline FenceRun stonith_admin(std::vector<std::string> args,
                              std::chrono::milliseconds timeout = std::chrono::seconds(150)) {
  args.insert(args.begin(), "stonith_admin");
  const FenceRun run = timed_run({.argv = std::move(args)}, timeout);
  INFO(run.describe());
  return run;
}

/// A failure as every fault must end: an error status within `limit`, a message on stderr,
/// and no claim of success.
inline void require_failure_in_time(const FenceRun& run, std::chrono::milliseconds limit) {
  INFO(run.describe());
  CHECK(run.status != 0);
  CHECK_FALSE(run.claims_success());
  CHECK(run.elapsed < limit);
  CHECK_FALSE(trim(run.err).empty());
}

/// "pid: command line" of every process whose command line contains `secret`.
inline std::vector<std::string> processes_showing(const std::string& secret) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string pid = entry.path().filename();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline;
    if (!read_file(entry.path() / "cmdline", cmdline)) continue;
    if (cmdline.find(secret) != std::string::npos) {
      for (char& c : cmdline) c = c == '\0' ? ' ' : c;
      found.push_back(cat(pid, ": ", cmdline));
    }
  }
  return found;
}

}  // namespace hakit::fence_test
