// Turning host_list entries into addresses within an action's deadline. Numeric entries
// need no lookup; names are looked up in parallel, each in its own thread, so that a
// slow or dead DNS server costs at most the deadline, not a lookup timeout per name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exec/deadline.h"
#include "net/host_list.h"
#include "net/ip_address.h"

namespace hakit::net {

/// The address to ping for one host, or why there is none.
struct Resolution {
  std::optional<IpAddress> address;
  std::string error;  ///< "name lookup failed: ...", "name lookup timed out"
};

/// Looks up one name, blocking; may take as long as it likes.
using NameLookup = Resolution (*)(const std::string& name);

/// getaddrinfo: the first address it prefers (IPv6 or IPv4, per /etc/gai.conf).
Resolution look_up_name(const std::string& name);

/// One Resolution per host, in order. Lookups still running at `deadline` are abandoned
/// (their threads are detached and finish on their own). `look_up` is for tests.
std::vector<Resolution> resolve(const std::vector<Host>& hosts, const exec::Deadline& deadline,
                                NameLookup look_up = look_up_name);

}  // namespace hakit::net
