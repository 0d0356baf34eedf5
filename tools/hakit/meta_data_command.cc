#include <iostream>
#include <memory>

#include "hakit/agent_locator.h"
#include "hakit/commands.h"

namespace hakit::cli {

void add_meta_data_command(CLI::App& app, int& exit_status) {
  auto agent = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("meta-data", "Print an agent's meta-data XML");
  command->add_option("agent", *agent, "Agent name (in the agent directory) or path")->required();
  command->callback([agent, &exit_status] {
    const AgentTarget target{.path = resolve_agent(*agent), .instance = "hakit-meta-data"};
    const AgentRun run = run_agent(target, {.action = "meta-data"});
    forward_output(run);
    if (!run.returned(ocf::ExitCode::kSuccess)) {
      std::cerr << "meta-data: " << describe_outcome(run) << '\n';
    }
    exit_status = passed_on_status(run);
  });
}

}  // namespace hakit::cli
