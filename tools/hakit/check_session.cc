#include "hakit/check_session.h"

#include "util/strings.h"

namespace hakit::cli {
namespace {

// ocf-tester's values, used when the meta-data advertises none.
constexpr exec::Millis kDefaultTimeout{20000};
constexpr exec::Millis kDefaultMonitorInterval{10000};

}  // namespace

CheckSession::CheckSession(AgentTarget target, CheckObserver observer)
    : target_(std::move(target)), observer_(std::move(observer)) {
  report_.agent = target_.path;
  report_.instance = target_.instance;
}

Invocation CheckSession::operation(const std::string& action, int check_level) const {
  Invocation invocation{.action = action, .check_level = check_level};
  const ActionInfo* advertised = metadata_.action(action, check_level);
  invocation.timeout = advertised && advertised->timeout ? *advertised->timeout : kDefaultTimeout;
  if (action == "monitor") {
    const bool has_interval = advertised && advertised->interval.count() > 0;
    invocation.interval = has_interval ? advertised->interval : kDefaultMonitorInterval;
  }
  return invocation;
}

Invocation CheckSession::probe() const {
  Invocation invocation = operation("monitor");
  invocation.interval = exec::Millis(0);
  return invocation;
}

void CheckSession::record(CheckResult check) {
  if (observer_) observer_(check);
  report_.checks.push_back(std::move(check));
}

bool CheckSession::expect(std::string title, AgentRun run,
                          std::initializer_list<ocf::ExitCode> expected) {
  bool matched = false;
  for (ocf::ExitCode code : expected) matched = matched || run.returned(code);
  CheckResult check{.verdict = matched ? Verdict::kPass : Verdict::kFail,
                    .title = std::move(title)};
  if (!matched) check.detail = describe_run(run) + ", expected " + describe_codes(expected);
  check.runs.push_back(std::move(run));
  record(std::move(check));
  return matched;
}

bool CheckSession::expect_action(std::string title, const std::string& action,
                                 std::initializer_list<ocf::ExitCode> expected) {
  return expect(std::move(title), run(operation(action)), expected);
}

void CheckSession::require_action(std::string title, const std::string& action,
                                  std::initializer_list<ocf::ExitCode> expected) {
  if (!expect_action(std::move(title), action, expected)) throw LifecycleAborted{};
}

std::string describe_run(const AgentRun& run) {
  std::string detail = "returned " + describe_outcome(run);
  if (run.exit_reason) detail += ", exit reason: " + *run.exit_reason;
  const std::string error_line = run.result.first_error_line();
  if (!run.exit_reason && !error_line.empty()) detail += "\nstderr: " + error_line;
  return detail;
}

std::string describe_codes(std::initializer_list<ocf::ExitCode> codes) {
  std::string text;
  for (ocf::ExitCode code : codes) {
    text += (text.empty() ? "" : " or ") + std::string(ocf::exit_code_name(code));
  }
  return text;
}

}  // namespace hakit::cli
