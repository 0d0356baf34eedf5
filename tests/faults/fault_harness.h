// The fault-injection harness (tests/faults/): an action run in-process with its children
// replaced by misbehaving ones (exec/faults_for_tests.h), and the checks every action must
// pass: a failure code its caller understands, within the caller's timeout, a reason, and
// no success claimed for what did not happen. Used by agent_faults_test.cc (unit) and by
// the integration tests whose scene needs a real peer (tgtd: iscsi_faults_test.cc).
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "exec/faults_for_tests.h"
#include "ocf/agent.h"
#include "ocf/exit_status_for_tests.h"
#include "storage/file_tree_for_tests.h"
#include "util/strings.h"

namespace hakit::faults_test {

using exec::Clock;
using exec::Fault;
using exec::FaultyRunner;
using exec::JumpingClock;
using exec::Millis;
using storage::testing::FileTree;

/// One action as its caller runs it, in-process.
struct ActionCase {
  std::string name;
  std::function<int()> run;
  /// What the action reads on stdin (the fencer's options).
  std::string input{};
  /// The codes a failed action may end with.
  std::set<int> failures;
  /// What the caller gives the action before it gives up on it (CRM_meta_timeout, the
  /// fencer's timeout).
  Millis timeout;
  /// The tool's exit status is the only evidence there is (attrd_updater): an action may
  /// then succeed when its child exits 0. Otherwise the agent must verify the effect.
  bool trusts_exit_status = false;
  /// Puts the scene back before each run (a state file a monitor expects, ...).
  std::function<void()> prepare = [] {};
};

struct Outcome {
  int code = -1;
  std::string output;  ///< stdout and stderr
};

/// Runs `body` with stdin reading `input` and stdout and stderr going to a scratch file.
inline Outcome captured(const std::string& input, const std::function<int()>& body) {
  FileTree scratch;
  scratch.file("in", input);
  const std::string out_path = scratch.path("out");
  const int in_fd = ::open(scratch.path("in").c_str(), O_RDONLY | O_CLOEXEC);
  const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  std::fflush(stdout);
  std::fflush(stderr);
  const int saved[3] = {::dup(0), ::dup(1), ::dup(2)};
  ::dup2(in_fd, 0);
  ::dup2(out_fd, 1);
  ::dup2(out_fd, 2);
  std::clearerr(stdin);
  std::cin.clear();
  Outcome outcome;
  outcome.code = body();
  std::cout.flush();
  std::fflush(stdout);
  std::fflush(stderr);
  for (int fd = 0; fd < 3; ++fd) {
    ::dup2(saved[fd], fd);
    ::close(saved[fd]);
  }
  ::close(in_fd);
  ::close(out_fd);
  std::clearerr(stdin);
  std::cin.clear();
  std::ifstream out(out_path);
  outcome.output.assign(std::istreambuf_iterator<char>(out), std::istreambuf_iterator<char>());
  return outcome;
}

using AgentFactory = std::function<std::unique_ptr<ocf::Agent>()>;

/// Sets the OCF environment of one action (and removes what an earlier one set).
inline void set_ocf_environment(const std::map<std::string, std::string>& variables) {
  static std::vector<std::string> previous;
  for (const auto& name : previous) ::unsetenv(name.c_str());
  previous.clear();
  for (const auto& [name, value] : variables) {
    ::setenv(name.c_str(), value.c_str(), 1);
    previous.push_back(name);
  }
}

using testing::kOcfConfigured;
using testing::kOcfGeneric;
using testing::kOcfInstalled;
using testing::kOcfNotRunning;

inline ActionCase ocf_case(std::string name, const ocf::AgentMetadata& metadata, AgentFactory make,
                           std::string action, std::map<std::string, std::string> params,
                           std::set<int> failures, Millis timeout, const std::string& state_dir) {
  std::map<std::string, std::string> env = {{"OCF_RESOURCE_INSTANCE", "fault-test"},
                                            {"OCF_ROOT", "/usr/lib/ocf"},
                                            {"HA_RSCTMP", state_dir},
                                            {"OCF_RESKEY_CRM_meta_timeout", cat(timeout.count())}};
  for (const auto& [key, value] : params) {
    env[key == "OCF_CHECK_LEVEL" ? key : cat("OCF_RESKEY_", key)] = value;
  }
  auto run = [&metadata, make, action, env] {
    set_ocf_environment(env);
    auto agent = make();
    std::string action_arg = action;
    char program[] = "agent";
    char* argv[] = {program, action_arg.data(), nullptr};
    return ocf::dispatch(*agent, metadata, 2, argv);
  };
  return {.name = std::move(name), .run = run, .failures = std::move(failures), .timeout = timeout};
}

inline bool exits_zero(Fault fault) {
  return fault == Fault::kLie || fault == Fault::kGarbage || fault == Fault::kHugeOutput;
}

/// Runs `action` once with `fault` and checks the outcome; returns how many children ran.
inline size_t check_fault(const ActionCase& action, Fault fault, std::optional<size_t> only_call) {
  action.prepare();
  JumpingClock clock;
  FaultyRunner runner(fault, clock, only_call);
  exec::ScopedTimeSource time_seam(clock);
  exec::ScopedRunner process_seam(runner);
  const auto started = Clock::now();
  Outcome outcome = captured(action.input, action.run);
  const auto took = std::chrono::duration_cast<Millis>(Clock::now() - started);

  INFO(action.name << ", " << exec::fault_name(fault)
                   << (only_call ? cat(" at call ", *only_call) : std::string(" at every call")));
  INFO("exit " << outcome.code << ", " << runner.calls().size() << " children, " << took.count()
               << " ms on the test clock; output:\n"
               << outcome.output.substr(0, 2000));
  // Taking a tool's exit 0 at its word may end in success or "not running"; a tool that
  // failed, hung or died never may.
  const bool trusted = action.trusts_exit_status && (exits_zero(fault) || only_call);
  if (!(trusted && (outcome.code == 0 || outcome.code == kOcfNotRunning))) {
    CHECK(action.failures.count(outcome.code) == 1);
  }
  CHECK(took <= action.timeout);
  CHECK(runner.unbounded().empty());
  if (outcome.code != 0) CHECK_FALSE(outcome.output.empty());  // the reason, for the operator
  return runner.calls().size();
}

inline void check_every_fault(const ActionCase& action) {
  size_t children = 0;
  for (const Fault fault : exec::kAllFaults) {
    const size_t ran = check_fault(action, fault, std::nullopt);
    if (fault == Fault::kLie) children = ran;
  }
  INFO(action.name);
  CHECK(children > 0);  // a case that spawns nothing tests nothing: fix the table
  // Each of the first calls failing alone, the others lying (a retry loop repeats itself);
  // with one child, that was the first round.
  for (size_t call = 0; children > 1 && call < std::min<size_t>(children, 3); ++call) {
    for (const Fault fault : exec::kAllFaults) {
      if (fault != Fault::kLie) check_fault(action, fault, call);
    }
  }
}

template <typename AgentType>
AgentFactory make_agent() {
  return [] { return std::make_unique<AgentType>(); };
}

}  // namespace hakit::faults_test
