// What one `hakit check` carries from check to check: the resource, what its
// meta-data advertises, and the results so far. The checks themselves are in
// conformance_*.cc.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>

#include "hakit/agent_runner.h"
#include "hakit/metadata_reader.h"
#include "hakit/report.h"
#include "ocf/exit_code.h"

namespace hakit::cli {

using CheckObserver = std::function<void(const CheckResult&)>;

/// Thrown after a failure that makes the remaining lifecycle checks meaningless (ocf-tester
/// aborts at the same points): the resource could not be started or stopped.
struct LifecycleAborted {};

class CheckSession {
 public:
  CheckSession(AgentTarget target, CheckObserver observer);

  const AgentTarget& target() const { return target_; }
  /// The agent's meta-data; empty (nothing advertised) until set.
  const Metadata& metadata() const { return metadata_; }
  void set_metadata(Metadata metadata) { metadata_ = std::move(metadata); }

  /// `action` as Pacemaker would run it for this resource: with the timeout the meta-data
  /// advertises (20 s, as ocf-tester, when it advertises none); monitors recurring, at the
  /// advertised interval (10 s when none); everything else with interval 0.
  Invocation operation(const std::string& action, int check_level = 0) const;
  /// A probe: a monitor with interval 0.
  Invocation probe() const;
  AgentRun run(const Invocation& invocation) const { return run_agent(target_, invocation); }

  /// Hands `check` to the observer and keeps it for the report.
  void record(CheckResult check);
  /// Records whether `run` exited with one of `expected`; returns whether it did.
  bool expect(std::string title, AgentRun run, std::initializer_list<ocf::ExitCode> expected);
  /// expect() for operation(action).
  bool expect_action(std::string title, const std::string& action,
                     std::initializer_list<ocf::ExitCode> expected);
  /// expect_action(), throwing LifecycleAborted when it fails.
  void require_action(std::string title, const std::string& action,
                      std::initializer_list<ocf::ExitCode> expected);

  const Report& report() const { return report_; }

 private:
  AgentTarget target_;
  CheckObserver observer_;
  Metadata metadata_;
  Report report_;
};

/// "returned OCF_ERR_CONFIGURED (6), exit reason: ...", with stderr's first line when there
/// is no exit reason: what a failed check shows.
std::string describe_run(const AgentRun& run);
/// "OCF_NOT_RUNNING or OCF_ERR_INSTALLED".
std::string describe_codes(std::initializer_list<ocf::ExitCode> codes);

}  // namespace hakit::cli
