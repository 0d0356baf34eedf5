// Which PDU outlets feed a node. A node is named by its outlet's name on the PDU, or by an
// outlet_config file (cluster-glue rackpdu's "node=outlet" lines), and matched exactly:
// node1 never matches node10 (the shell plugin's grep did). A node fed by two power
// supplies has two outlets of the same name, or two lines, and gets both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::fence {

struct Outlet {
  unsigned long number = 0;  ///< 1-based, as the PDU numbers them
  std::string name;
};

/// Parses outlet_config text: "node=outlet" per line, blanks around either side ignored,
/// blank lines and '#' comments skipped. Throws Error(kBadConfig) naming `source` and the
/// line for anything else.
std::vector<Outlet> parse_outlet_config(std::string_view text, std::string_view source);

/// Reads and parses the outlet_config file at `path` (Error(kBadConfig) when unreadable).
std::vector<Outlet> read_outlet_config(const std::string& path);

/// The numbers of the outlets named exactly `name`, in order.
std::vector<unsigned long> outlets_named(const std::vector<Outlet>& outlets, std::string_view name);

/// A plug given as an outlet number ("7"); nullopt when it is not a positive decimal number.
std::optional<unsigned long> outlet_number(std::string_view plug);

}  // namespace hakit::fence
