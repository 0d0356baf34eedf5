// Pinging every host at once from this process: one ICMP and one ICMPv6 socket, all
// requests sent together, replies collected with poll(). No ping or fping process.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "exec/deadline.h"
#include "net/echo_socket.h"
#include "net/resolver.h"

namespace hakit::net {

struct ProbeSettings {
  /// Echo requests per host before it counts as unreachable.
  int attempts = 3;
  /// How long each request waits for its reply.
  exec::Millis timeout{2000};
  SocketKind socket_kind = SocketKind::kAny;
  SourceBinding source{};
};

struct HostReachability {
  bool reachable = false;
  std::chrono::microseconds round_trip{0};  ///< of the first reply, when reachable
  std::string problem;                      ///< why not: "no reply to 3 echo requests", ...
};

/// Pings the resolved hosts in rounds: each round sends one request to every host that
/// has not answered yet, timeout/attempts after the previous one; a reply counts until
/// `timeout` after the last round. So it ends as soon as every host answered, and after
/// at most timeout × (2 - 1/attempts) (never more than attempts × timeout), or at
/// `deadline` if that comes first. Hosts without an address are unreachable with their
/// resolution error. Throws ocf::Error(kErrPerm) when no ICMP socket may be opened.
std::vector<HostReachability> probe(const std::vector<Resolution>& hosts,
                                    const ProbeSettings& settings, const exec::Deadline& deadline);

}  // namespace hakit::net
