#include "hakit/app.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "hakit/commands.h"
#include "hakit/error.h"

namespace hakit::cli {

int run_cli(int argc, char** argv) {
  CLI::App app("Runs and checks OCF resource agents (hakit's or any other, by path).", "hakit");
  app.require_subcommand(1);
  app.footer(
      "Agents are looked up in $HAKIT_AGENT_DIR, else in the directory hakit installs them in.\n"
      "Exit status: `run` and `meta-data` exit with the agent's code, `check` with 0 when all\n"
      "checks passed and 1 otherwise, and any subcommand with 64 when used wrongly.");
  int exit_status = 0;
  add_list_command(app, exit_status);
  add_meta_data_command(app, exit_status);
  add_run_command(app, exit_status);
  add_check_command(app, exit_status);
  try {
    app.parse(argc, argv);
    return exit_status;
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : kUsageExitStatus;
  } catch (const Error& error) {
    std::cerr << "hakit: " << error.what() << '\n';
    return kUsageExitStatus;
  } catch (const std::exception& error) {
    std::cerr << "hakit: " << error.what() << '\n';
    return kInternalErrorExitStatus;
  }
}

}  // namespace hakit::cli
