#include <iostream>
#include <memory>

#include "hakit/agent_options.h"
#include "hakit/commands.h"
#include "hakit/conformance.h"

namespace hakit::cli {
namespace {

struct CheckOptions {
  AgentOptions agent;
  bool json = false;
};

int check_agent(const CheckOptions& options) {
  const AgentTarget target = options.agent.target();
  CheckObserver print_as_made;
  if (!options.json) {
    std::cout << "Checking " << target.path << " as resource " << target.instance
              << " (it is started and stopped)\n";
    print_as_made = [](const CheckResult& check) {
      std::cout << format_check(check) << std::flush;
    };
  }
  const Report report = run_conformance(target, print_as_made);
  std::cout << (options.json ? format_json(report) : format_summary(report));
  return report.passed() ? 0 : 1;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check",
      "Check an agent's OCF conformance: everything ocf-tester checks, and more. The resource "
      "is really started, restarted and stopped");
  options->agent.add_to(*command);
  command->add_flag("--json", options->json, "Print a machine-readable report instead");
  command->callback([options, &exit_status] { exit_status = check_agent(*options); });
}

}  // namespace hakit::cli
