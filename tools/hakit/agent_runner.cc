#include "hakit/agent_runner.h"

#include <pwd.h>

#include <cstdio>
#include <filesystem>

#include "hakit/error.h"
#include "util/strings.h"

namespace hakit::cli {
namespace {

constexpr std::string_view kExitReasonPrefix = "ocf-exit-reason:";

/// setpriv's arguments that make the agent run as nobody (ocf-tester uses su, i.e. a shell).
std::vector<std::string> as_nobody_prefix() {
  const passwd* nobody = ::getpwnam("nobody");
  if (nobody == nullptr) throw Error("there is no user nobody to run meta-data as");
  return {"setpriv", cat("--reuid=", nobody->pw_uid), cat("--regid=", nobody->pw_gid),
          "--clear-groups", "--"};
}

}  // namespace

bool AgentRun::is_failure() const {
  using ocf::ExitCode;
  if (result.timed_out || result.signal != 0) return true;
  for (ExitCode benign :
       {ExitCode::kSuccess, ExitCode::kNotRunning, ExitCode::kErrUnimplemented,
        ExitCode::kRunningPromoted, ExitCode::kDegraded, ExitCode::kDegradedPromoted}) {
    if (returned(benign)) return false;
  }
  return true;
}

std::string describe_status(int exit_status) {
  const auto code = ocf::exit_code_from_int(exit_status);
  if (!code) return cat("exit status ", exit_status, " (not an OCF code)");
  return cat(ocf::exit_code_name(*code), " (", exit_status, ")");
}

std::string describe_outcome(const AgentRun& run) {
  if (run.result.timed_out) return "timed out after " + format_duration(run.invocation.timeout);
  if (run.result.signal != 0) return cat("killed by signal ", run.result.signal);
  return describe_status(run.result.exit_status);
}

std::string format_duration(exec::Clock::duration elapsed) {
  const double ms = std::chrono::duration<double, std::milli>(elapsed).count();
  char text[32];
  if (ms < 1000) {
    std::snprintf(text, sizeof text, "%.1f ms", ms);
  } else {
    std::snprintf(text, sizeof text, "%.2f s", ms / 1000);
  }
  return text;
}

std::string resource_type(const std::string& agent_path) {
  return std::filesystem::path(agent_path).filename();
}

std::string resource_provider(const std::string& agent_path) {
  return std::filesystem::absolute(agent_path).parent_path().filename();
}

std::map<std::string, std::string> agent_environment(const AgentTarget& target,
                                                     const Invocation& invocation) {
  std::map<std::string, std::string> env = {
      {"OCF_ROOT", target.ocf_root},
      {"OCF_RA_VERSION_MAJOR", "1"},
      {"OCF_RA_VERSION_MINOR", "1"},
      {"OCF_RESOURCE_INSTANCE", target.instance},
      {"OCF_RESOURCE_TYPE", resource_type(target.path)},
      {"OCF_RESOURCE_PROVIDER", resource_provider(target.path)},
      {"OCF_EXIT_REASON_PREFIX", std::string(kExitReasonPrefix)},
      {"OCF_CHECK_LEVEL", std::to_string(invocation.check_level)},
      {"OCF_RESKEY_CRM_meta_timeout", std::to_string(invocation.timeout.count())},
      {"OCF_RESKEY_CRM_meta_interval", std::to_string(invocation.interval.count())},
  };
  for (const auto& [name, value] : target.params) env["OCF_RESKEY_" + name] = value;
  for (const auto& [name, value] : invocation.extra_env) env[name] = value;
  return env;
}

std::optional<std::string> find_exit_reason(std::string_view agent_stderr) {
  // Pacemaker's executor takes the first occurrence, to the end of its line.
  for (const std::string& line : split(agent_stderr, "\n")) {
    if (line.starts_with(kExitReasonPrefix)) {
      return std::string(trim(std::string_view(line).substr(kExitReasonPrefix.size())));
    }
  }
  return std::nullopt;
}

AgentRun run_agent(const AgentTarget& target, const Invocation& invocation) {
  exec::Command command;
  if (invocation.as_nobody) command.argv = as_nobody_prefix();
  command.argv.push_back(target.path);
  command.argv.push_back(invocation.action);
  command.env = agent_environment(target, invocation);

  AgentRun run{.invocation = invocation};
  const auto started = exec::Clock::now();
  run.result = exec::run(command, exec::Deadline::in(invocation.timeout));
  run.elapsed = exec::Clock::now() - started;
  run.exit_reason = find_exit_reason(run.result.err);
  return run;
}

}  // namespace hakit::cli
