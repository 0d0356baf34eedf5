#include "hakit/agent_locator.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "hakit/error.h"

namespace hakit::cli {
namespace {

bool is_executable_file(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string agent_directory() {
  const char* override_dir = std::getenv("HAKIT_AGENT_DIR");
  return override_dir != nullptr && *override_dir != '\0' ? override_dir
                                                          : HAKIT_INSTALLED_AGENT_DIR;
}

std::string resolve_agent(const std::string& agent) {
  const bool is_path = agent.find('/') != std::string::npos;
  const std::string path = is_path ? agent : agent_directory() + "/" + agent;
  if (!is_executable_file(path)) {
    throw Error(is_path ? "no executable agent at " + path
                        : "no agent " + agent + " in " + agent_directory() +
                              " (set HAKIT_AGENT_DIR, or give a path)");
  }
  return path;
}

std::vector<std::string> list_agents(const std::string& directory) {
  std::error_code error;
  std::filesystem::directory_iterator entries(directory, error);
  if (error) throw Error("cannot list agents in " + directory + ": " + error.message());
  std::vector<std::string> names;
  for (const auto& entry : entries) {
    if (is_executable_file(entry.path())) names.push_back(entry.path().filename());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace hakit::cli
