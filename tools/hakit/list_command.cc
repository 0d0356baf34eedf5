#include <algorithm>
#include <iostream>

#include "hakit/agent_locator.h"
#include "hakit/commands.h"
#include "hakit/error.h"
#include "hakit/metadata_reader.h"

namespace hakit::cli {
namespace {

/// The agent's shortdesc, or what went wrong getting it.
std::string describe_agent(const std::string& path) {
  const AgentRun run = run_agent({.path = path, .instance = "hakit-list"}, {.action = "meta-data"});
  if (!run.returned(ocf::ExitCode::kSuccess)) return "(meta-data " + describe_outcome(run) + ")";
  try {
    return read_metadata(run.result.out).shortdesc;
  } catch (const Error& unreadable) {
    return std::string("(meta-data unreadable: ") + unreadable.what() + ")";
  }
}

int list_installed_agents() {
  const std::string directory = agent_directory();
  const std::vector<std::string> names = list_agents(directory);
  size_t width = 0;
  for (const std::string& name : names) width = std::max(width, name.size());
  for (const std::string& name : names) {
    std::cout << name << std::string(width - name.size() + 2, ' ')
              << describe_agent(directory + "/" + name) << '\n';
  }
  return 0;
}

}  // namespace

void add_list_command(CLI::App& app, int& exit_status) {
  app.add_subcommand("list", "List the agents in the agent directory, with their descriptions")
      ->callback([&exit_status] { exit_status = list_installed_agents(); });
}

}  // namespace hakit::cli
