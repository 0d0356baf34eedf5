// What one probe of host_list amounts to: the score written to the node attribute, and
// which hosts were unreachable and why, for the log and for exit reasons.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "net/host_list.h"
#include "net/reachability.h"

namespace hakit::net {

struct UnreachableHost {
  std::string host;  ///< as written in host_list
  std::string problem;
};

struct Connectivity {
  size_t hosts = 0;
  size_t reachable = 0;
  std::vector<UnreachableHost> unreachable;

  /// `results` holds one entry per host, in host_list order (as probe() returns them).
  static Connectivity of(const std::vector<Host>& hosts,
                         const std::vector<HostReachability>& results);
  /// The unreachable hosts' names, in host_list order.
  std::vector<std::string> unreachable_names() const;
  /// "10.0.0.3 (no reply to 3 echo requests), gw (name lookup timed out)"; "" when none.
  std::string describe_unreachable() const;
};

/// The attribute's value: reachable hosts × multiplier (ocf:pacemaker:ping's arithmetic).
long long connectivity_score(size_t reachable, long long multiplier);
/// Whether `multiplier` keeps every possible score of `hosts` hosts within a long long.
bool score_fits(size_t hosts, long long multiplier);
/// Monitor fails when failure_score is set and the score is below it (never otherwise).
bool below_failure_score(long long score, std::optional<long long> failure_score);

}  // namespace hakit::net
