// The term_signals and kill_signals parameters: signal names or numbers separated by
// spaces ("TERM", "SIGTERM HUP", "15 9").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit::storage {

/// Parses a signal list. Throws ocf::Error(kErrConfigured) naming `parameter` when an
/// entry is not a signal, or when the list is empty.
std::vector<int> parse_signal_list(std::string_view text, std::string_view parameter);

/// "TERM" for 15; the number for signals without a name.
std::string signal_name(int signal);

}  // namespace hakit::storage
