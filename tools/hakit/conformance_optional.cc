#include <unistd.h>

#include <optional>
#include <set>

#include "hakit/conformance_steps.h"
#include "util/strings.h"

namespace hakit::cli {
namespace {

using ocf::ExitCode;

std::string host_name() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

/// An optional action: OCF_ERR_UNIMPLEMENTED skips the check, unless the meta-data
/// advertises the action; any other result must be `expected` (when given: ocf-tester
/// checks migrate_* and reload only for support).
void check_optional(CheckSession& session, std::string title, AgentRun run,
                    std::optional<ExitCode> expected) {
  CheckResult check{.title = std::move(title)};
  if (run.returned(ExitCode::kErrUnimplemented)) {
    const bool advertised = session.metadata().advertises(run.action());
    check.verdict = advertised ? Verdict::kFail : Verdict::kSkip;
    check.detail = advertised ? "advertised in the meta-data, but returns OCF_ERR_UNIMPLEMENTED"
                              : "not implemented (optional)";
  } else if (expected && !run.returned(*expected)) {
    check.verdict = Verdict::kFail;
    check.detail = describe_run(run);
  } else if (!expected) {
    check.detail = "implemented: returned " + describe_outcome(run);
  }
  check.runs.push_back(std::move(run));
  session.record(std::move(check));
}

/// ocf-tester's promotion sequence, for agents that implement both promote and demote.
void check_promotion_sequence(CheckSession& session) {
  constexpr auto kSuccess = ExitCode::kSuccess;
  session.expect_action("demote of a started resource returns OCF_SUCCESS", "demote", {kSuccess});
  session.expect_action("promote returns OCF_SUCCESS", "promote", {kSuccess});
  session.require_action("demote of a promoted resource returns OCF_SUCCESS", "demote", {kSuccess});
  session.expect_action("demote of a demoted resource returns OCF_SUCCESS", "demote", {kSuccess});
  session.require_action("promote of a demoted resource returns OCF_SUCCESS", "promote",
                         {kSuccess});
  session.expect_action("promote of a promoted resource returns OCF_SUCCESS", "promote",
                        {kSuccess});
  session.require_action("demote after two promotes returns OCF_SUCCESS", "demote", {kSuccess});
}

}  // namespace

void check_monitor_depths(CheckSession& session) {
  std::set<int> depths = session.metadata().monitor_depths();
  depths.erase(0);  // the plain monitor, checked already
  if (depths.empty()) {
    session.record({.verdict = Verdict::kSkip,
                    .title = "monitor at each advertised OCF_CHECK_LEVEL returns OCF_SUCCESS",
                    .detail = "the meta-data advertises no monitor depth beyond 0"});
    return;
  }
  for (int depth : depths) {
    session.expect(cat("monitor at OCF_CHECK_LEVEL=", depth, " returns OCF_SUCCESS while started"),
                   session.run(session.operation("monitor", depth)), {ExitCode::kSuccess});
  }
}

void check_reload_agent(CheckSession& session) {
  const std::string title = "reload-agent returns OCF_SUCCESS while started";
  if (!session.metadata().advertises("reload-agent")) {
    session.record({.verdict = Verdict::kSkip,
                    .title = title,
                    .detail = "the meta-data does not advertise reload-agent"});
    return;
  }
  session.expect_action(title, "reload-agent", {ExitCode::kSuccess});
}

void check_notify(CheckSession& session) {
  // What Pacemaker passes after this instance started on this node.
  Invocation notify = session.operation("notify");
  const std::string prefix = "OCF_RESKEY_CRM_meta_notify";
  notify.extra_env = {{prefix, "true"},
                      {prefix + "_type", "post"},
                      {prefix + "_operation", "start"},
                      {prefix + "_start_resource", session.target().instance},
                      {prefix + "_start_uname", host_name()}};
  check_optional(session, "notify returns OCF_SUCCESS", session.run(notify), ExitCode::kSuccess);
}

void check_promotion(CheckSession& session) {
  CheckResult support{.title = "promote and demote: both implemented, or neither (optional)"};
  support.runs.push_back(session.run(session.operation("demote")));
  support.runs.push_back(session.run(session.operation("promote")));
  const bool has_demote = !support.runs[0].returned(ExitCode::kErrUnimplemented);
  const bool has_promote = !support.runs[1].returned(ExitCode::kErrUnimplemented);
  const bool advertised =
      session.metadata().advertises("promote") || session.metadata().advertises("demote");

  if (has_demote != has_promote) {
    support.verdict = Verdict::kFail;
    support.detail = cat("only ", has_promote ? "promote" : "demote",
                         " is implemented: the agent partially supports promotable clones");
  } else if (!has_demote) {
    support.verdict = advertised ? Verdict::kFail : Verdict::kSkip;
    support.detail = advertised ? "advertised in the meta-data, but neither is implemented"
                                : "neither is implemented";
  }
  session.record(std::move(support));
  if (has_demote && has_promote) check_promotion_sequence(session);
}

void check_migration(CheckSession& session) {
  Invocation migrate_to = session.operation("migrate_to");
  migrate_to.extra_env = {{"OCF_RESKEY_CRM_meta_migrate_source", host_name()},
                          {"OCF_RESKEY_CRM_meta_migrate_target", host_name()}};
  AgentRun to = session.run(migrate_to);
  const bool supported = !to.returned(ExitCode::kErrUnimplemented);
  check_optional(session, "migrate_to (checked for support only, as ocf-tester)", std::move(to),
                 std::nullopt);
  if (!supported) return;
  Invocation migrate_from = session.operation("migrate_from");
  migrate_from.extra_env = migrate_to.extra_env;
  check_optional(session, "migrate_from (checked for support only, as ocf-tester)",
                 session.run(migrate_from), std::nullopt);
}

void check_reload(CheckSession& session) {
  check_optional(session, "reload (checked for support only, as ocf-tester)",
                 session.run(session.operation("reload")), std::nullopt);
}

}  // namespace hakit::cli
