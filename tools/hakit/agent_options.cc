#include "hakit/agent_options.h"

#include <cstdlib>

#include "hakit/agent_locator.h"
#include "hakit/error.h"

namespace hakit::cli {

std::pair<std::string, std::string> parse_parameter(std::string_view assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    throw Error("a parameter is name=value, not \"" + std::string(assignment) + "\"");
  }
  return {std::string(assignment.substr(0, equals)), std::string(assignment.substr(equals + 1))};
}

void AgentOptions::add_to(CLI::App& command) {
  command.add_option("agent", agent, "Agent name (in the agent directory) or path")->required();
  command.add_option("-p,--param", parameters, "Instance parameter name=value (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--instance", instance, "OCF_RESOURCE_INSTANCE (default: hakit-<agent name>)");
}

AgentTarget AgentOptions::target() const {
  AgentTarget target{.path = resolve_agent(agent)};
  target.instance = instance.empty() ? "hakit-" + resource_type(target.path) : instance;
  for (const std::string& assignment : parameters) {
    auto [name, value] = parse_parameter(assignment);
    target.params[name] = value;
  }
  if (const char* ocf_root = std::getenv("OCF_ROOT"); ocf_root != nullptr && *ocf_root != '\0') {
    target.ocf_root = ocf_root;
  }
  return target;
}

}  // namespace hakit::cli
