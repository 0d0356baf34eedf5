// The list-valued parameters of the iSCSI agents: space-separated words
// (allowed_initiators, iser_portals), "name=value" pairs (additional_parameters) and
// portals ("address[:port]").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit::iscsi {

struct NameValue {
  std::string name;
  std::string value;
  bool operator==(const NameValue&) const = default;
};

/// "a=1 b=2" as pairs. Throws Error(kErrConfigured) naming `parameter` for a word without
/// '=' or with an empty name, or one with a comma (the tools' own list separator).
std::vector<NameValue> parse_name_values(std::string_view text, std::string_view parameter);

struct Portal {
  std::string address;  ///< as given, without brackets: "0.0.0.0", "::", "192.0.2.1"
  int port = 3260;
  bool operator==(const Portal&) const = default;
};

/// "0.0.0.0:3260 [::]:3260 192.0.2.1" as portals (3260 when no port is given). Throws
/// Error(kErrConfigured) naming `parameter` for a malformed entry.
std::vector<Portal> parse_portals(std::string_view text, std::string_view parameter);

}  // namespace hakit::iscsi
