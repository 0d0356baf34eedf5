#include "net/reachability.h"

#include <poll.h>
#include <sys/random.h>

#include <algorithm>
#include <cstring>

#include "util/strings.h"

namespace hakit::net {
namespace {

using exec::Clock;

/// What each request carries, echoed back in its reply: a per-probe random cookie (a raw
/// socket also sees replies to other processes), the host's index and the send time.
struct Payload {
  uint64_t cookie = 0;
  uint32_t host = 0;
  int64_t sent_ns = 0;

  std::vector<uint8_t> bytes() const {
    std::vector<uint8_t> out(sizeof cookie + sizeof host + sizeof sent_ns);
    std::memcpy(out.data(), &cookie, sizeof cookie);
    std::memcpy(out.data() + sizeof cookie, &host, sizeof host);
    std::memcpy(out.data() + sizeof cookie + sizeof host, &sent_ns, sizeof sent_ns);
    return out;
  }
  static std::optional<Payload> from(const std::vector<uint8_t>& in) {
    Payload payload;
    if (in.size() != sizeof cookie + sizeof host + sizeof sent_ns) return std::nullopt;
    std::memcpy(&payload.cookie, in.data(), sizeof cookie);
    std::memcpy(&payload.host, in.data() + sizeof cookie, sizeof host);
    std::memcpy(&payload.sent_ns, in.data() + sizeof cookie + sizeof host, sizeof sent_ns);
    return payload;
  }
};

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

uint64_t random_cookie() {
  uint64_t cookie = 0;
  if (::getrandom(&cookie, sizeof cookie, 0) != sizeof cookie) cookie = uint64_t(now_ns());
  return cookie;
}

class Probe {
 public:
  Probe(const std::vector<Resolution>& hosts, const ProbeSettings& settings)
      : hosts_(hosts), settings_(settings), results_(hosts.size()) {
    for (size_t i = 0; i < hosts.size(); ++i) {
      if (!hosts[i].address) {
        results_[i].problem = hosts[i].error;
        continue;
      }
      pending_.push_back(i);
      if (!socket_for(hosts[i].address->family())) {
        auto& slot = hosts[i].address->family() == AF_INET6 ? ipv6_ : ipv4_;
        slot.emplace(hosts[i].address->family(), settings.socket_kind, settings.source);
      }
    }
  }

  std::vector<HostReachability> run(const exec::Deadline& deadline) {
    // Retries go out timeout/attempts apart (as fping's do), yet every request may be
    // answered until `timeout` after it was sent: a dead host is given up on after
    // timeout × (2 - 1/attempts) at most, a slow one still counts.
    const auto spacing = settings_.timeout / settings_.attempts;
    int rounds = 0;
    auto next_round = Clock::now();
    auto give_up = Clock::now();
    while (!pending_.empty() && !deadline.expired()) {
      if (rounds < settings_.attempts && Clock::now() >= next_round) {
        send_round(uint16_t(rounds++));
        next_round = Clock::now() + spacing;
        give_up = std::min(Clock::now() + settings_.timeout, deadline.when());
      }
      const bool more_rounds = rounds < settings_.attempts;
      if (!more_rounds && Clock::now() >= give_up) break;
      wait_for_replies(more_rounds ? std::min(next_round, deadline.when()) : give_up);
    }
    for (size_t i : pending_) {
      if (results_[i].problem.empty()) {
        results_[i].problem = cat("no reply to ", rounds, " echo request", rounds == 1 ? "" : "s");
      }
    }
    return results_;
  }

 private:
  EchoSocket* socket_for(int family) {
    auto& slot = family == AF_INET6 ? ipv6_ : ipv4_;
    return slot ? &*slot : nullptr;
  }

  void send_round(uint16_t round) {
    for (size_t i : pending_) {
      const IpAddress& address = *hosts_[i].address;
      const Payload payload{cookie_, uint32_t(i), now_ns()};
      const std::string error = socket_for(address.family())->send(address, round, payload.bytes());
      results_[i].problem = error.empty() ? "" : cat("cannot send: ", error);
    }
  }

  void wait_for_replies(Clock::time_point until) {
    std::vector<pollfd> fds;
    for (EchoSocket* socket : {socket_for(AF_INET), socket_for(AF_INET6)}) {
      if (socket) fds.push_back({socket->fd(), POLLIN, 0});
    }
    const auto left = std::chrono::ceil<exec::Millis>(until - Clock::now());
    if (::poll(fds.data(), fds.size(), int(std::max<int64_t>(left.count(), 0))) <= 0) return;
    for (EchoSocket* socket : {socket_for(AF_INET), socket_for(AF_INET6)}) {
      if (!socket) continue;
      while (auto reply = socket->receive()) record(*reply);
    }
  }

  void record(const ReceivedReply& reply) {
    const auto payload = Payload::from(reply.message.payload);
    if (!payload || payload->cookie != cookie_ || payload->host >= results_.size()) return;
    const auto it = std::find(pending_.begin(), pending_.end(), size_t(payload->host));
    if (it == pending_.end()) return;  // answered already: a duplicate, or a reply to a retry
    pending_.erase(it);
    HostReachability& result = results_[payload->host];
    result.reachable = true;
    result.problem.clear();
    result.round_trip = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::nanoseconds(now_ns() - payload->sent_ns));
  }

  const std::vector<Resolution>& hosts_;
  const ProbeSettings& settings_;
  std::vector<HostReachability> results_;
  std::vector<size_t> pending_;  ///< hosts with an address that have not answered yet
  std::optional<EchoSocket> ipv4_, ipv6_;
  const uint64_t cookie_ = random_cookie();
};

}  // namespace

std::vector<HostReachability> probe(const std::vector<Resolution>& hosts,
                                    const ProbeSettings& settings, const exec::Deadline& deadline) {
  return Probe(hosts, settings).run(deadline);
}

}  // namespace hakit::net
