#include "hakit/conformance_steps.h"
#include "util/strings.h"

namespace hakit::cli {
namespace {

/// "monitor (in "monitor after stop returns ...")": where a run happened.
std::string where(const AgentRun& run, const CheckResult& check) {
  return cat(run.action(), " (in \"", check.title, "\")");
}

/// Records a check over every run so far: `offence` says what is wrong with a run, or ""
/// when nothing is; `summary` is the detail when no run offends.
template <typename Offence>
void check_runs(CheckSession& session, std::string title, Offence offence, std::string summary) {
  std::vector<std::string> offences;
  for (const CheckResult& check : session.report().checks) {
    for (const AgentRun& run : check.runs) {
      if (std::string why = offence(run); !why.empty()) offences.push_back(where(run, check) + why);
    }
  }
  session.record({.verdict = offences.empty() ? Verdict::kPass : Verdict::kFail,
                  .title = std::move(title),
                  .detail = offences.empty() ? std::move(summary) : join(offences, "\n")});
}

double fraction_of_timeout(const AgentRun& run) {
  return std::chrono::duration<double>(run.elapsed) /
         std::chrono::duration<double>(run.invocation.timeout);
}

/// "slowest for its timeout: start 120.3 ms of 20.00 s".
std::string slowest_run(const CheckSession& session) {
  const AgentRun* slowest = nullptr;
  for (const CheckResult& check : session.report().checks) {
    for (const AgentRun& run : check.runs) {
      if (slowest == nullptr || fraction_of_timeout(run) > fraction_of_timeout(*slowest)) {
        slowest = &run;
      }
    }
  }
  if (slowest == nullptr) return "no action was run";
  return cat("slowest for its timeout: ", slowest->action(), " ", format_duration(slowest->elapsed),
             " of ", format_duration(slowest->invocation.timeout));
}

}  // namespace

void check_every_run(CheckSession& session) {
  check_runs(
      session, "stdout is empty for every action but meta-data",
      [](const AgentRun& run) -> std::string {
        if (run.action() == "meta-data" || run.result.out.empty()) return "";
        const std::vector<std::string> lines = split(run.result.out, "\n");
        return cat(" printed ", run.result.out.size(), " bytes on stdout",
                   lines.empty() ? "" : ": " + lines.front());
      },
      "");

  check_runs(
      session, "every error exit comes with an ocf-exit-reason line",
      [](const AgentRun& run) -> std::string {
        const bool exited = !run.result.timed_out && run.result.signal == 0;
        if (!exited || !run.is_failure() || run.exit_reason) return "";
        return " " + describe_run(run) + " without one";
      },
      "");

  check_runs(
      session, "every action finishes within its advertised timeout",
      [](const AgentRun& run) -> std::string {
        if (!run.result.timed_out && run.elapsed <= run.invocation.timeout) return "";
        return cat(" took ", format_duration(run.elapsed), ", timeout ",
                   format_duration(run.invocation.timeout));
      },
      slowest_run(session));
}

}  // namespace hakit::cli
