// Reading the process table from /proc without spawning ps or pgrep: the monitors that ask
// "is that daemon (or that guest's qemu) still there?" stay cheap. Every function takes the
// directory so that tests can hand it a fabricated tree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit {

/// The entries of `dir` whose names are decimal numbers: the PIDs in /proc, the fds in
/// /proc/PID/fd. Empty when `dir` cannot be read.
std::vector<unsigned> numeric_entries(const std::string& dir);

/// The state letter of a /proc/PID/stat line ('Z' for a zombie, which has exited and only
/// waits for its parent), read after the last ')' since the command name may hold any
/// character; '?' when the line is not of that shape.
char process_state(std::string_view stat);

}  // namespace hakit
