// The subcommands of `hakit`, one file each. Each adds itself to the app; when it
// is the one chosen, it stores the process exit status in `exit_status`.
#pragma once

#include <CLI/CLI.hpp>

#include "hakit/agent_runner.h"

namespace hakit::cli {

void add_list_command(CLI::App& app, int& exit_status);
void add_meta_data_command(CLI::App& app, int& exit_status);
void add_run_command(CLI::App& app, int& exit_status);
void add_check_command(CLI::App& app, int& exit_status);

/// Writes what the agent printed to hakit's own stdout and stderr.
void forward_output(const AgentRun& run);
/// The exit status hakit passes on for `run`: the agent's, or OCF_ERR_GENERIC when it was
/// killed (Pacemaker counts a timeout as a failure too).
int passed_on_status(const AgentRun& run);

}  // namespace hakit::cli
