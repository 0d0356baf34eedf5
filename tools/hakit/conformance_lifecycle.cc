#include "hakit/conformance_steps.h"
#include "util/strings.h"

namespace hakit::cli {
namespace {

using ocf::ExitCode;

/// ocf-tester's first monitor: whatever state the resource is in, stop it (demoting it
/// first when promoted) so that the checks start from stopped.
void bring_to_stopped(CheckSession& session) {
  CheckResult check{.title = "initial monitor, stopping the resource if it runs"};
  AgentRun monitor = session.run(session.operation("monitor"));
  const bool stopped = monitor.returned(ExitCode::kNotRunning);
  const bool unimplemented = monitor.returned(ExitCode::kErrUnimplemented);
  const bool promoted = monitor.returned(ExitCode::kRunningPromoted);
  check.detail = stopped         ? "it was stopped"
                 : unimplemented ? "monitor is not implemented"
                                 : "monitor " + describe_run(monitor);
  check.runs.push_back(std::move(monitor));
  if (unimplemented) check.verdict = Verdict::kFail;

  if (!stopped && !unimplemented) {
    for (const char* action : promoted ? std::vector{"demote", "stop"} : std::vector{"stop"}) {
      AgentRun cleanup = session.run(session.operation(action));
      check.detail += cat("\n", action, " ", describe_run(cleanup));
      const bool cleaned = cleanup.returned(ExitCode::kSuccess);
      check.runs.push_back(std::move(cleanup));
      if (!cleaned) {
        check.verdict = Verdict::kFail;
        break;
      }
    }
  }
  const bool failed = check.verdict == Verdict::kFail;
  session.record(std::move(check));
  if (failed) throw LifecycleAborted{};
}

/// ocf-tester's "restart" part: stop, start, start again, stop, stop again, each followed by
/// a monitor that must agree.
void check_restarts(CheckSession& session) {
  constexpr auto kStopped = ExitCode::kNotRunning;
  constexpr auto kSuccess = ExitCode::kSuccess;
  session.require_action("stop returns OCF_SUCCESS", "stop", {kSuccess});
  session.expect_action("monitor after stop returns OCF_NOT_RUNNING", "monitor", {kStopped});
  session.require_action("start after stop returns OCF_SUCCESS", "start", {kSuccess});
  session.expect_action("monitor after restart returns OCF_SUCCESS", "monitor", {kSuccess});
  session.expect_action("start of a started resource returns OCF_SUCCESS", "start", {kSuccess});
  session.expect_action("monitor after a second start returns OCF_SUCCESS", "monitor", {kSuccess});
  session.require_action("stop after two starts returns OCF_SUCCESS", "stop", {kSuccess});
  session.expect_action("monitor after that stop returns OCF_NOT_RUNNING", "monitor", {kStopped});
  session.expect_action("stop of a stopped resource returns OCF_SUCCESS", "stop", {kSuccess});
  session.expect_action("monitor after a second stop returns OCF_NOT_RUNNING", "monitor",
                        {kStopped});
}

}  // namespace

void check_lifecycle(CheckSession& session) {
  bring_to_stopped(session);
  session.expect_action("monitor of a stopped resource returns OCF_NOT_RUNNING", "monitor",
                        {ExitCode::kNotRunning});

  Invocation probe_without_binaries = session.probe();
  probe_without_binaries.extra_env["OCF_TESTER_FAIL_HAVE_BINARY"] = "1";
  session.expect(
      "probe with OCF_TESTER_FAIL_HAVE_BINARY=1 returns OCF_NOT_RUNNING or OCF_ERR_INSTALLED",
      session.run(probe_without_binaries), {ExitCode::kNotRunning, ExitCode::kErrInstalled});

  session.require_action("start returns OCF_SUCCESS", "start", {ExitCode::kSuccess});
  session.expect_action("monitor of a started resource returns OCF_SUCCESS", "monitor",
                        {ExitCode::kSuccess});
  session.expect("probe of a started resource returns OCF_SUCCESS", session.run(session.probe()),
                 {ExitCode::kSuccess});
  check_monitor_depths(session);
  check_reload_agent(session);
  check_notify(session);
  check_promotion(session);
  check_restarts(session);
  check_migration(session);
  check_reload(session);
}

void check_final_stop(CheckSession& session) {
  CheckResult check{.title = "final stop leaves the resource stopped"};
  check.runs.push_back(session.run(session.operation("stop")));
  check.runs.push_back(session.run(session.operation("monitor")));
  const AgentRun& stop = check.runs.front();
  const AgentRun& monitor = check.runs.back();
  if (!stop.returned(ExitCode::kSuccess) || !monitor.returned(ExitCode::kNotRunning)) {
    check.verdict = Verdict::kFail;
    check.detail = "stop " + describe_run(stop) + "\nmonitor " + describe_run(monitor);
  }
  session.record(std::move(check));
}

}  // namespace hakit::cli
