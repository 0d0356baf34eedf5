// The ping targets of host_list: IPv4 and IPv6 addresses and host names, checked for
// syntax only (names are resolved when they are pinged, since DNS may come and go).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit::net {

enum class HostKind { kIpv4, kIpv6, kName };

struct Host {
  std::string text;  ///< as written in host_list
  HostKind kind = HostKind::kName;

  bool operator==(const Host&) const = default;
};

/// Splits `list` on whitespace and commas and classifies each entry. Throws
/// ocf::Error(kErrConfigured) naming the first bad entry (a malformed address, or a
/// name that is not a valid DNS name), or when the list is empty.
std::vector<Host> parse_host_list(std::string_view list);

}  // namespace hakit::net
