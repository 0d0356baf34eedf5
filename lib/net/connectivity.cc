#include "net/connectivity.h"

#include "util/strings.h"

namespace hakit::net {

Connectivity Connectivity::of(const std::vector<Host>& hosts,
                              const std::vector<HostReachability>& results) {
  Connectivity connectivity;
  connectivity.hosts = hosts.size();
  for (size_t i = 0; i < hosts.size() && i < results.size(); ++i) {
    if (results[i].reachable) {
      ++connectivity.reachable;
    } else {
      connectivity.unreachable.push_back({hosts[i].text, results[i].problem});
    }
  }
  return connectivity;
}

std::vector<std::string> Connectivity::unreachable_names() const {
  std::vector<std::string> names;
  for (const auto& host : unreachable) names.push_back(host.host);
  return names;
}

std::string Connectivity::describe_unreachable() const {
  std::vector<std::string> parts;
  for (const auto& host : unreachable) parts.push_back(cat(host.host, " (", host.problem, ")"));
  return join(parts, ", ");
}

long long connectivity_score(size_t reachable, long long multiplier) {
  return static_cast<long long>(reachable) * multiplier;
}

bool score_fits(size_t hosts, long long multiplier) {
  long long product = 0;
  return !__builtin_mul_overflow(static_cast<long long>(hosts), multiplier, &product);
}

bool below_failure_score(long long score, std::optional<long long> failure_score) {
  return failure_score && score < *failure_score;
}

}  // namespace hakit::net
