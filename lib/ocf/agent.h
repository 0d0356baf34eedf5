// The action dispatcher. An agent executable is a thin main():
//
//   int main(int argc, char** argv) {
//     return hakit::ocf::run_agent<hakit::storage::FilesystemAgent>(
//         hakit::metadata::Filesystem, argc, argv);
//   }
//
// run_agent answers meta-data without touching parameters, parses and checks the
// parameters for every other action, takes the per-resource lock, derives the
// deadline from CRM_meta_timeout, calls the agent, and turns an ocf::Error into an
// exit reason and exit code. An action the meta-data does not advertise exits with
// OCF_ERR_UNIMPLEMENTED.
#pragma once

#include <memory>
#include <string>

#include "exec/deadline.h"
#include "ocf/environment.h"
#include "ocf/exit_code.h"
#include "ocf/metadata.h"
#include "ocf/parameters.h"

namespace hakit::ocf {

/// What an action gets to work with.
struct Context {
  const Environment& env;
  const Parameters& params;
  std::string action;       ///< as given on the command line ("monitor", "reload-agent", ...)
  exec::Deadline deadline;  ///< when this action must have finished, with a safety margin
};

/// Base of every resource agent. Each action returns its OCF code or throws ocf::Error.
/// Actions a concrete agent does not override are unimplemented.
class Agent {
 public:
  virtual ~Agent() = default;

  /// Checks the configuration. OCF_CHECK_LEVEL 0: syntax only; 10: also this node's
  /// environment (binaries, devices). Throws Error(kErrConfigured / kErrInstalled / ...).
  virtual void validate(const Context& ctx);

  virtual ExitCode start(const Context& ctx) = 0;
  virtual ExitCode stop(const Context& ctx) = 0;
  virtual ExitCode monitor(const Context& ctx) = 0;
  virtual ExitCode promote(const Context& ctx);
  virtual ExitCode demote(const Context& ctx);
  virtual ExitCode notify(const Context& ctx);
  virtual ExitCode migrate_to(const Context& ctx);
  virtual ExitCode migrate_from(const Context& ctx);
  virtual ExitCode reload(const Context& ctx);
  virtual ExitCode reload_agent(const Context& ctx);
};

/// Runs one OCF action (argv[1]) of `agent` and returns the exit code for main().
int dispatch(Agent& agent, const AgentMetadata& metadata, int argc, char** argv);

template <typename AgentType>
int run_agent(const AgentMetadata& metadata, int argc, char** argv) {
  AgentType agent;
  return dispatch(agent, metadata, argc, argv);
}

}  // namespace hakit::ocf
