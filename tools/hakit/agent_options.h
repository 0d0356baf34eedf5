// The options `hakit run` and `hakit check` share: which agent, its parameters
// (-p name=value) and the resource instance name.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hakit/agent_runner.h"

namespace hakit::cli {

/// Splits "name=value" at the first '='. Throws cli::Error when there is no '=' or no name.
std::pair<std::string, std::string> parse_parameter(std::string_view assignment);

struct AgentOptions {
  std::string agent;
  std::vector<std::string> parameters;  ///< "name=value", as given
  std::string instance;

  /// Adds the AGENT argument, -p/--param and --instance to `command`.
  void add_to(CLI::App& command);
  /// The resource these options describe. The instance defaults to "hakit-<agent name>",
  /// OCF_ROOT to $OCF_ROOT or /usr/lib/ocf. Throws cli::Error for an unknown agent or a
  /// malformed parameter.
  AgentTarget target() const;
};

}  // namespace hakit::cli
