// Running external programs: argv only (never a shell), a controlled
// environment, bounded output capture, and a deadline after which the whole
// process group is killed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exec/deadline.h"

namespace hakit::exec {

struct Command {
  /// argv[0] is looked up in the safe PATH unless it contains a '/'.
  std::vector<std::string> argv{};
  /// Added to the minimal environment (PATH, LC_ALL=C, HOME, OCF_*/HA_* of the agent).
  std::map<std::string, std::string> env{};
  /// Written to the child's stdin, then stdin is closed. Secrets travel here, never in argv.
  std::string input{};
  /// Child's working directory; empty keeps the caller's.
  std::string cwd{};
  /// Capture limit for each of stdout and stderr; the rest is drained and dropped.
  size_t max_output = 1 << 20;
  /// Secrets that a tool takes only in argv (no stdin, file or environment for it):
  /// whatever logs the command (the observer) writes "***" in their place.
  std::vector<std::string> secrets{};
};

struct Result {
  int exit_status = -1;  ///< exit code if the child exited normally, else -1
  int signal = 0;        ///< terminating signal, 0 if it exited normally
  bool timed_out = false;
  std::string out;
  std::string err;

  bool ok() const { return exit_status == 0; }
  /// "exit 3", "killed by signal 9", "timed out": for log lines and exit reasons.
  std::string describe() const;
  /// The first non-empty line of stderr (else stdout), trimmed: what to quote in a reason.
  std::string first_error_line() const;
};

/// Runs `cmd` to completion or until `deadline`, when the child's process group is
/// killed (TERM, then KILL after a short grace). Throws std::system_error only when the
/// process cannot be created at all; a missing program gives exit_status 127.
Result run(const Command& cmd, const Deadline& deadline);

/// Full path of `program` in the safe PATH, or nullopt. Honours
/// OCF_TESTER_FAIL_HAVE_BINARY (always "missing"), as ocf-shellfuncs' have_binary does.
std::optional<std::string> find_program(const std::string& program);

/// The PATH children get: the system directories, nothing from the caller.
const char* safe_path();

/// Called after every run() with what ran, how it ended and how long it took: the OCF
/// runtime logs it at debug level (and into trace_ra files) to explain slow actions.
using Observer = void (*)(const Command& cmd, const Result& result, Millis elapsed);
void set_observer(Observer observer);

}  // namespace hakit::exec
