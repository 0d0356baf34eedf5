#include "hakit/conformance_steps.h"
#include "util/strings.h"

namespace hakit::cli {
namespace {

using ocf::ExitCode;

/// validate-all must reject the configuration without its required parameters, and say why:
/// Pacemaker shows the exit reason to the administrator who has to fix it.
void check_missing_required(CheckSession& session) {
  const std::string title =
      "validate-all without the required parameters returns OCF_ERR_CONFIGURED with an exit "
      "reason";
  const std::vector<std::string> required = session.metadata().required_parameters();
  if (required.empty()) {
    session.record({.verdict = Verdict::kSkip,
                    .title = title,
                    .detail = "the meta-data declares no required parameter"});
    return;
  }
  AgentTarget incomplete = session.target();
  for (const std::string& name : required) incomplete.params.erase(name);
  AgentRun run = run_agent(incomplete, session.operation("validate-all"));

  CheckResult check{.title = title};
  if (!run.returned(ExitCode::kErrConfigured) || !run.exit_reason) {
    check.verdict = Verdict::kFail;
    check.detail = cat("without ", join(required, ", "), ": ", describe_run(run));
  }
  check.runs.push_back(std::move(run));
  session.record(std::move(check));
}

}  // namespace

bool check_configuration(CheckSession& session) {
  AgentRun run = session.run(session.operation("validate-all"));
  const std::string title = "validate-all returns OCF_SUCCESS";
  if (run.returned(ExitCode::kErrUnimplemented)) {
    // ocf-tester counts a missing validate-all as a failure, but goes on.
    session.record({.verdict = Verdict::kFail,
                    .title = title,
                    .detail = "validate-all is not implemented",
                    .runs = {std::move(run)}});
  } else if (!session.expect(title, std::move(run), {ExitCode::kSuccess})) {
    return false;
  }
  check_missing_required(session);
  return true;
}

}  // namespace hakit::cli
