#include <iostream>

#include "hakit/agent_options.h"
#include "hakit/commands.h"
#include "hakit/error.h"
#include "ocf/environment.h"

namespace hakit::cli {
namespace {

struct RunOptions {
  AgentOptions agent;
  std::string action;
  int check_level = 0;
  std::string timeout = "20s";
};

int run_action(const RunOptions& options) {
  Invocation invocation{.action = options.action, .check_level = options.check_level};
  const auto timeout = ocf::parse_duration(options.timeout);
  if (!timeout || timeout->count() <= 0) {
    throw Error("--timeout takes a duration such as 20s or 500ms, not \"" + options.timeout + "\"");
  }
  invocation.timeout = *timeout;

  const AgentRun run = run_agent(options.agent.target(), invocation);
  forward_output(run);
  std::cerr << run.action() << ": " << describe_outcome(run) << '\n';
  if (run.exit_reason) std::cerr << "exit reason: " << *run.exit_reason << '\n';
  return passed_on_status(run);
}

}  // namespace

void forward_output(const AgentRun& run) {
  std::cout << run.result.out << std::flush;
  std::cerr << run.result.err << std::flush;
}

int passed_on_status(const AgentRun& run) {
  const bool exited = !run.result.timed_out && run.result.signal == 0;
  return exited ? run.result.exit_status : static_cast<int>(ocf::ExitCode::kErrGeneric);
}

void add_run_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand(
      "run", "Run one action of an agent with the OCF environment Pacemaker would give it");
  options->agent.add_to(*command);
  command->add_option("action", options->action, "start, stop, monitor, validate-all, ...")
      ->required();
  command->add_option("--check-level", options->check_level, "OCF_CHECK_LEVEL (default 0)");
  command
      ->add_option("--timeout", options->timeout,
                   "Operation timeout, e.g. 20s or 500ms; the agent is killed after it")
      ->capture_default_str();
  command->callback([options, &exit_status] { exit_status = run_action(*options); });
}

}  // namespace hakit::cli
