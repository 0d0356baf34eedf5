// Where agents are: an AGENT argument is a name in the agent directory, or a path
// to any OCF agent (so that hakit also runs ocf:heartbeat agents).
#pragma once

#include <string>
#include <vector>

namespace hakit::cli {

/// $HAKIT_AGENT_DIR when set, else the directory hakit's agents are installed in.
std::string agent_directory();

/// The executable for AGENT: `agent` itself when it contains a '/', else
/// agent_directory()/agent. Throws cli::Error when it is not an executable file.
std::string resolve_agent(const std::string& agent);

/// Names of the executable regular files in `directory`, sorted. Throws cli::Error when
/// the directory cannot be read.
std::vector<std::string> list_agents(const std::string& directory);

}  // namespace hakit::cli
