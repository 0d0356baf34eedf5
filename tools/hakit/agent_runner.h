// Running an OCF agent as Pacemaker does: the action as the only argument, the
// configuration in OCF_* environment variables (never on a command line), and a
// deadline from the operation timeout.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "exec/command.h"
#include "exec/deadline.h"
#include "ocf/exit_code.h"

namespace hakit::cli {

/// The resource: which agent, and how it is configured.
struct AgentTarget {
  std::string path{};
  std::string instance{};                       ///< OCF_RESOURCE_INSTANCE
  std::map<std::string, std::string> params{};  ///< each becomes OCF_RESKEY_<name>
  std::string ocf_root = "/usr/lib/ocf";
};

/// One operation on the resource.
struct Invocation {
  std::string action{};
  exec::Millis timeout{20000};  ///< OCF_RESKEY_CRM_meta_timeout, and when the agent is killed
  exec::Millis interval{0};     ///< OCF_RESKEY_CRM_meta_interval: 0 for probes and non-monitors
  int check_level = 0;          ///< OCF_CHECK_LEVEL
  /// More variables, e.g. OCF_TESTER_FAIL_HAVE_BINARY or notify lists; they win over the rest.
  std::map<std::string, std::string> extra_env{};
  bool as_nobody = false;  ///< drop to user nobody first, as ocf-tester's permission check
};

struct AgentRun {
  Invocation invocation{};
  exec::Result result{};
  std::optional<std::string> exit_reason{};
  exec::Clock::duration elapsed{};

  const std::string& action() const { return invocation.action; }
  /// The agent exited normally with `code`.
  bool returned(ocf::ExitCode code) const { return result.exit_status == static_cast<int>(code); }
  /// An error the agent should explain: exited with a code other than success, not running,
  /// unimplemented, promoted or degraded (or with a status that is no OCF code at all).
  bool is_failure() const;
};

/// "OCF_NOT_RUNNING (7)", "exit status 42 (not an OCF code)", "killed by signal 9",
/// "timed out after 20s".
std::string describe_outcome(const AgentRun& run);
/// "OCF_SUCCESS (0)" for a status; the bare number when it is no OCF code.
std::string describe_status(int exit_status);
/// "1.2 ms", "3.40 s": durations for people.
std::string format_duration(exec::Clock::duration elapsed);

/// OCF_RESOURCE_TYPE: the agent's file name.
std::string resource_type(const std::string& agent_path);
/// OCF_RESOURCE_PROVIDER: the name of the directory the agent is in ("heartbeat", "hakit").
std::string resource_provider(const std::string& agent_path);

/// Every variable the agent gets for `invocation`, as Pacemaker's executor sets them.
std::map<std::string, std::string> agent_environment(const AgentTarget& target,
                                                     const Invocation& invocation);

/// The text of the first "ocf-exit-reason:" line in an agent's stderr.
std::optional<std::string> find_exit_reason(std::string_view agent_stderr);

/// Runs the agent once, capturing stdout, stderr, status and elapsed time.
AgentRun run_agent(const AgentTarget& target, const Invocation& invocation);

}  // namespace hakit::cli
