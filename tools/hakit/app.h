// The `hakit` command line: subcommands to list, describe, run and check OCF agents.
#pragma once

namespace hakit::cli {

/// Exit status when hakit itself was used wrongly (unknown agent, bad option): EX_USAGE, so
/// that it cannot be mistaken for an agent's OCF code.
inline constexpr int kUsageExitStatus = 64;
/// Exit status when hakit failed for another reason (cannot start a process): EX_SOFTWARE.
inline constexpr int kInternalErrorExitStatus = 70;

/// Parses the command line, runs the chosen subcommand and returns the exit status. The one
/// place where hakit's own errors become messages.
int run_cli(int argc, char** argv);

}  // namespace hakit::cli
