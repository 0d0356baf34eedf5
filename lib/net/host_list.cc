#include "net/host_list.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

#include "net/ip_address.h"
#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::net {
namespace {

constexpr size_t kMaxNameLength = 253;
constexpr size_t kMaxLabelLength = 63;

[[noreturn]] void reject(std::string_view entry, std::string_view why) {
  throw ocf::Error(ocf::ExitCode::kErrConfigured,
                   cat("host_list entry '", entry, "' ", why,
                       "; write IPv4 or IPv6 addresses or host names, separated by spaces"));
}

bool looks_numeric(std::string_view entry) {
  return std::all_of(entry.begin(), entry.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
}

/// RFC 1123 labels (letters, digits, inner hyphens; underscores, as found in real zones),
/// with an optional trailing dot.
bool valid_name(std::string_view name) {
  if (name.ends_with('.')) name.remove_suffix(1);
  if (name.empty() || name.size() > kMaxNameLength) return false;
  for (const std::string& label : split(name, ".")) {
    if (label.size() > kMaxLabelLength || label.front() == '-' || label.back() == '-') {
      return false;
    }
    const bool allowed = std::all_of(label.begin(), label.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
    if (!allowed) return false;
  }
  return name.find("..") == std::string_view::npos && !name.starts_with('.');
}

Host classify(const std::string& entry) {
  if (entry.find(':') != std::string::npos) {
    const auto address = IpAddress::parse(entry);
    if (!address || address->family() != AF_INET6) reject(entry, "is not a valid IPv6 address");
    return {entry, HostKind::kIpv6};
  }
  if (looks_numeric(entry)) {
    in_addr ignored{};
    // Strict dotted quad: inet_aton would also take "10.1" or "167772161".
    if (::inet_pton(AF_INET, entry.c_str(), &ignored) != 1) {
      reject(entry, "is not a valid IPv4 address");
    }
    return {entry, HostKind::kIpv4};
  }
  if (!valid_name(entry)) reject(entry, "is not a valid host name");
  return {entry, HostKind::kName};
}

}  // namespace

std::vector<Host> parse_host_list(std::string_view list) {
  std::vector<Host> hosts;
  for (const std::string& entry : split(list, " \t\r\n,")) hosts.push_back(classify(entry));
  if (hosts.empty()) {
    throw ocf::Error(ocf::ExitCode::kErrConfigured,
                     "host_list is empty; list the hosts to ping, e.g. the default gateway");
  }
  return hosts;
}

}  // namespace hakit::net
