#include "net/resolver.h"

#include <netdb.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "util/strings.h"

namespace hakit::net {
namespace {

/// Shared with the lookup threads, which may outlive resolve().
struct Lookups {
  std::mutex mutex;
  std::condition_variable finished;
  std::vector<std::optional<Resolution>> results;
  size_t pending = 0;
};

}  // namespace

Resolution look_up_name(const std::string& name) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;  // one entry per address instead of one per socket type
  addrinfo* found = nullptr;
  const int status = ::getaddrinfo(name.c_str(), nullptr, &hints, &found);
  if (status != 0) return {std::nullopt, cat("name lookup failed: ", ::gai_strerror(status))};
  auto address = IpAddress::from(found->ai_addr, found->ai_addrlen);
  ::freeaddrinfo(found);
  if (!address) return {std::nullopt, "name lookup gave no IPv4 or IPv6 address"};
  return {address, ""};
}

std::vector<Resolution> resolve(const std::vector<Host>& hosts, const exec::Deadline& deadline,
                                NameLookup look_up) {
  auto lookups = std::make_shared<Lookups>();
  lookups->results.resize(hosts.size());
  for (size_t i = 0; i < hosts.size(); ++i) {
    if (hosts[i].kind != HostKind::kName) {
      lookups->results[i] = Resolution{IpAddress::parse(hosts[i].text), ""};
      continue;
    }
    ++lookups->pending;
    std::thread([lookups, i, look_up, name = hosts[i].text] {
      Resolution result = look_up(name);
      const std::lock_guard lock(lookups->mutex);
      lookups->results[i] = std::move(result);
      --lookups->pending;
      lookups->finished.notify_one();
    }).detach();
  }

  std::unique_lock lock(lookups->mutex);
  lookups->finished.wait_until(lock, deadline.when(), [&] { return lookups->pending == 0; });
  std::vector<Resolution> results;
  for (const auto& result : lookups->results) {
    results.push_back(result.value_or(Resolution{std::nullopt, "name lookup timed out"}));
  }
  return results;
}

}  // namespace hakit::net
